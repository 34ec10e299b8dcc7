--[[ Signals: conditions, states, turning points and what was known when.

Conditions return 1/0 series, NA where an input is NA (tri-state):
  signal.above(a, b), signal.below(a, b)      a > b, a < b (b a series or a number)
  signal.cross_above(a, b), cross_below(a, b) 1 at t when a − b changes sign from <= 0
                                              (>= 0) at t−1 to > 0 (< 0) at t; a cross
                                              over a gap is not a cross (NA)
  signal.rising(x, n), signal.falling(x, n)   n consecutive rises (falls)
  signal.persist(cond, k)                     true in each of the last k periods
  signal.first(cond)                          the first period of each run of trues
  signal.hold(on, off)                        a latch: 1 from on until off (on wins
                                              a tie); keeps its state through NA
  signal.quadrant{growth=, inflation=}        investment-clock regimes from the
                                              signs of two direction series:
                                              1 recovery (g+, i−), 2 overheat (g+, i+),
                                              3 stagflation (g−, i+), 4 reflation (g−, i−)

Turning points: signal.turning_points(s, {method=, window=, phase=, cycle=,
censor=, override=}) dates peaks and troughs with
  "bry_boschan"      monthly default: 2x12 MA candidates ±6, Spencer curve,
                     MCD short MA, final turns on the raw series; minimum
                     phase 5, cycle 15, 6 months censored at each end
  "bbq"              quarterly default (Harding-Pagan): ±2 quarters, phase 2,
                     cycle 5, 2 quarters censored
  "pagan_sossounov"  asset prices (monthly): ±8 months, phase 4, cycle 16,
                     6 censored; short phases/cycles kept when they move > 20%
Each turn has its turn date and its confirmation date: the first period at
which the method, run only on data up to then (and on every longer
sample), finds it. tp:peaks(), tp:troughs() are event series stamped at the
confirmation date (at="turn" stamps the turn date and is marked as looking
ahead; when several turns are confirmed in the same period only the latest
makes an event, the earlier ones being already superseded); tp:phase() is +1 in expansions and −1 in contractions, switching at
confirmation dates (at="turn": from the period after each turn, as the
NBER dates contractions, looking ahead); tp:table() lists type, date,
confirm, delay, value, duration (periods since the previous turn), change
(value − previous turn's value) and change_pct (% change, when both values
are positive); print(tp).

Publication lags: s:release_lag(days) records how many days after the end of
each period its value is published (defaults by s.meta.release: "cpi"/"ppi"
10, "activity" 17, "gdp" 18, "money" 12; otherwise 15 for monthly, 20 for
quarterly data). s:as_of(calendar) gives, for each period of a daily or
business-day calendar series, the last value published by that day.
]]

local M = signal
-- the C kernels, held here: a sandboxed run removes the "_" primitives from `signal`
local cross_raw, turns_raw = M._cross, M._turns

function M.above(a, b) return a:gt(b) end
function M.below(a, b) return a:lt(b) end
function M.cross_above(a, b) return cross_raw(a - b, 1) end
function M.cross_below(a, b) return cross_raw(a - b, -1) end

M.QUADRANTS = {"recovery", "overheat", "stagflation", "reflation"}

function M.quadrant(args)
  local g, i = args.growth, args.inflation
  if not (series.is(g) and series.is(i)) then error("signal.quadrant: give growth= and inflation= series", 2) end
  local up_g, up_i = g:gt(0), i:gt(0)
  -- 1 + (g down)·2 + (g up == i up ? 1 : 0) mapped to the four codes
  local q = (up_g * (up_i + 1)) + ((1 - up_g) * (4 - up_i))
  q.name = "quadrant"
  q.meta.labels = M.QUADRANTS
  return q
end

-- turning points ------------------------------------------------------------

local DEFAULT_METHOD = {M = "bry_boschan", Q = "bbq"}
local ALIASES = {bb = "bry_boschan", ps = "pagan_sossounov", harding_pagan = "bbq"}

local tp_methods = {}
local tp_mt = {__name = "turning_points", __index = tp_methods}
M._tp_methods = tp_methods

function M.turning_points(s, opts)
  if not series.is(s) then error("turning_points: s must be a series", 2) end
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.method = ALIASES[o.method] or o.method or DEFAULT_METHOD[s.freq]
  if not o.method then
    error(("turning_points: no default method for %s data; give {method='bry_boschan'|'bbq'|'pagan_sossounov'}"):format(s.freq), 2)
  end
  local turns, rules = turns_raw(s, o)
  return setmetatable({turns = turns, rules = rules, series = s}, tp_mt)
end

-- period text -> position in s
local function index_of(s)
  local index = {}
  for i, d in ipairs(s:dates()) do index[d] = i end
  return index
end

local function events(tp, kind, at)
  local s = tp.series
  local v = {}
  for i = 1, #s do v[i] = 0 end
  local index = index_of(s)
  for i, t in ipairs(tp.turns) do
    -- when several turns are confirmed at once only the latest is news: a
    -- trough confirmed together with the peak after it is already stale
    local stale = at ~= "turn" and tp.turns[i + 1] and tp.turns[i + 1].confirm == t.confirm
    if (kind == nil or t.type == kind) and not stale then v[index[at == "turn" and t.date or t.confirm]] = 1 end
  end
  local r = series.new{freq = s.freq, start = s.start, values = v, n = #s, name = (kind or "turn") .. "s"}
  if at == "turn" then r.meta.lookahead = "turning-point turn dates (known only at confirmation)" end
  return r
end

function tp_methods.peaks(tp, opts) return events(tp, "peak", (opts or {}).at) end
function tp_methods.troughs(tp, opts) return events(tp, "trough", (opts or {}).at) end

--- tp:phase{at=}: +1 after a trough, −1 after a peak (NA before the first turn).
function tp_methods.phase(tp, opts)
  local at = (opts or {}).at
  local s = tp.series
  local index = index_of(s)
  local switch = {}
  -- by turn date the peak month still belongs to the expansion (the NBER
  -- convention: a contraction starts the period after the peak)
  for _, t in ipairs(tp.turns) do
    local i = at == "turn" and index[t.date] + 1 or index[t.confirm]
    if i <= #s then switch[i] = t.type == "peak" and -1 or 1 end
  end
  local v, state = {}, nil
  for i = 1, #s do
    if switch[i] then state = switch[i] end
    v[i] = state
  end
  local r = series.new{freq = s.freq, start = s.start, values = v, n = #s, name = "phase"}
  if at == "turn" then r.meta.lookahead = "turning-point phases by turn date" end
  return r
end

function tp_methods.table(tp)
  local rows = {}
  for i, t in ipairs(tp.turns) do
    local prev = tp.turns[i - 1]
    rows[i] = {type = t.type, date = t.date, confirm = t.confirm, delay = t.delay, value = t.value,
               duration = prev and (#tp.series:slice(prev.date, t.date) - 1) or nil,
               change = prev and t.value - prev.value or nil,
               change_pct = prev and prev.value > 0 and t.value > 0 and 100 * (t.value / prev.value - 1) or nil}
  end
  return rows
end

function tp_mt.__tostring(tp)
  local r = tp.rules
  local lines = {("turning points (%s: window ±%d, phase %d, cycle %d, censor %d%s) of %s"):format(
    r.method, r.window, r.phase, r.cycle, r.censor, r.override > 0 and (", override %g%%"):format(100 * r.override) or "",
    tp.series.name or "series"),
    ("  %-7s %-10s %-10s %5s %12s %7s %10s %9s"):format("type", "turn", "confirmed", "delay", "value", "length", "change", "change %")}
  for _, row in ipairs(tp:table()) do
    lines[#lines + 1] = ("  %-7s %-10s %-10s %5d %12s %7s %10s %9s"):format(row.type, row.date, row.confirm, row.delay,
      ("%.6g"):format(row.value), row.duration or "", row.change and ("%.4g"):format(row.change) or "",
      row.change_pct and ("%.1f"):format(row.change_pct) or "")
  end
  local np = 0
  for _, t in ipairs(tp.turns) do if t.type == "peak" then np = np + 1 end end
  lines[#lines + 1] = ("  %d peaks, %d troughs"):format(np, #tp.turns - np)
  return table.concat(lines, "\n")
end

--- s:where(cond): s where cond is 1 (nonzero), NA where it is 0 or missing;
--- on the common span of s and cond (cond may be a number).
function series._methods.where(s, cond)
  if not series.is(cond) then
    if cond and cond ~= 0 then return s end
    return s * NA
  end
  local both = s + cond * 0                    -- aligned on the common span, frequency checked
  local c = cond:slice(both.start, both.stop):values()
  local v = both:values()
  local sv = s:slice(both.start, both.stop):values()
  for i = 1, #v do v[i] = (c[i] == c[i] and c[i] ~= 0) and sv[i] or NA end
  local r = series.new{freq = both.freq, start = both.start, values = v, n = #v, name = s.name}
  if s.meta.lookahead or cond.meta.lookahead then r.meta.lookahead = s.meta.lookahead or cond.meta.lookahead end
  return r
end

-- publication lags ------------------------------------------------------------

local LAGS = {cpi = 10, ppi = 10, activity = 17, gdp = 18, money = 12, pmi = 1}
local FREQ_LAG = {M = 15, Q = 20, A = 60}

function series._methods.release_lag(s, days)
  local r = s:rename(s.name)
  r.meta.release_lag = days
  return r
end

local function lag_days(s)
  return s.meta.release_lag or LAGS[s.meta.release or ""] or FREQ_LAG[s.freq] or 0
end

--- s:as_of(calendar): for each period of a B or D calendar series, the last
--- value of s published by that day (period end + release lag).
function series._methods.as_of(s, calendar)
  if not series.is(calendar) or (calendar.freq ~= "B" and calendar.freq ~= "D") then
    error("as_of: calendar must be a business-day or daily series", 2)
  end
  local lag = lag_days(s)
  local ends, values = s:dates("end"), s:values()
  -- publication day of each value: its period's last day + lag (as a date string)
  local pub = {}
  for i, d in ipairs(ends) do
    local y, m, dd = d:match("(%d+)-(%d+)-(%d+)")
    local t = os.time{year = tonumber(y), month = tonumber(m), day = tonumber(dd) + lag, hour = 12}
    pub[i] = os.date("%Y-%m-%d", t)            -- os.time normalised the day overflow
  end
  local cal = calendar:dates()
  local out, j, last = {}, 0, nil
  for i, d in ipairs(cal) do
    while j < #pub and pub[j + 1] <= d do
      j = j + 1
      if values[j] == values[j] then last = values[j] end
    end
    out[i] = last
  end
  local r = series.new{freq = calendar.freq, start = calendar.start, values = out, n = #cal, name = s.name}
  r.meta.release_lag = lag
  r.meta.as_of = true
  return r
end

return M

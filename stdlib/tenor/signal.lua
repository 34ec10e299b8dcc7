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
                                              3 stagflation (g−, i+), 4 reflation (g−, i−);
                                              ties: a change of exactly 0 keeps the
                                              direction of the period before (no news
                                              is not a fall), NA when that is NA

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

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = signal
-- the C kernels, held here: a sandboxed run removes the "_" primitives from `signal`
local cross_raw, turns_raw = M._cross, M._turns
doc.add("signal.above", "signal.above(a, b)", "1 where a > b (b a series or a number), 0 where not, NA where either is missing.", "signal.above(ppi:yoy(), 0)")

args.declare("signal.quadrant", {
  {"growth", "series", help = "required: the growth direction (> 0 up)"},
  {"inflation", "series", help = "required: the inflation direction (> 0 up)"},
})
args.declare("signal.turning_points", {
  {"method", "string", choices = {"bry_boschan", "bbq", "pagan_sossounov", "bb", "harding_pagan", "ps"},
   default = "bry_boschan M, bbq Q", help = "dating rules (bb, harding_pagan, ps: other names of the three)"},
  {"window", "integer", min = 1, default = "by method", help = "periods each side for a local extreme"},
  {"phase", "integer", min = 1, default = "by method", help = "shortest phase (periods)"},
  {"cycle", "integer", min = 1, default = "by method", help = "shortest full cycle (periods)"},
  {"censor", "integer", min = 0, default = "by method", help = "periods at each end where no turn is dated"},
  {"override", "number", gt = 0, default = "20% (pagan_sossounov)", help = "a move (%) that keeps a short phase"},
})
local AT = {{"at", "string", choices = {"confirm", "turn"}, default = "confirm",
             help = "stamp at the confirmation date, or the turn date (looks ahead)"}}
args.declare("tp:peaks", AT)
args.declare("tp:troughs", AT)
args.declare("tp:phase", AT)

-- The operands of a condition: a series, and a series or a number.
local function operands(fname, a, b)
  args.series(fname, "a", a, 4)
  args.series(fname, "b", b, 4, true)
end

function M.above(a, b) operands("signal.above", a, b); return a:gt(b) end
doc.add("signal.below", "signal.below(a, b)", "1 where a < b, 0 where not, NA where either is missing.", "signal.below(cpi:yoy(), 2)")
function M.below(a, b) operands("signal.below", a, b); return a:lt(b) end
doc.add("signal.cross_above", "signal.cross_above(a, b)", "1 at t when a − b goes from <= 0 at t−1 to > 0 at t; 0 otherwise; NA when t or t−1 is missing (a cross over a gap is not a cross).", "signal.cross_above(ip:rolling(3, 'mean'), ip:rolling(12, 'mean'))")
function M.cross_above(a, b) operands("signal.cross_above", a, b); return cross_raw(a - b, 1) end
doc.add("signal.cross_below", "signal.cross_below(a, b)", "1 at t when a − b goes from >= 0 at t−1 to < 0 at t; NA over gaps.", "signal.cross_below(ppi:yoy(), 0)")
function M.cross_below(a, b) operands("signal.cross_below", a, b); return cross_raw(a - b, -1) end

M.QUADRANTS = {"recovery", "overheat", "stagflation", "reflation"}

-- 1 where x rises, 0 where it falls; a change of exactly 0 takes the
-- direction of the period before (NA when there is none): a flat month is
-- no news, not a fall.
local function direction(x)
  local v, up = x:values(), {}
  for t = 1, #x do
    local c = v[t]
    if c ~= c then up[t] = nil
    elseif c > 0 then up[t] = 1
    elseif c < 0 then up[t] = 0
    else up[t] = up[t - 1] end
  end
  return series.new{freq = x.freq, start = x.start, values = up, n = #x}
end

doc.add("signal.quadrant", "signal.quadrant{growth=, inflation=}", "Investment-clock regimes from the signs of two change series: 1 recovery (g+, i−), 2 overheat (g+, i+), 3 stagflation (g−, i+), 4 reflation (g−, i−); labels in meta.labels. Ties: a change of exactly 0 keeps the previous period's direction (NA if that is NA), so a flat month is not a fall.", "signal.quadrant{growth = ip:yoy():diff(3), inflation = cpi:yoy():diff(3)}")
function M.quadrant(a)
  a = args.check("signal.quadrant", a)
  local g, i = a.growth, a.inflation
  if not (series.is(g) and series.is(i)) then error("signal.quadrant: give growth= and inflation= series", 2) end
  local up_g, up_i = direction(g), direction(i)
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

doc.add("signal.turning_points", "signal.turning_points(s, {method=, window=, phase=, cycle=, censor=, override=})", "Peaks and troughs by Bry-Boschan (monthly default; ±6, phase 5, cycle 15, censor 6), Harding-Pagan BBQ (quarterly; ±2, phase 2, cycle 5, censor 2) or Pagan-Sossounov ('ps'; ±8, phase 4, cycle 16, 20% override). Each turn has its date and its confirmation date (first period at which the method on data up to then finds it). Methods :peaks{at=}, :troughs{at=} (events at confirmation; at='turn' looks ahead), :phase{at=}, :table().", "local tp = signal.turning_points(ppi:yoy():dropna()); print(tp)")
function M.turning_points(s, opts)
  local o = args.check("signal.turning_points", opts)
  if not series.is(s) then error("signal.turning_points: s must be a series", 2) end
  o.method = ALIASES[o.method] or o.method or DEFAULT_METHOD[s.freq]
  if not o.method then
    error(("signal.turning_points: no default method for %s data; give {method='bry_boschan'|'bbq'|'pagan_sossounov'}"):format(s.freq), 2)
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

doc.add("tp:peaks", "tp:peaks{at='confirm'|'turn'}", "An event series: 1 at each peak's confirmation date (at='turn': at the peak itself, marked as looking ahead), 0 elsewhere.", "tp:peaks():sum()")
doc.add("tp:troughs", "tp:troughs{at='confirm'|'turn'}", "An event series: 1 at each trough's confirmation date (at='turn': at the trough, looking ahead), 0 elsewhere.", "rule{signal = tp:troughs(), asset = spx}")
function tp_methods.peaks(tp, opts) return events(tp, "peak", args.check("tp:peaks", opts).at) end
function tp_methods.troughs(tp, opts) return events(tp, "trough", args.check("tp:troughs", opts).at) end

doc.add("tp:phase", "tp:phase{at='confirm'|'turn'}", "+1 in expansions, −1 in contractions, switching at confirmation dates (at='turn': the period after each turn, the NBER convention; looks ahead); NA before the first switch.", "tp:phase():to('Q', 'last')")
function tp_methods.phase(tp, opts)
  local at = args.check("tp:phase", opts).at
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

doc.add("tp:table", "tp:table()", "The turns as rows: type, date, confirm, delay (periods from turn to confirmation), value, duration (periods since the previous turn), change (value difference) and change_pct (% change when both values are positive).", "for _, t in ipairs(tp:table()) do print(t.date, t.confirm) end")
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

doc.add("s:where", "s:where(cond)", "s where cond is 1 (nonzero), NA where cond is 0 or missing, on the common span; cond may be a number.", "gs10:where(cpi:yoy():le(3)):mean()")
function series._methods.where(s, cond)
  if not (series.is(cond) or type(cond) == "number" or type(cond) == "boolean") then
    error(("s:where: cond must be a series, a number or a boolean (got %s)"):format(tenor.show(cond)), 2)
  end
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

doc.add("s:release_lag", "s:release_lag(days)", "A copy that records its publication lag: each value is published `days` after its period ends (default by meta.release: cpi/ppi 10, activity 17, gdp 18, money 12; else 15 M, 20 Q).", "cpi:release_lag(10)")
function series._methods.release_lag(s, days)
  if not (type(days) == "number" and days >= 0 and days < math.huge and days == math.floor(days)) then
    error(("s:release_lag: days must be a whole number of days, at least 0 (got %s)"):format(tenor.show(days)), 2)
  end
  local r = s:rename(s.name)
  r.meta.release_lag = days
  return r
end

local function lag_days(s)
  return s.meta.release_lag or LAGS[s.meta.release or ""] or FREQ_LAG[s.freq] or 0
end

doc.add("s:as_of", "s:as_of(calendar)", "For each period of a daily or business-day calendar series, the last value of s published by that day (period end + release lag); NA before the first publication.", "ppi:yoy():as_of(sse)")
function series._methods.as_of(s, calendar)
  if not series.is(calendar) or (calendar.freq ~= "B" and calendar.freq ~= "D") then
    error("s:as_of: calendar must be a business-day or daily series", 2)
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

-- help of the functions written in C
doc.add("signal.rising", "signal.rising(x, n=1)", "1 when x rose in each of the last n periods (x_t > x_{t−1} > … > x_{t−n}); NA when any of them is missing.", "signal.rising(ppi:yoy(), 3)")
doc.add("signal.falling", "signal.falling(x, n=1)", "1 when x fell in each of the last n periods; NA when any of them is missing.", "signal.falling(cpi:yoy(), 2)")
doc.add("signal.persist", "signal.persist(cond, k)", "1 when cond was 1 in each of the last k periods; 0 when any was 0; NA when one is missing and none is 0.", "signal.persist(ip:yoy():gt(0), 3)")
doc.add("signal.first", "signal.first(cond)", "1 in the first period of each run of 1s (cond_t = 1, cond_{t−1} = 0); NA when either is missing.", "signal.first(ppi:yoy():gt(0))")
doc.add("signal.hold", "signal.hold(on, off)", "A latch: 1 from a period where on = 1 until a period where off = 1 (on wins a tie), 0 before; keeps its state through NA.", "local fast, slow = ip:rolling(3), ip:rolling(12); signal.hold(signal.cross_above(fast, slow), signal.cross_below(fast, slow))")

return M

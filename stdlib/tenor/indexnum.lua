--[[ Index numbers and contributions to growth (module `indexnum`).

Components are given as tables name -> series (all one frequency): prices p,
and quantities q, which may also be constant numbers (fixed basket weights).
A share-weighted aggregate (CPI = Σ w_i · index_i) is additive in the parts
w_i · index_i: pass those as the parts of contributions.

indexnum.laspeyres{p=, q=, base=}   100 · Σ p_t q_0 / Σ p_0 q_0
indexnum.paasche{p=, q=, base=}     100 · Σ p_t q_t / Σ p_0 q_t
indexnum.fisher{p=, q=, base=}      √(Laspeyres · Paasche)
indexnum.tornqvist{p=, q=, base=}   100 · exp(Σ ½(s_i0 + s_it) ln(p_it / p_i0)),
                                    s = value shares p·q / Σ p·q
  base: the base period (default the first period all components share);
  the quantities of the base period are its own (fixed base).
  With chain=true each period is linked to the one before (the formula with
  base t−1), and the links are multiplied up from 100 at the first period.
  For quarterly national-accounts practice see indexnum.chain_volume below.

indexnum.contributions{parts=, total=, lag=} -> dataset
  Additive contributions of components to the total's growth over lag
  periods (default: a year, 12 M / 4 Q): the pull (拉动), in percentage
  points, c_i = 100 · (x_it − x_i,t−lag) / total_{t−lag}, which add up to the
  total's growth when total = Σ parts (checked, or pass total=nil to use the
  sum); and the share (贡献率) = 100 · c_i / growth, in percent. Columns:
  <name> (pull) and <name>_share, plus "growth". Chained aggregates are not
  additive: use chained_contributions.

indexnum.chained_contributions{volumes=, values=, lag=} -> dataset
  Contributions to the growth of a chain-linked Laspeyres volume aggregate
  (real GDP at previous-year prices) from each component's volume series
  (any index or chained-volume series of it) and its value at current
  prices: c_i = 100 · s_i,t−lag · (v_it / v_i,t−lag − 1), with s the
  component's share of the total value at t−lag. They add up exactly to the
  aggregate's growth from t−lag to t when it is chained every lag periods
  (annual data chained annually: lag = 1, the default). Same columns as
  contributions. For a chained price index swap the roles: price indexes as
  volumes, values as values.
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = {}

local P = {"p", "table", help = "required: prices, name -> series"}
local Q = {"q", "table", help = "required: quantities or fixed weights, name -> series or number"}
for _, kind in ipairs{"laspeyres", "paasche", "fisher", "tornqvist"} do
  args.declare("indexnum." .. kind, {P, Q,
    {"base", "string|integer", default = "the first shared period", help = "the fixed base period"},
    {"chain", "boolean", default = false, help = "link each period to the one before"},
  })
end
args.declare("indexnum.chain_volume", {P, Q,
  {"method", "string", choices = {"annual_overlap", "one_quarter_overlap"}, default = "annual_overlap",
   help = "chain-linking method (IMF QNA manual, ch. 8)"},
})
args.declare("indexnum.contributions", {
  {"parts", "table", help = "required: the additive parts, name -> series"},
  {"total", "series", default = "the sum of the parts", help = "the total (checked to equal the sum)"},
  {"lag", "integer", min = 1, default = "a year: 12 M, 4 Q, 1 A", help = "growth over this many periods"},
})
args.declare("indexnum.chained_contributions", {
  {"volumes", "table", help = "required: volume series, name -> series"},
  {"values", "table", help = "required: values at current prices, name -> series"},
  {"lag", "integer", min = 1, default = 1, help = "growth over this many periods (the chaining interval)"},
})

-- The checked named arguments of fname; raises at the caller of the public
-- function (make_index is reached by a tail call, so every caller is 3 up).
local function named(fname, a)
  return args.check(fname, a, 4)
end

local function names_of(t, who, allow_numbers)
  local names = {}
  for name, s in pairs(t or {}) do
    if not (series.is(s) or (allow_numbers and type(s) == "number")) then
      error(("%s: component '%s' is not a series%s"):format(who, tostring(name), allow_numbers and " or a number" or ""), 3)
    end
    names[#names + 1] = name
  end
  if #names == 0 then error(who .. ": no components", 3) end
  table.sort(names)
  return names
end

local function check_cover(p, q, who)
  local np, nq = names_of(p, who), names_of(q, who, true)
  for _, n in ipairs(np) do
    if q[n] == nil then error(("%s: component '%s' has a price but no quantity or weight"):format(who, n), 3) end
  end
  for _, n in ipairs(nq) do
    if p[n] == nil then error(("%s: component '%s' has a quantity or weight but no price"):format(who, n), 3) end
  end
  return np
end

-- A quantity or weight at a period: constant weights are plain numbers.
local function at(x, d) return type(x) == "number" and x or x:at(d) end

-- Σ_i a_i · b_i at period ta, tb (numbers), with every term present.
local function value_sum(p, q, names, tp, tq)
  local s = 0
  for _, n in ipairs(names) do
    local a, b = p[n]:at(tp), at(q[n], tq)
    if a == nil or b == nil then return nil end
    s = s + a * b
  end
  return s
end

local FORMULAS = {}
function FORMULAS.laspeyres(p, q, names, t, b)
  local num, den = value_sum(p, q, names, t, b), value_sum(p, q, names, b, b)
  return num and den and num / den
end
function FORMULAS.paasche(p, q, names, t, b)
  local num, den = value_sum(p, q, names, t, t), value_sum(p, q, names, b, t)
  return num and den and num / den
end
function FORMULAS.fisher(p, q, names, t, b)
  local l, pa = FORMULAS.laspeyres(p, q, names, t, b), FORMULAS.paasche(p, q, names, t, b)
  return l and pa and math.sqrt(l * pa)
end
function FORMULAS.tornqvist(p, q, names, t, b)
  local vb, vt = value_sum(p, q, names, b, b), value_sum(p, q, names, t, t)
  if not (vb and vt) then return nil end
  local lnI = 0
  for _, n in ipairs(names) do
    local sb, st = p[n]:at(b) * at(q[n], b) / vb, p[n]:at(t) * at(q[n], t) / vt
    lnI = lnI + 0.5 * (sb + st) * math.log(p[n]:at(t) / p[n]:at(b))
  end
  return math.exp(lnI)
end

-- The periods all components share.
local function common_dates(p, q, names)
  local probe = p[names[1]]
  for _, n in ipairs(names) do probe = probe + p[n] * 0 + (series.is(q[n]) and q[n] * 0 or 0) end
  return probe:dates(), probe
end

local function make_index(kind, a)
  local who = "indexnum." .. kind
  a = named(who, a)
  if a.chain and a.base then error(who .. ": give base or chain=true, not both", 2) end
  local p, q = a.p, a.q
  local names = check_cover(p, q, who)
  local dates, probe = common_dates(p, q, names)
  local out = {}
  if a.chain then
    local level = 100
    for i, d in ipairs(dates) do
      if i == 1 then out[i] = level
      else
        local link = FORMULAS[kind](p, q, names, d, dates[i - 1])
        level = link and level and level * link or nil
        out[i] = level
      end
    end
  else
    local base = a.base or dates[1]
    for i, d in ipairs(dates) do
      local r = FORMULAS[kind](p, q, names, d, base)
      out[i] = r and 100 * r
    end
  end
  local s = series.new{freq = probe.freq, start = probe.start, values = out, n = #dates, name = kind}
  s.meta.kind = "index"
  s.meta.formula = kind .. (a.chain and " (chained, period-to-period links)" or (" (fixed base " .. (a.base or dates[1]) .. ")"))
  return s
end

-- Annual aggregates of quarterly (or monthly) components: total quantity and
-- average price (annual value / annual quantity) per year.
local function annual(p, q, names)
  local out = {}
  for _, n in ipairs(names) do
    local qa = q[n]:to("A", "sum")
    local va = (p[n] * q[n]):to("A", "sum")
    out[n] = {q = qa, p = va / qa}
  end
  return out
end

--[[ indexnum.chain_volume{p=, q=, method="annual_overlap"|"one_quarter_overlap"}
Chain-linked Laspeyres volume index of quarterly (or monthly) data, by the
two methods of the IMF Quarterly National Accounts Manual (2017, ch. 8):
each period's quantities are valued at the previous year's average prices
p̄_{y−1} (annual value / annual quantity), relative to the previous year's
average period at those prices:
  L(t | y−1) = Σ p̄_{y−1} q_t / (Σ p̄_{y−1} q̄_{y−1} / f),  q̄ annual totals, f periods a year
  annual_overlap       I_t = L(t | y−1) · Ā_{y−1}, Ā_{y−1} the average of I over
                       year y−1: the annual averages of I equal the annually
                       chain-linked Laspeyres volume index (tested).
  one_quarter_overlap  I_t = I_{last period of y−1} · L(t | y−1) / L(last period of y−1 | y−1)
The first year is the reference: its periods average 100. The matching
price measure is the implicit deflator, value / volume. The data must start
in the first period of a year. ]]
doc.add("indexnum.chain_volume", "indexnum.chain_volume{p=, q=, method='annual_overlap'|'one_quarter_overlap'}", "Chain-linked Laspeyres volume of quarterly data at the previous year's prices (IMF QNA manual).", "indexnum.chain_volume{p = deflators, q = volumes}")
function M.chain_volume(a)
  local who = "indexnum.chain_volume"
  a = named(who, a)
  local method = a.method or "annual_overlap"
  local p, q = a.p, a.q
  local names = check_cover(p, q, who)
  local dates, probe = common_dates(p, q, names)
  if probe.freq ~= "Q" and probe.freq ~= "M" then error(who .. ": needs quarterly or monthly data", 2) end
  local per = probe.freq == "Q" and 4 or 12
  if not (dates[1]:match("Q1$") or dates[1]:match("%-01$")) then
    error(who .. ": the data must start in the first period of a year, not " .. dates[1], 2)
  end
  local ann = annual(p, q, names)
  local function L(d, y)
    local num, den = 0, 0
    for _, n in ipairs(names) do
      local qd, qy, py = q[n]:at(d), ann[n].q:at(y), ann[n].p:at(y)
      if not (qd and qy and py) then return nil end
      num, den = num + py * qd, den + py * qy
    end
    return num / (den / per)
  end
  local out, avg = {}, {}
  local y0 = dates[1]:sub(1, 4)
  for i, d in ipairs(dates) do
    local y = d:sub(1, 4)
    local prev = tostring(tonumber(y) - 1)
    local l = L(d, y == y0 and y0 or prev)
    if y == y0 then out[i] = l and 100 * l
    elseif method == "annual_overlap" then out[i] = l and avg[prev] and l * avg[prev]
    else
      local last = i - (i - 1) % per - 1             -- the last period of y−1
      local ll = L(dates[last], prev)
      out[i] = l and ll and out[last] and out[last] * l / ll
    end
    if i % per == 0 then
      local sum, k = 0, 0
      for j2 = i - per + 1, i do if out[j2] then sum, k = sum + out[j2], k + 1 end end
      if k == per then avg[y] = sum / per end
    end
  end
  local r = series.new{freq = probe.freq, start = probe.start, values = out, n = #dates, name = "chain_volume"}
  r.meta.kind = "index"
  r.meta.formula = "Laspeyres volume, " .. method .. " chain-linking (IMF QNA), " .. y0 .. " = 100"
  return r
end

doc.add("indexnum.laspeyres", "indexnum.laspeyres{p=, q=, base=, chain=}", "100·Σp_t q_0/Σp_0 q_0 (fixed base) or chained period-to-period links.", "indexnum.laspeyres{p = prices, q = quantities}")
doc.add("indexnum.paasche", "indexnum.paasche{p=, q=, base=, chain=}", "100·Σp_t q_t/Σp_0 q_t.", "indexnum.paasche{p = prices, q = quantities}")
doc.add("indexnum.fisher", "indexnum.fisher{p=, q=, base=, chain=}", "√(Laspeyres·Paasche).", "indexnum.fisher{p = prices, q = quantities, chain = true}")
doc.add("indexnum.tornqvist", "indexnum.tornqvist{p=, q=, base=, chain=}", "100·exp(Σ ½(s_0 + s_t) ln(p_t/p_0)), s value shares.", "indexnum.tornqvist{p = prices, q = quantities}")
doc.add("indexnum.contributions", "indexnum.contributions{parts=, total=, lag=}", "Each part's pull on the total's growth (拉动, pp) and share (贡献率, %); the pulls add up to the growth.", "indexnum.contributions{parts = {c = consumption, i = investment, nx = net_exports}}")
function M.laspeyres(a) return make_index("laspeyres", a) end
function M.paasche(a) return make_index("paasche", a) end
function M.fisher(a) return make_index("fisher", a) end
function M.tornqvist(a) return make_index("tornqvist", a) end

local PER_YEAR = {A = 1, Q = 4, M = 12}

function M.contributions(a)
  local who = "indexnum.contributions"
  a = named(who, a)
  local names = names_of(a.parts, who)
  local first = a.parts[names[1]]
  local lag = a.lag or PER_YEAR[first.freq]
  if not lag then error(who .. ": give {lag=} for " .. first.freq .. " data", 2) end
  local sum = first
  for i = 2, #names do sum = sum + a.parts[names[i]] end
  local total = a.total or sum
  if a.total then
    local gap = (total - sum):abs():max()
    local scale = total:abs():max() or 1
    if gap and gap > 1e-6 * scale then
      error(("%s: the parts do not add up to the total (largest gap %g); contributions would not sum to its growth"):format(who, gap), 2)
    end
  end
  local prev = total:lag(lag)
  local growth = (total / prev - 1) * 100
  growth.name = "growth"
  local cols = {growth}
  for _, n in ipairs(names) do
    local x = a.parts[n]
    local pull = (x - x:lag(lag)) / prev * 100
    pull.name = n
    local share = pull / growth * 100
    share.name = n .. "_share"
    cols[#cols + 1] = pull
    cols[#cols + 1] = share
  end
  return dataset.new(cols)
end

doc.add("indexnum.chained_contributions", "indexnum.chained_contributions{volumes=, values=, lag=1}", "Contributions to a chain-linked Laspeyres volume aggregate's growth: 100 · (previous value share) · (component volume growth); they add up to the aggregate's growth.", "indexnum.chained_contributions{volumes = {c = real_c, i = real_i}, values = {c = nom_c, i = nom_i}}")
function M.chained_contributions(a)
  local who = "indexnum.chained_contributions"
  a = named(who, a)
  local names = names_of(a.volumes, who)
  if type(a.values) ~= "table" then error(who .. ": give values={...} at current prices, one per component", 2) end
  for _, n in ipairs(names) do
    if not series.is(a.values[n]) then
      error(("%s: no value series for component '%s' (values must name the same components as volumes)"):format(who, tostring(n)), 2)
    end
  end
  local lag = a.lag or 1
  local total_prev
  for _, n in ipairs(names) do
    local v = a.values[n]:lag(lag)
    total_prev = total_prev and total_prev + v or v
  end
  local pulls, growth = {}, nil
  for _, n in ipairs(names) do
    local vol = a.volumes[n]
    local pull = a.values[n]:lag(lag) / total_prev * (vol / vol:lag(lag) - 1) * 100
    pull.name = n
    pulls[#pulls + 1] = pull
    growth = growth and growth + pull or pull
  end
  growth = growth * 1     -- a series of its own (with one component it is still that pull)
  growth.name = "growth"
  local cols = {growth}
  for i, n in ipairs(names) do
    local share = pulls[i] / growth * 100
    share.name = n .. "_share"
    cols[#cols + 1] = pulls[i]
    cols[#cols + 1] = share
  end
  return dataset.new(cols)
end

indexnum = M
return M

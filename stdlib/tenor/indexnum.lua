--[[ Index numbers and contributions to growth (module `indexnum`).

Components are given as tables name -> series (all one frequency), prices p
and quantities q (or values v = p·q where a formula needs them).

indexnum.laspeyres{p=, q=, base=}   100 · Σ p_t q_0 / Σ p_0 q_0
indexnum.paasche{p=, q=, base=}     100 · Σ p_t q_t / Σ p_0 q_t
indexnum.fisher{p=, q=, base=}      √(Laspeyres · Paasche)
indexnum.tornqvist{p=, q=, base=}   100 · exp(Σ ½(s_i0 + s_it) ln(p_it / p_i0)),
                                    s = value shares p·q / Σ p·q
  base: the base period (default the first period all components share);
  the quantities of the base period are its own (fixed base).
  With chain=true each period is linked to the one before (the formula with
  base t−1), and the links are multiplied up from 100 at the first period:
  the chained index of national accounts practice with period-to-period
  links.

indexnum.contributions{parts=, total=, lag=} -> dataset
  Additive contributions of components to the total's growth over lag
  periods (default: a year, 12 M / 4 Q): the pull (拉动), in percentage
  points, c_i = 100 · (x_it − x_i,t−lag) / total_{t−lag}, which add up to the
  total's growth when total = Σ parts (checked, or pass total=nil to use the
  sum); and the share (贡献率) = 100 · c_i / growth, in percent. Columns:
  <name> (pull) and <name>_share, plus "growth". For chained volume
  aggregates, which are not additive, use the parts' shares at the previous
  period's prices instead.
]]

local M = {}

local function names_of(t, who)
  local names = {}
  for name, s in pairs(t or {}) do
    if not series.is(s) then error(("%s: component '%s' is not a series"):format(who, tostring(name)), 3) end
    names[#names + 1] = name
  end
  if #names == 0 then error(who .. ": no components", 3) end
  table.sort(names)
  return names
end

local function check_cover(p, q, who)
  local np, nq = names_of(p, who), names_of(q, who)
  for _, n in ipairs(np) do
    if q[n] == nil then error(("%s: component '%s' has a price but no quantity or weight"):format(who, n), 3) end
  end
  for _, n in ipairs(nq) do
    if p[n] == nil then error(("%s: component '%s' has a quantity or weight but no price"):format(who, n), 3) end
  end
  return np
end

-- Σ_i a_i · b_i at period ta, tb (numbers), with every term present.
local function value_sum(p, q, names, tp, tq)
  local s = 0
  for _, n in ipairs(names) do
    local a, b = p[n]:at(tp), q[n]:at(tq)
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
    local sb, st = p[n]:at(b) * q[n]:at(b) / vb, p[n]:at(t) * q[n]:at(t) / vt
    lnI = lnI + 0.5 * (sb + st) * math.log(p[n]:at(t) / p[n]:at(b))
  end
  return math.exp(lnI)
end

-- The periods all components share.
local function common_dates(p, q, names)
  local probe = p[names[1]]
  for _, n in ipairs(names) do probe = probe + p[n] * 0 + q[n] * 0 end
  return probe:dates(), probe
end

local function make_index(kind, args)
  local who = "indexnum." .. kind
  local p, q = args.p, args.q
  local names = check_cover(p, q, who)
  local dates, probe = common_dates(p, q, names)
  local out = {}
  if args.chain then
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
    local base = args.base or dates[1]
    for i, d in ipairs(dates) do
      local r = FORMULAS[kind](p, q, names, d, base)
      out[i] = r and 100 * r
    end
  end
  local s = series.new{freq = probe.freq, start = probe.start, values = out, n = #dates, name = kind}
  s.meta.kind = "index"
  s.meta.formula = kind .. (args.chain and " (chained, period-to-period links)" or (" (fixed base " .. (args.base or dates[1]) .. ")"))
  return s
end

function M.laspeyres(args) return make_index("laspeyres", args) end
function M.paasche(args) return make_index("paasche", args) end
function M.fisher(args) return make_index("fisher", args) end
function M.tornqvist(args) return make_index("tornqvist", args) end

local PER_YEAR = {A = 1, Q = 4, M = 12}

function M.contributions(args)
  local who = "indexnum.contributions"
  local names = names_of(args.parts, who)
  local first = args.parts[names[1]]
  local lag = args.lag or PER_YEAR[first.freq]
  if not lag then error(who .. ": give {lag=} for " .. first.freq .. " data", 2) end
  local sum = first
  for i = 2, #names do sum = sum + args.parts[names[i]] end
  local total = args.total or sum
  if args.total then
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
    local x = args.parts[n]
    local pull = (x - x:lag(lag)) / prev * 100
    pull.name = n
    local share = pull / growth * 100
    share.name = n .. "_share"
    cols[#cols + 1] = pull
    cols[#cols + 1] = share
  end
  return dataset.new(cols)
end

indexnum = M
return M

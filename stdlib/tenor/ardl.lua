--[[ Autoregressive distributed lags: tsa.ardl.

m = tsa.ardl(y, xs, {lags = p, order = q | {name = q}, max_lags = 4, max_order = 4, select = "aic", trend = "c"})
  y_t = c + Σ_{i=1..p} φ_i y_{t-i} + Σ_x Σ_{j=0..q_x} β_{x,j} x_{t-j} + e_t by OLS.
  xs: {name = series} or an array of named series.
  Without lags/order the orders are chosen as statsmodels' ardl_select_order
  (glob = False): every p = 0..max_lags and, for each x, "left out" or
  q = 0..max_order, all fitted on the rows after max(max_lags, max_order),
  smallest criterion wins (aic = -2 ln L + 2(k+1), bic, hqic with k the
  regressors, constant included); then refitted on all the rows the chosen
  lags allow.
  Fields: lags, order[name], fit (a regress.ols fit: coefficient names
  const, <y>.L1.., <x>.L0..; every fit:... diagnostic works), long_run[name]
  = Σ_j β_{x,j} / (1 - Σ φ_i) (const: c / (1 - Σ φ_i)) with long_run_se
  by the delta method on the fit's covariance, selection (the criteria of
  every model tried, when selected).
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = tsa
-- the C fit, held here: a sandboxed run removes the "_" primitives from `regress`
local ols_raw = regress._ols

args.declare("tsa.ardl", {
  {"lags", "integer", min = 0, help = "lags p of y (with order: no selection)"},
  {"order", "integer|table", help = "lags 0..q of every x, or {name = q}"},
  {"max_lags", "integer", min = 0, default = 4, aliases = {"maxlag"}, help = "largest p searched"},
  {"max_order", "integer", min = 0, default = 4, aliases = {"maxorder"}, help = "largest q searched"},
  {"select", "string", choices = {"aic", "bic", "hqic"}, default = "aic", help = "criterion minimised"},
  {"trend", "string", choices = {"c", "n"}, default = "c", help = "a constant (c) or none (n)"},
})

local function inputs(y, xs)
  if series.is(xs) then xs = {xs} end
  if type(xs) ~= "table" then error("tsa.ardl: xs must be a series, an array of series or {name = series}", 3) end
  local names, list = {}, {}
  if #xs > 0 then
    for i, x in ipairs(xs) do names[i] = series.is(x) and x.name or ("x" .. i); list[i] = x end
  else
    for nm in pairs(xs) do names[#names + 1] = nm end
    table.sort(names)
    for i, nm in ipairs(names) do list[i] = xs[nm] end
  end
  if #list == 0 then error("tsa.ardl: give at least one x", 3) end
  local all, whats = {y}, {"y"}
  for i, x in ipairs(list) do all[i + 1] = x; whats[i + 1] = names[i] end
  all = M._common_span(all, "tsa.ardl", whats)
  local yname = y.name or "y"
  for _, nm in ipairs(names) do
    if nm == yname then error(("tsa.ardl: an x is named like y ('%s'); rename it"):format(nm), 3) end
  end
  return all, yname, names
end

-- Regressors of an ARDL(p; q...) as {name, series} in statsmodels' order.
local function design(all, yname, names, p, order)
  local regs = {}
  for i = 1, p do regs[#regs + 1] = {("%s.L%d"):format(yname, i), all[1]:lag(i)} end
  for j, nm in ipairs(names) do
    local q = order[nm]
    if q then
      for l = 0, q do regs[#regs + 1] = {("%s.L%d"):format(nm, l), l == 0 and all[j + 1] or all[j + 1]:lag(l)} end
    end
  end
  return regs
end

local function criteria(ssr, n, k)
  local ll = -n * (math.log(2 * math.pi * ssr / n) + 1) / 2
  return {aic = -2 * ll + 2 * (k + 1), bic = -2 * ll + math.log(n) * (k + 1),
          hqic = -2 * ll + 2 * math.log(math.log(n)) * (k + 1)}
end

-- Arrays of every candidate column over the rows after hold (lag l of
-- row t is row t - l of the aligned data).
local function columns(all, yname, names, maxp, maxq, hold)
  local n = #all[1]
  local function tail(v, l)
    local out = {}
    for t = hold + 1, n do out[t - hold] = v[t - l] end
    return out
  end
  local yv = all[1]:values()
  local c = {y = tail(yv, 0), ylag = {}, x = {}}
  for i = 1, maxp do c.ylag[i] = tail(yv, i) end
  for j, nm in ipairs(names) do
    local xv = all[j + 1]:values()
    c.x[nm] = {}
    for l = 0, maxq do c.x[nm][l] = tail(xv, l) end
  end
  return c
end

local function select_orders(all, yname, names, o)
  local maxp, maxq = o.max_lags or 4, o.max_order or 4
  local hold = math.max(maxp, maxq)
  local n = #all[1] - hold
  local with_const = (o.trend or "c") == "c"
  local c = columns(all, yname, names, maxp, maxq, hold)
  local tried, best = {}, nil
  local choice = {}
  local function visit(j, p)
    if j > #names then
      local cols, cn = {}, {}
      for i = 1, p do cols[#cols + 1] = c.ylag[i] end
      for _, nm in ipairs(names) do
        if choice[nm] then for l = 0, choice[nm] do cols[#cols + 1] = c.x[nm][l] end end
      end
      for i = 1, #cols do cn[i] = "c" .. i end
      local k = #cols + (with_const and 1 or 0)
      if k == 0 or n <= k then return end
      local ok, f = pcall(ols_raw, c.y, cols, cn, {const = with_const})
      if not ok then return end
      local ic = criteria(f.ssr, n, k)
      local entry = {lags = p, order = {}, aic = ic.aic, bic = ic.bic, hqic = ic.hqic}
      for nm, q in pairs(choice) do entry.order[nm] = q end
      tried[#tried + 1] = entry
      if best == nil or entry[o.select or "aic"] < best[o.select or "aic"] then best = entry end
      return
    end
    local nm = names[j]
    choice[nm] = nil
    visit(j + 1, p)
    for q = 0, maxq do choice[nm] = q; visit(j + 1, p) end
    choice[nm] = nil
  end
  local kmax = maxp + #names * (maxq + 1) + (with_const and 1 or 0)
  if n <= kmax then
    error(("tsa.ardl: %d rows after %d held back for the lags, for up to %d coefficients; lower max_lags or max_order")
      :format(n, hold, kmax), 3)
  end
  for p = 0, maxp do visit(1, p) end
  if not best then error("tsa.ardl: no model could be fitted; lower max_lags or max_order", 3) end
  return best, {criterion = o.select or "aic", nobs = n, models = tried}
end

local ardl_mt = {__name = "tsa.ardl"}

function M.ardl(y, xs, opts)
  local o = args.check("tsa.ardl", opts)
  local all, yname, names = inputs(y, xs)
  local p, order, selection = o.lags, {}, nil
  if (o.lags == nil) ~= (o.order == nil) then error("tsa.ardl: give both lags and order, or neither (to select them)", 2) end
  if p then
    for _, nm in ipairs(names) do
      local q = type(o.order) == "table" and o.order[nm] or (type(o.order) == "number" and o.order or nil)
      if q ~= nil and (math.type(q) ~= "integer" or q < 0) then error("tsa.ardl: order values must be integers >= 0", 2) end
      order[nm] = q
    end
  else
    local best
    best, selection = select_orders(all, yname, names, o)
    p, order = best.lags, best.order
  end
  local regs = design(all, yname, names, p, order)
  local hold = p
  for _, q in pairs(order) do hold = math.max(hold, q) end
  local X, dates = {}, all[1]:dates()
  for _, r in ipairs(regs) do X[r[1]] = r[2] end
  local ok, fit = pcall(regress.ols, all[1]:slice(dates[hold + 1]), X, {const = (o.trend or "c") == "c"})
  if not ok then error("tsa.ardl: " .. tostring(fit):gsub("^.-regress%.ols: ", ""), 2) end
  fit.y_name = yname
  local m = setmetatable({lags = p, order = order, fit = fit, y = yname, xs = names, selection = selection,
                          long_run = {}, long_run_se = {}}, ardl_mt)
  -- long run: g(b) = Σβ_x / (1 − Σφ); gradient ∂g/∂β = 1/(1−Σφ), ∂g/∂φ = g/(1−Σφ)
  local idx = {}
  for i, nm in ipairs(fit.names) do idx[nm] = i end
  local phi = 0
  for i = 1, p do phi = phi + fit.coef[("%s.L%d"):format(yname, i)] end
  local denom = 1 - phi
  local targets = {}
  if fit.const then targets.const = {"const"} end
  for _, nm in ipairs(names) do
    if order[nm] then
      targets[nm] = {}
      for l = 0, order[nm] do targets[nm][#targets[nm] + 1] = ("%s.L%d"):format(nm, l) end
    end
  end
  for nm, terms in pairs(targets) do
    local num = 0
    for _, t in ipairs(terms) do num = num + fit.coef[t] end
    local g = num / denom
    local grad = {}
    for _, t in ipairs(terms) do grad[idx[t]] = 1 / denom end
    for i = 1, p do grad[idx[("%s.L%d"):format(yname, i)]] = g / denom end
    local v = 0
    for a, ga in pairs(grad) do for b, gb in pairs(grad) do v = v + ga * fit.cov[a][b] * gb end end
    m.long_run[nm], m.long_run_se[nm] = g, math.sqrt(v)
  end
  return m
end

function ardl_mt.__tostring(m)
  local parts = {}
  for _, nm in ipairs(m.xs) do parts[#parts + 1] = m.order[nm] and tostring(m.order[nm]) or "-" end
  local lines = {("ARDL(%d, %s) of %s on %s%s"):format(m.lags, table.concat(parts, ", "), m.y, table.concat(m.xs, ", "),
    m.selection and (" (orders by %s over %d models on a common %d rows)"):format(m.selection.criterion:upper(),
      #m.selection.models, m.selection.nobs) or ""), tostring(m.fit), "",
    "long-run coefficients Σβ/(1 - Σφ) (delta-method std. errors):"}
  local keys = {}
  for nm in pairs(m.long_run) do keys[#keys + 1] = nm end
  table.sort(keys)
  for _, nm in ipairs(keys) do
    lines[#lines + 1] = ("  %-12s %12.6g (%10.4g)"):format(nm, m.long_run[nm], m.long_run_se[nm])
  end
  return table.concat(lines, "\n")
end

doc.add("tsa.ardl", "tsa.ardl(y, xs, {lags =, order =, max_lags = 4, max_order = 4, select = \"aic\", trend = \"c\"}) -> model",
  "Autoregressive distributed-lag regression by OLS: y on a constant, p of its lags and lags 0..q of each x. " ..
  "Without lags and order, the orders minimise the criterion over p = 0..max_lags and, for each x, left out or " ..
  "q = 0..max_order, on a common sample (statsmodels' ardl_select_order, glob = False); the chosen model is refitted " ..
  "on all its rows. Fields: lags, order[x], fit (a regress.ols fit: names <y>.L1, <x>.L0, ...; fit:bg() etc. work), " ..
  "long_run[x] = Σβ/(1 - Σφ) and long_run_se (delta method), selection.",
  "local m = tsa.ardl(cpi:yoy(), {ppi = ppi:yoy()}, {max_lags = 6, max_order = 6})\nprint(m)\nprint(m.long_run.ppi, m.long_run_se.ppi)")

return M

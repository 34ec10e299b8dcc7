--[[ Temporal disaggregation with indicators: y:to(freq, method, opts) for
method "chow-lin", "fernandez" or "litterman" (loaded on first use by
tenor.series). The GLS itself is core/tempdisagg.c; the model and its
formulas are in core/tempdisagg.h. This file aligns the series and checks.

y:to(freq, "chow-lin"|"fernandez"|"litterman",
     {indicator = x | {x1, x2, ...}, const = true, rho = | estimate = "ml"|"minrss",
      agg = "sum"|"mean"|"first"|"last"}) -> series, info
  y     the low-frequency series (A or Q), no missing value between its
        first and last; freq the target (Q or M; A->Q, A->M, Q->M).
  indicator  series of the target frequency; their common span is the
        output's span (periods beyond y's are extrapolated from the
        indicators and the estimated error process); no missing values in
        it. Without indicators the regression is on the constant alone.
  const  an intercept column (default true; Fernández and Litterman
        difference it away only approximately: tempdisagg keeps it too).
  agg   how a low period relates to its high periods: "sum" (flows,
        default), "mean" (rates, indexes), "first", "last" (stocks).
  rho   fixed autoregressive parameter (Chow-Lin, Litterman), or
  estimate  "ml" (default: maximum likelihood, tempdisagg's
        chow-lin-maxlog / litterman-maxlog) or "minrss" (smallest
        û'V_l⁻¹û with the covariance as defined in tempdisagg.h, the
        Quilis form for Chow-Lin), over [-0.999, 0.999] (a grid of 0.01,
        then golden section to 1e-10). Fernández has no rho. Unlike
        tempdisagg (truncated.rho = 0 by default), a negative estimate
        is kept; pass rho = 0 for tempdisagg's truncated result.
The result aggregates back to y exactly (to rounding). info holds rho,
coef (named const, then the indicators' names), se (GLS, with
s² = û'V_l⁻¹û/(n_l − k) as tempdisagg), sigma2 = û'V_l⁻¹û/n_l (the ML one),
loglik, method and agg; the same are in the result's meta.td.
]]

local args = require "tenor.args"

local M = {}
-- the C kernel, held here: a sandboxed run removes the "_" primitives from `series`
local tempdisagg_raw = series._tempdisagg

local METHODS = {["chow-lin"] = 0, fernandez = 1, litterman = 2}
local RATIO = {A = {Q = 4, M = 12}, Q = {M = 3}}

args.declare("s:to(chow-lin)", {
  {"indicator", "series|table", help = "high-frequency indicator(s): a series or a list of series"},
  {"const", "boolean", default = true, help = "include an intercept"},
  {"rho", "number", gt = -1, lt = 1, help = "fixed AR parameter (Chow-Lin, Litterman)"},
  {"estimate", "string", choices = {"ml", "minrss"}, default = "ml", help = "how rho is estimated when not given"},
  {"agg", "string", choices = {"sum", "mean", "first", "last"}, default = "sum", help = "low period = sum/mean/first/last of its high periods"},
})

local function fail(msg) error("s:to: " .. msg, 4) end

local function weights(agg, ratio)
  local w = {}
  for i = 1, ratio do
    w[i] = agg == "sum" and 1 or agg == "mean" and 1 / ratio or ((agg == "first" and i == 1) or (agg == "last" and i == ratio)) and 1 or 0
  end
  return w
end

local function indicators(opts)
  local ind = opts.indicator
  if ind == nil then return {} end
  if series.is(ind) then return {ind} end
  for i, x in ipairs(ind) do
    if not series.is(x) then fail(("indicator %d is not a series"):format(i)) end
  end
  return ind
end

-- The common span of the indicators (or y's span at the target frequency).
local function high_span(y, freq, xs)
  local first = y:slice(y.start, y.start):to(freq, "step").start
  local last = y:to(freq, "step").stop
  if #xs == 0 then return first, last end
  local lo, hi = xs[1].start, xs[1].stop
  for i, x in ipairs(xs) do
    if x.freq ~= freq then fail(("indicator %d is %s; it must be %s like the target"):format(i, x.freq, freq)) end
    if x.start > lo then lo = x.start end
    if x.stop < hi then hi = x.stop end
  end
  return lo, hi
end

function M.to(y, freq, how, opts)
  opts = args.check("s:to(chow-lin)", opts, 4)
  local method = METHODS[how]
  if not (RATIO[y.freq] and RATIO[y.freq][freq]) then
    fail(("%s disaggregates A to Q or M, or Q to M (got %s to %s)"):format(how, y.freq, freq))
  end
  if method == 1 and opts.rho then fail("fernandez has no rho (a random walk); use litterman for an AR(1) in differences") end
  local ratio = RATIO[y.freq][freq]
  y = y:dropna()
  local xs = indicators(opts)
  local lo, hi = high_span(y, freq, xs)
  -- low periods of y lying wholly inside the high span
  local used = {}
  for i, d in ipairs(y:dates()) do
    local block = y:slice(d, d):to(freq, "step")
    local first_h = series.periods_between(lo, block.start, freq)
    local last_h = series.periods_between(lo, block.start, freq) + ratio - 1
    if first_h >= 0 and last_h <= series.periods_between(lo, hi, freq) then
      if y[i] == nil then fail(("y is missing %s; fill it first (s:fill)"):format(d)) end
      used[#used + 1] = {first_h, y[i], d}
    end
  end
  local k = (opts.const ~= false and 1 or 0) + #xs
  if k == 0 then fail("no regressor: give indicator= or keep const = true") end
  if #used <= k then fail(("%d low-frequency values inside the indicators' span; need more than %d regressors"):format(#used, k)) end
  for j = 2, #used do
    if used[j][1] ~= used[j - 1][1] + ratio then fail("y has a gap inside the indicators' span; fill it first") end
  end
  local nh = series.periods_between(lo, hi, freq) + 1
  local x, names = {}, {}
  if opts.const ~= false then names[1] = "const" end
  for i, s in ipairs(xs) do names[#names + 1] = s.name or ("x" .. i) end
  local cols = {}
  for i, s in ipairs(xs) do cols[i] = s:slice(lo, hi):values() end
  for t = 1, nh do
    if opts.const ~= false then x[#x + 1] = 1 end
    for i, c in ipairs(cols) do
      local v = c[t]
      if v ~= v or v == nil then fail(("indicator '%s' is missing a value inside the span (%s .. %s); fill it first"):format(names[i + (opts.const ~= false and 1 or 0)], lo, hi)) end
      x[#x + 1] = v
    end
  end
  local yv = {}
  for j, u in ipairs(used) do yv[j] = u[2] end
  local yhat, info = tempdisagg_raw{y = yv, x = x, nh = nh, k = k, ratio = ratio, first = used[1][1],
                                         w = weights(opts.agg or "sum", ratio), method = method,
                                         rho = opts.rho, estimate = opts.estimate}
  if not yhat then fail(how .. ": " .. info) end
  local r = series.new{freq = freq, start = lo, values = yhat, n = nh, name = y.name}
  local coef, se = {}, {}
  for i, n in ipairs(names) do coef[n], se[n] = info.beta[i], info.se[i] end
  local out = {method = how, agg = opts.agg or "sum", rho = method ~= 1 and info.rho or nil, coef = coef, se = se,
               loglik = info.loglik, sigma2 = info.sigma2, names = names, nobs = #used}
  r.meta.td = out
  r.meta.kind = y.meta.kind
  return r, out
end

return M

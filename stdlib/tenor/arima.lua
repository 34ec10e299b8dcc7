--[[ ARIMA and seasonal ARIMA by exact Gaussian maximum likelihood:
tsa.arima, tsa.auto_arima and the model's forecast.

m = tsa.arima(s, {order = {p, d, q}, seasonal = {P, D, Q, s}, trend =, exog = {name = series}})
  y_t = x_t'β + u_t with u_t ARIMA(p,d,q)×(P,D,Q)_s (regression with ARIMA
  errors, statsmodels' ARIMA): φ(B)Φ(B^s)(1-B)^d(1-B^s)^D u_t = θ(B)Θ(B^s) ε_t,
  φ(B) = 1 - φ_1 B - ..., θ(B) = 1 + θ_1 B + ... (statsmodels' signs).
  trend: "n", "c" (const), "t" (trend: t = 1..n; with d = 1 it is the
  drift), "ct"; default "c" without differencing, "n" with it. A trend
  that the differencing removes is an error.
  The likelihood is exact (Kalman filter on the differenced series with
  the stationary start: equal to statsmodels' diffuse likelihood of the
  undifferenced model); σ² is concentrated out, and the likelihood is
  maximised as a sum of squares of scaled one-step errors (Levenberg-
  Marquardt with a secant-corrected Gauss-Newton Hessian, as X-13's
  estimation is least squares too; a damped Newton method takes over where
  that crawls) on parameters mapped to the stationary and invertible
  region, from the Hannan-Rissanen start and from zero, keeping the higher
  maximum (ARMA likelihoods can have several). A likelihood that rises
  towards an AR unit root has no stationary maximum: that is an error
  (difference once more, or add the drift), not an estimate on the edge.
  Fields: params[name], se[name] (inverse of minus the numerical Hessian in
  (parameters, σ²): statsmodels' cov_type = "approx", R's arima), names
  (const, trend, exogenous names, ar1.., ma1.., sar1.., sma1.., sigma2:
  statsmodels' const, x1, ar.L1, ma.L1, ar.S.L12, ma.S.L12, sigma2),
  loglik, aic, bic, aicc (statsmodels': k counts σ², bic and aicc use the
  n - d - sD differenced observations), nobs, resid (one-step errors of
  the differenced model, dated), iterations.
  m:forecast(h, {level = 0.95, exog =}) -> {mean, lower, upper, se} series.

m = tsa.auto_arima(s, {seasonal =, sdiff =, seasonal_test = "seas", d =, ...})
  The differences first, in R's forecast::auto.arima order: D = sdiff when
  given, else 0 without a seasonal part or with two cycles or fewer, else
  tsa.nsdiffs(s, {test = seasonal_test}) (seasonal strength of STL > 0.64,
  forecast's default); then d = the given d or tsa.ndiffs (KPSS) on the
  series seasonally differenced D times. Then the stepwise search on the
  criterion, dropping (as R) a model with an AR or MA root of modulus
  below 1.01. m.search records d, D, how each was chosen (d_by, D_by), the
  ndiffs/nsdiffs results and every model tried.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"
local C = require "tenor._tsa"

local M = tsa
local methods = {}
M._arima_methods = methods
local arima_mt = {__name = "tsa.arima", __index = methods}

args.declare("tsa.arima", {
  {"order", "table", default = "{1, 0, 0}", help = "{p, d, q}"},
  {"seasonal", "table", help = "{P, D, Q, s}"},
  {"trend", "string", choices = {"n", "c", "t", "ct"}, default = "c without differencing, else n",
   help = "deterministic terms: const, linear trend t = 1..n (the drift when d = 1)"},
  {"exog", "table", help = "regressors {name = series}, covering the sample"},
})

local function order_of(o, who)
  local ord = o.order or {1, 0, 0}
  local sea = o.seasonal or {0, 0, 0, 0}
  local function int(x, what)
    if math.type(x) ~= "integer" or x < 0 or x > 60 then
      error(("%s: %s must be an integer between 0 and 60 (got %s)"):format(who, what, tostring(x)), 4)
    end
    return x
  end
  if #ord ~= 3 then error(who .. ": order must be {p, d, q}", 4) end
  if #sea ~= 4 then error(who .. ": seasonal must be {P, D, Q, s}", 4) end
  local sp = {p = int(ord[1], "p"), d = int(ord[2], "d"), q = int(ord[3], "q"),
              P = int(sea[1], "P"), D = int(sea[2], "D"), Q = int(sea[3], "Q"), s = int(sea[4], "s")}
  if (sp.P + sp.D + sp.Q) > 0 and sp.s < 2 then error(who .. ": a seasonal part needs a period s >= 2", 4) end
  if sp.d + sp.D > 3 then error(who .. ": at most three differences in all", 4) end
  return sp
end

local function trend_terms(trend, sp, who)
  local diffs = sp.d + sp.D
  if trend:find("c") and diffs > 0 then
    error(("%s: the differencing removes a constant; use trend = \"t\" for a drift (d = 1) or \"n\""):format(who), 4)
  end
  if trend:find("t") and diffs > 1 then
    error(("%s: with %d differences a linear trend is removed too; use trend = \"n\""):format(who, diffs), 4)
  end
  local t = {}
  if trend:find("c") then t[#t + 1] = "const" end
  if trend:find("t") then t[#t + 1] = "trend" end
  return t
end

-- Regressor columns over the periods of span (a series: its dates are the
-- rows; t0 is the trend's value at the first): trend terms then exogenous
-- series at those dates. Dates are listed only for a message.
local function regressors(terms, exog_names, exog, span, t0, who)
  local cols, n, first, last = {}, #span, span.start, span.stop
  for _, nm in ipairs(terms) do
    local c = {}
    for i = 1, n do c[i] = nm == "const" and 1 or (t0 + i - 1) end
    cols[#cols + 1] = c
  end
  for _, nm in ipairs(exog_names) do
    local x = exog[nm]
    local cut = x:slice(first, last)
    local v = cut:values()
    if cut.start ~= first or #v ~= n then
      error(("%s: exogenous series '%s' does not cover %s .. %s"):format(who, nm, first, last), 4)
    end
    for i = 1, #v do
      if v[i] ~= v[i] then error(("%s: exogenous series '%s' is missing at %s"):format(who, nm, span:dates()[i]), 4) end
    end
    cols[#cols + 1] = v
  end
  return cols
end

local function param_names(terms, exog_names, sp)
  local names = {}
  for _, t in ipairs(terms) do names[#names + 1] = t end
  for _, t in ipairs(exog_names) do names[#names + 1] = t end
  for _, b in ipairs{{"ar", sp.p}, {"ma", sp.q}, {"sar", sp.P}, {"sma", sp.Q}} do
    for i = 1, b[2] do names[#names + 1] = b[1] .. i end
  end
  return names
end

local function fit(s, o, who, candidate)
  local sp = order_of(o, who)
  local t = M._clean(s, who, "s")
  local dstar = sp.d + sp.D * sp.s
  local diffs = sp.d + sp.D
  local terms = trend_terms(o.trend or (diffs == 0 and "c" or "n"), sp, who)
  local exog, exog_names = o.exog or {}, {}
  for nm, x in pairs(exog) do
    if type(nm) ~= "string" or not series.is(x) then error(who .. ": exog must be a table {name = series}", 3) end
    exog_names[#exog_names + 1] = nm
  end
  table.sort(exog_names)
  local big = math.max(math.abs(t:max()), math.abs(t:min()))
  if big == math.huge then error(("%s: series %s has an infinite value"):format(who, M._label(s, "s")), 3) end
  if not (big < 1e150 and big > 1e-150) then
    error(("%s: series %s has values of order %.0e, where the likelihood's squares leave the range of a double; rescale it (e.g. s * %.0e) before fitting")
      :format(who, M._label(s, "s"), big, 1 / big), 3)
  end
  local y = t:values()
  local X = regressors(terms, exog_names, exog, t, 1, who)
  local names = param_names(terms, exog_names, sp)
  local need = dstar + #names + 2
  if #y < need then
    error(("%s: series %s has %d values; ARIMA(%d,%d,%d)x(%d,%d,%d,%d) with %d coefficients needs at least %d; use a simpler order")
      :format(who, M._label(s, "s"), #y, sp.p, sp.d, sp.q, sp.P, sp.D, sp.Q, sp.s, #names, need), 3)
  end
  local start
  if o._start then                               -- a nested model's estimates, zeros for the rest
    start = {}
    for i, nm in ipairs(names) do start[i] = o._start[nm] or 0 end
  end
  local ok, r = pcall(C._arima_fit, y, X, sp, candidate, start)
  if not ok then
    local msg = tostring(r):gsub("^.-: ", "")
    if msg:find("converge", 1, true) then
      error(("%s: series %s: %s; try a simpler order or another trend"):format(who, M._label(s, "s"), msg), 3)
    end
    error(("%s: series %s: %s"):format(who, M._label(s, "s"), msg), 3)
  end
  -- one-step errors of nothing but rounding: the differenced series is an
  -- exact function of the regressors (a straight line with a drift, say),
  -- and every standard error and z would be noise
  if not (r.sigma2 > 1e-20 * t:var()) then
    error(("%s: series %s is fitted exactly (σ² = %.3g): after %d difference(s) nothing is left to model; use fewer differences or terms")
      :format(who, M._label(s, "s"), r.sigma2, sp.d + sp.D), 3)
  end
  return r, sp, names, terms, exog_names, exog, t, X
end

local function estimate(s, o, who, candidate)
  local r, sp, names, terms, exog_names, exog, t, X = fit(s, o, who, candidate)
  local np = #names
  local m = setmetatable({spec = sp, names = {}, params = {}, se = {}, loglik = r.loglik, sigma2 = r.sigma2,
    iterations = r.iterations, series = s.name or "s", first = t.start, last = t.stop,
    nobs = #t - (sp.d + sp.D * sp.s), freq = t.freq, trend_terms = terms, exog_names = exog_names,
    _y = t:values(), _X = X, _exog = exog, _n = #t}, arima_mt)
  for i, nm in ipairs(names) do
    m.names[i], m.params[nm] = nm, r.params[i]
    m.se[nm] = r.cov and math.sqrt(r.cov[(i - 1) * (np + 1) + i]) or NA
  end
  m.names[np + 1], m.params.sigma2 = "sigma2", r.sigma2
  m.se.sigma2 = r.cov and math.sqrt(r.cov[(np + 1) * (np + 1)]) or NA
  local k = np + 1
  m.aic = -2 * m.loglik + 2 * k
  m.bic = -2 * m.loglik + k * math.log(m.nobs)
  m.aicc = m.aic + 2 * k * (k + 1) / (m.nobs - k - 1)
  local dstar = sp.d + sp.D * sp.s
  m.resid = series.new{freq = t.freq, start = t.start, values = {}, n = dstar + 1}
  m.resid = series.new{freq = t.freq, start = m.resid.stop, values = r.resid}
  m.resid.name = "resid"
  m.resid.meta.lookahead = "full-sample ARIMA one-step errors"
  return m
end

function M.arima(s, opts)
  return estimate(s, args.check("tsa.arima", opts), "tsa.arima")
end

doc.add("tsa.arima", "tsa.arima(s, {order = {p, d, q}, seasonal = {P, D, Q, s}, trend =, exog = {name = series}}) -> model",
  "Regression with seasonal ARIMA errors by exact Gaussian maximum likelihood (Kalman filter; statsmodels' ARIMA " ..
  "conventions and signs: y_t = φ_1 y_{t-1} + ... + ε_t + θ_1 ε_{t-1} + ...). trend n, c, t (t = 1..n: the drift when " ..
  "d = 1) or ct; default c without differencing, else n. Fields: params[name], se[name] (numerical Hessian, as " ..
  "statsmodels cov_type=\"approx\" and R's arima), names (const, trend, exog..., ar1.., ma1.., sar1.., sma1.., sigma2), " ..
  "loglik, aic, bic, aicc, nobs (after differencing), resid. The series must have no missing value inside its span. " ..
  "Maximised from two starts (Hannan-Rissanen and zero), keeping the higher; a likelihood rising towards an AR unit " ..
  "root is an error, not an estimate on the edge.",
  "local m = tsa.arima(cpi:log():slice(\"1990-01\", \"2025-09\"), {order = {0, 1, 1}, seasonal = {0, 1, 1, 12}})\nprint(m)\nprint(m:forecast(12).mean)")

function arima_mt.__tostring(m)
  local sp = m.spec
  local title = ("ARIMA(%d,%d,%d)"):format(sp.p, sp.d, sp.q)
  if sp.P + sp.D + sp.Q > 0 then title = title .. ("x(%d,%d,%d,%d)"):format(sp.P, sp.D, sp.Q, sp.s) end
  local lines = {("%s of %s, %s .. %s; exact ML (Kalman filter), %d observations after differencing")
      :format(title, m.series, m.first, m.last, m.nobs),
    "signs: y_t = Σ ar_i y_{t-i} + ε_t + Σ ma_i ε_{t-i} (statsmodels'); std. errors from the numerical Hessian", "",
    ("%-10s %14s %14s %9s"):format("", "coefficient", "std. error", "z")}
  for _, nm in ipairs(m.names) do
    local se = m.se[nm]
    lines[#lines + 1] = se == se and ("%-10s %14.6g %14.6g %9.3f"):format(nm, m.params[nm], se, m.params[nm] / se)
      or ("%-10s %14.6g %14s %9s"):format(nm, m.params[nm], "NA", "NA")
  end
  lines[#lines + 1] = ""
  lines[#lines + 1] = ("log-likelihood %.4f   AIC %.4f   BIC %.4f   AICc %.4f"):format(m.loglik, m.aic, m.bic, m.aicc)
  return table.concat(lines, "\n")
end

args.declare("arima:forecast", {
  {"level", "number", gt = 0, lt = 1, default = 0.95, help = "interval coverage"},
  {"exog", "table", help = "future values of the exogenous regressors {name = series}"},
})

function methods.forecast(m, h, opts)
  local o = args.check("arima:forecast", opts)
  if math.type(h) ~= "integer" or h < 1 then error("arima:forecast: the horizon must be an integer >= 1", 2) end
  local future = series.new{freq = m.freq, start = m.last, values = {}, n = h + 1}
  local fdates = future:dates()
  table.remove(fdates, 1)
  local exog = o.exog or {}
  for _, nm in ipairs(m.exog_names) do
    if not series.is(exog[nm]) then
      error(("arima:forecast: give the future values of '%s' for %s .. %s in {exog = {%s = ...}}")
        :format(nm, fdates[1], fdates[h], nm), 2)
    end
  end
  local span = series.new{freq = m.freq, start = fdates[1], values = {}, n = h}
  local Xf = regressors(m.trend_terms, m.exog_names, exog, span, m._n + 1, "arima:forecast")
  local par = {}
  for i = 1, #m.names - 1 do par[i] = m.params[m.names[i]] end
  local mean, var = C._arima_forecast(m._y, m._X, m.spec, par, m.sigma2, Xf, h)
  local level = o.level or 0.95
  local z = C._norm_ppf((1 + level) / 2)
  local lo, hi, se = {}, {}, {}
  for i = 1, h do
    se[i] = math.sqrt(var[i])
    lo[i], hi[i] = mean[i] - z * se[i], mean[i] + z * se[i]
  end
  local mk = function(v, nm)
    local s = series.new{freq = m.freq, start = fdates[1], values = v}
    s.name = nm
    return s
  end
  return {mean = mk(mean, m.series), lower = mk(lo, "lower"), upper = mk(hi, "upper"), se = mk(se, "se"), level = level}
end

doc.add("arima:forecast", "m:forecast(h, {level = 0.95, exog =}) -> {mean, lower, upper, se}",
  "Forecasts of the series for the h periods after the sample with mean ± z·se intervals; se from the state-space " ..
  "prediction (the differencing integrated exactly, parameter uncertainty ignored, as statsmodels' get_forecast). " ..
  "A model with exogenous regressors needs their future values in exog.",
  "local m = tsa.arima(ip:log(), {order = {1, 1, 1}, trend = \"t\"})\nlocal f = m:forecast(12, {level = 0.8})\nprint(f.mean, f.lower, f.upper)")

-- auto_arima ------------------------------------------------------------------

args.declare("tsa.auto_arima", {
  {"max_p", "integer", min = 0, max = 10, default = 5, help = "largest AR order (R forecast: max.p)"},
  {"max_q", "integer", min = 0, max = 10, default = 5, help = "largest MA order"},
  {"max_sp", "integer", min = 0, max = 3, default = 2, help = "largest seasonal AR order (R: max.P)", aliases = {"max_P"}},
  {"max_sq", "integer", min = 0, max = 3, default = 2, help = "largest seasonal MA order (R: max.Q)", aliases = {"max_Q"}},
  {"d", "integer", min = 0, max = 2, default = "tsa.ndiffs (KPSS at 5%)", help = "differences"},
  {"sdiff", "integer", min = 0, max = 1, default = "tsa.nsdiffs when seasonal, else 0",
   help = "seasonal differences D (given: no test)"},
  {"d_max", "integer", min = 0, max = 2, default = 2, help = "most differences the KPSS search takes"},
  {"seasonal", "boolean|integer", default = false, help = "true (period from the frequency) or the period s"},
  {"seasonal_test", "string", choices = {"seas", "ocsb"}, default = "seas",
   help = "how tsa.nsdiffs chooses D when sdiff is not given (R: seasonal.test)"},
  {"ic", "string", choices = {"aic", "aicc", "bic"}, default = "aic", help = "criterion minimised"},
})

-- Whether 1 - a_1 z - ... - a_k z^k has all its roots outside |z| = r:
-- the polynomial in w = z/r (coefficients a_j r^j) steps down (inverse
-- Durbin-Levinson) with every partial autocorrelation inside (-1, 1).
local function roots_outside(a, r)
  local c = {}
  for j = 1, #a do c[j] = a[j] * r ^ j end
  for k = #c, 1, -1 do
    local kappa = c[k]
    if not (math.abs(kappa) < 1) then return false end
    local down = {}
    for j = 1, k - 1 do down[j] = (c[j] + kappa * c[k - j]) / (1 - kappa * kappa) end
    c = down
  end
  return true
end

-- R's auto.arima drops a model whose AR or MA polynomial (seasonal factors
-- expanded) has a root of modulus below 1.01: near a unit root or the
-- non-invertible boundary. A root ζ of Φ gives roots of Φ(B^s) of modulus
-- |ζ|^(1/s), so Φ is checked against 1.01^s.
local function near_unit_root(m)
  local sp = m.spec
  local function coefs(prefix, n, sign)
    local a = {}
    for i = 1, n do a[i] = sign * m.params[prefix .. i] end
    return a
  end
  return not (roots_outside(coefs("ar", sp.p, 1), 1.01) and roots_outside(coefs("ma", sp.q, -1), 1.01)
    and roots_outside(coefs("sar", sp.P, 1), 1.01 ^ sp.s) and roots_outside(coefs("sma", sp.Q, -1), 1.01 ^ sp.s))
end
M._roots_outside = roots_outside   -- for the tests

-- D as R's auto.arima: given (sdiff), 0 without a seasonal part or with
-- two cycles or fewer, else tsa.nsdiffs. Returns D and how it was chosen.
local function choose_D(t, s, o, period)
  if period == 0 then
    if (o.sdiff or 0) > 0 or o.seasonal_test then
      error("tsa.auto_arima: sdiff and seasonal_test need a seasonal part: give seasonal = true or the period", 3)
    end
    return 0, "no seasonal part"
  end
  if o.sdiff then return o.sdiff, "given (sdiff)" end
  if #t <= 2 * period then return 0, "two cycles or fewer: no test (as R)" end
  local test = o.seasonal_test or "seas"
  local ok, r = pcall(M.nsdiffs, t, {test = test, period = period})
  if not ok then
    error(("tsa.auto_arima: %s; give sdiff or another seasonal_test")   -- the message names the series
      :format((tostring(r):gsub("^.-tsa%.nsdiffs: ", ""))), 3)
  end
  return r.D, "tsa.nsdiffs " .. test, r
end

function M.auto_arima(s, opts)
  local o = args.check("tsa.auto_arima", opts)
  local t = M._clean(s, "tsa.auto_arima", "s", 8)
  local period = 0
  if o.seasonal == true then period = ({M = 12, Q = 4})[t.freq] or 0
  elseif math.type(o.seasonal) == "integer" then period = o.seasonal end
  if o.seasonal and period < 2 then error("tsa.auto_arima: give the seasonal period, e.g. {seasonal = 12}", 2) end
  local D, D_by, nsd = choose_D(t, s, o, period)
  local d, d_by, nd = o.d, "given (d)", nil
  if not d then
    nd = M.ndiffs(D > 0 and t:diff(period):trim() or t, {max_d = o.d_max or 2})
    d, d_by = nd.d, "tsa.ndiffs kpss"
  end
  local ic = o.ic or "aic"
  local maxp, maxq = o.max_p or 5, o.max_q or 5
  local maxP, maxQ = period > 0 and (o.max_sp or 2) or 0, period > 0 and (o.max_sq or 2) or 0
  local can_trend = d + D <= 1
  local tried, best, order = {}, nil, {}
  -- a model that nests the best so far starts from its estimates (zeros
  -- for the new terms), so its maximum is never below the nested one's
  local function nested_start(p, q, P, Q, trend)
    if not best then return nil end
    local b = best._key
    if p < b[1] or q < b[2] or P < b[3] or Q < b[4] or (b[5] ~= "n" and trend ~= b[5]) then return nil end
    return best.params
  end
  local function try(p, q, P, Q, trend)
    if p < 0 or q < 0 or P < 0 or Q < 0 or p > maxp or q > maxq or P > maxP or Q > maxQ then return end
    local key = table.concat({p, q, P, Q, trend}, ",")
    if tried[key] ~= nil then return end
    local ok, m = pcall(estimate, t, {order = {p, d, q}, seasonal = {P, D, Q, period > 0 and period or 0}, trend = trend,
                                      _start = nested_start(p, q, P, Q, trend)}, "tsa.auto_arima", true)
    local entry = {p = p, q = q, P = P, Q = Q, trend = trend}
    if ok and near_unit_root(m) then
      ok, entry.dropped = false, "a root within 1.01 of the unit circle"
    end
    tried[key] = ok and m[ic] or false
    entry.ic = ok and m[ic] or nil
    order[#order + 1] = entry
    if ok and (best == nil or m[ic] < best[ic]) then best = m; best._key = {p, q, P, Q, trend} end
  end
  local tr = can_trend and (d + D == 0 and "c" or "t") or "n"
  -- the seasonal orders of the start models are capped by their maxima (0
  -- without a season), else (2,d,2), (1,d,0) and (0,d,1) would be skipped
  local P1, Q1 = math.min(1, maxP), math.min(1, maxQ)
  try(2, 2, P1, Q1, tr); try(0, 0, 0, 0, tr); try(1, 0, P1, 0, tr); try(0, 1, 0, Q1, tr)
  if can_trend then try(0, 0, 0, 0, "n") end
  local moved = true
  while moved and #order < 94 and best do
    moved = false
    local before = best
    local p, q, P, Q, trend = table.unpack(best._key)
    for _, v in ipairs{{1, 0, 0, 0}, {-1, 0, 0, 0}, {0, 1, 0, 0}, {0, -1, 0, 0}, {1, 1, 0, 0}, {-1, -1, 0, 0},
                       {0, 0, 1, 0}, {0, 0, -1, 0}, {0, 0, 0, 1}, {0, 0, 0, -1}, {0, 0, 1, 1}, {0, 0, -1, -1}} do
      try(p + v[1], q + v[2], P + v[3], Q + v[4], trend)
    end
    if can_trend then try(p, q, P, Q, trend == "n" and tr or "n") end
    moved = best ~= before
  end
  if not best then
    local dropped = 0
    for _, e in ipairs(order) do if e.dropped then dropped = dropped + 1 end end
    error(("tsa.auto_arima: no model could be fitted to series %s (%d tried, %d of them dropped for a root within 1.01 of the unit circle)")
      :format(M._label(s, "s"), #order, dropped), 2)
  end
  local p, q, P, Q, trend = table.unpack(best._key)
  local final = estimate(t, {order = {p, d, q}, seasonal = {P, D, Q, period > 0 and period or 0}, trend = trend,
                             _start = best.params}, "tsa.auto_arima")
  final.series = s.name or "s"
  final.search = {ic = ic, d = d, D = D, period = period, models = order,
                  d_by = d_by, D_by = D_by, ndiffs = nd, nsdiffs = nsd}
  return final
end

doc.add("tsa.auto_arima", "tsa.auto_arima(s, {max_p = 5, max_q = 5, max_sp = 2, max_sq = 2, d =, sdiff =, seasonal =, seasonal_test = \"seas\", ic = \"aic\"}) -> model",
  "Stepwise search of Hyndman and Khandakar (2008), as R's forecast::auto.arima(stepwise = TRUE) but by exact ML " ..
  "(candidates from one start, the chosen model refitted from two; a candidate that fails is skipped). " ..
  "Differences first, in R's order: with seasonal = true (or a period) D = sdiff when given, else tsa.nsdiffs " ..
  "(seasonal_test \"seas\": STL seasonal strength > 0.64, R's default; or \"ocsb\"), and 0 when the series has two " ..
  "cycles or fewer, as R; then d = the given d or tsa.ndiffs (KPSS at 5%, up to d_max) on the seasonally differenced " ..
  "series. Start from (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) and move to the best neighbour " ..
  "(each order ±1, p and q together, P and Q together, the constant or drift in or out) until the criterion stops " ..
  "falling. A constant is tried when d + D = 0, a drift when d + D = 1. As R, a model whose AR or MA polynomial " ..
  "(seasonal factors expanded) has a root within 1.01 of the unit circle is dropped (listed with dropped = why, no " ..
  "criterion). R moves to the first better neighbour in a fixed order, we to the best one: the orders can differ " ..
  "where the criterion has several local minima (the differences agree). Returns the chosen tsa.arima model with " ..
  ".search: d, D, d_by and D_by (how each was chosen), ndiffs and nsdiffs (the tests' results), models (those tried: " ..
  "p, q, P, Q, trend, ic, dropped).",
  "local m = tsa.auto_arima(gdp_ytd:log(), {seasonal = true})   -- China's year-to-date GDP: D = 1 by the seas test\n" ..
  "print(m, m.search.D, m.search.D_by)\nprint(tsa.auto_arima(ip:log():slice(\"2000-01\")).search.d)")

return M

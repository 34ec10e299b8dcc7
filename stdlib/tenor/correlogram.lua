--[[ The correlogram and the portmanteau tests: tsa.acf, tsa.pacf,
tsa.ljungbox and an ARIMA model's residual check m:ljungbox.

Definitions (statsmodels' and R's, which agree; EViews' correlogram view
prints the same numbers):
  autocorrelation  r_k = c_k / c_0, c_k = Σ_{t>k} (x_t - x̄)(x_{t-k} - x̄) / n
                   (the series demeaned; {adjusted = true} divides c_k by
                   n - k instead, statsmodels' adjusted=True)
  partial          φ_kk by the Durbin-Levinson recursion on r_k (R's pacf,
                   statsmodels' method "ldb", EViews' PAC)
  Ljung-Box        Q_k = n(n+2) Σ_{j≤k} r_j²/(n-j), p from χ²(k - df)
  Box-Pierce       n Σ_{j≤k} r_j², p from χ²(k - df)
  bands            white noise: ±z/√n (R's acf plot, EViews' dotted lines);
                   Bartlett's standard error of r_k under an MA(k-1):
                   √((1 + 2 Σ_{j<k} r_j²)/n) (statsmodels' confint)
The series is taken on its span (leading and trailing missing values
dropped); a missing value inside it is an error, as for the other tests.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"
local C = require "tenor._tsa"

local M = tsa

local function prepare(s, who, lags, min_lags)
  local t = M._clean(s, who, "s", 4)
  local n = #t
  if t:max() == math.huge or t:min() == -math.huge then
    error(("%s: series %s has an infinite value; the autocovariances would be NaN"):format(who, M._label(s, "s")), 3)
  end
  if lags and lags >= n then
    error(("%s: series %s has %d values; lags = %d needs at least %d"):format(who, M._label(s, "s"), n, lags, lags + 1), 3)
  end
  return t, n, lags or min_lags(n)
end

local function default_acf_lags(n) return math.max(1, math.min(math.floor(10 * math.log(n, 10)), n - 1)) end
local function default_q_lags(n) return math.max(1, math.min(10, n // 5)) end

local result_mt = {}
result_mt.__index = result_mt

-- A text bar for a correlation v in [-1, 1]: 8 characters a side of the
-- axis (so a row fits 80 columns), ':' where the white-noise band falls.
local BAR = 8
local function bar(v, band)
  local cells = {}
  local len, mark = math.floor(math.abs(v) * BAR + 0.5), math.max(1, math.floor(band * BAR + 0.5))
  for i = -BAR, BAR do
    local c = " "
    if i == 0 then c = "|"
    elseif (v < 0 and i < 0 and -i <= len) or (v > 0 and i > 0 and i <= len) then c = "*"
    elseif math.abs(i) == mark then c = ":" end
    cells[#cells + 1] = c
  end
  return table.concat(cells)
end

local function correlogram_lines(r)
  local lines = {
    ("Correlogram of %s, %s .. %s (%d observations)%s"):format(r.series, r.first, r.last, r.nobs,
      r.adjusted and "; autocorrelations adjusted (c_k / (n - k))" or ""),
    ("white-noise band ±%.3f (':' in the bars, %.3g/√n); Q: Ljung-Box, Prob: χ²(lag)"):format(r.band, r.z),
    "",
    ("%-17s  %-17s %4s %7s %7s %9s %6s"):format("autocorrelation", "partial", "lag", "AC", "PAC", "Q-stat", "Prob"),
  }
  for k = 1, r.lags do
    lines[#lines + 1] = ("%s  %s %4d %7.3f %7.3f %9.2f %6.3f"):format(bar(r.acf[k], r.band), bar(r.pacf[k], r.band), k,
      r.acf[k], r.pacf[k], r.q[k], r.p[k])
  end
  return lines
end

function result_mt:__tostring() return table.concat(correlogram_lines(self), "\n") end
result_mt.__name = "tsa.acf"

args.declare("tsa.acf", {
  {"lags", "integer", min = 1, default = "min(10·log10(n), n - 1)", help = "largest lag (statsmodels' default)"},
  {"adjusted", "boolean", default = false, help = "divide c_k by n - k, not n (statsmodels adjusted=True)"},
  {"alpha", "number", gt = 0, lt = 1, default = 0.05, help = "1 - coverage of the bands"},
})

function M.acf(s, opts)
  local o = args.check("tsa.acf", opts)
  local t, n, lags = prepare(s, "tsa.acf", o.lags, default_acf_lags)
  local acf, pacf, q = C._correlogram(t, lags, o.adjusted)
  local unadjusted = o.adjusted and C._correlogram(t, lags, false) or acf
  local alpha = o.alpha or 0.05
  local z = C._norm_ppf(1 - alpha / 2)
  local r = setmetatable({series = s.name or "s", first = t.start, last = t.stop, nobs = n, lags = lags,
    adjusted = o.adjusted or false, alpha = alpha, z = z, band = z / math.sqrt(n), acf = acf, pacf = pacf, q = q,
    p = {}, se = {}, lower = {}, upper = {}}, result_mt)
  local cum = 0
  for k = 1, lags do
    r.p[k] = C._chi2_q(q[k], k)
    r.se[k] = math.sqrt((1 + 2 * cum) / n)
    r.lower[k], r.upper[k] = acf[k] - z * r.se[k], acf[k] + z * r.se[k]
    cum = cum + unadjusted[k] ^ 2
  end
  return r
end

doc.add("tsa.acf", "tsa.acf(s, {lags =, adjusted = false, alpha = 0.05}) -> correlogram",
  "Sample autocorrelations of s with its partial autocorrelations and Ljung-Box statistics, printed as EViews' " ..
  "correlogram (bars, AC, PAC, Q-stat, Prob). r_k = c_k/c_0 with c_k = Σ (x_t - x̄)(x_{t-k} - x̄)/n (R's acf, " ..
  "statsmodels' acf; adjusted divides by n - k); PAC by Durbin-Levinson on r (R's pacf, statsmodels 'ldb'). Fields: " ..
  "acf[k], pacf[k], q[k] and p[k] (Ljung-Box, χ²(k)), se[k] (Bartlett: √((1 + 2Σ_{j<k} r_j²)/n)), lower[k], upper[k] " ..
  "(acf ± z·se, statsmodels' confint), band (z/√n, the white-noise band of R's plot), lags, nobs. Default lags " ..
  "min(10·log10(n), n - 1). The series is taken on its span; a missing value inside it is an error.",
  "local r = tsa.acf(cpi:yoy():slice(\"2002-01\", \"2025-09\"), {lags = 12})\nprint(r)\nprint(r.acf[1], r.pacf[2], r.p[12])")

args.declare("tsa.pacf", {
  {"lags", "integer", min = 1, default = "min(10·log10(n), n - 1)", help = "largest lag"},
  {"alpha", "number", gt = 0, lt = 1, default = 0.05, help = "1 - coverage of the band"},
})

function M.pacf(s, opts)
  local o = args.check("tsa.pacf", opts)
  local t, n, lags = prepare(s, "tsa.pacf", o.lags, default_acf_lags)
  local _, pacf = C._correlogram(t, lags, false)
  local alpha = o.alpha or 0.05
  local se = 1 / math.sqrt(n)
  local z = C._norm_ppf(1 - alpha / 2)
  local r = {series = s.name or "s", nobs = n, lags = lags, pacf = pacf, se = se, lower = {}, upper = {}}
  for k = 1, lags do r.lower[k], r.upper[k] = pacf[k] - z * se, pacf[k] + z * se end
  return r
end

doc.add("tsa.pacf", "tsa.pacf(s, {lags =, alpha = 0.05}) -> {pacf, se, lower, upper, lags, nobs}",
  "Partial autocorrelations φ_kk, k = 1..lags, by the Durbin-Levinson recursion on the sample autocorrelations " ..
  "(R's pacf, statsmodels' pacf(method=\"ldb\"), EViews' PAC), with se = 1/√n and the band pacf ± z·se " ..
  "(statsmodels' confint). tsa.acf prints them beside the autocorrelations.",
  "local r = tsa.pacf(cpi:yoy():slice(\"2002-01\", \"2025-09\"), {lags = 6})\nprint(r.pacf[1], r.pacf[2], r.se)")

-- Ljung-Box / Box-Pierce ------------------------------------------------------

local q_mt = {__name = "tsa.ljungbox"}
q_mt.__index = q_mt

function q_mt.__tostring(r)
  local lines = {("%s of %s, %s .. %s (%d observations); H0: no autocorrelation up to lag %d"):format(
      r.test == "lb" and "Ljung-Box Q" or "Box-Pierce Q", r.series, r.first, r.last, r.nobs, r.lags),
    ("statistic %.4f   df %d%s   p-value %.4g"):format(r.stat, r.df,
      r.fitted > 0 and (" (%d lags - %d fitted coefficients)"):format(r.lags, r.fitted) or "", r.p)}
  return table.concat(lines, "\n")
end

args.declare("tsa.ljungbox", {
  {"lags", "integer", min = 1, default = "min(10, n // 5)", help = "autocorrelations summed"},
  {"df", "integer", min = 0, default = 0, help = "coefficients fitted to the series (ARMA orders of residuals)"},
  {"test", "string", choices = {"lb", "bp"}, default = "lb", help = "Ljung-Box or Box-Pierce"},
})

local function portmanteau(s, o, who)
  local t, n, lags = prepare(s, who, o.lags, default_q_lags)
  local fitted = o.df or 0
  if lags <= fitted then
    error(("%s: lags (%d) must exceed the fitted coefficients df (%d): the statistic has lags - df degrees of freedom")
      :format(who, lags, fitted), 3)
  end
  local _, _, q, bp = C._correlogram(t, lags, false)
  local test = o.test or "lb"
  local stats = test == "lb" and q or bp
  local r = setmetatable({series = s.name or "s", first = t.start, last = t.stop, nobs = n, lags = lags, test = test,
    fitted = fitted, df = lags - fitted, stat = stats[lags], by_lag = {}}, q_mt)
  r.p = C._chi2_q(r.stat, r.df)
  for k = 1, lags do
    r.by_lag[k] = {lag = k, stat = stats[k], p = k > fitted and C._chi2_q(stats[k], k - fitted) or NA}
  end
  return r
end

function M.ljungbox(s, opts)
  return portmanteau(s, args.check("tsa.ljungbox", opts), "tsa.ljungbox")
end

doc.add("tsa.ljungbox", "tsa.ljungbox(s, {lags = min(10, n // 5), df = 0, test = \"lb\"|\"bp\"}) -> result",
  "Portmanteau test of no autocorrelation up to lag `lags`: Ljung-Box Q = n(n+2) Σ r_k²/(n-k) or Box-Pierce " ..
  "n Σ r_k², with p from χ²(lags - df), df the coefficients fitted to the series (R's Box.test fitdf, statsmodels' " ..
  "acorr_ljungbox model_df). Fields stat, p, df, lags, test, by_lag[k] = {lag, stat, p} (p is NA where k <= df).",
  "local r = tsa.ljungbox(cpi:yoy():slice(\"2002-01\", \"2025-09\"), {lags = 12})\nprint(r)\nprint(r.stat, r.p)")

args.declare("arima:ljungbox", {
  {"lags", "integer", min = 1, default = "10, or 2s with a season; at most n // 5", help = "autocorrelations summed"},
  {"df", "integer", min = 0, default = "p + q + P + Q", help = "degrees of freedom taken by the fit"},
  {"test", "string", choices = {"lb", "bp"}, default = "lb", help = "Ljung-Box or Box-Pierce"},
})

M._arima_methods.ljungbox = function(m, opts)
  local o = args.check("arima:ljungbox", opts)
  local sp, n = m.spec, #m.resid
  if not o.lags then o.lags = math.max(1, math.min(sp.s > 1 and 2 * sp.s or 10, n // 5)) end
  if not o.df then o.df = sp.p + sp.q + sp.P + sp.Q end
  local r = portmanteau(m.resid, o, "arima:ljungbox")
  r.series = "the residuals of " .. m.series
  return r
end

doc.add("arima:ljungbox", "m:ljungbox({lags =, df = p + q + P + Q, test = \"lb\"}) -> result",
  "Ljung-Box test on the model's one-step errors, as R's forecast::checkresiduals: lags 10 (2s with a season) but " ..
  "at most n/5, and df = the ARMA coefficients p + q + P + Q (trend and exogenous terms are not counted, as R). " ..
  "See tsa.ljungbox.",
  "local m = tsa.arima(ip:log(), {order = {1, 1, 1}, trend = \"t\"})\nprint(m:ljungbox())")

return M

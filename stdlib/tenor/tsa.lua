--[[ Time-series econometrics: unit roots, stationarity, Granger causality,
cointegration.

tsa.adf(s, {trend=, lags= | autolag=, max_lags=})    augmented Dickey-Fuller
tsa.pp(s, {trend=, test=, lags= | lags_type=})       Phillips-Perron unit-root test
tsa.kpss(s, {trend=, lags=})                         KPSS stationarity test
tsa.granger(y, x, {lags=})                           does x Granger-cause y?
tsa.coint(y, xs, {trend=, lags= | autolag=, max_lags=})  Engle-Granger
tsa.var, tsa.var_select                              vector autoregressions (stdlib/tenor/var.lua)
m:whiteness, m:normality                             a VAR's residual tests (stdlib/tenor/var_resid.lua)
tsa.arima, tsa.auto_arima                            ARIMA by exact ML (stdlib/tenor/arima.lua)
tsa.acf, tsa.pacf, tsa.ljungbox                      correlogram, portmanteau (stdlib/tenor/correlogram.lua)
tsa.ndiffs, tsa.nsdiffs                              differences d and D as R's forecast (stdlib/tenor/ndiffs.lua)
tsa.ardl                                             distributed lags, long run (stdlib/tenor/ardl.lua)

Conventions (statsmodels 0.13's, written down where they matter):
  * A series is used on its span without leading and trailing missing
    values; a missing value inside that span is an error naming its date
    (fill or slice first), as is a constant series.
  * ADF regresses Δx_t on x_{t-1}, p lagged differences and the
    deterministic terms ("n" none, "c" constant, "ct" constant and trend);
    stat is the t ratio of x_{t-1}. p-values are MacKinnon's (1994)
    response surfaces, critical values MacKinnon's (2010) for the number
    of rows used (statsmodels' mackinnonp / mackinnoncrit). autolag fits
    every p = 0..max_lags on the common sample of n-1-max_lags rows and
    keeps the smallest AIC/BIC ("t": the longest p whose last lag has
    |t| >= 1.645), then refits it on all the rows it allows. max_lags
    defaults to ceil(12 (n/100)^(1/4)) (Schwert), capped at n/2 - terms - 1.
  * Phillips-Perron regresses x_t on x_{t-1} and the deterministic terms
    (equivalently Δx_t on x_{t-1}: the same residuals and t ratio, with
    gamma = rho - 1) over the n = len - 1 rows t = 2..len, then corrects
    the Dickey-Fuller t ratio (Z_tau) or normalised bias n(rho - 1) (Z_rho)
    with the residuals' Bartlett long-run variance, truncated at
    trunc(4 (n/100)^(1/4)) ("short") or trunc(12 (n/100)^(1/4)) ("long"),
    n the rows, as R's urca::ur.pp and tseries::pp.test. The moment term
    of the correction follows Hamilton (1994, 17.6.8 and 17.6.12), as
    Python arch (convention "hamilton"); "tseries" and "urca" reproduce
    those packages (see tsa.pp's help). Z_tau has the Dickey-Fuller tau
    distribution: p and critical values as ADF's (MacKinnon). Z_rho has
    the distribution of n(rho - 1): p and critical values interpolate
    Fuller's (1976) table 8.5.1 as tseries::pp.test does, flagged outside.
  * KPSS (H0: stationary) uses Bartlett weights; its p-value is linear
    interpolation in KPSS's table 1 (0.10 .. 0.01) and is flagged when the
    statistic lies outside it (the true p is then smaller or larger).
  * Granger: the SSR F test of statsmodels' grangercausalitytests
    "ssr_ftest": y on a constant and p lags of y (restricted) and of y and x
    (unrestricted), both on the same rows.
  * Engle-Granger: y on the xs and the deterministic terms by OLS, then ADF
    without deterministic terms on the residuals; p and critical values for
    N = 1 + #xs series (critical values for n-1 observations, as
    statsmodels' coint and Stata's egranger).
]]

local args = require "tenor.args"
local doc = require "tenor.doc"
local C = require "tenor._tsa"

local M = {}

-- Helpers ------------------------------------------------------------------

local function label(s, fallback)
  return s.name and ("'" .. s.name .. "'") or fallback or "the series"
end

-- A series on its span without leading/trailing NAs; errors for internal
-- NAs, too few values and constant series name the function and series.
local function clean(s, who, what, min_n)
  if not series.is(s) then error(("%s: %s must be a series (got %s)"):format(who, what, type(s)), 4) end
  local t = s:trim()
  if #t == 0 then error(("%s: series %s has no values"):format(who, label(s, what)), 4) end
  if t:count() < #t then
    local v, d = t:values(), t:dates()
    for i = 1, #t do
      if v[i] ~= v[i] then
        error(("%s: series %s is missing at %s (inside %s .. %s); fill or slice it first")
          :format(who, label(s, what), d[i], d[1], d[#t]), 4)
      end
    end
  end
  if min_n and #t < min_n then
    error(("%s: series %s has %d values; it needs at least %d"):format(who, label(s, what), #t, min_n), 4)
  end
  if t:std() == 0 then error(("%s: series %s is constant"):format(who, label(s, what)), 4) end
  t.name = s.name
  return t
end

-- Series cut to the span all of them share (each one's span runs from its
-- first to its last value), then checked there: a missing value outside
-- the shared span does not matter, one inside it is an error.
local function common_span(list, who, whats)
  local from, to
  for i = 1, #whats do                  -- not ipairs: a nil series must be reported, not skipped
    local s = list[i]
    if not series.is(s) then error(("%s: %s must be a series (got %s)"):format(who, whats[i], type(s)), 3) end
    if i > 1 and s.freq ~= list[1].freq then
      error(("%s: series %s and %s differ in frequency; convert with :to() first")
        :format(who, label(list[1], whats[1]), label(s, whats[i])), 3)
    end
    local d = s:trim():dates()
    if #d == 0 then error(("%s: series %s has no values"):format(who, label(s, whats[i])), 3) end
    if not from or d[1] > from then from = d[1] end
    if not to or d[#d] < to then to = d[#d] end
  end
  if from > to then error(("%s: the series share no period"):format(who), 3) end
  for i, s in ipairs(list) do
    local cut = s:slice(from, to)
    cut.name = s.name
    list[i] = clean(cut, who, whats[i])
  end
  return list, from, to
end

local function pct(x) return ("%.4f"):format(x) end

-- A table-interpolated p at the table's end: which way the true p lies.
local function outside_flag(r)
  return r.outside == 1 and " (beyond the table: the true p is larger)"
    or r.outside == -1 and " (beyond the table: the true p is smaller)" or ""
end

-- The series' name (or the argument's) and the span a test used.
local function stamp(r, s, t, what)
  r.series, r.first, r.last = s.name or what, t:dates()[1], t:dates()[#t]
  return r
end

local function crit_table(c, keys)
  local out = {}
  for i, k in ipairs(keys) do out[k] = c[i] end
  return out
end

local TREND_WORDS = {n = "no constant", c = "constant", ct = "constant and trend"}
local AUTOLAG_WORDS = {aic = "AIC", bic = "BIC", t = "t-stat (|t| >= 1.645)"}

-- ADF ------------------------------------------------------------------------

args.declare("tsa.adf", {
  {"trend", "string", choices = {"n", "c", "ct"}, default = "c",
   help = "deterministic terms: n none, c constant, ct constant and linear trend"},
  {"lags", "integer", min = 0, help = "fixed number of lagged differences (no search)"},
  {"autolag", "string", choices = {"aic", "bic", "t"}, default = "aic",
   help = "lag search on a common sample when lags is not given"},
  {"max_lags", "integer", min = 0, aliases = {"maxlag"}, default = "ceil(12 (n/100)^(1/4))",
   help = "largest lag the search tries"},
})

local test_mt = {__name = "tsa.test"}
test_mt.__index = test_mt

local function crit_line(r, keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = ("%s %.4f"):format(k, r.crit[k]) end
  return table.concat(parts, "   ")
end

function test_mt.__tostring(r) return table.concat(r:_lines(), "\n") end

-- A test's metatable: its own _lines, printing through test_mt.
local function test_type(name)
  local mt = setmetatable({__name = name, __tostring = test_mt.__tostring}, {__index = test_mt})
  mt.__index = mt
  return mt
end

local adf_mt = test_type("tsa.adf")
function adf_mt._lines(r)
  return {
    ("Augmented Dickey-Fuller test on %s, %s .. %s"):format(r.series, r.first, r.last),
    ("H0: unit root.  Δx on x(-1), %d lagged differences and %s; %d rows%s"):format(
      r.lags, TREND_WORDS[r.trend], r.nobs,
      r.autolag and (", lags by %s (max %d)"):format(AUTOLAG_WORDS[r.autolag], r.max_lags) or ""),
    ("tau = %.4f   p = %s (MacKinnon 1994)"):format(r.stat, pct(r.p)),
    "critical values (MacKinnon 2010): " .. crit_line(r, {"1%", "5%", "10%"}),
  }
end

local function adf(s, o, who, what)
  local t = clean(s, who, what, 4)
  if o.lags and o.max_lags then error(who .. ": give lags (fixed) or max_lags (search), not both", 3) end
  local autolag = not o.lags and (o.autolag or "aic") or nil
  local ok, r = pcall(C._adf, t, o.trend or "c", o.lags or o.max_lags, autolag or "none")
  if not ok then
    local msg = tostring(r):gsub("^.-tsa%.adf: ", "")
    if msg:find("too few") then
      local nterms = ({n = 0, c = 1, ct = 2})[o.trend or "c"]
      error(("%s: series %s has %d values; with %s = %d it needs at least %d (lags <= n/2 - %d); lower the lags")
        :format(who, label(s, what), #t, o.lags and "lags" or "max_lags", o.lags or o.max_lags or 0,
                2 * ((o.lags or o.max_lags or 0) + nterms + 1), nterms + 1), 3)
    end
    error(("%s: series %s: %s"):format(who, label(s, what), msg), 3)
  end
  r.crit = crit_table(r.crit, {"1%", "5%", "10%"})
  r.trend, r.autolag = o.trend or "c", autolag
  if not autolag then r.max_lags = nil end
  if r.icbest ~= r.icbest then r.icbest = nil end
  return stamp(r, s, t, what)
end

function M.adf(s, opts)
  local o = args.check("tsa.adf", opts)
  return setmetatable(adf(s, o, "tsa.adf", "s"), adf_mt)
end

doc.add("tsa.adf", "tsa.adf(s, {trend = \"c\", lags = | autolag = \"aic\", max_lags =}) -> test",
  "Augmented Dickey-Fuller unit-root test (H0: a unit root), as statsmodels' adfuller. " ..
  "Fields: stat (tau), p (MacKinnon 1994), lags, nobs (rows of the regression), crit[\"1%\"|\"5%\"|\"10%\"] " ..
  "(MacKinnon 2010 for nobs), gamma (coefficient of x(-1)), icbest (with autolag). trend: n, c or ct. " ..
  "Without lags the lag is searched over 0..max_lags on a common sample by AIC, BIC or t. " ..
  "The series is used between its first and last values; a missing value inside is an error.",
  "local r = tsa.adf(ppi:yoy(), {trend = \"c\", autolag = \"bic\"})\nprint(r.stat, r.p, r.crit[\"5%\"])")

-- KPSS ---------------------------------------------------------------------

args.declare("tsa.kpss", {
  {"trend", "string", choices = {"c", "ct"}, default = "c", help = "H0 stationary around a constant (c) or a trend (ct)"},
  {"lags", "integer", min = 0, aliases = {"nlags"}, default = "Hobijn et al. (1998) automatic",
   help = "Bartlett lags of the long-run variance"},
})

local kpss_mt = test_type("tsa.kpss")
function kpss_mt._lines(r)
  return {
    ("KPSS test on %s, %s .. %s"):format(r.series, r.first, r.last),
    ("H0: stationary around a %s.  %d observations, %d Bartlett lags"):format(
      r.trend == "ct" and "trend" or "constant", r.nobs, r.lags),
    ("stat = %.4f   p = %s%s (interpolated in KPSS 1992 table 1)"):format(r.stat, pct(r.p), outside_flag(r)),
    "critical values: " .. crit_line(r, {"10%", "5%", "2.5%", "1%"}),
  }
end

function M.kpss(s, opts)
  local o = args.check("tsa.kpss", opts)
  local t = clean(s, "tsa.kpss", "s", 4)
  if o.lags and o.lags >= #t then
    error(("tsa.kpss: series %s has %d values; lags (%d) must be fewer"):format(label(s, "s"), #t, o.lags), 2)
  end
  local r = C._kpss(t, o.trend or "c", o.lags)
  r.crit = crit_table(r.crit, {"10%", "5%", "2.5%", "1%"})
  r.trend, r.nobs = o.trend or "c", #t
  return setmetatable(stamp(r, s, t, "s"), kpss_mt)
end

doc.add("tsa.kpss", "tsa.kpss(s, {trend = \"c\", lags =}) -> test",
  "KPSS test (H0: stationary around a constant, or a trend with trend = \"ct\"), as statsmodels' kpss " ..
  "(nlags=\"auto\" by default: Hobijn, Franses and Ooms 1998). Fields: stat, p, lags, nobs, " ..
  "crit[\"10%\"|\"5%\"|\"2.5%\"|\"1%\"], outside (1: p is really larger than 0.10, -1: smaller than 0.01, 0 inside). " ..
  "p interpolates linearly in KPSS (1992) table 1.",
  "local r = tsa.kpss(ppi:yoy())\nprint(r.stat, r.p)")

-- Phillips-Perron ------------------------------------------------------------

args.declare("tsa.pp", {
  {"trend", "string", choices = {"n", "c", "ct"}, default = "c",
   help = "deterministic terms: n none, c constant, ct constant and linear trend"},
  {"test", "string", choices = {"tau", "rho"}, default = "tau",
   help = "Z_tau (corrected t ratio, MacKinnon p) or Z_rho (corrected n(rho - 1), Fuller's table)"},
  {"lags", "integer", min = 0, help = "Bartlett truncation lag of the long-run variance (fixed)"},
  {"lags_type", "string", choices = {"short", "long"}, default = "short",
   help = "without lags: trunc(4 (n/100)^(1/4)) or trunc(12 (n/100)^(1/4)), n the regression's rows"},
  {"convention", "string", choices = {"hamilton", "tseries", "urca"}, default = "hamilton",
   help = "moment term of the correction: Hamilton's regression form (as Python arch), R tseries' or R urca's"},
})

local CONVENTION_WORDS = {
  hamilton = "Hamilton (1994) 17.6.8/17.6.12, as Python arch",
  tseries = "Phillips-Perron's closed form, as R tseries::pp.test",
  urca = "closed form on y(t), as R urca::ur.pp",
}

local pp_mt = test_type("tsa.pp")
function pp_mt._lines(r)
  local lines = {
    ("Phillips-Perron test on %s, %s .. %s"):format(r.series, r.first, r.last),
    ("H0: unit root.  y on y(-1) and %s, %d rows"):format(TREND_WORDS[r.trend], r.nobs),
    ("long-run variance: Bartlett, %d lags (%s); correction: %s"):format(
      r.lags, r.lags_type and r.lags_type .. " truncation" or "fixed", CONVENTION_WORDS[r.convention]),
  }
  if r.test == "tau" then
    lines[4] = ("Z_tau = %.4f   p = %s (MacKinnon 1994)"):format(r.stat, pct(r.p))
    lines[5] = "critical values (MacKinnon 2010): " .. crit_line(r, {"1%", "5%", "10%"})
  else
    lines[4] = ("Z_rho = %.4f   p = %s%s (interpolated in Fuller 1976 table 8.5.1)"):format(r.stat, pct(r.p), outside_flag(r))
    lines[5] = "critical values (Fuller 1976, interpolated in n): " .. crit_line(r, {"1%", "5%", "10%"})
  end
  return lines
end

function M.pp(s, opts)
  local o = args.check("tsa.pp", opts)
  local t = clean(s, "tsa.pp", "s", 4)
  local trend, test, conv = o.trend or "c", o.test or "tau", o.convention or "hamilton"
  if o.lags and o.lags_type then error("tsa.pp: give lags (fixed) or lags_type (a rule), not both", 2) end
  if conv == "urca" and trend == "n" then
    error("tsa.pp: convention \"urca\" has no trend \"n\" (urca::ur.pp fits a constant, or a constant and trend)", 2)
  end
  local rows, k = #t - 1, ({n = 1, c = 2, ct = 3})[trend]
  local lags_type = not o.lags and (o.lags_type or "short") or nil
  local lags = o.lags or C._pp_lags(rows, lags_type == "long")
  if rows <= k + lags then
    error(("tsa.pp: series %s has %d values; with %s it needs at least %d (more rows than lags + %d regressors); lower the lags")
      :format(label(s, "s"), #t, o.lags and ("lags = %d"):format(lags)
                or ("lags_type = %q (%d lag%s)"):format(lags_type, lags, lags == 1 and "" or "s"),
              k + lags + 2, k), 2)
  end
  local ok, r = pcall(C._pp, t, trend, lags, conv)
  if not ok then error(("tsa.pp: series %s: %s"):format(label(s, "s"), tostring(r):gsub("^.-tsa%.pp: ", "")), 2) end
  r.stat, r.gamma, r.lags = test == "tau" and r.z_tau or r.z_rho, r.rho - 1, lags
  local crit
  if test == "tau" then
    r.p, crit = C._mackinnon(r.stat, trend, 1, r.nobs)
    r.outside = 0
  else
    r.p, r.outside, crit = C._fuller_rho(r.stat, trend, r.nobs)
  end
  r.crit = crit_table(crit, {"1%", "5%", "10%"})
  r.trend, r.test, r.lags_type, r.convention = trend, test, lags_type, conv
  return setmetatable(stamp(r, s, t, "s"), pp_mt)
end

doc.add("tsa.pp", "tsa.pp(s, {trend = \"c\", test = \"tau\", lags = | lags_type = \"short\", convention = \"hamilton\"}) -> test",
  "Phillips-Perron unit-root test (H0: a unit root). OLS of y(t) on y(t-1) and the terms (trend n, c or ct; the trend " ..
  "runs 1..n) over the n = values - 1 rows; gamma0 = SSR/n; lrv the Bartlett (Newey-West) long-run variance of the " ..
  "residuals with lags = trunc(4 (n/100)^(1/4)) (lags_type \"short\") or trunc(12 (n/100)^(1/4)) (\"long\"), n the rows, " ..
  "as R's urca::ur.pp and tseries::pp.test (Python arch defaults to ceil(12 (values/100)^(1/4))). " ..
  "Z_tau = sqrt(gamma0/lrv) t - (lrv - gamma0)/(2 sqrt(lrv)) n/sqrt(S); Z_rho = n(rho - 1) - (lrv - gamma0)/2 n^2/S; " ..
  "t is the OLS t ratio of rho = 1, S the sum of squares of y(t-1) net of the terms, so n/sqrt(S) = n se(rho)/s " ..
  "(Hamilton 1994, 17.6.8 and 17.6.12, as arch). convention = \"tseries\" multiplies S by 1 - 1/n^2 with a trend " ..
  "(Phillips and Perron's closed form; tseries has ct only); \"urca\" does too but sums y(t) instead of y(t-1) " ..
  "(c or ct). They agree asymptotically; on China's CPI yoy (212 rows, c) Z_tau is -3.1204 (hamilton) and -3.1301 (urca). " ..
  "test = \"tau\": p MacKinnon (1994), crit MacKinnon (2010) for n rows, as tsa.adf (urca prints MacKinnon's 1991 " ..
  "values, tseries interpolates Fuller's tau table). test = \"rho\": p and crit interpolate Fuller's (1976) table " ..
  "8.5.1 (Hamilton B.5) linearly in n (25 .. 500, infinity taken as 100000), then p linearly in the statistic, as " ..
  "tseries::pp.test; outside = -1 (true p below 0.01) or 1 (above 0.99) flags a statistic beyond the table. " ..
  "Fields: stat, p, crit[\"1%\"|\"5%\"|\"10%\"], lags, lags_type (nil with fixed lags), nobs, trend, test, " ..
  "convention, outside, z_tau, z_rho, rho, gamma (rho - 1), t, gamma0, lrv. With lags = 0, Z_tau is tsa.adf's tau " ..
  "with lags = 0. The series is used between its first and last values; a missing value inside is an error.",
  "local r = tsa.pp(ppi:yoy(), {trend = \"c\", lags_type = \"long\"})\nprint(r.stat, r.p, r.crit[\"5%\"])\n" ..
  "print(tsa.pp(ppi:yoy(), {test = \"rho\"}))")

-- Granger ------------------------------------------------------------------

args.declare("tsa.granger", {
  {"lags", "integer", min = 1, default = 4, aliases = {"maxlag"}, help = "lags of y and x in both regressions"},
})

local granger_mt = test_type("tsa.granger")
function granger_mt._lines(r)
  return {
    ("Granger causality: does %s help predict %s?  %s .. %s"):format(r.x, r.y, r.first, r.last),
    ("H0: %d lags of %s add nothing to a constant and %d lags of %s (SSR F test, statsmodels' ssr_ftest)")
      :format(r.lags, r.x, r.lags, r.y),
    ("F(%d, %d) = %.4f   p = %s   (%d rows)"):format(r.df1, r.df2, r.stat, pct(r.p), r.nobs),
  }
end

local function lagged(s, p, prefix)
  local out = {}
  for j = 1, p do out[("%s_L%d"):format(prefix, j)] = s:lag(j) end
  return out
end

function M.granger(y, x, opts)
  local o = args.check("tsa.granger", opts)
  local p = o.lags or 4
  local l = common_span({y, x}, "tsa.granger", {"y", "x"})
  local yy, xx = l[1], l[2]
  if #yy - p <= 2 * p + 1 then
    error(("tsa.granger: %s and %s share %d periods; with lags = %d the test needs more than %d; lower the lags")
      :format(label(y, "y"), label(x, "x"), #yy, p, 3 * p + 1), 2)
  end
  local rx = lagged(yy, p, "y")
  local restricted = regress.ols(yy, rx)
  for k, v in pairs(lagged(xx, p, "x")) do rx[k] = v end
  local ok, full = pcall(regress.ols, yy, rx)
  if not ok then error("tsa.granger: " .. tostring(full):gsub("^.-regress%.ols: ", ""), 2) end
  local f = (restricted.ssr - full.ssr) / full.ssr * full.df_resid / p
  local r = {stat = f, df1 = p, df2 = full.df_resid, lags = p, nobs = full.nobs,
             p = C._fdist_q(f, p, full.df_resid),
             x = x.name or "x", y = y.name or "y", first = full.first, last = full.last,
             restricted = restricted, unrestricted = full}
  return setmetatable(r, granger_mt)
end

doc.add("tsa.granger", "tsa.granger(y, x, {lags = 4}) -> test",
  "Granger causality from x to y: F test that p lags of x add nothing to a regression of y on a constant " ..
  "and p lags of y, both fitted on the same rows of the span y and x share (statsmodels' " ..
  "grangercausalitytests, \"ssr_ftest\"). Fields: stat (F), p, df1 (= lags), df2, nobs, first, last, " ..
  "restricted and unrestricted (the two regress.ols fits).",
  "local g = tsa.granger(cpi:yoy(), ppi:yoy(), {lags = 6})\nprint(g.stat, g.p)")

-- Engle-Granger --------------------------------------------------------------

args.declare("tsa.coint", {
  {"trend", "string", choices = {"c", "ct"}, default = "c", help = "deterministic terms of the cointegrating regression"},
  {"lags", "integer", min = 0, help = "fixed lags of the residual ADF"},
  {"autolag", "string", choices = {"aic", "bic", "t"}, default = "aic", help = "lag search of the residual ADF"},
  {"max_lags", "integer", min = 0, aliases = {"maxlag"}, default = "ceil(12 (n/100)^(1/4))",
   help = "largest lag the search tries"},
})

local coint_mt = test_type("tsa.coint")
function coint_mt._lines(r)
  local lines = {
    ("Engle-Granger cointegration test: %s on %s, %s .. %s"):format(r.y, table.concat(r.xs, ", "), r.first, r.last),
    ("H0: no cointegration.  ADF on the residuals (no constant), %d lags, %d rows; %s in the regression")
      :format(r.lags, r.nobs, TREND_WORDS[r.trend]),
    ("tau = %.4f   p = %s (MacKinnon 1994, N = %d)"):format(r.stat, pct(r.p), r.N),
  }
  if r.crit then lines[#lines + 1] = "critical values (MacKinnon 2010): " .. crit_line(r, {"1%", "5%", "10%"}) end
  return lines
end

function M.coint(y, xs, opts)
  local o = args.check("tsa.coint", opts)
  if series.is(xs) then xs = {xs} end
  if type(xs) ~= "table" or #xs == 0 then error("tsa.coint: xs must be a series or an array of series", 2) end
  if #xs > 5 then error("tsa.coint: MacKinnon's p-values cover at most 6 series (y and 5 xs)", 2) end
  local list, whats = {y}, {"y"}
  for i, x in ipairs(xs) do list[i + 1] = x; whats[i + 1] = "xs[" .. i .. "]" end
  list = common_span(list, "tsa.coint", whats)
  local regs, names = {}, {}
  for i = 2, #list do
    local nm = list[i].name or ("x" .. (i - 1))
    regs[i - 1], names[i - 1] = list[i], nm
    regs[i - 1].name = nm
  end
  if o.trend == "ct" then
    local tr = list[1]:cumsum() * 0 + 1
    regs[#regs + 1] = tr:cumsum(); regs[#regs].name = "trend"
  end
  local okf, fit = pcall(regress.ols, list[1], regs)
  if not okf then error("tsa.coint: " .. tostring(fit):gsub("^.-regress%.ols: ", ""), 2) end
  local resid = fit.resid
  resid.name = "residuals"
  local r = adf(resid, {trend = "n", lags = o.lags, autolag = o.autolag, max_lags = o.max_lags}, "tsa.coint", "residuals")
  local N = #list
  local p, crit = C._mackinnon(r.stat, o.trend or "c", N, #list[1] - 1)
  r.p, r.N, r.trend, r.regression = p, N, o.trend or "c", fit
  r.crit = crit and crit_table(crit, {"1%", "5%", "10%"}) or nil
  r.y, r.xs, r.first, r.last = y.name or "y", names, fit.first, fit.last
  return setmetatable(r, coint_mt)
end

doc.add("tsa.coint", "tsa.coint(y, xs, {trend = \"c\", lags = | autolag = \"aic\", max_lags =}) -> test",
  "Engle-Granger test of no cointegration between y and the series xs (one or an array, up to 5): OLS of y " ..
  "on xs with a constant (and trend for \"ct\"), then ADF without deterministic terms on the residuals, as " ..
  "statsmodels' coint. p is MacKinnon's (1994) for N = 1 + #xs series; crit MacKinnon's (2010) for n - 1 " ..
  "observations. Fields: stat, p, crit, lags, nobs, N, regression (the regress.ols fit).",
  "local c = tsa.coint(gs10, gs10 - spread)   -- the 10-year and the 3-month yield\nprint(c.stat, c.p)")

M._clean, M._common_span, M._label = clean, common_span, label   -- for tenor.var
tsa = M
require "tenor.var"
require "tenor.ndiffs"
require "tenor.arima"
require "tenor.ardl"
require "tenor.correlogram"
require "tenor.var_resid"
return M

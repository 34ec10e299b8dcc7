-- tsa.arima against statsmodels 0.13.5 (make_statsmodels_arima.py ->
-- statsmodels_arima.csv) and R 4.2's arima (make_r_arima.R -> r_arima.csv):
-- the exact likelihood at statsmodels' parameters (deterministic, 1e-8),
-- our maximum against theirs (1e-6 relative), parameters, Hessian standard
-- errors and forecasts; the airline model on log AirPassengers; errors.
local sm, R = read_cases("tests/fixtures/statsmodels_arima.csv"), read_cases("tests/fixtures/r_arima.csv")
local C = require "tenor._tsa"

local air = data.read_csv("tests/fixtures/airpassengers.csv").passengers:log()
local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:log():slice("1990-01")
local cpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local m2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_yoy_pct
local last = cpi:dates()[#cpi - 6]
local cpi_in, m2_in = cpi:slice(nil, last), m2:slice(cpi:dates()[1], last)

-- statsmodels' names for ours
local SM = {const = "const", trend = "x1", m2 = "x1", ar1 = "ar.L1", ar2 = "ar.L2", ar3 = "ar.L3", ma1 = "ma.L1",
            ma2 = "ma.L2", sar1 = "ar.S.L12",
            sma1 = "ma.S.L12", sigma2 = "sigma2"}

local function compare(m, case, opts)
  local r = sm[case]
  -- the likelihood function itself, at statsmodels' estimates
  local par = {}
  for i = 1, #m.names - 1 do par[i] = r["param|" .. SM[m.names[i]]] end
  local ll = C._arima_loglik(m._y, m._X, m.spec, par, r["param|sigma2"])
  close(ll, r.loglik, case .. ": log-likelihood at statsmodels' parameters", 1e-8)
  -- the maximum: ours at least theirs, equal within 1e-6 where they converged
  check(m.loglik >= r.loglik - 1e-9 * math.abs(r.loglik), case .. ": our maximum is no lower")
  if not opts.higher then close(m.loglik, r.loglik, case .. ": maximised log-likelihood", 1e-6) end
  for _, nm in ipairs(m.names) do
    if not opts.higher then
      close(m.params[nm], r["param|" .. SM[nm]], case .. " " .. nm, opts.ptol or 2e-3)
      close(m.se[nm], r["se|" .. SM[nm]], case .. " se " .. nm, opts.setol or 2e-2)
    end
  end
  close(m.aic, -2 * m.loglik + 2 * #m.names, case .. " aic", 1e-12)
  if not opts.higher then
    close(m.aic, r.aic, case .. " aic vs statsmodels", 1e-6); close(m.bic, r.bic, case .. " bic", 1e-6)
    close(m.aicc, r.aicc, case .. " aicc", 1e-6)
  end
  eq(m.nobs, r.nobs_eff, case .. " observations after differencing")
  -- forecasts at statsmodels' parameters: deterministic
  local h = opts.h or 12
  local Xf = {}
  for _, t in ipairs(m.trend_terms) do
    local c = {}
    for i = 1, h do c[i] = t == "const" and 1 or m._n + i end
    Xf[#Xf + 1] = c
  end
  for _, x in ipairs(opts.Xf or {}) do Xf[#Xf + 1] = x end
  local mean, var = C._arima_forecast(m._y, m._X, m.spec, par, r["param|sigma2"], Xf, h)
  for i = 1, h do
    close(mean[i], r["mean|" .. i], case .. " forecast mean " .. i, 1e-8)
    close(var[i], r["var|" .. i], case .. " forecast variance " .. i, 1e-7)
  end
end

local airline = tsa.arima(air, {order = {0, 1, 1}, seasonal = {0, 1, 1, 12}})
compare(airline, "airline", {})
-- R's arima: the same maximum, and Hessian standard errors to 1e-3
close(airline.params.ma1, R.airline.ma1, "airline ma1 vs R", 1e-4)
close(airline.params.sma1, R.airline.sma1, "airline sma1 vs R", 1e-4)
close(airline.se.ma1, R.airline.se_ma1, "airline se ma1 vs R", 1e-3)
close(airline.se.sma1, R.airline.se_sma1, "airline se sma1 vs R", 1e-3)
local f = airline:forecast(12)
eq(f.mean:dates()[1], "1961-01", "forecasts start after the sample")
check(f.lower:values()[12] < f.mean:values()[12] and f.mean:values()[12] < f.upper:values()[12], "interval brackets the mean")
close((f.upper:values()[1] - f.mean:values()[1]) / f.se:values()[1], 1.959963984540054, "95% interval is ±1.96 se", 1e-9)
close(f.mean:values()[12], sm.airline["mean|12"], "airline forecast at our optimum", 1e-4)

compare(tsa.arima(air, {order = {1, 1, 1}, trend = "t"}), "air_drift", {})
compare(tsa.arima(air, {order = {1, 1, 0}, seasonal = {1, 1, 0, 12}}), "air_sar", {})
-- China CPI, ARMA(2,1): statsmodels and R (ln L = -181.069) stop at a lower
-- mode; the Hannan-Rissanen start finds ln L = -172.727 (φ = 1.885, -0.906:
-- complex roots of modulus 1.05, stationary; θ = -0.812, invertible)
local cn21 = tsa.arima(cpi, {order = {2, 0, 1}})
compare(cn21, "cncpi_arma21", {higher = true})
check(cn21.loglik > sm.cncpi_arma21.loglik + 8, "a higher maximum than statsmodels' and R's")
compare(tsa.arima(cpi_in, {order = {1, 0, 0}, exog = {m2 = m2_in}}), "cncpi_m2",
        {h = 6, Xf = {m2:slice(cpi:dates()[#cpi - 5], cpi:dates()[#cpi]):values()}})
-- statsmodels stops early on US industrial production; R's arima finds the
-- maximum we find
local ipm = tsa.arima(ip, {order = {1, 1, 1}, trend = "t"})
compare(ipm, "ip_drift", {higher = true})
close(ipm.loglik, R.ip_drift.loglik, "ip drift: the maximum R finds", 1e-6)
close(ipm.params.ar1, R.ip_drift.ar1, "ip ar1 vs R", 5e-3); close(ipm.params.ma1, R.ip_drift.ma1, "ip ma1 vs R", 5e-3)
close(ipm.params.trend, R.ip_drift.trend, "ip drift vs R", 1e-4)

-- ARMA(3,2): on China PPI statsmodels converges and we reach its maximum
-- (from the Hannan-Rissanen start with a long AR of order ln² n; the usual
-- p + q + 4 ends at -225.13); on log airline passengers statsmodels stops
-- early at 127.4, and we find 144.1
local ppi = data.read_csv("examples/data/cn_ppi_monthly.csv").ppi_yoy_pct:trim()
compare(tsa.arima(ppi, {order = {3, 0, 2}}), "ppi_arma32", {})
local air32 = tsa.arima(air, {order = {3, 0, 2}})
compare(air32, "air_arma32", {higher = true})
check(air32.loglik > sm.air_arma32.loglik + 10, "a far higher maximum than statsmodels' on airline ARMA(3,2)")

-- printing names the convention
check(tostring(airline):find("sma1", 1, true) and tostring(airline):find("exact ML", 1, true), "the model prints")

-- errors
checkerr(function() tsa.arima(air, {order = {1, 1, 1}, trend = "c"}) end, "use trend = \"t\" for a drift", "constant with d = 1")
checkerr(function() tsa.arima(air:slice("1949-01", "1950-04"), {order = {0, 1, 1}, seasonal = {0, 1, 1, 12}}) end,
         "has 16 values; ARIMA(0,1,1)x(0,1,1,12) with 2 coefficients needs at least 17", "too short")
checkerr(function() tsa.arima(air, {order = {1, 1}}) end, "order must be {p, d, q}", "order shape")
checkerr(function() tsa.arima(air, {order = {0, 0, 0}, seasonal = {1, 0, 0, 1}}) end, "period s >= 2", "seasonal period")
checkerr(function() tsa.arima(air * 0 + 1, {order = {1, 0, 0}}) end, "is constant", "constant series")
checkerr(function() tsa.arima(cpi_in, {order = {1, 0, 0}, exog = {m2 = m2_in}}):forecast(3) end,
         "give the future values of 'm2'", "exog forecast needs future values")

-- auto_arima: KPSS differencing, then the stepwise search; the model
-- returned has the smallest criterion of all those tried, and every
-- neighbour of it was tried
local auto = tsa.auto_arima(ip)
eq(auto.search.d, 1, "log industrial production needs one difference (KPSS)")
local best = math.huge
for _, m in ipairs(auto.search.models) do if m.ic and m.ic < best then best = m.ic end end
close(auto.aic, best, "auto_arima returns the smallest AIC tried", 1e-12)
local tried = {}
for _, m in ipairs(auto.search.models) do tried[("%d,%d,%s"):format(m.p, m.q, m.trend)] = true end
local sp = auto.spec
local tr = auto.trend_terms[1] == "trend" and "t" or "n"
for _, v in ipairs{{1, 0}, {0, 1}, {1, 1}} do
  check(tried[("%d,%d,%s"):format(sp.p + v[1], sp.q + v[2], tr)], "neighbour tried: " .. v[1] .. "," .. v[2])
end
local se1 = auto.se[auto.names[1]]
check(se1 == se1 and se1 > 0, "standard errors computed for the chosen model")

-- a likelihood that rises towards a unit root has no stationary maximum:
-- log industrial production in levels without a constant pushes φ to 1
checkerr(function() tsa.arima(ip, {order = {1, 0, 0}, trend = "n"}) end, "rises towards an AR unit root",
         "AR unit root refused, not returned as an estimate")

-- a model that nests another, started from the nested model's estimates
-- padded with zeros, never ends below the nested maximum (auto_arima starts
-- each larger neighbour so); from the Hannan-Rissanen start alone the
-- ARIMA(3,1,4) of full-sample log industrial production ends 9.4 below the
-- ARIMA(3,1,3)
do
  local y = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:log():trim():values()
  local function spec(p, q) return {p = p, d = 1, q = q, P = 0, D = 0, Q = 0, s = 0} end
  local small = C._arima_fit(y, {}, spec(3, 3), true)
  local cold = C._arima_fit(y, {}, spec(3, 4), true)
  local start = {}
  for i = 1, 3 do start[i] = small.params[i] end
  for i = 1, 3 do start[3 + i] = small.params[3 + i] end
  start[7] = 0
  local warm = C._arima_fit(y, {}, spec(3, 4), true, start)
  check(cold.loglik < small.loglik - 1, "the cold start of the larger model ends lower (why the nested start)")
  check(warm.loglik >= small.loglik - 1e-9 * math.abs(small.loglik), "the nested start ends no lower than the nested model")
  checkerr(function() C._arima_fit(y, {}, spec(3, 4), true, {0, 0}) end, "the start needs 7 values", "start length")
end

-- an exact fit (a straight line with its drift) leaves one-step errors of
-- rounding only: refused, not printed as z = 4e16
do
  local v = {}
  for i = 1, 40 do v[i] = 2 + 0.5 * i end
  local line = series.new{freq = "M", start = "2000-01", values = v}
  checkerr(function() tsa.arima(line, {order = {0, 1, 0}, trend = "t"}) end, "is fitted exactly", "a line with its drift")
end

-- values whose squares leave the range of a double: a clear error, not a
-- "constant series" or a non-finite likelihood
do
  local v = {}
  for i = 1, 60 do v[i] = 1e-300 * math.sin(i) end
  local tiny = series.new{freq = "M", start = "2000-01", values = v}
  checkerr(function() tsa.arima(tiny, {order = {1, 0, 0}}) end, "rescale it (e.g. s * 1e+300)", "1e-300-sized values")
  v[7] = math.huge
  checkerr(function() tsa.arima(series.new{freq = "M", start = "2000-01", values = v}, {order = {1, 0, 0}}) end,
           "has an infinite value", "an infinite value")
end

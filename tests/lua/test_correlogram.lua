-- tsa.acf, tsa.pacf, tsa.ljungbox and arima:ljungbox against statsmodels
-- 0.13.5 (make_statsmodels_acf.py -> statsmodels_acf.csv) and R 4.2
-- (make_r_acf.R -> r_acf.csv), which agree to 1e-15; a hand calculation;
-- the errors.
local sm, R = read_cases("tests/fixtures/statsmodels_acf.csv"), read_cases("tests/fixtures/r_acf.csv")

local cpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:slice("1990-01"):log():diff()
local air = data.read_csv("tests/fixtures/airpassengers.csv").passengers:log():diff()

for name, s in pairs{cpi = cpi, ip = ip, air = air} do
  local want, r = sm[name], tsa.acf(s, {lags = 24})
  local adj = tsa.acf(s, {lags = 24, adjusted = true})
  local pa = tsa.pacf(s, {lags = 24})
  eq(r.nobs, want.nobs, name .. " observations")
  for k = 1, 24 do
    close(r.acf[k], want["acf" .. k], name .. " acf " .. k, 1e-12)
    close(r.acf[k], R[name]["acf" .. k], name .. " acf vs R " .. k, 1e-12)
    close(r.lower[k], want["lo" .. k], name .. " Bartlett lower " .. k, 1e-12)
    close(r.upper[k], want["hi" .. k], name .. " Bartlett upper " .. k, 1e-12)
    close(adj.acf[k], want["acfadj" .. k], name .. " adjusted acf " .. k, 1e-12)
    close(r.pacf[k], want["pacf" .. k], name .. " pacf " .. k, 1e-11)
    close(pa.pacf[k], R[name]["pacf" .. k], name .. " pacf vs R " .. k, 1e-11)
    close(pa.lower[k], want["plo" .. k], name .. " pacf lower " .. k, 1e-11)
    close(r.q[k], want["lb" .. k], name .. " Ljung-Box " .. k, 1e-11)
    close(r.p[k], want["lbp" .. k], name .. " Ljung-Box p " .. k, 1e-9)
  end
  for _, k in ipairs{1, 6, 12, 24} do
    local lb, bp = tsa.ljungbox(s, {lags = k}), tsa.ljungbox(s, {lags = k, test = "bp"})
    close(lb.stat, want["lb" .. k], name .. " tsa.ljungbox " .. k, 1e-11)
    close(lb.stat, R[name]["lb" .. k], name .. " Ljung-Box vs R " .. k, 1e-11)
    close(bp.stat, want["bp" .. k], name .. " Box-Pierce " .. k, 1e-11)
    close(bp.p, want["bpp" .. k], name .. " Box-Pierce p " .. k, 1e-9)
    close(bp.stat, R[name]["bp" .. k], name .. " Box-Pierce vs R " .. k, 1e-11)
  end
  local df3 = tsa.ljungbox(s, {lags = 12, df = 3})
  eq(df3.df, 9, name .. " degrees of freedom: lags - df")
  close(df3.p, want.lb12_df3_p, name .. " Ljung-Box p with 3 fitted", 1e-9)
  close(df3.p, R[name].lb12_df3_p, name .. " Ljung-Box p with 3 fitted vs R", 1e-9)
  close(tsa.ljungbox(s, {lags = 12, df = 3, test = "bp"}).p, want.bp12_df3_p, name .. " Box-Pierce p with 3 fitted", 1e-9)
end

-- by hand: x = 1, 3, 2, 5, 4 (mean 3, deviations -2, 0, -1, 2, 1):
-- c0 = 10, c1 = 0, c2 = 1, so r1 = 0, r2 = 0.1; φ22 = (r2 - r1²)/(1 - r1²) = 0.1;
-- Q2 = 5·7·(0/4 + 0.01/3); Bartlett se of r2 = √((1 + 2·0)/5)
local tiny = series.new{freq = "M", start = "2000-01", values = {1, 3, 2, 5, 4}}
local h = tsa.acf(tiny, {lags = 2})
close(h.acf[1], 0, "hand r1", 1e-15); close(h.acf[2], 0.1, "hand r2", 1e-15)
close(h.pacf[2], 0.1, "hand φ22", 1e-15)
close(h.q[2], 35 * 0.01 / 3, "hand Q2", 1e-14)
close(h.se[2], math.sqrt(1 / 5), "hand Bartlett se", 1e-15)
close(h.band, 1.959963984540054 / math.sqrt(5), "white-noise band z/√n", 1e-15)
close(tsa.acf(tiny, {lags = 1, adjusted = true}).acf[1], 0, "hand adjusted r1", 1e-15)
close(tsa.acf(tiny, {lags = 2, adjusted = true}).acf[2], (1 / 3) / (10 / 5), "hand adjusted r2: (c2/(n-2))/(c0/n)", 1e-15)

-- the default lags: min(10·log10(n), n - 1) and min(10, n // 5)
eq(tsa.acf(cpi).lags, math.floor(10 * math.log(#cpi:trim(), 10)), "acf default lags")
eq(tsa.ljungbox(tiny).lags, 1, "Ljung-Box default lags on 5 values: n // 5")

-- the ARIMA residual check: R's checkresiduals convention
local am = tsa.arima(data.read_csv("tests/fixtures/airpassengers.csv").passengers:log(),
                     {order = {0, 1, 1}, seasonal = {0, 1, 1, 12}})
local chk = am:ljungbox()
eq(chk.lags, 24, "a seasonal model's check sums 2s = 24 lags")
eq(chk.df, 22, "and takes off its p + q + P + Q = 2 coefficients")
close(chk.stat, tsa.ljungbox(am.resid, {lags = 24, df = 2}).stat, "the same statistic as on its residuals", 1e-15)
check(tostring(chk):find("residuals of", 1, true), "the check names the model's series")

-- printing: the correlogram's table
local printed = tostring(tsa.acf(cpi, {lags = 3}))
check(printed:find("Q-stat", 1, true) and printed:find("   1   0.936   0.936    189.26  0.000", 1, true),
      "the correlogram prints AC, PAC, Q and its p-value")

-- errors
local vals = cpi:slice("2010-01", "2012-12"):values(); vals[5] = NA
local gap = series.new{freq = "M", start = "2010-01", values = vals}
checkerr(function() tsa.acf(gap) end, "missing at 2010-05", "a hole inside the span")
checkerr(function() tsa.acf(tiny, {lags = 5}) end, "lags = 5 needs at least 6", "lags >= n")
checkerr(function() tsa.ljungbox(cpi, {lags = 2, df = 2}) end, "must exceed the fitted coefficients", "df >= lags")
checkerr(function() tsa.acf(cpi * 0 + 1) end, "is constant", "constant series")
checkerr(function() tsa.acf(series.new{freq = "M", start = "2000-01", values = {1, 2, math.huge, 4, 5}}) end,
         "has an infinite value", "an infinite value")
checkerr(function() tsa.acf(cpi, {lag = 3}) end, "did you mean 'lags'", "a misspelt option")

-- forecasting.lua: the Box-Jenkins round on bundled real data, then a VAR.
--   1. Is log US industrial production stationary? ADF, KPSS and
--      Phillips-Perron disagree in the usual way only when the answer is
--      close; ndiffs and nsdiffs say how many differences R's forecast takes.
--   2. The correlogram of the monthly growth rate.
--   3. auto_arima on 1990-2018, the residual check, and the 2019 forecast
--      against what happened, beside the random walk with drift.
--   4. A VAR of China's CPI, M2 and PPI inflation: lag order, the residual
--      tests, Granger causality and the response of CPI to an M2 shock.
-- The numbers are not flattering everywhere, and the script says so: the
-- chosen ARIMA forecasts 2019 worse than a random walk with drift, and
-- the VAR's residuals are neither white (overlapping yoy rates) nor normal.
-- Every function is documented in help() and checked against statsmodels
-- or R in tests/.
local dir = arg[0]:match("^(.*)/[^/]*$") or "."
local function read(f) return assert(data.read_csv(dir .. "/data/" .. f)) end
local ip = read("us_industrial_production_monthly.csv").indpro:log()
ip.name = "log_ip"
local sample = ip:slice("1990-01", "2018-12")

print("1. Unit roots in log industrial production, 1990-2018")
local adf = tsa.adf(sample, {trend = "ct", autolag = "aic"})
local kpss = tsa.kpss(sample, {trend = "ct"})
local pp = tsa.pp(sample, {trend = "ct"})
print(("   ADF (trend, AIC lags) %.3f  p = %.3f   H0: unit root"):format(adf.stat, adf.p))
print(("   PP  (trend)           %.3f  p = %.3f   H0: unit root"):format(pp.stat, pp.p))
print(("   KPSS (trend)          %.3f  p %s %.3f   H0: trend-stationary"):format(kpss.stat,
  kpss.outside == -1 and "<" or (kpss.outside == 1 and ">" or "="), kpss.p))
print(("   differences as R's forecast: d = %d, D = %d"):format(tsa.ndiffs(sample).d, tsa.nsdiffs(sample).D))

print("\n2. The correlogram of its monthly change")
print(tsa.acf(sample:diff(), {lags = 6}))

print("\n3. auto_arima, its residuals and the 2019 forecast")
local m = tsa.auto_arima(sample)
print(m)
print(m:ljungbox())
local f = m:forecast(12, {level = 0.8})
local actual = ip:slice("2019-01", "2019-12"):values()
local mean, lo, hi = f.mean:values(), f.lower:values(), f.upper:values()
local last, drift = sample:values()[#sample], (sample:values()[#sample] - sample:values()[1]) / (#sample - 1)
local se_m, se_rw, inside = 0, 0, 0
for i = 1, 12 do
  se_m = se_m + (actual[i] - mean[i]) ^ 2
  se_rw = se_rw + (actual[i] - (last + drift * i)) ^ 2
  if actual[i] >= lo[i] and actual[i] <= hi[i] then inside = inside + 1 end
end
print(("   2019: RMSE %.4f (model) against %.4f (random walk with drift); %d of 12 months inside the 80%% band")
  :format(math.sqrt(se_m / 12), math.sqrt(se_rw / 12), inside))

print("\n4. A VAR of China's CPI, M2 and PPI inflation (yoy, %)")
local cpi = read("cn_cpi_monthly.csv").national_yoy_pct
local m2 = read("cn_money_supply_monthly.csv").m2_yoy_pct
local ppi = read("cn_ppi_monthly.csv").ppi_yoy_pct
cpi.name, m2.name, ppi.name = "cpi", "m2", "ppi"
local sel = tsa.var_select({cpi, m2, ppi}, {max_lags = 6})
print(("   lags chosen: AIC %d, BIC %d, HQIC %d"):format(sel.selected.aic, sel.selected.bic, sel.selected.hqic))
-- neither order whitens the residuals at 12 lags: year-on-year rates overlap
-- (each shares 11 months with the last), an MA(11) no short VAR absorbs, so
-- the tests and bands below are optimistic; the AIC order is kept
for _, lags in ipairs{sel.selected.bic, sel.selected.aic} do
  local try = tsa.var({cpi, m2, ppi}, {lags = lags})
  print(("   VAR(%d) residuals: portmanteau(12) p = %.3f, Jarque-Bera p = %.3g")
    :format(lags, try:whiteness{lags = 12}.p, try:normality().p))
end
local v = tsa.var({cpi, m2, ppi}, {lags = sel.selected.aic})
local g = v:granger("cpi", "m2")
print(("   does M2 Granger-cause CPI? F = %.2f, p = %.3f"):format(g.stat, g.p))
local irf = v:irf(24)
print(("   CPI's response to a one-s.d. M2 shock (orthogonalised, order cpi, m2, ppi): %.3f pp after 12 months, %.3f after 24")
  :format(irf[12].cpi.m2, irf[24].cpi.m2))

-- W7: ARIMA(1,1,1) with drift by exact Gaussian ML on each of the 500 series
-- of arima_panel.csv (300 months), then the stepwise auto-ARIMA (AIC,
-- non-seasonal, d by KPSS) on the first 50. Checksums: the number of fits,
-- the sums of the maximised log-likelihoods and of the estimates, rounded
-- to 6 significant digits (optimisers stop at different points within their
-- tolerance), and the orders auto_arima chose.
local ds = assert(data.read_csv(arg[1]))
local ll, ar, ma, drift, n = 0, 0, 0, 0, 0
for i = 1, #ds do
  local ok, m = pcall(tsa.arima, ds[i], {order = {1, 1, 1}, trend = "t"})
  if ok then
    ll, ar, ma, drift, n = ll + m.loglik, ar + m.params.ar1, ma + m.params.ma1, drift + m.params.trend, n + 1
  elseif not tostring(m):find("unit root", 1, true) then
    error(m, 0)
  end
end
local sums = ("arima.n=%d arima.llf=%.6g arima.ar1=%.6g arima.ma1=%.6g arima.drift=%.6g"):format(n, ll, ar, ma, drift)
if arg[2] ~= "arima" then
  local pq, aic = 0, 0
  for i = 1, 50 do
    local m = tsa.auto_arima(ds[i], {d = 1})
    pq, aic = pq + m.spec.p + m.spec.q, aic + m.aic
  end
  sums = sums .. (" auto.pq=%d auto.aic=%.6g"):format(pq, aic)
end
print(sums)

-- W9 (seasonal adjustment; defined here, beside W0-W6 of shared/bench/WORKLOADS.md).
-- Data: panel_monthly.csv (500 monthly series, 1986-01..2025-12, ~2% empty
-- cells). Each series: missing ends trimmed, interior gaps filled by linear
-- interpolation (s:dropna():fill("linear"); pandas interpolate(limit_area =
-- "inside"); zoo na.approx).
--   W9a (arg[2] = "stl"): STL, period 12, seasonal 7, trend 23, low_pass 13,
--     degrees 1, jumps 1, inner 5, outer 0 (statsmodels' defaults; R stl with
--     these set). Checksums: stl.n, stl.trend.sum, stl.seasonal.sumsq, stl.resid.sumsq.
--   W9b (arg[2] = "adjust"): seasonal.adjust with the Spring Festival regressor
--     (7-day window from SF day, share per month minus its 1901-2100 monthly
--     mean) by backfitting: b = 0; repeat STL of x - Xb (as W9a), OLS with a
--     constant of x - T - S on X, until max|Δb|/(1+|b|) <= 1e-10 (at most 50
--     times); sa = x - S - Xb. Checksums: sa.n, sa.sum, sa.sumsq, sf.coef.sum.
local ds = assert(data.read_csv(arg[1]))
local what = arg[2] or "stl"
local n, a, b, c = 0, 0, 0, 0
for _, x in ipairs(ds:columns()) do
  x = x:dropna():fill("linear")
  if what == "stl" then
    local trend, seasonal, resid = x:stl()
    n = n + #x
    a = a + trend:sum(); b = b + (seasonal * seasonal):sum(); c = c + (resid * resid):sum()
  else
    local r = seasonal.adjust(x, {holidays = {"spring_festival"}})
    n = n + #x
    a = a + r.sa:sum(); b = b + (r.sa * r.sa):sum(); c = c + r.holiday_coef.spring_festival
  end
end
if what == "stl" then
  print(("stl.n=%d stl.trend.sum=%.10g stl.seasonal.sumsq=%.10g stl.resid.sumsq=%.10g"):format(n, a, b, c))
else
  print(("sa.n=%d sa.sum=%.10g sa.sumsq=%.10g sf.coef.sum=%.10g"):format(n, a, b, c))
end

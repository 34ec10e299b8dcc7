-- W6 (shared/bench/WORKLOADS.md): a typical analyst script on 30 monthly
-- series: yoy of m01..m10; OLS of yoy(m01) on yoy(m02..m04) with HAC(12);
-- HP filter (λ 14400) of m01; MA3/MA12 crossings of m06; a one-line summary.
local ds = assert(data.read_csv(arg[1]))
local yoy, n, sum = {}, 0, 0
for i = 1, 10 do
  local name = ("m%02d"):format(i)
  yoy[name] = ds[name]:pct(12)
  local s, k = yoy[name]:sum()
  n, sum = n + k, sum + s
end
local fit = regress.ols(yoy.m01, {m02 = yoy.m02, m03 = yoy.m03, m04 = yoy.m04}, {cov = "HAC", lag = 12})
-- HP on the present values, gaps closed up (as W3)
local present, k = {}, 0
for _, y in ipairs(ds.m01:values()) do if y == y then k = k + 1; present[k] = y end end
local trend, cycle = filter.hp(series.new{freq = "M", start = ds.m01.start, values = present, n = k}, {lambda = 14400})
local ss = (cycle * cycle):sum()
local d = ds.m06:rolling(3, "mean", {min_obs = 3}) - ds.m06:rolling(12, "mean", {min_obs = 12})
local up, down = signal.cross_above(d, 0), signal.cross_below(d, 0)
local last_date, last_dir
for i, date in ipairs(d:dates()) do
  if up[i] == 1 then last_date, last_dir = date, "up" elseif down[i] == 1 then last_date, last_dir = date, "down" end
end
local parts = {("yoy.n=%d yoy.sum=%.10g reg.nobs=%d"):format(n, sum, fit.nobs)}
for _, k in ipairs(fit.names) do parts[#parts + 1] = ("reg.b.%s=%.10g reg.se.%s=%.10g"):format(k, fit.coef[k], k, fit.se[k]) end
parts[#parts + 1] = ("hp.trend.last=%.10g hp.cycle.sumsq=%.10g"):format(trend[#trend], ss)
parts[#parts + 1] = ("cross.up=%d cross.down=%d cross.last.date=%s cross.last.dir=%s"):format(up:sum(), down:sum(), last_date, last_dir)
print(table.concat(parts, " "))

-- W1 (shared/bench/WORKLOADS.md): for each of 500 monthly series: yoy, 12-month
-- rolling mean, 60-month rolling z-score (window includes x_t, sample sd), and
-- the calendar-quarter mean of the months present. Prints the checksums.
local ds = assert(data.read_csv(arg[1]))
local c = {yoy_n = 0, yoy_sum = 0, ma_n = 0, ma_sum = 0, z_n = 0, z_sum = 0, z_sq = 0, q_n = 0, q_sum = 0}
for _, x in ipairs(ds:columns()) do
  local yoy, ma, z, q = x:yoy(), x:rolling(12, "mean"), x:zscore{window = 60}, x:to("Q", "mean", {min_obs = 1})
  local s, n = yoy:sum(); c.yoy_sum, c.yoy_n = c.yoy_sum + s, c.yoy_n + n
  s, n = ma:sum(); c.ma_sum, c.ma_n = c.ma_sum + s, c.ma_n + n
  s, n = z:sum(); c.z_sum, c.z_n = c.z_sum + s, c.z_n + n
  c.z_sq = c.z_sq + (z * z):sum()
  s, n = q:sum(); c.q_sum, c.q_n = c.q_sum + s, c.q_n + n
end
print(("yoy.n=%d yoy.sum=%.10g ma12.n=%d ma12.sum=%.10g z60.n=%d z60.sum=%.10g z60.sumsq=%.10g qmean.n=%d qmean.sum=%.10g")
  :format(c.yoy_n, c.yoy_sum, c.ma_n, c.ma_sum, c.z_n, c.z_sum, c.z_sq, c.q_n, c.q_sum))

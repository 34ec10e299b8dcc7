-- W3 (shared/bench/WORKLOADS.md). With a panel file: W3a, the HP filter
-- (lambda 14400) on each of the 500 series after dropping missing cells
-- (gaps closed up). With the daily file: W3b, lambda 1e8 on all 2e6 values.
-- Prints the checksums.
local ds = assert(data.read_csv(arg[1]))
local lambda = tonumber(arg[2]) or 14400
local n, tsum, csq, last = 0, 0, 0, nil
for _, x in ipairs(ds:columns()) do
  if x:count() < #x then        -- close the gaps up: the present values, consecutive
    local v, k = {}, 0
    for _, y in ipairs(x:values()) do if y == y then k = k + 1; v[k] = y end end
    x = series.new{freq = x.freq, start = x.start, values = v, n = k}
  end
  local trend, cycle = filter.hp(x, {lambda = lambda})
  n = n + #x
  tsum = tsum + trend:sum()
  csq = csq + (cycle * cycle):sum()
  last = trend[#trend]
end
print(("hp.n=%d hp.trend.sum=%.10g hp.cycle.sumsq=%.10g hp.trend.last=%.10g"):format(n, tsum, csq, last))

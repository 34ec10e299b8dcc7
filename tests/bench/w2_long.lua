-- W2 (shared/bench/WORKLOADS.md): one business-day series of 2e6 points:
-- change over 252 days, rolling 252 mean and sample sd, drawdown from the
-- running maximum and its worst value and date. Prints the checksums.
local x = assert(data.read_csv(arg[1])).x
local pct, ma, sd = x:pct(252), x:rolling(252, "mean"), x:rolling(252, "std")
local dd = x / x:expanding("max") - 1
local function ns(s) local v, n = s:sum(); return n, v end
print(("pct252.n=%d pct252.sum=%.10g ma252.n=%d ma252.sum=%.10g sd252.n=%d sd252.sum=%.10g dd.sum=%.10g maxdd=%.10g maxdd.date=%s")
  :format(select(1, ns(pct)), select(2, ns(pct)), select(1, ns(ma)), select(2, ns(ma)),
          select(1, ns(sd)), select(2, ns(sd)), dd:sum(), dd:min(), dd:idxmin()))

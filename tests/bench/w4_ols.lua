-- W4 (shared/bench/WORKLOADS.md): y on a constant and x1..x5, n = 1e6, with
-- Newey-West HAC standard errors (Bartlett, 12 lags, no prewhitening, no
-- small-sample factor). Prints the checksums.
local ds = assert(data.read_csv(arg[1]))
local fit = regress.ols(ds.y, {ds.x1, ds.x2, ds.x3, ds.x4, ds.x5}, {cov = "HAC", lag = 12})
local out = {}
for _, n in ipairs(fit.names) do out[#out + 1] = ("b.%s=%.10g se.%s=%.10g"):format(n, fit.coef[n], n, fit.se[n]) end
print(table.concat(out, " "))

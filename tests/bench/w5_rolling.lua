-- W5 (shared/bench/WORKLOADS.md): the first 200,000 rows of ols_big.csv; for
-- each 60-row window, y on a constant, x1 and x2. Prints the checksums.
local ds = assert(data.read_csv(arg[1], {nrows = 200000}))   -- as the peers read only these rows
local y = ds.y
local r = regress.rolling(y, {x1 = ds.x1, x2 = ds.x2}, {window = 60})
local n, s = r.nobs:count(), {}
for _, name in ipairs{"const", "x1", "x2"} do
  s[#s + 1] = ("roll.sum.%s=%.10g roll.last.%s=%.10g"):format(name, r.coef[name]:sum(), name, r.coef[name][#r.coef[name]])
end
print(("roll.n=%d %s"):format(n, table.concat(s, " ")))

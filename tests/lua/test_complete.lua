-- REPL completion candidates (the terminal behaviour is tested with tmux in
-- tests/term/repl.sh).
local ds = assert(data.read_csv("examples/data/cn_cpi_monthly.csv"))
cn = ds
s = ds[1]
local zh = series.new{freq = "M", start = "2024-01", values = {1}, name = "居民消费价格"}
cnz = dataset.new{zh}
local function has(list, want) for _, x in ipairs(list) do if x == want then return true end end return false end
check(has(tenor.complete("regr"), "regress"), "globals")
check(has(tenor.complete("regress.o"), "regress.ols"), "module functions")
check(has(tenor.complete("s:yo"), "s:yoy"), "series methods")
check(has(tenor.complete("s:roll"), "s:rolling"))
check(has(tenor.complete("cn.national_y"), "cn.national_yoy_pct"), "dataset columns")
check(has(tenor.complete("cnz.居"), "cnz.居民消费价格"), "non-ASCII column names")
check(has(tenor.complete("cn:sum"), "cn:summary"), "dataset methods")
check(has(tenor.complete("s.st"), "s.start") and has(tenor.complete("s.st"), "s.stop"), "series properties")
for _, p in ipairs(series._properties) do check(zh[p] ~= nil, "series._properties lists what __index serves: " .. p) end
check(has(tenor.complete("fun"), "function"), "keywords")
eq(#tenor.complete("nosuchthing."), 0)
check(not has(tenor.complete("series."), "series._info"), "underscored internals are hidden")
-- option keys inside an open options table: the call whose { is open before the cursor
local function same(a, b) return table.concat(a, " ") == table.concat(b, " ") end
check(same(tenor.complete("co", "regress.ols(y, xs, {"), {"const", "cov"}), "regress.ols keys")
check(same(tenor.complete("", "regress.ols(y, {ppi = p}, {cov = 'HAC', "), {"const", "cov", "lag", "use_t"}), "after a comma: every key")
check(same(tenor.complete("mi", "x:rolling(12, \"mean\", {"), {"min_obs"}), "a method on an unknown receiver maps to s:rolling")
check(same(tenor.complete("mi", "s:expanding('sum', {"), {"min_obs"}), "a method on a series")
check(same(tenor.complete("wi", "cpi:yoy():zscore{"), {"window"}), "a table call at the end of a chain")
check(same(tenor.complete("ho", "rule{signal = sig, "), {"hold", "horizons"}), "rule{} keys")
check(same(tenor.complete("as", "db:get('cpi', {"), {"as_of"}), "db:get keys")
check(has(tenor.complete("regress.o", "print("), "regress.ols"), "not in a table: names as before")
check(has(tenor.complete("re", "regress.ols(y, xs, {cov = "), "regress"), "at a value, not a key: names")
check(has(tenor.complete("re", "f{'{', "), "regress"), "braces inside strings do not count")
cn, s, cnz = nil, nil, nil

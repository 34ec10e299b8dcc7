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
cn, s, cnz = nil, nil, nil

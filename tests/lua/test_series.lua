-- The series type: construction, properties, access, arithmetic with
-- alignment, comparisons and tri-state logic, statistics, filling, printing.
-- Expected values are hand calculations written beside each check.

local M = function(start, values, name)
  return series.new{freq = "M", start = start, values = values, name = name}
end

-- construction and properties
local s = series.new{freq = "M", start = "2023-11", values = {1, 2, nil, 4, 5}, name = "x",
                     unit = "index", meta = {source = "test"}}
eq(#s, 5, "length counts the hole")
eq(s.freq, "M"); eq(s.start, "2023-11"); eq(s.stop, "2024-03"); eq(s.name, "x")
eq(s.meta.unit, "index"); eq(s.meta.source, "test")
eq(s:at("2024-01"), nil, "missing value reads as nil")
eq(s:at("2024-02"), 4); eq(s:at("2030-01"), nil, "outside the span")
eq(s[1], 1); eq(s[3], nil)
eq(s:count(), 4)
check(series.isna(s:values()[3]), "values() has NaN for missing")
eq(s:dates()[3], "2024-01")
eq(#series.new{freq = "M", start = "2024-01", values = {1, nil, nil}, n = 3}, 3, "explicit n keeps trailing holes")
eq(series.new{freq = "Q", start = "2024-Q2", values = {1}}.start, "2024Q2", "2024-Q2 accepted, printed 2024Q1-style")
eq(series.new{freq = "Q", start = "2024q2", values = {1}}.start, "2024Q2")
eq(series.new{freq = "M", start = "2024-01-31", values = {1}}.start, "2024-01", "a day picks its month")
eq(series.new{freq = "M", start = "2024/01", values = {1}}.start, "2024-01")
eq(series.new{freq = "M", start = "2024M01", values = {1}}.start, "2024-01")
eq(series.new{freq = "A", start = 2024, values = {1}}.start, "2024")
eq(series.new{freq = "W-FRI", start = "2024-01-08", values = {1}}.start, "2024-01-12", "week ends on Friday")
eq(series.new{freq = "B", start = "2024-01-12", values = {1, 2}}.stop, "2024-01-15", "Friday then Monday")

-- bad construction
checkerr(function() series.new{start = "2024-01", values = {}} end, "'freq' is required")
checkerr(function() series.new{freq = "X", start = "2024-01", values = {}} end, "unknown frequency 'X'")
checkerr(function() series.new{freq = "M", start = "2024-13", values = {}} end, "month out of range")
checkerr(function() series.new{freq = "M", start = "2024-01", values = {1, "a"}} end, "values[2] is a string")
checkerr(function() series.new{freq = "B", start = "2024-01-13", values = {1}} end, "Saturday")
checkerr(function() s.v = 3 end, "series are immutable")

-- names and metadata can change; values cannot
local r = s:rename("y")
eq(r.name, "y"); eq(s.name, "x", "rename returns a copy")
r.name = "z"; eq(r.name, "z")

-- slicing
local t = s:slice("2023-12", "2024-02")
eq(#t, 3); eq(t.start, "2023-12"); eq(t.name, "x"); eq(t.meta.unit, "index")
eq(#s:slice("2024"), 3, "a year selects its months that exist")
eq(#s:slice(nil, "2023"), 2)
eq(#s:slice("2030-01"), 0, "outside: empty")
checkerr(function() s:slice("2024-03", "2024-01") end, "is after")
eq(#s:head(2), 2); eq(s:tail(2).start, "2024-02"); eq(#s:head(99), 5)
local padded = M("2024-01", {nil, nil, 3, nil, 5, nil})
local trimmed = padded:dropna()
eq(trimmed.start, "2024-03"); eq(#trimmed, 3, "dropna trims the ends, keeps inner gaps")
checkerr(function() s:at("2024") end, "need a month")

-- arithmetic: aligned on the overlap, NA propagates
local a = M("2024-01", {1, 2, 3, 4}, "a")
local b = M("2024-03", {10, 20, 30}, "b")
local c = a + b
eq(c.start, "2024-03"); eq(#c, 2); eq(c:at("2024-03"), 13); eq(c:at("2024-04"), 24)
eq((a * 2):at("2024-02"), 4); eq((10 - a):at("2024-01"), 9); eq((a / 4):at("2024-02"), 0.5)
eq((a ^ 2):at("2024-04"), 16); eq((-a):at("2024-01"), -1); eq((a % 3):at("2024-04"), 1)
eq((a // 3):at("2024-04"), 1); eq((-a % 3):at("2024-04"), 2, "Lua modulo: sign of divisor")
eq((a * 2).name, "a", "series op number keeps the name")
eq(c.name, nil, "two different series: no name")
local g = M("2024-01", {1, nil, 3})
eq((g + 1):at("2024-02"), nil); eq((g ^ 0):at("2024-02"), nil, "NA^0 is NA, not 1")
eq((1 ^ g):at("2024-02"), nil, "1^NA is NA")
local q = series.new{freq = "Q", start = "2024Q1", values = {1, 2}, name = "gdp"}
checkerr(function() return a + q end, "cannot add a monthly series 'a' and a quarterly series 'gdp'")
checkerr(function() return a + q end, "a:to('Q', 'mean')")
checkerr(function() return a + {} end, "attempt to add a 'series' with a 'table'")
checkerr(function() return a + M("2030-01", {1}) end, "no period in common")
checkerr(function() return a < b end, "use a:lt(b)")
check(a == M("2024-01", {1, 2, 3, 4}), "== compares calendar and values")
check(a ~= M("2024-02", {1, 2, 3, 4}), "different start")
check(g == M("2024-01", {1, nil, 3}), "NA in the same place is equal")

-- comparisons give 1/0 with NA; & | ~ are tri-state (NA in, NA out)
local x = M("2024-01", {1, 5, nil, 3})
local gt = x:gt(2)
eq(gt:at("2024-01"), 0); eq(gt:at("2024-02"), 1); eq(gt:at("2024-03"), nil)
eq(x:ge(3):at("2024-04"), 1); eq(x:lt(3):at("2024-04"), 0); eq(x:le(3):at("2024-04"), 1)
eq(x:eq(5):at("2024-02"), 1); eq(x:ne(5):at("2024-02"), 0)
local y = M("2024-01", {2, 2, 2, 2})
eq(x:gt(y):at("2024-02"), 1, "series against series")
local both = x:gt(0) & x:lt(4)
eq(both:at("2024-01"), 1); eq(both:at("2024-02"), 0); eq(both:at("2024-03"), nil)
local either = x:gt(4) | x:lt(2)
eq(either:at("2024-01"), 1); eq(either:at("2024-04"), 0)
local nx = ~x:gt(2)
eq(nx:at("2024-01"), 1); eq(nx:at("2024-03"), nil)
eq((x:gt(2) ~ x:gt(4)):at("2024-02"), 0, "binary ~ is xor")
eq(x:isna():at("2024-03"), 1); eq(x:notna():sum(), 3)

-- statistics skip missing values and report the count
local d = M("2024-01", {2, 4, nil, 4, 5, 5, 7, 9})
local mean, n = d:mean()
near(mean, 36 / 7, 1e-15, "mean"); eq(n, 7)
-- sample variance: deviations from 36/7 squared sum to 32.857142857...; /6
near(d:var(), (4+16+16+25+25+49+81 - 36*36/7) / 6, 1e-12, "sample variance")
near(d:std(), math.sqrt((4+16+16+25+25+49+81 - 36*36/7) / 6), 1e-12, "sample std")
near(d:std(0), math.sqrt((4+16+16+25+25+49+81 - 36*36/7) / 7), 1e-12, "population std")
near(d:std{ddof = 0}, math.sqrt((4+16+16+25+25+49+81 - 36*36/7) / 7), 1e-12)
eq(d:sum(), 36); eq(d:min(), 2); eq(d:max(), 9)
-- type 7 quantile of sorted {2,4,4,5,5,7,9}: h = 6q; q=.25 -> h=1.5 -> 4; q=.9 -> h=5.4 -> 7+.4*2
near(d:quantile(0.25), 4, 1e-15); near(d:quantile(0.9), 7.8, 1e-12); eq(d:median(), 5)
eq(d:quantile(0), 2); eq(d:quantile(1), 9)
eq(d:idxmin(), "2024-01"); eq(d:idxmax(), "2024-08"); eq(M("2024-01", {3, 1, 1}):idxmin(), "2024-02", "first on ties")
eq(M("2024-01", {nil}, "e"):idxmax(), nil)
checkerr(function() d:quantile(1.5) end, "s:quantile: q must be a number in [0, 1] (got 1.5)")
local empty = M("2024-01", {nil, nil}, "e")
local m0, n0 = empty:mean()
eq(m0, nil, "mean of nothing is nil"); eq(n0, 0)
eq(M("2024-01", {3}):std(), nil, "std of one value is undefined")
eq(empty:sum(), 0)

-- filling gaps
local f = series.new{freq = "M", start = "2024-01", values = {nil, 1, nil, nil, nil, 5, nil}, n = 7}
local ff = f:fill("ffill")
eq(ff:at("2024-01"), nil, "nothing before to carry"); eq(ff:at("2024-05"), 1); eq(ff:at("2024-07"), 5)
local fl = f:fill("ffill", {limit = 2})
eq(fl:at("2024-04"), 1); eq(fl:at("2024-05"), nil, "limit 2 per gap")
local bf = f:fill("bfill")
eq(bf:at("2024-01"), 1); eq(bf:at("2024-03"), 5); eq(bf:at("2024-07"), nil)
local li = f:fill("linear")
eq(li:at("2024-03"), 2); eq(li:at("2024-04"), 3); eq(li:at("2024-05"), 4)
eq(li:at("2024-01"), nil, "no extrapolation"); eq(li:at("2024-07"), nil)
eq(f:fill(0):at("2024-03"), 0)
checkerr(function() f:fill("nearest") end, "s:fill: method must be one of ffill, bfill, linear (got 'nearest')")

-- printing: NA, never nan
local txt = tostring(M("2024-01", {1.5, nil, -0.25}, "p"))
check(txt:find("series 'p' (M) 2024-01 .. 2024-03, 3 obs, 1 missing", 1, true), txt)
check(txt:find("NA", 1, true) and not txt:find("nan"), "NA shown")
check(tostring(M("2020-01", {})):find("empty", 1, true))
local long = tostring(M("2020-01", {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15}))
check(long:find("...", 1, true) and long:find("2021-03", 1, true), "head and tail for long series")
eq(tenor.show(0/0), "NA")

-- arguments of the stats and fill methods name the method and the argument
checkerr(function() f:fill("ffill", {limt = 1}) end, "s:fill: unknown option 'limt' (did you mean 'limit'?")
checkerr(function() f:fill("ffill", {limit = 0}) end, "s:fill: option 'limit' must be >= 1 (got 0)")
eq(f:fill("FFILL", {limit = 1}):at("2024-03"), f:fill("ffill", {limit = 1}):at("2024-03"), "method is case-insensitive")
checkerr(function() f:std(2) end, "s:std: ddof must be 0 or 1 (got 2)")
checkerr(function() f:var{dof = 0} end, "s:var: unknown option 'dof' (did you mean 'ddof'?")
eq(f:std{ddof = 0}, f:std(0), "ddof positional or in a table")
checkerr(function() f:dates("middle") end, "s:dates: style must be one of display, start, end (got 'middle')")
checkerr(function() f:head(-1) end, "s:head: n must be a whole number, at least 0 (got -1)")
checkerr(function() f:slice("2024-13") end, "s:slice: period '2024-13' is not a monthly period")
-- a non-series where a series belongs names the public function, not a stack slot
checkerr(function() signal.rising(nil) end, "signal.rising: argument 1 must be a series (got nothing)")
checkerr(function() f.yoy({}) end, "s:yoy: is a series method called on a table: write x:yoy(...) with x a series")
checkerr(function() f:corr(5) end, "s:corr: argument 1 must be a series (got 5)")
checkerr(function() filter.hp("gdp") end, "filter.hp: argument 1 must be a series (got 'gdp')")
checkerr(function() f:gt() end, "s:gt: argument 1 must be a series or a number (got nothing)")
checkerr(function() f.meta = 3 end, "s.meta must be a table (got a number)")
checkerr(function() series._methods.rolling({}, 3) end, "s:rolling: is a series method called on a table")   -- wrapped in Lua (series.lua), still named
checkerr(function() f:fill("ffill", f) end, "s:fill: options must be a table such as {limit = ...} (got a series;")

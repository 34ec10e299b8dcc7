-- Calendar helpers over a series' periods (interp/series/calendar_methods.c);
-- every expected value is counted by hand in the comment beside it.
local s = series.new{freq = "M", start = "2023-11", values = {1, 2, NA, 4, 5, 6}, name = "x"}
local m = s:month()
eq(m.start, "2023-11"); eq(#m, 6); eq(m:at("2023-11"), 11); eq(m:at("2024-04"), 4); eq(m.name, "month")
eq(s:year():at("2023-12"), 2023); eq(s:year():at("2024-01"), 2024)
eq(s:quarter():at("2023-11"), 4); eq(s:quarter():at("2024-04"), 2)
eq(s:month():at("2024-02"), 2, "a missing value still has a month")
local q = series.new{freq = "Q", start = "2024Q3", values = {1, 2}}
eq(q:quarter():at("2024Q4"), 4); eq(q:year():at("2024Q4"), 2024)
checkerr(function() q:month() end, "s:month: an unnamed quarterly series has no month in its periods")
checkerr(function() s:day_of_week() end, "s:day_of_week: a monthly series 'x' has no weekday (needs B, D or weekly data)")
-- 2024-01-05 is a Friday; the next business days are Mon 8, Tue 9
local b = series.new{freq = "B", start = "2024-01-05", values = {1, 2, 3}}
eq(b:day_of_week():at("2024-01-05"), 5); eq(b:day_of_week():at("2024-01-08"), 1)
local d = series.new{freq = "D", start = "2024-01-06", values = {1, 2}}
eq(d:day_of_week():at("2024-01-07"), 7, "Sunday is 7")
-- weekly (W-FRI) periods count by the day they end on: the week ending Fri 2024-02-02 is in February
local w = series.new{freq = "W-FRI", start = "2024-02-02", values = {1}}
eq(w:month():at("2024-02-02"), 2); eq(w:day_of_week():at("2024-02-02"), 5)
-- weekly ending Wed 2025-01-01: year 2025
eq(series.new{freq = "W-WED", start = "2025-01-01", values = {1}}:year()[1], 2025)

-- groupby by quarter: Q4 2023 = {1, 2}, Q1 2024 = {NA, 4, 5}, Q2 2024 = {6}
local g = s:groupby(s:quarter(), "sum")
eq(g[4], 3); eq(g[1], 9); eq(g[2], 6); eq(g[3], nil)
eq(s:groupby(s:quarter())[1], 4.5, "mean of 4 and 5 (the NA skipped)")
eq(s:groupby(s:quarter(), "count")[1], 2)
eq(s:groupby(s:quarter(), "first")[4], 1); eq(s:groupby(s:quarter(), "last")[4], 2)
eq(s:groupby(s:quarter(), "min")[1], 4); eq(s:groupby(s:quarter(), "max")[1], 5)
near(s:groupby(s:quarter(), "std")[4], math.sqrt(0.5), 1e-15, "sd of 1, 2 = sqrt(0.5)")
eq(s:groupby(s:quarter(), "var")[4], 0.5)
check(s:groupby(s:quarter(), "std")[2] ~= s:groupby(s:quarter(), "std")[2], "sd of one value is NA")
local med = series.new{freq = "M", start = "2024-01", values = {5, 1, 3, 10, 2, 8}}
local k = series.new{freq = "M", start = "2024-01", values = {1, 1, 1, 2, 2, 2}}
eq(med:groupby(k, "median")[1], 3); eq(med:groupby(k, "median")[2], 8)
eq(med:groupby(k, "first")[2], 10, "first in period order after sorting")
local printed = tostring(s:groupby(s:quarter(), "sum"))
check(printed:find("groupby: sum of a monthly series 'x' by a monthly series 'quarter'", 1, true), printed)
check(printed:find("\n  1           9\n  2           6\n  4           3", 1, true), printed)
-- a key on a shorter span: only the common periods
eq(s:groupby(k, "count")[1], 2, "common periods 2024-01..04: key 1 on Jan-Mar where s has NA, 4, 5")
eq(s:groupby(k, "count")[2], 1, "key 2 on Apr only (s ends there)")
checkerr(function() s:groupby(q) end, "s:groupby: a monthly series 'x' and the key an unnamed quarterly series differ in frequency")
checkerr(function() s:groupby(s:month(), "mode") end, "s:groupby: stat must be one of mean, sum, count, min, max, median, std, var, first, last (got 'mode')")

-- coalesce: union of spans, first non-missing
local a = series.new{freq = "M", start = "2024-01", values = {1, NA, 3}, name = "a"}
local c = series.new{freq = "M", start = "2023-12", values = {9, 9, 9, 9, NA, 7}}
local r = series.coalesce(a, c)
eq(r.start, "2023-12"); eq(r.stop, "2024-05"); eq(r.name, "a")
eq(r:at("2023-12"), 9); eq(r:at("2024-01"), 1); eq(r:at("2024-02"), 9); eq(r:at("2024-03"), 3)
eq(r:at("2024-04"), nil, "missing in both"); eq(r:at("2024-05"), 7)
checkerr(function() series.coalesce(a, q) end, "series.coalesce: a monthly series 'a' and an unnamed quarterly series differ in frequency")
checkerr(function() series.coalesce(a, 3) end, "series.coalesce: arguments must all be series (argument 2 is a number)")

-- first/last valid, first_true
local p, v = series.new{freq = "M", start = "2024-01", values = {NA, 2, NA, 4, NA}, n = 5}:first_valid()
eq(p, "2024-02"); eq(v, 2)
p, v = series.new{freq = "M", start = "2024-01", values = {NA, 2, NA, 4, NA}, n = 5}:last_valid()
eq(p, "2024-04"); eq(v, 4)
eq(series.new{freq = "M", start = "2024-01", values = {NA}, n = 1}:first_valid(), nil)
eq(a:gt(2):first_true(), "2024-03"); eq(a:gt(5):first_true(), nil)
eq(series.new{freq = "M", start = "2024-01", values = {0, NA, 1}}:first_true(), "2024-03")

-- periods_between
eq(series.periods_between("2024-01", "2024-06", "M"), 5)
eq(series.periods_between("2024Q3", "2023Q1", "Q"), -6)
eq(series.periods_between("2024-01-05", "2024-01-12", "B"), 5, "Fri to next Fri")
eq(series.periods_between("2024-01-01", "2025-01-01", "D"), 366)
checkerr(function() series.periods_between("2024-13", "2024-01", "M") end, "series.periods_between: cannot read '2024-13' as a monthly period")
checkerr(function() series.periods_between("2024-01", "2024-02", "X") end, "series.periods_between: freq must be a frequency: A, Q, M, W, W-FRI, B or D (got 'X')")

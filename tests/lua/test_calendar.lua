-- The Chinese calendar tables (stdlib/calendar/, compiled into tenor.calendar_data)
-- and what is computed from them. Expected values: the published dates and
-- counts written below (HKO table, State Council notices, SSE schedule)
-- and hand counts spelled out beside each figure.

-- the compiled module is exactly what the generator writes from the CSVs
local gen = dofile("stdlib/calendar/make_calendar_data.lua")
local f = assert(io.open("stdlib/tenor/calendar_data.lua"))
eq(f:read("a"), gen.generate(), "stdlib/tenor/calendar_data.lua is up to date (make calendar-data)")
f:close()

-- Spring Festival: published dates (HKO conversion table), both ends of the table
local published = {[1901] = "1901-02-19", [1916] = "1916-02-03", [2016] = "2016-02-08", [2020] = "2020-01-25",
                   [2023] = "2023-01-22", [2024] = "2024-02-10", [2025] = "2025-01-29", [2033] = "2033-01-31",
                   [2034] = "2034-02-19", [2100] = "2100-02-09"}
for y, d in pairs(published) do eq(calendar.spring_festival(y), d, "Spring Festival " .. y) end
-- always between Jan 21 and Feb 20 (the new moon after the second zhongqi after the winter solstice)
for y = 1901, 2100 do
  local md = calendar.spring_festival(y):sub(6)
  check(md >= "01-21" and md <= "02-20", "Spring Festival in Jan 21 .. Feb 20: " .. y)
end
checkerr(function() calendar.spring_festival(1900) end, "calendar.spring_festival: the table covers 1901-2100 (got 1900)")
checkerr(function() calendar.spring_festival(2024.5) end, "calendar.spring_festival: year must be an integer")

-- working days. Feb 2024: 21 weekdays (29 days from Thursday: 4 weeks + Thu 29),
-- off weekdays Feb 12-16 (5), make-up Sundays Feb 4 and Feb 18 (+2): 18.
-- Oct 2024: 23 weekdays, off Oct 1-4 and 7 (5), make-up Sat Oct 12 (+1): 19.
local wd = calendar.cn_working_days("2024-01", "2024-12")
eq(wd:at("2024-02"), 18, "Feb 2024 working days"); eq(wd:at("2024-10"), 19, "Oct 2024 working days")
-- 2024: 262 weekdays (366 days from a Monday), 19 off weekdays (Jan 1; Feb 12-16; Apr 4-5; May 1-3;
-- Jun 10; Sep 16-17; Oct 1-4, 7), 8 make-up weekend days (Feb 4, 18; Apr 7, 28; May 11; Sep 14, 29; Oct 12)
eq(wd:sum(), 262 - 19 + 8, "2024 working days: 251")
eq(wd.freq, "M"); eq(wd.start, "2024-01")
-- 2020: the COVID extension made Jan 31 (Fri) off and cancelled the make-up Sat Feb 1.
-- Jan 2020: 23 weekdays; off weekdays Jan 1, 24, 27-31 (7); make-up Sun Jan 19 (+1): 17
eq(calendar.cn_working_days("2020-01", "2020-01"):at("2020-01"), 17, "Jan 2020")
eq(#calendar.cn_working_days(), 19 * 12, "default span 2008-01 .. 2026-12")
checkerr(function() calendar.cn_working_days("2007-01", "2008-12") end,
         "calendar.cn_working_days: the State Council schedules bundled cover 2008-2026 (got 2007)")
checkerr(function() calendar.cn_working_days("2024/01") end, "calendar.cn_working_days: from must be a month 'YYYY-MM'")

-- trading days: Feb 2024: 21 weekdays, closed Fri Feb 9 (SSE notice) and Feb 12-16: 15
local n, dates = calendar.cn_trading_days("2024-02-01", "2024-02-29")
eq(n, 15, "Feb 2024 trading days"); eq(dates[1], "2024-02-01"); eq(dates[6], "2024-02-08"); eq(dates[7], "2024-02-19")
-- a make-up Sunday is a working day but not a trading day
eq((calendar.cn_trading_days("2024-02-04", "2024-02-04")), 0, "exchanges closed on make-up Sunday 2024-02-04")
-- 2019 Oct: 23 weekdays, closed Oct 1-4 and 7 (5): 18
eq((calendar.cn_trading_days("2019-10-01", "2019-10-31")), 18, "Oct 2019 trading days")
checkerr(function() calendar.cn_trading_days("2024-02-30", "2024-03-01") end, "calendar.cn_trading_days: from is not a calendar date")
checkerr(function() calendar.cn_trading_days("2024-03-01", "2024-02-01") end, "calendar.cn_trading_days: 'to' is before 'from'")

-- the holiday regressor: shares of the 7-day window [SF, SF+6]
local raw = calendar.holiday_regressor("spring_festival", "M", {center = "none", from = "2023", to = "2025"})
near(raw:at("2023-01"), 1, 1e-15, "2023: Jan 22-28 all in January"); near(raw:at("2024-02"), 1, 1e-15, "2024: Feb 10-16")
near(raw:at("2025-01"), 3 / 7, 1e-15, "2025: Jan 29-31 of Jan 29 - Feb 4"); near(raw:at("2025-02"), 4 / 7, 1e-15)
eq(raw:at("2025-03"), 0)
-- before/after: SF-10 .. SF+0 for 2025 is Jan 19 .. Jan 29, all January
eq(calendar.holiday_regressor("spring_festival", "M", {before = 10, after = 0, center = "none", from = "2025-01", to = "2025-02"}):at("2025-02"), 0)
-- calendar centring: each month's regressor averages to zero over 1901-2100, each year sums to zero
local c = calendar.holiday_regressor("spring_festival", "M")
eq(c.start, "1901-01"); eq(#c, 2400)
for _, m in ipairs{"01", "02", "03"} do
  local sum = 0
  for y = 1901, 2100 do sum = sum + c:at(y .. "-" .. m) end
  near(sum / 200, 0, 1e-12, "centred mean of month " .. m)
end
near(c:slice("2025"):sum(), 0, 1e-12, "a year of centred shares sums to zero")
local raw_all = calendar.holiday_regressor("spring_festival", "M", {center = "none"})
local jan_mean = 0
for y = 1901, 2100 do jan_mean = jan_mean + raw_all:at(y .. "-01") / 200 end
near(c:at("2024-01"), raw_all:at("2024-01") - jan_mean, 1e-14, "calendar centring subtracts the January mean")
local q = calendar.holiday_regressor("spring_festival", "Q", {center = "none", from = "2025", to = "2025"})
near(q:at("2025Q1"), 1, 1e-15, "the window is always in Q1")
checkerr(function() calendar.holiday_regressor("easter", "M") end, "unknown holiday 'easter'")
checkerr(function() calendar.holiday_regressor("spring_festival", "W") end, "freq must be 'M' or 'Q'")
checkerr(function() calendar.holiday_regressor("spring_festival", "M", {window = 5, before = 2}) end, "give window= or before=/after=, not both")

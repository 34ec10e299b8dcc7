-- Period-to-period changes: lag, lead, diff, pct, mom, yoy (including the
-- business-day rule), ann, log, exp, abs, cumsum, cumprod. Hand calculations.
local s = series.new{freq = "M", start = "2024-01", values = {100, 102, nil, 105, 110}, name = "p"}
eq(s:lag(1):at("2024-02"), 100); eq(s:lag(1):at("2024-01"), nil); eq(#s:lag(2), 5, "same span")
eq(s:lead(1):at("2024-01"), 102); eq(s:lead(1).meta.lookahead, "lead", "lead is marked as looking ahead")
eq(s:lag(-1):at("2024-01"), 102, "a negative lag leads")
eq(s:diff():at("2024-02"), 2); eq(s:diff():at("2024-04"), nil, "gap: no change, not zero")
eq(s:diff(2):at("2024-04"), 3); eq(s:diff(2):at("2024-05"), nil, "2024-03 is missing")
near(s:pct():at("2024-02"), 2, 1e-12); near(s:mom():at("2024-05"), 100 * (110 / 105 - 1), 1e-12)
near(s:pct(3):at("2024-05"), 100 * (110 / 102 - 1), 1e-12)
eq(s:mom().meta.unit, "%")
checkerr(function() s:diff(0) end, "s:diff: lag must be a whole number, at least 1 (got 0)")
local q = series.new{freq = "Q", start = "2023Q1", values = {100, 101, 102, 103, 104, 106}}
near(q:yoy():at("2024Q1"), 4, 1e-12, "quarterly yoy: 4 periods back")
near(q:ann():at("2024Q2"), 100 * ((106 / 104)^4 - 1), 1e-12, "annualised quarterly change")
local a = series.new{freq = "A", start = "2020", values = {50, 55}}
near(a:yoy():at("2021"), 10, 1e-12)
checkerr(function() series.new{freq = "D", start = "2024-01-01", values = {1}}:ann() end, "not defined for daily")

-- business days: the same date a year earlier, else the last value before it
local vals, n = {}, 0
local b = series.new{freq = "B", start = "2023-01-02", values = (function()
  for i = 1, 400 do vals[i] = 100 + i end
  return vals
end)()}
-- 2024-01-15 (Mon) vs 2023-01-15 (a Sunday) -> Friday 2023-01-13
near(b:yoy():at("2024-01-15"), 100 * (b:at("2024-01-15") / b:at("2023-01-13") - 1), 1e-12)
near(b:yoy():at("2024-01-16"), 100 * (b:at("2024-01-16") / b:at("2023-01-16") - 1), 1e-12)
eq(b:yoy():at("2023-06-01"), nil, "less than a year of history")
local holes = series.new{freq = "B", start = "2023-01-02", values = {1, 2, 3, 4}}
local hb = holes:slice("2023-01-02", "2023-01-05")
check(hb:yoy():count() == 0)
-- a missing year-ago day falls back to the last value before it (within 14 days)
local v2 = {}
for i = 1, 280 do v2[i] = 100 + i end
v2[10] = nil                                   -- 2023-01-13, the 10th business day of 2023
local bh = series.new{freq = "B", start = "2023-01-02", values = v2, n = 280}
eq(bh:at("2023-01-13"), nil)
near(bh:yoy():at("2024-01-15"), 100 * (bh:at("2024-01-15") / bh:at("2023-01-12") - 1), 1e-12,
     "Sunday 2023-01-15 -> Friday 13th missing -> Thursday 12th")
local leap = series.new{freq = "D", start = "2023-02-28", values = {10}}
local d = series.new{freq = "D", start = "2023-02-28", values = (function()
  local t = {}
  for i = 1, 367 do t[i] = 10 + i end
  return t
end)()}
near(d:yoy():at("2024-02-29"), 100 * (d:at("2024-02-29") / d:at("2023-02-28") - 1), 1e-12, "Feb 29 compares with Feb 28")
check(leap:yoy():count() == 0)

-- elementwise and cumulative
local x = series.new{freq = "M", start = "2024-01", values = {1, -2, nil, 4}}
near(x:log():at("2024-01"), 0, 0); eq(x:log():at("2024-02"), nil, "log of a negative is missing")
near(x:exp():at("2024-04"), math.exp(4), 1e-12); eq(x:abs():at("2024-02"), 2)
eq(x:cumsum():at("2024-02"), -1); eq(x:cumsum():at("2024-03"), nil); eq(x:cumsum():at("2024-04"), 3)
eq(x:cumprod():at("2024-04"), -8)

-- redate moves the calendar, not the values
local rd = series.new{freq = "Q", start = "2011Q1", values = {9.8, 9.7}}:redate(-1)
eq(rd.start, "2010Q4"); eq(rd:at("2011Q1"), 9.7); eq(#rd, 2)
checkerr(function() series.new{freq = "M", start = "2024-01", values = {1, 2}}:lag(1.5) end, "s:lag: k must be a whole number (got 1.5)")
checkerr(function() series.new{freq = "M", start = "2024-01", values = {1, 2}}:redate() end, "s:redate: k is required: a whole number of periods")

-- Look-ahead through lag(-k), names of shifts and differences, and shifts
-- out of range (issue 17)
do
  local p = series.new{freq = "M", start = "2024-01", values = {1, 2, 4, 7, 11, 16}, name = "ppi"}
  eq(p:lag(-1).meta.lookahead, "lag with a negative k (a lead)", "lag(-1) is a lead and says so")
  eq(p:lag(-1):at("2024-01"), 2, "lag(-1) = lead(1)")
  eq(p:lag(1).meta.lookahead, nil, "lag(1) does not look ahead")
  eq(p:lead(0).meta.lookahead, nil, "lead(0) does not look ahead")
  checkerr(function() backtest.run{position = p:lag(-1):gt(3), asset = p} end, "lag with a negative k")
  eq(p:lag(3).name, "ppi(-3)"); eq(p:lead(1).name, "ppi(+1)"); eq(p:lag(-2).name, "ppi(+2)")
  eq(p:lag(3):lag(2).name, "ppi(-5)", "shifts add up"); eq(p:lag(2):lead(2).name, "ppi")
  eq(p:diff().name, "d(ppi)"); eq(p:diff(4).name, "ppi-ppi(-4)"); eq(p:lag(3):diff().name, "d(ppi(-3))")
  eq(p:diff():lag(1).name, "d(ppi)(-1)")
  eq(series.new{freq = "M", start = "2024-01", values = {1, 2}}:lag(1).name, nil, "unnamed stays unnamed")
  checkerr(function() p:lag(math.mininteger) end, "s:lag: k is out of range: -9223372036854775808 periods (at most 2147483647 either way)")
  checkerr(function() p:lead(math.maxinteger) end, "s:lead: k is out of range: 9223372036854775807 periods")
  checkerr(function() p:lead(math.mininteger) end, "s:lead: k is out of range")
  checkerr(function() p:redate(math.mininteger) end, "s:redate: k is out of range")
  checkerr(function() p:diff(math.maxinteger) end, "s:diff: lag is out of range: 9223372036854775807 periods")
  eq(p:lag(100):count(), 0, "a lag beyond the span is all missing, not an error")
end

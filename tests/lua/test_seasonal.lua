-- seasonal.adjust and s:sa: a synthetic series with known Spring Festival
-- and working-day effects must give them back; the components add up (or
-- multiply up) to the data by definition; the errors.
local sf = calendar.holiday_regressor("spring_festival", "M", {from = "2008-01", to = "2024-12"})
local wd = calendar.cn_working_days("2008-01", "2024-12")
local wd_dev
do  -- working days minus their calendar-month mean over 2008-2026, as seasonal.adjust defines them
  local all = calendar.cn_working_days()
  local means = all:groupby(all:month(), "mean")
  local v = wd:values()
  for i, m in ipairs(wd:month():values()) do v[i] = v[i] - means[math.tointeger(m)] end
  wd_dev = series.new{freq = "M", start = "2008-01", values = v}
end
local seed = 12345
local function noise() seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 - 0.5 end
local v = {}
for i = 1, 17 * 12 do
  local m = (i - 1) % 12
  v[i] = 100 + 0.3 * i + 5 * math.sin(2 * math.pi * m / 12) + 2 * math.cos(4 * math.pi * m / 12) + 0.2 * noise()
end
local base = series.new{freq = "M", start = "2008-01", values = v, name = "base"}

-- additive: y = base + 8·SF regressor
local y = (base + sf * 8):rename("y")
local r = seasonal.adjust(y, {holidays = {"spring_festival"}})
near(r.holiday_coef.spring_festival, 8, 0.1, "Spring Festival effect 8 recovered")
check(r.converged, "backfitting converged")
eq(r.iterations, 3, "direct: STL at b = 0 and b = 1 identify the affine step, one more confirms its fixed point")
local ri = seasonal.adjust(y, {holidays = {"spring_festival"}, backfit = "iterate"})
check(ri.converged and ri.iterations > 3, "plain iteration from b = 0 takes longer: " .. ri.iterations)
near(r.holiday_coef.spring_festival, ri.holiday_coef.spring_festival, 1e-9, "the direct solve is the iteration's limit")
same_series(r.sa, ri.sa, 1e-9, "same adjusted series")
same_series(r.holiday, sf * r.holiday_coef.spring_festival, 1e-12, "holiday = b · regressor")
same_series(r.trend + r.seasonal + r.holiday + r.irregular, y, 1e-10, "T + S + H + I = y")
same_series(r.sa, y - r.seasonal - r.holiday, 1e-12, "sa = y - S - H")
local line = series.new{freq = "M", start = "2008-01", values = (function() local t = {} for i = 1, 204 do t[i] = 100 + 0.3 * i end return t end)()}
check((r.sa - line):std() < 0.15, "sa is the line plus the noise (sd 0.058) and STL's error")
eq(r.sa.name, "y_sa"); eq(r.holiday.name, "y_holiday"); eq(r.sa.meta.lookahead, "two-sided seasonal adjustment")
check(r.se.spring_festival > 0 and r.t.spring_festival > 10)
local printed = tostring(r)
check(printed:find("seasonal adjustment of 'y' (2008-01 .. 2024-12, 204 obs): STL, mode additive", 1, true), printed)
check(printed:find("spring_festival", 1, true) and printed:find("converged", 1, true), printed)

-- jointly with working days: y = base + 8·SF + 0.5·(working days - monthly mean)
local y2 = (base + sf * 8 + wd_dev * 0.5):rename("y2")
local r2 = seasonal.adjust(y2, {holidays = {"spring_festival"}, working_days = true})
near(r2.holiday_coef.spring_festival, 8, 0.15, "SF effect with working days")
near(r2.holiday_coef.working_days, 0.5, 0.05, "working-day effect 0.5 recovered")
eq(r2.iterations, 4, "two regressors: three steps identify the map, one confirms")
local r2i = seasonal.adjust(y2, {holidays = {"spring_festival"}, working_days = true, backfit = "iterate"})
near(r2.holiday_coef.working_days, r2i.holiday_coef.working_days, 1e-9, "direct = iterated, two regressors")
local rr = seasonal.adjust(y, {holidays = {"spring_festival"}, stl = {robust = true}})
check(rr.converged and rr.iterations > 3, "robust STL is not linear: iterated")
near(rr.holiday_coef.spring_festival, 8, 0.2, "robust fit recovers the effect too")
same_series(r2.working_days, wd_dev * r2.holiday_coef.working_days, 1e-10, "working-day effect = b · regressor")
same_series(r2.sa, y2 - r2.seasonal - r2.holiday - r2.working_days, 1e-12)

-- multiplicative: y = exp(base/100 + 0.05·SF); factors multiply back
local ym = ((base / 100 + sf * 0.05):exp()):rename("ym")
local rm = seasonal.adjust(ym, {holidays = {"spring_festival"}, mode = "multiplicative"})
near(rm.holiday_coef.spring_festival, 0.05, 0.002, "log-scale effect recovered")
same_series(rm.trend * rm.seasonal * rm.holiday * rm.irregular, ym, 1e-10, "T·S·H·I = y")
same_series(rm.sa, ym / (rm.seasonal * rm.holiday), 1e-10, "sa = y / (S·H)")
local rl = seasonal.adjust(ym, {holidays = {"spring_festival"}, mode = "log"})
same_series(rl.sa, rm.sa:log(), 1e-10, "log mode: components in logs")

-- no regressors: exactly s:stl
local plain = seasonal.adjust(y, {stl = {robust = true}})
local _, S = y:stl{robust = true}
same_series(plain.seasonal, S, 0, "no calendar effects: the STL seasonal")
eq(plain.holiday, nil)
check(tostring(plain):find("no calendar regressors", 1, true))

-- s:sa defaults: multiplicative for positive data, robust STL
same_series(ym:sa(), seasonal.adjust(ym, {mode = "multiplicative", stl = {robust = true}}).sa, 0, "s:sa defaults")
same_series((y - 200):sa(), seasonal.adjust(y - 200, {stl = {robust = true}}).sa, 0, "additive when a value <= 0")
same_series(y:sa{holidays = {"spring_festival"}, mode = "additive"}, seasonal.adjust(y, {holidays = {"spring_festival"}, stl = {robust = true}}).sa, 0)

-- quarterly data: the Spring Festival window is always in Q1 (Jan 21 .. Feb 26), nothing moves
local q = y:to("Q", "sum")
checkerr(function() seasonal.adjust(q, {holidays = {"spring_festival"}}) end,
         "seasonal.adjust: the spring_festival window falls in the same quarter (Q1) every year, so it has no moving effect to estimate in quarterly data")
local rq = seasonal.adjust(q, {working_days = true})
check(rq.sa.freq == "Q" and #rq.sa == #q and rq.holiday_coef.working_days ~= nil, "quarterly working days")

-- errors
checkerr(function() seasonal.adjust(y, {holidays = {"easter"}}) end, "seasonal.adjust: unknown holiday 'easter' (known: spring_festival)")
checkerr(function() seasonal.adjust((y - 200), {mode = "multiplicative"}) end, "seasonal.adjust: mode 'multiplicative' and 'log' need positive values")
local long = series.new{freq = "M", start = "2000-01", values = v}
checkerr(function() seasonal.adjust(long, {working_days = true}) end,
         "seasonal.adjust: working days are known for 2008-01 .. 2026-12 (State Council schedules bundled); the series runs 2000-01 .. 2016-12")
checkerr(function() seasonal.adjust(y, {mode = "ratio"}) end, "seasonal.adjust: option 'mode' must be one of additive, multiplicative, log")
checkerr(function() seasonal.adjust(y, {stl = {sesonal = 7}}) end, "s:stl: unknown option 'sesonal'")
checkerr(function() seasonal.adjust(3) end, "seasonal.adjust: s must be a series")

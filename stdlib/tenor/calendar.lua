--[[ The Chinese calendar for seasonal work: Spring Festival dates, the State
Council's holiday schedules (working days) and the exchanges' closures
(trading days), and moving-holiday regressors.

The tables are bundled in stdlib/calendar/ (CSV and SOURCES.md: publishers,
transcriptions, cross-checks, caveats) and compiled into
tenor.calendar_data, loaded on first use of this module.

calendar.spring_festival(year) -> "YYYY-MM-DD"
  The Gregorian date (China Standard Time) of 正月初一, 1901-2100: the Hong
  Kong Observatory / Purple Mountain Observatory table, checked against an
  independent astronomical computation (one year, 1916, differs by the
  1929 change of time zone; the published date is kept).

calendar.cn_working_days(from, to) -> monthly series
  China's working days per month: Monday-Friday, minus the weekdays the
  State Council schedule gives off, plus the weekend days it makes working
  days (调休). The schedules cover 2008-2026; months outside are an error.

calendar.cn_trading_days(from, to) -> count, dates
  Days the Shanghai and Shenzhen exchanges trade, from and to inclusive
  (dates "YYYY-MM-DD"): weekdays minus the closed weekdays of the exchange
  table (the public schedule's off weekdays, plus 2024-02-09 by SSE notice);
  they never trade on weekends, make-up working days included. 2008-2026.

calendar.holiday_regressor("spring_festival", freq, {before=, after=, window=, center=, from=, to=})
  X-13 genhol's moving-holiday regressor. The holiday window is the days
  SF-before .. SF+after (SF = Spring Festival day); by default the `window`
  (7) days starting on SF day (before = 0, after = window-1). For each
  period t (M or Q) the raw value r_t is the share of the window's days
  that fall in t (so each year's shares sum to 1). center = "calendar"
  (default, genhol's center=calendar) subtracts from r_t the mean of r for
  the same month (quarter) over 1901-2100, the years of the table: the
  regressor then carries no seasonal pattern of its own and its effect is
  what departs from an average year. center = "mean" subtracts the overall
  mean of r over 1901-2100; "none" leaves the shares.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = {}
local data                          -- tenor.calendar_data, loaded on first use

-- Day numbers (days since 1970-01-01, proleptic Gregorian) and back.
local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

local function weekday(z) return (z + 3) % 7 end   -- 0 = Monday .. 6 = Sunday

local function day_of(str, who, what)
  local y, m, d = tostring(str):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then error(("%s: %s must be a date 'YYYY-MM-DD' (got %s)"):format(who, what, tostring(str)), 3) end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  local z = days_from_civil(y, m, d)
  local y2, m2, d2 = civil_from_days(z)
  if y2 ~= y or m2 ~= m or d2 ~= d then error(("%s: %s is not a calendar date (%s)"):format(who, what, str), 3) end
  return z
end

local function iso(z)
  local y, m, d = civil_from_days(z)
  return ("%04d-%02d-%02d"):format(y, m, d)
end

-- The tables as day sets, built once.
local tables
local function load()
  if tables then return tables end
  data = require "tenor.calendar_data"
  local t = {off = {}, work = {}, closed = {}, sf = {}}
  for y, s in pairs(data.spring_festival) do t.sf[y] = day_of(s, "calendar", "table date") end
  for _, r in ipairs(data.public) do t[r[2]][day_of(r[1], "calendar", "table date")] = r[3] end
  for _, r in ipairs(data.exchange) do t.closed[day_of(r[1], "calendar", "table date")] = r[2] end
  t.first_year, t.last_year = data.public_years[1], data.public_years[2]
  tables = t
  return t
end
M._days_from_civil, M._civil_from_days, M._iso = days_from_civil, civil_from_days, iso

function M.spring_festival(year)
  local t = load()
  if math.type(year) ~= "integer" and not (type(year) == "number" and year == math.floor(year)) then
    error("calendar.spring_festival: year must be an integer (got " .. tostring(year) .. ")", 2)
  end
  local z = t.sf[math.tointeger(year)]
  if not z then error(("calendar.spring_festival: the table covers 1901-2100 (got %d)"):format(year), 2) end
  return iso(z)
end
M._spring_festival_day = function(year) return load().sf[year] end

local function check_covered(t, y, who)
  if y < t.first_year or y > t.last_year then
    error(("%s: the State Council schedules bundled cover %d-%d (got %d); stdlib/calendar/SOURCES.md says where they come from")
          :format(who, t.first_year, t.last_year, y), 3)
  end
end

-- Working days in month (y, m): weekdays - scheduled off weekdays + make-up weekend days.
local function working_days_in(t, y, m)
  local z0 = days_from_civil(y, m, 1)
  local z1 = m == 12 and days_from_civil(y + 1, 1, 1) or days_from_civil(y, m + 1, 1)
  local n = 0
  for z = z0, z1 - 1 do
    local wd = weekday(z)
    if (wd < 5 and not t.off[z]) or (wd >= 5 and t.work[z]) then n = n + 1 end
  end
  return n
end
M._working_days_in = function(y, m) return working_days_in(load(), y, m) end

local function month_arg(p, who, what)
  local y, m = tostring(p):match("^(%d%d%d%d)%-(%d%d)")
  if not y then
    y = tostring(p):match("^(%d%d%d%d)$")
    if not y then error(("%s: %s must be a month 'YYYY-MM' or a year (got %s)"):format(who, what, tostring(p)), 3) end
    return tonumber(y), what == "from" and 1 or 12
  end
  return tonumber(y), tonumber(m)
end

function M.cn_working_days(from, to)
  local t = load()
  local who = "calendar.cn_working_days"
  local y0, m0 = month_arg(from or t.first_year, who, "from")
  local y1, m1 = month_arg(to or t.last_year, who, "to")
  check_covered(t, y0, who); check_covered(t, y1, who)
  local v = {}
  local y, m = y0, m0
  while y * 12 + m <= y1 * 12 + m1 do
    v[#v + 1] = working_days_in(t, y, m)
    y, m = m == 12 and y + 1 or y, m % 12 + 1
  end
  if #v == 0 then error(who .. ": 'to' is before 'from'", 2) end
  local s = series.new{freq = "M", start = ("%04d-%02d"):format(y0, m0), values = v, name = "cn_working_days",
                       unit = "days", source = "State Council holiday schedules (stdlib/calendar/SOURCES.md)"}
  return s
end

function M.cn_trading_days(from, to)
  local t = load()
  local who = "calendar.cn_trading_days"
  local z0, z1 = day_of(from, who, "from"), day_of(to, who, "to")
  if z1 < z0 then error(who .. ": 'to' is before 'from'", 2) end
  local y0, y1 = civil_from_days(z0), civil_from_days(z1)
  check_covered(t, y0, who); check_covered(t, y1, who)
  local dates = {}
  for z = z0, z1 do
    if weekday(z) < 5 and not t.closed[z] then dates[#dates + 1] = iso(z) end
  end
  return #dates, dates
end
-- closed weekdays as a set of day numbers, for s:to("B", {calendar = "cn"})
M._cn_closed = function() return load().closed, load().first_year, load().last_year end

args.declare("calendar.holiday_regressor", {
  {"window", "integer", min = 1, max = 60, default = 7, help = "days in the window, starting on the holiday (when before/after are not given)"},
  {"before", "integer", min = 0, max = 60, help = "days of the window before the holiday"},
  {"after", "integer", min = 0, max = 60, help = "days of the window after the holiday (holiday day itself not counted)"},
  {"center", "string", choices = {"calendar", "mean", "none"}, default = "calendar", help = "centring, as X-13 genhol"},
  {"from", "string|number", default = "1901", help = "first period of the result"},
  {"to", "string|number", default = "2100", help = "last period of the result"},
})

local PER = {M = 12, Q = 4}

-- r[year][k]: share of the window days of `year` falling in sub-period k.
local function raw_shares(t, freq, before, after)
  local r, per = {}, PER[freq]
  local w = before + after + 1
  for y = 1901, 2100 do r[y] = {} ; for k = 1, per do r[y][k] = 0 end end
  for y = 1901, 2100 do
    for z = t.sf[y] - before, t.sf[y] + after do
      local yy, mm = civil_from_days(z)
      local k = freq == "M" and mm or (mm - 1) // 3 + 1
      if r[yy] then r[yy][k] = r[yy][k] + 1 / w end
    end
  end
  return r
end

local function center_shares(r, per, how)
  if how == "none" then return end
  local mean, total = {}, 0
  for k = 1, per do
    local s = 0
    for y = 1901, 2100 do s = s + r[y][k] end
    mean[k] = s / 200
    total = total + s
  end
  for y = 1901, 2100 do
    for k = 1, per do r[y][k] = r[y][k] - (how == "calendar" and mean[k] or total / (200 * per)) end
  end
end

local regressor_cache = {}      -- the whole 1901-2100 regressor, by freq:before:after:center (series are immutable)

function M.holiday_regressor(name, freq, opts)
  local who = "calendar.holiday_regressor"
  opts = args.check(who, opts)
  if name ~= "spring_festival" then
    error(who .. ": unknown holiday '" .. tostring(name) .. "' (known: spring_festival)", 2)
  end
  if not PER[freq] then
    error(who .. ": freq must be 'M' or 'Q' (got " .. tostring(freq) .. "); a moving holiday in weekly or daily data is a dummy on its dates", 2)
  end
  if opts.window and (opts.before or opts.after) then
    error(who .. ": give window= or before=/after=, not both", 2)
  end
  local before = opts.before or 0
  local after = opts.after or (opts.before and 0 or (opts.window or 7) - 1)
  local key = table.concat({freq, before, after, opts.center or "calendar"}, ":")
  local s = regressor_cache[key]
  if not s then
    local r = raw_shares(load(), freq, before, after)
    center_shares(r, PER[freq], opts.center or "calendar")
    local v = {}
    for y = 1901, 2100 do for k = 1, PER[freq] do v[#v + 1] = r[y][k] end end
    s = series.new{freq = freq, start = freq == "M" and "1901-01" or "1901Q1", values = v, name = "spring_festival"}
    regressor_cache[key] = s
  end
  local out = s:slice(opts.from and tostring(opts.from), opts.to and tostring(opts.to))
  out.meta.holiday_window = ("SF-%d .. SF+%d days"):format(before, after)
  out.meta.center = opts.center or "calendar"
  return out
end

doc.add("calendar.spring_festival", "calendar.spring_festival(year)",
  "The Gregorian date (China Standard Time, 'YYYY-MM-DD') of the Spring Festival (正月初一), 1901-2100, from the bundled table (stdlib/calendar/SOURCES.md: HKO/PMO table, checked against an astronomical computation).",
  "calendar.spring_festival(2024)   --> 2024-02-10")
doc.add("calendar.cn_working_days", "calendar.cn_working_days(from='2008-01', to='2026-12')",
  "Monthly series of China's working days: Monday-Friday minus the weekdays the State Council schedule gives off plus the weekend days it makes working (调休). The bundled schedules cover 2008-2026; months outside are an error.",
  "calendar.cn_working_days('2024-01', '2024-12')")
doc.add("calendar.cn_trading_days", "calendar.cn_trading_days(from, to) -> count, dates",
  "Shanghai/Shenzhen trading days between two dates 'YYYY-MM-DD' (inclusive): weekdays minus the exchanges' closed weekdays (the State Council off weekdays plus 2024-02-09 by SSE notice); never weekends, make-up working days included. Covers 2008-2026.",
  "calendar.cn_trading_days('2024-02-01', '2024-02-29')   --> 15")
doc.add("calendar.holiday_regressor", "calendar.holiday_regressor('spring_festival', freq, {window=7 | before=, after=, center='calendar', from=, to=})",
  "X-13 genhol's moving-holiday regressor for M or Q: the share of the holiday window (days SF-before .. SF+after; by default the window days starting on SF day) falling in each period, minus its mean for that month/quarter over 1901-2100 (center='calendar'), the overall mean (center='mean') or nothing ('none').",
  "calendar.holiday_regressor('spring_festival', 'M', {window = 7, from = '2010', to = '2024'})")

calendar = M
return M

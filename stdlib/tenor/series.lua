--[[ The series type is written in C (interp/series/); this module is its
Lua side: the place for series methods written in Lua and for the help of
the C ones (most of it is in tenor.docs; the calendar helpers below sit
beside their definitions in interp/series/calendar_methods.c). ]]

local doc = require "tenor.doc"

doc.add("s:year", "s:year()", "A series of the year of each period, on s's calendar (missing values of s included). Weekly periods count by the day they end on.", "cpi:year()")
doc.add("s:quarter", "s:quarter()", "A series of the quarter (1-4) of each period; needs Q or finer data.", "gdp:quarter()")
doc.add("s:month", "s:month()", "A series of the month (1-12) of each period; needs M or finer data (a week counts by its last day).", "cpi:groupby(cpi:month(), 'mean')")
doc.add("s:day_of_week", "s:day_of_week()", "A series of the ISO weekday of each period, 1 = Monday .. 7 = Sunday; B, D or weekly data (a week by its last day).", "y10:day_of_week():eq(5)")
doc.add("s:groupby", "s:groupby(key, stat='mean')",
  "Groups the values of s by the value of the key series (same frequency; on the periods both cover; missing values of either skipped) and returns a table key -> stat, printed as a table. stat: mean sum count min max median std var (sample, ddof 1; NA for a single value) first last (in period order).",
  "print(cpi:mom():groupby(cpi:month(), 'mean'))")
doc.add("s:first_valid", "s:first_valid() -> period, value", "The first period with a value and that value; nil when every value is missing.", "gdp:first_valid()")
doc.add("s:last_valid", "s:last_valid() -> period, value", "The last period with a value and that value; nil when every value is missing.", "cpi:last_valid()")
doc.add("s:first_true", "cond:first_true()", "The first period where a condition (1/0 series) holds: a value neither 0 nor missing; nil when none.", "cpi:yoy():gt(3):first_true()")
doc.add("series.coalesce", "series.coalesce(a, b, ...)",
  "On the union of the spans (one frequency), at each period the value of the first argument that has one there; missing only where all are. The name is a's.",
  "series.coalesce(wind_cpi, nbs_cpi)")
doc.add("series.periods_between", "series.periods_between(a, b, freq)",
  "The number of periods of freq from period a to period b: b - a in that calendar (0 for the same period, negative when b is earlier); B counts Monday-Friday.",
  "series.periods_between('2024-01', '2024-06', 'M')   --> 5")
doc.add("s:stl", "s:stl{period=, seasonal=7, trend=, low_pass=, seasonal_deg=1, trend_deg=1, low_pass_deg=1, seasonal_jump=1, trend_jump=1, low_pass_jump=1, robust=false, inner=, outer=} -> trend, seasonal, resid, weights",
  "STL (Cleveland et al. 1990): loess seasonal-trend decomposition, y = trend + seasonal + resid, as statsmodels' STL (which follows the authors' Fortran; tested to 1e-8, agreement ~1e-12). Defaults: period 12 M, 4 Q, 52 W, 5 B, 7 D; trend the smallest odd integer >= 1.5 period/(1 - 1.5/seasonal); low_pass the smallest odd integer > period; inner 5, outer 0 (robust: 2 and 15, bisquare weights from 6 median|resid|). weights are the robustness weights (1 unless robust). Needs two full cycles and no missing value (s:dropna(), s:fill('linear') first); spans odd. Two-sided: marked as looking ahead. For a log or multiplicative decomposition pass s:log().",
  "local trend, seasonal, resid = cpi:log():stl{robust = true}")

-- s:sa lives in tenor.seasonal (lazy), which replaces this stub when it loads
function series._methods.sa(...)
  require "tenor.seasonal"
  return series._methods.sa(...)
end
doc.add("s:sa", "s:sa{...}",
  "The seasonally adjusted series, seasonal.adjust(s, opts).sa, with defaults: mode multiplicative when every value is positive, else additive; STL robust; no calendar regressors unless holidays= or working_days= are given (options: see seasonal.adjust).",
  "cpi:sa()   m2:sa{holidays = {'spring_festival'}}")

return series

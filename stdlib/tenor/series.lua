--[[ The series type is written in C (interp/series/); this module is its
Lua side: the place for series methods written in Lua and for the help of
the C ones (most of it is in tenor.docs; the calendar helpers below sit
beside their definitions in interp/series/calendar_methods.c). ]]

local doc = require "tenor.doc"

doc.add("s:year", "s:year()", "A series of the year of each period, on s's calendar (missing values of s included). Weekly periods count by the day they end on.", "cpi:year()")
doc.add("s:quarter", "s:quarter()", "A series of the quarter (1-4) of each period; needs Q or finer data.", "gdp:quarter()")
doc.add("s:month", "s:month()", "A series of the month (1-12) of each period; needs M or finer data (a week counts by its last day).", "cpi:groupby(cpi:month(), 'mean')")
doc.add("s:day_of_week", "s:day_of_week()", "A series of the ISO weekday of each period, 1 = Monday .. 7 = Sunday; B, D or weekly data (a week by its last day).", "sse:day_of_week():eq(5)")
doc.add("s:groupby", "s:groupby(key, stat='mean')",
  "Groups the values of s by the value of the key series (same frequency; on the periods both cover; missing values of either skipped) and returns a table key -> stat, printed as a table. stat: mean sum count min max median std var (sample, ddof 1; NA for a single value) first last (in period order).",
  "print(cpi:mom():groupby(cpi:month(), 'mean'))")
doc.add("s:first_valid", "s:first_valid() -> period, value", "The first period with a value and that value; nil when every value is missing.", "gdp:first_valid()")
doc.add("s:last_valid", "s:last_valid() -> period, value", "The last period with a value and that value; nil when every value is missing.", "cpi:last_valid()")
doc.add("s:first_true", "cond:first_true()", "The first period where a condition (1/0 series) holds: a value neither 0 nor missing; nil when none.", "cpi:yoy():gt(3):first_true()")
doc.add("series.coalesce", "series.coalesce(a, b, ...)",
  "On the union of the spans (one frequency), at each period the value of the first argument that has one there; missing only where all are. The name is a's.",
  "series.coalesce(cpi:slice('2000'), ppi)")
doc.add("series.periods_between", "series.periods_between(a, b, freq)",
  "The number of periods of freq from period a to period b: b - a in that calendar (0 for the same period, negative when b is earlier); B counts Monday-Friday.",
  "series.periods_between('2024-01', '2024-06', 'M')   --> 5")
doc.add("s:stl", "s:stl{period=, seasonal=7, trend=, low_pass=, seasonal_deg=1, trend_deg=1, low_pass_deg=1, seasonal_jump=1, trend_jump=1, low_pass_jump=1, robust=false, inner=, outer=} -> trend, seasonal, resid, weights",
  "STL (Cleveland et al. 1990): loess seasonal-trend decomposition, y = trend + seasonal + resid, as statsmodels' STL (which follows the authors' Fortran; tested to 1e-8, agreement ~1e-12). Defaults: period 12 M, 4 Q, 52 W, 5 B, 7 D; trend the smallest odd integer >= 1.5 period/(1 - 1.5/seasonal); low_pass the smallest odd integer > period; inner 5, outer 0 (robust: 2 and 15, bisquare weights from 6 median|resid|). weights are the robustness weights (1 unless robust). Needs two full cycles and no missing value (s:dropna(), s:fill('linear') first); spans odd. Two-sided: marked as looking ahead. For a log or multiplicative decomposition pass s:log().",
  "local trend, seasonal, resid = cpi:slice(nil, '2025-09'):log():stl{robust = true}")

--[[ s:ytd_to_period{janfeb = "seasonal"}: a Jan-Feb combined year-to-date
total C (January missing, February holding the two months) is split by the
pattern of earlier years and where the Spring Festival falls. For every
earlier year k of the same series with January and February apart, the
January share q_k = Jan_k / (Jan_k + Feb_k) and the share h_k of the
Spring Festival window (SF .. SF+6, calendar.holiday_regressor with
center = "none") that falls in January. With three or more such years
q = a + b·h is fitted by OLS and January gets C·(a + b·h_Y); with one or
two, b = 0 and January gets C times their mean share. February gets the
rest, so the two add up to C exactly. A combined year with no earlier
separate year is an error (choose "split" or "feb"). meta.janfeb_shares
lists the January share used for each year. The other policies ("split",
"feb") and every other period are the C method's (interp/series/ytd.c). ]]
local c_ytd_to_period = series._methods.ytd_to_period

local function jan_sf_share(year)
  local h = calendar.holiday_regressor("spring_festival", "M", {center = "none", from = year .. "-01", to = year .. "-01"})
  return h[1]
end

-- a + b·h by OLS over the earlier years (b = 0 with fewer than three)
local function share_model(q, h)
  local n = #q
  local mq, mh = 0, 0
  for i = 1, n do mq, mh = mq + q[i] / n, mh + h[i] / n end
  if n < 3 then return mq, 0 end
  local sxy, sxx = 0, 0
  for i = 1, n do sxy, sxx = sxy + (h[i] - mh) * (q[i] - mq), sxx + (h[i] - mh) ^ 2 end
  if sxx == 0 then return mq, 0 end
  local b = sxy / sxx
  return mq - b * mh, b
end

local function seasonal_janfeb(s, opts)
  local c_opts = {}
  for k, v in pairs(opts) do c_opts[k] = v end
  c_opts.janfeb = "split"
  local r = c_ytd_to_period(s, c_opts)
  if s.freq ~= "M" then return r end
  local v, dates = r:values(), r:dates()
  local jan_ytd, shares, q, h = {}, {}, {}, {}
  for i, d in ipairs(s:dates()) do if d:sub(6) == "01" then jan_ytd[tonumber(d:sub(1, 4))] = s[i] end end
  for i, d in ipairs(dates) do
    if d:sub(6) == "02" and i > 1 and v[i] == v[i] then
      local year = tonumber(d:sub(1, 4))
      if jan_ytd[year] ~= nil then                          -- January apart: a pattern year
        q[#q + 1] = v[i - 1] / (v[i - 1] + v[i]); h[#h + 1] = jan_sf_share(year)
      elseif s[i] ~= nil then                               -- combined: split by the pattern so far
        if #q == 0 then
          error(("s:ytd_to_period: %s holds the Jan-Feb total but no earlier year has January and February apart to learn the split from; choose {janfeb=\"split\"} or {janfeb=\"feb\"}"):format(d), 3)
        end
        local a, b = share_model(q, h)
        local share = a + b * jan_sf_share(year)
        local total = v[i - 1] + v[i]
        v[i - 1], v[i] = total * share, total - total * share
        shares[year] = share
      end
    end
  end
  local out = series.new{freq = "M", start = r.start, values = v, n = #v, name = r.name}
  for k, x in pairs(r.meta) do out.meta[k] = x end
  out.meta.janfeb, out.meta.janfeb_shares = "seasonal", shares
  return out
end

function series._methods.ytd_to_period(s, opts)
  if type(opts) == "table" and type(opts.janfeb) == "string" and opts.janfeb:lower() == "seasonal" then
    return seasonal_janfeb(s, opts)
  end
  return c_ytd_to_period(s, opts)
end

-- y:to(freq, "chow-lin"|"fernandez"|"litterman", {...}): tenor.disagg (loaded
-- on first use); every other conversion is the C method's
local c_to = series._methods.to
local DISAGG = {["chow-lin"] = true, fernandez = true, litterman = true}
function series._methods.to(s, freq, how, opts)
  if type(how) == "string" and DISAGG[how:lower()] then
    return require("tenor.disagg").to(s, freq, how:lower(), opts)
  end
  if type(how) == "table" and how.calendar ~= nil then      -- s:to("B", {calendar = "cn"})
    if freq ~= "B" or how.calendar ~= "cn" or next(how, next(how)) ~= nil then
      error("s:to: a calendar conversion is s:to('B', {calendar = 'cn'}) (the Shanghai/Shenzhen exchange calendar)", 2)
    end
    return require("tenor.cnbusiness").to_business(s)
  end
  return c_to(s, freq, how, opts)
end

doc.add("s:to(cn)", "s:to('B', {calendar = 'cn'})",
  "Daily (D or B) data to business days on the Shanghai/Shenzhen exchange calendar: weekend values (make-up working days) dropped (meta.weekend_values_dropped), exchange-closed weekdays missing (2008-2026 table; before and after, a weekday without a value counts as closed); meta.calendar = 'cn'. On such a series rolling, lag, lead, diff, pct, zscore{window=} and pct_rank{window=} count trading days, skipping closed days. Definitions: stdlib/tenor/cnbusiness.lua.",
  "sse:to('B', {calendar = 'cn'}):rolling(20, 'mean')")

-- On a B series with meta.calendar = "cn" the positional methods count
-- trading days (tenor.cnbusiness); elsewhere they are the C methods.
for _, name in ipairs{"rolling", "lag", "lead", "diff", "pct", "zscore", "pct_rank"} do
  local c_method = series._methods[name]
  series._methods[name] = function(s, ...)
    if series.is(s) and s.freq == "B" and rawequal(s.meta.calendar, "cn") then
      return require("tenor.cnbusiness").on_trading_days(c_method, s, ...)
    end
    return c_method(s, ...)
  end
end
doc.add("s:to(chow-lin)", "y:to(freq, 'chow-lin'|'fernandez'|'litterman', {indicator = x | {x1, x2}, const = true, rho = | estimate = 'ml'|'minrss', agg = 'sum'|'mean'|'first'|'last'}) -> series, info",
  "Temporal disaggregation by GLS on high-frequency indicators (A->Q, A->M, Q->M): y_h = X b + u with u AR(1) (Chow-Lin, stationary), a random walk (Fernandez) or a random walk with AR(1) increments (Litterman); b = GLS on the aggregated model, y_h = X b + V C'(C V C')^-1 (y - C X b), so the result aggregates back to y exactly. rho fixed, or estimated by maximum likelihood (default) or minimum weighted RSS over [-0.999, 0.999]. The indicators' common span is the output's (extrapolated beyond y). info (and meta.td): rho, coef, se, loglik, sigma2. Definitions: stdlib/tenor/disagg.lua, interp/core/tempdisagg.h.",
  "local monthly, info = gdpc1:slice('1960', '2024'):to('M', 'chow-lin', {indicator = ip, agg = 'mean'})")

-- s:sa lives in tenor.seasonal (lazy), which replaces this stub when it loads
function series._methods.sa(...)
  require "tenor.seasonal"
  return series._methods.sa(...)
end
doc.add("s:sa", "s:sa{...}",
  "The seasonally adjusted series, seasonal.adjust(s, opts).sa, with defaults: mode multiplicative when every value is positive, else additive; STL robust; no calendar regressors unless holidays= or working_days= are given (options: see seasonal.adjust).",
  "cpi:slice('2000', '2025-09'):sa()")

return series

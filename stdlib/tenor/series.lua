--[[ The series type is written in C (interp/series/); this module is its
Lua side: the place for series methods written in Lua and for the help of
the C ones (interp/series/: series.c construction and access, ops.c
arithmetic and comparisons, stats.c, transform.c changes, window.c,
convert.c frequency conversion, ytd.c, rebase.c, calendar_methods.c,
decompose.c s:stl). Methods that other
modules add keep their help there (s:where in signal.lua, s:spark in
plot.lua). Below the C ones' help: Lua layers over C methods —
ytd_to_period{janfeb = "seasonal"}, to() for disaggregation (tenor.disagg)
and the China business-day calendar (tenor.cnbusiness), s:sa (tenor.seasonal). ]]

local doc = require "tenor.doc"

doc.add("series.new", "series.new{freq=, start=, values=, name=, n=, unit=, source=, description=, kind=, meta=}",
  "A series: frequency (A Q M W W-FRI B D), first period and values; nil or NaN is missing. n keeps trailing gaps.",
  'series.new{freq = "M", start = "2024-01", values = {1.2, nil, 1.5}, name = "cpi"}')
doc.add("series.is", "series.is(x)", "True when x is a series.", "series.is(cpi)")
doc.add("series.isna", "series.isna(x)", "True when x is nil or NaN (a missing value).", "series.isna(cpi:at('2024-03'))")
doc.add("series.index_from_mom", "series.index_from_mom(mom, {base=100, at=})",
  "Chains month-on-month % changes into a level: level_t = level_{t-1}·(1 + mom_t/100); level at 'at' (default the first period) = base; chained backwards too.",
  "series.index_from_mom(cpi:mom(), {base = 100, at = '2020-12'})")
doc.add("series.index_from_yoy", "series.index_from_yoy(yoy, levels)",
  "Extends one year (or more) of known levels with yoy rates: level_t = level_{t-12}·(1 + yoy_t/100), forward and backward.",
  "series.index_from_yoy(ppi:yoy(), ppi:slice('2020', '2020'))")
doc.add("series.splice", "series.splice(old, new, at)",
  "Joins two indexes across a base change: new from 'at' on, old times the link factor new[at]/old[at] before it (default 'at': the first period both have). The factor is in meta.link_factor.",
  "series.splice(cpi:rebase('2015'), cpi:rebase('2020'), '2021-01')")
doc.add("s:at", "s:at(period)", "The value at a period, or nil when missing or outside the span.", "cpi:at('2024-03')")
doc.add("s:values", "s:values()", "The values as an array, NaN for missing (no holes).", "local v = cpi:values()")
doc.add("s:dates", "s:dates(style)", "The period strings as an array; style 'start' or 'end' gives each period's first or last day (YYYY-MM-DD).", "cpi:dates('end')[1]")
doc.add("s:slice", "s:slice(from, to)", "Periods from..to inclusive; nil leaves an end open; a coarser period covers its whole span ('2020' for monthly data is 2020-01..2020-12 as 'to', 2020-01 as 'from').", "cpi:slice('2020', '2023')")
doc.add("s:head", "s:head(n=5)", "The first n periods.", "cpi:head(12)")
doc.add("s:tail", "s:tail(n=5)", "The last n periods.", "cpi:tail(24)")
doc.add("s:dropna", "s:dropna()", "Trims missing values at both ends; gaps inside stay (a series is a regular calendar). Alias s:trim().", "gdp:dropna()")
doc.add("s:trim", "s:trim()", "Same as s:dropna().", "gdp:trim()")
doc.add("s:rename", "s:rename(name)", "A copy under another name.", "cpi:yoy():rename('CPI yoy %')")
doc.add("s:redate", "s:redate(k)", "The same values stamped k periods later (earlier when k < 0): re-dating, not a lag.", "releases:to('Q', 'last'):redate(-1)")
-- comparisons and logic
for _, op in ipairs{{"gt", ">"}, {"ge", ">="}, {"lt", "<"}, {"le", "<="}, {"eq", "=="}, {"ne", "~="}} do
  doc.add("s:" .. op[1], "s:" .. op[1] .. "(x)", "1 where s " .. op[2] .. " x (a series or a number), 0 where not, NA where either is missing. Combine with & | ~.",
      "ppi:yoy():" .. op[1] .. "(0)")
end
doc.add("s:isna", "s:isna()", "1 where the value is missing, else 0.", "gdp:isna():sum()")
doc.add("s:notna", "s:notna()", "1 where a value is present, else 0.", "gdp:notna():sum()")
-- statistics
doc.add("s:count", "s:count()", "Number of values present.", "cpi:count()")
doc.add("s:sum", "s:sum()", "Sum of the values present (compensated); returns sum, n.", "cn_gdp:slice('2024', '2024'):sum()")
doc.add("s:mean", "s:mean()", "Mean of the values present; returns mean, n (nil when n = 0).", "cpi:yoy():mean()")
doc.add("s:var", "s:var(ddof=1)", "Sample variance (ddof 1; s:var(0) population), two-pass; returns var, n.", "spx:pct():var()")
doc.add("s:std", "s:std(ddof=1)", "Sample standard deviation (ddof 1, as pandas/R/gretl/EViews; s:std(0) population); returns sd, n.", "spx:pct():std()")
doc.add("s:min", "s:min()", "Smallest value present; returns min, n.", "(spx / spx:expanding('max') - 1):min()")
doc.add("s:max", "s:max()", "Largest value present; returns max, n.", "cpi:max()")
doc.add("s:quantile", "s:quantile(q)", "Quantile by linear interpolation between order statistics (R type 7, the pandas/numpy default): h = (n-1)q.", "spread:quantile(0.05)")
doc.add("s:median", "s:median()", "The 0.5 quantile.", "cpi:yoy():median()")
doc.add("s:corr", "a:corr(b)", "Pearson correlation over the periods where both are present; returns r, n.", "cpi:yoy():corr(ppi:yoy())")
doc.add("s:cov", "a:cov(b)", "Sample covariance (n-1) over the periods where both are present; returns cov, n.", "cpi:yoy():cov(ppi:yoy())")
doc.add("s:idxmin", "s:idxmin()", "The period of the smallest value (first on ties).", "(spx / spx:expanding('max')):idxmin()")
doc.add("s:idxmax", "s:idxmax()", "The period of the largest value (first on ties).", "ppi:yoy():idxmax()")
doc.add("s:fill", "s:fill(method, {limit=})", "Fills gaps: 'ffill' (carry the last value), 'bfill', 'linear' (interior gaps only), or a number; the method is case-insensitive. limit: at most that many per gap (pandas' limit).", "spread:fill('ffill', {limit = 2})")
-- changes
doc.add("s:lag", "s:lag(k=1)", "The value k periods earlier (same span; the first k are missing). Named ppi(-3) (EViews' notation; shifts add up). lag(-k) is lead(k): marked in meta.lookahead, so backtest.run refuses it. |k| above 2^31-1 is an error.", "ppi:lag(3)")
doc.add("s:lead", "s:lead(k=1)", "The value k periods later, named cpi(+1). Looks ahead: marked in meta.lookahead.", "cpi:lead(1)")
doc.add("s:diff", "s:diff(k=1)", "x_t − x_{t−k}; missing when either is missing. Named d(gs10) (k = 1) or gs10-gs10(-4).", "gs10:diff()")
doc.add("s:pct", "s:pct(k=1)", "100·(x_t/x_{t−k} − 1), percent; a gap is never a zero change.", "ip:pct(3)")
doc.add("s:mom", "s:mom()", "Period-on-period change in percent, pct(1).", "cpi:mom()")
doc.add("s:yoy", "s:yoy()", "Year-on-year change in percent: 12 periods back for M, 4 for Q, 52 for W, 1 for A; for B and D the same date a year earlier (Feb 29 -> Feb 28), or the last value within 14 days before it.", "cpi:yoy()")
doc.add("s:ann", "s:ann()", "Annualised period change: 100·((x_t/x_{t−1})^f − 1), f periods a year (SAAR growth for quarterly data).", "gdp:ann()")
doc.add("s:log", "s:log()", "Natural log; missing for x <= 0.", "ip:log()")
doc.add("s:exp", "s:exp()", "Exponential.", "ip:log():exp()")
doc.add("s:abs", "s:abs()", "Absolute value.", "gap:abs()")
doc.add("s:cumsum", "s:cumsum()", "Running sum; missing where the input is missing, the sum carries on past it.", "cn_gdp:slice('2024', '2024'):cumsum()")
doc.add("s:cumprod", "s:cumprod()", "Running product, as cumsum.", "(spx:pct() / 100 + 1):cumprod()")
-- windows
doc.add("s:rolling", "s:rolling(w, stat='mean', {min_obs=w, q=})",
  "Statistic over the trailing window t-w+1..t: mean sum std var (sample) min max median quantile count; missing values skipped, NA unless min_obs are present. O(n).",
  "cpi:yoy():rolling(12, 'mean')")
doc.add("s:expanding", "s:expanding(stat='mean', {min_obs=1, q=})", "Statistic over everything up to t.", "spx:expanding('max')")
doc.add("s:zscore", "s:zscore{window=n|'expanding', min_obs=}", "(x_t − mean)/sd over the window ending at t (x_t included, sample sd).", "spread:zscore{window = 60}")
doc.add("s:pct_rank", "s:pct_rank{window=n|'expanding', min_obs=, since=}", "Share of the window's values (x_t included) that are <= x_t, in (0, 1]; since limits the history.", "spread:pct_rank{window = 'expanding', since = '2016-01'}")
doc.add("s:ewma", "s:ewma{alpha=|halflife=|span=|com=, adjust=true, min_obs=1}", "Exponentially weighted mean, weights (1-α)^j; exactly one of alpha, halflife (α = 1 − exp(−ln 2/halflife)), span (α = 2/(span+1)) or com (α = 1/(1+com)), as pandas' ewm; adjust=true normalises (pandas), false is the recursion m_t = αx_t + (1-α)m_{t-1}. NA where the input is NA, and until min_obs values (pandas' min_periods) have been seen.", "spx:pct():ewma{halflife = 6}")
-- frequency and conventions
doc.add("s:to", "s:to(freq, how, {min_obs=, agg=, indicator=})",
  "Frequency conversion. Down: how = mean sum last first min max; a period is missing unless all its sub-periods are present (one value for B/D), or min_obs. Without how, s.meta.kind decides (flow sum, stock last, rate/index mean). Up: step, linear, or denton (smooth, aggregation-consistent with {agg=}).",
  "cpi:yoy():to('Q', 'mean')")
doc.add("s:ytd_to_period", "s:ytd_to_period{janfeb='split'|'feb'|'seasonal', allow_negative=}", "Year-to-date totals (累计值) to single periods, restarting each year; a Jan-Feb combined release must be resolved explicitly: 'split' halves it, 'feb' leaves January missing, 'seasonal' splits it by the January share of earlier years regressed on the share of the Spring Festival window in January (meta.janfeb_shares; definition in stdlib/tenor/series.lua).", "gdp_ytd:ytd_to_period()")
doc.add("s:period_to_ytd", "s:period_to_ytd()", "Single periods to year-to-date totals.", "cn_gdp:period_to_ytd()")
doc.add("s:fill_janfeb", "s:fill_janfeb{from = ytd_series | 'feb'}", "A single-month rate (当月同比) whose January is not released: the policy is required. from = the Jan-Feb year-to-date series (累计同比) of the same file: in each year with no January value, January and February both take its February value, the Jan-Feb rate (right for NBS activity data, e.g. industrial value added 2008-14, where February's single-month rate covers February only). from = 'feb': January copies February (for files whose February already holds the Jan-Feb figure). Years with a January value, or with no source value, are left alone; a series starting in a filled February gains its January. meta.janfeb_filled lists the years filled, meta.janfeb the policy. Without a policy it is an error.", "iva.iva_yoy_pct:fill_janfeb{from = iva.iva_ytd_yoy_pct}")
doc.add("s:rebase", "s:rebase(base, value=100)", "s / mean(s over base) · value; base a period, a year or {from, to}.", "cpi:rebase('2015', 100)")
doc.add("s:project_yoy", "s:project_yoy{mom=0|{...}|series, horizon=12}", "The yoy path of a level index if month-on-month changes follow mom (base effects). Refuses a series that looks like a rate (meta.kind \"rate\", meta.unit \"%\" as yoy() sets it, or a value <= 0): build the index with series.index_from_yoy.", "ppi:project_yoy{mom = 0.1}")
doc.add("s:carryover", "s:carryover()", "Returns carry, new: carry = 100·(I_{Dec last year}/I_{same month last year} − 1) (翘尾), new = yoy − carry.", "local carry, new = cpi:carryover()")


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
  "Temporal disaggregation by GLS on high-frequency indicators (A->Q, A->M, Q->M): y_h = X b + u with u AR(1) (Chow-Lin, stationary), a random walk (Fernandez) or a random walk with AR(1) increments (Litterman); b = GLS on the aggregated model, y_h = X b + V C'(C V C')^-1 (y - C X b), so the result aggregates back to y exactly. rho fixed, or estimated by maximum likelihood (default) or minimum weighted RSS over [-0.999, 0.999]. The indicators' common span is the output's (extrapolated beyond y). info (and meta.td): rho, coef, se, loglik, sigma2. Agrees with R tempdisagg (chow-lin-fixed/-maxlog/-minrss-quilis, fernandez, litterman-fixed/-maxlog) to 1e-10 at a fixed rho; tempdisagg truncates a negative Chow-Lin rho to 0 by default, tenor keeps it. Definitions: stdlib/tenor/disagg.lua, interp/core/tempdisagg.h.",
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

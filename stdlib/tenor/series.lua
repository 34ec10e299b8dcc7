--[[ The series type is written in C (interp/series/); this module is its
Lua side: the place for series methods written in Lua and for the help of
the C ones (interp/series/: series.c construction and access, ops.c
arithmetic and comparisons, stats.c, transform.c changes, window.c,
convert.c frequency conversion, ytd.c, rebase.c). Methods that other
modules add keep their help there (s:where in signal.lua, s:spark in
plot.lua). ]]

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
doc.add("s:fill", "s:fill(method, {limit=})", "Fills gaps: 'ffill' (carry the last value), 'bfill', 'linear' (interior gaps only), or a number. limit: at most that many per gap.", "spread:fill('ffill', {limit = 2})")
-- changes
doc.add("s:lag", "s:lag(k=1)", "The value k periods earlier (same span; the first k are missing).", "ppi:lag(3)")
doc.add("s:lead", "s:lead(k=1)", "The value k periods later. Looks ahead: marked in meta.lookahead.", "cpi:lead(1)")
doc.add("s:diff", "s:diff(k=1)", "x_t − x_{t−k}; missing when either is missing.", "gs10:diff()")
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
doc.add("s:ewma", "s:ewma{alpha=|halflife=|span=, adjust=true}", "Exponentially weighted mean, weights (1-α)^j; adjust=true normalises (pandas), false is the recursion m_t = αx_t + (1-α)m_{t-1}. NA where the input is NA.", "spx:pct():ewma{halflife = 6}")
-- frequency and conventions
doc.add("s:to", "s:to(freq, how, {min_obs=, agg=, indicator=})",
  "Frequency conversion. Down: how = mean sum last first min max; a period is missing unless all its sub-periods are present (one value for B/D), or min_obs. Without how, s.meta.kind decides (flow sum, stock last, rate/index mean). Up: step, linear, or denton (smooth, aggregation-consistent with {agg=}).",
  "cpi:yoy():to('Q', 'mean')")
doc.add("s:ytd_to_period", "s:ytd_to_period{janfeb='split'|'feb', allow_negative=}", "Year-to-date totals (累计值) to single periods, restarting each year; a Jan-Feb combined release must be resolved explicitly.", "gdp_ytd:ytd_to_period()")
doc.add("s:period_to_ytd", "s:period_to_ytd()", "Single periods to year-to-date totals.", "cn_gdp:period_to_ytd()")
doc.add("s:fill_janfeb", "s:fill_janfeb()", "Copies a Jan-Feb combined figure into the missing January (years in meta.janfeb_filled).", "iva_yoy:fill_janfeb()")
doc.add("s:rebase", "s:rebase(base, value=100)", "s / mean(s over base) · value; base a period, a year or {from, to}.", "cpi:rebase('2015', 100)")
doc.add("s:project_yoy", "s:project_yoy{mom=0|{...}|series, horizon=12}", "The yoy path of a level index if month-on-month changes follow mom (base effects).", "ppi:project_yoy{mom = 0.1}")
doc.add("s:carryover", "s:carryover()", "Returns carry, new: carry = 100·(I_{Dec last year}/I_{same month last year} − 1) (翘尾), new = yoy − carry.", "local carry, new = cpi:carryover()")

return series

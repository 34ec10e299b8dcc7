--[[ The reference documentation: one entry per public function.

This table is the single source for help() in the REPL and for the generated
reference (docs/reference.md, `make docs`); tests/lua/test_help.lua checks
that every public function of every module has an entry. Keys are the names
analysts type: "s:yoy" for series methods, "ds:table" for dataset methods,
"fit:predict" for regression results, "module.function" otherwise.
Each entry: sig (the call), text (what it does: definition, NA policy,
edge periods), ex (an example).
]]

local D = {}
local function doc(name, sig, text, ex) D[name] = {sig = sig, text = text, ex = ex} end

-- series: construction and access ---------------------------------------
doc("series.new", "series.new{freq=, start=, values=, name=, n=, unit=, source=, description=, kind=, meta=}",
  "A series: frequency (A Q M W W-FRI B D), first period and values; nil or NaN is missing. n keeps trailing gaps.",
  'series.new{freq = "M", start = "2024-01", values = {1.2, nil, 1.5}, name = "cpi"}')
doc("series.is", "series.is(x)", "True when x is a series.", "series.is(cpi)")
doc("series.isna", "series.isna(x)", "True when x is nil or NaN (a missing value).", "series.isna(s:at('2024-03'))")
doc("series.index_from_mom", "series.index_from_mom(mom, {base=100, at=})",
  "Chains month-on-month % changes into a level: level_t = level_{t-1}·(1 + mom_t/100); level at 'at' (default the first period) = base; chained backwards too.",
  "series.index_from_mom(cpi_mom, {base = 100, at = '2020-12'})")
doc("series.index_from_yoy", "series.index_from_yoy(yoy, levels)",
  "Extends one year (or more) of known levels with yoy rates: level_t = level_{t-12}·(1 + yoy_t/100), forward and backward.",
  "series.index_from_yoy(ppi_yoy, ppi_levels_2020)")
doc("series.splice", "series.splice(old, new, at)",
  "Joins two indexes across a base change: new from 'at' on, old times the link factor new[at]/old[at] before it (default 'at': the first period both have). The factor is in meta.link_factor.",
  "series.splice(cpi_2015base, cpi_2020base, '2021-01')")
doc("s:at", "s:at(period)", "The value at a period, or nil when missing or outside the span.", "cpi:at('2024-03')")
doc("s:values", "s:values()", "The values as an array, NaN for missing (no holes).", "local v = cpi:values()")
doc("s:dates", "s:dates(style)", "The period strings as an array; style 'start' or 'end' gives each period's first or last day (YYYY-MM-DD).", "cpi:dates('end')[1]")
doc("s:slice", "s:slice(from, to)", "Periods from..to inclusive; nil leaves an end open; a coarser period covers its whole span ('2020' for monthly data is 2020-01..2020-12 as 'to', 2020-01 as 'from').", "cpi:slice('2020', '2023')")
doc("s:head", "s:head(n=5)", "The first n periods.", "cpi:head(12)")
doc("s:tail", "s:tail(n=5)", "The last n periods.", "cpi:tail(24)")
doc("s:dropna", "s:dropna()", "Trims missing values at both ends; gaps inside stay (a series is a regular calendar). Alias s:trim().", "gdp:dropna()")
doc("s:trim", "s:trim()", "Same as s:dropna().", "gdp:trim()")
doc("s:rename", "s:rename(name)", "A copy under another name.", "cpi:yoy():rename('CPI yoy %')")
doc("s:redate", "s:redate(k)", "The same values stamped k periods later (earlier when k < 0): re-dating, not a lag.", "releases:to('Q', 'last'):redate(-1)")
-- comparisons and logic
for _, op in ipairs{{"gt", ">"}, {"ge", ">="}, {"lt", "<"}, {"le", "<="}, {"eq", "=="}, {"ne", "~="}} do
  doc("s:" .. op[1], "s:" .. op[1] .. "(x)", "1 where s " .. op[2] .. " x (a series or a number), 0 where not, NA where either is missing. Combine with & | ~.",
      "ppi:yoy():" .. op[1] .. "(0)")
end
doc("s:isna", "s:isna()", "1 where the value is missing, else 0.", "gdp:isna():sum()")
doc("s:notna", "s:notna()", "1 where a value is present, else 0.", "gdp:notna():sum()")
-- statistics
doc("s:count", "s:count()", "Number of values present.", "cpi:count()")
doc("s:sum", "s:sum()", "Sum of the values present (compensated); returns sum, n.", "flows:sum()")
doc("s:mean", "s:mean()", "Mean of the values present; returns mean, n (nil when n = 0).", "cpi:yoy():mean()")
doc("s:var", "s:var(ddof=1)", "Sample variance (ddof 1; s:var(0) population), two-pass; returns var, n.", "r:var()")
doc("s:std", "s:std(ddof=1)", "Sample standard deviation (ddof 1, as pandas/R/gretl/EViews; s:std(0) population); returns sd, n.", "r:std()")
doc("s:min", "s:min()", "Smallest value present; returns min, n.", "dd:min()")
doc("s:max", "s:max()", "Largest value present; returns max, n.", "cpi:max()")
doc("s:quantile", "s:quantile(q)", "Quantile by linear interpolation between order statistics (R type 7, the pandas/numpy default): h = (n-1)q.", "spread:quantile(0.05)")
doc("s:median", "s:median()", "The 0.5 quantile.", "s:median()")
doc("s:corr", "a:corr(b)", "Pearson correlation over the periods where both are present; returns r, n.", "cpi:yoy():corr(ppi:yoy())")
doc("s:cov", "a:cov(b)", "Sample covariance (n-1) over the periods where both are present; returns cov, n.", "a:cov(b)")
doc("s:idxmin", "s:idxmin()", "The period of the smallest value (first on ties).", "drawdown:idxmin()")
doc("s:idxmax", "s:idxmax()", "The period of the largest value (first on ties).", "ppi:yoy():idxmax()")
doc("s:fill", "s:fill(method, {limit=})", "Fills gaps: 'ffill' (carry the last value), 'bfill', 'linear' (interior gaps only), or a number. limit: at most that many per gap.", "s:fill('ffill', {limit = 2})")
-- changes
doc("s:lag", "s:lag(k=1)", "The value k periods earlier (same span; the first k are missing).", "ppi:lag(3)")
doc("s:lead", "s:lead(k=1)", "The value k periods later. Looks ahead: marked in meta.lookahead.", "cpi:lead(1)")
doc("s:diff", "s:diff(k=1)", "x_t − x_{t−k}; missing when either is missing.", "rate:diff()")
doc("s:pct", "s:pct(k=1)", "100·(x_t/x_{t−k} − 1), percent; a gap is never a zero change.", "index:pct(3)")
doc("s:mom", "s:mom()", "Period-on-period change in percent, pct(1).", "cpi:mom()")
doc("s:yoy", "s:yoy()", "Year-on-year change in percent: 12 periods back for M, 4 for Q, 52 for W, 1 for A; for B and D the same date a year earlier (Feb 29 -> Feb 28), or the last value within 14 days before it.", "cpi:yoy()")
doc("s:ann", "s:ann()", "Annualised period change: 100·((x_t/x_{t−1})^f − 1), f periods a year (SAAR growth for quarterly data).", "gdp:ann()")
doc("s:log", "s:log()", "Natural log; missing for x <= 0.", "ip:log()")
doc("s:exp", "s:exp()", "Exponential.", "s:exp()")
doc("s:abs", "s:abs()", "Absolute value.", "gap:abs()")
doc("s:cumsum", "s:cumsum()", "Running sum; missing where the input is missing, the sum carries on past it.", "flows:cumsum()")
doc("s:cumprod", "s:cumprod()", "Running product, as cumsum.", "(r / 100 + 1):cumprod()")
-- windows
doc("s:rolling", "s:rolling(w, stat='mean', {min_obs=w, q=})",
  "Statistic over the trailing window t-w+1..t: mean sum std var (sample) min max median quantile count; missing values skipped, NA unless min_obs are present. O(n).",
  "cpi:yoy():rolling(12, 'mean')")
doc("s:expanding", "s:expanding(stat='mean', {min_obs=1, q=})", "Statistic over everything up to t.", "price:expanding('max')")
doc("s:zscore", "s:zscore{window=n|'expanding', min_obs=}", "(x_t − mean)/sd over the window ending at t (x_t included, sample sd).", "spread:zscore{window = 60}")
doc("s:pct_rank", "s:pct_rank{window=n|'expanding', min_obs=, since=}", "Share of the window's values (x_t included) that are <= x_t, in (0, 1]; since limits the history.", "spread:pct_rank{window = 'expanding', since = '2016-01'}")
doc("s:ewma", "s:ewma{alpha=|halflife=|span=, adjust=true}", "Exponentially weighted mean, weights (1-α)^j; adjust=true normalises (pandas), false is the recursion m_t = αx_t + (1-α)m_{t-1}. NA where the input is NA.", "r:ewma{halflife = 6}")
-- frequency and conventions
doc("s:to", "s:to(freq, how, {min_obs=, agg=, indicator=})",
  "Frequency conversion. Down: how = mean sum last first min max; a period is missing unless all its sub-periods are present (one value for B/D), or min_obs. Without how, s.meta.kind decides (flow sum, stock last, rate/index mean). Up: step, linear, or denton (smooth, aggregation-consistent with {agg=}).",
  "cpi:yoy():to('Q', 'mean')")
doc("s:ytd_to_period", "s:ytd_to_period{janfeb='split'|'feb', allow_negative=}", "Year-to-date totals (累计值) to single periods, restarting each year; a Jan-Feb combined release must be resolved explicitly.", "revenue_ytd:ytd_to_period{janfeb = 'split'}")
doc("s:period_to_ytd", "s:period_to_ytd()", "Single periods to year-to-date totals.", "monthly:period_to_ytd()")
doc("s:fill_janfeb", "s:fill_janfeb()", "Copies a Jan-Feb combined figure into the missing January (years in meta.janfeb_filled).", "iva_yoy:fill_janfeb()")
doc("s:rebase", "s:rebase(base, value=100)", "s / mean(s over base) · value; base a period, a year or {from, to}.", "cpi:rebase('2015', 100)")
doc("s:project_yoy", "s:project_yoy{mom=0|{...}|series, horizon=12}", "The yoy path of a level index if month-on-month changes follow mom (base effects).", "ppi:project_yoy{mom = 0.1}")
doc("s:carryover", "s:carryover()", "Returns carry, new: carry = 100·(I_{Dec last year}/I_{same month last year} − 1) (翘尾), new = yoy − carry.", "local carry, new = cpi:carryover()")

-- data and datasets -------------------------------------------------------
doc("data.read_csv", "data.read_csv(path, {date=, freq=, sep=, nrows=})",
  "A dated CSV as a dataset (columns in file order); frequency inferred from the dates; FRED and Wind layouts; nil, 'file:line:col: message' on bad input.",
  "local cn = assert(data.read_csv('examples/data/cn_cpi_monthly.csv'))")
doc("data.write_csv", "data.write_csv(path, dataset|series|list, {date_format=, na=, sep=, all_rows=, date_column=})",
  "A wide CSV on the union of the spans, written atomically; numbers as the shortest exact text.", "data.write_csv('out.csv', ds)")
doc("dataset.new", "dataset.new{s1, s2, ...}", "A dataset from named series, in order.", "dataset.new{cpi:yoy():rename('cpi'), ppi:yoy():rename('ppi')}")
doc("dataset.is", "dataset.is(x)", "True when x is a dataset.", "dataset.is(ds)")
doc("ds:names", "ds:names()", "Column names in order.", "ds:names()")
doc("ds:columns", "ds:columns()", "The series in order.", "for _, s in ipairs(ds:columns()) do print(s.name) end")
doc("ds:info", "ds:info()", "Where the data came from: file, notes, freq, date_column.", "ds:info().notes")
doc("ds:select", "ds:select(name, ...)", "A dataset with these columns.", "ds:select('cpi', 'ppi')")
doc("ds:slice", "ds:slice(from, to)", "Every column sliced.", "ds:slice('2020')")
doc("ds:write_csv", "ds:write_csv(path, opts)", "Same as data.write_csv(path, ds, opts).", "ds:write_csv('out.csv')")
doc("ds:table", "ds:table{last=, first=}", "The values side by side as text.", "print(ds:table{last = 12})")
doc("ds:summary", "ds:summary()", "Name, frequency, span, observations, missing and last value per column (also tostring(ds)).", "print(ds:summary())")

-- regressions and filters ---------------------------------------------------
doc("regress.ols", "regress.ols(y, xs, {const=true, cov='classical'|'HC0'..'HC3'|'HAC', lag=, use_t=true})",
  "OLS by QR on the column-scaled design with long-double refinement; series aligned by date, incomplete rows dropped. The fit has coef se t p ci_low ci_high r2 adj_r2 f f_p sigma loglik aic bic hq dw nobs cov fitted resid.",
  "print(regress.ols(cpi:yoy(), {ppi = ppi:yoy()}, {cov = 'HAC', lag = 12}))")
doc("regress.rolling", "regress.rolling(y, xs, {window=, step=1, min_obs=, cov=, lag=})", "Dated series of coefficients, std. errors and R² for each window; O(n·k²) for the classical covariance.", "regress.rolling(y, {x = x}, {window = 60}).coef.x")
doc("regress.expanding", "regress.expanding(y, xs, {min_obs=, cov=})", "As rolling, with windows from the start.", "regress.expanding(y, {x = x}).coef.x")
doc("regress.xcorr", "regress.xcorr(x, y, {max_lag=12})", "corr(x_{t-k}, y_t) for k = -max_lag..max_lag; k > 0 means x leads y by k; best_lag, best_corr.", "print(regress.xcorr(ppi:yoy(), cpi:yoy()))")
doc("fit:predict", "fit:predict(xs)", "const + Σ coef·x for new regressors.", "fit:predict{ppi = ppi_forecast}")
doc("fit:to_markdown", "fit:to_markdown()", "The table as Markdown.", "print(fit:to_markdown())")
doc("fit:to_latex", "fit:to_latex()", "The table as a LaTeX tabular.", "print(fit:to_latex())")
doc("fit:to_csv", "fit:to_csv(path)", "One row per coefficient: name, coef, se, t, p, ci_low, ci_high.", "fit:to_csv('fit.csv')")
doc("filter.hp", "filter.hp(s, {lambda=, one_sided=false})", "Hodrick-Prescott: trend solves (I + λD'D)τ = y, O(n); returns trend, cycle. λ 1600 Q, 14400 M, 6.25 A. one_sided: real-time (Kalman) trend.", "local trend, gap = filter.hp(ip:log())")
doc("filter.hamilton", "filter.hamilton(s, {h=, p=})", "Hamilton (2018): residual of y_t on y_{t-h}..y_{t-h-p+1}; returns trend, cycle, fit. Defaults h=8,p=4 (Q), h=24,p=12 (M).", "local trend, cycle = filter.hamilton(gdp:log())")
doc("filter.bk", "filter.bk(s, {low=, high=, k=})", "Baxter-King band pass, symmetric, 2k+1 weights summing to zero; the first and last k are missing.", "filter.bk(ip:log())")
doc("filter.cf", "filter.cf(s, {low=, high=, drift=true})", "Christiano-Fitzgerald asymmetric band pass (random walk); returns cycle, trend.", "filter.cf(ip:log())")
doc("deflator.implicit", "deflator.implicit{nominal=, real=} | {nominal_yoy=, real_yoy=}", "100·nominal/real, or 100·((1+n/100)/(1+r/100) − 1) for growth rates.", "deflator.implicit{nominal = gdp, real = gdpc1}")
doc("deflator.real", "deflator.real(nominal, price_index, {base=})", "nominal / price_index · 100, the index rebased to base first.", "deflator.real(sales, cpi, {base = '2015'})")
doc("indexnum.laspeyres", "indexnum.laspeyres{p=, q=, base=, chain=}", "100·Σp_t q_0/Σp_0 q_0 (fixed base) or chained period-to-period links.", "indexnum.laspeyres{p = prices, q = quantities}")
doc("indexnum.paasche", "indexnum.paasche{p=, q=, base=, chain=}", "100·Σp_t q_t/Σp_0 q_t.", "indexnum.paasche{p = prices, q = quantities}")
doc("indexnum.fisher", "indexnum.fisher{p=, q=, base=, chain=}", "√(Laspeyres·Paasche).", "indexnum.fisher{p = prices, q = quantities, chain = true}")
doc("indexnum.tornqvist", "indexnum.tornqvist{p=, q=, base=, chain=}", "100·exp(Σ ½(s_0 + s_t) ln(p_t/p_0)), s value shares.", "indexnum.tornqvist{p = prices, q = quantities}")
doc("indexnum.chain_volume", "indexnum.chain_volume{p=, q=, method='annual_overlap'|'one_quarter_overlap'}", "Chain-linked Laspeyres volume of quarterly data at the previous year's prices (IMF QNA manual).", "indexnum.chain_volume{p = deflators, q = volumes}")
doc("indexnum.contributions", "indexnum.contributions{parts=, total=, lag=}", "Each part's pull on the total's growth (拉动, pp) and share (贡献率, %); the pulls add up to the growth.", "indexnum.contributions{parts = {c = consumption, i = investment, nx = net_exports}}")

-- charts -------------------------------------------------------------------
doc("s:spark", "s:spark(width=60)", "A one-line sparkline (▁..█), NA as a space; longer series are averaged into width buckets.", "print(cpi:yoy():tail(36):spark())")
doc("plot.term", "plot.term(a, b, ..., {width=, height=15, ascii=, no_color=, print=})", "A line chart in the terminal: braille dots, date axis, y labels, legend; ASCII when the terminal is not UTF-8. Prints it; with print=false returns the text instead.", "plot.term(ppi:yoy(), cpi:yoy())")
doc("plot.line", "plot.line{s1, ..., title=, ylabel=, y2={...}, y2label=, shade=s01, out='chart.png', width=, height=}", "A line chart file (PNG, SVG or PDF by extension) via gnuplot; y2 series on a right axis; shade greys periods where a 0/1 series is 1.", "plot.line{ppi:yoy(), y2 = {spx}, shade = ppi:yoy():lt(0), out = 'ppi.png'}")
doc("plot.bar", "plot.bar{parts={...}, total=, title=, out='bars.png'}", "Stacked bars of contributions: positive parts up from zero, negative down; total as a line.", "plot.bar{parts = {c.metals, c.fuels}, total = c.growth, out = 'c.png'}")

-- the interpreter -----------------------------------------------------------
doc("help", "help(name or function)", "Prints the signature, definition and an example; help() lists the modules. In the REPL, ?name does the same.", "help('s:yoy')  ?regress.ols")
doc("tenor.show", "tenor.show(...)", "The text the REPL prints for values (series grids, datasets, tables, NA).", "print(tenor.show(cpi))")
doc("tenor.complete", "tenor.complete(word)", "Completions of word, as the REPL's Tab uses them.", "tenor.complete('regress.o')")

return D

--[[ The reference documentation: one entry per public function.

This table is the single source for help() in the REPL and for the generated
reference (docs/reference.md, `make docs`); tests/lua/test_help.lua checks
that every public function of every module has an entry. Keys are the names
analysts type: "s:yoy" for series methods, "ds:table" for dataset methods,
"fit:predict" for regression results, "module.function" otherwise.
Each entry: sig (the call), text (what it does: definition, NA policy,
edge periods), ex (an example).
]]

local D = require("tenor.doc").entries
local doc = require("tenor.doc").add

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
doc("data.read_csv", "data.read_csv(path, {date=, freq=, sep=, nrows=, text=, threads=})",
  "A dated CSV as a dataset (columns in file order); frequency inferred from the dates; FRED and Wind layouts; nil, 'file:line:col: message' on bad input. With text= the CSV is read from that string and path only names it in messages. Files of 4 MB and more are parsed by two threads (threads=1 or 2 to choose); the result and the messages are the same either way.",
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
doc("fit:to_xlsx", "fit:to_xlsx(path)", "The regression table as an Excel sheet 'regression': one row per coefficient (name, coefficient, std. error, t or z, p-value, ci_low, ci_high, stars), then the sample, covariance and fit statistics; written atomically.", "fit:to_xlsx('fit.xlsx')")
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
doc("indexnum.chained_contributions", "indexnum.chained_contributions{volumes=, values=, lag=1}", "Contributions to a chain-linked Laspeyres volume aggregate's growth: 100 · (previous value share) · (component volume growth); they add up to the aggregate's growth.", "indexnum.chained_contributions{volumes = {c = real_c, i = real_i}, values = {c = nom_c, i = nom_i}}")

-- signals, turning points, rules and backtests ---------------------------------
doc("signal.above", "signal.above(a, b)", "1 where a > b (b a series or a number), 0 where not, NA where either is missing.", "signal.above(ppi:yoy(), 0)")
doc("signal.below", "signal.below(a, b)", "1 where a < b, 0 where not, NA where either is missing.", "signal.below(cpi:yoy(), 2)")
doc("signal.cross_above", "signal.cross_above(a, b)", "1 at t when a − b goes from <= 0 at t−1 to > 0 at t; 0 otherwise; NA when t or t−1 is missing (a cross over a gap is not a cross).", "signal.cross_above(ip:rolling(3, 'mean'), ip:rolling(12, 'mean'))")
doc("signal.cross_below", "signal.cross_below(a, b)", "1 at t when a − b goes from >= 0 at t−1 to < 0 at t; NA over gaps.", "signal.cross_below(ppi:yoy(), 0)")
doc("signal.rising", "signal.rising(x, n=1)", "1 when x rose in each of the last n periods (x_t > x_{t−1} > … > x_{t−n}); NA when any of them is missing.", "signal.rising(ppi:yoy(), 3)")
doc("signal.falling", "signal.falling(x, n=1)", "1 when x fell in each of the last n periods; NA when any of them is missing.", "signal.falling(cpi:yoy(), 2)")
doc("signal.persist", "signal.persist(cond, k)", "1 when cond was 1 in each of the last k periods; 0 when any was 0; NA when one is missing and none is 0.", "signal.persist(pmi:gt(50), 3)")
doc("signal.first", "signal.first(cond)", "1 in the first period of each run of 1s (cond_t = 1, cond_{t−1} = 0); NA when either is missing.", "signal.first(ppi:yoy():gt(0))")
doc("signal.hold", "signal.hold(on, off)", "A latch: 1 from a period where on = 1 until a period where off = 1 (on wins a tie), 0 before; keeps its state through NA.", "signal.hold(signal.cross_above(a, b), signal.cross_below(a, b))")
doc("signal.quadrant", "signal.quadrant{growth=, inflation=}", "Investment-clock regimes from the signs of two change series: 1 recovery (g+, i−), 2 overheat (g+, i+), 3 stagflation (g−, i+), 4 reflation (g−, i−); labels in meta.labels.", "signal.quadrant{growth = ip:yoy():diff(3), inflation = cpi:yoy():diff(3)}")
doc("signal.turning_points", "signal.turning_points(s, {method=, window=, phase=, cycle=, censor=, override=})", "Peaks and troughs by Bry-Boschan (monthly default; ±6, phase 5, cycle 15, censor 6), Harding-Pagan BBQ (quarterly; ±2, phase 2, cycle 5, censor 2) or Pagan-Sossounov ('ps'; ±8, phase 4, cycle 16, 20% override). Each turn has its date and its confirmation date (first period at which the method on data up to then finds it). Methods :peaks{at=}, :troughs{at=} (events at confirmation; at='turn' looks ahead), :phase{at=}, :table().", "local tp = signal.turning_points(ppi:yoy()); print(tp)")
doc("tp:peaks", "tp:peaks{at='confirm'|'turn'}", "An event series: 1 at each peak's confirmation date (at='turn': at the peak itself, marked as looking ahead), 0 elsewhere.", "tp:peaks():sum()")
doc("tp:troughs", "tp:troughs{at='confirm'|'turn'}", "An event series: 1 at each trough's confirmation date (at='turn': at the trough, looking ahead), 0 elsewhere.", "rule{signal = tp:troughs(), asset = spx}")
doc("tp:phase", "tp:phase{at='confirm'|'turn'}", "+1 in expansions, −1 in contractions, switching at confirmation dates (at='turn': the period after each turn, the NBER convention; looks ahead); NA before the first switch.", "tp:phase():to('Q', 'last')")
doc("tp:table", "tp:table()", "The turns as rows: type, date, confirm, delay (periods from turn to confirmation), value, duration (periods since the previous turn), change (value difference) and change_pct (% change when both values are positive).", "for _, t in ipairs(tp:table()) do print(t.date, t.confirm) end")
doc("s:where", "s:where(cond)", "s where cond is 1 (nonzero), NA where cond is 0 or missing, on the common span; cond may be a number.", "(y10 - ceiling):where(cpi:le(3)):mean()")
doc("script.define", "script{name=, description=, params={{name, type, default, help}, ...}, data={...}, main=function(p, ctx) end} (also script.define{...})", "Declares a shared script: a module that returns it is found by require, tenor run, tenor list and tenor help. Types: string, number, integer, boolean, period, list; every script also has data_dir.", "return script{name = 'rules.mine', params = {{'k', 'number', 1, 'band width'}}, main = function(p, ctx) end}")
doc("script.coerce", "script.coerce(script_name, param, type, value)", "Converts a value (or command-line text) to a parameter type, with an error naming the parameter.", "script.coerce('rules.x', 'horizons', 'list', '3,6,12')")
doc("S:run", "S:run(params, {quiet=false})", "Binds the parameters (unknown ones refused with the valid list; types checked), then runs main(p, ctx) and returns its result. ctx.path(file), ctx.read(file), ctx.print.", "require('rules.cpi_bonds'):run{market = 'cn'}")
doc("S:bind", "S:bind(params)", "The parameter table main() would get: defaults overlaid with the given values, type-checked.", "require('rules.cpi_bonds'):bind{margin = '1.5'}")
doc("S:help", "S:help()", "The script's description, parameters (type, default, help) and data files; also print(S).", "print(require('rules.ppi_equities'):help())")
doc("S:param_names", "S:param_names()", "The parameter names in declaration order.", "require('rules.base_effects'):param_names()")
doc("s:release_lag", "s:release_lag(days)", "A copy that records its publication lag: each value is published `days` after its period ends (default by meta.release: cpi/ppi 10, activity 17, gdp 18, money 12; else 15 M, 20 Q).", "cpi:release_lag(10)")
doc("s:as_of", "s:as_of(calendar)", "For each period of a daily or business-day calendar series, the last value of s published by that day (period end + release lag); NA before the first publication.", "ppi:yoy():as_of(spx)")
doc("backtest.run", "backtest.run{position=, asset= | returns=, dividends=, exec='next', cost_bp=0, rf=0, allow_lookahead=false}", "The position w_t (known at the end of t) earns w_t·R_{t+1} − cost·|w_t − w_{t−1}| (exec=k: k periods later; 'same' looks ahead); with dividends R_t = (P_t + D_t)/P_{t−1} − 1; returns cagr, vol (sample), sharpe, sortino, max_drawdown, calmar, turnover, exposure, trades, equity, and .buy_and_hold. Refuses positions built from look-ahead series unless allow_lookahead=true (then prints a warning banner).", "print(backtest.run{position = ppi:yoy():gt(0), asset = spx:to('M', 'last')})")
doc("backtest.bond_return", "backtest.bond_return(yield, {maturity=10, coupon_freq=2})", "Monthly (or other) total return of a par bond from its yield in percent: carry (1+y)^(1/P) − 1 minus duration·Δy plus ½·convexity·Δy² (decimals).", "backtest.bond_return(gs10)")
doc("backtest.lookahead", "backtest.lookahead(s1, s2, ...)", "The look-ahead reason recorded on any of the series (two-sided filter, lead, turn dates), or nil.", "backtest.lookahead(gap)")
doc("rule.new", "rule{name=, signal= | position=, asset=, dividends=, exec='next', exit=, hold=, horizons=, expected=1, reference=, match_window={-9, 24}, regime=, cost_bp=0} (also rule.new{...})", "A rule as an object. r:report() gives n events, forward returns per horizon after entering at the next period, hit rate vs base rate with a binomial p-value, a random-entry benchmark, lead times against reference turns, Harding-Pagan concordance, returns by regime and a backtest; warns when fewer than 8 events.", "rule{name = 'PPI trough', signal = tp:troughs(), asset = spx}:report()")
doc("backtest.exec_delay", "backtest.exec_delay(exec)", "Periods between a signal and its trade: 'next' (default) 1, 'same' 0, or a whole number.", "backtest.exec_delay('next')")
doc("backtest.asset_returns", "backtest.asset_returns(price, dividends)", "Simple returns P_t/P_{t−1} − 1, or total returns (P_t + D_t)/P_{t−1} − 1 with dividends paid in period t.", "backtest.asset_returns(spx, spx_div / 12)")
doc("rule.binomial_tail", "rule.binomial_tail(k, n, p)", "P(X >= k) for X ~ Binomial(n, p): the hit-rate p-value.", "rule.binomial_tail(14, 20, 0.55)")
doc("rule.format_report", "rule.format_report(report)", "The text r:report() prints, from its result table.", "print(rule.format_report(r:report{print = false}))")
doc("r:report", "r:report{print=true, chart=}", "Computes and prints the rule's quality report; returns it as a table (see rule.new). Inside tenor run it also draws a chart for the run's report: the asset, the events as dashed lines, the phases the rule bets on shaded (the reference's expansions or contractions, else the periods held); chart = 'file.svg' draws it anywhere, chart = false never.", "local rep = r:report{print = false}; print(rep.hit_rate[12])")
doc("r:holding", "r:holding()", "The rule's position series: position=, or hold(signal, exit), or each event held for hold= periods.", "r:holding():mean()")

-- the series store ----------------------------------------------------------------
doc("store.open", "store.open(path, {readonly=false})", "Opens or creates a series database (SQLite, WAL mode, busy timeout 10 s; older schemas migrated). A file that is not a store is an error naming it.", "local db = store.open('team.db')")
doc("db:put", "db:put(name, s, {unit=, source=, description=, kind=, vintage=})", "Records s as a new vintage stamped vintage (YYYY-MM-DD, or now in UTC); old vintages are kept. Returns the stamp, or false when s equals the latest vintage. One transaction: a killed writer leaves the old or the new vintage, never half.", "db:put('cn.cpi', cpi, {unit = '%', source = 'NBS', vintage = '2024-06-10'})")
doc("db:get", "db:get(name, {as_of=})", "The latest vintage, or the one known at as_of (a date covers its whole day); nil, message when there is none. meta.vintage holds the stamp.", "db:get('cn.cpi', {as_of = '2024-06-30'})")
doc("db:get_many", "db:get_many(names, {as_of=})", "A dataset of the named series, each as known at as_of.", "db:get_many({'cn.cpi', 'cn.ppi'}, {as_of = '2024-06-30'})")
doc("db:meta", "db:meta(name)", "freq, unit, source, description, kind, created, vintages (count) and latest (stamp); nil, message when absent.", "db:meta('cn.cpi').unit")
doc("db:vintages", "db:vintages(name)", "The vintage stamps of a series, oldest first.", "db:vintages('cn.cpi')")
doc("db:list", "db:list(pattern='*')", "Series names matching a glob (* any run, ? one character), sorted.", "db:list('cn.*')")
doc("db:delete", "db:delete(name)", "Deletes a series and all its vintages; true if it existed.", "db:delete('scratch')")
doc("db:close", "db:close()", "Closes the database (also done by the garbage collector and by <close>).", "db:close()")
doc("db:import_csv", "db:import_csv(path, {prefix=, source=, vintage=, columns=, ...read_csv options})", "Reads a CSV (plain, FRED, Wind-style with 单位/来源 rows) and puts every column as prefix..name, one vintage each; unit and source from the file's metadata. Returns the names.", "db:import_csv('wind_export.csv', {prefix = 'cn.', vintage = '2025-04-10'})")

-- charts -------------------------------------------------------------------
doc("s:spark", "s:spark(width=60)", "A one-line sparkline (▁..█), NA as a space; longer series are averaged into width buckets.", "print(cpi:yoy():tail(36):spark())")
doc("plot.term", "plot.term(a, b, ..., {width=, height=15, ascii=, no_color=, print=})", "A line chart in the terminal: braille dots, date axis, y labels, legend; ASCII when the terminal is not UTF-8. Prints it; with print=false returns the text instead.", "plot.term(ppi:yoy(), cpi:yoy())")
doc("plot.line", "plot.line{s1, ..., title=, ylabel=, y2={...}, y2label=, shade=s01, events=s01, out='chart.png', width=, height=}", "A line chart file (PNG, SVG or PDF by extension) via gnuplot; y2 series on a right axis; shade greys periods where a 0/1 series is 1; events draws a dashed vertical line at each period where a 0/1 series is 1. Inside tenor run, without out= it draws chart-N.svg in the run's folder and the run's report shows it.", "plot.line{ppi:yoy(), y2 = {spx}, shade = ppi:yoy():lt(0), out = 'ppi.png'}")
doc("plot.chart", "plot.chart{s1, ..., title=, ...} | plot.chart{parts={...}, ...}", "A chart for a report: plot.line's options, or plot.bar's when parts= is given. Inside tenor run it is drawn as chart-N.svg in the run's folder and shown in report.html (inline SVG) and report.md (linked); outside a run it draws chart.svg unless out= is given. Scripts use it as ctx:chart{...} or return {charts = {plot.chart{...}}}.", "return {charts = {plot.chart{cpi:yoy(), ppi:yoy(), title = 'CPI and PPI, yoy %'}}}")
doc("plot.bar", "plot.bar{parts={...}, total=, title=, out='bars.png'}", "Stacked bars of contributions: positive parts up from zero, negative down; total as a line.", "plot.bar{parts = {c.metals, c.fuels}, total = c.growth, out = 'c.png'}")

-- the interpreter -----------------------------------------------------------
doc("help", "help(name or function)", "Prints the signature, definition and an example; help() lists the modules. In the REPL, ?name does the same.", "help('s:yoy')  ?regress.ols")
doc("tenor.show", "tenor.show(...)", "The text the REPL prints for values (series grids, datasets, tables, NA).", "print(tenor.show(cpi))")
doc("tenor.complete", "tenor.complete(word)", "Completions of word, as the REPL's Tab uses them.", "tenor.complete('regress.o')")

return D

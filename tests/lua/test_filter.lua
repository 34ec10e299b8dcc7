-- filter.hp against statsmodels 0.13.5 hpfilter (fixtures and the script that
-- made them in tests/fixtures/), the one-sided form against the definition
-- (last point of the two-sided trend of each prefix), and the errors.
local ip = assert(data.read_csv("examples/data/us_industrial_production_monthly.csv")).indpro:log()
local ref = assert(data.read_csv("tests/fixtures/statsmodels_hp_indpro.csv"))
local trend, cycle = filter.hp(ip)                     -- monthly: lambda 14400
same_series(trend, ref.trend, 1e-8, "HP trend of log US IP, lambda 14400")
same_series(cycle, ref.cycle, 1e-8, "HP cycle")
eq(trend.meta.hp_lambda, 14400); eq(trend.meta.lookahead, "two-sided HP filter")
local gdp = assert(data.read_csv("examples/data/us_gdp_fred_quarterly.csv")).gdpc1:log()
local gref = assert(data.read_csv("tests/fixtures/statsmodels_hp_gdpc1.csv"))
local gt = filter.hp(gdp)                              -- quarterly: lambda 1600
same_series(gt, gref.trend, 1e-8, "HP trend of log US real GDP, lambda 1600")
local t100 = filter.hp(gdp, {lambda = 100})
check(math.abs(t100:at("2000Q1") - gt:at("2000Q1")) > 1e-6, "lambda is used")

-- one-sided: each point is the end of the two-sided trend on data up to then
local os_trend, os_cycle = filter.hp(ip, {one_sided = true})
eq(os_trend.meta.lookahead, nil, "the one-sided trend does not look ahead")
for _, stop in ipairs{"1950-06", "1982-11", "2008-12", "2021-01"} do
  local prefix = filter.hp(ip:slice(nil, stop))
  near(os_trend:at(stop), prefix:at(stop), 1e-9, "one-sided at " .. stop)
end
near(os_cycle:at("2008-12"), ip:at("2008-12") - os_trend:at("2008-12"), 1e-15)

-- errors
local gap = series.new{freq = "M", start = "2024-01", values = {1, 2, nil, 4, 5}, name = "g"}
checkerr(function() filter.hp(gap) end, "filter.hp: a monthly series 'g' is missing a value at 2024-03")
checkerr(function() filter.hp(series.new{freq = "B", start = "2024-01-01", values = {1, 2, 3}}) end, "pass {lambda=}")
checkerr(function() filter.hp(gap:head(2)) end, "needs at least 3 values")
checkerr(function() filter.hp(ip, {lambda = -1}) end, "filter.hp: option 'lambda' must be > 0 (got -1)")

-- Baxter-King and Christiano-Fitzgerald against statsmodels 0.13.5 bkfilter
-- and cffilter on log US IP, band 18-96 months (fixture in tests/fixtures/)
local bref = assert(data.read_csv("tests/fixtures/statsmodels_bkcf_indpro.csv"))
same_series(filter.bk(ip), bref.bk_cycle, 1e-10, "BK cycle, K = 36")
eq(filter.bk(ip):at("1921-12"), nil, "first K values missing")
local cf_cycle, cf_trend = filter.cf(ip)
same_series(cf_cycle, bref.cf_cycle, 1e-10, "CF cycle with drift removed")
same_series(filter.cf(ip, {drift = false}), bref.cf_nodrift, 1e-10, "CF cycle without drift")
near(cf_trend:at("1990-06") + cf_cycle:at("1990-06"), ip:at("1990-06"), 1e-14, "trend + cycle = y")
check(cf_cycle.meta.lookahead ~= nil, "CF looks ahead")
checkerr(function() filter.bk(series.new{freq = "D", start = "2024-01-01", values = {1, 2, 3}}) end, "give {low=, high=}")

-- Hamilton: a series that repeats every h periods is fitted exactly by its
-- own h-th lag (coefficient 1, cycle 0)
local pattern, v = {3, 1, 4, 1, 5, 9, 2, 6}, {}
for i = 1, 200 do v[i] = pattern[(i - 1) % 8 + 1] + (i % 3) * 0 end
local per = series.new{freq = "Q", start = "1970Q1", values = v}
local ht, hc, hfit = filter.hamilton(per, {h = 8, p = 1})
near(hfit.coef.lag8, 1, 1e-12, "repeats every 8 quarters: y_t = y_{t-8}")
near(hc:abs():max(), 0, 1e-10, "cycle is zero")
local qt, qc = filter.hamilton(gdp)                       -- quarterly defaults h = 8, p = 4
eq(qc.start, "1949Q4", "1947Q1 + h + p - 1 = 11 quarters: the first with all lags")
near(qt:at("2008Q4") + qc:at("2008Q4"), gdp:at("2008Q4"), 1e-12)
check(qc.meta.lookahead ~= nil)
checkerr(function() filter.hamilton(series.new{freq = "A", start = "2000", values = {1, 2, 3}}) end, "give {h=, p=}")

-- cross-correlation: y is x moved 3 periods later, so x leads y by 3
local xv = {}
for i = 1, 120 do xv[i] = math.sin(i / 5) + (i % 7) / 10 end
local xs = series.new{freq = "M", start = "2000-01", values = xv, name = "x"}
local ys = xs:lag(3):rename("y")
local xc = regress.xcorr(xs, ys, {max_lag = 6})
eq(xc.best_lag, 3); near(xc.best_corr, 1, 1e-12)
check(tostring(xc):find("x leads y by 3 periods", 1, true), tostring(xc))
eq(#xc.lags, 13)

-- lambda out of reach (issue 17): an error, not a trend of NaN
do
  local v = {}
  for i = 1, 40 do v[i] = i + math.sin(i) end
  local s = series.new{freq = "Q", start = "2000Q1", values = v}
  checkerr(function() filter.hp(s, {lambda = math.huge}) end, "filter.hp: lambda must be finite")
  checkerr(function() filter.hp(s, {lambda = 1e20}) end, "too large to solve in double precision")
  v[7] = math.huge
  checkerr(function() filter.hp(series.new{freq = "Q", start = "2000Q1", values = v}) end, "has an infinite value at 2001Q3")
end
-- options: statsmodels' K for bk's k; misspellings and bad bands are errors
same_series(filter.bk(ip, {K = 12}), filter.bk(ip, {k = 12}), 0)
checkerr(function() filter.bk(ip, {lo = 6}) end, "filter.bk: unknown option 'lo'")
checkerr(function() filter.cf(ip, {low = 20, high = 10}) end, "filter.cf: options 'low' and 'high' need 2 <= low < high (got 20, 10)")
checkerr(function() filter.hamilton(ip, {h = 0}) end, "filter.hamilton: option 'h' must be >= 1 (got 0)")
checkerr(function() filter.cf(ip:values()) end, "filter.cf: s must be a series (got a table)")
checkerr(function() signal.above("x", 0) end, "signal.above: a must be a series (got 'x')")
checkerr(function() signal.cross_below(ip, "y") end, "signal.cross_below: b must be a series or a number (got 'y')")
checkerr(function() backtest.asset_returns(3) end, "backtest.asset_returns: price must be a series (got 3)")
checkerr(function() dataset.new(ip) end, "dataset.new: give a list of series such as {cpi, ppi} (got one series)")

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
checkerr(function() filter.hp(ip, {lambda = -1}) end, "lambda must be positive")

-- s:stl against statsmodels 0.13.5 STL (fixtures and the script that made
-- them: tests/fixtures/make_statsmodels_stl.py): defaults, robust, every
-- option changed, quarterly and weekly data; then the errors.
local function agree(fixture, opts, what)
  local ref = assert(data.read_csv("tests/fixtures/statsmodels_stl_" .. fixture .. ".csv"))
  local trend, seasonal, resid, weights = ref.y:stl(opts)
  same_series(trend, ref.trend, 1e-8, what .. ": trend")
  same_series(seasonal, ref.seasonal, 1e-8, what .. ": seasonal")
  same_series(resid, ref.resid, 1e-8, what .. ": resid")
  same_series(weights, ref.weights, 1e-8, what .. ": robustness weights")
  return trend, seasonal, resid, weights, ref
end

local trend, seasonal, resid, weights, ref = agree("m2", nil, "log China M2, monthly defaults")
eq(trend.meta.component, "stl trend"); eq(seasonal.meta.lookahead, "two-sided STL"); eq(trend.name, "y")
eq(trend.start, ref.y.start); eq(#resid, #ref.y)
eq(weights:min(), 1, "weights are 1 without robust")
agree("m2_robust", {robust = true}, "log China M2, robust")
agree("m2_robust", {inner = 2, outer = 15}, "robust spelled as iterations")
agree("cpi_options", {seasonal = 13, trend = 27, low_pass = 13, seasonal_deg = 0, seasonal_jump = 2,
                      trend_jump = 3, low_pass_jump = 2, robust = true}, "log US CPI-U, every option")
agree("gdp_quarterly", nil, "log US real GDP, quarterly")
agree("cgb10y_weekly", nil, "10y CGB yield, weekly W-FRI, period 52")

-- the decomposition adds up, and a robust fit sends an outlier to resid
local y = ref.y
local sum = trend + seasonal + resid
same_series(sum, y, 1e-14, "trend + seasonal + resid = y")
local v = y:values(); v[100] = v[100] + 1
local spiked = series.new{freq = "M", start = y.start, values = v}
local _, _, r2, w2 = spiked:stl{robust = true}
eq(w2[100], 0, "the outlier gets weight 0"); check(r2[100] > 0.9, "and stays in resid")

-- errors
checkerr(function() y:head(23):stl() end, "s:stl: a monthly series 'y' has 23 values; STL with period 12 needs at least two full cycles (24)")
checkerr(function() y:stl{period = 7} end, "s:stl: period 7 does not fit monthly data (use period = 12")
checkerr(function() data.read_csv("tests/fixtures/statsmodels_stl_gdp_quarterly.csv").y:stl{period = 12} end,
         "s:stl: period 12 does not fit quarterly data (use period = 4")
checkerr(function() y:to("A", "last"):stl() end, "s:stl: an annual series 'y' has no seasonal cycle")
local gap = y:values(); gap[50] = NA
checkerr(function() series.new{freq = "M", start = y.start, values = gap, name = "m2"}:stl() end,
         "s:stl: a monthly series 'm2' is missing a value at 2012-02; STL needs every value: trim the ends with s:dropna() and fill gaps with s:fill('linear') first")
checkerr(function() y:stl{seasonal = 8} end, "s:stl: option 'seasonal' must be odd (got 8)")
checkerr(function() y:stl{low_pass = 11} end, "s:stl: option 'low_pass' must be greater than the period 12 (got 11)")
checkerr(function() y:stl{seasonl = 7} end, "s:stl: unknown option 'seasonl' (did you mean 'seasonal'?")
checkerr(function() y:stl{trend_deg = 2} end, "s:stl: option 'trend_deg' must be")

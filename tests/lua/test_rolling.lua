-- regress.rolling / regress.expanding: against statsmodels 0.13.5 RollingOLS
-- (fixture and script in tests/fixtures/), against regress.ols on the same
-- window (QR, a different algorithm), robust covariances, and the errors.
local ref = assert(data.read_csv("tests/fixtures/statsmodels_rolling.csv"))
local cpi = assert(data.read_csv("examples/data/us_cpi_fred_monthly.csv")).cpi_all_nsa:yoy()
local ppi = assert(data.read_csv("examples/data/us_ppi_monthly.csv")).ppi_all_commodities:yoy()
local ff = assert(data.read_csv("examples/data/us_rates_fred_monthly.csv")).fed_funds
local r = regress.rolling(cpi:slice("1955-07", "2023-11"), {ppi = ppi, fed_funds = ff}, {window = 60})
local function like(s) return s:slice(r.nobs:dropna().start, "2023-11") end
same_series(like(r.coef.const), like(ref.b_const), 1e-9, "rolling intercept")
same_series(like(r.coef.ppi), like(ref.b_ppi), 1e-9, "rolling ppi coefficient")
same_series(like(r.coef.fed_funds), like(ref.b_fed_funds), 1e-9, "rolling fed funds coefficient")
same_series(like(r.se.ppi), like(ref.se_ppi), 1e-9, "rolling ppi std. error")
same_series(like(r.se.const), like(ref.se_const), 1e-9, "rolling intercept std. error")
same_series(like(r.r2), like(ref.r2), 1e-9, "rolling R2")
eq(r.nobs:at("2023-11"), 60)

-- every window equals a fresh QR fit of the same rows
for _, stop in ipairs{"1962-01", "1980-03", "2008-12", "2023-11"} do
  local from = r.nobs:slice(nil, stop):tail(60).start
  local f = regress.ols(cpi:slice(from, stop), {ppi = ppi, fed_funds = ff})
  near(r.coef.ppi:at(stop), f.coef.ppi, 1e-10, "window ending " .. stop)
  near(r.se.fed_funds:at(stop), f.se.fed_funds, 1e-10)
end

-- expanding and step
local e = regress.expanding(cpi:slice("1990-01", "2023-11"), {ppi = ppi})
local whole = regress.ols(cpi:slice("1990-01", "2023-11"), {ppi = ppi})
near(e.coef.ppi:at("2023-11"), whole.coef.ppi, 1e-10, "the last expanding window is the full sample")
eq(e.nobs:at("2023-11"), whole.nobs)
local stepped = regress.rolling(cpi:slice("2000-01", "2023-11"), {ppi = ppi}, {window = 24, step = 12})
check(stepped.coef.ppi:at("2023-11") ~= nil and stepped.coef.ppi:at("2023-10") == nil, "step 12 keeps every 12th window, ending at the last")

-- a robust covariance refits each window with regress.ols
local rh = regress.rolling(cpi:slice("2010-01", "2023-11"), {ppi = ppi}, {window = 48, cov = "HAC", lag = 4})
local fh = regress.ols(cpi:slice("2019-12", "2023-11"), {ppi = ppi}, {cov = "HAC", lag = 4})
near(rh.se.ppi:at("2023-11"), fh.se.ppi, 1e-12, "HAC rolling window")

-- errors
checkerr(function() regress.rolling(cpi, {ppi = ppi}) end, "regress.rolling: option 'window' is required: {window = n}")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {windw = 24}) end, "regress.rolling: unknown option 'windw' (did you mean 'window'?")
checkerr(function() regress.expanding(cpi, {ppi = ppi}, {window = 24}) end, "regress.expanding: unknown option 'window'")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {window = 24, cov = "HAX"}) end, "regress.rolling: option 'cov' must be one of classical, HC0, HC1, HC2, HC3, HAC (got 'HAX')")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {window = 24, const = false}) end, "regress.rolling: option 'const' must be true")
checkerr(function() regress.xcorr(cpi, ppi, {max_lags = 3}) end, "regress.xcorr: unknown option 'max_lags' (did you mean 'max_lag'?")
eq(#regress.xcorr(cpi, ppi, {maxlags = 3}).lags, 7, "xcorr takes matplotlib's maxlags")
checkerr(function() regress.rolling(cpi:slice("2020-01", "2020-12"), {ppi = ppi}, {window = 24}) end, "longer than the common span")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {window = 60, min_obs = 2}) end, "min_obs must be at least 3")

-- Calls for tests/lua/test_options.lua: tsa.* and the VAR methods
local rates = data.read_csv("examples/data/us_rates_fred_monthly.csv")
local y, x = rates.tsy_10y:slice("1990", "2010"), rates.tsy_1y:slice("1990", "2010")
local m = tsa.var({y, x}, {lags = 2})
local air = data.read_csv("tests/fixtures/airpassengers.csv").passengers:log()
local am = tsa.arima(air, {order = {0, 1, 1}})
return {
  ["tsa.adf"] = function(o) return tsa.adf(y, o) end,
  ["tsa.kpss"] = function(o) return tsa.kpss(y, o) end,
  ["tsa.pp"] = function(o) return tsa.pp(y, o) end,
  ["tsa.granger"] = function(o) return tsa.granger(y, x, o) end,
  ["tsa.coint"] = function(o) return tsa.coint(y, x, o) end,
  ["tsa.var"] = function(o) return tsa.var({y, x}, o) end,
  ["tsa.var_select"] = function(o) return tsa.var_select({y, x}, o) end,
  ["var:irf"] = function(o) return m:irf(4, o) end,
  ["var:forecast"] = function(o) return m:forecast(3, o) end,
  ["var:whiteness"] = function(o) return m:whiteness(o) end,
  ["tsa.arima"] = function(o) return tsa.arima(air, o) end,
  ["arima:forecast"] = function(o) return am:forecast(3, o) end,
  ["tsa.ardl"] = function(o) return tsa.ardl(y, {x1 = x}, o) end,
  ["tsa.auto_arima"] = function(o) return tsa.auto_arima(air:slice("1955"), o) end,
  ["tsa.acf"] = function(o) return tsa.acf(y, o) end,
  ["tsa.pacf"] = function(o) return tsa.pacf(y, o) end,
  ["tsa.ljungbox"] = function(o) return tsa.ljungbox(y, o) end,
  ["arima:ljungbox"] = function(o) return am:ljungbox(o) end,
  ["tsa.ndiffs"] = function(o) return tsa.ndiffs(air, o) end,
  ["tsa.nsdiffs"] = function(o) return tsa.nsdiffs(air, o) end,
}

-- Calls for tests/lua/test_options.lua: tsa.*
local rates = data.read_csv("examples/data/us_rates_fred_monthly.csv")
local y, x = rates.tsy_10y:slice("1990", "2010"), rates.tsy_1y:slice("1990", "2010")
return {
  ["tsa.adf"] = function(o) return tsa.adf(y, o) end,
  ["tsa.kpss"] = function(o) return tsa.kpss(y, o) end,
  ["tsa.granger"] = function(o) return tsa.granger(y, x, o) end,
  ["tsa.coint"] = function(o) return tsa.coint(y, x, o) end,
}

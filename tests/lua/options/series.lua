-- Calls for tests/lua/test_options.lua: series methods
local m2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_100m_cny:log()
local gdp = data.read_csv("examples/data/us_gdp_fred_quarterly.csv").gdpc1:slice("2000", "2010")
require "tenor.disagg"   -- loaded on first use: load it so its declaration is checked
return {
  ["s:to(chow-lin)"] = function(o) return gdp:to("M", "chow-lin", o) end,
  ["s:stl"] = function(o) return m2:stl(o) end,
}

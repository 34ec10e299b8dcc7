-- Calls for tests/lua/test_options.lua: series methods
local m2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_100m_cny:log()
return {
  ["s:stl"] = function(o) return m2:stl(o) end,
}

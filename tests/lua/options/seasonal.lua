-- Calls for tests/lua/test_options.lua: seasonal.* and s:sa
local m2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_100m_cny:slice("2010", "2020")
local _ = seasonal   -- loads the lazy module, so its declarations are checked
return {
  ["seasonal.adjust"] = function(o) return seasonal.adjust(m2, o) end,
  ["s:sa"] = function(o) return m2:sa(o) end,
}

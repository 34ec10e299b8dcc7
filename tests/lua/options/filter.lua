-- Calls for tests/lua/test_options.lua: filter.*
local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv")[1]:dropna():slice("2000", "2010")
return {
  ["filter.hp"] = function(o) return filter.hp(ip, o) end,
  ["filter.bk"] = function(o) return filter.bk(ip, o) end,
  ["filter.cf"] = function(o) return filter.cf(ip, o) end,
  ["filter.hamilton"] = function(o) return filter.hamilton(ip, o) end,
}

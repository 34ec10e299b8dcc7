-- Calls for tests/lua/test_options.lua: signal.* and the tp: methods.
local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv")[1]:dropna():slice("1990", "2010")
local tp = signal.turning_points(ip)
local g = ip:yoy():dropna()
return {
  ["signal.turning_points"] = function(o) return signal.turning_points(ip, o) end,
  ["tp:peaks"] = function(o) return tp:peaks(o) end,
  ["tp:troughs"] = function(o) return tp:troughs(o) end,
  ["tp:phase"] = function(o) return tp:phase(o) end,
  ["signal.quadrant"] = function(o) return signal.quadrant(options_with(o, {growth = g, inflation = g:diff()})) end,
}

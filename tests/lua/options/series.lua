-- Calls for tests/lua/test_options.lua: series methods (s:name)
local iva = data.read_csv("examples/data/cn_industrial_value_added_monthly.csv")
return {
  -- the policy is required, so the no-options call supplies one
  ["s:fill_janfeb"] = function(o) return iva.iva_yoy_pct:fill_janfeb(o == nil and {from = "feb"} or o) end,
}

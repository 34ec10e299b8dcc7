-- Calls for tests/lua/test_options.lua: regress.*
local ppi = data.read_csv("examples/data/us_ppi_monthly.csv")[1]:slice("2000", "2010")
return {
  ["regress.ols"] = function(o) return regress.ols(ppi, {ppi:lag(1)}, o) end,
  ["regress.xcorr"] = function(o) return regress.xcorr(ppi:lag(1), ppi, o) end,
}

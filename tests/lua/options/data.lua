-- Calls for tests/lua/test_options.lua: data.*
local X = "tests/fixtures/xlsx/"
return {
  ["data.read_xlsx"] = function(o) return data.read_xlsx(X .. "plain.xlsx", o) end,
}

-- Calls for tests/lua/test_options.lua: data.*
local X = "tests/fixtures/xlsx/"
local plain = data.read_xlsx(X .. "plain.xlsx")
local out = os.tmpname()
return {
  ["data.write_xlsx"] = function(o) local r = data.write_xlsx(out, plain, o); os.remove(out); return r end,
  ["data.read_xlsx"] = function(o) return data.read_xlsx(X .. "plain.xlsx", o) end,
}

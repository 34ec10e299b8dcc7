-- Calls for tests/lua/test_options.lua: script{} and S:run, dataset methods.
local S = script{name = "test.options", params = {{"k", "integer", 3, "a number"}},
                 main = function(p, ctx) ctx.print("k", p.k); return p.k end}
local ds = data.read_csv("examples/data/us_gdp_quarterly.csv")
return {
  ["script.define"] = function(o) return script(options_with(o, {name = "test.define", main = function() end})) end,
  ["S:run"] = function(o) return S:run({k = 4}, o or {quiet = true}) end,
  ["ds:table"] = function(o) return ds:table(o) end,
}

-- Calls for tests/lua/test_options.lua: script{} and S:run, dataset methods.
local S = script{name = "test.options", params = {{"k", "integer", 3, "a number"}},
                 main = function(p, ctx) ctx.print("k", p.k); return p.k end}
local ds = data.read_csv("examples/data/us_gdp_quarterly.csv")
return {
  ["script.define"] = function(o)
    if o == nil or type(o) == "table" and o.name == nil and o.main == nil then
      local c = {name = "test.define", main = function() end}
      for k, v in pairs(o or {}) do c[k] = v end
      o = c
    end
    return script(o)
  end,
  ["S:run"] = function(o) return S:run({k = 4}, o or {quiet = true}) end,
  ["ds:table"] = function(o) return ds:table(o) end,
}

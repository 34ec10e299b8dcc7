-- Calls for tests/lua/test_options.lua: store.open and db: methods.
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local csv = "examples/data/us_gdp_quarterly.csv"
local gdp = data.read_csv(csv)[1]
local db = store.open(dir .. "/opts.db")
db:put("gdp", gdp, {vintage = "2024-01-01"})
local n = 0
return {
  ["store.open"] = function(o) return store.open(dir .. "/opts.db", o) end,
  ["db:put"] = function(o) n = n + 1; return db:put("gdp" .. n, gdp, o) end,
  ["db:get"] = function(o) return db:get("gdp", o) end,
  ["db:get_many"] = function(o) return db:get_many({"gdp"}, o) end,
  ["db:import_csv"] = function(o) n = n + 1; return db:import_csv(csv, o) end,
}

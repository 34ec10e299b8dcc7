-- Calls for tests/lua/test_options.lua: data.*
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local csv = "examples/data/us_gdp_quarterly.csv"
local ds = data.read_csv(csv)
return {
  ["data.read_csv"] = function(o) return data.read_csv(csv, o) end,
  ["data.write_csv"] = function(o) return data.write_csv(dir .. "/out.csv", ds, o) end,
}

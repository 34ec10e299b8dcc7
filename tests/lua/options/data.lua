-- Calls for tests/lua/test_options.lua: data.*
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local csv = "examples/data/us_gdp_quarterly.csv"
local ds = data.read_csv(csv)
local xlsx = "tests/fixtures/xlsx/plain.xlsx"
local plain = data.read_xlsx(xlsx)
return {
  ["data.read_csv"] = function(o) return data.read_csv(csv, o) end,
  ["data.write_csv"] = function(o) return data.write_csv(dir .. "/out.csv", ds, o) end,
  ["data.read_xlsx"] = function(o) return data.read_xlsx(xlsx, o) end,
  ["data.write_xlsx"] = function(o) return data.write_xlsx(dir .. "/out.xlsx", plain, o) end,
}

-- Calls for tests/lua/test_options.lua: plot.* (files go to a temporary directory).
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv")[1]:dropna():slice("2000", "2010")
return {
  ["plot.term"] = function(o)
    if o == nil then o = {print = false} end
    return plot.term(ip, o)
  end,
  ["plot.line"] = function(o) return plot.line(options_with(o, {ip, out = dir .. "/line.png"})) end,
  ["plot.bar"] = function(o) return plot.bar(options_with(o, {parts = {ip:diff(), ip:diff(12)}, out = dir .. "/bar.png"})) end,
}

-- Calls for tests/lua/test_options.lua: backtest.*, rule{} and r:report.
local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv")[1]:dropna():slice("1990", "2010")
local sig = signal.cross_above(ip:yoy(), 0)
local pos = ip:yoy():gt(0)
local yield = ip:yoy():dropna() / 10 + 3
local r = rule{signal = sig, asset = ip}
-- r:report prints by default: keep the test output clean
local function quiet(f, ...)
  local p = print
  print = function() end
  local ok, res = pcall(f, ...)
  print = p
  if not ok then error(res, 0) end
  return res
end
return {
  ["backtest.run"] = function(o) return backtest.run(options_with(o, {position = pos, asset = ip})) end,
  ["backtest.bond_return"] = function(o) return backtest.bond_return(yield, o) end,
  ["rule.new"] = function(o)
    if type(o) == "table" and o.position then return rule(options_with(o, {asset = ip})) end
    return rule(options_with(o, {signal = sig, asset = ip}))
  end,
  ["r:report"] = function(o) return quiet(r.report, r, o) end,
}

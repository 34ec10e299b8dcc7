-- Calls for tests/lua/test_options.lua: indexnum.* and deflator.* (named arguments:
-- the required ones are filled in when a test leaves them out).
local function M(v) return series.new{freq = "Q", start = "2020Q1", values = v} end
local p = {a = M{1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7}, b = M{2, 2.1, 2.3, 2.2, 2.4, 2.5, 2.6, 2.8}}
local q = {a = M{5, 5, 6, 6, 7, 7, 8, 8}, b = M{3, 4, 3, 4, 3, 4, 3, 4}}
local calls = {}
for _, kind in ipairs{"laspeyres", "paasche", "fisher", "tornqvist", "chain_volume"} do
  calls["indexnum." .. kind] = function(o) return indexnum[kind](options_with(o, {p = p, q = q})) end
end
calls["indexnum.contributions"] = function(o) return indexnum.contributions(options_with(o, {parts = q})) end
calls["indexnum.chained_contributions"] = function(o)
  return indexnum.chained_contributions(options_with(o, {volumes = q, values = {a = p.a * q.a, b = p.b * q.b}}))
end
calls["deflator.implicit"] = function(o)
  if type(o) == "table" and (o.nominal_yoy or o.real_yoy) then return deflator.implicit(options_with(o, {nominal_yoy = p.a, real_yoy = p.b})) end
  return deflator.implicit(options_with(o, {nominal = q.a, real = q.b}))
end
calls["deflator.real"] = function(o) return deflator.real(q.a, p.a, o) end
return calls

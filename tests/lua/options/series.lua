-- Calls for tests/lua/test_options.lua: series methods (declared in C as "s:<method>").
local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv")[1]:dropna():slice("2000", "2010")


local iva = data.read_csv("examples/data/cn_industrial_value_added_monthly.csv")
local m2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_100m_cny:log()
local gdp = data.read_csv("examples/data/us_gdp_fred_quarterly.csv").gdpc1:slice("2000", "2010")
require "tenor.disagg"   -- loaded on first use: load it so its declaration is checked
return {
  ["s:to(chow-lin)"] = function(o) return gdp:to("M", "chow-lin", o) end,
  ["s:stl"] = function(o) return m2:stl(o) end,
  -- the policy is required, so the no-options call supplies one
  ["s:fill_janfeb"] = function(o) return iva.iva_yoy_pct:fill_janfeb(o == nil and {from = "feb"} or o) end,
  ["s:rolling"] = function(o) return ip:rolling(12, o and o.q and "quantile" or "mean", o) end,
  ["s:expanding"] = function(o) return ip:expanding(o and o.q and "quantile" or "mean", o) end,
  ["s:zscore"] = function(o) return ip:zscore(options_with(o, {window = 24})) end,
  ["s:pct_rank"] = function(o) return ip:pct_rank(options_with(o, {window = 24})) end,
  ["s:ewma"] = function(o)
    if type(o) == "table" and (o.alpha or o.halflife or o.span or o.com) then return ip:ewma(o) end
    return ip:ewma(options_with(o, {alpha = 0.5}))
  end,
  ["s:fill"] = function(o) return ip:fill("ffill", o) end,
  ["s:std"] = function(o) return ip:std(o) end,
  ["s:var"] = function(o) return ip:var(o) end,
  ["s:to"] = function(o) return ip:to("Q", "mean", o) end,
  ["s:ytd_to_period"] = function(o) return ip:period_to_ytd():ytd_to_period(o) end,
  ["s:project_yoy"] = function(o) return ip:project_yoy(o) end,
  ["series.new"] = function(o) return series.new(options_with(o, {freq = "M", start = "2020-01", values = {1, 2}})) end,
  ["series.index_from_mom"] = function(o) return series.index_from_mom(ip:pct(), o) end,
}

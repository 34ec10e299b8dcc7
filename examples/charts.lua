-- charts.lua: a seed-style chart — nonferrous-metals PPI yoy against the S&P 500
-- on a second axis, with the months when the PPI component is falling shaded,
-- and a contributions bar chart. Writes examples/charts/*.png (committed as
-- reference renderings) and prints a terminal chart.
-- Data: BLS PPI WPU102 via FRED; S&P 500 monthly from Robert Shiller (SOURCES.md).
local dir = (arg and arg[0] or ""):match("^(.*)/") or "."
local out = arg[1] or (dir .. "/charts")
local ppi = assert(data.read_csv(dir .. "/data/us_ppi_monthly.csv"))
local spx = assert(data.read_csv(dir .. "/data/us_sp500_shiller_monthly.csv")).sp500:slice("1995-01")
local nonferrous = ppi.ppi_nonferrous_metals:yoy():slice("1995-01"):rename("有色金属 PPI 同比 (nonferrous PPI yoy, %)")
local falling = nonferrous:lt(0)

local png = plot.line{nonferrous, y2 = {spx:rename("S&P 500")}, shade = falling,
                      title = "PPI定股: nonferrous-metals PPI yoy and the S&P 500 (shaded: PPI yoy < 0)",
                      ylabel = "%", y2label = "index", out = out .. "/ppi_equities.png"}
print("wrote " .. png)

-- contributions of two PPI blocks to a simple two-part aggregate's yoy
local metals, fuels = ppi.ppi_metals:slice("2015-01"), ppi.ppi_fuels_power:slice("2015-01")
local c = indexnum.contributions{parts = {metals = metals, fuels = fuels}}
local bars = plot.bar{parts = {c.metals:rename("metals"), c.fuels:rename("fuels and power")},
                      total = c.growth:rename("total yoy %"),
                      title = "Contributions to the yoy of metals + fuels PPI (pp)", out = out .. "/contributions.png"}
print("wrote " .. bars)
print(nonferrous:slice("2019"):spark())
plot.term(nonferrous:slice("2015"), {height = 10, no_color = true})

--[[ The triangle model of China CPI inflation (the seed's "三角模型").

CPI yoy explained by money (M2 yoy), demand (an output gap) and costs (an
oil price), as desk notes write it — first the static regression the seed
quotes (R² ~ 80%), then with the lag structure chosen by ARDL/AIC, with the
diagnostics an EViews user would run, and the R² the bundled data give.

Inputs (bundled data, examples/data):
  CPI     cn_cpi_monthly.csv, national_yoy_pct (NBS, 上年同月=100 less 100)
  M2      cn_money_supply_monthly.csv, m2_yoy_pct (PBoC)
  gap     cn_industrial_value_added_monthly.csv: industrial value added yoy
          (NBS; January and February, which NBS publishes only combined, take
          the Jan-Feb year-to-date yoy), minus its HP trend (λ = 14400): the
          output gap of industry measured in growth rates
  oil     us_ppi_monthly.csv, ppi_crude_petroleum (US PPI for domestic crude,
          BLS WPU0561 via FRED) as yoy %: the oil proxy. China's own PPI for
          oil and gas extraction (shared data) starts only in 2014.
Outputs: the static fit, the ARDL model with its long-run coefficients, the
diagnostics of both and a one-line verdict on R² (returned as fields).

  tenor -e 'require("models.triangle"):run{max_order = 6}'
]]

local function iva_filled(ds)
  local yoy, ytd = ds.iva_yoy_pct, ds.iva_ytd_yoy_pct
  local v, d = yoy:values(), yoy:dates()
  local ytdv = ytd:slice(d[1], d[#d]):values()
  for i = 1, #v do
    local month = d[i]:sub(6, 7)
    if v[i] ~= v[i] and (month == "01" or month == "02") then
      -- the Jan-Feb figure: February's year-to-date yoy
      local feb = month == "01" and i + 1 or i
      v[i] = ytdv[feb] or NA
    end
  end
  local s = series.new{freq = "M", start = d[1], values = v}
  s.name = "iva_yoy"
  return s:trim()
end

return script{
  name = "models.triangle",
  description = "China CPI yoy on M2 yoy, an industrial output gap and oil: static fit, ARDL lags by AIC, diagnostics",
  params = {
    {"start", "period", "2010-01", "first month of the sample (after the 2008-09 swings)"},
    {"lambda", "number", 14400, "HP smoothing of the industrial growth trend"},
    {"max_lags", "integer", 3, "most CPI lags the ARDL search tries"},
    {"max_order", "integer", 6, "most lags of each driver the ARDL search tries"},
  },
  data = {"cn_cpi_monthly.csv", "cn_money_supply_monthly.csv", "cn_industrial_value_added_monthly.csv",
          "us_ppi_monthly.csv"},

  main = function(p, ctx)
    local cpi = ctx.read("cn_cpi_monthly.csv").national_yoy_pct
    local m2 = ctx.read("cn_money_supply_monthly.csv").m2_yoy_pct
    local iva = iva_filled(ctx.read("cn_industrial_value_added_monthly.csv"))
    local oil = ctx.read("us_ppi_monthly.csv").ppi_crude_petroleum:yoy()
    local _, gap = filter.hp(iva, {lambda = p.lambda})
    cpi.name, m2.name, gap.name, oil.name = "cpi", "m2", "gap", "oil"
    cpi = cpi:slice(p.start)
    local xs = {m2 = m2, gap = gap, oil = oil}

    local static = regress.ols(cpi, xs)
    ctx.print("1. Static triangle regression (the seed's form), classical errors")
    ctx.print(tostring(static))
    ctx.print(tostring(static:diagnostics{lags = 12}))

    local ardl = tsa.ardl(cpi, xs, {max_lags = p.max_lags, max_order = p.max_order, select = "aic"})
    ctx.print("\n2. ARDL, lags by AIC")
    ctx.print(tostring(ardl))
    ctx.print(tostring(ardl.fit:diagnostics{lags = 12}))

    local verdict = ("R² of the static fit %.2f over %s .. %s (the seed quotes ~0.80); the ARDL's %.2f comes mostly " ..
      "from lagged CPI (long-run M2 effect %.3f ± %.3f)"):format(static.r2, static.first, static.last, ardl.fit.r2,
      ardl.long_run.m2 or 0, ardl.long_run_se.m2 or 0)
    ctx.print("\n" .. verdict)
    return {static = static, ardl = ardl, iva = iva, gap = gap, oil = oil, verdict = verdict,
            static_r2 = static.r2, ardl_r2 = ardl.fit.r2}
  end,
}

--[[ Volume-price divergence (量价背离): the seed's pair of regressions.

  volume: real GDP yoy (当季同比) on industrial value added yoy (当月同比,
          quarterly mean of the three months)
  price:  GDP deflator yoy on PPI yoy and CPI yoy (quarterly means)
The fitted volume and price series are compared; their gap (price − volume,
pp) is the divergence.

Data (NBS via Eastmoney, examples/data/SOURCES.md):
  real GDP yoy   cn_gdp_real_yoy_releases.csv: each release refers to the
                 quarter before the one it came out in, so it is re-dated
                 (the last release within a quarter counts);
  deflator yoy   100·((1 + n/100)/(1 + r/100) − 1), n the yoy of single-quarter
                 nominal GDP de-cumulated from cn_gdp_ytd_quarterly.csv;
  value added    cn_industrial_value_added_monthly.csv. NBS publishes no
                 January: in a year without one, January and February both
                 take the Jan–Feb year-to-date rate (janfeb = "ytd", the
                 default; 2008–14 the February cell is February's own month,
                 from 2015 it is empty). janfeb = "feb" copies February's cell
                 into January instead (the old treatment, for comparison).
A quarter is used only when all three months are present. The services
production index is not bundled, so the volume regression uses industry
alone. Both fits are OLS with Newey-West (Bartlett) HAC standard errors,
no small-sample factor, as statsmodels' cov_type = "HAC" (checked against
it in tests/lua/test_china.lua: R² 0.897, slope 0.609, 58 quarters).

  tenor run models.volume_price --market cn --hac_lag 4
]]

local function inputs(ctx, p)
  local real = ctx.read("cn_gdp_real_yoy_releases.csv").gdp_real_yoy_pct:to("Q", "last"):redate(-1)
  local nominal = ctx.read("cn_gdp_ytd_quarterly.csv").gdp_ytd_100m_cny:ytd_to_period():yoy()
  local deflator = ((nominal / 100 + 1) / (real / 100 + 1) - 1) * 100
  local ivaf = ctx.read("cn_industrial_value_added_monthly.csv")
  local from = p.janfeb == "ytd" and ivaf.iva_ytd_yoy_pct or "feb"
  local iva = ivaf.iva_yoy_pct:fill_janfeb{from = from}
  if p.janfeb == "feb" then   -- from 2015 February is empty as well: only the YTD rate exists
    iva = iva:fill_janfeb{from = ivaf.iva_ytd_yoy_pct}
  end
  return {real = real:rename("real GDP yoy"), deflator = deflator:rename("deflator yoy"),
          iva = iva:to("Q", "mean"):rename("iva"),
          ppi = ctx.read("cn_ppi_monthly.csv").ppi_yoy_pct:to("Q", "mean"):rename("ppi"),
          cpi = ctx.read("cn_cpi_monthly.csv").national_yoy_pct:to("Q", "mean"):rename("cpi")}
end

return script{
  name = "models.volume_price",
  description = "real GDP yoy on industrial value added (volume), the deflator on PPI and CPI (price); the gap is the divergence",
  params = {
    {"market", "string", "cn", "cn only (the seed's series are China's)"},
    {"start", "period", "2006Q1", "first quarter of the sample (the data set the true start)"},
    {"end", "period", "2025Q4", "last quarter of the sample"},
    {"hac_lag", "integer", 4, "Newey-West lags for the standard errors"},
    {"janfeb", "string", "ytd", "ytd: January and February both take the Jan-Feb YTD rate; feb: January copies February"},
    {"last", "integer", 8, "quarters of the divergence table printed"},
  },
  data = {"cn_gdp_real_yoy_releases.csv", "cn_gdp_ytd_quarterly.csv", "cn_industrial_value_added_monthly.csv",
          "cn_ppi_monthly.csv", "cn_cpi_monthly.csv"},

  main = function(p, ctx)
    if p.market ~= "cn" then error("volume_price: market must be 'cn' (the bundled series are China's), got " .. p.market, 0) end
    if p.janfeb ~= "ytd" and p.janfeb ~= "feb" then error("volume_price: janfeb must be 'ytd' or 'feb', got " .. p.janfeb, 0) end
    local d = inputs(ctx, p)
    local function cut(s) return s:slice(p.start, p["end"]) end
    local hac = {cov = "HAC", lag = p.hac_lag}
    local out = {inputs = d}
    out.volume = regress.ols(cut(d.real), {iva = cut(d.iva)}, hac)
    out.price = regress.ols(cut(d.deflator), {ppi = cut(d.ppi), cpi = cut(d.cpi)}, hac)
    out.volume_fitted = out.volume.fitted:rename("volume (fitted)")
    out.price_fitted = out.price.fitted:rename("price (fitted)")
    out.gap = (out.price_fitted - out.volume_fitted):rename("price − volume")
    ctx.print(("Volume-price divergence (cn; Jan-Feb: %s)"):format(
      p.janfeb == "ytd" and "January and February = Jan-Feb YTD rate" or "January copies February"))
    ctx.print(tostring(out.volume) .. "\n")
    ctx.print(tostring(out.price) .. "\n")
    local gap = dataset.new{out.volume_fitted, out.price_fitted, out.gap}
    ctx.print(gap:table{last = p.last})
    return out
  end,
}

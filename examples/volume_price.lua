-- volume_price.lua: the "volume-price divergence" (量价背离) pair of regressions
-- on bundled China data (NBS via Eastmoney; examples/data/SOURCES.md):
--   volume: real GDP yoy (当季同比)      on industrial value added yoy (quarterly mean)
--   price:  GDP deflator yoy             on PPI yoy and CPI yoy (quarterly means)
-- The services production index is not in the bundled data, so the volume
-- regression uses industry alone.
local dir = (arg and arg[0] or ""):match("^(.*)/") or "."
local function load(name) return assert(data.read_csv(dir .. "/data/" .. name)) end

-- Real GDP yoy: the file lists NBS releases by release date; each refers to
-- the quarter before the one it was released in, so re-date it.
local real_yoy = load("cn_gdp_real_yoy_releases.csv").gdp_real_yoy_pct:to("Q", "last"):redate(-1)
real_yoy.name = "gdp_real_yoy"

-- Nominal GDP: year-to-date levels -> single quarters -> yoy; the implicit
-- deflator's yoy is 100·((1 + n/100)/(1 + r/100) − 1).
local gdp = load("cn_gdp_ytd_quarterly.csv").gdp_ytd_100m_cny:ytd_to_period()
local nominal_yoy = gdp:yoy()
local deflator_yoy = ((nominal_yoy / 100 + 1) / (real_yoy / 100 + 1) - 1) * 100
deflator_yoy.name = "deflator_yoy"

-- Monthly indicators to quarterly means. Industrial value added has no
-- January release; from 2015 February's single-month figure is empty too and
-- only the Jan-Feb year-to-date rate exists: use it for both months.
local iva_file = load("cn_industrial_value_added_monthly.csv")
local iva = iva_file.iva_yoy_pct:fill_janfeb()
local janfeb = iva_file.iva_ytd_yoy_pct
local v, dates = iva:values(), iva:dates()
for i, d in ipairs(dates) do
  if v[i] ~= v[i] and d:match("%-0[12]$") then
    local feb = d:sub(1, 5) .. "02"
    v[i] = janfeb:at(feb) or v[i]
  end
end
iva = series.new{freq = "M", start = iva.start, values = v, n = #v, name = "iva_yoy"}
local iva_q = iva:to("Q", "mean")
local ppi_q = load("cn_ppi_monthly.csv").ppi_yoy_pct:to("Q", "mean")
local cpi_q = load("cn_cpi_monthly.csv").national_yoy_pct:to("Q", "mean")

local volume = regress.ols(real_yoy, {iva = iva_q}, {cov = "HAC", lag = 4})
print(volume)
print()
local price = regress.ols(deflator_yoy, {ppi = ppi_q, cpi = cpi_q}, {cov = "HAC", lag = 4})
print(price)

-- the divergence: fitted price growth against fitted volume growth, last 8 quarters
local gap = dataset.new{volume.fitted:rename("volume (fitted)"), price.fitted:rename("price (fitted)")}
print("\n" .. gap:table{last = 8})

--[[ Runs the example of every help entry (tenor.doc), for test_help_examples.lua.

Run from a scratch folder that holds a link `examples` to the repository's
examples/ (the examples write files such as out.csv and team.db where they
stand). Each example runs in its own environment in which the names below
are bound, and any other name must be a global of tenor: an example that
uses a name nobody defined fails instead of passing on nil. Output of the
examples (print, plots) goes to stdout; one line per failure,
"FAIL<TAB>key<TAB>message", then "examples: N run, M failed".

The names an example may use (bundled data: examples/data/SOURCES.md):
  cpi        US CPI-U, not seasonally adjusted, index, monthly
  ppi        US PPI, all commodities, index, monthly
  ip         US industrial production, index, monthly
  gdp        US nominal GDP, $bn SAAR, quarterly;  gdpc1  real GDP (chained 2017 $)
  spx        S&P 500, monthly average (Shiller);  spx_div  its dividends, annual rate
  gs10       US 10-year Treasury yield, %, monthly
  spread     US 10-year minus 3-month Treasury yield, pp, monthly
  sse        Shanghai Composite close, business days
  gdp_ytd    China nominal GDP year to date, 100m CNY, quarterly;  cn_gdp  per quarter
  iva_yoy    China industrial value added, yoy %, monthly (no January figures)
  iva        the whole China industrial value added file (a dataset)
  releases   China real GDP growth by release date (daily dates)
  gap        the HP cycle of log ip (two-sided: marked as looking ahead)
  ds         dataset.new{cpi:yoy():rename('cpi'), ppi:yoy():rename('ppi')}
  fit        regress.ols(cpi:yoy(), {ppi = ppi:yoy()})
  tp         signal.turning_points(ppi:yoy():dropna())
  r          rule{name = 'PPI trough', signal = tp:troughs(), asset = spx}
  db         a fresh store holding cn.cpi and cn.ppi (two vintages each)
  small made-up index-number inputs: prices, quantities (annual, food and
  energy); deflators, volumes (quarterly); consumption, investment,
  net_exports (quarterly, current prices); real_c, real_i, nom_c, nom_i
  (annual volumes and values)
]]

local function read(file) return assert(data.read_csv("examples/data/" .. file)) end
local function annual(values) return series.new{freq = "A", start = "2019", values = values} end
local function quarterly(values) return series.new{freq = "Q", start = "2021-Q1", values = values} end

local B = {}
B.cpi = read("us_cpi_u_nsa_monthly.csv").cpi_u_nsa:rename("cpi")
B.ppi = read("us_ppi_monthly.csv").ppi_all_commodities:rename("ppi")
B.ip = read("us_industrial_production_monthly.csv").indpro:rename("ip")
local us_gdp = read("us_gdp_fred_quarterly.csv")
B.gdp, B.gdpc1 = us_gdp.gdp:rename("gdp"), us_gdp.gdpc1:rename("gdpc1")
local shiller = read("us_sp500_shiller_monthly.csv")
B.spx, B.spx_div = shiller.sp500:rename("spx"), shiller.dividend:rename("spx_div")
local rates = read("us_rates_fred_monthly.csv")
B.gs10 = read("us_treasury_10y_monthly.csv").tsy_10y:rename("gs10")
B.spread = (rates.tsy_10y - rates.tbill_3m):rename("spread")
B.sse = read("cn_shanghai_composite_daily.csv").close:rename("sse")
B.gdp_ytd = read("cn_gdp_ytd_quarterly.csv").gdp_ytd_100m_cny:rename("gdp_ytd")
B.cn_gdp = B.gdp_ytd:ytd_to_period():rename("cn_gdp")
B.iva_yoy = read("cn_industrial_value_added_monthly.csv").iva_yoy_pct:rename("iva_yoy")
B.iva = read("cn_industrial_value_added_monthly.csv")
B.releases = read("cn_gdp_real_yoy_releases.csv").gdp_real_yoy_pct:rename("releases")
B.gap = select(2, filter.hp(B.ip:log()))
B.ds = dataset.new{B.cpi:yoy():rename("cpi"), B.ppi:yoy():rename("ppi")}
B.fit = regress.ols(B.cpi:yoy(), {ppi = B.ppi:yoy()})
B.tp = signal.turning_points(B.ppi:yoy():dropna())
B.r = rule{name = "PPI trough", signal = B.tp:troughs(), asset = B.spx}
B.prices = {food = annual{100, 103, 108, 115, 118}, energy = annual{100, 90, 120, 150, 130}}
B.quantities = {food = annual{50, 51, 50, 49, 50}, energy = annual{20, 21, 19, 17, 18}}
B.deflators = {c = quarterly{100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111},
               i = quarterly{100, 100, 99, 99, 98, 98, 99, 100, 101, 101, 102, 103}}
B.volumes = {c = quarterly{500, 505, 510, 512, 515, 520, 522, 525, 530, 534, 536, 540},
             i = quarterly{200, 210, 205, 215, 220, 218, 225, 230, 228, 235, 240, 238}}
B.consumption = quarterly{500, 510, 520, 530, 540, 552, 560, 571, 580, 592, 600, 612}
B.investment = quarterly{200, 205, 210, 212, 215, 214, 220, 226, 230, 228, 236, 240}
B.net_exports = quarterly{20, 18, 22, 25, 21, 19, 24, 26, 23, 22, 25, 27}
B.real_c, B.real_i = annual{100, 103, 105, 108, 111}, annual{50, 52, 49, 53, 55}
B.nom_c, B.nom_i = annual{100, 105, 110, 118, 124}, annual{50, 53, 52, 58, 62}

-- made fresh for each example that uses them (examples close and delete)
local serial = 0
local FRESH = {
  db = function()
    serial = serial + 1
    local db = store.open(("examples_%d.db"):format(serial))
    local cn_cpi = read("cn_cpi_monthly.csv").national_yoy_pct
    local cn_ppi = read("cn_ppi_monthly.csv").ppi_yoy_pct
    db:put("cn.cpi", cn_cpi:slice(nil, "2024-04"), {unit = "%", source = "NBS", vintage = "2024-05-10"})
    db:put("cn.cpi", cn_cpi, {unit = "%", source = "NBS", vintage = "2024-06-10"})
    db:put("cn.ppi", cn_ppi:slice(nil, "2024-04"), {unit = "%", source = "NBS", vintage = "2024-05-10"})
    db:put("cn.ppi", cn_ppi, {unit = "%", source = "NBS", vintage = "2024-06-10"})
    return db
  end,
}

local function environment()
  local made = {}
  return setmetatable({}, {__index = function(_, k)
    if FRESH[k] then
      made[k] = made[k] or FRESH[k]()
      return made[k]
    end
    local v = B[k]
    if v == nil then v = _G[k] end
    if v == nil then error(("undefined name '%s'"):format(tostring(k)), 2) end
    return v
  end})
end

local entries = tenor.docs
local keys = {}
for k in pairs(entries) do keys[#keys + 1] = k end
table.sort(keys)

local failed = 0
for _, key in ipairs(keys) do
  local ex, env = entries[key].ex, environment()
  -- an expression is returned, as the REPL would show it; else a block
  local chunk, err = load("return " .. ex, "=" .. key, "t", env)
  if not chunk then chunk, err = load(ex, "=" .. key, "t", env) end
  local ok = chunk ~= nil
  if ok then ok, err = pcall(chunk) end
  if not ok then
    failed = failed + 1
    io.write("FAIL\t", key, "\t", tostring(err):gsub("\n", " "), "\n")
  end
end
io.write(("examples: %d run, %d failed\n"):format(#keys, failed))

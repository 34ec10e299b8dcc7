-- quickstart.lua: US consumer and producer price inflation, side by side.
-- Data: BLS CPI-U and PPI via FRED (examples/data/SOURCES.md).
local dir = (arg and arg[0] or ""):match("^(.*)/") or "."
local cpi = assert(data.read_csv(dir .. "/data/us_cpi_fred_monthly.csv"))
local ppi = assert(data.read_csv(dir .. "/data/us_ppi_monthly.csv"))

-- year-on-year inflation in percent: 100 * (x_t / x_{t-12} - 1)
local inflation = dataset.new{
  cpi.cpi_all_nsa:yoy():rename("CPI yoy %"),
  ppi.ppi_all_commodities:yoy():rename("PPI yoy %"),
}
print(inflation:table{last = 24})

local cpi_yoy, ppi_yoy = inflation[1], inflation[2]
local r_all, n_all = cpi_yoy:corr(ppi_yoy)
local r_recent, n_recent = cpi_yoy:slice("2000-01"):corr(ppi_yoy:slice("2000-01"))
print(("\ncorrelation of CPI and PPI inflation: %.3f over %d months; %.3f since 2000 (%d months)")
      :format(r_all, n_all, r_recent, n_recent))

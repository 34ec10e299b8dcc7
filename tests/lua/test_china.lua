-- The seed rules on China's own data (scripts/models/volume_price.lua,
-- scripts/rules/*.lua with market = "cn", scripts/models/fiscal_revenue.lua):
-- each script's figures against an independent recomputation from the raw
-- CSV columns, either by hand in plain Lua loops here or by a peer whose
-- output is recorded under tests/fixtures/ with the script that made it.
local DATA = tenor.home .. "/examples/data/"
local function read(file) return assert(data.read_csv(DATA .. file)) end

-- a fixture as rows: fixture[case][name] = {coef, se}
local function fixture(path)
  local out, header = {}, true
  for line in io.lines(path) do
    if header then header = false else
      local f = {}
      for cell in (line .. ","):gmatch("([^,]*),") do f[#f + 1] = cell end
      out[f[1]] = out[f[1]] or {}
      out[f[1]][f[2]] = {tonumber(f[3]), tonumber(f[4])}
    end
  end
  return out
end

---------------------------------------------------------------------------
-- volume-price: statsmodels 0.13.5, tests/fixtures/make_statsmodels_volume_price.py
local sm = fixture("tests/fixtures/statsmodels_volume_price.csv")
local vp = require "models.volume_price"
local function same_fit(fit, case, names)
  local ref = sm[case]
  eq(fit.nobs, math.tointeger(ref.nobs[1]), case .. " quarters")
  near(fit.r2, ref.rsquared[1], 1e-10, case .. " R²")
  for _, n in ipairs(names) do
    near(fit.coef[n], ref[n][1], 1e-9 * math.max(1, math.abs(ref[n][1])), case .. " coef " .. n)
    near(fit.se[n], ref[n][2], 1e-9, case .. " HAC se " .. n)
  end
end
local ytd = vp:run({}, {quiet = true})
same_fit(ytd.volume, "volume_ytd", {"const", "iva"})
same_fit(ytd.price, "price", {"const", "ppi", "cpi"})
eq(ytd.volume.fitted.start, "2010Q4")
eq(("%.3f %.3f %d"):format(ytd.volume.r2, ytd.volume.coef.iva, ytd.volume.nobs), "0.897 0.609 58", "the seed figures")
local feb = vp:run({janfeb = "feb"}, {quiet = true})
same_fit(feb.volume, "volume_feb", {"const", "iva"})
eq(("%.3f"):format(feb.volume.r2), "0.851", "copying February: the old figure")
same_fit(vp:run({["end"] = "2014Q4"}, {quiet = true}).volume, "volume_ytd_to2014", {"const", "iva"})
same_fit(vp:run({["end"] = "2014Q4", janfeb = "feb"}, {quiet = true}).volume, "volume_feb_to2014", {"const", "iva"})
-- the treated quarter by hand: 2012Q1 = (11.4 + 11.4 + 11.9) / 3 from the file's cells
near(ytd.inputs.iva:at("2012Q1"), (11.4 + 11.4 + 11.9) / 3, 1e-12, "2012Q1 from the Jan-Feb YTD rate and March")
near(feb.inputs.iva:at("2012Q1"), (21.3 + 21.3 + 11.9) / 3, 1e-12, "2012Q1 copying February")
local lag0 = vp:run({hac_lag = 0}, {quiet = true}).volume
eq(lag0.coef.iva, ytd.volume.coef.iva, "the lag changes the errors only"); check(lag0.se.iva ~= ytd.volume.se.iva, "hac_lag is used")
checkerr(function() vp:run({market = "us"}, {quiet = true}) end, "market must be 'cn'")
checkerr(function() vp:run({janfeb = "split"}, {quiet = true}) end, "janfeb must be 'ytd' or 'feb'")

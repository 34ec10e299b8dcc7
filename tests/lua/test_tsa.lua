-- tsa: unit-root, stationarity, Granger and Engle-Granger tests against
-- statsmodels 0.13.5 on bundled data (tests/fixtures/make_statsmodels_tsa.py
-- made tests/fixtures/statsmodels_tsa.csv), and the errors for bad input.
local ref = read_cases("tests/fixtures/statsmodels_tsa.csv")


local rates = data.read_csv("examples/data/us_rates_fred_monthly.csv")
local t10, t1, t5 = rates.tsy_10y, rates.tsy_1y, rates.tsy_5y
local cn_cpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local cn_m2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_yoy_pct
local indpro = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:log()

local function same(r, case, keys)
  local want = ref[case]
  check(want ~= nil, "fixture has case " .. case)
  close(r.stat, want.stat, case .. " stat")
  close(r.p, want.p, case .. " p")
  if want.lags then eq(r.lags, want.lags, case .. " lags") end
  if want.nobs then eq(r.nobs, want.nobs, case .. " nobs") end
  if want.icbest then close(r.icbest, want.icbest, case .. " icbest") end
  for _, k in ipairs(keys or {}) do close(r.crit[k], want[k], case .. " crit " .. k) end
end

local ADF = {"1%", "5%", "10%"}
same(tsa.adf(t10), "adf_t10_c_aic", ADF)
same(tsa.adf(t10, {trend = "ct", lags = 3}), "adf_t10_ct_lags3", ADF)
same(tsa.adf(t10, {trend = "n", autolag = "bic"}), "adf_t10_n_bic", ADF)
same(tsa.adf(cn_cpi, {autolag = "t"}), "adf_cncpi_c_t", ADF)
same(tsa.adf(cn_cpi, {max_lags = 6}), "adf_cncpi_c_aic_max6", ADF)
same(tsa.adf(indpro, {trend = "ct"}), "adf_indpro_ct_aic", ADF)
same(tsa.adf(cn_m2, {lags = 0}), "adf_m2_c_lags0", ADF)

local KPSS = {"10%", "5%", "2.5%", "1%"}
local k1 = tsa.kpss(t10)
same(k1, "kpss_t10_c_auto", KPSS)
eq(k1.outside, -1, "KPSS beyond the table is flagged (p really smaller)")
check(tostring(k1):find("true p is smaller", 1, true), "the flag is printed")
same(tsa.kpss(cn_cpi), "kpss_cncpi_c_auto", KPSS)
local k3 = tsa.kpss(cn_cpi, {trend = "ct", lags = 4})
same(k3, "kpss_cncpi_ct_lags4", KPSS)
eq(k3.outside, 1, "KPSS below the table: p really larger")
same(tsa.kpss(cn_m2, {lags = 12}), "kpss_m2_c_lags12", KPSS)

local function granger(y, x, lags, case)
  local g = tsa.granger(y, x, {lags = lags})
  close(g.stat, ref[case].stat, case .. " F"); close(g.p, ref[case].p, case .. " p")
  eq(g.df1, ref[case].df1, case .. " df1"); eq(g.df2, ref[case].df2, case .. " df2")
  return g
end
granger(t10, t1, 3, "granger_t10_t1_3")
local g = granger(cn_cpi, cn_m2, 6, "granger_cncpi_m2_6")
check(tostring(g):find("F(6,", 1, true), "Granger prints its F")
granger(cn_m2, cn_cpi, 12, "granger_m2_cncpi_12")

same(tsa.coint(t10, t1), "coint_t10_t1_c", ADF)
same(tsa.coint(t10, t1, {trend = "ct", autolag = "bic"}), "coint_t10_t1_ct_bic", ADF)
same(tsa.coint(t10, {t1, t5}, {lags = 2}), "coint_t10_t1_t5_c_lags2", ADF)
same(tsa.coint(cn_cpi, cn_m2), "coint_cncpi_m2_c", ADF)

-- MacKinnon's tables at hand-checked points: the asymptotic 5% value of
-- the constant case is -2.86154 (MacKinnon 2010 table 2), and at tau* the
-- two p polynomials meet within their published rounding
local C = require "tenor._tsa"
local _, crit = C._mackinnon(-2.0, "c", 1, 0)
close(crit[2], -2.86154, "asymptotic 5% critical value")
local p_lo = C._mackinnon(-1.61 - 1e-9, "c", 1)
local p_hi = C._mackinnon(-1.61 + 1e-9, "c", 1)
check(math.abs(p_lo - p_hi) < 2e-3, ("p continuous at tau*: %g vs %g"):format(p_lo, p_hi))
eq(C._mackinnon(5, "c", 1), 1.0, "p = 1 above the table")
eq(C._mackinnon(-30, "c", 1), 0.0, "p = 0 below the table")

-- bad input: errors name the function, the series and the remedy
local short = t10:slice("2000-01", "2000-12")
checkerr(function() tsa.adf(short, {lags = 6}) end, "tsa.adf: series 'tsy_10y' has 12 values; with lags = 6", "ADF too short")
checkerr(function() tsa.adf(t10 * 0 + 1) end, "is constant", "ADF constant series")
local holed = t10:slice("2000-01", "2010-12"):values()
holed[30] = NA
local hs = series.new{freq = "M", start = "2000-01", values = holed}
hs.name = "holed"
checkerr(function() tsa.adf(hs) end, "tsa.adf: series 'holed' is missing at 2002-06", "ADF internal NA")
checkerr(function() tsa.kpss(short, {lags = 20}) end, "lags (20) must be fewer", "KPSS lags")
checkerr(function() tsa.granger(short, t1, {lags = 6}) end, "lower the lags", "Granger too short")
checkerr(function() tsa.adf(t10, {lags = 2, max_lags = 4}) end, "not both", "ADF lags and max_lags")
checkerr(function() tsa.granger(t10, rates.tbill_3m:to("Q", "mean")) end, "differ in frequency", "Granger frequencies")
checkerr(function() tsa.adf({1, 2, 3}) end, "tsa.adf: s must be a series", "ADF array")

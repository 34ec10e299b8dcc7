-- Regression diagnostics (stdlib/tenor/diagnostics.lua) against statsmodels
-- 0.13.5 (tests/fixtures/make_statsmodels_diag.py -> statsmodels_diag.csv)
-- and gretl 2022c for the Chow test (make_gretl_chow.inp -> gretl_chow.csv),
-- on US CPI/PPI and China CPI/M2/PPI; then the errors.
local ref = read_cases("tests/fixtures/statsmodels_diag.csv")

local cpi = data.read_csv("examples/data/us_cpi_fred_monthly.csv").cpi_all_nsa:yoy()
local ppi = data.read_csv("examples/data/us_ppi_monthly.csv").ppi_all_commodities:yoy()
local us = regress.ols(cpi:slice("1960-01"), {ppi = ppi, ppi_l3 = ppi:lag(3)})
local ccpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local cm2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_yoy_pct
local cppi = data.read_csv("examples/data/cn_ppi_monthly.csv").ppi_yoy_pct
local cn = regress.ols(ccpi, {m2 = cm2, ppi = cppi})

local function all(fit, case, lags, power)
  local r = ref[case]
  local bg = fit:bg(lags)
  close(bg.stat, r.bg_lm, case .. " BG LM"); close(bg.p, r.bg_p, case .. " BG p")
  close(bg.f, r.bg_f, case .. " BG F"); close(bg.f_p, r.bg_fp, case .. " BG F p"); eq(bg.df, lags, case .. " BG df")
  local jb = fit:jb()
  close(jb.stat, r.jb, case .. " JB"); close(jb.p, r.jb_p, case .. " JB p")
  close(jb.skew, r.skew, case .. " skew"); close(jb.kurtosis, r.kurtosis, case .. " kurtosis")
  local w = fit:white()
  close(w.stat, r.white_lm, case .. " White LM"); close(w.p, r.white_p, case .. " White p")
  close(w.f, r.white_f, case .. " White F"); close(w.f_p, r.white_fp, case .. " White F p")
  local bp = fit:bp()
  close(bp.stat, r.bp_lm, case .. " BP LM"); close(bp.p, r.bp_p, case .. " BP p")
  close(bp.f, r.bp_f, case .. " BP F"); close(bp.f_p, r.bp_fp, case .. " BP F p")
  local rs = fit:reset(power)
  close(rs.stat, r.reset_f, case .. " RESET F"); close(rs.p, r.reset_p, case .. " RESET p")
  close(rs.chi2, r.reset_chi2, case .. " RESET chi2"); close(rs.chi2_p, r.reset_chi2_p, case .. " RESET chi2 p")
  local c = fit:cusum()
  local m = #c.w
  for _, i in ipairs{1, 2, m // 2 + 1, m} do
    close(c.w[i], r["rresid_" .. i], case .. " recursive residual " .. i)
    -- statsmodels' cumulation starts one row early, at a residual that is
    -- zero up to rounding (~1e-15)
    close(c.cusum[i], r["cusum_" .. i], case .. " CUSUM " .. i, 1e-8)
  end
  return c
end
local c = all(us, "us", 4, 3)
all(cn, "cn", 12, 4)

-- CUSUM bands: Brown, Durbin and Evans' lines, written out for m = 764
local m = 764
near(c.band[1], 0.948 * (math.sqrt(m) + 2 / math.sqrt(m)), 1e-12, "CUSUM band at the first residual")
near(c.band[m], 0.948 * 3 * math.sqrt(m), 1e-9, "CUSUM band at the last: 3a·sqrt(m)")
eq(c.crossed, true, "US CPI on PPI is not stable over 1960-2023")
eq(c.cusum:dates()[1], "1960-04", "the CUSUM starts after k = 3 rows")
-- the crossing probability at s = 0.948 is 5% (BDE's constant)
local C = require "tenor._tsa"
near(2 * (1 - C._norm_p(3 * 0.948) + math.exp(-4 * 0.948 ^ 2) * C._norm_p(0.948)), 0.05, 2e-4, "BDE 5% constant")

-- Wald, classical and HAC covariance (statsmodels' wald_test)
local w1 = us:wald("ppi + ppi_l3 = 1")
close(w1.stat, ref.us.wald1_f, "Wald F"); close(w1.p, ref.us.wald1_p, "Wald F p"); eq(w1.df1, 1); eq(w1.df2, 764)
local w2 = us:wald("ppi = 0; ppi_l3 = 0")
close(w2.chi2, ref.us.wald2_chi2, "Wald chi2"); close(w2.chi2_p, ref.us.wald2_p, "Wald chi2 p")
-- the joint zero restriction is the regression's F
close(w2.stat, us.f, "Wald F of all slopes = the fit's F", 1e-10)
local hac = regress.ols(cpi:slice("1960-01"), {ppi = ppi, ppi_l3 = ppi:lag(3)}, {cov = "HAC", lag = 12, use_t = false})
local w3 = hac:wald("2*ppi - ppi_l3 = 0.5, const = 3")
close(w3.stat, ref.us.wald_hac_f, "Wald F with HAC"); close(w3.p, ref.us.wald_hac_p, "Wald HAC p")
-- rearranged text gives the same restriction
close(hac:wald("2 * ppi = ppi_l3 + 0.5, 3 = const").stat, ref.us.wald_hac_f, "Wald restriction rearranged")

-- Chow against gretl
for line in io.lines("tests/fixtures/gretl_chow.csv") do
  local at, f, p = line:match("^(%d+%-%d+),([^,]+),([^,]+)$")
  if at then
    local ch = us:chow(at)
    close(ch.stat, tonumber(f), "Chow F at " .. at); close(ch.p, tonumber(p), "Chow p at " .. at)
    eq(ch.df1, 3); eq(ch.df2, 761)
  end
end

-- the summary table
local d = us:diagnostics{lags = 4, chow = "1990-01"}
close(d.bg.stat, ref.us.bg_lm, "diagnostics() carries bg")
local text = tostring(d)
for _, w in ipairs{"Breusch-Godfrey", "Jarque-Bera", "White", "Breusch-Pagan", "RESET", "Chow break at 1990-01", "CUSUM"} do
  check(text:find(w, 1, true), "diagnostics() prints " .. w)
end
check(tostring(us:bg(4)):find("chi²(4)", 1, true), "BG prints its distribution")

-- errors
checkerr(function() us:wald("ppi + cpi = 1") end, "fit:wald: the fit has no regressor 'cpi' (regressors: const, ppi, ppi_l3)", "Wald unknown name")
checkerr(function() us:wald("ppi*ppi_l3 = 1") end, "restrictions must be linear", "Wald nonlinear")
checkerr(function() us:wald("ppi = 0, 2*ppi = 0") end, "linearly dependent", "Wald dependent")
checkerr(function() us:wald("ppi") end, "one '='", "Wald no equals")
checkerr(function() us:chow("1960-02") end, "the first regime has 1 rows for 3 coefficients", "Chow too early")
checkerr(function() us:bg(0) end, "positive integer", "BG lags")
local short = regress.ols(cpi:slice("2000-01", "2000-08"), {ppi = ppi})
checkerr(function() short:bg(6) end, "lower the lags", "BG too many lags")
local nc = regress.ols(cpi:slice("1960-01"), {ppi = ppi}, {const = false})
checkerr(function() nc:white() end, "needs a fit with a constant", "White without constant")
checkerr(function() regress.ols({1, 2, 3, 5}, {{1, 2, 3, 4}}):chow("2000") end, "time-series fit", "Chow cross section")
-- eleven regressors and a constant: White's 78 products exceed the OLS limit
local many = {}
for l = 0, 10 do many["ppi_l" .. l] = ppi:lag(l) end
local big = regress.ols(cpi:slice("1960-01"), many)
checkerr(function() big:white() end, "fit:white: with 12 regressors the auxiliary regression has 78 columns (at most 64); use fit:bp()", "White too big")
check(big:diagnostics().white == nil and big:diagnostics().bp ~= nil, "diagnostics() leaves White out, keeps Breusch-Pagan")

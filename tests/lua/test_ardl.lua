-- tsa.ardl against statsmodels 0.13.5 (make_statsmodels_ardl.py ->
-- statsmodels_ardl.csv): order selection by AIC and BIC, coefficients,
-- standard errors and a long-run coefficient; China CPI on M2 and PPI.
local ref = read_cases("tests/fixtures/statsmodels_ardl.csv")
local cpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local m2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_yoy_pct
local ppi = data.read_csv("examples/data/cn_ppi_monthly.csv").ppi_yoy_pct
cpi.name = "cpi"

local function coefs(m, case)
  local r = ref[case]
  for _, nm in ipairs(m.fit.names) do
    close(m.fit.coef[nm], r["coef|" .. nm], case .. " coefficient " .. nm)
    if r["se|" .. nm] then close(m.fit.se[nm], r["se|" .. nm], case .. " se " .. nm) end
  end
  eq(m.fit.nobs, r.nobs, case .. " nobs")
end

for _, ic in ipairs{"aic", "bic"} do
  local m = tsa.ardl(cpi, {m2 = m2, ppi = ppi}, {max_lags = 4, max_order = 4, select = ic})
  local r = ref["select_" .. ic]
  eq(m.lags, r.lags, ic .. " lags")
  eq(m.order.m2 or -1, r.order_m2, ic .. " order of m2")
  eq(m.order.ppi or -1, r.order_ppi, ic .. " order of ppi")
  local best = math.huge
  for _, e in ipairs(m.selection.models) do best = math.min(best, e[ic]) end
  close(best, r.ic, ic .. " criterion of the chosen model")
  eq(#m.selection.models, 5 * 6 * 6, "every combination tried")
  coefs(m, "select_" .. ic)
end

local fixed = tsa.ardl(cpi, {m2 = m2, ppi = ppi}, {lags = 2, order = {m2 = 1, ppi = 2}})
coefs(fixed, "fixed")
close(fixed.long_run.m2, ref.fixed.lr_m2, "long-run effect of M2")
-- the delta-method variance written out for the constant's long run:
-- g = c/(1-φ1-φ2); ∇g = (1/(1-Σφ), g/(1-Σφ), g/(1-Σφ)) over (const, cpi.L1, cpi.L2)
local f = fixed.fit
local d = 1 - f.coef["cpi.L1"] - f.coef["cpi.L2"]
local g = f.coef.const / d
local grad = {[1] = 1 / d, [2] = g / d, [3] = g / d}      -- const, cpi.L1, cpi.L2 are the first three
local v = 0
for a = 1, 3 do for b = 1, 3 do v = v + grad[a] * f.cov[a][b] * grad[b] end end
eq(f.names[2], "cpi.L1"); eq(f.names[3], "cpi.L2")
close(fixed.long_run_se.const, math.sqrt(v), "long-run constant's delta-method se", 1e-12)
check(tostring(fixed):find("long-run coefficients", 1, true), "ARDL prints the long run")
-- the fit is a regress.ols fit: diagnostics work on it
check(fixed.fit:bg(4).p >= 0, "fit:bg on an ARDL fit")

checkerr(function() tsa.ardl(cpi, {m2 = m2}, {lags = 2}) end, "give both lags and order", "lags without order")
checkerr(function() tsa.ardl(cpi:slice("2010-01", "2010-08"), {m2 = m2}, {max_lags = 4, max_order = 4}) end,
         "lower max_lags or max_order", "too short to select")
checkerr(function() tsa.ardl(cpi, 3) end, "xs must be", "xs not series")

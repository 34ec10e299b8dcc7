-- regress.probit and regress.logit against statsmodels 0.13.5
-- (make_statsmodels_binary.py -> statsmodels_binary.csv): a recession
-- signal (US industrial production down on the year, 12 months ahead) on
-- the term spread; then the errors.
local ref = read_cases("tests/fixtures/statsmodels_binary.csv")
local r = data.read_csv("examples/data/us_rates_fred_monthly.csv")
local spread = r.tsy_10y - r.tbill_3m
local ipy = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:yoy()
local down = ipy:lead(12):lt(0)
down.name = "ip_down_12m"

local function compare(m, case)
  local c = ref[case]
  for _, nm in ipairs(m.names) do
    close(m.coef[nm], c["coef|" .. nm], case .. " coefficient " .. nm)
    close(m.se[nm], c["se|" .. nm], case .. " se " .. nm, 1e-7)
    close(m.p[nm], c["p|" .. nm], case .. " p " .. nm, 1e-7)
    if nm ~= "const" then close(m.ame[nm], c["ame|" .. nm], case .. " AME " .. nm) end
  end
  close(m.loglik, c.loglik, case .. " log-likelihood"); close(m.llnull, c.llnull, case .. " null")
  close(m.mcfadden_r2, c.r2, case .. " McFadden R2"); close(m.aic, c.aic, case .. " aic"); close(m.bic, c.bic, case .. " bic")
  eq(m.nobs, c.nobs, case .. " nobs")
  local f = m.fitted:dropna():values()
  close(f[1], c.fitted_first, case .. " first fitted probability"); close(f[#f], c.fitted_last, case .. " last")
end
local p1 = regress.probit(down, {spread = spread})
compare(p1, "probit_spread")
compare(regress.logit(down, {ipy = ipy, spread = spread}), "logit_spread_ipy")
compare(regress.probit(down, {ipy = ipy, spread = spread}), "probit_spread_ipy")
eq(p1.fitted:dates()[1], "1953-04", "fitted probabilities are dated")
check(tostring(p1):find("McFadden", 1, true), "the model prints its fit")

-- errors
checkerr(function() regress.probit(ipy, {spread = spread}) end, "regress.probit: y must be 0 or 1", "non-binary y")
checkerr(function() regress.logit(down * 0, {spread = spread}) end, "y is 0 in all", "constant y")
-- separation: x > 0 exactly when y = 1
local y = series.new{freq = "M", start = "2000-01", values = {0, 0, 0, 1, 1, 1, 0, 1}}
local x = series.new{freq = "M", start = "2000-01", values = {-3, -2, -1, 1, 2, 3, -4, 5}}
checkerr(function() regress.logit(y, {x = x}) end, "separation", "perfect separation")

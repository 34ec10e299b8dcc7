-- regress.ols against the NIST StRD certified values (Longley, Wampler1,
-- Wampler2), against statsmodels 0.13.5 (classical, HC1, HC3 and HAC; the
-- fixture and the script that made it are in tests/fixtures/), and the
-- errors: collinearity names the regressors, frequencies must match.
-- the fixture is not dated: read it as plain rows
local ref = {}
for line in io.lines("tests/fixtures/statsmodels_ols.csv") do
  local case, name, coef, se, t, p = line:match("^([^,]+),([^,]+),([^,]*),([^,]*),([^,]*),([^,]*)$")
  if case and case ~= "case" then
    ref[case] = ref[case] or {}
    ref[case][name] = {coef = tonumber(coef), se = tonumber(se), t = tonumber(t), p = tonumber(p)}
  end
end

local function rel(a, b) return math.abs(a - b) / math.max(math.abs(b), 1e-300) end
local function digits(a, b) return a == b and 17 or -math.log(rel(a, b), 10) end

-- Longley: the data as plain arrays (cross section)
local cols = {}
local header
for line in io.lines("tests/fixtures/longley.csv") do
  local row = {}
  for v in line:gmatch("[^,]+") do row[#row + 1] = v end
  if not header then header = row else for j, v in ipairs(row) do cols[j] = cols[j] or {}; cols[j][#cols[j] + 1] = tonumber(v) end end
end
local xs = {}
for j = 2, #header do xs[header[j]] = cols[j] end
local fit = regress.ols(cols[1], xs)
-- NIST StRD, Longley: certified coefficients and standard deviations
local nist = {
  const = {-3482258.63459582, 890420.383607373}, GNPDEFL = {15.0618722713733, 84.9149257747669},
  GNP = {-0.358191792925910E-01, 0.334910077722432E-01}, UNEMP = {-2.02022980381683, 0.488399681651699},
  ARMED = {-1.03322686717359, 0.214274163161675}, POP = {-0.511041056535807E-01, 0.226073200069370},
  YEAR = {1829.15146461355, 455.478499142212},
}
for name, c in pairs(nist) do
  check(digits(fit.coef[name], c[1]) >= 11, ("Longley %s coefficient: %.3g digits"):format(name, digits(fit.coef[name], c[1])))
  check(digits(fit.se[name], c[2]) >= 11, ("Longley %s std. error: %.3g digits"):format(name, digits(fit.se[name], c[2])))
end
check(digits(fit.sigma, 304.854073561965) >= 11, "Longley residual SD")
check(digits(fit.r2, 0.995479004577296) >= 12, "Longley R-squared")
eq(fit.nobs, 16); eq(fit.df_resid, 9)

local function compare(f, case, tol)
  for _, name in ipairs(f.names) do
    local r = ref[case][name]
    check(rel(f.coef[name], r.coef) < tol and rel(f.se[name], r.se) < tol and rel(f.t[name], r.t) < tol,
          ("%s %s: coef %.17g vs %.17g, se %.17g vs %.17g"):format(case, name, f.coef[name], r.coef, f.se[name], r.se))
    check(math.abs(f.p[name] - r.p) < 1e-9 * math.max(1, r.p), ("%s %s: p %.17g vs %.17g"):format(case, name, f.p[name], r.p))
  end
  near(f.r2, ref[case].rsquared.coef, 1e-12, case .. " R2")
  near(f.adj_r2, ref[case].rsquared_adj.coef, 1e-12, case .. " adjusted R2")
  near(f.loglik, ref[case].llf.coef, 1e-8, case .. " log-likelihood")
  near(f.aic, ref[case].aic.coef, 1e-8, case .. " AIC"); near(f.bic, ref[case].bic.coef, 1e-8, case .. " BIC")
  check(rel(f.ssr, ref[case].ssr.coef) < 1e-10, case .. " SSR")
end
compare(fit, "longley", 1e-9)
near(fit.f, ref.longley.fvalue.coef, 1e-6, "Longley F"); 
-- statsmodels reports normal (z) p-values for robust covariances: use_t = false
compare(regress.ols(cols[1], xs, {cov = "HC1", use_t = false}), "longley_hc1", 1e-9)
-- HC3 divides by (1 − h)² with leverages near 1 on Longley, which amplifies
-- rounding: the two implementations agree to 2e-9 there
compare(regress.ols(cols[1], xs, {cov = "HC3", use_t = false}), "longley_hc3", 1e-8)

-- time series: US CPI yoy on PPI yoy and its 3-month lag, aligned by date
local cpi = assert(data.read_csv("examples/data/us_cpi_fred_monthly.csv")).cpi_all_nsa:yoy()
local ppi = assert(data.read_csv("examples/data/us_ppi_monthly.csv")).ppi_all_commodities:yoy()
local hac = regress.ols(cpi:slice("1960-01"), {ppi = ppi, ppi_l3 = ppi:lag(3)}, {cov = "HAC", lag = 12, use_t = false})
compare(hac, "cpi_hac12", 1e-9)
eq(hac.first, "1960-01"); eq(hac.last, "2023-11"); eq(hac.nobs, 767)
local cl = regress.ols(cpi:slice("1960-01"), {ppi = ppi, ppi_l3 = ppi:lag(3)})
compare(cl, "cpi_classical", 1e-9)
near(cl.f, ref.cpi_classical.fvalue.coef, 1e-8, "F statistic"); near(cl.f_p, ref.cpi_classical.f_pvalue.coef, 1e-12)
eq(cl.resid.start, "1960-01", "residuals are a dated series")
near(cl.fitted:at("2023-11") + cl.resid:at("2023-11"), cpi:at("2023-11"), 1e-12, "fitted + resid = y")
near(cl:predict{ppi = ppi, ppi_l3 = ppi:lag(3)}:at("2020-05"), cl.fitted:at("2020-05"), 1e-12, "predict")
check(tostring(cl):find("ppi_l3", 1, true) and tostring(cl):find("1960-01 .. 2023-11", 1, true), "printed table")
check(cl:to_markdown():find("| ppi |", 1, true)); check(cl:to_latex():find("tabular", 1, true))

-- NIST Wampler1 and Wampler2: exact polynomials in x = 0..20
local x = {}
for i = 0, 20 do x[#x + 1] = i end
local pow = function(k) local t = {} for i, v in ipairs(x) do t[i] = v ^ k end return t end
local y1, y2 = {}, {}
for i, v in ipairs(x) do
  y1[i] = 1 + v + v^2 + v^3 + v^4 + v^5
  y2[i] = 1 + 0.1 * v + 0.01 * v^2 + 0.001 * v^3 + 1e-4 * v^4 + 1e-5 * v^5
end
local design = {pow(1), pow(2), pow(3), pow(4), pow(5)}
local w1 = regress.ols(y1, design)
for i, n in ipairs(w1.names) do check(digits(w1.coef[n], 1) >= 9, "Wampler1 " .. n .. ": " .. digits(w1.coef[n], 1)) end
local w2 = regress.ols(y2, design)
local certified = {1, 0.1, 0.01, 0.001, 1e-4, 1e-5}
for i, n in ipairs(w2.names) do check(digits(w2.coef[n], certified[i]) >= 9, "Wampler2 " .. n) end

-- errors
local a = {1, 2, 3, 4, 5, 6}
local b = {2, 4, 6, 8, 10, 12}
local c = {1, 0, 1, 0, 1, 1}
checkerr(function() regress.ols({1, 3, 2, 5, 4, 6}, {{a, b, c}} and {a = a, b = b, c = c}) end,
         "the regressors are collinear: b is a linear combination of a")
checkerr(function() regress.ols({1, 3, 2, 5, 4, 6}, {k = {1, 1, 1, 1, 1, 1}}) end, "k is a linear combination of const")
local q = series.new{freq = "Q", start = "2020Q1", values = {1, 2, 3, 4, 5}, name = "gdp"}
checkerr(function() regress.ols(q, {cpi = cpi}) end, "differ in frequency")
checkerr(function() regress.ols({1, 2, 3}, {x = {1, 2}}) end, "regressor 1 has 2 values, y has 3")
checkerr(function() regress.ols({1, 2}, {x = {1, 3}}) end, "2 usable rows for 2 coefficients")
checkerr(function() regress.ols({1, 2, 3}, {x = {1, 2, 4}}, {cov = "HC9"}) end, "invalid option 'HC9'")

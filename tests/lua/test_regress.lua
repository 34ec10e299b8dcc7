-- regress.ols against the NIST StRD certified values (the whole linear
-- suite: Norris, Pontius, NoInt1, NoInt2, Filip, Longley, Wampler1-5), against statsmodels 0.13.5 (classical, HC1, HC3 and HAC; the
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
-- the same regression in gretl 2022c (hac_kernel bartlett, hac_lag 12,
-- hac_prewhiten off, ols --robust): tests/fixtures/make_gretl_hac.inp
for line in io.lines("tests/fixtures/gretl_hac.csv") do
  local name, coef, se = line:match("^([%w_]+),([^,]+),([^,]*)$")
  if name == "nobs" then eq(hac.nobs, tonumber(coef), "gretl's sample")
  elseif name and name ~= "name" then
    check(rel(hac.coef[name], tonumber(coef)) < 1e-9, "gretl coefficient " .. name)
    check(rel(hac.se[name], tonumber(se)) < 1e-9, "gretl HAC standard error " .. name)
  end
end
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

-- The rest of the NIST StRD linear suite shipped in tests/fixtures/nist/.
-- Certified values from NIST's .dat files:
-- coefficients and their standard deviations, residual SD, R-squared.
local function nist_file(name)
  local y, x = {}, {}
  for line in io.lines("tests/fixtures/nist/" .. name .. ".csv") do
    local a, b = line:match("^([^,]+),([^,]+)$")
    if tonumber(a) then y[#y + 1] = tonumber(a); x[#x + 1] = tonumber(b) end
  end
  return y, x
end
local function powers(x, k)
  local cols = {}
  for p = 1, k do cols[p] = {}; for i, v in ipairs(x) do cols[p][i] = v ^ p end end
  return cols
end
local function nist_check(name, f, cert, min_digits)
  for i, n in ipairs(f.names) do
    local c = cert.b[i]
    check(digits(f.coef[n], c[1]) >= min_digits, ("%s %s coefficient: %.3g digits"):format(name, n, digits(f.coef[n], c[1])))
    if c[2] then
      check(digits(f.se[n], c[2]) >= min_digits, ("%s %s std. error: %.3g digits"):format(name, n, digits(f.se[n], c[2])))
    end
  end
  check(digits(f.sigma, cert.sd) >= min_digits, ("%s residual SD: %.3g digits"):format(name, digits(f.sigma, cert.sd)))
  check(digits(f.r2, cert.r2) >= min_digits, ("%s R-squared: %.3g digits"):format(name, digits(f.r2, cert.r2)))
end
local ny, nx = nist_file("norris")
nist_check("Norris", regress.ols(ny, {nx}), {
  b = {{-0.262323073774029, 0.232818234301152}, {1.00211681802045, 0.429796848199937E-03}},
  sd = 0.884796396144373, r2 = 0.999993745883712}, 12)
local py, px = nist_file("pontius")
nist_check("Pontius", regress.ols(py, powers(px, 2)), {
  b = {{0.673565789473684E-03, 0.107938612033077E-03}, {0.732059160401003E-06, 0.157817399981659E-09},
       {-0.316081871345029E-14, 0.486652849992036E-16}},
  sd = 0.205177424076185E-03, r2 = 0.999999900178537}, 11)
-- no constant: NIST's R-squared is then the uncentered one, 1 − SSR/Σy²
local y1n, x1n = nist_file("noint1")
nist_check("NoInt1", regress.ols(y1n, {x1n}, {const = false}), {
  b = {{2.07438016528926, 0.165289256198347E-01}}, sd = 3.56753034006338, r2 = 0.999365492298663}, 12)
local y2n, x2n = nist_file("noint2")
nist_check("NoInt2", regress.ols(y2n, {x2n}, {const = false}), {
  b = {{0.727272727272727, 0.420827318078432E-01}}, sd = 0.369274472937998, r2 = 0.993348115299335}, 12)
-- Wampler3..5: the Wampler1 polynomial plus ever larger noise; every
-- certified coefficient is 1. The standard deviations scale with the
-- residual SD (x is the same), so one set checks all three.
local wse = {2152.32624678170, 2363.55173469681, 779.343524331583, 101.475507550350, 5.64566512170752, 0.112324854679312}
for k, case in ipairs{{"wampler3", 2360.14502379268, 0.999995559025820},
                      {"wampler4", 236014.502379268, 0.957478440825662},
                      {"wampler5", 23601450.2379268, 0.224668921574940E-02}} do
  local wy, wx = nist_file(case[1])
  local b = {}
  for i = 1, 6 do b[i] = {1, wse[i] * 100 ^ (k - 1)} end
  nist_check(case[1], regress.ols(wy, powers(wx, 5)), {b = b, sd = case[2], r2 = case[3]}, 9)
end

-- Filip: a degree-10 polynomial, the suite's hardest (condition number of
-- the design ~1.8e15); the target is 7 digits or a clear collinearity error
local fy, fx = nist_file("filip")
nist_check("Filip", regress.ols(fy, powers(fx, 10)), {
  b = {{-1467.48961422980, 298.084530995537}, {-2772.17959193342, 559.779865474950},
       {-2316.37108160893, 466.477572127796}, {-1127.97394098372, 227.204274477751},
       {-354.478233703349, 71.6478660875927}, {-75.1242017393757, 15.2897178747400},
       {-10.8753180355343, 2.23691159816033}, {-1.06221498588947, 0.221624321934227},
       {-0.670191154593408E-01, 0.142363763154724E-01}, {-0.246781078275479E-02, 0.535617408889821E-03},
       {-0.402962525080404E-04, 0.896632837373868E-05}},
  sd = 0.334801051324544E-02, r2 = 0.996727416185620}, 7)

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
checkerr(function() regress.ols({1, 2, 3}, {x = {1, 2, 4}}, {cov = "HC9"}) end, "regress.ols: option 'cov' must be one of classical, HC0, HC1, HC2, HC3, HAC (got 'HC9')")

-- Regressors of tiny or huge magnitude (issue 17): the column lengths are
-- taken with scaling, so 1e-160·x is a regressor, not a zero column. The
-- reference is the slope and its standard error by hand: b = Sxy/Sxx,
-- se = sqrt(s²/Sxx), s² = (Syy − b·Sxy)/(n − 2), on x unscaled; scaling x by
-- m divides b and se by m exactly.
do
  local x, y, n = {}, {}, 20
  for i = 1, n do x[i] = i + math.sin(i); y[i] = 2 + 3 * x[i] + math.cos(i) end
  local mx, my = 0, 0
  for i = 1, n do mx, my = mx + x[i] / n, my + y[i] / n end
  local sxx, sxy, syy = 0, 0, 0
  for i = 1, n do
    sxx, sxy, syy = sxx + (x[i] - mx)^2, sxy + (x[i] - mx) * (y[i] - my), syy + (y[i] - my)^2
  end
  local b = sxy / sxx
  local se = math.sqrt((syy - b * sxy) / (n - 2) / sxx)
  for _, m in ipairs{1, 1e-154, 1e-160, 1e154, 1e160, 1e-300} do
    local xm = {}
    for i = 1, n do xm[i] = x[i] * m end
    local f = regress.ols(y, {x = xm})
    near(f.coef.x * m / b, 1, 1e-12, "slope with x scaled by " .. m)
    near(f.se.x * m / se, 1, 1e-12, "its standard error (no overflow in the variance), m = " .. m)
  end
end

-- Constant y: R², t, p and F are undefined, NA with a note (was R² = −inf
-- and a t of 2.03 made of rounding).
do
  local x, c = {}, {}
  for i = 1, 20 do x[i] = i + math.sin(i); c[i] = 5 end
  local f = regress.ols(c, {x = x})
  check(f.r2 ~= f.r2 and f.adj_r2 ~= f.adj_r2 and f.f ~= f.f, "R², adjusted R², F are NA")
  check(f.t.x ~= f.t.x and f.p.x ~= f.p.x and f.t.const ~= f.t.const, "t and p are NA")
  near(f.coef.const, 5, 1e-12, "the intercept is the constant")
  near(f.coef.x, 0, 1e-12, "the slope is 0")
  check(f.notes[1] and f.notes[1]:find("y is constant", 1, true), "a note says why")
  check(tostring(f):find("note: y is constant", 1, true), "the printed table shows the note")
  check(not tostring(f):find("nan", 1, true), "NA, never nan, in the table")
end

-- HC2/HC3 at leverage 1: a dummy for one observation makes h = 1 there, and
-- e²/(1−h) is 0/0. NA with a note naming the observation, not a finite SE.
do
  local x, y, d = {}, {}, {}
  for i = 1, 20 do x[i] = i + math.sin(i); y[i] = 2 + 3 * x[i] + math.cos(i); d[i] = i == 20 and 1 or 0 end
  for _, cv in ipairs{"HC2", "HC3"} do
    local f = regress.ols(y, {x = x, d = d}, {cov = cv})
    check(f.se.x ~= f.se.x and f.se.d ~= f.se.d, cv .. " at leverage 1: NA")
    check(f.notes[1] and f.notes[1]:find(cv .. " standard errors are undefined (NA): the observation at row 20 has leverage 1", 1, true),
          cv .. ": the note names the row")
  end
  local f0 = regress.ols(y, {x = x, d = d}, {cov = "HC0"})
  check(f0.se.x == f0.se.x and #f0.notes == 0, "HC0 is defined there")
  checkerr(function() regress.ols(y, {x = x}, {cov = "HAC", lag = -1}) end, "option 'lag' must be >= 0 (got -1)")
  checkerr(function() regress._ols(y, {x}, {"x"}, {cov = "HAC", lag = -1}) end, "regress.ols: lag must be 0 or more (got -1)")
  local yi = {}
  for i = 1, 20 do yi[i] = y[i] end
  yi[3] = math.huge
  checkerr(function() regress.ols(yi, {x = x}) end, "regress.ols: y has an infinite value at row 3")
  local xi = series.new{freq = "M", start = "2020-01", values = x}
  local ys = series.new{freq = "M", start = "2020-01", values = y}
  local xv = xi:values(); xv[5] = -math.huge
  checkerr(function() regress.ols(ys, {ppi = series.new{freq = "M", start = "2020-01", values = xv}}) end,
           "regress.ols: regressor 'ppi' has an infinite value at 2020-05")
end

-- Labels and order of regressors (issue 17). The coefficients are checked
-- against the same fit with keyed names: the labels must not change them.
do
  local v, w = {}, {}
  for i = 1, 40 do v[i] = math.sin(i / 3) + i / 10; w[i] = math.cos(i / 5) + math.sin(i) / 3 end
  local ppi = series.new{freq = "M", start = "2020-01", values = v, name = "ppi"}
  local cpi = series.new{freq = "M", start = "2020-01", values = w, name = "cpi"}
  local f = regress.ols(cpi, {ppi:lag(3), ppi:lag(6), ppi:diff()})
  eq(table.concat(f.names, ","), "const,ppi(-3),ppi(-6),d(ppi)", "lags and differences label themselves")
  local g = regress.ols(cpi, {a = ppi:lag(3), b = ppi:lag(6), c = ppi:diff()})
  near(f.coef["ppi(-6)"], g.coef.b, 1e-14, "same fit as with keyed names")
  check(tostring(f):find("ppi(-3)", 1, true), "printed as ppi(-3)")
  local h = regress.ols(cpi, {{"zeta", ppi}, {"alpha", ppi:lag(1)}})
  eq(table.concat(h.names, ","), "const,zeta,alpha", "pairs keep the order given")
  local k = regress.ols(cpi, {zeta = ppi, alpha = ppi:lag(1)})
  eq(table.concat(k.names, ","), "const,alpha,zeta", "keyed: alphabetical")
  checkerr(function() regress.ols(cpi, {ppi, ppi}) end, "two regressors are named 'ppi'; name them with pairs")
end

-- regress.xcorr uses every period where y_t and x_{t-k} are both present,
-- also when the spans differ (issue 17; before, x was lagged inside its own
-- span and the first k pairs were lost). Reference: Pearson's r by hand
-- over the pairs listed by index.
do
  local xv, yv = {}, {}
  local seed = 12345
  local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 - 0.5 end
  for i = 1, 60 do xv[i] = rnd() end
  for i = 1, 48 do yv[i] = 0.8 * xv[i + 12 - 3] + 0.3 * rnd() end       -- y: 2006-01 .. 2009-12, x 3 months on
  for i = 55, 60 do xv[i] = nil end                                    -- x: 2005-01 .. 2009-06, ends first
  local x = series.new{freq = "M", start = "2005-01", values = xv, name = "x", n = 54}
  local y = series.new{freq = "M", start = "2006-01", values = yv, name = "y"}
  local function pearson(k)   -- y index i is x index i + 12, and x_{t-k} is x index i + 12 - k
    local a, b = {}, {}
    for i = 1, 48 do
      local j = i + 12 - k
      if j >= 1 and j <= 54 then a[#a + 1], b[#b + 1] = xv[j], yv[i] end
    end
    local ma, mb = 0, 0
    for i = 1, #a do ma, mb = ma + a[i] / #a, mb + b[i] / #b end
    local sab, saa, sbb = 0, 0, 0
    for i = 1, #a do sab, saa, sbb = sab + (a[i] - ma) * (b[i] - mb), saa + (a[i] - ma)^2, sbb + (b[i] - mb)^2 end
    return sab / math.sqrt(saa * sbb), #a
  end
  local xc = regress.xcorr(x, y, {max_lag = 15})
  for i, k in ipairs(xc.lags) do
    local r, n = pearson(k)
    near(xc.corr[i], r, 1e-13, "xcorr at lag " .. k)
    eq(xc.n[i], n, "pairs at lag " .. k)
  end
  eq(xc.n[16 + 6], 48, "lag 6: 48 pairs, y's whole span (x_{t-6} exists through 2009-12)")
  eq(xc.best_lag, 3, "y follows x by 3 months")
  eq(xc.min_pairs, 16, "default: the larger of 10 and a third of 48 (the shorter)")
  eq(xc.n[16 + 3], 45, "lag 3: 45 pairs (before, x lagged inside its own span: 39)")
  -- too few pairs: a lag with 4 pairs and |r| = 1 cannot be best
  local short = series.new{freq = "M", start = "2009-03", values = {1, 2, 3, 5}, name = "s"}
  local xs2 = regress.xcorr(x, short, {max_lag = 2})
  eq(xs2.best_lag, nil, "4 pairs < 10: no best lag")
  check(tostring(xs2):find("no lag has 10 pairs", 1, true), "and it says so")
  local xs3 = regress.xcorr(x, short, {max_lag = 2, min_pairs = 4})
  check(xs3.best_lag ~= nil, "min_pairs lowers the bar")
  checkerr(function() regress.xcorr(x, y, {maxlag = 3}) end, "unknown option 'maxlag'")
end
-- positional misuse and case: an options string is an error, not a classical fit
checkerr(function() regress.ols(cpi, {ppi = ppi}, "HAC") end, "regress.ols: options must be a table such as {const = ...} (got 'HAC'")
do
  local a, b = regress.ols(cpi, {ppi = ppi}, {cov = "hac", lag = 4}), regress.ols(cpi, {ppi = ppi}, {cov = "HAC", maxlags = 4})
  eq(a.cov_type, "HAC", "'hac' is HAC")
  eq(a.se.ppi, b.se.ppi, "lag and statsmodels' maxlags are one option")
end
checkerr(function() regress.ols("cpi", {ppi = ppi}) end, "regress.ols: y must be a series or an array of numbers (got a string)")
checkerr(function() series.new{freq = "M", strat = "2024-01", values = {1}} end, "series.new: unknown option 'strat' (did you mean 'start'?")

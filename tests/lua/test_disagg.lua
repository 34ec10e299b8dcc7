-- Chow-Lin, Fernández and Litterman disaggregation against the closed-form
-- GLS computed here independently with explicit dense matrices:
--   V (n_h × n_h) from its definition, V_l = C V C', β = (Z'V_l⁻¹Z)⁻¹Z'V_l⁻¹y,
--   ŷ = Xβ + V C' V_l⁻¹ (y − Zβ), σ² = û'V_l⁻¹û/n_l, se² = diag((Z'V_l⁻¹Z)⁻¹)·û'V_l⁻¹û/(n_l − k),
--   log L = −n_l/2 (log 2πσ² + 1) − ½ log|V_l|.
-- Then R tempdisagg 1.1.1 on its own example data (swisspharma): fixtures and
-- the script that made them in tests/fixtures/make_tempdisagg.R (tempdisagg
-- is not in Debian: installed from its public source into a private library).

-- dense helpers: matrices are arrays of rows
local function zeros(r, c) local m = {} for i = 1, r do m[i] = {} for j = 1, c do m[i][j] = 0 end end return m end
local function mul(a, b)
  local m = zeros(#a, #b[1])
  for i = 1, #a do for k = 1, #b do local aik = a[i][k] if aik ~= 0 then for j = 1, #b[1] do m[i][j] = m[i][j] + aik * b[k][j] end end end end
  return m
end
local function tr(a) local m = zeros(#a[1], #a) for i = 1, #a do for j = 1, #a[1] do m[j][i] = a[i][j] end end return m end
local function inv(a)   -- Gauss-Jordan with partial pivoting; returns inverse, log|det|
  local n = #a
  local m = zeros(n, 2 * n)
  for i = 1, n do for j = 1, n do m[i][j] = a[i][j] end m[i][n + i] = 1 end
  local logdet = 0
  for c = 1, n do
    local p = c
    for r = c + 1, n do if math.abs(m[r][c]) > math.abs(m[p][c]) then p = r end end
    m[c], m[p] = m[p], m[c]
    local d = m[c][c]
    logdet = logdet + math.log(math.abs(d))
    for j = 1, 2 * n do m[c][j] = m[c][j] / d end
    for r = 1, n do
      if r ~= c and m[r][c] ~= 0 then local f = m[r][c] for j = 1, 2 * n do m[r][j] = m[r][j] - f * m[c][j] end end
    end
  end
  local out = zeros(n, n)
  for i = 1, n do for j = 1, n do out[i][j] = m[i][n + j] end end
  return out, logdet
end

local function covariance(method, rho, n)
  local V = zeros(n, n)
  if method == "chow-lin" then
    for i = 1, n do for j = 1, n do V[i][j] = rho ^ math.abs(i - j) / (1 - rho * rho) end end
  elseif method == "fernandez" then
    for i = 1, n do for j = 1, n do V[i][j] = math.min(i, j) end end
  else      -- Litterman: V = (H D)⁻¹ (H D)⁻ᵀ, D first differences, H = I − ρ·lag
    local HD = zeros(n, n)
    for i = 1, n do
      HD[i][i] = 1
      if i > 1 then HD[i][i - 1] = -1 - rho end
      if i > 2 then HD[i][i - 2] = rho end
    end
    local Mi = inv(HD)
    V = mul(Mi, tr(Mi))
  end
  return V
end

local function closed_form(method, rho, yl, X, Cm)
  local V = covariance(method, rho, #X)
  local VCt = mul(V, tr(Cm))
  local Vl = mul(Cm, VCt)
  local Vli, logdet = inv(Vl)
  local Z = mul(Cm, X)
  local ZtVi = mul(tr(Z), Vli)
  local A = inv(mul(ZtVi, Z))
  local ycol = {} for i, v in ipairs(yl) do ycol[i] = {v} end
  local beta = mul(A, mul(ZtVi, ycol))
  local u = {} local Zb = mul(Z, beta)
  for i = 1, #yl do u[i] = {yl[i] - Zb[i][1]} end
  local a = mul(Vli, u)
  local yhat = mul(X, beta)
  local adj = mul(VCt, a)
  local rss = 0 for i = 1, #yl do rss = rss + u[i][1] * a[i][1] end
  local s2 = rss / #yl
  local out = {}
  for i = 1, #X do out[i] = yhat[i][1] + adj[i][1] end
  local se = {} for i = 1, #A do se[i] = math.sqrt(rss / (#yl - #A) * A[i][i]) end   -- s² = rss/(n - k)
  return out, beta, se, -#yl / 2 * (math.log(2 * math.pi * s2) + 1) - logdet / 2
end

-- data: annual y 2001-2010 (10 years), quarterly indicator 2001Q1..2011Q2 (42 quarters: 2 extrapolated)
local seed = 7
local function rnd() seed = (seed * 16807) % 2147483647; return seed / 2147483647 end
local xq, level = {}, 100
for t = 1, 42 do level = level + 1 + 2 * (rnd() - 0.5); xq[t] = level end
local x = series.new{freq = "Q", start = "2001Q1", values = xq, name = "ind"}
local ya = {}
for yr = 1, 10 do local s = 0 for q = 1, 4 do s = s + 2 * xq[(yr - 1) * 4 + q] + 5 + 3 * (rnd() - 0.5) end ya[yr] = s end
local y = series.new{freq = "A", start = "2001", values = ya, name = "y"}

local function design(agg)
  local X, Cm = {}, zeros(10, 42)
  for t = 1, 42 do X[t] = {1, xq[t]} end
  for j = 1, 10 do for q = 1, 4 do
    local w = agg == "sum" and 1 or agg == "mean" and 0.25 or ((agg == "first" and q == 1) or (agg == "last" and q == 4)) and 1 or 0
    Cm[j][(j - 1) * 4 + q] = w
  end end
  return X, Cm
end

for _, case in ipairs{{"chow-lin", 0.7, "sum"}, {"chow-lin", -0.3, "mean"}, {"fernandez", nil, "sum"},
                      {"litterman", 0.5, "last"}, {"litterman", -0.2, "first"}} do
  local method, rho, agg = case[1], case[2], case[3]
  local X, Cm = design(agg)
  local want, beta, se, ll = closed_form(method, rho or 0, ya, X, Cm)
  local got, info = y:to("Q", method, {indicator = x, rho = rho, agg = agg})
  local what = ("%s rho %s agg %s"):format(method, tostring(rho), agg)
  eq(got.start, "2001Q1", what); eq(#got, 42, what .. ": the indicator's span, 2 quarters extrapolated")
  local worst = 0
  for t = 1, 42 do worst = math.max(worst, math.abs(got[t] - want[t]) / (1 + math.abs(want[t]))) end
  check(worst < 1e-9, what .. ": closed form, worst rel. diff " .. worst)
  near(info.coef.const, beta[1][1], 1e-8 * (1 + math.abs(beta[1][1])), what .. " const")
  near(info.coef.ind, beta[2][1], 1e-9 * (1 + math.abs(beta[2][1])), what .. " slope")
  near(info.se.ind, se[2], 1e-8 * se[2], what .. " se")
  near(info.loglik, ll, 1e-8 * math.abs(ll), what .. " loglik")
  -- aggregation-consistent: the quarters give back the years
  local back = got:slice("2001Q1", "2010Q4"):to("A", agg == "mean" and "mean" or agg)
  local agree = 0
  for j = 1, 10 do agree = math.max(agree, math.abs(back[j] - ya[j]) / math.abs(ya[j])) end
  check(agree < 1e-12, what .. ": aggregates back to y, " .. agree)
end

-- rho estimated by ML: the fitted log-likelihood is a maximum
local est, info = y:to("Q", "chow-lin", {indicator = x})
check(info.rho > -0.999 and info.rho < 0.999, "rho inside the range: " .. info.rho)
if info.rho > -0.99 and info.rho < 0.99 then
  for _, d in ipairs{-0.01, 0.01} do
    local _, i2 = y:to("Q", "chow-lin", {indicator = x, rho = info.rho + d})
    check(i2.loglik <= info.loglik + 1e-9, "log L at rho + " .. d .. " is not higher")
  end
end
local _, i3 = y:to("Q", "chow-lin", {indicator = x, rho = info.rho})
near(i3.loglik, info.loglik, 1e-9 * math.abs(info.loglik), "the estimate refits at its rho")
local _, irss = y:to("Q", "litterman", {indicator = x, estimate = "minrss"})
for _, d in ipairs{-0.01, 0.01} do
  local r2 = irss.rho + d
  if r2 > -0.999 and r2 < 0.999 then
    local _, i2 = y:to("Q", "litterman", {indicator = x, rho = r2})
    local _, i0 = y:to("Q", "litterman", {indicator = x, rho = irss.rho})
    check(i2.sigma2 >= i0.sigma2 - 1e-12, "minrss: weighted RSS at rho + " .. d .. " is not lower")
  end
end
eq(est.meta.td.method, "chow-lin")
-- two indicators, monthly from quarterly
local q = series.new{freq = "Q", start = "2010Q1", values = {30, 33, 35, 36, 40, 41, 44, 47}, name = "q"}
local m1 = series.new{freq = "M", start = "2010-01", values = (function() local t = {} for i = 1, 24 do t[i] = 10 + i * 0.3 + math.sin(i) end return t end)(), name = "m1"}
local m2 = series.new{freq = "M", start = "2010-01", values = (function() local t = {} for i = 1, 24 do t[i] = math.cos(i / 2) end return t end)(), name = "m2"}
local qm, qi = q:to("M", "fernandez", {indicator = {m1, m2}})
check(qi.coef.m1 and qi.coef.m2 and qi.coef.const, "named coefficients")
local back = qm:to("Q", "sum")
for i = 1, 8 do near(back[i], q[i], 1e-9, "sum back to the quarter") end

-- errors
checkerr(function() y:to("Q", "fernandez", {indicator = x, rho = 0.5}) end, "s:to: fernandez has no rho")
checkerr(function() y:to("Q", "chow-lin", {indicator = m1}) end, "s:to: indicator 1 is M; it must be Q like the target")
checkerr(function() q:to("A", "chow-lin", {indicator = x}) end, "s:to: chow-lin disaggregates A to Q or M, or Q to M (got Q to A)")
checkerr(function() y:to("Q", "chow-lin", {indicator = x, rho = 1}) end, "s:to(chow-lin): option 'rho' must be")
checkerr(function() y:to("Q", "chow-lin", {indicater = x}) end, "s:to(chow-lin): unknown option 'indicater' (did you mean 'indicator'?")
local holes = x:values(); holes[5] = NA
checkerr(function() y:to("Q", "chow-lin", {indicator = series.new{freq = "Q", start = "2001Q1", values = holes, name = "ind"}}) end,
         "s:to: indicator 'ind' is missing a value inside the span")
checkerr(function() y:to("Q", "chow-lin", {indicator = {x, x}}) end, "the GLS system is singular")

-- R tempdisagg on swisspharma: annual sales 1975-2010, quarterly exports and
-- imports 1972Q1-2011Q2 (extrapolated at both ends)
local qd = assert(data.read_csv("tests/fixtures/tempdisagg_swisspharma_quarterly.csv"))
local sales = assert(data.read_csv("tests/fixtures/tempdisagg_swisspharma_annual.csv")).sales
local want = assert(data.read_csv("tests/fixtures/tempdisagg_values.csv"))
local params = {}
do
  local f = assert(io.open("tests/fixtures/tempdisagg_params.csv"))
  f:read("l")
  for line in f:lines() do
    local case, rho, const, exports, se = line:match("^([^,]+),([^,]+),([^,]+),([^,]+),([^,]+)")
    params[case] = {rho = tonumber(rho), const = tonumber(const), exports = tonumber(exports), se = tonumber(se)}
  end
  f:close()
end
local ex, im = qd.exports:rename("exports.q"), qd.imports:rename("imports.q")
local cases = {   -- name, method, options, tolerance on values (estimated rho: R's optimize stops at ~1e-4)
  {"chowlin_fixed", "chow-lin", {rho = 0.5}, 1e-10},
  {"chowlin_last", "chow-lin", {rho = 0.6, agg = "last"}, 1e-10},
  {"chowlin_two", "chow-lin", {rho = 0.7, indicator = {ex, im}}, 1e-10},
  {"fernandez", "fernandez", {}, 1e-10},
  {"fernandez_mean", "fernandez", {agg = "mean"}, 1e-10},
  {"litterman_fixed", "litterman", {rho = 0.3}, 1e-10},
  {"chowlin_ml", "chow-lin", {}, 1e-6},          -- tempdisagg chow-lin-maxlog, truncated.rho = -1
  {"chowlin_minrss", "chow-lin", {estimate = "minrss"}, 1e-6},   -- chow-lin-minrss-quilis
  {"litterman_ml", "litterman", {}, 1e-6},       -- litterman-maxlog
}
for _, c in ipairs(cases) do
  local name, method, o, tol = c[1], c[2], c[3], c[4]
  o.indicator = o.indicator or ex
  local got, info = sales:to("Q", method, o)
  eq(got.start, "1972Q1", name); eq(#got, 158, name .. ": 158 quarters, as tempdisagg")
  same_series(got, want[name]:rename(got.name), tol, "tempdisagg " .. name)
  local p = params[name]
  near(info.coef["exports.q"], p.exports, tol * 100 * math.abs(p.exports), name .. " coefficient")
  near(info.coef.const, p.const, tol * 100 * math.abs(p.const), name .. " intercept")
  near(info.se["exports.q"], p.se, tol * 1000 * p.se, name .. " standard error")
  if method ~= "fernandez" then near(info.rho, p.rho, tol == 1e-10 and 0 or 1e-5, name .. " rho") end
end

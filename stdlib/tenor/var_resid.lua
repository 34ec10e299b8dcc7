--[[ Residual tests of a VAR (tsa.var), as EViews' "Residual Tests" and
statsmodels' VARResults (Lütkepohl 2005, sections 4.4.3 and 4.5):

m:whiteness({lags = 10, adjusted = false})
  Portmanteau test of no residual autocorrelation up to lag h:
  Q_h = T Σ_{j=1..h} tr(C_j' C_0⁻¹ C_j C_0⁻¹), C_j = Σ_{t>j} u_t u_{t-j}' / T
  with the residuals u demeaned; adjusted: T² Σ tr(...)/(T - j). χ² with
  K²(h - p) degrees of freedom (statsmodels' test_whiteness; EViews' Q-Stat
  and Adj Q-Stat).
m:normality()
  Multivariate Jarque-Bera on the residuals orthogonalised by the Cholesky
  factor of their ML covariance Σ u u'/T (Lütkepohl; statsmodels'
  test_normality, EViews' Cholesky option): w = P⁻¹ u, b1 = Σ w³/T,
  b2 = Σ w⁴/T - 3; skewness T b1'b1/6 ~ χ²(K), kurtosis T b2'b2/24 ~ χ²(K),
  joint their sum ~ χ²(2K). The components depend on the order of the
  variables, as the Cholesky factor does.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"
local C = require "tenor._tsa"

local methods = tsa._var_methods

-- The demeaned residuals as rows u[t][i], t = 1..T.
local function residual_rows(m)
  local K, cols = #m.names, {}
  for i, nm in ipairs(m.names) do cols[i] = m.resid[nm]:values() end
  local T, u = #cols[1], {}
  for i = 1, K do
    local s = 0
    for t = 1, T do s = s + cols[i][t] end
    local mean = s / T
    for t = 1, T do
      u[t] = u[t] or {}
      u[t][i] = cols[i][t] - mean
    end
  end
  return u, T, K
end

-- Σ_{t>j} u_t u_{t-j}' / T
local function autocov(u, T, K, j)
  local c = {}
  for a = 1, K do
    c[a] = {}
    for b = 1, K do
      local s = 0
      for t = j + 1, T do s = s + u[t][a] * u[t - j][b] end
      c[a][b] = s / T
    end
  end
  return c
end

-- Lower Cholesky factor of a K×K positive definite matrix, or nil.
local function cholesky(S, K)
  local L = {}
  for i = 1, K do
    L[i] = {}
    for j = 1, i do
      local s = S[i][j]
      for k = 1, j - 1 do s = s - L[i][k] * L[j][k] end
      if i == j then
        if not (s > 0) then return nil end
        L[i][i] = math.sqrt(s)
      else
        L[i][j] = s / L[j][j]
      end
    end
    for j = i + 1, K do L[i][j] = 0 end
  end
  return L
end

-- L⁻¹ x for lower-triangular L (forward substitution).
local function lower_solve(L, x, K)
  local y = {}
  for i = 1, K do
    local s = x[i]
    for k = 1, i - 1 do s = s - L[i][k] * y[k] end
    y[i] = s / L[i][i]
  end
  return y
end

local function factor(m, u, T, K, who)
  local L = cholesky(autocov(u, T, K, 0), K)
  if not L then error(who .. ": the residual covariance is singular: drop a series that is a combination of others", 3) end
  return L
end

local test_mt = {}
test_mt.__index = test_mt
function test_mt.__tostring(r) return table.concat(r._lines, "\n") end

args.declare("var:whiteness", {
  {"lags", "integer", min = 1, default = 10, help = "autocovariances summed; more than the VAR's lags"},
  {"adjusted", "boolean", default = false, help = "small-sample form T² Σ tr(...)/(T - j)"},
})

function methods.whiteness(m, opts)
  local o = args.check("var:whiteness", opts)
  local h = o.lags or 10
  if h <= m.lags then
    error(("var:whiteness: lags (%d) must exceed the VAR's lags (%d): the statistic has K²(h - p) degrees of freedom")
      :format(h, m.lags), 2)
  end
  local u, T, K = residual_rows(m)
  if h >= T then error(("var:whiteness: lags (%d) must be below the %d residuals"):format(h, T), 2) end
  local L = factor(m, u, T, K, "var:whiteness")
  local stat = 0
  for j = 1, h do
    local Cj = autocov(u, T, K, j)
    -- tr(C_j' C_0⁻¹ C_j C_0⁻¹) = ‖L⁻¹ C_j L⁻ᵀ‖²_F with C_0 = L Lᵀ
    local left = {}
    for b = 1, K do
      local colb = {}
      for a = 1, K do colb[a] = Cj[a][b] end
      left[b] = lower_solve(L, colb, K)          -- column b of L⁻¹ C_j
    end
    local s = 0
    for a = 1, K do
      local row = {}
      for b = 1, K do row[b] = left[b][a] end
      local d = lower_solve(L, row, K)            -- row a of L⁻¹ C_j L⁻ᵀ
      for b = 1, K do s = s + d[b] * d[b] end
    end
    stat = stat + (o.adjusted and s / (T - j) or s)
  end
  stat = stat * (o.adjusted and T * T or T)
  local df = K * K * (h - m.lags)
  local r = setmetatable({stat = stat, df = df, p = C._chi2_q(stat, df), lags = h, adjusted = o.adjusted or false,
    nobs = T}, test_mt)
  r._lines = {("Portmanteau test of the VAR(%d) residuals, %s .. %s: no autocorrelation up to lag %d")
      :format(m.lags, m.first, m.last, h),
    ("%s %.4f   df %d (K²(h - p))   p-value %.4g"):format(o.adjusted and "adjusted Q" or "Q", stat, df, r.p)}
  return r
end

doc.add("var:whiteness", "m:whiteness({lags = 10, adjusted = false}) -> {stat, p, df, lags}",
  "Portmanteau test of no residual autocorrelation up to lag h (Lütkepohl 2005, 4.4.3; statsmodels' " ..
  "test_whiteness, EViews' Q-Stat): Q = T Σ_j tr(C_j' C_0⁻¹ C_j C_0⁻¹) with C_j = Σ u_t u_{t-j}'/T of the demeaned " ..
  "residuals; adjusted T² Σ tr(...)/(T - j). χ² with K²(h - p) degrees of freedom, so h must exceed the VAR's lags.",
  "local m = tsa.var({ip:log():diff(), cpi:log():diff()}, {lags = 2})\nprint(m:whiteness{lags = 12})")

function methods.normality(m)
  local u, T, K = residual_rows(m)
  local L = factor(m, u, T, K, "var:normality")
  local b1, b2 = {}, {}
  for i = 1, K do b1[i], b2[i] = 0, 0 end
  for t = 1, T do
    local w = lower_solve(L, u[t], K)
    for i = 1, K do
      local w2 = w[i] * w[i]
      b1[i], b2[i] = b1[i] + w2 * w[i], b2[i] + w2 * w2
    end
  end
  local skew, kurt = 0, 0
  for i = 1, K do
    b1[i], b2[i] = b1[i] / T, b2[i] / T - 3
    skew, kurt = skew + b1[i] ^ 2, kurt + b2[i] ^ 2
  end
  skew, kurt = T * skew / 6, T * kurt / 24
  local r = setmetatable({stat = skew + kurt, df = 2 * K, p = C._chi2_q(skew + kurt, 2 * K),
    skewness = {stat = skew, df = K, p = C._chi2_q(skew, K), b1 = b1},
    kurtosis = {stat = kurt, df = K, p = C._chi2_q(kurt, K), b2 = b2}, nobs = T}, test_mt)
  r._lines = {("Normality of the VAR(%d) residuals, %s .. %s (Cholesky-orthogonalised, order %s)")
      :format(m.lags, m.first, m.last, table.concat(m.names, ", ")),
    ("%-10s %12s %4s %10s"):format("", "statistic", "df", "p-value"),
    ("%-10s %12.4f %4d %10.4g"):format("skewness", skew, K, r.skewness.p),
    ("%-10s %12.4f %4d %10.4g"):format("kurtosis", kurt, K, r.kurtosis.p),
    ("%-10s %12.4f %4d %10.4g"):format("joint", r.stat, 2 * K, r.p)}
  return r
end

doc.add("var:normality", "m:normality() -> {stat, p, df, skewness, kurtosis}",
  "Multivariate Jarque-Bera test of the residuals (Lütkepohl 2005, 4.5; statsmodels' test_normality, EViews' " ..
  "Cholesky option): the demeaned residuals orthogonalised by the Cholesky factor of Σ u u'/T; skewness " ..
  "T b1'b1/6 ~ χ²(K), kurtosis T b2'b2/24 ~ χ²(K), joint ~ χ²(2K). The parts depend on the order of the variables.",
  "local m = tsa.var({ip:log():diff(), cpi:log():diff()}, {lags = 2})\nprint(m:normality())")

return methods

-- A VAR's residual tests against statsmodels 0.13.5
-- (make_statsmodels_var.py -> statsmodels_var_resid.csv): the
-- portmanteau test (plain and adjusted, 10 and 16 lags) and the
-- multivariate Jarque-Bera with its skewness and kurtosis parts; a hand
-- check of the portmanteau on a VAR(1) of two series; the errors.
local ref = read_cases("tests/fixtures/statsmodels_var_resid.csv")

local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:log():diff() * 100
local cpi = data.read_csv("examples/data/us_cpi_fred_monthly.csv").cpi_all_sa:log():diff() * 100
local t1 = data.read_csv("examples/data/us_rates_fred_monthly.csv").tsy_1y
ip.name, cpi.name = "ip", "cpi"
local ccpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local cm2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_yoy_pct
local cppi = data.read_csv("examples/data/cn_ppi_monthly.csv").ppi_yoy_pct
ccpi.name, cm2.name, cppi.name = "cpi", "m2", "ppi"

local models = {us3 = tsa.var({ip:slice("1960-01"), cpi:slice("1960-01"), t1:slice("1960-01")}, {lags = 3}),
                cn2 = tsa.var({ccpi, cm2, cppi}, {lags = 2})}
for case, m in pairs(models) do
  local r = ref[case]
  for _, h in ipairs{10, 16} do
    local q, a = m:whiteness{lags = h}, m:whiteness{lags = h, adjusted = true}
    close(q.stat, r["q" .. h], case .. " Q " .. h, 1e-10)
    close(q.p, r["q" .. h .. "_p"], case .. " Q p " .. h, 1e-8)
    eq(q.df, r["q" .. h .. "_df"], case .. " Q df " .. h)
    close(a.stat, r["adj" .. h], case .. " adjusted Q " .. h, 1e-10)
    close(a.p, r["adj" .. h .. "_p"], case .. " adjusted Q p " .. h, 1e-8)
  end
  local n = m:normality()
  close(n.stat, r.jb, case .. " joint Jarque-Bera", 1e-10)
  close(n.p, r.jb_p, case .. " joint p", 1e-8)
  eq(n.df, r.jb_df, case .. " joint df")
  close(n.skewness.stat, r.skew, case .. " skewness part", 1e-10)
  close(n.kurtosis.stat, r.kurt, case .. " kurtosis part", 1e-10)
  close(n.skewness.p, r.skew_p, case .. " skewness p", 1e-8)
end

-- by hand, K = 2: C_0⁻¹ as the 2×2 adjugate over the determinant and the
-- trace by plain products (no Cholesky, as the module uses)
do
  local m = tsa.var({ccpi, cm2}, {lags = 1})
  local u, T = {m.resid.cpi:values(), m.resid.m2:values()}, #m.resid.cpi
  for i = 1, 2 do
    local s = 0
    for t = 1, T do s = s + u[i][t] end
    for t = 1, T do u[i][t] = u[i][t] - s / T end
  end
  local function cov(j)
    local c = {{0, 0}, {0, 0}}
    for a = 1, 2 do for b = 1, 2 do
      for t = j + 1, T do c[a][b] = c[a][b] + u[a][t] * u[b][t - j] end
      c[a][b] = c[a][b] / T
    end end
    return c
  end
  local function mul(A, B)
    return {{A[1][1] * B[1][1] + A[1][2] * B[2][1], A[1][1] * B[1][2] + A[1][2] * B[2][2]},
            {A[2][1] * B[1][1] + A[2][2] * B[2][1], A[2][1] * B[1][2] + A[2][2] * B[2][2]}}
  end
  local c0 = cov(0)
  local det = c0[1][1] * c0[2][2] - c0[1][2] * c0[2][1]
  local inv = {{c0[2][2] / det, -c0[1][2] / det}, {-c0[2][1] / det, c0[1][1] / det}}
  local q = 0
  for j = 1, 5 do
    local cj = cov(j)
    local cjt = {{cj[1][1], cj[2][1]}, {cj[1][2], cj[2][2]}}
    local prod = mul(mul(mul(cjt, inv), cj), inv)
    q = q + prod[1][1] + prod[2][2]
  end
  local w = m:whiteness{lags = 5}
  close(w.stat, T * q, "K = 2 portmanteau by hand", 1e-11)
  eq(w.df, 4 * 4, "df = K²(h - p)")
end

check(tostring(models.us3:normality()):find("kurtosis", 1, true), "normality prints its parts")
checkerr(function() models.us3:whiteness{lags = 3} end, "must exceed the VAR's lags (3)", "h <= p")
checkerr(function() models.us3:whiteness{lag = 12} end, "did you mean 'lags'", "a misspelt option")

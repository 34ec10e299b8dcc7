-- tsa.var against statsmodels 0.13.5 (tests/fixtures/make_statsmodels_var.py
-- -> statsmodels_var.csv): coefficients, standard errors, sigma_u,
-- criteria, lag selection, impulse responses (unit and Cholesky) with
-- asymptotic standard errors, FEVD, forecasts with intervals, Granger and
-- stability, on US and China data; gretl's responses (E'E/T) with
-- sigma = "ml"; bootstrap bands by their properties; then the errors.
local ref = read_cases("tests/fixtures/statsmodels_var.csv")

local ip = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:log():diff() * 100
ip.name = "ip"
local cpi = data.read_csv("examples/data/us_cpi_fred_monthly.csv").cpi_all_sa:log():diff() * 100
cpi.name = "cpi"
local t1 = data.read_csv("examples/data/us_rates_fred_monthly.csv").tsy_1y
local us = {ip:slice("1960-01"), cpi:slice("1960-01"), t1:slice("1960-01")}

local ccpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local cm2 = data.read_csv("examples/data/cn_money_supply_monthly.csv").m2_yoy_pct
local cppi = data.read_csv("examples/data/cn_ppi_monthly.csv").ppi_yoy_pct
ccpi.name, cm2.name, cppi.name = "cpi", "m2", "ppi"

local function compare(m, case, H, steps)
  local r = ref[case]
  eq(m.nobs, r.nobs, case .. " nobs"); eq(m.lags, r.lags, case .. " lags")
  for _, eqn in ipairs(m.names) do
    for _, cn in ipairs(m.coef_names) do
      close(m.coef[eqn][cn], r[("coef|%s|%s"):format(eqn, cn)], case .. " coef " .. eqn .. " " .. cn)
      close(m.se[eqn][cn], r[("se|%s|%s"):format(eqn, cn)], case .. " se " .. eqn .. " " .. cn)
    end
    for _, b in ipairs(m.names) do close(m.sigma_u[eqn][b], r[("sigma_u|%s|%s"):format(eqn, b)], case .. " sigma_u") end
  end
  for _, k in ipairs{"aic", "bic", "hqic", "fpe"} do close(m[k], r[k], case .. " " .. k) end
  local irf, oirf = m:irf(H, {orth = false, bands = "asymptotic"}), m:irf(H, {bands = "asymptotic"})
  local fevd, fc = m:fevd(H), m:forecast(steps)
  for h = 0, H do
    for _, a in ipairs(m.names) do
      for _, b in ipairs(m.names) do
        local key = ("|%d|%s|%s"):format(h, a, b)
        close(irf[h][a][b], r["irf" .. key], case .. " irf" .. key)
        close(oirf[h][a][b], r["oirf" .. key], case .. " orthogonalised irf" .. key)
        close(irf.se[h][a][b], r["irf_se" .. key], case .. " irf se" .. key)
        close(oirf.se[h][a][b], r["oirf_se" .. key], case .. " orthogonalised irf se" .. key)
        if h >= 1 then close(fevd[h][a][b], r["fevd" .. key], case .. " fevd" .. key) end
      end
    end
  end
  for h = 1, steps do
    for _, a in ipairs(m.names) do
      close(fc.mean[a]:values()[h], r[("fc|%d|%s"):format(h, a)], case .. " forecast " .. a .. " " .. h)
      close(fc.lower[a]:values()[h], r[("fc_lo|%d|%s"):format(h, a)], case .. " forecast lower " .. a .. " " .. h)
    end
  end
  local stable, mod = m:is_stable()
  eq(stable, r.stable == 1, case .. " stability")
  close(mod[1], r.root_max, case .. " largest companion eigenvalue")
  return irf
end

local m = tsa.var(us, {lags = 3})
local irf = compare(m, "us3", 8, 6)
eq(m.first, "1960-04"); eq(m.coef_names[2], "L1.ip"); eq(m.coef_names[5], "L2.ip")
eq(m:forecast(6).mean.cpi:dates()[1], "2021-02", "forecasts start after the sample")
local g = m:granger("cpi", "tsy_1y")
close(g.stat, ref.us3.granger_cpi_tsy_1y, "VAR Granger F"); close(g.p, ref.us3.granger_cpi_tsy_1y_p, "VAR Granger p")
eq(g.df2, ref.us3.granger_df2, "VAR Granger df2")
local g2 = m:granger("ip", {"cpi", "tsy_1y"})
close(g2.stat, ref.us3.granger_ip_both, "VAR Granger, two causing"); close(g2.p, ref.us3.granger_ip_both_p, "p")
compare(tsa.var({ccpi, cm2, cppi}, {lags = 2}), "cn2", 8, 6)

-- gretl factors the ML covariance E'E/T (make_gretl_var_irf.inp ->
-- gretl_var_irf.csv); sigma = "ml" reproduces its responses
local gretl = read_cases("tests/fixtures/gretl_var_irf.csv")
local function compare_gretl(mod, case)
  local r = gretl[case]
  eq(mod.nobs, r.T, case .. " gretl T")
  local ml, df = mod:irf(8, {sigma = "ml"}), mod:irf(8)
  local c = math.sqrt((mod.nobs - #mod.coef_names) / mod.nobs)
  for h = 0, 8 do
    for _, a in ipairs(mod.names) do
      for _, b in ipairs(mod.names) do
        local key = ("oirf|%d|%s|%s"):format(h, a, b)
        close(ml[h][a][b], r[key], case .. " gretl " .. key)
        close(df[h][a][b] * c, ml[h][a][b], case .. " default = ml / sqrt((T-m)/T) " .. key, 1e-12)
      end
    end
  end
  close(mod.sigma_u_mle[mod.names[1]][mod.names[2]], mod.sigma_u[mod.names[1]][mod.names[2]] * c * c,
    case .. " sigma_u_mle")
end
compare_gretl(m, "us3")
compare_gretl(tsa.var({ccpi, cm2, cppi}, {lags = 2}), "cn2")
local mlb = m:irf(4, {sigma = "ml", bands = "bootstrap", reps = 50, seed = 3})
local dfb = m:irf(4, {bands = "bootstrap", reps = 50, seed = 3})
local cc = math.sqrt((m.nobs - #m.coef_names) / m.nobs)
close(mlb.upper[2].cpi.ip, dfb.upper[2].cpi.ip * cc, "ML bands are the default ones scaled", 1e-12)
check(tostring(mlb):find("E'E/T (gretl's)", 1, true), "the ML convention is printed")
checkerr(function() m:irf(4, {orth = false, sigma = "ml"}) end, "it needs orth = true", "sigma without orth")
checkerr(function() m:irf(4, {bands = "bootstrap", reps = 1 << 60}) end, "draws of 45 responses", "bootstrap too large")

-- lag selection on a common sample
local sel = tsa.var_select(us, {max_lags = 6})
for _, k in ipairs{"aic", "bic", "hqic", "fpe"} do
  for i, p in ipairs(sel.lags) do close(sel[k][i], ref.us_select[("%s|%d"):format(k, p)], "select " .. k .. " " .. p) end
  eq(sel.selected[k], ref.us_select["selected_" .. k], "selected by " .. k)
end
local mb = tsa.var(us, {select = "bic", max_lags = 6})
eq(mb.lags, ref.us_bic.lags, "select = bic"); close(mb.aic, ref.us_bic.aic, "refitted on the full sample")
check(tostring(sel):find("*", 1, true), "the selection table marks minima")

-- bootstrap bands: reproducible by seed, around the estimate, and of the
-- asymptotic width for unit shocks (the two methods estimate one spread)
local b1 = m:irf(8, {orth = false, bands = "bootstrap", reps = 400, seed = 11})
local b2 = m:irf(8, {orth = false, bands = "bootstrap", reps = 400, seed = 11})
local b3 = m:irf(8, {orth = false, bands = "bootstrap", reps = 400, seed = 12})
eq(b1.lower[3].cpi.ip, b2.lower[3].cpi.ip, "same seed, same bands")
check(b1.lower[3].cpi.ip ~= b3.lower[3].cpi.ip, "another seed, other draws")
local inside, ratio_ok, total = 0, 0, 0
for h = 1, 8 do
  for _, a in ipairs(m.names) do
    for _, b in ipairs(m.names) do
      total = total + 1
      if b1.lower[h][a][b] <= irf[h][a][b] and irf[h][a][b] <= b1.upper[h][a][b] then inside = inside + 1 end
      local ratio = (b1.upper[h][a][b] - b1.lower[h][a][b]) / (irf.upper[h][a][b] - irf.lower[h][a][b])
      if ratio > 0.6 and ratio < 1.6 then ratio_ok = ratio_ok + 1 end
    end
  end
end
check(inside == total, ("the estimate lies inside its bootstrap band (%d of %d)"):format(inside, total))
check(ratio_ok >= 0.9 * total, ("bootstrap and asymptotic widths agree within 0.6..1.6 for %d of %d"):format(ratio_ok, total))
-- without a constant, and a VAR(0): the refit's regressors follow the model
for _, spec in ipairs{{lags = 2, trend = "n"}, {lags = 0}} do
  local mm = tsa.var(us, spec)
  local bb, aa = mm:irf(2, {bands = "bootstrap", reps = 300, seed = 5}), mm:irf(2, {bands = "asymptotic"})
  local h = spec.lags == 0 and 0 or 1
  -- (at h = 0 only Σ_u's error counts, whose asymptotic variance assumes
  -- normal tails: these residuals, with 2020 in them, have fatter ones)
  local ratio = (bb.upper[h].cpi.ip - bb.lower[h].cpi.ip) / (aa.upper[h].cpi.ip - aa.lower[h].cpi.ip)
  check(ratio > 0.6 and ratio < (h == 0 and 2.5 or 1.6), ("bootstrap/asymptotic width %.2f, lags = %d"):format(ratio, spec.lags))
  check(bb.lower[h].cpi.ip < bb[h].cpi.ip and bb[h].cpi.ip < bb.upper[h].cpi.ip, "the estimate inside its band")
end
local ob = m:irf(4, {bands = "bootstrap", reps = 200, seed = 1})
check(ob.lower[0].ip.ip < ob[0].ip.ip and ob[0].ip.ip < ob.upper[0].ip.ip, "orthogonalised bootstrap band at impact")
eq(ob.lower[0].ip.cpi, 0, "Cholesky: no impact response to a later shock")

-- printing
check(tostring(m):find("L3.tsy_1y", 1, true), "the VAR prints its coefficients")
check(tostring(m:fevd(2)):find("Forecast error variance", 1, true), "fevd prints")
check(tostring(b1):find("95% bootstrap bands", 1, true), "irf prints its bands")

-- errors
local short = {ip:slice("2000-01", "2001-06"), cpi:slice("2000-01", "2001-06"), t1:slice("2000-01", "2001-06")}
checkerr(function() tsa.var(short, {lags = 6}) end, "tsa.var: the 3 series share 18 periods (2000-01 .. 2001-06); with lags = 6 each equation has 19 regressors on 12 rows; lower the lags", "VAR too short")
local dup = ip:slice("1960-01") * 2
dup.name = "ip2"
checkerr(function() tsa.var({ip:slice("1960-01"), dup, cpi}, {lags = 1}) end, "drop a series that is a combination", "VAR collinear")
checkerr(function() tsa.var({ip}, {lags = 1}) end, "at least two series", "VAR one series")
checkerr(function() tsa.var(us, {lags = 1, select = "aic"}) end, "not both", "VAR lags and select")
checkerr(function() m:granger("gdp", "cpi") end, "no variable 'gdp' (the VAR has ip, cpi, tsy_1y)", "VAR Granger name")
checkerr(function() tsa.var_select(us, {max_lags = 400}) end, "too large", "select max_lags")

-- a dataset works as the list of its columns
local ds = dataset.new{ccpi, cm2, cppi}
local md = tsa.var(ds, {lags = 2})
close(md.coef.cpi["L1.m2"], ref.cn2["coef|cpi|L1.m2"], "VAR from a dataset")

-- tsa.nsdiffs, tsa.ndiffs and auto_arima's choice of D against R's
-- forecast 8.20 (make_r_nsdiffs.R -> r_nsdiffs.csv) on bundled real
-- monthly and quarterly series. The seasonal strength uses STL with R's
-- stl settings (tenor's STL reproduces R's to rounding), the OCSB and KPSS
-- statistics are OLS t ratios and sums: all deterministic, to 1e-9.
local R = read_cases("tests/fixtures/r_nsdiffs.csv")

local function csv(file) return data.read_csv("examples/data/" .. file) end
local air = data.read_csv("tests/fixtures/airpassengers.csv").passengers:log()
air.name = "air"
local cases = {
  air = air,
  us_ip = csv("us_industrial_production_monthly.csv").indpro:log():slice("1990-01", "2021-01"),
  cn_cpi_yoy = csv("cn_cpi_monthly.csv").national_yoy_pct:slice("2008-01", "2025-09"),
  cn_m0 = csv("cn_money_supply_monthly.csv").m0_100m_cny:log():slice("2008-01", "2025-09"),
  cn_ip_yoy = csv("cn_industrial_value_added_monthly.csv").iva_yoy_pct:slice("2008-02", "2025-04"):fill("linear"),
  us_cpi_nsa = csv("us_cpi_u_nsa_monthly.csv").cpi_u_nsa:log():slice("1990-01", "2025-09"),
  cn_gdp_ytd = csv("cn_gdp_ytd_quarterly.csv").gdp_ytd_100m_cny:log(),
  us_gdp = csv("us_gdp_quarterly.csv").gdp_nominal:log(),
}
local names = {}
for nm in pairs(cases) do names[#names + 1] = nm end
table.sort(names)

local seen = {[0] = 0, [1] = 0}
for _, nm in ipairs(names) do
  local x, r = cases[nm], R[nm]
  eq(#x, r.n, nm .. ": the same values as R")
  local m = x.freq == "M" and 12 or 4
  -- seas: the strength, and on the seasonally differenced series
  local s = tsa.nsdiffs(x)
  close(s.stat, r.seas_strength, nm .. ": seasonal strength (R's seas.heuristic)", 1e-9)
  eq(s.D, r.nsdiffs_seas, nm .. ": nsdiffs seas")
  seen[s.D] = seen[s.D] + 1
  close(tsa.nsdiffs(x:diff(m):trim()).stat, r.seas_strength_sdiff, nm .. ": strength after a seasonal difference", 1e-9)
  local s2 = tsa.nsdiffs(x, {max_D = 2})
  eq(s2.D, r.nsdiffs_seas_max2, nm .. ": nsdiffs seas with max_D = 2")
  if s.D == 1 then close(s2.steps[2].stat, r.seas_strength_sdiff, nm .. ": max_D = 2 tests the differenced series", 1e-9) end
  -- ocsb
  local o = tsa.nsdiffs(x, {test = "ocsb"})
  close(o.stat, r.ocsb_stat, nm .. ": OCSB statistic", 1e-9)
  close(o.crit, r.ocsb_crit, nm .. ": OCSB critical value", 1e-12)
  eq(o.lags, r.ocsb_lag, nm .. ": OCSB lags")
  eq(o.D, r.nsdiffs_ocsb, nm .. ": nsdiffs ocsb")
  -- ndiffs
  local d = tsa.ndiffs(x)
  close(d.stat, r.kpss_stat, nm .. ": KPSS statistic at forecast's lag", 1e-9)
  eq(d.lags, r.kpss_lag, nm .. ": KPSS lags trunc(3 sqrt(n)/13)")
  eq(d.d, r.ndiffs, nm .. ": ndiffs")
  eq(tsa.ndiffs(x:diff(m):trim()).d, r.ndiffs_sdiff, nm .. ": ndiffs after a seasonal difference")
end
check(seen[0] >= 3 and seen[1] >= 3, "the cases include series with D = 0 and D = 1")

-- the threshold is strict (forecast: > 0.64) and movable
local F = R.us_cpi_nsa.seas_strength
eq(tsa.nsdiffs(cases.us_cpi_nsa, {threshold = F - 1e-6}).D, 1, "a threshold just below the strength differences")
eq(tsa.nsdiffs(cases.us_cpi_nsa, {threshold = F + 1e-6}).D, 0, "a threshold just above it does not")
eq(tsa.nsdiffs(air, {max_D = 0}).D, 0, "max_D = 0: no seasonal difference")
eq(#tsa.nsdiffs(air).steps, 1, "max_D = 1: one test, as R")
eq(tsa.nsdiffs(air:to("Q", "mean")).period, 4, "quarterly data: period 4")

-- the decomposition behind the strength: R's stl(x, s.window = 11) with its
-- defaults (s.degree 0; t.window nextodd(ceiling(1.5 m/(1 - 1.5/11))): 21
-- monthly, 7 quarterly; l.window nextodd(m); jumps ceiling(window/10);
-- inner 2) is s:stl with these options, to rounding (r_mstl.csv: mstl's)
local comp = {}
for line in io.lines("tests/fixtures/r_mstl.csv") do
  local c, i, sv, tv = line:match("^([^,]+),(%d+),([^,]+),([^,]+)$")
  if c then
    comp[c] = comp[c] or {seasonal = {}, trend = {}}
    comp[c].seasonal[tonumber(i)], comp[c].trend[tonumber(i)] = tonumber(sv), tonumber(tv)
  end
end
local R_STL = {air = {period = 12, seasonal = 11, seasonal_deg = 0, trend = 21, low_pass = 13, seasonal_jump = 2,
                      trend_jump = 3, low_pass_jump = 2, inner = 2},
               cn_gdp_ytd = {period = 4, seasonal = 11, seasonal_deg = 0, trend = 7, low_pass = 5, seasonal_jump = 2,
                             trend_jump = 1, low_pass_jump = 1, inner = 2}}
for nm, o in pairs(R_STL) do
  local T, S = cases[nm]:stl(o)
  local ts, ss, worst = T:values(), S:values(), 0
  eq(#ss, #comp[nm].seasonal, nm .. ": R's decomposition has as many values")
  for i = 1, #ss do
    worst = math.max(worst, math.abs(ss[i] - comp[nm].seasonal[i]), math.abs(ts[i] - comp[nm].trend[i]))
  end
  check(worst < 1e-12, ("%s: s:stl with R's settings equals R's stl (largest difference %.2g)"):format(nm, worst))
end

-- a series that the differencing makes constant stops there (R: nsdiffs of
-- a repeated yearly pattern is 1 with max.D = 2 too; ndiffs of a line is 1)
local pat, v = {1, 3, 2, 5, 4, 6, 9, 8, 7, 3, 2, 1}, {}
for i = 1, 48 do v[i] = pat[(i - 1) % 12 + 1] end
local periodic = tsa.nsdiffs(series.new{freq = "M", start = "2000-01", values = v}, {max_D = 2})
eq(periodic.D, 1, "a pure seasonal pattern: one seasonal difference leaves a constant")
close(periodic.stat, 1, "its seasonal strength is 1", 1e-12)
eq(#periodic.steps, 1, "no test on the constant difference")
local line = {}
for i = 1, 40 do line[i] = 3 + 0.1 * i end   -- its differences are 0.1 up to rounding
local dl = tsa.ndiffs(series.new{freq = "A", start = "1980", values = line})
eq(dl.d, 1, "a straight line: one difference leaves a constant")
eq(#dl.steps, 1, "no test on the constant difference")

-- the printed result states the test and the choice
local txt = tostring(tsa.nsdiffs(air))
check(txt:find("D = 1", 1, true) and txt:find("0.9645", 1, true) and txt:find("forecast::nsdiffs", 1, true),
      "nsdiffs prints D, the strength and whose convention")
check(tostring(tsa.ndiffs(air)):find("d = 1", 1, true), "ndiffs prints d")

-- errors
checkerr(function() tsa.nsdiffs(air:slice(nil, "1950-12")) end,
         "tsa.nsdiffs: series 'air' has 24 values; the seas test with period 12 needs at least 25", "two cycles: too short")
checkerr(function() tsa.nsdiffs(air:slice(nil, "1950-06"), {test = "ocsb"}) end, "the ocsb test with period 12 needs at least", "ocsb too short")
checkerr(function() tsa.nsdiffs(air, {test = "ocsb", threshold = 0.5}) end, "threshold applies to test = \"seas\" only", "threshold with ocsb")
checkerr(function() tsa.nsdiffs(air, {period = 7}) end, "tsa.nsdiffs: period 7 does not fit", "a period that does not fit monthly data")
checkerr(function() tsa.nsdiffs(csv("cn_industrial_value_added_monthly.csv").iva_yoy_pct) end, "is missing at", "missing values")
checkerr(function() tsa.nsdiffs(air * 0 + 1) end, "is constant", "constant series")
local smooth = {}
for i = 1, 80 do smooth[i] = math.sin(i / 3) + i / 10 end   -- a linear recurrence: OCSB's Z4 and Z5 are collinear
checkerr(function() tsa.nsdiffs(series.new{freq = "M", start = "2015-01", values = smooth}, {test = "ocsb"}) end,
         "tsa.nsdiffs: the OCSB regression on the series has collinear regressors", "a collinear OCSB regression")
local annual = series.new{freq = "A", start = "1990", values = {1, 3, 2, 5, 4, 6, 5, 8, 7, 9, 8, 11, 10, 12, 11, 14, 13, 15}}
checkerr(function() tsa.nsdiffs(annual) end, "give the seasonal period of A data", "annual data needs a period")

-- auto_arima chooses D by nsdiffs when sdiff is not given, then d on the
-- seasonally differenced series (R's order), as R's auto.arima
-- (approximation = FALSE, stepwise = TRUE). With R's rule that drops a
-- model with a root within 1.01 of the unit circle, the search ends on R's
-- orders on log AirPassengers (the airline model) and China's year-to-date
-- GDP and China's M0 ((1,1,2)(0,1,2)). R's
-- arima approximates the diffuse start with a variance of 1e6 (kappa), so
-- its log-likelihood differs from the exact diffuse one (statsmodels',
-- ours) by ~1e-5 relative.
for _, c in ipairs{{"air", air}, {"cn_gdp_ytd", cases.cn_gdp_ytd}, {"cn_m0", cases.cn_m0}} do
  for _, ic in ipairs{"aic", "aicc"} do
    local r = R["auto_" .. c[1] .. "_" .. ic]
    local a = tsa.auto_arima(c[2], {seasonal = true, ic = ic})
    eq(a.search.D, r.D, c[1] .. " " .. ic .. ": D chosen as R")
    eq(a.search.D_by, "tsa.nsdiffs seas", c[1] .. ": D chosen by the seas test")
    eq(a.search.nsdiffs.D, a.search.D, c[1] .. ": the nsdiffs result is kept")
    eq(a.search.d, r.d, c[1] .. " " .. ic .. ": d chosen as R")
    eq(a.search.d_by, "tsa.ndiffs kpss", c[1] .. ": d chosen by KPSS")
    local sp = a.spec
    eq(("%d,%d,%d,%d"):format(sp.p, sp.q, sp.P, sp.Q), ("%d,%d,%d,%d"):format(r.p, r.q, r.P, r.Q),
       c[1] .. " " .. ic .. ": the orders R's auto.arima chooses")
    eq(#a.trend_terms, r.drift, c[1] .. ": drift as R")
    close(a.loglik, r.loglik, c[1] .. " " .. ic .. ": log-likelihood (R's kappa = 1e6 start)", 5e-5)
  end
end
-- the models R would drop are dropped: on China's GDP (0,1,0)(2,1,2)
-- reaches sma2 = 0.9996, an MA root on the unit circle
local g = tsa.auto_arima(cases.cn_gdp_ytd, {seasonal = true})
local dropped = 0
for _, m in ipairs(g.search.models) do
  if m.dropped then dropped = dropped + 1; check(m.ic == nil, "a dropped model has no criterion") end
end
check(dropped > 0, "China GDP: some models dropped for a root near the unit circle")
-- the root rule by hand: 1 - 0.995 z has its root at 1.005 (< 1.01);
-- 1 - 0.99 z at 1.0101; 1 + 1.7627 z + 0.999601 z² (a_1 = -1.7627,
-- a_2 = -0.999601) complex roots of modulus 1/sqrt(0.999601) = 1.0002;
-- 1 - 0.5 z + 0.3 z²: modulus 1/sqrt(0.3) = 1.826
local ro = tsa._roots_outside
check(not ro({0.995}, 1.01) and ro({0.99}, 1.01), "AR(1) roots against 1.01")
check(not ro({-1.7627, -0.999601}, 1.01) and ro({-1.7627, -0.999601}, 1.0001), "MA(2) near the unit circle")
check(ro({0.5, -0.3}, 1.82) and not ro({0.5, -0.3}, 1.83), "complex roots of modulus 1.826")
check(ro({1.3, -0.4}, 1.24) and not ro({1.3, -0.4}, 1.26), "(1 - 0.5 z)(1 - 0.8 z): real roots 2 and 1.25")
check(ro({}, 1.01) and ro({0, 0}, 1.01), "no coefficient: no root")
-- the rest looks only at D and d, chosen before the search: one model each
local one = {max_p = 0, max_q = 0, max_sp = 0, max_sq = 0}
local function only(o) for k, v in pairs(one) do o[k] = v end return o end
local given = tsa.auto_arima(air, only{seasonal = true, sdiff = 0})
eq(given.search.D, 0, "sdiff overrides the test")
eq(given.search.D_by, "given (sdiff)", "and the search says so")
local o = tsa.auto_arima(air, only{seasonal = true, seasonal_test = "ocsb"})
eq(o.search.D, 0, "seasonal_test = ocsb: OCSB rejects a seasonal unit root in log AirPassengers (R: 0)")
eq(o.search.nsdiffs.test, "ocsb", "the OCSB result is kept")
local short = tsa.auto_arima(air:slice(nil, "1950-12"), only{seasonal = true})
eq(short.search.D, 0, "two cycles or fewer: D = 0 without a test, as R")
checkerr(function() tsa.auto_arima(air, {sdiff = 1}) end, "sdiff and seasonal_test need a seasonal part", "sdiff without seasonal")
local gdp12 = cases.cn_gdp_ytd:slice(nil, "2008Q4")
gdp12.name = "gdp"
checkerr(function() tsa.auto_arima(gdp12, {seasonal = true, seasonal_test = "ocsb"}) end,
         "tsa.auto_arima: series 'gdp' has 12 values; the ocsb test with period 4 needs at least 14; give sdiff",
         "OCSB too short inside auto_arima")

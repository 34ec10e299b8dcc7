-- regress.rolling / regress.expanding: against statsmodels 0.13.5 RollingOLS
-- (fixture and script in tests/fixtures/), against regress.ols on the same
-- window (QR, a different algorithm), robust covariances, and the errors.
local ref = assert(data.read_csv("tests/fixtures/statsmodels_rolling.csv"))
local cpi = assert(data.read_csv("examples/data/us_cpi_fred_monthly.csv")).cpi_all_nsa:yoy()
local ppi = assert(data.read_csv("examples/data/us_ppi_monthly.csv")).ppi_all_commodities:yoy()
local ff = assert(data.read_csv("examples/data/us_rates_fred_monthly.csv")).fed_funds
local r = regress.rolling(cpi:slice("1955-07", "2023-11"), {ppi = ppi, fed_funds = ff}, {window = 60})
local function like(s) return s:slice(r.nobs:dropna().start, "2023-11") end
same_series(like(r.coef.const), like(ref.b_const), 1e-9, "rolling intercept")
same_series(like(r.coef.ppi), like(ref.b_ppi), 1e-9, "rolling ppi coefficient")
same_series(like(r.coef.fed_funds), like(ref.b_fed_funds), 1e-9, "rolling fed funds coefficient")
same_series(like(r.se.ppi), like(ref.se_ppi), 1e-9, "rolling ppi std. error")
same_series(like(r.se.const), like(ref.se_const), 1e-9, "rolling intercept std. error")
same_series(like(r.r2), like(ref.r2), 1e-9, "rolling R2")
eq(r.nobs:at("2023-11"), 60)

-- every window equals a fresh QR fit of the same rows
for _, stop in ipairs{"1962-01", "1980-03", "2008-12", "2023-11"} do
  local from = r.nobs:slice(nil, stop):tail(60).start
  local f = regress.ols(cpi:slice(from, stop), {ppi = ppi, fed_funds = ff})
  near(r.coef.ppi:at(stop), f.coef.ppi, 1e-10, "window ending " .. stop)
  near(r.se.fed_funds:at(stop), f.se.fed_funds, 1e-10)
end

-- expanding and step
local e = regress.expanding(cpi:slice("1990-01", "2023-11"), {ppi = ppi})
local whole = regress.ols(cpi:slice("1990-01", "2023-11"), {ppi = ppi})
near(e.coef.ppi:at("2023-11"), whole.coef.ppi, 1e-10, "the last expanding window is the full sample")
eq(e.nobs:at("2023-11"), whole.nobs)
local stepped = regress.rolling(cpi:slice("2000-01", "2023-11"), {ppi = ppi}, {window = 24, step = 12})
check(stepped.coef.ppi:at("2023-11") ~= nil and stepped.coef.ppi:at("2023-10") == nil, "step 12 keeps every 12th window, ending at the last")

-- a robust covariance refits each window with regress.ols
local rh = regress.rolling(cpi:slice("2010-01", "2023-11"), {ppi = ppi}, {window = 48, cov = "HAC", lag = 4})
local fh = regress.ols(cpi:slice("2019-12", "2023-11"), {ppi = ppi}, {cov = "HAC", lag = 4})
near(rh.se.ppi:at("2023-11"), fh.se.ppi, 1e-12, "HAC rolling window")

-- errors
checkerr(function() regress.rolling(cpi, {ppi = ppi}) end, "regress.rolling: option 'window' is required: {window = n}")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {windw = 24}) end, "regress.rolling: unknown option 'windw' (did you mean 'window'?")
checkerr(function() regress.expanding(cpi, {ppi = ppi}, {window = 24}) end, "regress.expanding: unknown option 'window'")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {window = 24, cov = "HAX"}) end, "regress.rolling: option 'cov' must be one of classical, HC0, HC1, HC2, HC3, HAC (got 'HAX')")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {window = 24, const = false}) end, "regress.rolling: option 'const' must be true")
checkerr(function() regress.xcorr(cpi, ppi, {max_lags = 3}) end, "regress.xcorr: unknown option 'max_lags' (did you mean 'max_lag'?")
eq(#regress.xcorr(cpi, ppi, {maxlags = 3}).lags, 7, "xcorr takes matplotlib's maxlags")
checkerr(function() regress.rolling(cpi:slice("2020-01", "2020-12"), {ppi = ppi}, {window = 24}) end, "longer than the common span")
checkerr(function() regress.rolling(cpi, {ppi = ppi}, {window = 60, min_obs = 2}) end, "min_obs must be at least 3")

-- Ill-conditioned windows (issue 17), against exact solves in rational
-- arithmetic (tests/fixtures/make_exact_rolling.py). The normal equations'
-- error grows with cond²: on x2 = x1 + 1e-4·u they gave 8.5e-7 relative
-- error; at 1e-6 and on a cubic in the year every window was NA without a
-- word. Each window is now checked and refitted by QR when ill-conditioned.
local function against_exact(file, names, opts, se_prefix)
  local d = assert(data.read_csv(file))
  local xs = {}
  for _, n in ipairs(names) do xs[#xs + 1] = {n, d[n]} end
  local r = regress.rolling(d.y, xs, opts)
  local wb, ws, windows = 0, 0, 0
  for _, date in ipairs(d.y:dates()) do
    if d.b_const:at(date) then
      windows = windows + 1
      for _, c in ipairs{"const", table.unpack(names)} do
        local rb, rs = d["b_" .. c]:at(date), d[se_prefix .. "_" .. c]:at(date)
        local gb, gs = r.coef[c]:at(date), r.se[c]:at(date)
        wb = math.max(wb, gb and math.abs(gb - rb) / math.abs(rb) or math.huge)
        ws = math.max(ws, gs and math.abs(gs - rs) / math.abs(rs) or math.huge)
      end
    end
  end
  return wb, ws, windows, r
end
for _, case in ipairs{
    {"tests/fixtures/exact_rolling_collinear4.csv", {"x1", "x2"}, {window = 60}, "se", 1e-11, "x2 = x1 + 1e-4·u"},
    {"tests/fixtures/exact_rolling_collinear.csv", {"x1", "x2"}, {window = 60}, "se", 5e-9, "x2 = x1 + 1e-6·u"},
    {"tests/fixtures/exact_rolling_cubic.csv", {"year", "year2", "year3"}, {window = 60}, "se", 5e-9, "cubic in the year"},
    {"tests/fixtures/exact_rolling_cubic.csv", {"year", "year2", "year3"}, {window = 60, cov = "HC0"}, "hc0", 5e-9,
     "cubic in the year, HC0"}} do
  local wb, ws, windows, rr = against_exact(case[1], case[2], case[3], case[4])
  check(windows >= 5, case[6] .. ": windows to compare")
  check(wb < case[5], ("%s: coefficients within %g of exact (worst %.2g)"):format(case[6], case[5], wb))
  check(ws < case[5], ("%s: standard errors within %g of exact (worst %.2g)"):format(case[6], case[5], ws))
  eq(rr.qr_windows, rr.coef.const:count(), case[6] .. ": every window refitted by QR")
  eq(#rr.notes, 0, case[6] .. ": nothing to report")
end
eq(regress.rolling(cpi:slice("1955-07", "2023-11"), {ppi = ppi, fed_funds = ff}, {window = 60}).qr_windows, 0,
   "a well-conditioned design stays on the O(k²) update")

-- a window where the regressors are exactly collinear is NA, and says so
do
  local v1, v2, yv = {}, {}, {}
  for i = 1, 40 do v1[i] = math.sin(i); v2[i] = i <= 20 and 2 * v1[i] or math.cos(i); yv[i] = v1[i] + math.cos(3 * i) end
  local function S(v, name) return series.new{freq = "M", start = "2020-01", values = v, name = name} end
  local r = regress.rolling(S(yv, "y"), {S(v1, "a"), S(v2, "b")}, {window = 12})
  eq(r.coef.a:at("2020-12"), nil, "collinear window: NA")
  eq(r.nobs:at("2020-12"), 12, "its rows are counted")
  check(r.coef.a:at("2022-04") ~= nil, "later windows are fitted")
  check(r.notes[1] and r.notes[1]:find("window(s) are NA because the regressors are collinear in them (the first ends 2020-12: b depends on the others)", 1, true),
        "the note says which windows and why: " .. tostring(r.notes[1]))
  check(tostring(r):find("note: 9 window(s)", 1, true), "printed: " .. tostring(r))
end

-- a window where y is constant: coefficients (0 slope), R² NA, and a note
do
  local yv, xv = {}, {}
  for i = 1, 30 do xv[i] = math.sin(i); yv[i] = i <= 12 and 2 or math.cos(i) end
  local r = regress.rolling(series.new{freq = "M", start = "2020-01", values = yv},
                            {{"x", series.new{freq = "M", start = "2020-01", values = xv}}}, {window = 12})
  near(r.coef.x:at("2020-12"), 0, 1e-12, "flat y: slope 0"); near(r.coef.const:at("2020-12"), 2, 1e-12)
  eq(r.r2:at("2020-12"), nil, "R² NA")
  check(r.notes[1] and r.notes[1]:find("1 window(s) have y constant, so R² is NA there (the first ends 2020-12)", 1, true),
        tostring(r.notes[1]))
end

-- HC3 in a window where a dummy has leverage 1: se NA there, and a note
do
  local yv, xv, dv = {}, {}, {}
  for i = 1, 30 do xv[i] = math.sin(i); yv[i] = xv[i] + math.cos(2 * i); dv[i] = i == 24 and 1 or 0 end
  local M = function(v) return series.new{freq = "M", start = "2020-01", values = v} end
  local r = regress.rolling(M(yv), {{"x", M(xv)}, {"d", M(dv)}}, {window = 12, cov = "HC3"})
  eq(r.se.x:at("2021-12"), nil, "the window holding the dummy's row: NA")
  eq(r.coef.x:at("2021-11"), nil, "earlier windows: d is all zero, a collinear column: NA (noted)")
  check(r.notes[1]:find("window(s) are NA because the regressors are collinear in them (the first ends 2020-12: d depends", 1, true), r.notes[1])
  local f = regress.ols(M(yv):slice("2021-01", "2021-12"), {x = M(xv), d = M(dv)}, {cov = "HC0"})
  local r0 = regress.rolling(M(yv), {{"x", M(xv)}, {"d", M(dv)}}, {window = 12, cov = "HC0"})
  near(r0.se.x:at("2021-12"), f.se.x, 1e-12, "HC0 is defined there, as regress.ols gives it")
  local found = false
  for _, n in ipairs(r.notes) do found = found or n:find("window(s) have an observation with leverage 1", 1, true) ~= nil end
  check(found, "the note: " .. table.concat(r.notes, " | "))
end

-- regressors of size 1e±154..160: the window's sums of squares leave the
-- safe range, so those windows go to QR (scaled norms) instead of giving a
-- slope off by 1e-6 and an infinite se. Reference: slope and se by hand on
-- the last window, b = Sxy/Sxx, se = sqrt(s²/Sxx), divided by the scale.
do
  local x, y = {}, {}
  for i = 1, 40 do x[i] = i + math.sin(i); y[i] = 2 + 3 * x[i] + math.cos(i) end
  local mx, my = 0, 0
  for i = 21, 40 do mx, my = mx + x[i] / 20, my + y[i] / 20 end
  local sxx, sxy, syy = 0, 0, 0
  for i = 21, 40 do sxx, sxy, syy = sxx + (x[i] - mx)^2, sxy + (x[i] - mx) * (y[i] - my), syy + (y[i] - my)^2 end
  local b, Y = sxy / sxx, series.new{freq = "M", start = "2020-01", values = y}
  local se = math.sqrt((syy - b * sxy) / 18 / sxx)
  for _, m in ipairs{1, 1e-154, 1e-160, 1e154, 1e160} do
    local xm = {}
    for i = 1, 40 do xm[i] = x[i] * m end
    local r = regress.rolling(Y, {{"x", series.new{freq = "M", start = "2020-01", values = xm}}}, {window = 20})
    near(r.coef.x:at("2023-04") * m / b, 1, 1e-12, "rolling slope, x scaled by " .. m)
    near(r.se.x:at("2023-04") * m / se, 1, 1e-10, "rolling se, x scaled by " .. m)
  end
end

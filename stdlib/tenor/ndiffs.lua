--[[ How many differences a series needs: tsa.ndiffs and tsa.nsdiffs, the
choices R's forecast::auto.arima makes before its order search (forecast
8.20's ndiffs and nsdiffs, read from its R source and reproduced here).

r = tsa.ndiffs(s, {test = "kpss", alpha = 0.05, max_d = 2})
  d = 0; while KPSS (constant, H0 stationary) rejects at alpha and d < max_d:
  difference once more. KPSS with lags = trunc(3 sqrt(n)/13) Bartlett lags
  for the n values tested (forecast's ur.kpss call), p interpolated in
  KPSS's table and clamped to 0.01 .. 0.10 (urca's table, forecast's
  approx(rule = 2)). A series that becomes constant stops the search.

r = tsa.nsdiffs(s, {test = "seas"|"ocsb", period =, max_D = 1, threshold = 0.64})
  D = 0; while the test calls for a seasonal difference and D < max_D:
  difference at lag `period` once more (tested again only while the series
  keeps two cycles and the test's minimum length, as forecast).
  "seas" (forecast's default, seas.heuristic): the seasonal strength
    F_s = max(0, min(1, 1 - Var(R) / Var(S + R)))
  of an STL decomposition x = T + S + R with the settings forecast's mstl
  gives a single-period series: R's stl(x, s.window = 11), i.e. seasonal
  span 11 of degree 0, trend span nextodd(ceil(1.5 m / (1 - 1.5/11))),
  low-pass span nextodd(m), each jump ceil(span/10), 2 inner passes, no
  robustness (s:stl with those options: it reproduces R's stl to
  rounding). Variances are sample variances (the n - 1 cancels). A
  seasonal difference when F_s > threshold (strictly, as forecast's code).
  "ocsb" (Osborn, Chui, Smith and Birchenhall 1988, forecast's ocsb.test
    with maxlag = 3, lag.method = "AIC"): w = ΔΔ_m x regressed (no
  constant) on its lags 1..L gives β; Z4 = Δ_m x - Σ β_k Δ_m x_{t-k}, Z5 =
  Δx - Σ β_k Δx_{t-k}; then w on its L lags, Z4_{t-1} and Z5_{t-m} by OLS
  and stat = the t ratio of Z5_{t-m}; a seasonal difference when stat >
  crit = -0.2937411 exp(-0.2850853 (ln m - 0.7656451) - 0.05983644 (ln m -
  0.7656451)^2) - 1.652202 (forecast's calcOCSBCritVal, 5%). L: the three
  fits with 1, 2, 3 lags on the rows after the third lag are compared by
  AIC and L = (the best one's lag count) - 1, with the final fit on the
  rows after L lags — forecast 8.20's indexing, kept so that the
  statistic is R's.
  Only the 5% level exists for OCSB (as forecast). A collinear OCSB
  regression (an exactly regular series, such as a sine plus a line) is an
  error; R's lm would drop the aliased regressors and go on.
Results: tables that print; fields d or D, test, stat (the statistic on the
series as given), p (ndiffs), crit (ndiffs: alpha; seas: threshold; ocsb:
the critical value), lags (ndiffs: KPSS lags; ocsb: L), steps (one entry
per test run: {D|d =, stat =, diff = true|false, ...}), period, nobs,
series, first, last.
Unlike R, too short a series is an error naming what it needs (R warns and
returns 0), and a missing value inside the span is an error (R's mstl
interpolates it): fill or slice first.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = tsa
-- the C fit, held here: a sandboxed run removes the "_" primitives from `regress`
local ols_raw = regress._ols

local function yes(b) return b and "yes" or "no" end

-- The period from the option or the frequency (M 12, Q 4).
local function period_of(t, period, who)
  local m = period or ({M = 12, Q = 4})[t.freq]
  if not m then error(("%s: give the seasonal period of %s data, e.g. {period = 12}"):format(who, t.freq), 3) end
  return m
end

-- Constant as forecast's is.constant (all.equal's tolerance): the mean
-- absolute distance to the first value below 1.5e-8 times the mean
-- absolute value (absolute when that mean is below 1.5e-8), so that the
-- differences of a rounded line count as constant.
local function is_constant(t)
  local v, dist, size = t:values(), 0, 0
  for i = 1, #v do dist, size = dist + math.abs(v[i] - v[1]), size + math.abs(v[i]) end
  dist, size = dist / #v, size / #v
  return dist < 1.5e-8 * (size > 1.5e-8 and size or 1)
end

-- ndiffs ---------------------------------------------------------------------

args.declare("tsa.ndiffs", {
  {"test", "string", choices = {"kpss"}, default = "kpss", help = "unit-root test (forecast's default)"},
  {"alpha", "number", min = 0.01, max = 0.1, default = 0.05, help = "level of the KPSS test"},
  {"max_d", "integer", min = 0, max = 3, default = 2, aliases = {"d_max"}, help = "most differences"},
})

local ndiffs_mt = {__name = "tsa.ndiffs"}
function ndiffs_mt.__tostring(r)
  local lines = {("Differences for %s, %s .. %s: d = %d"):format(r.series, r.first, r.last, r.d),
    ("KPSS (constant; H0 stationary) at %g, trunc(3 sqrt(n)/13) lags, as R's forecast::ndiffs"):format(r.crit),
    ("%3s %6s %5s %10s %8s  %s"):format("d", "n", "lags", "stat", "p", "difference?")}
  for _, st in ipairs(r.steps) do
    lines[#lines + 1] = ("%3d %6d %5d %10.4f %8.4f  %s"):format(st.d, st.nobs, st.lags, st.stat, st.p, yes(st.diff))
  end
  return table.concat(lines, "\n")
end

local function kpss_step(x, d, alpha)
  local lags = math.floor(3 * math.sqrt(#x) / 13)
  local k = M.kpss(x, {lags = lags})
  local p = math.max(0.01, math.min(0.10, k.p))
  return {d = d, nobs = #x, lags = lags, stat = k.stat, p = p, diff = p < alpha}
end

function M.ndiffs(s, opts)
  local o = args.check("tsa.ndiffs", opts)
  local t = M._clean(s, "tsa.ndiffs", "s", 4)
  local alpha, max_d = o.alpha or 0.05, o.max_d or 2
  local r = setmetatable({d = 0, test = "kpss", crit = alpha, steps = {}, nobs = #t, series = s.name or "s",
                          first = t:dates()[1], last = t:dates()[#t]}, ndiffs_mt)
  local x = t
  while true do
    local st = kpss_step(x, r.d, alpha)
    r.steps[#r.steps + 1] = st
    if not st.diff or r.d >= max_d then break end
    r.d, x = r.d + 1, x:diff():trim()
    if is_constant(x) or #x < 4 then break end
  end
  r.stat, r.p, r.lags = r.steps[1].stat, r.steps[1].p, r.steps[1].lags
  return r
end

doc.add("tsa.ndiffs", "tsa.ndiffs(s, {test = \"kpss\", alpha = 0.05, max_d = 2}) -> result",
  "The number of differences d as R's forecast::ndiffs: difference while KPSS (constant) rejects stationarity at " ..
  "alpha, up to max_d; trunc(3 sqrt(n)/13) Bartlett lags for the n values tested (forecast's), p clamped to " ..
  "0.01 .. 0.10. Fields: d, stat and p (KPSS on the series as given), lags, crit (alpha), steps ({d, nobs, lags, " ..
  "stat, p, diff} per test run), nobs. A missing value inside the span is an error.",
  "local r = tsa.ndiffs(ip:log())\nprint(r.d)\nprint(r)")

-- nsdiffs --------------------------------------------------------------------

args.declare("tsa.nsdiffs", {
  {"test", "string", choices = {"seas", "ocsb"}, default = "seas",
   help = "seasonal strength of an STL fit (seas) or the OCSB regression test (ocsb), as forecast::nsdiffs"},
  {"period", "integer", min = 2, default = "12 M, 4 Q", help = "observations per seasonal cycle"},
  {"max_D", "integer", min = 0, max = 2, default = 1, help = "most seasonal differences"},
  {"threshold", "number", gt = 0, lt = 1, default = 0.64, help = "seas: a difference when the strength exceeds it"},
})

local function nextodd(x) return x % 2 == 0 and x + 1 or x end

-- STL with the settings forecast's mstl uses for one period m: R's
-- stl(x, s.window = 11) and its defaults.
local function seas_stl_options(m)
  local sw = 11
  local tw = nextodd(math.ceil(1.5 * m / (1 - 1.5 / sw)))
  local lw = nextodd(m)
  return {period = m, seasonal = sw, seasonal_deg = 0, trend = tw, trend_deg = 1, low_pass = lw, low_pass_deg = 1,
          seasonal_jump = math.ceil(sw / 10), trend_jump = math.ceil(tw / 10), low_pass_jump = math.ceil(lw / 10),
          inner = 2, outer = 0, robust = false}
end

local function seas_strength(x, m)
  local ok, _, S, R = pcall(x.stl, x, seas_stl_options(m))
  if not ok then error("tsa.nsdiffs: " .. tostring(_):gsub("^.-s:stl: ", ""), 0) end
  local vr, vsr = R:var(), (S + R):var()
  if not (vsr > 0) then return 0 end
  return math.max(0, math.min(1, 1 - vr / vsr))
end

local function ocsb_crit(m)
  local u = math.log(m) - 0.7656451
  return -0.2937411 * math.exp(-0.2850853 * u - 0.05983644 * u * u) - 1.652202
end

-- Σ_k b_k z_{t-k}, k = 1..#b, as a series (missing for the first #b).
local function lag_sum(z, b)
  local out = z * 0
  for k = 1, #b do out = out + b[k] * z:lag(k) end
  return out
end

-- One OCSB regression with `lag` lags of w = ΔΔ_m x on the rows after the
-- first `trim` values of w: returns the final fit and its AIC.
local function ocsb_fit(x, m, lag, trim)
  local w = x:diff(m):diff():trim()
  local y = w:slice(w:dates()[trim + 1])
  local lags, names = {}, {}
  for k = 1, lag do lags[k], names[k] = w:lag(k), "lag" .. k end
  local b = {}
  if lag > 0 then
    local ar = ols_raw(y, lags, names, {const = false})
    for k = 1, lag do b[k] = ar.coef[names[k]] end
  end
  local dm, d1 = x:diff(m), x:diff()
  local z4, z5 = dm - lag_sum(dm, b), d1 - lag_sum(d1, b)
  local cols, cn = {}, {}
  for k = 1, lag do cols[k], cn[k] = lags[k], names[k] end
  cols[#cols + 1], cn[#cn + 1] = z4:lag(1), "Z4"
  cols[#cols + 1], cn[#cn + 1] = z5:lag(m), "Z5"
  return ols_raw(y, cols, cn, {const = false})
end

local OCSB_MAXLAG = 3

local function ocsb_stat(x, m)
  local best, best_aic
  for lag = 1, OCSB_MAXLAG do
    local f = ocsb_fit(x, m, lag, OCSB_MAXLAG)
    if not best_aic or f.aic < best_aic then best, best_aic = lag, f.aic end
  end
  local L = best - 1
  local f = ocsb_fit(x, m, L, L)
  return f.t.Z5, L
end

-- The shortest series each test can run on: STL needs more than two
-- cycles (R's stl); OCSB's widest fit has OCSB_MAXLAG + 2 coefficients on
-- n - m - 1 - OCSB_MAXLAG rows and needs one row more than coefficients.
local function min_length(test, m)
  return test == "seas" and 2 * m + 1 or m + 2 * OCSB_MAXLAG + 4
end

local function nsdiffs_step(x, m, o, D)
  if o.test == "seas" then
    local F = seas_strength(x, m)
    return {D = D, nobs = #x, stat = F, diff = F > o.threshold}
  end
  local ok, stat, L = pcall(ocsb_stat, x, m)
  if not ok then
    if not tostring(stat):find("collinear", 1, true) then error(stat, 0) end
    error(("tsa.nsdiffs: the OCSB regression on %s has collinear regressors (an exactly regular series); use test = \"seas\"")
      :format(D == 0 and "the series" or ("the series differenced %d times"):format(D)), 0)
  end
  return {D = D, nobs = #x, stat = stat, lags = L, diff = stat > ocsb_crit(m)}
end

local nsdiffs_mt = {__name = "tsa.nsdiffs"}
function nsdiffs_mt.__tostring(r)
  local what = r.test == "seas" and ("seasonal strength of STL (forecast's mstl settings); a difference when > %g")
    or "OCSB t ratio (AIC lags, forecast's ocsb.test); a difference when > the 5%% critical value %.4f"
  local lines = {("Seasonal differences for %s, %s .. %s, period %d: D = %d"):format(r.series, r.first, r.last, r.period, r.D),
    ("test %s: " .. what .. ", as R's forecast::nsdiffs"):format(r.test, r.crit),
    ("%3s %6s %10s%s  %s"):format("D", "n", "stat", r.test == "ocsb" and "  lags" or "", "difference?")}
  for _, st in ipairs(r.steps) do
    lines[#lines + 1] = ("%3d %6d %10.4f%s  %s"):format(st.D, st.nobs, st.stat,
      st.lags and ("%6d"):format(st.lags) or "", yes(st.diff))
  end
  return table.concat(lines, "\n")
end

function M.nsdiffs(s, opts)
  local o = args.check("tsa.nsdiffs", opts)
  o.test = o.test or "seas"
  if o.threshold and o.test ~= "seas" then error("tsa.nsdiffs: threshold applies to test = \"seas\" only", 2) end
  o.threshold = o.threshold or 0.64
  local t = M._clean(s, "tsa.nsdiffs", "s")
  local m = period_of(t, o.period, "tsa.nsdiffs")
  local need = min_length(o.test, m)
  if #t < need then
    error(("tsa.nsdiffs: series %s has %d values; the %s test with period %d needs at least %d")
      :format(M._label(s, "s"), #t, o.test, m, need), 2)
  end
  local r = setmetatable({D = 0, test = o.test, period = m, crit = o.test == "seas" and o.threshold or ocsb_crit(m),
                          steps = {}, nobs = #t, series = s.name or "s", first = t:dates()[1], last = t:dates()[#t]},
                         nsdiffs_mt)
  local x, max_D = t, o.max_D or 1
  while true do
    local st = nsdiffs_step(x, m, o, r.D)
    r.steps[#r.steps + 1] = st
    if not st.diff or r.D >= max_D then break end
    r.D, x = r.D + 1, x:diff(m):trim()
    if r.D >= max_D or is_constant(x) or #x < math.max(need, 2 * m) then break end   -- R: tested again from 2 cycles
  end
  r.stat, r.lags = r.steps[1].stat, r.steps[1].lags
  return r
end

doc.add("tsa.nsdiffs", "tsa.nsdiffs(s, {test = \"seas\"|\"ocsb\", period =, max_D = 1, threshold = 0.64}) -> result",
  "The number of seasonal differences D as R's forecast::nsdiffs. seas (default): seasonal strength F_s = " ..
  "max(0, 1 - Var(R)/Var(S + R)) of STL with the settings of forecast's mstl (R's stl(x, s.window = 11): seasonal " ..
  "span 11 of degree 0, R's default trend and low-pass spans and jumps); difference when F_s > threshold. ocsb: " ..
  "Osborn-Chui-Smith-Birchenhall t ratio with lags by AIC (forecast's ocsb.test(maxlag = 3), its lag indexing " ..
  "included) against forecast's 5% critical value. Tested again on the differenced series while D < max_D and it " ..
  "keeps two cycles (and the test's minimum), as forecast. Fields: D, test, stat (on the series as given), crit (threshold or OCSB critical value), " ..
  "lags (ocsb), steps ({D, nobs, stat, diff, lags} per test run), period, nobs. Errors for too short a series " ..
  "(seas needs 2 period + 1 values, ocsb period + 10) or a missing value inside the span (R would return 0 or " ..
  "interpolate).",
  "local r = tsa.nsdiffs(gdp_ytd:log())   -- China's year-to-date GDP: D = 1\nprint(r.D, r.stat)\n" ..
  "print(tsa.nsdiffs(cpi:log():slice(\"1990-01\", \"2025-09\"), {test = \"ocsb\"}))   -- US CPI, not adjusted: D = 0")

return M

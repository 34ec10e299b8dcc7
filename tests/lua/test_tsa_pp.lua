-- tsa.pp (Phillips-Perron) against R: urca::ur.pp and tseries::pp.test on
-- bundled data and a seeded random walk (tests/fixtures/make_r_pp.R made
-- tests/fixtures/r_pp.csv and r_pp_random_walk.csv), Fuller's table against
-- fUnitRoots' transcription, the default (Hamilton) form against a hand
-- calculation, and the errors for bad input.
local ref = read_cases("tests/fixtures/r_pp.csv")
local C = require "tenor._tsa"

local cpi = data.read_csv("examples/data/cn_cpi_monthly.csv").national_yoy_pct
local indpro = data.read_csv("examples/data/us_industrial_production_monthly.csv").indpro:log()
local rw = data.read_csv("tests/fixtures/r_pp_random_walk.csv").rw
local SERIES = {cpi = cpi, indpro = indpro, rw = rw}

-- urca::ur.pp, model "constant"/"trend", Z-tau/Z-alpha, lags short/long
local n_urca = 0
for name, s in pairs(SERIES) do
  for model, trend in pairs({constant = "c", trend = "ct"}) do
    for _, test in ipairs({"tau", "rho"}) do
      for _, lt in ipairs({"short", "long"}) do
        local case = ("urca_%s_%s_%s_%s"):format(name, model, test, lt)
        local want = ref[case]
        local r = tsa.pp(s, {trend = trend, test = test, lags_type = lt, convention = "urca"})
        close(r.stat, want.stat, case .. " stat")
        eq(r.lags, want.lags, case .. " lags")
        eq(r.nobs, want.nobs, case .. " nobs")
        n_urca = n_urca + 1
      end
    end
  end
end
eq(n_urca, 24, "every urca case ran")
close(tsa.pp(cpi, {lags = 3, convention = "urca"}).stat, ref.urca_cpi_constant_tau_3.stat, "urca use.lag = 3")

-- tseries::pp.test (constant and trend only); Z(alpha)'s p is Fuller's table
-- interpolated as ours, so it is compared too
for name, s in pairs(SERIES) do
  for _, test in ipairs({"tau", "rho"}) do
    for _, lt in ipairs({"short", "long"}) do
      local case = ("tseries_%s_%s_%s"):format(name, test, lt)
      local want = ref[case]
      local r = tsa.pp(s, {trend = "ct", test = test, lags_type = lt, convention = "tseries"})
      close(r.stat, want.stat, case .. " stat")
      eq(r.lags, want.lags, case .. " lags")
      if test == "rho" then close(r.p, want.p, case .. " p") end
    end
  end
end

-- Fuller's table 8.5.1 as fUnitRoots transcribes it: at each row's sample
-- size a tabulated value has exactly its probability, and crit is the row
local PROBS = {"0.01", "0.025", "0.05", "0.1", "0.9", "0.95", "0.975", "0.99"}
local n_rows = 0
for _, tr in ipairs({"nc", "c", "ct"}) do
  for _, T in ipairs({"25", "50", "100", "250", "500", "Inf"}) do
    local row, n = ref[("fuller_%s_%s"):format(tr, T)], T == "Inf" and 100000 or tonumber(T)
    local trend = tr == "nc" and "n" or tr
    for _, pr in ipairs(PROBS) do
      local p = C._fuller_rho(row[pr], trend, n)
      close(p, tonumber(pr), ("Fuller %s n=%s p at %s"):format(tr, T, pr), 1e-12)
    end
    local _, _, crit = C._fuller_rho(0, trend, n)
    close(crit[1], row["0.01"], ("Fuller %s n=%s 1%%"):format(tr, T), 1e-12)
    close(crit[2], row["0.05"], ("Fuller %s n=%s 5%%"):format(tr, T), 1e-12)
    close(crit[3], row["0.1"], ("Fuller %s n=%s 10%%"):format(tr, T), 1e-12)
    n_rows = n_rows + 1
  end
end
eq(n_rows, 18, "every Fuller row checked")

-- The default (Hamilton 17.6.8) by hand on 14 values of the random walk with
-- a constant and 2 lags: OLS of y(t) on 1, y(t-1) in closed form,
-- Bartlett long-run variance, Z_tau = sqrt(g0/l2) t - (l2 - g0)/(2 sqrt(l2)) n se/s
do
  local v = rw:slice("2000-01", "2001-02"):values()
  local y, x = {}, {}
  for i = 2, #v do y[#y + 1], x[#x + 1] = v[i], v[i - 1] end
  local n, mx, my = #y, 0, 0
  for i = 1, n do mx, my = mx + x[i] / n, my + y[i] / n end
  local sxx, sxy = 0, 0
  for i = 1, n do sxx, sxy = sxx + (x[i] - mx) ^ 2, sxy + (x[i] - mx) * (y[i] - my) end
  local rho = sxy / sxx
  local u, ssr = {}, 0
  for i = 1, n do u[i] = y[i] - my - rho * (x[i] - mx); ssr = ssr + u[i] ^ 2 end
  local s2 = ssr / (n - 2)
  local se = math.sqrt(s2 / sxx)
  local g0, l2, L = ssr / n, ssr / n, 2
  for j = 1, L do
    local g = 0
    for t = j + 1, n do g = g + u[t] * u[t - j] end
    l2 = l2 + 2 * (1 - j / (L + 1)) * g / n
  end
  local t = (rho - 1) / se
  local ztau = math.sqrt(g0 / l2) * t - (l2 - g0) / (2 * math.sqrt(l2)) * n * se / math.sqrt(s2)
  local zrho = n * (rho - 1) - 0.5 * n ^ 2 * se ^ 2 / s2 * (l2 - g0)
  local r = tsa.pp(rw:slice("2000-01", "2001-02"), {lags = 2})
  close(r.stat, ztau, "hand Z_tau", 1e-12)
  close(r.z_rho, zrho, "hand Z_rho", 1e-12)
  close(r.rho, rho, "hand rho", 1e-12)
  close(r.lrv, l2, "hand long-run variance", 1e-12)
  eq(r.nobs, 13, "rows = values - 1")
end

-- the conventions: with a constant Hamilton's and tseries' forms are one;
-- with a trend tseries' M carries the factor 1 - 1/n^2
local h, ts = tsa.pp(cpi, {test = "rho"}), tsa.pp(cpi, {test = "rho", convention = "tseries"})
eq(h.stat, ts.stat, "constant: hamilton = tseries")
h = tsa.pp(cpi, {trend = "ct", test = "rho"})
ts = tsa.pp(cpi, {trend = "ct", test = "rho", convention = "tseries"})
local n = h.nobs
close((ts.stat - n * h.gamma) * (1 - 1 / n ^ 2), h.stat - n * h.gamma, "trend: the correction scales by 1/(1 - 1/n^2)", 1e-12)

-- without lags there is nothing to correct: Z_tau is the Dickey-Fuller t
-- (tsa.adf with lags = 0, computed on the Δx form), with its p and crit
for _, trend in ipairs({"n", "c", "ct"}) do
  local r, a = tsa.pp(indpro, {trend = trend, lags = 0}), tsa.adf(indpro, {trend = trend, lags = 0})
  close(r.stat, a.stat, trend .. ": Z_tau(0) = ADF tau", 1e-10)
  close(r.p, a.p, trend .. ": same p", 1e-10)
  close(r.z_rho, r.nobs * a.gamma, trend .. ": Z_rho(0) = n gamma", 1e-10)
  for _, k in ipairs({"1%", "5%", "10%"}) do close(r.crit[k], a.crit[k], trend .. " crit " .. k, 1e-12) end
end

-- printing states the convention; a rho beyond the table is flagged
local r = tsa.pp(cpi)
check(tostring(r):find("Z_tau = -3.1204", 1, true), "prints Z_tau")
check(tostring(r):find("Hamilton (1994)", 1, true), "prints the convention")
eq(r.test, "tau"); eq(r.trend, "c"); eq(r.lags_type, "short"); eq(r.convention, "hamilton")
local wn = rw:diff()
wn.name = "white noise"
local flat = tsa.pp(wn, {test = "rho"})
eq(flat.outside, -1, "white noise: Z_rho beyond the 1% value")
eq(flat.p, 0.01, "p clamped at the table's end")
check(tostring(flat):find("true p is smaller", 1, true), "the flag is printed")
eq(tsa.pp(cpi, {lags = 5}).lags_type, nil, "fixed lags: no lags_type")

-- bad input: errors name tsa.pp, the series and the remedy
local short = cpi:slice("2010-01", "2010-06")
checkerr(function() tsa.pp(short, {lags = 4}) end,
  "tsa.pp: series 'national_yoy_pct' has 6 values; with lags = 4 it needs at least 8", "too few values for the lags")
checkerr(function() tsa.pp(cpi:slice("2010-01", "2010-04"), {trend = "ct"}) end,
  "has 4 values; with lags_type = \"short\" (1 lag) it needs at least 6", "too few for the default lags")
local k = cpi * 0 + 1
k.name = "flat"
checkerr(function() tsa.pp(k) end, "tsa.pp: series 'flat' is constant", "constant series")
local line = series.new{freq = "M", start = "2000-01", values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}
line.name = "line"
checkerr(function() tsa.pp(line, {trend = "ct"}) end, "tsa.pp: series 'line': the regression is singular", "pure trend")
local geo = series.new{freq = "M", start = "2000-01", values = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512}}
geo.name = "geo"
checkerr(function() tsa.pp(geo) end, "tsa.pp: series 'geo': the regression fits exactly", "an exact AR(1)")
local holed = cpi:slice("2010-01", "2012-12"):values()
holed[7] = NA
local hs = series.new{freq = "M", start = "2010-01", values = holed}
hs.name = "holed"
checkerr(function() tsa.pp(hs) end, "tsa.pp: series 'holed' is missing at 2010-07", "internal NA")
checkerr(function() tsa.pp({1, 2, 3}) end, "tsa.pp: s must be a series", "an array")
checkerr(function() tsa.pp(cpi, {lags = 2, lags_type = "long"}) end, "not both", "lags and lags_type")
checkerr(function() tsa.pp(cpi, {trend = "n", convention = "urca"}) end, "no trend \"n\"", "urca without terms")

-- the REPL completes the function from the module and its option keys from
-- the declaration
local function has(list, want)
  for _, v in ipairs(list) do if v == want then return true end end
  return false
end
check(has(tenor.complete("tsa.p"), "tsa.pp"), "completion offers tsa.pp")
check(has(tenor.complete("lags_", "tsa.pp(cpi, {"), "lags_type"), "completion offers tsa.pp's options")

--[[ Seasonal adjustment with moving-holiday and working-day effects.

seasonal.adjust(s, {method="stl", holidays={"spring_festival"}, holiday_window=7,
                    working_days=false, mode="additive"|"multiplicative"|"log",
                    stl={...}, max_iter=50, tol=1e-10}) -> result

The model, on x = s (additive) or x = log s (multiplicative, log):
    x_t = T_t + S_t + Σ_k b_k·X_kt + I_t
T, S the STL trend and seasonal (s:stl with the options in `stl`), X_k
the calendar regressors:
  - a holiday: calendar.holiday_regressor(name, freq, {window = holiday_window})
    (share of the window days SF .. SF+window-1 falling in the period,
    minus its mean for that month or quarter over 1901-2100, as X-13's
    genhol with center = calendar);
  - working_days = true: China's working days in the period (State
    Council schedules, calendar.cn_working_days; summed to quarters) minus
    their mean for that calendar month (quarter) over the table's years
    2008-2026 (so the series must lie inside them).
Because every regressor is centred by calendar period it carries no
seasonal pattern, so S keeps the average seasonal and Xb only what departs
from an average year. The fit alternates (backfitting): STL of x − Xb gives
T and S; b is the OLS fit (with a constant, not used afterwards) of the
remainder x − T − S on X; repeat until no coefficient moves by more than
tol·(1 + |b|), at most max_iter times (the result says how many STL
fits it took and whether it converged). Without robustness weights STL is
linear in its input, so one step is an affine map b -> Ab + c; by default
(backfit = "direct") k + 1 steps identify A and c, the iteration starts
at the fixed point (I - A)⁻¹c and stops after one step that confirms it
(k + 2 STL fits instead of about 7 for k = 1); backfit = "iterate" or a
robust STL iterates from b = 0. The printed coefficients, standard errors and
t values are those of the last OLS fit (classical; they ignore that T and
S were estimated).

The result:
  r.sa          x − S − Xb (additive, log) or s / exp(S + Xb) (multiplicative)
  r.seasonal    S, or the factor exp(S) (multiplicative)
  r.trend       T, or exp(T) (multiplicative)
  r.holiday     Σ over holidays of b_k·X_k (in x's units; a factor exp(.)
                when multiplicative); r.working_days likewise
  r.irregular   x − T − S − Xb (a ratio exp(.) when multiplicative)
  r.holiday_coef  {spring_festival = b, working_days = b}; r.se, r.t the same
  r.fit         the last regress.ols fit; r.iterations, r.converged
  print(r)      the fit
With no holidays and no working days it is s:stl on x.

s:sa(opts) -> the seasonally adjusted series, seasonal.adjust(s, opts).sa
with defaults by frequency: monthly and quarterly data get the Spring
Festival regressor (window 7) only when opts.holidays says so; mode is
multiplicative when every value is positive, else additive; STL robust.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = {}

local HOLIDAYS = {spring_festival = true}

args.declare("seasonal.adjust", {
  {"method", "string", choices = {"stl"}, default = "stl", help = "the decomposition"},
  {"holidays", "table", default = "{}", help = "moving holidays to estimate, e.g. {'spring_festival'}"},
  {"holiday_window", "integer", min = 1, max = 60, default = 7, help = "days in each holiday's window, from the holiday on"},
  {"working_days", "boolean", default = false, help = "estimate China's working-day effect (2008-2026)"},
  {"mode", "string", choices = {"additive", "multiplicative", "log"}, default = "additive",
   help = "decompose s, or log s (components as factors, or in logs)"},
  {"stl", "table", default = "{}", help = "options for s:stl (period, seasonal, robust, ...)"},
  {"max_iter", "integer", min = 1, default = 50, help = "backfitting iterations at most"},
  {"tol", "number", gt = 0, default = 1e-10, help = "convergence: largest coefficient change / (1 + |b|)"},
  {"backfit", "string", choices = {"direct", "iterate"}, default = "direct",
   help = "direct: solve for the fixed point when STL is not robust (linear), then iterate to check; iterate: from b = 0"},
})

-- Working days per period, centred by calendar month (quarter) over 2008-2026.
local function working_day_regressor(freq, who)
  local wd = calendar.cn_working_days()
  if freq == "Q" then wd = wd:to("Q", "sum") elseif freq ~= "M" then
    error(who .. ": working days need monthly or quarterly data (got " .. freq .. ")", 4)
  end
  local key = freq == "M" and wd:month() or wd:quarter()
  local means = wd:groupby(key, "mean")
  local v = wd:values()
  local kv = key:values()
  for i = 1, #v do v[i] = v[i] - means[math.tointeger(kv[i])] end
  local r = series.new{freq = freq, start = wd.start, values = v, name = "working_days"}
  return r
end

-- The regressors on s's span, each a series named as its coefficient.
local function regressors(s, opts, who)
  local xs = {}
  for _, h in ipairs(opts.holidays or {}) do
    if not HOLIDAYS[h] then error(("%s: unknown holiday '%s' (known: spring_festival)"):format(who, tostring(h)), 4) end
    if s.freq ~= "M" and s.freq ~= "Q" then
      error(("%s: holiday regressors need monthly or quarterly data (got %s)"):format(who, s.freq), 4)
    end
    local x = calendar.holiday_regressor(h, s.freq, {window = opts.holiday_window or 7}):slice(s.start, s.stop)
    if math.max(math.abs(x:min() or 0), math.abs(x:max() or 0)) < 1e-12 then
      error(("%s: the %s window falls in the same %s every year, so it has no moving effect to estimate in %s data (its average effect is in the seasonal)")
            :format(who, h, s.freq == "Q" and "quarter (Q1)" or "period", s.freq == "Q" and "quarterly" or "this"), 4)
    end
    xs[#xs + 1] = x:rename(h)
  end
  if opts.working_days then
    local w = working_day_regressor(s.freq, who)
    local first, last = w.start, w.stop
    if s.start < first or s.stop > last then
      error(("%s: working days are known for %s .. %s (State Council schedules bundled); %s runs %s .. %s: slice it or set working_days = false")
            :format(who, first, last, s.name and ("'" .. s.name .. "'") or "the series", s.start, s.stop), 4)
    end
    xs[#xs + 1] = w:slice(s.start, s.stop)
  end
  return xs
end

local function effect(xs, coef, pick)
  local total
  for _, x in ipairs(xs) do
    if pick(x.name) then
      local e = x * coef[x.name]
      total = total and total + e or e
    end
  end
  return total
end

-- OLS of a remainder on a constant and the regressors xs (series on the
-- remainder's span, no missing values): X'X is the same in every
-- iteration, so its Cholesky factor is computed once and each iteration
-- only forms X'r (products and sums in C) and solves two triangular
-- systems. Returns solve(r) -> slopes, or nil when X'X is (numerically)
-- singular.
local function ols_solver(xs, n)
  local k = #xs + 1
  local function dot(a, r)          -- a: index of a column (1 = the constant)
    if a == 1 then return (r:sum()) end
    return ((xs[a - 1] * r):sum())
  end
  local R = {}                                    -- X'X = R'R, R upper triangular
  for a = 1, k do
    R[a] = {}
    for b = a, k do
      local sum = a == 1 and (b == 1 and n or (xs[b - 1]:sum())) or ((xs[a - 1] * xs[b - 1]):sum())
      for q = 1, a - 1 do sum = sum - R[q][a] * R[q][b] end
      if b == a then
        if not (sum > 1e-12 * n) then return nil end
        R[a][a] = math.sqrt(sum)
      else
        R[a][b] = sum / R[a][a]
      end
    end
  end
  return function(r)
    local z = {}
    for a = 1, k do                               -- R'z = X'r
      local sum = dot(a, r)
      for q = 1, a - 1 do sum = sum - R[q][a] * z[q] end
      z[a] = sum / R[a][a]
    end
    local beta = {}
    for a = k, 1, -1 do                           -- R beta = z
      local sum = z[a]
      for b = a + 1, k do sum = sum - R[a][b] * beta[b] end
      beta[a] = sum / R[a][a]
    end
    table.remove(beta, 1)
    return beta
  end
end

-- Solves (I - A) b = c for small k (Gaussian elimination, partial pivoting); nil if singular.
local function solve_small(A, c)
  local k = #c
  local M = {}
  for i = 1, k do
    M[i] = {}
    for j = 1, k do M[i][j] = (i == j and 1 or 0) - A[i][j] end
    M[i][k + 1] = c[i]
  end
  for col = 1, k do
    local p = col
    for r = col + 1, k do if math.abs(M[r][col]) > math.abs(M[p][col]) then p = r end end
    M[col], M[p] = M[p], M[col]
    if M[col][col] == 0 then return nil end
    for r = col + 1, k do
      local f = M[r][col] / M[col][col]
      for j = col, k + 1 do M[r][j] = M[r][j] - f * M[col][j] end
    end
  end
  local b = {}
  for i = k, 1, -1 do
    local sum = M[i][k + 1]
    for j = i + 1, k do sum = sum - M[i][j] * b[j] end
    b[i] = sum / M[i][i]
  end
  return b
end

-- One backfitting step: STL of x - Xb, then the OLS slopes of the remainder.
local function step(x, xs, b, stl_opts, solve)
  local z = x
  for i, r in ipairs(xs) do if b[i] ~= 0 then z = z - r * b[i] end end
  local T, S = z:stl(stl_opts)
  return solve(x - T - S), T, S
end

-- Without robustness weights STL is linear in its input, so the step is an
-- affine map b -> A b + c: k + 1 steps (at 0 and at each unit vector) give
-- A and c, and b = (I - A)^-1 c is its fixed point, where plain iteration
-- would converge. Returns that start, or nil.
local function affine_start(x, xs, stl_opts, solve)
  local k, zero = #xs, {}
  for i = 1, k do zero[i] = 0 end
  local c = step(x, xs, zero, stl_opts, solve)
  local A = {}
  for i = 1, k do A[i] = {} end
  for j = 1, k do
    local e = {}
    for i = 1, k do e[i] = i == j and 1 or 0 end
    local f = step(x, xs, e, stl_opts, solve)
    for i = 1, k do A[i][j] = f[i] - c[i] end
  end
  return solve_small(A, c), k + 1
end

local function robust_stl(stl_opts)
  return stl_opts and (stl_opts.robust or (stl_opts.outer or 0) > 0)
end

local function backfit(x, xs, stl_opts, opts, who)
  local solve = ols_solver(xs, #x)
  if not solve then error(who .. ": the calendar regressors are collinear on this span", 4) end
  local b, used = nil, 0
  if (opts.backfit or "direct") == "direct" and not robust_stl(stl_opts) then
    b, used = affine_start(x, xs, stl_opts, solve)
  end
  if not b then b = {} for i = 1, #xs do b[i] = 0 end end
  local T, S, iters, converged = nil, nil, used, false
  for it = 1, opts.max_iter or 50 do
    local slopes
    slopes, T, S = step(x, xs, b, stl_opts, solve)
    local moved = 0
    for i = 1, #xs do
      moved = math.max(moved, math.abs(slopes[i] - b[i]) / (1 + math.abs(slopes[i])))
      b[i] = slopes[i]
    end
    iters = used + it
    if moved <= (opts.tol or 1e-10) then converged = true; break end
  end
  local named = {}
  for i, r in ipairs(xs) do named[r.name] = b[i] end
  -- inference from the last remainder regression (the same OLS, with its statistics)
  local fit = regress.ols((x - T - S):rename("remainder"), xs)
  return T, S, named, fit, iters, converged
end

local result_mt = {__name = "seasonal adjustment"}

local function positive(s, who)
  local lo = s:min()
  if lo and lo <= 0 then
    local at = s:le(0):first_true()
    error(("%s: mode 'multiplicative' and 'log' need positive values; %s is %s at %s (use mode = 'additive')")
          :format(who, s.name and ("'" .. s.name .. "'") or "the series", tenor.show(s:at(at)), at), 4)
  end
end

function M.adjust(s, opts)
  local who = "seasonal.adjust"
  opts = args.check(who, opts)
  if not series.is(s) then error(who .. ": s must be a series", 2) end
  local mode = opts.mode or "additive"
  if mode ~= "additive" then positive(s, who) end
  local x = mode == "additive" and s or s:log()
  local xs = regressors(s, opts, who)
  local T, S, b, fit, iters, converged
  if #xs == 0 then
    T, S = x:stl(opts.stl)
    b, iters, converged = {}, 0, true
  else
    T, S, b, fit, iters, converged = backfit(x, xs, opts.stl, opts, who)
  end
  local H = effect(xs, b, function(n) return n ~= "working_days" end)
  local W = effect(xs, b, function(n) return n == "working_days" end)
  local cal = (H and W) and H + W or H or W
  local sa = cal and x - S - cal or x - S
  local irr = sa - T
  local r = {mode = mode, method = "stl", holiday_coef = b, se = {}, t = {}, fit = fit, iterations = iters,
             converged = converged, nobs = #s, name = s.name, start = s.start, stop = s.stop}
  if fit then for k in pairs(b) do r.se[k], r.t[k] = fit.se[k], fit.t[k] end end
  local f = mode == "multiplicative" and function(c) return c and c:exp() end or function(c) return c end
  r.sa, r.seasonal, r.trend, r.holiday, r.working_days, r.irregular = f(sa), f(S), f(T), f(H), f(W), f(irr)
  local names = {sa = "sa", seasonal = "seasonal", trend = "trend", holiday = "holiday", working_days = "working_days", irregular = "irregular"}
  for field, label in pairs(names) do
    if r[field] then
      r[field] = r[field]:rename(s.name and (s.name .. "_" .. label) or label)
      r[field].meta.component = label .. " (" .. mode .. ")"
      r[field].meta.lookahead = "two-sided seasonal adjustment"
    end
  end
  r.regressors = xs
  return setmetatable(r, result_mt)
end

result_mt.__tostring = function(r)
  local lines = {("seasonal adjustment of %s (%s .. %s, %d obs): STL, mode %s"):format(
    r.name and ("'" .. r.name .. "'") or "a series", r.start, r.stop, r.nobs, r.mode)}
  if #r.regressors == 0 then
    lines[#lines + 1] = "no calendar regressors"
  else
    lines[#lines + 1] = ("calendar effects by backfitting STL and OLS on the remainder: %d STL fits, %s")
      :format(r.iterations, r.converged and "converged" or "NOT converged (raise max_iter)")
    lines[#lines + 1] = ("%-16s %14s %14s %9s"):format("regressor", "coef", "se", "t")
    for _, x in ipairs(r.regressors) do
      local n = x.name
      lines[#lines + 1] = ("%-16s %14.6g %14.6g %9.3f"):format(n, r.holiday_coef[n], r.se[n], r.t[n])
    end
    lines[#lines + 1] = ("remainder regression: R2 %.4f, sigma %.6g, %d obs (classical se; T and S taken as known)")
      :format(r.fit.r2, r.fit.sigma, r.fit.nobs)
  end
  lines[#lines + 1] = "fields: sa seasonal trend holiday working_days irregular holiday_coef se t fit"
  return table.concat(lines, "\n")
end

-- s:sa takes the same options with other defaults
local sa_options = {}
for _, name in ipairs(args.spec("seasonal.adjust").names) do
  local e = args.spec("seasonal.adjust").keys[name]
  local copy = {name, e.type, help = e.help, default = e.default, choices = e.choices, min = e.lo, max = e.hi}
  if e.open & 1 == 1 then copy.min, copy.gt = nil, e.lo end
  if name == "mode" then copy.default = "multiplicative if every value > 0, else additive" end
  if name == "stl" then copy.default = "{robust = true}" end
  sa_options[#sa_options + 1] = copy
end
args.declare("s:sa", sa_options)

-- replaces the stub in tenor.series, which loads this module on first use
function series._methods.sa(s, opts)
  opts = args.check("s:sa", opts)
  if not opts.mode then opts.mode = (s:min() or 0) > 0 and "multiplicative" or "additive" end
  if not opts.stl then opts.stl = {robust = true} end
  return M.adjust(s, opts).sa
end

doc.add("seasonal.adjust", "seasonal.adjust(s, {method='stl', holidays={'spring_festival'}, holiday_window=7, working_days=false, mode='additive'|'multiplicative'|'log', stl={...}, max_iter=50, tol=1e-10})",
  "STL decomposition with moving-holiday and China working-day effects estimated jointly by backfitting: STL of x - Xb, then OLS of the remainder x - T - S on the calendar-centred regressors X (X-13 genhol center=calendar), until b settles. x = s or log s. Returns sa, seasonal, trend, holiday, working_days, irregular (factors when multiplicative), holiday_coef (named), se, t, fit, iterations; print(r) shows the fit. Working days need data inside 2008-2026.",
  "local r = seasonal.adjust(cpi:slice('2008', '2025-09'), {holidays = {'spring_festival'}, mode = 'multiplicative'}); print(r)")
seasonal = M
return M

--[[ Diagnostics of an OLS fit: methods on every regress.ols result.

  fit:bg(lags)      Breusch-Godfrey LM test of residual autocorrelation
  fit:jb()          Jarque-Bera test of normal residuals
  fit:white()       White's test of heteroskedasticity (levels, squares, cross products)
  fit:bp()          Breusch-Pagan test (Koenker's studentized form) on the regressors
  fit:reset(power)  Ramsey's RESET: powers 2..power of the fitted values
  fit:chow(period)  Chow breakpoint test: the coefficients change at period
  fit:wald(text)    linear restrictions "ppi + cpi = 1, const = 0"
  fit:cusum()       CUSUM of recursive residuals with 5% bands
  fit:diagnostics() all of them, printed as one table

Each returns a test with stat, p and df (df1, df2 for F statistics), and
prints its hypothesis and convention. Definitions are statsmodels 0.13's
(statsmodels.stats.diagnostic): the auxiliary regressions run on the rows
the fit used, with the fit's regressors (its constant included).
  bg      e_t on X and e_{t-1..t-p} (zeros before the sample, as
          acorr_breusch_godfrey); LM = n R² ~ chi²(p); F form on the lags.
  white   e² on the distinct products x_i x_j (i <= j, the constant
          included); LM = n R² ~ chi²(columns - 1); needs a constant.
  bp      e² on X; LM = n R² ~ chi²(k - 1) (robust = True in statsmodels).
  reset   y on X and ŷ², ..., ŷ^power; F(power-1, n-k-power+1); chi2 = df1·F
          (statsmodels' linear_reset Wald form with use_f = False).
  chow    SSR of the whole sample against the two halves split before
          period: F(k, n - 2k).
  wald    W = (Rb - r)'(R V R')⁻¹(Rb - r) with the fit's covariance V
          (classical, HC or HAC as fitted); chi2 = W ~ chi²(q), F = W/q.
  cusum   recursive residuals w_t (t = k+1..n), W_t = Σ w/σ̂ with σ̂ their
          standard deviation (ddof 1); Brown, Durbin and Evans' (1975) 5%
          lines ±0.948(√(n-k) + 2(t-k)/√(n-k)); stat = the largest
          |W_t| / (√(n-k) + 2(t-k)/√(n-k)), p = 2(1 - Φ(3s) + e^{-4s²}Φ(s)).
]]

local doc = require "tenor.doc"
-- the C fit, held here: a sandboxed run removes the "_" primitives from `regress`
local ols_raw = regress._ols

local fm = regress._fit_methods
local C = require "tenor._tsa"

-- The rows the fit used: y, the columns of X in fit.names order (the
-- constant included) and their dates (time series) or row numbers.
local function design(fit, who)
  local y, cols = fit._y, fit._cols
  if not y then error(who .. ": the fit carries no data (was it made by regress.ols?)", 3) end
  local yv, xv, dates
  if series.is(y) then
    yv = y:slice(fit.first, fit.last):values()
    dates = y:slice(fit.first, fit.last):dates()
    xv = {}
    for j, x in ipairs(cols) do xv[j] = x:slice(fit.first, fit.last):values() end
  else
    yv, xv = y, cols
  end
  local Y, X, D = {}, {}, {}
  local kc = fit.const and 1 or 0
  for j = 1, #cols + kc do X[j] = {} end
  for i = 1, #yv do
    local ok = yv[i] == yv[i]
    for j = 1, #cols do ok = ok and xv[j][i] == xv[j][i] end
    if ok then
      local t = #Y + 1
      Y[t], D[t] = yv[i], dates and dates[i] or i
      if kc == 1 then X[1][t] = 1 end
      for j = 1, #cols do X[j + kc][t] = xv[j][i] end
    end
  end
  local e = {}
  if series.is(fit.resid) then
    local rv = fit.resid:values()
    for _, v in ipairs(rv) do if v == v then e[#e + 1] = v end end
  else
    for i, v in ipairs(fit.resid) do e[i] = v end
  end
  return Y, X, D, e
end

regress._design = design      -- for tenor.binary (probit, logit)

-- OLS of y on the columns (no constant added); names are placeholders.
local function aux(y, cols, who)
  local names = {}
  for j = 1, #cols do names[j] = "c" .. j end
  local ok, r = pcall(ols_raw, y, cols, names, {const = false})
  if not ok then error(who .. ": the auxiliary regression failed: " .. tostring(r):gsub("^.-regress%.ols: ", ""), 4) end
  return r
end

local function centred_r2(y, ssr)
  local m, s = 0, 0
  for _, v in ipairs(y) do m = m + v end
  m = m / #y
  for _, v in ipairs(y) do s = s + (v - m) ^ 2 end
  return 1 - ssr / s
end

local test_mt = {__name = "diagnostic"}
test_mt.__index = test_mt
function test_mt.__tostring(r)
  local lines = {r.title, "H0: " .. r.h0}
  if r.dist then
    lines[#lines + 1] = ("%s = %.4f   p = %.4f   (%s)"):format(r.label, r.stat, r.p, r.dist)
  elseif r.df2 then
    lines[#lines + 1] = ("%s = %.4f   p = %.4f   (%s(%d, %d))"):format(r.label or "F", r.stat, r.p, "F", r.df1, r.df2)
  else
    lines[#lines + 1] = ("%s = %.4f   p = %.4f   (chi²(%d))"):format(r.label or "LM", r.stat, r.p, r.df)
  end
  for _, l in ipairs(r.notes or {}) do lines[#lines + 1] = l end
  return table.concat(lines, "\n")
end

local function result(t) return setmetatable(t, test_mt) end

local function chi2_q(x, df) return C._chi2_q(x, df) end
local function f_q(x, d1, d2) return C._fdist_q(x, d1, d2) end

-- F test of the extra columns: restricted SSR against unrestricted fit u.
local function f_extra(ssr_r, u, q)
  local f = (ssr_r - u.ssr) / q / (u.ssr / u.df_resid)
  return f, f_q(f, q, u.df_resid), u.df_resid
end

-- Breusch-Godfrey ---------------------------------------------------------

function fm.bg(fit, lags)
  local Y, X, _, e = design(fit, "fit:bg")
  local n = #e
  lags = lags or math.min(10, n // 5)
  if math.type(lags) ~= "integer" or lags < 1 then error("fit:bg: lags must be a positive integer", 2) end
  if n - #X - lags - 1 < 1 then
    error(("fit:bg: %d rows are too few for %d lags with %d regressors; lower the lags"):format(n, lags, #X), 2)
  end
  local cols = {}
  for j, c in ipairs(X) do cols[j] = c end
  if not fit.const then
    local one = {}
    for t = 1, n do one[t] = 1 end
    cols[#cols + 1] = one
  end
  local restricted = aux(e, cols, "fit:bg")
  for l = 1, lags do
    local c = {}
    for t = 1, n do c[t] = t > l and e[t - l] or 0 end
    cols[#cols + 1] = c
  end
  local u = aux(e, cols, "fit:bg")
  local lm = n * centred_r2(e, u.ssr)
  local f, fp, df2 = f_extra(restricted.ssr, u, lags)
  local _ = Y
  return result{title = ("Breusch-Godfrey test for autocorrelation up to order %d (%d rows)"):format(lags, n),
    h0 = "no autocorrelation of the residuals", stat = lm, p = chi2_q(lm, lags), df = lags, lags = lags,
    f = f, f_p = fp, f_df = {lags, df2},
    notes = {("F form: F(%d, %d) = %.4f, p = %.4f; lagged residuals are 0 before the sample (statsmodels)")
      :format(lags, df2, f, fp)}}
end

doc.add("fit:bg", "fit:bg(lags) -> test",
  "Breusch-Godfrey LM test of residual autocorrelation up to order lags (default min(10, n/5)), as statsmodels' " ..
  "acorr_breusch_godfrey: residuals on the regressors and their own lags (0 before the sample). " ..
  "Fields: stat (n R²), p (chi²(lags)), df, f, f_p, f_df.",
  "print(fit:bg(4).p)")

-- Jarque-Bera -----------------------------------------------------------

function fm.jb(fit)
  local _, _, _, e = design(fit, "fit:jb")
  local n, m = #e, 0
  for _, v in ipairs(e) do m = m + v end
  m = m / n
  local m2, m3, m4 = 0, 0, 0
  for _, v in ipairs(e) do
    local d = v - m
    m2, m3, m4 = m2 + d * d, m3 + d ^ 3, m4 + d ^ 4
  end
  m2, m3, m4 = m2 / n, m3 / n, m4 / n
  local skew, kurt = m3 / m2 ^ 1.5, m4 / (m2 * m2)
  local jb = n / 6 * (skew ^ 2 + (kurt - 3) ^ 2 / 4)
  return result{title = ("Jarque-Bera test of normality (%d residuals)"):format(n),
    h0 = "the residuals are normal", stat = jb, p = chi2_q(jb, 2), df = 2, label = "JB",
    skew = skew, kurtosis = kurt,
    notes = {("skewness %.4f, kurtosis %.4f (moments about the mean, divided by n)"):format(skew, kurt)}}
end

doc.add("fit:jb", "fit:jb() -> test",
  "Jarque-Bera test: JB = n/6 (S² + (K-3)²/4) with the residuals' skewness S and kurtosis K (central moments " ..
  "divided by n), chi²(2), as statsmodels' jarque_bera. Fields: stat, p, df, skew, kurtosis.",
  "print(fit:jb())")

-- White and Breusch-Pagan --------------------------------------------------

local function same_column(a, b)
  for t = 1, #a do if a[t] ~= b[t] then return false end end
  return true
end

local function het_test(fit, cols, who, title)
  local _, _, _, e = design(fit, who)
  local n = #e
  local e2 = {}
  for t = 1, n do e2[t] = e[t] * e[t] end
  local u = aux(e2, cols, who)
  local q = #cols - 1
  local lm = n * centred_r2(e2, u.ssr)
  local f = (centred_r2(e2, u.ssr) / q) / ((1 - centred_r2(e2, u.ssr)) / u.df_resid)
  return result{title = ("%s (%d rows, %d regressors in the auxiliary regression)"):format(title, n, #cols),
    h0 = "homoskedastic residuals", stat = lm, p = chi2_q(lm, q), df = q, f = f, f_p = f_q(f, q, u.df_resid),
    f_df = {q, u.df_resid},
    notes = {("F form: F(%d, %d) = %.4f, p = %.4f"):format(q, u.df_resid, f, f_q(f, q, u.df_resid))}}
end

function fm.white(fit)
  if not fit.const then error("fit:white: the test needs a fit with a constant", 2) end
  local _, X = design(fit, "fit:white")
  local k = #X
  if k * (k + 1) / 2 > 64 then
    error(("fit:white: with %d regressors the auxiliary regression has %d columns (at most 64); use fit:bp()")
      :format(k, k * (k + 1) // 2), 2)
  end
  local cols = {}
  for i = 1, #X do
    for j = i, #X do
      local c = {}
      for t = 1, #X[i] do c[t] = X[i][t] * X[j][t] end
      local dup = false
      for _, o in ipairs(cols) do if same_column(o, c) then dup = true; break end end
      if not dup then cols[#cols + 1] = c end
    end
  end
  return het_test(fit, cols, "fit:white", "White's test for heteroskedasticity")
end

doc.add("fit:white", "fit:white() -> test",
  "White's test: squared residuals on the regressors, their squares and cross products (duplicates such as " ..
  "the square of a dummy dropped), LM = n R² ~ chi²(columns - 1), as statsmodels' het_white. Needs a constant. " ..
  "Fields: stat, p, df, f, f_p, f_df.",
  "print(fit:white())")

function fm.bp(fit)
  if not fit.const then error("fit:bp: the test needs a fit with a constant", 2) end
  local _, X = design(fit, "fit:bp")
  return het_test(fit, X, "fit:bp", "Breusch-Pagan test for heteroskedasticity (Koenker's studentized form)")
end

doc.add("fit:bp", "fit:bp() -> test",
  "Breusch-Pagan test in Koenker's (1981) studentized form: squared residuals on the fit's regressors, " ..
  "LM = n R² ~ chi²(k - 1), as statsmodels' het_breuschpagan(robust=True). Fields: stat, p, df, f, f_p, f_df.",
  "print(fit:bp())")

-- RESET --------------------------------------------------------------------

function fm.reset(fit, power)
  power = power or 3
  if math.type(power) ~= "integer" or power < 2 then error("fit:reset: power must be an integer >= 2", 2) end
  local Y, X = design(fit, "fit:reset")
  local n, cols, fitted = #Y, {}, {}
  for j, c in ipairs(X) do cols[j] = c end
  if #cols == (fit.const and 1 or 0) then error("fit:reset: the fit has no regressor besides the constant", 2) end
  local _, _, _, e = design(fit, "fit:reset")
  for t = 1, n do fitted[t] = Y[t] - e[t] end
  for p = 2, power do
    local c = {}
    for t = 1, n do c[t] = fitted[t] ^ p end
    cols[#cols + 1] = c
  end
  local q = power - 1
  if n - #cols < 1 then error(("fit:reset: %d rows are too few for power %d"):format(n, power), 2) end
  local u = aux(Y, cols, "fit:reset")
  local f, fp, df2 = f_extra(fit.ssr, u, q)
  return result{title = ("Ramsey's RESET test with powers 2..%d of the fitted values (%d rows)"):format(power, n),
    h0 = "the linear specification is adequate", stat = f, p = fp, df = q, df1 = q, df2 = df2, label = "F",
    chi2 = q * f, chi2_p = chi2_q(q * f, q),
    notes = {("Wald chi²(%d) form = %.4f, p = %.4f (statsmodels' linear_reset default)"):format(q, q * f, chi2_q(q * f, q))}}
end

doc.add("fit:reset", "fit:reset(power) -> test",
  "Ramsey's RESET: y on the regressors and the fitted values to the powers 2..power (default 3); F test that " ..
  "the powers add nothing, F(power-1, n-k-power+1). chi2 = df1·F is statsmodels' linear_reset (use_f=False). " ..
  "Fields: stat (F), p, df1, df2, chi2, chi2_p.",
  "print(fit:reset(3))")

-- Chow -------------------------------------------------------------------------

function fm.chow(fit, period)
  if not series.is(fit._y) then error("fit:chow: the test needs a time-series fit", 2) end
  if type(period) ~= "string" then error("fit:chow: give the first period of the second regime, e.g. fit:chow(\"2015-01\")", 2) end
  local Y, X, D = design(fit, "fit:chow")
  local k, parts = #X, {{y = {}, x = {}}, {y = {}, x = {}}}
  for j = 1, k do parts[1].x[j], parts[2].x[j] = {}, {} end
  for t = 1, #Y do
    local part = D[t] < period and parts[1] or parts[2]
    part.y[#part.y + 1] = Y[t]
    for j = 1, k do part.x[j][#part.y] = X[j][t] end
  end
  for i, part in ipairs(parts) do
    if #part.y <= k then
      error(("fit:chow: the %s regime has %d rows for %d coefficients; move the break (sample %s .. %s)")
        :format(i == 1 and "first" or "second", #part.y, k, D[1], D[#D]), 2)
    end
  end
  local s1, s2 = aux(parts[1].y, parts[1].x, "fit:chow").ssr, aux(parts[2].y, parts[2].x, "fit:chow").ssr
  local n, df2 = #Y, #Y - 2 * k
  local f = ((fit.ssr - (s1 + s2)) / k) / ((s1 + s2) / df2)
  local _ = n
  return result{title = ("Chow breakpoint test at %s: %d rows before, %d from it"):format(period, #parts[1].y, #parts[2].y),
    h0 = "the same coefficients before and after " .. period, stat = f, p = f_q(f, k, df2), df = k, df1 = k, df2 = df2,
    label = "F", ssr = {fit.ssr, s1, s2}}
end

doc.add("fit:chow", "fit:chow(period) -> test",
  "Chow breakpoint test: the fit on the whole sample against separate fits before period and from period on, " ..
  "F = ((SSR - SSR1 - SSR2)/k) / ((SSR1 + SSR2)/(n - 2k)) ~ F(k, n - 2k), classical errors (as gretl's chow). " ..
  "Time-series fits only. Fields: stat, p, df1, df2, ssr {whole, before, after}.",
  "print(fit:chow(\"1990-01\"))")

-- Wald ---------------------------------------------------------------------

-- "2*ppi - cpi + 1" -> {ppi = 2, cpi = -1}, constant 1
local function linear(expr, names, who)
  local coef, const = {}, 0
  local s = expr:gsub("%s+", "")
  if s == "" then error(who .. ": an empty side in '" .. expr .. "'", 4) end
  if not s:match("^[+-]") then s = "+" .. s end
  local pos = 1
  while pos <= #s do
    local sign, term, nxt = s:match("^([+-])([^+-]+)()", pos)
    if not sign then error(who .. ": cannot read '" .. expr .. "' (use terms such as 2*ppi - cpi)", 4) end
    local mult, name = sign == "-" and -1 or 1, nil
    for f in term:gmatch("[^*]+") do
      local num = tonumber(f)
      if num then mult = mult * num
      elseif name then error(who .. ": '" .. term .. "' multiplies two coefficients; restrictions must be linear", 4)
      elseif names[f] then name = f
      else
        local valid = {}
        for nm in pairs(names) do valid[#valid + 1] = nm end
        table.sort(valid)
        error(("%s: the fit has no regressor '%s' (regressors: %s)"):format(who, f, table.concat(valid, ", ")), 4)
      end
    end
    if name then coef[name] = (coef[name] or 0) + mult else const = const + mult end
    pos = nxt
  end
  return coef, const
end

local solve = C._solve   -- A x = b, nil when singular

function fm.wald(fit, text)
  if type(text) ~= "string" then error("fit:wald: give the restrictions as text, e.g. fit:wald(\"ppi + cpi = 1\")", 2) end
  local idx = {}
  for i, nm in ipairs(fit.names) do idx[nm] = i end
  local R, r = {}, {}
  for piece in text:gmatch("[^,;]+") do
    local lhs, rhs = piece:match("^([^=]*)=([^=]*)$")
    if not lhs then error("fit:wald: each restriction needs one '=' (got '" .. piece .. "')", 2) end
    local cl, kl = linear(lhs, idx, "fit:wald")
    local cr, kr = linear(rhs, idx, "fit:wald")
    local row = {}
    for i = 1, #fit.names do row[i] = 0 end
    for nm, v in pairs(cl) do row[idx[nm]] = row[idx[nm]] + v end
    for nm, v in pairs(cr) do row[idx[nm]] = row[idx[nm]] - v end
    R[#R + 1], r[#r + 1] = row, kr - kl
  end
  local q, k = #R, #fit.names
  local d, RV = {}, {}
  for i = 1, q do
    local v = -r[i]
    for j = 1, k do v = v + R[i][j] * fit.coef[fit.names[j]] end
    d[i] = v
    RV[i] = {}
    for j = 1, q do
      local s = 0
      for a = 1, k do
        if R[i][a] ~= 0 then
          for b = 1, k do s = s + R[i][a] * fit.cov[a][b] * R[j][b] end
        end
      end
      RV[i][j] = s
    end
  end
  local x = solve(RV, d)
  if not x then error("fit:wald: the restrictions are linearly dependent (or restrict nothing); drop one", 2) end
  local w = 0
  for i = 1, q do w = w + d[i] * x[i] end
  local f, df2 = w / q, fit.df_resid
  return result{title = ("Wald test of %s (%d restriction%s; %s covariance)"):format(text, q, q > 1 and "s" or "", fit.cov_type),
    h0 = text, stat = f, p = f_q(f, q, df2), df = q, df1 = q, df2 = df2, label = "F",
    chi2 = w, chi2_p = chi2_q(w, q), R = R, r = r,
    notes = {("chi²(%d) form = %.4f, p = %.4f"):format(q, w, chi2_q(w, q))}}
end

doc.add("fit:wald", "fit:wald(\"ppi + cpi = 1, const = 0\") -> test",
  "Wald test of linear restrictions written over the regressor names (terms such as 2*ppi - cpi; " ..
  "restrictions separated by commas), with the fit's covariance (classical, HC or HAC): " ..
  "W = (Rb - r)'(R V R')^-1 (Rb - r). Fields: stat (F = W/q), p (F(q, df_resid)), df1, df2, chi2 (= W), " ..
  "chi2_p, R, r — statsmodels' wald_test with use_f true and false.",
  "print(fit:wald(\"ppi = 1\"))\nprint(fit:wald(\"ppi = 0, const = 0\").chi2)")

-- CUSUM ------------------------------------------------------------------------

-- (X0'X0)^-1 for the first k rows, by Gauss-Jordan; nil when singular.
local function inverse_first(X, k)
  local A = {}
  for i = 1, k do
    A[i] = {}
    for j = 1, k do
      local s = 0
      for t = 1, k do s = s + X[i][t] * X[j][t] end
      A[i][j] = s
    end
  end
  local inv = {}
  for j = 1, k do
    local e = {}
    for i = 1, k do e[i] = i == j and 1 or 0 end
    local col = solve(A, e)
    if not col then return nil end
    for i = 1, k do inv[i] = inv[i] or {}; inv[i][j] = col[i] end
  end
  return inv
end

-- Recursive residuals w_t, t = k+1..n, scaled to N(0, σ²) (statsmodels'
-- rresid_scaled), by the rank-one update of (X'X)^-1 and b.
local function recursive_residuals(Y, X, who)
  local n, k = #Y, #X
  local V = inverse_first(X, k)
  if not V then error(who .. ": the first " .. k .. " rows do not identify the coefficients", 3) end
  local b = {}
  for i = 1, k do
    local s = 0
    for j = 1, k do
      local xy = 0
      for t = 1, k do xy = xy + X[j][t] * Y[t] end
      s = s + V[i][j] * xy
    end
    b[i] = s
  end
  local w = {}
  for t = k + 1, n do
    local tmp, pred, ft = {}, 0, 1
    for i = 1, k do
      pred = pred + X[i][t] * b[i]
      local s = 0
      for j = 1, k do s = s + V[i][j] * X[j][t] end
      tmp[i] = s
    end
    for i = 1, k do ft = ft + X[i][t] * tmp[i] end
    local e = Y[t] - pred
    w[#w + 1] = e / math.sqrt(ft)
    for i = 1, k do
      for j = 1, k do V[i][j] = V[i][j] - tmp[i] * tmp[j] / ft end
      b[i] = b[i] + tmp[i] * e / ft
    end
  end
  return w
end

function fm.cusum(fit)
  local Y, X, D = design(fit, "fit:cusum")
  local n, k = #Y, #X
  if n - k < 3 then error(("fit:cusum: %d rows for %d coefficients leave too few recursive residuals"):format(n, k), 2) end
  local w = recursive_residuals(Y, X, "fit:cusum")
  local m = #w
  local mean, ss = 0, 0
  for _, v in ipairs(w) do mean = mean + v end
  mean = mean / m
  for _, v in ipairs(w) do ss = ss + (v - mean) ^ 2 end
  local sigma = math.sqrt(ss / (m - 1))
  local W, band, cum, worst, at = {}, {}, 0, 0, nil
  local root = math.sqrt(m)
  for i, v in ipairs(w) do
    cum = cum + v / sigma
    W[i] = cum
    local line = root + 2 * i / root
    band[i] = 0.948 * line
    if math.abs(cum) / line > worst then worst, at = math.abs(cum) / line, i end
  end
  local s = worst
  local p = 2 * (1 - C._norm_p(3 * s) + math.exp(-4 * s * s) * C._norm_p(s))
  p = math.min(1, math.max(0, p))
  local out = {title = ("CUSUM of recursive residuals (Brown, Durbin and Evans 1975), %d residuals from %s")
      :format(m, tostring(D[k + 1])),
    h0 = "stable coefficients (the CUSUM stays inside the 5% lines)", stat = s, p = p, df = m, label = "max |W|/line", dist = "Brown-Durbin-Evans lines",
    crossed = s > 0.948, w = w, cusum = W, band = band, sigma = sigma}
  if series.is(fit._y) then
    local mk = function(v) local x = series.new{freq = fit._y.freq, start = D[k + 1], values = v}; return x end
    local holes = #D ~= n or (D[#D] ~= fit.last)
    if not holes then out.cusum, out.band, out.w = mk(W), mk(band), mk(w) end
  end
  out.notes = {("the CUSUM %s the 5%% lines (largest |W_t| / line = %.3f at %s; crossing above 0.948)")
    :format(out.crossed and "crosses" or "stays inside", s, tostring(D[k + at]))}
  return result(out)
end

doc.add("fit:cusum", "fit:cusum() -> test",
  "CUSUM test of coefficient stability: recursive residuals w_t (t = k+1..n, one-step forecast errors scaled " ..
  "by sqrt(1 + x_t'(X'X)^-1 x_t), as statsmodels' recursive_olsresiduals), W_t = Σ w / σ̂ (σ̂ the standard " ..
  "deviation of the w, ddof 1), and Brown, Durbin and Evans' 5% lines ±0.948(√m + 2i/√m), m = n - k. " ..
  "Fields: cusum, band, w (series for time-series fits), stat = max |W_i|/(√m + 2i/√m), crossed (stat > 0.948), " ..
  "p = 2(1 - Φ(3s) + exp(-4s²)Φ(s)) (the crossing probability of the lines at s).",
  "local c = fit:cusum()\nprint(c.crossed, c.p)")

-- All of them ----------------------------------------------------------------------

local args = require "tenor.args"
args.declare("fit:diagnostics", {
  {"lags", "integer", min = 1, default = "min(10, n/5)", help = "Breusch-Godfrey order"},
  {"power", "integer", min = 2, default = 3, help = "RESET's highest power"},
  {"chow", "string", help = "a break period for the Chow test"},
})

local diag_mt = {__name = "diagnostics"}
function diag_mt.__tostring(d)
  local lines = {("Diagnostics of OLS on %s, %s (n = %d); H0 of each: the assumption holds")
    :format(d.y_name, d.sample, d.nobs),
    ("%-34s %12s %-12s %8s"):format("test", "statistic", "distribution", "p-value")}
  for _, row in ipairs(d.rows) do
    local r = d[row[1]]
    local dist = r.df2 and ("F(%d,%d)"):format(r.df1, r.df2) or r.label == "max |W|/line" and "BDE lines"
      or ("chi²(%d)"):format(r.df)
    lines[#lines + 1] = ("%-34s %12.4f %-12s %8.4f %s"):format(row[2], r.stat, dist, r.p, r.p < 0.05 and "<- rejected at 5%" or "")
  end
  return table.concat(lines, "\n")
end

function fm.diagnostics(fit, opts)
  opts = args.check("fit:diagnostics", opts)
  local d = {y_name = fit.y_name, nobs = fit.nobs, sample = fit.first and (fit.first .. " .. " .. fit.last) or "cross section",
    rows = {{"bg", "Breusch-Godfrey (autocorrelation)"}, {"jb", "Jarque-Bera (normality)"}}}
  d.bg, d.jb = fm.bg(fit, opts.lags), fm.jb(fit)
  if fit.const then
    local k = #fit.names
    if k * (k + 1) / 2 <= 64 then                -- White's cross products must fit the OLS limit
      d.white = fm.white(fit)
      table.insert(d.rows, {"white", "White (heteroskedasticity)"})
    end
    d.bp = fm.bp(fit)
    table.insert(d.rows, {"bp", "Breusch-Pagan (heteroskedasticity)"})
  end
  if #fit.names > (fit.const and 1 or 0) then
    d.reset = fm.reset(fit, opts.power)
    table.insert(d.rows, {"reset", "RESET (functional form)"})
  end
  if opts.chow then
    d.chow = fm.chow(fit, opts.chow)
    table.insert(d.rows, {"chow", "Chow break at " .. opts.chow})
  end
  if series.is(fit._y) then
    d.cusum = fm.cusum(fit)
    table.insert(d.rows, {"cusum", "CUSUM (stability)"})
  end
  return setmetatable(d, diag_mt)
end

doc.add("fit:diagnostics", "fit:diagnostics({lags =, power = 3, chow =}) -> table",
  "Runs fit:bg, fit:jb, fit:white, fit:bp, fit:reset, fit:chow (when chow = a period is given) and fit:cusum " ..
  "(time series) and prints them as one table; each result is a field (d.bg, d.jb, ...).",
  "print(fit:diagnostics{chow = \"1990-01\"})")

return fm

--[[ Binary-outcome regressions: regress.probit and regress.logit.

m = regress.probit(y, xs, {const = true}) / regress.logit(y, xs, ...)
  P(y_t = 1) = F(x_t'β) with F the standard normal cdf (probit) or the
  logistic function (logit), by maximum likelihood (Newton-Raphson with
  the analytic gradient and Hessian, to |step| < 1e-10). y holds 0 and 1;
  y and xs are aligned and rows with a missing value dropped exactly as in
  regress.ols (xs as there: {name = series}, an array, one series).
  Fields (statsmodels' Probit/Logit conventions): coef, se (from the
  observed information), z, p (normal), names, loglik, llnull (the
  constant-only model: n(ȳ ln ȳ + (1-ȳ) ln(1-ȳ))), mcfadden_r2 =
  1 - loglik/llnull, aic = -2 ln L + 2k, bic, ame (average marginal
  effects: the mean over rows of f(x'β)·β_j, statsmodels'
  get_margeff(at = "overall")), fitted (predicted probabilities, a dated
  series for time series), nobs, iterations.
  Perfect separation (a combination of regressors predicts y exactly)
  leaves no maximum: an error says so.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = regress

local function dist(kind, C)
  if kind == "logit" then
    return {
      cdf = function(z) return 1 / (1 + math.exp(-z)) end,
      pdf = function(z) local e = math.exp(-math.abs(z)); return e / (1 + e) ^ 2 end,
      -- gradient weight and minus the Hessian weight at η for y
      score = function(y, eta) return y - 1 / (1 + math.exp(-eta)) end,
      curv = function(_, eta) local p = 1 / (1 + math.exp(-eta)); return p * (1 - p) end,
      logp = function(y, eta)
        local z = y == 1 and eta or -eta                   -- ln F(qη), stable for large |η|
        return z >= 0 and -math.log(1 + math.exp(-z)) or z - math.log(1 + math.exp(z))
      end,
    }
  end
  local sqrt2pi = math.sqrt(2 * math.pi)
  local pdf = function(z) return math.exp(-z * z / 2) / sqrt2pi end
  local lambda = function(y, eta)
    local q = 2 * y - 1
    local Phi = C._norm_p(q * eta)
    return q * pdf(eta) / Phi
  end
  return {
    cdf = C._norm_p, pdf = pdf,
    score = lambda,
    curv = function(y, eta) local l = lambda(y, eta); return l * (l + eta) end,
    logp = function(y, eta) return math.log(C._norm_p((2 * y - 1) * eta)) end,
  }
end

local function newton(Y, X, F, C, who)
  local n, k = #Y, #X
  local b = {}
  for j = 1, k do b[j] = 0 end
  for it = 1, 100 do
    local g, H = {}, {}
    for j = 1, k do g[j] = 0; H[j] = {}; for l = 1, k do H[j][l] = 0 end end
    for t = 1, n do
      local eta = 0
      for j = 1, k do eta = eta + X[j][t] * b[j] end
      local s, w = F.score(Y[t], eta), F.curv(Y[t], eta)
      for j = 1, k do
        local xj = X[j][t]
        g[j] = g[j] + s * xj
        for l = j, k do H[j][l] = H[j][l] + w * xj * X[l][t] end
      end
    end
    for j = 1, k do for l = 1, j - 1 do H[j][l] = H[l][j] end end
    local d = C._solve(H, g)
    if not d then error(who .. ": the information matrix is singular (collinear regressors or perfect separation)", 4) end
    local step = 0
    for j = 1, k do b[j] = b[j] + d[j]; step = math.max(step, math.abs(d[j])) end
    if step ~= step or math.abs(b[1]) > 1e6 then break end
    if step < 1e-10 then
      local cov = {}
      for j = 1, k do
        local e = {}
        for l = 1, k do e[l] = l == j and 1 or 0 end
        cov[j] = C._solve(H, e)
      end
      return b, cov, it
    end
  end
  error(who .. ": no maximum: the coefficients diverge (perfect or quasi-perfect separation: some regressor " ..
        "predicts y exactly on part of the sample); drop or merge that regressor", 4)
end

local binary_mt = {__name = "binary"}

local function fit_binary(kind, y, xs, opts)
  local who = "regress." .. kind
  opts = args.check(who, opts)
  local C = require "tenor._tsa"
  local okf, base = pcall(M.ols, y, xs, {const = opts.const ~= false})
  if not okf then error(who .. ": " .. tostring(base):gsub("^.-regress%.ols: ", ""), 3) end
  local Y, X, D = M._design(base, who)
  local n, ones = #Y, 0
  for t = 1, n do
    if Y[t] ~= 0 and Y[t] ~= 1 then
      error(("%s: y must be 0 or 1; it is %s at %s"):format(who, tostring(Y[t]), tostring(D[t])), 3)
    end
    ones = ones + Y[t]
  end
  if ones == 0 or ones == n then error(("%s: y is %d in all %d rows; nothing to explain"):format(who, ones == 0 and 0 or 1, n), 3) end
  local F = dist(kind, C)
  local b, cov, it = newton(Y, X, F, C, who)
  local m = setmetatable({kind = kind, names = base.names, coef = {}, se = {}, z = {}, p = {}, ame = {}, nobs = n,
    iterations = it, y_name = base.y_name, first = base.first, last = base.last, const = base.const}, binary_mt)
  local ll, fitted, dens = 0, {}, 0
  local ame = {}
  for j = 1, #X do ame[j] = 0 end
  for t = 1, n do
    local eta = 0
    for j = 1, #X do eta = eta + X[j][t] * b[j] end
    ll = ll + F.logp(Y[t], eta)
    fitted[t] = F.cdf(eta)
    local f = F.pdf(eta)
    dens = dens + f
    for j = 1, #X do ame[j] = ame[j] + f * b[j] end
  end
  for j, nm in ipairs(m.names) do
    m.coef[nm], m.se[nm] = b[j], math.sqrt(cov[j][j])
    m.z[nm] = b[j] / m.se[nm]
    m.p[nm] = 2 * (1 - C._norm_p(math.abs(m.z[nm])))
    if nm ~= "const" then m.ame[nm] = ame[j] / n end
  end
  local ybar = ones / n
  m.loglik, m.llnull = ll, n * (ybar * math.log(ybar) + (1 - ybar) * math.log(1 - ybar))
  m.mcfadden_r2 = 1 - ll / m.llnull
  m.aic, m.bic = -2 * ll + 2 * #X, -2 * ll + #X * math.log(n)
  m.cov = cov
  if series.is(base.resid) then
    local r = base.resid:values()
    local v, t = {}, 0
    for i = 1, #r do
      if r[i] == r[i] then t = t + 1; v[i] = fitted[t] else v[i] = NA end
    end
    m.fitted = series.new{freq = base.resid.freq, start = base.first, values = v}
    m.fitted.name = "P(" .. base.y_name .. " = 1)"
  else
    m.fitted = fitted
  end
  return m
end

function binary_mt.__tostring(m)
  local lines = {("%s, dependent variable: %s (%s); ML, n = %d, %d Newton iterations"):format(
      m.kind == "probit" and "Probit" or "Logit", m.y_name, m.first and (m.first .. " .. " .. m.last) or "cross section",
      m.nobs, m.iterations),
    "std. errors from the observed information; z and normal p-values; AME = average marginal effect", "",
    ("%-12s %13s %13s %9s %9s %12s"):format("", "coefficient", "std. error", "z", "p-value", "AME")}
  for _, nm in ipairs(m.names) do
    lines[#lines + 1] = ("%-12s %13.6g %13.6g %9.3f %9.4f %12s"):format(nm, m.coef[nm], m.se[nm], m.z[nm], m.p[nm],
      m.ame[nm] and ("%.6g"):format(m.ame[nm]) or "")
  end
  lines[#lines + 1] = ""
  lines[#lines + 1] = ("log-likelihood %.4f   null %.4f   McFadden R² %.4f   AIC %.4f   BIC %.4f"):format(
    m.loglik, m.llnull, m.mcfadden_r2, m.aic, m.bic)
  return table.concat(lines, "\n")
end

for _, kind in ipairs{"probit", "logit"} do
  args.declare("regress." .. kind, {
    {"const", "boolean", default = true, help = "add an intercept named const"},
  })
  M[kind] = function(y, xs, opts) return fit_binary(kind, y, xs, opts) end
  doc.add("regress." .. kind, ("regress.%s(y, xs, {const = true}) -> model"):format(kind),
    ("%s regression of a 0/1 series on xs by maximum likelihood (Newton-Raphson), statsmodels' %s conventions: " ..
     "coef, se (observed information), z, p, loglik, llnull, mcfadden_r2, aic, bic, ame (average marginal effects), " ..
     "fitted (predicted probabilities, dated), nobs. Rows with a missing value are dropped as in regress.ols; " ..
     "perfect separation is an error."):format(kind == "probit" and "Probit" or "Logit", kind == "probit" and "Probit" or "Logit"),
    ("local down = ip:yoy():lead(12):lt(0)   -- IP lower on the year, 12 months on\nlocal m = regress.%s(down, {spread = spread})\nprint(m)\nprint(m.fitted)"):format(kind))
end

return M

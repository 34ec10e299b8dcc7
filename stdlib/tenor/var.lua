--[[ Vector autoregressions: tsa.var, tsa.var_select and the model's methods.

m = tsa.var({cpi, m2, ip} | dataset, {lags = p | select = "aic", max_lags =, trend = "c"})
  Each equation regresses one variable on a constant (trend = "c") and p
  lags of every variable, by least squares on the span all the series
  share (a missing value inside it is an error naming its date).
  m.coef[equation][name], m.se[equation][name] with m.coef_names
    {"const", "L1.cpi", "L1.m2", ..., "Lp.ip"}, statsmodels' order;
  m.sigma_u[a][b] = E'E/(T - m) (statsmodels' sigma_u, m regressors per
    equation), m.sigma_u_mle[a][b] = E'E/T (statsmodels' sigma_u_mle,
    gretl's $sigma); m.aic, m.bic, m.hqic, m.fpe: statsmodels' info_criteria,
    ln det(E'E/T) + c·(p K² + K) with c = 2/T, ln T/T, 2 ln ln T/T;
  m.resid[name] series; m.nobs (T), m.lags, m.names, m.first, m.last.
  With select the lag minimises the criterion over p = 0..max_lags, all
  fitted on the same rows (statsmodels' select_order); without lags or
  select, select = "aic". max_lags defaults to round(12 (n/100)^(1/4)),
  capped so the largest model can be estimated.

Methods: m:irf(H, {orth =, bands =, reps =, seed =, level =}), m:fevd(H),
m:forecast(H, {level =}), m:granger(caused, causing), m:is_stable().
  irf[h][response][shock], h = 0..H: Φ_h (orth = false, a unit shock) or
  Θ_h = Φ_h P with P the lower Cholesky factor of Σ_u (orth = true, the
  default: a one-standard-deviation shock, ordering = m.names). Σ_u is the
  df-corrected E'E/(T - m) (statsmodels, R vars, EViews' default "Cholesky
  - dof adjusted"); sigma = "ml" factors E'E/T as gretl does (its irf() and
  $vma; EViews' imp=mlechol), which scales every orthogonalised response
  by sqrt((T - m)/T) (0.972 for VAR(4) on 8 series × 596 rows). Bands:
  "asymptotic" (Lütkepohl 2005 §3.7, ±z·se; for orthogonalised responses
  the estimation error of Σ_u enters too, as statsmodels' stderr(orth=True))
  or "bootstrap" (residual bootstrap as R vars::irf: rows of the residuals
  drawn with replacement, the data rebuilt from the first p observations,
  the VAR refitted; percentile bands, type-7 quantiles). Draw b takes its
  rows from its own xoshiro256** stream seeded from (seed, b), and the
  draws run on all processors (up to 8): the bands depend on seed only,
  never on the number of threads. Ctrl-C stops the draws.
  fevd[h][variable][shock], h = 1..H: shares of the h-step forecast error
  variance (orthogonalised), as statsmodels' fevd.
  forecast: mean[name], lower[name], upper[name] dated series after the
  sample; the intervals are ±z·sqrt(diag Σ_{i<h} Φ_i Σ_u Φ_i'), ignoring
  parameter uncertainty, as statsmodels' forecast_interval.
  granger: Wald F test that the lags of causing are zero in the equations
  of caused, F(q, K(T - m)), statsmodels' test_causality(kind = "f").
]]

local args = require "tenor.args"
local doc = require "tenor.doc"
local C = require "tenor._tsa"

local M = tsa
local methods = {}
M._var_methods = methods
local var_mt = {__name = "tsa.var", __index = methods}

-- The series as K aligned columns of values, their names and dates.
local function inputs(data, who)
  local list
  if dataset.is(data) then list = dataset._methods.columns(data)
  elseif series.is(data) or type(data) ~= "table" then
    error(who .. ": give an array of series or a dataset (at least two series)", 3)
  else list = {table.unpack(data)} end
  if #list < 2 then error(who .. ": a VAR needs at least two series (got " .. #list .. ")", 3) end
  local names, whats, seen = {}, {}, {}
  for i, s in ipairs(list) do
    if not series.is(s) then error(("%s: item %d is not a series"):format(who, i), 3) end
    names[i] = s.name or ("y" .. i)
    whats[i] = names[i]
    if seen[names[i]] then error(("%s: two series are named '%s'; rename one"):format(who, names[i]), 3) end
    seen[names[i]] = true
  end
  list = M._common_span(list, who, whats)
  local cols = {}
  for i, s in ipairs(list) do cols[i] = s:values() end
  return cols, names, list[1]:dates(), list[1].freq
end

local function fit_or_explain(cols, names, dates, p, trend, offset, who)
  local ok, ud = pcall(C._var_fit, cols, p, trend == "c", offset or 0)
  if ok then return ud end
  local msg = tostring(ud):gsub("^.-: ", "")
  local n, K = #dates, #names
  local m = (trend == "c" and 1 or 0) + K * p
  if msg:find("too few", 1, true) then
    error(("%s: the %d series share %d periods (%s .. %s); with lags = %d each equation has %d regressors on %d rows; lower the lags")
      :format(who, K, n, dates[1], dates[n], p, m, n - p - (offset or 0)), 3)
  elseif msg:find("singular", 1, true) or msg:find("collinear", 1, true) then
    error(("%s: %s among %s; drop a series that is a combination of the others"):format(who, msg, table.concat(names, ", ")), 3)
  end
  error(who .. ": " .. msg, 3)
end

local CRITERIA = {"aic", "bic", "hqic", "fpe"}

-- Every p = p_min..max_lags fitted on the rows after max_lags (statsmodels' select_order).
local function select_order(cols, names, dates, trend, max_lags, who)
  local n, K, nt = #dates, #names, trend == "c" and 1 or 0
  local estimable = (n - K - nt) // (1 + K)
  if max_lags == nil then
    max_lags = math.min(math.floor(12 * (n / 100) ^ 0.25 + 0.5), estimable)
  elseif max_lags > estimable then
    error(("%s: max_lags = %d is too large for %d series over %d periods; at most %d")
      :format(who, max_lags, K, n, estimable), 3)
  end
  if max_lags < 1 then error(("%s: %d periods are too few to choose a lag for %d series"):format(who, n, K), 3) end
  local tab = {lags = {}, max_lags = max_lags, selected = {}}
  for _, c in ipairs(CRITERIA) do tab[c] = {} end
  for p = (nt == 1 and 0 or 1), max_lags do
    local info = fit_or_explain(cols, names, dates, p, trend, max_lags - p, who):_info()
    tab.lags[#tab.lags + 1] = p
    for _, c in ipairs(CRITERIA) do
      tab[c][#tab[c] + 1] = info[c]
      local best = tab.selected[c]
      if best == nil or info[c] < tab[c][best.i] then tab.selected[c] = {i = #tab[c], p = p} end
    end
  end
  for _, c in ipairs(CRITERIA) do tab.selected[c] = tab.selected[c].p end
  tab.nobs = n - max_lags
  return tab
end

local select_mt = {__name = "tsa.var_select"}
function select_mt.__tostring(t)
  local lines = {("VAR lag order selection (statsmodels' select_order): every lag fitted on the same %d rows; * = minimum")
    :format(t.nobs), ("%5s %14s %14s %14s %14s"):format("lags", "AIC", "BIC", "HQIC", "FPE")}
  for i, p in ipairs(t.lags) do
    local cells = {}
    for j, c in ipairs(CRITERIA) do
      cells[j] = ("%13.6g%s"):format(t[c][i], t.selected[c] == p and "*" or " ")
    end
    lines[#lines + 1] = ("%5d %s"):format(p, table.concat(cells, " "))
  end
  return table.concat(lines, "\n")
end

local select_decl = {
  {"max_lags", "integer", min = 1, aliases = {"maxlags"}, default = "round(12 (n/100)^(1/4))", help = "largest lag tried"},
  {"trend", "string", choices = {"c", "n"}, default = "c", help = "a constant in each equation (c) or none (n)"},
}
args.declare("tsa.var_select", select_decl)

function M.var_select(data, opts)
  local o = args.check("tsa.var_select", opts)
  local cols, names, dates = inputs(data, "tsa.var_select")
  return setmetatable(select_order(cols, names, dates, o.trend or "c", o.max_lags, "tsa.var_select"), select_mt)
end

doc.add("tsa.var_select", "tsa.var_select(list | dataset, {max_lags =, trend = \"c\"}) -> table",
  "The VAR lag-order criteria AIC, BIC, HQIC and FPE for p = 0..max_lags, every model fitted on the same rows " ..
  "(statsmodels' VAR.select_order). Fields: lags, aic, bic, hqic, fpe (arrays), selected[criterion], nobs.",
  "print(tsa.var_select({cpi:yoy(), ppi:yoy(), ip:yoy()}, {max_lags = 12}))")

args.declare("tsa.var", {
  {"lags", "integer", min = 0, help = "the lag order p"},
  {"select", "string", choices = {"aic", "bic", "hqic", "fpe"}, help = "choose p by this criterion (default aic without lags)"},
  select_decl[1], select_decl[2],
})

local function named_matrix(flat, rows, cols, ncols)
  local out = {}
  for i, r in ipairs(rows) do
    out[r] = {}
    for j, c in ipairs(cols) do out[r][c] = flat[(i - 1) * ncols + j] end
  end
  return out
end

function M.var(data, opts)
  local o = args.check("tsa.var", opts)
  local trend = o.trend or "c"
  local cols, names, dates, freq = inputs(data, "tsa.var")
  if o.lags and o.select then error("tsa.var: give lags or select, not both", 2) end
  local sel
  local p = o.lags
  if not p then
    sel = select_order(cols, names, dates, trend, o.max_lags, "tsa.var")
    p = sel.selected[o.select or "aic"]
  end
  local ud = fit_or_explain(cols, names, dates, p, trend, 0, "tsa.var")
  local K, info = #names, ud:_info()
  local m = setmetatable({_ud = ud, names = names, lags = p, K = K, trend = trend, nobs = info.T, freq = freq,
    first = dates[p + 1], last = dates[#dates], _dates = dates, selection = sel,
    aic = info.aic, bic = info.bic, hqic = info.hqic, fpe = info.fpe}, var_mt)
  m.coef_names = trend == "c" and {"const"} or {}
  for j = 1, p do
    for _, nm in ipairs(names) do m.coef_names[#m.coef_names + 1] = ("L%d.%s"):format(j, nm) end
  end
  local B, S, Zi, R = ud:_coef(), ud:_sigma(), ud:_zzinv(), ud:_resid()
  local nm = #m.coef_names
  m.coef, m.se = {}, {}
  for i, eq in ipairs(names) do
    m.coef[eq], m.se[eq] = {}, {}
    for r, cn in ipairs(m.coef_names) do
      m.coef[eq][cn] = B[(r - 1) * K + i]
      m.se[eq][cn] = math.sqrt(Zi[(r - 1) * nm + r] * S[(i - 1) * K + i])
    end
  end
  m.sigma_u = named_matrix(S, names, names, K)
  local S_mle = {}
  for i, v in ipairs(S) do S_mle[i] = v * (info.T - info.m) / info.T end
  m.sigma_u_mle = named_matrix(S_mle, names, names, K)
  m.resid = {}
  for i, eq in ipairs(names) do
    local v = {}
    for t = 1, info.T do v[t] = R[(t - 1) * K + i] end
    m.resid[eq] = series.new{freq = freq, start = m.first, values = v}
    m.resid[eq].name = eq
  end
  return m
end

doc.add("tsa.var", "tsa.var(list | dataset, {lags = | select = \"aic\", max_lags =, trend = \"c\"}) -> model",
  "Vector autoregression by least squares on the span the series share (statsmodels' VAR conventions). " ..
  "Fields: coef[equation][name] and se with coef_names {const, L1.<var>, ..., Lp.<var>}, sigma_u[a][b] " ..
  "(E'E/(T - m)), sigma_u_mle (E'E/T), aic, bic, hqic, fpe (statsmodels' definitions), resid[name], nobs, lags, names, first, last. " ..
  "Methods: irf, fevd, forecast, granger, is_stable. Without lags the order is chosen by select (default aic) " ..
  "over 0..max_lags on a common sample.",
  "local m = tsa.var({cpi:yoy(), ppi:yoy(), ip:yoy()}, {select = \"aic\", max_lags = 12})\nprint(m)\nprint(m.coef.cpi[\"L1.ppi\"], m.aic)")

-- Printing -----------------------------------------------------------------

function var_mt.__tostring(m)
  local lines = {("VAR(%d) of %s, %s .. %s (T = %d), %s; least squares per equation")
    :format(m.lags, table.concat(m.names, ", "), m.first, m.last, m.nobs, m.trend == "c" and "constant" or "no constant"),
    ("AIC %.6g   BIC %.6g   HQIC %.6g   FPE %.6g (statsmodels' definitions)"):format(m.aic, m.bic, m.hqic, m.fpe), ""}
  local w = 8
  for _, n in ipairs(m.coef_names) do w = math.max(w, #n) end
  local head = ("%-" .. w .. "s"):format("")
  for _, eq in ipairs(m.names) do head = head .. ("%22s"):format(eq:sub(1, 21)) end
  lines[#lines + 1] = head .. "   (coefficient (std. error))"
  for _, cn in ipairs(m.coef_names) do
    local row = ("%-" .. w .. "s"):format(cn)
    for _, eq in ipairs(m.names) do row = row .. ("%11.4g (%8.3g)"):format(m.coef[eq][cn], m.se[eq][cn]) end
    lines[#lines + 1] = row
  end
  return table.concat(lines, "\n")
end

-- Methods ------------------------------------------------------------------

--- m:is_stable() -> boolean, moduli of the companion matrix's eigenvalues (largest first)
function methods.is_stable(m)
  local mod = m._ud:_roots()
  return (mod[1] or 0) < 1, mod
end

doc.add("var:is_stable", "m:is_stable() -> boolean, moduli",
  "True when every eigenvalue of the companion matrix lies inside the unit circle (the VAR is stationary); " ..
  "the second result lists their moduli, largest first (statsmodels' is_stable and roots, inverted).",
  "local m = tsa.var({cpi:yoy(), ppi:yoy()}, {lags = 2})\nlocal ok, mod = m:is_stable()\nprint(ok, mod[1])")

local function cube(flat, H0, H1, names)
  local K, out = #names, {}
  for h = H0, H1 do
    local base = (h - H0) * K * K
    out[h] = {}
    for r, rn in ipairs(names) do
      out[h][rn] = {}
      for s, sn in ipairs(names) do out[h][rn][sn] = flat[base + (r - 1) * K + s] end
    end
  end
  return out
end

local irf_mt = {__name = "tsa.irf"}
function irf_mt.__tostring(x)
  local lines = {("Impulse responses, h = 0..%d: %s; irf[h][response][shock]%s"):format(x.H,
    x.orth and ("one-s.d. Cholesky shocks of %s, ordered %s"):format(x.sigma == "ml" and "E'E/T (gretl's)" or "E'E/(T - m)",
      table.concat(x.names, ", ")) or "unit shocks",
    x.bands and ("; %d%% %s bands in .lower/.upper"):format(math.floor(x.level * 100 + 0.5), x.bands) or "")}
  for _, sn in ipairs(x.names) do
    lines[#lines + 1] = ("shock to %s:"):format(sn)
    local head = "    h"
    for _, rn in ipairs(x.names) do head = head .. ("%14s"):format(rn:sub(1, 13)) end
    lines[#lines + 1] = head
    for h = 0, x.H do
      local row = ("%5d"):format(h)
      for _, rn in ipairs(x.names) do row = row .. ("%14.5g"):format(x[h][rn][sn]) end
      lines[#lines + 1] = row
    end
  end
  return table.concat(lines, "\n")
end

-- Asymptotic standard errors of the responses (Lütkepohl 2005, 3.7.5 and
-- 3.7.8, as statsmodels' irf stderr): the lag-coefficient part from C, and
-- for orthogonalised responses the Σ_u part C̄_h Σ_σ C̄_h' / T with
-- C̄_h = (I ⊗ Φ_h) H, H = L'(L(( I ⊗ P)K + P ⊗ I)L')^-1 (L the elimination,
-- K the commutation matrix) and Σ_σ[(i,j),(k,l)] = σ_ik σ_jl + σ_il σ_jk
-- over vech Σ_u.
local function asymptotic_se(m, H, orth)
  local var = m._ud:_irf_var(H, orth)
  local out = {}
  if not orth then
    for i, v in ipairs(var) do out[i] = math.sqrt(v) end
    return out
  end
  local K, S = m.K, m._ud:_sigma()
  local sig = function(i, j) return S[(i - 1) * K + j] end
  -- the Cholesky factor P (lower) of Σ_u
  local P = {}
  for i = 1, K do P[i] = {} for j = 1, K do P[i][j] = 0 end end
  for j = 1, K do
    local d = sig(j, j)
    for l = 1, j - 1 do d = d - P[j][l] ^ 2 end
    P[j][j] = math.sqrt(d)
    for i = j + 1, K do
      local v = sig(i, j)
      for l = 1, j - 1 do v = v - P[i][l] * P[j][l] end
      P[i][j] = v / P[j][j]
    end
  end
  -- vech positions (i >= j, by columns) and the vec index of (i, j): (j-1)K + i
  local pairs_, pos = {}, {}
  for j = 1, K do for i = j, K do pairs_[#pairs_ + 1] = {i, j}; pos[(j - 1) * K + i] = #pairs_ end end
  local mv = #pairs_
  -- M = (I ⊗ P)K + P ⊗ I as a function of vec indices (row x = (a,b), column y = (c,d))
  local function Mxy(a, b, c, d)
    -- (I ⊗ P)K: vec(P A') for vec(A) = e_y -> element (a, b) of P A' = P[a][d]·[b == c]
    -- (P ⊗ I): vec(A P') -> element (a, b) = [a == c]·P[b][d]
    return (b == c and P[a][d] or 0) + (a == c and P[b][d] or 0)
  end
  local B = {}
  for u, pu in ipairs(pairs_) do
    B[u] = {}
    for w, pw in ipairs(pairs_) do B[u][w] = Mxy(pu[1], pu[2], pw[1], pw[2]) end
  end
  local Binv = {}
  for w = 1, mv do
    local e = {}
    for u = 1, mv do e[u] = u == w and 1 or 0 end
    local col = C._solve(B, e)
    if not col then error("var:irf: the Σ_u part of the asymptotic bands is singular", 3) end
    for u = 1, mv do Binv[u] = Binv[u] or {}; Binv[u][w] = col[u] end
  end
  local Ssig = {}
  for u, pu in ipairs(pairs_) do
    Ssig[u] = {}
    for w, pw in ipairs(pairs_) do
      local i, j, k, l = pu[1], pu[2], pw[1], pw[2]
      Ssig[u][w] = sig(i, k) * sig(j, l) + sig(i, l) * sig(j, k)
    end
  end
  local Phi = m._ud:_ma(H, false)
  for h = 0, H do
    for r = 1, K do
      for s = 1, K do
        -- row (s, r) of C̄_h: Σ_d Φ_h[r][d] H[vec(d, s)] with H[vec(i, j)] = Binv[pos(i,j)] for i >= j
        local row = {}
        for w = 1, mv do row[w] = 0 end
        for d = 1, K do
          local phi = Phi[h * K * K + (r - 1) * K + d]
          local p = pos[(s - 1) * K + d]
          if phi ~= 0 and p then for w = 1, mv do row[w] = row[w] + phi * Binv[p][w] end end
        end
        local q = 0
        for u = 1, mv do
          if row[u] ~= 0 then for w = 1, mv do q = q + row[u] * Ssig[u][w] * row[w] end end
        end
        local idx = h * K * K + (r - 1) * K + s
        out[idx] = math.sqrt(var[idx] + q / m.nobs)
      end
    end
  end
  return out
end

args.declare("var:irf", {
  {"orth", "boolean", default = true, help = "orthogonalised (Cholesky) responses to one-s.d. shocks"},
  {"sigma", "string", choices = {"unbiased", "ml"}, default = "unbiased",
    help = "covariance the Cholesky factor comes from: E'E/(T - m) (statsmodels, R vars, EViews) or E'E/T (gretl)"},
  {"bands", "string", choices = {"asymptotic", "bootstrap"}, help = "confidence bands"},
  {"reps", "integer", min = 2, default = 1000, help = "bootstrap draws"},
  {"seed", "integer", min = 0, default = 1, help = "bootstrap seed"},
  {"level", "number", gt = 0, lt = 1, default = 0.95, help = "band coverage"},
})

function methods.irf(m, H, opts)
  local o = args.check("var:irf", opts)
  H = H or 10
  if math.type(H) ~= "integer" or H < 0 then error("var:irf: the horizon must be an integer >= 0", 2) end
  local orth = o.orth ~= false
  if o.sigma and not orth then error("var:irf: sigma chooses the Cholesky factor; it needs orth = true", 2) end
  local sigma = orth and (o.sigma or "unbiased") or nil
  -- Σ_ml = Σ_u (T - m)/T is Σ_u times a constant, so its Cholesky factor,
  -- every response, standard error and bootstrap quantile is the default
  -- one times c = sqrt((T - m)/T)
  local c = sigma == "ml" and math.sqrt((m.nobs - #m.coef_names) / m.nobs) or 1
  local function scaled(flat)
    if c ~= 1 then for i, v in ipairs(flat) do flat[i] = c * v end end
    return flat
  end
  local point = scaled(m._ud:_ma(H, orth))
  local x = cube(point, 0, H, m.names)
  x.H, x.orth, x.sigma, x.names = H, orth, sigma, m.names
  local level = o.level or 0.95
  if o.bands == "asymptotic" then
    local z = C._norm_ppf((1 + level) / 2)
    local se = scaled(asymptotic_se(m, H, orth))
    local lo, hi = {}, {}
    for i, v in ipairs(se) do lo[i], hi[i] = point[i] - z * v, point[i] + z * v end
    x.se, x.lower, x.upper = cube(se, 0, H, m.names), cube(lo, 0, H, m.names), cube(hi, 0, H, m.names)
  elseif o.bands == "bootstrap" then
    local lo, hi = m._ud:_bootstrap(H, orth, o.reps or 1000, o.seed or 1, level)
    x.lower, x.upper = cube(scaled(lo), 0, H, m.names), cube(scaled(hi), 0, H, m.names)
    x.reps, x.seed = o.reps or 1000, o.seed or 1
  end
  x.bands, x.level = o.bands, level
  return setmetatable(x, irf_mt)
end

doc.add("var:irf", "m:irf(H, {orth = true, sigma = \"unbiased\", bands =, reps = 1000, seed = 1, level = 0.95}) -> irf",
  "Impulse responses irf[h][response][shock] for h = 0..H: orthogonalised (Cholesky of sigma_u in the order of " ..
  "m.names, one-standard-deviation shocks) or, with orth = false, responses to unit shocks (the MA coefficients). " ..
  "The Cholesky factor is that of sigma_u = E'E/(T - m), as statsmodels, R vars and EViews' default (imp=chol); " ..
  "sigma = \"ml\" factors sigma_u_mle = E'E/T instead, as gretl (irf(), $vma) and EViews' imp=mlechol: every " ..
  "orthogonalised response, standard error and band is then sqrt((T - m)/T) times the default one (FEVD shares " ..
  "do not change). " ..
  "bands = \"asymptotic\" (Lütkepohl's delta method, with the Σ_u term for orthogonalised responses, as statsmodels' " ..
  "irf stderr; also irf.se) or " ..
  "\"bootstrap\" (residual bootstrap as R vars::irf, percentile bands; each draw has its own random stream " ..
  "seeded from seed and its number, so the bands are the same on any number of threads) fill irf.lower and irf.upper.",
  "local m = tsa.var({cpi:yoy(), ppi:yoy()}, {lags = 2})\nlocal r = m:irf(24, {bands = \"bootstrap\", reps = 200, seed = 7})\nprint(r[12].cpi.ppi, r.lower[12].cpi.ppi, r.upper[12].cpi.ppi)")

local fevd_mt = {__name = "tsa.fevd"}
function fevd_mt.__tostring(x)
  local lines = {("Forecast error variance decomposition, h = 1..%d (%% of the h-step variance; Cholesky order %s)")
    :format(x.H, table.concat(x.names, ", "))}
  for _, rn in ipairs(x.names) do
    lines[#lines + 1] = rn .. ":"
    local head = "    h"
    for _, sn in ipairs(x.names) do head = head .. ("%12s"):format(sn:sub(1, 11)) end
    lines[#lines + 1] = head
    for h = 1, x.H do
      local row = ("%5d"):format(h)
      for _, sn in ipairs(x.names) do row = row .. ("%12.2f"):format(100 * x[h][rn][sn]) end
      lines[#lines + 1] = row
    end
  end
  return table.concat(lines, "\n")
end

function methods.fevd(m, H)
  H = H or 10
  if math.type(H) ~= "integer" or H < 1 then error("var:fevd: the horizon must be an integer >= 1", 2) end
  local x = cube(m._ud:_fevd(H), 1, H, m.names)
  x.H, x.names = H, m.names
  return setmetatable(x, fevd_mt)
end

doc.add("var:fevd", "m:fevd(H) -> fevd",
  "Forecast error variance decomposition fevd[h][variable][shock] for h = 1..H: the share (0..1) of shock's " ..
  "orthogonalised innovations in the h-step forecast error variance of variable, as statsmodels' fevd.",
  "local m = tsa.var({cpi:yoy(), ppi:yoy()}, {lags = 2})\nprint(m:fevd(12))")

args.declare("var:forecast", {
  {"level", "number", gt = 0, lt = 1, default = 0.95, help = "interval coverage"},
})

function methods.forecast(m, H, opts)
  local o = args.check("var:forecast", opts)
  if math.type(H) ~= "integer" or H < 1 then error("var:forecast: the horizon must be an integer >= 1", 2) end
  local level = o.level or 0.95
  local z = C._norm_ppf((1 + level) / 2)
  local mean, var = m._ud:_forecast(H)
  local out = {mean = {}, lower = {}, upper = {}, se = {}, level = level, H = H}
  local K = m.K
  for i, nm in ipairs(m.names) do
    local mv, lv, uv, sv = {NA}, {NA}, {NA}, {NA}
    for h = 1, H do
      local mu, sd = mean[(h - 1) * K + i], math.sqrt(var[(h - 1) * K + i])
      mv[h + 1], lv[h + 1], uv[h + 1], sv[h + 1] = mu, mu - z * sd, mu + z * sd, sd
    end
    local mk = function(v)
      local s = series.new{freq = m.freq, start = m.last, values = v}:trim()
      s.name = nm
      return s
    end
    out.mean[nm], out.lower[nm], out.upper[nm], out.se[nm] = mk(mv), mk(lv), mk(uv), mk(sv)
  end
  return out
end

doc.add("var:forecast", "m:forecast(H, {level = 0.95}) -> {mean, lower, upper, se}",
  "Forecasts for the H periods after the sample: mean[name], lower[name], upper[name], se[name] dated series. " ..
  "The intervals are mean ± z·sqrt(diag Σ_{i<h} Φ_i Σ_u Φ_i') with sigma_u, ignoring parameter uncertainty " ..
  "(statsmodels' forecast_interval).",
  "local m = tsa.var({cpi:yoy(), ppi:yoy()}, {lags = 2})\nlocal f = m:forecast(12)\nprint(f.mean.cpi, f.lower.cpi)")

local granger_mt = {__name = "tsa.var_granger"}
function granger_mt.__tostring(g)
  return table.concat({
    ("Granger causality in the VAR(%d): do %s help predict %s?"):format(g.lags, table.concat(g.causing, ", "),
      table.concat(g.caused, ", ")),
    ("H0: the %d lag coefficients are zero (Wald F, statsmodels' test_causality kind = \"f\")"):format(g.df1),
    ("F(%d, %d) = %.4f   p = %.4f"):format(g.df1, g.df2, g.stat, g.p)}, "\n")
end

function methods.granger(m, caused, causing)
  local idx = {}
  for i, nm in ipairs(m.names) do idx[nm] = i end
  local function list(x, what)
    if type(x) == "string" then x = {x} end
    if type(x) ~= "table" or #x == 0 then error(("var:granger: %s must be a variable name or a list of them"):format(what), 3) end
    for _, nm in ipairs(x) do
      if not idx[nm] then error(("var:granger: no variable '%s' (the VAR has %s)"):format(tostring(nm), table.concat(m.names, ", ")), 3) end
    end
    return x
  end
  caused = list(caused, "caused")
  causing = list(causing or {}, "causing")
  if m.lags == 0 then error("var:granger: a VAR(0) has no lags to test", 2) end
  local K, nt, nm = m.K, m.trend == "c" and 1 or 0, #m.coef_names
  local S, Zi, B = m._ud:_sigma(), m._ud:_zzinv(), m._ud:_coef()
  local sel = {}                                  -- {regressor row, equation}
  for j = 1, m.lags do
    for _, c in ipairs(causing) do
      for _, e in ipairs(caused) do sel[#sel + 1] = {nt + (j - 1) * K + idx[c], idx[e]} end
    end
  end
  local q, b, V = #sel, {}, {}
  for a, x in ipairs(sel) do
    b[a] = B[(x[1] - 1) * K + x[2]]
    V[a] = {}
    for c, y in ipairs(sel) do V[a][c] = Zi[(x[1] - 1) * nm + y[1]] * S[(x[2] - 1) * K + y[2]] end
  end
  local sol = C._solve(V, b)
  if not sol then error("var:granger: the covariance of the tested coefficients is singular", 2) end
  local w = 0
  for a = 1, q do w = w + b[a] * sol[a] end
  local df2 = K * (m.nobs - nm)
  return setmetatable({stat = w / q, p = C._fdist_q(w / q, q, df2), df1 = q, df2 = df2, wald = w,
    caused = caused, causing = causing, lags = m.lags}, granger_mt)
end

doc.add("var:granger", "m:granger(caused, causing) -> test",
  "Granger causality inside the VAR: Wald F test that every lag of causing (a name or a list) is zero in the " ..
  "equations of caused, F(q, K(T - m)) as statsmodels' test_causality(kind = \"f\"). Fields: stat, p, df1, df2, wald.",
  "local m = tsa.var({cpi:yoy(), ppi:yoy()}, {lags = 2})\nprint(m:granger(\"cpi\", \"ppi\"))")

return M

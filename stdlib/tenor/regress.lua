--[[ Regressions.

regress.ols(y, xs, opts) -> fit
  y   a series (time series) or an array of numbers (cross section)
  xs  the regressors: a table of named ones {ppi = ppi_yoy, cpi = cpi_yoy}
      (taken in alphabetical order of the names), an array of series (in the
      order given, named by s.name, else x1, x2, ...), an array of pairs
      {{"ppi", ppi_yoy}, {"cpi", cpi_yoy}} (in the order given, named as
      given), an array of arrays, or one series. Lags and differences name
      themselves as EViews prints them: {ppi, ppi:lag(3), ppi:diff()} gives
      ppi, ppi(-3), d(ppi).
  opts.const = false   no intercept (one named "const" is added otherwise)
  opts.cov             "classical" (default), "HC0".."HC3", "HAC"
  opts.lag             HAC lag; default the Newey-West (1994) rule floor(4(n/100)^(2/9))
  opts.use_t = false   normal instead of t p-values and intervals
Time series are aligned by period on the span they share; rows where y or
any regressor is missing are dropped (listwise) and fit.first, fit.last and
fit.nobs report the sample used.

The fit holds every statistic: fit.coef, fit.se, fit.t, fit.p, fit.ci_low,
fit.ci_high (tables keyed by regressor name, "const" for the intercept),
fit.r2, fit.adj_r2, fit.f, fit.f_p, fit.sigma, fit.ssr, fit.loglik, fit.aic,
fit.bic, fit.hq, fit.dw, fit.nobs, fit.df_resid, fit.cov (k×k, rows in the
order of fit.names), fit.fitted and fit.resid (series on the sample's dates).
Methods: fit:predict(xs), fit:to_markdown(), fit:to_latex(), fit:to_csv(path),
fit:to_xlsx(path), and the diagnostics of stdlib/tenor/diagnostics.lua:
fit:bg(), fit:jb(), fit:white(), fit:bp(), fit:reset(), fit:chow(),
fit:wald(), fit:cusum(), fit:diagnostics().

Matching other tools (HAC = Newey-West, Bartlett kernel, no prewhitening,
no small-sample factor, lags counted over the rows used):
  statsmodels  OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L})
               -> regress.ols(y, xs, {cov="HAC", lag=L, use_t=false})
               (statsmodels reports z statistics for robust covariances)
  R sandwich   NeweyWest(fit, lag=L, prewhite=FALSE, adjust=FALSE)
               -> {cov="HAC", lag=L}; vcovHC(fit, type="HC1") -> {cov="HC1"}
  gretl        set hac_kernel bartlett; set hac_lag L; set hac_prewhiten off;
               ols ... --robust  -> {cov="HAC", lag=L}
  EViews       cov=hac with Bartlett, fixed lag L and no d.f. adjustment
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = regress
-- the C fits, held here: a sandboxed run removes the "_" primitives from `regress`
local ols_raw, rolling_raw = M._ols, M._rolling

local COVS = {"classical", "HC0", "HC1", "HC2", "HC3", "HAC"}
local COV = {"cov", "string", choices = COVS, default = "classical", help = "covariance of the coefficients"}
local LAG = {"lag", "integer", min = 0, aliases = {"maxlags"}, default = "floor(4(n/100)^(2/9))",
             help = "HAC lag (statsmodels' maxlags)"}
local USE_T = {"use_t", "boolean", default = true, help = "t (else normal) p-values and intervals"}
args.declare("regress.ols", {
  {"const", "boolean", default = true, help = "add an intercept named const"}, COV, LAG, USE_T,
})
local WINDOWED = {
  {"min_obs", "integer", min = 1, aliases = {"min_nobs"}, default = "the window; k + 2 expanding",
   help = "fewest rows for a fit (statsmodels RollingOLS' min_nobs)"},
  {"step", "integer", min = 1, default = 1, help = "fit every step-th window"},
  {"const", "boolean", default = true, help = "always true: a constant is always fitted"},
  COV, LAG, USE_T,
}
args.declare("regress.rolling", {
  {"window", "integer", min = 1, help = "required: periods in each window"}, table.unpack(WINDOWED)})
args.declare("regress.expanding", WINDOWED)
args.declare("regress.xcorr", {
  {"max_lag", "integer", min = 0, default = 12, aliases = {"maxlags"}, help = "lags -max_lag .. max_lag (matplotlib xcorr's maxlags)"},
  {"min_pairs", "integer", min = 2, default = "max(10, a third of the shorter series)",
   help = "pairs a lag needs to be the best"},
})
local fit_methods = {}
local fit_mt = {__name = "regression", __index = fit_methods}
M._fit_methods = fit_methods      -- for help() and completion

-- Regressors in a fixed order, with their names. The order rule:
--   {ppi = a, cpi = b}             keyed: alphabetical by name (Lua tables keep no order)
--   {a, b}                         array of series: as given, named by s.name, which
--                                  records lags and differences: ppi(-3), d(ppi)
--   {{"ppi", a}, {"cpi", b}}       array of pairs: as given, named as given
--   {{1, 2, ...}, {3, 4, ...}}     array of arrays (cross section): as given, x1, x2, ...
local function is_pair(x)
  return type(x) == "table" and not series.is(x) and #x == 2 and type(x[1]) == "string"
end

-- fname names the public function in errors, raised at `level` (default 3).
local function normalise(xs, fname, level)
  fname, level = fname or "regress.ols", level or 3
  if series.is(xs) then return {xs}, {xs.name or "x1"} end
  if type(xs) ~= "table" then error(fname .. ": xs must be a table of regressors or a series", level) end
  local cols, names = {}, {}
  if #xs > 0 then
    for i, x in ipairs(xs) do
      if is_pair(x) then names[i], cols[i] = x[1], x[2]
      else cols[i], names[i] = x, series.is(x) and x.name or ("x" .. i) end
    end
  else
    for name in pairs(xs) do names[#names + 1] = name end
    table.sort(names)
    for i, name in ipairs(names) do cols[i] = xs[name] end
  end
  for i, n in ipairs(names) do
    for j = 1, i - 1 do
      if names[j] == n then
        error(("%s: two regressors are named '%s'; name them with pairs: {{\"a\", x}, {\"b\", z}}"):format(fname, n), level)
      end
    end
  end
  return cols, names
end

doc.add("regress.ols", "regress.ols(y, xs, {const=true, cov='classical'|'HC0'..'HC3'|'HAC', lag=, use_t=true})",
  "OLS by QR on the column-scaled design with long-double refinement; series aligned by date, incomplete rows dropped; an infinite value is an error. xs: {name = x} (alphabetical), {x1, x2} (order given, named by s.name: ppi(-3), d(ppi)), or {{'ppi', x1}, {'cpi', x2}} (order given, named as given). The fit has coef se t p ci_low ci_high r2 adj_r2 f f_p sigma loglik aic bic hq dw nobs cov fitted resid notes. NA with a note in fit.notes: R², t, p, F when y is constant; HC2/HC3 standard errors when an observation has leverage 1.",
  "print(regress.ols(cpi:yoy(), {ppi = ppi:yoy()}, {cov = 'HAC', lag = 12}))")
function M.ols(y, xs, opts)
  opts = args.check("regress.ols", opts)
  if not (series.is(y) or type(y) == "table") then
    error(("regress.ols: y must be a series or an array of numbers (got a %s)"):format(type(y)), 2)
  end
  local cols, names = normalise(xs)
  local fit = ols_raw(y, cols, names, opts)
  fit.y_name = series.is(y) and y.name or "y"
  fit._y, fit._cols = y, cols       -- the data, for the diagnostics (tenor.diagnostics)
  -- fitted values and residuals use coefficients estimated on the whole
  -- sample: at any date inside it they know the future
  for _, k in ipairs{"fitted", "resid"} do
    if series.is(fit[k]) then fit[k].meta.lookahead = "full-sample regression " .. k end
  end
  return setmetatable(fit, fit_mt)
end

--[[ regress.rolling(y, xs, {window=, step=1, min_obs=, cov=, lag=}) and
regress.expanding(y, xs, {min_obs=, ...}): dated series of coefficients,
standard errors and R² for the window ending at each period:
  r.coef.<name>, r.se.<name> (const included), r.r2, r.nobs (rows of every
  window that had min_obs of them, fitted or not), r.qr_windows (windows
  refitted by QR), r.notes (why a window with its rows is NA: collinear)
With the classical covariance the sums are updated window to window
(O(n·k²)) and a window whose normal equations are ill-conditioned (a
regressor with less than 1e-6 of its variance left after the others) is
refitted by QR on its centred regressors; with cov = "HC0".."HC3" or "HAC"
every window is fitted that way (O(n·w·k²)), HAC's default lag by Newey-
West's rule on each window's rows. A constant is always included. Printing
r shows the notes. ]]
local rolling_mt = {__name = "rolling regression"}
function rolling_mt.__tostring(r)
  local lines = {("rolling regression: %d windows fitted (%d by QR), %d with too few rows"):format(
    r.coef.const:count(), r.qr_windows, #r.nobs - r.nobs:count())}
  for _, note in ipairs(r.notes) do lines[#lines + 1] = "note: " .. note end
  return table.concat(lines, "\n")
end

local function rolling(y, xs, opts, window)
  local fname = window and "regress.expanding" or "regress.rolling"
  local o = args.check(fname, opts, 4)
  if not series.is(y) then error(fname .. ": y must be a series", 3) end
  local cols, names = normalise(xs, fname, 4)
  o.window = window or o.window
  if o.window == nil then error("regress.rolling: option 'window' is required: {window = n}", 3) end
  if o.const == false then error(fname .. ": option 'const' must be true: a constant is always fitted", 3) end
  return setmetatable(rolling_raw(y, cols, names, o), rolling_mt)
end

--[[ regress.xcorr(x, y, {max_lag=12, min_pairs=}) -> table
Cross-correlations r_k = corr(x_{t-k}, y_t) for k = -max_lag .. max_lag over
every period t where y_t and x_{t-k} are both present: x is re-dated by k
periods (its span moves with it), so a lag never drops pairs just because
x_{t-k} falls outside x's own span as a lag within that span would. k > 0
means x leads y by k periods (x's value k periods earlier moves with y
today); k < 0 means x lags y. A lag with fewer than min_pairs pairs
(default: the larger of 10 and a third of the shorter series' present
values) gets its r and n but cannot be best: a correlation of 4 pairs is
noise. Fields: lags, corr, n (pairs used), min_pairs, best_lag and best_corr
(largest |r| among lags with enough pairs; nil when none has). ]]
local xcorr_mt = {__name = "xcorr"}
doc.add("regress.xcorr", "regress.xcorr(x, y, {max_lag=12 (matplotlib's maxlags), min_pairs=})", "corr(x_{t-k}, y_t) for k = -max_lag..max_lag over every period where y_t and x_{t-k} are present (x re-dated, not lagged within its own span); k > 0 means x leads y by k; best_lag, best_corr among lags with at least min_pairs pairs (default the larger of 10 and a third of the shorter series); n per lag.", "print(regress.xcorr(ppi:yoy(), cpi:yoy()))")
function M.xcorr(x, y, opts)
  opts = args.check("regress.xcorr", opts)
  if not (series.is(x) and series.is(y)) then error("regress.xcorr: x and y must be series", 2) end
  local K = opts.max_lag or 12
  local shorter = math.min(x:count(), y:count())
  local min_pairs = opts.min_pairs or math.max(10, math.ceil(shorter / 3))
  local out = {lags = {}, corr = {}, n = {}, x = x.name or "x", y = y.name or "y", min_pairs = min_pairs}
  for k = -K, K do
    local r, n = x:redate(k):corr(y)
    out.lags[#out.lags + 1], out.corr[#out.corr + 1], out.n[#out.n + 1] = k, r or NA, n
    if r and n >= min_pairs and (out.best_corr == nil or math.abs(r) > math.abs(out.best_corr)) then
      out.best_lag, out.best_corr = k, r
    end
  end
  return setmetatable(out, xcorr_mt)
end

function xcorr_mt.__tostring(xc)
  local lines = {("cross-correlation of %s (x) and %s (y): corr(x[t-k], y[t]); k > 0: x leads y"):format(xc.x, xc.y)}
  for i, k in ipairs(xc.lags) do
    local r = xc.corr[i]
    local bar = r == r and string.rep(r >= 0 and "+" or "-", math.floor(math.abs(r) * 20 + 0.5)) or ""
    lines[#lines + 1] = ("%5d %9s %5d  %s%s"):format(k, r == r and ("%.4f"):format(r) or "NA", xc.n[i], bar,
      k == xc.best_lag and "  <- best" or xc.n[i] < xc.min_pairs and "  (too few pairs)" or "")
  end
  if not xc.best_lag then
    lines[#lines + 1] = ("no lag has %d pairs (min_pairs): no best lag"):format(xc.min_pairs)
  else
    lines[#lines + 1] = xc.best_lag > 0 and ("%s leads %s by %d periods (r = %.3f)"):format(xc.x, xc.y, xc.best_lag, xc.best_corr)
      or xc.best_lag < 0 and ("%s lags %s by %d periods (r = %.3f)"):format(xc.x, xc.y, -xc.best_lag, xc.best_corr)
      or ("%s and %s move together (r = %.3f)"):format(xc.x, xc.y, xc.best_corr)
  end
  return table.concat(lines, "\n")
end

doc.add("regress.rolling", "regress.rolling(y, xs, {window=, step=1, min_obs=, cov=, lag=})", "Dated series of coefficients, std. errors and R² for each window; nobs, qr_windows, notes. O(n·k²) for the classical covariance by updated sums; a window whose normal equations are ill-conditioned (a regressor with < 1e-6 of its variance left after the others) and every window of a robust covariance is refitted by QR on centred regressors. A window with its rows but collinear regressors is NA and counted in notes.", "regress.rolling(cpi:yoy(), {ppi = ppi:yoy()}, {window = 60}).coef.ppi")
function M.rolling(y, xs, opts) return rolling(y, xs, opts) end
doc.add("regress.expanding", "regress.expanding(y, xs, {min_obs=, cov=})", "As rolling, with windows from the start.", "regress.expanding(cpi:yoy(), {ppi = ppi:yoy()}, {min_obs = 36}).coef.ppi")
function M.expanding(y, xs, opts) return rolling(y, xs, opts, 0) end

doc.add("fit:predict", "fit:predict(xs)", "const + Σ coef·x for new regressors.", "fit:predict{ppi = ppi:project_yoy{mom = 0.2}}")
function fit_methods.predict(fit, xs)
  local cols, names = normalise(xs)
  local out = fit.const and fit.coef.const or 0
  for i, name in ipairs(names) do
    local b = fit.coef[name]
    if b == nil then error(("predict: the fit has no regressor '%s'"):format(name), 2) end
    local x = cols[i]
    if series.is(x) then out = x * b + out
    else
      local arr = type(out) == "table" and out or {}
      for t = 1, #x do arr[t] = (arr[t] or out) + b * x[t] end
      out = arr
    end
  end
  return out
end

-- A number in the table's format, or NA (right-aligned to the same width).
local function num(fmt, v)
  if v ~= v then return (fmt:gsub("%%(%d*)%.?%d*[fgd]", "%%%1s")):format("NA") end
  return fmt:format(v)
end

local function stars(p)
  if p ~= p then return "" end
  if p < 0.01 then return "***" elseif p < 0.05 then return "**" elseif p < 0.1 then return "*" end
  return ""
end

local function convention(fit)
  local parts = {"covariance: " .. fit.cov_type}
  if fit.cov_type == "HAC" then
    parts[#parts + 1] = ("Newey-West, Bartlett kernel, lag %d, no prewhitening, no small-sample factor"):format(fit.hac_lag)
  elseif fit.cov_type == "HC1" then
    parts[#parts + 1] = "n/(n-k) scaling"
  end
  parts[#parts + 1] = fit.use_t and ("t(%d) p-values"):format(fit.df_resid) or "normal p-values"
  return table.concat(parts, "; ")
end

--- print(fit): the regression table, with stars (*** 1%, ** 5%, * 10%).
function fit_mt.__tostring(fit)
  local lines = {}
  local sample = fit.first and ("%s .. %s"):format(fit.first, fit.last) or "cross section"
  lines[#lines + 1] = ("OLS, dependent variable: %s"):format(fit.y_name)
  lines[#lines + 1] = ("sample: %s (n = %d); %s"):format(sample, fit.nobs, convention(fit))
  lines[#lines + 1] = ""
  local w = 8
  for _, n in ipairs(fit.names) do w = math.max(w, #n) end
  lines[#lines + 1] = ("%-" .. w .. "s %14s %14s %9s %9s"):format("", "coefficient", "std. error",
                                                                   fit.use_t and "t" or "z", "p-value")
  for _, n in ipairs(fit.names) do
    lines[#lines + 1] = ("%-" .. w .. "s %s %s %s %s %s"):format(n, num("%14.6g", fit.coef[n]), num("%14.6g", fit.se[n]),
      num("%9.3f", fit.t[n]), num("%9.4f", fit.p[n]), stars(fit.p[n]))
  end
  lines[#lines + 1] = ""
  lines[#lines + 1] = ("R-squared %s   adjusted %s   S.E. of regression %s"):format(
    num("%.6f", fit.r2), num("%.6f", fit.adj_r2), num("%.6g", fit.sigma))
  lines[#lines + 1] = ("F(%d, %d) %s   p-value %s   Durbin-Watson %s"):format(
    fit.k - (fit.const and 1 or 0), fit.df_resid, num("%.4f", fit.f), num("%.4g", fit.f_p), num("%.4f", fit.dw))
  lines[#lines + 1] = ("log-likelihood %s   AIC %s   BIC %s   HQ %s"):format(
    num("%.4f", fit.loglik), num("%.4f", fit.aic), num("%.4f", fit.bic), num("%.4f", fit.hq))
  for _, note in ipairs(fit.notes or {}) do lines[#lines + 1] = "note: " .. note end
  return table.concat(lines, "\n")
end

doc.add("fit:to_markdown", "fit:to_markdown()", "The table as Markdown.", "print(fit:to_markdown())")
function fit_methods.to_markdown(fit)
  local out = {("| %s | coefficient | std. error | %s | p-value |"):format(fit.y_name, fit.use_t and "t" or "z"),
               "|---|---:|---:|---:|---:|"}
  for _, n in ipairs(fit.names) do
    out[#out + 1] = ("| %s | %s%s | %s | %s | %s |"):format(n, num("%.6g", fit.coef[n]), stars(fit.p[n]),
      num("%.6g", fit.se[n]), num("%.3f", fit.t[n]), num("%.4f", fit.p[n]))
  end
  out[#out + 1] = ("\nn = %d, R² = %s, adjusted R² = %s; %s"):format(fit.nobs, num("%.4f", fit.r2),
    num("%.4f", fit.adj_r2), convention(fit))
  for _, note in ipairs(fit.notes or {}) do out[#out + 1] = "\nNote: " .. note end
  return table.concat(out, "\n")
end

doc.add("fit:to_latex", "fit:to_latex()", "The table as a LaTeX tabular.", "print(fit:to_latex())")
function fit_methods.to_latex(fit)
  local esc = function(s) return (s:gsub("_", "\\_")) end
  local out = {"\\begin{tabular}{lrr}", "\\hline", ("%s & coefficient & std. error \\\\"):format(esc(fit.y_name)), "\\hline"}
  for _, n in ipairs(fit.names) do
    out[#out + 1] = ("%s & %.6g$^{%s}$ & (%.6g) \\\\"):format(esc(n), fit.coef[n], stars(fit.p[n]), fit.se[n])
  end
  out[#out + 1] = "\\hline"
  out[#out + 1] = ("$n$ & %d & \\\\"):format(fit.nobs)
  out[#out + 1] = ("$R^2$ & %.4f & \\\\"):format(fit.r2)
  out[#out + 1] = "\\hline\n\\end{tabular}"
  return table.concat(out, "\n")
end

doc.add("fit:to_csv", "fit:to_csv(path)", "One row per coefficient: name, coef, se, t, p, ci_low, ci_high.", "fit:to_csv('fit.csv')")
doc.add("fit:to_xlsx", "fit:to_xlsx(path)", "The regression table as an Excel sheet 'regression': one row per coefficient (name, coefficient, std. error, t or z, p-value, ci_low, ci_high, stars), then the sample, covariance and fit statistics; written atomically.", "fit:to_xlsx('fit.xlsx')")
function fit_methods.to_csv(fit, path)
  local f, err = io.open(path, "w")
  if not f then return nil, err end
  f:write("name,coef,se,t,p,ci_low,ci_high\n")
  for _, n in ipairs(fit.names) do
    f:write(("%s,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n"):format(n, fit.coef[n], fit.se[n], fit.t[n],
                                                              fit.p[n], fit.ci_low[n], fit.ci_high[n]))
  end
  f:close()
  return true
end

--- fit:to_xlsx(path): the regression table as an Excel sheet.
function fit_methods.to_xlsx(fit, path)
  if type(path) ~= "string" then error("fit:to_xlsx: path must be a string", 2) end
  local rows = {}
  for _, n in ipairs(fit.names) do
    rows[#rows + 1] = {n, fit.coef[n], fit.se[n], fit.t[n], fit.p[n], fit.ci_low[n], fit.ci_high[n], stars(fit.p[n])}
  end
  rows[#rows + 1] = {}
  local sample = fit.first and ("%s .. %s"):format(fit.first, fit.last) or "cross section"
  for _, kv in ipairs({{"dependent variable", fit.y_name}, {"sample", sample}, {"observations", fit.nobs},
                       {"covariance", convention(fit)}, {"R-squared", fit.r2}, {"adjusted R-squared", fit.adj_r2},
                       {"S.E. of regression", fit.sigma}, {"F", fit.f}, {"p-value of F", fit.f_p},
                       {"Durbin-Watson", fit.dw}, {"log-likelihood", fit.loglik}, {"AIC", fit.aic},
                       {"BIC", fit.bic}, {"HQ", fit.hq}}) do
    rows[#rows + 1] = kv
  end
  local head = {{fit.y_name, "coefficient", "std. error", fit.use_t and "t" or "z", "p-value",
                 "ci_low", "ci_high", ""}}
  return data._write_table_xlsx(path, {{name = "regression", head = head, rows = rows}})
end

require "tenor.diagnostics"
require "tenor.binary"

return M

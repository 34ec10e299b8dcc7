--[[ Trend-cycle filters beyond HP (filter.hp is in C: interp/lib/filter.c).

filter.hamilton(s, {h=, p=}) -> trend, cycle
  Hamilton (2018): regress y_t on a constant and y_{t-h}, ..., y_{t-h-p+1};
  the cycle is the residual, the trend the fitted value. Defaults from the
  paper: h = 8, p = 4 for quarterly data; h = 24, p = 12 for monthly (two
  years ahead, one year of lags); other frequencies need h and p. The
  coefficients use the whole sample, so results are marked as looking ahead.

filter.bk(s, {low=, high=, k=}) -> cycle
  Baxter-King (1999) band pass: a symmetric moving average of 2k+1 terms
  with ideal band-pass weights B_0 = (b-a)/π, B_j = (sin jb - sin ja)/(πj),
  a = 2π/high, b = 2π/low (low, high: periods), shifted to sum to zero. The
  first and last k values are missing. Defaults: quarterly low=6, high=32,
  k=12; monthly low=18, high=96, k=36 (as statsmodels' bkfilter).

filter.cf(s, {low=, high=, drift=true}) -> cycle, trend
  Christiano-Fitzgerald (2003) asymmetric full-sample filter under a random
  walk: c_t = B_0 y_t + Σ_{j=1}^{T-t-1} B_j y_{t+j} + B~_{T-t} y_T
              + Σ_{j=1}^{t-2} B_j y_{t-j} + B~_{t-1} y_1,
  with the end weights B~ = -B_0/2 - Σ B_j making the weights sum to zero;
  drift=true first removes the line through the first and last values.
  Same defaults for low and high as bk. Uses data on both sides of t: marked
  as looking ahead. O(T²): meant for macro series, not tick data.
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = filter

local LOW = {"low", "number", min = 2, default = "6 Q, 18 M, 2 A", help = "shortest period kept (periods)"}
local HIGH = {"high", "number", default = "32 Q, 96 M, 8 A", help = "longest period kept (periods), above low"}
args.declare("filter.bk", {LOW, HIGH,
  {"k", "integer", min = 1, aliases = {"K"}, default = "12 Q, 36 M, 3 A", help = "lead/lag length (statsmodels' K)"}})
args.declare("filter.cf", {LOW, HIGH,
  {"drift", "boolean", default = true, help = "remove the line through the first and last values first"}})
args.declare("filter.hamilton", {
  {"h", "integer", min = 1, default = "8 Q, 24 M", help = "horizon: periods ahead"},
  {"p", "integer", min = 1, default = "4 Q, 12 M", help = "lags in the regression"},
})

local function band_defaults(s, opts, who)
  local low, high = opts.low, opts.high
  if low == nil or high == nil then
    if s.freq == "Q" then low, high = low or 6, high or 32
    elseif s.freq == "M" then low, high = low or 18, high or 96
    elseif s.freq == "A" then low, high = low or 2, high or 8
    else error(("filter.%s: give {low=, high=} (periods) for %s data"):format(who, s.freq), 3) end
  end
  if not (low >= 2 and high > low) then
    error(("filter.%s: options 'low' and 'high' need 2 <= low < high (got %s, %s)"):format(who, low, high), 3)
  end
  return low, high
end

local function complete_values(s, who)
  local v = s:values()
  for i, x in ipairs(v) do
    if x ~= x then
      error(("filter.%s: missing value at %s; trim with s:dropna() or fill with s:fill() first"):format(who, s:dates()[i]), 3)
    end
  end
  return v
end

local function from_values(s, v, component)
  local r = series.new{freq = s.freq, start = s.start, values = v, n = #s, name = s.name}
  r.meta.component = component
  r.meta.lookahead = "two-sided " .. component
  return r
end

doc.add("filter.bk", "filter.bk(s, {low=, high=, k= (statsmodels' K)})", "Baxter-King band pass, symmetric, 2k+1 weights summing to zero; the first and last k are missing.", "filter.bk(ip:log())")
function M.bk(s, opts)
  args.series("filter.bk", "s", s)
  opts = args.check("filter.bk", opts)
  local low, high = band_defaults(s, opts, "bk")
  local k = opts.k or (s.freq == "M" and 36 or s.freq == "A" and 3 or 12)
  local x = complete_values(s, "bk")
  if #x < 2 * k + 1 then error(("filter.bk: needs more than 2k = %d values"):format(2 * k), 2) end
  local a, b = 2 * math.pi / high, 2 * math.pi / low
  local w = {[0] = (b - a) / math.pi}
  local sum = w[0]
  for j = 1, k do w[j] = (math.sin(j * b) - math.sin(j * a)) / (math.pi * j); sum = sum + 2 * w[j] end
  local shift = sum / (2 * k + 1)
  for j = 0, k do w[j] = w[j] - shift end
  local out = {}
  for t = k + 1, #x - k do
    local c = w[0] * x[t]
    for j = 1, k do c = c + w[j] * (x[t - j] + x[t + j]) end
    out[t] = c
  end
  return from_values(s, out, "bk cycle")
end

doc.add("filter.cf", "filter.cf(s, {low=, high=, drift=true})", "Christiano-Fitzgerald asymmetric band pass (random walk); returns cycle, trend.", "filter.cf(ip:log())")
function M.cf(s, opts)
  args.series("filter.cf", "s", s)
  opts = args.check("filter.cf", opts)
  local low, high = band_defaults(s, opts, "cf")
  local x = complete_values(s, "cf")
  local T = #x
  if T < 4 then error("filter.cf: needs at least 4 values", 2) end
  if opts.drift ~= false then
    local slope = (x[T] - x[1]) / (T - 1)
    for t = 1, T do x[t] = x[t] - (t - 1) * slope end
  end
  local a, b = 2 * math.pi / high, 2 * math.pi / low
  local B, cum = {[0] = (b - a) / math.pi}, {[0] = 0}   -- cum[j] = B_1 + ... + B_j
  for j = 1, T do B[j] = (math.sin(j * b) - math.sin(j * a)) / (math.pi * j); cum[j] = cum[j - 1] + B[j] end
  local cycle, trend = {}, {}
  for t = 1, T do
    local nf, nb = math.max(T - t - 1, 0), math.max(t - 2, 0)
    local c = B[0] * x[t]
    for j = 1, nf do c = c + B[j] * x[t + j] end
    for j = 1, nb do c = c + B[j] * x[t - j] end
    c = c + (-B[0] / 2 - cum[nf]) * x[T] + (-B[0] / 2 - cum[nb]) * x[1]
    cycle[t] = c
  end
  local raw = s:values()
  for t = 1, T do trend[t] = raw[t] - cycle[t] end
  return from_values(s, cycle, "cf cycle"), from_values(s, trend, "cf trend")
end

doc.add("filter.hamilton", "filter.hamilton(s, {h=, p=})", "Hamilton (2018): residual of y_t on y_{t-h}..y_{t-h-p+1}; returns trend, cycle, fit. Defaults h=8,p=4 (Q), h=24,p=12 (M).", "local trend, cycle = filter.hamilton(gdp:log())")
function M.hamilton(s, opts)
  args.series("filter.hamilton", "s", s)
  opts = args.check("filter.hamilton", opts)
  local h, p = opts.h, opts.p
  if h == nil or p == nil then
    if s.freq == "Q" then h, p = h or 8, p or 4
    elseif s.freq == "M" then h, p = h or 24, p or 12
    else error(("filter.hamilton: give {h=, p=} for %s data"):format(s.freq), 2) end
  end
  local xs = {}
  for j = 0, p - 1 do xs[#xs + 1] = s:lag(h + j):rename(("lag%d"):format(h + j)) end
  local fit = regress.ols(s, xs)
  local trend, cycle = fit.fitted, fit.resid
  for _, r in ipairs{trend, cycle} do
    r.name = s.name
    r.meta.lookahead = "Hamilton filter (full-sample coefficients)"
  end
  trend.meta.component, cycle.meta.component = "hamilton trend", "hamilton cycle"
  return trend, cycle, fit
end

-- help of the functions written in C
doc.add("filter.hp", "filter.hp(s, {lambda=, one_sided=false})", "Hodrick-Prescott: trend solves (I + λD'D)τ = y, O(n); returns trend, cycle. λ 1600 Q, 14400 M, 6.25 A. one_sided: real-time (Kalman) trend.", "local trend, gap = filter.hp(ip:log())")

return M

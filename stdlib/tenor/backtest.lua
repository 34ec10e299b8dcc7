--[[ Backtests that refuse to look ahead, and returns from yields.

backtest.run{position=, asset= | returns=, dividends=, exec="next", cost_bp=0, rf=0,
             allow_lookahead=false}
  position  w_t in [-1, 1], decided with what is known at the end of period t
            (missing = flat); it trades at the next period: the return of
            period t+1 is w_t·R_{t+1} − cost·|w_t − w_{t−1}|; exec = k delays
            it k periods, exec = "same" trades in period t (looks ahead)
  asset     a price or level series (R_t = P_t/P_{t−1} − 1; with dividends=
            paid in period t, in price units, R_t = (P_t + D_t)/P_{t−1} − 1;
            a period whose return is missing is skipped), or
  returns   a series of simple returns (decimals), e.g. backtest.bond_return
  Metrics, with P periods a year (12 M, 4 Q, 52 W, 252 B, 365 D, 1 A) and
  T return periods: cagr = E_T^(P/T) − 1, vol = sd·√P (sample sd),
  sharpe = mean(R − rf/P)·P / (sd(R − rf/P)·√P), sortino = mean·P /
  (√(Σ_{R<0} R²/T)·√P), max_drawdown = max_t (1 − E_t / max_{s<=t} E_s),
  calmar = cagr / max_drawdown, turnover = (P/T)·Σ|w_t − w_{t−1}| (one-way,
  a year), exposure = share of periods with w ≠ 0, trades = number of
  position changes; the same for buy-and-hold in .buy_and_hold.
  A position built from series marked as looking ahead (two-sided filters,
  turn dates, lead(), full-sample fits) is refused unless allow_lookahead =
  true, and then the result carries a warning banner.

backtest.bond_return(yield, {maturity=10, coupon_freq=2}) -> returns (decimals)
  Par-bond approximation (Swinkels 2019): with y in decimals, z = 1 + y/f,
  duration D = (1 − z^(−fM))/y, convexity C = (2/y²)(1 − z^(−fM)) − (2M/y)·z^(−fM−1),
  R_t = ((1 + y_{t−1})^(1/P) − 1) − D_{t−1}·Δy_t + ½·C_{t−1}·Δy_t².
  The yield series is in percent, as published.
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = {}
backtest = M

-- Entries rule{} shares (rule.lua declares its own list with them).
M._EXEC = {"exec", "string|integer", choices = {"next", "same"}, min = 0, default = "next",
           help = "trade 'next' period, k periods later, or in the 'same' one (looks ahead)"}
M._COST = {"cost_bp", "number", min = 0, default = 0, help = "cost per unit of turnover, basis points"}
M._LOOKAHEAD = {"allow_lookahead", "boolean", default = false, help = "run a position that looks ahead (with a warning)"}
M._DIVIDENDS = {"dividends", "series", help = "paid in each period, in price units (total return)"}
args.declare("backtest.run", {
  {"position", "series", help = "required: w_t in [-1, 1], known at the end of t"},
  {"asset", "series", help = "prices or levels (or give returns)"},
  {"returns", "series", help = "simple returns, decimals (instead of asset)"},
  M._DIVIDENDS, M._EXEC, M._COST,
  {"rf", "number", default = 0, help = "risk-free rate a year, decimals, for the Sharpe ratio"},
  M._LOOKAHEAD,
})
args.declare("backtest.bond_return", {
  {"maturity", "number", gt = 0, default = 10, help = "years"},
  {"coupon_freq", "integer", min = 1, default = 2, help = "coupons a year"},
})

M.PER_YEAR = {A = 1, Q = 4, M = 12, B = 252, D = 365}
local function per_year(s)
  return M.PER_YEAR[s.freq] or (s.freq:match("^W") and 52) or error("backtest: unknown frequency " .. s.freq)
end

doc.add("backtest.lookahead", "backtest.lookahead(s1, s2, ...)", "The look-ahead reason recorded on any of the series (two-sided filter, lead, turn dates), or nil.", "backtest.lookahead(gap)")
function M.lookahead(...)
  for i = 1, select("#", ...) do
    local s = select(i, ...)
    if series.is(s) and s.meta.lookahead then return s.meta.lookahead end
  end
end

local function metrics(r, w, P)
  local T = #r
  local eq, peak, maxdd, sum, sumsq, down = 1, 1, 0, 0, 0, 0
  for t = 1, T do
    eq = eq * (1 + r[t])
    if eq > peak then peak = eq end
    maxdd = math.max(maxdd, 1 - eq / peak)
    sum = sum + r[t]
    if r[t] < 0 then down = down + r[t] * r[t] end
  end
  local mean = sum / T
  for t = 1, T do sumsq = sumsq + (r[t] - mean) ^ 2 end
  local sd = T > 1 and math.sqrt(sumsq / (T - 1)) or 0 / 0
  local out = {periods = T, final = eq, cagr = eq ^ (P / T) - 1, vol = sd * math.sqrt(P),
               max_drawdown = maxdd, sortino = mean * P / (math.sqrt(down / T) * math.sqrt(P))}
  out.calmar = maxdd > 0 and out.cagr / maxdd or 0 / 0
  if w then
    local turn, exposed, trades = 0, 0, 0
    for t = 1, T do
      local d = math.abs(w[t] - (w[t - 1] or 0))
      turn = turn + d
      if d > 0 then trades = trades + 1 end
      if w[t] ~= 0 then exposed = exposed + 1 end
    end
    out.turnover, out.exposure, out.trades = turn * P / T, exposed / T, trades
  end
  return out, mean, sd
end

local result_mt = {__name = "backtest"}

doc.add("backtest.exec_delay", "backtest.exec_delay(exec)", "Periods between a signal and its trade: 'next' (default) 1, 'same' 0, or a whole number.", "backtest.exec_delay('next')")
--- exec = "next" (default, 1 period), a number k >= 0 of periods, or
--- "same" (0: trades at the close that produced the signal; looks ahead).
function M.exec_delay(exec)
  if exec == nil or exec == "next" then return 1 end
  if exec == "same" then return 0 end
  if math.type(exec) == "integer" and exec >= 0 then return exec end
  error(("backtest: exec must be 'next', 'same' or a whole number of periods, got %s"):format(tostring(exec)), 3)
end

doc.add("backtest.asset_returns", "backtest.asset_returns(price, dividends)", "Simple returns P_t/P_{t−1} − 1, or total returns (P_t + D_t)/P_{t−1} − 1 with dividends paid in period t.", "backtest.asset_returns(spx, spx_div / 12)")
--- Simple returns of a price series, total returns when dividends (paid in
--- period t, in price units) are given: R_t = (P_t + D_t)/P_{t−1} − 1.
function M.asset_returns(price, dividends)
  args.series("backtest.asset_returns", "price", price)
  if dividends == nil then return price / price:lag(1) - 1 end
  if not series.is(dividends) then error("backtest: dividends must be a series (per period, in price units)", 3) end
  if dividends.freq ~= price.freq then
    error(("backtest: prices are %s but dividends are %s; convert with :to()"):format(price.freq, dividends.freq), 3)
  end
  return (price + dividends) / price:lag(1) - 1
end

doc.add("backtest.run", "backtest.run{position=, asset= | returns=, dividends=, exec='next', cost_bp=0, rf=0, allow_lookahead=false}", "The position w_t (known at the end of t) earns w_t·R_{t+1} − cost·|w_t − w_{t−1}| (exec=k: k periods later; 'same' looks ahead); with dividends R_t = (P_t + D_t)/P_{t−1} − 1; returns cagr, vol (sample), sharpe, sortino, max_drawdown, calmar, turnover, exposure, trades, equity, and .buy_and_hold. Refuses positions built from look-ahead series unless allow_lookahead=true (then prints a warning banner).", "print(backtest.run{position = ppi:yoy():gt(0), asset = spx})")
function M.run(a)
  a = args.check("backtest.run", a)
  if a.asset and a.returns then error("backtest.run: give asset= or returns=, not both", 2) end
  local pos = a.position
  if not series.is(pos) then error("backtest.run: position must be a series", 2) end
  local delay = M.exec_delay(a.exec)
  local why = M.lookahead(pos, a.asset, a.returns)
  if delay == 0 and not why then why = "exec='same' trades at the close of the period that produced the signal" end
  if why and not a.allow_lookahead then
    error(("backtest.run: the position looks ahead (%s); build it from confirmation dates, one-sided filters "
           .. "and expanding windows, or pass allow_lookahead=true to run it anyway"):format(why), 2)
  end
  local R = a.returns
  if not R then
    if not series.is(a.asset) then error("backtest.run: give asset= (prices) or returns=", 2) end
    R = M.asset_returns(a.asset, a.dividends)
  end
  if R.freq ~= pos.freq then
    error(("backtest.run: position is %s but the asset is %s; convert one with :to()"):format(pos.freq, R.freq), 2)
  end
  local P = per_year(pos)
  local cost = (a.cost_bp or 0) / 1e4
  local rf = (a.rf or 0) / P
  local w_lag = delay > 0 and pos:lag(delay) or pos   -- w_{t−1} earns R_t: next-period execution
  local span = R + w_lag * 0                 -- the periods both cover
  local dates = span:dates()
  local rv, wv = R:slice(span.start, span.stop):values(), w_lag:slice(span.start, span.stop):values()
  local rp, bh, w = {}, {}, {}
  local prev_w = 0
  for i = 1, #dates do
    local ret, wt = rv[i], wv[i] == wv[i] and wv[i] or 0    -- a missing position is flat
    if ret == ret then
      w[#w + 1] = wt
      rp[#rp + 1] = wt * ret - cost * math.abs(wt - prev_w)
      bh[#bh + 1] = ret
      prev_w = wt
    end
  end
  if #rp < 2 then error("backtest.run: fewer than 2 periods with both a position and a return", 2) end
  local out, mean, sd = metrics(rp, w, P)
  out.sharpe = (mean - rf) * P / (sd * math.sqrt(P))
  local bhm, bmean, bsd = metrics(bh, nil, P)
  bhm.sharpe = (bmean - rf) * P / (bsd * math.sqrt(P))
  out.buy_and_hold = bhm
  out.first, out.last, out.delay = dates[1], dates[#dates], delay
  out.warning = why and ("LOOK-AHEAD: this backtest uses information not available at the time (" .. why .. ")")
  return setmetatable(out, result_mt)
end

function result_mt.__tostring(r)
  local f = function(x) return x == x and ("%8.2f%%"):format(100 * x) or "      NA" end
  local g = function(x) return x == x and ("%9.2f"):format(x) or "       NA" end
  local lines = {}
  if r.warning then lines[#lines + 1] = ("!!! %s !!!"):format(r.warning) end
  lines[#lines + 1] = ("backtest %s .. %s (%d periods; trades %s)"):format(r.first, r.last, r.periods,
    r.delay == 1 and "at the next period" or r.delay == 0 and "in the signal's own period" or ("%d periods later"):format(r.delay))
  lines[#lines + 1] = ("  %-14s %10s %12s"):format("", "rule", "buy & hold")
  local b = r.buy_and_hold
  for _, row in ipairs{{"CAGR", f(r.cagr), f(b.cagr)}, {"volatility", f(r.vol), f(b.vol)},
                       {"Sharpe", g(r.sharpe), g(b.sharpe)}, {"Sortino", g(r.sortino), g(b.sortino)},
                       {"max drawdown", f(r.max_drawdown), f(b.max_drawdown)}, {"Calmar", g(r.calmar), g(b.calmar)}} do
    lines[#lines + 1] = ("  %-14s %10s %12s"):format(row[1], row[2], row[3])
  end
  lines[#lines + 1] = ("  turnover %.2f a year, exposure %.0f%%, %d trades"):format(r.turnover, 100 * r.exposure, r.trades)
  return table.concat(lines, "\n")
end

doc.add("backtest.bond_return", "backtest.bond_return(yield, {maturity=10, coupon_freq=2})", "Monthly (or other) total return of a par bond from its yield in percent: carry (1+y)^(1/P) − 1 minus duration·Δy plus ½·convexity·Δy² (decimals).", "backtest.bond_return(gs10)")
function M.bond_return(yield, opts)
  if not series.is(yield) then error("backtest.bond_return: yield must be a series (percent)", 2) end
  opts = args.check("backtest.bond_return", opts)
  local Mat, f, P = opts.maturity or 10, opts.coupon_freq or 2, per_year(yield)
  local y = yield:values()
  local out = {}
  for t = 2, #y do
    local y0, y1 = y[t - 1] / 100, y[t] / 100
    if y0 == y0 and y1 == y1 and y0 > 0 then
      local z = 1 + y0 / f
      local zn = z ^ (-f * Mat)
      local D = (1 - zn) / y0
      local C = 2 / y0 ^ 2 * (1 - zn) - 2 * Mat / y0 * z ^ (-f * Mat - 1)
      local dy = y1 - y0
      out[t] = ((1 + y0) ^ (1 / P) - 1) - D * dy + 0.5 * C * dy * dy
    end
  end
  local r = series.new{freq = yield.freq, start = yield.start, values = out, n = #y,
                       name = (yield.name or "bond") .. "_return"}
  r.meta.unit = "return (decimal)"
  return r
end

return M

--[[ Policy spread and term spread.

The rules, as the seed research states them:
  1. The spread of the 10-year yield over the short policy rate mean-reverts
     to its centre, which gives an upper bound for the 10-year yield:
       spread_t  = y10_t − policy_t
       centre_t  = expanding mean of spread up to t (never full-sample: the
                   centre at t uses only months <= t; NA before min_obs)
       upper_t   = policy_t + centre_t + k·sd_t, sd_t the expanding sample
                   standard deviation of the spread
     Measured: the share of months with y10 <= upper_t; after each month in
     which y10 first breaks above upper_t, how often the spread is narrower h
     months later (hit rate against the share of all months, binomial
     p-value); and a rule that buys the 10-year bond on those breaks.
  2. The 10Y − short-term term spread at an extreme of its own history
     (expanding percentile rank >= hi, or <= lo) tends to move back: the
     share of extreme episodes (judged at each episode's first month) whose
     spread h months later has moved toward the middle, against the base
     rate of all months.
Data: US 10Y Treasury, effective federal funds rate and 1-year Treasury
(FRED monthly averages); China 10Y and 2Y government bonds (ChinaBond) and
the 1-week Shibor as the policy-rate proxy (month means; no repo rate is in
the bundled data, and no 1-year yield, so China's term spread is 10Y − 2Y).

  tenor -e 'require("rules.policy_spread"):run{market = "us", k = 1}'
]]

local function us_data(ctx)
  local r = ctx.read("us_rates_fred_monthly.csv")
  return r.tsy_10y:rename("US 10Y"), r.fed_funds:rename("fed funds"), r.tsy_1y:rename("US 1Y")
end

local function cn_data(ctx)
  local b = ctx.read("cn_govt_bond_yields_daily.csv")
  local shibor = ctx.read("cn_shibor_daily.csv").shibor_1w:slice("2017-03-17")   -- continuous from here
  return b.cgb_10y:to("M", "mean"):rename("China 10Y"), shibor:to("M", "mean"):rename("Shibor 1W"),
         b.cgb_2y:to("M", "mean"):rename("China 2Y")
end

-- Of the periods where event is 1, the share where ok is 1, the base rate of
-- ok over all periods where it is defined, and the binomial p-value.
local function hit_stats(event, ok)
  local e = ok:where(event)
  local n, hits = e:count(), e:sum()
  local base = ok:mean()
  local p = (n > 0 and base and base > 0 and base < 1) and rule.binomial_tail(math.floor(hits + 0.5), n, base) or NA
  return {n = n, hits = hits, hit_rate = n > 0 and hits / n or NA, base_rate = base or NA, p = p}
end

local function pct(x) return x == x and ("%5.1f%%"):format(100 * x) or "    NA" end

local function fmt_hits(label, h)
  return ("  %-50s N = %3d  hit rate %s  base %s  binom p %s")
    :format(label, h.n, pct(h.hit_rate), pct(h.base_rate), h.p == h.p and ("%.3f"):format(h.p) or "NA")
end

return script{
  name = "rules.policy_spread",
  description = "10Y − policy-rate spread reverts to its expanding centre (a 10Y upper bound); term spread extremes revert",
  params = {
    {"market", "string", "us", "us (10Y, fed funds, 1Y) or cn (10Y, 1W Shibor, 2Y)"},
    {"k", "number", 1, "standard deviations above the centre for the upper bound"},
    {"min_obs", "integer", 36, "months of history before the centre is defined"},
    {"horizon", "integer", 12, "months ahead at which reversion is judged"},
    {"hi", "number", 0.9, "expanding percentile rank that is a steep extreme"},
    {"lo", "number", 0.1, "expanding percentile rank that is a flat extreme"},
    {"start", "period", "1962-01", "first month of the sample"},
    {"end", "period", "2023-11", "last month of the sample"},
    {"exec", "integer", 1, "months from the data month to the trade (yields are known at once)"},
  },
  data = {"us_rates_fred_monthly.csv", "cn_govt_bond_yields_daily.csv", "cn_shibor_daily.csv"},

  main = function(p, ctx)
    local y10, policy, short
    if p.market == "us" then y10, policy, short = us_data(ctx)
    elseif p.market == "cn" then y10, policy, short = cn_data(ctx)
    else error("policy_spread: market must be 'us' or 'cn', got " .. p.market, 0) end
    y10, policy, short = y10:slice(p.start, p["end"]), policy:slice(p.start, p["end"]), short:slice(p.start, p["end"])
    local out = {}

    -- 1. the policy spread and the 10Y upper bound
    local spread = (y10 - policy):rename("10Y − policy")
    local centre = spread:expanding("mean", {min_obs = p.min_obs})
    local sd = spread:expanding("std", {min_obs = p.min_obs})
    local upper = (policy + centre + p.k * sd):rename("10Y upper bound")
    local above = y10:gt(upper)
    out.spread, out.centre, out.upper = spread, centre, upper
    out.share_below_upper = y10:le(upper):mean()
    local narrower = spread:lead(p.horizon):lt(spread)            -- judged with the future: evaluation only
    out.reversion = hit_stats(signal.first(above), narrower)
    local r = backtest.bond_return(y10, {maturity = 10})
    local bond = ((r + 1):cumprod() * 100):rename("10Y bond total return")
    out.rule = rule{name = "buy the 10Y when it breaks above the upper bound", signal = signal.first(above):slice(bond.start, bond.stop),
                    asset = bond, hold = p.horizon, exec = p.exec, horizons = {3, 6, p.horizon}}
    out.report = out.rule:report{print = false}

    -- 2. term-spread extremes
    local term = (y10 - short):rename("term spread")
    local rank = term:pct_rank{window = "expanding", min_obs = p.min_obs}
    local later = term:lead(p.horizon)
    out.term, out.term_rank = term, rank
    -- judged on the first month of each extreme episode: consecutive months
    -- share most of their h-month window and would overstate significance
    out.steep = hit_stats(signal.first(rank:ge(p.hi)), later:lt(term))
    out.flat = hit_stats(signal.first(rank:le(p.lo)), later:gt(term))

    ctx.print(("Policy spread (%s, %s .. %s): %s − %s; centre = expanding mean from %d months; upper = policy + centre + %g sd")
      :format(p.market, y10.start, y10.stop, y10.name, policy.name, p.min_obs, p.k))
    ctx.print(("  the 10Y was at or below the upper bound in %.1f%% of months; latest upper bound %.2f%% (%s)")
      :format(100 * out.share_below_upper, upper:at(upper.stop) or NA, upper.stop))
    ctx.print(fmt_hits(("spread narrower %d months after a break above"):format(p.horizon), out.reversion))
    ctx.print(fmt_hits(("term spread flatter %d months after entering rank >= %g"):format(p.horizon, p.hi), out.steep))
    ctx.print(fmt_hits(("term spread steeper %d months after entering rank <= %g"):format(p.horizon, p.lo), out.flat))
    ctx.print(rule.format_report(out.report))
    return out
  end,
}

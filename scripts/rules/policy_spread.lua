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
  3. Where the spread stands now: its latest value, the expanding centre and
     its expanding percentile rank (the share of months up to then with a
     spread at or below it).
Data:
  us  10Y Treasury, effective federal funds rate and 1-year Treasury (FRED
      monthly averages), 1962-01 .. 2023-11 by default.
  cn  10Y and 1Y of the ChinaBond government curve (chinamoney, daily closes)
      and, as the policy rate, the CFETS FR007 repo fixing (policy = fr007,
      from 2000), FDR007 (policy = fdr007, the depository-institution fixing,
      from 2017-06: May 2017 has one fixing) or the 1-week Shibor (policy =
      shibor, continuous from 2017-03-17); all month means of daily values,
      2002-01 .. 2024-01 by default (January 2024 has 4 trading days). The
      seed names the 7-day reverse repo (the PBoC's operation rate), which
      is not bundled; FR007 is the market fixing around it. The term spread
      is 10Y − 1Y.

  tenor run rules.policy_spread --market cn --policy fdr007 --start 2018-07
]]

local DEFAULTS = {us = {start = "1962-01", ["end"] = "2023-11"}, cn = {start = "2002-01", ["end"] = "2024-01"}}

local function us_data(ctx)
  local r = ctx.read("us_rates_fred_monthly.csv")
  return r.tsy_10y:rename("US 10Y"), r.fed_funds:rename("fed funds"), r.tsy_1y:rename("US 1Y")
end

local function cn_data(ctx, p)
  -- interbank data are published on make-up Saturdays too: month means of every published day
  local KEEP = {weekends = "keep"}
  local curve = ctx.read("cn_cgb_yield_curve_chinamoney_daily.csv", KEEP)
  local policy
  if p.policy == "fr007" then
    policy = ctx.read("cn_repo_fixing_daily.csv", KEEP).fr007:to("M", "mean"):rename("FR007")
  elseif p.policy == "fdr007" then
    policy = ctx.read("cn_repo_fixing_daily.csv", KEEP).fdr007:slice("2017-06-01"):to("M", "mean"):rename("FDR007")
  elseif p.policy == "shibor" then
    policy = ctx.read("cn_shibor_daily.csv", KEEP).shibor_1w:slice("2017-03-17"):to("M", "mean"):rename("Shibor 1W")
  else
    error("policy_spread: policy must be fr007, fdr007 or shibor for market cn, got " .. p.policy, 0)
  end
  return curve.cgb_10y:to("M", "mean"):rename("China 10Y"), policy, curve.cgb_1y:to("M", "mean"):rename("China 1Y")
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
    {"market", "string", "us", "us (10Y, fed funds, 1Y) or cn (10Y CGB, FR007, 1Y CGB)"},
    {"policy", "string", "fr007", "cn only: the policy rate, fr007, fdr007 (from 2017-06) or shibor (1W, from 2017-03)"},
    {"k", "number", 1, "standard deviations above the centre for the upper bound"},
    {"min_obs", "integer", 36, "months of history before the centre is defined"},
    {"horizon", "integer", 12, "months ahead at which reversion is judged"},
    {"hi", "number", 0.9, "expanding percentile rank that is a steep extreme"},
    {"lo", "number", 0.1, "expanding percentile rank that is a flat extreme"},
    {"start", "string", "", "first month of the sample (us: 1962-01; cn: 2002-01)"},
    {"end", "string", "", "last month of the sample (us: 2023-11; cn: 2024-01)"},
    {"exec", "integer", 1, "months from the data month to the trade (yields are known at once)"},
  },
  data = {"us_rates_fred_monthly.csv", "cn_cgb_yield_curve_chinamoney_daily.csv", "cn_repo_fixing_daily.csv",
          "cn_shibor_daily.csv"},

  main = function(p, ctx)
    script.market_defaults(p, DEFAULTS, "rules.policy_spread")
    local y10, policy, short
    if p.market == "us" then y10, policy, short = us_data(ctx) else y10, policy, short = cn_data(ctx, p) end
    y10, policy, short = y10:slice(p.start, p["end"]), policy:slice(p.start, p["end"]), short:slice(p.start, p["end"])
    local out = {}

    -- 1. the policy spread and the 10Y upper bound
    local spread = (y10 - policy):rename("10Y − policy")
    local centre = spread:expanding("mean", {min_obs = p.min_obs})
    local sd = spread:expanding("std", {min_obs = p.min_obs})
    local upper = (policy + centre + p.k * sd):rename("10Y upper bound")
    local above = y10:gt(upper)
    out.spread, out.centre, out.upper = spread, centre, upper
    out.spread_rank = spread:pct_rank{window = "expanding", min_obs = p.min_obs}
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
    local last = spread:dropna().stop
    ctx.print(("  %s: spread %.2f pp, centre %.2f pp, expanding percentile %s; term spread 10Y − %s %.2f pp, percentile %s")
      :format(last, spread:at(last), centre:at(last) or NA, pct(out.spread_rank:at(last) or NA),
              short.name, term:at(last) or NA, pct(rank:at(last) or NA)))
    ctx.print(fmt_hits(("spread narrower %d months after a break above"):format(p.horizon), out.reversion))
    ctx.print(fmt_hits(("term spread flatter %d months after entering rank >= %g"):format(p.horizon, p.hi), out.steep))
    ctx.print(fmt_hits(("term spread steeper %d months after entering rank <= %g"):format(p.horizon, p.lo), out.flat))
    ctx.print(rule.format_report(out.report))
    return out
  end,
}

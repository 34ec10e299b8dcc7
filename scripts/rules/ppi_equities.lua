--[[ PPI defines equities.

The rule, as the seed research states it: troughs of non-ferrous metals PPI
inflation (yoy) mark the start of equity bull markets; peaks of iron-and-steel
PPI inflation mark the turn from bull to bear. Turns are dated by Bry-Boschan
on the yoy series and acted on at their confirmation date, never the turn
date (which is only known months later). Prices: the S&P 500 (Shiller's
monthly averages of daily closes, dividends added for total returns) and,
for China, the Shanghai Composite (month-end close) against headline PPI
(sub-indexes are not in the bundled data).

Execution lag: PPI for month t is published mid-month t+1 and Shiller's
prices are monthly averages, so by default a signal confirmed with data for
month t is entered at the price of month t+2 (exec = 2); exec = 1 enters at
t+1's average, which partly predates the release.

Three reports per market:
  bull     troughs of the bull-signal PPI, expected +1 (long for `hold` months)
  bear     peaks of the bear-signal PPI, expected −1 (short for `hold` months)
  combined long from each bull signal until the next bear signal
each against Pagan-Sossounov turning points of the equity index itself.

  tenor -e 'require("rules.ppi_equities"):run{market = "cn"}'
]]

local function us_data(ctx, p)
  local ppi = ctx.read("us_ppi_monthly.csv")
  local spx = ctx.read("us_sp500_shiller_monthly.csv")
  local bull = ppi[p.bull_ppi]
  local bear = ppi[p.bear_ppi]
  if not bull then error("ppi_equities: no column " .. p.bull_ppi .. " in us_ppi_monthly.csv", 0) end
  if not bear then error("ppi_equities: no column " .. p.bear_ppi .. " in us_ppi_monthly.csv", 0) end
  return {bull = bull:yoy():rename(p.bull_ppi .. " yoy"), bear = bear:yoy():rename(p.bear_ppi .. " yoy"),
          price = spx.sp500:rename("S&P 500"), dividends = spx.dividend / 12}
end

local function cn_data(ctx)
  local ppi = ctx.read("cn_ppi_monthly.csv").ppi_yoy_pct:rename("China PPI yoy")
  local close = ctx.read("cn_shanghai_composite_daily.csv").close
  local monthly = close:to("M", "last"):rename("Shanghai Composite")
  return {bull = ppi, bear = ppi, price = monthly}
end

local function turns(s, p)
  return signal.turning_points(s:slice(p.start, p["end"]):dropna(), {method = "bry_boschan"})
end

return script{
  name = "rules.ppi_equities",
  description = "troughs of non-ferrous PPI yoy start equity bull markets; peaks of steel PPI yoy end them",
  params = {
    {"market", "string", "us", "us (S&P 500, PPI sub-indexes) or cn (Shanghai Composite, headline PPI)"},
    {"bull_ppi", "string", "ppi_nonferrous_metals", "US PPI column whose yoy troughs are bull signals"},
    {"bear_ppi", "string", "ppi_iron_steel", "US PPI column whose yoy peaks are bear signals"},
    {"start", "period", "1960-01", "first month of the sample"},
    {"end", "period", "2023-09", "last month of the sample"},
    {"horizons", "list", {1, 3, 6, 12}, "forward horizons in months"},
    {"hold", "integer", 12, "months a bull or bear signal is held"},
    {"exec", "integer", 2, "months from the signal's data month to entry"},
    {"cost_bp", "number", 10, "trading cost per unit of turnover, basis points"},
  },
  data = {"us_ppi_monthly.csv", "us_sp500_shiller_monthly.csv", "cn_ppi_monthly.csv", "cn_shanghai_composite_daily.csv"},

  main = function(p, ctx)
    local d
    if p.market == "us" then d = us_data(ctx, p)
    elseif p.market == "cn" then d = cn_data(ctx)
    else error("ppi_equities: market must be 'us' or 'cn', got " .. p.market, 0) end
    local price = d.price:slice(p.start, p["end"])
    local dividends = d.dividends and d.dividends:slice(p.start, p["end"])
    local equity_turns = signal.turning_points(price:dropna(), {method = "pagan_sossounov"})
    local bull_turns, bear_turns = turns(d.bull, p), turns(d.bear, p)
    local common = {asset = price, dividends = dividends, reference = equity_turns, horizons = p.horizons,
                    hold = p.hold, exec = p.exec, cost_bp = p.cost_bp}
    local function make(name, fields)
      local args = {name = name}
      for k, v in pairs(common) do args[k] = v end
      for k, v in pairs(fields) do args[k] = v end
      return rule(args)
    end
    local rules = {
      bull = make(d.bull.name .. " troughs -> equities up", {signal = bull_turns:troughs(), expected = 1}),
      bear = make(d.bear.name .. " peaks -> equities down", {signal = bear_turns:peaks(), expected = -1}),
      combined = make("long from bull signal to bear signal",
                      {signal = bull_turns:troughs(), exit = bear_turns:peaks(), expected = 1}),
    }
    local out = {equity_turns = equity_turns, bull_turns = bull_turns, bear_turns = bear_turns, rules = rules}
    ctx.print(("PPI defines equities (%s, %s .. %s)"):format(p.market, p.start, p["end"]))
    for _, k in ipairs{"bull", "bear", "combined"} do
      out[k] = rules[k]:report{print = false}
      ctx.print(rule.format_report(out[k]))
    end
    return out
  end,
}

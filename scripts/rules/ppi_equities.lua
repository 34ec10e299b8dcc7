--[[ PPI defines equities.

The rule, as the seed research states it: troughs of non-ferrous metals PPI
inflation (yoy) mark the start of equity bull markets; peaks of iron-and-steel
PPI inflation mark the turn from bull to bear. Turns are dated by Bry-Boschan
on the yoy series and acted on at their confirmation date, never the turn
date (which is only known months later).

Markets:
  us  the S&P 500 (Shiller's monthly averages of daily closes, dividends
      added for total returns) against BLS PPI sub-indexes (levels; yoy is
      computed), 1960-01 .. 2023-09 by default.
  cn  the Shanghai Composite (month-end close, price only: no dividends in
      the bundled data) against NBS PPI by industry, 2014-01 .. 2023-11 (the
      span of cn_ppi_industry_yoy_monthly.csv). NBS publishes these as
      indexes with the same month of the previous year = 100, so
      yoy % = index − 100. Bull: 有色金属冶炼和压延加工业 (nonferrous),
      bear: 黑色金属冶炼和压延加工业 (ferrous); --bull_ppi / --bear_ppi take
      nonferrous, ferrous, oil_gas, coal, chemical, headline (all-industry
      PPI yoy, from 2006) or a column name of the file. About ten years give
      only a handful of turns: the report warns, and every figure is
      anecdotal.

Execution lag: PPI for month t is published mid-month t+1; Shiller's prices
are monthly averages, so by default a signal confirmed with data for month
t is entered at the price of month t+2 (exec = 2); exec = 1 enters at t+1's
price, which for the US partly predates the release (for the Shanghai
month-end close it does not).

Signals are dated within start .. end; prices run `after` + exec months past
end where the data has them, so the last signals' forward returns are
measured (the report says when an event has no return at the longest
horizon). Lead times are given twice: by confirmation date in each rule's
report (what a trader could act on) and by turn date against the index's own
Pagan-Sossounov turns (what the seed's claim is about).

Three reports per market:
  bull     troughs of the bull-signal PPI, expected +1 (long for `hold` months)
  bear     peaks of the bear-signal PPI, expected −1 (short for `hold` months)
  combined long from each bull signal until the next bear signal
each against Pagan-Sossounov turning points of the equity index itself.

  tenor run rules.ppi_equities --market cn --bull_ppi coal
]]

local DEFAULTS = {
  us = {bull_ppi = "ppi_nonferrous_metals", bear_ppi = "ppi_iron_steel", start = "1960-01", ["end"] = "2023-09"},
  cn = {bull_ppi = "nonferrous", bear_ppi = "ferrous", start = "2014-01", ["end"] = "2023-11"},
}

-- China's PPI by industry: short names for the columns of the NBS file
local CN_PPI = {
  nonferrous = "ppi_nonferrous_smelting_index_yoy_base", ferrous = "ppi_ferrous_smelting_index_yoy_base",
  oil_gas = "ppi_oil_gas_extraction_index_yoy_base", coal = "ppi_coal_mining_index_yoy_base",
  chemical = "ppi_chemical_materials_index_yoy_base",
}
local CN_LABEL = {nonferrous = "non-ferrous smelting PPI yoy", ferrous = "ferrous smelting PPI yoy",
                  oil_gas = "oil & gas extraction PPI yoy", coal = "coal mining PPI yoy",
                  chemical = "chemical materials PPI yoy", headline = "China PPI yoy"}

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

-- yoy % of one NBS industry (index − 100), or headline PPI yoy
local function cn_ppi(ctx, key)
  if key == "headline" then return ctx.read("cn_ppi_monthly.csv").ppi_yoy_pct:rename(CN_LABEL.headline) end
  local file = ctx.read("cn_ppi_industry_yoy_monthly.csv")
  local col = file[CN_PPI[key] or key]
  if not col then
    error(("ppi_equities: no China PPI '%s'; use nonferrous, ferrous, oil_gas, coal, chemical, headline or a column of cn_ppi_industry_yoy_monthly.csv"):format(key), 0)
  end
  return (col - 100):rename(CN_LABEL[key] or (key .. " yoy"))
end

local function cn_data(ctx, p)
  local close = ctx.read("cn_shanghai_composite_daily.csv").close
  return {bull = cn_ppi(ctx, p.bull_ppi), bear = cn_ppi(ctx, p.bear_ppi),
          price = close:to("M", "last"):rename("Shanghai Composite")}
end

local function turns(s, p)
  return signal.turning_points(s:slice(p.start, p["end"]):dropna(), {method = "bry_boschan"})
end

local function month_number(period)
  local y, m = period:match("^(%d+)-(%d+)")
  return tonumber(y) * 12 + tonumber(m) - 1
end

local function month_after(period, k)
  local t = month_number(period) + k
  return ("%d-%02d"):format(t // 12, t % 12 + 1)
end

-- Turn dates (not confirmation dates): each turn of the equity index of the
-- given kind ("peak"/"trough") matched to the nearest PPI turn of that kind
-- within `window` months either side; lead = equity turn − PPI turn, months
-- (positive: the PPI turned first). Returns rows {equity=, ppi=, lead=}.
local function turn_date_leads(ppi_tp, equity_tp, kind, window)
  local function dates(tp)
    local out = {}
    for _, t in ipairs(tp.turns) do if t.type == kind then out[#out + 1] = t.date end end
    return out
  end
  local ppi_dates, rows = dates(ppi_tp), {}
  for _, e in ipairs(dates(equity_tp)) do
    local best
    for _, d in ipairs(ppi_dates) do
      local lead = month_number(e) - month_number(d)
      if math.abs(lead) <= window and (not best or math.abs(lead) < math.abs(best.lead)) then
        best = {equity = e, ppi = d, lead = lead}
      end
    end
    rows[#rows + 1] = best or {equity = e}
  end
  return rows
end

local function format_leads(label, rows)
  local parts = {}
  for _, r in ipairs(rows) do
    parts[#parts + 1] = r.ppi and ("%s<-%s (%+d)"):format(r.equity, r.ppi, r.lead) or (r.equity .. " unmatched")
  end
  return ("  turn dates, %s: %s"):format(label, #parts > 0 and table.concat(parts, ", ") or "no equity turns")
end

return script{
  name = "rules.ppi_equities",
  description = "troughs of non-ferrous PPI yoy start equity bull markets; peaks of steel PPI yoy end them",
  params = {
    {"market", "string", "us", "us (S&P 500, BLS PPI sub-indexes) or cn (Shanghai Composite, NBS PPI by industry)"},
    {"bull_ppi", "string", "", "PPI whose yoy troughs are bull signals (us: ppi_nonferrous_metals; cn: nonferrous; cn also oil_gas, coal, chemical, ferrous, headline)"},
    {"bear_ppi", "string", "", "PPI whose yoy peaks are bear signals (us: ppi_iron_steel; cn: ferrous)"},
    {"start", "string", "", "first month of the sample (us: 1960-01; cn: 2014-01)"},
    {"end", "string", "", "last month of the sample (us: 2023-09; cn: 2023-11)"},
    {"horizons", "list", {1, 3, 6, 12}, "forward horizons in months"},
    {"hold", "integer", 12, "months a bull or bear signal is held"},
    {"exec", "integer", 2, "months from the signal's data month to entry"},
    {"cost_bp", "number", 10, "trading cost per unit of turnover, basis points"},
    {"after", "integer", 12, "months of prices past `end` + exec, for the last signals' forward returns"},
    {"window", "integer", 12, "months either side within which a PPI turn date is matched to an equity turn"},
  },
  data = {"us_ppi_monthly.csv", "us_sp500_shiller_monthly.csv", "cn_ppi_industry_yoy_monthly.csv",
          "cn_ppi_monthly.csv", "cn_shanghai_composite_daily.csv"},

  main = function(p, ctx)
    script.market_defaults(p, DEFAULTS, "rules.ppi_equities")
    local d = p.market == "us" and us_data(ctx, p) or cn_data(ctx, p)
    -- signals stop at `end`; prices run `after` months on, where the data has them
    local price = d.price:slice(p.start, month_after(p["end"], p.after + p.exec))
    local dividends = d.dividends and d.dividends:slice(p.start, month_after(p["end"], p.after + p.exec))
    local equity_turns = signal.turning_points(price:slice(nil, p["end"]):dropna(), {method = "pagan_sossounov"})
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
    ctx.print(("PPI defines equities (%s, %s .. %s): bull = troughs of %s, bear = peaks of %s, against %s%s")
      :format(p.market, p.start, p["end"], d.bull.name, d.bear.name, d.price.name,
              dividends and " (with dividends)" or " (price only)"))
    ctx.print(("  prices %s .. %s; signals confirmed %s .. %s"):format(price.start, price.stop, p.start, p["end"]))
    out.trough_leads = turn_date_leads(bull_turns, equity_turns, "trough", p.window)
    out.peak_leads = turn_date_leads(bear_turns, equity_turns, "peak", p.window)
    ctx.print(format_leads("equity troughs <- " .. d.bull.name .. " troughs (lead, months)", out.trough_leads))
    ctx.print(format_leads("equity peaks <- " .. d.bear.name .. " peaks (lead, months)", out.peak_leads))
    for _, k in ipairs{"bull", "bear", "combined"} do
      out[k] = rules[k]:report{print = false}
      ctx.print(rule.format_report(out[k]))
      local h = p.horizons[#p.horizons]
      if out[k].n_used[h] and out[k].n_used[h] < out[k].n then
        ctx.print(("  (%d of %d events have a %d-month forward return in the data)"):format(out[k].n_used[h], out[k].n, h))
      end
    end
    return out
  end,
}

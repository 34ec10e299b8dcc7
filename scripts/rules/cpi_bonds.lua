--[[ CPI defines bonds.

The rule, as the seed research states it: in a low-inflation regime the
10-year government bond yield's centre stays below core CPI inflation plus
2 percentage points, so a yield above that ceiling is a level to buy bonds.

Definitions (monthly data):
  ceiling_t  = CPI_yoy_t + margin (core CPI for the US; China's bundled data
               has headline CPI only)
  low_t      = 1 when CPI_yoy_t <= low_inflation (the regime)
  centre_t   = trailing `centre_window`-month mean of the 10Y yield (one-sided)
  measured:  share of low-inflation months with centre_t < trailing mean of
             the ceiling over the same window, and with the yield itself
             below the ceiling; mean gap yield − ceiling in the regime
  traded:    long a 10-year par bond (backtest.bond_return on the yield,
             rebuilt into a total-return index) while low_t = 1 and the
             yield is above ceiling_t + band; flat otherwise
Execution: CPI for month t is published mid-month t+1 and the yields are
monthly averages (US) or month means of daily closes (China), so a position
decided on month t's data earns from month t+2 (exec = 2).

  tenor -e 'require("rules.cpi_bonds"):run{market = "cn"}'
]]

local function us_data(ctx)
  local cpi = ctx.read("us_cpi_fred_monthly.csv").cpi_core_nsa:yoy():rename("US core CPI yoy")
  local y10 = ctx.read("us_treasury_10y_monthly.csv").tsy_10y:rename("US 10Y")
  return cpi, y10
end

local function cn_data(ctx)
  local cpi = ctx.read("cn_cpi_monthly.csv").national_yoy_pct:rename("China CPI yoy")
  local y10 = ctx.read("cn_govt_bond_yields_daily.csv").cgb_10y:to("M", "mean"):rename("China 10Y")
  return cpi, y10
end

-- share of periods where cond is 1 among those where within is 1
local function share(cond, within)
  local hit, n = (cond * within):sum(), within:sum()
  return n > 0 and hit / n or NA, n
end

return script{
  name = "rules.cpi_bonds",
  description = "in low inflation the 10Y yield's centre stays below core CPI + 2pp; buy bonds above that ceiling",
  params = {
    {"market", "string", "us", "us (core CPI, 10Y Treasury) or cn (headline CPI, 10Y CGB)"},
    {"margin", "number", 2, "percentage points added to CPI inflation for the ceiling"},
    {"low_inflation", "number", 3, "CPI yoy at or below which the regime is low inflation"},
    {"band", "number", 0, "the yield must exceed the ceiling by this much to buy"},
    {"centre_window", "integer", 12, "months in the trailing mean that defines the yield's centre"},
    {"start", "period", "1960-01", "first month of the sample"},
    {"end", "period", "2023-11", "last month of the sample"},
    {"maturity", "number", 10, "maturity of the bond traded, years"},
    {"exec", "integer", 2, "months from the data month to the trade"},
    {"cost_bp", "number", 5, "trading cost per unit of turnover, basis points"},
  },
  data = {"us_cpi_fred_monthly.csv", "us_treasury_10y_monthly.csv", "cn_cpi_monthly.csv", "cn_govt_bond_yields_daily.csv"},

  main = function(p, ctx)
    local cpi, y10
    if p.market == "us" then cpi, y10 = us_data(ctx)
    elseif p.market == "cn" then cpi, y10 = cn_data(ctx)
    else error("cpi_bonds: market must be 'us' or 'cn', got " .. p.market, 0) end
    cpi, y10 = cpi:slice(p.start, p["end"]), y10:slice(p.start, p["end"])
    local ceiling = (cpi + p.margin):rename("ceiling")
    local low = cpi:le(p.low_inflation)
    local centre = y10:rolling(p.centre_window, "mean")
    local ceiling_centre = ceiling:rolling(p.centre_window, "mean")
    local out = {ceiling = ceiling, low = low, centre = centre}
    out.share_centre_below, out.months_low = share(centre:lt(ceiling_centre), low * centre:notna())
    out.share_below = share(y10:lt(ceiling), low * y10:notna())
    local gap = (y10 - ceiling):where(low)
    out.mean_gap = gap:mean()

    local long = low * y10:gt(ceiling + p.band)
    local r = backtest.bond_return(y10, {maturity = p.maturity})
    local bond = ((r + 1):cumprod() * 100):rename(("%gY bond total return"):format(p.maturity))
    out.rule = rule{name = ("long %s above CPI + %gpp in low inflation"):format(y10.name, p.margin),
                    position = long:slice(bond.start, bond.stop), asset = bond, exec = p.exec,
                    cost_bp = p.cost_bp, horizons = {3, 6, 12}}
    out.report = out.rule:report{print = false}

    ctx.print(("CPI defines bonds (%s, %s .. %s): ceiling = %s + %g pp; low inflation: CPI yoy <= %g%%")
      :format(p.market, cpi.start, cpi.stop, cpi.name, p.margin, p.low_inflation))
    ctx.print(("  %d low-inflation months; %d-month centre of the 10Y below the ceiling in %.1f%% of them,"
      .. " the yield itself in %.1f%%; mean yield − ceiling %.2f pp")
      :format(out.months_low, p.centre_window, 100 * out.share_centre_below, 100 * out.share_below, out.mean_gap))
    ctx.print(rule.format_report(out.report))
    return out
  end,
}

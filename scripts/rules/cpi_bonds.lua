--[[ CPI defines bonds.

The rule, as the seed research states it: in a low-inflation regime the
10-year government bond yield's centre stays below core CPI inflation plus
2 percentage points, so a yield above that ceiling is a level to buy bonds.

Definitions (monthly data):
  ceiling_t  = CPI_yoy_t + margin (core CPI for the US; for China headline
               CPI: China's core CPI is NOT bundled, see below)
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

Data:
  us  core CPI (CPI-U less food and energy, NSA; yoy computed) and the 10Y
      Treasury (monthly), 1960-01 .. 2023-11 by default.
  cn  headline CPI yoy (NBS) and the 10Y of the ChinaBond government curve
      (chinamoney, month means of daily closes), 2008-01 .. 2024-01 by
      default (January 2024 has 4 trading days). China's core CPI (excluding
      food and energy) is not in the bundled data, so the seed's rule
      (core + 2 pp) cannot be tested as stated: the headline ceiling is a
      stand-in, and the report says so. A user with a core CPI file gives
      core_file= (a CSV path; under tenor run's sandbox a file outside the
      declared data needs --trust), core_column= and core_kind= (yoy: the
      column is a yoy %; base100: an index with the same month of the
      previous year = 100, yoy = value − 100; level: an index level, yoy
      computed).

  tenor run rules.cpi_bonds --market cn --margin 2
]]

local DEFAULTS = {us = {start = "1960-01", ["end"] = "2023-11"}, cn = {start = "2008-01", ["end"] = "2024-01"}}

local function us_data(ctx)
  local cpi = ctx.read("us_cpi_fred_monthly.csv").cpi_core_nsa:yoy():rename("US core CPI yoy")
  local y10 = ctx.read("us_treasury_10y_monthly.csv").tsy_10y:rename("US 10Y")
  return cpi, y10, true
end

-- a user's core CPI file, as yoy %
local function core_cpi(p)
  local file = p.core_file:sub(1, 1) == "/" and p.core_file or (p.data_dir .. "/" .. p.core_file)
  local ds, err = data.read_csv(file)
  if not ds then error("cpi_bonds: core_file: " .. tostring(err), 0) end
  local col = ds[p.core_column]
  if not col then error(("cpi_bonds: no column '%s' in %s"):format(p.core_column, p.core_file), 0) end
  if p.core_kind == "yoy" then return col
  elseif p.core_kind == "base100" then return col - 100
  elseif p.core_kind == "level" then return col:yoy() end
  error("cpi_bonds: core_kind must be yoy, base100 or level, got " .. p.core_kind, 0)
end

local function cn_data(ctx, p)
  local cpi, core = ctx.read("cn_cpi_monthly.csv").national_yoy_pct:rename("China headline CPI yoy"), false
  if p.core_file ~= "" then cpi, core = core_cpi(p):rename("China core CPI yoy"), true end
  -- month means of every published day, make-up Saturdays included
  local y10 = ctx.read("cn_cgb_yield_curve_chinamoney_daily.csv", {weekends = "keep"}).cgb_10y:to("M", "mean"):rename("China 10Y")
  return cpi, y10, core
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
    {"market", "string", "us", "us (core CPI, 10Y Treasury) or cn (headline CPI unless core_file, 10Y CGB)"},
    {"margin", "number", 2, "percentage points added to CPI inflation for the ceiling"},
    {"low_inflation", "number", 3, "CPI yoy at or below which the regime is low inflation"},
    {"band", "number", 0, "the yield must exceed the ceiling by this much to buy"},
    {"centre_window", "integer", 12, "months in the trailing mean that defines the yield's centre"},
    {"start", "string", "", "first month of the sample (us: 1960-01; cn: 2008-01)"},
    {"end", "string", "", "last month of the sample (us: 2023-11; cn: 2024-01)"},
    {"maturity", "number", 10, "maturity of the bond traded, years"},
    {"exec", "integer", 2, "months from the data month to the trade"},
    {"cost_bp", "number", 5, "trading cost per unit of turnover, basis points"},
    {"core_file", "string", "", "cn: a CSV file with China's core CPI (not bundled); path, or name under data_dir"},
    {"core_column", "string", "core_yoy_pct", "cn: the core CPI column of core_file"},
    {"core_kind", "string", "yoy", "cn: the column is yoy (a yoy %), base100 (same month last year = 100) or level"},
  },
  data = {"us_cpi_fred_monthly.csv", "us_treasury_10y_monthly.csv", "cn_cpi_monthly.csv",
          "cn_cgb_yield_curve_chinamoney_daily.csv"},

  main = function(p, ctx)
    script.market_defaults(p, DEFAULTS, "rules.cpi_bonds")
    local cpi, y10, core
    if p.market == "us" then cpi, y10, core = us_data(ctx) else cpi, y10, core = cn_data(ctx, p) end
    cpi, y10 = cpi:slice(p.start, p["end"]), y10:slice(p.start, p["end"])
    local ceiling = (cpi + p.margin):rename("ceiling")
    local low = cpi:le(p.low_inflation)
    local centre = y10:rolling(p.centre_window, "mean")
    local ceiling_centre = ceiling:rolling(p.centre_window, "mean")
    local out = {ceiling = ceiling, low = low, centre = centre, core = core}
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
    if not core then
      ctx.print("  note: China's core CPI is not in the bundled data; this ceiling uses headline CPI, so it does not test"
        .. " the seed's rule (core + 2 pp) as stated. Give core_file= (and core_column=, core_kind=) to use a core series.")
    end
    ctx.print(rule.format_report(out.report))
    return out
  end,
}

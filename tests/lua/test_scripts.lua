-- The team's seed rule scripts on the bundled data: parameters are checked,
-- key numbers are pinned (so a change in any layer beneath shows up here),
-- and where a figure can be computed independently from the raw columns with
-- plain loops, it is.
local dir = tenor.home .. "/examples/data/"
local function column(file, name) return data.read_csv(dir .. file)[name] end
local function value_at(s, period) return s:at(period) end

-- the script declaration itself
local S = require "rules.base_effects"
check(tostring(S):find("--horizon", 1, true), "help lists the parameters")
checkerr(function() S:run({bogus = 1}, {quiet = true}) end, "unknown parameter 'bogus'; valid: market, file, column, paths")
checkerr(function() S:run({horizon = "x"}, {quiet = true}) end, "parameter 'horizon' must be a number")
checkerr(function() S:run({horizon = 1.5}, {quiet = true}) end, "must be a whole number")
eq(S:bind{paths = "0,0.1"}.paths[2], 0.1, "lists from command-line text")
eq(S:bind{horizon = "6"}.horizon, 6)
checkerr(function() script.coerce("s", "start", "period", "2020-13") end, "is not a period")

-- base effects: with a flat path the projected yoy of month m is
-- 100·(I_last / I_{m−12} − 1), positive once I_{m−12} < I_last
local be = S:run({}, {quiet = true})
local ppi = column("us_ppi_monthly.csv", "ppi_all_commodities")
local last = ppi:at("2023-11")
local first_flat
for m = 1, 12 do
  local month = ("2024-%02d"):format(m)
  if last > ppi:at(("2023-%02d"):format(m)) then first_flat = month; break end
end
eq(be.paths[1].first, first_flat, "flat path: first month above zero, by hand")
eq(be.paths[1].first, "2024-05")
near(be.paths[1].final, 0, 1e-12, "12 flat months: yoy back to exactly 0")
near(be.paths[3].final, 100 * (1.002 ^ 12 - 1), 1e-9, "+0.2% a month for 12 months")
near(be.last_yoy, 100 * (last / ppi:at("2022-11") - 1), 1e-12)
near(be.carry + be.new, be.last_yoy, 1e-12, "carry-over + new = yoy")
near(be.carry, 100 * (ppi:at("2022-12") / ppi:at("2022-11") - 1), 1e-12, "carry-over: Dec last year over Nov last year")

-- PPI defines equities (US): pinned figures, and one forward return by hand
local pe = require("rules.ppi_equities"):run({}, {quiet = true})
eq(pe.bull.n, 21); eq(pe.bear.n, 19); eq(pe.bull.dates[1], "1961-11")
near(pe.bull.hit_rate[12], 17 / 21, 1e-12)
near(pe.bull.forward[12], 0.11623951262224, 1e-9)
near(pe.bull.backtest.cagr, 0.044621271758271, 1e-9)
local spx = column("us_sp500_shiller_monthly.csv", "sp500")
-- the first event, confirmed with data for 1961-11, enters two months later
local fwd = {}
for _, d in ipairs(pe.bull.dates) do
  local y, m = d:match("(%d+)-(%d+)")
  local t = tonumber(y) * 12 + tonumber(m) - 1 + 2
  local entry = ("%d-%02d"):format(t // 12, t % 12 + 1)
  local exit = ("%d-%02d"):format((t + 12) // 12, (t + 12) % 12 + 1)
  fwd[#fwd + 1] = spx:at(exit) / spx:at(entry) - 1
end
local mean = 0
for _, x in ipairs(fwd) do mean = mean + x / #fwd end
near(pe.bull.forward[12], mean, 1e-12, "mean 12-month return after entry at t+2, by hand")
for _, t in ipairs(pe.bull_turns.turns) do
  check(t.confirm > t.date, "every turn is confirmed after it happens: " .. t.date)
end
check(pe.bear.backtest.warning == nil and pe.bull.backtest.warning == nil, "no look-ahead in the seed rule")

-- China's headline PPI: the 2007 trough, confirmed only together with the
-- 2008 peak, is stale and not an event (the industry PPIs: tests/lua/test_china.lua)
local pc = require("rules.ppi_equities"):run({market = "cn", bull_ppi = "headline", bear_ppi = "headline",
                                              start = "2006-01", ["end"] = "2025-04"}, {quiet = true})
eq(pc.bull.dates[1], "2010-01"); eq(pc.bull.n, 5); eq(pc.bear.dates[1], "2009-02")
check(pc.bull.warning:find("only 5 events", 1, true), "warns below 8 events")

-- CPI defines bonds: the share of low-inflation months with the 10Y below
-- core CPI yoy + 2, counted by hand from the raw columns
local cb = require("rules.cpi_bonds"):run({}, {quiet = true})
local core = column("us_cpi_fred_monthly.csv", "cpi_core_nsa")
local y10 = column("us_treasury_10y_monthly.csv", "tsy_10y")
local low, below = 0, 0
for y = 1960, 2023 do
  for m = 1, 12 do
    local d, d0 = ("%d-%02d"):format(y, m), ("%d-%02d"):format(y - 1, m)
    local c, c0, yy = core:at(d), core:at(d0), y10:at(d)
    if c and c0 and yy then
      local infl = 100 * (c / c0 - 1)
      if infl <= 3 then
        low = low + 1
        if yy < infl + 2 then below = below + 1 end
      end
    end
  end
end
near(cb.share_below, below / low, 1e-12, "share of low-inflation months below the ceiling, by hand")
eq(cb.months_low, 398)
near(cb.share_centre_below, 0.35427135678392, 1e-9)
eq(cb.report.n, 18)
near(cb.report.backtest.cagr, 0.020523550992227, 1e-9)
local cn = require("rules.cpi_bonds"):run({market = "cn", start = "2008-01", ["end"] = "2022-10"}, {quiet = true})
eq(cn.report.n, 10)
check(cn.share_centre_below > 0.7, "China: the 10Y centre below CPI + 2 in most low-inflation months")

-- policy spread: the latest upper bound from an expanding mean and sd of the
-- spread, by hand
local ps = require("rules.policy_spread"):run({}, {quiet = true})
local rates = data.read_csv(dir .. "us_rates_fred_monthly.csv")
local xs = {}
for y = 1962, 2023 do
  for m = 1, 12 do
    local d = ("%d-%02d"):format(y, m)
    local a, b = rates.tsy_10y:at(d), rates.fed_funds:at(d)
    if a and b and d <= "2023-11" then xs[#xs + 1] = a - b end
  end
end
local mu, ss = 0, 0
for _, x in ipairs(xs) do mu = mu + x / #xs end
for _, x in ipairs(xs) do ss = ss + (x - mu) ^ 2 end
local want = rates.fed_funds:at("2023-11") + mu + math.sqrt(ss / (#xs - 1))
near(ps.upper:at("2023-11"), want, 1e-9, "upper bound = policy + expanding mean + 1 sd (sample)")
near(ps.share_below_upper, 0.75282485875706, 1e-9)
eq(ps.reversion.n, 22); eq(ps.steep.n, 21); eq(ps.flat.n, 11)
check(ps.centre:at("1964-11") == nil and ps.centre:at("1964-12") ~= nil, "the centre needs 36 months of history (1962-01 .. 1964-12)")

-- the triangle model (scripts/models/triangle.lua): the pieces checked from
-- the raw columns, the chosen lags and the honest R² pinned
local tri = require("models.triangle"):run({}, {quiet = true})
local ivad = data.read_csv(dir .. "cn_industrial_value_added_monthly.csv")
local ytd_feb = ivad.iva_ytd_yoy_pct:at("2016-02")
eq(tri.iva:at("2016-01"), ytd_feb, "January takes the Jan-Feb year-to-date yoy")
eq(tri.iva:at("2016-02"), ytd_feb, "so does February")
eq(tri.iva:at("2016-03"), ivad.iva_yoy_pct:at("2016-03"), "other months are the monthly yoy")
local trend = filter.hp(tri.iva, {lambda = 14400})
same_series(tri.gap, tri.iva - trend, 1e-12, "gap = growth minus its HP trend")
eq(tri.static.first, "2010-01", "static sample starts at the parameter")
eq(tri.static.last, "2023-11", "ends where the oil proxy ends")
eq(tri.ardl.lags, 1, "ARDL: one CPI lag"); eq(tri.ardl.order.m2, 5); eq(tri.ardl.order.gap, 1); eq(tri.ardl.order.oil, 6)
near(tri.static_r2, 0.1966, 0.001, "static R² on the bundled data: about 0.20, not the seed's 0.80")
check(tri.ardl_r2 > 0.9, "ARDL R² (lagged CPI)")
check(tri.verdict:find("seed quotes ~0.80", 1, true), "the verdict states the seed's figure")

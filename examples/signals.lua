-- signals.lua: turning points with confirmation dates, a rule's honest
-- report, and a look-ahead mistake caught.
--
-- Data (examples/data/SOURCES.md): US industrial production (Federal Reserve
-- G.17 via FRED), PPI non-ferrous metals (BLS via FRED) and the S&P 500
-- (Robert Shiller's monthly data).
local dir = (arg and arg[0] or ""):match("^(.*)/") or "."
local function read(f) return assert(data.read_csv(dir .. "/data/" .. f)) end

-- 1. Business-cycle turns of industrial production, Bry-Boschan. The
--    confirmation column is when the method, on data up to then, calls the turn.
--    The April 2020 trough is not called: the bundled series ends in 2021-01
--    and Bry-Boschan's 12-month average needs more of the recovery (the NBER
--    itself announced that trough in July 2021).
local ip = read("us_industrial_production_monthly.csv")[1]:log():slice("1970")
local tp = signal.turning_points(ip)
print(tp)

-- 2. "Non-ferrous PPI troughs start equity bull markets", judged honestly:
--    events at confirmation, entry two months after the data month.
local ppi = read("us_ppi_monthly.csv").ppi_nonferrous_metals:yoy():slice("1960", "2023-09")
local spx = read("us_sp500_shiller_monthly.csv")
local px = spx.sp500:slice("1960", "2023-09")
local r = rule{name = "non-ferrous PPI troughs -> S&P 500", signal = signal.turning_points(ppi):troughs(),
               asset = px, dividends = spx.dividend / 12, exec = 2, horizons = {3, 6, 12},
               reference = signal.turning_points(px, {method = "ps"})}
r:report()

-- 3. The same idea built on a two-sided HP trend looks ahead, and is refused.
local trend = filter.hp(ppi)
local ok, err = pcall(backtest.run, {position = trend:diff():gt(0), asset = px})
print("\nHP-trend rule: " .. (ok and "ran (it should not have)" or err:match("looks ahead.*$")))

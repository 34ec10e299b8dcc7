-- Signals, turning points, rules and backtests. Hand calculations on small
-- constructed series, and the NBER business-cycle chronology (published by
-- the NBER) as the reference for dating US industrial production and GDP.
local M = function(v, start) return series.new{freq = "M", start = start or "2020-01", values = v, n = #v} end

-- conditions (tri-state)
local a = M{1, 2, 3, nil, 5, 4, 6}
local b = M{2, 2, 2, 2, 2, 5, 5}
local up = signal.cross_above(a, b)
eq(up:at("2020-03"), 1, "2 <= 2 then 3 > 2"); eq(up:at("2020-02"), 0)
eq(up:at("2020-05"), nil, "a cross over a gap is not a cross"); eq(up:at("2020-07"), 1)
eq(signal.cross_below(a, b):at("2020-06"), 1)
eq(signal.above(a, 2):at("2020-03"), 1); eq(signal.below(a, 2):at("2020-04"), nil)
local r = signal.rising(M{1, 2, 3, 2, 3, 4, 5}, 2)
eq(r:at("2020-03"), 1); eq(r:at("2020-04"), 0); eq(r:at("2020-05"), 0); eq(r:at("2020-07"), 1); eq(r:at("2020-02"), nil)
eq(signal.falling(M{3, 2, 1}, 2):at("2020-03"), 1)
local c = M{1, 1, 0, 1, 1, 1, nil}
eq(signal.persist(c, 3):at("2020-06"), 1); eq(signal.persist(c, 3):at("2020-05"), 0); eq(signal.persist(c, 2):at("2020-07"), nil)
local f = signal.first(c)
eq(f:at("2020-04"), 1); eq(f:at("2020-05"), 0); eq(f:at("2020-01"), nil, "the first period has no previous one")
local h = signal.hold(M{0, 1, 0, 0, nil, 0}, M{0, 0, 0, 1, 0, nil})
for i, want in ipairs{0, 1, 1, 0, 0, 0} do eq(h:values()[i], want, "latch on at 02, off at 04, NA keeps the state: " .. i) end
local q = signal.quadrant{growth = M{1, 1, -1, -1, nil}, inflation = M{-1, 1, 1, -1, 1}}
for i = 1, 4 do eq(q:values()[i], i, "quadrant " .. i) end; eq(q:at("2020-05"), nil); eq(q.meta.labels[3], "stagflation")

-- turning points on a textbook cycle: a sine with period 12 quarters has its
-- peaks at the sine's maxima, and BBQ must find exactly those
local v = {}
for i = 1, 60 do v[i] = 100 + 10 * math.sin(2 * math.pi * (i - 1) / 12) end
local sine = series.new{freq = "Q", start = "2000Q1", values = v}
local tp = signal.turning_points(sine)
local peaks, troughs = {}, {}
for _, t in ipairs(tp.turns) do table.insert(t.type == "peak" and peaks or troughs, t.date) end
-- maxima at i = 4, 16, 28, 40, 52 (2000Q4, 2003Q4, ...); minima at 10, 22, 34, 46, 58; the first
-- peak and last trough fall within the 2-quarter end censoring? i = 4 is 3 quarters in: kept
eq(table.concat(peaks, " "), "2000Q4 2003Q4 2006Q4 2009Q4 2012Q4")
eq(table.concat(troughs, " "), "2002Q2 2005Q2 2008Q2 2011Q2 2014Q2",
   "2014Q2 is 2 quarters from the end: its +-2 window is complete, so it stands")
for _, t in ipairs(tp.turns) do check(t.delay >= 2, "confirmed no earlier than the window allows: " .. t.date .. " " .. t.confirm) end
eq(tp:peaks():at("2001Q2"), 1, "peak events are stamped at confirmation by default")
check(tp:peaks{at = "turn"}.meta.lookahead ~= nil, "turn dates look ahead")
eq(tp:phase():at("2001Q3"), -1); eq(tp:phase():at("2000Q1"), nil)
local ph = tp:phase{at = "turn"}
eq(ph:at("2000Q4"), nil, "the first peak month is before any switch"); eq(ph:at("2001Q1"), -1, "contraction from the period after the peak")
eq(ph:at("2002Q2"), -1); eq(ph:at("2002Q3"), 1, "expansion from the period after the trough")
local rows = tp:table()
near(rows[2].change, -20, 1e-9, "trough minus peak of a ±10 sine"); near(rows[2].change_pct, 100 * (90 / 110 - 1), 1e-9)
eq(rows[2].duration, 6, "peak 2000Q4 to trough 2002Q2"); eq(rows[1].change, nil)
check(tostring(tp):find("bbq: window ±2, phase 2, cycle 5, censor 2", 1, true), tostring(tp))

-- NBER chronology (monthly, nber.org) against Bry-Boschan on log US IP
local nber_peaks = {"1948-11", "1953-07", "1957-08", "1960-04", "1969-12", "1973-11", "1980-01", "1981-07", "1990-07", "2001-03", "2007-12"}
local nber_troughs = {"1949-10", "1954-05", "1958-04", "1961-02", "1970-11", "1975-03", "1980-07", "1982-11", "1991-03", "2001-11", "2009-06"}
local ip = assert(data.read_csv("examples/data/us_industrial_production_monthly.csv")).indpro:log()
local bb = signal.turning_points(ip:slice("1946-01", "2019-12"))
local function matched(list, kind, tol, turns)
  local n, report = 0, {}
  for _, d in ipairs(list) do
    local best
    for _, t in ipairs(turns) do
      if t.type == kind then
        local gap = #ip:slice(math.min(t.date, d) == t.date and t.date or d, t.date > d and t.date or d) - 1
        if not best or gap < best then best = gap end
      end
    end
    if best and best <= tol then n = n + 1 end
    report[#report + 1] = d .. ":" .. tostring(best)
  end
  return n, table.concat(report, " ")
end
local np, rp = matched(nber_peaks, "peak", 6, bb.turns)
local nt, rt = matched(nber_troughs, "trough", 6, bb.turns)
check(np >= 10, "NBER peaks within 6 months of a BB peak on IP: " .. np .. "/11 " .. rp)
check(nt >= 10, "NBER troughs within 6 months of a BB trough on IP: " .. nt .. "/11 " .. rt)

-- NBER quarterly chronology against BBQ on log US real GDP: within one quarter
local gdp = assert(data.read_csv("examples/data/us_gdp_fred_quarterly.csv")).gdpc1:log()
local bbq = signal.turning_points(gdp)
local qpeaks = {"1948Q4", "1953Q2", "1957Q3", "1960Q2", "1969Q4", "1973Q4", "1980Q1", "1981Q3", "1990Q3", "2001Q1", "2007Q4", "2019Q4"}
local qtroughs = {"1949Q4", "1954Q2", "1958Q2", "1961Q1", "1970Q4", "1975Q1", "1980Q3", "1982Q4", "1991Q1", "2001Q4", "2009Q2", "2020Q2"}
local hits = 0
for _, set in ipairs{{qpeaks, "peak"}, {qtroughs, "trough"}} do
  for _, d in ipairs(set[1]) do
    for _, t in ipairs(bbq.turns) do
      if t.type == set[2] and math.abs(#gdp:slice(d < t.date and d or t.date, d < t.date and t.date or d) - 1) <= 1 then hits = hits + 1; break end
    end
  end
end
check(hits >= 18, "BBQ reproduces the NBER quarterly dates within a quarter for " .. hits .. " of 24 turns (the 2001 recession has no two-quarter GDP decline)")
checkerr(function() signal.turning_points(series.new{freq = "D", start = "2020-01-01", values = {1, 2, 3}}) end, "no default method")
checkerr(function() signal.turning_points(M{1, nil, 3}) end, "missing a value at 2020-02")

-- rule report by hand. Prices 100, 110, 99, 120, 132, 120, 150, 160; events at 2020-01 and 2020-04.
local px = M{100, 110, 99, 120, 132, 120, 150, 160}
local ev = M{1, 0, 0, 1, 0, 0, 0, 0}
local rep = rule{name = "hand", signal = ev, asset = px, horizons = {1, 2}, hold = 2}:report{print = false}
eq(rep.n, 2)
eq(tostring(rule{name = "hand", signal = ev, asset = px:rename("px"), horizons = {1, 2}}),
   "rule 'hand': signal 2020-01 .. 2020-08 (2 events), asset px, expected up, horizons 1,2, trades at the next period\n  r:report() computes its quality report")
-- entering at the next period: event 1 buys at 110 (02), event 2 at 132 (05)
near(rep.forward[1], ((99 / 110 - 1) + (120 / 132 - 1)) / 2, 1e-12, "mean 1-period forward return")
near(rep.forward[2], ((120 / 110 - 1) + (150 / 132 - 1)) / 2, 1e-12)
eq(rep.hit_rate[1], 0); eq(rep.hit_rate[2], 1)
-- base rate at h = 1: all returns 110->99, 99->120, 120->132, 132->120, 120->150, 150->160: 4 of 6 up
-- (entry at i+1 for every i with both prices): entries 2..7 give the 6 returns above
near(rep.base_rate[1], 4 / 6, 1e-12)
near(rep.hit_p[2], (4 / 5) ^ 2, 1e-12, "P(X >= 2 | n = 2, p = base rate 4/5 at h = 2)")
check(rep.warning:find("only 2 events", 1, true))
near(rule.binomial_tail(2, 3, 0.5), 0.5, 1e-15, "P(X>=2 | 3, 1/2) = 4/8")
near(rule.binomial_tail(14, 20, 0.5), 60460 / 2 ^ 20, 1e-14, "P(X>=14 | 20, 1/2) = sum of C(20,k), k=14..20, over 2^20")
eq(rule.binomial_tail(4, 3, 0.5), 0); eq(rule.binomial_tail(0, 3, 0.5), 1)
-- exec = 2: each event is entered two periods later
local rep2 = rule{signal = ev, asset = px, horizons = {1}, hold = 2, exec = 2}:report{print = false}
near(rep2.forward[1], ((120 / 99 - 1) + (150 / 120 - 1)) / 2, 1e-12, "entries at 03 (99) and 06 (120)")
checkerr(function() rule{signal = ev, asset = px, exec = "tomorrow"} end, "rule.new: option 'exec' must be one of next, same (got 'tomorrow')")
checkerr(function() rule{signal = ev, asset = px, exec = -1} end, "rule.new: option 'exec' must be >= 0 (got -1)")
checkerr(function() rule{signal = ev, asset = px, horizon = {1}} end, "rule.new: unknown option 'horizon' (did you mean 'horizons'?")
checkerr(function() rule{signal = ev, asset = px, expected = 0} end, "rule: expected must be 1 or -1")
checkerr(function() rule{signal = ev, asset = px}:report{prnt = false} end, "r:report: unknown option 'prnt' (did you mean 'print'?")
checkerr(function() backtest.run{position = M{1, 1, 1}, asset = M{100, 110, 99}, cost = 5} end, "backtest.run: unknown option 'cost' (did you mean 'cost_bp'?")
checkerr(function() backtest.run{position = M{1, 1, 1}, asset = M{100, 110, 99}, returns = M{0, 0.1, 0}} end, "backtest.run: give asset= or returns=, not both")
-- total return with dividends: (P_t + D_t)/P_{t-1} - 1
local tr = backtest.run{position = M{1, 1, 1}, asset = M{100, 110, 99}, dividends = M{0, 1, 2}}
near(tr.final, (111 / 100) * (101 / 110), 1e-12, "price plus dividends")
checkerr(function() backtest.run{position = M{1, 1, 1}, asset = M{100, 110, 99}, exec = "same"} end, "exec='same'")
local same = backtest.run{position = M{0, 1, 0}, asset = M{100, 110, 99}, exec = "same", allow_lookahead = true}
near(same.final, 1.10, 1e-12, "exec='same': w_t earns R_t")

-- backtest by hand: long in 02 and 03 (held 2 periods after each event) ...
local bt = rep.backtest
-- position w = 1,1,0,1,1,0,0,0 (events held 2 periods); returns earn w_{t-1}:
-- 02: w01=1 -> +10%; 03: w02=1 -> -10%; 04: w03=0; 05: w04=1 -> +10%; 06: w05=1 -> -9.0909%; 07, 08: 0
local rets = {0.10, 99 / 110 - 1, 0, 132 / 120 - 1, 120 / 132 - 1, 0, 0}
local eqv, peak, mdd = 1, 1, 0
for _, x in ipairs(rets) do eqv = eqv * (1 + x); peak = math.max(peak, eqv); mdd = math.max(mdd, 1 - eqv / peak) end
near(bt.final, eqv, 1e-12); near(bt.cagr, eqv ^ (12 / 7) - 1, 1e-12, "CAGR with 12 periods a year over 7")
near(bt.max_drawdown, mdd, 1e-12)
local mean, ss = 0, 0
for _, x in ipairs(rets) do mean = mean + x / 7 end
for _, x in ipairs(rets) do ss = ss + (x - mean) ^ 2 end
near(bt.sharpe, mean * 12 / (math.sqrt(ss / 6) * math.sqrt(12)), 1e-12, "Sharpe: mean·12 / (sd·√12)")
eq(bt.trades, 4); near(bt.exposure, 4 / 7, 1e-12)
near(bt.turnover, 4 * 12 / 7, 1e-12)

-- concordance by hand: reference phases from a sine; long when the rule says
local conc = rule{signal = tp:troughs(), asset = sine, reference = tp, horizons = {1}}:report{print = false}
check(conc.concordance >= 0 and conc.concordance <= 1 and conc.concordance_independent > 0)
-- by hand on the sine: peaks at periods 4, 16, 28, 40, 52 and troughs at 10,
-- 22, 34, 46, 58 (of 60), so by turn date the contractions are 5-10, 17-22,
-- 29-34, 41-46, 53-58 and the expansions 11-16, ..., 59-60 (the phase starts
-- at period 5). A position long in periods 1-30 agrees with the expansion
-- phase in 12 long-and-expanding and 16 flat-and-contracting periods of 56.
local pv = {}
for i = 1, 60 do pv[i] = i <= 30 and 1 or 0 end
local hc = rule{position = series.new{freq = "Q", start = "2000Q1", values = pv}, asset = sine, reference = tp,
                horizons = {1}}:report{print = false}
near(hc.concordance, 28 / 56, 1e-12, "Harding-Pagan concordance by hand")
near(hc.concordance_independent, (26 * 26 + 30 * 30) / 56 ^ 2, 1e-12, "its value under independence: p_x p_y + (1-p_x)(1-p_y)")

-- look-ahead: refused, then allowed with a banner
local hp_trend = filter.hp(ip:slice("1990"))
local bad_position = hp_trend:diff():gt(0)
checkerr(function() backtest.run{position = bad_position, asset = ip:slice("1990"):exp()} end, "the position looks ahead (two-sided HP filter)")
checkerr(function() rule{signal = bb:troughs{at = "turn"}, asset = ip:exp()}:report{print = false} end, "looks ahead")
check(backtest.lookahead(M{1, nil, 3}:fill("bfill")), "bfill looks ahead"); check(not backtest.lookahead(M{1, nil, 3}:fill("ffill")))
check(backtest.lookahead(series.new{freq = "Q", start = "2020Q1", values = {1, 2}}:to("M", "linear")), "interpolation looks ahead")
local fit = regress.ols(ip:slice("1990"):diff(), {ip:slice("1990"):diff():lag(1)})
checkerr(function() backtest.run{position = fit.fitted:gt(0), asset = ip:slice("1990"):exp()} end, "full-sample regression fitted")
local allowed = backtest.run{position = bad_position, asset = ip:slice("1990"):exp(), allow_lookahead = true}
check(tostring(allowed):find("LOOK-AHEAD", 1, true), "banner")
local real_time = backtest.run{position = filter.hp(ip:slice("1990"), {one_sided = true}):diff():gt(0), asset = ip:slice("1990"):exp()}
check(real_time.warning == nil, "the one-sided HP trend is allowed")

-- bond return from a yield, by hand: 10Y par bond, semi-annual, monthly data
local y = M{4.00, 4.50}
local br = backtest.bond_return(y, {maturity = 10})
local z = 1.02
local D = (1 - z ^ -20) / 0.04
local C = 2 / 0.04 ^ 2 * (1 - z ^ -20) - 2 * 10 / 0.04 * z ^ -21
near(br:at("2020-02"), (1.04 ^ (1 / 12) - 1) - D * 0.005 + 0.5 * C * 0.005 ^ 2, 1e-15)
check(br:at("2020-02") < -0.03, "a 50 bp rise costs about 4% on a 10-year")

-- publication lags: CPI for September 2023 (307.789) is known from 12 October with a 12-day lag
local cpi = assert(data.read_csv("examples/data/us_cpi_fred_monthly.csv")).cpi_all_nsa
local cal = series.new{freq = "B", start = "2023-10-02", values = {}, n = 20}
local known = cpi:release_lag(12):as_of(cal)
eq(known:at("2023-10-11"), 307.026, "still August's value"); eq(known:at("2023-10-12"), 307.789)

-- quadrant ties (issue 17): a change of exactly 0 keeps the previous
-- period's direction, it is not "down". By hand: growth +1, 0, 0, -1, 0 is
-- up, up, up, down, down; inflation -1, -1, 0, 0, 2 is down throughout then up.
do
  local qt = signal.quadrant{growth = M{1, 0, 0, -1, 0}, inflation = M{-1, -1, 0, 0, 2}}
  local want = {1, 1, 1, 4, 3}
  for t = 1, 5 do eq(qt:values()[t], want[t], "tie rule at " .. t) end
  local q0 = signal.quadrant{growth = M{0, 1, nil, 0}, inflation = M{1, 1, 1, 1}}
  eq(q0:at("2020-01"), nil, "a first change of 0 has no direction: NA")
  eq(q0:at("2020-02"), 2)
  eq(q0:at("2020-04"), nil, "0 after a gap: NA, the direction before is unknown")
end

-- The confirmation date, as the README states it (issue 17): the first
-- period from which every longer sample reports the turn. Checked by brute
-- force on US nominal GDP (BBQ): every prefix ending at or after the
-- confirmation date finds the turn, the prefix ending just before it does not.
do
  local g = data.read_csv("examples/data/us_gdp_quarterly.csv").gdp_nominal:log()
  local ds, at = g:dates(), {}
  for i, d in ipairs(ds) do at[d] = i end
  local function reports(last, turn)
    for _, u in ipairs(signal.turning_points(g:slice(nil, ds[last])).turns) do
      if u.date == turn.date and u.type == turn.type then return true end
    end
    return false
  end
  local tpg = signal.turning_points(g)
  check(#tpg.turns >= 10, "GDP has turns")
  for _, turn in ipairs(tpg.turns) do
    local c, all = at[turn.confirm], true
    for last = c, #ds do all = all and reports(last, turn) end
    check(all, "every sample from " .. turn.confirm .. " on reports " .. turn.type .. " " .. turn.date)
    check(not reports(c - 1, turn), "the sample to the period before does not: " .. turn.date)
  end
end

-- options: checked against the declaration; the method's other names and case
do
  local s = data.read_csv("examples/data/us_industrial_production_monthly.csv")[1]:dropna():slice("1990", "2010")
  local a, b = signal.turning_points(s, {method = "BB"}), signal.turning_points(s, {method = "bry_boschan"})
  eq(#a.turns, #b.turns, "'BB' is bry_boschan")
  same_series(a:peaks{at = "Turn"}, b:peaks{at = "turn"}, 0)
  checkerr(function() signal.turning_points(s, {methd = "bbq"}) end, "signal.turning_points: unknown option 'methd' (did you mean 'method'?")
  checkerr(function() signal.turning_points(s, {phase = 0}) end, "signal.turning_points: option 'phase' must be >= 1 (got 0)")
  checkerr(function() a:phase{at = "end"} end, "tp:phase: option 'at' must be one of confirm, turn (got 'end')")
  checkerr(function() signal.rising(s, 0) end, "signal.rising: n must be a whole number, at least 1 (got 0)")
  checkerr(function() signal.persist(s:gt(100)) end, "signal.persist: k must be a whole number, at least 1 (got nothing)")
  checkerr(function() s:release_lag(-3) end, "s:release_lag: days must be a whole number of days, at least 0 (got -3)")
  checkerr(function() signal.quadrant{growth = s, inflaton = s} end, "signal.quadrant: unknown option 'inflaton' (did you mean 'inflation'?")
end
do
  local s = series.new{freq = "M", start = "2024-01", values = {1, 2, 3}}
  checkerr(function() s:where(nil) end, "s:where: cond must be a series, a number or a boolean (got nil)")
  checkerr(function() s:where("x") end, "s:where: cond must be a series, a number or a boolean")
  checkerr(function() s:as_of(s) end, "s:as_of: calendar must be a business-day or daily series")
end
do
  local s = series.new{freq = "M", start = "2020-01", values = {1, 2, 3}}
  checkerr(function() rule{signal = s, asset = s, horizons = {"3"}} end, "rule: horizons must be a list of whole numbers (got {\"3\"})")
  checkerr(function() rule{signal = s, asset = s, match_window = {1}} end, "rule: match_window must be a list of 2 whole numbers")
  checkerr(function() rule{signal = s, asset = s, horizons = {0}} end, "rule: horizons must be at least 1 period (got 0)")
end

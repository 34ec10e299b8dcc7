-- Year-to-date conversion, Jan-Feb releases, rebasing, chaining indexes,
-- splicing, projected yoy (base effects) and the carry-over split.
-- Expected values are hand calculations from the data files' own numbers.
local M = function(start, values, n, name)
  return series.new{freq = "M", start = start, values = values, n = n, name = name}
end

-- China GDP: year-to-date nominal levels -> single quarters (100 million yuan)
local gdp = assert(data.read_csv("examples/data/cn_gdp_ytd_quarterly.csv")).gdp_ytd_100m_cny
local q = gdp:ytd_to_period()
near(q:at("2006Q1"), 47831.7, 1e-9, "Q1 is its own total")
near(q:at("2006Q2"), 101247.0 - 47831.7, 1e-9, "H1 minus Q1")
near(q:at("2024Q4"), 1349083.5 - 975357.4, 1e-9, "full year minus Q1-Q3")
near(q:slice("2024", "2024"):sum(), 1349083.5, 1e-6, "the quarters add up to the year")
eq(q.meta.kind, "flow")
check(q:period_to_ytd() == gdp, "period_to_ytd undoes ytd_to_period exactly on this data")
local qyoy = q:yoy()
near(qyoy:at("2024Q2"), 100 * (q:at("2024Q2") / q:at("2023Q2") - 1), 1e-12, "single-quarter yoy")

-- Jan-Feb combined releases
local ytd = M("2023-01", {nil, 20, 35, 50, nil, 15, 30}, 7, "rev")   -- 2023-Jan missing; 2023-05 missing
checkerr(function() ytd:ytd_to_period() end, "2023-02 has a value but January is missing")
checkerr(function() ytd:ytd_to_period() end, "{janfeb=\"split\"}")
local split = ytd:ytd_to_period{janfeb = "split"}
eq(split:at("2023-01"), 10); eq(split:at("2023-02"), 10); eq(split:at("2023-03"), 15); eq(split:at("2023-04"), 15)
eq(split:at("2023-05"), nil, "missing total: missing month"); eq(split:at("2023-06"), nil, "and the next one")
eq(split:at("2023-07"), 15)
local feb = ytd:ytd_to_period{janfeb = "feb"}
eq(feb:at("2023-01"), nil); eq(feb:at("2023-02"), 20); eq(feb.meta.janfeb, "feb")
checkerr(function() M("2023-01", {10, 25, 20}):ytd_to_period() end, "the total falls within the year (2023-03: 20.0 < 2023-02: 25.0)")
eq(M("2023-01", {10, 25, 20}):ytd_to_period{allow_negative = true}:at("2023-03"), -5)
local new_year = M("2023-11", {90, 100, 7, 15}):ytd_to_period()
eq(new_year:at("2023-11"), nil, "the year's start is not in the data"); eq(new_year:at("2023-12"), 10)
eq(new_year:at("2024-01"), 7, "January restarts the year"); eq(new_year:at("2024-02"), 8)
checkerr(function() series.new{freq = "A", start = "2020", values = {1}}:ytd_to_period() end, "monthly or quarterly")
eq(M("2024-01", {1, 2, 3}):period_to_ytd():at("2024-03"), 6)

-- single-month yoy with January missing: the Jan-Feb policy is explicit
local ivaf = assert(data.read_csv("examples/data/cn_industrial_value_added_monthly.csv"))
local iva, janfeb = ivaf.iva_yoy_pct, ivaf.iva_ytd_yoy_pct
checkerr(function() iva:fill_janfeb() end, "{from = ytd_series}")
checkerr(function() iva:fill_janfeb{from = "jan"} end, "s:fill_janfeb: option 'from' must be one of feb")
checkerr(function() iva:fill_janfeb{from = janfeb:to("Q", "last")} end, "must be a monthly year-to-date series")
-- from the file: 2012-02 single month 21.3, Jan-Feb YTD 11.4; 2016-02 empty, YTD 5.4
local ytd = iva:fill_janfeb{from = janfeb}
eq(ytd:at("2012-01"), 11.4, "January takes the Jan-Feb rate"); eq(ytd:at("2012-02"), 11.4, "so does February")
eq(ytd:at("2012-03"), 11.9, "March untouched")
eq(ytd:at("2016-01"), 5.4); eq(ytd:at("2016-02"), 5.4)
eq(ytd.start, "2008-01", "the file starts in 2008-02: its January is added"); eq(ytd:at("2008-01"), 15.4)
eq(#ytd.meta.janfeb_filled, 18); eq(ytd.meta.janfeb_filled[1], 2008); eq(ytd.meta.janfeb, "ytd")
local feb = iva:fill_janfeb{from = "Feb"}
eq(feb:at("2012-01"), 21.3, "January copies February's single month"); eq(feb:at("2012-02"), 21.3)
eq(feb:at("2016-01"), nil, "from 2015 February is empty too: nothing to copy")
eq(feb.meta.janfeb_filled[2], 2009); eq(#feb.meta.janfeb_filled, 7); eq(feb.meta.janfeb, "feb")
local has_jan = M("2023-01", {1, 2, 3}):fill_janfeb{from = M("2023-01", {9, 9, 9})}
eq(has_jan:at("2023-01"), 1, "a year with January is left alone"); eq(has_jan:at("2023-02"), 2)
local gap = M("2023-01", {0 / 0, 2, 3}):fill_janfeb{from = M("2023-01", {0 / 0, 0 / 0, 9})}
eq(gap:at("2023-01"), nil, "no Jan-Feb value: left alone"); eq(gap:at("2023-02"), 2)

-- rebasing
local r = M("2024-01", {1, 2, 3}):rebase("2024-02")
eq(r:at("2024-01"), 50); eq(r:at("2024-03"), 150)
local cpi = assert(data.read_csv("examples/data/us_cpi_fred_monthly.csv")).cpi_all_nsa
near(cpi:rebase("2015"):slice("2015", "2015"):mean(), 100, 1e-12, "2015 average = 100")
near(cpi:rebase({"2015-01", "2015-06"}, 1):at("2015-03"),
     236.119 / ((233.707 + 234.722 + 236.119 + 236.599 + 237.805 + 238.638) / 6), 1e-12,
     "a range as the base (BLS CPI-U NSA values for Jan-Jun 2015)")
checkerr(function() M("2024-01", {1, nil}):rebase("2024") end, "no value at 2024-02")

-- chaining
local mom = M("2024-01", {nil, 1, 2, -1})
local idx = series.index_from_mom(mom)
eq(idx:at("2024-01"), 100); near(idx:at("2024-03"), 100 * 1.01 * 1.02, 1e-12); near(idx:at("2024-04"), 100 * 1.01 * 1.02 * 0.99, 1e-12)
local idx2 = series.index_from_mom(mom, {base = 1, at = "2024-03"})
eq(idx2:at("2024-03"), 1); near(idx2:at("2024-01"), 1 / 1.02 / 1.01, 1e-15, "chained backwards too")
local levels = M("2023-01", {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111})
local yoy = M("2024-01", {10, 5})
local chained = series.index_from_yoy(yoy, levels)
eq(chained.stop, "2024-02"); near(chained:at("2024-01"), 110, 1e-12); near(chained:at("2024-02"), 101 * 1.05, 1e-12)
checkerr(function() series.index_from_yoy(yoy, levels:head(6)) end, "full year")

-- splicing across a base change
local old = M("2024-01", {100, 110, 120})
local new = M("2024-02", {50, 60, 70})
local sp = series.splice(old, new)
near(sp:at("2024-01"), 100 * 50 / 110, 1e-12, "old scaled by the link factor at the first overlap")
eq(sp:at("2024-02"), 50); eq(sp:at("2024-04"), 70); near(sp.meta.link_factor, 50 / 110, 1e-15)
near(series.splice(old, new, "2024-03"):at("2024-02"), 110 * 60 / 120, 1e-12)

-- base effects: US PPI (all commodities) projected 12 months past 2023-11
local ppi = assert(data.read_csv("examples/data/us_ppi_monthly.csv")).ppi_all_commodities
local flat = ppi:project_yoy{mom = 0}
eq(flat.start, "2023-12"); eq(#flat, 12)
near(flat:at("2024-06"), 100 * (253.811 / ppi:at("2023-06") - 1), 1e-12, "flat prices: yoy from base effects only")
local up = ppi:project_yoy{mom = 0.2, horizon = 3}
near(up:at("2024-02"), 100 * (253.811 * 1.002^3 / ppi:at("2023-02") - 1), 1e-12)
local path = ppi:project_yoy{mom = {0.1, 0.3}, horizon = 3}
checkerr(function() ppi:project_yoy{mom = {0.1, "x"}} end, "s:project_yoy: option 'mom' entry 2 is a string, not a number")
checkerr(function() ppi:project_yoy{mom = {}} end, "s:project_yoy: option 'mom' is an empty list")
checkerr(function() ppi:project_yoy{horizn = 3} end, "s:project_yoy: unknown option 'horizn' (did you mean 'horizon'?")
near(path:at("2024-02"), 100 * (253.811 * 1.001 * 1.003 * 1.003 / ppi:at("2023-02") - 1), 1e-12, "last entry repeats")
-- a series of growth rates is not a level index (issue 17): refused, by its
-- meta (yoy() sets unit "%"; kind "rate") or by a value <= 0
checkerr(function() ppi:yoy():project_yoy{mom = 0} end,
         "project_yoy needs a level index; this series looks like a rate (its meta.unit is \"%\") — build one with series.index_from_yoy")
local rates = M("2023-01", {3.1, 2.9, 2.5, 1.8, 0.9, -0.4, -0.2, 0.3, 0.8, 1.2, 1.5, 1.9})
checkerr(function() rates:project_yoy{mom = 0} end, "looks like a rate (it has values <= 0)")
local tagged = M("2023-01", {3.1, 2.9, 2.5, 1.8, 0.9, 0.4, 0.2, 0.3, 0.8, 1.2, 1.5, 1.9})
tagged.meta.kind = "rate"
checkerr(function() tagged:project_yoy{mom = 0} end, "looks like a rate (its meta.kind is \"rate\")")
tagged.meta.kind = "index"
near(tagged:project_yoy{mom = 0, horizon = 1}:at("2024-01"), 100 * (1.9 / 3.1 - 1), 1e-12, "a positive series without a rate tag is taken as levels")

-- carry-over: yoy = carry + new, carry from last December's level
local carry, fresh = cpi:carryover()
near(carry:at("2023-03"), 100 * (cpi:at("2022-12") / cpi:at("2022-03") - 1), 1e-12)
local y = cpi:yoy()
local worst = 0
for i, d in ipairs(y:dates()) do
  local a, b, c = y:at(d), carry:at(d), fresh:at(d)
  if a and b and c then worst = math.max(worst, math.abs(a - b - c)) end
end
check(worst < 1e-12, "yoy = carry + new on all of US CPI, worst " .. worst)
near(fresh:at("2023-01"), 100 * (cpi:at("2023-01") / cpi:at("2022-01") - 1) - 100 * (cpi:at("2022-12") / cpi:at("2022-01") - 1), 1e-12)
-- against NBS's published decomposition of China's CPI yoy (the bureau's
-- statistician's note on each release): January 2017, yoy 2.5%, carry-over
-- about 1.5 pp and new prices about 1.0 pp; November 2018, yoy 2.2%,
-- carry-over about 0.3 pp, new about 1.9 pp. The index here is chained from
-- the published month-on-month changes, which are rounded to 0.1, so it
-- carries up to about 0.15 pp of rounding over a year; NBS rounds to 0.1.
local cn = assert(data.read_csv("examples/data/cn_cpi_monthly.csv"))
local cn_carry = series.index_from_mom(cn.national_mom_pct):carryover()
check(math.abs(cn_carry:at("2017-01") - 1.5) <= 0.15, "NBS: Jan 2017 carry-over ~1.5 pp, got " .. cn_carry:at("2017-01"))
check(math.abs((cn.national_yoy_pct:at("2017-01") - cn_carry:at("2017-01")) - 1.0) <= 0.15, "NBS: Jan 2017 new prices ~1.0 pp")
check(math.abs(cn_carry:at("2018-11") - 0.3) <= 0.05, "NBS: Nov 2018 carry-over ~0.3 pp, got " .. cn_carry:at("2018-11"))
check(math.abs((cn.national_yoy_pct:at("2018-11") - cn_carry:at("2018-11")) - 1.9) <= 0.05, "NBS: Nov 2018 new prices ~1.9 pp")

-- Deflators, index numbers and contributions: BEA's published deflator,
-- China's implied deflator by hand for two quarters, index formulas and the
-- adding-up identity by hand, and the errors.

-- US: 100 · GDP / real GDP reproduces BEA's GDPDEF (published to 3 decimals)
local us = assert(data.read_csv("examples/data/us_gdp_fred_quarterly.csv"))
local d = deflator.implicit{nominal = us.gdp, real = us.gdpc1}
check((d - us.gdpdef):abs():max() <= 0.0005, "within the published rounding")
eq(d:dropna().start, "1980Q1", "GDP starts in 1980 in this file")
check(d.meta.form:find("levels", 1, true))

-- growth-rate form, by hand: 10% nominal and 5% real growth -> 4.7619...% prices
local n = series.new{freq = "Q", start = "2024Q1", values = {10, 3}}
local r = series.new{freq = "Q", start = "2024Q1", values = {5, 4}}
local dy = deflator.implicit{nominal_yoy = n, real_yoy = r}
near(dy:at("2024Q1"), 100 * (1.10 / 1.05 - 1), 1e-12); near(dy:at("2024Q2"), 100 * (1.03 / 1.04 - 1), 1e-12)
eq(dy.meta.unit, "%")

-- China: single-quarter nominal GDP from the year-to-date levels (file values,
-- 100 million yuan), its yoy, and the deflator implied by the released real yoy
local cn = assert(data.read_csv("examples/data/cn_gdp_ytd_quarterly.csv")).gdp_ytd_100m_cny:ytd_to_period()
local real = assert(data.read_csv("examples/data/cn_gdp_real_yoy_releases.csv")).gdp_real_yoy_pct:to("Q", "last"):redate(-1)
local cdef = deflator.implicit{nominal_yoy = cn:yoy(), real_yoy = real}
local q2_24, q2_23 = 633599.4 - 304761.8, 608606.3 - 292368.8
near(cn:at("2024Q2"), q2_24, 1e-6, "2024Q2 = H1 - Q1")
near(cdef:at("2024Q2"), 100 * ((q2_24 / q2_23) / 1.047 - 1), 1e-9, "2024Q2 deflator: real yoy 4.7 released 2024-07-15")
near(cdef:at("2024Q1"), 100 * ((304761.8 / 292368.8) / 1.053 - 1), 1e-9, "2024Q1: real yoy 5.3 released 2024-04-16")

-- deflating
local nominal = series.new{freq = "A", start = "2020", values = {100, 110, 121}, name = "sales"}
local prices = series.new{freq = "A", start = "2020", values = {50, 52.5, 55}}
local realv = deflator.real(nominal, prices, {base = "2020"})
near(realv:at("2021"), 110 / 105 * 100, 1e-12, "2021 sales in 2020 prices"); eq(realv.name, "sales_real")
checkerr(function() deflator.real(nominal, prices * 0) end, "the price index must be positive; it is 0 at 2020")
checkerr(function() deflator.implicit{nominal = us.gdp, real = us.gdpc1:to("A", "mean")} end, "convert one first")
checkerr(function() deflator.implicit{nominal = nominal} end, "real must be a series")

-- index numbers by hand: two goods, two periods
local A = function(v) return series.new{freq = "A", start = "2020", values = v} end
local p = {a = A{1, 1.2, 1.5}, b = A{2, 2.2, 2.0}}
local q = {a = A{10, 12, 11}, b = A{5, 4, 6}}
near(indexnum.laspeyres{p = p, q = q}:at("2021"), 100 * (1.2 * 10 + 2.2 * 5) / (1 * 10 + 2 * 5), 1e-12)
near(indexnum.paasche{p = p, q = q}:at("2021"), 100 * (1.2 * 12 + 2.2 * 4) / (1 * 12 + 2 * 4), 1e-12)
near(indexnum.fisher{p = p, q = q}:at("2021"), 100 * math.sqrt(1.15 * 1.16), 1e-12)
local s0a, s1a = 10 / 20, 14.4 / 23.2
near(indexnum.tornqvist{p = p, q = q}:at("2021"),
     100 * math.exp(0.5 * (s0a + s1a) * math.log(1.2) + 0.5 * ((1 - s0a) + (1 - s1a)) * math.log(1.1)), 1e-12)
local chained = indexnum.fisher{p = p, q = q, chain = true}
local link1 = math.sqrt(1.15 * 1.16)
local l2 = (1.5 * 12 + 2.0 * 4) / (1.2 * 12 + 2.2 * 4)
local p2 = (1.5 * 11 + 2.0 * 6) / (1.2 * 11 + 2.2 * 6)
near(chained:at("2022"), 100 * link1 * math.sqrt(l2 * p2), 1e-12, "chained Fisher: product of links")
eq(indexnum.laspeyres{p = p, q = q, base = "2021"}:at("2021"), 100)
checkerr(function() indexnum.laspeyres{p = p, q = {a = q.a}} end, "component 'b' has a price but no quantity")
checkerr(function() indexnum.laspeyres{p = p, q = q, bse = "2021"} end, "indexnum.laspeyres: unknown option 'bse' (did you mean 'base'?")
checkerr(function() indexnum.laspeyres{p = p, q = q, base = "2021", chain = true} end, "indexnum.laspeyres: give base or chain=true, not both")
checkerr(function() indexnum.laspeyres(p, q) end, "indexnum.laspeyres: unknown option '")
checkerr(function() indexnum.fisher("p") end, "indexnum.fisher: options must be a table such as {p = ...}")
checkerr(function() deflator.implicit{nominal = p.a, real = p.b, real_yoy = p.b} end, "deflator.implicit: give levels (nominal=, real=) or growth rates (nominal_yoy=, real_yoy=), not both")
checkerr(function() deflator.implicit{nominal = p.a, reel = p.b} end, "deflator.implicit: unknown option 'reel' (did you mean 'real'?")
near(indexnum.laspeyres{p = p, q = {a = 10, b = 5}}:at("2022"), 100 * (1.5 * 10 + 2.0 * 5) / 20, 1e-12, "constant weights")

-- contributions: the pulls add up to the total's growth
local parts = {a = A{10, 12, 13}, b = A{10, 9, 9.5}}
local c = indexnum.contributions{parts = parts, lag = 1}
near(c.growth:at("2021"), 5, 1e-12); near(c.a:at("2021"), 10, 1e-12); near(c.b:at("2021"), -5, 1e-12)
near(c.a_share:at("2021"), 200, 1e-12, "contribution rate (贡献率)")
checkerr(function() indexnum.contributions{parts = parts, total = A{20, 22, 30}, lag = 1} end, "do not add up")
-- on real data: US CPI NSA as if made of two parts; the pulls sum to the growth
local cpi = assert(data.read_csv("examples/data/us_cpi_fred_monthly.csv"))
local part1 = cpi.cpi_core_nsa * 0.8
local part2 = cpi.cpi_all_nsa - part1
local cc = indexnum.contributions{parts = {core = part1, rest = part2}, total = cpi.cpi_all_nsa}
local worst = ((cc.core + cc.rest) - cc.growth):abs():max()
check(worst < 1e-10, "adding-up on real data, worst " .. worst)

-- contributions to a chained volume aggregate (not additive): previous-year
-- value shares times component volume growth. Hand calculation for 2021 with
-- p, q above: values 2020 a 10, b 10 (shares ½, ½); volume growth a +20%,
-- b −20%: pulls +10 and −10 pp, growth 0. 2022: values 2021 a 14.4, b 8.8
-- (of 23.2); volumes a 11/12 − 1, b 6/4 − 1.
local vals = {a = p.a * q.a, b = p.b * q.b}
local ch = indexnum.chained_contributions{volumes = q, values = vals}
near(ch.a:at("2021"), 10, 1e-12); near(ch.b:at("2021"), -10, 1e-12); near(ch.growth:at("2021"), 0, 1e-12)
near(ch.a:at("2022"), 100 * 14.4 / 23.2 * (11 / 12 - 1), 1e-12, "2022 pull of a")
near(ch.b:at("2022"), 100 * 8.8 / 23.2 * (6 / 4 - 1), 1e-12, "2022 pull of b")
-- they add up to the growth of the chain-linked Laspeyres volume index (the
-- Laspeyres formula with quantities as the prices and prices as weights)
local vol_index = indexnum.laspeyres{p = q, q = p, chain = true}
for _, y in ipairs{"2021", "2022"} do
  near(ch.growth:at(y), 100 * (vol_index:at(y) / vol_index:lag(1):at(y) - 1), 1e-10, "chained volume growth " .. y)
end
checkerr(function() indexnum.chained_contributions{volumes = q, values = {a = vals.a}} end, "no value series for component 'b'")

-- IMF QNA chain-linking of quarterly volumes. Independent check of the
-- annual overlap method: its annual averages equal the annually chain-linked
-- Laspeyres volume index computed here by hand from annual totals.
local Q = function(v) return series.new{freq = "Q", start = "2020Q1", values = v} end
local qp = {a = Q{1, 1.1, 1.2, 1.2, 1.3, 1.4, 1.4, 1.5, 1.6, 1.6, 1.7, 1.8},
            b = Q{2, 2, 2.1, 2.2, 2.2, 2.1, 2.0, 2.0, 1.9, 2.0, 2.1, 2.2}}
local qq = {a = Q{10, 11, 12, 12, 11, 12, 13, 13, 14, 14, 15, 16},
            b = Q{5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9}}
local ao = indexnum.chain_volume{p = qp, q = qq, method = "annual_overlap"}
local function annual_of(g, year)           -- annual quantity, average price
  local qs, vs = 0, 0
  for k = 1, 4 do local i = (year - 2020) * 4 + k; qs = qs + g.q[i]; vs = vs + g.q[i] * g.p[i] end
  return qs, vs / qs
end
local goods = {{p = qp.a:values(), q = qq.a:values()}, {p = qp.b:values(), q = qq.b:values()}}
local chain_level = {[2020] = 100}
for year = 2021, 2022 do
  local num, den = 0, 0
  for _, g in ipairs(goods) do
    local q0, p0 = annual_of(g, year - 1)
    local q1 = annual_of(g, year)
    num, den = num + p0 * q1, den + p0 * q0
  end
  chain_level[year] = chain_level[year - 1] * num / den
end
for year = 2020, 2022 do
  near(ao:slice(tostring(year), tostring(year)):mean(), chain_level[year], 1e-10,
       "annual overlap: the " .. year .. " average equals the annual chain index")
end
local oq = indexnum.chain_volume{p = qp, q = qq, method = "one_quarter_overlap"}
near(oq:at("2020Q4"), ao:at("2020Q4"), 1e-12, "the first year is the reference in both methods")
-- one-quarter overlap by hand for 2021Q1: I(2020Q4) · L(2021Q1 | 2020) / L(2020Q4 | 2020)
local qa0, pa0 = annual_of(goods[1], 2020)
local qb0, pb0 = annual_of(goods[2], 2020)
local L = function(i) return (pa0 * goods[1].q[i] + pb0 * goods[2].q[i]) / ((pa0 * qa0 + pb0 * qb0) / 4) end
near(oq:at("2021Q1"), oq:at("2020Q4") * L(5) / L(4), 1e-12, "one-quarter overlap link at 2020Q4")
checkerr(function() indexnum.chain_volume{p = qp, q = qq, method = "x"} end, "indexnum.chain_volume: option 'method' must be one of annual_overlap, one_quarter_overlap (got 'x')")
eq(indexnum.chain_volume{p = qp, q = qq, method = "One_Quarter_Overlap"}:at("2021Q1"), oq:at("2021Q1"), "method is case-insensitive")
checkerr(function() indexnum.chain_volume{p = {a = qp.a:slice("2020Q2")}, q = {a = qq.a}} end, "first period of a year")

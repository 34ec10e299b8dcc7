-- The seed rules on China's own data (scripts/models/volume_price.lua,
-- scripts/rules/*.lua with market = "cn", scripts/models/fiscal_revenue.lua):
-- each script's figures against an independent recomputation from the raw
-- CSV columns, either by hand in plain Lua loops here or by a peer whose
-- output is recorded under tests/fixtures/ with the script that made it.
local DATA = tenor.home .. "/examples/data/"
local function read(file) return assert(data.read_csv(DATA .. file)) end

-- a fixture as rows: fixture[case][name] = {coef, se}
local function fixture(path)
  local out, header = {}, true
  for line in io.lines(path) do
    if header then header = false else
      local f = {}
      for cell in (line .. ","):gmatch("([^,]*),") do f[#f + 1] = cell end
      out[f[1]] = out[f[1]] or {}
      out[f[1]][f[2]] = {tonumber(f[3]), tonumber(f[4])}
    end
  end
  return out
end

---------------------------------------------------------------------------
-- volume-price: statsmodels 0.13.5, tests/fixtures/make_statsmodels_volume_price.py
local sm = fixture("tests/fixtures/statsmodels_volume_price.csv")
local vp = require "models.volume_price"
local function same_fit(fit, case, names)
  local ref = sm[case]
  eq(fit.nobs, math.tointeger(ref.nobs[1]), case .. " quarters")
  near(fit.r2, ref.rsquared[1], 1e-10, case .. " R²")
  for _, n in ipairs(names) do
    near(fit.coef[n], ref[n][1], 1e-9 * math.max(1, math.abs(ref[n][1])), case .. " coef " .. n)
    near(fit.se[n], ref[n][2], 1e-9, case .. " HAC se " .. n)
  end
end
local ytd = vp:run({}, {quiet = true})
same_fit(ytd.volume, "volume_ytd", {"const", "iva"})
same_fit(ytd.price, "price", {"const", "ppi", "cpi"})
eq(ytd.volume.fitted.start, "2010Q4")
eq(("%.3f %.3f %d"):format(ytd.volume.r2, ytd.volume.coef.iva, ytd.volume.nobs), "0.897 0.609 58", "the seed figures")
local feb = vp:run({janfeb = "feb"}, {quiet = true})
same_fit(feb.volume, "volume_feb", {"const", "iva"})
eq(("%.3f"):format(feb.volume.r2), "0.851", "copying February: the old figure")
same_fit(vp:run({["end"] = "2014Q4"}, {quiet = true}).volume, "volume_ytd_to2014", {"const", "iva"})
same_fit(vp:run({["end"] = "2014Q4", janfeb = "feb"}, {quiet = true}).volume, "volume_feb_to2014", {"const", "iva"})
-- the treated quarter by hand: 2012Q1 = (11.4 + 11.4 + 11.9) / 3 from the file's cells
near(ytd.inputs.iva:at("2012Q1"), (11.4 + 11.4 + 11.9) / 3, 1e-12, "2012Q1 from the Jan-Feb YTD rate and March")
near(feb.inputs.iva:at("2012Q1"), (21.3 + 21.3 + 11.9) / 3, 1e-12, "2012Q1 copying February")
local lag0 = vp:run({hac_lag = 0}, {quiet = true}).volume
eq(lag0.coef.iva, ytd.volume.coef.iva, "the lag changes the errors only"); check(lag0.se.iva ~= ytd.volume.se.iva, "hac_lag is used")
checkerr(function() vp:run({market = "us"}, {quiet = true}) end, "market must be 'cn'")
checkerr(function() vp:run({janfeb = "split"}, {quiet = true}) end, "janfeb must be 'ytd' or 'feb'")

---------------------------------------------------------------------------
-- PPI defines equities, China: non-ferrous smelting troughs (bull) and
-- ferrous smelting peaks (bear) against the Shanghai Composite, 2014-01 .. 2023-11
local pe = require("rules.ppi_equities"):run({market = "cn"}, {quiet = true})
local ind = read("cn_ppi_industry_yoy_monthly.csv")
eq(pe.bull_turns.series:at("2015-12"), ind.ppi_nonferrous_smelting_index_yoy_base:at("2015-12") - 100, "yoy % = index − 100")
eq(pe.bull.n, 2); eq(table.concat(pe.bull.dates, " "), "2016-07 2023-10")
eq(pe.bear.n, 2); eq(table.concat(pe.bear.dates, " "), "2017-11 2022-04")
check(pe.bull.warning:find("only 2 events", 1, true), "the small-N warning")

-- month-end closes read by hand from the daily file
local close = {}
local months = {}
local header = true
for line in io.lines(DATA .. "cn_shanghai_composite_daily.csv") do
  if header then header = false else
    local ym, c = line:match("^(%d%d%d%d%-%d%d)%-%d%d,[^,]*,[^,]*,[^,]*,([^,]*)")
    if ym and c ~= "" then
      if not close[ym] then months[#months + 1] = ym end
      close[ym] = tonumber(c)
    end
  end
end
local function shift(ym, k)
  local y, m = ym:match("(%d+)-(%d+)")
  local t = tonumber(y) * 12 + tonumber(m) - 1 + k
  return ("%d-%02d"):format(t // 12, t % 12 + 1)
end
-- forward h-month return entering two months after the signal's data month
local function fwd(ym, h)
  local a, b = close[shift(ym, 2)], close[shift(ym, 2 + h)]
  if a and b and shift(ym, 2 + h) <= "2025-01" then return b / a - 1 end
end
local function binom_tail(k, n, p)   -- P(X >= k), X ~ Binomial(n, p)
  local s = 0
  for j = k, n do
    local c = 1
    for i = 1, j do c = c * (n - j + i) / i end
    s = s + c * p ^ j * (1 - p) ^ (n - j)
  end
  return s
end
local function by_hand(dates, h, sign)
  local sum, hits, used = 0, 0, 0
  for _, d in ipairs(dates) do
    local x = fwd(d, h)
    if x then used = used + 1; sum = sum + x; if sign * x > 0 then hits = hits + 1 end end
  end
  local pos, all = 0, 0
  for _, m in ipairs(months) do
    if m >= "2014-01" and m <= "2025-01" then
      local x = fwd(m, h)
      if x then all = all + 1; if sign * x > 0 then pos = pos + 1 end end
    end
  end
  return sum / used, hits / used, pos / all, binom_tail(hits, used, pos / all), used
end
for _, h in ipairs{1, 3, 6, 12} do
  for _, k in ipairs{"bull", "bear"} do
    local mean, hit, base, p, used = by_hand(pe[k].dates, h, k == "bull" and 1 or -1)
    near(pe[k].forward[h], mean, 1e-12, k .. " mean forward return, " .. h .. " months, by hand")
    near(pe[k].hit_rate[h], hit, 1e-12, k .. " hit rate " .. h)
    near(pe[k].base_rate[h], base, 1e-12, k .. " base rate " .. h)
    near(pe[k].hit_p[h], p, 1e-12, k .. " binomial p " .. h)
    eq(pe[k].n_used[h], used)
  end
end
-- the figures the README quotes
eq(("%.0f%% %.0f%% %.3f"):format(100 * pe.bull.hit_rate[12], 100 * pe.bull.base_rate[12], pe.bull.hit_p[12]), "100% 52% 0.271")
eq(("%.1f%%"):format(100 * pe.bull.forward[12]), "12.1%"); eq(pe.bull.n_used[12], 2, "both events have a 12-month return (prices run past the sample)")
eq(("%.0f%% %.0f%% %.3f"):format(100 * pe.bear.hit_rate[12], 100 * pe.bear.base_rate[12], pe.bear.hit_p[12]), "100% 48% 0.229", "base rate of 12-month declines")
eq(("%.1f%%"):format(100 * pe.bear.forward[12]), "-15.8%")
-- turn dates against the index's own turns: from the two turn tables
local tl = {}
for _, r in ipairs(pe.trough_leads) do tl[#tl + 1] = r.ppi and (r.equity .. "<-" .. r.ppi .. ":" .. r.lead) or r.equity end
eq(table.concat(tl, " "), "2016-02<-2015-12:2 2018-12<-2019-01:-1 2020-03 2022-10<-2023-04:-6")
local pl = {}
for _, r in ipairs(pe.peak_leads) do pl[#pl + 1] = r.ppi and (r.equity .. "<-" .. r.ppi .. ":" .. r.lead) or r.equity end
eq(table.concat(pl, " "), "2015-05 2018-01<-2017-02:11 2019-03 2021-12<-2021-10:2")
-- the other industries are parameters
local coal = require("rules.ppi_equities"):run({market = "cn", bull_ppi = "coal", bear_ppi = "chemical"}, {quiet = true})
eq(coal.bull_turns.series:at("2021-10"), 203.7 - 100, "coal mining yoy, 2021-10: +103.7% as NBS released")
checkerr(function() require("rules.ppi_equities"):run({market = "cn", bull_ppi = "steel"}, {quiet = true}) end,
         "no China PPI 'steel'; use nonferrous, ferrous")
checkerr(function() require("rules.ppi_equities"):run({market = "cn", start = "2014-13"}, {quiet = true}) end, "is not a period")

---------------------------------------------------------------------------
-- month means of daily columns, by hand: means[column][YYYY-MM]
local function daily_means(file, cols)
  local sums, counts, idx, header = {}, {}, {}, nil
  for line in io.lines(DATA .. file) do
    local cells = {}
    for c in (line .. ","):gmatch("([^,]*),") do cells[#cells + 1] = c end
    if not header then
      header = cells
      for i, name in ipairs(cells) do idx[name] = i end
    else
      local ym = cells[1]:sub(1, 7)
      for _, c in ipairs(cols) do
        local v = tonumber(cells[idx[c]])
        if v then
          sums[c] = sums[c] or {}; counts[c] = counts[c] or {}
          sums[c][ym] = (sums[c][ym] or 0) + v; counts[c][ym] = (counts[c][ym] or 0) + 1
        end
      end
    end
  end
  local out = {}
  for _, c in ipairs(cols) do
    out[c] = {}
    for ym, s in pairs(sums[c] or {}) do out[c][ym] = s / counts[c][ym] end
  end
  return out
end
local function each_month(first, last, f)
  local y, m = tonumber(first:sub(1, 4)), tonumber(first:sub(6, 7))
  while true do
    local d = ("%d-%02d"):format(y, m)
    if d > last then break end
    f(d)
    m = m + 1; if m > 12 then y, m = y + 1, 1 end
  end
end

-- policy spread, China: 10Y CGB − FR007 (month means), expanding centre and
-- percentile, term spread 10Y − 1Y, all from the daily cells
local curve = daily_means("cn_cgb_yield_curve_chinamoney_daily.csv", {"cgb_10y", "cgb_1y"})
local repo = daily_means("cn_repo_fixing_daily.csv", {"fr007", "fdr007"})
local ps = require("rules.policy_spread"):run({market = "cn"}, {quiet = true})
local spreads = {}
each_month("2002-01", "2024-01", function(d)
  local a, b = curve.cgb_10y[d], repo.fr007[d]
  if a and b then spreads[#spreads + 1] = a - b end
end)
eq(#spreads, 265, "2002-01 .. 2024-01, every month")
local mean, last = 0, spreads[#spreads]
for _, x in ipairs(spreads) do mean = mean + x / #spreads end
local at_or_below = 0
for _, x in ipairs(spreads) do if x <= last then at_or_below = at_or_below + 1 end end
near(ps.spread:at("2024-01"), last, 1e-12, "10Y − FR007, January 2024")
near(ps.centre:at("2024-01"), mean, 1e-12, "expanding centre = mean of every month so far")
near(ps.spread_rank:at("2024-01"), at_or_below / #spreads, 1e-12, "expanding percentile: share at or below")
near(ps.term:at("2024-01"), curve.cgb_10y["2024-01"] - curve.cgb_1y["2024-01"], 1e-12, "10Y − 1Y")
eq(("%.2f %.2f %.1f%%"):format(last, mean, 100 * at_or_below / #spreads), "0.38 0.85 22.6%", "the figures the README quotes")
near(ps.share_below_upper, 0.96086956521739, 1e-9)
eq(ps.reversion.n, 2); eq(ps.steep.n, 2); eq(ps.flat.n, 7); eq(ps.flat.hits, 7)
near(ps.flat.p, ps.flat.base_rate ^ 7, 1e-12, "7 of 7: binomial p = base^7")
eq(("%.1f%% %.3f"):format(100 * ps.flat.base_rate, ps.flat.p), "46.2% 0.005")
-- FDR007 from 2017-06
local psd = require("rules.policy_spread"):run({market = "cn", policy = "fdr007"}, {quiet = true})
eq(psd.spread:dropna().start, "2017-06")
near(psd.spread:at("2020-04"), curve.cgb_10y["2020-04"] - repo.fdr007["2020-04"], 1e-12, "10Y − FDR007")
checkerr(function() require("rules.policy_spread"):run({market = "cn", policy = "dr007"}, {quiet = true}) end,
         "policy must be fr007, fdr007 or shibor")
checkerr(function() require("rules.policy_spread"):run({market = "jp"}, {quiet = true}) end, "market must be 'cn' or 'us', got 'jp'")

-- CPI defines bonds, China to 2024-01: low-inflation months and the share
-- with the 10Y (month mean) below headline CPI yoy + 2, by hand
local cb = require("rules.cpi_bonds"):run({market = "cn"}, {quiet = true})
local cpi = read("cn_cpi_monthly.csv").national_yoy_pct
local low, below, low_centred = 0, 0, 0
each_month("2008-01", "2024-01", function(d)
  local c, y = cpi:at(d), curve.cgb_10y[d]
  if c and y and c <= 3 then
    low = low + 1
    if d >= "2008-12" then low_centred = low_centred + 1 end   -- the 12-month centre exists
    if y < c + 2 then below = below + 1 end
  end
end)
eq(cb.months_low, low_centred); near(cb.share_below, below / low, 1e-12, "share below the ceiling, by hand")
-- the 12-month centre of the yield against the 12-month mean of the ceiling
local months, hits = {}, 0
each_month("2007-01", "2024-01", function(d) months[#months + 1] = d end)
for i = 12, #months do
  local c = cpi:at(months[i])
  if months[i] >= "2008-12" and c <= 3 then
    local ym, cm = 0, 0
    for j = i - 11, i do ym = ym + curve.cgb_10y[months[j]] / 12; cm = cm + (cpi:at(months[j]) + 2) / 12 end
    if ym < cm then hits = hits + 1 end
  end
end
near(cb.share_centre_below, hits / low_centred, 1e-12, "centre below the ceiling's centre, by hand")
eq(cb.months_low, 148); eq(("%.1f%%"):format(100 * cb.share_centre_below), "73.0%")
eq(cb.core, false, "headline CPI: no core CPI bundled")
-- a core CPI file as a parameter: here headline − 1 pp written to a file
local tmp = os.tmpname()
local lines = {"date,core_yoy_pct"}
each_month("2008-01", "2024-01", function(d) lines[#lines + 1] = ("%s,%.17g"):format(d, cpi:at(d) - 1) end)
local f = assert(io.open(tmp, "w")); f:write(table.concat(lines, "\n"), "\n"); f:close()
local cc = require("rules.cpi_bonds"):run({market = "cn", core_file = tmp}, {quiet = true})
eq(cc.core, true)
near(cc.ceiling:at("2015-06"), cpi:at("2015-06") - 1 + 2, 1e-12, "ceiling from the core file")
checkerr(function() require("rules.cpi_bonds"):run({market = "cn", core_file = tmp, core_column = "x"}, {quiet = true}) end,
         "no column 'x'")
os.remove(tmp)

---------------------------------------------------------------------------
-- base effects, China: levels rebuilt by hand from the index cells (same
-- month last year = 100) with one base year flat, then the mom-0 projection
-- yoy_{T+k} = L_T / L_{T+k−12} − 1 and the carry-over L_{Dec}/L_{same month} − 1
local be = require("rules.base_effects"):run({market = "cn"}, {quiet = true})
local function hand_levels(column, base_year)
  local cells = {}
  each_month("2014-01", "2023-11", function(d) cells[d] = ind[column]:at(d) end)
  local L = {}
  each_month(base_year .. "-01", "2023-11", function(d)
    local y = tonumber(d:sub(1, 4))
    L[d] = y == base_year and 100 or L[("%d%s"):format(y - 1, d:sub(5))] * cells[d] / 100
  end)
  return L
end
local function hand_turn(L, last_yoy, base_mom)
  local months = {}
  each_month("2022-12", "2023-11", function(d) months[#months + 1] = d end)
  for k = 1, 12 do
    local lvl = L["2023-11"] * (1 + base_mom / 100) ^ k
    local yoy = 100 * (lvl / L[months[k]] - 1)
    if (yoy > 0) ~= (last_yoy > 0) then return ("%d-%02d"):format(k == 1 and 2023 or 2024, k == 1 and 12 or k - 1), yoy end
  end
end
for _, e in ipairs{{"nonferrous", "ppi_nonferrous_smelting_index_yoy_base"}, {"ferrous", "ppi_ferrous_smelting_index_yoy_base"},
                   {"coal", "ppi_coal_mining_index_yoy_base"}} do
  local r = be.series[e[1]]
  eq(r.base_year, 2014, e[1] .. ": the first complete year is the default base")
  local last = ind[e[2]]:at("2023-11") - 100
  near(r.last_yoy, last, 1e-12)
  for _, y in ipairs{2014, 2018, 2022} do
    local L = hand_levels(e[2], y)
    eq(r.paths[1].by_base[y] or nil, (hand_turn(L, last, 0)), e[1] .. " turn month at mom 0, base " .. y .. ", by hand")
    if y == 2014 then
      near(r.carry, 100 * (L["2022-12"] / L["2022-11"] - 1), 1e-9, e[1] .. " carry-over, by hand")
      near(r.carry + r.new, last, 1e-9, "carry + new = yoy")
      near(r.paths[1].path:at("2024-03"), 100 * (L["2023-11"] / L["2023-03"] - 1), 1e-9, e[1] .. " 2024-03 at mom 0")
      near(r.paths[2].mom, 100 * ((1 + last / 100) ^ (1 / 12) - 1), 1e-12, "the last 12 months' average mom")
      eq(r.paths[2].turn, (hand_turn(L, last, r.paths[2].mom)), e[1] .. " turn at the average mom, by hand")
      eq(r.paths[3].turn, (hand_turn(L, last, 0.2)), e[1] .. " turn at +0.2% a month, by hand")
    end
  end
end
-- how far the base-year assumption moves the turn (the figures the README quotes)
local function span(name) local m = be.series[name].paths[1]; return m.earliest .. ".." .. m.latest end
eq(span("nonferrous"), "2023-12..2024-09"); eq(span("ferrous"), "2023-12..2024-08"); eq(span("headline"), "2025-07..none")
eq(be.series.headline.base_year, 2006); eq(#be.series.headline.base_years, 19)
-- a named base year and the error for one outside the data
eq(require("rules.base_effects"):run({market = "cn", series = "ferrous", base_year = 2018}, {quiet = true}).series.ferrous.paths[1].turn, "2024-08")
checkerr(function() require("rules.base_effects"):run({market = "cn", series = "coal", base_year = 2023}, {quiet = true}) end,
         "base_year 2023 is not a complete year of PPI yoy (coal) (2014 .. 2022)")
checkerr(function() require("rules.base_effects"):run({market = "cn", series = "steel"}, {quiet = true}) end, "series must be all, headline")

---------------------------------------------------------------------------
-- fiscal revenue: single months, yoy and shares of nominal GDP by hand from
-- the year-to-date cells
local fr = require("models.fiscal_revenue"):run({}, {quiet = true})
local rev = read("cn_fiscal_revenue_monthly.csv").fiscal_revenue_ytd_100m_cny
local gdp = read("cn_gdp_ytd_quarterly.csv").gdp_ytd_100m_cny
eq(fr.single:at("2012-01"), nil, "combine: January is NA every year"); eq(fr.single:at("2012-02"), rev:at("2012-02"))
near(fr.single:at("2012-03"), rev:at("2012-03") - rev:at("2012-02"), 1e-9)
eq(fr.single:at("2019-01"), nil); eq(fr.single:at("2019-02"), 39104)
near(fr.yoy:at("2019-02"), 100 * (39104 / 36553.4 - 1), 1e-9, "Jan-Feb 2019 against Jan-Feb 2018")
eq(("%.1f"):format(fr.yoy:at("2019-02")), "7.0", "as the file's YTD yoy")
local split = require("models.fiscal_revenue"):run({janfeb = "split"}, {quiet = true})
eq(split.single:at("2019-01"), 39104 / 2); eq(split.single:at("2019-02"), 39104 / 2)
eq(split.single:at("2018-01"), rev:at("2018-01"), "before 2019 January is published")
check(fr.check_max_diff < 1e-6, "the file's single-month column agrees")
local function q(y, k) return ("%dQ%d"):format(y, k) end
local function rev_q(y, k) local v = rev:at(("%d-%02d"):format(y, 3 * k)); return k == 1 and v or v - rev:at(("%d-%02d"):format(y, 3 * k - 3)) end
local function gdp_q(y, k) local v = gdp:at(q(y, k)); return k == 1 and v or v - gdp:at(q(y, k - 1)) end
near(fr.share_ytd:at("2023Q4"), 100 * rev:at("2023-12") / gdp:at("2023Q4"), 1e-12)
near(fr.share_ytd:at("2025Q1"), 100 * rev:at("2025-03") / gdp:at("2025Q1"), 1e-12)
local num = rev_q(2023, 2) + rev_q(2023, 3) + rev_q(2023, 4) + rev_q(2024, 1)
local den = gdp_q(2023, 2) + gdp_q(2023, 3) + gdp_q(2023, 4) + gdp_q(2024, 1)
near(fr.share_4q:at("2024Q1"), 100 * num / den, 1e-9, "four-quarter revenue / four-quarter GDP, by hand")
near(fr.quarter_yoy:at("2024Q1"), 100 * (rev_q(2024, 1) / rev_q(2023, 1) - 1), 1e-9)
local a = {}
for _, x in ipairs(fr.annual) do a[x.year] = x.share end
eq(("%.1f %.1f %.1f"):format(a[2014], a[2023], a[2024]), "21.4 16.7 16.3", "revenue / GDP, the README's figures")
near(a[2023], 100 * 216784 / gdp:at("2023Q4"), 1e-12)
checkerr(function() require("models.fiscal_revenue"):run({janfeb = "feb"}, {quiet = true}) end, "janfeb must be 'combine' or 'split'")

---------------------------------------------------------------------------
-- tenor run NAME --market cn: a report on China's own series for each script
local TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
local outdir = os.tmpname(); os.remove(outdir)
local expect = {
  ["rules.ppi_equities"] = "non-ferrous smelting PPI yoy troughs -> equities up",
  ["rules.policy_spread"] = "China 10Y − FR007",
  ["rules.cpi_bonds"] = "China's core CPI is not in the bundled data",
  ["rules.base_effects"] = "PPI yoy (ferrous): last 2023-11",
  ["models.volume_price"] = "sample: 2010Q4 .. 2025Q1 (n = 58)",
  ["models.fiscal_revenue"] = "expenditure and the government fund budget are not bundled",
}
for name, text in pairs(expect) do
  local p = io.popen(("%s run %s --market cn --out %s/%s 2>&1; echo \"exit=$?\""):format(TENOR, name, outdir, name))
  local out = p:read("a"); p:close()
  check(out:find("exit=0", 1, true) and out:find(text, 1, true), name .. " --market cn: " .. out:sub(1, 300))
  local f = io.open(("%s/%s/report.md"):format(outdir, name))
  check(f ~= nil, name .. ": report.md written"); if f then f:close() end
end
os.execute("rm -rf " .. outdir)

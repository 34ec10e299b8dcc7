--[[ Fiscal revenue (seed analysis 3, the broad fiscal deficit ratio: its
revenue half).

Data: MOF national general public budget revenue (全国一般公共预算收入, via
Eastmoney), cn_fiscal_revenue_monthly.csv, 100 million yuan, year-to-date
(累计值) 2008-01 .. 2025-04; nominal GDP year-to-date (cn_gdp_ytd_quarterly.csv,
100 million yuan).

Definitions:
  single month  de-cumulated from the year-to-date totals (s:ytd_to_period).
                From 2019 MOF publishes January and February together: there
                is no January row and February holds Jan–Feb. Resolved
                explicitly by janfeb=:
                  combine  (default) every year, 2008–18 included, reports
                           Jan–Feb in February and January as NA, so that
                           February's yoy compares two Jan–Feb totals;
                  split    from 2019 half of Jan–Feb to each month, earlier
                           years as published (yoy of 2019-01 and 2019-02 then
                           compares a half with a real month: an approximation).
  yoy           100·(x_t / x_{t−12} − 1) of the single months.
  quarterly     the year-to-date total at each quarter's last month,
                de-cumulated; revenue share of nominal GDP: year-to-date
                (revenue YTD / GDP YTD at the same quarter) and over the last
                four quarters (sums of single quarters), in %.
The file's own single-month column (当月) is compared with the de-cumulated
values as a check.

General public budget expenditure and the government fund budget are not
bundled (not found as data files), so the deficit — and the broad deficit
ratio of the seed — cannot be formed yet; the report says so.

  tenor run models.fiscal_revenue --market cn --janfeb combine
]]

-- the year-to-date series with every January set to NA (Jan-Feb in February)
local function without_january(ytd)
  local v = ytd:values()
  for i, d in ipairs(ytd:dates()) do if d:sub(6, 7) == "01" then v[i] = 0 / 0 end end
  return series.new{freq = "M", start = ytd.start, values = v, n = #v, name = ytd.name}
end

-- the year-to-date totals at March, June, September, December (NA where
-- that month is missing; never an earlier month's total)
local function quarter_ends(ytd)
  local v, first
  for _, d in ipairs(ytd:dates()) do
    local m = tonumber(d:sub(6, 7))
    if m % 3 == 0 then
      first = first or ("%sQ%d"):format(d:sub(1, 4), m // 3)
      v = v or {}
      v[#v + 1] = ytd:at(d) or 0 / 0
    end
  end
  return series.new{freq = "Q", start = first, values = v, n = #v, name = ytd.name}
end

local function shift_year(ym) return ("%d%s"):format(tonumber(ym:sub(1, 4)) - 1, ym:sub(5)) end

local function pct(x) return x and x == x and ("%.1f%%"):format(x) or "NA" end

return script{
  name = "models.fiscal_revenue",
  description = "China's budget revenue: single months from year-to-date totals, yoy, share of nominal GDP (expenditure not bundled)",
  params = {
    {"market", "string", "cn", "cn only (MOF general public budget revenue)"},
    {"janfeb", "string", "combine", "combine: Jan-Feb in February every year; split: half of Jan-Feb to each month from 2019"},
    {"last", "integer", 8, "quarters printed"},
  },
  data = {"cn_fiscal_revenue_monthly.csv", "cn_gdp_ytd_quarterly.csv"},

  main = function(p, ctx)
    if p.market ~= "cn" then error("fiscal_revenue: market must be 'cn', got " .. p.market, 0) end
    local file = ctx.read("cn_fiscal_revenue_monthly.csv")
    local ytd = file.fiscal_revenue_ytd_100m_cny:rename("revenue YTD")
    local single
    if p.janfeb == "combine" then single = without_january(ytd):ytd_to_period{janfeb = "feb"}
    elseif p.janfeb == "split" then single = ytd:ytd_to_period{janfeb = "split"}
    else error("fiscal_revenue: janfeb must be 'combine' or 'split', got " .. p.janfeb, 0) end
    single = single:rename("revenue (month)")
    local out = {ytd = ytd, single = single, yoy = single:yoy():rename("revenue yoy")}
    -- the file's single-month column against the de-cumulated months
    local months = file.fiscal_revenue_month_100m_cny
    out.check_max_diff = (ytd:ytd_to_period{janfeb = "feb"} - months):abs():max()
    -- quarters: YTD at quarter ends, de-cumulated; shares of nominal GDP
    local q_ytd = quarter_ends(ytd)
    local gdp_ytd = ctx.read("cn_gdp_ytd_quarterly.csv").gdp_ytd_100m_cny
    local q_rev, q_gdp = q_ytd:ytd_to_period(), gdp_ytd:ytd_to_period()
    out.quarter = q_rev:rename("revenue (quarter)")
    out.quarter_yoy = q_rev:yoy():rename("revenue yoy (quarter)")
    out.share_ytd = (q_ytd / gdp_ytd * 100):rename("revenue / GDP, YTD %")
    out.share_4q = (q_rev:rolling(4, "sum") / q_gdp:rolling(4, "sum") * 100):rename("revenue / GDP, 4 quarters %")
    local annual = {}
    for y = 2008, 2024 do
      local r, g = ytd:at(y .. "-12"), gdp_ytd:at(y .. "Q4")
      if r and g then annual[#annual + 1] = {year = y, revenue = r, gdp = g, share = 100 * r / g} end
    end
    out.annual = annual

    ctx.print(("Budget revenue (cn, %s .. %s; Jan-Feb: %s)"):format(ytd.start, ytd.stop,
      p.janfeb == "combine" and "combined in February every year" or "split half-half from 2019"))
    ctx.print(("  de-cumulated months match the file's single-month column to %.3g (100 million yuan)"):format(out.check_max_diff))
    local last = single:dropna().stop
    ctx.print(("  latest month %s: %.0f (100 million yuan), yoy %s; year to date %.0f, yoy %s (file: %s)")
      :format(last, single:at(last), pct(out.yoy:at(last)), ytd:at(last),
              pct(100 * (ytd:at(last) / ytd:at(shift_year(last)) - 1)), pct(file.fiscal_revenue_ytd_yoy_pct:at(last))))
    ctx.print("  revenue / nominal GDP by year: " .. (function()
      local t = {}
      for _, a in ipairs(annual) do if a.year >= 2014 then t[#t + 1] = ("%d %.1f%%"):format(a.year, a.share) end end
      return table.concat(t, ", ")
    end)())
    ctx.print(dataset.new{out.quarter, out.quarter_yoy, out.share_ytd, out.share_4q}:table{last = p.last})
    ctx.print("  note: general public budget expenditure and the government fund budget are not bundled, so the"
      .. " deficit and the broad deficit ratio (seed analysis 3) cannot be formed yet.")
    return out
  end,
}

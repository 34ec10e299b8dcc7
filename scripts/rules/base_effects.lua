--[[ Base effects: when does PPI inflation turn? (基数推演)

From the last observed level of a price index and assumed month-on-month
paths, project the yoy rate `horizon` months ahead (s:project_yoy) and report
the month in which it crosses `threshold`. The projection uses the index's
own last 12 months as the base, so the path of yoy is the carry-over (翘尾,
the yoy if prices stayed at their last level) plus the new price changes
assumed; the latest observed yoy splits the same way (s:carryover: carry =
last December over the same month last year).

Markets:
  us  a monthly level index from a CSV file (file=, column=; default the US
      PPI, all commodities, BLS via FRED); paths= lists the mom % assumed.
  cn  China's PPI, headline (cn_ppi_monthly.csv, yoy %, 2006-01 .. 2025-04)
      and by industry (cn_ppi_industry_yoy_monthly.csv, 2014-01 .. 2023-11:
      non-ferrous and ferrous smelting, oil & gas extraction, coal mining,
      chemical materials; indexes with the same month last year = 100,
      yoy = index − 100). NBS publishes no level index, and a level cannot
      be rebuilt from yoy alone: the 12 monthly levels of one year are
      unknown. The script assumes one base year flat (its 12 levels equal,
      no month-on-month change within it) and chains yoy forward and back
      from it (series.index_from_yoy). That assumption is a parameter
      (base_year; 0 = the first complete year of each series) and the
      report shows the turn month under every complete base year, so the
      reader sees how far it moves. Month-on-month paths: 0, the last 12
      months' average (1 + yoy_T/100)^(1/12) − 1 (which needs no base) and
      each scenario in `scenarios`.
The turn month is the first projected month whose yoy is on the other side
of `threshold` from the last observed yoy ("none" within the horizon).

  tenor run rules.base_effects --market cn --base_year 2016 --scenarios -0.2,0.3
]]

local CN_SERIES = {   -- name, file, column, how the column holds yoy
  {"headline", "cn_ppi_monthly.csv", "ppi_yoy_pct", "pct"},
  {"nonferrous", "cn_ppi_industry_yoy_monthly.csv", "ppi_nonferrous_smelting_index_yoy_base", "base100"},
  {"ferrous", "cn_ppi_industry_yoy_monthly.csv", "ppi_ferrous_smelting_index_yoy_base", "base100"},
  {"oil_gas", "cn_ppi_industry_yoy_monthly.csv", "ppi_oil_gas_extraction_index_yoy_base", "base100"},
  {"coal", "cn_ppi_industry_yoy_monthly.csv", "ppi_coal_mining_index_yoy_base", "base100"},
  {"chemical", "cn_ppi_industry_yoy_monthly.csv", "ppi_chemical_materials_index_yoy_base", "base100"},
}

-- A level index from yoy %, the 12 months of base_year flat at 100.
local function rebuild(yoy, base_year)
  local flat = {}
  for i = 1, 12 do flat[i] = 100 end
  return series.index_from_yoy(yoy, series.new{freq = "M", start = base_year .. "-01", values = flat})
end

-- The first projected month on the other side of threshold from last_yoy.
local function turn_month(path, last_yoy, threshold)
  local above = last_yoy > threshold
  local v, d = path:values(), path:dates()
  for i = 1, #v do
    if v[i] ~= threshold and (v[i] > threshold) ~= above then return d[i] end
  end
end

-- The calendar years a monthly series covers in full.
local function complete_years(s)
  local first = tonumber(s.start:sub(1, 4)) + (s.start:sub(6, 7) == "01" and 0 or 1)
  local last = tonumber(s.stop:sub(1, 4)) - (s.stop:sub(6, 7) == "12" and 0 or 1)
  local out = {}
  for y = first, last do out[#out + 1] = y end
  return out
end

local function us_main(p, ctx)
  local index = ctx.read(p.file)[p.column]
  if not index then error(("base_effects: no column %s in %s"):format(p.column, p.file), 0) end
  index = index:dropna()
  if p.asof ~= "" then index = index:slice(nil, p.asof) end
  local yoy = index:yoy()
  local out = {last = index.stop, last_yoy = yoy:at(index.stop), paths = {}}
  ctx.print(("%s: last observation %s, yoy %.2f%%"):format(p.column, index.stop, out.last_yoy))
  for _, mom in ipairs(p.paths) do
    local path = index:project_yoy{mom = mom, horizon = p.horizon}
    local first
    local v, d = path:values(), path:dates()
    for i = 1, #v do
      if v[i] > p.threshold then first = d[i]; break end
    end
    out.paths[#out.paths + 1] = {mom = mom, first = first, path = path, final = v[#v]}
    ctx.print(("  mom %+.2f%% a month: yoy first above %g%% in %s; %s yoy %.2f%%")
      :format(mom, p.threshold, first or ("no month within " .. p.horizon), path.stop, v[#v]))
  end
  local carry, new = index:carryover()
  out.carry, out.new = carry:at(index.stop), new:at(index.stop)
  ctx.print(("  %s: yoy %.2f = carry-over %.2f + new price changes %.2f (pp)")
    :format(index.stop, out.last_yoy, out.carry, out.new))
  return out
end

-- One China series: projections under each mom path and each base year.
local function cn_series(yoy, p)
  if p.asof ~= "" then yoy = yoy:slice(nil, p.asof) end
  yoy = yoy:dropna()
  local last, last_yoy = yoy.stop, yoy:at(yoy.stop)
  local years = complete_years(yoy)
  local base = p.base_year ~= 0 and p.base_year or years[1]
  local known = false
  for _, y in ipairs(years) do known = known or y == base end
  if not known then
    error(("base_effects: base_year %d is not a complete year of %s (%d .. %d)"):format(base, yoy.name, years[1], years[#years]), 0)
  end
  local moms = {{label = "0", mom = 0}, {label = "avg 12m", mom = 100 * ((1 + last_yoy / 100) ^ (1 / 12) - 1)}}
  for _, m in ipairs(p.scenarios) do moms[#moms + 1] = {label = ("scenario %+g"):format(m), mom = m} end
  local r = {name = yoy.name, last = last, last_yoy = last_yoy, base_year = base, base_years = years, paths = moms}
  local index = rebuild(yoy, base)
  local carry, new = index:carryover()
  r.carry, r.new, r.index = carry:at(last), new:at(last), index
  for _, m in ipairs(moms) do
    m.path = index:project_yoy{mom = m.mom, horizon = p.horizon}
    m.turn = turn_month(m.path, last_yoy, p.threshold)
    m.by_base = {}
    for _, y in ipairs(years) do
      local t = turn_month(rebuild(yoy, y):project_yoy{mom = m.mom, horizon = p.horizon}, last_yoy, p.threshold)
      m.by_base[y] = t or false
      local key = t or "none"            -- "none" sorts after every month
      if not m.earliest or key < m.earliest then m.earliest = key end
      if not m.latest or key > m.latest then m.latest = key end
    end
  end
  return r
end

local function print_cn(r, p, ctx)
  ctx.print(("\n%s: last %s, yoy %.2f%%; base year %d flat: yoy = carry-over %.2f + new %.2f (pp)")
    :format(r.name, r.last, r.last_yoy, r.base_year, r.carry, r.new))
  ctx.print(("  %-16s %9s  %-9s  %s"):format("mom a month", "", "turn", ("earliest .. latest over base years %d..%d")
    :format(r.base_years[1], r.base_years[#r.base_years])))
  for _, m in ipairs(r.paths) do
    ctx.print(("  %-16s %+8.3f%%  %-9s  %s .. %s"):format(m.label, m.mom, m.turn or "none", m.earliest, m.latest))
  end
  local flat = {}
  for _, y in ipairs(r.base_years) do flat[#flat + 1] = ("%d:%s"):format(y, r.paths[1].by_base[y] or "none") end
  ctx.print("  turn at mom 0 by base year: " .. table.concat(flat, " "))
  local head = {("  %-8s %9s"):format("month", "carry")}
  for i = 2, #r.paths do head[#head + 1] = ("%14s"):format("new@" .. r.paths[i].label:gsub("scenario ", "")) end
  ctx.print(table.concat(head) .. "   (pp; carry = yoy at mom 0, new = yoy on the path − carry)")
  local carry = r.paths[1].path
  for k, d in ipairs(carry:dates()) do
    local row = {("  %-8s %9.2f"):format(d, carry[k])}
    for i = 2, #r.paths do row[#row + 1] = ("%14.2f"):format(r.paths[i].path[k] - carry[k]) end
    ctx.print(table.concat(row))
  end
end

local function cn_main(p, ctx)
  local out = {series = {}, order = {}}
  ctx.print(("Base effects, China PPI: levels rebuilt from yoy with one base year's 12 levels assumed flat; horizon %d months, turn = crossing %g%%")
    :format(p.horizon, p.threshold))
  for _, e in ipairs(CN_SERIES) do
    local name, file, column, kind = table.unpack(e)
    if p.series == "all" or p.series == name then
      local col = ctx.read(file)[column]
      local yoy = (kind == "base100" and col - 100 or col):rename(name == "headline" and "PPI yoy (headline)" or ("PPI yoy (" .. name .. ")"))
      local r = cn_series(yoy, p)
      out.series[name], out.order[#out.order + 1] = r, name
      print_cn(r, p, ctx)
    end
  end
  if #out.order == 0 then
    error("base_effects: series must be all, headline, nonferrous, ferrous, oil_gas, coal or chemical, got " .. p.series, 0)
  end
  return out
end

return script{
  name = "rules.base_effects",
  description = "the month PPI yoy turns under month-on-month paths: carry-over (翘尾) and new price changes",
  params = {
    {"market", "string", "us", "us (a level index from file=, column=) or cn (China's PPI yoy, headline and by industry)"},
    {"file", "string", "us_ppi_monthly.csv", "us: CSV file (under data_dir) holding a monthly level index"},
    {"column", "string", "ppi_all_commodities", "us: the index column"},
    {"paths", "list", {0, 0.1, 0.2}, "us: month-on-month % changes assumed for every future month, one path each"},
    {"series", "string", "all", "cn: all, headline, nonferrous, ferrous, oil_gas, coal or chemical"},
    {"base_year", "integer", 0, "cn: the year whose 12 levels are assumed flat (0: each series' first complete year)"},
    {"scenarios", "list", {0.2}, "cn: month-on-month % scenarios besides 0 and the last 12 months' average"},
    {"horizon", "integer", 12, "months projected"},
    {"threshold", "number", 0, "the yoy level whose crossing is reported"},
    {"asof", "string", "", "project from this month instead of the last observation (a past 'what if')"},
  },
  data = {"us_ppi_monthly.csv", "cn_ppi_monthly.csv", "cn_ppi_industry_yoy_monthly.csv"},

  main = function(p, ctx)
    if p.market == "us" then return us_main(p, ctx) end
    if p.market == "cn" then return cn_main(p, ctx) end
    error("base_effects: market must be 'us' or 'cn', got " .. p.market, 0)
  end,
}

--[[ Base effects: when does PPI inflation turn positive? (基数推演)

From the last observed level of a price index and assumed month-on-month
paths, project the yoy rate `horizon` months ahead (s:project_yoy) and report
the first month in which it is above `threshold`. The projection uses the
index's own last 12 months as the base, so the path of yoy is the base effect
(翘尾) plus the assumed new price changes; the script also splits the latest
observed yoy into the two (s:carryover).

The bundled China PPI is published as yoy rates only (no level index), so
the default is the US PPI (all commodities, BLS via FRED); any monthly level
index in a CSV file works through file= and column=.

  tenor -e 'require("rules.base_effects"):run{paths = "-0.2,0,0.2"}'
]]

return script{
  name = "rules.base_effects",
  description = "the month PPI yoy turns positive under flat and rising month-on-month paths",
  params = {
    {"file", "string", "us_ppi_monthly.csv", "CSV file (under data_dir) holding a monthly level index"},
    {"column", "string", "ppi_all_commodities", "the index column"},
    {"paths", "list", {0, 0.1, 0.2}, "month-on-month % changes assumed for every future month, one path each"},
    {"horizon", "integer", 12, "months projected"},
    {"threshold", "number", 0, "the yoy level whose crossing is reported"},
    {"asof", "string", "", "project from this month instead of the last observation (a past 'what if')"},
  },
  data = {"us_ppi_monthly.csv"},

  main = function(p, ctx)
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
    -- the fan: the last three years of yoy and each scenario's projected path
    local fan = {yoy:dropna():tail(36):rename(p.column .. " yoy")}
    for _, pth in ipairs(out.paths) do
      fan[#fan + 1] = pth.path:rename(("mom %+.2f%%"):format(pth.mom))
    end
    fan.title = ("%s yoy %%: projected %d months under month-on-month scenarios"):format(p.column, p.horizon)
    ctx:chart(fan)
    local carry, new = index:carryover()
    out.carry, out.new = carry:at(index.stop), new:at(index.stop)
    ctx.print(("  %s: yoy %.2f = carry-over %.2f + new price changes %.2f (pp)")
      :format(index.stop, out.last_yoy, out.carry, out.new))
    return out
  end,
}

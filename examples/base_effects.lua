-- base_effects.lua: when does PPI inflation turn positive? (基数推演)
-- From the last observed level of the US PPI (all commodities, BLS via FRED,
-- examples/data/us_ppi_monthly.csv, last value 2023-11) and three assumed
-- month-on-month paths, project the yoy rate 12 months ahead and report the
-- first month it is above zero. Then split the latest observed yoy into the
-- carry-over from last year (翘尾) and this year's new price changes.
local dir = (arg and arg[0] or ""):match("^(.*)/") or "."
local ppi = assert(data.read_csv(dir .. "/data/us_ppi_monthly.csv")).ppi_all_commodities

print(("last observation %s: yoy %.2f%%"):format(ppi.stop, ppi:yoy():at(ppi.stop)))
for _, mom in ipairs{0, 0.1, 0.2} do
  local path = ppi:project_yoy{mom = mom, horizon = 12}
  local first
  for i, d in ipairs(path:dates()) do
    if path:values()[i] > 0 then first = d; break end
  end
  print(("  mom %+.1f%% a month: yoy turns positive in %s (yoy in %s: %.2f%%)")
        :format(mom, first or "no month within 12", path.stop, path:at(path.stop)))
end

local carry, new = ppi:carryover()
print(("%s: yoy %.2f = carry-over %.2f + new price changes %.2f (percentage points)")
      :format(ppi.stop, ppi:yoy():at(ppi.stop), carry:at(ppi.stop), new:at(ppi.stop)))

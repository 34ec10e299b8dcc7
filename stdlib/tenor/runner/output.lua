--[[ tenor.runner.output: what a run leaves in its folder.

report.html and report.md (tenor.runner.report: parameters, manifest
summary, charts, tables, the printed output), the charts drawn during the
run or returned as charts = {...} (chart-N.svg), one CSV per series the
script returns (a top-level field of its result), numbers.csv (every
number in the result, flattened to dotted keys, 17 significant digits)
and manifest.json.
]]

local json = require "tenor.runner.json"
local library = require "tenor.runner.library"
local report = require "tenor.runner.report"

local M = {}

local function flatten_numbers(v, prefix, out, depth, seen)
  if depth > 4 or seen[v] then return end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do if type(k) == "string" or math.type(k) == "integer" then keys[#keys + 1] = k end end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local x = v[k]
    local name = prefix == "" and tostring(k) or (prefix .. "." .. tostring(k))
    if type(x) == "number" then out[#out + 1] = {name, x}
    elseif type(x) == "table" then flatten_numbers(x, name, out, depth + 1, seen) end
  end
end

local function write_numbers(dir, nums, files)
  if #nums == 0 then return end
  local g = assert(library.real.open(dir .. "/numbers.csv", "w"))
  g:write("key,value\n")
  for _, kv in ipairs(nums) do
    local x = kv[2]
    g:write(kv[1], ",", math.type(x) == "integer" and tostring(x) or (x ~= x and "NA" or ("%.17g"):format(x)), "\n")
  end
  g:close()
  files[#files + 1] = "numbers.csv"
end

-- The run's charts as file names in dir: those drawn during the run, then
-- the result's charts = {...} (paths, or specs drawn here), each once.
local function collect_charts(dir, result, drawn)
  local list, seen = {}, {}
  local function add(path)
    if type(path) ~= "string" then return end
    local name = path:match("^.*/([^/]+)$") or path
    if not seen[name] and library.read_all(dir .. "/" .. name) then
      seen[name] = true
      list[#list + 1] = name
    end
  end
  for _, path in ipairs(drawn or {}) do add(path) end
  local extra = type(result) == "table" and type(result.charts) == "table" and result.charts or {}
  for _, c in ipairs(extra) do
    if type(c) == "table" and not series.is(c) then
      local spec = {}
      for k, v in pairs(c) do spec[k] = v end
      spec.out = spec.out or ("%s/chart-%d.svg"):format(dir, #list + 1)
      c = plot.chart(spec)
    end
    add(c)
  end
  return list
end

--- Writes report.html, report.md, the series CSVs and numbers.csv;
--- returns the file names. info: {manifest =, charts = {paths drawn}}.
function M.write(dir, result, report_text, title, info)
  info = info or {}
  local files = {}
  local nums = {}
  if type(result) == "table" then flatten_numbers(result, "", nums, 1, {}) end
  local charts = collect_charts(dir, result, info.charts)
  for _, f in ipairs(report.write(dir, {title = title, text = report_text, result = result,
                                        manifest = info.manifest, charts = charts, numbers = nums})) do
    files[#files + 1] = f
  end
  for _, c in ipairs(charts) do files[#files + 1] = c end
  if type(result) == "table" then
    local keys = {}
    for k, v in pairs(result) do if type(k) == "string" and series.is(v) then keys[#keys + 1] = k end end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local name = k:gsub("[^%w_%-%.]", "_") .. ".csv"
      local s = result[k]
      assert(data.write_csv(dir .. "/" .. name, {s:rename(s.name or k)}))
      files[#files + 1] = name
    end
    write_numbers(dir, nums, files)
  end
  return files
end

function M.write_manifest(dir, manifest)
  local mf = assert(library.real.open(dir .. "/manifest.json", "w"))
  mf:write(json.encode(manifest), "\n")
  mf:close()
end

--- "k=1 scale=100": parameters as text, sorted by name.
function M.params_text(p)
  local keys = {}
  for k in pairs(p) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do
    local v = p[k]
    if type(v) == "table" then
      local t = {}
      for i, x in ipairs(v) do t[i] = tostring(x) end
      v = table.concat(t, ",")
    end
    parts[#parts + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(parts, " ")
end

return M

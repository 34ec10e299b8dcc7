--[[ tenor.runner.output: what a run leaves in its folder.

report.md (the printed report), one CSV per series the script returns (a
top-level field of its result), numbers.csv (every number in the result,
flattened to dotted keys, 17 significant digits) and manifest.json.
]]

local json = require "tenor.runner.json"
local library = require "tenor.runner.library"

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

local function write_numbers(dir, result, files)
  local nums = {}
  flatten_numbers(result, "", nums, 1, {})
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

--- Writes report.md, the series CSVs and numbers.csv; returns the file names.
function M.write(dir, result, report_text, title)
  local files = {}
  local f = assert(library.real.open(dir .. "/report.md", "w"))
  f:write("# ", title, "\n\n```\n", report_text, "```\n")
  f:close()
  files[#files + 1] = "report.md"
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
    write_numbers(dir, result, files)
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

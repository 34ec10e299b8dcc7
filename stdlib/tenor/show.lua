--[[ How values print at the REPL.

tenor.show(...) turns the results of an expression into the text the REPL
prints: series and datasets through their own tostring, numbers with NaN
shown as NA (the missing value), tables as a short listing.
]]

local M = {}

local MAX_ITEMS = 20
local MAX_DEPTH = 2

local function number_text(x)
  if x ~= x then return "NA" end
  if math.type(x) == "integer" then return tostring(x) end
  if x == math.huge then return "Inf" elseif x == -math.huge then return "-Inf" end
  return string.format("%.14g", x)
end

local show_value

local function key_text(k)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") then return k end
  return "[" .. show_value(k, MAX_DEPTH) .. "]"
end

local function table_text(t, depth)
  if depth >= MAX_DEPTH then return tostring(t) end
  local parts, n = {}, 0
  local len = #t
  for i = 1, len do
    n = n + 1
    if n > MAX_ITEMS then break end
    parts[#parts + 1] = show_value(t[i], depth + 1)
  end
  local keys = {}
  for k in pairs(t) do
    if not (math.type(k) == "integer" and k >= 1 and k <= len) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    n = n + 1
    if n > MAX_ITEMS then break end
    parts[#parts + 1] = key_text(k) .. " = " .. show_value(t[k], depth + 1)
  end
  if n > MAX_ITEMS then parts[#parts + 1] = string.format("... (%d more)", n - MAX_ITEMS) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

function show_value(v, depth)
  local ty = type(v)
  if ty == "number" then return number_text(v) end
  if ty == "string" then return depth > 0 and string.format("%q", v) or v end
  if ty == "table" and not (getmetatable(v) or {}).__tostring then
    return table_text(v, depth)
  end
  return tostring(v)
end

--- tenor.show(...): the text the REPL prints for the given values.
function M.show(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = show_value((select(i, ...)), 0) end
  return table.concat(out, "\t")
end

tenor.show = M.show
return M

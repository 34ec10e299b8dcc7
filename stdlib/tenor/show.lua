--[[ How values print at the REPL.

tenor.show(...) turns the results of an expression into the text the REPL
prints: series and datasets through their own tostring, numbers with NaN
shown as NA (the missing value), tables as a short listing.
]]

local doc = require "tenor.doc"

local M = {}

local MAX_ITEMS = 20
local MAX_DEPTH = 2

-- 7 significant digits at most, as R prints, NA for missing.
local function number_text_short(x)
  if x ~= x then return "NA" end
  local t = ("%.7g"):format(x)
  if t:find("e") then return t end
  return t
end

local function number_text(x)
  if x ~= x then return "NA" end
  if math.type(x) == "integer" then return tostring(x) end
  if x == math.huge then return "Inf" elseif x == -math.huge then return "-Inf" end
  return string.format("%.14g", x)
end

local show_value

local MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
local QUARTERS = {"Q1", "Q2", "Q3", "Q4"}
local MAX_YEARS = 24        -- longer series show their first 4 and last 18 years

-- Monthly and quarterly series as a year × period grid (R's print.ts);
-- other frequencies print through tostring (head and tail).
local function grid(s)
  local per = s.freq == "M" and 12 or 4
  local heads = s.freq == "M" and MONTHS or QUARTERS
  local dates, values = s:dates(), s:values()
  local rows, order = {}, {}
  for i, d in ipairs(dates) do
    local y = d:sub(1, 4)
    local k = s.freq == "M" and tonumber(d:sub(6, 7)) or tonumber(d:sub(6, 6))
    if not rows[y] then rows[y] = {}; order[#order + 1] = y end
    rows[y][k] = values[i]
  end
  -- one number of decimals for the whole grid, as R does: the most any
  -- value needs at 7 significant digits, at most 6
  local decimals = 0
  for _, v in ipairs(values) do
    if v == v then
      local t = number_text_short(v)
      local frac = t:match("%.(%d+)$")
      if frac and not t:find("e") then decimals = math.max(decimals, #frac) end
    end
  end
  decimals = math.min(decimals, 6)
  local cells, width = {}, 4
  for _, y in ipairs(order) do
    cells[y] = {}
    for k = 1, per do
      local v = rows[y][k]
      local text = v == nil and "" or (v ~= v and "NA" or ("%." .. decimals .. "f"):format(v))
      cells[y][k] = text
      width = math.max(width, #text)
    end
  end
  local header = tostring(s):match("^[^\n]*")
  local lines = {header, "      " .. table.concat((function()
    local h = {}
    for k = 1, per do h[k] = ("%" .. width .. "s"):format(heads[k]) end
    return h
  end)(), " ")}
  local shown = {}
  if #order > MAX_YEARS then
    for i = 1, 4 do shown[#shown + 1] = order[i] end
    shown[#shown + 1] = false
    for i = #order - 17, #order do shown[#shown + 1] = order[i] end
  else
    shown = order
  end
  for _, y in ipairs(shown) do
    if not y then
      lines[#lines + 1] = ("  ... %d years not shown (s:slice() or tostring(s) for others)"):format(#order - 22)
    else
      local row = {}
      for k = 1, per do row[k] = ("%" .. width .. "s"):format(cells[y][k]) end
      lines[#lines + 1] = (y .. "  " .. table.concat(row, " ")):gsub("%s+$", "")
    end
  end
  return table.concat(lines, "\n")
end

local function key_text(k)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") then return k end
  return "[" .. show_value(k, MAX_DEPTH) .. "]"
end

-- The first MAX_ITEMS entries (the sequence, then the other keys sorted),
-- and how many more there are in all.
local function table_text(t, depth)
  if depth >= MAX_DEPTH then return tostring(t) end
  local parts = {}
  local len = #t
  for i = 1, math.min(len, MAX_ITEMS) do parts[#parts + 1] = show_value(t[i], depth + 1) end
  local keys = {}
  for k in pairs(t) do
    if not (math.type(k) == "integer" and k >= 1 and k <= len) then keys[#keys + 1] = k end
  end
  if #parts < MAX_ITEMS and #keys > 0 then
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    for _, k in ipairs(keys) do
      if #parts >= MAX_ITEMS then break end
      parts[#parts + 1] = key_text(k) .. " = " .. show_value(t[k], depth + 1)
    end
  end
  local total = len + #keys
  if total > #parts then parts[#parts + 1] = string.format("... (%d more)", total - #parts) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

function show_value(v, depth)
  local ty = type(v)
  if ty == "number" then return number_text(v) end
  if ty == "string" then return depth > 0 and string.format("%q", v) or v end
  if depth == 0 and series.is(v) and (v.freq == "M" or v.freq == "Q") and #v > 0 then return grid(v) end
  if ty == "table" and not (getmetatable(v) or {}).__tostring then
    return table_text(v, depth)
  end
  return tostring(v)
end

doc.add("tenor.show", "tenor.show(...)", "The text the REPL prints for values (series grids, datasets, tables, NA).", "print(tenor.show(cpi))")
function M.show(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = show_value((select(i, ...)), 0) end
  return table.concat(out, "\t")
end

tenor.show = M.show
return M

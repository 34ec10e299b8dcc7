--[[ The dataset: named series kept in the order they came in.

A dataset is what data.read_csv returns: a table of series keyed by column
name. ds.cpi (or ds["居民消费价格指数"]) is a column; ds[1] is the first one;
#ds counts the columns; pairs(ds) walks them in order. Assigning
ds.new_name = some_series adds a column at the end; ds.name = nil drops it.
Printing a dataset gives a summary: name, frequency, span, observations,
missing values and the last value.

Columns live as plain fields, so a column may be called "names" or
"summary"; the methods stay reachable as dataset.names(ds) and so on.
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = {}
local methods = {}
local order = setmetatable({}, {__mode = "k"})   -- dataset -> {names...}
local info = setmetatable({}, {__mode = "k"})    -- dataset -> {file=, notes=...}
local mt = {__name = "dataset"}

local known = setmetatable({}, {__mode = "k"})   -- dataset -> {name = true}

-- The column names in order (a copy: callers may keep or change it).
local function live_names(ds)
  return table.move(order[ds], 1, #order[ds], 1, {})
end

doc.add("dataset.new", "dataset.new{s1, s2, ...}", "A dataset from named series, in order.", "dataset.new{cpi:yoy():rename('cpi'), ppi:yoy():rename('ppi')}")
function M.new(list, meta)
  if list ~= nil and (type(list) ~= "table" or series.is(list)) then
    error(("dataset.new: give a list of series such as {cpi, ppi} (got %s)"):format(series.is(list) and "one series" or "a " .. type(list)), 2)
  end
  if meta ~= nil and type(meta) ~= "table" then error("dataset.new: info must be a table", 2) end
  local ds = setmetatable({}, mt)
  order[ds] = {}
  known[ds] = {}
  info[ds] = meta or {}
  for i, s in ipairs(list or {}) do
    if not series.is(s) then error(("dataset.new: item %d is not a series"):format(i), 2) end
    if not s.name then error(("dataset.new: series %d has no name"):format(i), 2) end
    ds[s.name] = s
  end
  return ds
end

doc.add("dataset.is", "dataset.is(x)", "True when x is a dataset.", "dataset.is(ds)")
function M.is(x) return getmetatable(x) == mt end
M._methods = methods      -- for completion

mt.__index = function(ds, k)
  if math.type(k) == "integer" then
    local name = order[ds][k]
    return name and rawget(ds, name)
  end
  return methods[k]
end

mt.__newindex = function(ds, k, v)
  if type(k) ~= "string" then error("dataset columns are named by strings", 2) end
  if v ~= nil and not series.is(v) then
    error(("dataset column '%s' must be a series, got a %s"):format(k, type(v)), 2)
  end
  rawset(ds, k, v)
  local names, set = order[ds], known[ds]
  if v == nil then                          -- removing a column: O(columns), rare
    if set[k] then
      set[k] = nil
      for i, name in ipairs(names) do if name == k then table.remove(names, i); break end end
    end
  elseif not set[k] then                    -- adding one: O(1), so wide files load in linear time
    set[k] = true
    names[#names + 1] = k
  end
end

mt.__len = function(ds) return #order[ds] end

mt.__pairs = function(ds)
  local names, i = live_names(ds), 0
  return function()
    i = i + 1
    local name = names[i]
    if name then return name, rawget(ds, name) end
  end, ds, nil
end

doc.add("ds:names", "ds:names()", "Column names in order.", "ds:names()")
function methods.names(ds) return live_names(ds) end

doc.add("ds:columns", "ds:columns()", "The series in order.", "for _, s in ipairs(ds:columns()) do print(s.name) end")
function methods.columns(ds)
  local out = {}
  for _, name in ipairs(live_names(ds)) do out[#out + 1] = rawget(ds, name) end
  return out
end

doc.add("ds:info", "ds:info()", "Where the data came from: file, notes, freq, date_column.", "ds:info().notes")
function methods.info(ds) return info[ds] end

doc.add("ds:select", "ds:select(name, ...)", "A dataset with these columns.", "ds:select('cpi', 'ppi')")
function methods.select(ds, ...)
  local list = {}
  for i = 1, select("#", ...) do
    local name = select(i, ...)
    local s = rawget(ds, name)
    if not s then
      error(("ds:select: no column '%s' (columns: %s)"):format(tostring(name), table.concat(live_names(ds), ", ")), 2)
    end
    list[#list + 1] = s
  end
  return M.new(list, info[ds])
end

doc.add("ds:slice", "ds:slice(from, to)", "Every column sliced.", "ds:slice('2020')")
function methods.slice(ds, from, to)
  local list = {}
  for _, s in ipairs(methods.columns(ds)) do list[#list + 1] = s:slice(from, to) end
  return M.new(list, info[ds])
end

doc.add("ds:write_csv", "ds:write_csv(path, opts)", "Same as data.write_csv(path, ds, opts).", "ds:write_csv('out.csv')")
function methods.write_csv(ds, path, opts) return data.write_csv(path, ds, opts) end

local function pad(text, width, right)
  local len = utf8.len(text) or #text
  -- CJK characters take two terminal cells
  for _, c in utf8.codes(text) do if c >= 0x2E80 then len = len + 1 end end
  local fill = string.rep(" ", math.max(0, width - len))
  return right and fill .. text or text .. fill
end

doc.add("ds:table", "ds:table{last=, first=}", "The values side by side as text.", "print(ds:table{last = 12})")
args.declare("ds:table", {
  {"last", "integer", min = 1, help = "only the last n rows"},
  {"first", "integer", min = 1, help = "only the first n rows"},
})

--- ds:table{last=n, first=n}: the values side by side, one row per date
--- (rows where every column is missing are left out), as text.
function methods.table(ds, opts)
  opts = args.check("ds:table", opts)
  local cols = methods.columns(ds)
  local rows, seen = {}, {}
  local cells = {}
  for c, s in ipairs(cols) do
    local dates, values = s:dates(), s:values()
    cells[c] = {}
    for i, d in ipairs(dates) do
      if values[i] == values[i] then
        cells[c][d] = values[i]
        if not seen[d] then seen[d] = true; rows[#rows + 1] = d end
      end
    end
  end
  table.sort(rows)   -- ISO-style period strings of one frequency sort by date
  local from, to = 1, #rows
  if opts.last then from = math.max(1, #rows - opts.last + 1) end
  if opts.first then to = math.min(#rows, opts.first) end
  local widths = {}
  for c, s in ipairs(cols) do widths[c] = math.max(10, utf8.len(s.name) or #s.name) end
  local header = {pad("date", 10)}
  for c, s in ipairs(cols) do header[#header + 1] = pad(s.name, widths[c], true) end
  local out = {table.concat(header, "  ")}
  for r = from, to do
    local line = {pad(rows[r], 10)}
    for c = 1, #cols do
      local v = cells[c][rows[r]]
      line[#line + 1] = pad(v and string.format("%.4f", v) or "NA", widths[c], true)
    end
    out[#out + 1] = table.concat(line, "  ")
  end
  return table.concat(out, "\n")
end

local function last_value(s)
  local t = s:dropna()
  return #t > 0 and t[#t] or nil
end

doc.add("ds:summary", "ds:summary()", "Name, frequency, span, observations, missing and last value per column (also tostring(ds)).", "print(ds:summary())")
function methods.summary(ds)
  local cols = methods.columns(ds)
  local width = 4
  for _, s in ipairs(cols) do width = math.max(width, utf8.len(s.name) or #s.name) end
  local lines = {}
  local src = info[ds].file and (" from " .. info[ds].file) or ""
  lines[1] = ("dataset: %d series%s"):format(#cols, src)
  lines[2] = "  " .. pad("name", width) .. "  freq  start       stop          obs  missing  last"
  for _, s in ipairs(cols) do
    local n = s:count()
    local last = last_value(s)
    lines[#lines + 1] = ("  %s  %-5s %-11s %-11s %6d %8d  %s"):format(
      pad(s.name, width), s.freq, s.start, s.stop, n, #s - n,
      last and tenor.show(last) or "NA")
  end
  for _, note in ipairs(info[ds].notes or {}) do lines[#lines + 1] = "  note: " .. note end
  return table.concat(lines, "\n")
end

mt.__tostring = methods.summary

dataset = M
return M

--[[ Reading and writing data files.

data.read_csv(path, opts) -> dataset | nil, message
  A dated CSV becomes a dataset of series, one per column, in file order.
  The date column is the one named date/日期/observation_date/指标名称
  (or opts.date), else the first. The frequency is inferred from the dates
  (or opts.freq):
    2024 -> A;  2024Q1, 2024-Q1, 2024年第1季度 -> Q;  2024-01, 2024M01 -> M;
    full dates all on the first or all on the last day of distinct months
      -> M, or Q / A when the months repeat every 3 / 12 (FRED, Wind);
    full dates a whole number of weeks apart on one weekday -> W-<day>;
    other full dates -> B when all are weekdays, else D; but a file of
      weekdays with a few weekend rows (under 5% of the rows: make-up
      working days, 调休) reads as B, the weekend rows dropped, with a
      note saying how many (opts.weekends = "keep" reads it as D).
  Periods with no row are missing (business-day holidays, for instance).
  Missing cells: empty, NA, N/A, NaN, nan, ".", "--", "#N/A", null.
  UTF-8 with or without a BOM; comma, tab or semicolon separators (or
  opts.sep); quoted fields. Decimal mark: in a comma-separated file '.'
  (a comma inside a quoted number groups thousands: "1,234.5"); in a ';'
  or tab file, when every number has at most one comma and no point, the
  comma ("1,085" is 1.085, as European exports write it; s.meta.decimal_mark
  says ","), and a file mixing "1,085" with "2.5" or "1,234,567" is refused
  (nil, message). opts.decimal = "," (then '.' may group: "1.234,5") or "."
  decides for any file. Rows may run newest first (vendor exports);
  the series come out oldest first. A Wind-style export (指标名称 in the
  corner, rows such as 频率/单位/来源 above the data, a source line below)
  gives each series its unit and source in s.meta.
  opts.nrows = n reads only the first n data rows.
  Files of 4 MB and more are parsed by two threads, one on each half of
  the rows (opts.threads = 1 or 2 to choose). A half that meets anything
  unusual hands the whole file to the one-thread reader, so the result
  and every message are the same either way.
  Any problem returns nil and "file:line:col: message": a non-numeric
  cell, a date that does not parse, a duplicate or out-of-order date,
  mixed date kinds, a ragged row. Nothing is dropped silently.

data.write_csv(path, what, opts) -> true | nil, message
  what: a dataset, a list of series, or one series (all one frequency).
  Writes a wide CSV on the union of the spans; missing values are empty
  cells (opts.na to change). Dates are written as the file they came from
  wrote them, else ISO (2024, 2024-Q1, 2024-01, 2024-01-15); opts.date_format
  = "iso" | "compact" (2024Q1, 2024M01) | "start" | "end" (first / last day
  of each period). Numbers are written with the fewest digits that read back
  to the same double, padded with zeros to the fewest decimals the column had
  when it was read (so "2.30" stays "2.30"). Rows where every series is
  missing are left out (opts.all_rows = true keeps them). The file
  is written beside the target and renamed over it: a failure never leaves
  a half-written file.

data.read_xlsx(path, opts) -> dataset | nil, message
  An Excel workbook (.xlsx) read exactly as read_csv reads a CSV file:
  the same layouts (plain, FRED, Wind/iFinD/Choice with 指标名称 and
  频率/单位/来源 rows, newest first, a 数据来源 footer), the same
  missing-value tokens and inferred frequency (make-up working days
  included: opts.weekends), the same metadata. Each
  cell is taken as the text the CSV export would have: a string as
  written (numbers stored as text such as "1,234.5" are numbers), a number
  as Excel stored it, a number in a date style as its day (serial dates in
  the 1900 system, whose phantom 1900-02-29 is refused, or in the 1904
  system), an Excel error such as #N/A as missing. The table is the first
  non-empty row (its header) down, from the header's first to its last
  column; opts.range = "B3:F200" (or "B:F", or "B3" for from there on)
  reads a part of the sheet. opts.sheet: a name or a 1-based index (the
  first sheet by default). Problems return nil and "file: message" or
  "file:sheet!B12: message": not a zip, no workbook, no such sheet, a
  formula without a cached value, a shared-string table past 16 million
  strings or 1 GB, and everything read_csv would say of the cells.

data.write_xlsx(path, what, opts) -> true | nil, message
  what: a dataset, a list of series or one series (one sheet, opts.sheet
  or "data"), or {sheet_name = dataset|list|series, ...} (one sheet each,
  in the order of their names). Each sheet: a bold, frozen header row
  (with the date column) and one row per period of the union of the
  spans, the period's last day as a real date cell (shown as
  opts.date_format, an Excel number format, default yyyy-mm-dd), values
  as numbers (with the decimals they were read with), missing values as
  empty cells; rows where every series is missing are left out unless
  opts.all_rows. Numbers are written as libxlsxwriter writes them, with
  16 significant digits: what was read from a file comes back exact, a
  computed 1/7 within 1e-15 of itself. The dataset's notes (a source line such as 数据来源：Wind)
  go below the data after a blank row, as a footer. opts.meta = true writes the Wind layout instead: 指标名称
  in the corner and rows 频率/单位/来源/指标ID/更新时间 for the metadata the
  series carry (meta.freq_label, unit, source, id, updated), which
  read_xlsx and read_csv read back. Written beside the target and renamed
  over it: a failure never leaves a half-written file.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = data
local args = require "tenor.args"
-- the raw C primitives, held here: a sandboxed run removes them from `data`
local read_csv_raw, write_csv_raw = M._read_csv, M._write_csv
local read_xlsx_raw, write_xlsx_raw = M._read_xlsx, M._write_xlsx

-- Sheets of rows as the C writer takes them (fit:to_xlsx's table); a Lua
-- function, so a sandboxed run keeps it and wraps it with a readable refusal.
function M._write_table_xlsx(path, sheets) return write_xlsx_raw(path, sheets) end

args.declare("data.read_csv", {
  {"sep", "string", default = "detected: , tab ;", help = "field separator (\"\\t\" for tab)"},
  {"date", "string", default = "date/日期/observation_date/指标名称, else the first", help = "the date column's name"},
  {"freq", "string", default = "inferred from the dates", help = "A, Q, M, W, W-FRI, B or D"},
  {"nrows", "integer", min = 1, default = "all", help = "read only the first n data rows"},
  {"threads", "integer", min = 1, max = 2, default = "2 on files of 4 MB and more", help = "parser threads"},
  {"text", "string", help = "read this text instead of the file (path only names it)"},
  {"decimal", "string", choices = {".", ","}, default = "'.'; in ; and tab files ',' when every number has one comma and no point",
   help = "the decimal mark"},
  {"weekends", "string", choices = {"drop", "keep"}, default = "drop when under 5% of the rows",
   help = "weekday data with a few weekend rows (make-up working days) reads as B, those rows dropped; keep: D"},
})

doc.add("data.read_csv", "data.read_csv(path, {date=, freq=, sep=, decimal=, nrows=, text=, threads=})",
  "A dated CSV as a dataset (columns in file order); frequency inferred from the dates; FRED and Wind layouts; nil, 'file:line:col: message' on bad input. Decimal mark: '.' in comma-separated files; in ';' or tab files a comma when every number has at most one comma and no point (meta.decimal_mark = ','), refused when the file mixes both; decimal=',' or '.' decides. With text= the CSV is read from that string and path only names it in messages. Files of 4 MB and more are parsed by two threads (threads=1 or 2 to choose); the result and the messages are the same either way.",
  "local cn = assert(data.read_csv('examples/data/cn_cpi_monthly.csv'))")
-- What the C readers return, as a dataset (or their nil, message).
-- Weekday data with a few weekend rows (make-up working days) becomes B
-- unless opts.weekends = "keep" (tenor.cnbusiness).
local function as_dataset(path, opts, raw, err)
  if not raw then return nil, err end
  if raw.freq == "D" and opts.weekends ~= "keep" and not opts.freq then
    local columns, note = require("tenor.cnbusiness").weekday_file(raw.columns)
    if columns then
      raw.columns, raw.freq = columns, "B"
      raw.notes = raw.notes or {}
      raw.notes[#raw.notes + 1] = note
    end
  end
  return dataset.new(raw.columns, {
    file = path, notes = raw.notes, freq = raw.freq,
    date_column = raw.date_column, descending = raw.descending,
  })
end

function M.read_csv(path, opts)
  if type(path) ~= "string" then error("data.read_csv: path must be a string", 2) end
  opts = args.check("data.read_csv", opts)
  return as_dataset(path, opts, read_csv_raw(path, opts))
end

local function as_list(what)
  if series.is(what) then return {what} end
  if dataset.is(what) then return what:columns() end
  if type(what) == "table" then return what end
  error("data.write_csv: expected a dataset, a series or a list of series", 3)
end

args.declare("data.write_csv", {
  {"date_format", "string", choices = {"iso", "compact", "start", "end"}, default = "as read, else iso",
   help = "iso 2024-01, compact 2024M01, start/end: the period's first/last day"},
  {"sep", "string", default = ",", help = "field separator (\"\\t\" for tab)"},
  {"na", "string", default = "empty", help = "what a missing value is written as"},
  {"date_column", "string", default = "as read, else date", help = "the date column's header"},
  {"all_rows", "boolean", default = false, help = "keep rows where every series is missing"},
})

doc.add("data.write_csv", "data.write_csv(path, dataset|series|list, {date_format=, na=, sep=, all_rows=, date_column=})",
  "A wide CSV on the union of the spans, written atomically; numbers as the shortest exact text.", "data.write_csv('out.csv', ds)")

args.declare("data.read_xlsx", {
  {"sheet", "string|integer", help = "the sheet: its name or 1-based index", default = "1"},
  {"date", "string", help = "name of the date column (default: date/日期/指标名称..., else the first)"},
  {"freq", "string", help = "force the frequency (A Q M W B D) instead of inferring it"},
  {"range", "string", help = "the cells to read, such as 'B3:F200', 'B:F' or 'B3'"},
  {"nrows", "integer", min = 1, help = "read only the first n data rows"},
  {"bytes", "string", help = "read the workbook from this string; path only names it in messages"},
  {"weekends", "string", choices = {"drop", "keep"}, default = "drop when under 5% of the rows",
   help = "as read_csv's: weekday data with a few weekend rows reads as B; keep: D"},
})

function M.read_xlsx(path, opts)
  if type(path) ~= "string" then error("data.read_xlsx: path must be a string", 2) end
  opts = args.check("data.read_xlsx", opts)
  return as_dataset(path, opts, read_xlsx_raw(path, opts))
end

doc.add("data.read_xlsx", "data.read_xlsx(path, {sheet=, date=, freq=, range=, nrows=, bytes=, weekends=})",
  "An Excel workbook (.xlsx) as a dataset, read exactly as data.read_csv reads a CSV: the same layouts "
  .. "(FRED; Wind/iFinD/Choice with 指标名称, 频率/单位/来源 rows, newest first, a 数据来源 footer), "
  .. "missing-value tokens (#N/A, --, empty), inferred frequency and metadata. Date cells become days "
  .. "(1900 date system, where Excel's phantom 1900-02-29 is refused, and the 1904 system); date strings, "
  .. "shared and inline strings, and numbers stored as text are read. The table starts at the first "
  .. "non-empty row; range= picks a part of the sheet, sheet= a sheet by name or 1-based index. "
  .. "nil, 'file:sheet!B12: message' on bad input: not a zip, no workbook, a formula without a cached "
  .. "value, a shared-string table past 16 million strings or 1 GB, and all read_csv's cell errors.",
  "data.write_xlsx('cpi.xlsx', ds); local back = assert(data.read_xlsx('cpi.xlsx', {sheet = 'data'}))")


args.declare("data.write_xlsx", {
  {"sheet", "string", default = "data", help = "the sheet's name when writing one dataset"},
  {"date_format", "string", default = "yyyy-mm-dd", help = "Excel number format of the date cells"},
  {"meta", "boolean", default = false, help = "Wind layout: 指标名称 and 频率/单位/来源 rows"},
  {"all_rows", "boolean", default = false, help = "keep rows where every series is missing"},
})

-- Wind's metadata rows, in its order: label and the s.meta key read_csv gives
local META_ROWS = {{"频率", "freq_label"}, {"单位", "unit"}, {"来源", "source"},
                   {"指标ID", "id"}, {"更新时间", "updated"}}

local function sheet_name_ok(name)
  return #name > 0 and utf8.len(name) and utf8.len(name) <= 31 and not name:find("[%[%]:%*%?/\\]")
         and name:sub(1, 1) ~= "'" and name:sub(-1) ~= "'"
end

-- The head rows of a sheet of series: names, or the Wind layout.
local function sheet_head(list, corner, meta)
  local head = {{meta and "指标名称" or corner or "date"}}
  for i, s in ipairs(list) do head[1][i + 1] = s.name end
  if not meta then return head end
  for _, m in ipairs(META_ROWS) do
    local row, any = {m[1]}, false
    for i, s in ipairs(list) do
      local v = s.meta[m[2]]
      if v ~= nil then row[i + 1], any = tostring(v), true else row[i + 1] = "" end
    end
    if any then head[#head + 1] = row end
  end
  return head
end

local function series_sheet(name, what, opts, fname)
  if not sheet_name_ok(name) then
    error(("%s: sheet name '%s' is not one Excel takes (1 to 31 characters, none of [ ] : * ? / \\)"):format(fname, name), 3)
  end
  local list = as_list(what)
  local seen = {}
  for i, s in ipairs(list) do
    if not series.is(s) then error(("%s: sheet '%s' item %d is a %s, expected a series"):format(fname, name, i, type(s)), 3) end
    if s.name == nil or s.name == "" then error(("%s: sheet '%s' series %d has no name (set s.name)"):format(fname, name, i), 3) end
    if seen[s.name] then error(("%s: sheet '%s' has two series named '%s'"):format(fname, name, s.name), 3) end
    if s.freq ~= list[1].freq then
      error(("%s: sheet '%s': %s is %s, %s is %s; one sheet holds one frequency"):format(
        fname, name, list[1].name, list[1].freq, s.name, s.freq), 3)
    end
    seen[s.name] = true
  end
  if #list == 0 then error(("%s: sheet '%s' has nothing to write"):format(fname, name), 3) end
  local info = dataset.is(what) and what:info() or {}
  local foot = {}
  for i, note in ipairs(info.notes or {}) do foot[i] = {note} end
  return {name = name, head = sheet_head(list, info.date_column, opts.meta), series = list, foot = foot,
          date_format = opts.date_format, all_rows = opts.all_rows}
end

-- A table of named sheets, as opposed to a list of series.
local function is_sheet_map(what)
  if type(what) ~= "table" or series.is(what) or dataset.is(what) or what[1] ~= nil then return false end
  return next(what) ~= nil
end

function M.write_xlsx(path, what, opts)
  if type(path) ~= "string" then error("data.write_xlsx: path must be a string", 2) end
  opts = args.check("data.write_xlsx", opts)
  local sheets = {}
  if is_sheet_map(what) then
    local names = {}
    for k in pairs(what) do
      if type(k) ~= "string" then error("data.write_xlsx: sheet names must be strings", 2) end
      names[#names + 1] = k
    end
    table.sort(names)
    local lower = {}
    for _, k in ipairs(names) do
      if lower[k:lower()] then error(("data.write_xlsx: sheets '%s' and '%s' differ only in case"):format(lower[k:lower()], k), 2) end
      lower[k:lower()] = k
      sheets[#sheets + 1] = series_sheet(k, what[k], opts, "data.write_xlsx")
    end
  else
    sheets[1] = series_sheet(opts.sheet or "data", what, opts, "data.write_xlsx")
  end
  return write_xlsx_raw(path, sheets)
end

doc.add("data.write_xlsx", "data.write_xlsx(path, dataset|series|list|{sheet = dataset, ...}, {sheet=, date_format=, meta=, all_rows=})",
  "An Excel workbook: one sheet per dataset (named sheets in the order of their names), a bold frozen "
  .. "header row, real date cells (each period's last day, shown as date_format), numbers with the decimals "
  .. "they were read with, missing values as empty cells. meta = true writes the Wind layout (指标名称; "
  .. "频率/单位/来源 rows from s.meta), which read_xlsx reads back. Written beside the target and renamed "
  .. "over it, like write_csv.",
  "data.write_xlsx('out.xlsx', {yoy = ds, levels = {cpi, ppi}}, {meta = true})")

function M.write_csv(path, what, opts)
  if type(path) ~= "string" then error("data.write_csv: path must be a string", 2) end
  local o = args.check("data.write_csv", opts)
  local list = as_list(what)
  if o.date_format == nil and series.is(list[1]) then o.date_format = list[1].meta.datefmt end
  if o.date_column == nil and dataset.is(what) then o.date_column = what:info().date_column end
  return write_csv_raw(path, list, o)
end

return M

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
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local M = data
-- the raw C readers, held here: a sandboxed run removes them from `data`
local read_csv_raw, write_csv_raw = M._read_csv, M._write_csv

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
function M.read_csv(path, opts)
  if type(path) ~= "string" then error("data.read_csv: path must be a string", 2) end
  opts = args.check("data.read_csv", opts)
  -- weekends is ours (tenor.cnbusiness), not the C reader's
  local weekends = opts.weekends
  opts.weekends = nil
  local raw, err = read_csv_raw(path, opts)
  if not raw then return nil, err end
  -- weekday data with a few weekend rows (make-up working days): B, unless told to keep them
  if raw.freq == "D" and weekends ~= "keep" and not opts.freq then
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
function M.write_csv(path, what, opts)
  if type(path) ~= "string" then error("data.write_csv: path must be a string", 2) end
  local o = args.check("data.write_csv", opts)
  local list = as_list(what)
  if o.date_format == nil and series.is(list[1]) then o.date_format = list[1].meta.datefmt end
  if o.date_column == nil and dataset.is(what) then o.date_column = what:info().date_column end
  return write_csv_raw(path, list, o)
end

return M

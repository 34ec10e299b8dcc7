-- data.read_xlsx: workbooks made by openpyxl and by hand
-- (tests/fixtures/make_xlsx.py says how each was made) read exactly as
-- their CSV twins read with data.read_csv, with the same metadata; dates
-- in both of Excel's date systems; every kind of bad file gets a message
-- naming the file, and the sheet and cell where there is one.

local X = "tests/fixtures/xlsx/"

-- Two datasets are the same: names, frequency, spans, values (NaN where
-- NaN), metadata other than the file name.
local function same_dataset(a, b, what, any_order)
  local na, nb = a:names(), b:names()
  eq(#na, #nb, what .. ": columns")
  for i = 1, math.min(#na, #nb) do
    local s, t = a[i], b[i]
    eq(s.name, t.name, what .. ": name " .. i)
    eq(s.freq, t.freq, what .. ": freq of " .. s.name)
    eq(tostring(s.start), tostring(t.start), what .. ": start of " .. s.name)
    eq(#s, #t, what .. ": length of " .. s.name)
    local vs, vt = s:values(), t:values()
    for j = 1, #vs do
      if not (vs[j] == vt[j] or (vs[j] ~= vs[j] and vt[j] ~= vt[j])) then
        check(false, ("%s: %s[%d] = %s, want %s"):format(what, s.name, j, vs[j], vt[j]))
        break
      end
    end
    -- meta.decimals records how a CSV file wrote its numbers ("100.0");
    -- a workbook stores numbers, not their text, so it has none to keep
    for k, v in pairs(t.meta) do
      if k ~= "file" and k ~= "decimals" then eq(s.meta[k], v, what .. ": meta." .. k .. " of " .. s.name) end
    end
  end
  local ia, ib = a:info(), b:info()
  eq(ia.freq, ib.freq, what .. ": dataset freq")
  eq(ia.date_column, ib.date_column, what .. ": date column")
  if not any_order then eq(ia.descending, ib.descending, what .. ": newest first") end
  eq(#(ia.notes or {}), #(ib.notes or {}), what .. ": notes")
  for i, n in ipairs(ib.notes or {}) do eq(ia.notes[i], n, what .. ": note " .. i) end
end

local function both(name, xopts, copts)
  local x, e1 = data.read_xlsx(X .. name .. ".xlsx", xopts)
  local c, e2 = data.read_csv(X .. (copts and copts.twin or name) .. ".csv")
  check(x ~= nil, name .. ".xlsx: " .. tostring(e1))
  check(c ~= nil, name .. ".csv: " .. tostring(e2))
  if x and c then same_dataset(x, c, name) end
  return x
end

-- openpyxl's plain table: date cells (style yyyy-mm-dd), a gap
local plain = both("plain")
eq(plain.cpi.freq, "M", "month-end date cells are monthly")
eq(tostring(plain.cpi.start), "2022-01", "plain start")
near(plain.cpi:values()[1], 100, 0, "plain first value")
check(plain.ppi:values()[6] ~= plain.ppi:values()[6], "an empty cell is missing")
eq(plain.cpi.meta.file, X .. "plain.xlsx", "meta.file is the workbook")

-- a Wind export on sheet 2: by index and by name
local wind = both("wind", {sheet = 2})
both("wind", {sheet = "数据"})
eq(wind[1].name, "CPI:当月同比", "Chinese column name")
eq(wind[1].meta.unit, "%", "unit from the 单位 row")
eq(wind[1].meta.source, "国家统计局", "source from the 来源 row")
eq(wind[1].meta.freq_label, "月", "the 频率 row")
eq(wind:info().notes[1], "数据来源：Wind", "the source footer is a note")
check(wind:info().descending, "newest first")
eq(tostring(wind[1].start), "2021-01", "newest-first rows come out oldest first")
local ppi = wind[2]:values()
check(ppi[1] ~= ppi[1] and ppi[3] == ppi[3], "'--' is missing")

-- inline strings, rich text runs (the phonetic run is not text), numbers
-- stored as text ("1,234.5", " 2.5 "), #N/A, a formula string result, a
-- skipped row
local inline = both("inline")
near(inline.gdp:values()[1], 1234.5, 0, "number stored as text with a thousands comma")
eq(inline[2].name, "real", "rich-text runs joined, phonetic run left out")

-- date systems: the 1904 system with a custom date format, and the same
-- days in the 1900 system (times of day dropped) read alike
both("d1904")
both("d1900", nil, {twin = "d1904"})

-- a table below a title, starting at column C; range= finds it
local off, err = data.read_xlsx(X .. "offset.xlsx")
checknil(off, err, X .. "offset.xlsx:M2!1: need a date column and at least one value column")
off = assert(data.read_xlsx(X .. "offset.xlsx", {range = "C3"}))
eq(off.m2.freq, "M", "range C3: monthly")
near(off.m2:values()[3], 8.3, 0, "range C3: value")
off = assert(data.read_xlsx(X .. "offset.xlsx", {range = "C3:D5"}))
eq(#off.m2, 2, "range C3:D5 stops at row 5")
off = assert(data.read_xlsx(X .. "offset.xlsx", {range = "C:D", nrows = 1}))
eq(#off.m2, 1, "nrows = 1")

-- options the CSV reader has: date =, freq =
local ds = assert(data.read_xlsx(X .. "plain.xlsx", {freq = "D"}))
eq(ds.cpi.freq, "D", "freq = D forced")
local _, e = data.read_xlsx(X .. "plain.xlsx", {date = "when"})
eq(e, X .. "plain.xlsx:data!1: no column named 'when' for the dates", "date = a missing name")

-- bad files and bad cells
local function bad(name, opts, want)
  local got, msg = data.read_xlsx(X .. name, opts)
  check(got == nil, name .. " must not read")
  eq(msg, X .. name .. want, name)
end
bad("notzip.xlsx", nil, ": not an Excel workbook (.xlsx): the file is not a zip archive")
bad("noworkbook.xlsx", nil, ": a zip archive without an Excel workbook (no xl/workbook.xml): not an .xlsx file")
bad("formula.xlsx", nil, ":Sheet!C3: formula without a cached value (recalculate and save the workbook in Excel or LibreOffice first)")
bad("phantom.xlsx", nil, ":Sheet1!A3: date cell holds day 60 of the 1900 date system, 1900-02-29, a day that never was (Excel's leap-year bug)")
bad("badsst.xlsx", nil, ":Sheet1!B1: shared string index out of range (the table has fewer)")
bad("hugesst.xlsx", nil, ": shared-string table declares more than 16,000,000 strings: more than tenor reads (save the sheet as CSV, or keep text out of the data sheet)")
bad("badcell.xlsx", nil, ":Sheet1!B12: non-numeric value 'n.a.' in column 'x'")
bad("wind.xlsx", {sheet = 3}, ": no sheet 3: the workbook has 2 (说明, 数据)")
bad("wind.xlsx", {sheet = "CPI"}, ": no sheet named 'CPI' (sheets: 说明, 数据)")
bad("wind.xlsx", {sheet = 1}, ":说明!1: need a date column and at least one value column")
bad("missing.xlsx", nil, ": cannot open: No such file or directory")
checkerr(function() data.read_xlsx(X .. "plain.xlsx", {range = "F3:B2"}) end,
         "data.read_xlsx: option 'range' 'F3:B2' is not a range of cells such as 'B3:F200', 'B:F' or 'B3'", "bad range")
checkerr(function() data.read_xlsx(X .. "plain.xlsx", {freq = "X"}) end,
         "data.read_xlsx: option 'freq' 'X' is not a frequency (A, Q, M, W, W-FRI, B or D)", "bad freq")

-- the same bytes from a string
local f = assert(io.open(X .. "plain.xlsx", "rb"))
local bytes = f:read("a")
f:close()
same_dataset(assert(data.read_xlsx("from-memory.xlsx", {bytes = bytes})), plain, "bytes =")
local _, msg = data.read_xlsx("cut.xlsx", {bytes = bytes:sub(1, #bytes // 2)})
check(msg and msg:find("^cut%.xlsx: ") ~= nil, "a cut zip: " .. tostring(msg))
_, msg = data.read_xlsx("empty.xlsx", {bytes = ""})
check(msg and msg:find("^empty%.xlsx: ") ~= nil, "no bytes: " .. tostring(msg))

-- ---------------------------------------------------------------- writing
local tmp = os.tmpname()
os.remove(tmp)
assert(os.execute("mkdir -p " .. tmp))

-- write then read back: the same dataset
local function round_trip(ds, opts, what)
  local out = tmp .. "/" .. what .. ".xlsx"
  local ok, err = data.write_xlsx(out, ds, opts)
  check(ok == true, what .. ": write: " .. tostring(err))
  local back, e = data.read_xlsx(out)
  check(back ~= nil, what .. ": read back: " .. tostring(e))
  return back, out
end

local back = round_trip(plain, nil, "plain")
if back then same_dataset(back, plain, "plain written and read back") end
local cells = data._read_xlsx_cells(tmp .. "/plain.xlsx")
eq(cells[1][1], "date", "header corner: the date column's name")
eq(cells[2][1], "2022-01-31", "a real date cell (the period's last day)")
eq(cells[2][2], "100", "a number cell")
eq(cells[7][3], nil, "a missing value is an empty cell")

-- the Wind layout with meta = true: 指标名称, the metadata rows, Chinese names
back = round_trip(wind, {meta = true}, "wind")
if back then
  same_dataset(back, data.read_xlsx(X .. "wind.xlsx", {sheet = 2}), "wind meta = true", true)
  eq(back[1].meta.unit, "%", "unit read back")
end
cells = data._read_xlsx_cells(tmp .. "/wind.xlsx")
eq(cells[1][1], "指标名称", "Wind corner")
eq(cells[2][1], "频率", "频率 row")
eq(cells[3][1], "单位", "单位 row")
eq(cells[4][1], "来源", "来源 row")
eq(cells[5][1], "2021-01-31", "data below the metadata")
eq(cells[#cells][1], "数据来源：Wind", "the notes as a footer")
eq(cells[#cells].row, cells[#cells - 1].row + 2, "one blank row above the footer")

-- every frequency keeps its frequency through date cells
local function fill(freq, start, n, f)
  local v = {}
  for i = 1, n do v[i] = f(i) end
  return series.new{freq = freq, start = start, values = v, n = n}
end
local freqs = {
  {"A", "2001"}, {"Q", "2019Q3"}, {"M", "2020-11"}, {"W-FRI", "2024-01-05"}, {"B", "2024-02-26"}, {"D", "2024-02-27"},
}
for _, fs in ipairs(freqs) do
  local s = fill(fs[1], fs[2], 9, function(i) return i * 1.5 - 4 end):rename("x")
  local t = fill(fs[1], fs[2], 9, function(i) return i % 4 == 0 and 0 / 0 or 1 / i end):rename("y")
  local ds2 = dataset.new({s, t})
  local got = round_trip(ds2, nil, "freq_" .. fs[1])
  if got then
    eq(got.x.freq, s.freq, fs[1] .. ": frequency")
    eq(tostring(got.x.start), tostring(s.start), fs[1] .. ": start")
    local a, b = got.y:values(), t:values()
    for i = 1, #b do
      -- libxlsxwriter writes 16 significant digits: 1/7 comes back within 1e-15
      if b[i] == b[i] then near(a[i], b[i], 1e-15 * math.abs(b[i]), fs[1] .. " value " .. i)
      else check(a[i] ~= a[i], fs[1] .. " missing " .. i) end
    end
  end
end

-- several sheets, in the order of their names; sheet = and date_format =
local ok = data.write_xlsx(tmp .. "/two.xlsx", {zeta = plain, alpha = wind})
check(ok, "two sheets")
same_dataset(assert(data.read_xlsx(tmp .. "/two.xlsx", {sheet = "zeta"})), plain, "sheet zeta")
eq(assert(data.read_xlsx(tmp .. "/two.xlsx", {sheet = 1}))[1].name, "CPI:当月同比", "alpha comes first")
data.write_xlsx(tmp .. "/named.xlsx", plain.cpi, {sheet = "价格", date_format = "yyyy-mm"})
same_dataset(assert(data.read_xlsx(tmp .. "/named.xlsx", {sheet = "价格"})), plain:select("cpi"), "one series, named sheet")

-- bad calls raise before any file is touched; a write that fails leaves the old file
checkerr(function() data.write_xlsx(tmp .. "/x.xlsx", plain, {sheet = "a/b"}) end,
         "data.write_xlsx: sheet name 'a/b' is not one Excel takes", "bad sheet name")
checkerr(function() data.write_xlsx(tmp .. "/x.xlsx", {plain.cpi, plain.cpi}) end,
         "data.write_xlsx: sheet 'data' has two series named 'cpi'", "duplicate names")
checkerr(function() data.write_xlsx(tmp .. "/x.xlsx", {plain.cpi, wind[1]:to("Q", "mean")}) end,
         "one sheet holds one frequency", "mixed frequencies")
checkerr(function() data.write_xlsx(tmp .. "/x.xlsx", {A = plain, a = wind}) end,
         "data.write_xlsx: sheets 'A' and 'a' differ only in case", "sheet names clash")
checkerr(function() data.write_xlsx(tmp .. "/x.xlsx", {}) end, "has nothing to write", "nothing")
check(io.open(tmp .. "/x.xlsx") == nil, "no file after a bad call")
local f2 = io.open(tmp .. "/keep.xlsx", "w"); f2:write("old"); f2:close()
local ok2, err2 = data.write_xlsx(tmp .. "/no/such/dir/out.xlsx", plain)
check(ok2 == nil and err2:find("^" .. tmp .. "/no/such/dir/out%.xlsx: cannot write") ~= nil, "unwritable: " .. tostring(err2))

-- fit:to_xlsx: the regression table (values checked against the fit itself)
local fit = regress.ols(plain.cpi, {plain.ppi})
check(fit:to_xlsx(tmp .. "/fit.xlsx"), "fit:to_xlsx")
cells = data._read_xlsx_cells(tmp .. "/fit.xlsx")
eq(cells[1][1], "cpi", "fit: dependent variable in the corner")
eq(cells[1][2], "coefficient", "fit: header")
eq(cells[2][1], "const", "fit: first coefficient")
near(tonumber(cells[2][2]), fit.coef.const, 1e-15 * math.abs(fit.coef.const), "fit: intercept")
near(tonumber(cells[3][3]), fit.se.ppi, 1e-15 * fit.se.ppi, "fit: standard error")
local found
for _, r in ipairs(cells) do if r[1] == "observations" then found = tonumber(r[2]) end end
eq(found, fit.nobs, "fit: observations")
os.execute("rm -rf " .. tmp)

-- damaged sheets, built as zips by the fuzz harness's builder (stored
-- entries; parts: sheet XML, shared strings, styles, workbook XML)
local fz = dofile("tests/fuzz/xlsx.lua")
local function sheet_of(rows) return "<worksheet><sheetData>" .. rows .. "</sheetData></worksheet>" end
local function c(ref, v, extra) return ('<c r="%s"%s><v>%s</v></c>'):format(ref, extra or "", v) end
local function s(ref, text) return ('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>'):format(ref, text) end
local HEAD = '<row r="1">' .. s("A1", "date") .. s("B1", "x") .. "</row>"
local function damaged(rows, want, what, parts)
  local got, msg = data.read_xlsx("d.xlsx", {bytes = fz.build(sheet_of(rows) .. (parts or ""))})
  check(got == nil, what .. ": must not read")
  eq(msg, want, what)
end
damaged(HEAD .. '<row r="2">' .. s("A2", "2024-01") .. c("B2", 1) .. "</row", "d.xlsx:S: xl/worksheets/sheet1.xml line 1: not well-formed (invalid token)", "XML cut short")
damaged(HEAD .. '<row r="1">' .. c("B1", 1) .. "</row>", "d.xlsx:S!1: rows out of order in the sheet (1): the file is damaged", "row twice")
damaged(HEAD .. '<row r="2">' .. c("B2", 1) .. c("A2", 2) .. "</row>", "d.xlsx:S!A2: cells out of order in the row: the file is damaged", "cells backwards")
damaged(HEAD .. '<row r="2">' .. c("B3", 1) .. "</row>", "d.xlsx:S!2: cell reference 'B3' is not in this row: the file is damaged", "cell in the wrong row")
damaged(HEAD .. '<row r="2">' .. c("B2", 1, ' t="q"') .. "</row>", "d.xlsx:S!B2: unknown cell type 'q'", "cell type")
damaged(HEAD .. '<row r="2">' .. s("A2", "2024-01") .. c("B2", 1) .. c("D2", 1) .. "</row>",
        "d.xlsx:S!2: cell D2 lies right of the table, whose header ends at column B (read a part of the sheet with range=, such as 'B3:F200')", "cell past the header")
damaged('<row r="1">' .. s("B1", "date") .. s("C1", "x") .. '</row><row r="2">' .. s("A2", "2024-01") .. "</row>",
        "d.xlsx:S!2: cell A2 lies left of the table, whose header starts at column B (read a part of the sheet with range=, such as 'B3:F200')", "cell before the header")
damaged(HEAD .. '<row r="2">' .. c("A2", 60, ' s="1"') .. c("B2", 1) .. "</row>",
        "d.xlsx:S!A2: date cell holds day 60 of the 1900 date system, 1900-02-29, a day that never was (Excel's leap-year bug)", "phantom day",
        "\0<sst/>\0<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>")
damaged(HEAD .. '<row r="2">' .. c("A2", "1e9", ' s="1"') .. c("B2", 1) .. "</row>",
        "d.xlsx:S!A2: date cell holds 1e9, not a day Excel can show", "date past 9999",
        "\0<sst/>\0<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>")
damaged("", "d.xlsx:S: the sheet is empty", "no cells")
-- the 1904 system through the workbook part; the 1900 phantom day is a day there
local ok3 = data.read_xlsx("d.xlsx", {bytes = fz.build(sheet_of(HEAD .. '<row r="2">' .. c("A2", 60, ' s="1"') .. c("B2", 1)
  .. '</row><row r="3">' .. c("A3", 91, ' s="1"') .. c("B3", 2) .. "</row>")
  .. "\0<sst/>\0<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
  .. '\0<workbook><workbookPr date1904="true"/><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>')})
check(ok3 ~= nil, "1904 system via workbookPr")
if ok3 then eq(tostring(ok3.x.start), "1904-03", "1904: day 60 is 1904-03-01") end

-- make-up working days: weekday data with a weekend row reads as B, as read_csv reads it
do
  local rows, csv, r = {HEAD}, {"date,x"}, 1
  for day = 1, 29 do
    local date = ("2024-02-%02d"):format(day)
    local dow = (day + 3) % 7            -- 2024-02-01 is a Thursday: 4
    if (dow ~= 0 and dow ~= 6) or day == 4 then   -- Sunday 2024-02-04 was a working day
      r = r + 1
      rows[#rows + 1] = ('<row r="%d">'):format(r) .. s("A" .. r, date) .. c("B" .. r, day) .. "</row>"
      csv[#csv + 1] = date .. "," .. day
    end
  end
  local bytes = fz.build(sheet_of(table.concat(rows)))
  local got = assert(data.read_xlsx("mk.xlsx", {bytes = bytes}))
  local want = assert(data.read_csv("mk.csv", {text = table.concat(csv, "\n") .. "\n"}))
  eq(got.x.freq, "B", "weekdays and one make-up Sunday read as B")
  eq(got.x.freq, want.x.freq, "as read_csv reads the same rows")
  eq((got:info().notes or {})[1], (want:info().notes or {})[1], "with read_csv's note")
  eq(assert(data.read_xlsx("mk.xlsx", {bytes = bytes, weekends = "keep"})).x.freq, "D", "weekends = keep: D")
end

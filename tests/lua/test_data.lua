-- data.read_csv / data.write_csv: every bundled file loads with the
-- frequency and span its SOURCES.md entry gives, round-trips byte for byte,
-- and every kind of bad input gets a message naming file, line and column.

local DATA = "examples/data/"
local tmpdir = os.tmpname()
os.remove(tmpdir)
assert(os.execute("mkdir -p " .. tmpdir))

local function write_file(name, text)
  local path = tmpdir .. "/" .. name
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

local function read_all(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  return text
end

-- file, freq, first, last, columns: from examples/data/SOURCES.md ("Range")
local expected = {
  -- the last row of these two (2024-01-05) pads zeros ("1.7000") where the
  -- other rows do not; the writer uses one precision per column, so that
  -- row alone differs as text while every value reads back equal
  {"cn_cgb_yield_curve_chinamoney_daily.csv", "D", "2002-01-04", "2024-01-05", 6, {weekends = "keep"}, padded = "2024-01-05"},
  {"cn_cpi_monthly.csv", "M", "2008-01", "2025-09", 12},
  {"cn_fiscal_revenue_monthly.csv", "M", "2008-01", "2025-04", 3},
  {"cn_gdp_real_yoy_releases.csv", "B", "2011-01-20", "2025-04-16", 1},  -- release dates, all weekdays
  {"cn_gdp_ytd_quarterly.csv", "Q", "2006Q1", "2025Q1", 8},
  {"cn_govt_bond_yields_daily.csv", "D", "2002-01-04", "2022-10-21", 4, {weekends = "keep"}},  -- has weekend make-up days
  {"cn_industrial_value_added_monthly.csv", "M", "2008-02", "2025-04", 2},
  {"cn_money_supply_monthly.csv", "M", "2008-01", "2025-09", 6},
  {"cn_nbs_price_indexes_sample.csv", "M", "2024-07", "2025-07", 16},
  {"cn_ppi_industry_yoy_monthly.csv", "M", "2014-01", "2023-11", 5},
  {"cn_ppi_monthly.csv", "M", "2006-01", "2025-04", 3},
  {"cn_repo_fixing_daily.csv", "D", "2000-01-04", "2024-01-05", 6, {weekends = "keep"}, padded = "2024-01-05"},
  {"cn_shanghai_composite_daily.csv", "B", "1990-12-19", "2026-06-08", 5},
  {"cn_shibor_daily.csv", "D", "2015-05-08", "2025-05-30", 8, {weekends = "keep"}},
  {"us_cpi_fred_monthly.csv", "M", "1913-01", "2023-11", 4},
  {"us_cpi_u_nsa_monthly.csv", "M", "1913-01", "2026-05", 1},
  {"us_gdp_fred_quarterly.csv", "Q", "1947Q1", "2025Q3", 3},
  {"us_gdp_quarterly.csv", "Q", "1947Q1", "2024Q4", 2},
  {"us_industrial_production_monthly.csv", "M", "1919-01", "2021-01", 1},
  {"us_ppi_monthly.csv", "M", "1913-01", "2023-11", 12},
  {"us_rates_fred_monthly.csv", "M", "1934-01", "2023-11", 7},
  {"us_sp500_shiller_monthly.csv", "M", "1871-01", "2023-09", 9},
  {"us_treasury_10y_monthly.csv", "M", "1953-04", "2026-06", 1},
}

-- (the two daily files with make-up Saturdays read as B by default: tests/lua/test_cnbusiness.lua)
for _, e in ipairs(expected) do
  local file, freq, first, last, ncols, opts = table.unpack(e)
  local ds, err = data.read_csv(DATA .. file, opts)
  if check(ds ~= nil, file .. ": " .. tostring(err)) then
    eq(#ds, ncols, file .. " columns")
    eq(ds[1].freq, freq, file .. " freq")
    eq(ds[1].start, first, file .. " start")
    eq(ds[1].stop, last, file .. " stop")
    local out = tmpdir .. "/" .. file
    check(data.write_csv(out, ds), file .. " written")
    local text, want = read_all(out), read_all(DATA .. file)
    if e.padded then   -- byte for byte up to the padded row, which is the last
      local cut = want:find("\n" .. e.padded, 1, true)
      eq(text:sub(1, cut), want:sub(1, cut), file .. " round-trips byte for byte before " .. e.padded)
    else
      eq(text, want, file .. " round-trips byte for byte")
    end
    local back = data.read_csv(out, opts)
    for i, s in ipairs(ds:columns()) do check(back[i] == s, file .. " column " .. s.name .. " reads back equal") end
  end
end

-- the China additions: counts and spot values that SOURCES.md states (row
-- counts: read with the make-up Saturdays, which read as B would drop)
local repo = assert(data.read_csv(DATA .. "cn_repo_fixing_daily.csv", {weekends = "keep"}))
eq(repo.fr007:count(), 6009, "FR007 has a value on all 6009 rows")
eq(repo.fdr007:count(), 1650, "FDR* have 1650 values"); eq(repo.fdr007:dropna().start, "2017-05-31")
eq(repo.fr014:dropna().start, "2009-06-29"); eq(repo.fr007:at("2013-06-20"), 10.77); eq(repo.fr001:at("2013-06-20"), 12.85)
local curve = assert(data.read_csv(DATA .. "cn_cgb_yield_curve_chinamoney_daily.csv", {weekends = "keep"}))
eq(curve.cgb_10y:count(), 5499); eq(curve.cgb_2y:dropna().start, "2006-03-01")
local ind = assert(data.read_csv(DATA .. "cn_ppi_industry_yoy_monthly.csv"))
eq(ind.ppi_ferrous_smelting_index_yoy_base:at("2023-11"), 97.7); eq(ind.ppi_coal_mining_index_yoy_base:at("2021-10"), 203.7)
local fiscal = assert(data.read_csv(DATA .. "cn_fiscal_revenue_monthly.csv"))
eq(fiscal.fiscal_revenue_ytd_100m_cny:count(), 201, "201 rows: no January row 2019-2025")
eq(fiscal.fiscal_revenue_ytd_100m_cny:at("2019-01"), nil); eq(fiscal.fiscal_revenue_ytd_100m_cny:at("2024-06"), 115913)

-- nrows: only the first rows
local first = assert(data.read_csv(DATA .. "us_treasury_10y_monthly.csv", {nrows = 3}))
eq(first.tsy_10y.stop, "1953-06"); eq(#first.tsy_10y, 3)

-- spot values against the files' own text
local cpi = assert(data.read_csv(DATA .. "us_cpi_fred_monthly.csv"))
eq(cpi.cpi_all_sa:at("2023-11"), 307.917); eq(cpi.cpi_all_sa:at("1913-01"), nil)
eq(cpi.cpi_all_nsa:at("1913-01"), 9.8)
local ip = assert(data.read_csv(DATA .. "cn_industrial_value_added_monthly.csv"))
eq(ip.iva_yoy_pct:at("2009-01"), nil, "January has no row: missing")
local nsa = assert(data.read_csv(DATA .. "us_cpi_u_nsa_monthly.csv"))
eq(nsa.cpi_u_nsa:count(), 1360, "one month (no row in the file) is missing")
local sh = assert(data.read_csv(DATA .. "cn_shanghai_composite_daily.csv"))
eq(sh.close:at("2026-06-08"), 3959.338); eq(sh.close.freq, "B")
eq(#sh, 5); eq(sh[4].name, "close", "ds[i] in file order")
local names = {}
for name in pairs(sh) do names[#names + 1] = name end
eq(table.concat(names, ","), "open,high,low,close,volume", "pairs in file order")
check(tostring(sh):find("close", 1, true), "summary lists columns")

-- layouts analysts get from vendors
local p = write_file("fred.csv", "observation_date,CPIAUCSL\n1947-01-01,21.48\n1947-02-01,.\n1947-03-01,22.0\n")
local fred = assert(data.read_csv(p))
eq(fred.CPIAUCSL.freq, "M", "first-of-month dates are monthly"); eq(fred.CPIAUCSL:at("1947-02"), nil, "'.' is missing")
eq(fred.CPIAUCSL.meta.datefmt, "start")
data.write_csv(p .. ".out", fred)
eq(read_all(p .. ".out"), "observation_date,CPIAUCSL\n1947-01-01,21.48\n1947-03-01,22.0\n")
local q = assert(data.read_csv(write_file("fredq.csv", "DATE,GDP\n2020-01-01,1\n2020-04-01,2\n2020-07-01,3\n")))
eq(q.GDP.freq, "Q")
local ann = assert(data.read_csv(write_file("a.csv", "date,x\n2020-12-31,1\n2021-12-31,2\n")))
eq(ann.x.freq, "A"); eq(ann.x.start, "2020")
local wk = assert(data.read_csv(write_file("w.csv", "date,x\n2024-01-05,1\n2024-01-12,2\n2024-01-26,4\n")))
eq(wk.x.freq, "W-FRI"); eq(wk.x:at("2024-01-19"), nil, "a skipped week is missing"); eq(#wk.x, 4)
local bomcrlf = assert(data.read_csv(write_file("bom.csv", "\239\187\191date,x\r\n2024-01,1\r\n2024-02,2\r\n")))
eq(bomcrlf.x:at("2024-02"), 2, "BOM and CRLF")
local tab = assert(data.read_csv(write_file("t.tsv", "date\tx\ty\n2024Q1\t1\t\n2024Q2\t2\t3\n")))
eq(tab.y:at("2024Q2"), 3); eq(tab.y:at("2024Q1"), nil)
local zh = assert(data.read_csv(write_file("zh.csv",
  "日期,\"居民消费价格指数,当月同比\",工业增加值\n2025年01月份,0.5,--\n2025年02月份,-0.7,5.9\n")))
eq(zh["居民消费价格指数,当月同比"]:at("2025-02"), -0.7, "Chinese names, quoted comma")
eq(zh["工业增加值"]:at("2025-01"), nil, "'--' is missing")
local wind = assert(data.read_csv(write_file("wind.csv", table.concat({
  "指标名称,CPI:当月同比,PPI:全部工业品:当月同比",
  "频率,月,月", "单位,%,%", "来源,国家统计局,国家统计局",
  "2025-03-31,-0.1,-2.5", "2025-02-28,-0.7,-2.2", "2025-01-31,0.5,-2.3", "", "数据来源：Wind", ""}, "\n"))))
local wc = wind["CPI:当月同比"]
eq(wc.freq, "M", "month-end stamps"); eq(wc.start, "2025-01", "newest-first rows come out oldest first")
eq(wc:at("2025-03"), -0.1); eq(wc.meta.unit, "%"); eq(wc.meta.source, "国家统计局")
eq(wind:info().notes[1], "数据来源：Wind", "source line kept as a note")
local grouped = assert(data.read_csv(write_file("g.csv", "date,x\n2024-01,\"1,234.5\"\n2024-02,\"12,345,678\"\n")))
eq(grouped.x:at("2024-01"), 1234.5); eq(grouped.x:at("2024-02"), 12345678)
local forced = assert(data.read_csv(write_file("f.csv", "when,x\n2024-01-31,1\n2024-02-29,2\n"), {date = "when", freq = "M"}))
eq(forced.x.start, "2024-01")
local negz = assert(data.read_csv(write_file("z.csv", "date,x\n2024,-0\n2025,nan\n")))
eq(1 / negz.x:at("2024"), -math.huge, "-0 kept"); eq(negz.x:at("2025"), nil, "nan is missing")

-- bad input: nil plus "file:line:col: message"
local function bad(name, text, pattern, opts)
  local path = write_file(name, text)
  local ds, err = data.read_csv(path, opts)
  checknil(ds, err, pattern)
  if err then check(err:sub(1, #path) == path, "message starts with the path: " .. err) end
end
bad("nonnum.csv", "date,x,y\n2024-01,1,2\n2024-02,1,abc\n", ":3:3: non-numeric value 'abc' in column 'y'")
bad("dup.csv", "date,x\n2024-01,1\n2024-02,2\n2024-02,3\n", ":4:1: duplicate date: period 2024-02 also on line 3")
bad("unsorted.csv", "date,x\n2024-01,1\n2024-03,2\n2024-02,3\n", ":4:1: dates out of order")
bad("baddate.csv", "date,x\n2024-01,1\n2024-13,2\n", ":3:1: date '2024-13' does not parse: month out of range")
bad("mixed.csv", "date,x\n2024-01,1\n2024-Q2,2\n", ":3:1: mixed frequencies in the date column: '2024-Q2' is a quarter, but line 2 has a month")
bad("ragged.csv", "date,x,y\n2024-01,1,2\n2024-02,1\n", ":3: row has 2 fields, the header has 3")
bad("empty.csv", "", ": empty file")
bad("header.csv", "date,x\n", ": no data rows below the header")
bad("nul.csv", "date,x\n2024-01,1\0\n", ":2: NUL byte in the file")
bad("gbk.csv", "date,\205\250\n2024-01,1\n", ":1:2: column name is not valid UTF-8")
bad("quote.csv", "date,x\n2024-01,\"1\n", ":2:2: unterminated quoted field")
bad("big.csv", "date,x\n2024-01,1e999\n", ":2:2: number '1e999' in column 'x' is out of range")
bad("year0.csv", "date,x\n0000-01,1\n", "year out of range")
bad("year5.csv", "date,x\n99999,1\n", "year out of range")
bad("dupcol.csv", "date,x,x\n2024-01,1,2\n", ":1:3: duplicate column name 'x'")
bad("weekend.csv", "date,x\n2024-01-12,1\n2024-01-13,2\n", "not a business day", {freq = "B"})
bad("samemonth.csv", "date,x\n2024-01-30,1\n2024-01-31,2\n", ":3:1: duplicate date: period 2024-01", {freq = "M"})
bad("nodate.csv", "date,x\n2024-01,1\n", "no column named 'when'", {date = "when"})
bad("after_note.csv", "date,x\n2024-01,1\nSource: x,\n2024-02,2\n", ":4: data row after the note")
local none, err = data.read_csv(tmpdir .. "/does-not-exist.csv")
checknil(none, err, "does-not-exist.csv: cannot open: No such file or directory")
checkerr(function() data.read_csv(DATA .. "us_gdp_quarterly.csv", {freq = "X"}) end, "data.read_csv: option 'freq' 'X' is not a frequency")

-- writing
local a = series.new{freq = "M", start = "2024-01", values = {1, 2}, name = "a"}
local b = series.new{freq = "M", start = "2024-02", values = {0.1 + 0.2, nil, 5}, name = "b"}
local out = tmpdir .. "/w.csv"
check(data.write_csv(out, {a, b}))
eq(read_all(out), "date,a,b\n2024-01,1,\n2024-02,2,0.30000000000000004\n2024-04,,5\n",
   "union of spans, shortest exact numbers, all-missing rows left out")
check(data.write_csv(out, {a, b}, {all_rows = true, date_format = "end", na = "NA"}))
eq(read_all(out), "date,a,b\n2024-01-31,1,NA\n2024-02-29,2,0.30000000000000004\n2024-03-31,NA,NA\n2024-04-30,NA,5\n")
check(data.write_csv(out, a, {date_format = "compact"}))
eq(read_all(out), "date,a\n2024M01,1\n2024M02,2\n")
local qs = series.new{freq = "Q", start = "2024Q1", values = {1}, name = "q"}
checkerr(function() data.write_csv(out, {a, qs}) end, "frequencies differ")
checkerr(function() data.write_csv(out, {a, a}) end, "two series are named 'a'")
checkerr(function() data.write_csv(out, {series.new{freq = "M", start = "2024-01", values = {1}}}) end, "has no name")
local ok, werr = data.write_csv(tmpdir .. "/no/such/dir/x.csv", a)
checknil(ok, werr, "cannot write")
eq(read_all(out), "date,a\n2024M01,1\n2024M02,2\n", "a failed write leaves the old file alone")
os.execute("rm -rf " .. tmpdir)

-- text= reads a CSV from a string; a large one allocates enough to run the
-- garbage collector mid-read (a fuzz finding: the copy was left unanchored)
local big = {"date,x,y"}
for i = 0, 2999 do big[#big + 1] = ("%d-%02d,%d,%.17g"):format(1800 + i // 12, i % 12 + 1, i, i / 7) end
local fromtext = assert(data.read_csv("memory.csv", {text = table.concat(big, "\n") .. "\n"}))
eq(#fromtext.x, 3000); eq(fromtext.x:at("2049-12"), 2999); near(fromtext.y:at("1800-02"), 1 / 7, 1e-15)
local _, terr = data.read_csv("memory.csv", {text = "date,x\n2024-01,1\n2024-02,zz\n"})
eq(terr, "memory.csv:3:2: non-numeric value 'zz' in column 'x'", "messages name the given path")

-- Two threads (threads=2, the default on files of 4 MB and more) read the
-- two halves of the body at once; they must give exactly what one thread
-- gives, and on anything unusual the same message, whichever half it is in.
local function both(name, text)
  local one, e1 = data.read_csv(name, {text = text, threads = 1})
  local two, e2 = data.read_csv(name, {text = text, threads = 2})
  return one, two, e1, e2
end
local function same_result(name, text)
  local one, two, e1, e2 = both(name, text)
  if not one then return eq(e2, e1, name .. ": same message") end
  check(two ~= nil, name .. ": two threads read it too")
  if not two then return end
  eq(table.concat(two:names(), ","), table.concat(one:names(), ","), name .. ": names")
  for _, n in ipairs(one:names()) do
    local a, b = one[n], two[n]
    eq(b.freq, a.freq, name .. ": frequency"); eq(b.start, a.start, name .. ": start")
    eq(#b, #a, name .. ": length")
    local va, vb, diff = a:values(), b:values(), 0
    for i = 1, #va do if not (va[i] == vb[i] or (va[i] ~= va[i] and vb[i] ~= vb[i])) then diff = diff + 1 end end
    eq(diff, 0, name .. ": values of " .. n)
    eq(b.meta.decimals, a.meta.decimals, name .. ": decimals of " .. n)
  end
end
local rows = {"date,a,b"}
for i = 0, 199 do
  rows[#rows + 1] = ("%d-%02d-01,%s,%s"):format(1900 + i // 12, i % 12 + 1,
    i % 17 == 0 and "NA" or ("%.3f"):format(i / 3), i % 5 == 0 and "" or ("%.1f"):format(-i))
end
local function text(list) return table.concat(list, "\n") .. "\n" end
same_result("plain.csv", text(rows))
same_result("crlf.csv", table.concat(rows, "\r\n") .. "\r\n")
local blanks = {table.unpack(rows)}
for i = 3, 40 do blanks[i] = blanks[i] .. "\n" end            -- blank lines in the first half
same_result("blanks.csv", text(blanks))
same_result("descending.csv", "date,a,b\n" .. text((function()
  local r = {}; for i = #rows, 2, -1 do r[#r + 1] = rows[i] end; return r end)()))
same_result("one_row.csv", "date,a\n2024-01,1\n")
same_result("grouped.csv", 'date,a\n2024-01,"1,234.5"\n2024-02,2\n2024-03,3\n2024-04,4\n')
for _, at in ipairs({10, 190}) do       -- a problem in the first half, then in the second
  local bad = {table.unpack(rows)}
  bad[at] = bad[at]:gsub(",[^,]*$", ",zz")
  same_result("bad" .. at .. ".csv", text(bad))
  bad = {table.unpack(rows)}; bad[at] = bad[at] .. ",9"
  same_result("ragged" .. at .. ".csv", text(bad))
  bad = {table.unpack(rows)}; bad[at] = "2024-13-01,1,2"
  same_result("baddate" .. at .. ".csv", text(bad))
  bad = {table.unpack(rows)}; bad[at] = bad[at - 1]
  same_result("dupdate" .. at .. ".csv", text(bad))
end
local mixed = {table.unpack(rows)}
for i = 150, #mixed do mixed[i] = mixed[i]:gsub("^(%d+%-%d+)%-01", "%1") end   -- months after days
same_result("mixed.csv", text(mixed))
local footer = {table.unpack(rows)}; footer[#footer + 1] = "Source: made up,,"
same_result("footer.csv", text(footer))
local _, ferr = data.read_csv("footer.csv", {text = text(footer), threads = 2})
eq(ferr, nil, "a footer note is read by the serial reader")
checkerr(function() data.read_csv("x.csv", {text = "date,a\n2024-01,1\n", threads = 3}) end,
         "data.read_csv: option 'threads' must be >= 1 and <= 2 (got 3)")
do
  local d = assert(data.read_csv("examples/data/us_gdp_quarterly.csv"))
  checkerr(function() d:select("nosuch") end, "ds:select: no column 'nosuch' (columns: ")
  checkerr(function() d:table{lst = 3} end, "ds:table: unknown option 'lst' (did you mean 'last'?")
end

-- Decimal commas (issue 17). A ';' or tab file whose numbers all have at
-- most one comma and no point is read with a decimal comma ("1,085" is
-- 1.085, as the European exporter meant, not 1085); a file mixing "1,085"
-- with "2.5" or "1,234,567" is refused with a message naming both cells;
-- {decimal = ","} and {decimal = "."} say it outright. Values by hand.
do
  local function read(text, o) o = o or {}; o.text = text; return data.read_csv("eu.csv", o) end
  local eu = assert(read("Datum;Preis;Menge\n2024-01;1,085;12\n2024-02;-0,5;13\n2024-03;;7,25\n"))
  eq(eu.Preis:at("2024-01"), 1.085, "1,085 is 1.085"); eq(eu.Preis:at("2024-02"), -0.5)
  eq(eu.Preis:at("2024-03"), nil, "empty is missing"); eq(eu.Menge:at("2024-03"), 7.25)
  eq(eu.Preis.meta.decimal_mark, ","); eq(eu.Preis.meta.decimals, 1, "fewest decimals written: 1 (-0,5)")
  local _, err = read("date;x\n2024-01;1,085\n2024-02;2.5\n")
  eq(err, "eu.csv:2:2: '1,085' reads as a decimal comma, but line 3 has '2.5': say which mark the file uses "
       .. "with {decimal = \",\"} (1,085 = 1.085) or {decimal = \".\"} (1,085 = 1085)")
  local _, err2 = read("date;x\n2024-01;1,234,567\n2024-02;1,5\n")
  check(err2 and err2:find("eu.csv:3:2: '1,5' reads as a decimal comma, but line 2 has '1,234,567'", 1, true), tostring(err2))
  eq(read("date;x\n2024-01;1,085\n2024-02;2.5\n", {decimal = "."}).x:at("2024-01"), 1085, "decimal = '.': grouping")
  local grouped = assert(read("date;x\n2024-01;1.234,5\n2024-02;7\n", {decimal = ","}))
  eq(grouped.x:at("2024-01"), 1234.5, "1.234,5 with decimal = ','")
  local _, err3 = read("date;x\n2024-01;1,5\n2024-02;2.5\n", {decimal = ","})
  eq(err3, "eu.csv:3:2: non-numeric value '2.5' in column 'x' (read with {decimal = \",\"})")
  eq(read("date,x\n2024-01,\"1,085\"\n2024-02,2\n").x:at("2024-01"), 1085, "comma-separated files: quoted commas group thousands")
  eq(read("date,x\n2024-01,\"1,085\"\n2024-02,2\n", {decimal = ","}).x:at("2024-01"), 1.085)
  eq(read("date\tx\n2024-01\t3,25\n").x:at("2024-01"), 3.25, "tab-separated too")
  eq(read("date;x\n2024-01;1.5\n2024-02;2\n").x.meta.decimal_mark, nil, "no comma: the point as usual")
  checkerr(function() read("date;x\n2024-01;1\n", {decimal = "x"}) end, "data.read_csv: option 'decimal' must be one of ., , (got 'x')")
  -- hostile: marks that are neither
  for _, cell in ipairs{"1,,5", ",", "1,5,", "1.2.3", "1,5e", "--1,5", "1,5 5", "1.23,5"} do
    local ds, e = read("date;x\n2024-01;" .. cell .. "\n")
    check(ds == nil and e:find("non-numeric value", 1, true), "refused: " .. cell .. " -> " .. tostring(e))
  end
  -- two threads: the same values and the same message, wherever the cells are
  local rows = {"date;a;b"}
  for i = 0, 199 do rows[#rows + 1] = ("%d-%02d;%d,%03d;%d"):format(1900 + i // 12, i % 12 + 1, i, (i * 37) % 1000, i) end
  same_result("eu_plain.csv", text(rows))
  local one = data.read_csv("eu_plain.csv", {text = text(rows), threads = 2})
  eq(one.a:at("1900-03"), 2.074, "2,074 by two threads")
  for _, at in ipairs{5, 195} do
    local mixed_marks = {table.unpack(rows)}
    mixed_marks[at] = mixed_marks[at]:gsub(";(%d+)$", ";%1.5")
    same_result("eu_mixed" .. at .. ".csv", text(mixed_marks))
    local _, e = data.read_csv("m.csv", {text = text(mixed_marks), threads = 2})
    check(e and e:find("reads as a decimal comma", 1, true), "mixed marks refused with two threads, at " .. at)
  end
end

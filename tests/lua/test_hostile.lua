-- Hostile input: the list of issue 10, each with the exact result or error
-- message expected, plus resource limits (huge files, huge series, deep
-- recursion). Nothing here may crash; every error names the file, the line
-- and the column where it can.
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local function read(name, text, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.text = text
  return data.read_csv(name, o)
end
local function fails(name, text, message)
  local ds, err = read(name, text)
  checknil(ds, err, message)
  eq(err, message, name)
end

fails("empty.csv", "", "empty.csv: empty file")
fails("header.csv", "date,x\n", "header.csv: no data rows below the header")
fails("header_no_newline.csv", "date,x", "header_no_newline.csv: no data rows below the header")
local bom = assert(read("bom.csv", "\239\187\191date,x\r\n2024-01,1\r\n2024-02,2\r\n"))
eq(bom.x:at("2024-02"), 2, "BOM plus CRLF"); eq(bom:names()[1], "x", "the BOM is not part of the name")
fails("nul.csv", "date,x\n2024-01,1\0\n", "nul.csv:2: NUL byte in the file: this is not a text CSV file")
fails("latin1.csv", "date,\255x\n2024-01,1\n",
      "latin1.csv:1:2: column name is not valid UTF-8 (tenor reads UTF-8; convert GBK exports with: iconv -f GBK -t UTF-8)")
fails("year0.csv", "date,x\n0000-01,1\n", "year0.csv:2:1: date '0000-01' does not parse: year out of range 1-9999")
fails("year99999.csv", "date,x\n99999-01,1\n", "year99999.csv:2:1: date '99999-01' does not parse: year out of range 1-9999")
fails("dup.csv", "date,x\n2024-01,1\n2024-01,2\n", "dup.csv:3:1: duplicate date: period 2024-01 also on line 2")
fails("unsorted.csv", "date,x\n2024-01,1\n2024-03,2\n2024-02,3\n",
      "unsorted.csv:4:1: dates out of order: this row comes before line 3 (sort the file by date)")
fails("huge.csv", "date,x\n2024-01,1e999\n", "huge.csv:2:2: number '1e999' in column 'x' is out of range")
-- old Mac line ends (a lone CR): three rows, not one (fuzz finding: the row
-- arrays were sized by counting LF only)
local mac = assert(read("mac.csv", "date,x\r2024-01,1\r2024-02,2\r2024-03,3\r"))
eq(#mac.x, 3); eq(mac.x:at("2024-03"), 3)
local odd = assert(read("odd.csv", "date,x\n2024-01,nan\n2024-02,-0\n2024-03,\"1,234.5\"\n"))
eq(odd.x:at("2024-01"), nil, "nan is missing"); eq(1 / odd.x:at("2024-02"), -math.huge, "-0 kept")
eq(odd.x:at("2024-03"), 1234.5, "grouped thousands")
local notes = assert(read("notes.csv", "date,x\n2024-01,1\n2024-02,\"2\"\n"))
eq(notes.x:at("2024-02"), 2, "a quoted number")
fails("quoted_newline.csv", "date,x\n2024-01,\"1\n2\"\n",
      "quoted_newline.csv:2:2: non-numeric value '1\\n2' in column 'x'")
fails("long_cell.csv", "date,x\n2024-01," .. ("数"):rep(20) .. "\n",
      "long_cell.csv:2:2: non-numeric value '" .. ("数"):rep(13) .. "...' in column 'x'")
fails("control.csv", "date,x\n2024-01,a\1b\n", "control.csv:2:2: non-numeric value 'a\\x01b' in column 'x'")
fails("mixed.csv", "date,x\n2024-01,1\n2024-02-15,2\n",
      "mixed.csv:3:1: mixed frequencies in the date column: '2024-02-15' is a day, but line 2 has a month")
fails("mixed_q.csv", "date,x\n2024Q1,1\n2024-05,2\n",
      "mixed_q.csv:3:1: mixed frequencies in the date column: '2024-05' is a month, but line 2 has a quarter")
fails("ragged.csv", "date,x\n2024-01,1,2\n", "ragged.csv:2: row has 3 fields, the header has 2")
fails("open_quote.csv", "date,x\n2024-01,\"1\n", "open_quote.csv:2:2: unterminated quoted field")
fails("dup_names.csv", "date,x,y,x\n2024-01,1,2,3\n", "dup_names.csv:1:4: duplicate column name 'x' (also column 2)")
local nofile, why = data.read_csv(dir .. "/absent.csv")
checknil(nofile, why, "absent.csv: cannot open: No such file or directory")

-- a 1 GB line: an error naming the line and field, not a 1 GB string
local big = dir .. "/gigaline.csv"
os.execute(("(printf 'date,x\\n2024-01,'; head -c 1073741824 /dev/zero | tr '\\0' '7'; printf '\\n') > %s"):format(big))
local g, gerr = data.read_csv(big)
checknil(g, gerr, "gigaline.csv:2:2: a field longer than 1 MiB: this is not a CSV of dates and numbers")
os.remove(big)
collectgarbage()

-- 10^6 columns: read in linear time (a duplicate-name check and the dataset
-- were quadratic before)
local wide = {"date"}
local row = {"2024-01"}
for i = 1, 1000000 do wide[i + 1] = "c" .. i; row[i + 1] = tostring(i % 10) end
local w = assert(read("wide.csv", table.concat(wide, ",") .. "\n" .. table.concat(row, ",") .. "\n"))
eq(#w, 1000000); eq(w.c999999:at("2024-01"), 9); eq(w[1000000].name, "c1000000")
wide, row, w = nil, nil, nil
collectgarbage()

-- series at the edges of memory and of the calendar
local ok, msg = pcall(series.new, {freq = "D", start = "2000-01-01", n = 1e12, values = {}})
check(not ok and msg:find("series of 1000000000000 periods is too long", 1, true), tostring(msg))
ok, msg = pcall(series.new, {freq = "M", start = "9999-06", n = 12, values = {}})
check(not ok and msg:find("would reach outside the years 1..9999", 1, true), tostring(msg))
-- 10^8 periods exceed every calendar (daily data from year 1 to 9999 is
-- 3.65·10^6 days): a clear error, never an allocation attempt
ok, msg = pcall(series.new, {freq = "B", start = "1900-01-01", n = 100000000, values = {}})
check(not ok and msg:find("series of 100000000 periods would reach outside the years 1..9999", 1, true), tostring(msg))
local full = series.new{freq = "D", start = "0001-01-01", n = 3652059, values = {}}:fill(1)
eq(full.stop, "9999-12-31"); eq(full:sum(), 3652059, "the whole calendar as one daily series")
full = nil
collectgarbage()
-- out of memory is a Lua error with a message and exit status 1 (not under
-- the sanitizer build, which reserves more address space than the limit)
local TENOR = os.getenv("TENOR") or "./tenor"
if not TENOR:find("asan", 1, true) then
  local p = io.popen("ulimit -v 400000; " .. TENOR .. [[ -e 'local t = {} for i = 1, 1e9 do t[i] = i end' 2>&1; echo "exit=$?"]])
  local out = p:read("a"); p:close()
  check(out:find("not enough memory", 1, true) and out:find("exit=1", 1, true), "out of memory: " .. out)
end

-- deep recursion is a Lua error, not a segfault
local function down() return 1 + down() end
ok, msg = pcall(down)
check(not ok and msg:find("stack overflow", 1, true), tostring(msg))
local loop = setmetatable({}, {})
getmetatable(loop).__index = function(t, k) return t[k] end
ok, msg = pcall(function() return loop.x end)
check(not ok and msg:find("stack overflow", 1, true), "C-level recursion: " .. tostring(msg))
ok, msg = pcall(function()
  local s = series.new{freq = "M", start = "2020-01", values = {1, 2}}
  local mt = getmetatable(s)
  return s .. s
end)
check(not ok, "concatenating series is an error, not a crash")
os.execute("rm -rf " .. dir)

-- decimal marks (issue 17): hostile cells in a ';' file, each refused with
-- its place, never misread or crashing
fails("dec_long.csv", "date;x\n2024-01;" .. ("1"):rep(200) .. ",5\n",
      "dec_long.csv:2:2: non-numeric value '" .. ("1"):rep(40) .. "...' in column 'x'")
fails("dec_nul.csv", "date;x\n2024-01;1,\0 5\n", "dec_nul.csv:2: NUL byte in the file: this is not a text CSV file")
fails("dec_twocommas.csv", "date;x\n2024-01;1,,5\n", "dec_twocommas.csv:2:2: non-numeric value '1,,5' in column 'x'")
fails("dec_mixed.csv", "date;x;y\n2024-01;1,5;2.5\n",
      "dec_mixed.csv:2:2: '1,5' reads as a decimal comma, but line 2 has '2.5': say which mark the file uses with {decimal = \",\"} (1,085 = 1.085) or {decimal = \".\"} (1,085 = 1085)")
fails("dec_utf8.csv", "date;x\n2024-01;1,5\n2024-02;" .. ("数"):rep(30) .. "1.5\n",
      "dec_utf8.csv:3:2: non-numeric value '" .. ("数"):rep(13) .. "...' in column 'x'")
local huge = assert(read("dec_huge.csv", "date;x\n2024-01;1,5e307\n2024-02;-0,0\n"))
eq(huge.x:at("2024-01"), 1.5e307); eq(1 / huge.x:at("2024-02"), -math.huge, "-0,0 keeps its sign")
fails("dec_range.csv", "date;x\n2024-01;1,5e309\n", "dec_range.csv:2:2: number '1,5e309' in column 'x' is out of range")

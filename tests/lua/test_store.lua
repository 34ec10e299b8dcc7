-- The series store: vintages and as-of loads, imports of plain, FRED and
-- Wind-style CSV files, schema migration, damaged files, two writers at
-- once, and writers killed mid-write (the file must hold whole vintages).
local TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local function path(name) return dir .. "/" .. name end
local function write_file(name, text)
  local f = assert(io.open(path(name), "wb")); f:write(text); f:close(); return path(name)
end
local function M(v, start) return series.new{freq = "M", start = start or "2024-01", values = v, n = #v} end

-- put, get, vintages, as_of
local db = store.open(path("a.db"))
eq(db:put("cpi", M{1, 2, nil, 4}, {unit = "%", source = "NBS", kind = "rate", vintage = "2024-05-15"}), "2024-05-15")
eq(db:put("cpi", M{1, 2, nil, 4}, {vintage = "2024-06-15"}), false, "unchanged values record no vintage")
eq(db:put("cpi", M{1, 2.5, 3, 4, 5}, {vintage = "2024-06-15"}), "2024-06-15", "a revision and a new month")
local latest = db:get("cpi")
eq(#latest, 5); eq(latest:at("2024-02"), 2.5); eq(latest.meta.vintage, "2024-06-15"); eq(latest.meta.unit, "%")
eq(latest.name, "cpi")
local old = db:get("cpi", {as_of = "2024-05-31"})
eq(#old, 4); eq(old:at("2024-02"), 2, "as known at the end of May"); eq(old:at("2024-03"), nil, "NA kept")
eq(db:get("cpi", {as_of = "2024-06-15"}):at("2024-02"), 2.5, "a date covers its whole day")
local none, why = db:get("cpi", {as_of = "2024-05-01"})
checknil(none, why, "no vintage of 'cpi' known at 2024-05-01")
local _, why2 = db:get("gdp"); check(why2:find("no series 'gdp'", 1, true))
eq(table.concat(db:vintages("cpi"), " "), "2024-05-15 2024-06-15")
local m = db:meta("cpi")
eq(m.freq, "M"); eq(m.unit, "%"); eq(m.source, "NBS"); eq(m.kind, "rate"); eq(m.vintages, 2); eq(m.latest, "2024-06-15")
checkerr(function() db:put("cpi", series.new{freq = "Q", start = "2024Q1", values = {1}}) end,
         "'cpi' is stored with frequency M; the new series is Q")
checkerr(function() db:put("cpi", M{9}, {vintage = "2024-06-15"}) end, "already has a vintage stamped 2024-06-15")
checkerr(function() db:put("cpi", M{9}, {vintage = "June"}) end, "db:put: option 'vintage' must be a date YYYY-MM-DD")
-- a misspelt as_of must not return the latest vintage (look-ahead in a vintage store)
checkerr(function() db:get("cpi", {asof = "2024-05-31"}) end,
         "db:get: unknown option 'asof' (did you mean 'as_of'? valid: as_of)")
checkerr(function() db:get("cpi", {as_of = "31/05/2024"}) end, "db:get: option 'as_of' must be a date YYYY-MM-DD")
checkerr(function() db:get("cpi", "2024-05-31") end, "db:get: options must be a table such as {as_of = ...}")
checkerr(function() db:get_many({"cpi"}, {asof = "2024-05-31"}) end, "db:get_many: unknown option 'asof' (did you mean 'as_of'?")
checkerr(function() db:put("cpi", M{9}, {vintge = "2024-07-01"}) end, "db:put: unknown option 'vintge' (did you mean 'vintage'?")
local now = db:put("cpi", M{7, 8})
check(now:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d"), "default stamp: now, UTC")
-- values round-trip bit for bit, NaN, -0 and the extremes included
local tricky = M{0.1 + 0.2, -0.0, 1e-310, 1.7976931348623157e308, nil, -1 / 3}
db:put("tricky", tricky)
local back = db:get("tricky")
for i = 1, #tricky do
  local a, b = tricky[i], back[i]
  check((a == nil and b == nil) or (a == b and 1 / a == 1 / b), "value " .. i .. " bit for bit")
end
db:put("x.a", M{1}); db:put("x.b", M{1}); db:put("y", M{1})
eq(table.concat(db:list("x.*"), " "), "x.a x.b"); eq(#db:list(), 5)
eq(db:delete("x.a"), true); eq(db:delete("x.a"), false); eq(table.concat(db:list("x.*"), " "), "x.b")
db:close()
checkerr(function() db:get("cpi") end, "closed")

-- read-only access
local ro = store.open(path("a.db"), {readonly = true})
eq(ro:get("cpi", {as_of = "2024-05-31"}):at("2024-02"), 2)
checkerr(function() ro:put("z", M{1}) end, "read-only")
ro:close()

-- imports: plain, FRED and Wind-style
db = store.open(path("imports.db"))
local plain = write_file("plain.csv", "date,cpi,ppi\n2024-01,0.3,-2.5\n2024-02,0.7,-2.7\n")
eq(table.concat(db:import_csv(plain, {prefix = "cn.", vintage = "2024-03-10"}), " "), "cn.cpi cn.ppi")
eq(db:get("cn.ppi"):at("2024-02"), -2.7); eq(db:meta("cn.cpi").source, "plain.csv", "source defaults to the file name")
local fred = write_file("fred.csv", "observation_date,CPIAUCSL\n2024-01-01,308.417\n2024-02-01,310.326\n2024-03-01,312.332\n")
db:import_csv(fred, {prefix = "us.", source = "FRED", vintage = "2024-04-10"})
eq(db:get("us.CPIAUCSL").freq, "M"); eq(db:get("us.CPIAUCSL"):at("2024-03"), 312.332); eq(db:meta("us.CPIAUCSL").source, "FRED")
local wind = write_file("wind.csv", table.concat({
  "指标名称,CPI:当月同比,PPI:全部工业品:当月同比",
  "频率,月,月", "单位,%,%", "来源,国家统计局,国家统计局",
  "2025-03-31,-0.1,-2.5", "2025-02-28,-0.7,-2.2", "2025-01-31,0.5,-2.3", "", "数据来源：Wind", ""}, "\n"))
db:import_csv(wind, {vintage = "2025-04-10"})
local wc = db:get("CPI:当月同比")
eq(wc:at("2025-03"), -0.1); eq(wc.start, "2025-01"); eq(db:meta("CPI:当月同比").unit, "%"); eq(db:meta("CPI:当月同比").source, "国家统计局")
-- a re-import with a revision makes a second vintage; the first is kept
write_file("plain.csv", "date,cpi,ppi\n2024-01,0.3,-2.5\n2024-02,0.8,-2.7\n2024-03,0.1,-2.8\n")
db:import_csv(plain, {prefix = "cn.", vintage = "2024-04-10"})
eq(db:get("cn.cpi"):at("2024-02"), 0.8); eq(db:get("cn.cpi", {as_of = "2024-03-31"}):at("2024-02"), 0.7)
eq(#db:vintages("cn.cpi"), 2)
local many = db:get_many({"cn.cpi", "cn.ppi"}, {as_of = "2024-03-31"})
eq(#many, 2); eq(many["cn.ppi"]:at("2024-02"), -2.7)
checkerr(function() db:import_csv(write_file("bad.csv", "date,x\n2024-01,1\n2024-02,abc\n")) end, "bad.csv:3:")
checkerr(function() db:import_csv(plain, {columns = {"cpi", "ppl"}}) end,
         "db:import_csv: option 'columns' names 'ppl', which the file lacks (columns: cpi, ppi)")
eq(table.concat(db:import_csv(plain, {prefix = "sel.", columns = {"ppi"}, vintage = "2024-03-10"}), " "), "sel.ppi", "columns picks")
db:close()

-- an older schema (version 1: no description or kind) is migrated on open
local raw = store._raw(path("v1.db"))
store._exec(raw, [[
  CREATE TABLE series(name TEXT PRIMARY KEY, freq TEXT NOT NULL, unit TEXT, source TEXT, created TEXT NOT NULL);
  CREATE TABLE vintages(name TEXT NOT NULL, stamp TEXT NOT NULL, start TEXT NOT NULL, n INTEGER NOT NULL,
                        data BLOB NOT NULL, PRIMARY KEY(name, stamp));
  INSERT INTO series VALUES('gdp', 'Q', '%', 'old', '2020-01-01');
  INSERT INTO vintages VALUES('gdp', '2020-01-01', '2019-Q4', 2, X'000000000000F03F0000000000000040');
  PRAGMA user_version = 1;]])
raw:close()
db = store.open(path("v1.db"))
local gdp = db:get("gdp")
eq(gdp:at("2019Q4"), 1); eq(gdp:at("2020Q1"), 2, "little-endian doubles from the old file")
db:put("gdp", series.new{freq = "Q", start = "2019Q4", values = {1, 2, 3}}, {kind = "flow", vintage = "2020-05-01"})
eq(db:meta("gdp").kind, "flow", "the migrated schema has the new column")
-- a damaged record is an error naming it, not garbage
store._exec(db, "UPDATE vintages SET data = X'0102' WHERE stamp = '2020-01-01'")
checkerr(function() db:get("gdp", {as_of = "2020-01-31"}) end, "the record of 'gdp' is corrupt")
db:close()
-- a newer schema and a file that is not a database
raw = store._raw(path("v9.db")); store._exec(raw, "CREATE TABLE t(x); PRAGMA user_version = 9"); raw:close()
checkerr(function() store.open(path("v9.db")) end, "schema version 9; this tenor reads up to 2")
checkerr(function() store.open(write_file("junk.db", ("not a database\n"):rep(200))) end, "is not a tenor store")
checkerr(function() store.open(dir .. "/no/such/dir/x.db") end, "cannot open")

-- two processes writing one store at once: every put lands
local writer = write_file("writer.lua", [[
local db = store.open(arg[1])
for i = 1, 40 do db:put(arg[2] .. i, series.new{freq = "M", start = "2024-01", values = {i, i + 1}}) end
print("done")
]])
local cmd = ("cd %s && (%s %s %s a > w1.out 2>&1 & %s %s %s b > w2.out 2>&1 & wait)"):format(dir, TENOR, writer,
  path("shared.db"), TENOR, writer, path("shared.db"))
os.execute(cmd)
for _, f in ipairs{"w1.out", "w2.out"} do
  local h = io.open(path(f)); local text = h:read("a"); h:close()
  eq(text, "done\n", "writer " .. f .. " finished without a busy error")
end
db = store.open(path("shared.db"))
eq(#db:list("a*"), 40); eq(#db:list("b*"), 40)
db:close()

-- writers killed mid-write: every vintage left behind is whole (all its
-- values equal to its sequence number, length as written)
local killed = write_file("killed.lua", [[
local db = store.open(arg[1])
local k = #db:vintages("big")
while true do
  k = k + 1
  local v = {}
  for i = 1, 100000 + k do v[i] = k end
  db:put("big", series.new{freq = "D", start = "2000-01-01", values = v})
end
]])
-- at least 6 kills, and on until some vintages exist (a sanitizer build starts slowly)
for round = 1, 30 do
  os.execute(("timeout -s KILL %.1f %s %s %s >/dev/null 2>&1"):format(0.2 + 0.1 * round, TENOR, killed, path("kill.db")))
  if round >= 6 then
    local probe = store.open(path("kill.db"))
    local n = #probe:vintages("big")
    probe:close()
    if n >= 3 then break end
  end
end
db = store.open(path("kill.db"))
local stamps = db:vintages("big")
check(#stamps >= 3, "the writers got some vintages in before being killed: " .. #stamps)
local whole = 0
for _, stamp in ipairs(stamps) do
  local s = db:get("big", {as_of = stamp})
  local k = s[1]
  local ok = #s == 100000 + k and s:min() == k and s:max() == k
  if ok then whole = whole + 1 end
end
eq(whole, #stamps, "every vintage is whole")
db:close()
-- arguments name the method, not a stack slot
local db2 = store.open(path("args.db"))
checkerr(function() db2:get(nil) end, "db:get: name must be a series name, a non-empty string (got a nil)")
checkerr(function() db2.get("cpi") end, "db:get: is a store method called on a string")
checkerr(function() store.open(nil) end, "store.open: path must be a file name (got a nil)")
db2:close()
os.execute("rm -rf " .. dir)

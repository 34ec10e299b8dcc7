-- The store when things go wrong: an import killed half-way (kill -9 in a
-- child process) leaves the store as it was; the busy timeout is a total,
-- not per retry; a failing get or put leaves no snapshot or lock behind;
-- a damaged vintage count cannot overflow, nor can a shift by lag/lead.
local TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local function path(name) return dir .. "/" .. name end
local function M(v, start) return series.new{freq = "M", start = start or "2024-01", values = v, n = #v} end

-- a wide file: 400 columns, two vintages that differ in every column
local COLS = 400
local function wide_csv(name, bump)
  local head, rows = {"date"}, {}
  for c = 1, COLS do head[#head + 1] = "c" .. c end
  for r = 1, 6 do
    local row = {("2024-%02d"):format(r)}
    for c = 1, COLS do row[#row + 1] = tostring(c + r + bump) end
    rows[#rows + 1] = table.concat(row, ",")
  end
  local f = assert(io.open(path(name), "w"))
  f:write(table.concat(head, ","), "\n", table.concat(rows, "\n"), "\n")
  f:close()
  return path(name)
end
local db = store.open(path("wide.db"))
eq(#db:import_csv(wide_csv("v1.csv", 0), {vintage = "2024-07-01"}), COLS)
db:close()
wide_csv("v2.csv", 1000)

-- a child imports v2 and is killed (kill -9) at its 295th put
local child = ([[
local db = store.open(%q)
local put, n = store._methods.put, 0
store._methods.put = function(...)
  n = n + 1
  if n == 295 then io.stdout:write("killing at put ", n, "\n"); io.stdout:flush(); os.execute("kill -9 $PPID") end
  return put(...)
end
db:import_csv(%q, {vintage = "2024-08-01"})
print("import finished")]]):format(path("wide.db"), path("v2.csv"))
local f = assert(io.open(path("child.lua"), "w")); f:write(child); f:close()
local p = io.popen(TENOR .. " " .. path("child.lua") .. " 2>&1; echo \"exit=$?\"")
local out = p:read("a"); p:close()
check(out:find("killing at put 295", 1, true) and out:find("exit=137", 1, true) and not out:find("import finished", 1, true),
      "the child died mid-import: " .. out)
db = store.open(path("wide.db"))
local whole = true
for c = 1, COLS do
  local v = db:vintages("c" .. c)
  if #v ~= 1 or v[1] ~= "2024-07-01" then whole = false end
end
check(whole, "after the kill every column still has only the first vintage")
eq(db:get("c295"):at("2024-01"), 296, "c295 as before"); eq(db:get("c1", {as_of = "2024-08-31"}):at("2024-01"), 2)
-- an import that fails half-way (a put raises) changes nothing either
local put = store._methods.put
local n = 0
store._methods.put = function(...) n = n + 1; if n == 10 then error("disk on fire") end return put(...) end
checkerr(function() db:import_csv(path("v2.csv"), {vintage = "2024-08-01"}) end, "disk on fire")
store._methods.put = put
eq(#db:vintages("c1"), 1, "a failed import is rolled back")
eq(#db:import_csv(path("v2.csv"), {vintage = "2024-08-01"}), COLS, "and the store takes the next one")
eq(#db:vintages("c400"), 2)
db:close()

-- another connection holds the write lock: put waits busy_timeout in
-- total, then fails (it used to wait 1000 x 10 s), and works once free
local holder = store._raw(path("wide.db"))
store._exec(holder, "BEGIN IMMEDIATE")
local quick = store.open(path("wide.db"), {busy_timeout = 0.2})
local ok, err = pcall(quick.put, quick, "x", M{1, 2})
check(not ok and tostring(err):find("locked", 1, true), tostring(err))
store._exec(holder, "ROLLBACK")
eq(quick:put("x", M{1, 2}, {vintage = "2024-09-01"}), "2024-09-01", "put works once the lock is gone")

-- an error inside put after BEGIN IMMEDIATE releases the write lock
checkerr(function() quick:put("x", series.new{freq = "Q", start = "2024Q1", values = {1}}) end, "stored with frequency M")
local other = store.open(path("wide.db"), {busy_timeout = 0.2})
eq(other:put("y", M{3}, {vintage = "2024-09-01"}), "2024-09-01", "another writer is not locked out")
-- a failing get (a damaged record) keeps no snapshot: later writes go on
store._exec(other, "UPDATE vintages SET data = X'0102' WHERE name = 'y'")
checkerr(function() quick:get("y") end, "the record of 'y' is corrupt")
eq(other:put("z", M{4}, {vintage = "2024-09-02"}), "2024-09-02", "a write after the failed get")
eq(quick:put("w", M{5}, {vintage = "2024-09-02"}), "2024-09-02", "on the same connection too")
eq(quick:get("z"):at("2024-01"), 4, "and the failed reader sees it")
-- a vintage count that would overflow n * 8 is a corrupt record, not luck
store._exec(other, "UPDATE vintages SET n = 2305843009213693953 WHERE name = 'z'")
checkerr(function() quick:get("z") end, "the record of 'z' is corrupt")
store._exec(other, "UPDATE vintages SET n = -1 WHERE name = 'z'")
checkerr(function() quick:get("z") end, "the record of 'z' is corrupt")
quick:close(); other:close(); holder:close()

-- lag and lead by extreme counts: an error, not signed overflow
local s = M{1, 2, 3}
checkerr(function() s:lag(math.mininteger) end, "out of range")
checkerr(function() s:lead(math.mininteger) end, "out of range")
checkerr(function() s:lag(math.maxinteger) end, "out of range")
eq(s:lag(5):count(), 0, "a shift past the end leaves only NA")
eq(s:lag(-1):at("2024-01"), 2, "lag -1 is a lead"); eq(s:lead(-1):at("2024-02"), 1)
checkerr(function() s:redate(math.maxinteger) end, "out of range")
os.execute("rm -rf " .. dir)

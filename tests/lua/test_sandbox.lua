-- The sandbox of tenor run / list / help against the escapes of issue 16,
-- one fixture script each (tests/fixtures/sandbox_lib/escape/). After each
-- run: nothing was written or executed outside the output folder (the
-- outside/ folder stays empty), and the secret's marker was neither printed
-- nor written anywhere. A --trust run of the same attack does escape: the
-- checks can fail.
local TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
local LIB = os.getenv("PWD") .. "/tests/fixtures/sandbox_lib"
local dir = os.tmpname(); os.remove(dir)
os.execute("mkdir -p " .. dir .. "/outside " .. dir .. "/runs " .. dir .. "/secretdir")
local function write_file(path, text) local f = assert(io.open(path, "wb")); f:write(text); f:close() end
local function read(path) local f = io.open(path, "rb"); if not f then return nil end local s = f:read("a"); f:close(); return s end
local MARKER = ("SECRET%d"):format(os.time() % 100000 * 1000 + math.random(999))
local SECRET, TARGET = dir .. "/secretdir/secret.txt", dir .. "/outside/target"
write_file(SECRET, MARKER .. " and more\n")
write_file(dir .. "/secretdir/payload.lua",
  ('local f = io.open(%q, "w"); if f then f:write("payload") f:close() end; print(%q); return {}'):format(dir .. "/outside/payload", MARKER))

local function sh(args)
  local p = io.popen(("cd %s && TENOR_PATH=%s SECRET_TOKEN=%s TENOR_VISIBLE=yes TENOR_ESCAPE_TARGET=%s TENOR_ESCAPE_SECRET=%s %s %s 2>&1; echo \"exit=$?\"")
    :format(dir, LIB, MARKER, TARGET, SECRET, TENOR, args))
  local out = p:read("a"); p:close()
  return out, tonumber(out:match("exit=(%d+)%s*$"))
end
local function attack(script, rest)
  return sh(("run %s --target %s --secret %s --out runs/%s --timeout 60 %s"):format(script, TARGET, SECRET, script, rest or ""))
end
local function outside_files()
  local p = io.popen("ls -A " .. dir .. "/outside"); local s = p:read("a"); p:close(); return s
end
-- nothing outside, no marker in the output or in any file of the run folders
local function contained(label, out)
  eq(outside_files(), "", label .. ": nothing written or executed outside")
  check(not out:find(MARKER, 1, true), label .. ": the secret was not printed: " .. out)
  local p = io.popen("grep -rl " .. MARKER .. " " .. dir .. "/runs 2>/dev/null"); local hits = p:read("a"); p:close()
  eq(hits, "", label .. ": the secret is in no file of the run")
end

-- the checks can fail: trusted, the plain attack escapes
local out, code = attack("escape.05_write_outside", "--trust")
eq(code, 0, out)
check(read(TARGET) == "escaped" and read(TARGET .. ".exec") and out:find(MARKER, 1, true), "trusted runs escape: " .. out)
os.execute("rm -rf " .. dir .. "/outside/* " .. dir .. "/runs/*")

-- 1. finalizers, 2. replaced globals, 3. path checks, 6. own data list
for _, s in ipairs{"escape.01_gc", "escape.02_replaced_global", "escape.03_path_checks", "escape.06_own_data"} do
  out = attack(s)
  contained(s, out)
end
-- 2. the manifest's hashes are the parent's own
local m = require("tenor.runner.json").decode(read(dir .. "/runs/escape.02_replaced_global/manifest.json"))
eq(m.status, "ok", m.error)
for _, o in ipairs(m.outputs) do
  eq(o.sha256, _tenor_sha256(read(dir .. "/runs/escape.02_replaced_global/" .. o.file)), "hash of " .. o.file)
end
-- 6. nothing outside the library path made it into the manifest
m = require("tenor.runner.json").decode(read(dir .. "/runs/escape.06_own_data/manifest.json"))
eq(#m.data, 0, "no data file recorded")
check(m.error and m.error:find("io.open may not read /etc/hostname", 1, true), m.error)

-- 4. the raw C entry points are gone
out = attack("escape.04_raw")
contained("raw primitives", out)
check(out:find("try 1: .-attempt to call a nil value %(field '_read_csv'%)"), out)
check(out:find("try 2: .-attempt to call a nil value %(field '_write_csv'%)"), out)
check(out:find("try 3: .-attempt to call a nil value %(field '_raw'%)"), out)
check(out:find("try 4: .-attempt to call a nil value %(field '_exec'%)"), out)
check(out:find("try 7: .-sandbox: package.loadlib is not allowed", 1), out)
check(out:find("debug: nil", 1, true), out)

-- 5. --replay takes no trust from the manifest
out, code = attack("escape.05_write_outside")
eq(code, 0, out); contained("plain attack", out)
local mpath = dir .. "/runs/escape.05_write_outside/manifest.json"
local text = read(mpath)
for _, variant in ipairs{{"no sandbox key", text:gsub('"sandbox": true,?\n', "")},
                         {"sandbox false", text:gsub('"sandbox": true', '"sandbox": false')}} do
  write_file(mpath, variant[2])
  out = sh("run --replay runs/escape.05_write_outside/manifest.json --out runs/replay")
  check(out:find("replay: sandboxed", 1, true), variant[1] .. ": " .. out)
  contained("replay, " .. variant[1], out)
end

-- 7. require through a changed package.path
out = attack("escape.07_require_path")
contained("require", out)
check(out:find("require payload: ", 1, true) and not out:find("require payload: loaded", 1, true), out)

-- 8. --timeout holds against a coroutine, the timer, a long C call
for _, how in ipairs{"coroutine", "timer", "find"} do
  out, code = sh("run escape.08_timeout --how " .. how .. " --timeout 1 --out runs/t-" .. how)
  eq(code, 1, how)
  check(out:find("timeout: the run took longer than 1 s", 1, true), how .. ": " .. out)
end

-- 9. the environment holds only TENOR_*, LANG, LC_*, TZ
out = sh("run escape.09_env --out runs/env")
contained("environment", out)
check(out:find("env SECRET_TOKEN=nil", 1, true) and out:find("env HOME=nil", 1, true)
      and out:find("env PATH=nil", 1, true) and out:find("env TENOR_VISIBLE=yes", 1, true), out)

-- 10. tenor list and tenor help read declarations inside the sandbox
out, code = sh("list")
eq(code, 0, out); contained("tenor list", out)
check(out:find("escape.10_not_a_script%s+not a script{} file: it returns table"), out)
check(out:find("escape.common%s+not a script{} file"), out)
check(out:find("escape.10_toplevel%s+acts while being listed"), out)
out, code = sh("help escape.10_toplevel")
eq(code, 0, out); contained("tenor help", out)
check(out:find("escape.toplevel", 1, true), out)
out, code = sh("help escape.10_not_a_script")
eq(code, 1, out); check(out:find("is not a script{} file: it returns table", 1, true), out)

-- 11. a dangling symlink inside --out
os.execute("mkdir -p " .. dir .. "/runs/sym && ln -s " .. dir .. "/outside/via-link " .. dir .. "/runs/sym/dangling")
out = sh("run escape.11_symlink --out runs/sym")
contained("symlink", out)
check(out:find("io.open may not write", 1, true), out)   -- data.write_csv replaces the link itself

-- 12. charts inside the sandbox, quotes in titles and names
out, code = sh("run escape.12_charts --out runs/charts")
eq(code, 0, out)
eq((read(dir .. "/runs/charts/line.png") or ""):sub(1, 4), "\137PNG", "a PNG file")
local svg = read(dir .. "/runs/charts/bars.svg") or ""
check(svg:find("<svg", 1, true) and svg:find("O'Neil's bars", 1, true) and svg:find("Bob's index", 1, true), "the SVG and its quoted title")

-- a shared store on the library path is read inside the sandbox (no -shm
-- can be made there: it opens as immutable), and never written
os.execute("mkdir -p " .. dir .. "/lib2/team")
local shared = dir .. "/lib2/team/shared.db"
local sdb = store.open(shared)
sdb:put("x", series.new{freq = "A", start = "2020", values = {1, 2}}, {vintage = "2024-01-01"})
sdb:close()
write_file(dir .. "/lib2/team/reader.lua", ([[return script{name = "team.reader", description = "reads the shared store",
  main = function()
    local db = store.open(%q)
    print("value " .. db:get("x"):at("2021"))
    print("put: " .. tostring(select(2, pcall(db.put, db, "y", series.new{freq = "A", start = "2020", values = {1}}))))
    return {}
  end}]]):format(shared))
local p = io.popen(("cd %s && TENOR_PATH=%s/lib2 %s run team.reader --out runs/reader 2>&1"):format(dir, dir, TENOR))
out = p:read("a"); p:close()
check(out:find("value 2", 1, true) and out:find("put: .-read%-only"), out)
local l = io.popen("ls " .. dir .. "/lib2/team"); local listing = l:read("a"); l:close()
eq(listing, "reader.lua\nshared.db\n", "nothing was added next to the shared store")

-- modules loaded on first use still reach their C primitives in the
-- sandbox (the child loads the whole stdlib before removing them)
write_file(dir .. "/lib2/team/lazy.lua", [[return script{name = "team.lazy", description = "lazy modules in the sandbox",
  main = function()
    local v, w = {}, {}
    for i = 1, 80 do v[i] = math.sin(i / 3) + i / 10; w[i] = math.cos(i / 5) + i / 20 end
    local y = series.new{freq = "M", start = "2015-01", values = v, name = "y"}
    local x = series.new{freq = "M", start = "2015-01", values = w, name = "x"}
    print("bg " .. regress.ols(y, {x}):bg(2).df)
    print("ardl " .. tostring(tsa.ardl(y, {x}, {lags = 1, order = 1}) ~= nil))
    local u = {}   -- irregular: y itself follows a linear recurrence, which makes OCSB's regressors collinear
    for i = 1, 80 do u[i] = math.sin(i * i * 0.7) + i / 10 end
    print("nsdiffs " .. tsa.nsdiffs(series.new{freq = "M", start = "2015-01", values = u}, {test = "ocsb"}).test)
    local q = series.new{freq = "Q", start = "2015Q1", values = {3, 4, 5, 6, 7, 8}, name = "q"}
    local m = series.new{freq = "M", start = "2015-01", values = {1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6, 5, 6, 7, 6, 7, 8}, name = "m"}
    print("disagg " .. #q:to("M", "chow-lin", {indicator = m}))
    print("raw " .. tostring(regress._ols) .. " " .. tostring(series._tempdisagg))
    return {}
  end}]])
p = io.popen(("cd %s && TENOR_PATH=%s/lib2 %s run team.lazy --out runs/lazy 2>&1"):format(dir, dir, TENOR))
out = p:read("a"); p:close()
check(out:find("bg 2", 1, true) and out:find("ardl true", 1, true) and out:find("nsdiffs ocsb", 1, true)
      and out:find("disagg 18", 1, true)
      and out:find("raw nil nil", 1, true), out)

os.execute("rm -rf " .. dir)

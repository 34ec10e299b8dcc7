-- tenor run / list / help: parameters from the command line, output folders
-- with manifests that replay to identical outputs, grids that survive a
-- failing run, timeouts, and a sandbox that refuses every escape it lists.
local TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir .. "/lib/team " .. dir .. "/data")
local function write_file(path, text)
  local f = assert(io.open(path, "wb")); f:write(text); f:close(); return path
end
local function sh(cmd)
  local p = io.popen("cd " .. dir .. " && TENOR_PATH=" .. dir .. "/lib " .. cmd .. " 2>&1; echo \"exit=$?\"")
  local out = p:read("a"); p:close()
  return out, tonumber(out:match("exit=(%d+)%s*$"))
end
local function run(args) return sh(TENOR .. " run " .. args) end
local function read(path) local f = io.open(path); if not f then return nil end local s = f:read("a"); f:close(); return s end

write_file(dir .. "/data/x.csv", "date,x\n2024-01,1\n2024-02,2\n2024-03,4\n")
write_file(dir .. "/secret.txt", "secret\n")
-- a well-behaved script: reads its declared file, returns a series and numbers
write_file(dir .. "/lib/team/growth.lua", [[
return script{
  name = "team.growth", description = "growth of x",
  params = {{"k", "integer", 1, "lag"}, {"scale", "number", 100, "multiplier"}},
  data = {"x.csv"},
  main = function(p, ctx)
    local x = ctx.read("x.csv").x
    local g = (x / x:lag(p.k) - 1) * p.scale
    ctx.print(("last growth %.4f"):format(g:at(g.stop)))
    return {growth = g, last = g:at(g.stop), n = g:count()}
  end,
}]])
-- a script that tries one escape, chosen by --attack
write_file(dir .. "/lib/team/evil.lua", [[
local attacks = {
  execute = function() return os.execute("touch ]] .. dir .. [[/pwned") end,
  popen = function() return io.popen("id"):read("a") end,
  write_outside = function() return io.open("]] .. dir .. [[/pwned", "w") end,
  read_undeclared = function() return io.open("]] .. dir .. [[/secret.txt"):read("a") end,
  read_csv_undeclared = function() return data.read_csv("]] .. dir .. [[/secret.txt") end,
  remove = function() return os.remove("]] .. dir .. [[/secret.txt") end,
  rename = function() return os.rename("]] .. dir .. [[/secret.txt", "]] .. dir .. [[/moved.txt") end,
  loadlib = function() return package.loadlib("libc.so.6", "system") end,
  binary = function() return assert(load(string.dump(function() return 1 end))) end,
  debug = function() return debug.getregistry() end,
  exit = function() os.exit(0) end,
  tmpname = function() return os.tmpname() end,
  write_csv_outside = function() return data.write_csv("]] .. dir .. [[/pwned.csv", {series.new{freq = "A", start = "2020", values = {1}, name = "x"}}) end,
  output = function() return io.output("]] .. dir .. [[/pwned") end,
  dofile = function() return dofile("]] .. dir .. [[/secret.txt") end,
  symlink = function(ctx) return io.open(ctx.out .. "/link/file", "w") end,
  loop = function() while true do pcall(function() for _ = 1, 1e9 do end end) end end,
  write_inside = function(ctx)
    local f = assert(io.open(ctx.out .. "/notes.txt", "w")); f:write("ok"); f:close()
    return "wrote inside"
  end,
}
return script{
  name = "team.evil", description = "tries to escape",
  params = {{"attack", "string", "execute", "which escape"}},
  main = function(p, ctx)
    local ok, err = pcall(attacks[p.attack], ctx)
    local r = ok and err or nil
    if not ok then error(err, 0) end
    print("result: " .. tostring(r))
    return {}
  end,
}]])

-- list and help
local out = sh(TENOR .. " list")
check(out:find("team.growth%s+growth of x") and out:find("rules.cpi_bonds", 1, true), out)
out = sh(TENOR .. " help team.growth")
check(out:find("--k", 1, true) and out:find("integer", 1, true) and out:find("data: x.csv", 1, true), out)

-- a run: parameters bound from text, outputs and manifest written
local code
-- data outside the library path: read only with --allow-read
out, code = run("team.growth --k 2 --scale=1 --data_dir " .. dir .. "/data --out runs/refused")
eq(code, 1, out); check(out:find("data.read_csv may not read " .. dir .. "/data/x.csv", 1, true), out)
out, code = run("team.growth --k 2 --scale=1 --data_dir " .. dir .. "/data --allow-read " .. dir .. "/data --out runs/g")
eq(code, 0, out)
check(out:find("last growth 3.0000", 1, true), "k = 2, scale 1: 4/1 − 1 = 3 for 2024-03: " .. out)
local m = require("tenor.runner").json_decode(read(dir .. "/runs/g/manifest.json"))
eq(m.status, "ok"); eq(m.params.k, 2); eq(m.params.scale, 1); eq(m.script.name, "team.growth")
eq(m.script.sha256, _tenor_sha256(read(dir .. "/lib/team/growth.lua")), "script hash")
eq(#m.data, 1); eq(m.data[1].sha256, _tenor_sha256(read(dir .. "/data/x.csv")), "data file hash")
check(m.sandbox == true and m.tenor == tenor.version)
local growth = data.read_csv(dir .. "/runs/g/growth.csv")
eq(growth[1]:at("2024-03"), 3, "growth.csv: 4/1 − 1")
check(read(dir .. "/runs/g/numbers.csv"):find("last,3\n", 1, true), read(dir .. "/runs/g/numbers.csv") or "no numbers.csv")
check(read(dir .. "/runs/g/report.md"):find("last growth 3.0000", 1, true))

-- replay reproduces; a changed data file is reported
-- the manifest records --allow-read, but a replay takes reads only from its own command line
check(read(dir .. "/runs/g/manifest.json"):find('"allow_read"', 1, true), "the grant is recorded")
out, code = run("--replay runs/g/manifest.json --out runs/g-noread")
eq(code, 1, out); check(out:find("data.read_csv may not read", 1, true), out)
out, code = run("--replay runs/g/manifest.json --allow-read " .. dir .. "/data")
eq(code, 0, out); check(out:find("reproduced: 4 outputs identical", 1, true), out)
write_file(dir .. "/data/x.csv", "date,x\n2024-01,1\n2024-02,2\n2024-03,5\n")
out, code = run("--replay runs/g/manifest.json --out runs/g2 --allow-read=" .. dir .. "/data")
eq(code, 1, out); check(out:find("data file", 1, true) and out:find("changed", 1, true), out)
check(out:find("NOT reproduced:", 1, true) and out:find("growth.csv", 1, true) and out:find("numbers.csv", 1, true), out)
write_file(dir .. "/data/x.csv", "date,x\n2024-01,1\n2024-02,2\n2024-03,4\n")

-- parameter errors
out, code = run("team.growth --bogus 1")
eq(code, 1); check(out:find("unknown parameter 'bogus'; valid: k, scale, data_dir", 1, true), out)
out, code = run("team.growth --k x")
eq(code, 1); check(out:find("parameter 'k' must be a number", 1, true), out)
out, code = run("team.nothing")
eq(code, 1); check(out:find("no script 'team.nothing'", 1, true), out)

-- a grid with a failing point: the others run, the summary says which failed
out, code = run("team.growth --grid k=1,2,x --data_dir " .. dir .. "/data --allow-read " .. dir .. "/data --out runs/grid")
eq(code, 1, "a failed run makes the batch fail")
check(out:find("[1/3] team.growth k=1 ... ok", 1, true) and out:find("[3/3] team.growth k=x ... FAILED", 1, true), out)
check(out:find("3 runs, 1 failed", 1, true), out)
check(read(dir .. "/runs/grid/team.growth_k=2/growth.csv") ~= nil, "each grid point has its folder")

-- the sandbox refuses each escape with a message naming it
local refusals = {
  execute = "os.execute is not allowed", popen = "io.popen is not allowed",
  write_outside = "io.open may not write", read_undeclared = "io.open may not read",
  read_csv_undeclared = "data.read_csv may not read", remove = "os.remove may not write",
  rename = "os.rename may not write", loadlib = "package.loadlib is not allowed",
  binary = "attempt to load a binary chunk", debug = "attempt to index a nil value (global 'debug')",
  exit = "os.exit is not allowed", tmpname = "os.tmpname is not allowed",
  write_csv_outside = "data.write_csv may not write", output = "io.output may not write",
  dofile = "dofile may not read",
}
for attack, message in pairs(refusals) do
  out, code = run("team.evil --attack " .. attack .. " --out runs/evil-" .. attack)
  eq(code, 1, attack .. " fails the run")
  check(out:find(message, 1, true), attack .. ": " .. out)
end
check(read(dir .. "/pwned") == nil and read(dir .. "/pwned.csv") == nil, "nothing was written outside")
eq(read(dir .. "/secret.txt"), "secret\n", "nothing was removed or renamed")
-- a symlink inside the output folder pointing outside does not open a way out
os.execute("mkdir -p " .. dir .. "/runs/evil-symlink " .. dir .. "/elsewhere && ln -s " .. dir .. "/elsewhere " .. dir .. "/runs/evil-symlink/link")
out, code = run("team.evil --attack symlink --out runs/evil-symlink")
eq(code, 1); check(out:find("io.open may not write", 1, true), out)
-- writing inside the output folder is allowed
out, code = run("team.evil --attack write_inside --out runs/inside")
eq(code, 0, out); eq(read(dir .. "/runs/inside/notes.txt"), "ok")
-- --trust lifts the sandbox
out, code = run("team.evil --attack execute --trust --out runs/trusted")
eq(code, 0, out); check(read(dir .. "/pwned") ~= nil, "trusted: os.execute ran")
os.remove(dir .. "/pwned")
-- an endless loop (even one that swallows errors with pcall) stops at --timeout
out, code = run("team.evil --attack loop --timeout 1 --out runs/loop")
eq(code, 1); check(out:find("timeout: the run took longer than 1 s", 1, true), out)

-- in-process: the run happens in a child; the caller's globals are untouched
local runner = require "tenor.runner"
local open_before, exec_before = io.open, os.execute
package.path = dir .. "/lib/?.lua;" .. package.path
local mi = runner.run_one("team.evil", {attack = "execute"}, {out = dir .. "/runs/inproc", quiet = true})
eq(mi.status, "failed"); check(mi.error:find("os.execute is not allowed", 1, true), mi.error)
check(io.open == open_before and os.execute == exec_before and debug.getinfo ~= nil, "the caller's globals are its own")
eq(runner.json_decode(runner.json_encode({a = {1, 2.5, "x\n\"y\""}, b = true, c = {}})).a[3], "x\n\"y\"", "JSON round trip")

-- JSON (jansson): the manifest's conventions
local J = require "tenor.runner.json"
eq(J.encode({b = 1, a = {2, 0.1}, c = {}}), '{\n  "a": [\n    2,\n    0.10000000000000001\n  ],\n  "b": 1,\n  "c": {}\n}',
   "sorted keys, two-space indent, 17 digits, {} for an empty table")
eq(J.encode({0 / 0, 1 / 0, -1 / 0}), "[\n  null,\n  null,\n  null\n]", "NaN and infinities are null")
eq(J.encode({[1] = "a", [3] = "c"}), '{\n  "1": "a",\n  "3": "c"\n}', "a table with holes is an object")
local back = J.decode('{"i": 3, "r": 3.0, "big": 9007199254740993, "s": "\\u00e9\\n", "n": null, "t": [true, false]}')
check(math.type(back.i) == "integer" and math.type(back.r) == "float", "integers and reals keep their kind")
eq(back.big, 9007199254740993, "64-bit integers survive"); eq(back.s, "é\n"); eq(back.n, nil); eq(back.t[2], false)
checkerr(function() J.decode('{"a": }') end, "manifest: bad JSON at line 1, column 7")
local cyc = {}; cyc.self = cyc
checkerr(function() J.encode(cyc) end, "nested too deep (or a cycle)")
checkerr(function() J.encode({[{}] = 1}) end, "cannot encode a key of type table")
checkerr(function() J.encode({"\xff"}) end, "not UTF-8")
os.execute("rm -rf " .. dir)

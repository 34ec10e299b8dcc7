-- tenor run --jobs / --shard / --merge: a grid in worker processes writes
-- the same run folders, byte for byte, as one process does; a failing run
-- does not stop the others; shards partition the grid and merge back into
-- one summary; Ctrl-C stops the workers and leaves none behind.
local T = dofile("tests/lua/run_helpers.lua")
local TENOR, dir, write_file, read, sh, run = T.TENOR, T.dir, T.write_file, T.read, T.sh, T.run
local function ls(path)
  local p = io.popen("ls -A " .. path .. " 2>/dev/null"); local names = {}
  for l in p:lines() do names[#names + 1] = l end
  p:close(); return names
end
local json = require "tenor.runner.json"

write_file(dir .. "/data/x.csv", "date,x\n2024-01,1\n2024-02,2\n2024-03,4\n2024-04,7\n")
-- a grid's script: x's change over k months times scale, and one point that fails
write_file(dir .. "/lib/team/growth.lua", [[
return script{
  name = "team.growth", description = "scaled change of x",
  params = {{"k", "integer", 1, "months"}, {"scale", "number", 100, "factor"}},
  data = {"x.csv"},
  main = function(p, ctx)
    if p.k * p.scale == 30 then error("k = 3 with scale 10 fails on purpose", 0) end
    local change = ctx.read("x.csv").x:pct(p.k) * (p.scale / 100)
    ctx.print(("change %.4f at %s"):format(change:at(change.stop), change.stop))
    return {growth = change, n = change:count(), last = change:at(change.stop)}
  end,
}]])
write_file(dir .. "/lib/team/slow.lua", [[
return script{
  name = "team.slow_batch_marker", description = "spins",
  params = {{"i", "integer", 1, "which"}},
  main = function(p, ctx)
    local t = os.clock()
    while os.clock() - t < 30 do end
    return {i = p.i}
  end,
}]])
local D = " --data_dir " .. dir .. "/data --allow-read " .. dir .. "/data"   -- reads outside the library are granted here
local GRID = " --grid k=1,2,3 --grid scale=1,10,100" .. D

-- --jobs 1 and --jobs 2: the same folders, the same files, byte for byte
local out1, code1 = run("team.growth" .. GRID .. " --jobs 1 --out runs/j1")
local out2, code2 = run("team.growth" .. GRID .. " --jobs 2 --out runs/j2")
eq(code1, 1, "one run fails: " .. out1)
eq(code2, 1, "one run fails with workers too: " .. out2)
check(out2:find("9 runs, 1 failed", 1, true), out2)
check(out2:find("%[%d/9%] team%.growth k=3 scale=10 FAILED: k = 3 with scale 10 fails on purpose") ~= nil, out2)
check(out2:find("%[9/9%] .* elapsed, ETA 0 s") ~= nil, "progress: done/total, failures, elapsed, ETA: " .. out2)
-- the summary tables agree line for line, but for the seconds
local function summary(text)
  local t = {}
  for l in text:gmatch("[^\n]+") do
    if l:match("^team%.growth ") then t[#t + 1] = l:gsub("%s+[%d.]+%s+runs/j%d", " S runs/j") end
  end
  return table.concat(t, "\n")
end
eq(summary(out2), summary(out1), "the same summary table")
local folders = ls(dir .. "/runs/j1")
eq(#folders, 10, "nine run folders and batch.json")
local compared = 0
for _, f in ipairs(folders) do
  if f ~= "batch.json" then
    eq(table.concat(ls(dir .. "/runs/j2/" .. f), " "), table.concat(ls(dir .. "/runs/j1/" .. f), " "), f .. ": same files")
    for _, file in ipairs(ls(dir .. "/runs/j1/" .. f)) do
      if file ~= "manifest.json" then
        local a, b = read(dir .. "/runs/j1/" .. f .. "/" .. file), read(dir .. "/runs/j2/" .. f .. "/" .. file)
        check(a ~= nil and a == b, f .. "/" .. file .. " differs between --jobs 1 and --jobs 2")
        compared = compared + 1
      end
    end
    local m1 = json.decode(read(dir .. "/runs/j1/" .. f .. "/manifest.json"))
    local m2 = json.decode(read(dir .. "/runs/j2/" .. f .. "/manifest.json"))
    eq(m2.status, m1.status, f .. ": status")
    eq(json.encode(m2.outputs or {}), json.encode(m1.outputs or {}), f .. ": output hashes")
    eq(json.encode(m2.params or {}), json.encode(m1.params or {}), f .. ": parameters")
  end
end
check(compared >= 8 * 3, "compared the outputs of every good run: " .. compared)
eq(ls(dir .. "/runs/j2/.logs")[1] ~= nil, true, "the failed run's worker log is kept")

-- three shards partition the grid; their folders are the full run's names
local seen, names = {}, {}
for k = 1, 3 do
  local o, c = run(("team.growth%s --shard %d/3 --jobs 2 --out runs/s%d"):format(GRID, k, k))
  check(c == 0 or c == 1, "shard " .. k .. ": " .. o)
  local b = json.decode(read(dir .. "/runs/s" .. k .. "/batch.json"))
  eq(b.total, 9, "shard " .. k .. " knows the grid's size")
  eq(b.shard, k .. "/3", "shard recorded")
  eq(#b.runs, 3, "shard " .. k .. " holds a third")
  for _, r in ipairs(b.runs) do
    check(not seen[r.index], "run " .. r.index .. " in two shards")
    seen[r.index] = true
    names[r.index] = r.out:match("[^/]+$")
    eq((r.index - 1) % 3, k - 1, "round-robin slice")
  end
end
local full = json.decode(read(dir .. "/runs/j1/batch.json"))
for i = 1, 9 do
  check(seen[i], "run " .. i .. " in no shard")
  eq(names[i], full.runs[i].out:match("[^/]+$"), "run " .. i .. ": the same folder name as unsharded")
end
local mo, mc = run("--merge runs/s1 runs/s2 runs/s3")
eq(mc, 1, "the merged grid has the failing run")
check(mo:find("9 runs, 1 failed", 1, true), mo)
eq(summary(mo:gsub("runs/s%d", "runs/j1")), summary(out1), "merge: the same summary as one machine")
mo, mc = run("--merge runs/s1 runs/s3")
eq(mc, 1)
check(mo:find("3 of 9 runs are in no shard given: 2, 5, 8", 1, true), mo)
mo, mc = run("--merge runs/s1 runs/s1")
check(mo:find("is in two shards", 1, true), mo)
out1, code1 = run("team.growth --shard 4/3")
check(out1:find("--shard wants K/N with 1 <= K <= N", 1, true), out1)
out1 = run("team.growth --jobs 0")
check(out1:find("--jobs wants a number of workers", 1, true), out1)

-- Ctrl-C: the parent stops its workers and reports; none is left running
local o = sh("(" .. TENOR .. " run team.slow --grid i=1,2,3,4 --jobs 2 --trust --out runs/int 2>&1 & pid=$!; sleep 1.5; kill -INT $pid; wait $pid; echo \"parent=$?\"); sleep 0.3; ps -eo args | grep -c '[s]low --out=' ")
check(o:find("parent=130", 1, true), "Ctrl-C: exit 130: " .. o)
check(o:find("interrupted: stopping 2 workers", 1, true), o)
check(o:find("4 runs, 4 failed", 1, true), o)
check(o:match("\n0\nexit=%d+%s*$") ~= nil, "no worker left running: " .. o)
-- a run stuck in a call Lua cannot interrupt (a shell command) is killed at
-- --timeout with what it started (the run's child and its process group,
-- interp/host/child.c); the batch's own kill GRACE s later is the backstop
-- for a worker that hangs outside its run. The other run goes on.
write_file(dir .. "/lib/team/stuck.lua", [[
return script{
  name = "team.stuck", description = "blocks in C",
  params = {{"i", "integer", 1, "which"}},
  main = function(p, ctx)
    if p.i == 2 then os.execute("sleep 37.25") end
    return {i = p.i}
  end,
}]])
local so, sc = run("team.stuck --grid i=1,2 --jobs 2 --trust --timeout 1 --out runs/stuck")
eq(sc, 1, "the stuck run fails the batch: " .. so)
check(so:find("team.stuck i=2 FAILED: timeout: the run took longer than 1 s", 1, true), so)
check(so:find("2 runs, 1 failed", 1, true), so)
local left = sh("ps -eo args | grep -c '[s]leep 37.25'")
check(left:match("^0\n") ~= nil, "the worker's shell command was killed with it: " .. left)
T.cleanup()

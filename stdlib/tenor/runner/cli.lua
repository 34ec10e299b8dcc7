--[[ tenor.runner.cli: the command lines `tenor run`, `tenor list` and
`tenor help` (see tenor.runner for what they do).
]]

local batch = require "tenor.runner.batch"
local json = require "tenor.runner.json"
local library = require "tenor.runner.library"
local output = require "tenor.runner.output"
local run = require "tenor.runner.run"

local M = {}

local function parse_run_args(args)
  local o = {names = {}, given = {}, grids = {}, allow_read = {}}
  local i = 1
  while i <= #args do
    local a = args[i]
    local key, inline = a:match("^%-%-([%w_%-]+)=(.*)$")
    key = key or a:match("^%-%-([%w_]+)$") or a:match("^%-%-(allow%-read)$")
    if key then
      local value = inline
      if value == nil then
        local nxt = args[i + 1]
        if nxt == nil or nxt:match("^%-%-") then value = "true" else value = nxt; i = i + 1 end
      end
      if key == "out" then o.out = value
      elseif key == "grid" then
        local p, list = value:match("^([%w_]+)=(.+)$")
        if not p then error("tenor run: --grid wants param=a,b,c, got " .. value, 0) end
        local vals = {}
        for v in list:gmatch("[^,]+") do vals[#vals + 1] = v end
        o.grids[#o.grids + 1] = {p, vals}
      elseif key == "trust" then o.trust = value ~= "false"
      elseif key == "quiet" then o.quiet = value ~= "false"
      elseif key == "timeout" then
        o.timeout = math.tointeger(tonumber(value))
        if not o.timeout or o.timeout <= 0 then error("tenor run: --timeout wants whole seconds, got " .. value, 0) end
      elseif key == "replay" then o.replay = value
      elseif key == "jobs" then
        o.jobs = value == "true" and batch.default_jobs() or math.tointeger(tonumber(value))
        if not o.jobs or o.jobs < 1 then error("tenor run: --jobs wants a number of workers, got " .. value, 0) end
      elseif key == "shard" then o.shard = {batch.parse_shard(value)}
      elseif key == "merge" then
        o.merge = {}
        if value ~= "true" then o.merge[1] = value end
      elseif key == "allow_read" or key == "allow-read" then o.allow_read[#o.allow_read + 1] = value
      else o.given[key] = value end
    else
      o.names[#o.names + 1] = a
    end
    i = i + 1
  end
  return o
end

-- The product of the grids: a list of {param = value} tables.
local function grid_points(grids)
  local points = {{}}
  for _, g in ipairs(grids) do
    local nextp = {}
    for _, pt in ipairs(points) do
      for _, v in ipairs(g[2]) do
        local q = {}
        for k, x in pairs(pt) do q[k] = x end
        q[g[1]] = v
        nextp[#nextp + 1] = q
      end
    end
    points = nextp
  end
  return points
end

local function default_out(name)
  return "runs/" .. name .. "-" .. os.date("%Y%m%d-%H%M%S")
end

local function replay(path, o)
  local text = library.read_all(path)
  if not text then error("tenor run --replay: cannot read " .. path, 0) end
  local m = json.decode(text)
  local name = m.script and m.script.name or error("tenor run --replay: " .. path .. " is not a tenor manifest", 0)
  local given = {}
  for k, v in pairs(m.params or {}) do given[k] = type(v) == "table" and table.concat(v, ",") or tostring(v) end
  local here = library.find_script(name)
  local h = library.file_hash(here)
  if h ~= m.script.sha256 then print(("warning: %s changed since the manifest (sha256 %s, was %s)"):format(here, h:sub(1, 12), m.script.sha256:sub(1, 12))) end
  for _, d in ipairs(m.data or {}) do
    local now = library.file_hash(d.path)
    if now ~= d.sha256 then print(("warning: data file %s %s"):format(d.path, now and "changed" or "is missing")) end
  end
  local out = o.out or (path:match("^(.*)/[^/]*$") or ".") .. "-replay"
  -- trust and reads come from this command line, never from the manifest
  if o.trust then print("replay: trusted (--trust on this command line): no sandbox")
  elseif m.sandbox == false or m.sandbox == nil then
    print("replay: sandboxed, although the manifest records a trusted run (--trust on this command line lifts it)")
  end
  local again = run.run_one(name, given, {out = out, trust = o.trust, quiet = true, timeout = o.timeout,
                                          allow_read = o.allow_read})
  if again.status ~= "ok" then
    print("replay failed: " .. again.error)
    return 1
  end
  local before = {}
  for _, f in ipairs(m.outputs or {}) do before[f.file] = f.sha256 end
  local same, differ = 0, {}
  for _, f in ipairs(again.outputs) do
    if before[f.file] == f.sha256 then same = same + 1 else differ[#differ + 1] = f.file end
  end
  if #differ == 0 and same == #(m.outputs or {}) then
    print(("reproduced: %d outputs identical to %s (new run in %s)"):format(same, path, out))
    return 0
  end
  print(("NOT reproduced: %s differ from %s (new run in %s)"):format(table.concat(differ, ", "), path, out))
  return 1
end

-- One job per script and grid point.
local function jobs_of(o)
  local jobs = {}
  for _, name in ipairs(o.names) do
    for _, pt in ipairs(grid_points(o.grids)) do
      local given = {}
      for k, v in pairs(o.given) do given[k] = v end
      for k, v in pairs(pt) do given[k] = v end
      jobs[#jobs + 1] = {name = name, given = given, point = pt, index = #jobs + 1}
    end
  end
  return jobs
end

local function print_summary(results, failed)
  print(("\n%-28s %-30s %-7s %8s  %s"):format("script", "parameters", "status", "seconds", "output"))
  for _, r in ipairs(results) do
    print(("%-28s %-30s %-7s %8.2f  %s"):format(r.job.name, output.params_text(r.job.point), r.manifest.status,
      r.manifest.seconds or 0, r.out))
  end
  print(("%d runs, %d failed"):format(#results, failed))
end

-- The run folder of each job: base itself for a single run, else
-- base/<script>_<params> (the same on every shard).
local function assign_folders(jobs, base)
  for _, job in ipairs(jobs) do
    job.out = base
    if #jobs > 1 then
      local label = job.name
      local gp = output.params_text(job.point)
      if gp ~= "" then label = label .. "_" .. gp:gsub("[^%w_%-%.=]", "_") end
      job.out = base .. "/" .. label
    end
  end
end

local function run_serial(jobs, o, grid)
  local results, failed = {}, 0
  for i, job in ipairs(jobs) do
    if grid then
      io.write(("[%d/%d] %s %s ... "):format(i, #jobs, job.name, output.params_text(job.point))); io.flush()
    end
    local ok, m = pcall(run.run_one, job.name, job.given, {out = job.out, trust = o.trust, quiet = o.quiet or grid,
                                                           timeout = o.timeout, allow_read = o.allow_read})
    if not ok then m = {status = "failed", error = tostring(m), seconds = 0} end
    if m.status ~= "ok" then failed = failed + 1 end
    if grid then print(m.status == "ok" and ("ok (%.2f s)"):format(m.seconds) or ("FAILED: " .. m.error:match("[^\n]*"))) end
    results[#results + 1] = {job = job, manifest = m, out = job.out}
  end
  return results, failed
end

function M.cmd_run(args)
  local o = parse_run_args(args)
  if o.replay then return replay(o.replay, o) end
  if o.merge then
    for _, d in ipairs(o.names) do o.merge[#o.merge + 1] = d end
    return batch.merge(o.merge, print_summary)
  end
  if #o.names == 0 then error("tenor run: give a script name (tenor list shows them)", 0) end
  local all = jobs_of(o)
  local base = o.out or (#all == 1 and default_out(o.names[1]) or ("runs/batch-" .. os.date("%Y%m%d-%H%M%S")))
  assign_folders(all, base)
  local jobs = o.shard and batch.shard(all, o.shard[1], o.shard[2]) or all
  local grid = #all > 1
  local results, failed, interrupted
  if (o.jobs or 1) > 1 and #jobs > 1 then
    results, interrupted = batch.run_parallel(jobs, o, o.jobs, base .. "/.logs")
    failed = 0
    for _, r in ipairs(results) do if r.manifest.status ~= "ok" then failed = failed + 1 end end
  else
    results, failed = run_serial(jobs, o, grid)
  end
  if grid then
    library.mkdir_p(base)
    batch.write_record(base, #all, o.shard and (o.shard[1] .. "/" .. o.shard[2]) or nil, results)
    print_summary(results, failed)
  elseif #results == 1 then
    local m = results[1].manifest
    if m.status == "ok" then print(("\noutputs and manifest in %s"):format(results[1].out))
    else io.stderr:write("tenor run: ", m.error, "\n") end
  end
  if interrupted then return 130 end
  return failed == 0 and 0 or 1
end

-- A file's declaration, read in a sandboxed child with no write rights
-- and a short timeout: {script = true, name=, description=, help=} or
-- {script = false, reason=}.
local DECLARE_TIMEOUT = 5
local function declaration(path, with_help, trust)
  local request = json.encode{mode = "declare", path = path, help = with_help, package_path = package.path}
  local res = _tenor_child_run{request = request, trust = trust, read = run.read_roots(path), timeout = DECLARE_TIMEOUT}
  if res.status == "timeout" then return {script = false, reason = ("its top level ran longer than %d s"):format(DECLARE_TIMEOUT)} end
  local text = res.report or ""
  if text:sub(1, 1) == "!" then error("tenor: " .. text:sub(2), 0) end
  local ok, d = pcall(json.decode, text)
  if ok and type(d) == "table" and type(d.script) == "boolean" then return d end
  return {script = false, reason = ("it ended (status %s %s) without a declaration"):format(res.status, res.code)}
end

function M.cmd_list(args)
  local trust = args and args[1] == "--trust"
  local files = library.script_files()
  if #files == 0 then print("no scripts on the library path (" .. table.concat(library.library_dirs(), ":") .. ")") return 0 end
  for _, f in ipairs(files) do
    local d = declaration(f.path, false, trust)
    if d.script then print(("%-28s %s"):format(f.name, d.description or ""))
    else print(("%-28s not a script{} file: %s"):format(f.name, tostring(d.reason):match("[^\n]*"))) end
  end
  return 0
end


function M.cmd_help(args)
  if not args[1] then io.write(tenor.usage); return 0 end
  local path = library.find_script(args[1])
  local d = declaration(path, true, args[2] == "--trust")
  if not d.script then
    io.stderr:write(("tenor help: %s is not a script{} file: %s\n"):format(path, tostring(d.reason)))
    return 1
  end
  print(d.help)
  print(("file: %s"):format(path))
  return 0
end

--- Entry point from main.c: cmd is "run", "list" or "help".
function M.main(cmd, args)
  local handlers = {run = M.cmd_run, list = M.cmd_list, help = M.cmd_help}
  local ok, code = pcall(handlers[cmd], args)
  if not ok then
    io.stderr:write(tostring(code), "\n")
    return 2
  end
  return code
end

return M

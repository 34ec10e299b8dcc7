--[[ tenor.runner.batch: a grid of runs past one core and one machine.

  --jobs N     the runs in N worker processes at once (--jobs alone: the
               number of cores). Each worker is this tenor, started as
               `tenor run NAME --out=DIR --quiet=true --k=v ...` for one
               run, so its folder is what --jobs 1 writes, byte for byte.
               A line per finished run (done/total, failures, elapsed,
               ETA); the summary is in grid order. A run that fails or
               times out is reported, the others go on: a worker still
               running GRACE seconds past --timeout (stuck in a C call
               the run's own timeout cannot interrupt) is killed with
               everything it started. Ctrl-C stops the workers (SIGTERM
               to each one's process group, then waits for them) and
               reports what finished; the exit status is then 130.
  --shard K/N  only the K-th of N slices of the grid: runs K, K+N, K+2N ...
               (1-based, in the grid's order), so N machines or array
               tasks with the same command and K = 1..N run every point
               once. Run folders keep their grid names.
  --merge DIR...
               joins the batch.json files shards left in their folders into
               one summary (grid order), naming runs no shard holds.

Every grid (more than one run) leaves batch.json in its folder: the grid's
size, the shard, and per run its index, script, parameters, folder,
status, seconds and error.
]]

local json = require "tenor.runner.json"
local library = require "tenor.runner.library"
local output = require "tenor.runner.output"

local M = {}

local GRACE = 5        -- seconds past --timeout before a worker is killed

local proc_c
local function proc()
  proc_c = proc_c or require "tenor.proc_c"
  return proc_c
end

--- "K/N" -> k, n; raises with the usage on anything else.
function M.parse_shard(text)
  local k, n = tostring(text):match("^(%d+)/(%d+)$")
  k, n = tonumber(k), tonumber(n)
  if not k or n < 1 or k < 1 or k > n then
    error("tenor run: --shard wants K/N with 1 <= K <= N (such as 2/8), got " .. tostring(text), 0)
  end
  return k, n
end

--- The jobs of shard k of n: every job i with (i - 1) % n == k - 1.
function M.shard(jobs, k, n)
  local out = {}
  for i, job in ipairs(jobs) do if (i - 1) % n == k - 1 then out[#out + 1] = job end end
  return out
end

function M.default_jobs() return proc().ncpu() end

-- The worker's command line: this tenor, one run, its folder given.
local function worker_argv(job, o)
  local argv = {proc().exe() or "tenor", "run", job.name, "--out=" .. job.out, "--quiet=true"}
  if o.trust then argv[#argv + 1] = "--trust=true" end
  if o.timeout then argv[#argv + 1] = "--timeout=" .. o.timeout end
  for _, path in ipairs(o.allow_read or {}) do argv[#argv + 1] = "--allow-read=" .. path end
  local keys = {}
  for k in pairs(job.given) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do argv[#argv + 1] = ("--%s=%s"):format(k, tostring(job.given[k])) end
  return argv
end

-- What a finished worker left: its manifest, or why there is none.
local function read_result(job, how, code, log, killed)
  if killed then
    return {status = "failed", seconds = 0,
            error = ("timed out: the worker was still running %d s past --timeout %d and was killed"):format(GRACE, killed)}
  end
  local text = library.read_all(job.out .. "/manifest.json")
  local ok, m = pcall(function() return text and json.decode(text) end)
  if ok and type(m) == "table" and m.status then
    if m.status == "ok" then os.remove(log) end
    return m
  end
  local why = how == "signal" and ("killed by signal " .. code) or ("exit status " .. tostring(code))
  return {status = "failed", seconds = 0, error = ("worker ended (%s) without a manifest; its output: %s"):format(why, log)}
end

local function eta_text(done, total, elapsed)
  if done == 0 then return "?" end
  return ("%.0f s"):format(elapsed / done * (total - done))
end

-- The line printed when a run finishes.
local function progress_line(pool, job, m)
  local elapsed = os.time() - pool.t0
  local what = m.status == "ok" and ("ok (%.2f s)"):format(m.seconds or 0)
               or m.status == "interrupted" and "INTERRUPTED"
               or "FAILED: " .. tostring(m.error):match("[^\n]*")
  return ("[%d/%d] %s %s %s; %d failed, %d s elapsed, ETA %s"):format(pool.done, #pool.jobs, job.name,
    output.params_text(job.point), what, pool.failed, elapsed, eta_text(pool.done, #pool.jobs, elapsed))
end

local function record(pool, i, m)
  pool.results[i] = {job = pool.jobs[i], manifest = m, out = pool.jobs[i].out}
  pool.done = pool.done + 1
  if m.status ~= "ok" then pool.failed = pool.failed + 1 end
  print(progress_line(pool, pool.jobs[i], m))
  io.stdout:flush()
end

local function start(pool, i)
  local job = pool.jobs[i]
  library.mkdir_p(job.out)
  local log = ("%s/%d.log"):format(pool.logdir, i)
  local pid, err = proc().spawn(worker_argv(job, pool.o), log)
  if pid then pool.running[pid] = {i = i, log = log, started = os.time()}
  else record(pool, i, {status = "failed", seconds = 0, error = err}) end
end

-- The next worker to end; with --timeout, waits no longer than the first
-- worker's deadline, and kills the workers past theirs.
local function next_exit(pool)
  local timeout = pool.o.timeout
  if not timeout then return proc().wait() end
  local soonest = math.huge
  for _, w in pairs(pool.running) do soonest = math.min(soonest, w.started + timeout + GRACE) end
  local pid, how, code = proc().wait(math.max(0, soonest - os.time()) * 1000 + 50)
  if how == "timeout" then
    for wpid, w in pairs(pool.running) do
      if not w.killed and os.time() >= w.started + timeout + GRACE then
        w.killed = timeout
        proc().kill(wpid, "KILL")
      end
    end
  end
  return pid, how, code
end

-- Runs jobs (each with .out) in up to n workers; returns the results
-- ({job =, manifest =, out =}, in job order) and whether Ctrl-C stopped
-- the batch.
function M.run_parallel(jobs, o, n, logdir)
  local P = proc()
  library.mkdir_p(logdir)
  local pool = {jobs = jobs, o = o, logdir = logdir, results = {}, running = {}, done = 0, failed = 0,
                t0 = os.time(), interrupted = false}
  local next_job = 1
  P.guard(true)
  while true do
    while not pool.interrupted and next_job <= #jobs and M.count(pool.running) < n do
      start(pool, next_job)
      next_job = next_job + 1
    end
    if next(pool.running) == nil then break end
    local pid, how, code = next_exit(pool)
    if how == "interrupted" then
      pool.interrupted = true
      io.stderr:write("\ninterrupted: stopping ", M.count(pool.running), " workers\n")
      for wpid in pairs(pool.running) do P.kill(wpid, "TERM") end
    elseif how == "none" then
      break
    elseif pid and pool.running[pid] then
      local w = pool.running[pid]
      pool.running[pid] = nil
      record(pool, w.i, pool.interrupted and {status = "interrupted", seconds = 0, error = "stopped by Ctrl-C"}
                                         or read_result(jobs[w.i], how, code, w.log, w.killed))
    end
  end
  P.guard(false)
  os.remove(logdir)            -- only when empty: failures keep their logs
  for i, job in ipairs(jobs) do
    pool.results[i] = pool.results[i] or {job = job, out = job.out,
                                          manifest = {status = "interrupted", seconds = 0, error = "not started (Ctrl-C)"}}
  end
  return pool.results, pool.interrupted
end

function M.count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

--- batch.json in base: the grid's size, the shard and every run's outcome.
function M.write_record(base, total, shard, results)
  local runs = {}
  for _, r in ipairs(results) do
    runs[#runs + 1] = {index = r.job.index, script = r.job.name, params = r.job.point, out = r.out,
                       status = r.manifest.status, seconds = r.manifest.seconds or 0, error = r.manifest.error}
  end
  local f = assert(library.real.open(base .. "/batch.json", "w"))
  f:write(json.encode({total = total, shard = shard, runs = runs}), "\n")
  f:close()
end

--- tenor run --merge DIR...: one summary of the shards' batch.json files.
function M.merge(dirs, print_summary)
  if #dirs == 0 then error("tenor run --merge: give the shards' folders", 0) end
  local total, by_index = nil, {}
  for _, d in ipairs(dirs) do
    local text = library.read_all(d .. "/batch.json")
    if not text then error("tenor run --merge: " .. d .. " has no batch.json (not a grid's folder)", 0) end
    local b = json.decode(text)
    if total and b.total ~= total then
      error(("tenor run --merge: %s holds a grid of %d runs, the others %d"):format(d, b.total, total), 0)
    end
    total = b.total
    for _, r in ipairs(b.runs or {}) do
      if by_index[r.index] then
        error(("tenor run --merge: run %d is in two shards (%s and %s)"):format(r.index, by_index[r.index].out, r.out), 0)
      end
      by_index[r.index] = r
    end
  end
  local results, missing, failed = {}, {}, 0
  for i = 1, total do
    local r = by_index[i]
    if r then
      results[#results + 1] = {job = {name = r.script, point = r.params or {}}, out = r.out,
                               manifest = {status = r.status, seconds = r.seconds}}
      if r.status ~= "ok" then failed = failed + 1 end
    else
      missing[#missing + 1] = tostring(i)
    end
  end
  print_summary(results, failed)
  if #missing > 0 then
    print(("%d of %d runs are in no shard given: %s"):format(#missing, total, table.concat(missing, ", ")))
  end
  return (failed == 0 and #missing == 0) and 0 or 1
end

return M

--[[ tenor.runner.run: one run of one script into its output folder.

run_one(name, given, opts) runs the script in a child process
(interp/host/child.c), sandboxed by the operating system unless
opts.trust: the child may read the library path, tenor's own files, the
script's folder and opts.allow_read, write only in the output folder, and
start only gnuplot. The child writes the outputs; this parent then checks
what the child reported, hashes the outputs and the data files read, and
writes manifest.json itself. Returns the manifest (status "ok", or
"failed" with the error).

opts: out (folder), trust, quiet, timeout (wall-clock seconds: the child
is killed), allow_read (list of paths).
]]

local json = require "tenor.runner.json"
local library = require "tenor.runner.library"
local output = require "tenor.runner.output"

local M = {}

local function stamp_now() return os.date("!%Y-%m-%dT%H:%M:%SZ") end

local function inside(path, root)
  return path == root or path:sub(1, #root + 1) == root .. "/"
end

--- What a sandboxed child may read: the library path, tenor's own files,
--- the script's folder, and the paths the person running it allowed.
function M.read_roots(script_path, allow_read)
  local roots, seen = {}, {}
  local function add(p)
    local c = p and _tenor_realpath(p)
    if c and not seen[c] then seen[c] = true; roots[#roots + 1] = c end
  end
  for _, d in ipairs(library.library_dirs()) do add(d) end
  add(tenor.home)
  if script_path then add(library.dirname(script_path)) end
  for _, p in ipairs(allow_read or {}) do
    if not _tenor_realpath(p) then error("tenor run: --allow-read " .. p .. ": no such file or folder", 0) end
    add(p)
  end
  return roots
end

-- The data files the child says it read, kept when they are inside what
-- it could read (roots; nil for a trusted run) and outside its output
-- folder, with their hashes.
local function data_record(paths, roots, out)
  local reads, seen = {}, {}
  for _, p in ipairs(type(paths) == "table" and paths or {}) do
    local c = type(p) == "string" and _tenor_realpath(p)
    local ok = c and not seen[c] and not inside(c, out) and not c:match("%.lua$")
    for _, r in ipairs(ok and (roots or {"/"}) or {}) do
      if inside(c, r) or r == "/" then
        seen[c] = true
        local h, bytes = library.file_hash(c)
        if h then reads[#reads + 1] = {path = c, sha256 = h, bytes = bytes} end
        break
      end
    end
  end
  table.sort(reads, function(a, b) return a.path < b.path end)
  return reads
end

-- The outputs the child says it wrote: plain names of regular files in
-- the output folder (not symlinks), with their hashes.
local function outputs_record(files, out)
  local list = {}
  for _, f in ipairs(type(files) == "table" and files or {}) do
    if type(f) == "string" and f:match("^[%w_%-%.]+$") and f ~= "manifest.json"
       and _tenor_realpath(out .. "/" .. f) == out .. "/" .. f then
      list[#list + 1] = {file = f, sha256 = library.file_hash(out .. "/" .. f)}
    end
  end
  return list
end

-- The child's report as a table, or nil and the error of the run.
local function read_report(res, timeout)
  if res.status == "timeout" then return nil, ("timeout: the run took longer than %s s"):format(timeout) end
  if res.status == "interrupted" then return nil, "interrupted" end
  local text = res.report or ""
  if text:sub(1, 1) == "!" then return nil, text:sub(2) end
  local ok, r = pcall(json.decode, text)
  if ok and type(r) == "table" then return r end
  if res.status == "signal" then return nil, ("the run was killed by signal %d"):format(res.code) end
  return nil, ("the run ended (status %d) without a report"):format(res.code or -1)
end

function M.run_one(name, given, opts)
  opts = opts or {}
  library.mkdir_p(opts.out)
  local out = assert(_tenor_realpath(opts.out))
  local path = library.find_script(name)
  local manifest = {script = {name = name, path = path, sha256 = library.file_hash(path)},
                    tenor = tenor.version, lua = _VERSION, time = stamp_now(), sandbox = not opts.trust,
                    given = given, allow_read = opts.allow_read and #opts.allow_read > 0 and opts.allow_read or nil}
  local roots = M.read_roots(path, opts.allow_read)
  -- what report.html shows at its top: the parent knows it before the run
  local head = {script = manifest.script, tenor = manifest.tenor, sandbox = manifest.sandbox}
  local request = json.encode{mode = "run", name = name, path = path, given = given, out = out,
                              quiet = opts.quiet, trust = opts.trust, package_path = package.path,
                              manifest = head}
  local wall0 = os.time()
  local res = _tenor_child_run{request = request, trust = opts.trust, read = roots, write = out,
                               exec = library.gnuplot_path(), timeout = opts.timeout}
  local r, err = read_report(res, opts.timeout)
  manifest.wall_seconds = os.time() - wall0     -- whole seconds
  manifest.seconds = r and tonumber(r.seconds) or 0   -- the child's CPU time
  manifest.params = r and r.params
  manifest.data = data_record(r and r.reads, not opts.trust and roots or nil, out)
  if r and r.ok == true then
    manifest.status = "ok"
    manifest.outputs = outputs_record(r.files, out)
  else
    manifest.status = "failed"
    manifest.error = r and tostring(r.error) or err
  end
  os.remove(out .. "/manifest.json")            -- never written through a link
  output.write_manifest(out, manifest)
  return manifest
end

return M

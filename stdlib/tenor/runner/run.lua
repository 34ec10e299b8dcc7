--[[ tenor.runner.run: one run of one script into its output folder.

run_one(name, given, opts) binds the text (or Lua) parameters, runs the
script inside the sandbox, writes the outputs and the manifest, and
returns the manifest (status "ok", or "failed" with the error).
]]

local library = require "tenor.runner.library"
local sandbox = require "tenor.runner.sandbox"
local output = require "tenor.runner.output"

local M = {}

local function stamp_now() return os.date("!%Y-%m-%dT%H:%M:%SZ") end

-- The data files the run read (outside its output folder), with hashes.
local function reads_record(sb)
  local reads = {}
  for file in pairs(sb.reads) do
    if not sandbox.inside(file, sb.out) then
      local h, bytes = library.file_hash(file)
      if h and not file:match("%.lua$") then reads[#reads + 1] = {path = file, sha256 = h, bytes = bytes} end
    end
  end
  table.sort(reads, function(a, b) return a.path < b.path end)
  return reads
end

function M.run_one(name, given, opts)
  opts = opts or {}
  local out_dir = opts.out
  library.mkdir_p(out_dir)
  local path = library.find_script(name)
  local script_text = library.read_all(path)
  local manifest = {script = {name = name, path = path, sha256 = _tenor_sha256(script_text)},
                    tenor = tenor.version, lua = _VERSION, time = stamp_now(), sandbox = not opts.trust,
                    given = given}
  local captured = {}
  local real_print = print
  local sb = sandbox.new(out_dir, {}, opts.trust)
  local drawn = {dir = sb.out or out_dir, charts = {}}   -- charts for the report (plot.chart)
  plot._run = drawn
  local undo
  local t0 = os.clock()
  local wall0 = os.time()
  local result
  local ok, err = _tenor_timed_call(opts.timeout or 0, function()
    -- the script's own top-level code runs inside the sandbox too
    undo = sandbox.enter(sb)
    print = function(...)
      local parts = table.pack(...)
      for i = 1, parts.n do parts[i] = tostring(parts[i]) end
      local line = table.concat(parts, "\t", 1, parts.n)
      captured[#captured + 1] = line
      if not opts.quiet then real_print(line) end
    end
    local chunk = assert(loadfile(path, "t"))
    local S = chunk()
    if not (getmetatable(S) and S.main and S.bind) then error(("tenor run: %s does not return script{...}"):format(path), 0) end
    local p = S:bind(given)
    manifest.params = p
    for _, file in ipairs(S.data or {}) do
      local full = file:sub(1, 1) == "/" and file or (p.data_dir .. "/" .. file)
      local c = sandbox.canonical(full)
      if c then sb.allowed_files[c] = true end
    end
    result = S:run(p, {quiet = false, out = sb.out})
  end)
  print = real_print
  if undo then undo() end
  plot._run = nil
  manifest.seconds = os.clock() - t0            -- CPU time
  manifest.wall_seconds = os.time() - wall0     -- whole seconds
  manifest.data = reads_record(sb)
  if ok then
    manifest.status = "ok"
    local files = output.write(out_dir, result, table.concat(captured, "\n") .. "\n",
                               ("%s (%s)"):format(name, output.params_text(manifest.params or {})),
                               {manifest = manifest, charts = drawn.charts})
    manifest.outputs = {}
    for _, f in ipairs(files) do
      local h = library.file_hash(out_dir .. "/" .. f)
      manifest.outputs[#manifest.outputs + 1] = {file = f, sha256 = h}
    end
  else
    manifest.status = "failed"
    manifest.error = tostring(err)
  end
  output.write_manifest(out_dir, manifest)
  return manifest
end

return M

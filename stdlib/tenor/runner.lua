--[[ tenor run / list / help: the team's scripts as reproducible runs.

  tenor list                          the scripts on the library path
  tenor help NAME                     a script's description and parameters
  tenor run NAME [--param value ...]  run it; outputs go to a new folder
      --out DIR        the output folder (default runs/NAME-YYYYMMDD-HHMMSS)
      --grid p=a,b,c   one run per value (repeat for a product of grids)
      --trust          lift the sandbox (scripts you wrote yourself)
      --timeout S      stop a run after S seconds of wall time
      --quiet          print only progress and the summary
  tenor run NAME1 NAME2 ...           several scripts, one after another
  tenor run --replay DIR/manifest.json
                                      run a manifest again and compare every
                                      output file with the recorded hash

Each run folder holds report.md (the printed report), one CSV per series the
script returns (a top-level field of its result), numbers.csv (every number
in the result, flattened to dotted keys, printed with 17 significant digits)
and manifest.json: the script's name, path and SHA-256, the bound
parameters, every data file read with its SHA-256, the outputs with theirs,
tenor's version, the sandbox setting and the time. A failing run is reported
and the others go on; the exit status is 1 if any failed.

The sandbox (default under tenor run): the script may read its declared data
files (data_dir/…), the library path and its output folder, and write only
inside its output folder; os.execute, io.popen, os.exit, os.tmpname,
package.loadlib, C modules, binary chunks and the debug library are refused
with a message naming what was refused. Charts (plot.line, plot.bar) may be
written into the output folder.
]]

local M = {}

-- JSON ----------------------------------------------------------------------------

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    local named = {['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t"}
    return named[c] or ("\\u%04x"):format(c:byte())
  end) .. '"'
end

local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n == #t
end

local function encode(v, indent)
  indent = indent or ""
  local t = type(v)
  if t == "string" then return json_string(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    return math.type(v) == "integer" and tostring(v) or ("%.17g"):format(v)
  elseif t == "boolean" then return tostring(v)
  elseif t == "nil" then return "null"
  elseif t == "table" then
    local inner = indent .. "  "
    local parts = {}
    if is_array(v) and #v > 0 then
      for _, x in ipairs(v) do parts[#parts + 1] = inner .. encode(x, inner) end
      return "[\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for _, k in ipairs(keys) do parts[#parts + 1] = inner .. json_string(k) .. ": " .. encode(v[k], inner) end
    if #parts == 0 then return "{}" end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  end
  return json_string(tostring(v))
end
M.json_encode = encode

-- A small decoder for the manifests this module writes (and any plain JSON).
function M.json_decode(text)
  local pos = 1
  local function fail(what) error(("manifest: bad JSON at byte %d: %s"):format(pos, what), 0) end
  local function ws() pos = text:find("[^ \t\r\n]", pos) or #text + 1 end
  local value
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local c = text:sub(pos, pos)
      if c == "" then fail("unterminated string") end
      if c == '"' then pos = pos + 1; return table.concat(out) end
      if c == "\\" then
        local e = text:sub(pos + 1, pos + 1)
        local map = {n = "\n", r = "\r", t = "\t", b = "\b", f = "\f", ['"'] = '"', ["\\"] = "\\", ["/"] = "/"}
        if e == "u" then
          out[#out + 1] = utf8.char(tonumber(text:sub(pos + 2, pos + 5), 16) or fail("bad \\u escape"))
          pos = pos + 6
        else
          out[#out + 1] = map[e] or fail("bad escape")
          pos = pos + 2
        end
      else
        out[#out + 1] = c
        pos = pos + 1
      end
    end
  end
  function value()
    ws()
    local c = text:sub(pos, pos)
    if c == "{" then
      local t = {}
      pos = pos + 1; ws()
      if text:sub(pos, pos) == "}" then pos = pos + 1; return t end
      while true do
        ws()
        if text:sub(pos, pos) ~= '"' then fail("expected a key") end
        local k = str(); ws()
        if text:sub(pos, pos) ~= ":" then fail("expected ':'") end
        pos = pos + 1
        t[k] = value(); ws()
        local d = text:sub(pos, pos); pos = pos + 1
        if d == "}" then return t elseif d ~= "," then fail("expected ',' or '}'") end
      end
    elseif c == "[" then
      local t = {}
      pos = pos + 1; ws()
      if text:sub(pos, pos) == "]" then pos = pos + 1; return t end
      while true do
        t[#t + 1] = value(); ws()
        local d = text:sub(pos, pos); pos = pos + 1
        if d == "]" then return t elseif d ~= "," then fail("expected ',' or ']'") end
      end
    elseif c == '"' then return str()
    elseif text:sub(pos, pos + 3) == "true" then pos = pos + 4; return true
    elseif text:sub(pos, pos + 4) == "false" then pos = pos + 5; return false
    elseif text:sub(pos, pos + 3) == "null" then pos = pos + 4; return nil
    else
      local num = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then fail("unexpected character") end
      pos = pos + #num
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
  end
  local v = value()
  ws()
  if pos <= #text then fail("trailing text") end
  return v
end

-- files -----------------------------------------------------------------------------

local real = {open = io.open, execute = os.execute, popen = io.popen, remove = os.remove, rename = os.rename}

local function read_all(path)
  local f = real.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function file_hash(path)
  local s = read_all(path)
  return s and _tenor_sha256(s), s and #s
end

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function mkdir_p(dir)
  local ok = real.execute("mkdir -p " .. shell_quote(dir))
  if not ok then error("tenor run: cannot create the output folder " .. dir, 0) end
end

-- The folders scripts are found in: the directories of package.path's
-- "?.lua" templates.
local function library_dirs()
  local dirs, seen = {}, {}
  for template in package.path:gmatch("[^;]+") do
    local d = template:match("^(.*)/%?%.lua$") or template:match("^(.*)/%?/init%.lua$")
    if d and d ~= "." and not seen[d] then
      seen[d] = true
      dirs[#dirs + 1] = d
    end
  end
  return dirs
end

-- script discovery -------------------------------------------------------------------

local function load_script(name)
  local path = package.searchpath(name, package.path)
  if not path then
    error(("tenor: no script '%s' on the library path %s (tenor list shows the scripts)")
      :format(name, table.concat(library_dirs(), ":")), 0)
  end
  return path
end

--- All scripts on the library path: {name=, path=, description=}.
function M.discover()
  local found, seen = {}, {}
  for _, dir in ipairs(library_dirs()) do
    if not dir:match("/stdlib$") then
      local p = real.popen("find " .. shell_quote(dir) .. " -name '*.lua' -type f 2>/dev/null | sort")
      for file in p:lines() do
        local name = file:sub(#dir + 2):gsub("%.lua$", ""):gsub("/", ".")
        if not seen[name] then
          local chunk = loadfile(file, "t")
          local ok, s = pcall(chunk or error)
          if ok and getmetatable(s) and s.main and s.params then
            seen[name] = true
            found[#found + 1] = {name = name, path = file, description = s.description}
          end
        end
      end
      p:close()
    end
  end
  table.sort(found, function(a, b) return a.name < b.name end)
  return found
end

-- the sandbox ------------------------------------------------------------------------

local function refused(what)
  return function() error(("sandbox: %s is not allowed in a sandboxed run (tenor run --trust lifts the sandbox)"):format(what), 2) end
end

-- The canonical path of a file that may not exist yet: its folder resolved.
local function canonical(path)
  local full = _tenor_realpath(path)
  if full then return full end
  local dir, base = path:match("^(.*)/([^/]*)$")
  if not dir then dir, base = ".", path end
  local d = _tenor_realpath(dir == "" and "/" or dir)
  return d and (d .. "/" .. base) or nil
end

local function inside(path, root)
  return path == root or path:sub(1, #root + 1) == root .. "/"
end

--- A sandbox for one run: read roots, write root, the files read.
local function new_sandbox(out_dir, read_files, trusted)
  local sb = {out = canonical(out_dir), read_roots = {}, allowed_files = {}, reads = {}, trusted = trusted}
  for _, d in ipairs(library_dirs()) do
    local c = _tenor_realpath(d)
    if c then sb.read_roots[#sb.read_roots + 1] = c end
  end
  for _, f in ipairs(read_files) do
    local c = canonical(f)
    if c then sb.allowed_files[c] = true end
  end
  return sb
end

local function check_read(sb, path, who)
  local c = canonical(path)
  if c then sb.reads[c] = true end
  if sb.trusted then return end
  if c and (sb.allowed_files[c] or inside(c, sb.out)) then return end
  for _, r in ipairs(sb.read_roots) do if c and inside(c, r) then return end end
  error(("sandbox: %s may not read %s: only the declared data files, the library path and the output folder"):format(who, path), 3)
end

local function check_write(sb, path, who)
  if sb.trusted then return end
  local c = canonical(path)
  if c and inside(c, sb.out) then return end
  error(("sandbox: %s may not write %s: only inside the output folder %s"):format(who, path, sb.out), 3)
end

-- Patches the shared tables for the duration of a run; returns the undo.
local function enter_sandbox(sb)
  local saved = {}
  local function patch(tbl, key, value)
    saved[#saved + 1] = {tbl, key, tbl[key]}
    tbl[key] = value
  end
  local open, lines, input, output = io.open, io.lines, io.input, io.output
  patch(io, "open", function(path, mode)
    mode = mode or "r"
    if mode:find("[wa+]") then check_write(sb, path, "io.open") else check_read(sb, path, "io.open") end
    return open(path, mode)
  end)
  patch(io, "lines", function(path, ...)
    if path ~= nil then check_read(sb, path, "io.lines") end
    return lines(path, ...)
  end)
  patch(io, "input", function(f)
    if type(f) == "string" then check_read(sb, f, "io.input") end
    return input(f)
  end)
  patch(io, "output", function(f)
    if type(f) == "string" then check_write(sb, f, "io.output") end
    return output(f)
  end)
  local read_csv, write_csv, store_open = data.read_csv, data.write_csv, store.open
  patch(data, "read_csv", function(path, ...) check_read(sb, path, "data.read_csv"); return read_csv(path, ...) end)
  patch(data, "write_csv", function(path, ...) check_write(sb, path, "data.write_csv"); return write_csv(path, ...) end)
  patch(store, "open", function(path, opts)
    check_read(sb, path, "store.open")
    local c = canonical(path)
    if not sb.trusted and not (c and inside(c, sb.out)) then
      return store_open(path, {readonly = true})      -- a shared store is read, never written
    end
    return store_open(path, opts)
  end)
  for _, name in ipairs{"line", "bar"} do
    local f = plot[name]
    patch(plot, name, function(args, ...)
      if type(args) == "table" and args.out then check_write(sb, args.out, "plot." .. name) end
      return f(args, ...)
    end)
  end
  if not sb.trusted then
    local remove, rename = os.remove, os.rename
    patch(os, "remove", function(path) check_write(sb, path, "os.remove"); return remove(path) end)
    patch(os, "rename", function(a, b)
      check_write(sb, a, "os.rename"); check_write(sb, b, "os.rename"); return rename(a, b)
    end)
    patch(os, "execute", refused("os.execute"))
    patch(io, "popen", refused("io.popen"))
    patch(os, "exit", refused("os.exit"))
    patch(os, "tmpname", refused("os.tmpname"))
    patch(package, "loadlib", refused("package.loadlib"))
    local searchers = package.searchers
    patch(package, "searchers", {searchers[1], searchers[2]})   -- preload and Lua files only
    local load_, loadfile_ = load, loadfile
    patch(_G, "load", function(chunk, name, _, env)
      if env ~= nil then return load_(chunk, name, "t", env) end
      return load_(chunk, name, "t")
    end)
    patch(_G, "loadfile", function(path, _, env)
      if path then check_read(sb, path, "loadfile") end
      if env ~= nil then return loadfile_(path, "t", env) end
      return loadfile_(path, "t")
    end)
    patch(_G, "dofile", function(path)
      if path then check_read(sb, path, "dofile") end
      local f = assert(loadfile_(path, "t"))
      return f()
    end)
    local traceback = debug.traceback
    local safe_debug = {traceback = traceback}
    patch(_G, "debug", safe_debug)
    patch(package.loaded, "debug", safe_debug)
  end
  return function()
    for i = #saved, 1, -1 do
      local s = saved[i]
      s[1][s[2]] = s[3]
    end
  end
end

-- outputs ------------------------------------------------------------------------------

local function flatten_numbers(v, prefix, out, depth, seen)
  if depth > 4 or seen[v] then return end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do if type(k) == "string" or math.type(k) == "integer" then keys[#keys + 1] = k end end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local x = v[k]
    local name = prefix == "" and tostring(k) or (prefix .. "." .. tostring(k))
    if type(x) == "number" then out[#out + 1] = {name, x}
    elseif type(x) == "table" then flatten_numbers(x, name, out, depth + 1, seen) end
  end
end

local function write_outputs(dir, result, report_text, title)
  local files = {}
  local f = assert(real.open(dir .. "/report.md", "w"))
  f:write("# ", title, "\n\n```\n", report_text, "```\n")
  f:close()
  files[#files + 1] = "report.md"
  if type(result) == "table" then
    local keys = {}
    for k, v in pairs(result) do if type(k) == "string" and series.is(v) then keys[#keys + 1] = k end end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local name = k:gsub("[^%w_%-%.]", "_") .. ".csv"
      local s = result[k]
      assert(data.write_csv(dir .. "/" .. name, {s:rename(s.name or k)}))
      files[#files + 1] = name
    end
    local nums = {}
    flatten_numbers(result, "", nums, 1, {})
    if #nums > 0 then
      local g = assert(real.open(dir .. "/numbers.csv", "w"))
      g:write("key,value\n")
      for _, kv in ipairs(nums) do
        local x = kv[2]
        g:write(kv[1], ",", math.type(x) == "integer" and tostring(x) or (x ~= x and "NA" or ("%.17g"):format(x)), "\n")
      end
      g:close()
      files[#files + 1] = "numbers.csv"
    end
  end
  return files
end

-- one run ------------------------------------------------------------------------------

local function params_text(p)
  local keys = {}
  for k in pairs(p) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do
    local v = p[k]
    if type(v) == "table" then
      local t = {}
      for i, x in ipairs(v) do t[i] = tostring(x) end
      v = table.concat(t, ",")
    end
    parts[#parts + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(parts, " ")
end

local function stamp_now() return os.date("!%Y-%m-%dT%H:%M:%SZ") end

--- Runs one script with text or Lua parameters into out_dir; returns the
--- manifest (status "ok" or "failed" with the error).
function M.run_one(name, given, opts)
  opts = opts or {}
  local out_dir = opts.out
  mkdir_p(out_dir)
  local path = load_script(name)
  local script_text = read_all(path)
  local manifest = {script = {name = name, path = path, sha256 = _tenor_sha256(script_text)},
                    tenor = tenor.version, lua = _VERSION, time = stamp_now(), sandbox = not opts.trust,
                    given = given}
  local captured = {}
  local real_print = print
  local sb = new_sandbox(out_dir, {}, opts.trust)
  local undo
  local t0 = os.clock()
  local wall0 = os.time()
  local result
  local ok, err = _tenor_timed_call(opts.timeout or 0, function()
    -- the script's own top-level code runs inside the sandbox too
    undo = enter_sandbox(sb)
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
      local c = canonical(full)
      if c then sb.allowed_files[c] = true end
    end
    result = S:run(p, {quiet = false, out = sb.out})
  end)
  print = real_print
  if undo then undo() end
  manifest.seconds = os.clock() - t0            -- CPU time
  manifest.wall_seconds = os.time() - wall0     -- whole seconds
  local reads = {}
  for file in pairs(sb.reads) do
    if not inside(file, sb.out) then
      local h, bytes = file_hash(file)
      if h and not file:match("%.lua$") then reads[#reads + 1] = {path = file, sha256 = h, bytes = bytes} end
    end
  end
  table.sort(reads, function(a, b) return a.path < b.path end)
  manifest.data = reads
  if ok then
    manifest.status = "ok"
    local files = write_outputs(out_dir, result, table.concat(captured, "\n") .. "\n",
                                ("%s (%s)"):format(name, params_text(manifest.params or {})))
    manifest.outputs = {}
    for _, f in ipairs(files) do
      local h = file_hash(out_dir .. "/" .. f)
      manifest.outputs[#manifest.outputs + 1] = {file = f, sha256 = h}
    end
  else
    manifest.status = "failed"
    manifest.error = tostring(err)
  end
  local mf = assert(real.open(out_dir .. "/manifest.json", "w"))
  mf:write(encode(manifest), "\n")
  mf:close()
  return manifest
end

-- command line ------------------------------------------------------------------------

local function parse_run_args(args)
  local o = {names = {}, given = {}, grids = {}}
  local i = 1
  while i <= #args do
    local a = args[i]
    local key, inline = a:match("^%-%-([%w_]+)=(.*)$")
    key = key or a:match("^%-%-([%w_]+)$")
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
  local text = read_all(path)
  if not text then error("tenor run --replay: cannot read " .. path, 0) end
  local m = M.json_decode(text)
  local name = m.script and m.script.name or error("tenor run --replay: " .. path .. " is not a tenor manifest", 0)
  local given = {}
  for k, v in pairs(m.params or {}) do given[k] = type(v) == "table" and table.concat(v, ",") or tostring(v) end
  local here = load_script(name)
  local h = file_hash(here)
  if h ~= m.script.sha256 then print(("warning: %s changed since the manifest (sha256 %s, was %s)"):format(here, h:sub(1, 12), m.script.sha256:sub(1, 12))) end
  for _, d in ipairs(m.data or {}) do
    local now = file_hash(d.path)
    if now ~= d.sha256 then print(("warning: data file %s %s"):format(d.path, now and "changed" or "is missing")) end
  end
  local out = o.out or (path:match("^(.*)/[^/]*$") or ".") .. "-replay"
  local again = M.run_one(name, given, {out = out, trust = not m.sandbox, quiet = true, timeout = o.timeout})
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

function M.cmd_run(args)
  local o = parse_run_args(args)
  if o.replay then return replay(o.replay, o) end
  if #o.names == 0 then error("tenor run: give a script name (tenor list shows them)", 0) end
  local jobs = {}
  for _, name in ipairs(o.names) do
    for _, pt in ipairs(grid_points(o.grids)) do
      local given = {}
      for k, v in pairs(o.given) do given[k] = v end
      for k, v in pairs(pt) do given[k] = v end
      jobs[#jobs + 1] = {name = name, given = given, point = pt}
    end
  end
  local base = o.out or (#jobs == 1 and default_out(o.names[1]) or ("runs/batch-" .. os.date("%Y%m%d-%H%M%S")))
  local results, failed = {}, 0
  for i, job in ipairs(jobs) do
    local out = base
    if #jobs > 1 then
      local label = job.name
      local gp = params_text(job.point)
      if gp ~= "" then label = label .. "_" .. gp:gsub("[^%w_%-%.=]", "_") end
      out = base .. "/" .. label
    end
    if #jobs > 1 then io.write(("[%d/%d] %s %s ... "):format(i, #jobs, job.name, params_text(job.point))); io.flush() end
    local ok, m = pcall(M.run_one, job.name, job.given, {out = out, trust = o.trust, quiet = o.quiet or #jobs > 1,
                                                         timeout = o.timeout})
    if not ok then m = {status = "failed", error = tostring(m), seconds = 0} end
    if m.status ~= "ok" then failed = failed + 1 end
    if #jobs > 1 then print(m.status == "ok" and ("ok (%.2f s)"):format(m.seconds) or ("FAILED: " .. m.error:match("[^\n]*"))) end
    results[#results + 1] = {job = job, manifest = m, out = out}
  end
  if #jobs > 1 then
    print(("\n%-28s %-30s %-7s %8s  %s"):format("script", "parameters", "status", "seconds", "output"))
    for _, r in ipairs(results) do
      print(("%-28s %-30s %-7s %8.2f  %s"):format(r.job.name, params_text(r.job.point), r.manifest.status,
        r.manifest.seconds or 0, r.out))
    end
    print(("%d runs, %d failed"):format(#results, failed))
  else
    local m = results[1].manifest
    if m.status == "ok" then print(("\noutputs and manifest in %s"):format(results[1].out))
    else io.stderr:write("tenor run: ", m.error, "\n") end
  end
  return failed == 0 and 0 or 1
end

function M.cmd_list()
  local found = M.discover()
  if #found == 0 then print("no scripts on the library path (" .. table.concat(library_dirs(), ":") .. ")") return 0 end
  for _, s in ipairs(found) do print(("%-28s %s"):format(s.name, s.description or "")) end
  return 0
end

function M.cmd_help(args)
  if not args[1] then io.write(tenor.usage); return 0 end
  local path = load_script(args[1])
  local S = assert(loadfile(path, "t"))()
  print(S:help())
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

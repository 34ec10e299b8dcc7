--[[ tenor.runner.sandbox: what a sandboxed run may read and write.

A sandbox is a table {out=, read_roots=, allowed_files=, reads=, trusted=}:
reads are allowed from the library path, the declared data files and the
output folder; writes only inside the output folder. enter(sb) patches the
shared globals for the duration of a run and returns the function that
undoes it.
]]

local library = require "tenor.runner.library"

local M = {}

local function refused(what)
  return function() error(("sandbox: %s is not allowed in a sandboxed run (tenor run --trust lifts the sandbox)"):format(what), 2) end
end

-- The canonical path of a file that may not exist yet: its folder resolved.
function M.canonical(path)
  local full = _tenor_realpath(path)
  if full then return full end
  local dir, base = path:match("^(.*)/([^/]*)$")
  if not dir then dir, base = ".", path end
  local d = _tenor_realpath(dir == "" and "/" or dir)
  return d and (d .. "/" .. base) or nil
end
local canonical = M.canonical

function M.inside(path, root)
  return path == root or path:sub(1, #root + 1) == root .. "/"
end
local inside = M.inside

--- A sandbox for one run: read roots, write root, the files read.
function M.new(out_dir, read_files, trusted)
  local sb = {out = canonical(out_dir), read_roots = {}, allowed_files = {}, reads = {}, trusted = trusted}
  for _, d in ipairs(library.library_dirs()) do
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
function M.enter(sb)
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
  -- the Excel primitives themselves, which data.read_xlsx, data.write_xlsx
  -- and fit:to_xlsx call (a bytes= workbook is in memory: nothing to check)
  for _, name in ipairs{"_read_xlsx", "_read_xlsx_cells", "_write_xlsx"} do
    local f, writes = data[name], name == "_write_xlsx"
    local public = writes and "data.write_xlsx" or "data.read_xlsx"
    patch(data, name, function(path, opts, ...)
      if writes then check_write(sb, path, public)
      elseif not (type(opts) == "table" and opts.bytes) then check_read(sb, path, public) end
      return f(path, opts, ...)
    end)
  end
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

return M

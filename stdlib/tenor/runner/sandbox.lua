--[[ tenor.runner.sandbox: inside a sandboxed child, the readable side of
the sandbox.

The operating system confines the child (interp/host/sandbox.c: Landlock,
limits, no sockets); the refused functions are stubs in the child's Lua
state (interp/host/safelua.c). What this module adds: a refusal by the
kernel ("Permission denied") becomes an error naming the function, the
path and what a run may touch, and the files a run opens for reading are
recorded for its manifest (the parent checks and hashes them).

Nothing here is a security boundary: a script that replaces these
wrappers only loses the readable messages.
]]

local M = {}

local DENIED = "Permission denied"

local function refusal(who, verb, path, out)
  if verb == "write" then
    return ("sandbox: %s may not write %s: only inside the output folder %s"):format(who, path, out)
  end
  return ("sandbox: %s may not read %s: only the library path, the output folder and --allow-read paths")
    :format(who, path)
end

local function denied(msg) return type(msg) == "string" and msg:find(DENIED, 1, true) end

--- Wraps the file functions of the child's globals; reads is a set the
--- successful reads are added to, out the output folder.
function M.install(reads, out)
  local open, lines, input, output = io.open, io.lines, io.input, io.output
  local function fail(who, verb, path) error(refusal(who, verb, path, out), 3) end
  -- calls f(...); a failure by the kernel raises the refusal instead
  local function guarded(who, verb, f)
    return function(path, ...)
      local res = table.pack(pcall(f, path, ...))
      if not res[1] then
        if denied(res[2]) then fail(who, verb, path) end
        error(res[2], 2)
      end
      if res[2] == nil and denied(res[3]) then fail(who, verb, path) end
      if res[2] ~= nil and verb == "read" and type(path) == "string" then reads[path] = true end
      return table.unpack(res, 2, res.n)
    end
  end
  io.open = function(path, mode)
    return guarded("io.open", (mode or "r"):find("[wa+]") and "write" or "read", open)(path, mode)
  end
  io.lines = guarded("io.lines", "read", lines)
  io.input = function(f, ...) return (type(f) == "string" and guarded("io.input", "read", input) or input)(f, ...) end
  io.output = function(f, ...) return (type(f) == "string" and guarded("io.output", "write", output) or output)(f, ...) end
  data.read_csv = guarded("data.read_csv", "read", data.read_csv)
  data.write_csv = guarded("data.write_csv", "write", data.write_csv)
  data.write_xlsx = guarded("data.write_xlsx", "write", data.write_xlsx)
  data._write_table_xlsx = guarded("data.write_xlsx", "write", data._write_table_xlsx)
  local read_xlsx = data.read_xlsx
  data.read_xlsx = function(path, opts)      -- a bytes= workbook is in memory: no file to name
    if type(opts) == "table" and opts.bytes then return read_xlsx(path, opts) end
    return guarded("data.read_xlsx", "read", read_xlsx)(path, opts)
  end
  os.remove = guarded("os.remove", "write", os.remove)
  local rename = os.rename
  os.rename = function(a, b)
    local ok, err = rename(a, b)
    if not ok and denied(err) then fail("os.rename", "write", a) end
    return ok, err
  end
  loadfile = guarded("loadfile", "read", loadfile)
  dofile = guarded("dofile", "read", dofile)
  local store_open = store.open
  store.open = function(path, opts)
    opts = opts or {}
    local inside = type(path) == "string" and out and (path == out or path:sub(1, #out + 1) == out .. "/")
    if not inside then opts = {readonly = true} end      -- a shared store is read, never written
    return guarded("store.open", "read", store_open)(path, opts)
  end
end

return M

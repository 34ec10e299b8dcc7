-- What the tests of `tenor run` share (test_batch.lua, test_report.lua):
-- a scratch folder with a script library, and running tenor in it.
--   local T = dofile("tests/lua/run_helpers.lua")
--   T.dir, T.write_file(path, text), T.read(path), T.sh(cmd), T.run(args)
-- sh and run return the output (stdout and stderr) and the exit status.
local T = {}
T.TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
T.dir = os.tmpname(); os.remove(T.dir)
os.execute("mkdir -p " .. T.dir .. "/lib/team " .. T.dir .. "/data")

function T.write_file(path, text)
  local f = assert(io.open(path, "wb")); f:write(text); f:close(); return path
end

function T.read(path)
  local f = io.open(path); if not f then return nil end
  local s = f:read("a"); f:close(); return s
end

function T.sh(cmd)
  local p = io.popen("cd " .. T.dir .. " && export TENOR_PATH=" .. T.dir .. "/lib; " .. cmd .. " 2>&1; echo \"exit=$?\"")
  local out = p:read("a"); p:close()
  return out, tonumber(out:match("exit=(%d+)%s*$"))
end

function T.run(args) return T.sh(T.TENOR .. " run " .. args) end

function T.cleanup() os.execute("rm -rf " .. T.dir) end

return T

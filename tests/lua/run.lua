-- Runs the Lua test files given as arguments and prints "N passed, N failed".
-- An error that escapes a test file counts as one failure; the rest go on.
local H = dofile(arg[0]:gsub("run%.lua$", "harness.lua"))
for i = 1, #arg do
  local fn, err = loadfile(arg[i])
  if fn then
    local ok, msg = xpcall(fn, debug.traceback)
    if not ok then
      H.failed = H.failed + 1
      io.stderr:write(arg[i], ": ERROR ", tostring(msg), "\n")
    end
  else
    H.failed = H.failed + 1
    io.stderr:write(err, "\n")
  end
end
print(("lua: %d passed, %d failed"):format(H.passed, H.failed))
os.exit(H.failed == 0 and 0 or 1)

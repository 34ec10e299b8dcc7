--[[ The Lua test harness.

  check(cond, msg)              cond must be true
  eq(got, want, msg)            got == want (numbers, strings, booleans)
  near(got, want, tol, msg)     |got - want| <= tol (absolute); NaN matches NaN
  checkerr(fn, pattern, msg)    fn() must raise an error containing pattern (plain text)
  checknil(got, err, pattern)   a nil, message return whose message contains pattern

Each file under tests/lua is run by run.lua; failures print with their line.
]]

local H = {passed = 0, failed = 0}

local function where()
  local info = debug.getinfo(3, "Sl")
  return info.short_src .. ":" .. info.currentline
end

local function result(ok, msg)
  if ok then H.passed = H.passed + 1
  else
    H.failed = H.failed + 1
    io.stderr:write(where(), ": FAIL ", msg or "", "\n")
  end
  return ok
end

function check(cond, msg) return result(cond and true or false, msg) end

function eq(got, want, msg)
  return result(got == want, ("%s: got %s, want %s"):format(msg or "eq", tostring(got), tostring(want)))
end

function near(got, want, tol, msg)
  local ok
  if type(got) ~= "number" then ok = false
  elseif want ~= want then ok = got ~= got
  else ok = math.abs(got - want) <= tol end
  return result(ok, ("%s: got %s, want %s (tol %g)"):format(msg or "near", tostring(got), tostring(want), tol))
end

function checkerr(fn, pattern, msg)
  local ok, err = pcall(fn)
  if ok then return result(false, (msg or "checkerr") .. ": no error raised") end
  local found = tostring(err):find(pattern, 1, true) ~= nil
  return result(found, ("%s: error '%s' lacks '%s'"):format(msg or "checkerr", tostring(err), pattern))
end

function checknil(got, err, pattern)
  local ok = got == nil and type(err) == "string" and err:find(pattern, 1, true) ~= nil
  return result(ok, ("expected nil + '%s', got %s, %s"):format(pattern, tostring(got), tostring(err)))
end

return H

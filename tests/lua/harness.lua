--[[ The Lua test harness.

  check(cond, msg)              cond must be true
  eq(got, want, msg)            got == want (numbers, strings, booleans)
  near(got, want, tol, msg)     |got - want| <= tol (absolute); NaN matches NaN
  checkerr(fn, pattern, msg)    fn() must raise an error containing pattern (plain text)
  checknil(got, err, pattern)   a nil, message return whose message contains pattern
  same_series(got, want, tol)   two series agree period by period

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

--- read_cases(path): a peer's fixture of rows "case,field,value" (a header
--- first) as t[case][field] = number.
function read_cases(path)
  local t = {}
  for line in io.lines(path) do
    local case, field, value = line:match("^([^,]+),([^,]+),([^,]+)$")
    if case and case ~= "case" then
      t[case] = t[case] or {}
      t[case][field] = tonumber(value)
    end
  end
  return t
end

--- close(got, want, what, tol): |got - want| <= tol·max(1, |want|) (relative
--- above 1, absolute below), tol 1e-8 unless given; full digits on failure.
function close(got, want, what, tol)
  tol = tol or 1e-8
  local ok = type(got) == "number" and type(want) == "number" and math.abs(got - want) <= tol * math.max(1, math.abs(want))
  return result(ok, ("%s: got %.17g, want %s"):format(what, type(got) == "number" and got or 0 / 0, tostring(want)))
end

--- same_series(got, want, tol, what): same span, NA in the same places, and
--- values within tol relative to 1 + |want|.
-- same periods, NA in the same places, values within tol (relative to 1 + |want|)
function same_series(got, want, tol, what)
  local ok, worst, at = true, 0, nil
  if got.start ~= want.start or #got ~= #want then
    return result(false, ("%s: span %s..%s vs %s..%s"):format(what, got.start, got.stop, want.start, want.stop))
  end
  local g, w, dates = got:values(), want:values(), got:dates()
  for i = 1, #g do
    if (g[i] ~= g[i]) ~= (w[i] ~= w[i]) then ok = false; at = dates[i] .. " (NA mismatch)"; break end
    if g[i] == g[i] then
      local err = math.abs(g[i] - w[i]) / (1 + math.abs(w[i]))
      if err > worst then worst, at = err, dates[i] end
    end
  end
  return result(ok and worst <= tol, ("%s: worst relative error %g at %s"):format(what, worst, tostring(at)))
end

return H

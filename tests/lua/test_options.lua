-- Every declared options table, checked from its declaration (stdlib/tenor/args.lua):
-- for each public function that declares options, a misspelled key, a
-- non-table, a wrong type and a wrong value must each give the documented
-- message. The calls live in tests/lua/options/<module>.lua, each returning
-- {["public.name"] = function(opts) ... end} that calls the function with
-- valid positional arguments and the given options. A declaration without a
-- call fails here, so a new option cannot skip the check.
local args = require "tenor.args"

local dir = arg[0]:match("^(.*)/[^/]*$") or "."
local here = debug.getinfo(1, "S").short_src:match("^(.*)/[^/]*$") or "tests/lua"
-- For the callers: o with the required keys filled in where o leaves them
-- out (a non-table goes through as it is, for the non-table check).
function options_with(o, required)
  if o ~= nil and type(o) ~= "table" then return o end
  local c = {}
  for k, v in pairs(required) do c[k] = v end
  for k, v in pairs(o or {}) do c[k] = v end
  return c
end

local callers = {}
local ls = io.popen("ls " .. here .. "/options/*.lua 2>/dev/null")
for path in ls:lines() do
  for name, f in pairs(dofile(path)) do
    check(callers[name] == nil, "two callers for " .. name)
    callers[name] = f
  end
end
ls:close()
_ = dir

-- A value of the wrong type for a declared type list.
local function wrong_type(ty)
  local types = {}
  for t in ty:gmatch("[^|]+") do types[t] = true end
  if types.any then return nil end
  if not types.string then return "not-a-" .. ty:gsub("|", "-") end
  if not types.table then return {} end
  if not (types.number or types.integer) then return 12345 end
  return true
end

local function misspell(key)
  -- drop the last letter, or double it: close enough for a suggestion
  if #key > 3 then return key:sub(1, -2) end
  return key .. key:sub(-1)
end

-- load every module (some load lazily, on first use) so all declarations are seen
for _, m in ipairs(require "tenor.modules") do assert(_G[m.name], m.name) end
local names = {}
for fname in pairs(args.all()) do names[#names + 1] = fname end
table.sort(names)
for _, fname in ipairs(names) do
  local call = callers[fname]
  if not check(call ~= nil, fname .. ": declares options but tests/lua/options/ has no call for it") then goto next end
  local decl = args.spec(fname)
  -- the call with no options must work
  local ok, err = pcall(call, nil)
  check(ok, fname .. " with no options: " .. tostring(err))
  checkerr(function() call("not a table") end, fname .. ": options must be a table", fname .. " non-table")
  checkerr(function() call({no_such_option_xyz = 1}) end, fname .. ": unknown option 'no_such_option_xyz' (valid: ", fname)
  for _, key in ipairs(decl.names) do
    local e = decl.keys[key]
    local bad = misspell(key)
    if not decl.keys[bad] and not decl.alias[bad] then
      checkerr(function() call({[bad] = 1}) end, ("%s: unknown option '%s' (did you mean '%s'?"):format(fname, bad, key), fname .. " misspelt " .. key)
    end
    local wt = wrong_type(e.type)
    if wt ~= nil then
      checkerr(function() call({[key] = wt}) end, ("%s: option '%s' must be "):format(fname, key), fname .. " wrong type for " .. key)
    end
    if e.choices then
      checkerr(function() call({[key] = "no-such-choice"}) end,
               ("%s: option '%s' must be one of %s (got 'no-such-choice')"):format(fname, key, table.concat(e.choices, ", ")), fname .. " " .. key)
    elseif e.lo or e.hi then
      local v = e.lo and e.lo - 1 or e.hi + 1
      if e.lo and e.open & 1 == 1 then v = e.lo end
      if not e.lo and e.open & 2 == 2 then v = e.hi end
      checkerr(function() call({[key] = v}) end, ("%s: option '%s' must be "):format(fname, key), fname .. " range of " .. key)
    end
  end
  ::next::
end

-- the helper itself
args.declare("test.opts", {
  {"cov", "string", choices = {"classical", "HAC"}},
  {"lag", "integer", min = 0, aliases = {"maxlags"}},
  {"w", "number|series", gt = 0},
})
local c = args.check("test.opts", {cov = "hac", maxlags = 3})
eq(c.cov, "HAC", "choices come back in the declared spelling")
eq(c.lag, 3, "an alias comes back under its key")
eq(c.maxlags, nil, "the alias itself is gone")
checkerr(function() args.check("test.opts", {lag = 1, maxlags = 1}) end, "test.opts: option 'lag' is given twice")
checkerr(function() args.check("test.opts", {lag = 1.5}) end, "test.opts: option 'lag' must be an integer (got 1.5)")
checkerr(function() args.check("test.opts", {w = 0}) end, "test.opts: option 'w' must be > 0 (got 0)")
checkerr(function() args.check("test.opts", {w = 0 / 0}) end, "test.opts: option 'w' must be > 0")
checkerr(function() args.check("test.opts", {w = "x"}) end, "test.opts: option 'w' must be a number or a series (got 'x')")
checkerr(function() args.check("test.opts", {[1] = 2}) end, "test.opts: options are named")
checkerr(function() args.check("test.opts", {maxlag = 2}) end, "test.opts: unknown option 'maxlag' (did you mean 'lag'? valid: cov, lag, w)")
eq(next(args.check("test.opts", nil)), nil, "nil options are an empty table")

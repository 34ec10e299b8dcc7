--[[ Options tables, declared once and checked by one helper.

Every public function that takes an options table declares its keys here
(or, for functions written in C, in a tn_opt array: interp/series/opts.h);
the same checker (series._check_opts, in C) validates both, and help() and
the REPL's completion read the same declarations.

  local args = require "tenor.args"
  args.declare("filter.hp", {
    {"lambda", "number", gt = 0, default = "14400 M, 1600 Q, 6.25 A", help = "smoothing parameter"},
    {"one_sided", "boolean", default = false, help = "real-time (Kalman) trend"},
  })
  function M.hp(s, opts)
    opts = args.check("filter.hp", opts)   -- a checked copy; {} for nil
    ...

An entry: {name, type, help =, default =, choices = {...}, min =, max =,
gt =, lt =, aliases = {...}}. type is number integer boolean string series
table function any, or several joined by '|'. min/max are inclusive bounds,
gt/lt exclusive. choices match case-insensitively and come back in the
declared spelling; an alias (a peer's spelling: statsmodels' maxlags,
pandas' min_periods) comes back under its key. The errors:
  regress.ols: unknown option 'lags' (did you mean 'lag'? valid: const, cov, lag, use_t)
  regress.ols: option 'cov' must be one of classical, HC0, HC1, HC2, HC3, HAC (got 'hax')
  filter.hp: option 'lambda' must be > 0 (got 0)
  regress.ols: options must be a table such as {const = ...} (got 'HAC'; valid: ...)
]]

local M = {}

-- the C registry, held here: a sandboxed run removes the "_" primitives from `series`
local declare_opts, check_opts, opt_specs, opt_spec = series._declare_opts, series._check_opts, series._opt_specs,
  series._opt_spec

local LO_OPEN, HI_OPEN = 1, 2

local function entry(fname, e)
  local name, ty = e[1], e[2]
  assert(type(name) == "string" and type(ty) == "string", fname .. ": an option needs a name and a type")
  local open, lo, hi = 0, e.min, e.max
  if e.gt ~= nil then lo, open = e.gt, open | LO_OPEN end
  if e.lt ~= nil then hi, open = e.lt, open | HI_OPEN end
  local default = e.default
  if default ~= nil and type(default) ~= "string" then default = tostring(default) end
  return {name = name, type = ty, help = e.help or e[3], default = default, choices = e.choices,
          lo = lo, hi = hi, open = open, aliases = e.aliases}
end

--- args.declare(fname, list): records fname's options (see above).
function M.declare(fname, list)
  local decl = {names = {}, keys = {}, alias = {}}
  for i, e in ipairs(list) do
    local en = entry(fname, e)
    decl.names[i] = en.name
    decl.keys[en.name] = en
    for _, a in ipairs(en.aliases or {}) do decl.alias[a] = en.name end
  end
  declare_opts(fname, decl)
  return fname
end

--- args.check(fname, opts, level) -> a checked copy of opts ({} for nil);
--- raises at `level` (default 3: the caller of the public function).
function M.check(fname, opts, level)
  local checked, msg = check_opts(fname, opts)
  if checked == nil then error(msg, level or 3) end
  return checked
end

--- args.series(fname, what, x, level): raises "fname: what must be a series
--- (got ...)" at `level` (default 3) unless x is a series; `number_ok`
--- also lets a number through (a threshold such as signal.above(x, 0)).
function M.series(fname, what, x, level, number_ok)
  if series.is(x) or (number_ok and type(x) == "number") then return x end
  local got = type(x) == "string" and ("'%s'"):format(x) or type(x) == "number" and tostring(x) or
              x == nil and "nothing" or ("a " .. type(x))
  error(("%s: %s must be a series%s (got %s)"):format(fname, what, number_ok and " or a number" or "", got), level or 3)
end

--- args.split(fname, t, level) -> list, opts: for calls such as
--- plot.line{s1, s2, title = "..."}: the array items as they are, the named
--- keys checked as fname's options.
function M.split(fname, t, level)
  if type(t) ~= "table" then return {}, M.check(fname, t, (level or 3) + 1) end
  local list, named = {}, {}
  for k, v in pairs(t) do
    if math.type(k) == "integer" and k >= 1 and k <= #t then list[k] = v else named[k] = v end
  end
  return list, M.check(fname, named, (level or 3) + 1)
end

--- args.spec(fname) -> the declaration {names =, keys =, alias =} or nil.
function M.spec(fname) return opt_spec(fname) end

--- args.entries(fname) -> fname's options as a list for args.declare, for a
--- function that also takes another's options (db:import_csv takes read_csv's).
function M.entries(fname)
  local d, list = assert(M.spec(fname), fname), {}
  for _, name in ipairs(d.names) do
    local e = d.keys[name]
    local lo_open, hi_open = (e.open or 0) & LO_OPEN ~= 0, (e.open or 0) & HI_OPEN ~= 0
    list[#list + 1] = {name, e.type, choices = e.choices, default = e.default, help = e.help, aliases = e.aliases,
                       min = not lo_open and e.lo or nil, gt = lo_open and e.lo or nil,
                       max = not hi_open and e.hi or nil, lt = hi_open and e.hi or nil}
  end
  return list
end

--- args.all() -> every declaration, keyed by public name.
function M.all() return opt_specs() end

-- "integer >= 1", "number in (0, 1]", "next|same|integer": what an entry takes.
local function what_of(e)
  local what = e.type
  if e.choices then
    local other = e.type:gsub("string|?", ""):gsub("|$", "")
    what = table.concat(e.choices, "|") .. (other ~= "" and ("|" .. other) or "")
  end
  local lo_open, hi_open = (e.open or 0) & LO_OPEN ~= 0, (e.open or 0) & HI_OPEN ~= 0
  local fmt = function(x) return ("%.14g"):format(x) end
  if e.lo and e.hi then
    what = ("%s in %s%s, %s%s"):format(what, lo_open and "(" or "[", fmt(e.lo), fmt(e.hi), hi_open and ")" or "]")
  elseif e.lo then what = ("%s %s %s"):format(what, lo_open and ">" or ">=", fmt(e.lo))
  elseif e.hi then what = ("%s %s %s"):format(what, hi_open and "<" or "<=", fmt(e.hi)) end
  return what
end

--- args.describe(fname) -> the options as help prints them, or nil.
function M.describe(fname)
  local d = M.spec(fname)
  if not d then return nil end
  local lines, width = {"options:"}, 12
  for _, name in ipairs(d.names) do width = math.max(width, #name) end
  for _, name in ipairs(d.names) do
    local e = d.keys[name]
    local line = ("  %-" .. width .. "s %-22s %s"):format(name, what_of(e), e.help or "")
    if e.default then line = line .. (" (default %s)"):format(e.default) end
    if e.aliases then line = line .. (" [also: %s]"):format(table.concat(e.aliases, ", ")) end
    lines[#lines + 1] = line
  end
  return table.concat(lines, "\n")
end

return M

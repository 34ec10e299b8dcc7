--[[ Shared scripts: a rule file that declares itself.

A team script is a Lua module (found on the module path: the project's
scripts/, $TENOR_PATH, ~/.tenor/scripts) that returns

  script{
    name        = "rules.ppi_equities",          -- what require() and tenor run call it
    description = "one line: what the rule says",
    params      = {                              -- in the order help shows them
      {"start", "period", "1960-01", "first month of the sample"},
      {"horizons", "list", {3, 6, 12}, "forward horizons in months"},
      ...
    },
    data        = {"us_ppi_monthly.csv", ...},   -- files it reads, under data_dir
    main        = function(p, ctx) ... return result end,
  }

Parameter types: "string", "number", "integer", "boolean", "period" (a date
string the calendar parses, kept as text) and "list" (of numbers; from the
command line "3,6,12"). Every script also has data_dir (default: the bundled
examples/data). S:run{...} checks the parameters (an unknown one is refused
with the list of valid ones; a wrong type names the parameter and what it
expected), fills defaults and calls main(p, ctx); ctx.path(file) locates a
declared data file, ctx.read(file, opts) reads it (data.read_csv options), ctx.out is the output folder
(under tenor run) and ctx.print prints unless {quiet=true}.
S:help() is the text `tenor help NAME` shows.
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = {}
local script_methods = {}
local script_mt = {__name = "script", __index = script_methods}

local TYPES = {string = true, number = true, integer = true, boolean = true, period = true, list = true}

local function param_error(name, p, msg) error(("%s: parameter '%s' %s"):format(name, p, msg), 0) end

-- Converts v (a Lua value, or text from a command line) to the declared type.
local function coerce(sname, pname, ptype, v)
  local text = type(v) == "string"
  if ptype == "string" then
    if type(v) ~= "string" then param_error(sname, pname, "must be a string") end
    return v
  elseif ptype == "number" or ptype == "integer" then
    local n = text and tonumber(v) or v
    if type(n) ~= "number" then param_error(sname, pname, ("must be a number, got %q"):format(tostring(v))) end
    if ptype == "integer" then
      if math.type(n) ~= "integer" and n ~= math.floor(n) then param_error(sname, pname, "must be a whole number, got " .. tostring(v)) end
      n = math.tointeger(n)
    end
    return n
  elseif ptype == "boolean" then
    if type(v) == "boolean" then return v end
    if v == "true" or v == "yes" or v == "1" then return true end
    if v == "false" or v == "no" or v == "0" then return false end
    param_error(sname, pname, ("must be true or false, got %q"):format(tostring(v)))
  elseif ptype == "period" then
    if type(v) ~= "string" then param_error(sname, pname, "must be a period such as '2015-01'") end
    local ok = false
    for _, f in ipairs{"A", "Q", "M", "D"} do
      ok = ok or pcall(series.new, {freq = f, start = v, values = {0}})
    end
    if not ok then param_error(sname, pname, ("is not a period: %q"):format(v)) end
    return v
  elseif ptype == "list" then
    if text then
      local out = {}
      for item in v:gmatch("[^,]+") do
        local n = tonumber(item)
        if not n then param_error(sname, pname, ("must be a comma-separated list of numbers, got %q"):format(v)) end
        out[#out + 1] = math.tointeger(n) or n
      end
      return out
    end
    if type(v) ~= "table" then param_error(sname, pname, "must be a list such as {3, 6, 12}") end
    return v
  end
end
doc.add("script.coerce", "script.coerce(script_name, param, type, value)", "Converts a value (or command-line text) to a parameter type, with an error naming the parameter.", "script.coerce('rules.x', 'horizons', 'list', '3,6,12')")
M.coerce = coerce

doc.add("script.define", "script{name=, description=, params={{name, type, default, help}, ...}, data={...}, main=function(p, ctx) end} (also script.define{...})", "Declares a shared script: a module that returns it is found by require, tenor run, tenor list and tenor help. Types: string, number, integer, boolean, period, list; every script also has data_dir.", "return script{name = 'rules.mine', params = {{'k', 'number', 1, 'band width'}}, main = function(p, ctx) end}")
args.declare("script.define", {
  {"name", "string", help = "required: the module name require() and tenor run use"},
  {"description", "string", default = "", help = "one line: what the script does"},
  {"params", "table", default = "none", help = "{{name, type, default, help}, ...} in help order"},
  {"data", "table", default = "none", help = "data files it reads, under data_dir"},
  {"main", "function", help = "required: main(p, ctx) -> result"},
})
args.declare("S:run", {
  {"quiet", "boolean", default = false, help = "ctx.print prints nothing"},
  {"out", "string", default = ".", help = "the output folder (ctx.out)"},
})

function M.define(spec)
  spec = args.check("script.define", spec)
  if type(spec.name) ~= "string" or type(spec.main) ~= "function" then
    error("script{...}: give at least name= and main=", 2)
  end
  local s = setmetatable({name = spec.name, description = spec.description or "", main = spec.main,
                          data = spec.data or {}, params = {}, by_name = {}}, script_mt)
  local params = {}
  for _, p in ipairs(spec.params or {}) do params[#params + 1] = p end
  params[#params + 1] = {"data_dir", "string", (tenor.home or ".") .. "/examples/data", "folder holding the data files"}
  for _, p in ipairs(params) do
    local pname, ptype = p[1], p[2]
    if not TYPES[ptype] then error(("script %s: parameter %s has unknown type %s"):format(spec.name, pname, tostring(ptype)), 2) end
    local entry = {name = pname, type = ptype, default = p[3], help = p[4] or ""}
    s.params[#s.params + 1] = entry
    s.by_name[pname] = entry
  end
  return s
end

doc.add("S:param_names", "S:param_names()", "The parameter names in declaration order.", "require('rules.base_effects'):param_names()")
function script_methods.param_names(s)
  local names = {}
  for _, p in ipairs(s.params) do names[#names + 1] = p.name end
  return names
end

doc.add("S:bind", "S:bind(params)", "The parameter table main() would get: defaults overlaid with the given values, type-checked.", "require('rules.cpi_bonds'):bind{margin = '1.5'}")
function script_methods.bind(s, given)
  if given ~= nil and type(given) ~= "table" then
    error(("%s: parameters must be a table such as {%s = ...} (got a %s)"):format(s.name, s.params[1].name, type(given)), 2)
  end
  local p = {}
  for _, e in ipairs(s.params) do p[e.name] = e.default end
  for k, v in pairs(given or {}) do
    local e = s.by_name[k]
    if not e then
      error(("%s: unknown parameter '%s'; valid: %s"):format(s.name, tostring(k), table.concat(s:param_names(), ", ")), 0)
    end
    p[k] = coerce(s.name, k, e.type, v)
  end
  return p
end

doc.add("S:run", "S:run(params, {quiet=false})", "Binds the parameters (unknown ones refused with the valid list; types checked), then runs main(p, ctx) and returns its result. ctx.path(file), ctx.read(file, opts), ctx.print.", "require('rules.cpi_bonds'):run{market = 'cn'}")
function script_methods.run(s, given, opts)
  opts = args.check("S:run", opts)
  local p = s:bind(given)
  local ctx = {}
  function ctx.path(file) return p.data_dir .. "/" .. file end
  function ctx.read(file, opts) return assert(data.read_csv(ctx.path(file), opts)) end
  ctx.out = opts.out or "."                 -- tenor run's output folder
  ctx.print = opts.quiet and function() end or print
  return s.main(p, ctx)
end

local function show_default(v)
  if type(v) == "table" then
    local t = {}
    for i, x in ipairs(v) do t[i] = tostring(x) end
    return table.concat(t, ",")
  end
  return tostring(v)
end

doc.add("S:help", "S:help()", "The script's description, parameters (type, default, help) and data files; also print(S).", "print(require('rules.ppi_equities'):help())")
function script_methods.help(s)
  local lines = {("%s — %s"):format(s.name, s.description), "parameters:"}
  for _, e in ipairs(s.params) do
    lines[#lines + 1] = ("  --%-14s %-8s %-18s %s"):format(e.name, e.type, "[" .. show_default(e.default) .. "]", e.help)
  end
  if #s.data > 0 then lines[#lines + 1] = "data: " .. table.concat(s.data, ", ") end
  return table.concat(lines, "\n")
end

script_mt.__tostring = script_methods.help

--- Per-market defaults: a script whose parameters default to "" (meaning
--- "the market's own") fills them from defaults[p.market], refuses an unknown
--- market, and checks start/end as periods once filled.
doc.add("script.market_defaults", "script.market_defaults(p, {us = {start = '1960-01', ...}, cn = {...}}, script_name)", "Inside main: parameters given as \"\" take the market's own default from the table (keyed by p.market); an unknown market is an error listing the valid ones; start and end are checked as periods. Returns p.", "script.market_defaults({market = 'cn', start = ''}, {cn = {start = '2014-01'}, us = {start = '1960-01'}}, 'rules.mine')")
function M.market_defaults(p, defaults, sname)
  if type(p) ~= "table" or type(defaults) ~= "table" then
    error("script.market_defaults: give the parameters p and a table of defaults by market", 2)
  end
  local d = defaults[p.market]
  if not d then
    local ms = {}
    for m in pairs(defaults) do ms[#ms + 1] = "'" .. m .. "'" end
    table.sort(ms)
    error(("%s: market must be %s, got '%s'"):format(sname, table.concat(ms, " or "), tostring(p.market)), 0)
  end
  for k, v in pairs(d) do if p[k] == "" then p[k] = v end end
  for _, k in ipairs{"start", "end"} do
    if p[k] and p[k] ~= "" then coerce(sname, k, "period", p[k]) end
  end
  return p
end

M._methods = script_methods
setmetatable(M, {__call = function(_, spec) return M.define(spec) end})
script = M
return M

--[[ help(): the reference at the prompt.

help()                 the modules and how to ask for more
help("regress")        the functions of a module
help("s:yoy"), help("yoy"), help(regress.ols), ?regress.ols in the REPL
                       signature, definition and an example
Each module registers its entries beside its code (tenor.doc); the same
entries generate docs/reference.md (make docs).
]]

local doc = require "tenor.doc"
-- every module registers its entries when it loads: load them all, and
-- tenor.complete (loaded on the first Tab otherwise)
for _, m in ipairs(require "tenor.modules") do if m.lua and m.name ~= "help" then require(m.lua) end end
require "tenor.complete"
local docs = doc.entries()    -- the same table; doc.entries() adds later registrations
local args = require "tenor.args"

-- Sections of help() and of the reference, from the one list of modules:
-- {name, about, prefixes, places = {{prefix, table}, ...}}.
local function value_at(path)
  local v = _G
  for part in path:gmatch("[^%.]+") do v = type(v) == "table" and v[part] or nil end
  return v
end

local SECTIONS = {}
for _, m in ipairs(require "tenor.modules") do
  local main = {name = m.name, about = m.about, prefixes = {}, paths = {}}
  local own = {}
  for _, p in ipairs(m.places) do
    if p.section then own[#own + 1] = {name = p.section, about = p.about, prefixes = {p[1]}, paths = {p[2]}}
    else main.prefixes[#main.prefixes + 1] = p[1]; main.paths[#main.paths + 1] = p[2] end
  end
  if #main.prefixes > 0 then SECTIONS[#SECTIONS + 1] = main end
  for _, sec in ipairs(own) do SECTIONS[#SECTIONS + 1] = sec end
end

local function sorted_names()
  local names = {}
  for k in pairs(docs) do names[#names + 1] = k end
  table.sort(names)
  return names
end

-- The docs key a function value is known by.
local function key_of_function(f)
  if f == help then return "help" end
  for _, sec in ipairs(SECTIONS) do
    for i, path in ipairs(sec.paths) do
      local t = value_at(path)
      for k, v in pairs(type(t) == "table" and t or {}) do
        if v == f and docs[sec.prefixes[i] .. k] then return sec.prefixes[i] .. k end
      end
    end
  end
  for k, v in pairs(tenor) do if v == f and docs["tenor." .. k] then return "tenor." .. k end end
end

-- "cpi:yoy" -> "s:yoy"; "yoy" -> the one key ending in it.
local function resolve(name)
  if docs[name] then return name end
  local method = name:match("^[%w_]+:([%w_]+)$")
  if method then
    for _, sec in ipairs(SECTIONS) do
      for _, prefix in ipairs(sec.prefixes) do
        if prefix:sub(-1) == ":" and docs[prefix .. method] then return prefix .. method end
      end
    end
  end
  local found = {}
  for k in pairs(docs) do
    if k:match("[%.:]" .. name:gsub("%p", "%%%0") .. "$") then found[#found + 1] = k end
  end
  table.sort(found)
  if #found == 1 then return found[1] end
  return nil, found
end

local function entry_text(key)
  local e = docs[key]
  local text = ("%s\n  %s\n  example: %s"):format(e.sig, e.text, e.ex)
  local opts = args.describe(key)
  if opts then text = text .. "\n  " .. opts:gsub("\n", "\n  ") end
  return text
end

local function in_section(k, sec)
  for _, prefix in ipairs(sec.prefixes) do
    if k:sub(1, #prefix) == prefix then return true end
  end
  return false
end

local function module_text(mod)
  for _, sec in ipairs(SECTIONS) do
    if sec.name == mod then
      local lines = {("%s — %s"):format(sec.name, sec.about)}
      for _, k in ipairs(sorted_names()) do
        if in_section(k, sec) then lines[#lines + 1] = ("  %-24s %s"):format(k, docs[k].text:match("^[^.;]*")) end
      end
      return table.concat(lines, "\n")
    end
  end
end

doc.add("help", "help(name or function)", "Prints the signature, definition and an example; help() lists the modules. In the REPL, ?name does the same.", "help('s:yoy'); help(regress.ols)")
function help(what)
  doc.entries()
  local text
  if what == nil then
    local lines = {"tenor: series algebra, regressions and filters for macro analysts.", "modules:"}
    for _, sec in ipairs(SECTIONS) do lines[#lines + 1] = ("  %-9s %s"):format(sec.name, sec.about) end
    lines[#lines + 1] = 'help("regress") lists a module; help("s:yoy"), help(regress.ols) or ?name explains one function.'
    text = table.concat(lines, "\n")
  elseif type(what) == "function" then
    local key = key_of_function(what)
    text = key and entry_text(key) or "no help for this function"
  elseif type(what) == "string" then
    text = module_text(what)
    if not text then
      local key, candidates = resolve(what)
      if key then text = entry_text(key)
      elseif candidates and #candidates > 1 then text = ("'%s' is ambiguous: %s"):format(what, table.concat(candidates, ", "))
      else text = ("no help for '%s'; help() lists the modules"):format(what) end
    end
  else
    text = "help(name or function)"
  end
  print(text)
end

--- tenor.reference_markdown(): docs/reference.md, generated from the help entries.
function tenor.reference_markdown()
  doc.entries()
  local out = {"# tenor reference", "", "Generated by `make docs` from the help entries each module registers beside its code (`tenor.doc`); the same text is what `help()` prints.", ""}
  for _, sec in ipairs(SECTIONS) do
    out[#out + 1] = "## " .. sec.name
    out[#out + 1] = ""
    out[#out + 1] = sec.about
    out[#out + 1] = ""
    for _, k in ipairs(sorted_names()) do
      if in_section(k, sec) then
        local e = docs[k]
        out[#out + 1] = ("### `%s`\n\n%s\n\n```lua\n%s\n```\n"):format(e.sig, e.text, e.ex)
      end
    end
  end
  return table.concat(out, "\n")
end

doc.entries()   -- help's own entry, registered above
tenor.docs = docs
return help

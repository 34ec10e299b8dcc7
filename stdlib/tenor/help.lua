--[[ help(): the reference at the prompt.

help()                 the modules and how to ask for more
help("regress")        the functions of a module
help("s:yoy"), help("yoy"), help(regress.ols), ?regress.ols in the REPL
                       signature, definition and an example
Entries live in stdlib/tenor/docs.lua, which also generates
docs/reference.md (make docs).
]]

local docs = require "tenor.docs"

local MODULES = {
  {"series", "s:", "the series type: access, arithmetic, changes, windows, frequency conversion", "series."},
  {"data", "data.", "reading and writing CSV files"},
  {"dataset", "ds:", "tables of named series", "dataset."},
  {"regress", "regress.", "OLS with full inference, rolling fits, cross-correlation"},
  {"fit", "fit:", "methods of a regression result"},
  {"filter", "filter.", "trend/cycle filters: HP, Hamilton, Baxter-King, Christiano-Fitzgerald"},
  {"deflator", "deflator.", "implicit deflators and deflating"},
  {"indexnum", "indexnum.", "index numbers, chain-linking and contributions to growth"},
  {"signal", "signal.", "conditions, states and turning points (Bry-Boschan, BBQ, Pagan-Sossounov)"},
  {"tp", "tp:", "methods of a turning-points result"},
  {"rule", "rule.", "rules as objects and their quality report", "r:"},
  {"backtest", "backtest.", "look-ahead-safe backtests and bond returns"},
  {"script", "script.", "shared scripts that declare their parameters", "S:"},
  {"store", "store.", "the series database with vintages", "db:"},
  {"plot", "plot.", "charts: sparklines, terminal charts, PNG/SVG/PDF files"},
}

local function sorted_names()
  local names = {}
  for k in pairs(docs) do names[#names + 1] = k end
  table.sort(names)
  return names
end

-- The docs key a function value is known by.
local function key_of_function(f)
  local places = {
    {series._methods, "s:"}, {series, "series."}, {data, "data."}, {dataset, "dataset."},
    {dataset._methods, "ds:"}, {regress, "regress."}, {regress._fit_methods or {}, "fit:"},
    {filter, "filter."}, {deflator, "deflator."}, {indexnum, "indexnum."}, {plot, "plot."}, {tenor, "tenor."},
    {signal, "signal."}, {signal._tp_methods, "tp:"}, {rule, "rule."}, {rule._methods, "r:"}, {backtest, "backtest."}, {script, "script."}, {script._methods, "S:"}, {store, "store."}, {store._methods, "db:"},
  }
  for _, p in ipairs(places) do
    for k, v in pairs(p[1]) do if v == f and docs[p[2] .. k] then return p[2] .. k end end
  end
  if f == help then return "help" end
end

-- "cpi:yoy" -> "s:yoy"; "yoy" -> the one key ending in it.
local function resolve(name)
  if docs[name] then return name end
  local method = name:match("^[%w_]+:([%w_]+)$")
  if method then
    for _, prefix in ipairs{"s:", "ds:", "fit:", "tp:", "r:", "S:", "db:"} do if docs[prefix .. method] then return prefix .. method end end
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
  return ("%s\n  %s\n  example: %s"):format(e.sig, e.text, e.ex)
end

local function in_module(k, m)
  return k:sub(1, #m[2]) == m[2] or (m[4] and k:sub(1, #m[4]) == m[4])
end

local function module_text(mod)
  for _, m in ipairs(MODULES) do
    if m[1] == mod then
      local lines = {("%s — %s"):format(m[1], m[3])}
      for _, k in ipairs(sorted_names()) do
        if in_module(k, m) then lines[#lines + 1] = ("  %-24s %s"):format(k, docs[k].text:match("^[^.;]*")) end
      end
      return table.concat(lines, "\n")
    end
  end
end

function help(what)
  local text
  if what == nil then
    local lines = {"tenor: series algebra, regressions and filters for macro analysts.", "modules:"}
    for _, m in ipairs(MODULES) do lines[#lines + 1] = ("  %-9s %s"):format(m[1], m[3]) end
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

--- tenor.reference_markdown(): docs/reference.md, generated from docs.lua.
function tenor.reference_markdown()
  local out = {"# tenor reference", "", "Generated from `stdlib/tenor/docs.lua` by `make docs`; the same text is what `help()` prints.", ""}
  for _, m in ipairs(MODULES) do
    out[#out + 1] = "## " .. m[1]
    out[#out + 1] = ""
    out[#out + 1] = m[3]
    out[#out + 1] = ""
    for _, k in ipairs(sorted_names()) do
      if in_module(k, m) then
        local e = docs[k]
        out[#out + 1] = ("### `%s`\n\n%s\n\n```lua\n%s\n```\n"):format(e.sig, e.text, e.ex)
      end
    end
  end
  return table.concat(out, "\n")
end

tenor.docs = docs
return help

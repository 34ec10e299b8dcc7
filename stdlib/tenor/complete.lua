--[[ Tab completion for the REPL.

tenor.complete(word) -> list of completions of word, where word is the text
before the cursor back to the last character that cannot be part of a
name path: "reg" -> globals, "regress.o" -> module fields, "ppi:y" -> series
methods, "cn." -> dataset columns (non-ASCII names included), "s.me" ->
series properties. Lookups only read tables (rawget and method tables): no
__index function of the user's objects is called.
]]

local doc = require "tenor.doc"

local series_props = series._properties    -- s.freq, s.start, ... (interp/series/series.c)

local function sorted_keys(t, prefix, out, seen)
  for k in pairs(t) do
    if type(k) == "string" and k:sub(1, #prefix) == prefix and not seen[k] and not k:match("^_") then
      seen[k] = true
      out[#out + 1] = k
    end
  end
end

-- The value a dotted path names, reading only plain tables and datasets.
local function resolve(path)
  local v = _G
  for part in path:gmatch("[^%.]+") do
    if type(v) ~= "table" then return nil end
    local parent = v
    v = rawget(parent, part)
    if v == nil and parent == _G and (tenor.lazy_globals or {})[part] then v = _G[part] end   -- loads it
    if v == nil then return nil end
  end
  return v
end

local function fields_of(v, prefix, colon)
  local out, seen = {}, {}
  if series.is(v) then
    sorted_keys(series._methods, prefix, out, seen)
    if not colon then for _, p in ipairs(series_props) do if p:sub(1, #prefix) == prefix then out[#out + 1] = p end end end
  elseif type(v) == "table" then
    if dataset.is(v) then
      for _, name in ipairs(v:names()) do if name:sub(1, #prefix) == prefix then out[#out + 1] = name; seen[name] = true end end
      local mt = getmetatable(v)
      if colon or true then sorted_keys(dataset._methods or {}, prefix, out, seen) end
    elseif not colon then
      sorted_keys(v, prefix, out, seen)
    end
    local mt = getmetatable(v)
    if colon and mt and type(mt.__index) == "table" then sorted_keys(mt.__index, prefix, out, seen) end
  elseif type(v) == "string" and colon then
    sorted_keys(string, prefix, out, seen)
  end
  table.sort(out)
  return out
end

doc.add("tenor.complete", "tenor.complete(word)", "Completions of word, as the REPL's Tab uses them.", "tenor.complete('regress.o')")
function tenor.complete(word)
  local base, sep, prefix = word:match("^(.*)([%.:])([^%.:]*)$")
  local out = {}
  if not base then
    local seen = {}
    sorted_keys(_G, word, out, seen)
    sorted_keys(tenor.lazy_globals or {}, word, out, seen)     -- modules not loaded yet
    for _, kw in ipairs{"and", "break", "do", "else", "elseif", "end", "false", "for", "function",
                        "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
                        "true", "until", "while"} do
      if kw:sub(1, #word) == word and not seen[kw] then out[#out + 1] = kw end
    end
    table.sort(out)
    return out
  end
  local v = resolve(base)
  if v == nil then return out end
  for _, f in ipairs(fields_of(v, prefix, sep == ":")) do out[#out + 1] = base .. sep .. f end
  return out
end

return tenor.complete

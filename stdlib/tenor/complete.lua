--[[ Tab completion for the REPL.

tenor.complete(word) -> list of completions of word, where word is the text
before the cursor back to the last character that cannot be part of a
name path: "reg" -> globals, "regress.o" -> module fields, "ppi:y" -> series
methods, "cn." -> dataset columns (non-ASCII names included), "s.me" ->
series properties. Lookups only read tables (rawget and method tables): no
__index function of the user's objects is called.

tenor.complete(word, before) also completes option keys: when `before` (the
line up to the word) leaves an options table open at a key, as in
`regress.ols(y, xs, {co` or `x:rolling(12, "mean", {mi` or `rule{na`, the
candidates are the keys the called function declares (stdlib/tenor/args.lua):
a method maps to its declaration by what its receiver is (a series: s:), or,
when the receiver is not a global, by the one declaration of that method name.
]]

local args = require "tenor.args"
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

doc.add("tenor.complete", "tenor.complete(word, before)", "Completions of word, as the REPL's Tab uses them; before is the line up to the word (inside an open options table it offers the keys the called function declares).", "tenor.complete('regress.o')")
-- Scans `before` for brackets and strings: the innermost bracket still open,
-- as {pos =, ch =, comma = position of its last comma}, or nil.
local function innermost_open(before)
  local stack, i, n = {}, 1, #before
  while i <= n do
    local c = before:sub(i, i)
    if c == '"' or c == "'" then
      i = i + 1
      while i <= n and before:sub(i, i) ~= c do i = i + (before:sub(i, i) == "\\" and 2 or 1) end
    elseif c == "(" or c == "{" or c == "[" then stack[#stack + 1] = {pos = i, ch = c}
    elseif c == ")" or c == "}" or c == "]" then stack[#stack] = nil
    elseif c == "," and stack[#stack] then stack[#stack].comma = i end
    i = i + 1
  end
  return stack[#stack], stack[#stack - 1]
end

-- The declaration a method call `receiver:name` maps to. Methods of lazy
-- modules (r:, db:, tp:) are declared when their module loads: load them.
local function method_decl(receiver, name)
  local v = receiver and resolve(receiver)
  if series.is(v) and args.spec("s:" .. name) then return "s:" .. name end
  if dataset.is(v) and args.spec("ds:" .. name) then return "ds:" .. name end
  for g in pairs(tenor.lazy_globals or {}) do resolve(g) end
  local found
  for fname in pairs(args.all()) do
    if fname:match(":(.*)$") == name then
      if found then return nil end        -- several kinds have it: no guess
      found = fname
    end
  end
  return found
end

-- The declaration of the function called at text's end ("regress.ols(",
-- "x:rolling(", "rule{"), or nil.
local function callee(text)
  local name = text:match("([%w_]+)%s*$")
  if not name then return nil end
  local pre = text:sub(1, #text - #text:match("[%w_]+%s*$"))
  local sep = pre:sub(-1)
  if sep == ":" then return method_decl(pre:sub(1, -2):match("[%w_%.]+$"), name) end
  local path = sep == "." and (pre:match("[%w_%.]+$") or "") .. name or name
  resolve(path:match("^[%w_]+"))             -- a lazy module declares on loading
  for _, f in ipairs{path, path .. ".new", path .. ".define"} do
    if args.spec(f) then return f end
  end
end

-- Option keys for `word` when `before` leaves an options table open at a key.
local function option_keys(word, before)
  local brace, outer = innermost_open(before)
  if not brace or brace.ch ~= "{" or word:find("[%.:]") then return nil end
  if not before:sub((brace.comma or brace.pos) + 1):match("^%s*$") then return nil end
  local head = before:sub(1, brace.pos - 1)
  local fname = head:match("[%w_]%s*$") and callee(head)
  if not fname and outer and outer.ch == "(" then fname = callee(before:sub(1, outer.pos - 1)) end
  local decl = fname and args.spec(fname)
  if not decl then return nil end
  local out = {}
  for _, k in ipairs(decl.names) do if k:sub(1, #word) == word then out[#out + 1] = k end end
  table.sort(out)
  return out
end

function tenor.complete(word, before)
  local keys = before and option_keys(word, before)
  if keys then return keys end
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

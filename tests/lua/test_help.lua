-- Every public function has help, help() finds entries by name and by
-- function value, and docs/reference.md is what the entries generate (so
-- the reference cannot drift from help()).
local docs = tenor.docs
local function public(t, prefix, out, skip)
  for k, v in pairs(t) do
    if type(v) == "function" and type(k) == "string" and not k:match("^_") and not (skip or {})[k] then
      out[#out + 1] = prefix .. k
    end
  end
end
local names = {}
-- every place of every module in the one list (stdlib/tenor/modules.lua)
local SKIP = {["rule."] = {new = true}}
for _, m in ipairs(require "tenor.modules") do
  local _ = _G[m.name]                      -- loads a lazy module
  for _, p in ipairs(m.places) do
    local t = _G
    for part in p[2]:gmatch("[^%.]+") do t = t[part] end
    public(t, p[1], names, SKIP[p[1]])
  end
end
public(tenor, "tenor.", names, {reference_markdown = true})
check(#names > 90, "found the public functions: " .. #names)
for _, n in ipairs(names) do
  local e = docs[n]
  check(e and e.sig and e.text and e.ex, "help entry for " .. n)
end

-- lookups, with print captured
local captured
local real_print = print
print = function(s) captured = s end
help("s:yoy"); check(captured:find("s:yoy()", 1, true) and captured:find("example:", 1, true))
help("cpi:rolling"); check(captured:find("s:rolling", 1, true), "any variable before ':'")
help(regress.ols); check(captured:find("regress.ols(y, xs", 1, true), "by function value")
help(series._methods.yoy); check(captured:find("s:yoy()", 1, true))
help("ewma"); check(captured:find("s:ewma", 1, true), "a bare name")
help("slice"); check(captured:find("ambiguous", 1, true), "s:slice and ds:slice")
help("regress"); check(captured:find("regress.rolling", 1, true), "module listing")
help(); check(captured:find("modules:", 1, true))
print = real_print

-- the committed reference is exactly what the entries generate
local f = assert(io.open("docs/reference.md"))
local committed = f:read("a")
f:close()
eq(committed, tenor.reference_markdown() .. "\n", "docs/reference.md is up to date (run make docs)")

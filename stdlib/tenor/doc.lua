--[[ The registry of help entries.

Each module registers the help of its public functions beside their code:
  local doc = require "tenor.doc"
  doc.add("tsa.adf", "tsa.adf(s, {trend=, lags=|autolag=, max_lags=})",
          "What it computes: definition, conventions, NA policy, edge periods.",
          "tsa.adf(cpi:yoy())")
Keys are the names analysts type: "s:yoy" for series methods, "fit:bg" for
methods of a result, "module.function" otherwise. help() and the generated
reference (docs/reference.md, make docs) read doc.entries(); a function
whose options are declared (tenor.args) gets its options listed by help()
too. Every example runs as a test (tests/lua/test_help_examples.lua) with
the names listed in tests/lua/help_examples.lua bound (cpi, ppi, spx, gdp,
ds, fit, tp, r, db...): an example may use those and tenor's globals only.

The eager modules register at start-up, so doc.add only records its four
arguments in one flat list; the entries are built (and checked) when help
first asks for them. Building a table per entry at start-up cost about
0.05 ms of a 1.7 ms start (hyperfine, valgrind instruction counts).
]]

local M = {}
local pending, n = {}, 0
local entries = {}

--- doc.add(key, sig, text, ex): records one entry (a later add replaces it).
function M.add(key, sig, text, ex)
  pending[n + 1], pending[n + 2], pending[n + 3], pending[n + 4] = key, sig, text, ex
  n = n + 4
end

--- doc.entries(): key -> {sig=, text=, ex=} for every entry added so far
--- (the same table each time).
function M.entries()
  for i = 1, n, 4 do
    local key, sig, text, ex = pending[i], pending[i + 1], pending[i + 2], pending[i + 3]
    if not (type(key) == "string" and type(sig) == "string" and type(text) == "string" and type(ex) == "string") then
      error(("doc.add(key, sig, text, example): four strings (entry %s)"):format(tostring(key)), 2)
    end
    entries[key] = {sig = sig, text = text, ex = ex}
  end
  pending, n = {}, 0
  return entries
end

return M

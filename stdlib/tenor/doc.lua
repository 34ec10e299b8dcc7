--[[ The registry of help entries.

Each module registers the help of its public functions beside their code:
  local doc = require "tenor.doc"
  doc.add("tsa.adf", "tsa.adf(s, {trend=, lags=|autolag=, max_lags=})",
          "What it computes: definition, conventions, NA policy, edge periods.",
          "tsa.adf(cpi:yoy())")
Keys are the names analysts type: "s:yoy" for series methods, "fit:bg" for
methods of a result, "module.function" otherwise. help() and the generated
reference (docs/reference.md, make docs) read doc.entries; a function whose
options are declared (tenor.args) gets its options listed by help() too.
]]

local M = {entries = {}}

--- doc.add(key, sig, text, ex): records one entry (a later add replaces it).
function M.add(key, sig, text, ex)
  assert(type(key) == "string" and type(sig) == "string" and type(text) == "string" and type(ex) == "string",
         "doc.add(key, sig, text, example): four strings")
  M.entries[key] = {sig = sig, text = text, ex = ex}
end

return M

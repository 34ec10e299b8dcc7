--[[ tenor.runner.json: JSON for manifests, on jansson (interp/lib/json.c).

encode(v): tables with keys 1..n (n > 0) become arrays, other tables
objects with sorted keys, two-space indented; NaN and +-inf become null;
integers stay integers. decode(text): null becomes nil; a malformed text
raises "manifest: bad JSON at line L, column C: why".
]]

local C = require "tenor.json_c"

local M = {}

M.encode = C.encode

function M.decode(text)
  local v, err = C.decode(text)
  if err then error("manifest: " .. err, 0) end
  return v
end

return M

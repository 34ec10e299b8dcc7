--[[ tenor.runner.child: what runs inside the runner's child process
(interp/host/child.c), sandboxed unless the run is trusted.

main(request) takes the parent's request (JSON) and returns the report
(JSON) the parent reads from the pipe:
  mode "run":     loads the script, binds the parameters, runs it with
                  print captured, writes report.md, the series CSVs and
                  numbers.csv into the output folder; reports
                  {ok=, error=, params=, files=, reads=, seconds=}
  mode "declare": loads one file and reports its declaration
                  {script = true, name=, description=, help=} or
                  {script = false, reason=}
The parent trusts nothing in the report: it checks every file name and
path before it hashes anything.
]]

local json = require "tenor.runner.json"
local output = require "tenor.runner.output"
local sandbox = require "tenor.runner.sandbox"

local M = {}

-- The script object a file returns, or nil and why not.
local function load_declaration(path)
  local chunk, err = loadfile(path, "t")
  if not chunk then return nil, err end
  local ok, S = pcall(chunk)
  if not ok then return nil, tostring(S) end
  if not (getmetatable(S) and S.main and S.bind and S.params) then
    return nil, ("it returns %s, not script{...}"):format(type(S))
  end
  return S
end

local function declare(req)
  local S, why = load_declaration(req.path)
  if not S then return {script = false, reason = why} end
  return {script = true, name = S.name, description = S.description, help = req.help and S:help() or nil}
end

local function run(req)
  local reads, captured = {}, {}
  sandbox.install(reads, req.out)       -- trusted too: the manifest lists the data read
  local real_print = print
  print = function(...)
    local parts = table.pack(...)
    for i = 1, parts.n do parts[i] = tostring(parts[i]) end
    local line = table.concat(parts, "\t", 1, parts.n)
    captured[#captured + 1] = line
    if not req.quiet then real_print(line) end
  end
  local plot = require "tenor.plot"
  local drawn = {dir = req.out, charts = {}}   -- charts drawn during the run go into the report
  plot._run = drawn
  local t0 = os.clock()
  local params, result
  local ok, err = pcall(function()
    local S, why = load_declaration(req.path)
    if not S then error(("tenor run: %s does not return script{...}: %s"):format(req.path, why), 0) end
    params = S:bind(req.given)
    result = S:run(params, {quiet = false, out = req.out})
  end)
  print = real_print
  plot._run = nil
  local report = {ok = ok, error = not ok and tostring(err) or nil, params = params, seconds = os.clock() - t0}
  if ok then
    local head = req.manifest or {}
    head.params = params
    local written, files = pcall(output.write, req.out, result, table.concat(captured, "\n") .. "\n",
                                 ("%s (%s)"):format(req.name, output.params_text(params or {})),
                                 {manifest = head, charts = drawn.charts})
    if written then report.files = files else report.ok, report.error = false, tostring(files) end
  end
  report.reads = {}
  for path in pairs(reads) do report.reads[#report.reads + 1] = path end
  return report
end

function M.main(text)
  local req = json.decode(text)
  package.path = req.package_path or package.path
  local report = req.mode == "declare" and declare(req) or run(req)
  local ok, encoded = pcall(json.encode, report)
  if not ok then     -- parameters JSON cannot hold: keep the rest
    report.params = nil
    encoded = json.encode(report)
  end
  return encoded
end

return M

--[[ tenor.runner.library: where the team's scripts live and how they are
read: the library path (the folders of package.path's "?.lua" templates),
finding a script by name, listing them all, and reading and hashing files.

The functions it keeps (io.open, io.popen, os.execute) are captured when it
loads, before any script runs, so a sandbox that patches the globals does
not change what the runner itself does.
]]

local M = {}

local real = {open = io.open, execute = os.execute, popen = io.popen}
M.real = real

function M.read_all(path)
  local f = real.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

--- sha256 and size of a file, or nil when it cannot be read.
function M.file_hash(path)
  local s = M.read_all(path)
  return s and _tenor_sha256(s), s and #s
end

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

function M.mkdir_p(dir)
  local ok = real.execute("mkdir -p " .. shell_quote(dir))
  if not ok then error("tenor run: cannot create the output folder " .. dir, 0) end
end

-- The folders scripts are found in: the directories of package.path's
-- "?.lua" templates.
function M.library_dirs()
  local dirs, seen = {}, {}
  for template in package.path:gmatch("[^;]+") do
    local d = template:match("^(.*)/%?%.lua$") or template:match("^(.*)/%?/init%.lua$")
    if d and d ~= "." and not seen[d] then
      seen[d] = true
      dirs[#dirs + 1] = d
    end
  end
  return dirs
end

--- The gnuplot program a run may start (its real path), or nil.
function M.gnuplot_path()
  for d in (os.getenv("PATH") or "/usr/bin"):gmatch("[^:]+") do
    local real = _tenor_realpath(d .. "/gnuplot")
    if real then return real end
  end
end

--- The folder of a file ("." for a bare name).
function M.dirname(path) return path:match("^(.*)/[^/]*$") or "." end

--- The file of the script called name, or an error naming the library path.
function M.find_script(name)
  local path = package.searchpath(name, package.path)
  if not path then
    error(("tenor: no script '%s' on the library path %s (tenor list shows the scripts)")
      :format(name, table.concat(M.library_dirs(), ":")), 0)
  end
  return path
end

--- Every .lua file on the library path (outside the stdlib), first of a
--- name wins: {name=, path=}, sorted by name. Nothing is loaded.
function M.script_files()
  local found, seen = {}, {}
  for _, dir in ipairs(M.library_dirs()) do
    -- tenor's library, not Lua's own module folders (/usr/share/lua/5.4, ...)
    if not dir:match("/stdlib$") and not dir:match("/lua/5%.%d+$") then
      local p = real.popen("find " .. shell_quote(dir) .. " -name '*.lua' -type f 2>/dev/null | sort")
      for file in p:lines() do
        local name = file:sub(#dir + 2):gsub("%.lua$", ""):gsub("/", ".")
        if not seen[name] then
          seen[name] = true
          found[#found + 1] = {name = name, path = file}
        end
      end
      p:close()
    end
  end
  table.sort(found, function(a, b) return a.name < b.name end)
  return found
end

return M

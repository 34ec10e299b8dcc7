-- Every public function called with wrong arguments: whatever it says, the
-- message must name the function and the argument in the analyst's terms,
-- never a Lua stack slot ("bad argument #2 to ..."), an internal _name, or
-- a failure inside the stdlib ("attempt to index a number value"). Functions
-- that write files where they are told or print (data.write_csv, plot,
-- store.open, r:report, S:run) are left out; their arguments have their own
-- tests. db: methods run on a store in a temporary folder.
local s = series.new{freq = "M", start = "2020-01", values = {1, 2, 3, 5, 4, 6, 8, 7, 9, 10, 12, 11, 13, 15}, name = "x"}
local ds = dataset.new{s, s:yoy():rename("y")}
local fit = regress.ols(s, {s:lag(1)})
local tp = signal.turning_points(series.new{freq = "M", start = "2000-01", values = (function()
  local v = {}
  for i = 1, 120 do v[i] = 100 + 10 * math.sin(i / 6) end
  return v
end)()})
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir -p " .. dir)
local db = store.open(dir .. "/args.db")
local r = rule{signal = s:gt(5), asset = s}
local S = script{name = "test.arguments", params = {{"k", "integer", 3, "a number"}}, main = function() end}
local wrong = {"x", {}, 1.5, -1, s, true, nil, n = 7}
local receivers = {["s:"] = s, ["ds:"] = ds, ["fit:"] = fit, ["tp:"] = tp, ["db:"] = db, ["r:"] = r, ["S:"] = S}
local skip = {["data.write_csv"] = true, ["ds:write_csv"] = true, ["fit:to_csv"] = true, ["tenor.complete"] = true,
              ["r:report"] = true, ["S:run"] = true, ["db:close"] = true, ["store.open"] = true}
local skip_modules = {plot = true, help = true}

local function bad_message(err)
  return err:find("bad argument #", 1, true) or err:find("to '_", 1, true)
      or (err:find("attempt to ", 1, true) and not err:find("attempt to %a+ a 'series'"))
end

local calls, offenders = 0, {}
local function try(name, f, ...)
  calls = calls + 1
  local ok, err = pcall(f, ...)
  if not ok and bad_message(tostring(err)) and not offenders[name] then offenders[name] = tostring(err) end
end

for _, m in ipairs(require "tenor.modules") do
  if not skip_modules[m.name] then
    assert(_G[m.name], m.name)                      -- loads a lazy module
    for _, place in ipairs(m.places) do
      local prefix, t = place[1], _G
      for part in place[2]:gmatch("[^%.]+") do t = t[part] end
      local self = receivers[prefix]
      if prefix:sub(-1) == "." or self then
        for k, f in pairs(t) do
          local name = prefix .. k
          if type(f) == "function" and not k:match("^_") and not skip[name] then
            try(name, f, self)
            for i = 1, wrong.n do
              for j = 1, wrong.n do
                local a, b = wrong[i], wrong[j]
                if self then try(name, f, self, a, b) else try(name, f, a, b) end
              end
            end
          end
        end
      end
    end
  end
end
db:close()
os.execute("rm -rf " .. dir)
check(calls > 3000, "the walk reached the public functions (" .. calls .. " calls)")
for name, err in pairs(offenders) do check(false, name .. ": " .. err) end

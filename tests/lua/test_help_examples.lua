-- The example of every help entry runs: tests/lua/help_examples.lua
-- evaluates each in an environment where the names examples use (cpi, ppi,
-- spx, gdp, ds, fit, tp, r, db, ...; listed there) are bound to bundled data
-- or small objects, in a scratch folder, and reports each failure.
local TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
local root = os.getenv("PWD")
local dir = os.tmpname()
os.remove(dir)
local p = io.popen(("mkdir '%s' && ln -s '%s/examples' '%s/examples' && cd '%s' && '%s' '%s/tests/lua/help_examples.lua' 2>&1; rm -rf '%s'")
                   :format(dir, root, dir, dir, TENOR, root, dir))
local out = p:read("a")
p:close()
local run, failed = out:match("examples: (%d+) run, (%d+) failed")
check(run, "the examples ran to the end: " .. out:sub(-2000))
local n = 0
for _ in pairs(tenor.docs) do n = n + 1 end
eq(tonumber(run), n, "every help entry's example ran")
eq(tonumber(failed), 0, "no example failed")
for key, msg in out:gmatch("FAIL\t([^\t]+)\t([^\n]*)") do check(false, "example of " .. key .. ": " .. msg) end

-- Every example runs from any directory and prints its key figures.
-- The pinned numbers are regression guards; the functions behind them are
-- checked against independent references in the other test files.
local TENOR = os.getenv("TENOR") or (os.getenv("PWD") .. "/tenor")
local function run(path)
  local p = io.popen("cd /tmp && " .. TENOR .. " " .. os.getenv("PWD") .. "/" .. path .. " 2>&1; echo \"exit=$?\"")
  local out = p:read("a")
  p:close()
  return out
end
local out = run("examples/quickstart.lua")
check(out:find("exit=0", 1, true), out)
check(out:find("2023-06         2.9692     -9.4169", 1, true), "June 2023 CPI and PPI yoy")
check(out:find("correlation of CPI and PPI inflation: 0.797 over 1319 months", 1, true), out)
out = run("examples/signals.lua")
check(out:find("exit=0", 1, true), out)
check(out:find("peak    2007-12    2008-06        6", 1, true), "the 2007 peak, confirmed six months later")
check(out:find("N = 21 events", 1, true) and out:find("12     11.62%    80.95%    73.77%     0.320", 1, true), out)
check(out:find("HP-trend rule: looks ahead (two-sided HP filter)", 1, true), out)
out = run("examples/base_effects.lua")
check(out:find("exit=0", 1, true), out)
check(out:find("mom +0.0% a month: yoy turns positive in 2024-05", 1, true), out)
check(out:find("yoy -3.55 = carry-over -2.00 + new price changes -1.55", 1, true), out)
out = run("examples/volume_price.lua")
check(out:find("exit=0", 1, true), out)
check(out:find("sample: 2010Q4 .. 2025Q1 (n = 58)", 1, true), "volume regression sample")
check(out:find("ppi            0.399255", 1, true), "price regression: PPI coefficient")
check(out:find("R² of the volume regression: 0.897 with the Jan-Feb YTD rate, 0.851 copying February", 1, true), out)

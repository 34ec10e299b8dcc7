-- Deterministic benchmark data (no downloads): run by `make bench`.
--   tenor tests/bench/gen.lua OUTDIR
-- panel_monthly.csv: 500 monthly series m001..m500, 1986-01..2025-12, random
--   walks near 100 with about 2% empty cells;
-- daily_long.csv: one business-day series of 2,000,000 points from 1986-01-01.
-- The generator is a 64-bit LCG (Knuth's MMIX constants) with a fixed seed.
local out = assert(arg[1], "usage: gen.lua OUTDIR")
local state = 20261122
local function uniform()
  state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
  return ((state >> 11) & 0x1FFFFFFFFFFFFF) / 9007199254740992
end

local function panel(path)
  local f = assert(io.open(path, "w"))
  local names = {}
  for j = 1, 500 do names[j] = ("m%03d"):format(j) end
  f:write("date,", table.concat(names, ","), "\n")
  local level = {}
  for j = 1, 500 do level[j] = 100 end
  local row = {}
  for y = 1986, 2025 do
    for m = 1, 12 do
      for j = 1, 500 do
        level[j] = level[j] * (1 + (uniform() - 0.5) * 0.02)
        row[j] = uniform() < 0.02 and "" or ("%.4f"):format(level[j])
      end
      f:write(("%04d-%02d,"):format(y, m), table.concat(row, ","), "\n")
    end
  end
  f:close()
end

local function daily(path)
  local f = assert(io.open(path, "w"))
  f:write("date,x\n")
  local s = series.new{freq = "B", start = "1986-01-01", values = {}, n = 2000000}
  local dates = s:dates()
  -- log-AR(1) around 100 (phi 0.999, daily shocks of about 1%): stays positive
  -- and bounded over 2e6 steps, unlike a pure random walk
  local lx, buf = math.log(100), {}
  for i = 1, #dates do
    lx = math.log(100) + 0.999 * (lx - math.log(100)) + (uniform() - 0.5) * 0.035
    local x = math.exp(lx)
    buf[#buf + 1] = dates[i] .. "," .. ("%.4f"):format(x)
    if #buf == 10000 then f:write(table.concat(buf, "\n"), "\n"); buf = {} end
  end
  if #buf > 0 then f:write(table.concat(buf, "\n"), "\n") end
  f:close()
end

panel(out .. "/panel_monthly.csv")
daily(out .. "/daily_long.csv")

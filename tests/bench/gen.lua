-- Deterministic benchmark data (no downloads): run by `make bench`.
--   tenor tests/bench/gen.lua OUTDIR
-- panel_monthly.csv: 500 monthly series m001..m500, 1986-01..2025-12, random
--   walks near 100 with about 2% empty cells;
-- daily_long.csv: one business-day series of 2,000,000 points from 1986-01-01;
-- ols_big.csv: 10^6 rows of y, x1..x5 (AR(1) errors); macro_small.csv: 30 x 360 months;
-- arima_panel.csv: 500 monthly ARIMA(1,1,1)-with-drift series of 300 points (W7);
-- var_panel.csv: 8 monthly series of 600 points from a stable VAR(2) (W8).
-- The generator is a 64-bit LCG (Knuth's MMIX constants) with a fixed seed.
local out = assert(arg[1], "usage: gen.lua OUTDIR")
local state = 20261122
local function uniform()
  state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
  return ((state >> 11) & 0x1FFFFFFFFFFFFF) / 9007199254740992
end

-- A wide monthly file of random walks near 100 with about 2% empty cells:
-- width series named with fmt, years first..last, monthly steps of
-- (u − drift)·2% (drift 0.5: no trend), dates written with date_fmt.
local function walks(path, width, fmt, first, last, drift, date_fmt)
  local f = assert(io.open(path, "w"))
  local names, level, row = {}, {}, {}
  for j = 1, width do names[j] = fmt:format(j); level[j] = 100 end
  f:write("date,", table.concat(names, ","), "\n")
  for y = first, last do
    for m = 1, 12 do
      for j = 1, width do
        level[j] = level[j] * (1 + (uniform() - drift) * 0.02)
        row[j] = uniform() < 0.02 and "" or ("%.4f"):format(level[j])
      end
      f:write(date_fmt:format(y, m), ",", table.concat(row, ","), "\n")
    end
  end
  f:close()
end

local function panel(path) walks(path, 500, "m%03d", 1986, 2025, 0.5, "%04d-%02d") end

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

-- ols_big.csv: n = 1e6 rows of y and x1..x5, y = 1 + x·(0.5, -0.3, 0.2, 0.1, -0.4)
-- + AR(1) errors (rho 0.5). Dated by business day so that read_csv takes it.
local function ols_big(path)
  local f = assert(io.open(path, "w"))
  f:write("date,y,x1,x2,x3,x4,x5\n")
  local s = series.new{freq = "B", start = "1990-01-01", values = {}, n = 1000000}
  local dates = s:dates()
  local beta = {0.5, -0.3, 0.2, 0.1, -0.4}
  local e, buf = 0, {}
  for i = 1, #dates do
    local x, y = {}, 1
    for j = 1, 5 do x[j] = (uniform() - 0.5) * 4; y = y + beta[j] * x[j] end
    e = 0.5 * e + (uniform() - 0.5)
    y = y + e
    buf[#buf + 1] = ("%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f"):format(dates[i], y, x[1], x[2], x[3], x[4], x[5])
    if #buf == 10000 then f:write(table.concat(buf, "\n"), "\n"); buf = {} end
  end
  if #buf > 0 then f:write(table.concat(buf, "\n"), "\n") end
  f:close()
end

-- macro_small.csv: 30 monthly series m01..m30, 1996-01..2025-12 (360
-- months), with a slight upward drift: the size of a typical analyst
-- script's data (W6).
local function macro_small(path) walks(path, 30, "m%02d", 1996, 2025, 0.48, "%04d-%02d-01") end

-- Standard normal draws by Box-Muller from the same generator.
local function normal()
  local u1, u2 = uniform(), uniform()
  return math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)
end

-- arima_panel.csv: a001..a500 over 2001-01..2025-12 (300 months), each the
-- log-level of an ARIMA(1,1,1) with drift: Δy_t = 0.002 + φ(Δy_{t-1} − 0.002)
-- + e_t + θ e_{t-1}, φ and θ drawn per series in (−0.6, 0.6), σ = 1%.
local function arima_panel(path)
  state = 20261202                             -- its own seed: the same data however gen.lua is called
  local n, k = 300, 500
  local cols, names = {}, {}
  for j = 1, k do
    names[j] = ("a%03d"):format(j)
    local phi, theta = (uniform() - 0.5) * 1.2, (uniform() - 0.5) * 1.2
    local y, dy, e = {}, 0, 0
    local level = 4.6
    for t = 1, n do
      local eps = 0.01 * normal()
      dy = 0.002 + phi * (dy - 0.002) + eps + theta * e
      e = eps
      level = level + dy
      y[t] = ("%.8f"):format(level)
    end
    cols[j] = y
  end
  local f = assert(io.open(path, "w"))
  f:write("date,", table.concat(names, ","), "\n")
  local row = {}
  for t = 1, n do
    for j = 1, k do row[j] = cols[j][t] end
    f:write(("%04d-%02d"):format(2001 + (t - 1) // 12, (t - 1) % 12 + 1), ",", table.concat(row, ","), "\n")
  end
  f:close()
end

-- var_panel.csv: v1..v8 over 1976-01..2025-12 (600 months) from the stable
-- VAR(2) y_t = 0.1 + 0.5 y_{t-1} + 0.1 (neighbours of y_{t-1}) − 0.2 y_{t-2} + e_t
-- with correlated shocks (e = z + 0.5 z_1, a common factor).
local function var_panel(path)
  state = 19760101
  local n, k = 600, 8
  local f = assert(io.open(path, "w"))
  local names = {}
  for j = 1, k do names[j] = "v" .. j end
  f:write("date,", table.concat(names, ","), "\n")
  local y1, y2 = {}, {}
  for j = 1, k do y1[j], y2[j] = 0, 0 end
  for t = 1, n + 100 do
    local common, y = normal(), {}
    for j = 1, k do
      local nb = y1[j % k + 1] + y1[(j - 2) % k + 1]
      y[j] = 0.1 + 0.5 * y1[j] + 0.1 * nb - 0.2 * y2[j] + normal() + 0.5 * common
    end
    y2, y1 = y1, y
    if t > 100 then                            -- after a burn-in
      local m = t - 101
      local row = {}
      for j = 1, k do row[j] = ("%.8f"):format(y[j]) end
      f:write(("%04d-%02d"):format(1976 + m // 12, m % 12 + 1), ",", table.concat(row, ","), "\n")
    end
  end
  f:close()
end

local only = arg[2]
if not only or only == "panel" then panel(out .. "/panel_monthly.csv") end
if not only or only == "daily" then daily(out .. "/daily_long.csv") end
if not only or only == "ols" then ols_big(out .. "/ols_big.csv") end
if not only or only == "small" then macro_small(out .. "/macro_small.csv") end
if not only or only == "arima" then arima_panel(out .. "/arima_panel.csv") end
if not only or only == "var" then var_panel(out .. "/var_panel.csv") end

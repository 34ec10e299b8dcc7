-- Series built from arbitrary bytes (frequency, start text, length, values
-- including NaN, infinities, huge and subnormal numbers), then a program of
-- operations chosen by the remaining bytes. Errors are fine; crashes,
-- sanitizer reports and results of the wrong length are findings.
local FREQS = {"A", "Q", "M", "W", "W-FRI", "B", "D"}
local STARTS = {"2020", "2020Q1", "2020-01", "2020-01-06", "1900-01-01", "9999-12", "0001-01", "2020-W53"}
local ops = {
  function(s) return s:lag(1) end, function(s) return s:lead(2) end, function(s) return s:diff(1) end,
  function(s) return s:pct(1) end, function(s) return s:yoy() end, function(s) return s:mom() end,
  function(s) return s:rolling(3, "mean") end, function(s) return s:rolling(4, "median") end,
  function(s) return s:rolling(5, "std", {min_obs = 2}) end, function(s) return s:expanding("max") end,
  function(s) return s:ewma{alpha = 0.3} end, function(s) return s:zscore{window = 6} end,
  function(s) return s:pct_rank{window = "expanding"} end, function(s) return s:cumsum() end,
  function(s) return s:to("A", "mean") end, function(s) return s:to("Q", "sum", {min_obs = 1}) end,
  function(s) return s:fill("linear") end, function(s) return s:fill("ffill", {limit = 2}) end,
  function(s) return s:log() end, function(s) return s:dropna() end, function(s) return s + s:lag(1) end,
  function(s) return s * 2 - s / 3 end, function(s) return s:gt(0) & s:lt(1) end,
  function(s) return s:rebase(s.start) end, function(s) return s:cumprod() end,
  function(s) return signal.cross_above(s, s:lag(1)) end, function(s) return signal.hold(s:gt(0), s:lt(0)) end,
  function(s) return s:slice(s.start, s.stop) end, function(s) filter.hp(s:dropna()); return s end,
}
return function(bytes)
  if #bytes < 3 then return end
  local b1, b2, b3 = bytes:byte(1, 3)
  local freq = FREQS[b1 % #FREQS + 1]
  local n = b2 % 64
  local values = {}
  local pos = 4
  for i = 1, n do
    if pos + 7 <= #bytes then
      values[i] = string.unpack("<d", bytes, pos)
      pos = pos + 8
    else
      values[i] = (i * 37 % 11) - 5
    end
  end
  local ok, s = pcall(series.new, {freq = freq, start = STARTS[b3 % #STARTS + 1], values = values, n = n})
  if not ok then return end
  if #s ~= n then error("FUZZ INVARIANT: series.new gave " .. #s .. " values for n = " .. n) end
  for i = pos, math.min(#bytes, pos + 8) do
    local op = ops[bytes:byte(i) % #ops + 1]
    local good, r = pcall(op, s)
    if good and series.is(r) then s = r; tostring(s) end
  end
end

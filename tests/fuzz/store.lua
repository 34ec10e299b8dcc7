-- The store's record decoding on arbitrary rows: a frequency, a start text,
-- a length and a blob written straight into the tables, then read back with
-- db:get. It must give a series of that length or an error naming the
-- record; never a crash or a wrong-length series.
local db = store.open(":memory:")
local FREQS = {"A", "Q", "M", "B", "D", "W-SUN", "X", ""}
local function sql_text(s) return "'" .. s:gsub("'", "''") .. "'" end
return function(bytes)
  if #bytes < 4 then return end
  local b1, b2, b3 = bytes:byte(1, 3)
  local freq = FREQS[b1 % #FREQS + 1]
  local start_len = b2 % 16
  local start = bytes:sub(4, 3 + start_len)
  local blob = bytes:sub(4 + start_len)
  local n = (b3 % 3 == 0) and (#blob // 8) or (b3 - 128)
  local hex = blob:gsub(".", function(c) return ("%02X"):format(c:byte()) end)
  store._exec(db, "DELETE FROM vintages; DELETE FROM series;")
  store._exec(db, ("INSERT INTO series VALUES('f', %s, NULL, NULL, NULL, NULL, '2020-01-01');"):format(sql_text(freq)))
  store._exec(db, ("INSERT INTO vintages VALUES('f', '2020-01-01', %s, %d, X'%s');"):format(sql_text(start), n, hex))
  local ok, s, err = pcall(db.get, db, "f")
  if ok and s and #s ~= n then error("FUZZ INVARIANT: decoded " .. #s .. " values, the record says " .. n) end
  if ok and not s and type(err) ~= "string" then error("FUZZ INVARIANT: nil without a message") end
end

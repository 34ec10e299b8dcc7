-- The CSV reader on arbitrary bytes. Byte 1 picks options (separator,
-- forced frequency, row limit); the rest is the file. The reader must return
-- a dataset or nil plus a message that starts with the file name; it must
-- never raise (bad input is not a programming error) or crash. Without a
-- row limit the file is read again with two threads (threads = 2, which
-- large files get by default): the result or the message must be the same.
local SEPS, FREQS = {",", ";", "\t", "|"}, {"M", "Q", "A", "D", "B", "W"}
return function(bytes)
  local b = bytes:byte(1) or 0
  local opts = {text = bytes:sub(2)}
  if b & 1 == 1 then opts.sep = SEPS[((b >> 1) & 3) + 1]
  elseif (b >> 1) & 3 ~= 0 then opts.decimal = ({",", ".", ","})[(b >> 1) & 3] end
  if b & 8 == 8 then opts.freq = FREQS[(b >> 4) % 6 + 1] end
  if b & 128 == 128 then opts.nrows = (b & 7) + 1 end
  local ok, ds, err = pcall(data.read_csv, "fuzz.csv", opts)
  if not ok then error("FUZZ INVARIANT: read_csv raised: " .. tostring(ds)) end
  if ds == nil and (type(err) ~= "string" or err:sub(1, 8) ~= "fuzz.csv") then
    error("FUZZ INVARIANT: an error that does not name the file: " .. tostring(err))
  end
  if not opts.nrows then
    opts.threads = 2
    local ds2, err2 = data.read_csv("fuzz.csv", opts)
    if (ds2 == nil) ~= (ds == nil) or err2 ~= err then
      error("FUZZ INVARIANT: two threads read it differently: " .. tostring(err) .. " / " .. tostring(err2))
    end
    for i = 1, ds and #ds or 0 do
      local a, c = ds[i], ds2[i]
      if a.freq ~= c.freq or a.start ~= c.start or #a ~= #c or a.name ~= c.name then
        error("FUZZ INVARIANT: two threads give another calendar or name for column " .. i)
      end
      local va, vc = a:values(), c:values()
      for j = 1, #va do
        if va[j] ~= vc[j] and (va[j] == va[j] or vc[j] == vc[j]) then
          error("FUZZ INVARIANT: two threads give another value in column " .. i .. " row " .. j)
        end
      end
    end
  end
  if ds == nil then return end
  for i = 1, #ds do
    local s = ds[i]
    s:sum(); s:count(); tostring(s)
    local d = s:dates()
    if #d ~= #s then error("FUZZ INVARIANT: dates and values differ in length") end
  end
end

-- The Excel reader on arbitrary bytes. Byte 1 picks how the rest is used:
--   even: the bytes are the .xlsx file itself (libzip meets them first);
--   odd:  the bytes are the parts of a workbook, split at NUL bytes --
--         sheet XML, shared strings, styles, workbook XML -- put in a
--         valid zip here (stored, with CRC-32), so the mutations reach the
--         XML readers instead of dying at the zip's checksums.
-- Bit 1 asks for a range, bit 2 for a row limit, bit 3 for sheet 2.
-- read_xlsx must return a dataset, or nil and a message naming the file;
-- never raise, crash or leak. A dataset's columns must have as many dates
-- as values, and data._read_xlsx_cells must agree on success or failure
-- for the workbook layer (it never runs the table loader).

local crc_table = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do c = (c & 1 == 1) and (0xEDB88320 ~ (c >> 1)) or (c >> 1) end
  crc_table[i] = c
end
local function crc32(s)
  local c = 0xFFFFFFFF
  for i = 1, #s do c = crc_table[(c ~ s:byte(i)) & 0xFF] ~ (c >> 8) end
  return c ~ 0xFFFFFFFF
end

-- A zip of stored entries: {{name, data}, ...}.
local function zip(entries)
  local out, central, offset = {}, {}, 0
  for _, e in ipairs(entries) do
    local name, body = e[1], e[2]
    local crc = crc32(body)
    local head = string.pack("<I4I2I2I2I2I2I4I4I4I2I2", 0x04034b50, 20, 0, 0, 0, 0x5821, crc, #body, #body, #name, 0)
    out[#out + 1] = head .. name .. body
    central[#central + 1] = string.pack("<I4I2I2I2I2I2I2I4I4I4I2I2I2I2I2I4I4", 0x02014b50, 20, 20, 0, 0, 0, 0x5821,
                                        crc, #body, #body, #name, 0, 0, 0, 0, 0, offset) .. name
    offset = offset + #head + #name + #body
  end
  local cd = table.concat(central)
  return table.concat(out) .. cd .. string.pack("<I4I2I2I2I2I4I4I2", 0x06054b50, 0, 0, #entries, #entries, #cd, offset, 0)
end

local RELS = '<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>'
local WB_RELS = '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>'
  .. '<Relationship Id="rId2" Type="x/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'
local WB = '<workbook><sheets><sheet name="S" r:id="rId1"/><sheet name="T" r:id="rId2"/></sheets></workbook>'

local function build(rest)
  local parts = {}
  for p in (rest .. "\0"):gmatch("([^%z]*)%z") do parts[#parts + 1] = p end
  return zip({
    {"_rels/.rels", RELS},
    {"xl/_rels/workbook.xml.rels", WB_RELS},
    {"xl/workbook.xml", parts[4] or WB},
    {"xl/worksheets/sheet1.xml", parts[1] or ""},
    {"xl/worksheets/sheet2.xml", parts[1] or ""},
    {"xl/sharedStrings.xml", parts[2] or "<sst/>"},
    {"xl/styles.xml", parts[3] or "<styleSheet/>"},
  })
end

local M = {zip = zip, build = build}
local function run(bytes)
  local b = bytes:byte(1) or 0
  local body = bytes:sub(2)
  local file = (b & 1 == 1) and build(body) or body
  local opts = {bytes = file}
  if b & 2 == 2 then opts.range = "B2:D40" end
  if b & 4 == 4 then opts.nrows = (b >> 4) + 1 end
  if b & 8 == 8 then opts.sheet = 2 end
  local ok, ds, err = pcall(data.read_xlsx, "fuzz.xlsx", opts)
  if not ok then error("FUZZ INVARIANT: read_xlsx raised: " .. tostring(ds)) end
  if ds == nil and (type(err) ~= "string" or err:sub(1, 9) ~= "fuzz.xlsx") then
    error("FUZZ INVARIANT: an error that does not name the file: " .. tostring(err))
  end
  local ok2, cells, err2 = pcall(data._read_xlsx_cells, "fuzz.xlsx", {bytes = file, sheet = opts.sheet})
  if not ok2 then error("FUZZ INVARIANT: _read_xlsx_cells raised: " .. tostring(cells)) end
  if ds ~= nil and cells == nil then
    error("FUZZ INVARIANT: a dataset from a sheet whose cells do not read: " .. tostring(err2))
  end
  if ds == nil then return end
  for i = 1, #ds do
    local s = ds[i]
    s:sum(); tostring(s)
    if #s:dates() ~= #s then error("FUZZ INVARIANT: dates and values differ in length") end
  end
end
return setmetatable(M, {__call = function(_, bytes) return run(bytes) end})

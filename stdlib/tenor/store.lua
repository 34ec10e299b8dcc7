--[[ The series store: Lua helpers on top of the C module (interp/lib/store.c).

  db:import_csv(path, {prefix=, source=, vintage=, columns=, ...read_csv opts})
      reads a CSV file with data.read_csv (plain, FRED and Wind-style layouts:
      metadata rows such as 指标名称/频率/单位/来源 above the data and a source
      line below give each series its unit and source) and puts every column
      as prefix .. column name, one vintage each; returns the names stored
      (a column equal to its latest vintage records nothing new).
  db:get_many(names, {as_of=}) -> a dataset of the named series.
]]

local args = require "tenor.args"

local methods = store._methods

-- import_csv takes its own keys and every option of data.read_csv.
local import_own = {
  {"prefix", "string", default = "none", help = "put each column as prefix .. column name"},
  {"source", "string", default = "the file's source line, else its name", help = "meta.source of each series"},
  {"vintage", "string", default = "now", help = "the vintage stamp (YYYY-MM-DD, optionally a time)"},
  {"columns", "table", default = "all", help = "the columns to store, by name"},
}
do
  local list = {}
  for _, e in ipairs(import_own) do list[#list + 1] = e end
  for _, e in ipairs(args.entries("data.read_csv")) do list[#list + 1] = e end
  args.declare("db:import_csv", list)
end
args.declare("db:get_many", {
  {"as_of", "string", default = "the latest", help = "the vintages known at this date (YYYY-MM-DD)"},
})

function methods.import_csv(db, path, opts)
  opts = args.check("db:import_csv", opts)
  local read_opts = {}
  for k, v in pairs(opts) do
    if k ~= "prefix" and k ~= "source" and k ~= "vintage" and k ~= "columns" then read_opts[k] = v end
  end
  local ds, err = data.read_csv(path, read_opts)
  if not ds then error("import_csv: " .. err, 2) end
  local wanted
  if opts.columns then
    wanted = {}
    for _, c in ipairs(opts.columns) do wanted[c] = true end
  end
  local stored = {}
  for i = 1, #ds do
    local s = ds[i]
    local column = s.name or ("column" .. i)
    if not wanted or wanted[column] then
      local name = (opts.prefix or "") .. column
      db:put(name, s, {source = opts.source or s.meta.source or path:match("[^/]+$"), unit = s.meta.unit,
                       vintage = opts.vintage})
      stored[#stored + 1] = name
    end
  end
  return stored
end

function methods.get_many(db, names, opts)
  opts = args.check("db:get_many", opts)
  local list = {}
  for _, n in ipairs(names) do
    local s, err = db:get(n, opts)
    if not s then error(err, 2) end
    list[#list + 1] = s
  end
  return dataset.new(list)
end

return store

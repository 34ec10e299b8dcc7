--[[ The series store: Lua helpers on top of the C module (interp/lib/store.c).

  db:import_csv(path, {prefix=, source=, vintage=, columns=, ...read_csv opts})
      reads a CSV file with data.read_csv (plain, FRED and Wind-style layouts:
      metadata rows such as 指标名称/频率/单位/来源 above the data and a source
      line below give each series its unit and source) and puts every column
      as prefix .. column name, one vintage each; returns the names stored
      (a column equal to its latest vintage records nothing new).
  db:get_many(names, {as_of=}) -> a dataset of the named series.
An import is one transaction (store._transaction): all of the file's
columns get their new vintage, or none does.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local methods = store._methods
-- one write transaction around a function (C); held here, since a
-- sandboxed run removes the "_" primitives from `store`
local transaction = store._transaction
doc.add("db:import_csv", "db:import_csv(path, {prefix=, source=, vintage=, columns=, ...read_csv options})", "Reads a CSV (plain, FRED, Wind-style with 单位/来源 rows) and puts every column as prefix..name, one vintage each, all in one transaction (an error or a killed process leaves the store as before); unit and source from the file's metadata. Returns the names.", "db:import_csv('examples/data/cn_money_supply_monthly.csv', {prefix = 'cn.', vintage = '2025-04-10'})")

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

-- The set of columns to import; a name the file lacks is an error, not a
-- silent skip.
local function wanted_columns(ds, columns)
  local present, wanted = {}, {}
  for i = 1, #ds do present[ds[i].name or ("column" .. i)] = true end
  for _, c in ipairs(columns) do
    if not present[c] then
      error(("db:import_csv: option 'columns' names '%s', which the file lacks (columns: %s)")
            :format(tostring(c), table.concat(ds:names(), ", ")), 3)
    end
    wanted[c] = true
  end
  return wanted
end

function methods.import_csv(db, path, opts)
  opts = args.check("db:import_csv", opts)
  local read_opts = {}
  for k, v in pairs(opts) do
    if k ~= "prefix" and k ~= "source" and k ~= "vintage" and k ~= "columns" then read_opts[k] = v end
  end
  local ds, err = data.read_csv(path, read_opts)
  if not ds then error("db:import_csv: " .. err, 2) end
  local wanted = opts.columns and wanted_columns(ds, opts.columns)
  -- one transaction: a failure or a killed process half-way leaves the
  -- store exactly as it was
  return transaction(db, function()
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
  end)
end

doc.add("db:get_many", "db:get_many(names, {as_of=})", "A dataset of the named series, each as known at as_of.", "db:get_many({'cn.cpi', 'cn.ppi'}, {as_of = '2024-06-30'})")
function methods.get_many(db, names, opts)
  opts = args.check("db:get_many", opts)
  if type(names) ~= "table" then error(("db:get_many: names must be a list of series names (got a %s)"):format(type(names)), 2) end
  local list = {}
  for _, n in ipairs(names) do
    local s, err = db:get(n, opts)
    if not s then error(err, 2) end
    list[#list + 1] = s
  end
  return dataset.new(list)
end

-- help of the functions written in C
doc.add("store.open", "store.open(path, {readonly=false, busy_timeout=10})", "Opens or creates a series database (SQLite, WAL mode; older schemas migrated). busy_timeout: seconds to wait for another process's lock, in total per operation, then an error. A file that is not a store is an error naming it.", "local db = store.open('team.db')")
doc.add("db:put", "db:put(name, s, {unit=, source=, description=, kind=, vintage=})", "Records s as a new vintage stamped vintage (YYYY-MM-DD, or now in UTC); old vintages are kept. Returns the stamp, or false when s equals the latest vintage. One transaction: a killed writer leaves the old or the new vintage, never half.", "db:put('us.cpi', cpi, {unit = 'index', source = 'BLS', vintage = '2024-06-12'})")
doc.add("db:get", "db:get(name, {as_of=})", "The latest vintage, or the one known at as_of (YYYY-MM-DD covers its whole day; a full stamp also works); nil, message when there is none. meta.vintage holds the stamp. A misspelt key ({asof=}) is an error, never the latest vintage.", "db:get('cn.cpi', {as_of = '2024-06-30'})")
doc.add("db:meta", "db:meta(name)", "freq, unit, source, description, kind, created, vintages (count) and latest (stamp); nil, message when absent.", "db:meta('cn.cpi').unit")
doc.add("db:vintages", "db:vintages(name)", "The vintage stamps of a series, oldest first.", "db:vintages('cn.cpi')")
doc.add("db:list", "db:list(pattern='*')", "Series names matching a glob (* any run, ? one character), sorted.", "db:list('cn.*')")
doc.add("db:delete", "db:delete(name)", "Deletes a series and all its vintages; true if it existed.", "db:delete('scratch')")
doc.add("db:close", "db:close()", "Closes the database (also done by the garbage collector and by <close>).", "db:close()")

return store

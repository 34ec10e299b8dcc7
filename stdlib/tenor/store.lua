--[[ The series store: Lua helpers on top of the C module (interp/lib/store.c).

  db:import_csv(path, {prefix=, source=, vintage=, columns=, ...read_csv opts})
      reads a CSV file with data.read_csv (plain, FRED and Wind-style layouts:
      metadata rows such as 指标名称/频率/单位/来源 above the data and a source
      line below give each series its unit and source) and puts every column
      as prefix .. column name, one vintage each; returns the names stored
      (a column equal to its latest vintage records nothing new).
  db:get_many(names, {as_of=}) -> a dataset of the named series.
]]

local methods = store._methods

function methods.import_csv(db, path, opts)
  opts = opts or {}
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
  local list = {}
  for _, n in ipairs(names) do
    local s, err = db:get(n, opts)
    if not s then error(err, 2) end
    list[#list + 1] = s
  end
  return dataset.new(list)
end

return store

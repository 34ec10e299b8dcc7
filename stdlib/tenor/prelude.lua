--[[ tenor's prelude: runs once at start-up, before any script or the REPL.

It completes the global environment an analyst works in:
  series   the series type (C), with the methods added by stdlib modules
  data     reading and writing data files: data.read_csv, data.write_csv
  filter   trend/cycle filters: filter.hp, hamilton, bk, cf
  regress  regressions: regress.ols, rolling, expanding, xcorr
  deflator implicit deflators and deflating: deflator.implicit, deflator.real
  indexnum index numbers and contributions to growth
  tenor    the interpreter's own helpers: tenor.show (REPL printing)
  NA       the missing value (a NaN); series.isna(x) tests for it
  help     help(), help("s:yoy"), help(regress.ols); ?name at the prompt
  plot     charts: s:spark(), plot.term, plot.line, plot.bar
  signal   conditions, turning points, publication lags
  rule     rules as objects with a quality report: rule{...}:report()
  backtest look-ahead-safe backtests, bond returns from yields
  script   shared scripts that declare their parameters: script{...}
  store    the series database with vintages: store.open(path)
]]

-- tenor.version and tenor.usage come from the host (interp/host/host.h)
tenor = tenor or {}
tenor.home = _TENOR_HOME

NA = series.NA

require "tenor.show"

-- The modules (stdlib/tenor/modules.lua is the one list): the eager ones
-- now; the lazy ones, which only add a global of their own, on first use,
-- so start-up stays near the bare interpreter's. Completion lists them
-- before they are loaded (tenor.lazy_globals).
local LAZY = {}
for _, m in ipairs(require "tenor.modules") do
  if m.lazy then LAZY[m.name] = m.lua
  elseif m.lua then require(m.lua) end
end
tenor.lazy_globals = LAZY
setmetatable(_G, {__index = function(t, k)
  local module = LAZY[k]
  if module then
    require(module)
    return rawget(t, k)
  end
end})
-- s:spark lives in tenor.plot, which replaces this stub when it loads
function series._methods.spark(...)
  require "tenor.plot"
  return series._methods.spark(...)
end
-- tenor.docs and tenor.reference_markdown (tenor.help), tenor.complete
-- (the REPL's Tab) also load on first use
local LAZY_TENOR = {docs = "tenor.help", reference_markdown = "tenor.help", complete = "tenor.complete"}
setmetatable(tenor, {__index = function(t, k)
  if LAZY_TENOR[k] then
    require(LAZY_TENOR[k])
    return rawget(t, k)
  end
end})

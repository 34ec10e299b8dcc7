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

tenor = tenor or {}
tenor.version = "0.1.0"
tenor.home = _TENOR_HOME

NA = series.NA

require "tenor.show"
require "tenor.dataset"
require "tenor.data"
require "tenor.regress"
require "tenor.filter"
require "tenor.deflator"
require "tenor.indexnum"
require "tenor.complete"
require "tenor.help"
require "tenor.plot"
require "tenor.signal"
require "tenor.backtest"
require "tenor.rule"
require "tenor.script"
require "tenor.store"

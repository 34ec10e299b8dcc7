--[[ The one list of tenor's modules.

The prelude loads them (eagerly, or on first use of their global when
lazy), help() lists them and finds their functions, completion offers them
before they load, and tests/lua/test_help.lua checks that every public
function of each has a help entry. Adding a module: a C one also goes in
interp/lib/init.c; a Lua one is a file stdlib/tenor/<name>.lua; then one
entry here.

Each entry:
  name    the global analysts type
  lua     the stdlib module that completes it (nil: pure C)
  lazy    loaded on first use of the global (start-up stays near bare Lua)
  about   one line for help()
  places  {prefix, path} pairs: where its public functions live and the
          prefix their help entries use ("s:" for series methods); a place
          with its own section = and about = is listed apart by help()
]]

return {
  {name = "series", lua = "tenor.series", about = "the series type: access, arithmetic, changes, windows, frequency conversion",
   places = {{"series.", "series"}, {"s:", "series._methods"}}},
  {name = "data", lua = "tenor.data", about = "reading and writing CSV files",
   places = {{"data.", "data"}}},
  {name = "dataset", lua = "tenor.dataset", about = "tables of named series",
   places = {{"dataset.", "dataset"}, {"ds:", "dataset._methods"}}},
  {name = "regress", lua = "tenor.regress", about = "OLS with full inference and diagnostics, rolling fits, probit/logit, cross-correlation",
   places = {{"regress.", "regress"},
             {"fit:", "regress._fit_methods", section = "fit", about = "methods of a regression result"}}},
  {name = "filter", lua = "tenor.filter", about = "trend/cycle filters: HP, Hamilton, Baxter-King, Christiano-Fitzgerald",
   places = {{"filter.", "filter"}}},
  {name = "deflator", lua = "tenor.deflator", lazy = true, about = "implicit deflators and deflating",
   places = {{"deflator.", "deflator"}}},
  {name = "indexnum", lua = "tenor.indexnum", lazy = true, about = "index numbers, chain-linking and contributions to growth",
   places = {{"indexnum.", "indexnum"}}},
  {name = "calendar", lua = "tenor.calendar", lazy = true, about = "the Chinese calendar: Spring Festival, working and trading days, holiday regressors",
   places = {{"calendar.", "calendar"}}},
  {name = "seasonal", lua = "tenor.seasonal", lazy = true, about = "seasonal adjustment: STL with Spring Festival and working-day effects",
   places = {{"seasonal.", "seasonal"}}},
  {name = "signal", lua = "tenor.signal", about = "conditions, states and turning points (Bry-Boschan, BBQ, Pagan-Sossounov)",
   places = {{"signal.", "signal"},
             {"tp:", "signal._tp_methods", section = "tp", about = "methods of a turning-points result"}}},
  {name = "rule", lua = "tenor.rule", lazy = true, about = "rules as objects and their quality report",
   places = {{"rule.", "rule"}, {"r:", "rule._methods"}}},
  {name = "backtest", lua = "tenor.backtest", lazy = true, about = "look-ahead-safe backtests and bond returns",
   places = {{"backtest.", "backtest"}}},
  {name = "script", lua = "tenor.script", lazy = true, about = "shared scripts that declare their parameters",
   places = {{"script.", "script"}, {"S:", "script._methods"}}},
  {name = "store", lua = "tenor.store", about = "the series database with vintages",
   places = {{"store.", "store"}, {"db:", "store._methods"}}},
  {name = "plot", lua = "tenor.plot", lazy = true, about = "charts: sparklines, terminal charts, PNG/SVG/PDF files",
   places = {{"plot.", "plot"}}},
  {name = "tsa", lua = "tenor.tsa", lazy = true, about = "time series: unit roots, Granger causality, cointegration, VAR, ARIMA",
   places = {{"tsa.", "tsa"},
             {"var:", "tsa._var_methods", section = "var", about = "methods of a VAR model (tsa.var)"},
             {"arima:", "tsa._arima_methods", section = "arima", about = "methods of an ARIMA model (tsa.arima)"}}},
  {name = "help", lua = "tenor.help", lazy = true, about = "help(), help('s:yoy'), ?name in the REPL",
   places = {}},
}

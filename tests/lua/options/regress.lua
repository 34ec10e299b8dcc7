-- Calls for tests/lua/test_options.lua: regress.* and the fit methods
local ppi = data.read_csv("examples/data/us_ppi_monthly.csv")[1]:slice("2000", "2010")
local up = ppi:diff():gt(0)
return {
  ["regress.probit"] = function(o) return regress.probit(up, {ppi:diff():lag(1)}, o) end,
  ["regress.logit"] = function(o) return regress.logit(up, {ppi:diff():lag(1)}, o) end,
  ["regress.ols"] = function(o) return regress.ols(ppi, {ppi:lag(1)}, o) end,
  ["fit:diagnostics"] = function(o) return regress.ols(ppi, {ppi:lag(1)}):diagnostics(o) end,
  ["regress.rolling"] = function(o)
    return regress.rolling(ppi, {ppi:lag(1)}, options_with(o, {window = 36}))
  end,
  ["regress.expanding"] = function(o) return regress.expanding(ppi, {ppi:lag(1)}, o) end,
  ["regress.xcorr"] = function(o) return regress.xcorr(ppi:lag(1), ppi, o) end,
}

--[[ Deflators: the price of output implied by nominal and real measures.

deflator.implicit{nominal=, real=} -> series
  Levels: 100 · nominal / real (an index, base where real = nominal).
deflator.implicit{nominal_yoy=, real_yoy=} -> series
  Growth rates (%): 100 · ((1 + n/100) / (1 + r/100) − 1), the yoy of the
  implicit deflator, exact (not the approximation n − r).
  China publishes nominal GDP as year-to-date levels and real GDP as a yoy
  rate: de-cumulate first (gdp_ytd:ytd_to_period():yoy()), then pass both
  rates — see examples/volume_price.lua.
  The result's meta.form says which form it is.

deflator.real(nominal, price_index, {base=}) -> series
  nominal / price_index · 100, after rebasing the price index to average 100
  over base (a period or a year) when base is given: real values in prices
  of the base period.

A ratio needs a strictly positive denominator: zeros or negatives in the
real series or the price index are an error naming the first such period.
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = {}

local function positive(s, what, who)
  local lo = s:min()
  if lo and lo <= 0 then
    local bad = (s:le(0)):values()
    for i, v in ipairs(bad) do
      if v == 1 then error(("%s: %s must be positive; it is %s at %s"):format(who, what, tenor.show(s:values()[i]), s:dates()[i]), 3) end
    end
  end
end

local function need_series(x, what, who)
  if not series.is(x) then error(("%s: %s must be a series"):format(who, what), 3) end
end

doc.add("deflator.implicit", "deflator.implicit{nominal=, real=} | {nominal_yoy=, real_yoy=}", "100·nominal/real, or 100·((1+n/100)/(1+r/100) − 1) for growth rates.", "deflator.implicit{nominal = gdp, real = gdpc1}")
args.declare("deflator.implicit", {
  {"nominal", "series", help = "nominal level (with real)"},
  {"real", "series", help = "real (volume) level (with nominal)"},
  {"nominal_yoy", "series", help = "nominal growth, % (with real_yoy)"},
  {"real_yoy", "series", help = "real growth, % (with nominal_yoy)"},
})
args.declare("deflator.real", {
  {"base", "string|integer", default = "none (the index as given)", help = "rebase the price index to 100 over this period or year"},
})

function M.implicit(a)
  a = args.check("deflator.implicit", a)
  local levels, rates = a.nominal or a.real, a.nominal_yoy or a.real_yoy
  if levels and rates then error("deflator.implicit: give levels (nominal=, real=) or growth rates (nominal_yoy=, real_yoy=), not both", 2) end
  local r
  if levels then
    need_series(a.nominal, "nominal", "deflator.implicit"); need_series(a.real, "real", "deflator.implicit")
    positive(a.real, "real", "deflator.implicit")
    r = a.nominal / a.real * 100
    r.meta.form = "levels: 100 * nominal / real"
  elseif rates then
    need_series(a.nominal_yoy, "nominal_yoy", "deflator.implicit"); need_series(a.real_yoy, "real_yoy", "deflator.implicit")
    positive(a.real_yoy / 100 + 1, "1 + real_yoy/100", "deflator.implicit")
    r = ((a.nominal_yoy / 100 + 1) / (a.real_yoy / 100 + 1) - 1) * 100
    r.meta.form = "yoy %: 100 * ((1 + n/100) / (1 + r/100) - 1)"
    r.meta.unit = "%"
  else
    error("deflator.implicit: give nominal= and real= (levels) or nominal_yoy= and real_yoy= (growth rates)", 2)
  end
  r.name = "implicit_deflator"
  return r
end

doc.add("deflator.real", "deflator.real(nominal, price_index, {base=})", "nominal / price_index · 100, the index rebased to base first.", "deflator.real(spx, cpi, {base = '2015'})")
function M.real(nominal, price_index, opts)
  opts = args.check("deflator.real", opts)
  need_series(nominal, "nominal", "deflator.real"); need_series(price_index, "price_index", "deflator.real")
  positive(price_index, "the price index", "deflator.real")
  local p = opts.base and price_index:rebase(opts.base, 100) or price_index
  local r = nominal / p * 100
  r.name = nominal.name and (nominal.name .. "_real") or "real"
  r.meta.deflated_by = price_index.name
  r.meta.base = opts.base
  return r
end

deflator = M
return M

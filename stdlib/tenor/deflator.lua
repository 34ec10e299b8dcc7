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
function M.implicit(args)
  if type(args) ~= "table" then error("deflator.implicit: call as deflator.implicit{nominal=, real=} or {nominal_yoy=, real_yoy=}", 2) end
  local r
  if args.nominal or args.real then
    need_series(args.nominal, "nominal", "deflator.implicit"); need_series(args.real, "real", "deflator.implicit")
    positive(args.real, "real", "deflator.implicit")
    r = args.nominal / args.real * 100
    r.meta.form = "levels: 100 * nominal / real"
  elseif args.nominal_yoy or args.real_yoy then
    need_series(args.nominal_yoy, "nominal_yoy", "deflator.implicit"); need_series(args.real_yoy, "real_yoy", "deflator.implicit")
    positive(args.real_yoy / 100 + 1, "1 + real_yoy/100", "deflator.implicit")
    r = ((args.nominal_yoy / 100 + 1) / (args.real_yoy / 100 + 1) - 1) * 100
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
  need_series(nominal, "nominal", "deflator.real"); need_series(price_index, "price_index", "deflator.real")
  positive(price_index, "the price index", "deflator.real")
  local p = (opts and opts.base) and price_index:rebase(opts.base, 100) or price_index
  local r = nominal / p * 100
  r.name = nominal.name and (nominal.name .. "_real") or "real"
  r.meta.deflated_by = price_index.name
  r.meta.base = opts and opts.base
  return r
end

deflator = M
return M

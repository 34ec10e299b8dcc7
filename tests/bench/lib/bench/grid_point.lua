--[[ One point of the bench grid (make bench, "grid of 64 runs"): the W6
kind of analyst script on macro_small.csv, for a lag a and a window b, done
for each of the 30 series in turn as the dependent variable: yoy over a
months, an OLS on the next three series' yoy with HAC(b), the HP filter of
the series (gaps closed up) and MA(3)/MA(b + 2) crossings; all of it reps
times (about a tenth of a second a run). Returns sums.
]]
return script{
  name = "bench.grid_point", description = "one point of the bench grid",
  params = {{"a", "integer", 12, "yoy lag"}, {"b", "integer", 12, "HAC lag and long window"},
            {"file", "string", "", "macro_small.csv"}, {"reps", "integer", 20, "times the whole is done"}},
  main = function(p, ctx)
    local ds = assert(data.read_csv(p.file))
    local names = ds:names()
    local yoy = {}
    for _, name in ipairs(names) do yoy[name] = ds[name]:pct(p.a) end
    local out = {r2 = 0, trend = 0, up = 0}
    for k = 1, p.reps * #names do
      local i = (k - 1) % #names + 1
      local name = names[i]
      local x = {}
      for j = 1, 3 do local other = names[(i + j - 1) % #names + 1]; x[other] = yoy[other] end
      local fit = regress.ols(yoy[name], x, {cov = "HAC", lag = p.b})
      local present = {}
      for _, v in ipairs(ds[name]:values()) do if v == v then present[#present + 1] = v end end
      local trend = filter.hp(series.new{freq = "M", start = ds[name].start, values = present, n = #present}, {lambda = 14400})
      local d = ds[name]:rolling(3, "mean") - ds[name]:rolling(p.b + 2, "mean")
      out.r2, out.trend = out.r2 + fit.r2, out.trend + trend[#trend]
      out.up = out.up + signal.cross_above(d, 0):sum()
    end
    return out
  end,
}

-- A small rule script for `make bench`: the cost of the sandbox is a
-- sandboxed `tenor run` of it against the same with --trust. US CPI yoy
-- above 3% as a signal; its count, last state and the yoy series.
return script{
  name = "bench.small_rule", description = "CPI yoy above 3% (the sandbox's cost in make bench)",
  params = {{"threshold", "number", 3, "yoy threshold (%)"}},
  data = {"us_cpi_fred_monthly.csv"},
  main = function(p, ctx)
    local cpi = ctx.read("us_cpi_fred_monthly.csv")
    local yoy = cpi[1]:yoy()
    local above = signal.above(yoy, p.threshold)
    ctx.print(("months above %g%%: %d of %d"):format(p.threshold, above:sum(), above:count()))
    return {yoy = yoy, above_months = above:sum()}
  end,
}

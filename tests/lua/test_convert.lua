-- s:to(): aggregation to lower frequencies against pandas 1.5.3 resample
-- (fixtures in tests/fixtures/, with the script that made them), the
-- completeness rule, kinds, disaggregation by hand, and the errors.
local refq = assert(data.read_csv("tests/fixtures/pandas_convert_quarterly.csv"))
local refm = assert(data.read_csv("tests/fixtures/pandas_convert_monthly.csv"))
local cpi = assert(data.read_csv("examples/data/us_cpi_u_nsa_monthly.csv")).cpi_u_nsa
local iva = assert(data.read_csv("examples/data/cn_industrial_value_added_monthly.csv")).iva_yoy_pct
local sh = assert(data.read_csv("examples/data/cn_shanghai_composite_daily.csv")).close

local function like(got, ref) return ref:slice(got.start, got.stop) end
local g = cpi:to("Q", "mean", {min_obs = 1})
same_series(g, like(g, refq.cpi_qmean_present), 1e-14, "quarterly mean of the months present")
g = cpi:to("Q", "mean")
same_series(g, like(g, refq.cpi_qmean_complete), 1e-14, "complete quarters only (2025Q4 lacks October)")
eq(g:at("2025Q4"), nil, "2025-10 has no CPI: the quarter is missing by default")
g = iva:to("Q", "mean")
same_series(g, like(g, refq.iva_qmean_complete), 1e-14, "IVA: January never published, Q1 missing")
g = iva:to("Q", "mean", {min_obs = 2})
same_series(g, like(g, refq.iva_qmean_min2), 1e-14, "IVA with min_obs 2")
g = sh:to("M", "last")
same_series(g, refm.close_last, 0, "business days to month: last value present")
g = sh:to("M", "max")
same_series(g, refm.close_max, 0, "business days to month: max")

-- kinds choose the aggregation, and say so
local flow = series.new{freq = "M", start = "2024-01", values = {1, 2, 3, 4, 5, 6}, name = "f", kind = "flow"}
eq(flow:to("Q"):at("2024Q2"), 15); eq(flow:to("Q").meta.aggregation, "sum")
flow.meta.kind = "stock"; eq(flow:to("Q"):at("2024Q1"), 3)
flow.meta.kind = "rate"; eq(flow:to("Q"):at("2024Q1"), 2)
flow.meta.kind = nil
checkerr(function() flow:to("Q") end, "say how to convert a monthly series 'f' to quarterly")
eq(flow:to("A", "sum"):at("2024"), nil, "half a year is incomplete")
eq(flow:to("A", "sum", {min_obs = 6}):at("2024"), 21)

-- to a higher frequency
local q = series.new{freq = "Q", start = "2024Q1", values = {3, 6}, name = "q"}
local step = q:to("M", "step")
eq(step.start, "2024-01"); eq(#step, 6); eq(step:at("2024-05"), 6)
local lin = q:to("M", "linear")
eq(lin:at("2024-03"), 3, "anchored at the quarter's last month"); eq(lin:at("2024-04"), 4)
eq(lin:at("2024-05"), 5); eq(lin:at("2024-02"), nil, "nothing before the first anchor")
local qb = q:to("B", "step")
eq(qb.start, "2024-01-01"); eq(qb.stop, "2024-06-28", "June 30 2024 was a Sunday")

-- errors
checkerr(function() q:to("M", "mean") end, "'mean' aggregates to a lower frequency; from quarterly to monthly use 'step' or 'linear'")
checkerr(function() flow:to("Q", "step") end, "'step' fills a higher frequency")
checkerr(function() flow:to("M", "mean") end, "is already monthly")
checkerr(function() flow:to("X", "mean") end, "s:to: freq must be a frequency: A, Q, M, W, W-FRI, B or D (got 'X')")
checkerr(function() flow:to("Q", "median") end, "s:to: how must be one of mean, sum, last, first, min, max, step, linear, denton (got 'median')")

-- Denton: aggregation-consistent and optimal. Independent checks: (1) summing
-- back reproduces the input; (2) the first-order conditions of
-- min Σ(x_t − x_{t−1})² s.t. quarterly sums: (D'D x)_t must be the same for
-- every month of a quarter (it equals the quarter's Lagrange multiplier).
local qf = series.new{freq = "Q", start = "2024Q1", values = {30, 36, 45, 39, 41}, kind = "flow"}
local md = qf:to("M", "denton")
same_series(md:to("Q", "sum"), qf, 1e-12, "denton months add up to the quarters")
local v = md:values()
local function ddx(t)   -- (D'D x)_t with free ends
  if t == 1 then return v[1] - v[2] elseif t == #v then return v[#v] - v[#v - 1] end
  return 2 * v[t] - v[t - 1] - v[t + 1]
end
local worst = 0
for q0 = 0, 4 do
  for k = 2, 3 do worst = math.max(worst, math.abs(ddx(3 * q0 + k) - ddx(3 * q0 + 1))) end
end
check(worst < 1e-10, "first-order conditions hold, worst " .. worst)
local gdp = assert(data.read_csv("examples/data/us_gdp_fred_quarterly.csv")).gdpc1
local gm = gdp:to("M", "denton", {agg = "mean"})
same_series(gm:to("Q", "mean"), gdp, 1e-12, "US real GDP (SAAR, a rate): monthly path averages back to each quarter")
local ind = series.new{freq = "M", start = "2024-01", values = {1, 1, 2, 2, 2, 2, 3, 3, 3, 1, 1, 1, 1, 1, 1}}
local mi = qf:to("M", "denton", {indicator = ind})
same_series(mi:to("Q", "sum"), qf, 1e-12, "with an indicator, still consistent")
checkerr(function() series.new{freq = "Q", start = "2024Q1", values = {1, 2}}:to("M", "denton") end, "denton needs {agg=")
checkerr(function() qf:to("M", "denton", {indicator = ind:head(5)}) end, "non-zero value in every period")

-- arguments: case-insensitive how, pandas' min_count, and errors naming the option
same_series(flow:to("q", "SUM"), flow:to("Q", "sum"), 0)
same_series(flow:to("Q", "sum", {min_count = 3}), flow:to("Q", "sum", {min_obs = 3}), 0)
checkerr(function() flow:to("Q", "sum", {min_ob = 3}) end, "s:to: unknown option 'min_ob' (did you mean 'min_obs'?")
checkerr(function() flow:to("Q", "sum", {min_obs = 0}) end, "s:to: option 'min_obs' must be >= 1 (got 0)")
checkerr(function() flow:to("Q", "sum", 3) end, "s:to: options must be a table")

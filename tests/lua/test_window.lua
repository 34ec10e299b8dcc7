-- Rolling, expanding, z-score, percentile rank and EWMA against pandas 1.5.3
-- on US CPI-U (which has one missing month, 2025-10, so NA handling is
-- exercised). The fixture and the script that made it are in tests/fixtures/.
-- Plus hand calculations on a short series and the errors.

local ref = assert(data.read_csv("tests/fixtures/pandas_windows.csv"))
local x = assert(data.read_csv("examples/data/us_cpi_u_nsa_monthly.csv")).cpi_u_nsa

local same = same_series

same(x:yoy(), ref.yoy, 1e-13, "yoy")
same(x:rolling(12, "mean"), ref.ma12, 1e-13, "rolling mean 12")
-- pandas' own online update drifts ~1e-11 from the exact two-pass value
-- (1.296381944067074 vs 1.2963819440764874 at 2016-02, numpy std(ddof=1));
-- tenor restarts exactly every window, so it is held to 1e-11 against pandas
-- and to 1e-13 against the exact two-pass sd of a slice.
same(x:rolling(24, "std"), ref.sd24, 1e-11, "rolling sample std 24")
near(x:rolling(24, "std"):at("2016-02"), x:slice("2014-03", "2016-02"):std(), 1e-13, "exact at 2016-02")
same(x:rolling(6, "sum", {min_obs = 4}), ref.sum6_min4, 1e-13, "rolling sum with min_obs")
same(x:rolling(12, "median"), ref.med12, 0, "rolling median")
same(x:rolling(12, "quantile", {q = 0.9}), ref.q90_12, 1e-14, "rolling quantile")
same(x:rolling(12, "max"), ref.max12, 0, "rolling max")
same(x:rolling(12, "min", {min_obs = 1}), ref.min12_min1, 0, "rolling min, min_obs 1")
same(x:expanding("std"), ref.exp_std, 1e-11, "expanding std")
same(x:ewma{halflife = 6}, ref.ewm_hl6, 1e-12, "ewma halflife 6 (adjusted)")
same(x:ewma{alpha = 0.3, adjust = false}, ref.ewm_a03_noadj, 1e-12, "ewma alpha 0.3 recursive")
same(x:pct_rank{window = 36}, ref.rank36, 1e-15, "pct_rank 36 (share <= current)")
same(x:zscore{window = 60}, ref.z60, 1e-9, "z-score 60 (window includes x_t)")

-- hand calculations
local s = series.new{freq = "M", start = "2024-01", values = {1, 5, 2, nil, 8, 3, 9, 4}}
eq(s:rolling(3, "mean", {min_obs = 2}):at("2024-05"), 5, "mean of 2 and 8, the gap skipped")
eq(s:rolling(3, "mean"):at("2024-05"), nil, "default min_obs = window")
eq(s:rolling(3, "count", {min_obs = 2}):at("2024-05"), 2)
-- count honours min_obs like every statistic (default: the whole window)
eq(s:rolling(3, "count"):at("2024-05"), nil, "2 of 3 present, min_obs 3: NA")
eq(s:rolling(3, "count"):at("2024-08"), 3)
eq(s:expanding("count", {min_obs = 3}):at("2024-02"), nil, "expanding count below min_obs")
eq(s:expanding("count", {min_obs = 3}):at("2024-05"), 4)
eq(s:rolling(4, "median", {min_obs = 3}):at("2024-08"), 6, "median of 8,3,9,4")
near(s:zscore{window = 3, min_obs = 2}:at("2024-08"), (4 - 16/3) / math.sqrt(31/3), 1e-12, "z of 4 in {3,9,4}")
near(s:pct_rank{window = "expanding"}:at("2024-08"), 4/7, 1e-15, "4 is >= 1,2,3,4 of 7 values")
near(s:pct_rank{window = "expanding", since = "2024-05"}:at("2024-08"), 2/4, 1e-15, "against 8,3,9,4 only")
eq(s:pct_rank{window = "expanding", since = "2024-05"}:at("2024-03"), nil, "before since: NA")
eq(s:expanding("max"):at("2024-06"), 8)
eq(s:expanding("sum"):at("2024-08"), 32)

-- The first window's moments: 1e8 + {1..8}, w = 5. By hand the window
-- 1e8 + {1..5} has mean 1e8 + 3, squared deviations 4+1+0+1+4 = 10,
-- var = 10/4 = 2.5, sd = sqrt(2.5) = 1.5811388300841898 (pandas gives the
-- same); unshifted sums lost it to cancellation (1.41421).
local big8 = {}
for i = 1, 8 do big8[i] = 1e8 + i end
local b8 = series.new{freq = "M", start = "2024-01", values = big8}
near(b8:rolling(5, "std"):at("2024-05"), math.sqrt(2.5), 1e-9, "first window std, shifted sums")
near(b8:rolling(5, "var"):at("2024-05"), 2.5, 1e-8, "first window var")
near(b8:rolling(5, "var", {min_obs = 3}):at("2024-03"), 1, 1e-8, "partial first window: var of 1,2,3")
near(b8:zscore{window = 5}:at("2024-05"), 2 / math.sqrt(2.5), 1e-9, "z of 1e8+5 in 1e8+{1..5}")
near(b8:rolling(5, "std"):at("2024-08"), math.sqrt(2.5), 1e-9, "later windows")

-- A window of identical values reached by updating: std exactly 0 and the
-- z-score NA (pandas: 0.0 and NaN). Before, w = 8 here gave 5.7e-4.
local vary = {}
for i = 1, 30 do vary[i] = i < 20 and 1e8 + math.sin(i) * 1e3 or 1e8 + 0.3 end
local flat = series.new{freq = "M", start = "2024-01", values = vary}
for _, w in ipairs{5, 7, 8, 9} do
  eq(flat:rolling(w, "std"):values()[30], 0, "constant window std, w = " .. w)
  eq(flat:rolling(w, "var", {min_obs = w - 1}):values()[30], 0, "constant window var, w = " .. w)
  eq(flat:rolling(w, "mean"):values()[30], 1e8 + 0.3, "constant window mean is the value")
  local z = flat:zscore{window = w}:values()[30]
  check(z ~= z, "z-score of a constant window is NA, w = " .. w)
end
near(flat:rolling(12, "std"):values()[30], flat:slice(flat:dates()[19], flat:dates()[30]):std(), 1e-6,
     "a window with one differing value is not constant")
local gap = series.new{freq = "M", start = "2024-01", values = {3, 1, 2, nil, 2, 2, nil, 2}}
eq(gap:rolling(4, "std", {min_obs = 2}):at("2024-08"), 0, "equal values around gaps: 0")
check(gap:rolling(4, "std", {min_obs = 2}):at("2024-05") > 0, "1, 2, 2 is not constant")

-- errors
checkerr(function() s:rolling(9, "mean") end, "window 9 is longer than the series (8 periods)")
checkerr(function() s:rolling(0, "mean") end, "s:rolling: window must be a whole number, at least 1 (got 0)")
checkerr(function() s:rolling(2.5, "mean") end, "s:rolling: window must be a whole number, at least 1 (got 2.5)")
checkerr(function() s:rolling(3, "mode") end, "s:rolling: stat must be one of mean, sum, std, var, min, max, median, quantile, count (got 'mode')")
checkerr(function() s:rolling(3, {min_obs = 2}) end, "s:rolling: stat must be one of mean, sum,")
checkerr(function() s:rolling(3, "quantile") end, "s:rolling: stat 'quantile' needs {q = ...} between 0 and 1")
checkerr(function() s:rolling(3, "mean", {q = 0.5}) end, "s:rolling: option 'q' applies only to stat 'quantile' (stat is 'mean')")
checkerr(function() s:rolling(3, "mean", {min_obs = 4}) end, "s:rolling: option 'min_obs' 4 exceeds the window 3")
checkerr(function() s:rolling(3, "mean", {min_periods = 4}) end, "s:rolling: option 'min_obs' 4 exceeds the window 3")
checkerr(function() s:rolling(3, "mean", {min_obs = 0}) end, "s:rolling: option 'min_obs' must be >= 1 (got 0)")
checkerr(function() s:zscore{} end, "s:zscore: option 'window' is required: a number of periods or \"expanding\"")
checkerr(function() s:zscore{window = "expand"} end, "s:zscore: option 'window' must be one of expanding (got 'expand')")
checkerr(function() s:ewma{} end, "s:ewma: options need one of alpha, halflife, span or com")
checkerr(function() s:ewma{alpha = 0.5, span = 3} end, "s:ewma: options take one of alpha, halflife, span or com, not several")
checkerr(function() s:ewma{halflife = 0} end, "s:ewma: option 'halflife' must be > 0 (got 0)")

-- case-insensitive choices and pandas' spellings give the same numbers
same_series(s:rolling(3, "MEAN", {min_periods = 2}), s:rolling(3, "mean", {min_obs = 2}), 0)
same_series(s:zscore{window = "Expanding"}, s:zscore{window = "expanding"}, 0)
-- com = 1 is alpha = 1/2, span = 3 is alpha = 2/4 (pandas' definitions)
same_series(s:ewma{com = 1}, s:ewma{alpha = 0.5}, 1e-15)
same_series(s:ewma{span = 3}, s:ewma{alpha = 0.5}, 1e-15)
-- min_obs: the first two results missing, then the same as without it
do
  local e, e3 = s:ewma{alpha = 0.5}, s:ewma{alpha = 0.5, min_periods = 3}
  check(e3:at("2024-01") == nil and e3:at("2024-02") == nil, "ewma min_obs hides the first values")
  eq(e3:at("2024-03"), e:at("2024-03"), "ewma min_obs keeps the rest")
end

-- a long series: linear time (2e5 points, window 5000) finishes at once
local long = {}
for i = 1, 200000 do long[i] = math.sin(i / 100) end
local big = series.new{freq = "D", start = "1900-01-01", values = long}
near(big:rolling(5000, "median"):values()[200000], big:slice(big:dates()[195001]):median(), 1e-12,
     "rolling median of the last 5000 = median of that slice")

-- values near the ends of the double range: their squares would leave it
-- (1e-160² is subnormal, 1e160² overflows), so the moments are taken on
-- the series scaled by a power of two. x = m·{1, 2, 0, 1, 2, 0, ...}: a
-- window of {0, 1, 2}·m has mean m and sample sd m exactly; the whole ten
-- values have sample sd m·√(6/9) (deviations 0, ±1, six of them of size 1)
do
  for _, m in ipairs{1e-160, 1e-300, 1e160, 1e300} do
    local v = {}
    for i = 1, 10 do v[i] = m * (i % 3) end
    local s = series.new{freq = "M", start = "2000-01", values = v}
    close(s:rolling(3, "std"):values()[5] / m, 1, ("rolling sd of %g-sized values"):format(m), 1e-14)
    close(s:rolling(3, "mean"):values()[5] / m, 1, ("rolling mean of %g-sized values"):format(m), 1e-14)
    close(s:zscore{window = 3}:values()[5], 1, ("z-score of %g-sized values"):format(m), 1e-14)
    close(s:expanding("std"):values()[10] / m, math.sqrt(6 / 9), ("expanding sd of %g-sized values"):format(m), 1e-14)
  end
end

-- s:std and s:var of values whose squared deviations underflow (1e-300²):
-- taken on the scaled deviations, so the sample sd of m·{1, 2, 0, 1, 2, 0, 1,
-- 2, 0, 1} is m·√(6/9), not 0 (which made tsa functions call such a series
-- constant)
do
  local v = {}
  for i = 1, 10 do v[i] = 1e-300 * (i % 3) end
  local s = series.new{freq = "M", start = "2000-01", values = v}
  close(s:std() / 1e-300, math.sqrt(6 / 9), "s:std of 1e-300-sized values", 1e-14)
  close((s * 1e299 * 1e299):std() / 1e298, math.sqrt(6 / 9), "s:std of 1e298-sized values", 1e-14)
  close((s * 1e225 * 1e225):var() / 1e300, 6 / 9, "s:var of 1e150-sized values", 1e-14)
end

-- s:ytd_to_period{janfeb = "seasonal"}: Jan-Feb combined totals split by the
-- January share of earlier years, modelled on where the Spring Festival
-- falls. Built so that the true shares follow q = 0.6 - 0.3·h exactly
-- (h: share of the 7-day SF window in January), which the OLS must find.
local function h(year)     -- SF window days in January / 7, counted from the dates
  local sf = calendar.spring_festival(year)
  local m, d = tonumber(sf:sub(6, 7)), tonumber(sf:sub(9, 10))
  if m == 2 then return 0 end
  return math.min(7, 31 - d + 1) / 7
end
eq(h(2025), 3 / 7, "2025: SF Jan 29, Jan 29-31 in January")
local ytd, truth = {}, {}
for year = 2010, 2019 do
  local jf = 100 + year - 2010            -- Jan + Feb
  local jan = jf * (0.6 - 0.3 * h(year))
  truth[year] = {jan, jf - jan}
  local months = {jan, jf - jan}
  for m = 3, 12 do months[m] = 50 + m end
  local acc = 0
  for m = 1, 12 do
    acc = acc + months[m]
    ytd[#ytd + 1] = (year >= 2016 and m == 1) and NA or acc   -- from 2016 January is not released
  end
end
local s = series.new{freq = "M", start = "2010-01", values = ytd, name = "sales_ytd"}
local r = s:ytd_to_period{janfeb = "seasonal"}
for year = 2010, 2019 do
  near(r:at(year .. "-01"), truth[year][1], 1e-9, "January " .. year)
  near(r:at(year .. "-02"), truth[year][2], 1e-9, "February " .. year)
end
eq(r:at("2017-03"), 53, "other months as before")
eq(r.meta.janfeb, "seasonal"); eq(r.meta.kind, "flow")
near(r.meta.janfeb_shares[2016], 0.6 - 0.3 * h(2016), 1e-12, "share used for 2016")
eq(r.meta.janfeb_shares[2015], nil, "2015 was released apart")
-- a combined total always adds up exactly
for year = 2016, 2019 do near(r:at(year .. "-01") + r:at(year .. "-02"), 100 + year - 2010, 1e-9) end

-- one earlier year: its share, whatever the Spring Festival does
local short = s:slice("2015-01", "2017-12")
local r1 = short:ytd_to_period{janfeb = "seasonal"}
local q2015 = truth[2015][1] / (truth[2015][1] + truth[2015][2])
near(r1:at("2016-01"), (100 + 6) * q2015, 1e-9, "mean share of the one earlier year")
-- no earlier year apart: an error, the other policies still work
checkerr(function() s:slice("2016-01"):ytd_to_period{janfeb = "seasonal"} end,
         "s:ytd_to_period: 2016-02 holds the Jan-Feb total but no earlier year has January and February apart")
eq(s:slice("2016-01"):ytd_to_period{janfeb = "split"}:at("2016-01"), 53, "split: half of 106")

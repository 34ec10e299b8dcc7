-- s:to("B", {calendar = "cn"}) and trading-day windows, on dates whose
-- status is spelled out: Feb 2024 — Thu 1, Fri 2 trade; Sun 4 is a make-up
-- working day (exchanges closed); Mon 5 - Thu 8 trade; Fri 9 closed (SSE
-- notice); Mon 12 - Fri 16 closed (Spring Festival); Sun 18 make-up day;
-- Mon 19 trades.
-- a D series with values on every day of Feb 1..20 except the ordinary weekends 3, 10, 11, 17
local dv = {}
for d = 1, 20 do dv[d] = (d == 3 or d == 10 or d == 11 or d == 17) and NA or d end
local daily = series.new{freq = "D", start = "2024-02-01", values = dv, name = "y"}
local b = daily:to("B", {calendar = "cn"})
eq(b.freq, "B"); eq(b.start, "2024-02-01"); eq(b.stop, "2024-02-20"); eq(#b, 14, "Feb 1..20 has 14 weekdays")
eq(b.meta.calendar, "cn"); eq(b.meta.weekend_values_dropped, 2, "Sun 4 and Sun 18 (make-up days) dropped")
eq(b:at("2024-02-09"), nil, "closed by SSE notice"); eq(b:at("2024-02-12"), nil); eq(b:at("2024-02-16"), nil)
eq(b:at("2024-02-08"), 8); eq(b:at("2024-02-19"), 19); eq(b:count(), 8, "trading days 1, 2, 5-8, 19, 20")
-- windows count trading days: the 3 trading days to Feb 19 are Feb 7, 8, 19
eq(b:rolling(3, "mean"):at("2024-02-19"), (7 + 8 + 19) / 3)
eq(b:rolling(3, "mean"):at("2024-02-12"), nil, "closed days stay missing")
eq(b:lag(1):at("2024-02-19"), 8, "the previous trading day"); eq(b:diff(1):at("2024-02-19"), 11)
near(b:pct(1):at("2024-02-05"), 100 * (5 / 2 - 1), 1e-12, "Mon 5 against Fri 2")
eq(b:lead(1):at("2024-02-08"), 19)
eq(b:rolling(3, "mean").meta.calendar, "cn", "results keep the calendar")
-- the plain B series (no calendar) counts weekdays: the holiday blanks the window
local plain = series.new{freq = "B", start = b.start, values = b:values(), n = #b}
eq(plain:rolling(3, "mean"):at("2024-02-19"), nil, "weekday windows meet the missing holiday")

-- before 2008 no closures are known: a weekday without a value is a closed day
local old = series.new{freq = "B", start = "2005-02-07", values = {1, 2, NA, 4, 5}, name = "o"}
local ob = old:to("B", {calendar = "cn"})
eq(ob:rolling(2, "sum"):at("2005-02-10"), 6, "Wed 9 (no value) skipped: Tue 8 + Thu 10")

-- the bundled CGB file: 5195 rows, 138 of them on weekends (make-up working days)
local kept = assert(data.read_csv("examples/data/cn_govt_bond_yields_daily.csv", {weekends = "keep"}))
local y10 = kept.cgb_10y
eq(y10.freq, "D"); eq(y10:rolling(20, "mean"):count(), 0, "as D data the 20-day window always meets a weekend")
local yb = y10:to("B", {calendar = "cn"})
check(yb:rolling(20, "mean"):count() > 5000, "trading-day windows: " .. yb:rolling(20, "mean"):count())
eq(yb.meta.weekend_values_dropped, 138, "138 weekend rows (make-up working days) in the file")
-- read by default: B, the weekend rows dropped, and a note saying so
local ds = assert(data.read_csv("examples/data/cn_govt_bond_yields_daily.csv"))
eq(ds.cgb_10y:count() + 138, y10:count(), "every weekday value kept")
eq(ds:info().notes[#ds:info().notes], "138 weekend rows (of 5195) dropped: read as business days (B); {weekends = \"keep\"} reads them as calendar days (D)")
check(tostring(ds):find("note: 138 weekend rows (of 5195) dropped", 1, true), "the note prints with the dataset")
-- weekday values are the file's: 2002-01-04 (a Friday) and the rows either side of a make-up Saturday
eq(ds.cgb_10y:at("2002-01-04"), y10:at("2002-01-04"))
-- a genuine calendar-day file (weekends 2/7 of the rows) stays D
local tmp = os.tmpname()
local f = assert(io.open(tmp, "w"))
f:write("date,x\n")
for d = 1, 28 do f:write(("2024-02-%02d,%d\n"):format(d, d)) end
f:close()
eq(data.read_csv(tmp).x.freq, "D", "every day of February: calendar days")
os.remove(tmp)
checkerr(function() data.read_csv("examples/data/cn_govt_bond_yields_daily.csv", {weekends = "drop it"}) end,
         "data.read_csv: option 'weekends' must be one of drop, keep (got 'drop it')")

checkerr(function() daily:to("B", {calendar = "us"}) end, "s:to: a calendar conversion is s:to('B', {calendar = 'cn'})")
checkerr(function() series.new{freq = "M", start = "2024-01", values = {1}}:to("B", {calendar = "cn"}) end,
         "s:to: {calendar = 'cn'} converts daily (D or B) data to business days; this series is M")

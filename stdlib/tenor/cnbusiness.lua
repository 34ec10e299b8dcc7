--[[ China business days for daily series: s:to("B", {calendar = "cn"}), the
trading-day count of positional windows (loaded on first use by
tenor.series), and weekday files with a few weekend rows read as B
(data.read_csv; see the end of this header).

s:to("B", {calendar = "cn"}) takes a D or B series to business days on the
Shanghai/Shenzhen exchange calendar:
  - weekend values (make-up working days, 调休) are dropped: the exchanges
    never trade on them, and a B period is one weekday's value (never an
    aggregate of Friday to Sunday);
  - in 2008-2026 (the bundled exchange table, stdlib/calendar/SOURCES.md) the
    weekdays the exchanges are closed are not trading days: their values
    are set missing;
  - outside those years no closures are known: a weekday without a value
    is taken as a closed day, a weekday with one as a trading day.
The result carries meta.calendar = "cn". On such a series the positional
methods count trading days, not weekdays: s:rolling(w, ...), s:lag(k),
s:lead(k), s:diff(k), s:pct(k), s:zscore{window=} and s:pct_rank{window=}
run on the trading days alone (closed days skipped, as if absent) and the
result is missing on closed days. So y10:rolling(20, "mean") is the mean of
the last 20 trading days, and a holiday week does not blank the 20 days
after it. A missing value on a trading day is still missing (it counts in
the window). Arithmetic does not carry meta.calendar: set it again, or
convert the result.

data.read_csv: a file inferred as calendar days (D) whose rows are almost
all weekdays — weekend rows with a value fewer than 5% of the rows with
one (a calendar-day series has 2/7 = 29%) — is the weekday data of a
market with make-up working days (调休): it reads as B, the weekend rows
dropped, with a note on the dataset ("N weekend rows dropped ..."). opts
weekends = "keep" reads it as D; an explicit opts.freq is obeyed as is.
]]

local M = {}

-- A B series of values from start, with from's name and metadata.
local function b_series(from, start, values)
  local r = series.new{freq = "B", start = start, values = values, n = #values, name = from.name}
  for k, x in pairs(from.meta) do r.meta[k] = x end
  return r
end

local function weekday_of(date)   -- 0 = Monday .. 6 = Sunday
  local y, m, d = date:match("^(%d+)-(%d+)-(%d+)")
  return (calendar._days_from_civil(tonumber(y), tonumber(m), tonumber(d)) + 3) % 7
end

-- Trading-day flags of a B series' periods: see the header.
local function trading_mask(s)
  local closed, first_year, last_year = calendar._cn_closed()
  local mask, dates, v = {}, s:dates(), s:values()
  for i, date in ipairs(dates) do
    local y = tonumber(date:sub(1, 4))
    if y >= first_year and y <= last_year then
      local z = calendar._days_from_civil(y, tonumber(date:sub(6, 7)), tonumber(date:sub(9, 10)))
      mask[i] = not closed[z]
    else
      mask[i] = v[i] == v[i]
    end
  end
  return mask
end

-- The weekday values of a D or B series as a B series (weekend values
-- dropped, never aggregated into Friday), and how many were dropped.
function M.weekdays(s)
  local dates, v = s:dates(), s:values()
  local out, first, dropped = {}, nil, 0
  for i, date in ipairs(dates) do
    if weekday_of(date) < 5 then
      first = first or date
      out[#out + 1] = v[i]
    elseif v[i] == v[i] then
      dropped = dropped + 1
    end
  end
  if not first then return nil, dropped end
  return b_series(s, first, out), dropped
end

function M.to_business(s)
  if s.freq ~= "D" and s.freq ~= "B" then
    error(("s:to: {calendar = 'cn'} converts daily (D or B) data to business days; this series is %s"):format(s.freq), 3)
  end
  local b, dropped = M.weekdays(s)
  if not b then error("s:to: the series has no weekday", 3) end
  local first = b.start
  local mask, bv = trading_mask(b), b:values()
  for i, trading in ipairs(mask) do if not trading then bv[i] = 0 / 0 end end
  local r = b_series(b, first, bv)
  r.meta.calendar = "cn"
  r.meta.weekend_values_dropped = dropped
  return r
end

-- Runs method on the trading days alone and spreads the result back.
function M.on_trading_days(original, s, ...)
  local mask, v = trading_mask(s), s:values()
  local packed, where = {}, {}
  for i, trading in ipairs(mask) do
    if trading then packed[#packed + 1] = v[i]; where[#where + 1] = i end
  end
  if #packed == 0 then return original(s, ...) end
  local r = original(b_series(s, s.start, packed), ...)
  if not series.is(r) or #r ~= #packed then return r end
  local rv, out = r:values(), {}
  for i = 1, #v do out[i] = 0 / 0 end
  for j, i in ipairs(where) do out[i] = rv[j] end
  local res = b_series(r, s.start, out)
  res.meta.calendar = "cn"
  return res
end

local WEEKEND_SHARE = 0.05

-- The columns of a D dataset read as B when its weekend rows are rare:
-- returns the new columns and the note, or nil.
function M.weekday_file(columns)
  local rows, weekend = {}, {}
  for _, s in ipairs(columns) do
    local v = s:values()
    for i, date in ipairs(s:dates()) do
      if v[i] == v[i] then
        rows[date] = true
        if weekday_of(date) >= 5 then weekend[date] = true end
      end
    end
  end
  local n, w = 0, 0
  for _ in pairs(rows) do n = n + 1 end
  for _ in pairs(weekend) do w = w + 1 end
  if n == 0 or w == 0 or w >= WEEKEND_SHARE * n then return nil end
  local out = {}
  for i, s in ipairs(columns) do out[i] = M.weekdays(s) end
  return out, ("%d weekend rows (of %d) dropped: read as business days (B); {weekends = \"keep\"} reads them as calendar days (D)"):format(w, n)
end

return M

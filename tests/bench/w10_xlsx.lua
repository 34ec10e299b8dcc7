-- W10 (issue 21): a workbook of 50,000 business days x 20 columns read
-- with data.read_xlsx. Prints the checksums: rows, columns, the count and
-- sum of the values, the first and last dates.
local ds = assert(data.read_xlsx(arg[1]))
local n, total = 0, 0
for _, s in ipairs(ds:columns()) do
  local sum, k = s:sum()
  n, total = n + k, total + sum
end
local d = ds[1]:dates()
print(("rows=%d cols=%d values.n=%d values.sum=%.10g first=%s last=%s"):format(#ds[1], #ds:names(), n, total, d[1], d[#d]))

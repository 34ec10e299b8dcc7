-- Charts: sparklines by hand, the terminal chart's layout (braille and ASCII),
-- and chart files well-formed (PNG signature and size, SVG closed, PDF header).
local s = series.new{freq = "M", start = "2024-01", values = {0, 7, nil, 3.5}, name = "x"}
eq(s:spark(), "▁█ ▅", "lowest, highest, gap, middle (3.5/7·7 = 3.5 -> 5th block)")
eq(#series.new{freq = "D", start = "2024-01-01", values = (function() local t = {} for i = 1, 500 do t[i] = i end return t end)()}:spark(50), 50 * 3, "500 values in 50 buckets of 3-byte blocks")

local ppi = assert(data.read_csv("examples/data/cn_ppi_monthly.csv")).ppi_yoy_pct:slice("2020")
local text = plot.term(ppi, {width = 70, height = 10, print = false, no_color = true})
local lines = {}
for l in text:gmatch("[^\n]+") do lines[#lines + 1] = l end
eq(#lines, 13, "10 rows, axis, dates, legend")
check(lines[1]:find(("%.2f"):format(ppi:max()), 1, true), "top label is the max")
check(lines[10]:find(("%.2f"):format(ppi:min()), 1, true), "bottom label is the min")
check(lines[12]:find("2020-01", 1, true) and lines[12]:find("2025-04", 1, true), "date axis")
check(lines[13]:find("ppi_yoy_pct", 1, true), "legend")
check(text:find("\226\160", 1, true), "braille characters")
local asc = plot.term(ppi, {width = 70, height = 10, print = false, ascii = true})
check(not asc:find("[\128-\255]"), "ASCII fallback is pure ASCII")
checkerr(function() plot.term(ppi, series.new{freq = "Q", start = "2020Q1", values = {1}}) end, "convert one with :to()")

local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir -p " .. dir)
local function read(p) local f = assert(io.open(p, "rb")); local t = f:read("a"); f:close(); return t end
local spx = assert(data.read_csv("examples/data/us_sp500_shiller_monthly.csv")).sp500:slice("2015")
local png = plot.line{ppi, y2 = {spx}, shade = ppi:lt(0), title = "PPI 同比 & S&P 500", out = dir .. "/a.png"}
local bytes = read(png)
eq(bytes:sub(1, 8), "\137PNG\r\n\26\n", "PNG signature")
check(#bytes > 10000, "PNG has content: " .. #bytes)
local w, h = string.unpack(">I4>I4", bytes, 17)
check(w == 1000 and h == 600, ("PNG size %dx%d"):format(w, h))
local svg = read(plot.line{ppi, title = "svg", out = dir .. "/a.svg"})
check(svg:find("<svg", 1, true) and svg:find("</svg>%s*$"), "SVG is a closed document")
check(svg:find("ppi_yoy_pct", 1, true), "SVG has the legend")
local pdf = read(plot.line{ppi, out = dir .. "/a.pdf"})
eq(pdf:sub(1, 5), "%PDF-", "PDF header"); check(pdf:find("%%EOF"), "PDF trailer")
local bars = read(plot.bar{parts = {ppi, -ppi / 2}, total = ppi / 2, out = dir .. "/b.png"})
eq(bars:sub(1, 4), "\137PNG")
checkerr(function() plot.line{ppi, out = dir .. "/a.gif"} end, "must end in .png, .svg or .pdf")
checkerr(function() plot.line{out = dir .. "/x.png"} end, "at least one series")
-- text reaches gnuplot inert: backquotes (command substitution), quotes and newlines
local marker = dir .. "/pwned"
local evil = ppi:rename("`touch " .. marker .. "` it's \n\"q\"\nset output '/tmp/x'")
plot.line{evil, title = "`touch " .. marker .. "`", out = dir .. "/evil.png"}
check(io.open(marker) == nil, "a backquoted series name or title runs nothing")
eq(read(dir .. "/evil.png"):sub(1, 4), "\137PNG")
os.execute("rm -rf " .. dir)

-- options are checked: a misspelt key is an error, not a default chart
checkerr(function() plot.term(ppi, {widht = 70}) end, "plot.term: unknown option 'widht' (did you mean 'width'?")
checkerr(function() plot.line{ppi, titel = "x", out = dir .. "/b.png"} end, "plot.line: unknown option 'titel' (did you mean 'title'?")
checkerr(function() plot.bar{parts = {ppi}, outt = dir .. "/c.png"} end, "plot.bar: unknown option 'outt' (did you mean 'out'?")
checkerr(function() ppi:spark(0) end, "s:spark: width must be a whole number, at least 1 (got 0)")

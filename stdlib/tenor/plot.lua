--[[ Charts: in the terminal, and to PNG, SVG or PDF files through gnuplot.

s:spark(width)            one-line sparkline (▁▂▃▄▅▆▇█), NA as a space; series
                          longer than width (default 60) are averaged into buckets
plot.term(a, b, ..., {width=, height=, ascii=})
                          a line chart in the terminal: Unicode braille dots
                          (2×4 per character), a date axis, y labels and a
                          legend; plain ASCII when the terminal is not UTF-8
                          (LANG/LC_ALL) or ascii=true. Series of one frequency.
plot.line{s1, s2, ..., title=, ylabel=, y2={s3, ...}, y2label=, shade=s01,
          out="chart.png", width=1000, height=600}
                          a line chart file; the extension picks PNG, SVG or
                          PDF. y2 series use a right-hand axis (e.g. PPI yoy
                          against an equity index); shade greys the periods
                          where a 0/1 series is 1 (bull phases, recessions).
                          Titles and labels may be Chinese (WenQuanYi font).
plot.bar{parts = {s1, s2, ...}, total=, title=, out=}
                          stacked bars of contributions: positive parts stack
                          up from zero, negative parts down; total as a line.
plot.line{..., events=s01}  marks the periods where a 0/1 series is 1 with
                          dashed vertical lines (a rule's events).
plot.chart{...}           plot.line{...}, or plot.bar{...} when parts= is
                          given: a chart for a report. Inside `tenor run`
                          charts drawn without out= go into the run's folder
                          (chart-1.svg, chart-2.svg, ...) and every chart
                          drawn during a run is listed in its report.html
                          (inline) and report.md (linked); outside a run
                          plot.chart draws chart.svg.
Files are drawn by gnuplot (Debian gnuplot-nox, installed by the Makefile);
plot.line and plot.bar return the output path, or raise an error naming what
went wrong.
]]

local args = require "tenor.args"
local doc = require "tenor.doc"

local SIZE = {{"width", "integer", min = 1, default = "1000 (pixels; points for PDF)", help = "image width"},
              {"height", "integer", min = 1, default = 600, help = "image height"}}
local TITLE = {"title", "string", help = "chart title (Chinese works)"}
local YLABEL = {"ylabel", "string", help = "left axis label"}
local OUT = {"out", "string", help = "the file to write: .png, .svg or .pdf"}
args.declare("plot.term", {
  {"width", "integer", min = 12, default = "the terminal's", help = "characters across"},
  {"height", "integer", min = 2, default = 15, help = "rows of the chart"},
  {"ascii", "boolean", default = "when the terminal is not UTF-8", help = "plain ASCII instead of braille dots"},
  {"no_color", "boolean", default = false, help = "no ANSI colours"},
  {"print", "boolean", default = true, help = "print the chart (else only return its text)"},
})
args.declare("plot.line", {TITLE, YLABEL,
  {"y2", "table", help = "series on a right-hand axis"},
  {"y2label", "string", help = "right axis label"},
  {"shade", "series", help = "grey the periods where this 0/1 series is 1"},
  {"events", "series", help = "a dashed vertical line at each period where this 0/1 series is 1"},
  {OUT[1], OUT[2], help = OUT.help, default = "chart.png"}, SIZE[1], SIZE[2],
})
args.declare("plot.bar", {
  {"parts", "table", help = "required: the stacked series"},
  {"total", "series", help = "drawn as a line over the bars"},
  TITLE, YLABEL, {OUT[1], OUT[2], help = OUT.help, default = "bars.png"}, SIZE[1], SIZE[2],
})

-- gnuplot runs without a shell or temporary files (interp/lib/gnuplot.c):
-- the script and its data blocks go to its standard input, so charts work
-- inside a sandboxed run, written where the run may write.
local gnuplot = require "tenor.gnuplot_c"
local open = io.open

local M = {}
plot = M

-- The run being recorded by tenor run ({dir =, charts = {}}), else nil:
-- charts without out= go into dir, and every chart drawn is noted.
M._run = nil

-- The file and size of a chart: out= as given, else in a run the next
-- chart-N.svg of its folder, a little smaller so that its text reads on a
-- phone's screen, else default.
local function chart_out(o, default)
  local run = M._run
  if o.out or not run then return o.out or default, o.width or 1000, o.height or 600 end
  return ("%s/chart-%d.svg"):format(run.dir, #run.charts + 1), o.width or 760, o.height or 460
end

local function noted(path)
  local run = M._run
  if run then run.charts[#run.charts + 1] = path end
  return path
end

local BLOCKS = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

local function finite_range(lists)
  local lo, hi
  for _, v in ipairs(lists) do
    for _, x in ipairs(v) do
      if x == x and x ~= math.huge and x ~= -math.huge then
        lo = lo and math.min(lo, x) or x
        hi = hi and math.max(hi, x) or x
      end
    end
  end
  return lo, hi
end

-- Averages values into at most width buckets (NaN when a bucket is empty).
local function bucket(values, width)
  if #values <= width then return values end
  local out = {}
  for b = 1, width do
    local from = math.floor((b - 1) * #values / width) + 1
    local to = math.floor(b * #values / width)
    local s, k = 0, 0
    for i = from, to do if values[i] == values[i] then s, k = s + values[i], k + 1 end end
    out[b] = k > 0 and s / k or 0 / 0
  end
  return out
end

doc.add("s:spark", "s:spark(width=60)", "A one-line sparkline (▁..█), NA as a space; longer series are averaged into width buckets.", "print(cpi:yoy():tail(36):spark())")
function series._methods.spark(s, width)
  if width ~= nil and not (math.type(width) == "integer" and width >= 1) then
    error(("s:spark: width must be a whole number, at least 1 (got %s)"):format(tenor.show(width)), 2)
  end
  local v = bucket(s:values(), width or 60)
  local lo, hi = finite_range{v}
  if not lo then return string.rep(" ", #v) end
  local out = {}
  for i, x in ipairs(v) do
    if x ~= x then out[i] = " "
    else
      local k = hi > lo and math.floor((x - lo) / (hi - lo) * 7 + 0.5) + 1 or 4
      out[i] = BLOCKS[k]
    end
  end
  return table.concat(out)
end

local function utf8_terminal()
  local l = (os.getenv("LC_ALL") or "") .. (os.getenv("LC_CTYPE") or "") .. (os.getenv("LANG") or "")
  return l:upper():find("UTF%-?8") ~= nil
end

-- The terminal's width (ioctl on stdout), else $COLUMNS, else 80.
local function terminal_width()
  local c = _tenor_terminal_width and _tenor_terminal_width() or tonumber(os.getenv("COLUMNS") or "")
  return c and c > 20 and c or 80
end

-- Union of the periods of several series of one frequency, in order.
local function aligned(list)
  local freq = list[1].freq
  for _, s in ipairs(list) do
    if s.freq ~= freq then
      error(("plot: series '%s' is %s but '%s' is %s; convert one with :to()"):format(
        list[1].name or "1", freq, s.name or "?", s.freq), 3)
    end
  end
  local all = {}
  for _, s in ipairs(list) do
    for _, d in ipairs(s:dates()) do all[d] = true end
  end
  local dates = {}
  for d in pairs(all) do dates[#dates + 1] = d end
  table.sort(dates)
  local cols = {}
  for j, s in ipairs(list) do
    cols[j] = {}
    for i, d in ipairs(dates) do cols[j][i] = s:at(d) or 0 / 0 end
  end
  return dates, cols
end

local BRAILLE_BITS = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}   -- [row][col]
local COLORS = {"\27[34m", "\27[31m", "\27[32m", "\27[35m", "\27[33m", "\27[36m"}
local ASCII_MARKS = {"*", "+", "o", "x", "#", "@"}

local function ylabel(x)
  local a = math.abs(x)
  if a >= 1e5 or (a > 0 and a < 1e-2) then return ("%.3g"):format(x) end
  return ("%.2f"):format(x)
end

-- The terminal chart's canvas: W x H cells, each 2 x 4 braille dots (one
-- mark per cell in ASCII); grid[row][col] = {bits=, j=} (j: the series).
local function new_canvas(W, H, ascii)
  local c = {W = W, H = H, ascii = ascii, grid = {}}
  for r = 1, H do c.grid[r] = {} end
  c.xres, c.yres = ascii and W or W * 2, ascii and H or H * 4
  return c
end

local function plot_dot(c, px, py, j)
  local col, row = c.ascii and px or px // 2, c.ascii and py or py // 4
  local line = c.grid[c.H - row]
  if not line then return end
  local cell = line[col + 1]
  if not cell then cell = {bits = 0, j = j}; line[col + 1] = cell end
  if not c.ascii then cell.bits = cell.bits | BRAILLE_BITS[4 - py % 4][px % 2 + 1] end
  cell.j = j
end

-- Draws each column of values as a line between consecutive points; a
-- missing value breaks the line.
local function draw_lines(c, cols, n, lo, hi)
  for j, v in ipairs(cols) do
    local prev
    for i = 1, n do
      local x = v[i]
      if x == x then
        local px = n > 1 and math.floor((i - 1) / (n - 1) * (c.xres - 1) + 0.5) or 0
        local py = math.floor((x - lo) / (hi - lo) * (c.yres - 1) + 0.5)
        local steps = prev and math.max(math.abs(px - prev[1]), math.abs(py - prev[2]), 1) or 0
        for s = 1, steps do
          plot_dot(c, prev[1] + math.floor((px - prev[1]) * s / steps + 0.5),
                   prev[2] + math.floor((py - prev[2]) * s / steps + 0.5), j)
        end
        if not prev then plot_dot(c, px, py, j) end
        prev = {px, py}
      else
        prev = nil
      end
    end
  end
end

-- The canvas as text lines, with y labels at the top, middle and bottom.
local function canvas_lines(c, lo, hi, labw, color, lines)
  for r = 1, c.H do
    local label = (r == 1 and ylabel(hi)) or (r == c.H and ylabel(lo)) or (r == (c.H + 1) // 2 and ylabel((hi + lo) / 2)) or ""
    local row = {("%" .. labw .. "s "):format(label), c.ascii and "|" or "┤"}
    for col = 1, c.W do
      local cell = c.grid[r][col]
      if not cell then row[#row + 1] = " "
      elseif c.ascii then row[#row + 1] = ASCII_MARKS[(cell.j - 1) % #ASCII_MARKS + 1]
      else
        local ch = utf8.char(0x2800 + cell.bits)
        row[#row + 1] = color and (COLORS[(cell.j - 1) % #COLORS + 1] .. ch .. "\27[0m") or ch
      end
    end
    lines[#lines + 1] = table.concat(row)
  end
end

-- The x axis with the first, middle and last dates, then the legend.
local function axis_and_legend(c, dates, list, labw, color, lines)
  local W, n = c.W, #dates
  lines[#lines + 1] = string.rep(" ", labw + 1) .. (c.ascii and "+" or "└") .. string.rep(c.ascii and "-" or "─", W)
  local first, mid, last = dates[1], dates[(n + 1) // 2], dates[n]
  local xl = string.rep(" ", labw + 2) .. first
  local midpos = labw + 2 + W // 2 - #mid // 2
  xl = xl .. string.rep(" ", math.max(1, midpos - #xl)) .. mid
  xl = xl .. string.rep(" ", math.max(1, labw + 2 + W - #last - #xl)) .. last
  lines[#lines + 1] = xl
  local legend = {}
  for j, s in ipairs(list) do
    local mark = c.ascii and ASCII_MARKS[(j - 1) % #ASCII_MARKS + 1] or "⣿"
    if color then mark = COLORS[(j - 1) % #COLORS + 1] .. mark .. "\27[0m" end
    legend[#legend + 1] = mark .. " " .. (s.name or ("series " .. j))
  end
  lines[#lines + 1] = string.rep(" ", labw + 2) .. table.concat(legend, "   ")
end

doc.add("plot.term", "plot.term(a, b, ..., {width=, height=15, ascii=, no_color=, print=})", "A line chart in the terminal: braille dots, date axis, y labels, legend; ASCII when the terminal is not UTF-8. Prints it; with print=false returns the text instead.", "plot.term(ppi:yoy(), cpi:yoy())")
function M.term(...)
  local list = {...}
  local opts = {}
  if select("#", ...) > 0 and not series.is(list[select("#", ...)]) then opts = table.remove(list, select("#", ...)) end
  opts = args.check("plot.term", opts)
  if #list == 0 then error("plot.term: give one or more series", 2) end
  for i, s in ipairs(list) do
    if not series.is(s) then error(("plot.term: argument %d must be a series (got a %s)"):format(i, type(s)), 2) end
  end
  local dates, cols = aligned(list)
  local lo, hi = finite_range(cols)
  if not lo then error("plot.term: no values to draw", 2) end
  if hi == lo then hi, lo = hi + 1, lo - 1 end
  local ascii = opts.ascii or not utf8_terminal()
  local labw = 10
  local c = new_canvas(math.max(10, (opts.width or terminal_width()) - labw - 2), opts.height or 15, ascii)
  draw_lines(c, cols, #dates, lo, hi)
  local color = not ascii and not opts.no_color and os.getenv("TERM") ~= "dumb"
  local lines = {}
  canvas_lines(c, lo, hi, labw, color, lines)
  axis_and_legend(c, dates, list, labw, color, lines)
  local text = table.concat(lines, "\n")
  if opts.print == false then return text end
  print(text)            -- returns nothing, so the REPL does not print it twice
end

-- gnuplot ---------------------------------------------------------------

local function terminal_for(out, width, height)
  local ext = out:match("%.(%w+)$")
  ext = ext and ext:lower()
  local font = "WenQuanYi Micro Hei,10"
  if ext == "png" then return ('set terminal pngcairo size %d,%d font "%s"'):format(width, height, font)
  elseif ext == "svg" then return ('set terminal svg size %d,%d font "%s" dynamic'):format(width, height, font)
  elseif ext == "pdf" then return ('set terminal pdfcairo size %gin,%gin font "%s"'):format(width / 100, height / 100, font) end
  error(("plot: output '%s' must end in .png, .svg or .pdf"):format(out), 3)
end

-- Gnuplot text in single quotes: unlike double quotes these block backquote
-- command substitution (a series named `cmd` must never run cmd) and
-- backslash escapes; a quote is doubled, control characters (a newline
-- would end the command) become spaces.
local function quote(s)
  return "'" .. tostring(s):gsub("%c", " "):gsub("'", "''") .. "'"
end

-- A series as "YYYY-MM-DD value" lines, each period at its first day.
local function write_data(f, s)
  local dates, values = s:dates("start"), s:values()
  for i, d in ipairs(dates) do
    f:write(d, " ", values[i] == values[i] and ("%.17g"):format(values[i]) or "NaN", "\n")
  end
  f:write("\n\n")
end

local function shade_objects(shade)
  local objs, dates, ends, values = {}, shade:dates("start"), shade:dates("end"), shade:values()
  local i, n = 1, #values
  while i <= n do
    if values[i] == 1 then
      local j = i
      while j < n and values[j + 1] == 1 do j = j + 1 end
      objs[#objs + 1] = ('set object %d rect from "%s", graph 0 to "%s", graph 1 behind fc rgb "#dddddd" fs solid 0.6 noborder')
                        :format(#objs + 1, dates[i], ends[j])
      i = j + 1
    else
      i = i + 1
    end
  end
  return objs
end

-- Dashed vertical lines at the periods where a 0/1 series is 1.
local function event_arrows(events, first_index)
  local objs, dates, values = {}, events:dates("start"), events:values()
  for i, v in ipairs(values) do
    if v == 1 then
      objs[#objs + 1] = ('set arrow %d from "%s", graph 0 to "%s", graph 1 nohead dt 2 lw 1 lc rgb "#555555" back')
                        :format(first_index + #objs, dates[i], dates[i])
    end
  end
  return objs
end

-- The data of a chart, kept as text for a gnuplot data block ($data).
local function data_block()
  local parts = {}
  return {write = function(self, ...) for _, x in ipairs{...} do parts[#parts + 1] = x end return self end,
          text = function() return "$data << EOD\n" .. table.concat(parts) .. "EOD\n" end}
end

local function run_gnuplot(data, script_text, out)
  local ok, msg = gnuplot.run(data:text() .. script_text)
  if not ok then error("plot: gnuplot failed: " .. msg, 3) end
  local check = open(out, "rb")
  if not check then error("plot: gnuplot wrote no file " .. out, 3) end
  check:close()
  return out
end

local PALETTE = {"#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#17a2b8"}

doc.add("plot.line", "plot.line{s1, ..., title=, ylabel=, y2={...}, y2label=, shade=s01, events=s01, out='chart.png', width=, height=}", "A line chart file (PNG, SVG or PDF by extension) via gnuplot; y2 series on a right axis; shade greys periods where a 0/1 series is 1; events draws a dashed vertical line at each period where a 0/1 series is 1. Inside tenor run, without out= it draws chart-N.svg in the run's folder and the run's report shows it.", "plot.line{ppi:yoy(), y2 = {spx}, shade = ppi:yoy():lt(0), out = 'ppi.png'}")
function M.line(t)
  local left, o = args.split("plot.line", t)
  local right = o.y2 or {}
  if #left == 0 then error("plot.line: give at least one series", 2) end
  local out, width, height = chart_out(o, "chart.png")
  local f = data_block()
  local all = {}
  for _, s in ipairs(left) do all[#all + 1] = {s, "x1y1"} end
  for _, s in ipairs(right) do all[#all + 1] = {s, "x1y2"} end
  for _, item in ipairs(all) do
    if not series.is(item[1]) then error("plot.line: every item must be a series", 2) end
    write_data(f, item[1])
  end
  local g = {terminal_for(out, width, height),
             "set output " .. quote(out),
             'set encoding utf8', 'set termoption noenhanced', 'set xdata time', 'set timefmt "%Y-%m-%d"',
             'set format x "%Y"', "set grid ytics lc rgb '#e0e0e0'", "set key top left",
             "set border 3", "set tics nomirror"}
  if o.title then g[#g + 1] = "set title " .. quote(o.title) end
  if o.ylabel then g[#g + 1] = "set ylabel " .. quote(o.ylabel) end
  if #right > 0 then
    g[#g + 1] = "set y2tics"
    g[#g + 1] = "set border 11"
    if o.y2label then g[#g + 1] = "set y2label " .. quote(o.y2label) end
  end
  if o.shade then for _, x in ipairs(shade_objects(o.shade)) do g[#g + 1] = x end end
  if o.events then for _, x in ipairs(event_arrows(o.events, 1)) do g[#g + 1] = x end end
  local plots = {}
  for i, item in ipairs(all) do
    local s = item[1]
    local label = (s.name or ("series " .. i)) .. (item[2] == "x1y2" and " (right)" or "")
    plots[#plots + 1] = ('%s index %d using 1:2 axes %s with lines lw 2 lc rgb "%s" title %s')
                        :format("$data", i - 1, item[2], PALETTE[(i - 1) % #PALETTE + 1], quote(label))
  end
  g[#g + 1] = "plot " .. table.concat(plots, ", \\\n     ")
  local ok, res = pcall(run_gnuplot, f, table.concat(g, "\n") .. "\n", out)
  if not ok then error(res, 2) end
  return noted(res)
end

doc.add("plot.chart", "plot.chart{s1, ..., title=, ...} | plot.chart{parts={...}, ...}", "A chart for a report: plot.line's options, or plot.bar's when parts= is given. Inside tenor run it is drawn as chart-N.svg in the run's folder and shown in report.html (inline SVG) and report.md (linked); outside a run it draws chart.svg unless out= is given. Scripts use it as ctx:chart{...} or return {charts = {plot.chart{...}}}.", "plot.chart{cpi:yoy(), ppi:yoy(), title = 'CPI and PPI, yoy %', out = 'cpi_ppi.svg'}")
doc.add("plot.bar", "plot.bar{parts={...}, total=, title=, out='bars.png'}", "Stacked bars of contributions: positive parts up from zero, negative down; total as a line.", "local c = indexnum.contributions{parts = {c = consumption, i = investment, nx = net_exports}}; plot.bar{parts = {c.c, c.i, c.nx}, total = c.growth, out = 'c.png'}")
function M.bar(t)
  local o = args.check("plot.bar", t)
  local parts = o.parts or {}
  if #parts == 0 then error("plot.bar: give parts = {series, ...}", 2) end
  local out, width, height = chart_out(o, "bars.png")
  local dates, cols = aligned(parts)
  local all_start, all_end = {}, {}      -- period first/last days: the bars' extents
  for _, s in ipairs(parts) do
    local ds, de = s:dates("start"), s:dates("end")
    for i, d in ipairs(s:dates()) do all_start[d], all_end[d] = ds[i], de[i] end
  end
  local f = data_block()
  local pos, neg = {}, {}
  for i = 1, #dates do pos[i], neg[i] = 0, 0 end
  for j = 1, #parts do
    for i, d in ipairs(dates) do
      local v = cols[j][i]
      if v == v then
        local base = v >= 0 and pos[i] or neg[i]
        f:write(("%s %s %.17g %.17g\n"):format(all_start[d], all_end[d], base, base + v))
        if v >= 0 then pos[i] = base + v else neg[i] = base + v end
      end
    end
    f:write("\n\n")
  end
  local has_total = series.is(o.total)
  if has_total then write_data(f, o.total) end
  local g = {terminal_for(out, width, height),
             "set output " .. quote(out), 'set encoding utf8', 'set termoption noenhanced', 'set xdata time',
             'set timefmt "%Y-%m-%d"',
             'set format x "%Y"', "set key top left", "set grid ytics lc rgb '#e0e0e0'",
             "set xzeroaxis lt -1", "set style fill solid 0.85 noborder"}
  if o.title then g[#g + 1] = "set title " .. quote(o.title) end
  if o.ylabel then g[#g + 1] = "set ylabel " .. quote(o.ylabel) end
  local plots = {}
  for j, s in ipairs(parts) do
    plots[#plots + 1] = ('%s index %d using 1:3:1:2:3:4 with boxxyerror lc rgb "%s" title %s')
                        :format("$data", j - 1, PALETTE[(j - 1) % #PALETTE + 1], quote(s.name or ("part " .. j)))
  end
  if has_total then
    plots[#plots + 1] = ('%s index %d using 1:2 with linespoints lw 2 pt 7 ps 0.6 lc rgb "#000000" title %s')
                        :format("$data", #parts, quote(o.total.name or "total"))
  end
  g[#g + 1] = "plot " .. table.concat(plots, ", \\\n     ")
  local ok, res = pcall(run_gnuplot, f, table.concat(g, "\n") .. "\n", out)
  if not ok then error(res, 2) end
  return noted(res)
end

function M.chart(t)
  if type(t) ~= "table" then error("plot.chart: give a table such as {cpi, ppi, title = ...}", 2) end
  local spec = {}
  for k, v in pairs(t) do spec[k] = v end
  if not spec.out and not M._run then spec.out = "chart.svg" end
  local ok, res = pcall(spec.parts and M.bar or M.line, spec)
  if not ok then error((tostring(res):gsub("^plot%.%a+:", "plot.chart:")), 2) end
  return res
end

return M

--[[ tenor.runner.report: the report a run leaves for people to read.

report.html is one self-contained file: the title, the parameters and a
summary of the manifest (script and its SHA-256, tenor's version, the
sandbox, the data files read with their hashes) at the top, then the
charts inline (SVG as markup, PNG as base64 data), the series the script
returns as tables (the last 24 periods; the CSV beside it has them all),
every number of the result in a table, and the printed output. It reads
on a phone: one column, tables scroll sideways, charts scale to the width.
report.md has the same sections as Markdown tables, the charts as links
to their files beside it, the printed output in a code block.

Nothing that changes from one run to the next (the time, the seconds) is
in either file, so the same run gives the same bytes, with --jobs 1 or N.
]]

local library = require "tenor.runner.library"

local M = {}

local SHOWN_ROWS = 24
local SHOWN_NUMBERS = 400

local function esc(s)
  return (tostring(s):gsub("[&<>\"]", {["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;"}))
end

local function md_cell(s) return (tostring(s):gsub("|", "\\|"):gsub("\n", " ")) end

local B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(data)
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    local k = {(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63}
    out[#out + 1] = B64:sub(k[1] + 1, k[1] + 1) .. B64:sub(k[2] + 1, k[2] + 1)
      .. (b and B64:sub(k[3] + 1, k[3] + 1) or "=") .. (c and B64:sub(k[4] + 1, k[4] + 1) or "=")
  end
  return table.concat(out)
end
M._base64 = base64

local function number_text(x)
  if math.type(x) == "integer" then return tostring(x) end
  if x ~= x then return "NA" end
  return ("%.6g"):format(x)
end

local function value_text(v) return script._show_value(v) end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t or {}) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return keys
end

-- The sections as data: {title, header = {...}, rows = {{...}}} tables.
local function run_rows(manifest)
  local m, rows = manifest, {}
  rows[#rows + 1] = {"script", m.script and m.script.name or "?"}
  rows[#rows + 1] = {"script sha256", m.script and m.script.sha256 and m.script.sha256:sub(1, 16) or "?"}
  rows[#rows + 1] = {"tenor", tostring(m.tenor)}
  rows[#rows + 1] = {"sandbox", m.sandbox and "on" or "off (--trust)"}
  for _, d in ipairs(m.data or {}) do
    rows[#rows + 1] = {"data " .. d.path:match("[^/]*$"), ("%s (%d bytes)"):format(d.sha256:sub(1, 16), d.bytes or 0)}
  end
  return rows
end

local function series_tables(result)
  local out = {}
  if type(result) ~= "table" then return out end
  for _, k in ipairs(sorted_keys(result)) do
    local s = result[k]
    if type(k) == "string" and series.is(s) then
      local dates, values = s:dates(), s:values()
      local first = math.max(1, #dates - SHOWN_ROWS + 1)
      local rows = {}
      for i = first, #dates do rows[#rows + 1] = {dates[i], number_text(values[i])} end
      local file = k:gsub("[^%w_%-%.]", "_") .. ".csv"
      local note = #dates > SHOWN_ROWS and ("last %d of %d periods; all in %s"):format(#rows, #dates, file)
                   or ("%d periods; also in %s"):format(#dates, file)
      out[#out + 1] = {title = k, header = {"period", s.name or k}, rows = rows, note = note, file = file}
    end
  end
  return out
end

local function number_rows(numbers)
  local rows = {}
  for i = 1, math.min(#numbers, SHOWN_NUMBERS) do rows[i] = {numbers[i][1], number_text(numbers[i][2])} end
  return rows
end

-- ----------------------------------------------------------------- HTML

local CSS = [[
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
margin:0 auto;max-width:60rem;padding:1rem;color:#1d2433;line-height:1.45}
h1{font-size:1.4rem;margin:.2rem 0 1rem;overflow-wrap:anywhere}h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #dde}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0}
th,td{border:1px solid #dde;padding:.25rem .6rem;text-align:left;white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#f3f5fa}.note{color:#667;font-size:.85rem}
figure{margin:.6rem 0}figure svg,figure img{max-width:100%;height:auto;display:block}
pre{background:#f6f8fa;padding:.7rem;overflow-x:auto;font-size:.85rem}
]]

local function html_table(header, rows, numeric_from)
  local t = {'<div class="scroll"><table>'}
  if header then
    local h = {}
    for i, c in ipairs(header) do h[i] = "<th>" .. esc(c) .. "</th>" end
    t[#t + 1] = "<tr>" .. table.concat(h) .. "</tr>"
  end
  for _, r in ipairs(rows) do
    local c = {}
    for i, x in ipairs(r) do
      c[i] = (numeric_from and i >= numeric_from and '<td class="n">' or "<td>") .. esc(x) .. "</td>"
    end
    t[#t + 1] = "<tr>" .. table.concat(c) .. "</tr>"
  end
  t[#t + 1] = "</table></div>"
  return table.concat(t, "\n")
end

-- A chart file as markup to embed: SVG inline, PNG as a data URI.
local function embed_chart(dir, file)
  local body = library.read_all(dir .. "/" .. file)
  if not body then return ('<p class="note">chart %s is missing</p>'):format(esc(file)) end
  if file:lower():match("%.svg$") then
    local at = body:find("<svg", 1, true)
    return "<figure>" .. (at and body:sub(at) or body) .. "</figure>"
  end
  local mime = file:lower():match("%.png$") and "image/png" or "application/octet-stream"
  return ('<figure><img alt="%s" src="data:%s;base64,%s"></figure>'):format(esc(file), mime, base64(body))
end

function M.html(r)
  local out = {"<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
               '<meta name="viewport" content="width=device-width, initial-scale=1">',
               "<title>" .. esc(r.title) .. "</title><style>" .. CSS .. "</style></head><body>",
               "<h1>" .. esc(r.name) .. "</h1>"}
  local function add(s) out[#out + 1] = s end
  add("<h2>Parameters</h2>")
  add(html_table({"parameter", "value"}, r.params))
  add("<h2>Run</h2>")
  add(html_table(nil, r.run))
  if #r.charts > 0 then
    add("<h2>Charts</h2>")
    for _, file in ipairs(r.charts) do add(embed_chart(r.dir, file)) end
  end
  for _, t in ipairs(r.series) do
    add("<h2>" .. esc(t.title) .. "</h2>")
    add(html_table(t.header, t.rows, 2))
    add('<p class="note">' .. esc(t.note) .. "</p>")
  end
  if #r.numbers > 0 then
    add("<h2>Numbers</h2>")
    add(html_table({"key", "value"}, r.numbers, 2))
  end
  add("<h2>Printed output</h2>")
  add("<pre>" .. esc(r.text) .. "</pre>")
  add("</body></html>")
  return table.concat(out, "\n") .. "\n"
end

-- ------------------------------------------------------------- Markdown

local function md_table(header, rows)
  local t = {}
  local width = header and #header or (rows[1] and #rows[1] or 2)
  local h = header or {}
  local cells = {}
  for i = 1, width do cells[i] = md_cell(h[i] or "") end
  t[1] = "| " .. table.concat(cells, " | ") .. " |"
  local sep = {}
  for i = 1, width do sep[i] = i == 1 and "---" or "---:" end
  t[2] = "|" .. table.concat(sep, "|") .. "|"
  for _, r in ipairs(rows) do
    local c = {}
    for i = 1, width do c[i] = md_cell(r[i] or "") end
    t[#t + 1] = "| " .. table.concat(c, " | ") .. " |"
  end
  return table.concat(t, "\n")
end

function M.markdown(r)
  local out = {"# " .. r.name, "", "## Parameters", "", md_table({"parameter", "value"}, r.params),
               "", "## Run", "", md_table({"", ""}, r.run)}
  local function add(s) out[#out + 1] = s end
  if #r.charts > 0 then
    add(""); add("## Charts"); add("")
    for i, file in ipairs(r.charts) do add(("![chart %d](%s)"):format(i, file)) end
  end
  for _, t in ipairs(r.series) do
    add(""); add("## " .. t.title); add("")
    add(md_table(t.header, t.rows)); add(""); add(("%s ([%s](%s))"):format(t.note, t.file, t.file))
  end
  if #r.numbers > 0 then add(""); add("## Numbers"); add(""); add(md_table({"key", "value"}, r.numbers)) end
  add(""); add("## Printed output"); add(""); add("```"); add((r.text:gsub("\n$", ""))); add("```")
  return table.concat(out, "\n") .. "\n"
end

--- Writes report.html and report.md into dir. info: {title=, text=,
--- result=, manifest=, charts = {file, ...}, numbers = {{key, x}, ...}}.
function M.write(dir, info)
  local params = {}
  local p = info.manifest and info.manifest.params or {}
  for _, k in ipairs(sorted_keys(p)) do params[#params + 1] = {k, value_text(p[k])} end
  local name = info.manifest and info.manifest.script and info.manifest.script.name or info.title
  local r = {title = info.title, name = name, dir = dir, text = info.text or "", params = params,
             run = run_rows(info.manifest or {}), charts = info.charts or {},
             series = series_tables(info.result), numbers = number_rows(info.numbers or {})}
  for name, text in pairs({["report.html"] = M.html(r), ["report.md"] = M.markdown(r)}) do
    local f = assert(library.real.open(dir .. "/" .. name, "w"))
    f:write(text)
    f:close()
  end
  return {"report.html", "report.md"}
end

return M

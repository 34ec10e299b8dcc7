-- The report a run leaves: report.html (parameters and manifest summary on
-- top, charts inline, series and numbers as tables, the printed output)
-- and report.md (the same as Markdown, charts linked); charts from
-- ctx:chart, from charts = {...} and from rule:report(); the same bytes
-- from the same run. (tests/browser/run.sh renders it in Chromium.)
local T = dofile("tests/lua/run_helpers.lua")
local dir, write_file, read, run = T.dir, T.write_file, T.read, T.run
local function count(s, pat) local n = 0; for _ in (s or ""):gmatch(pat) do n = n + 1 end; return n end

write_file(dir .. "/lib/team/charts.lua", [[
return script{
  name = "team.charts", description = "charts, a series, numbers",
  params = {{"n", "integer", 30, "months"}, {"label", "string", "a<b & c", "text to escape"}},
  main = function(p, ctx)
    local v = {}
    for i = 1, p.n do v[i] = i * 0.5 end
    local s = series.new{freq = "M", start = "2020-01", values = v, name = "level"}
    ctx.print("label " .. p.label)
    ctx:chart{s, title = "by ctx:chart"}
    -- a rule on the same data: its report draws the third chart
    local sig = series.new{freq = "M", start = "2020-01", values = {}, n = p.n}
    local ev = {}
    for i = 1, p.n do ev[i] = (i % 7 == 0) and 1 or 0 end
    sig = series.new{freq = "M", start = "2020-01", values = ev}
    local rep = rule{name = "every seventh", signal = sig, asset = s, horizons = {1}}:report{print = false}
    return {level = s, total = s:sum(), charts = {{s * 2, title = "a spec drawn by the runner"}}, rule_chart = rep.chart}
  end,
}]])

local out, code = run("team.charts --out r1 --quiet")
eq(code, 0, out)
local html, md = read(dir .. "/r1/report.html"), read(dir .. "/r1/report.md")
check(html ~= nil and md ~= nil, "both reports written")
html, md = html or "", md or ""
check(html:find("<!DOCTYPE html>", 1, true) == 1, "an HTML document")
check(html:find('<meta name="viewport" content="width=device-width, initial-scale=1">', 1, true), "readable on a phone")
check(html:find("<h1>team.charts</h1>", 1, true), "the script's name on top")
check(html:find("<tr><td>label</td><td>a&lt;b &amp; c</td></tr>", 1, true), "parameters, escaped")
check(html:find("<tr><td>n</td><td>30</td></tr>", 1, true), "parameter n")
check(html:find("<td>script sha256</td>", 1, true) and html:find("<td>sandbox</td><td>on</td>", 1, true), "manifest summary")
eq(count(html, "<svg"), 3, "three charts inline: ctx:chart, rule:report and the returned spec")
check(not html:find("<?xml", 1, true), "no XML prolog inside the page")
for i = 1, 3 do check(read(dir .. "/r1/chart-" .. i .. ".svg") ~= nil, "chart-" .. i .. ".svg beside the report") end
check(html:find("<tr><td>2022-06</td><td class=\"n\">15</td></tr>", 1, true), "the series' last period in a table")
check(html:find("last 24 of 30 periods; all in level.csv", 1, true), "the table says where the rest is")
check(not html:find("<td>2020-06</td>", 1, true), "periods before the last 24 are left to the CSV")
check(html:find("<tr><td>total</td><td class=\"n\">232.5</td></tr>", 1, true), "numbers: 0.5 + 1 + ... + 15 = 232.5")
check(html:find("label a&lt;b &amp; c", 1, true), "the printed output, escaped")
check(not html:find("seconds", 1, true) and not html:find("time", 1, true), "nothing that changes between runs")
-- Markdown
check(md:find("# team.charts\n", 1, true) == 1, "md title")
check(md:find("| label | a<b & c |", 1, true), "md parameter row")
check(md:find("![chart 1](chart-1.svg)", 1, true) and md:find("![chart 3](chart-3.svg)", 1, true), "md charts linked")
check(md:find("| 2022-06 | 15 |", 1, true), "md series table")
check(md:find("([level.csv](level.csv))", 1, true), "md links the CSV")
check(md:find("```\nlabel a<b & c\n```", 1, true), "md printed output in a code block")
-- the same run again: the same bytes
out, code = run("team.charts --out r2 --quiet")
eq(code, 0, out)
eq(read(dir .. "/r2/report.html"), read(dir .. "/r1/report.html"), "report.html is reproducible")
eq(read(dir .. "/r2/report.md"), read(dir .. "/r1/report.md"), "report.md is reproducible")
local m = require("tenor.runner").json_decode(read(dir .. "/r1/manifest.json"))
local listed = {}
for _, f in ipairs(m.outputs) do listed[f.file] = true end
check(listed["report.html"] and listed["report.md"] and listed["chart-2.svg"], "reports and charts are outputs in the manifest")

-- the sandbox holds for Excel files: no reading an undeclared workbook,
-- no writing one outside the run's folder
write_file(dir .. "/secret.xlsx", read("tests/fixtures/xlsx/plain.xlsx"))
write_file(dir .. "/lib/team/xl.lua", [[
return script{
  name = "team.xl", description = "Excel in a sandbox",
  params = {{"what", "string", "read", "read | write | inside | fit"}},
  main = function(p, ctx)
    local s = series.new{freq = "M", start = "2020-01", values = {1, 2, 4, 3, 5, 7}, name = "x"}
    if p.what == "read" then return {ds = assert(data.read_xlsx("]] .. dir .. [[/secret.xlsx"))} end
    if p.what == "write" then return {ok = data.write_xlsx("]] .. dir .. [[/out.xlsx", s)} end
    if p.what == "fit" then return {ok = regress.ols(s, {s:lag(1)}):to_xlsx("]] .. dir .. [[/fit.xlsx")} end
    assert(data.write_xlsx(ctx.out .. "/mine.xlsx", s))
    return {n = #assert(data.read_xlsx(ctx.out .. "/mine.xlsx")).x}
  end,
}]])
for what, msg in pairs({read = "data.read_xlsx may not read", write = "data.write_xlsx may not write",
                        fit = "data.write_xlsx may not write"}) do
  local o, c = run("team.xl --what " .. what .. " --out xl-" .. what)
  eq(c, 1, what .. " is refused")
  check(o:find(msg, 1, true), what .. ": " .. o)
end
check(read(dir .. "/out.xlsx") == nil and read(dir .. "/fit.xlsx") == nil, "nothing written outside")
local o, c = run("team.xl --what inside --out xl-inside")
eq(c, 0, "inside the run's folder: " .. o)

-- ctx.read reads a declared workbook like a CSV file
os.execute("mkdir -p " .. dir .. "/data && cp tests/fixtures/xlsx/wind.xlsx " .. dir .. "/data/")
write_file(dir .. "/lib/team/wind.lua", [[
return script{
  name = "team.wind", description = "a Wind workbook", data = {"wind.xlsx"},
  main = function(p, ctx)
    local ds = ctx.read("wind.xlsx", {sheet = "数据"})
    return {cpi = ds[1], unit = ds[1].meta.unit}
  end,
}]])
o, c = run("team.wind --data_dir " .. dir .. "/data --allow-read " .. dir .. "/data --out wind")
eq(c, 0, o)
check((read(dir .. "/wind/numbers.csv") or ""):find("cpi", 1, true) == nil and read(dir .. "/wind/cpi.csv") ~= nil, "the workbook's series written")
local mw = require("tenor.runner").json_decode(read(dir .. "/wind/manifest.json") or "{}")
eq(mw.data and mw.data[1] and mw.data[1].path:match("[^/]+$"), "wind.xlsx", "the workbook is in the manifest's data")

-- the base64 of PNG charts: RFC 4648's examples
local b64 = require("tenor.runner.report")._base64
eq(b64(""), ""); eq(b64("f"), "Zg=="); eq(b64("fo"), "Zm8="); eq(b64("foo"), "Zm9v"); eq(b64("foobar"), "Zm9vYmFy")
T.cleanup()

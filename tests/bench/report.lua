-- The table `make bench` prints: for every workload the whole-process
-- median (min-max) of tenor and of each peer, tenor's speed-up over each,
-- the targets of issues 9, 5 and 21 and whether it is met in this run, and whether the
-- peers' checksums agree with tenor's.
--   tenor tests/bench/report.lua build/bench/results.tsv
-- Rows of the input: workload, tool, median, min, max, cv, rss_kb, checksums.
local path = assert(arg[1], "usage: report.lua results.tsv")
local TOOLS = {"tenor", "python", "r", "gretl"}
local LABEL = {tenor = "tenor", python = "pandas+sm", r = "R", gretl = "gretl"}
local ORDER = {"W0", "W1", "W2", "W3a", "W3b", "W4", "W5", "W6", "W7", "W7a", "W8", "W9a", "W9b", "W10"}
-- Targets of issues 9, 5, 19, 20 and 21: {peer, ratio} (speed-up over a peer; "best" = the
-- fastest peer present that does the whole workload: not those in skip) or {seconds = s}
-- (an absolute bound on the median).
local TARGETS = {
  W0 = {{seconds = 0.003}}, W1 = {{"best", 5}}, W2 = {{"r", 8}}, W3a = {{"best", 5}},
  W3b = {{seconds = 0.4}, {"best", 5}}, W4 = {{"best", 5}}, W5 = {{"gretl", 12}},
  W6 = {{"gretl", 7}, {"python", 200}},
  -- issue 19: ARIMA and VAR. gretl has no stepwise search, so it is judged on W7a
  -- (the 500 fits alone), and its W8 computes no bands (see its scripts)
  W7 = {{"best", 10, skip = {gretl = true}}}, W7a = {{"best", 10}},
  W8 = {{"best", 10, skip = {gretl = true}}},
  W9a = {{"best", 10}}, W9b = {{"best", 10}},     -- issue 20: STL and seasonal.adjust on the panel
  W10 = {{"python", 5}},    -- issue 21: read_xlsx vs pandas.read_excel (openpyxl)
}
local AGREE = 1e-8     -- relative difference below which two checksums agree

local rows = {}
for line in io.lines(path) do
  local w, tool, med, lo, hi, cv, rss, sums = line:match("^(%S+)\t(%S+)\t(%S+)\t(%S+)\t(%S+)\t(%S+)\t(%S*)\t?(.*)$")
  if w then
    rows[w] = rows[w] or {}
    rows[w][tool] = {median = tonumber(med), min = tonumber(lo), max = tonumber(hi),
                     cv = tonumber(cv), rss = tonumber(rss), sums = sums}
  end
end

local function secs(t)
  if t >= 1 then return ("%.2f s"):format(t) end
  return ("%.1f ms"):format(t * 1e3)
end

-- "34.1 ms [33.3-52.7]": median, then min-max in the median's unit
local function timing(x)
  local scale = x.median >= 1 and 1 or 1e3
  local fmt = scale == 1 and "%.2f" or "%.1f"
  return ("%s [" .. fmt .. "-" .. fmt .. "]"):format(secs(x.median), x.min * scale, x.max * scale)
end

local function parse_sums(s)
  local t = {}
  for k, v in (s or ""):gmatch("([%w_.]+)=(%S+)") do t[k] = v end
  return t
end

-- "agree (max rel diff 3e-12)" or the keys that differ.
local function compare(ref, other)
  if other == "FAILED" or other == "" then return "no checksums (the run failed)" end
  local a, b, worst, bad = parse_sums(ref), parse_sums(other), 0, {}
  for k, va in pairs(a) do
    local vb = b[k]
    local x, y = tonumber(va), tonumber(vb)
    if vb == nil then bad[#bad + 1] = k .. " missing"
    elseif x and y then
      local rel = x == y and 0 or math.abs(x - y) / math.max(math.abs(x), math.abs(y))
      if rel > AGREE then bad[#bad + 1] = ("%s %s vs %s (rel %.1e)"):format(k, va, vb, rel) end
      if rel > worst then worst = rel end
    elseif va ~= vb then bad[#bad + 1] = ("%s %s vs %s"):format(k, va, vb) end
  end
  table.sort(bad)
  if #bad == 0 then return ("agree (max rel diff %.0e)"):format(worst) end
  return "DIFFER: " .. table.concat(bad, "; ")
end

local function target_text(w, r)
  local out = {}
  for _, t in ipairs(TARGETS[w] or {}) do
    if t.seconds then
      out[#out + 1] = ("<= %s: %s"):format(secs(t.seconds), r.tenor.median <= t.seconds and "met" or "NOT met")
    else
      local peer, want = t[1], t[2]
      if peer == "best" then
        for _, p in ipairs(TOOLS) do
          if p ~= "tenor" and r[p] and not (t.skip and t.skip[p])
            and (peer == "best" or r[p].median < r[peer].median) then peer = p end
        end
      end
      if r[peer] and peer ~= "best" then
        local got = r[peer].median / r.tenor.median
        out[#out + 1] = ("%gx %s: %.1fx %s"):format(want, LABEL[peer], got, got >= want and "met" or "NOT met")
      else
        out[#out + 1] = ("%gx %s: peer not run"):format(want, t[1] == "best" and "best peer" or LABEL[peer])
      end
    end
  end
  return table.concat(out, "; ")
end

print()
print(("%-4s  %-22s %-30s %-30s %-30s"):format("", "tenor", LABEL.python, LABEL.r, LABEL.gretl))
for _, w in ipairs(ORDER) do
  local r = rows[w]
  if r and r.tenor then
    local cells = {}
    for _, tool in ipairs(TOOLS) do
      local x = r[tool]
      if not x then cells[#cells + 1] = "-"
      else
        local c = timing(x)
        if tool ~= "tenor" then c = c .. (" %.1fx"):format(x.median / r.tenor.median) end
        cells[#cells + 1] = c
      end
    end
    print(("%-4s  %-22s %-30s %-30s %-30s"):format(w, table.unpack(cells)))
  end
end
print("(median [min-max] of whole-process wall time; Nx = the peer's median / tenor's)")
print()
print("targets (issues 9, 5, 19, 20 and 21), this run:")
for _, w in ipairs(ORDER) do
  if rows[w] and rows[w].tenor then print(("  %-4s %s"):format(w, target_text(w, rows[w]))) end
end
print()
print("checksums:")
for _, w in ipairs(ORDER) do
  local r = rows[w]
  if r and r.tenor then
    print(("  %-4s tenor: %s  [peak RSS %d MB]"):format(w, r.tenor.sums ~= "" and r.tenor.sums or "(none)",
                                                      (r.tenor.rss or 0) // 1024))
    for _, tool in ipairs(TOOLS) do
      if tool ~= "tenor" and r[tool] and w ~= "W0" then
        print(("       %-9s %s  [peak RSS %d MB]"):format(LABEL[tool], compare(r.tenor.sums, r[tool].sums),
                                                       (r[tool].rss or 0) // 1024))
      end
    end
  end
end

--[[ Rules as objects, and their quality report.

rule{name=, signal= | position=, asset=, dividends=, exec="next", exit=, hold=,
     horizons=, expected=1, reference=, match_window={-9, 24}, regime=, cost_bp=0,
     allow_lookahead=false}
  signal    an event series: 1 in the periods where the rule fires (known at
            the end of that period)
  position  a position series instead (w in [-1, 1]); without it the position
            is hold(signal, exit) when exit= is given, else each event held
            for hold= periods (default the longest horizon) at the expected
            sign (expected = −1: short)
  asset     prices of what the rule trades, same frequency as the signal
  horizons  forward horizons in periods (default 1, 3, 6, 12 for monthly data)
  expected  the sign the forward return should have after an event (+1 or −1)
  reference turning points (signal.turning_points) or an event series to
            measure lead times against; match_window = {−9, 24} lets a signal
            fire up to 24 periods before and 9 after a reference turn
  regime    a categorical series: returns by regime (regime known at t, return
            of t+1)

r:report() prints and returns:
  n, dates                 the events (a warning when fewer than 8)
  forward[h]               mean forward return after events, entering at the
                           next period (exec = k: k periods later):
                           R_i(h) = P_{τ+k+h}/P_{τ+k} − 1 (price return)
  hit_rate[h], base_rate[h], hit_p[h]
                           share of events whose R(h) has the expected sign,
                           the share of all dates that do, and the binomial
                           p-value P(X >= hits | n, base rate)
  random[h], random_p[h]   mean R(h) over n random entry dates (2000 draws,
                           fixed seed) and the share of draws at least as good
  leads                    matched, missed, extra, mean and median lead
                           (reference turn date − signal date, periods)
  concordance, concordance_independent
                           Harding-Pagan C = mean(S_x S_y + (1−S_x)(1−S_y)) of
                           the rule positioned the expected way (S_x) and the
                           reference phase that way (S_y: expansion for
                           expected = 1, contraction for −1), and its value under independence
  by_regime                annualised mean, vol, Sharpe and share of periods
  backtest                 backtest.run of the position (see backtest)
]]

local doc = require "tenor.doc"
local args = require "tenor.args"

local M = {}
local methods = {}
local rule_mt = {__name = "rule", __index = methods}

local DEFAULT_HORIZONS = {M = {1, 3, 6, 12}, Q = {1, 2, 4, 8}, A = {1, 2, 3}, B = {5, 21, 63, 252}, D = {7, 30, 91, 365}}

doc.add("rule.new", "rule{name=, signal= | position=, asset=, dividends=, exec='next', exit=, hold=, horizons=, expected=1, reference=, match_window={-9, 24}, regime=, cost_bp=0} (also rule.new{...})", "A rule as an object. r:report() gives n events, forward returns per horizon after entering at the next period, hit rate vs base rate with a binomial p-value, a random-entry benchmark, lead times against reference turns, Harding-Pagan concordance, returns by regime and a backtest; warns when fewer than 8 events.", "rule{name = 'PPI trough', signal = tp:troughs(), asset = spx}:report()")
args.declare("rule.new", {
  {"name", "string", default = "rule", help = "shown in reports"},
  {"signal", "series", help = "events: 1 where the rule fires (or give position)"},
  {"position", "series", help = "a position series in [-1, 1] instead of a signal"},
  {"asset", "series", help = "required: prices of what the rule trades"},
  backtest._DIVIDENDS, backtest._EXEC,
  {"exit", "series", help = "events that end a position opened by signal"},
  {"hold", "integer", min = 1, default = "the longest horizon", help = "periods each event is held"},
  {"horizons", "table", default = "1,3,6,12 M; 1,2,4,8 Q", help = "forward horizons in periods"},
  {"expected", "integer", min = -1, max = 1, default = 1, help = "the sign of the forward return: 1 or -1 (short)"},
  {"reference", "table|series", help = "turning points or an event series to measure leads against"},
  {"match_window", "table", default = "{-9, 24}", help = "periods after and before a reference turn a signal may fire"},
  {"regime", "series", help = "a categorical series: returns by regime"},
  backtest._COST, backtest._LOOKAHEAD,
})
args.declare("r:report", {{"print", "boolean", default = true, help = "print the report"}})

-- A list of whole numbers (horizons, match_window): n entries, or at least one.
local function whole_numbers(list, what, n)
  if list == nil then return end
  local ok = #list > 0
  if n then ok = #list == n end
  for _, h in ipairs(list) do ok = ok and math.type(h) == "integer" end
  if not ok then
    error(("rule: %s must be %s whole numbers (got %s)"):format(what, n and ("a list of " .. n) or "a list of", tenor.show(list)), 3)
  end
end

function M.new(args_)
  local a = args.check("rule.new", args_)
  whole_numbers(a.horizons, "horizons")
  whole_numbers(a.match_window, "match_window", 2)
  for _, h in ipairs(a.horizons or {}) do
    if h < 1 then error(("rule: horizons must be at least 1 period (got %d)"):format(h), 2) end
  end
  if a.expected == 0 then error("rule: expected must be 1 or -1", 2) end
  if not (series.is(a.signal) or series.is(a.position)) then error("rule: give signal= or position=", 2) end
  if a.position ~= nil and not series.is(a.position) then error("rule: position must be a series", 2) end
  if not series.is(a.asset) then error("rule: give asset= (the prices the rule trades)", 2) end
  local freq = (a.signal or a.position).freq
  if a.asset.freq ~= freq then
    error(("rule: the signal is %s but the asset is %s; convert the asset with :to()"):format(freq, a.asset.freq), 2)
  end
  local r = setmetatable({}, rule_mt)
  for k, v in pairs(a) do r[k] = v end
  r.name = r.name or "rule"
  r.horizons = r.horizons or DEFAULT_HORIZONS[freq] or {1}
  r.expected = r.expected or 1
  r.match_window = r.match_window or {-9, 24}
  r.delay = backtest.exec_delay(r.exec)
  return r
end

-- Binomial upper tail P(X >= k), X ~ Bin(n, p), by summing the terms.
local function binomial_tail(k, n, p)
  if math.type(k) ~= "integer" or math.type(n) ~= "integer" or type(p) ~= "number" or not (p >= 0 and p <= 1) then
    error("rule.binomial_tail: k and n must be whole numbers and p a probability in [0, 1]", 2)
  end
  if k <= 0 then return 1 end
  if k > n then return 0 end
  local lc = 0
  for j = 1, k do lc = lc + math.log((n - k + j) / j) end        -- log C(n, k)
  local total = 0
  for i = k, n do
    total = total + math.exp(lc + i * math.log(p) + (n - i) * math.log(1 - p))
    lc = lc + math.log((n - i) / (i + 1))                         -- C(n, i+1) from C(n, i)
  end
  return math.min(1, total)
end
doc.add("rule.binomial_tail", "rule.binomial_tail(k, n, p)", "P(X >= k) for X ~ Binomial(n, p): the hit-rate p-value.", "rule.binomial_tail(14, 20, 0.55)")
M.binomial_tail = binomial_tail

local function event_indices(signal, dates_index)
  local out, list = {}, {}
  for i, d in ipairs(signal:dates()) do
    local v = signal[i]
    if v and v ~= 0 and dates_index[d] then out[#out + 1] = dates_index[d]; list[#list + 1] = d end
  end
  return out, list
end

doc.add("r:holding", "r:holding()", "The rule's position series: position=, or hold(signal, exit), or each event held for hold= periods.", "r:holding():mean()")
-- The position the rule holds: given, latched from signal to exit, or held h
-- periods. (A method name other than the field 'position'.)
function methods.holding(r)
  if rawget(r, "position") then return rawget(r, "position") end
  if r.exit then return signal.hold(r.signal, r.exit) end
  local h = r.hold or r.horizons[#r.horizons]
  local v, left = {}, 0
  local sv = r.signal:values()
  for i = 1, #sv do
    if sv[i] == sv[i] and sv[i] ~= 0 then left = h end
    v[i] = left > 0 and r.expected or 0
    left = left - 1
  end
  local p = series.new{freq = r.signal.freq, start = r.signal.start, values = v, n = #sv, name = "position"}
  if r.signal.meta.lookahead then p.meta.lookahead = r.signal.meta.lookahead end
  return p
end

local function lcg(seed)
  local state = seed
  return function(n)                       -- uniform integer in 1..n
    state = (state * 6364136223846793005 + 1442695040888963407) & 0x7FFFFFFFFFFFFFFF
    return (state >> 20) % n + 1
  end
end

local function forward_stats(r, prices, events, out)
  local n = #events
  local rand = lcg(20261122)
  for _, h in ipairs(r.horizons) do
    local d = r.delay
    local function fwd(i)                   -- enter at the next period, hold h
      local a, b = prices[i + d], prices[i + d + h]
      if a and b and a == a and b == b and a ~= 0 then return b / a - 1 end
    end
    local rets, hits, used = {}, 0, 0
    for _, i in ipairs(events) do
      local x = fwd(i)
      if x then used = used + 1; rets[#rets + 1] = x; if x * r.expected > 0 then hits = hits + 1 end end
    end
    local all, pos = {}, 0
    for i = 1, #prices do
      local x = fwd(i)
      if x then all[#all + 1] = x; if x * r.expected > 0 then pos = pos + 1 end end
    end
    local mean = 0
    for _, x in ipairs(rets) do mean = mean + x end
    mean = used > 0 and mean / used or 0 / 0
    local base = #all > 0 and pos / #all or 0 / 0
    out.forward[h], out.hit_rate[h], out.base_rate[h], out.n_used[h] = mean, used > 0 and hits / used or 0 / 0, base, used
    out.hit_p[h] = used > 0 and base > 0 and base < 1 and binomial_tail(hits, used, base) or 0 / 0
    if used > 0 and #all > 0 then
      local better, draws, sum_means = 0, 2000, 0
      for _ = 1, draws do
        local s = 0
        for _ = 1, used do s = s + all[rand(#all)] end
        s = s / used
        sum_means = sum_means + s
        if s * r.expected >= mean * r.expected then better = better + 1 end
      end
      out.random[h], out.random_p[h] = sum_means / draws, better / draws
    end
  end
  out.n = n
end

-- Lead times: each reference turn matched to the nearest unmatched event
-- with lead = ref − event in [−window[1]... window[2]].
local function lead_stats(r, index_of, event_idx, ref_idx)
  local lo, hi = -r.match_window[1], r.match_window[2]    -- event up to hi before, lo after
  local used, leads, missed = {}, {}, 0
  for _, ri in ipairs(ref_idx) do
    local best, bestd
    for k, ei in ipairs(event_idx) do
      local lead = ri - ei
      if not used[k] and lead <= hi and lead >= -lo and (not bestd or math.abs(lead) < math.abs(bestd)) then
        best, bestd = k, lead
      end
    end
    if best then used[best] = true; leads[#leads + 1] = bestd else missed = missed + 1 end
  end
  table.sort(leads)
  local sum = 0
  for _, l in ipairs(leads) do sum = sum + l end
  local median = #leads > 0 and (#leads % 2 == 1 and leads[(#leads + 1) // 2] or (leads[#leads // 2] + leads[#leads // 2 + 1]) / 2) or nil
  return {matched = #leads, missed = missed, extra = #event_idx - #leads, reference = #ref_idx,
          mean = #leads > 0 and sum / #leads or nil, median = median, leads = leads}
end

local function concordance(x, y)
  local n, agree, px, py = 0, 0, 0, 0
  for d, sx in pairs(x) do
    local sy = y[d]
    if sy ~= nil then
      n = n + 1
      px, py = px + sx, py + sy
      if sx == sy then agree = agree + 1 end
    end
  end
  if n == 0 then return nil end
  px, py = px / n, py / n
  return agree / n, px * py + (1 - px) * (1 - py), n
end

doc.add("r:report", "r:report{print=true}", "Computes and prints the rule's quality report; returns it as a table (see rule.new).", "local rep = r:report{print = false}; print(rep.hit_rate[12])")
function methods.report(r, opts)
  opts = args.check("r:report", opts)
  local out = {name = r.name, forward = {}, hit_rate = {}, base_rate = {}, hit_p = {}, random = {}, random_p = {}, n_used = {}}
  local asset = r.asset
  local adates, prices = asset:dates(), asset:values()
  local index_of = {}
  for i, d in ipairs(adates) do index_of[d] = i end
  local sig = r.signal or signal.first(rawget(r, "position"):gt(0))
  local events, dates = event_indices(sig, index_of)
  local holding = methods.holding(r)
  out.dates = dates
  forward_stats(r, prices, events, out)
  if r.reference then
    local ref_events
    if getmetatable(r.reference) and r.reference.turns then
      ref_events = (r.expected > 0 and r.reference:troughs{at = "turn"} or r.reference:peaks{at = "turn"})
    else
      ref_events = r.reference
    end
    local ref_idx = event_indices(ref_events, index_of)
    out.leads = lead_stats(r, index_of, events, ref_idx)
    if r.reference.turns then
      local long, phase = {}, {}
      local pos = holding
      for i, d in ipairs(pos:dates()) do local v = pos[i]; if v then long[d] = v * r.expected > 0 and 1 or 0 end end
      local ph = r.reference:phase{at = "turn"}
      for i, d in ipairs(ph:dates()) do local v = ph[i]; if v then phase[d] = (v > 0) == (r.expected > 0) and 1 or 0 end end
      out.concordance, out.concordance_independent = concordance(long, phase)
    end
  end
  if r.regime then
    local ret = asset / asset:lag(1) - 1
    local reg = r.regime:lag(1)                  -- regime known at t, return of t+1
    local P = backtest.PER_YEAR[asset.freq] or 12
    local groups = {}
    for i, d in ipairs(ret:dates()) do
      local x, g = ret[i], reg:at(d)
      if x and g then groups[g] = groups[g] or {}; table.insert(groups[g], x) end
    end
    local total = 0
    for _, v in pairs(groups) do total = total + #v end
    out.by_regime = {}
    for g, v in pairs(groups) do
      local m, s = 0, 0
      for _, x in ipairs(v) do m = m + x end
      m = m / #v
      for _, x in ipairs(v) do s = s + (x - m) ^ 2 end
      s = #v > 1 and math.sqrt(s / (#v - 1)) or 0 / 0
      out.by_regime[g] = {mean = m * P, vol = s * math.sqrt(P), sharpe = m * P / (s * math.sqrt(P)), share = #v / total, n = #v}
    end
  end
  local ok, bt = pcall(backtest.run, {position = holding, asset = asset, cost_bp = r.cost_bp,
                                      dividends = r.dividends, exec = r.exec, allow_lookahead = r.allow_lookahead})
  if not ok then error(bt, 2) end
  out.backtest = bt
  out.warning = out.n < 8 and ("only %d events: treat every figure as anecdotal"):format(out.n) or nil
  setmetatable(out, {__tostring = M.format_report})
  if opts.print ~= false then print(M.format_report(out)) end
  return out
end

doc.add("rule.format_report", "rule.format_report(report)", "The text r:report() prints, from its result table.", "print(rule.format_report(r:report{print = false}))")
function M.format_report(o)
  if type(o) ~= "table" or o.forward == nil then error("rule.format_report: give the table r:report() returned", 2) end
  local lines = {("rule '%s': N = %d events%s"):format(o.name, o.n, o.warning and ("  [warning: " .. o.warning .. "]") or "")}
  lines[#lines + 1] = "  events: " .. table.concat(o.dates, " ")
  lines[#lines + 1] = ("  %8s %10s %9s %9s %9s %11s %9s"):format("horizon", "mean fwd", "hit rate", "base", "binom p", "random mean", "boot p")
  local hs = {}
  for h in pairs(o.forward) do hs[#hs + 1] = h end
  table.sort(hs)
  local pc = function(x) return x == x and ("%.2f%%"):format(100 * x) or "NA" end
  for _, h in ipairs(hs) do
    lines[#lines + 1] = ("  %8d %10s %9s %9s %9s %11s %9s"):format(h, pc(o.forward[h]), pc(o.hit_rate[h]), pc(o.base_rate[h]),
      o.hit_p[h] == o.hit_p[h] and ("%.3f"):format(o.hit_p[h]) or "NA", o.random[h] and pc(o.random[h]) or "NA",
      o.random_p[h] and ("%.3f"):format(o.random_p[h]) or "NA")
  end
  if o.leads then
    local l = o.leads
    lines[#lines + 1] = ("  lead vs reference turns: %d of %d matched, %d missed, %d extra; mean lead %s, median %s periods"):format(
      l.matched, l.reference, l.missed, l.extra, l.mean and ("%.1f"):format(l.mean) or "NA", l.median and tostring(l.median) or "NA")
  end
  if o.concordance then
    lines[#lines + 1] = ("  concordance with the reference phases %.3f (%.3f if independent)"):format(o.concordance, o.concordance_independent)
  end
  if o.by_regime then
    lines[#lines + 1] = "  returns by regime (annualised): regime, mean, vol, Sharpe, share"
    local gs = {}
    for g in pairs(o.by_regime) do gs[#gs + 1] = g end
    table.sort(gs)
    for _, g in ipairs(gs) do
      local v = o.by_regime[g]
      lines[#lines + 1] = ("    %-6s %8s %8s %7.2f %6.1f%%"):format(tostring(g), pc(v.mean), pc(v.vol), v.sharpe, 100 * v.share)
    end
  end
  lines[#lines + 1] = tostring(o.backtest):gsub("\n", "\n  ")
  return table.concat(lines, "\n")
end

--- print(r): what the rule is, without computing its report.
function rule_mt.__tostring(r)
  local sig = r.signal or rawget(r, "position")
  local n = r.signal and r.signal:gt(0):sum() or nil
  local hz = {}
  for i, h in ipairs(r.horizons) do hz[i] = tostring(h) end
  return ("rule '%s': %s %s .. %s%s, asset %s, expected %s, horizons %s, trades %s%s\n  r:report() computes its quality report")
    :format(r.name, r.signal and "signal" or "position", sig.start, sig.stop,
            n and (" (%d events)"):format(math.tointeger(n) or n) or "", r.asset.name or "(unnamed)",
            r.expected > 0 and "up" or "down", table.concat(hz, ","),
            r.delay == 1 and "at the next period" or r.delay == 0 and "in the signal's period" or (r.delay .. " periods later"),
            (sig.meta.lookahead or r.asset.meta.lookahead) and "  [looks ahead]" or "")
end

M._methods = methods
setmetatable(M, {__call = function(_, args) return M.new(args) end})
rule = M
return M

-- W8: VAR(4) with a constant on the 8 series of var_panel.csv (600 months),
-- orthogonalised impulse responses for 24 months and their 95% bands from
-- 1000 residual-bootstrap draws. Checksums: sums of the coefficients and of
-- the responses (deterministic), and of the band widths (random: each
-- tool's own draws, comparable only roughly).
local ds = assert(data.read_csv(arg[1]))
local m = tsa.var(ds, {lags = 4})
local coef = 0
for _, eq in ipairs(m.names) do for _, c in ipairs(m.coef_names) do coef = coef + m.coef[eq][c] end end
local irf = m:irf(24, {bands = "bootstrap", reps = 1000, seed = 42})
local s, w = 0, 0
for h = 0, 24 do
  for _, a in ipairs(m.names) do
    for _, b in ipairs(m.names) do s = s + irf[h][a][b]; w = w + irf.upper[h][a][b] - irf.lower[h][a][b] end
  end
end
print(("var.coef=%.10g var.irf=%.10g var.band=%.3g"):format(coef, s, w))

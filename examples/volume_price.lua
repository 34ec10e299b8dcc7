-- volume_price.lua: the "volume-price divergence" (量价背离) pair of regressions
-- on bundled China data, through the team's shared script
-- scripts/models/volume_price.lua (its header gives every definition):
--   volume: real GDP yoy (当季同比)      on industrial value added yoy (quarterly mean)
--   price:  GDP deflator yoy             on PPI yoy and CPI yoy (quarterly means)
-- NBS publishes no January: January and February both take the Jan-Feb
-- year-to-date rate of industrial value added. The same from the shell:
--   tenor run models.volume_price --market cn --hac_lag 4
local vp = require "models.volume_price"
local out = vp:run{hac_lag = 4}

-- the treatment matters: copying February's single-month rate into January
-- (2008-14) fits worse
local old = vp:run({janfeb = "feb"}, {quiet = true})
print(("\nR² of the volume regression: %.3f with the Jan-Feb YTD rate, %.3f copying February")
  :format(out.volume.r2, old.volume.r2))

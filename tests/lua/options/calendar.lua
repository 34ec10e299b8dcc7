-- Calls for tests/lua/test_options.lua: calendar.*
local _ = calendar   -- loads the lazy module, so its declarations are checked
return {
  ["calendar.holiday_regressor"] = function(o) return calendar.holiday_regressor("spring_festival", "M", o) end,
}

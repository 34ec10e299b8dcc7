-- Calls for tests/lua/test_options.lua: calendar.*
return {
  ["calendar.holiday_regressor"] = function(o) return calendar.holiday_regressor("spring_festival", "M", o) end,
}

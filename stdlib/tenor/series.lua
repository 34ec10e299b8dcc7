--[[ The series type is written in C (interp/series/); this module is its
Lua side: the place for series methods written in Lua and for the help of
the C ones. ]]
return series

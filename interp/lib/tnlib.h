/*
 * tnlib.h -- tenor's Lua modules, as lualib.h lists Lua's own.
 *
 * Each luaopen_* lives in its own file under lib/ (series in series/lib.c);
 * init.c holds the one table that opens them all.
 */
#ifndef TN_LIB_H
#define TN_LIB_H

#include <lua.h>

int luaopen_series(lua_State *L);
int luaopen_data(lua_State *L);
int luaopen_filter(lua_State *L);
int luaopen_regress(lua_State *L);
int luaopen_signal(lua_State *L);
int luaopen_store(lua_State *L);
int luaopen_json(lua_State *L);      /* require "tenor.json_c", no global */
int luaopen_proc(lua_State *L);      /* require "tenor.proc_c", no global */
int luaopen_gnuplot(lua_State *L);   /* require "tenor.gnuplot_c", no global */
int luaopen_tsa(lua_State *L);       /* require "tenor._tsa" (from tenor.tsa), no global */

/* Opens every module above as a global of its name (as luaL_openlibs),
   json, gnuplot and tsa into package.preload only. */
void tn_openlibs(lua_State *L);

/* The global name of the i-th module above (0-based), NULL past the end. */
const char *tn_lib_name(int i);

#endif

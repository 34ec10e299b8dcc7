/*
 * lib.c -- luaopen_series: assembles the series type from its families.
 *
 * The only file that knows every method family (methods.h); each family
 * knows only series.h, so the type has no include circle.
 */
#include <math.h>

#include <lauxlib.h>
#include <lua.h>

#include "lib/tnlib.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

int luaopen_series(lua_State *L) {
    lua_newtable(L);                                 /* the methods table */
    tn_series_core_register(L);
    tn_series_ops_register(L);
    tn_series_stats_register(L);
    tn_transform_register(L);
    tn_window_register(L);
    tn_convert_register(L);
    tn_ytd_register(L);
    tn_rebase_register_methods(L);
    tn_calendar_methods_register(L);
    tn_decompose_register(L);
    tn_public_names(L, -1, "s:");                    /* for messages, even once wrapped */
    tn_series_open_type(L);                          /* metatable above it */
    tn_series_ops_metamethods(L);
    lua_pop(L, 2);                                   /* methods stay in the registry */

    lua_newtable(L);
    tn_series_core_functions(L);
    tn_rebase_register_functions(L);
    tn_calendar_register_functions(L);
    tn_disagg_register_functions(L);
    tn_public_names(L, -1, "series.");
    tn_opts_register(L);                             /* series._check_opts ... */
    lua_getfield(L, LUA_REGISTRYINDEX, TN_SERIES_METHODS);
    lua_setfield(L, -2, "_methods");
    lua_pushnumber(L, NAN);
    lua_setfield(L, -2, "NA");
    return 1;
}

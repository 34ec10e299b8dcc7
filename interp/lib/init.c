/*
 * init.c -- the one list of tenor's C modules (as Lua's linit.c).
 *
 * Adding a module: its luaopen_* in tnlib.h and one line here. The Lua
 * side of each module (stdlib/tenor/) is listed in stdlib/tenor/modules.lua.
 * The C part of a lazy module goes in tenor_preload: it opens on the first
 * require of its name (from its stdlib module), not at start-up.
 */
#include <lauxlib.h>

#include "lib/tnlib.h"

static const luaL_Reg tenor_libs[] = {
    {"series", luaopen_series},
    {"data", luaopen_data},
    {"filter", luaopen_filter},
    {"regress", luaopen_regress},
    {"signal", luaopen_signal},
    {"store", luaopen_store},
    {NULL, NULL}
};

/* Modules without a global, reached with require (package.preload): the
   C parts of lazy modules open on their stdlib module's first require. */
static const luaL_Reg tenor_required[] = {
    {"tenor.json_c", luaopen_json},
    {"tenor.proc_c", luaopen_proc},
    {"tenor.gnuplot_c", luaopen_gnuplot},
    {"tenor._tsa", luaopen_tsa},
    {NULL, NULL}
};

const char *tn_lib_name(int i) {
    return i >= 0 && i < (int)(sizeof tenor_libs / sizeof tenor_libs[0]) ? tenor_libs[i].name : NULL;
}

void tn_openlibs(lua_State *L) {
    for (const luaL_Reg *lib = tenor_libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    for (const luaL_Reg *lib = tenor_required; lib->func; lib++) {
        lua_pushcfunction(L, lib->func);
        lua_setfield(L, -2, lib->name);
    }
    lua_pop(L, 1);
}

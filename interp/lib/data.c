/*
 * data.c -- the `data` module's C primitives: reading a dated CSV into
 * series (data_read.c) and writing series back as a wide CSV
 * (data_write.c); the helpers both halves share (lib/data.h).
 *
 *   data._read_csv(path, opts)  -> {names=, columns=, freq=, notes=, ...} | nil, msg
 *   data._write_csv(path, list, opts) -> true | nil, msg
 *
 * stdlib/tenor/data.lua wraps these into data.read_csv/write_csv and the
 * dataset type.
 */
#include <lauxlib.h>
#include <lua.h>

#include "lib/data.h"
#include "lib/tnlib.h"

void *tn_data_scratch(lua_State *L, size_t n) {
    return lua_newuserdatauv(L, n ? n : 1, 0);
}

/* opts[key] as a string or NULL; the options table keeps it alive. */
const char *tn_data_opt_string(lua_State *L, int t, const char *key) {
    if (!lua_istable(L, t)) return NULL;
    int type = lua_getfield(L, t, key);
    if (type != LUA_TNIL && type != LUA_TSTRING)
        luaL_error(L, "option '%s' must be a string, got a %s", key, lua_typename(L, type));
    const char *s = lua_tostring(L, -1);
    lua_pop(L, 1);
    return s;
}

static const luaL_Reg data_functions[] = {
    {"_read_csv", tn_data_read_csv},
    {"_write_csv", tn_data_write_csv},
    {NULL, NULL}
};

int luaopen_data(lua_State *L) {
    tn_data_read_open(L);
    luaL_newlib(L, data_functions);
    return 1;
}

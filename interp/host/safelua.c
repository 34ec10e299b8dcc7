/*
 * safelua.c -- the Lua side of a sandboxed child (host/child.c): a fresh
 * state with only the safe standard libraries (no debug, no C loaders),
 * text-only chunk loading, stubs that say why a refused function is
 * missing, and none of the underscored raw C primitives of tenor's
 * modules once the stdlib has taken its own references to them.
 *
 * The operating system (host/sandbox.c) is what confines the child; this
 * file makes the refusals readable and keeps scripts away from functions
 * with no checks of their own.
 */
#include "host/safelua.h"

#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

static const luaL_Reg safe_libs[] = {
    {LUA_GNAME, luaopen_base}, {LUA_LOADLIBNAME, luaopen_package},
    {LUA_COLIBNAME, luaopen_coroutine}, {LUA_TABLIBNAME, luaopen_table},
    {LUA_IOLIBNAME, luaopen_io}, {LUA_OSLIBNAME, luaopen_os},
    {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
    {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL}};

/* Upvalue 1: the refused function's name. */
static int refused(lua_State *L) {
    return luaL_error(L, "sandbox: %s is not allowed in a sandboxed run (tenor run --trust lifts the sandbox)",
                      lua_tostring(L, lua_upvalueindex(1)));
}

static void stub(lua_State *L, const char *lib, const char *name) {
    lua_getglobal(L, lib);
    lua_pushfstring(L, "%s.%s", lib, name);
    lua_pushcclosure(L, refused, 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

/* Calls upvalue 1 (the original load or loadfile) with the argument at
   mode_arg forced to "t", keeping the arity: load(..., nil) would set
   _ENV to nil. */
static int call_text_only(lua_State *L, int mode_arg) {
    int n = lua_gettop(L);
    if (n < mode_arg) lua_settop(L, mode_arg), n = mode_arg;
    lua_pushliteral(L, "t");
    lua_replace(L, mode_arg);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* load(chunk [, name [, mode [, env]]]) and loadfile(name [, mode [, env]]). */
static int text_load(lua_State *L) { return call_text_only(L, 3); }
static int text_loadfile(lua_State *L) { return call_text_only(L, 2); }

static int text_dofile(lua_State *L) {
    const char *name = luaL_optstring(L, 1, NULL);
    lua_settop(L, 1);
    if (luaL_loadfilex(L, name, "t") != LUA_OK) return lua_error(L);
    lua_call(L, 0, LUA_MULTRET);
    return lua_gettop(L) - 1;
}

/* package.searchers[2], text only: finds name on package.path. */
static int text_searcher(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    lua_getglobal(L, LUA_LOADLIBNAME);
    lua_getfield(L, -1, "searchpath");
    lua_pushvalue(L, 1);
    lua_getfield(L, -3, "path");
    lua_call(L, 2, 2);
    if (lua_isnil(L, -2)) return 1;           /* the message of searchpath */
    const char *file = lua_tostring(L, -2);
    if (luaL_loadfilex(L, file, "t") != LUA_OK)
        return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, file, lua_tostring(L, -1));
    lua_pushstring(L, file);
    return 2;
}

static void wrap_global(lua_State *L, const char *name, lua_CFunction f) {
    lua_getglobal(L, name);
    lua_pushcclosure(L, f, 1);
    lua_setglobal(L, name);
}

/* Searchers: preload (the embedded stdlib) and Lua files, text only. */
static void set_searchers(lua_State *L) {
    lua_getglobal(L, LUA_LOADLIBNAME);
    lua_createtable(L, 2, 0);
    lua_getfield(L, -2, "searchers");
    lua_rawgeti(L, -1, 1);
    lua_rawseti(L, -3, 1);
    lua_pop(L, 1);
    lua_pushcfunction(L, text_searcher);
    lua_rawseti(L, -2, 2);
    lua_setfield(L, -2, "searchers");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);
}

void tn_safelua_open(lua_State *L) {
    for (const luaL_Reg *lib = safe_libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    stub(L, LUA_OSLIBNAME, "execute");
    stub(L, LUA_OSLIBNAME, "exit");
    stub(L, LUA_OSLIBNAME, "tmpname");
    stub(L, LUA_IOLIBNAME, "popen");
    stub(L, LUA_LOADLIBNAME, "loadlib");
    wrap_global(L, "load", text_load);
    wrap_global(L, "loadfile", text_loadfile);
    lua_register(L, "dofile", text_dofile);
    set_searchers(L);
}

/* Removes the C functions named "_..." from the table on top. */
static void strip_table(lua_State *L) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        int raw = lua_type(L, -2) == LUA_TSTRING && lua_tostring(L, -2)[0] == '_' && lua_iscfunction(L, -1);
        lua_pop(L, 1);
        if (raw) {
            lua_pushvalue(L, -1);
            lua_pushnil(L);
            lua_rawset(L, -4);     /* clearing a field during lua_next is allowed */
        }
    }
}

void tn_safelua_strip(lua_State *L, const char *const *modules) {
    for (const char *const *m = modules; *m; m++) {
        lua_getglobal(L, *m);
        if (lua_istable(L, -1)) strip_table(L);
        lua_pop(L, 1);
    }
}

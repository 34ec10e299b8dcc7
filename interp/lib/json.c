/*
 * json.c -- JSON for the runner's manifests, on Debian's jansson.
 *
 *   require "tenor.json_c"   (no global: the runner's tenor.runner.json wraps it)
 *   encode(value) -> text    tables with keys 1..n (n > 0) become arrays,
 *                            other tables objects with sorted keys, indented
 *                            by two spaces; NaN and +-inf become null;
 *                            integers stay integers, floats keep 17 digits
 *   decode(text)  -> value   null becomes nil; integers come back as Lua
 *                            integers, reals as floats
 *
 * The jansson tree under construction is owned by a userdata whose __gc
 * frees it, so a Lua error half-way (out of memory, a __tostring that
 * raises) never leaks it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <lauxlib.h>

#include "lib/tnlib.h"

#define JSON_BOX "tenor.json_box"
#define JSON_MAX_DEPTH 200

/* A box on the Lua stack that frees its jansson tree when collected. */
static json_t **box_new(lua_State *L) {
    json_t **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    luaL_setmetatable(L, JSON_BOX);
    return box;
}

static int box_gc(lua_State *L) {
    json_t **box = luaL_checkudata(L, 1, JSON_BOX);
    json_decref(*box);
    *box = NULL;
    return 0;
}

static json_t *to_json(lua_State *L, int idx, int depth);

/* A table's length if it is a non-empty sequence (keys exactly 1..n), else 0. */
static lua_Integer sequence_length(lua_State *L, int idx) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
    if (n == 0) return 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
    }
    return count == n ? n : 0;
}

/* An object key as text: strings as they are, numbers and booleans as Lua
   prints them. Leaves the text on the stack. */
static const char *key_text(lua_State *L, int idx, size_t *len) {
    int t = lua_type(L, idx);
    if (t != LUA_TSTRING && t != LUA_TNUMBER && t != LUA_TBOOLEAN)
        luaL_error(L, "json.encode: cannot encode a key of type %s", luaL_typename(L, idx));
    return luaL_tolstring(L, idx, len);
}

/* Stores v under key (or appends it to an array); frees v on failure. */
static void put(lua_State *L, json_t *parent, const char *key, size_t klen, json_t *v) {
    int rc = key ? json_object_setn_new(parent, key, klen, v) : json_array_append_new(parent, v);
    if (rc != 0) luaL_error(L, "json.encode: out of memory or a key that is not UTF-8");
}

/* The table at idx as a jansson array or object, held in a box on the
   stack while it is filled. */
static json_t *table_to_json(lua_State *L, int idx, int depth) {
    luaL_checkstack(L, 6, "json.encode: tables nested too deep");
    json_t **box = box_new(L);
    lua_Integer n = sequence_length(L, idx);
    *box = n > 0 ? json_array() : json_object();
    if (!*box) luaL_error(L, "json.encode: out of memory");
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        put(L, *box, NULL, 0, to_json(L, lua_gettop(L), depth + 1));
        lua_pop(L, 1);
    }
    if (n == 0) {
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            size_t klen;
            lua_pushvalue(L, -2);
            const char *k = key_text(L, lua_gettop(L), &klen);
            put(L, *box, k, klen, to_json(L, lua_gettop(L) - 2, depth + 1));
            lua_pop(L, 3);
        }
    }
    json_t *root = *box;
    *box = NULL;
    lua_pop(L, 1);
    return root;
}

/* The value at idx as a new jansson value (never NULL: raises instead). */
static json_t *to_json(lua_State *L, int idx, int depth) {
    json_t *v = NULL;
    if (depth > JSON_MAX_DEPTH) luaL_error(L, "json.encode: tables nested too deep (or a cycle)");
    switch (lua_type(L, idx)) {
    case LUA_TNIL: v = json_null(); break;
    case LUA_TBOOLEAN: v = json_boolean(lua_toboolean(L, idx)); break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) v = json_integer((json_int_t)lua_tointeger(L, idx));
        else {
            double x = lua_tonumber(L, idx);
            v = isfinite(x) ? json_real(x) : json_null();
        }
        break;
    case LUA_TTABLE: return table_to_json(L, idx, depth);
    default: {              /* strings, and anything else as Lua prints it */
        size_t len;
        const char *s = luaL_tolstring(L, idx, &len);
        v = json_stringn(s, len);
        lua_pop(L, 1);
        if (!v) luaL_error(L, "json.encode: text that is not UTF-8: %s", s);
    }
    }
    if (!v) luaL_error(L, "json.encode: out of memory");
    return v;
}

static int json_encode(lua_State *L) {
    luaL_checkany(L, 1);
    lua_settop(L, 1);
    json_t **box = box_new(L);
    *box = to_json(L, 1, 0);
    char *text = json_dumps(*box, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
    if (!text) return luaL_error(L, "json.encode: out of memory");
    lua_pushstring(L, text);
    free(text);
    return 1;
}

/* Pushes the jansson value v (owned by a box further down the stack). */
static void push_json(lua_State *L, json_t *v, int depth) {
    luaL_checkstack(L, 4, "json.decode: nested too deep");
    if (depth > JSON_MAX_DEPTH) luaL_error(L, "json.decode: nested too deep");
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *k;
        json_t *x;
        lua_createtable(L, 0, (int)json_object_size(v));
        json_object_foreach(v, k, x) {
            push_json(L, x, depth + 1);
            lua_setfield(L, -2, k);
        }
        break;
    }
    case JSON_ARRAY:
        lua_createtable(L, (int)json_array_size(v), 0);
        for (size_t i = 0; i < json_array_size(v); i++) {
            push_json(L, json_array_get(v, i), depth + 1);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        break;
    case JSON_STRING: lua_pushlstring(L, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: lua_pushinteger(L, (lua_Integer)json_integer_value(v)); break;
    case JSON_REAL: lua_pushnumber(L, json_real_value(v)); break;
    case JSON_TRUE: lua_pushboolean(L, 1); break;
    case JSON_FALSE: lua_pushboolean(L, 0); break;
    case JSON_NULL: lua_pushnil(L); break;
    }
}

/* decode(text) -> value, or nil, "bad JSON at line L, column C: why". */
static int json_decode(lua_State *L) {
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    json_error_t err;
    json_t **box = box_new(L);
    *box = json_loadb(text, len, JSON_DECODE_ANY, &err);
    if (!*box) {
        luaL_pushfail(L);
        lua_pushfstring(L, "bad JSON at line %d, column %d: %s", err.line, err.column, err.text);
        return 2;
    }
    push_json(L, *box, 0);
    return 1;
}

int luaopen_json(lua_State *L) {
    static const luaL_Reg box_meta[] = {{"__gc", box_gc}, {NULL, NULL}};
    static const luaL_Reg funcs[] = {{"encode", json_encode}, {"decode", json_decode}, {NULL, NULL}};
    luaL_newmetatable(L, JSON_BOX);
    luaL_setfuncs(L, box_meta, 0);
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}

/*
 * opts.c -- options tables checked against their declarations (opts.h).
 *
 * A declaration in the registry ("tenor.optspecs"[fname]) is a table
 *   { names = {key, ...}            declaration order, for messages and help
 *     keys  = {key = entry, ...}    entry: name type choices lo hi open default help aliases
 *     alias = {other = key, ...} }
 * made by tn_opts_declare from a C array or by stdlib/tenor/args.lua from a
 * Lua list; one checker serves both.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include <lauxlib.h>

#include "series/opts.h"
#include "series/series.h"

/* --------------------------------------------------------- declarations */

static void push_specs(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, TN_OPTSPECS) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, TN_OPTSPECS);
    }
}

/* "a|b|c" -> {"a", "b", "c"} on the stack. */
static void push_split(lua_State *L, const char *s) {
    lua_newtable(L);
    for (int i = 1; *s; i++) {
        size_t len = strcspn(s, "|");
        lua_pushlstring(L, s, len);
        lua_rawseti(L, -2, i);
        s += len + (s[len] == '|');
    }
}

static void set_str(lua_State *L, const char *field, const char *value) {
    if (!value) return;
    lua_pushstring(L, value);
    lua_setfield(L, -2, field);
}

/* Start-up declares some sixty C functions; building their tables then cost
   a tenth of start-up. tn_opts_declare records the static array's address,
   and the table is built the first time a check, help() or completion
   needs it (expand_decl). */
void tn_opts_declare(lua_State *L, const char *fname, const tn_opt *spec) {
    push_specs(L);
    lua_pushlightuserdata(L, (void *)(uintptr_t)spec);
    lua_setfield(L, -2, fname);
    lua_pop(L, 1);
}

/* Builds the declaration table of a C array; leaves it on top. */
static void build_decl(lua_State *L, const tn_opt *spec) {
    lua_newtable(L);                        /* the declaration */
    lua_newtable(L);                        /* names */
    lua_newtable(L);                        /* keys */
    lua_newtable(L);                        /* alias */
    for (int i = 0; spec[i].name; i++) {
        const tn_opt *o = &spec[i];
        lua_pushstring(L, o->name);
        lua_rawseti(L, -4, i + 1);
        lua_newtable(L);
        set_str(L, "name", o->name);
        set_str(L, "type", o->type);
        set_str(L, "default", o->dflt);
        set_str(L, "help", o->help);
        if (o->choices) { push_split(L, o->choices); lua_setfield(L, -2, "choices"); }
        if (o->lo > -HUGE_VAL) { lua_pushnumber(L, o->lo); lua_setfield(L, -2, "lo"); }
        if (o->hi < HUGE_VAL) { lua_pushnumber(L, o->hi); lua_setfield(L, -2, "hi"); }
        lua_pushinteger(L, o->open);
        lua_setfield(L, -2, "open");
        if (o->aliases) {
            push_split(L, o->aliases);
            for (lua_Integer j = 1; lua_rawgeti(L, -1, j) == LUA_TSTRING; j++) {
                lua_pushstring(L, o->name);
                lua_settable(L, -5);        /* alias[other] = name */
            }
            lua_pop(L, 1);
            lua_setfield(L, -2, "aliases");
        }
        lua_setfield(L, -3, o->name);       /* keys[name] = entry */
    }
    lua_setfield(L, -4, "alias");
    lua_setfield(L, -3, "keys");
    lua_setfield(L, -2, "names");
}

/* specs[key] on top of the stack: a recorded C array becomes its table. */
static int expand_decl(lua_State *L, int specs, int key) {
    int t = lua_type(L, -1);
    if (t != LUA_TLIGHTUSERDATA) return t;
    const tn_opt *spec = lua_touserdata(L, -1);
    lua_pop(L, 1);
    build_decl(L, spec);
    lua_pushvalue(L, key);
    lua_pushvalue(L, -2);
    lua_rawset(L, specs);
    return LUA_TTABLE;
}

/* ------------------------------------------------------------- messages */

/* Edit distance with transpositions, for "did you mean"; small strings only. */
static size_t edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40) return 99;
    size_t d[41][41];
    for (size_t i = 0; i <= la; i++) d[i][0] = i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* Pushes "valid: a, b, c" from the declaration at decl. */
static void push_valid(lua_State *L, int decl) {
    luaL_Buffer b;
    lua_getfield(L, decl, "names");
    int names = lua_gettop(L);
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "valid: ");
    for (lua_Integer i = 1; lua_rawgeti(L, names, i) == LUA_TSTRING; i++) {
        if (i > 1) luaL_addstring(&b, ", ");
        luaL_addvalue(&b);
    }
    lua_pop(L, 1);
    luaL_pushresult(&b);
    lua_remove(L, names);
}

/* The closest declared key or alias to key, or NULL when none is close:
   within a few edits, or one the key begins (3 letters at least); the
   fewest edits wins, so 'nomina' suggests 'nominal', not 'nominal_yoy'. */
static const char *closest(lua_State *L, int decl, const char *key) {
    const char *best = NULL;
    size_t limit = strlen(key) <= 3 ? 1 : strlen(key) <= 6 ? 2 : 3, best_d = (size_t)-1;
    static const char *const tables[] = {"keys", "alias"};
    for (int t = 0; t < 2; t++) {
        lua_getfield(L, decl, tables[t]);
        for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) {
            const char *k = lua_tostring(L, -2);
            size_t d = edit_distance(key, k);
            int prefix = strlen(key) >= 3 && strncmp(k, key, strlen(key)) == 0;
            if ((d <= limit || prefix) && d < best_d) {
                lua_getfield(L, decl, "alias");
                lua_getfield(L, -1, k);     /* an alias suggests its key */
                best = lua_isstring(L, -1) ? lua_tostring(L, -1) : k;
                lua_pop(L, 2);
                best_d = d;
            }
        }
        lua_pop(L, 1);
    }
    return best;   /* points into the declaration, which the registry keeps */
}

/* A value as a message shows it: 'text', 12, true, a series, a table. */
const char *tn_opts_show(lua_State *L, int idx, char *buf, size_t size) {
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: snprintf(buf, size, "'%.60s'", lua_tostring(L, idx)); break;
    case LUA_TNUMBER:
    case LUA_TBOOLEAN: snprintf(buf, size, "%s", luaL_tolstring(L, idx, NULL)); lua_pop(L, 1); break;
    case LUA_TNONE:
    case LUA_TNIL: snprintf(buf, size, "nothing"); break;
    default:
        snprintf(buf, size, "a %s", luaL_testudata(L, idx, TN_SERIES_MT) ? "series" : luaL_typename(L, idx));
        break;
    }
    return buf;
}

/* Finds the function at f among the fields of the table at t; writes
   prefix..key into buf. */
static int find_field(lua_State *L, int t, int f, const char *prefix, char *buf, size_t size) {
    for (lua_pushnil(L); lua_next(L, t); lua_pop(L, 1)) {
        if (lua_type(L, -2) == LUA_TSTRING && lua_rawequal(L, -1, f)) {
            snprintf(buf, size, "%s%s", prefix, lua_tostring(L, -2));
            lua_pop(L, 2);
            return 1;
        }
    }
    return 0;
}

#define TN_PUBLIC_NAMES "tenor.public_names"

void tn_public_names(lua_State *L, int idx, const char *prefix) {
    idx = lua_absindex(L, idx);
    if (lua_getfield(L, LUA_REGISTRYINDEX, TN_PUBLIC_NAMES) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, TN_PUBLIC_NAMES);
    }
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        if (lua_type(L, -1) != LUA_TFUNCTION || lua_type(L, -2) != LUA_TSTRING) continue;
        lua_pushvalue(L, -1);
        lua_pushfstring(L, "%s%s", prefix, lua_tostring(L, -3));
        lua_rawset(L, -5);
    }
    lua_pop(L, 1);
}

const char *tn_running_name(lua_State *L, char *buf, size_t size) {
    lua_Debug ar;
    snprintf(buf, size, "tenor");
    if (!lua_getstack(L, 0, &ar)) return buf;
    int top = lua_gettop(L);
    lua_getinfo(L, "nf", &ar);
    int f = lua_gettop(L), found = 0;
    if (lua_getfield(L, LUA_REGISTRYINDEX, TN_PUBLIC_NAMES) == LUA_TTABLE) {
        lua_pushvalue(L, f);
        if (lua_rawget(L, -2) == LUA_TSTRING) {
            snprintf(buf, size, "%s", lua_tostring(L, -1));
            found = 1;
        }
    }
    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    for (lua_pushnil(L); !found && lua_next(L, g); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TTABLE || lua_rawequal(L, -1, g)) continue;
        char prefix[64];
        snprintf(prefix, sizeof prefix, "%s.", lua_tostring(L, -2));
        found = find_field(L, lua_gettop(L), f, prefix, buf, size);
    }
    if (!found && ar.name) snprintf(buf, size, "%s", ar.name);
    lua_settop(L, top);
    return buf;
}

int tn_arg_error(lua_State *L, const char *fname, const char *arg, const char *fmt, ...) {
    va_list ap;
    luaL_where(L, 1);
    lua_pushfstring(L, "%s: %s ", fname, arg);
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 3);
    return lua_error(L);
}

int tn_arg_choice(lua_State *L, int idx, const char *fname, const char *arg, const char *dflt,
                  const char *const names[]) {
    char shown[96];
    const char *s = dflt && lua_isnoneornil(L, idx) ? dflt : lua_tostring(L, idx);
    for (int i = 0; s && lua_type(L, idx) != LUA_TNUMBER && names[i]; i++)
        if (strcasecmp(s, names[i]) == 0) return i;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; names[i]; i++) {
        if (i) luaL_addstring(&b, ", ");
        luaL_addstring(&b, names[i]);
    }
    luaL_pushresult(&b);
    return tn_arg_error(L, fname, arg, "must be one of %s (got %s)", lua_tostring(L, -1),
                        tn_opts_show(L, idx, shown, sizeof shown));
}

lua_Integer tn_arg_integer(lua_State *L, int idx, const char *fname, const char *arg, lua_Integer dflt,
                           lua_Integer min) {
    char shown[96];
    if (lua_isnoneornil(L, idx) && dflt >= min) return dflt;
    int ok = lua_type(L, idx) == LUA_TNUMBER;
    lua_Integer v = ok ? lua_tointegerx(L, idx, &ok) : 0;
    if (ok && v >= min) return v;
    tn_opts_show(L, idx, shown, sizeof shown);
    if (min <= -(LUA_MAXINTEGER / 2)) tn_arg_error(L, fname, arg, "must be a whole number (got %s)", shown);
    tn_arg_error(L, fname, arg, "must be a whole number, at least %I (got %s)", (LUAI_UACINT)min, shown);
    return v;
}

/* ----------------------------------------------------------------- check */

static int has_type(lua_State *L, int idx, const char *t, size_t len) {
#define IS(name) (len == sizeof name - 1 && memcmp(t, name, len) == 0)
    int lt = lua_type(L, idx);
    if (IS("any")) return 1;
    if (IS("number")) return lt == LUA_TNUMBER;
    if (IS("integer")) {
        if (lt != LUA_TNUMBER) return 0;
        if (lua_isinteger(L, idx)) return 1;
        double x = lua_tonumber(L, idx);
        return x == floor(x) && fabs(x) < 9.0e15;
    }
    if (IS("boolean")) return lt == LUA_TBOOLEAN;
    if (IS("string")) return lt == LUA_TSTRING;
    if (IS("table")) return lt == LUA_TTABLE;
    if (IS("function")) return lt == LUA_TFUNCTION;
    if (IS("series")) return luaL_testudata(L, idx, TN_SERIES_MT) != NULL;
    return 0;
#undef IS
}

/* "number|series" -> "a number or a series" */
static void push_type_words(lua_State *L, const char *types) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int first = 1; *types; first = 0) {
        size_t len = strcspn(types, "|");
        if (!first) luaL_addstring(&b, " or ");
        luaL_addstring(&b, (len == 7 && memcmp(types, "integer", 7) == 0) ? "an " : "a ");
        luaL_addlstring(&b, types, len);
        types += len + (types[len] == '|');
    }
    luaL_pushresult(&b);
}

/* Checks the value on top against entry (at index e); may replace the value
   with its canonical choice. Returns NULL or pushes and returns a message. */
static const char *check_value(lua_State *L, int e, const char *fname, const char *key) {
    char shown[96];
    int v = lua_gettop(L);
    lua_getfield(L, e, "type");
    const char *types = lua_tostring(L, -1);
    int ok = types == NULL;
    for (const char *t = types; t && *t && !ok;) {
        size_t len = strcspn(t, "|");
        ok = has_type(L, v, t, len);
        t += len + (t[len] == '|');
    }
    if (!ok) {
        push_type_words(L, types);
        return lua_pushfstring(L, "%s: option '%s' must be %s (got %s)", fname, key,
                               lua_tostring(L, -1), tn_opts_show(L, v, shown, sizeof shown));
    }
    lua_pop(L, 1);
    if (lua_type(L, v) == LUA_TNUMBER) {
        double x = lua_tonumber(L, v);
        lua_getfield(L, e, "open");
        int open = (int)lua_tointeger(L, -1);
        int has_lo = lua_getfield(L, e, "lo") == LUA_TNUMBER, has_hi = lua_getfield(L, e, "hi") == LUA_TNUMBER;
        double lo = has_lo ? lua_tonumber(L, -2) : -HUGE_VAL, hi = has_hi ? lua_tonumber(L, -1) : HUGE_VAL;
        lua_pop(L, 3);
        int bad = isnan(x) || (has_lo && ((open & TN_OPT_LO_OPEN) ? !(x > lo) : !(x >= lo)))
                  || (has_hi && ((open & TN_OPT_HI_OPEN) ? !(x < hi) : !(x <= hi)));
        if (bad) {
            char range[96];
            const char *lo_op = (open & TN_OPT_LO_OPEN) ? ">" : ">=", *hi_op = (open & TN_OPT_HI_OPEN) ? "<" : "<=";
            if (has_lo && has_hi) snprintf(range, sizeof range, "%s %.14g and %s %.14g", lo_op, lo, hi_op, hi);
            else if (has_lo) snprintf(range, sizeof range, "%s %.14g", lo_op, lo);
            else if (has_hi) snprintf(range, sizeof range, "%s %.14g", hi_op, hi);
            else snprintf(range, sizeof range, "a number, not NaN");
            return lua_pushfstring(L, "%s: option '%s' must be %s (got %s)", fname, key, range,
                                   tn_opts_show(L, v, shown, sizeof shown));
        }
    }
    if (lua_type(L, v) == LUA_TSTRING && lua_getfield(L, e, "choices") == LUA_TTABLE) {
        int choices = lua_gettop(L);
        const char *s = lua_tostring(L, v);
        for (lua_Integer i = 1; lua_rawgeti(L, choices, i) == LUA_TSTRING; i++) {
            if (strcasecmp(s, lua_tostring(L, -1)) == 0) {
                lua_replace(L, v);          /* the declared spelling */
                lua_settop(L, v);
                return NULL;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        for (lua_Integer i = 1; lua_rawgeti(L, choices, i) == LUA_TSTRING; i++) {
            if (i > 1) luaL_addstring(&b, ", ");
            luaL_addvalue(&b);
        }
        lua_pop(L, 1);
        luaL_pushresult(&b);
        return lua_pushfstring(L, "%s: option '%s' must be one of %s (got %s)", fname, key,
                               lua_tostring(L, -1), tn_opts_show(L, v, shown, sizeof shown));
    }
    lua_settop(L, v);
    return NULL;
}

/* Builds the checked copy of the table at opts on top of the stack, or
   pushes a message and returns it. */
static const char *check_table(lua_State *L, int opts, int decl, const char *fname) {
    char shown[96];
    lua_newtable(L);
    int out = lua_gettop(L);
    lua_getfield(L, decl, "keys");
    int keys = lua_gettop(L);
    lua_getfield(L, decl, "alias");
    int alias = lua_gettop(L);
    for (lua_pushnil(L); lua_next(L, opts); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pushvalue(L, -2);
            push_valid(L, decl);
            return lua_pushfstring(L, "%s: options are named, got the key %s (%s)", fname,
                                   tn_opts_show(L, -2, shown, sizeof shown), lua_tostring(L, -1));
        }
        const char *key = lua_tostring(L, -2);
        if (lua_getfield(L, keys, key) != LUA_TTABLE) {
            lua_pop(L, 1);
            if (lua_getfield(L, alias, key) == LUA_TSTRING) lua_getfield(L, keys, lua_tostring(L, -1));
            else {
                const char *near = closest(L, decl, key);
                push_valid(L, decl);
                if (near) return lua_pushfstring(L, "%s: unknown option '%s' (did you mean '%s'? %s)", fname, key, near, lua_tostring(L, -1));
                return lua_pushfstring(L, "%s: unknown option '%s' (%s)", fname, key, lua_tostring(L, -1));
            }
            lua_remove(L, -2);
        }
        int e = lua_gettop(L);
        lua_getfield(L, e, "name");
        const char *canon = lua_tostring(L, -1);
        lua_rawget(L, out);                 /* both a key and its alias given? */
        if (!lua_isnil(L, -1))
            return lua_pushfstring(L, "%s: option '%s' is given twice (under its name and an alias); keep one", fname, canon);
        lua_pop(L, 1);
        lua_pushvalue(L, e - 1);            /* the value */
        const char *msg = check_value(L, e, fname, canon);
        if (msg) return msg;
        lua_setfield(L, out, canon);
        lua_pop(L, 1);                      /* the entry */
    }
    lua_settop(L, out);
    return NULL;
}

/* Pushes the declaration of fname; raises when there is none (a bug). */
static int push_decl(lua_State *L, const char *fname) {
    push_specs(L);
    int specs = lua_gettop(L);
    lua_pushstring(L, fname);
    lua_pushvalue(L, -1);
    lua_rawget(L, specs);
    if (expand_decl(L, specs, specs + 1) != LUA_TTABLE)
        luaL_error(L, "internal: no option declaration for '%s'", fname);
    lua_replace(L, specs);
    lua_settop(L, specs);
    return specs;
}

/* Leaves the checked copy or a message on top; returns 1 when checked. */
static int check_any(lua_State *L, int idx, const char *fname) {
    char shown[96];
    idx = lua_absindex(L, idx);
    int t = lua_type(L, idx);
    if (t == LUA_TNONE || t == LUA_TNIL) { lua_newtable(L); return 1; }
    int decl = push_decl(L, fname);
    if (t != LUA_TTABLE) {
        lua_getfield(L, decl, "names");
        lua_rawgeti(L, -1, 1);
        const char *first = lua_isstring(L, -1) ? lua_tostring(L, -1) : "key";
        push_valid(L, decl);
        lua_pushfstring(L, "%s: options must be a table such as {%s = ...} (got %s; %s)", fname, first,
                        tn_opts_show(L, idx, shown, sizeof shown), lua_tostring(L, -1));
        return 0;
    }
    int top = lua_gettop(L);
    const char *msg = check_table(L, idx, decl, fname);
    if (msg) return 0;
    lua_replace(L, decl);
    lua_settop(L, top);
    return 1;
}

void tn_opts_check(lua_State *L, int idx, const char *fname) {
    idx = lua_absindex(L, idx);
    if (lua_gettop(L) < idx) lua_settop(L, idx);
    int top = lua_gettop(L);
    if (!check_any(L, idx, fname)) {
        luaL_where(L, 1);
        lua_pushvalue(L, -2);
        lua_concat(L, 2);
        lua_error(L);
    }
    lua_replace(L, idx);
    lua_settop(L, top);
}

/* _check(fname, opts) -> checked copy, or nil, message */
static int opts_check_lua(lua_State *L) {
    const char *fname = luaL_checkstring(L, 1);
    lua_settop(L, 2);
    if (check_any(L, 2, fname)) return 1;
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
}

/* _declare(fname, decl): stores a declaration built by args.lua. */
static int opts_declare_lua(lua_State *L) {
    luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    push_specs(L);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_settable(L, -3);
    return 0;
}

/* _specs() -> the registry table of every declaration (help, completion). */
static int opts_specs_lua(lua_State *L) {
    push_specs(L);
    int specs = lua_gettop(L);
    for (lua_pushnil(L); lua_next(L, specs); lua_pop(L, 1))
        if (lua_type(L, -1) == LUA_TLIGHTUSERDATA) {
            expand_decl(L, specs, specs + 1);   /* the table takes the value's slot; */
        }                                       /* replacing a value keeps lua_next valid */
    return 1;
}

/* _opt_spec(fname) -> the declaration of one function, or nil. */
static int opts_spec_lua(lua_State *L) {
    luaL_checkstring(L, 1);
    push_specs(L);
    lua_pushvalue(L, 1);
    lua_rawget(L, 2);
    if (expand_decl(L, 2, 1) != LUA_TTABLE) lua_pushnil(L);
    return 1;
}

void tn_opts_register(lua_State *L) {
    static const luaL_Reg fns[] = {
        {"_opt_spec", opts_spec_lua},
        {"_check_opts", opts_check_lua}, {"_declare_opts", opts_declare_lua},
        {"_opt_specs", opts_specs_lua}, {NULL, NULL}};
    luaL_setfuncs(L, fns, 0);
}

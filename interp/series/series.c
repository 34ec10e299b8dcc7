/*
 * series.c -- the series type: construction, properties, access by period,
 * slicing and printing. Arithmetic lives in series_ops.c, statistics and
 * filling of gaps in series_stats.c.
 */
#include "series/series.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/interrupt.h"
#include "core/numparse.h"
#include "series/opts.h"

/* --------------------------------------------------------- the object */

static void check_length(lua_State *L, size_t n) {
    if (n > (((size_t)1 << 40) - sizeof(tn_series)) / sizeof(double))
        luaL_error(L, "series of %I periods is too long (more than 2^37)", (lua_Integer)n);
}

/* Every period must be one the calendar can write and read back. */
static void check_span(lua_State *L, int freq, int64_t start, size_t n) {
    int64_t lo = tn_days_from_civil(TN_YEAR_MIN, 1, 1), hi = tn_days_from_civil(TN_YEAR_MAX, 12, 31);
    if (tn_period_last_day(freq, start) < lo || (n > 0 && tn_period_last_day(freq, start + (int64_t)n - 1) > hi))
        luaL_error(L, "series of %I periods would reach outside the years %d..%d", (lua_Integer)n,
                   TN_YEAR_MIN, TN_YEAR_MAX);
}

tn_series *tn_series_push(lua_State *L, int freq, int64_t start, size_t n) {
    check_length(L, n);
    check_span(L, freq, start, n);
    tn_series *s = lua_newuserdatauv(L, sizeof(tn_series) + n * sizeof(double), 2);
    s->freq = freq;
    s->start = start;
    s->n = n;
    luaL_setmetatable(L, TN_SERIES_MT);
    return s;
}

double *tn_series_push_storage(lua_State *L, size_t cap) {
    check_length(L, cap);
    tn_series *s = lua_newuserdatauv(L, sizeof(tn_series) + cap * sizeof(double), 2);
    s->n = 0;
    return s->v;
}

tn_series *tn_series_adopt(lua_State *L, int idx, int freq, int64_t start, size_t n) {
    tn_series *s = lua_touserdata(L, idx);
    size_t room = (lua_rawlen(L, idx) - sizeof(tn_series)) / sizeof(double);
    if (s == NULL || lua_getmetatable(L, idx) || n > room)
        luaL_error(L, "tn_series_adopt: not series storage of %I values", (lua_Integer)n);
    check_span(L, freq, start, n);
    s->freq = freq;
    s->start = start;
    s->n = n;
    lua_pushvalue(L, idx);
    luaL_setmetatable(L, TN_SERIES_MT);
    lua_pop(L, 1);
    return s;
}

tn_series *tn_series_push_like(lua_State *L, const tn_series *s, size_t n) {
    return tn_series_push(L, s->freq, s->start, n);
}

tn_series *tn_series_test(lua_State *L, int arg) {
    return luaL_testudata(L, arg, TN_SERIES_MT);
}

/* A series argument; otherwise an error naming the public function (s:yoy,
   signal.rising) and the argument as the analyst counts them. */
tn_series *tn_series_check(lua_State *L, int arg) {
    tn_series *s = luaL_testudata(L, arg, TN_SERIES_MT);
    if (s) return s;
    char name[80], shown[96], which[32];
    tn_running_name(L, name, sizeof name);
    tn_opts_show(L, arg, shown, sizeof shown);
    if (strncmp(name, "s:", 2) == 0 && arg == 1)
        tn_arg_error(L, name, "is a series method", "called on %s: write x:%s(...) with x a series", shown, name + 2);
    snprintf(which, sizeof which, "argument %d", strncmp(name, "s:", 2) == 0 ? arg - 1 : arg);
    tn_arg_error(L, name, which, "must be a series (got %s)", shown);
    return NULL;
}

void tn_series_set_name(lua_State *L, int idx) {
    lua_setiuservalue(L, lua_absindex(L, idx), 1);
}

const char *tn_series_name(lua_State *L, int idx) {
    lua_getiuservalue(L, idx, 1);
    const char *name = lua_tostring(L, -1);   /* kept alive by the series */
    lua_pop(L, 1);
    return name;
}

void tn_series_copy_name(lua_State *L, int from, int to) {
    from = lua_absindex(L, from);
    to = lua_absindex(L, to);
    lua_getiuservalue(L, from, 1);
    lua_setiuservalue(L, to, 1);
}

/* Copies the metadata table (shallow), so the two series stay independent. */
int tn_raise_interrupted(lua_State *L, const char *fname) {
    char buf[96];
    lua_sethook(L, NULL, 0, 0);     /* the Ctrl-C hook would put its bare message over this one */
    return luaL_error(L, "%s: interrupted", fname ? fname : tn_running_name(L, buf, sizeof buf));
}

void tn_raise_if_interrupted(lua_State *L, const char *fname) {
    if (tn_interrupted()) tn_raise_interrupted(L, fname);
}

void tn_series_copy_meta(lua_State *L, int from, int to) {
    from = lua_absindex(L, from);
    to = lua_absindex(L, to);
    if (lua_getiuservalue(L, from, 2) != LUA_TTABLE) { lua_pop(L, 1); return; }
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_setiuservalue(L, to, 2);
    lua_pop(L, 1);
}

/* Look-ahead taint: a result computed from a series that looks ahead
   (meta.lookahead) looks ahead too, so a backtest can refuse it. */
void tn_series_propagate_taint(lua_State *L, int from, int to) {
    from = lua_absindex(L, from);
    to = lua_absindex(L, to);
    if (lua_getiuservalue(L, from, 2) != LUA_TTABLE) { lua_pop(L, 1); return; }
    if (lua_getfield(L, -1, "lookahead") == LUA_TNIL) { lua_pop(L, 2); return; }
    tn_series_push_meta(L, to);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "lookahead");
    lua_pop(L, 3);
}

void tn_series_mark_lookahead(lua_State *L, int idx, const char *why) {
    idx = lua_absindex(L, idx);
    tn_series_push_meta(L, idx);
    lua_pushstring(L, why);
    lua_setfield(L, -2, "lookahead");
    lua_pop(L, 1);
}

void tn_series_push_meta(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    if (lua_getiuservalue(L, idx, 2) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, idx, 2);
}

const char *tn_series_describe(lua_State *L, int idx, char *buf, size_t size) {
    tn_series *s = lua_touserdata(L, idx);
    const char *name = tn_series_name(L, idx);
    if (name) snprintf(buf, size, "%s %s series '%s'", s->freq == TN_A ? "an" : "a",
                       tn_freq_name(s->freq), name);
    else snprintf(buf, size, "an unnamed %s series", tn_freq_name(s->freq));
    return buf;
}

/* Raises for a bad period argument, naming the running function as its
   caller wrote it (s:slice, series.index_from_mom), as luaL_argerror finds it. */
static void period_error(lua_State *L, const char *msg) {
    char fname[80];
    tn_arg_error(L, tn_running_name(L, fname, sizeof fname), "period", "%s", msg);
}

int64_t tn_series_period_arg(lua_State *L, const tn_series *s, int arg,
                             int at_end, int strict) {
    size_t len;
    const char *why = NULL;
    int64_t p;
    if (lua_type(L, arg) != LUA_TSTRING && lua_type(L, arg) != LUA_TNUMBER)
        period_error(L, "must be a period such as '2024-01' or '2024Q1'");
    const char *str = lua_tolstring(L, arg, &len);
    if (tn_period_parse(s->freq, str, len, at_end, strict, &p, &why) != 0)
        period_error(L, lua_pushfstring(L, "'%s' is not a %s period (%s)", str, tn_freq_name(s->freq), why));
    return p;
}

/* ------------------------------------------------------- construction */

static int opt_freq(lua_State *L, int t) {
    int freq;
    if (lua_getfield(L, t, "freq") != LUA_TSTRING)
        luaL_error(L, "series.new: 'freq' is required (one of A, Q, M, W, W-FRI, B, D)");
    const char *f = lua_tostring(L, -1);
    if (tn_freq_parse(f, &freq) != 0)
        luaL_error(L, "series.new: unknown frequency '%s' (use A, Q, M, W, W-FRI, B or D)", f);
    lua_pop(L, 1);
    return freq;
}

/* Number of values: 'n' if given, else the largest integer key, so that
   holes made by nil (missing values) are kept. */
static size_t values_length(lua_State *L, int t, int vals) {
    lua_Integer n = 0;
    if (lua_getfield(L, t, "n") == LUA_TNUMBER) {
        n = lua_tointeger(L, -1);           /* declared: a whole number >= 0 */
        lua_pop(L, 1);
        return (size_t)n;
    }
    lua_pop(L, 1);
    n = (lua_Integer)lua_rawlen(L, vals);
    lua_pushnil(L);
    while (lua_next(L, vals)) {
        lua_pop(L, 1);
        if (lua_isinteger(L, -1) && lua_tointeger(L, -1) > n) n = lua_tointeger(L, -1);
        else if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1)
            luaL_error(L, "series.new: 'values' must be an array, found key %s",
                       luaL_tolstring(L, -1, NULL));
    }
    return (size_t)n;
}

static void fill_values(lua_State *L, tn_series *s, int vals) {
    for (size_t i = 0; i < s->n; i++) {
        int t = lua_rawgeti(L, vals, (lua_Integer)i + 1);
        if (t == LUA_TNUMBER) s->v[i] = lua_tonumber(L, -1);
        else if (t == LUA_TNIL) s->v[i] = NAN;
        else luaL_error(L, "series.new: values[%d] is a %s, expected a number or nil",
                        (int)i + 1, luaL_typename(L, -1));
        lua_pop(L, 1);
    }
}

/* Metadata: the 'meta' table, plus the common keys given at top level. */
static void take_meta(lua_State *L, int t, int sidx) {
    static const char *const keys[] = {"unit", "source", "description", "kind", NULL};
    if (lua_getfield(L, t, "meta") == LUA_TTABLE) {
        tn_series_push_meta(L, sidx);
        lua_pushnil(L);
        while (lua_next(L, -3)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
        lua_pop(L, 1);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "series.new: 'meta' must be a table");
    }
    lua_pop(L, 1);
    for (int i = 0; keys[i]; i++) {
        if (lua_getfield(L, t, keys[i]) != LUA_TNIL) {
            tn_series_push_meta(L, sidx);
            lua_pushvalue(L, -2);
            lua_setfield(L, -2, keys[i]);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
}

#define NO_RANGE -HUGE_VAL, HUGE_VAL, 0
static const tn_opt new_opts[] = {
    {"freq", "string", NULL, NO_RANGE, NULL, "required: A, Q, M, W, W-FRI, B or D", NULL},
    {"start", "string|integer", NULL, NO_RANGE, NULL, "required: the first period, e.g. '2020-01'", NULL},
    {"values", "table", NULL, NO_RANGE, NULL, "required: the numbers, nil for missing", NULL},
    {"n", "integer", NULL, 0, HUGE_VAL, 0, "the largest index in values", "number of periods (keeps trailing nils)", NULL},
    {"name", "string", NULL, NO_RANGE, NULL, "the series' name", NULL},
    {"meta", "table", NULL, NO_RANGE, NULL, "metadata (unit, source, kind, ...)", NULL},
    {"unit", "string", NULL, NO_RANGE, NULL, "meta.unit", NULL},
    {"source", "string", NULL, NO_RANGE, NULL, "meta.source", NULL},
    {"description", "string", NULL, NO_RANGE, NULL, "meta.description", NULL},
    {"kind", "string", NULL, NO_RANGE, NULL, "meta.kind: flow, stock, rate or index", NULL},
    {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
};

/* series.new{freq=, start=, values=, name=, meta=, unit=, ...} */
static int series_new(lua_State *L) {
    const char *why = NULL;
    size_t len;
    int64_t start;
    tn_opts_check(L, 1, "series.new");
    int freq = opt_freq(L, 1);
    if (lua_getfield(L, 1, "start") != LUA_TSTRING && !lua_isinteger(L, -1))
        luaL_error(L, "series.new: 'start' is required, e.g. start='2020-01'");
    const char *st = lua_tolstring(L, -1, &len);
    if (tn_period_parse(freq, st, len, 0, 0, &start, &why) != 0)
        luaL_error(L, "series.new: start '%s' is not a %s period (%s)", st,
                   tn_freq_name(freq), why);
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "values") != LUA_TTABLE)
        luaL_error(L, "series.new: 'values' must be a table of numbers");
    int vals = lua_gettop(L);
    size_t n = values_length(L, 1, vals);
    tn_series *s = tn_series_push(L, freq, start, n);
    int sidx = lua_gettop(L);
    fill_values(L, s, vals);
    int nt = lua_getfield(L, 1, "name");
    if (nt != LUA_TNIL && nt != LUA_TSTRING) luaL_error(L, "series.new: 'name' must be a string");
    tn_series_set_name(L, sidx);
    take_meta(L, 1, sidx);
    lua_settop(L, sidx);
    return 1;
}

/* ---------------------------------------------------------- properties */

static void push_period(lua_State *L, int freq, int64_t p) {
    char buf[32];
    tn_period_display(freq, p, buf, sizeof buf);
    lua_pushstring(L, buf);
}

/* The properties a series has besides its methods: __index serves them,
   completion lists them (series._properties). */
static const char *const series_props[] = {"freq", "start", "stop", "name", "meta", "n", NULL};
enum { PROP_FREQ, PROP_START, PROP_STOP, PROP_NAME, PROP_META, PROP_N };

static int find_prop(const char *k) {
    for (int i = 0; series_props[i]; i++)
        if (strcmp(k, series_props[i]) == 0) return i;
    return -1;
}

/* __index: methods first, then the properties, then s[i] for values. */
static int series_index(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    if (lua_type(L, 2) == LUA_TSTRING) {
        lua_pushvalue(L, 2);
        if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
        switch (find_prop(lua_tostring(L, 2))) {
        case PROP_FREQ:  lua_pushstring(L, tn_freq_code(s->freq)); break;
        case PROP_START: push_period(L, s->freq, s->start); break;
        case PROP_STOP:  push_period(L, s->freq, s->start + (int64_t)s->n - 1); break;
        case PROP_NAME:  lua_getiuservalue(L, 1, 1); break;
        case PROP_META:  tn_series_push_meta(L, 1); break;
        case PROP_N:     lua_pushinteger(L, (lua_Integer)s->n); break;
        default:         lua_pushnil(L);
        }
        return 1;
    }
    if (lua_isinteger(L, 2)) {
        lua_Integer i = lua_tointeger(L, 2);
        if (i >= 1 && (size_t)i <= s->n && !isnan(s->v[i - 1])) lua_pushnumber(L, s->v[i - 1]);
        else lua_pushnil(L);
        return 1;
    }
    lua_pushnil(L);
    return 1;
}

/* __newindex: the name and the metadata table may change; values never. */
static int series_newindex(lua_State *L) {
    tn_series_check(L, 1);
    const char *k = luaL_checkstring(L, 2);
    if (strcmp(k, "name") == 0) {
        if (!lua_isnil(L, 3) && lua_type(L, 3) != LUA_TSTRING)
            return luaL_error(L, "series name must be a string or nil");
        lua_settop(L, 3);
        tn_series_set_name(L, 1);
        return 0;
    }
    if (strcmp(k, "meta") == 0) {
        if (!lua_istable(L, 3)) return luaL_error(L, "s.meta must be a table (got a %s)", luaL_typename(L, 3));
        lua_settop(L, 3);
        lua_setiuservalue(L, 1, 2);
        return 0;
    }
    return luaL_error(L, "series are immutable: cannot set '%s' (operations return new series;"
                      " only 'name' and 'meta' can be assigned)", k);
}

static int series_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)tn_series_check(L, 1)->n);
    return 1;
}

/* -------------------------------------------------------------- access */

/* s:at(period) -> number or nil (missing, or outside the span) */
static int series_at(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int64_t p = tn_series_period_arg(L, s, 2, 0, 1);
    int64_t i = p - s->start;
    if (i >= 0 && i < (int64_t)s->n && !isnan(s->v[i])) lua_pushnumber(L, s->v[i]);
    else lua_pushnil(L);
    return 1;
}

/* s:values() -> array of numbers, NaN where missing (a hole-free array) */
static int series_values(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_createtable(L, (int)s->n, 0);
    for (size_t i = 0; i < s->n; i++) {
        lua_pushnumber(L, s->v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* s:dates(style) -> array of period strings; style "start" or "end" gives
   each period's first or last day as YYYY-MM-DD (for charts and joins). */
static int series_dates(lua_State *L) {
    static const char *const styles[] = {"display", "start", "end", NULL};
    tn_series *s = tn_series_check(L, 1);
    int style = tn_arg_choice(L, 2, "s:dates", "style", "display", styles);
    char buf[32];
    lua_createtable(L, (int)s->n, 0);
    for (size_t i = 0; i < s->n; i++) {
        int64_t p = s->start + (int64_t)i;
        if (style == 0) tn_period_display(s->freq, p, buf, sizeof buf);
        else tn_period_format(s->freq, p, style == 1 ? TN_STYLE_START : TN_STYLE_END, buf, sizeof buf);
        lua_pushstring(L, buf);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* A copy of positions [from, from+n) of the series at index 1, keeping the
   name and metadata. Positions outside the series become missing. */
static int push_window(lua_State *L, int64_t from, int64_t n) {
    tn_series *s = tn_series_check(L, 1);
    if (n < 0) n = 0;
    tn_series *r = tn_series_push(L, s->freq, s->start + from, (size_t)n);
    for (int64_t i = 0; i < n; i++) {
        int64_t j = from + i;
        r->v[i] = (j >= 0 && j < (int64_t)s->n) ? s->v[j] : NAN;
    }
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    return 1;
}

/* s:slice(from, to): inclusive; nil leaves that end open; a coarser period
   covers its whole span ("2020" for monthly data is 2020-01 .. 2020-12). */
static int series_slice(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int64_t lo = 0, hi = (int64_t)s->n - 1;
    if (!lua_isnoneornil(L, 2)) lo = tn_series_period_arg(L, s, 2, 0, 0) - s->start;
    if (!lua_isnoneornil(L, 3)) hi = tn_series_period_arg(L, s, 3, 1, 0) - s->start;
    if (lo > hi && !lua_isnoneornil(L, 2) && !lua_isnoneornil(L, 3))
        return luaL_error(L, "s:slice: from '%s' is after to '%s'", lua_tostring(L, 2),
                          lua_tostring(L, 3));
    if (lo < 0) lo = 0;
    if (hi > (int64_t)s->n - 1) hi = (int64_t)s->n - 1;
    if (lo > hi) return push_window(L, lo < (int64_t)s->n ? lo : (int64_t)s->n, 0);
    return push_window(L, lo, hi - lo + 1);
}

static int series_head(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_Integer k = tn_arg_integer(L, 2, "s:head", "n", 5, 0);
    return push_window(L, 0, k < (lua_Integer)s->n ? k : (lua_Integer)s->n);
}

static int series_tail(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_Integer k = tn_arg_integer(L, 2, "s:tail", "n", 5, 0);
    if (k > (lua_Integer)s->n) k = (lua_Integer)s->n;
    return push_window(L, (int64_t)s->n - k, k);
}

/* s:dropna(): trims missing values at both ends. A series is a regular
   calendar, so gaps inside it stay (fill them with s:fill). */
static int series_dropna(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int64_t lo = 0, hi = (int64_t)s->n - 1;
    while (lo <= hi && isnan(s->v[lo])) lo++;
    while (hi >= lo && isnan(s->v[hi])) hi--;
    return push_window(L, lo, hi - lo + 1);
}

/* s:rename(name): a copy under another name. */
static int series_rename(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    if (!lua_isnoneornil(L, 2) && lua_type(L, 2) != LUA_TSTRING)
        tn_arg_error(L, "s:rename", "name", "must be a string or nil (got a %s)", luaL_typename(L, 2));
    push_window(L, 0, (int64_t)s->n);
    lua_pushvalue(L, 2);
    tn_series_set_name(L, -2);
    return 1;
}

/* ------------------------------------------------------------ printing */

static size_t count_missing(const tn_series *s) {
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) k += isnan(s->v[i]) != 0;
    return k;
}

static void add_row(luaL_Buffer *b, const tn_series *s, size_t i) {
    char date[32], num[48], line[96];
    tn_period_display(s->freq, s->start + (int64_t)i, date, sizeof date);
    tn_format_display(s->v[i], num, sizeof num);
    snprintf(line, sizeof line, "\n  %-10s %14s", date, num);
    luaL_addstring(b, line);
}

/* Header line, then every value for short series, else head and tail. */
static int series_tostring(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    char head[256], a[32], z[32];
    const char *name = tn_series_name(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (s->n == 0) {
        snprintf(head, sizeof head, "series%s%s%s (%s), empty", name ? " '" : "",
                 name ? name : "", name ? "'" : "", tn_freq_code(s->freq));
        luaL_addstring(&b, head);
        luaL_pushresult(&b);
        return 1;
    }
    tn_period_display(s->freq, s->start, a, sizeof a);
    tn_period_display(s->freq, s->start + (int64_t)s->n - 1, z, sizeof z);
    snprintf(head, sizeof head, "series%s%s%s (%s) %s .. %s, %zu obs, %zu missing",
             name ? " '" : "", name ? name : "", name ? "'" : "",
             tn_freq_code(s->freq), a, z, s->n, count_missing(s));
    luaL_addstring(&b, head);
    if (s->n <= 12) {
        for (size_t i = 0; i < s->n; i++) add_row(&b, s, i);
    } else {
        for (size_t i = 0; i < 5; i++) add_row(&b, s, i);
        luaL_addstring(&b, "\n  ...");
        for (size_t i = s->n - 5; i < s->n; i++) add_row(&b, s, i);
    }
    luaL_pushresult(&b);
    return 1;
}

/* ----------------------------------------------------------- functions */

static int series_is(lua_State *L) {
    lua_pushboolean(L, tn_series_test(L, 1) != NULL);
    return 1;
}

static int series_isna(lua_State *L) {
    lua_pushboolean(L, lua_isnil(L, 1) || (lua_type(L, 1) == LUA_TNUMBER && isnan(lua_tonumber(L, 1))));
    return 1;
}

/* series._info(s) -> freq code, start period number, n: for stdlib code. */
static int series_info(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_pushstring(L, tn_freq_code(s->freq));
    lua_pushinteger(L, (lua_Integer)s->start);
    lua_pushinteger(L, (lua_Integer)s->n);
    return 3;
}

static const luaL_Reg series_methods[] = {
    {"at", series_at},
    {"values", series_values},
    {"dates", series_dates},
    {"slice", series_slice},
    {"head", series_head},
    {"tail", series_tail},
    {"dropna", series_dropna},
    {"trim", series_dropna},
    {"rename", series_rename},
    {NULL, NULL}
};

static const luaL_Reg series_functions[] = {
    {"new", series_new},
    {"is", series_is},
    {"isna", series_isna},
    {"_info", series_info},
    {NULL, NULL}
};

void tn_series_core_register(lua_State *L) { luaL_setfuncs(L, series_methods, 0); }

/* Expects the series table on top: its functions and _properties. */
void tn_series_core_functions(lua_State *L) {
    luaL_setfuncs(L, series_functions, 0);
    lua_newtable(L);
    for (int i = 0; series_props[i]; i++) {
        lua_pushstring(L, series_props[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "_properties");
    tn_opts_declare(L, "series.new", new_opts);
}

/* Expects the methods table on top; leaves the new metatable above it. */
void tn_series_open_type(lua_State *L) {
    luaL_newmetatable(L, TN_SERIES_MT);
    lua_pushliteral(L, "series");
    lua_setfield(L, -2, "__name");
    lua_pushvalue(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, TN_SERIES_METHODS);
    lua_pushvalue(L, -2);
    lua_pushcclosure(L, series_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, series_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, series_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, series_tostring);
    lua_setfield(L, -2, "__tostring");
}

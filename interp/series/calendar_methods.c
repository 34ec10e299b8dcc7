/*
 * calendar_methods.c -- calendar helpers over a series' periods: the year,
 * quarter, month and weekday of each period, grouping by a key series,
 * coalescing, the first and last valid periods, and period counts.
 *
 *   s:year() s:quarter() s:month() s:day_of_week()
 *       series of integers on s's calendar (whatever s's values, missing
 *       ones included). The date a period stands for is its first day for
 *       A, Q, M (the periods tenor writes as their start) and its last day
 *       for weekly data (a week is dated by the day it ends on). day_of_week
 *       is ISO: 1 = Monday .. 7 = Sunday; it needs B, D or weekly data;
 *       month needs M or finer; quarter needs Q or finer.
 *   s:groupby(key, stat="mean") -> table key -> value (printable)
 *       on the periods both cover, values of s grouped by the value of key
 *       (usually s:month() or a regime series); missing values of s or key
 *       are skipped. stat: mean sum count min max median std var (sample,
 *       ddof 1) first last. A group whose stat is undefined (std of one
 *       value) holds NaN.
 *   series.coalesce(a, b, ...) -> series on the union of the spans: at
 *       each period the first argument with a value there.
 *   s:first_valid(), s:last_valid() -> period, value (nil when all missing)
 *   cond:first_true() -> period of the first value that is neither 0 nor
 *       missing, or nil
 *   series.periods_between(a, b, freq) -> periods from a to b (b - a: 0
 *       for the same period, negative when b is earlier)
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

enum { PART_YEAR, PART_QUARTER, PART_MONTH, PART_DOW };
static const char *const part_names[] = {"year", "quarter", "month", "day_of_week"};

/* The day a period stands for: see the header. */
static int64_t stamp_day(int freq, int64_t p) {
    return TN_IS_WEEKLY(freq) ? tn_period_last_day(freq, p) : tn_period_first_day(freq, p);
}

static void check_part(lua_State *L, const tn_series *s, int part) {
    int f = s->freq, ok = 1;
    if (part == PART_QUARTER) ok = f != TN_A;
    if (part == PART_MONTH) ok = f != TN_A && f != TN_Q;
    if (part == PART_DOW) ok = f == TN_B || f == TN_D || TN_IS_WEEKLY(f);
    if (!ok) {
        char desc[160];
        luaL_error(L, "s:%s: %s has no %s in its periods", part_names[part],
                   tn_series_describe(L, 1, desc, sizeof desc),
                   part == PART_DOW ? "weekday (needs B, D or weekly data)" : part_names[part]);
    }
}

static int push_part(lua_State *L, int part) {
    tn_series *s = tn_series_check(L, 1);
    check_part(L, s, part);
    tn_series *r = tn_series_push_like(L, s, s->n);
    for (size_t i = 0; i < s->n; i++) {
        int y, m, d;
        int64_t day = stamp_day(s->freq, s->start + (int64_t)i);
        tn_civil_from_days(day, &y, &m, &d);
        switch (part) {
        case PART_YEAR:    r->v[i] = tn_period_year(s->freq, s->start + (int64_t)i); break;
        case PART_QUARTER: r->v[i] = (m - 1) / 3 + 1; break;
        case PART_MONTH:   r->v[i] = m; break;
        default:           r->v[i] = tn_weekday(day) + 1; break;
        }
    }
    lua_pushstring(L, part_names[part]);
    tn_series_set_name(L, -2);
    return 1;
}

static int series_year(lua_State *L) { return push_part(L, PART_YEAR); }
static int series_quarter(lua_State *L) { return push_part(L, PART_QUARTER); }
static int series_month(lua_State *L) { return push_part(L, PART_MONTH); }
static int series_day_of_week(lua_State *L) { return push_part(L, PART_DOW); }

/* ------------------------------------------------------------- groupby */

typedef struct { double key, value; size_t at; } kv;

/* By key, then by period: a group keeps its period order (first, last). */
static int kv_cmp(const void *a, const void *b) {
    const kv *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

static int dbl_cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static const char *const stat_names[] = {"mean", "sum", "count", "min", "max", "median",
                                         "std", "var", "first", "last", NULL};

/* One group's statistic over g[0..n-1] (in period order; n >= 1). */
static double group_stat(kv *g, size_t n, int stat) {
    double sum = 0, lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        sum += g[i].value;
        if (g[i].value < lo) lo = g[i].value;
        if (g[i].value > hi) hi = g[i].value;
    }
    double mean = sum / (double)n, ss = 0;
    switch (stat) {
    case 0: return mean;
    case 1: return sum;
    case 2: return (double)n;
    case 3: return lo;
    case 4: return hi;
    case 8: return g[0].value;
    case 9: return g[n - 1].value;
    case 5: {
        for (size_t i = 0; i < n; i++) g[i].key = g[i].value, g[i].at = 0;  /* sort the values */
        qsort(g, n, sizeof *g, kv_cmp);
        return n % 2 ? g[n / 2].key : 0.5 * (g[n / 2 - 1].key + g[n / 2].key);
    }
    default:
        if (n < 2) return NAN;
        for (size_t i = 0; i < n; i++) ss += (g[i].value - mean) * (g[i].value - mean);
        return stat == 6 ? sqrt(ss / (double)(n - 1)) : ss / (double)(n - 1);
    }
}

/* Prints "key  value" rows in key order; the metatable holds the labels. */
static int groupby_tostring(lua_State *L) {
    luaL_Buffer b;
    size_t n = 0;
    double keys[512];
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (lua_type(L, -2) == LUA_TNUMBER && n < 512) keys[n++] = lua_tonumber(L, -2);
        lua_pop(L, 1);
    }
    qsort(keys, n, sizeof *keys, dbl_cmp);
    luaL_buffinit(L, &b);
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "title");
    luaL_addvalue(&b);
    lua_pop(L, 1);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, keys[i]);
        lua_gettable(L, 1);
        double v = lua_tonumber(L, -1);
        lua_pop(L, 1);
        char row[96];
        if (isnan(v)) snprintf(row, sizeof row, "\n  %-10.10g  NA", keys[i]);
        else snprintf(row, sizeof row, "\n  %-10.10g  %.6g", keys[i], v);
        luaL_addstring(&b, row);
    }
    if (n == 512) luaL_addstring(&b, "\n  ... (first 512 keys)");
    luaL_pushresult(&b);
    return 1;
}

static void push_groupby_meta(lua_State *L, const char *stat) {
    char desc1[160], desc2[160];
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, groupby_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "groupby");
    lua_setfield(L, -2, "__name");
    lua_pushfstring(L, "groupby: %s of %s by %s", stat, tn_series_describe(L, 1, desc1, sizeof desc1),
                    tn_series_describe(L, 2, desc2, sizeof desc2));
    lua_setfield(L, -2, "title");
}

/* Collects (key, value) pairs of the common periods, in period order. */
static size_t collect_pairs(const tn_series *s, const tn_series *k, kv *out) {
    int64_t lo = s->start > k->start ? s->start : k->start;
    int64_t hi_s = s->start + (int64_t)s->n, hi_k = k->start + (int64_t)k->n;
    int64_t hi = hi_s < hi_k ? hi_s : hi_k;
    size_t n = 0;
    for (int64_t p = lo; p < hi; p++) {
        double v = s->v[p - s->start], key = k->v[p - k->start];
        if (isnan(v) || isnan(key)) continue;
        out[n].key = key;
        out[n].value = v;
        out[n].at = n;
        n++;
    }
    return n;
}

static int series_groupby(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    tn_series *k = tn_series_test(L, 2);
    if (!k) return tn_arg_error(L, "s:groupby", "key", "must be a series (e.g. s:month())");
    int stat = tn_arg_choice(L, 3, "s:groupby", "stat", "mean", stat_names);
    if (k->freq != s->freq) {
        char d1[160], d2[160];
        return luaL_error(L, "s:groupby: %s and the key %s differ in frequency",
                          tn_series_describe(L, 1, d1, sizeof d1), tn_series_describe(L, 2, d2, sizeof d2));
    }
    kv *pairs = lua_newuserdatauv(L, (s->n ? s->n : 1) * sizeof(kv), 0);
    size_t n = collect_pairs(s, k, pairs);
    qsort(pairs, n, sizeof *pairs, kv_cmp);
    lua_newtable(L);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && pairs[j].key == pairs[i].key) j++;
        double key = pairs[i].key;
        lua_pushnumber(L, key);
        if (key == floor(key) && fabs(key) < 9e15) lua_pushinteger(L, (lua_Integer)key), lua_replace(L, -2);
        lua_pushnumber(L, group_stat(pairs + i, j - i, stat));
        lua_settable(L, -3);
        i = j;
    }
    push_groupby_meta(L, stat_names[stat]);
    lua_setmetatable(L, -2);
    return 1;
}

/* ------------------------------------------------ coalesce, valid ends */

static int series_coalesce(lua_State *L) {
    int nargs = lua_gettop(L);
    if (nargs < 1) return luaL_error(L, "series.coalesce: give one or more series");
    tn_series *first = NULL;
    int64_t lo = 0, hi = 0;
    for (int a = 1; a <= nargs; a++) {
        tn_series *s = tn_series_test(L, a);
        if (!s) return tn_arg_error(L, "series.coalesce", "arguments", "must all be series (argument %d is a %s)", a,
                                    luaL_typename(L, a));
        if (first && s->freq != first->freq) {
            char d1[160], d2[160];
            return luaL_error(L, "series.coalesce: %s and %s differ in frequency; convert one with s:to() first",
                              tn_series_describe(L, 1, d1, sizeof d1), tn_series_describe(L, a, d2, sizeof d2));
        }
        if (!first || s->start < lo) lo = s->start;
        if (!first || s->start + (int64_t)s->n > hi) hi = s->start + (int64_t)s->n;
        if (!first) first = s;
    }
    tn_series *r = tn_series_push(L, first->freq, lo, (size_t)(hi - lo));
    for (int64_t p = lo; p < hi; p++) {
        double v = NAN;
        for (int a = 1; a <= nargs && isnan(v); a++) {
            const tn_series *s = lua_touserdata(L, a);
            if (p >= s->start && p < s->start + (int64_t)s->n) v = s->v[p - s->start];
        }
        r->v[p - lo] = v;
    }
    tn_series_copy_name(L, 1, -1);
    return 1;
}

/* Pushes the period and value of position i, or nil when i < 0. */
static int push_found(lua_State *L, const tn_series *s, int64_t i, int with_value) {
    if (i < 0) { lua_pushnil(L); return 1; }
    char buf[32];
    tn_period_display(s->freq, s->start + i, buf, sizeof buf);
    lua_pushstring(L, buf);
    if (!with_value) return 1;
    lua_pushnumber(L, s->v[i]);
    return 2;
}

static int series_first_valid(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int64_t i = 0;
    while (i < (int64_t)s->n && isnan(s->v[i])) i++;
    return push_found(L, s, i < (int64_t)s->n ? i : -1, 1);
}

static int series_last_valid(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int64_t i = (int64_t)s->n - 1;
    while (i >= 0 && isnan(s->v[i])) i--;
    return push_found(L, s, i, 1);
}

static int series_first_true(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int64_t i = 0;
    while (i < (int64_t)s->n && (isnan(s->v[i]) || s->v[i] == 0)) i++;
    return push_found(L, s, i < (int64_t)s->n ? i : -1, 0);
}

static int64_t period_arg(lua_State *L, int freq, int arg) {
    size_t len;
    const char *str = luaL_tolstring(L, arg, &len), *why = NULL;
    int64_t p;
    if (tn_period_parse(freq, str, len, 0, 0, &p, &why) != 0)
        luaL_error(L, "series.periods_between: cannot read '%s' as a %s period (%s)", str, tn_freq_name(freq), why);
    lua_pop(L, 1);
    return p;
}

static int series_periods_between(lua_State *L) {
    char shown[96];
    const char *code = lua_tostring(L, 3);
    int freq;
    if (lua_type(L, 3) != LUA_TSTRING || tn_freq_parse(code, &freq) != 0)
        return tn_arg_error(L, "series.periods_between", "freq", "must be a frequency: A, Q, M, W, W-FRI, B or D (got %s)",
                            tn_opts_show(L, 3, shown, sizeof shown));
    int64_t a = period_arg(L, freq, 1), b = period_arg(L, freq, 2);
    lua_pushinteger(L, (lua_Integer)(b - a));
    return 1;
}

void tn_calendar_methods_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"year", series_year}, {"quarter", series_quarter}, {"month", series_month},
        {"day_of_week", series_day_of_week}, {"groupby", series_groupby},
        {"first_valid", series_first_valid}, {"last_valid", series_last_valid},
        {"first_true", series_first_true},
        {NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
}

void tn_calendar_register_functions(lua_State *L) {
    static const luaL_Reg functions[] = {
        {"coalesce", series_coalesce}, {"periods_between", series_periods_between},
        {NULL, NULL}
    };
    luaL_setfuncs(L, functions, 0);
}

/*
 * ytd.c -- year-to-date conventions of Chinese releases (累计值).
 *
 *   s:ytd_to_period{janfeb=, allow_negative=}  year-to-date totals -> single periods
 *   s:period_to_ytd()                          single periods -> year-to-date totals
 *   s:fill_janfeb()                            Jan-Feb combined yoy copied into January
 *
 * Monthly or quarterly data only. The first period of a year is its own
 * total; period t is ytd_t − ytd_{t−1} within the year; a missing value
 * makes its own period and the next one missing, never zero.
 *
 * January and February are often released together: January is missing and
 * February holds the Jan–Feb total. There is no right answer, so the caller
 * chooses: janfeb = "split" (half to each month) or "feb" (all to February,
 * January missing). Without a choice such a year is an error.
 *
 * Year-to-date growth rates (累计同比) cannot be turned into single-period
 * rates without levels: de-cumulate the year-to-date levels, then take yoy.
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

static void check_sub_annual(lua_State *L, const tn_series *s, const char *fn) {
    if (s->freq != TN_M && s->freq != TN_Q)
        luaL_error(L, "%s: year-to-date values need monthly or quarterly data, not %s",
                   fn, tn_freq_name(s->freq));
}

/* Position within the year: 0 for January / Q1. */
static int sub_of_year(const tn_series *s, size_t i) {
    int64_t p = s->start + (int64_t)i, per = s->freq == TN_M ? 12 : 4;
    return (int)(((p % per) + per) % per);
}

static const char *opt_str(lua_State *L, int t, const char *key) {
    if (!lua_istable(L, t)) return NULL;
    lua_getfield(L, t, key);
    const char *v = lua_tostring(L, -1);
    lua_pop(L, 1);
    return v;
}

static int opt_bool(lua_State *L, int t, const char *key) {
    if (!lua_istable(L, t)) return 0;
    lua_getfield(L, t, key);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

static const char *period_text(const tn_series *s, size_t i, char *buf, size_t size) {
    tn_period_display(s->freq, s->start + (int64_t)i, buf, size);
    return buf;
}

static int series_ytd_to_period(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    check_sub_annual(L, s, "ytd_to_period");
    tn_opts_check(L, 2, "s:ytd_to_period");
    const char *janfeb = opt_str(L, 2, "janfeb");
    int allow_negative = opt_bool(L, 2, "allow_negative");
    char a[32], b[32];
    tn_series *r = tn_series_push_like(L, s, s->n);
    for (size_t i = 0; i < s->n; i++) {
        int sub = sub_of_year(s, i);
        double x = s->v[i], prev = sub > 0 && i > 0 ? s->v[i - 1] : 0;
        int jan_missing = s->freq == TN_M && sub == 1 && (i == 0 || isnan(s->v[i - 1]));
        if (jan_missing && !isnan(x)) {
            if (!janfeb)
                return luaL_error(L, "ytd_to_period: %s has a value but January is missing: it is probably "
                                  "the Jan-Feb total; choose {janfeb=\"split\"} (half to each month) or "
                                  "{janfeb=\"feb\"} (all to February, January missing)", period_text(s, i, a, sizeof a));
            int split = strcmp(janfeb, "split") == 0;
            if (i > 0) r->v[i - 1] = split ? x / 2 : NAN;
            r->v[i] = split ? x / 2 : x;
            continue;
        }
        if (sub > 0 && i == 0) { r->v[i] = NAN; continue; }   /* the year's start is not in the data */
        if (!allow_negative && !isnan(x) && !isnan(prev) && sub > 0 && x < prev)
            return luaL_error(L, "ytd_to_period: the total falls within the year (%s: %f < %s: %f), so this "
                              "is not a year-to-date total of a non-negative flow; pass {allow_negative=true} "
                              "if single periods can be negative", period_text(s, i, a, sizeof a), x,
                              period_text(s, i - 1, b, sizeof b), prev);
        r->v[i] = x - prev;
    }
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    tn_series_push_meta(L, -1);
    lua_pushliteral(L, "flow");
    lua_setfield(L, -2, "kind");
    if (janfeb) { lua_pushstring(L, janfeb); lua_setfield(L, -2, "janfeb"); }
    lua_pop(L, 1);
    return 1;
}

static int series_period_to_ytd(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    check_sub_annual(L, s, "period_to_ytd");
    tn_series *r = tn_series_push_like(L, s, s->n);
    double acc = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (sub_of_year(s, i) == 0) acc = 0;
        else if (i == 0) acc = NAN;                  /* the year's start is not in the data */
        acc += s->v[i];                              /* NaN stays NaN to the year's end */
        r->v[i] = acc;
    }
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    return 1;
}

/* Single-month yoy series released as a Jan-Feb figure: January takes
   February's value, and meta.janfeb_filled lists the years filled. */
static int series_fill_janfeb(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    if (s->freq != TN_M) return luaL_error(L, "fill_janfeb: needs monthly data, not %s", tn_freq_name(s->freq));
    tn_series *r = tn_series_push_like(L, s, s->n);
    memcpy(r->v, s->v, s->n * sizeof(double));
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    tn_series_push_meta(L, -1);
    lua_newtable(L);
    int k = 0;
    for (size_t i = 1; i < s->n; i++) {
        if (sub_of_year(s, i) == 1 && isnan(s->v[i - 1]) && !isnan(s->v[i])) {
            r->v[i - 1] = s->v[i];
            lua_pushinteger(L, tn_period_year(s->freq, s->start + (int64_t)i));
            lua_rawseti(L, -2, ++k);
        }
    }
    lua_setfield(L, -2, "janfeb_filled");
    lua_pop(L, 1);
    return 1;
}

void tn_ytd_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"ytd_to_period", series_ytd_to_period}, {"period_to_ytd", series_period_to_ytd},
        {"fill_janfeb", series_fill_janfeb}, {NULL, NULL}
    };
    static const tn_opt ytd_opts[] = {
        {"janfeb", "string", "split|feb", -HUGE_VAL, HUGE_VAL, 0, "an error when January is missing",
         "a Jan-Feb total: split half to each month, or all to February", NULL},
        {"allow_negative", "boolean", NULL, -HUGE_VAL, HUGE_VAL, 0, "false",
         "single periods may be negative (the total may fall within the year)", NULL},
        {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
    tn_opts_declare(L, "s:ytd_to_period", ytd_opts);
}

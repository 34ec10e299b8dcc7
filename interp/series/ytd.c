/*
 * ytd.c -- year-to-date conventions of Chinese releases (累计值).
 *
 *   s:ytd_to_period{janfeb=, allow_negative=}  year-to-date totals -> single periods
 *   s:period_to_ytd()                          single periods -> year-to-date totals
 *   s:fill_janfeb{from = ytd | "feb"}          a missing January filled by a stated policy
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
 * A single-month growth rate with no January (当月同比) has the same problem:
 * fill_janfeb needs the policy too, {from = ytd_series} (January and February
 * both take the Jan-Feb year-to-date rate) or {from = "feb"} (January copies
 * February). Copying February is wrong where February holds its own single
 * month, as NBS industrial value added does 2008-14.
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
                return luaL_error(L, "s:ytd_to_period: %s has a value but January is missing: it is probably "
                                  "the Jan-Feb total; choose {janfeb=\"split\"} (half to each month) or "
                                  "{janfeb=\"feb\"} (all to February, January missing)", period_text(s, i, a, sizeof a));
            int split = strcmp(janfeb, "split") == 0;
            if (i > 0) r->v[i - 1] = split ? x / 2 : NAN;
            r->v[i] = split ? x / 2 : x;
            continue;
        }
        if (sub > 0 && i == 0) { r->v[i] = NAN; continue; }   /* the year's start is not in the data */
        if (!allow_negative && !isnan(x) && !isnan(prev) && sub > 0 && x < prev)
            return luaL_error(L, "s:ytd_to_period: the total falls within the year (%s: %f < %s: %f), so this "
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

/* s:fill_janfeb{from = ytd | "feb"}: a single-month series (a yoy rate)
   with no January value in some years. from = a monthly Jan-Feb year-to-date
   series: January and February both take its February value (the Jan-Feb
   rate); from = "feb": January copies February (for files whose February
   already holds the combined figure). A year with a January value is left
   alone; so is one whose source value is missing. When the series starts in
   a February that gets filled, the result starts a month earlier.
   meta.janfeb_filled lists the years filled, meta.janfeb the policy. */
static const tn_opt fill_janfeb_opts[] = {
    {"from", "series|string", "feb", -HUGE_VAL, HUGE_VAL, 0, "none: required",
     "a Jan-Feb year-to-date series (January and February take its February value) or \"feb\" (January copies February)", NULL},
    {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
};

/* The value of monthly series y at period p, NaN outside its span. */
static double value_at(const tn_series *y, int64_t p) {
    return (p < y->start || p >= y->start + (int64_t)y->n) ? NAN : y->v[p - y->start];
}

static const tn_series *janfeb_source(lua_State *L) {
    tn_opts_check(L, 2, "s:fill_janfeb");
    lua_getfield(L, 2, "from");
    if (lua_isnil(L, -1))
        luaL_error(L, "s:fill_janfeb: say where January's value comes from: {from = ytd_series} (January and "
                      "February both take the Jan-Feb year-to-date rate, as for NBS activity data) or "
                      "{from = \"feb\"} (January copies February, when February holds the Jan-Feb figure)");
    if (lua_isstring(L, -1)) return NULL;
    const tn_series *y = tn_series_check(L, lua_gettop(L));
    if (y->freq != TN_M)
        luaL_error(L, "s:fill_janfeb: option 'from' must be a monthly year-to-date series, not %s", tn_freq_name(y->freq));
    return y;                                    /* stays on the stack */
}

static int series_fill_janfeb(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    if (s->freq != TN_M) return luaL_error(L, "s:fill_janfeb: needs monthly data, not %s", tn_freq_name(s->freq));
    const tn_series *ytd = janfeb_source(L);
    int64_t first = s->start;
    if (s->n > 0 && sub_of_year(s, 0) == 1 && !isnan(ytd ? value_at(ytd, first) : s->v[0])) first--;
    size_t n = s->n + (size_t)(s->start - first);
    tn_series *r = tn_series_push(L, TN_M, first, n);
    for (size_t i = 0; i < n; i++) r->v[i] = value_at(s, first + (int64_t)i);
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    tn_series_push_meta(L, -1);
    lua_pushstring(L, ytd ? "ytd" : "feb");
    lua_setfield(L, -2, "janfeb");
    lua_newtable(L);
    int k = 0;
    for (size_t i = 1; i < n; i++) {
        int64_t feb = first + (int64_t)i;
        if (sub_of_year(r, i) != 1 || !isnan(r->v[i - 1])) continue;
        double x = ytd ? value_at(ytd, feb) : r->v[i];
        if (isnan(x)) continue;
        r->v[i - 1] = r->v[i] = x;
        lua_pushinteger(L, tn_period_year(TN_M, feb));
        lua_rawseti(L, -2, ++k);
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
        {"janfeb", "string", "split|feb|seasonal", -HUGE_VAL, HUGE_VAL, 0, "an error when January is missing",
         "a Jan-Feb total: split half to each month, all to February, or by earlier years' pattern and the Spring Festival (seasonal: stdlib/tenor/series.lua)", NULL},
        {"allow_negative", "boolean", NULL, -HUGE_VAL, HUGE_VAL, 0, "false",
         "single periods may be negative (the total may fall within the year)", NULL},
        {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
    tn_opts_declare(L, "s:ytd_to_period", ytd_opts);
    tn_opts_declare(L, "s:fill_janfeb", fill_janfeb_opts);
}

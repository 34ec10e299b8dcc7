/*
 * convert.c -- frequency conversion: s:to(freq, how, {min_obs=}).
 *
 * To a lower frequency (monthly -> quarterly, daily -> monthly ...) the
 * values of each target period are aggregated with how = mean, sum, last,
 * first, min or max. A source period belongs to the target period holding
 * its last day (a week ending Sunday 2 March counts in March). Missing
 * values are skipped, but a target period is missing unless at least
 * min_obs values are present. The default min_obs is every source period
 * of the target (a quarter from 2 of 3 months is missing), except for
 * business-day and daily sources, where holidays are missing by nature and
 * one value is enough. "last" and "first" are the last and first values
 * present.
 *
 * Without how, the series' kind (s.meta.kind) decides: flow -> sum,
 * stock -> last, rate -> mean, index -> mean; the result's meta.aggregation
 * says which was used. Without either it is an error, never a silent mean.
 *
 * To a higher frequency: how = "step" repeats each value over the periods it
 * covers; "linear" places each value on the last sub-period of its period
 * (end-of-period convention) and interpolates linearly between them, so the
 * result is missing before the first period's end and after the last.
 */
#include <math.h>
#include <string.h>

#include "calendar.h"
#include "series.h"

enum { AGG_MEAN, AGG_SUM, AGG_LAST, AGG_FIRST, AGG_MIN, AGG_MAX, DIS_STEP, DIS_LINEAR };
static const char *const how_names[] = {"mean", "sum", "last", "first", "min", "max",
                                        "step", "linear", NULL};

static int64_t target_of(int from, int to, int64_t p) {
    int64_t q;
    tn_period_of_day(to, tn_period_last_day(from, p), &q);   /* never a weekend for A/Q/M/W/D */
    if (to == TN_B) {                                         /* a weekend day's B period: Friday */
        int64_t day = tn_period_last_day(from, p);
        while (tn_period_of_day(to, day, &q) != 0) day--;
    }
    return q;
}

/* Number of source periods whose last day falls in target period q. */
static size_t periods_in(int from, int to, int64_t q) {
    int64_t a, b;
    tn_period_of_day(from, tn_period_first_day(to, q), &a);
    tn_period_of_day(from, tn_period_last_day(to, q), &b);
    if (target_of(from, to, a) != q) a++;
    if (target_of(from, to, b) != q) b--;
    return b >= a ? (size_t)(b - a + 1) : 0;
}

static double aggregate(const double *x, size_t n, int how, size_t min_obs) {
    double acc = 0, first = NAN, last = NAN;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (isnan(v)) continue;
        if (k == 0) first = v, acc = v;
        else if (how == AGG_MIN) acc = v < acc ? v : acc;
        else if (how == AGG_MAX) acc = v > acc ? v : acc;
        else acc += v;
        last = v;
        k++;
    }
    if (k < min_obs || k == 0) return NAN;
    switch (how) {
    case AGG_MEAN: return acc / (double)k;
    case AGG_LAST: return last;
    case AGG_FIRST: return first;
    default: return acc;
    }
}

static int aggregate_to(lua_State *L, tn_series *s, int to, int how, lua_Integer min_obs) {
    if (s->n == 0) return luaL_error(L, "to: the series is empty");
    int64_t q0 = target_of(s->freq, to, s->start);
    int64_t q1 = target_of(s->freq, to, s->start + (int64_t)s->n - 1);
    tn_series *r = tn_series_push(L, to, q0, (size_t)(q1 - q0 + 1));
    int day_source = s->freq == TN_B || s->freq == TN_D;
    size_t i = 0;
    for (int64_t q = q0; q <= q1; q++) {
        size_t j = i;
        while (j < s->n && target_of(s->freq, to, s->start + (int64_t)j) == q) j++;
        size_t need = min_obs > 0 ? (size_t)min_obs
                    : day_source ? 1 : periods_in(s->freq, to, q);
        r->v[q - q0] = aggregate(s->v + i, j - i, how, need);
        i = j;
    }
    return 1;
}

static int disaggregate_to(lua_State *L, tn_series *s, int to, int how) {
    if (s->n == 0) return luaL_error(L, "to: the series is empty");
    int64_t a, b;
    int64_t first_day = tn_period_first_day(s->freq, s->start);
    while (tn_period_of_day(to, first_day, &a) != 0) first_day++;       /* B: skip weekend */
    int64_t last_day = tn_period_last_day(s->freq, s->start + (int64_t)s->n - 1);
    while (tn_period_of_day(to, last_day, &b) != 0) last_day--;
    tn_series *r = tn_series_push(L, to, a, (size_t)(b - a + 1));
    for (size_t k = 0; k < r->n; k++) r->v[k] = NAN;
    int64_t prev_pos = -1;
    double prev = NAN;
    for (size_t i = 0; i < s->n; i++) {
        int64_t p = s->start + (int64_t)i, lo, hi;
        int64_t d0 = tn_period_first_day(s->freq, p), d1 = tn_period_last_day(s->freq, p);
        while (tn_period_of_day(to, d0, &lo) != 0) d0++;
        while (tn_period_of_day(to, d1, &hi) != 0) d1--;
        if (how == DIS_STEP) {
            for (int64_t k = lo; k <= hi; k++) r->v[k - a] = s->v[i];
            continue;
        }
        int64_t pos = hi - a;                          /* end-of-period anchor */
        if (!isnan(s->v[i]) && prev_pos >= 0 && !isnan(prev)) {
            for (int64_t k = prev_pos + 1; k < pos; k++)
                r->v[k] = prev + (s->v[i] - prev) * (double)(k - prev_pos) / (double)(pos - prev_pos);
        }
        r->v[pos] = s->v[i];
        prev_pos = pos, prev = s->v[i];
    }
    return 1;
}

/* how from the series' kind when not given; NULL when the kind is unknown. */
static const char *how_from_kind(lua_State *L) {
    static const char *const kinds[][2] = {
        {"flow", "sum"}, {"stock", "last"}, {"rate", "mean"}, {"index", "mean"}, {NULL, NULL}
    };
    if (lua_getiuservalue(L, 1, 2) != LUA_TTABLE) { lua_pop(L, 1); return NULL; }
    lua_getfield(L, -1, "kind");
    const char *kind = lua_tostring(L, -1);
    lua_pop(L, 2);
    for (int i = 0; kind && kinds[i][0]; i++)
        if (strcmp(kind, kinds[i][0]) == 0) return kinds[i][1];
    return NULL;
}

/* s:to(freq, how, {min_obs=}) */
static int series_to(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    const char *fs = luaL_checkstring(L, 2);
    int to;
    char desc[160];
    if (tn_freq_parse(fs, &to) != 0)
        return luaL_argerror(L, 2, lua_pushfstring(L, "unknown frequency '%s'", fs));
    lua_settop(L, 4);
    const char *how_s = luaL_optstring(L, 3, NULL);
    int from_kind = how_s == NULL;
    if (from_kind && !(how_s = how_from_kind(L)))
        return luaL_error(L, "to: say how to convert %s to %s: s:to('%s', how) with how = mean, sum, "
                          "last, first, min, max (or step, linear to a higher frequency), or set "
                          "s.meta.kind to flow, stock, rate or index",
                          tn_series_describe(L, 1, desc, sizeof desc), tn_freq_name(to), fs);
    lua_pushstring(L, how_s);
    lua_replace(L, 3);
    int how = luaL_checkoption(L, 3, NULL, how_names);
    lua_Integer min_obs = 0;
    if (lua_istable(L, 4)) {
        lua_getfield(L, 4, "min_obs");
        min_obs = luaL_optinteger(L, -1, 0);
        lua_pop(L, 1);
    }
    int up = tn_freq_rank(to) > tn_freq_rank(s->freq);
    if (to == s->freq) return luaL_error(L, "to: %s is already %s", tn_series_describe(L, 1, desc, sizeof desc), tn_freq_name(to));
    if (up && how < DIS_STEP)
        return luaL_error(L, "to: '%s' aggregates to a lower frequency; from %s to %s use 'step' or 'linear'",
                          how_s, tn_freq_name(s->freq), tn_freq_name(to));
    if (!up && how >= DIS_STEP)
        return luaL_error(L, "to: '%s' fills a higher frequency; from %s to %s use mean, sum, last, first, min or max",
                          how_s, tn_freq_name(s->freq), tn_freq_name(to));
    if (up) disaggregate_to(L, s, to, how);
    else aggregate_to(L, s, to, how, min_obs);
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    tn_series_push_meta(L, -1);
    lua_pushstring(L, how_s);
    lua_setfield(L, -2, "aggregation");
    lua_pop(L, 1);
    return 1;
}

void tn_convert_register(lua_State *L) {
    static const luaL_Reg methods[] = {{"to", series_to}, {NULL, NULL}};
    luaL_setfuncs(L, methods, 0);
}

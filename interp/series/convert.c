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
 * To a higher frequency: how = "denton" distributes each value over its
 * sub-periods as smoothly as possible (proportional first-difference
 * Denton, optionally following an indicator series) so that aggregating
 * back with {agg=} (sum, mean, last, first; default from the kind)
 * reproduces the input; how = "step" repeats each value over the periods it
 * covers; "linear" places each value on the last sub-period of its period
 * (end-of-period convention) and interpolates linearly between them, so the
 * result is missing before the first period's end and after the last.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "core/calendar.h"
#include "core/gslerr.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

enum { AGG_MEAN, AGG_SUM, AGG_LAST, AGG_FIRST, AGG_MIN, AGG_MAX, DIS_STEP, DIS_LINEAR,
       DIS_DENTON };
static const char *const how_names[] = {"mean", "sum", "last", "first", "min", "max",
                                        "step", "linear", "denton", NULL};

#define DENTON_MAX 4000      /* unknowns in the dense system: n high + m low periods */

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
    if (s->n == 0) return luaL_error(L, "s:to: the series is empty");
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
    if (s->n == 0) return luaL_error(L, "s:to: the series is empty");
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

/* The sub-periods of low period p in frequency `to`: [*lo, *hi]. */
static void sub_periods(int from, int to, int64_t p, int64_t *lo, int64_t *hi) {
    int64_t d0 = tn_period_first_day(from, p), d1 = tn_period_last_day(from, p);
    while (tn_period_of_day(to, d0, lo) != 0) d0++;
    while (tn_period_of_day(to, d1, hi) != 0) d1--;
}

/* Proportional first-difference Denton (Cholette's variant without the
   first-period condition). With indicator i (1 when none), find x = i·z
   minimising Σ (z_t − z_{t−1})² subject to every low period's aggregate of x
   (sum, mean, first or last of its sub-periods) equalling the low value.
   Solved as the (n+m)×(n+m) KKT system [2D'D C'; C 0][z; λ] = [0; y] by LU,
   so aggregating the result back reproduces the input to rounding. Low
   periods that are missing impose no constraint. */
static int denton_to(lua_State *L, tn_series *s, int to, int agg, const tn_series *ind) {
    int64_t a, b, lo, hi;
    sub_periods(s->freq, to, s->start, &a, &lo);
    sub_periods(s->freq, to, s->start + (int64_t)s->n - 1, &lo, &b);
    size_t n = (size_t)(b - a + 1), m = 0;
    for (size_t k = 0; k < s->n; k++) m += !isnan(s->v[k]);
    if (n + m > DENTON_MAX)
        return luaL_error(L, "s:to: denton solves a dense system; %d periods is more than it takes (%d)",
                          (int)(n + m), DENTON_MAX);
    if (m == 0) return luaL_error(L, "s:to: denton needs at least one value");
    for (size_t t = 0; ind && t < n; t++) {
        int64_t j = a + (int64_t)t - ind->start;
        if (j < 0 || j >= (int64_t)ind->n || isnan(ind->v[j]) || ind->v[j] == 0)
            return luaL_error(L, "s:to: the denton indicator must have a non-zero value in every period of the result");
    }
    tn_series *r = tn_series_push(L, to, a, n);
    size_t dim = n + m;
    gsl_matrix *K = gsl_matrix_calloc(dim, dim);
    gsl_vector *rhs = gsl_vector_calloc(dim), *sol = gsl_vector_alloc(dim);
    gsl_permutation *perm = gsl_permutation_alloc(dim);
    if (!K || !rhs || !sol || !perm) {
        gsl_matrix_free(K); gsl_vector_free(rhs); gsl_vector_free(sol); gsl_permutation_free(perm);
        return luaL_error(L, "s:to: not enough memory for the denton system");
    }
    for (size_t t = 0; t + 1 < n; t++) {            /* 2·D'D, tridiagonal */
        *gsl_matrix_ptr(K, t, t) += 2, *gsl_matrix_ptr(K, t + 1, t + 1) += 2;
        *gsl_matrix_ptr(K, t, t + 1) -= 2, *gsl_matrix_ptr(K, t + 1, t) -= 2;
    }
    size_t row = n;
    for (size_t k = 0; k < s->n; k++) {
        if (isnan(s->v[k])) continue;
        sub_periods(s->freq, to, s->start + (int64_t)k, &lo, &hi);
        for (int64_t p = lo; p <= hi; p++) {
            double w = agg == AGG_SUM ? 1 : agg == AGG_MEAN ? 1.0 / (double)(hi - lo + 1)
                     : (agg == AGG_LAST ? p == hi : p == lo);
            double iv = ind ? ind->v[p - ind->start] : 1;
            gsl_matrix_set(K, row, (size_t)(p - a), w * iv);
            gsl_matrix_set(K, (size_t)(p - a), row, w * iv);
        }
        gsl_vector_set(rhs, row++, s->v[k]);
    }
    int signum, status;
    tn_gsl_error_clear();
    status = gsl_linalg_LU_decomp(K, perm, &signum);
    if (status == GSL_SUCCESS) status = gsl_linalg_LU_solve(K, perm, rhs, sol);
    for (size_t t = 0; status == GSL_SUCCESS && t < n; t++)
        r->v[t] = gsl_vector_get(sol, t) * (ind ? ind->v[a + (int64_t)t - ind->start] : 1);
    gsl_matrix_free(K); gsl_vector_free(rhs); gsl_vector_free(sol); gsl_permutation_free(perm);
    if (status != GSL_SUCCESS)
        return luaL_error(L, "s:to: the denton system could not be solved: %s",
                          tn_gsl_error_message() ? tn_gsl_error_message() : gsl_strerror(status));
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

/* The position of s in names; s is one of them (checked or from the kind). */
static int name_index(const char *const names[], const char *s) {
    int i = 0;
    while (names[i + 1] && strcmp(names[i], s) != 0) i++;
    return i;
}

static const tn_opt to_opts[] = {
    {"min_obs", "integer", NULL, 1, HUGE_VAL, 0, "every sub-period (one for B, D)",
     "fewest values present in a period to aggregate it (pandas' min_count)", "min_count"},
    {"agg", "string", "mean|sum|last|first", -HUGE_VAL, HUGE_VAL, 0, "from s.meta.kind",
     "denton: how the result adds up to the series", NULL},
    {"indicator", "series", NULL, -HUGE_VAL, HUGE_VAL, 0, "none (a smooth path)",
     "denton: a series at the target frequency whose movements the result follows", NULL},
    {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
};

/* Refuses a conversion to the same frequency, or a how of the other
   direction (aggregating to a higher frequency, filling a lower one). */
static void check_direction(lua_State *L, const tn_series *s, int to, int up, int how, const char *how_s) {
    char desc[160];
    if (to == s->freq)
        luaL_error(L, "s:to: %s is already %s", tn_series_describe(L, 1, desc, sizeof desc), tn_freq_name(to));
    if (up && how < DIS_STEP)
        luaL_error(L, "s:to: '%s' aggregates to a lower frequency; from %s to %s use 'step' or 'linear'",
                   how_s, tn_freq_name(s->freq), tn_freq_name(to));
    if (!up && how >= DIS_STEP)
        luaL_error(L, "s:to: '%s' fills a higher frequency; from %s to %s use mean, sum, last, first, min or max",
                   how_s, tn_freq_name(s->freq), tn_freq_name(to));
}

/* s:to(freq, 'denton', {agg=, indicator=}): agg from s.meta.kind when not
   given; pushes the result. */
static void denton_with_opts(lua_State *L, tn_series *s, int to) {
    static const char *const aggs[] = {"mean", "sum", "last", "first", NULL};
    char desc[160];
    lua_getfield(L, 4, "agg");
    const char *agg_s = lua_tostring(L, -1);
    lua_getfield(L, 4, "indicator");
    tn_series *ind = lua_isnil(L, -1) ? NULL : tn_series_check(L, -1);
    if (ind && ind->freq != to)
        tn_arg_error(L, "s:to", "option 'indicator'", "must be %s for denton", tn_freq_name(to));
    if (!agg_s) agg_s = how_from_kind(L);
    if (!agg_s) luaL_error(L, "s:to: denton needs {agg=\"sum\"|\"mean\"|\"last\"|\"first\"} "
                           "(how the result adds up to %s), or s.meta.kind", tn_series_describe(L, 1, desc, sizeof desc));
    denton_to(L, s, to, name_index(aggs, agg_s), ind);
}

/* s:to(freq, how, {min_obs=, agg=, indicator=}) */
static int series_to(lua_State *L) {
    char desc[160], shown[96];
    tn_series *s = tn_series_check(L, 1);
    const char *fs = lua_tostring(L, 2);
    int to;
    if (lua_type(L, 2) != LUA_TSTRING || tn_freq_parse(fs, &to) != 0)
        return tn_arg_error(L, "s:to", "freq", "must be a frequency: A, Q, M, W, W-FRI, B or D (got %s)",
                            tn_opts_show(L, 2, shown, sizeof shown));
    lua_settop(L, 4);
    tn_opts_check(L, 4, "s:to");
    const char *how_s = lua_isnil(L, 3) ? NULL : how_names[tn_arg_choice(L, 3, "s:to", "how", NULL, how_names)];
    if (!how_s && !(how_s = how_from_kind(L)))
        return luaL_error(L, "s:to: say how to convert %s to %s: s:to('%s', how) with how = mean, sum, "
                          "last, first, min, max (or step, linear to a higher frequency), or set "
                          "s.meta.kind to flow, stock, rate or index",
                          tn_series_describe(L, 1, desc, sizeof desc), tn_freq_name(to), fs);
    int how = name_index(how_names, how_s);
    lua_getfield(L, 4, "min_obs");
    lua_Integer min_obs = lua_tointeger(L, -1);  /* 0 when absent: aggregate any value present */
    lua_pop(L, 1);
    int up = tn_freq_rank(to) > tn_freq_rank(s->freq);
    check_direction(L, s, to, up, how, how_s);
    if (how == DIS_DENTON) denton_with_opts(L, s, to);
    else if (up) disaggregate_to(L, s, to, how);
    else aggregate_to(L, s, to, how, min_obs);
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    tn_series_push_meta(L, -1);
    lua_pushstring(L, how_s);
    lua_setfield(L, -2, "aggregation");
    lua_pop(L, 1);
    if (how == DIS_LINEAR || how == DIS_DENTON)   /* each value is spread over periods before it */
        tn_series_mark_lookahead(L, -1, how == DIS_LINEAR ? "to(..., 'linear') interpolates from later values"
                                                         : "to(..., 'denton') interpolates from later values");
    return 1;
}

void tn_convert_register(lua_State *L) {
    static const luaL_Reg methods[] = {{"to", series_to}, {NULL, NULL}};
    luaL_setfuncs(L, methods, 0);
    tn_opts_declare(L, "s:to", to_opts);
}

/*
 * series_stats.c -- whole-series statistics and the filling of gaps.
 *
 * Statistics skip missing values and return two results: the statistic
 * (nil when it is undefined, e.g. the mean of no values or the standard
 * deviation of one) and the number of values it used.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

/* Neumaier's compensated sum of the non-missing values; *k gets the count. */
static double sum_present(const tn_series *s, size_t *k) {
    double sum = 0, c = 0;
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++) {
        double x = s->v[i];
        if (isnan(x)) continue;
        double t = sum + x;
        c += fabs(sum) >= fabs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
        n++;
    }
    *k = n;
    return sum + c;
}

static int push_stat(lua_State *L, int defined, double v, size_t k) {
    if (defined) lua_pushnumber(L, v);
    else lua_pushnil(L);
    lua_pushinteger(L, (lua_Integer)k);
    return 2;
}

static int series_count(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) k += !isnan(s->v[i]);
    lua_pushinteger(L, (lua_Integer)k);
    return 1;
}

static int series_sum(lua_State *L) {
    size_t k;
    double v = sum_present(tn_series_check(L, 1), &k);
    return push_stat(L, 1, v, k);    /* the sum of no values is 0 */
}

static int series_mean(lua_State *L) {
    size_t k;
    double v = sum_present(tn_series_check(L, 1), &k);
    return push_stat(L, k > 0, k ? v / (double)k : 0, k);
}

/* Degrees-of-freedom correction: s:std() is the sample statistic (ddof 1,
   as pandas, R, gretl and EViews); s:std(0) or s:std{ddof=0} population. */
static const tn_opt ddof_opts[] = {
    {"ddof", "integer", NULL, 0, 1, 0, "1", "1 sample, 0 population", NULL},
    {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
};

static int opt_ddof(lua_State *L, int arg, const char *fn) {
    if (lua_type(L, arg) == LUA_TNUMBER || lua_isnoneornil(L, arg)) {
        lua_Integer d = tn_arg_integer(L, arg, fn, "ddof", 1, 0);
        if (d > 1) tn_arg_error(L, fn, "ddof", "must be 0 or 1 (got %I)", (LUAI_UACINT)d);
        return (int)d;
    }
    tn_opts_check(L, arg, fn);
    lua_getfield(L, arg, "ddof");
    int d = lua_isnil(L, -1) ? 1 : (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return d;
}

/* Two-pass variance: the mean first, then squared deviations from it.
   Deviations of values near the ends of the double range are scaled by
   2^-e first (exact), as their squares would leave it (1e-300² is 0):
   *var is then the variance of the scaled values, *e the exponent to
   scale back by (0 for everything else, so those results are unchanged). */
static int variance(lua_State *L, double *var, int *e, size_t *k, const char *fn) {
    tn_series *s = tn_series_check(L, 1);
    int ddof = opt_ddof(L, 2, fn);
    double mean = sum_present(s, k), ss = 0, c = 0, big = 0;
    *e = 0;
    if (*k == 0) return 0;
    mean /= (double)*k;
    for (size_t i = 0; i < s->n; i++) if (!isnan(s->v[i])) big = fmax(big, fabs(s->v[i] - mean));
    int ex = 0;
    if (big > 0 && isfinite(big)) frexp(big, &ex);
    if (ex > -400 && ex < 400) ex = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (isnan(s->v[i])) continue;
        double d = ldexp(s->v[i] - mean, -ex);
        ss += d * d;
        c += d;
    }
    if (*k <= (size_t)ddof) return 0;
    *var = (ss - c * c / (double)*k) / (double)(*k - (size_t)ddof);
    *e = ex;
    return 1;
}

static int series_var(lua_State *L) {
    double v = 0;
    size_t k;
    int e, ok = variance(L, &v, &e, &k, "s:var");
    return push_stat(L, ok, ldexp(v, 2 * e), k);
}

static int series_std(lua_State *L) {
    double v = 0;
    size_t k;
    int e, ok = variance(L, &v, &e, &k, "s:std");
    return push_stat(L, ok, ldexp(sqrt(v), e), k);
}

static int extreme(lua_State *L, int want_max) {
    tn_series *s = tn_series_check(L, 1);
    double best = 0;
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        double x = s->v[i];
        if (isnan(x)) continue;
        if (k++ == 0 || (want_max ? x > best : x < best)) best = x;
    }
    return push_stat(L, k > 0, best, k);
}
static int series_min(lua_State *L) { return extreme(L, 0); }
static int series_max(lua_State *L) { return extreme(L, 1); }

/* s:idxmin() / s:idxmax(): the period of the smallest / largest value (the
   first one on ties), nil when every value is missing. */
static int arg_extreme(lua_State *L, int want_max) {
    tn_series *s = tn_series_check(L, 1);
    size_t best = s->n;
    for (size_t i = 0; i < s->n; i++) {
        double x = s->v[i];
        if (isnan(x)) continue;
        if (best == s->n || (want_max ? x > s->v[best] : x < s->v[best])) best = i;
    }
    if (best == s->n) { lua_pushnil(L); return 1; }
    char buf[32];
    tn_period_display(s->freq, s->start + (int64_t)best, buf, sizeof buf);
    lua_pushstring(L, buf);
    return 1;
}
static int series_idxmin(lua_State *L) { return arg_extreme(L, 0); }
static int series_idxmax(lua_State *L) { return arg_extreme(L, 1); }

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Quantile by linear interpolation between order statistics (R's type 7,
   the default of R, numpy and pandas): h = (k-1)q, x[floor h] + frac(h)·Δ. */
static int quantile_of(lua_State *L, double q) {
    tn_series *s = tn_series_check(L, 1);
    size_t k = 0;
    double *buf = lua_newuserdatauv(L, s->n * sizeof(double) + 1, 0); /* GC-owned */
    for (size_t i = 0; i < s->n; i++)
        if (!isnan(s->v[i])) buf[k++] = s->v[i];
    if (k == 0) return push_stat(L, 0, 0, 0);
    qsort(buf, k, sizeof *buf, cmp_double);
    double h = (double)(k - 1) * q;
    size_t lo = (size_t)floor(h);
    double v = lo + 1 < k ? buf[lo] + (h - (double)lo) * (buf[lo + 1] - buf[lo]) : buf[lo];
    return push_stat(L, 1, v, k);
}

static int series_quantile(lua_State *L) {
    char shown[96];
    double q = lua_tonumber(L, 2);
    if (lua_type(L, 2) != LUA_TNUMBER || !(q >= 0 && q <= 1))
        tn_arg_error(L, "s:quantile", "q", "must be a number in [0, 1] (got %s)", tn_opts_show(L, 2, shown, sizeof shown));
    lua_settop(L, 1);
    return quantile_of(L, q);
}

static int series_median(lua_State *L) {
    lua_settop(L, 1);
    return quantile_of(L, 0.5);
}

/* ------------------------------------------------------------- filling */

/* Fills each run of missing values; at most 'limit' values per run, counted
   from the side the fill comes from (pandas' convention). Linear filling
   interpolates by position between the values around the run, and leaves
   leading and trailing runs alone. */
static void fill_runs(const double *x, double *r, size_t n, int method, size_t limit) {
    memcpy(r, x, n * sizeof *r);
    size_t i = 0;
    while (i < n) {
        if (!isnan(x[i])) { i++; continue; }
        size_t a = i;
        while (i < n && isnan(x[i])) i++;        /* run [a, i) */
        int has_before = a > 0, has_after = i < n;
        for (size_t j = a; j < i; j++) {
            size_t from_start = j - a, from_end = i - 1 - j;
            if (method == 'f' && has_before && from_start < limit) r[j] = x[a - 1];
            else if (method == 'b' && has_after && from_end < limit) r[j] = x[i];
            else if (method == 'l' && has_before && has_after && from_start < limit) {
                double w = (double)(j - a + 1) / (double)(i - a + 1);
                r[j] = x[a - 1] + w * (x[i] - x[a - 1]);
            }
        }
    }
}

/* s:fill(method, {limit=}) with method "ffill", "bfill", "linear", or a
   number to put in every gap. */
static int series_fill(lua_State *L) {
    static const char *const methods[] = {"ffill", "bfill", "linear", NULL};
    tn_series *s = tn_series_check(L, 1);
    int m = lua_type(L, 2) == LUA_TNUMBER ? -1 : tn_arg_choice(L, 2, "s:fill", "method", NULL, methods);
    size_t limit = (size_t)-1;
    tn_opts_check(L, 3, "s:fill");
    if (lua_getfield(L, 3, "limit") != LUA_TNIL) limit = (size_t)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (m < 0) {
        double c = lua_tonumber(L, 2);
        tn_series *r = tn_series_push_like(L, s, s->n);
        size_t run = 0;
        for (size_t i = 0; i < s->n; i++) {
            run = isnan(s->v[i]) ? run + 1 : 0;
            r->v[i] = run > 0 && run <= limit ? c : s->v[i];
        }
    } else {
        tn_series *r = tn_series_push_like(L, s, s->n);
        fill_runs(s->v, r->v, s->n, "fbl"[m], limit);
    }
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    if (m == 1) tn_series_mark_lookahead(L, -1, "fill('bfill') uses later values");
    if (m == 2) tn_series_mark_lookahead(L, -1, "fill('linear') uses later values");
    return 1;
}

/* Pearson correlation (and covariance) of two series of one frequency over
   the periods where both have values (pairwise-complete, as pandas' corr and
   R's use="pairwise.complete.obs"). Covariance is the sample one (n-1). */
static int co_moments(lua_State *L, double *cov, double *corr, size_t *k) {
    tn_series *a = tn_series_check(L, 1), *b = tn_series_check(L, 2);
    if (a->freq != b->freq) {
        char da[128], db[128], fn[80];
        return luaL_error(L, "%s: %s and %s have different frequencies; convert one with :to()",
                          tn_running_name(L, fn, sizeof fn), tn_series_describe(L, 1, da, sizeof da),
                          tn_series_describe(L, 2, db, sizeof db));
    }
    int64_t lo = a->start > b->start ? a->start : b->start;
    int64_t ahi = a->start + (int64_t)a->n, bhi = b->start + (int64_t)b->n;
    int64_t hi = ahi < bhi ? ahi : bhi;
    double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0;
    size_t n = 0;
    for (int64_t p = lo; p < hi; p++) {
        double x = a->v[p - a->start], y = b->v[p - b->start];
        if (isnan(x) || isnan(y)) continue;
        n++, ma += x, mb += y;
    }
    *k = n;
    if (n < 2) return 0;
    ma /= (double)n, mb /= (double)n;
    for (int64_t p = lo; p < hi; p++) {
        double x = a->v[p - a->start], y = b->v[p - b->start];
        if (isnan(x) || isnan(y)) continue;
        saa += (x - ma) * (x - ma), sbb += (y - mb) * (y - mb), sab += (x - ma) * (y - mb);
    }
    *cov = sab / (double)(n - 1);
    *corr = saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : NAN;
    return 1;
}

static int series_corr(lua_State *L) {
    double cov = 0, corr = 0;
    size_t k;
    int ok = co_moments(L, &cov, &corr, &k);
    return push_stat(L, ok && !isnan(corr), corr, k);
}

static int series_cov(lua_State *L) {
    double cov = 0, corr = 0;
    size_t k;
    int ok = co_moments(L, &cov, &corr, &k);
    return push_stat(L, ok, cov, k);
}

void tn_series_stats_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"count", series_count}, {"sum", series_sum}, {"mean", series_mean},
        {"var", series_var}, {"std", series_std}, {"min", series_min},
        {"max", series_max}, {"quantile", series_quantile},
        {"median", series_median}, {"fill", series_fill},
        {"corr", series_corr}, {"cov", series_cov},
        {"idxmin", series_idxmin}, {"idxmax", series_idxmax},
        {NULL, NULL}
    };
    static const tn_opt fill_opts[] = {
        {"limit", "integer", NULL, 1, HUGE_VAL, 0, "no limit", "fill at most this many values of each gap (pandas' limit)", NULL},
        {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
    tn_opts_declare(L, "s:std", ddof_opts);
    tn_opts_declare(L, "s:var", ddof_opts);
    tn_opts_declare(L, "s:fill", fill_opts);
}

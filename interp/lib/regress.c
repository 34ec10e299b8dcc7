/*
 * regress.c -- the C side of the `regress` module:
 *
 *   regress._ols(y, cols, names, opts) -> result table
 *
 * y and cols are all series (time series: aligned on the common span, rows
 * with any missing value dropped) or all arrays of one length (cross
 * section). names are the regressors' names in order; opts.const (default
 * true) adds an intercept named "const" in front. stdlib/tenor/regress.lua
 * builds regress.ols on top and gives the result its printing and methods.
 * The numerical work is in ols.c; the statistics' definitions are there
 * and in the comments below.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>

#include "core/calendar.h"
#include "core/gslerr.h"
#include "core/ols.h"
#include "series/series.h"
#include "lib/tnlib.h"

typedef struct {
    size_t k, ncols, n;        /* coefficients, given columns, rows used */
    int with_const, is_series;
    int freq;
    int64_t lo, hi;            /* common span (series) */
    double *X, *y;             /* n*k column-major (column j at X + j*n), n */
    int64_t *period;           /* period of each used row (series) */
} design;

static const char *const cov_names[] = {"classical", "HC0", "HC1", "HC2", "HC3", "HAC", NULL};

/* Length (array) or span (series) checks, then the rows where every value
   is present. Buffers are GC-owned userdata left on the stack. */
static void build_design(lua_State *L, int yi, int ci, design *d) {
    tn_series *ys = tn_series_test(L, yi);
    d->is_series = ys != NULL;
    d->ncols = lua_rawlen(L, ci);
    d->k = d->ncols + (size_t)d->with_const;
    if (d->k == 0) luaL_error(L, "regress.ols: no regressors and no constant");
    size_t ylen = ys ? ys->n : lua_rawlen(L, yi);
    if (ys) { d->freq = ys->freq; d->lo = ys->start; d->hi = ys->start + (int64_t)ys->n - 1; }
    for (size_t j = 1; j <= d->ncols; j++) {
        lua_rawgeti(L, ci, (lua_Integer)j);
        tn_series *xs = tn_series_test(L, -1);
        if ((xs != NULL) != d->is_series)
            luaL_error(L, "regress.ols: regressor %d is %s but y is %s; use series for all or arrays for all",
                       (int)j, xs ? "a series" : "not a series", d->is_series ? "a series" : "an array");
        if (xs && xs->freq != d->freq) {
            char a[160], b[160];
            luaL_error(L, "regress.ols: %s and %s differ in frequency; convert with :to() first",
                       tn_series_describe(L, yi, a, sizeof a), tn_series_describe(L, -1, b, sizeof b));
        }
        if (xs) {
            if (xs->start > d->lo) d->lo = xs->start;
            if (xs->start + (int64_t)xs->n - 1 < d->hi) d->hi = xs->start + (int64_t)xs->n - 1;
        } else if (lua_rawlen(L, -1) != ylen) {
            luaL_error(L, "regress.ols: regressor %d has %d values, y has %d", (int)j,
                       (int)lua_rawlen(L, -1), (int)ylen);
        }
        lua_pop(L, 1);
    }
    if (d->k > 64) luaL_error(L, "regress.ols: at most 64 coefficients");
    tn_series *xcol[64];
    for (size_t j = 0; d->is_series && j < d->ncols; j++) {
        lua_rawgeti(L, ci, (lua_Integer)j + 1);
        xcol[j] = tn_series_test(L, -1);     /* kept alive by the cols table */
        lua_pop(L, 1);
    }
    size_t rows = d->is_series ? (d->hi >= d->lo ? (size_t)(d->hi - d->lo + 1) : 0) : ylen;
    d->X = lua_newuserdatauv(L, rows * d->k * sizeof(double) + 1, 0);
    d->y = lua_newuserdatauv(L, rows * sizeof(double) + 1, 0);
    d->period = lua_newuserdatauv(L, rows * sizeof(int64_t) + 1, 0);
    /* gather column pointers (series) or read arrays row by row */
    d->n = 0;
    double xrow[64];
    for (size_t r = 0; r < rows; r++) {
        int64_t p = d->lo + (int64_t)r;
        double yv;
        if (d->is_series) yv = ys->v[p - ys->start];
        else { lua_rawgeti(L, yi, (lua_Integer)r + 1); yv = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN; lua_pop(L, 1); }
        int ok = !isnan(yv);
        if (d->with_const) xrow[0] = 1;
        for (size_t j = 0; ok && j < d->ncols; j++) {
            double v;
            if (d->is_series) {
                v = xcol[j]->v[p - xcol[j]->start];
            } else {
                lua_rawgeti(L, ci, (lua_Integer)j + 1);
                lua_rawgeti(L, -1, (lua_Integer)r + 1);
                v = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
                lua_pop(L, 2);
            }
            xrow[j + (size_t)d->with_const] = v;
            ok = !isnan(v);
        }
        if (!ok) continue;
        for (size_t j = 0; j < d->k; j++) d->X[j * rows + d->n] = xrow[j];
        d->y[d->n] = yv;
        d->period[d->n] = p;
        d->n++;
    }
    for (size_t j = 1; j < d->k && d->n < rows; j++)     /* close up the columns */
        memmove(d->X + j * d->n, d->X + j * rows, d->n * sizeof(double));
}

static void set_number(lua_State *L, const char *key, double v) {
    lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

/* A table name -> value for a vector of k statistics. */
static void set_named(lua_State *L, int names, const char *key, const double *v, size_t k) {
    lua_createtable(L, 0, (int)k);
    for (size_t j = 0; j < k; j++) {
        lua_rawgeti(L, names, (lua_Integer)j + 1);
        lua_pushnumber(L, v[j]);
        lua_rawset(L, -3);
    }
    lua_setfield(L, -2, key);
}

/* Wald test that all coefficients but the constant are zero, with the
   chosen covariance: F = b'(C)^-1 b / q. For the classical covariance this
   is the usual F = (R²/q) / ((1−R²)/(n−k)). */
static double wald_f(const tn_ols_fit *fit, int with_const, size_t *q_out) {
    size_t k = fit->k, c = (size_t)with_const, q = k - c;
    *q_out = q;
    if (q == 0) return NAN;
    gsl_matrix *C = gsl_matrix_alloc(q, q);
    gsl_vector *b = gsl_vector_alloc(q), *x = gsl_vector_alloc(q);
    gsl_permutation *perm = gsl_permutation_alloc(q);
    double f = NAN;
    int sign;
    if (C && b && x && perm) {
        for (size_t i = 0; i < q; i++) {
            gsl_vector_set(b, i, fit->beta[i + c]);
            for (size_t j = 0; j < q; j++) gsl_matrix_set(C, i, j, fit->cov[(i + c) * k + j + c]);
        }
        if (gsl_linalg_LU_decomp(C, perm, &sign) == GSL_SUCCESS &&
            gsl_linalg_LU_solve(C, perm, b, x) == GSL_SUCCESS) {
            double s = 0;
            for (size_t i = 0; i < q; i++) s += fit->beta[i + c] * gsl_vector_get(x, i);
            f = s / (double)q;
        }
    }
    gsl_matrix_free(C); gsl_vector_free(b); gsl_vector_free(x); gsl_permutation_free(perm);
    return f;
}

static void push_series_or_array(lua_State *L, const design *d, const double *v) {
    if (d->is_series) {
        tn_series *s = tn_series_push(L, d->freq, d->period[0], (size_t)(d->period[d->n - 1] - d->period[0] + 1));
        for (size_t i = 0; i < s->n; i++) s->v[i] = NAN;
        for (size_t t = 0; t < d->n; t++) s->v[d->period[t] - d->period[0]] = v[t];
    } else {
        lua_createtable(L, (int)d->n, 0);
        for (size_t t = 0; t < d->n; t++) { lua_pushnumber(L, v[t]); lua_rawseti(L, -2, (lua_Integer)t + 1); }
    }
}

/* Goodness of fit and information criteria (gretl's and statsmodels'
   definitions): R² centred with a constant, uncentred without;
   loglik = −n/2·(ln 2π + ln(SSR/n) + 1); AIC = −2ll + 2k; BIC = −2ll + k ln n;
   HQ = −2ll + 2k ln ln n; DW = Σ(e_t − e_{t−1})²/Σe_t² over the rows used. */
static void push_fit_stats(lua_State *L, const design *d, const tn_ols_fit *fit) {
    size_t n = d->n, k = d->k;
    double mean = 0, tss = 0, dw = 0;
    for (size_t t = 0; t < n; t++) mean += d->y[t];
    mean /= (double)n;
    for (size_t t = 0; t < n; t++) {
        double dev = d->with_const ? d->y[t] - mean : d->y[t];
        tss += dev * dev;
        if (t > 0) dw += (fit->resid[t] - fit->resid[t - 1]) * (fit->resid[t] - fit->resid[t - 1]);
    }
    double r2 = 1 - fit->ssr / tss;
    double ll = -0.5 * (double)n * (log(2 * M_PI) + log(fit->ssr / (double)n) + 1);
    set_number(L, "r2", r2);
    set_number(L, "adj_r2", 1 - (1 - r2) * (double)(n - (size_t)d->with_const) / (double)(n - k));
    set_number(L, "ssr", fit->ssr);
    set_number(L, "sigma", sqrt(fit->sigma2));
    set_number(L, "loglik", ll);
    set_number(L, "aic", -2 * ll + 2 * (double)k);
    set_number(L, "bic", -2 * ll + (double)k * log((double)n));
    set_number(L, "hq", -2 * ll + 2 * (double)k * log(log((double)n)));
    set_number(L, "dw", dw / fit->ssr);
    set_number(L, "ymean", mean);
}

static void push_inference(lua_State *L, int names, const design *d, const tn_ols_fit *fit, int use_t) {
    size_t k = d->k, df = d->n - k;
    double se[64], tv[64], pv[64], lo[64], hi[64];
    double crit = use_t ? gsl_cdf_tdist_Qinv(0.025, (double)df) : gsl_cdf_ugaussian_Qinv(0.025);
    for (size_t j = 0; j < k; j++) {
        se[j] = sqrt(fit->cov[j * k + j]);
        tv[j] = fit->beta[j] / se[j];
        pv[j] = 2 * (use_t ? gsl_cdf_tdist_Q(fabs(tv[j]), (double)df) : gsl_cdf_ugaussian_Q(fabs(tv[j])));
        lo[j] = fit->beta[j] - crit * se[j];
        hi[j] = fit->beta[j] + crit * se[j];
    }
    set_named(L, names, "coef", fit->beta, k);
    set_named(L, names, "se", se, k);
    set_named(L, names, "t", tv, k);
    set_named(L, names, "p", pv, k);
    set_named(L, names, "ci_low", lo, k);
    set_named(L, names, "ci_high", hi, k);
    size_t q;
    double f = wald_f(fit, d->with_const, &q);
    set_number(L, "f", f);
    set_number(L, "f_p", isnan(f) ? NAN : gsl_cdf_fdist_Q(f, (double)q, (double)df));
    lua_createtable(L, (int)k, 0);                    /* cov as rows */
    for (size_t a = 0; a < k; a++) {
        lua_createtable(L, (int)k, 0);
        for (size_t b = 0; b < k; b++) { lua_pushnumber(L, fit->cov[a * k + b]); lua_rawseti(L, -2, (lua_Integer)b + 1); }
        lua_rawseti(L, -2, (lua_Integer)a + 1);
    }
    lua_setfield(L, -2, "cov");
}

static int collinear_error(lua_State *L, int names, const design *d, const tn_ols_fit *fit) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "regress.ols: the regressors are collinear: ");
    lua_rawgeti(L, names, fit->collinear + 1);
    luaL_addvalue(&b);
    int any = 0;
    for (int j = 0; j < fit->collinear; j++) {
        if (!fit->depends_on[j]) continue;
        luaL_addstring(&b, any ? ", " : " is a linear combination of ");
        lua_rawgeti(L, names, j + 1);
        luaL_addvalue(&b);
        any = 1;
    }
    if (!any) luaL_addstring(&b, " is zero or constant where it should vary");
    luaL_addstring(&b, " (in the rows used); drop one of them");
    (void)d;
    luaL_pushresult(&b);
    return lua_error(L);
}

static int regress_ols(lua_State *L) {
    design d;
    memset(&d, 0, sizeof d);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    if (!tn_series_test(L, 1)) luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 4);
    if (!lua_istable(L, 4)) { lua_newtable(L); lua_replace(L, 4); }
    lua_getfield(L, 4, "const");
    d.with_const = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_getfield(L, 4, "cov");
    int cov = luaL_checkoption(L, -1, "classical", cov_names);
    lua_getfield(L, 4, "lag");
    lua_getfield(L, 4, "use_t");
    int use_t = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_Integer lag_opt = lua_isnil(L, -2) ? -1 : luaL_checkinteger(L, -2);
    lua_pop(L, 4);
    lua_newtable(L);                                  /* all names, const first */
    int names = lua_gettop(L);
    if (d.with_const) { lua_pushliteral(L, "const"); lua_rawseti(L, names, 1); }
    for (size_t j = 1; j <= lua_rawlen(L, 3); j++) {
        lua_rawgeti(L, 3, (lua_Integer)j);
        lua_rawseti(L, names, (lua_Integer)j + d.with_const);
    }
    build_design(L, 1, 2, &d);
    if (d.n <= d.k) return luaL_error(L, "regress.ols: %d usable rows for %d coefficients", (int)d.n, (int)d.k);
    int lag = lag_opt >= 0 ? (int)lag_opt : tn_ols_nw_lag(d.n);
    tn_ols_fit fit;
    fit.beta = lua_newuserdatauv(L, d.k * sizeof(double), 0);
    fit.cov = lua_newuserdatauv(L, d.k * d.k * sizeof(double), 0);
    fit.resid = lua_newuserdatauv(L, d.n * sizeof(double), 0);
    fit.depends_on = lua_newuserdatauv(L, d.k * sizeof(int), 0);
    tn_gsl_error_clear();
    int status = tn_ols(d.X, d.y, d.n, d.k, cov, lag, &fit);
    if (status == -1) return collinear_error(L, names, &d, &fit);
    if (status == TN_OLS_INTERRUPTED) return tn_raise_interrupted(L, "regress.ols");
    if (status != 0)
        return luaL_error(L, "regress.ols: the fit failed: %s",
                          tn_gsl_error_message() ? tn_gsl_error_message() : "out of memory");
    lua_createtable(L, 0, 32);
    int res = lua_gettop(L);
    lua_pushvalue(L, names);
    lua_setfield(L, res, "names");
    push_inference(L, names, &d, &fit, use_t);
    push_fit_stats(L, &d, &fit);
    lua_pushinteger(L, (lua_Integer)d.n); lua_setfield(L, res, "nobs");
    lua_pushinteger(L, (lua_Integer)(d.n - d.k)); lua_setfield(L, res, "df_resid");
    lua_pushinteger(L, (lua_Integer)d.k); lua_setfield(L, res, "k");
    lua_pushstring(L, cov_names[cov]); lua_setfield(L, res, "cov_type");
    if (cov == TN_COV_HAC) { lua_pushinteger(L, lag); lua_setfield(L, res, "hac_lag"); }
    lua_pushboolean(L, use_t); lua_setfield(L, res, "use_t");
    lua_pushboolean(L, d.with_const); lua_setfield(L, res, "const");
    push_series_or_array(L, &d, fit.resid);
    lua_setfield(L, res, "resid");
    double *fitted = lua_newuserdatauv(L, d.n * sizeof(double), 0);
    for (size_t t = 0; t < d.n; t++) fitted[t] = d.y[t] - fit.resid[t];
    push_series_or_array(L, &d, fitted);
    lua_setfield(L, res, "fitted");
    lua_pop(L, 1);
    if (d.is_series) {
        char buf[32];
        tn_period_display(d.freq, d.period[0], buf, sizeof buf);
        lua_pushstring(L, buf); lua_setfield(L, res, "first");
        tn_period_display(d.freq, d.period[d.n - 1], buf, sizeof buf);
        lua_pushstring(L, buf); lua_setfield(L, res, "last");
    }
    return 1;
}

static const luaL_Reg regress_functions[] = {
    {"_ols", regress_ols},
    {NULL, NULL}
};

void tn_rolling_register(lua_State *L);
int luaopen_regress(lua_State *L) {
    luaL_newlib(L, regress_functions);
    tn_rolling_register(L);
    return 1;
}

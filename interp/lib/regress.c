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

/* Length (array) or span (series) checks: d->lo..hi, the shared span of
   series; xcol the regressors when they are series. */
static void design_span(lua_State *L, int yi, int ci, design *d, tn_series *ys, tn_series **xcol) {
    size_t ylen = ys ? ys->n : lua_rawlen(L, yi);
    if (ys) { d->freq = ys->freq; d->lo = ys->start; d->hi = ys->start + (int64_t)ys->n - 1; }
    for (size_t j = 1; j <= d->ncols; j++) {
        lua_rawgeti(L, ci, (lua_Integer)j);
        tn_series *xs = xcol[j - 1] = tn_series_test(L, -1);     /* kept alive by the cols table */
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
}

/* The value of y (col 0) or regressor col (1-based) in row r (0-based). */
static double design_cell(lua_State *L, int yi, int ci, const design *d, tn_series *ys,
                          tn_series **xcol, size_t col, size_t r) {
    int64_t p = d->lo + (int64_t)r;
    if (d->is_series) return col == 0 ? ys->v[p - ys->start] : xcol[col - 1]->v[p - xcol[col - 1]->start];
    if (col > 0) lua_rawgeti(L, ci, (lua_Integer)col);
    lua_rawgeti(L, col > 0 ? -1 : yi, (lua_Integer)r + 1);
    double v = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
    lua_pop(L, col > 0 ? 2 : 1);
    return v;
}

/* An infinite value is an error, not a row to drop: it is data gone wrong
   (a division by zero upstream), and fitting it gives NaN everywhere. */
static void infinite_error(lua_State *L, int names, const design *d, size_t col, size_t r) {
    char when[32];
    if (d->is_series) tn_period_display(d->freq, d->lo + (int64_t)r, when, sizeof when);
    else snprintf(when, sizeof when, "row %d", (int)r + 1);
    if (col > 0) lua_rawgeti(L, names, (lua_Integer)(col + (size_t)d->with_const));
    luaL_error(L, "regress.ols: %s%s%s has an infinite value at %s; fix or remove it (missing values are skipped, infinite ones are not)",
               col > 0 ? "regressor '" : "y", col > 0 ? lua_tostring(L, -1) : "", col > 0 ? "'" : "", when);
}

/* The design: rows where y and every regressor are present. Buffers are
   GC-owned userdata left on the stack. names: all names, const first. */
static void build_design(lua_State *L, int yi, int ci, int names, design *d) {
    tn_series *ys = tn_series_test(L, yi), *xcol[64];
    d->is_series = ys != NULL;
    d->ncols = lua_rawlen(L, ci);
    d->k = d->ncols + (size_t)d->with_const;
    if (d->k == 0) luaL_error(L, "regress.ols: no regressors and no constant");
    if (d->k > 64) luaL_error(L, "regress.ols: at most 64 coefficients");
    design_span(L, yi, ci, d, ys, xcol);
    size_t rows = d->is_series ? (d->hi >= d->lo ? (size_t)(d->hi - d->lo + 1) : 0) : lua_rawlen(L, yi);
    d->X = lua_newuserdatauv(L, rows * d->k * sizeof(double) + 1, 0);
    d->y = lua_newuserdatauv(L, rows * sizeof(double) + 1, 0);
    d->period = lua_newuserdatauv(L, rows * sizeof(int64_t) + 1, 0);
    d->n = 0;
    double row[65];                            /* y, then the regressors */
    for (size_t r = 0; r < rows; r++) {
        int ok = 1;
        for (size_t c = 0; ok && c <= d->ncols; c++) {
            row[c] = design_cell(L, yi, ci, d, ys, xcol, c, r);
            if (isinf(row[c])) infinite_error(L, names, d, c, r);
            ok = !isnan(row[c]);
        }
        if (!ok) continue;
        if (d->with_const) d->X[d->n] = 1;
        for (size_t c = 1; c <= d->ncols; c++) d->X[(c - 1 + (size_t)d->with_const) * rows + d->n] = row[c];
        d->y[d->n] = row[0];
        d->period[d->n] = d->lo + (int64_t)r;
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
   HQ = −2ll + 2k ln ln n; DW = Σ(e_t − e_{t−1})²/Σe_t² over the rows used.
   With y constant every one of them divides by zero or takes log 0: they
   are NA, and regress_ols adds a note saying why. */
static void push_fit_stats(lua_State *L, const design *d, const tn_ols_fit *fit, int y_const) {
    size_t n = d->n, k = d->k;
    double mean = 0, tss = 0, dw = 0;
    for (size_t t = 0; t < n; t++) mean += d->y[t];
    mean /= (double)n;
    for (size_t t = 0; t < n; t++) {
        double dev = d->with_const ? d->y[t] - mean : d->y[t];
        tss += dev * dev;
        if (t > 0) dw += (fit->resid[t] - fit->resid[t - 1]) * (fit->resid[t] - fit->resid[t - 1]);
    }
    double r2 = y_const ? NAN : 1 - fit->ssr / tss;
    double ll = y_const ? NAN : -0.5 * (double)n * (log(2 * M_PI) + log(fit->ssr / (double)n) + 1);
    set_number(L, "r2", r2);
    set_number(L, "adj_r2", 1 - (1 - r2) * (double)(n - (size_t)d->with_const) / (double)(n - k));
    set_number(L, "ssr", fit->ssr);
    set_number(L, "sigma", sqrt(fit->sigma2));
    set_number(L, "loglik", ll);
    set_number(L, "aic", -2 * ll + 2 * (double)k);
    set_number(L, "bic", -2 * ll + (double)k * log((double)n));
    set_number(L, "hq", -2 * ll + 2 * (double)k * log(log((double)n)));
    set_number(L, "dw", y_const ? NAN : dw / fit->ssr);
    set_number(L, "ymean", mean);
}

/* t, p and intervals; NA for a constant y (se 0 up to rounding: the
   ratios would be noise). */
static void push_inference(lua_State *L, int names, const design *d, const tn_ols_fit *fit, int use_t,
                           int y_const) {
    size_t k = d->k, df = d->n - k;
    double tv[64], pv[64], lo[64], hi[64];
    const double *se = fit->se;
    double crit = use_t ? gsl_cdf_tdist_Qinv(0.025, (double)df) : gsl_cdf_ugaussian_Qinv(0.025);
    for (size_t j = 0; j < k; j++) {
        tv[j] = y_const ? NAN : fit->beta[j] / se[j];
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
    double f = y_const ? NAN : wald_f(fit, d->with_const, &q);
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

typedef struct { int cov, use_t; lua_Integer lag; } ols_opts;

/* Options at 4 (checked in stdlib by args.check; the C side still refuses
   a negative lag, which once meant "the default"); leaves the table of all
   names, const first, on the stack and returns its index. */
static int read_options(lua_State *L, design *d, ols_opts *o) {
    lua_settop(L, 4);
    if (!lua_istable(L, 4)) { lua_newtable(L); lua_replace(L, 4); }
    lua_getfield(L, 4, "const");
    d->with_const = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_getfield(L, 4, "cov");
    o->cov = luaL_checkoption(L, -1, "classical", cov_names);
    lua_getfield(L, 4, "use_t");
    o->use_t = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_getfield(L, 4, "lag");
    o->lag = lua_isnil(L, -1) ? -1 : luaL_checkinteger(L, -1);
    if (!lua_isnil(L, -1) && o->lag < 0) luaL_error(L, "regress.ols: lag must be 0 or more (got %d)", (int)o->lag);
    lua_pop(L, 4);
    lua_newtable(L);
    int names = lua_gettop(L);
    if (d->with_const) { lua_pushliteral(L, "const"); lua_rawseti(L, names, 1); }
    for (size_t j = 1; j <= lua_rawlen(L, 3); j++) {
        lua_rawgeti(L, 3, (lua_Integer)j);
        lua_rawseti(L, names, (lua_Integer)j + d->with_const);
    }
    return names;
}

/* fit.notes: why some statistics are NA. */
static void push_notes(lua_State *L, const design *d, const tn_ols_fit *fit, int cov, int y_const) {
    lua_newtable(L);
    if (y_const)
        lua_pushfstring(L, "y is constant (%f) in the rows used: R², t, p, F and the likelihood are undefined (NA)",
                        d->y[0]);
    if (y_const) lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    if (fit->leverage_one >= 0) {
        char when[32];
        if (d->is_series) tn_period_display(d->freq, d->period[fit->leverage_one], when, sizeof when);
        else snprintf(when, sizeof when, "row %d", fit->leverage_one + 1);
        lua_pushfstring(L, "%s standard errors are undefined (NA): the observation at %s has leverage 1 "
                        "(it alone determines a coefficient); use HC0 or HC1, or drop the dummy", cov_names[cov], when);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    }
    lua_setfield(L, -2, "notes");
}

/* Fitted values, residuals and the sample's dates into the result on top. */
static void push_sample(lua_State *L, const design *d, const tn_ols_fit *fit) {
    push_series_or_array(L, d, fit->resid);
    lua_setfield(L, -2, "resid");
    double *fitted = lua_newuserdatauv(L, d->n * sizeof(double), 0);
    for (size_t t = 0; t < d->n; t++) fitted[t] = d->y[t] - fit->resid[t];
    push_series_or_array(L, d, fitted);
    lua_setfield(L, -3, "fitted");
    lua_pop(L, 1);
    if (d->is_series) {
        char buf[32];
        tn_period_display(d->freq, d->period[0], buf, sizeof buf);
        lua_pushstring(L, buf); lua_setfield(L, -2, "first");
        tn_period_display(d->freq, d->period[d->n - 1], buf, sizeof buf);
        lua_pushstring(L, buf); lua_setfield(L, -2, "last");
    }
}

static int regress_ols(lua_State *L) {
    design d;
    ols_opts o;
    memset(&d, 0, sizeof d);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    if (!tn_series_test(L, 1)) luaL_checktype(L, 1, LUA_TTABLE);
    int names = read_options(L, &d, &o);
    build_design(L, 1, 2, names, &d);
    if (d.n <= d.k) return luaL_error(L, "regress.ols: %d usable rows for %d coefficients", (int)d.n, (int)d.k);
    int lag = o.lag >= 0 ? (int)o.lag : tn_ols_nw_lag(d.n);
    tn_ols_fit fit = {0};
    fit.beta = lua_newuserdatauv(L, d.k * sizeof(double), 0);
    fit.cov = lua_newuserdatauv(L, d.k * d.k * sizeof(double), 0);
    fit.se = lua_newuserdatauv(L, d.k * sizeof(double), 0);
    fit.resid = lua_newuserdatauv(L, d.n * sizeof(double), 0);
    fit.depends_on = lua_newuserdatauv(L, d.k * sizeof(int), 0);
    tn_gsl_error_clear();
    int status = tn_ols(d.X, d.y, d.n, d.k, o.cov, lag, &fit);
    if (status == -1) return collinear_error(L, names, &d, &fit);
    if (status == TN_OLS_INTERRUPTED) return tn_raise_interrupted(L, "regress.ols");
    if (status != 0)
        return luaL_error(L, "regress.ols: the fit failed: %s",
                          tn_gsl_error_message() ? tn_gsl_error_message() : "out of memory");
    int y_const = 1;
    for (size_t t = 1; t < d.n && y_const; t++) y_const = d.y[t] == d.y[0];
    lua_createtable(L, 0, 32);
    int res = lua_gettop(L);
    lua_pushvalue(L, names);
    lua_setfield(L, res, "names");
    push_inference(L, names, &d, &fit, o.use_t, y_const);
    push_fit_stats(L, &d, &fit, y_const);
    push_notes(L, &d, &fit, o.cov, y_const);
    lua_pushinteger(L, (lua_Integer)d.n); lua_setfield(L, res, "nobs");
    lua_pushinteger(L, (lua_Integer)(d.n - d.k)); lua_setfield(L, res, "df_resid");
    lua_pushinteger(L, (lua_Integer)d.k); lua_setfield(L, res, "k");
    lua_pushstring(L, cov_names[o.cov]); lua_setfield(L, res, "cov_type");
    if (o.cov == TN_COV_HAC) { lua_pushinteger(L, lag); lua_setfield(L, res, "hac_lag"); }
    lua_pushboolean(L, o.use_t); lua_setfield(L, res, "use_t");
    lua_pushboolean(L, d.with_const); lua_setfield(L, res, "const");
    push_sample(L, &d, &fit);
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

/*
 * tsa.c -- the C side of the `tsa` module (time-series econometrics):
 *
 *   tsa._adf(s, trend, maxlag|nil, autolag) -> {stat, gamma, p, lags, nobs, icbest, crit = {c1, c5, c10}}
 *   tsa._kpss(s, trend, lags|nil)           -> {stat, p, lags, outside, crit = {c10, c5, c2.5, c1}}
 *   tsa._pp(s, trend, lags, convention)     -> {z_tau, z_rho, rho, t, gamma0, lrv, nobs}
 *   tsa._pp_lags(nrows, long)                -> the short or long Bartlett truncation lag
 *   tsa._fuller_rho(stat, trend, nobs)       -> p, outside, {c1, c5, c10} (Fuller's table)
 *   tsa._mackinnon(tau, trend, N, nobs)      -> p, {c1, c5, c10} (nil when not tabulated)
 *   tsa._fdist_q(f, d1, d2), _chi2_q(x, df), _norm_p(z), _norm_ppf(p): distributions
 *   tsa._solve(A, b) -> x with A x = b (A an array of rows), nil when singular
 *
 * s is a series without missing values (stdlib/tenor/tsa.lua trims and
 * checks it and words the errors); trend is "n", "c" or "ct"; autolag is
 * "none", "aic", "bic" or "t". The numbers are computed in core/unitroot.c.
 */
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>

#include "core/gslerr.h"
#include "core/ols.h"
#include "core/unitroot.h"
#include "series/series.h"
#include "lib/tnlib.h"
#include "lib/tsa.h"

static const char *const trend_names[] = {"n", "c", "ct", NULL};
static const char *const autolag_names[] = {"none", "aic", "bic", "t", NULL};
static const char *const pp_conventions[] = {"hamilton", "tseries", "urca", NULL};

static void set_number(lua_State *L, const char *key, double v) {
    lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

void tn_tsa_push_flat(lua_State *L, const double *x, size_t n) {
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) { lua_pushnumber(L, x[i]); lua_rawseti(L, -2, (lua_Integer)i + 1); }
}

static int tsa_adf(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int trend = luaL_checkoption(L, 2, NULL, trend_names);
    int maxlag = (int)luaL_optinteger(L, 3, -1);
    int autolag = luaL_checkoption(L, 4, NULL, autolag_names);
    tn_adf_result r;
    tn_gsl_error_clear();
    int st = tn_adf(s->v, s->n, trend, maxlag, autolag, &r);
    if (st == -1) return luaL_error(L, "tsa.adf: too few observations (%d) for the lags", (int)s->n);
    if (st == -2) return luaL_error(L, "tsa.adf: the regression is singular (is the series constant?)");
    if (st != 0) return luaL_error(L, "tsa.adf: out of memory");
    double crit[3];
    lua_createtable(L, 0, 8);
    set_number(L, "stat", r.stat);
    set_number(L, "gamma", r.gamma);
    set_number(L, "p", tn_mackinnon_p(r.stat, trend, 1));
    set_number(L, "icbest", r.icbest);
    lua_pushinteger(L, r.lags); lua_setfield(L, -2, "lags");
    lua_pushinteger(L, r.maxlag); lua_setfield(L, -2, "max_lags");
    lua_pushinteger(L, (lua_Integer)r.nobs); lua_setfield(L, -2, "nobs");
    tn_mackinnon_crit(1, trend, (double)r.nobs, crit);
    tn_tsa_push_flat(L, crit, 3);
    lua_setfield(L, -2, "crit");
    return 1;
}

static int tsa_kpss(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int trend = luaL_checkoption(L, 2, NULL, trend_names);
    int lags = (int)luaL_optinteger(L, 3, -1), used = 0, outside;
    if (trend == TN_TREND_N) return luaL_error(L, "tsa.kpss: trend must be \"c\" or \"ct\"");
    tn_gsl_error_clear();
    double stat = tn_kpss(s->v, s->n, trend, lags, &used), crit[4];
    if (isnan(stat)) return luaL_error(L, "tsa.kpss: the detrended series is zero (is it constant or a pure trend?)");
    double p = tn_kpss_p(stat, trend, &outside, crit);
    lua_createtable(L, 0, 6);
    set_number(L, "stat", stat);
    set_number(L, "p", p);
    lua_pushinteger(L, used); lua_setfield(L, -2, "lags");
    lua_pushinteger(L, outside); lua_setfield(L, -2, "outside");
    tn_tsa_push_flat(L, crit, 4);
    lua_setfield(L, -2, "crit");
    return 1;
}

static int tsa_pp(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    int trend = luaL_checkoption(L, 2, NULL, trend_names);
    int lags = (int)luaL_checkinteger(L, 3);
    int convention = luaL_checkoption(L, 4, NULL, pp_conventions);
    tn_pp_result r;
    tn_gsl_error_clear();
    int st = tn_pp(s->v, s->n, trend, lags, convention, &r);
    if (st == -1) return luaL_error(L, "tsa.pp: too few observations (%d) for %d lags", (int)s->n, lags);
    if (st == -2) return luaL_error(L, "tsa.pp: the regression is singular (is the series constant or a pure trend?)");
    if (st == TN_OLS_INTERRUPTED) return tn_raise_interrupted(L, "tsa.pp");
    if (st == -5) return luaL_error(L, "tsa.pp: the regression fits exactly (no residual variance)");
    if (st == -6) return luaL_error(L, "tsa.pp: convention \"urca\" has no trend \"n\"");
    if (st != 0) return luaL_error(L, "tsa.pp: out of memory");
    lua_createtable(L, 0, 8);
    set_number(L, "z_tau", r.z_tau);
    set_number(L, "z_rho", r.z_rho);
    set_number(L, "rho", r.rho);
    set_number(L, "t", r.t);
    set_number(L, "gamma0", r.gamma0);
    set_number(L, "lrv", r.lrv);
    lua_pushinteger(L, (lua_Integer)r.nobs); lua_setfield(L, -2, "nobs");
    return 1;
}

static int tsa_pp_lags(lua_State *L) {
    lua_Integer n = luaL_checkinteger(L, 1);
    lua_pushinteger(L, tn_pp_lags(n > 0 ? (size_t)n : 0, lua_toboolean(L, 2)));
    return 1;
}

static int tsa_fuller_rho(lua_State *L) {
    double stat = luaL_checknumber(L, 1), crit[3];
    int trend = luaL_checkoption(L, 2, NULL, trend_names), outside;
    double p = tn_df_rho_p(stat, trend, luaL_checknumber(L, 3), &outside, crit);
    lua_pushnumber(L, p);
    lua_pushinteger(L, outside);
    tn_tsa_push_flat(L, crit, 3);
    return 3;
}

static int tsa_mackinnon(lua_State *L) {
    double tau = luaL_checknumber(L, 1);
    int trend = luaL_checkoption(L, 2, NULL, trend_names);
    int N = (int)luaL_checkinteger(L, 3);
    double nobs = luaL_optnumber(L, 4, 0), crit[3];
    lua_pushnumber(L, tn_mackinnon_p(tau, trend, N));
    if (tn_mackinnon_crit(N, trend, nobs, crit) == 0) tn_tsa_push_flat(L, crit, 3);
    else lua_pushnil(L);
    return 2;
}

/* Upper tail of F(d1, d2) at f. */
static int tsa_fdist_q(lua_State *L) {
    double f = luaL_checknumber(L, 1), d1 = luaL_checknumber(L, 2), d2 = luaL_checknumber(L, 3);
    lua_pushnumber(L, gsl_cdf_fdist_Q(f, d1, d2));
    return 1;
}

/* Upper tail of chi²(df) at x. */
static int tsa_chi2_q(lua_State *L) {
    lua_pushnumber(L, gsl_cdf_chisq_Q(luaL_checknumber(L, 1), luaL_checknumber(L, 2)));
    return 1;
}

/* Standard normal cdf at z. */
static int tsa_norm_p(lua_State *L) {
    lua_pushnumber(L, gsl_cdf_ugaussian_P(luaL_checknumber(L, 1)));
    return 1;
}

/* x = A^-1 b for a q×q A (array of rows) by LU; nil when singular. */
static int tsa_solve(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    size_t q = lua_rawlen(L, 2);
    luaL_argcheck(L, q > 0 && q <= 4096 && lua_rawlen(L, 1) == q, 1, "a square matrix matching b");
    gsl_matrix *A = gsl_matrix_alloc(q, q);
    gsl_vector *b = gsl_vector_alloc(q), *x = gsl_vector_alloc(q);
    gsl_permutation *perm = gsl_permutation_alloc(q);
    int ok = A && b && x && perm, sign;
    double amax = 0;
    for (size_t i = 0; ok && i < q; i++) {
        lua_rawgeti(L, 2, (lua_Integer)i + 1);
        gsl_vector_set(b, i, lua_tonumber(L, -1));
        lua_rawgeti(L, 1, (lua_Integer)i + 1);
        for (size_t j = 0; j < q; j++) {
            lua_rawgeti(L, -1, (lua_Integer)j + 1);
            gsl_matrix_set(A, i, j, lua_tonumber(L, -1));
            amax = fmax(amax, fabs(lua_tonumber(L, -1)));
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    tn_gsl_error_clear();
    ok = ok && gsl_linalg_LU_decomp(A, perm, &sign) == GSL_SUCCESS;
    for (size_t i = 0; ok && i < q; i++)                 /* a pivot at rounding level: singular */
        if (!(fabs(gsl_matrix_get(A, i, i)) > 1e-13 * amax)) ok = 0;
    ok = ok && gsl_linalg_LU_solve(A, perm, b, x) == GSL_SUCCESS;
    if (ok) {
        lua_createtable(L, (int)q, 0);
        for (size_t i = 0; i < q; i++) { lua_pushnumber(L, gsl_vector_get(x, i)); lua_rawseti(L, -2, (lua_Integer)i + 1); }
    } else lua_pushnil(L);
    gsl_matrix_free(A); gsl_vector_free(b); gsl_vector_free(x); gsl_permutation_free(perm);
    return 1;
}

/* Standard normal quantile at p. */
static int tsa_norm_ppf(lua_State *L) {
    lua_pushnumber(L, gsl_cdf_ugaussian_Pinv(luaL_checknumber(L, 1)));
    return 1;
}

static const luaL_Reg tsa_functions[] = {
    {"_norm_ppf", tsa_norm_ppf},
    {"_solve", tsa_solve},
    {"_chi2_q", tsa_chi2_q},
    {"_norm_p", tsa_norm_p},
    {"_fdist_q", tsa_fdist_q},
    {"_adf", tsa_adf},
    {"_kpss", tsa_kpss},
    {"_pp", tsa_pp},
    {"_pp_lags", tsa_pp_lags},
    {"_fuller_rho", tsa_fuller_rho},
    {"_mackinnon", tsa_mackinnon},
    {NULL, NULL}
};

int luaopen_tsa(lua_State *L) {
    luaL_newlib(L, tsa_functions);
    tn_tsa_var_register(L);
    tn_tsa_arima_register(L);
    tn_tsa_acf_register(L);
    return 1;
}

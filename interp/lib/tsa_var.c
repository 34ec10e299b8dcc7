/*
 * tsa_var.c -- the VAR part of the tsa module's C side: a model userdata
 * ("tenor.var") holding the fitted core/var.c model and its data.
 *
 *   tsa._var_fit(cols, p, trend, offset) -> model   cols: K arrays of n numbers (no NaN)
 *   model:_coef() -> flat m*K (B[r*K + i]);  model:_info() -> {T, m, aic, bic, hqic, fpe, logdet}
 *   model:_sigma() -> flat K*K Σ_u;  model:_zzinv() -> flat m*m;  model:_resid() -> flat T*K
 *   model:_ma(H, orth) -> flat (H+1)*K*K;  model:_fevd(H) -> flat H*K*K
 *   model:_irf_var(H, orth) -> flat (H+1)*K*K lag-coefficient part of the response variances
 *   model:_roots() -> moduli
 *   model:_forecast(H) -> mean (H*K), var (H*K)
 *   model:_bootstrap(H, orth, reps, seed, level) -> lo, hi (flat (H+1)*K*K), on tn_var_threads()
 *       threads; raises "var:irf: interrupted" on Ctrl-C
 *
 * Errors are raised with plain messages; stdlib/tenor/var.lua words them
 * for the analyst (series names, what to change).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "core/gslerr.h"
#include "core/var.h"
#include "lib/tnlib.h"
#include "lib/tsa.h"
#include "series/series.h"

#define VAR_MT "tenor.var"

typedef struct {
    tn_var *v;
    double *Y;          /* n*K data, row-major */
    size_t n;
} var_ud;

static int var_gc(lua_State *L) {
    var_ud *u = luaL_checkudata(L, 1, VAR_MT);
    tn_var_free(u->v); u->v = NULL;
    free(u->Y); u->Y = NULL;
    return 0;
}

static var_ud *check_var(lua_State *L) {
    var_ud *u = luaL_checkudata(L, 1, VAR_MT);
    if (!u->v) luaL_error(L, "tsa.var: the model was freed");
    return u;
}

/* A scratch buffer of n doubles owned by the Lua stack (freed by the GC). */
static double *scratch(lua_State *L, size_t n) {
    return lua_newuserdatauv(L, (n ? n : 1) * sizeof(double), 0);
}

static const char *fit_message(int st) {
    switch (st) {
    case -1: return "too few observations for the lags";
    case -2: return "the lagged regressors are collinear";
    case -4: return "the residual covariance is singular";
    default: return "out of memory";
    }
}

static int var_fit(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    size_t K = lua_rawlen(L, 1), n = 0;
    lua_Integer p = luaL_checkinteger(L, 2);
    int trend = lua_toboolean(L, 3);
    lua_Integer offset = luaL_optinteger(L, 4, 0);
    if (K == 0 || p < 0 || offset < 0) return luaL_error(L, "tsa.var: bad arguments");
    lua_rawgeti(L, 1, 1);
    n = lua_rawlen(L, -1);
    lua_pop(L, 1);
    var_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->v = NULL, u->Y = NULL, u->n = n;
    luaL_setmetatable(L, VAR_MT);
    u->Y = malloc((n ? n : 1) * K * sizeof *u->Y);
    if (!u->Y) return luaL_error(L, "tsa.var: out of memory");
    for (size_t i = 0; i < K; i++) {
        lua_rawgeti(L, 1, (lua_Integer)i + 1);
        if (lua_rawlen(L, -1) != n) return luaL_error(L, "tsa.var: columns differ in length");
        for (size_t t = 0; t < n; t++) {
            lua_rawgeti(L, -1, (lua_Integer)t + 1);
            u->Y[t * K + i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    size_t T = n > (size_t)(p + offset) ? n - (size_t)(p + offset) : 0;
    u->v = tn_var_new(K, (size_t)p, T, trend);
    if (!u->v) return luaL_error(L, "tsa.var: out of memory");
    tn_gsl_error_clear();
    int st = tn_var_fit(u->v, u->Y, n, (size_t)offset);
    if (st != 0) return luaL_error(L, "%s", fit_message(st));
    return 1;
}

static int var_coef(lua_State *L) {
    var_ud *u = check_var(L);
    tn_tsa_push_flat(L, u->v->B, u->v->m * u->v->K);
    return 1;
}

static int var_sigma(lua_State *L) {
    var_ud *u = check_var(L);
    tn_tsa_push_flat(L, u->v->sigma_u, u->v->K * u->v->K);
    return 1;
}

static int var_zzinv(lua_State *L) {
    var_ud *u = check_var(L);
    tn_tsa_push_flat(L, u->v->zzinv, u->v->m * u->v->m);
    return 1;
}

static int var_resid(lua_State *L) {
    var_ud *u = check_var(L);
    tn_tsa_push_flat(L, u->v->resid, u->v->T * u->v->K);
    return 1;
}

static int var_info(lua_State *L) {
    var_ud *u = check_var(L);
    double aic, bic, hqic, fpe;
    tn_var_ic(u->v, &aic, &bic, &hqic, &fpe);
    lua_createtable(L, 0, 7);
    lua_pushinteger(L, (lua_Integer)u->v->T); lua_setfield(L, -2, "T");
    lua_pushinteger(L, (lua_Integer)u->v->m); lua_setfield(L, -2, "m");
    lua_pushnumber(L, aic); lua_setfield(L, -2, "aic");
    lua_pushnumber(L, bic); lua_setfield(L, -2, "bic");
    lua_pushnumber(L, hqic); lua_setfield(L, -2, "hqic");
    lua_pushnumber(L, fpe); lua_setfield(L, -2, "fpe");
    lua_pushnumber(L, u->v->logdet_mle); lua_setfield(L, -2, "logdet");
    return 1;
}

static size_t check_h(lua_State *L, int arg) {
    lua_Integer H = luaL_checkinteger(L, arg);
    luaL_argcheck(L, H >= 0 && H <= 10000, arg, "horizon out of range");
    return (size_t)H;
}

static int var_ma(lua_State *L) {
    var_ud *u = check_var(L);
    size_t H = check_h(L, 2), K = u->v->K, E = (H + 1) * K * K;
    int orth = lua_toboolean(L, 3);
    double *Phi = scratch(L, E);
    tn_var_ma(u->v, H, Phi);
    if (orth) {
        double *P = scratch(L, K * K), *Theta = scratch(L, E);
        if (tn_var_chol(u->v->sigma_u, K, P) != 0) return luaL_error(L, "the residual covariance is singular");
        tn_var_orth(Phi, H, K, P, Theta);
        Phi = Theta;
    }
    tn_tsa_push_flat(L, Phi, E);
    return 1;
}

static int var_fevd(lua_State *L) {
    var_ud *u = check_var(L);
    size_t H = check_h(L, 2), K = u->v->K, E = (H + 1) * K * K;
    luaL_argcheck(L, H >= 1, 2, "horizon must be at least 1");
    double *Phi = scratch(L, E), *P = scratch(L, K * K), *Theta = scratch(L, E), *D = scratch(L, H * K * K);
    tn_var_ma(u->v, H, Phi);
    if (tn_var_chol(u->v->sigma_u, K, P) != 0) return luaL_error(L, "the residual covariance is singular");
    tn_var_orth(Phi, H, K, P, Theta);
    tn_var_fevd(Theta, H, K, D);
    tn_tsa_push_flat(L, D, H * K * K);
    return 1;
}

static int var_irf_var(lua_State *L) {
    var_ud *u = check_var(L);
    size_t H = check_h(L, 2), K = u->v->K, E = (H + 1) * K * K;
    int orth = lua_toboolean(L, 3);
    double *Phi = scratch(L, E), *var = scratch(L, E), *P = scratch(L, K * K);
    tn_var_ma(u->v, H, Phi);
    if (orth && tn_var_chol(u->v->sigma_u, K, P) != 0) return luaL_error(L, "the residual covariance is singular");
    if (tn_var_irf_var(u->v, H, Phi, orth ? P : NULL, var) != 0) return luaL_error(L, "out of memory");
    tn_tsa_push_flat(L, var, E);
    return 1;
}

static int var_roots(lua_State *L) {
    var_ud *u = check_var(L);
    size_t n = u->v->K * u->v->p;
    double *mod = scratch(L, n);
    tn_gsl_error_clear();
    if (tn_var_roots(u->v, mod) != 0) return luaL_error(L, "the eigenvalues of the companion matrix failed");
    tn_tsa_push_flat(L, mod, n);
    return 1;
}

static int var_forecast(lua_State *L) {
    var_ud *u = check_var(L);
    size_t H = check_h(L, 2), K = u->v->K;
    double *mean = scratch(L, H * K), *var = scratch(L, H * K);
    if (tn_var_forecast(u->v, u->Y, u->n, H, mean, var) != 0) return luaL_error(L, "out of memory");
    tn_tsa_push_flat(L, mean, H * K);
    tn_tsa_push_flat(L, var, H * K);
    return 2;
}

static int var_bootstrap(lua_State *L) {
    var_ud *u = check_var(L);
    size_t H = check_h(L, 2), E = (H + 1) * u->v->K * u->v->K;
    int orth = lua_toboolean(L, 3);
    lua_Integer reps = luaL_checkinteger(L, 4), seed = luaL_checkinteger(L, 5);
    double level = luaL_checknumber(L, 6);
    luaL_argcheck(L, reps >= 2, 4, "at least 2 draws");
    double *lo = scratch(L, E), *hi = scratch(L, E);
    tn_gsl_error_clear();
    int st = tn_var_bootstrap(u->v, u->Y, u->n, H, orth, (size_t)reps, (unsigned long)seed, level,
                              tn_var_threads(), lo, hi);
    if (st == -5) return tn_raise_interrupted(L, "var:irf");
    if (st == -2)
        return luaL_error(L, "var:irf: a bootstrap draw could not be fitted (collinear regressors or a singular "
                             "residual covariance); the model is fragile");
    if (st != 0) {
        char gb[32];
        snprintf(gb, sizeof gb, "%.3g", (double)reps * (double)E * 8e-9);
        return luaL_error(L, "var:irf: out of memory for %I draws of %d responses (%s GB); lower reps",
                          reps, (int)E, gb);
    }
    tn_tsa_push_flat(L, lo, E);
    tn_tsa_push_flat(L, hi, E);
    return 2;
}

static const luaL_Reg var_methods[] = {
    {"_coef", var_coef}, {"_sigma", var_sigma}, {"_zzinv", var_zzinv}, {"_resid", var_resid},
    {"_info", var_info}, {"_ma", var_ma}, {"_fevd", var_fevd}, {"_irf_var", var_irf_var},
    {"_roots", var_roots}, {"_forecast", var_forecast}, {"_bootstrap", var_bootstrap},
    {NULL, NULL}
};

void tn_tsa_var_register(lua_State *L) {
    if (luaL_newmetatable(L, VAR_MT)) {
        luaL_newlib(L, var_methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, var_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, var_gc);
        lua_setfield(L, -2, "__close");
    }
    lua_pop(L, 1);
    lua_pushcfunction(L, var_fit);
    lua_setfield(L, -2, "_var_fit");
}

/*
 * tsa_arima.c -- the ARIMA part of the tsa module's C side:
 *
 *   tsa._arima_fit(y, X, spec, candidate) -> {params, sigma2, loglik, cov, resid, iterations}
 *     (candidate: a model search's candidate: no Hessian, so no cov, and
 *     a shorter search; see tn_arima_result); start: natural parameters to
 *     start from first (optional)
 *   tsa._arima_forecast(y, X, spec, params, sigma2, Xf, h) -> mean, var
 *   tsa._arima_loglik(y, X, spec, params, sigma2) -> log-likelihood
 *
 * y is an array of n numbers (no NaN), X an array of k arrays of n
 * numbers (the regressors), Xf k arrays of h numbers; spec a table
 * {p, d, q, P, D, Q, s}; params and the results' arrays are flat (see
 * core/arima.h for their order). stdlib/tenor/arima.lua names, checks
 * and words the errors.
 */
#include <stdlib.h>

#include <lauxlib.h>

#include "core/arima.h"
#include "core/gslerr.h"
#include "lib/tnlib.h"
#include "lib/tsa.h"

static double *read_array(lua_State *L, int idx, size_t n) {
    double *x = lua_newuserdatauv(L, (n ? n : 1) * sizeof *x, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, idx, (lua_Integer)i + 1);
        x[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    return x;
}

/* k arrays of n numbers each, column-major in one buffer (NULL for k = 0). */
static double *read_columns(lua_State *L, int idx, size_t n, size_t *k) {
    luaL_checktype(L, idx, LUA_TTABLE);
    *k = lua_rawlen(L, idx);
    if (*k == 0) return NULL;
    double *X = lua_newuserdatauv(L, *k * (n ? n : 1) * sizeof *X, 0);
    for (size_t j = 0; j < *k; j++) {
        lua_rawgeti(L, idx, (lua_Integer)j + 1);
        int col = lua_gettop(L);
        if (lua_rawlen(L, col) != n) luaL_error(L, "tsa.arima: regressor %d has %d values, expected %d", (int)j + 1,
                                                (int)lua_rawlen(L, col), (int)n);
        for (size_t t = 0; t < n; t++) {
            lua_rawgeti(L, col, (lua_Integer)t + 1);
            X[j * n + t] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    return X;
}

static int spec_field(lua_State *L, int idx, const char *key) {
    lua_getfield(L, idx, key);
    int v = (int)luaL_optinteger(L, -1, 0);
    lua_pop(L, 1);
    return v;
}

static void read_spec(lua_State *L, int idx, tn_arima_spec *sp) {
    luaL_checktype(L, idx, LUA_TTABLE);
    sp->p = spec_field(L, idx, "p"), sp->d = spec_field(L, idx, "d"), sp->q = spec_field(L, idx, "q");
    sp->P = spec_field(L, idx, "P"), sp->D = spec_field(L, idx, "D"), sp->Q = spec_field(L, idx, "Q");
    sp->s = spec_field(L, idx, "s");
    if (sp->p < 0 || sp->q < 0 || sp->d < 0 || sp->P < 0 || sp->Q < 0 || sp->D < 0 || sp->p > 60 || sp->q > 60 ||
        sp->P > 60 || sp->Q > 60 || sp->d + sp->D > 10 || ((sp->P || sp->D || sp->Q) && sp->s < 2))
        luaL_error(L, "tsa.arima: bad order");
}

/* The data and model of arguments 1-3 (y, X, spec): y and X read into
   GC-owned buffers on the stack. */
static void read_model(lua_State *L, tn_arima_spec *sp, double **y, double **X, size_t *n) {
    luaL_checktype(L, 1, LUA_TTABLE);
    size_t k;
    *n = lua_rawlen(L, 1);
    read_spec(L, 3, sp);
    *y = read_array(L, 1, *n);
    *X = read_columns(L, 2, *n, &k);
    sp->k = k;
}

static int arima_fit(lua_State *L) {
    tn_arima_spec sp;
    double *y, *X;
    size_t n;
    lua_settop(L, 5);                     /* the arguments keep their places above the buffers */
    read_model(L, &sp, &y, &X, &n);
    size_t np = tn_arima_nparams(&sp), m = n;
    tn_arima_result r;
    r.params = lua_newuserdatauv(L, (np + 1) * sizeof(double), 0);
    r.candidate = lua_toboolean(L, 4);
    r.start = NULL;
    if (!lua_isnil(L, 5)) {
        luaL_checktype(L, 5, LUA_TTABLE);
        if (lua_rawlen(L, 5) != np) return luaL_error(L, "tsa.arima: the start needs %d values", (int)np);
        r.start = read_array(L, 5, np);
    }
    r.cov = r.candidate ? NULL : lua_newuserdatauv(L, (np + 1) * (np + 1) * sizeof(double), 0);
    r.resid = lua_newuserdatauv(L, (m ? m : 1) * sizeof(double), 0);
    tn_gsl_error_clear();
    int st = tn_arima_fit(&sp, y, X, n, &r);
    if (st == -1) return luaL_error(L, "too few observations");
    if (st == -2) return luaL_error(L, "the optimiser did not converge after %d iterations", r.iterations);
    if (st == -4) return luaL_error(L, "the likelihood is not finite at the start values");
    if (st == -5)
        return luaL_error(L, "the likelihood rises towards an AR unit root (no maximum inside the stationary "
                             "region); difference the series once more, or add the drift");
    if (st != 0) return luaL_error(L, "out of memory");
    lua_createtable(L, 0, 6);
    tn_tsa_push_flat(L, r.params, np); lua_setfield(L, -2, "params");
    if (r.cov) { tn_tsa_push_flat(L, r.cov, (np + 1) * (np + 1)); lua_setfield(L, -2, "cov"); }
    size_t dstar = (size_t)(sp.d + sp.D * sp.s);
    tn_tsa_push_flat(L, r.resid, n - dstar); lua_setfield(L, -2, "resid");
    lua_pushnumber(L, r.sigma2); lua_setfield(L, -2, "sigma2");
    lua_pushnumber(L, r.loglik); lua_setfield(L, -2, "loglik");
    lua_pushinteger(L, r.iterations); lua_setfield(L, -2, "iterations");
    return 1;
}

static int arima_loglik(lua_State *L) {
    tn_arima_spec sp;
    double *y, *X;
    size_t n;
    read_model(L, &sp, &y, &X, &n);
    luaL_checktype(L, 4, LUA_TTABLE);
    double *par = read_array(L, 4, tn_arima_nparams(&sp));
    lua_pushnumber(L, tn_arima_loglik(&sp, y, X, n, par, luaL_checknumber(L, 5)));
    return 1;
}

static int arima_forecast(lua_State *L) {
    tn_arima_spec sp;
    double *y, *X;
    size_t n, kf, k;
    read_model(L, &sp, &y, &X, &n);
    k = sp.k;
    luaL_checktype(L, 4, LUA_TTABLE);
    double *par = read_array(L, 4, tn_arima_nparams(&sp)), sigma2 = luaL_checknumber(L, 5);
    lua_Integer h = luaL_checkinteger(L, 7);
    luaL_argcheck(L, h >= 1 && h <= 100000, 7, "horizon out of range");
    double *Xf = read_columns(L, 6, (size_t)h, &kf);
    if (kf != k) return luaL_error(L, "tsa.arima: %d future regressors for %d", (int)kf, (int)k);
    double *mean = lua_newuserdatauv(L, (size_t)h * sizeof *mean, 0), *var = lua_newuserdatauv(L, (size_t)h * sizeof *var, 0);
    int st = tn_arima_forecast(&sp, y, X, n, par, sigma2, Xf, (size_t)h, mean, var);
    if (st != 0) return luaL_error(L, "the forecast failed (%s)", st == -3 ? "out of memory" : "bad parameters");
    tn_tsa_push_flat(L, mean, (size_t)h);
    tn_tsa_push_flat(L, var, (size_t)h);
    return 2;
}

void tn_tsa_arima_register(lua_State *L) {
    static const luaL_Reg fns[] = {
        {"_arima_fit", arima_fit}, {"_arima_loglik", arima_loglik}, {"_arima_forecast", arima_forecast},
        {NULL, NULL}
    };
    luaL_setfuncs(L, fns, 0);
}

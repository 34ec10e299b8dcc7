/*
 * disagg.c -- series._tempdisagg, the Lua face of core/tempdisagg.c, for
 * the Lua method y:to(freq, "chow-lin"|"fernandez"|"litterman", {...})
 * (stdlib/tenor/series.lua aligns the series and validates; this file only
 * moves arrays).
 *
 *   series._tempdisagg{y=, x=, nh=, k=, ratio=, first=, w=, method=,
 *                      rho= | estimate="ml"|"minrss"}
 *     y: nl low-frequency values; x: nh·k regressors, row-major; w: ratio
 *     aggregation weights; method 0 Chow-Lin, 1 Fernández, 2 Litterman.
 *   -> yhat (array of nh), info {rho, sigma2, loglik, rss, beta = {}, se = {}}
 *   or nil, message when the GLS system is singular.
 */
#include <math.h>
#include <string.h>

#include "core/tempdisagg.h"
#include "series/methods.h"
#include "series/series.h"

static size_t int_field(lua_State *L, const char *key) {
    lua_getfield(L, 1, key);
    lua_Integer v = luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    return v < 0 ? 0 : (size_t)v;
}

/* Copies the array field key (at least n numbers) into a new userdata buffer left on the stack. */
static double *array_field(lua_State *L, const char *key, size_t n) {
    double *out = lua_newuserdatauv(L, (n ? n : 1) * sizeof(double), 0);
    lua_getfield(L, 1, key);
    luaL_checktype(L, -1, LUA_TTABLE);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        out[i] = luaL_checknumber(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
}

static void push_array(lua_State *L, const double *v, size_t n) {
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, v[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static int series_tempdisagg(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    tn_td_problem p;
    p.nh = int_field(L, "nh");
    p.k = int_field(L, "k");
    p.ratio = int_field(L, "ratio");
    p.first = int_field(L, "first");
    p.method = (int)int_field(L, "method");
    lua_getfield(L, 1, "y");
    p.nl = (size_t)luaL_len(L, -1);
    lua_pop(L, 1);
    if (p.nl == 0 || p.k == 0 || p.first + p.nl * p.ratio > p.nh)
        return luaL_error(L, "series._tempdisagg: inconsistent dimensions");
    p.y = array_field(L, "y", p.nl);
    p.x = array_field(L, "x", p.nh * p.k);
    p.w = array_field(L, "w", p.ratio);
    double *work = lua_newuserdatauv(L, tn_td_work_size(&p) * sizeof(double), 0);
    double *out = lua_newuserdatauv(L, (p.nh + 2 * p.k) * sizeof(double), 0);
    tn_td_result r = {0, 0, 0, 0, out + p.nh, out + p.nh + p.k, out};
    lua_getfield(L, 1, "rho");
    int fixed = !lua_isnil(L, -1);
    double rho = lua_tonumber(L, -1);
    lua_getfield(L, 1, "estimate");
    int ml = lua_isnil(L, -1) || strcmp(lua_tostring(L, -1), "ml") == 0;
    lua_pop(L, 2);
    int rc = fixed || p.method == TN_TD_FERNANDEZ ? tn_td_fit(&p, rho, &r, work)
                                                  : tn_td_estimate(&p, ml, -0.999, 0.999, &r, work);
    if (rc != 0) {
        lua_pushnil(L);
        lua_pushliteral(L, "the GLS system is singular (collinear indicators, or |rho| too close to 1)");
        return 2;
    }
    push_array(L, r.yhat, p.nh);
    lua_createtable(L, 0, 6);
    lua_pushnumber(L, r.rho); lua_setfield(L, -2, "rho");
    lua_pushnumber(L, r.sigma2); lua_setfield(L, -2, "sigma2");
    lua_pushnumber(L, r.loglik); lua_setfield(L, -2, "loglik");
    lua_pushnumber(L, r.rss); lua_setfield(L, -2, "rss");
    push_array(L, r.beta, p.k); lua_setfield(L, -2, "beta");
    push_array(L, r.se, p.k); lua_setfield(L, -2, "se");
    return 2;
}

void tn_disagg_register_functions(lua_State *L) {
    lua_pushcfunction(L, series_tempdisagg);
    lua_setfield(L, -2, "_tempdisagg");
}

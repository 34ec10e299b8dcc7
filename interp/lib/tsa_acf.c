/*
 * tsa_acf.c -- the correlogram part of the tsa module's C side:
 *
 *   tsa._correlogram(s, nlags, adjusted) -> acf, pacf, q, bp
 *
 * s is a series with no missing value (stdlib/tenor/correlogram.lua trims
 * and checks it and words the errors); the four results are arrays of
 * lags 1..nlags: autocorrelations, partial autocorrelations (always from
 * the unadjusted ones, as R and statsmodels' "ldb"), Ljung-Box and
 * Box-Pierce statistics. See core/acf.h for the definitions.
 */
#include <stdlib.h>

#include <lauxlib.h>

#include "core/acf.h"
#include "lib/tsa.h"
#include "series/series.h"

static int correlogram(lua_State *L) {
    const tn_series *s = tn_series_check(L, 1);
    lua_Integer nlags = luaL_checkinteger(L, 2);
    int adjusted = lua_toboolean(L, 3);
    if (nlags < 1 || (size_t)nlags >= s->n) return luaL_error(L, "tsa.acf: lags must be between 1 and %d", (int)s->n - 1);
    size_t L1 = (size_t)nlags + 1;
    double *w = lua_newuserdatauv(L, 5 * L1 * sizeof *w, 0);
    double *r = w, *radj = w + L1, *pacf = w + 2 * L1, *q = w + 3 * L1, *bp = w + 4 * L1;
    if (tn_acf(s->v, s->n, (size_t)nlags, 0, r) != 0) return luaL_error(L, "tsa.acf: the series is constant");
    if (adjusted) tn_acf(s->v, s->n, (size_t)nlags, 1, radj);
    int st = tn_pacf(r, (size_t)nlags, pacf);
    if (st == -2) return luaL_error(L, "tsa.acf: not enough memory");
    if (st == -1)
        return luaL_error(L, "tsa.acf: the series is an exact autoregression (a prediction error variance of "
                             "zero): partial autocorrelations are undefined past it; use fewer lags");
    tn_portmanteau(r, s->n, (size_t)nlags, q, bp);
    tn_tsa_push_flat(L, (adjusted ? radj : r) + 1, (size_t)nlags);
    tn_tsa_push_flat(L, pacf + 1, (size_t)nlags);
    tn_tsa_push_flat(L, q + 1, (size_t)nlags);
    tn_tsa_push_flat(L, bp + 1, (size_t)nlags);
    return 4;
}

void tn_tsa_acf_register(lua_State *L) {
    static const luaL_Reg fns[] = {{"_correlogram", correlogram}, {NULL, NULL}};
    luaL_setfuncs(L, fns, 0);
}

/*
 * filter.c -- the `filter` module: trend/cycle decompositions.
 *
 *   filter.hp(s, {lambda=, one_sided=false}) -> trend, cycle
 *
 * HP: the trend minimises Σ(y−τ)² + λ·Σ(Δ²τ)², i.e. solves (I + λD'D)τ = y
 * (statsmodels' hpfilter, gretl's hpfilt, EViews' hpf); the cycle is y − τ.
 * Default λ by frequency: 1600 quarterly, 14400 monthly, 6.25 annual
 * (Ravn-Uhlig 2002; EViews and statsmodels users often pass 100 — give
 * lambda=100 for that); weekly, business-day and daily data need lambda.
 * The two-sided trend uses data after t: its results are marked as looking
 * ahead (meta.lookahead). one_sided=true gives at each t the last point of
 * the HP trend of the data up to t (Kalman form), which a signal may use.
 * A missing value inside the series is an error naming its period: trim
 * (s:dropna()) or fill (s:fill()) first.
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "core/hp.h"
#include "series/series.h"
#include "lib/tnlib.h"

static double default_lambda(lua_State *L, const tn_series *s) {
    switch (s->freq) {
    case TN_Q: return 1600;
    case TN_M: return 14400;
    case TN_A: return 6.25;
    default:
        return luaL_error(L, "filter.hp: no standard lambda for %s data; pass {lambda=}",
                          tn_freq_name(s->freq)), 0;
    }
}

/* The first missing period, as an error, for filters that need every value. */
static void check_complete(lua_State *L, const tn_series *s, const char *fn) {
    char date[32], desc[160];
    for (size_t i = 0; i < s->n; i++) {
        if (!isnan(s->v[i])) continue;
        tn_period_display(s->freq, s->start + (int64_t)i, date, sizeof date);
        luaL_error(L, "%s: %s is missing a value at %s; trim the ends with s:dropna() or fill gaps with s:fill() first",
                   fn, tn_series_describe(L, 1, desc, sizeof desc), date);
    }
}

static int filter_hp(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    double lambda = 0;
    int one_sided = 0;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "lambda");
        lambda = lua_isnil(L, -1) ? default_lambda(L, s) : luaL_checknumber(L, -1);
        lua_getfield(L, 2, "one_sided");
        one_sided = lua_toboolean(L, -1);
        lua_pop(L, 2);
    } else {
        lambda = default_lambda(L, s);
    }
    if (!(lambda > 0)) return luaL_error(L, "filter.hp: lambda must be positive");
    if (s->n < 3) return luaL_error(L, "filter.hp: needs at least 3 values, got %d", (int)s->n);
    check_complete(L, s, "filter.hp");
    lua_settop(L, 1);
    tn_series *trend = tn_series_push_like(L, s, s->n);
    tn_series_copy_name(L, 1, -1);
    int steps = 0;
    if (one_sided) {
        tn_hp_one_sided(s->v, s->n, lambda, trend->v);
    } else {
        double *work = lua_newuserdatauv(L, 4 * s->n * sizeof(double), 0);
        steps = tn_hp_trend(s->v, s->n, lambda, trend->v, work);
        lua_pop(L, 1);
    }
    tn_series *cycle = tn_series_push_like(L, s, s->n);
    tn_series_copy_name(L, 1, -1);
    for (size_t i = 0; i < s->n; i++) cycle->v[i] = s->v[i] - trend->v[i];
    for (int k = -2; k <= -1; k++) {
        lua_pushvalue(L, k);
        tn_series_push_meta(L, -1);
        lua_pushnumber(L, lambda);
        lua_setfield(L, -2, "hp_lambda");
        lua_pushstring(L, k == -2 ? "hp trend" : "hp cycle");
        lua_setfield(L, -2, "component");
        if (!one_sided) {
            lua_pushliteral(L, "two-sided HP filter");
            lua_setfield(L, -2, "lookahead");
            lua_pushinteger(L, steps);
            lua_setfield(L, -2, "hp_refinements");
        }
        lua_pop(L, 2);
    }
    return 2;
}

static const luaL_Reg filter_functions[] = {
    {"hp", filter_hp},
    {NULL, NULL}
};

int luaopen_filter(lua_State *L) {
    luaL_newlib(L, filter_functions);
    return 1;
}

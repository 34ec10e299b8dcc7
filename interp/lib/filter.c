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
#include "series/opts.h"
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

/* The first missing or infinite period, as an error, for filters that need every value. */
static void check_complete(lua_State *L, const tn_series *s, const char *fn) {
    char date[32], desc[160];
    for (size_t i = 0; i < s->n; i++) {
        if (isfinite(s->v[i])) continue;
        tn_period_display(s->freq, s->start + (int64_t)i, date, sizeof date);
        if (isinf(s->v[i]))
            luaL_error(L, "%s: %s has an infinite value at %s", fn, tn_series_describe(L, 1, desc, sizeof desc), date);
        luaL_error(L, "%s: %s is missing a value at %s; trim the ends with s:dropna() or fill gaps with s:fill() first",
                   fn, tn_series_describe(L, 1, desc, sizeof desc), date);
    }
}

static const tn_opt hp_opts[] = {
    {"lambda", "number", NULL, 0, HUGE_VAL, TN_OPT_LO_OPEN | TN_OPT_HI_OPEN, "14400 M, 1600 Q, 6.25 A",
     "smoothing parameter; weekly and daily data need one", NULL},
    {"one_sided", "boolean", NULL, -HUGE_VAL, HUGE_VAL, 0, "false",
     "the real-time trend: at each t the end point of the HP trend of data up to t", NULL},
    {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
};

static int filter_hp(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    tn_opts_check(L, 2, "filter.hp");
    lua_getfield(L, 2, "lambda");
    double lambda = lua_isnil(L, -1) ? default_lambda(L, s) : lua_tonumber(L, -1);
    lua_getfield(L, 2, "one_sided");
    int one_sided = lua_toboolean(L, -1);
    lua_pop(L, 2);
    if (s->n < 3) return luaL_error(L, "filter.hp: needs at least 3 values, got %d", (int)s->n);
    if (!isfinite(lambda))
        return luaL_error(L, "filter.hp: lambda must be finite (got %f); as lambda grows the trend tends to "
                          "the least-squares straight line: fit that instead", lambda);
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
    for (size_t i = 0; i < s->n; i++)           /* input complete and finite: NaN is a breakdown */
        if (!isfinite(trend->v[i]))
            return luaL_error(L, "filter.hp: lambda = %f is too large to solve in double precision (1 + 6·lambda "
                              "rounds to 6·lambda); the trend is then the least-squares straight line", lambda);
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
    tn_opts_declare(L, "filter.hp", hp_opts);
    return 1;
}

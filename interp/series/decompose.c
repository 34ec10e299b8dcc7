/*
 * decompose.c -- s:stl, the STL seasonal-trend decomposition of a series
 * (the numerical work is core/stl.c).
 *
 *   s:stl{period=, seasonal=7, trend=, low_pass=, seasonal_deg=1, trend_deg=1,
 *         low_pass_deg=1, seasonal_jump=1, trend_jump=1, low_pass_jump=1,
 *         robust=false, inner=, outer=} -> trend, seasonal, resid, weights
 *
 * Defaults are statsmodels' STL (which follows the authors' Fortran):
 * period from the frequency (M 12, Q 4, W 52, B 5, D 7); trend the smallest
 * odd integer >= 1.5·period/(1 − 1.5/seasonal); low_pass the smallest odd
 * integer > period; inner 5 and outer 0, or 2 and 15 when robust. resid =
 * y − trend − seasonal; weights are the robustness weights (all 1 unless
 * robust). A period must be the frequency's year (or divide it), or the
 * week for B and D data. The series needs two full cycles and no missing
 * value (trim with s:dropna(), fill gaps with s:fill first). The result
 * uses data on both sides of each period: it is marked as looking ahead.
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "core/stl.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

#define INT_OPT(name, lo, dflt, help) {name, "integer", NULL, lo, HUGE_VAL, 0, dflt, help, NULL}

static const tn_opt stl_opts[] = {
    INT_OPT("period", 2, "12 M, 4 Q, 52 W, 5 B, 7 D", "observations per seasonal cycle"),
    INT_OPT("seasonal", 3, "7", "seasonal loess span (odd): larger is a steadier seasonal pattern"),
    INT_OPT("trend", 3, "odd >= 1.5 period / (1 - 1.5/seasonal)", "trend loess span (odd)"),
    INT_OPT("low_pass", 3, "odd > period", "low-pass loess span (odd)"),
    {"seasonal_deg", "integer", NULL, 0, 1, 0, "1", "degree of the seasonal loess (0 or 1)", NULL},
    {"trend_deg", "integer", NULL, 0, 1, 0, "1", "degree of the trend loess (0 or 1)", NULL},
    {"low_pass_deg", "integer", NULL, 0, 1, 0, "1", "degree of the low-pass loess (0 or 1)", NULL},
    INT_OPT("seasonal_jump", 1, "1", "fit the seasonal loess every jump-th point, interpolate between"),
    INT_OPT("trend_jump", 1, "1", "same for the trend loess"),
    INT_OPT("low_pass_jump", 1, "1", "same for the low-pass loess"),
    {"robust", "boolean", NULL, -HUGE_VAL, HUGE_VAL, 0, "false", "bisquare robustness weights (outliers go to resid)", NULL},
    INT_OPT("inner", 1, "5, or 2 when robust", "inner-loop iterations"),
    INT_OPT("outer", 0, "0, or 15 when robust", "outer (robustness) iterations"),
    {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
};

static int default_period(int freq) {
    if (TN_IS_WEEKLY(freq)) return 52;
    switch (freq) {
    case TN_M: return 12;
    case TN_Q: return 4;
    case TN_B: return 5;
    case TN_D: return 7;
    default: return 0;
    }
}

static int period_fits(int freq, int period) {
    int year = TN_IS_WEEKLY(freq) ? 52 : freq == TN_M ? 12 : freq == TN_Q ? 4 : 0;
    if (year) return year % period == 0;
    if (freq == TN_B) return period == 5 || period == 261;
    if (freq == TN_D) return period == 7 || period == 365;
    return 0;
}

static int int_field(lua_State *L, const char *key, int dflt) {
    lua_getfield(L, 2, key);
    int v = lua_isnil(L, -1) ? dflt : (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

/* The parameters from the checked options at slot 2, validated for s. */
static void stl_params(lua_State *L, const tn_series *s, tn_stl_params *p) {
    char desc[160];
    int period = int_field(L, "period", default_period(s->freq));
    if (period == 0)
        luaL_error(L, "s:stl: %s has no seasonal cycle; STL needs monthly, quarterly, weekly or daily data",
                   tn_series_describe(L, 1, desc, sizeof desc));
    if (!period_fits(s->freq, period))
        luaL_error(L, "s:stl: period %d does not fit %s data (use period = %d, or a divisor of a year's periods)",
                   period, tn_freq_name(s->freq), default_period(s->freq));
    lua_getfield(L, 2, "robust");
    int robust = lua_toboolean(L, -1);
    lua_pop(L, 1);
    tn_stl_defaults(p, period, int_field(L, "seasonal", 7), robust);
    p->trend = int_field(L, "trend", p->trend);
    p->low_pass = int_field(L, "low_pass", p->low_pass);
    p->seasonal_deg = int_field(L, "seasonal_deg", 1);
    p->trend_deg = int_field(L, "trend_deg", 1);
    p->low_pass_deg = int_field(L, "low_pass_deg", 1);
    p->seasonal_jump = int_field(L, "seasonal_jump", 1);
    p->trend_jump = int_field(L, "trend_jump", 1);
    p->low_pass_jump = int_field(L, "low_pass_jump", 1);
    p->inner = int_field(L, "inner", p->inner);
    p->outer = int_field(L, "outer", p->outer);
    const char *odd[] = {"seasonal", "trend", "low_pass"};
    int spans[] = {p->seasonal, p->trend, p->low_pass};
    for (int i = 0; i < 3; i++)
        if (spans[i] % 2 == 0)
            luaL_error(L, "s:stl: option '%s' must be odd (got %d)", odd[i], spans[i]);
    if (p->low_pass <= period)
        luaL_error(L, "s:stl: option 'low_pass' must be greater than the period %d (got %d)", period, p->low_pass);
}

static void check_values(lua_State *L, const tn_series *s, int period) {
    char desc[160], date[32];
    if (s->n < 2 * (size_t)period)
        luaL_error(L, "s:stl: %s has %d values; STL with period %d needs at least two full cycles (%d)",
                   tn_series_describe(L, 1, desc, sizeof desc), (int)s->n, period, 2 * period);
    for (size_t i = 0; i < s->n; i++) {
        if (!isnan(s->v[i])) continue;
        tn_period_display(s->freq, s->start + (int64_t)i, date, sizeof date);
        luaL_error(L, "s:stl: %s is missing a value at %s; STL needs every value: trim the ends with s:dropna() and fill gaps with s:fill('linear') first",
                   tn_series_describe(L, 1, desc, sizeof desc), date);
    }
}

/* Names, component and look-ahead mark on the series on top. */
static void label(lua_State *L, const char *component) {
    tn_series_copy_name(L, 1, -1);
    tn_series_push_meta(L, -1);
    lua_pushstring(L, component);
    lua_setfield(L, -2, "component");
    lua_pushliteral(L, "two-sided STL");
    lua_setfield(L, -2, "lookahead");
    lua_pop(L, 1);
}

static int series_stl(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    tn_opts_check(L, 2, "s:stl");
    tn_stl_params p;
    stl_params(L, s, &p);
    check_values(L, s, p.period);
    lua_settop(L, 2);
    double *work = lua_newuserdatauv(L, tn_stl_work_size(s->n, p.period) * sizeof(double), 0); /* 3 */
    tn_series *trend = tn_series_push_like(L, s, s->n);     /* 4 */
    tn_series *season = tn_series_push_like(L, s, s->n);    /* 5 */
    tn_series *resid = tn_series_push_like(L, s, s->n);     /* 6 */
    tn_series *weights = tn_series_push_like(L, s, s->n);   /* 7 */
    if (tn_stl(s->v, s->n, &p, trend->v, season->v, weights->v, work) != 0)
        return luaL_error(L, "s:stl: invalid parameters");  /* checked above; not reached */
    for (size_t i = 0; i < s->n; i++) resid->v[i] = s->v[i] - trend->v[i] - season->v[i];
    const char *names[] = {"stl trend", "stl seasonal", "stl resid", "stl robustness weights"};
    for (int k = 0; k < 4; k++) {
        lua_pushvalue(L, 4 + k);
        label(L, names[k]);
        lua_pop(L, 1);
    }
    return 4;
}

void tn_decompose_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"stl", series_stl},
        {NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
    tn_opts_declare(L, "s:stl", stl_opts);
}

/*
 * transform.c -- period-to-period transformations of one series: lags and
 * leads, differences, percent changes (mom, yoy, any lag), elementwise
 * math (log, exp, abs), cumulative sums and products.
 *
 * Conventions, stated once:
 *   - A change whose input is missing is missing: a gap is never a zero
 *     change and is never filled (unlike pandas' pct_change default).
 *   - Lags are by period: lag k of a monthly series is the value k months
 *     earlier. The result keeps the input's span; its first k values are
 *     missing.
 *   - pct(k) = 100·(x_t / x_{t-k} − 1), in percent.
 *   - yoy() compares with one year earlier: 12 periods for M, 4 for Q, 1
 *     for A, 52 for W. For B and D data it takes the value on the same
 *     calendar date a year before (Feb 29 -> Feb 28), or the last date with
 *     a value within the 14 days before it (weekends, holidays); missing
 *     when there is none.
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

/* A new series with s's calendar, name and metadata; values uninitialised. */
static tn_series *push_derived(lua_State *L, const tn_series *s) {
    tn_series *r = tn_series_push_like(L, s, s->n);
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    return r;
}

static void set_meta_string(lua_State *L, const char *key, const char *value) {
    tn_series_push_meta(L, -1);
    lua_pushstring(L, value);
    lua_setfield(L, -2, key);
    lua_pop(L, 1);
}

/* r_t = x_{t-k}; k < 0 leads. |k| is bounded by the caller (no overflow). */
static void shift_values(const tn_series *s, tn_series *r, lua_Integer k) {
    for (size_t i = 0; i < s->n; i++) {
        lua_Integer j = (lua_Integer)i - k;
        r->v[i] = (j >= 0 && j < (lua_Integer)s->n) ? s->v[j] : NAN;
    }
}

/* A shift in periods (dflt when absent);
   beyond ±2^31 it is no calendar (and −k of math.mininteger overflows): an
   error, not undefined behaviour. */
static lua_Integer check_shift(lua_State *L, int arg, const char *fn, lua_Integer dflt) {
    lua_Integer k = tn_arg_integer(L, arg, fn, "k", dflt, LUA_MININTEGER);
    if (k > INT32_MAX || k < -INT32_MAX)
        tn_arg_error(L, fn, "k", "is out of range: %I periods (at most %d either way)", k, (int)INT32_MAX);
    return k;
}

/* The name of a shifted series in the econometric notation regressions
   print: ppi lagged 3 is ppi(-3), led 1 is ppi(+1); a shift of a shifted
   series adds up (ppi(-3) lagged 2 is ppi(-5)). The result is on top. */
static void name_shift(lua_State *L, lua_Integer k) {
    const char *name = tn_series_name(L, -1);
    if (!name) return;
    size_t len = strlen(name);
    long long prev = 0;
    int used = 0;
    const char *open = strrchr(name, '(');
    if (open && (open[1] == '-' || open[1] == '+') && sscanf(open, "(%lld)%n", &prev, &used) == 1
        && open + used == name + len && prev > -INT32_MAX && prev < INT32_MAX)
        len = (size_t)(open - name);                /* ppi(-3): base ppi, shift −3 */
    else prev = 0;
    lua_Integer shift = (lua_Integer)prev - k;
    lua_pushlstring(L, name, len);
    if (shift != 0) {
        lua_pushfstring(L, "%s(%s%I)", lua_tostring(L, -1), shift > 0 ? "+" : "", shift);
        lua_remove(L, -2);
    }
    tn_series_set_name(L, -2);
}

/* s:lag(k): the value k periods earlier. lag(-k) is lead(k) and is marked
   as looking ahead like it. */
static int series_lag(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_Integer k = check_shift(L, 2, "s:lag", 1);
    shift_values(s, push_derived(L, s), k);
    name_shift(L, k);
    if (k < 0) tn_series_mark_lookahead(L, -1, "lag with a negative k (a lead)");
    return 1;
}

/* s:lead(k): the value k periods later. It looks ahead: a signal built on it
   uses data not known at time t. */
static int series_lead(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_Integer k = check_shift(L, 2, "s:lead", 1);
    shift_values(s, push_derived(L, s), -k);
    name_shift(L, -k);
    if (k > 0) set_meta_string(L, "lookahead", "lead");
    return 1;
}

/* s:redate(k): the same values stamped k periods later (earlier when k < 0),
   e.g. a series dated by release quarter re-dated to its reference quarter
   with redate(-1). Unlike lead/lag the span moves with the values. */
static int series_redate(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    if (lua_isnoneornil(L, 2)) return tn_arg_error(L, "s:redate", "k", "is required: a whole number of periods");
    lua_Integer k = check_shift(L, 2, "s:redate", 0);
    tn_series *r = tn_series_push(L, s->freq, s->start + k, s->n);
    memcpy(r->v, s->v, s->n * sizeof(double));
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    return 1;
}

static lua_Integer check_lag(lua_State *L, int arg, const char *fn) {
    return tn_arg_integer(L, arg, fn, "lag", 1, 1);
}

/* s:diff(k): x_t − x_{t−k}, named d(ppi) for k = 1 and ppi-ppi(-4) for
   k = 4 (the notation regressions print). */
static int series_diff(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_Integer k = check_lag(L, 2, "s:diff");
    if (k > INT32_MAX) tn_arg_error(L, "s:diff", "lag", "is out of range: %I periods", k);
    tn_series *r = push_derived(L, s);
    for (size_t i = 0; i < s->n; i++)
        r->v[i] = (lua_Integer)i >= k ? s->v[i] - s->v[i - (size_t)k] : NAN;
    const char *name = tn_series_name(L, 1);
    if (name) {
        if (k == 1) lua_pushfstring(L, "d(%s)", name);
        else lua_pushfstring(L, "%s-%s(-%I)", name, name, k);
        tn_series_set_name(L, -2);
    }
    return 1;
}

static void pct_values(const tn_series *s, tn_series *r, size_t k) {
    for (size_t i = 0; i < s->n; i++)
        r->v[i] = i >= k ? 100.0 * (s->v[i] / s->v[i - k] - 1.0) : NAN;
}

static int series_pct(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    lua_Integer k = check_lag(L, 2, "s:pct");
    pct_values(s, push_derived(L, s), (size_t)k);
    set_meta_string(L, "unit", "%");
    return 1;
}

static int series_mom(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    pct_values(s, push_derived(L, s), 1);
    set_meta_string(L, "unit", "%");
    return 1;
}

#define YOY_SEARCH_DAYS 14

/* Day-based data: the value on the same date a year earlier, or the last
   one with a value in the YOY_SEARCH_DAYS days before that date. */
static double year_ago(const tn_series *s, int64_t p) {
    int y, m, d;
    int64_t day = tn_period_first_day(s->freq, p), q;
    tn_civil_from_days(day, &y, &m, &d);
    if (m == 2 && d == 29) d = 28;
    int64_t target = tn_days_from_civil(y - 1, m, d);
    for (int back = 0; back <= YOY_SEARCH_DAYS; back++) {
        if (tn_period_of_day(s->freq, target - back, &q) != 0) continue;   /* weekend */
        int64_t i = q - s->start;
        if (i < 0) return NAN;
        if (i < (int64_t)s->n && !isnan(s->v[i])) return s->v[i];
    }
    return NAN;
}

static int series_yoy(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    tn_series *r = push_derived(L, s);
    if (s->freq == TN_B || s->freq == TN_D) {
        for (size_t i = 0; i < s->n; i++)
            r->v[i] = 100.0 * (s->v[i] / year_ago(s, s->start + (int64_t)i) - 1.0);
    } else {
        pct_values(s, r, (size_t)tn_freq_per_year(s->freq));
    }
    set_meta_string(L, "unit", "%");
    return 1;
}

/* s:ann(): the period change compounded to a year, 100·((x_t/x_{t-1})^f − 1)
   with f periods per year (4 for Q: the "SAAR" growth rate). */
static int series_ann(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    if (s->freq == TN_B || s->freq == TN_D)
        return luaL_error(L, "s:ann: not defined for %s data (no fixed number of periods a year)",
                          tn_freq_name(s->freq));
    double f = (double)tn_freq_per_year(s->freq);
    tn_series *r = push_derived(L, s);
    for (size_t i = 0; i < s->n; i++)
        r->v[i] = i >= 1 ? 100.0 * (pow(s->v[i] / s->v[i - 1], f) - 1.0) : NAN;
    set_meta_string(L, "unit", "%");
    return 1;
}

#define ELEMENTWISE(NAME, EXPR)                                   \
    static int NAME(lua_State *L) {                               \
        tn_series *s = tn_series_check(L, 1);                     \
        tn_series *r = push_derived(L, s);                        \
        for (size_t i = 0; i < s->n; i++) {                       \
            double x = s->v[i];                                   \
            r->v[i] = (EXPR);                                     \
        }                                                         \
        return 1;                                                 \
    }

/* log of a non-positive value is missing rather than -Inf or NaN noise:
   a level series that touches zero has no growth rate there. */
ELEMENTWISE(series_log, x > 0 ? log(x) : NAN)
ELEMENTWISE(series_exp, exp(x))
ELEMENTWISE(series_abs, fabs(x))

/* Running sum / product; a missing value gives a missing result there and
   the accumulation carries on past it (pandas' skipna convention). */
static int cumulate(lua_State *L, int product) {
    tn_series *s = tn_series_check(L, 1);
    tn_series *r = push_derived(L, s);
    double acc = product ? 1.0 : 0.0;
    for (size_t i = 0; i < s->n; i++) {
        double x = s->v[i];
        if (isnan(x)) { r->v[i] = NAN; continue; }
        acc = product ? acc * x : acc + x;
        r->v[i] = acc;
    }
    return 1;
}
static int series_cumsum(lua_State *L)  { return cumulate(L, 0); }
static int series_cumprod(lua_State *L) { return cumulate(L, 1); }

void tn_transform_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"lag", series_lag}, {"lead", series_lead}, {"diff", series_diff}, {"redate", series_redate},
        {"pct", series_pct}, {"mom", series_mom}, {"yoy", series_yoy},
        {"ann", series_ann}, {"log", series_log}, {"exp", series_exp},
        {"abs", series_abs}, {"cumsum", series_cumsum}, {"cumprod", series_cumprod},
        {NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
}

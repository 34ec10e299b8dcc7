/*
 * signal.c -- the `signal` module's C primitives: conditions that need a
 * loop, and turning-point dating (turning.c) with confirmation dates.
 *
 *   signal._cross(d, dir)        d = a − b: 1 where d crosses zero upwards
 *                                (dir > 0) or downwards, 0 elsewhere
 *   signal.rising(x, n), signal.falling(x, n)
 *   signal.persist(cond, k), signal.first(cond), signal.hold(on, off)
 *   signal._turns(s, rules)      -> {{type=, date=, confirm=, value=}, ...}
 *
 * Tri-state: a result that depends on a missing value is missing; in
 * particular a cross over a gap is not a cross (it is missing). hold is the
 * exception: it keeps its state through missing values.
 * stdlib/tenor/signal.lua builds the public API on these.
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "series/opts.h"
#include "series/series.h"
#include "core/turning.h"
#include "lib/tnlib.h"

static tn_series *derived(lua_State *L, const tn_series *s) {
    tn_series *r = tn_series_push_like(L, s, s->n);
    tn_series_copy_name(L, 1, -1);
    tn_series_propagate_taint(L, 1, -1);
    return r;
}

static int signal_cross(lua_State *L) {
    tn_series *d = tn_series_check(L, 1);
    int up = luaL_checkinteger(L, 2) > 0;
    tn_series *r = derived(L, d);
    for (size_t t = 0; t < d->n; t++) {
        double a = t ? d->v[t - 1] : NAN, b = d->v[t];
        if (isnan(a) || isnan(b)) r->v[t] = NAN;
        else r->v[t] = up ? (a <= 0 && b > 0) : (a >= 0 && b < 0);
    }
    return 1;
}

/* n consecutive rises (falls): x_t > x_{t−1} > ... > x_{t−n}. */
static int monotone(lua_State *L, int up) {
    tn_series *x = tn_series_check(L, 1);
    lua_Integer n = tn_arg_integer(L, 2, up ? "signal.rising" : "signal.falling", "n", 1, 1);
    tn_series *r = derived(L, x);
    for (size_t t = 0; t < x->n; t++) {
        if ((lua_Integer)t < n) { r->v[t] = NAN; continue; }
        double res = 1;
        for (lua_Integer j = 0; j < n; j++) {
            double a = x->v[t - (size_t)j - 1], b = x->v[t - (size_t)j];
            if (isnan(a) || isnan(b)) { res = NAN; break; }
            if (!(up ? b > a : b < a)) res = 0;
        }
        r->v[t] = res;
    }
    return 1;
}
static int signal_rising(lua_State *L)  { return monotone(L, 1); }
static int signal_falling(lua_State *L) { return monotone(L, 0); }

/* persist(cond, k): 1 when cond was true in each of the last k periods. */
static int signal_persist(lua_State *L) {
    tn_series *c = tn_series_check(L, 1);
    lua_Integer k = tn_arg_integer(L, 2, "signal.persist", "k", 0, 1);
    tn_series *r = derived(L, c);
    for (size_t t = 0; t < c->n; t++) {
        if ((lua_Integer)t + 1 < k) { r->v[t] = NAN; continue; }
        double res = 1;
        for (lua_Integer j = 0; j < k; j++) {
            double v = c->v[t - (size_t)j];
            if (isnan(v)) { res = NAN; break; }
            if (v == 0) res = 0;
        }
        r->v[t] = res;
    }
    return 1;
}

/* first(cond): 1 on the first period of each run of true values. */
static int signal_first(lua_State *L) {
    tn_series *c = tn_series_check(L, 1);
    tn_series *r = derived(L, c);
    for (size_t t = 0; t < c->n; t++) {
        double prev = t ? c->v[t - 1] : NAN, cur = c->v[t];
        r->v[t] = isnan(cur) || isnan(prev) ? NAN : (double)(cur != 0 && prev == 0);
    }
    return 1;
}

/* hold(on, off): 1 from a period where on is true until one where off is
   true (on wins a tie); 0 before the first on; missing values keep the state. */
static int signal_hold(lua_State *L) {
    tn_series *on = tn_series_check(L, 1), *off = tn_series_check(L, 2);
    if (on->freq != off->freq) return luaL_error(L, "signal.hold: on and off must share a frequency");
    int64_t lo = on->start < off->start ? on->start : off->start;
    int64_t hi1 = on->start + (int64_t)on->n, hi2 = off->start + (int64_t)off->n;
    int64_t hi = hi1 > hi2 ? hi1 : hi2;
    tn_series *r = tn_series_push(L, on->freq, lo, (size_t)(hi - lo));
    double state = 0;
    for (int64_t p = lo; p < hi; p++) {
        int64_t i = p - on->start, j = p - off->start;
        double a = i >= 0 && i < (int64_t)on->n ? on->v[i] : NAN;
        double b = j >= 0 && j < (int64_t)off->n ? off->v[j] : NAN;
        if (!isnan(a) && a != 0) state = 1;
        else if (!isnan(b) && b != 0) state = 0;
        r->v[p - lo] = state;
    }
    tn_series_propagate_taint(L, 1, -1);
    tn_series_propagate_taint(L, 2, -1);
    return 1;
}

static const char *const method_names[] = {"bry_boschan", "bbq", "pagan_sossounov", NULL};

static int opt_int(lua_State *L, int t, const char *key, int dflt) {
    lua_getfield(L, t, key);
    int v = lua_isnil(L, -1) ? dflt : (int)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    return v;
}

/* signal._turns(s, {method=, window=, phase=, cycle=, censor=, override=}) */
static int signal_turns(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "method");
    int method = luaL_checkoption(L, -1, NULL, method_names) + 1;
    lua_pop(L, 1);
    char date[32], desc[160];
    for (size_t i = 0; i < s->n; i++)
        if (isnan(s->v[i])) {
            tn_period_display(s->freq, s->start + (int64_t)i, date, sizeof date);
            return luaL_error(L, "signal.turning_points: %s is missing a value at %s; trim (s:dropna()) or fill (s:fill()) first",
                              tn_series_describe(L, 1, desc, sizeof desc), date);
        }
    tn_dating_rules r;
    tn_dating_defaults(method, tn_freq_per_year(s->freq), &r);
    r.window = opt_int(L, 2, "window", r.window);
    r.phase = opt_int(L, 2, "phase", r.phase);
    r.cycle = opt_int(L, 2, "cycle", r.cycle);
    r.censor = opt_int(L, 2, "censor", r.censor);
    lua_getfield(L, 2, "override");
    if (!lua_isnil(L, -1)) r.override = luaL_checknumber(L, -1);
    lua_pop(L, 1);
    if (r.window < 1 || r.phase < 1 || r.cycle < 1 || r.censor < 0)
        return luaL_error(L, "signal.turning_points: window, phase and cycle must be at least 1");
    signed char *kind = lua_newuserdatauv(L, s->n + 1, 0);
    long *confirm = lua_newuserdatauv(L, (s->n + 1) * sizeof(long), 0);
    if (tn_date_turns(s->v, s->n, &r, kind) < 0 || tn_confirm_turns(s->v, s->n, &r, kind, confirm) < 0)
        return luaL_error(L, "signal.turning_points: out of memory");
    lua_newtable(L);
    int k = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (!kind[i]) continue;
        lua_createtable(L, 0, 5);
        lua_pushstring(L, kind[i] > 0 ? "peak" : "trough");
        lua_setfield(L, -2, "type");
        tn_period_display(s->freq, s->start + (int64_t)i, date, sizeof date);
        lua_pushstring(L, date);
        lua_setfield(L, -2, "date");
        long c = confirm[i] < 0 ? (long)s->n - 1 : confirm[i];
        tn_period_display(s->freq, s->start + c, date, sizeof date);
        lua_pushstring(L, date);
        lua_setfield(L, -2, "confirm");
        lua_pushinteger(L, c - (long)i);
        lua_setfield(L, -2, "delay");
        lua_pushnumber(L, s->v[i]);
        lua_setfield(L, -2, "value");
        lua_rawseti(L, -2, ++k);
    }
    lua_createtable(L, 0, 5);                           /* the rules used */
    lua_pushstring(L, method_names[method - 1]); lua_setfield(L, -2, "method");
    lua_pushinteger(L, r.window); lua_setfield(L, -2, "window");
    lua_pushinteger(L, r.phase); lua_setfield(L, -2, "phase");
    lua_pushinteger(L, r.cycle); lua_setfield(L, -2, "cycle");
    lua_pushinteger(L, r.censor); lua_setfield(L, -2, "censor");
    lua_pushnumber(L, r.override); lua_setfield(L, -2, "override");
    return 2;
}

static const luaL_Reg signal_functions[] = {
    {"_cross", signal_cross}, {"rising", signal_rising}, {"falling", signal_falling},
    {"persist", signal_persist}, {"first", signal_first}, {"hold", signal_hold},
    {"_turns", signal_turns},
    {NULL, NULL}
};

int luaopen_signal(lua_State *L) {
    luaL_newlib(L, signal_functions);
    return 1;
}

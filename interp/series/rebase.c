/*
 * rebase.c -- index bases and base effects.
 *
 *   s:rebase(base, value=100)         s / mean(s over base) · value; base a period
 *                                     ("2015-06"), a coarser one ("2015": its average)
 *                                     or {from, to}
 *   series.index_from_mom(mom, {base=100, at=})  chain month-on-month % changes
 *   series.index_from_yoy(yoy, levels)           chain yoy % from one year of levels
 *   series.splice(old, new, at)       join indexes across a base change
 *   s:project_yoy{mom=, horizon=12}   future yoy path of a level index (a rate
 *                                     is refused: meta or values <= 0) under
 *                                     assumed period-on-period % changes
 *   s:carryover()                     yoy = carry-over (翘尾) + new-price part
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

static tn_series *push_copy_attrs(lua_State *L, int from, int freq, int64_t start, size_t n) {
    tn_series *r = tn_series_push(L, freq, start, n);
    tn_series_copy_name(L, from, -1);
    tn_series_copy_meta(L, from, -1);
    return r;
}

/* Mean of s over [lo, hi] (period numbers), every value present. */
static double base_mean(lua_State *L, const tn_series *s, int64_t lo, int64_t hi) {
    double sum = 0;
    char a[32];
    for (int64_t p = lo; p <= hi; p++) {
        int64_t i = p - s->start;
        if (i < 0 || i >= (int64_t)s->n || isnan(s->v[i])) {
            tn_period_display(s->freq, p, a, sizeof a);
            luaL_error(L, "s:rebase: no value at %s, which is in the base period", a);
        }
        sum += s->v[i];
    }
    return sum / (double)(hi - lo + 1);
}

static int series_rebase(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    char shown[96];
    double value = lua_isnoneornil(L, 3) ? 100 : lua_tonumber(L, 3);
    if (!lua_isnoneornil(L, 3) && (lua_type(L, 3) != LUA_TNUMBER || !isfinite(value) || value == 0))
        return tn_arg_error(L, "s:rebase", "value", "must be a finite number other than 0 (got %s)",
                            tn_opts_show(L, 3, shown, sizeof shown));
    int64_t lo, hi;
    if (lua_istable(L, 2)) {
        lua_rawgeti(L, 2, 1);
        lua_rawgeti(L, 2, 2);
        lo = tn_series_period_arg(L, s, -2, 0, 0);
        hi = tn_series_period_arg(L, s, -1, 1, 0);
    } else {
        lo = tn_series_period_arg(L, s, 2, 0, 0);
        hi = tn_series_period_arg(L, s, 2, 1, 0);
    }
    if (hi < lo) return luaL_error(L, "s:rebase: the base period ends before it starts");
    double m = base_mean(L, s, lo, hi);
    if (m == 0) return luaL_error(L, "s:rebase: the base-period average is zero");
    tn_series *r = push_copy_attrs(L, 1, s->freq, s->start, s->n);
    for (size_t i = 0; i < s->n; i++) r->v[i] = s->v[i] / m * value;
    return 1;
}

/* series.index_from_mom(mom, {base=100, at=}): level_t = level_{t-1}·(1 + mom_t/100).
   The level at 'at' (default: the first period) is base; that period's own
   mom is not used. Chains backwards from 'at' the same way. A missing mom
   breaks the chain on that side. */
static int series_index_from_mom(lua_State *L) {
    tn_series *m = tn_series_check(L, 1);
    double base = 100;
    int64_t at = m->start;
    tn_opts_check(L, 2, "series.index_from_mom");
    if (lua_getfield(L, 2, "base") != LUA_TNIL) base = lua_tonumber(L, -1);
    if (lua_getfield(L, 2, "at") != LUA_TNIL) at = tn_series_period_arg(L, m, lua_gettop(L), 0, 1);
    int64_t k = at - m->start;
    if (k < 0 || k >= (int64_t)m->n) return luaL_error(L, "series.index_from_mom: 'at' is outside the series");
    tn_series *r = push_copy_attrs(L, 1, m->freq, m->start, m->n);
    r->v[k] = base;
    for (int64_t i = k + 1; i < (int64_t)m->n; i++) r->v[i] = r->v[i - 1] * (1 + m->v[i] / 100);
    for (int64_t i = k - 1; i >= 0; i--) r->v[i] = r->v[i + 1] / (1 + m->v[i + 1] / 100);
    tn_series_push_meta(L, -1);
    lua_pushliteral(L, "index");
    lua_setfield(L, -2, "kind");
    lua_pushnil(L);
    lua_setfield(L, -2, "unit");
    lua_pop(L, 1);
    return 1;
}

/* series.index_from_yoy(yoy, levels): levels gives at least one year of the
   index; every other period follows from level_t = level_{t-f}·(1 + yoy_t/100)
   forward and level_{t-f} = level_t / (1 + yoy_t/100) backward, f periods a year.
   The result spans the union of the two; known levels are kept as given. */
static int series_index_from_yoy(lua_State *L) {
    tn_series *y = tn_series_check(L, 1), *lv = tn_series_check(L, 2);
    if (y->freq != lv->freq || (y->freq != TN_M && y->freq != TN_Q))
        return luaL_error(L, "series.index_from_yoy: yoy and levels must both be monthly or both quarterly");
    int64_t f = tn_freq_per_year(y->freq);
    int64_t lo = y->start < lv->start ? y->start : lv->start;
    int64_t yhi = y->start + (int64_t)y->n, lhi = lv->start + (int64_t)lv->n;
    int64_t hi = yhi > lhi ? yhi : lhi;
    tn_series *r = push_copy_attrs(L, 2, y->freq, lo, (size_t)(hi - lo));
    size_t known = 0;
    for (int64_t p = lo; p < hi; p++) {
        int64_t i = p - lv->start;
        r->v[p - lo] = i >= 0 && i < (int64_t)lv->n ? lv->v[i] : NAN;
    }
    for (size_t i = 0; i < lv->n; i++) known += !isnan(lv->v[i]);
    if (known < (size_t)f) return luaL_error(L, "series.index_from_yoy: levels must give a full year (%d values)", (int)f);
#define YOY(p) ((p) - y->start >= 0 && (p) - y->start < (int64_t)y->n ? y->v[(p) - y->start] : NAN)
    for (int64_t p = lo + f; p < hi; p++)
        if (isnan(r->v[p - lo])) r->v[p - lo] = r->v[p - f - lo] * (1 + YOY(p) / 100);
    for (int64_t p = hi - 1; p - f >= lo; p--)
        if (isnan(r->v[p - f - lo])) r->v[p - f - lo] = r->v[p - lo] / (1 + YOY(p) / 100);
#undef YOY
    return 1;
}

/* series.splice(old, new, at): new from 'at' on; before it, old scaled by
   the link factor new[at]/old[at]. 'at' defaults to the first period where
   both have values. */
static int series_splice(lua_State *L) {
    tn_series *o = tn_series_check(L, 1), *n = tn_series_check(L, 2);
    if (o->freq != n->freq) return luaL_error(L, "series.splice: old and new differ in frequency");
    int64_t at;
    if (!lua_isnoneornil(L, 3)) at = tn_series_period_arg(L, n, 3, 0, 1);
    else {
        at = n->start;
        while (at < n->start + (int64_t)n->n &&
               (isnan(n->v[at - n->start]) || at < o->start || at >= o->start + (int64_t)o->n ||
                isnan(o->v[at - o->start])))
            at++;
    }
    int64_t io = at - o->start, in = at - n->start;
    if (io < 0 || io >= (int64_t)o->n || in < 0 || in >= (int64_t)n->n || isnan(o->v[io]) || isnan(n->v[in]))
        return luaL_error(L, "series.splice: old and new need values at the link period");
    if (o->v[io] == 0) return luaL_error(L, "series.splice: old is zero at the link period");
    double factor = n->v[in] / o->v[io];
    int64_t lo = o->start < n->start ? o->start : n->start;
    int64_t hi = n->start + (int64_t)n->n;
    tn_series *r = push_copy_attrs(L, 2, n->freq, lo, (size_t)(hi - lo));
    for (int64_t p = lo; p < hi; p++) {
        int64_t i = p - o->start, j = p - n->start;
        r->v[p - lo] = p >= at ? n->v[j]
                     : (i >= 0 && i < (int64_t)o->n) ? o->v[i] * factor : NAN;
    }
    tn_series_push_meta(L, -1);
    lua_pushnumber(L, factor);
    lua_setfield(L, -2, "link_factor");
    lua_pop(L, 1);
    return 1;
}

/* The assumed % change for the h-th future period (1-based): a number, an
   array (its last entry repeats), or a series read at that period. */
static double assumed_mom(lua_State *L, int arg, lua_Integer h, int64_t p) {
    if (lua_type(L, arg) == LUA_TNUMBER) return lua_tonumber(L, arg);
    tn_series *m = tn_series_test(L, arg);
    if (m) {
        int64_t i = p - m->start;
        return i >= 0 && i < (int64_t)m->n ? m->v[i] : NAN;
    }
    lua_Integer len = (lua_Integer)lua_rawlen(L, arg);
    lua_rawgeti(L, arg, h <= len ? h : len);
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

/* A list of assumed changes must be a non-empty array of numbers: an entry
   that is not one would be read as 0. */
static void check_mom_list(lua_State *L, int arg) {
    if (lua_type(L, arg) != LUA_TTABLE) return;
    lua_Integer len = (lua_Integer)lua_rawlen(L, arg);
    if (len == 0) tn_arg_error(L, "s:project_yoy", "option 'mom'", "is an empty list: give at least one %% change");
    for (lua_Integer i = 1; i <= len; i++) {
        if (lua_rawgeti(L, arg, i) != LUA_TNUMBER)
            tn_arg_error(L, "s:project_yoy", "option 'mom'", "entry %I is a %s, not a number", (LUAI_UACINT)i,
                         luaL_typename(L, -1));
        lua_pop(L, 1);
    }
}

/* Why s is not a level index, or NULL: its meta says it is a rate
   (kind "rate", unit "%", as yoy() and pct() set) or it has a value <= 0,
   which no price or volume index has. Projecting the "levels" of a growth
   rate gives growth rates of growth rates: plausible numbers, all wrong. */
static const char *rate_reason(lua_State *L, const tn_series *s) {
    static const char *const fields[][2] = {{"kind", "rate"}, {"unit", "%"}};
    const char *why = NULL;
    if (lua_getiuservalue(L, 1, 2) == LUA_TTABLE)
        for (int i = 0; i < 2 && !why; i++) {
            if (lua_getfield(L, -1, fields[i][0]) == LUA_TSTRING && strcmp(lua_tostring(L, -1), fields[i][1]) == 0)
                why = i == 0 ? "its meta.kind is \"rate\"" : "its meta.unit is \"%\"";
            lua_pop(L, 1);
        }
    lua_pop(L, 1);
    for (size_t i = 0; i < s->n && !why; i++)
        if (s->v[i] <= 0) why = "it has values <= 0";
    return why;
}

/* s:project_yoy{mom=0, horizon=12}: extends the level index s past its last
   value with the assumed changes and returns the yoy (%) of the projected
   periods, horizon periods long. */
static int series_project_yoy(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    tn_opts_check(L, 2, "s:project_yoy");
    const char *why = rate_reason(L, s);
    if (why)
        return luaL_error(L, "project_yoy needs a level index; this series looks like a rate (%s) — "
                          "build one with series.index_from_yoy", why);
    if (s->freq != TN_M && s->freq != TN_Q) return luaL_error(L, "s:project_yoy: needs a monthly or quarterly level index");
    lua_getfield(L, 2, "horizon");
    lua_Integer horizon = lua_isnil(L, -1) ? 12 : lua_tointeger(L, -1);
    lua_getfield(L, 2, "mom");
    int marg = lua_gettop(L);
    if (lua_isnil(L, marg)) { lua_pushnumber(L, 0); lua_replace(L, marg); }
    check_mom_list(L, marg);
    int64_t f = tn_freq_per_year(s->freq);
    size_t last = s->n;
    while (last > 0 && isnan(s->v[last - 1])) last--;
    if (horizon < 1) return luaL_error(L, "s:project_yoy: horizon must be at least 1");
    if ((int64_t)last < f) return luaL_error(L, "s:project_yoy: needs at least a year of levels");
    /* extended levels: observed, then projected */
    double *lv = lua_newuserdatauv(L, (last + (size_t)horizon) * sizeof(double), 0);
    memcpy(lv, s->v, last * sizeof(double));
    int64_t first_future = s->start + (int64_t)last;
    for (lua_Integer h = 1; h <= horizon; h++)
        lv[last + (size_t)h - 1] = lv[last + (size_t)h - 2] *
                                    (1 + assumed_mom(L, marg, h, first_future + h - 1) / 100);
    tn_series *r = tn_series_push(L, s->freq, first_future, (size_t)horizon);
    for (lua_Integer h = 0; h < horizon; h++) {
        size_t t = last + (size_t)h;
        r->v[h] = 100 * (lv[t] / lv[t - (size_t)f] - 1);
    }
    tn_series_copy_name(L, 1, -1);
    tn_series_push_meta(L, -1);
    lua_pushliteral(L, "%");
    lua_setfield(L, -2, "unit");
    lua_pushliteral(L, "projection");
    lua_setfield(L, -2, "kind");
    lua_pop(L, 1);
    return 1;
}

/* s:carryover() -> carry, new. For period t of year Y in a level index I:
     carry_t = 100·(I_{last period of Y−1} / I_{t, Y−1} − 1)
   the yoy period t would show if prices stayed at last December's (Q4's)
   level all year (the NBS 翘尾 definition), and new_t = yoy_t − carry_t
   the part from price changes this year, so yoy = carry + new exactly. */
static int series_carryover(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    if (s->freq != TN_M && s->freq != TN_Q) return luaL_error(L, "s:carryover: needs a monthly or quarterly level index");
    int64_t f = tn_freq_per_year(s->freq);
    tn_series *carry = push_copy_attrs(L, 1, s->freq, s->start, s->n);
    tn_series *fresh = push_copy_attrs(L, 1, s->freq, s->start, s->n);
    for (size_t i = 0; i < s->n; i++) {
        int64_t p = s->start + (int64_t)i;
        int64_t sub = ((p % f) + f) % f;
        int64_t dec = (int64_t)i - sub - 1;           /* last period of the previous year */
        int64_t ago = (int64_t)i - f;
        if (ago < 0 || dec < 0) { carry->v[i] = fresh->v[i] = NAN; continue; }
        double yoy = 100 * (s->v[i] / s->v[ago] - 1);
        carry->v[i] = 100 * (s->v[dec] / s->v[ago] - 1);
        fresh->v[i] = yoy - carry->v[i];
    }
    return 2;
}

void tn_rebase_register_methods(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"rebase", series_rebase}, {"project_yoy", series_project_yoy},
        {"carryover", series_carryover}, {NULL, NULL}
    };
    static const tn_opt project_opts[] = {
        {"mom", "number|table|series", NULL, -HUGE_VAL, HUGE_VAL, 0, "0",
         "assumed % change a period: a number, a list (its last entry repeats) or a series", NULL},
        {"horizon", "integer", NULL, 1, HUGE_VAL, 0, "12", "periods to project", NULL},
        {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
    tn_opts_declare(L, "s:project_yoy", project_opts);
}

void tn_rebase_register_functions(lua_State *L) {
    static const luaL_Reg functions[] = {
        {"index_from_mom", series_index_from_mom}, {"index_from_yoy", series_index_from_yoy},
        {"splice", series_splice}, {NULL, NULL}
    };
    static const tn_opt mom_opts[] = {
        {"base", "number", NULL, 0, HUGE_VAL, TN_OPT_LO_OPEN | TN_OPT_HI_OPEN, "100", "the level at 'at'", NULL},
        {"at", "string|integer", NULL, -HUGE_VAL, HUGE_VAL, 0, "the first period", "the period whose level is base", NULL},
        {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
    };
    luaL_setfuncs(L, functions, 0);
    tn_opts_declare(L, "series.index_from_mom", mom_opts);
}

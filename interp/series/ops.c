/*
 * series_ops.c -- operators on series: arithmetic (+ - * / % // ^, unary -),
 * comparisons as methods (gt ge lt le eq ne), and the tri-state logic of
 * 1/0 condition series (& | ~).
 *
 * Two series combine period by period on the span where both exist; a
 * series and a number broadcast. Any missing operand gives a missing
 * result, including NA^0 and 1^NA (C's pow would say 1), so a gap is never
 * silently filled. Series of different frequencies never combine.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

enum { ALIGNED, SERIES_NUM, NUM_SERIES };

#define KERNEL(NAME, EXPR)                                                   \
    static void NAME(double *restrict r, const double *x, const double *y,   \
                     int mode, size_t n) {                                   \
        if (mode == ALIGNED) {                                               \
            for (size_t i = 0; i < n; i++) {                                 \
                double a = x[i], b = y[i];                                   \
                r[i] = (EXPR);                                               \
            }                                                                \
        } else if (mode == SERIES_NUM) {                                     \
            double b = y[0];                                                 \
            for (size_t i = 0; i < n; i++) { double a = x[i]; r[i] = (EXPR); } \
        } else {                                                             \
            double a = x[0];                                                 \
            for (size_t i = 0; i < n; i++) { double b = y[i]; r[i] = (EXPR); } \
        }                                                                    \
    }

#define NA2(a, b) (isnan(a) || isnan(b))

/* Lua's modulo: the result takes the sign of the divisor. */
static double lua_style_mod(double a, double b) {
    double m = fmod(a, b);
    if (m != 0 && (m < 0) != (b < 0)) m += b;
    return m;
}

KERNEL(k_add, a + b)
KERNEL(k_sub, a - b)
KERNEL(k_mul, a * b)
KERNEL(k_div, a / b)
KERNEL(k_pow, NA2(a, b) ? NAN : pow(a, b))
KERNEL(k_mod, NA2(a, b) ? NAN : lua_style_mod(a, b))
KERNEL(k_idiv, floor(a / b))
KERNEL(k_gt, NA2(a, b) ? NAN : (double)(a > b))
KERNEL(k_ge, NA2(a, b) ? NAN : (double)(a >= b))
KERNEL(k_lt, NA2(a, b) ? NAN : (double)(a < b))
KERNEL(k_le, NA2(a, b) ? NAN : (double)(a <= b))
KERNEL(k_eq, NA2(a, b) ? NAN : (double)(a == b))
KERNEL(k_ne, NA2(a, b) ? NAN : (double)(a != b))
KERNEL(k_and, NA2(a, b) ? NAN : (double)(a != 0 && b != 0))
KERNEL(k_or, NA2(a, b) ? NAN : (double)(a != 0 || b != 0))
KERNEL(k_xor, NA2(a, b) ? NAN : (double)((a != 0) != (b != 0)))

typedef void (*kernel_fn)(double *restrict, const double *, const double *, int, size_t);

typedef struct {
    kernel_fn fn;
    const char *verb;      /* for messages: "cannot add ..." */
    int keeps_name;        /* series op number keeps the series' name */
} binop;

enum {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW, OP_MOD, OP_IDIV,
    OP_GT, OP_GE, OP_LT, OP_LE, OP_EQ, OP_NE, OP_AND, OP_OR, OP_XOR
};

static const binop binops[] = {
    {k_add, "add", 1}, {k_sub, "subtract", 1}, {k_mul, "multiply", 1},
    {k_div, "divide", 1}, {k_pow, "raise", 1}, {k_mod, "take the modulo of", 1},
    {k_idiv, "floor-divide", 1},
    {k_gt, "compare (gt)", 0}, {k_ge, "compare (ge)", 0}, {k_lt, "compare (lt)", 0},
    {k_le, "compare (le)", 0}, {k_eq, "compare (eq)", 0}, {k_ne, "compare (ne)", 0},
    {k_and, "combine (&)", 0}, {k_or, "combine (|)", 0}, {k_xor, "combine (~)", 0},
};

static int operand_error(lua_State *L, int op) {
    int bad = tn_series_test(L, 1) ? 2 : 1;
    return luaL_error(L, "attempt to %s a 'series' with a '%s' (expected a series or a number)",
                      binops[op].verb, luaL_typename(L, bad));
}

/* Suggests converting the higher-frequency operand down to the other. */
static int freq_error(lua_State *L, int op, const tn_series *a, const tn_series *b) {
    char da[128], db[128];
    int a_higher = tn_freq_rank(a->freq) > tn_freq_rank(b->freq);
    const char *hn = tn_series_name(L, a_higher ? 1 : 2);
    return luaL_error(L, "cannot %s %s and %s: convert one first, e.g. %s:to('%s', 'mean')",
                      binops[op].verb, tn_series_describe(L, 1, da, sizeof da),
                      tn_series_describe(L, 2, db, sizeof db), hn ? hn : "s",
                      tn_freq_code(a_higher ? b->freq : a->freq));
}

/* Two series of one frequency that share no period: an error rather than
   an empty result that would surface far from its cause. */
static int overlap_error(lua_State *L, int op, const tn_series *a, const tn_series *b) {
    char a0[32], a1[32], b0[32], b1[32];
    tn_period_display(a->freq, a->start, a0, sizeof a0);
    tn_period_display(a->freq, a->start + (int64_t)a->n - 1, a1, sizeof a1);
    tn_period_display(b->freq, b->start, b0, sizeof b0);
    tn_period_display(b->freq, b->start + (int64_t)b->n - 1, b1, sizeof b1);
    return luaL_error(L, "cannot %s series with no period in common (%s .. %s and %s .. %s)",
                      binops[op].verb, a->n ? a0 : "empty", a->n ? a1 : "", b->n ? b0 : "empty",
                      b->n ? b1 : "");
}

/* Applies binops[op] to stack slots 1 and 2; pushes the result. */
static int binary(lua_State *L, int op) {
    tn_series *a = tn_series_test(L, 1), *b = tn_series_test(L, 2);
    double x, y;
    if (a && b) {
        if (a->freq != b->freq) return freq_error(L, op, a, b);
        int64_t lo = a->start > b->start ? a->start : b->start;
        int64_t ahi = a->start + (int64_t)a->n, bhi = b->start + (int64_t)b->n;
        int64_t hi = ahi < bhi ? ahi : bhi;
        if (hi <= lo) return overlap_error(L, op, a, b);
        tn_series *r = tn_series_push(L, a->freq, lo, (size_t)(hi - lo));
        binops[op].fn(r->v, a->v + (lo - a->start), b->v + (lo - b->start), ALIGNED, r->n);
        const char *na = tn_series_name(L, 1), *nb = tn_series_name(L, 2);
        if (binops[op].keeps_name && na && nb && strcmp(na, nb) == 0) tn_series_copy_name(L, 1, -1);
        tn_series_propagate_taint(L, 1, -1);
        tn_series_propagate_taint(L, 2, -1);
        return 1;
    }
    if (a && lua_type(L, 2) == LUA_TNUMBER) {
        y = lua_tonumber(L, 2);
        tn_series *r = tn_series_push_like(L, a, a->n);
        binops[op].fn(r->v, a->v, &y, SERIES_NUM, a->n);
        if (binops[op].keeps_name) tn_series_copy_name(L, 1, -1);
        tn_series_propagate_taint(L, 1, -1);
        return 1;
    }
    if (b && lua_type(L, 1) == LUA_TNUMBER) {
        x = lua_tonumber(L, 1);
        tn_series *r = tn_series_push_like(L, b, b->n);
        binops[op].fn(r->v, &x, b->v, NUM_SERIES, b->n);
        if (binops[op].keeps_name) tn_series_copy_name(L, 2, -1);
        tn_series_propagate_taint(L, 2, -1);
        return 1;
    }
    return operand_error(L, op);
}

static int series_add(lua_State *L)  { return binary(L, OP_ADD); }
static int series_sub(lua_State *L)  { return binary(L, OP_SUB); }
static int series_mul(lua_State *L)  { return binary(L, OP_MUL); }
static int series_div(lua_State *L)  { return binary(L, OP_DIV); }
static int series_pow(lua_State *L)  { return binary(L, OP_POW); }
static int series_mod(lua_State *L)  { return binary(L, OP_MOD); }
static int series_idiv(lua_State *L) { return binary(L, OP_IDIV); }
static int series_band(lua_State *L) { return binary(L, OP_AND); }
static int series_bor(lua_State *L)  { return binary(L, OP_OR); }
static int series_bxor(lua_State *L) { return binary(L, OP_XOR); }

/* Comparison methods: s:gt(x) with x a series or a number. */
static int compare(lua_State *L, int op) {
    char name[80], shown[96];
    tn_series_check(L, 1);
    if (lua_type(L, 2) != LUA_TNUMBER && !tn_series_test(L, 2))
        tn_arg_error(L, tn_running_name(L, name, sizeof name), "argument 1", "must be a series or a number (got %s)",
                     tn_opts_show(L, 2, shown, sizeof shown));
    lua_settop(L, 2);
    return binary(L, op);
}

static int series_gt(lua_State *L) { return compare(L, OP_GT); }
static int series_ge(lua_State *L) { return compare(L, OP_GE); }
static int series_lt(lua_State *L) { return compare(L, OP_LT); }
static int series_le(lua_State *L) { return compare(L, OP_LE); }
static int series_eq(lua_State *L) { return compare(L, OP_EQ); }
static int series_ne(lua_State *L) { return compare(L, OP_NE); }

static int series_unm(lua_State *L) {
    tn_series *a = tn_series_check(L, 1);
    tn_series *r = tn_series_push_like(L, a, a->n);
    for (size_t i = 0; i < a->n; i++) r->v[i] = -a->v[i];
    tn_series_copy_name(L, 1, -1);
    tn_series_propagate_taint(L, 1, -1);
    return 1;
}

/* ~cond: 1 where cond is 0, 0 where it is non-zero, NA stays NA. */
static int series_bnot(lua_State *L) {
    tn_series *a = tn_series_check(L, 1);
    tn_series *r = tn_series_push_like(L, a, a->n);
    for (size_t i = 0; i < a->n; i++) r->v[i] = isnan(a->v[i]) ? NAN : (double)(a->v[i] == 0);
    tn_series_propagate_taint(L, 1, -1);
    return 1;
}

/* s:isna() and s:notna(): 1/0 series with no missing values. */
static int isna_series(lua_State *L, int want_missing) {
    tn_series *a = tn_series_check(L, 1);
    tn_series *r = tn_series_push_like(L, a, a->n);
    for (size_t i = 0; i < a->n; i++) r->v[i] = (double)((isnan(a->v[i]) != 0) == want_missing);
    return 1;
}
static int series_isna(lua_State *L)  { return isna_series(L, 1); }
static int series_notna(lua_State *L) { return isna_series(L, 0); }

/* a == b: same calendar and the same values, missing in the same places. */
static int series_equal(lua_State *L) {
    tn_series *a = tn_series_test(L, 1), *b = tn_series_test(L, 2);
    int same = a && b && a->freq == b->freq && a->start == b->start && a->n == b->n;
    for (size_t i = 0; same && i < a->n; i++)
        same = (isnan(a->v[i]) && isnan(b->v[i])) || a->v[i] == b->v[i];
    lua_pushboolean(L, same);
    return 1;
}

static int series_order_error(lua_State *L) {
    return luaL_error(L, "series cannot be ordered with < or <=: Lua needs a boolean there;"
                      " use a:lt(b), a:le(b), a:gt(b), a:ge(b) for a 1/0 series");
}

void tn_series_ops_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"gt", series_gt}, {"ge", series_ge}, {"lt", series_lt},
        {"le", series_le}, {"eq", series_eq}, {"ne", series_ne},
        {"isna", series_isna}, {"notna", series_notna},
        {NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
}

void tn_series_ops_metamethods(lua_State *L) {
    static const luaL_Reg meta[] = {
        {"__add", series_add}, {"__sub", series_sub}, {"__mul", series_mul},
        {"__div", series_div}, {"__pow", series_pow}, {"__mod", series_mod},
        {"__idiv", series_idiv}, {"__unm", series_unm},
        {"__band", series_band}, {"__bor", series_bor}, {"__bxor", series_bxor},
        {"__bnot", series_bnot}, {"__eq", series_equal},
        {"__lt", series_order_error}, {"__le", series_order_error},
        {NULL, NULL}
    };
    luaL_setfuncs(L, meta, 0);
}

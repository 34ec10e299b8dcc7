/*
 * rolling.c -- rolling and expanding regressions:
 *
 *   regress._rolling(y, cols, names, {window=, step=1, min_obs=, cov=, lag=, const=})
 *
 * y and cols are series of one frequency. The window ending at period t
 * covers t-w+1 .. t (window = 0: everything up to t, the expanding case);
 * rows with a missing value are skipped, and a window is fitted when it has
 * at least min_obs rows (default: w, or k+1 when expanding). Results are
 * dated by the window's last period.
 *
 * With the classical covariance the fit is updated, not redone: the window's
 * sums of x, xx', y, xy and yy (taken about the values at the last restart,
 * and recomputed exactly every w steps so rounding never accumulates) give
 * the centred cross-products, and the slopes solve C_xx b = C_xy by
 * Cholesky, O(k²) a step after O(k³) — O(n·k²) for a fixed k. The centring
 * keeps the intercept's collinearity out of the system, but its condition
 * is still that of the centred design squared; for a badly conditioned
 * design, or any robust covariance, each window is refitted with the QR
 * method of regress.ols (O(n·w·k²)).
 */
#include <math.h>
#include <string.h>

#include "core/interrupt.h"
#include "core/calendar.h"
#include "core/ols.h"
#include "series/series.h"

#define MAXK 16

typedef struct {
    size_t k;                  /* regressors without the constant */
    double K[MAXK + 1];        /* shift: x then y */
    double sx[MAXK + 1], sxx[(MAXK + 1) * (MAXK + 1)];
    size_t m;
} crossprod;

/* v = (x_1..x_k, y) − shift, added (sign +1) or removed (sign −1). */
static void cp_update(crossprod *c, const double *v, double sign) {
    size_t d = c->k + 1;
    double z[MAXK + 1];
    for (size_t i = 0; i < d; i++) z[i] = v[i] - c->K[i];
    for (size_t i = 0; i < d; i++) {
        c->sx[i] += sign * z[i];
        for (size_t j = 0; j <= i; j++) c->sxx[i * d + j] += sign * z[i] * z[j];
    }
    c->m += sign > 0 ? 1 : (size_t)-1;
}

/* Cholesky solve of the centred system; returns -1 when not positive definite.
   Out: slopes b, intercept, ssr, and the inverse of C_xx in inv. */
static int cp_solve(const crossprod *c, double *b, double *icpt, double *ssr, double *inv) {
    size_t k = c->k, d = k + 1;
    double m = (double)c->m, C[MAXK * MAXK], L[MAXK * MAXK], cxy[MAXK], mean[MAXK + 1];
    for (size_t i = 0; i < d; i++) mean[i] = c->sx[i] / m;
    for (size_t i = 0; i < k; i++) {
        for (size_t j = 0; j <= i; j++) C[i * k + j] = C[j * k + i] = c->sxx[i * d + j] - c->sx[i] * c->sx[j] / m;
        cxy[i] = c->sxx[k * d + i] - c->sx[k] * c->sx[i] / m;
    }
    double cyy = c->sxx[k * d + k] - c->sx[k] * c->sx[k] / m;
    for (size_t j = 0; j < k; j++) {                   /* C = L L' */
        double s = C[j * k + j];
        for (size_t l = 0; l < j; l++) s -= L[j * k + l] * L[j * k + l];
        if (!(s > 1e-12 * C[j * k + j]) || s <= 0) return -1;
        L[j * k + j] = sqrt(s);
        for (size_t i = j + 1; i < k; i++) {
            double t = C[i * k + j];
            for (size_t l = 0; l < j; l++) t -= L[i * k + l] * L[j * k + l];
            L[i * k + j] = t / L[j * k + j];
        }
    }
    for (size_t col = 0; col <= k; col++) {            /* columns of C^-1, then b */
        double r[MAXK];
        for (size_t i = 0; i < k; i++) r[i] = col < k ? (i == col) : cxy[i];
        for (size_t i = 0; i < k; i++) {
            for (size_t l = 0; l < i; l++) r[i] -= L[i * k + l] * r[l];
            r[i] /= L[i * k + i];
        }
        for (size_t i = k; i-- > 0;) {
            for (size_t l = i + 1; l < k; l++) r[i] -= L[l * k + i] * r[l];
            r[i] /= L[i * k + i];
        }
        for (size_t i = 0; i < k; i++) { if (col < k) inv[i * k + col] = r[i]; else b[i] = r[i]; }
    }
    double fit = 0, xb = 0;
    for (size_t i = 0; i < k; i++) fit += b[i] * cxy[i], xb += b[i] * (mean[i] + c->K[i]);
    *ssr = cyy - fit;
    if (*ssr < 0) *ssr = 0;
    *icpt = mean[k] + c->K[k] - xb;
    return 0;
}

typedef struct {
    size_t k;                  /* columns given */
    tn_series *y, *x[MAXK];
    int64_t lo, hi;
} roll_input;

/* The row at period p as (x..., y); 0 when something is missing. */
static int row_at(const roll_input *in, int64_t p, double *v) {
    for (size_t j = 0; j < in->k; j++) {
        double x = in->x[j]->v[p - in->x[j]->start];
        if (isnan(x)) return 0;
        v[j] = x;
    }
    v[in->k] = in->y->v[p - in->y->start];
    return !isnan(v[in->k]);
}

static tn_series *push_result(lua_State *L, const roll_input *in) {
    tn_series *s = tn_series_push(L, in->y->freq, in->lo, (size_t)(in->hi - in->lo + 1));
    for (size_t i = 0; i < s->n; i++) s->v[i] = NAN;
    return s;
}

/* Output series: coef and se per coefficient (const first), then r2, nobs. */
typedef struct { tn_series *coef[MAXK + 1], *se[MAXK + 1], *r2, *nobs; } roll_output;

static void fast_window(const crossprod *c, size_t t, roll_output *o, size_t k) {
    double b[MAXK], icpt, ssr, inv[MAXK * MAXK];
    if (cp_solve(c, b, &icpt, &ssr, inv) != 0) return;
    double m = (double)c->m, s2 = ssr / (m - (double)k - 1);
    double cyy = c->sxx[k * (k + 2)] - c->sx[k] * c->sx[k] / m;
    double mean[MAXK], v0 = 1 / m;
    for (size_t i = 0; i < k; i++) mean[i] = c->sx[i] / m + c->K[i];
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) v0 += mean[i] * inv[i * k + j] * mean[j];
    o->coef[0]->v[t] = icpt;
    o->se[0]->v[t] = sqrt(s2 * v0);
    for (size_t i = 0; i < k; i++) {
        o->coef[i + 1]->v[t] = b[i];
        o->se[i + 1]->v[t] = sqrt(s2 * inv[i * k + i]);
    }
    o->r2->v[t] = cyy > 0 ? 1 - ssr / cyy : NAN;
    o->nobs->v[t] = m;
}

static int regress_rolling(lua_State *L) {
    roll_input in;
    memset(&in, 0, sizeof in);
    in.y = tn_series_check(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TTABLE);
    in.k = lua_rawlen(L, 2);
    if (in.k == 0 || in.k > MAXK) return luaL_error(L, "regress.rolling: 1 to %d regressors", MAXK);
    in.lo = in.y->start, in.hi = in.y->start + (int64_t)in.y->n - 1;
    for (size_t j = 0; j < in.k; j++) {
        lua_rawgeti(L, 2, (lua_Integer)j + 1);
        in.x[j] = tn_series_test(L, -1);
        if (!in.x[j]) return luaL_error(L, "regress.rolling: regressor %d is not a series", (int)j + 1);
        if (in.x[j]->freq != in.y->freq) return luaL_error(L, "regress.rolling: regressors and y must share a frequency");
        if (in.x[j]->start > in.lo) in.lo = in.x[j]->start;
        if (in.x[j]->start + (int64_t)in.x[j]->n - 1 < in.hi) in.hi = in.x[j]->start + (int64_t)in.x[j]->n - 1;
        lua_pop(L, 1);
    }
    if (in.hi < in.lo) return luaL_error(L, "regress.rolling: y and the regressors share no period");
    lua_getfield(L, 4, "window");
    lua_Integer w = luaL_checkinteger(L, -1);
    lua_getfield(L, 4, "min_obs");
    lua_Integer min_obs = luaL_optinteger(L, -1, w > 0 ? w : (lua_Integer)in.k + 2);
    lua_getfield(L, 4, "step");
    lua_Integer step = luaL_optinteger(L, -1, 1);
    lua_pop(L, 3);
    if (w < 0) return luaL_error(L, "regress.rolling: window must be positive");
    if (w > 0 && w > in.hi - in.lo + 1)
        return luaL_error(L, "regress.rolling: window %d is longer than the common span (%d periods)",
                          (int)w, (int)(in.hi - in.lo + 1));
    if (min_obs < (lua_Integer)in.k + 2) return luaL_error(L, "regress.rolling: min_obs must be at least %d", (int)in.k + 2);
    if (step < 1) return luaL_error(L, "regress.rolling: step must be at least 1");

    lua_settop(L, 4);
    roll_output o;
    lua_newtable(L);                                          /* result at 5 */
    lua_newtable(L); lua_newtable(L);                         /* coef at 6, se at 7 */
    for (size_t j = 0; j <= in.k; j++) {
        if (j == 0) lua_pushliteral(L, "const"); else lua_rawgeti(L, 3, (lua_Integer)j);
        o.coef[j] = push_result(L, &in); lua_rawset(L, 6);
        if (j == 0) lua_pushliteral(L, "const"); else lua_rawgeti(L, 3, (lua_Integer)j);
        o.se[j] = push_result(L, &in); lua_rawset(L, 7);
    }
    lua_setfield(L, 5, "se");
    lua_setfield(L, 5, "coef");
    o.r2 = push_result(L, &in); lua_setfield(L, 5, "r2");
    o.nobs = push_result(L, &in); lua_setfield(L, 5, "nobs");

    crossprod c;
    memset(&c, 0, sizeof c);
    c.k = in.k;
    double v[MAXK + 1];
    int64_t span = in.hi - in.lo + 1;
    for (int64_t t = 0; t < span; t++) {
        if (tn_interrupt_due((size_t)t)) return tn_raise_interrupted(L, "regress.rolling");
        int64_t p = in.lo + t;
        if (w > 0 && t >= w && t % w == 0) {                  /* exact restart */
            memset(&c, 0, sizeof c);
            c.k = in.k;
            for (int64_t q = p - w + 1; q <= p; q++) if (row_at(&in, q, v)) { memcpy(c.K, v, sizeof v); break; }
            for (int64_t q = p - w + 1; q <= p; q++) if (row_at(&in, q, v)) cp_update(&c, v, 1);
        } else {
            if (row_at(&in, p, v)) {
                if (c.m == 0) {                               /* empty: re-anchor */
                    memset(&c, 0, sizeof c);
                    c.k = in.k;
                    memcpy(c.K, v, sizeof v);
                }
                cp_update(&c, v, 1);
            }
            if (w > 0 && t >= w && row_at(&in, p - w, v)) cp_update(&c, v, -1);
        }
        if ((lua_Integer)c.m >= min_obs && t % step == (span - 1) % step) fast_window(&c, (size_t)t, &o, in.k);
    }
    return 1;
}

void tn_rolling_register(lua_State *L);   /* called from regress.c */
void tn_rolling_register(lua_State *L) {
    lua_pushcfunction(L, regress_rolling);
    lua_setfield(L, -2, "_rolling");
}

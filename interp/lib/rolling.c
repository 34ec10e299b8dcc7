/*
 * rolling.c -- rolling and expanding regressions:
 *
 *   regress._rolling(y, cols, names, {window=, step=1, min_obs=, cov=, lag=})
 *
 * y and cols are series of one frequency. The window ending at period t
 * covers t-w+1 .. t (window = 0: everything up to t, the expanding case);
 * rows with a missing value are skipped, and a window is fitted when it has
 * at least min_obs rows (default: w, or k+2 when expanding). Results are
 * dated by the window's last period.
 *
 * With the classical covariance the fit is updated, not redone: the window's
 * sums of x, xx', y, xy and yy (taken about the values at the last restart,
 * and recomputed exactly every w steps so rounding never accumulates) give
 * the centred cross-products, and the slopes solve C_xx b = C_xy by
 * Cholesky, O(k²) a step after O(k³) — O(n·k²) for a fixed k. That system's
 * condition is the square of the centred design's, so each window's is
 * checked: when a Cholesky pivot of the correlation-scaled C_xx falls below
 * ILL_PIVOT (the share of a regressor's variance left after the earlier
 * ones), the window is refitted by QR (core/ols.c) on its regressors
 * centred in the window, with the constant kept apart, and the intercept
 * and its variance mapped back. Robust covariances (HC0..HC3, HAC) refit
 * every window that way (O(n·w·k²)); the sandwich estimators are invariant
 * to the centring, so nothing is lost. A window left NA though it had the
 * rows (regressors collinear in it) is counted in result.notes, never
 * silent; result.qr_windows counts the QR refits.
 */
#include <math.h>
#include <string.h>

#include "core/interrupt.h"
#include "core/calendar.h"
#include "core/ols.h"
#include "series/series.h"

#define MAXK 16

/* Below this pivot (1 − R² of a regressor on the earlier ones) the
   normal equations would lose more than about eps/ILL_PIVOT ≈ 2e-10 of
   relative accuracy: QR takes over. */
#define ILL_PIVOT 1e-6

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

/* Cholesky solve of the centred system; returns -1 when a pivot shows the
   system ill-conditioned (see ILL_PIVOT) or not positive definite, or when
   its sums of squares are too small or large to trust.
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
    for (size_t j = 0; j < k; j++)       /* squares near under- or overflow (|x| ~ 1e-160): QR scales them */
        if (!(C[j * k + j] > 1e-200 && C[j * k + j] < 1e200)) return -1;
    if (!(cyy < 1e200)) return -1;
    for (size_t j = 0; j < k; j++) {                   /* C = L L' */
        double s = C[j * k + j];
        for (size_t l = 0; l < j; l++) s -= L[j * k + l] * L[j * k + l];
        if (!(s > ILL_PIVOT * C[j * k + j]) || s <= 0) return -1;
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

/* Output series: coef and se per coefficient (const first), then r2, nobs. */
typedef struct { tn_series *coef[MAXK + 1], *se[MAXK + 1], *r2, *nobs; } roll_output;

/* 0 when the window was fitted, -1 when its system is ill-conditioned. */
static int fast_window(const crossprod *c, size_t t, roll_output *o, size_t k) {
    double b[MAXK], icpt, ssr, inv[MAXK * MAXK];
    if (cp_solve(c, b, &icpt, &ssr, inv) != 0) return -1;
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
    return 0;
}

/* Workspace of the QR refits: the window's rows, regressors centred, a
   column of ones first (column-major, w rows), and tn_ols' outputs. */
typedef struct {
    size_t rows, k1;           /* capacity in rows; k + 1 columns */
    double *X, *y, *resid, beta[MAXK + 1], cov[(MAXK + 1) * (MAXK + 1)], se[MAXK + 1];
    int depends_on[MAXK + 1];
    int cov_type, lag;         /* lag < 0: Newey-West's rule on the rows used */
    size_t qr_windows, failed; /* refits, windows left NA */
    size_t flat_y, lever1;     /* windows fitted with y constant (R² NA), with leverage 1 (HC2/HC3 se NA) */
    int64_t first_failed, first_flat_y, first_lever1;
    int collinear;
} qr_work;

/* The rows of [from, to] into w (x centred at xbar); returns their count. */
static size_t gather_rows(const roll_input *in, int64_t from, int64_t to, qr_work *w, double *xbar) {
    double v[MAXK + 1];
    size_t m = 0, k = in->k;
    for (size_t j = 0; j < k; j++) xbar[j] = 0;
    for (int64_t q = from; q <= to; q++) {
        if (!row_at(in, q, v)) continue;
        w->X[m] = 1;
        for (size_t j = 0; j < k; j++) { w->X[(j + 1) * w->rows + m] = v[j]; xbar[j] += v[j]; }
        w->y[m++] = v[k];
    }
    for (size_t j = 0; j < k; j++) xbar[j] /= (double)m;
    for (size_t j = 0; j < k; j++)
        for (size_t r = 0; r < m; r++) w->X[(j + 1) * w->rows + r] -= xbar[j];
    for (size_t j = 1; j <= k; j++)                 /* close up the columns to m rows */
        memmove(w->X + j * m, w->X + j * w->rows, m * sizeof(double));
    return m;
}

/* Refits the window [from, to] by QR. On the centred design the intercept
   is c'b with c = (1, −x̄), and its standard error is ols.c's stable
   contrast_se (any covariance maps the same way). Returns -1 when out of
   memory (the workspace is GC-owned: the caller may raise). */
static int qr_window(const roll_input *in, int64_t from, int64_t to, size_t t, roll_output *o, qr_work *w) {
    double xbar[MAXK], c[MAXK + 1] = {1};
    size_t k = in->k, k1 = k + 1, m = gather_rows(in, from, to, w, xbar);
    for (size_t i = 0; i < k; i++) c[i + 1] = -xbar[i];
    tn_ols_fit fit = {0};
    fit.beta = w->beta, fit.cov = w->cov, fit.se = w->se, fit.resid = w->resid, fit.depends_on = w->depends_on;
    fit.contrast = c;
    int lag = w->lag >= 0 ? w->lag : tn_ols_nw_lag(m);
    w->qr_windows++;
    int status = tn_ols(w->X, w->y, m, k1, w->cov_type, lag, &fit);
    if (status == -1) {
        if (w->failed++ == 0) w->first_failed = in->lo + (int64_t)t, w->collinear = fit.collinear;
        return 0;
    }
    if (status != 0) return -1;
    if (fit.leverage_one >= 0 && w->lever1++ == 0) w->first_lever1 = in->lo + (int64_t)t;
    double icpt = w->beta[0], ybar = 0, tss = 0;
    for (size_t i = 0; i < k; i++) icpt -= w->beta[i + 1] * xbar[i];
    for (size_t r = 0; r < m; r++) ybar += w->y[r] / (double)m;
    for (size_t r = 0; r < m; r++) tss += (w->y[r] - ybar) * (w->y[r] - ybar);
    o->coef[0]->v[t] = icpt;
    o->se[0]->v[t] = fit.contrast_se;
    for (size_t i = 0; i < k; i++) {
        o->coef[i + 1]->v[t] = w->beta[i + 1];
        o->se[i + 1]->v[t] = w->se[i + 1];
    }
    o->r2->v[t] = tss > 0 ? 1 - fit.ssr / tss : NAN;
    return 0;
}

typedef struct { lua_Integer w, min_obs, step; } roll_opts;

/* y at 1, cols at 2, options at 4: the common span, the options and the
   QR workspace's covariance. */
static void read_input(lua_State *L, roll_input *in, roll_opts *ro, qr_work *qw) {
    static const char *const cov_names[] = {"classical", "HC0", "HC1", "HC2", "HC3", "HAC", NULL};
    memset(in, 0, sizeof *in);
    in->y = tn_series_check(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TTABLE);
    in->k = lua_rawlen(L, 2);
    if (in->k == 0 || in->k > MAXK) luaL_error(L, "regress.rolling: 1 to %d regressors", MAXK);
    in->lo = in->y->start, in->hi = in->y->start + (int64_t)in->y->n - 1;
    for (size_t j = 0; j < in->k; j++) {
        lua_rawgeti(L, 2, (lua_Integer)j + 1);
        in->x[j] = tn_series_test(L, -1);
        if (!in->x[j]) luaL_error(L, "regress.rolling: regressor %d is not a series", (int)j + 1);
        if (in->x[j]->freq != in->y->freq) luaL_error(L, "regress.rolling: regressors and y must share a frequency");
        if (in->x[j]->start > in->lo) in->lo = in->x[j]->start;
        if (in->x[j]->start + (int64_t)in->x[j]->n - 1 < in->hi) in->hi = in->x[j]->start + (int64_t)in->x[j]->n - 1;
        lua_pop(L, 1);
    }
    if (in->hi < in->lo) luaL_error(L, "regress.rolling: y and the regressors share no period");
    lua_getfield(L, 4, "window");
    ro->w = luaL_checkinteger(L, -1);
    lua_getfield(L, 4, "min_obs");
    ro->min_obs = luaL_optinteger(L, -1, ro->w > 0 ? ro->w : (lua_Integer)in->k + 2);
    lua_getfield(L, 4, "step");
    ro->step = luaL_optinteger(L, -1, 1);
    lua_getfield(L, 4, "cov");
    qw->cov_type = luaL_checkoption(L, -1, "classical", cov_names);
    lua_getfield(L, 4, "lag");
    lua_Integer lag = lua_isnil(L, -1) ? -1 : luaL_checkinteger(L, -1);
    if (!lua_isnil(L, -1) && (lag < 0 || lag > INT32_MAX)) luaL_error(L, "regress.rolling: lag must be 0 or more");
    qw->lag = (int)lag;
    lua_pop(L, 5);
    if (ro->w < 0) luaL_error(L, "regress.rolling: window must be positive");
    if (ro->w > 0 && ro->w > in->hi - in->lo + 1)
        luaL_error(L, "regress.rolling: window %d is longer than the common span (%d periods)",
                   (int)ro->w, (int)(in->hi - in->lo + 1));
    if (ro->min_obs < (lua_Integer)in->k + 2) luaL_error(L, "regress.rolling: min_obs must be at least %d", (int)in->k + 2);
    if (ro->step < 1) luaL_error(L, "regress.rolling: step must be at least 1");
}

static tn_series *push_result(lua_State *L, const roll_input *in) {
    tn_series *s = tn_series_push(L, in->y->freq, in->lo, (size_t)(in->hi - in->lo + 1));
    for (size_t i = 0; i < s->n; i++) s->v[i] = NAN;
    return s;
}

/* The result table at 5: coef and se (tables by name, const first), r2, nobs. */
static void push_outputs(lua_State *L, const roll_input *in, roll_output *o) {
    lua_settop(L, 4);
    lua_newtable(L);                                          /* result at 5 */
    lua_newtable(L); lua_newtable(L);                         /* coef at 6, se at 7 */
    for (size_t j = 0; j <= in->k; j++) {
        if (j == 0) lua_pushliteral(L, "const"); else lua_rawgeti(L, 3, (lua_Integer)j);
        o->coef[j] = push_result(L, in); lua_rawset(L, 6);
        if (j == 0) lua_pushliteral(L, "const"); else lua_rawgeti(L, 3, (lua_Integer)j);
        o->se[j] = push_result(L, in); lua_rawset(L, 7);
    }
    lua_setfield(L, 5, "se");
    lua_setfield(L, 5, "coef");
    o->r2 = push_result(L, in); lua_setfield(L, 5, "r2");
    o->nobs = push_result(L, in); lua_setfield(L, 5, "nobs");
}

/* The sums of the window ending at p, recomputed exactly about its first row. */
static void cp_restart(crossprod *c, const roll_input *in, int64_t p, lua_Integer w) {
    double v[MAXK + 1];
    size_t k = c->k;
    memset(c, 0, sizeof *c);
    c->k = k;
    for (int64_t q = p - w + 1; q <= p; q++) if (row_at(in, q, v)) { memcpy(c->K, v, sizeof v); break; }
    for (int64_t q = p - w + 1; q <= p; q++) if (row_at(in, q, v)) cp_update(c, v, 1);
}

/* Moves the sums to the window ending at lo + t. */
static void cp_advance(crossprod *c, const roll_input *in, int64_t t, lua_Integer w) {
    double v[MAXK + 1];
    int64_t p = in->lo + t;
    if (w > 0 && t >= w && t % w == 0) { cp_restart(c, in, p, w); return; }
    if (row_at(in, p, v)) {
        if (c->m == 0) {                                      /* empty: re-anchor */
            size_t k = c->k;
            memset(c, 0, sizeof *c);
            c->k = k;
            memcpy(c->K, v, sizeof v);
        }
        cp_update(c, v, 1);
    }
    if (w > 0 && t >= w && row_at(in, p - w, v)) cp_update(c, v, -1);
}

/* result.qr_windows and result.notes (why windows with rows are NA, or
   their R²). */
static void push_notes(lua_State *L, const roll_input *in, const qr_work *qw) {
    lua_pushinteger(L, (lua_Integer)qw->qr_windows);
    lua_setfield(L, 5, "qr_windows");
    char when[32];
    lua_newtable(L);
    if (qw->failed) {
        tn_period_display(in->y->freq, qw->first_failed, when, sizeof when);
        if (qw->collinear > 0) lua_rawgeti(L, 3, qw->collinear);
        else lua_pushliteral(L, "the constant");
        lua_pushfstring(L, "%d window(s) are NA because the regressors are collinear in them "
                        "(the first ends %s: %s depends on the others)", (int)qw->failed, when, lua_tostring(L, -1));
        lua_remove(L, -2);
        lua_rawseti(L, -2, 1);
    }
    if (qw->flat_y) {
        tn_period_display(in->y->freq, qw->first_flat_y, when, sizeof when);
        lua_pushfstring(L, "%d window(s) have y constant, so R² is NA there (the first ends %s)", (int)qw->flat_y, when);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    }
    if (qw->lever1) {
        tn_period_display(in->y->freq, qw->first_lever1, when, sizeof when);
        lua_pushfstring(L, "%d window(s) have an observation with leverage 1, where HC2/HC3 standard errors "
                        "are undefined (NA; the first ends %s)", (int)qw->lever1, when);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    }
    lua_setfield(L, 5, "notes");
}

static int regress_rolling(lua_State *L) {
    roll_input in;
    roll_opts ro;
    qr_work qw;
    memset(&qw, 0, sizeof qw);
    read_input(L, &in, &ro, &qw);
    roll_output o;
    push_outputs(L, &in, &o);
    int64_t span = in.hi - in.lo + 1;
    qw.k1 = in.k + 1;
    qw.rows = ro.w > 0 ? (size_t)ro.w : (size_t)span;
    qw.X = lua_newuserdatauv(L, qw.rows * qw.k1 * sizeof(double), 0);
    qw.y = lua_newuserdatauv(L, qw.rows * sizeof(double), 0);
    qw.resid = lua_newuserdatauv(L, qw.rows * sizeof(double), 0);
    crossprod c;
    memset(&c, 0, sizeof c);
    c.k = in.k;
    for (int64_t t = 0; t < span; t++) {
        if (tn_interrupt_due((size_t)t)) return tn_raise_interrupted(L, "regress.rolling");
        cp_advance(&c, &in, t, ro.w);
        if ((lua_Integer)c.m < ro.min_obs || t % ro.step != (span - 1) % ro.step) continue;
        o.nobs->v[t] = (double)c.m;
        if ((qw.cov_type != TN_COV_CLASSICAL || fast_window(&c, (size_t)t, &o, in.k) != 0) &&
            qr_window(&in, ro.w > 0 ? in.lo + t - ro.w + 1 : in.lo, in.lo + t, (size_t)t, &o, &qw) != 0)
            return luaL_error(L, "regress.rolling: out of memory");
        if (isnan(o.r2->v[t]) && !isnan(o.coef[0]->v[t]) && qw.flat_y++ == 0) qw.first_flat_y = in.lo + t;
    }
    lua_settop(L, 5);
    push_notes(L, &in, &qw);
    return 1;
}

void tn_rolling_register(lua_State *L);   /* called from regress.c */
void tn_rolling_register(lua_State *L) {
    lua_pushcfunction(L, regress_rolling);
    lua_setfield(L, -2, "_rolling");
}

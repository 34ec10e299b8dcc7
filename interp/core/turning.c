/*
 * turning.c -- see turning.h.
 *
 * All three methods share one censoring loop on a list of turns: enforce
 * alternation (of two peaks in a row keep the higher, of two troughs the
 * lower), drop phases whose trough is not below its peak, drop turns within
 * `censor` periods of either end, drop a first/last peak (trough) exceeded
 * (undercut) by the values between it and the series end, enforce the
 * minimum cycle (drop the lower peak / higher trough) and the minimum phase
 * (drop both turns; only the last one if it is the final phase), repeated
 * until nothing changes. Pagan-Sossounov keeps short phases and cycles that
 * move more than `override` (20%).
 *
 * Bry-Boschan (monthly) first finds turns on a smoothed series and refines
 * them on less smoothed ones: outliers (beyond 3.5 sd from the Spencer
 * 15-term curve) replaced by the curve; candidates on the 2x12 centred MA
 * within ±window; refined to the Spencer curve within ±6 with the minimum
 * cycle; to a short MA whose span is the months for cyclical dominance
 * (MCD, clamped to 3..6) within ±6; to the raw series within ±max(MCD, 4);
 * then the censoring loop on the raw series. Deviation from the Fortran:
 * the Spencer curve pads the ends by repeating the end values instead of
 * ARIMA forecasts.
 */
#include "core/turning.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct { long *pos; signed char *type; int m; } turns;

void tn_dating_defaults(int method, int per_year, tn_dating_rules *r) {
    memset(r, 0, sizeof *r);
    r->method = method;
    switch (method) {
    case TN_BBQ:                   /* Harding-Pagan: ±2 quarters, phase 2, cycle 5 */
        if (per_year == 12) { r->window = 5; r->phase = 5; r->cycle = 15; r->censor = 6; }
        else { r->window = 2; r->phase = 2; r->cycle = 5; r->censor = 2; }
        break;
    case TN_PAGAN_SOSSOUNOV:       /* bull/bear: ±8 months, phase 4, cycle 16, 20% */
        r->window = 8; r->phase = 4; r->cycle = 16; r->censor = 6; r->override = 0.20;
        break;
    default:                       /* Bry-Boschan monthly */
        r->window = 6; r->phase = 5; r->cycle = 15; r->censor = 6; r->outlier_z = 3.5;
    }
}

/* ------------------------------------------------------- turn lists */

static void drop(turns *t, int i) {
    memmove(t->pos + i, t->pos + i + 1, (size_t)(t->m - i - 1) * sizeof *t->pos);
    memmove(t->type + i, t->type + i + 1, (size_t)(t->m - i - 1) * sizeof *t->type);
    t->m--;
}

static int alternate(turns *t, const double *y) {
    int changed = 0;
    for (int i = 0; i + 1 < t->m;) {
        if (t->type[i] != t->type[i + 1]) { i++; continue; }
        double a = y[t->pos[i]], b = y[t->pos[i + 1]];
        int keep_first = t->type[i] > 0 ? a >= b : a <= b;
        drop(t, keep_first ? i + 1 : i);
        changed = 1;
    }
    return changed;
}

static double amplitude(const double *y, long a, long b) {
    return y[a] != 0 ? fabs(y[b] / y[a] - 1) : INFINITY;
}

/* A trough not below its neighbouring peak makes no phase: drop the pair. */
static int drop_flat_phases(turns *t, const double *y) {
    for (int i = 0; i + 1 < t->m; i++) {
        double a = y[t->pos[i]], b = y[t->pos[i + 1]];
        if ((t->type[i] > 0 && b >= a) || (t->type[i] < 0 && b <= a)) {
            drop(t, i + 1); drop(t, i);
            return 1;
        }
    }
    return 0;
}

static int censor_ends(turns *t, long n, int e) {
    int changed = 0;
    for (int i = 0; i < t->m;) {
        if (t->pos[i] < e || t->pos[i] > n - 1 - e) { drop(t, i); changed = 1; }
        else i++;
    }
    return changed;
}

/* A first peak lower than a value before it (or a first trough higher), and
   the same for the last turn and the values after it. */
static int check_ends(turns *t, const double *y, long n) {
    if (t->m == 0) return 0;
    long p = t->pos[0];
    for (long s = 0; s < p; s++)
        if ((t->type[0] > 0 && y[s] > y[p]) || (t->type[0] < 0 && y[s] < y[p])) { drop(t, 0); return 1; }
    int l = t->m - 1;
    p = t->pos[l];
    for (long s = p + 1; s < n; s++)
        if ((t->type[l] > 0 && y[s] > y[p]) || (t->type[l] < 0 && y[s] < y[p])) { drop(t, l); return 1; }
    return 0;
}

static int min_cycle(turns *t, const double *y, int cycle, double override) {
    for (int i = 0; i + 2 < t->m; i++) {
        if (t->pos[i + 2] - t->pos[i] >= cycle) continue;
        if (override > 0 && (amplitude(y, t->pos[i], t->pos[i + 1]) > override ||
                             amplitude(y, t->pos[i + 1], t->pos[i + 2]) > override)) continue;
        double a = y[t->pos[i]], b = y[t->pos[i + 2]];
        int drop_first = t->type[i] > 0 ? a < b : a > b;
        drop(t, drop_first ? i : i + 2);
        return 1;
    }
    return 0;
}

static int min_phase(turns *t, const double *y, int phase, double override) {
    for (int i = 0; i + 1 < t->m; i++) {
        if (t->pos[i + 1] - t->pos[i] >= phase) continue;
        if (override > 0 && amplitude(y, t->pos[i], t->pos[i + 1]) > override) continue;
        if (i + 2 == t->m) drop(t, i + 1);          /* the final phase: only its end */
        else { drop(t, i + 1); drop(t, i); }
        return 1;
    }
    return 0;
}

static void censor_loop(turns *t, const double *y, long n, const tn_dating_rules *r) {
    for (int round = 0; round < 1000; round++) {
        int changed = alternate(t, y);
        changed |= drop_flat_phases(t, y);
        changed |= censor_ends(t, n, r->censor);
        changed |= check_ends(t, y, n);
        changed |= alternate(t, y);
        changed |= min_cycle(t, y, r->cycle, r->override);
        changed |= alternate(t, y);
        changed |= min_phase(t, y, r->phase, r->override);
        if (!changed) break;
    }
}

/* Candidates: the extreme of a full window ±w (non-strict, as BCDating). */
static void candidates(const double *y, long n, int w, turns *t) {
    t->m = 0;
    for (long i = w; i + w < n; i++) {
        int peak = 1, trough = 1;
        for (long s = i - w; s <= i + w && (peak || trough); s++) {
            if (y[s] > y[i]) peak = 0;
            if (y[s] < y[i]) trough = 0;
        }
        if (peak != trough) {
            t->pos[t->m] = i;
            t->type[t->m++] = peak ? 1 : -1;
        }
    }
}

/* Moves each turn to the extreme of y within ±w of where it is. */
static void refine(turns *t, const double *y, long n, int w) {
    for (int i = 0; i < t->m; i++) {
        long p = t->pos[i], best = p;
        for (long s = p - w < 0 ? 0 : p - w; s <= p + w && s < n; s++)
            if (t->type[i] > 0 ? y[s] > y[best] : y[s] < y[best]) best = s;
        t->pos[i] = best;
    }
    for (int i = 0; i + 1 < t->m;)              /* two turns may land on one date */
        if (t->pos[i] == t->pos[i + 1]) drop(t, i + 1); else i++;
}

/* ------------------------------------------------------ Bry-Boschan */

static void spencer(const double *x, long n, double *out) {
    static const double w[15] = {-3, -6, -5, 3, 21, 46, 67, 74, 67, 46, 21, 3, -5, -6, -3};
    for (long t = 0; t < n; t++) {
        double s = 0;
        for (int j = -7; j <= 7; j++) {
            long k = t + j < 0 ? 0 : t + j >= n ? n - 1 : t + j;
            s += w[j + 7] * x[k];
        }
        out[t] = s / 320;
    }
}

/* Centred moving average of span k (2xk when k is even), windows shrunk at
   the ends. */
static void centred_ma(const double *x, long n, int k, double *out) {
    int h = k / 2;
    for (long t = 0; t < n; t++) {
        double s = 0, wsum = 0;
        for (long j = -h; j <= h; j++) {
            long i = t + j;
            if (i < 0 || i >= n) continue;
            double wt = (k % 2 == 0 && (j == -h || j == h)) ? 0.5 : 1;
            s += wt * x[i], wsum += wt;
        }
        out[t] = s / wsum;
    }
}

/* Months for cyclical dominance: the first span k at which the average
   |k-month change| of the irregular (x − Spencer) falls below that of the
   Spencer curve, clamped to 3..6. */
static int mcd(const double *x, const double *sp, long n) {
    for (int k = 1; k <= 6; k++) {
        double ai = 0, ac = 0;
        for (long t = k; t < n; t++) {
            ai += fabs((x[t] - sp[t]) - (x[t - k] - sp[t - k]));
            ac += fabs(sp[t] - sp[t - k]);
        }
        if (ai < ac) return k < 3 ? 3 : k;
    }
    return 6;
}

static int bry_boschan(const double *x, long n, const tn_dating_rules *r, turns *t, double *work) {
    double *sp = work, *adj = work + n, *ma = work + 2 * n, *sh = work + 3 * n;
    spencer(x, n, sp);
    double mean = 0, ss = 0;
    for (long i = 0; i < n; i++) mean += x[i] - sp[i];
    mean /= (double)n;
    for (long i = 0; i < n; i++) ss += (x[i] - sp[i] - mean) * (x[i] - sp[i] - mean);
    double sd = n > 1 ? sqrt(ss / (double)(n - 1)) : 0;
    for (long i = 0; i < n; i++) {
        double z = sd > 0 ? (x[i] - sp[i] - mean) / sd : 0;
        adj[i] = (i > 0 && i < n - 1 && fabs(z) >= r->outlier_z) ? sp[i] : x[i];
    }
    spencer(adj, n, sp);
    centred_ma(adj, n, 12, ma);
    candidates(ma, n, r->window, t);
    alternate(t, ma);
    refine(t, sp, n, 6);
    alternate(t, sp);
    while (min_cycle(t, sp, r->cycle, 0)) alternate(t, sp);
    int k = mcd(adj, sp, n);
    centred_ma(adj, n, k, sh);
    refine(t, sh, n, 6);
    alternate(t, sh);
    refine(t, x, n, k > 4 ? k : 4);
    censor_loop(t, x, n, r);
    return 0;
}

/* ------------------------------------------------------------ API */

static int date_into(const double *x, long n, const tn_dating_rules *r, turns *t, double *work) {
    if (n < 2L * r->window + 1) { t->m = 0; return 0; }
    if (r->method == TN_BRY_BOSCHAN) return bry_boschan(x, n, r, t, work);
    candidates(x, n, r->window, t);
    censor_loop(t, x, n, r);
    return 0;
}

int tn_date_turns(const double *x, size_t n, const tn_dating_rules *r, signed char *kind) {
    turns t;
    t.pos = malloc((n + 1) * sizeof *t.pos);
    t.type = malloc(n + 1);
    double *work = malloc((4 * n + 1) * sizeof *work);
    if (!t.pos || !t.type || !work) { free(t.pos); free(t.type); free(work); return -1; }
    date_into(x, (long)n, r, &t, work);
    memset(kind, 0, n);
    for (int i = 0; i < t.m; i++) kind[t.pos[i]] = t.type[i];
    int m = t.m;
    free(t.pos); free(t.type); free(work);
    return m;
}

int tn_confirm_turns(const double *x, size_t n, const tn_dating_rules *r,
                     const signed char *kind, long *confirm) {
    turns t;
    t.pos = malloc((n + 1) * sizeof *t.pos);
    t.type = malloc(n + 1);
    double *work = malloc((4 * n + 1) * sizeof *work);
    signed char *pk = malloc(n + 1), *alive = malloc(n + 1);
    if (!t.pos || !t.type || !work || !pk || !alive) {
        free(t.pos); free(t.type); free(work); free(pk); free(alive);
        return -1;
    }
    for (size_t i = 0; i < n; i++) { confirm[i] = -1; alive[i] = kind[i] != 0; }
    /* from the full sample backwards: a turn stays confirmed as long as every
       longer prefix also finds it */
    for (long len = (long)n; len >= 1; len--) {
        date_into(x, len, r, &t, work);
        memset(pk, 0, (size_t)len);
        for (int i = 0; i < t.m; i++) pk[t.pos[i]] = t.type[i];
        int any = 0;
        for (long i = 0; i < len; i++) {
            if (!alive[i]) continue;
            if (pk[i] == kind[i]) { confirm[i] = len - 1; any = 1; }
            else alive[i] = 0;
        }
        for (long i = len; i < (long)n; i++) if (alive[i]) alive[i] = 0;   /* turn after the prefix */
        if (!any) break;
    }
    free(t.pos); free(t.type); free(work); free(pk); free(alive);
    return 0;
}

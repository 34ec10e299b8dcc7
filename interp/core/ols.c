/*
 * ols.c -- see ols.h.
 *
 * Method: each column of X is scaled to unit length (this removes most of
 * the ill-conditioning of designs such as polynomials in the year), then
 * the scaled design is factored X = QR by Gram-Schmidt with one full
 * re-orthogonalisation of every column ("twice is enough": Giraud, Langou
 * and Rozložník 2005 — as accurate as Householder for full-rank designs,
 * and its sweeps run at memory speed on long data). The solution
 * b = R^-1 Q'y and its residual are then refined together (Björck's
 * refinement of the augmented system, residuals in long double, at most
 * three rounds: see refine_ls). The normal equations are never formed, so
 * accuracy follows the condition number of X, not its square.
 *
 * Rank: a diagonal element of R below RANK_TOL (columns have unit length)
 * means that column lies in the span of the earlier ones; the coefficients
 * of that dependency name the collinear regressors.
 *
 * Covariance, with V = (X'X)^-1 = R^-1 R^-T (unscaled), every sandwich
 * computed in the orthonormal coordinates of Q (row t of Q is z_t):
 *   classical  s² V, s² = SSR/(n−k)
 *   HC0..HC3   R^-1 M R^-T, M = Σ ω_t z_t z_t', ω = e², n/(n−k)·e², e²/(1−h), e²/(1−h)²,
 *              leverage h_t = |z_t|²; HC2 and HC3 are undefined (0/0) when a
 *              row has leverage 1: the covariance is then NaN and
 *              fit->leverage_one names the row
 *   HAC        R^-1 S R^-T, S = Γ_0 + Σ_{l=1..L} (1 − l/(L+1)) (Γ_l + Γ_l'),
 *              Γ_l = Σ_{t>l} e_t e_{t−l} z_t z_{t−l}'  (Bartlett, Newey-West;
 *              no small-sample factor, no prewhitening)
 */
#include "core/ols.h"
#include "core/interrupt.h"
#include "core/alloc.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RANK_TOL 1e-11

int tn_ols_nw_lag(size_t n) {
    return (int)floor(4.0 * pow((double)n / 100.0, 2.0 / 9.0));
}

static double dot(const double *a, const double *b, size_t n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += a[i] * b[i], s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2], s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

/* Which earlier columns column j depends on: solve R[0:j,0:j]·c = R[0:j,j]. */
static void find_dependency(const double *R, size_t k, size_t j, int *depends_on) {
    double c[64];
    for (size_t i = j; i-- > 0;) {
        double s = R[i * k + j];
        for (size_t l = i + 1; l < j; l++) s -= R[i * k + l] * c[l];
        c[i] = s / R[i * k + i];
    }
    for (size_t i = 0; i < j; i++) depends_on[i] = fabs(c[i]) > 1e-6;
}

/* Rows per block in the factorisation's sweeps: a block of every column
   (at most 64 × 4 KB) stays in cache between the two uses a sweep makes. */
#define BLOCK 512

/* Rows in the block starting at row t0. */
static size_t block_len(size_t n, size_t t0) { return n - t0 < BLOCK ? n - t0 : BLOCK; }

/* v[0:len) −= Σ_{i<j} c_i q_i, with q_i = Q + i·n + t0. */
static void subtract_projections(double *v, const double *Q, size_t n, size_t t0, size_t len,
                                 const double *c, size_t j) {
    for (size_t i = 0; i < j; i++) {
        const double *q = Q + i * n + t0;
        for (size_t t = 0; t < len; t++) v[t] -= c[i] * q[t];
    }
}

/* r_i += q_i·v over the block, i < j. */
static void add_projections(const double *v, const double *Q, size_t n, size_t t0, size_t len,
                            double *r, size_t j) {
    for (size_t i = 0; i < j; i++) r[i] += dot(Q + i * n + t0, v, len);
}

/* Euclidean length of x[0:n) when its squares under- or overflow (|x| of
   about 1e-154 or 1e154): scaled by the largest |x_t|, as LAPACK's dnrm2. */
static double scaled_norm(const double *x, size_t n) {
    double amax = 0, s = 0;
    for (size_t t = 0; t < n; t++) if (fabs(x[t]) > amax) amax = fabs(x[t]);
    if (amax == 0 || !isfinite(amax)) return amax;
    for (size_t t = 0; t < n; t++) s += (x[t] / amax) * (x[t] / amax);
    return amax * sqrt(s);
}

/* Column lengths of X, all columns in one sweep of sums of squares; a
   column whose sum of squares left the safe range is redone with scaling,
   so a regressor in units of 1e-160 is not taken for a zero column. */
static void column_norms(const double *X, size_t n, size_t k, double *norm) {
    double ss[64] = {0};
    for (size_t t0 = 0; t0 < n; t0 += BLOCK) {
        size_t len = block_len(n, t0);
        for (size_t j = 0; j < k; j++) ss[j] += dot(X + j * n + t0, X + j * n + t0, len);
    }
    for (size_t j = 0; j < k; j++)
        norm[j] = ss[j] > 1e-280 && ss[j] < 1e280 ? sqrt(ss[j]) : scaled_norm(X + j * n, n);
}

/* X·diag(scale) = QR: Q column-major n×k, R k×k row-major, scale making
   the columns of X unit length. Classical Gram-Schmidt with one full
   re-orthogonalisation (CGS2): column j is projected on all earlier
   columns at once, twice. Each column takes three sweeps over the rows,
   in blocks, and each sweep uses a block twice while it is in cache:
     1. v = x_j·scale_j (and q_{j−1} divided by its norm); r1 = Q'v
     2. v −= Q r1; r2 = Q'v
     3. v −= Q r2; |v|²
   so the earlier columns are read from memory three times per column, not
   four times per earlier column as a column-at-a-time sweep would. */
static int factor_cgs2(const double *X, size_t n, size_t k, double *Q, double *R, double *scale,
                       tn_ols_fit *fit) {
    double cnorm[64], inv_prev = 1;
    column_norms(X, n, k, cnorm);
    for (size_t j = 0; j < k; j++) {
        scale[j] = 1 / cnorm[j];
        if (cnorm[j] == 0 || !isfinite(scale[j])) {    /* an all-zero column is collinear */
            fit->collinear = (int)j;
            memset(fit->depends_on, 0, k * sizeof(int));
            return -1;
        }
    }
    memset(R, 0, k * k * sizeof *R);
    for (size_t j = 0; j < k; j++) {
        if (tn_interrupted()) return TN_OLS_INTERRUPTED;      /* a column is O(n j): poll here */
        double *v = Q + j * n, r1[64] = {0}, r2[64] = {0}, vv = 0;
        const double *x = X + j * n;
        for (size_t t0 = 0; t0 < n; t0 += BLOCK) {
            size_t len = block_len(n, t0);
            for (size_t t = 0; t < len; t++) v[t0 + t] = x[t0 + t] * scale[j];
            if (j > 0) {
                double *q = Q + (j - 1) * n + t0;
                for (size_t t = 0; t < len; t++) q[t] *= inv_prev;
            }
            add_projections(v + t0, Q, n, t0, len, r1, j);
            if (j == 0) vv += dot(v + t0, v + t0, len);
        }
        if (j > 0) {
            for (size_t t0 = 0; t0 < n; t0 += BLOCK) {
                size_t len = block_len(n, t0);
                subtract_projections(v + t0, Q, n, t0, len, r1, j);
                add_projections(v + t0, Q, n, t0, len, r2, j);
            }
            for (size_t t0 = 0; t0 < n; t0 += BLOCK) {
                size_t len = block_len(n, t0);
                subtract_projections(v + t0, Q, n, t0, len, r2, j);
                vv += dot(v + t0, v + t0, len);
            }
            for (size_t i = 0; i < j; i++) R[i * k + j] = r1[i] + r2[i];
        }
        double norm = sqrt(vv);
        R[j * k + j] = norm;
        if (norm < RANK_TOL) {
            fit->collinear = (int)j;
            memset(fit->depends_on, 0, k * sizeof(int));
            find_dependency(R, k, j, fit->depends_on);
            return -1;
        }
        inv_prev = 1 / norm;
    }
    for (size_t t = 0; t < n; t++) Q[(k - 1) * n + t] *= inv_prev;
    return 0;
}

/* x = R^-1 b for upper-triangular R (row-major k×k). */
static void back_substitute(const double *R, size_t k, double *x) {
    for (size_t i = k; i-- > 0;) {
        double s = x[i];
        for (size_t l = i + 1; l < k; l++) s -= R[i * k + l] * x[l];
        x[i] = s / R[i * k + i];
    }
}

/* R^-1 (upper triangular, row-major k×k). */
static void r_inverse(const double *R, size_t k, double *rinv) {
    memset(rinv, 0, k * k * sizeof *rinv);
    for (size_t j = 0; j < k; j++)
        for (size_t i = j + 1; i-- > 0;) {
            double s = i == j ? 1 : 0;
            for (size_t l = i + 1; l <= j; l++) s -= R[i * k + l] * rinv[l * k + j];
            rinv[i * k + j] = s / R[i * k + i];
        }
}

/* cov = f · R^-1 · M · R^-T, unscaled by the column scales; M = NULL means
   I. se_a = sqrt(f · (R^-1 M R^-T)_aa) · scale_a, taken before the scales
   are applied: a regressor of size 1e-160 has a standard error near 1e157
   whose square (the variance) does not exist in double. */
static void sandwich(const double *rinv, const double *M, const double *scale, size_t k, double f,
                     double *cov, double *se) {
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < k; b++) {
            double s = 0;
            for (size_t l = a; l < k; l++) {
                double t = 0;
                for (size_t m = b; m < k; m++) t += (M ? M[l * k + m] : (double)(l == m)) * rinv[b * k + m];
                s += rinv[a * k + l] * t;
            }
            cov[a * k + b] = f * s * scale[a] * scale[b];
            if (a == b) se[a] = sqrt(f * s) * scale[a];
        }
}

/* The standard error of c'beta: c'·cov·c = f·z'Mz with z = R^-T·diag(scale)·c
   (M = NULL: I), a sum of squares (M positive semi-definite) instead of the
   sum of cov's signed entries, which cancels catastrophically when the
   regressors are nearly collinear (the intercept of a centred design). */
static double contrast_se(const double *rinv, const double *M, const double *scale, size_t k, double f,
                          const double *c) {
    double z[64], q = 0;
    for (size_t l = 0; l < k; l++) {               /* z = R^-T (scale ∘ c) */
        z[l] = 0;
        for (size_t a = 0; a <= l; a++) z[l] += rinv[a * k + l] * scale[a] * c[a];
    }
    for (size_t l = 0; l < k; l++) {
        if (!M) { q += z[l] * z[l]; continue; }
        for (size_t m = 0; m < k; m++) q += z[l] * M[l * k + m] * z[m];
    }
    return sqrt(f * (q > 0 ? q : 0));
}

/* Returns the first row with leverage 1 (to rounding), where HC2 and HC3
   divide 0 by 0 (the row alone determines a coefficient, its residual is
   0), or -1. */
static int meat_hc(const double *Q, const double *e, size_t n, size_t k, int type, double *M) {
    double z[64];
    memset(M, 0, k * k * sizeof *M);
    for (size_t t = 0; t < n; t++) {
        if (tn_interrupt_due(t)) return -1;              /* tn_ols reports it */
        double w = e[t] * e[t], h = 0;
        for (size_t a = 0; a < k; a++) z[a] = Q[a * n + t], h += z[a] * z[a];
        if ((type == TN_COV_HC2 || type == TN_COV_HC3) && 1 - h < 1e-10) return (int)t;
        if (type == TN_COV_HC2) w /= 1 - h;
        else if (type == TN_COV_HC3) w /= (1 - h) * (1 - h);
        for (size_t a = 0; a < k; a++)
            for (size_t b = 0; b <= a; b++) M[a * k + b] += w * z[a] * z[b];
    }
    double f = type == TN_COV_HC1 ? (double)n / (double)(n - k) : 1;
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b <= a; b++) M[b * k + a] = M[a * k + b] *= f;
    return -1;
}

/* v_t = Σ_{l=1..min(L,t)} w_l u_{t−l} with Bartlett weights w_l = 1 − l/(L+1),
   summed directly (O(kL)); used every HAC_RESTART rows to restart the O(k)
   running form below, so rounding in the running sums cannot build up. */
#define HAC_RESTART 512

static void bartlett_direct(const double *ring, size_t slots, size_t t, size_t k, size_t L,
                            double *A, double *B) {
    for (size_t a = 0; a < k; a++) A[a] = B[a] = 0;
    for (size_t l = 1; l <= L && l <= t; l++) {
        const double *u = ring + ((t - l) % slots) * k;
        for (size_t a = 0; a < k; a++) A[a] += u[a], B[a] += (double)l * u[a];
    }
}

/* S = Γ_0 + Σ_l w_l (Γ_l + Γ_l') = Γ_0 + C + C', C = Σ_t u_t v_t', where
   u_t = e_t z_t and v_t = Σ_{l=1..min(L,t)} w_l u_{t−l}: the same sums
   regrouped. With A_t = Σ_l u_{t−l} and B_t = Σ_l l·u_{t−l} (l = 1..L),
   v_t = A_t − B_t/(L+1), and both move in O(k) a row:
   A_{t+1} = A_t + u_t − u_{t−L}, B_{t+1} = B_t + A_t + u_t − (L+1)·u_{t−L}.
   So a row costs O(k²) whatever the lag, instead of O(k²L), and only the
   last L + 1 rows of u are kept (a ring), not all n. */
static int meat_hac(const double *Q, const double *e, size_t n, size_t k, int lag, double *M) {
    size_t L = (size_t)lag, slots = L + 1;     /* u_t .. u_{t−L}: all a row needs */
    double *ring = malloc(slots * k * sizeof *ring);
    double C[64 * 64] = {0}, v[64], A[64], B[64];
    if (!ring) return -1;
    memset(M, 0, k * k * sizeof *M);
    double inv = 1 / (double)(L + 1);
    size_t cur = 0;                             /* t % slots, kept without dividing */
    for (size_t t = 0; t < n; t++, cur = cur + 1 == slots ? 0 : cur + 1) {
        if (tn_interrupt_due(t)) break;                  /* tn_ols reports it */
        double *ut = ring + cur * k;
        for (size_t a = 0; a < k; a++) ut[a] = e[t] * Q[a * n + t];
        if (t % HAC_RESTART == 0) bartlett_direct(ring, slots, t, k, L, A, B);
        for (size_t a = 0; a < k; a++) v[a] = A[a] - B[a] * inv;
        for (size_t a = 0; a < k; a++) {
            for (size_t b = 0; b <= a; b++) M[a * k + b] += ut[a] * ut[b];     /* Γ_0, lower half */
            for (size_t b = 0; b < k; b++) C[a * k + b] += ut[a] * v[b];
        }
        size_t back = cur + 1 == slots ? 0 : cur + 1;                 /* (t − L) % slots */
        const double *old = t >= L ? ring + back * k : NULL;           /* u_{t−L} leaves */
        for (size_t a = 0; a < k; a++) {
            double o = old ? old[a] : 0;
            B[a] += A[a] + ut[a] - (double)(L + 1) * o;
            A[a] += ut[a] - o;
        }
    }
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b <= a; b++) {
            double s = M[a * k + b] + C[a * k + b] + C[b * k + a];
            M[a * k + b] = M[b * k + a] = s;
        }
    free(ring);
    return 0;
}

/* r = y − X·beta in long double (X column-major, beta on the original scale). */
static long double residuals(const double *X, const double *y, size_t n, size_t k,
                             const double *beta, double *r) {
    long double ssr = 0;
    for (size_t t = 0; t < n; t++) {
        long double s = y[t];
        for (size_t j = 0; j < k; j++) s -= (long double)X[j * n + t] * beta[j];
        r[t] = (double)s;
        ssr += s * s;
    }
    return ssr;
}

/* beta = R^-1 Q'v in scaled units, returned unscaled. */
static void project(const double *Q, const double *R, const double *scale, size_t n, size_t k,
                    const double *v, double *beta) {
    double c[64];
    for (size_t j = 0; j < k; j++) c[j] = dot(Q + j * n, v, n);
    back_substitute(R, k, c);
    for (size_t j = 0; j < k; j++) beta[j] = c[j] * scale[j];
}

/* Björck's iterative refinement of the least-squares pair (x, r) on the
   augmented system [I A; A' 0][r; x] = [y; 0], with A = QR the scaled
   design: f = y − r − A·x and g = −A'r in long double, then
   h = R^-T g, d = Q'f, dx = R^-1 (d − h), dr = f − Q(d − h). Refining x
   alone (x += R^-1 Q'r) cannot remove the error a large residual brings
   (it grows with cond²·|r|); refining both does, which is what takes
   NIST's Wampler4 and Wampler5 from 6-8 correct digits to 13 or more.
   At most iters rounds, fewer once a correction changes nothing. */
static void refine_ls(const double *X, const double *y, const double *Q, const double *R,
                      const double *scale, size_t n, size_t k, double *beta, double *r, int iters) {
    double g[64], d[64], h[64];
    double *fd = tn_big_alloc(n * sizeof *fd);
    if (!fd) return;                     /* refinement is optional: keep the first solution */
    double rmax = 0, rmin = INFINITY;
    for (size_t j = 0; j < k; j++) {
        double a = fabs(R[j * k + j]);
        if (a > rmax) rmax = a;
        if (a < rmin) rmin = a;
    }
    double kappa2 = (rmax / rmin) * (rmax / rmin);
    for (int it = 0; it < iters && !tn_interrupted(); it++) {
        for (size_t t = 0; t < n; t++) {
            long double s = (long double)y[t] - r[t];
            for (size_t j = 0; j < k; j++) s -= (long double)X[j * n + t] * beta[j];
            fd[t] = (double)s;
        }
        long double gl[64] = {0};      /* all columns in one pass: k independent sums */
        for (size_t t = 0; t < n; t++)
            for (size_t j = 0; j < k; j++) gl[j] -= (long double)X[j * n + t] * r[t];
        for (size_t j = 0; j < k; j++) g[j] = (double)(gl[j] * scale[j]);
        for (size_t i = 0; i < k; i++) {            /* R' h = g: forward substitution */
            double s = g[i];
            for (size_t l = 0; l < i; l++) s -= R[l * k + i] * h[l];
            h[i] = s / R[i * k + i];
        }
        for (size_t j = 0; j < k; j++) d[j] = dot(Q + j * n, fd, n) - h[j];
        for (size_t t = 0; t < n; t++) {
            double s = fd[t];
            for (size_t j = 0; j < k; j++) s -= Q[j * n + t] * d[j];
            r[t] += s;
        }
        back_substitute(R, k, d);
        /* stop once a further round could change nothing: a round shrinks
           the error by about κ·eps, so with |step|·κ² far below |beta| the
           next step would be below rounding (κ² from R's diagonal, a cheap
           and generous stand-in for the squared condition number) */
        int settled = 1;
        for (size_t j = 0; j < k; j++) {
            double step = d[j] * scale[j];
            beta[j] += step;
            if (fabs(step) > 4 * DBL_EPSILON * fabs(beta[j]) && fabs(step) * kappa2 > 1e-3 * fabs(beta[j]))
                settled = 0;
        }
        if (settled) break;
    }
    tn_big_free(fd, n * sizeof *fd);
}

int tn_ols(const double *X, const double *y, size_t n, size_t k, int cov_type,
           int hac_lag, tn_ols_fit *fit) {
    if (n <= k) return -2;
    if (k == 0 || k > 64) return -3;
    fit->n = n, fit->k = k, fit->collinear = -1;
    double R[64 * 64] = {0}, rinv[64 * 64] = {0}, M[64 * 64] = {0}, scale[64] = {0};
    double *Q = tn_big_alloc(n * k * sizeof *Q);
    if (!Q) return -3;
    int status = factor_cgs2(X, n, k, Q, R, scale, fit);
    if (status != 0) {
        tn_big_free(Q, n * k * sizeof *Q);
        return status;
    }
    project(Q, R, scale, n, k, y, fit->beta);
    residuals(X, y, n, k, fit->beta, fit->resid);
    refine_ls(X, y, Q, R, scale, n, k, fit->beta, fit->resid, 3);
    fit->ssr = (double)residuals(X, y, n, k, fit->beta, fit->resid);
    fit->sigma2 = fit->ssr / (double)(n - k);
    r_inverse(R, k, rinv);
    fit->leverage_one = -1;
    if (cov_type == TN_COV_CLASSICAL) {
        sandwich(rinv, NULL, scale, k, fit->sigma2, fit->cov, fit->se);
    } else {
        if (cov_type == TN_COV_HAC) status = meat_hac(Q, fit->resid, n, k, hac_lag, M) ? -3 : 0;
        else fit->leverage_one = meat_hc(Q, fit->resid, n, k, cov_type, M);
        if (status == 0) sandwich(rinv, M, scale, k, 1, fit->cov, fit->se);
    }
    if (fit->contrast) fit->contrast_se = contrast_se(rinv, cov_type == TN_COV_CLASSICAL ? NULL : M, scale, k,
                                                      cov_type == TN_COV_CLASSICAL ? fit->sigma2 : 1, fit->contrast);
    if (fit->leverage_one >= 0) {
        for (size_t i = 0; i < k * k; i++) fit->cov[i] = NAN;
        for (size_t j = 0; j < k; j++) fit->se[j] = NAN;
        fit->contrast_se = NAN;
    }
    if (status == 0 && tn_interrupted()) status = TN_OLS_INTERRUPTED;
    tn_big_free(Q, n * k * sizeof *Q);
    return status;
}

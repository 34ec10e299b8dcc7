/*
 * ols.c -- see ols.h.
 *
 * Method: each column of X is scaled to unit length (this removes most of
 * the ill-conditioning of designs such as polynomials in the year), the
 * scaled design is factored X = QR by Householder reflections (GSL), and
 * the least-squares solution is refined once with a residual computed in
 * long double. The normal equations are never formed, so accuracy follows
 * the condition number of X, not its square.
 *
 * Rank: a diagonal element of R below RANK_TOL (columns have unit length)
 * means that column lies in the span of the earlier ones; the coefficients
 * of that dependency name the collinear regressors.
 *
 * Covariance, with V = (X'X)^-1 = R^-1 R^-T (unscaled), every sandwich
 * computed in the orthonormal coordinates z_t = R^-T x_t (the rows of Q):
 *   classical  s² V, s² = SSR/(n−k)
 *   HC0..HC3   V M V, M = Σ ω_t x_t x_t',  ω = e², n/(n−k)·e², e²/(1−h), e²/(1−h)²
 *   HAC        V S V, S = Γ_0 + Σ_{l=1..L} (1 − l/(L+1)) (Γ_l + Γ_l'),
 *              Γ_l = Σ_{t>l} e_t e_{t−l} x_t x_{t−l}'  (Bartlett, Newey-West;
 *              no small-sample factor, no prewhitening)
 */
#include "ols.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#define RANK_TOL 1e-11

int tn_ols_nw_lag(size_t n) {
    return (int)floor(4.0 * pow((double)n / 100.0, 2.0 / 9.0));
}

/* Which earlier columns column j depends on: solve R[0:j,0:j]·c = R[0:j,j]. */
static void find_dependency(const gsl_matrix *qr, size_t j, int *depends_on) {
    double c[64];
    size_t m = j < 64 ? j : 64;
    for (size_t i = m; i-- > 0;) {
        double s = gsl_matrix_get(qr, i, j);
        for (size_t l = i + 1; l < m; l++) s -= gsl_matrix_get(qr, i, l) * c[l];
        c[i] = s / gsl_matrix_get(qr, i, i);
    }
    for (size_t i = 0; i < m; i++) depends_on[i] = fabs(c[i]) > 1e-6;
}

/* R^-1 (upper triangular, k*k) of the scaled design's R. */
static void r_inverse(const gsl_matrix *qr, size_t k, double *rinv) {
    memset(rinv, 0, k * k * sizeof *rinv);
    for (size_t j = 0; j < k; j++)
        for (size_t i = j + 1; i-- > 0;) {
            double s = i == j ? 1 : 0;
            for (size_t l = i + 1; l <= j; l++) s -= gsl_matrix_get(qr, i, l) * rinv[l * k + j];
            rinv[i * k + j] = s / gsl_matrix_get(qr, i, i);
        }
}

/* cov = R^-1 · M · R^-T, then unscaled by the column scales: the sandwich
   built in the orthonormal coordinates z_t = R^-T x_t (rows of Q), which
   keeps ill-conditioned designs (Longley) accurate. M = I gives (X'X)^-1. */
static void sandwich(const double *rinv, const double *M, const double *scale, size_t k, double *cov) {
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b < k; b++) {
            double s = 0;
            for (size_t l = a; l < k; l++) {
                double t = 0;
                for (size_t m = b; m < k; m++) t += (M ? M[l * k + m] : (l == m)) * rinv[b * k + m];
                s += rinv[a * k + l] * t;
            }
            cov[a * k + b] = s * scale[a] * scale[b];
        }
}

/* z_t = R^-T x̃_t for one row of the scaled design. */
static void q_row(const double *x, const double *scale, const double *rinv, size_t k, double *z) {
    for (size_t a = 0; a < k; a++) {
        double s = 0;
        for (size_t l = 0; l <= a; l++) s += rinv[l * k + a] * x[l] * scale[l];
        z[a] = s;
    }
}

/* HC meat in z coordinates: Σ ω_t z_t z_t', leverage h_t = |z_t|². */
static int meat_hc(const double *X, const double *e, size_t n, size_t k, int type,
                   const double *scale, const double *rinv, double *M) {
    double z[64];
    memset(M, 0, k * k * sizeof *M);
    for (size_t t = 0; t < n; t++) {
        q_row(X + t * k, scale, rinv, k, z);
        double w = e[t] * e[t];
        if (type == TN_COV_HC2 || type == TN_COV_HC3) {
            double h = 0;
            for (size_t a = 0; a < k; a++) h += z[a] * z[a];
            w /= type == TN_COV_HC2 ? 1 - h : (1 - h) * (1 - h);
        }
        for (size_t a = 0; a < k; a++)
            for (size_t b = 0; b <= a; b++) M[a * k + b] += w * z[a] * z[b];
    }
    double f = type == TN_COV_HC1 ? (double)n / (double)(n - k) : 1;
    for (size_t a = 0; a < k; a++)
        for (size_t b = 0; b <= a; b++) M[b * k + a] = M[a * k + b] *= f;
    return 0;
}

/* HAC meat in z coordinates with u_t = e_t z_t. */
static int meat_hac(const double *X, const double *e, size_t n, size_t k, int lag,
                    const double *scale, const double *rinv, double *M) {
    double *u = malloc(n * k * sizeof *u);
    if (!u) return -1;
    for (size_t t = 0; t < n; t++) {
        q_row(X + t * k, scale, rinv, k, u + t * k);
        for (size_t a = 0; a < k; a++) u[t * k + a] *= e[t];
    }
    memset(M, 0, k * k * sizeof *M);
    for (int l = 0; l <= lag && (size_t)l < n; l++) {
        double w = l == 0 ? 1 : 1 - (double)l / (double)(lag + 1);
        for (size_t a = 0; a < k; a++)
            for (size_t b = 0; b < k; b++) {
                double s = 0;
                for (size_t t = (size_t)l; t < n; t++) s += u[t * k + a] * u[(t - (size_t)l) * k + b];
                if (l == 0) M[a * k + b] += s;
                else { M[a * k + b] += w * s; M[b * k + a] += w * s; }
            }
    }
    free(u);
    return 0;
}

static int fit_qr(const double *X, const double *y, size_t n, size_t k, gsl_matrix *A,
                  gsl_vector *tau, double *scale, gsl_vector *b, gsl_vector *res, tn_ols_fit *fit) {
    for (size_t j = 0; j < k; j++) {
        double ss = 0;
        for (size_t t = 0; t < n; t++) ss += X[t * k + j] * X[t * k + j];
        if (ss == 0) {                                  /* an all-zero column */
            fit->collinear = (int)j;
            memset(fit->depends_on, 0, k * sizeof(int));
            return -1;
        }
        scale[j] = 1 / sqrt(ss);
        for (size_t t = 0; t < n; t++) gsl_matrix_set(A, t, j, X[t * k + j] * scale[j]);
    }
    if (gsl_linalg_QR_decomp(A, tau) != GSL_SUCCESS) return -3;
    for (size_t j = 0; j < k; j++)
        if (fabs(gsl_matrix_get(A, j, j)) < RANK_TOL) {
            fit->collinear = (int)j;
            memset(fit->depends_on, 0, k * sizeof(int));
            find_dependency(A, j, fit->depends_on);
            return -1;
        }
    gsl_vector_const_view yv = gsl_vector_const_view_array(y, n);
    if (gsl_linalg_QR_lssolve(A, tau, &yv.vector, b, res) != GSL_SUCCESS) return -3;
    /* one step of refinement: A·db ≈ y − A·b with the residual in long double */
    gsl_vector *r = gsl_vector_alloc(n), *db = gsl_vector_alloc(k);
    if (!r || !db) { gsl_vector_free(r); gsl_vector_free(db); return -3; }
    /* A now holds the factors, so the residual uses X and the scales */
    for (size_t t = 0; t < n; t++) {
        long double s = y[t];
        for (size_t j = 0; j < k; j++) s -= (long double)X[t * k + j] * scale[j] * gsl_vector_get(b, j);
        gsl_vector_set(r, t, (double)s);
    }
    int status = gsl_linalg_QR_lssolve(A, tau, r, db, res);
    if (status == GSL_SUCCESS) gsl_vector_add(b, db);
    gsl_vector_free(r);
    gsl_vector_free(db);
    return status == GSL_SUCCESS ? 0 : -3;
}

int tn_ols(const double *X, const double *y, size_t n, size_t k, int cov_type,
           int hac_lag, tn_ols_fit *fit) {
    if (n <= k) return -2;
    fit->n = n, fit->k = k, fit->collinear = -1;
    gsl_matrix *A = gsl_matrix_alloc(n, k);
    gsl_vector *tau = gsl_vector_alloc(k), *b = gsl_vector_alloc(k), *res = gsl_vector_alloc(n);
    double *scale = malloc(k * sizeof *scale), *V = malloc(k * k * sizeof *V), *M = malloc(k * k * sizeof *M);
    int status = (!A || !tau || !b || !res || !scale || !V || !M) ? -3
               : fit_qr(X, y, n, k, A, tau, scale, b, res, fit);
    if (status == 0) {
        long double ssr = 0;
        for (size_t t = 0; t < n; t++) {          /* final residuals on the original scale */
            long double s = y[t];
            for (size_t j = 0; j < k; j++) s -= (long double)X[t * k + j] * (gsl_vector_get(b, j) * scale[j]);
            fit->resid[t] = (double)s;
            ssr += s * s;
        }
        for (size_t j = 0; j < k; j++) fit->beta[j] = gsl_vector_get(b, j) * scale[j];
        fit->ssr = (double)ssr;
        fit->sigma2 = fit->ssr / (double)(n - k);
        r_inverse(A, k, V);                      /* V holds R^-1 from here */
        if (cov_type == TN_COV_CLASSICAL) {
            sandwich(V, NULL, scale, k, fit->cov);
            for (size_t i = 0; i < k * k; i++) fit->cov[i] *= fit->sigma2;
        } else {
            if (cov_type == TN_COV_HAC) status = meat_hac(X, fit->resid, n, k, hac_lag, scale, V, M) ? -3 : 0;
            else status = meat_hc(X, fit->resid, n, k, cov_type, scale, V, M);
            if (status == 0) sandwich(V, M, scale, k, fit->cov);
        }
    }
    gsl_matrix_free(A);
    gsl_vector_free(tau);
    gsl_vector_free(b);
    gsl_vector_free(res);
    free(scale);
    free(V);
    free(M);
    return status;
}

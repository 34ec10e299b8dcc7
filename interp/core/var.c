/*
 * var.c -- see var.h. Least squares by Householder QR (GSL): the normal
 * equations are never formed for the coefficients; (Z'Z)^-1 = R^-1 R^-T
 * serves the covariances.
 */
#include "core/var.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

tn_var *tn_var_new(size_t K, size_t p, size_t T, int trend) {
    tn_var *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    v->K = K, v->p = p, v->T = T, v->trend = trend ? 1 : 0;
    v->m = (size_t)v->trend + K * p;
    v->B = malloc(v->m * K * sizeof *v->B);
    v->resid = malloc((T ? T : 1) * K * sizeof *v->resid);
    v->sigma_u = malloc(K * K * sizeof *v->sigma_u);
    v->zzinv = malloc((v->m ? v->m * v->m : 1) * sizeof *v->zzinv);
    v->A = malloc((p ? p : 1) * K * K * sizeof *v->A);
    if (!v->B || !v->resid || !v->sigma_u || !v->zzinv || !v->A) { tn_var_free(v); return NULL; }
    return v;
}

void tn_var_free(tn_var *v) {
    if (!v) return;
    free(v->B); free(v->resid); free(v->sigma_u); free(v->zzinv); free(v->A);
    free(v);
}

/* Row t of Z (regressors of observation t of Y) into z. */
static void regressors(const tn_var *v, const double *Y, size_t t, double *z) {
    size_t K = v->K, c = (size_t)v->trend;
    if (c) z[0] = 1;
    for (size_t j = 1; j <= v->p; j++)
        memcpy(z + c + (j - 1) * K, Y + (t - j) * K, K * sizeof *z);
}

/* (Z'Z)^-1 = R^-1 R^-T from the QR factor; -2 when R is (near) singular. */
static int zz_inverse(tn_var *v, const gsl_matrix *QR) {
    size_t m = v->m;
    double rmax = 0;
    for (size_t i = 0; i < m; i++) rmax = fmax(rmax, fabs(gsl_matrix_get(QR, i, i)));
    gsl_matrix *Ri = gsl_matrix_calloc(m, m);
    if (!Ri) return -3;
    for (size_t i = 0; i < m; i++)
        for (size_t j = i; j < m; j++) gsl_matrix_set(Ri, i, j, gsl_matrix_get(QR, i, j));
    int st = 0;
    for (size_t i = 0; i < m; i++)
        if (!(fabs(gsl_matrix_get(QR, i, i)) > 1e-12 * rmax)) st = -2;
    if (st == 0 && gsl_linalg_tri_upper_invert(Ri) != GSL_SUCCESS) st = -2;
    for (size_t i = 0; st == 0 && i < m; i++)
        for (size_t j = 0; j < m; j++) {
            double s = 0;
            for (size_t l = (i > j ? i : j); l < m; l++) s += gsl_matrix_get(Ri, i, l) * gsl_matrix_get(Ri, j, l);
            v->zzinv[i * m + j] = s;
        }
    gsl_matrix_free(Ri);
    return st;
}

/* Coefficients and residuals of every equation from the factored Z. */
static int solve_equations(tn_var *v, const gsl_matrix *QR, const gsl_vector *tau, const double *Y, size_t first) {
    size_t T = v->T, K = v->K;
    gsl_vector *y = gsl_vector_alloc(T), *x = gsl_vector_alloc(v->m), *r = gsl_vector_alloc(T);
    int st = y && x && r ? 0 : -3;
    for (size_t i = 0; st == 0 && i < K; i++) {
        for (size_t t = 0; t < T; t++) gsl_vector_set(y, t, Y[(first + t) * K + i]);
        if (gsl_linalg_QR_lssolve(QR, tau, y, x, r) != GSL_SUCCESS) { st = -2; break; }
        for (size_t j = 0; j < v->m; j++) v->B[j * K + i] = gsl_vector_get(x, j);
        for (size_t t = 0; t < T; t++) v->resid[t * K + i] = gsl_vector_get(r, t);
    }
    gsl_vector_free(y); gsl_vector_free(x); gsl_vector_free(r);
    return st;
}

/* Σ_u = E'E/(T-m) and ln det(E'E/T); -4 when not positive definite. */
static int residual_covariance(tn_var *v) {
    size_t K = v->K, T = v->T;
    double *mle = calloc(K * K, sizeof *mle), *P = malloc(K * K * sizeof *P);
    int st = mle && P ? 0 : -3;
    for (size_t a = 0; st == 0 && a < K; a++)
        for (size_t b = 0; b <= a; b++) {
            double s = 0;
            for (size_t t = 0; t < T; t++) s += v->resid[t * K + a] * v->resid[t * K + b];
            mle[a * K + b] = mle[b * K + a] = s / (double)T;
            v->sigma_u[a * K + b] = v->sigma_u[b * K + a] = s / (double)(T - v->m);
        }
    if (st == 0 && tn_var_chol(mle, K, P) != 0) st = -4;
    if (st == 0) {
        v->logdet_mle = 0;
        for (size_t i = 0; i < K; i++) v->logdet_mle += 2 * log(P[i * K + i]);
    }
    free(mle); free(P);
    return st;
}

int tn_var_fit(tn_var *v, const double *Y, size_t n, size_t offset) {
    if (n < offset + v->p + 1) return -1;
    size_t first = offset + v->p, T = n - first, m = v->m;
    if (T <= m) return -1;
    v->T = T;
    if (m == 0) {                               /* VAR(0) without constant */
        for (size_t t = 0; t < T; t++) memcpy(v->resid + t * v->K, Y + (first + t) * v->K, v->K * sizeof(double));
        return residual_covariance(v);
    }
    gsl_matrix *Z = gsl_matrix_alloc(T, m);
    gsl_vector *tau = gsl_vector_alloc(m);
    int st = Z && tau ? 0 : -3;
    for (size_t t = 0; st == 0 && t < T; t++) regressors(v, Y, first + t, Z->data + t * Z->tda);
    if (st == 0 && gsl_linalg_QR_decomp(Z, tau) != GSL_SUCCESS) st = -2;
    if (st == 0) st = zz_inverse(v, Z);
    if (st == 0) st = solve_equations(v, Z, tau, Y, first);
    if (st == 0) st = residual_covariance(v);
    gsl_matrix_free(Z); gsl_vector_free(tau);
    return st;
}

void tn_var_ic(const tn_var *v, double *aic, double *bic, double *hqic, double *fpe) {
    double T = (double)v->T, K = (double)v->K;
    double free_params = (double)v->p * K * K + K * v->trend;
    *aic = v->logdet_mle + 2.0 / T * free_params;
    *bic = v->logdet_mle + log(T) / T * free_params;
    *hqic = v->logdet_mle + 2.0 * log(log(T)) / T * free_params;
    *fpe = pow((T + (double)v->m) / (T - (double)v->m), K) * exp(v->logdet_mle);
}

void tn_var_lag_matrices(const double *B, size_t K, size_t p, int trend, double *A) {
    size_t c = trend ? 1 : 0;
    for (size_t j = 0; j < p; j++)
        for (size_t q = 0; q < K; q++)
            for (size_t s = 0; s < K; s++) A[(j * K + q) * K + s] = B[(c + j * K + s) * K + q];
}

void tn_var_ma_lags(const double *A, size_t K, size_t p, size_t H, double *Phi) {
    size_t KK = K * K;
    memset(Phi, 0, (H + 1) * KK * sizeof *Phi);
    for (size_t i = 0; i < K; i++) Phi[i * K + i] = 1;
    for (size_t h = 1; h <= H; h++)
        for (size_t j = 1; j <= p && j <= h; j++)
            tn_var_matmul_acc(K, Phi + (h - j) * KK, A + (j - 1) * KK, Phi + h * KK);
}

void tn_var_ma(const tn_var *v, size_t H, double *Phi) {
    tn_var_lag_matrices(v->B, v->K, v->p, v->trend, v->A);
    tn_var_ma_lags(v->A, v->K, v->p, H, Phi);
}

void tn_var_matmul_acc(size_t K, const double *X, const double *Y, double *Z) {
    for (size_t r = 0; r < K; r++)
        for (size_t q = 0; q < K; q++) {
            double x = X[r * K + q];
            for (size_t s = 0; s < K; s++) Z[r * K + s] += x * Y[q * K + s];
        }
}

int tn_var_chol(const double *S, size_t K, double *P) {
    memset(P, 0, K * K * sizeof *P);
    for (size_t j = 0; j < K; j++) {
        double d = S[j * K + j];
        for (size_t l = 0; l < j; l++) d -= P[j * K + l] * P[j * K + l];
        if (!(d > 0)) return -1;
        P[j * K + j] = sqrt(d);
        for (size_t i = j + 1; i < K; i++) {
            double s = S[i * K + j];
            for (size_t l = 0; l < j; l++) s -= P[i * K + l] * P[j * K + l];
            P[i * K + j] = s / P[j * K + j];
        }
    }
    return 0;
}

void tn_var_orth(const double *Phi, size_t H, size_t K, const double *P, double *Theta) {
    size_t KK = K * K;
    for (size_t h = 0; h <= H; h++)
        for (size_t r = 0; r < K; r++)
            for (size_t s = 0; s < K; s++) {
                double x = 0;
                for (size_t q = s; q < K; q++) x += Phi[h * KK + r * K + q] * P[q * K + s];
                Theta[h * KK + r * K + s] = x;
            }
}

void tn_var_fevd(const double *Theta, size_t H, size_t K, double *D) {
    size_t KK = K * K;
    for (size_t h = 1; h <= H; h++)            /* cumulative squared responses */
        for (size_t e = 0; e < KK; e++) {
            double th = Theta[(h - 1) * KK + e];
            D[(h - 1) * KK + e] = (h > 1 ? D[(h - 2) * KK + e] : 0) + th * th;
        }
    for (size_t h = H; h >= 1; h--)            /* then shares of each row's total */
        for (size_t r = 0; r < K; r++) {
            double *row = D + (h - 1) * KK + r * K, mse = 0;
            for (size_t s = 0; s < K; s++) mse += row[s];
            for (size_t s = 0; s < K; s++) row[s] /= mse;
        }
}

int tn_var_forecast(const tn_var *v, const double *Y, size_t n, size_t H, double *mean, double *var) {
    size_t K = v->K, p = v->p, KK = K * K;
    double *buf = malloc((p + H) * K * sizeof *buf), *z = malloc((v->m + 1) * sizeof *z);
    double *Phi = malloc((H + 1) * KK * sizeof *Phi);
    if (!buf || !z || !Phi) { free(buf); free(z); free(Phi); return -3; }
    memcpy(buf, Y + (n - p) * K, p * K * sizeof *buf);
    for (size_t h = 0; h < H; h++) {
        regressors(v, buf, p + h, z);
        for (size_t i = 0; i < K; i++) {
            double s = 0;
            for (size_t r = 0; r < v->m; r++) s += z[r] * v->B[r * K + i];
            buf[(p + h) * K + i] = mean[h * K + i] = s;
        }
    }
    tn_var_ma(v, H, Phi);
    for (size_t i = 0; i < K; i++) {
        double acc = 0;
        for (size_t h = 0; h < H; h++) {
            const double *ph = Phi + h * KK;       /* (Φ_h Σ Φ_h')[i][i] */
            for (size_t a = 0; a < K; a++)
                for (size_t b = 0; b < K; b++) acc += ph[i * K + a] * v->sigma_u[a * K + b] * ph[i * K + b];
            var[h * K + i] = acc;
        }
    }
    free(buf); free(z); free(Phi);
    return 0;
}

/* The companion matrix (Kp × Kp): [A_1 ... A_p] over [I 0]. */
static gsl_matrix *companion(const tn_var *v) {
    size_t K = v->K, n = K * v->p, c = (size_t)v->trend;
    gsl_matrix *A = gsl_matrix_calloc(n, n);
    if (!A) return NULL;
    for (size_t j = 0; j < v->p; j++)
        for (size_t q = 0; q < K; q++)
            for (size_t s = 0; s < K; s++) gsl_matrix_set(A, q, j * K + s, v->B[(c + j * K + s) * K + q]);
    for (size_t i = K; i < n; i++) gsl_matrix_set(A, i, i - K, 1);
    return A;
}

static int desc(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

int tn_var_roots(const tn_var *v, double *modulus) {
    size_t n = v->K * v->p;
    if (n == 0) return 0;
    gsl_matrix *A = companion(v);
    gsl_vector_complex *ev = gsl_vector_complex_alloc(n);
    gsl_eigen_nonsymm_workspace *w = gsl_eigen_nonsymm_alloc(n);
    int st = A && ev && w ? 0 : -1;
    if (st == 0 && gsl_eigen_nonsymm(A, ev, w) != GSL_SUCCESS) st = -1;
    for (size_t i = 0; st == 0 && i < n; i++) {
        gsl_complex z = gsl_vector_complex_get(ev, i);
        modulus[i] = hypot(GSL_REAL(z), GSL_IMAG(z));
    }
    if (st == 0) qsort(modulus, n, sizeof *modulus, desc);
    gsl_matrix_free(A); gsl_vector_complex_free(ev); gsl_eigen_nonsymm_free(w);
    return st;
}

/* First K rows of (A')^i for i = 0..H-1, each K × Kp, into J. */
static int companion_powers(const tn_var *v, size_t H, double *J) {
    size_t K = v->K, n = K * v->p;
    gsl_matrix *A = companion(v), *P = gsl_matrix_alloc(n, n), *Q = gsl_matrix_alloc(n, n);
    int st = A && P && Q ? 0 : -3;
    if (st == 0) gsl_matrix_set_identity(P);
    for (size_t i = 0; st == 0 && i < H; i++) {
        for (size_t a = 0; a < K; a++)
            for (size_t c = 0; c < n; c++) J[i * K * n + a * n + c] = gsl_matrix_get(P, a, c);
        gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1.0, P, A, 0.0, Q);    /* P (A')  */
        gsl_matrix_memcpy(P, Q);
    }
    gsl_matrix_free(A); gsl_matrix_free(P); gsl_matrix_free(Q);
    return st;
}

/* g Σ_u g' contracted with (Z'Z)^-1 over the lag block: the variance of
   one element of vec Φ_h, g (Kp × K) its row of G_h. */
static double quad_form(const tn_var *v, const double *g, double *work) {
    size_t K = v->K, n = K * v->p, c = (size_t)v->trend, m = v->m;
    for (size_t a = 0; a < n; a++)                     /* work = g Σ_u */
        for (size_t d = 0; d < K; d++) {
            double s = 0;
            for (size_t e = 0; e < K; e++) s += g[a * K + e] * v->sigma_u[e * K + d];
            work[a * K + d] = s;
        }
    double q = 0;
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++) {
            double s = 0;
            for (size_t d = 0; d < K; d++) s += work[a * K + d] * g[b * K + d];
            q += v->zzinv[(c + a) * m + c + b] * s;
        }
    return q;
}

/* Row (s, r) of G_h: Σ_m J_{h-1-m}[s][.] ⊗ Φ_m[r][.] into g (Kp × K). */
static void g_row(const tn_var *v, const double *J, const double *Phi, size_t h, size_t s, size_t r, double *g) {
    size_t K = v->K, n = K * v->p;
    memset(g, 0, n * K * sizeof *g);
    for (size_t mm = 0; mm < h; mm++) {
        const double *Jm = J + (h - 1 - mm) * K * n + s * n, *ph = Phi + mm * K * K + r * K;
        for (size_t a = 0; a < n; a++)
            if (Jm[a] != 0)
                for (size_t d = 0; d < K; d++) g[a * K + d] += Jm[a] * ph[d];
    }
}

int tn_var_irf_var(const tn_var *v, size_t H, const double *Phi, const double *P, double *var) {
    size_t K = v->K, KK = K * K, n = K * v->p;
    memset(var, 0, (H + 1) * KK * sizeof *var);
    if (H == 0 || n == 0) return 0;
    double *J = malloc(H * K * n * sizeof *J), *g = malloc(n * K * sizeof *g), *c = malloc(n * K * sizeof *c);
    double *work = malloc(n * K * sizeof *work);
    int st = J && g && c && work ? companion_powers(v, H, J) : -3;
    for (size_t h = 1; st == 0 && h <= H; h++)
        for (size_t s = 0; s < K; s++)
            for (size_t r = 0; r < K; r++) {
                if (!P) g_row(v, J, Phi, h, s, r, c);
                else {                      /* row (s, r) of (P' ⊗ I) G_h = Σ_q P[q][s] · row (q, r) */
                    memset(c, 0, n * K * sizeof *c);
                    for (size_t q = s; q < K; q++) {
                        g_row(v, J, Phi, h, q, r, g);
                        for (size_t e = 0; e < n * K; e++) c[e] += P[q * K + s] * g[e];
                    }
                }
                var[h * KK + r * K + s] = quad_form(v, c, work);
            }
    free(J); free(g); free(c); free(work);
    return st;
}

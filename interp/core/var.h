/*
 * var.h -- vector autoregressions without Lua: least squares, moving-
 * average (impulse-response) coefficients, variance decompositions,
 * forecasts, stability and bootstrap bands. The numerical core behind
 * tsa.var (stdlib/tenor/var.lua).
 *
 * Conventions (statsmodels' VAR): data Y are n rows of K values, row-major
 * (Y[t*K + i]); regressors per equation, in order: the constant (trend = 1),
 * then y_{t-1} (K values), ..., y_{t-p}; m = trend + K p of them.
 */
#ifndef TN_VAR_H
#define TN_VAR_H

#include <stddef.h>

typedef struct {
    size_t K, p, T, m;     /* variables, lags, rows used, regressors per equation */
    int trend;             /* 1: constant, 0: none */
    double *B;             /* m*K: B[r*K + i], regressor r in equation i */
    double *resid;         /* T*K */
    double *sigma_u;       /* K*K: E'E/(T - m) */
    double *zzinv;         /* m*m: (Z'Z)^-1 */
    double *A;             /* p*K*K: the lag matrices A_j row-major, refreshed from B by tn_var_ma */
    double logdet_mle;     /* ln det(E'E/T) */
} tn_var;

/* Allocates a model for up to T rows; NULL when out of memory. */
tn_var *tn_var_new(size_t K, size_t p, size_t T, int trend);
void    tn_var_free(tn_var *v);

/* Fits the VAR on rows offset+p .. n-1 of Y (n rows), by Householder QR
   of the regressors. v must come from tn_var_new with T >= n-offset-p.
   Returns 0; -1 too few rows (T <= m); -2 regressors collinear; -3 no
   memory; -4 residual covariance not positive definite. */
int tn_var_fit(tn_var *v, const double *Y, size_t n, size_t offset);

/* Information criteria (statsmodels' info_criteria): ld + c·(p K² + K·trend)
   with c = 2/T (aic), ln T/T (bic), 2 ln ln T/T (hqic); fpe. */
void tn_var_ic(const tn_var *v, double *aic, double *bic, double *hqic, double *fpe);

/* MA coefficients Φ_0 = I, Φ_h = Σ_{j=1..min(h,p)} Φ_{h-j} A_j for
   h = 0..H: Phi has (H+1)·K·K values, Phi[h*K*K + r*K + s] the response
   of variable r to a unit shock in s after h periods. */
void tn_var_ma(const tn_var *v, size_t H, double *Phi);

/* The lag matrices of coefficients B (laid out as tn_var's): A has p·K·K
   values, A[(j-1)K² + q K + s] = A_j[q][s], the coefficient of y_{t-j,s}
   in equation q. */
void tn_var_lag_matrices(const double *B, size_t K, size_t p, int trend, double *A);

/* Φ_0..Φ_H (laid out as tn_var_ma's) from the lag matrices A. */
void tn_var_ma_lags(const double *A, size_t K, size_t p, size_t H, double *Phi);

/* The responses to the impact matrix out_0 = P (K × K), or I when P is
   NULL, by the left-hand form of the MA recursion out_h = Σ_{j=1..min(h,p)}
   A_j out_{h-j} (A from tn_var_lag_matrices): Θ_h = Φ_h P without Φ.
   out is laid out as Phi. core/var_boot.c. */
void tn_var_responses(const double *A, size_t K, size_t p, size_t H, const double *P, double *out);

/* Z += X Y for K×K row-major matrices. */
void tn_var_matmul_acc(size_t K, const double *X, const double *Y, double *Z);

/* Lower Cholesky factor P of the K×K symmetric S (P P' = S): 0, or -1
   when S is not positive definite. */
int tn_var_chol(const double *S, size_t K, double *P);

/* Theta_h = Phi_h P for h = 0..H (orthogonalised responses). */
void tn_var_orth(const double *Phi, size_t H, size_t K, const double *P, double *Theta);

/* Forecast error variance decomposition from the orthogonalised
   responses: D[(h-1)*K*K + r*K + s] = share of shock s in the h-step
   forecast error variance of r, h = 1..H. */
void tn_var_fevd(const double *Theta, size_t H, size_t K, double *D);

/* h-step forecasts from the last p rows of Y (n rows): mean (H*K) and
   forecast error variances var (H*K) = diag Σ_{i<h} Φ_i Σ_u Φ_i'. */
int tn_var_forecast(const tn_var *v, const double *Y, size_t n, size_t H, double *mean, double *var);

/* Moduli of the eigenvalues of the companion matrix (K p values, largest
   first): 0, or -1 when the eigen-solver fails or memory runs out. */
int tn_var_roots(const tn_var *v, double *modulus);

/* The part of the asymptotic variances of the responses that comes from
   the lag coefficients, Lütkepohl (2005) 3.7: var vec Φ_h = diag G_h Σ_α G_h',
   Σ_α = (Z'Z)^-1 ⊗ Σ_u over the lag coefficients (the whole variance of
   the unit-shock responses); with P (the Cholesky factor, K×K) that of
   Θ_h = Φ_h P through C_h = (P' ⊗ I) G_h (the orthogonalised responses
   add a Σ_u part, computed by the caller). var has (H+1)·K·K values,
   laid out as Phi. Returns 0 or -3 (memory). */
int tn_var_irf_var(const tn_var *v, size_t H, const double *Phi, const double *P, double *var);

/* Residual bootstrap of the responses (as R's vars::irf with boot = TRUE):
   each draw resamples the rows of the residuals with replacement, rebuilds
   the data from the first p rows of Y with the fitted coefficients, refits
   and computes Φ (or Θ when orth). lo/hi (laid out as Phi) get the
   (1-level)/2 and (1+level)/2 quantiles (type 7) over reps draws. Draw b
   takes its residual rows from its own generator (xoshiro256** seeded from
   seed and b), so the bands do not depend on threads (1 or more), which
   share the draws. Polls Ctrl-C between draws. Returns 0; -3 memory; -2
   when a draw cannot be fitted; -5 interrupted. core/var_boot.c. */
int tn_var_bootstrap(const tn_var *v, const double *Y, size_t n, size_t H, int orth, size_t reps,
                     unsigned long seed, double level, unsigned threads, double *lo, double *hi);

/* Its two halves. The draws: reps × E values, E = (H+1)K², draw b's
   responses (laid out as Phi) in draws[b E ..]; 0, -2, -3 or -5 as above. */
int tn_var_boot_draws(const tn_var *v, const double *Y, size_t n, size_t H, int orth, size_t reps,
                      unsigned long seed, unsigned threads, double *draws);

/* The bands: for each of the E columns of draws (reps × E, no NaN in a
   column, else NaN bands), its type-7 quantiles (1-level)/2 into lo and
   (1+level)/2 into hi. 0, or -3 (memory). */
int tn_var_bands(const double *draws, size_t reps, size_t E, double level, unsigned threads,
                 double *lo, double *hi);

/* Least squares of the VAR shape v (K, p, T, trend) on the p + T rows of
   Ys (row-major), by one Householder QR of [Z | Y] taken TN_VAR_LSQ_ROWS
   rows at a time: B (m × K, laid out as v->B) and, when P is not NULL,
   the lower Cholesky factor of Σ_u = E'E/(T - m). A is workspace of
   (m + K)(m + K + TN_VAR_LSQ_ROWS) values. 0, or -2 when the regressors
   are collinear or Σ_u singular. */
#define TN_VAR_LSQ_ROWS 64
int tn_var_lsq(const tn_var *v, const double *Ys, double *A, double *B, double *P);

/* The number of threads tn_var_bootstrap uses by default: the online
   processors, at most 8. */
unsigned tn_var_threads(void);

#endif

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
   (1-level)/2 and (1+level)/2 quantiles (type 7) over reps draws.
   Returns 0; -3 memory; -2 when a draw cannot be fitted. */
int tn_var_bootstrap(const tn_var *v, const double *Y, size_t n, size_t H, int orth, size_t reps,
                     unsigned long seed, double level, double *lo, double *hi);

#endif

/*
 * ols.h -- least squares in plain C (no GSL, no Lua): the numerical core
 * behind regress.ols.
 */
#ifndef TN_OLS_H
#define TN_OLS_H

#include <stddef.h>

enum { TN_COV_CLASSICAL, TN_COV_HC0, TN_COV_HC1, TN_COV_HC2, TN_COV_HC3, TN_COV_HAC };

typedef struct {
    size_t n, k;          /* observations, coefficients */
    double *beta;         /* k */
    double *cov;          /* k*k, row-major */
    double *se;           /* k: sqrt of cov's diagonal, computed without squaring the scale */
    double *resid;        /* n */
    double ssr, sigma2;   /* sum of squared residuals, ssr/(n-k) */
    int collinear;        /* on failure: the column found dependent ... */
    int *depends_on;      /* k flags: ... and the columns it depends on */
    int leverage_one;     /* HC2/HC3: a row with leverage 1 (cov and se NaN), else -1 */
    const double *contrast; /* optional k weights c (NULL: none) ... */
    double contrast_se;   /* ... and the standard error of c'beta, computed stably */
} tn_ols_fit;

/* Fits y (n) on the columns of X (n*k, column-major: column j at X + j*n)
   by a re-orthogonalised Gram-Schmidt QR of the column-scaled design, then
   Björck's refinement of the solution and residual together (residuals in
   long double, at most three rounds; see ols.c). cov_type is TN_COV_*;
   hac_lag the Bartlett lag.
   The fit's arrays are the caller's (sizes as above; depends_on k ints).
   Returns 0, -1 when the design is rank deficient (collinear and
   depends_on say which columns), -2 when n <= k, -3 when out of memory or
   k > 64, TN_OLS_INTERRUPTED when Ctrl-C was pressed (core/interrupt.h;
   the fit is then incomplete). */
#define TN_OLS_INTERRUPTED (-4)
int tn_ols(const double *X, const double *y, size_t n, size_t k, int cov_type,
           int hac_lag, tn_ols_fit *fit);

/* Newey-West (1994) automatic lag for the Bartlett kernel: floor(4(n/100)^(2/9)). */
int tn_ols_nw_lag(size_t n);

#endif

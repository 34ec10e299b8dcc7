/*
 * acf.h -- sample autocorrelations, partial autocorrelations and the
 * portmanteau statistics built on them, without Lua: the numerical core
 * behind tsa.acf, tsa.pacf and tsa.ljungbox.
 *
 * Conventions (statsmodels' acf(adjusted=False) and R's acf, which agree):
 * the series is demeaned, c_k = Σ_{t>k} (x_t - x̄)(x_{t-k} - x̄) / n and
 * r_k = c_k / c_0. "Adjusted" divides c_k by n - k instead (statsmodels'
 * adjusted=True). Partial autocorrelations by the Durbin-Levinson recursion
 * on r (R's pacf, statsmodels' method "ldb", EViews' PAC).
 */
#ifndef TN_ACF_H
#define TN_ACF_H

#include <stddef.h>

/* r_0..r_nlags of x (n values, none missing) into r (nlags + 1); nlags < n.
   Returns 0, or -1 when x is constant. */
int tn_acf(const double *x, size_t n, size_t nlags, int adjusted, double *r);

/* Partial autocorrelations φ_kk, k = 1..nlags, of the autocorrelations r
   (r[0] = 1) into pacf[1..nlags] (pacf[0] = 1). Returns 0; -1 when the
   recursion meets a prediction variance of zero (an exact autoregression:
   the rest are NaN); -2 without memory. */
int tn_pacf(const double *r, size_t nlags, double *pacf);

/* Ljung-Box Q_k = n(n+2) Σ_{j≤k} r_j²/(n-j) and Box-Pierce n Σ_{j≤k} r_j²,
   k = 1..nlags, into q[1..nlags] and bp[1..nlags]. */
void tn_portmanteau(const double *r, size_t n, size_t nlags, double *q, double *bp);

#endif

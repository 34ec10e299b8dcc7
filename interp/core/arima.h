/*
 * arima.h -- seasonal ARIMA with regression terms by exact Gaussian
 * maximum likelihood, without Lua: the numerical core behind tsa.arima.
 *
 * Model (statsmodels' ARIMA/SARIMAX conventions):
 *   y_t = x_t'β + u_t,   φ(B)Φ(B^s) (1-B)^d (1-B^s)^D u_t = θ(B)Θ(B^s) ε_t,
 *   φ(B) = 1 - φ_1 B - ... - φ_p B^p,  θ(B) = 1 + θ_1 B + ... + θ_q B^q
 *   (Φ, Θ alike in B^s), ε_t ~ N(0, σ²).
 * The likelihood is that of the differenced series w = δ(B)(y - Xβ),
 * δ(B) = (1-B)^d (1-B^s)^D, computed by the Kalman filter on the ARMA's
 * state-space form (Harvey) with the stationary initial covariance: this
 * equals statsmodels' exact diffuse likelihood of the undifferenced model.
 * Parameters, in order: β (k), φ (p), θ (q), Φ (P), Θ (Q); σ² apart.
 */
#ifndef TN_ARIMA_H
#define TN_ARIMA_H

#include <stddef.h>

typedef struct {
    int p, d, q, P, D, Q, s;
    size_t k;               /* regression coefficients (trend terms and exogenous) */
} tn_arima_spec;

/* Number of estimated coefficients (σ² excluded). */
size_t tn_arima_nparams(const tn_arima_spec *sp);

typedef struct {
    double *params;         /* nparams, natural scale */
    double sigma2, loglik;
    double *cov;            /* (nparams+1)², σ² last: inverse of minus the numerical Hessian
                               (NULL: not computed) */
    double *resid;          /* n - d - sD one-step prediction errors of w */
    int iterations, converged;
    int candidate;          /* in: 1 for a candidate of a model search: the first start that
                               converges, and at most 20 Newton steps after Gauss-Newton */
    const double *start;    /* in: natural parameters (nparams) to start from first, e.g. a
                               nested model's estimates padded with zeros; NULL: none */
} tn_arima_result;

/* Fits y (n values, none missing) with regressors X (n*k, column-major,
   NULL when k = 0); at most 60 coefficients in all. The result's arrays are the caller's. Returns 0;
   -1 too few observations; -2 the optimiser did not converge; -3 no
   memory; -4 the likelihood is not finite at the start; -5 the likelihood
   rises towards an AR unit root (no stationary maximum). */
int tn_arima_fit(const tn_arima_spec *sp, const double *y, const double *X, size_t n, tn_arima_result *r);

/* The exact log-likelihood at the given parameters and σ². */
double tn_arima_loglik(const tn_arima_spec *sp, const double *y, const double *X, size_t n,
                       const double *params, double sigma2);

/* h-step forecasts of y after its n values: mean (h) and forecast error
   variance var (h). Xf holds the regressors of the h future periods
   (h*k, column-major; NULL when k = 0). Returns 0 or -3. */
int tn_arima_forecast(const tn_arima_spec *sp, const double *y, const double *X, size_t n,
                      const double *params, double sigma2, const double *Xf, size_t h,
                      double *mean, double *var);

#endif

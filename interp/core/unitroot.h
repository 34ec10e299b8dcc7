/*
 * unitroot.h -- unit-root and stationarity tests without Lua: the
 * numerical core behind tsa.adf, tsa.kpss and tsa.coint.
 *
 * Deterministic terms are coded TN_TREND_N (none), _C (constant), _CT
 * (constant and linear trend), as MacKinnon's "nc", "c", "ct".
 */
#ifndef TN_UNITROOT_H
#define TN_UNITROOT_H

#include <stddef.h>

enum { TN_TREND_N, TN_TREND_C, TN_TREND_CT };
enum { TN_AUTOLAG_NONE, TN_AUTOLAG_AIC, TN_AUTOLAG_BIC, TN_AUTOLAG_T };

/* MacKinnon (1994) approximate asymptotic p-value of a Dickey-Fuller tau
   statistic for N = 1..6 I(1) series (N > 1: Engle-Granger residuals).
   Returns NaN for an N or trend outside the tables. */
double tn_mackinnon_p(double tau, int trend, int N);

/* MacKinnon (2010) finite-sample critical values at 1%, 5%, 10% for
   nobs observations (nobs <= 0: asymptotic). N = 1..12 with a constant or
   trend, N = 1 without (the 1996 values). Returns 0, or -1 outside. */
int tn_mackinnon_crit(int N, int trend, double nobs, double crit[3]);

typedef struct {
    double stat;      /* t statistic of the lagged level */
    double gamma;     /* its coefficient (rho - 1) */
    double icbest;    /* best criterion (autolag), else NaN */
    int lags;         /* lagged differences used */
    int maxlag;       /* the largest lag searched (or lags) */
    size_t nobs;      /* rows of the final regression */
} tn_adf_result;

/* Augmented Dickey-Fuller regression of Δx_t on x_{t-1}, Δx_{t-1..t-p} and
   the deterministic terms, as statsmodels' adfuller: with autolag, every
   p = 0..maxlag is fitted on the common sample of n-1-maxlag rows and the
   best (smallest AIC/BIC; for "t" the longest whose last lag has
   |t| >= 1.6449) is refitted on all its rows. Without autolag p = maxlag.
   x has n values, none missing. Returns 0; -1 too few rows; -2 a singular
   regression (a constant or perfectly trending series); -3 no memory. */
int tn_adf(const double *x, size_t n, int trend, int maxlag, int autolag, tn_adf_result *r);

/* KPSS statistic (Kwiatkowski et al. 1992, eq. 10-11) of x (n values) with
   a constant or constant and trend; lags < 0 picks Hobijn et al.'s (1998)
   automatic lag (as statsmodels' nlags="auto"), then stored in *lags_used.
   Returns the statistic, NaN on a singular detrending. */
double tn_kpss(const double *x, size_t n, int trend, int lags, int *lags_used);

/* p-value of a KPSS statistic by linear interpolation in KPSS's table
   (0.10 .. 0.01), clamped at its ends; *outside = -1 below the table's
   smallest p (true p smaller), +1 above its largest, 0 inside.
   crit receives the 10%, 5%, 2.5%, 1% critical values. */
double tn_kpss_p(double stat, int trend, int *outside, double crit[4]);

#endif

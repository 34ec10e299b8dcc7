/*
 * unitroot.h -- unit-root and stationarity tests without Lua: the
 * numerical core behind tsa.adf, tsa.pp, tsa.kpss and tsa.coint.
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

/* Phillips-Perron (1988): the regression y_t = (deterministic terms) +
   rho y_{t-1} + u_t on the n = len-1 rows t = 2..len (the trend is
   1..n), the residuals' variance gamma0 = SSR/n and their Bartlett
   long-run variance lrv = gamma0 + (2/n) sum_{j=1..lags} (1 - j/(lags+1))
   sum_t u_t u_{t-j}; with S the sum of squares of z after removing the
   deterministic terms,
     z_tau = sqrt(gamma0/lrv) t - (lrv - gamma0) / (2 sqrt(lrv)) * n / sqrt(S)
     z_rho = n (rho - 1) - (lrv - gamma0) / 2 * n^2 / S
   where t = (rho - 1)/se(rho) is the OLS t ratio. The convention picks S:
     TN_PP_HAMILTON  z = y_{t-1}, so n/sqrt(S) = n se(rho)/s (Hamilton 1994,
                     17.6.8 and 17.6.12; Python arch's PhillipsPerron)
     TN_PP_TSERIES   as HAMILTON, but S times (1 - 1/n^2) with a trend:
                     Phillips and Perron's closed form M (R tseries::pp.test)
     TN_PP_URCA      z = y_t (the current value), S times (1 - 1/n^2) with a
                     trend (R urca::ur.pp); no TN_TREND_N.
   x has len values, none missing; lags >= 0. Returns 0; -1 too few rows
   (n must exceed lags + the regressors); -2 a singular regression (a
   constant series, or a pure trend with TN_TREND_CT); -3 no memory;
   TN_OLS_INTERRUPTED (-4) on Ctrl-C; -5 an exact fit (residual variance
   0); -6 a convention/trend pair not defined. */
enum { TN_PP_HAMILTON, TN_PP_TSERIES, TN_PP_URCA };

typedef struct {
    double z_tau, z_rho;  /* the two statistics */
    double rho, t;        /* coefficient of y_{t-1} and its t ratio for rho = 1 */
    double gamma0, lrv;   /* short- and long-run variance of the residuals */
    size_t nobs;          /* rows n */
} tn_pp_result;

int tn_pp(const double *x, size_t len, int trend, int lags, int convention, tn_pp_result *r);

/* Lag truncation of urca::ur.pp and tseries::pp.test for n rows:
   trunc(4 (n/100)^(1/4)) (long = 0) or trunc(12 (n/100)^(1/4)) (long = 1). */
int tn_pp_lags(size_t n, int long_lags);

/* p-value of a Dickey-Fuller normalised bias n(rho - 1) (Z_rho) by
   Fuller's (1976) table 8.5.1 (Hamilton 1994 table B.5): each
   probability's critical value interpolated linearly in n between the
   rows 25, 50, 100, 250, 500 and infinity (taken as n = 100000, clamped
   at both ends), then p linearly in the statistic between the
   probabilities 0.01 .. 0.99, clamped, as R tseries::pp.test. *outside =
   -1 when the statistic is below the 1% value (true p smaller), +1 above
   the 99% value (true p larger), else 0. crit receives the 1%, 5% and 10%
   values for n. NaN for an unknown trend. */
double tn_df_rho_p(double stat, int trend, double n, int *outside, double crit[3]);

#endif

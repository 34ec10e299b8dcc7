/*
 * stl.h -- STL, the seasonal-trend decomposition by loess of Cleveland,
 * Cleveland, McRae and Terpenning (1990), as pure C (no Lua): the C unit
 * tests and the series method s:stl share it.
 *
 * It follows the published algorithm step by step as the authors' Fortran
 * (netlib stl) and statsmodels' STL do, so that results agree with
 * statsmodels to rounding: inner loop = cycle-subseries loess, low-pass
 * (moving averages of period, period, 3, then loess), deseasonalise, trend
 * loess; outer loop = bisquare robustness weights from 6·median|resid|.
 */
#ifndef TN_STL_H
#define TN_STL_H

#include <stddef.h>

typedef struct {
    int period;                 /* >= 2 */
    int seasonal, trend, low_pass;                 /* loess spans: odd, >= 3 */
    int seasonal_deg, trend_deg, low_pass_deg;     /* 0 or 1 */
    int seasonal_jump, trend_jump, low_pass_jump;  /* >= 1: loess every jump-th point */
    int inner, outer;           /* iterations: inner >= 1, outer >= 0 (robust when > 0) */
} tn_stl_params;

/* statsmodels' defaults for a period and a seasonal span: trend the
   smallest odd integer >= 1.5·period / (1 − 1.5/seasonal), low_pass the
   smallest odd integer > period, degrees 1 (0 for nothing), jumps 1,
   inner 2 and outer 15 when robust, else 5 and 0. */
void tn_stl_defaults(tn_stl_params *p, int period, int seasonal, int robust);

/* Doubles of work space tn_stl needs for n observations. */
size_t tn_stl_work_size(size_t n, int period);

/* Decomposes y[0..n-1] (no NaN): trend, season and rw (the robustness
   weights, all 1 when outer = 0) are n doubles each; the remainder is
   y − trend − season. Returns 0, or -1 when the parameters are invalid
   (see above) or n < 2·period. */
int tn_stl(const double *y, size_t n, const tn_stl_params *p,
           double *trend, double *season, double *rw, double *work);

#endif

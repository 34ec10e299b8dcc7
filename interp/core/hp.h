/*
 * hp.h -- the Hodrick-Prescott filter as pure C (no Lua): the C unit tests
 * and filter.c share it.
 */
#ifndef TN_HP_H
#define TN_HP_H

#include <stddef.h>

/* Two-sided HP trend: solves (I + lambda·D'D)·trend = y, D the (n−2)×n
   second-difference matrix, in O(n) by a banded LDL' factorisation and
   iterative refinement with residuals in long double. work holds 4n
   doubles. Returns the number of refinement steps used (>= 0), or -1 when
   n < 3 or lambda < 0. */
int tn_hp_trend(const double *y, size_t n, double lambda, double *trend, double *work);

/* One-sided (real-time) HP trend: trend[t] is the last point of the
   two-sided trend of y[0..t], computed for all t in O(n) by the Kalman
   filter of the model behind HP (trend second differences with variance
   1/lambda, noise variance 1) from a diffuse start. trend[0..1] = y[0..1]. */
int tn_hp_one_sided(const double *y, size_t n, double lambda, double *trend);

#endif

/*
 * tempdisagg.h -- temporal disaggregation by GLS regression on
 * high-frequency indicators: Chow and Lin (1971), Fernández (1981) and
 * Litterman (1983). Pure C (no Lua).
 *
 * Model at the high frequency (n_h periods): y_h = X·β + u, u = M·ε,
 * ε ~ (0, σ²I), with M by method:
 *   Chow-Lin   u_t = ρ·u_{t−1} + ε_t, stationary start u_1 = ε_1/√(1−ρ²):
 *              V = MM' has V_ij = ρ^|i−j| / (1−ρ²)
 *   Fernández  u_t = u_{t−1} + ε_t, u_0 = 0 (a random walk): V_ij = min(i, j)
 *   Litterman  u_t = u_{t−1} + e_t, e_t = ρ·e_{t−1} + ε_t, u_0 = e_0 = 0
 * Observed: y_l = C·y_h (n_l periods), C the aggregation matrix: low period
 * j covers high periods first + j·ratio + (0..ratio−1) with weights w
 * (sum: 1; mean: 1/ratio; first/last: one 1). High periods outside every
 * low period are extrapolated. With G = C·M and V_l = G·G' = C·V·C':
 *   β  = (Z'V_l⁻¹Z)⁻¹ Z'V_l⁻¹ y_l,  Z = C·X        (GLS)
 *   ŷ_h = X·β + M·G'·V_l⁻¹·(y_l − Z·β)             (BLUE; C·ŷ_h = y_l exactly)
 *   σ² = û'V_l⁻¹û / n_l,  log L = −n_l/2·(log 2πσ² + 1) − ½·log|V_l|
 * M is applied as the recursion above, so no n_h × n_h matrix is formed.
 */
#ifndef TN_TEMPDISAGG_H
#define TN_TEMPDISAGG_H

#include <stddef.h>

enum { TN_TD_CHOW_LIN = 0, TN_TD_FERNANDEZ = 1, TN_TD_LITTERMAN = 2 };

typedef struct {
    int method;             /* TN_TD_* */
    size_t nl, nh, k;       /* low periods, high periods, regressors */
    size_t ratio, first;    /* high periods per low one; offset of low period 0 */
    const double *w;        /* ratio aggregation weights */
    const double *y;        /* nl low-frequency values */
    const double *x;        /* nh × k regressors, row-major (a constant is a column of 1s) */
} tn_td_problem;

typedef struct {
    double rho, sigma2, loglik, rss;   /* rss = û'V_l⁻¹û */
    double *beta, *se;                 /* k each, caller's storage; se with
                                          s² = rss/(n_l − k), as lm and tempdisagg */
    double *yhat;                      /* nh, caller's storage */
} tn_td_result;

/* Doubles of work space for a problem. */
size_t tn_td_work_size(const tn_td_problem *p);

/* Fits at a given rho (ignored by Fernández). Returns 0, or -1 when V_l or
   Z'V_l⁻¹Z is not positive definite (collinear indicators, |ρ| >= 1). */
int tn_td_fit(const tn_td_problem *p, double rho, tn_td_result *r, double *work);

/* Estimates rho on [lo, hi] by maximum likelihood (ml = 1) or by the
   smallest û'V_l⁻¹û (ml = 0): a grid of step 0.01, then golden section to
   1e-10 around the best point; then fits there. Returns as tn_td_fit. */
int tn_td_estimate(const tn_td_problem *p, int ml, double lo, double hi,
                   tn_td_result *r, double *work);

#endif

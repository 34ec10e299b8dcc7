/*
 * nlsq.h -- minimising a sum of squares Σ e_i(x)² whose curvature
 * Gauss-Newton misses, without Lua: the optimiser behind tsa.arima, kept
 * apart from the ARIMA model that feeds it.
 *
 * Levenberg-Marquardt on the Hessian J'J + S, J the Jacobian of the
 * residuals by finite differences (forward, central close in) and S the
 * part Σ e_i ∇²e_i that Gauss-Newton leaves out, learnt by symmetric
 * rank-one secant updates (Dennis, Gay and Welsch 1981). Where that crawls
 * (steps gaining under a quarter of what the model predicts), a damped
 * Newton method on a smooth objective with the same minimiser takes over,
 * its Hessian by central differences. At most 64 parameters.
 */
#ifndef TN_NLSQ_H
#define TN_NLSQ_H

#include <stddef.h>

typedef struct {
    size_t n, m;     /* parameters, residuals */
    /* the residuals at x into e (m); returns Σ e², NaN outside the domain */
    double (*resid)(void *ctx, const double *x, double *e);
    /* for the Newton fallback: a smooth function with the same minimiser
       (e.g. ½ ln Σ e² plus a constant), 1e30 or more outside the domain */
    double (*objective)(void *ctx, const double *x);
    /* optional (NULL): nonzero stops the search, e.g. when x heads for a
       boundary where no minimum lies */
    int (*stop)(void *ctx, const double *x);
    void *ctx;
    int max_newton;  /* Newton steps allowed after Gauss-Newton crawls */
} tn_nlsq;

/* Minimises from x (n values; the minimum is left there) and returns the
   iterations. *status: 1 converged (scaled gradient J'e/Σe² below 1e-8,
   or Σe² no longer falling with it below 1e-5, or Σe² below 1e-24 of its
   start; for Newton a gradient below 1e-7), 0 not, -1 stopped by stop(). */
int tn_nlsq_minimise(const tn_nlsq *p, double *x, int *status);

#endif

/*
 * test_nlsq.c -- the least-squares optimiser on problems whose minimum is
 * known by hand: Rosenbrock's valley as residuals (minimum at (1, 1)), an
 * exponential fit with non-zero residuals (checked by its normal equation,
 * written out below) and a stop rule.
 */
#include "harness.h"
#include "core/nlsq.h"

#include <math.h>

/* Rosenbrock: e = (10 (x2 - x1²), 1 - x1) */
static double rosen_resid(void *ctx, const double *x, double *e) {
    (void)ctx;
    e[0] = 10 * (x[1] - x[0] * x[0]), e[1] = 1 - x[0];
    return e[0] * e[0] + e[1] * e[1];
}
static double rosen_obj(void *ctx, const double *x) {
    double e[2];
    return rosen_resid(ctx, x, e);
}
static int past_half(void *ctx, const double *x) { (void)ctx; return x[0] > 0.5; }

/* y ≈ e^{b t}: residuals y_t - e^{b t} at t = 0..4 */
static const double ys[] = {1.1, 2.6, 7.6, 19.5, 55.3};
static double expo_resid(void *ctx, const double *x, double *e) {
    (void)ctx;
    double s = 0;
    for (int t = 0; t < 5; t++) e[t] = ys[t] - exp(x[0] * t), s += e[t] * e[t];
    return s;
}
static double expo_obj(void *ctx, const double *x) {
    double e[5];
    return expo_resid(ctx, x, e);
}

static void test_rosenbrock(void) {
    double x[2] = {-1.2, 1};
    int status;
    tn_nlsq p = {2, 2, rosen_resid, rosen_obj, NULL, NULL, 100};
    tn_nlsq_minimise(&p, x, &status);
    CHECK(status == 1 && fabs(x[0] - 1) < 1e-6 && fabs(x[1] - 1) < 1e-6);
    double y[2] = {-1.2, 1};
    tn_nlsq q = {2, 2, rosen_resid, rosen_obj, past_half, NULL, 100};
    tn_nlsq_minimise(&q, y, &status);
    CHECK(status == -1 && y[0] > 0.5 && y[0] < 1 - 1e-3);      /* stopped on the way */
}

static void test_exponential(void) {
    double b[1] = {0.5};
    int status;
    tn_nlsq p = {1, 5, expo_resid, expo_obj, NULL, NULL, 100};
    tn_nlsq_minimise(&p, b, &status);
    /* the normal equation: Σ (y_t - e^{bt}) t e^{bt} = 0 at the minimum */
    double g = 0, scale = 0;
    for (int t = 0; t < 5; t++) g += (ys[t] - exp(b[0] * t)) * t * exp(b[0] * t), scale += t * exp(2 * b[0] * t);
    CHECK(status == 1 && fabs(g) < 1e-9 * scale && b[0] > 0.99 && b[0] < 1.01);
}

int main(void) {
    test_rosenbrock();
    test_exponential();
    return END_TESTS();
}

/*
 * test_tempdisagg.c -- the GLS disaggregation against hand results: with
 * rho = 0 Chow-Lin's V is I, so on a constant alone β = Σy/(n_l·ratio) and
 * each high period gets y_j/ratio (sum) or y_j (mean); every method's
 * result aggregates back to y; collinear regressors are refused. The
 * closed form with explicit matrices is checked in tests/lua/test_disagg.lua.
 */
#include <stdlib.h>

#include "harness.h"
#include "core/tempdisagg.h"

#define CHECK_NEAR_REL(a, b) CHECK_MSG(fabs((a) - (b)) <= 1e-12 * (1 + fabs(b)), "%s = %.17g, want %.17g", #a, (double)(a), (double)(b))

static void fit(int method, double rho, const double *w, double *yhat, double *beta, double *se,
                const double *x, size_t k, int *rc) {
    static const double y[3] = {10, 14, 9};
    tn_td_problem p = {method, 3, 7, k, 2, 0, w, y, x};   /* 3 low periods of 2, one extrapolated */
    double *work = malloc(tn_td_work_size(&p) * sizeof *work);
    tn_td_result r = {0, 0, 0, 0, beta, se, yhat};
    *rc = tn_td_fit(&p, rho, &r, work);
    free(work);
}

int main(void) {
    double ones[7] = {1, 1, 1, 1, 1, 1, 1}, yhat[7], beta[2], se[2];
    const double sum_w[2] = {1, 1}, mean_w[2] = {0.5, 0.5}, last_w[2] = {0, 1};
    const double y[3] = {10, 14, 9};
    int rc;
    fit(TN_TD_CHOW_LIN, 0.0, sum_w, yhat, beta, se, ones, 1, &rc);
    CHECK(rc == 0);
    CHECK_NEAR_REL(beta[0], 33.0 / 6.0);
    for (int j = 0; j < 3; j++) { CHECK_NEAR_REL(yhat[2 * j], y[j] / 2); CHECK_NEAR_REL(yhat[2 * j + 1], y[j] / 2); }
    CHECK_NEAR_REL(yhat[6], 33.0 / 6.0);          /* extrapolated: β, no error carried at rho 0 */
    fit(TN_TD_CHOW_LIN, 0.0, mean_w, yhat, beta, se, ones, 1, &rc);
    for (int j = 0; j < 3; j++) CHECK_NEAR_REL(yhat[2 * j], y[j]);

    /* every method aggregates back, with a trend regressor too */
    double x2[14];
    for (int t = 0; t < 7; t++) { x2[2 * t] = 1; x2[2 * t + 1] = t * t * 0.5 + 1; }
    const double *ws[3] = {sum_w, mean_w, last_w};
    for (int m = 0; m < 3; m++)
        for (int a = 0; a < 3; a++) {
            fit(m, 0.6, ws[a], yhat, beta, se, x2, 2, &rc);
            CHECK(rc == 0);
            for (int j = 0; j < 3; j++)
                CHECK_MSG(fabs(ws[a][0] * yhat[2 * j] + ws[a][1] * yhat[2 * j + 1] - y[j]) < 1e-10,
                          "method %d agg %d period %d", m, a, j);
        }
    /* collinear: the same column twice */
    double xx[14];
    for (int t = 0; t < 7; t++) xx[2 * t] = xx[2 * t + 1] = 1 + t;
    fit(TN_TD_FERNANDEZ, 0.0, sum_w, yhat, beta, se, xx, 2, &rc);
    CHECK(rc == -1);
    return END_TESTS();
}

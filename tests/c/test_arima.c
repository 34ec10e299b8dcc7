/*
 * test_arima.c -- the exact likelihood and forecasts of core/arima.c
 * against hand calculations: AR(1) and MA(1) on two observations (the
 * prediction-error decomposition written out), forecasts of an AR(1), a
 * random walk and a drift, and the closed-form fit of a random walk.
 */
#include "harness.h"
#include "core/arima.h"

static int near(double a, double b, double tol) { return fabs(a - b) <= tol * (1 + fabs(b)); }

static void test_loglik(void) {
    const double L2PI = log(2 * M_PI);
    /* AR(1), φ = .5, σ² = 1, y = (1, 2): F1 = 1/(1-φ²) = 4/3, v1 = 1; F2 = 1, v2 = 2 - .5 */
    tn_arima_spec ar = {.p = 1};
    double phi = 0.5, y[2] = {1, 2};
    double want = -0.5 * (2 * L2PI + log(4.0 / 3) + 0.75 + 2.25);
    CHECK(near(tn_arima_loglik(&ar, y, NULL, 2, &phi, 1.0), want, 1e-14));
    /* MA(1), θ = .5, y = (1, 0): F1 = 1.25, v1 = 1; v2 = -θ/F1 = -.4, F2 = 1.25 - .25/1.25 = 1.05 */
    tn_arima_spec ma = {.q = 1};
    double theta = 0.5, z[2] = {1, 0};
    want = -0.5 * (2 * L2PI + log(1.25) + 1 / 1.25 + log(1.05) + 0.16 / 1.05);
    CHECK(near(tn_arima_loglik(&ma, z, NULL, 2, &theta, 1.0), want, 1e-14));
    /* σ² scales: ln L(σ²) = ln L(1) − m/2 ln σ² − (Σ v²/F)(1/σ² − 1)/2 */
    double ssq = 1 / 1.25 + 0.16 / 1.05;
    CHECK(near(tn_arima_loglik(&ma, z, NULL, 2, &theta, 2.0), want - log(2.0) - ssq * (0.5 - 1) / 2, 1e-14));
}

static void test_forecast(void) {
    tn_arima_spec ar = {.p = 1};
    double phi = 0.5, y[3] = {0.3, -1, 2}, mean[2], var[2];
    CHECK(tn_arima_forecast(&ar, y, NULL, 3, &phi, 2.0, NULL, 2, mean, var) == 0);
    CHECK(near(mean[0], 1, 1e-14) && near(mean[1], 0.5, 1e-14));
    CHECK(near(var[0], 2, 1e-14) && near(var[1], 2 * 1.25, 1e-14));
    /* random walk: ARIMA(0,1,0), forecasts stay at the last value, variance h σ² */
    tn_arima_spec rw = {.d = 1};
    double w[4] = {1, 3, 2, 5}, m3[3], v3[3];
    CHECK(tn_arima_forecast(&rw, w, NULL, 4, NULL, 0.5, NULL, 3, m3, v3) == 0);
    CHECK(m3[0] == 5 && m3[2] == 5 && near(v3[0], 0.5, 1e-14) && near(v3[2], 1.5, 1e-14));
    /* with a drift (regression on t with d = 1): the forecast climbs by β a period */
    tn_arima_spec drift = {.d = 1, .k = 1};
    double X[4] = {1, 2, 3, 4}, Xf[2] = {5, 6}, beta = 0.25, m2[2], v2[2];
    CHECK(tn_arima_forecast(&drift, w, X, 4, &beta, 1.0, Xf, 2, m2, v2) == 0);
    CHECK(near(m2[0], 5.25, 1e-14) && near(m2[1], 5.5, 1e-14));
}

static void test_fit(void) {
    /* a random walk's differences are white: ARIMA(0,1,0) has σ² = mean of Δy² and
       ln L = -m/2 (ln 2π + ln σ² + 1) */
    double y[6] = {0, 1, -1, 0, 2, 1}, params[1], cov[4], resid[6];
    tn_arima_spec rw = {.d = 1};
    tn_arima_result r = {.params = params, .cov = cov, .resid = resid};
    CHECK(tn_arima_fit(&rw, y, NULL, 6, &r) == 0);
    double s2 = (1 + 4 + 1 + 4 + 1) / 5.0;
    CHECK(near(r.sigma2, s2, 1e-14));
    CHECK(near(r.loglik, -2.5 * (log(2 * M_PI) + log(s2) + 1), 1e-14));
    CHECK(resid[0] == 1 && resid[1] == -2);
    /* var(σ̂²) = 2σ⁴/m from the Hessian */
    CHECK(near(cov[0], 2 * s2 * s2 / 5, 1e-5));
    tn_arima_spec big = {.p = 3, .q = 3};
    CHECK(tn_arima_fit(&big, y, NULL, 6, &r) == -1);
}

int main(void) {
    test_loglik();
    test_forecast();
    test_fit();
    return END_TESTS();
}

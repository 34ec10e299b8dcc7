/*
 * test_acf.c -- autocorrelations, the Durbin-Levinson recursion and the
 * portmanteau sums against hand calculations written out below.
 */
#include "harness.h"
#include "core/acf.h"

static int near(double a, double b, double tol) { return fabs(a - b) <= tol; }

static void test_acf(void) {
    /* x = 1 3 2 5 4: mean 3, deviations −2 0 −1 2 1; c0 = 10, c1 = 0,
       c2 = (−1)(−2) + 2·0 + 1·(−1) = 1, c3 = 2·(−2) + 1·0 = −4 */
    const double x[] = {1, 3, 2, 5, 4};
    double r[4], ra[4];
    CHECK(tn_acf(x, 5, 3, 0, r) == 0);
    CHECK(r[0] == 1 && near(r[1], 0, 1e-16) && near(r[2], 0.1, 1e-16) && near(r[3], -0.4, 1e-16));
    /* adjusted: (c_k/(n−k)) / (c0/n): c3/2 / 2 = −1 */
    CHECK(tn_acf(x, 5, 3, 1, ra) == 0 && near(ra[3], -1, 1e-15) && near(ra[2], 1.0 / 6, 1e-16));
    const double flat[] = {2, 2, 2};
    CHECK(tn_acf(flat, 3, 1, 0, r) == -1);
}

static void test_pacf(void) {
    /* r1 = 0.5, r2 = 0.1: φ11 = 0.5, φ22 = (0.1 − 0.25)/(1 − 0.25) = −0.2;
       r3 = 0.3: φ21 = 0.5 − (−0.2)(0.5) = 0.6, v2 = 0.75·0.96 = 0.72,
       φ33 = (0.3 − 0.6·0.1 − (−0.2)·0.5)/0.72 = 0.34/0.72 */
    const double r[] = {1, 0.5, 0.1, 0.3};
    double p[4];
    CHECK(tn_pacf(r, 3, p) == 0);
    CHECK(near(p[1], 0.5, 1e-16) && near(p[2], -0.2, 1e-16) && near(p[3], 0.34 / 0.72, 1e-15));
    /* an exact AR(1) with φ = 1 (r_k = 1) leaves no prediction error */
    const double one[] = {1, 1, 1};
    CHECK(tn_pacf(one, 2, p) == -1 && isnan(p[2]));
}

static void test_portmanteau(void) {
    /* n = 5, r1 = 0, r2 = 0.1: Q2 = 5·7·(0/4 + 0.01/3), BP2 = 5·0.01 */
    const double r[] = {1, 0, 0.1};
    double q[3], bp[3];
    tn_portmanteau(r, 5, 2, q, bp);
    CHECK(near(q[1], 0, 1e-16) && near(q[2], 35 * 0.01 / 3, 1e-15) && near(bp[2], 0.05, 1e-16));
}

int main(void) {
    test_acf();
    test_pacf();
    test_portmanteau();
    return END_TESTS();
}

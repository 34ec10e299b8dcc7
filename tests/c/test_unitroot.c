/*
 * test_unitroot.c -- MacKinnon's surfaces, the ADF regression, the KPSS
 * and Phillips-Perron statistics and Fuller's table against hand
 * calculations written out below.
 */
#include "harness.h"
#include "core/unitroot.h"

static int near(double a, double b, double tol) { return fabs(a - b) <= tol; }

static void test_mackinnon(void) {
    /* tau = -3 with a constant, N = 1 is below tau* = -1.61: small-p
       polynomial Φ(2.1659 + 1.4412·(−3) + 0.038269·9) = Φ(−1.813279) */
    CHECK(near(tn_mackinnon_p(-3.0, TN_TREND_C, 1), 0.034894400275345266, 1e-15));
    /* tau = -1, ct, N = 2 is above tau* = -3.19: Φ(2.85 − 0.5272 − 0.36622 + 0.051695) = Φ(2.008275) */
    CHECK(near(tn_mackinnon_p(-1.0, TN_TREND_CT, 2), 0.9776929615099649, 1e-13));
    CHECK(tn_mackinnon_p(3.0, TN_TREND_C, 1) == 1.0);      /* above tau_max */
    CHECK(tn_mackinnon_p(-20.0, TN_TREND_C, 1) == 0.0);    /* below tau_min */
    CHECK(isnan(tn_mackinnon_p(-2.0, TN_TREND_C, 7)));
    double c[3];
    /* ct, N = 2, T = 100: −4.32762 − 15.4387/100 − 35.679/100² = −4.4855749 */
    CHECK(tn_mackinnon_crit(2, TN_TREND_CT, 100, c) == 0 && near(c[0], -4.4855749, 1e-12));
    CHECK(tn_mackinnon_crit(1, TN_TREND_C, 0, c) == 0 && c[1] == -2.86154);   /* asymptotic */
    CHECK(tn_mackinnon_crit(2, TN_TREND_N, 100, c) == -1);
}

static void test_adf(void) {
    /* x = 1 2 0 1 3, no terms, no lags: Δx = 1 −2 1 2 on x(−1) = 1 2 0 1.
       γ = Σ x(−1)Δx / Σ x(−1)² = −1/6; residuals 7/6 −10/6 1 13/6, SSR = 354/36,
       s² = SSR/3, se = sqrt(s²/6), τ = γ/se = −0.2254930... */
    const double x[] = {1, 2, 0, 1, 3};
    tn_adf_result r;
    CHECK(tn_adf(x, 5, TN_TREND_N, 0, TN_AUTOLAG_NONE, &r) == 0);
    double se = sqrt(354.0 / 36.0 / 3.0 / 6.0);
    CHECK(near(r.gamma, -1.0 / 6.0, 1e-14));
    CHECK(near(r.stat, (-1.0 / 6.0) / se, 1e-13));
    CHECK(r.nobs == 4 && r.lags == 0);
    /* lags beyond n/2 − terms − 1 are refused */
    CHECK(tn_adf(x, 5, TN_TREND_C, 1, TN_AUTOLAG_NONE, &r) == -1);
    /* a constant series makes the regression singular */
    const double k[] = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
    CHECK(tn_adf(k, 10, TN_TREND_C, 1, TN_AUTOLAG_AIC, &r) == -2);
}

static void test_kpss(void) {
    /* x = 1 3 2 4, constant: e = −1.5 .5 −.5 1.5, partial sums −1.5 −1 −1.5 0,
       η = 5.5/16; lags 0: s = Σe²/4 = 1.25; lags 1: γ1 = −1.75,
       s = (5 + 2·(−1.75)·½)/4 = 0.8125 */
    const double x[] = {1, 3, 2, 4};
    int used, outside;
    CHECK(near(tn_kpss(x, 4, TN_TREND_C, 0, &used), 0.34375 / 1.25, 1e-15));
    double stat = tn_kpss(x, 4, TN_TREND_C, 1, &used);
    CHECK(near(stat, 0.34375 / 0.8125, 1e-15) && used == 1);
    double crit[4];
    /* between 0.347 (10%) and 0.463 (5%): 0.10 − 0.05·(stat − 0.347)/0.116 */
    double p = tn_kpss_p(stat, TN_TREND_C, &outside, crit);
    CHECK(near(p, 0.10 - 0.05 * (stat - 0.347) / 0.116, 1e-15) && outside == 0);
    CHECK(tn_kpss_p(0.1, TN_TREND_C, &outside, crit) == 0.10 && outside == 1);
    CHECK(tn_kpss_p(0.3, TN_TREND_CT, &outside, crit) == 0.01 && outside == -1 && crit[3] == 0.216);
}

static void test_pp(void) {
    /* x = 1 2 0 1 3, no terms: y = 2 0 1 3 on y(−1) = 1 2 0 1 (n = 4 rows),
       rho = 5/6, residuals 7/6 −10/6 1 13/6 (the ADF case above), SSR = 354/36,
       gamma0 = SSR/4, t = (−1/6)/sqrt(SSR/3/6), S = Σ y(−1)² = 6.
       lags 1: γ1 = (7·(−10) − 10·6 + 6·13)/36 = −52/36, lrv = (354 − 52)/144,
       z_rho = 4(−1/6) + (52/144)/2 · 16/6 = −5/27 */
    const double x[] = {1, 2, 0, 1, 3};
    tn_pp_result r;
    CHECK(tn_pp(x, 5, TN_TREND_N, 1, TN_PP_HAMILTON, &r) == 0);
    double t = (-1.0 / 6.0) / sqrt(354.0 / 36.0 / 3.0 / 6.0);
    double ztau = sqrt(354.0 / 302.0) * t + (52.0 / 144.0) / (2 * sqrt(302.0 / 144.0)) * 4 / sqrt(6.0);
    CHECK(near(r.rho, 5.0 / 6.0, 1e-14) && near(r.t, t, 1e-13) && r.nobs == 4);
    CHECK(near(r.gamma0, 354.0 / 144.0, 1e-14) && near(r.lrv, 302.0 / 144.0, 1e-14));
    CHECK(near(r.z_tau, ztau, 1e-13));
    CHECK(near(r.z_rho, -5.0 / 27.0, 1e-13));
    /* lags 0: no correction, z_tau is the Dickey-Fuller t, z_rho = n(rho − 1) */
    CHECK(tn_pp(x, 5, TN_TREND_N, 0, TN_PP_HAMILTON, &r) == 0 && near(r.z_tau, t, 1e-13) && near(r.z_rho, -4.0 / 6.0, 1e-13));
    /* 4 rows leave no room for 3 lags and a regressor; urca has no "n" */
    CHECK(tn_pp(x, 5, TN_TREND_N, 3, TN_PP_HAMILTON, &r) == -1);
    CHECK(tn_pp(x, 5, TN_TREND_N, 0, TN_PP_URCA, &r) == -6);
    /* constant: singular; geometric: an exact fit */
    const double k[] = {2, 2, 2, 2, 2, 2, 2, 2};
    CHECK(tn_pp(k, 8, TN_TREND_C, 1, TN_PP_HAMILTON, &r) == -2);
    const double g[] = {1, 2, 4, 8, 16, 32, 64, 128};
    CHECK(tn_pp(g, 8, TN_TREND_N, 1, TN_PP_HAMILTON, &r) == -5);
    /* trunc(4 (n/100)^(1/4)): 4 at n = 100, 3 at n = 99; long 12 (n/100)^(1/4) */
    CHECK(tn_pp_lags(100, 0) == 4 && tn_pp_lags(99, 0) == 3 && tn_pp_lags(100, 1) == 12);
}

static void test_fuller(void) {
    /* constant, n = 75, halfway between the rows 50 and 100: the 5% value
       (−13.3 + −13.7)/2 = −13.5, the 10% value −10.85; stat −12 lies 1.5
       above −13.5 on the 2.65 between them: p = 0.05 + 0.05 · 1.5/2.65 */
    int outside;
    double crit[3];
    double p = tn_df_rho_p(-12, TN_TREND_C, 75, &outside, crit);
    CHECK(near(p, 0.05 + 0.05 * 1.5 / 2.65, 1e-15) && outside == 0);
    CHECK(near(crit[0], -19.35, 1e-13) && near(crit[1], -13.5, 1e-13) && near(crit[2], -10.85, 1e-13));
    CHECK(tn_df_rho_p(-40, TN_TREND_C, 75, &outside, crit) == 0.01 && outside == -1);
    CHECK(tn_df_rho_p(5, TN_TREND_CT, 75, &outside, crit) == 0.99 && outside == 1);
    /* below 25 rows the 25 row; beyond 100000 the asymptotic row */
    tn_df_rho_p(0, TN_TREND_N, 10, &outside, crit);
    CHECK(crit[0] == -11.9 && crit[2] == -5.3);
    tn_df_rho_p(0, TN_TREND_CT, 1e6, &outside, crit);
    CHECK(crit[0] == -29.5 && crit[1] == -21.8);
}

int main(void) {
    test_mackinnon();
    test_adf();
    test_kpss();
    test_pp();
    test_fuller();
    return END_TESTS();
}

/*
 * test_var.c -- the VAR core on a model written down by hand: K = 2, one
 * lag, no constant, A = [.5 .1; .2 .3], Σ_u = [4 2; 2 2]. The MA terms are
 * powers of A, the Cholesky factor is [2 0; 1 1], the companion roots
 * are .4 ± sqrt(.03), and a forecast is A times the last row. Then the
 * bootstrap's least squares against the GSL fit, its draws the same bit
 * for bit on 1, 2 or 3 threads, and its bands against sorted quantiles.
 */
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "harness.h"
#include "core/interrupt.h"
#include "core/var.h"

static int near(double a, double b) { return fabs(a - b) <= 1e-14 * (1 + fabs(b)); }

static tn_var *hand_model(void) {
    tn_var *v = tn_var_new(2, 1, 10, 0);
    /* B[r*K + i]: regressor r (L1.y_r) in equation i, so B = A' */
    v->B[0] = 0.5, v->B[1] = 0.2, v->B[2] = 0.1, v->B[3] = 0.3;
    v->sigma_u[0] = 4, v->sigma_u[1] = 2, v->sigma_u[2] = 2, v->sigma_u[3] = 2;
    return v;
}

static void test_ma_orth_fevd(void) {
    tn_var *v = hand_model();
    double Phi[3 * 4], P[4], Theta[3 * 4], D[2 * 4];
    tn_var_ma(v, 2, Phi);
    CHECK(Phi[0] == 1 && Phi[1] == 0 && Phi[2] == 0 && Phi[3] == 1);
    CHECK(Phi[4] == 0.5 && Phi[5] == 0.1 && Phi[6] == 0.2 && Phi[7] == 0.3);
    /* A² = [.27 .08; .16 .11] */
    CHECK(near(Phi[8], 0.27) && near(Phi[9], 0.08) && near(Phi[10], 0.16) && near(Phi[11], 0.11));
    CHECK(tn_var_chol(v->sigma_u, 2, P) == 0);
    CHECK(P[0] == 2 && P[1] == 0 && P[2] == 1 && P[3] == 1);
    tn_var_orth(Phi, 2, 2, P, Theta);
    /* Θ_1 = A P = [1.1 .1; .7 .3] */
    CHECK(near(Theta[4], 1.1) && near(Theta[5], 0.1) && near(Theta[6], 0.7) && near(Theta[7], 0.3));
    tn_var_fevd(Theta, 2, 2, D);
    /* h = 1: rows of P² normalised: (4, 0)/4 and (1, 1)/2;
       h = 2: row 1 (4 + 1.21, 0.01)/5.22, row 2 (1 + .49, 1 + .09)/2.58 */
    CHECK(near(D[0], 1) && near(D[1], 0) && near(D[2], 0.5) && near(D[3], 0.5));
    CHECK(near(D[4], 5.21 / 5.22) && near(D[5], 0.01 / 5.22) && near(D[6], 1.49 / 2.58) && near(D[7], 1.09 / 2.58));
    double Theta2[3 * 4], Phi2[3 * 4], A[4];
    tn_var_lag_matrices(v->B, 2, 1, 0, A);
    tn_var_responses(A, 2, 1, 2, P, Theta2);           /* A_1 Θ_{h-1}: the same Θ */
    tn_var_responses(A, 2, 1, 2, NULL, Phi2);
    int same = 1;
    for (int i = 0; i < 12; i++) same &= near(Theta2[i], Theta[i]) && near(Phi2[i], Phi[i]);
    CHECK_MSG(same, "the left-hand recursion gives the same responses");
    double S[4] = {1, 2, 2, 1};                      /* indefinite */
    CHECK(tn_var_chol(S, 2, P) == -1);
    tn_var_free(v);
}

static void test_roots_forecast(void) {
    tn_var *v = hand_model();
    double mod[2];
    CHECK(tn_var_roots(v, mod) == 0);
    CHECK(near(mod[0], 0.4 + sqrt(0.03)) && near(mod[1], 0.4 - sqrt(0.03)));
    const double Y[] = {0, 0, 1, 2};                 /* last row (1, 2) */
    double mean[4], var[4];
    CHECK(tn_var_forecast(v, Y, 2, 2, mean, var) == 0);
    /* A (1, 2)' = (.7, .8); A (.7, .8)' = (.43, .38) */
    CHECK(near(mean[0], 0.7) && near(mean[1], 0.8) && near(mean[2], 0.43) && near(mean[3], 0.38));
    /* var_1 = diag Σ; var_2 adds diag (A P)(A P)' with A P = [1.1 .1; .7 .3] */
    CHECK(near(var[0], 4) && near(var[1], 2) && near(var[2], 4 + 1.21 + 0.01) && near(var[3], 2 + 0.49 + 0.09));
    tn_var_free(v);
}

static void test_fit(void) {
    /* the refusals: a zero column (y2 = 0) and too few rows */
    double Y[2 * 6] = {1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0};
    tn_var *v = tn_var_new(2, 1, 5, 1);
    CHECK(tn_var_fit(v, Y, 6, 0) == -2);
    tn_var_free(v);
    v = tn_var_new(2, 2, 2, 1);
    CHECK(tn_var_fit(v, Y, 4, 0) == -1);            /* 2 rows for 5 regressors */
    tn_var_free(v);
}

/* n rows of a VAR(2) in K = 3 with a constant, from a fixed LCG's noise. */
static void simulate(double *Y, size_t n) {
    unsigned long long x = 12345;
    for (size_t t = 0; t < n; t++)
        for (size_t i = 0; i < 3; i++) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            double u = (double)(x >> 11) / 9007199254740992.0 - 0.5;
            double y = 0.1 * (double)i + u;
            if (t >= 2) y += 0.5 * Y[(t - 1) * 3 + i] + 0.2 * Y[(t - 1) * 3 + (i + 1) % 3] - 0.2 * Y[(t - 2) * 3 + i];
            Y[t * 3 + i] = y;
        }
}

static int rel_near(double a, double b, double tol) { return fabs(a - b) <= tol * (1 + fabs(b)); }

static void test_lsq(void) {
    enum { N = 203 };
    double Y[N * 3], A[201 * 10], B[7 * 3], P[9], Pg[9];
    simulate(Y, N);
    tn_var *v = tn_var_new(3, 2, N - 2, 1);
    CHECK(tn_var_fit(v, Y, N, 0) == 0);
    CHECK(tn_var_lsq(v, Y, A, B, P) == 0);
    CHECK(tn_var_chol(v->sigma_u, 3, Pg) == 0);
    int ok = 1;
    for (size_t i = 0; i < 7 * 3; i++) ok &= rel_near(B[i], v->B[i], 1e-12);
    CHECK_MSG(ok, "one QR of [Z | Y] gives GSL's coefficients");
    ok = 1;
    for (size_t i = 0; i < 9; i++) ok &= rel_near(P[i], Pg[i], 1e-12);
    CHECK_MSG(ok, "R22' / sqrt(T - m) is the Cholesky factor of sigma_u");
    double Phi[9 * 9], Theta[9 * 9], Theta2[9 * 9];     /* VAR(2): the left-hand recursion */
    tn_var_ma(v, 8, Phi);                                /* differs from the right-hand one */
    tn_var_orth(Phi, 8, 3, Pg, Theta);                   /* in its steps, not its result */
    tn_var_responses(v->A, 3, 2, 8, Pg, Theta2);
    ok = 1;
    for (size_t i = 0; i < 9 * 9; i++) ok &= rel_near(Theta2[i], Theta[i], 1e-12);
    CHECK_MSG(ok, "Θ_h = Σ A_j Θ_{h-j} equals Φ_h P for a VAR(2)");
    double Z[N * 3];
    memcpy(Z, Y, sizeof Z);
    for (size_t t = 0; t < N; t++) Z[t * 3 + 2] = 2 * Z[t * 3 + 1];      /* collinear */
    CHECK(tn_var_lsq(v, Z, A, B, P) == -2);
    tn_var_free(v);
}

static void test_bootstrap(void) {
    enum { N = 203, H = 6, E = (H + 1) * 9, R = 101 };
    static double Y[N * 3], d1[R * E], d2[R * E], d3[R * E], lo[E], hi[E], col[R];
    simulate(Y, N);
    tn_var *v = tn_var_new(3, 2, N - 2, 1);
    CHECK(tn_var_fit(v, Y, N, 0) == 0);
    CHECK(tn_var_boot_draws(v, Y, N, H, 1, R, 7, 1, d1) == 0);
    CHECK(tn_var_boot_draws(v, Y, N, H, 1, R, 7, 2, d2) == 0);
    CHECK(tn_var_boot_draws(v, Y, N, H, 1, R, 7, 3, d3) == 0);
    CHECK_MSG(memcmp(d1, d2, sizeof d1) == 0 && memcmp(d1, d3, sizeof d1) == 0,
              "the draws do not depend on the number of threads");
    CHECK(d1[1] == 0 && d1[0] > 0 && d1[E + 0] != d1[0]);  /* Θ_0 lower triangular; draws differ */
    CHECK(tn_var_boot_draws(v, Y, N, H, 1, R, 8, 2, d2) == 0);
    CHECK(memcmp(d1, d2, sizeof d1) != 0);                 /* another seed, other draws */
    CHECK(tn_var_bands(d1, R, E, 0.9, 2, lo, hi) == 0);
    int ok = 1;
    for (size_t e = 0; e < E; e++) {
        for (size_t b = 0; b < R; b++) col[b] = d1[b * E + e];
        gsl_sort(col, 1, R);
        ok &= lo[e] == gsl_stats_quantile_from_sorted_data(col, 1, R, (1 - 0.9) / 2);
        ok &= hi[e] == gsl_stats_quantile_from_sorted_data(col, 1, R, (1 + 0.9) / 2);
    }
    CHECK_MSG(ok, "selection gives the quantiles of the sorted draws exactly");
    /* sorted, reversed, three-valued and scrambled columns, quantiles near
       the ends (kept tails) and near the middle (selection) */
    enum { R3 = 301 };
    static double t3[R3 * 4], l3[4], h3[4], c3[R3];
    for (size_t b = 0; b < R3; b++)
        t3[b * 4] = (double)b, t3[b * 4 + 1] = (double)(R3 - b), t3[b * 4 + 2] = (double)(b % 3),
        t3[b * 4 + 3] = (double)((b * 7919) % R3);
    const double levels[] = {0.77, 0.15, 0.999};      /* interpolating: fractional positions */
    ok = 1;
    for (size_t l = 0; l < 3; l++) {
        CHECK(tn_var_bands(t3, R3, 4, levels[l], 1, l3, h3) == 0);
        for (size_t e = 0; e < 4; e++) {
            for (size_t b = 0; b < R3; b++) c3[b] = t3[b * 4 + e];
            gsl_sort(c3, 1, R3);
            ok &= l3[e] == gsl_stats_quantile_from_sorted_data(c3, 1, R3, (1 - levels[l]) / 2);
            ok &= h3[e] == gsl_stats_quantile_from_sorted_data(c3, 1, R3, (1 + levels[l]) / 2);
        }
    }
    CHECK_MSG(ok, "quantiles of sorted, reversed, tied and scrambled columns, at the ends and the middle");
    d1[3 * E + 5] = NAN;
    CHECK(tn_var_bands(d1, R, E, 0.9, 1, lo, hi) == 0 && isnan(lo[5]) && isnan(hi[5]) && !isnan(lo[4]));
    tn_interrupt_flag = 1;                                  /* Ctrl-C stops the draws */
    CHECK(tn_var_boot_draws(v, Y, N, H, 0, R, 7, 2, d1) == -5);
    tn_interrupt_flag = 0;
    tn_var_free(v);
}

int main(void) {
    test_ma_orth_fevd();
    test_roots_forecast();
    test_fit();
    test_lsq();
    test_bootstrap();
    return END_TESTS();
}

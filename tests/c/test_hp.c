/*
 * test_hp.c -- the HP solver against exact answers. With an integer trend
 * tau* and integer lambda, y = (I + lambda·D'D)·tau* is exact in doubles, so
 * the solver must give tau* back; at lambda = 1e8 (condition ~1.6e9) that
 * needs the refinement. The one-sided filter must equal the last point of
 * the two-sided trend of every prefix.
 */
#include <stdlib.h>

#include "harness.h"
#include "core/hp.h"

/* y = A·tau for A = I + lambda·D'D, computed as tau + lambda·D'(D·tau). */
static void apply(const double *tau, size_t n, double lambda, double *y) {
    double *dt = calloc(n, sizeof *dt);
    for (size_t k = 0; k + 2 < n; k++) dt[k] = tau[k] - 2 * tau[k + 1] + tau[k + 2];
    for (size_t i = 0; i < n; i++) y[i] = tau[i];
    for (size_t k = 0; k + 2 < n; k++) {
        y[k] += lambda * dt[k];
        y[k + 1] += lambda * -2 * dt[k];
        y[k + 2] += lambda * dt[k];
    }
    free(dt);
}

static double max_rel_error(const double *a, const double *b, size_t n) {
    double worst = 0;
    for (size_t i = 0; i < n; i++) {
        double e = fabs(a[i] - b[i]) / (1 + fabs(b[i]));
        if (e > worst) worst = e;
    }
    return worst;
}

/* Reference: the same LDL' solve in __float128 (113-bit mantissa), whose
   rounding error at condition 1.6e9 is ~1e-25: exact for this purpose. */
static void hp_quad(const double *y, size_t n, double lambda, double *out) {
    __float128 *d = malloc(n * sizeof *d), *l1 = malloc(n * sizeof *l1), *l2 = malloc(n * sizeof *l2);
    __float128 *x = malloc(n * sizeof *x), L = lambda;
    for (size_t i = 0; i < n; i++) {
        __float128 a = 1 + L * (i == 0 || i == n - 1 ? 1 : (i == 1 || i == n - 2) ? 5 : 6);
        __float128 b = i + 1 < n ? L * ((i == 0 || i == n - 2) ? -2 : -4) : 0;
        __float128 c = i + 2 < n ? L : 0;
        if (i >= 1) a -= l1[i - 1] * l1[i - 1] * d[i - 1];
        if (i >= 2) a -= l2[i - 2] * l2[i - 2] * d[i - 2];
        d[i] = a;
        if (i >= 1) b -= l2[i - 1] * l1[i - 1] * d[i - 1];
        l1[i] = b / a, l2[i] = c / a;
        x[i] = y[i];
    }
    for (size_t i = 1; i < n; i++) { x[i] -= l1[i - 1] * x[i - 1]; if (i >= 2) x[i] -= l2[i - 2] * x[i - 2]; }
    for (size_t i = 0; i < n; i++) x[i] /= d[i];
    for (size_t i = n - 1; i-- > 0;) { x[i] -= l1[i] * x[i + 1]; if (i + 2 < n) x[i] -= l2[i] * x[i + 2]; }
    for (size_t i = 0; i < n; i++) out[i] = (double)x[i];
    free(d); free(l1); free(l2); free(x);
}

int main(void) {
    size_t n = 200000;
    double *tau = malloc(n * sizeof *tau), *y = malloc(n * sizeof *y);
    double *t = malloc(n * sizeof *t), *work = malloc(4 * n * sizeof *work);
    unsigned s = 12345;
    for (size_t i = 0; i < n; i++) {        /* an integer random-ish path */
        s = s * 1103515245u + 12345u;
        tau[i] = (double)((s >> 16) % 2001) - 1000.0;
    }
    double lambdas[] = {1600, 14400};
    for (int k = 0; k < 2; k++) {
        apply(tau, n, lambdas[k], y);
        int steps = tn_hp_trend(y, n, lambdas[k], t, work);
        double err = max_rel_error(t, tau, n);
        CHECK_MSG(steps >= 0 && err < 1e-10, "lambda %g: error %g after %d refinements", lambdas[k], err, steps);
    }
    /* lambda = 1e8 on a random walk near 100 (the W3b case), against the
       __float128 solve */
    double *ref = malloc(n * sizeof *ref), lvl = 100;
    for (size_t i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        lvl += ((double)((s >> 16) % 2001) - 1000.0) / 10000.0;
        y[i] = lvl;
    }
    hp_quad(y, n, 1e8, ref);
    int steps = tn_hp_trend(y, n, 1e8, t, work);
    double err = max_rel_error(t, ref, n);
    CHECK_MSG(err < 1e-10, "lambda 1e8 random walk: error %g after %d refinements", err, steps);
    /* many lengths, including those around the row where the LDL' factor's
       rows stop changing (about 11,550 at 1e8, about 200 at 1600), so that
       both ends' boundary rows meet a settled and an unsettled factor; all
       against the __float128 solve (whose
       end rows assume n >= 4; n = 3 is checked by hand below) */
    static const struct { double lambda; size_t from, to, step; } around[] = {
        {1e8, 11500, 11620, 7}, {1600, 4, 420, 11}, {6.25, 4, 120, 3}
    };
    double worst_len = 0;
    int nlen = 0;
    for (int c = 0; c < 3; c++)
        for (size_t len = around[c].from; len <= around[c].to; len += around[c].step) {
            hp_quad(y, len, around[c].lambda, ref);
            tn_hp_trend(y, len, around[c].lambda, t, work);
            double e = max_rel_error(t, ref, len);
            if (e > worst_len) worst_len = e;
            nlen++;
            CHECK_MSG(e < 1e-10, "lambda %g, n %zu: error %g", around[c].lambda, len, e);
        }
    printf("HP against __float128 over %d lengths: worst relative error %.2g\n", nlen, worst_len);
    free(ref);
    /* tiny cases: n = 3 has one second difference */
    double y3[3] = {1, 5, 2}, t3[3], w3[12];
    tn_hp_trend(y3, 3, 0, t3, w3);
    CHECK(fabs(t3[1] - 5) < 1e-15);                  /* lambda 0: the data */
    tn_hp_trend(y3, 3, 1e12, t3, w3);               /* huge lambda: the OLS line */
    CHECK(fabs(t3[0] - (1 + 5 + 2) / 3.0 + 0.5) < 1e-6 && fabs(t3[2] - (8 / 3.0 + 0.5)) < 1e-6);
    CHECK(tn_hp_trend(y3, 2, 1600, t3, w3) == -1);

    /* one-sided = last point of the two-sided trend of each prefix */
    size_t m = 300;
    double *os = malloc(m * sizeof *os), *pre = malloc(m * sizeof *pre);
    for (size_t i = 0; i < m; i++) y[i] = 100 + 10 * sin((double)i / 9) + (double)(i % 7);
    tn_hp_one_sided(y, m, 1600, os);
    double worst = 0;
    for (size_t len = 3; len <= m; len += 37) {
        tn_hp_trend(y, len, 1600, pre, work);
        double e = fabs(pre[len - 1] - os[len - 1]);
        if (e > worst) worst = e;
    }
    CHECK_MSG(worst < 1e-9, "one-sided vs prefix two-sided: %g", worst);
    free(tau); free(y); free(t); free(work); free(os); free(pre);
    return END_TESTS();
}

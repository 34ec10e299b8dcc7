/*
 * test_stl.c -- STL against exact answers. A line plus a fixed seasonal
 * pattern that sums to zero over the period is reproduced exactly: each
 * cycle-subseries is a line, which a degree-1 loess fits and extrapolates
 * exactly; the moving averages of the low-pass remove the pattern and keep
 * the line; so seasonal = pattern, trend = line, remainder 0 (to rounding).
 * The defaults are statsmodels' formulas worked by hand; an outlier gets
 * robustness weight 0.
 */
#include <stdlib.h>

#include "harness.h"
#include "core/stl.h"

static double max_abs_diff(const double *a, const double *b, size_t n) {
    double worst = 0;
    for (size_t i = 0; i < n; i++) if (fabs(a[i] - b[i]) > worst) worst = fabs(a[i] - b[i]);
    return worst;
}

static void line_plus_pattern(size_t n, int period, double *y, double *line, double *pattern) {
    for (size_t i = 0; i < n; i++) {
        int k = (int)(i % (size_t)period);
        pattern[i] = (double)(k - (period - 1) / 2.0) * (k % 2 ? 1.0 : -0.5);
        line[i] = 3.0 + 0.25 * (double)i;
    }
    double m = 0;                               /* centre the pattern over a period */
    for (int j = 0; j < period; j++) m += pattern[j];
    for (size_t i = 0; i < n; i++) pattern[i] -= m / period;
    for (size_t i = 0; i < n; i++) y[i] = line[i] + pattern[i];
}

static void exact_case(size_t n, int period, int robust) {
    double *y = malloc(n * sizeof *y), *line = malloc(n * sizeof *y), *pat = malloc(n * sizeof *y);
    double *trend = malloc(n * sizeof *y), *season = malloc(n * sizeof *y), *rw = malloc(n * sizeof *y);
    double *work = malloc(tn_stl_work_size(n, period) * sizeof *y);
    line_plus_pattern(n, period, y, line, pat);
    tn_stl_params p;
    tn_stl_defaults(&p, period, 7, robust);
    CHECK(tn_stl(y, n, &p, trend, season, rw, work) == 0);
    CHECK_MSG(max_abs_diff(trend, line, n) < 1e-9, "period %d n %zu: trend off by %g", period, n, max_abs_diff(trend, line, n));
    CHECK_MSG(max_abs_diff(season, pat, n) < 1e-9, "period %d: seasonal off by %g", period, max_abs_diff(season, pat, n));
    double lo = 1;
    for (size_t i = 0; i < n; i++) if (rw[i] < lo) lo = rw[i];
    if (!robust) CHECK(lo == 1.0);   /* robust: weights of rounding-size residuals are arbitrary */
    free(y); free(line); free(pat); free(trend); free(season); free(rw); free(work);
}

static void outlier_case(void) {
    size_t n = 120;
    double y[120], line[120], pat[120], trend[120], season[120], rw[120];
    double *work = malloc(tn_stl_work_size(n, 12) * sizeof *work);
    line_plus_pattern(n, 12, y, line, pat);
    for (size_t i = 0; i < n; i++) y[i] += 0.01 * sin((double)i * 1.7);   /* some noise */
    y[60] += 50;
    tn_stl_params p;
    tn_stl_defaults(&p, 12, 7, 1);
    CHECK(tn_stl(y, n, &p, trend, season, rw, work) == 0);
    CHECK(rw[60] == 0.0);
    CHECK_MSG(fabs(y[60] - trend[60] - season[60] - 50) < 0.5, "outlier kept in the remainder");
    free(work);
}

int main(void) {
    tn_stl_params p;
    /* statsmodels: trend = next odd of ceil(1.5 p / (1 - 1.5/7)), low_pass = next odd > p */
    tn_stl_defaults(&p, 12, 7, 0);   /* 18 / 0.7857 = 22.9 -> 23 */
    CHECK(p.trend == 23 && p.low_pass == 13 && p.inner == 5 && p.outer == 0);
    tn_stl_defaults(&p, 4, 7, 1);    /* 6 / 0.7857 = 7.6 -> 8 -> 9 */
    CHECK(p.trend == 9 && p.low_pass == 5 && p.inner == 2 && p.outer == 15);
    tn_stl_defaults(&p, 52, 7, 0);   /* 78 / 0.7857 = 99.3 -> 100 -> 101 */
    CHECK(p.trend == 101 && p.low_pass == 53);
    tn_stl_defaults(&p, 12, 13, 0);  /* 18 / 0.8846 = 20.3 -> 21 */
    CHECK(p.trend == 21);

    exact_case(120, 12, 0);
    exact_case(97, 12, 0);           /* a partial last cycle */
    exact_case(40, 4, 0);
    exact_case(260, 52, 0);
    exact_case(120, 12, 1);
    outlier_case();

    /* invalid parameters and too-short series */
    double y[30] = {0}, t[30], s[30], w[30], work[400];
    tn_stl_defaults(&p, 12, 7, 0);
    CHECK(tn_stl(y, 23, &p, t, s, w, work) == -1);
    p.seasonal = 8;
    CHECK(tn_stl(y, 30, &p, t, s, w, work) == -1);
    tn_stl_defaults(&p, 12, 7, 0);
    p.low_pass = 11;
    CHECK(tn_stl(y, 30, &p, t, s, w, work) == -1);
    tn_stl_defaults(&p, 12, 7, 0);
    p.trend_deg = 2;
    CHECK(tn_stl(y, 30, &p, t, s, w, work) == -1);
    return END_TESTS();
}

/*
 * stl.c -- STL decomposition (Cleveland et al. 1990); see stl.h.
 *
 * The loops keep the paper's 1-based positions (x = 1..n in the loess
 * fits), which is also how the reference Fortran and statsmodels place the
 * points: the fitted values only agree to rounding if the abscissae do.
 * Arrays are 0-based in C; A1(a, j) reads position j of a 1-based view.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/stl.h"

#define A1(a, j) ((a)[(j) - 1])

/* One loess value at abscissa xs from y[nleft..nright] (1-based): tricube
   weights over the half-width h (widened when the span exceeds n), times
   the robustness weights when userw, then a local line when deg = 1 and
   the points spread enough. Returns 0 when all weights vanish. */
static int loess_at(const double *y, int n, int len, int deg, double xs, double *ys,
                    int nleft, int nright, double *w, int userw, const double *rw) {
    double range = (double)n - 1.0;
    double h = fmax(xs - (double)nleft, (double)nright - xs);
    if (len > n) h += (double)((len - n) / 2);
    double h9 = 0.999 * h, h1 = 0.001 * h, a = 0.0;
    for (int j = nleft; j <= nright; j++) {
        double r = fabs((double)j - xs);
        A1(w, j) = 0.0;
        if (r <= h9) {
            if (r <= h1) A1(w, j) = 1.0;
            else { double q = r / h; q = 1.0 - q * q * q; A1(w, j) = q * q * q; }
            if (userw) A1(w, j) *= A1(rw, j);
            a += A1(w, j);
        }
    }
    if (a <= 0.0) return 0;
    for (int j = nleft; j <= nright; j++) A1(w, j) /= a;
    if (h > 0.0 && deg > 0) {
        double mean = 0.0, c = 0.0;
        for (int j = nleft; j <= nright; j++) mean += A1(w, j) * (double)j;
        double b = xs - mean;
        for (int j = nleft; j <= nright; j++) c += A1(w, j) * ((double)j - mean) * ((double)j - mean);
        if (sqrt(c) > 0.001 * range) {
            b /= c;
            for (int j = nleft; j <= nright; j++) A1(w, j) *= b * ((double)j - mean) + 1.0;
        }
    }
    double s = 0.0;
    for (int j = nleft; j <= nright; j++) s += A1(w, j) * A1(y, j);
    *ys = s;
    return 1;
}

/* Fills the points skipped by a jump > 1 by straight lines, and fits the
   last point when the jumps miss it. */
static void loess_interpolate(const double *y, int n, int len, int deg, int jump, double *ys,
                              int nleft, int nright, double *res, int userw, const double *rw) {
    for (int i = 1; i <= n - jump; i += jump) {
        double delta = (A1(ys, i + jump) - A1(ys, i)) / (double)jump;
        for (int j = i + 1; j < i + jump; j++) A1(ys, j) = A1(ys, i) + delta * (double)(j - i);
    }
    int k = ((n - 1) / jump) * jump + 1;
    if (k != n) {
        if (!loess_at(y, n, len, deg, (double)n, &A1(ys, n), nleft, nright, res, userw, rw))
            A1(ys, n) = A1(y, n);
        if (k != n - 1) {
            double delta = (A1(ys, n) - A1(ys, k)) / (double)(n - k);
            for (int j = k + 1; j < n; j++) A1(ys, j) = A1(ys, k) + delta * (double)(j - k);
        }
    }
}

#define KERNEL_MAX 255

/* The loess weights of a point whose window is symmetric (xs − nleft =
   nright − xs = h) without robustness weights: the tricube, normalised.
   The local line then adds nothing (the weighted mean abscissa is xs), so
   such points are a fixed moving average: computing it once gives the
   paper's values up to rounding (the Fortran recomputes them per point). */
static void symmetric_kernel(int len, double *k) {
    int h = (len - 1) / 2;
    double sum = 0.0, hh = (double)h;
    for (int d = -h; d <= h; d++) {
        double r = fabs((double)d), w = 0.0;
        if (r <= 0.999 * hh) {
            if (r <= 0.001 * hh) w = 1.0;
            else { double q = r / hh; q = 1.0 - q * q * q; w = q * q * q; }
        }
        k[d + h] = w;
        sum += w;
    }
    for (int d = 0; d < len; d++) k[d] /= sum;
}

/* Loess at every point, the window sliding with the point (jump 1, len < n). */
static void loess_sliding(const double *y, int n, int len, int deg, int userw,
                          const double *rw, double *ys, double *res) {
    int nsh = (len + 1) / 2, nleft = 1, nright = len, h = (len - 1) / 2;
    double kern[KERNEL_MAX];
    int fast = !userw && len <= KERNEL_MAX && h > 0;
    if (fast) symmetric_kernel(len, kern);
    for (int i = 1; i <= n; i++) {
        if (i > nsh && nright != n) { nleft++; nright++; }
        if (fast && i - nleft == h && nright - i == h) {
            double s = 0.0;
            const double *yy = &A1(y, nleft);
            for (int d = 0; d < len; d++) s += kern[d] * yy[d];
            A1(ys, i) = s;
        } else if (!loess_at(y, n, len, deg, (double)i, &A1(ys, i), nleft, nright, res, userw, rw)) {
            A1(ys, i) = A1(y, i);
        }
    }
}

/* Loess smooth of y[1..n] at every jump-th point (the others interpolated). */
static void loess(const double *y, int n, int len, int deg, int jump, int userw,
                  const double *rw, double *ys, double *res) {
    if (n < 2) { A1(ys, 1) = A1(y, 1); return; }
    int nj = jump < n - 1 ? jump : n - 1, nleft = 1, nright = n;
    int nsh = (len + 1) / 2;
    if (len >= n) {
        for (int i = 1; i <= n; i += nj)
            if (!loess_at(y, n, len, deg, (double)i, &A1(ys, i), 1, n, res, userw, rw)) A1(ys, i) = A1(y, i);
    } else if (nj == 1) {
        loess_sliding(y, n, len, deg, userw, rw, ys, res);
    } else {
        for (int i = 1; i <= n; i += nj) {
            if (i < nsh) { nleft = 1; nright = len; }
            else if (i >= n - nsh + 1) { nleft = n - len + 1; nright = n; }
            else { nleft = i - nsh + 1; nright = len + i - nsh; }
            if (!loess_at(y, n, len, deg, (double)i, &A1(ys, i), nleft, nright, res, userw, rw)) A1(ys, i) = A1(y, i);
        }
    }
    if (nj != 1) loess_interpolate(y, n, len, deg, nj, ys, nleft, nright, res, userw, rw);
}

/* Moving average of length len: ave[0..n-len] from x[0..n-1]. */
static void moving_average(const double *x, int n, int len, double *ave) {
    double v = 0.0, flen = (double)len;
    for (int i = 0; i < len; i++) v += x[i];
    ave[0] = v / flen;
    for (int j = 1; j <= n - len; j++) {
        v = v - x[j - 1] + x[len + j - 1];
        ave[j] = v / flen;
    }
}

/* The low-pass filter: averages of length np, np and 3 of x[0..n-1]
   (n = original length + 2·np), leaving n − 2·np values in out. */
static void low_pass_mas(const double *x, int n, int np, double *out, double *work) {
    moving_average(x, n, np, out);
    moving_average(out, n - np + 1, np, work);
    moving_average(work, n - 2 * np + 2, 3, out);
}

/* Cycle-subseries smoothing: each of the np subseries (values at j, j+np,
   ...) by loess, extended one point before and after, into season[0 ..
   n+2np-1] laid out as the extended series. */
static void cycle_subseries(const double *y, int n, int np, int ns, int deg, int jump, int userw,
                            const double *rw, double *season, double *w1, double *w2, double *w3, double *w4) {
    for (int j = 1; j <= np; j++) {
        int k = (n - j) / np + 1;
        for (int i = 1; i <= k; i++) A1(w1, i) = A1(y, (i - 1) * np + j);
        if (userw) for (int i = 1; i <= k; i++) A1(w3, i) = A1(rw, (i - 1) * np + j);
        loess(w1, k, ns, deg, jump, userw, w3, w2 + 1, w4);
        int nright = ns < k ? ns : k;
        if (!loess_at(w1, k, ns, deg, 0.0, &w2[0], 1, nright, w4, userw, w3)) w2[0] = w2[1];
        int nleft = k - ns + 1 > 1 ? k - ns + 1 : 1;
        if (!loess_at(w1, k, ns, deg, (double)(k + 1), &w2[k + 1], nleft, k, w4, userw, w3)) w2[k + 1] = w2[k];
        for (int m = 1; m <= k + 2; m++) A1(season, (m - 1) * np + j) = A1(w2, m);
    }
}

/* One pass of the inner loop, `inner` times; work holds 5 columns of n + 2np. */
static void inner_loop(const double *y, int n, const tn_stl_params *p, int userw, const double *rw,
                       double *season, double *trend, double *work) {
    int np = p->period, m = n + 2 * np;
    double *w1 = work, *w2 = work + m, *w3 = work + 2 * m, *w4 = work + 3 * m, *w5 = work + 4 * m;
    for (int it = 0; it < p->inner; it++) {
        for (int i = 0; i < n; i++) w1[i] = y[i] - trend[i];
        cycle_subseries(w1, n, np, p->seasonal, p->seasonal_deg, p->seasonal_jump, userw, rw,
                        w2, w3, w4, w5, season);
        low_pass_mas(w2, m, np, w3, w1);
        loess(w3, n, p->low_pass, p->low_pass_deg, p->low_pass_jump, 0, w4, w1, w5);
        for (int i = 0; i < n; i++) season[i] = w2[np + i] - w1[i];
        for (int i = 0; i < n; i++) w1[i] = y[i] - season[i];
        loess(w1, n, p->trend, p->trend_deg, p->trend_jump, userw, rw, trend, w3);
    }
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Bisquare robustness weights from |y − fit|, scaled by 6·median|r|
   (the mean of the two middle values when n is even). */
static void robustness_weights(const double *y, int n, const double *fit, double *rw, double *sorted) {
    for (int i = 0; i < n; i++) sorted[i] = fabs(y[i] - fit[i]);
    qsort(sorted, (size_t)n, sizeof *sorted, cmp_double);
    int mid1 = n / 2 + 1, mid2 = n - mid1 + 1;
    double cmad = 3.0 * (A1(sorted, mid1) + A1(sorted, mid2));
    double c9 = 0.999 * cmad, c1 = 0.001 * cmad;
    for (int i = 0; i < n; i++) {
        double r = fabs(y[i] - fit[i]);
        if (r <= c1) rw[i] = 1.0;
        else if (r <= c9) { double u = r / cmad; u = 1.0 - u * u; rw[i] = u * u; }
        else rw[i] = 0.0;
    }
}

void tn_stl_defaults(tn_stl_params *p, int period, int seasonal, int robust) {
    memset(p, 0, sizeof *p);
    p->period = period;
    p->seasonal = seasonal;
    p->trend = (int)ceil(1.5 * period / (1.0 - 1.5 / seasonal));
    p->trend += p->trend % 2 == 0;
    p->low_pass = period + 1;
    p->low_pass += p->low_pass % 2 == 0;
    p->seasonal_deg = p->trend_deg = p->low_pass_deg = 1;
    p->seasonal_jump = p->trend_jump = p->low_pass_jump = 1;
    p->inner = robust ? 2 : 5;
    p->outer = robust ? 15 : 0;
}

size_t tn_stl_work_size(size_t n, int period) {
    return 5 * (n + 2 * (size_t)period) + n;
}

static int odd3(int x) { return x >= 3 && x % 2 == 1; }
static int deg01(int d) { return d == 0 || d == 1; }

static int params_valid(const tn_stl_params *p, size_t n) {
    return p->period >= 2 && odd3(p->seasonal) && odd3(p->trend) && odd3(p->low_pass)
        && p->low_pass > p->period && deg01(p->seasonal_deg) && deg01(p->trend_deg)
        && deg01(p->low_pass_deg) && p->seasonal_jump >= 1 && p->trend_jump >= 1
        && p->low_pass_jump >= 1 && p->inner >= 1 && p->outer >= 0
        && n >= 2 * (size_t)p->period && n < (size_t)1 << 30;
}

int tn_stl(const double *y, size_t nobs, const tn_stl_params *p,
           double *trend, double *season, double *rw, double *work) {
    if (!params_valid(p, nobs)) return -1;
    int n = (int)nobs;
    double *sorted = work + 5 * (nobs + 2 * (size_t)p->period);
    for (int i = 0; i < n; i++) { trend[i] = 0.0; rw[i] = 1.0; }
    int userw = 0;
    for (int k = 0;; k++) {
        inner_loop(y, n, p, userw, rw, season, trend, work);
        if (k >= p->outer) break;
        for (int i = 0; i < n; i++) work[i] = trend[i] + season[i];
        robustness_weights(y, n, work, rw, sorted);
        userw = 1;
    }
    if (p->outer <= 0) for (int i = 0; i < n; i++) rw[i] = 1.0;
    return 0;
}

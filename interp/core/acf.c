/*
 * acf.c -- see acf.h. The autocovariances are direct sums, O(n·nlags):
 * exact, and at 2e6 points and 252 lags about a quarter of a second, so
 * no FFT (whose rounding would differ from the peers' direct sums).
 */
#include "core/acf.h"

#include <math.h>
#include <stdlib.h>

int tn_acf(const double *x, size_t n, size_t nlags, int adjusted, double *r) {
    long double sum = 0;
    for (size_t t = 0; t < n; t++) sum += x[t];
    double mean = (double)(sum / (long double)n), c0 = 0;
    for (size_t t = 0; t < n; t++) c0 += (x[t] - mean) * (x[t] - mean);
    if (!(c0 > 0)) return -1;
    r[0] = 1;
    for (size_t k = 1; k <= nlags; k++) {
        double c = 0;
        for (size_t t = k; t < n; t++) c += (x[t] - mean) * (x[t - k] - mean);
        r[k] = adjusted ? c / (double)(n - k) / (c0 / (double)n) : c / c0;
    }
    return 0;
}

int tn_pacf(const double *r, size_t nlags, double *pacf) {
    double *phi = malloc((nlags + 1) * sizeof *phi), *prev = malloc((nlags + 1) * sizeof *prev), v = 1;
    if (!phi || !prev) { free(phi); free(prev); return -2; }
    pacf[0] = 1;
    for (size_t k = 1; k <= nlags; k++) {
        double num = r[k];
        for (size_t j = 1; j < k; j++) num -= prev[j] * r[k - j];
        if (!(v > 0)) {
            for (size_t j = k; j <= nlags; j++) pacf[j] = NAN;
            free(phi); free(prev);
            return -1;
        }
        double a = num / v;
        phi[k] = a;
        for (size_t j = 1; j < k; j++) phi[j] = prev[j] - a * prev[k - j];
        for (size_t j = 1; j <= k; j++) prev[j] = phi[j];
        v *= 1 - a * a;
        pacf[k] = a;
    }
    free(phi); free(prev);
    return 0;
}

void tn_portmanteau(const double *r, size_t n, size_t nlags, double *q, double *bp) {
    double sq = 0, sb = 0, dn = (double)n;
    for (size_t k = 1; k <= nlags; k++) {
        sq += r[k] * r[k] / (dn - (double)k);
        sb += r[k] * r[k];
        q[k] = dn * (dn + 2) * sq;
        bp[k] = dn * sb;
    }
}

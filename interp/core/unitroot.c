/*
 * unitroot.c -- see unitroot.h. MacKinnon's response-surface tables are
 * transcribed from the published papers (the same figures as statsmodels'
 * adfvalues.py):
 *   MacKinnon, J.G. (1994), "Approximate asymptotic distribution functions
 *   for unit-root and cointegration tests", JBES 12(2), 167-176, tables 3-4
 *   (p-values: normal cdf of a polynomial in tau, split at tau*);
 *   MacKinnon, J.G. (2010), "Critical values for cointegration tests",
 *   Queen's Economics Department Working Paper 1227, table 2
 *   (crit = b0 + b1/T + b2/T² + b3/T³); the no-constant row is from the
 *   1996 paper, as statsmodels uses.
 *   KPSS critical values: Kwiatkowski, Phillips, Schmidt and Shin (1992),
 *   table 1.
 *   Dickey-Fuller normalised bias: Fuller, W.A. (1976), Introduction to
 *   Statistical Time Series, table 8.5.1 (= Hamilton 1994, table B.5).
 */
#include "core/unitroot.h"
#include "core/ols.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

/* 1994, rows N = 1..6; index [trend] = n, c, ct */
static const double tau_star[3][6] = {
    {-1.04, -1.53, -2.68, -3.09, -3.07, -3.77},
    {-1.61, -2.62, -3.13, -3.47, -3.78, -3.93},
    {-2.89, -3.19, -3.50, -3.65, -3.80, -4.36}};
static const double tau_min[3][6] = {
    {-19.04, -19.62, -21.21, -23.25, -21.63, -25.74},
    {-18.83, -18.86, -23.48, -28.07, -25.96, -23.27},
    {-16.18, -21.15, -25.37, -26.63, -26.53, -26.18}};
static const double tau_max[3][6] = {
    {INFINITY, 1.51, 0.86, 0.88, 1.05, 1.24},
    {2.74, 0.92, 0.55, 0.61, 0.79, 1},
    {0.7, 0.63, 0.71, 0.93, 1.19, 1.42}};
/* left tail: Φ(g0 + g1 τ + g2 τ²), g2 published ×100 */
static const double small_scale[3] = {1, 1, 1e-2};
static const double tau_small[3][6][3] = {
    {{0.6344, 1.2378, 3.2496}, {1.9129, 1.3857, 3.5322}, {2.7648, 1.4502, 3.4186},
     {3.4336, 1.4835, 3.19}, {4.0999, 1.5533, 3.59}, {4.5388, 1.5344, 2.9807}},
    {{2.1659, 1.4412, 3.8269}, {2.92, 1.5012, 3.9796}, {3.4699, 1.4856, 3.164},
     {3.9673, 1.4777, 2.6315}, {4.5509, 1.5338, 2.9545}, {5.1399, 1.6036, 3.4445}},
    {{3.2512, 1.6047, 4.9588}, {3.6646, 1.5419, 3.6448}, {4.0983, 1.5173, 2.9898},
     {4.5844, 1.5338, 2.8796}, {5.0722, 1.5634, 2.9472}, {5.53, 1.5914, 3.0392}}};
/* right part: Φ(g0 + g1 τ + g2 τ² + g3 τ³), published ×(1, 10, 10, 100) */
static const double large_scale[4] = {1, 1e-1, 1e-1, 1e-2};
static const double tau_large[3][6][4] = {
    {{0.4797, 9.3557, -0.6999, 3.3066}, {1.5578, 8.558, -2.083, -3.3549},
     {2.2268, 6.8093, -3.2362, -5.4448}, {2.7654, 6.4502, -3.0811, -4.4946},
     {3.2684, 6.8051, -2.6778, -3.4972}, {3.7268, 7.167, -2.3648, -2.8288}},
    {{1.7339, 9.3202, -1.2745, -1.0368}, {2.1945, 6.4695, -2.9198, -4.2377},
     {2.5893, 4.5168, -3.6529, -5.0074}, {3.0387, 4.5452, -3.3666, -4.1921},
     {3.5049, 5.2098, -2.9158, -3.3468}, {3.9489, 5.8933, -2.5359, -2.721}},
    {{2.5261, 6.1654, -3.7956, -6.0285}, {2.85, 5.272, -3.6622, -5.1695},
     {3.221, 5.255, -3.2685, -4.1501}, {3.652, 5.9758, -2.7483, -3.2081},
     {4.0712, 6.6428, -2.3464, -2.546}, {4.4735, 7.1757, -2.0681, -2.1196}}};

/* Horner on coefficients c[0] + c[1] x + ... + c[m-1] x^(m-1), each
   scaled (the order numpy's polyval uses). */
static double poly(const double *c, const double *scale, int m, double x) {
    double v = 0;
    for (int i = m - 1; i >= 0; i--) v = v * x + c[i] * (scale ? scale[i] : 1);
    return v;
}

double tn_mackinnon_p(double tau, int trend, int N) {
    if (trend < TN_TREND_N || trend > TN_TREND_CT || N < 1 || N > 6 || isnan(tau)) return NAN;
    int i = N - 1;
    if (tau > tau_max[trend][i]) return 1.0;
    if (tau < tau_min[trend][i]) return 0.0;
    double z = tau <= tau_star[trend][i] ? poly(tau_small[trend][i], small_scale, 3, tau)
                                         : poly(tau_large[trend][i], large_scale, 4, tau);
    return gsl_cdf_ugaussian_P(z);
}

/* 2010, [N-1][1%, 5%, 10%][b0..b3] */
static const double crit_n[1][3][4] = {
    {{-2.56574, -2.2358, -3.627, 0}, {-1.94100, -0.2686, -3.365, 31.223}, {-1.61682, 0.2656, -2.714, 25.364}}};
static const double crit_c[12][3][4] = {
    {{-3.43035, -6.5393, -16.786, -79.433}, {-2.86154, -2.8903, -4.234, -40.040}, {-2.56677, -1.5384, -2.809, 0}},
    {{-3.89644, -10.9519, -33.527, 0}, {-3.33613, -6.1101, -6.823, 0}, {-3.04445, -4.2412, -2.720, 0}},
    {{-4.29374, -14.4354, -33.195, 47.433}, {-3.74066, -8.5632, -10.852, 27.982}, {-3.45218, -6.2143, -3.718, 0}},
    {{-4.64332, -18.1031, -37.972, 0}, {-4.09600, -11.2349, -11.175, 0}, {-3.81020, -8.3931, -4.137, 0}},
    {{-4.95756, -21.8883, -45.142, 0}, {-4.41519, -14.0405, -12.575, 0}, {-4.13157, -10.7417, -3.784, 0}},
    {{-5.24568, -25.6688, -57.737, 88.639}, {-4.70693, -16.9178, -17.492, 60.007}, {-4.42501, -13.1875, -5.104, 27.877}},
    {{-5.51233, -29.5760, -69.398, 164.295}, {-4.97684, -19.9021, -22.045, 110.761}, {-4.69648, -15.7315, -5.104, 27.877}},
    {{-5.76202, -33.5258, -82.189, 256.289}, {-5.22924, -23.0023, -24.646, 144.479}, {-4.95007, -18.3959, -7.344, 94.872}},
    {{-5.99742, -37.6572, -87.365, 248.316}, {-5.46697, -26.2057, -26.627, 176.382}, {-5.18897, -21.1377, -9.484, 172.704}},
    {{-6.22103, -41.7154, -102.680, 389.33}, {-5.69244, -29.4521, -30.994, 251.016}, {-5.41533, -24.0006, -7.514, 163.049}},
    {{-6.43377, -46.0084, -106.809, 352.752}, {-5.90714, -32.8336, -30.275, 249.994}, {-5.63086, -26.9693, -4.083, 151.427}},
    {{-6.63790, -50.2095, -124.156, 579.622}, {-6.11279, -36.2681, -32.505, 314.802}, {-5.83724, -29.9864, -2.686, 184.116}}};
static const double crit_ct[12][3][4] = {
    {{-3.95877, -9.0531, -28.428, -134.155}, {-3.41049, -4.3904, -9.036, -45.374}, {-3.12705, -2.5856, -3.925, -22.380}},
    {{-4.32762, -15.4387, -35.679, 0}, {-3.78057, -9.5106, -12.074, 0}, {-3.49631, -7.0815, -7.538, 21.892}},
    {{-4.66305, -18.7688, -49.793, 104.244}, {-4.11890, -11.8922, -19.031, 77.332}, {-3.83511, -9.0723, -8.504, 35.403}},
    {{-4.96940, -22.4694, -52.599, 51.314}, {-4.42871, -14.5876, -18.228, 39.647}, {-4.14633, -11.2500, -9.873, 54.109}},
    {{-5.25276, -26.2183, -59.631, 50.646}, {-4.71537, -17.3569, -22.660, 91.359}, {-4.43422, -13.6078, -10.238, 76.781}},
    {{-5.51727, -29.9760, -75.222, 202.253}, {-4.98228, -20.3050, -25.224, 132.03}, {-4.70233, -16.1253, -9.836, 94.272}},
    {{-5.76537, -33.9165, -84.312, 245.394}, {-5.23299, -23.3328, -28.955, 182.342}, {-4.95405, -18.7352, -10.168, 120.575}},
    {{-6.00003, -37.8892, -96.428, 335.92}, {-5.46971, -26.4771, -31.034, 220.165}, {-5.19183, -21.4328, -10.726, 157.955}},
    {{-6.22288, -41.9496, -109.881, 466.068}, {-5.69447, -29.7152, -33.784, 273.002}, {-5.41738, -24.2882, -8.584, 169.891}},
    {{-6.43551, -46.1151, -120.814, 566.823}, {-5.90887, -33.0251, -37.208, 346.189}, {-5.63255, -27.2042, -6.792, 177.666}},
    {{-6.63894, -50.4287, -128.997, 642.781}, {-6.11404, -36.4610, -36.246, 348.554}, {-5.83850, -30.1995, -5.163, 210.338}},
    {{-6.83488, -54.7119, -139.800, 736.376}, {-6.31127, -39.9676, -37.021, 406.051}, {-6.03650, -33.2381, -6.606, 317.776}}};

int tn_mackinnon_crit(int N, int trend, double nobs, double crit[3]) {
    const double (*t)[4];
    if (trend == TN_TREND_N && N == 1) t = crit_n[0];
    else if (trend == TN_TREND_C && N >= 1 && N <= 12) t = crit_c[N - 1];
    else if (trend == TN_TREND_CT && N >= 1 && N <= 12) t = crit_ct[N - 1];
    else return -1;
    for (int l = 0; l < 3; l++) crit[l] = nobs > 0 ? poly(t[l], NULL, 4, 1.0 / nobs) : t[l][0];
    return 0;
}

static int n_terms(int trend) { return trend == TN_TREND_CT ? 2 : trend == TN_TREND_C ? 1 : 0; }

/* One ADF regression with p lagged differences on the last `rows` rows of
   Δx. Columns: x_{t-1}, Δx_{t-1}..Δx_{t-p}, then 1 and t = 1..rows.
   Workspace w holds X (rows·k), y, beta, cov, resid, depends_on. On
   success out[] = {tau of x_{t-1}, gamma, AIC, BIC, |t| of the last column}. */
typedef struct { double *X, *y, *beta, *cov, *se, *resid; int *dep; } adf_work;

static int adf_fit(const double *x, size_t n, int trend, int p, size_t rows, adf_work *w, double out[5]) {
    size_t k = (size_t)(1 + p + n_terms(trend)), first = n - 1 - rows;
    for (size_t t = 0; t < rows; t++) {
        size_t i = first + t;                 /* Δx index: Δx_i = x_{i+1} − x_i */
        w->y[t] = x[i + 1] - x[i];
        w->X[t] = x[i];
        for (int j = 1; j <= p; j++) w->X[(size_t)j * rows + t] = x[i + 1 - (size_t)j] - x[i - (size_t)j];
        if (trend != TN_TREND_N) w->X[(size_t)(p + 1) * rows + t] = 1;
        if (trend == TN_TREND_CT) w->X[(size_t)(p + 2) * rows + t] = (double)(t + 1);
    }
    tn_ols_fit f = {.beta = w->beta, .cov = w->cov, .se = w->se, .resid = w->resid, .depends_on = w->dep};
    int st = tn_ols(w->X, w->y, rows, k, TN_COV_CLASSICAL, 0, &f);
    if (st != 0) return st == -1 || st == -2 ? -2 : -3;
    double ll = -0.5 * (double)rows * (log(2 * M_PI) + log(f.ssr / (double)rows) + 1);
    out[0] = f.beta[0] / sqrt(f.cov[0]);
    out[1] = f.beta[0];
    out[2] = -2 * ll + 2 * (double)k;
    out[3] = -2 * ll + (double)k * log((double)rows);
    out[4] = fabs(f.beta[p] / sqrt(f.cov[(size_t)p * k + (size_t)p]));
    return 0;
}

/* The lag chosen on the common sample of n-1-maxlag rows (statsmodels'
   _autolag: ties go to the shorter lag; "t" works down from maxlag). */
static int adf_autolag(const double *x, size_t n, int trend, int maxlag, int autolag, adf_work *w,
                       int *best, double *icbest) {
    size_t rows = n - 1 - (size_t)maxlag;
    double out[5];
    if (autolag == TN_AUTOLAG_T) {
        for (int p = maxlag; p >= 0; p--) {
            int st = adf_fit(x, n, trend, p, rows, w, out);
            if (st) return st;
            *best = p, *icbest = out[4];
            if (out[4] >= 1.6448536269514722) break;
        }
        return 0;
    }
    *icbest = INFINITY;
    for (int p = 0; p <= maxlag; p++) {
        int st = adf_fit(x, n, trend, p, rows, w, out);
        if (st) return st;
        double ic = autolag == TN_AUTOLAG_BIC ? out[3] : out[2];
        if (ic < *icbest) *icbest = ic, *best = p;
    }
    return 0;
}

int tn_adf(const double *x, size_t n, int trend, int maxlag, int autolag, tn_adf_result *r) {
    long limit = (long)(n / 2) - n_terms(trend) - 1;
    if (maxlag < 0) {
        maxlag = (int)ceil(12.0 * pow((double)n / 100.0, 0.25));
        if (maxlag > limit) maxlag = (int)limit;
    }
    if (limit < 0 || maxlag > limit) return -1;
    size_t rows = n - 1, kmax = (size_t)(1 + maxlag + n_terms(trend));
    adf_work w;
    w.X = malloc(rows * kmax * sizeof *w.X);
    w.y = malloc(rows * sizeof *w.y);
    w.resid = malloc(rows * sizeof *w.resid);
    w.beta = malloc(kmax * sizeof *w.beta);
    w.cov = malloc(kmax * kmax * sizeof *w.cov);
    w.dep = malloc(kmax * sizeof *w.dep);
    w.se = malloc(kmax * sizeof *w.se);
    int st = -3, p = maxlag;
    double out[5];
    r->icbest = NAN;
    if (w.X && w.y && w.resid && w.beta && w.cov && w.se && w.dep) {
        st = autolag == TN_AUTOLAG_NONE ? 0 : adf_autolag(x, n, trend, maxlag, autolag, &w, &p, &r->icbest);
        if (st == 0) st = adf_fit(x, n, trend, p, n - 1 - (size_t)p, &w, out);
    }
    if (st == 0) {
        r->stat = out[0], r->gamma = out[1], r->lags = p, r->maxlag = maxlag, r->nobs = n - 1 - (size_t)p;
    }
    free(w.X); free(w.y); free(w.resid); free(w.beta); free(w.cov); free(w.se); free(w.dep);
    return st;
}

/* Long-run variance of e with Bartlett weights 1 − i/(lags+1), divided by n
   (KPSS and Phillips-Perron). */
static double bartlett_lrv(const double *e, size_t n, int lags) {
    double s = 0;
    for (size_t t = 0; t < n; t++) s += e[t] * e[t];
    for (int i = 1; i <= lags && (size_t)i < n; i++) {
        double g = 0;
        for (size_t t = (size_t)i; t < n; t++) g += e[t] * e[t - (size_t)i];
        s += 2 * g * (1.0 - i / (lags + 1.0));
    }
    return s / (double)n;
}

/* Hobijn, Franses and Ooms (1998) lag: int(1.1447 (s1/s0)^(2/3) n^(1/3)),
   autocovariances up to int(n^(2/9)). */
static int kpss_autolag(const double *e, size_t n) {
    int cov = (int)pow((double)n, 2.0 / 9.0);
    double s0 = 0, s1 = 0;
    for (size_t t = 0; t < n; t++) s0 += e[t] * e[t];
    s0 /= (double)n;
    for (int i = 1; i <= cov; i++) {
        double g = 0;
        for (size_t t = (size_t)i; t < n; t++) g += e[t] * e[t - (size_t)i];
        g /= (double)n / 2.0;
        s0 += g;
        s1 += i * g;
    }
    double s = s1 / s0;
    return (int)(1.1447 * pow(s * s, 1.0 / 3.0) * pow((double)n, 1.0 / 3.0));
}

/* Residuals of x on a constant (and a trend 1..n, by OLS). */
static int kpss_detrend(const double *x, size_t n, int trend, double *e) {
    if (trend != TN_TREND_CT) {
        double m = 0;
        for (size_t t = 0; t < n; t++) m += x[t];
        m /= (double)n;
        for (size_t t = 0; t < n; t++) e[t] = x[t] - m;
        return 0;
    }
    double *X = malloc(2 * n * sizeof *X), beta[2], cov[4], se[2];
    int dep[2], st = -3;
    if (X) {
        for (size_t t = 0; t < n; t++) X[t] = 1, X[n + t] = (double)(t + 1);
        tn_ols_fit f = {.beta = beta, .cov = cov, .se = se, .resid = e, .depends_on = dep};
        st = tn_ols(X, x, n, 2, TN_COV_CLASSICAL, 0, &f);
    }
    free(X);
    return st;
}

double tn_kpss(const double *x, size_t n, int trend, int lags, int *lags_used) {
    double *e = malloc(n * sizeof *e), stat = NAN;
    if (e && kpss_detrend(x, n, trend, e) == 0) {
        if (lags < 0) {
            lags = kpss_autolag(e, n);
            if ((size_t)lags > n - 1) lags = (int)n - 1;
        }
        double eta = 0, cum = 0;
        for (size_t t = 0; t < n; t++) cum += e[t], eta += cum * cum;
        eta /= (double)n * (double)n;
        double s = bartlett_lrv(e, n, lags);
        stat = s > 0 ? eta / s : NAN;
        *lags_used = lags;
    }
    free(e);
    return stat;
}

double tn_kpss_p(double stat, int trend, int *outside, double crit[4]) {
    static const double cv_c[4] = {0.347, 0.463, 0.574, 0.739}, cv_ct[4] = {0.119, 0.146, 0.176, 0.216};
    static const double pv[4] = {0.10, 0.05, 0.025, 0.01};
    const double *cv = trend == TN_TREND_CT ? cv_ct : cv_c;
    for (int i = 0; i < 4; i++) crit[i] = cv[i];
    *outside = 0;
    if (stat <= cv[0]) { *outside = stat < cv[0] ? 1 : 0; return pv[0]; }
    if (stat >= cv[3]) { *outside = stat > cv[3] ? -1 : 0; return pv[3]; }
    int i = 0;
    while (stat > cv[i + 1]) i++;
    double slope = (pv[i + 1] - pv[i]) / (cv[i + 1] - cv[i]);   /* numpy.interp's order */
    return slope * (stat - cv[i]) + pv[i];
}

/* Phillips-Perron ------------------------------------------------------- */

/* Sum of squares of z (n values) after removing the deterministic terms:
   none, the mean, or the mean and a trend 1..n (closed form on centred
   values: Σd² − (Σ(t − t̄)d)² / Σ(t − t̄)², with Σ(t − t̄)² = n(n² − 1)/12). */
static double detrended_ss(const double *z, size_t n, int trend) {
    double m = 0, szz = 0, stz = 0, tbar = ((double)n + 1) / 2;
    if (trend == TN_TREND_N) {
        for (size_t t = 0; t < n; t++) szz += z[t] * z[t];
        return szz;
    }
    for (size_t t = 0; t < n; t++) m += z[t];
    m /= (double)n;
    for (size_t t = 0; t < n; t++) {
        double d = z[t] - m;
        szz += d * d, stz += ((double)t + 1 - tbar) * d;
    }
    if (trend == TN_TREND_C) return szz;
    double nn = (double)n;
    return szz - stz * stz / (nn * (nn * nn - 1) / 12);
}

int tn_pp_lags(size_t n, int long_lags) {
    return (int)((long_lags ? 12.0 : 4.0) * pow((double)n / 100.0, 0.25));
}

/* The regression y_t on y_{t-1} and the terms over n rows: fills the
   fit's beta, se and the residuals e. Returns tn_pp's codes. */
static int pp_fit(const double *x, size_t n, int trend, double *beta, double *se, double *e, double *ssr) {
    size_t k = (size_t)(1 + n_terms(trend));
    double *X = malloc(n * k * sizeof *X), cov[9];
    int dep[3];
    if (!X) return -3;
    for (size_t t = 0; t < n; t++) {
        X[t] = x[t];
        if (trend != TN_TREND_N) X[n + t] = 1;
        if (trend == TN_TREND_CT) X[2 * n + t] = (double)(t + 1);
    }
    tn_ols_fit f = {.beta = beta, .cov = cov, .se = se, .resid = e, .depends_on = dep};
    int st = tn_ols(X, x + 1, n, k, TN_COV_CLASSICAL, 0, &f);
    free(X);
    *ssr = f.ssr;
    return st == 0 || st == TN_OLS_INTERRUPTED ? st : st == -1 || st == -2 ? -2 : -3;
}

int tn_pp(const double *x, size_t len, int trend, int lags, int convention, tn_pp_result *r) {
    if (trend < TN_TREND_N || trend > TN_TREND_CT || convention < TN_PP_HAMILTON || convention > TN_PP_URCA
        || (convention == TN_PP_URCA && trend == TN_TREND_N)) return -6;
    size_t k = (size_t)(1 + n_terms(trend));
    if (lags < 0 || len < 2 || len - 1 <= k + (size_t)lags) return -1;
    size_t n = len - 1;
    double beta[3], se[3], ssr, *e = malloc(n * sizeof *e);
    if (!e) return -3;
    int st = pp_fit(x, n, trend, beta, se, e, &ssr);
    /* an exact fit (e.g. a geometric series) leaves only rounding in ssr */
    if (st == 0 && !(ssr > 1e-24 * detrended_ss(x + 1, n, trend))) st = -5;
    if (st == 0) {
        double nn = (double)n, g0 = ssr / nn, lrv = bartlett_lrv(e, n, lags);
        double S = detrended_ss(convention == TN_PP_URCA ? x + 1 : x, n, trend);
        if (trend == TN_TREND_CT && convention != TN_PP_HAMILTON) S *= 1 - 1 / (nn * nn);
        r->rho = beta[0], r->t = (beta[0] - 1) / se[0], r->gamma0 = g0, r->lrv = lrv, r->nobs = n;
        r->z_tau = sqrt(g0 / lrv) * r->t - (lrv - g0) / (2 * sqrt(lrv)) * nn / sqrt(S);
        r->z_rho = nn * (beta[0] - 1) - (lrv - g0) / 2 * nn * nn / S;
    }
    free(e);
    return st;
}

/* Fuller (1976) table 8.5.1: rows n = 25, 50, 100, 250, 500, ∞; columns
   the probabilities below. [trend] = n, c, ct. */
static const double fuller_n[6] = {25, 50, 100, 250, 500, 100000};
static const double fuller_prob[8] = {0.01, 0.025, 0.05, 0.10, 0.90, 0.95, 0.975, 0.99};
static const double fuller_rho[3][6][8] = {
    {{-11.9, -9.3, -7.3, -5.3, 1.01, 1.40, 1.79, 2.28}, {-12.9, -9.9, -7.7, -5.5, 0.97, 1.35, 1.70, 2.16},
     {-13.3, -10.2, -7.9, -5.6, 0.95, 1.31, 1.65, 2.09}, {-13.6, -10.3, -8.0, -5.7, 0.93, 1.28, 1.62, 2.04},
     {-13.7, -10.4, -8.0, -5.7, 0.93, 1.28, 1.61, 2.04}, {-13.8, -10.5, -8.1, -5.7, 0.93, 1.28, 1.60, 2.03}},
    {{-17.2, -14.6, -12.5, -10.2, -0.76, 0.01, 0.65, 1.40}, {-18.9, -15.7, -13.3, -10.7, -0.81, -0.07, 0.53, 1.22},
     {-19.8, -16.3, -13.7, -11.0, -0.83, -0.10, 0.47, 1.14}, {-20.3, -16.6, -14.0, -11.2, -0.84, -0.12, 0.43, 1.09},
     {-20.5, -16.8, -14.0, -11.2, -0.84, -0.13, 0.42, 1.06}, {-20.7, -16.9, -14.1, -11.3, -0.85, -0.13, 0.41, 1.04}},
    {{-22.5, -19.9, -17.9, -15.6, -3.66, -2.51, -1.53, -0.43}, {-25.7, -22.4, -19.8, -16.8, -3.71, -2.60, -1.66, -0.65},
     {-27.4, -23.6, -20.7, -17.5, -3.74, -2.62, -1.73, -0.75}, {-28.4, -24.4, -21.3, -18.0, -3.75, -2.64, -1.78, -0.82},
     {-28.9, -24.8, -21.5, -18.1, -3.76, -2.65, -1.78, -0.84}, {-29.5, -25.1, -21.8, -18.3, -3.77, -2.66, -1.79, -0.87}}};

/* y over increasing xs at v, linear, clamped at both ends (R's approx with
   rule = 2, in its order of operations). */
static double interp_clamped(const double *xs, const double *ys, int m, double v) {
    if (v <= xs[0]) return ys[0];
    if (v >= xs[m - 1]) return ys[m - 1];
    int i = 0;
    while (v > xs[i + 1]) i++;
    return ys[i] + (ys[i + 1] - ys[i]) * ((v - xs[i]) / (xs[i + 1] - xs[i]));
}

double tn_df_rho_p(double stat, int trend, double n, int *outside, double crit[3]) {
    if (trend < TN_TREND_N || trend > TN_TREND_CT || isnan(stat)) return NAN;
    double cv[8], col[6];
    for (int j = 0; j < 8; j++) {
        for (int i = 0; i < 6; i++) col[i] = fuller_rho[trend][i][j];
        cv[j] = interp_clamped(fuller_n, col, 6, n);
    }
    crit[0] = cv[0], crit[1] = cv[2], crit[2] = cv[3];
    *outside = stat < cv[0] ? -1 : stat > cv[7] ? 1 : 0;
    return interp_clamped(cv, fuller_prob, 8, stat);
}

/*
 * tempdisagg.c -- Chow-Lin, Fernández and Litterman disaggregation by GLS;
 * the model and formulas are in tempdisagg.h.
 *
 * Everything works in the low-frequency dimension: G = C·M is built row by
 * row as M'·(row of C) by a backward recursion (O(n_h) per row), V_l = G·G'
 * is factored by Cholesky, and the GLS problem is whitened by it. The
 * distribution term M·G'·a is the forward recursion applied once.
 */
#include <math.h>
#include <string.h>

#include "core/tempdisagg.h"

/* out = M·z (the forward recursion of the error process). */
static void apply_m(int method, double rho, const double *z, double *out, size_t n) {
    double u = 0.0, e = 0.0;
    for (size_t t = 0; t < n; t++) {
        if (method == TN_TD_CHOW_LIN) u = t == 0 ? z[0] / sqrt(1.0 - rho * rho) : rho * u + z[t];
        else if (method == TN_TD_FERNANDEZ) u += z[t];
        else { e = rho * e + z[t]; u += e; }
        out[t] = u;
    }
}

/* out = M'·z: the same recursions run backwards. */
static void apply_mt(int method, double rho, const double *z, double *out, size_t n) {
    double acc = 0.0, e = 0.0;
    for (size_t s = n; s-- > 0;) {
        if (method == TN_TD_CHOW_LIN) {
            acc = z[s] + (s + 1 < n ? rho * acc : 0.0);
            out[s] = s == 0 ? acc / sqrt(1.0 - rho * rho) : acc;
        } else if (method == TN_TD_FERNANDEZ) {
            acc += z[s];
            out[s] = acc;
        } else {
            acc += z[s];                 /* S'z: reverse cumulative sum */
            e = acc + rho * e;           /* A'(S'z): reverse AR filter */
            out[s] = e;
        }
    }
}

/* In-place Cholesky of the n × n matrix a (lower triangle used); -1 when
   not positive definite, or numerically not: a pivot below 1e-12 of its
   diagonal entry means a column is (nearly) a combination of the others. */
static int cholesky(double *a, size_t n) {
    for (size_t j = 0; j < n; j++) {
        double d = a[j * n + j], diag = d;
        for (size_t k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
        if (!(d > 1e-12 * diag)) return -1;
        d = sqrt(d);
        a[j * n + j] = d;
        for (size_t i = j + 1; i < n; i++) {
            double s = a[i * n + j];
            for (size_t k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = s / d;
        }
    }
    return 0;
}

/* Solves L·x = b in place (forward), then optionally L'·x = b (backward). */
static void forward(const double *l, size_t n, double *b, size_t stride) {
    for (size_t i = 0; i < n; i++) {
        double s = b[i * stride];
        for (size_t k = 0; k < i; k++) s -= l[i * n + k] * b[k * stride];
        b[i * stride] = s / l[i * n + i];
    }
}

static void backward(const double *l, size_t n, double *b) {
    for (size_t i = n; i-- > 0;) {
        double s = b[i];
        for (size_t k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
        b[i] = s / l[i * n + i];
    }
}

size_t tn_td_work_size(const tn_td_problem *p) {
    return p->nl * p->nh + p->nl * p->nl + p->nl * p->k + p->k * p->k + 2 * p->nh + 2 * p->nl + p->k;
}

/* G = C·M (nl × nh, row-major) and V_l = G·G' (factored in place). */
static int factor_vl(const tn_td_problem *p, double rho, double *g, double *vl, double *row) {
    for (size_t j = 0; j < p->nl; j++) {
        memset(row, 0, p->nh * sizeof *row);
        for (size_t i = 0; i < p->ratio; i++) row[p->first + j * p->ratio + i] = p->w[i];
        apply_mt(p->method, rho, row, g + j * p->nh, p->nh);
    }
    for (size_t a = 0; a < p->nl; a++)
        for (size_t b = 0; b <= a; b++) {
            double s = 0.0;
            for (size_t t = 0; t < p->nh; t++) s += g[a * p->nh + t] * g[b * p->nh + t];
            vl[a * p->nl + b] = vl[b * p->nl + a] = s;
        }
    return cholesky(vl, p->nl);
}

/* Z = C·X, whitened: L⁻¹Z into z (nl × k); ỹ = L⁻¹y into yt. */
static void whiten(const tn_td_problem *p, const double *l, double *z, double *yt) {
    for (size_t j = 0; j < p->nl; j++) {
        yt[j] = p->y[j];
        for (size_t c = 0; c < p->k; c++) {
            double s = 0.0;
            for (size_t i = 0; i < p->ratio; i++) s += p->w[i] * p->x[(p->first + j * p->ratio + i) * p->k + c];
            z[j * p->k + c] = s;
        }
    }
    forward(l, p->nl, yt, 1);
    for (size_t c = 0; c < p->k; c++) forward(l, p->nl, z + c, p->k);
}

/* β by the normal equations of the whitened problem; xtx keeps their Cholesky factor. */
static int gls_beta(const tn_td_problem *p, const double *z, const double *yt, double *xtx, double *beta) {
    size_t k = p->k, nl = p->nl;
    for (size_t a = 0; a < k; a++) {
        double s = 0.0;
        for (size_t j = 0; j < nl; j++) s += z[j * k + a] * yt[j];
        beta[a] = s;
        for (size_t b = 0; b <= a; b++) {
            double q = 0.0;
            for (size_t j = 0; j < nl; j++) q += z[j * k + a] * z[j * k + b];
            xtx[a * k + b] = xtx[b * k + a] = q;
        }
    }
    if (cholesky(xtx, k) != 0) return -1;
    forward(xtx, k, beta, 1);
    backward(xtx, k, beta);
    return 0;
}

/* Standard errors: sqrt(s²·diag((Z'V_l⁻¹Z)⁻¹)) from the factor in xtx. */
static void beta_se(const tn_td_problem *p, const double *xtx, double sigma2, double *se, double *e) {
    for (size_t c = 0; c < p->k; c++) {
        memset(e, 0, p->k * sizeof *e);
        e[c] = 1.0;
        forward(xtx, p->k, e, 1);
        backward(xtx, p->k, e);
        se[c] = sqrt(sigma2 * e[c]);
    }
}

/* The fit statistics at rho; fills r->rss, sigma2, loglik, beta. Leaves
   the factor of V_l in vl and the whitened residual in yt. */
static int fit_stats(const tn_td_problem *p, double rho, tn_td_result *r, double *work) {
    double *g = work, *vl = g + p->nl * p->nh, *z = vl + p->nl * p->nl, *xtx = z + p->nl * p->k;
    double *row = xtx + p->k * p->k, *yt = row + 2 * p->nh;
    if (factor_vl(p, rho, g, vl, row) != 0) return -1;
    whiten(p, vl, z, yt);
    if (gls_beta(p, z, yt, xtx, r->beta) != 0) return -1;
    double rss = 0.0, logdet = 0.0;
    for (size_t j = 0; j < p->nl; j++) {
        for (size_t c = 0; c < p->k; c++) yt[j] -= z[j * p->k + c] * r->beta[c];
        rss += yt[j] * yt[j];
        logdet += 2.0 * log(vl[j * p->nl + j]);
    }
    r->rho = p->method == TN_TD_FERNANDEZ ? 0.0 : rho;
    r->rss = rss;
    r->sigma2 = rss / (double)p->nl;
    r->loglik = -0.5 * (double)p->nl * (log(2.0 * M_PI * r->sigma2) + 1.0) - 0.5 * logdet;
    return 0;
}

int tn_td_fit(const tn_td_problem *p, double rho, tn_td_result *r, double *work) {
    if (fit_stats(p, rho, r, work) != 0) return -1;
    double *g = work, *vl = g + p->nl * p->nh, *z = vl + p->nl * p->nl, *xtx = z + p->nl * p->k;
    double *row = xtx + p->k * p->k, *yt = row + 2 * p->nh, *e = yt + 2 * p->nl;
    double s2 = p->nl > p->k ? r->rss / (double)(p->nl - p->k) : NAN;   /* as lm and tempdisagg */
    beta_se(p, xtx, s2, r->se, e);
    backward(vl, p->nl, yt);                       /* a = V_l⁻¹û = L'⁻¹(L⁻¹û) */
    for (size_t t = 0; t < p->nh; t++) {           /* G'a */
        double s = 0.0;
        for (size_t j = 0; j < p->nl; j++) s += g[j * p->nh + t] * yt[j];
        row[t] = s;
    }
    apply_m(p->method, rho, row, row + p->nh, p->nh);
    for (size_t t = 0; t < p->nh; t++) {
        double xb = 0.0;
        for (size_t c = 0; c < p->k; c++) xb += p->x[t * p->k + c] * r->beta[c];
        r->yhat[t] = xb + row[p->nh + t];
    }
    return 0;
}

/* The objective to minimise at rho (HUGE_VAL where the fit fails). */
static double objective(const tn_td_problem *p, int ml, double rho, tn_td_result *r, double *work) {
    if (fit_stats(p, rho, r, work) != 0) return HUGE_VAL;
    return ml ? -r->loglik : r->rss;
}

int tn_td_estimate(const tn_td_problem *p, int ml, double lo, double hi,
                   tn_td_result *r, double *work) {
    double best = lo, fbest = HUGE_VAL;
    int steps = (int)ceil((hi - lo) / 0.01);
    for (int i = 0; i <= steps; i++) {
        double rho = i == steps ? hi : lo + 0.01 * i;
        double f = objective(p, ml, rho, r, work);
        if (f < fbest) { fbest = f; best = rho; }
    }
    if (fbest == HUGE_VAL) return -1;
    double a = fmax(lo, best - 0.01), b = fmin(hi, best + 0.01);
    const double gr = (sqrt(5.0) - 1.0) / 2.0;
    double c = b - gr * (b - a), d = a + gr * (b - a);
    double fc = objective(p, ml, c, r, work), fd = objective(p, ml, d, r, work);
    while (b - a > 1e-10) {
        if (fc < fd) { b = d; d = c; fd = fc; c = b - gr * (b - a); fc = objective(p, ml, c, r, work); }
        else { a = c; c = d; fc = fd; d = a + gr * (b - a); fd = objective(p, ml, d, r, work); }
    }
    double rho = 0.5 * (a + b);
    if (objective(p, ml, rho, r, work) > fbest) rho = best;   /* the grid point was better (edge) */
    return tn_td_fit(p, rho, r, work);
}

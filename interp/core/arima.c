/*
 * arima.c -- see arima.h.
 *
 * State space (Harvey): r = max(p*, q*+1) with p*, q* the orders of the
 * multiplied-out AR and MA polynomials; α_{t+1} = T α_t + R ε_{t+1},
 * w_t = α_t[0], T with φ* in its first column and ones above the
 * diagonal, R = (1, θ*_1, ..., θ*_{r-1})'. The initial covariance solves
 * P = T P T' + R R' (its first row from the ARMA's autocovariances, the
 * rest from the equation: O(r²)). The filter runs with σ² = 1 and σ² is
 * concentrated out for the optimiser: σ̂² = Σ v²/F / m,
 * ln L = -m/2 (ln 2π + ln σ̂² + 1) - ½ Σ ln F.
 *
 * Once the predicted covariance reaches R R' (the state known from the
 * past: any AR, an invertible MA) the filter runs its O(r) steady form.
 *
 * The optimiser minimises the scaled errors' sum of squares, which is
 * least where the concentrated likelihood is greatest, by Levenberg-
 * Marquardt with a secant-corrected Gauss-Newton Hessian (np + 1 filter
 * runs a step); where that crawls it hands over to a damped Newton method
 * with a numerical Hessian. GSL's BFGS crawled along the ridges of ARMA
 * likelihoods (hundreds of iterations for an ARIMA(1,1,1)). It works on
 * unconstrained values: AR blocks are mapped through partial
 * autocorrelations r = u/sqrt(1+u²) and the Durbin-Levinson recursion
 * (Barndorff-Nielsen and Schou 1973), so every trial is stationary; MA
 * blocks likewise for -θ, so every trial is invertible.
 */
#include "core/arima.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t tn_arima_nparams(const tn_arima_spec *sp) {
    return sp->k + (size_t)(sp->p + sp->q + sp->P + sp->Q);
}

typedef struct {
    const tn_arima_spec *sp;
    size_t n, m, np, pstar, qstar, r, dstar;
    double *wy, *wX;          /* differenced data: m, m*k */
    double *phi, *theta;      /* multiplied-out polynomials: pstar, qstar */
    double *e, *v, *F;        /* m each: ARMA data, innovations, their variances */
    double *a, *P;            /* r, r*r: the state and its covariance */
    double *Tr, *Rr, *k;      /* r each: φ* and R padded to r; a column of P */
    double *psi, *g, *W;      /* r + 1 each: ψ and γ; (p*+1)² + p*+1: the γ system */
} model;

/* c = a * b for polynomials given by their coefficients (lengths na, nb). */
/* (1 + sign·Σ x_i B^i)(1 + sign·Σ X_j B^{sj}) into out[0..nx + nX·s]: the
   second factor is sparse, so the product is written term by term. */
static void lag_poly(const double *x, int nx, const double *X, int nX, int s, double sign, double *out) {
    memset(out, 0, ((size_t)nx + (size_t)(nX * s) + 1) * sizeof *out);
    for (int j = 0; j <= nX; j++) {
        double bj = j == 0 ? 1 : sign * X[j - 1];
        for (int i = 0; i <= nx; i++) out[i + j * s] += (i == 0 ? 1 : sign * x[i - 1]) * bj;
    }
}

static double phi_at(const model *md, size_t i) { return i < md->pstar ? md->phi[i] : 0; }
static double rvec(const model *md, size_t i) { return i == 0 ? 1 : i <= md->qstar ? md->theta[i - 1] : 0; }

/* Natural parameters -> the expanded φ* and θ* of the model. */
static void expand(model *md, const double *par) {
    const tn_arima_spec *sp = md->sp;
    const double *ar = par + sp->k, *ma = ar + sp->p, *sar = ma + sp->q, *sma = sar + sp->P;
    double *c = md->g;                  /* r + 1 ≥ p* + 1, q* + 1: free until initial_cov */
    lag_poly(ar, sp->p, sar, sp->P, sp->s, -1, c);
    for (size_t i = 0; i < md->pstar; i++) md->phi[i] = -c[i + 1];
    lag_poly(ma, sp->q, sma, sp->Q, sp->s, 1, c);
    for (size_t i = 0; i < md->qstar; i++) md->theta[i] = c[i + 1];
    for (size_t i = 0; i < md->r; i++) md->Tr[i] = phi_at(md, i), md->Rr[i] = rvec(md, i);
}

static void model_free(model *md) {
    free(md->wy); free(md->wX); free(md->phi); free(md->theta); free(md->e); free(md->v); free(md->F);
    free(md->a); free(md->P); free(md->Tr); free(md->Rr); free(md->k);
    free(md->psi); free(md->g); free(md->W);
}

/* Differencing polynomial δ(B) = (1-B)^d (1-B^s)^D: coefficients 0..dstar,
   each factor (1 - B^lag) applied in place, highest power first. NULL
   without memory. */
static double *delta_poly(const tn_arima_spec *sp, size_t dstar) {
    double *c = calloc(dstar + 1, sizeof *c);
    if (!c) return NULL;
    c[0] = 1;
    size_t len = 1;
    for (int i = 0; i < sp->d + sp->D; i++) {
        size_t lag = i < sp->d ? 1 : (size_t)sp->s;
        len += lag;
        for (size_t j = len; j-- > lag;) c[j] -= c[j - lag];
    }
    return c;
}

static void difference(const double *x, size_t n, const double *delta, size_t dstar, double *out) {
    for (size_t t = 0; t + dstar < n; t++) {
        double s = 0;
        for (size_t j = 0; j <= dstar; j++) s += delta[j] * x[t + dstar - j];
        out[t] = s;
    }
}

static int model_init(model *md, const tn_arima_spec *sp, const double *y, const double *X, size_t n) {
    memset(md, 0, sizeof *md);
    md->sp = sp, md->n = n, md->np = tn_arima_nparams(sp);
    md->dstar = (size_t)(sp->d + sp->D * sp->s);
    md->pstar = (size_t)(sp->p + sp->P * sp->s), md->qstar = (size_t)(sp->q + sp->Q * sp->s);
    md->r = md->pstar > md->qstar + 1 ? md->pstar : md->qstar + 1;
    if (n <= md->dstar) return -1;
    md->m = n - md->dstar;
    size_t m = md->m, r = md->r, k = sp->k;
    md->wy = malloc(m * sizeof *md->wy);
    md->wX = malloc((k ? m * k : 1) * sizeof *md->wX);
    md->phi = calloc(md->pstar + 1, sizeof *md->phi);
    md->theta = calloc(md->qstar + 1, sizeof *md->theta);
    md->e = malloc(m * sizeof *md->e), md->v = malloc(m * sizeof *md->v), md->F = malloc(m * sizeof *md->F);
    md->a = malloc(r * sizeof *md->a);
    md->P = malloc(r * r * sizeof *md->P);
    md->Tr = malloc(r * sizeof *md->Tr), md->Rr = malloc(r * sizeof *md->Rr), md->k = malloc(r * sizeof *md->k);
    md->psi = malloc((r + 1) * sizeof *md->psi), md->g = malloc((r + 1) * sizeof *md->g);
    md->W = malloc((md->pstar + 1) * (md->pstar + 2) * sizeof *md->W);
    double *delta = delta_poly(sp, md->dstar);
    if (!md->wy || !md->wX || !md->phi || !md->theta || !md->e || !md->v || !md->F || !md->a || !md->P ||
        !md->Tr || !md->Rr || !md->k || !md->psi || !md->g || !md->W || !delta) { free(delta); model_free(md); return -3; }
    difference(y, n, delta, md->dstar, md->wy);
    for (size_t j = 0; j < k; j++) difference(X + j * n, n, delta, md->dstar, md->wX + j * m);
    free(delta);
    return 0;
}


/* Solves A x = b (n × n, row-major; b becomes x) by Gaussian elimination
   with partial pivoting. -1 when a pivot vanishes against the matrix. */
static int solve_dense(double *A, double *b, size_t n) {
    double big = 0;
    for (size_t i = 0; i < n * n; i++) big = fmax(big, fabs(A[i]));
    for (size_t c = 0; c < n; c++) {
        size_t piv = c;
        for (size_t i = c + 1; i < n; i++) if (fabs(A[i * n + c]) > fabs(A[piv * n + c])) piv = i;
        if (!(fabs(A[piv * n + c]) > 1e-13 * big)) return -1;
        if (piv != c) {
            for (size_t j = 0; j < n; j++) { double t = A[c * n + j]; A[c * n + j] = A[piv * n + j]; A[piv * n + j] = t; }
            double t = b[c]; b[c] = b[piv]; b[piv] = t;
        }
        for (size_t i = c + 1; i < n; i++) {
            double f = A[i * n + c] / A[c * n + c];
            for (size_t j = c; j < n; j++) A[i * n + j] -= f * A[c * n + j];
            b[i] -= f * b[c];
        }
    }
    for (size_t c = n; c-- > 0;) {
        double s = b[c];
        for (size_t j = c + 1; j < n; j++) s -= A[c * n + j] * b[j];
        b[c] = s / A[c * n + c];
    }
    return 0;
}

/* Autocovariances γ(0..r) of the ARMA w (σ² = 1) into g, from ψ (0..r,
   the MA(∞) weights): the first p* + 1 solve
   γ(h) - Σ_k φ_k γ(|h-k|) = Σ_{j≥h} θ_j ψ_{j-h}, the rest follow by
   recursion. -1 when that system is singular (a unit root). */
static int autocovariances(const model *md, const double *psi, double *g) {
    size_t r = md->r, p = md->pstar, n = p + 1;
    const double *T = md->Tr, *R = md->Rr;                /* T[k] = φ_{k+1}, R[k] = θ_k */
    double *A = md->W, *rhs = md->W + n * n;
    memset(A, 0, n * n * sizeof *A);
    for (size_t h = 0; h < n; h++) {
        double s = 0;
        for (size_t j = h; j < r; j++) s += R[j] * psi[j - h];
        rhs[h] = s;
        A[h * n + h] += 1;
        for (size_t k = 1; k <= p; k++) A[h * n + (h > k ? h - k : k - h)] -= T[k - 1];
    }
    if (solve_dense(A, rhs, n) != 0) return -1;
    memcpy(g, rhs, n * sizeof *g);
    for (size_t h = n; h <= r; h++) {
        double s = 0;
        for (size_t j = h; j < r; j++) s += R[j] * psi[j - h];
        for (size_t k = 1; k <= p; k++) s += T[k - 1] * g[h - k];
        g[h] = s;
    }
    return 0;
}

/* The stationary covariance of the state, P = T P T' + R R', in O(r²)
   after a (p*+1)-square solve: its first row from the autocovariances,
   P[0][j] = Σ_{k≥j} (φ_{k+1} γ(k-j+1) + θ_k ψ_{k-j}) (the state's element j
   is Σ_{k≥j} φ_{k+1} w_{t-1-k+j} + θ_k ε_{t-k+j}), the rest from the
   equation itself, bottom-right first. The doubling it replaces cost
   O(r³) a step: for seasonal AR terms (r = 14 and more), ten times the
   filter. 0, or -1 when the AR part is not stationary. */
static int initial_cov(model *md) {
    size_t r = md->r;
    const double *T = md->Tr, *R = md->Rr;
    double *psi = md->psi, *g = md->g, *P = md->P;
    for (size_t h = 0; h <= r; h++) {                      /* ψ_h = θ_h + Σ_k φ_k ψ_{h-k} */
        double s = h < r ? R[h] : 0;
        for (size_t k = 1; k <= h && k <= md->pstar; k++) s += T[k - 1] * psi[h - k];
        psi[h] = s;
    }
    if (autocovariances(md, psi, g) != 0) return -1;
    for (size_t j = 0; j < r; j++) {
        double s = 0;
        for (size_t k = j; k < r; k++) s += T[k] * g[k - j + 1] + R[k] * psi[k - j];
        P[j] = P[j * r] = s;
    }
    for (size_t i = r - 1; i >= 1; i--)
        for (size_t l = r - 1; l >= i; l--) {
            double v = T[i] * T[l] * P[0] + R[i] * R[l];
            if (l + 1 < r) v += T[i] * P[l + 1] + P[(i + 1) * r + l + 1];   /* l ≥ i: i + 1 < r too */
            if (i + 1 < r) v += T[l] * P[i + 1];
            P[i * r + l] = P[l * r + i] = v;
        }
    return isfinite(P[0]) && P[0] > 0 ? 0 : -1;
}

/* True once the predicted covariance has reached its limit R R': the
   state is then known from the past data alone (an invertible MA, any AR)
   and the filter's gain stops changing. */
static int steady(const model *md, const double *P) {
    size_t r = md->r;
    if (!(fabs(P[0] - 1) <= 1e-15)) return 0;
    for (size_t i = 0; i < r; i++)
        for (size_t j = 0; j <= i; j++) {
            double want = rvec(md, i) * rvec(md, j);
            if (!(fabs(P[i * r + j] - want) <= 1e-15 * fmax(1, fabs(want)))) return 0;
        }
    return 1;
}

/* The rest of the filter at the steady state (F = 1, gain R): O(r) a step
   instead of O(r²). The switch changes no digit a double keeps. */
static double steady_filter(model *md, size_t t0, double *a) {
    size_t r = md->r;
    double ssq = 0;
    for (size_t t = t0; t < md->m; t++) {
        double v = md->e[t] - a[0];
        md->v[t] = v, md->F[t] = 1;
        ssq += v * v;
        double a0 = a[0] + v;                                      /* R_0 = 1 */
        for (size_t i = 0; i + 1 < r; i++) a[i] = md->Tr[i] * a0 + a[i + 1] + md->Rr[i + 1] * v;
        a[r - 1] = md->Tr[r - 1] * a0;
    }
    return ssq;
}

/* One step of the filter before the steady state, on the predicted state
   a and covariance P: with the first state element observed without
   noise, the filtered covariance has a zero first row and column, so
   T Pf T' is Pf shifted up and left and the step is
   P <- shift(P - k k'/F) + R R', k = P's first column, F = k_0: no φ. */
static void filter_step(model *md, double v, double F, double *a, double *P) {
    size_t r = md->r;
    double *k = md->k, *T = md->Tr, *R = md->Rr;
    double a0 = a[0] + v, w = 1 / F;                        /* filtered a_0 = k_0 v/F + a_0 */
    for (size_t i = 0; i < r; i++) k[i] = P[i * r] * w;
    for (size_t i = 0; i + 1 < r; i++) a[i] = T[i] * a0 + a[i + 1] + k[i + 1] * v;
    a[r - 1] = T[r - 1] * a0;
    for (size_t i = 0; i + 1 < r; i++) {                    /* lower triangle, then mirrored */
        double ki = k[i + 1] * F, Ri = R[i];
        const double *below = P + (i + 1) * r + 1;
        for (size_t j = 0; j <= i; j++) P[i * r + j] = below[j] - ki * k[j + 1] + Ri * R[j];
    }
    for (size_t j = 0; j < r; j++) P[(r - 1) * r + j] = R[r - 1] * R[j];
    for (size_t i = 0; i < r; i++)
        for (size_t j = i + 1; j < r; j++) P[i * r + j] = P[j * r + i];
}

/* Kalman filter of md->e with σ² = 1: innovations v and variances F;
   returns Σ v²/F and *sumlog = Σ ln F, or NaN on failure. The logs are
   taken of products of F (each ≥ 1 in exact arithmetic), a few at a time. */
static double kalman(model *md, double *sumlog) {
    size_t r = md->r, m = md->m;
    if (initial_cov(md) != 0) return NAN;
    memset(md->a, 0, r * sizeof *md->a);
    double ssq = 0, sl = 0, prod = 1, *P = md->P, *a = md->a;
    for (size_t t = 0; t < m; t++) {
        if (steady(md, P)) { ssq += steady_filter(md, t, a); break; }
        double F = P[0], v = md->e[t] - a[0];
        if (!(F > 0) || !isfinite(F)) return NAN;
        md->v[t] = v, md->F[t] = F;
        ssq += v * v / F, prod *= F;
        if (!(prod < 1e200 && prod > 1e-200)) sl += log(prod), prod = 1;
        filter_step(md, v, F, a, P);
    }
    *sumlog = sl + log(prod);
    return ssq;
}

/* Σ v²/F and Σ ln F at natural parameters par. */
static double evaluate(model *md, const double *par, double *sumlog) {
    size_t k = md->sp->k, m = md->m;
    for (size_t t = 0; t < m; t++) {
        double s = md->wy[t];
        for (size_t j = 0; j < k; j++) s -= md->wX[j * m + t] * par[j];
        md->e[t] = s;
    }
    expand(md, par);
    return kalman(md, sumlog);
}

static double concentrated(model *md, const double *par, double *sigma2) {
    double sl, ssq = evaluate(md, par, &sl), m = (double)md->m;
    *sigma2 = ssq / m;
    if (!isfinite(ssq) || !(ssq > 0)) return NAN;
    return -0.5 * m * (log(2 * M_PI) + log(*sigma2) + 1) - 0.5 * sl;
}

static double full_loglik(model *md, const double *par, double sigma2) {
    double sl, ssq = evaluate(md, par, &sl), m = (double)md->m;
    if (!isfinite(ssq) || !(sigma2 > 0)) return NAN;
    return -0.5 * (m * log(2 * M_PI) + m * log(sigma2) + sl + ssq / sigma2);
}

/* Unconstrained u (n values) -> stationary AR coefficients c. */
static void constrain(const double *u, int n, double sign, double *c) {
    double tmp[64];
    for (int k = 0; k < n; k++) {
        double rk = u[k] / sqrt(1 + u[k] * u[k]);
        for (int j = 0; j < k; j++) tmp[j] = c[j] - rk * c[k - 1 - j];
        memcpy(c, tmp, (size_t)k * sizeof *c);
        c[k] = rk;
    }
    for (int k = 0; k < n; k++) c[k] *= sign;
}

static void to_natural(const tn_arima_spec *sp, const double *x, double *par) {
    size_t k = sp->k;
    memcpy(par, x, k * sizeof *par);
    const int n[4] = {sp->p, sp->q, sp->P, sp->Q};
    const double sign[4] = {1, -1, 1, -1};
    size_t off = k;
    for (int b = 0; b < 4; b++) { constrain(x + off, n[b], sign[b], par + off); off += (size_t)n[b]; }
}

typedef struct { model *md; double *par; } objective;

/* Minus the concentrated log-likelihood per observation at unconstrained x. */
static double obj_f(const gsl_vector *x, void *params) {
    objective *o = params;
    double s2;
    to_natural(o->md->sp, x->data, o->par);
    double ll = concentrated(o->md, o->par, &s2);
    return isfinite(ll) ? -ll / (double)o->md->m : 1e30;
}

/* Least squares of b (rows) on the columns of A (rows × cols, column-major)
   by QR; sol (cols) and resid (rows, may be NULL). 0, or -1 on failure. */
static int least_squares(const double *A, const double *b, size_t rows, size_t cols, double *sol, double *resid) {
    if (rows <= cols) return -1;
    gsl_matrix *M = gsl_matrix_alloc(rows, cols);
    gsl_vector *bv = gsl_vector_alloc(rows), *tau = gsl_vector_alloc(cols), *x = gsl_vector_alloc(cols);
    gsl_vector *r = gsl_vector_alloc(rows);
    int ok = M && bv && tau && x && r;
    for (size_t t = 0; ok && t < rows; t++) {
        gsl_vector_set(bv, t, b[t]);
        for (size_t j = 0; j < cols; j++) gsl_matrix_set(M, t, j, A[j * rows + t]);
    }
    ok = ok && gsl_linalg_QR_decomp(M, tau) == GSL_SUCCESS && gsl_linalg_QR_lssolve(M, tau, bv, x, r) == GSL_SUCCESS;
    for (size_t j = 0; ok && j < cols; j++) sol[j] = gsl_vector_get(x, j);
    for (size_t t = 0; ok && resid && t < rows; t++) resid[t] = gsl_vector_get(r, t);
    gsl_matrix_free(M); gsl_vector_free(bv); gsl_vector_free(tau); gsl_vector_free(x); gsl_vector_free(r);
    return ok ? 0 : -1;
}

/* Regression start values: least squares of w on the differenced X. */
static void start_beta(const model *md, double *x) {
    size_t k = md->sp->k;
    if (k > 0 && least_squares(md->wX, md->wy, md->m, k, x, NULL) != 0) memset(x, 0, k * sizeof *x);
}

/* Stationary AR coefficients c (n) -> unconstrained u: partial
   autocorrelations by the reverse Durbin-Levinson step, each kept within
   ±limit, then u = r/sqrt(1 - r²). -1 when c is not stationary. */
static int unconstrain(const double *c, int n, double limit, double *u) {
    double a[64], b[64];
    memcpy(a, c, (size_t)n * sizeof *a);
    for (int k = n; k >= 1; k--) {
        double rk = a[k - 1];
        if (!(fabs(rk) < 1)) return -1;
        for (int j = 0; j < k - 1; j++) b[j] = (a[j] + rk * a[k - 2 - j]) / (1 - rk * rk);
        rk = fmax(-limit, fmin(limit, rk));
        u[k - 1] = rk / sqrt(1 - rk * rk);
        memcpy(a, b, (size_t)(k - 1) * sizeof *a);
    }
    return 0;
}

/* Natural parameters par -> unconstrained x, partial autocorrelations
   kept as they are: the start at a nested model's optimum. -1 when a
   block is not stationary or invertible. */
static int warm_start(const tn_arima_spec *sp, const double *par, double *x) {
    const int n[4] = {sp->p, sp->q, sp->P, sp->Q};
    const double sign[4] = {1, -1, 1, -1};
    double c[64];
    size_t off = sp->k;
    memcpy(x, par, sp->k * sizeof *x);
    for (int b = 0; b < 4; off += (size_t)n[b], b++) {
        for (int i = 0; i < n[b]; i++) c[i] = sign[b] * par[off + (size_t)i];
        if (unconstrain(c, n[b], 1 - 1e-9, x + off) != 0) return -1;
    }
    return 0;
}

/* Hannan-Rissanen start for the non-seasonal AR and MA blocks: a long AR
   of order L by least squares gives innovations; w on p of its lags and q
   lagged innovations gives φ and θ. Writes u (p + q unconstrained values);
   returns -1 when the data are too short or the start is not admissible. */
static int start_arma(const model *md, const double *beta, size_t L, double *u) {
    const tn_arima_spec *sp = md->sp;
    int p = sp->p, q = sp->q;
    size_t m = md->m, k = sp->k;
    if (p + q == 0 || m < 4 * L + 10) return -1;
    double *e = malloc(m * sizeof *e), *A = malloc(m * (L + (size_t)(p + q)) * sizeof *A);
    double *eh = calloc(m, sizeof *eh), sol[128];
    int st = e && A && eh ? 0 : -1;
    for (size_t t = 0; st == 0 && t < m; t++) {
        e[t] = md->wy[t];
        for (size_t j = 0; j < k; j++) e[t] -= md->wX[j * m + t] * beta[j];
    }
    size_t rows = m - L;                           /* long AR on rows L..m-1 */
    for (size_t j = 0; st == 0 && j < L; j++)
        for (size_t t = 0; t < rows; t++) A[j * rows + t] = e[L + t - j - 1];
    if (st == 0) st = least_squares(A, e + L, rows, L, sol, eh + L);
    size_t first = L + (size_t)q, r2 = m - first, c = (size_t)(p + q);
    for (size_t t = 0; st == 0 && t < r2; t++) {
        for (int j = 0; j < p; j++) A[(size_t)j * r2 + t] = e[first + t - (size_t)j - 1];
        for (int j = 0; j < q; j++) A[(size_t)(p + j) * r2 + t] = eh[first + t - (size_t)j - 1];
    }
    if (st == 0) st = least_squares(A, e + first, r2, c, sol, NULL);
    if (st == 0) st = unconstrain(sol, p, 0.95, u);
    for (int j = 0; st == 0 && j < q; j++) sol[p + j] = -sol[p + j];
    if (st == 0) st = unconstrain(sol + p, q, 0.95, u + p);
    free(e); free(A); free(eh);
    return st;
}

/* Scaled one-step errors e_t = v_t/√F_t · (Π F)^{1/(2m)} at unconstrained
   x: -2/m ln L_c = ln(Σ v²/F · (Π F)^{1/m}) + const, so their sum of
   squares, the return value, is least exactly where the concentrated
   likelihood is greatest. NaN outside the model's domain. */
static double scaled_errors(objective *o, const double *x, double *e) {
    model *md = o->md;
    double sl;
    to_natural(md->sp, x, o->par);
    double ssq = evaluate(md, o->par, &sl);
    if (!isfinite(ssq) || !(ssq > 0)) return NAN;
    double g = exp(sl / (2 * (double)md->m));
    for (size_t t = 0; t < md->m; t++) e[t] = md->F[t] == 1 ? md->v[t] * g : md->v[t] / sqrt(md->F[t]) * g;
    return ssq * g * g;
}

/* Jacobian J (m × np, column-major) of the scaled errors e at x by forward
   differences, or central ones (central = 1) for the last, short steps,
   where the gradient J'e must be accurate. -1 when no side is admissible. */
static int jacobian(objective *o, double *x, size_t np, const double *e, int central, double *J, double *w) {
    size_t m = o->md->m;
    for (size_t i = 0; i < np; i++) {
        double xi = x[i], h = (central ? 1e-5 : 1e-7) * fmax(1, fabs(xi)), *col = J + i * m;
        x[i] = xi + h;
        double fp = scaled_errors(o, x, col);
        if (central || !isfinite(fp)) {
            x[i] = xi - h;
            double fm = scaled_errors(o, x, w);
            if (!isfinite(fm) && !isfinite(fp)) { x[i] = xi; return -1; }
            if (!isfinite(fp)) for (size_t t = 0; t < m; t++) col[t] = (e[t] - w[t]) / h;
            else if (!isfinite(fm)) for (size_t t = 0; t < m; t++) col[t] = (col[t] - e[t]) / h;
            else for (size_t t = 0; t < m; t++) col[t] = (col[t] - w[t]) / (2 * h);
        } else for (size_t t = 0; t < m; t++) col[t] = (col[t] - e[t]) / h;
        x[i] = xi;
    }
    return 0;
}

/* A = J'J and g = J'e. */
static void normal_equations(const double *J, const double *e, size_t m, size_t np, double *A, double *g) {
    for (size_t i = 0; i < np; i++) {
        const double *ci = J + i * m;
        double s = 0;
        for (size_t t = 0; t < m; t++) s += ci[t] * e[t];
        g[i] = s;
        for (size_t j = 0; j <= i; j++) {
            const double *cj = J + j * m;
            double a = 0;
            for (size_t t = 0; t < m; t++) a += ci[t] * cj[t];
            A[i * np + j] = A[j * np + i] = a;
        }
    }
}

/* Solves (H + λ·diag) d = -g by Cholesky; -1 when not positive definite. */
static int damped_step(const double *H, const double *g, size_t np, double lambda, double *d) {
    gsl_matrix *A = gsl_matrix_alloc(np, np);
    gsl_vector *b = gsl_vector_alloc(np);
    int st = A && b ? 0 : -1;
    for (size_t i = 0; st == 0 && i < np; i++) {
        for (size_t j = 0; j < np; j++) gsl_matrix_set(A, i, j, H[i * np + j]);
        gsl_matrix_set(A, i, i, H[i * np + i] + lambda * (fabs(H[i * np + i]) + 1e-8));
        gsl_vector_set(b, i, -g[i]);
    }
    if (st == 0 && gsl_linalg_cholesky_decomp1(A) != GSL_SUCCESS) st = -1;
    if (st == 0 && gsl_linalg_cholesky_svx(A, b) != GSL_SUCCESS) st = -1;
    for (size_t i = 0; st == 0 && i < np; i++) d[i] = gsl_vector_get(b, i);
    gsl_matrix_free(A); gsl_vector_free(b);
    return st;
}

typedef struct { double *e, *et, *J, *w; } lm_work;

/* One Levenberg-Marquardt step from x (f = Σ e²): tries growing damping
   until Σ e² falls. 1 when it moved (x, e, *f updated), 0 when no damping
   helps. */
static int lm_step(objective *o, double *x, size_t np, const double *A, const double *g, double *lambda,
                   lm_work *w, double *f) {
    double d[64], xt[64];
    for (int tries = 0; tries < 16; tries++, *lambda *= 10) {
        if (damped_step(A, g, np, *lambda, d) != 0) continue;
        for (size_t i = 0; i < np; i++) xt[i] = x[i] + d[i];
        double ft = scaled_errors(o, xt, w->et);
        if (isfinite(ft) && ft <= *f) {
            memcpy(x, xt, np * sizeof *x);
            double *t = w->e; w->e = w->et; w->et = t;
            *f = ft;
            *lambda = fmax(*lambda / 10, 1e-12);
            return 1;
        }
    }
    return 0;
}

/* True when a partial autocorrelation of an AR block is past ±0.99999:
   the likelihood rises towards a unit root, so there is no maximum inside
   the stationary region to find (typically a trending series without its
   drift, or one difference too few). */
static int ar_unit_root(const tn_arima_spec *sp, const double *x) {
    const double *u = x + sp->k, *su = u + sp->p + sp->q;
    for (int i = 0; i < sp->p; i++) if (fabs(u[i]) > 200) return 1;
    for (int i = 0; i < sp->P; i++) if (fabs(su[i]) > 200) return 1;
    return 0;
}

static double step_of(double x) { return 1e-4 * (1 + fabs(x)); }

/* Gradient of f at x by central differences; returns f(x). */
static double gradient(objective *o, double *x, size_t np, double *g) {
    gsl_vector_view xv = gsl_vector_view_array(x, np);
    double f0 = obj_f(&xv.vector, o);
    for (size_t i = 0; i < np; i++) {
        double xi = x[i], h = step_of(xi) * 1e-1;
        x[i] = xi + h;
        double fp = obj_f(&xv.vector, o);
        x[i] = xi - h;
        double fm = obj_f(&xv.vector, o);
        x[i] = xi;
        g[i] = (fp - fm) / (2 * h);
    }
    return f0;
}

/* Hessian of f at x by central second differences. */
static void hessian(objective *o, double *x, size_t np, double f0, double *H) {
    gsl_vector_view xv = gsl_vector_view_array(x, np);
    for (size_t i = 0; i < np; i++)
        for (size_t j = i; j < np; j++) {
            double xi = x[i], xj = x[j], hi = step_of(xi), hj = step_of(xj), f[4];
            for (int c = 0; c < 4; c++) {
                if (i == j && (c == 1 || c == 2)) { f[c] = f0; continue; }
                x[i] = xi + ((c & 1) ? -hi : hi);
                if (i != j) x[j] = xj + ((c & 2) ? -hj : hj);
                else x[i] = xi + ((c & 1) ? -2 * hi : 2 * hi);
                f[c] = obj_f(&xv.vector, o);
                x[i] = xi, x[j] = xj;
            }
            H[i * np + j] = H[j * np + i] = (f[0] - f[1] - f[2] + f[3]) / (4 * hi * hj);
        }
}

/* BFGS update of the Hessian approximation H with step s and gradient change y. */
static void bfgs_update(double *H, size_t np, const double *s, const double *y) {
    double Hs[64], sy = 0, sHs = 0;
    for (size_t i = 0; i < np; i++) {
        Hs[i] = 0;
        for (size_t j = 0; j < np; j++) Hs[i] += H[i * np + j] * s[j];
        sy += s[i] * y[i], sHs += s[i] * Hs[i];
    }
    if (!(sy > 1e-12 * sHs) || !(sHs > 0)) return;       /* keep H positive definite */
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < np; j++) H[i * np + j] += y[i] * y[j] / sy - Hs[i] * Hs[j] / sHs;
}

/* The fallback for where Gauss-Newton crawls (near-cancelling AR and MA
   factors, whose curvature J'J misses): Levenberg-Marquardt-damped Newton
   on f = -ln L_c/m, the Hessian by central
   differences (each step for up to 5 coefficients; for more, every eighth
   step and after a failed one, with BFGS updates in between);
   central-difference gradients. Leaves the optimum in x;
   returns the iterations. Converged when the gradient is below 1e-7 or f
   stops moving (1e-14 relative) three steps running. */
static int newton(objective *o, double *x, size_t np, int max_it, int *converged) {
    double g[64], gn[64], H[64 * 64], d[64], xt[64], lambda = 1e-3;
    gsl_vector_view tv = gsl_vector_view_array(xt, np);
    int it = 0, stalls = 0, fresh = 1;
    double f0 = gradient(o, x, np, g);
    hessian(o, x, np, f0, H);
    *converged = 0;
    while (it < max_it) {
        it++;
        if (ar_unit_root(o->md->sp, x)) break;
        double gmax = 0;
        for (size_t i = 0; i < np; i++) gmax = fmax(gmax, fabs(g[i]));
        if (gmax < 1e-7 || stalls >= 3) { *converged = 1; break; }
        int moved = 0;
        for (int tries = 0; tries < 12 && !moved; tries++) {
            if (damped_step(H, g, np, lambda, d) == 0) {
                for (size_t i = 0; i < np; i++) xt[i] = x[i] + d[i];
                double f1 = obj_f(&tv.vector, o);
                if (f1 <= f0) {
                    stalls = f0 - f1 < 1e-14 * (1 + fabs(f0)) ? stalls + 1 : 0;
                    f0 = gradient(o, xt, np, gn);
                    for (size_t i = 0; i < np; i++) d[i] = xt[i] - x[i], gn[i] -= g[i];
                    for (size_t i = 0; i < np; i++) g[i] += gn[i];
                    memcpy(x, xt, np * sizeof *x);
                    /* few coefficients: a fresh Hessian each step (ARMA ridges defeat
                       BFGS); many: BFGS updates, refreshed every eighth step */
                    if (np <= 5 || it % 8 == 0) hessian(o, x, np, f0, H);
                    else bfgs_update(H, np, d, gn);
                    lambda = fmax(lambda / 10, 1e-12);
                    moved = 1, fresh = 0;
                }
            }
            if (!moved) lambda *= 10;
        }
        if (!moved) {
            if (fresh) { *converged = gmax < 1e-5; break; }
            hessian(o, x, np, f0, H);           /* the approximation went stale: start again */
            fresh = 1, lambda = 1e-3;
        }
    }
    return it;
}

/* S += r r'/(r's), r = y - S s (symmetric rank one), skipped when r's is
   too small to trust. */
static void sr1_update(double *S, size_t np, const double *s, const double *y) {
    double r[64], rs = 0, rn = 0, sn = 0;
    for (size_t i = 0; i < np; i++) {
        double Ss = 0;
        for (size_t j = 0; j < np; j++) Ss += S[i * np + j] * s[j];
        r[i] = y[i] - Ss;
        rs += r[i] * s[i], rn += r[i] * r[i], sn += s[i] * s[i];
    }
    if (!(fabs(rs) > 1e-8 * sqrt(rn * sn))) return;
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < np; j++) S[i * np + j] += r[i] * r[j] / rs;
}

/* The fall of Σ e² the model H predicts for the step d: -(2 g'd + d'Hd);
   and y = J'e at the new point. */
static double predicted_fall(const double *H, const double *g, const double *d, size_t np,
                             const lm_work *w, size_t m, double *y) {
    double pred = 0;
    for (size_t i = 0; i < np; i++) {
        double Hd = 0, Je = 0;
        for (size_t j = 0; j < np; j++) Hd += H[i * np + j] * d[j];
        for (size_t t = 0; t < m; t++) Je += w->J[i * m + t] * w->e[t];
        pred -= 2 * g[i] * d[i] + d[i] * Hd;
        y[i] = Je;
    }
    return pred;
}

/* Levenberg-Marquardt on the scaled errors with the Hessian J'J + S, where
   S stands for Σ e_t ∇²e_t, the curvature Gauss-Newton leaves out (which
   makes Gauss-Newton crawl, linearly, on ARMA likelihoods), learnt by
   secant updates from the change in J'e that J'J does not explain (Dennis,
   Gay and Welsch 1981). np + 1 filter runs a step (2np + 1 close in, where
   the Jacobian is by central differences) against about (np + 1)² for a
   Newton step with a numerical Hessian. Returns the iterations and in
   *state 1 when converged (the scaled gradient J'e/Σe² below 1e-8 with a
   central Jacobian, or Σ e² no longer falling while it is below 1e-5), 2
   when it crawls (three steps running gaining under a quarter of what the
   model predicts, or under 1e-7 of Σ e², while the gradient is above
   1e-5), 3 when an AR part tends to a unit root, 0 when it fails. */
static int gauss_newton(objective *o, double *x, size_t np, int *state) {
    size_t m = o->md->m;
    lm_work w = {malloc(m * sizeof(double)), malloc(m * sizeof(double)), malloc(m * np * sizeof(double)),
                 malloc(m * sizeof(double))};
    double A[64 * 64], H[64 * 64], S[64 * 64] = {0}, g[64], y[64], d[64], lambda = 1e-3, f = NAN;
    int it = 0, stalls = 0, poor = 0, central = 0, moved = 0;
    *state = 0;
    if (w.e && w.et && w.J && w.w) f = scaled_errors(o, x, w.e);
    while (isfinite(f) && it < 100) {
        it++;
        if (jacobian(o, x, np, w.e, central, w.J, w.w) != 0) break;
        normal_equations(w.J, w.e, m, np, A, g);
        if (moved) {                     /* y = J₊'e₊ - J'e₊, J'e₊ kept in y */
            for (size_t i = 0; i < np; i++) y[i] = g[i] - y[i];
            sr1_update(S, np, d, y);
        }
        for (size_t i = 0; i < np * np; i++) H[i] = A[i] + S[i];
        double gmax = 0, f0 = f;
        for (size_t i = 0; i < np; i++) gmax = fmax(gmax, fabs(g[i]) / f);
        if (central && (gmax < 1e-8 || stalls >= 2)) { *state = gmax < 1e-5 ? 1 : 2; break; }
        if (poor >= 3) { *state = 2; break; }
        if (ar_unit_root(o->md->sp, x)) { *state = 3; break; }
        for (size_t i = 0; i < np; i++) d[i] = x[i];
        moved = lm_step(o, x, np, H, g, &lambda, &w, &f);
        if (!moved) {
            if (central) { *state = gmax < 1e-5 ? 1 : 2; break; }
            central = 1;                 /* forward differences may mislead so close in */
            continue;
        }
        for (size_t i = 0; i < np; i++) d[i] = x[i] - d[i];
        double pred = predicted_fall(H, g, d, np, &w, m, y);
        poor = gmax > 1e-5 && (f0 - f < 0.25 * pred || f0 - f < 1e-7 * f0) ? poor + 1 : 0;
        if (f0 - f < 1e-8 * f0) central = 1;
        stalls = central && f0 - f <= 1e-14 * f0 ? stalls + 1 : 0;
    }
    free(w.e); free(w.et); free(w.J); free(w.w);
    return it;
}

/* Gauss-Newton, then Newton where it crawls. */
static int minimise(objective *o, double *x, size_t np, int max_newton, int *converged) {
    int state, it = gauss_newton(o, x, np, &state);
    *converged = state == 1 ? 1 : state == 3 ? -1 : 0;
    if (state == 2) it += newton(o, x, np, max_newton, converged);
    if (*converged == 0 && ar_unit_root(o->md->sp, x)) *converged = -1;
    return it;
}

/* q(θ) = Σ ln F + Σ v²/F / σ² at the parameters x; *ssq = Σ v²/F. */
static double q_of(model *md, const double *x, double sigma2, double *ssq) {
    double sl;
    *ssq = evaluate(md, x, &sl);
    return sl + *ssq / sigma2;
}

/* Covariance: the inverse of minus the Hessian of the full log-likelihood
   ℓ = -½(m ln 2πσ² + Σ ln F + S/σ²), S = Σ v²/F, in (parameters, σ²). The
   σ² row is exact (∂²ℓ/∂σ⁴ = m/2σ⁴ - S/σ⁶, ∂²ℓ/∂θ∂σ² = ½ ∂S/∂θ / σ⁴),
   the parameter block by central differences of ln F sums and S: 2np(np-1)
   + 2np + 1 filter runs. NaN when not invertible. */
static void hessian_cov(model *md, const double *par, double sigma2, double *cov) {
    size_t np = md->np, d = np + 1;
    double *x = malloc(d * sizeof *x), *h = malloc(d * sizeof *h), S0, S1, S2;
    gsl_matrix *H = gsl_matrix_alloc(d, d), *inv = gsl_matrix_alloc(d, d);
    gsl_permutation *perm = gsl_permutation_alloc(d);
    int ok = x && h && H && inv && perm, sign;
    if (ok) memcpy(x, par, np * sizeof *x);
    for (size_t i = 0; ok && i < np; i++) h[i] = 1e-4 * fmax(fabs(x[i]), 1e-2);
    double q0 = ok ? q_of(md, x, sigma2, &S0) : NAN, m = (double)md->m;
    for (size_t i = 0; ok && i < np; i++) {
        double xi = x[i];
        x[i] = xi + h[i]; double qp = q_of(md, x, sigma2, &S1);
        x[i] = xi - h[i]; double qm = q_of(md, x, sigma2, &S2);
        x[i] = xi;
        gsl_matrix_set(H, i, i, 0.5 * (qp - 2 * q0 + qm) / (h[i] * h[i]));
        double c = -0.5 * (S1 - S2) / (2 * h[i]) / (sigma2 * sigma2);
        gsl_matrix_set(H, i, np, c), gsl_matrix_set(H, np, i, c);
        for (size_t j = 0; j < i; j++) {
            double xj = x[j], f[4];
            for (int k = 0; k < 4; k++) {
                x[i] = xi + ((k & 1) ? -h[i] : h[i]);
                x[j] = xj + ((k & 2) ? -h[j] : h[j]);
                f[k] = q_of(md, x, sigma2, &S1);
            }
            x[i] = xi, x[j] = xj;
            double v = 0.5 * (f[0] - f[1] - f[2] + f[3]) / (4 * h[i] * h[j]);
            gsl_matrix_set(H, i, j, v), gsl_matrix_set(H, j, i, v);
        }
    }
    if (ok) gsl_matrix_set(H, np, np, -m / (2 * sigma2 * sigma2) + S0 / (sigma2 * sigma2 * sigma2));
    ok = ok && isfinite(q0) && gsl_linalg_LU_decomp(H, perm, &sign) == GSL_SUCCESS &&
         gsl_linalg_LU_invert(H, perm, inv) == GSL_SUCCESS;
    for (size_t i = 0; i < d * d; i++) cov[i] = ok ? inv->data[(i / d) * inv->tda + i % d] : NAN;
    free(x); free(h); gsl_matrix_free(H); gsl_matrix_free(inv); gsl_permutation_free(perm);
}

/* One optimisation from x (np values, unconstrained): its log-likelihood,
   or -inf when it fails; iterations and convergence in r. */
static double optimise_from(objective *o, double *x, size_t np, tn_arima_result *r, int *status) {
    double s2;
    to_natural(o->md->sp, x, o->par);
    if (!isfinite(concentrated(o->md, o->par, &s2))) { *status = -4; return -INFINITY; }
    r->iterations = minimise(o, x, np, r->candidate ? 20 : 100, &r->converged);
    *status = r->converged == 1 ? 0 : r->converged == -1 ? -5 : -2;
    to_natural(o->md->sp, x, o->par);
    double ll = concentrated(o->md, o->par, &s2);
    return *status == 0 && isfinite(ll) ? ll : -INFINITY;
}

/* Maximises from r->start (when given: a nested model's optimum, so the
   maximum is at least that model's), from the Hannan-Rissanen start (long
   AR of order p + q + 4), from a second one whose long AR has order ln² m
   (statsmodels' choice) when p + q >= 3, and from zero (x holds the
   regression start; the AR and MA values zero), and keeps the highest
   maximum in x: ARMA likelihoods have more than one mode (a near-cancelling
   φ and θ), the zero start sits between them and the HR start is usually
   near the global one (on China CPI ARMA(2,1) it finds ln L = -172.7 where
   statsmodels and R stop at -181.1), but not always (on 11 of the 500 W7
   series the zero start ends higher; the long-AR start adds 5.0 to
   ARMA(3,0,2) of log airline passengers, 1.9 to China PPI's and changes
   no ARMA(1,1) of W7, so it is kept for larger orders). A candidate of a
   search stops at the first start that converges. 0, or the status of the
   failure: -5 (a unit root) before -2 (no convergence) before -4. */
static int best_of_starts(objective *o, double *x, size_t np, tn_arima_result *r) {
    double starts[4][64], best = -INFINITY;
    int n = 0, found = -1, its = 0, unit_root = 0, stuck = 0, other = -2;
    const tn_arima_spec *sp = o->md->sp;
    size_t m = o->md->m, L1 = (size_t)(sp->p + sp->q + 4), L2 = 0;
    if (m > 10 && sp->p + sp->q >= 3) {          /* statsmodels' long AR: ln² m, room allowing */
        double lm = log((double)m);
        L2 = (size_t)fmin(floor(lm * lm), floor(((double)m - 10) / 4));
    }
    if (r->start && warm_start(sp, r->start, starts[n]) == 0) n++;
    int warm = n;
    memcpy(starts[n], x, np * sizeof *x);
    if (start_arma(o->md, starts[n], L1, starts[n] + sp->k) == 0) n++;
    memcpy(starts[n], x, np * sizeof *x);
    if (!r->candidate && L2 > L1 && start_arma(o->md, starts[n], L2, starts[n] + sp->k) == 0) n++;
    memcpy(starts[n++], x, np * sizeof *x);
    for (int i = 0; i < n && !(found >= 0 && r->candidate); i++) {
        int st;
        double ll = optimise_from(o, starts[i], np, r, &st);
        its += r->iterations;
        if (st == 0 && ll > best) best = ll, found = i;
        if (st == -5) unit_root = 1; else if (st == -2) stuck = 1; else if (st != 0) other = st;
        if (st == -5 && i >= warm) break;        /* the zero start would crawl there too */
    }
    r->iterations = its;
    if (found < 0) return unit_root ? -5 : stuck ? -2 : other;
    memcpy(x, starts[found], np * sizeof *x);
    return 0;
}

int tn_arima_fit(const tn_arima_spec *sp, const double *y, const double *X, size_t n, tn_arima_result *r) {
    model md;
    size_t np = tn_arima_nparams(sp);
    if (np > 60 || n <= (size_t)(sp->d + sp->D * sp->s) + np + 1) return -1;
    int st = model_init(&md, sp, y, X, n);
    if (st != 0) return st;
    double *x = calloc(np + 1, sizeof *x), *par = calloc(np + 1, sizeof *par);
    if (!x || !par) { free(x); free(par); model_free(&md); return -3; }
    start_beta(&md, x);
    objective o = {&md, par};
    r->iterations = 0, r->converged = 1;
    if (np > 0) st = best_of_starts(&o, x, np, r);
    if (st == 0) {
        to_natural(sp, x, r->params);
        r->loglik = concentrated(&md, r->params, &r->sigma2);
        memcpy(r->resid, md.v, md.m * sizeof *r->resid);
        if (r->cov) hessian_cov(&md, r->params, r->sigma2, r->cov);
    }
    free(x); free(par);
    model_free(&md);
    return st;
}

double tn_arima_loglik(const tn_arima_spec *sp, const double *y, const double *X, size_t n,
                       const double *params, double sigma2) {
    model md;
    if (model_init(&md, sp, y, X, n) != 0) return NAN;
    double ll = full_loglik(&md, params, sigma2);
    model_free(&md);
    return ll;
}

/* One forecast step on the augmented state s = [α; u_{t-1..t-D*}] (size
   R): mean and variance of u_t from c = (1, 0.., -δ_1, .., -δ_D*), then
   s <- G s, S <- G S G' + blockdiag(R R', 0). */
static void forecast_step(const model *md, const double *c, double *s, double *S, double *G, double *W,
                          double *mean, double *var) {
    size_t r = md->r, R = r + md->dstar;
    double mu = 0, v = 0;
    for (size_t i = 0; i < R; i++) {
        mu += c[i] * s[i];
        for (size_t j = 0; j < R; j++) v += c[i] * S[i * R + j] * c[j];
    }
    *mean = mu, *var = v;
    memset(G, 0, R * R * sizeof *G);
    for (size_t i = 0; i < r; i++) {
        G[i * R] = phi_at(md, i);
        if (i + 1 < r) G[i * R + i + 1] = 1;
    }
    if (md->dstar > 0) memcpy(G + r * R, c, R * sizeof *G);
    for (size_t i = r + 1; i < R; i++) G[i * R + i - 1] = 1;
    double *ns = W + R * R;
    for (size_t i = 0; i < R; i++) {
        double t = 0;
        for (size_t j = 0; j < R; j++) t += G[i * R + j] * s[j];
        ns[i] = t;
    }
    memcpy(s, ns, R * sizeof *s);
    for (size_t i = 0; i < R; i++)                 /* W = G S */
        for (size_t j = 0; j < R; j++) {
            double t = 0;
            for (size_t l = 0; l < R; l++) t += G[i * R + l] * S[l * R + j];
            W[i * R + j] = t;
        }
    for (size_t i = 0; i < R; i++)                 /* S = W G' + Q */
        for (size_t j = 0; j < R; j++) {
            double t = 0;
            for (size_t l = 0; l < R; l++) t += W[i * R + l] * G[j * R + l];
            S[i * R + j] = t + (i < r && j < r ? rvec(md, i) * rvec(md, j) : 0);
        }
}

int tn_arima_forecast(const tn_arima_spec *sp, const double *y, const double *X, size_t n,
                      const double *params, double sigma2, const double *Xf, size_t h,
                      double *mean, double *var) {
    model md;
    int st = model_init(&md, sp, y, X, n);
    if (st != 0) return st;
    double sl;
    if (!isfinite(evaluate(&md, params, &sl))) { model_free(&md); return -4; }
    size_t r = md.r, R = r + md.dstar, k = sp->k;
    double *s = calloc(R, sizeof *s), *S = calloc(R * R, sizeof *S), *c = calloc(R, sizeof *c);
    double *G = malloc(R * R * sizeof *G), *W = malloc((R * R + R) * sizeof *W);
    double *delta = delta_poly(sp, md.dstar);
    if (!s || !S || !c || !G || !W || !delta) st = -3;
    for (size_t i = 0; st == 0 && i < r; i++) {
        s[i] = md.a[i];
        for (size_t j = 0; j < r; j++) S[i * R + j] = md.P[i * r + j];
    }
    for (size_t j = 1; st == 0 && j <= md.dstar; j++) {          /* u_{n-j} = y - x'β */
        double u = y[n - j];
        for (size_t l = 0; l < k; l++) u -= X[l * n + n - j] * params[l];
        s[r + j - 1] = u;
        c[r + j - 1] = -delta[j];
    }
    if (st == 0) c[0] = 1;
    for (size_t t = 0; st == 0 && t < h; t++) {
        double mu, v;
        forecast_step(&md, c, s, S, G, W, &mu, &v);
        for (size_t l = 0; l < k; l++) mu += Xf[l * h + t] * params[l];
        mean[t] = mu, var[t] = v * sigma2;
    }
    free(s); free(S); free(c); free(G); free(W); free(delta);
    model_free(&md);
    return st;
}

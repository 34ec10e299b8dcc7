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
 * The optimiser (core/nlsq.c) minimises the scaled errors' sum of squares,
 * which is least where the concentrated likelihood is greatest, by
 * Levenberg-Marquardt with a secant-corrected Gauss-Newton Hessian (np + 1
 * filter runs a step); where that crawls it hands over to a damped Newton
 * method with a numerical Hessian. GSL's BFGS crawled along the ridges of ARMA
 * likelihoods (hundreds of iterations for an ARIMA(1,1,1)). It works on
 * unconstrained values: AR blocks are mapped through partial
 * autocorrelations r = u/sqrt(1+u²) and the Durbin-Levinson recursion
 * (Barndorff-Nielsen and Schou 1973), so every trial is stationary; MA
 * blocks likewise for -θ, so every trial is invertible.
 */
#include "core/arima.h"
#include "core/nlsq.h"

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
static double obj_f(void *ctx, const double *x) {
    objective *o = ctx;
    double s2;
    to_natural(o->md->sp, x, o->par);
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
static double scaled_errors(void *ctx, const double *x, double *e) {
    objective *o = ctx;
    model *md = o->md;
    double sl;
    to_natural(md->sp, x, o->par);
    double ssq = evaluate(md, o->par, &sl);
    if (!isfinite(ssq) || !(ssq > 0)) return NAN;
    double g = exp(sl / (2 * (double)md->m));
    for (size_t t = 0; t < md->m; t++) e[t] = md->F[t] == 1 ? md->v[t] * g : md->v[t] / sqrt(md->F[t]) * g;
    return ssq * g * g;
}

/* True when a partial autocorrelation of an AR block is past ±0.99999:
   the likelihood rises towards a unit root, so there is no maximum inside
   the stationary region to find (typically a trending series without its
   drift, or one difference too few). */
static int unit_root_ahead(void *ctx, const double *x) {
    const tn_arima_spec *sp = ((objective *)ctx)->md->sp;
    const double *u = x + sp->k, *su = u + sp->p + sp->q;
    for (int i = 0; i < sp->p; i++) if (fabs(u[i]) > 200) return 1;
    for (int i = 0; i < sp->P; i++) if (fabs(su[i]) > 200) return 1;
    return 0;
}

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
    tn_nlsq p = {np, o->md->m, scaled_errors, obj_f, unit_root_ahead, o, r->candidate ? 20 : 100};
    r->iterations = tn_nlsq_minimise(&p, x, &r->converged);
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

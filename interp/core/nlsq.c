/*
 * nlsq.c -- see nlsq.h.
 */
#include "core/nlsq.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Jacobian J (m × np, column-major) of the residuals e at x by forward
   differences, or central ones (central = 1) for the last, short steps,
   where the gradient J'e must be accurate. -1 when no side is admissible. */
static int jacobian(const tn_nlsq *p, double *x, size_t np, const double *e, int central, double *J, double *w) {
    size_t m = p->m;
    for (size_t i = 0; i < np; i++) {
        double xi = x[i], h = (central ? 1e-5 : 1e-7) * fmax(1, fabs(xi)), *col = J + i * m;
        x[i] = xi + h;
        double fp = p->resid(p->ctx, x, col);
        if (central || !isfinite(fp)) {
            x[i] = xi - h;
            double fm = p->resid(p->ctx, x, w);
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
static int lm_step(const tn_nlsq *p, double *x, size_t np, const double *A, const double *g, double *lambda,
                   lm_work *w, double *f) {
    double d[64], xt[64];
    for (int tries = 0; tries < 16; tries++, *lambda *= 10) {
        if (damped_step(A, g, np, *lambda, d) != 0) continue;
        for (size_t i = 0; i < np; i++) xt[i] = x[i] + d[i];
        double ft = p->resid(p->ctx, xt, w->et);
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

static double step_of(double x) { return 1e-4 * (1 + fabs(x)); }

/* Gradient of f at x by central differences; returns f(x). */
static double gradient(const tn_nlsq *p, double *x, size_t np, double *g) {
    double f0 = p->objective(p->ctx, x);
    for (size_t i = 0; i < np; i++) {
        double xi = x[i], h = step_of(xi) * 1e-1;
        x[i] = xi + h;
        double fp = p->objective(p->ctx, x);
        x[i] = xi - h;
        double fm = p->objective(p->ctx, x);
        x[i] = xi;
        g[i] = (fp - fm) / (2 * h);
    }
    return f0;
}

/* Hessian of f at x by central second differences. */
static void hessian(const tn_nlsq *p, double *x, size_t np, double f0, double *H) {
    for (size_t i = 0; i < np; i++)
        for (size_t j = i; j < np; j++) {
            double xi = x[i], xj = x[j], hi = step_of(xi), hj = step_of(xj), f[4];
            for (int c = 0; c < 4; c++) {
                if (i == j && (c == 1 || c == 2)) { f[c] = f0; continue; }
                x[i] = xi + ((c & 1) ? -hi : hi);
                if (i != j) x[j] = xj + ((c & 2) ? -hj : hj);
                else x[i] = xi + ((c & 1) ? -2 * hi : 2 * hi);
                f[c] = p->objective(p->ctx, x);
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

/* The fallback for where Gauss-Newton crawls (in ARIMA: near-cancelling
   AR and MA factors, whose curvature J'J misses): Levenberg-Marquardt-
   damped Newton on the objective, the Hessian by central
   differences (each step for up to 5 coefficients; for more, every eighth
   step and after a failed one, with BFGS updates in between);
   central-difference gradients. Leaves the optimum in x;
   returns the iterations. Converged when the gradient is below 1e-7 or f
   stops moving (1e-14 relative) three steps running. */
static int newton(const tn_nlsq *p, double *x, size_t np, int max_it, int *converged) {
    double g[64], gn[64], H[64 * 64], d[64], xt[64], lambda = 1e-3;
    int it = 0, stalls = 0, fresh = 1;
    double f0 = gradient(p, x, np, g);
    hessian(p, x, np, f0, H);
    *converged = 0;
    while (it < max_it) {
        it++;
        if (p->stop && p->stop(p->ctx, x)) break;
        double gmax = 0;
        for (size_t i = 0; i < np; i++) gmax = fmax(gmax, fabs(g[i]));
        if (gmax < 1e-7 || stalls >= 3) { *converged = 1; break; }
        int moved = 0;
        for (int tries = 0; tries < 12 && !moved; tries++) {
            if (damped_step(H, g, np, lambda, d) == 0) {
                for (size_t i = 0; i < np; i++) xt[i] = x[i] + d[i];
                double f1 = p->objective(p->ctx, xt);
                if (f1 <= f0) {
                    stalls = f0 - f1 < 1e-14 * (1 + fabs(f0)) ? stalls + 1 : 0;
                    f0 = gradient(p, xt, np, gn);
                    for (size_t i = 0; i < np; i++) d[i] = xt[i] - x[i], gn[i] -= g[i];
                    for (size_t i = 0; i < np; i++) g[i] += gn[i];
                    memcpy(x, xt, np * sizeof *x);
                    /* few parameters: a fresh Hessian each step (ARMA ridges defeat
                       BFGS); many: BFGS updates, refreshed every eighth step */
                    if (np <= 5 || it % 8 == 0) hessian(p, x, np, f0, H);
                    else bfgs_update(H, np, d, gn);
                    lambda = fmax(lambda / 10, 1e-12);
                    moved = 1, fresh = 0;
                }
            }
            if (!moved) lambda *= 10;
        }
        if (!moved) {
            if (fresh) { *converged = gmax < 1e-5; break; }
            hessian(p, x, np, f0, H);           /* the approximation went stale: start again */
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

/* Levenberg-Marquardt on the residuals with the Hessian J'J + S, where
   S stands for Σ e_t ∇²e_t, the curvature Gauss-Newton leaves out (which
   makes Gauss-Newton crawl, linearly, on ARMA likelihoods), learnt by
   secant updates from the change in J'e that J'J does not explain (Dennis,
   Gay and Welsch 1981). np + 1 residual evaluations a step (2np + 1
   close in, where the Jacobian is by central differences) against about
   (np + 1)² for a Newton step with a numerical Hessian. Returns the
   iterations and in *state 1 when converged (the scaled gradient J'e/Σe²
   below 1e-8 with a central Jacobian, or Σ e² no longer falling while it
   is below 1e-5, or Σ e² fallen below 1e-24 of its start: residuals that
   vanish), 2 when it crawls (three steps running gaining under a quarter
   of what the model predicts, or under 1e-7 of Σ e², while the gradient is
   above 1e-5), 3 when stop() says so, 0 when it fails. */
static int gauss_newton(const tn_nlsq *p, double *x, size_t np, int *state) {
    size_t m = p->m;
    lm_work w = {malloc(m * sizeof(double)), malloc(m * sizeof(double)), malloc(m * np * sizeof(double)),
                 malloc(m * sizeof(double))};
    double A[64 * 64], H[64 * 64], S[64 * 64] = {0}, g[64], y[64], d[64], lambda = 1e-3, f = NAN;
    int it = 0, stalls = 0, poor = 0, central = 0, moved = 0;
    *state = 0;
    if (w.e && w.et && w.J && w.w) f = p->resid(p->ctx, x, w.e);
    double f_start = f;
    while (isfinite(f) && it < 100) {
        it++;
        if (f <= 1e-24 * f_start) { *state = 1; break; }   /* a zero-residual problem, solved */
        if (jacobian(p, x, np, w.e, central, w.J, w.w) != 0) break;
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
        if (p->stop && p->stop(p->ctx, x)) { *state = 3; break; }
        for (size_t i = 0; i < np; i++) d[i] = x[i];
        moved = lm_step(p, x, np, H, g, &lambda, &w, &f);
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

int tn_nlsq_minimise(const tn_nlsq *p, double *x, int *converged) {
    size_t np = p->n;
    int state, it = gauss_newton(p, x, np, &state);
    *converged = state == 1 ? 1 : state == 3 ? -1 : 0;
    if (state == 2) it += newton(p, x, np, p->max_newton, converged);
    if (*converged == 0 && p->stop && p->stop(p->ctx, x)) *converged = -1;
    return it;
}

/* q(θ) = Σ ln F + Σ v²/F / σ² at the parameters x; *ssq = Σ v²/F. */

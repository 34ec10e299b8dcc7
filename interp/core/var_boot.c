/*
 * var_boot.c -- the residual bootstrap of VAR impulse responses (see
 * tn_var_bootstrap in var.h), the one long computation of tsa.var.
 *
 * Each draw rebuilds the data from resampled residuals and refits all K
 * equations at once: one Householder QR of the augmented T × (m + K)
 * matrix [Z | Y], fed 64 rows at a time into its triangular factor R (no
 * allocation per draw, everything in L1), gives R11 (the regressors'
 * factor), R12 = Q1'Y, whence B = R11^-1 R12, and R22 with E'E =
 * R22'R22: the Cholesky factor of Σ_u = E'E/(T - m) is R22' (rows signed
 * so the diagonal is positive) over sqrt(T - m), so the residuals and
 * their covariance are never formed. A stable least-squares solve: the
 * normal equations are never formed either. Responses come from the
 * left-hand MA recursion Θ_h = Σ_j A_j Θ_{h-j}, Θ_0 = P.
 *
 * Draws are shared by threads (an atomic counter hands out blocks); draw b
 * takes its residual rows from its own xoshiro256** stream seeded from
 * (seed, b), and writes its responses to its own row of the draws table,
 * so the bands are the same bit for bit whatever the number of threads.
 * The quantiles are then taken column by column by selection, not sorting.
 */
#include "core/var.h"

#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/interrupt.h"

/* The QR's loops are compiled twice on x86-64: for the baseline (SSE2) and
   for AVX2, chosen at load time by the CPU. The same operations in the
   same order (no FMA: ISO C mode does not contract a*b+c), so both give
   the same bits; AVX2 does four doubles an instruction instead of two.
   Not in the sanitizer builds, whose run-times may not be ready when the
   loader resolves the choice. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define HOT_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define HOT_CLONES
#endif

/* ---------------------------------------------------------- generator */

typedef struct { uint64_t s[4]; } draw_rng;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* Draw b's stream: the state is four splitmix64 outputs from a start that
   is a bijection of b for a given seed, so no two draws share a stream. */
static void rng_seed(draw_rng *r, uint64_t seed, uint64_t b) {
    uint64_t x = seed;
    x = splitmix64(&x) ^ b;
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rng_next(draw_rng *r) {          /* xoshiro256** */
    uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t; s[3] = rotl(s[3], 45);
    return out;
}

/* Uniform on 0..n-1 (n < 2^32) without bias: Lemire's multiply-and-reject. */
static inline size_t rng_below(draw_rng *r, uint32_t n) {
    uint64_t m = (rng_next(r) >> 32) * n;
    if ((uint32_t)m < n) {
        uint32_t floor_ = (uint32_t)(-n) % n;
        while ((uint32_t)m < floor_) m = (rng_next(r) >> 32) * n;
    }
    return (size_t)(m >> 32);
}

/* ------------------------------------------------------------ one draw */

typedef struct {
    const tn_var *v;
    const double *Y0;        /* the first p rows the data are rebuilt from */
    const double *Bt;        /* the lag coefficients by equation (lagged_rows) */
    size_t H, E, reps, next; /* E = (H+1)K² values a draw; next: the counter */
    int orth, status;        /* status: first failure (-2), or -5 interrupted */
    uint64_t seed;
    double *draws;           /* reps × E */
} boot_job;

typedef struct {
    double *Ys;              /* (p + T) × K, row-major */
    double *A;               /* tn_var_lsq's workspace */
    double *B, *lags, *P;
} boot_work;

/* Eight partial sums: the compiler keeps them in four vector registers, so
   the adds are not one chain waiting on its own latency. */
static inline double dot(const double *a, const double *b, size_t n) {
    double s[8] = {0};
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (size_t k = 0; k < 8; k++) s[k] += a[i + k] * b[i + k];
    for (; i < n; i++) s[0] += a[i] * b[i];
    return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
}

/* Ys rows p.. from draw b's resampled residuals and the fitted model:
   y_t = c + u + Σ_j A_j y_{t-j}, each element one dot product of the
   rows t-p..t-1 (contiguous in Ys) with its row of Bt (K × pK, see
   lagged_rows), so nothing is stored and reloaded inside the sum. */
static void rebuild(const tn_var *v, const double *Y0, const double *Bt, draw_rng *rng, double *Ys) {
    size_t K = v->K, p = v->p, T = v->T, c = (size_t)v->trend;
    memcpy(Ys, Y0, p * K * sizeof *Ys);
    for (size_t t = p; t < p + T; t++) {
        double *y = Ys + t * K;
        const double *u = v->resid + rng_below(rng, (uint32_t)T) * K, *z = Ys + (t - p) * K;
        for (size_t i = 0; i < K; i++) y[i] = (u[i] + (c ? v->B[i] : 0)) + dot(z, Bt + i * p * K, p * K);
    }
}

/* Bt[i][(p - j)K + q] = coefficient of y_{t-j,q} in equation i: the lag
   coefficients in the order the rows t-p..t-1 lie in memory. */
static void lagged_rows(const tn_var *v, double *Bt) {
    size_t K = v->K, p = v->p, c = (size_t)v->trend;
    for (size_t i = 0; i < K; i++)
        for (size_t j = 1; j <= p; j++)
            for (size_t q = 0; q < K; q++) Bt[i * p * K + (p - j) * K + q] = v->B[(c + (j - 1) * K + q) * K + i];
}

/* Rows t0 .. t0+c-1 of the augmented matrix [Z | Y] of Ys into C,
   column-major with c rows. */
static void augmented_rows(const tn_var *v, const double *Ys, size_t t0, size_t c, double *C) {
    size_t K = v->K, p = v->p, trend = (size_t)v->trend, m = v->m;
    if (trend) for (size_t t = 0; t < c; t++) C[t] = 1;
    for (size_t j = 0; j <= p; j++)               /* lag j of variable q: column trend+(j-1)K+q; Y: m+q */
        for (size_t q = 0; q < K; q++) {
            double *col = C + (j ? trend + (j - 1) * K + q : m + q) * c;
            const double *src = Ys + (p + t0 - j) * K + q;
            for (size_t t = 0; t < c; t++) col[t] = src[t * K];
        }
}

/* ||x||, scaled when the plain sum of squares would over- or underflow. */
static double norm2(const double *x, size_t n) {
    double ss = dot(x, x, n);
    if (ss < 1e300 && (ss > 1e-290 || ss == 0)) return sqrt(ss);
    double amax = 0, s = 0;
    for (size_t i = 0; i < n; i++) amax = fmax(amax, fabs(x[i]));
    if (!(amax > 0) || !isfinite(amax)) return amax;
    for (size_t i = 0; i < n; i++) s += (x[i] / amax) * (x[i] / amax);
    return amax * sqrt(s);
}

/* R <- the triangular factor of [R; C]: R is n × n upper triangular
   (column-major), C is c × n (column-major, destroyed). Householder
   reflectors that each zero column k of C against R[k][k] (R's zeros
   below the diagonal stay zero): the rows of the data pass through in
   blocks that fit the L1 cache with R, which is what bounds the speed,
   and the flops are those of one Householder QR of all the rows. */
HOT_CLONES static void qr_add_rows(double *R, size_t n, double *C, size_t c) {
    for (size_t k = 0; k < n; k++) {
        double *x = C + k * c, xnorm = norm2(x, c);
        if (xnorm == 0) continue;                /* nothing to zero: H = I */
        double alpha = R[k * n + k];
        double len = xnorm < 1e150 && fabs(alpha) < 1e150 ? sqrt(alpha * alpha + xnorm * xnorm) : hypot(alpha, xnorm);
        double beta = -copysign(len, alpha);
        double tau = (beta - alpha) / beta, scale = 1 / (alpha - beta);
        for (size_t i = 0; i < c; i++) x[i] *= scale;
        R[k * n + k] = beta;
        for (size_t j = k + 1; j < n; j++) {     /* (r_kj, a_j) -= tau (r_kj + v'a_j) (1, v) */
            double *a = C + j * c;
            double w = tau * (R[j * n + k] + dot(x, a, c));
            R[j * n + k] -= w;
            for (size_t i = 0; i < c; i++) a[i] -= w * x[i];
        }
    }
}

/* B (m × K, tn_var's layout) from R11 B = R12, and when P is given the
   Cholesky factor of Σ_u from R22 (R: n × n column-major, n = m + K).
   -2 when R11 is (near) singular or the residual covariance is. */
static int solve_from_r(const tn_var *v, const double *R, double *B, double *P) {
    size_t K = v->K, T = v->T, m = v->m, n = m + K;
    double rmax = 0;
    for (size_t r = 0; r < m; r++) rmax = fmax(rmax, fabs(R[r * n + r]));
    for (size_t r = 0; r < m; r++)
        if (!(fabs(R[r * n + r]) > 1e-12 * rmax)) return -2;
    for (size_t i = 0; i < K; i++) {
        const double *rhs = R + (m + i) * n;
        for (size_t r = m; r-- > 0;) {
            double s = rhs[r];
            for (size_t q = r + 1; q < m; q++) s -= R[q * n + r] * B[q * K + i];
            B[r * K + i] = s / R[r * n + r];
        }
    }
    if (!P) return 0;
    double d = 1 / sqrt((double)(T - m));
    for (size_t i = 0; i < K; i++) {             /* P[i][s] = sign_s R22[s][i] / sqrt(T - m) */
        double rii = R[(m + i) * n + m + i];
        if (!(fabs(rii) > 0) || !isfinite(rii)) return -2;
        for (size_t s = 0; s < K; s++) {
            double rs = R[(m + s) * n + m + s];
            P[i * K + s] = s > i ? 0 : copysign(d, rs) * R[(m + i) * n + m + s];
        }
    }
    return 0;
}

int tn_var_lsq(const tn_var *v, const double *Ys, double *A, double *B, double *P) {
    size_t n = v->m + v->K;
    double *R = A, *C = A + n * n;
    memset(R, 0, n * n * sizeof *R);
    for (size_t t0 = 0; t0 < v->T; t0 += TN_VAR_LSQ_ROWS) {
        size_t c = v->T - t0 < TN_VAR_LSQ_ROWS ? v->T - t0 : TN_VAR_LSQ_ROWS;
        augmented_rows(v, Ys, t0, c, C);
        qr_add_rows(R, n, C, c);
    }
    return solve_from_r(v, R, B, P);
}

void tn_var_responses(const double *A, size_t K, size_t p, size_t H, const double *P, double *out) {
    size_t KK = K * K;
    memset(out, 0, (H + 1) * KK * sizeof *out);
    if (P) memcpy(out, P, KK * sizeof *out);
    else for (size_t i = 0; i < K; i++) out[i * K + i] = 1;
    for (size_t h = 1; h <= H; h++)
        for (size_t j = 1; j <= p && j <= h; j++)
            tn_var_matmul_acc(K, A + (j - 1) * KK, out + (h - j) * KK, out + h * KK);
}

static int one_draw(const boot_job *job, boot_work *w, size_t b, double *out) {
    const tn_var *v = job->v;
    draw_rng rng;
    rng_seed(&rng, job->seed, b);
    rebuild(v, job->Y0, job->Bt, &rng, w->Ys);
    int st = tn_var_lsq(v, w->Ys, w->A, w->B, job->orth ? w->P : NULL);
    if (st != 0) return st;
    tn_var_lag_matrices(w->B, v->K, v->p, v->trend, w->lags);
    tn_var_responses(w->lags, v->K, v->p, job->H, job->orth ? w->P : NULL, out);
    return 0;
}

/* ------------------------------------------------------------- threads */

#define BLOCK 4     /* draws handed out at a time */

static void *draw_worker(void *arg) {
    boot_job *job = arg;
    const tn_var *v = job->v;
    size_t K = v->K, n = v->m + K;
    boot_work w;
    w.Ys = malloc((v->p + v->T) * K * sizeof *w.Ys);
    w.A = malloc((n + TN_VAR_LSQ_ROWS) * n * sizeof *w.A);
    w.B = malloc(v->m * K * sizeof *w.B);
    w.lags = malloc((v->p ? v->p : 1) * K * K * sizeof *w.lags);
    w.P = malloc(K * K * sizeof *w.P);
    int st = w.Ys && w.A && w.B && w.lags && w.P ? 0 : -3;
    while (st == 0) {
        size_t b0 = __atomic_fetch_add(&job->next, BLOCK, __ATOMIC_RELAXED);
        if (b0 >= job->reps || __atomic_load_n(&job->status, __ATOMIC_RELAXED) != 0) break;
        if (__atomic_load_n(&tn_interrupt_flag, __ATOMIC_RELAXED)) { st = -5; break; }
        for (size_t b = b0; st == 0 && b < b0 + BLOCK && b < job->reps; b++)
            st = one_draw(job, &w, b, job->draws + b * job->E);
    }
    if (st != 0) {
        int zero = 0;
        __atomic_compare_exchange_n(&job->status, &zero, st, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
    }
    free(w.Ys); free(w.A); free(w.B); free(w.lags); free(w.P);
    return NULL;
}

unsigned tn_var_threads(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (unsigned)n;
}

/* Runs fn(arg) on threads threads (the caller's included); a thread that
   cannot be started leaves its share to the others. The helpers block
   every signal, so Ctrl-C reaches the caller's thread, whose handler arms
   the Lua hook (host.c), as without threads. */
static void run_threads(void *(*fn)(void *), void *arg, unsigned threads) {
    pthread_t tid[8];                     /* threads < 1 counts as 1, > 8 as 8 */
    unsigned started = 0;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    for (unsigned i = 1; i < threads && i < 8; i++)
        if (pthread_create(&tid[started], NULL, fn, arg) == 0) started++;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    fn(arg);
    for (unsigned i = 0; i < started; i++) pthread_join(tid[i], NULL);
}

/* ----------------------------------------------------------- quantiles */

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The k-th smallest of x[0..n-1] (0-based, no NaN), reordering x so that
   x[..k-1] <= x[k] <= x[k+1..]: Hoare's FIND as Wirth writes it, with the
   median of three as pivot; a range that shrinks too slowly is sorted, so
   no input makes it quadratic. */
static double select_kth(double *x, size_t n, size_t k) {
    ptrdiff_t l = 0, r = (ptrdiff_t)n - 1, kk = (ptrdiff_t)k;
    for (int rounds = 0; l < r; rounds++) {
        if (rounds > 64) { qsort(x + l, (size_t)(r - l + 1), sizeof *x, by_value); break; }
        double a = x[l], b = x[l + (r - l) / 2], c = x[r];
        double pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
        ptrdiff_t i = l, j = r;
        do {
            while (x[i] < pivot) i++;
            while (pivot < x[j]) j--;
            if (i <= j) { double t = x[i]; x[i] = x[j]; x[j] = t; i++; j--; }
        } while (i <= j);
        if (j < kk) l = i;
        if (kk < i) r = j;
    }
    return x[kk];
}

#define TAIL 64      /* order statistics this close to an end are kept, not selected */

/* The s <= TAIL smallest (sign 1) or largest (sign -1) values of x, in
   that order, into buf: one pass that mostly only compares with buf's
   last value (draws come in random order), no mispredicted partitions. */
static void extremes(const double *x, size_t n, size_t s, int sign, double *buf) {
    size_t have = 0;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (have == s && !(sign > 0 ? v < buf[s - 1] : v > buf[s - 1])) continue;
        size_t j = have < s ? have++ : s - 1;
        while (j > 0 && (sign > 0 ? buf[j - 1] > v : buf[j - 1] < v)) buf[j] = buf[j - 1], j--;
        buf[j] = v;
    }
}

/* Type-7 quantile f of x (n values, no NaN; may be reordered), as GSL's
   gsl_stats_quantile_from_sorted_data on the sorted values: order
   statistics lhs and lhs + 1 from a tail when they are near an end,
   else by selection. */
static double quantile7(double *x, size_t n, double f) {
    double index = f * (double)(n - 1), a, b, buf[TAIL] = {0};
    size_t lhs = (size_t)index, next = lhs + 1 < n ? lhs + 1 : lhs;
    double delta = index - (double)lhs;
    if (next + 1 <= TAIL) {
        extremes(x, n, next + 1, 1, buf);
        a = buf[lhs], b = buf[next];
    } else if (n - lhs <= TAIL) {
        extremes(x, n, n - lhs, -1, buf);
        a = buf[n - 1 - lhs], b = buf[n - 1 - next];
    } else {
        a = select_kth(x, n, lhs), b = x[next];
        for (size_t i = next + 1; i < n; i++) b = x[i] < b ? x[i] : b;
    }
    if (lhs + 1 >= n) return a;
    return (1 - delta) * a + delta * b;
}

typedef struct {
    const double *draws;
    size_t reps, E, next;
    double level, *lo, *hi;
    int status;              /* -3 when a thread had no memory for its columns */
} band_job;

#define COLS 8      /* columns gathered at a time: one cache line a draw */

static void *band_worker(void *arg) {
    band_job *job = arg;
    double *col = malloc(COLS * job->reps * sizeof *col);
    if (!col) __atomic_store_n(&job->status, -3, __ATOMIC_RELAXED);
    while (col) {
        size_t e0 = __atomic_fetch_add(&job->next, COLS, __ATOMIC_RELAXED);
        if (e0 >= job->E) break;
        size_t ne = job->E - e0 < COLS ? job->E - e0 : COLS;
        for (size_t b = 0; b < job->reps; b++)
            for (size_t e = 0; e < ne; e++) col[e * job->reps + b] = job->draws[b * job->E + e0 + e];
        for (size_t e = 0; e < ne; e++) {
            double *x = col + e * job->reps;
            int missing = 0;
            for (size_t b = 0; b < job->reps; b++) missing |= isnan(x[b]);
            job->lo[e0 + e] = missing ? NAN : quantile7(x, job->reps, (1 - job->level) / 2);
            job->hi[e0 + e] = missing ? NAN : quantile7(x, job->reps, (1 + job->level) / 2);
        }
    }
    free(col);
    return NULL;
}

int tn_var_boot_draws(const tn_var *v, const double *Y, size_t n, size_t H, int orth, size_t reps,
                      unsigned long seed, unsigned threads, double *draws) {
    if (v->T >= UINT32_MAX) return -2;
    double *Bt = malloc((v->p ? v->p : 1) * v->K * v->K * sizeof *Bt);
    if (!Bt) return -3;
    lagged_rows(v, Bt);
    boot_job job = {v, Y + (n - v->T - v->p) * v->K, Bt, H, (H + 1) * v->K * v->K, reps, 0, orth, 0, seed, draws};
    run_threads(draw_worker, &job, threads);
    free(Bt);
    return job.status;
}

int tn_var_bands(const double *draws, size_t reps, size_t E, double level, unsigned threads,
                 double *lo, double *hi) {
    band_job job = {draws, reps, E, 0, level, lo, hi, 0};
    run_threads(band_worker, &job, threads);
    return job.status;
}

int tn_var_bootstrap(const tn_var *v, const double *Y, size_t n, size_t H, int orth, size_t reps,
                     unsigned long seed, double level, unsigned threads, double *lo, double *hi) {
    size_t E = (H + 1) * v->K * v->K;
    if (reps > SIZE_MAX / sizeof(double) / E) return -3;
    double *draws = malloc(reps * E * sizeof *draws);
    if (!draws) return -3;
    int st = tn_var_boot_draws(v, Y, n, H, orth, reps, seed, threads, draws);
    if (st == 0) st = tn_var_bands(draws, reps, E, level, threads, lo, hi);
    free(draws);
    return st;
}

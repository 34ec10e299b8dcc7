/*
 * window.c -- rolling and expanding window statistics, z-scores, percentile
 * ranks and exponentially weighted means.
 *
 * A rolling window of w periods ending at t covers t-w+1 .. t: trailing, and
 * including t. Missing values inside the window are skipped; the result is
 * missing when fewer than min_obs values are present (default: all w, as
 * pandas' min_periods=w and NA propagation in R and gretl). An expanding
 * window covers everything up to t (default min_obs 1).
 *
 * Every statistic is O(1) per step (mean, sum, var, std by running shifted
 * sums restarted exactly every window, Welford's update when expanding; min and max by a
 * monotonic queue) or O(log n) (median, quantile, pct_rank by a Fenwick tree
 * over the ranks of the values), so a window never makes a pass quadratic.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/interrupt.h"
#include "series/methods.h"
#include "series/opts.h"
#include "series/series.h"

enum { ST_MEAN, ST_SUM, ST_STD, ST_VAR, ST_MIN, ST_MAX, ST_MEDIAN, ST_QUANTILE, ST_COUNT,
       ST_ZSCORE, ST_PCT_RANK };
static const char *const stat_names[] = {
    "mean", "sum", "std", "var", "min", "max", "median", "quantile", "count", NULL
};

typedef struct {
    size_t w;          /* window length; 0 = expanding */
    size_t min_obs;
    int stat;
    double q;          /* quantile */
    int ddof;
} window_spec;

/* --------------------------------------------------- running moments */

typedef struct { double mean, m2; size_t n; } moments;

static void moments_add(moments *m, double x) {
    m->n++;
    double d = x - m->mean;
    m->mean += d / (double)m->n;
    m->m2 += d * (x - m->mean);
}

static double moments_stat(const moments *m, const window_spec *sp, double x) {
    double var = m->n > (size_t)sp->ddof ? m->m2 / (double)(m->n - (size_t)sp->ddof) : NAN;
    switch (sp->stat) {
    case ST_MEAN: return m->mean;
    case ST_SUM: return m->mean * (double)m->n;
    case ST_VAR: return var;
    case ST_STD: return sqrt(var);
    case ST_COUNT: return (double)m->n;
    default:     /* ST_ZSCORE: x against the window's own mean and sd */
        return isnan(x) || !(var > 0) ? NAN : (x - m->mean) / sqrt(var);
    }
}

/* Two-pass moments of x[a..b]: the exact restart point for the updates. */
static moments moments_exact(const double *x, size_t a, size_t b) {
    moments m = {0, 0, 0};
    double sum = 0;
    for (size_t i = a; i <= b; i++) if (!isnan(x[i])) { sum += x[i]; m.n++; }
    if (m.n == 0) return m;
    m.mean = sum / (double)m.n;
    double c = 0;
    for (size_t i = a; i <= b; i++) {
        if (isnan(x[i])) continue;
        double d = x[i] - m.mean;
        m.m2 += d * d;
        c += d;
    }
    m.mean += c / (double)m.n;
    m.m2 -= c * c / (double)m.n;
    return m;
}

/* Expanding windows: Welford's update, stable without restarts. */
static void expand_moments(const double *x, double *r, size_t n, const window_spec *sp) {
    moments m = {0, 0, 0};
    for (size_t t = 0; t < n; t++) {
        if (tn_interrupt_due(t)) return;           /* run_window raises */
        if (!isnan(x[t])) moments_add(&m, x[t]);
        r[t] = m.n >= sp->min_obs && m.n > 0 ? moments_stat(&m, sp, x[t]) : NAN;
    }
}

/* Rolling windows: sums of x − K and (x − K)² as values enter and leave,
   with K the window's mean at the last restart, or its first value while
   no restart has happened (unshifted sums of 1e8 + {1..8} lose every digit
   of the variance). Every w steps the window is recomputed exactly (two
   passes) and K moved, so the sums stay small and rounding never builds
   up; the cost stays O(n), with no division a step. A window whose values
   are all equal has variance exactly 0 (and z-score NA, as pandas): the
   updated sums would leave a rounding residue there, so the last change of
   value is tracked and such windows are answered exactly. */
static void roll_moments(const double *x, double *r, size_t n, const window_spec *sp) {
    double K = 0, s1 = 0, s2 = 0, last = NAN;
    size_t k = 0, last_i = 0, change = 0;   /* a window starting at or after change holds one value */
    int full_fast = (sp->stat == ST_MEAN || sp->stat == ST_STD || sp->stat == ST_VAR) && sp->w > (size_t)sp->ddof;
    double inv_w = 1 / (double)sp->w, inv_wd = full_fast ? 1 / (double)(sp->w - (size_t)sp->ddof) : 0;
    for (size_t t = 0; t < n; t++) {
        if (tn_interrupt_due(t)) return;           /* run_window raises */
        if (!isnan(x[t])) {
            if (!isnan(last) && x[t] != last) change = last_i + 1;
            last = x[t], last_i = t;
        }
        if (t >= sp->w && t % sp->w == 0) {
            moments m = moments_exact(x, t - sp->w + 1, t);
            K = m.mean, s1 = 0, s2 = m.m2, k = m.n;
        } else {
            double a = x[t];
            if (!isnan(a)) {
                if (k == 0) K = a, s1 = 0, s2 = 0;   /* empty window: anchor at this value */
                a -= K; s1 += a; s2 += a * a; k++;
            }
            if (t >= sp->w) {
                double b = x[t - sp->w];
                if (!isnan(b)) { b -= K; s1 -= b; s2 -= b * b; k--; }
            }
        }
        if (sp->stat == ST_COUNT) { r[t] = k >= sp->min_obs ? (double)k : NAN; continue; }
        if (k < sp->min_obs || k == 0) { r[t] = NAN; continue; }
        int constant = change + sp->w <= t + 1;    /* the window starts at or after change */
        double mean = constant ? last : K + s1 * (k == sp->w ? inv_w : 1 / (double)k);
        double m2 = constant ? 0 : s2 - s1 * (s1 * (k == sp->w ? inv_w : 1 / (double)k));
        if (m2 < 0) m2 = 0;
        if (k == sp->w && full_fast) {      /* a full window: multiply by 1/w, no divisions */
            double var = m2 * inv_wd;
            r[t] = sp->stat == ST_MEAN ? mean : sp->stat == ST_VAR ? var : sqrt(var);
            continue;
        }
        moments m = {mean, m2, k};
        r[t] = moments_stat(&m, sp, x[t]);
    }
}

/* Sum with Neumaier compensation: window sums of long series stay exact
   to rounding instead of drifting with every add and remove. */
static void roll_sum(const double *x, double *r, size_t n, const window_spec *sp) {
    double s = 0, c = 0;
    size_t k = 0;
    for (size_t t = 0; t < n; t++) {
        if (tn_interrupt_due(t)) return;           /* run_window raises */
        for (int pass = 0; pass < 2; pass++) {
            double v = pass == 0 ? x[t] : (sp->w && t >= sp->w ? -x[t - sp->w] : NAN);
            if (isnan(v)) continue;
            double u = s + v;
            c += fabs(s) >= fabs(v) ? (s - u) + v : (v - u) + s;
            s = u;
            k += pass == 0 ? 1 : (size_t)-1;
        }
        r[t] = k >= sp->min_obs && k > 0 ? s + c : NAN;
    }
}

/* ------------------------------------------------ min and max (deque) */

/* Expanding min or max: a running extreme, no queue needed. */
static void expand_extreme(const double *x, double *r, size_t n, const window_spec *sp) {
    double best = NAN;
    size_t k = 0;
    int want_max = sp->stat == ST_MAX;
    for (size_t t = 0; t < n; t++) {
        if (tn_interrupt_due(t)) return;           /* run_window raises */
        double v = x[t];
        if (!isnan(v)) {
            if (k == 0 || (want_max ? v > best : v < best)) best = v;
            k++;
        }
        r[t] = k >= sp->min_obs && k > 0 ? best : NAN;
    }
}

static void roll_extreme(const double *x, double *r, size_t n, const window_spec *sp,
                         size_t *dq) {
    size_t head = 0, tail = 0, k = 0;
    int want_max = sp->stat == ST_MAX;
    for (size_t t = 0; t < n; t++) {
        if (tn_interrupt_due(t)) return;           /* run_window raises */
        if (!isnan(x[t])) {
            while (tail > head && (want_max ? x[dq[tail - 1]] <= x[t] : x[dq[tail - 1]] >= x[t])) tail--;
            dq[tail++] = t;
            k++;
        }
        if (sp->w && t >= sp->w) {
            if (!isnan(x[t - sp->w])) k--;
            while (tail > head && dq[head] + sp->w <= t) head++;
        }
        r[t] = k >= sp->min_obs && k > 0 ? x[dq[head]] : NAN;
    }
}

/* ------------------------------------ order statistics (Fenwick tree) */

typedef struct {
    size_t n;
    int *tree;          /* counts by rank, 1-based Fenwick layout */
    size_t *rank;       /* rank of each position's value (0-based) */
    double *sorted;     /* values in rank order */
} ranks;

static const double *sort_base;
static int by_value(const void *a, const void *b) {
    double x = sort_base[*(const size_t *)a], y = sort_base[*(const size_t *)b];
    return (x > y) - (x < y);
}

static void ranks_build(ranks *rk, const double *x, size_t n, size_t *order) {
    size_t m = 0;
    for (size_t i = 0; i < n; i++) if (!isnan(x[i])) order[m++] = i;
    sort_base = x;
    qsort(order, m, sizeof *order, by_value);
    for (size_t i = 0; i < m; i++) {
        rk->rank[order[i]] = i;
        rk->sorted[i] = x[order[i]];
    }
    rk->n = m;
    memset(rk->tree, 0, (m + 1) * sizeof *rk->tree);
}

static void fenwick_add(ranks *rk, size_t r, int d) {
    for (size_t i = r + 1; i <= rk->n; i += i & (~i + 1)) rk->tree[i] += d;
}

static size_t fenwick_prefix(const ranks *rk, size_t r) {   /* count of ranks <= r */
    size_t s = 0;
    for (size_t i = r + 1; i > 0; i -= i & (~i + 1)) s += (size_t)rk->tree[i];
    return s;
}

static double fenwick_kth(const ranks *rk, size_t k) {      /* k-th smallest, 0-based */
    size_t pos = 0, step = 1;
    while (step * 2 <= rk->n) step *= 2;
    for (; step; step /= 2)
        if (pos + step <= rk->n && (size_t)rk->tree[pos + step] <= k) {
            pos += step;
            k -= (size_t)rk->tree[pos];
        }
    return rk->sorted[pos];
}

/* Type 7 quantile of the k values in the tree. */
static double fenwick_quantile(const ranks *rk, size_t k, double q) {
    double h = (double)(k - 1) * q;
    size_t lo = (size_t)floor(h);
    double a = fenwick_kth(rk, lo);
    return lo + 1 < k ? a + (h - (double)lo) * (fenwick_kth(rk, lo + 1) - a) : a;
}

/* Ties: the share of window values <= x_t, which counts every tie. */
static void roll_order(const double *x, double *r, size_t n, const window_spec *sp, ranks *rk) {
    size_t k = 0;
    for (size_t t = 0; t < n; t++) {
        if (tn_interrupt_due(t)) return;           /* run_window raises */
        if (!isnan(x[t])) { fenwick_add(rk, rk->rank[t], 1); k++; }
        if (sp->w && t >= sp->w && !isnan(x[t - sp->w])) { fenwick_add(rk, rk->rank[t - sp->w], -1); k--; }
        if (k < sp->min_obs || k == 0) { r[t] = NAN; continue; }
        if (sp->stat == ST_PCT_RANK) {
            if (isnan(x[t])) { r[t] = NAN; continue; }
            size_t r0 = rk->rank[t];   /* include ties above this rank */
            while (r0 + 1 < rk->n && rk->sorted[r0 + 1] == x[t]) r0++;
            r[t] = (double)fenwick_prefix(rk, r0) / (double)k;
        } else {
            r[t] = fenwick_quantile(rk, k, sp->stat == ST_MEDIAN ? 0.5 : sp->q);
        }
    }
}

/* ------------------------------------------------------------ drivers */

/* Means, variances, sds and z-scores of a series near the ends of the
   double range: squares of 1e-160s fall into the subnormals (a rolling sd
   came out 6e-6 off) and of 1e160s overflow, so such a series is scaled by
   a power of two to magnitude ~1 (exact) and the results scaled back. */
static void moments_scaled(lua_State *L, const tn_series *s, tn_series *r, const window_spec *sp) {
    double big = 0;
    for (size_t t = 0; t < s->n; t++) if (!isnan(s->v[t])) big = fmax(big, fabs(s->v[t]));
    int e = 0;
    if (big > 0 && isfinite(big)) frexp(big, &e);
    const double *x = s->v;
    double *scaled = NULL;
    if (e < -400 || e > 400) {
        scaled = lua_newuserdatauv(L, (s->n ? s->n : 1) * sizeof *scaled, 0);
        for (size_t t = 0; t < s->n; t++) scaled[t] = ldexp(s->v[t], -e);
        x = scaled;
    }
    if (sp->w) roll_moments(x, r->v, s->n, sp);
    else expand_moments(x, r->v, s->n, sp);
    if (!scaled) return;
    int back = sp->stat == ST_VAR ? 2 * e : sp->stat == ST_ZSCORE || sp->stat == ST_COUNT ? 0 : e;
    for (size_t t = 0; t < s->n; t++) r->v[t] = ldexp(r->v[t], back);
    lua_pop(L, 1);   /* r is still referenced below it */
}

static void compute(lua_State *L, const tn_series *s, tn_series *r, const window_spec *sp) {
    switch (sp->stat) {
    case ST_SUM: roll_sum(s->v, r->v, s->n, sp); break;
    case ST_MIN: case ST_MAX:
        if (!sp->w) { expand_extreme(s->v, r->v, s->n, sp); break; }
        roll_extreme(s->v, r->v, s->n, sp, lua_newuserdatauv(L, (s->n + 1) * sizeof(size_t), 0));
        lua_pop(L, 1);   /* r is still referenced below it; the buffer lives until GC */
        break;
    case ST_MEDIAN: case ST_QUANTILE: case ST_PCT_RANK: {
        ranks rk;
        rk.tree = lua_newuserdatauv(L, (s->n + 1) * sizeof(int), 0);
        rk.rank = lua_newuserdatauv(L, (s->n + 1) * sizeof(size_t), 0);
        rk.sorted = lua_newuserdatauv(L, (s->n + 1) * sizeof(double), 0);
        size_t *order = lua_newuserdatauv(L, (s->n + 1) * sizeof(size_t), 0);
        ranks_build(&rk, s->v, s->n, order);
        roll_order(s->v, r->v, s->n, sp, &rk);
        lua_pop(L, 4);
        break;
    }
    default: moments_scaled(L, s, r, sp);
    }
}

/* An option the declaration has checked, or dflt when absent. */
static size_t opt_count(lua_State *L, int t, const char *key, size_t dflt) {
    size_t v = lua_getfield(L, t, key) == LUA_TNIL ? dflt : (size_t)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

/* The quantile option: required by stat 'quantile', refused by the others. */
static void quantile_option(lua_State *L, int t, window_spec *sp, const char *fn) {
    int given = lua_getfield(L, t, "q") != LUA_TNIL;
    sp->q = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (sp->stat == ST_QUANTILE && !given)
        tn_arg_error(L, fn, "stat", "'quantile' needs {q = ...} between 0 and 1");
    if (sp->stat != ST_QUANTILE && given)
        tn_arg_error(L, fn, "option 'q'", "applies only to stat 'quantile' (stat is '%s')", stat_names[sp->stat]);
}

/* A window length in periods: a whole number from 1 to the series' length. */
static size_t window_length(lua_State *L, int idx, const tn_series *s, const char *fn) {
    lua_Integer w = tn_arg_integer(L, idx, fn, "window", 0, 1);
    if ((size_t)w > s->n)
        tn_arg_error(L, fn, "window", "%d is longer than the series (%d periods)", (int)w, (int)s->n);
    return (size_t)w;
}

/* Pushes the result series (name and metadata kept) and fills it. */
static int run_window(lua_State *L, tn_series *s, window_spec *sp) {
    tn_series *r = tn_series_push_like(L, s, s->n);
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    compute(L, s, r, sp);
    tn_raise_if_interrupted(L, NULL);
    return 1;
}

#define ANY_NUMBER -HUGE_VAL, HUGE_VAL, 0
#define OPT_MIN_OBS(dflt) {"min_obs", "integer", NULL, 1, HUGE_VAL, 0, dflt, \
                           "fewest values present for a result (pandas' min_periods)", "min_periods"}
#define OPT_END {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}

static const tn_opt rolling_opts[] = {
    OPT_MIN_OBS("the window"),
    {"q", "number", NULL, 0, 1, 0, NULL, "the quantile for stat 'quantile' (type 7, as pandas and R)", NULL},
    OPT_END
};
static const tn_opt expanding_opts[] = {
    OPT_MIN_OBS("1"),
    {"q", "number", NULL, 0, 1, 0, NULL, "the quantile for stat 'quantile' (type 7, as pandas and R)", NULL},
    OPT_END
};
#define OPT_WINDOW {"window", "integer|string", "expanding", 1, HUGE_VAL, 0, NULL, \
                    "required: periods in the trailing window, or \"expanding\"", NULL}
static const tn_opt zscore_opts[] = {OPT_WINDOW, OPT_MIN_OBS("the window; 2 expanding"), OPT_END};
static const tn_opt pct_rank_opts[] = {
    OPT_WINDOW, OPT_MIN_OBS("the window; 2 expanding"),
    {"since", "string|integer", NULL, ANY_NUMBER, NULL, "count only values from this period on", NULL},
    OPT_END
};

/* s:rolling(w, stat, {min_obs=, q=}); std and var are the sample ones. */
static int series_rolling(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    window_spec sp = {0, 0, 0, 0, 1};
    sp.w = window_length(L, 2, s, "s:rolling");
    sp.stat = tn_arg_choice(L, 3, "s:rolling", "stat", "mean", stat_names);
    tn_opts_check(L, 4, "s:rolling");
    sp.min_obs = opt_count(L, 4, "min_obs", sp.w);
    if (sp.min_obs > sp.w)
        return tn_arg_error(L, "s:rolling", "option 'min_obs'", "%d exceeds the window %d", (int)sp.min_obs, (int)sp.w);
    quantile_option(L, 4, &sp, "s:rolling");
    return run_window(L, s, &sp);
}

/* s:expanding(stat, {min_obs=, q=}) */
static int series_expanding(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    window_spec sp = {0, 0, 0, 0, 1};
    sp.stat = tn_arg_choice(L, 2, "s:expanding", "stat", "mean", stat_names);
    tn_opts_check(L, 3, "s:expanding");
    sp.min_obs = opt_count(L, 3, "min_obs", 1);
    quantile_option(L, 3, &sp, "s:expanding");
    return run_window(L, s, &sp);
}

/* The window option of zscore and pct_rank: a length or "expanding". */
static void window_option(lua_State *L, const tn_series *s, window_spec *sp, const char *fn) {
    tn_opts_check(L, 2, fn);
    if (lua_getfield(L, 2, "window") == LUA_TNIL)
        tn_arg_error(L, fn, "option 'window'", "is required: a number of periods or \"expanding\"");
    sp->w = lua_type(L, -1) == LUA_TSTRING ? 0 : window_length(L, -1, s, fn);
    lua_pop(L, 1);
    sp->min_obs = opt_count(L, 2, "min_obs", sp->w ? sp->w : 2);
}

/* s:zscore{window=n|"expanding", min_obs=}: (x_t − mean)/sd over the window
   ending at t, sd the sample one. */
static int series_zscore(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    window_spec sp = {0, 0, ST_ZSCORE, 0, 1};
    window_option(L, s, &sp, "s:zscore");
    return run_window(L, s, &sp);
}

/* s:pct_rank{window=n|"expanding", min_obs=, since=}: the share of the
   window's values (x_t included) that are <= x_t, in (0, 1]. With since,
   only values from that period on count, and earlier results are missing
   ("the 10Y-1Y spread's percentile since 2016"). */
static int series_pct_rank(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    window_spec sp = {0, 0, ST_PCT_RANK, 0, 1};
    window_option(L, s, &sp, "s:pct_rank");
    if (lua_getfield(L, 2, "since") == LUA_TNIL) return run_window(L, s, &sp);
    int64_t from = tn_series_period_arg(L, s, lua_gettop(L), 0, 0) - s->start;
    tn_series *cut = tn_series_push_like(L, s, s->n);     /* values before 'since' dropped */
    for (size_t i = 0; i < s->n; i++) cut->v[i] = (int64_t)i < from ? NAN : s->v[i];
    tn_series *r = tn_series_push_like(L, s, s->n);
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    compute(L, cut, r, &sp);
    return 1;
}

static const tn_opt ewma_opts[] = {
    {"alpha", "number", NULL, 0, 1, TN_OPT_LO_OPEN, NULL, "smoothing factor, 0 < alpha <= 1", NULL},
    {"halflife", "number", NULL, 0, HUGE_VAL, TN_OPT_LO_OPEN | TN_OPT_HI_OPEN, NULL,
     "periods for a weight to halve: alpha = 1 - exp(-ln 2 / halflife)", NULL},
    {"span", "number", NULL, 1, HUGE_VAL, TN_OPT_HI_OPEN, NULL, "alpha = 2 / (span + 1)", NULL},
    {"com", "number", NULL, 0, HUGE_VAL, TN_OPT_HI_OPEN, NULL, "centre of mass: alpha = 1 / (1 + com)", NULL},
    {"adjust", "boolean", NULL, ANY_NUMBER, "true", "divide by the weights used (pandas); false: the recursion", NULL},
    {"min_obs", "integer", NULL, 0, HUGE_VAL, 0, "1", "fewest values seen for a result (pandas' min_periods)",
     "min_periods"},
    OPT_END
};

/* alpha from exactly one of alpha, halflife, span, com (pandas' spellings). */
static double ewma_alpha(lua_State *L) {
    static const char *const keys[] = {"alpha", "halflife", "span", "com"};
    double alpha = NAN;
    int given = 0;
    for (int i = 0; i < 4; i++) {
        if (lua_getfield(L, 2, keys[i]) == LUA_TNIL) { lua_pop(L, 1); continue; }
        double x = lua_tonumber(L, -1);
        lua_pop(L, 1);
        if (given++) tn_arg_error(L, "s:ewma", "options", "take one of alpha, halflife, span or com, not several");
        alpha = i == 0 ? x : i == 1 ? 1 - exp(-log(2.0) / x) : i == 2 ? 2 / (x + 1) : 1 / (1 + x);
    }
    if (!given) tn_arg_error(L, "s:ewma", "options", "need one of alpha, halflife, span or com");
    return alpha;
}

/* s:ewma{alpha=|halflife=|span=|com=, adjust=true, min_obs=1}. Weights
   (1-α)^j on the value j periods back. adjust=true divides by the sum of
   the weights used (pandas' default); adjust=false is the recursion
   m_t = α x_t + (1-α) m_{t-1} started at the first value (RiskMetrics,
   EViews). A missing value yields a missing result while the weights of
   earlier values keep decaying by position (pandas ignore_na=False); the
   result is missing until min_obs values have been seen (pandas'
   min_periods). */
static int series_ewma(lua_State *L) {
    tn_series *s = tn_series_check(L, 1);
    tn_opts_check(L, 2, "s:ewma");
    double alpha = ewma_alpha(L);
    int adjust = lua_getfield(L, 2, "adjust") == LUA_TNIL || lua_toboolean(L, -1);
    lua_pop(L, 1);
    size_t min_obs = opt_count(L, 2, "min_obs", 1), seen = 0;
    tn_series *r = tn_series_push_like(L, s, s->n);
    tn_series_copy_name(L, 1, -1);
    tn_series_copy_meta(L, 1, -1);
    double num = 0, den = 0, m = NAN, decay = 1 - alpha;
    for (size_t t = 0; t < s->n; t++) {
        double x = s->v[t];
        num *= decay, den *= decay;
        if (isnan(x)) { r->v[t] = NAN; continue; }
        seen++;
        if (adjust) { num += x; den += 1; r->v[t] = num / den; }
        else {
            /* the gap's decay: weight of the old mean is den-scaled */
            m = isnan(m) ? x : (den * m + alpha * x) / (den + alpha);
            den = 1;
            r->v[t] = m;
        }
        if (seen < min_obs) r->v[t] = NAN;
    }
    return 1;
}

void tn_window_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"rolling", series_rolling}, {"expanding", series_expanding},
        {"zscore", series_zscore}, {"pct_rank", series_pct_rank}, {"ewma", series_ewma},
        {NULL, NULL}
    };
    luaL_setfuncs(L, methods, 0);
    tn_opts_declare(L, "s:rolling", rolling_opts);
    tn_opts_declare(L, "s:expanding", expanding_opts);
    tn_opts_declare(L, "s:zscore", zscore_opts);
    tn_opts_declare(L, "s:pct_rank", pct_rank_opts);
    tn_opts_declare(L, "s:ewma", ewma_opts);
}

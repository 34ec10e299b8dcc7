/*
 * turning.h -- turning-point dating as pure C (no Lua): Bry-Boschan for
 * monthly data, Harding-Pagan BBQ for quarterly data, Pagan-Sossounov for
 * asset prices, and real-time confirmation dates by re-dating every prefix.
 */
#ifndef TN_TURNING_H
#define TN_TURNING_H

#include <stddef.h>

enum { TN_BRY_BOSCHAN = 1, TN_BBQ, TN_PAGAN_SOSSOUNOV };

typedef struct {
    int method;        /* TN_BRY_BOSCHAN, TN_BBQ, TN_PAGAN_SOSSOUNOV */
    int window;        /* a candidate is the extreme within ±window */
    int phase;         /* minimum peak-to-trough / trough-to-peak length */
    int cycle;         /* minimum peak-to-peak / trough-to-trough length */
    int censor;        /* no turn within this many periods of either end */
    double override;   /* PS: a phase or cycle moving more than this share
                          (0.20 = 20%) is kept even when short; 0 = off */
    double outlier_z;  /* BB: outliers beyond z sd from the Spencer curve */
} tn_dating_rules;

/* Fills rules with the published defaults of a method for data with f
   periods a year (12 or 4). */
void tn_dating_defaults(int method, int per_year, tn_dating_rules *r);

/* Dates the turns of x[0..n) (no NaN). kind[t] = +1 peak, −1 trough, 0.
   Returns the number of turns, or -1 when out of memory. */
int tn_date_turns(const double *x, size_t n, const tn_dating_rules *r, signed char *kind);

/* Confirmation dates: confirm[t] for each turn t of the full-sample
   dating is the first prefix end e (index) such that every dating of
   x[0..e'] with e' >= e contains the turn; -1 when never confirmed
   before the end (it then counts as confirmed at n−1). kind as above. */
int tn_confirm_turns(const double *x, size_t n, const tn_dating_rules *r,
                     const signed char *kind, long *confirm);

#endif

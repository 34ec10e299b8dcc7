/*
 * numparse.h -- decimal text to double, correctly rounded and fast.
 *
 * Loading dominates long-series workloads, and strtod() is slow: this parser
 * takes Clinger's exact fast path (at most 19 significant digits, a mantissa
 * below 2^53 and a power of ten below 10^23 are exact in a double, so one
 * multiply or divide rounds correctly) and hands everything else to strtod.
 */
#ifndef TN_NUMPARSE_H
#define TN_NUMPARSE_H

#include <stddef.h>

enum { TN_NUM_OK = 0, TN_NUM_SYNTAX = -1, TN_NUM_RANGE = -2 };

/* Parse [s, s+len) as [+-]digits[.digits][(e|E)[+-]digits] (".5" and "5."
   allowed). No spaces, no hex, no inf/nan words. Returns TN_NUM_OK,
   TN_NUM_SYNTAX, or TN_NUM_RANGE when the magnitude overflows a double. */
int tn_parse_double(const char *s, size_t len, double *out);
/* The same, also giving the digits after the decimal point (-1 when the
   text has an exponent) in *decimals when it is not NULL. */
int tn_parse_number(const char *s, size_t len, double *out, int *decimals);

/* Shortest "%.*g" text (15, 16 or 17 digits) that reads back to x exactly.
   buf needs 32 bytes. Returns the length. */
int tn_format_double(double x, char *buf, size_t size);

/* A number as shown to people, R-style: up to 7 significant digits, no
   exponent between 1e-4 and 1e15, "NA" for NaN, "Inf"/"-Inf". */
int tn_format_display(double x, char *buf, size_t size);

#endif

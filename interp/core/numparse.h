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

/* A number written with a grouping character between thousands and a
   decimal mark other than '.' ("1,234.5" with group ',' and point '.';
   "1.234,5" or "1085,5" with group '.' and point ','): [+-], an integer
   part either plain or grouped (1-3 digits, then group + exactly 3 digits,
   repeated), then point + digits, then an optional exponent. group may be
   0 (none). Same returns as tn_parse_number; *decimals counts the digits
   after the mark. Pure: the text is copied, never changed. */
int tn_parse_grouped(const char *s, size_t len, char group, char point, double *out, int *decimals);

/* The decimal mark of a file of numbers. TN_DEC_POINT: '.' marks decimals
   and ',' groups thousands ("1,234.5"); TN_DEC_COMMA: ',' marks decimals
   and '.' groups ("1.234,5"); TN_DEC_AUTO: a cell whose only mark is one
   comma ("1,085") is read with a decimal comma, and the cells are noted so
   the caller can decide per file: the file uses decimal commas when it has
   such cells and no number with a point or a second comma (comma_line set,
   other_line 0); it is ambiguous when it has both. Lines and columns are
   the caller's, texts cut to fit. */
enum { TN_DEC_POINT, TN_DEC_COMMA, TN_DEC_AUTO };
typedef struct {
    int mode;
    long comma_line, other_line;     /* first cell of each sort; 0: none yet */
    int comma_col, other_col;
    char comma_text[48], other_text[48];
} tn_decimal_marks;

/* A number cell (trimmed) under dm->mode, noting its marks in dm (AUTO).
   Returns as tn_parse_number; *decimals as there (not noted for numbers
   with grouping commas). */
int tn_parse_cell(const char *s, size_t len, tn_decimal_marks *dm, long line, int col, double *out,
                  int *decimals);
/* a += b, keeping the first cell of each sort (a's cells come first). */
void tn_decimal_merge(tn_decimal_marks *a, const tn_decimal_marks *b);

/* Shortest "%.*g" text (15, 16 or 17 digits) that reads back to x exactly.
   buf needs 32 bytes. Returns the length. */
int tn_format_double(double x, char *buf, size_t size);

/* A number as shown to people, R-style: up to 7 significant digits, no
   exponent between 1e-4 and 1e15, "NA" for NaN, "Inf"/"-Inf". */
int tn_format_display(double x, char *buf, size_t size);

#endif

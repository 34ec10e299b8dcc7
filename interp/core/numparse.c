/*
 * numparse.c -- see numparse.h. Owns nothing; pure C for the unit tests.
 */
#include "core/numparse.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pow10_exact[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

#define MAX_FAST_MANTISSA ((uint64_t)1 << 53)

/* strtod on a NUL-terminated copy; only reached for text that already
   passed the syntax check, so the whole token is consumed. */
static int slow_path(const char *s, size_t len, double *out) {
    char small[128];
    char *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf) return TN_NUM_RANGE;
    memcpy(buf, s, len);
    buf[len] = '\0';
    double v = strtod(buf, NULL);
    if (buf != small) free(buf);
    if (isinf(v)) return TN_NUM_RANGE;
    *out = v;
    return TN_NUM_OK;
}

int tn_parse_double(const char *s, size_t len, double *out) {
    return tn_parse_number(s, len, out, NULL);
}

/* Digits accumulate into a 64-bit mantissa; with at most 19 significant
   digits, a mantissa below 2^53 and a power of ten up to 22, one IEEE
   multiply or divide of two exact values is correctly rounded (Clinger's
   fast path). Anything else goes to strtod. */
static int is_digit(char c) { return (unsigned char)(c - '0') < 10; }

int tn_parse_number(const char *s, size_t len, double *out, int *decimals) {
    const char *p = s, *e = s + len;
    int neg = 0, frac = 0, has_exp = 0;
    uint64_t m = 0;
    long exp10 = 0;

    if (p < e && (*p == '+' || *p == '-')) neg = (*p++ == '-');
    const char *first = p;
    while (p < e && *p == '0') p++;                   /* leading zeros */
    const char *sig0 = p;
    for (; p < e && is_digit(*p); p++) m = m * 10 + (uint64_t)(*p - '0');
    long sig = p - sig0, digits = p - first;
    if (p < e && *p == '.') {
        const char *f0 = ++p;
        if (sig == 0) while (p < e && *p == '0') p++; /* 0.00ddd: zeros are not significant */
        const char *fsig = p;
        for (; p < e && is_digit(*p); p++) m = m * 10 + (uint64_t)(*p - '0');
        frac = (int)(p - f0);
        sig += p - fsig;
        digits += frac;
        exp10 = -frac;
    }
    if (digits == 0) return TN_NUM_SYNTAX;
    if (p < e && (*p == 'e' || *p == 'E')) {
        int eneg = 0, edigits = 0;
        long ev = 0;
        p++;
        has_exp = 1;
        if (p < e && (*p == '+' || *p == '-')) eneg = (*p++ == '-');
        for (; p < e && is_digit(*p); p++, edigits++)
            if (ev < 100000) ev = ev * 10 + (*p - '0');
        if (edigits == 0) return TN_NUM_SYNTAX;
        exp10 += eneg ? -ev : ev;
    }
    if (p != e) return TN_NUM_SYNTAX;
    if (decimals) *decimals = has_exp ? -1 : frac;
    if (sig == 0) { *out = neg ? -0.0 : 0.0; return TN_NUM_OK; }
    if (sig <= 19 && m <= MAX_FAST_MANTISSA && exp10 >= -22 && exp10 <= 22) {
        double v = (double)m;
        v = exp10 < 0 ? v / pow10_exact[-exp10] : v * pow10_exact[exp10];
        *out = neg ? -v : v;
        return TN_NUM_OK;
    }
    return slow_path(s, len, out);   /* more than 19 digits wrap m: strtod reads the text */
}

/* The integer part of a grouped number: plain digits, or 1-3 digits then
   groups of exactly three after each group character. Copies the digits to
   *w and returns the length read, or -1. */
static long grouped_int(const char *s, const char *e, char group, char **w) {
    const char *p = s;
    long run = 0;
    int grouped = 0;
    for (; p < e; p++) {
        if (is_digit(*p)) { *(*w)++ = *p; run++; continue; }
        if (!group || *p != group) break;
        if (run == 0 || (grouped && run != 3) || (!grouped && run > 3)) return -1;
        grouped = 1, run = 0;
    }
    if (grouped && run != 3) return -1;
    return p - s;
}

int tn_parse_grouped(const char *s, size_t len, char group, char point, double *out, int *decimals) {
    char buf[128], *w = buf;
    const char *p = s, *e = s + len;
    if (len >= sizeof buf) return TN_NUM_SYNTAX;
    if (p < e && (*p == '+' || *p == '-')) *w++ = *p++;
    long n = grouped_int(p, e, group, &w);
    if (n < 0) return TN_NUM_SYNTAX;
    p += n;
    if (p < e && *p == point) {
        *w++ = '.';
        for (p++; p < e && is_digit(*p); p++) *w++ = *p;
    }
    if (p < e && (*p == 'e' || *p == 'E'))        /* exponent: checked by tn_parse_number */
        for (; p < e && (*p == 'e' || *p == 'E' || *p == '+' || *p == '-' || is_digit(*p)); p++) *w++ = *p;
    if (p != e) return TN_NUM_SYNTAX;
    return tn_parse_number(buf, (size_t)(w - buf), out, decimals);
}

static void note_cell(long *line_at, int *col_at, char *text, size_t size, long line, int col,
                      const char *s, size_t len) {
    if (*line_at) return;
    *line_at = line, *col_at = col;
    size_t keep = len < size - 1 ? len : size - 1;
    memcpy(text, s, keep);
    text[keep] = '\0';
}

int tn_parse_cell(const char *s, size_t len, tn_decimal_marks *dm, long line, int col, double *out,
                  int *decimals) {
    if (dm->mode == TN_DEC_COMMA) return tn_parse_grouped(s, len, '.', ',', out, decimals);
    const char *comma = memchr(s, ',', len);
    int has_point = memchr(s, '.', len) != NULL, r;
    if (!comma) {
        r = tn_parse_number(s, len, out, decimals);
        if (r == TN_NUM_OK && has_point && dm->mode == TN_DEC_AUTO)
            note_cell(&dm->other_line, &dm->other_col, dm->other_text, sizeof dm->other_text, line, col, s, len);
        return r;
    }
    if (dm->mode == TN_DEC_AUTO && !has_point && !memchr(comma + 1, ',', len - (size_t)(comma + 1 - s))) {
        r = tn_parse_grouped(s, len, 0, ',', out, decimals);
        if (r == TN_NUM_OK)
            note_cell(&dm->comma_line, &dm->comma_col, dm->comma_text, sizeof dm->comma_text, line, col, s, len);
        return r;
    }
    r = tn_parse_grouped(s, len, ',', '.', out, NULL);
    if (r == TN_NUM_OK && dm->mode == TN_DEC_AUTO)
        note_cell(&dm->other_line, &dm->other_col, dm->other_text, sizeof dm->other_text, line, col, s, len);
    return r;
}

void tn_decimal_merge(tn_decimal_marks *a, const tn_decimal_marks *b) {
    if (!a->comma_line && b->comma_line) {
        a->comma_line = b->comma_line, a->comma_col = b->comma_col;
        memcpy(a->comma_text, b->comma_text, sizeof a->comma_text);
    }
    if (!a->other_line && b->other_line) {
        a->other_line = b->other_line, a->other_col = b->other_col;
        memcpy(a->other_text, b->other_text, sizeof a->other_text);
    }
}

int tn_format_double(double x, char *buf, size_t size) {
    int n = 0;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(buf, size, "%.*g", prec, x);
        if (strtod(buf, NULL) == x) break;
    }
    return n;
}

int tn_format_display(double x, char *buf, size_t size) {
    if (isnan(x)) return snprintf(buf, size, "NA");
    if (isinf(x)) return snprintf(buf, size, x > 0 ? "Inf" : "-Inf");
    double ax = fabs(x);
    if (x == 0) return snprintf(buf, size, "0");
    if (ax < 1e-4 || ax >= 1e15) return snprintf(buf, size, "%.6e", x);
    int before = ax < 1 ? 1 : (int)floor(log10(ax)) + 1;
    int dec = before >= 7 ? 0 : 7 - before;
    if (ax < 1) dec = 6 - (int)floor(log10(ax));   /* 7 significant digits */
    int n = snprintf(buf, size, "%.*f", dec, x);
    if (dec > 0 && n > 0 && (size_t)n < size) {    /* drop trailing zeros */
        while (n > 0 && buf[n - 1] == '0') buf[--n] = '\0';
        if (n > 0 && buf[n - 1] == '.') buf[--n] = '\0';
    }
    if (strcmp(buf, "-0") == 0) return snprintf(buf, size, "0");
    return n;
}

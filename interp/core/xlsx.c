/*
 * xlsx.c -- cell references, ranges, column letters, serial dates and date
 * formats for the Excel reader and writer (see xlsx.h). Pure C.
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "core/xlsx.h"

/* Letters then digits; *used is how many bytes the reference took. */
static int parse_ref_prefix(const char *s, size_t n, int *row, int *col, size_t *used) {
    size_t i = 0;
    long c = 0, r = 0;
    for (; i < n && i < 4; i++) {
        char ch = s[i];
        if (ch >= 'a' && ch <= 'z') ch = (char)(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z') break;
        c = c * 26 + (ch - 'A' + 1);
    }
    size_t letters = i;
    for (; i < n && s[i] >= '0' && s[i] <= '9' && r <= TN_XLSX_MAX_ROWS; i++) r = r * 10 + (s[i] - '0');
    if (c < 1 || c > TN_XLSX_MAX_COLS) return -1;
    if (i > letters && (r < 1 || r > TN_XLSX_MAX_ROWS)) return -1;
    *col = (int)(c - 1);
    *row = i > letters ? (int)r : 0;      /* 0: no row given ("B" of "B:F") */
    *used = i;
    return 0;
}

int tn_xlsx_parse_ref(const char *s, size_t n, int *row, int *col) {
    size_t used;
    if (parse_ref_prefix(s, n, row, col, &used) != 0 || used != n || *row == 0) return -1;
    return 0;
}

int tn_xlsx_parse_range(const char *s, int *r0, int *c0, int *r1, int *c1) {
    size_t n = strlen(s), used;
    const char *colon = memchr(s, ':', n);
    size_t first = colon ? (size_t)(colon - s) : n;
    if (parse_ref_prefix(s, first, r0, c0, &used) != 0 || used != first) return -1;
    if (!colon) {
        if (*r0 == 0) *r0 = 1;
        *r1 = TN_XLSX_MAX_ROWS, *c1 = TN_XLSX_MAX_COLS - 1;
        return 0;
    }
    size_t rest = n - first - 1;
    if (parse_ref_prefix(colon + 1, rest, r1, c1, &used) != 0 || used != rest) return -1;
    if ((*r0 == 0) != (*r1 == 0)) return -1;          /* "B3:F" or "B:F200" */
    if (*r0 == 0) *r0 = 1, *r1 = TN_XLSX_MAX_ROWS;
    if (*r1 < *r0 || *c1 < *c0) return -1;
    return 0;
}

void tn_xlsx_col_name(int col, char *buf) {
    char tmp[4];
    int k = 0;
    for (int c = col + 1; c > 0 && k < 3; c = (c - 1) / 26) tmp[k++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < k; i++) buf[i] = tmp[k - 1 - i];
    buf[k] = '\0';
}

int tn_xlsx_serial_to_ymd(double serial, int date1904, int *y, int *m, int *d) {
    if (isnan(serial) || serial < 0 || serial > 2958466.0) return -1;   /* 9999-12-31 */
    int64_t day = (int64_t)floor(serial);
    int64_t base;
    if (date1904) {
        base = tn_days_from_civil(1904, 1, 1);
    } else {
        if (day < 1 || day == 60) return -1;
        base = day < 60 ? tn_days_from_civil(1899, 12, 31) : tn_days_from_civil(1899, 12, 30);
    }
    tn_civil_from_days(base + day, y, m, d);
    return 0;
}

double tn_xlsx_ymd_to_serial(int y, int m, int d, int date1904) {
    int64_t base = date1904 ? tn_days_from_civil(1904, 1, 1) : tn_days_from_civil(1899, 12, 30);
    return (double)(tn_days_from_civil(y, m, d) - base);
}

int tn_xlsx_format_is_date(int id, const char *code) {
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
        (id >= 50 && id <= 58))
        return 1;
    if (!code) return 0;
    for (const char *p = code; *p; p++) {
        switch (*p) {
        case '"':                        /* quoted literal text */
            p = strchr(p + 1, '"');
            if (!p) return 0;
            break;
        case '\\': case '_': case '*':   /* an escaped, spaced or repeated character */
            if (!p[1]) return 0;
            p++;
            break;
        case '[':                        /* colour, condition, locale; [h] is elapsed time */
            if (p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 'M' || p[1] == 's' || p[1] == 'S')
                return 1;
            p = strchr(p, ']');
            if (!p) return 0;
            break;
        default:
            if (strchr("yYmMdDhHsS", *p)) return 1;
        }
    }
    return 0;
}

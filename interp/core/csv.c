/*
 * csv.c -- see csv.h. The reader returns one row at a time so that a
 * two-million-row file never holds more than one row of field pointers.
 */
#include "core/csv.h"

#include <stdlib.h>
#include <string.h>

void tn_csv_init(tn_csv_reader *r, char *buf, size_t len, char sep) {
    memset(r, 0, sizeof *r);
    r->p = buf;
    r->end = buf + len;
    r->sep = sep;
    r->next_line = 1;
    r->stop[(unsigned char)sep] = r->stop['\n'] = r->stop['\r'] = r->stop['"'] = 1;
}

void tn_csv_free(tn_csv_reader *r) {
    free(r->fields);
    r->fields = NULL;
    r->cap = r->nfields = 0;
}

static int fail(tn_csv_reader *r, const char *msg, long line) {
    r->error = msg;
    r->err_line = line;
    r->err_col = r->nfields + 1;
    return -1;
}

static int grow_fields(tn_csv_reader *r) {
    int ncap = r->cap ? r->cap * 2 : 16;
    tn_csv_field *f = realloc(r->fields, (size_t)ncap * sizeof *f);
    if (!f) return fail(r, "out of memory reading the row", r->line);
    r->fields = f, r->cap = ncap;
    return 0;
}

static inline int push_field(tn_csv_reader *r, char *s, size_t len, int quoted) {
    if (len > TN_CSV_MAX_FIELD)
        return fail(r, "a field longer than 1 MiB: this is not a CSV of dates and numbers", r->line);
    if (r->nfields == r->cap && grow_fields(r)) return -1;
    r->fields[r->nfields].s = s;
    r->fields[r->nfields].len = len;
    r->fields[r->nfields].quoted = quoted;
    r->nfields++;
    return 0;
}

/* A quoted field starting at r->p (on the opening quote). Unquotes in place
   and leaves r->p just past the closing quote. */
static int quoted_field(tn_csv_reader *r) {
    char *start = ++r->p, *w = start;
    long open_line = r->next_line;
    for (;;) {
        if (r->p >= r->end) return fail(r, "unterminated quoted field", open_line);
        char c = *r->p++;
        if (c == '"') {
            if (r->p < r->end && *r->p == '"') { *w++ = '"'; r->p++; continue; }
            break;
        }
        if (c == '\n') r->next_line++;
        *w++ = c;
    }
    if (r->p < r->end && *r->p != r->sep && *r->p != '\n' && *r->p != '\r')
        return fail(r, "unexpected text after a closing quote", r->next_line);
    return push_field(r, start, (size_t)(w - start), 1);
}

int tn_csv_next(tn_csv_reader *r) {
    r->nfields = 0;
    if (r->p >= r->end) return 0;
    r->line = r->next_line;
    for (;;) {
        if (r->p < r->end && *r->p == '"') {
            if (quoted_field(r)) return -1;
        } else {
            char *s = r->p, *q = s, *end = r->end;
            while (q < end && !r->stop[(unsigned char)*q]) q++;   /* sep, CR, LF or quote */
            r->p = q;
            if (q < end && *q == '"') return fail(r, "quote inside an unquoted field", r->next_line);
            if (push_field(r, s, (size_t)(q - s), 0)) return -1;
        }
        if (r->p >= r->end) return 1;
        char c = *r->p++;
        if (c == r->sep) continue;
        if (c == '\r' && r->p < r->end && *r->p == '\n') r->p++;
        r->next_line++;
        return 1;
    }
}

int tn_csv_row_blank(const tn_csv_reader *r) {
    for (int i = 0; i < r->nfields; i++)
        for (size_t j = 0; j < r->fields[i].len; j++)
            if (r->fields[i].s[j] != ' ' && r->fields[i].s[j] != '\t') return 0;
    return 1;
}

char tn_csv_sniff(const char *buf, size_t len) {
    size_t comma = 0, tab = 0, semi = 0;
    int inq = 0;
    for (size_t i = 0; i < len && (inq || buf[i] != '\n'); i++) {
        if (buf[i] == '"') inq = !inq;
        else if (!inq) {
            comma += buf[i] == ',';
            tab += buf[i] == '\t';
            semi += buf[i] == ';';
        }
    }
    if (tab > comma && tab >= semi) return '\t';
    if (semi > comma && semi > tab) return ';';
    return ',';
}

/* ------------------------------------------------------------ cells */

int tn_utf8_valid(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        int k = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2
              : (b & 0xF8) == 0xF0 ? 3 : -1;
        if (k < 0 || (k == 1 && b < 0xC2) || (k > 0 && i + (size_t)k >= n)) return 0;
        for (int j = 1; j <= k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80) return 0;
        i += (size_t)k + 1;
    }
    return 1;
}

void tn_csv_trim(const char **s, size_t *n) {
    while (*n && (**s == ' ' || **s == '\t')) (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) (*n)--;
}

int tn_csv_is_missing(const char *s, size_t n) {
    static const char *const tokens[] = {
        "NA", "N/A", "NaN", "nan", "NAN", ".", "--", "#N/A", "null", "NULL", NULL
    };
    if (n == 0) return 1;
    for (int i = 0; tokens[i]; i++)
        if (strlen(tokens[i]) == n && memcmp(tokens[i], s, n) == 0) return 1;
    return 0;
}


/*
 * csv.h -- a streaming CSV tokenizer over a buffer the caller owns.
 *
 * RFC 4180 quoting (doubled quotes, separators and newlines inside quotes),
 * LF or CRLF line ends, any one-byte separator. Quoted fields are unquoted
 * in place, so the buffer must be writable. Pure C: no Lua, no allocation
 * but the field array. Also the cell-level checks data.read_csv makes:
 * blanks, missing-value spellings, UTF-8 (numbers: core/numparse).
 */
#ifndef TN_CSV_H
#define TN_CSV_H

#include <stddef.h>

/* Longest field accepted: dates, numbers and names are short; a longer
   field means a binary or mis-separated file (a 1 GB line is an error, not
   a 1 GB string). */
#define TN_CSV_MAX_FIELD ((size_t)1 << 20)

typedef struct {
    char *s;            /* field text (not NUL-terminated) */
    size_t len;
    int quoted;
} tn_csv_field;

typedef struct {
    char *p, *end;      /* unread part of the buffer */
    char sep;
    unsigned char stop[256];   /* 1 for the bytes that end an unquoted field: sep, CR, LF, '"' */
    long line;          /* line on which the current row starts (1-based) */
    long next_line;
    tn_csv_field *fields;
    int nfields, cap;
    const char *error;  /* set when tn_csv_next returns -1 */
    long err_line;
    int err_col;        /* 1-based field number */
} tn_csv_reader;

void tn_csv_init(tn_csv_reader *r, char *buf, size_t len, char sep);
/* Reads the next row into r->fields. 1: a row; 0: end of input; -1: error. */
int  tn_csv_next(tn_csv_reader *r);
void tn_csv_free(tn_csv_reader *r);
/* The separator of the first line: tab, semicolon or comma (the default),
   whichever occurs most outside quotes. */
char tn_csv_sniff(const char *buf, size_t len);
/* A row that is empty or all blank fields. */
int  tn_csv_row_blank(const tn_csv_reader *r);

/* Cells. Strips spaces and tabs at both ends (moves *s, shrinks *n). */
void tn_csv_trim(const char **s, size_t *n);
/* 1 when the cell spells a missing value as exporters do: empty, NA, N/A,
   NaN, nan, NAN, ".", "--", #N/A, null, NULL. */
int  tn_csv_is_missing(const char *s, size_t n);
/* 1 when s[0..n) is well-formed UTF-8 (no overlong two-byte forms). */
int  tn_utf8_valid(const char *s, size_t n);

#endif

/*
 * xlsx_book.h -- what the Excel reader's two files share: the workbook
 * being read (its zip, the shared strings, which cell styles are dates and
 * the cells of one sheet, all in one GC-owned struct) and the expat driver
 * that streams a part of the zip through a parser.
 *
 * xlsx_read.c opens the zip and reads the workbook, its relationships,
 * styles and shared strings, and binds data._read_xlsx; xlsx_sheet.c
 * reads a worksheet's cells and hands them on as rows of text to data.c's
 * loader (data_load.h).
 */
#ifndef TN_XLSX_BOOK_H
#define TN_XLSX_BOOK_H

#include <stddef.h>
#include <stdint.h>
#include <expat.h>
#include <zip.h>

#include "lib/data.h"

/* Parts larger than these are refused before they exhaust memory: a
   worksheet is streamed, so only its cells count; shared strings are held. */
#define XLSX_MAX_PART     ((uint64_t)4 << 30)
#define XLSX_MAX_STRINGS  16000000u
#define XLSX_MAX_TEXT     ((size_t)1 << 30)

typedef struct {
    size_t off;              /* in the arena */
    uint32_t len;
    int col;                 /* 0-based */
} xlsx_cell;

typedef struct {
    size_t first;            /* index of its first cell */
    int row;                 /* 1-based */
    int ncells;
} xlsx_row;

typedef struct {
    zip_t *zip;
    int date1904;
    char *arena;             /* text of strings and cells */
    size_t alen, acap;
    size_t *sst_off;         /* shared strings: offset and length in the arena */
    uint32_t *sst_len;
    size_t nsst, sst_cap;
    unsigned char *xf_date;  /* per cell style (cellXfs index): shows a date */
    size_t nxf;
    xlsx_cell *cells;
    size_t ncells, ccap;
    xlsx_row *rows;
    size_t nrows, rcap;
} xlsx_book;

/* Appends n bytes to the arena; the offset, or (size_t)-1 out of memory
   or past XLSX_MAX_TEXT. */
size_t xlsx_arena_add(xlsx_book *b, const char *s, size_t n);

/* Grows *p (of *cap elements of size sz) to hold at least need; 0 or -1. */
int xlsx_grow(void **p, size_t *cap, size_t need, size_t sz);

/* The local part of an XML name ("x:row" -> "row"). */
const char *xlsx_local(const char *name);
/* An attribute by local name, or NULL. */
const char *xlsx_attr(const char **atts, const char *name);

/* Streams the zip entry `part` through parser p. 0, 1 when the part is
   absent (and `optional`), -1 with the message in c->msg. A handler that
   met an error stops the parser and has already written c->msg. */
int xlsx_parse_part(xlsx_book *b, csvload *c, XML_Parser p, const char *part, int optional);

/* Reads worksheet `part` into b->cells and b->rows: cells with text only,
   inside rows r0..r1 and columns c0..c1. 0 or -1 (c->msg). */
int xlsx_read_sheet(xlsx_book *b, csvload *c, const char *part, int r0, int c0, int r1, int c1);

/* Where the table sits: the first stored row is its header; its first
   cell's column (or fixed_col0 when >= 0, from range=) is the table's
   first column, *col0, and the width runs to its last cell. 0 when the
   sheet holds no cells. */
int xlsx_table_shape(const xlsx_book *b, int fixed_col0, int *col0);

/* The row source over the stored rows (see data_load.h). */
typedef struct {
    xlsx_book *b;
    size_t next;             /* index of the next stored row */
    int width;
    tn_csv_reader rd;        /* only fields, nfields and line are used */
    char empty[1];           /* what an absent cell reads as */
} xlsx_rows;

/* Makes c read the rows through r: fields has room for width cells. */
void xlsx_rows_begin(xlsx_book *b, csvload *c, xlsx_rows *r, tn_csv_field *fields,
                     int col0, int width);

#endif

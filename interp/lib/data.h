/*
 * data.h -- private to the data module (data.c, data_read.c,
 * data_write.c, xlsx_*.c): the helpers its reading and writing halves
 * share, and the seam between the readers and the one loader.
 *
 * The CSV reader (data_read.c) and the Excel reader (xlsx_read.c,
 * xlsx_sheet.c) both produce rows of cells as text (tn_csv_field);
 * everything from there on -- the header and the date column,
 * Wind/iFinD/Choice metadata rows, footers, missing-value tokens, numbers,
 * dates, the inferred frequency, the order of the rows, every message --
 * is data_read.c's loader, shared. A reader other than the CSV one sets
 * `next` (fill c->rd->fields/nfields/line with the next row: 1 a row, 0
 * the end, -1 an error already in c->msg) and `sheet`, which makes
 * locations read "file:sheet!B12" instead of "file:line:col".
 */
#ifndef TN_LIB_DATA_H
#define TN_LIB_DATA_H

#include <stddef.h>

#include <lua.h>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/numparse.h"

typedef struct csvload csvload;

struct csvload {
    const char *path;
    char *text;              /* file contents, NUL-terminated */
    size_t len;
    tn_csv_reader *rd;
    int ncols;               /* header fields */
    int datecol;             /* 0-based */
    int nval;                /* value columns = ncols - 1 */
    size_t cap;              /* row capacity (upper bound on data rows) */
    size_t nrows;
    double **col;            /* per value column: room for cap rows, in series storage */
    tn_date *dates;          /* per row */
    long *lines;             /* source line per row */
    int *decimals;           /* per value column: the fewest digits after the
                                point in any cell; -1 before the first */
    tn_decimal_marks marks;  /* the decimal mark: option or per-file detection */
    char msg[512];
    /* another row source (NULL: the CSV tokenizer on text) */
    int (*next)(csvload *c);
    void *source;            /* the row source's own state */
    const char *sheet;       /* a worksheet's name: locations as sheet!B12 */
    int col0;                /* the sheet column (0-based) of field 1 */
};

/* Stops loading with the location and message in c->msg; returns -1.
   line 0: the file only; col 0: the line (row) only. */
int tn_data_fail(csvload *c, long line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reads the rows c->rd (or c->next) gives, from the header on, and pushes
   {names=, columns=, freq=, notes=, date_column=, descending=} (returns 1),
   or nil and c->msg (returns 2). date: the date column's name or NULL;
   forced: a frequency code or 0; max_rows: (size_t)-1 for all; threads:
   0 (by size), 1 or 2 (CSV only). c->marks.mode is set by the caller. */
int tn_data_read_table(lua_State *L, csvload *c, const char *date, int forced,
                       size_t max_rows, int threads);

/* A zeroed userdata of size bytes with metatable mt, whose __gc is gc
   (made on first use), left on the stack: what a reader owns outside Lua
   (a zip, an XML parser's results, a workbook being written) is freed
   whichever way the call ends. */
void *tn_data_owned(lua_State *L, size_t size, const char *mt, lua_CFunction gc);

/* data._read_xlsx, data._read_xlsx_cells (xlsx_read.c), data._write_xlsx
   (xlsx_write.c). */
int tn_data_read_xlsx(lua_State *L);
int tn_data_read_xlsx_cells(lua_State *L);
int tn_data_write_xlsx(lua_State *L);

/* A GC-owned scratch buffer of n bytes, left on the stack (an error raised
   later frees it with the rest). */
void *tn_data_scratch(lua_State *L, size_t n);

/* opts[key] (opts at stack index t) as a string, or NULL when opts is not
   a table or the key is nil; raises on another type. The options table
   keeps the string alive. */
const char *tn_data_opt_string(lua_State *L, int t, const char *key);

/* data._read_csv (data_read.c), data._write_csv (data_write.c). */
int tn_data_read_csv(lua_State *L);
int tn_data_write_csv(lua_State *L);

/* The metatables that free the reader's file mapping and tokenizer. */
void tn_data_read_open(lua_State *L);

#endif

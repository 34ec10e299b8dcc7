/*
 * xlsx.h -- the pure parts of reading and writing Excel workbooks: cell
 * references ("B12"), ranges ("B3:F200"), column letters, Excel's serial
 * dates in both of its date systems, and telling a date number format from
 * a plain one. No zip, no XML, no Lua: lib/xlsx_read.c and lib/xlsx_write.c
 * use these on top of libzip, expat and libxlsxwriter.
 */
#ifndef TN_XLSX_H
#define TN_XLSX_H

#include <stddef.h>

#define TN_XLSX_MAX_ROWS 1048576     /* Excel's sheet limits */
#define TN_XLSX_MAX_COLS 16384

/* "B12" -> *col = 1 (0-based), *row = 12 (1-based). Upper or lower case
   letters, then digits, nothing else; 0 or -1 when it is not a reference
   inside Excel's limits. n is the length of s. */
int tn_xlsx_parse_ref(const char *s, size_t n, int *row, int *col);

/* "B3:F200" (cells), "B:F" (whole columns) or "B3" (from there on):
   rows r0..r1 (1-based, inclusive) and columns c0..c1 (0-based). */
int tn_xlsx_parse_range(const char *s, int *r0, int *c0, int *r1, int *c1);

/* Column letters of a 0-based column: 0 -> "A", 27 -> "AB". buf >= 4. */
void tn_xlsx_col_name(int col, char *buf);

/* Excel's serial day number to a civil date. 1900 system: day 1 is
   1900-01-01 and day 60 is the 1900-02-29 that never was (Lotus's leap-year
   bug, kept by Excel), so days from 61 on are counted from 1899-12-30 and
   days 1..59 from 1899-12-31. 1904 system: day 0 is 1904-01-01. The time
   of day (the fraction) is dropped. -1 for day 60 of the 1900 system, for
   serials below the first day, NaN, and past 9999-12-31. */
int tn_xlsx_serial_to_ymd(double serial, int date1904, int *y, int *m, int *d);

/* The serial of a civil date (1900 system from 1900-03-01 on, and the
   1904 system); what a writer puts in a date cell. */
double tn_xlsx_ymd_to_serial(int y, int m, int d, int date1904);

/* Whether a cell with number format id `id` (and format code `code`, for
   custom formats; NULL for built-in ones) shows a date: the built-in date
   ids (14-22, and 27-36 and 50-58 of the East Asian locales) or a code
   with y, m, d, h or s outside quoted text, escapes and [brackets]. */
int tn_xlsx_format_is_date(int id, const char *code);

#endif

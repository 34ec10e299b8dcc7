/*
 * xlsx_sheet.c -- one worksheet of an Excel workbook read into cells of
 * text, then handed to data.c's loader as rows (data_load.h).
 *
 * The worksheet XML is streamed through expat; each cell with a value
 * becomes text the CSV reader would have seen: a shared or inline string
 * as written, a number as Excel stored it ("1.2345", "1E-3"), a number in
 * a date style as an ISO date ("2024-01-31"; serial dates in the 1900 or
 * the 1904 system), TRUE/FALSE, or an error such as #N/A (a missing-value
 * token). Cells without a value, and blank ones, are not stored, so rows
 * of nothing read as blank lines. A formula cell without a cached value
 * cannot be read without a spreadsheet engine: an error naming the cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xlsx.h"
#include "lib/xlsx_book.h"

typedef struct {
    xlsx_book *b;
    csvload *c;
    XML_Parser p;
    int r0, c0, r1, c1;       /* the range to keep */
    int row, next_col;        /* the current row; the column a cell without r= gets */
    int prev_row_kept;        /* last row number stored */
    /* the cell being read */
    int in_cell, col, style, has_f, has_v;
    char type;                /* n (number), s (shared), i (inline), t (str), b, e, d */
    int capture;              /* collecting text: inside <v>, or <t> of an inline string */
    int in_is, rph;           /* inside <is>; depth inside phonetic runs (<rPh>), skipped */
    char *text;               /* the collected text */
    size_t tlen, tcap;
    int failed;
} sheet_parse;

/* Stops the parser with an error at the current cell (or row, col < 0):
   msg is the message, with %s replaced by arg. */
static void sheet_fail(sheet_parse *sp, int col, const char *msg, const char *arg) {
    if (sp->failed) return;
    sp->failed = 1;
    const char *mark = strstr(msg, "%s");
    int head = mark ? (int)(mark - msg) : (int)strlen(msg);
    tn_data_fail(sp->c, sp->row, col >= 0 ? col + 1 : 0, "%.*s%s%s", head, msg,
                 mark ? arg : "", mark ? mark + 2 : "");
    XML_StopParser(sp->p, XML_FALSE);
}

static int parse_uint(const char *s, size_t n, long max, long *out) {
    long v = 0;
    if (n == 0) return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || v > max) return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (v > max) return -1;
    *out = v;
    return 0;
}

static void start_row(sheet_parse *sp, const char **atts) {
    const char *r = xlsx_attr(atts, "r");
    long n = sp->row + 1;
    if (r && parse_uint(r, strlen(r), TN_XLSX_MAX_ROWS, &n) != 0) {
        sheet_fail(sp, -1, "row number '%s' is not a row of a sheet", r);
        return;
    }
    if (n <= sp->row || n < 1) {
        sheet_fail(sp, -1, "rows out of order in the sheet (%s): the file is damaged", r ? r : "?");
        return;
    }
    sp->row = (int)n;
    sp->next_col = 0;
}

static void start_cell(sheet_parse *sp, const char **atts) {
    const char *ref = xlsx_attr(atts, "r"), *t = xlsx_attr(atts, "t"), *s = xlsx_attr(atts, "s");
    int row = sp->row, col = sp->next_col;
    if (ref && (tn_xlsx_parse_ref(ref, strlen(ref), &row, &col) != 0 || row != sp->row)) {
        sheet_fail(sp, -1, "cell reference '%s' is not in this row: the file is damaged", ref);
        return;
    }
    if (col < sp->next_col || col >= TN_XLSX_MAX_COLS) {
        sheet_fail(sp, col, "cells out of order in the row: the file is damaged%s", "");
        return;
    }
    long style = 0;
    if (s && parse_uint(s, strlen(s), 1L << 24, &style) != 0) style = -1;
    sp->in_cell = 1, sp->col = col, sp->style = (int)style, sp->has_f = sp->has_v = 0;
    sp->tlen = 0;
    sp->type = !t || strcmp(t, "n") == 0 ? 'n' : strcmp(t, "s") == 0 ? 's'
             : strcmp(t, "inlineStr") == 0 ? 'i' : strcmp(t, "str") == 0 ? 't'
             : strcmp(t, "b") == 0 ? 'b' : strcmp(t, "e") == 0 ? 'e'
             : strcmp(t, "d") == 0 ? 'd' : '?';
    if (sp->type == '?') sheet_fail(sp, col, "unknown cell type '%s'", t);
}

static void XMLCALL sheet_start(void *ud, const char *name, const char **atts) {
    sheet_parse *sp = ud;
    const char *el = xlsx_local(name);
    if (strcmp(el, "row") == 0) start_row(sp, atts);
    else if (strcmp(el, "c") == 0) start_cell(sp, atts);
    else if (!sp->in_cell) return;
    else if (strcmp(el, "v") == 0) sp->capture = 1, sp->has_v = 1, sp->tlen = 0;
    else if (strcmp(el, "f") == 0) sp->has_f = 1;
    else if (strcmp(el, "is") == 0) sp->in_is = 1, sp->has_v = 1;
    else if (strcmp(el, "rPh") == 0) sp->rph++;
    else if (strcmp(el, "t") == 0 && sp->in_is && sp->rph == 0) sp->capture = 1;
}

static void XMLCALL sheet_text(void *ud, const char *s, int len) {
    sheet_parse *sp = ud;
    if (!sp->capture || sp->failed) return;
    if (xlsx_grow((void **)&sp->text, &sp->tcap, sp->tlen + (size_t)len + 1, 1) != 0 ||
        sp->tlen + (size_t)len > 32767 * 4) {     /* Excel's 32767 characters, in UTF-8 */
        sheet_fail(sp, sp->col, "cell text too long%s", "");
        return;
    }
    memcpy(sp->text + sp->tlen, s, (size_t)len);
    sp->tlen += (size_t)len;
}

static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) if (s[i] != ' ' && s[i] != '\t') return 0;
    return 1;
}

/* A number cell in a date style becomes "YYYY-MM-DD"; 0, or -1 when it
   is no date Excel can show. */
static int serial_text(sheet_parse *sp, char *out, size_t size) {
    char buf[64], *end;
    if (sp->tlen == 0 || sp->tlen >= sizeof buf) return -1;
    memcpy(buf, sp->text, sp->tlen);
    buf[sp->tlen] = '\0';
    double serial = strtod(buf, &end);
    int y, m, d;
    if (*end || tn_xlsx_serial_to_ymd(serial, sp->b->date1904, &y, &m, &d) != 0) return -1;
    snprintf(out, size, "%04d-%02d-%02d", y, m, d);
    return 0;
}

/* Where the cell's text is: (off, len) in the arena. 0, 1 to skip, -1. */
static int cell_text(sheet_parse *sp, size_t *off, size_t *len) {
    xlsx_book *b = sp->b;
    const char *s = sp->text ? sp->text : "";
    size_t n = sp->tlen;
    char date[16];
    long k;
    if (!sp->has_v || (sp->has_f && n == 0 && sp->type != 'i')) {     /* openpyxl writes <v></v> */
        if (sp->has_f) sheet_fail(sp, sp->col, "formula without a cached value (recalculate and save"
                                  " the workbook in Excel or LibreOffice first)%s", "");
        return sp->has_f ? -1 : 1;
    }
    if (sp->type == 's') {
        if (parse_uint(s, n, 1L << 40, &k) != 0 || (size_t)k >= b->nsst) {
            sheet_fail(sp, sp->col, "shared string index out of range (the table has fewer)%s", "");
            return -1;
        }
        *off = b->sst_off[k], *len = b->sst_len[k];
        return 0;
    }
    if (sp->type == 'n' && sp->style >= 0 && (size_t)sp->style < b->nxf && b->xf_date[sp->style]) {
        if (serial_text(sp, date, sizeof date) != 0) {
            sp->text[n < 40 ? n : 40] = '\0';
            if (!b->date1904 && strcmp(sp->text, "60") == 0) {
                sheet_fail(sp, sp->col, "date cell holds day 60 of the 1900 date system, 1900-02-29,"
                           " a day that never was (Excel's leap-year bug)%s", "");
                return -1;
            }
            sheet_fail(sp, sp->col, "date cell holds %s, not a day Excel can show", sp->text);
            return -1;
        }
        s = date, n = strlen(date);
    } else if (sp->type == 'b') {
        s = n == 1 && s[0] == '1' ? "TRUE" : "FALSE", n = strlen(s);
    } else if (sp->type == 'd') {
        const char *tee = memchr(s, 'T', n);     /* ISO 8601: keep the day */
        if (tee) n = (size_t)(tee - s);
    }
    if (blank(s, n)) return 1;
    *off = xlsx_arena_add(b, s, n), *len = n;
    if (*off == (size_t)-1) { sheet_fail(sp, sp->col, "out of memory%s", ""); return -1; }
    return 0;
}

static void end_cell(sheet_parse *sp) {
    xlsx_book *b = sp->b;
    size_t off = 0, len = 0;
    sp->in_cell = sp->capture = sp->in_is = sp->rph = 0;
    sp->next_col = sp->col + 1;
    if (sp->row < sp->r0 || sp->row > sp->r1 || sp->col < sp->c0 || sp->col > sp->c1) return;
    if (cell_text(sp, &off, &len) != 0) return;
    if (xlsx_grow((void **)&b->cells, &b->ccap, b->ncells + 1, sizeof *b->cells) != 0 ||
        (sp->prev_row_kept != sp->row &&
         xlsx_grow((void **)&b->rows, &b->rcap, b->nrows + 1, sizeof *b->rows) != 0)) {
        sheet_fail(sp, sp->col, "out of memory%s", "");
        return;
    }
    if (sp->prev_row_kept != sp->row) {
        b->rows[b->nrows++] = (xlsx_row){b->ncells, sp->row, 0};
        sp->prev_row_kept = sp->row;
    }
    b->cells[b->ncells++] = (xlsx_cell){off, (uint32_t)len, sp->col};
    b->rows[b->nrows - 1].ncells++;
}

static void XMLCALL sheet_end(void *ud, const char *name) {
    sheet_parse *sp = ud;
    const char *el = xlsx_local(name);
    if (!sp->in_cell || sp->failed) return;
    if (strcmp(el, "c") == 0) end_cell(sp);
    else if (strcmp(el, "v") == 0) sp->capture = 0;
    else if (strcmp(el, "t") == 0 && sp->in_is && sp->rph == 0) sp->capture = 0;
    else if (strcmp(el, "rPh") == 0 && sp->rph > 0) sp->rph--;
    else if (strcmp(el, "is") == 0) sp->in_is = 0;
}

int xlsx_read_sheet(xlsx_book *b, csvload *c, const char *part, int r0, int c0, int r1, int c1) {
    sheet_parse sp;
    memset(&sp, 0, sizeof sp);
    sp.b = b, sp.c = c, sp.r0 = r0, sp.c0 = c0, sp.r1 = r1, sp.c1 = c1;
    sp.p = XML_ParserCreate("UTF-8");
    if (!sp.p) return tn_data_fail(c, 0, 0, "out of memory");
    XML_SetUserData(sp.p, &sp);
    XML_SetElementHandler(sp.p, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(sp.p, sheet_text);
    c->col0 = 0;                 /* messages name sheet columns while parsing */
    int r = xlsx_parse_part(b, c, sp.p, part, 0);
    XML_ParserFree(sp.p);
    free(sp.text);
    return r;
}

/* ------------------------------------------------------------ row source */

int xlsx_table_shape(const xlsx_book *b, int fixed_col0, int *col0) {
    if (b->nrows == 0) return 0;
    const xlsx_row *h = &b->rows[0];
    const xlsx_cell *first = &b->cells[h->first], *last = &b->cells[h->first + (size_t)h->ncells - 1];
    *col0 = fixed_col0 >= 0 ? fixed_col0 : first->col;
    return last->col - *col0 + 1;
}

static int next_row(csvload *c) {
    xlsx_rows *r = c->source;
    xlsx_book *b = r->b;
    if (r->next >= b->nrows) return 0;
    const xlsx_row *row = &b->rows[r->next++];
    r->rd.line = row->row;
    r->rd.nfields = r->width;
    for (int i = 0; i < r->width; i++) r->rd.fields[i] = (tn_csv_field){r->empty, 0, 0};
    for (int k = 0; k < row->ncells; k++) {
        const xlsx_cell *cell = &b->cells[row->first + (size_t)k];
        int i = cell->col - c->col0;
        char at[4], edge[4];
        if (i < 0 || i >= r->width) {
            tn_xlsx_col_name(cell->col, at);
            tn_xlsx_col_name(i < 0 ? c->col0 : c->col0 + r->width - 1, edge);
            return tn_data_fail(c, row->row, 0, "cell %s%d lies %s the table, whose header %s at"
                                " column %s (read a part of the sheet with range=, such as 'B3:F200')",
                                at, row->row, i < 0 ? "left of" : "right of", i < 0 ? "starts" : "ends", edge);
        }
        r->rd.fields[i] = (tn_csv_field){b->arena + cell->off, cell->len, 0};
    }
    return 1;
}

void xlsx_rows_begin(xlsx_book *b, csvload *c, xlsx_rows *r, tn_csv_field *fields,
                     int col0, int width) {
    memset(r, 0, sizeof *r);
    r->b = b, r->width = width;
    r->rd.fields = fields, r->rd.cap = width;
    c->rd = &r->rd;
    c->source = r;
    c->next = next_row;
    c->col0 = col0;
    c->cap = b->nrows;
}

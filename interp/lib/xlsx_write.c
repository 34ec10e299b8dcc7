/*
 * xlsx_write.c -- data._write_xlsx: sheets of series or of cells written
 * as an Excel workbook with libxlsxwriter.
 *
 *   data._write_xlsx(path, sheets) -> true | nil, message
 *   sheets: a list of
 *     {name =, head = {{cell, ...}, ...}, series = {s1, s2, ...},
 *      date_format = "yyyy-mm-dd", all_rows = false, foot = {{cell, ...}, ...}}
 *   or {name =, head = {...}, rows = {{cell, ...}, ...}}
 *
 * head rows (the column names, and metadata rows such as 单位/来源) are
 * written first and frozen, with the first column. A series sheet then has
 * one row per period of the union of the spans: the period's last day as
 * a real date cell, each series' value as a number, a missing value as an
 * empty cell; rows where every series is missing are left out unless
 * all_rows. A cell of rows is a number (NaN: empty), a string, a boolean
 * or nil. foot rows (notes such as 数据来源：Wind) go below the body after
 * a blank row. data.lua validates names, frequencies and sheet names first;
 * this file checks types as it goes. The workbook is written beside the
 * target and renamed over it, so a failure never leaves half a file; the
 * libxlsxwriter workbook lives in a userdata that frees it on any error.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>
#include <xlsxwriter.h>

#include "core/calendar.h"
#include "core/xlsx.h"
#include "series/series.h"
#include "lib/data.h"
#include "lib/xlsxlibs.h"

/* libxlsxwriter, loaded by tn_data_write_xlsx before any other use here */
static const tn_xlsxw_api *W;

#define WRITER_MT "tenor.xlsxwriter"

typedef struct {
    lxw_workbook *wb;
    lxw_format *date_fmt, *head_fmt;
    lxw_format *dec_fmt[18];      /* "0.0", "0.00", ... by decimals */
} xlsx_writer;

static int writer_gc(lua_State *L) {
    xlsx_writer *w = luaL_checkudata(L, 1, WRITER_MT);
    if (w->wb) W->lxw_workbook_free(w->wb);
    w->wb = NULL;
    return 0;
}

/* Writes the cell at the top of the stack (and pops it). */
static lxw_error write_cell(lua_State *L, xlsx_writer *w, lxw_worksheet *ws, int row, int col,
                            lxw_format *f, const char *where) {
    lxw_error e = LXW_NO_ERROR;
    switch (lua_type(L, -1)) {
    case LUA_TNIL: break;
    case LUA_TNUMBER: {
        double x = lua_tonumber(L, -1);
        if (!isnan(x) && !isinf(x)) e = W->worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, x, f);
        break;
    }
    case LUA_TBOOLEAN:
        e = W->worksheet_write_boolean(ws, (lxw_row_t)row, (lxw_col_t)col, lua_toboolean(L, -1), f);
        break;
    case LUA_TSTRING:
        e = W->worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, lua_tostring(L, -1), f);
        break;
    default:
        luaL_error(L, "data.write_xlsx: %s row %d column %d is a %s (cells are numbers, strings or booleans)",
                   where, row + 1, col + 1, luaL_typename(L, -1));
    }
    (void)w;
    lua_pop(L, 1);
    return e;
}

/* Rows of cells from table idx, starting at sheet row *row. */
static lxw_error write_rows(lua_State *L, xlsx_writer *w, lxw_worksheet *ws, int idx, int *row,
                            lxw_format *f, const char *where) {
    int n = (int)lua_rawlen(L, idx);
    for (int i = 1; i <= n; i++, (*row)++) {
        if (lua_rawgeti(L, idx, i) != LUA_TTABLE)
            luaL_error(L, "data.write_xlsx: %s row %d is not a table of cells", where, i);
        int m = (int)lua_rawlen(L, -1);
        if (*row >= TN_XLSX_MAX_ROWS || m > TN_XLSX_MAX_COLS)
            luaL_error(L, "data.write_xlsx: more rows or columns than a sheet holds");
        for (int j = 1; j <= m; j++) {
            lua_rawgeti(L, -1, j);
            lxw_error e = write_cell(L, w, ws, *row, j - 1, f, where);
            if (e) { lua_pop(L, 1); return e; }
        }
        lua_pop(L, 1);
    }
    return LXW_NO_ERROR;
}

static lxw_format *decimals_format(xlsx_writer *w, lua_State *L, int sidx) {
    lua_Integer d = 0;
    if (lua_getiuservalue(L, sidx, 2) == LUA_TTABLE) {
        lua_getfield(L, -1, "decimals");
        d = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (d <= 0 || d > 17) return NULL;
    if (!w->dec_fmt[d]) {
        char code[24] = "0.";
        memset(code + 2, '0', (size_t)d);
        code[2 + d] = '\0';
        w->dec_fmt[d] = W->workbook_add_format(w->wb);
        W->format_set_num_format(w->dec_fmt[d], code);
    }
    return w->dec_fmt[d];
}

/* The series body of a sheet: list at idx, from sheet row row0. */
static lxw_error write_series(lua_State *L, xlsx_writer *w, lxw_worksheet *ws, int idx, int *rowp,
                              int all_rows) {
    int n = (int)lua_rawlen(L, idx), empty = 1, freq = 0;
    int64_t lo = 0, hi = -1;
    tn_series **sv = lua_newuserdatauv(L, (size_t)n * sizeof *sv + 1, 0);
    lxw_format **dec = lua_newuserdatauv(L, (size_t)n * sizeof *dec + 1, 0);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);      /* the list keeps it */
        tn_series *s = sv[i - 1] = tn_series_test(L, -1);
        if (!s) luaL_error(L, "data.write_xlsx: item %d is a %s, expected a series", i, luaL_typename(L, -1));
        dec[i - 1] = decimals_format(w, L, lua_gettop(L));
        lua_pop(L, 1);
        freq = s->freq;
        if (s->n && (empty || s->start < lo)) lo = s->start;
        if (s->n && (empty || s->start + (int64_t)s->n - 1 > hi)) hi = s->start + (int64_t)s->n - 1;
        if (s->n) empty = 0;
    }
    const int64_t epoch = tn_days_from_civil(1899, 12, 30);
    int row = *rowp;
    for (int64_t p = lo; !empty && p <= hi; p++) {
        int any = 0;
        for (int i = 0; i < n && !any; i++) {
            const tn_series *s = sv[i];
            int64_t k = p - s->start;
            any = k >= 0 && k < (int64_t)s->n && !isnan(s->v[k]);
        }
        if (!any && !all_rows) continue;
        if (row >= TN_XLSX_MAX_ROWS) luaL_error(L, "data.write_xlsx: more rows than a sheet holds (1048576)");
        double serial = (double)(tn_period_last_day(freq, p) - epoch);
        lxw_error e = W->worksheet_write_number(ws, (lxw_row_t)row, 0, serial, w->date_fmt);
        for (int i = 0; i < n && !e; i++) {
            const tn_series *s = sv[i];
            int64_t k = p - s->start;
            if (k >= 0 && k < (int64_t)s->n && !isnan(s->v[k]) && !isinf(s->v[k]))
                e = W->worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)(i + 1), s->v[k], dec[i]);
        }
        if (e) return e;
        row++;
    }
    lua_pop(L, 2);
    *rowp = row;
    return LXW_NO_ERROR;
}

static const char *field_str(lua_State *L, int t, const char *key, const char *dflt) {
    lua_getfield(L, t, key);
    const char *s = lua_isstring(L, -1) ? lua_tostring(L, -1) : dflt;
    lua_pop(L, 1);     /* the sheet table keeps it */
    return s;
}

/* One sheet: the table at index t. */
static lxw_error write_sheet(lua_State *L, xlsx_writer *w, int t) {
    const char *name = field_str(L, t, "name", "data");
    lxw_worksheet *ws = W->workbook_add_worksheet(w->wb, name);
    if (!ws) luaL_error(L, "data.write_xlsx: cannot add sheet '%s'", name);
    int row = 0, width = 0;
    lxw_error e = LXW_NO_ERROR;
    if (lua_getfield(L, t, "head") == LUA_TTABLE) {
        e = write_rows(L, w, ws, lua_gettop(L), &row, w->head_fmt, "head");
        if (lua_rawgeti(L, -1, 1) == LUA_TTABLE) width = (int)lua_rawlen(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    int nhead = row;
    if (!e && lua_getfield(L, t, "series") == LUA_TTABLE) {
        lua_getfield(L, t, "all_rows");
        int all = lua_toboolean(L, -1);
        lua_pop(L, 1);
        e = write_series(L, w, ws, lua_gettop(L), &row, all);
    } else if (!e && lua_getfield(L, t, "rows") == LUA_TTABLE) {
        e = write_rows(L, w, ws, lua_gettop(L), &row, NULL, "rows");
    }
    lua_pop(L, 1);
    if (!e && lua_getfield(L, t, "foot") == LUA_TTABLE && lua_rawlen(L, -1) > 0) {
        row++;
        e = write_rows(L, w, ws, lua_gettop(L), &row, NULL, "foot");
    }
    lua_pop(L, 1);
    if (nhead > 0) W->worksheet_freeze_panes(ws, (lxw_row_t)nhead, 1);
    if (!e) e = W->worksheet_set_column(ws, 0, 0, 12, NULL);
    if (!e && width > 1) e = W->worksheet_set_column(ws, 1, (lxw_col_t)(width - 1), 14, NULL);
    return e;
}

int tn_data_write_xlsx(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    const char *why = NULL;
    if (!W && !(W = tn_xlsxw_load(&why))) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: cannot write: %s", path, why);
        return 2;
    }
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    const char *tmp = lua_pushfstring(L, "%s.tmp%d", path, (int)getpid());
    xlsx_writer *w = tn_data_owned(L, sizeof *w, WRITER_MT, writer_gc);
    FILE *probe = fopen(tmp, "wb");     /* libxlsxwriter would print its own message */
    if (probe) fclose(probe);
    /* libxlsxwriter assembles the zip from temporary files, by default in
       /tmp; they go beside the target instead, where a sandboxed run may
       write (and where the rename below needs the result anyway) */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir) slash[1] = '\0';
    else if (slash) *slash = '\0';
    else snprintf(dir, sizeof dir, ".");
    lxw_workbook_options wopts = {.constant_memory = 0, .tmpdir = dir, .use_zip64 = 0};
    w->wb = probe ? W->workbook_new_opt(tmp, &wopts) : NULL;
    if (!w->wb) {
        int err = errno ? errno : EIO;
        if (probe) remove(tmp);
        lua_pushnil(L);
        lua_pushfstring(L, "%s: cannot write: %s", path, strerror(err));
        return 2;
    }
    w->head_fmt = W->workbook_add_format(w->wb);
    W->format_set_bold(w->head_fmt);
    int n = (int)lua_rawlen(L, 2);
    lxw_error e = LXW_NO_ERROR;
    for (int i = 1; i <= n && !e; i++) {
        if (lua_rawgeti(L, 2, i) != LUA_TTABLE) luaL_error(L, "data.write_xlsx: sheet %d is not a table", i);
        w->date_fmt = W->workbook_add_format(w->wb);
        W->format_set_num_format(w->date_fmt, field_str(L, -1, "date_format", "yyyy-mm-dd"));
        e = write_sheet(L, w, lua_gettop(L));
        lua_pop(L, 1);
    }
    lxw_workbook *wb = w->wb;
    w->wb = NULL;                      /* workbook_close frees it, written or not */
    lxw_error closed = W->workbook_close(wb);
    if (!e) e = closed;
    if (e || rename(tmp, path) != 0) {
        int err = errno;
        remove(tmp);
        lua_pushnil(L);
        lua_pushfstring(L, "%s: cannot write: %s", path, e ? W->lxw_strerror(e) : strerror(err));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

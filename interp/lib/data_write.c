/*
 * data_write.c -- data._write_csv: series as one wide CSV file.
 *
 *   data._write_csv(path, list, opts) -> true | nil, msg
 *
 * The list is checked before any file is touched; the file is written
 * beside the target and renamed over it, so the old file survives any
 * failure. Numbers are the shortest text that reads back exactly.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/numparse.h"
#include "series/opts.h"
#include "series/series.h"
#include "lib/data.h"

static int parse_style(const char *s) {
    static const char *const names[] = {"iso", "compact", "start", "end", NULL};
    for (int i = 0; names[i]; i++) if (strcmp(s, names[i]) == 0) return i;
    return -1;
}

static void write_cell_text(FILE *f, const char *s, char sep) {
    if (strpbrk(s, "\"\n\r") || strchr(s, sep)) {
        fputc('"', f);
        for (; *s; s++) { if (*s == '"') fputc('"', f); fputc(*s, f); }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
}

typedef struct {
    int n, freq, style, all_rows, empty;
    char sep;
    const char *na;
    int64_t lo, hi;
    tn_series **s;
    int *decimals;           /* from s.meta.decimals, 0 when not set */
} csvwrite;

/* Validates the list (same frequency, unique names) before any file is
   touched, so a bad call never leaves a half-written file. */
static void check_write_list(lua_State *L, csvwrite *w) {
    w->n = (int)lua_rawlen(L, 2);
    w->empty = 1;
    if (w->n == 0) tn_arg_error(L, "data.write_csv", "what", "is empty: nothing to write");
    w->s = tn_data_scratch(L, (size_t)w->n * sizeof *w->s);
    w->decimals = tn_data_scratch(L, (size_t)w->n * sizeof(int));
    for (int i = 0; i < w->n; i++) {
        lua_rawgeti(L, 2, i + 1);
        w->s[i] = tn_series_test(L, -1);
        if (!w->s[i]) luaL_error(L, "data.write_csv: item %d is a %s, expected a series", i + 1, luaL_typename(L, -1));
        if (!tn_series_name(L, -1)) luaL_error(L, "data.write_csv: series %d has no name (set s.name)", i + 1);
        w->decimals[i] = 0;
        if (lua_getiuservalue(L, -1, 2) == LUA_TTABLE) {
            lua_getfield(L, -1, "decimals");
            lua_Integer d = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
            w->decimals[i] = d > 0 && d <= 17 ? (int)d : 0;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (i > 0 && w->s[i]->freq != w->s[0]->freq) {
            char a[128], b[128];
            lua_rawgeti(L, 2, 1);
            luaL_error(L, "data.write_csv: cannot put %s and %s in one file: frequencies differ",
                       tn_series_describe(L, -1, a, sizeof a), tn_series_describe(L, -2, b, sizeof b));
        }
        for (int j = 0; j < i; j++) {
            lua_rawgeti(L, 2, j + 1);
            if (strcmp(tn_series_name(L, -1), tn_series_name(L, -2)) == 0)
                luaL_error(L, "data.write_csv: two series are named '%s'", tn_series_name(L, -1));
            lua_pop(L, 1);
        }
        int64_t a = w->s[i]->start, b = a + (int64_t)w->s[i]->n - 1;
        if (w->s[i]->n && (w->empty || a < w->lo)) w->lo = a;
        if (w->s[i]->n && (w->empty || b > w->hi)) w->hi = b;
        if (w->s[i]->n) w->empty = 0;
        lua_pop(L, 1);
    }
    w->freq = w->s[0]->freq;
}

/* The shortest text that reads back to x, padded with zeros to at least
   the column's decimals (padding never changes the value). */
static void write_number(FILE *f, double x, int decimals, char *buf, size_t size) {
    int n = tn_format_double(x, buf, size);
    if (decimals > 0 && !strpbrk(buf, "eEni")) {
        char *dot = strchr(buf, '.');
        int have = dot ? (int)(buf + n - dot - 1) : 0;
        if (!dot && (size_t)n + 1 < size) buf[n++] = '.';
        while (have++ < decimals && (size_t)n + 1 < size) buf[n++] = '0';
        buf[n] = '\0';
    }
    fputs(buf, f);
}

static void write_body(FILE *f, const csvwrite *w) {
    char buf[64];
    for (int64_t p = w->lo; p <= w->hi; p++) {
        int any = 0;
        for (int i = 0; i < w->n && !any; i++) {
            int64_t k = p - w->s[i]->start;
            any = k >= 0 && k < (int64_t)w->s[i]->n && !isnan(w->s[i]->v[k]);
        }
        if (!any && !w->all_rows) continue;
        tn_period_format(w->freq, p, w->style, buf, sizeof buf);
        fputs(buf, f);
        for (int i = 0; i < w->n; i++) {
            int64_t k = p - w->s[i]->start;
            fputc(w->sep, f);
            if (k >= 0 && k < (int64_t)w->s[i]->n && !isnan(w->s[i]->v[k])) {
                write_number(f, w->s[i]->v[k], w->decimals[i], buf, sizeof buf);
            } else {
                fputs(w->na, f);
            }
        }
        fputc('\n', f);
    }
}

/* data._write_csv(path, list of series, opts): writes to a temporary file
   beside the target and renames it over, so the old file survives any
   failure. Rows are the union of the spans; rows where every series is
   missing are left out (as the file they came from had no such row)
   unless opts.all_rows. */
int tn_data_write_csv(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    if (!lua_isnoneornil(L, 3)) luaL_checktype(L, 3, LUA_TTABLE);
    lua_settop(L, 3);
    csvwrite w;
    memset(&w, 0, sizeof w);
    check_write_list(L, &w);
    const char *fmt = tn_data_opt_string(L, 3, "date_format");
    const char *sep = tn_data_opt_string(L, 3, "sep");
    const char *datecol = tn_data_opt_string(L, 3, "date_column");
    w.na = tn_data_opt_string(L, 3, "na");
    if (!w.na) w.na = "";
    w.sep = sep ? (strcmp(sep, "\\t") == 0 ? '\t' : sep[0]) : ',';
    w.style = fmt ? parse_style(fmt) : TN_STYLE_ISO;    /* data.lua has checked the choice */
    lua_getfield(L, 3, "all_rows");
    w.all_rows = lua_toboolean(L, -1);
    const char *tmp = lua_pushfstring(L, "%s.tmp%d", path, (int)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: cannot write: %s", path, strerror(errno));
        return 2;
    }
    write_cell_text(f, datecol ? datecol : "date", w.sep);
    for (int i = 0; i < w.n; i++) {
        lua_rawgeti(L, 2, i + 1);
        fputc(w.sep, f);
        write_cell_text(f, tn_series_name(L, -1), w.sep);
        lua_pop(L, 1);
    }
    fputc('\n', f);
    if (!w.empty) write_body(f, &w);
    int bad = ferror(f);
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        int e = errno;
        remove(tmp);
        lua_pushnil(L);
        lua_pushfstring(L, "%s: cannot write: %s", path, strerror(e));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/*
 * xlsx_read.c -- data._read_xlsx: an Excel workbook (.xlsx) read into a
 * dataset exactly as data._read_csv reads a CSV file.
 *
 *   data._read_xlsx(path, opts) -> {names=, columns=, freq=, ...} | nil, msg
 *   opts: sheet (name or 1-based index), date, freq, range, nrows, bytes
 *
 * The zip is libzip's, the XML expat's. This file finds the parts
 * (_rels/.rels -> the workbook -> its relationships -> the sheet, the
 * shared strings and the styles), reads the date system, which cell styles
 * show dates and the shared-string table; xlsx_sheet.c reads the sheet's
 * cells; data.c's loader does the rest, so layouts, missing-value tokens,
 * metadata rows and messages are the CSV reader's. Problems with the file
 * come back as nil and "file: message" or "file:sheet!B12: message".
 * Everything allocated lives in one userdata whose __gc frees it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "core/xlsx.h"
#include "series/opts.h"
#include "lib/xlsx_book.h"
#include "lib/xlsxlibs.h"

/* libzip, loaded by open_zip before any other use in this file */
static const tn_zip_api *Z;

#define BOOK_MT "tenor.xlsxbook"

/* ------------------------------------------------------------- helpers */

int xlsx_grow(void **p, size_t *cap, size_t need, size_t sz) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need) n *= 2;
    if (n > ((size_t)-1 >> 1) / sz) return -1;
    void *q = realloc(*p, n * sz);
    if (!q) return -1;
    *p = q, *cap = n;
    return 0;
}

size_t xlsx_arena_add(xlsx_book *b, const char *s, size_t n) {
    if (b->alen + n > XLSX_MAX_TEXT || xlsx_grow((void **)&b->arena, &b->acap, b->alen + n + 1, 1) != 0)
        return (size_t)-1;
    size_t off = b->alen;
    memcpy(b->arena + off, s, n);
    b->alen += n;
    return off;
}

const char *xlsx_local(const char *name) {
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

const char *xlsx_attr(const char **atts, const char *name) {
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(xlsx_local(atts[i]), name) == 0) return atts[i + 1];
    return NULL;
}

static int book_gc(lua_State *L) {
    xlsx_book *b = luaL_checkudata(L, 1, BOOK_MT);
    if (b->zip) Z->zip_discard(b->zip);
    free(b->arena), free(b->sst_off), free(b->sst_len), free(b->xf_date);
    free(b->cells), free(b->rows);
    memset(b, 0, sizeof *b);
    return 0;
}

int xlsx_parse_part(xlsx_book *b, csvload *c, XML_Parser p, const char *part, int optional) {
    zip_stat_t st;
    Z->zip_stat_init(&st);
    if (Z->zip_stat(b->zip, part, 0, &st) != 0) {
        if (optional) return 1;
        return tn_data_fail(c, 0, 0, "the workbook has no part %s: not a complete .xlsx file", part);
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_MAX_PART)
        return tn_data_fail(c, 0, 0, "%s unpacks to %llu bytes, more than tenor reads (4 GB)",
                            part, (unsigned long long)st.size);
    zip_file_t *f = Z->zip_fopen(b->zip, part, 0);
    if (!f) return tn_data_fail(c, 0, 0, "cannot unpack %s: %s", part, Z->zip_strerror(b->zip));
    uint64_t total = 0;
    for (;;) {
        void *buf = XML_GetBuffer(p, 1 << 16);
        if (!buf) { Z->zip_fclose(f); return tn_data_fail(c, 0, 0, "out of memory"); }
        zip_int64_t n = Z->zip_fread(f, buf, 1 << 16);
        if (n < 0) {
            tn_data_fail(c, 0, 0, "cannot unpack %s: %s", part, Z->zip_file_strerror(f));
            Z->zip_fclose(f);
            return -1;
        }
        total += (uint64_t)n;
        if (total > XLSX_MAX_PART) {
            Z->zip_fclose(f);
            return tn_data_fail(c, 0, 0, "%s unpacks to more than tenor reads (4 GB)", part);
        }
        if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
            Z->zip_fclose(f);
            if (c->msg[0]) return -1;       /* a handler's own message */
            return tn_data_fail(c, 0, 0, "%s line %lu: %s", part,
                                (unsigned long)XML_GetCurrentLineNumber(p),
                                XML_ErrorString(XML_GetErrorCode(p)));
        }
        if (n == 0) break;
    }
    Z->zip_fclose(f);
    return 0;
}

/* A parser over one part with a start handler and a context; the end and
   text handlers are the caller's to set. */
static int parse_simple(xlsx_book *b, csvload *c, const char *part, int optional,
                        XML_StartElementHandler start, void *ud,
                        XML_EndElementHandler end, XML_CharacterDataHandler text) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p) return tn_data_fail(c, 0, 0, "out of memory");
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    if (text) XML_SetCharacterDataHandler(p, text);
    int r = xlsx_parse_part(b, c, p, part, optional);
    XML_ParserFree(p);
    return r;
}

/* ------------------------------------------------ relationships, workbook */

/* A target of a relationships part, resolved against the folder of the
   part that owns it ("xl/"): "worksheets/sheet1.xml" -> "xl/worksheets/
   sheet1.xml"; "/xl/x.xml" is from the root. */
static void resolve(const char *dir, const char *target, char *out, size_t size) {
    if (target[0] == '/') snprintf(out, size, "%s", target + 1);
    else snprintf(out, size, "%s%s", dir, target);
}

typedef struct {
    const char *dir;
    const char *want_id;        /* a relationship by id */
    const char *want_type;      /* or by the end of its type */
    char found[512];
} rels_parse;

static int ends_with(const char *s, const char *tail) {
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

static void XMLCALL rels_start(void *ud, const char *name, const char **atts) {
    rels_parse *rp = ud;
    if (strcmp(xlsx_local(name), "Relationship") != 0 || rp->found[0]) return;
    const char *id = xlsx_attr(atts, "Id"), *type = xlsx_attr(atts, "Type"), *target = xlsx_attr(atts, "Target");
    if (!target) return;
    if ((rp->want_id && id && strcmp(id, rp->want_id) == 0) ||
        (rp->want_type && type && ends_with(type, rp->want_type)))
        resolve(rp->dir, target, rp->found, sizeof rp->found);
}

static void XMLCALL no_end(void *ud, const char *name) { (void)ud, (void)name; }

/* The target of relationship id (or of the one whose type ends in type)
   in rels part `part`; fallback when there is none. */
static int find_rel(xlsx_book *b, csvload *c, const char *part, const char *dir, const char *id,
                    const char *type, const char *fallback, char *out, size_t size) {
    rels_parse rp = {dir, id, type, ""};
    if (parse_simple(b, c, part, 1, rels_start, &rp, no_end, NULL) < 0) return -1;
    snprintf(out, size, "%s", rp.found[0] ? rp.found : fallback ? fallback : "");
    return 0;
}

#define MAX_SHEETS 1024

typedef struct {
    xlsx_book *b;
    size_t name[MAX_SHEETS], id[MAX_SHEETS];     /* NUL-terminated, in the arena */
    int n;
    int oom;
} wb_parse;

static size_t arena_str(xlsx_book *b, const char *s, int *oom) {
    size_t off = xlsx_arena_add(b, s, strlen(s) + 1);
    if (off == (size_t)-1) *oom = 1;
    return off;
}

static void XMLCALL wb_start(void *ud, const char *name, const char **atts) {
    wb_parse *wp = ud;
    const char *el = xlsx_local(name);
    if (strcmp(el, "workbookPr") == 0) {
        const char *d = xlsx_attr(atts, "date1904");
        wp->b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(el, "sheet") == 0 && wp->n < MAX_SHEETS) {
        const char *sname = xlsx_attr(atts, "name"), *id = xlsx_attr(atts, "id");
        if (!sname || !id) return;
        wp->name[wp->n] = arena_str(wp->b, sname, &wp->oom);
        wp->id[wp->n] = arena_str(wp->b, id, &wp->oom);
        if (!wp->oom) wp->n++;
    }
}

/* ------------------------------------------------------------- styles */

typedef struct {
    xlsx_book *b;
    int in_xfs;                 /* inside <cellXfs> (not cellStyleXfs) */
    int *fmt_id;                /* custom formats: id and whether a date */
    unsigned char *fmt_date;
    size_t nfmt, fmt_cap, fmt_cap2, xf_cap;
    int oom;
} styles_parse;

static int custom_is_date(const styles_parse *st, int id) {
    for (size_t i = 0; i < st->nfmt; i++)
        if (st->fmt_id[i] == id) return st->fmt_date[i];
    return tn_xlsx_format_is_date(id, NULL);
}

static void XMLCALL styles_start(void *ud, const char *name, const char **atts) {
    styles_parse *st = ud;
    const char *el = xlsx_local(name);
    if (strcmp(el, "numFmt") == 0) {
        const char *id = xlsx_attr(atts, "numFmtId"), *code = xlsx_attr(atts, "formatCode");
        if (!id || !code) return;
        if (xlsx_grow((void **)&st->fmt_id, &st->fmt_cap, st->nfmt + 1, sizeof *st->fmt_id) ||
            xlsx_grow((void **)&st->fmt_date, &st->fmt_cap2, st->nfmt + 1, 1)) { st->oom = 1; return; }
        st->fmt_id[st->nfmt] = atoi(id);
        st->fmt_date[st->nfmt++] = (unsigned char)tn_xlsx_format_is_date(atoi(id), code);
    } else if (strcmp(el, "cellXfs") == 0) {
        st->in_xfs = 1;
    } else if (strcmp(el, "xf") == 0 && st->in_xfs) {
        const char *id = xlsx_attr(atts, "numFmtId");
        xlsx_book *b = st->b;
        if (b->nxf >= 1u << 20 || xlsx_grow((void **)&b->xf_date, &st->xf_cap, b->nxf + 1, 1)) {
            st->oom = 1;
            return;
        }
        b->xf_date[b->nxf++] = (unsigned char)(id ? custom_is_date(st, atoi(id)) : 0);
    }
}

static void XMLCALL styles_end(void *ud, const char *name) {
    styles_parse *st = ud;
    if (strcmp(xlsx_local(name), "cellXfs") == 0) st->in_xfs = 0;
}

static int read_styles(xlsx_book *b, csvload *c, const char *part) {
    styles_parse st;
    memset(&st, 0, sizeof st);
    st.b = b;
    int r = part[0] ? parse_simple(b, c, part, 1, styles_start, &st, styles_end, NULL) : 1;
    free(st.fmt_id), free(st.fmt_date);
    if (r >= 0 && st.oom) return tn_data_fail(c, 0, 0, "out of memory reading the styles");
    return r < 0 ? -1 : 0;
}

/* ------------------------------------------------------ shared strings */

typedef struct {
    xlsx_book *b;
    csvload *c;
    XML_Parser p;
    int in_si, in_t, rph;
    size_t start;               /* arena offset where the string began */
    int failed;
} sst_parse;

static void sst_fail(sst_parse *sp, const char *msg) {
    if (sp->failed) return;
    sp->failed = 1;
    tn_data_fail(sp->c, 0, 0, "%s", msg);
    XML_StopParser(sp->p, XML_FALSE);
}

static void XMLCALL sst_start(void *ud, const char *name, const char **atts) {
    sst_parse *sp = ud;
    const char *el = xlsx_local(name);
    if (strcmp(el, "sst") == 0) {        /* a declared size past the limit: say so before reading it */
        const char *n = xlsx_attr(atts, "uniqueCount");
        if (n && strtod(n, NULL) > XLSX_MAX_STRINGS)
            sst_fail(sp, "shared-string table declares more than 16,000,000 strings: more than tenor"
                         " reads (save the sheet as CSV, or keep text out of the data sheet)");
    } else if (strcmp(el, "si") == 0) sp->in_si = 1, sp->rph = 0, sp->start = sp->b->alen;
    else if (strcmp(el, "rPh") == 0) sp->rph++;
    else if (strcmp(el, "t") == 0 && sp->in_si && sp->rph == 0) sp->in_t = 1;
}

static void XMLCALL sst_end(void *ud, const char *name) {
    sst_parse *sp = ud;
    xlsx_book *b = sp->b;
    const char *el = xlsx_local(name);
    if (strcmp(el, "t") == 0) sp->in_t = 0;
    else if (strcmp(el, "rPh") == 0 && sp->rph > 0) sp->rph--;
    else if (strcmp(el, "si") == 0 && sp->in_si) {
        sp->in_si = 0;
        if (b->nsst >= XLSX_MAX_STRINGS) {
            sst_fail(sp, "shared-string table has more than 16,000,000 strings: more than tenor reads"
                         " (save the sheet as CSV, or keep text out of the data sheet)");
            return;
        }
        size_t cap2 = b->sst_cap;
        if (xlsx_grow((void **)&b->sst_off, &b->sst_cap, b->nsst + 1, sizeof *b->sst_off) ||
            xlsx_grow((void **)&b->sst_len, &cap2, b->nsst + 1, sizeof *b->sst_len)) {
            sst_fail(sp, "out of memory reading the shared strings");
            return;
        }
        size_t len = b->alen - sp->start;
        b->sst_off[b->nsst] = sp->start;
        b->sst_len[b->nsst++] = len > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)len;
    }
}

static void XMLCALL sst_text(void *ud, const char *s, int len) {
    sst_parse *sp = ud;
    if (!sp->in_t || sp->failed) return;
    if (xlsx_arena_add(sp->b, s, (size_t)len) == (size_t)-1)
        sst_fail(sp, "shared-string table holds more than 1 GB of text: more than tenor reads"
                     " (save the sheet as CSV, or keep text out of the data sheet)");
}

static int read_shared_strings(xlsx_book *b, csvload *c, const char *part) {
    sst_parse sp;
    memset(&sp, 0, sizeof sp);
    sp.b = b, sp.c = c;
    if (!part[0]) return 0;
    sp.p = XML_ParserCreate("UTF-8");
    if (!sp.p) return tn_data_fail(c, 0, 0, "out of memory");
    XML_SetUserData(sp.p, &sp);
    XML_SetElementHandler(sp.p, sst_start, sst_end);
    XML_SetCharacterDataHandler(sp.p, sst_text);
    int r = xlsx_parse_part(b, c, sp.p, part, 1);
    XML_ParserFree(sp.p);
    return r < 0 ? -1 : 0;
}

/* ------------------------------------------------------------- opening */

/* What a file that libzip will not open is, in the analyst's words. */
static int open_fail(csvload *c, int zerr, const char *head, size_t n) {
    static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (zerr == ZIP_ER_NOENT) return tn_data_fail(c, 0, 0, "cannot open: %s", strerror(ENOENT));
    if (zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ)
        return tn_data_fail(c, 0, 0, "cannot open: %s", errno ? strerror(errno) : "read error");
    if (n >= 8 && memcmp(head, ole2, 8) == 0)
        return tn_data_fail(c, 0, 0, "an old binary Excel file (.xls): tenor reads .xlsx; save it as"
                            " .xlsx (Excel Workbook) or as CSV");
    if (zerr == ZIP_ER_NOZIP)
        return tn_data_fail(c, 0, 0, "not an Excel workbook (.xlsx): the file is not a zip archive");
    zip_error_t ze;
    Z->zip_error_init_with_code(&ze, zerr);
    tn_data_fail(c, 0, 0, "not a readable Excel workbook: %s", Z->zip_error_strerror(&ze));
    Z->zip_error_fini(&ze);
    return -1;
}

static int open_zip(xlsx_book *b, csvload *c, const char *bytes, size_t nbytes) {
    const char *why = NULL;
    if (!Z && !(Z = tn_zip_load(&why))) return tn_data_fail(c, 0, 0, "%s", why);
    char head[8] = {0};
    size_t nhead = 0;
    int zerr = 0;
    errno = 0;
    if (bytes) {
        zip_error_t ze;
        Z->zip_error_init(&ze);
        zip_source_t *src = Z->zip_source_buffer_create(bytes, nbytes, 0, &ze);
        if (src && !(b->zip = Z->zip_open_from_source(src, ZIP_RDONLY, &ze))) Z->zip_source_free(src);
        zerr = Z->zip_error_code_zip(&ze);
        Z->zip_error_fini(&ze);
        nhead = nbytes < 8 ? nbytes : 8;
        memcpy(head, bytes, nhead);
    } else {
        b->zip = Z->zip_open(c->path, ZIP_RDONLY, &zerr);
        FILE *f = b->zip ? NULL : fopen(c->path, "rb");
        if (f) { nhead = fread(head, 1, 8, f); fclose(f); }
    }
    return b->zip ? 0 : open_fail(c, zerr, head, nhead);
}

/* Picks the sheet (opts.sheet: a name or a 1-based index; the first by
   default) and leaves its name on the stack; its part in out. */
static int pick_sheet(lua_State *L, xlsx_book *b, csvload *c, const wb_parse *wp, const char *dir,
                      const char *wb_rels, char *out, size_t size) {
    int k = 0;
    if (wp->n == 0) return tn_data_fail(c, 0, 0, "the workbook lists no sheets");
    int t = lua_getfield(L, 2, "sheet");
    if (t == LUA_TNUMBER) {
        lua_Integer i = lua_tointeger(L, -1);
        if (i >= 1 && i <= wp->n) k = (int)i;
    } else if (t == LUA_TSTRING) {
        for (int i = 0; i < wp->n && !k; i++)
            if (strcmp(b->arena + wp->name[i], lua_tostring(L, -1)) == 0) k = i + 1;
    } else {
        k = 1;
    }
    if (!k) {
        luaL_Buffer lb;
        luaL_buffinit(L, &lb);
        for (int i = 0; i < wp->n; i++) {
            if (i) luaL_addstring(&lb, ", ");
            luaL_addstring(&lb, b->arena + wp->name[i]);
        }
        luaL_pushresult(&lb);
        if (t == LUA_TNUMBER)
            return tn_data_fail(c, 0, 0, "no sheet %d: the workbook has %d (%s)",
                                (int)lua_tointeger(L, -2), wp->n, lua_tostring(L, -1));
        return tn_data_fail(c, 0, 0, "no sheet named '%s' (sheets: %s)", lua_tostring(L, -2),
                            lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    lua_pushstring(L, b->arena + wp->name[k - 1]);
    char fallback[600];
    snprintf(fallback, sizeof fallback, "%sworksheets/sheet%d.xml", dir, k);
    return find_rel(b, c, wb_rels, dir, b->arena + wp->id[k - 1], NULL, fallback, out, size);
}

/* Everything before the cells: the zip, the workbook, the chosen sheet's
   part, styles and shared strings. The sheet's name is left on the stack. */
static int open_book(lua_State *L, xlsx_book *b, csvload *c, char *sheet_part, size_t size) {
    char wb[512], dir[512], rels[1100], styles[1100], sst[1100];
    wb_parse *wp = lua_newuserdatauv(L, sizeof *wp, 0);
    memset(wp, 0, sizeof *wp);
    wp->b = b;
    if (find_rel(b, c, "_rels/.rels", "", NULL, "/officeDocument", "xl/workbook.xml", wb, sizeof wb))
        return -1;
    if (Z->zip_name_locate(b->zip, wb, 0) < 0)
        return tn_data_fail(c, 0, 0, "a zip archive without an Excel workbook (no %s): not an .xlsx file", wb);
    const char *slash = strrchr(wb, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - wb + 1) : 0, wb);
    snprintf(rels, sizeof rels, "%s_rels/%s.rels", dir, slash ? slash + 1 : wb);
    if (parse_simple(b, c, wb, 0, wb_start, wp, no_end, NULL) < 0) return -1;
    if (wp->oom) return tn_data_fail(c, 0, 0, "out of memory reading the workbook");
    if (pick_sheet(L, b, c, wp, dir, rels, sheet_part, size)) return -1;
    lua_remove(L, -2);          /* wp */
    char styles0[1100], sst0[1100];
    snprintf(styles0, sizeof styles0, "%sstyles.xml", dir);
    snprintf(sst0, sizeof sst0, "%ssharedStrings.xml", dir);
    if (find_rel(b, c, rels, dir, NULL, "/styles", styles0, styles, sizeof styles) ||
        find_rel(b, c, rels, dir, NULL, "/sharedStrings", sst0, sst, sizeof sst) ||
        read_styles(b, c, styles) || read_shared_strings(b, c, sst))
        return -1;
    return 0;
}

/* opts[key] when a string (the options were checked in data.lua). */
static const char *opt_str(lua_State *L, const char *key, size_t *len) {
    lua_getfield(L, 2, key);
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, len) : NULL;
    lua_pop(L, 1);              /* the options table keeps it */
    return s;
}

/* The path and options of both readers: (path, opts or nil) becomes
   (path, opts) on the stack; c is zeroed and names the file. */
static void read_args(lua_State *L, csvload *c) {
    memset(c, 0, sizeof *c);
    c->path = luaL_checkstring(L, 1);
    if (lua_isnoneornil(L, 2)) { lua_settop(L, 1); lua_newtable(L); }
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
}

static xlsx_book *push_book(lua_State *L) {
    return tn_data_owned(L, sizeof(xlsx_book), BOOK_MT, book_gc);
}

/* Opens the workbook and reads the sheet's cells; the sheet's name is left
   on the stack and in c->sheet. 0 or -1 (c->msg). */
static int load_sheet(lua_State *L, xlsx_book *b, csvload *c, const char *bytes, size_t nbytes,
                      int r0, int c0, int r1, int c1) {
    char part[1100];
    if (open_zip(b, c, bytes, nbytes) || open_book(L, b, c, part, sizeof part)) return -1;
    c->sheet = lua_tostring(L, -1);
    if (xlsx_read_sheet(b, c, part, r0, c0, r1, c1)) return -1;
    Z->zip_discard(b->zip);
    b->zip = NULL;
    return 0;
}

int tn_data_read_xlsx(lua_State *L) {
    csvload c;
    read_args(L, &c);
    size_t nbytes = 0;
    const char *bytes = opt_str(L, "bytes", &nbytes), *range = opt_str(L, "range", NULL);
    const char *date_opt = opt_str(L, "date", NULL), *freq_opt = opt_str(L, "freq", NULL);
    int forced = 0, r0 = 1, c0 = 0, r1 = TN_XLSX_MAX_ROWS, c1 = TN_XLSX_MAX_COLS - 1;
    lua_getfield(L, 2, "nrows");
    size_t max_rows = lua_isinteger(L, -1) && lua_tointeger(L, -1) > 0 ? (size_t)lua_tointeger(L, -1) : (size_t)-1;
    lua_pop(L, 1);
    if (freq_opt && tn_freq_parse(freq_opt, &forced) != 0)
        return tn_arg_error(L, "data.read_xlsx", "option 'freq'", "'%s' is not a frequency (A, Q, M, W, W-FRI, B or D)",
                            freq_opt);
    if (range && tn_xlsx_parse_range(range, &r0, &c0, &r1, &c1) != 0)
        return tn_arg_error(L, "data.read_xlsx", "option 'range'", "'%s' is not a range of cells such as 'B3:F200',"
                            " 'B:F' or 'B3'", range);
    xlsx_book *b = push_book(L);
    if (load_sheet(L, b, &c, bytes, nbytes, r0, c0, r1, c1)) goto fail;
    int col0, width = xlsx_table_shape(b, range ? c0 : -1, &col0);
    if (width <= 0) { tn_data_fail(&c, 0, 0, "the sheet is empty%s", range ? " in the range given" : ""); goto fail; }
    xlsx_rows *rows = lua_newuserdatauv(L, sizeof *rows, 0);
    tn_csv_field *fields = lua_newuserdatauv(L, (size_t)width * sizeof *fields, 0);
    xlsx_rows_begin(b, &c, rows, fields, col0, width);
    c.marks.mode = TN_DEC_POINT;         /* Excel stores numbers with '.'; text "1,234.5" groups */
    return tn_data_read_table(L, &c, date_opt, forced, max_rows, 1);
fail:
    lua_pushnil(L);
    lua_pushstring(L, c.msg);
    return 2;
}

/* data._read_xlsx_cells(path, {sheet=, bytes=}) -> {{[col] = text, row = n}, ...}
   | nil, msg: a sheet's stored cells as text, as the loader would see them
   (tests and the fuzz harness look at what the writer wrote). */
int tn_data_read_xlsx_cells(lua_State *L) {
    csvload c;
    read_args(L, &c);
    size_t nbytes = 0;
    const char *bytes = opt_str(L, "bytes", &nbytes);
    xlsx_book *b = push_book(L);
    if (load_sheet(L, b, &c, bytes, nbytes, 1, 0, TN_XLSX_MAX_ROWS, TN_XLSX_MAX_COLS - 1)) {
        lua_pushnil(L);
        lua_pushstring(L, c.msg);
        return 2;
    }
    lua_createtable(L, (int)(b->nrows < 1u << 20 ? b->nrows : 0), 0);
    for (size_t i = 0; i < b->nrows; i++) {
        const xlsx_row *r = &b->rows[i];
        lua_createtable(L, 0, r->ncells + 1);
        for (int k = 0; k < r->ncells; k++) {
            const xlsx_cell *cell = &b->cells[r->first + (size_t)k];
            lua_pushlstring(L, b->arena + cell->off, cell->len);
            lua_rawseti(L, -2, cell->col + 1);
        }
        lua_pushinteger(L, r->row);
        lua_setfield(L, -2, "row");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/*
 * data_read.c -- data._read_csv: a dated CSV file (or string) into series.
 *
 *   data._read_csv(path, opts) -> {names=, columns=, freq=, notes=, ...} | nil, msg
 *
 * The file is mapped, tokenized (core/csv), its header, Wind-style metadata
 * rows and notes recognised, its cells parsed straight into series storage
 * (two threads on large files), its frequency inferred from the dates.
 * Every temporary buffer is a Lua userdata, so an error raised anywhere
 * leaks nothing; problems with the file come back as nil plus
 * "path:line:col: message".
 */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/numparse.h"
#include "series/opts.h"
#include "series/series.h"
#include "lib/data.h"

#define READER_MT "tenor.csvreader"
#define MAPPING_MT "tenor.filemapping"

/* ------------------------------------------------------------ helpers */

typedef struct {
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
} csvload;

static int reader_gc(lua_State *L) {
    tn_csv_free(luaL_checkudata(L, 1, READER_MT));
    return 0;
}

static const char *field_str(lua_State *L, const tn_csv_field *f) {
    lua_pushlstring(L, f->s, f->len);
    return lua_tostring(L, -1);
}

/* Stops loading with "path:line:col: message" in c->msg; returns -1. */
static int load_fail(csvload *c, long line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int load_fail(csvload *c, long line, int col, const char *fmt, ...) {
    va_list ap;
    int n = col > 0 ? snprintf(c->msg, sizeof c->msg, "%s:%ld:%d: ", c->path, line, col)
          : line > 0 ? snprintf(c->msg, sizeof c->msg, "%s:%ld: ", c->path, line)
                     : snprintf(c->msg, sizeof c->msg, "%s: ", c->path);
    va_start(ap, fmt);
    vsnprintf(c->msg + n, sizeof c->msg - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

/* -------------------------------------------------------------- reading */

/* A file mapped into memory, unmapped when Lua collects the userdata that
   owns it (so an error raised mid-load leaks nothing). */
typedef struct { void *p; size_t len; } mapping;

static int mapping_gc(lua_State *L) {
    mapping *m = luaL_checkudata(L, 1, MAPPING_MT);
    if (m->p) munmap(m->p, m->len);
    m->p = NULL;
    return 0;
}

/* The file's bytes, mapped privately (writes, such as unquoting a field in
   place, stay in this process) and populated up front: no copy out of the
   page cache and no zero-filled buffer to fault in, which on a 68 MB file
   is a tenth of the load. The text is not NUL-terminated: every reader
   below works on (pointer, length). */
static int slurp(lua_State *L, csvload *c) {
    int fd = open(c->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return load_fail(c, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return load_fail(c, 0, 0, "cannot read: not a regular file");
    }
    size_t size = (size_t)st.st_size;
    mapping *m = lua_newuserdatauv(L, sizeof *m, 0);
    m->p = NULL, m->len = size;
    luaL_setmetatable(L, MAPPING_MT);
    if (size == 0) {
        close(fd);
        c->text = tn_data_scratch(L, 1);
        c->len = 0;
        return 0;
    }
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    int err = errno;
    if (p != MAP_FAILED) madvise(p, size, MADV_POPULATE_READ);
    close(fd);
    if (p == MAP_FAILED) return load_fail(c, 0, 0, "cannot read: %s", strerror(err));
    m->p = p;
    c->text = p;
    c->len = size;
    return 0;
}

static long line_of_offset(const char *text, size_t off) {
    long line = 1;
    for (size_t i = 0; i < off; i++) line += text[i] == '\n';
    return line;
}

/* LFs, plus lone CRs when the file has any CR: eight bytes a step, a byte
   equal to LF found exactly by the zero-byte test on w ^ 0x0A0A... (the
   count runs over every byte of a 40 MB file, so it matters). */
static size_t count_line_ends(const char *s, size_t n) {
    const uint64_t ones7 = 0x7F7F7F7F7F7F7F7FULL, lf = 0x0A0A0A0A0A0A0A0AULL;
    size_t count = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t x = w ^ lf;
        uint64_t zero = ~(((x & ones7) + ones7) | x | ones7);
        count += (size_t)(((zero >> 7) * 0x0101010101010101ULL) >> 56);   /* bytes flagged */
    }
    for (; i < n; i++) count += s[i] == '\n';
    if (memchr(s, '\r', n))
        for (i = 0; i < n; i++) count += s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n');
    return count;
}

/* Checks the bytes, skips a UTF-8 BOM, sets up the tokenizer. */
static int open_reader(lua_State *L, csvload *c, const char *sep_opt) {
    char *body = c->text;
    size_t n = c->len;
    const char *nul = memchr(body, '\0', n);
    if (nul) return load_fail(c, line_of_offset(body, (size_t)(nul - body)), 0,
                              "NUL byte in the file: this is not a text CSV file");
    if (n >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) body += 3, n -= 3;
    char sep = sep_opt ? (strcmp(sep_opt, "\\t") == 0 ? '\t' : sep_opt[0]) : tn_csv_sniff(body, n);
    c->rd = lua_newuserdatauv(L, sizeof(tn_csv_reader), 0);
    tn_csv_init(c->rd, body, n, sep);
    luaL_setmetatable(L, READER_MT);
    /* rows can be no more than line ends, which the tokenizer takes to be
       LF, CRLF or a lone CR (old Mac files; counting only LF undersized the
       row arrays: a fuzz finding) */
    c->cap = 1 + count_line_ends(body, n);
    return 0;
}

static int next_row(csvload *c) {
    int r;
    do r = tn_csv_next(c->rd);
    while (r == 1 && tn_csv_row_blank(c->rd));
    if (r < 0) return load_fail(c, c->rd->err_line, c->rd->err_col, "%s", c->rd->error);
    return r;
}

static int is_date_header(const char *s, size_t n) {
    static const char *const names[] = {
        "date", "dates", "time", "period", "observation_date", "datetime",
        "\xE6\x97\xA5\xE6\x9C\x9F" /* 日期 */, "\xE6\x97\xB6\xE9\x97\xB4" /* 时间 */,
        "\xE6\x8C\x87\xE6\xA0\x87\xE5\x90\x8D\xE7\xA7\xB0" /* 指标名称 */, NULL
    };
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], s, n) == 0) return 1;
    return 0;
}

/* Header: names are UTF-8, non-empty and unique; find the date column. */
static int read_header(lua_State *L, csvload *c, int names_idx, const char *date_opt) {
    if (next_row(c) <= 0) return c->msg[0] ? -1 : load_fail(c, 0, 0, "empty file");
    tn_csv_reader *rd = c->rd;
    c->ncols = rd->nfields;
    c->datecol = -1;
    for (int i = 0; i < c->ncols; i++) {
        const char *s = rd->fields[i].s;
        size_t n = rd->fields[i].len;
        tn_csv_trim(&s, &n);
        if (!tn_utf8_valid(s, n))
            return load_fail(c, rd->line, i + 1, "column name is not valid UTF-8 (tenor reads UTF-8;"
                             " convert GBK exports with: iconv -f GBK -t UTF-8)");
        lua_pushlstring(L, s, n);
        if (date_opt ? strcmp(lua_tostring(L, -1), date_opt) == 0 : (c->datecol < 0 && is_date_header(s, n)))
            c->datecol = i;
        lua_rawseti(L, names_idx, i + 1);
    }
    if (c->datecol < 0 && date_opt)
        return load_fail(c, rd->line, 0, "no column named '%s' for the dates", date_opt);
    if (c->datecol < 0) c->datecol = 0;     /* by convention the first column */
    if (c->ncols < 2) return load_fail(c, rd->line, 0, "need a date column and at least one value column");
    lua_createtable(L, 0, c->ncols);          /* name -> column: duplicates in O(ncols) */
    int seen = lua_gettop(L);
    for (int i = 0; i < c->ncols; i++) {
        lua_rawgeti(L, names_idx, i + 1);
        if (i != c->datecol && lua_rawlen(L, -1) == 0)
            return load_fail(c, rd->line, i + 1, "empty column name");
        lua_pushvalue(L, -1);
        if (lua_rawget(L, seen) != LUA_TNIL)
            return load_fail(c, rd->line, i + 1, "duplicate column name '%s' (also column %d)",
                             lua_tostring(L, -2), (int)lua_tointeger(L, -1));
        lua_pop(L, 1);
        lua_pushinteger(L, i + 1);
        lua_rawset(L, seen);
    }
    lua_pop(L, 1);
    c->nval = c->ncols - 1;
    return 0;
}

/* A Wind-style export: metadata rows (频率, 单位, 来源...) between the
   header and the first dated row. They become each series' metadata. */
static int read_wind_meta(lua_State *L, csvload *c, int meta_idx, int *have_row) {
    tn_date d;
    const char *why;
    int r;
    while ((r = next_row(c)) == 1) {
        tn_csv_field *f = c->rd->fields;
        if (tn_date_parse(f[c->datecol].s, f[c->datecol].len, &d, &why) == 0) { *have_row = 1; return 0; }
        const char *key = field_str(L, &f[c->datecol]);
        static const struct { const char *zh, *en; } keymap[] = {
            {"\xE5\x8D\x95\xE4\xBD\x8D", "unit"},                 /* 单位 */
            {"\xE6\x9D\xA5\xE6\xBA\x90", "source"},               /* 来源 */
            {"\xE9\xA2\x91\xE7\x8E\x87", "freq_label"},           /* 频率 */
            {"\xE6\x8C\x87\xE6\xA0\x87ID", "id"},                 /* 指标ID */
            {"\xE6\x9B\xB4\xE6\x96\xB0\xE6\x97\xB6\xE9\x97\xB4", "updated"}, /* 更新时间 */
            {NULL, NULL}
        };
        for (int k = 0; keymap[k].zh; k++)
            if (strcmp(key, keymap[k].zh) == 0) { lua_pushstring(L, keymap[k].en); lua_replace(L, -2); break; }
        for (int i = 0; i < c->rd->nfields && i < c->ncols; i++) {
            if (i == c->datecol) continue;
            lua_rawgeti(L, meta_idx, i + 1);
            field_str(L, &f[i]);
            lua_setfield(L, -2, lua_tostring(L, -3));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    *have_row = 0;
    return r < 0 ? -1 : 0;
}

/* A trailing note such as "数据来源：Wind": first cell not a date and not
   starting with a digit, every other cell empty. */
static int is_footer_row(const tn_csv_reader *rd, int datecol) {
    const tn_csv_field *f = rd->fields;
    if (f[datecol].len == 0 || (f[datecol].s[0] >= '0' && f[datecol].s[0] <= '9')) return 0;
    for (int i = 0; i < rd->nfields; i++)
        if (i != datecol && f[i].len > 0) return 0;
    return 1;
}

/* Notes the fewest decimals any cell of a column was written with, so that
   write_csv gives "2.30" and "7.0" back as they came, not "2.3" and "7". */
static void note_decimals(int *dec, int d) {
    if (d >= 0 && (*dec == -1 || d < *dec)) *dec = d;
}

/* A cell as it appears in a message: at most 40 bytes (cut at a UTF-8
   character boundary, "..." marking the cut), newlines and other control
   characters written as escapes so the message stays on one line. */
static const char *shown(const char *s, size_t n, char *buf, size_t size) {
    size_t keep = n > 40 ? 40 : n, w = 0;
    while (keep > 0 && keep < n && ((unsigned char)s[keep] & 0xC0) == 0x80) keep--;
    int bad_utf8 = !tn_utf8_valid(s, keep);      /* then every byte >= 0x80 is escaped too */
    for (size_t i = 0; i < keep && w + 8 < size; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (bad_utf8 && ch >= 0x80) { w += (size_t)snprintf(buf + w, size - w, "\\x%02X", ch); continue; }
        if (ch == '\n') { buf[w++] = '\\'; buf[w++] = 'n'; }
        else if (ch == '\r') { buf[w++] = '\\'; buf[w++] = 'r'; }
        else if (ch == '\t') { buf[w++] = '\\'; buf[w++] = 't'; }
        else if (ch < 0x20 || ch == 0x7F) w += (size_t)snprintf(buf + w, size - w, "\\x%02X", ch);
        else buf[w++] = (char)ch;
    }
    if (keep < n && w + 4 < size) { memcpy(buf + w, "...", 3); w += 3; }
    buf[w] = '\0';
    return buf;
}

/* A cell's value: a number (its decimal mark and grouping as dm says), or
   a missing-value token (NaN). TN_NUM_OK or why not; the cell trimmed in
   (*s, *n). The decimals written are noted in *dec. */
static int cell_value(const char **s, size_t *n, double *out, int *dec, tn_decimal_marks *dm, long line, int col) {
    tn_csv_trim(s, n);
    int d = -1;
    int r = *n ? tn_parse_cell(*s, *n, dm, line, col, out, &d) : TN_NUM_SYNTAX;
    if (r == TN_NUM_OK) { note_decimals(dec, d); return r; }
    if (tn_csv_is_missing(*s, *n)) { *out = NAN; return TN_NUM_OK; }
    return r;
}

static int parse_cell(csvload *c, const tn_csv_field *f, int col, int k, int names_idx,
                      lua_State *L, double *out) {
    const char *s = f->s;
    size_t n = f->len;
    int r = cell_value(&s, &n, out, &c->decimals[k], &c->marks, c->rd->line, col + 1);
    if (r == TN_NUM_OK) return 0;
    lua_rawgeti(L, names_idx, col + 1);
    const char *name = lua_tostring(L, -1);
    lua_pop(L, 1);     /* still referenced from the names table */
    char text[200];
    if (r == TN_NUM_RANGE)
        return load_fail(c, c->rd->line, col + 1, "number '%s' in column '%s' is out of range",
                         shown(s, n, text, sizeof text), name);
    return load_fail(c, c->rd->line, col + 1, "non-numeric value '%s' in column '%s'%s",
                     shown(s, n, text, sizeof text), name,
                     c->marks.mode == TN_DEC_COMMA ? " (read with {decimal = \",\"})" : "");
}

/* After the rows: a file with numbers like "1,085" (one comma, nothing
   else) and others with a point or a grouping comma does not say which
   mark it uses; guessing would misread one kind by a factor of 1000. */
static int check_decimal_marks(csvload *c) {
    const tn_decimal_marks *m = &c->marks;
    if (m->mode != TN_DEC_AUTO || !m->comma_line || !m->other_line) return 0;
    char a[200], b[200];
    return load_fail(c, m->comma_line, m->comma_col,
                     "'%s' reads as a decimal comma, but line %ld has '%s': say which mark the file uses "
                     "with {decimal = \",\"} (1,085 = 1.085) or {decimal = \".\"} (1,085 = 1085)",
                     shown(m->comma_text, strlen(m->comma_text), a, sizeof a), m->other_line,
                     shown(m->other_text, strlen(m->other_text), b, sizeof b));
}

static const char *kind_name(int kind) {
    switch (kind) {
    case TN_TOK_YEAR: return "a year";
    case TN_TOK_QUARTER: return "a quarter";
    case TN_TOK_MONTH: return "a month";
    case TN_TOK_WEEK: return "a week";
    default: return "a day";
    }
}

/* One data row: its date and its values. */
static int read_data_row(lua_State *L, csvload *c, int names_idx) {
    tn_csv_reader *rd = c->rd;
    const char *why;
    size_t r = c->nrows;
    if (rd->nfields != c->ncols)
        return load_fail(c, rd->line, 0, "row has %d field%s, the header has %d", rd->nfields,
                         rd->nfields == 1 ? "" : "s", c->ncols);
    if (r >= c->cap) return load_fail(c, rd->line, 0, "more rows than line ends (internal error)");
    tn_csv_field *df = &rd->fields[c->datecol];
    if (tn_date_parse(df->s, df->len, &c->dates[r], &why) != 0) {
        char text[200];
        return load_fail(c, rd->line, c->datecol + 1, "date '%s' does not parse: %s",
                         shown(df->s, df->len, text, sizeof text), why);
    }
    if (r > 0 && c->dates[r].kind != c->dates[0].kind)
        return load_fail(c, rd->line, c->datecol + 1,
                         "mixed frequencies in the date column: '%.*s' is %s, but line %ld has %s",
                         (int)df->len, df->s, kind_name(c->dates[r].kind), c->lines[0],
                         kind_name(c->dates[0].kind));
    c->lines[r] = rd->line;
    for (int i = 0, k = 0; i < c->ncols; i++) {
        if (i == c->datecol) continue;
        if (parse_cell(c, &rd->fields[i], i, k, names_idx, L, &c->col[k][r])) return -1;
        k++;
    }
    c->nrows++;
    return 0;
}

static int read_rows(lua_State *L, csvload *c, int names_idx, int notes_idx, int have_row,
                     size_t max_rows) {
    int r = have_row ? 1 : next_row(c);
    int in_footer = 0;
    for (; r == 1 && c->nrows < max_rows; r = next_row(c)) {
        if (is_footer_row(c->rd, c->datecol) && c->nrows > 0) {
            in_footer = 1;
            field_str(L, &c->rd->fields[c->datecol]);
            lua_rawseti(L, notes_idx, (lua_Integer)lua_rawlen(L, notes_idx) + 1);
            continue;
        }
        if (in_footer)
            return load_fail(c, c->rd->line, 0, "data row after the note on an earlier line");
        if (read_data_row(L, c, names_idx)) return -1;
    }
    if (r < 0) return -1;
    if (c->nrows == 0) return load_fail(c, 0, 0, "no data rows below the header");
    return 0;
}

/* ------------------------------------------- two threads on large files */

/* From this size up the data rows are read by two threads, one on each
   half of the body, when nothing in the file needs the serial reader's
   care (quotes, a row limit, Wind metadata rows). A half that meets
   anything unusual -- a cell that is not a number, a footer, a ragged row,
   a second kind of date -- gives up, and the whole body is read again by
   read_rows, which alone writes error messages: the two threads change
   the speed, never the result. */
#define PARALLEL_MIN_BYTES ((size_t)4 << 20)

typedef struct {
    csvload *c;
    char *p, *end;      /* this half of the body, whole lines */
    long line;          /* line number of its first line */
    size_t row0;        /* its first row goes here */
    size_t nrows;       /* rows read */
    int *decimals;      /* per value column, merged afterwards */
    tn_decimal_marks marks;   /* this half's; merged afterwards */
    int ok;             /* read to the end without meeting anything unusual */
} body_half;

static void *read_half(void *arg) {
    body_half *h = arg;
    const csvload *c = h->c;
    tn_csv_reader rd;
    tn_csv_init(&rd, h->p, (size_t)(h->end - h->p), c->rd->sep);
    rd.next_line = h->line;
    size_t row = h->row0;
    int kind = -1, r;
    const char *why;
    while ((r = tn_csv_next(&rd)) == 1) {
        if (tn_csv_row_blank(&rd)) continue;
        if (rd.nfields != c->ncols || row >= c->cap || is_footer_row(&rd, c->datecol)) break;
        const tn_csv_field *df = &rd.fields[c->datecol];
        if (tn_date_parse(df->s, df->len, &c->dates[row], &why) != 0) break;
        if (kind < 0) kind = c->dates[row].kind;
        else if (c->dates[row].kind != kind) break;
        int i = 0, k = 0;
        for (; i < c->ncols; i++) {
            if (i == c->datecol) continue;
            const char *s = rd.fields[i].s;
            size_t n = rd.fields[i].len;
            if (cell_value(&s, &n, &c->col[k][row], &h->decimals[k], &h->marks, rd.line, i + 1) != TN_NUM_OK) break;
            k++;
        }
        if (i < c->ncols) break;
        c->lines[row++] = rd.line;
    }
    h->ok = r == 0;
    h->nrows = row - h->row0;
    tn_csv_free(&rd);
    return NULL;
}

/* Reads the rows with two threads; 1 when done, 0 when it gave up (the
   caller then reads serially; the reader has not moved). decimals2 has
   room for two rows of c->nval. */
static int read_rows_parallel(csvload *c, int *decimals2) {
    char *start = c->rd->p, *end = c->rd->end;
    size_t len = (size_t)(end - start);
    char *mid = memchr(start + len / 2, '\n', len - len / 2);
    if (!mid || mid + 1 >= end) return 0;
    mid++;
    /* rows in the first half are at most its line ends, counted as the
       tokenizer counts them, so the second half starts at that row */
    size_t ends1 = count_line_ends(start, (size_t)(mid - start));
    body_half h[2] = {
        {c, start, mid, c->rd->next_line, 0, 0, decimals2, c->marks, 0},
        {c, mid, end, c->rd->next_line + (long)ends1, ends1, 0, decimals2 + c->nval, c->marks, 0},
    };
    for (int k = 0; k < 2 * c->nval; k++) decimals2[k] = -1;
    pthread_t second;
    int threaded = pthread_create(&second, NULL, read_half, &h[1]) == 0;
    read_half(&h[0]);
    if (threaded) pthread_join(second, NULL);
    else read_half(&h[1]);
    size_t n0 = h[0].nrows, n1 = h[1].nrows;
    if (!h[0].ok || !h[1].ok || n0 + n1 == 0) return 0;
    if (n0 > 0 && n1 > 0 && c->dates[h[1].row0].kind != c->dates[0].kind) return 0;
    if (n0 < h[1].row0 && n1 > 0) {      /* blank lines in the first half: close up */
        for (int k = 0; k < c->nval; k++)
            memmove(&c->col[k][n0], &c->col[k][h[1].row0], n1 * sizeof(double));
        memmove(&c->dates[n0], &c->dates[h[1].row0], n1 * sizeof *c->dates);
        memmove(&c->lines[n0], &c->lines[h[1].row0], n1 * sizeof *c->lines);
    }
    c->nrows = n0 + n1;
    c->marks = h[0].marks;
    tn_decimal_merge(&c->marks, &h[1].marks);
    for (int k = 0; k < c->nval; k++) {
        note_decimals(&c->decimals[k], decimals2[k]);
        note_decimals(&c->decimals[k], decimals2[c->nval + k]);
    }
    return 1;
}

/* ------------------------------------------------- frequency inference */

/* Full dates: month-start or month-end stamps on distinct months mean
   monthly (or quarterly/annual when the months line up); dates a week
   apart on one weekday mean weekly; weekdays only mean business days;
   anything else is daily. */
static int infer_from_days(const csvload *c, int *style) {
    size_t n = c->nrows;
    int all_first = 1, all_last = 1, same_mod3 = 1, same_mod12 = 1, distinct = 1;
    int same_wday = 1, weekdays = 1, week_apart = 1;
    int m0 = c->dates[0].sub;
    long prev_month = -1;
    for (size_t i = 0; i < n; i++) {
        int y = c->dates[i].y, m = c->dates[i].sub, d = c->dates[i].mday;
        int64_t day = c->dates[i].day;
        all_first &= d == 1;
        all_last &= d == tn_days_in_month(y, m);
        same_mod3 &= (m - m0) % 3 == 0;
        same_mod12 &= m == m0;
        long month = (long)y * 12 + m;
        distinct &= month != prev_month;
        prev_month = month;
        same_wday &= tn_weekday(day) == tn_weekday(c->dates[0].day);
        weekdays &= tn_weekday(day) < 5;
        if (i > 0) week_apart &= (day - c->dates[i - 1].day) % 7 == 0;
    }
    *style = TN_STYLE_ISO;
    if ((all_first || all_last) && distinct && n >= 2) {
        *style = all_first ? TN_STYLE_START : TN_STYLE_END;
        return same_mod12 ? TN_A : same_mod3 ? TN_Q : TN_M;
    }
    if (same_wday && week_apart && n >= 2) return TN_W + tn_weekday(c->dates[0].day);
    return weekdays ? TN_B : TN_D;
}

static int infer_freq(const csvload *c, int *style) {
    *style = c->dates[0].style;
    switch (c->dates[0].kind) {
    case TN_TOK_YEAR: return TN_A;
    case TN_TOK_QUARTER: return TN_Q;
    case TN_TOK_MONTH: return TN_M;
    case TN_TOK_WEEK: return TN_W_DEFAULT;
    default: return infer_from_days(c, style);
    }
}

/* Periods for every row, checking order: ascending, or wholly descending
   (vendor exports list the newest first), never repeated. */
static int assign_periods(csvload *c, int freq, int64_t *per, int *descending) {
    const char *why;
    for (size_t i = 0; i < c->nrows; i++)
        if (tn_period_from_date(freq, &c->dates[i], 0, 1, &per[i], &why) != 0)
            return load_fail(c, c->lines[i], c->datecol + 1, "date is not a %s period: %s",
                             tn_freq_name(freq), why);
    *descending = c->nrows >= 2 && per[1] < per[0];
    for (size_t i = 1; i < c->nrows; i++) {
        int64_t a = per[i - 1], b = per[i];
        if (a == b) {
            char buf[32];
            tn_period_display(freq, a, buf, sizeof buf);
            return load_fail(c, c->lines[i], c->datecol + 1, "duplicate date: period %s also on line %ld",
                             buf, c->lines[i - 1]);
        }
        if ((b < a) != *descending)
            return load_fail(c, c->lines[i], c->datecol + 1,
                             "dates out of order: this row comes %s line %ld (sort the file by date)",
                             *descending ? "after" : "before", c->lines[i - 1]);
    }
    return 0;
}

static const char *style_name(int style) {
    static const char *const names[] = {"iso", "compact", "start", "end"};
    return names[style];
}

static void reverse(double *v, size_t n) {
    for (size_t i = 0, j = n - 1; i < j; i++, j--) { double t = v[i]; v[i] = v[j]; v[j] = t; }
}

/* Column k as a series on [lo, lo + span): when no period is missing
   between the first and the last row, the parsed column itself (oldest
   first; unless blank lines and notes left it much larger than the rows),
   else a fresh series with the rows' values at their periods. */
static void push_column(lua_State *L, csvload *c, int k, int storage_idx, int freq,
                        const int64_t *per, int64_t lo, size_t span) {
    const double *col = c->col[k];
    int snug = c->cap - c->nrows <= c->nrows / 4 + 16;     /* not holding much unused room */
    if (span == c->nrows && snug) {
        if (per[0] > lo) reverse(c->col[k], c->nrows);     /* newest first in the file */
        lua_rawgeti(L, storage_idx, k + 1);
        tn_series_adopt(L, -1, freq, lo, span);
        return;
    }
    tn_series *s = tn_series_push(L, freq, lo, span);
    for (size_t j = 0; j < span; j++) s->v[j] = NAN;
    for (size_t r = 0; r < c->nrows; r++) s->v[per[r] - lo] = col[r];
}

/* Pushes {names=, columns=, freq=, notes=, date_column=}. */
static void push_result(lua_State *L, csvload *c, int freq, int style, const int64_t *per,
                        int storage_idx, int names_idx, int notes_idx, int meta_idx) {
    int64_t lo = per[0], hi = per[c->nrows - 1];
    if (lo > hi) { int64_t t = lo; lo = hi; hi = t; }
    size_t span = (size_t)(hi - lo + 1);
    lua_createtable(L, 0, 6);
    int res = lua_gettop(L);
    lua_createtable(L, c->nval, 0);      /* names, in file order, without the date */
    lua_createtable(L, c->nval, 0);      /* columns */
    for (int i = 0, k = 0; i < c->ncols; i++) {
        if (i == c->datecol) continue;
        push_column(L, c, k, storage_idx, freq, per, lo, span);
        lua_rawgeti(L, names_idx, i + 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, res + 1, k + 1);
        tn_series_set_name(L, -2);
        tn_series_push_meta(L, -1);
        lua_rawgeti(L, meta_idx, i + 1);          /* Wind metadata rows */
        lua_pushnil(L);
        while (lua_next(L, -2)) { lua_pushvalue(L, -2); lua_insert(L, -2); lua_rawset(L, -5); }
        lua_pop(L, 1);
        lua_pushstring(L, style_name(style));
        lua_setfield(L, -2, "datefmt");
        lua_pushstring(L, c->path);
        lua_setfield(L, -2, "file");
        if (c->decimals[k] > 0) {
            lua_pushinteger(L, c->decimals[k]);
            lua_setfield(L, -2, "decimals");
        }
        if (c->marks.mode == TN_DEC_COMMA || (c->marks.mode == TN_DEC_AUTO && c->marks.comma_line)) {
            lua_pushliteral(L, ",");               /* read with a decimal comma */
            lua_setfield(L, -2, "decimal_mark");
        }
        lua_pop(L, 1);
        lua_rawseti(L, res + 2, ++k);
    }
    lua_setfield(L, res, "columns");
    lua_setfield(L, res, "names");
    lua_pushvalue(L, notes_idx);
    lua_setfield(L, res, "notes");
    lua_pushstring(L, tn_freq_code(freq));
    lua_setfield(L, res, "freq");
    lua_rawgeti(L, names_idx, c->datecol + 1);
    lua_setfield(L, res, "date_column");
}

/* The options of data._read_csv, checked. */
typedef struct {
    const char *sep, *date, *freq, *decimal;
    int forced;              /* the frequency given by freq=, 0 to infer it */
    int threads;             /* 1 or 2; 0: two on files of 4 MB and more */
    size_t max_rows;         /* nrows=, or (size_t)-1 */
} read_opts;

static void read_options(lua_State *L, read_opts *o) {
    o->sep = tn_data_opt_string(L, 2, "sep");
    o->date = tn_data_opt_string(L, 2, "date");
    o->freq = tn_data_opt_string(L, 2, "freq");
    o->decimal = tn_data_opt_string(L, 2, "decimal");      /* "." or ",": checked in data.lua */
    o->forced = o->threads = 0;
    o->max_rows = (size_t)-1;
    if (lua_istable(L, 2)) {                /* data.lua has checked the options */
        if (lua_getfield(L, 2, "threads") != LUA_TNIL) o->threads = (int)lua_tointeger(L, -1);
        if (lua_getfield(L, 2, "nrows") != LUA_TNIL) o->max_rows = (size_t)lua_tointeger(L, -1);
        lua_pop(L, 2);
    }
    if (o->freq && tn_freq_parse(o->freq, &o->forced) != 0)
        tn_arg_error(L, "data.read_csv", "option 'freq'", "'%s' is not a frequency (A, Q, M, W, W-FRI, B or D)",
                     o->freq);
}

/* The bytes to read: a copy of opts.text (the path only names it in
   messages), or the file mapped. Either stays anchored on the stack. */
static int load_text(lua_State *L, csvload *c) {
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "text");
        if (!lua_isnil(L, -1)) {
            size_t tlen;
            const char *t = luaL_checklstring(L, -1, &tlen);
            c->text = tn_data_scratch(L, tlen + 1);
            memcpy(c->text, t, tlen);
            c->text[tlen] = '\0';
            c->len = tlen;
            lua_remove(L, -2);    /* the string; the copy stays */
            return 0;
        }
        lua_pop(L, 1);
    }
    return slurp(L, c);
}

/* A Wind export: the date column is headed 指标名称 and metadata rows
   (频率, 单位, 来源...) come before the data. */
static int is_wind_layout(lua_State *L, const csvload *c, int names_idx) {
    lua_rawgeti(L, names_idx, c->datecol + 1);
    int wind = strcmp(lua_tostring(L, -1), "\xE6\x8C\x87\xE6\xA0\x87\xE5\x90\x8D\xE7\xA7\xB0") == 0;
    lua_pop(L, 1);
    return wind;
}

/* Room for c->cap rows: a series storage per value column (anchored in a
   table left on the stack, whose index is returned), dates, source lines
   and decimals. */
static int alloc_rows(lua_State *L, csvload *c) {
    c->col = tn_data_scratch(L, (size_t)c->nval * sizeof(double *));
    lua_createtable(L, c->nval, 0);
    int storage_idx = lua_gettop(L);
    for (int k = 0; k < c->nval; k++) {
        c->col[k] = tn_series_push_storage(L, c->cap);
        lua_rawseti(L, storage_idx, k + 1);
    }
    c->dates = tn_data_scratch(L, c->cap * sizeof(tn_date));
    c->lines = tn_data_scratch(L, c->cap * sizeof(long));
    c->decimals = tn_data_scratch(L, (size_t)c->nval * sizeof(int));
    for (int i = 0; i < c->nval; i++) c->decimals[i] = -1;
    return storage_idx;
}

/* The data rows: two threads on a large plain file, else (or when a half
   gives up) the serial reader. */
static int read_body(lua_State *L, csvload *c, const read_opts *o, int wind, int have_row,
                     int names_idx, int notes_idx) {
    size_t body = (size_t)(c->rd->end - c->rd->p);
    int parallel = !wind && o->max_rows == (size_t)-1 &&
                   (o->threads == 2 || (o->threads == 0 && body >= PARALLEL_MIN_BYTES)) &&
                   !memchr(c->rd->p, '"', body);
    if (parallel && read_rows_parallel(c, tn_data_scratch(L, 2 * (size_t)c->nval * sizeof(int))))
        return 0;
    return read_rows(L, c, names_idx, notes_idx, have_row, o->max_rows);
}

int tn_data_read_csv(lua_State *L) {
    csvload c;
    read_opts o;
    int freq, style, have_row = 0, descending = 0;
    memset(&c, 0, sizeof c);
    c.path = luaL_checkstring(L, 1);
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    read_options(L, &o);
    lua_newtable(L); int names_idx = lua_gettop(L);
    lua_newtable(L); int notes_idx = lua_gettop(L);
    lua_newtable(L); int meta_idx = lua_gettop(L);
    if (load_text(L, &c) || open_reader(L, &c, o.sep) || read_header(L, &c, names_idx, o.date))
        goto fail;
    c.marks.mode = o.decimal ? (o.decimal[0] == ',' ? TN_DEC_COMMA : TN_DEC_POINT)
                 : c.rd->sep == ',' ? TN_DEC_POINT : TN_DEC_AUTO;     /* unquoted "1,5" needs another separator */
    for (int i = 0; i < c.ncols; i++) { lua_newtable(L); lua_rawseti(L, meta_idx, i + 1); }
    int wind = is_wind_layout(L, &c, names_idx);
    if (o.max_rows < c.cap) c.cap = o.max_rows;
    int storage_idx = alloc_rows(L, &c);
    if ((wind && read_wind_meta(L, &c, meta_idx, &have_row)) ||
        read_body(L, &c, &o, wind, have_row, names_idx, notes_idx) || check_decimal_marks(&c))
        goto fail;
    freq = infer_freq(&c, &style);
    if (o.forced) freq = o.forced;
    int64_t *per = tn_data_scratch(L, c.nrows * sizeof(int64_t));
    if (assign_periods(&c, freq, per, &descending)) goto fail;
    push_result(L, &c, freq, style, per, storage_idx, names_idx, notes_idx, meta_idx);
    lua_pushboolean(L, descending);
    lua_setfield(L, -2, "descending");
    return 1;
fail:
    lua_pushnil(L);
    lua_pushstring(L, c.msg);
    return 2;
}

/* A metatable whose only job is to free what its userdata owns. */
static void gc_metatable(lua_State *L, const char *name, lua_CFunction gc) {
    luaL_newmetatable(L, name);
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
}

void tn_data_read_open(lua_State *L) {
    gc_metatable(L, READER_MT, reader_gc);
    gc_metatable(L, MAPPING_MT, mapping_gc);
}

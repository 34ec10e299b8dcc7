/*
 * calendar.c -- the calendar under every series: frequencies, period
 * numbering, civil dates, and parsing/formatting of period strings.
 *
 * Owns no memory and needs no Lua, so the C unit tests drive it directly.
 * Periods are numbered so that consecutive periods differ by one (see
 * calendar.h); every conversion goes through a day number (days since
 * 1970-01-01) when the frequencies' grids do not nest.
 */
#include "core/calendar.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Floor division and modulo: periods before 1970 are negative. */
static int64_t floordiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
static int64_t floormod(int64_t a, int64_t b) { return a - floordiv(a, b) * b; }

/* ---------------------------------------------------------------- freqs */

static const char *const weekday_abbr[7] = {
    "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"
};

static int parse_weekday(const char *s) {
    for (int i = 0; i < 7; i++)
        if (strncasecmp(s, weekday_abbr[i], 3) == 0 && s[3] == '\0') return i;
    return -1;
}

/* Accepts the one-letter codes, "W-FRI" style weekly anchors and the
   English names. Returns 0 and sets *freq, or -1. */
int tn_freq_parse(const char *s, int *freq) {
    static const struct { const char *name; int freq; } names[] = {
        {"A", TN_A}, {"Y", TN_A}, {"annual", TN_A}, {"yearly", TN_A},
        {"Q", TN_Q}, {"quarterly", TN_Q},
        {"M", TN_M}, {"monthly", TN_M},
        {"W", TN_W_DEFAULT}, {"weekly", TN_W_DEFAULT},
        {"B", TN_B}, {"business", TN_B}, {"business-day", TN_B},
        {"D", TN_D}, {"daily", TN_D},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(s, names[i].name) == 0) { *freq = names[i].freq; return 0; }
    if ((s[0] == 'W' || s[0] == 'w') && s[1] == '-') {
        int a = parse_weekday(s + 2);
        if (a >= 0) { *freq = TN_W + a; return 0; }
    }
    return -1;
}

const char *tn_freq_code(int f) {
    static const char *const wcodes[7] = {
        "W-MON", "W-TUE", "W-WED", "W-THU", "W-FRI", "W-SAT", "W-SUN"
    };
    switch (f) {
    case TN_A: return "A";
    case TN_Q: return "Q";
    case TN_M: return "M";
    case TN_B: return "B";
    case TN_D: return "D";
    default: return TN_IS_WEEKLY(f) ? wcodes[TN_W_ANCHOR(f)] : "?";
    }
}

const char *tn_freq_name(int f) {
    switch (f) {
    case TN_A: return "annual";
    case TN_Q: return "quarterly";
    case TN_M: return "monthly";
    case TN_B: return "business-day";
    case TN_D: return "daily";
    default: return TN_IS_WEEKLY(f) ? "weekly" : "unknown";
    }
}

int tn_freq_per_year(int f) {
    switch (f) {
    case TN_A: return 1;
    case TN_Q: return 4;
    case TN_M: return 12;
    case TN_B: return 261;
    case TN_D: return 365;
    default: return TN_IS_WEEKLY(f) ? 52 : 0;
    }
}

int tn_freq_rank(int f) {
    switch (f) {
    case TN_A: return 0;
    case TN_Q: return 1;
    case TN_M: return 2;
    case TN_B: return 4;
    case TN_D: return 5;
    default: return TN_IS_WEEKLY(f) ? 3 : -1;
    }
}

/* ---------------------------------------------------------- civil dates */

int tn_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int tn_days_in_month(int y, int m) {
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && tn_is_leap(y)) ? 29 : len[m - 1];
}

/* Days since 1970-01-01. Counts in 400-year eras (146097 days each) of
   years that start on March 1, so the leap day falls at the end. */
int64_t tn_days_from_civil(int y, int m, int d) {
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = floordiv(yy, 400);
    int64_t yoe = yy - era * 400;                              /* [0, 399] */
    int64_t mp = (m + 9) % 12;                                 /* Mar = 0 */
    int64_t doy = (153 * mp + 2) / 5 + d - 1;                  /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;       /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void tn_civil_from_days(int64_t days, int *y, int *m, int *d) {
    int64_t z = days + 719468;
    int64_t era = floordiv(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int tn_weekday(int64_t days) { return (int)floormod(days + 3, 7); }

/* Monday of ISO week 1: the week that holds January 4. */
static int64_t iso_week1_monday(int y) {
    int64_t jan4 = tn_days_from_civil(y, 1, 4);
    return jan4 - tn_weekday(jan4);
}

static int iso_weeks_in_year(int y) {
    return (int)((iso_week1_monday(y + 1) - iso_week1_monday(y)) / 7);
}

/* -------------------------------------------------------------- periods */

int64_t tn_period_first_day(int f, int64_t p) {
    switch (f) {
    case TN_A: return tn_days_from_civil((int)p, 1, 1);
    case TN_Q: return tn_days_from_civil((int)floordiv(p, 4),
                                         (int)floormod(p, 4) * 3 + 1, 1);
    case TN_M: return tn_days_from_civil((int)floordiv(p, 12),
                                         (int)floormod(p, 12) + 1, 1);
    case TN_B: return floordiv(p, 5) * 7 + floormod(p, 5) - 3;
    case TN_D: return p;
    default:   return 7 * p + TN_W_ANCHOR(f) - 3 - 6;
    }
}

int64_t tn_period_last_day(int f, int64_t p) {
    switch (f) {
    case TN_A: case TN_Q: case TN_M: return tn_period_first_day(f, p + 1) - 1;
    case TN_B: case TN_D: return tn_period_first_day(f, p);
    default:   return 7 * p + TN_W_ANCHOR(f) - 3;
    }
}

/* The period containing a day. For B a weekend day has none: -1. */
int tn_period_of_day(int f, int64_t day, int64_t *p) {
    int y, m, d;
    switch (f) {
    case TN_A: case TN_Q: case TN_M:
        tn_civil_from_days(day, &y, &m, &d);
        *p = f == TN_A ? y : f == TN_Q ? (int64_t)y * 4 + (m - 1) / 3
                                       : (int64_t)y * 12 + (m - 1);
        return 0;
    case TN_B: {
        int64_t md = day + 3;               /* Monday-based day count */
        int64_t dow = floormod(md, 7);
        if (dow >= 5) return -1;
        *p = floordiv(md, 7) * 5 + dow;
        return 0;
    }
    case TN_D: *p = day; return 0;
    default: {
        int64_t end = day + floormod(TN_W_ANCHOR(f) - tn_weekday(day), 7);
        *p = (end + 3 - TN_W_ANCHOR(f)) / 7;
        return 0;
    }
    }
}

int tn_period_year(int f, int64_t p) {
    int y, m, d;
    if (f == TN_A) return (int)p;
    if (f == TN_Q) return (int)floordiv(p, 4);
    if (f == TN_M) return (int)floordiv(p, 12);
    tn_civil_from_days(tn_period_last_day(f, p), &y, &m, &d);
    return y;
}

/* ------------------------------------------------------------- parsing */

#define UTF8_NIAN  "\xE5\xB9\xB4"   /* 年 year */
#define UTF8_YUE   "\xE6\x9C\x88"   /* 月 month */
#define UTF8_RI    "\xE6\x97\xA5"   /* 日 day */
#define UTF8_FEN   "\xE4\xBB\xBD"   /* 份 (as in 1月份) */
#define UTF8_DI    "\xE7\xAC\xAC"   /* 第 ordinal */
#define UTF8_JIDU  "\xE5\xAD\xA3\xE5\xBA\xA6"   /* 季度 quarter */

typedef struct { const char *s, *e; } cursor;

static int at_end(const cursor *c) { return c->s >= c->e; }

static int take_digits(cursor *c, int maxn, int *val) {
    int n = 0, v = 0;
    while (c->s < c->e && n < maxn && *c->s >= '0' && *c->s <= '9') {
        v = v * 10 + (*c->s - '0');
        c->s++, n++;
    }
    *val = v;
    return n;
}

static int take_lit_n(cursor *c, const char *lit, size_t n) {
    if ((size_t)(c->e - c->s) < n || memcmp(c->s, lit, n) != 0) return 0;
    c->s += n;
    return 1;
}
/* literals only: the length is known at compile time */
#define take_lit(c, lit) take_lit_n((c), (lit), sizeof(lit) - 1)

static int take_char(cursor *c, const char *set) {
    if (at_end(c)) return 0;
    for (const char *p = set; *p; p++)
        if (*c->s == *p) return *c->s++;
    return 0;
}

/* After a full date: nothing, or a midnight time as Excel and some
   vendors append ("2024-01-31 00:00:00", "2024-01-31T00:00"). */
static int take_midnight(cursor *c, const char **why) {
    if (at_end(c)) return 0;
    if (!take_char(c, " T")) { *why = "unexpected text after the date"; return -1; }
    if (!take_lit(c, "00:00")) { *why = "intraday times are not supported"; return -1; }
    if (take_lit(c, ":00")) { if (take_lit(c, ".")) { int v; take_digits(c, 9, &v); } }
    if (!at_end(c)) { *why = "unexpected text after the time"; return -1; }
    return 0;
}

static int check_ymd(int y, int m, int d, const char **why) {
    if (m < 1 || m > 12) { *why = "month out of range 1-12"; return -1; }
    if (d < 1 || d > tn_days_in_month(y, m)) {
        *why = "day out of range for the month"; return -1;
    }
    return 0;
}

static int make_day(tn_date *out, int y, int m, int d, const char **why) {
    /* rows of a file run month by month: remember the last month's start
       (per thread: data.read_csv parses the two halves of a large file at once) */
    static _Thread_local int cached_y, cached_m;
    static _Thread_local int64_t cached_first;
    if (check_ymd(y, m, d, why)) return -1;
    out->kind = TN_TOK_DAY;
    out->y = y, out->sub = (int8_t)m, out->mday = (int8_t)d;
    if (y != cached_y || m != cached_m) {
        cached_first = tn_days_from_civil(y, m, 1);
        cached_y = y, cached_m = m;
    }
    out->day = cached_first + d - 1;
    return 0;
}

static int make_week(tn_date *out, int y, int w, const char **why) {
    if (w < 1 || w > iso_weeks_in_year(y)) {
        *why = w == 53 ? "that year has no ISO week 53" : "ISO week out of range 1-53";
        return -1;
    }
    out->kind = TN_TOK_WEEK;
    out->y = y, out->sub = (int8_t)w;
    out->day = iso_week1_monday(y) + 7 * (int64_t)(w - 1);
    return 0;
}

/* The Chinese forms: 2024年, 2024年第1季度, 2024年1月(份), 2024年1月15日. */
static int parse_chinese(cursor *c, int y, tn_date *out, const char **why) {
    int v, m;
    if (at_end(c)) { out->kind = TN_TOK_YEAR; return 0; }
    int ordinal = take_lit(c, UTF8_DI);
    if (!take_digits(c, 2, &v)) { *why = "expected a month or quarter after 年"; return -1; }
    if (take_lit(c, UTF8_JIDU) || (ordinal && take_lit(c, "\xE5\xAD\xA3"))) {
        if (v < 1 || v > 4) { *why = "quarter out of range 1-4"; return -1; }
        out->kind = TN_TOK_QUARTER, out->sub = (int8_t)v;
        return at_end(c) ? 0 : (*why = "unexpected text after the quarter", -1);
    }
    if (ordinal || !take_lit(c, UTF8_YUE)) { *why = "expected 月 or 季度"; return -1; }
    m = v;
    if (at_end(c) || take_lit(c, UTF8_FEN)) {
        if (!at_end(c)) { *why = "unexpected text after the month"; return -1; }
        if (m < 1 || m > 12) { *why = "month out of range 1-12"; return -1; }
        out->kind = TN_TOK_MONTH, out->sub = (int8_t)m;
        return 0;
    }
    if (!take_digits(c, 2, &v)) { *why = "expected a day after 月"; return -1; }
    take_lit(c, UTF8_RI);
    if (!at_end(c)) { *why = "unexpected text after the day"; return -1; }
    return make_day(out, y, m, v, why);
}

/* After "YYYY" and a separator: MM, or MM<sep>DD. */
static int parse_month_or_day(cursor *c, int y, int sep, tn_date *out,
                              const char **why) {
    int m, d;
    if (!take_digits(c, 2, &m)) { *why = "expected a month after the year"; return -1; }
    if (at_end(c)) {
        if (m < 1 || m > 12) { *why = "month out of range 1-12"; return -1; }
        out->kind = TN_TOK_MONTH, out->sub = (int8_t)m;
        return 0;
    }
    if (*c->s != sep) { *why = "mixed separators in the date"; return -1; }
    c->s++;
    if (!take_digits(c, 2, &d)) { *why = "expected a day after the month"; return -1; }
    if (take_midnight(c, why)) return -1;
    return make_day(out, y, m, d, why);
}

/* YYYY-MM-DD exactly: the form of nearly every daily file, parsed without
   the general scanner (a 2e6-row file otherwise spends a tenth of its load
   there). Anything else, a year 0000 included, takes the general path. */
static int iso_day_fast(const char *s, size_t len, int *y, int *m, int *d) {
    if (len != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (unsigned char)(s[i] - '0') > 9) return 0;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return *y >= TN_YEAR_MIN;
}

int tn_date_parse(const char *s, size_t len, tn_date *out, const char **why) {
    cursor c = {s, s + len};
    int y, v, fm, fd;
    out->kind = 0, out->y = out->sub = out->mday = out->style = 0, out->day = 0;
    if (iso_day_fast(s, len, &y, &fm, &fd)) return make_day(out, y, fm, fd, why);
    while (c.s < c.e && (*c.s == ' ' || *c.s == '\t')) c.s++;
    while (c.e > c.s && (c.e[-1] == ' ' || c.e[-1] == '\t')) c.e--;
    const char *digits_at = c.s;
    int nd = take_digits(&c, 8, &y);
    if (nd == 8 || nd == 6) {              /* YYYYMMDD, YYYYMM */
        const char *p = digits_at;
        y = (p[0]-'0')*1000 + (p[1]-'0')*100 + (p[2]-'0')*10 + (p[3]-'0');
        int m = (p[4]-'0')*10 + (p[5]-'0');
        if (y < TN_YEAR_MIN) { *why = "year out of range 1-9999"; return -1; }
        if (nd == 6) {
            if (!at_end(&c)) { *why = "unexpected text after the date"; return -1; }
            if (m < 1 || m > 12) { *why = "month out of range 1-12"; return -1; }
            out->kind = TN_TOK_MONTH, out->y = y, out->sub = (int8_t)m;
            return 0;
        }
        if (take_midnight(&c, why)) return -1;
        return make_day(out, y, m, (p[6]-'0')*10 + (p[7]-'0'), why);
    }
    if (nd != 4) {
        *why = nd == 0 ? "not a date" : nd > 4 ? "year out of range 1-9999"
                                               : "a year needs four digits";
        return -1;
    }
    if (y < TN_YEAR_MIN) { *why = "year out of range 1-9999"; return -1; }
    out->y = y;
    out->kind = TN_TOK_YEAR;
    if (at_end(&c)) return 0;
    if (take_lit(&c, UTF8_NIAN)) return parse_chinese(&c, y, out, why);
    int sep = take_char(&c, "-/.");
    int letter = take_char(&c, "QqMmWw");
    if (!sep && !letter) { *why = "not a date"; return -1; }
    out->style = letter && !sep ? TN_STYLE_COMPACT : TN_STYLE_ISO;
    if (letter == 'Q' || letter == 'q') {
        if (!take_digits(&c, 1, &v) || v < 1 || v > 4) {
            *why = "quarter out of range 1-4"; return -1;
        }
        if (!at_end(&c)) { *why = "unexpected text after the quarter"; return -1; }
        out->kind = TN_TOK_QUARTER, out->sub = (int8_t)v;
        return 0;
    }
    if (letter == 'W' || letter == 'w') {
        if (!take_digits(&c, 2, &v) || !at_end(&c)) { *why = "expected an ISO week 01-53"; return -1; }
        return make_week(out, y, v, why);
    }
    if (letter) {                               /* 2024M01 */
        if (!take_digits(&c, 2, &v) || !at_end(&c) || v < 1 || v > 12) {
            *why = "month out of range 1-12"; return -1;
        }
        out->kind = TN_TOK_MONTH, out->sub = (int8_t)v;
        return 0;
    }
    return parse_month_or_day(&c, y, sep, out, why);
}

/* First and last day covered by a parsed date. */
static void date_span(const tn_date *d, int64_t *first, int64_t *last) {
    switch (d->kind) {
    case TN_TOK_YEAR:
        *first = tn_days_from_civil(d->y, 1, 1);
        *last = tn_days_from_civil(d->y, 12, 31);
        break;
    case TN_TOK_QUARTER:
        *first = tn_period_first_day(TN_Q, (int64_t)d->y * 4 + d->sub - 1);
        *last = tn_period_last_day(TN_Q, (int64_t)d->y * 4 + d->sub - 1);
        break;
    case TN_TOK_MONTH:
        *first = tn_days_from_civil(d->y, d->sub, 1);
        *last = *first + tn_days_in_month(d->y, d->sub) - 1;
        break;
    case TN_TOK_WEEK: *first = d->day, *last = d->day + 6; break;
    default: *first = *last = d->day;
    }
}

static int token_rank(int kind) {
    switch (kind) {
    case TN_TOK_YEAR: return 0;
    case TN_TOK_QUARTER: return 1;
    case TN_TOK_MONTH: return 2;
    case TN_TOK_WEEK: return 3;
    default: return 5;
    }
}

static const char *coarse_reason(int f) {
    switch (f) {
    case TN_Q: return "quarterly periods need a quarter such as 2024Q1";
    case TN_M: return "monthly periods need a month such as 2024-01";
    case TN_A: return "annual periods need a year";
    default:   return "this frequency needs a full date such as 2024-01-15";
    }
}

/* A period must end by 9999-12-31 so that its label can be written and
   read back: a week is labelled by its last day, and ISO week 52 of 9999
   ends in 10000 (both found by fuzzing). */
static int within_calendar(int f, int64_t p, const char **why) {
    if (tn_period_last_day(f, p) > tn_days_from_civil(TN_YEAR_MAX, 12, 31)) {
        *why = TN_IS_WEEKLY(f) ? "the week ends after 9999-12-31" : "the period ends after 9999-12-31";
        return -1;
    }
    return 0;
}

int tn_period_from_date(int f, const tn_date *d, int at_end_, int strict,
                        int64_t *p, const char **why) {
    int64_t first, last, day;
    date_span(d, &first, &last);
    if (token_rank(d->kind) < tn_freq_rank(f)) {
        if (strict) { *why = coarse_reason(f); return -1; }
        day = at_end_ ? last : first;
        if (f == TN_B) {        /* nearest business day inside the span */
            while (tn_period_of_day(f, day, p) != 0) day += at_end_ ? -1 : 1;
            return within_calendar(f, *p, why);
        }
    } else {
        day = d->kind == TN_TOK_WEEK ? d->day + 3 : first;   /* ISO: Thursday */
    }
    if (tn_period_of_day(f, day, p) != 0) {
        *why = tn_weekday(day) == 5 ? "a Saturday is not a business day"
                                    : "a Sunday is not a business day";
        return -1;
    }
    return within_calendar(f, *p, why);
}

int tn_period_parse(int f, const char *s, size_t len, int at_end_, int strict,
                    int64_t *p, const char **why) {
    tn_date d;
    if (tn_date_parse(s, len, &d, why)) return -1;
    return tn_period_from_date(f, &d, at_end_, strict, p, why);
}

/* ---------------------------------------------------------- formatting */

static int format_day(int64_t day, char *buf, size_t size) {
    int y, m, d;
    tn_civil_from_days(day, &y, &m, &d);
    return snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

int tn_period_format(int f, int64_t p, int style, char *buf, size_t size) {
    if (style == TN_STYLE_START) return format_day(tn_period_first_day(f, p), buf, size);
    if (style == TN_STYLE_END) return format_day(tn_period_last_day(f, p), buf, size);
    switch (f) {
    case TN_A: return snprintf(buf, size, "%04d", (int)p);
    case TN_Q:
        return snprintf(buf, size, style == TN_STYLE_COMPACT ? "%04dQ%d" : "%04d-Q%d",
                        (int)floordiv(p, 4), (int)floormod(p, 4) + 1);
    case TN_M:
        return snprintf(buf, size, style == TN_STYLE_COMPACT ? "%04dM%02d" : "%04d-%02d",
                        (int)floordiv(p, 12), (int)floormod(p, 12) + 1);
    default: return format_day(tn_period_last_day(f, p), buf, size);
    }
}

/* How periods are shown to people: 2024Q1 for quarters, ISO otherwise. */
int tn_period_display(int f, int64_t p, char *buf, size_t size) {
    return tn_period_format(f, p, f == TN_Q ? TN_STYLE_COMPACT : TN_STYLE_ISO, buf, size);
}

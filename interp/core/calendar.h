/*
 * calendar.h -- frequencies, periods and date parsing for tenor.
 *
 * Pure C, no Lua: the C unit tests call these directly.
 *
 * A period is an int64 counted per frequency:
 *   A  year number                         2024        -> 2024
 *   Q  year*4 + (quarter-1)                2024Q1      -> 8096
 *   M  year*12 + (month-1)                 2024-01     -> 24288
 *   W  week index; week p ends on the anchor day, at day 7p + anchor - 3
 *   B  business-day index: 5 per Monday-based week, Mon..Fri only
 *   D  days since 1970-01-01 (proleptic Gregorian)
 * so that consecutive periods differ by exactly 1 in every frequency.
 */
#ifndef TN_CALENDAR_H
#define TN_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

/* Frequency codes. Weekly frequencies carry their anchor day (the weekday
   the week ends on, 0 = Monday .. 6 = Sunday) as TN_W + anchor. */
enum {
    TN_FREQ_NONE = 0,
    TN_A = 1, TN_Q = 2, TN_M = 3, TN_B = 4, TN_D = 5,
    TN_W = 8            /* TN_W .. TN_W+6 */
};
#define TN_IS_WEEKLY(f)  ((f) >= TN_W && (f) <= TN_W + 6)
#define TN_W_ANCHOR(f)   ((f) - TN_W)
#define TN_W_DEFAULT     (TN_W + 6)   /* W-SUN, as pandas' 'W' and ISO weeks */

/* Years accepted anywhere: a data file with year 0 or 99999 is an error. */
#define TN_YEAR_MIN 1
#define TN_YEAR_MAX 9999

int         tn_freq_parse(const char *s, int *freq);
const char *tn_freq_code(int freq);        /* "A", "Q", "M", "W-FRI", "B", "D" */
const char *tn_freq_name(int freq);        /* "annual", "quarterly", ... */
int         tn_freq_per_year(int freq);    /* 1, 4, 12, 52, 261, 365 (nominal) */
int         tn_freq_rank(int freq);        /* coarser frequencies rank lower */

/* Civil calendar (proleptic Gregorian), day 0 = 1970-01-01. */
int64_t tn_days_from_civil(int y, int m, int d);
void    tn_civil_from_days(int64_t days, int *y, int *m, int *d);
int     tn_days_in_month(int y, int m);
int     tn_is_leap(int y);
int     tn_weekday(int64_t days);          /* 0 = Monday .. 6 = Sunday */

/* A parsed date string, before a frequency is applied. */
enum { TN_TOK_YEAR = 1, TN_TOK_QUARTER, TN_TOK_MONTH, TN_TOK_WEEK, TN_TOK_DAY };
typedef struct {     /* 16 bytes: read_csv keeps one per row */
    int64_t day;     /* TN_TOK_DAY: the day; TN_TOK_WEEK: Monday of the week */
    int32_t y;
    int8_t kind;     /* TN_TOK_* */
    int8_t sub;      /* quarter 1-4, month 1-12, ISO week 1-53 */
    int8_t mday;     /* TN_TOK_DAY: day of the month */
    int8_t style;    /* how it was written: TN_STYLE_*, for round trips */
} tn_date;

/* Ways to write a period; read_csv records the style it saw so that
   write_csv gives the file back as it came. */
enum {
    TN_STYLE_ISO = 0,     /* 2024, 2024-Q1, 2024-01, 2024-01-15 */
    TN_STYLE_COMPACT,     /* 2024, 2024Q1, 2024M01, 2024-01-15 */
    TN_STYLE_START,       /* first day of the period, 2024-01-01 */
    TN_STYLE_END          /* last day of the period, 2024-03-31 */
};

/* Parse one date string. Returns 0, or -1 with a reason in *why. */
int tn_date_parse(const char *s, size_t len, tn_date *out, const char **why);

/* The period of frequency freq that a parsed date falls in. A date coarser
   than the frequency ("2024" for monthly data) gives its first period, or
   its last when at_end is set; with strict set it is an error instead. */
int tn_period_from_date(int freq, const tn_date *d, int at_end, int strict,
                        int64_t *p, const char **why);

/* Parse a period string for a frequency (tn_date_parse + the above). */
int tn_period_parse(int freq, const char *s, size_t len, int at_end,
                    int strict, int64_t *p, const char **why);

int64_t tn_period_first_day(int freq, int64_t p);
int64_t tn_period_last_day(int freq, int64_t p);
int     tn_period_of_day(int freq, int64_t day, int64_t *p); /* -1: B weekend */
int     tn_period_year(int freq, int64_t p);

/* Write a period into buf (at least 16 bytes); returns the length. */
int tn_period_format(int freq, int64_t p, int style, char *buf, size_t size);
int tn_period_display(int freq, int64_t p, char *buf, size_t size);

#endif

/*
 * test_calendar.c -- calendar arithmetic: civil dates, leap years, period
 * numbering in every frequency, ISO week 53, business-day gaps, parsing
 * and formatting. Expected values are hand calculations from the
 * Gregorian calendar (weekdays checked against any printed calendar).
 */
#include <string.h>

#include "core/calendar.h"
#include "harness.h"

static int64_t period(int f, const char *s) {
    int64_t p = -999999;
    const char *why;
    if (tn_period_parse(f, s, strlen(s), 0, 1, &p, &why) != 0) return -999999;
    return p;
}

static int parse_fails(int f, const char *s, const char *expect_why) {
    int64_t p;
    const char *why = "";
    if (tn_period_parse(f, s, strlen(s), 0, 1, &p, &why) == 0) return 0;
    return expect_why == NULL || strstr(why, expect_why) != NULL;
}

static int formats_as(int f, int64_t p, int style, const char *want) {
    char buf[32];
    tn_period_format(f, p, style, buf, sizeof buf);
    if (strcmp(buf, want) != 0) fprintf(stderr, "  formatted '%s', want '%s'\n", buf, want);
    return strcmp(buf, want) == 0;
}

static void test_civil(void) {
    int y, m, d;
    CHECK(tn_days_from_civil(1970, 1, 1) == 0);
    CHECK(tn_days_from_civil(2000, 3, 1) == 11017);          /* 30 years + 8 leap days + 59 */
    CHECK(tn_days_from_civil(1969, 12, 31) == -1);
    CHECK(tn_days_from_civil(2024, 3, 1) - tn_days_from_civil(2024, 2, 28) == 2);  /* leap */
    CHECK(tn_days_from_civil(2023, 3, 1) - tn_days_from_civil(2023, 2, 28) == 1);
    CHECK(tn_days_from_civil(1900, 3, 1) - tn_days_from_civil(1900, 2, 28) == 1);  /* not leap */
    CHECK(tn_days_from_civil(2000, 3, 1) - tn_days_from_civil(2000, 2, 28) == 2);  /* 400-rule */
    CHECK(tn_is_leap(2024) && !tn_is_leap(2100) && tn_is_leap(2000) && !tn_is_leap(2023));
    /* round trip over 1..9999 every 97 days */
    int ok = 1;
    for (int64_t day = tn_days_from_civil(1, 1, 1); day < tn_days_from_civil(9999, 12, 31); day += 97) {
        tn_civil_from_days(day, &y, &m, &d);
        ok &= tn_days_from_civil(y, m, d) == day;
    }
    CHECK(ok);
    tn_civil_from_days(19723, &y, &m, &d);                    /* 2024-01-01 */
    CHECK(y == 2024 && m == 1 && d == 1);
    CHECK(tn_weekday(0) == 3);                                /* 1970-01-01 was a Thursday */
    CHECK(tn_weekday(tn_days_from_civil(2024, 1, 15)) == 0);  /* a Monday */
    CHECK(tn_weekday(tn_days_from_civil(2023, 12, 31)) == 6); /* a Sunday */
}

static void test_periods(void) {
    CHECK(period(TN_A, "2024") == 2024);
    CHECK(period(TN_Q, "2024Q1") == 2024 * 4);
    CHECK(period(TN_Q, "2024-Q4") == 2024 * 4 + 3);
    CHECK(period(TN_Q, "2024q2") == 2024 * 4 + 1);
    CHECK(period(TN_M, "2024-01") == 2024 * 12);
    CHECK(period(TN_M, "2024M12") == 2024 * 12 + 11);
    CHECK(period(TN_M, "2024/03") == 2024 * 12 + 2);
    CHECK(period(TN_M, "2024-01-31") == 2024 * 12);          /* a day inside the month */
    CHECK(period(TN_Q, "2024-03-31") == 2024 * 4);
    CHECK(period(TN_M, "202402") == 2024 * 12 + 1);
    CHECK(period(TN_D, "20240229") == tn_days_from_civil(2024, 2, 29));
    CHECK(period(TN_D, "2024/1/5") == tn_days_from_civil(2024, 1, 5));
    CHECK(period(TN_D, "2024-01-05 00:00:00") == tn_days_from_civil(2024, 1, 5));
    /* Chinese forms */
    CHECK(period(TN_M, "2025\xE5\xB9\xB4" "04\xE6\x9C\x88\xE4\xBB\xBD") == 2025 * 12 + 3);  /* 2025年04月份 */
    CHECK(period(TN_Q, "2025\xE5\xB9\xB4\xE7\xAC\xAC" "3\xE5\xAD\xA3\xE5\xBA\xA6") == 2025 * 4 + 2); /* 2025年第3季度 */
    /* consecutive periods differ by one across year ends */
    CHECK(period(TN_M, "2025-01") - period(TN_M, "2024-12") == 1);
    CHECK(period(TN_Q, "2025Q1") - period(TN_Q, "2024Q4") == 1);
    CHECK(period(TN_D, "2025-01-01") - period(TN_D, "2024-12-31") == 1);
    CHECK(period(TN_M, "1969-12") - period(TN_M, "1970-01") == -1);
}

static void test_business_days(void) {
    /* Friday 2024-01-12 and Monday 2024-01-15 are consecutive business days */
    CHECK(period(TN_B, "2024-01-15") - period(TN_B, "2024-01-12") == 1);
    CHECK(period(TN_B, "2024-01-19") - period(TN_B, "2024-01-15") == 4);
    CHECK(parse_fails(TN_B, "2024-01-13", "Saturday"));
    CHECK(parse_fails(TN_B, "2024-01-14", "Sunday"));
    /* 2024 has 262 weekdays (Jan 1 Monday, leap year, Dec 31 Tuesday) */
    CHECK(period(TN_B, "2024-12-31") - period(TN_B, "2024-01-01") + 1 == 262);
    /* first/last business day of a coarser span */
    int64_t p;
    const char *why;
    CHECK(tn_period_parse(TN_B, "2024-06", 7, 0, 0, &p, &why) == 0 &&
          p == period(TN_B, "2024-06-03"));                /* June 1-2 2024 were a weekend */
    CHECK(tn_period_parse(TN_B, "2024-08", 7, 1, 0, &p, &why) == 0 &&
          p == period(TN_B, "2024-08-30"));                /* Aug 31 was a Saturday */
    CHECK(formats_as(TN_B, period(TN_B, "1969-12-31"), TN_STYLE_ISO, "1969-12-31"));
    CHECK(formats_as(TN_B, period(TN_B, "1970-01-05"), TN_STYLE_ISO, "1970-01-05"));
}

static void test_weeks(void) {
    int wfri = TN_W + 4;
    /* ISO week 53 exists in 2020 (Jan 1 a Wednesday of a leap year) and 2026
       (Jan 1 a Thursday); not in 2021 */
    CHECK(period(TN_W_DEFAULT, "2020-W53") == period(TN_W_DEFAULT, "2021-01-03"));
    CHECK(period(TN_W_DEFAULT, "2026-W53") == period(TN_W_DEFAULT, "2027-01-03"));
    CHECK(parse_fails(TN_W_DEFAULT, "2021-W53", "no ISO week 53"));
    CHECK(period(TN_W_DEFAULT, "2021-W01") - period(TN_W_DEFAULT, "2020-W53") == 1);
    /* a week ending Friday holds Saturday..Friday */
    CHECK(period(wfri, "2024-01-06") == period(wfri, "2024-01-12"));
    CHECK(period(wfri, "2024-01-05") + 1 == period(wfri, "2024-01-06"));
    CHECK(formats_as(wfri, period(wfri, "2024-01-08"), TN_STYLE_ISO, "2024-01-12"));
    CHECK(formats_as(wfri, period(wfri, "2024-01-08"), TN_STYLE_START, "2024-01-06"));
    /* week across a year end: W-SUN week of 2024-12-31 ends 2025-01-05 */
    CHECK(formats_as(TN_W_DEFAULT, period(TN_W_DEFAULT, "2024-12-31"), TN_STYLE_ISO, "2025-01-05"));
    int f;
    CHECK(tn_freq_parse("W-FRI", &f) == 0 && f == wfri);
    CHECK(tn_freq_parse("w-sun", &f) == 0 && f == TN_W_DEFAULT);
    CHECK(tn_freq_parse("W-XYZ", &f) != 0);
}

static void test_formats(void) {
    CHECK(formats_as(TN_Q, period(TN_Q, "2024Q3"), TN_STYLE_ISO, "2024-Q3"));
    CHECK(formats_as(TN_Q, period(TN_Q, "2024Q3"), TN_STYLE_COMPACT, "2024Q3"));
    CHECK(formats_as(TN_Q, period(TN_Q, "2024Q1"), TN_STYLE_END, "2024-03-31"));
    CHECK(formats_as(TN_M, period(TN_M, "2024-02"), TN_STYLE_END, "2024-02-29"));
    CHECK(formats_as(TN_M, period(TN_M, "2023-02"), TN_STYLE_END, "2023-02-28"));
    CHECK(formats_as(TN_M, period(TN_M, "2024-02"), TN_STYLE_START, "2024-02-01"));
    CHECK(formats_as(TN_M, period(TN_M, "0999-12"), TN_STYLE_ISO, "0999-12"));
    CHECK(formats_as(TN_A, 2024, TN_STYLE_END, "2024-12-31"));
    CHECK(tn_period_year(TN_M, period(TN_M, "1969-12")) == 1969);
}

static void test_bad_dates(void) {
    CHECK(parse_fails(TN_M, "2024-13", "month out of range"));
    CHECK(parse_fails(TN_D, "2023-02-29", "day out of range"));
    CHECK(parse_fails(TN_D, "2024-04-31", "day out of range"));
    CHECK(parse_fails(TN_Q, "2024Q5", "quarter out of range"));
    CHECK(parse_fails(TN_A, "0000", "year out of range"));
    CHECK(parse_fails(TN_A, "99999", "year out of range"));
    CHECK(parse_fails(TN_M, "2024", "need a month"));        /* strict */
    CHECK(parse_fails(TN_D, "2024-01-05 13:30", "intraday"));
    CHECK(parse_fails(TN_M, "abc", "not a date"));
    CHECK(parse_fails(TN_M, "2024-01/05", "mixed separators"));
    CHECK(parse_fails(TN_M, "", "not a date"));
    CHECK(parse_fails(TN_M, "24-01", "four digits"));
    /* fuzz finding: the week holding 9999-12-31 ends in year 10000, a label
       that could be written but not read back */
    CHECK(parse_fails(TN_W_DEFAULT, "9999-12-31", "the week ends after 9999-12-31"));
    CHECK(period(TN_W_DEFAULT, "9999-12-26") != -999999);   /* a Sunday: ends that day */
    {
        int64_t p;
        const char *why = "";
        CHECK(tn_period_parse(TN_W, "9999", 4, 1, 0, &p, &why) != 0);
        /* ISO week 52 of 9999 ends on 10000-01-02 */
        CHECK(tn_period_parse(TN_D, "9999W52", 7, 1, 0, &p, &why) != 0 && strstr(why, "ends after 9999-12-31"));
        CHECK(tn_period_parse(TN_D, "9999W52", 7, 0, 0, &p, &why) == 0);
    }
}

int main(void) {
    test_civil();
    test_periods();
    test_business_days();
    test_weeks();
    test_formats();
    test_bad_dates();
    return END_TESTS();
}

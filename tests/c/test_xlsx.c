/*
 * test_xlsx.c -- cell references, ranges, column letters, Excel serial
 * dates and date formats (core/xlsx.c). Expected dates are Excel's own
 * (a cell =DATE(2024,1,1) formatted General shows 45292; in a workbook
 * with the 1904 system it shows 43830, 1462 days fewer).
 */
#include <string.h>
#include "core/xlsx.h"
#include "harness.h"

static int ymd(double serial, int d1904, int *y, int *m, int *d) {
    return tn_xlsx_serial_to_ymd(serial, d1904, y, m, d);
}

static void test_refs(void) {
    int r, c, r0, c0, r1, c1;
    char buf[4];
    CHECK(tn_xlsx_parse_ref("B12", 3, &r, &c) == 0 && r == 12 && c == 1);
    CHECK(tn_xlsx_parse_ref("aa1", 3, &r, &c) == 0 && r == 1 && c == 26);
    CHECK(tn_xlsx_parse_ref("XFD1048576", 10, &r, &c) == 0 && r == 1048576 && c == 16383);
    CHECK(tn_xlsx_parse_ref("XFE1", 4, &r, &c) != 0);
    CHECK(tn_xlsx_parse_ref("A1048577", 8, &r, &c) != 0);
    CHECK(tn_xlsx_parse_ref("A0", 2, &r, &c) != 0);
    CHECK(tn_xlsx_parse_ref("A", 1, &r, &c) != 0);
    CHECK(tn_xlsx_parse_ref("12", 2, &r, &c) != 0);
    CHECK(tn_xlsx_parse_ref("A1x", 3, &r, &c) != 0);
    CHECK(tn_xlsx_parse_range("B3:F200", &r0, &c0, &r1, &c1) == 0 && r0 == 3 && c0 == 1 && r1 == 200 && c1 == 5);
    CHECK(tn_xlsx_parse_range("B:F", &r0, &c0, &r1, &c1) == 0 && r0 == 1 && c0 == 1 && r1 == 1048576 && c1 == 5);
    CHECK(tn_xlsx_parse_range("C5", &r0, &c0, &r1, &c1) == 0 && r0 == 5 && c0 == 2 && r1 == 1048576 && c1 == 16383);
    CHECK(tn_xlsx_parse_range("F3:B200", &r0, &c0, &r1, &c1) != 0);
    CHECK(tn_xlsx_parse_range("B3:F", &r0, &c0, &r1, &c1) != 0);
    CHECK(tn_xlsx_parse_range("", &r0, &c0, &r1, &c1) != 0);
    tn_xlsx_col_name(0, buf);     CHECK(strcmp(buf, "A") == 0);
    tn_xlsx_col_name(25, buf);    CHECK(strcmp(buf, "Z") == 0);
    tn_xlsx_col_name(26, buf);    CHECK(strcmp(buf, "AA") == 0);
    tn_xlsx_col_name(701, buf);   CHECK(strcmp(buf, "ZZ") == 0);
    tn_xlsx_col_name(702, buf);   CHECK(strcmp(buf, "AAA") == 0);
    tn_xlsx_col_name(16383, buf); CHECK(strcmp(buf, "XFD") == 0);
}

static void test_serials(void) {
    int y, m, d;
    CHECK(ymd(1, 0, &y, &m, &d) == 0 && y == 1900 && m == 1 && d == 1);
    CHECK(ymd(59, 0, &y, &m, &d) == 0 && y == 1900 && m == 2 && d == 28);
    CHECK(ymd(60, 0, &y, &m, &d) != 0);                 /* 1900-02-29 never was */
    CHECK(ymd(61, 0, &y, &m, &d) == 0 && y == 1900 && m == 3 && d == 1);
    CHECK(ymd(45292, 0, &y, &m, &d) == 0 && y == 2024 && m == 1 && d == 1);
    CHECK(ymd(45292.75, 0, &y, &m, &d) == 0 && y == 2024 && m == 1 && d == 1);   /* 18:00 */
    CHECK(ymd(45351, 0, &y, &m, &d) == 0 && y == 2024 && m == 2 && d == 29);
    CHECK(ymd(2958465, 0, &y, &m, &d) == 0 && y == 9999 && m == 12 && d == 31);
    CHECK(ymd(0, 0, &y, &m, &d) != 0);
    CHECK(ymd(-1, 0, &y, &m, &d) != 0);
    CHECK(ymd(NAN, 0, &y, &m, &d) != 0);
    CHECK(ymd(3e6, 0, &y, &m, &d) != 0);
    CHECK(ymd(0, 1, &y, &m, &d) == 0 && y == 1904 && m == 1 && d == 1);
    CHECK(ymd(43830, 1, &y, &m, &d) == 0 && y == 2024 && m == 1 && d == 1);
    CHECK(tn_xlsx_ymd_to_serial(2024, 1, 1, 0) == 45292);
    CHECK(tn_xlsx_ymd_to_serial(2024, 1, 1, 1) == 43830);
    CHECK(tn_xlsx_ymd_to_serial(1900, 3, 1, 0) == 61);
}

static void test_formats(void) {
    CHECK(tn_xlsx_format_is_date(14, NULL));
    CHECK(tn_xlsx_format_is_date(22, NULL));
    CHECK(tn_xlsx_format_is_date(31, NULL));           /* yyyy"年"m"月"d"日" in zh-CN */
    CHECK(!tn_xlsx_format_is_date(0, NULL));
    CHECK(!tn_xlsx_format_is_date(2, NULL));
    CHECK(!tn_xlsx_format_is_date(49, NULL));          /* @ (text) */
    CHECK(tn_xlsx_format_is_date(164, "yyyy-mm-dd"));
    CHECK(tn_xlsx_format_is_date(164, "[$-804]yyyy\"\xE5\xB9\xB4\"m\"\xE6\x9C\x88\""));
    CHECK(tn_xlsx_format_is_date(164, "[h]:mm"));
    CHECK(!tn_xlsx_format_is_date(164, "0.00"));
    CHECK(!tn_xlsx_format_is_date(164, "General"));
    CHECK(!tn_xlsx_format_is_date(164, "0.00E+00"));
    CHECK(!tn_xlsx_format_is_date(164, "#,##0.00_);[Red](#,##0.00)"));
    CHECK(!tn_xlsx_format_is_date(164, "0.0\" days\""));
    CHECK(!tn_xlsx_format_is_date(164, "0\\d"));
    CHECK(!tn_xlsx_format_is_date(164, "[DBNum1]0"));
}

int main(void) {
    test_refs();
    test_serials();
    test_formats();
    return END_TESTS();
}

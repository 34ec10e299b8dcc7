/*
 * test_csv.c -- the CSV tokenizer: quoting per RFC 4180, line ends, line
 * numbers for messages, errors on broken quoting, separator sniffing; the
 * cell checks (trim, missing spellings, UTF-8).
 */
#include <string.h>

#include "core/csv.h"
#include "harness.h"

static int field_is(const tn_csv_reader *r, int i, const char *want) {
    return i < r->nfields && r->fields[i].len == strlen(want) &&
           memcmp(r->fields[i].s, want, strlen(want)) == 0;
}

int main(void) {
    tn_csv_reader r;
    char text1[] = "date,\"a,b\",c\r\n2024-01,\"say \"\"hi\"\"\",\r\n\n2024-02,\"two\nlines\",3";
    tn_csv_init(&r, text1, strlen(text1), ',');
    CHECK(tn_csv_next(&r) == 1 && r.nfields == 3 && field_is(&r, 1, "a,b") && r.line == 1);
    CHECK(tn_csv_next(&r) == 1 && r.nfields == 3 && field_is(&r, 1, "say \"hi\"") &&
          field_is(&r, 2, "") && r.line == 2);
    CHECK(tn_csv_next(&r) == 1 && tn_csv_row_blank(&r) && r.line == 3);
    CHECK(tn_csv_next(&r) == 1 && field_is(&r, 1, "two\nlines") && field_is(&r, 2, "3") && r.line == 4);
    CHECK(tn_csv_next(&r) == 0);
    tn_csv_free(&r);

    char text2[] = "a,b\n1,\"open\n2,3\n";
    tn_csv_init(&r, text2, strlen(text2), ',');
    CHECK(tn_csv_next(&r) == 1);
    CHECK(tn_csv_next(&r) == -1 && strstr(r.error, "unterminated") && r.err_line == 2 && r.err_col == 2);
    tn_csv_free(&r);

    char text3[] = "a,b\n1,\"x\"y\n";
    tn_csv_init(&r, text3, strlen(text3), ',');
    tn_csv_next(&r);
    CHECK(tn_csv_next(&r) == -1 && strstr(r.error, "after a closing quote"));
    tn_csv_free(&r);

    char text4[] = "a\tb\n1\t2\n";
    CHECK(tn_csv_sniff(text4, strlen(text4)) == '\t');
    CHECK(tn_csv_sniff("\"x\t\t\",y,z\n", 11) == ',');
    CHECK(tn_csv_sniff("a;b;c\n", 6) == ';');
    tn_csv_init(&r, text4, strlen(text4), '\t');
    CHECK(tn_csv_next(&r) == 1 && r.nfields == 2);
    CHECK(tn_csv_next(&r) == 1 && field_is(&r, 1, "2"));
    tn_csv_free(&r);

    /* many fields in one row grow the field array */
    static char wide[200001];
    for (int i = 0; i < 100000; i++) { wide[2 * i] = 'x'; wide[2 * i + 1] = ','; }
    wide[199999] = '\n';
    tn_csv_init(&r, wide, 200000, ',');
    CHECK(tn_csv_next(&r) == 1 && r.nfields == 100000);
    tn_csv_free(&r);
    /* cells */
    const char *s = " \t12.5 \t";
    size_t n = strlen(s);
    tn_csv_trim(&s, &n);
    CHECK(n == 4 && memcmp(s, "12.5", 4) == 0);
    CHECK(tn_csv_is_missing("", 0) && tn_csv_is_missing("#N/A", 4) && tn_csv_is_missing(".", 1));
    CHECK(!tn_csv_is_missing("NAx", 3) && !tn_csv_is_missing("0", 1));
    CHECK(tn_utf8_valid("\xE6\x8C\x87 ok", 6) && !tn_utf8_valid("\xC0\x80", 2) && !tn_utf8_valid("\xE6\x8C", 2));
    return END_TESTS();
}

/*
 * test_numparse.c -- the fast decimal parser must agree bit for bit with
 * glibc's strtod (correctly rounded) on every input it accepts, and reject
 * what is not a plain decimal number. The shortest-text formatter must
 * read back exactly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "core/numparse.h"

static int same_as_strtod(const char *s) {
    double a, b = strtod(s, NULL);
    if (tn_parse_double(s, strlen(s), &a) != TN_NUM_OK) return 0;
    return memcmp(&a, &b, sizeof a) == 0;
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t next_rand(void) {             /* xorshift64 */
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return rng;
}

int main(void) {
    double x;
    const char *exact[] = {"0", "-0", "1", "0.1", "2.675", "9.8", "307.917", "100.0", ".5", "5.",
                           "1e10", "1.5E-3", "-273.15", "3353771.03", "66291857700",
                           "9007199254740993", "0.30000000000000004", "1e22", "1e23",
                           "123456789012345678901234567890", "4.9e-324", "2.2250738585072011e-308",
                           "1.7976931348623157e308", "0.000000000000000000000000001234",
                           /* leading zeros, 19/20 significant digits, zeros after the point */
                           "000123.4500", "-00.0001", "0.0000000000000000001234567890123456789",
                           "1234567890123456789", "12345678901234567890", "0.1234567890123456789",
                           "99999999999999999999e-5", "00000000000000000000000000001", NULL};
    for (int i = 0; exact[i]; i++) CHECK_MSG(same_as_strtod(exact[i]), "mismatch on %s", exact[i]);
    CHECK(tn_parse_double("-0", 2, &x) == 0 && x == 0 && signbit(x));

    /* random decimals of 1-20 digits with random exponents */
    int ok = 1;
    char buf[64];
    for (int i = 0; i < 200000 && ok; i++) {
        uint64_t r = next_rand();
        int digits = 1 + (int)(r % 20), point = (int)((r >> 8) % (uint64_t)(digits + 1));
        int k = 0;
        if (r & (1u << 20)) buf[k++] = '-';
        for (int d = 0; d < digits; d++) {
            if (d == point && d > 0) buf[k++] = '.';
            buf[k++] = (char)('0' + next_rand() % 10);
        }
        if (r & (1u << 21)) k += snprintf(buf + k, sizeof buf - (size_t)k, "e%d", (int)(next_rand() % 80) - 40);
        buf[k] = '\0';
        ok = same_as_strtod(buf);
        if (!ok) fprintf(stderr, "  mismatch on %s\n", buf);
    }
    CHECK(ok);

    const char *bad[] = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10",
                         "inf", "nan", "1e5x", "--1", NULL};
    for (int i = 0; bad[i]; i++)
        CHECK_MSG(tn_parse_double(bad[i], strlen(bad[i]), &x) == TN_NUM_SYNTAX, "accepted '%s'", bad[i]);
    CHECK(tn_parse_double("1e999", 5, &x) == TN_NUM_RANGE);
    CHECK(tn_parse_double("-1e400", 6, &x) == TN_NUM_RANGE);
    CHECK(tn_parse_double("1e-999", 6, &x) == TN_NUM_OK && x == 0);

    /* grouped numbers and decimal commas, by hand */
    {
        static const struct { const char *s; char group, point; int ok; double v; int dec; } g[] = {
            {"1,234.5", ',', '.', 1, 1234.5, 1}, {"-1,234,567", ',', '.', 1, -1234567, 0},
            {"1,085", '.', ',', 1, 1.085, 3}, {"1.234,56", '.', ',', 1, 1234.56, 2},
            {"1085,5", '.', ',', 1, 1085.5, 1}, {"-0,25", '.', ',', 1, -0.25, 2},
            {",5", '.', ',', 1, 0.5, 1}, {"12", '.', ',', 1, 12, 0}, {"1,5e3", '.', ',', 1, 1500, -1},
            {"1.23,5", '.', ',', 0, 0, 0}, {"1.2345,5", '.', ',', 0, 0, 0}, {"1234.567,5", '.', ',', 0, 0, 0},
            {".234,5", '.', ',', 0, 0, 0}, {"1,2,3", '.', ',', 0, 0, 0}, {",", '.', ',', 0, 0, 0},
            {"1,5e", '.', ',', 0, 0, 0}, {"1 085,5", '.', ',', 0, 0, 0}, {"", '.', ',', 0, 0, 0},
            {"1,085", 0, ',', 1, 1.085, 3}, {"1.085,5", 0, ',', 0, 0, 0},
        };
        for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
            double v = -1;
            int dec = -2, r = tn_parse_grouped(g[i].s, strlen(g[i].s), g[i].group, g[i].point, &v, &dec);
            CHECK((r == TN_NUM_OK) == g[i].ok);
            if (g[i].ok) { CHECK(v == g[i].v); CHECK(dec == g[i].dec); }
        }
        char long_text[300];
        memset(long_text, '1', sizeof long_text);
        double v;
        CHECK(tn_parse_grouped(long_text, sizeof long_text, '.', ',', &v, NULL) == TN_NUM_SYNTAX);
    }

    /* shortest round-trip text */
    tn_format_double(0.1, buf, sizeof buf);
    CHECK(strcmp(buf, "0.1") == 0);
    tn_format_double(0.1 + 0.2, buf, sizeof buf);
    CHECK(strcmp(buf, "0.30000000000000004") == 0);
    tn_format_double(4457.358695652174, buf, sizeof buf);
    CHECK(strcmp(buf, "4457.358695652174") == 0);
    ok = 1;
    for (int i = 0; i < 100000 && ok; i++) {
        uint64_t bits = next_rand();
        double v;
        memcpy(&v, &bits, sizeof v);
        if (isnan(v) || isinf(v)) continue;
        tn_format_double(v, buf, sizeof buf);
        ok = strtod(buf, NULL) == v;
    }
    CHECK(ok);

    tn_format_display(3353771.03, buf, sizeof buf);     /* R prints 3353771 */
    CHECK(strcmp(buf, "3353771") == 0);
    tn_format_display(2.5, buf, sizeof buf);
    CHECK(strcmp(buf, "2.5") == 0);
    tn_format_display(NAN, buf, sizeof buf);
    CHECK(strcmp(buf, "NA") == 0);
    tn_format_display(-0.0, buf, sizeof buf);
    CHECK(strcmp(buf, "0") == 0);
    tn_format_display(0.012345678, buf, sizeof buf);
    CHECK(strcmp(buf, "0.01234568") == 0);
    return END_TESTS();
}

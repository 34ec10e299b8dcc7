/*
 * fuzz_date.c -- libFuzzer harness for date and period parsing (pure C).
 *
 * Any input may be rejected, but whatever parses must format back to text
 * that parses to the same period, and the period's first and last days must
 * lie in it. A violation aborts (a finding), as does any memory error.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

static void check_period(int freq, int64_t p) {
    char out[64];
    const char *why;
    int64_t q;
    int len = tn_period_format(freq, p, TN_STYLE_ISO, out, sizeof out);
    if (len <= 0 || (size_t)len >= sizeof out) abort();
    if (tn_period_parse(freq, out, (size_t)len, 0, 1, &q, &why) != 0 || q != p) abort();
    int64_t first = tn_period_first_day(freq, p), last = tn_period_last_day(freq, p);
    if (first > last) abort();
    if (tn_period_of_day(freq, first, &q) == 0 && q != p) abort();
    if (tn_period_of_day(freq, last, &q) == 0 && q != p) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const int freqs[] = {TN_A, TN_Q, TN_M, TN_B, TN_D, TN_W, TN_W + 4, TN_W_DEFAULT};
    char buf[128];
    if (size >= sizeof buf) size = sizeof buf - 1;
    memcpy(buf, data, size);
    buf[size] = '\0';
    tn_date d;
    const char *why;
    (void)tn_date_parse(buf, size, &d, &why);
    for (size_t i = 0; i < sizeof freqs / sizeof freqs[0]; i++) {
        for (int at_end = 0; at_end < 2; at_end++) {
            int64_t p;
            if (tn_period_parse(freqs[i], buf, size, at_end, 0, &p, &why) == 0) check_period(freqs[i], p);
        }
    }
    return 0;
}

/* csv_floor.c -- the least a CSV load of daily_long.csv must do: read the
   file, split lines, parse the ISO date's digits and the value with strtod.
   Prints the time of the read and of the parse, and a checksum. */
#include <string.h>
#include "floor.h"

int main(int argc, char **argv) {
    if (argc < 2) { fputs("usage: csv_floor daily_long.csv\n", stderr); return 2; }
    double t0 = floor_now();
    size_t len;
    char *text = floor_slurp(argv[1], &len);
    double t1 = floor_now();
    size_t cap = len / 16 + 1, n = 0;
    int *day = malloc(cap * sizeof *day);
    double *x = malloc(cap * sizeof *x);
    char *p = strchr(text, '\n') + 1, *end = text + len;
    while (p < end && n < cap) {
        day[n] = ((p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0')) * 372 +
                 ((p[5] - '0') * 10 + (p[6] - '0')) * 31 + (p[8] - '0') * 10 + (p[9] - '0');
        x[n++] = strtod(p + 11, &p);
        while (p < end && *p != '\n') p++;
        p++;
    }
    double t2 = floor_now(), sum = 0;
    for (size_t i = 0; i < n; i++) sum += x[i];
    printf("read %.1f ms, parse %.1f ms (%zu rows, sum %.10g, last day key %d)\n",
           (t1 - t0) * 1e3, (t2 - t1) * 1e3, n, sum, n ? day[n - 1] : 0);
    free(text);
    free(day);
    free(x);
    return 0;
}

/* floor.h -- shared by the C-floor programs of `make bench`: a wall clock
   and whole-file reading. The floor programs measure what the machine can
   do with no interpreter in the way, so tenor's times have a bound to be
   judged against. */
#ifndef FLOOR_H
#define FLOOR_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double floor_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The whole file, NUL-terminated; exits with a message on failure. */
static inline char *floor_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { fprintf(stderr, "%s: read error\n", path); exit(1); }
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}
#endif

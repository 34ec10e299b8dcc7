/*
 * harness.h -- a minimal C test harness: CHECK and CHECK_NEAR count, print
 * each failure with its line, and END_TESTS prints "N passed, N failed"
 * and returns the exit status.
 */
#ifndef TN_TEST_HARNESS_H
#define TN_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>

static int tests_passed, tests_failed;

#define CHECK(cond) do {                                                      \
    if (cond) tests_passed++;                                                 \
    else { tests_failed++; fprintf(stderr, "%s:%d: check failed: %s\n",       \
                                   __FILE__, __LINE__, #cond); }              \
} while (0)

#define CHECK_MSG(cond, ...) do {                                             \
    if (cond) tests_passed++;                                                 \
    else { tests_failed++; fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);    \
           fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); }              \
} while (0)

#define END_TESTS() (printf("%s: %d passed, %d failed\n", __FILE__, tests_passed, \
                            tests_failed), tests_failed != 0)

#endif

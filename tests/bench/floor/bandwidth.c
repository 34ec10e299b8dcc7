/* bandwidth.c -- memory bandwidth over a 400 MB array: the best of five
   read passes (a sum) and of five copy passes, in GB/s, and what one pass
   over a 2e6-point series (16 MB) costs at that rate. */
#include <string.h>
#include "floor.h"

int main(void) {
    size_t n = 50u * 1000 * 1000;                 /* 400 MB of doubles */
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    if (!a || !b) { fputs("out of memory\n", stderr); return 1; }
    for (size_t i = 0; i < n; i++) a[i] = (double)(i & 1023), b[i] = 0;
    double best_read = 1e9, best_copy = 1e9, sink = 0;
    for (int rep = 0; rep < 5; rep++) {
        double t = floor_now(), s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (size_t i = 0; i < n; i += 4) s0 += a[i], s1 += a[i + 1], s2 += a[i + 2], s3 += a[i + 3];
        t = floor_now() - t;
        sink += s0 + s1 + s2 + s3;
        if (t < best_read) best_read = t;
        t = floor_now();
        memcpy(b, a, n * sizeof *a);
        t = floor_now() - t;
        if (t < best_copy) best_copy = t;
    }
    double gb = (double)(n * sizeof(double)) / 1e9;
    printf("read %.1f GB/s, copy %.1f GB/s (counting both ways); a 2e6-point pass: %.2f ms read, %.2f ms copy [%g]\n",
           gb / best_read, 2 * gb / best_copy, best_read * 2e6 / (double)n * 1e3,
           best_copy * 2e6 / (double)n * 1e3, sink + b[n / 2] > 0 ? 1.0 : 0.0);
    free(a);
    free(b);
    return 0;
}

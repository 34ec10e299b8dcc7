/*
 * png_stats.c -- what a screenshot shows, for tests/browser/run.sh:
 *
 *   png_stats FILE.png RRGGBB [TOL]
 *   -> "width=W height=H ink=F match=N"
 *
 * ink: the share of pixels that differ from the page's background (the
 * colour of the top-left pixel); match: how many pixels are within TOL
 * (default 40, per channel) of the colour RRGGBB -- a chart's line colour.
 * Reads 8-bit RGB or RGBA, non-interlaced PNGs (what Chromium writes):
 * the IDAT stream inflated with zlib, then each row unfiltered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static unsigned long be32(const unsigned char *p) {
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static int paeth(int a, int b, int c) {
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undoes the filters in place; raw has h rows of 1 + stride bytes. */
static int unfilter(unsigned char *raw, unsigned long w, unsigned long h, int bpp) {
    unsigned long stride = w * (unsigned long)bpp;
    for (unsigned long y = 0; y < h; y++) {
        unsigned char *row = raw + y * (stride + 1), *cur = row + 1;
        unsigned char *up = y ? raw + (y - 1) * (stride + 1) + 1 : NULL;
        for (unsigned long x = 0; x < stride; x++) {
            int a = x >= (unsigned long)bpp ? cur[x - (unsigned long)bpp] : 0, b = up ? up[x] : 0;
            int c = up && x >= (unsigned long)bpp ? up[x - (unsigned long)bpp] : 0;
            switch (row[0]) {
            case 0: break;
            case 1: cur[x] = (unsigned char)(cur[x] + a); break;
            case 2: cur[x] = (unsigned char)(cur[x] + b); break;
            case 3: cur[x] = (unsigned char)(cur[x] + (a + b) / 2); break;
            case 4: cur[x] = (unsigned char)(cur[x] + paeth(a, b, c)); break;
            default: return -1;
            }
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: png_stats FILE.png RRGGBB [TOL]\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *png = malloc((size_t)n), *idat = malloc((size_t)n);
    if (!png || !idat || fread(png, 1, (size_t)n, f) != (size_t)n || n < 33 || memcmp(png + 1, "PNG", 3)) {
        fprintf(stderr, "%s: not a PNG\n", argv[1]); return 2;
    }
    fclose(f);
    unsigned long w = be32(png + 16), h = be32(png + 20), nidat = 0;
    int depth = png[24], type = png[25], interlace = png[28];
    int bpp = type == 6 ? 4 : type == 2 ? 3 : 0;
    if (depth != 8 || !bpp || interlace) { fprintf(stderr, "%s: not 8-bit RGB(A)\n", argv[1]); return 2; }
    for (long at = 8; at + 12 <= n;) {
        unsigned long len = be32(png + at);
        if (at + 12 + (long)len > n) break;
        if (memcmp(png + at + 4, "IDAT", 4) == 0) { memcpy(idat + nidat, png + at + 8, len); nidat += len; }
        at += 12 + (long)len;
    }
    uLongf size = (uLongf)(h * (w * (unsigned long)bpp + 1));
    unsigned char *raw = malloc(size);
    if (!raw || uncompress(raw, &size, idat, nidat) != Z_OK || unfilter(raw, w, h, bpp)) {
        fprintf(stderr, "%s: cannot decode\n", argv[1]); return 2;
    }
    unsigned long want = strtoul(argv[2], NULL, 16);
    int tol = argc > 3 ? atoi(argv[3]) : 40;
    int wr = (int)(want >> 16 & 255), wg = (int)(want >> 8 & 255), wb = (int)(want & 255);
    const unsigned char *bg = raw + 1;
    unsigned long ink = 0, match = 0;
    for (unsigned long y = 0; y < h; y++) {
        const unsigned char *p = raw + y * (w * (unsigned long)bpp + 1) + 1;
        for (unsigned long x = 0; x < w; x++, p += bpp) {
            if (p[0] != bg[0] || p[1] != bg[1] || p[2] != bg[2]) ink++;
            if (abs(p[0] - wr) <= tol && abs(p[1] - wg) <= tol && abs(p[2] - wb) <= tol) match++;
        }
    }
    printf("width=%lu height=%lu ink=%.4f match=%lu\n", w, h, (double)ink / (double)(w * h), match);
    free(png), free(idat), free(raw);
    return 0;
}

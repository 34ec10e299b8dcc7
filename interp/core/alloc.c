/*
 * alloc.c -- see alloc.h.
 *
 * Why not malloc for big blocks: glibc serves them from fresh mappings of
 * 4 KB pages, and on a 2e6-row workload the page faults of its temporaries
 * cost as much as the arithmetic (x / m - 1 on 2e6 points: 18 ms, of which
 * 11 ms are faults; 7 ms with huge pages). Huge pages are only advised:
 * where the kernel has none to give, the mapping works with small ones.
 */
#include "core/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_PAGE ((size_t)2 << 20)

/* Under AddressSanitizer every block goes to malloc, which it watches
   (it puts no guard zones around a mapping of our own). */
#if defined(__SANITIZE_ADDRESS__)
#define TN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TN_ASAN 1
#endif
#endif

static int is_big(size_t size) {
#ifdef TN_ASAN
    (void)size;
    return 0;
#else
    return size >= TN_BIG_BLOCK;
#endif
}

/* A mapping of n bytes starting on a 2 MB boundary: map n + 2 MB and give
   back the ragged ends (kernels align only some anonymous mappings). */
static void *map_big(size_t n) {
    size_t len = n + HUGE_PAGE;
    char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    char *start = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t keep = (n + page - 1) / page * page;
    if (start > p) munmap(p, (size_t)(start - p));
    if (start + keep < p + len) munmap(start + keep, (size_t)(p + len - (start + keep)));
#ifdef MADV_HUGEPAGE
    madvise(start, keep, MADV_HUGEPAGE);
#endif
    return start;
}

static void unmap_big(void *p, size_t n) { munmap(p, n); }

void *tn_lua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)ud;
    int was_big = ptr != NULL && is_big(osize);   /* without ptr, osize is a type tag */
    if (nsize == 0) {
        if (was_big) unmap_big(ptr, osize);
        else free(ptr);
        return NULL;
    }
    if (!was_big && !is_big(nsize)) return realloc(ptr, nsize);
    if (was_big && is_big(nsize)) {
        void *q = mremap(ptr, osize, nsize, MREMAP_MAYMOVE);
        return q == MAP_FAILED ? NULL : q;
    }
    /* across the threshold: a new block of the other kind, then copy */
    void *q = is_big(nsize) ? map_big(nsize) : malloc(nsize);
    if (q == NULL) return NULL;
    if (ptr != NULL) {
        memcpy(q, ptr, osize < nsize ? osize : nsize);
        if (was_big) unmap_big(ptr, osize);
        else free(ptr);
    }
    return q;
}

void *tn_big_alloc(size_t n) { return tn_lua_alloc(NULL, NULL, 0, n ? n : 1); }

void tn_big_free(void *p, size_t n) {
    if (p) tn_lua_alloc(NULL, p, n ? n : 1, 0);
}

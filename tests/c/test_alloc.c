/* tn_lua_alloc: blocks below and above the big-block threshold, growing
   and shrinking across it keep their contents; big blocks start on a 2 MB
   boundary (outside AddressSanitizer, where everything goes to malloc). */
#include "harness.h"
#include "core/alloc.h"

#include <stdint.h>
#include <string.h>

static void fill(unsigned char *p, size_t n, unsigned seed) {
    for (size_t i = 0; i < n; i += 4093) p[i] = (unsigned char)(seed + i);
    p[n - 1] = (unsigned char)(seed ^ 0x5A);
}

static int same(const unsigned char *p, size_t n, unsigned seed) {
    for (size_t i = 0; i < n; i += 4093)
        if (p[i] != (unsigned char)(seed + i)) return 0;
    return 1;
}

int main(void) {
    const size_t small = 1000, big = TN_BIG_BLOCK + 12345, bigger = 3 * TN_BIG_BLOCK + 7;

    unsigned char *a = tn_lua_alloc(NULL, NULL, 7 /* a type tag, not a size */, small);
    CHECK(a != NULL);
    fill(a, small, 1);

    unsigned char *b = tn_lua_alloc(NULL, NULL, 0, big);
    CHECK(b != NULL);
#if !defined(__SANITIZE_ADDRESS__)
    CHECK(((uintptr_t)b & ((2u << 20) - 1)) == 0);
#endif
    fill(b, big, 2);
    b[big - 1] = 0xEE;          /* the last byte is writable */
    CHECK(b[big - 1] == 0xEE);

    /* small -> big keeps the small block's bytes */
    a = tn_lua_alloc(NULL, a, small, big);
    CHECK(a != NULL && same(a, small - 1, 1));
    /* big -> bigger (mremap) keeps them */
    fill(a, big, 3);
    a = tn_lua_alloc(NULL, a, big, bigger);
    CHECK(a != NULL && same(a, big - 1, 3));
    memset(a + big, 0x11, bigger - big);
    CHECK(a[bigger - 1] == 0x11);
    /* bigger -> small keeps the first bytes */
    a = tn_lua_alloc(NULL, a, bigger, small);
    CHECK(a != NULL && same(a, small - 1, 3));

    CHECK(tn_lua_alloc(NULL, a, small, 0) == NULL);
    CHECK(tn_lua_alloc(NULL, b, big, 0) == NULL);
    CHECK(tn_lua_alloc(NULL, NULL, 3, 0) == NULL);    /* freeing nothing */
    return END_TESTS();
}

/*
 * sha256.c -- see sha256.h. nettle's sha256 (FIPS 180-4) replaces the
 * hand-written one; tests/c/test_sha256.c keeps the published vectors.
 */
#include "core/sha256.h"

#include <nettle/sha2.h>

void tn_sha256_hex(const void *data, size_t len, char out[65]) {
    static const char digits[] = "0123456789abcdef";
    struct sha256_ctx c;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, len, data);
    sha256_digest(&c, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[64] = '\0';
}

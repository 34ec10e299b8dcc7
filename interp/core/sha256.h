/*
 * sha256.h -- SHA-256 (FIPS 180-4), for the run manifests' file hashes.
 */
#ifndef TN_SHA256_H
#define TN_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t bytes;          /* message length so far */
    unsigned char block[64];
    size_t used;             /* bytes waiting in block */
} tn_sha256;

void tn_sha256_init(tn_sha256 *c);
void tn_sha256_update(tn_sha256 *c, const void *data, size_t len);
void tn_sha256_final(tn_sha256 *c, unsigned char digest[32]);
/* digest of a buffer as 64 lowercase hex digits plus NUL */
void tn_sha256_hex(const void *data, size_t len, char out[65]);

#endif

/*
 * sha256.h -- SHA-256 digests in hex, for the run manifests' file hashes.
 * The hash itself is nettle's (Debian nettle-dev); this is the one call
 * tenor makes of it.
 */
#ifndef TN_SHA256_H
#define TN_SHA256_H

#include <stddef.h>

/* The SHA-256 digest of a buffer as 64 lowercase hex digits plus NUL. */
void tn_sha256_hex(const void *data, size_t len, char out[65]);

#endif

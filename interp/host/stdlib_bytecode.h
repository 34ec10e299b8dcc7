/*
 * stdlib_bytecode.h -- the Lua stdlib compiled into the binary (generated
 * by interp/stdlib_embed.c at build time; see host.c, which registers each
 * chunk in package.preload so that require finds it without a file).
 */
#ifndef TN_STDLIB_BYTECODE_H
#define TN_STDLIB_BYTECODE_H

#include <stddef.h>

typedef struct {
    const char *module;          /* "tenor.show" */
    const unsigned char *code;   /* lua_dump output, debug information kept */
    size_t len;
} tn_embedded_chunk;

extern const tn_embedded_chunk tn_stdlib_chunks[];   /* ends with {0, 0, 0} */

#endif

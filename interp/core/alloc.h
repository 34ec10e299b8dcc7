/*
 * alloc.h -- the allocator tenor gives Lua.
 *
 * Small blocks go to malloc. Blocks of TN_BIG_BLOCK bytes and more (the
 * values of long series, mostly: a 2e6-point series is 16 MB) get a mapping
 * of their own, aligned to 2 MB and advised for transparent huge pages, so
 * that filling one costs a few page faults instead of thousands, and freeing
 * one gives the memory straight back. Pure C; the size of every block comes
 * from Lua (osize), so no bookkeeping is needed.
 */
#ifndef TN_ALLOC_H
#define TN_ALLOC_H

#include <stddef.h>

#define TN_BIG_BLOCK ((size_t)4 << 20)

/* A lua_Alloc. */
void *tn_lua_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* The same policy for C workspaces (n bytes; tn_big_free needs the same n). */
void *tn_big_alloc(size_t n);
void  tn_big_free(void *p, size_t n);

#endif

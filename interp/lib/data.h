/*
 * data.h -- private to the data module (data.c, data_read.c,
 * data_write.c): the helpers its reading and writing halves share.
 */
#ifndef TN_LIB_DATA_H
#define TN_LIB_DATA_H

#include <stddef.h>

#include <lua.h>

/* A GC-owned scratch buffer of n bytes, left on the stack (an error raised
   later frees it with the rest). */
void *tn_data_scratch(lua_State *L, size_t n);

/* opts[key] (opts at stack index t) as a string, or NULL when opts is not
   a table or the key is nil; raises on another type. The options table
   keeps the string alive. */
const char *tn_data_opt_string(lua_State *L, int t, const char *key);

/* data._read_csv (data_read.c), data._write_csv (data_write.c). */
int tn_data_read_csv(lua_State *L);
int tn_data_write_csv(lua_State *L);

/* The metatables that free the reader's file mapping and tokenizer. */
void tn_data_read_open(lua_State *L);

#endif

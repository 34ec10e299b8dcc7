/*
 * series.h -- the series userdata shared by tenor's C modules.
 *
 * A series is one allocation: a header and the values inline, owned by the
 * Lua garbage collector. Values are immutable once the constructor returns:
 * every operation makes a new series. NaN marks a missing value.
 * User value 1 holds the name (string or nil), user value 2 the metadata
 * table (created on first use).
 */
#ifndef TN_SERIES_H
#define TN_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>
#include <lauxlib.h>

#define TN_SERIES_MT      "tenor.series"
#define TN_SERIES_METHODS "tenor.series.methods"

typedef struct tn_series {
    int freq;           /* TN_A ... (calendar.h) */
    int64_t start;      /* first period */
    size_t n;           /* number of periods */
    double v[];         /* n values, NaN = missing */
} tn_series;

/* Pushes a new series with n uninitialised values. */
tn_series *tn_series_push(lua_State *L, int freq, int64_t start, size_t n);
/* Storage for up to cap values that a reader fills before it knows the
   calendar (data.read_csv parses the values, then infers the frequency):
   pushed as a userdata that is not yet a series; tn_series_adopt turns the
   one at idx into a series of its first n values, checking the span as
   tn_series_push does. No copy. */
double    *tn_series_push_storage(lua_State *L, size_t cap);
tn_series *tn_series_adopt(lua_State *L, int idx, int freq, int64_t start, size_t n);
/* Pushes a new series with the same calendar as s, values uninitialised. */
tn_series *tn_series_push_like(lua_State *L, const tn_series *s, size_t n);
tn_series *tn_series_check(lua_State *L, int arg);
tn_series *tn_series_test(lua_State *L, int arg);

/* Name and metadata. set_name pops the value on top of the stack. */
void        tn_series_set_name(lua_State *L, int idx);
const char *tn_series_name(lua_State *L, int idx);   /* NULL when unnamed */
void        tn_series_copy_name(lua_State *L, int from, int to);
void        tn_series_copy_meta(lua_State *L, int from, int to);
void        tn_series_push_meta(lua_State *L, int idx); /* creates if absent */
void        tn_series_propagate_taint(lua_State *L, int from, int to);
/* Marks the series at idx as using values from later periods (meta.lookahead
   = why), so that backtest.run refuses positions built from it. */
void        tn_series_mark_lookahead(lua_State *L, int idx, const char *why);

/* "a monthly series 'cpi'", "an unnamed quarterly series": for messages. */
const char *tn_series_describe(lua_State *L, int idx, char *buf, size_t size);

/* A period argument (string or number) for series s: see tn_period_parse. */
int64_t tn_series_period_arg(lua_State *L, const tn_series *s, int arg,
                             int at_end, int strict);

/* The type itself, for lib.c: the core methods (at, values, slice...) and
   functions (new, is, isna) into the table on top; the metatable, made
   with the methods table on top and left above it. */
void tn_series_core_register(lua_State *L);
void tn_series_core_functions(lua_State *L);
void tn_series_open_type(lua_State *L);


/* Raises "FNAME: interrupted" (fname NULL: the running function's public
   name) after C work that polls core/interrupt.h stopped early on Ctrl-C;
   the _if_ form only when Ctrl-C was pressed. */
int tn_raise_interrupted(lua_State *L, const char *fname);
void tn_raise_if_interrupted(lua_State *L, const char *fname);

#endif

/*
 * methods.h -- the series method families, for lib.c alone.
 *
 * Each family lives in its own file, includes series.h and this header
 * (for its own prototype only), and adds its functions to the table on top
 * of the stack. lib.c is the one place that calls them all.
 */
#ifndef TN_SERIES_METHODS_H
#define TN_SERIES_METHODS_H

#include <lua.h>

void tn_series_ops_register(lua_State *L);       /* ops.c: comparisons, logic */
void tn_series_ops_metamethods(lua_State *L);    /* ops.c: + - * / ... on the metatable */
void tn_series_stats_register(lua_State *L);     /* stats.c: mean, std, corr ... */
void tn_transform_register(lua_State *L);        /* transform.c: lag, diff, yoy ... */
void tn_window_register(lua_State *L);           /* window.c: rolling, ewma ... */
void tn_convert_register(lua_State *L);          /* convert.c: to(freq) */
void tn_ytd_register(lua_State *L);              /* ytd.c: Chinese YTD releases */
void tn_rebase_register_methods(lua_State *L);   /* rebase.c: rebase, carryover */
void tn_rebase_register_functions(lua_State *L); /* rebase.c: series.splice ... */

void tn_calendar_methods_register(lua_State *L);   /* calendar_methods.c: year, groupby ... */
void tn_calendar_register_functions(lua_State *L); /* calendar_methods.c: series.coalesce ... */
void tn_decompose_register(lua_State *L);          /* decompose.c: stl */
void tn_disagg_register_functions(lua_State *L);   /* disagg.c: series._tempdisagg */

#endif

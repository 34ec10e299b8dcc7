/*
 * opts.h -- the one validating helper for options tables (C and Lua).
 *
 * Every public function that takes an options table declares its keys once:
 * name, type, allowed values or range, default (as help shows it), one line
 * of help, and the other spellings it accepts. One checker validates a call
 * against the declaration:
 *   - an unknown key is an error naming the function, the key, a "did you
 *     mean" and the valid keys:
 *       regress.ols: unknown option 'lags' (did you mean 'lag'? valid: const, cov, lag, use_t)
 *   - a non-table where the options belong is an error;
 *   - a wrong type, a value outside the range or not among the choices is an
 *     error naming the function, the key, the value and what is allowed;
 *   - string choices match case-insensitively and come back in the declared
 *     spelling ("hac" -> "HAC"); an alias comes back under its key.
 * Declarations live in the registry table "tenor.optspecs" keyed by the
 * public name ("regress.ols", "s:rolling"), where help() and the REPL's
 * completion read them (stdlib/tenor/args.lua is the Lua face).
 */
#ifndef TN_OPTS_H
#define TN_OPTS_H

#include <lua.h>

#define TN_OPTSPECS "tenor.optspecs"

/* Range flags: which bounds are open (exclusive). */
#define TN_OPT_LO_OPEN 1
#define TN_OPT_HI_OPEN 2

typedef struct tn_opt {
    const char *name;     /* the key */
    const char *type;     /* number integer boolean string series table function any,
                             or several joined by '|' ("number|series") */
    const char *choices;  /* for strings: allowed values joined by '|', or NULL */
    double lo, hi;        /* numbers: the range (use -HUGE_VAL, HUGE_VAL for none) */
    int open;             /* TN_OPT_LO_OPEN | TN_OPT_HI_OPEN */
    const char *dflt;     /* the default as help shows it ("14400 for M, 1600 for Q"), or NULL */
    const char *help;     /* one line */
    const char *aliases;  /* other accepted names joined by '|', or NULL */
} tn_opt;

/* Records the declaration of fname's options (a {NULL} terminated array). */
void tn_opts_declare(lua_State *L, const char *fname, const tn_opt *spec);

/* Checks the options argument at idx against fname's declaration. nil or
   none becomes an empty table; on success slot idx holds a checked copy
   (aliases under their keys, choices in their declared spelling). Raises
   the errors described above. */
void tn_opts_check(lua_State *L, int idx, const char *fname);

/* The one error for a bad positional argument of a public function: raises
   "fname: arg <fmt...>" (fmt as lua_pushfstring), e.g.
     tn_arg_error(L, "s:rolling", "window", "must be at least 1 (got %d)", w)
   so a message names the function and the argument, never a stack slot. */
int tn_arg_error(lua_State *L, const char *fname, const char *arg, const char *fmt, ...);

/* An enumerated string argument at idx: its index in names (NULL ended),
   matched case-insensitively; dflt when the argument is nil or absent and
   dflt is not NULL. Otherwise raises "fname: arg must be one of a, b, c
   (got 'x')". */
int tn_arg_choice(lua_State *L, int idx, const char *fname, const char *arg, const char *dflt,
                  const char *const names[]);

/* A whole-number argument at idx, at least min; dflt when it is nil or
   absent (a dflt below min makes it required). Raises "fname: arg must be a
   whole number, at least <min> (got x)"; a min of -LUA_MAXINTEGER/2 or below
   means no bound worth stating. */
lua_Integer tn_arg_integer(lua_State *L, int idx, const char *fname, const char *arg, lua_Integer dflt,
                           lua_Integer min);

/* Records prefix..key as the public name of every function in the table at
   idx ("s:" for the series methods), for tn_running_name: the name stays
   right when Lua code later wraps the method. */
void tn_public_names(lua_State *L, int idx, const char *prefix);

/* The public name of the running C function as analysts reach it ("s:yoy",
   "signal.rising"): looked up among the series methods and the global
   module tables, else the name the call used. For messages only (slow). */
const char *tn_running_name(lua_State *L, char *buf, size_t size);

/* The value at idx as messages show it: 'text', 12, true, a table. */
const char *tn_opts_show(lua_State *L, int idx, char *buf, size_t size);

/* Lua primitives for stdlib/tenor/args.lua: _declare(fname, list) and
   _check(fname, opts) -> checked copy, or nil, message. */
void tn_opts_register(lua_State *L);

#endif

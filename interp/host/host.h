/*
 * host.h -- the embedding: one Lua state with the standard libraries,
 * tenor's C modules and its Lua stdlib loaded; protected calls with
 * tracebacks; Ctrl-C; GSL's error handler.
 */
#ifndef TN_HOST_H
#define TN_HOST_H

#include <lua.h>

/* The one place of the version: the command line, the REPL banner and Lua
   (tenor.version, set by the host) read it here. */
#define TN_VERSION "0.1.0"

/* The command line's usage text (tenor --help); Lua sees it as tenor.usage
   (tenor help without a name prints it). */
extern const char tn_host_usage[];

/* A ready state, or NULL with a message printed to stderr. */
lua_State *tn_host_new(void);

/* A state for a runner child (host/child.c): sandboxed, it holds only the
   safe libraries (host/safelua.c), no host primitives and no raw "_" C
   functions; else as tn_host_new, without the runner's own primitives
   being any use (it is already a child). */
lua_State *tn_host_new_child(int sandboxed);

/* lua_pcall with a handler that puts "file:line:" in front of messages
   from C functions and appends a traceback. SIGINT interrupts the call. */
int tn_host_docall(lua_State *L, int narg, int nres);

/* In the REPL (on = 1) a second Ctrl-C during a call never ends the
   process; in a script it does. */
void tn_host_keep_session(int on);

/* Prints the error on top of the stack (if status is an error), pops it. */
int tn_host_report(lua_State *L, int status);

/* Whether an error message is a public function refusing a call
   ("file:line: regress.ols: unknown option ..."), not a failure. */
int tn_host_refusal(const char *msg);

#endif

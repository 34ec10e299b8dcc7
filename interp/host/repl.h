/*
 * repl.h -- the interactive loop.
 */
#ifndef TN_REPL_H
#define TN_REPL_H

#include <lua.h>

/* Reads, evaluates and prints until end of input. With a terminal it uses
   readline (history, editing); with piped input it echoes each line after
   a prompt so that a transcript reads like a session. Returns 0. */
int tn_repl_run(lua_State *L);

#endif

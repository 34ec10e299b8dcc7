/*
 * child.h -- the runner's child processes (child.c): _tenor_child_run.
 */
#ifndef TN_CHILD_H
#define TN_CHILD_H

#include <lua.h>

/* Registers _tenor_child_run in the runner's (trusted) state. */
void tn_child_register(lua_State *L);

#endif

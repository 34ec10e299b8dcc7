/*
 * safelua.h -- the Lua state of a sandboxed child (safelua.c).
 */
#ifndef TN_SAFELUA_H
#define TN_SAFELUA_H

#include <lua.h>

/* Opens the safe standard libraries (in place of luaL_openlibs): no
   debug, no C loaders, text-only chunks, refusing stubs for os.execute,
   os.exit, os.tmpname, io.popen and package.loadlib. */
void tn_safelua_open(lua_State *L);

/* After the prelude: removes the "_"-named C functions from the global
   tables named in modules (a NULL-ended list). */
void tn_safelua_strip(lua_State *L, const char *const *modules);

#endif

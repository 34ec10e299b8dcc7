/*
 * fuzz_lua.c -- libFuzzer driver for the harnesses written in Lua.
 *
 * Built once per harness with -DFUZZ_NAME="csv" (tests/fuzz/csv.lua) and
 * -DTENOR_ROOT set to the source tree. The Lua file returns a function that
 * takes the input bytes. Lua errors are expected (bad input must be an
 * error, not a crash); an error whose message starts with "FUZZ INVARIANT"
 * is a finding and aborts, as does any memory or undefined-behaviour error.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "host/host.h"

static lua_State *L;
static int harness_ref;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    setenv("TENOR_HOME", TENOR_ROOT, 1);
    L = tn_host_new();
    if (!L) abort();
    if (luaL_loadfile(L, TENOR_ROOT "/tests/fuzz/" FUZZ_NAME ".lua") != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
        fprintf(stderr, "fuzz_%s: %s\n", FUZZ_NAME, lua_tostring(L, -1));
        abort();
    }
    harness_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static unsigned long runs;
    lua_rawgeti(L, LUA_REGISTRYINDEX, harness_ref);
    lua_pushlstring(L, (const char *)data, size);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (msg && strncmp(msg, "FUZZ INVARIANT", 14) == 0) {
            fprintf(stderr, "%s\n", msg);
            abort();
        }
    }
    lua_settop(L, 0);
    if (++runs % 512 == 0) lua_gc(L, LUA_GCCOLLECT);
    return 0;
}

/*
 * host.c -- creates tenor's Lua state: standard libraries, the C modules
 * (series, data), the module search path (stdlib/, scripts/, TENOR_PATH)
 * and the Lua prelude. Also the protected-call machinery shared by the
 * script runner and the REPL, and the GSL error handler.
 */
#include "host/host.h"
#include "host/stdlib_bytecode.h"
#include "host/child.h"
#include "host/safelua.h"
#include "core/alloc.h"
#include "core/interrupt.h"
#include "core/gslerr.h"
#include "core/sha256.h"
#include "lib/tnlib.h"

#include <ctype.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <errno.h>
#include <lauxlib.h>
#include <lualib.h>

/* ------------------------------------------------------------ Ctrl-C */

static lua_State *running_state;
static volatile sig_atomic_t keep_session;

static void interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lua_sethook(L, NULL, 0, 0);
    luaL_error(L, "interrupted");
}

/* Signal-safe: raises the flag that C loops poll (core/interrupt.h) and
   arms a hook that raises at the next Lua instruction. A second Ctrl-C
   ends a script; in the REPL it never ends the session (C code that does
   not poll, a long string.find, still returns to the prompt when done). */
static void on_sigint(int sig) {
    static const char busy[] = "\n(interrupted: waiting for the C call to return; Ctrl-\\ quits)\n";
    if (tn_interrupt_flag) {
        if (!keep_session) { signal(sig, SIG_DFL); raise(sig); return; }
        (void)!write(STDERR_FILENO, busy, sizeof busy - 1);
    }
    tn_interrupt_flag = 1;
    if (running_state)
        lua_sethook(running_state, interrupt_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

void tn_host_keep_session(int on) { keep_session = on; }

/* ------------------------------------------------------- protected calls */

/* The first Lua function on the stack with a line number outside the
   stdlib: where a script called into tenor when the error was raised (a
   stdlib line would point the analyst at tenor's code; the traceback still
   shows it). */
static int lua_caller_where(lua_State *L, char *buf, size_t size) {
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && strncmp(ar.short_src, "stdlib/", 7) != 0) {
            snprintf(buf, size, "%s:%d: ", ar.short_src, ar.currentline);
            return 1;
        }
    }
    return 0;
}

/* The text after msg's "file:line: " prefix, or NULL when it has none. */
static const char *after_location(const char *msg) {
    const char *colon = strchr(msg, ':');
    if (!colon || colon == msg || memchr(msg, '\n', (size_t)(colon - msg))) return NULL;
    const char *p = colon + 1;
    if (!isdigit((unsigned char)*p)) return NULL;
    while (isdigit((unsigned char)*p)) p++;
    return *p == ':' ? p + 1 + (p[1] == ' ') : NULL;
}

/* A deliberate error of a public function starts with its name:
   "regress.ols: ", "s:rolling: ", "rule: ". */
static int names_function(const char *text) {
    if (!text) return 0;
    size_t n = strspn(text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    if (n && (text[n] == '.' || text[n] == ':') && text[n + 1] != ' ')
        n += 1 + strspn(text + n + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    return n > 0 && text[n] == ':' && text[n + 1] == ' ';
}

int tn_host_refusal(const char *msg) {
    return msg && names_function(after_location(msg) ? after_location(msg) : msg);
}

static int message_handler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    char where[LUA_IDSIZE + 32];
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    } else if (!after_location(msg) && lua_caller_where(L, where, sizeof where)) {
        msg = lua_pushfstring(L, "%s%s", where, msg);
    } else if (strncmp(msg, "stdlib/", 7) == 0 && names_function(after_location(msg))) {
        /* a public function refused the analyst's call: report the analyst's
           line (none at the prompt after a tail call), not the stdlib line
           that raised it (the traceback has both) */
        const char *rest = after_location(msg);
        msg = lua_caller_where(L, where, sizeof where) ? lua_pushfstring(L, "%s%s", where, rest)
                                                      : lua_pushstring(L, rest);
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int tn_host_docall(lua_State *L, int narg, int nres) {
    int base = lua_gettop(L) - narg;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    running_state = L;
    signal(SIGINT, on_sigint);
    int status = lua_pcall(L, narg, nres, base);
    signal(SIGINT, SIG_DFL);
    tn_interrupt_flag = 0;
    running_state = NULL;
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    return status;
}

int tn_host_report(lua_State *L, int status) {
    if (status != LUA_OK) {
        fflush(stdout);
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
        fflush(stderr);
        lua_pop(L, 1);
    }
    return status;
}

/* --------------------------------------------------------------- paths */

static int is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder that holds stdlib/ and scripts/: $TENOR_HOME, else the
   binary's folder (source tree), else ../share/tenor (after make install). */
static int find_root(char *root, size_t size) {
    char exe[PATH_MAX], probe[PATH_MAX + 64];
    const char *env = getenv("TENOR_HOME");
    if (env && *env) { snprintf(root, size, "%s", env); return 0; }
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    static const char *const layouts[] = {"", "/../share/tenor"};  /* source tree, installed */
    for (int i = 0; i < 2; i++) {
        size_t len = strlen(exe) + strlen(layouts[i]);
        if (len + 1 > size) return -1;
        snprintf(probe, sizeof probe, "%s%s/stdlib", exe, layouts[i]);
        if (is_dir(probe)) {
            memcpy(root, exe, strlen(exe));
            memcpy(root + strlen(exe), layouts[i], strlen(layouts[i]) + 1);
            return 0;
        }
    }
    return -1;
}

/* package.path: stdlib, the team's scripts, $TENOR_PATH, ~/.tenor/scripts,
   then Lua's defaults. */
static void set_paths(lua_State *L, const char *root) {
    const char *tp = getenv("TENOR_PATH"), *home = getenv("HOME");
    luaL_Buffer b;
    lua_getglobal(L, "package");
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "%s/stdlib/?.lua;%s/stdlib/?/init.lua;%s/scripts/?.lua;", root, root, root);
    luaL_addvalue(&b);
    for (const char *p = tp; p && *p;) {
        size_t len = strcspn(p, ":");
        if (len) { luaL_addlstring(&b, p, len); luaL_addstring(&b, "/?.lua;"); }
        p += len + (p[len] == ':');
    }
    if (home) { lua_pushfstring(L, "%s/.tenor/scripts/?.lua;", home); luaL_addvalue(&b); }
    lua_getfield(L, -2, "path");
    luaL_addvalue(&b);
    luaL_pushresult(&b);
    lua_setfield(L, -2, "path");
    lua_pop(L, 1);
    lua_pushstring(L, root);
    lua_setglobal(L, "_TENOR_HOME");
}

/* ------------------------------------------------- helpers for the runner */

/* _tenor_realpath(path) -> the canonical absolute path, or nil, message. */
static int host_realpath(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    char buf[PATH_MAX];
    if (!realpath(path, buf)) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s: %s", path, strerror(errno));
        return 2;
    }
    lua_pushstring(L, buf);
    return 1;
}

/* _tenor_sha256(bytes) -> 64 hex digits. */
static int host_sha256(lua_State *L) {
    size_t len;
    const char *data = luaL_checklstring(L, 1, &len);
    char hex[65];
    tn_sha256_hex(data, len, hex);
    lua_pushstring(L, hex);
    return 1;
}

/* _tenor_terminal_width() -> columns of the terminal on stdout, or nil. */
static int terminal_width(lua_State *L) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) lua_pushinteger(L, ws.ws_col);
    else lua_pushnil(L);
    return 1;
}

/* package.preload loader for an embedded stdlib chunk: upvalue 1 is the
   chunk's index in tn_stdlib_chunks. Runs it as require would a file. */
static int load_embedded(lua_State *L) {
    const tn_embedded_chunk *c = &tn_stdlib_chunks[lua_tointeger(L, lua_upvalueindex(1))];
    if (luaL_loadbufferx(L, (const char *)c->code, c->len, c->module, "b") != LUA_OK)
        return lua_error(L);
    lua_pushvalue(L, 1);            /* the module name, as require passes it */
    lua_call(L, 1, 1);
    return 1;
}

/* Every stdlib module into package.preload, ahead of the file searchers:
   the stdlib is part of the binary (TENOR_STDLIB=files reads stdlib/ from
   disk instead, for working on it without rebuilding). */
static void preload_stdlib(lua_State *L) {
    const char *mode = getenv("TENOR_STDLIB");
    if (mode && strcmp(mode, "files") == 0) return;
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "preload");
    for (int i = 0; tn_stdlib_chunks[i].module; i++) {
        lua_pushinteger(L, i);
        lua_pushcclosure(L, load_embedded, 1);
        lua_setfield(L, -2, tn_stdlib_chunks[i].module);
    }
    lua_pop(L, 2);
}

const char tn_host_usage[] =
    "usage: tenor [options] [script [args...]]\n"
    "  (no arguments)   start the interactive REPL\n"
    "  script [args]    run a Lua script; args are in the table `arg`\n"
    "  -e CODE          run CODE (may be given more than once)\n"
    "  -i               stay in the REPL after running the script or -e code\n"
    "  -                run the script read from standard input\n"
    "  -v, --version    print the version\n"
    "  -h, --help       print this help\n"
    "  run NAME [--param value ...] [--grid p=a,b] [--out DIR] [--allow-read PATH]\n"
    "      [--trust] [--timeout S] [--quiet]\n"
    "                   run a team script (sandboxed) into an output folder with a manifest\n"
    "      [--jobs N] [--shard K/N]     a grid in N worker processes; only the K-th of N slices\n"
    "  run --merge DIR...               one summary of the shards' folders\n"
    "  run --replay DIR/manifest.json [--trust] [--allow-read PATH]\n"
    "                   run a manifest again (sandboxed unless --trust) and compare the outputs\n"
    "  list             the scripts on the library path\n"
    "  help NAME        a script's description and parameters\n"
    "environment: TENOR_PATH (extra script folders, ':'-separated),\n"
    "  TENOR_HISTORY, TENOR_RC, TENOR_HOME (where stdlib/ lives)\n";

/* The global table tenor, with what only the host knows: version, usage. */
static void set_tenor_table(lua_State *L) {
    lua_createtable(L, 0, 8);
    lua_pushliteral(L, TN_VERSION);
    lua_setfield(L, -2, "version");
    lua_pushstring(L, tn_host_usage);
    lua_setfield(L, -2, "usage");
    lua_setglobal(L, "tenor");
}

/* The raw "_" primitives of the C modules, out of a sandboxed script's
   reach. Every stdlib module is loaded first (about 1.5 ms), so each has
   taken its own reference to the primitives it calls before they go; a
   module loaded lazily after the strip would find them missing. */
static void strip_raw_primitives(lua_State *L) {
    static const char load_all[] =
        "for name in pairs(package.preload) do\n"
        "  if name:match('^tenor%.') then pcall(require, name) end\n"
        "end\n";
    if (luaL_loadstring(L, load_all) == LUA_OK) lua_call(L, 0, 0);
    else lua_pop(L, 1);
    const char *names[32];
    int n = 0;
    for (const char *name; n < 31 && (name = tn_lib_name(n)) != NULL; n++) names[n] = name;
    names[n] = NULL;
    tn_safelua_strip(L, names);
}

/* Arguments: the root folder (light userdata) and whether the state is a
   sandboxed child's (safe libraries only, no host primitives). */
static int open_everything(lua_State *L) {
    const char *root = lua_touserdata(L, 1);
    int sandboxed = lua_toboolean(L, 2);
    if (sandboxed) tn_safelua_open(L);
    else luaL_openlibs(L);
    tn_openlibs(L);
    set_paths(L, root);
    set_tenor_table(L);
    preload_stdlib(L);
    lua_register(L, "_tenor_terminal_width", terminal_width);
    if (!sandboxed) {
        lua_register(L, "_tenor_realpath", host_realpath);
        lua_register(L, "_tenor_sha256", host_sha256);
        tn_child_register(L);
    }
    lua_getglobal(L, "require");
    lua_pushliteral(L, "tenor.prelude");
    lua_call(L, 1, 0);
    if (sandboxed) strip_raw_primitives(L);
    return 0;
}

static lua_State *new_state(int sandboxed) {
    char root[PATH_MAX];
    tn_gsl_install();
    if (find_root(root, sizeof root) != 0) {
        fprintf(stderr, "tenor: cannot find the tenor stdlib (set TENOR_HOME to the folder that holds stdlib/)\n");
        return NULL;
    }
    lua_State *L = luaL_newstate();
    if (!L) { fprintf(stderr, "tenor: cannot create a Lua state: out of memory\n"); return NULL; }
    /* from here on tenor's allocator: the few blocks made so far are small,
       malloc'd, which it frees with free() */
    lua_setallocf(L, tn_lua_alloc, NULL);
    lua_pushcfunction(L, open_everything);
    lua_pushlightuserdata(L, root);
    lua_pushboolean(L, sandboxed);
    if (tn_host_report(L, tn_host_docall(L, 2, 0)) != LUA_OK) {
        lua_close(L);
        return NULL;
    }
    return L;
}

lua_State *tn_host_new(void) { return new_state(0); }

lua_State *tn_host_new_child(int sandboxed) { return new_state(sandboxed); }

/*
 * main.c -- the tenor command line: the REPL, scripts, -e code, and the
 * run/list/help subcommands handed to stdlib/tenor/runner.lua. The options
 * are listed once, in the usage text (tn_host_usage, host.c).
 *
 * A script error prints "file:line: message" and a traceback, and the
 * exit status is 1.
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "host/host.h"
#include "host/repl.h"

static void usage(FILE *out) { fputs(tn_host_usage, out); }

/* arg[0] = script, arg[1..] = its arguments, negative indexes before. */
static void set_arg_table(lua_State *L, char **argv, int argc, int script) {
    lua_createtable(L, argc - script, script + 1);
    for (int i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i - script);
    }
    lua_setglobal(L, "arg");
}

/* -i FILE: the script's top-level locals are still in scope when its main
   chunk returns; a return hook copies them into globals there, so the REPL
   that follows can reach them. */
static int kept_count;
static char kept_names[160];

static void keep_locals_hook(lua_State *L, lua_Debug *ar) {
    if (ar->event != LUA_HOOKRET || !lua_getinfo(L, "f", ar)) return;
    lua_getfield(L, LUA_REGISTRYINDEX, "tenor.interactive_script");
    int is_script = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (!is_script) return;
    lua_sethook(L, NULL, 0, 0);
    const char *name;
    for (int i = 1; (name = lua_getlocal(L, ar, i)) != NULL; i++) {
        if (name[0] == '(') { lua_pop(L, 1); continue; }       /* temporaries */
        size_t used = strlen(kept_names);
        if (used + strlen(name) + 8 < sizeof kept_names)
            snprintf(kept_names + used, sizeof kept_names - used, "%s%s", kept_count ? ", " : "", name);
        else if (!strstr(kept_names, "..."))
            snprintf(kept_names + used, sizeof kept_names - used, ", ...");
        lua_setglobal(L, name);              /* a later local of one name wins, as in Lua */
        kept_count++;
    }
}

static void say_kept(const char *file, int status) {
    if (status == LUA_OK && kept_count) printf("(%s's top-level locals are globals here: %s)\n", file, kept_names);
}

static int run_script(lua_State *L, char **argv, int argc, int script, int interactive) {
    const char *file = strcmp(argv[script], "-") == 0 ? NULL : argv[script];
    set_arg_table(L, argv, argc, script);
    int status = luaL_loadfile(L, file);
    if (status == LUA_OK) {
        int nargs = argc - script - 1;
        luaL_checkstack(L, nargs, "too many arguments");
        if (interactive) {
            lua_pushvalue(L, -1);
            lua_setfield(L, LUA_REGISTRYINDEX, "tenor.interactive_script");
            lua_sethook(L, keep_locals_hook, LUA_MASKRET, 0);
        }
        for (int i = script + 1; i < argc; i++) lua_pushstring(L, argv[i]);
        status = tn_host_docall(L, nargs, 0);
    }
    if (interactive) say_kept(file ? file : "stdin", status);
    return tn_host_report(L, status);
}

static int run_string(lua_State *L, const char *code) {
    int status = luaL_loadbuffer(L, code, strlen(code), "=(command line)");
    if (status == LUA_OK) status = tn_host_docall(L, 0, 0);
    return tn_host_report(L, status);
}

/* tenor run|list|help ...: hands the arguments to tenor.runner.main. */
static int run_subcommand(int argc, char **argv) {
    lua_State *L = tn_host_new();
    if (!L) return 1;
    lua_getglobal(L, "require");
    lua_pushliteral(L, "tenor.runner");
    int status = tn_host_docall(L, 1, 1);
    int code = 1;
    if (status == LUA_OK) {
        lua_getfield(L, -1, "main");
        lua_pushstring(L, argv[1]);
        lua_createtable(L, argc - 2, 0);
        for (int i = 2; i < argc; i++) {
            lua_pushstring(L, argv[i]);
            lua_rawseti(L, -2, i - 1);
        }
        status = tn_host_docall(L, 2, 1);
        if (status == LUA_OK) code = (int)lua_tointeger(L, -1);
    }
    if (status != LUA_OK) tn_host_report(L, status);
    lua_close(L);
    return code;
}

int main(int argc, char **argv) {
    if (argc >= 2 && (strcmp(argv[1], "run") == 0 || strcmp(argv[1], "list") == 0 || strcmp(argv[1], "help") == 0))
        return run_subcommand(argc, argv);
    int interactive = 0, ran_code = 0, script = 0;
    for (int i = 1; i < argc && !script; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0) {
            printf("tenor %s (%s, GSL)\n", TN_VERSION, LUA_RELEASE);
            return 0;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "-i") == 0) {
            interactive = 1;
        } else if (strcmp(a, "-e") == 0) {
            if (++i == argc) { fputs("tenor: -e needs an argument\n", stderr); return 2; }
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "tenor: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else {
            script = i;
        }
    }
    lua_State *L = tn_host_new();
    if (!L) return 1;
    int status = LUA_OK;
    for (int i = 1; i < argc && (!script || i < script) && status == LUA_OK; i++) {
        if (strcmp(argv[i], "-e") == 0) { status = run_string(L, argv[++i]); ran_code = 1; }
    }
    if (status == LUA_OK && script) status = run_script(L, argv, argc, script, interactive);
    if (status == LUA_OK && (interactive || (!script && !ran_code))) tn_repl_run(L);
    lua_close(L);
    return status == LUA_OK ? 0 : 1;
}

/*
 * proc.c -- worker processes for `tenor run --jobs N` (require
 * "tenor.proc_c"; no global: tenor.runner.batch is its one user).
 *
 *   spawn(argv, log) -> pid | nil, msg   argv[1] the program; stdin from
 *        /dev/null, stdout and stderr to the file log; the child leads a
 *        process group of its own, so a Ctrl-C at the terminal reaches
 *        only the parent, which then stops the workers itself
 *   wait([ms]) -> pid, "exit"|"signal", code | nil, "interrupted"|"none"|"timeout"
 *        the next child to end; "interrupted" when SIGINT arrived while
 *        guard(true) was on; "timeout" when ms milliseconds passed first
 *   kill(pid, "TERM"|"KILL") -> true | nil, msg   to the worker's whole
 *        process group, so what it started itself stops too
 *   guard(on)   catch SIGINT (a flag read by wait) / restore what was there
 *   ncpu(), exe(), isatty(fd)
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

#include "lib/tnlib.h"

extern char **environ;

static volatile sig_atomic_t interrupted;
static struct sigaction saved_int;
static int guarded;

static void on_sigint(int sig) { (void)sig; interrupted = 1; }

static int proc_spawn(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *log = luaL_checkstring(L, 2);
    int n = (int)lua_rawlen(L, 1);
    luaL_argcheck(L, n >= 1 && n < 4096, 1, "argv must list the program and its arguments");
    char **argv = lua_newuserdatauv(L, (size_t)(n + 1) * sizeof *argv, 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, 1, i + 1);
        argv[i] = (char *)luaL_checkstring(L, -1);
        lua_pop(L, 1);            /* the argv table keeps the string */
    }
    argv[n] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&at);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawnattr_setpgroup(&at, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&at, &none);
    sigset_t dfl;                 /* the child gets SIGINT's default back */
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGINT);
    posix_spawnattr_setsigdefault(&at, &dfl);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid;
    int err = posix_spawn(&pid, argv[0], &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (err) {
        lua_pushnil(L);
        lua_pushfstring(L, "cannot start %s: %s", argv[0], strerror(err));
        return 2;
    }
    lua_pushinteger(L, pid);
    return 1;
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int push_status(lua_State *L, pid_t pid, int status) {
    lua_pushinteger(L, pid);
    if (WIFSIGNALED(status)) {
        lua_pushliteral(L, "signal");
        lua_pushinteger(L, WTERMSIG(status));
    } else {
        lua_pushliteral(L, "exit");
        lua_pushinteger(L, WEXITSTATUS(status));
    }
    return 3;
}

/* Without ms, blocks in waitpid; with it, polls every 20 ms until then
   (a worker past its time is then stopped by the caller). */
static int proc_wait(lua_State *L) {
    int status, poll = !lua_isnoneornil(L, 1);
    double deadline = poll ? now_ms() + (double)luaL_checkinteger(L, 1) : 0;
    for (;;) {
        if (interrupted) {
            interrupted = 0;
            lua_pushnil(L);
            lua_pushliteral(L, "interrupted");
            return 2;
        }
        pid_t pid = waitpid(-1, &status, poll ? WNOHANG : 0);
        if (pid > 0) return push_status(L, pid, status);
        if (pid < 0 && errno == ECHILD) {
            lua_pushnil(L);
            lua_pushliteral(L, "none");
            return 2;
        }
        if (pid < 0 && errno != EINTR) return luaL_error(L, "waitpid: %s", strerror(errno));
        if (poll && now_ms() >= deadline) {
            lua_pushnil(L);
            lua_pushliteral(L, "timeout");
            return 2;
        }
        if (poll) {
            struct timespec t = {0, 20 * 1000 * 1000};
            nanosleep(&t, NULL);
        }
    }
}

static int proc_kill(lua_State *L) {
    pid_t pid = (pid_t)luaL_checkinteger(L, 1);
    const char *how = luaL_optstring(L, 2, "TERM");
    luaL_argcheck(L, pid > 0, 1, "a worker's process id");
    int sig = strcmp(how, "KILL") == 0 ? SIGKILL : SIGTERM;
    if (kill(-pid, sig) != 0 && kill(pid, sig) != 0 && errno != ESRCH) {
        lua_pushnil(L);
        lua_pushstring(L, strerror(errno));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

static int proc_guard(lua_State *L) {
    int on = lua_toboolean(L, 1);
    if (on && !guarded) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;          /* no SA_RESTART: waitpid returns EINTR */
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &saved_int);
        interrupted = 0;
        guarded = 1;
    } else if (!on && guarded) {
        sigaction(SIGINT, &saved_int, NULL);
        guarded = 0;
    }
    return 0;
}

static int proc_ncpu(lua_State *L) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    lua_pushinteger(L, n > 0 ? n : 1);
    return 1;
}

static int proc_exe(lua_State *L) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return 0;
    lua_pushlstring(L, buf, (size_t)n);
    return 1;
}

static int proc_isatty(lua_State *L) {
    lua_pushboolean(L, isatty((int)luaL_checkinteger(L, 1)));
    return 1;
}

static const luaL_Reg proc_functions[] = {
    {"spawn", proc_spawn}, {"wait", proc_wait}, {"kill", proc_kill}, {"guard", proc_guard},
    {"ncpu", proc_ncpu}, {"exe", proc_exe}, {"isatty", proc_isatty},
    {NULL, NULL}
};

int luaopen_proc(lua_State *L) {
    luaL_newlib(L, proc_functions);
    return 1;
}

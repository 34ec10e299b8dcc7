/*
 * gnuplot.c -- runs gnuplot for the chart functions (stdlib/tenor/plot.lua).
 *
 *   require "tenor.gnuplot_c"
 *   run(script_text) -> true | nil, message
 *
 * gnuplot is started with posix_spawn, no shell: the script (data blocks
 * inline) goes to its standard input, its standard error comes back as
 * the message. It needs no temporary file, so it works inside a
 * sandboxed run, where it writes only where the run may write. The
 * program is $TENOR_GNUPLOT, else the first gnuplot on $PATH, else
 * /usr/bin/gnuplot.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>

#include "lib/tnlib.h"

extern char **environ;

/* The gnuplot program to run, into buf. */
static const char *gnuplot_path(char *buf, size_t size) {
    const char *env = getenv("TENOR_GNUPLOT");
    if (env && *env) return env;
    const char *path = getenv("PATH");
    for (const char *p = path; p && *p;) {
        size_t len = strcspn(p, ":");
        snprintf(buf, size, "%.*s/gnuplot", (int)len, p);
        if (len && access(buf, X_OK) == 0) return buf;
        p += len + (p[len] == ':');
    }
    return "/usr/bin/gnuplot";
}

/* Feeds `script` to in_fd while collecting err_fd into b, until both are
   done (poll: gnuplot may fill its error pipe before reading all input). */
static void exchange(luaL_Buffer *b, int in_fd, int err_fd, const char *script, size_t len) {
    struct pollfd p[2] = {{.fd = in_fd, .events = POLLOUT}, {.fd = err_fd, .events = POLLIN}};
    size_t sent = 0;
    char chunk[4096];
    if (len == 0) { close(in_fd); p[0].fd = -1; }
    while (p[0].fd >= 0 || p[1].fd >= 0) {
        if (poll(p, 2, -1) < 0) { if (errno == EINTR) continue; break; }
        if (p[0].fd >= 0 && p[0].revents) {
            ssize_t n = (p[0].revents & POLLOUT) ? write(in_fd, script + sent, len - sent) : -1;
            if (n > 0) sent += (size_t)n;
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 || sent == len) { close(in_fd); p[0].fd = -1; }
        }
        if (p[1].fd >= 0 && p[1].revents) {
            ssize_t n = read(err_fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) { p[1].fd = -1; continue; }
            luaL_addlstring(b, chunk, (size_t)n);
        }
    }
    if (p[0].fd >= 0) close(in_fd);
}

static int spawn_gnuplot(const char *prog, int in[2], int err[2], pid_t *pid) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    char *argv[] = {(char *)"gnuplot", NULL};
    int rc = posix_spawn(pid, prog, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

static int gnuplot_run(lua_State *L) {
    size_t len;
    const char *script = luaL_checklstring(L, 1, &len);
    char buf[4096];
    const char *prog = gnuplot_path(buf, sizeof buf);
    int in[2], err[2];
    if (pipe2(in, O_CLOEXEC) != 0) return luaL_error(L, "plot: pipe: %s", strerror(errno));
    if (pipe2(err, O_CLOEXEC) != 0) {
        close(in[0]); close(in[1]);
        return luaL_error(L, "plot: pipe: %s", strerror(errno));
    }
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);     /* gnuplot may quit early */
    pid_t pid;
    int rc = spawn_gnuplot(prog, in, err, &pid);
    close(in[0]);
    close(err[1]);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (rc == 0) exchange(&b, in[1], err[0], script, len);
    else close(in[1]);
    close(err[0]);
    signal(SIGPIPE, old_pipe);
    luaL_pushresult(&b);
    if (rc != 0) {
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot start %s: %s (apt-get install gnuplot-nox)", prog, strerror(rc));
        return 2;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) { lua_pushboolean(L, 1); return 1; }
    luaL_pushfail(L);
    lua_insert(L, -2);               /* nil, the error text */
    if (lua_rawlen(L, -1) == 0) lua_pushfstring(L, "gnuplot ended with status %d", status);
    return 2;
}

int luaopen_gnuplot(lua_State *L) {
    static const luaL_Reg funcs[] = {{"run", gnuplot_run}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    return 1;
}

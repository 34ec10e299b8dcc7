/*
 * child.c -- runs a piece of the runner in a child process, sandboxed by
 * the operating system (host/sandbox.c) unless trusted.
 *
 *   _tenor_child_run{request = TEXT, trust = bool, read = {paths}, write = DIR,
 *                    exec = PROGRAM, timeout = SECONDS}
 *     -> {status = "exit"|"signal"|"timeout"|"interrupted", code = N,
 *         report = TEXT or nil}
 *
 * The child forks from the runner, confines itself (before any script code
 * exists in it), opens a fresh Lua state (host/safelua.c: safe libraries
 * and tenor's modules only), and calls tenor.runner.child.main(request);
 * the text it returns comes back over a pipe as `report`. The parent waits
 * on the wall clock: at the timeout, or on Ctrl-C, it kills the child's
 * whole process group. Nothing the child does changes the parent's state.
 */
#include "host/child.h"
#include "host/host.h"
#include "host/sandbox.h"
#include "core/interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>

#define REPORT_FD 3
#define REPORT_MAX (64u << 20)      /* a report larger than this is cut off */

typedef struct {
    const char *request;
    int trust;
    tn_sandbox_policy policy;
} child_job;

static void write_all(int fd, const char *s, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, s, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        s += n;
        len -= (size_t)n;
    }
}

/* The child's life: never returns. A failure to confine it ends it before
   any script code is loaded, with "!" and the reason as its report. */
static void child_main(const child_job *job, int report, pid_t parent) {
    char why[512];
    setpgid(0, 0);
    /* its own process group keeps it out of a signal meant for the parent's
       group, so it must not outlive the parent (a --jobs worker killed by
       its batch, a parent killed with -9): the kernel kills it then */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(125);
    signal(SIGINT, SIG_DFL);
    if (report != REPORT_FD) { dup2(report, REPORT_FD); close(report); }
    fcntl(REPORT_FD, F_SETFD, FD_CLOEXEC);      /* gnuplot must not hold it open */
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) { dup2(devnull, 0); if (devnull != 0) close(devnull); }
    syscall(SYS_close_range, REPORT_FD + 1, ~0U, 0);
    if (!job->trust && tn_sandbox_enter(&job->policy, why + 1, sizeof why - 1) != 0) {
        why[0] = '!';
        write_all(REPORT_FD, why, strlen(why));
        _exit(125);
    }
    lua_State *L = tn_host_new_child(!job->trust);
    if (!L) _exit(124);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "tenor.runner.child");
    int status = tn_host_docall(L, 1, 1);
    if (status == LUA_OK) {
        lua_getfield(L, -1, "main");
        lua_pushstring(L, job->request);
        status = tn_host_docall(L, 1, 1);
    }
    if (status != LUA_OK) tn_host_report(L, status);
    fflush(stdout);                    /* the printed report first: the parent may */
    fflush(stderr);                    /* kill the group once the pipe is closed */
    if (status == LUA_OK) {
        size_t len;
        const char *text = lua_tolstring(L, -1, &len);
        if (text) write_all(REPORT_FD, text, len);
    }
    _exit(status == LUA_OK ? 0 : 1);   /* no lua_close: nothing of the child outlives it */
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reads the report into b until EOF, the deadline (timeout > 0) or
   Ctrl-C; returns "exit", "timeout" or "interrupted". */
static const char *read_report(luaL_Buffer *b, int fd, double timeout) {
    double deadline = now_seconds() + timeout;
    size_t total = 0;
    char chunk[8192];
    for (;;) {
        if (tn_interrupted()) return "interrupted";
        int wait_ms = 100;
        if (timeout > 0) {
            double left = deadline - now_seconds();
            if (left <= 0) return "timeout";
            if (left < 0.1) wait_ms = (int)(left * 1000) + 1;
        }
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, wait_ms);
        if (r < 0 && errno != EINTR) return "exit";
        if (r <= 0) continue;
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return "exit";
        if (total < REPORT_MAX) luaL_addlstring(b, chunk, (size_t)n);
        total += (size_t)n;
    }
}

/* Waits for the child until the deadline (timeout 0: none); after it the
   child and what it started are killed. The pipe's end means the child
   is exiting, but nothing is taken on trust. */
static int wait_child(pid_t pid, double deadline, int killed) {
    int wstatus = 0;
    if (killed) kill(-pid, SIGKILL);
    for (;;) {
        pid_t r = waitpid(pid, &wstatus, killed || deadline == 0 ? 0 : WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) break;
        if (r == 0 && (now_seconds() >= deadline || tn_interrupted())) kill(-pid, SIGKILL), killed = 1;
        else if (r == 0) usleep(200);
    }
    kill(-pid, SIGKILL);               /* gnuplot, if the child left one behind */
    return wstatus;
}

/* Pushes the result table of a finished child; the report text is on top. */
static void push_result(lua_State *L, pid_t pid, const char *how, double deadline) {
    int wstatus = wait_child(pid, deadline, strcmp(how, "exit") != 0);
    lua_createtable(L, 0, 3);
    lua_insert(L, -2);
    lua_setfield(L, -2, "report");
    if (strcmp(how, "exit") == 0 && WIFSIGNALED(wstatus)) {
        how = "signal";
        lua_pushinteger(L, WTERMSIG(wstatus));
    } else {
        lua_pushinteger(L, WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
    }
    lua_setfield(L, -2, "code");
    lua_pushstring(L, how);
    lua_setfield(L, -2, "status");
}

static int spawn_and_wait(lua_State *L, const child_job *job, double timeout) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return luaL_error(L, "tenor run: pipe: %s", strerror(errno));
    fflush(stdout);
    fflush(stderr);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]); close(fds[1]);
        return luaL_error(L, "tenor run: cannot start a child: %s", strerror(errno));
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(job, fds[1], parent);
    }
    close(fds[1]);
    setpgid(pid, pid);          /* as the child does: no race on kill(-pid) */
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    double deadline = timeout > 0 ? now_seconds() + timeout : 0;
    const char *how = read_report(&b, fds[0], timeout);
    close(fds[0]);
    luaL_pushresult(&b);
    push_result(L, pid, how, deadline);
    return 1;
}

/* The strings of list field `key` of the table at 1, as a NULL-ended array
   in a userdata left on the stack (collected with it). */
static const char **string_list(lua_State *L, const char *key) {
    lua_getfield(L, 1, key);
    lua_Integer n = lua_istable(L, -1) ? luaL_len(L, -1) : 0;
    const char **list = lua_newuserdatauv(L, sizeof *list * (size_t)(n + 1), 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, -2, i);       /* the list table keeps the string alive */
        list[i - 1] = luaL_checkstring(L, -1);
        lua_pop(L, 1);
    }
    list[n] = NULL;
    return list;
}

static const char *opt_string(lua_State *L, const char *key) {
    lua_getfield(L, 1, key);
    return lua_isnil(L, -1) ? NULL : luaL_checkstring(L, -1);   /* stays on the stack */
}

static int child_run(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    child_job job = {0};
    job.request = opt_string(L, "request");
    if (!job.request) return luaL_argerror(L, 1, "request missing");
    lua_getfield(L, 1, "trust");
    job.trust = lua_toboolean(L, -1);
    lua_getfield(L, 1, "timeout");
    double timeout = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : 0;
    if (!job.trust) {
        char why[512];
        if (tn_sandbox_check(why, sizeof why) != 0) return luaL_error(L, "%s", why);
    }
    job.policy.write = opt_string(L, "write");
    job.policy.exec = opt_string(L, "exec");
    job.policy.cpu_seconds = timeout > 0 ? (int)timeout + 2 : 0;
    job.policy.max_bytes = 16ULL << 30;
    job.policy.max_file_bytes = 4ULL << 30;
    job.policy.max_new_procs = 16;
    job.policy.read = string_list(L, "read");
    return spawn_and_wait(L, &job, timeout);
}

void tn_child_register(lua_State *L) {
    lua_register(L, "_tenor_child_run", child_run);
}

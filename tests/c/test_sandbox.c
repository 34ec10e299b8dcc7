/*
 * test_sandbox.c -- host/sandbox.c: the refusal on a kernel without
 * Landlock (the probe replaced by one that fails as such a kernel does),
 * and, where the kernel has Landlock, a confined child that may read only
 * its read folder, write only its write folder, execute nothing, open no
 * socket, signal nothing outside itself, and sees no secret environment.
 */
#include "host/sandbox.h"
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int fake_errno;
static long fake_probe(void) { errno = fake_errno; return -1; }

static void test_refusal(void) {
    char why[512];
    long (*real)(void) = tn_sandbox_abi_probe;
    tn_sandbox_abi_probe = fake_probe;
    fake_errno = ENOSYS;
    CHECK(tn_sandbox_abi() == 0);
    CHECK(tn_sandbox_check(why, sizeof why) == -1);
    CHECK_MSG(strstr(why, "this kernel cannot sandbox") && strstr(why, "use --trust"), "%s", why);
    tn_sandbox_policy p = {0};
    CHECK(tn_sandbox_enter(&p, why, sizeof why) == -1);        /* never half-confined */
    CHECK_MSG(strstr(why, "this kernel cannot sandbox") != NULL, "%s", why);
    fake_errno = EOPNOTSUPP;
    CHECK(tn_sandbox_check(why, sizeof why) == -1 && strstr(why, "lsm=landlock") != NULL);
    tn_sandbox_abi_probe = real;
}

static int opens(const char *path, int flags) {
    int fd = open(path, flags | O_CLOEXEC, 0600);
    if (fd >= 0) close(fd);
    return fd >= 0 ? 0 : errno;
}

/* In the confined child: each CHECK counts there; the totals go back over
   the pipe. */
static void confined_checks(const char *dir, int abi) {
    char ro[512], rw[512], path[600];
    snprintf(ro, sizeof ro, "%s/ro", dir);
    snprintf(rw, sizeof rw, "%s/rw", dir);
    snprintf(path, sizeof path, "%s/ro/file", dir);
    CHECK(opens(path, O_RDONLY) == 0);
    CHECK(opens(path, O_WRONLY) == EACCES);
    snprintf(path, sizeof path, "%s/rw/new", dir);
    CHECK(opens(path, O_WRONLY | O_CREAT) == 0);
    snprintf(path, sizeof path, "%s/outside", dir);
    CHECK(opens(path, O_WRONLY | O_CREAT) == EACCES);
    CHECK(opens("/etc/passwd", O_RDONLY) == EACCES);
    snprintf(path, sizeof path, "%s/rw/link", dir);
    CHECK(symlink("/etc/passwd", path) == -1 && errno == EACCES);
    char *argv[] = {(char *)"true", NULL};
    execv("/bin/true", argv);
    CHECK(errno == EACCES);
    CHECK(socket(AF_INET, SOCK_STREAM, 0) == -1 && errno == EACCES);
    CHECK(socket(AF_INET6, SOCK_DGRAM, 0) == -1 && errno == EACCES);
    CHECK(socket(AF_UNIX, SOCK_STREAM, 0) == -1 && errno == EACCES);
    if (abi >= 6) CHECK(kill(getppid(), 0) == -1 && errno == EPERM);
    CHECK(getenv("HOME") == NULL && getenv("SECRET_TOKEN") == NULL);
    CHECK(getenv("TENOR_KEPT") != NULL && strcmp(getenv("TENOR_KEPT"), "yes") == 0);
    struct rlimit r;
    CHECK(getrlimit(RLIMIT_CPU, &r) == 0 && r.rlim_cur == 30);
    CHECK(getrlimit(RLIMIT_FSIZE, &r) == 0 && r.rlim_cur == 1 << 20);
    CHECK(getrlimit(RLIMIT_CORE, &r) == 0 && r.rlim_cur == 0);
}

static void test_confined(void) {
    int abi = tn_sandbox_abi();
    if (abi <= 0) { printf("no Landlock here (valgrind or an old kernel): confinement not tested\n"); return; }
    char dir[] = "/tmp/tenor-sandbox-XXXXXX", path[600];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/ro", dir); mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/rw", dir); mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/ro/file", dir); close(open(path, O_WRONLY | O_CREAT, 0600));
    setenv("SECRET_TOKEN", "x", 1);
    setenv("TENOR_KEPT", "yes", 1);
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        char ro[600], rw[600], why[512];
        snprintf(ro, sizeof ro, "%s/ro", dir);
        snprintf(rw, sizeof rw, "%s/rw", dir);
        const char *reads[] = {ro, NULL};
        tn_sandbox_policy p = {.read = reads, .write = rw, .cpu_seconds = 30,
                               .max_file_bytes = 1 << 20, .max_new_procs = 4};
        tests_passed = tests_failed = 0;
        if (tn_sandbox_enter(&p, why, sizeof why) != 0) { fprintf(stderr, "%s\n", why); tests_failed++; }
        else confined_checks(dir, abi);
        int counts[2] = {tests_passed, tests_failed};
        if (write(fds[1], counts, sizeof counts) != sizeof counts) _exit(2);
        _exit(0);
    }
    close(fds[1]);
    int counts[2] = {0, 1};
    CHECK(read(fds[0], counts, sizeof counts) == sizeof counts);
    close(fds[0]);
    waitpid(pid, NULL, 0);
    tests_passed += counts[0];
    tests_failed += counts[1];
    snprintf(path, sizeof path, "%s/outside", dir);
    CHECK(access(path, F_OK) != 0);                  /* nothing was made outside */
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    CHECK(system(path) == 0);
}

int main(void) {
    test_refusal();
    test_confined();
    return END_TESTS();
}

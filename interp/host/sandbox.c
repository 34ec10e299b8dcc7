/*
 * sandbox.c -- confines a child process by the operating system (see
 * sandbox.h): what it may read, write and execute (Landlock), no TCP bind
 * or connect (Landlock ABI >= 4) and no new sockets of any kind (seccomp),
 * no signals or abstract sockets outside itself (ABI >= 6), resource
 * limits, and an environment without secrets.
 *
 * Landlock is called through its raw syscalls; Debian bookworm's headers
 * know ABI 2, so the later rights are spelt out here with their kernel
 * values. Rights a kernel does not know are left out (best effort by ABI),
 * but a kernel without Landlock is refused: the caller must not run the
 * child then.
 */
#include "host/sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>

/* Rights newer than bookworm's <linux/landlock.h> (kernel values). */
#define LL_FS_TRUNCATE   (1ULL << 14)   /* ABI 3 */
#define LL_FS_IOCTL_DEV  (1ULL << 15)   /* ABI 5 */
#define LL_NET_BIND_TCP  (1ULL << 0)    /* ABI 4 */
#define LL_NET_CONNECT_TCP (1ULL << 1)
#define LL_SCOPE_ABSTRACT_UNIX (1ULL << 0)  /* ABI 6 */
#define LL_SCOPE_SIGNAL  (1ULL << 1)

/* landlock_ruleset_attr as of ABI 6; older kernels get a shorter prefix. */
struct tn_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

#define LL_READ  (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
#define LL_WRITE (LL_READ | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR | \
                  LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_DIR | \
                  LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_REFER | LL_FS_TRUNCATE)
/* the rights that make sense on a file rather than a folder */
#define LL_FILE_RIGHTS (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | \
                        LANDLOCK_ACCESS_FS_READ_FILE | LL_FS_TRUNCATE | LL_FS_IOCTL_DEV)

/* What every program needs to start and what gnuplot reads (libraries,
   zone data, fonts); missing ones are skipped. */
static const char *const system_reads[] = {
    "/usr/lib", "/lib", "/lib64", "/usr/lib64", "/etc/ld.so.cache", "/etc/localtime",
    "/usr/share/zoneinfo", "/usr/share/gnuplot", "/usr/share/fonts", "/usr/share/fontconfig",
    "/etc/fonts", "/var/cache/fontconfig", "/usr/share/locale", "/dev/urandom",
    "/proc/self", NULL};
/* The dynamic loaders: a program started by the child runs one. */
static const char *const loaders[] = {
    "/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1", "/lib/ld-linux-armhf.so.3", NULL};

static long probe_landlock(void) {
    return syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
}

long (*tn_sandbox_abi_probe)(void) = probe_landlock;

int tn_sandbox_abi(void) {
    long abi = tn_sandbox_abi_probe();
    return abi > 0 ? (int)abi : 0;
}

int tn_sandbox_check(char *why, size_t size) {
    if (tn_sandbox_abi() > 0) return 0;
    snprintf(why, size, "this kernel cannot sandbox (Landlock %s); use --trust to run it anyway, "
             "only for scripts you have read",
             errno == EOPNOTSUPP ? "is disabled: add lsm=landlock to the kernel command line"
                                 : "is missing: Linux 5.13 or later with CONFIG_SECURITY_LANDLOCK");
    return -1;
}

static int kept_variable(const char *kv) {
    return strncmp(kv, "TENOR_", 6) == 0 || strncmp(kv, "LANG=", 5) == 0 ||
           strncmp(kv, "LC_", 3) == 0 || strncmp(kv, "TZ=", 3) == 0;
}

/* Unsets each variable not kept, one at a time (environ changes under
   unsetenv, so the scan restarts). */
void tn_sandbox_environment(void) {
    extern char **environ;
    char small[256];
    for (int i = 0; environ[i];) {
        const char *kv = environ[i];
        size_t len = strcspn(kv, "=");
        if (kept_variable(kv)) { i++; continue; }
        char *name = len < sizeof small ? small : malloc(len + 1);
        if (!name) { clearenv(); return; }         /* keep nothing rather than too much */
        memcpy(name, kv, len);
        name[len] = '\0';
        int rc = unsetenv(name);
        if (name != small) free(name);
        i = rc == 0 ? 0 : i + 1;
    }
}

/* ---------------------------------------------------------- resource limits */

static int set_limit(int what, rlim_t value) {
    struct rlimit r;
    if (getrlimit(what, &r) != 0) return -1;
    if (r.rlim_max != RLIM_INFINITY && value > r.rlim_max) value = r.rlim_max;
    r.rlim_cur = r.rlim_max = value;
    return setrlimit(what, &r);
}

/* Every task on the machine (the fourth field of /proc/loadavg, "1/345"):
   a bound on this user's, to which RLIMIT_NPROC adds the child's share. */
static long tasks_now(void) {
    char buf[128] = {0};
    int fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    const char *slash = n > 0 ? strchr(buf, '/') : NULL;
    return slash ? strtol(slash + 1, NULL, 10) : -1;
}

static int apply_limits(const tn_sandbox_policy *p, char *why, size_t size) {
    long tasks = tasks_now();
    int bad = set_limit(RLIMIT_CORE, 0) ||
        (p->cpu_seconds > 0 && set_limit(RLIMIT_CPU, (rlim_t)p->cpu_seconds)) ||
        (p->max_file_bytes && set_limit(RLIMIT_FSIZE, p->max_file_bytes)) ||
        (tasks > 0 && set_limit(RLIMIT_NPROC, (rlim_t)(tasks + p->max_new_procs)));
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    /* the sanitizers reserve terabytes of address space up front */
    bad = bad || (p->max_bytes && set_limit(RLIMIT_AS, p->max_bytes));
#endif
    if (bad) snprintf(why, size, "sandbox: cannot set resource limits: %s", strerror(errno));
    return bad ? -1 : 0;
}

/* ----------------------------------------------------------------- Landlock */

/* Allows `rights` beneath path (a folder) or on it (a file); a path that
   does not exist is skipped. */
static int allow(int ruleset, const char *path, uint64_t rights, uint64_t handled) {
    struct stat st;
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT || errno == ENOTDIR || errno == EACCES ? 0 : -1;
    if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode)) rights &= LL_FILE_RIGHTS;
    struct landlock_path_beneath_attr rule = {.allowed_access = rights & handled, .parent_fd = fd};
    long rc = rule.allowed_access ? syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) : 0;
    int saved = errno;
    close(fd);
    errno = saved;
    return rc == 0 ? 0 : -1;
}

static uint64_t handled_fs(int abi) {
    uint64_t fs = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1;      /* ABI 1: bits 0..12 */
    if (abi >= 2) fs |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) fs |= LL_FS_TRUNCATE;
    if (abi >= 5) fs |= LL_FS_IOCTL_DEV;
    return fs;
}

static int add_rules(int rs, const tn_sandbox_policy *p, uint64_t fs) {
    int bad = 0;
    for (const char *const *s = system_reads; *s && !bad; s++) bad = allow(rs, *s, LL_READ, fs);
    for (const char *const *r = p->read; r && *r && !bad; r++) bad = allow(rs, *r, LL_READ, fs);
    bad = bad || allow(rs, "/dev/null", LL_READ | LANDLOCK_ACCESS_FS_WRITE_FILE | LL_FS_TRUNCATE, fs);
    if (p->write && !bad) bad = allow(rs, p->write, LL_WRITE, fs);
    if (p->exec && !bad) {
        uint64_t x = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
        bad = allow(rs, p->exec, x, fs);
        for (const char *const *l = loaders; *l && !bad; l++) bad = allow(rs, *l, x, fs);
    }
    return bad ? -1 : 0;
}

static int apply_landlock(const tn_sandbox_policy *p, char *why, size_t size) {
    int abi = tn_sandbox_abi();
    if (abi <= 0) return tn_sandbox_check(why, size);
    struct tn_ruleset_attr attr = {.handled_access_fs = handled_fs(abi)};
    size_t attr_size = sizeof attr.handled_access_fs;
    if (abi >= 4) {
        attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;   /* and no rule: none */
        attr_size = offsetof(struct tn_ruleset_attr, scoped);
    }
    if (abi >= 6) {
        attr.scoped = LL_SCOPE_ABSTRACT_UNIX | LL_SCOPE_SIGNAL;
        attr_size = sizeof attr;
    }
    int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, attr_size, 0);
    if (rs < 0) {
        snprintf(why, size, "sandbox: landlock_create_ruleset: %s", strerror(errno));
        return -1;
    }
    int bad = add_rules(rs, p, attr.handled_access_fs);
    if (bad) snprintf(why, size, "sandbox: landlock_add_rule: %s", strerror(errno));
    else if (syscall(SYS_landlock_restrict_self, rs, 0) != 0) {
        snprintf(why, size, "sandbox: landlock_restrict_self: %s", strerror(errno));
        bad = -1;
    }
    close(rs);
    return bad ? -1 : 0;
}

/* ------------------------------------------------------------------ seccomp */

/* socket(2) fails with EACCES: no UDP, raw or netlink sockets either
   (Landlock covers TCP only); so does every x32-numbered syscall. Other
   syscalls are untouched. */
static int refuse_sockets(char *why, size_t size) {
#if defined(__x86_64__)
    const uint32_t arch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
    const uint32_t arch = AUDIT_ARCH_AARCH64;
#else
    (void)why; (void)size;
    return 0;                   /* Landlock's TCP rules still apply */
#endif
#if defined(__x86_64__) || defined(__aarch64__)
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 1, 0),    /* x32 numbering */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {.len = sizeof code / sizeof code[0], .filter = code};
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0) return 0;
    snprintf(why, size, "sandbox: seccomp: %s", strerror(errno));
    return -1;
#endif
}

int tn_sandbox_enter(const tn_sandbox_policy *p, char *why, size_t size) {
    if (tn_sandbox_check(why, size) != 0) return -1;      /* before changing anything */
    tn_sandbox_environment();
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        snprintf(why, size, "sandbox: no_new_privs: %s", strerror(errno));
        return -1;
    }
    if (apply_limits(p, why, size) != 0 || apply_landlock(p, why, size) != 0) return -1;
    return refuse_sockets(why, size);
}

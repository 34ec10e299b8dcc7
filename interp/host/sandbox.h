/*
 * sandbox.h -- confinement of a child process by the operating system
 * (pure C, no Lua): Landlock for files and TCP, a seccomp filter that
 * refuses new sockets, resource limits, and a scrubbed environment.
 *
 * A process calls tn_sandbox_enter once, before it runs anything it does
 * not trust; there is no way back. See host/child.c for its use.
 */
#ifndef TN_SANDBOX_H
#define TN_SANDBOX_H

#include <stddef.h>

typedef struct {
    const char *const *read;   /* files or folders it may read (NULL-ended) */
    const char *write;         /* the one folder it may write in, or NULL */
    const char *exec;          /* the one program it may execute, or NULL */
    int cpu_seconds;           /* RLIMIT_CPU; 0 leaves it */
    unsigned long long max_bytes;       /* RLIMIT_AS; 0 leaves it */
    unsigned long long max_file_bytes;  /* RLIMIT_FSIZE; 0 leaves it */
    int max_new_procs;         /* processes it may start (RLIMIT_NPROC) */
} tn_sandbox_policy;

/* The Landlock ABI version of the running kernel (1, 2, ...), or 0 with
   errno set (ENOSYS: not built in; EOPNOTSUPP: disabled at boot). */
int tn_sandbox_abi(void);

/* The probe tn_sandbox_abi uses: the landlock_create_ruleset syscall. A
   test replaces it to play a kernel without Landlock. */
extern long (*tn_sandbox_abi_probe)(void);

/* 0 when this kernel can sandbox; else -1 and the refusal, naming why and
   what to do, in why. */
int tn_sandbox_check(char *why, size_t size);

/* Keeps only TENOR_*, LANG, LC_* and TZ in the environment. */
void tn_sandbox_environment(void);

/* Confines the calling process for good: no new privileges, limits,
   Landlock, the socket filter. 0, or -1 with the reason in why (the
   process must then not go on). */
int tn_sandbox_enter(const tn_sandbox_policy *p, char *why, size_t size);

#endif

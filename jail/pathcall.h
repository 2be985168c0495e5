/* pathcall: checked path calls run on file descriptors the tracee opens
 * itself with no symlink allowed.
 *
 * The kernel walks a path again when it runs the call, so a directory of
 * a checked path swapped for a symlink in between would redirect it. So
 * the call is made relative to descriptors: the tracee opens (openat2,
 * RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS) the parent directory of
 * each resolved path (unlink, stat, chmod...) or the file itself (truncate,
 * statfs, chdir), runs the *at or f* twin of the call on them, and closes
 * them. A swap makes the open fail (ELOOP): the call fails instead of
 * acting elsewhere. One table row per syscall says how its *at form's
 * arguments are made.
 */
#ifndef JAIL_PATHCALL_H
#define JAIL_PATHCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/user.h>

#include "policy/policy.h"
#include "tracer/tracer.h"

/* Whether the call (fa names it) has a row and every one of its paths
 * was resolved to an absolute path, from a non-empty path argument. */
bool pathcall_takes(struct task *t, const struct tr_syscall *sc,
		    const struct fs_access *fa, char *const paths[],
		    const int which[], size_t npaths);

/* At the call's seccomp or entry stop: run it as above, using the scratch
 * slot at slot. The task is left at the call's exit stop with the
 * registers regs (the program's, taken at the entry) and the call's
 * result. 0, or -errno when it could not be run (-ESRCH: gone). */
int pathcall_run(struct tracer *tr, struct task *t,
		 const struct tr_syscall *sc, const struct fs_access *fa,
		 char *const paths[], size_t npaths, uint64_t slot,
		 const struct user_regs_struct *regs);

#endif

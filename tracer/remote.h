/* remote: make a traced task run system calls of the tracer's choosing.
 *
 * Used by the policy enforcement (a read-only scratch area in every
 * jailed address space, and the rewriting of checked path calls) and, in
 * time, by the debugger's code injection. Each function leaves the task
 * stopped; the client's view of the stop does not change.
 */
#ifndef JAIL_REMOTE_H
#define JAIL_REMOTE_H

#include <stddef.h>
#include <stdint.h>

#include "tracer/tracer.h"

/* At a stop outside any syscall (exec event, signal, interrupt, task
 * start): write `syscall; int3` (`int $0x80; int3` for 32-bit code) at the
 * pc, run it with every signal blocked, then restore code, registers and
 * mask. *ret is the raw result (-errno on failure). Returns 0, -ESRCH if
 * the task died meanwhile, -EBUSY at stops where this is not possible. */
int remote_syscall(struct tracer *tr, struct task *t, long nr,
		   const uint64_t args[6], long *ret);

/* Several calls with one stop: each call's registers are set by code
 * written at the pc after the one before (64-bit code; 32-bit code, or a
 * pc with no room for that code, runs them one remote_syscall at a time).
 * Each ret is set; a later call runs whatever an earlier one returned.
 * 0, or an error as remote_syscall's. */
enum { REMOTE_MAX_CALLS = 4 };
struct remote_call {
	long nr;
	uint64_t args[6];
	long ret;
};
int remote_syscalls(struct tracer *tr, struct task *t, struct remote_call *c,
		    size_t n);

/* At a seccomp or syscall-enter stop: run (nr, args) in place of the
 * task's syscall and stop at its exit; *ret is its result. The task is
 * left at that exit stop. */
int remote_replace(struct tracer *tr, struct task *t, long nr,
		   const uint64_t args[6], long *ret);

/* At a syscall-exit stop: when resumed, the task executes its syscall
 * instruction again, as (nr, args). For 64-bit and int $0x80 calls. */
int remote_reissue(struct task *t, long nr, const uint64_t args[6]);

/* At a syscall-exit stop: reissue (nr, args), run it to its own exit
 * stop (past its seccomp stop, which is ours), and give its result. */
int remote_again(struct tracer *tr, struct task *t, long nr,
		 const uint64_t args[6], long *ret);

/* Whether the task runs 32-bit code now (CS selector). */
bool task_is_32bit(struct task *t);

#endif

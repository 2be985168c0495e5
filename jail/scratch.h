/* scratch: the read-only area in each jailed address space where jail
 * puts the checked copies of what a call names (paths, socket addresses,
 * openat2's struct open_how), so that no thread of the program can change
 * them between the check and the kernel's use.
 *
 * The program maps it itself, at exec (or when jail attaches), through a
 * remote syscall: SCRATCH_ADDR..SCRATCH_END, PROT_READ, private and
 * anonymous. Slots for every kind of copy are below SCRATCH_FAST; fast
 * opens (below) use the half above it. jail writes it through /proc/PID/mem, which may write
 * read-only private pages. The baseline filter refuses every unmap,
 * remap, reprotect or fixed mapping below SCRATCH_END, and the tracer
 * refuses writes through /proc/PID/mem, so the program cannot change it.
 *
 * Each thread that is in a checked call owns one slot. Processes that
 * may share an address space (vfork, CLONE_VM) share one slot table,
 * so two of them never write the same slot.
 */
#ifndef JAIL_SCRATCH_H
#define JAIL_SCRATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "policy/baseline.h"
#include "tracer/tracer.h"

enum {
	SLOT_SIZE = 3 * 4096,	/* two paths and one page of small things */
	SLOT_PATH0 = 0,
	SLOT_PATH1 = 4096,
	SLOT_MISC = 8192,
	/* A fast record (FAST_REC_SIZE, policy/baseline.h): an open_how,
	 * then the path, at most this long with its NUL. */
	FAST_PATH_MAX = FAST_REC_SIZE - 24,
	/* What a fast open puts below the program's stack pointer: the red
	 * zone is left alone, then rdi, rsi, rdx, r10 and the return
	 * address, for the trampoline to take back (scratch.c). */
	FAST_FRAME = 128 + 40,
};

/* Fast opens (x86_64): a checked read-only open the policy simply allows
 * is not rewritten in place (which needs a second stop, at the exit, to
 * put the argument registers back) but skipped, and the thread sent to a
 * trampoline (one page mapped with the area, at an address of the
 * kernel's choosing) that makes the openat2 call on a fast record, takes
 * the program's registers back from below its stack and returns after
 * its syscall instruction. The filter lets exactly such an openat2 run
 * without asking (POLICY_COMPILE_FAST_OPENS: how at the start of a
 * record of the fast half, the path right after it, a 24-byte how);
 * a thread that makes it itself can only open again, read-only, a path
 * that was checked for reading. Records are written only while no other
 * task can read them (scratch_fast_rec), so none is ever seen half
 * written. On by scratch_fast_opens(true) before the first exec. */
void scratch_fast_opens(bool on);
/* The trampoline's address in t's address space, 0: none (32-bit). */
uint64_t scratch_tramp(struct task *t);
/* A fast record for t to use, 0: none (no trampoline, or another task
 * could read the area while jail writes it). */
uint64_t scratch_fast_rec(struct task *t);

/* The process's slot table: created with the process (sharing its
 * creator's until its own exec), freed when its last task goes. */
int scratch_task_start(struct tracer *tr, struct task *t, pid_t parent,
		       bool new_proc);
/* Exec (or attach): a fresh address space; map the area there. 0 or
 * -errno (then nothing can be checked safely: the caller kills). */
int scratch_map(struct tracer *tr, struct task *t);
/* The calling task's slot's address, or 0 when the area is not mapped
 * (the launcher's child before its first exec). */
uint64_t scratch_slot(struct tracer *tr, struct task *t);
/* Whether the area is mapped in t's address space. */
bool scratch_mapped(struct task *t);
/* The task is gone: give back its slot and its share of the table. */
void scratch_task_exit(struct task *t);

/* The process's last task is gone: drop its share of the table. */
void scratch_proc_exit(struct task *t);

/* Write the string s (a path: at most one page with its NUL, else
 * -ENAMETOOLONG) at `at` in t's slot. 0 or -EFAULT. */
int scratch_put_str(struct task *t, uint64_t at, const char *s);

#endif

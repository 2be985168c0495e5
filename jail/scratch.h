/* scratch: the read-only area in each jailed address space where jail
 * puts the checked copies of what a call names (paths, socket addresses,
 * openat2's struct open_how), so that no thread of the program can change
 * them between the check and the kernel's use.
 *
 * The program maps it itself, at exec (or when jail attaches), through a
 * remote syscall: SCRATCH_ADDR..SCRATCH_END, PROT_READ, private and
 * anonymous. jail writes it through /proc/PID/mem, which may write
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

#include "tracer/tracer.h"

enum {
	SLOT_SIZE = 3 * 4096,	/* two paths and one page of small things */
	SLOT_PATH0 = 0,
	SLOT_PATH1 = 4096,
	SLOT_MISC = 8192,
};

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

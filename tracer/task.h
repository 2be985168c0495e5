/* task: the engine's task and process table (internal to tracer/).
 *
 * Tasks are keyed by tid, processes by tgid, in chained hash tables. A
 * task's caches (registers, syscall info, comm) live for one stop; a
 * process's (exe, /proc/PID/mem) until the next exec.
 */
#ifndef JAIL_TASK_H
#define JAIL_TASK_H

#include <dirent.h>
#include <stdbool.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/user.h>

#include "tracer/tracer.h"

enum task_state {
	TS_NEW,		/* known, first stop not seen yet */
	TS_RUNNING,
	TS_STOPPED,	/* in a ptrace stop, waiting for a resume */
	TS_DEAD,	/* reaped; in the grave until the next tracer_next */
};

struct proc {
	pid_t pid;
	unsigned ntasks;
	char *exe;		/* cached readlink of /proc/PID/exe */
	int memfd;		/* /proc/PID/mem, O_RDWR, or -1 */
	bool no_vm_readv;	/* process_vm_readv refused: use memfd */
	/* Its fd table is another process's too (CLONE_FILES without
	 * CLONE_THREAD, either way), or may be: how it was made is not
	 * known yet (its first stop came before its creator's event), or
	 * it was attached to. Sticky: jail never learns it stopped. */
	bool fdt_shared;
	bool fdt_unknown;
	void *data;
	struct proc *hnext;
};

struct task {
	pid_t tid;
	struct proc *proc;
	pid_t parent_pid;	/* for TR_TASK_START */
	enum task_state state;
	enum tr_kind stop;	/* valid while TS_STOPPED */
	int stop_sig;
	bool listen_on_resume;
	bool interrupt_req;
	bool in_syscall;	/* trace-all mode: between enter and exit */
	bool exiting;		/* after PTRACE_EVENT_EXIT */
	bool left_syscall;	/* remote.c stepped out of an event stop's
				 * syscall; cleared on resume */

	bool regs_valid, regs_dirty;
	struct user_regs_struct regs;
	bool sci_valid;
	struct __ptrace_syscall_info sci;
	char comm[32];		/* "" until read */

	void *data;
	struct task *hnext;	/* hash chain */
	struct task *gnext;	/* grave list */
};

struct task_table {
	struct task **tb;
	size_t tmask;
	size_t ntasks;
	struct proc **pb;
	size_t pmask;
	size_t nprocs;
};

int task_table_init(struct task_table *tt);
void task_table_destroy(struct task_table *tt);
struct task *task_find(struct task_table *tt, pid_t tid);
struct proc *proc_find(struct task_table *tt, pid_t pid);
/* A new task in process tgid (created if needed). NULL on ENOMEM. */
struct task *task_new(struct task_table *tt, pid_t tid, pid_t tgid);
/* Out of the table (not freed): its tid may be reused at once. */
void task_unlink(struct task_table *tt, struct task *t);
/* Frees an unlinked task, and its process when it was the last. */
void task_free(struct task_table *tt, struct task *t);
void task_rekey(struct task_table *tt, struct task *t, pid_t tid);
/* Safe against fn unlinking the task it is given. */
int task_foreach(struct task_table *tt, int (*fn)(struct task *, void *),
		 void *arg);

void task_invalidate(struct task *t);
void task_mark_running(struct task *t);
void task_after_exec(struct task *t);
int task_flush_regs(struct task *t);
/* The syscall in progress from the registers (event stops, where
 * PTRACE_GET_SYSCALL_INFO has no syscall). */
int task_syscall_regs(struct task *t, struct tr_syscall *out);

/* Engine internals for other tracer/ modules (remote syscalls). */
/* Hand a wait status collected outside tracer_next() back to it. */
int tracer_defer_status(struct tracer *tr, pid_t pid, int status);
/* Block until t reports a wait status (waitpid on its tid only). */
int tracer_wait_task(struct tracer *tr, struct task *t, int *status);

#endif

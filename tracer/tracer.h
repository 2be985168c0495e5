/* tracer: the ptrace engine. jail's runner and its debugger are its clients.
 *
 * The engine owns every traced task and process. A client loops:
 *
 *	while (tracer_next(tr, &ev) == 0) {
 *		decide(ev);			// inspect, change, log
 *		tracer_resume(tr, ev.task, ...);	// when ev.task is stopped
 *	}
 *
 * tracer_next() hides the kernel's orderings (a new task's first stop before
 * its parent's fork event, exec from a non-leader thread, ESRCH from tasks
 * that vanished) and reports one event at a time. After an event whose task
 * is stopped (task_is_stopped()), the task stays stopped until the client
 * resumes it; a client may keep any number of tasks stopped (all-stop
 * debugging). Functions return 0 or -errno; -ESRCH means the task is gone,
 * which is normal: its exit will be reported by tracer_next().
 */
#ifndef JAIL_TRACER_H
#define JAIL_TRACER_H

#include <sys/ptrace.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#include "decode.h"
#include "systab.h"

struct tracer;
struct task;
struct proc;

enum tr_kind {
	TR_SECCOMP,		/* syscall entry via SECCOMP_RET_TRACE */
	TR_SYSCALL_ENTER,	/* syscall-enter-stop (TR_RESUME_SYSCALL) */
	TR_SYSCALL_EXIT,	/* syscall-exit-stop */
	TR_SIGNAL,		/* signal-delivery-stop: ev.sig, ev.si */
	TR_GROUP_STOP,		/* job-control stop: ev.sig is the stop signal */
	TR_FORK,		/* parent's fork/vfork/clone event: ev.child */
	TR_VFORK_DONE,		/* a vfork parent is about to run again */
	TR_TASK_START,		/* a new task's first stop; parent known */
	TR_EXEC,		/* successful exec; ev.old_tid if it moved */
	TR_EXITING,		/* PTRACE_EVENT_EXIT: ev.status is the status */
	TR_EXITED,		/* reaped (or vanished); task is not stopped */
	TR_INTERRUPT,		/* stop asked for by tracer_interrupt() */
};

enum tr_fork_how { TR_HOW_FORK, TR_HOW_VFORK, TR_HOW_CLONE, TR_HOW_CLONE3 };

struct tr_event {
	enum tr_kind kind;
	struct task *task;
	int sig;		/* TR_SIGNAL, TR_GROUP_STOP */
	siginfo_t si;		/* TR_SIGNAL */
	int status;		/* TR_EXITING, TR_EXITED: a wait(2) status */
	struct task *child;	/* TR_FORK */
	enum tr_fork_how how;	/* TR_FORK */
	uint64_t clone_flags;	/* TR_FORK */
	pid_t old_tid;		/* TR_EXEC: the tid that called exec */
	pid_t parent_pid;	/* TR_TASK_START: the creating process */
	bool new_proc;		/* TR_TASK_START: first task of a process */
};

enum tr_resume {
	TR_RESUME_CONT,		/* run on; in trace-all mode, to the next syscall */
	TR_RESUME_SYSCALL,	/* stop at the next syscall entry or exit */
	TR_RESUME_STEP,		/* one instruction */
};

struct tracer_opts {
	/* Stop at every syscall entry and exit (PTRACE_SYSCALL) rather than
	 * only at SECCOMP_RET_TRACE: attach mode, where no filter exists. */
	bool trace_all_syscalls;
	/* Kill tracees if jail dies (PTRACE_O_EXITKILL): launch mode. */
	bool exit_kill;
	/* Report TR_VFORK_DONE (debugger). */
	bool vfork_done;
	/* Report TR_EXITING (PTRACE_EVENT_EXIT), a stop in every task's exit:
	 * the debugger's; the runner does without it. */
	bool exit_events;
};

int tracer_create(struct tracer **out, const struct tracer_opts *o);
/* Frees the engine's memory. Does not kill or detach: do that first. */
void tracer_destroy(struct tracer *tr);

/* Seize a process that is ours to trace (launch mode: the launcher's child,
 * blocked before exec). It need not be stopped. */
int tracer_seize(struct tracer *tr, pid_t pid, struct task **out);
/* Attach to a running process and every one of its threads; they are
 * interrupted and reported as TR_TASK_START events. */
int tracer_attach(struct tracer *tr, pid_t pid);

/* The next event. 0 with *ev filled; -ECHILD when no task is left;
 * -EINTR when a signal interrupted the wait (check your flags). */
int tracer_next(struct tracer *tr, struct tr_event *ev);
/* Resume a stopped task. sig is delivered at a signal-delivery-stop and
 * ignored elsewhere (0 suppresses the signal). Group stops are resumed
 * with PTRACE_LISTEN, keeping job-control semantics. */
int tracer_resume(struct tracer *tr, struct task *t, enum tr_resume how,
		  int sig);
/* Ask a running task to stop: TR_INTERRUPT follows, or another stop
 * that came first (the kernel then drops the interrupt). */
int tracer_interrupt(struct tracer *tr, struct task *t);
/* SIGKILL every traced process, now and as new ones appear; the client
 * keeps calling tracer_next() until -ECHILD to reap them. */
void tracer_kill_all(struct tracer *tr);
/* Detach from every task (attach mode); stopped tasks are let go, running
 * ones are interrupted first. Returns when all are detached. */
int tracer_detach_all(struct tracer *tr);
int tracer_ntasks(const struct tracer *tr);
/* Visit every live task; stop when fn returns non-zero. */
int tracer_foreach(struct tracer *tr, int (*fn)(struct task *, void *),
		   void *arg);
struct task *tracer_find(struct tracer *tr, pid_t tid);

/* --- tasks --- */
pid_t task_tid(const struct task *t);
pid_t task_pid(const struct task *t);	/* thread group id */
struct proc *task_proc(const struct task *t);
bool task_is_stopped(const struct task *t);
enum tr_kind task_stop_kind(const struct task *t);
/* Client data, one pointer per task and per process. */
void *task_data(const struct task *t);
void task_set_data(struct task *t, void *p);

/* The syscall at a TR_SECCOMP/TR_SYSCALL_* stop (PTRACE_GET_SYSCALL_INFO). */
struct tr_syscall {
	enum sc_abi abi;
	long nr;
	uint64_t args[6];
	uint64_t ip, sp;
	bool is_exit;
	long ret;		/* exit only */
	bool is_error;		/* exit only */
};
int task_syscall(struct task *t, struct tr_syscall *out);
/* Change the syscall before it runs (seccomp or enter stop). */
int task_set_syscall_nr(struct task *t, long nr);
int task_set_syscall_arg(struct task *t, int i, uint64_t v);
/* Skip the syscall (seccomp or enter stop): it returns ret (-errno for
 * errors) without running. */
int task_skip_syscall(struct task *t, long ret);
/* Change the return value at an exit stop. */
int task_set_retval(struct task *t, long ret);

/* General registers, cached for the current stop and written back on
 * resume when changed. */
int task_get_regs(struct task *t, struct user_regs_struct *r);
int task_set_regs(struct task *t, const struct user_regs_struct *r);

/* Memory. read returns the bytes copied (short at an unmapped page) or
 * -errno; write goes through /proc/PID/mem so it reaches read-only
 * mappings (breakpoints), and returns bytes written or -errno. */
/* The blocked-signal mask (PTRACE_GETSIGMASK/SETSIGMASK, 64 bits). */
int task_get_sigmask(struct task *t, uint64_t *mask);
int task_set_sigmask(struct task *t, uint64_t mask);
ssize_t task_read_mem(struct task *t, uint64_t addr, void *buf, size_t len);
ssize_t task_write_mem(struct task *t, uint64_t addr, const void *buf,
		       size_t len);
/* A store as the program's own instruction would make it: the page
 * protections apply (process_vm_writev, not /proc/PID/mem), and all or
 * nothing. 0; -EFAULT where the program would fault; -EINVAL for one
 * that crosses a page boundary or is longer than 8 bytes (a fault in the
 * second page would leave the first written); -ENOSYS when the kernel
 * refuses process_vm_writev. */
int task_store_mem(struct task *t, uint64_t addr, const void *buf,
		   size_t len);
/* The same for a load: process_vm_readv (page protections apply), all
 * or nothing, within one page, at most 8 bytes. */
int task_load_mem(struct task *t, uint64_t addr, void *buf, size_t len);
/* A write of any length with the page protections applied (unlike
 * task_write_mem's /proc/PID/mem, which writes read-only pages): 0, or
 * -EFAULT where the program itself would fault (what comes before the
 * fault may be written), -ESRCH, -EBUSY, -ENOSYS. */
int task_poke_mem(struct task *t, uint64_t addr, const void *buf, size_t len);
/* A mem_reader over this task's memory, for the decoder. */
struct mem_reader task_mem_reader(struct task *t);
/* /proc/TID/comm and /proc/PID/exe, cached until the next exec. */
const char *task_comm(struct task *t);
const char *proc_exe(struct proc *p);

pid_t proc_pid(const struct proc *p);
/* How many of its tasks (threads) the tracer knows. */
unsigned proc_ntasks(const struct proc *p);
/* Whether no task but the stopped t can change t's fd table: t is its
 * process's only task and the table is the process's own. */
bool task_fdt_private(const struct task *t);
void *proc_data(const struct proc *p);
void proc_set_data(struct proc *p, void *d);

#endif

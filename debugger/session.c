/* session: the debugger's state, all-stop, and the command loop.
 *
 * The runner's loop offers every event to dbg_event(). Most pass through
 * (return 0) after the debugger has noted them (threads, inferiors,
 * breakpoint bookkeeping at fork and exec). A stop for the user goes:
 *
 *	user_stop():	stop_all()	interrupt every running thread, wait
 *					for each; keep what else arrives
 *			report		gdb's stop message, displays, the
 *					breakpoint's commands
 *			command loop	until a run-control command
 *			resume_all()	step over breakpoints under a pc (the
 *					others still stopped), then resume
 *					every thread together
 *
 * A stop whose task the runner must still decide about (dbg_stop(), a
 * signal, a catchpoint on fork/exec) is "host owned": resume_all() leaves
 * that task to the runner and resumes the others when the runner's
 * dbg_resume() comes for it ("deferred").
 */
#include "debugger/session.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "debugger/bp.h"
#include "debugger/commands.h"
#include "jail/term.h"
#include "tracer/decode.h"
#include "tracer/xlat.h"

enum { STOP_WAIT_MS = 3000 };	/* how long all-stop waits for a thread */

/* --- output --- */

void dbg_printf(struct dbg *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
}

void dbg_error(struct dbg *d, const char *fmt, ...)
{
	va_list ap;

	fflush(d->out);
	va_start(ap, fmt);
	vfprintf(d->err, fmt, ap);
	va_end(ap);
	fputc('\n', d->err);
	fflush(d->err);
}

/* --- threads and inferiors --- */

struct dthread *dbg_thread_by_task(struct dbg *d, struct task *t)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next)
		if (th->task == t)
			return th;
	return NULL;
}

struct dthread *dbg_thread_by_tid(struct dbg *d, pid_t tid)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next)
		if (th->tid == tid)
			return th;
	return NULL;
}

struct dthread *dbg_thread_by_num(struct dbg *d, int inf, int num)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next)
		if (th->num == num && (inf == 0 || th->proc->num == inf))
			return th;
	return NULL;
}

struct dproc *dbg_proc_by_pid(struct dbg *d, pid_t pid)
{
	struct dproc *p;

	for (p = d->procs; p; p = p->next)
		if (p->pid == pid)
			return p;
	return NULL;
}

struct dproc *dbg_proc_by_num(struct dbg *d, int num)
{
	struct dproc *p;

	for (p = d->procs; p; p = p->next)
		if (p->num == num)
			return p;
	return NULL;
}

int dbg_nprocs(const struct dbg *d)
{
	const struct dproc *p;
	int n = 0;

	for (p = d->procs; p; p = p->next)
		n++;
	return n;
}

const char *dbg_thread_id(struct dbg *d, const struct dthread *th, char *buf)
{
	/* Once a second inferior existed gdb says "1.2", even after. */
	if (d->next_inf > 1)
		snprintf(buf, 16, "%d.%d", th->proc->num, th->num);
	else
		snprintf(buf, 16, "%d", th->num);
	return buf;
}

bool dbg_has_process(const struct dbg *d)
{
	return d->threads != NULL;
}

struct dthread *dbg_need_thread(struct dbg *d)
{
	if (!d->threads) {
		dbg_error(d, "The program is not being run.");
		return NULL;
	}
	if (!d->cur) {
		dbg_error(d, "No thread selected.");
		return NULL;
	}
	if (d->cur->state != DT_STOPPED || !task_is_stopped(d->cur->task)) {
		dbg_error(d, "Selected thread is running.");
		return NULL;
	}
	return d->cur;
}

void dbg_select(struct dbg *d, struct dthread *th)
{
	d->cur = th;
	d->frame = 0;
}

/* Address spaces: where breakpoints are inserted (bp.c fills them). */
static struct dproc *proc_new(struct dbg *d, pid_t pid, struct proc *pr)
{
	struct dproc *p = calloc(1, sizeof(*p)), **pp;

	if (!p)
		return NULL;
	p->pid = pid;
	p->proc = pr;
	p->num = ++d->next_inf;
	p->syms_stale = true;
	/* Inferiors listed in creation order. */
	for (pp = &d->procs; *pp; pp = &(*pp)->next)
		;
	*pp = p;
	return p;
}

static void proc_free(struct dbg *d, struct dproc *p)
{
	struct dproc **pp;

	for (pp = &d->procs; *pp; pp = &(*pp)->next) {
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	}
	bp_proc_gone(d, p);
	dbg_proc_syms_free(d, p);
	free(p->exe);
	free(p);
}

static struct dthread *thread_new(struct dbg *d, struct task *t)
{
	struct dthread *th = calloc(1, sizeof(*th)), **pp;
	struct dproc *p = dbg_proc_by_pid(d, task_pid(t));

	if (!th)
		return NULL;
	if (!p) {
		p = proc_new(d, task_pid(t), task_proc(t));
		if (!p) {
			free(th);
			return NULL;
		}
	}
	th->task = t;
	th->tid = task_tid(t);
	th->proc = p;
	th->num = ++p->next_thread_num;
	th->gnum = ++d->next_gnum;
	th->state = DT_RUNNING;
	th->dr_gen = 0;
	p->nthreads++;
	if (d->next_gnum > 1)
		d->many_threads = true;
	for (pp = &d->threads; *pp; pp = &(*pp)->next)
		;
	*pp = th;
	return th;
}

static void thread_free(struct dbg *d, struct dthread *th)
{
	struct dthread **pp;
	struct dproc *p = th->proc;

	for (pp = &d->threads; *pp; pp = &(*pp)->next) {
		if (*pp == th) {
			*pp = th->next;
			break;
		}
	}
	bp_thread_gone(d, th);
	if (d->cur == th)
		d->cur = NULL;
	if (d->deferred == th)
		d->deferred = NULL;
	if (d->why_thread == th)
		d->why_thread = NULL;
	free(th->name);
	free(th);
	if (--p->nthreads == 0)
		proc_free(d, p);
}

const char *dbg_thread_name(struct dthread *th)
{
	char path[64];
	ssize_t n;
	int fd;

	if (th->name)
		return th->name;
	/* Read afresh: a thread renames itself (prctl), the engine's copy
	 * is from its first look. */
	snprintf(path, sizeof(path), "/proc/%d/comm", th->tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, th->comm, sizeof(th->comm) - 1);
		close(fd);
		if (n > 0) {
			if (th->comm[n - 1] == '\n')
				n--;
			th->comm[n] = '\0';
		}
	}
	return th->comm;
}

void dbg_target_id(struct dbg *d, struct dthread *th, struct strbuf *sb)
{
	struct user_regs_struct r;

	/* The thread pointer is fs_base with glibc: gdb's "Thread 0x..." */
	if (th->task && task_is_stopped(th->task) &&
	    dbg_get_regs(d, th, &r) == 0)
		th->tptr = r.fs_base;
	if (th->tptr)
		sb_printf(sb, "Thread 0x%llx (LWP %d)",
			  (unsigned long long)th->tptr, th->tid);
	else if (th->proc->nthreads == 1)
		sb_printf(sb, "process %d", th->tid);
	else
		sb_printf(sb, "LWP %d", th->tid);
}

int dbg_syscall_now(struct dbg *d, struct dthread *th, struct tr_syscall *sc)
{
	struct user_regs_struct r;
	int rc = task_syscall(th->task, sc);

	if (rc < 0 || sc->is_exit || dbg_get_regs(d, th, &r) < 0)
		return rc;
	/* The kernel's copy is what the call came with; the registers are
	 * what it will run with (set $arg0, set $sysno). */
	sc->nr = (long)r.orig_rax;
	if (sc->abi == ABI_I386) {
		uint64_t a[6] = { r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rbp };

		for (int i = 0; i < 6; i++)
			sc->args[i] = a[i] & 0xffffffffu;
	} else {
		uint64_t a[6] = { r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9 };

		memcpy(sc->args, a, sizeof(a));
	}
	return 0;
}

/* --- the kept queue --- */

static int keep(struct dbg *d, const struct tr_event *ev, unsigned flags,
		uint64_t addr, uint64_t dr6)
{
	struct kept *k;

	if (d->kept_head + d->kept_len == d->kept_cap) {
		if (d->kept_head) {
			memmove(d->kept, d->kept + d->kept_head,
				d->kept_len * sizeof(*d->kept));
			d->kept_head = 0;
		} else {
			size_t cap = d->kept_cap ? d->kept_cap * 2 : 16;
			struct kept *n = realloc(d->kept, cap * sizeof(*n));

			if (!n)
				return -ENOMEM;
			d->kept = n;
			d->kept_cap = cap;
		}
	}
	k = &d->kept[d->kept_head + d->kept_len++];
	k->ev = *ev;
	k->flags = flags;
	k->addr = addr;
	k->dr6 = dr6;
	return 0;
}

static bool kept_pop(struct dbg *d, struct kept *out)
{
	if (!d->kept_len)
		return false;
	*out = d->kept[d->kept_head++];
	if (--d->kept_len == 0)
		d->kept_head = 0;
	return true;
}

/* Take the kept events of one task out of the queue, in order, into
 * out (at most n). Returns how many. */
static size_t kept_take(struct dbg *d, struct task *t, struct kept *out,
			size_t n)
{
	size_t i, j = 0, got = 0;

	for (i = 0; i < d->kept_len; i++) {
		struct kept *k = &d->kept[d->kept_head + i];

		if (k->ev.task == t || k->ev.child == t) {
			if (k->ev.task == t && got < n)
				out[got++] = *k;
			if (k->ev.task == t)
				continue;
			/* A fork event naming the dead child: keep it but
			 * forget the child. */
			k->ev.child = NULL;
		}
		d->kept[d->kept_head + j++] = *k;
	}
	d->kept_len = j;
	return got;
}

/* --- event bookkeeping, for every event wherever it arrives --- */

static void print_exit(struct dbg *d, struct dproc *p, int st)
{
	if (!d->active || d->ended)
		return;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		dbg_printf(d, "[Inferior %d (process %d) exited normally]\n",
			   p->num, p->pid);
	else if (WIFEXITED(st))
		dbg_printf(d, "[Inferior %d (process %d) exited with code "
			   "%02o]\n", p->num, p->pid, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		dbg_printf(d, "\nProgram terminated with signal %s, %s.\n"
			   "The program no longer exists.\n",
			   signal_name(WTERMSIG(st)),
			   sig_description(WTERMSIG(st)));
}

/* The vfork parent waiting for child pid runs again. */
static void vfork_released(struct dbg *d, pid_t child)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next) {
		if (th->in_vfork && th->vfork_child == child) {
			th->in_vfork = false;
			th->vfork_child = 0;
		}
	}
}

/* A task is gone. Its kept events (it was stopped when killed) go to the
 * runner first, in order, then its exit: the engine frees the task at
 * the next tracer_next(), so nothing about it can wait. to_host: inside
 * the debugger's own waits (the runner is not looking). */
static void thread_exited(struct dbg *d, struct tr_event *ev, bool to_host)
{
	struct dthread *th = dbg_thread_by_task(d, ev->task);
	struct kept ks[4];
	size_t n, i;

	if (to_host) {
		n = kept_take(d, ev->task, ks, 4);
		for (i = 0; i < n; i++)
			if (d->host.handle)
				d->host.handle(d->host.host, &ks[i].ev);
		if (d->host.handle)
			d->host.handle(d->host.host, ev);
	} else {
		kept_take(d, ev->task, ks, 0);
	}
	if (!th)
		return;
	vfork_released(d, task_pid(ev->task));
	if (th->tid == th->proc->pid)
		th->proc->exit_status = ev->status;
	if (th->proc->nthreads == 1) {
		print_exit(d, th->proc, th->tid == th->proc->pid ?
			   ev->status : th->proc->exit_status);
	} else if (d->active && !d->ended && th->tid != th->proc->pid) {
		struct strbuf sb = STRBUF_INIT;

		dbg_target_id(d, th, &sb);
		dbg_printf(d, "[%s exited]\n", sb_str(&sb));
		sb_free(&sb);
	}
	thread_free(d, th);
}

/* A new process: its memory is its parent's copy (fork: the breakpoint
 * bytes came along) or its parent's own (vfork, CLONE_VM). */
static void proc_born(struct dbg *d, struct dthread *th, pid_t parent_pid)
{
	struct dproc *parent = dbg_proc_by_pid(d, parent_pid);
	bool shared = false;

	if (parent && parent != th->proc)
		shared = syscall(SYS_kcmp, parent->pid, th->proc->pid,
				 KCMP_VM, 0, 0) == 0;
	bp_proc_born(d, th->proc, parent != th->proc ? parent : NULL, shared);
	th->proc->vfork_child = shared;
	if (d->active && !d->ended) {
		dbg_printf(d, "[New inferior %d (process %d)]\n",
			   th->proc->num, th->proc->pid);
	}
}

/* Note what an event says about its thread; the thread is created on its
 * first event. NULL for an exit (handled by thread_exited()). */
static struct dthread *track(struct dbg *d, struct tr_event *ev)
{
	struct dthread *th = dbg_thread_by_task(d, ev->task);
	bool fresh = false;

	if (ev->kind == TR_EXITED)
		return NULL;
	if (!th) {
		th = thread_new(d, ev->task);
		if (!th)
			return NULL;
		fresh = true;
	}
	th->tid = task_tid(ev->task);
	th->started = true;
	th->no_stop = false;
	th->xpage = 0;		/* it has run: set again by a trap */
	/* Any ptrace stop clears a pending PTRACE_INTERRUPT in the kernel
	 * ("any trap clears pending STOP trap"): none is due any more. */
	if (task_is_stopped(ev->task))
		th->interrupting = false;
	th->state = task_is_stopped(ev->task) ? DT_STOPPED : DT_RUNNING;
	th->stop_kind = ev->kind;
	th->job_stopped = false;
	switch (ev->kind) {
	case TR_TASK_START:
		if (ev->new_proc && fresh)
			proc_born(d, th, ev->parent_pid);
		else if (fresh && d->active && !d->ended) {
			struct strbuf sb = STRBUF_INIT;

			dbg_target_id(d, th, &sb);
			dbg_printf(d, "[New %s]\n", sb_str(&sb));
			sb_free(&sb);
		}
		th->dr_gen = 0;
		break;
	case TR_EXITING:
		th->exiting = true;
		break;
	case TR_GROUP_STOP:
		th->job_stopped = true;
		break;
	case TR_FORK:
		if (ev->how == TR_HOW_VFORK ||
		    (ev->clone_flags & CLONE_VFORK)) {
			th->in_vfork = true;
			th->vfork_child = ev->child ? task_tid(ev->child) : 0;
		}
		break;
	case TR_VFORK_DONE:
		th->in_vfork = false;
		break;
	case TR_EXEC:
		vfork_released(d, th->proc->pid);
		th->proc->vfork_child = false;
		/* The kernel clears the debug registers at exec. */
		th->dr_gen = (unsigned)-1;
		dbg_syms_invalidate(d, th->proc);
		bp_proc_exec(d, th->proc, th);
		break;
	case TR_SIGNAL:
		th->last_sig = ev->sig;
		th->si = ev->si;
		th->si_valid = true;
		break;
	default:
		break;
	}
	if (!th->proc->as) {
		/* A process we did not see being born (launched, attached). */
		const char *exe = proc_exe(task_proc(ev->task));

		bp_proc_born(d, th->proc, NULL, false);
		if (!th->proc->exe && exe)
			th->proc->exe = strdup(exe);
	}
	return th;
}

/* --- waiting inside the debugger --- */

static volatile sig_atomic_t wait_alarm;

static void on_wait_alarm(int sig)
{
	(void)sig;
	wait_alarm = 1;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* tracer_next() with a deadline: a periodic SIGALRM makes waitpid()
 * return EINTR so a task that never stops cannot hang the debugger. */
static int wait_event(struct dbg *d, struct tr_event *ev, long deadline)
{
	struct sigaction sa = { .sa_handler = on_wait_alarm }, old;
	struct itimerval it = { { 0, 100000 }, { 0, 100000 } }, oldit;
	int rc;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old);
	setitimer(ITIMER_REAL, &it, &oldit);
	for (;;) {
		rc = tracer_next(d->tr, ev);
		if (rc != -EINTR)
			break;
		if (now_ms() >= deadline) {
			rc = -ETIMEDOUT;
			break;
		}
	}
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &oldit, NULL);
	sigaction(SIGALRM, &old, NULL);
	return rc;
}

/* Whether all-stop waits for this thread. */
static bool must_wait(const struct dthread *th)
{
	return th->state == DT_RUNNING && !th->exiting && !th->in_vfork &&
	       !th->job_stopped && !th->no_stop;
}

static int find_unknown(struct task *t, void *arg)
{
	struct dbg *d = arg;

	return !task_is_stopped(t) && !dbg_thread_by_task(d, t);
}

/* Any thread still to stop. Tasks the engine knows and we have not seen
 * are new ones whose first stop is on its way. */
static bool waiting_for_some(struct dbg *d)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next)
		if (must_wait(th))
			return true;
	return tracer_foreach(d->tr, find_unknown, d) != 0;
}

/* An event that arrived while every thread is being held: note it, and
 * keep it for the runner unless it is the interrupt we asked for. */
static void absorb(struct dbg *d, struct tr_event *ev)
{
	struct dthread *th;
	unsigned flags;
	uint64_t addr = 0, dr6 = 0;

	if (ev->kind == TR_EXITED) {
		thread_exited(d, ev, true);
		return;
	}
	th = dbg_thread_by_task(d, ev->task);
	if (ev->kind == TR_INTERRUPT && th && th->interrupting) {
		track(d, ev);
		th->why = DS_OTHER;
		return;
	}
	th = track(d, ev);
	if (!th)
		return;
	th->why = DS_OTHER;
	/* A breakpoint's SIGTRAP is settled now (pc put back), so that a
	 * breakpoint deleted before the replay leaves nothing odd. */
	flags = bp_classify_trap(d, th, ev, &addr, &dr6);
	th->kept = true;
	keep(d, ev, flags, addr, dr6);
}

/* Interrupt every running thread and wait until each has stopped. */
static void stop_all(struct dbg *d)
{
	struct dthread *th;
	long deadline = now_ms() + STOP_WAIT_MS;
	struct dproc *p;

	d->stopped = true;
	/* Libraries may have come or gone since the last stop. */
	for (p = d->procs; p; p = p->next)
		dbg_syms_invalidate(d, p);
	for (th = d->threads; th; th = th->next) {
		if (!must_wait(th) || th->interrupting)
			continue;
		if (tracer_interrupt(d->tr, th->task) == 0)
			th->interrupting = true;
		else
			th->no_stop = true;	/* going away */
	}
	while (waiting_for_some(d)) {
		struct tr_event ev;
		int rc = wait_event(d, &ev, deadline);

		if (rc == -ETIMEDOUT) {
			for (th = d->threads; th; th = th->next) {
				if (!must_wait(th))
					continue;
				th->no_stop = true;
				dbg_error(d, "warning: LWP %d did not stop",
					  th->tid);
			}
			break;
		}
		if (rc < 0)
			break;	/* -ECHILD: nothing left */
		absorb(d, &ev);
	}
}

/* --- resuming --- */

enum tr_resume dbg_want(struct dbg *d, struct dthread *th,
			enum tr_resume how)
{
	if (how == TR_RESUME_STEP)
		return how;
	if ((th->step == STEP_INSN) || (th->step == STEP_OVER && !th->step_bp))
		return TR_RESUME_STEP;
	if (th->step == STEP_SYSCALL || d->catch_syscalls)
		return TR_RESUME_SYSCALL;
	return how;
}

static uint64_t thread_pc(struct dbg *d, struct dthread *th);

/* Resume one thread as the debugger needs it. */
static int resume_thread(struct dbg *d, struct dthread *th,
			 enum tr_resume how, int sig)
{
	int rc;

	if (th->dr_gen != d->dr_gen)
		bp_apply_debugregs(d, th);
	/* A signal for a thread not at a signal-delivery stop (queue-signal,
	 * `signal` after a breakpoint of ours is fine: that is a SIGTRAP
	 * delivery stop) is sent rather than injected. */
	if (sig && task_stop_kind(th->task) != TR_SIGNAL) {
		syscall(SYS_tgkill, th->proc->pid, th->tid, sig);
		sig = 0;
	}
	if (th->queued_sig) {
		syscall(SYS_tgkill, th->proc->pid, th->tid, th->queued_sig);
		th->queued_sig = 0;
	}
	how = dbg_want(d, th, how);
	th->stepping = how == TR_RESUME_STEP;
	if (th->stepping)
		th->step_from = thread_pc(d, th);
	rc = tracer_resume(d->tr, th->task, how, sig);
	th->state = DT_RUNNING;
	th->why = DS_NONE;
	th->at_bp = false;
	th->resume_sig = 0;
	th->sig_queued = false;
	return rc;
}

static void term_save_take(struct dbg *d)
{
	struct term *t = d->o.term;

	if (!t || !term_active(t))
		return;
	d->prog_modes_ok = tcgetattr(t->fd, &d->prog_modes) == 0;
	term_take(t);
}

static void term_restore_give(struct dbg *d)
{
	struct term *t = d->o.term;

	if (!t || !term_active(t) || !t->prog_pgrp)
		return;
	if (d->prog_modes_ok)
		tcsetattr(t->fd, TCSADRAIN, &d->prog_modes);
	term_give(t, t->prog_pgrp);
}

static void wait_for_step(struct dbg *d, struct dthread *th, bool *stepped);

/* Single-step th off the breakpoint under its pc with the breakpoint
 * out, every other thread stopped, then put it back. Returns true when
 * that step was the user's stepi and it ends the command. */
static bool step_over(struct dbg *d, struct dthread *th)
{
	struct user_regs_struct r;
	bool stepped = false;
	uint64_t pc;

	if (dbg_get_regs(d, th, &r) < 0)
		return false;
	pc = r.rip;
	bp_lift(d, th, pc);
	th->step_from = pc;
	tracer_resume(d->tr, th->task, TR_RESUME_STEP, th->resume_sig);
	th->resume_sig = 0;
	th->stepping = true;
	th->state = DT_RUNNING;
	th->at_bp = false;
	wait_for_step(d, th, &stepped);
	bp_unlift(d, th, pc);
	/* Off the breakpoint. Unless that step was the user's stepi, or
	 * nexti's (not into a call: its return breakpoint ends it). */
	if (!stepped || (th->step != STEP_INSN && th->step != STEP_OVER) ||
	    th->step_bp)
		return false;
	return dbg_after_step(d, th);
}

/* Wait for th's single-step; anything else is kept. */
static void wait_for_step(struct dbg *d, struct dthread *th, bool *stepped)
{
	long deadline = now_ms() + STOP_WAIT_MS;
	struct task *t = th->task;

	for (;;) {
		struct tr_event ev;
		int rc = wait_event(d, &ev, deadline);

		if (rc < 0)
			return;
		if (ev.task != t || ev.kind == TR_EXITED) {
			bool mine = ev.task == t;

			absorb(d, &ev);
			if (mine)
				return;	/* it died */
			continue;
		}
		if (ev.kind == TR_INTERRUPT) {
			/* A late interrupt (asked for when it had stopped
			 * already): the step has not happened yet. */
			track(d, &ev);
			tracer_resume(d->tr, t, TR_RESUME_STEP, 0);
			th->state = DT_RUNNING;
			continue;
		}
		if (ev.kind == TR_SIGNAL && ev.sig == SIGTRAP &&
		    ev.si.si_code != SI_KERNEL && ev.si.si_code > 0) {
			track(d, &ev);
			bp_clear_dr6(d, th);
			*stepped = true;
			return;
		}
		absorb(d, &ev);
		return;
	}
}

/* Resume every stopped thread but host_th (the runner's): step-overs
 * first, with all others still stopped. Returns true when a step-over
 * ended the user's stepi: nothing was resumed, stop again. */
static bool resume_others(struct dbg *d, struct dthread *host_th,
			  struct dthread **stepped)
{
	struct dthread *th, *next;

	for (th = d->threads; th; th = th->next) {
		if (th == host_th || th->kept || th->state != DT_STOPPED ||
		    !th->at_bp)
			continue;
		if (step_over(d, th)) {
			*stepped = th;
			return true;
		}
	}
	term_restore_give(d);
	fflush(d->out);
	d->stopped = false;
	for (th = d->threads; th; th = next) {
		next = th->next;
		if (th == host_th || th->kept || th->state != DT_STOPPED)
			continue;
		if (d->set.sched != SCHED_OFF && d->cur && th != d->cur &&
		    d->cur->step != STEP_NONE)
			continue;	/* scheduler-locking: only cur runs */
		resume_thread(d, th, TR_RESUME_CONT, th->resume_sig);
	}
	return false;
}

int dbg_resume(struct dbg *d, struct task *t, enum tr_resume how, int sig)
{
	struct dthread *th = dbg_thread_by_task(d, t), *stepped = NULL;
	int rc;

	if (!th)
		return tracer_resume(d->tr, t, how, sig);
	if (th->kept)
		th->kept = false;	/* its replayed event was handled */
	/* `signal SIG` at the runner's stop: the user's choice wins. */
	if (th->sig_queued)
		sig = th->resume_sig;
	if (d->deferred != th)
		return resume_thread(d, th, how, sig);
	/* After a stop for the user: the others go with it. */
	d->deferred = NULL;
	if (resume_others(d, th, &stepped)) {
		/* Cannot happen for the runner's own thread (it never sits
		 * on a breakpoint it hit); the stepped one stops again. */
		rc = resume_thread(d, th, how, sig);
		dbg_user_stop(d, stepped, false);
		return rc;
	}
	return resume_thread(d, th, how, sig);
}

/* --- stepping --- */

bool dbg_after_step(struct dbg *d, struct dthread *th)
{
	struct user_regs_struct r;

	if (dbg_get_regs(d, th, &r) < 0)
		return true;
	if (th->step_count > 0)
		th->step_count--;
	/* Landing on a breakpoint counts as hitting it, as in gdb. */
	if (bp_landed(d, th, r.rip)) {
		th->at_bp = true;
		return true;
	}
	if (th->step_count == 0) {
		th->why = DS_STEP;
		return true;
	}
	if (th->step == STEP_OVER)
		bp_step_over_call(d, th, r.rip, r.rsp);
	return false;
}

/* Forget every thread's step command and momentary breakpoint: a stop
 * for the user ends them, as in gdb's all-stop mode. */
static void cancel_steps(struct dbg *d)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next) {
		th->step = STEP_NONE;
		th->step_count = 0;
	}
	bp_delete_momentary(d);
}

/* --- stop reports --- */

void dbg_frame_line(struct dbg *d, struct dthread *th, uint64_t pc,
		    struct strbuf *sb)
{
	struct strbuf sym = STRBUF_INIT;
	const char *lib = NULL;

	sb_printf(sb, "0x%016llx in ", (unsigned long long)pc);
	if (dbg_symbolize_frame(d, th->proc, pc, &sym, &lib))
		sb_printf(sb, "%s ()", sb_str(&sym));
	else
		sb_puts(sb, "?? ()");
	if (lib)
		sb_printf(sb, " from %s", lib);
	sb_free(&sym);
}

static void thread_prefix(struct dbg *d, struct dthread *th,
			  struct strbuf *sb)
{
	char id[16];

	sb_printf(sb, "Thread %s \"%s\" ", dbg_thread_id(d, th, id),
		  dbg_thread_name(th));
}

static uint64_t thread_pc(struct dbg *d, struct dthread *th)
{
	struct user_regs_struct r;

	return dbg_get_regs(d, th, &r) == 0 ? r.rip : 0;
}

static void report_syscall_trap(struct dbg *d, struct dthread *th,
				struct strbuf *sb)
{
	struct tr_syscall sc;
	struct mem_reader mr = task_mem_reader(th->task);
	int others = 0, procs = dbg_nprocs(d) - 1;
	struct dthread *o;

	sb_puts(sb, "\n");
	if (d->many_threads)
		thread_prefix(d, th, sb);
	sb_puts(sb, d->many_threads ? "trapped syscall" : "Trapped syscall");
	if (d->why && d->why->rule)
		sb_printf(sb, " (rule %s)", d->why->rule);
	sb_puts(sb, ": ");
	if (dbg_syscall_now(d, th, &sc) == 0)
		decode_syscall(sb, DECODE_TEXT, systab_by_nr(sc.abi, sc.nr),
			       sc.nr, sc.args, &mr);
	else
		sb_puts(sb, "?");
	sb_putc(sb, '\n');
	dbg_frame_line(d, th, thread_pc(d, th), sb);
	sb_putc(sb, '\n');
	/* The instruction that made the call: pc is past it. */
	dbg_insn_line(d, th, thread_pc(d, th) - 2, false, sb);
	for (o = d->threads; o; o = o->next)
		if (o != th)
			others++;
	if (others || procs > 0)
		sb_printf(sb, "[%d other thread%s stopped, in %d process%s]\n",
			  others, others == 1 ? "" : "s", procs + 1,
			  procs ? "es" : "");
}

/* gdb's message for the stop of th. */
static void report_stop(struct dbg *d, struct dthread *th)
{
	struct strbuf sb = STRBUF_INIT;
	uint64_t pc;
	char sig[16];

	if (d->note_silent) {
		d->note_silent = false;
		return;
	}
	pc = thread_pc(d, th);
	switch (th->why) {
	case DS_START:
		sb_puts(&sb, "\nProgram stopped.\n");
		break;
	case DS_ATTACH:
		break;
	case DS_TRAP_SYSCALL:
		report_syscall_trap(d, th, &sb);
		goto print;
	case DS_TRAP_SIGNAL:
		sb_puts(&sb, "\n");
		if (d->many_threads)
			thread_prefix(d, th, &sb);
		sb_printf(&sb, "%s signal %s",
			  d->many_threads ? "trapped" : "Trapped",
			  sig_gdb_name(th->last_sig, sig, sizeof(sig)));
		if (d->why && d->why->rule)
			sb_printf(&sb, " (rule %s)", d->why->rule);
		sb_puts(&sb, ": ");
		if (d->why && d->why->si)
			decode_siginfo(&sb, DECODE_TEXT, d->why->si);
		sb_putc(&sb, '\n');
		break;
	case DS_BREAKPOINT:
	case DS_WATCHPOINT:
	case DS_CATCH:
		if (th->why == DS_BREAKPOINT)
			bp_note_hit(d, th);
		sb_putc(&sb, '\n');
		if (d->many_threads) {
			thread_prefix(d, th, &sb);
			sb_puts(&sb, "hit ");
		}
		sb_puts(&sb, sb_str(&d->note));
		break;
	case DS_SIGNAL:
		sb_putc(&sb, '\n');
		if (d->many_threads) {
			thread_prefix(d, th, &sb);
			sb_puts(&sb, "received signal ");
		} else {
			sb_puts(&sb, "Program received signal ");
		}
		sb_printf(&sb, "%s, %s.\n",
			  sig_gdb_name(th->last_sig, sig, sizeof(sig)),
			  sig_description(th->last_sig));
		break;
	case DS_STEPSYS:
		sb_puts(&sb, sb_str(&d->note));
		break;
	case DS_INTERRUPT:
		sb_putc(&sb, '\n');
		if (d->many_threads) {
			thread_prefix(d, th, &sb);
			sb_puts(&sb, "stopped.\n");
		} else {
			sb_puts(&sb, "Program stopped.\n");
		}
		break;
	case DS_STEP:
	default:
		break;
	}
	dbg_frame_line(d, th, pc, &sb);
	sb_putc(&sb, '\n');
print:
	dbg_printf(d, "%s", sb_str(&sb));
	sb_free(&sb);
}

/* --- the stop for the user --- */

static void select_reported(struct dbg *d, struct dthread *th)
{
	struct strbuf sb = STRBUF_INIT;

	if (d->cur && d->cur != th && d->active) {
		dbg_target_id(d, th, &sb);
		dbg_printf(d, "[Switching to %s]\n", sb_str(&sb));
		sb_free(&sb);
	}
	dbg_select(d, th);
}

/* Before the user has seen any thread, number them as gdb would: the
 * leader first, then by tid (attach reports them in any order). */
static void renumber(struct dbg *d)
{
	struct dproc *p;
	struct dthread *th;

	for (p = d->procs; p; p = p->next) {
		int n = 1;
		pid_t last = p->pid;

		for (th = d->threads; th; th = th->next)
			if (th->proc == p && th->tid == p->pid)
				th->num = 1;
		for (;;) {
			struct dthread *best = NULL;

			for (th = d->threads; th; th = th->next) {
				if (th->proc != p || th->tid == p->pid ||
				    (n > 1 && th->tid <= last))
					continue;
				if (!best || th->tid < best->tid)
					best = th;
			}
			if (!best)
				break;
			last = best->tid;
			best->num = ++n;
		}
		p->next_thread_num = n;
	}
}

/* Stop every thread, tell the user why th stopped, and run commands
 * until one resumes. host_owned: the runner resumes th itself (through
 * dbg_resume(), which then resumes the others). */
enum dbg_action dbg_user_stop(struct dbg *d, struct dthread *th,
			      bool host_owned)
{
	struct dthread *stepped = NULL;
	enum dbg_action act;

	for (;;) {
		bool was_active = d->active;

		d->active = true;
		if (th && th->why == DS_ATTACH) {
			/* Before the threads found meanwhile, as gdb. */
			dbg_printf(d, "Attaching to process %d\n",
				   th->proc->pid);
			fflush(d->out);
		}
		stop_all(d);
		d->why_thread = th;
		if (th && th->task)
			select_reported(d, th);
		else if (!d->cur)
			dbg_select(d, d->threads);
		cancel_steps(d);
		term_save_take(d);
		if (!was_active) {
			renumber(d);
			cmd_startup(d);
		}
		if (th && th->task)
			report_stop(d, th);
		/* follow-fork-mode child: the child is the one selected. */
		if (d->follow_tid) {
			struct dthread *c = dbg_thread_by_tid(d, d->follow_tid);

			d->follow_tid = 0;
			if (c)
				select_reported(d, c);
		}
		sb_reset(&d->note);
		cmd_do_displays(d);
		d->action = ACT_NONE;
		bp_run_stop_commands(d);
		if (d->action == ACT_NONE)
			cmd_loop(d);
		act = d->action;
		d->action = ACT_NONE;
		d->why_thread = NULL;
		if (act != ACT_RESUME)
			return act;
		if (host_owned && th && th->task) {
			d->deferred = th;
			return act;
		}
		if (!resume_others(d, NULL, &stepped))
			return act;
		th = stepped;
		host_owned = false;
	}
}

/* A breakpoint hit whose condition said no (or a momentary breakpoint
 * of another thread): go on past it. Most instructions under a
 * breakpoint (a function's first ones) are carried out by bp.c itself:
 * the int3 stays, so nothing else needs to stop and the thread simply
 * continues. Otherwise step over it with everything stopped. */
static void pass_breakpoint(struct dbg *d, struct dthread *th)
{
	struct dthread *stepped = NULL;

	/* Not when it is to single-step anyway (stepi, nexti). */
	if (dbg_want(d, th, TR_RESUME_CONT) != TR_RESUME_STEP &&
	    !th->queued_sig && bp_emulate_insn(d, th) == 0) {
		resume_thread(d, th, TR_RESUME_CONT, 0);
		return;
	}
	stop_all(d);
	th->at_bp = true;
	if (resume_others(d, NULL, &stepped))
		dbg_user_stop(d, stepped, false);
}

/* stepi/nexti go on without the CPU while the next instruction is one
 * bp.c carries out: no debug exception, no stop. At most EMUL_BURST in a
 * row, so that the event loop (Ctrl-C, other threads' events) comes
 * round. True when the command has ended: th stops for the user. */
enum { EMUL_BURST = 1000 };

static bool emulate_steps(struct dbg *d, struct dthread *th)
{
	int n = 0;

	while (n < EMUL_BURST &&
	       (th->step == STEP_INSN || th->step == STEP_OVER) &&
	       dbg_want(d, th, TR_RESUME_CONT) == TR_RESUME_STEP &&
	       !th->resume_sig && !th->queued_sig && !d->interrupt_req &&
	       bp_emulate_insn(d, th) == 0) {
		n++;
		if (dbg_after_step(d, th)) {
			/* The siginfo a single-step would have left. */
			siginfo_t si = { .si_signo = SIGTRAP,
					 .si_code = TRAP_TRACE };

			si.si_addr = (void *)(uintptr_t)thread_pc(d, th);
			if (ptrace(PTRACE_SETSIGINFO, th->tid, 0L, &si) == 0)
				th->si = si;
			return true;
		}
	}
	return false;
}

/* --- events --- */

static int ev_trap(struct dbg *d, struct dthread *th, struct tr_event *ev,
		   unsigned flags, uint64_t addr, uint64_t dr6)
{
	enum bp_verdict v;

	(void)ev;
	if (flags & KEPT_BP_HIT) {
		v = bp_hit_sw(d, th, addr);
	} else if (flags & KEPT_HW_HIT) {
		v = bp_hit_hw(d, th, dr6);
		if (v == BPV_NONE && (flags & KEPT_STEP))
			goto step;
	} else {
		goto step;
	}
	switch (v) {
	case BPV_STOP:
		dbg_user_stop(d, th, false);
		return 1;
	case BPV_PASS:
		pass_breakpoint(d, th);
		return 1;
	case BPV_STEP_DONE:
		goto step;
	case BPV_NONE:
		resume_thread(d, th, TR_RESUME_CONT, 0);
		return 1;
	}
step:
	if (th->step == STEP_NONE) {
		resume_thread(d, th, TR_RESUME_CONT, 0);
		return 1;
	}
	if (dbg_after_step(d, th) || emulate_steps(d, th)) {
		dbg_user_stop(d, th, false);
	} else if (d->interrupt_req) {
		/* Ctrl-C during a long stepi: the step's trap cleared the
		 * interrupt the kernel had pending; this stop is the user's. */
		d->interrupt_req = false;
		th->why = DS_INTERRUPT;
		dbg_user_stop(d, th, false);
	} else {
		resume_thread(d, th, TR_RESUME_CONT, 0);
	}
	return 1;
}

static int ev_signal(struct dbg *d, struct dthread *th, struct tr_event *ev,
		     unsigned flags, uint64_t addr, uint64_t dr6)
{
	const struct sig_handle *h;
	char name[16];
	int sig = ev->sig;

	if (flags)
		return ev_trap(d, th, ev, flags, addr, dr6);
	if (!d->active)
		return 0;
	if (bp_catch_signal(d, th, sig)) {
		th->why = DS_CATCH;
		th->resume_sig = sig;
		if (dbg_user_stop(d, th, true) == ACT_RESUME)
			ev->sig = th->resume_sig;
		return 0;
	}
	h = sig > 0 && sig <= 64 ? &d->handle[sig] : NULL;
	if (!h)
		return 0;
	if (!h->pass)
		ev->sig = 0;
	if (h->stop) {
		th->why = DS_SIGNAL;
		th->resume_sig = ev->sig;
		if (dbg_user_stop(d, th, true) == ACT_RESUME)
			ev->sig = th->resume_sig;
		return 0;
	}
	if (h->print) {
		struct strbuf sb = STRBUF_INIT;

		sb_putc(&sb, '\n');
		if (d->many_threads) {
			thread_prefix(d, th, &sb);
			sb_puts(&sb, "received signal ");
		} else {
			sb_puts(&sb, "Program received signal ");
		}
		sb_printf(&sb, "%s, %s.\n",
			  sig_gdb_name(sig, name, sizeof(name)),
			  sig_description(sig));
		dbg_printf(d, "%s", sb_str(&sb));
		fflush(d->out);
		sb_free(&sb);
	}
	return 0;
}

/* Syscall entry/exit stops. In launch mode they exist only because the
 * debugger asked (stepsys, catch syscall): they are its own. */
static int ev_syscall(struct dbg *d, struct dthread *th, struct tr_event *ev)
{
	bool mine = !d->o.trace_all;
	bool is_exit = ev->kind == TR_SYSCALL_EXIT;
	struct user_regs_struct r;
	long nr = -1;

	if (dbg_get_regs(d, th, &r) == 0)
		nr = (long)r.orig_rax;
	if (d->active && th->step == STEP_SYSCALL) {
		bp_note_syscall(d, th, NULL, nr, is_exit);
		th->why = DS_STEPSYS;
	} else if (d->active && bp_catch_syscall(d, th, nr, is_exit)) {
		th->why = DS_CATCH;
	} else {
		if (!mine)
			return 0;
		resume_thread(d, th, TR_RESUME_CONT, 0);
		return 1;
	}
	dbg_user_stop(d, th, !mine);
	return mine;
}

static int ev_fork(struct dbg *d, struct dthread *th, struct tr_event *ev)
{
	if (!d->active || !ev->child)
		return 0;
	if (!bp_catch_fork(d, th, ev->how == TR_HOW_VFORK ||
			   (ev->clone_flags & CLONE_VFORK),
			   task_tid(ev->child)))
		return 0;
	th->why = DS_CATCH;
	if (d->set.follow_child)
		d->follow_tid = task_tid(ev->child);
	dbg_user_stop(d, th, true);
	return 0;
}

static int ev_exec(struct dbg *d, struct dthread *th, struct tr_event *ev)
{
	const char *exe = proc_exe(task_proc(ev->task));

	(void)ev;
	if (!d->active)
		return 0;
	dbg_printf(d, "process %d is executing new program: %s\n",
		   th->proc->pid, exe ? exe : "?");
	if (!bp_catch_exec(d, th, exe))
		return 0;
	th->why = DS_CATCH;
	dbg_user_stop(d, th, true);
	return 0;
}

int dbg_event(struct dbg *d, struct tr_event *ev)
{
	struct dthread *th = dbg_thread_by_task(d, ev->task);
	const struct kept *k = NULL;
	bool was_interrupting = th && th->interrupting;
	unsigned flags = 0;
	uint64_t addr = 0, dr6 = 0;

	if (d->replaying && d->replay.ev.task == ev->task &&
	    d->replay.ev.kind == ev->kind)
		k = &d->replay;
	d->replaying = false;
	if (th)
		th->kept = false;
	if (ev->kind == TR_EXITED) {
		thread_exited(d, ev, false);
		return 0;
	}
	th = track(d, ev);
	if (!th)
		return 0;
	th->why = DS_NONE;
	if (ev->kind == TR_INTERRUPT) {
		if (d->interrupt_req && !d->ended) {
			d->interrupt_req = false;
			th->why = DS_INTERRUPT;
			dbg_user_stop(d, th, false);
			return 1;
		}
		/* Only the debugger interrupts: this is one it asked for
		 * when the task had stopped already, delivered late. */
		if (was_interrupting || d->active) {
			resume_thread(d, th, TR_RESUME_CONT, 0);
			return 1;
		}
		return 0;
	}
	if (d->ended)
		return 0;
	/* A SIGTRAP of ours is settled once: pc put back, DR6 read. */
	if (ev->kind == TR_SIGNAL) {
		if (k) {
			flags = k->flags;
			addr = k->addr;
			dr6 = k->dr6;
		} else {
			flags = bp_classify_trap(d, th, ev, &addr, &dr6);
		}
	}
	/* Ctrl-C: the interrupt may have been overtaken by another stop
	 * (which cancels it in the kernel); that stop is the user's. */
	if (d->interrupt_req && !flags && task_is_stopped(ev->task) &&
	    ev->kind != TR_EXITING) {
		d->interrupt_req = false;
		th->why = DS_INTERRUPT;
		dbg_user_stop(d, th, true);
		return 0;
	}
	switch (ev->kind) {
	case TR_SIGNAL:
		return ev_signal(d, th, ev, flags, addr, dr6);
	case TR_SYSCALL_ENTER:
	case TR_SYSCALL_EXIT:
		return ev_syscall(d, th, ev);
	case TR_FORK:
		return ev_fork(d, th, ev);
	case TR_EXEC:
		return ev_exec(d, th, ev);
	default:
		return 0;
	}
}

int dbg_next(struct dbg *d, struct tr_event *ev)
{
	struct dthread *stepped = NULL;

	/* The runner did not resume the task of the last stop through
	 * dbg_resume(): resume the others now, or they would wait forever. */
	if (d->deferred) {
		struct dthread *th = d->deferred;

		d->deferred = NULL;
		if (resume_others(d, th, &stepped))
			dbg_user_stop(d, stepped, false);
	}
	if (kept_pop(d, &d->replay)) {
		*ev = d->replay.ev;
		d->replaying = true;
		return 0;
	}
	d->replaying = false;
	return tracer_next(d->tr, ev);
}

void dbg_interrupt(struct dbg *d)
{
	struct dthread *th;

	if (d->ended || d->stopped)
		return;
	for (th = d->threads; th; th = th->next) {
		if (!must_wait(th) || th->interrupting)
			continue;
		if (tracer_interrupt(d->tr, th->task) == 0)
			th->interrupting = true;
	}
	d->interrupt_req = true;
}

static const enum dstop why_stop[] = {
	[DBG_WHY_START] = DS_START,
	[DBG_WHY_SYSCALL] = DS_TRAP_SYSCALL,
	[DBG_WHY_SIGNAL] = DS_TRAP_SIGNAL,
	[DBG_WHY_ATTACH] = DS_ATTACH,
};

int dbg_stop(struct dbg *d, struct task *t, const struct dbg_why *why,
	     struct dbg_result *res)
{
	struct dthread *th = dbg_thread_by_task(d, t);
	enum dbg_action act;

	memset(res, 0, sizeof(*res));
	res->v = DBG_DEFAULT;
	if (why->kind == DBG_WHY_SIGNAL && why->si)
		res->sig = why->si->si_signo;
	if (d->ended)
		return 0;
	if (!th) {
		struct tr_event ev = { .kind = task_stop_kind(t), .task = t };

		th = track(d, &ev);
		if (!th)
			return -ENOMEM;
	}
	th->why = why_stop[why->kind];
	if (why->kind == DBG_WHY_SIGNAL) {
		th->resume_sig = res->sig;
		if (why->si) {
			th->si = *why->si;
			th->si_valid = true;
			th->last_sig = why->si->si_signo;
		}
	}
	d->why = why;
	d->res = res;
	d->stop_from_host = true;
	act = dbg_user_stop(d, th, true);
	d->stop_from_host = false;
	d->why = NULL;
	d->res = NULL;
	if (why->kind == DBG_WHY_SIGNAL && act == ACT_RESUME)
		res->sig = th->resume_sig;
	switch (act) {
	case ACT_KILL:
		res->v = DBG_KILL;
		break;
	case ACT_DETACH:
		res->v = DBG_DETACH;
		break;
	case ACT_QUIT:
		res->v = DBG_QUIT;
		break;
	default:
		break;
	}
	return 0;
}

int dbg_attach_pid(struct dbg *d, pid_t pid)
{
	int rc = tracer_attach(d->tr, pid);

	if (rc < 0)
		return rc;
	/* Their first stops: every thread of it, held like the others. */
	stop_all(d);
	return 0;
}

/* --- ending --- */

/* Stops that would hand a signal over at detach (our SIGTRAPs, signals
 * the user chose not to pass) are left running instead: the engine
 * detaches running tasks at their next stop, with no signal of ours. */
static void unsignal_for_detach(struct dbg *d)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next) {
		if (th->state != DT_STOPPED || !task_is_stopped(th->task) ||
		    task_stop_kind(th->task) != TR_SIGNAL)
			continue;
		tracer_resume(d->tr, th->task, TR_RESUME_CONT, th->resume_sig);
		th->state = DT_RUNNING;
	}
}

static void forget_all(struct dbg *d)
{
	while (d->threads)
		thread_free(d, d->threads);
	d->kept_len = d->kept_head = 0;
	d->deferred = NULL;
}

void dbg_end_session(struct dbg *d, enum dbg_action how)
{
	bool detach = how == ACT_DETACH ||
		      (how == ACT_QUIT && d->o.attached);
	struct dproc *p;

	d->action = how;
	if (how == ACT_QUIT)
		d->quitting = true;
	if (!dbg_has_process(d) || d->ended)
		return;
	for (p = d->procs; p; p = p->next) {
		if (how == ACT_KILL)
			dbg_printf(d, "[Inferior %d (process %d) killed]\n",
				   p->num, p->pid);
		else if (how == ACT_DETACH)
			dbg_printf(d, "[Inferior %d (process %d) detached]\n",
				   p->num, p->pid);
	}
	fflush(d->out);
	bp_remove_all(d);
	d->ended = true;
	d->stopped = false;
	term_restore_give(d);
	if (detach) {
		unsignal_for_detach(d);
		forget_all(d);
		if (d->host.terminate)
			d->host.terminate(d->host.host, true, "debugger detach");
		else
			tracer_detach_all(d->tr);
	} else {
		if (d->host.terminate)
			d->host.terminate(d->host.host, false,
					  how == ACT_KILL ? "debugger kill" :
							    "debugger quit");
		else
			tracer_kill_all(d->tr);
	}
}

bool dbg_user_ended(const struct dbg *d)
{
	return d->ended;
}

void dbg_finish(struct dbg *d)
{
	d->finished = true;
	d->stopped = false;
	forget_all(d);
	if (!d->active || d->quitting)
		return;
	d->action = ACT_NONE;
	cmd_loop(d);
	fflush(d->out);
}

int dbg_create(struct dbg **out, struct tracer *tr, const struct dbg_opts *o,
	       const struct dbg_host *h)
{
	struct dbg *d = calloc(1, sizeof(*d));

	if (!d)
		return -ENOMEM;
	d->tr = tr;
	d->o = *o;
	if (h)
		d->host = *h;
	d->out = o->out ? o->out : stdout;
	d->err = o->err ? o->err : stderr;
	d->next_bp = 1;
	d->next_display = 1;
	d->set.confirm = true;
	d->set.pagination = true;
	sig_handle_init(d);
	if (dbg_ctx_init(d) < 0) {
		free(d);
		return -ENOMEM;
	}
	*out = d;
	return 0;
}

void dbg_destroy(struct dbg *d)
{
	if (!d)
		return;
	forget_all(d);
	bp_free_all(d);
	cmd_free(d);
	dbg_ctx_free(d);
	free(d->kept);
	sb_free(&d->note);
	free(d);
}

int dbg_get_regs(struct dbg *d, struct dthread *th,
		 struct user_regs_struct *r)
{
	(void)d;
	if (!th || !th->task)
		return -ESRCH;
	return task_get_regs(th->task, r);
}

int dbg_set_regs(struct dbg *d, struct dthread *th,
		 const struct user_regs_struct *r)
{
	(void)d;
	if (!th || !th->task)
		return -ESRCH;
	return task_set_regs(th->task, r);
}

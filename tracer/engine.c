/* engine: the ptrace event loop, the task table and the stop/resume state.
 *
 * Every stop goes through tracer_next(): waitpid(-1, __WALL), find the task,
 * classify the stop, fix the table up (new tasks, exec's tid change, exits)
 * and hand one event to the client. A task reported stopped stays stopped
 * until the client resumes it. The kernel's odd orderings are absorbed
 * here, so clients see a consistent story:
 *  - a new task's first stop may come before its parent's fork event: the
 *    task's process is then found in /proc, and TR_TASK_START is reported
 *    first; the fork event names the child when it comes.
 *  - exec from a non-leader thread: the exec'ing thread takes the leader's
 *    tid and the old leader vanishes without an exit report; we synthesize
 *    its TR_EXITED and move the exec'ing task to the leader's tid.
 *  - ESRCH from any call on a task is normal: it was killed, and its exit
 *    will be reaped by waitpid.
 */
#include "tracer/tracer.h"
#include "tracer/task.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef PTRACE_EVENTMSG_SYSCALL_ENTRY
#define PTRACE_EVENTMSG_SYSCALL_ENTRY 1
#endif

/* Engine-private queue of synthesized events, reported before waiting. */
struct evq {
	struct tr_event *ev;
	size_t head, len, cap;
};

/* Wait statuses collected by a synchronous wait on one task (remote
 * syscalls) that belong to the main loop; classified there, in order. */
struct deferred {
	pid_t pid;
	int status;
};

/* wait_any()'s spin credits: one per stop kind, one per seccomp stop's
 * syscall number (modulo; a shared slot only blurs the estimate). */
#define SPIN_KEYS 64

struct tracer {
	struct tracer_opts o;
	unsigned long ptrace_opts;
	struct task_table tasks;
	struct evq q;
	struct deferred *dq;
	size_t ndq, capdq;
	struct task *grave;	/* reported exited, freed on the next call */
	bool killing;
	bool detaching;
	long spin_ns;		/* wait_any()'s bound */
	/* Whether spinning has been paying off (> 0), per kind of the stop
	 * last resumed (spin_key()): what comes after an openat's stop
	 * comes fast, what comes after an exec's stop does not. */
	signed char spin_credit[SPIN_KEYS];
	/* Spins in a row that came to nothing, per kind: each doubles the
	 * number of stops waited before the next try. */
	unsigned char spin_misses[SPIN_KEYS];
	unsigned spin_key;
	int loadavg_fd;		/* /proc/loadavg, or -1 */
	unsigned ncpus;		/* ours to run on */
	unsigned busy_checks;	/* spins left before the next look */
	bool busy;		/* other tasks want every other CPU */
};

static int evq_push(struct evq *q, const struct tr_event *ev)
{
	if (q->head + q->len == q->cap) {
		if (q->head) {
			memmove(q->ev, q->ev + q->head, q->len * sizeof(*q->ev));
			q->head = 0;
		} else {
			size_t cap = q->cap ? q->cap * 2 : 16;
			struct tr_event *n = realloc(q->ev, cap * sizeof(*n));

			if (!n)
				return -ENOMEM;
			q->ev = n;
			q->cap = cap;
		}
	}
	q->ev[q->head + q->len++] = *ev;
	return 0;
}

static bool evq_pop(struct evq *q, struct tr_event *ev)
{
	if (!q->len)
		return false;
	*ev = q->ev[q->head++];
	if (--q->len == 0)
		q->head = 0;
	return true;
}

int tracer_create(struct tracer **out, const struct tracer_opts *o)
{
	struct tracer *tr = calloc(1, sizeof(*tr));

	if (!tr)
		return -ENOMEM;
	tr->o = *o;
	tr->ptrace_opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
			  PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
			  PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP;
	if (o->exit_events)
		tr->ptrace_opts |= PTRACE_O_TRACEEXIT;
	if (o->exit_kill)
		tr->ptrace_opts |= PTRACE_O_EXITKILL;
	if (o->vfork_done)
		tr->ptrace_opts |= PTRACE_O_TRACEVFORKDONE;
	{
		const char *e = getenv("JAIL_SPIN_US");

		cpu_set_t cpus;

		/* 30 us: bench/RESULTS.md has the measurements. On one CPU
		 * the tracee cannot run while we spin: sleep at once. */
		tr->spin_ns = (e ? atol(e) : 30) * 1000L;
		tr->ncpus = sched_getaffinity(0, sizeof(cpus), &cpus) == 0 ?
			    (unsigned)CPU_COUNT(&cpus) : 1;
		if (!e && tr->ncpus < 2)
			tr->spin_ns = 0;
		tr->loadavg_fd = tr->spin_ns > 0 ?
			open("/proc/loadavg", O_RDONLY | O_CLOEXEC) : -1;
		memset(tr->spin_credit, 1, sizeof(tr->spin_credit));
	}
	if (task_table_init(&tr->tasks) < 0) {
		free(tr);
		return -ENOMEM;
	}
	*out = tr;
	return 0;
}

static void bury(struct tracer *tr)
{
	while (tr->grave) {
		struct task *t = tr->grave;

		tr->grave = t->gnext;
		task_free(&tr->tasks, t);
	}
}

void tracer_destroy(struct tracer *tr)
{
	if (!tr)
		return;
	bury(tr);
	if (tr->loadavg_fd >= 0)
		close(tr->loadavg_fd);
	task_table_destroy(&tr->tasks);
	free(tr->q.ev);
	free(tr->dq);
	free(tr);
}

/* The thread group of tid from /proc, for tasks whose creator we have not
 * heard from yet. -1 if the task is gone. */
static pid_t proc_status_field(pid_t tid, const char *field)
{
	char path[64], line[256];
	size_t flen = strlen(field);
	pid_t v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, field, flen) == 0 && line[flen] == ':') {
			v = (pid_t)atoi(line + flen + 1);
			break;
		}
	}
	fclose(f);
	return v;
}

int tracer_seize(struct tracer *tr, pid_t pid, struct task **out)
{
	struct task *t;

	if (ptrace(PTRACE_SEIZE, pid, 0L, tr->ptrace_opts) < 0)
		return -errno;
	t = task_new(&tr->tasks, pid, pid);
	if (!t)
		return -ENOMEM;
	t->state = TS_RUNNING;
	if (out)
		*out = t;
	return 0;
}

/* Seize every thread of pid, rescanning until no new thread appears
 * (threads made by a not-yet-seized thread are not auto-attached). */
int tracer_attach(struct tracer *tr, pid_t pid)
{
	char path[64];
	bool found_new = true;
	int rounds = 0, rc = 0, seized = 0;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	while (found_new && rounds++ < 100) {
		struct dirent *de;
		DIR *d = opendir(path);

		if (!d)
			return seized ? 0 : (errno == ENOENT ? -ESRCH : -errno);
		found_new = false;
		while ((de = readdir(d))) {
			pid_t tid = (pid_t)atoi(de->d_name);
			struct task *t;

			if (tid <= 0 || task_find(&tr->tasks, tid))
				continue;
			if (ptrace(PTRACE_SEIZE, tid, 0L, tr->ptrace_opts) < 0) {
				/* EPERM on a thread we already hold through
				 * auto-attach is harmless; on the first one it
				 * means we may not trace this process. */
				if (!seized && tid == pid) {
					rc = -errno;
					break;
				}
				continue;
			}
			t = task_new(&tr->tasks, tid, pid);
			if (!t) {
				rc = -ENOMEM;
				break;
			}
			t->state = TS_NEW;
			t->parent_pid = pid;
			t->proc->fdt_unknown = true;
			seized++;
			found_new = true;
			if (ptrace(PTRACE_INTERRUPT, tid, 0L, 0L) < 0 &&
			    errno != ESRCH) {
				rc = -errno;
				break;
			}
		}
		closedir(d);
		if (rc)
			return rc;
	}
	return seized ? 0 : -ESRCH;
}

int tracer_ntasks(const struct tracer *tr)
{
	return (int)tr->tasks.ntasks;
}

struct task *tracer_find(struct tracer *tr, pid_t tid)
{
	return task_find(&tr->tasks, tid);
}

int tracer_foreach(struct tracer *tr, int (*fn)(struct task *, void *),
		   void *arg)
{
	return task_foreach(&tr->tasks, fn, arg);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

/* Resume without telling the client: stops the engine absorbs. */
static void resume_quietly(struct tracer *tr, struct task *t)
{
	long req = tr->o.trace_all_syscalls ? PTRACE_SYSCALL : PTRACE_CONT;

	ptrace(req, t->tid, 0L, 0L);
	task_mark_running(t);
}

/* Which syscall made this fork event, and with which flags. The parent is
 * stopped inside fork/vfork/clone/clone3, so its registers still hold the
 * call. false when the flags could not be read. */
static bool fork_details(struct task *parent, int event, struct tr_event *ev)
{
	struct tr_syscall sc;

	ev->how = event == PTRACE_EVENT_VFORK ? TR_HOW_VFORK :
		  event == PTRACE_EVENT_FORK ? TR_HOW_FORK : TR_HOW_CLONE;
	ev->clone_flags = event == PTRACE_EVENT_VFORK ?
			  (CLONE_VM | CLONE_VFORK | SIGCHLD) : SIGCHLD;
	if (task_syscall_regs(parent, &sc) < 0)
		return false;
	if (sc.nr == 435) {	/* clone3: same number on both ABIs */
		uint64_t flags;

		ev->how = TR_HOW_CLONE3;
		if (task_read_mem(parent, sc.args[0], &flags, sizeof(flags)) !=
		    sizeof(flags))
			return false;
		ev->clone_flags = flags;
	} else if ((sc.abi == ABI_X86_64 && sc.nr == SYS_clone) ||
		   (sc.abi == ABI_I386 && sc.nr == 120)) {
		ev->how = TR_HOW_CLONE;
		ev->clone_flags = sc.args[0];
	}
	return true;
}

/* The parent's fork/vfork/clone event. The child may already be known
 * (its first stop came first). */
static int on_fork_event(struct tracer *tr, struct task *t, int event,
			 struct tr_event *ev)
{
	unsigned long msg = 0;
	struct task *c;
	bool known;

	ev->kind = TR_FORK;
	if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0L, &msg) < 0)
		return -errno;
	known = fork_details(t, event, ev);
	c = task_find(&tr->tasks, (pid_t)msg);
	if (!c) {
		bool thread = ev->clone_flags & CLONE_THREAD;

		c = task_new(&tr->tasks, (pid_t)msg,
			     thread ? t->proc->pid : (pid_t)msg);
		if (!c)
			return -ENOMEM;
		c->state = TS_NEW;
		c->parent_pid = t->proc->pid;
	}
	if (!known) {
		c->proc->fdt_unknown = t->proc->fdt_unknown = true;
	} else if (!(ev->clone_flags & CLONE_THREAD)) {
		c->proc->fdt_unknown = false;	/* a copy, or shared: */
		if (ev->clone_flags & CLONE_FILES)
			c->proc->fdt_shared = t->proc->fdt_shared = true;
	}
	ev->child = c;
	return 0;
}

/* A new task's first stop (PTRACE_EVENT_STOP). */
static int on_first_stop(struct tracer *tr, struct task *t, int sig,
			 struct tr_event *ev)
{
	ev->kind = TR_TASK_START;
	t->stop = TR_TASK_START;
	ev->parent_pid = t->parent_pid;
	ev->new_proc = t->proc->pid == t->tid && t->proc->ntasks == 1;
	/* Born into a group stop: resuming must keep it stopped. */
	t->listen_on_resume = is_stop_signal(sig);
	if (tr->killing)
		kill(t->tid, SIGKILL);
	return 0;
}

/* A stop from a tid the table does not know: a new task whose creator's
 * event has not arrived yet. Find its process in /proc. */
static struct task *adopt_unknown(struct tracer *tr, pid_t tid)
{
	pid_t tgid = proc_status_field(tid, "Tgid");
	pid_t ppid = proc_status_field(tid, "PPid");
	struct task *t;

	if (tgid <= 0)
		tgid = tid;
	t = task_new(&tr->tasks, tid, tgid);
	if (!t)
		return NULL;
	t->state = TS_NEW;
	t->parent_pid = tgid == tid ? ppid : tgid;
	if (tgid == tid)	/* a process: how it was made comes later */
		t->proc->fdt_unknown = true;
	return t;
}

/* Exec: the tid may have changed (exec from a non-leader thread). */
static int on_exec(struct tracer *tr, struct task *t, struct tr_event *ev)
{
	unsigned long msg = 0;
	pid_t old = t->tid;

	ev->kind = TR_EXEC;
	if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0L, &msg) == 0)
		old = (pid_t)msg;
	ev->old_tid = old;
	if (old != t->tid) {
		struct task *execer = task_find(&tr->tasks, old);

		if (execer && execer != t) {
			/* t is the vanished old leader; report it gone and
			 * let the exec'ing thread take its tid. */
			struct tr_event gone = { .kind = TR_EXITED,
						 .task = t, .status = 0 };
			task_unlink(&tr->tasks, t);
			t->state = TS_DEAD;
			t->gnext = tr->grave;
			tr->grave = t;
			evq_push(&tr->q, &gone);
			task_rekey(&tr->tasks, execer, t->tid);
			execer->state = TS_STOPPED;
			ev->task = execer;
			t = execer;
		}
	}
	task_after_exec(t);
	return 0;
}

/* Turn one wait status into an event. Returns 1 with *ev filled when the
 * client must see it, 0 when the engine absorbed the stop, -errno. */
static int classify(struct tracer *tr, pid_t pid, int status,
		    struct tr_event *ev)
{
	struct task *t = task_find(&tr->tasks, pid);
	bool was_new;
	int sig, event;

	memset(ev, 0, sizeof(*ev));
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (!t)
			return 0;	/* never reported started */
		task_unlink(&tr->tasks, t);
		t->state = TS_DEAD;
		t->gnext = tr->grave;
		tr->grave = t;
		ev->kind = TR_EXITED;
		ev->task = t;
		ev->status = status;
		return 1;
	}
	if (!WIFSTOPPED(status))
		return 0;	/* WIFCONTINUED: not asked for */
	if (!t) {
		t = adopt_unknown(tr, pid);
		if (!t)
			return -ENOMEM;
	}
	ev->task = t;
	was_new = t->state == TS_NEW;
	t->state = TS_STOPPED;
	task_invalidate(t);
	sig = WSTOPSIG(status);
	event = (unsigned)status >> 16;

	if (tr->detaching) {
		/* Let go at once, handing back a signal it was to receive. */
		int give = !event && sig != (SIGTRAP | 0x80) ? sig : 0;

		ptrace(PTRACE_DETACH, pid, 0L, (long)give);
		task_unlink(&tr->tasks, t);
		t->state = TS_DEAD;
		t->gnext = tr->grave;
		tr->grave = t;
		return 0;
	}

	/* Any other stop clears a pending PTRACE_INTERRUPT in the kernel:
	 * that stop is the one asked for. (A task attached with
	 * tracer_attach() may so start with another stop than its
	 * interrupt.) */
	if (event != PTRACE_EVENT_STOP)
		t->interrupt_req = false;

	switch (event) {
	case 0:
		break;
	case PTRACE_EVENT_STOP:
		if (was_new)
			return on_first_stop(tr, t, sig, ev), 1;
		if (is_stop_signal(sig)) {
			ev->kind = TR_GROUP_STOP;
			ev->sig = sig;
			t->stop = TR_GROUP_STOP;
			return 1;
		}
		if (t->interrupt_req) {
			t->interrupt_req = false;
			ev->kind = TR_INTERRUPT;
			t->stop = TR_INTERRUPT;
			return 1;
		}
		/* The end of a PTRACE_LISTEN (SIGCONT came): run on. */
		resume_quietly(tr, t);
		return 0;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE: {
		int rc = on_fork_event(tr, t, event, ev);

		t->stop = TR_FORK;
		if (rc == -ESRCH) {
			resume_quietly(tr, t);
			return 0;
		}
		return rc < 0 ? rc : 1;
	}
	case PTRACE_EVENT_EXEC:
		on_exec(tr, t, ev);
		ev->task->stop = TR_EXEC;
		return 1;
	case PTRACE_EVENT_EXIT: {
		unsigned long msg = 0;

		ptrace(PTRACE_GETEVENTMSG, pid, 0L, &msg);
		ev->kind = TR_EXITING;
		ev->status = (int)msg;
		t->stop = TR_EXITING;
		t->exiting = true;
		return 1;
	}
	case PTRACE_EVENT_SECCOMP:
		ev->kind = TR_SECCOMP;
		t->stop = TR_SECCOMP;
		return 1;
	case PTRACE_EVENT_VFORK_DONE:
		ev->kind = TR_VFORK_DONE;
		t->stop = TR_VFORK_DONE;
		return 1;
	default:
		resume_quietly(tr, t);
		return 0;
	}

	if (sig == (SIGTRAP | 0x80)) {
		struct tr_syscall sc;

		if (task_syscall(t, &sc) < 0)
			sc.is_exit = t->in_syscall;
		ev->kind = sc.is_exit ? TR_SYSCALL_EXIT : TR_SYSCALL_ENTER;
		t->in_syscall = !sc.is_exit;
		t->stop = ev->kind;
		return 1;
	}
	/* A signal-delivery-stop. */
	ev->kind = TR_SIGNAL;
	ev->sig = sig;
	t->stop = TR_SIGNAL;
	t->stop_sig = sig;
	if (ptrace(PTRACE_GETSIGINFO, pid, 0L, &ev->si) < 0) {
		if (errno == ESRCH)
			return 0;
		memset(&ev->si, 0, sizeof(ev->si));
		ev->si.si_signo = sig;
	}
	if (tr->killing && sig != SIGKILL) {
		kill(t->tid, SIGKILL);
	}
	return 1;
}

/* Whether tasks that can run want every CPU but ours (the runnable count
 * of /proc/loadavg counts us and the tracee just resumed): a spin would
 * then take a CPU from them. Looked at every few spins. */
static bool cpus_busy(struct tracer *tr)
{
	char buf[128];
	unsigned running;
	ssize_t n;
	char *s;

	if (tr->loadavg_fd < 0)
		return false;
	if (tr->busy_checks > 0) {
		tr->busy_checks--;
		return tr->busy;
	}
	tr->busy_checks = 8;
	n = pread(tr->loadavg_fd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return tr->busy = false;
	buf[n] = '\0';
	s = strchr(buf, '/');
	while (s && s > buf && s[-1] >= '0' && s[-1] <= '9')
		s--;
	running = s ? (unsigned)strtoul(s, NULL, 10) : 0;
	tr->busy = running > tr->ncpus;
	return tr->busy;
}

/* waitpid(-1), but first a short spin when stops have been coming fast:
 * a tracer that sleeps is woken by an interrupt from the tracee's CPU,
 * which on a VM costs tens of microseconds, several times the stop
 * itself. The spin is bounded, and it stops being tried when it does not
 * pay (the stops are slow to come), so a tracee that computes for long
 * does not cost a spinning CPU: on a VM a spinning CPU is taken from the
 * other (a fork+exec, whose exec and exit stops are slow to come, ran 6%
 * slower with a spin than without). Whether it pays is learnt per kind
 * of the stop last resumed: after an openat's seccomp stop the next stop
 * comes in microseconds, after an exec's it does not. JAIL_SPIN_US sets
 * the bound (0: off). */
static pid_t wait_any(struct tracer *tr, int *status)
{
	signed char *credit = &tr->spin_credit[tr->spin_key];
	unsigned char *misses = &tr->spin_misses[tr->spin_key];
	struct timespec t0, t;
	pid_t pid;
	long spent;

	if (tr->spin_ns > 0 && *credit > 0 && !cpus_busy(tr)) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (;;) {
			pid = waitpid(-1, status, __WALL | WNOHANG);
			if (pid != 0) {
				if (pid > 0 && *credit < 16)
					(*credit)++;
				*misses = 0;
				return pid;
			}
			clock_gettime(CLOCK_MONOTONIC, &t);
			spent = (t.tv_sec - t0.tv_sec) * 1000000000L +
				(t.tv_nsec - t0.tv_nsec);
			if (spent > tr->spin_ns)
				break;
		}
		/* A kind that pays keeps its credit for a miss now and then;
		 * one that does not is tried after 4, 8, ... 64 stops. */
		if (*credit > 4) {
			*credit -= 4;
		} else {
			if (*misses < 5)
				(*misses)++;
			*credit = (signed char)(1 - (2 << *misses));
		}
	} else if (tr->spin_ns > 0 && *credit < 1) {
		(*credit)++;	/* try spinning again, now and then */
	}
	return waitpid(-1, status, __WALL);
}

/* The spin credit slot of the stop t is resumed from. */
static unsigned spin_key(const struct task *t)
{
	if (t->stop == TR_SECCOMP && t->sci_valid &&
	    t->sci.op == PTRACE_SYSCALL_INFO_SECCOMP)
		return TR_INTERRUPT + 1 + (unsigned)(t->sci.seccomp.nr %
			(SPIN_KEYS - TR_INTERRUPT - 1));
	return (unsigned)t->stop;
}

int tracer_next(struct tracer *tr, struct tr_event *ev)
{
	bury(tr);
	for (;;) {
		int status, rc;
		pid_t pid;

		if (evq_pop(&tr->q, ev))
			return 0;
		if (tr->ndq) {
			pid = tr->dq[0].pid;
			status = tr->dq[0].status;
			memmove(tr->dq, tr->dq + 1, --tr->ndq * sizeof(*tr->dq));
		} else {
			pid = wait_any(tr, &status);
		}
		if (pid < 0) {
			if (errno == ECHILD)
				tr->killing = false;	/* all done */
			return -errno;
		}
		rc = classify(tr, pid, status, ev);
		if (rc < 0)
			return rc;
		if (rc > 0) {
			/* Queue behind anything classify() synthesized so
			 * the client sees events in causal order. */
			if (tr->q.len) {
				evq_push(&tr->q, ev);
				evq_pop(&tr->q, ev);
			}
			return 0;
		}
	}
}

int tracer_defer_status(struct tracer *tr, pid_t pid, int status)
{
	if (tr->ndq == tr->capdq) {
		size_t cap = tr->capdq ? tr->capdq * 2 : 8;
		struct deferred *n = realloc(tr->dq, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		tr->dq = n;
		tr->capdq = cap;
	}
	tr->dq[tr->ndq++] = (struct deferred){ pid, status };
	return 0;
}

int tracer_wait_task(struct tracer *tr, struct task *t, int *status)
{
	(void)tr;
	for (;;) {
		pid_t pid = waitpid(t->tid, status, __WALL);

		if (pid == t->tid)
			return 0;
		if (pid < 0 && errno != EINTR)
			return -errno;
	}
}

int tracer_resume(struct tracer *tr, struct task *t, enum tr_resume how,
		  int sig)
{
	long req;
	int rc;

	if (t->state == TS_DEAD)
		return -ESRCH;
	if (t->state != TS_STOPPED)
		return -EINVAL;
	rc = task_flush_regs(t);
	if (rc < 0 && rc != -ESRCH)
		return rc;
	if (t->stop != TR_SIGNAL)
		sig = 0;
	if (t->stop == TR_GROUP_STOP || t->listen_on_resume) {
		t->listen_on_resume = false;
		req = PTRACE_LISTEN;
	} else if (how == TR_RESUME_STEP) {
		req = PTRACE_SINGLESTEP;
	} else if (how == TR_RESUME_SYSCALL || tr->o.trace_all_syscalls) {
		req = PTRACE_SYSCALL;
	} else {
		req = PTRACE_CONT;
	}
	tr->spin_key = spin_key(t);
	task_mark_running(t);
	if (ptrace(req, t->tid, 0L, (long)sig) < 0 && errno != ESRCH)
		return -errno;
	return 0;
}

int tracer_interrupt(struct tracer *tr, struct task *t)
{
	(void)tr;
	if (t->state == TS_DEAD)
		return -ESRCH;
	t->interrupt_req = true;
	if (ptrace(PTRACE_INTERRUPT, t->tid, 0L, 0L) < 0)
		return -errno;
	return 0;
}

static int kill_one(struct task *t, void *arg)
{
	(void)arg;
	/* kill() on the thread group takes every thread down at once. */
	if (t->proc->pid == t->tid)
		kill(t->tid, SIGKILL);
	else
		syscall(SYS_tgkill, t->proc->pid, t->tid, SIGKILL);
	return 0;
}

void tracer_kill_all(struct tracer *tr)
{
	tr->killing = true;
	task_foreach(&tr->tasks, kill_one, NULL);
}

static int detach_one(struct task *t, void *arg)
{
	struct tracer *tr = arg;

	if (t->state == TS_STOPPED) {
		int sig = t->stop == TR_SIGNAL ? t->stop_sig : 0;

		task_flush_regs(t);
		ptrace(PTRACE_DETACH, t->tid, 0L, (long)sig);
		task_unlink(&tr->tasks, t);
		t->state = TS_DEAD;
		t->gnext = tr->grave;
		tr->grave = t;
	} else {
		ptrace(PTRACE_INTERRUPT, t->tid, 0L, 0L);
	}
	return 0;
}

int tracer_detach_all(struct tracer *tr)
{
	struct tr_event ev;

	tr->detaching = true;
	task_foreach(&tr->tasks, detach_one, tr);
	/* Running tasks were interrupted; classify() detaches each as its
	 * stop arrives. */
	while (tr->tasks.ntasks > 0) {
		int rc = tracer_next(tr, &ev);

		if (rc == -ECHILD)
			break;
		if (rc < 0 && rc != -EINTR)
			return rc;
	}
	bury(tr);
	return 0;
}

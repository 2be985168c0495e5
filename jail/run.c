/* run: the jail runner, the engine's first client.
 *
 * It launches (or attaches to) the program, then turns every engine event
 * into a decision and an audit record: one handler per event kind, in a
 * table. It owns the job-control dance with the terminal and jail's own
 * termination (SIGTERM/SIGHUP/SIGINT kill the tree, or detach in attach
 * mode).
 */
#include "jail/run.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jail/launch.h"
#include "jail/term.h"
#include "policy/builtin.h"
#include "tracer/audit.h"
#include "tracer/tracer.h"
#include "tracer/xlat.h"

/* Per-task runner state, hung on task_data(). */
struct rtask {
	char *exec_path;	/* read at exec's entry, for the exec record */
	char **exec_argv;
};

struct runner {
	struct tracer *tr;
	struct audit *audit;
	bool audit_failed;
	struct term term;
	bool attach;
	pid_t main_pid;
	bool main_done;
	int main_status;	/* wait status of the main process */
	bool job_stopped;	/* we stopped jail for the program's Ctrl-Z */
};

static volatile sig_atomic_t stop_sig;
static volatile pid_t prog_pgrp;

/* SIGTERM, SIGHUP, SIGINT, SIGQUIT to jail itself. Waking waitpid()
 * needs an event: killing the program's group makes one even if the
 * signal came just before waitpid() started. In attach mode the process
 * is not ours to kill; EINTR alone must do. */
static void on_stop_signal(int sig)
{
	int saved = errno;

	stop_sig = sig;
	if (prog_pgrp > 0)
		kill(-prog_pgrp, SIGKILL);
	errno = saved;
}

static void install_handlers(void)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
	struct sigaction sa = { .sa_handler = on_stop_signal };
	size_t i;

	/* No SA_RESTART: waitpid() must return EINTR. */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
		sigaction(sigs[i], &sa, NULL);
}

static struct rtask *rtask_of(struct task *t)
{
	struct rtask *rt = task_data(t);

	if (!rt) {
		rt = calloc(1, sizeof(*rt));
		task_set_data(t, rt);
	}
	return rt;
}

static void rtask_clear_exec(struct rtask *rt)
{
	free(rt->exec_path);
	decode_free_strv(rt->exec_argv);
	rt->exec_path = NULL;
	rt->exec_argv = NULL;
}

static void rtask_free(struct task *t)
{
	struct rtask *rt = task_data(t);

	if (!rt)
		return;
	rtask_clear_exec(rt);
	free(rt);
	task_set_data(t, NULL);
}

static void audit_rec_init(struct audit_rec *r, enum audit_kind k,
			   struct task *t)
{
	memset(r, 0, sizeof(*r));
	r->kind = k;
	r->pid = task_pid(t);
	r->tid = task_tid(t);
	r->comm = task_comm(t);
	r->exe = proc_exe(task_proc(t));
}

static void emit(struct runner *r, const struct audit_rec *rec)
{
	int rc;

	if (!r->audit)
		return;
	rc = audit_write(r->audit, rec);
	if (rc < 0 && !r->audit_failed) {
		r->audit_failed = true;
		fprintf(stderr, "jail: audit log: %s\n", strerror(-rc));
	}
}

/* A syscall the filter sent us (or, in attach mode, every syscall entry):
 * the built-in policy logs exec and allows everything. */
static int on_syscall(struct runner *r, struct tr_event *ev)
{
	struct task *t = ev->task;
	struct tr_syscall sc;
	const struct sc_ent *e;
	struct mem_reader mr;
	struct audit_rec rec;

	if (!r->audit || task_syscall(t, &sc) < 0)
		goto resume;
	if (r->attach && !builtin_audits(sc.abi, sc.nr))
		goto resume;
	e = systab_by_nr(sc.abi, sc.nr);
	mr = task_mem_reader(t);
	audit_rec_init(&rec, AUD_SYSCALL, t);
	rec.abi = sc.abi;
	rec.nr = sc.nr;
	rec.ent = e;
	memcpy(rec.args, sc.args, sizeof(rec.args));
	rec.mem = &mr;
	rec.action = "log";
	emit(r, &rec);
	if (e && (e->class & SC_EXEC)) {
		struct rtask *rt = rtask_of(t);
		bool trunc;
		int ai = strcmp(e->name, "execveat") == 0 ? 1 : 0;

		rtask_clear_exec(rt);
		if (rt) {
			rt->exec_path = decode_read_str(&mr, sc.args[ai],
							DECODE_STR_MAX, NULL,
							&trunc);
			rt->exec_argv = decode_read_strv(&mr, sc.args[ai + 1],
							 sc.abi,
							 DECODE_ARGV_MAX,
							 &trunc);
		}
	}
resume:
	return tracer_resume(r->tr, t, TR_RESUME_CONT, 0);
}

static int on_exec(struct runner *r, struct tr_event *ev)
{
	struct task *t = ev->task;
	struct rtask *rt = task_data(t);
	struct audit_rec rec;

	if (!r->audit)
		goto resume;
	audit_rec_init(&rec, AUD_EXEC, t);
	rec.path = rec.exe;
	rec.argv = rt ? rt->exec_argv : NULL;
	rec.old_tid = ev->old_tid;
	emit(r, &rec);
	if (rt)
		rtask_clear_exec(rt);
resume:
	return tracer_resume(r->tr, t, TR_RESUME_CONT, 0);
}

static int on_fork(struct runner *r, struct tr_event *ev)
{
	static const char *const how[] = {
		[TR_HOW_FORK] = "fork", [TR_HOW_VFORK] = "vfork",
		[TR_HOW_CLONE] = "clone", [TR_HOW_CLONE3] = "clone3",
	};
	struct audit_rec rec;

	if (!r->audit)
		goto resume;
	audit_rec_init(&rec, AUD_FORK, ev->task);
	rec.child = task_tid(ev->child);
	rec.how = how[ev->how];
	rec.clone_flags = ev->clone_flags;
	rec.thread = ev->clone_flags & CLONE_THREAD;
	emit(r, &rec);
resume:
	return tracer_resume(r->tr, ev->task, TR_RESUME_CONT, 0);
}

static int on_signal(struct runner *r, struct tr_event *ev)
{
	struct audit_rec rec;

	if (r->audit) {
		audit_rec_init(&rec, AUD_SIGNAL, ev->task);
		rec.si = &ev->si;
		rec.action = "deliver";
		emit(r, &rec);
	}
	return tracer_resume(r->tr, ev->task, TR_RESUME_CONT, ev->sig);
}

static int on_group_stop(struct runner *r, struct tr_event *ev)
{
	int rc = tracer_resume(r->tr, ev->task, TR_RESUME_CONT, 0);

	/* The program itself stopped (Ctrl-Z): let the shell see it. */
	if (task_pid(ev->task) == r->main_pid && term_active(&r->term) &&
	    !r->job_stopped) {
		r->job_stopped = true;
		term_job_stopped(&r->term, ev->sig);
		r->job_stopped = false;
	}
	return rc;
}

static int on_exited(struct runner *r, struct tr_event *ev)
{
	struct task *t = ev->task;
	struct audit_rec rec;
	int st = ev->status;

	if (r->audit) {
		audit_rec_init(&rec, AUD_EXIT, t);
		rec.signaled = WIFSIGNALED(st);
		rec.exit_status = WIFEXITED(st) ? WEXITSTATUS(st) : 0;
		rec.term_signal = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
		rec.core_dumped = WIFSIGNALED(st) && WCOREDUMP(st);
		emit(r, &rec);
	}
	if (task_tid(t) == r->main_pid) {
		r->main_done = true;
		r->main_status = st;
	}
	rtask_free(t);
	return 0;
}

/* Stops that need nothing but a resume. */
static int on_resume(struct runner *r, struct tr_event *ev)
{
	return tracer_resume(r->tr, ev->task, TR_RESUME_CONT, 0);
}

static int (*const handlers[])(struct runner *, struct tr_event *) = {
	[TR_SECCOMP] = on_syscall,
	[TR_SYSCALL_ENTER] = on_syscall,
	[TR_SYSCALL_EXIT] = on_resume,
	[TR_SIGNAL] = on_signal,
	[TR_GROUP_STOP] = on_group_stop,
	[TR_FORK] = on_fork,
	[TR_VFORK_DONE] = on_resume,
	[TR_TASK_START] = on_resume,
	[TR_EXEC] = on_exec,
	[TR_EXITING] = on_resume,
	[TR_EXITED] = on_exited,
	[TR_INTERRUPT] = on_resume,
};

/* jail was told to stop: kill the tree (launch) or let it go (attach),
 * with an audit record saying why. */
static void shutdown_tree(struct runner *r, int sig)
{
	struct audit_rec rec;
	char why[64];

	memset(&rec, 0, sizeof(rec));
	rec.kind = r->attach ? AUD_DETACH : AUD_KILL;
	rec.pid = rec.tid = r->main_pid;
	snprintf(why, sizeof(why), "jail received %s", signal_name(sig));
	rec.reason = why;
	emit(r, &rec);
	if (r->attach)
		tracer_detach_all(r->tr);
	else
		tracer_kill_all(r->tr);
}

static int event_loop(struct runner *r)
{
	struct tr_event ev;
	bool shutting = false;

	for (;;) {
		int rc;

		if (stop_sig && !shutting) {
			shutting = true;
			shutdown_tree(r, stop_sig);
		}
		rc = tracer_next(r->tr, &ev);
		if (rc == -ECHILD)
			return 0;
		if (rc == -EINTR)
			continue;
		if (rc < 0)
			return rc;
		rc = handlers[ev.kind](r, &ev);
		if (rc < 0 && rc != -ESRCH)
			fprintf(stderr, "jail: task %d: %s\n", task_tid(ev.task),
				strerror(-rc));
	}
}

/* The shell's convention for a program killed by a signal. */
static int exit_code(const struct runner *r)
{
	int st = r->main_status, sig;

	if (stop_sig && !r->attach)
		return 128 + stop_sig;
	if (!r->main_done)
		return r->attach ? 0 : JAIL_EXIT_ERROR;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	sig = WTERMSIG(st);
	/* Like a shell: Ctrl-C and a closed pipe are not news. */
	if (sig != SIGINT && sig != SIGPIPE)
		fprintf(stderr, "jail: program killed by %s%s\n",
			signal_name(sig), WCOREDUMP(st) ? " (core dumped)" : "");
	return 128 + sig;
}

static int runner_open(struct runner *r, const struct cli *c, bool attach)
{
	struct tracer_opts o = {
		.trace_all_syscalls = attach,
		.exit_kill = !attach,
	};
	int rc;

	memset(r, 0, sizeof(*r));
	r->attach = attach;
	term_init(&r->term);
	if (c->audit_path) {
		rc = audit_open(&r->audit, c->audit_path, c->audit_fmt);
		if (rc < 0) {
			fprintf(stderr, "jail: %s: %s\n", c->audit_path,
				strerror(-rc));
			return rc;
		}
	}
	rc = tracer_create(&r->tr, &o);
	if (rc < 0)
		fprintf(stderr, "jail: %s\n", strerror(-rc));
	return rc;
}

static void runner_close(struct runner *r)
{
	tracer_destroy(r->tr);
	audit_close(r->audit);
}

int run_launch(const struct cli *c)
{
	struct strbuf msg = STRBUF_INIT;
	struct jail_bpf filter = { 0 };
	struct launch l = { .argv = c->argv, .tty_fd = -1 };
	struct runner r;
	int rc, code = JAIL_EXIT_ERROR, err;

	if (runner_open(&r, c, false) < 0)
		goto out;
	rc = builtin_filter(&filter);
	if (rc < 0) {
		fprintf(stderr, "jail: cannot build the seccomp filter: %s\n",
			strerror(-rc));
		goto out;
	}
	install_handlers();
	l.filter = &filter;
	l.own_pgrp = true;
	l.tty_fd = r.term.fd;
	rc = launch_start(r.tr, &l, &msg);
	if (rc < 0) {
		fprintf(stderr, "jail: %s\n", sb_str(&msg));
		code = rc == -ENOENT ? JAIL_EXIT_NOT_FOUND :
		       rc == -EACCES || rc == -EISDIR ? JAIL_EXIT_CANNOT_EXEC :
		       JAIL_EXIT_ERROR;
		goto out;
	}
	r.main_pid = l.pid;
	prog_pgrp = l.pid;
	if (term_active(&r.term))
		r.term.prog_pgrp = l.pid;
	rc = event_loop(&r);
	prog_pgrp = 0;
	term_take(&r.term);
	if (rc < 0)
		fprintf(stderr, "jail: %s\n", strerror(-rc));
	err = launch_exec_error(&l);
	if (err) {
		fprintf(stderr, "jail: %s: %s\n", c->argv[0], strerror(err));
		code = err == ENOENT ? JAIL_EXIT_NOT_FOUND :
					JAIL_EXIT_CANNOT_EXEC;
	} else {
		code = exit_code(&r);
	}
out:
	bpf_free(&filter);
	sb_free(&msg);
	runner_close(&r);
	return code;
}

int run_attach(const struct cli *c)
{
	struct runner r;
	struct audit_rec rec;
	int rc, code = JAIL_EXIT_ERROR;

	if (runner_open(&r, c, true) < 0)
		goto out;
	install_handlers();
	rc = tracer_attach(r.tr, c->attach_pid);
	if (rc < 0) {
		fprintf(stderr, "jail: cannot attach to %d: %s\n",
			c->attach_pid,
			rc == -ESRCH ? "no such process" : strerror(-rc));
		goto out;
	}
	r.main_pid = c->attach_pid;
	memset(&rec, 0, sizeof(rec));
	rec.kind = AUD_ATTACH;
	rec.pid = rec.tid = c->attach_pid;
	emit(&r, &rec);
	rc = event_loop(&r);
	if (rc < 0)
		fprintf(stderr, "jail: %s\n", strerror(-rc));
	code = exit_code(&r);
out:
	runner_close(&r);
	return code;
}

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
#include <sys/personality.h>
#include <sys/syscall.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "debugger/debugger.h"
#include "jail/enforce.h"
#include "jail/harden.h"
#include "jail/launch.h"
#include "jail/scratch.h"
#include "jail/term.h"
#include "policy/baseline.h"
#include "policy/builtin.h"
#include "policy/policy.h"
#include "tracer/audit.h"
#include "tracer/pathres.h"
#include "tracer/tracer.h"
#include "tracer/xlat.h"

/* Per-task runner state, hung on task_data(). */
struct rtask {
	char *exec_path;	/* read at exec's entry, for the exec record */
	char **exec_argv;
	struct post_check post;	/* to check at the exit stop or exec */
};

struct runner {
	struct tracer *tr;
	struct audit *audit;
	bool audit_failed;
	struct policy *pol;	/* NULL: the built-in policy */
	struct policy *base;	/* the hardening baseline for pol */
	struct enforcer *enf;
	enum on_trap on_trap;
	bool killed_by_policy;
	struct dbg *dbg;	/* the debugger, when one can open */
	bool dbg_started;	/* -g: the first stop was made */
	bool want_start;	/* -g: stop at the start (or at attach) */
	struct term term;
	bool attach;
	pid_t main_pid;
	bool main_done;
	int main_status;	/* wait status of the main process */
	bool job_stopped;	/* we stopped jail for the program's Ctrl-Z */
	bool fast_opens;	/* jail/scratch.h; the filter must agree */
};

static volatile sig_atomic_t stop_sig;
static volatile sig_atomic_t interrupt_req;	/* Ctrl-C for the debugger */
static volatile sig_atomic_t debugging;
static volatile pid_t prog_pgrp;

/* SIGTERM, SIGHUP, SIGINT, SIGQUIT to jail itself. Waking waitpid()
 * needs an event: killing the program's group makes one even if the
 * signal came just before waitpid() started. In attach mode the process
 * is not ours to kill; EINTR alone must do. */
static void on_stop_signal(int sig)
{
	int saved = errno;

	/* Under the debugger Ctrl-C interrupts the program, as in gdb. */
	if (sig == SIGINT && debugging) {
		interrupt_req = 1;
		errno = saved;
		return;
	}
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

/* Every resume goes through the debugger when there is one: it steps
 * over breakpoints and resumes the other threads after a stop. */
static int resume(struct runner *r, struct task *t, enum tr_resume how,
		  int sig)
{
	if (r->dbg)
		return dbg_resume(r->dbg, t, how, sig);
	return tracer_resume(r->tr, t, how, sig);
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

/* Remember exec's path and argv for the exec record that follows. */
static void note_exec(struct task *t, const struct sc_ent *e,
		      const struct tr_syscall *sc, const struct mem_reader *mr)
{
	struct rtask *rt = rtask_of(t);
	int ai = strcmp(e->name, "execveat") == 0 ? 1 : 0;
	bool trunc;

	if (!rt)
		return;
	rtask_clear_exec(rt);
	rt->exec_path = decode_read_str(mr, sc->args[ai], DECODE_STR_MAX, NULL,
					&trunc);
	rt->exec_argv = decode_read_strv(mr, sc->args[ai + 1], sc->abi,
					 DECODE_ARGV_MAX, &trunc);
}

static void audit_syscall(struct runner *r, struct task *t,
			  const struct tr_syscall *sc, const char *action,
			  const struct policy_decision *d, bool has_ret,
			  long ret)
{
	struct mem_reader mr = task_mem_reader(t);
	struct audit_rec rec;

	if (!r->audit)
		return;
	audit_rec_init(&rec, AUD_SYSCALL, t);
	rec.abi = sc->abi;
	rec.nr = sc->nr;
	rec.ent = systab_by_nr(sc->abi, sc->nr);
	memcpy(rec.args, sc->args, sizeof(rec.args));
	rec.mem = &mr;
	rec.action = action;
	if (d) {
		rec.rule = d->origin ? d->origin : "default";
		rec.tip = d->tip[0] ? d->tip : NULL;
	}
	rec.has_ret = has_ret;
	rec.ret = ret;
	emit(r, &rec);
}

/* A kill rule fired: say which, on stderr and in the log, and end the
 * tree. */
static void policy_kill(struct runner *r, struct task *t, const char *what,
			const char *origin)
{
	struct audit_rec rec;
	char why[256];

	fprintf(stderr, "jail: killed by %s: %s\n",
		origin ? origin : "default", what);
	if (r->audit) {
		snprintf(why, sizeof(why), "killed by %s",
			 origin ? origin : "default");
		audit_rec_init(&rec, AUD_KILL, t);
		rec.reason = why;
		emit(r, &rec);
	}
	r->killed_by_policy = true;
	tracer_kill_all(r->tr);
}

/* What a trap decision becomes while no debugger can open. */
static enum policy_action trap_fallback(const struct runner *r)
{
	static const enum policy_action map[] = {
		[ON_TRAP_DENY] = POLICY_DENY,
		[ON_TRAP_KILL] = POLICY_KILL,
		[ON_TRAP_ALLOW] = POLICY_ALLOW,
	};

	return map[r->on_trap];
}

/* Pseudo-actions of trap_to_debugger(), beyond the policy's own. */
enum { TRAPPED_DONE = POLICY_KILL + 1, TRAPPED_GONE };

/* A trap rule fired on a syscall: open the debugger on the thread, or
 * fall back to --on-trap without one. Returns the action to apply, or
 * TRAPPED_DONE (the debugger's verdict is applied already), TRAPPED_GONE
 * (the tree is being killed or let go). */
static int trap_to_debugger(struct runner *r, struct task *t,
			    const char *origin, struct policy_decision *d)
{
	struct dbg_why why = { .kind = DBG_WHY_SYSCALL, .rule = origin };
	struct dbg_result res = { 0 };

	if (!r->dbg)
		return trap_fallback(r);
	dbg_stop(r->dbg, t, &why, &res);
	switch (res.v) {
	case DBG_ALLOW:
		return POLICY_ALLOW;
	case DBG_DENY:
		task_skip_syscall(t, -res.value);
		return TRAPPED_DONE;
	case DBG_RETURN:
		task_skip_syscall(t, res.value);
		return TRAPPED_DONE;
	case DBG_KILL:
	case DBG_QUIT:
	case DBG_DETACH:
		return TRAPPED_GONE;
	default:
		/* `continue`: what the rule does without a debugger. */
		d->err = 0;
		return trap_fallback(r);
	}
}

/* The built-in policy: allow everything, log exec. */
static void builtin_syscall(struct runner *r, struct task *t,
			    const struct tr_syscall *sc)
{
	const struct sc_ent *e = systab_by_nr(sc->abi, sc->nr);
	struct mem_reader mr = task_mem_reader(t);

	if (!r->audit || (r->attach && !builtin_audits(sc->abi, sc->nr)))
		return;
	audit_syscall(r, t, sc, "log", NULL, false, 0);
	if (e && (e->class & SC_EXEC))
		note_exec(t, e, sc, &mr);
}

/* A syscall the filter sent us (or, in attach mode, every syscall entry):
 * decide it by the policy (or the built-in one), audit, apply. A failure
 * to look (unreadable memory, a vanished file) fails the call: closed. */
static int on_syscall(struct runner *r, struct tr_event *ev)
{
	struct task *t = ev->task;
	struct enforce_result er;
	struct tr_syscall sc;
	const struct sc_ent *e;
	struct mem_reader mr;
	int act;	/* enum policy_action, or a TRAPPED_* */
	enum tr_resume how = TR_RESUME_CONT;
	long err;
	int rc;

	if (task_syscall(t, &sc) < 0)
		goto resume;
	if (!r->pol) {
		builtin_syscall(r, t, &sc);
		goto resume;
	}
	e = systab_by_nr(sc.abi, sc.nr);
	mr = task_mem_reader(t);
	rc = enforce_syscall(r->enf, t, &sc, &er);
	if (rc < 0) {
		task_skip_syscall(t, rc == -ESRCH ? -EPERM : rc);
		goto resume;
	}
	act = er.d.action;
	if (act == POLICY_TRAP) {
		audit_syscall(r, t, &sc, "trap", &er.d, false, 0);
		act = trap_to_debugger(r, t, er.d.origin, &er.d);
		if (act == TRAPPED_GONE) {
			enforce_result_free(&er);
			return 0;	/* killed, quit or detached: hands off */
		}
		if (act == TRAPPED_DONE)
			goto done;
	}
	err = -(long)(er.d.err ? er.d.err : EPERM);
	switch (act) {
	case POLICY_ALLOW:
	case POLICY_LOG:
		if (er.d.action == POLICY_LOG)
			audit_syscall(r, t, &sc, "log", &er.d, false, 0);
		if (e && (e->class & SC_EXEC) && r->audit)
			note_exec(t, e, &sc, &mr);
		rc = enforce_apply(r->enf, t, &sc, &er);
		if (rc < 0) {
			task_skip_syscall(t, rc);
		} else if (er.post.kind != POST_NONE || er.post.restore) {
			struct rtask *rt = rtask_of(t);

			if (rt)
				rt->post = er.post;
			/* exec is checked at its event; the rest at the
			 * call's exit stop */
			if (er.post.kind != POST_EXEC || er.post.restore)
				how = TR_RESUME_SYSCALL;
		}
		break;
	case POLICY_DENY:
		if (er.d.action != POLICY_TRAP)
			audit_syscall(r, t, &sc, "deny", &er.d, true, err);
		task_skip_syscall(t, err);
		break;
	case POLICY_KILL:
	default: {
		struct strbuf call = STRBUF_INIT;

		if (er.d.action != POLICY_TRAP)
			audit_syscall(r, t, &sc, "kill", &er.d, false, 0);
		decode_syscall(&call, DECODE_TEXT, e, sc.nr, sc.args, &mr);
		policy_kill(r, t, sb_str(&call), er.d.origin);
		sb_free(&call);
		task_skip_syscall(t, -EPERM);
		break;
	}
	}
done:
	enforce_result_free(&er);
resume:
	return resume(r, t, how, 0);
}

/* A check that had to wait for the call to happen failed: the program
 * holds a file it was not allowed. */
static void post_check(struct runner *r, struct task *t, long ret)
{
	struct rtask *rt = task_data(t);
	int rc;

	if (!rt || (rt->post.kind == POST_NONE && !rt->post.restore))
		return;
	/* An exec event ends the call differently: no exit stop, nothing
	 * of the old program to restore. And an exec that reaches its exit
	 * stop failed: nothing ran, nothing to check. */
	if (ret == POST_AT_EXEC)
		rt->post.restore = false;
	else if (rt->post.kind == POST_EXEC)
		rt->post.kind = POST_NONE;
	rc = enforce_post_check(t, &rt->post, ret);
	rt->post.kind = POST_NONE;
	rt->post.restore = false;
	if (rc < 0 && rc != -ESRCH)
		policy_kill(r, t, "a checked file was swapped before the "
			    "kernel used it", "baseline");
}

static int on_syscall_exit(struct runner *r, struct tr_event *ev)
{
	struct tr_syscall sc;

	if (task_syscall(ev->task, &sc) == 0)
		post_check(r, ev->task, sc.ret);
	return resume(r, ev->task, TR_RESUME_CONT, 0);
}

/* A new address space, or one jail just attached to: give it the
 * scratch area, or end the tree (nothing could be checked safely). */
static void map_scratch(struct runner *r, struct task *t)
{
	int rc;

	if (!enforce_uses_scratch(r->enf))
		return;
	rc = scratch_map(r->tr, t);
	if (rc < 0 && rc != -ESRCH) {
		char what[96];

		snprintf(what, sizeof(what), "cannot map the scratch area in "
			 "process %d: %s", task_pid(t), strerror(-rc));
		policy_kill(r, t, what, "baseline");
	}
}

static int on_task_start(struct runner *r, struct tr_event *ev)
{
	if (r->dbg && r->want_start && r->attach && !r->dbg_started &&
	    task_tid(ev->task) == r->main_pid) {
		struct dbg_why why = { .kind = DBG_WHY_ATTACH };
		struct dbg_result res = { 0 };

		if (r->enf)
			scratch_task_start(r->tr, ev->task, ev->parent_pid,
					   ev->new_proc);
		if (r->enf && ev->new_proc)
			map_scratch(r, ev->task);
		r->dbg_started = true;
		dbg_stop(r->dbg, ev->task, &why, &res);
		if (res.v >= DBG_KILL)
			return 0;
		return resume(r, ev->task, TR_RESUME_CONT, 0);
	}
	if (r->enf) {
		scratch_task_start(r->tr, ev->task, ev->parent_pid,
				   ev->new_proc);
		/* A process jail attached to (its own "parent"); children it
		 * makes later inherit the area. */
		if (r->attach && ev->new_proc &&
		    ev->parent_pid == task_pid(ev->task))
			map_scratch(r, ev->task);
	}
	return resume(r, ev->task, TR_RESUME_CONT, 0);
}

static int on_exec(struct runner *r, struct tr_event *ev)
{
	struct task *t = ev->task;
	struct rtask *rt = task_data(t);
	struct audit_rec rec;

	post_check(r, t, POST_AT_EXEC);
	if (!r->killed_by_policy)
		map_scratch(r, t);

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
	if (r->dbg && r->want_start && !r->dbg_started &&
	    task_pid(t) == r->main_pid) {
		struct dbg_why why = { .kind = DBG_WHY_START };
		struct dbg_result res = { 0 };

		r->dbg_started = true;
		dbg_stop(r->dbg, t, &why, &res);
		if (res.v >= DBG_KILL)
			return 0;
	}
	return resume(r, t, TR_RESUME_CONT, 0);
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
	return resume(r, ev->task, TR_RESUME_CONT, 0);
}

/* A signal about to be delivered: the policy's signal rules decide. */
static int on_signal(struct runner *r, struct tr_event *ev)
{
	static const char *const what[] = {
		[POLICY_ALLOW] = "deliver", [POLICY_LOG] = "deliver",
		[POLICY_DENY] = "suppress", [POLICY_KILL] = "kill",
		[POLICY_TRAP] = "trap",
	};
	struct policy_decision d = { .action = POLICY_ALLOW };
	enum policy_action act;
	struct audit_rec rec;
	int sig = ev->sig;

	if (r->pol)
		policy_eval_signal(r->pol, ev->sig, &d);
	act = d.action;
	if (act == POLICY_TRAP && r->dbg) {
		struct dbg_why why = { .kind = DBG_WHY_SIGNAL,
				       .rule = d.origin, .si = &ev->si };
		struct dbg_result res = { 0 };

		dbg_stop(r->dbg, ev->task, &why, &res);
		if (res.v >= DBG_KILL)
			return 0;
		return resume(r, ev->task, TR_RESUME_CONT, res.sig);
	}
	if (act == POLICY_TRAP)
		act = trap_fallback(r);
	if (r->audit) {
		audit_rec_init(&rec, AUD_SIGNAL, ev->task);
		rec.si = &ev->si;
		rec.action = what[act];
		rec.rule = r->pol ? (d.origin ? d.origin : "default") : NULL;
		emit(r, &rec);
	}
	if (act == POLICY_DENY)
		sig = 0;
	if (act == POLICY_KILL) {
		char desc[64];

		snprintf(desc, sizeof(desc), "signal %s", signal_name(ev->sig));
		policy_kill(r, ev->task, desc, d.origin);
	}
	return resume(r, ev->task, TR_RESUME_CONT, sig);
}


static int on_group_stop(struct runner *r, struct tr_event *ev)
{
	int rc = resume(r, ev->task, TR_RESUME_CONT, 0);

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
	if (r->enf) {
		scratch_task_exit(t);
		/* The leader is reaped last; after an exec from another
		 * thread the process lives on under the same pid. */
		if (task_tid(t) == task_pid(t) &&
		    !tracer_find(r->tr, task_pid(t)))
			scratch_proc_exit(t);
	}
	rtask_free(t);
	return 0;
}

/* Stops that need nothing but a resume. */
static int on_resume(struct runner *r, struct tr_event *ev)
{
	return resume(r, ev->task, TR_RESUME_CONT, 0);
}

static int (*const handlers[])(struct runner *, struct tr_event *) = {
	[TR_SECCOMP] = on_syscall,
	[TR_SYSCALL_ENTER] = on_syscall,
	[TR_SYSCALL_EXIT] = on_syscall_exit,
	[TR_SIGNAL] = on_signal,
	[TR_GROUP_STOP] = on_group_stop,
	[TR_FORK] = on_fork,
	[TR_VFORK_DONE] = on_resume,
	[TR_TASK_START] = on_task_start,
	[TR_EXEC] = on_exec,
	[TR_EXITING] = on_resume,
	[TR_EXITED] = on_exited,
	[TR_INTERRUPT] = on_resume,
};

static int dbg_handle(void *host, struct tr_event *ev)
{
	struct runner *r = host;

	return handlers[ev->kind](r, ev);
}

/* The user ended the session from the debugger. */
static void dbg_terminate(void *host, bool detach, const char *why)
{
	struct runner *r = host;
	struct audit_rec rec;

	memset(&rec, 0, sizeof(rec));
	rec.kind = detach ? AUD_DETACH : AUD_KILL;
	rec.pid = rec.tid = r->main_pid;
	rec.reason = why;
	emit(r, &rec);
	if (detach)
		tracer_detach_all(r->tr);
	else
		tracer_kill_all(r->tr);
}

/* The debugger opens for -g, or for trap rules when there is a terminal
 * to talk on (otherwise --on-trap decides). */
static bool may_debug(const struct cli *c, const struct runner *r)
{
	return c->debug || (r->pol && policy_has_trap(r->pol) && isatty(0));
}

static int open_debugger(struct runner *r, const struct cli *c)
{
	struct dbg_opts o = {
		.script = c->script,
		.batch = c->batch,
		.nx = c->nx,
		.interactive = true,
		.attached = r->attach,
		.trace_all = r->attach,
		.term = &r->term,
		.main_pid = r->main_pid,
	};
	struct dbg_host h = { .handle = dbg_handle,
			      .terminate = dbg_terminate, .host = r };
	int rc;

	if (!may_debug(c, r))
		return 0;
	r->want_start = c->debug;
	rc = dbg_create(&r->dbg, r->tr, &o, &h);
	if (rc < 0)
		fprintf(stderr, "jail: cannot start the debugger: %s\n",
			strerror(-rc));
	debugging = r->dbg != NULL;
	return rc;
}

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
		/* A Ctrl-C that came outside waitpid() (no EINTR for it). */
		if (interrupt_req && r->dbg) {
			interrupt_req = 0;
			dbg_interrupt(r->dbg);
		}
		rc = r->dbg ? dbg_next(r->dbg, &ev) : tracer_next(r->tr, &ev);
		if (rc == -ECHILD)
			return 0;
		if (rc == -EINTR) {
			if (interrupt_req && r->dbg) {
				interrupt_req = 0;
				dbg_interrupt(r->dbg);
			}
			continue;
		}
		if (rc < 0)
			return rc;
		if (r->dbg && dbg_event(r->dbg, &ev))
			continue;
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

	if (r->killed_by_policy)
		return JAIL_EXIT_KILLED;
	/* The user killed or quit from the debugger: as gdb, no news. */
	if (r->dbg && dbg_user_ended(r->dbg))
		return 0;
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

/* Load -p with the -D variables; errors are printed as file:line:col. */
static int load_policy(const struct cli *c, struct policy **out)
{
	struct policy_var vars[CLI_MAX_DEFINES];
	struct policy_vars pv = { .v = vars, .n = c->ndefines };
	struct strbuf err = STRBUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < c->ndefines; i++)
		vars[i] = (struct policy_var){ c->defines[i].name,
					       c->defines[i].value };
	rc = policy_load(c->policy_path, &pv, out, &err);
	if (rc < 0) {
		if (err.len)
			fprintf(stderr, "%s%s", sb_str(&err),
				err.buf[err.len - 1] == '\n' ? "" : "\n");
		else
			fprintf(stderr, "jail: %s: %s\n", c->policy_path,
				strerror(-rc));
	}
	sb_free(&err);
	return rc;
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
	r->on_trap = c->on_trap;
	term_init(&r->term);
	if (c->policy_path) {
		struct strbuf err = STRBUF_INIT;

		rc = load_policy(c, &r->pol);
		if (rc < 0)
			return rc;
		rc = baseline_load(r->pol, &r->base, &err);
		if (rc < 0)
			fprintf(stderr, "jail: baseline: %s", sb_str(&err));
		sb_free(&err);
		if (rc < 0)
			return rc;
	}
	if (c->audit_path) {
		rc = audit_open(&r->audit, c->audit_path, c->audit_fmt);
		if (rc < 0) {
			fprintf(stderr, "jail: %s: %s\n", c->audit_path,
				strerror(-rc));
			return rc;
		}
	}
	/* Stops only the debugger wants (one per exiting task, one per
	 * vfork), when it may open: see open_debugger(). */
	o.exit_events = o.vfork_done = may_debug(c, r);
	rc = tracer_create(&r->tr, &o);
	if (rc < 0) {
		fprintf(stderr, "jail: %s\n", strerror(-rc));
		return rc;
	}
	if (r->pol) {
		/* The launched tree has jail's root and mount namespace,
		 * and keeps them unless the policy gives it the means. */
		bool fixed = !attach && !policy_may_change_root(r->pol);

		pathres_fixed_view(fixed);
		/* Fast opens reuse checked paths across the tree: only where
		 * every task sees the same files by the same names. Not
		 * under a debugger, whose users would step into the
		 * trampoline. */
		r->fast_opens = fixed && !may_debug(c, r) &&
				policy_has_fs_rules(r->pol) &&
				!getenv("JAIL_NO_FAST_OPENS");
		scratch_fast_opens(r->fast_opens);
		rc = enforce_create(&r->enf, r->pol, r->base, r->tr);
		if (rc < 0)
			fprintf(stderr, "jail: %s\n", strerror(-rc));
		else
			enforce_fast_opens(r->enf, r->fast_opens);
	}
	return rc;
}

static void runner_close(struct runner *r)
{
	dbg_destroy(r->dbg);
	debugging = 0;
	enforce_destroy(r->enf);
	tracer_destroy(r->tr);
	audit_close(r->audit);
	policy_free(r->pol);
	policy_free(r->base);
}

int run_launch(const struct cli *c)
{
	struct strbuf msg = STRBUF_INIT;
	struct jail_bpf filter = { 0 }, base = { 0 };
	struct launch l = { .argv = c->argv, .tty_fd = -1 };
	struct runner r;
	int rc, code = JAIL_EXIT_ERROR, err;

	rc = runner_open(&r, c, false);
	if (rc < 0) {
		if (!r.pol && c->policy_path)
			code = JAIL_EXIT_POLICY;
		goto out;
	}
	if (r.pol) {
		/* With an audit log every denial must be written, so the
		 * tracer decides them; without one the kernel does. */
		unsigned cf = c->audit_path ? POLICY_COMPILE_TRACE_DENIALS : 0;

		rc = baseline_compile(r.pol, r.base, cf, &base, &msg);
		if (rc == 0)
			rc = policy_compile(r.pol, cf | (r.fast_opens ?
				POLICY_COMPILE_FAST_OPENS : 0), &filter, &msg);
		if (rc < 0) {
			fprintf(stderr, "jail: %s\n",
				msg.len ? sb_str(&msg) : strerror(-rc));
			code = JAIL_EXIT_POLICY;
			goto out;
		}
		l.filters[l.nfilters++] = &base;
	} else {
		rc = builtin_filter(&filter);
	}
	if (rc < 0) {
		fprintf(stderr, "jail: cannot build the seccomp filter: %s\n",
			strerror(-rc));
		goto out;
	}
	install_handlers();
	l.filters[l.nfilters++] = &filter;
	if (r.pol)
		l.caps_keep = policy_caps_keep(r.pol, &l.ncaps_keep);
	/* Addresses as gdb shows them: the debugger's users compare. */
	if (c->debug)
		personality(ADDR_NO_RANDOMIZE);
	l.own_pgrp = true;
	l.tty_fd = r.term.fd;
	/* A debugger could write into the child before its exec (a trap on
	 * execve): then the child gets memory of its own. */
	l.share_vm = !may_debug(c, &r);
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
	if (open_debugger(&r, c) < 0)
		tracer_kill_all(r.tr);	/* the loop then only reaps */
	rc = event_loop(&r);
	prog_pgrp = 0;
	term_take(&r.term);
	if (r.dbg)
		dbg_finish(r.dbg);
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
	bpf_free(&base);
	sb_free(&msg);
	runner_close(&r);
	return code;
}

int run_attach(const struct cli *c)
{
	struct runner r;
	struct audit_rec rec;
	int rc, code = JAIL_EXIT_ERROR;

	if (runner_open(&r, c, true) < 0) {
		if (!r.pol && c->policy_path)
			code = JAIL_EXIT_POLICY;
		goto out;
	}
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
	if (open_debugger(&r, c) < 0)
		tracer_detach_all(r.tr);
	rc = event_loop(&r);
	if (r.dbg)
		dbg_finish(r.dbg);
	if (rc < 0)
		fprintf(stderr, "jail: %s\n", strerror(-rc));
	code = exit_code(&r);
out:
	runner_close(&r);
	return code;
}

int run_check(const struct cli *c)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct jail_bpf bpf = { 0 };
	struct policy *p = NULL;
	int rc, code = JAIL_EXIT_POLICY;
	FILE *f = NULL;

	if (load_policy(c, &p) < 0)
		goto out;
	rc = policy_check(p, 0, &out);
	fputs(sb_str(&out), stdout);
	if (rc >= 0) {
		struct policy *base = NULL;

		sb_reset(&out);
		rc = baseline_load(p, &base, &err);
		if (rc == 0) {
			sb_puts(&out, "\njail's hardening baseline, a filter "
				"installed before the policy's (the kernel "
				"takes the stricter answer):\n");
			baseline_text(&out, policy_unsafe_flags(p),
				      baseline_needs_scratch(p));
		}
		policy_free(base);
		fputs(sb_str(&out), stdout);
	}
	if (rc < 0) {
		fprintf(stderr, "jail: %s: %s\n", c->policy_path, strerror(-rc));
		goto out;
	}
	code = 0;
	if (!c->dump_bpf)
		goto out;
	rc = policy_compile(p, 0, &bpf, &err);
	if (rc < 0) {
		fprintf(stderr, "jail: %s\n", sb_str(&err));
		code = JAIL_EXIT_POLICY;
		goto out;
	}
	f = fopen(c->dump_bpf, "we");
	if (!f || fwrite(bpf.insns, sizeof(*bpf.insns), bpf.len, f) != bpf.len ||
	    fflush(f) != 0) {
		fprintf(stderr, "jail: %s: %s\n", c->dump_bpf, strerror(errno));
		code = JAIL_EXIT_ERROR;
	}
out:
	if (f)
		fclose(f);
	bpf_free(&bpf);
	policy_free(p);
	sb_free(&out);
	sb_free(&err);
	return code;
}

int run_list_groups(void)
{
	struct strbuf out = STRBUF_INIT;

	policy_list_groups(&out);
	fputs(sb_str(&out), stdout);
	sb_free(&out);
	return 0;
}

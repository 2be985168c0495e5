/* debugger: jail's built-in debugger, the engine's second client.
 *
 * There is one event loop, the runner's; the debugger is a layer it calls.
 * The runner's loop becomes:
 *
 *	while ((rc = dbg_next(d, &ev)) != -ECHILD) {	// not tracer_next()
 *		if (rc == -EINTR) { if (sigint) dbg_interrupt(d); continue; }
 *		if (dbg_event(d, &ev))
 *			continue;		// the debugger's own stop
 *		handlers[ev.kind](r, &ev);	// resumes with dbg_resume()
 *	}
 *	term_take(&term);			// the prompt needs the tty
 *	dbg_finish(d);				// the rest of the script
 *	dbg_destroy(d);
 *
 * and the runner calls dbg_stop() where the user is to decide: the first
 * exec of the program (jail -g), a `trap` rule, after attaching.
 * tests/unit/test_dbg_driver.c is a complete, small example.
 *
 * All-stop: when a thread stops for the user, every other task is
 * interrupted and waited for; events that arrive meanwhile are kept (their
 * task stays stopped) and handed out again by dbg_next(), in order, once
 * the user resumes, so a seccomp stop of another thread still gets the
 * runner's policy decision. Exits cannot wait (the engine frees the task):
 * those go to host->handle() at once.
 *
 * Functions return 0 or -errno; only the debugger's own commands print,
 * on the streams given in dbg_opts.
 */
#ifndef JAIL_DEBUGGER_H
#define JAIL_DEBUGGER_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "tracer/tracer.h"

struct dbg;
struct term;

struct dbg_host {	/* the runner */
	/* Handle an event the debugger does not keep: policy decision,
	 * audit record, resume. Called for TR_EXITED events that arrive
	 * while the debugger stops every thread (they cannot be kept). */
	int (*handle)(void *host, struct tr_event *ev);
	/* The user ended the session: kill the tree (detach false) or let
	 * it go (detach true), with an audit record. The debugger has
	 * already taken its breakpoints out. NULL: the debugger calls
	 * tracer_kill_all() or tracer_detach_all() itself. */
	void (*terminate)(void *host, bool detach, const char *why);
	void *host;
};

struct dbg_opts {
	const char *script;	/* -x FILE, run at the first stop */
	bool batch;		/* --batch: end the session after the script */
	bool nx;		/* -nx: skip ~/.jailrc and ./.jailrc */
	bool interactive;	/* read commands from in (libedit on a tty) */
	FILE *in, *out, *err;	/* NULL: stdin, stdout, stderr */
	bool attached;		/* -A: quit detaches rather than kills */
	/* The engine stops at every syscall entry and exit (attach mode):
	 * those stops are the runner's too, not only the debugger's. */
	bool trace_all;
	/* The runner's terminal (jail/term.h), or NULL: its modes and
	 * foreground group are saved and restored around each prompt. */
	struct term *term;
	/* The main process's pid (launch or attach), for messages. */
	pid_t main_pid;
};

int dbg_create(struct dbg **out, struct tracer *tr, const struct dbg_opts *o,
	       const struct dbg_host *h);
/* Frees the debugger. The tree must be gone or detached already. */
void dbg_destroy(struct dbg *d);

/* The runner's tracer_next(): events the debugger kept while it held
 * every thread stopped come first, in order; then the engine's. */
int dbg_next(struct dbg *d, struct tr_event *ev);

/* Offered every event (from dbg_next) before the runner: 1 = consumed
 * (the debugger resumed the task or keeps it stopped), 0 = the runner
 * handles it. The debugger may stop for the user before returning 0
 * (catch fork/exec/syscall, a signal the `handle` table stops at); it
 * may then change ev->sig, the signal the runner is to deliver. */
int dbg_event(struct dbg *d, struct tr_event *ev);

/* The runner's tracer_resume(). It keeps what the debugger needs
 * (single-stepping, syscall stops for catchpoints, stepping over a
 * breakpoint under the pc) and, after a stop for the user, resumes every
 * other thread together with this one. */
int dbg_resume(struct dbg *d, struct task *t, enum tr_resume how, int sig);

/* Ctrl-C while the program runs (jail got SIGINT, e.g. attach mode or
 * no terminal): interrupt every thread and stop for the user. Call from
 * the loop, not from the signal handler. */
void dbg_interrupt(struct dbg *d);

/* A stop for the user, from the runner: at launch (first instruction
 * after the initial exec), a policy `trap` on a syscall (seccomp or
 * syscall-enter stop: the syscall is decoded, the rule shown), a `trap
 * signal` (signal-delivery stop), or after attaching. Runs the command
 * loop until the user resumes, and says what to do with the task: the
 * runner applies the verdict and resumes it with dbg_resume(), except
 * after DBG_KILL, DBG_QUIT and DBG_DETACH (the tree is being killed or
 * let go: do not touch the task). */
enum dbg_verdict {
	DBG_DEFAULT,	/* what the rule would do without the debugger */
	DBG_ALLOW,	/* run the syscall */
	DBG_DENY,	/* skip it, failing with errno value */
	DBG_RETURN,	/* skip it, returning value */
	DBG_KILL,	/* the user killed the tree */
	DBG_QUIT,	/* the user quit: killed (launch) or detached (-A) */
	DBG_DETACH,	/* the user detached */
};

enum dbg_why_kind {
	DBG_WHY_START,
	DBG_WHY_SYSCALL,
	DBG_WHY_SIGNAL,
	DBG_WHY_ATTACH,
};

struct dbg_why {
	enum dbg_why_kind kind;
	const char *rule;	/* the policy rule, "file:line", or NULL */
	const siginfo_t *si;	/* DBG_WHY_SIGNAL */
};

struct dbg_result {
	enum dbg_verdict v;
	long value;		/* DBG_DENY: errno; DBG_RETURN: return value */
	int sig;		/* DBG_WHY_SIGNAL: the signal to deliver, 0 none */
};

int dbg_stop(struct dbg *d, struct task *t, const struct dbg_why *why,
	     struct dbg_result *res);

/* No task is left (dbg_next said -ECHILD): run what is left of the
 * script, then, when interactive, prompt until the user quits. */
void dbg_finish(struct dbg *d);

/* Whether the user ended the session with kill, quit or detach (the
 * runner's exit status may say so). */
bool dbg_user_ended(const struct dbg *d);

#endif

/* commands_run: run control. A run-control command sets up what the
 * threads are to do and ends the command loop (ACT_RESUME); the session
 * resumes every thread and the runner's loop brings the next stop.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "debugger/bp.h"
#include "debugger/commands.h"
#include "tracer/xlat.h"

void dbg_request_resume(struct dbg *d)
{
	d->action = ACT_RESUME;
}

/* The selected thread, stopped, for a command that resumes it. */
static struct dthread *runnable(struct dbg *d)
{
	if (d->finished || !dbg_has_process(d)) {
		dbg_error(d, "The program is not being run.");
		return NULL;
	}
	return dbg_need_thread(d);
}

int cmd_continue(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = runnable(d);
	long n = 0;

	if (!th || cmd_count(d, args, &n) < 0)
		return -1;
	if (n > 0) {
		struct bp *b = bp_stopped_at(d, th);

		if (!b) {
			dbg_printf(d, "Not stopped at any breakpoint; argument "
				   "ignored.\n");
		} else {
			b->ignore = (unsigned)(n - 1);
			if (from_tty)
				dbg_printf(d, "Will ignore next %ld crossings "
					   "of breakpoint %d.  Continuing.\n",
					   n - 1, b->num);
		}
	} else if (from_tty) {
		dbg_printf(d, "Continuing.\n");
	}
	dbg_request_resume(d);
	return 0;
}

static int step_cmd(struct dbg *d, char *args, enum dstep how)
{
	struct dthread *th = runnable(d);
	struct user_regs_struct r;
	long n = 1;

	if (!th || cmd_count(d, args, &n) < 0)
		return -1;
	if (n <= 0)
		return 0;
	th->step = how;
	th->step_count = n;
	if (how == STEP_OVER && dbg_get_regs(d, th, &r) == 0)
		bp_step_over_call(d, th, r.rip, r.rsp);
	dbg_request_resume(d);
	return 0;
}

int cmd_stepi(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return step_cmd(d, args, STEP_INSN);
}

int cmd_nexti(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return step_cmd(d, args, STEP_OVER);
}

int cmd_step_src(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	(void)from_tty;
	if (!runnable(d))
		return -1;
	dbg_error(d, "Cannot step by source lines without line number "
		  "information; use stepi or nexti.");
	return -1;
}

int cmd_stepsys(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = runnable(d);

	(void)args;
	(void)from_tty;
	if (!th)
		return -1;
	th->step = STEP_SYSCALL;
	th->step_count = 1;
	dbg_request_resume(d);
	return 0;
}

static int run_to(struct dbg *d, char *args, const char *usage)
{
	struct dthread *th = runnable(d);
	struct dbg_frame fr[2];
	uint64_t addr;

	if (!th)
		return -1;
	if (!*args) {
		if (!usage)
			return step_cmd(d, args, STEP_OVER);
		dbg_error(d, "%s", usage);
		return -1;
	}
	if (bp_resolve_spec(d, th, args, &addr) < 0)
		return -1;
	if (bp_set_momentary(d, th, addr, 0) < 0) {
		dbg_error(d, "Cannot access memory at address 0x%llx",
			  (unsigned long long)addr);
		return -1;
	}
	/* As gdb: also stop when the current function returns. */
	if (dbg_unwind(d, th, fr, 2) == 2)
		bp_set_momentary(d, th, fr[1].pc, fr[0].cfa);
	dbg_request_resume(d);
	return 0;
}

/* jail -g stops the program at its first instruction: `start` runs it to
 * main (a temporary breakpoint), `run` runs it on, as they would from
 * gdb's first prompt. */
int cmd_start(struct dbg *d, char *args, bool from_tty)
{
	char loc[] = "main";

	(void)args;
	if (cmd_tbreak(d, loc, from_tty) < 0)
		return -1;
	return cmd_continue(d, args, from_tty);
}

int cmd_run(struct dbg *d, char *args, bool from_tty)
{
	return cmd_continue(d, args, from_tty);
}

int cmd_until(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return run_to(d, args, NULL);
}

int cmd_advance(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return run_to(d, args, "Argument required (a location).");
}

int cmd_finish(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = runnable(d);
	struct dbg_frame fr[2];
	struct strbuf sb = STRBUF_INIT;

	(void)args;
	if (!th)
		return -1;
	if (dbg_unwind(d, th, fr, 2) < 2) {
		dbg_error(d, "\"finish\" not meaningful in the outermost "
			  "frame.");
		return -1;
	}
	/* Back in the caller: the stack is above this frame's. */
	if (bp_set_momentary(d, th, fr[1].pc, fr[0].cfa) < 0) {
		dbg_error(d, "Cannot access memory at address 0x%llx",
			  (unsigned long long)fr[1].pc);
		return -1;
	}
	/* gdb says this to a terminal only. */
	if (from_tty) {
		dbg_frame_line(d, th, fr[0].pc, &sb);
		dbg_printf(d, "Run till exit from #0  %s\n", sb_str(&sb));
	}
	sb_free(&sb);
	dbg_request_resume(d);
	return 0;
}

int cmd_kill(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	(void)from_tty;
	if (d->finished || !dbg_has_process(d)) {
		dbg_error(d, "The program is not being run.");
		return -1;
	}
	if (!dbg_query(d, "Kill the program being debugged? ")) {
		dbg_error(d, "Not confirmed.");
		return -1;
	}
	dbg_end_session(d, ACT_KILL);
	return 0;
}

int cmd_detach(struct dbg *d, char *args, bool from_tty)
{
	struct dproc *p;

	(void)args;
	(void)from_tty;
	if (d->finished || !dbg_has_process(d)) {
		dbg_error(d, "The program is not being run.");
		return -1;
	}
	for (p = d->procs; p; p = p->next)
		dbg_printf(d, "Detaching from program: %s, process %d\n",
			   p->exe ? p->exe : "?", p->pid);
	dbg_end_session(d, ACT_DETACH);
	return 0;
}

int cmd_quit(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	if (from_tty && dbg_has_process(d) && !d->finished) {
		struct dproc *p;
		struct strbuf sb = STRBUF_INIT;

		sb_puts(&sb, "A debugging session is active.\n\n");
		for (p = d->procs; p; p = p->next)
			sb_printf(&sb, "\tInferior %d [process %d] will be "
				  "%s.\n", p->num, p->pid,
				  d->o.attached ? "detached" : "killed");
		sb_puts(&sb, "\nQuit anyway? ");
		if (!dbg_query(d, "%s", sb_str(&sb))) {
			sb_free(&sb);
			dbg_error(d, "Not confirmed.");
			return -1;
		}
		sb_free(&sb);
	}
	d->quitting = true;
	if (d->finished || !dbg_has_process(d))
		d->action = ACT_QUIT;
	else
		dbg_end_session(d, ACT_QUIT);
	return 0;
}

static int parse_signal(struct dbg *d, const char *s)
{
	int sig = sig_parse(s);

	if (sig < 0 || sig > 64) {
		dbg_error(d, "Only signals 1-15 are valid as numeric signals.\n"
			  "Use \"info signals\" for a list of symbolic "
			  "signals.");
		return -1;
	}
	return sig;
}

int cmd_signal(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = runnable(d);
	char name[16];
	int sig;

	if (!th)
		return -1;
	if (!*args) {
		dbg_error(d, "Argument required (signal number).");
		return -1;
	}
	sig = parse_signal(d, args);
	if (sig < 0)
		return -1;
	if (from_tty) {
		if (sig)
			dbg_printf(d, "Continuing with signal %s.\n",
				   sig_gdb_name(sig, name, sizeof(name)));
		else
			dbg_printf(d, "Continuing with no signal.\n");
	}
	th->resume_sig = sig;
	th->sig_queued = true;
	dbg_request_resume(d);
	return 0;
}

int cmd_queue_signal(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = runnable(d);
	int sig;

	(void)from_tty;
	if (!th)
		return -1;
	if (!*args) {
		dbg_error(d, "Argument required (signal number).");
		return -1;
	}
	sig = parse_signal(d, args);
	if (sig < 0)
		return -1;
	th->queued_sig = sig;
	return 0;
}

/* The trapped syscall of the stop being handled, or NULL with an error. */
static struct dthread *trapped(struct dbg *d)
{
	if (!d->res || !d->why || d->why->kind != DBG_WHY_SYSCALL ||
	    !d->why_thread) {
		dbg_error(d, "Not stopped at a trapped syscall.");
		return NULL;
	}
	if (d->cur != d->why_thread) {
		dbg_error(d, "The trapped syscall is thread %d's: select it "
			  "first.", d->why_thread->num);
		return NULL;
	}
	return d->cur;
}

int cmd_allow(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	(void)from_tty;
	if (!trapped(d))
		return -1;
	d->res->v = DBG_ALLOW;
	dbg_request_resume(d);
	return 0;
}

int cmd_deny(struct dbg *d, char *args, bool from_tty)
{
	long err = EPERM;

	(void)from_tty;
	if (!trapped(d))
		return -1;
	if (*args) {
		int e = errno_parse(args);

		if (e < 0) {
			uint64_t v;

			if (dbg_eval_u64(d, args, &v) < 0)
				return -1;
			e = (int)v;
		}
		if (e <= 0 || e >= 4096) {
			dbg_error(d, "Bad errno: %s", args);
			return -1;
		}
		err = e;
	}
	d->res->v = DBG_DENY;
	d->res->value = err;
	dbg_request_resume(d);
	return 0;
}

int cmd_return(struct dbg *d, char *args, bool from_tty)
{
	uint64_t v;

	(void)from_tty;
	if (!trapped(d))
		return -1;
	if (!*args) {
		dbg_error(d, "Argument required (the value to return).");
		return -1;
	}
	if (dbg_eval_u64(d, args, &v) < 0)
		return -1;
	d->res->v = DBG_RETURN;
	d->res->value = (long)v;
	dbg_request_resume(d);
	return 0;
}

int cmd_attach(struct dbg *d, char *args, bool from_tty)
{
	char *end;
	long pid;
	int rc;

	(void)from_tty;
	if (!*args) {
		dbg_error(d, "Argument required (process-id to attach).");
		return -1;
	}
	pid = strtol(args, &end, 10);
	if (*end || pid <= 0) {
		dbg_error(d, "Illegal process-id: %s.", args);
		return -1;
	}
	if (d->finished) {
		dbg_error(d, "Cannot attach once the session's processes are "
			  "gone: run jail -g -A %ld.", pid);
		return -1;
	}
	if (dbg_proc_by_pid(d, (pid_t)pid)) {
		dbg_error(d, "I'm already debugging process %ld.", pid);
		return -1;
	}
	dbg_printf(d, "Attaching to process %ld\n", pid);
	rc = dbg_attach_pid(d, (pid_t)pid);
	if (rc < 0) {
		dbg_error(d, "ptrace: %s.", rc == -ESRCH ? "No such process" :
			  strerror(-rc));
		return -1;
	}
	return 0;
}

int cmd_interrupt_cmd(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	(void)from_tty;
	/* All-stop: at the prompt every thread is stopped already. */
	if (!dbg_has_process(d))
		dbg_error(d, "The program is not being run.");
	return 0;
}

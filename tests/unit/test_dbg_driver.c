/* test_dbg_driver: the debugger end to end, ahead of `jail -g`.
 *
 * With arguments it is a small `jail -g`:
 *
 *	test_dbg_driver [--batch] [-nx] [-x FILE] [--trap SYSCALL]...
 *			[--trap-signal SIG] [-A PID | [--] PROG ARGS...]
 *
 * It creates an engine, launches PROG with the launcher (a filter that
 * sends exec and the --trap syscalls to the tracer; address randomization
 * off, as gdb runs programs, so addresses compare with gdb's) or attaches
 * to PID, and runs a minimal runner: every event goes through dbg_next()
 * and dbg_event(), the rest is resumed with dbg_resume(); the first exec
 * stops for the user (jail -g); a --trap syscall stops with dbg_stop().
 * This is exactly the integration the runner is to do (see debugger.h).
 *
 * Without arguments it checks itself: a script over tests/progs'
 * dbgc_basic whose output must say what the program did.
 *
 * DBG_TRACE=1 in the environment prints every event the loop sees.
 */
#include <errno.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/wait.h>
#include <unistd.h>

#include "debugger/debugger.h"
#include "jail/launch.h"
#include "policy/bpf.h"
#include "tracer/systab.h"
#include "tracer/xlat.h"
#include "t.h"

enum { MAX_TRAPS = 16 };

struct host {
	struct tracer *tr;
	struct dbg *d;
	pid_t main_pid;
	bool attach;
	bool started;
	bool main_done;
	int main_status;
	const char *traps[MAX_TRAPS];
	int ntraps;
	int trap_sig;
};

static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

static int trapped(const struct host *h, long nr, int *idx)
{
	const struct sc_ent *e = systab_by_nr(ABI_X86_64, nr);
	int i;

	for (i = 0; e && i < h->ntraps; i++) {
		if (strcmp(e->name, h->traps[i]) == 0) {
			*idx = i;
			return 1;
		}
	}
	return 0;
}

/* The runner's part: policy decisions (here: the --trap list), resume. */
static int handle(void *arg, struct tr_event *ev)
{
	struct host *h = arg;
	struct task *t = ev->task;
	struct dbg_result res = { 0 };
	struct tr_syscall sc;
	char rule[32];
	int idx, sig = 0;

	switch (ev->kind) {
	case TR_SECCOMP:
	case TR_SYSCALL_ENTER:
		if (task_syscall(t, &sc) == 0 && trapped(h, sc.nr, &idx)) {
			struct dbg_why why = { .kind = DBG_WHY_SYSCALL,
					       .rule = rule };

			snprintf(rule, sizeof(rule), "driver:%d", idx + 1);
			dbg_stop(h->d, t, &why, &res);
			switch (res.v) {
			case DBG_DENY:
				task_skip_syscall(t, -res.value);
				break;
			case DBG_RETURN:
				task_skip_syscall(t, res.value);
				break;
			case DBG_KILL:
			case DBG_QUIT:
			case DBG_DETACH:
				return 0;
			default:
				break;
			}
		}
		break;
	case TR_EXEC:
		if (!h->started && task_pid(t) == h->main_pid) {
			struct dbg_why why = { .kind = DBG_WHY_START };

			h->started = true;
			dbg_stop(h->d, t, &why, &res);
			if (res.v >= DBG_KILL)
				return 0;
		}
		break;
	case TR_TASK_START:
		if (h->attach && !h->started && task_tid(t) == h->main_pid) {
			struct dbg_why why = { .kind = DBG_WHY_ATTACH };

			h->started = true;
			dbg_stop(h->d, t, &why, &res);
			if (res.v >= DBG_KILL)
				return 0;
		}
		break;
	case TR_SIGNAL:
		sig = ev->sig;
		if (h->trap_sig && sig == h->trap_sig) {
			struct dbg_why why = { .kind = DBG_WHY_SIGNAL,
					       .rule = "driver:signal",
					       .si = &ev->si };

			dbg_stop(h->d, t, &why, &res);
			if (res.v >= DBG_KILL)
				return 0;
			sig = res.sig;
		}
		break;
	case TR_EXITED:
		if (task_tid(t) == h->main_pid) {
			h->main_done = true;
			h->main_status = ev->status;
		}
		return 0;
	default:
		break;
	}
	return dbg_resume(h->d, t, TR_RESUME_CONT, sig);
}

static void terminate(void *arg, bool detach, const char *why)
{
	struct host *h = arg;

	(void)why;
	if (detach)
		tracer_detach_all(h->tr);
	else
		tracer_kill_all(h->tr);
}

static int build_filter(const struct host *h, struct jail_bpf *out)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	int i, rc;

	if (!ctx)
		return -ENOMEM;
	rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(1), SCMP_SYS(execve), 0);
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(1),
				      SCMP_SYS(execveat), 0);
	for (i = 0; rc == 0 && i < h->ntraps; i++) {
		int nr = seccomp_syscall_resolve_name(h->traps[i]);

		if (nr == __NR_SCMP_ERROR) {
			fprintf(stderr, "unknown syscall %s\n", h->traps[i]);
			rc = -EINVAL;
			break;
		}
		rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(1), nr, 0);
	}
	if (rc == 0)
		rc = bpf_from_ctx(ctx, out);
	seccomp_release(ctx);
	return rc;
}

static int drive(int argc, char **argv)
{
	struct dbg_opts o = { .interactive = true };
	struct host h = { 0 };
	struct dbg_host dh = { .handle = handle, .terminate = terminate,
			       .host = &h };
	struct tracer_opts to = { .vfork_done = true, .exit_events = true };
	struct jail_bpf filter = { 0 };
	struct strbuf msg = STRBUF_INIT;
	struct launch l = { .tty_fd = -1 };
	struct sigaction sa = { .sa_handler = on_sigint };
	struct tr_event ev;
	pid_t attach_pid = 0;
	int i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--batch") == 0) {
			o.batch = true;
		} else if (strcmp(argv[i], "-nx") == 0) {
			o.nx = true;
		} else if (strcmp(argv[i], "-x") == 0 && i + 1 < argc) {
			o.script = argv[++i];
		} else if (strcmp(argv[i], "--trap") == 0 && i + 1 < argc) {
			if (h.ntraps < MAX_TRAPS)
				h.traps[h.ntraps++] = argv[++i];
		} else if (strcmp(argv[i], "--trap-signal") == 0 &&
			   i + 1 < argc) {
			h.trap_sig = signal_parse(argv[++i]);
		} else if (strcmp(argv[i], "-A") == 0 && i + 1 < argc) {
			attach_pid = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			break;
		}
	}
	if (!attach_pid && i >= argc) {
		fprintf(stderr, "usage: %s [--batch] [-nx] [-x FILE] "
			"[--trap SYSCALL]... [-A PID | PROG ARGS...]\n",
			argv[0]);
		return 2;
	}
	h.attach = attach_pid != 0;
	to.trace_all_syscalls = h.attach;
	to.exit_kill = !h.attach;
	o.attached = h.attach;
	o.trace_all = h.attach;
	if (tracer_create(&h.tr, &to) < 0)
		return 125;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	if (h.attach) {
		h.main_pid = attach_pid;
		o.main_pid = attach_pid;
		rc = dbg_create(&h.d, h.tr, &o, &dh);
		if (rc == 0)
			rc = tracer_attach(h.tr, attach_pid);
		if (rc < 0) {
			fprintf(stderr, "cannot attach to %d: %s\n",
				attach_pid, strerror(-rc));
			return 125;
		}
	} else {
		if (build_filter(&h, &filter) < 0)
			return 125;
		/* As gdb runs a program: same addresses every time. */
		personality(ADDR_NO_RANDOMIZE);
		l.argv = argv + i;
		l.filters[0] = &filter;
		l.nfilters = 1;
		rc = launch_start(h.tr, &l, &msg);
		if (rc < 0) {
			fprintf(stderr, "%s\n", sb_str(&msg));
			return 127;
		}
		h.main_pid = l.pid;
		o.main_pid = l.pid;
		if (dbg_create(&h.d, h.tr, &o, &dh) < 0)
			return 125;
	}
	for (;;) {
		rc = dbg_next(h.d, &ev);
		if (rc == -ECHILD)
			break;
		if (rc == -EINTR) {
			if (got_sigint) {
				got_sigint = 0;
				dbg_interrupt(h.d);
			}
			continue;
		}
		if (rc < 0) {
			fprintf(stderr, "tracer: %s\n", strerror(-rc));
			break;
		}
		if (getenv("DBG_TRACE"))
			fprintf(stderr, "[ev %d tid %d sig %d]\n", ev.kind,
				task_tid(ev.task), ev.sig);
		if (dbg_event(h.d, &ev))
			continue;
		handle(&h, &ev);
	}
	dbg_finish(h.d);
	dbg_destroy(h.d);
	tracer_destroy(h.tr);
	bpf_free(&filter);
	sb_free(&msg);
	if (launch_exec_error(&l))
		return 127;
	if (!h.main_done)
		return 0;
	return WIFEXITED(h.main_status) ? WEXITSTATUS(h.main_status) :
					  128 + WTERMSIG(h.main_status);
}

/* --- the self-test --- */

static char *run_self(const char *self, const char *script_text,
		      const char *prog, int *status)
{
	char script[] = "/tmp/dbg-selftest-XXXXXX";
	int fd = mkstemp(script), p[2];
	size_t cap = 65536, n = 0;
	char *out = calloc(1, cap);
	pid_t pid;

	if (fd < 0 || !out || pipe(p) < 0)
		abort();
	if (write(fd, script_text, strlen(script_text)) < 0)
		abort();
	close(fd);
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		execl(self, self, "--batch", "-nx", "-x", script, "--", prog,
		      (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	for (;;) {
		ssize_t r = read(p[0], out + n, cap - n - 1);

		if (r <= 0)
			break;
		n += (size_t)r;
		if (n + 1 >= cap)
			break;
	}
	close(p[0]);
	waitpid(pid, status, 0);
	unlink(script);
	return out;
}

static int self_test(const char *self)
{
	char prog[4096];
	const char *root = getenv("ROOT");
	char *out;
	int st;

	snprintf(prog, sizeof(prog), "%s/build/progs/dbgc_basic",
		 root ? root : ".");
	if (access(prog, X_OK) < 0) {
		T_SKIP("the driver on dbgc_basic: %s not built", prog);
		return 0;
	}
	/* compute(x) adds x to counter: main calls it with 1..5, so at the
	 * third hit its argument (rdi) is 3; counter is then 1+2 = 3. */
	out = run_self(self,
		       "break compute\n"
		       "continue\ncontinue\ncontinue\n"
		       "p $rdi\n"
		       "p *(int *)&counter\n"
		       "info breakpoints\n"
		       "delete\n"
		       "continue\n", prog, &st);
	T_OK(strstr(out, "\nProgram stopped.\n") != NULL, "stops at the start");
	T_OK(strstr(out, "Breakpoint 1 at 0x") != NULL, "break prints the address");
	T_OK(strstr(out, "\nBreakpoint 1, 0x") && strstr(out, " in compute ()\n"),
	     "breakpoint hit reported in compute");
	T_OK(strstr(out, "$1 = 3\n") != NULL, "third hit: rdi is 3");
	T_OK(strstr(out, "$2 = 3\n") != NULL, "counter is 3 before the third call");
	T_OK(strstr(out, "\tbreakpoint already hit 3 times\n") != NULL,
	     "hit count 3");
	T_OK(strstr(out, "counter=27 r=125\n") != NULL,
	     "the program ran to its end");
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 27, "exit status 27 (%d)",
	     WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	T_OK(strstr(out, "[Inferior 1 (process ") &&
	     strstr(out, ") exited with code 33]\n"),
	     "exit reported in octal");
	if (t_failed)
		printf("# output:\n%s", out);
	free(out);
	return T_DONE();
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return drive(argc, argv);
	return self_test("/proc/self/exe");
}

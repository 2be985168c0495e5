/* The engine's operations on real tasks, one forked child per case:
 * deny at a seccomp stop (skip + -errno), change a syscall's argument,
 * rewrite a return value at the exit stop, kill a whole tree, and the
 * task table under a fork storm. */
#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "policy/bpf.h"
#include "tracer/remote.h"
#include "tracer/tracer.h"
#include "t.h"

/* A child that waits to be seized, installs a filter sending getppid,
 * getuid and getgid to the tracer, then runs fn and exits with its
 * result. */
static pid_t spawn(struct tracer *tr, int (*fn)(void))
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	struct jail_bpf b;
	int p[2];
	pid_t pid;
	char c;

	seccomp_rule_add(ctx, SCMP_ACT_TRACE(7), SCMP_SYS(getppid), 0);
	seccomp_rule_add(ctx, SCMP_ACT_TRACE(7), SCMP_SYS(getuid), 0);
	seccomp_rule_add(ctx, SCMP_ACT_TRACE(7), SCMP_SYS(getgid), 0);
	if (bpf_from_ctx(ctx, &b) < 0 || pipe(p) < 0)
		abort();
	seccomp_release(ctx);
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		if (read(p[0], &c, 1) != 1)
			_exit(100);
		prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
		if (bpf_load(&b) < 0)
			_exit(101);
		_exit(fn());
	}
	close(p[0]);
	if (tracer_seize(tr, pid, NULL) < 0)
		abort();
	if (write(p[1], "", 1) != 1)
		abort();
	close(p[1]);
	bpf_free(&b);
	return pid;
}

static int call_getppid(void)
{
	long r = syscall(SYS_getppid);

	return r == -1 && errno == EACCES ? 0 : 1;
}

/* The tracer rewrites getuid's result to 77 at its exit stop. */
static int call_getuid(void)
{
	return (int)syscall(SYS_getuid);
}

static int fork_tree(void)
{
	int i;

	for (i = 0; i < 5; i++) {
		if (fork() == 0) {
			if (fork() == 0)
				pause();
			pause();
		}
	}
	syscall(SYS_getppid);	/* tell the tracer the tree is built */
	pause();
	return 0;
}

static int storm(void)
{
	int i, st, bad = 0;

	for (i = 0; i < 300; i++) {
		pid_t c = fork();

		if (c == 0)
			_exit(i % 5);
		if (waitpid(c, &st, 0) != c || WEXITSTATUS(st) != i % 5)
			bad++;
	}
	return bad;
}

/* tids the tracer reported as created (fork event or first stop). */
static pid_t born[4096];
static int nborn;

static void note_born(pid_t tid)
{
	int i;

	for (i = 0; i < nborn; i++)
		if (born[i] == tid)
			return;
	if (nborn < 4096)
		born[nborn++] = tid;
}

static void remote_at_exec(struct tracer *tr, struct tr_event *ev, void *arg);

/* Run the loop: resume everything, call hook at seccomp stops, return the
 * main child's wait status. */
static int loop(struct tracer *tr, pid_t main,
		void (*hook)(struct tracer *, struct tr_event *, void *),
		void *arg, int *nev)
{
	struct tr_event ev;
	int status = -1;

	while (tracer_next(tr, &ev) == 0) {
		if (nev)
			nev[ev.kind]++;
		if (ev.kind == TR_TASK_START)
			note_born(task_tid(ev.task));
		if (ev.kind == TR_FORK)
			note_born(task_tid(ev.child));
		if (ev.kind == TR_EXITED) {
			if (task_tid(ev.task) == main)
				status = ev.status;
			continue;
		}
		if ((ev.kind == TR_SECCOMP || ev.kind == TR_SYSCALL_EXIT) &&
		    hook && hook != remote_at_exec) {
			hook(tr, &ev, arg);
			continue;
		}
		if (ev.kind == TR_EXEC && hook == remote_at_exec) {
			hook(tr, &ev, arg);
			tracer_resume(tr, ev.task, TR_RESUME_CONT, 0);
			continue;
		}
		tracer_resume(tr, ev.task, TR_RESUME_CONT,
			      ev.kind == TR_SIGNAL ? ev.sig : 0);
	}
	return status;
}

static void deny_eacces(struct tracer *tr, struct tr_event *ev, void *arg)
{
	struct tr_syscall sc;

	(void)arg;
	if (task_syscall(ev->task, &sc) == 0 && sc.nr == SYS_getppid)
		task_skip_syscall(ev->task, -EACCES);
	tracer_resume(tr, ev->task, TR_RESUME_CONT, 0);
}

/* getuid: at the seccomp stop ask for the exit stop, and there replace
 * the result with 77. */
static void rewrite_ret(struct tracer *tr, struct tr_event *ev, void *arg)
{
	int *seen_exit = arg;

	if (ev->kind == TR_SECCOMP) {
		tracer_resume(tr, ev->task, TR_RESUME_SYSCALL, 0);
		return;
	}
	*seen_exit = 1;
	task_set_retval(ev->task, 77);
	tracer_resume(tr, ev->task, TR_RESUME_CONT, 0);
}

static void kill_when_built(struct tracer *tr, struct tr_event *ev, void *arg)
{
	(void)arg;
	tracer_resume(tr, ev->task, TR_RESUME_CONT, 0);
	tracer_kill_all(tr);
}

static int exec_true(void)
{
	execl("/bin/true", "true", (char *)NULL);
	return 99;
}

static int getppid_result(void)
{
	return (int)syscall(SYS_getppid);
}

/* At the exec event: map a page at a fixed address and ask for the pid,
 * both run by the tracee. */
static void remote_at_exec(struct tracer *tr, struct tr_event *ev, void *arg)
{
	long *res = arg;
	uint64_t a[6] = { 0x10000, 4096, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			  (uint64_t)-1, 0 };
	uint64_t none[6] = { 0 };

	int rc = remote_syscall(tr, ev->task, SYS_mmap, a, &res[0]);

	if (rc < 0) {
		printf("# remote mmap: %s\n", strerror(-rc));
		res[0] = -1;
	}
	if (remote_syscall(tr, ev->task, SYS_getpid, none, &res[1]) < 0)
		res[1] = -1;
	res[2] = task_tid(ev->task);
}

/* At getppid's seccomp stop: run getpid in its place, then have the task
 * issue getuid, whose own seccomp stop is answered with 55. */
static void replace_then_reissue(struct tracer *tr, struct tr_event *ev,
				 void *arg)
{
	long *res = arg;
	uint64_t none[6] = { 0 };
	struct tr_syscall sc;

	if (task_syscall(ev->task, &sc) == 0 && sc.nr == SYS_getppid) {
		if (remote_replace(tr, ev->task, SYS_getpid, none, &res[0]) < 0 ||
		    remote_reissue(ev->task, SYS_getuid, none) < 0)
			res[0] = -1;
	} else if (sc.nr == SYS_getuid) {
		res[1] = 1;
		task_skip_syscall(ev->task, 55);
	}
	tracer_resume(tr, ev->task, TR_RESUME_CONT, 0);
}

int main(void)
{
	struct tracer_opts o = { .exit_kill = true, .exit_events = true };
	struct tracer *tr;
	int st, seen_exit = 0, nev[TR_INTERRUPT + 1] = { 0 };
	pid_t pid;

	tracer_create(&tr, &o);
	pid = spawn(tr, call_getppid);
	st = loop(tr, pid, deny_eacces, NULL, NULL);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	     "deny at a seccomp stop: the call fails with EACCES (status %#x)",
	     st);

	pid = spawn(tr, call_getuid);
	st = loop(tr, pid, rewrite_ret, &seen_exit, NULL);
	T_OK(seen_exit, "TR_RESUME_SYSCALL from a seccomp stop gives the exit stop");
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 77,
	     "the return value is rewritten at the exit stop (status %#x)", st);

	nborn = 0;
	pid = spawn(tr, fork_tree);
	st = loop(tr, pid, kill_when_built, NULL, nev);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	     "kill_all: the main process dies of SIGKILL");
	/* The kill may come before every fork of the tree has happened;
	 * what must hold is that every task that started is reaped. */
	/* A child killed before its first stop exits without a start: what
	 * must hold is one exit for every task ever reported. */
	T_OK(nev[TR_EXITED] == nborn + 1 && nborn >= 5,
	     "kill_all: every process of the tree is reaped (%d born, %d exits)",
	     nborn, nev[TR_EXITED]);
	T_OK(tracer_ntasks(tr) == 0, "the task table is empty afterwards");

	memset(nev, 0, sizeof(nev));
	pid = spawn(tr, storm);
	st = loop(tr, pid, NULL, NULL, nev);
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	     "fork storm of 300: every child's status right in the tracee");
	T_OK(nev[TR_FORK] == 300 && nev[TR_TASK_START] == 300,
	     "fork storm: 300 fork events and 300 task starts (%d, %d)",
	     nev[TR_FORK], nev[TR_TASK_START]);
	T_OK(nev[TR_EXITED] == 301, "fork storm: 301 exits (%d)",
	     nev[TR_EXITED]);
	{
		long res[3] = { 0 };

		pid = spawn(tr, exec_true);
		st = loop(tr, pid, remote_at_exec, res, NULL);
		T_OK(res[0] == 0x10000,
		     "remote mmap at the exec stop maps at 0x10000 (%#lx)", res[0]);
		T_OK(res[1] == pid, "remote getpid returns the tracee's pid");
		T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		     "the program runs on unharmed after injection (%#x)", st);
	}
	{
		long res[2] = { 0 };

		pid = spawn(tr, getppid_result);
		st = loop(tr, pid, replace_then_reissue, res, NULL);
		T_OK(res[0] == pid, "remote_replace runs getpid in getppid's place");
		T_OK(res[1] == 1, "the reissued call comes back as its own seccomp stop");
		T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 55,
		     "the program sees the reissued call's answer (%#x)", st);
	}
	tracer_destroy(tr);
	return T_DONE();
}

/* stopcont: job control seen from a parent, for comparing runs under a
 * tracer (group-stops, PTRACE_LISTEN) with native ones.
 *
 *  1. a child raise(SIGSTOP)s; the parent sees it stopped (WUNTRACED),
 *     sends SIGCONT, sees it continued (WCONTINUED), and the child exits 0;
 *  2. a child with a SIGTSTP handler gets SIGTSTP from the parent: the
 *     handler runs (no stop); the child then stops itself with the default
 *     SIGTSTP action, the parent sees the stop, continues it, and it
 *     exits 0.
 *
 * Every line is printed at a point fixed by a pipe handshake, so the
 * output is the same on every run.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);		/* parent and child share the output */
}

static void die(const char *what)
{
	fprintf(stderr, "stopcont: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void wait_token(int fd)
{
	char c;

	while (read(fd, &c, 1) < 0)
		if (errno != EINTR)
			die("read");
}

static void send_token(int fd)
{
	if (write(fd, "x", 1) != 1)
		die("write");
}

/* waitpid for one state change; EINTR retried. */
static int wait_state(pid_t pid, int opts)
{
	int st;

	while (waitpid(pid, &st, opts) < 0)
		if (errno != EINTR)
			die("waitpid");
	return st;
}

static void describe(const char *who, int st)
{
	if (WIFSTOPPED(st))
		say("parent: %s stopped by SIG%s", who,
		    sigabbrev_np(WSTOPSIG(st)));
	else if (WIFCONTINUED(st))
		say("parent: %s continued", who);
	else if (WIFEXITED(st))
		say("parent: %s exited with %d", who, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		say("parent: %s killed by SIG%s", who,
		    sigabbrev_np(WTERMSIG(st)));
}

static volatile sig_atomic_t got_tstp;

static void on_tstp(int sig)
{
	(void)sig;
	got_tstp = 1;
}

static void part1(void)
{
	int go[2], st;
	pid_t kid;

	if (pipe(go) != 0)
		die("pipe");
	kid = fork();
	if (kid < 0)
		die("fork");
	if (kid == 0) {
		close(go[1]);
		raise(SIGSTOP);
		wait_token(go[0]);	/* parent has printed "continued" */
		say("child 1: resumed");
		_exit(0);
	}
	close(go[0]);
	describe("child 1", wait_state(kid, WUNTRACED));
	kill(kid, SIGCONT);
	describe("child 1", wait_state(kid, WCONTINUED));
	send_token(go[1]);
	st = wait_state(kid, 0);
	describe("child 1", st);
	close(go[1]);
}

static void part2(void)
{
	int up[2], down[2], st;
	struct sigaction sa;
	sigset_t tstp, old;
	pid_t kid;

	if (pipe(up) != 0 || pipe(down) != 0)
		die("pipe");
	kid = fork();
	if (kid < 0)
		die("fork");
	if (kid == 0) {
		close(up[0]);
		close(down[1]);
		/* A process group of its own whose parent (us) is in another
		 * group of the session: not orphaned, so the default SIGTSTP
		 * action stops it wherever this test is started from. */
		setpgid(0, 0);
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_tstp;
		sigaction(SIGTSTP, &sa, NULL);
		sigemptyset(&tstp);
		sigaddset(&tstp, SIGTSTP);
		sigprocmask(SIG_BLOCK, &tstp, &old);
		send_token(up[1]);		/* handler in place */
		while (!got_tstp)
			sigsuspend(&old);
		say("child 2: handler caught SIGTSTP");
		signal(SIGTSTP, SIG_DFL);
		sigprocmask(SIG_SETMASK, &old, NULL);
		raise(SIGTSTP);			/* now it stops */
		wait_token(down[0]);
		say("child 2: resumed");
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	setpgid(kid, kid);	/* either of us may get there first */
	wait_token(up[0]);
	kill(kid, SIGTSTP);
	describe("child 2", wait_state(kid, WUNTRACED));
	kill(kid, SIGCONT);
	describe("child 2", wait_state(kid, WCONTINUED));
	send_token(down[1]);
	st = wait_state(kid, 0);
	describe("child 2", st);
	close(up[0]);
	close(down[1]);
}

int main(void)
{
	part1();
	part2();
	say("stopcont: done");
	return 0;
}

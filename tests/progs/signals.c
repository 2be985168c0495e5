/* signals: what SA_SIGINFO handlers see, for comparing a run under a
 * tracer (which stops at every delivery and re-injects the signal) with a
 * native run.
 *
 *  1. kill(getpid(), SIGUSR1): si_code SI_USER, si_pid ourselves;
 *  2. a child exits 5: SIGCHLD with CLD_EXITED and si_status 5;
 *  3. SIGRTMIN+5 and SIGRTMIN+2 queued twice each with sigqueue while
 *     blocked, then unblocked: real-time signals are delivered lowest
 *     number first and, for one signal, in the order they were sent, each
 *     with its own value. A tracer that loses, merges or reorders queued
 *     signals changes the output.
 *
 * Handlers only record; main prints afterwards, in a fixed order.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAX_EV = 16 };

struct ev {
	int signo, code, value, status;
	pid_t pid;
};

static struct ev evs[MAX_EV];
static volatile sig_atomic_t nev;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (nev >= MAX_EV)
		return;
	evs[nev].signo = sig;
	evs[nev].code = si->si_code;
	evs[nev].pid = si->si_pid;
	if (sig == SIGCHLD)
		evs[nev].status = si->si_status;
	else if (si->si_code == SI_QUEUE)
		evs[nev].value = si->si_value.sival_int;
	nev++;
}

static const struct {
	int code;
	const char *name;
} codes[] = {
	{ SI_USER, "SI_USER" },		{ SI_QUEUE, "SI_QUEUE" },
	{ SI_TKILL, "SI_TKILL" },	{ SI_KERNEL, "SI_KERNEL" },
	{ CLD_EXITED, "CLD_EXITED" },	{ CLD_KILLED, "CLD_KILLED" },
	{ CLD_DUMPED, "CLD_DUMPED" },	{ CLD_STOPPED, "CLD_STOPPED" },
};

static const char *code_name(int sig, int code, char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		/* CLD_* are positive codes only meaningful for SIGCHLD */
		if (codes[i].code == code && (code <= 0 || sig == SIGCHLD))
			return codes[i].name;
	}
	snprintf(buf, n, "%d", code);
	return buf;
}

static const char *sig_name(int sig, char *buf, size_t n)
{
	if (sig == SIGUSR1)
		return "SIGUSR1";
	if (sig == SIGCHLD)
		return "SIGCHLD";
	if (sig >= SIGRTMIN && sig <= SIGRTMAX) {
		snprintf(buf, n, "SIGRTMIN+%d", sig - SIGRTMIN);
		return buf;
	}
	snprintf(buf, n, "signal %d", sig);
	return buf;
}

static int install(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	/* Block everything while a handler runs: with several signals
	 * pending at once the kernel would otherwise stack all their frames
	 * and run the last one set up first. This way each handler returns
	 * before the next signal is taken, in the kernel's delivery order. */
	sigfillset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* What we expect, in order; pid 0 means "ourselves", -1 "the child". */
struct want {
	int signo, code, value, status;
	int who;
};

int main(void)
{
	char b1[32], b2[32];
	struct want want[8];
	sigset_t rt, chld, old;
	union sigval v;
	pid_t self = getpid(), kid;
	int nwant = 0, i, st, bad = 0;
	const int rt2 = SIGRTMIN + 2, rt5 = SIGRTMIN + 5;

	if (install(SIGUSR1) || install(SIGCHLD) || install(rt2) ||
	    install(rt5)) {
		perror("signals: sigaction");
		return 1;
	}

	/* 1. to ourselves: delivered before kill() returns */
	kill(self, SIGUSR1);
	want[nwant++] = (struct want){ SIGUSR1, SI_USER, 0, 0, 0 };

	/* 2. a child's exit; SIGCHLD blocked until we wait for it */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	fflush(stdout);
	kid = fork();
	if (kid < 0) {
		perror("signals: fork");
		return 1;
	}
	if (kid == 0)
		_exit(5);
	while (nev < 2)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	while (waitpid(kid, &st, 0) < 0 && errno == EINTR)
		;
	want[nwant++] = (struct want){ SIGCHLD, CLD_EXITED, 0, 5, -1 };

	/* 3. queued real-time signals, sent out of order while blocked */
	sigemptyset(&rt);
	sigaddset(&rt, rt2);
	sigaddset(&rt, rt5);
	sigprocmask(SIG_BLOCK, &rt, NULL);
	v.sival_int = 55;
	sigqueue(self, rt5, v);
	v.sival_int = 22;
	sigqueue(self, rt2, v);
	v.sival_int = 56;
	sigqueue(self, rt5, v);
	v.sival_int = 23;
	sigqueue(self, rt2, v);
	sigprocmask(SIG_UNBLOCK, &rt, NULL);
	want[nwant++] = (struct want){ rt2, SI_QUEUE, 22, 0, 0 };
	want[nwant++] = (struct want){ rt2, SI_QUEUE, 23, 0, 0 };
	want[nwant++] = (struct want){ rt5, SI_QUEUE, 55, 0, 0 };
	want[nwant++] = (struct want){ rt5, SI_QUEUE, 56, 0, 0 };

	for (i = 0; i < nev; i++) {
		const struct ev *e = &evs[i];
		pid_t who = i < nwant && want[i].who < 0 ? kid : self;

		printf("%s: si_code=%s", sig_name(e->signo, b1, sizeof(b1)),
		       code_name(e->signo, e->code, b2, sizeof(b2)));
		if (e->signo == SIGCHLD)
			printf(" si_status=%d", e->status);
		if (e->code == SI_QUEUE)
			printf(" si_value=%d", e->value);
		printf(" si_pid=%s\n", e->pid == self ? "self" :
				       e->pid == kid ? "child" : "other");
		if (i >= nwant || e->signo != want[i].signo ||
		    e->code != want[i].code || e->value != want[i].value ||
		    e->status != want[i].status || e->pid != who)
			bad++;
	}
	if (nev != nwant)
		bad++;
	printf("signals: %s\n", bad ? "MISMATCH" : "ok");
	return bad ? 1 : 0;
}

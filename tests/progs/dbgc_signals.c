/* dbgc_signals: a target that catches signals, for the debugger's tests.
 *
 * Installs an SA_SIGINFO handler for SIGUSR1 and SIGALRM, raises SIGUSR1
 * twice, arms a short alarm and waits for it, then prints how many
 * signals its handlers saw (a debugger that drops or adds a signal
 * changes the output).
 */
#pragma GCC optimize("no-omit-frame-pointer")
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

volatile sig_atomic_t usr1_seen, alrm_seen;

__attribute__((noinline)) void on_signal(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	if (sig == SIGUSR1)
		usr1_seen++;
	else if (sig == SIGALRM)
		alrm_seen++;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_signal,
				.sa_flags = SA_SIGINFO };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	raise(SIGUSR1);
	raise(SIGUSR1);
	alarm(1);
	while (!alrm_seen)
		pause();
	printf("usr1=%d alrm=%d\n", (int)usr1_seen, (int)alrm_seen);
	return 0;
}

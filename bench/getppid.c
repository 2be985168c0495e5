/* getppid: N getppid(2) calls, each a real syscall (made with syscall(2):
 * nothing may cache it). Prints the loop's own time, so that the start-up
 * of the program (and of whatever runs it) can be told apart from the
 * per-call cost the benchmark is about.
 *
 *   getppid [N]            N defaults to 2,000,000
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2000000;
	long long t0, t1;
	long i;
	pid_t ppid = getppid();

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		/* A wrong answer means the call did not run as expected. */
		if (syscall(SYS_getppid) != ppid)
			return 1;
	}
	t1 = now_ns();
	printf("loop_ns %lld\n", t1 - t0);
	return 0;
}

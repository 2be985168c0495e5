/* reps: run a command N times, one after the other (fork, exec, wait),
 * with its output thrown away; print the time all N took. Short commands
 * are timed in batches so that the caller's own cost of starting a process
 * does not blur the ratio. Exits 1 if any run failed.
 *
 *   reps N PROGRAM [ARGS...]
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int run_once(char **argv, int devnull)
{
	int st;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (devnull >= 0) {
			dup2(devnull, 1);
			dup2(devnull, 2);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	long n, i;
	long long t0, t1;
	int devnull, bad = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: reps N PROGRAM [ARGS...]\n");
		return 2;
	}
	n = atol(argv[1]);
	/* Opened before the clock starts; the quiet flag keeps the output of
	 * the child for debugging when REPS_VERBOSE is set. */
	devnull = getenv("REPS_VERBOSE") ? -1 : open("/dev/null", O_WRONLY);
	t0 = now_ns();
	for (i = 0; i < n; i++)
		if (run_once(argv + 2, devnull) < 0)
			bad++;
	t1 = now_ns();
	printf("loop_ns %lld\n", t1 - t0);
	if (bad)
		fprintf(stderr, "reps: %d of %ld runs failed\n", bad, n);
	return bad ? 1 : 0;
}

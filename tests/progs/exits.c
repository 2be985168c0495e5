/* exits MODE: end in a chosen way, so tests can check that jail reports
 * (and passes on) every kind of ending.
 *
 *   exits status N        exit(N)
 *   exits signal SIG      die by SIG (name like TERM/SIGTERM, or number),
 *                         default disposition restored and unblocked first
 *   exits core            abort(): SIGABRT, whose default action dumps
 *                         core; RLIMIT_CORE 0 so no file is written. The
 *                         wait status is "killed by SIGABRT" either way;
 *                         WCOREDUMP is set only if a dump happened (with a
 *                         "|pipe" core_pattern the kernel ignores the 0)
 *   exits thread-exit [N] exit(N) (default 4) from a non-main thread while
 *                         the main thread is blocked in pause()
 *
 * Exit status 2 with a message on a usage error or when the signal did not
 * kill (a signal whose default action is to ignore or stop).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int usage(void)
{
	fprintf(stderr, "usage: exits status N | signal SIG | core | "
			"thread-exit [N]\n");
	return 2;
}

static int parse_int(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < -2147483647L || v > 2147483647L)
		return -1;
	*out = (int)v;
	return 0;
}

/* "TERM", "SIGTERM", "15". */
static int parse_sig(const char *s)
{
	int sig;

	if (parse_int(s, &sig) == 0)
		return sig > 0 && sig < NSIG ? sig : -1;
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (sig = 1; sig < NSIG; sig++) {
		const char *ab = sigabbrev_np(sig);

		if (ab && strcmp(ab, s) == 0)
			return sig;
	}
	return -1;
}

static int die_by(int sig)
{
	sigset_t set;

	signal(sig, SIG_DFL);	/* fails harmlessly for KILL and STOP */
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	fprintf(stderr, "exits: still alive after signal %d\n", sig);
	return 2;
}

static int thread_status;

static void *exiter(void *arg)
{
	(void)arg;
	exit(thread_status);
}

int main(int argc, char **argv)
{
	struct rlimit rl = { 0, 0 };
	pthread_t th;
	int n, sig, err;

	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "status") == 0 && argc == 3) {
		if (parse_int(argv[2], &n) != 0)
			return usage();
		exit(n);
	}
	if (strcmp(argv[1], "signal") == 0 && argc == 3) {
		sig = parse_sig(argv[2]);
		if (sig < 0)
			return usage();
		return die_by(sig);
	}
	if (strcmp(argv[1], "core") == 0 && argc == 2) {
		if (setrlimit(RLIMIT_CORE, &rl) != 0)
			perror("exits: setrlimit");
		abort();
	}
	if (strcmp(argv[1], "thread-exit") == 0 && argc <= 3) {
		thread_status = 4;
		if (argc == 3 && parse_int(argv[2], &thread_status) != 0)
			return usage();
		err = pthread_create(&th, NULL, exiter, NULL);
		if (err) {
			fprintf(stderr, "exits: pthread_create: %s\n",
				strerror(err));
			return 1;
		}
		for (;;)
			pause();
	}
	return usage();
}

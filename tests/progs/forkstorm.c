/* forkstorm [N]: fork N children (default 1000), at most MAX_ALIVE alive at
 * once, child i exiting with i % 7; check every status. Exercises a
 * tracer's handling of many short-lived processes and of exits that race
 * with fork events. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAX_ALIVE = 50 };

struct kid {
	pid_t pid;
	int idx;
};

static struct kid alive[MAX_ALIVE];
static int nalive, nbad;

/* Reap one child and check its status against the index it was given. */
static int reap_one(void)
{
	int st, i;
	pid_t p;

	do
		p = waitpid(-1, &st, 0);
	while (p < 0 && errno == EINTR);
	if (p < 0) {
		perror("forkstorm: waitpid");
		return -1;
	}
	for (i = 0; i < nalive; i++)
		if (alive[i].pid == p)
			break;
	if (i == nalive) {
		fprintf(stderr, "forkstorm: reaped unknown pid %d\n", (int)p);
		nbad++;
		return 0;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != alive[i].idx % 7) {
		fprintf(stderr,
			"forkstorm: child %d: status %#x, want exit %d\n",
			alive[i].idx, st, alive[i].idx % 7);
		nbad++;
	}
	alive[i] = alive[--nalive];
	return 0;
}

int main(int argc, char **argv)
{
	long n = 1000, i;
	char *end;
	pid_t p;

	if (argc > 1) {
		n = strtol(argv[1], &end, 10);
		if (*end || n < 0) {
			fprintf(stderr, "usage: forkstorm [N]\n");
			return 2;
		}
	}
	for (i = 0; i < n; i++) {
		if (nalive == MAX_ALIVE && reap_one() != 0)
			return 1;
		p = fork();
		if (p < 0) {
			perror("forkstorm: fork");
			return 1;
		}
		if (p == 0)
			_exit((int)(i % 7));
		alive[nalive].pid = p;
		alive[nalive].idx = (int)i;
		nalive++;
	}
	while (nalive > 0)
		if (reap_one() != 0)
			return 1;
	if (nbad) {
		printf("forked %ld, %d bad statuses\n", n, nbad);
		return 1;
	}
	printf("forked %ld, statuses ok\n", n);
	return 0;
}

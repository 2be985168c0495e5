/* openclose: N openat(2)+close(2) pairs on one file. Under a policy with
 * fs.* rules every openat is checked by jail's tracer: this measures the
 * cost of one checked syscall. Prints the loop's own time.
 *
 *   openclose FILE [N]     N defaults to 100,000
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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
	long n, i;
	long long t0, t1;

	if (argc < 2) {
		fprintf(stderr, "usage: openclose FILE [N]\n");
		return 2;
	}
	n = argc > 2 ? atol(argv[2]) : 100000;
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		int fd = openat(AT_FDCWD, argv[1], O_RDONLY | O_CLOEXEC);

		if (fd < 0) {
			perror(argv[1]);
			return 1;
		}
		close(fd);
	}
	t1 = now_ns();
	printf("loop_ns %lld\n", t1 - t0);
	return 0;
}

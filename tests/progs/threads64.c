/* threads64: 64 threads each make 1000 rounds of cheap syscalls (getpid,
 * getppid, open+close of /dev/null, a one-byte write to a pipe), so a
 * tracer sees ~80,000 syscall stops from many threads at once.
 *
 * The output is a checksum of what the calls returned, which does not
 * depend on scheduling; exit 0 when every call did what it should.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { NTHREADS = 64, ROUNDS = 1000 };

struct worker {
	pthread_t th;
	int idx;
	long ok[4];	/* per call kind: getpid, getppid, open, write */
};

static pid_t g_pid, g_ppid;
static int g_pipe[2];

static void *work(void *arg)
{
	struct worker *w = arg;
	unsigned char byte = (unsigned char)w->idx;
	int i, fd;

	for (i = 0; i < ROUNDS; i++) {
		switch (i % 4) {
		case 0:
			/* raw syscalls: no libc caching in the way */
			w->ok[0] += syscall(SYS_getpid) == g_pid;
			break;
		case 1:
			w->ok[1] += syscall(SYS_getppid) == g_ppid;
			break;
		case 2:
			fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
			if (fd >= 0 && close(fd) == 0)
				w->ok[2]++;
			break;
		case 3:
			w->ok[3] += write(g_pipe[1], &byte, 1) == 1;
			break;
		}
	}
	return NULL;
}

/* Drains the pipe so writers never block, summing the bytes: each worker
 * writes its own index ROUNDS/4 times. */
static void *drain(void *arg)
{
	unsigned long *sum = arg;
	unsigned char buf[4096];
	ssize_t n, i;

	for (;;) {
		n = read(g_pipe[0], buf, sizeof(buf));
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < n; i++)
			sum[0] += buf[i], sum[1]++;
	}
	return NULL;
}

int main(void)
{
	static struct worker w[NTHREADS];
	unsigned long drained[2] = { 0, 0 }, want_sum = 0;
	long tot[4] = { 0, 0, 0, 0 }, per = ROUNDS / 4;
	unsigned long check = 0;
	pthread_t dr;
	int i, k, err;
	bool good;

	g_pid = getpid();
	g_ppid = getppid();
	if (pipe2(g_pipe, O_CLOEXEC) != 0) {
		perror("threads64: pipe");
		return 1;
	}
	err = pthread_create(&dr, NULL, drain, drained);
	for (i = 0; i < NTHREADS && !err; i++) {
		w[i].idx = i;
		err = pthread_create(&w[i].th, NULL, work, &w[i]);
	}
	if (err) {
		fprintf(stderr, "threads64: pthread_create: %s\n",
			strerror(err));
		return 1;
	}
	for (i = 0; i < NTHREADS; i++)
		pthread_join(w[i].th, NULL);
	close(g_pipe[1]);
	pthread_join(dr, NULL);

	for (i = 0; i < NTHREADS; i++) {
		for (k = 0; k < 4; k++) {
			tot[k] += w[i].ok[k];
			/* weighted by thread and kind: a miscount anywhere
			 * shows, whatever order threads ran in */
			check = check * 31 + (unsigned long)w[i].ok[k];
		}
		want_sum += (unsigned long)i * (unsigned long)per;
	}
	good = tot[0] == NTHREADS * per && tot[1] == NTHREADS * per &&
	       tot[2] == NTHREADS * per && tot[3] == NTHREADS * per &&
	       drained[0] == want_sum &&
	       drained[1] == (unsigned long)(NTHREADS * per);
	printf("threads64: %d threads x %d calls: getpid %ld getppid %ld "
	       "open %ld write %ld, pipe %lu bytes sum %lu, checksum %lx\n",
	       NTHREADS, ROUNDS, tot[0], tot[1], tot[2], tot[3], drained[1],
	       drained[0], check);
	printf("threads64: %s\n", good ? "ok" : "MISMATCH");
	return good ? 0 : 1;
}

/* leader_exit: the main thread calls pthread_exit, so the thread-group
 * leader becomes a zombie while 4 other threads keep working for ~200 ms;
 * then the last of them calls exit(7). A tracer must keep the process
 * alive in its tables after its leader's exit, and report the process's
 * exit (status 7) only at the end.
 *
 * Threads record their lines in slots; the last thread to finish prints
 * them all in slot order, so the output does not depend on scheduling.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

enum { NWORKERS = 4, ROUNDS = 200 };

static char lines[NWORKERS + 1][80];
static atomic_int left = NWORKERS;
static atomic_int leader_gone;	/* set just before pthread_exit */
static pid_t pid;

static void *worker(void *arg)
{
	struct timespec ms = { 0, 1000000 };
	int idx = (int)(long)arg, i, ok = 0;

	while (!atomic_load(&leader_gone))
		nanosleep(&ms, NULL);
	/* ~200 ms of syscalls, after the leader is on its way out */
	for (i = 0; i < ROUNDS; i++) {
		ok += syscall(SYS_getpid) == pid;
		nanosleep(&ms, NULL);
	}
	snprintf(lines[idx + 1], sizeof(lines[0]),
		 "worker %d: %d of %d getpid calls ok", idx, ok, ROUNDS);
	if (atomic_fetch_sub(&left, 1) == 1) {
		/* the last one out prints everything and ends the process */
		for (i = 0; i <= NWORKERS; i++)
			printf("%s\n", lines[i]);
		printf("last worker: exit(7)\n");
		fflush(stdout);
		exit(7);
	}
	return NULL;
}

int main(void)
{
	pthread_t th;
	long i;
	int err;

	pid = getpid();
	for (i = 0; i < NWORKERS; i++) {
		err = pthread_create(&th, NULL, worker, (void *)i);
		if (err) {
			fprintf(stderr, "leader_exit: pthread_create: %s\n",
				strerror(err));
			return 1;
		}
	}
	snprintf(lines[0], sizeof(lines[0]), "main: pthread_exit");
	atomic_store(&leader_gone, 1);
	pthread_exit(NULL);
}

/* hold: create T threads and P processes and keep them all alive until
 * standard input reaches end of file; the memory workload measures the
 * tracer's peak RSS while they exist. Prints "ready" once all exist.
 *
 *   hold [THREADS [PROCESSES]]     both default to 1,000
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int gate[2];	/* everyone blocks reading gate[0] until EOF */

static void wait_gate(void)
{
	char c;

	while (read(gate[0], &c, 1) < 0 && errno == EINTR)
		;
}

static void *thread_main(void *arg)
{
	(void)arg;
	wait_gate();
	return NULL;
}

int main(int argc, char **argv)
{
	long nthreads = argc > 1 ? atol(argv[1]) : 1000;
	long nprocs = argc > 2 ? atol(argv[2]) : 1000;
	pthread_t *th = calloc((size_t)nthreads + 1, sizeof(*th));
	pthread_attr_t attr;
	char buf[64];
	long i;

	if (!th || pipe(gate) < 0) {
		perror("hold");
		return 1;
	}
	for (i = 0; i < nprocs; i++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("hold: fork");
			return 1;
		}
		if (pid == 0) {
			close(gate[1]);
			wait_gate();
			_exit(0);
		}
	}
	/* Small stacks: 1,000 threads of the default 8 MiB would measure
	 * address space, not the tracer. */
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < nthreads; i++) {
		int rc = pthread_create(&th[i], &attr, thread_main, NULL);

		if (rc) {
			fprintf(stderr, "hold: thread %ld: error %d\n", i, rc);
			return 1;
		}
	}
	printf("ready %ld threads %ld processes\n", nthreads, nprocs);
	fflush(stdout);
	while (fread(buf, 1, sizeof(buf), stdin) > 0)
		;
	close(gate[1]);
	for (i = 0; i < nthreads; i++)
		pthread_join(th[i], NULL);
	while (wait(NULL) > 0)
		;
	free(th);
	return 0;
}

/* exec_thread [PATH [ARG...]]: a non-leader thread calls execve while the
 * leader and two other threads are blocked (pause, nanosleep). The kernel
 * kills the other threads and the exec'ing thread takes over the leader's
 * tid: a tracer sees PTRACE_EVENT_EXEC with a changed tid, and the exits
 * of threads it may not have been told about.
 *
 * Default program: /bin/echo "exec from thread ok". The exit status is the
 * new program's (127 if execve failed).
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static atomic_int ready;	/* threads that reached their blocking call */
static char **exec_argv;

static void *pauser(void *arg)
{
	(void)arg;
	atomic_fetch_add(&ready, 1);
	for (;;)
		pause();
	return NULL;
}

static void *sleeper(void *arg)
{
	struct timespec ts = { 3600, 0 };

	(void)arg;
	atomic_fetch_add(&ready, 1);
	for (;;)
		nanosleep(&ts, NULL);
	return NULL;
}

static void *execer(void *arg)
{
	struct timespec tick = { 0, 1000000 }, settle = { 0, 20000000 };

	(void)arg;
	while (atomic_load(&ready) < 2)
		nanosleep(&tick, NULL);
	/* The others announced themselves just before blocking; give them
	 * (and the leader, in pause since before we started) time to get
	 * there. */
	nanosleep(&settle, NULL);
	execve(exec_argv[0], exec_argv, environ);
	fprintf(stderr, "exec_thread: execve %s: %s\n", exec_argv[0],
		strerror(errno));
	_exit(127);
}

int main(int argc, char **argv)
{
	static char *def[] = { "/bin/echo", "exec from thread ok", NULL };
	void *(*fns[3])(void *) = { pauser, sleeper, execer };
	pthread_t th;
	int i, err;

	exec_argv = argc > 1 ? argv + 1 : def;
	for (i = 0; i < 3; i++) {
		err = pthread_create(&th, NULL, fns[i], NULL);
		if (err) {
			fprintf(stderr, "exec_thread: pthread_create: %s\n",
				strerror(err));
			return 1;
		}
	}
	for (;;)
		pause();
}

/* hello_tree: the demo program of `make demo`. A small process tree that
 * touches each thing jail watches: fork, exec, a shell pipeline, a thread,
 * a signal with a handler, and the exits of them all.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

static void *thread_main(void *arg)
{
	const char *msg = arg;

	printf("thread: %s\n", msg);
	return NULL;
}

/* Fork a child that execs argv; wait for it; report how it ended. */
static int run(char *const argv[])
{
	int st;
	pid_t pid;

	printf("parent: running %s\n", argv[0]);
	fflush(stdout);	/* or the child prints our buffer too */
	pid = fork();
	if (pid < 0) {
		perror("hello_tree: fork");
		return -1;
	}
	if (pid == 0) {
		execve(argv[0], argv, environ);
		fprintf(stderr, "hello_tree: exec %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(st))
		printf("parent: child %d exited with %d\n", (int)pid,
		       WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("parent: child %d killed by signal %d\n", (int)pid,
		       WTERMSIG(st));
	return st;
}

int main(void)
{
	static char *const echo[] = { "/bin/echo", "child: hello from echo",
				      NULL };
	static char *const sh[] = {
		"/bin/sh", "-c",
		"printf 'sh: / has %s entries\\n' \"$(ls / | wc -l)\"", NULL
	};
	struct sigaction sa;
	pthread_t th;
	int bad = 0;

	printf("hello_tree: pid %d\n", (int)getpid());

	bad |= run(echo) != 0;
	bad |= run(sh) != 0;

	if (pthread_create(&th, NULL, thread_main, "hello from a thread") ==
	    0)
		pthread_join(th, NULL);
	else
		bad = 1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	printf("signal: SIGUSR1 %s\n", got_usr1 ? "caught by handler" :
						  "did not arrive");
	bad |= !got_usr1;

	printf("hello_tree: %s\n", bad ? "something went wrong" : "done");
	return bad;
}

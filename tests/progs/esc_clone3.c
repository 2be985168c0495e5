/* esc_clone3 SECRET
 *
 * Escaping the tracer: clone3's flags live in memory, where a seccomp
 * filter cannot see them, so CLONE_UNTRACED could hide there. jail's
 * answer is ENOSYS for every clone3, which glibc takes for "old kernel"
 * and falls back to clone(2), whose flags the filter can check.
 *
 * The attempt: clone3 with CLONE_UNTRACED, the child reads SECRET. Then a
 * pthread_create, which must still work (through the fallback).
 *
 *   ESCAPED  clone3 ran and the child read the secret (natively)
 *   BLOCKED  clone3 said ENOSYS and the thread ran
 *   WRONG    clone3 refused with another errno (glibc would not fall
 *            back), or ran at all, or the thread did not run
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

static int thread_ran;

static void *thread_main(void *arg)
{
	(void)arg;
	__atomic_store_n(&thread_ran, getpid() != gettid(), __ATOMIC_SEQ_CST);
	return NULL;
}

/* "" when a thread could be made and ran, else what went wrong. */
static const char *thread_check(void)
{
	static char why[64];
	pthread_t t;
	int rc;

	rc = pthread_create(&t, NULL, thread_main, NULL);
	if (rc) {
		snprintf(why, sizeof(why), "pthread_create: %s", en(rc));
		return why;
	}
	pthread_join(t, NULL);
	return thread_ran ? "" : "the thread did not run";
}

/* The child of clone3 (on a copy of our stack): one line on wfd. */
static void __attribute__((noreturn)) child(int wfd, const char *path)
{
	char buf[128];
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		dprintf(wfd, "B clone3 child: open(%s): %s", path, en(errno));
		_exit(0);
	}
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	if (strncmp(buf, "TOPSECRET", 9) != 0)
		dprintf(wfd, "S %s is not a secret", path);
	else
		dprintf(wfd, "E clone3(CLONE_UNTRACED) child read %s: "
			"\"%.20s\"", path, buf);
	_exit(0);
}

int main(int argc, char **argv)
{
	struct clone_args ca;
	const char *thr;
	char msg[256];
	int p[2], st;
	ssize_t n;
	long pid;

	if (argc != 2)
		verdict(SETUP, "usage: esc_clone3 SECRET");
	if (pipe2(p, O_CLOEXEC) < 0)
		verdict(SETUP, "pipe2: %s", en(errno));
	memset(&ca, 0, sizeof(ca));
	ca.flags = CLONE_UNTRACED;
	ca.exit_signal = SIGCHLD;
	pid = syscall(SYS_clone3, &ca, sizeof(ca));
	if (pid == 0)
		child(p[1], argv[1]);
	if (pid < 0) {
		int e = errno;

		thr = thread_check();
		if (e != ENOSYS)
			verdict(WRONG, "clone3: %s, not ENOSYS: glibc would "
				"not fall back to clone%s%s", en(e),
				*thr ? "; " : "", thr);
		if (*thr)
			verdict(WRONG, "clone3: ENOSYS, but after it %s", thr);
		verdict(BLOCKED, "clone3: ENOSYS; pthread_create fell back "
			"to clone and the thread ran");
	}
	close(p[1]);
	n = read(p[0], msg, sizeof(msg) - 1);
	waitpid((pid_t)pid, &st, 0);
	msg[n > 0 ? n : 0] = '\0';
	thr = thread_check();
	if (msg[0] == 'E')
		verdict(ESCAPED, "%s%s%s", msg + 2, *thr ? "; " : "", thr);
	verdict(WRONG, "clone3 ran (pid %ld) instead of failing with ENOSYS;"
		" %s%s%s", pid, n > 0 ? msg + 2 : "child said nothing",
		*thr ? "; " : "", thr);
}

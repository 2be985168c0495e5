/* esc_untraced open SECRET | exec PROGRAM
 *
 * Escaping the tracer: clone(CLONE_UNTRACED) makes a child the tracer is
 * not attached to, even with PTRACE_O_TRACEFORK. If jail decided paths in
 * the tracer only, the untraced child would be free. The child inherits
 * the seccomp filter, whose SECCOMP_RET_TRACE answers ENOSYS when no
 * tracer is attached, so the child must find every call that needs the
 * tracer refused.
 *
 *   open   the child opens and reads SECRET.
 *   exec   the child execs PROGRAM (esc_marker, denied by fs.exec).
 *
 * The child's stdout is a pipe: its report, or the marker's line when the
 * exec went through. The parent turns that into the verdict.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

/* In the child: one line for the parent on stdout, then exit. */
static void __attribute__((noreturn)) child(int wfd, const char *mode,
					    const char *path)
{
	char buf[128];
	ssize_t n;
	int fd;

	if (dup2(wfd, 1) < 0)
		_exit(2);
	wfd = 1;
	if (strcmp(mode, "exec") == 0) {
		/* the marker writes its verdict to our stdout itself */
		execl(path, path, (char *)NULL);
		dprintf(wfd, "B untraced child: execve(%s): %s", path,
			en(errno));
		_exit(0);
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		dprintf(wfd, "B untraced child: open(%s): %s", path,
			en(errno));
		_exit(0);
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0) {
		dprintf(wfd, "B untraced child: read: %s", en(errno));
		_exit(0);
	}
	buf[n] = '\0';
	if (strncmp(buf, "TOPSECRET", 9) != 0)
		dprintf(wfd, "S %s is not a secret", path);
	else
		dprintf(wfd, "E untraced child read %s: \"%.20s\"", path, buf);
	_exit(0);
}

int main(int argc, char **argv)
{
	char msg[256];
	int p[2], st;
	ssize_t n;
	long pid;

	if (argc != 3 || (strcmp(argv[1], "open") != 0 &&
			  strcmp(argv[1], "exec") != 0))
		verdict(SETUP, "usage: esc_untraced open|exec PATH");
	if (pipe2(p, O_CLOEXEC) < 0)
		verdict(SETUP, "pipe2: %s", en(errno));
	/* raw clone, no new stack: the child runs on a copy of ours */
	pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
	if (pid < 0)
		verdict(BLOCKED, "clone(CLONE_UNTRACED): %s", en(errno));
	if (pid == 0)
		child(p[1], argv[1], argv[2]);
	close(p[1]);
	n = read(p[0], msg, sizeof(msg) - 1);
	if (waitpid((pid_t)pid, &st, 0) < 0)
		verdict(SETUP, "waitpid: %s", en(errno));
	if (n <= 0)
		verdict(BLOCKED, "untraced child died without a word "
			"(status 0x%x)", st);
	msg[n] = '\0';
	if (strstr(msg, "ESCAPED-MARKER"))
		verdict(ESCAPED, "untraced child ran %s: %s", argv[2], msg);
	verdict(msg[0] == 'E' ? ESCAPED : msg[0] == 'B' ? BLOCKED : SETUP,
		"%s", msg + 2);
}

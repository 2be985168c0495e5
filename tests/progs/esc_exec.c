/* esc_exec MODE PATH
 *
 * Exec around fs.exec: run a program the policy does not let us exec
 * (esc_marker, which prints ESCAPED-MARKER), by ways that never name it
 * in an execve path:
 *
 *   opath    open PATH O_PATH, execveat(fd, "", AT_EMPTY_PATH)
 *   rdonly   the same with an O_RDONLY descriptor
 *   memfd    copy PATH's bytes into a memfd_create file, execveat it
 *   procfd   open PATH, execve("/proc/self/fd/N")
 *   shebang  PATH is an allowed script whose #! line names the denied
 *            program as its interpreter
 *   ldso     execve the dynamic loader (allowed) with PATH as its
 *            argument: the loader maps PATH executable itself
 *
 * The attempt runs in a child whose stdout and stderr are a pipe: the
 * marker's line there means the denied program ran.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

static const char ldso[] = "/lib64/ld-linux-x86-64.so.2";

static int execveat_(int fd, const char *path, char *const argv[], int flags)
{
	extern char **environ;

	return (int)syscall(SYS_execveat, fd, path, argv, environ, flags);
}

/* Copy path into a new memfd: its fd, or -1 (errno set). */
static int memfd_copy(const char *path)
{
	char buf[65536];
	int in, out;
	ssize_t n;

	in = open(path, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -1;
	out = (int)syscall(SYS_memfd_create, "esc_exec", 0);
	if (out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			return -1;
	close(in);
	return n < 0 ? -1 : out;
}

/* In the child: the attempt. Prints what failed and exits 0 if it
 * returns. */
static void __attribute__((noreturn)) attempt(const char *mode,
					      const char *path)
{
	char *argv[] = { (char *)path, NULL };
	char *ld_argv[] = { "ld.so", (char *)path, NULL };
	const char *step = "open";
	char proc[64];
	int fd = -1;

	if (strcmp(mode, "opath") == 0 || strcmp(mode, "rdonly") == 0) {
		fd = open(path, mode[0] == 'o' ? O_PATH : O_RDONLY);
		if (fd >= 0) {
			step = "execveat(fd, \"\", AT_EMPTY_PATH)";
			execveat_(fd, "", argv, AT_EMPTY_PATH);
		}
	} else if (strcmp(mode, "memfd") == 0) {
		step = "memfd copy";
		fd = memfd_copy(path);
		if (fd >= 0) {
			step = "execveat(memfd, \"\", AT_EMPTY_PATH)";
			execveat_(fd, "", argv, AT_EMPTY_PATH);
		}
	} else if (strcmp(mode, "procfd") == 0) {
		fd = open(path, O_RDONLY);
		if (fd >= 0) {
			snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
			step = proc;
			execv(proc, argv);
		}
	} else if (strcmp(mode, "shebang") == 0) {
		step = "execve of the script";
		execv(path, argv);
	} else if (strcmp(mode, "ldso") == 0) {
		step = "execve of ld.so";
		execv(ldso, ld_argv);
	} else {
		printf("S unknown mode %s\n", mode);
		exit(0);
	}
	printf("B %s: %s\n", step, en(errno));
	exit(0);
}

int main(int argc, char **argv)
{
	char out[1024];
	size_t len = 0;
	int p[2], st;
	ssize_t n;
	pid_t pid;

	if (argc != 3)
		verdict(SETUP, "usage: esc_exec "
			"opath|rdonly|memfd|procfd|shebang|ldso PATH");
	if (pipe(p) < 0)
		verdict(SETUP, "pipe: %s", en(errno));
	pid = fork();
	if (pid < 0)
		verdict(SETUP, "fork: %s", en(errno));
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		attempt(argv[1], argv[2]);
	}
	close(p[1]);
	while (len < sizeof(out) - 1 &&
	       (n = read(p[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += (size_t)n;
	out[len] = '\0';
	if (waitpid(pid, &st, 0) < 0)
		verdict(SETUP, "waitpid: %s", en(errno));
	if (strstr(out, "ESCAPED-MARKER"))
		verdict(ESCAPED, "%s: the denied program ran: %s", argv[1],
			out);
	if (out[0] == 'B' && out[1] == ' ')
		verdict(BLOCKED, "%s: %s", argv[1], out + 2);
	if (out[0] == 'S' && out[1] == ' ')
		verdict(SETUP, "%s", out + 2);
	/* the exec went through but what it ran failed: ld.so refused */
	verdict(BLOCKED, "%s: the exec'd image exited with status 0x%x: "
		"%.200s", argv[1], st, out);
}

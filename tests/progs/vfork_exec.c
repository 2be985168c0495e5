/* vfork_exec: vfork + execve("/bin/echo", "vfork ok"), then a second
 * vfork child that _exits(3) without exec. The parent is suspended until
 * each child execs or exits (a tracer sees PTRACE_EVENT_VFORK_DONE).
 * Exits with the echo's status; prints the second child's status. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int wait_for(pid_t pid)
{
	int st;
	pid_t p;

	do
		p = waitpid(pid, &st, 0);
	while (p < 0 && errno == EINTR);
	return p == pid ? st : -1;
}

int main(void)
{
	static char *const argv[] = { "/bin/echo", "vfork ok", NULL };
	pid_t pid;
	int st_echo, st;

	fflush(stdout);		/* the child writes to the same stdout */
	pid = vfork();
	if (pid == 0) {
		/* a vfork child may only exec or _exit */
		execve(argv[0], argv, environ);
		_exit(127);
	}
	if (pid < 0) {
		perror("vfork_exec: vfork");
		return 1;
	}
	st_echo = wait_for(pid);

	pid = vfork();
	if (pid == 0)
		_exit(3);
	if (pid < 0) {
		perror("vfork_exec: vfork");
		return 1;
	}
	st = wait_for(pid);
	if (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 3) {
		printf("vfork _exit: status %#x, want exit 3\n", st);
		return 1;
	}
	printf("vfork _exit(3) ok\n");
	if (st_echo < 0 || !WIFEXITED(st_echo)) {
		printf("vfork exec: status %#x\n", st_echo);
		return 1;
	}
	return WEXITSTATUS(st_echo);
}

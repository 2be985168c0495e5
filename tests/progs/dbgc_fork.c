/* dbgc_fork: a forking target for the debugger's tests.
 *
 * The parent forks a child that calls child_work() and exits 7; the
 * parent calls parent_work() and waits for it. With an argument "exec",
 * the child execs /bin/true instead. Breakpoints on either function
 * check that both processes are debugged after the fork.
 */
#pragma GCC optimize("no-omit-frame-pointer")
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

volatile int in_child, in_parent;

__attribute__((noinline)) int child_work(int x)
{
	in_child = 1;
	return x + 1;
}

__attribute__((noinline)) int parent_work(int x)
{
	in_parent = x;
	return x * 2;
}

int main(int argc, char **argv)
{
	int st = 0;
	pid_t pid = fork();

	if (pid == 0) {
		if (argc > 1 && strcmp(argv[1], "exec") == 0) {
			execl("/bin/true", "true", (char *)NULL);
			_exit(127);
		}
		_exit(child_work(6));
	}
	parent_work(21);
	waitpid(pid, &st, 0);
	printf("child status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	return 0;
}

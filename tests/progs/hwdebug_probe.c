/* hwdebug_probe: do x86 hardware debug registers fire on this machine?
 *
 * Some virtual machines accept DR0-DR3 and DR7 through PTRACE_POKEUSER
 * without an error and never raise the debug exception: a hardware
 * breakpoint or watchpoint is then silently never hit. The tests that
 * need them (tests/lib.sh, have_hw_debugregs) ask this program first.
 *
 * A child stops under ptrace; the parent sets an execute breakpoint on a
 * function (DR0) and a write watchpoint on a variable (DR1), and lets the
 * child call the one and write the other. Each must stop the child with
 * SIGTRAP, DR6 naming the register that fired, before the child exits.
 *
 * Prints one line; exits 0 when both fire, 1 when one never does, 2 when
 * the probe could not be made (ptrace refused, an unexpected stop). */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int probe_var;

__attribute__((noinline)) static void probe_fn(void)
{
	__asm__ volatile("" ::: "memory");
}

static long dr_off(int i)
{
	return (long)(offsetof(struct user, u_debugreg) + (size_t)i * 8);
}

/* DR7: L0 (execute, length 1) and L1 (write, length 4). */
#define DR7_L0		(1ul << 0)
#define DR7_L1		(1ul << 2)
#define DR7_RW1_WRITE	(1ul << 20)
#define DR7_LEN1_4	(3ul << 22)

static int fail(pid_t pid, int code, const char *msg)
{
	printf("%s\n", msg);
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return code;
}

/* Continue the child to its next stop; 1 when it stopped on a debug
 * register (SIGTRAP with DR6 bit `bit`), 0 when it exited first, -1 on
 * anything else. */
static int run_to_hit(pid_t pid, int bit)
{
	int st;
	long dr6;

	if (ptrace(PTRACE_CONT, pid, 0, 0) < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	if (WIFEXITED(st))
		return 0;
	if (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP)
		return -1;
	errno = 0;
	dr6 = ptrace(PTRACE_PEEKUSER, pid, (void *)dr_off(6), 0);
	if (errno)
		return -1;
	if (!(dr6 & (1l << bit)))
		return -1;
	/* clear DR6 for the next hit, as a debugger does */
	ptrace(PTRACE_POKEUSER, pid, (void *)dr_off(6), 0);
	return 1;
}

int main(void)
{
	unsigned long dr7 = DR7_L0 | DR7_L1 | DR7_RW1_WRITE | DR7_LEN1_4;
	int st = 0, x, w;
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	pid = fork();
	if (pid < 0)
		return fail(0, 2, "SETUP: fork failed");
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0)
			_exit(2);
		raise(SIGSTOP);
		probe_fn();
		probe_var = 1;
		_exit(0);
	}
	if (waitpid(pid, &st, 0) < 0 || !WIFSTOPPED(st) ||
	    WSTOPSIG(st) != SIGSTOP)
		return fail(WIFSTOPPED(st) ? pid : 0, 2,
			    "SETUP: the child did not stop under ptrace");
	/* the child is a copy: the same addresses */
	if (ptrace(PTRACE_POKEUSER, pid, (void *)dr_off(0),
		   (void *)(uintptr_t)probe_fn) < 0 ||
	    ptrace(PTRACE_POKEUSER, pid, (void *)dr_off(1),
		   (void *)(uintptr_t)&probe_var) < 0 ||
	    ptrace(PTRACE_POKEUSER, pid, (void *)dr_off(7), (void *)dr7) < 0)
		return fail(pid, 2, "SETUP: PTRACE_POKEUSER of DR0/DR1/DR7 "
				    "refused");
	x = run_to_hit(pid, 0);
	if (x < 0)
		return fail(pid, 2, "SETUP: unexpected stop waiting for the "
				    "execute breakpoint (DR0)");
	if (x == 0) {	/* exited, and reaped */
		printf("hardware debug registers accepted but never fired: "
		       "the child ran past the execute breakpoint (DR0) to "
		       "its exit\n");
		return 1;
	}
	/* only the watchpoint from here on */
	if (ptrace(PTRACE_POKEUSER, pid, (void *)dr_off(7),
		   (void *)(dr7 & ~DR7_L0)) < 0)
		return fail(pid, 2, "SETUP: PTRACE_POKEUSER of DR7 refused");
	w = run_to_hit(pid, 1);
	if (w < 0)
		return fail(pid, 2, "SETUP: unexpected stop waiting for the "
				    "write watchpoint (DR1)");
	if (w == 0) {
		printf("the execute breakpoint (DR0) fired, the write "
		       "watchpoint (DR1) never did\n");
		return 1;
	}
	return fail(pid, 0, "hardware debug registers fire: an execute "
			    "breakpoint (DR0) and a write watchpoint (DR1)");
}

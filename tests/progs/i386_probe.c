/* i386_probe: can this kernel run i386 system calls?
 *
 * An x86_64 program making an i386 call with int $0x80. A kernel without
 * IA32 emulation, or one on a hypervisor without 32-bit compat mode, kills
 * it with SIGSEGV there, whatever /proc/config.gz says (and refuses to
 * exec an i386 program, ENOEXEC). The tests that need i386 code ask this
 * program first (tests/lib.sh, have_i386).
 *
 * A child makes getpid through int $0x80 (i386 number 20) and compares
 * it with its pid. Prints one line; exits 0 when it ran, 1 when the child
 * was killed by SIGSEGV at the call, 2 on anything else. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int st;
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	pid = fork();
	if (pid < 0) {
		puts("SETUP: fork failed");
		return 2;
	}
	if (pid == 0) {
		long r;

		/* old kernels clobbered r8-r11 on int $0x80 from 64-bit */
		__asm__ volatile("int $0x80"
				 : "=a"(r)
				 : "a"(20L)
				 : "r8", "r9", "r10", "r11", "memory", "cc");
		_exit(r == (long)getpid() ? 0 : 3);
	}
	if (waitpid(pid, &st, 0) < 0) {
		puts("SETUP: waitpid failed");
		return 2;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		puts("i386 system calls (int $0x80) run");
		return 0;
	}
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV) {
		puts("int $0x80 killed by SIGSEGV: no i386 code here");
		return 1;
	}
	printf("SETUP: unexpected status %#x from the int $0x80 child\n", st);
	return 2;
}

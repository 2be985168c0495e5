/* esc_ptrace MODE [TARGET]
 *
 * Escaping the tracer, or reaching past it, with ptrace and the
 * process_vm_* calls:
 *
 *   traceme          a forked child calls PTRACE_TRACEME
 *   attach TARGET    PTRACE_ATTACH, wait for the stop, detach
 *   seize TARGET     PTRACE_SEIZE + PTRACE_INTERRUPT, wait, detach
 *   vmread TARGET    process_vm_readv of 8 bytes of TARGET
 *   vmwrite TARGET   process_vm_writev of 8 bytes of TARGET (the bytes
 *                    just read there, so nothing changes)
 *
 * TARGET is a pid (a victim outside the jailed tree), "parent" (jail
 * itself under jail) or, for attach and seize, "sibling": a process the
 * attacker's parent forked, attached from a second child.
 *
 * The address for process_vm_* comes from /proc/PID/maps; when that
 * cannot be read an unmapped address is used, and EFAULT (the permission
 * check passed, the copy failed) counts as getting through.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

enum { GUESS_ADDR = 0x10000 };	/* below vm.mmap_min_addr: never mapped */

/* 0 or -errno. Leaves pid running and untraced again. */
static int attach(pid_t pid, bool seize)
{
	int st;

	if (seize) {
		if (ptrace(PTRACE_SEIZE, pid, 0, 0) < 0)
			return -errno;
		if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0) {
			/* seized already: that is the escape */
			return 0;
		}
	} else if (ptrace(PTRACE_ATTACH, pid, 0, 0) < 0) {
		return -errno;
	}
	if (waitpid(pid, &st, __WALL) == pid)
		ptrace(PTRACE_DETACH, pid, 0, 0);
	return 0;
}

/* A readable (writable) private mapping of pid, from its maps. */
static bool find_addr(pid_t pid, bool writable, unsigned long *addr)
{
	char path[64], line[512], perms[8];
	unsigned long lo, hi;
	bool found = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3)
			continue;
		if (strstr(line, "[v"))		/* [vvar], [vdso], ... */
			continue;
		if (perms[0] != 'r' || (writable && perms[1] != 'w'))
			continue;
		*addr = lo;
		found = true;
	}
	fclose(f);
	return found;
}

static int vm_rw(pid_t pid, bool write, unsigned long addr, void *buf,
		 size_t len)
{
	struct iovec l = { buf, len }, r = { (void *)addr, len };
	ssize_t n;

	n = write ? process_vm_writev(pid, &l, 1, &r, 1, 0) :
		    process_vm_readv(pid, &l, 1, &r, 1, 0);
	return n < 0 ? -errno : (int)n;
}

static void __attribute__((noreturn)) vm_mode(pid_t pid, bool write,
					      const char *who)
{
	unsigned long addr = GUESS_ADDR;
	unsigned char b[8];
	bool known;
	int n;

	known = find_addr(pid, write, &addr);
	n = vm_rw(pid, false, addr, b, sizeof(b));
	if (write && n == (int)sizeof(b))
		n = vm_rw(pid, true, addr, b, sizeof(b));
	else if (write)		/* nothing to write back: an unmapped spot */
		n = vm_rw(pid, true, addr = GUESS_ADDR, b, 1);
	if (n > 0)
		verdict(ESCAPED, "process_vm_%s of %s: %d bytes at %#lx",
			write ? "writev" : "readv", who, n, addr);
	if (n == -EFAULT && (!known || addr == GUESS_ADDR))
		verdict(ESCAPED, "process_vm_%s of %s: EFAULT at unmapped "
			"%#lx, so the permission check passed",
			write ? "writev" : "readv", who, addr);
	verdict(BLOCKED, "process_vm_%s of %s: %s",
		write ? "writev" : "readv", who, en(-n));
}

/* PTRACE_TRACEME in a child; its exit status says how it went. */
static void __attribute__((noreturn)) traceme(void)
{
	pid_t pid;
	int st;

	pid = fork();
	if (pid < 0)
		verdict(SETUP, "fork: %s", en(errno));
	if (pid == 0)
		_exit(ptrace(PTRACE_TRACEME, 0, 0, 0) < 0 ? errno : 0);
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		verdict(SETUP, "child: status 0x%x", st);
	if (WEXITSTATUS(st) == 0)
		verdict(ESCAPED, "PTRACE_TRACEME in a child succeeded");
	verdict(BLOCKED, "PTRACE_TRACEME in a child: %s",
		en(WEXITSTATUS(st)));
}

/* Child 1 sleeps, child 2 attaches to it. */
static void __attribute__((noreturn)) sibling(bool seize)
{
	const char *how = seize ? "PTRACE_SEIZE" : "PTRACE_ATTACH";
	pid_t a, b;
	int st = 0;

	b = fork();
	if (b < 0)
		verdict(SETUP, "fork: %s", en(errno));
	if (b == 0) {
		sleep(30);
		_exit(0);
	}
	a = fork();
	if (a < 0) {
		kill(b, SIGKILL);
		verdict(SETUP, "fork: %s", en(errno));
	}
	if (a == 0)
		_exit(-attach(b, seize));
	waitpid(a, &st, 0);
	kill(b, SIGKILL);
	waitpid(b, NULL, 0);
	if (!WIFEXITED(st))
		verdict(SETUP, "attaching child: status 0x%x", st);
	if (WEXITSTATUS(st) == 0)
		verdict(ESCAPED, "%s of a sibling (pid %d) succeeded", how,
			(int)b);
	verdict(BLOCKED, "%s of a sibling: %s", how, en(WEXITSTATUS(st)));
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "", *t = argv[2];
	char who[32];
	bool seize;
	pid_t pid;
	int rc;

	if (strcmp(mode, "traceme") == 0)
		traceme();
	if (argc != 3)
		verdict(SETUP, "usage: esc_ptrace traceme | attach|seize "
			"sibling|parent|PID | vmread|vmwrite parent|PID");
	seize = strcmp(mode, "seize") == 0;
	if (strcmp(t, "sibling") == 0 && (seize || !strcmp(mode, "attach")))
		sibling(seize);
	if (strcmp(t, "parent") == 0) {
		pid = getppid();
		snprintf(who, sizeof(who), "the parent (pid %d)", (int)pid);
	} else {
		pid = (pid_t)atoi(t);
		snprintf(who, sizeof(who), "pid %d", (int)pid);
	}
	if (pid <= 1)
		verdict(SETUP, "bad target %s", t);
	if (strcmp(mode, "vmread") == 0 || strcmp(mode, "vmwrite") == 0)
		vm_mode(pid, mode[2] == 'w', who);
	if (!seize && strcmp(mode, "attach") != 0)
		verdict(SETUP, "unknown mode %s", mode);
	rc = attach(pid, seize);
	if (rc == 0)
		verdict(ESCAPED, "%s of %s succeeded",
			seize ? "PTRACE_SEIZE" : "PTRACE_ATTACH", who);
	verdict(BLOCKED, "%s of %s: %s", seize ? "PTRACE_SEIZE" :
		"PTRACE_ATTACH", who, en(-rc));
}

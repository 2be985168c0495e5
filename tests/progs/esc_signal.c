/* esc_signal MODE [VICTIM_PID]
 *
 * Signals out of the jailed tree: SIGTERM to a victim outside it, by
 * every way the kernel offers.
 *
 *   kill PID        kill(2)
 *   tkill PID       tkill(2) on the victim's main thread
 *   tgkill PID      tgkill(2)
 *   pidfd PID       pidfd_open(2) + pidfd_send_signal(2)
 *   sigqueue PID    rt_sigqueueinfo(2) with SI_QUEUE
 *   tgsigqueue PID  rt_tgsigqueueinfo(2)
 *   pgrp PID        join PID's process group, then kill(0, SIGTERM)
 *                   (SIGTERM ignored here, so only the victim dies)
 *   parent          kill(getppid(), SIGTERM): jail itself under jail
 *   killall         kill(-1, SIGTERM). Only when traced (TracerPid is
 *                   not 0): natively it would signal every process of
 *                   root, so there it is not attempted (SETUP). The
 *                   script also runs it in a PID namespace of its own.
 *   victim          be a victim: lead a process group of our own, sleep
 *                   until killed (at most 120 s)
 *   victim-nocaps   the same without capabilities: the kernel then lets
 *                   a jailed process (uid 0, no capabilities either)
 *                   ptrace it, so only jail stands in the way
 *
 * ESCAPED when the call succeeded; the script checks the victim died
 * natively and lives under jail.
 */
#include <errno.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

/* The tracer of this process (0: none) from /proc/self/status; -1 when
 * it cannot be read. */
static int tracer_pid(void)
{
	char line[256];
	int pid = -1;
	FILE *f;

	f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "TracerPid: %d", &pid) == 1)
			break;
	fclose(f);
	return pid;
}

static long sigqueue_to(pid_t pid, bool tg)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGTERM;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	if (tg)
		return syscall(SYS_rt_tgsigqueueinfo, pid, pid, SIGTERM, &si);
	return syscall(SYS_rt_sigqueueinfo, pid, SIGTERM, &si);
}

static void __attribute__((noreturn)) be_victim(bool nocaps)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int i;

	memset(d, 0, sizeof(d));
	if (nocaps && syscall(SYS_capset, &h, d) < 0)
		_exit(2);
	setpgid(0, 0);
	for (i = 0; i < 120; i++)
		sleep(1);
	_exit(0);
}

/* kill(0) after moving into pid's process group. */
static void __attribute__((noreturn)) pgrp(pid_t pid)
{
	pid_t pg = getpgid(pid);

	if (pg < 0)
		verdict(BLOCKED, "getpgid(%d): %s", (int)pid, en(errno));
	signal(SIGTERM, SIG_IGN);
	if (setpgid(0, pg) < 0)
		verdict(BLOCKED, "setpgid(0, %d): %s", (int)pg, en(errno));
	if (kill(0, SIGTERM) < 0)
		verdict(BLOCKED, "in pgrp %d, kill(0, SIGTERM): %s", (int)pg,
			en(errno));
	verdict(ESCAPED, "joined pgrp %d, kill(0, SIGTERM) succeeded",
		(int)pg);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	pid_t pid = argc > 2 ? (pid_t)atoi(argv[2]) : 0;
	long r;
	int fd;

	if (strncmp(mode, "victim", 6) == 0)
		be_victim(strcmp(mode, "victim-nocaps") == 0);
	if (strcmp(mode, "parent") == 0) {
		pid = getppid();
		if (kill(pid, SIGTERM) < 0)
			verdict(BLOCKED, "kill(parent %d, SIGTERM): %s",
				(int)pid, en(errno));
		verdict(ESCAPED, "kill(parent %d, SIGTERM) succeeded",
			(int)pid);
	}
	if (strcmp(mode, "killall") == 0) {
		if (tracer_pid() <= 0)
			verdict(SETUP, "kill(-1) not attempted: not under a "
				"tracer, it would signal every process");
		signal(SIGTERM, SIG_IGN);
		if (kill(-1, SIGTERM) < 0)
			verdict(BLOCKED, "kill(-1, SIGTERM): %s", en(errno));
		verdict(ESCAPED, "kill(-1, SIGTERM) succeeded");
	}
	if (pid <= 1)
		verdict(SETUP, "usage: esc_signal MODE VICTIM_PID");
	if (strcmp(mode, "pgrp") == 0)
		pgrp(pid);
	if (strcmp(mode, "kill") == 0) {
		r = kill(pid, SIGTERM);
	} else if (strcmp(mode, "tkill") == 0) {
		r = syscall(SYS_tkill, pid, SIGTERM);
	} else if (strcmp(mode, "tgkill") == 0) {
		r = syscall(SYS_tgkill, pid, pid, SIGTERM);
	} else if (strcmp(mode, "sigqueue") == 0) {
		r = sigqueue_to(pid, false);
	} else if (strcmp(mode, "tgsigqueue") == 0) {
		r = sigqueue_to(pid, true);
	} else if (strcmp(mode, "pidfd") == 0) {
		fd = (int)syscall(SYS_pidfd_open, pid, 0);
		if (fd < 0)
			verdict(BLOCKED, "pidfd_open(%d): %s", (int)pid,
				en(errno));
		r = syscall(SYS_pidfd_send_signal, fd, SIGTERM, NULL, 0);
	} else {
		verdict(SETUP, "unknown mode %s", mode);
	}
	if (r < 0)
		verdict(BLOCKED, "%s(%d, SIGTERM): %s", mode, (int)pid,
			en(errno));
	verdict(ESCAPED, "%s(%d, SIGTERM) succeeded", mode, (int)pid);
}

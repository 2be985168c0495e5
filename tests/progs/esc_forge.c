/* esc_forge [-n] trace|notify SECRET
 *
 * Forged decisions: the jailed program stacks a seccomp filter of its own
 * on jail's, hoping to decide instead of jail.
 *
 *   trace   openat -> SECCOMP_RET_TRACE | 0x1234. The kernel keeps the
 *           data of the most recent filter among equal actions, so jail
 *           sees a trace stop with data it did not choose; it must decide
 *           by its own policy anyway.
 *   notify  openat -> SECCOMP_RET_USER_NOTIF on a listener
 *           (SECCOMP_FILTER_FLAG_NEW_LISTENER) that a second thread
 *           answers with SECCOMP_USER_NOTIF_FLAG_CONTINUE. USER_NOTIF
 *           outranks TRACE: jail would never see the open. Installing
 *           the listener must fail, or the open still be denied.
 *
 * Then SECRET is opened and read. -n skips the filter: the native
 * baseline (natively, RET_TRACE without a tracer fails the open with
 * ENOSYS, so "trace" itself cannot escape there).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

enum { FORGED_DATA = 0x1234 };

/* openat -> ret, everything else allowed. The listener fd, 0, or -errno. */
static int install(unsigned ret, unsigned flags)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, ret),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	long rc;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
	return rc < 0 ? -errno : (int)rc;
}

/* The second thread: answers every notification with "continue". */
static void *notifier(void *arg)
{
	int fd = *(int *)arg;
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;

	for (;;) {
		memset(&req, 0, sizeof(req));
		if (ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0) {
			if (errno == EINTR)
				continue;
			return NULL;
		}
		memset(&resp, 0, sizeof(resp));
		resp.id = req.id;
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	}
}

int main(int argc, char **argv)
{
	int baseline = argc > 1 && strcmp(argv[1], "-n") == 0;
	const char *mode, *path, *how;
	static int lfd;
	char buf[128];
	pthread_t t;
	ssize_t n;
	int fd, rc;

	if (argc != 3 + baseline)
		verdict(SETUP, "usage: esc_forge [-n] trace|notify SECRET");
	mode = argv[1 + baseline];
	path = argv[2 + baseline];
	if (baseline) {
		how = "no filter of our own (baseline)";
	} else if (strcmp(mode, "trace") == 0) {
		rc = install(SECCOMP_RET_TRACE | FORGED_DATA, 0);
		if (rc < 0)
			verdict(BLOCKED, "installing a RET_TRACE|%#x filter: "
				"%s", FORGED_DATA, en(-rc));
		how = "a filter of our own forged RET_TRACE|0x1234";
	} else if (strcmp(mode, "notify") == 0) {
		rc = install(SECCOMP_RET_USER_NOTIF,
			     SECCOMP_FILTER_FLAG_NEW_LISTENER);
		if (rc < 0)
			verdict(BLOCKED, "installing a filter with "
				"NEW_LISTENER: %s", en(-rc));
		lfd = rc;
		rc = pthread_create(&t, NULL, notifier, &lfd);
		if (rc)
			verdict(SETUP, "pthread_create: %s", en(rc));
		how = "our own listener answered CONTINUE";
	} else {
		verdict(SETUP, "unknown mode %s", mode);
	}
	fd = open(path, O_RDONLY);
	if (fd < 0)
		verdict(BLOCKED, "%s; open(%s): %s", how, path, en(errno));
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	if (strncmp(buf, "TOPSECRET", 9) != 0)
		verdict(SETUP, "%s is not a secret", path);
	verdict(ESCAPED, "%s; read %s: \"%.20s\"", how, path, buf);
}

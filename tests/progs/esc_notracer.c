/* esc_notracer
 *
 * Tracer death: jail sends the calls it must look at to the tracer with
 * SECCOMP_RET_TRACE. If jail died, would they run unchecked? The kernel
 * says no: RET_TRACE with no tracer attached fails the call with ENOSYS.
 * This checks that property of the running kernel: a filter sends
 * getppid to a tracer that is not there. Run it natively (under jail,
 * jail is the tracer).
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

int main(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	long r;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		verdict(SETUP, "PR_SET_NO_NEW_PRIVS: %s", en(errno));
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		verdict(SETUP, "seccomp: %s", en(errno));
	r = syscall(SYS_getppid);
	if (r < 0 && errno == ENOSYS)
		verdict(BLOCKED, "RET_TRACE with no tracer: getppid failed "
			"with ENOSYS (fails closed)");
	if (r < 0)
		verdict(BLOCKED, "RET_TRACE with no tracer: getppid: %s",
			en(errno));
	verdict(ESCAPED, "RET_TRACE with no tracer: getppid ran (%ld)", r);
}

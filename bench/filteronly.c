/* filteronly: run a program under jail's seccomp filters with no tracer,
 * the floor for syscalls the kernel decides.
 *
 *   filteronly BASELINE.bpf POLICY.bpf -- PROGRAM [ARGS...]
 *
 * Installs each file's program in the order given (jail installs its
 * hardening baseline first, then the policy), with no_new_privs, then
 * execs PROGRAM. With no tracer a SECCOMP_RET_TRACE would fail its call
 * with ENOSYS and the loader could not even open libc, so every RET_TRACE
 * becomes RET_ALLOW: the calls the kernel decides take exactly the same
 * path through the same instructions as under jail.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "bpffile.h"

int main(int argc, char **argv)
{
	int i, rc;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		struct bpf_prog p;

		rc = bpf_prog_read(argv[i], &p);
		if (rc < 0) {
			fprintf(stderr, "filteronly: %s: %s\n", argv[i],
				strerror(-rc));
			return 125;
		}
		bpf_prog_trace_to_allow(&p);
		if (i == 1 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
			perror("filteronly: no_new_privs");
			return 125;
		}
		rc = bpf_prog_install(&p);
		bpf_prog_free(&p);
		if (rc < 0) {
			fprintf(stderr, "filteronly: %s: seccomp: %s\n",
				argv[i], strerror(-rc));
			return 125;
		}
	}
	if (i + 1 >= argc) {
		fprintf(stderr, "usage: filteronly FILE.bpf... -- PROGRAM "
			"[ARGS...]\n");
		return 125;
	}
	execvp(argv[i + 1], argv + i + 1);
	fprintf(stderr, "filteronly: %s: %s\n", argv[i + 1], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}

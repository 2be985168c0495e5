/* mintracer: the least a seccomp+ptrace tracer can do, the floor of jail's
 * design. It seizes the child (PTRACE_O_TRACESECCOMP), which loads a filter
 * and execs; at every seccomp stop it does waitpid and PTRACE_CONT, nothing
 * else: no registers, no memory, no decision.
 *
 *   mintracer [-v] [-F] [-c] [-f FILE.bpf]... [--] PROGRAM [ARGS...]
 *
 * Without -f the filter sends open and openat to the tracer and allows
 * everything else (x32 and foreign ABIs are killed, as in jail). With -f
 * the given programs are installed in order, unchanged: jail's own filters
 * (`jail --check --dump-bpf`) make mintracer stop at exactly the calls
 * jail stops at. Forks are followed only with -F (without it a child's
 * traced calls fail with ENOSYS). -c adds, at each open/openat stop, the
 * least a race-free path check costs: the call's arguments, its path read
 * from the tracee, one lookup of that path (openat2 RESOLVE_NO_SYMLINKS,
 * close) and one register rewrite (GETREGS, SETREGS, values unchanged);
 * no decision, nothing written. -v prints the number of stops. Exits with
 * the program's status, 128+N for signal N.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bpffile.h"

#define MAX_FILTERS 4

static struct sock_filter builtin_insns[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),	/* x32 */
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat, 1, 0),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_open, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

/* The child: wait until the parent has seized us (it closes the pipe),
 * load the filters, exec. Async-signal-safe only. */
static void child(int rfd, struct bpf_prog *f, int nf, char **argv)
{
	char c;
	int i;

	while (read(rfd, &c, 1) < 0 && errno == EINTR)
		;
	close(rfd);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		_exit(125);
	for (i = 0; i < nf; i++)
		if (bpf_prog_install(&f[i]) < 0)
			_exit(125);
	execvp(argv[0], argv);
	_exit(errno == ENOENT ? 127 : 126);
}

/* -c: what any race-free path check does at an open's stop (see the
 * head comment), with its results thrown away. */
static void check_floor(pid_t pid)
{
	struct __ptrace_syscall_info sci;
	struct open_how how = { .flags = O_PATH | O_CLOEXEC,
				.resolve = RESOLVE_NO_SYMLINKS };
	struct user_regs_struct regs;
	char path[256];
	struct iovec l = { path, sizeof(path) }, r = { NULL, sizeof(path) };
	int fd;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(sci), &sci) <= 0 ||
	    sci.op != PTRACE_SYSCALL_INFO_SECCOMP)
		return;
	if (sci.seccomp.nr == SYS_openat)
		r.iov_base = (void *)sci.seccomp.args[1];
	else if (sci.seccomp.nr == SYS_open)
		r.iov_base = (void *)sci.seccomp.args[0];
	else
		return;
	if (process_vm_readv(pid, &l, 1, &r, 1, 0) <= 0)
		return;
	path[sizeof(path) - 1] = '\0';
	fd = syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));
	if (fd >= 0)
		close(fd);
	if (ptrace(PTRACE_GETREGS, pid, 0, &regs) == 0)
		ptrace(PTRACE_SETREGS, pid, 0, &regs);
}

/* Resume every stop at once; return the main child's exit code. */
static int trace_loop(pid_t main_pid, unsigned long *stops, int check)
{
	int code = 0, st;
	pid_t pid;

	for (;;) {
		pid = waitpid(-1, &st, __WALL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;	/* ECHILD: nobody left */
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			if (pid == main_pid)
				code = WIFEXITED(st) ? WEXITSTATUS(st) :
						       128 + WTERMSIG(st);
			continue;
		}
		if (!WIFSTOPPED(st))
			continue;
		if (st >> 16 == PTRACE_EVENT_SECCOMP) {
			(*stops)++;
			if (check)
				check_floor(pid);
		}
		/* A signal-delivery stop passes its signal on; event stops
		 * (seccomp, the seize's group-stop reports) carry none. */
		ptrace(PTRACE_CONT, pid, 0,
		       st >> 16 ? 0 : (void *)(long)WSTOPSIG(st));
	}
	return code;
}

int main(int argc, char **argv)
{
	struct bpf_prog f[MAX_FILTERS];
	unsigned long stops = 0;
	int nf = 0, verbose = 0, follow = 0, check = 0, opt, pfd[2], code, i;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+vFcf:")) != -1) {
		int rc;

		switch (opt) {
		case 'v':
			verbose = 1;
			break;
		case 'F':
			follow = 1;
			break;
		case 'c':
			check = 1;
			break;
		case 'f':
			if (nf == MAX_FILTERS) {
				fprintf(stderr, "mintracer: too many -f\n");
				return 125;
			}
			rc = bpf_prog_read(optarg, &f[nf]);
			if (rc < 0) {
				fprintf(stderr, "mintracer: %s: %s\n", optarg,
					strerror(-rc));
				return 125;
			}
			nf++;
			break;
		default:
			return 125;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: mintracer [-v] [-F] [-c] "
			"[-f FILE.bpf]... [--] PROGRAM [ARGS...]\n");
		return 125;
	}
	if (nf == 0) {
		f[0].insns = builtin_insns;
		f[0].len = sizeof(builtin_insns) / sizeof(*builtin_insns);
		nf = 1;
	}
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		perror("mintracer: pipe");
		return 125;
	}
	pid = fork();
	if (pid < 0) {
		perror("mintracer: fork");
		return 125;
	}
	if (pid == 0) {
		close(pfd[1]);
		child(pfd[0], f, nf, argv + optind);
	}
	close(pfd[0]);
	if (ptrace(PTRACE_SEIZE, pid, 0, (void *)(long)(PTRACE_O_TRACESECCOMP |
		   PTRACE_O_EXITKILL | (follow ? PTRACE_O_TRACEFORK |
		   PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
		   PTRACE_O_TRACEEXEC : 0))) < 0) {
		perror("mintracer: PTRACE_SEIZE");
		kill(pid, SIGKILL);
		return 125;
	}
	close(pfd[1]);
	code = trace_loop(pid, &stops, check);
	if (verbose)
		fprintf(stderr, "mintracer: %lu seccomp stops\n", stops);
	for (i = 0; i < nf && f[i].insns != builtin_insns; i++)
		bpf_prog_free(&f[i]);
	return code;
}

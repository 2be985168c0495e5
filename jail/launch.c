#include "jail/launch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static bool is_exec_file(const char *p, int *err)
{
	struct stat st;

	if (stat(p, &st) < 0) {
		*err = errno;
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = EISDIR;
		return false;
	}
	if (access(p, X_OK) < 0) {
		*err = errno;
		return false;
	}
	return true;
}

char *launch_find_program(const char *name, int *err)
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];
	int first_err = ENOENT;

	if (strchr(name, '/'))
		return is_exec_file(name, err) ? strdup(name) : NULL;
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *colon = strchrnul(path, ':');
		int len = (int)(colon - path), e = 0;

		snprintf(buf, sizeof(buf), "%.*s/%s", len ? len : 1,
			 len ? path : ".", name);
		if (is_exec_file(buf, &e))
			return strdup(buf);
		/* Like execvp: a file that exists but cannot run beats a
		 * later "not found". */
		if (e != ENOENT && e != ENOTDIR && first_err == ENOENT)
			first_err = e;
		path = *colon ? colon + 1 : colon;
	}
	*err = first_err;
	return NULL;
}

/* What the child needs, all prepared before it exists: it makes system
 * calls and nothing else (see child()). */
struct child_args {
	char *const *argv;
	const char *path;
	const struct jail_bpf *const *filters;
	int nfilters;
	bool own_pgrp;
	int sync_fd, err_fd;		/* the child's ends */
	int other_fds[2];		/* the parent's ends, closed in the child */
	pid_t parent;
	/* Capabilities: drop every one but the kept ones, from every set:
	 * effective, permitted, inheritable, ambient and the bounding set,
	 * so that even root cannot regain the others across exec. Kept ones
	 * go in all of them (ambient too, so that they survive exec for any
	 * uid). */
	int ncaps;			/* cap_max_bits() */
	bool drop_bound;
	uint64_t keep;			/* bit c: CAP c is kept */
	struct __user_cap_header_struct cap_hdr;
	struct __user_cap_data_struct cap_data[2];
};

/* The child shares jail's memory when it is made with CLONE_VM, errno and
 * the rest of jail's thread-local storage included, while jail runs on: it
 * must not write anything of jail's. So it makes its system calls itself
 * (libc's wrappers set errno), returning -errno, and calls nothing else. */
#if !defined(__x86_64__)
#error "the launcher's raw system calls are written for x86_64"
#endif
/* Nor may it call into a sanitizer's runtime (jail-asan). */
#define CHILD_CODE __attribute__((no_sanitize("address", "undefined")))

CHILD_CODE static long sys(long nr, long a, long b, long c, long d, long e)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

#define SYS0(nr) sys(nr, 0, 0, 0, 0, 0)
#define SYS1(nr, a) sys(nr, (long)(a), 0, 0, 0, 0)
#define SYS2(nr, a, b) sys(nr, (long)(a), (long)(b), 0, 0, 0)
#define SYS3(nr, a, b, c) sys(nr, (long)(a), (long)(b), (long)(c), 0, 0)
#define SYS4(nr, a, b, c, d) \
	sys(nr, (long)(a), (long)(b), (long)(c), (long)(d), 0)

CHILD_CODE static _Noreturn void child_exit(int code)
{
	for (;;)
		SYS1(SYS_exit_group, code);
}

CHILD_CODE static _Noreturn void child_fail(const struct child_args *a, long err)
{
	int e = (int)-err;

	SYS3(SYS_write, a->err_fd, &e, sizeof(e));
	child_exit(e == ENOENT ? 127 : 126);
}

CHILD_CODE static long drop_caps(const struct child_args *a)
{
	long rc;
	int c;

	for (c = 0; a->drop_bound && c < a->ncaps; c++) {
		if (c < 64 && (a->keep >> c & 1))
			continue;
		rc = SYS2(SYS_prctl, PR_CAPBSET_READ, c);
		if (rc > 0) {
			rc = SYS2(SYS_prctl, PR_CAPBSET_DROP, c);
			if (rc < 0 && rc != -EINVAL)
				return rc;
		}
	}
	rc = SYS4(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0);
	if (rc < 0 && rc != -EINVAL)
		return rc;
	rc = SYS2(SYS_capset, &a->cap_hdr, a->cap_data);
	if (rc < 0)
		return rc;
	for (c = 0; c < a->ncaps && c < 64; c++) {
		if (!(a->keep >> c & 1))
			continue;
		rc = SYS4(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, c,
			  0);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* The kernel's struct sigaction (x86_64). */
struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

/* The child, between fork (or clone) and exec. It starts with every
 * signal blocked (jail's handlers must not run in it). */
CHILD_CODE static int child(void *arg)
{
	const struct child_args *a = arg;
	const struct ksigaction dfl = { .handler = SIG_DFL };
	uint64_t none = 0;
	long rc;
	char c;
	int i;

	for (i = 0; i < 2; i++)
		SYS1(SYS_close, a->other_fds[i]);
	/* Die with jail during the moment before it holds us. */
	SYS2(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL);
	if (SYS0(SYS_getppid) != a->parent)
		child_exit(125);
	if (a->own_pgrp)
		SYS2(SYS_setpgid, 0, 0);
	/* jail's own handlers and ignored signals must not leak into the
	 * program: exec keeps SIG_IGN. */
	for (i = 1; i < NSIG; i++)
		SYS4(SYS_rt_sigaction, i, &dfl, NULL, sizeof(dfl.mask));
	SYS4(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, sizeof(none));
	do
		rc = SYS3(SYS_read, a->sync_fd, &c, 1);
	while (rc == -EINTR);
	if (rc != 1)
		child_exit(125);	/* the parent could not seize us */
	SYS1(SYS_close, a->sync_fd);
	SYS2(SYS_prctl, PR_SET_PDEATHSIG, 0);
	rc = drop_caps(a);
	if (rc < 0)
		child_fail(a, rc);
	rc = SYS2(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1);
	if (rc < 0)
		child_fail(a, rc);
	for (i = 0; i < a->nfilters; i++) {
		const struct jail_bpf *b = a->filters[i];
		struct sock_fprog prog = {
			.len = (unsigned short)b->len,
			.filter = b->insns,
		};

		rc = b->len == 0 || b->len > BPF_MAXINSNS ? -EINVAL :
		     SYS3(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
		if (rc < 0)
			child_fail(a, rc);
	}
	rc = SYS3(SYS_execve, a->path, a->argv, environ);
	child_fail(a, rc);
}

/* Without CAP_SETPCAP the bounding set cannot shrink (PR_CAPBSET_DROP
 * fails with EPERM); an unprivileged jail holds nothing to drop there,
 * and no_new_privs keeps the program from gaining what it names. */
static bool holds_setpcap(void)
{
	cap_flag_value_t v = CAP_CLEAR;
	cap_t cur = cap_get_proc();

	if (cur) {
		if (cap_get_flag(cur, CAP_SETPCAP, CAP_EFFECTIVE, &v) < 0)
			v = CAP_CLEAR;
		cap_free(cur);
	}
	return v == CAP_SET;
}

/* What the child drops and keeps, worked out by the parent. */
static int prepare_caps(const struct launch *l, struct child_args *a)
{
	size_t i;

	a->ncaps = (int)cap_max_bits();
	a->drop_bound = CAP_IS_SUPPORTED(CAP_SETPCAP) && holds_setpcap();
	a->keep = 0;
	for (i = 0; i < l->ncaps_keep; i++) {
		if (l->caps_keep[i] < 0 || l->caps_keep[i] >= 64)
			return -EINVAL;
		a->keep |= 1ull << l->caps_keep[i];
	}
	a->cap_hdr.version = _LINUX_CAPABILITY_VERSION_3;
	a->cap_hdr.pid = 0;
	for (i = 0; i < 2; i++) {
		uint32_t bits = (uint32_t)(a->keep >> (32 * i));

		a->cap_data[i].effective = bits;
		a->cap_data[i].permitted = bits;
		a->cap_data[i].inheritable = bits;
	}
	return 0;
}

/* With share_vm the child's arguments, the path and its stack live in
 * one mapping that stays until launch_exec_error(). */
#define AREA_SIZE (64 * 1024)

int launch_start(struct tracer *tr, struct launch *l, struct strbuf *msg)
{
	int sync[2] = { -1, -1 }, errp[2] = { -1, -1 }, err = 0, rc;
	struct child_args local, *a = &local;
	sigset_t all, old;
	char *path;
	pid_t pid;

	l->exec_err_fd = -1;
	l->area = NULL;
	path = launch_find_program(l->argv[0], &err);
	if (!path) {
		sb_printf(msg, "%s: %s", l->argv[0], strerror(err));
		return -err;
	}
	if (l->share_vm) {
		size_t n = strlen(path) + 1;

		l->area = mmap(NULL, AREA_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
		if (l->area == MAP_FAILED || n > AREA_SIZE / 4) {
			rc = l->area == MAP_FAILED ? -errno : -ENAMETOOLONG;
			l->area = NULL;
			sb_printf(msg, "cannot prepare the launch: %s",
				  strerror(-rc));
			goto out;
		}
		a = l->area;
		memcpy((char *)l->area + sizeof(*a), path, n);
		a->path = (char *)l->area + sizeof(*a);
	} else {
		memset(a, 0, sizeof(*a));
		a->path = path;
	}
	a->argv = l->argv;
	a->filters = l->filters;
	a->nfilters = l->nfilters;
	a->own_pgrp = l->own_pgrp;
	a->parent = getpid();
	rc = prepare_caps(l, a);
	if (rc < 0) {
		sb_printf(msg, "cannot prepare the launch: %s", strerror(-rc));
		goto out;
	}
	if (pipe2(sync, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0) {
		rc = -errno;
		sb_printf(msg, "cannot prepare the launch: %s", strerror(errno));
		goto out;
	}
	a->sync_fd = sync[0];
	a->err_fd = errp[1];
	a->other_fds[0] = sync[1];
	a->other_fds[1] = errp[0];
	/* The child starts with every signal blocked: jail's handlers must
	 * not run in it (with share_vm, on jail's memory). */
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	if (l->share_vm) {
		pid = clone(child, (char *)l->area + AREA_SIZE,
			    CLONE_VM | SIGCHLD, a);
	} else {
		pid = fork();
		if (pid == 0)
			child(a);
	}
	err = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid < 0) {
		rc = -err;
		sb_printf(msg, "fork: %s", strerror(err));
		goto out;
	}
	close(sync[0]);
	close(errp[1]);
	sync[0] = errp[1] = -1;
	if (l->own_pgrp) {
		/* Both sides set it, so neither order of events races. */
		setpgid(pid, pid);
		if (l->tty_fd >= 0)
			tcsetpgrp(l->tty_fd, pid);
	}
	rc = tracer_seize(tr, pid, &l->task);
	if (rc < 0) {
		sb_printf(msg, "cannot trace the program: %s%s", strerror(-rc),
			  rc == -EPERM ? " (is ptrace restricted by Yama or "
					 "a container?)" : "");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, __WALL);
		goto out;
	}
	if (write(sync[1], "", 1) != 1) {
		rc = -errno;
		sb_printf(msg, "cannot start the program: %s", strerror(errno));
		kill(pid, SIGKILL);
		waitpid(pid, NULL, __WALL);
		goto out;
	}
	l->pid = pid;
	l->exec_err_fd = errp[0];
	errp[0] = -1;
	rc = 0;
out:
	for (int i = 0; i < 2; i++) {
		if (sync[i] >= 0)
			close(sync[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
	if (rc < 0 && l->area) {
		munmap(l->area, AREA_SIZE);
		l->area = NULL;
	}
	free(path);
	return rc;
}

int launch_exec_error(struct launch *l)
{
	int err = 0;

	if (l->exec_err_fd >= 0) {
		if (read(l->exec_err_fd, &err, sizeof(err)) != sizeof(err))
			err = 0;
		close(l->exec_err_fd);
		l->exec_err_fd = -1;
	}
	/* The child has exec'd (its end closed on exec, after the kernel
	 * gave it its own memory) or is gone. */
	if (l->area) {
		munmap(l->area, AREA_SIZE);
		l->area = NULL;
	}
	return err;
}

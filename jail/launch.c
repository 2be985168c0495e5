#include "jail/launch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <sys/stat.h>
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

/* Drop every capability but the kept ones, from every set: effective,
 * permitted, inheritable, ambient and the bounding set, so that even root
 * cannot regain the others across exec. Kept ones go in all of them
 * (ambient too, so that they survive exec for any uid). Without
 * CAP_SETPCAP the bounding set cannot shrink; an unprivileged jail holds
 * nothing to drop there. */
static bool kept(const struct launch *l, cap_value_t c)
{
	size_t i;

	for (i = 0; i < l->ncaps_keep; i++)
		if (l->caps_keep[i] == (int)c)
			return true;
	return false;
}

static int drop_caps(const struct launch *l, cap_t caps)
{
	cap_value_t c;
	int last = (int)cap_max_bits();

	if (CAP_IS_SUPPORTED(CAP_SETPCAP)) {
		for (c = 0; c < last; c++) {
			if (!kept(l, c) && cap_get_bound(c) > 0 &&
			    cap_drop_bound(c) < 0 && errno != EINVAL)
				return -errno;
		}
	}
	if (cap_reset_ambient() < 0 && errno != EINVAL)
		return -errno;
	if (cap_set_proc(caps) < 0)
		return -errno;
	for (c = 0; c < last; c++)
		if (kept(l, c) && cap_set_ambient(c, CAP_SET) < 0)
			return -errno;
	return 0;
}

static void child_fail(int fd, int err)
{
	ssize_t n = write(fd, &err, sizeof(err));

	(void)n;
	_exit(err == ENOENT ? 127 : 126);
}

/* The child: runs between fork and exec, calls only what is safe there. */
static void child(const struct launch *l, const char *path, int sync_fd,
		  int err_fd, pid_t parent, cap_t empty)
{
	sigset_t none;
	char c;
	int sig, rc, i;

	/* Die with jail during the moment before it holds us. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(125);
	if (l->own_pgrp)
		setpgid(0, 0);
	/* jail's own handlers and ignored signals must not leak into the
	 * program: exec keeps SIG_IGN. */
	for (sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (read(sync_fd, &c, 1) != 1)
		_exit(125);	/* the parent could not seize us */
	close(sync_fd);
	prctl(PR_SET_PDEATHSIG, 0);
	rc = drop_caps(l, empty);
	if (rc < 0)
		child_fail(err_fd, -rc);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		child_fail(err_fd, errno);
	for (i = 0; i < l->nfilters; i++) {
		rc = bpf_load(l->filters[i]);
		if (rc < 0)
			child_fail(err_fd, -rc);
	}
	execve(path, l->argv, environ);
	child_fail(err_fd, errno);
}

int launch_start(struct tracer *tr, struct launch *l, struct strbuf *msg)
{
	int sync[2] = { -1, -1 }, errp[2] = { -1, -1 }, err = 0, rc;
	pid_t parent = getpid(), pid;
	cap_t empty = NULL;
	char *path;

	l->exec_err_fd = -1;
	path = launch_find_program(l->argv[0], &err);
	if (!path) {
		sb_printf(msg, "%s: %s", l->argv[0], strerror(err));
		return -err;
	}
	/* The capability sets the program keeps, built before fork. */
	empty = cap_init();
	if (empty && l->ncaps_keep) {
		cap_value_t v[64];
		size_t i, n = l->ncaps_keep < 64 ? l->ncaps_keep : 64;

		for (i = 0; i < n; i++)
			v[i] = l->caps_keep[i];
		if (cap_set_flag(empty, CAP_PERMITTED, (int)n, v, CAP_SET) ||
		    cap_set_flag(empty, CAP_EFFECTIVE, (int)n, v, CAP_SET) ||
		    cap_set_flag(empty, CAP_INHERITABLE, (int)n, v, CAP_SET)) {
			cap_free(empty);
			empty = NULL;
		}
	}
	if (!empty || pipe2(sync, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0) {
		rc = -errno;
		sb_printf(msg, "cannot prepare the launch: %s", strerror(errno));
		goto out;
	}
	pid = fork();
	if (pid < 0) {
		rc = -errno;
		sb_printf(msg, "fork: %s", strerror(errno));
		goto out;
	}
	if (pid == 0) {
		close(sync[1]);
		close(errp[0]);
		child(l, path, sync[0], errp[1], parent, empty);
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
		waitpid(pid, NULL, 0);
		goto out;
	}
	if (write(sync[1], "", 1) != 1) {
		rc = -errno;
		sb_printf(msg, "cannot start the program: %s", strerror(errno));
		kill(pid, SIGKILL);
		goto out;
	}
	l->pid = pid;
	l->exec_err_fd = errp[0];
	errp[0] = -1;
	rc = 0;
out:
	if (empty)
		cap_free(empty);
	for (int i = 0; i < 2; i++) {
		if (sync[i] >= 0)
			close(sync[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
	free(path);
	return rc;
}

int launch_exec_error(struct launch *l)
{
	int err = 0;

	if (l->exec_err_fd < 0)
		return 0;
	if (read(l->exec_err_fd, &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(l->exec_err_fd);
	l->exec_err_fd = -1;
	return err;
}

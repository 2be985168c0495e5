#include "jail/harden.h"
#include "policy/policy.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* How a call names its target. */
enum target {
	T_KILL,		/* kill/rt_sigqueueinfo: pid > 0, 0, -1, -pgrp */
	T_TID,		/* tkill: a thread */
	T_TGID_TID,	/* tgkill, rt_tgsigqueueinfo: a process and thread */
	T_PID,		/* process_vm_*: a process */
	T_PIDFD,	/* pidfd_send_signal, pidfd_getfd: a pidfd */
	T_SETPGID,	/* setpgid(pid, pgid): joining a group */
};

struct hcall {
	const char *name;
	enum target kind;
	int arg;
};

static const struct hcall hcalls[] = {
	{ "kill", T_KILL, 0 },
	{ "rt_sigqueueinfo", T_KILL, 0 },
	{ "tkill", T_TID, 0 },
	{ "tgkill", T_TGID_TID, 0 },
	{ "rt_tgsigqueueinfo", T_TGID_TID, 0 },
	{ "process_vm_readv", T_PID, 0 },
	{ "process_vm_writev", T_PID, 0 },
	{ "pidfd_send_signal", T_PIDFD, 0 },
	{ "pidfd_getfd", T_PIDFD, 0 },
	{ "setpgid", T_SETPGID, 0 },
};

static bool in_tree(struct tracer *tr, pid_t pid)
{
	struct task *t = pid > 0 ? tracer_find(tr, pid) : NULL;

	return t && task_pid(t) == pid;
}

/* Every member of process group pgrp is a traced process (an empty group
 * is fine: the kernel will say ESRCH). Scans /proc: these calls are
 * rare. */
static bool group_in_tree(struct tracer *tr, pid_t pgrp)
{
	struct dirent *de;
	bool ok = true;
	DIR *d = opendir("/proc");

	if (!d)
		return false;
	while (ok && (de = readdir(d))) {
		char path[64], buf[512], *p;
		pid_t pid = (pid_t)atoi(de->d_name), g;
		FILE *f;

		if (pid <= 0)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/stat", pid);
		f = fopen(path, "re");
		if (!f)
			continue;
		p = fgets(buf, sizeof(buf), f) ? strrchr(buf, ')') : NULL;
		fclose(f);
		/* ") S ppid pgrp": the fields after the command name */
		if (p && sscanf(p + 2, "%*c %*d %d", &g) == 1 && g == pgrp &&
		    !in_tree(tr, pid))
			ok = false;
	}
	closedir(d);
	return ok;
}

/* The process a pidfd of the task refers to, from its fdinfo. */
static pid_t pidfd_target(struct task *t, int fd)
{
	char path[64], line[128];
	pid_t pid = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", task_pid(t), fd);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Pid: %d", &pid) == 1)
			break;
	fclose(f);
	return pid;
}

static pid_t pgrp_of(pid_t pid)
{
	pid_t g = getpgid(pid);

	return g < 0 ? -1 : g;
}

enum { NR_MAX = 1024 };

/* The row of hcalls for each syscall number of each ABI (0: none), built
 * once: this runs at every stop the tracer decides. */
static const struct hcall *hcall_of(enum sc_abi abi, long nr)
{
	static uint8_t by_nr[ABI_COUNT][NR_MAX];
	static bool built;
	size_t i;
	int a;

	if (!built) {
		for (a = 0; a < ABI_COUNT; a++)
			for (i = 0; i < sizeof(hcalls) / sizeof(*hcalls); i++) {
				const struct sc_ent *e =
					systab_by_name((enum sc_abi)a,
						       hcalls[i].name);

				if (e && e->nr >= 0 && e->nr < NR_MAX)
					by_nr[a][e->nr] = (uint8_t)(i + 1);
			}
		built = true;
	}
	if (abi >= ABI_COUNT || nr < 0 || nr >= NR_MAX || !by_nr[abi][nr])
		return NULL;
	return &hcalls[by_nr[abi][nr] - 1];
}

int harden_check(struct tracer *tr, struct task *t, const struct tr_syscall *sc)
{
	const struct hcall *h = hcall_of(sc->abi, sc->nr);
	int32_t a0, a1;

	if (!h)
		return 0;
	/* pid_t is an int: the kernel reads the low 32 bits. */
	a0 = (int32_t)sc->args[h->arg];
	a1 = (int32_t)sc->args[h->arg + 1];
	switch (h->kind) {
	case T_KILL:
		if (a0 > 0)
			return in_tree(tr, a0) ? 0 : EPERM;
		if (a0 == -1 || a0 == INT32_MIN)
			return EPERM;	/* every process we could signal */
		return group_in_tree(tr, a0 == 0 ? pgrp_of(task_pid(t)) : -a0) ?
		       0 : EPERM;
	case T_TID: {
		struct task *x = a0 > 0 ? tracer_find(tr, a0) : NULL;

		return x ? 0 : EPERM;
	}
	case T_TGID_TID: {
		struct task *x = a1 > 0 ? tracer_find(tr, a1) : NULL;

		return x && (a0 <= 0 || task_pid(x) == a0) ? 0 : EPERM;
	}
	case T_PID:
		return in_tree(tr, a0) ? 0 : EPERM;
	case T_PIDFD:
		return in_tree(tr, pidfd_target(t, a0)) ? 0 : EPERM;
	case T_SETPGID: {
		pid_t pgid = a1 ? a1 : (a0 ? a0 : task_pid(t));

		/* Joining a group whose members are all ours (or making a new
		 * one, pgid == pid) keeps kill(0) and kill(-pgid) inside. */
		if (pgid == (a0 ? a0 : task_pid(t)))
			return 0;
		return group_in_tree(tr, pgid) ? 0 : EPERM;
	}
	}
	return 0;
}

/* /proc/N/mem or /proc/N/task/M/mem. */
static bool is_proc_mem(const char *p)
{
	const char *s;

	if (strncmp(p, "/proc/", 6) != 0)
		return false;
	s = p + 6;
	s += strspn(s, "0123456789");
	if (strncmp(s, "/task/", 6) == 0) {
		s += 6;
		s += strspn(s, "0123456789");
	}
	return strcmp(s, "/mem") == 0;
}

int harden_paths(const struct policy_facts *f)
{
	size_t i;

	for (i = 0; f && i < f->npaths; i++)
		if ((f->paths[i].rights & POLICY_FS_WRITE) && f->paths[i].path &&
		    is_proc_mem(f->paths[i].path))
			return EACCES;
	return 0;
}

/* launch: start the program under the engine.
 *
 * fork (or clone with CLONE_VM, see share_vm); the child waits on a pipe
 * until the parent has seized it, then drops its capabilities, sets
 * no_new_privs, loads the seccomp filters and execs. Everything is
 * prepared before: the child only makes system calls.
 */
#ifndef JAIL_LAUNCH_H
#define JAIL_LAUNCH_H

#include <stdbool.h>
#include <sys/types.h>

#include "policy/bpf.h"
#include "tracer/strbuf.h"
#include "tracer/tracer.h"

struct launch {
	char **argv;			/* argv[0] is looked up in PATH */
	/* Seccomp programs, installed in this order (the kernel runs them
	 * all and takes the most restrictive answer). */
	const struct jail_bpf *filters[2];
	int nfilters;
	bool own_pgrp;			/* put the program in its own group */
	const int *caps_keep;		/* CAP_* the program keeps (caps keep) */
	size_t ncaps_keep;
	int tty_fd;			/* give it this terminal, or -1 */
	/* Make the child with clone(CLONE_VM) instead of fork: no copy of
	 * jail's page tables, no copy-on-write faults in jail afterwards
	 * (about 3 ms of a start-up on a VM). Until its exec the child then
	 * runs in jail's memory: only when nothing will write to the
	 * child's memory before its exec (no debugger can open). */
	bool share_vm;

	/* Out. */
	pid_t pid;
	struct task *task;
	int exec_err_fd;	/* read end: errno if exec failed */
	void *area;		/* share_vm: the child's arguments and stack */
};

/* The program's path as execvp would find it; NULL with err set. The
 * result is malloc'd. */
char *launch_find_program(const char *name, int *err);
/* 0, or -errno with msg explaining (e.g. tracing not permitted). */
int launch_start(struct tracer *tr, struct launch *l, struct strbuf *msg);
/* After the program has exec'd or is gone: the errno its exec failed
 * with, or 0. Frees what the child used (share_vm); call it once. */
int launch_exec_error(struct launch *l);

#endif

/* harden: the tracer's side of the hardening baseline: calls that reach
 * other processes must stay inside the jailed tree.
 *
 * kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo,
 * pidfd_send_signal, pidfd_getfd, process_vm_readv/writev and setpgid
 * name a process, a thread or a process group; the filter sends them here
 * and this module refuses any that would touch a process jail does not
 * trace: jail itself, the shell that started it, anything else. */
#ifndef JAIL_HARDEN_H
#define JAIL_HARDEN_H

#include <stdbool.h>

#include "tracer/tracer.h"

/* 0 when the call stays in the tree, or the errno to fail it with. */
int harden_check(struct tracer *tr, struct task *t, const struct tr_syscall *sc);

struct policy_facts;
/* 0, or the errno for a call whose paths the baseline forbids whatever
 * the policy says: writing to /proc/PID/mem (it ignores page protections
 * and would reach jail's read-only scratch area). */
int harden_paths(const struct policy_facts *f);

#endif

/* builtin: the filter jail uses when no policy is given: everything is
 * allowed in the kernel, and exec is sent to the tracer to be audited.
 * Both ABIs are allowed; any other (x32) kills the process. */
#ifndef JAIL_BUILTIN_H
#define JAIL_BUILTIN_H

#include <stdbool.h>

#include "policy/bpf.h"
#include "tracer/systab.h"

int builtin_filter(struct jail_bpf *out);
/* Whether the built-in policy audits this syscall (the tracer's side of
 * the same rule, used where no filter runs: attach mode). */
bool builtin_audits(enum sc_abi abi, long nr);

#endif

#include "policy/builtin.h"

#include <errno.h>
#include <string.h>

static const char *const audited[] = { "execve", "execveat" };

int builtin_filter(struct jail_bpf *out)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	size_t i;
	int rc;

	if (!ctx)
		return -ENOMEM;
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
			      SCMP_ACT_KILL_PROCESS);
	if (rc == 0)
		rc = seccomp_arch_add(ctx, SCMP_ARCH_X86);
	for (i = 0; rc == 0 && i < sizeof(audited) / sizeof(*audited); i++) {
		int nr = seccomp_syscall_resolve_name(audited[i]);

		rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), nr, 0);
	}
	if (rc == 0)
		rc = bpf_from_ctx(ctx, out);
	seccomp_release(ctx);
	return rc;
}

bool builtin_audits(enum sc_abi abi, long nr)
{
	const struct sc_ent *e = systab_by_nr(abi, nr);
	size_t i;

	if (!e)
		return false;
	for (i = 0; i < sizeof(audited) / sizeof(*audited); i++)
		if (strcmp(e->name, audited[i]) == 0)
			return true;
	return false;
}

/* baseline: jail's hardening rules, a filter of their own.
 *
 * The baseline is compiled into a second seccomp program, installed
 * before the policy's. The kernel runs both and takes the most restrictive
 * answer (an errno beats SECCOMP_RET_TRACE beats allow), so a policy can
 * only narrow the baseline, and neither disturbs the other's rule order.
 * Each loosening needs its own `allow-unsafe NAME` in the policy, and
 * --check warns about it. What the language cannot say (a target must be
 * inside the jailed tree; no write to /proc/PID/mem) the tracer checks
 * (jail/harden.c): the baseline only makes sure those calls reach it.
 */
#ifndef JAIL_BASELINE_H
#define JAIL_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy/bpf.h"
#include "policy/policy.h"

/* The read-only scratch area jail maps in every jailed address space when
 * it checks paths or addresses: the checked copies of what a call names
 * live there, where the program cannot change them. It sits below the
 * lowest address programs use (0x400000, where non-PIE x86_64 programs
 * start), so the filter can refuse any change to it by address alone. */
enum {
	SCRATCH_ADDR = 0x10000,
	SCRATCH_END = 0x400000,
	/* The upper half holds read-only opens the kernel may run without
	 * asking the tracer (see POLICY_COMPILE_FAST_OPENS): an address is
	 * in it when (addr & SCRATCH_FAST_MASK) == SCRATCH_FAST. */
	SCRATCH_FAST = 0x200000,
	/* a fast open's record: how at its start, the path after it */
	FAST_REC_SIZE = 4096,
};
#define SCRATCH_FAST_MASK (~(uint64_t)(SCRATCH_END - SCRATCH_FAST - 1))

/* Whether a policy needs the scratch area (it checks paths or
 * addresses). */
bool baseline_needs_scratch(const struct policy *user);

/* The baseline for a user policy (its allow-unsafe switches, whether it
 * checks paths). 0 or -errno with a line in err; free with policy_free. */
int baseline_load(const struct policy *user, struct policy **out,
		  struct strbuf *err);

/* The baseline's filter for a user policy, base being
 * baseline_load(user): a copy of the one compiled when jail was built
 * (policy/baseline_gen.c) when the policy sets no allow-unsafe switch and
 * flags are 0 or POLICY_COMPILE_TRACE_DENIALS, else policy_compile(base).
 * Either way the same program. 0 or -errno with a line in err;
 * out->insns is owned by the caller (bpf_free). */
int baseline_compile(const struct policy *user, const struct policy *base,
		     unsigned flags, struct jail_bpf *out, struct strbuf *err);

/* A filter compiled at build time: build/gen/baseline_table.c defines
 * baseline_built[baseline_nbuilt]. */
struct baseline_built {
	bool scratch, fs;	/* baseline_needs_scratch(), has fs.* rules */
	unsigned flags;		/* POLICY_COMPILE_* */
	const struct sock_filter *insns;
	size_t len;
};
/* The prebuilt filter for a policy without allow-unsafe switches, or
 * NULL (no such variant, or jail built without the table). */
const struct baseline_built *baseline_prebuilt(const struct policy *user,
					       unsigned flags);

/* The baseline's rules as text (for --check and the docs). */
void baseline_text(struct strbuf *out, unsigned unsafe, bool scratch);

#endif

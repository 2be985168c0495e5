#include "policy/baseline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy_int.h"

/* Each line is one rule of the baseline; `unsafe` names the
 * allow-unsafe switch that drops it (0: none can). */
struct bline {
	unsigned unsafe;
	bool scratch_only;
	const char *rule;
};

static const struct bline lines[] = {
	/* clone3's flags live in memory the filter cannot read: ENOSYS
	 * makes libc fall back to clone, whose flags it can. */
	{ 0, false, "deny(ENOSYS) clone3" },
	/* An untraced child would run outside the jail. */
	{ 0, false, "deny clone if flags & CLONE_UNTRACED == CLONE_UNTRACED" },
	/* Typing into the terminal jail's own shell reads. The kernel uses
	 * the command's low 32 bits. */
	{ 0, false, "deny ioctl if request & 0xffffffff == TIOCSTI" },
	{ 0, false, "deny ioctl if request & 0xffffffff == TIOCLINUX" },
	/* A user-notification filter outranks SECCOMP_RET_TRACE: its
	 * answers would approve calls jail never sees. */
	{ 0, false, "deny seccomp if flags & SECCOMP_FILTER_FLAG_NEW_LISTENER"
		    " == SECCOMP_FILTER_FLAG_NEW_LISTENER" },
	{ 0, false, "deny userfaultfd" },
	{ POLICY_UNSAFE_PTRACE, false, "deny ptrace" },
	/* io_uring performs opens, connects and reads without syscalls the
	 * filter sees. */
	{ POLICY_UNSAFE_IO_URING, false,
	  "deny io_uring_setup io_uring_enter io_uring_register" },
	{ POLICY_UNSAFE_BPF, false, "deny bpf" },
	{ POLICY_UNSAFE_PERF, false, "deny perf_event_open" },
	{ POLICY_UNSAFE_KEYRING, false, "deny add_key request_key keyctl" },
	{ POLICY_UNSAFE_USERNS, false,
	  "deny unshare if flags & CLONE_NEWUSER == CLONE_NEWUSER" },
	{ POLICY_UNSAFE_USERNS, false,
	  "deny clone if flags & CLONE_NEWUSER == CLONE_NEWUSER" },
	/* Nothing may unmap, remap, reprotect or replace the scratch area. */
	{ 0, true, "deny munmap mprotect pkey_mprotect madvise mseal"
		   " remap_file_pages if arg0 < 0x400000" },
	{ 0, true, "deny mremap if arg0 < 0x400000" },
	{ 0, true, "deny mremap if arg4 < 0x400000 and"
		   " arg3 & MREMAP_FIXED == MREMAP_FIXED" },
	/* MAP_FIXED_NOREPLACE cannot replace it: not listed. */
	{ 0, true, "deny mmap mmap2 if arg0 < 0x400000 and"
		   " arg3 & MAP_FIXED == MAP_FIXED" },
	{ 0, true, "deny shmat if arg1 < 0x400000 and arg1 != 0" },
};

/* Calls the tracer must see whatever the policy says of them. */
struct baseline_trace {
	const char *name;
	int abi;		/* ABI_COUNT: both */
	bool scratch_only;	/* only while the scratch area is in use */
	bool unless_fs;		/* only when the policy has no fs.* rules */
};

static const struct baseline_trace baseline_traced[] = {
	/* jail/harden.c checks their targets are in the jailed tree. */
	{ "kill", ABI_COUNT, false, false },
	{ "tkill", ABI_COUNT, false, false },
	{ "tgkill", ABI_COUNT, false, false },
	{ "rt_sigqueueinfo", ABI_COUNT, false, false },
	{ "rt_tgsigqueueinfo", ABI_COUNT, false, false },
	{ "pidfd_send_signal", ABI_COUNT, false, false },
	{ "pidfd_getfd", ABI_COUNT, false, false },
	{ "process_vm_readv", ABI_COUNT, false, false },
	{ "process_vm_writev", ABI_COUNT, false, false },
	{ "setpgid", ABI_COUNT, false, false },
	/* i386's old mmap takes its arguments from memory: the tracer
	 * checks it keeps off the scratch area. */
	{ "mmap", ABI_I386, true, false },
	/* Opening /proc/PID/mem for writing would reach the scratch area:
	 * with fs.* rules every open comes to the tracer anyway. */
	{ "open", ABI_COUNT, true, true },
	{ "openat", ABI_COUNT, true, true },
	{ "openat2", ABI_COUNT, true, true },
	{ "creat", ABI_COUNT, true, true },
	{ NULL, ABI_COUNT, false, false },
};

void baseline_text(struct strbuf *out, unsigned unsafe, bool scratch)
{
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		if (lines[i].unsafe & unsafe)
			continue;
		if (lines[i].scratch_only && !scratch)
			continue;
		sb_puts(out, lines[i].rule);
		sb_putc(out, '\n');
	}
}

bool baseline_needs_scratch(const struct policy *user)
{
	return policy_has_fs_rules(user) || policy_has_net_rules(user);
}

int baseline_load(const struct policy *user, struct policy **out,
		  struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT;
	bool scratch = baseline_needs_scratch(user);
	bool fs = policy_has_fs_rules(user);
	struct policy *p;
	size_t i;
	int rc;

	sb_puts(&text, "default allow\n");
	baseline_text(&text, policy_unsafe_flags(user), scratch);
	if (text.oom) {
		rc = -ENOMEM;
		goto out;
	}
	rc = policy_load_string("baseline", sb_str(&text), NULL, &p, err);
	if (rc < 0)
		goto out;
	for (i = 0; baseline_traced[i].name; i++) {
		const struct baseline_trace *bt = &baseline_traced[i];
		int abi;

		if ((bt->scratch_only && !scratch) || (bt->unless_fs && fs))
			continue;
		for (abi = 0; abi < ABI_COUNT; abi++) {
			const struct sc_ent *e;

			if (bt->abi != ABI_COUNT && bt->abi != abi)
				continue;
			e = systab_by_name((enum sc_abi)abi, bt->name);
			if (e)
				key_add(&p->force_trace[abi], (unsigned)e->nr);
		}
	}
	*out = p;
out:
	sb_free(&text);
	return rc;
}

/* The table is linked into jail and the tests; baseline_gen, which writes
 * it, runs without (the symbols are then NULL). */
extern const struct baseline_built baseline_built[] __attribute__((weak));
extern const size_t baseline_nbuilt __attribute__((weak));

const struct baseline_built *baseline_prebuilt(const struct policy *user,
					       unsigned flags)
{
	bool scratch = baseline_needs_scratch(user);
	bool fs = policy_has_fs_rules(user);
	size_t i;

	if (!baseline_built || !&baseline_nbuilt || policy_unsafe_flags(user))
		return NULL;
	for (i = 0; i < baseline_nbuilt; i++) {
		const struct baseline_built *b = &baseline_built[i];

		if (b->scratch == scratch && b->fs == fs && b->flags == flags)
			return b;
	}
	return NULL;
}

int baseline_compile(const struct policy *user, const struct policy *base,
		     unsigned flags, struct jail_bpf *out, struct strbuf *err)
{
	const struct baseline_built *b = baseline_prebuilt(user, flags);

	if (!b)
		return policy_compile(base, flags, out, err);
	out->insns = malloc(b->len * sizeof(*b->insns));
	if (!out->insns) {
		out->len = 0;
		return -ENOMEM;
	}
	memcpy(out->insns, b->insns, b->len * sizeof(*b->insns));
	out->len = b->len;
	return 0;
}

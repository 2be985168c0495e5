/* bpf: a seccomp-BPF program as bytes, built in the parent before fork and
 * loaded in the child with one seccomp(2) call (keeps startup cheap, and
 * the child does no allocation between fork and exec). */
#ifndef JAIL_BPF_H
#define JAIL_BPF_H

#include <linux/filter.h>
#include <seccomp.h>
#include <stddef.h>

struct jail_bpf {
	struct sock_filter *insns;	/* owned; free with bpf_free */
	size_t len;
};

/* Export the program libseccomp generated for ctx. 0 or -errno. */
int bpf_from_ctx(scmp_filter_ctx ctx, struct jail_bpf *out);
/* Install the filter in the calling thread (requires no_new_privs or
 * CAP_SYS_ADMIN). Async-signal-safe: meant for the child after fork.
 * 0 or -errno. */
int bpf_load(const struct jail_bpf *b);
void bpf_free(struct jail_bpf *b);

#endif

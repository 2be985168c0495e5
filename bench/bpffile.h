/* bpffile: seccomp-BPF programs from files (the raw sock_filter arrays that
 * `jail --check -p POLICY --dump-bpf FILE` writes), for the benchmark's
 * helpers that install jail's filters without jail. */
#ifndef BENCH_BPFFILE_H
#define BENCH_BPFFILE_H

#include <linux/filter.h>
#include <stddef.h>

struct bpf_prog {
	struct sock_filter *insns;	/* owned; free with bpf_prog_free */
	size_t len;
};

/* Read FILE into p. 0 or -errno. */
int bpf_prog_read(const char *file, struct bpf_prog *p);
/* Turn every SECCOMP_RET_TRACE into SECCOMP_RET_ALLOW: what the program
 * does with no tracer to answer (without one, RET_TRACE fails the call
 * with ENOSYS). Returns how many returns it changed. */
size_t bpf_prog_trace_to_allow(struct bpf_prog *p);
/* Install p in the calling thread (needs no_new_privs). 0 or -errno. */
int bpf_prog_install(const struct bpf_prog *p);
void bpf_prog_free(struct bpf_prog *p);

#endif

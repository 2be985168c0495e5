/* bpfsim: a classic-BPF interpreter for seccomp programs, so filters are
 * tested from tables of (arch, syscall, args, expected action) without
 * the kernel, like libseccomp's scmp_bpf_sim. */
#ifndef JAIL_BPFSIM_H
#define JAIL_BPFSIM_H

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>

/* Run prog over d. 0 with *ret the SECCOMP_RET_* value, or -EINVAL for
 * a program the kernel would reject or that misbehaves at run time (an
 * unknown opcode, a jump or load out of range, falling off the end). */
int bpf_sim(const struct sock_filter *prog, size_t len,
	    const struct seccomp_data *d, uint32_t *ret);

#endif

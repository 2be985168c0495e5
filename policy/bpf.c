#include "policy/bpf.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* libseccomp 2.5 can only export to a file descriptor; a memfd keeps the
 * round trip in memory. */
int bpf_from_ctx(scmp_filter_ctx ctx, struct jail_bpf *out)
{
	struct stat st;
	int fd, rc;
	ssize_t n;

	out->insns = NULL;
	out->len = 0;
	fd = memfd_create("jail-bpf", MFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	rc = seccomp_export_bpf(ctx, fd);
	if (rc < 0)
		goto out;
	if (fstat(fd, &st) < 0 || st.st_size <= 0 ||
	    st.st_size % sizeof(struct sock_filter)) {
		rc = -EINVAL;
		goto out;
	}
	out->insns = malloc((size_t)st.st_size);
	if (!out->insns) {
		rc = -ENOMEM;
		goto out;
	}
	n = pread(fd, out->insns, (size_t)st.st_size, 0);
	if (n != st.st_size) {
		rc = n < 0 ? -errno : -EIO;
		bpf_free(out);
		goto out;
	}
	out->len = (size_t)st.st_size / sizeof(struct sock_filter);
	rc = 0;
out:
	close(fd);
	return rc;
}

int bpf_load(const struct jail_bpf *b)
{
	struct sock_fprog prog = {
		.len = (unsigned short)b->len,
		.filter = b->insns,
	};

	if (b->len == 0 || b->len > BPF_MAXINSNS)
		return -EINVAL;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -errno;
	return 0;
}

void bpf_free(struct jail_bpf *b)
{
	free(b->insns);
	b->insns = NULL;
	b->len = 0;
}

#include "bpffile.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int bpf_prog_read(const char *file, struct bpf_prog *p)
{
	struct stat st;
	ssize_t n;
	int fd, rc;

	p->insns = NULL;
	p->len = 0;
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		rc = -errno;
		goto out;
	}
	if (st.st_size <= 0 || st.st_size % sizeof(struct sock_filter) ||
	    st.st_size / sizeof(struct sock_filter) > BPF_MAXINSNS) {
		rc = -EINVAL;
		goto out;
	}
	p->insns = malloc((size_t)st.st_size);
	if (!p->insns) {
		rc = -ENOMEM;
		goto out;
	}
	n = pread(fd, p->insns, (size_t)st.st_size, 0);
	if (n != st.st_size) {
		rc = n < 0 ? -errno : -EIO;
		bpf_prog_free(p);
		goto out;
	}
	p->len = (size_t)st.st_size / sizeof(struct sock_filter);
	rc = 0;
out:
	close(fd);
	return rc;
}

size_t bpf_prog_trace_to_allow(struct bpf_prog *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->len; i++) {
		struct sock_filter *f = &p->insns[i];

		if (f->code != (BPF_RET | BPF_K))
			continue;
		if ((f->k & SECCOMP_RET_ACTION_FULL) != SECCOMP_RET_TRACE)
			continue;
		f->k = SECCOMP_RET_ALLOW;
		n++;
	}
	return n;
}

int bpf_prog_install(const struct bpf_prog *p)
{
	struct sock_fprog prog = {
		.len = (unsigned short)p->len,
		.filter = p->insns,
	};

	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -errno;
	return 0;
}

void bpf_prog_free(struct bpf_prog *p)
{
	free(p->insns);
	p->insns = NULL;
	p->len = 0;
}

/* esc_io_uring SECRET
 *
 * io_uring: the kernel opens and reads files for requests in a shared
 * ring, with no system call per operation for seccomp or ptrace to see.
 * A ring set up by hand (no liburing), one IORING_OP_OPENAT of SECRET and
 * one IORING_OP_READ of the descriptor it gives. jail's baseline refuses
 * io_uring_setup unless the policy says "allow-unsafe io_uring".
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct ring {
	int fd;
	unsigned *sq_tail, *sq_mask, *sq_array;
	unsigned *cq_head, *cq_tail, *cq_mask;
	struct io_uring_cqe *cqes;
	struct io_uring_sqe *sqes;
};

/* 0 or -errno. */
static int ring_setup(struct ring *r, struct io_uring_params *p)
{
	size_t sq_len, cq_len;
	char *sq, *cq;

	memset(p, 0, sizeof(*p));
	r->fd = (int)syscall(SYS_io_uring_setup, 4, p);
	if (r->fd < 0)
		return -errno;
	sq_len = p->sq_off.array + p->sq_entries * sizeof(unsigned);
	cq_len = p->cq_off.cqes + p->cq_entries * sizeof(struct io_uring_cqe);
	sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_SQ_RING);
	cq = mmap(NULL, cq_len, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_CQ_RING);
	r->sqes = mmap(NULL, p->sq_entries * sizeof(struct io_uring_sqe),
		       PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		       r->fd, IORING_OFF_SQES);
	if (sq == MAP_FAILED || cq == MAP_FAILED || r->sqes == MAP_FAILED)
		return -errno;
	r->sq_tail = (unsigned *)(sq + p->sq_off.tail);
	r->sq_mask = (unsigned *)(sq + p->sq_off.ring_mask);
	r->sq_array = (unsigned *)(sq + p->sq_off.array);
	r->cq_head = (unsigned *)(cq + p->cq_off.head);
	r->cq_tail = (unsigned *)(cq + p->cq_off.tail);
	r->cq_mask = (unsigned *)(cq + p->cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)(cq + p->cq_off.cqes);
	return 0;
}

/* Submit one request and wait for its completion: its res, or -errno of
 * io_uring_enter itself in *enter_err. */
static int ring_do(struct ring *r, const struct io_uring_sqe *req,
		   int *enter_err)
{
	unsigned tail = *r->sq_tail, head;
	unsigned idx = tail & *r->sq_mask;
	int res;

	r->sqes[idx] = *req;
	r->sq_array[idx] = idx;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
	*enter_err = 0;
	if (syscall(SYS_io_uring_enter, r->fd, 1, 1,
		    IORING_ENTER_GETEVENTS, NULL, 0) < 0) {
		*enter_err = -errno;
		return 0;
	}
	head = *r->cq_head;
	if (head == __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE)) {
		*enter_err = -EAGAIN;
		return 0;
	}
	res = r->cqes[head & *r->cq_mask].res;
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return res;
}

int main(int argc, char **argv)
{
	struct io_uring_params p;
	struct io_uring_sqe sqe;
	static char buf[128];
	struct ring r;
	int rc, fd, e;

	if (argc != 2)
		verdict(SETUP, "usage: esc_io_uring SECRET");
	rc = ring_setup(&r, &p);
	if (rc < 0 && r.fd < 0)
		verdict(BLOCKED, "io_uring_setup: %s", en(-rc));
	if (rc < 0)
		verdict(BLOCKED, "mmap of the rings: %s", en(-rc));

	memset(&sqe, 0, sizeof(sqe));
	sqe.opcode = IORING_OP_OPENAT;
	sqe.fd = AT_FDCWD;
	sqe.addr = (uintptr_t)argv[1];
	sqe.open_flags = O_RDONLY;
	sqe.user_data = 1;
	fd = ring_do(&r, &sqe, &e);
	if (e)
		verdict(BLOCKED, "io_uring_enter (openat): %s", en(-e));
	if (fd < 0)
		verdict(BLOCKED, "IORING_OP_OPENAT(%s): %s", argv[1], en(-fd));

	memset(&sqe, 0, sizeof(sqe));
	sqe.opcode = IORING_OP_READ;
	sqe.fd = fd;
	sqe.addr = (uintptr_t)buf;
	sqe.len = sizeof(buf) - 1;
	sqe.user_data = 2;
	rc = ring_do(&r, &sqe, &e);
	if (e)
		verdict(BLOCKED, "IORING_OP_OPENAT gave fd %d; io_uring_enter "
			"(read): %s", fd, en(-e));
	if (rc < 0)
		verdict(BLOCKED, "IORING_OP_OPENAT gave fd %d; IORING_OP_READ:"
			" %s", fd, en(-rc));
	if (strncmp(buf, "TOPSECRET", 9) != 0)
		verdict(SETUP, "%s is not a secret", argv[1]);
	verdict(ESCAPED, "IORING_OP_OPENAT + IORING_OP_READ of %s: \"%.20s\"",
		argv[1], buf);
}

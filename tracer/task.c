#include "tracer/task.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/audit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

enum { TABLE_MIN = 256 };

static size_t hash_pid(pid_t p, size_t mask)
{
	return ((uint32_t)p * 2654435761u) & mask;
}

int task_table_init(struct task_table *tt)
{
	memset(tt, 0, sizeof(*tt));
	tt->tb = calloc(TABLE_MIN, sizeof(*tt->tb));
	tt->pb = calloc(TABLE_MIN, sizeof(*tt->pb));
	if (!tt->tb || !tt->pb) {
		free(tt->tb);
		free(tt->pb);
		return -ENOMEM;
	}
	tt->tmask = tt->pmask = TABLE_MIN - 1;
	return 0;
}

static void proc_free(struct proc *p)
{
	if (p->memfd >= 0)
		close(p->memfd);
	free(p->exe);
	free(p);
}

void task_table_destroy(struct task_table *tt)
{
	size_t i;

	for (i = 0; i <= tt->tmask; i++) {
		while (tt->tb[i]) {
			struct task *t = tt->tb[i];

			tt->tb[i] = t->hnext;
			free(t);
		}
	}
	for (i = 0; i <= tt->pmask; i++) {
		while (tt->pb[i]) {
			struct proc *p = tt->pb[i];

			tt->pb[i] = p->hnext;
			proc_free(p);
		}
	}
	free(tt->tb);
	free(tt->pb);
	memset(tt, 0, sizeof(*tt));
}

struct task *task_find(struct task_table *tt, pid_t tid)
{
	struct task *t = tt->tb[hash_pid(tid, tt->tmask)];

	while (t && t->tid != tid)
		t = t->hnext;
	return t;
}

struct proc *proc_find(struct task_table *tt, pid_t pid)
{
	struct proc *p = tt->pb[hash_pid(pid, tt->pmask)];

	while (p && p->pid != pid)
		p = p->hnext;
	return p;
}

/* Double a table when it is as full as it has buckets; chains stay short
 * with thousands of tasks (a fork storm). Failure to grow is harmless. */
static void grow_tasks(struct task_table *tt)
{
	size_t n = (tt->tmask + 1) * 2, i;
	struct task **nb = calloc(n, sizeof(*nb));

	if (!nb)
		return;
	for (i = 0; i <= tt->tmask; i++) {
		while (tt->tb[i]) {
			struct task *t = tt->tb[i];
			size_t h = hash_pid(t->tid, n - 1);

			tt->tb[i] = t->hnext;
			t->hnext = nb[h];
			nb[h] = t;
		}
	}
	free(tt->tb);
	tt->tb = nb;
	tt->tmask = n - 1;
}

static void grow_procs(struct task_table *tt)
{
	size_t n = (tt->pmask + 1) * 2, i;
	struct proc **nb = calloc(n, sizeof(*nb));

	if (!nb)
		return;
	for (i = 0; i <= tt->pmask; i++) {
		while (tt->pb[i]) {
			struct proc *p = tt->pb[i];
			size_t h = hash_pid(p->pid, n - 1);

			tt->pb[i] = p->hnext;
			p->hnext = nb[h];
			nb[h] = p;
		}
	}
	free(tt->pb);
	tt->pb = nb;
	tt->pmask = n - 1;
}

static void link_task(struct task_table *tt, struct task *t)
{
	size_t h = hash_pid(t->tid, tt->tmask);

	t->hnext = tt->tb[h];
	tt->tb[h] = t;
	if (++tt->ntasks > tt->tmask)
		grow_tasks(tt);
}

struct task *task_new(struct task_table *tt, pid_t tid, pid_t tgid)
{
	struct proc *p = proc_find(tt, tgid);
	struct task *t;

	if (!p) {
		size_t h;

		p = calloc(1, sizeof(*p));
		if (!p)
			return NULL;
		p->pid = tgid;
		p->memfd = -1;
		h = hash_pid(tgid, tt->pmask);
		p->hnext = tt->pb[h];
		tt->pb[h] = p;
		if (++tt->nprocs > tt->pmask)
			grow_procs(tt);
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;	/* p stays, empty; freed with the table */
	t->tid = tid;
	t->proc = p;
	t->state = TS_NEW;
	p->ntasks++;
	link_task(tt, t);
	return t;
}

void task_unlink(struct task_table *tt, struct task *t)
{
	struct task **pp = &tt->tb[hash_pid(t->tid, tt->tmask)];

	while (*pp && *pp != t)
		pp = &(*pp)->hnext;
	if (*pp) {
		*pp = t->hnext;
		tt->ntasks--;
	}
	t->hnext = NULL;
}

void task_free(struct task_table *tt, struct task *t)
{
	struct proc *p = t->proc;

	free(t);
	if (--p->ntasks == 0) {
		struct proc **pp = &tt->pb[hash_pid(p->pid, tt->pmask)];

		while (*pp && *pp != p)
			pp = &(*pp)->hnext;
		if (*pp) {
			*pp = p->hnext;
			tt->nprocs--;
		}
		proc_free(p);
	}
}

void task_rekey(struct task_table *tt, struct task *t, pid_t tid)
{
	task_unlink(tt, t);
	t->tid = tid;
	link_task(tt, t);
}

int task_foreach(struct task_table *tt, int (*fn)(struct task *, void *),
		 void *arg)
{
	size_t i;

	for (i = 0; i <= tt->tmask; i++) {
		struct task *t = tt->tb[i], *next;

		for (; t; t = next) {
			int rc;

			next = t->hnext;
			rc = fn(t, arg);
			if (rc)
				return rc;
		}
	}
	return 0;
}

void task_invalidate(struct task *t)
{
	t->regs_valid = false;
	t->regs_dirty = false;
	t->sci_valid = false;
}

void task_mark_running(struct task *t)
{
	t->state = TS_RUNNING;
	t->left_syscall = false;
	task_invalidate(t);
}

void task_after_exec(struct task *t)
{
	struct proc *p = t->proc;

	free(p->exe);
	p->exe = NULL;
	/* /proc/PID/mem keeps pointing at the old address space. */
	if (p->memfd >= 0)
		close(p->memfd);
	p->memfd = -1;
	/* exec unshares the fd table (begin_new_exec) */
	p->fdt_shared = p->fdt_unknown = false;
	t->comm[0] = '\0';
	t->in_syscall = false;
}

/* --- the public accessors --- */

pid_t task_tid(const struct task *t) { return t->tid; }
pid_t task_pid(const struct task *t) { return t->proc->pid; }
struct proc *task_proc(const struct task *t) { return t->proc; }
bool task_is_stopped(const struct task *t) { return t->state == TS_STOPPED; }
enum tr_kind task_stop_kind(const struct task *t) { return t->stop; }
void *task_data(const struct task *t) { return t->data; }
void task_set_data(struct task *t, void *p) { t->data = p; }
pid_t proc_pid(const struct proc *p) { return p->pid; }
unsigned proc_ntasks(const struct proc *p) { return p->ntasks; }

void *proc_data(const struct proc *p) { return p->data; }
void proc_set_data(struct proc *p, void *d) { p->data = d; }

bool task_fdt_private(const struct task *t)
{
	const struct proc *p = t->proc;

	return p->ntasks == 1 && !p->fdt_shared && !p->fdt_unknown;
}

int task_get_regs(struct task *t, struct user_regs_struct *r)
{
	if (t->state != TS_STOPPED)
		return t->state == TS_DEAD ? -ESRCH : -EBUSY;
	if (!t->regs_valid) {
		if (ptrace(PTRACE_GETREGS, t->tid, 0L, &t->regs) < 0)
			return -errno;
		t->regs_valid = true;
	}
	*r = t->regs;
	return 0;
}

int task_set_regs(struct task *t, const struct user_regs_struct *r)
{
	struct user_regs_struct cur;
	int rc = task_get_regs(t, &cur);

	if (rc < 0)
		return rc;
	t->regs = *r;
	t->regs_dirty = true;
	return 0;
}

int task_flush_regs(struct task *t)
{
	if (!t->regs_dirty)
		return 0;
	t->regs_dirty = false;
	if (ptrace(PTRACE_SETREGS, t->tid, 0L, &t->regs) < 0)
		return -errno;
	return 0;
}

static int fetch_sci(struct task *t)
{
	long n;

	if (t->state != TS_STOPPED)
		return t->state == TS_DEAD ? -ESRCH : -EBUSY;
	if (t->sci_valid)
		return 0;
	n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(t->sci),
		   &t->sci);
	if (n < 0)
		return errno == EIO ? -ENOSYS : -errno;
	t->sci_valid = true;
	return 0;
}

int task_syscall(struct task *t, struct tr_syscall *out)
{
	const struct __ptrace_syscall_info *s = &t->sci;
	int rc = fetch_sci(t);

	if (rc < 0)
		return rc;
	memset(out, 0, sizeof(*out));
	out->abi = abi_from_audit_arch(s->arch);
	out->ip = s->instruction_pointer;
	out->sp = s->stack_pointer;
	switch (s->op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		out->nr = (long)s->entry.nr;
		memcpy(out->args, s->entry.args, sizeof(out->args));
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		out->nr = (long)s->seccomp.nr;
		memcpy(out->args, s->seccomp.args, sizeof(out->args));
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		out->is_exit = true;
		out->ret = (long)s->exit.rval;
		out->is_error = s->exit.is_error;
		out->nr = -1;
		break;
	default:
		return -EINVAL;
	}
	/* A 32-bit syscall's arguments are 32-bit values. */
	if (out->abi == ABI_I386) {
		int i;

		for (i = 0; i < 6; i++)
			out->args[i] &= 0xffffffffu;
	}
	return 0;
}

int task_syscall_regs(struct task *t, struct tr_syscall *out)
{
	struct user_regs_struct r;
	int rc = fetch_sci(t);

	if (rc < 0)
		return rc;
	rc = task_get_regs(t, &r);
	if (rc < 0)
		return rc;
	memset(out, 0, sizeof(*out));
	out->abi = abi_from_audit_arch(t->sci.arch);
	out->nr = (long)r.orig_rax;
	out->ip = r.rip;
	out->sp = r.rsp;
	if (out->abi == ABI_I386) {
		uint64_t a[6] = { r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rbp };
		int i;

		for (i = 0; i < 6; i++)
			out->args[i] = a[i] & 0xffffffffu;
	} else {
		uint64_t a[6] = { r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9 };

		memcpy(out->args, a, sizeof(a));
	}
	return 0;
}

int task_set_syscall_nr(struct task *t, long nr)
{
	struct user_regs_struct r;
	int rc = task_get_regs(t, &r);

	if (rc < 0)
		return rc;
	r.orig_rax = (unsigned long long)nr;
	if (t->sci_valid && t->sci.op == PTRACE_SYSCALL_INFO_SECCOMP)
		t->sci.seccomp.nr = (uint64_t)nr;
	else if (t->sci_valid && t->sci.op == PTRACE_SYSCALL_INFO_ENTRY)
		t->sci.entry.nr = (uint64_t)nr;
	return task_set_regs(t, &r);
}

int task_set_syscall_arg(struct task *t, int i, uint64_t v)
{
	struct user_regs_struct r;
	unsigned long long *x64[6] = { &r.rdi, &r.rsi, &r.rdx,
				       &r.r10, &r.r8, &r.r9 };
	unsigned long long *x32[6] = { &r.rbx, &r.rcx, &r.rdx,
				       &r.rsi, &r.rdi, &r.rbp };
	int rc;

	if (i < 0 || i > 5)
		return -EINVAL;
	rc = fetch_sci(t);
	if (rc == 0)
		rc = task_get_regs(t, &r);
	if (rc < 0)
		return rc;
	if (abi_from_audit_arch(t->sci.arch) == ABI_I386)
		v &= 0xffffffffu, *x32[i] = v;
	else
		*x64[i] = v;
	/* Keep the cached syscall info in step rather than ask again. */
	if (t->sci.op == PTRACE_SYSCALL_INFO_SECCOMP)
		t->sci.seccomp.args[i] = v;
	else if (t->sci.op == PTRACE_SYSCALL_INFO_ENTRY)
		t->sci.entry.args[i] = v;
	else
		t->sci_valid = false;
	return task_set_regs(t, &r);
}

int task_skip_syscall(struct task *t, long ret)
{
	struct user_regs_struct r;
	int rc = task_get_regs(t, &r);

	if (rc < 0)
		return rc;
	/* -1 makes the kernel skip the call; rax is what it returns. */
	r.orig_rax = (unsigned long long)-1LL;
	r.rax = (unsigned long long)ret;
	return task_set_regs(t, &r);
}

int task_set_retval(struct task *t, long ret)
{
	struct user_regs_struct r;
	int rc = task_get_regs(t, &r);

	if (rc < 0)
		return rc;
	r.rax = (unsigned long long)ret;
	return task_set_regs(t, &r);
}

int task_get_sigmask(struct task *t, uint64_t *mask)
{
	if (t->state != TS_STOPPED)
		return t->state == TS_DEAD ? -ESRCH : -EBUSY;
	if (ptrace(PTRACE_GETSIGMASK, t->tid, (void *)sizeof(*mask), mask) < 0)
		return -errno;
	return 0;
}

int task_set_sigmask(struct task *t, uint64_t mask)
{
	if (t->state != TS_STOPPED)
		return t->state == TS_DEAD ? -ESRCH : -EBUSY;
	if (ptrace(PTRACE_SETSIGMASK, t->tid, (void *)sizeof(mask), &mask) < 0)
		return -errno;
	return 0;
}

/* --- memory --- */

static int open_memfd(struct proc *p)
{
	char path[64];

	if (p->memfd >= 0)
		return p->memfd;
	snprintf(path, sizeof(path), "/proc/%d/mem", p->pid);
	p->memfd = open(path, O_RDWR | O_CLOEXEC);
	if (p->memfd < 0)
		p->memfd = open(path, O_RDONLY | O_CLOEXEC);
	return p->memfd < 0 ? -errno : p->memfd;
}

/* One read that does not cross a page boundary, so a fault yields a
 * short count rather than nothing. */
static ssize_t read_chunk(struct task *t, uint64_t addr, void *buf, size_t len)
{
	struct proc *p = t->proc;
	ssize_t n;
	int fd;

	if (!p->no_vm_readv) {
		struct iovec l = { buf, len };
		struct iovec r = { (void *)(uintptr_t)addr, len };

		n = process_vm_readv(t->tid, &l, 1, &r, 1, 0);
		if (n >= 0 || (errno != EPERM && errno != ENOSYS))
			return n < 0 ? -errno : n;
		p->no_vm_readv = true;
	}
	fd = open_memfd(p);
	if (fd < 0)
		return fd;
	n = pread(fd, buf, len, (off_t)addr);
	return n < 0 ? -errno : n;
}

ssize_t task_read_mem(struct task *t, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	if (t->state == TS_DEAD)
		return -ESRCH;
	while (done < len) {
		uint64_t a = addr + done;
		size_t room = 4096 - (a & 4095), want = len - done;
		ssize_t n;

		if (want > room && done == 0 && len <= 65536) {
			/* Try the whole range at once first: the common case
			 * is fully mapped. */
			n = read_chunk(t, a, buf, len);
			if (n == (ssize_t)len)
				return n;
		}
		if (want > room)
			want = room;
		n = read_chunk(t, a, (char *)buf + done, want);
		if (n <= 0)
			return done ? (ssize_t)done : (n < 0 ? n : -EFAULT);
		done += (size_t)n;
		if ((size_t)n < want)
			break;
	}
	return (ssize_t)done;
}

ssize_t task_write_mem(struct task *t, uint64_t addr, const void *buf,
		       size_t len)
{
	ssize_t n;
	int fd;

	if (t->state == TS_DEAD)
		return -ESRCH;
	fd = open_memfd(t->proc);
	if (fd < 0)
		return fd;
	n = pwrite(fd, buf, len, (off_t)addr);
	return n < 0 ? -errno : n;
}

/* An access as the program's own would be, through process_vm_writev or
 * process_vm_readv (page protections apply). small: at most 8 bytes
 * within a page, so that it is all or nothing. */
static int prot_access(struct task *t, uint64_t addr, void *buf, size_t len,
		       bool store, bool small)
{
	struct iovec l = { buf, len };
	struct iovec r = { (void *)(uintptr_t)addr, len };
	ssize_t n;

	if (t->state != TS_STOPPED)
		return t->state == TS_DEAD ? -ESRCH : -EBUSY;
	if (len == 0 || (small && (len > 8 || (addr & 4095) + len > 4096)))
		return -EINVAL;
	n = store ? process_vm_writev(t->tid, &l, 1, &r, 1, 0) :
		    process_vm_readv(t->tid, &l, 1, &r, 1, 0);
	if (n == (ssize_t)len)
		return 0;
	if (n >= 0)
		return -EFAULT;
	return errno == EPERM || errno == ENOSYS ? -ENOSYS : -errno;
}

int task_store_mem(struct task *t, uint64_t addr, const void *buf,
		   size_t len)
{
	return prot_access(t, addr, (void *)buf, len, true, true);
}

int task_load_mem(struct task *t, uint64_t addr, void *buf, size_t len)
{
	return prot_access(t, addr, buf, len, false, true);
}

int task_poke_mem(struct task *t, uint64_t addr, const void *buf, size_t len)
{
	return prot_access(t, addr, (void *)buf, len, true, false);
}

static ssize_t mr_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return task_read_mem(ctx, addr, buf, len);
}

struct mem_reader task_mem_reader(struct task *t)
{
	return (struct mem_reader){ .read = mr_read, .ctx = t };
}

const char *task_comm(struct task *t)
{
	char path[64];
	ssize_t n;
	int fd;

	if (t->comm[0])
		return t->comm;
	snprintf(path, sizeof(path), "/proc/%d/comm", t->tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	n = read(fd, t->comm, sizeof(t->comm) - 1);
	close(fd);
	if (n <= 0)
		return t->comm[0] = '\0', NULL;
	if (t->comm[n - 1] == '\n')
		n--;
	t->comm[n] = '\0';
	return t->comm;
}

const char *proc_exe(struct proc *p)
{
	char path[64], buf[PATH_MAX];
	ssize_t n;

	if (p->exe)
		return p->exe;
	snprintf(path, sizeof(path), "/proc/%d/exe", p->pid);
	n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	p->exe = strdup(buf);
	return p->exe;
}

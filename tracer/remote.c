#include "tracer/remote.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "tracer/task.h"

enum { USER32_CS = 0x23 };

bool task_is_32bit(struct task *t)
{
	struct user_regs_struct r;

	return task_get_regs(t, &r) == 0 && r.cs == USER32_CS;
}

static void set_args(struct user_regs_struct *r, bool is32, long nr,
		     const uint64_t a[6])
{
	r->rax = (unsigned long long)nr;
	if (is32) {
		r->rbx = a[0] & 0xffffffffu;
		r->rcx = a[1] & 0xffffffffu;
		r->rdx = a[2] & 0xffffffffu;
		r->rsi = a[3] & 0xffffffffu;
		r->rdi = a[4] & 0xffffffffu;
		r->rbp = a[5] & 0xffffffffu;
	} else {
		r->rdi = a[0];
		r->rsi = a[1];
		r->rdx = a[2];
		r->r10 = a[3];
		r->r8 = a[4];
		r->r9 = a[5];
	}
}

/* Hand a status that is not ours back to the main loop; -ESRCH when it
 * says the task is gone or going. */
static int not_ours(struct tracer *tr, struct task *t, int status)
{
	tracer_defer_status(tr, t->tid, status);
	if (WIFEXITED(status) || WIFSIGNALED(status) ||
	    (WIFSTOPPED(status) && (unsigned)status >> 16 == PTRACE_EVENT_EXIT))
		return -ESRCH;
	return -EAGAIN;
}

/* The code run for n calls at the pc: `syscall`, then for each further
 * call `mov %rax,%r12+i` (the previous result), its arguments and number
 * as immediates, `syscall`; then `int3`. 32-bit code runs one call. */
static size_t remote_code(uint8_t *code, bool is32,
			  const struct remote_call *c, size_t n)
{
	/* movabs $imm64 into rdi, rsi, rdx, r10, r8, r9 */
	static const uint8_t movabs[6][2] = {
		{ 0x48, 0xbf }, { 0x48, 0xbe }, { 0x48, 0xba },
		{ 0x49, 0xba }, { 0x49, 0xb8 }, { 0x49, 0xb9 },
	};
	size_t at = 0, i, k;

	code[at++] = is32 ? 0xcd : 0x0f;
	code[at++] = is32 ? 0x80 : 0x05;
	for (i = 1; i < n; i++) {
		uint32_t nr = (uint32_t)c[i].nr;

		/* mov %rax, %r12 / %r13 / %r14 */
		code[at++] = 0x49;
		code[at++] = 0x89;
		code[at++] = (uint8_t)(0xc4 + i - 1);
		for (k = 0; k < 6; k++) {
			code[at++] = movabs[k][0];
			code[at++] = movabs[k][1];
			memcpy(code + at, &c[i].args[k], 8);
			at += 8;
		}
		code[at++] = 0xb8;	/* mov $nr, %eax */
		memcpy(code + at, &nr, 4);
		at += 4;
		code[at++] = 0x0f;
		code[at++] = 0x05;
	}
	code[at++] = 0xcc;
	return at;
}

static int remote_run(struct tracer *tr, struct task *t,
		      struct remote_call *c, size_t n)
{
	uint8_t code[REMOTE_MAX_CALLS * 72], orig[sizeof(code)];
	struct user_regs_struct saved, r;
	uint64_t mask, all = ~0ull;
	size_t len, i;
	bool is32;
	int rc, status;

	if (t->state != TS_STOPPED)
		return -ESRCH;
	if (t->stop == TR_SECCOMP || t->stop == TR_SYSCALL_ENTER ||
	    t->stop == TR_GROUP_STOP || t->listen_on_resume)
		return -EBUSY;
	rc = task_flush_regs(t);
	if (rc < 0)
		return rc;
	if (!t->left_syscall && (t->stop == TR_EXEC || t->stop == TR_FORK ||
				 t->stop == TR_VFORK_DONE)) {
		/* Event stops sit inside a syscall whose result is stored
		 * only on the way out: step to its exit stop first, or the
		 * result would overwrite our syscall number. */
		if (ptrace(PTRACE_SYSCALL, t->tid, 0L, 0L) < 0)
			return -errno;
		task_invalidate(t);
		rc = tracer_wait_task(tr, t, &status);
		if (rc < 0)
			return rc;
		if (!WIFSTOPPED(status) || WSTOPSIG(status) != (SIGTRAP | 0x80))
			return not_ours(tr, t, status);
		t->left_syscall = true;
	}
	rc = task_get_regs(t, &saved);
	if (rc < 0)
		return rc;
	is32 = saved.cs == USER32_CS;
	if (is32 && n > 1)
		return -EINVAL;
	len = remote_code(code, is32, c, n);
	if (ptrace(PTRACE_GETSIGMASK, t->tid, (void *)sizeof(mask), &mask) < 0)
		return -errno;
	/* -E2BIG: no room at the pc for several calls' code (nothing ran;
	 * the caller runs them one by one) */
	if (task_read_mem(t, saved.rip, orig, len) != (ssize_t)len)
		return n > 1 ? -E2BIG : -EFAULT;
	if (task_write_mem(t, saved.rip, code, len) != (ssize_t)len) {
		task_write_mem(t, saved.rip, orig, len);
		return n > 1 ? -E2BIG : -EFAULT;
	}
	r = saved;
	set_args(&r, is32, c[0].nr, c[0].args);
	/* No syscall restart logic may touch our registers on the way out
	 * of the stop the task is in. */
	r.orig_rax = (unsigned long long)-1LL;
	if (ptrace(PTRACE_SETSIGMASK, t->tid, (void *)sizeof(all), &all) < 0 ||
	    ptrace(PTRACE_SETREGS, t->tid, 0L, &r) < 0 ||
	    ptrace(PTRACE_CONT, t->tid, 0L, 0L) < 0) {
		rc = -errno;
		goto restore;
	}
	for (;;) {
		int sig, event;

		rc = tracer_wait_task(tr, t, &status);
		if (rc < 0)
			return rc;
		if (!WIFSTOPPED(status))
			return not_ours(tr, t, status);
		sig = WSTOPSIG(status);
		event = (unsigned)status >> 16;
		if (event == PTRACE_EVENT_SECCOMP || event == PTRACE_EVENT_STOP ||
		    sig == (SIGTRAP | 0x80)) {
			/* Our own syscall going through the filter, or a
			 * stop we may step past. */
			ptrace(PTRACE_CONT, t->tid, 0L, 0L);
			continue;
		}
		if (event)
			return not_ours(tr, t, status);
		if (sig == SIGTRAP)
			break;	/* the int3 after the syscall */
		/* A fault: the code could not run here. */
		rc = -EFAULT;
		goto restore;
	}
	if (ptrace(PTRACE_GETREGS, t->tid, 0L, &r) < 0) {
		rc = -errno;
		goto restore;
	}
	for (i = 0; i < n; i++) {
		unsigned long long v = i + 1 == n ? r.rax :
				       i == 0 ? r.r12 : i == 1 ? r.r13 : r.r14;

		c[i].ret = is32 ? (long)(int32_t)v : (long)v;
	}
	rc = 0;
restore:
	task_write_mem(t, saved.rip, orig, len);
	ptrace(PTRACE_SETREGS, t->tid, 0L, &saved);
	ptrace(PTRACE_SETSIGMASK, t->tid, (void *)sizeof(mask), &mask);
	t->regs = saved;
	t->regs_valid = true;
	t->regs_dirty = false;
	t->sci_valid = false;
	return rc;
}

int remote_syscalls(struct tracer *tr, struct task *t, struct remote_call *c,
		    size_t n)
{
	size_t i;
	int rc;

	if (n == 0 || n > REMOTE_MAX_CALLS)
		return -EINVAL;
	rc = n > 1 && !task_is_32bit(t) ? remote_run(tr, t, c, n) : -EINVAL;
	/* 32-bit code, or no room for the longer code at the pc: one by
	 * one. */
	for (i = 0; (rc == -EINVAL || rc == -E2BIG) && i < n; i++) {
		rc = remote_run(tr, t, &c[i], 1);
		if (rc < 0)
			return rc;
	}
	return rc;
}

int remote_syscall(struct tracer *tr, struct task *t, long nr,
		   const uint64_t args[6], long *ret)
{
	struct remote_call c = { .nr = nr };
	int rc;

	memcpy(c.args, args, sizeof(c.args));
	rc = remote_run(tr, t, &c, 1);
	if (rc == 0)
		*ret = c.ret;
	return rc;
}

int remote_replace(struct tracer *tr, struct task *t, long nr,
		   const uint64_t args[6], long *ret)
{
	struct user_regs_struct r;
	struct tr_syscall sc;
	bool is32;
	int rc, status;

	if (t->state != TS_STOPPED ||
	    (t->stop != TR_SECCOMP && t->stop != TR_SYSCALL_ENTER))
		return -EBUSY;
	rc = task_flush_regs(t);
	if (rc == 0)
		rc = task_syscall(t, &sc);
	if (rc == 0)
		rc = task_get_regs(t, &r);
	if (rc < 0)
		return rc;
	is32 = sc.abi == ABI_I386;
	set_args(&r, is32, nr, args);
	r.orig_rax = (unsigned long long)nr;
	if (ptrace(PTRACE_SETREGS, t->tid, 0L, &r) < 0 ||
	    ptrace(PTRACE_SYSCALL, t->tid, 0L, 0L) < 0)
		return -errno;
	task_invalidate(t);
	rc = tracer_wait_task(tr, t, &status);
	if (rc < 0)
		return rc;
	if (!WIFSTOPPED(status) || WSTOPSIG(status) != (SIGTRAP | 0x80))
		return not_ours(tr, t, status);
	t->stop = TR_SYSCALL_EXIT;
	t->in_syscall = false;
	rc = task_get_regs(t, &r);
	if (rc < 0)
		return rc;
	*ret = is32 ? (long)(int32_t)r.rax : (long)r.rax;
	return 0;
}

int remote_reissue(struct task *t, long nr, const uint64_t args[6])
{
	struct user_regs_struct r;
	struct tr_syscall sc;
	bool is32;
	int rc;

	if (t->state != TS_STOPPED || t->stop != TR_SYSCALL_EXIT)
		return -EBUSY;
	rc = task_syscall(t, &sc);
	if (rc == 0)
		rc = task_get_regs(t, &r);
	if (rc < 0)
		return rc;
	/* syscall, sysenter's int $0x80 landing and int $0x80 are all two
	 * bytes: the kernel's own restart does the same. */
	is32 = sc.abi == ABI_I386;
	set_args(&r, is32, nr, args);
	r.rip -= 2;
	r.orig_rax = (unsigned long long)-1LL;
	return task_set_regs(t, &r);
}

int remote_again(struct tracer *tr, struct task *t, long nr,
		 const uint64_t args[6], long *ret)
{
	struct tr_syscall sc;
	int rc, status;

	rc = remote_reissue(t, nr, args);
	if (rc == 0)
		rc = task_flush_regs(t);
	if (rc < 0)
		return rc;
	for (;;) {
		int sig, event;

		if (ptrace(PTRACE_SYSCALL, t->tid, 0L, 0L) < 0)
			return -errno;
		task_invalidate(t);
		rc = tracer_wait_task(tr, t, &status);
		if (rc < 0)
			return rc;
		if (!WIFSTOPPED(status))
			return not_ours(tr, t, status);
		sig = WSTOPSIG(status);
		event = (unsigned)status >> 16;
		if (event == PTRACE_EVENT_SECCOMP)
			continue;	/* our own call through the filter */
		if (event || sig != (SIGTRAP | 0x80))
			return not_ours(tr, t, status);
		t->stop = TR_SYSCALL_EXIT;	/* for task_syscall's checks */
		if (task_syscall(t, &sc) < 0)
			return -ESRCH;
		if (sc.is_exit)
			break;
		/* the entry stop of the reissued call: on to its exit */
		t->stop = TR_SYSCALL_ENTER;
	}
	t->stop = TR_SYSCALL_EXIT;
	*ret = sc.ret;
	return 0;
}

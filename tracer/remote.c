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

int remote_syscall(struct tracer *tr, struct task *t, long nr,
		   const uint64_t args[6], long *ret)
{
	static const uint8_t code64[] = { 0x0f, 0x05, 0xcc };
	static const uint8_t code32[] = { 0xcd, 0x80, 0xcc };
	struct user_regs_struct saved, r;
	uint8_t orig[sizeof(code64)];
	uint64_t mask, all = ~0ull;
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
	if (ptrace(PTRACE_GETSIGMASK, t->tid, (void *)sizeof(mask), &mask) < 0)
		return -errno;
	if (task_read_mem(t, saved.rip, orig, sizeof(orig)) != sizeof(orig))
		return -EFAULT;
	if (task_write_mem(t, saved.rip, is32 ? code32 : code64,
			   sizeof(orig)) != sizeof(orig))
		return -EFAULT;
	r = saved;
	set_args(&r, is32, nr, args);
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
	*ret = is32 ? (long)(int32_t)r.rax : (long)r.rax;
	rc = 0;
restore:
	task_write_mem(t, saved.rip, orig, sizeof(orig));
	ptrace(PTRACE_SETREGS, t->tid, 0L, &saved);
	ptrace(PTRACE_SETSIGMASK, t->tid, (void *)sizeof(mask), &mask);
	t->regs = saved;
	t->regs_valid = true;
	t->regs_dirty = false;
	t->sci_valid = false;
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

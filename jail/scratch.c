#include "jail/scratch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "policy/baseline.h"
#include "tracer/remote.h"

enum {
	NSLOTS = (SCRATCH_END - SCRATCH_ADDR) / SLOT_SIZE,
	I386_NR_MMAP2 = 192,
};

struct slots {
	int refs;		/* processes using this table */
	bool mapped;		/* the area exists in this address space */
	pid_t owner[NSLOTS];	/* tid holding each slot, 0: free */
};

static struct slots *slots_of(struct task *t)
{
	return proc_data(task_proc(t));
}

static void slots_put(struct slots *s)
{
	if (s && --s->refs == 0)
		free(s);
}

static struct slots *slots_new(void)
{
	struct slots *s = calloc(1, sizeof(*s));

	if (s)
		s->refs = 1;
	return s;
}

int scratch_task_start(struct tracer *tr, struct task *t, pid_t parent,
		       bool new_proc)
{
	struct task *pt;
	struct slots *s;

	if (!new_proc || slots_of(t))
		return 0;
	/* A new process shares its creator's table until it execs: with
	 * CLONE_VM it shares its memory too, and telling the two apart
	 * would cost a look at the clone flags for nothing. */
	pt = parent > 0 ? tracer_find(tr, parent) : NULL;
	s = pt ? slots_of(pt) : NULL;
	if (s) {
		s->refs++;
	} else {
		s = slots_new();
		if (!s)
			return -ENOMEM;
	}
	proc_set_data(task_proc(t), s);
	return 0;
}

int scratch_map(struct tracer *tr, struct task *t)
{
	struct slots *s = slots_new();
	uint64_t a[6] = { SCRATCH_ADDR, SCRATCH_END - SCRATCH_ADDR, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			  (uint64_t)-1, 0 };
	long ret = 0;
	int rc;

	if (!s)
		return -ENOMEM;
	/* The old table may be shared with the parent (vfork): leave it. */
	slots_put(slots_of(t));
	proc_set_data(task_proc(t), s);
	rc = remote_syscall(tr, t, task_is_32bit(t) ? I386_NR_MMAP2 : SYS_mmap,
			    a, &ret);
	if (rc < 0)
		return rc;
	if (ret != SCRATCH_ADDR)
		return ret < 0 && ret > -4096 ? (int)ret : -EEXIST;
	s->mapped = true;
	return 0;
}

/* A slot owner that is still a task of a process using this table. */
static bool owner_live(struct tracer *tr, struct slots *s, pid_t tid)
{
	struct task *o = tid ? tracer_find(tr, tid) : NULL;

	return o && slots_of(o) == s;
}

uint64_t scratch_slot(struct tracer *tr, struct task *t)
{
	struct slots *s = slots_of(t);
	pid_t tid = task_tid(t);
	unsigned i, start;

	if (!s || !s->mapped)
		return 0;
	start = (unsigned)tid % NSLOTS;
	for (i = 0; i < NSLOTS; i++) {
		unsigned k = (start + i) % NSLOTS;

		if (s->owner[k] == tid || !owner_live(tr, s, s->owner[k])) {
			s->owner[k] = tid;
			return SCRATCH_ADDR + (uint64_t)k * SLOT_SIZE;
		}
	}
	return 0;
}

void scratch_task_exit(struct task *t)
{
	struct slots *s = slots_of(t);
	unsigned i;

	if (!s)
		return;
	for (i = 0; i < NSLOTS; i++)
		if (s->owner[i] == task_tid(t))
			s->owner[i] = 0;
}

bool scratch_mapped(struct task *t)
{
	struct slots *s = slots_of(t);

	return s && s->mapped;
}

void scratch_proc_exit(struct task *t)
{
	slots_put(slots_of(t));
	proc_set_data(task_proc(t), NULL);
}

int scratch_put_str(struct task *t, uint64_t at, const char *s)
{
	size_t n = strlen(s) + 1;

	if (n > 4096)
		return -ENAMETOOLONG;
	return task_write_mem(t, at, s, n) == (ssize_t)n ? 0 : -EFAULT;
}

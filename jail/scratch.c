#include "jail/scratch.h"

#include <errno.h>
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "policy/baseline.h"
#include "tracer/remote.h"

enum {
	NSLOTS = (SCRATCH_FAST - SCRATCH_ADDR) / SLOT_SIZE,
	NFAST = (SCRATCH_END - SCRATCH_FAST) / FAST_REC_SIZE,
	I386_NR_MMAP2 = 192,
	TRAMP_SIZE = 4096,
};

struct slots {
	int refs;		/* processes using this table */
	bool mapped;		/* the area exists in this address space */
	uint64_t tramp;		/* the trampoline's address, 0: none */
	unsigned fast_next;	/* the fast record to write next */
	pid_t owner[NSLOTS];	/* tid holding each slot, 0: free */
};

static bool fast_opens;

void scratch_fast_opens(bool on)
{
	fast_opens = on;
}

/* The trampoline of a fast open (scratch.h). The thread arrives with
 * openat2's arguments set and this frame at its stack pointer, below the
 * program's red zone:
 *	0 rdi  8 rsi  16 rdx  24 r10  32 return address
 * It makes the call, takes the program's registers back and returns
 * after the program's own syscall instruction. rcx and r11 are the
 * syscall's to clobber; no instruction sets flags.
 *
 * Signals are not blocked: a handler may run at the trampoline's first
 * instruction or after its syscall. Its stack frame goes below ours (the
 * stack pointer is below the frame until the last instruction), and a
 * fast open of its own takes the next of the ring's 512 records
 * (scratch_fast_rec()), which are written only while the process has
 * one task and its own memory: the record this trampoline reads is
 * rewritten only after 512 nested fast opens, and then still holds a
 * checked read-only open. A handler that never returns abandons the
 * call as it would natively, before or after the syscall. */
static const uint8_t tramp_code[] = {
	0x0f, 0x05,				/* syscall */
	0x48, 0x8b, 0x3c, 0x24,			/* mov (%rsp), %rdi */
	0x48, 0x8b, 0x74, 0x24, 0x08,		/* mov 8(%rsp), %rsi */
	0x48, 0x8b, 0x54, 0x24, 0x10,		/* mov 16(%rsp), %rdx */
	0x4c, 0x8b, 0x54, 0x24, 0x18,		/* mov 24(%rsp), %r10 */
	0x48, 0x8b, 0x4c, 0x24, 0x20,		/* mov 32(%rsp), %rcx */
	0x48, 0x8d, 0xa4, 0x24,			/* lea FAST_FRAME(%rsp), %rsp */
	FAST_FRAME, 0, 0, 0,
	0xff, 0xe1,				/* jmp *%rcx */
};
static_assert(FAST_FRAME == 128 + 40, "the red zone, then the frame");

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
	bool is32 = task_is_32bit(t);
	/* the area; with fast opens, the trampoline's page where the
	 * kernel likes (not at a fixed address: no gadget for exploits) */
	struct remote_call c[2] = {
		{ is32 ? I386_NR_MMAP2 : SYS_mmap,
		  { SCRATCH_ADDR, SCRATCH_END - SCRATCH_ADDR, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		    (uint64_t)-1, 0 }, 0 },
		{ SYS_mmap, { 0, TRAMP_SIZE, PROT_READ | PROT_EXEC,
			      MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0 },
		  0 },
	};
	int rc;

	if (!s)
		return -ENOMEM;
	/* The old table may be shared with the parent (vfork): leave it. */
	slots_put(slots_of(t));
	proc_set_data(task_proc(t), s);
	rc = remote_syscalls(tr, t, c, fast_opens && !is32 ? 2 : 1);
	if (rc < 0)
		return rc;
	if (c[0].ret != SCRATCH_ADDR)
		return c[0].ret < 0 && c[0].ret > -4096 ? (int)c[0].ret :
							  -EEXIST;
	s->mapped = true;
	/* Without its trampoline the process only goes without fast opens:
	 * /proc/PID/mem writes the read-only page. */
	if (fast_opens && !is32 && c[1].ret > 0 &&
	    task_write_mem(t, (uint64_t)c[1].ret, tramp_code,
			   sizeof(tramp_code)) == sizeof(tramp_code))
		s->tramp = (uint64_t)c[1].ret;
	return 0;
}

uint64_t scratch_tramp(struct task *t)
{
	struct slots *s = slots_of(t);

	return s && s->mapped ? s->tramp : 0;
}

uint64_t scratch_fast_rec(struct task *t)
{
	struct slots *s = slots_of(t);
	unsigned k;

	/* Written only while no other task can read the area: a record
	 * read while being written could name a file nobody checked. This
	 * task is stopped; it must be its process's only one, and the
	 * process the only one using the table (no vfork or CLONE_VM
	 * sharer, no fork child before its exec). */
	if (!s || !s->mapped || !s->tramp || s->refs != 1 ||
	    proc_ntasks(task_proc(t)) != 1)
		return 0;
	/* Round the records: a signal handler that runs between a
	 * record's write and its read (the trampoline's) and makes fast
	 * opens of its own writes the next ones, not this. */
	k = s->fast_next++ % NFAST;
	return SCRATCH_FAST + (uint64_t)k * FAST_REC_SIZE;
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

/* bp: breakpoints, watchpoints, catchpoints; the software (int3) and
 * hardware (debug register) backends. See bp.h for the model.
 */
#include "debugger/bp.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "debugger/disasm.h"
#include "debugger/emul.h"
#include "tracer/systab.h"
#include "tracer/xlat.h"

enum { INT3 = 0xcc, NSLOTS = 4, DR6_BS = 1 << 14 };

/* --- address spaces: the int3 shadow table --- */

struct shadow {
	uint64_t addr;
	uint8_t orig;
	int refs;
};

struct aspace {
	int refs;		/* processes sharing it (vfork) */
	struct shadow *sh;
	size_t n, cap;
	/* Bytes taken out since: a fork child started later may still
	 * carry the int3 its parent had when it forked. */
	struct shadow *tomb;
	size_t ntomb, tcap;
};

static struct aspace *as_new(void)
{
	struct aspace *a = calloc(1, sizeof(*a));

	if (a)
		a->refs = 1;
	return a;
}

static void as_put(struct aspace *a)
{
	if (!a || --a->refs > 0)
		return;
	free(a->sh);
	free(a->tomb);
	free(a);
}

static struct shadow *as_find(struct aspace *a, uint64_t addr)
{
	size_t i;

	if (!a)
		return NULL;
	for (i = 0; i < a->n; i++)
		if (a->sh[i].addr == addr)
			return &a->sh[i];
	return NULL;
}

static int grow(void **v, size_t *cap, size_t n, size_t size)
{
	void *nv;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 16;
	nv = realloc(*v, c * size);
	if (!nv)
		return -ENOMEM;
	*v = nv;
	*cap = c;
	return 0;
}

/* Any live task of p, to reach its memory. */
static struct task *proc_task(struct dbg *d, struct dproc *p)
{
	struct dthread *th;

	for (th = d->threads; th; th = th->next)
		if (th->proc == p && th->task)
			return th->task;
	return NULL;
}

static int poke_byte(struct dbg *d, struct dproc *p, uint64_t addr,
		     uint8_t b)
{
	struct task *t = proc_task(d, p);
	ssize_t n;

	if (!t)
		return -ESRCH;
	n = task_write_mem(t, addr, &b, 1);
	return n == 1 ? 0 : n < 0 ? (int)n : -EIO;
}

static int peek_byte(struct dbg *d, struct dproc *p, uint64_t addr,
		     uint8_t *b)
{
	struct task *t = proc_task(d, p);
	ssize_t n;

	if (!t)
		return -ESRCH;
	n = task_read_mem(t, addr, b, 1);
	return n == 1 ? 0 : n < 0 ? (int)n : -EIO;
}

static int sw_insert(struct dbg *d, struct dproc *p, uint64_t addr)
{
	struct aspace *a = p->as;
	struct shadow *s = as_find(a, addr);
	uint8_t orig;
	int rc;

	if (!a)
		return -ESRCH;
	if (s) {
		s->refs++;
		return 0;
	}
	rc = peek_byte(d, p, addr, &orig);
	if (rc < 0)
		return rc;
	if (grow((void **)&a->sh, &a->cap, a->n, sizeof(*a->sh)) < 0)
		return -ENOMEM;
	rc = poke_byte(d, p, addr, INT3);
	if (rc < 0)
		return rc;
	a->sh[a->n++] = (struct shadow){ addr, orig, 1 };
	return 0;
}

static void sw_remove(struct dbg *d, struct dproc *p, uint64_t addr)
{
	struct aspace *a = p->as;
	struct shadow *s = as_find(a, addr);
	size_t i;

	if (!s || --s->refs > 0)
		return;
	poke_byte(d, p, addr, s->orig);
	for (i = 0; i < a->ntomb; i++)
		if (a->tomb[i].addr == addr)
			break;
	if (i < a->ntomb)
		a->tomb[i] = *s;
	else if (grow((void **)&a->tomb, &a->tcap, a->ntomb,
		      sizeof(*a->tomb)) == 0)
		a->tomb[a->ntomb++] = *s;
	*s = a->sh[--a->n];
}

/* --- hardware slots --- */

static bool is_hw(const struct bp *b)
{
	return b->type == BPT_HBREAK || b->type == BPT_WATCH ||
	       b->type == BPT_RWATCH || b->type == BPT_AWATCH;
}

static bool is_code(const struct bp *b)
{
	return b->type == BPT_BREAK || b->type == BPT_HBREAK ||
	       b->type == BPT_MOMENTARY || b->type == BPT_SOLIB;
}

static int alloc_slot(struct dbg *d)
{
	int i;

	for (i = 0; i < NSLOTS; i++) {
		if (!d->hw_slot_used[i]) {
			d->hw_slot_used[i] = true;
			return i;
		}
	}
	return -1;
}

static long dr_off(int i)
{
	return (long)(offsetof(struct user, u_debugreg) + (size_t)i * 8);
}

static uint64_t dr7_bits(const struct bp *b)
{
	unsigned rw = b->type == BPT_HBREAK ? 0 : b->type == BPT_WATCH ? 1 : 3;
	unsigned len = b->type == BPT_HBREAK ? 0 :
		       b->wlen == 1 ? 0 : b->wlen == 2 ? 1 :
		       b->wlen == 8 ? 2 : 3;

	return (1ull << (2 * b->slot)) |
	       ((uint64_t)rw << (16 + 4 * b->slot)) |
	       ((uint64_t)len << (18 + 4 * b->slot));
}

static const struct bp_loc *loc_in(const struct bp *b, const struct dproc *p)
{
	const struct bp_loc *l;

	for (l = b->locs; l; l = l->next)
		if (l->proc == p)
			return l;
	return NULL;
}

void bp_apply_debugregs(struct dbg *d, struct dthread *th)
{
	uint64_t dr7 = 0, addr[NSLOTS] = { 0 };
	pid_t tid = th->tid;
	struct bp *b;
	int i;

	if (!th->task || !task_is_stopped(th->task))
		return;
	for (b = d->bps; b; b = b->next) {
		const struct bp_loc *l;

		if (!is_hw(b) || !b->enabled || b->slot < 0 ||
		    (th->lifted_slots & (1u << b->slot)))
			continue;
		l = loc_in(b, th->proc);
		if (!l || !l->inserted)
			continue;
		addr[b->slot] = l->addr;
		dr7 |= dr7_bits(b);
	}
	if (th->dr7 || dr7) {
		/* Disable first: the kernel checks each address against
		 * the enable bits as they are when it is written. */
		ptrace(PTRACE_POKEUSER, tid, (void *)dr_off(7), (void *)0);
		for (i = 0; i < NSLOTS; i++)
			if (dr7 & (3ull << (2 * i)))
				ptrace(PTRACE_POKEUSER, tid, (void *)dr_off(i),
				       (void *)addr[i]);
		if (dr7 && ptrace(PTRACE_POKEUSER, tid, (void *)dr_off(7),
				  (void *)dr7) < 0)
			dbg_error(d, "warning: cannot set debug registers "
				  "of LWP %d: %s", tid, strerror(errno));
	}
	th->dr7 = dr7;
	th->dr_gen = d->dr_gen;
}

/* The hardware breakpoint set changed: every thread gets it before it
 * next runs (threads stopped now get it at once). */
static void hw_changed(struct dbg *d)
{
	struct dthread *th;

	d->dr_gen++;
	for (th = d->threads; th; th = th->next)
		if (th->state == DT_STOPPED)
			bp_apply_debugregs(d, th);
}

void bp_clear_dr6(struct dbg *d, struct dthread *th)
{
	if (!d->hw_in_use)
		return;
	ptrace(PTRACE_POKEUSER, th->tid, (void *)dr_off(6), (void *)0);
}

/* --- backends: how a location is put in place --- */

struct bp_backend {
	const char *name;
	int (*insert)(struct dbg *d, struct bp_loc *l);
	void (*remove)(struct dbg *d, struct bp_loc *l);
	/* Out of th's way for one single-step at pc, and back. */
	void (*lift)(struct dbg *d, struct dthread *th, uint64_t pc);
	void (*unlift)(struct dbg *d, struct dthread *th, uint64_t pc);
};

static int sw_loc_insert(struct dbg *d, struct bp_loc *l)
{
	return sw_insert(d, l->proc, l->addr);
}

static void sw_loc_remove(struct dbg *d, struct bp_loc *l)
{
	sw_remove(d, l->proc, l->addr);
}

/* The bytes are per address space: every breakpoint at pc goes. */
static void sw_lift(struct dbg *d, struct dthread *th, uint64_t pc)
{
	struct shadow *s = as_find(th->proc->as, pc);

	if (s)
		poke_byte(d, th->proc, pc, s->orig);
}

static void sw_unlift(struct dbg *d, struct dthread *th, uint64_t pc)
{
	if (th->proc && as_find(th->proc->as, pc))
		poke_byte(d, th->proc, pc, INT3);
}

/* Debug registers are per thread: inserting recomputes them for the
 * stopped threads now and for the others before they run. */
static int hw_loc_insert(struct dbg *d, struct bp_loc *l)
{
	(void)l;
	hw_changed(d);
	return 0;
}

static void hw_loc_remove(struct dbg *d, struct bp_loc *l)
{
	(void)l;
	hw_changed(d);
}

static void hw_lift(struct dbg *d, struct dthread *th, uint64_t pc)
{
	struct bp *b;

	for (b = d->bps; b; b = b->next) {
		const struct bp_loc *l;

		if (b->type != BPT_HBREAK || b->slot < 0 || !b->enabled)
			continue;
		l = loc_in(b, th->proc);
		if (l && l->addr == pc)
			th->lifted_slots |= 1u << b->slot;
	}
	if (th->dr_gen != d->dr_gen || th->lifted_slots)
		bp_apply_debugregs(d, th);
}

static void hw_unlift(struct dbg *d, struct dthread *th, uint64_t pc)
{
	(void)pc;
	if (!th->lifted_slots)
		return;
	th->lifted_slots = 0;
	bp_apply_debugregs(d, th);
}

static const struct bp_backend sw_backend = {
	"software (int3)", sw_loc_insert, sw_loc_remove, sw_lift, sw_unlift,
};
static const struct bp_backend hw_backend = {
	"hardware (debug registers)", hw_loc_insert, hw_loc_remove, hw_lift,
	hw_unlift,
};
static const struct bp_backend *const backends[] = { &sw_backend,
						      &hw_backend };

/* Catchpoints have no locations, hence no backend. */
static const struct bp_backend *const backend_of[] = {
	[BPT_BREAK] = &sw_backend,
	[BPT_HBREAK] = &hw_backend,
	[BPT_WATCH] = &hw_backend,
	[BPT_RWATCH] = &hw_backend,
	[BPT_AWATCH] = &hw_backend,
	[BPT_MOMENTARY] = &sw_backend,
	[BPT_SOLIB] = &sw_backend,
};

void bp_lift(struct dbg *d, struct dthread *th, uint64_t pc)
{
	size_t i;

	for (i = 0; i < sizeof(backends) / sizeof(*backends); i++)
		backends[i]->lift(d, th, pc);
}

void bp_unlift(struct dbg *d, struct dthread *th, uint64_t pc)
{
	size_t i;

	if (!th->task)
		return;
	for (i = 0; i < sizeof(backends) / sizeof(*backends); i++)
		backends[i]->unlift(d, th, pc);
}

/* --- locations --- */

static void loc_insert(struct dbg *d, struct bp_loc *l)
{
	const struct bp_backend *be = backend_of[l->bp->type];

	if (l->inserted || !l->bp->enabled || !be)
		return;
	l->inserted = true;
	if (be->insert(d, l) < 0)
		l->inserted = false;
}

static void loc_remove(struct dbg *d, struct bp_loc *l)
{
	if (!l->inserted)
		return;
	l->inserted = false;
	backend_of[l->bp->type]->remove(d, l);
}

static struct bp_loc *loc_add(struct bp *b, struct dproc *p, uint64_t addr)
{
	struct bp_loc *l = calloc(1, sizeof(*l)), **pp;

	if (!l)
		return NULL;
	l->bp = b;
	l->proc = p;
	l->addr = addr;
	for (pp = &b->locs; *pp; pp = &(*pp)->next)
		;
	*pp = l;
	return l;
}

static void locs_drop(struct dbg *d, struct bp *b, struct dproc *p,
		      bool remove)
{
	struct bp_loc **pp = &b->locs;

	while (*pp) {
		struct bp_loc *l = *pp;

		if (p && l->proc != p) {
			pp = &l->next;
			continue;
		}
		if (remove)
			loc_remove(d, l);
		*pp = l->next;
		free(l);
	}
}

int loc_parse(const char *text, struct loc_spec *out)
{
	const char *s = text, *plus, *colon;

	memset(out, 0, sizeof(*out));
	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return -EINVAL;
	out->text = strdup(s);
	if (!out->text)
		return -ENOMEM;
	{
		size_t n = strlen(out->text);

		while (n && isspace((unsigned char)out->text[n - 1]))
			out->text[--n] = '\0';
	}
	s = out->text;
	if (*s == '*') {
		out->kind = LOC_ADDRESS;
		out->expr = strdup(s + 1);
		return out->expr ? 0 : -ENOMEM;
	}
	colon = strrchr(s, ':');
	if (colon && colon != s && isdigit((unsigned char)colon[1]) &&
	    colon[-1] != ':') {
		out->kind = LOC_LINE;
		out->file = strndup(s, (size_t)(colon - s));
		out->line = atoi(colon + 1);
		return out->file ? 0 : -ENOMEM;
	}
	out->kind = LOC_SYMBOL;
	plus = strpbrk(s, "+ ");
	if (plus) {
		const char *p = plus;
		char *end;

		while (*p == ' ')
			p++;
		if (*p != '+')
			return -EINVAL;
		p++;
		out->offset = strtoll(p, &end, 0);
		if (end == p)
			return -EINVAL;
		while (isspace((unsigned char)*end))
			end++;
		if (*end)
			return -EINVAL;
		out->sym = strndup(s, (size_t)(plus - s));
	} else {
		out->sym = strdup(s);
	}
	return out->sym ? 0 : -ENOMEM;
}

void loc_spec_free(struct loc_spec *ls)
{
	free(ls->text);
	free(ls->sym);
	free(ls->expr);
	free(ls->file);
	memset(ls, 0, sizeof(*ls));
}

/* Code bytes of p, with our int3s hidden. */
static int read_code(struct dbg *d, struct dproc *p, uint64_t addr,
		     uint8_t *buf, size_t n)
{
	struct task *t = proc_task(d, p);
	size_t i;

	if (!t || task_read_mem(t, addr, buf, n) != (ssize_t)n)
		return -EFAULT;
	for (i = 0; p->as && i < p->as->n; i++) {
		uint64_t at = p->as->sh[i].addr;

		if (at >= addr && at < addr + n)
			buf[at - addr] = p->as->sh[i].orig;
	}
	return 0;
}

/* gdb's amd64 prologue analysis, for a function without line numbers:
 * a breakpoint on it goes after "push %rbp; mov %rsp,%rbp" (and an
 * endbr64 before them), where the frame is set up. */
uint64_t bp_skip_prologue(struct dbg *d, struct dproc *p, uint64_t pc)
{
	static const uint8_t endbr64[4] = { 0xf3, 0x0f, 0x1e, 0xfa };
	static const uint8_t movq1[3] = { 0x48, 0x89, 0xe5 },
			     movq2[3] = { 0x48, 0x8b, 0xec },
			     movl1[2] = { 0x89, 0xe5 }, movl2[2] = { 0x8b, 0xec };
	uint64_t at = pc;
	uint8_t b[8];

	if (read_code(d, p, at, b, 8) < 0)
		return pc;
	if (memcmp(b, endbr64, 4) == 0) {
		at += 4;
		if (read_code(d, p, at, b, 8) < 0)
			return pc;
	}
	if (b[0] != 0x55)
		return pc;
	if (memcmp(b + 1, movq1, 3) == 0 || memcmp(b + 1, movq2, 3) == 0)
		return at + 4;
	if (memcmp(b + 1, movl1, 2) == 0 || memcmp(b + 1, movl2, 2) == 0)
		return at + 3;
	return pc;	/* no frame: gdb keeps the entry */
}

/* The resolvers, one per location kind: addresses of ls in p. */
static int resolve_symbol(struct dbg *d, const struct bp *b, struct dproc *p,
			  uint64_t *addr)
{
	int rc = dbg_lookup_symbol(d, p, b->loc.sym, addr);

	if (rc == 0 && b->loc.offset == 0)
		*addr = bp_skip_prologue(d, p, *addr);
	else if (rc == 0)
		*addr += (uint64_t)b->loc.offset;
	return rc;
}

static int resolve_address(struct dbg *d, const struct bp *b,
			   struct dproc *p, uint64_t *addr)
{
	(void)d;
	/* An address belongs to the image it was set in. */
	if (!b->exe || !p->exe || strcmp(b->exe, p->exe) != 0)
		return -ENOENT;
	*addr = b->loc.addr;
	return 0;
}

static int resolve_line(struct dbg *d, const struct bp *b, struct dproc *p,
			uint64_t *addr)
{
	(void)d;
	(void)b;
	(void)p;
	(void)addr;
	return -ENOSYS;	/* file:line needs DWARF */
}

static int (*const resolvers[])(struct dbg *, const struct bp *,
				struct dproc *, uint64_t *) = {
	[LOC_ADDRESS] = resolve_address,
	[LOC_SYMBOL] = resolve_symbol,
	[LOC_LINE] = resolve_line,
};

/* Give b a location in p if its spec resolves there and it has none. */
static void resolve_in(struct dbg *d, struct bp *b, struct dproc *p)
{
	struct bp_loc *l;
	uint64_t addr;

	if (b->type == BPT_MOMENTARY || b->type == BPT_SOLIB || loc_in(b, p))
		return;
	if (is_hw(b) && b->type != BPT_HBREAK) {
		/* A watched address means something in its image only. */
		if (!b->exe || !p->exe || strcmp(b->exe, p->exe) != 0)
			return;
		addr = b->waddr;
	} else if (!is_code(b) ||
		   resolvers[b->loc.kind](d, b, p, &addr) < 0) {
		return;
	}
	l = loc_add(b, p, addr);
	if (l)
		loc_insert(d, l);
}

/* --- process life --- */

void bp_proc_born(struct dbg *d, struct dproc *p, struct dproc *parent,
		  bool shared)
{
	struct bp *b;
	size_t i;

	if (p->as)
		return;
	if (shared && parent && parent->as) {
		p->as = parent->as;
		p->as->refs++;
	} else {
		p->as = as_new();
	}
	free(p->exe);
	p->exe = parent && parent->exe ? strdup(parent->exe) : NULL;
	if (!parent)
		return;
	/* A fork child: the parent's int3 bytes came along in its copy of
	 * the memory. Take them over; put back bytes the parent has taken
	 * out since the fork. */
	if (!shared && parent->as && p->as) {
		struct aspace *pa = parent->as;

		for (i = 0; i < pa->n; i++) {
			uint8_t cur;

			if (peek_byte(d, p, pa->sh[i].addr, &cur) < 0)
				continue;
			if (cur == INT3 &&
			    grow((void **)&p->as->sh, &p->as->cap, p->as->n,
				 sizeof(*p->as->sh)) == 0) {
				p->as->sh[p->as->n] = pa->sh[i];
				p->as->sh[p->as->n++].refs = 0;
			}
		}
		for (i = 0; i < pa->ntomb; i++) {
			uint8_t cur;

			if (as_find(pa, pa->tomb[i].addr))
				continue;
			if (peek_byte(d, p, pa->tomb[i].addr, &cur) == 0 &&
			    cur == INT3)
				poke_byte(d, p, pa->tomb[i].addr,
					  pa->tomb[i].orig);
		}
	}
	for (b = d->bps; b; b = b->next) {
		const struct bp_loc *pl = loc_in(b, parent);
		struct bp_loc *l;

		if (!pl || b->type == BPT_MOMENTARY)
			continue;
		l = loc_add(b, p, pl->addr);
		if (!l)
			continue;
		if (backend_of[b->type] != &sw_backend) {
			loc_insert(d, l);	/* its threads' registers */
			continue;
		}
		if (shared) {
			struct shadow *s = as_find(p->as, l->addr);

			if (s && pl->inserted) {
				s->refs++;
				l->inserted = true;
			}
		} else {
			struct shadow *s = as_find(p->as, l->addr);

			if (s) {
				s->refs++;
				l->inserted = true;
			} else {
				loc_insert(d, l);
			}
		}
	}
	/* Shadows copied from the parent that no location claims (a
	 * momentary breakpoint of the parent's): restore the bytes. */
	if (!shared && p->as) {
		for (i = 0; i < p->as->n;) {
			if (p->as->sh[i].refs == 0) {
				poke_byte(d, p, p->as->sh[i].addr,
					  p->as->sh[i].orig);
				p->as->sh[i] = p->as->sh[--p->as->n];
			} else {
				i++;
			}
		}
	}
	if (d->hw_in_use)
		d->dr_gen++;
}

static void insert_solib_hook(struct dbg *d, struct dproc *p);

void bp_proc_exec(struct dbg *d, struct dproc *p, struct dthread *th)
{
	struct bp *b;
	const char *exe = proc_exe(task_proc(th->task));

	/* A new address space: nothing of ours is in it. */
	for (b = d->bps; b; b = b->next) {
		struct bp_loc *l;

		for (l = b->locs; l; l = l->next)
			if (l->proc == p)
				l->inserted = false;
		locs_drop(d, b, p, false);
	}
	as_put(p->as);
	p->as = as_new();
	free(p->exe);
	p->exe = exe ? strdup(exe) : NULL;
	p->solib_hooked = false;
	if (!d->active)
		return;
	for (b = d->bps; b; b = b->next)
		resolve_in(d, b, p);
	insert_solib_hook(d, p);
	if (d->hw_in_use)
		d->dr_gen++;
}

void bp_proc_gone(struct dbg *d, struct dproc *p)
{
	struct bp *b;

	for (b = d->bps; b; b = b->next)
		locs_drop(d, b, p, false);
	as_put(p->as);
	p->as = NULL;
}

void bp_thread_gone(struct dbg *d, struct dthread *th)
{
	struct bp *b;

	for (b = d->bps; b; b = b->next)
		if (b->thread == th)
			b->thread = NULL, b->enabled = false;
}

/* --- creating and deleting --- */

static struct bp *bp_new(struct dbg *d, enum bp_type type, bool internal)
{
	struct bp *b = calloc(1, sizeof(*b)), **pp;

	if (!b)
		return NULL;
	b->type = type;
	b->enabled = true;
	b->slot = -1;
	b->num = internal ? 0 : d->next_bp++;
	for (pp = &d->bps; *pp; pp = &(*pp)->next)
		;
	*pp = b;
	return b;
}

static void bp_free(struct bp *b)
{
	size_t i;

	loc_spec_free(&b->loc);
	free(b->exe);
	free(b->cond);
	for (i = 0; i < b->ncmds; i++)
		free(b->cmds[i]);
	free(b->cmds);
	free(b->expr);
	free(b->set);
	free(b->set32);
	free(b->last_exec);
	free(b);
}

static void refresh_catch_syscalls(struct dbg *d)
{
	struct bp *b;

	d->catch_syscalls = false;
	for (b = d->bps; b; b = b->next)
		if (b->type == BPT_CATCH_SYSCALL && b->enabled)
			d->catch_syscalls = true;
}

static void bp_delete(struct dbg *d, struct bp *b)
{
	struct bp **pp;
	struct dthread *th;

	for (pp = &d->bps; *pp; pp = &(*pp)->next) {
		if (*pp == b) {
			*pp = b->next;
			break;
		}
	}
	for (th = d->threads; th; th = th->next)
		if (th->step_bp == b)
			th->step_bp = NULL;
	locs_drop(d, b, NULL, true);
	if (b->slot >= 0) {
		d->hw_slot_used[b->slot] = false;
		b->slot = -1;
		hw_changed(d);
	}
	if (b->type == BPT_CATCH_SYSCALL)
		refresh_catch_syscalls(d);
	bp_free(b);
}

struct bp *bp_by_num(struct dbg *d, int num)
{
	struct bp *b;

	for (b = d->bps; b; b = b->next)
		if (b->num == num && num > 0)
			return b;
	return NULL;
}

void bp_delete_momentary(struct dbg *d)
{
	struct bp *b, *next;

	for (b = d->bps; b; b = next) {
		next = b->next;
		if (b->type == BPT_MOMENTARY)
			bp_delete(d, b);
	}
}

int bp_set_momentary(struct dbg *d, struct dthread *th, uint64_t addr,
		     uint64_t frame_sp)
{
	struct bp *b = bp_new(d, BPT_MOMENTARY, true);
	struct bp_loc *l;

	if (!b)
		return -ENOMEM;
	b->thread = th;
	b->frame_sp = frame_sp;
	l = loc_add(b, th->proc, addr);
	if (!l)
		return -ENOMEM;
	loc_insert(d, l);
	if (!l->inserted) {
		bp_delete(d, b);
		return -EFAULT;
	}
	return 0;
}

int bp_resolve_spec(struct dbg *d, struct dthread *th, const char *text,
		    uint64_t *addr)
{
	struct loc_spec ls;
	int rc;

	if (loc_parse(text, &ls) < 0) {
		loc_spec_free(&ls);
		dbg_error(d, "Function \"%s\" not defined.", text);
		return -1;
	}
	switch (ls.kind) {
	case LOC_ADDRESS:
		rc = dbg_eval_u64(d, ls.expr, addr);
		break;
	case LOC_SYMBOL:
		rc = dbg_lookup_symbol(d, th->proc, ls.sym, addr);
		if (rc == 0 && ls.offset == 0)
			*addr = bp_skip_prologue(d, th->proc, *addr);
		else if (rc == 0)
			*addr += (uint64_t)ls.offset;
		else
			dbg_error(d, "Function \"%s\" not defined.", ls.sym);
		break;
	default:
		dbg_error(d, "No symbol table is loaded.  Use the \"file\" "
			  "command.");
		rc = -1;
		break;
	}
	loc_spec_free(&ls);
	return rc < 0 ? -1 : 0;
}

/* The dynamic linker calls _dl_debug_state() after each change to its
 * list of libraries: a breakpoint there tells us when to resolve
 * pending breakpoints (as gdb's shlib event breakpoint). */
static void insert_solib_hook(struct dbg *d, struct dproc *p)
{
	struct bp *b;
	struct bp_loc *l;
	uint64_t addr;

	/* Only breakpoints on symbols care about new libraries. */
	for (b = d->bps; b; b = b->next)
		if (b->num > 0 && b->loc.kind == LOC_SYMBOL)
			break;
	if (!b || p->solib_hooked ||
	    dbg_lookup_symbol(d, p, "_dl_debug_state", &addr) < 0)
		return;
	for (b = d->bps; b; b = b->next)
		if (b->type == BPT_SOLIB)
			break;
	if (!b)
		b = bp_new(d, BPT_SOLIB, true);
	if (!b)
		return;
	l = loc_add(b, p, addr);
	if (l)
		loc_insert(d, l);
	p->solib_hooked = true;
}

void bp_solib_event(struct dbg *d, struct dproc *p)
{
	struct bp *b;

	dbg_syms_invalidate(d, p);
	for (b = d->bps; b; b = b->next)
		resolve_in(d, b, p);
}

/* --- hits --- */

/* gdb's order: the condition first (a false one is not a hit), then the
 * hit count, then the ignore count. */
static bool should_stop(struct dbg *d, struct dthread *th, struct bp *b)
{
	if (!b->enabled)
		return false;
	if (b->thread && b->thread != th)
		return false;
	if (b->cond) {
		struct strbuf err = STRBUF_INIT;
		bool truth = true;

		if (dbg_eval_truth(d, th, b->cond, &truth, &err) < 0) {
			dbg_printf(d, "Error in testing condition for "
				   "breakpoint %d:\n%s\n", b->num,
				   sb_str(&err));
			truth = true;
		}
		sb_free(&err);
		if (!truth)
			return false;
	}
	b->hits++;
	if (b->ignore > 0) {
		b->ignore--;
		return false;
	}
	return true;
}

static void note_stop(struct dbg *d, struct bp *b)
{
	if (d->nstop_bps < (int)(sizeof(d->stop_bps) / sizeof(*d->stop_bps)))
		d->stop_bps[d->nstop_bps++] = b->num;
	if (b->ncmds && strcmp(b->cmds[0], "silent") == 0)
		d->note_silent = true;
}

/* The breakpoints at addr in th's process, in number order. Returns
 * BPV_STOP with the note written, or whether any was there. */
static enum bp_verdict code_hit(struct dbg *d, struct dthread *th,
				uint64_t addr, bool hw, bool landed)
{
	struct bp *b, *first = NULL, *done = NULL;
	bool any = false;
	struct user_regs_struct r;

	sb_reset(&d->note);
	d->nstop_bps = 0;
	for (b = d->bps; b; b = b->next) {
		const struct bp_loc *l;

		if (!is_code(b) || (b->type == BPT_HBREAK) != hw)
			continue;
		l = loc_in(b, th->proc);
		if (!l || l->addr != addr)
			continue;
		any = true;
		if (b->type == BPT_SOLIB) {
			if (!landed)
				bp_solib_event(d, th->proc);
			continue;
		}
		if (b->type == BPT_MOMENTARY) {
			if (landed || b->thread != th)
				continue;
			if (b->frame_sp && (dbg_get_regs(d, th, &r) < 0 ||
					    r.rsp < b->frame_sp))
				continue;	/* a deeper recursion */
			if (th->step_bp == b)
				done = b;
			else if (!first)
				first = b;
			continue;
		}
		if (!should_stop(d, th, b))
			continue;
		if (!first || first->type == BPT_MOMENTARY)
			first = b;
		note_stop(d, b);
	}
	if (done) {
		th->step_bp = NULL;
		bp_delete(d, done);
	}
	if (first && first->type == BPT_MOMENTARY) {
		th->why = DS_STEP;
		return BPV_STOP;
	}
	if (first) {
		th->why = DS_BREAKPOINT;
		th->why_num = first->num;
		return BPV_STOP;
	}
	if (done)
		return BPV_STEP_DONE;
	return any ? BPV_PASS : BPV_NONE;
}

static bool was_ours(struct dbg *d, struct dproc *p, uint64_t addr)
{
	struct aspace *a = p->as;
	uint8_t now;
	size_t i;

	for (i = 0; a && i < a->ntomb; i++) {
		if (a->tomb[i].addr != addr)
			continue;
		return peek_byte(d, p, addr, &now) == 0 && now != INT3;
	}
	return false;
}

unsigned bp_classify_trap(struct dbg *d, struct dthread *th,
			  const struct tr_event *ev, uint64_t *addr,
			  uint64_t *dr6)
{
	struct user_regs_struct r;
	unsigned flags = 0;
	int code = ev->si.si_code;

	if (ev->kind != TR_SIGNAL || ev->sig != SIGTRAP)
		return 0;
	if (code == SI_KERNEL) {
		/* int3: the pc is past it. Ours if we put one there, or
		 * had one there when it ran and have taken it out since
		 * (the SIGTRAP was still pending: a stop for the user came
		 * in between). */
		if (dbg_get_regs(d, th, &r) < 0 || !th->proc->as)
			return 0;
		if (!as_find(th->proc->as, r.rip - 1) &&
		    !was_ours(d, th->proc, r.rip - 1))
			return 0;
		r.rip--;
		dbg_set_regs(d, th, &r);
		*addr = r.rip;
		th->xpage = r.rip & ~4095ull;	/* the CPU ran our int3 */
		return KEPT_BP_HIT;
	}
	if (code == TRAP_HWBKPT || code == TRAP_TRACE || code == TRAP_BRKPT) {
		long v = 0;

		/* DR6 says which debug register fired. With none in use a
		 * trap is a single-step (or the program's own): two ptrace
		 * calls per stepi saved. The kernel starts DR6 afresh at
		 * each debug exception, so nothing stale is left for later. */
		errno = 0;
		if (d->hw_in_use)
			v = ptrace(PTRACE_PEEKUSER, th->tid, (void *)dr_off(6),
				   0L);
		if (errno == 0 && (v & 0xf) && d->hw_in_use) {
			*dr6 = (uint64_t)v;
			flags |= KEPT_HW_HIT;
		}
		if (errno == 0 && v)
			bp_clear_dr6(d, th);
		if (th->stepping && code != TRAP_HWBKPT)
			flags |= KEPT_STEP;
		else if (th->stepping && (v & DR6_BS))
			flags |= KEPT_STEP;
		/* A step's trap: the CPU fetched the instruction it ran.
		 * (A signal handler entered instead stops with si_code
		 * SIGTRAP, not TRAP_TRACE.) */
		if ((flags & KEPT_STEP) && code == TRAP_TRACE && th->step_from)
			th->xpage = th->step_from & ~4095ull;
	}
	return flags;
}

enum bp_verdict bp_hit_sw(struct dbg *d, struct dthread *th, uint64_t addr)
{
	enum bp_verdict v = code_hit(d, th, addr, false, false);

	if (v == BPV_STOP && th->why == DS_BREAKPOINT)
		th->at_bp = true;
	return v;
}

/* Old and new value of a watchpoint, as gdb prints them. */
static void watch_values(struct dbg *d, struct bp *b, const uint8_t *now,
			 bool changed)
{
	struct strbuf sb = STRBUF_INIT;

	if (changed) {
		sb_puts(&sb, "\nOld value = ");
		dbg_format_bytes(d, b->wtype, b->old, b->wlen, &sb);
		sb_puts(&sb, "\nNew value = ");
	} else {
		sb_puts(&sb, "\nValue = ");
	}
	dbg_format_bytes(d, b->wtype, now, b->wlen, &sb);
	sb_putc(&sb, '\n');
	sb_puts(&d->note, sb_str(&sb));
	sb_free(&sb);
}

static const char *watch_title(enum bp_type t)
{
	return t == BPT_WATCH ? "Hardware watchpoint" :
	       t == BPT_RWATCH ? "Hardware read watchpoint" :
			       "Hardware access (read/write) watchpoint";
}

enum bp_verdict bp_hit_hw(struct dbg *d, struct dthread *th, uint64_t dr6)
{
	struct user_regs_struct r;
	struct bp *b;
	bool stop = false, any = false;

	sb_reset(&d->note);
	d->nstop_bps = 0;
	for (b = d->bps; b; b = b->next) {
		uint8_t now[8] = { 0 };
		bool changed;

		if (!is_hw(b) || b->slot < 0 || !(dr6 & (1u << b->slot)))
			continue;
		any = true;
		if (b->type == BPT_HBREAK) {
			if (dbg_get_regs(d, th, &r) < 0)
				continue;
			if (code_hit(d, th, r.rip, true, false) == BPV_STOP) {
				th->at_bp = true;
				return BPV_STOP;
			}
			return BPV_PASS;
		}
		if (dbg_read_mem(d, th, b->waddr, now, b->wlen) !=
		    (ssize_t)b->wlen)
			continue;
		changed = memcmp(now, b->old, b->wlen) != 0;
		/* A write of the same value is no change to gdb. */
		if (b->type == BPT_WATCH && !changed)
			continue;
		if (!should_stop(d, th, b)) {
			memcpy(b->old, now, b->wlen);
			continue;
		}
		if (!stop) {
			sb_printf(&d->note, "%s %d: %s\n", watch_title(b->type),
				  b->num, b->expr);
			watch_values(d, b, now, changed &&
				     b->type != BPT_RWATCH);
			th->why = DS_WATCHPOINT;
			th->why_num = b->num;
		}
		note_stop(d, b);
		memcpy(b->old, now, b->wlen);
		stop = true;
	}
	if (stop)
		return BPV_STOP;
	/* A watchpoint trap with nothing to report: the thread is past the
	 * access already, just go on. */
	(void)any;
	return BPV_NONE;
}

/* --- carrying out an instruction here (emul.h) --- */

/* Memory the emulator may read and write: the thread's own stack, from
 * the red zone below its stack pointer up. The debugger's access is not
 * one access of the CPU's (process_vm_readv/writev copy bytewise); on
 * the thread's own stack nobody else can see it half done. Globals and
 * the heap, which other threads and processes may share, are left to
 * the CPU. */
enum { STACK_BELOW = 128, STACK_ABOVE = 65536 };

static bool on_stack(uint64_t sp, uint64_t addr, size_t len)
{
	int64_t off = (int64_t)(addr - sp);

	return off >= -STACK_BELOW && off <= STACK_ABOVE - (int64_t)len;
}

/* Whether one of our int3 bytes is in [addr, addr + len). */
static bool covers_int3(const struct aspace *a, uint64_t addr, size_t len)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (a->sh[i].addr >= addr && a->sh[i].addr - addr < len)
			return true;
	return false;
}

struct emul_at {
	struct dthread *th;
	uint64_t sp;		/* before the instruction */
};

static int emul_load(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct emul_at *at = ctx;
	struct aspace *a = at->th->proc->as;
	size_t i;
	int rc;

	if (!on_stack(at->sp, addr, len))
		return -ENOTSUP;
	rc = task_load_mem(at->th->task, addr, buf, len);
	if (rc < 0)
		return rc;
	/* Code on the stack with a breakpoint in it: the program's byte. */
	for (i = 0; i < a->n; i++)
		if (a->sh[i].addr >= addr && a->sh[i].addr - addr < len)
			((uint8_t *)buf)[a->sh[i].addr - addr] = a->sh[i].orig;
	return 0;
}

int bp_emulate_insn(struct dbg *d, struct dthread *th)
{
	struct aspace *a = th->proc ? th->proc->as : NULL;
	struct user_regs_struct r;
	uint8_t code[EMUL_MAX_INSN];
	struct emul_insn in;
	struct emul_store st;
	struct emul_at at = { .th = th };
	struct emul_mem mem = { emul_load, &at };
	uint64_t page;
	ssize_t n;
	int rc;

	/* A watchpoint would not see the access; an hbreak is lifted from
	 * its debug register, not passed. */
	if (d->hw_in_use || !a || !th->xpage)
		return -ENOTSUP;
	rc = dbg_get_regs(d, th, &r);
	if (rc < 0)
		return rc;
	page = r.rip & ~4095ull;
	if (page != th->xpage)
		return -ENOTSUP;
	/* The instruction as the program has it: our int3s hidden. */
	n = dbg_read_mem(d, th, r.rip, code, sizeof(code));
	if (n <= 0)
		return -ENOTSUP;
	rc = emul_decode(code, (size_t)n, &in);
	if (rc < 0)
		return rc;
	/* All of it in the page the CPU has fetched from. */
	if (((r.rip + in.len - 1) & ~4095ull) != page)
		return -ENOTSUP;
	at.sp = r.rsp;
	rc = emul_apply(&in, &r, &mem, &st);
	if (rc < 0)
		return rc;
	if (st.len) {
		/* A store over an int3 of ours would change what it hides. */
		if (!on_stack(at.sp, st.addr, st.len) ||
		    covers_int3(a, st.addr, st.len))
			return -ENOTSUP;
		rc = task_store_mem(th->task, st.addr, st.bytes, st.len);
		if (rc < 0)
			return rc;
	}
	return dbg_set_regs(d, th, &r);
}

bool bp_landed(struct dbg *d, struct dthread *th, uint64_t pc)
{
	if (code_hit(d, th, pc, false, true) == BPV_STOP &&
	    th->why == DS_BREAKPOINT)
		return true;
	if (code_hit(d, th, pc, true, true) == BPV_STOP &&
	    th->why == DS_BREAKPOINT)
		return true;
	sb_reset(&d->note);
	d->nstop_bps = 0;
	return false;
}

void bp_step_over_call(struct dbg *d, struct dthread *th, uint64_t pc,
		       uint64_t sp)
{
	struct dis_insn in;
	struct bp *b;
	struct bp_loc *l;

	if (dbg_decode_insn(d, th, pc, &in) < 0 || !(in.flags & DIS_F_CALL))
		return;
	b = bp_new(d, BPT_MOMENTARY, true);
	if (!b)
		return;
	b->thread = th;
	b->frame_sp = sp;	/* back from the call: sp as before it */
	l = loc_add(b, th->proc, pc + in.size);
	if (l)
		loc_insert(d, l);
	if (!l || !l->inserted) {
		bp_delete(d, b);
		return;
	}
	th->step_bp = b;
}

void bp_run_stop_commands(struct dbg *d)
{
	int nums[16], n = d->nstop_bps, i;
	struct bp *b;

	memcpy(nums, d->stop_bps, sizeof(nums));
	d->nstop_bps = 0;
	for (i = 0; i < n && d->action == ACT_NONE; i++) {
		size_t k;

		b = bp_by_num(d, nums[i]);
		if (!b)
			continue;
		if (b->temp)
			b->delete_after_stop = true;
		for (k = 0; k < b->ncmds && d->action == ACT_NONE; k++) {
			char *line;

			if (k == 0 && strcmp(b->cmds[0], "silent") == 0)
				continue;
			line = strdup(b->cmds[k]);
			if (!line)
				break;
			dbg_execute(d, line);
			free(line);
			/* The commands may have deleted it. */
			if (!bp_by_num(d, nums[i]))
				break;
		}
	}
	for (i = 0; i < n; i++) {
		b = bp_by_num(d, nums[i]);
		if (b && (b->temp || b->delete_after_stop))
			bp_delete(d, b);
		else if (b && b->once)
			bp_set_enabled(d, b, false), b->once = false;
	}
}

/* --- catchpoints --- */

static const char *sys_name(struct dthread *th, long nr)
{
	struct tr_syscall sc;
	enum sc_abi abi = ABI_X86_64;
	const struct sc_ent *e;

	if (task_syscall(th->task, &sc) == 0)
		abi = sc.abi;
	e = systab_by_nr(abi, nr);
	return e ? e->name : NULL;
}

void bp_note_syscall(struct dbg *d, struct dthread *th, struct bp *b,
		     long nr, bool is_exit)
{
	const char *name = sys_name(th, nr);
	char num[32];

	if (!name) {
		snprintf(num, sizeof(num), "%ld", nr);
		name = num;
	}
	sb_reset(&d->note);
	if (b) {
		sb_printf(&d->note, "Catchpoint %d (%s syscall %s), ", b->num,
			  is_exit ? "returned from" : "call to", name);
		return;
	}
	/* stepsys: the call decoded, or its result. */
	sb_putc(&d->note, '\n');
	if (!is_exit) {
		struct tr_syscall sc;
		struct mem_reader mr = task_mem_reader(th->task);

		sb_puts(&d->note, "Syscall entry: ");
		if (task_syscall(th->task, &sc) == 0)
			decode_syscall(&d->note, DECODE_TEXT,
				       systab_by_nr(sc.abi, sc.nr), sc.nr,
				       sc.args, &mr);
		else
			sb_puts(&d->note, name);
	} else {
		struct tr_syscall sc;

		sb_printf(&d->note, "Syscall exit: %s = ", name);
		if (task_syscall(th->task, &sc) == 0)
			decode_retval(&d->note, DECODE_TEXT,
				      systab_by_nr(sc.abi, nr), sc.ret);
	}
	sb_putc(&d->note, '\n');
}

static bool sysset_has(const struct bp *b, enum sc_abi abi, long nr)
{
	const uint8_t *set = abi == ABI_I386 ? b->set32 : b->set;

	return b->any || (nr >= 0 && nr < BP_MAX_SYSCALL && set &&
			  (set[nr / 8] & (1u << (nr % 8))));
}

bool bp_catch_syscall(struct dbg *d, struct dthread *th, long nr,
		      bool is_exit)
{
	struct tr_syscall sc;
	enum sc_abi abi = ABI_X86_64;
	struct bp *b;

	if (task_syscall(th->task, &sc) == 0)
		abi = sc.abi;
	for (b = d->bps; b; b = b->next) {
		if (b->type != BPT_CATCH_SYSCALL || !b->enabled ||
		    !sysset_has(b, abi, nr) || !should_stop(d, th, b))
			continue;
		bp_note_syscall(d, th, b, nr, is_exit);
		d->nstop_bps = 0;
		note_stop(d, b);
		th->why_num = b->num;
		return true;
	}
	return false;
}

bool bp_catch_signal(struct dbg *d, struct dthread *th, int sig)
{
	struct bp *b;
	char name[16];

	for (b = d->bps; b; b = b->next) {
		bool match;

		if (b->type != BPT_CATCH_SIGNAL || !b->enabled)
			continue;
		if (b->sig_mode == 2)
			match = true;
		else if (b->sig_mode == 1)
			match = sig >= 1 && sig <= 64 &&
				(b->sigs & (1ull << (sig - 1)));
		else
			match = sig != SIGTRAP && sig != SIGINT;
		if (!match || !should_stop(d, th, b))
			continue;
		sb_reset(&d->note);
		sb_printf(&d->note, "Catchpoint %d (signal %s), ", b->num,
			  sig_gdb_name(sig, name, sizeof(name)));
		d->nstop_bps = 0;
		note_stop(d, b);
		return true;
	}
	return false;
}

bool bp_catch_fork(struct dbg *d, struct dthread *th, bool vfork,
		   pid_t child)
{
	struct bp *b;

	for (b = d->bps; b; b = b->next) {
		if (b->type != (vfork ? BPT_CATCH_VFORK : BPT_CATCH_FORK) ||
		    !b->enabled || !should_stop(d, th, b))
			continue;
		b->last_child = child;
		sb_reset(&d->note);
		sb_printf(&d->note, "Catchpoint %d (%sforked process %d), ",
			  b->num, vfork ? "v" : "", child);
		d->nstop_bps = 0;
		note_stop(d, b);
		return true;
	}
	return false;
}

bool bp_catch_exec(struct dbg *d, struct dthread *th, const char *exe)
{
	struct bp *b;

	for (b = d->bps; b; b = b->next) {
		if (b->type != BPT_CATCH_EXEC || !b->enabled ||
		    !should_stop(d, th, b))
			continue;
		free(b->last_exec);
		b->last_exec = exe ? strdup(exe) : NULL;
		sb_reset(&d->note);
		sb_printf(&d->note, "Catchpoint %d (exec'd %s), ", b->num,
			  exe ? exe : "?");
		d->nstop_bps = 0;
		note_stop(d, b);
		return true;
	}
	return false;
}

void bp_note_hit(struct dbg *d, struct dthread *th)
{
	struct bp *b = bp_by_num(d, th->why_num);

	sb_reset(&d->note);
	if (!b)
		return;
	sb_printf(&d->note, "%s %d",
		  b->temp ? "Temporary breakpoint" : "Breakpoint", b->num);
	/* Several locations (a fork child's): gdb names which one. Said
	 * after all-stop, when a new child's locations are known. */
	if (b->locs && b->locs->next)
		sb_printf(&d->note, ".%d",
			  bp_loc_number(b, loc_in(b, th->proc)));
	sb_puts(&d->note, ", ");
}

int bp_loc_number(const struct bp *b, const struct bp_loc *loc)
{
	const struct bp_loc *l;
	int n = 1;

	for (l = b->locs; l && l != loc; l = l->next)
		n++;
	return n;
}

/* --- for the commands --- */

struct bp *bp_create(struct dbg *d, enum bp_type type)
{
	return bp_new(d, type, false);
}

void bp_destroy(struct dbg *d, struct bp *b)
{
	bp_delete(d, b);
}

void bp_resolve_everywhere(struct dbg *d, struct bp *b)
{
	struct dproc *p;

	for (p = d->procs; p; p = p->next) {
		resolve_in(d, b, p);
		insert_solib_hook(d, p);
	}
}

void bp_set_enabled(struct dbg *d, struct bp *b, bool on)
{
	struct bp_loc *l;

	if (b->enabled == on)
		return;
	b->enabled = on;
	for (l = b->locs; l; l = l->next) {
		if (on)
			loc_insert(d, l);
		else
			loc_remove(d, l);
	}
	if (is_hw(b))
		hw_changed(d);
	if (b->type == BPT_CATCH_SYSCALL)
		refresh_catch_syscalls(d);
}

int bp_hw_alloc(struct dbg *d, struct bp *b)
{
	b->slot = alloc_slot(d);
	if (b->slot < 0)
		return -ENOSPC;
	d->hw_in_use = true;
	hw_changed(d);
	return 0;
}

void bp_catch_refresh(struct dbg *d)
{
	refresh_catch_syscalls(d);
}

struct bp *bp_stopped_at(struct dbg *d, struct dthread *th)
{
	if (!th || (th->why != DS_BREAKPOINT && th->why != DS_WATCHPOINT))
		return NULL;
	return bp_by_num(d, th->why_num);
}

/* --- the end --- */

void bp_remove_all(struct dbg *d)
{
	struct bp *b;
	struct dthread *th;

	for (b = d->bps; b; b = b->next) {
		struct bp_loc *l;

		for (l = b->locs; l; l = l->next)
			loc_remove(d, l);
		if (b->slot >= 0) {
			d->hw_slot_used[b->slot] = false;
			b->slot = -1;
		}
		b->enabled = false;
	}
	for (th = d->threads; th; th = th->next) {
		if (th->dr7 && th->task && task_is_stopped(th->task)) {
			ptrace(PTRACE_POKEUSER, th->tid, (void *)dr_off(7),
			       (void *)0);
			th->dr7 = 0;
		}
	}
	d->hw_in_use = false;
	d->catch_syscalls = false;
}

void bp_free_all(struct dbg *d)
{
	while (d->bps) {
		struct bp *b = d->bps;

		d->bps = b->next;
		locs_drop(d, b, NULL, false);
		bp_free(b);
	}
}

/* --- memory with our bytes hidden --- */

ssize_t dbg_read_mem(struct dbg *d, struct dthread *th, uint64_t addr,
		     void *buf, size_t len)
{
	struct aspace *a;
	ssize_t n;
	size_t i;

	(void)d;
	if (!th || !th->task)
		return -ESRCH;
	n = task_read_mem(th->task, addr, buf, len);
	a = th->proc->as;
	if (n <= 0 || !a)
		return n;
	for (i = 0; i < a->n; i++) {
		uint64_t at = a->sh[i].addr;

		if (at >= addr && at < addr + (uint64_t)n)
			((uint8_t *)buf)[at - addr] = a->sh[i].orig;
	}
	return n;
}

ssize_t dbg_write_mem(struct dbg *d, struct dthread *th, uint64_t addr,
		      const void *buf, size_t len)
{
	struct aspace *a;
	ssize_t n;
	size_t i;

	(void)d;
	if (!th || !th->task)
		return -ESRCH;
	n = task_write_mem(th->task, addr, buf, len);
	a = th->proc->as;
	if (n <= 0 || !a)
		return n;
	/* A write over a breakpoint changes what it will restore; the
	 * int3 stays. */
	for (i = 0; i < a->n; i++) {
		uint64_t at = a->sh[i].addr;
		uint8_t cc = INT3;

		if (at >= addr && at < addr + (uint64_t)n) {
			a->sh[i].orig = ((const uint8_t *)buf)[at - addr];
			task_write_mem(th->task, at, &cc, 1);
		}
	}
	return n;
}

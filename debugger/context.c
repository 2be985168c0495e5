/* context: what the debugger's pure modules (symbols.h, disasm.h,
 * expr.h, xfmt.h) see of the session: the selected thread's registers
 * and memory (breakpoint bytes hidden), each process's address space
 * (reread at exec and after each stop for the user: libraries come and
 * go with mmap, which the engine does not report), the disassembler with
 * the current flavor, and one expression context for the session (one
 * value history, one set of convenience variables).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "debugger/disasm.h"
#include "debugger/dl.h"
#include "debugger/expr.h"
#include "debugger/regs.h"
#include "debugger/session.h"
#include "debugger/symbols.h"

struct dbg_ctx {
	struct symcache *cache;
	struct dis *dis;
	struct expr_ctx *expr;
	struct dthread *eval_th;	/* whose registers expressions see */
	bool lib_warned[DL_NLIBS];
};

/* --- the libraries (dl.h) --- */

int dbg_need_lib(struct dbg *d, int lib, const char *what)
{
	int err = dl_need((enum dl_lib)lib);

	if (err && !d->ctx->lib_warned[lib]) {
		d->ctx->lib_warned[lib] = true;
		dbg_error(d, "warning: no %s: %s", what,
			  dl_error((enum dl_lib)lib));
	}
	return err;
}

static struct dthread *eval_thread(struct dbg *d)
{
	return d->ctx->eval_th ? d->ctx->eval_th : d->cur;
}

/* --- symbols --- */

void dbg_syms_invalidate(struct dbg *d, struct dproc *p)
{
	(void)d;
	p->syms_stale = true;
}

static void syms_drop(struct dproc *p)
{
	as_destroy(p->syms);
	p->syms = NULL;
}

struct addrspace *dbg_syms(struct dbg *d, struct dproc *p)
{
	struct task *t = NULL;
	struct dthread *th;
	const char *exe;

	if (!p)
		return NULL;
	if (p->syms && !p->syms_stale)
		return p->syms;
	for (th = d->threads; th; th = th->next)
		if (th->proc == p && th->task)
			t = th->task;
	if (!t)
		return p->syms;
	/* Without libelf the address space still has its mappings. */
	dbg_need_lib(d, DL_ELF, "symbols");
	if (!d->ctx->cache && symcache_create(&d->ctx->cache, NULL) < 0)
		return NULL;
	if (!p->syms && as_create(&p->syms, d->ctx->cache) < 0)
		return NULL;
	exe = proc_exe(p->proc);
	if (exe)
		as_set_exe(p->syms, exe);
	if (as_update_pid(p->syms, p->pid) == 0) {
		struct mem_reader mr = task_mem_reader(t);

		as_load_vdso(p->syms, &mr);
		as_load_link_map(p->syms, &mr);
	}
	p->syms_stale = false;
	return p->syms;
}

bool dbg_symbolize_frame(struct dbg *d, struct dproc *p, uint64_t pc,
			 struct strbuf *sb, const char **lib)
{
	struct addrspace *as = dbg_syms(d, p);
	struct as_loc loc;

	*lib = NULL;
	if (!as || as_locate(as, pc, &loc) < 0)
		return false;
	if (loc.obj && !loc.obj->is_main && !loc.obj->is_vdso)
		*lib = loc.obj->name;
	if (!loc.sym)
		return false;
	sb_puts(sb, loc.sym->name);
	return true;
}

bool dbg_symbolize(struct dbg *d, struct dproc *p, uint64_t addr,
		   struct strbuf *sb, bool with_offset)
{
	struct addrspace *as = dbg_syms(d, p);
	struct as_loc loc;

	if (!as || as_locate(as, addr, &loc) < 0 || !loc.sym)
		return false;
	sb_puts(sb, loc.sym->name);
	if (with_offset && loc.off)
		sb_printf(sb, "+%llu", (unsigned long long)loc.off);
	return true;
}

int dbg_lookup_symbol(struct dbg *d, struct dproc *p, const char *name,
		      uint64_t *addr)
{
	struct addrspace *as = dbg_syms(d, p);

	if (!as)
		return -ENOENT;
	return as_lookup_name(as, name, addr, NULL);
}

static int sym_lookup(void *ctx, uint64_t addr, const char **name,
		      uint64_t *off)
{
	struct dbg *d = ctx;
	struct dthread *th = eval_thread(d);
	struct addrspace *as = th ? dbg_syms(d, th->proc) : NULL;
	struct symbolizer s;

	if (!as)
		return -ENOENT;
	s = as_symbolizer(as);
	return s.lookup(s.ctx, addr, name, off);
}

struct symbolizer dbg_symbolizer(struct dbg *d)
{
	return (struct symbolizer){ .lookup = sym_lookup, .ctx = d };
}

/* --- memory --- */

static ssize_t mem_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct dbg *d = ctx;

	return dbg_read_mem(d, eval_thread(d), addr, buf, len);
}

static ssize_t mem_write(void *ctx, uint64_t addr, const void *buf,
			 size_t len)
{
	struct dbg *d = ctx;

	return dbg_write_mem(d, eval_thread(d), addr, buf, len);
}

struct mem_reader dbg_mem_reader(struct dbg *d, struct dthread *th)
{
	d->ctx->eval_th = th;
	return (struct mem_reader){ .read = mem_read, .ctx = d };
}

/* --- disassembly --- */

static struct dis *dis_of(struct dbg *d)
{
	if (!d->ctx->dis &&
	    (dbg_need_lib(d, DL_CAPSTONE, "disassembly") < 0 ||
	     dis_create(&d->ctx->dis, DIS_X86_64,
			d->set.flavor ? DIS_INTEL : DIS_ATT) < 0))
		return NULL;
	return d->ctx->dis;
}

struct dis *dbg_dis(struct dbg *d, struct dthread *th)
{
	struct dis *dis = dis_of(d);
	struct tr_syscall sc;

	if (!dis)
		return NULL;
	/* A 32-bit program is decoded as one. */
	dis_set_mode(dis, th && th->task && task_syscall(th->task, &sc) == 0 &&
		     sc.abi == ABI_I386 ? DIS_I386 : DIS_X86_64);
	return dis;
}

void dbg_flavor_changed(struct dbg *d)
{
	if (d->ctx->dis)
		dis_set_flavor(d->ctx->dis,
			       d->set.flavor ? DIS_INTEL : DIS_ATT);
}

int dbg_decode_insn(struct dbg *d, struct dthread *th, uint64_t addr,
		    struct dis_insn *out)
{
	struct dis *dis = dbg_dis(d, th);
	struct mem_reader mr = dbg_mem_reader(d, th);
	uint64_t fault;

	if (!dis)
		return -ENOMEM;
	return dis_read(dis, &mr, addr, out, &fault);
}

void dbg_insn_line(struct dbg *d, struct dthread *th, uint64_t addr,
		   bool mark_pc, struct strbuf *sb)
{
	struct symbolizer sym = dbg_symbolizer(d);
	struct dis_insn in;
	uint64_t pc = 0;
	struct user_regs_struct r;

	if (dbg_decode_insn(d, th, addr, &in) < 0) {
		sb_printf(sb, "   0x%llx:\tCannot access memory at address "
			  "0x%llx\n", (unsigned long long)addr,
			  (unsigned long long)addr);
		return;
	}
	if (mark_pc && dbg_get_regs(d, th, &r) == 0)
		pc = r.rip;
	d->ctx->eval_th = th;
	dis_format_x(sb, &in, mark_pc, pc, &sym);
	d->ctx->eval_th = NULL;
}

/* --- expressions --- */

static int reg_read(void *ctx, const char *name, uint64_t *v)
{
	struct dbg *d = ctx;
	struct dthread *th = eval_thread(d);
	const struct dbg_reg *r = regs_find(name);
	struct reg_state rs;
	uint8_t val[REG_MAX_SIZE];
	int rc;

	if (!r)
		return -ENOENT;
	if (!th || !th->task || !task_is_stopped(th->task))
		return -ESRCH;
	rc = regs_load_for(th->task, &rs, r);
	if (rc == 0)
		rc = regs_get(&rs, r, val);
	if (rc == 0)
		*v = regs_as_u64(r, val);
	regs_free(&rs);
	return rc < 0 ? (rc == -ENODATA ? -ENOENT : rc) : 0;
}

static int reg_write(void *ctx, const char *name, uint64_t v)
{
	struct dbg *d = ctx;
	struct dthread *th = eval_thread(d);
	const struct dbg_reg *r = regs_find(name);
	struct reg_state rs;
	uint8_t val[REG_MAX_SIZE] = { 0 };
	int rc;

	if (!r)
		return -ENOENT;
	if (!th || !th->task || !task_is_stopped(th->task))
		return -ESRCH;
	rc = regs_load_for(th->task, &rs, r);
	if (rc == 0) {
		memcpy(val, &v, r->size < 8 ? r->size : 8);
		rc = regs_set(th->task, &rs, r, val);
	}
	regs_free(&rs);
	return rc;
}

static int sym_addr(void *ctx, const char *name, uint64_t *addr,
		    bool *is_text)
{
	struct dbg *d = ctx;
	struct dthread *th = eval_thread(d);
	struct addrspace *as = th ? dbg_syms(d, th->proc) : NULL;
	const struct elf_sym *s;

	if (!as || as_lookup_name(as, name, addr, &s) < 0)
		return -ENOENT;
	*is_text = s && s->kind == ESYM_TEXT;
	return 0;
}

struct expr_ctx *dbg_expr(struct dbg *d)
{
	struct expr_host h = {
		.reg_read = reg_read,
		.reg_write = reg_write,
		.mem_read = mem_read,
		.mem_write = mem_write,
		.sym_lookup = sym_addr,
		.sym = dbg_symbolizer(d),
		.ctx = d,
	};

	if (!d->ctx->expr && expr_ctx_create(&d->ctx->expr, &h, 64) < 0)
		return NULL;
	return d->ctx->expr;
}

void dbg_eval_in(struct dbg *d, struct dthread *th)
{
	d->ctx->eval_th = th;
}

int dbg_eval(struct dbg *d, struct dthread *th, const char *text,
	     struct value *v, struct strbuf *err)
{
	struct expr_ctx *c = dbg_expr(d);
	int rc;

	if (!c) {
		sb_puts(err, "out of memory");
		return -ENOMEM;
	}
	d->ctx->eval_th = th;
	rc = expr_evaluate(c, text, v, err);
	d->ctx->eval_th = NULL;
	return rc;
}

int dbg_eval_u64(struct dbg *d, const char *text, uint64_t *out)
{
	struct strbuf err = STRBUF_INIT;
	struct expr_ctx *c = dbg_expr(d);
	struct value v;
	int rc = -ENOMEM;

	if (c)
		rc = dbg_eval(d, d->cur, text, &v, &err);
	if (rc == 0)
		rc = expr_value_as_address(c, &v, out, &err);
	if (rc < 0) {
		if (c && *expr_warnings(c))
			dbg_printf(d, "%s", expr_warnings(c));
		dbg_error(d, "%s", err.len ? sb_str(&err) : strerror(-rc));
	}
	sb_free(&err);
	return rc < 0 ? -1 : 0;
}

int dbg_eval_truth(struct dbg *d, struct dthread *th, const char *text,
		   bool *out, struct strbuf *err)
{
	struct expr_ctx *c = dbg_expr(d);
	struct value v;
	int rc;

	if (!c)
		return -ENOMEM;
	rc = dbg_eval(d, th, text, &v, err);
	if (rc == 0) {
		d->ctx->eval_th = th;
		rc = expr_value_truth(c, &v, out, err);
		d->ctx->eval_th = NULL;
	}
	return rc;
}

void dbg_format_bytes(struct dbg *d, const void *type, const uint8_t *bytes,
		      size_t len, struct strbuf *sb)
{
	struct strbuf err = STRBUF_INIT;
	struct expr_ctx *c = dbg_expr(d);
	struct value v;

	memset(&v, 0, sizeof(v));
	v.type = type;
	v.lval = LV_NONE;
	memcpy(v.bytes, bytes, len < sizeof(v.bytes) ? len : sizeof(v.bytes));
	if (!c || !type || expr_format_value(c, &v, 0, sb, &err) < 0) {
		uint64_t x = 0;

		memcpy(&x, bytes, len < 8 ? len : 8);
		sb_printf(sb, "%llu", (unsigned long long)x);
	}
	sb_free(&err);
}

/* --- life --- */

int dbg_ctx_init(struct dbg *d)
{
	d->ctx = calloc(1, sizeof(*d->ctx));
	return d->ctx ? 0 : -ENOMEM;
}

void dbg_ctx_free(struct dbg *d)
{
	struct dproc *p;

	if (!d->ctx)
		return;
	for (p = d->procs; p; p = p->next)
		syms_drop(p);
	if (d->ctx->expr)
		expr_ctx_destroy(d->ctx->expr);
	if (d->ctx->dis)
		dis_destroy(d->ctx->dis);
	if (d->ctx->cache)
		symcache_destroy(d->ctx->cache);
	free(d->ctx);
	d->ctx = NULL;
}

void dbg_proc_syms_free(struct dbg *d, struct dproc *p)
{
	(void)d;
	syms_drop(p);
}

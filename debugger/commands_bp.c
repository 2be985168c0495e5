/* commands_bp: break, tbreak, hbreak, watch, rwatch, awatch, catch,
 * delete, enable, disable, condition, ignore, commands, and the
 * `info breakpoints` table, in gdb's words.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "debugger/bp.h"
#include "debugger/commands.h"
#include "debugger/expr.h"
#include "tracer/systab.h"

/* Split "LOCATION if COND": the condition, or NULL. */
static char *split_if(char *args)
{
	char *s = args;

	for (;;) {
		char *p = strstr(s, "if");

		if (!p)
			return NULL;
		if ((p == args || isspace((unsigned char)p[-1])) &&
		    (!p[2] || isspace((unsigned char)p[2]) || p[2] == '(')) {
			*p = '\0';
			return cmd_skip_ws(p + 2);
		}
		s = p + 2;
	}
}

/* An expression must parse to be a condition (gdb checks it when it is
 * set). */
static int check_cond(struct dbg *d, const char *cond)
{
	struct strbuf err = STRBUF_INIT;
	struct expr_ctx *c = dbg_expr(d);
	struct expr *e = NULL;
	int rc;

	if (!c)
		return -1;
	rc = expr_parse(c, cond, &e, &err);
	if (rc < 0)
		dbg_error(d, "%s", sb_str(&err));
	expr_free(e);
	sb_free(&err);
	return rc < 0 ? -1 : 0;
}

static int set_break(struct dbg *d, char *args, enum bp_type type, bool temp)
{
	struct loc_spec ls;
	struct strbuf lab = STRBUF_INIT;
	struct bp *b;
	char *cond = split_if(args), text[64];
	const char *kind;
	uint64_t addr = 0;

	args = cmd_skip_ws(args);
	{
		size_t n = strlen(args);

		while (n && isspace((unsigned char)args[n - 1]))
			args[--n] = '\0';
	}
	if (!*args) {
		struct user_regs_struct r;

		if (!d->cur || dbg_get_regs(d, d->cur, &r) < 0) {
			dbg_error(d, "No default breakpoint address now.");
			return -1;
		}
		snprintf(text, sizeof(text), "*0x%llx",
			 (unsigned long long)r.rip);
		args = text;
	}
	if (cond && check_cond(d, cond) < 0)
		return -1;
	if (loc_parse(args, &ls) < 0) {
		dbg_error(d, "Function \"%s\" not defined.", args);
		loc_spec_free(&ls);
		return -1;
	}
	if (ls.kind == LOC_LINE) {
		dbg_error(d, "No symbol table is loaded.  Use the \"file\" "
			  "command.");
		loc_spec_free(&ls);
		return -1;
	}
	if (ls.kind == LOC_ADDRESS && dbg_eval_u64(d, ls.expr, &addr) < 0) {
		loc_spec_free(&ls);
		return -1;
	}
	b = bp_create(d, type);
	if (!b) {
		loc_spec_free(&ls);
		return -1;
	}
	b->loc = ls;
	b->loc.addr = addr;
	b->temp = temp;
	b->cond = cond ? strdup(cond) : NULL;
	if (ls.kind == LOC_ADDRESS && d->cur && d->cur->proc->exe)
		b->exe = strdup(d->cur->proc->exe);
	if (type == BPT_HBREAK && bp_hw_alloc(d, b) < 0) {
		bp_destroy(d, b);
		dbg_error(d, "Hardware breakpoints used exceeds limit.");
		return -1;
	}
	bp_resolve_everywhere(d, b);
	kind = type == BPT_HBREAK ? (temp ? "Temporary hardware assisted "
				     "breakpoint" : "Hardware assisted "
				     "breakpoint") :
	       temp ? "Temporary breakpoint" : "Breakpoint";
	if (b->locs) {
		dbg_printf(d, "%s %d at 0x%llx\n", kind, b->num,
			   (unsigned long long)b->locs->addr);
	} else if (ls.kind == LOC_ADDRESS) {
		dbg_printf(d, "%s %d at 0x%llx\n", kind, b->num,
			   (unsigned long long)addr);
	} else {
		/* Not in any image yet: pending until a library brings it
		 * (gdb asks; a script cannot answer, so say yes). */
		dbg_printf(d, "Function \"%s\" not defined.\n", ls.sym);
		dbg_printf(d, "%s %d (%s) pending.\n", kind, b->num, ls.text);
	}
	sb_free(&lab);
	return 0;
}

int cmd_break(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return set_break(d, args, BPT_BREAK, false);
}

int cmd_tbreak(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return set_break(d, args, BPT_BREAK, true);
}

int cmd_hbreak(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return set_break(d, args, BPT_HBREAK, false);
}

static const char *watch_kind(enum bp_type t)
{
	return t == BPT_WATCH ? "Hardware watchpoint" :
	       t == BPT_RWATCH ? "Hardware read watchpoint" :
			       "Hardware access (read/write) watchpoint";
}

static int set_watch(struct dbg *d, char *args, enum bp_type type)
{
	struct strbuf err = STRBUF_INIT;
	struct dthread *th = dbg_need_thread(d);
	struct value v;
	struct bp *b;
	char *cond;
	int rc;

	if (!th)
		return -1;
	cond = split_if(args);
	args = cmd_skip_ws(args);
	if (!*args) {
		dbg_error(d, "Argument required (expression to compute).");
		return -1;
	}
	if (cond && check_cond(d, cond) < 0)
		return -1;
	rc = dbg_eval(d, th, args, &v, &err);
	if (rc < 0) {
		dbg_error(d, "%s", sb_str(&err));
		sb_free(&err);
		return -1;
	}
	sb_free(&err);
	if (v.type && v.type->code == TY_NODEBUG_DATA) {
		dbg_error(d, "'%s' has unknown type; cast it to its declared "
			  "type", args);
		return -1;
	}
	if (v.lval != LV_MEMORY) {
		dbg_error(d, "Cannot watch constant value `%s'.", args);
		return -1;
	}
	if (!v.type || (v.type->size != 1 && v.type->size != 2 &&
			v.type->size != 4 && v.type->size != 8) ||
	    (v.addr & (v.type->size - 1))) {
		dbg_error(d, "Expression cannot be implemented with a hardware "
			  "watchpoint: it must be 1, 2, 4 or 8 aligned bytes.");
		return -1;
	}
	b = bp_create(d, type);
	if (!b)
		return -1;
	b->expr = strdup(args);
	b->waddr = v.addr;
	b->wlen = v.type->size;
	b->wtype = v.type;
	b->cond = cond ? strdup(cond) : NULL;
	if (th->proc->exe)
		b->exe = strdup(th->proc->exe);
	if (dbg_read_mem(d, th, b->waddr, b->old, b->wlen) != (ssize_t)b->wlen) {
		bp_destroy(d, b);
		dbg_error(d, "Cannot access memory at address 0x%llx",
			  (unsigned long long)v.addr);
		return -1;
	}
	if (bp_hw_alloc(d, b) < 0) {
		bp_destroy(d, b);
		dbg_error(d, "Hardware watchpoints used exceeds limit: x86 has "
			  "four debug registers.");
		return -1;
	}
	bp_resolve_everywhere(d, b);
	dbg_printf(d, "%s %d: %s\n", watch_kind(type), b->num, b->expr);
	return 0;
}

int cmd_watch(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return set_watch(d, args, BPT_WATCH);
}

int cmd_rwatch(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return set_watch(d, args, BPT_RWATCH);
}

int cmd_awatch(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return set_watch(d, args, BPT_AWATCH);
}

/* --- numbers: "1 3-5" --- */

static int for_each_num(struct dbg *d, char *args,
			int (*fn)(struct dbg *, struct bp *, void *), void *arg)
{
	char *w;
	int rc = 0;

	while (*(w = cmd_word(&args))) {
		char *dash = strchr(w + 1, '-'), *end;
		long lo, hi, n;

		lo = strtol(w, &end, 10);
		if (end == w || (*end && end != dash)) {
			dbg_error(d, "Convenience variable must have integer "
				  "value.\nArgs must be numbers or '$' "
				  "variables.");
			return -1;
		}
		hi = dash ? strtol(dash + 1, NULL, 10) : lo;
		for (n = lo; n <= hi; n++) {
			struct bp *b = bp_by_num(d, (int)n);

			if (!b) {
				dbg_error(d, "No breakpoint number %ld.", n);
				rc = -1;
				continue;
			}
			fn(d, b, arg);
		}
	}
	return rc;
}

static int do_delete(struct dbg *d, struct bp *b, void *arg)
{
	(void)arg;
	bp_destroy(d, b);
	return 0;
}

int cmd_delete(struct dbg *d, char *args, bool from_tty)
{
	struct bp *b, *next;

	if (strncmp(args, "breakpoints", 11) == 0)
		args = cmd_skip_ws(args + 11);
	if (strncmp(args, "display", 7) == 0)
		return cmd_undisplay(d, cmd_skip_ws(args + 7), from_tty);
	if (*args)
		return for_each_num(d, args, do_delete, NULL);
	if (from_tty && d->bps && !dbg_query(d, "Delete all breakpoints? "))
		return 0;
	for (b = d->bps; b; b = next) {
		next = b->next;
		if (b->num > 0)
			bp_destroy(d, b);
	}
	return 0;
}

static int do_enable(struct dbg *d, struct bp *b, void *arg)
{
	bp_set_enabled(d, b, *(bool *)arg);
	return 0;
}

static int do_enable_disp(struct dbg *d, struct bp *b, void *arg)
{
	int disp = *(int *)arg;

	bp_set_enabled(d, b, true);
	if (disp == 1)
		b->once = true;		/* enable once: disabled when hit */
	else
		b->temp = true;		/* enable delete: deleted when hit */
	return 0;
}

static int enable_cmd(struct dbg *d, char *args, bool on)
{
	struct bp *b;

	if (strncmp(args, "breakpoints", 11) == 0)
		args = cmd_skip_ws(args + 11);
	if (on && (strncmp(args, "once", 4) == 0 ||
		   strncmp(args, "delete", 6) == 0)) {
		int disp = args[0] == 'o' ? 1 : 2;

		args = cmd_skip_ws(args + (disp == 1 ? 4 : 6));
		return for_each_num(d, args, do_enable_disp, &disp);
	}
	if (*args)
		return for_each_num(d, args, do_enable, &on);
	for (b = d->bps; b; b = b->next)
		if (b->num > 0)
			bp_set_enabled(d, b, on);
	return 0;
}

int cmd_enable(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return enable_cmd(d, args, true);
}

int cmd_disable(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return enable_cmd(d, args, false);
}

int cmd_condition(struct dbg *d, char *args, bool from_tty)
{
	char *w = cmd_word(&args), *end;
	struct bp *b;
	long n;

	(void)from_tty;
	if (!*w) {
		dbg_error(d, "Argument required (breakpoint number).");
		return -1;
	}
	n = strtol(w, &end, 10);
	b = *end ? NULL : bp_by_num(d, (int)n);
	if (!b) {
		dbg_error(d, "No breakpoint number %s.", w);
		return -1;
	}
	args = cmd_skip_ws(args);
	if (!*args) {
		free(b->cond);
		b->cond = NULL;
		dbg_printf(d, "Breakpoint %d now unconditional.\n", b->num);
		return 0;
	}
	if (check_cond(d, args) < 0)
		return -1;
	free(b->cond);
	b->cond = strdup(args);
	return 0;
}

int cmd_ignore(struct dbg *d, char *args, bool from_tty)
{
	char *w = cmd_word(&args), *end;
	struct bp *b;
	long n, count = 0;

	(void)from_tty;
	if (!*w) {
		dbg_error(d, "Argument required (a breakpoint number).");
		return -1;
	}
	n = strtol(w, &end, 10);
	b = *end ? NULL : bp_by_num(d, (int)n);
	if (!b) {
		dbg_error(d, "No breakpoint number %s.", w);
		return -1;
	}
	args = cmd_skip_ws(args);
	if (!*args) {
		dbg_error(d, "Second argument (specified ignore-count) is "
			  "missing.");
		return -1;
	}
	if (cmd_count(d, args, &count) < 0)
		return -1;
	if (count < 0)
		count = 0;
	b->ignore = (unsigned)count;
	if (count == 0)
		dbg_printf(d, "Will stop next time breakpoint %d is reached.\n",
			   b->num);
	else if (count == 1)
		dbg_printf(d, "Will ignore next crossing of breakpoint %d.\n",
			   b->num);
	else
		dbg_printf(d, "Will ignore next %ld crossings of breakpoint "
			   "%d.\n", count, b->num);
	return 0;
}

int cmd_commands(struct dbg *d, char *args, bool from_tty)
{
	struct bp *b;
	char **lines;
	size_t n, i;
	long num = d->next_bp - 1;

	(void)from_tty;
	if (*args && cmd_count(d, args, &num) < 0)
		return -1;
	b = bp_by_num(d, (int)num);
	if (!b) {
		dbg_error(d, "No breakpoint number %ld.", num);
		/* Swallow the body all the same. */
		dbg_read_block(d, &lines, &n);
		for (i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
		return -1;
	}
	dbg_read_block(d, &lines, &n);
	for (i = 0; i < b->ncmds; i++)
		free(b->cmds[i]);
	free(b->cmds);
	b->cmds = lines;
	b->ncmds = n;
	return 0;
}

/* --- catch --- */

static const struct {
	const char *name;
	uint32_t class;
} sys_groups[] = {
	{ "file", SC_FILE }, { "descriptor", SC_DESC }, { "desc", SC_DESC },
	{ "network", SC_NET }, { "net", SC_NET }, { "process", SC_PROC },
	{ "proc", SC_PROC }, { "signal", SC_SIG }, { "sig", SC_SIG },
	{ "ipc", SC_IPC }, { "memory", SC_MEM }, { "mem", SC_MEM },
	{ "exec", SC_EXEC },
};

static void set_bit(uint8_t *set, long nr)
{
	if (set && nr >= 0 && nr < BP_MAX_SYSCALL)
		set[nr / 8] |= (uint8_t)(1u << (nr % 8));
}

static int add_syscall(struct dbg *d, struct bp *b, const char *name,
		       struct strbuf *desc, int *count)
{
	const struct sc_ent *e64 = systab_by_name(ABI_X86_64, name);
	const struct sc_ent *e32 = systab_by_name(ABI_I386, name);

	if (isdigit((unsigned char)*name)) {
		long nr = atol(name);

		e64 = systab_by_nr(ABI_X86_64, nr);
		set_bit(b->set, nr);
		if (e64)
			e32 = systab_by_name(ABI_I386, e64->name);
		if (e32)
			set_bit(b->set32, e32->nr);
		sb_printf(desc, " '%s' [%ld]", e64 ? e64->name : name, nr);
		(*count)++;
		return 0;
	}
	if (!e64 && !e32) {
		dbg_error(d, "Unknown syscall name '%s'.", name);
		return -1;
	}
	if (e64)
		set_bit(b->set, e64->nr);
	if (e32)
		set_bit(b->set32, e32->nr);
	sb_printf(desc, " '%s' [%d]", name, e64 ? e64->nr : e32->nr);
	(*count)++;
	return 0;
}

static int add_group(struct dbg *d, struct bp *b, const char *g,
		     struct strbuf *desc, int *count)
{
	size_t i, k;
	uint32_t class = 0;

	for (i = 0; i < sizeof(sys_groups) / sizeof(*sys_groups); i++)
		if (strcmp(sys_groups[i].name, g) == 0)
			class = sys_groups[i].class;
	if (!class) {
		dbg_error(d, "Unknown syscall group '%s'.", g);
		return -1;
	}
	for (k = 0; k < systab_count(ABI_X86_64); k++) {
		const struct sc_ent *e = systab_at(ABI_X86_64, k);

		if (e && (e->class & class))
			add_syscall(d, b, e->name, desc, count);
	}
	return 0;
}

static struct bp *new_catch(struct dbg *d, enum bp_type type)
{
	struct bp *b = bp_create(d, type);

	if (b)
		b->temp = d->catch_temp;
	return b;
}

int cmd_catch_syscall(struct dbg *d, char *args, bool from_tty)
{
	struct strbuf desc = STRBUF_INIT;
	struct bp *b = new_catch(d, BPT_CATCH_SYSCALL);
	char *w;
	int count = 0, rc = 0;

	(void)from_tty;
	if (!b)
		return -1;
	b->set = calloc(1, BP_MAX_SYSCALL / 8);
	b->set32 = calloc(1, BP_MAX_SYSCALL / 8);
	if (!b->set || !b->set32)
		rc = -1;
	while (rc == 0 && *(w = cmd_word(&args))) {
		if (*w == '@')
			rc = add_group(d, b, w + 1, &desc, &count);
		else if (strncmp(w, "group:", 6) == 0)
			rc = add_group(d, b, w + 6, &desc, &count);
		else if (strncmp(w, "g:", 2) == 0)
			rc = add_group(d, b, w + 2, &desc, &count);
		else
			rc = add_syscall(d, b, w, &desc, &count);
	}
	if (rc < 0) {
		bp_destroy(d, b);
		d->next_bp--;
		sb_free(&desc);
		return -1;
	}
	b->any = count == 0;
	b->loc.text = strdup(sb_str(&desc));
	if (b->any)
		dbg_printf(d, "Catchpoint %d (any syscall)\n", b->num);
	else
		dbg_printf(d, "Catchpoint %d (syscall%s%s)\n", b->num,
			   count > 1 ? "s" : "", sb_str(&desc));
	bp_catch_refresh(d);
	sb_free(&desc);
	return 0;
}

int cmd_catch_signal(struct dbg *d, char *args, bool from_tty)
{
	struct strbuf desc = STRBUF_INIT;
	struct bp *b = new_catch(d, BPT_CATCH_SIGNAL);
	char *w, name[16];
	int count = 0;

	(void)from_tty;
	if (!b)
		return -1;
	while (*(w = cmd_word(&args))) {
		int s;

		if (strcmp(w, "all") == 0) {
			b->sig_mode = 2;
			continue;
		}
		s = sig_parse(w);
		if (s <= 0) {
			dbg_error(d, "Only signals 1-15 are valid as numeric "
				  "signals.\nUse \"info signals\" for a list of "
				  "symbolic signals.");
			bp_destroy(d, b);
			d->next_bp--;
			sb_free(&desc);
			return -1;
		}
		b->sigs |= 1ull << (s - 1);
		b->sig_mode = 1;
		sb_printf(&desc, "%s%s", count++ ? " " : "",
			  sig_gdb_name(s, name, sizeof(name)));
	}
	if (b->sig_mode == 2)
		dbg_printf(d, "Catchpoint %d (any signal)\n", b->num);
	else if (count)
		dbg_printf(d, "Catchpoint %d (signal%s %s)\n", b->num,
			   count > 1 ? "s" : "", sb_str(&desc));
	else
		dbg_printf(d, "Catchpoint %d (standard signals)\n", b->num);
	b->loc.text = strdup(b->sig_mode == 2 ? "<any signal>" :
			     count ? sb_str(&desc) : "<standard signals>");
	sb_free(&desc);
	return 0;
}

static int simple_catch(struct dbg *d, enum bp_type t, const char *what)
{
	struct bp *b = new_catch(d, t);

	if (!b)
		return -1;
	dbg_printf(d, "Catchpoint %d (%s)\n", b->num, what);
	return 0;
}

int cmd_catch_fork(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	(void)from_tty;
	return simple_catch(d, BPT_CATCH_FORK, "fork");
}

int cmd_catch_vfork(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	(void)from_tty;
	return simple_catch(d, BPT_CATCH_VFORK, "vfork");
}

int cmd_catch_exec(struct dbg *d, char *args, bool from_tty)
{
	(void)args;
	(void)from_tty;
	return simple_catch(d, BPT_CATCH_EXEC, "exec");
}

/* --- info breakpoints --- */

static const char *type_name(const struct bp *b)
{
	switch (b->type) {
	case BPT_BREAK:
		return "breakpoint";
	case BPT_HBREAK:
		return "hw breakpoint";
	case BPT_WATCH:
		return "hw watchpoint";
	case BPT_RWATCH:
		return "read watchpoint";
	case BPT_AWATCH:
		return "acc watchpoint";
	default:
		return "catchpoint";
	}
}

static void what_of(struct dbg *d, const struct bp *b, struct strbuf *sb)
{
	switch (b->type) {
	case BPT_CATCH_SYSCALL:
		if (b->any) {
			sb_puts(sb, "syscall \"<any syscall>\" ");
		} else {
			/* " 'write' [1] 'read' [0]" -> "write, read" */
			const char *s = b->loc.text ? b->loc.text : "";
			int n = 0;

			sb_puts(sb, "syscall");
			for (const char *p = s; (p = strchr(p, '\'')); p++) {
				p = strchr(p + 1, '\'');
				if (!p)
					break;
				n++;
			}
			sb_puts(sb, n > 1 ? "s \"" : " \"");
			n = 0;
			for (const char *p = s; (p = strchr(p, '\''));) {
				const char *q = strchr(p + 1, '\'');

				if (!q)
					break;
				sb_printf(sb, "%s%.*s", n++ ? ", " : "",
					  (int)(q - p - 1), p + 1);
				p = q + 1;
			}
			sb_puts(sb, "\" ");
		}
		return;
	case BPT_CATCH_SIGNAL:
		sb_puts(sb, b->loc.text ? b->loc.text : "");
		return;
	case BPT_CATCH_FORK:
	case BPT_CATCH_VFORK:
		sb_puts(sb, b->type == BPT_CATCH_FORK ? "fork" : "vfork");
		if (b->last_child)
			sb_printf(sb, ", process %d", b->last_child);
		return;
	case BPT_CATCH_EXEC:
		sb_puts(sb, "exec");
		if (b->last_exec)
			sb_printf(sb, ", program \"%s\"", b->last_exec);
		return;
	case BPT_WATCH:
	case BPT_RWATCH:
	case BPT_AWATCH:
		sb_puts(sb, b->expr);
		return;
	default:
		break;
	}
	if (b->locs) {
		struct strbuf lab = STRBUF_INIT;

		if (dbg_symbolize(d, b->locs->proc, b->locs->addr, &lab, true))
			sb_printf(sb, "<%s>", sb_str(&lab));
		sb_free(&lab);
	} else {
		sb_puts(sb, b->loc.text ? b->loc.text : "");
	}
}

static void row(struct dbg *d, const struct bp *b, int tw)
{
	struct strbuf what = STRBUF_INIT;
	char num[16], addr[24] = "";
	const struct bp_loc *l;
	bool multi;
	size_t i;

	snprintf(num, sizeof(num), "%d", b->num);
	multi = (b->type == BPT_BREAK || b->type == BPT_HBREAK) && b->locs &&
		b->locs->next;
	if (multi) {
		snprintf(addr, sizeof(addr), "<MULTIPLE>");
	} else if (b->type == BPT_BREAK || b->type == BPT_HBREAK) {
		if (b->locs)
			snprintf(addr, sizeof(addr), "0x%016llx",
				 (unsigned long long)b->locs->addr);
		else
			snprintf(addr, sizeof(addr), "<PENDING>");
	}
	if (!multi)
		what_of(d, b, &what);
	dbg_printf(d, "%-7s %-*s %-4s %-3c %-18s %s\n", num, tw, type_name(b),
		   b->temp ? "del" : b->once ? "dis" : "keep", b->enabled ? 'y' : 'n', addr,
		   sb_str(&what));
	sb_free(&what);
	if (b->cond)
		dbg_printf(d, "\tstop only if %s\n", b->cond);
	if (b->hits)
		dbg_printf(d, "\t%s already hit %u time%s\n",
			   b->type >= BPT_CATCH_SYSCALL ? "catchpoint" :
			   "breakpoint", b->hits, b->hits == 1 ? "" : "s");
	if (b->ignore)
		dbg_printf(d, "\tWill ignore next %u crossings of breakpoint.\n",
			   b->ignore);
	for (i = 0; i < b->ncmds; i++)
		dbg_printf(d, "        %s\n", b->cmds[i]);
	if (!multi)
		return;
	/* One row per location, as gdb: "1.2  y  0x... <f+4> inf 2". */
	for (l = b->locs, i = 1; l; l = l->next, i++) {
		struct strbuf lab = STRBUF_INIT;
		char sub[24], a[24];

		snprintf(sub, sizeof(sub), "%d.%zu", b->num, i);
		snprintf(a, sizeof(a), "0x%016llx",
			 (unsigned long long)l->addr);
		if (dbg_symbolize(d, l->proc, l->addr, &lab, true))
			dbg_printf(d, "%-7s %-*s %-4s %-3c %-18s <%s> inf %d\n",
				   sub, tw, "", "", b->enabled ? 'y' : 'n', a,
				   sb_str(&lab), l->proc->num);
		else
			dbg_printf(d, "%-7s %-*s %-4s %-3c %-18s inf %d\n", sub,
				   tw, "", "", b->enabled ? 'y' : 'n', a,
				   l->proc->num);
		sb_free(&lab);
	}
}

static int info_bps(struct dbg *d, char *args, bool watch_only)
{
	struct bp *b;
	bool any = false, header = false;
	int tw = 14;

	/* gdb widens the Type column to its longest entry. */
	for (b = d->bps; b; b = b->next)
		if (b->num > 0 && (int)strlen(type_name(b)) > tw)
			tw = (int)strlen(type_name(b));
	for (b = d->bps; b; b = b->next) {
		bool is_watch = b->type == BPT_WATCH || b->type == BPT_RWATCH ||
				b->type == BPT_AWATCH;

		if (b->num <= 0 || (watch_only && !is_watch))
			continue;
		if (*args) {
			char buf[16];

			snprintf(buf, sizeof(buf), "%d", b->num);
			if (!strstr(args, buf))
				continue;
		}
		if (!header) {
			dbg_printf(d, "Num     %-*s Disp Enb Address"
				   "            What\n", tw, "Type");
			header = true;
		}
		row(d, b, tw);
		any = true;
	}
	if (!any)
		dbg_printf(d, watch_only ? "No watchpoints.\n" :
			   "No breakpoints or watchpoints.\n");
	return 0;
}

int cmd_info_breakpoints(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return info_bps(d, args, false);
}

int cmd_info_watchpoints(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return info_bps(d, args, true);
}

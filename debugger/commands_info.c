/* commands_info: registers, threads, inferiors, symbols, frames (by
 * frame pointers), /proc views, and the trapped syscall.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "debugger/commands.h"
#include "debugger/regs.h"
#include "debugger/symbols.h"
#include "tracer/decode.h"
#include "tracer/xlat.h"

/* --- registers --- */

static void reg_sym(void *ctx, uint64_t addr, struct strbuf *sb)
{
	struct dbg *d = ctx;
	struct symbolizer sym = dbg_symbolizer(d);
	struct strbuf lab = STRBUF_INIT;

	if (sym_append_label(&lab, &sym, addr))
		sb_printf(sb, " %s", sb_str(&lab));
	sb_free(&lab);
}

static const struct {
	const char *name;
	unsigned group;
} reg_groups[] = {
	{ "general", RG_GENERAL }, { "all", RG_ALL },
	{ "float", RG_ALL }, { "vector", RG_ALL }, { "sse", RG_ALL },
	{ "system", RG_ALL },
};

static void show_group(struct dbg *d, struct reg_state *rs, unsigned group,
		       const char *only)
{
	size_t i;

	for (i = 0; i < regs_count(); i++) {
		const struct dbg_reg *r = regs_at(i);
		struct strbuf sb = STRBUF_INIT;
		uint8_t val[REG_MAX_SIZE];

		if (!regs_shown(rs, r, group))
			continue;
		if (only && strcmp(only, "float") == 0 &&
		    r->type != RT_I387 && r->store != RS_FX &&
		    r->store != RS_FTAG)
			continue;
		if (only && (strcmp(only, "vector") == 0 ||
			     strcmp(only, "sse") == 0) &&
		    r->type != RT_VEC && r->type != RT_MXCSR)
			continue;
		if (only && strcmp(only, "system") == 0 && r->store != RS_DR &&
		    strcmp(r->name, "fs_base") && strcmp(r->name, "gs_base"))
			continue;
		if (regs_get(rs, r, val) < 0)
			continue;
		regs_format_info(&sb, r, val, reg_sym, d);
		dbg_printf(d, "%s\n", sb_str(&sb));
		sb_free(&sb);
	}
}

static int info_regs(struct dbg *d, char *args, unsigned group)
{
	struct dthread *th;
	struct reg_state rs;
	char *w;
	int rc;

	if (!dbg_has_process(d) || d->finished) {
		dbg_error(d, "The program has no registers now.");
		return -1;
	}
	th = dbg_need_thread(d);
	if (!th)
		return -1;
	rc = regs_load(th->task, &rs);
	if (rc < 0) {
		dbg_error(d, "Couldn't get registers: %s.", strerror(-rc));
		return -1;
	}
	if (!*args) {
		show_group(d, &rs, group, NULL);
		goto out;
	}
	while (*(w = cmd_word(&args))) {
		const struct dbg_reg *r;
		struct strbuf sb = STRBUF_INIT;
		uint8_t val[REG_MAX_SIZE];
		size_t i;

		if (*w == '$')
			w++;
		for (i = 0; i < sizeof(reg_groups) / sizeof(*reg_groups); i++)
			if (strcmp(w, reg_groups[i].name) == 0)
				break;
		if (i < sizeof(reg_groups) / sizeof(*reg_groups)) {
			show_group(d, &rs, reg_groups[i].group,
				   reg_groups[i].group == RG_ALL ? w : NULL);
			continue;
		}
		r = regs_find(w);
		if (!r) {
			dbg_error(d, "Invalid register `%s'", w);
			rc = -1;
			break;
		}
		if (regs_get(&rs, r, val) < 0) {
			dbg_printf(d, "%-15s<unavailable>\n", r->name);
			continue;
		}
		/* gdb prints the name as typed for aliases ($pc). */
		regs_format_info(&sb, r, val, reg_sym, d);
		dbg_printf(d, "%s\n", sb_str(&sb));
		sb_free(&sb);
	}
out:
	regs_free(&rs);
	return rc < 0 ? -1 : 0;
}

int cmd_info_registers(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return info_regs(d, args, RG_GENERAL);
}

int cmd_info_all_registers(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return info_regs(d, args, RG_ALL);
}

/* --- frames, by frame pointers --- */

static bool read_u64(struct dbg *d, struct dthread *th, uint64_t addr,
		     uint64_t *v)
{
	return dbg_read_mem(d, th, addr, v, 8) == 8;
}

static bool in_code(struct dbg *d, struct dthread *th, uint64_t pc)
{
	struct addrspace *as = dbg_syms(d, th->proc);
	struct as_loc loc;

	return as && as_locate(as, pc, &loc) == 0 && loc.sec &&
	       loc.sec->exec;
}

/* Frame 0's return address: where the function is in its prologue
 * decides (push %rbp; mov %rsp,%rbp, or none in a leaf). */
static bool frame0_caller(struct dbg *d, struct dthread *th,
			  const struct user_regs_struct *r, uint64_t *ra_at,
			  uint64_t *caller_fp)
{
	static const uint8_t prologue[4] = { 0x55, 0x48, 0x89, 0xe5 };
	struct addrspace *as = dbg_syms(d, th->proc);
	uint8_t code[4], at_pc = 0;
	struct as_loc loc;
	uint64_t start;

	if (!as || as_locate(as, r->rip, &loc) < 0 || !loc.sym)
		return false;
	start = loc.sym_addr;
	dbg_read_mem(d, th, r->rip, &at_pc, 1);
	if (dbg_read_mem(d, th, start, code, 4) != 4 ||
	    memcmp(code, prologue, 4) != 0 || at_pc == 0xc3) {
		/* A leaf without a frame, or at its ret: sp holds it. */
		*ra_at = r->rsp;
		*caller_fp = r->rbp;
		return true;
	}
	if (r->rip == start) {
		*ra_at = r->rsp;
		*caller_fp = r->rbp;
	} else if (r->rip == start + 1) {
		*ra_at = r->rsp + 8;
		if (!read_u64(d, th, r->rsp, caller_fp))
			return false;
	} else {
		*ra_at = r->rbp + 8;
		if (!read_u64(d, th, r->rbp, caller_fp))
			return false;
	}
	return true;
}

static bool is_main(struct dbg *d, struct dthread *th, uint64_t pc)
{
	struct strbuf sb = STRBUF_INIT;
	bool yes = dbg_symbolize(d, th->proc, pc, &sb, false) &&
		   strcmp(sb_str(&sb), "main") == 0;

	sb_free(&sb);
	return yes;
}

int dbg_unwind(struct dbg *d, struct dthread *th, struct dbg_frame *fr,
	       int max)
{
	struct user_regs_struct r;
	uint64_t ra_at, fp, ra;
	int n = 0;

	if (max <= 0 || dbg_get_regs(d, th, &r) < 0)
		return 0;
	fr[n++] = (struct dbg_frame){ .pc = r.rip, .cfa = r.rsp + 8,
				      .fp = r.rbp };
	if (n == max || is_main(d, th, r.rip) ||
	    !frame0_caller(d, th, &r, &ra_at, &fp))
		return n;
	fr[0].cfa = ra_at + 8;
	for (;;) {
		if (!read_u64(d, th, ra_at, &ra) || !ra || !in_code(d, th, ra))
			break;
		fr[n++] = (struct dbg_frame){ .pc = ra, .cfa = fp + 16,
					      .fp = fp };
		if (n == max || is_main(d, th, ra))
			break;
		/* Up the rbp chain: it must go up the stack. */
		if (!fp || fp <= ra_at)
			break;
		ra_at = fp + 8;
		if (!read_u64(d, th, fp, &fp))
			break;
	}
	return n;
}

static void print_frame(struct dbg *d, struct dthread *th, int level,
			uint64_t pc)
{
	struct strbuf sb = STRBUF_INIT;

	dbg_frame_line(d, th, pc, &sb);
	dbg_printf(d, "#%-3d%s\n", level, sb_str(&sb));
	sb_free(&sb);
}

enum { MAX_FRAMES = 256 };

int cmd_backtrace(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th;
	struct dbg_frame *fr;
	long limit = MAX_FRAMES;
	int n, i, want;

	(void)from_tty;
	if (!dbg_has_process(d) || d->finished) {
		dbg_error(d, "No stack.");
		return -1;
	}
	th = dbg_need_thread(d);
	if (!th)
		return -1;
	if (strncmp(args, "full", 4) == 0)
		args = cmd_skip_ws(args + 4);
	if (cmd_count(d, args, &limit) < 0)
		return -1;
	fr = calloc(MAX_FRAMES, sizeof(*fr));
	if (!fr)
		return -1;
	want = limit < MAX_FRAMES ? (int)limit + 1 : MAX_FRAMES;
	n = dbg_unwind(d, th, fr, want);
	for (i = 0; i < n && i < limit; i++)
		print_frame(d, th, i, fr[i].pc);
	if (n > limit && cmd_interactive(d))
		dbg_printf(d, "(More stack frames follow...)\n");
	free(fr);
	return 0;
}

static int select_frame(struct dbg *d, int level, bool print)
{
	struct dthread *th;
	struct dbg_frame fr[MAX_FRAMES];
	int n;

	if (!dbg_has_process(d) || d->finished) {
		dbg_error(d, "No stack.");
		return -1;
	}
	th = dbg_need_thread(d);
	if (!th)
		return -1;
	n = dbg_unwind(d, th, fr, MAX_FRAMES);
	if (level < 0) {
		dbg_error(d, "Bottom (innermost) frame selected; you cannot "
			  "go down.");
		return -1;
	}
	if (level >= n) {
		dbg_error(d, "Initial frame selected; you cannot go up.");
		return -1;
	}
	d->frame = level;
	if (print)
		print_frame(d, th, level, fr[level].pc);
	return 0;
}

int cmd_frame(struct dbg *d, char *args, bool from_tty)
{
	long level = d->frame;

	(void)from_tty;
	if (cmd_count(d, args, &level) < 0)
		return -1;
	return select_frame(d, (int)level, true);
}

int cmd_up(struct dbg *d, char *args, bool from_tty)
{
	long n = 1;

	(void)from_tty;
	if (cmd_count(d, args, &n) < 0)
		return -1;
	return select_frame(d, d->frame + (int)n, true);
}

int cmd_down(struct dbg *d, char *args, bool from_tty)
{
	long n = 1;

	(void)from_tty;
	if (cmd_count(d, args, &n) < 0)
		return -1;
	return select_frame(d, d->frame - (int)n, true);
}

int cmd_info_frame(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = dbg_need_thread(d);
	struct dbg_frame fr[MAX_FRAMES];
	struct strbuf sb = STRBUF_INIT;
	int n, l;

	(void)args;
	(void)from_tty;
	if (!th)
		return -1;
	n = dbg_unwind(d, th, fr, MAX_FRAMES);
	l = d->frame < n ? d->frame : 0;
	dbg_symbolize(d, th->proc, fr[l].pc, &sb, false);
	dbg_printf(d, "Stack level %d, frame at 0x%llx:\n rip = 0x%llx",
		   l, (unsigned long long)fr[l].cfa,
		   (unsigned long long)fr[l].pc);
	if (sb.len)
		dbg_printf(d, " in %s", sb_str(&sb));
	if (l + 1 < n)
		dbg_printf(d, "; saved rip = 0x%llx\n",
			   (unsigned long long)fr[l + 1].pc);
	else
		dbg_printf(d, "\n");
	if (l + 1 < n)
		dbg_printf(d, " called by frame at 0x%llx\n",
			   (unsigned long long)fr[l + 1].cfa);
	if (l > 0)
		dbg_printf(d, " caller of frame at 0x%llx\n",
			   (unsigned long long)fr[l - 1].cfa);
	dbg_printf(d, " Previous frame's sp is 0x%llx\n Saved registers:\n"
		   "  rip at 0x%llx\n", (unsigned long long)fr[l].cfa,
		   (unsigned long long)(fr[l].cfa - 8));
	sb_free(&sb);
	return 0;
}

/* --- threads --- */

static void thread_state(struct dbg *d, struct dthread *th, struct strbuf *sb)
{
	char name[16];

	(void)d;
	if (th->exiting) {
		sb_puts(sb, " [exiting]");
		return;
	}
	switch (th->stop_kind) {
	case TR_SECCOMP:
	case TR_SYSCALL_ENTER:
		sb_puts(sb, " [at syscall entry]");
		break;
	case TR_SYSCALL_EXIT:
		sb_puts(sb, " [at syscall exit]");
		break;
	case TR_SIGNAL:
		if (th->why == DS_BREAKPOINT)
			sb_printf(sb, " [breakpoint %d]", th->why_num);
		else if (th->why == DS_WATCHPOINT)
			sb_printf(sb, " [watchpoint %d]", th->why_num);
		else if (th->last_sig != SIGTRAP)
			sb_printf(sb, " [signal %s]",
				  sig_gdb_name(th->last_sig, name,
					       sizeof(name)));
		break;
	case TR_GROUP_STOP:
		sb_puts(sb, " [job control stop]");
		break;
	default:
		break;
	}
}

int cmd_info_threads(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th;
	struct strbuf *ids;
	size_t width = strlen("Target Id"), i = 0, n = 0;

	(void)args;
	(void)from_tty;
	for (th = d->threads; th; th = th->next)
		n++;
	if (!n) {
		dbg_printf(d, "No threads.\n");
		return 0;
	}
	ids = calloc(n, sizeof(*ids));
	if (!ids)
		return -1;
	for (th = d->threads, i = 0; th; th = th->next, i++) {
		dbg_target_id(d, th, &ids[i]);
		sb_printf(&ids[i], " \"%s\"", dbg_thread_name(th));
		if (ids[i].len > width)
			width = ids[i].len;
	}
	dbg_printf(d, "  Id   %-*s Frame \n", (int)width, "Target Id");
	for (th = d->threads, i = 0; th; th = th->next, i++) {
		struct strbuf fr = STRBUF_INIT;
		char id[16];

		if (th->state == DT_STOPPED && th->task &&
		    task_is_stopped(th->task)) {
			struct user_regs_struct r;

			if (dbg_get_regs(d, th, &r) == 0)
				dbg_frame_line(d, th, r.rip, &fr);
			thread_state(d, th, &fr);
		} else {
			sb_puts(&fr, th->job_stopped ? "(stopped by job "
				"control)" : th->exiting ? "(exiting)" :
				"(running)");
		}
		dbg_printf(d, "%c %-4s %-*s %s\n", th == d->cur ? '*' : ' ',
			   dbg_thread_id(d, th, id), (int)width,
			   sb_str(&ids[i]), sb_str(&fr));
		sb_free(&fr);
		sb_free(&ids[i]);
	}
	free(ids);
	return 0;
}

/* "3" or "2.3": the thread, or NULL with an error. */
static struct dthread *parse_thread(struct dbg *d, const char *id)
{
	const char *dot = strchr(id, '.'), *s = id;
	struct dthread *th;
	char *end;
	long inf = 0, num;

	if (dot) {
		inf = strtol(s, &end, 10);
		if (end != dot)
			goto bad;
		s = dot + 1;
	} else if (d->cur) {
		inf = d->cur->proc->num;
	}
	num = strtol(s, &end, 10);
	if (*end || num <= 0)
		goto bad;
	th = dbg_thread_by_num(d, (int)inf, (int)num);
	if (!th)
		dbg_error(d, "Unknown thread %s.", id);
	return th;
bad:
	dbg_error(d, "Invalid thread ID: %s", id);
	return NULL;
}

static void switch_msg(struct dbg *d, struct dthread *th)
{
	struct strbuf sb = STRBUF_INIT;
	char id[16];

	dbg_target_id(d, th, &sb);
	dbg_printf(d, "[Switching to thread %s (%s)]\n",
		   dbg_thread_id(d, th, id), sb_str(&sb));
	sb_free(&sb);
	if (th->state == DT_STOPPED && th->task && task_is_stopped(th->task)) {
		struct user_regs_struct r;

		if (dbg_get_regs(d, th, &r) == 0)
			print_frame(d, th, 0, r.rip);
	} else {
		dbg_printf(d, "(running)\n");
	}
}

int cmd_thread_apply(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th, *save = d->cur, **list;
	char *w, *cmd;
	size_t n = 0, cap = 0, i;
	bool all;

	(void)from_tty;
	w = cmd_word(&args);
	all = strcmp(w, "all") == 0;
	list = NULL;
	if (all) {
		for (th = d->threads; th; th = th->next)
			cap++;
		list = calloc(cap + 1, sizeof(*list));
		if (!list)
			return -1;
		/* gdb goes from the newest thread down. */
		for (th = d->threads; th; th = th->next)
			list[cap - 1 - n++] = th;
		cmd = args;
	} else {
		cap = 16;
		list = calloc(cap, sizeof(*list));
		if (!list)
			return -1;
		while (*w && isdigit((unsigned char)*w)) {
			th = parse_thread(d, w);
			if (th && n < cap)
				list[n++] = th;
			cmd = args;
			w = cmd_word(&args);
		}
		cmd = w;
		if (*args)
			args[-1] = ' ';
	}
	cmd = cmd_skip_ws(cmd);
	if (!*cmd) {
		dbg_error(d, "Please specify a command following the thread "
			  "ID list");
		free(list);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct strbuf sb = STRBUF_INIT;
		char id[16];

		th = list[i];
		if (!dbg_thread_by_task(d, th->task))
			continue;	/* gone meanwhile */
		dbg_target_id(d, th, &sb);
		dbg_printf(d, "\nThread %s (%s \"%s\"):\n",
			   dbg_thread_id(d, th, id), sb_str(&sb),
			   dbg_thread_name(th));
		sb_free(&sb);
		dbg_select(d, th);
		dbg_execute(d, cmd);
		if (d->action != ACT_NONE)
			break;
	}
	if (save && dbg_thread_by_task(d, save->task))
		dbg_select(d, save);
	free(list);
	return 0;
}

int cmd_thread_name(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	if (!d->cur) {
		dbg_error(d, "No thread selected");
		return -1;
	}
	free(d->cur->name);
	d->cur->name = *args ? strdup(args) : NULL;
	return 0;
}

int cmd_thread(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th;

	if (strncmp(args, "apply", 5) == 0 &&
	    (!args[5] || isspace((unsigned char)args[5])))
		return cmd_thread_apply(d, cmd_skip_ws(args + 5), from_tty);
	if (strncmp(args, "name", 4) == 0 &&
	    (!args[4] || isspace((unsigned char)args[4])))
		return cmd_thread_name(d, cmd_skip_ws(args + 4), from_tty);
	if (!*args) {
		struct strbuf sb = STRBUF_INIT;
		char id[16];

		if (!d->cur) {
			dbg_error(d, "No thread selected");
			return -1;
		}
		dbg_target_id(d, d->cur, &sb);
		dbg_printf(d, "[Current thread is %s (%s)]\n",
			   dbg_thread_id(d, d->cur, id), sb_str(&sb));
		sb_free(&sb);
		return 0;
	}
	th = parse_thread(d, args);
	if (!th)
		return -1;
	dbg_select(d, th);
	switch_msg(d, th);
	return 0;
}

int cmd_inferior(struct dbg *d, char *args, bool from_tty)
{
	struct dproc *p;
	struct dthread *th;

	(void)from_tty;
	if (!*args) {
		if (!d->cur) {
			dbg_error(d, "No inferior selected");
			return -1;
		}
		p = d->cur->proc;
		dbg_printf(d, "[Current inferior is %d [process %d] (%s)]\n",
			   p->num, p->pid, p->exe ? p->exe : "?");
		return 0;
	}
	p = dbg_proc_by_num(d, atoi(args));
	if (!p) {
		dbg_error(d, "Inferior ID %s not known.", args);
		return -1;
	}
	for (th = d->threads; th; th = th->next)
		if (th->proc == p)
			break;
	if (!th)
		return -1;
	dbg_printf(d, "[Switching to inferior %d [process %d] (%s)]\n",
		   p->num, p->pid, p->exe ? p->exe : "?");
	dbg_select(d, th);
	switch_msg(d, th);
	return 0;
}

int cmd_info_inferiors(struct dbg *d, char *args, bool from_tty)
{
	struct dproc *p;

	(void)args;
	(void)from_tty;
	dbg_printf(d, "  Num  Description       Connection           "
		   "Executable        \n");
	if (!d->procs) {
		dbg_printf(d, "* 1    <null>                                 "
			   "%s \n", "");
		return 0;
	}
	for (p = d->procs; p; p = p->next) {
		char desc[32];

		snprintf(desc, sizeof(desc), "process %d", p->pid);
		dbg_printf(d, "%c %-4d %-17s %-20s %-17s \n",
			   d->cur && d->cur->proc == p ? '*' : ' ', p->num,
			   desc, "1 (native)", p->exe ? p->exe : "");
	}
	return 0;
}

/* --- symbols --- */

int cmd_info_symbol(struct dbg *d, char *args, bool from_tty)
{
	struct addrspace *as;
	struct strbuf sb = STRBUF_INIT;
	uint64_t addr;

	(void)from_tty;
	if (!*args) {
		dbg_error(d, "Argument required (address).");
		return -1;
	}
	if (dbg_eval_u64(d, args, &addr) < 0)
		return -1;
	as = d->cur ? dbg_syms(d, d->cur->proc) : NULL;
	if (!as) {
		dbg_printf(d, "No symbol matches %s.\n", args);
		return 0;
	}
	as_info_symbol(as, &sb, addr, args);
	dbg_printf(d, "%s", sb_str(&sb));
	sb_free(&sb);
	return 0;
}

int cmd_info_address(struct dbg *d, char *args, bool from_tty)
{
	uint64_t addr;

	(void)from_tty;
	if (!*args) {
		dbg_error(d, "Argument required.");
		return -1;
	}
	if (!d->cur || dbg_lookup_symbol(d, d->cur->proc, args, &addr) < 0) {
		dbg_error(d, "No symbol \"%s\" in current context.", args);
		return -1;
	}
	dbg_printf(d, "Symbol \"%s\" is at 0x%llx in a file compiled without "
		   "debugging.\n", args, (unsigned long long)addr);
	return 0;
}

int cmd_info_sharedlibrary(struct dbg *d, char *args, bool from_tty)
{
	struct addrspace *as = d->cur ? dbg_syms(d, d->cur->proc) : NULL;
	struct strbuf sb = STRBUF_INIT;

	(void)args;
	(void)from_tty;
	if (!as) {
		dbg_printf(d, "No shared libraries loaded at this time.\n");
		return 0;
	}
	as_info_sharedlibrary(as, &sb);
	dbg_printf(d, "%s", sb_str(&sb));
	sb_free(&sb);
	return 0;
}

static char *read_file(const char *path, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (!buf || fd < 0) {
		free(buf);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap) {
			char *nb = realloc(buf, cap * 2);

			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void proc_link(struct dbg *d, pid_t pid, const char *what)
{
	char path[64], buf[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, what);
	n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0)
		return;
	buf[n] = '\0';
	dbg_printf(d, "%s = '%s'\n", what, buf);
}

static void proc_cmdline(struct dbg *d, pid_t pid)
{
	char path[64];
	size_t len = 0, i;
	char *s;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	s = read_file(path, &len);
	if (!s)
		return;
	for (i = 0; i + 1 < len; i++)
		if (!s[i])
			s[i] = ' ';
	dbg_printf(d, "cmdline = '%s'\n", s);
	free(s);
}

static void proc_mappings(struct dbg *d, pid_t pid)
{
	struct as_map *maps = NULL;
	char path[64];
	size_t len;
	char *text;
	int n, i;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	text = read_file(path, &len);
	if (!text)
		return;
	n = as_parse_maps_lines(text, &maps);
	dbg_printf(d, "Mapped address spaces:\n\n");
	dbg_printf(d, "          Start Addr           End Addr       Size     "
		   "Offset  Perms  objfile\n");
	for (i = 0; i < n; i++) {
		char a[24], b[24], c[24], e[24];

		snprintf(a, sizeof(a), "0x%llx", (unsigned long long)maps[i].start);
		snprintf(b, sizeof(b), "0x%llx", (unsigned long long)maps[i].end);
		snprintf(c, sizeof(c), "0x%llx",
			 (unsigned long long)(maps[i].end - maps[i].start));
		snprintf(e, sizeof(e), "0x%llx", (unsigned long long)maps[i].offset);
		dbg_printf(d, "  %18s %18s %10s %10s  %-5s  %s\n", a, b, c, e,
			   maps[i].perms, maps[i].path);
	}
	free(maps);
	free(text);
}

int cmd_info_proc(struct dbg *d, char *args, bool from_tty)
{
	char *w = cmd_word(&args);
	bool all = strcmp(w, "all") == 0;
	pid_t pid;

	(void)from_tty;
	if (!d->cur) {
		dbg_error(d, "No current process: you must name one.");
		return -1;
	}
	pid = d->cur->proc->pid;
	dbg_printf(d, "process %d\n", pid);
	if (!*w || all || strcmp(w, "cmdline") == 0)
		proc_cmdline(d, pid);
	if (!*w || all || strcmp(w, "cwd") == 0)
		proc_link(d, pid, "cwd");
	if (!*w || all || strcmp(w, "exe") == 0)
		proc_link(d, pid, "exe");
	if (all || strcmp(w, "mappings") == 0)
		proc_mappings(d, pid);
	return 0;
}

/* --- signals and syscalls --- */

int cmd_info_siginfo(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = dbg_need_thread(d);
	struct strbuf sb = STRBUF_INIT;
	siginfo_t si;

	(void)args;
	(void)from_tty;
	if (!th)
		return -1;
	if (task_stop_kind(th->task) != TR_SIGNAL ||
	    ptrace(PTRACE_GETSIGINFO, th->tid, 0L, &si) < 0) {
		dbg_error(d, "The selected thread is not stopped by a signal.");
		return -1;
	}
	decode_siginfo(&sb, DECODE_TEXT, &si);
	dbg_printf(d, "%s\n", sb_str(&sb));
	sb_free(&sb);
	return 0;
}

int cmd_info_syscall(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = dbg_need_thread(d);
	struct strbuf sb = STRBUF_INIT;
	struct mem_reader mr;
	struct tr_syscall sc;
	enum tr_kind k;

	(void)args;
	(void)from_tty;
	if (!th)
		return -1;
	k = task_stop_kind(th->task);
	if ((k != TR_SECCOMP && k != TR_SYSCALL_ENTER &&
	     k != TR_SYSCALL_EXIT) || dbg_syscall_now(d, th, &sc) < 0) {
		dbg_error(d, "The selected thread is not stopped at a syscall.");
		return -1;
	}
	mr = task_mem_reader(th->task);
	if (sc.is_exit) {
		struct user_regs_struct r;
		long nr = dbg_get_regs(d, th, &r) == 0 ? (long)r.orig_rax : -1;

		sb_printf(&sb, "%s returned ", systab_by_nr(sc.abi, nr) ?
			  systab_by_nr(sc.abi, nr)->name : "syscall");
		decode_retval(&sb, DECODE_TEXT, systab_by_nr(sc.abi, nr),
			      sc.ret);
	} else {
		decode_syscall(&sb, DECODE_TEXT, systab_by_nr(sc.abi, sc.nr),
			       sc.nr, sc.args, &mr);
		sb_printf(&sb, "\n  syscall %ld (%s), %s", sc.nr,
			  abi_name(sc.abi), k == TR_SECCOMP ?
			  "at its seccomp stop" : "at its entry");
	}
	dbg_printf(d, "%s\n", sb_str(&sb));
	if (d->why && d->why->kind == DBG_WHY_SYSCALL && d->why_thread == th)
		dbg_printf(d, "  trapped by rule %s\n",
			   d->why->rule ? d->why->rule : "(unknown)");
	sb_free(&sb);
	return 0;
}

/* commands_data: print, x, set var, dump, find, display, disassemble.
 * Values come from expr.h, x's lines from xfmt.h, instructions from
 * disasm.h; what they cannot know (vector registers, $_siginfo,
 * $_sigmask, syscall arguments at a trap) is handled here.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "debugger/commands.h"
#include "debugger/disasm.h"
#include "debugger/expr.h"
#include "debugger/regs.h"
#include "debugger/symbols.h"
#include "debugger/xfmt.h"
#include "tracer/xlat.h"

#ifndef PTRACE_GETSIGMASK
#define PTRACE_GETSIGMASK 0x420a
#define PTRACE_SETSIGMASK 0x420b
#endif

struct dbg_data {
	struct xfmt_state xs;
};

void cmd_data_init(struct dbg *d)
{
	if (d->data)
		return;
	d->data = calloc(1, sizeof(*d->data));
	if (d->data)
		xfmt_init(&d->data->xs);
}

void cmd_data_free(struct dbg *d)
{
	struct display *dp;

	while ((dp = d->displays)) {
		d->displays = dp->next;
		free(dp->fmt);
		free(dp->expr);
		free(dp);
	}
	free(d->data);
	d->data = NULL;
}

/* Print what the expression context warned about, then the error. */
static void expr_fail(struct dbg *d, struct strbuf *err, int rc)
{
	struct expr_ctx *c = dbg_expr(d);

	if (c && *expr_warnings(c))
		dbg_printf(d, "%s", expr_warnings(c));
	dbg_error(d, "%s", err->len ? sb_str(err) : strerror(-rc));
}

/* "/x" at the start of args: the format letter (0 none); args moves. */
static int parse_fmt(struct dbg *d, char **args, char *letters, size_t n)
{
	char *s = *args;
	size_t i = 0;

	letters[0] = '\0';
	if (*s != '/')
		return 0;
	s++;
	while (*s && !isspace((unsigned char)*s) && i + 1 < n)
		letters[i++] = *s++;
	letters[i] = '\0';
	if (!i) {
		dbg_error(d, "Argument to print/display must be a format.");
		return -1;
	}
	*args = cmd_skip_ws(s);
	return 0;
}

/* --- the values expr.h does not know --- */

static int get_siginfo(struct dbg *d, struct dthread *th, siginfo_t *si)
{
	if (ptrace(PTRACE_GETSIGINFO, th->tid, 0L, si) < 0) {
		dbg_error(d, "Unable to read siginfo");
		return -1;
	}
	return 0;
}

/* The fields of $_siginfo gdb shows, by name. */
struct si_field {
	const char *name;
	size_t off, size;
	bool is_signed;
};

#define SIF(n, f, s) { n, offsetof(siginfo_t, f), sizeof(((siginfo_t *)0)->f), s }
static const struct si_field si_fields[] = {
	SIF("si_signo", si_signo, true),
	SIF("si_errno", si_errno, true),
	SIF("si_code", si_code, true),
	SIF("_sifields._kill.si_pid", si_pid, true),
	SIF("_sifields._kill.si_uid", si_uid, false),
	SIF("_sifields._timer.si_tid", si_timerid, true),
	SIF("_sifields._timer.si_overrun", si_overrun, true),
	SIF("_sifields._rt.si_pid", si_pid, true),
	SIF("_sifields._rt.si_uid", si_uid, false),
	SIF("_sifields._rt.si_sigval.sival_int", si_value.sival_int, true),
	SIF("_sifields._sigchld.si_pid", si_pid, true),
	SIF("_sifields._sigchld.si_uid", si_uid, false),
	SIF("_sifields._sigchld.si_status", si_status, true),
	SIF("_sifields._sigfault.si_addr", si_addr, false),
	SIF("_sifields._sigpoll.si_band", si_band, true),
	SIF("_sifields._sigpoll.si_fd", si_fd, true),
	SIF("_sifields._sigsys._call_addr", si_call_addr, false),
	SIF("_sifields._sigsys._syscall", si_syscall, true),
	SIF("_sifields._sigsys._arch", si_arch, false),
};

static const struct si_field *si_field(const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < sizeof(si_fields) / sizeof(*si_fields); i++) {
		const char *f = si_fields[i].name;
		size_t fl = strlen(f);

		/* Full path, or the last component (si_pid). */
		if (strcmp(f, name) == 0 ||
		    (fl > n && f[fl - n - 1] == '.' &&
		     strcmp(f + fl - n, name) == 0))
			return &si_fields[i];
	}
	return NULL;
}

static int64_t si_get(const siginfo_t *si, const struct si_field *f)
{
	int64_t v = 0;
	uint64_t u = 0;

	memcpy(&u, (const uint8_t *)si + f->off, f->size);
	if (f->is_signed && f->size == 4)
		v = (int32_t)u;
	else
		v = (int64_t)u;
	return v;
}

/* gdb's struct shape for $_siginfo, trimmed to the union members that
 * mean something for the signal. */
static void put_num(struct strbuf *sb, const char *name, long long v,
		    bool hex)
{
	if (hex)
		sb_printf(sb, "%s = 0x%llx", name, (unsigned long long)v);
	else
		sb_printf(sb, "%s = %lld", name, v);
}

static void format_siginfo(struct strbuf *sb, const siginfo_t *si, bool hex)
{
	sb_putc(sb, '{');
	put_num(sb, "si_signo", si->si_signo, hex);
	sb_puts(sb, ", ");
	put_num(sb, "si_errno", si->si_errno, hex);
	sb_puts(sb, ", ");
	put_num(sb, "si_code", si->si_code, hex);
	sb_puts(sb, ", _sifields = {_kill = {");
	put_num(sb, "si_pid", si->si_pid, hex);
	sb_puts(sb, ", ");
	put_num(sb, "si_uid", si->si_uid, hex);
	sb_puts(sb, "}, _rt = {");
	put_num(sb, "si_pid", si->si_pid, hex);
	sb_puts(sb, ", ");
	put_num(sb, "si_uid", si->si_uid, hex);
	sb_puts(sb, ", si_sigval = {");
	put_num(sb, "sival_int", si->si_value.sival_int, hex);
	sb_printf(sb, ", sival_ptr = %p}}, _sigchld = {",
		  si->si_value.sival_ptr);
	put_num(sb, "si_pid", si->si_pid, hex);
	sb_puts(sb, ", ");
	put_num(sb, "si_uid", si->si_uid, hex);
	sb_puts(sb, ", ");
	put_num(sb, "si_status", si->si_status, hex);
	sb_printf(sb, "}, _sigfault = {si_addr = %p}}}", si->si_addr);
}

static void format_sigmask(struct strbuf *sb, uint64_t m, bool hex)
{
	char name[16];
	int s;

	if (hex) {
		sb_printf(sb, "0x%llx", (unsigned long long)m);
		return;
	}
	sb_puts(sb, "[ ");
	for (s = 1; s <= 64; s++)
		if (m & (1ull << (s - 1)))
			sb_printf(sb, "%s ", sig_gdb_name(s, name, sizeof(name)));
	sb_putc(sb, ']');
}

/* The $N a value printed outside expr.h takes: keep the history's
 * numbering in step with gdb's. */
static int history_slot(struct dbg *d, uint64_t low)
{
	struct expr_ctx *c = dbg_expr(d);
	const struct ty *t = c ? expr_type_lookup(c, "long") : NULL;
	struct value v;

	if (!c || !t)
		return 0;
	v = expr_value_int(t, low);
	expr_history_add(c, &v);
	return expr_history_count(c);
}

/* `print $REG` for registers expr.h does not have, $_siginfo, $_sigmask.
 * 1 when handled, 0 when not ours, -1 on error. */
static int print_special(struct dbg *d, const char *fmt, const char *expr,
			 struct strbuf *out, bool history)
{
	bool hex = fmt[0] == 'x';
	struct dthread *th;
	const struct dbg_reg *r;

	if (expr[0] != '$')
		return 0;
	if (strncmp(expr, "$_siginfo", 9) == 0 &&
	    (!expr[9] || expr[9] == '.')) {
		siginfo_t si;

		th = dbg_need_thread(d);
		if (!th || get_siginfo(d, th, &si) < 0)
			return -1;
		if (!expr[9]) {
			format_siginfo(out, &si, hex);
		} else {
			const struct si_field *f = si_field(expr + 10);

			if (!f) {
				dbg_error(d, "There is no member named %s.",
					  expr + 10);
				return -1;
			}
			sb_printf(out, hex ? "0x%llx" : "%lld",
				  (long long)si_get(&si, f));
		}
		return 1;
	}
	if (strcmp(expr, "$_sigmask") == 0) {
		uint64_t m = 0;

		th = dbg_need_thread(d);
		if (!th)
			return -1;
		if (ptrace(PTRACE_GETSIGMASK, th->tid, (void *)sizeof(m),
			   &m) < 0) {
			dbg_error(d, "Unable to read the signal mask: %s",
				  strerror(errno));
			return -1;
		}
		format_sigmask(out, m, hex);
		return 1;
	}
	r = regs_find(expr + 1);
	if (!r || (r->store == RS_GP && r->type != RT_EFLAGS))
		return 0;	/* expr.h knows the general ones */
	if (r->type == RT_EFLAGS)
		return 0;
	{
		struct reg_state rs;
		uint8_t val[REG_MAX_SIZE];
		int rc;

		th = d->cur;
		if (!th || !th->task || !task_is_stopped(th->task)) {
			dbg_error(d, "No registers.");
			return -1;
		}
		rc = regs_load(th->task, &rs);
		if (rc == 0)
			rc = regs_get(&rs, r, val);
		regs_free(&rs);
		if (rc < 0) {
			dbg_error(d, "value is not available");
			return -1;
		}
		if (history)
			sb_printf(out, "$%d = ", history_slot(d, regs_as_u64(r, val)));
		regs_format_value(out, r, val, hex, NULL, NULL);
		return 2;
	}
}

int cmd_print(struct dbg *d, char *args, bool from_tty)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct expr_ctx *c = dbg_expr(d);
	char fmt[8], *expr = args;
	int rc;

	(void)from_tty;
	if (!c)
		return -1;
	if (parse_fmt(d, &expr, fmt, sizeof(fmt)) < 0)
		return -1;
	rc = print_special(d, fmt, expr, &out, true);
	if (rc < 0)
		goto out;
	if (rc == 1) {
		struct strbuf full = STRBUF_INIT;

		sb_printf(&full, "$%d = %s\n", history_slot(d, 0), sb_str(&out));
		dbg_printf(d, "%s", sb_str(&full));
		sb_free(&full);
		goto out;
	}
	if (rc == 2) {
		dbg_printf(d, "%s\n", sb_str(&out));
		goto out;
	}
	dbg_eval_in(d, d->cur);
	rc = expr_print_command(c, args, &out, &err);
	dbg_eval_in(d, NULL);
	if (*expr_warnings(c))
		dbg_printf(d, "%s", expr_warnings(c));
	if (rc < 0)
		dbg_error(d, "%s", sb_str(&err));
	else
		dbg_printf(d, "%s", sb_str(&out));
out:
	sb_free(&out);
	sb_free(&err);
	return rc < 0 ? -1 : 0;
}

int cmd_output(struct dbg *d, char *args, bool from_tty)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct expr_ctx *c = dbg_expr(d);
	char fmt[8], *expr = args;
	struct value v;
	int rc;

	(void)from_tty;
	if (!c || parse_fmt(d, &expr, fmt, sizeof(fmt)) < 0)
		return -1;
	rc = print_special(d, fmt, expr, &out, false);
	if (rc == 0) {
		rc = dbg_eval(d, d->cur, expr, &v, &err);
		if (rc == 0) {
			dbg_eval_in(d, d->cur);
			rc = expr_format_value(c, &v, fmt[0], &out, &err);
			dbg_eval_in(d, NULL);
		}
		if (rc < 0)
			expr_fail(d, &err, rc);
	}
	if (rc >= 0)
		dbg_printf(d, "%s", sb_str(&out));
	sb_free(&out);
	sb_free(&err);
	return rc < 0 ? -1 : 0;
}

int cmd_echo(struct dbg *d, char *args, bool from_tty)
{
	const char *s = args;

	(void)from_tty;
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			fputc(*s, d->out);
			continue;
		}
		s++;
		switch (*s) {
		case 'n':
			fputc('\n', d->out);
			break;
		case 't':
			fputc('\t', d->out);
			break;
		default:
			fputc(*s, d->out);
			break;
		}
	}
	fflush(d->out);
	return 0;
}

/* --- x --- */

static int examine(struct dbg *d, struct dthread *th,
		   const struct xfmt_spec *sp, uint64_t addr)
{
	struct strbuf out = STRBUF_INIT;
	struct symbolizer sym = dbg_symbolizer(d);
	struct mem_reader mr = dbg_mem_reader(d, th);
	struct user_regs_struct r;
	struct xfmt_env env = {
		.mr = &mr,
		.sym = &sym,
		.dis = dbg_dis(d, th),
		.ptr_size = 8,
	};
	struct strbuf err = STRBUF_INIT;
	int rc;

	if (dbg_get_regs(d, th, &r) == 0) {
		env.has_pc = true;
		env.pc = r.rip;
	}
	dbg_eval_in(d, th);
	rc = xfmt_examine(&d->data->xs, sp, addr, &env, &out, &err);
	dbg_eval_in(d, NULL);
	/* On an error the output ends with the failing line's label and
	 * gdb's message follows it. */
	if (rc < 0)
		sb_printf(&out, "%s\n", sb_str(&err));
	dbg_printf(d, "%s", sb_str(&out));
	expr_note_examine(dbg_expr(d), &d->data->xs);
	sb_free(&out);
	sb_free(&err);
	return rc < 0 ? -1 : 0;
}

int cmd_x(struct dbg *d, char *args, bool from_tty)
{
	struct strbuf err = STRBUF_INIT;
	struct xfmt_spec sp;
	struct dthread *th;
	const char *expr;
	uint64_t addr;
	int rc = -1;

	(void)from_tty;
	cmd_data_init(d);
	if (!d->data)
		return -1;
	if (xfmt_parse(&d->data->xs, args, &sp, &expr, &err) < 0) {
		dbg_error(d, "%s", sb_str(&err));
		goto out;
	}
	if (*expr) {
		struct value v;
		struct expr_ctx *c = dbg_expr(d);

		rc = dbg_eval(d, d->cur, expr, &v, &err);
		if (rc == 0)
			rc = expr_value_as_address(c, &v, &addr, &err);
		if (rc < 0) {
			expr_fail(d, &err, rc);
			rc = -1;
			goto out;
		}
	} else if (d->data->xs.have_next) {
		addr = d->data->xs.next_addr;
	} else {
		dbg_error(d, "Argument required (starting display address).");
		goto out;
	}
	th = dbg_need_thread(d);
	if (!th) {
		rc = -1;
		goto out;
	}
	rc = examine(d, th, &sp, addr);
out:
	sb_free(&err);
	return rc;
}

/* --- set --- */

int cmd_set_var(struct dbg *d, char *args, bool from_tty)
{
	struct strbuf err = STRBUF_INIT;
	struct value v;
	int rc;

	(void)from_tty;
	if (!*args) {
		dbg_error(d, "Argument required (expression to compute).");
		return -1;
	}
	rc = dbg_eval(d, d->cur, args, &v, &err);
	if (rc < 0)
		expr_fail(d, &err, rc);
	sb_free(&err);
	return rc < 0 ? -1 : 0;
}

/* "$name = value": the name and the value's text, or false. */
static bool split_assign(char *args, char **name, char **value)
{
	char *eq = strchr(args, '='), *e;

	if (!eq || eq[1] == '=' || eq == args || strchr("!<>=+-*/%&|^", eq[-1]))
		return false;
	e = eq;
	while (e > args && isspace((unsigned char)e[-1]))
		e--;
	*e = '\0';
	*name = cmd_skip_ws(args);
	*value = cmd_skip_ws(eq + 1);
	return true;
}

static int set_siginfo(struct dbg *d, const char *field, uint64_t v)
{
	struct dthread *th = dbg_need_thread(d);
	const struct si_field *f = si_field(field);
	siginfo_t si;

	if (!th)
		return -1;
	if (!f) {
		dbg_error(d, "There is no member named %s.", field);
		return -1;
	}
	if (get_siginfo(d, th, &si) < 0)
		return -1;
	memcpy((uint8_t *)&si + f->off, &v, f->size);
	if (ptrace(PTRACE_SETSIGINFO, th->tid, 0L, &si) < 0) {
		dbg_error(d, "Unable to write siginfo: %s", strerror(errno));
		return -1;
	}
	th->si = si;
	return 0;
}

int cmd_set_expr(struct dbg *d, char *args, bool from_tty)
{
	char *copy = strdup(args), *name, *value;
	const struct dbg_reg *r;
	struct dthread *th;
	uint64_t v;
	int rc = -1;

	if (!copy)
		return -1;
	if (!split_assign(copy, &name, &value) || name[0] != '$') {
		free(copy);
		return cmd_set_var(d, args, from_tty);
	}
	if (strncmp(name, "$arg", 4) == 0 && isdigit((unsigned char)name[4]) &&
	    !name[5]) {
		th = dbg_need_thread(d);
		if (!th || dbg_eval_u64(d, value, &v) < 0)
			goto out;
		rc = task_set_syscall_arg(th->task, name[4] - '0', v);
		if (rc < 0)
			dbg_error(d, "Cannot set %s: %s", name,
				  rc == -EINVAL ? "not at a syscall stop" :
				  strerror(-rc));
		goto out;
	}
	if (strcmp(name, "$sysno") == 0) {
		th = dbg_need_thread(d);
		if (!th || dbg_eval_u64(d, value, &v) < 0)
			goto out;
		rc = task_set_syscall_nr(th->task, (long)v);
		if (rc < 0)
			dbg_error(d, "Cannot set $sysno: %s", strerror(-rc));
		goto out;
	}
	if (strncmp(name, "$_siginfo.", 10) == 0) {
		if (dbg_eval_u64(d, value, &v) == 0)
			rc = set_siginfo(d, name + 10, v);
		goto out;
	}
	if (strcmp(name, "$_sigmask") == 0) {
		th = dbg_need_thread(d);
		if (!th || dbg_eval_u64(d, value, &v) < 0)
			goto out;
		if (ptrace(PTRACE_SETSIGMASK, th->tid, (void *)sizeof(v),
			   &v) < 0) {
			dbg_error(d, "Unable to write the signal mask: %s",
				  strerror(errno));
			goto out;
		}
		rc = 0;
		goto out;
	}
	r = regs_find(name + 1);
	if (r && r->store != RS_GP && r->type != RT_VEC && r->type != RT_I387) {
		struct reg_state rs;
		uint8_t val[REG_MAX_SIZE] = { 0 };

		th = dbg_need_thread(d);
		if (!th || dbg_eval_u64(d, value, &v) < 0)
			goto out;
		rc = regs_load(th->task, &rs);
		memcpy(val, &v, 8);
		if (rc == 0)
			rc = regs_set(th->task, &rs, r, val);
		regs_free(&rs);
		if (rc < 0)
			dbg_error(d, "Cannot write %s: %s", name, strerror(-rc));
		goto out;
	}
	free(copy);
	return cmd_set_var(d, args, from_tty);
out:
	free(copy);
	return rc < 0 ? -1 : 0;
}

/* --- dump, find --- */

int cmd_dump(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th;
	char *what = cmd_word(&args), *file, *s_start, *s_end;
	uint64_t start, end, a;
	FILE *f;
	int rc = -1;

	(void)from_tty;
	if (strcmp(what, "memory") != 0 && strcmp(what, "binary") != 0) {
		dbg_error(d, "\"dump\" must be followed by a subcommand: dump "
			  "memory FILE START END.");
		return -1;
	}
	if (strcmp(what, "binary") == 0)
		what = cmd_word(&args);
	file = cmd_word(&args);
	s_start = cmd_word(&args);
	s_end = cmd_skip_ws(args);
	if (!*file) {
		dbg_error(d, "Missing filename.");
		return -1;
	}
	if (!*s_start) {
		dbg_error(d, "Missing start address.");
		return -1;
	}
	if (!*s_end) {
		dbg_error(d, "Missing stop address.");
		return -1;
	}
	if (dbg_eval_u64(d, s_start, &start) < 0 ||
	    dbg_eval_u64(d, s_end, &end) < 0)
		return -1;
	if (end < start) {
		dbg_error(d, "Invalid memory address range (start >= end).");
		return -1;
	}
	th = dbg_need_thread(d);
	if (!th)
		return -1;
	f = fopen(file, "we");
	if (!f) {
		dbg_error(d, "%s: %s.", file, strerror(errno));
		return -1;
	}
	for (a = start; a < end;) {
		uint8_t buf[4096];
		size_t want = end - a < sizeof(buf) ? end - a : sizeof(buf);
		ssize_t n = dbg_read_mem(d, th, a, buf, want);

		if (n <= 0) {
			dbg_error(d, "Cannot access memory at address 0x%llx",
				  (unsigned long long)a);
			goto out;
		}
		fwrite(buf, 1, (size_t)n, f);
		a += (uint64_t)n;
	}
	rc = 0;
out:
	fclose(f);
	return rc;
}

/* Split at top-level commas (not inside quotes or parentheses). */
static int split_commas(char *s, char **parts, int max)
{
	int n = 0, depth = 0;
	char quote = 0;

	parts[n++] = s;
	for (; *s; s++) {
		if (quote) {
			if (*s == '\\' && s[1])
				s++;
			else if (*s == quote)
				quote = 0;
		} else if (*s == '"' || *s == '\'') {
			quote = *s;
		} else if (*s == '(') {
			depth++;
		} else if (*s == ')') {
			depth--;
		} else if (*s == ',' && depth == 0 && n < max) {
			*s = '\0';
			parts[n++] = s + 1;
		}
	}
	return n;
}

int cmd_find(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = dbg_need_thread(d);
	struct expr_ctx *c = dbg_expr(d);
	uint8_t pat[256], *buf = NULL;
	size_t plen = 0, size = 0, len;
	uint64_t start, end, a, last = 0;
	char *parts[34], fmt[8] = "";
	int n, i, found = 0, rc = -1;

	(void)from_tty;
	if (!th || !c)
		return -1;
	if (parse_fmt(d, &args, fmt, sizeof(fmt)) < 0)
		return -1;
	for (i = 0; fmt[i]; i++)
		size = fmt[i] == 'b' ? 1 : fmt[i] == 'h' ? 2 :
		       fmt[i] == 'w' ? 4 : fmt[i] == 'g' ? 8 : size;
	n = split_commas(args, parts, 34);
	if (n < 3) {
		dbg_error(d, "Missing search parameters.");
		return -1;
	}
	if (dbg_eval_u64(d, parts[0], &start) < 0)
		return -1;
	parts[1] = cmd_skip_ws(parts[1]);
	if (parts[1][0] == '+') {
		if (dbg_eval_u64(d, parts[1] + 1, &len) < 0)
			return -1;
		end = start + len - 1;
	} else if (dbg_eval_u64(d, parts[1], &end) < 0) {
		return -1;
	}
	for (i = 2; i < n; i++) {
		char *p = cmd_skip_ws(parts[i]);
		size_t sz;

		if (*p == '"') {
			char *q = p + 1;

			while (*q && *q != '"' && plen < sizeof(pat))
				pat[plen++] = (uint8_t)*q++;
			continue;
		}
		{
			struct strbuf err = STRBUF_INIT;
			struct value v;
			int64_t x;

			rc = dbg_eval(d, th, p, &v, &err);
			if (rc == 0)
				rc = expr_value_as_long(c, &v, &x, &err);
			if (rc < 0) {
				expr_fail(d, &err, rc);
				sb_free(&err);
				return -1;
			}
			sb_free(&err);
			sz = size ? size : v.type && v.type->size &&
					   v.type->size <= 8 ? v.type->size : 4;
			if (plen + sz > sizeof(pat))
				break;
			memcpy(pat + plen, &x, sz);
			plen += sz;
		}
	}
	if (end < start || end - start + 1 < plen) {
		dbg_error(d, "Search space too small to contain pattern.");
		return -1;
	}
	len = end - start + 1;
	if (len > (64u << 20)) {
		dbg_error(d, "Search space too large.");
		return -1;
	}
	buf = malloc(len);
	if (!buf)
		return -1;
	for (a = 0; a < len;) {
		ssize_t got = dbg_read_mem(d, th, start + a, buf + a, len - a);

		if (got <= 0) {
			dbg_error(d, "Unable to access %zu bytes of target memory "
				  "at 0x%llx, halting search.", (size_t)(len - a),
				  (unsigned long long)(start + a));
			len = a;
			break;
		}
		a += (uint64_t)got;
	}
	for (a = 0; a + plen <= len; a++) {
		struct strbuf sb = STRBUF_INIT;
		struct symbolizer sym = dbg_symbolizer(d);

		if (memcmp(buf + a, pat, plen) != 0)
			continue;
		dbg_eval_in(d, th);
		sym_append_addr(&sb, &sym, start + a);
		dbg_eval_in(d, NULL);
		dbg_printf(d, "%s\n", sb_str(&sb));
		sb_free(&sb);
		last = start + a;
		found++;
	}
	if (found) {
		const struct ty *t = expr_type_lookup(c, "long");
		struct value v;

		dbg_printf(d, "%d pattern%s found.\n", found,
			   found == 1 ? "" : "s");
		if (t) {
			v = expr_value_int(t, last);
			expr_set_var(c, "_", &v);
			v = expr_value_int(t, (uint64_t)found);
			expr_set_var(c, "numfound", &v);
		}
	} else {
		dbg_printf(d, "Pattern not found.\n");
	}
	rc = 0;
	free(buf);
	return rc;
}

/* --- display --- */

static bool is_examine_fmt(const char *fmt)
{
	return fmt && (strchr(fmt, 'i') || strchr(fmt, 's'));
}

static void show_display(struct dbg *d, struct display *dp)
{
	struct dthread *th = d->cur;

	if (!dp->enabled || !th || !th->task || !task_is_stopped(th->task))
		return;
	if (is_examine_fmt(dp->fmt)) {
		struct strbuf err = STRBUF_INIT;
		struct xfmt_spec sp;
		struct value v;
		const char *e;
		char spec[32];
		uint64_t addr;
		struct xfmt_state save = d->data->xs;

		snprintf(spec, sizeof(spec), "/%s", dp->fmt);
		dbg_printf(d, "%d: x/%s %s\n", dp->num, dp->fmt, dp->expr);
		if (xfmt_parse(&d->data->xs, spec, &sp, &e, &err) == 0 &&
		    dbg_eval(d, th, dp->expr, &v, &err) == 0 &&
		    expr_value_as_address(dbg_expr(d), &v, &addr, &err) == 0)
			examine(d, th, &sp, addr);
		else
			dbg_error(d, "%s", sb_str(&err));
		/* display does not move x's next address */
		d->data->xs = save;
		sb_free(&err);
		return;
	}
	{
		struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
		int rc = print_special(d, dp->fmt ? dp->fmt : "", dp->expr,
				       &out, false);
		struct value v;

		if (rc == 0) {
			rc = dbg_eval(d, th, dp->expr, &v, &err);
			if (rc == 0) {
				dbg_eval_in(d, th);
				rc = expr_format_value(dbg_expr(d), &v,
						       dp->fmt ? dp->fmt[0] : 0,
						       &out, &err);
				dbg_eval_in(d, NULL);
			}
		}
		if (dp->fmt)
			dbg_printf(d, "%d: /%s %s = ", dp->num, dp->fmt,
				   dp->expr);
		else
			dbg_printf(d, "%d: %s = ", dp->num, dp->expr);
		if (rc >= 0)
			dbg_printf(d, "%s\n", sb_str(&out));
		else
			dbg_printf(d, "<error: %s>\n", sb_str(&err));
		sb_free(&out);
		sb_free(&err);
	}
}

void cmd_do_displays(struct dbg *d)
{
	struct display *dp;

	cmd_data_init(d);
	if (!d->data)
		return;
	for (dp = d->displays; dp; dp = dp->next)
		show_display(d, dp);
	fflush(d->out);
}

int cmd_display(struct dbg *d, char *args, bool from_tty)
{
	struct display *dp, **pp;
	char fmt[8], *expr = args;

	(void)from_tty;
	if (!*args) {
		cmd_do_displays(d);
		return 0;
	}
	if (parse_fmt(d, &expr, fmt, sizeof(fmt)) < 0)
		return -1;
	if (!*expr) {
		dbg_error(d, "Argument required (expression to compute).");
		return -1;
	}
	dp = calloc(1, sizeof(*dp));
	if (!dp)
		return -1;
	dp->num = d->next_display++;
	dp->fmt = fmt[0] ? strdup(fmt) : NULL;
	dp->expr = strdup(expr);
	dp->enabled = true;
	for (pp = &d->displays; *pp; pp = &(*pp)->next)
		;
	*pp = dp;
	cmd_data_init(d);
	if (d->data)
		show_display(d, dp);
	return 0;
}

int cmd_undisplay(struct dbg *d, char *args, bool from_tty)
{
	struct display **pp;
	char *w;

	(void)from_tty;
	if (!*args) {
		if (!dbg_query(d, "Delete all auto-display expressions? "))
			return 0;
		cmd_data_free(d);
		cmd_data_init(d);
		return 0;
	}
	while (*(w = cmd_word(&args))) {
		int num = atoi(w);
		bool found = false;

		for (pp = &d->displays; *pp; pp = &(*pp)->next) {
			struct display *dp = *pp;

			if (dp->num != num)
				continue;
			*pp = dp->next;
			free(dp->fmt);
			free(dp->expr);
			free(dp);
			found = true;
			break;
		}
		if (!found)
			dbg_error(d, "No display number %s.", w);
	}
	return 0;
}

int cmd_info_display(struct dbg *d, char *args, bool from_tty)
{
	struct display *dp;

	(void)args;
	(void)from_tty;
	if (!d->displays) {
		dbg_printf(d, "There are no auto-display expressions now.\n");
		return 0;
	}
	dbg_printf(d, "Auto-display expressions now in effect:\n"
		   "Num Enb Expression\n");
	for (dp = d->displays; dp; dp = dp->next)
		dbg_printf(d, "%d:   %c  %s%s%s%s\n", dp->num,
			   dp->enabled ? 'y' : 'n', dp->fmt ? "/" : "",
			   dp->fmt ? dp->fmt : "", dp->fmt ? " " : "",
			   dp->expr);
	return 0;
}

/* --- disassemble --- */

int cmd_disassemble(struct dbg *d, char *args, bool from_tty)
{
	struct dthread *th = dbg_need_thread(d);
	struct strbuf out = STRBUF_INIT, name = STRBUF_INIT;
	struct symbolizer sym = dbg_symbolizer(d);
	struct user_regs_struct r;
	struct dis_dump o = { 0 };
	struct mem_reader mr;
	struct dis *dis;
	struct addrspace *as;
	struct as_loc loc;
	char *parts[2];
	uint64_t fault = 0, addr;
	int rc;

	(void)from_tty;
	if (!th)
		return -1;
	dis = dbg_dis(d, th);
	if (!dis) {
		dbg_error(d, "No disassembler.");
		return -1;
	}
	while (*args == '/') {
		if (args[1] == 'r')
			o.raw = true;
		args = cmd_skip_ws(args + 2);
	}
	if (dbg_get_regs(d, th, &r) == 0) {
		o.has_pc = true;
		o.pc = r.rip;
	}
	if (*args && split_commas(args, parts, 2) == 2) {
		char *e = cmd_skip_ws(parts[1]);
		uint64_t len;

		if (dbg_eval_u64(d, parts[0], &o.start) < 0)
			return -1;
		if (*e == '+') {
			if (dbg_eval_u64(d, e + 1, &len) < 0)
				return -1;
			o.end = o.start + len;
		} else if (dbg_eval_u64(d, e, &o.end) < 0) {
			return -1;
		}
	} else {
		if (*args) {
			if (dbg_eval_u64(d, args, &addr) < 0)
				return -1;
		} else {
			addr = r.rip;
		}
		as = dbg_syms(d, th->proc);
		if (!as || as_locate(as, addr, &loc) < 0 || !loc.sym ||
		    !loc.sym->size) {
			dbg_error(d, "No function contains %s address.",
				  *args ? "specified" : "program counter for "
				  "selected frame");
			return -1;
		}
		sb_puts(&name, loc.sym->name);
		o.func = sb_str(&name);
		o.start = loc.sym_addr;
		o.end = loc.sym_addr + loc.sym->size;
	}
	mr = dbg_mem_reader(d, th);
	rc = dis_dump(dis, &out, &mr, &o, &sym, &fault);
	dbg_eval_in(d, NULL);
	dbg_printf(d, "%s", sb_str(&out));
	if (rc < 0)
		dbg_error(d, "Cannot access memory at address 0x%llx",
			  (unsigned long long)fault);
	sb_free(&out);
	sb_free(&name);
	return rc < 0 ? -1 : 0;
}

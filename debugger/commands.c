/* commands: the command table, gdb's lookup rules, settings, and the
 * input (libedit with history on a terminal; files; stdin).
 */
#include "debugger/commands.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "debugger/disasm.h"
#include "debugger/dl.h"

struct dbg_input {
	FILE *f;
	char *name;
	int line;
	bool owned;
	EditLine *el;
	History *hist;
	struct dbg_input *next;
};

static cmd_fn cmd_help, cmd_set, cmd_show, cmd_source, cmd_info_prefix,
	cmd_catch_prefix;

/* --- tables --- */

static const struct cmd info_cmds[] = {
	{ "address", 0, cmd_info_address, "Describe where symbol SYM is stored.", 0, NULL, NULL },
	{ "all-registers", 0, cmd_info_all_registers, "List of all registers and their contents, for selected stack frame.", 0, NULL, NULL },
	{ "breakpoints", 1, cmd_info_breakpoints, "Status of specified breakpoints (all user-settable breakpoints if no argument).", CMD_NOPROC, NULL, NULL },
	{ "display", 0, cmd_info_display, "Expressions to display when program stops.", CMD_NOPROC, NULL, NULL },
	{ "frame", 1, cmd_info_frame, "All about the selected stack frame.", 0, NULL, NULL },
	{ "inferiors", 0, cmd_info_inferiors, "Print a list of inferiors being managed.", CMD_NOPROC, NULL, NULL },
	{ "proc", 0, cmd_info_proc, "Show additional information about a process: info proc [mappings|cmdline|cwd|exe].", 0, NULL, NULL },
	{ "registers", 1, cmd_info_registers, "List of integer registers and their contents, for selected stack frame.", 0, NULL, NULL },
	{ "sharedlibrary", 0, cmd_info_sharedlibrary, "Status of loaded shared object libraries.", 0, NULL, "dll" },
	{ "siginfo", 0, cmd_info_siginfo, "The siginfo of the signal the selected thread stopped with (decoded).", 0, NULL, NULL },
	{ "signals", 0, cmd_info_signals, "What debugger does when program gets various signals.", CMD_NOPROC, NULL, "handle" },
	{ "symbol", 0, cmd_info_symbol, "Describe what symbol is at location ADDR.", 0, NULL, NULL },
	{ "syscall", 0, cmd_info_syscall, "The syscall a policy `trap` stopped at, decoded, and the rule.", 0, NULL, NULL },
	{ "threads", 0, cmd_info_threads, "Display currently known threads.", CMD_NOPROC, NULL, NULL },
	{ "watchpoints", 0, cmd_info_watchpoints, "Status of specified watchpoints (all watchpoints if no argument).", CMD_NOPROC, NULL, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL, NULL },
};

static const struct cmd catch_cmds[] = {
	{ "exec", 0, cmd_catch_exec, "Catch calls to exec.", CMD_NOPROC, NULL, NULL },
	{ "fork", 0, cmd_catch_fork, "Catch calls to fork.", CMD_NOPROC, NULL, NULL },
	{ "signal", 0, cmd_catch_signal, "Catch signals by their names and/or numbers.\nUsage: catch signal [[NAME|NUMBER] [NAME|NUMBER]...|all]", CMD_NOPROC, NULL, NULL },
	{ "syscall", 0, cmd_catch_syscall, "Catch system calls by their names, groups and/or numbers.\nUsage: catch syscall [NAME|NUMBER|@GROUP]...\nSyscalls are caught at entry and return. The tasks then run with\nPTRACE_SYSCALL (a stop at every syscall, not only those the seccomp\nfilter sends to jail), which is slower.", CMD_NOPROC, NULL, NULL },
	{ "vfork", 0, cmd_catch_vfork, "Catch calls to vfork.", CMD_NOPROC, NULL, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL, NULL },
};

static const struct cmd top_cmds[] = {
	{ "advance", 0, cmd_advance, "Continue the program up to the given location (same form as args for break command).", 0, NULL, NULL },
	{ "allow", 0, cmd_allow, "Allow the syscall a policy `trap` stopped at, and continue.", 0, NULL, NULL },
	{ "attach", 0, cmd_attach, "Attach to a process: attach PID.", CMD_NOPROC, NULL, NULL },
	{ "awatch", 0, cmd_awatch, "Set a watchpoint for an expression (read or write), with a debug register.", 0, NULL, NULL },
	{ "backtrace", 0, cmd_backtrace, "Print backtrace of all stack frames (by frame pointers): backtrace [N].", 0, NULL, "bt where" },
	{ "break", 1, cmd_break, "Set breakpoint at specified location: break LOCATION [if COND].\nLOCATION: FUNCTION, FUNCTION+OFFSET, *ADDRESS (an expression).", CMD_NOPROC, NULL, "br bre brea" },
	{ "catch", 0, cmd_catch_prefix, "Set catchpoints to catch events: catch syscall|signal|fork|vfork|exec.", CMD_NOPROC, catch_cmds, NULL },
	{ "commands", 0, cmd_commands, "Set commands to be executed when a breakpoint is hit: commands [N], lines, end.", CMD_NOPROC, NULL, NULL },
	{ "condition", 0, cmd_condition, "Specify breakpoint number N to break only if COND is true: condition N [COND].", CMD_NOPROC, NULL, NULL },
	{ "continue", 1, cmd_continue, "Continue program being debugged: continue [N] (ignore this breakpoint N-1 more times).", CMD_REPEAT, NULL, "fg cont" },
	{ "delete", 1, cmd_delete, "Delete all or some breakpoints: delete [N...].", CMD_NOPROC, NULL, NULL },
	{ "deny", 0, cmd_deny, "Deny the syscall a policy `trap` stopped at (deny [ERRNO], default EPERM), and continue.", 0, NULL, NULL },
	{ "detach", 0, cmd_detach, "Detach the process(es) being debugged; they run on untraced.", 0, NULL, NULL },
	{ "disable", 0, cmd_disable, "Disable all or some breakpoints: disable [N...].", CMD_NOPROC, NULL, "disa" },
	{ "disassemble", 0, cmd_disassemble, "Disassemble a specified section of memory: disassemble [/r] [ADDR|SYMBOL|START,END|START,+LEN].", 0, NULL, "disas" },
	{ "display", 0, cmd_display, "Print value of expression EXP each time the program stops: display[/FMT] EXP.", 0, NULL, NULL },
	{ "down", 0, cmd_down, "Select and print stack frame called by this one.", 0, NULL, NULL },
	{ "dump", 0, cmd_dump, "Dump memory to a file: dump memory FILE START END.", 0, NULL, NULL },
	{ "echo", 0, cmd_echo, "Print a constant string (\\n for a newline).", CMD_NOPROC, NULL, NULL },
	{ "enable", 0, cmd_enable, "Enable all or some breakpoints: enable [N...].", CMD_NOPROC, NULL, "en" },
	{ "find", 0, cmd_find, "Search memory for a sequence of bytes: find [/SIZE] START, END|+LEN, VAL1 [, VAL2...].", 0, NULL, NULL },
	{ "finish", 0, cmd_finish, "Execute until selected stack frame returns (by its return address).", 0, NULL, "fin" },
	{ "frame", 1, cmd_frame, "Select and print a stack frame: frame [N].", 0, NULL, NULL },
	{ "handle", 0, cmd_handle, "Specify how to handle signals: handle SIG... [no]stop [no]print [no]pass.", CMD_NOPROC, NULL, NULL },
	{ "hbreak", 0, cmd_hbreak, "Set a hardware assisted breakpoint (a debug register).", 0, NULL, NULL },
	{ "help", 1, cmd_help, "Print list of commands.", CMD_NOPROC, NULL, NULL },
	{ "ignore", 0, cmd_ignore, "Set ignore-count of breakpoint number N to COUNT: ignore N COUNT.", CMD_NOPROC, NULL, NULL },
	{ "inferior", 0, cmd_inferior, "Use this command to switch between inferiors: inferior N.", 0, NULL, NULL },
	{ "info", 1, cmd_info_prefix, "Generic command for showing things about the program being debugged.", CMD_NOPROC, info_cmds, "inf" },
	{ "interrupt", 0, cmd_interrupt_cmd, "Interrupt the execution of the debugged program.", CMD_NOPROC, NULL, NULL },
	{ "kill", 1, cmd_kill, "Kill execution of program being debugged.", 0, NULL, NULL },
	{ "next", 1, cmd_step_src, "Step program, proceeding through subroutine calls (needs line information: use nexti).", 0, NULL, NULL },
	{ "nexti", 0, cmd_nexti, "Step one instruction, but proceed through subroutine calls: nexti [N].", CMD_REPEAT, NULL, "ni" },
	{ "output", 0, cmd_output, "Like \"print\" but don't put in value history and don't print newline.", 0, NULL, NULL },
	{ "print", 1, cmd_print, "Print value of expression EXP: print[/FMT] EXP.", CMD_NOPROC, NULL, "inspect" },
	{ "queue-signal", 0, cmd_queue_signal, "Queue a signal to be delivered to the current thread when it is resumed.", 0, NULL, NULL },
	{ "quit", 1, cmd_quit, "Exit the debugger: kills what it launched, detaches what it attached.", CMD_NOPROC, NULL, "exit" },
	{ "return", 0, cmd_return, "Skip the syscall a policy `trap` stopped at, making it return VALUE, and continue.", 0, NULL, NULL },
	{ "run", 1, cmd_run, "Run the program on (jail -g starts it stopped at its first instruction).", 0, NULL, NULL },
	{ "rwatch", 0, cmd_rwatch, "Set a read watchpoint for an expression, with a debug register.", 0, NULL, NULL },
	{ "set", 0, cmd_set, "Evaluate expression EXP and assign result to variable VAR, or change a setting.", CMD_NOPROC, NULL, NULL },
	{ "show", 0, cmd_show, "Generic command for showing things about the debugger.", CMD_NOPROC, NULL, NULL },
	{ "signal", 0, cmd_signal, "Continue program with the specified signal: signal SIG (0: none).", 0, NULL, NULL },
	{ "source", 0, cmd_source, "Read commands from a file named FILE.", CMD_NOPROC, NULL, NULL },
	{ "step", 1, cmd_step_src, "Step program until it reaches a different source line (needs line information: use stepi).", 0, NULL, NULL },
	{ "stepi", 0, cmd_stepi, "Step one instruction exactly: stepi [N].", CMD_REPEAT, NULL, "si" },
	{ "stepsys", 0, cmd_stepsys, "Continue the current thread to its next syscall entry or exit (the others run too).", CMD_REPEAT, NULL, NULL },
	{ "start", 0, cmd_start, "Run the program to main (a temporary breakpoint there); jail -g starts it stopped at its first instruction.", 0, NULL, NULL },
	{ "tbreak", 0, cmd_tbreak, "Set a temporary breakpoint.", CMD_NOPROC, NULL, NULL },
	{ "tcatch", 0, cmd_tcatch, "Set temporary catchpoints to catch events.", CMD_NOPROC, NULL, NULL },
	{ "thread", 1, cmd_thread, "Use this command to switch between threads: thread [N], thread apply all|N... CMD, thread name NAME.", CMD_NOPROC, NULL, NULL },
	{ "undisplay", 0, cmd_undisplay, "Cancel some expressions to be displayed when program stops: undisplay [N...].", CMD_NOPROC, NULL, NULL },
	{ "until", 1, cmd_until, "Continue running until a location is reached: until LOCATION.", 0, NULL, NULL },
	{ "up", 0, cmd_up, "Select and print stack frame that called this one.", 0, NULL, NULL },
	{ "watch", 0, cmd_watch, "Set a watchpoint for an expression (written), with a debug register: 1, 2, 4 or 8 aligned bytes.", 0, NULL, NULL },
	{ "x", 1, cmd_x, "Examine memory: x/FMT ADDRESS.", CMD_REPEAT, NULL, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL, NULL },
};

/* --- lookup --- */

static bool has_alias(const struct cmd *c, const char *name)
{
	const char *a = c->aliases;
	size_t n = strlen(name);

	while (a && *a) {
		size_t len = strcspn(a, " ");

		if (len == n && strncmp(a, name, n) == 0)
			return true;
		a += len;
		while (*a == ' ')
			a++;
	}
	return false;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const struct cmd *cmd_lookup(const struct cmd *tab, const char *name,
			     struct strbuf *ambiguous)
{
	const struct cmd *c, *found = NULL;
	const char *names[64];
	size_t n = strlen(name), count = 0, i;

	if (!n)
		return NULL;
	for (c = tab; c->name; c++)
		if (strcmp(c->name, name) == 0 || has_alias(c, name))
			return c;
	for (c = tab; c->name; c++)
		if (c->min && n == c->min && strncmp(c->name, name, n) == 0)
			return c;
	for (c = tab; c->name; c++) {
		if (strncmp(c->name, name, n) != 0)
			continue;
		found = c;
		if (count < sizeof(names) / sizeof(*names))
			names[count++] = c->name;
	}
	if (count <= 1)
		return found;
	if (ambiguous) {
		qsort(names, count, sizeof(*names), cmp_str);
		for (i = 0; i < count; i++)
			sb_printf(ambiguous, "%s%s", i ? ", " : "", names[i]);
	}
	return NULL;
}

/* --- parsing helpers --- */

char *cmd_skip_ws(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

char *cmd_word(char **s)
{
	char *w = cmd_skip_ws(*s), *e = w;

	while (*e && !isspace((unsigned char)*e))
		e++;
	if (*e)
		*e++ = '\0';
	*s = e;
	return w;
}

static void trim_end(char *s)
{
	size_t n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
}

int cmd_count(struct dbg *d, const char *s, long *out)
{
	uint64_t v;

	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return 0;
	if (dbg_eval_u64(d, s, &v) < 0)
		return -1;
	*out = (long)v;
	return 0;
}

bool cmd_interactive(struct dbg *d)
{
	return d->input && d->input->el;
}

/* Split "name/fmt args" or "name args": the name is letters, digits,
 * '-' and '_'. */
static char *split_name(char *line, char **rest)
{
	char *s = cmd_skip_ws(line), *e = s;

	while (isalnum((unsigned char)*e) || *e == '-' || *e == '_')
		e++;
	if (e == s) {
		*rest = s;
		return NULL;
	}
	if (*e == '/' || *e == '$' || *e == '*' || *e == '{' || *e == '(') {
		/* p/x, x/4x: the args start right after the name. */
		size_t n = (size_t)(e - s);
		char *name = strndup(s, n);

		*rest = e;
		return name;
	}
	if (*e)
		*e++ = '\0';
	*rest = cmd_skip_ws(e);
	return strdup(s);
}

static void run_cmd(struct dbg *d, const struct cmd *tab, const char *what,
		    char *line, bool from_tty)
{
	struct strbuf amb = STRBUF_INIT;
	const struct cmd *c;
	char *rest, *name = split_name(line, &rest);

	if (!name) {
		if (*rest)
			dbg_error(d, "Undefined %scommand: \"%s\".  Try "
				  "\"help%s%s\".", what, rest, *what ? " " : "",
				  what);
		return;
	}
	c = cmd_lookup(tab, name, &amb);
	if (!c) {
		if (amb.len)
			dbg_error(d, "Ambiguous %scommand \"%s\": %s.", what,
				  name, sb_str(&amb));
		else
			dbg_error(d, "Undefined %scommand: \"%s\".  Try "
				  "\"help%s%.*s\".", what, name,
				  *what ? " " : "",
				  *what ? (int)strlen(what) - 1 : 0, what);
		goto out;
	}
	trim_end(rest);
	c->fn(d, rest, from_tty);
out:
	sb_free(&amb);
	free(name);
}

void dbg_execute(struct dbg *d, const char *line)
{
	cmd_dispatch(d, line, false);
}

void cmd_dispatch(struct dbg *d, const char *line, bool from_tty)
{
	char *copy, *s;

	copy = strdup(line);
	if (!copy)
		return;
	s = cmd_skip_ws(copy);
	trim_end(s);
	if (*s == '#') {
		free(copy);
		return;
	}
	if (!*s) {
		free(copy);
		if (!from_tty || !d->last_cmd)
			return;
		copy = strdup(d->last_cmd);
		if (!copy)
			return;
		s = copy;
	} else if (from_tty) {
		struct strbuf amb = STRBUF_INIT;
		char *rest, *tmp = strdup(s), *name;
		const struct cmd *c;

		free(d->last_cmd);
		d->last_cmd = NULL;
		name = tmp ? split_name(tmp, &rest) : NULL;
		c = name ? cmd_lookup(top_cmds, name, &amb) : NULL;
		if (c && (c->flags & CMD_REPEAT))
			/* A repeated x continues where it stopped. */
			d->last_cmd = strdup(c->fn == cmd_x ? "x" : s);
		free(name);
		free(tmp);
		sb_free(&amb);
	}
	d->cmd_depth++;
	run_cmd(d, top_cmds, "", s, from_tty);
	d->cmd_depth--;
	fflush(d->out);
	free(copy);
}

/* --- prefix commands --- */

static int list_sub(struct dbg *d, const struct cmd *tab, const char *what)
{
	const struct cmd *c;

	dbg_printf(d, "List of %s subcommands:\n\n", what);
	for (c = tab; c->name; c++)
		dbg_printf(d, "%s %s -- %.*s\n", what, c->name,
			   (int)strcspn(c->help, "\n"), c->help);
	return 0;
}

static int cmd_info_prefix(struct dbg *d, char *args, bool from_tty)
{
	if (!*args)
		return list_sub(d, info_cmds, "info");
	run_cmd(d, info_cmds, "info ", args, from_tty);
	return 0;
}

static int cmd_catch_prefix(struct dbg *d, char *args, bool from_tty)
{
	if (!*args)
		return list_sub(d, catch_cmds, "catch");
	run_cmd(d, catch_cmds, "catch ", args, from_tty);
	return 0;
}

int cmd_tcatch(struct dbg *d, char *args, bool from_tty)
{
	d->catch_temp = true;
	cmd_catch_prefix(d, args, from_tty);
	d->catch_temp = false;
	return 0;
}

static int cmd_help(struct dbg *d, char *args, bool from_tty)
{
	const struct cmd *tab = top_cmds, *c;
	struct strbuf amb = STRBUF_INIT;
	char *w;

	(void)from_tty;
	if (!*args) {
		dbg_printf(d, "List of commands:\n\n");
		for (c = top_cmds; c->name; c++)
			dbg_printf(d, "%s -- %.*s\n", c->name,
				   (int)strcspn(c->help, "\n"), c->help);
		dbg_printf(d, "\nType \"help\" followed by command name for "
			   "full documentation.\n");
		return 0;
	}
	w = cmd_word(&args);
	c = cmd_lookup(tab, w, &amb);
	if (c && c->sub && *cmd_skip_ws(args)) {
		char *w2 = cmd_word(&args);
		const struct cmd *s = cmd_lookup(c->sub, w2, NULL);

		if (s) {
			dbg_printf(d, "%s\n", s->help);
			goto out;
		}
	}
	if (!c) {
		if (amb.len)
			dbg_error(d, "Ambiguous command \"%s\": %s.", w,
				  sb_str(&amb));
		else
			dbg_error(d, "Undefined command: \"%s\".  Try "
				  "\"help\".", w);
		goto out;
	}
	dbg_printf(d, "%s\n", c->help);
	if (c->sub)
		list_sub(d, c->sub, c->name);
out:
	sb_free(&amb);
	return 0;
}

/* --- settings --- */

struct setting {
	const char *name;
	enum { SET_BOOL, SET_ENUM, SET_INT } kind;
	size_t off;			/* in struct dbg_settings */
	const char *const *values;	/* SET_ENUM, index = value */
	const char *show;		/* printf: the value as %s */
};

static const char *const flavors[] = { "att", "intel", NULL };
static const char *const fork_modes[] = { "parent", "child", NULL };
static const char *const sched_modes[] = { "off", "on", "step", "replay", NULL };

#define SOFF(f) offsetof(struct dbg_settings, f)
static const struct setting settings[] = {
	{ "confirm", SET_BOOL, SOFF(confirm), NULL,
	  "Whether to confirm potentially dangerous operations is %s." },
	{ "detach-on-fork", SET_BOOL, SOFF(detach_on_fork), NULL,
	  "Whether gdb will detach the child of a fork is %s." },
	{ "disassembly-flavor", SET_ENUM, SOFF(flavor), flavors,
	  "The disassembly flavor is \"%s\"." },
	{ "follow-fork-mode", SET_ENUM, SOFF(follow_child), fork_modes,
	  "Debugger response to a program call of fork or vfork is \"%s\"." },
	{ "height", SET_INT, SOFF(height), NULL,
	  "Number of lines gdb thinks are in a page is %s." },
	{ "pagination", SET_BOOL, SOFF(pagination), NULL,
	  "State of pagination is %s." },
	{ "scheduler-locking", SET_ENUM, SOFF(sched), sched_modes,
	  "Mode for locking scheduler during execution is \"%s\"." },
	{ "width", SET_INT, SOFF(width), NULL,
	  "Number of characters gdb thinks are in a line is %s." },
};

static const struct setting *find_setting(struct dbg *d, const char *name,
					  bool report)
{
	const struct setting *found = NULL;
	size_t i, n = strlen(name), count = 0;

	for (i = 0; i < sizeof(settings) / sizeof(*settings); i++) {
		if (strcmp(settings[i].name, name) == 0)
			return &settings[i];
		if (n && strncmp(settings[i].name, name, n) == 0) {
			found = &settings[i];
			count++;
		}
	}
	if (count == 1)
		return found;
	if (report && count > 1)
		dbg_error(d, "Ambiguous set command \"%s\".", name);
	return NULL;
}

static int parse_bool(const char *v, bool *out)
{
	static const char *const on[] = { "on", "1", "yes", "enable", NULL };
	static const char *const off[] = { "off", "0", "no", "disable", NULL };
	int i;

	if (!*v) {
		*out = true;
		return 0;
	}
	for (i = 0; on[i]; i++)
		if (strcmp(v, on[i]) == 0)
			return *out = true, 0;
	for (i = 0; off[i]; i++)
		if (strcmp(v, off[i]) == 0)
			return *out = false, 0;
	return -1;
}

static int cmd_set(struct dbg *d, char *args, bool from_tty)
{
	const struct setting *st;
	char *save = args, *w, *val;
	uint8_t *base = (uint8_t *)&d->set;

	(void)from_tty;
	if (!*args) {
		dbg_error(d, "Argument required (expression to compute).");
		return -1;
	}
	if (strncmp(args, "var ", 4) == 0 || strncmp(args, "variable ", 9) == 0) {
		w = cmd_word(&args);
		return cmd_set_var(d, cmd_skip_ws(args), from_tty);
	}
	if (strncmp(args, "print ", 6) == 0 || strncmp(args, "logging", 7) == 0)
		return 0;	/* accepted, no effect */
	w = cmd_word(&args);
	st = isalpha((unsigned char)*w) && !strchr(w, '=') ?
	     find_setting(d, w, false) : NULL;
	if (!st) {
		/* Not a setting: an assignment, as gdb's `set EXPR`. */
		if (*args)
			args[-1] = ' ';
		return cmd_set_expr(d, save, from_tty);
	}
	val = cmd_skip_ws(args);
	switch (st->kind) {
	case SET_BOOL: {
		bool b;

		if (parse_bool(val, &b) < 0) {
			dbg_error(d, "\"on\" or \"off\" expected.");
			return -1;
		}
		*(bool *)(base + st->off) = b;
		/* The engine cannot let one process go and keep the rest. */
		if (st->off == SOFF(detach_on_fork) && b) {
			*(bool *)(base + st->off) = false;
			dbg_error(d, "warning: detach-on-fork on is not "
				  "supported: every process of the tree stays "
				  "debugged.");
		}
		break;
	}
	case SET_ENUM: {
		int i;

		if (!*val) {
			struct strbuf sb = STRBUF_INIT;

			for (i = 0; st->values[i]; i++)
				sb_printf(&sb, "%s%s", i ? ", " : "",
					  st->values[i]);
			dbg_error(d, "Requires an argument. Valid arguments "
				  "are %s.", sb_str(&sb));
			sb_free(&sb);
			return -1;
		}
		for (i = 0; st->values[i]; i++)
			if (strcmp(st->values[i], val) == 0)
				break;
		if (!st->values[i]) {
			dbg_error(d, "Undefined item: \"%s\".", val);
			return -1;
		}
		/* "replay" behaves as "off" on a live process. */
		if (st->values == sched_modes && i == 3)
			i = 0;
		*(int *)(base + st->off) = i;
		if (st->values == flavors)
			dbg_flavor_changed(d);
		break;
	}
	case SET_INT:
		*(int *)(base + st->off) = atoi(val);
		break;
	}
	return 0;
}

static void show_one(struct dbg *d, const struct setting *st)
{
	const uint8_t *base = (const uint8_t *)&d->set;
	char num[32];
	const char *v;

	switch (st->kind) {
	case SET_BOOL:
		v = *(const bool *)(base + st->off) ? "on" : "off";
		break;
	case SET_ENUM:
		v = st->values[*(const int *)(base + st->off)];
		if (st->values == sched_modes &&
		    *(const int *)(base + st->off) == 0)
			v = "replay";
		break;
	default:
		snprintf(num, sizeof(num), "%d",
			 *(const int *)(base + st->off));
		v = *(const int *)(base + st->off) ? num : "unlimited";
		break;
	}
	{
		/* The template holds one %s for the value. */
		const char *at = strstr(st->show, "%s");

		dbg_printf(d, "%.*s%s%s\n", (int)(at - st->show), st->show, v,
			   at + 2);
	}
}

static int cmd_show(struct dbg *d, char *args, bool from_tty)
{
	const struct setting *st;
	size_t i;

	(void)from_tty;
	if (!*args) {
		for (i = 0; i < sizeof(settings) / sizeof(*settings); i++) {
			dbg_printf(d, "%s:  ", settings[i].name);
			show_one(d, &settings[i]);
		}
		return 0;
	}
	if (strcmp(args, "version") == 0) {
		dbg_printf(d, "jail's debugger (gdb-compatible commands, "
			   "minimal symbols)\n");
		return 0;
	}
	st = find_setting(d, args, true);
	if (!st) {
		dbg_error(d, "Undefined show command: \"%s\".  Try \"help "
			  "show\".", args);
		return -1;
	}
	show_one(d, st);
	return 0;
}

/* --- input --- */

static const char *prompt(EditLine *el)
{
	(void)el;
	return "(jail) ";
}

static void push_input(struct dbg *d, FILE *f, const char *name,
		       bool owned, bool tty)
{
	struct dbg_input *in = calloc(1, sizeof(*in));

	if (!in) {
		if (owned)
			fclose(f);
		return;
	}
	in->f = f;
	in->name = strdup(name);
	in->owned = owned;
	if (tty && dbg_need_lib(d, DL_EDIT, "line editing") < 0)
		tty = false;
	if (tty) {
		HistEvent ev;

		in->el = el_init("jail", f, d->out, d->err);
		in->hist = history_init();
		if (in->el && in->hist) {
			history(in->hist, &ev, H_SETSIZE, 1000);
			el_set(in->el, EL_HIST, history, in->hist);
			el_set(in->el, EL_PROMPT, prompt);
			el_set(in->el, EL_EDITOR, "emacs");
			el_set(in->el, EL_SIGNAL, 1);
		} else {
			if (in->el)
				el_end(in->el);
			if (in->hist)
				history_end(in->hist);
			in->el = NULL;
			in->hist = NULL;
		}
	}
	in->next = d->input;
	d->input = in;
}

static void pop_input(struct dbg *d)
{
	struct dbg_input *in = d->input;

	if (!in)
		return;
	d->input = in->next;
	if (in->el)
		el_end(in->el);
	if (in->hist)
		history_end(in->hist);
	if (in->owned)
		fclose(in->f);
	free(in->name);
	free(in);
}

static bool push_file(struct dbg *d, const char *path, bool quiet)
{
	FILE *f = fopen(path, "re");

	if (!f) {
		if (!quiet)
			dbg_error(d, "%s: %s.", path, strerror(errno));
		return false;
	}
	push_input(d, f, path, true, false);
	return true;
}

/* The next line of input, malloc'd; NULL when all input is used up. */
static char *read_line(struct dbg *d, bool *from_tty)
{
	while (d->input) {
		struct dbg_input *in = d->input;

		if (in->el) {
			int count = 0;
			const char *l;
			HistEvent ev;

			fflush(d->out);
			l = el_gets(in->el, &count);
			if (!l) {
				if (count < 0 && errno == EINTR) {
					dbg_printf(d, "Quit\n");
					continue;
				}
				dbg_printf(d, "quit\n");
				pop_input(d);
				continue;
			}
			if (*l && *l != '\n')
				history(in->hist, &ev, H_ENTER, l);
			*from_tty = true;
			return strdup(l);
		} else {
			char *buf = NULL;
			size_t n = 0;

			if (getline(&buf, &n, in->f) < 0) {
				free(buf);
				pop_input(d);
				continue;
			}
			in->line++;
			*from_tty = false;
			return buf;
		}
	}
	return NULL;
}

int dbg_read_block(struct dbg *d, char ***lines, size_t *n)
{
	char **v = NULL;
	size_t cnt = 0, cap = 0;

	*lines = NULL;
	*n = 0;
	if (cmd_interactive(d))
		dbg_printf(d, "Type commands for breakpoint(s), one per line.\n"
			   "End with a line saying just \"end\".\n");
	for (;;) {
		bool tty = false;
		char *l = read_line(d, &tty), *s;

		if (!l)
			break;
		s = cmd_skip_ws(l);
		trim_end(s);
		if (strcmp(s, "end") == 0) {
			free(l);
			break;
		}
		if (cnt == cap) {
			char **nv;

			cap = cap ? cap * 2 : 8;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv) {
				free(l);
				break;
			}
			v = nv;
		}
		memmove(l, s, strlen(s) + 1);
		v[cnt++] = l;
	}
	*lines = v;
	*n = cnt;
	return 0;
}

bool dbg_query(struct dbg *d, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	bool yes = true;
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	if (!cmd_interactive(d))
		dbg_printf(d, "%s(y or n) [answered Y; input not from "
			   "terminal]\n", sb_str(&sb));
	else if (d->set.confirm) {
		char buf[64];

		for (;;) {
			dbg_printf(d, "%s(y or n) ", sb_str(&sb));
			fflush(d->out);
			if (!fgets(buf, sizeof(buf), d->input->f)) {
				yes = true;
				break;
			}
			if (buf[0] == 'y' || buf[0] == 'Y') {
				yes = true;
				break;
			}
			if (buf[0] == 'n' || buf[0] == 'N') {
				yes = false;
				break;
			}
			dbg_printf(d, "Please answer y or n.\n");
		}
	}
	sb_free(&sb);
	return yes;
}

static int cmd_source(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	if (!*args) {
		dbg_error(d, "source command requires file name of file to "
			  "source.");
		return -1;
	}
	return push_file(d, args, false) ? 0 : -1;
}

void cmd_loop(struct dbg *d)
{
	while (d->action == ACT_NONE) {
		bool from_tty = false;
		char *line = read_line(d, &from_tty);

		if (!line) {
			/* Input used up (--batch, EOF): end the session. */
			d->quitting = true;
			if (d->finished || !dbg_has_process(d))
				d->action = ACT_QUIT;
			else
				dbg_end_session(d, ACT_QUIT);
			break;
		}
		cmd_dispatch(d, line, from_tty);
		free(line);
	}
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void cmd_startup(struct dbg *d)
{
	FILE *in = d->o.in ? d->o.in : stdin;
	const char *home = getenv("HOME");
	char path[4096];

	cmd_data_init(d);
	/* A stack: what is pushed last is read first. */
	if (d->o.interactive && !d->o.batch)
		push_input(d, in, "stdin", false, isatty(fileno(in)));
	if (d->o.script)
		push_file(d, d->o.script, false);
	if (!d->o.nx) {
		snprintf(path, sizeof(path), "%s/.jailrc", home ? home : "/");
		if (access(".jailrc", R_OK) == 0 && !same_file(".jailrc", path))
			push_file(d, ".jailrc", true);
		push_file(d, path, true);
	}
}

void cmd_free(struct dbg *d)
{
	while (d->input)
		pop_input(d);
	free(d->last_cmd);
	d->last_cmd = NULL;
	cmd_data_free(d);
}

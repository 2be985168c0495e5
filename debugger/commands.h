/* commands: the command table, its parser, and the input (internal to
 * debugger/).
 *
 * Commands are looked up as gdb does: an exact name or alias, else the
 * name's shortest abbreviation the table grants (min: "c" for continue),
 * else a unique prefix; several prefixes give gdb's "Ambiguous command"
 * message. `info`, `set`, `show`, `catch` and `thread apply` have tables
 * of their own. Handlers live in commands_*.c by family.
 */
#ifndef JAIL_DBG_COMMANDS_H
#define JAIL_DBG_COMMANDS_H

#include <stdbool.h>

#include "debugger/session.h"

/* A handler gets the text after the command name, trimmed (never NULL).
 * It prints its own errors and returns 0 or -1. */
typedef int cmd_fn(struct dbg *d, char *args, bool from_tty);

enum {
	CMD_REPEAT = 1,		/* an empty line repeats it */
	CMD_NOPROC = 2,		/* works without a stopped thread */
};

struct cmd {
	const char *name;
	unsigned min;		/* name[0..min) alone selects it; 0 none */
	cmd_fn *fn;
	const char *help;	/* first line: the summary `help` lists */
	unsigned flags;
	const struct cmd *sub;	/* prefix command's table, NULL-terminated */
	const char *aliases;	/* space-separated: "bt where" */
};

/* Look name up in a table (NULL-terminated by name). *ambiguous gets the
 * candidates ("condition, continue") when several match. */
const struct cmd *cmd_lookup(const struct cmd *tab, const char *name,
			     struct strbuf *ambiguous);

/* Run one line: empty lines repeat (from a terminal), # comments. */
void cmd_dispatch(struct dbg *d, const char *line, bool from_tty);
/* Read and run commands until one resumes or ends the session, or the
 * input runs out (then the session ends: --batch, EOF). */
void cmd_loop(struct dbg *d);
/* The first stop: ~/.jailrc, ./.jailrc (unless -nx), then -x FILE, then
 * the terminal or stdin. */
void cmd_startup(struct dbg *d);
void cmd_free(struct dbg *d);
/* `display` expressions, shown at each stop. */
void cmd_do_displays(struct dbg *d);
/* Whether input comes from a terminal now (messages gdb prints only
 * then: "Continuing.", "Will ignore next crossing..."). */
bool cmd_interactive(struct dbg *d);

/* Parsing helpers. */
char *cmd_skip_ws(char *s);
/* Next whitespace-separated word of *s (NUL-terminated in place). */
char *cmd_word(char **s);
/* A non-negative count ("", "3", "$1"): *out untouched when empty. */
int cmd_count(struct dbg *d, const char *s, long *out);

/* --- handlers, by family --- */
/* commands_run.c */
cmd_fn cmd_continue, cmd_stepi, cmd_nexti, cmd_until, cmd_advance,
	cmd_start, cmd_run,
	cmd_kill, cmd_detach, cmd_quit, cmd_stepsys, cmd_signal,
	cmd_queue_signal, cmd_allow, cmd_deny, cmd_return, cmd_attach,
	cmd_finish, cmd_step_src, cmd_interrupt_cmd;
/* commands_data.c */
cmd_fn cmd_print, cmd_x, cmd_set_expr, cmd_set_var, cmd_dump, cmd_find,
	cmd_display, cmd_undisplay, cmd_disassemble, cmd_output, cmd_echo;
/* commands_info.c */
cmd_fn cmd_info_registers, cmd_info_all_registers, cmd_info_threads,
	cmd_info_inferiors, cmd_info_symbol, cmd_info_address,
	cmd_info_sharedlibrary, cmd_info_proc, cmd_info_frame,
	cmd_info_siginfo, cmd_info_syscall, cmd_info_display,
	cmd_info_signals, cmd_backtrace, cmd_frame, cmd_up, cmd_down,
	cmd_thread, cmd_thread_apply, cmd_thread_name, cmd_inferior;
/* commands_bp.c */
cmd_fn cmd_break, cmd_tbreak, cmd_hbreak, cmd_watch, cmd_rwatch,
	cmd_awatch, cmd_delete, cmd_enable, cmd_disable, cmd_condition,
	cmd_ignore, cmd_commands, cmd_info_breakpoints,
	cmd_info_watchpoints, cmd_catch_syscall, cmd_catch_signal,
	cmd_catch_fork, cmd_catch_vfork, cmd_catch_exec, cmd_tcatch;
/* signals_dbg.c */
cmd_fn cmd_handle;

/* The x command's continuation and $_ after display/x (commands_data.c). */
void cmd_data_init(struct dbg *d);
void cmd_data_free(struct dbg *d);

#endif

/* The debugger's command language with no process: lookup and
 * abbreviations, gdb's error messages, settings, catchpoints and the
 * breakpoint table, the handle table, location specs. Output is
 * captured from the debugger's streams. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debugger/bp.h"
#include "debugger/commands.h"
#include "debugger/debugger.h"
#include "debugger/session.h"
#include "t.h"

static char *buf;
static size_t len;
static FILE *mem;

/* Run a command line; what it printed (stdout and stderr together). */
static const char *run(struct dbg *d, const char *line)
{
	static char *last;

	fflush(mem);
	free(last);
	last = NULL;
	{
		size_t start = len;

		cmd_dispatch(d, line, false);
		fflush(mem);
		last = strndup(buf + start, len - start);
	}
	return last;
}

int main(void)
{
	struct tracer_opts to = { 0 };
	struct dbg_opts o = { 0 };
	struct tracer *tr;
	struct dbg *d;
	struct loc_spec ls;

	mem = open_memstream(&buf, &len);
	if (!mem || tracer_create(&tr, &to) < 0)
		return 1;
	o.out = o.err = mem;
	if (dbg_create(&d, tr, &o, NULL) < 0)
		return 1;

	/* Lookup. */
	T_STREQ(run(d, "foo"), "Undefined command: \"foo\".  Try \"help\".\n",
		"unknown command");
	T_STREQ(run(d, "co"), "Ambiguous command \"co\": commands, condition, "
		"continue.\n", "ambiguous prefix lists the candidates");
	T_STREQ(run(d, "c"), "The program is not being run.\n",
		"c is continue");
	T_STREQ(run(d, "cont"), "The program is not being run.\n",
		"cont is continue");
	T_STREQ(run(d, "si"), "The program is not being run.\n", "si alias");
	T_STREQ(run(d, "bt"), "No stack.\n", "bt alias");
	T_STREQ(run(d, "info foo"), "Undefined info command: \"foo\".  Try "
		"\"help info\".\n", "unknown info subcommand");
	T_STREQ(run(d, "i b"), "No breakpoints or watchpoints.\n",
		"i b is info breakpoints");
	T_STREQ(run(d, "info s"), "Ambiguous info command \"s\": "
		"sharedlibrary, siginfo, signals, symbol, syscall.\n",
		"ambiguous info subcommand");
	T_STREQ(run(d, "info registers"), "The program has no registers now.\n",
		"registers need a process");
	T_STREQ(run(d, "# a comment"), "", "comments do nothing");
	T_STREQ(run(d, "echo a\\tb\\n"), "a\tb\n", "echo's escapes");

	/* Expressions without a process. */
	T_STREQ(run(d, "p 1 + 2"), "$1 = 3\n", "print a constant");
	T_STREQ(run(d, "p/x 255"), "$2 = 0xff\n", "print/x");
	T_STREQ(run(d, "p $rax"), "No registers.\n", "no registers");

	/* Settings. */
	T_STREQ(run(d, "show disassembly-flavor"),
		"The disassembly flavor is \"att\".\n", "default flavor");
	run(d, "set disassembly-flavor intel");
	T_STREQ(run(d, "show disassembly-flavor"),
		"The disassembly flavor is \"intel\".\n", "flavor set");
	T_STREQ(run(d, "set disassembly-flavor foo"),
		"Undefined item: \"foo\".\n", "bad flavor");
	T_STREQ(run(d, "show detach-on-fork"),
		"Whether gdb will detach the child of a fork is off.\n",
		"detach-on-fork defaults off");
	run(d, "set follow-fork-mode child");
	T_STREQ(run(d, "show follow-fork-mode"), "Debugger response to a "
		"program call of fork or vfork is \"child\".\n",
		"follow-fork-mode");

	/* Catchpoints and the table. */
	T_STREQ(run(d, "catch syscall write read"),
		"Catchpoint 1 (syscalls 'write' [1] 'read' [0])\n",
		"catch two syscalls");
	T_STREQ(run(d, "catch syscall"), "Catchpoint 2 (any syscall)\n",
		"catch any syscall");
	T_STREQ(run(d, "catch syscall nosuchcall"),
		"Unknown syscall name 'nosuchcall'.\n", "unknown syscall");
	T_STREQ(run(d, "catch signal SIGUSR1 SIGUSR2"),
		"Catchpoint 3 (signals SIGUSR1 SIGUSR2)\n", "catch signals");
	T_STREQ(run(d, "catch fork"), "Catchpoint 4 (fork)\n", "catch fork");
	T_STREQ(run(d, "break nosuch"), "Function \"nosuch\" not defined.\n"
		"Breakpoint 5 (nosuch) pending.\n", "pending breakpoint");
	T_STREQ(run(d, "condition 5 $rdi == 3"), "", "condition set");
	T_STREQ(run(d, "ignore 5 2"),
		"Will ignore next 2 crossings of breakpoint 5.\n", "ignore");
	T_STREQ(run(d, "info breakpoints"),
		"Num     Type           Disp Enb Address            What\n"
		"1       catchpoint     keep y                      syscalls \"write, read\" \n"
		"2       catchpoint     keep y                      syscall \"<any syscall>\" \n"
		"3       catchpoint     keep y                      SIGUSR1 SIGUSR2\n"
		"4       catchpoint     keep y                      fork\n"
		"5       breakpoint     keep y   <PENDING>          nosuch\n"
		"\tstop only if $rdi == 3\n"
		"\tWill ignore next 2 crossings of breakpoint.\n",
		"the breakpoint table");
	T_STREQ(run(d, "delete 9"), "No breakpoint number 9.\n",
		"delete unknown");
	run(d, "delete 2 4-5");
	run(d, "disable 3");
	T_STREQ(run(d, "info breakpoints"),
		"Num     Type           Disp Enb Address            What\n"
		"1       catchpoint     keep y                      syscalls \"write, read\" \n"
		"3       catchpoint     keep n                      SIGUSR1 SIGUSR2\n",
		"after delete and disable");
	T_STREQ(run(d, "condition 1"), "Breakpoint 1 now unconditional.\n",
		"condition removed");

	/* The handle table: gdb's defaults, and changes. */
	T_STREQ(run(d, "info signals SIGINT"),
		"Signal        Stop\tPrint\tPass to program\tDescription\n"
		"SIGINT        Yes\tYes\tNo\t\tInterrupt\n", "SIGINT default");
	T_STREQ(run(d, "info signals SIGALRM"),
		"Signal        Stop\tPrint\tPass to program\tDescription\n"
		"SIGALRM       No\tNo\tYes\t\tAlarm clock\n", "SIGALRM default");
	run(d, "handle SIGUSR1 nostop noprint nopass");
	T_STREQ(run(d, "info signals 10"),
		"Signal        Stop\tPrint\tPass to program\tDescription\n"
		"SIGUSR1       No\tNo\tNo\t\tUser defined signal 1\n",
		"handle changed SIGUSR1");
	run(d, "handle SIGUSR1 print");
	T_STREQ(run(d, "info signals SIGUSR1"),
		"Signal        Stop\tPrint\tPass to program\tDescription\n"
		"SIGUSR1       No\tYes\tNo\t\tUser defined signal 1\n",
		"print without stop");
	run(d, "handle SIG34 nostop");
	T_STREQ(run(d, "info signals SIG34"),
		"Signal        Stop\tPrint\tPass to program\tDescription\n"
		"SIG34         No\tYes\tYes\t\tReal-time event 34\n",
		"a real-time signal");

	/* Location specs. */
	T_OK(loc_parse("main", &ls) == 0 && ls.kind == LOC_SYMBOL &&
	     strcmp(ls.sym, "main") == 0 && ls.offset == 0, "loc: symbol");
	loc_spec_free(&ls);
	T_OK(loc_parse("main + 0x10", &ls) == 0 && ls.kind == LOC_SYMBOL &&
	     strcmp(ls.sym, "main") == 0 && ls.offset == 16, "loc: sym+off");
	loc_spec_free(&ls);
	T_OK(loc_parse("*0x401136", &ls) == 0 && ls.kind == LOC_ADDRESS &&
	     strcmp(ls.expr, "0x401136") == 0, "loc: *address");
	loc_spec_free(&ls);
	T_OK(loc_parse("dbgc.c:12", &ls) == 0 && ls.kind == LOC_LINE &&
	     strcmp(ls.file, "dbgc.c") == 0 && ls.line == 12, "loc: file:line");
	loc_spec_free(&ls);
	T_OK(loc_parse("main+x", &ls) < 0, "loc: bad offset");
	loc_spec_free(&ls);
	T_OK(sig_parse("SIGUSR1") == 10 && sig_parse("USR1") == 10 &&
	     sig_parse("10") == 10 && sig_parse("SIG34") == 34 &&
	     sig_parse("foo") < 0, "signal names");

	dbg_destroy(d);
	tracer_destroy(tr);
	fclose(mem);
	free(buf);
	return T_DONE();
}

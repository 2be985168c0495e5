/* signals_dbg: the `handle` table (stop, print, pass per signal), gdb's
 * defaults and its names and descriptions for signals.
 */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debugger/commands.h"
#include "tracer/xlat.h"

/* gdb's descriptions (its signals.def), by Linux number. */
static const char *const descriptions[32] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Arithmetic exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child status changed",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped (user)",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window size changed",
	[SIGIO] = "I/O possible",
	[SIGPWR] = "Power fail/restart",
	[SIGSYS] = "Bad system call",
};

const char *sig_description(int sig)
{
	static char buf[32];

	if (sig > 0 && sig < 32 && descriptions[sig])
		return descriptions[sig];
	snprintf(buf, sizeof(buf), "Real-time event %d", sig);
	return buf;
}

const char *sig_gdb_name(int sig, char *buf, size_t n)
{
	if (sig > 0 && sig < 32) {
		const char *s = signal_name(sig);

		snprintf(buf, n, "%s", s ? s : "?");
	} else {
		snprintf(buf, n, "SIG%d", sig);
	}
	return buf;
}

int sig_parse(const char *s)
{
	char *end;
	long v;

	if (isdigit((unsigned char)*s)) {
		v = strtol(s, &end, 10);
		return *end || v < 0 || v > 64 ? -1 : (int)v;
	}
	if (strncmp(s, "SIG", 3) == 0 && isdigit((unsigned char)s[3])) {
		v = strtol(s + 3, &end, 10);
		return *end || v < 1 || v > 64 ? -1 : (int)v;
	}
	return signal_parse(s);
}

void sig_handle_init(struct dbg *d)
{
	static const int quiet[] = { SIGALRM, SIGURG, SIGIO, SIGVTALRM,
				     SIGPROF, SIGCHLD, SIGWINCH };
	size_t i;
	int s;

	for (s = 1; s <= 64; s++)
		d->handle[s] = (struct sig_handle){ true, true, true };
	for (i = 0; i < sizeof(quiet) / sizeof(*quiet); i++) {
		d->handle[quiet[i]].stop = false;
		d->handle[quiet[i]].print = false;
	}
	/* The debugger's own. */
	d->handle[SIGINT].pass = false;
	d->handle[SIGTRAP].pass = false;
}

static void header(struct dbg *d)
{
	dbg_printf(d, "Signal        Stop\tPrint\tPass to program\tDescription\n");
}

static void row(struct dbg *d, int s)
{
	const struct sig_handle *h = &d->handle[s];
	char name[16];

	dbg_printf(d, "%-14s%s\t%s\t%s\t\t%s\n",
		   sig_gdb_name(s, name, sizeof(name)), h->stop ? "Yes" : "No",
		   h->print ? "Yes" : "No", h->pass ? "Yes" : "No",
		   sig_description(s));
}

int sig_cmd_info(struct dbg *d, const char *args)
{
	int s;

	if (*args) {
		s = sig_parse(args);
		if (s <= 0) {
			dbg_error(d, "Only signals 1-15 are valid as numeric "
				  "signals.\nUse \"info signals\" for a list of "
				  "symbolic signals.");
			return -1;
		}
		header(d);
		row(d, s);
		return 0;
	}
	header(d);
	dbg_printf(d, "\n");
	for (s = 1; s <= 64; s++)
		if (s != SIGKILL && s != SIGSTOP)
			row(d, s);
	dbg_printf(d, "\nUse the \"handle\" command to change these tables.\n");
	return 0;
}

int cmd_info_signals(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return sig_cmd_info(d, args);
}

/* Apply one action word to the signals marked in sel. */
static int apply(struct dbg *d, const bool *sel, const char *w)
{
	int s;

	for (s = 1; s <= 64; s++) {
		struct sig_handle *h = &d->handle[s];

		if (!sel[s])
			continue;
		if (strcmp(w, "stop") == 0)
			h->stop = h->print = true;
		else if (strcmp(w, "nostop") == 0)
			h->stop = false;
		else if (strcmp(w, "print") == 0)
			h->print = true;
		else if (strcmp(w, "noprint") == 0)
			h->print = h->stop = false;
		else if (strcmp(w, "pass") == 0 || strcmp(w, "noignore") == 0)
			h->pass = true;
		else if (strcmp(w, "nopass") == 0 || strcmp(w, "ignore") == 0)
			h->pass = false;
		else
			return -1;
	}
	return 0;
}

int sig_cmd_handle(struct dbg *d, const char *args)
{
	bool sel[65] = { false }, any = false;
	char *copy = strdup(args), *p = copy, *w;
	int s, rc = -1;

	if (!copy)
		return -1;
	if (!*args) {
		dbg_error(d, "Argument required (signal to handle).");
		goto out;
	}
	while (*(w = cmd_word(&p))) {
		char *dash = strchr(w, '-');

		if (isalpha((unsigned char)*w) && apply(d, sel, w) == 0 &&
		    strncmp(w, "SIG", 3) != 0) {
			if (!any) {
				dbg_error(d, "Unrecognized or ambiguous flag "
					  "word: \"%s\".", w);
				goto out;
			}
			continue;
		}
		if (strcmp(w, "all") == 0) {
			for (s = 1; s <= 64; s++)
				/* gdb's "all" leaves its own signals alone */
				sel[s] = s != SIGINT && s != SIGTRAP;
			any = true;
			continue;
		}
		if (isdigit((unsigned char)*w) && dash) {
			int lo = atoi(w), hi = atoi(dash + 1);

			for (s = lo; s <= hi && s <= 64; s++)
				if (s > 0)
					sel[s] = true;
			any = true;
			continue;
		}
		s = sig_parse(w);
		if (s <= 0 || s == SIGKILL || s == SIGSTOP) {
			if (s == SIGKILL || s == SIGSTOP)
				dbg_error(d, "%s is used by the debugger.\n"
					  "Are you sure you want to change it? "
					  "(y or n) [answered N; input not "
					  "from terminal]", w);
			else
				dbg_error(d, "Unrecognized or ambiguous flag "
					  "word: \"%s\".", w);
			goto out;
		}
		sel[s] = true;
		any = true;
	}
	rc = 0;
	if (cmd_interactive(d)) {
		header(d);
		for (s = 1; s <= 64; s++)
			if (sel[s])
				row(d, s);
	}
out:
	free(copy);
	return rc;
}

int cmd_handle(struct dbg *d, char *args, bool from_tty)
{
	(void)from_tty;
	return sig_cmd_handle(d, args);
}

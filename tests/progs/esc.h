/* esc.h: what every escape program of tests/progs/esc_*.c shares. */
#ifndef JAIL_ESC_H
#define JAIL_ESC_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The verdict protocol of tests/integ/hardening.sh: one line on stdout,
 * then exit 1 (ESCAPED), 0 (BLOCKED), 2 (SETUP: the attempt could not be
 * made) or 3 (WRONG: stopped, but not the way jail promises). */
enum verdict { BLOCKED, ESCAPED, SETUP, WRONG };

static inline void __attribute__((noreturn, format(printf, 2, 3)))
verdict(enum verdict v, const char *fmt, ...)
{
	static const char *const word[] = {
		"BLOCKED", "ESCAPED", "SETUP", "WRONG",
	};
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (char *c = msg; *c; c++)	/* one line, whatever it quotes */
		if ((unsigned char)*c < ' ')
			*c = ' ';
	/* one write(2), no stdio buffer: the line survives a kill */
	dprintf(1, "%s: %s\n", word[v], msg);
	_exit(v);
}

/* "EACCES" for EACCES. */
static inline const char *en(int e)
{
	const char *s = strerrorname_np(e);

	return s ? s : "E?";
}

#endif

/* Helpers for unit tests that compare with gdb run at test time. */
#ifndef JAIL_TEST_GDB_H
#define JAIL_TEST_GDB_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tracer/strbuf.h"

static void sh_quote(struct strbuf *sb, const char *s)
{
	sb_putc(sb, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_puts(sb, "'\\''");
		else
			sb_putc(sb, *s);
	}
	sb_putc(sb, '\'');
}

static bool have_gdb(void)
{
	return system("gdb --version >/dev/null 2>&1") == 0;
}

/* Drop gdb's noise lines (index cache warnings). */
static inline void strip_noise(struct strbuf *sb)
{
	struct strbuf o = STRBUF_INIT;
	const char *p = sb_str(sb), *nl;

	for (; *p; p = nl) {
		nl = strchr(p, '\n');
		nl = nl ? nl + 1 : p + strlen(p);
		if (!strncmp(p, "warning: Couldn't determine a path", 34))
			continue;
		sb_append(&o, p, nl - p);
	}
	sb_reset(sb);
	sb_puts(sb, sb_str(&o));
	sb_free(&o);
}

/* Run a shell command; its output (stdout) appended to out. */
static int run_cmd(const char *cmd, struct strbuf *out)
{
	char buf[4096];
	size_t r;
	FILE *p = popen(cmd, "r");

	if (!p)
		return -errno;
	while ((r = fread(buf, 1, sizeof(buf), p)) > 0)
		sb_append(out, buf, r);
	return pclose(p) == 0 ? 0 : -EIO;
}

/* Run gdb -batch on file with the commands; stdout and stderr merged, as
 * a user sees them. */
static int run_gdb(const char *file, const char *const *cmds, size_t n,
		   struct strbuf *out)
{
	struct strbuf cmd = STRBUF_INIT;
	size_t i;
	int err;

	sb_puts(&cmd, "env LC_ALL=C HOME=/tmp gdb -batch -nx");
	for (i = 0; i < n; i++) {
		sb_puts(&cmd, " -ex ");
		sh_quote(&cmd, cmds[i]);
	}
	sb_putc(&cmd, ' ');
	sh_quote(&cmd, file);
	sb_puts(&cmd, " 2>&1");
	err = run_cmd(sb_str(&cmd), out);
	sb_free(&cmd);
	return err;
}

/* build/progs/dbg_target, built here when make progs has not run. */
static const char *target_path(void)
{
	static char path[4096];

	if (access("build/progs/dbg_target", X_OK) &&
	    system("mkdir -p build/progs && cc -std=gnu17 -O1 -g -D_GNU_SOURCE"
		   " -o build/progs/dbg_target tests/progs/dbg_target.c"
		   " -lpthread"))
		return NULL;
	return realpath("build/progs/dbg_target", path);
}

#endif

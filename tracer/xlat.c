/* xlat: constant tables (stub, being filled). */
#include "xlat.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define EMPTY(var, fam, k) \
	const struct xlat var = { .family = fam, .kind = k }

EMPTY(xlat_open_flags, "open_flags", XLAT_FLAGS);
EMPTY(xlat_at_flags, "at_flags", XLAT_FLAGS);
EMPTY(xlat_af, "af", XLAT_ENUM);
EMPTY(xlat_sock_type, "sock_type", XLAT_FLAGS);
EMPTY(xlat_prot, "prot", XLAT_FLAGS);
EMPTY(xlat_map_flags, "map_flags", XLAT_FLAGS);
EMPTY(xlat_clone_flags, "clone_flags", XLAT_FLAGS);
EMPTY(xlat_fcntl_cmd, "fcntl_cmd", XLAT_ENUM);
EMPTY(xlat_prctl_opt, "prctl_opt", XLAT_ENUM);
EMPTY(xlat_signal, "signal", XLAT_ENUM);
EMPTY(xlat_errno, "errno", XLAT_ENUM);
EMPTY(xlat_access_mode, "access_mode", XLAT_FLAGS);
EMPTY(xlat_wait_options, "wait_options", XLAT_FLAGS);
EMPTY(xlat_ioctl_cmd, "ioctl_cmd", XLAT_ENUM);
EMPTY(xlat_ptrace_req, "ptrace_req", XLAT_ENUM);
EMPTY(xlat_seccomp_op, "seccomp_op", XLAT_ENUM);
EMPTY(xlat_si_code_generic, "si_code", XLAT_ENUM);
EMPTY(xlat_at_dirfd, "at_dirfd", XLAT_ENUM);

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (x->ents[i].val == val)
			return x->ents[i].name;
	return NULL;
}

void xlat_format(struct strbuf *sb, const struct xlat *x, uint64_t val)
{
	const char *n = xlat_name(x, val);

	if (n)
		sb_puts(sb, n);
	else
		sb_printf(sb, "%#llx", (unsigned long long)val);
}

int xlat_parse_in(const struct xlat *x, const char *name, uint64_t *val)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->ents[i].name, name) == 0) {
			*val = x->ents[i].val;
			return 0;
		}
	return -ENOENT;
}

int xlat_parse(const char *name, uint64_t *val)
{
	(void)name, (void)val;
	return -ENOENT;
}

const char *xlat_suggest(const char *name)
{
	(void)name;
	return NULL;
}

const char *errno_name(int err)
{
	(void)err;
	return NULL;
}

int errno_parse(const char *name)
{
	(void)name;
	return -1;
}

const char *signal_name(int sig)
{
	(void)sig;
	return NULL;
}

int signal_parse(const char *name)
{
	(void)name;
	return -1;
}

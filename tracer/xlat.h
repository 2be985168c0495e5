/* xlat: constant tables that translate both ways.
 *
 * Value to name for decoding (O_RDONLY|O_CLOEXEC), name to value for parsing
 * policies (the same spelling). One table per family; the decoder, the
 * policy parser and the tests all read the same tables.
 */
#ifndef JAIL_XLAT_H
#define JAIL_XLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

struct xlat_ent {
	uint64_t val;
	const char *name;
};

enum xlat_kind {
	XLAT_ENUM,	/* one value: AF_INET, F_GETFL, SIGSEGV */
	XLAT_FLAGS,	/* a bit mask: O_CLOEXEC|O_NONBLOCK */
};

struct xlat {
	const char *family;	/* "open_flags", "af", "signal", ... */
	enum xlat_kind kind;
	const struct xlat_ent *ents;
	size_t n;
	/* For XLAT_FLAGS with an enumerated low field (O_ACCMODE): the field's
	 * mask and the table that names its values; 0/NULL when none. */
	uint64_t field_mask;
	const struct xlat *field;
};

/* Tables the rest of the program names directly. */
extern const struct xlat xlat_open_flags, xlat_at_flags, xlat_af,
	xlat_sock_type, xlat_prot, xlat_map_flags, xlat_clone_flags,
	xlat_fcntl_cmd, xlat_prctl_opt, xlat_signal, xlat_errno,
	xlat_access_mode, xlat_wait_options, xlat_ioctl_cmd, xlat_ptrace_req,
	xlat_seccomp_op, xlat_si_code_generic, xlat_at_dirfd;

/* The name of val in an ENUM table, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t val);
/* Append val decoded: an ENUM as its name or the number; FLAGS as
 * NAME|NAME|0xrest, "0" when val is 0 and no flag names 0. */
void xlat_format(struct strbuf *sb, const struct xlat *x, uint64_t val);
/* Look a constant's name up in one table; 0 or -ENOENT. */
int xlat_parse_in(const struct xlat *x, const char *name, uint64_t *val);
/* Look a constant's name up in every table (for policy values);
 * 0 or -ENOENT. Names that mean different values in two tables are
 * resolved by the first table registered (documented in xlat.c). */
int xlat_parse(const char *name, uint64_t *val);
/* For "did you mean": the known constant closest to name, or NULL. */
const char *xlat_suggest(const char *name);

/* errno helpers: "ENOENT" <-> 2. */
const char *errno_name(int err);
int errno_parse(const char *name);	/* the number, or -1 */
/* Signal helpers: "SIGSEGV" <-> 11, also "SEGV", "SIGRTMIN+3". */
const char *signal_name(int sig);	/* static buffer for RT signals */
int signal_parse(const char *name);	/* the number, or -1 */

#endif

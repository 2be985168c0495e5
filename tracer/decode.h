/* decode: turn syscall arguments, return values and siginfo into text
 * (strace's shape) or JSON values (for the audit log).
 *
 * Decoding never talks to ptrace: tracee memory comes through a
 * mem_reader, so the decoder is unit-tested against a fake address space.
 */
#ifndef JAIL_DECODE_H
#define JAIL_DECODE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "strbuf.h"
#include "systab.h"

struct mem_reader {
	/* Copy up to len bytes at addr into buf; return the count copied
	 * (short at an unmapped page) or -errno. */
	ssize_t (*read)(void *ctx, uint64_t addr, void *buf, size_t len);
	void *ctx;
};

enum decode_style {
	DECODE_TEXT,	/* openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) */
	DECODE_JSON,	/* {"dirfd":"AT_FDCWD","pathname":"/etc/passwd",...} */
};

/* Limits on what is read from the tracee for display. */
enum {
	DECODE_STR_MAX = 4096,	/* bytes of one path or string */
	DECODE_BUF_MAX = 64,	/* bytes of a data buffer */
	DECODE_ARGV_MAX = 64,	/* strings of an argv */
};

/* Append the arguments of a syscall at entry. TEXT: "name(args)" without
 * the return value. JSON: an object keyed by argument name. e may be NULL
 * (unknown syscall): the raw numbers are shown. */
void decode_syscall(struct strbuf *sb, enum decode_style st,
		    const struct sc_ent *e, long nr, const uint64_t args[6],
		    const struct mem_reader *mr);
/* Append a return value: TEXT "3", "-1 ENOENT (No such file or directory)";
 * JSON a number, or a string "-ENOENT" for errors. */
void decode_retval(struct strbuf *sb, enum decode_style st,
		   const struct sc_ent *e, long ret);
/* Append a siginfo: TEXT {si_signo=SIGCHLD, si_code=CLD_EXITED, ...};
 * JSON an object with the same fields. */
void decode_siginfo(struct strbuf *sb, enum decode_style st,
		    const siginfo_t *si);
/* Read a NUL-terminated string of at most max bytes at addr into a new
 * buffer (caller frees). *truncated is set when no NUL came within max.
 * Returns NULL with errno set when nothing could be read. */
char *decode_read_str(const struct mem_reader *mr, uint64_t addr,
		      size_t max, size_t *len, bool *truncated);
/* Read a NULL-terminated array of strings (argv); NULL-terminated result,
 * at most max entries (caller frees with decode_free_strv). */
char **decode_read_strv(const struct mem_reader *mr, uint64_t addr,
			enum sc_abi abi, size_t max, bool *truncated);
void decode_free_strv(char **v);

#endif

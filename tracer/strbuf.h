/* strbuf: a growable byte buffer for building log records and decoded text.
 *
 * Allocation failure is sticky: a failed append sets .oom and later appends
 * are no-ops, so callers check once at the end instead of after every call.
 */
#ifndef JAIL_STRBUF_H
#define JAIL_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *buf;	/* always NUL-terminated once anything was appended */
	size_t len;
	size_t cap;
	bool oom;
};

#define STRBUF_INIT { 0 }

void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);		/* len = 0, keeps the memory */
void sb_putc(struct strbuf *sb, char c);
void sb_append(struct strbuf *sb, const void *p, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* The contents as a C string ("" when empty); valid until the next append. */
const char *sb_str(const struct strbuf *sb);

/* Append n bytes as a quoted JSON string. Control characters are escaped;
 * bytes that are not valid UTF-8 are written as lone surrogates \udcXX
 * (Python's "surrogateescape"), so the original bytes can be recovered. */
void sb_json_str(struct strbuf *sb, const void *p, size_t n);
/* Append n bytes as a quoted C string the way strace prints them:
 * printable ASCII as is, the rest as \n, \t, \xNN. */
void sb_c_str(struct strbuf *sb, const void *p, size_t n);

#endif

#include "strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need, cap;
	char *p;

	if (sb->oom)
		return false;
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return true;
	cap = sb->cap ? sb->cap : 256;
	while (cap < need)
		cap *= 2;
	p = realloc(sb->buf, cap);
	if (!p) {
		sb->oom = true;
		return false;
	}
	sb->buf = p;
	sb->cap = cap;
	return true;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	*sb = (struct strbuf)STRBUF_INIT;
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->oom = false;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_append(struct strbuf *sb, const void *p, size_t n)
{
	if (!sb_grow(sb, n))
		return;
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_append(sb, &c, 1);
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_append(sb, s, strlen(s));
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || !sb_grow(sb, (size_t)n))
		return;
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0 if it is not one.
 * Overlong forms, surrogates and code points past U+10FFFF are invalid. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	uint32_t cp;
	size_t len, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, cp = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void sb_json_str(struct strbuf *sb, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i = 0, k;

	sb_putc(sb, '"');
	while (i < n) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\') {
			sb_putc(sb, '\\');
			sb_putc(sb, (char)c);
			i++;
		} else if (c == '\n') {
			sb_puts(sb, "\\n"), i++;
		} else if (c == '\t') {
			sb_puts(sb, "\\t"), i++;
		} else if (c == '\r') {
			sb_puts(sb, "\\r"), i++;
		} else if (c < 0x20 || c == 0x7f) {
			sb_printf(sb, "\\u%04x", c), i++;
		} else if ((k = utf8_seq(s + i, n - i)) != 0) {
			sb_append(sb, s + i, k);
			i += k;
		} else {
			sb_printf(sb, "\\udc%02x", c), i++;
		}
	}
	sb_putc(sb, '"');
}

void sb_c_str(struct strbuf *sb, const void *p, size_t n)
{
	static const char esc[] = "\a\b\t\n\v\f\r";
	static const char let[] = "abtnvfr";
	const unsigned char *s = p;
	size_t i;

	sb_putc(sb, '"');
	for (i = 0; i < n; i++) {
		const char *e = s[i] ? strchr(esc, s[i]) : NULL;

		if (s[i] == '"' || s[i] == '\\') {
			sb_putc(sb, '\\');
			sb_putc(sb, (char)s[i]);
		} else if (e) {
			sb_putc(sb, '\\');
			sb_putc(sb, let[e - esc]);
		} else if (s[i] < 0x20 || s[i] >= 0x7f) {
			sb_printf(sb, "\\x%02x", s[i]);
		} else {
			sb_putc(sb, (char)s[i]);
		}
	}
	sb_putc(sb, '"');
}

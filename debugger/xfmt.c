/* xfmt: gdb's x command and scalar print formats (see xfmt.h).
 *
 * The shapes follow gdb's printcmd.c: decode_format() for the /NFU
 * defaults, do_examine() for the line layout, print_scalar_formatted()
 * for each format letter, and valprint.c's string printer for escapes and
 * repeat runs.
 */
#include "xfmt.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- scalars --- */

static int64_t sign_extend(uint64_t bits, unsigned size)
{
	if (size >= 8)
		return (int64_t)bits;
	bits &= (1ULL << (8 * size)) - 1;
	if (bits & (1ULL << (8 * size - 1)))
		bits |= ~0ULL << (8 * size);
	return (int64_t)bits;
}

static uint64_t zero_extend(uint64_t bits, unsigned size)
{
	return size >= 8 ? bits : bits & ((1ULL << (8 * size)) - 1);
}

/* One character inside quotes: gdb's print_wchar in the C locale. A hex
 * escape (unlike a 3-digit octal one) would swallow a following hex
 * digit, so that digit is escaped too (*need_escape). */
static void put_char_escaped(struct strbuf *sb, unsigned c, int quoter,
			     bool *need_escape)
{
	static const struct {
		char c, e;
	} esc[] = {
		{ '\a', 'a' }, { '\b', 'b' }, { '\f', 'f' }, { '\n', 'n' },
		{ '\r', 'r' }, { '\t', 't' }, { '\v', 'v' },
	};
	bool hexdigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
			(c >= 'A' && c <= 'F');
	size_t i;

	for (i = 0; i < sizeof(esc) / sizeof(esc[0]); i++) {
		if ((unsigned char)esc[i].c == c) {
			sb_printf(sb, "\\%c", esc[i].e);
			*need_escape = false;
			return;
		}
	}
	if (c >= 0x20 && c < 0x7f && !(*need_escape && hexdigit)) {
		if ((int)c == quoter || c == '\\')
			sb_putc(sb, '\\');
		sb_putc(sb, (char)c);
		*need_escape = false;
		return;
	}
	if (c <= 0777) {
		sb_printf(sb, "\\%03o", c);
		*need_escape = false;
	} else {
		sb_printf(sb, "\\x%x", c);
		*need_escape = true;
	}
}

void xfmt_char(struct strbuf *sb, int64_t value, unsigned char c)
{
	bool ne = false;

	sb_printf(sb, "%" PRId64 " '", value);
	put_char_escaped(sb, c, '\'', &ne);
	sb_putc(sb, '\'');
}

void xfmt_float(struct strbuf *sb, uint64_t bits, unsigned size)
{
	double d;
	uint64_t mant;
	bool neg;

	if (size == 4) {
		uint32_t b = (uint32_t)bits;
		float f;

		memcpy(&f, &b, 4);
		d = f;
		neg = b >> 31;
		mant = b & 0x7fffff;
	} else {
		memcpy(&d, &bits, 8);
		neg = bits >> 63;
		mant = bits & 0xfffffffffffffULL;
	}
	if (isnan(d)) {
		sb_printf(sb, "%snan(0x%" PRIx64 ")", neg ? "-" : "", mant);
		return;
	}
	if (isinf(d)) {
		sb_puts(sb, neg ? "-inf" : "inf");
		return;
	}
	sb_printf(sb, size == 4 ? "%.9g" : "%.17g", d);
}

static void put_binary(struct strbuf *sb, uint64_t u, unsigned size, bool pad)
{
	int bits = 8 * size, i;
	bool started = pad;

	for (i = bits - 1; i >= 0; i--) {
		bool one = (u >> i) & 1;

		if (one)
			started = true;
		if (started)
			sb_putc(sb, one ? '1' : '0');
	}
	if (!started)
		sb_putc(sb, '0');
}

void xfmt_scalar(struct strbuf *sb, const struct xfmt_scalar *v, int fmt,
		 bool pad, const struct symbolizer *sym)
{
	uint64_t u = zero_extend(v->bits, v->size);
	int64_t s = v->is_signed ? sign_extend(v->bits, v->size) : (int64_t)u;

	switch (fmt) {
	case 0:
		if (v->is_float) {
			xfmt_float(sb, u, v->size);
		} else if (v->is_char) {
			xfmt_char(sb, s, (unsigned char)u);
		} else if (v->is_signed) {
			sb_printf(sb, "%" PRId64, s);
		} else {
			sb_printf(sb, "%" PRIu64, u);
		}
		break;
	case 'x':
	case 'z':
		if (pad || fmt == 'z')
			sb_printf(sb, "0x%0*" PRIx64, (int)v->size * 2, u);
		else
			sb_printf(sb, "0x%" PRIx64, u);
		break;
	case 'o':
		sb_printf(sb, u ? "0%" PRIo64 : "%" PRIo64, u);
		break;
	case 't':
		put_binary(sb, u, v->size, pad);
		break;
	case 'd':
		sb_printf(sb, "%" PRId64, sign_extend(u, v->size));
		break;
	case 'u':
		sb_printf(sb, "%" PRIu64, u);
		break;
	case 'c':
		/* The value as a char of the type's signedness. */
		if (v->is_signed)
			xfmt_char(sb, (int8_t)u, (unsigned char)u);
		else
			xfmt_char(sb, (uint8_t)u, (unsigned char)u);
		break;
	case 'a':
		sym_append_addr(sb, sym, v->is_signed ? (uint64_t)s : u);
		break;
	case 'f':
		if (v->size == 4 || v->size == 8)
			xfmt_float(sb, u, v->size);
		else if (v->is_signed)
			sb_printf(sb, "%" PRId64, s);
		else
			sb_printf(sb, "%" PRIu64, u);
		break;
	default:
		sb_printf(sb, "%" PRId64, s);
		break;
	}
}

/* --- strings --- */

void xfmt_string(struct strbuf *sb, const uint8_t *s, size_t n,
		 bool truncated)
{
	bool in_quote = false, any = false, ne = false;
	size_t i = 0;

	if (!n) {
		sb_puts(sb, "\"\"");
		if (truncated)
			sb_puts(sb, "...");
		return;
	}
	while (i < n) {
		size_t run = 1;

		while (i + run < n && s[i + run] == s[i])
			run++;
		if (run > XFMT_REPEAT_THRESHOLD) {
			if (in_quote)
				sb_putc(sb, '"');
			if (any)
				sb_puts(sb, ", ");
			sb_putc(sb, '\'');
			put_char_escaped(sb, s[i], '"', &ne);
			sb_printf(sb, "' <repeats %zu times>", run);
			in_quote = false;
		} else {
			size_t k;

			if (!in_quote) {
				if (any)
					sb_puts(sb, ", ");
				sb_putc(sb, '"');
			}
			for (k = 0; k < run; k++)
				put_char_escaped(sb, s[i], '"', &ne);
			in_quote = true;
		}
		any = true;
		i += run;
	}
	if (in_quote)
		sb_putc(sb, '"');
	if (truncated)
		sb_puts(sb, "...");
}

/* Wide strings (x/hs, x/ws): ASCII as in narrow strings, other code
 * units as \x escapes. */
static void put_wide(struct strbuf *sb, const uint32_t *u, size_t n,
		     char prefix, bool truncated)
{
	bool ne = false;
	size_t i;

	sb_printf(sb, "%c\"", prefix);
	for (i = 0; i < n; i++) {
		if (u[i] < 0x80)
			put_char_escaped(sb, u[i], '"', &ne);
		else {
			sb_printf(sb, "\\x%x", u[i]);
			ne = true;
		}
	}
	sb_putc(sb, '"');
	if (truncated)
		sb_puts(sb, "...");
}

/* Read a string of unit-byte characters at addr: gdb's val_print_string
 * with `print elements` 200. Returns the bytes consumed (the NUL
 * included). */
static uint64_t examine_string(struct strbuf *sb, const struct xfmt_env *env,
			       uint64_t addr, unsigned unit)
{
	uint8_t buf[XFMT_PRINT_MAX * 4];
	uint32_t wide[XFMT_PRINT_MAX];
	size_t n = 0, got = 0;
	bool nul = false, fault = false;

	while (n < XFMT_PRINT_MAX) {
		uint64_t c = 0;
		ssize_t r = env->mr->read(env->mr->ctx, addr + n * unit,
					  buf + n * unit, unit);

		if (r != (ssize_t)unit) {
			fault = true;
			break;
		}
		memcpy(&c, buf + n * unit, unit);
		if (!c) {
			nul = true;
			break;
		}
		wide[n] = (uint32_t)c;
		n++;
	}
	got = n;
	if (!fault || n) {
		if (unit == 1)
			xfmt_string(sb, buf, n, !nul && !fault);
		else
			put_wide(sb, wide, n, unit == 2 ? 'u' : 'U',
				 !nul && !fault);
	}
	if (fault)
		sb_printf(sb, "<error: Cannot access memory at address 0x%"
			  PRIx64 ">", addr + n * unit);
	return (got + (nul ? 1 : 0)) * unit + (fault && !n ? unit : 0);
}

/* --- the x command --- */

void xfmt_init(struct xfmt_state *st)
{
	memset(st, 0, sizeof(*st));
	st->last_format = 'x';
	st->last_size = 'w';
}

static bool is_format(int c)
{
	return c && strchr("xduotzacfsi", c);
}

int xfmt_parse(const struct xfmt_state *st, const char *args,
	       struct xfmt_spec *out, const char **expr, struct strbuf *err)
{
	const char *p = args;
	char oformat = st->last_format ? st->last_format : 'x';
	char osize = st->last_size ? st->last_size : 'w';
	char format = '?', size = '?';
	int count = 1;

	while (*p == ' ' || *p == '\t')
		p++;
	out->format = oformat;
	out->size = osize;
	out->count = 1;
	if (*p != '/') {
		/* A bare `x` repeats the last count as well. */
		if (!*p && st->last_count > 0)
			out->count = st->last_count;
		*expr = p;
		return 0;
	}
	p++;
	if (*p == '-') {
		sb_puts(err, "Examining memory backwards is not supported.");
		return -ENOTSUP;
	}
	if (*p >= '0' && *p <= '9') {
		count = atoi(p);
		while (*p >= '0' && *p <= '9')
			p++;
	}
	for (;;) {
		if (*p == 'b' || *p == 'h' || *p == 'w' || *p == 'g')
			size = *p++;
		else if (*p == 'r')	/* raw: no pretty-printers here */
			p++;
		else if (*p >= 'a' && *p <= 'z')
			format = *p++;
		else
			break;
	}
	/* gdb's decode_format() defaults. */
	if (format == '?') {
		if (size == '?') {
			format = oformat;
			size = osize;
		} else {
			format = oformat == 'i' ? 'x' : oformat;
		}
	} else if (size == '?') {
		switch (format) {
		case 'a':
			size = 'a';	/* the pointer size */
			break;
		case 'f':
			size = osize == 'w' || osize == 'g' ? osize : 'g';
			break;
		case 'c':
			size = 'b';
			break;
		case 's':
			size = '\0';
			break;
		default:
			size = osize;
		}
	}
	out->format = format;
	out->size = size;
	out->count = count;
	while (*p == ' ' || *p == '\t')
		p++;
	*expr = p;
	return 0;
}

static unsigned unit_bytes(char size, unsigned ptr_size)
{
	switch (size) {
	case 'b': return 1;
	case 'h': return 2;
	case 'w': return 4;
	case 'g': return 8;
	case 'a': return ptr_size ? ptr_size : 8;
	}
	return 1;
}

static int fault_at(struct strbuf *err, uint64_t addr)
{
	sb_printf(err, "Cannot access memory at address 0x%" PRIx64, addr);
	return -EFAULT;
}

int xfmt_examine(struct xfmt_state *st, const struct xfmt_spec *sp,
		 uint64_t addr, const struct xfmt_env *env,
		 struct strbuf *sb, struct strbuf *err)
{
	char f = sp->format;
	unsigned unit = unit_bytes(sp->size, env->ptr_size);
	int count = sp->count, maxelts, i, r = 0;

	if (f == 'i')
		unit = 1;
	if (f == 's' && unit != 2 && unit != 4) {
		if (sp->size && sp->size != 'b')
			sb_printf(sb, "warning: Unable to display strings with"
				  " size '%c', using 'b' instead.\n",
				  sp->size);
		unit = 1;
	}
	maxelts = unit == 4 ? 4 : unit == 8 ? 2 : 8;
	if (f == 's' || f == 'i')
		maxelts = 1;
	if (f == 'i' && !env->dis) {
		sb_puts(err, "No disassembler.");
		return -EINVAL;
	}
	st->last_count = sp->count;
	while (count > 0) {
		if (f == 'i')
			sb_puts(sb, env->has_pc && env->pc == addr ? "=> "
								    : "   ");
		sym_append_addr(sb, env->sym, addr);
		sb_putc(sb, ':');
		for (i = maxelts; i > 0 && count > 0; i--, count--) {
			sb_putc(sb, '\t');
			if (!is_format(f)) {
				sb_printf(err, "Undefined output format "
					  "\"%c\".", f);
				return -EINVAL;
			}
			st->last_addr = addr;
			st->have_last = true;
			st->last_unit = 0;
			if (f == 's') {
				addr += examine_string(sb, env, addr, unit);
			} else if (f == 'i') {
				struct dis_insn in;
				uint64_t fault;

				r = dis_read(env->dis, env->mr, addr, &in,
					     &fault);
				if (r) {
					r = fault_at(err, fault);
					goto out;
				}
				dis_format(sb, &in, env->sym);
				addr += in.size;
			} else {
				/* gdb reads intN_t units; an address in a
				 * 32-bit program is not sign-extended. */
				struct xfmt_scalar v = {
					.size = unit,
					.is_signed = !(f == 'a' &&
						       env->ptr_size == 4),
				};
				ssize_t n = env->mr->read(env->mr->ctx, addr,
							  &v.bits, unit);

				if (n != (ssize_t)unit) {
					r = fault_at(err, addr + (n > 0 ? n : 0));
					goto out;
				}
				xfmt_scalar(sb, &v, f, true, env->sym);
				st->last_unit = unit;
				st->last_bits = v.bits;
				addr += unit;
			}
		}
		sb_putc(sb, '\n');
	}
out:
	/* After a fault the next bare `x` starts at the failing unit. */
	st->next_addr = addr;
	st->have_next = true;
	if (!r) {
		st->last_format = f;
		st->last_size = f == 's' ? 'b' : sp->size;
	}
	return r;
}

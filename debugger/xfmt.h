/* xfmt: gdb's `x/NFU ADDR` examiner and the scalar formats it shares with
 * `print/F`.
 *
 *	(gdb) x/4xw $sp
 *	0x7fffffffe5e8:	0x555551cd	0x00005555	0x00000001	0x00000000
 *	(gdb) x/s &msg
 *	0x4100 <msg>:	"hello, jail"
 *
 * Formats x d u o t z a c f s i, units b h w g; per line 8 bytes or
 * halfwords, 4 words, 2 giants, one string or instruction. The /NFU
 * suffix is parsed with gdb's defaults and memory of the last format and
 * unit (struct xfmt_state; `x` alone continues where the last one
 * stopped). Memory comes through a mem_reader, labels through a
 * symbolizer, instructions through the disassembler.
 *
 * Checked against gdb 13 (tests/unit/test_xfmt.c): a session of ~80 x
 * commands on dbg_target (every format and unit, strings, instructions,
 * bare `x` continuation, faults) matches line for line.
 *
 * Differences from gdb: negative counts (examining backwards) are not
 * supported; characters are shown as in the C locale (octal escapes for
 * bytes >= 0x80, where a UTF-8 gdb prints valid sequences as text);
 * x/hs and x/ws print non-ASCII code units as \x escapes rather than
 * converting them to the host charset.
 */
#ifndef JAIL_DEBUGGER_XFMT_H
#define JAIL_DEBUGGER_XFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "debugger/disasm.h"
#include "debugger/symbols.h"
#include "tracer/decode.h"
#include "tracer/strbuf.h"

/* gdb's `print elements` and `repeats` defaults. */
enum { XFMT_PRINT_MAX = 200, XFMT_REPEAT_THRESHOLD = 10 };

/* --- scalars, shared with print --- */

struct xfmt_scalar {
	uint64_t bits;		/* the value's bytes, little-endian */
	unsigned size;		/* 1, 2, 4 or 8 */
	bool is_signed;
	bool is_float;		/* size 4: float, 8: double */
	bool is_char;		/* natural format shows "65 'A'" */
};

/* gdb's print_scalar_formatted: fmt is one of x d u o t z c a f, or 0
 * for the natural format. pad: zero-pad x and t to the size (x/ does,
 * print/ does not). sym labels 'a' values. */
void xfmt_scalar(struct strbuf *sb, const struct xfmt_scalar *v, int fmt,
		 bool pad, const struct symbolizer *sym);
/* A character as gdb shows a char value: 65 'A', 10 '\n', -56 '\310'. */
void xfmt_char(struct strbuf *sb, int64_t value, unsigned char c);
/* A float or double as gdb prints it: %.9g / %.17g, inf, -nan(0x...). */
void xfmt_float(struct strbuf *sb, uint64_t bits, unsigned size);
/* Quoted string body of n bytes with gdb's escapes and "<repeats N
 * times>" runs; truncated appends "..." as gdb does past `print
 * elements`. */
void xfmt_string(struct strbuf *sb, const uint8_t *s, size_t n,
		 bool truncated);

/* --- the x command --- */

struct xfmt_spec {
	int count;
	char format;		/* x d u o t z a c f s i */
	char size;		/* b h w g */
};

/* What gdb remembers between x commands. Zero it, then xfmt_init(). */
struct xfmt_state {
	char last_format;
	char last_size;
	int last_count;
	bool have_next;
	uint64_t next_addr;	/* where a bare `x` continues */
	/* The last unit examined, for $_ and $__. */
	bool have_last;
	uint64_t last_addr;
	unsigned last_unit;	/* bytes; 0 after s and i */
	uint64_t last_bits;	/* contents when last_unit */
};

void xfmt_init(struct xfmt_state *st);

/* Parse what follows "x" (e.g. "/4xw $sp", "/s", "" or " $pc") into a
 * spec with gdb's defaults; *expr points to the address expression
 * ("" when none: continue at st->next_addr). -EINVAL with err set for
 * junk after the letters; an unknown format letter is reported by
 * xfmt_examine(), after the address label, as gdb does. */
int xfmt_parse(const struct xfmt_state *st, const char *args,
	       struct xfmt_spec *out, const char **expr, struct strbuf *err);

struct xfmt_env {
	const struct mem_reader *mr;
	const struct symbolizer *sym;	/* may be NULL */
	struct dis *dis;		/* for 'i'; may be NULL otherwise */
	bool has_pc;			/* "=> " marker for 'i' */
	uint64_t pc;
	unsigned ptr_size;		/* 8 or 4: the 'a' unit */
};

/* Examine memory at addr and append gdb's lines to sb; update st (last
 * format/size/count, next address, last unit). On an error sb ends with
 * the label of the line that failed ("0x4040:\t") and err holds gdb's
 * message for after it: -EFAULT "Cannot access memory at address
 * 0x4040", -EINVAL "Undefined output format \"q\".". */
int xfmt_examine(struct xfmt_state *st, const struct xfmt_spec *sp,
		 uint64_t addr, const struct xfmt_env *env,
		 struct strbuf *sb, struct strbuf *err);

#endif

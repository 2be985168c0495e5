/* expr: gdb's expression language without debug info (see expr.h).
 *
 * Pipeline: a lexer (gdb's c-exp.y token rules: numbers, 'c', $names),
 * a precedence-climbing parser building a tree, and an evaluator that
 * follows gdb's C semantics: binop_promote() for the usual arithmetic
 * conversions, pointer arithmetic scaled by the target size, `*` on an
 * integer reading an int, casts of no-debug-info symbols reading memory.
 */
#include "expr.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- types --- */

enum {
	B_VOID, B_CHAR, B_SCHAR, B_UCHAR, B_SHORT, B_USHORT, B_INT, B_UINT,
	B_LONG, B_ULONG, B_LLONG, B_ULLONG, B_I8, B_U8, B_I16, B_U16, B_I32,
	B_U32, B_I64, B_U64, B_FLOAT, B_DOUBLE, B_NODEBUG_DATA,
	B_NODEBUG_TEXT, B_FLAGS, B_FUNC_VOID, B_COUNT
};

/* size 0 means "long": the pointer size. */
static const struct {
	enum ty_code code;
	unsigned size;
	bool is_unsigned, is_char;
	const char *name;
} builtin_spec[B_COUNT] = {
	[B_VOID] = { TY_VOID, 1, false, false, "void" },
	[B_CHAR] = { TY_INT, 1, false, true, "char" },
	[B_SCHAR] = { TY_INT, 1, false, true, "signed char" },
	[B_UCHAR] = { TY_INT, 1, true, true, "unsigned char" },
	[B_SHORT] = { TY_INT, 2, false, false, "short" },
	[B_USHORT] = { TY_INT, 2, true, false, "unsigned short" },
	[B_INT] = { TY_INT, 4, false, false, "int" },
	[B_UINT] = { TY_INT, 4, true, false, "unsigned int" },
	[B_LONG] = { TY_INT, 0, false, false, "long" },
	[B_ULONG] = { TY_INT, 0, true, false, "unsigned long" },
	[B_LLONG] = { TY_INT, 8, false, false, "long long" },
	[B_ULLONG] = { TY_INT, 8, true, false, "unsigned long long" },
	[B_I8] = { TY_INT, 1, false, false, "int8_t" },
	[B_U8] = { TY_INT, 1, true, false, "uint8_t" },
	[B_I16] = { TY_INT, 2, false, false, "int16_t" },
	[B_U16] = { TY_INT, 2, true, false, "uint16_t" },
	[B_I32] = { TY_INT, 4, false, false, "int32_t" },
	[B_U32] = { TY_INT, 4, true, false, "uint32_t" },
	[B_I64] = { TY_INT, 8, false, false, "int64_t" },
	[B_U64] = { TY_INT, 8, true, false, "uint64_t" },
	[B_FLOAT] = { TY_FLOAT, 4, false, false, "float" },
	[B_DOUBLE] = { TY_FLOAT, 8, false, false, "double" },
	[B_NODEBUG_DATA] = { TY_NODEBUG_DATA, 4, false, false,
			     "<data variable, no debug info>" },
	[B_NODEBUG_TEXT] = { TY_NODEBUG_TEXT, 1, false, false,
			     "<text variable, no debug info>" },
	[B_FLAGS] = { TY_FLAGS, 4, true, false, "i386_eflags" },
	[B_FUNC_VOID] = { TY_FUNC, 1, false, false, NULL },
};

/* --- registers: gdb's names and types, user_regs_struct places --- */

enum { RK_INT, RK_LONG, RK_CODE, RK_DATA, RK_FLAGS };

struct reg_desc {
	const char *name;
	unsigned short off;	/* in struct user_regs_struct */
	unsigned char size;	/* bytes */
	unsigned char shift;	/* bits: 8 for ah */
	unsigned char kind;	/* RK_* */
	unsigned char arch;	/* 64, 32, or 0 for both */
};

#define UR(f) offsetof(struct user_regs_struct, f)
#define R64(n, f, k) { n, UR(f), 8, 0, k, 64 }
#define SUB(n, f, sz, sh, a) { n, UR(f), sz, sh, RK_INT, a }

static const struct reg_desc regs[] = {
	R64("rax", rax, RK_INT), R64("rbx", rbx, RK_INT),
	R64("rcx", rcx, RK_INT), R64("rdx", rdx, RK_INT),
	R64("rsi", rsi, RK_INT), R64("rdi", rdi, RK_INT),
	R64("rbp", rbp, RK_DATA), R64("rsp", rsp, RK_DATA),
	R64("r8", r8, RK_INT), R64("r9", r9, RK_INT),
	R64("r10", r10, RK_INT), R64("r11", r11, RK_INT),
	R64("r12", r12, RK_INT), R64("r13", r13, RK_INT),
	R64("r14", r14, RK_INT), R64("r15", r15, RK_INT),
	R64("rip", rip, RK_CODE),
	R64("fs_base", fs_base, RK_LONG), R64("gs_base", gs_base, RK_LONG),
	R64("orig_rax", orig_rax, RK_LONG),
	{ "eflags", UR(eflags), 4, 0, RK_FLAGS, 0 },
	SUB("cs", cs, 4, 0, 0), SUB("ss", ss, 4, 0, 0),
	SUB("ds", ds, 4, 0, 0), SUB("es", es, 4, 0, 0),
	SUB("fs", fs, 4, 0, 0), SUB("gs", gs, 4, 0, 0),
	/* i386 names for the same places */
	{ "eip", UR(rip), 4, 0, RK_CODE, 32 },
	{ "esp", UR(rsp), 4, 0, RK_DATA, 32 },
	{ "ebp", UR(rbp), 4, 0, RK_DATA, 32 },
	{ "orig_eax", UR(orig_rax), 4, 0, RK_INT, 32 },
	SUB("esp", rsp, 4, 0, 64), SUB("ebp", rbp, 4, 0, 64),
	SUB("eax", rax, 4, 0, 0), SUB("ebx", rbx, 4, 0, 0),
	SUB("ecx", rcx, 4, 0, 0), SUB("edx", rdx, 4, 0, 0),
	SUB("esi", rsi, 4, 0, 0), SUB("edi", rdi, 4, 0, 0),
	SUB("r8d", r8, 4, 0, 64), SUB("r9d", r9, 4, 0, 64),
	SUB("r10d", r10, 4, 0, 64), SUB("r11d", r11, 4, 0, 64),
	SUB("r12d", r12, 4, 0, 64), SUB("r13d", r13, 4, 0, 64),
	SUB("r14d", r14, 4, 0, 64), SUB("r15d", r15, 4, 0, 64),
	SUB("ax", rax, 2, 0, 0), SUB("bx", rbx, 2, 0, 0),
	SUB("cx", rcx, 2, 0, 0), SUB("dx", rdx, 2, 0, 0),
	SUB("si", rsi, 2, 0, 0), SUB("di", rdi, 2, 0, 0),
	SUB("bp", rbp, 2, 0, 0), SUB("sp", rsp, 2, 0, 0),
	SUB("r8w", r8, 2, 0, 64), SUB("r9w", r9, 2, 0, 64),
	SUB("r10w", r10, 2, 0, 64), SUB("r11w", r11, 2, 0, 64),
	SUB("r12w", r12, 2, 0, 64), SUB("r13w", r13, 2, 0, 64),
	SUB("r14w", r14, 2, 0, 64), SUB("r15w", r15, 2, 0, 64),
	SUB("al", rax, 1, 0, 0), SUB("bl", rbx, 1, 0, 0),
	SUB("cl", rcx, 1, 0, 0), SUB("dl", rdx, 1, 0, 0),
	SUB("sil", rsi, 1, 0, 64), SUB("dil", rdi, 1, 0, 64),
	SUB("bpl", rbp, 1, 0, 64), SUB("spl", rsp, 1, 0, 64),
	SUB("r8l", r8, 1, 0, 64), SUB("r9l", r9, 1, 0, 64),
	SUB("r10l", r10, 1, 0, 64), SUB("r11l", r11, 1, 0, 64),
	SUB("r12l", r12, 1, 0, 64), SUB("r13l", r13, 1, 0, 64),
	SUB("r14l", r14, 1, 0, 64), SUB("r15l", r15, 1, 0, 64),
	SUB("ah", rax, 1, 8, 0), SUB("bh", rbx, 1, 8, 0),
	SUB("ch", rcx, 1, 8, 0), SUB("dh", rdx, 1, 8, 0),
};

/* gdb's generic register names. */
static const struct {
	const char *alias, *r64, *r32;
} reg_aliases[] = {
	{ "pc", "rip", "eip" }, { "sp", "rsp", "esp" },
	{ "fp", "rbp", "ebp" }, { "ps", "eflags", "eflags" },
};

/* i386_eflags as gdb names its bits. */
static const char *const eflags_bits[32] = {
	[0] = "CF", [2] = "PF", [4] = "AF", [6] = "ZF", [7] = "SF",
	[8] = "TF", [9] = "IF", [10] = "DF", [11] = "OF", [14] = "NT",
	[16] = "RF", [17] = "VM", [18] = "AC", [19] = "VIF", [20] = "VIP",
	[21] = "ID",
};

static const struct reg_desc *reg_find(const char *name, int arch)
{
	size_t i;

	for (i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if ((!regs[i].arch || !arch || regs[i].arch == arch) &&
		    !strcmp(regs[i].name, name))
			return &regs[i];
	return NULL;
}

int expr_user_regs_read(void *ctx, const char *name, uint64_t *v)
{
	const struct reg_desc *r = reg_find(name, 0);
	uint64_t full;

	if (!r)
		return -ENOENT;
	memcpy(&full, (char *)ctx + r->off, 8);
	full >>= r->shift;
	*v = r->size == 8 ? full : full & ((1ULL << (8 * r->size)) - 1);
	return 0;
}

int expr_user_regs_write(void *ctx, const char *name, uint64_t v)
{
	const struct reg_desc *r = reg_find(name, 0);
	uint64_t full, mask;

	if (!r)
		return -ENOENT;
	/* gdb writes a sub-register into the full one, keeping the other
	 * bits (unlike the CPU, which zeroes above a 32-bit write). */
	memcpy(&full, (char *)ctx + r->off, 8);
	mask = r->size == 8 ? ~0ULL : ((1ULL << (8 * r->size)) - 1);
	full &= ~(mask << r->shift);
	full |= (v & mask) << r->shift;
	memcpy((char *)ctx + r->off, &full, 8);
	return 0;
}

/* --- the context --- */

struct expr_ivar {
	struct expr_ivar *next;
	char *name;
	bool set;
	struct value v;
};

struct derived_ty {
	struct derived_ty *next;
	struct ty t;
};

struct expr_ctx {
	struct expr_host h;
	int ptr_bits;
	struct ty builtin[B_COUNT];
	struct derived_ty *derived;
	struct expr_ivar *ivars;
	struct value *hist;
	int nhist, caphist;
	struct strbuf warn;
};

int expr_ctx_create(struct expr_ctx **out, const struct expr_host *host,
		    int ptr_bits)
{
	struct expr_ctx *c = calloc(1, sizeof(*c));
	int i;

	if (!c)
		return -ENOMEM;
	if (host)
		c->h = *host;
	c->ptr_bits = ptr_bits == 32 ? 32 : 64;
	for (i = 0; i < B_COUNT; i++) {
		struct ty *t = &c->builtin[i];

		t->code = builtin_spec[i].code;
		t->size = builtin_spec[i].size ? builtin_spec[i].size
					       : (unsigned)c->ptr_bits / 8;
		t->is_unsigned = builtin_spec[i].is_unsigned;
		t->is_char = builtin_spec[i].is_char;
		t->name = builtin_spec[i].name;
	}
	c->builtin[B_FUNC_VOID].target = &c->builtin[B_VOID];
	*out = c;
	return 0;
}

void expr_ctx_destroy(struct expr_ctx *c)
{
	struct derived_ty *d, *dn;
	struct expr_ivar *v, *vn;

	if (!c)
		return;
	for (d = c->derived; d; d = dn) {
		dn = d->next;
		free(d);
	}
	for (v = c->ivars; v; v = vn) {
		vn = v->next;
		free(v->name);
		free(v);
	}
	free(c->hist);
	sb_free(&c->warn);
	free(c);
}

const char *expr_warnings(const struct expr_ctx *c)
{
	return sb_str(&c->warn);
}

const struct ty *expr_type_pointer(struct expr_ctx *c, const struct ty *t)
{
	struct ty *m = (struct ty *)t;	/* all types are the context's */
	struct derived_ty *d;

	if (m->ptr)
		return m->ptr;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->t.code = TY_PTR;
	d->t.size = c->ptr_bits / 8;
	d->t.is_unsigned = true;
	d->t.target = t;
	d->next = c->derived;
	c->derived = d;
	m->ptr = &d->t;
	return &d->t;
}

const struct ty *expr_type_lookup(struct expr_ctx *c, const char *name)
{
	int i;

	for (i = 0; i < B_COUNT; i++)
		if (c->builtin[i].name && !strcmp(c->builtin[i].name, name))
			return &c->builtin[i];
	return NULL;
}

static const struct ty *bt(struct expr_ctx *c, int b)
{
	return &c->builtin[b];
}

/* Type names as gdb writes them: a declarator grown inside-out. */
static void type_decl(const struct ty *t, struct strbuf *sb, const char *decl)
{
	struct strbuf inner = STRBUF_INIT;

	switch (t->code) {
	case TY_PTR:
		if (t->target->code == TY_FUNC)
			sb_printf(&inner, "(*%s)", decl);
		else
			sb_printf(&inner, "*%s", decl);
		type_decl(t->target, sb, sb_str(&inner));
		break;
	case TY_FUNC:
		sb_printf(&inner, "%s()", decl);
		type_decl(t->target, sb, sb_str(&inner));
		break;
	default:
		sb_puts(sb, t->name ? t->name : "?");
		if (*decl)
			sb_printf(sb, " %s", decl);
	}
	sb_free(&inner);
}

void expr_type_name(const struct ty *t, struct strbuf *sb)
{
	type_decl(t, sb, "");
}

/* --- values --- */

static uint64_t val_bits(const struct value *v)
{
	uint64_t u = 0;
	unsigned n = v->type->size < 8 ? v->type->size : 8;

	memcpy(&u, v->bytes, n);
	return u;
}

static int64_t val_signed(const struct value *v)
{
	uint64_t u = val_bits(v);
	unsigned sz = v->type->size;

	if (sz < 8 && !v->type->is_unsigned && (u >> (8 * sz - 1)) & 1)
		u |= ~0ULL << (8 * sz);
	return (int64_t)u;
}

static double val_double(const struct value *v)
{
	if (v->type->code == TY_FLOAT) {
		if (v->type->size == 4) {
			float f;

			memcpy(&f, v->bytes, 4);
			return f;
		} else {
			double d;

			memcpy(&d, v->bytes, 8);
			return d;
		}
	}
	return v->type->is_unsigned ? (double)val_bits(v)
				    : (double)val_signed(v);
}

struct value expr_value_int(const struct ty *t, uint64_t bits)
{
	struct value v = { .type = t };

	memcpy(v.bytes, &bits, 8);
	if (t->size < 8)
		memset(v.bytes + t->size, 0, 8 - t->size);
	return v;
}

static struct value value_double(const struct ty *t, double d)
{
	struct value v = { .type = t };

	if (t->size == 4) {
		float f = (float)d;

		memcpy(v.bytes, &f, 4);
	} else {
		memcpy(v.bytes, &d, 8);
	}
	return v;
}

static bool is_integral(const struct ty *t)
{
	return t->code == TY_INT || t->code == TY_FLAGS;
}

static bool is_scalar(const struct ty *t)
{
	return is_integral(t) || t->code == TY_PTR || t->code == TY_FLOAT;
}

/* --- lexer --- */

enum tok {
	T_END, T_INT, T_FLOAT, T_IDENT, T_DOLLAR, T_OP,
};

struct lexer {
	const char *p;
	const char *tok_start;
	enum tok kind;
	char op[4];		/* T_OP: "+", "<<=", ... */
	char name[128];		/* T_IDENT, T_DOLLAR (without '$') */
	uint64_t num;		/* T_INT */
	const struct ty *num_ty;
	double fnum;
	struct expr_ctx *c;
	struct strbuf *err;
};

static const char *const ops3[] = { "<<=", ">>=" };
static const char *const ops2[] = {
	"<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=",
	"/=", "%=", "&=", "|=", "^=", "++", "--",
};

static bool fits(uint64_t n, int bits, bool is_signed)
{
	if (is_signed)
		bits--;
	return bits >= 64 || n >> bits == 0;
}

/* gdb 13's parse_number(): C's rules for the type of an integer
 * literal, decimal ones falling back to unsigned when nothing signed
 * holds them. */
static int lex_number(struct lexer *lx)
{
	const char *s = lx->p, *e = s, *d;
	char text[128];
	int base = 10, long_p = 0;
	bool unsigned_p = false, is_float = false;
	uint64_t n = 0;
	size_t len;

	while (isalnum((unsigned char)*e) || *e == '.' || *e == '_' ||
	       ((*e == '+' || *e == '-') && (e[-1] == 'e' || e[-1] == 'E') &&
		!(s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))))
		e++;
	len = e - s;
	if (len >= sizeof(text))
		len = sizeof(text) - 1;
	memcpy(text, s, len);
	text[len] = '\0';
	lx->p = e;
	if (strpbrk(text, ".") ||
	    (!(text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) &&
	     strpbrk(text, "eE")))
		is_float = true;
	if (is_float) {
		char *end;

		lx->fnum = strtod(text, &end);
		if (*end == 'f' || *end == 'F' || *end == 'l' || *end == 'L')
			end++;
		if (*end)
			goto invalid;
		lx->kind = T_FLOAT;
		return 0;
	}
	d = text;
	if (d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) {
		base = 16;
		d += 2;
	} else if (d[0] == '0' && isdigit((unsigned char)d[1])) {
		base = 8;
		d++;
	}
	if (!*d || !isxdigit((unsigned char)*d))
		goto invalid;
	for (; *d; d++) {
		int dig;

		if (*d >= '0' && *d <= '9')
			dig = *d - '0';
		else if (base == 16 && isxdigit((unsigned char)*d))
			dig = tolower((unsigned char)*d) - 'a' + 10;
		else
			break;
		if (dig >= base)
			goto invalid;
		if (n > (UINT64_MAX - dig) / base) {
			sb_puts(lx->err, "Numeric constant too large.");
			return -ERANGE;
		}
		n = n * base + dig;
	}
	for (; *d; d++) {
		if ((*d == 'u' || *d == 'U') && !unsigned_p)
			unsigned_p = true;
		else if ((*d == 'l' || *d == 'L') && long_p < 2)
			long_p++;
		else
			goto invalid;
	}
	{
		struct expr_ctx *c = lx->c;
		bool have_signed = !unsigned_p;
		bool have_unsigned = unsigned_p || base != 10 ||
				     !fits(n, 64, true);
		int lbits = c->ptr_bits;

		if (long_p == 0 && have_signed && fits(n, 32, true))
			lx->num_ty = bt(c, B_INT);
		else if (long_p == 0 && have_unsigned && fits(n, 32, false))
			lx->num_ty = bt(c, B_UINT);
		else if (long_p <= 1 && have_signed && fits(n, lbits, true))
			lx->num_ty = bt(c, B_LONG);
		else if (long_p <= 1 && have_unsigned &&
			 fits(n, lbits, false))
			lx->num_ty = bt(c, B_ULONG);
		else if (have_signed && fits(n, 64, true))
			lx->num_ty = bt(c, B_LLONG);
		else if (have_unsigned)
			lx->num_ty = bt(c, B_ULLONG);
		else {
			sb_puts(lx->err, "Numeric constant too large.");
			return -ERANGE;
		}
	}
	lx->num = n;
	lx->kind = T_INT;
	return 0;
invalid:
	sb_printf(lx->err, "Invalid number \"%s\".", text);
	return -EINVAL;
}

/* 'c' with C escapes. */
static int lex_char(struct lexer *lx)
{
	const char *p = lx->p + 1;
	unsigned v;

	if (*p == '\\') {
		static const char esc_in[] = "abfnrtve\\'\"?";
		static const char esc_out[] = "\a\b\f\n\r\t\v\033\\'\"?";
		const char *k;

		p++;
		if (*p >= '0' && *p <= '7') {
			int i;

			for (v = 0, i = 0; i < 3 && *p >= '0' && *p <= '7';
			     i++)
				v = v * 8 + (*p++ - '0');
		} else if (*p == 'x') {
			p++;
			if (!isxdigit((unsigned char)*p))
				goto bad;
			for (v = 0; isxdigit((unsigned char)*p); p++)
				v = v * 16 + (isdigit((unsigned char)*p)
					      ? *p - '0'
					      : tolower((unsigned char)*p) -
							'a' + 10);
		} else if (*p && (k = strchr(esc_in, *p))) {
			v = (unsigned char)esc_out[k - esc_in];
			p++;
		} else {
			goto bad;
		}
	} else if (*p && *p != '\'') {
		v = (unsigned char)*p++;
	} else {
		goto bad;
	}
	if (*p != '\'') {
		if (!*p || !strchr(p, '\''))
			sb_puts(lx->err, "Unmatched single quote.");
		else
			sb_puts(lx->err, "Invalid character constant.");
		return -EINVAL;
	}
	lx->p = p + 1;
	lx->kind = T_INT;
	lx->num = v & 0xff;
	lx->num_ty = bt(lx->c, B_CHAR);
	return 0;
bad:
	sb_puts(lx->err, *p ? "Invalid character constant."
			    : "Unmatched single quote.");
	return -EINVAL;
}

static int lex(struct lexer *lx)
{
	const char *p = lx->p;
	size_t i;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	lx->p = p;
	lx->tok_start = p;
	if (!*p) {
		lx->kind = T_END;
		return 0;
	}
	if (isdigit((unsigned char)*p) ||
	    (*p == '.' && isdigit((unsigned char)p[1])))
		return lex_number(lx);
	if (*p == '\'')
		return lex_char(lx);
	if (isalpha((unsigned char)*p) || *p == '_' || *p == '$') {
		size_t n = 0;
		bool dollar = *p == '$';

		if (dollar)
			p++;
		while ((isalnum((unsigned char)*p) || *p == '_' ||
			(dollar && *p == '$' && n == 0)) &&
		       n < sizeof(lx->name) - 1)
			lx->name[n++] = *p++;
		lx->name[n] = '\0';
		lx->p = p;
		lx->kind = dollar ? T_DOLLAR : T_IDENT;
		return 0;
	}
	for (i = 0; i < sizeof(ops3) / sizeof(ops3[0]); i++)
		if (!strncmp(p, ops3[i], 3))
			goto op3;
	for (i = 0; i < sizeof(ops2) / sizeof(ops2[0]); i++) {
		if (!strncmp(p, ops2[i], 2)) {
			memcpy(lx->op, p, 2);
			lx->op[2] = '\0';
			lx->p = p + 2;
			lx->kind = T_OP;
			return 0;
		}
	}
	if (strchr("+-*/%&|^~!<>=?:(){}[],", *p)) {
		lx->op[0] = *p;
		lx->op[1] = '\0';
		lx->p = p + 1;
		lx->kind = T_OP;
		return 0;
	}
	sb_printf(lx->err, "Invalid character '%c' in expression.", *p);
	return -EINVAL;
op3:
	memcpy(lx->op, p, 3);
	lx->op[3] = '\0';
	lx->p = p + 3;
	lx->kind = T_OP;
	return 0;
}

static bool is_op(const struct lexer *lx, const char *op)
{
	return lx->kind == T_OP && !strcmp(lx->op, op);
}

static int syntax_error(struct lexer *lx)
{
	sb_printf(lx->err, "A syntax error in expression, near `%s'.",
		  lx->tok_start);
	return -EINVAL;
}

/* --- the tree --- */

enum node_kind {
	N_INT, N_FLOAT, N_SYM, N_REG, N_IVAR, N_HIST, N_UNARY, N_BINARY,
	N_ASSIGN, N_COND, N_CAST, N_BRACE, N_SIZEOF_TYPE, N_SIZEOF,
	N_INDEX, N_COMMA, N_POSTINC,
};

struct expr {
	enum node_kind kind;
	char op[4];		/* N_UNARY, N_BINARY, N_ASSIGN ("" or "+") */
	const struct ty *type;	/* N_INT, N_CAST, N_BRACE, N_SIZEOF_TYPE */
	uint64_t num;		/* N_INT */
	double fnum;		/* N_FLOAT */
	char *name;		/* N_SYM, N_REG, N_IVAR */
	int hist;		/* N_HIST: >0 absolute, <=0 relative */
	const struct reg_desc *reg;
	struct expr *a, *b, *c;
};

void expr_free(struct expr *e)
{
	if (!e)
		return;
	expr_free(e->a);
	expr_free(e->b);
	expr_free(e->c);
	free(e->name);
	free(e);
}

static struct expr *node(enum node_kind k, struct expr *a, struct expr *b)
{
	struct expr *e = calloc(1, sizeof(*e));

	if (!e) {
		expr_free(a);
		expr_free(b);
		return NULL;
	}
	e->kind = k;
	e->a = a;
	e->b = b;
	return e;
}

/* --- parser --- */

static int parse_expr(struct lexer *lx, struct expr **out);
static int parse_assign(struct lexer *lx, struct expr **out);
static int parse_unary(struct lexer *lx, struct expr **out);

static bool is_type_word(const char *w)
{
	static const char *const words[] = {
		"void", "char", "short", "int", "long", "signed", "unsigned",
		"float", "double", "const", "volatile", "int8_t", "uint8_t",
		"int16_t", "uint16_t", "int32_t", "uint32_t", "int64_t",
		"uint64_t",
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(w, words[i]))
			return true;
	return false;
}

/* A type name: C's basic type words in any order, then '*'s. The
 * current token is the first word. */
static int parse_type(struct lexer *lx, const struct ty **out)
{
	int nlong = 0, err;
	bool is_unsigned = false, is_signed = false, has_int = false;
	const char *base = NULL;
	const struct ty *t;
	struct expr_ctx *c = lx->c;

	while (lx->kind == T_IDENT && is_type_word(lx->name)) {
		const char *w = lx->name;

		if (!strcmp(w, "unsigned"))
			is_unsigned = true;
		else if (!strcmp(w, "signed"))
			is_signed = true;
		else if (!strcmp(w, "long"))
			nlong++;
		else if (!strcmp(w, "int"))
			has_int = true;
		else if (!strcmp(w, "const") || !strcmp(w, "volatile"))
			;
		else if (base) {
			return syntax_error(lx);
		} else {
			t = expr_type_lookup(c, w);
			base = t ? t->name : w;
		}
		err = lex(lx);
		if (err)
			return err;
	}
	if (base && !strcmp(base, "char"))
		t = bt(c, is_unsigned ? B_UCHAR : is_signed ? B_SCHAR : B_CHAR);
	else if (base && !strcmp(base, "short"))
		t = bt(c, is_unsigned ? B_USHORT : B_SHORT);
	else if (base && !strcmp(base, "double"))
		t = bt(c, B_DOUBLE);
	else if (base && (is_unsigned || is_signed || nlong || has_int))
		return syntax_error(lx);
	else if (base)
		t = expr_type_lookup(c, base);
	else if (nlong >= 2)
		t = bt(c, is_unsigned ? B_ULLONG : B_LLONG);
	else if (nlong == 1)
		t = bt(c, is_unsigned ? B_ULONG : B_LONG);
	else if (is_unsigned || is_signed || has_int)
		t = bt(c, is_unsigned ? B_UINT : B_INT);
	else
		return syntax_error(lx);
	if (!t)
		return syntax_error(lx);
	while (is_op(lx, "*")) {
		t = expr_type_pointer(c, t);
		if (!t)
			return -ENOMEM;
		err = lex(lx);
		if (err)
			return err;
	}
	*out = t;
	return 0;
}

static bool starts_type(const struct lexer *lx)
{
	return lx->kind == T_IDENT && is_type_word(lx->name);
}

static int expect(struct lexer *lx, const char *op)
{
	if (!is_op(lx, op))
		return syntax_error(lx);
	return lex(lx);
}

/* Hand over a finished node and move to the next token. */
static int done(struct lexer *lx, struct expr **out, struct expr *e)
{
	int err = lex(lx);

	if (err) {
		expr_free(e);
		return err;
	}
	*out = e;
	return 0;
}

static int parse_dollar(struct lexer *lx, struct expr **out)
{
	const char *n = lx->name;
	struct expr *e = node(N_HIST, NULL, NULL);
	size_t i;

	if (!e)
		return -ENOMEM;
	if (!*n) {				/* $ */
		e->hist = 0;
	} else if (n[0] == '$') {		/* $$, $$n */
		e->hist = n[1] ? -atoi(n + 1) : -1;
		if (n[1] && !isdigit((unsigned char)n[1]))
			goto bad;
	} else if (isdigit((unsigned char)n[0])) {	/* $n */
		for (i = 0; n[i]; i++)
			if (!isdigit((unsigned char)n[i]))
				goto bad;
		e->hist = atoi(n);
		if (!e->hist)
			e->hist = 0;	/* $0 is $ */
	} else {
		const char *rn = n;

		for (i = 0; i < sizeof(reg_aliases) / sizeof(reg_aliases[0]);
		     i++)
			if (!strcmp(n, reg_aliases[i].alias))
				rn = lx->c->ptr_bits == 64
				     ? reg_aliases[i].r64 : reg_aliases[i].r32;
		e->reg = reg_find(rn, lx->c->ptr_bits);
		e->kind = e->reg ? N_REG : N_IVAR;
		e->name = strdup(e->reg ? e->reg->name : n);
		if (!e->name) {
			expr_free(e);
			return -ENOMEM;
		}
	}
	return done(lx, out, e);
bad:
	expr_free(e);
	return syntax_error(lx);
}

static int parse_primary(struct lexer *lx, struct expr **out)
{
	struct expr *e;
	int err;

	switch (lx->kind) {
	case T_INT:
		e = node(N_INT, NULL, NULL);
		if (!e)
			return -ENOMEM;
		e->num = lx->num;
		e->type = lx->num_ty;
		return done(lx, out, e);
	case T_FLOAT:
		e = node(N_FLOAT, NULL, NULL);
		if (!e)
			return -ENOMEM;
		e->fnum = lx->fnum;
		e->type = bt(lx->c, B_DOUBLE);
		return done(lx, out, e);
	case T_IDENT:
		e = node(N_SYM, NULL, NULL);
		if (!e)
			return -ENOMEM;
		e->name = strdup(lx->name);
		if (!e->name) {
			expr_free(e);
			return -ENOMEM;
		}
		return done(lx, out, e);
	case T_DOLLAR:
		return parse_dollar(lx, out);
	case T_OP:
		if (is_op(lx, "(")) {
			e = NULL;
			err = lex(lx);
			if (!err)
				err = parse_expr(lx, &e);
			if (err)
				return err;
			if (!is_op(lx, ")")) {
				expr_free(e);
				return syntax_error(lx);
			}
			return done(lx, out, e);
		}
		break;
	case T_END:
		break;
	}
	return syntax_error(lx);
}

static int parse_postfix(struct lexer *lx, struct expr **out)
{
	struct expr *e = NULL, *idx = NULL, *n;
	int err = parse_primary(lx, &e);

	while (!err && (is_op(lx, "[") || is_op(lx, "++") || is_op(lx, "--"))) {
		if (!is_op(lx, "[")) {		/* x++: N_POSTINC */
			n = node(N_POSTINC, e, NULL);
			if (!n)
				return -ENOMEM;
			n->op[0] = lx->op[0];
			e = n;
			err = done(lx, &e, e);
			if (err)
				return err;
			continue;
		}
		err = lex(lx);
		if (!err)
			err = parse_expr(lx, &idx);
		if (err)
			break;
		if (!is_op(lx, "]")) {
			expr_free(idx);
			err = syntax_error(lx);
			break;
		}
		n = node(N_INDEX, e, idx);
		if (!n)
			return -ENOMEM;
		e = n;
		err = done(lx, &e, e);
		if (err)
			return err;
	}
	if (err) {
		expr_free(e);
		return err;
	}
	*out = e;
	return 0;
}

static int parse_unary(struct lexer *lx, struct expr **out)
{
	static const char *const unops[] = { "-", "+", "!", "~", "*", "&" };
	struct expr *e, *a = NULL;
	const struct ty *t;
	size_t i;
	int err;

	if (lx->kind == T_IDENT && !strcmp(lx->name, "sizeof")) {
		err = lex(lx);
		if (err)
			return err;
		if (is_op(lx, "(")) {
			struct lexer save = *lx;

			err = lex(lx);
			if (err)
				return err;
			if (starts_type(lx)) {
				err = parse_type(lx, &t);
				if (!err)
					err = expect(lx, ")");
				if (err)
					return err;
				e = node(N_SIZEOF_TYPE, NULL, NULL);
				if (!e)
					return -ENOMEM;
				e->type = t;
				*out = e;
				return 0;
			}
			*lx = save;
		}
		err = parse_unary(lx, &a);
		if (err)
			return err;
		e = node(N_SIZEOF, a, NULL);
		if (!e)
			return -ENOMEM;
		*out = e;
		return 0;
	}
	if (is_op(lx, "(")) {
		struct lexer save = *lx;

		err = lex(lx);
		if (err)
			return err;
		if (starts_type(lx)) {
			err = parse_type(lx, &t);
			if (!err)
				err = expect(lx, ")");
			if (!err)
				err = parse_unary(lx, &a);
			if (err)
				return err;
			e = node(N_CAST, a, NULL);
			if (!e)
				return -ENOMEM;
			e->type = t;
			*out = e;
			return 0;
		}
		*lx = save;
		return parse_postfix(lx, out);
	}
	if (is_op(lx, "{")) {		/* {type} addr */
		err = lex(lx);
		if (err)
			return err;
		if (!starts_type(lx))
			return syntax_error(lx);
		err = parse_type(lx, &t);
		if (!err)
			err = expect(lx, "}");
		if (!err)
			err = parse_unary(lx, &a);
		if (err)
			return err;
		e = node(N_BRACE, a, NULL);
		if (!e)
			return -ENOMEM;
		e->type = t;
		*out = e;
		return 0;
	}
	if (is_op(lx, "++") || is_op(lx, "--")) {	/* ++x is x += 1 */
		char op = lx->op[0];
		struct expr *one;

		err = lex(lx);
		if (!err)
			err = parse_unary(lx, &a);
		if (err)
			return err;
		one = node(N_INT, NULL, NULL);
		if (!one) {
			expr_free(a);
			return -ENOMEM;
		}
		one->num = 1;
		one->type = bt(lx->c, B_INT);
		e = node(N_ASSIGN, a, one);
		if (!e)
			return -ENOMEM;
		e->op[0] = op;
		*out = e;
		return 0;
	}
	for (i = 0; i < sizeof(unops) / sizeof(unops[0]); i++) {
		if (!is_op(lx, unops[i]))
			continue;
		err = lex(lx);
		if (!err)
			err = parse_unary(lx, &a);
		if (err)
			return err;
		e = node(N_UNARY, a, NULL);
		if (!e)
			return -ENOMEM;
		strcpy(e->op, unops[i]);
		*out = e;
		return 0;
	}
	return parse_postfix(lx, out);
}

/* Binary operators by precedence, loosest first. */
static const char *const binops[][5] = {
	{ "||" }, { "&&" }, { "|" }, { "^" }, { "&" }, { "==", "!=" },
	{ "<", ">", "<=", ">=" }, { "<<", ">>" }, { "+", "-" },
	{ "*", "/", "%" },
};
enum { NLEVELS = sizeof(binops) / sizeof(binops[0]) };

static int parse_binary(struct lexer *lx, int level, struct expr **out)
{
	struct expr *a = NULL, *b = NULL, *e;
	int err;

	if (level == NLEVELS)
		return parse_unary(lx, out);
	err = parse_binary(lx, level + 1, &a);
	while (!err) {
		const char *op = NULL;
		int i;

		for (i = 0; i < 5 && binops[level][i]; i++)
			if (is_op(lx, binops[level][i]))
				op = binops[level][i];
		if (!op)
			break;
		err = lex(lx);
		if (err)
			break;
		err = parse_binary(lx, level + 1, &b);
		if (err)
			break;
		e = node(N_BINARY, a, b);
		if (!e)
			return -ENOMEM;
		strcpy(e->op, op);
		a = e;
	}
	if (err) {
		expr_free(a);
		return err;
	}
	*out = a;
	return 0;
}

static int parse_cond(struct lexer *lx, struct expr **out)
{
	struct expr *a = NULL, *b = NULL, *c = NULL, *e;
	int err = parse_binary(lx, 0, &a);

	if (err || !is_op(lx, "?")) {
		if (!err)
			*out = a;
		return err;
	}
	err = lex(lx);
	if (!err)
		err = parse_expr(lx, &b);
	if (err) {
		expr_free(a);
		return err;
	}
	if (!is_op(lx, ":")) {
		expr_free(a);
		expr_free(b);
		return syntax_error(lx);
	}
	err = lex(lx);
	if (!err)
		err = parse_cond(lx, &c);
	if (err) {
		expr_free(a);
		expr_free(b);
		return err;
	}
	e = node(N_COND, a, b);
	if (!e) {
		expr_free(c);
		return -ENOMEM;
	}
	e->c = c;
	*out = e;
	return 0;
}

static int parse_assign(struct lexer *lx, struct expr **out)
{
	static const char *const aops[] = {
		"=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=",
		"^=",
	};
	struct expr *a = NULL, *b = NULL, *e;
	size_t i;
	int err = parse_cond(lx, &a);

	if (err)
		return err;
	for (i = 0; i < sizeof(aops) / sizeof(aops[0]); i++) {
		if (!is_op(lx, aops[i]))
			continue;
		err = lex(lx);
		if (!err)
			err = parse_assign(lx, &b);
		if (err) {
			expr_free(a);
			return err;
		}
		e = node(N_ASSIGN, a, b);
		if (!e)
			return -ENOMEM;
		/* "+=" -> "+", "=" -> "" */
		snprintf(e->op, sizeof(e->op), "%.*s",
			 (int)strlen(aops[i]) - 1, aops[i]);
		*out = e;
		return 0;
	}
	*out = a;
	return 0;
}

static int parse_expr(struct lexer *lx, struct expr **out)
{
	struct expr *a = NULL, *b = NULL, *e;
	int err = parse_assign(lx, &a);

	while (!err && is_op(lx, ",")) {
		err = lex(lx);
		if (!err)
			err = parse_assign(lx, &b);
		if (err)
			break;
		e = node(N_COMMA, a, b);
		if (!e)
			return -ENOMEM;
		a = e;
	}
	if (err) {
		expr_free(a);
		return err;
	}
	*out = a;
	return 0;
}

int expr_parse(struct expr_ctx *c, const char *text, struct expr **out,
	       struct strbuf *err)
{
	struct lexer lx = { .p = text, .c = c, .err = err };
	struct expr *e = NULL;
	int r;

	sb_reset(&c->warn);
	r = lex(&lx);
	if (!r && lx.kind == T_END) {
		sb_puts(err, "A syntax error in expression, near `'.");
		return -EINVAL;
	}
	if (!r)
		r = parse_expr(&lx, &e);
	if (!r && lx.kind != T_END) {
		/* gdb stops at an unbalanced ')' and calls the rest junk. */
		if (is_op(&lx, ")"))
			sb_puts(err, "Junk after end of expression.");
		else
			syntax_error(&lx);
		r = -EINVAL;
	}
	if (r) {
		expr_free(e);
		return r;
	}
	*out = e;
	return 0;
}

/* --- evaluation --- */

struct ev {
	struct expr_ctx *c;
	struct strbuf *err;
	bool no_side;		/* sizeof: no memory access, no writes */
};

static int mem_error(struct ev *ev, uint64_t addr)
{
	sb_printf(ev->err, "Cannot access memory at address 0x%" PRIx64, addr);
	return -EFAULT;
}

static int not_a_number(struct ev *ev)
{
	sb_puts(ev->err, "Argument to arithmetic operation not a number or "
			 "boolean.");
	return -EINVAL;
}

static struct value void_value(struct ev *ev)
{
	return (struct value){ .type = bt(ev->c, B_VOID) };
}

/* Read a lazy memory value's contents. Functions and no-debug-info data
 * have no contents to read. */
static int fetch(struct ev *ev, struct value *v)
{
	const struct ty *t = v->type;
	ssize_t r;

	if (!v->lazy || ev->no_side)
		return 0;
	if (t->code == TY_VOID || t->code == TY_FUNC ||
	    t->code == TY_NODEBUG_DATA || t->code == TY_NODEBUG_TEXT)
		return 0;
	if (t->size > sizeof(v->bytes))
		return -EOVERFLOW;
	if (!ev->c->h.mem_read)
		return mem_error(ev, v->addr);
	r = ev->c->h.mem_read(ev->c->h.ctx, v->addr, v->bytes, t->size);
	if (r != (ssize_t)t->size)
		return mem_error(ev, v->addr);
	v->lazy = false;
	return 0;
}

static struct value at_lazy(const struct ty *t, uint64_t addr)
{
	return (struct value){
		.type = t, .lval = LV_MEMORY, .lazy = true, .addr = addr,
	};
}

static int eval(struct ev *ev, const struct expr *n, struct value *v);

static int eval_sym(struct ev *ev, const struct expr *n, struct value *v,
		    bool for_address)
{
	struct expr_ctx *c = ev->c;
	uint64_t addr;
	bool is_text = false;

	if (!c->h.sym_lookup ||
	    c->h.sym_lookup(c->h.ctx, n->name, &addr, &is_text)) {
		sb_printf(ev->err, "No symbol \"%s\" in current context.",
			  n->name);
		return -ENOENT;
	}
	if (!is_text && !for_address) {
		sb_printf(ev->err, "'%s' has unknown type; cast it to its "
			  "declared type", n->name);
		return -EINVAL;
	}
	*v = at_lazy(bt(c, is_text ? B_NODEBUG_TEXT : B_NODEBUG_DATA), addr);
	return 0;
}

/* Operands of & and casts may name no-debug-info data. */
static int eval_for_address(struct ev *ev, const struct expr *n,
			    struct value *v)
{
	if (n->kind == N_SYM)
		return eval_sym(ev, n, v, true);
	return eval(ev, n, v);
}

static int pointer_to(struct ev *ev, const struct ty *t, uint64_t addr,
		      struct value *v)
{
	const struct ty *p = expr_type_pointer(ev->c, t);

	if (!p)
		return -ENOMEM;
	*v = expr_value_int(p, addr);
	return 0;
}

/* An operand's value: contents fetched, functions decayed to pointers. */
static int rvalue(struct ev *ev, struct value *v)
{
	if (v->type->code == TY_NODEBUG_TEXT || v->type->code == TY_FUNC) {
		if (v->lval != LV_MEMORY)
			return not_a_number(ev);
		return pointer_to(ev, v->type, v->addr, v);
	}
	if (v->type->code == TY_NODEBUG_DATA)
		return not_a_number(ev);
	return fetch(ev, v);
}

static int truth(struct ev *ev, struct value *v, bool *out)
{
	int err = rvalue(ev, v);

	if (err)
		return err;
	if (v->type->code == TY_FLOAT)
		*out = val_double(v) != 0;
	else if (is_scalar(v->type))
		*out = val_bits(v) != 0;
	else
		return not_a_number(ev);
	return 0;
}

/* gdb's unop_promote / binop_promote for C. */
static const struct ty *promote1(struct expr_ctx *c, const struct ty *t)
{
	if (t->code == TY_FLAGS)
		return bt(c, B_UINT);
	if (t->size < 4)
		return bt(c, B_INT);
	return t;
}

static const struct ty *promote2(struct expr_ctx *c, const struct ty *a,
				 const struct ty *b)
{
	unsigned la = a->size, lb = b->size, len;
	bool ua = a->is_unsigned, ub = b->is_unsigned, uns;

	if (la < 4) {
		la = 4;
		ua = false;
	}
	if (lb < 4) {
		lb = 4;
		ub = false;
	}
	if (la > lb) {
		len = la;
		uns = ua;
	} else if (lb > la) {
		len = lb;
		uns = ub;
	} else {
		len = la;
		uns = ua || ub;
	}
	if (len <= 4)
		return bt(c, uns ? B_UINT : B_INT);
	if (len <= (unsigned)c->ptr_bits / 8)
		return bt(c, uns ? B_ULONG : B_LONG);
	return bt(c, uns ? B_ULLONG : B_LLONG);
}

/* double -> integer as x86's cvttsd2si does it: out of range and NaN
 * give INT64_MIN (C leaves them undefined). */
static uint64_t double_to_bits(double d)
{
	if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
		return 1ULL << 63;
	return (uint64_t)(int64_t)d;
}

/* An integer or pointer value's bits converted to integer type t. */
static struct value int_convert(const struct ty *t, const struct value *v)
{
	uint64_t u;

	if (v->type->code == TY_FLOAT)
		u = double_to_bits(val_double(v));
	else if (v->type->is_unsigned || v->type->code == TY_PTR)
		u = val_bits(v);
	else
		u = (uint64_t)val_signed(v);
	return expr_value_int(t, u);
}

static int shift_warning(struct ev *ev, const char *op, const char *what)
{
	sb_printf(&ev->c->warn, "warning: %s shift count %s\n",
		  op[0] == '<' ? "left" : "right", what);
	return 0;
}

static int int_binary(struct ev *ev, const char *op, const struct value *a,
		      const struct value *b, struct value *v)
{
	struct expr_ctx *c = ev->c;
	bool shift = !strcmp(op, "<<") || !strcmp(op, ">>");
	const struct ty *t = shift ? promote1(c, a->type)
				   : promote2(c, a->type, b->type);
	struct value x = int_convert(t, a), y = int_convert(t, b);
	uint64_t ux = val_bits(&x), uy = val_bits(&y), r = 0;
	int64_t sx = val_signed(&x), sy = val_signed(&y);
	unsigned bits = 8 * t->size;
	bool s = !t->is_unsigned;

	if (shift) {
		int64_t cnt = b->type->is_unsigned ? (int64_t)val_bits(b)
						   : val_signed(b);

		if (cnt < 0)
			shift_warning(ev, op, "is negative");
		else if ((uint64_t)cnt >= bits)
			shift_warning(ev, op, ">= width of type");
		else if (op[0] == '<')
			r = ux << cnt;
		else
			r = s ? (uint64_t)(sx >> cnt) : ux >> cnt;
		*v = expr_value_int(t, r);
		return 0;
	}
	if ((op[0] == '/' || op[0] == '%') && !uy) {
		sb_puts(ev->err, "Division by zero");
		return -EDOM;
	}
	switch (op[0]) {
	case '+': r = ux + uy; break;
	case '-': r = ux - uy; break;
	case '*': r = ux * uy; break;
	case '/':
		if (s && sy == -1)
			r = -ux;	/* no trap on INT_MIN / -1 */
		else
			r = s ? (uint64_t)(sx / sy) : ux / uy;
		break;
	case '%':
		if (s && sy == -1)
			r = 0;
		else
			r = s ? (uint64_t)(sx % sy) : ux % uy;
		break;
	case '&': r = ux & uy; break;
	case '|': r = ux | uy; break;
	case '^': r = ux ^ uy; break;
	default: {
		/* comparisons: int 0 or 1 */
		int cmp = s ? (sx > sy) - (sx < sy) : (ux > uy) - (ux < uy);

		if (!strcmp(op, "==")) r = cmp == 0;
		else if (!strcmp(op, "!=")) r = cmp != 0;
		else if (!strcmp(op, "<")) r = cmp < 0;
		else if (!strcmp(op, ">")) r = cmp > 0;
		else if (!strcmp(op, "<=")) r = cmp <= 0;
		else if (!strcmp(op, ">=")) r = cmp >= 0;
		*v = expr_value_int(bt(c, B_INT), r);
		return 0;
	}
	}
	*v = expr_value_int(t, r);
	return 0;
}

static int cmp_result(struct ev *ev, const char *op, int cmp,
		      struct value *v)
{
	int r = -1;

	if (!strcmp(op, "==")) r = cmp == 0;
	else if (!strcmp(op, "!=")) r = cmp != 0;
	else if (!strcmp(op, "<")) r = cmp < 0;
	else if (!strcmp(op, ">")) r = cmp > 0;
	else if (!strcmp(op, "<=")) r = cmp <= 0;
	else if (!strcmp(op, ">=")) r = cmp >= 0;
	if (r < 0)
		return not_a_number(ev);
	*v = expr_value_int(bt(ev->c, B_INT), r);
	return 0;
}

static int float_binary(struct ev *ev, const char *op, const struct value *a,
			const struct value *b, struct value *v)
{
	double x = val_double(a), y = val_double(b), r;
	const struct ty *t = bt(ev->c, B_DOUBLE);

	/* float op int stays float; a double anywhere makes double */
	if ((a->type->code != TY_FLOAT || a->type->size == 4) &&
	    (b->type->code != TY_FLOAT || b->type->size == 4))
		t = bt(ev->c, B_FLOAT);
	switch (op[0]) {
	case '+': r = x + y; break;
	case '-': r = x - y; break;
	case '*': r = x * y; break;
	case '/': r = x / y; break;
	default:
		if (strchr("%&|^", op[0]) || !strcmp(op, "<<") ||
		    !strcmp(op, ">>")) {
			sb_puts(ev->err, "Integer-only operation on floating "
					 "point number.");
			return -EINVAL;
		}
		return cmp_result(ev, op, (x > y) - (x < y), v);
	}
	*v = value_double(t, r);
	return 0;
}

static unsigned target_size(const struct ty *p)
{
	const struct ty *t = p->target;

	/* void * and function pointers step by one, as in GNU C. */
	if (t->code == TY_VOID || t->code == TY_FUNC ||
	    t->code == TY_NODEBUG_TEXT || !t->size)
		return 1;
	return t->size;
}

static int ptr_binary(struct ev *ev, const char *op, const struct value *a,
		      const struct value *b, struct value *v)
{
	bool pa = a->type->code == TY_PTR, pb = b->type->code == TY_PTR;
	uint64_t x = val_bits(a), y = val_bits(b);

	if (pa && pb && !strcmp(op, "-")) {
		unsigned sa = target_size(a->type), sb = target_size(b->type);

		if (sa != sb) {
			sb_puts(ev->err, "First argument of `-' is a pointer "
				"and second argument is neither\nan integer "
				"nor a pointer of the same type.");
			return -EINVAL;
		}
		*v = expr_value_int(bt(ev->c, B_LONG),
				    (uint64_t)((int64_t)(x - y) / (int64_t)sa));
		return 0;
	}
	if ((pa != pb) && is_integral(pa ? b->type : a->type) &&
	    (!strcmp(op, "+") || (pa && !strcmp(op, "-")))) {
		const struct value *p = pa ? a : b, *i = pa ? b : a;
		int64_t n = i->type->is_unsigned ? (int64_t)val_bits(i)
						 : val_signed(i);
		uint64_t step = (uint64_t)n * target_size(p->type);

		*v = expr_value_int(p->type, op[0] == '+' ? val_bits(p) + step
							  : val_bits(p) - step);
		return 0;
	}
	if (strchr("=!<>", op[0]) && op[0] && (pa || is_integral(a->type)) &&
	    (pb || is_integral(b->type)))
		return cmp_result(ev, op, (x > y) - (x < y), v);
	return not_a_number(ev);
}

static int binary(struct ev *ev, const char *op, struct value *a,
		  struct value *b, struct value *v)
{
	int err = rvalue(ev, a);

	if (!err)
		err = rvalue(ev, b);
	if (err)
		return err;
	if (a->type->code == TY_PTR || b->type->code == TY_PTR)
		return ptr_binary(ev, op, a, b, v);
	if (!is_scalar(a->type) || !is_scalar(b->type))
		return not_a_number(ev);
	if (a->type->code == TY_FLOAT || b->type->code == TY_FLOAT)
		return float_binary(ev, op, a, b, v);
	return int_binary(ev, op, a, b, v);
}

static int unary(struct ev *ev, const struct expr *n, struct value *v)
{
	struct expr_ctx *c = ev->c;
	struct value a;
	int err;
	bool t;

	switch (n->op[0]) {
	case '&':
		err = eval_for_address(ev, n->a, &a);
		if (err)
			return err;
		if (a.lval != LV_MEMORY) {
			sb_puts(ev->err, "Attempt to take address of value "
					 "not located in memory.");
			return -EINVAL;
		}
		return pointer_to(ev, a.type, a.addr, v);
	case '*':
		err = eval(ev, n->a, &a);
		if (err)
			return err;
		if (a.type->code == TY_NODEBUG_TEXT ||
		    a.type->code == TY_FUNC) {
			*v = a;		/* *main is main */
			return 0;
		}
		err = fetch(ev, &a);
		if (err)
			return err;
		if (a.type->code == TY_PTR && a.type->target->code != TY_VOID) {
			*v = at_lazy(a.type->target, val_bits(&a));
			return 0;
		}
		/* gdb lets * read an int at an integer address. */
		if (a.type->code == TY_INT) {
			*v = at_lazy(bt(c, B_INT), a.type->is_unsigned
						   ? val_bits(&a)
						   : (uint64_t)val_signed(&a));
			return 0;
		}
		sb_puts(ev->err, "Attempt to take contents of a non-pointer "
				 "value.");
		return -EINVAL;
	}
	err = eval(ev, n->a, &a);
	if (!err)
		err = rvalue(ev, &a);
	if (err)
		return err;
	if (n->op[0] == '!') {
		err = truth(ev, &a, &t);
		if (!err)
			*v = expr_value_int(bt(c, B_INT), !t);
		return err;
	}
	if (a.type->code == TY_FLOAT && n->op[0] != '~') {
		*v = value_double(a.type, n->op[0] == '-' ? -val_double(&a)
							  : val_double(&a));
		return 0;
	}
	if (!is_integral(a.type)) {
		if (n->op[0] == '~') {
			sb_puts(ev->err, "Argument to complement operation not "
					 "an integer, boolean.");
			return -EINVAL;
		}
		return not_a_number(ev);
	}
	a = int_convert(promote1(c, a.type), &a);
	if (n->op[0] == '-')
		*v = expr_value_int(a.type, -val_bits(&a));
	else if (n->op[0] == '~')
		*v = expr_value_int(a.type, ~val_bits(&a));
	else
		*v = a;
	return 0;
}

/* gdb's value_cast for the types we know. */
static int cast(struct ev *ev, const struct ty *t, struct value *a,
		struct value *v)
{
	enum ty_code from = a->type->code;
	int err;

	if (from == TY_NODEBUG_DATA && a->lval == LV_MEMORY) {
		/* "cast it to its declared type": read it as t. */
		*v = t->code == TY_VOID ? void_value(ev) : at_lazy(t, a->addr);
		return 0;
	}
	if (t->code == TY_VOID) {
		*v = void_value(ev);
		return 0;
	}
	if (from == TY_VOID)
		goto invalid;
	err = rvalue(ev, a);
	if (err)
		return err;
	from = a->type->code;
	switch (t->code) {
	case TY_INT:
	case TY_PTR:
		if (from == TY_INT || from == TY_FLAGS || from == TY_PTR ||
		    (from == TY_FLOAT && t->code == TY_INT)) {
			*v = int_convert(t, a);
			return 0;
		}
		break;
	case TY_FLOAT:
		if (from == TY_INT || from == TY_FLAGS || from == TY_FLOAT) {
			*v = value_double(t, val_double(a));
			return 0;
		}
		break;
	default:
		break;
	}
invalid:
	sb_puts(ev->err, "Invalid cast.");
	return -EINVAL;
}

static int value_address(struct ev *ev, struct value *a, uint64_t *addr)
{
	int err;

	if ((a->type->code == TY_NODEBUG_TEXT || a->type->code == TY_FUNC) &&
	    a->lval == LV_MEMORY) {
		*addr = a->addr;
		return 0;
	}
	err = rvalue(ev, a);
	if (err)
		return err;
	if (a->type->code == TY_PTR || a->type->is_unsigned) {
		*addr = val_bits(a);
	} else if (is_integral(a->type)) {
		*addr = (uint64_t)val_signed(a);
	} else {
		sb_puts(ev->err, "Value can't be converted to integer.");
		return -EINVAL;
	}
	if (ev->c->ptr_bits == 32)
		*addr &= 0xffffffff;
	return 0;
}

static struct expr_ivar *ivar_find(const struct expr_ctx *c,
				   const char *name)
{
	struct expr_ivar *v;

	for (v = c->ivars; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

static struct expr_ivar *ivar_get(struct expr_ctx *c, const char *name)
{
	struct expr_ivar *v = ivar_find(c, name);

	if (v)
		return v;
	v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->name = strdup(name);
	if (!v->name) {
		free(v);
		return NULL;
	}
	v->next = c->ivars;
	c->ivars = v;
	return v;
}

static const struct ty *reg_type(struct expr_ctx *c,
				 const struct reg_desc *r)
{
	static const int ints[] = { 0, B_I8, B_I16, 0, B_I32, 0, 0, 0, B_I64 };

	switch (r->kind) {
	case RK_CODE:
		return expr_type_pointer(c, bt(c, B_FUNC_VOID));
	case RK_DATA:
		return expr_type_pointer(c, bt(c, B_VOID));
	case RK_FLAGS:
		return bt(c, B_FLAGS);
	case RK_LONG:
		return bt(c, B_LONG);
	}
	/* i386's full registers are "int" to gdb. */
	if (c->ptr_bits == 32 && r->size == 4 && r->name[0] == 'e')
		return bt(c, B_INT);
	return bt(c, ints[r->size]);
}

static int no_registers(struct ev *ev, int err)
{
	sb_puts(ev->err, err == -ENOENT ? "Invalid register." :
			 "No registers.");
	return err < 0 ? err : -ESRCH;
}

static int eval_reg(struct ev *ev, const struct expr *n, struct value *v)
{
	struct expr_ctx *c = ev->c;
	const struct ty *t = reg_type(c, n->reg);
	uint64_t bits;
	int err;

	if (!t)
		return -ENOMEM;
	if (!c->h.reg_read)
		return no_registers(ev, -ESRCH);
	err = c->h.reg_read(c->h.ctx, n->reg->name, &bits);
	if (err)
		return no_registers(ev, err);
	*v = expr_value_int(t, bits);
	v->lval = LV_REGISTER;
	v->reg = n->reg->name;
	return 0;
}

static int eval_hist(struct ev *ev, const struct expr *n, struct value *v)
{
	struct expr_ctx *c = ev->c;
	int idx = n->hist > 0 ? n->hist : c->nhist + n->hist;

	if (n->hist <= 0 && idx <= 0) {
		if (n->hist == 0)
			sb_puts(ev->err, "The history is empty.");
		else
			sb_printf(ev->err, "History does not go back to $$%d.",
				  -n->hist);
		return -ENOENT;
	}
	if (idx > c->nhist) {
		sb_printf(ev->err, "History has not yet reached $%d.", idx);
		return -ENOENT;
	}
	*v = c->hist[idx - 1];
	return 0;
}

static int assign(struct ev *ev, const struct expr *n, struct value *v)
{
	struct expr_ctx *c = ev->c;
	struct value lhs, rhs, nv;
	int err;

	err = eval(ev, n->a, &lhs);
	if (!err)
		err = eval(ev, n->b, &rhs);
	if (!err)
		err = rvalue(ev, &rhs);
	if (err)
		return err;
	if (lhs.lval == LV_NONE || (lhs.lval == LV_MEMORY &&
				    (lhs.type->code == TY_FUNC ||
				     lhs.type->code == TY_NODEBUG_TEXT))) {
		sb_puts(ev->err, "Left operand of assignment is not an "
				 "lvalue.");
		return -EINVAL;
	}
	if (n->op[0]) {		/* a op= b */
		struct value cur = lhs;

		err = binary(ev, n->op, &cur, &rhs, &rhs);
		if (err)
			return err;
	}
	if (lhs.lval == LV_INTERNAL) {
		nv = rhs;
		nv.lval = LV_INTERNAL;
		nv.ivar = lhs.ivar;
		if (!ev->no_side) {
			lhs.ivar->v = rhs;
			lhs.ivar->v.lval = LV_NONE;
			lhs.ivar->set = true;
		}
		*v = nv;
		return 0;
	}
	err = cast(ev, lhs.type, &rhs, &nv);
	if (err)
		return err;
	if (ev->no_side) {
		*v = nv;
		return 0;
	}
	if (lhs.lval == LV_REGISTER) {
		if (!c->h.reg_write)
			return no_registers(ev, -ESRCH);
		err = c->h.reg_write(c->h.ctx, lhs.reg, val_bits(&nv));
		if (err)
			return no_registers(ev, err);
		nv.lval = LV_REGISTER;
		nv.reg = lhs.reg;
	} else {
		ssize_t w = c->h.mem_write
			    ? c->h.mem_write(c->h.ctx, lhs.addr, nv.bytes,
					     lhs.type->size)
			    : -EIO;

		if (w != (ssize_t)lhs.type->size)
			return mem_error(ev, lhs.addr);
		nv.lval = LV_MEMORY;
		nv.addr = lhs.addr;
	}
	*v = nv;
	return 0;
}

static int eval(struct ev *ev, const struct expr *n, struct value *v)
{
	struct expr_ctx *c = ev->c;
	struct value a, b;
	uint64_t addr;
	int err;
	bool t;

	switch (n->kind) {
	case N_INT:
		*v = expr_value_int(n->type, n->num);
		return 0;
	case N_FLOAT:
		*v = value_double(n->type, n->fnum);
		return 0;
	case N_SYM:
		return eval_sym(ev, n, v, false);
	case N_REG:
		return eval_reg(ev, n, v);
	case N_IVAR: {
		struct expr_ivar *iv = ivar_get(c, n->name);

		if (!iv)
			return -ENOMEM;
		*v = iv->set ? iv->v : void_value(ev);
		v->lval = LV_INTERNAL;
		v->ivar = iv;
		return 0;
	}
	case N_HIST:
		return eval_hist(ev, n, v);
	case N_UNARY:
		return unary(ev, n, v);
	case N_BINARY:
		if (!strcmp(n->op, "&&") || !strcmp(n->op, "||")) {
			bool is_and = n->op[0] == '&';

			err = eval(ev, n->a, &a);
			if (!err)
				err = truth(ev, &a, &t);
			if (err)
				return err;
			if (t != is_and) {
				*v = expr_value_int(bt(c, B_INT), t);
				return 0;
			}
			err = eval(ev, n->b, &b);
			if (!err)
				err = truth(ev, &b, &t);
			if (!err)
				*v = expr_value_int(bt(c, B_INT), t);
			return err;
		}
		err = eval(ev, n->a, &a);
		if (!err)
			err = eval(ev, n->b, &b);
		if (!err)
			err = binary(ev, n->op, &a, &b, v);
		return err;
	case N_ASSIGN:
		return assign(ev, n, v);
	case N_COND:
		err = eval(ev, n->a, &a);
		if (!err)
			err = truth(ev, &a, &t);
		if (!err)
			err = eval(ev, t ? n->b : n->c, v);
		return err;
	case N_CAST:
		err = eval_for_address(ev, n->a, &a);
		if (!err)
			err = cast(ev, n->type, &a, v);
		return err;
	case N_BRACE:
		err = eval(ev, n->a, &a);
		if (!err)
			err = value_address(ev, &a, &addr);
		if (!err)
			*v = n->type->code == TY_VOID ? void_value(ev)
						      : at_lazy(n->type, addr);
		return err;
	case N_SIZEOF_TYPE:
		*v = expr_value_int(bt(c, B_ULONG), n->type->size);
		return 0;
	case N_SIZEOF: {
		bool saved = ev->no_side;

		ev->no_side = true;
		err = eval(ev, n->a, &a);
		ev->no_side = saved;
		if (err)
			return err;
		*v = expr_value_int(bt(c, B_ULONG), a.type->size);
		return 0;
	}
	case N_INDEX:
		err = eval(ev, n->a, &a);
		if (!err)
			err = eval(ev, n->b, &b);
		if (!err)
			err = binary(ev, "+", &a, &b, &a);
		if (err)
			return err;
		if (a.type->code != TY_PTR || a.type->target->code == TY_VOID) {
			sb_puts(ev->err, "cannot subscript something of type "
					 "`int'");
			return -EINVAL;
		}
		*v = at_lazy(a.type->target, val_bits(&a));
		return 0;
	case N_POSTINC: {
		/* x++: the old value; x += 1 done through an assignment
		 * node built on the stack. */
		struct expr one = { .kind = N_INT, .num = 1,
				    .type = bt(c, B_INT) };
		struct expr inc = { .kind = N_ASSIGN, .a = n->a, .b = &one };

		inc.op[0] = n->op[0];
		err = eval(ev, n->a, v);
		if (!err)
			err = rvalue(ev, v);
		if (!err)
			err = assign(ev, &inc, &a);
		return err;
	}
	case N_COMMA:
		err = eval(ev, n->a, &a);
		if (!err)
			err = fetch(ev, &a);
		if (!err)
			err = eval(ev, n->b, v);
		return err;
	}
	return -EINVAL;
}

int expr_eval(struct expr_ctx *c, const struct expr *e, struct value *v,
	      struct strbuf *err)
{
	struct ev ev = { .c = c, .err = err };
	int r;

	sb_reset(&c->warn);
	r = eval(&ev, e, v);
	if (!r)
		r = fetch(&ev, v);
	return r;
}

int expr_evaluate(struct expr_ctx *c, const char *text, struct value *v,
		  struct strbuf *err)
{
	struct expr *e;
	int r = expr_parse(c, text, &e, err);

	if (r)
		return r;
	r = expr_eval(c, e, v, err);
	expr_free(e);
	return r;
}

int expr_value_truth(struct expr_ctx *c, const struct value *v, bool *out,
		     struct strbuf *err)
{
	struct ev ev = { .c = c, .err = err };
	struct value t = *v;

	return truth(&ev, &t, out);
}

int expr_value_as_long(struct expr_ctx *c, const struct value *v,
		       int64_t *out, struct strbuf *err)
{
	struct ev ev = { .c = c, .err = err };
	struct value t = *v;
	int r = rvalue(&ev, &t);

	if (r)
		return r;
	if (t.type->code == TY_FLOAT)
		*out = (int64_t)double_to_bits(val_double(&t));
	else if (is_scalar(t.type))
		*out = t.type->is_unsigned ? (int64_t)val_bits(&t)
					   : val_signed(&t);
	else
		return not_a_number(&ev);
	return 0;
}

int expr_value_as_address(struct expr_ctx *c, const struct value *v,
			  uint64_t *out, struct strbuf *err)
{
	struct ev ev = { .c = c, .err = err };
	struct value t = *v;

	if (t.type->code == TY_NODEBUG_DATA) {
		sb_puts(err, "Value can't be converted to integer.");
		return -EINVAL;
	}
	return value_address(&ev, &t, out);
}

/* --- printing --- */

static struct xfmt_scalar to_scalar(const struct value *v)
{
	return (struct xfmt_scalar){
		.bits = val_bits(v),
		.size = v->type->size < 8 ? v->type->size : 8,
		.is_signed = !v->type->is_unsigned && v->type->code != TY_PTR,
		.is_float = v->type->code == TY_FLOAT,
		.is_char = v->type->is_char,
	};
}

/* A char pointer's string, as print shows it after the address. */
static void print_string_at(struct expr_ctx *c, uint64_t addr,
			    struct strbuf *sb)
{
	uint8_t buf[XFMT_PRINT_MAX];
	size_t n = 0;
	bool nul = false;

	while (n < sizeof(buf)) {
		if (!c->h.mem_read ||
		    c->h.mem_read(c->h.ctx, addr + n, buf + n, 1) != 1) {
			if (n)
				xfmt_string(sb, buf, n, false);
			sb_printf(sb, "<error: Cannot access memory at address "
				  "0x%" PRIx64 ">", addr + n);
			return;
		}
		if (!buf[n]) {
			nul = true;
			break;
		}
		n++;
	}
	xfmt_string(sb, buf, n, !nul);
}

static void print_flags(uint64_t bits, struct strbuf *sb)
{
	uint64_t unknown = 0;
	int i;

	sb_puts(sb, "[ ");
	for (i = 0; i < 32; i++) {
		if (!(bits >> i & 1) || i == 1)	/* bit 1 is reserved */
			continue;
		if (eflags_bits[i])
			sb_printf(sb, "%s ", eflags_bits[i]);
		else
			unknown |= 1ULL << i;
	}
	if (unknown)
		sb_printf(sb, "#%" PRIu64 " ", unknown);
	sb_putc(sb, ']');
}

static void print_pointer(struct expr_ctx *c, const struct value *v,
			  struct strbuf *sb)
{
	const struct ty *t = v->type;
	uint64_t addr = val_bits(v);
	bool textual = t->target->code == TY_INT && t->target->is_char;

	/* gdb drops the "(char *)" prefix: the string says it. */
	if (!(t->target->name && !strcmp(t->target->name, "char"))) {
		sb_putc(sb, '(');
		expr_type_name(t, sb);
		sb_puts(sb, ") ");
	}
	sym_append_addr(sb, &c->h.sym, addr);
	if (textual && addr) {
		sb_putc(sb, ' ');
		print_string_at(c, addr, sb);
	}
}

int expr_format_value(struct expr_ctx *c, const struct value *v, int fmt,
		      struct strbuf *sb, struct strbuf *err)
{
	struct ev ev = { .c = c, .err = err };
	const struct ty *t = v->type;
	struct value f = *v;
	struct xfmt_scalar s;
	int r;

	if (fmt == 's')
		fmt = 0;
	switch (t->code) {
	case TY_VOID:
		sb_puts(sb, "void");
		return 0;
	case TY_NODEBUG_DATA:
		sb_puts(sb, "<data variable, no debug info>");
		return 0;
	case TY_NODEBUG_TEXT:
	case TY_FUNC:
		if (fmt) {
			/* gdb formats the function's first byte. */
			f.type = bt(c, B_CHAR);
			f.lazy = true;
			r = fetch(&ev, &f);
			if (r)
				return r;
			s = to_scalar(&f);
			xfmt_scalar(sb, &s, fmt, false, &c->h.sym);
			return 0;
		}
		sb_puts(sb, "{");
		expr_type_name(t, sb);
		sb_puts(sb, "} ");
		sym_append_addr(sb, &c->h.sym, v->addr);
		return 0;
	default:
		break;
	}
	r = fetch(&ev, &f);
	if (r)
		return r;
	s = to_scalar(&f);
	if (!fmt) {
		if (t->code == TY_PTR)
			print_pointer(c, &f, sb);
		else if (t->code == TY_FLAGS)
			print_flags(s.bits, sb);
		else
			xfmt_scalar(sb, &s, 0, false, &c->h.sym);
		return 0;
	}
	if (t->code == TY_FLOAT && fmt == 'c') {
		/* c converts the value, the others show the bits */
		struct value i = int_convert(bt(c, B_LONG), &f);

		s = to_scalar(&i);
	}
	if (fmt == 'f' && t->code == TY_FLOAT) {
		xfmt_float(sb, s.bits, s.size);
		return 0;
	}
	xfmt_scalar(sb, &s, fmt, false, &c->h.sym);
	return 0;
}

/* --- history and convenience variables --- */

int expr_history_count(const struct expr_ctx *c)
{
	return c->nhist;
}

int expr_history_get(const struct expr_ctx *c, int n, struct value *v)
{
	if (n < 1 || n > c->nhist)
		return -ENOENT;
	*v = c->hist[n - 1];
	return 0;
}

int expr_history_add(struct expr_ctx *c, const struct value *v)
{
	if (c->nhist == c->caphist) {
		int cap = c->caphist ? 2 * c->caphist : 16;
		struct value *h = realloc(c->hist, cap * sizeof(*h));

		if (!h)
			return -ENOMEM;
		c->hist = h;
		c->caphist = cap;
	}
	c->hist[c->nhist] = *v;
	/* History values are copies: no longer lvalues of what they were,
	 * but functions keep their address. */
	if (v->lval != LV_MEMORY)
		c->hist[c->nhist].lval = LV_NONE;
	c->hist[c->nhist].ivar = NULL;
	return ++c->nhist;
}

int expr_set_var(struct expr_ctx *c, const char *name,
		 const struct value *v)
{
	struct expr_ivar *iv = ivar_get(c, name);

	if (!iv)
		return -ENOMEM;
	iv->set = v != NULL;
	if (v) {
		iv->v = *v;
		iv->v.lval = v->lval == LV_MEMORY ? LV_MEMORY : LV_NONE;
		iv->v.ivar = NULL;
	}
	return 0;
}

int expr_get_var(const struct expr_ctx *c, const char *name,
		 struct value *v)
{
	const struct expr_ivar *iv = ivar_find(c, name);

	if (!iv || !iv->set) {
		*v = (struct value){ .type = &c->builtin[B_VOID] };
		return -ENOENT;
	}
	*v = iv->v;
	return 0;
}

void expr_note_examine(struct expr_ctx *c, const struct xfmt_state *st)
{
	static const int ints[] = { 0, B_I8, B_I16, 0, B_I32, 0, 0, 0, B_I64 };
	const struct ty *t, *p;
	struct value v;

	if (!st->have_last)
		return;
	t = bt(c, st->last_unit ? ints[st->last_unit] : B_I8);
	p = expr_type_pointer(c, t);
	if (!p)
		return;
	v = expr_value_int(p, st->last_addr);
	expr_set_var(c, "_", &v);
	if (st->last_unit) {
		v = expr_value_int(t, st->last_bits);
		v.lval = LV_MEMORY;
		v.addr = st->last_addr;
		expr_set_var(c, "__", &v);
	} else {
		expr_set_var(c, "__", NULL);
	}
}

/* --- print --- */

int expr_print_command(struct expr_ctx *c, const char *args,
		       struct strbuf *out, struct strbuf *err)
{
	const char *p = args;
	struct strbuf text = STRBUF_INIT;
	struct value v;
	int fmt = 0, n, r;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '/') {
		p++;
		if (isdigit((unsigned char)*p) || *p == '-') {
			while (isdigit((unsigned char)*p) || *p == '-')
				p++;
			sb_puts(err, "Item count other than 1 is meaningless "
				     "in \"print\" command.");
			return -EINVAL;
		}
		while (isalpha((unsigned char)*p)) {
			if (strchr("bhwg", *p)) {
				sb_puts(err, "Size letters are meaningless in "
					     "\"print\" command.");
				return -EINVAL;
			}
			if (*p == 'i') {
				sb_puts(err, "Format letter \"i\" is "
					     "meaningless in \"print\" "
					     "command.");
				return -EINVAL;
			}
			if (!strchr("xduotzacfs", *p)) {
				sb_printf(err, "Undefined output format "
					  "\"%c\".", *p);
				return -EINVAL;
			}
			fmt = *p++;
		}
		while (*p == ' ' || *p == '\t')
			p++;
	}
	if (!*p) {
		sb_reset(&c->warn);
		if (!c->nhist) {
			sb_puts(err, "The history is empty.");
			return -ENOENT;
		}
		v = c->hist[c->nhist - 1];
	} else {
		r = expr_evaluate(c, p, &v, err);
		if (r)
			return r;
	}
	r = expr_format_value(c, &v, fmt, &text, err);
	if (r) {
		sb_free(&text);
		return r;
	}
	n = expr_history_add(c, &v);
	if (n < 0) {
		sb_free(&text);
		return n;
	}
	sb_puts(out, expr_warnings(c));
	sb_printf(out, "$%d = %s\n", n, sb_str(&text));
	sb_free(&text);
	return 0;
}

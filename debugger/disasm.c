/* disasm: capstone 4 respelled as gdb (see disasm.h).
 *
 * Capstone's operand text is rewritten token by token rather than rebuilt
 * from the detail operands: the text already has the right operand order,
 * register names, '*' for indirect branches and string-instruction
 * operands that the detail leaves out. The detail supplies what the text
 * lacks: operand sizes (for immediates), whether a zero displacement was
 * encoded (gdb prints "0x0(%rax)"), and branch targets.
 */
#include "disasm.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debugger/dl.h"

struct dis {
	csh h;
	enum dis_mode mode;
	enum dis_flavor fl;
	cs_insn *insn;
};

/* A bounded appender into a fixed buffer (truncates, never overflows). */
struct obuf {
	char *p;
	size_t len, cap;
};

static void ob_init(struct obuf *b, char *p, size_t cap)
{
	b->p = p;
	b->len = 0;
	b->cap = cap;
	p[0] = '\0';
}

static void ob_putn(struct obuf *b, const char *s, size_t n)
{
	if (b->len + n >= b->cap)
		n = b->cap - 1 - b->len;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void ob_puts(struct obuf *b, const char *s)
{
	ob_putn(b, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3)))
ob_printf(struct obuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n < b->cap - b->len ? (size_t)n
						      : b->cap - 1 - b->len;
}

static uint64_t mask_size(uint64_t v, unsigned size)
{
	return size && size < 8 ? v & ((1ULL << (8 * size)) - 1) : v;
}

/* Capstone prints numbers as decimal below 10 and 0x-hex above, either
 * possibly negative. */
static bool parse_num(const char **sp, int64_t *v)
{
	const char *s = *sp;
	bool neg = false;
	uint64_t u;
	char *end;

	if (*s == '-') {
		neg = true;
		s++;
	}
	if (!isdigit((unsigned char)*s))
		return false;
	u = strtoull(s, &end, 0);
	*v = (int64_t)(neg ? -u : u);
	*sp = end;
	return true;
}

int dis_create(struct dis **out, enum dis_mode mode, enum dis_flavor fl)
{
	struct dis *d;
	int err;

	err = dl_need(DL_CAPSTONE);
	if (err)
		return err;
	d = calloc(1, sizeof(*d));
	if (!d)
		return -ENOMEM;
	d->mode = mode;
	d->fl = fl;
	if (cs_open(CS_ARCH_X86, mode == DIS_I386 ? CS_MODE_32 : CS_MODE_64,
		    &d->h) != CS_ERR_OK) {
		free(d);
		return -ENOSYS;
	}
	cs_option(d->h, CS_OPT_DETAIL, CS_OPT_ON);
	err = dis_set_flavor(d, fl);
	if (!err) {
		d->insn = cs_malloc(d->h);
		if (!d->insn)
			err = -ENOMEM;
	}
	if (err) {
		cs_close(&d->h);
		free(d);
		return err;
	}
	*out = d;
	return 0;
}

void dis_destroy(struct dis *d)
{
	if (!d)
		return;
	if (d->insn)
		cs_free(d->insn, 1);
	cs_close(&d->h);
	free(d);
}

int dis_set_mode(struct dis *d, enum dis_mode mode)
{
	if (cs_option(d->h, CS_OPT_MODE,
		      mode == DIS_I386 ? CS_MODE_32 : CS_MODE_64) != CS_ERR_OK)
		return -EINVAL;
	d->mode = mode;
	return 0;
}

int dis_set_flavor(struct dis *d, enum dis_flavor fl)
{
	if (cs_option(d->h, CS_OPT_SYNTAX,
		      fl == DIS_INTEL ? CS_OPT_SYNTAX_INTEL
				      : CS_OPT_SYNTAX_ATT) != CS_ERR_OK)
		return -EINVAL;
	d->fl = fl;
	return 0;
}

enum dis_flavor dis_flavor(const struct dis *d)
{
	return d->fl;
}

enum dis_mode dis_mode(const struct dis *d)
{
	return d->mode;
}

/* --- what the instruction is --- */

/* String instructions by opcode: capstone shares instruction ids between
 * the string movsd/cmpsd and the SSE ones. */
static bool is_string_op(const cs_insn *ci)
{
	const cs_x86 *x = &ci->detail->x86;
	uint8_t op = x->opcode[0];

	if (x->opcode[1])
		return false;
	return (op >= 0xa4 && op <= 0xa7) || (op >= 0xaa && op <= 0xaf) ||
	       (op >= 0x6c && op <= 0x6f);
}

static bool is_cmps_scas(const cs_insn *ci)
{
	uint8_t op = ci->detail->x86.opcode[0];

	return is_string_op(ci) && (op == 0xa6 || op == 0xa7 || op == 0xae ||
				    op == 0xaf);
}

static bool is_shift(unsigned id)
{
	switch (id) {
	case X86_INS_SHL: case X86_INS_SAL: case X86_INS_SHR:
	case X86_INS_SAR: case X86_INS_ROL: case X86_INS_ROR:
	case X86_INS_RCL: case X86_INS_RCR:
		return true;
	}
	return false;
}

static bool is_branch(struct dis *d, const cs_insn *ci)
{
	return cs_insn_group(d->h, ci, CS_GRP_JUMP) ||
	       cs_insn_group(d->h, ci, CS_GRP_CALL) ||
	       cs_insn_group(d->h, ci, CS_GRP_RET);
}

static void classify(struct dis *d, const cs_insn *ci, struct dis_insn *o)
{
	const cs_x86 *x = &ci->detail->x86;
	int i;

	if (cs_insn_group(d->h, ci, CS_GRP_JUMP)) {
		o->flags |= DIS_F_JUMP;
		if (ci->id != X86_INS_JMP && ci->id != X86_INS_LJMP)
			o->flags |= DIS_F_COND;
	}
	if (cs_insn_group(d->h, ci, CS_GRP_CALL))
		o->flags |= DIS_F_CALL;
	if (cs_insn_group(d->h, ci, CS_GRP_RET) ||
	    cs_insn_group(d->h, ci, CS_GRP_IRET))
		o->flags |= DIS_F_RET;
	if ((o->flags & (DIS_F_JUMP | DIS_F_CALL)) && x->op_count >= 1) {
		if (x->operands[0].type == X86_OP_IMM) {
			o->flags |= DIS_F_TARGET;
			o->target = x->operands[0].imm;
			if (d->mode == DIS_I386)
				o->target &= 0xffffffff;
		} else {
			o->flags |= DIS_F_INDIRECT;
		}
	}
	switch (ci->id) {
	case X86_INS_SYSCALL: case X86_INS_SYSENTER:
		o->flags |= DIS_F_SYSCALL;
		break;
	case X86_INS_INT:
		if (x->op_count == 1 && x->operands[0].imm == 0x80)
			o->flags |= DIS_F_SYSCALL;
		else
			o->flags |= DIS_F_TRAP;
		break;
	case X86_INS_INT3: case X86_INS_UD2: case X86_INS_HLT:
		o->flags |= DIS_F_TRAP;
		break;
	}
	for (i = 0; i < x->op_count; i++) {
		const cs_x86_op *op = &x->operands[i];

		if (op->type == X86_OP_MEM && op->mem.base == X86_REG_RIP) {
			o->flags |= DIS_F_MEMREF;
			o->memref = ci->address + ci->size + op->mem.disp;
		}
	}
}

/* Was a displacement encoded for this memory operand? gdb prints an
 * encoded zero ("0x0(%rax)"); capstone drops it. */
static bool disp_encoded(const cs_insn *ci, const cs_x86_op *op)
{
	unsigned mod = ci->detail->x86.modrm >> 6;

	if (op->mem.base == X86_REG_RIP || op->mem.base == X86_REG_EIP)
		return true;
	if (is_string_op(ci))
		return false;
	if (mod == 1 || mod == 2)
		return true;
	/* mod 0 without a base register: a disp32 stands alone. */
	return op->mem.base == X86_REG_INVALID &&
	       op->mem.index != X86_REG_INVALID;
}

static const cs_x86_op *detail_op(const cs_insn *ci, int idx, int ntok)
{
	const cs_x86 *x = &ci->detail->x86;

	if (x->op_count != ntok || idx >= x->op_count)
		return NULL;
	return &x->operands[idx];
}

/* Split capstone's operand text at top-level commas. */
static int split_ops(const char *s, char tok[][96], int max)
{
	int n = 0, depth = 0;
	size_t k = 0;

	if (!*s)
		return 0;
	for (; *s; s++) {
		if (*s == '(' || *s == '[' || *s == '{')
			depth++;
		else if (*s == ')' || *s == ']' || *s == '}')
			depth--;
		if (*s == ',' && depth == 0) {
			tok[n][k] = '\0';
			if (++n == max)
				return n;
			k = 0;
			while (s[1] == ' ')
				s++;
			continue;
		}
		if (k < 95)
			tok[n][k++] = *s;
	}
	tok[n][k] = '\0';
	return n + 1;
}

static const char *seg_name(unsigned reg)
{
	switch (reg) {
	case X86_REG_CS: return "cs";
	case X86_REG_DS: return "ds";
	case X86_REG_ES: return "es";
	case X86_REG_SS: return "ss";
	case X86_REG_FS: return "fs";
	case X86_REG_GS: return "gs";
	}
	return NULL;
}

/* What the operand pass learns for the mnemonic. */
struct spell {
	bool gpr;		/* a register operand gives the size */
	const char *seg_prefix;	/* a segment override shown as a prefix */
};

/* In 64-bit mode cs/ds/es/ss overrides do nothing, and libopcodes shows
 * them as prefixes ("cs nopw 0x0(%rax,%rax,1)"). */
static bool seg_as_prefix(struct dis *d, const cs_insn *ci, unsigned seg)
{
	return d->mode == DIS_X86_64 && !is_string_op(ci) &&
	       seg != X86_REG_FS && seg != X86_REG_GS && seg_name(seg);
}

/* x87 register forms: libopcodes names both stack operands where
 * capstone names one. Which forms, by opcode and ModRM range; the order
 * is AT&T's: +1 "%st(i),%st", -1 "%st,%st(i)" (Intel reverses). */
static const struct {
	uint8_t op, lo, hi;
	int8_t order;
} x87_two[] = {
	{ 0xd8, 0xc0, 0xcf, 1 }, { 0xd8, 0xe0, 0xff, 1 },
	{ 0xdc, 0xc0, 0xcf, -1 }, { 0xdc, 0xe0, 0xff, -1 },
	{ 0xde, 0xc0, 0xcf, -1 }, { 0xde, 0xe0, 0xff, -1 },
	{ 0xda, 0xc0, 0xdf, 1 }, { 0xdb, 0xc0, 0xdf, 1 },
	{ 0xdb, 0xe8, 0xf7, 1 }, { 0xdf, 0xe8, 0xf7, 1 },
};

static bool x87_fix(struct dis *d, const cs_insn *ci, struct obuf *ops)
{
	const cs_x86 *x = &ci->detail->x86;
	bool att = d->fl == DIS_ATT;
	size_t i;

	if (x->opcode[0] < 0xd8 || x->opcode[0] > 0xdf || x->modrm < 0xc0)
		return false;
	for (i = 0; i < sizeof(x87_two) / sizeof(x87_two[0]); i++) {
		if (x->opcode[0] != x87_two[i].op || x->modrm < x87_two[i].lo ||
		    x->modrm > x87_two[i].hi)
			continue;
		if ((x87_two[i].order > 0) == att)
			ob_printf(ops, att ? "%%st(%d),%%st" : "st(%d),st",
				  x->modrm & 7);
		else
			ob_printf(ops, att ? "%%st,%%st(%d)" : "st,st(%d)",
				  x->modrm & 7);
		return true;
	}
	return false;
}

/* d0..d3 /4 etc.: d0/d1 shift by an implicit one. */
static bool shift_by_one(const cs_insn *ci)
{
	uint8_t op = ci->detail->x86.opcode[0];

	return (op == 0xd0 || op == 0xd1) && !ci->detail->x86.opcode[1];
}

static unsigned imm_size(struct dis *d, const cs_insn *ci,
			 const cs_x86_op *op)
{
	if (ci->id == X86_INS_XABORT)
		return 1;
	if (ci->id == X86_INS_ENTER)	/* enter $imm16,$imm8 */
		return op == &ci->detail->x86.operands[0] ? 2 : 1;
	if (op && op->type == X86_OP_IMM && op->size)
		return op->size;
	return d->mode == DIS_I386 ? 4 : 8;
}

/* --- AT&T operands --- */

/* A SIB byte without an index register: libopcodes shows the "zero
 * index" %riz/%eiz where the encoding would otherwise be lost (a scale
 * other than 1, a base other than the stack pointer, or in 32-bit mode no
 * base at all). Returns the scale to show, 0 for none. */
static int sib_zero_index(struct dis *d, const cs_insn *ci, bool *nobase)
{
	const cs_x86 *x = &ci->detail->x86;
	unsigned mod = x->modrm >> 6, rm = x->modrm & 7;
	unsigned scale = x->sib >> 6, index = (x->sib >> 3) & 7;
	unsigned base = x->sib & 7;

	*nobase = false;
	if (mod == 3 || rm != 4 || index != 4 || (x->rex & 2) ||
	    is_string_op(ci) || x->addr_size == 2)
		return 0;
	if (base == 5 && mod == 0) {
		*nobase = true;
		return d->mode == DIS_I386 ? 1 << scale : 0;
	}
	if (scale || base != 4)
		return 1 << scale;
	return 0;
}

static const char *zero_index_name(struct dis *d, const cs_insn *ci)
{
	return d->mode == DIS_X86_64 && ci->detail->x86.addr_size == 8
	       ? "riz" : "eiz";
}

/* "disp(base, index, scale)" -> "0xdisp(base,index,scale)". zidx: a zero
 * index register to show ("%riz"), with its scale. */
static void att_mem(struct obuf *b, const char *t, bool disp0,
		    const char *zidx, int zscale)
{
	int64_t disp = 0;
	char parts[3][32];
	int np = 0;
	size_t k = 0;

	parse_num(&t, &disp);
	if (!*t && zidx) {
		ob_printf(b, "0x%" PRIx64 "(,%%%s,%d)", (uint64_t)disp, zidx,
			  zscale);
		return;
	}
	if (!*t) {			/* an absolute address */
		ob_printf(b, "0x%" PRIx64, (uint64_t)disp);
		return;
	}
	if (disp < 0)
		ob_printf(b, "-0x%" PRIx64, -(uint64_t)disp);
	else if (disp || disp0)
		ob_printf(b, "0x%" PRIx64, (uint64_t)disp);
	if (*t != '(') {
		ob_puts(b, t);
		return;
	}
	for (t++; *t && *t != ')'; t++) {
		if (*t == ',') {
			parts[np][k] = '\0';
			if (++np == 3)
				break;
			k = 0;
			continue;
		}
		if (*t != ' ' && k < 31)
			parts[np][k++] = *t;
	}
	if (np < 3)
		parts[np++][k] = '\0';
	ob_printf(b, "(%s", parts[0]);
	if (np >= 2)
		ob_printf(b, ",%s,%s", parts[1], np == 3 ? parts[2] : "1");
	else if (zidx)
		ob_printf(b, ",%%%s,%d", zidx, zscale);
	ob_putn(b, ")", 1);
}

/* A register operand, with AVX-512 decorations written as gdb does:
 * capstone's "%zmm1 {%k1} {z}" is "%zmm1{%k1}{z}". */
static void put_reg(struct obuf *b, const char *t)
{
	for (; *t; t++)
		if (!(*t == ' ' && t[1] == '{'))
			ob_putn(b, t, 1);
}

static bool is_gpr(const char *t)
{
	static const char *const non_gpr[] = {
		"%xmm", "%ymm", "%zmm", "%st", "%mm", "%k", "%cr", "%dr",
		"%bnd",
	};
	static const char *const segs[] = {
		"%es", "%cs", "%ss", "%ds", "%fs", "%gs",
	};
	size_t i;

	for (i = 0; i < sizeof(non_gpr) / sizeof(non_gpr[0]); i++)
		if (!strncmp(t, non_gpr[i], strlen(non_gpr[i])))
			return false;
	for (i = 0; i < sizeof(segs) / sizeof(segs[0]); i++)
		if (!strcmp(t, segs[i]))
			return false;
	return t[0] == '%';
}

/* in/out/ins/outs name the port register as "(%dx)". */
static bool is_port_op(const cs_insn *ci)
{
	const cs_x86 *x = &ci->detail->x86;

	return !x->opcode[1] && ((x->opcode[0] >= 0xec &&
				  x->opcode[0] <= 0xef) ||
				 (x->opcode[0] >= 0x6c && x->opcode[0] <= 0x6f));
}

static void att_operands(struct dis *d, const cs_insn *ci, const char *text,
			 struct obuf *b, struct spell *st)
{
	char tok[8][96];
	int n = split_ops(text, tok, 8), i;
	bool string = is_string_op(ci);

	for (i = 0; i < n; i++) {
		const cs_x86_op *op = detail_op(ci, i, n);
		const char *t = tok[i];

		if (i)
			ob_putn(b, ",", 1);
		if (*t == '*') {
			ob_putn(b, "*", 1);
			t++;
		}
		if (*t == '$') {
			const char *p = t + 1;
			int64_t v;

			if (parse_num(&p, &v) && !*p)
				ob_printf(b, "$0x%" PRIx64,
					  mask_size(v, imm_size(d, ci, op)));
			else
				ob_puts(b, t);
			continue;
		}
		if (*t == '%' && !strchr(t, ':')) {
			/* A shift count in %cl says nothing of the size. */
			if (is_gpr(t) && !(is_shift(ci->id) && i == 0 &&
					   n == 2 && !strcmp(t, "%cl")))
				st->gpr = true;
			if (!strcmp(t, "%dx") && is_port_op(ci))
				ob_puts(b, "(%dx)");
			else
				put_reg(b, t);
			continue;
		}
		if (*t == '%') {		/* %seg:memory */
			const char *colon = strchr(t, ':');

			if (op && op->type == X86_OP_MEM &&
			    seg_as_prefix(d, ci, op->mem.segment))
				st->seg_prefix = seg_name(op->mem.segment);
			else
				ob_putn(b, t, colon + 1 - t);
			t = colon + 1;
		} else if (string && *t == '(') {
			/* gdb names the implicit segments of string
			 * instructions. */
			if (strstr(t, "di)"))
				ob_puts(b, "%es:");
			else if (strstr(t, "si)"))
				ob_puts(b, "%ds:");
		}
		{
			bool mem = op && op->type == X86_OP_MEM, nobase;
			int zs = mem ? sib_zero_index(d, ci, &nobase) : 0;

			att_mem(b, t, mem && disp_encoded(ci, op),
				zs ? zero_index_name(d, ci) : NULL, zs);
		}
	}
}

/* --- Intel operands --- */

static void intel_mem(struct dis *d, const cs_insn *ci, const cs_x86_op *op,
		      struct obuf *b, struct spell *st)
{
	const char *seg = seg_name(op->mem.segment);
	int64_t disp = op->mem.disp;
	bool any = false, nobase;
	int zs;

	if (is_string_op(ci) && !seg) {
		if (op->mem.base == X86_REG_RDI || op->mem.base == X86_REG_EDI)
			seg = "es";
		else
			seg = "ds";
	} else if (seg && seg_as_prefix(d, ci, op->mem.segment)) {
		st->seg_prefix = seg;
		seg = NULL;
	}
	zs = sib_zero_index(d, ci, &nobase);
	if (op->mem.base == X86_REG_INVALID &&
	    op->mem.index == X86_REG_INVALID && !zs) {
		/* gdb: "ds:0x601040", "fs:0x28" */
		ob_printf(b, "%s:0x%" PRIx64, seg ? seg : "ds",
			  mask_size(disp, d->mode == DIS_I386 ? 4 : 8));
		return;
	}
	if (seg)
		ob_printf(b, "%s:", seg);
	ob_putn(b, "[", 1);
	if (op->mem.base != X86_REG_INVALID) {
		ob_puts(b, cs_reg_name(d->h, op->mem.base));
		any = true;
	}
	if (op->mem.index != X86_REG_INVALID) {
		ob_printf(b, "%s%s*%d", any ? "+" : "",
			  cs_reg_name(d->h, op->mem.index), op->mem.scale);
		any = true;
	} else if (zs) {
		ob_printf(b, "%s%s*%d", any ? "+" : "", zero_index_name(d, ci),
			  zs);
		any = true;
	}
	/* gdb shows rip-relative displacements unsigned. */
	if (op->mem.base == X86_REG_RIP)
		ob_printf(b, "+0x%" PRIx64, (uint64_t)disp);
	else if (disp < 0)
		ob_printf(b, "-0x%" PRIx64, -(uint64_t)disp);
	else if (disp || disp_encoded(ci, op) || nobase)
		ob_printf(b, "+0x%" PRIx64, (uint64_t)disp);
	ob_putn(b, "]", 1);
}

/* Memory operand sizes capstone 4 gets wrong in Intel syntax. */
static const struct {
	unsigned id;
	const char *size;
} intel_sizes[] = {
	{ X86_INS_COMISS, "DWORD" }, { X86_INS_UCOMISS, "DWORD" },
	{ X86_INS_VCOMISS, "DWORD" }, { X86_INS_VUCOMISS, "DWORD" },
	{ X86_INS_COMISD, "QWORD" }, { X86_INS_UCOMISD, "QWORD" },
	{ X86_INS_VCOMISD, "QWORD" }, { X86_INS_VUCOMISD, "QWORD" },
	{ X86_INS_FNSTSW, "WORD" },
};

static const char *intel_size_fix(unsigned id)
{
	size_t i;

	for (i = 0; i < sizeof(intel_sizes) / sizeof(intel_sizes[0]); i++)
		if (intel_sizes[i].id == id)
			return intel_sizes[i].size;
	return NULL;
}

static void intel_operands(struct dis *d, const cs_insn *ci,
			   const char *text, struct obuf *b, struct spell *st)
{
	char tok[8][96];
	int n = split_ops(text, tok, 8), i;

	for (i = 0; i < n; i++) {
		const cs_x86_op *op = detail_op(ci, i, n);
		const char *t = tok[i];
		const char *ptr = strstr(t, " ptr ");
		int64_t v;

		if (i)
			ob_putn(b, ",", 1);
		/* a0..a3, mov to/from a moffs: gdb shows no size. */
		if (ptr && ci->detail->x86.opcode[0] >= 0xa0 &&
		    ci->detail->x86.opcode[0] <= 0xa3 &&
		    !ci->detail->x86.opcode[1]) {
			t = ptr + 5;
			ptr = NULL;
		}
		if (ptr) {		/* "dword ptr" -> "DWORD PTR" */
			const char *fix = intel_size_fix(ci->id);

			if (fix) {
				ob_puts(b, fix);
			} else if (!strncmp(t, "xword", 5)) {
				ob_puts(b, "TBYTE");
			} else {
				for (; t < ptr; t++)
					ob_printf(b, "%c",
						  toupper((unsigned char)*t));
			}
			ob_puts(b, " PTR ");
			t = ptr + 5;
		}
		if (op && op->type == X86_OP_MEM) {
			intel_mem(d, ci, op, b, st);
			continue;
		}
		if (op && op->type == X86_OP_IMM) {
			const char *p = t;

			if (parse_num(&p, &v) && !*p) {
				ob_printf(b, "0x%" PRIx64,
					  mask_size(v, imm_size(d, ci, op)));
				continue;
			}
		}
		if (op && op->type == X86_OP_REG && !strcmp(t, "dx") &&
		    is_port_op(ci)) {
			ob_puts(b, "dx");
			continue;
		}
		put_reg(b, t);
	}
}

/* --- mnemonics --- */

/* capstone's AT&T mnemonic -> gdb's, before suffix handling. */
static const struct {
	const char *cs, *gdb;
} att_renames[] = {
	{ "retq", "ret" }, { "callq", "call" }, { "jmpq", "jmp" },
	{ "leaveq", "leave" }, { "retl", "ret" }, { "calll", "call" },
	{ "jmpl", "jmp" }, { "leavel", "leave" }, { "pushfq", "pushf" },
	{ "popfq", "popf" }, { "pushfl", "pushf" }, { "popfl", "popf" },
	{ "ud2b", "ud2" }, { "lretl", "lret" }, { "sysretl", "sysret" },
};

static void att_base(struct dis *d, const cs_insn *ci, char *base,
		     const struct spell *st)
{
	const char *name = cs_insn_name(d->h, ci->id);
	size_t i, bl, nl = name ? strlen(name) : 0;

	for (i = 0; i < sizeof(att_renames) / sizeof(att_renames[0]); i++)
		if (!strcmp(base, att_renames[i].cs))
			strcpy(base, att_renames[i].gdb);
	bl = strlen(base);
	if (is_string_op(ci)) {
		/* stos/lods/scas name a register: no suffix. */
		if (st->gpr && bl == 5 && strchr("bwlq", base[4]) &&
		    (!strncmp(base, "stos", 4) || !strncmp(base, "lods", 4) ||
		     !strncmp(base, "scas", 4)))
			base[4] = '\0';
		return;
	}
	/* The suffix stays only when no register operand gives the size
	 * ("movl $0x0,(%rax)" but "mov $0x0,%eax"). */
	if (st->gpr && nl && bl == nl + 1 && !strncmp(base, name, nl) &&
	    strchr("bwlq", base[bl - 1])) {
		base[bl - 1] = '\0';
		return;
	}
	if ((d->mode == DIS_X86_64 &&
	     (!strcmp(base, "pushq") || !strcmp(base, "popq"))) ||
	    ((!strcmp(base, "pushl") || !strcmp(base, "popl") ||
	      !strcmp(base, "pushw") || !strcmp(base, "popw")) &&
	     ci->detail->x86.op_count == 1 &&
	     ci->detail->x86.operands[0].type == X86_OP_REG))
		base[bl - 1] = '\0';	/* push $0x0, push 0x8(%rsp), push %ds */
	else if (!strcmp(base, "pushl") && ci->detail->x86.op_count == 1 &&
		 ci->detail->x86.operands[0].type == X86_OP_IMM)
		base[bl - 1] = '\0';
}

static void intel_base(const cs_insn *ci, char *base)
{
	size_t bl = strlen(base);

	/* Intel spells string instructions without a size letter; the
	 * operands' PTR gives it: "rep stos DWORD PTR es:[rdi],eax". */
	if (is_string_op(ci) && bl == 5 && strchr("bwdq", base[4]) &&
	    strcmp(base, "outsb") && strcmp(base, "insb"))
		base[4] = '\0';
	else if (is_string_op(ci) && bl == 5 && strchr("bwdq", base[4]))
		base[3] = '\0';
}

static bool has_mem_operand(const cs_insn *ci)
{
	const cs_x86 *x = &ci->detail->x86;
	int i;

	if (is_string_op(ci))
		return true;
	for (i = 0; i < x->op_count; i++)
		if (x->operands[i].type == X86_OP_MEM)
			return true;
	return false;
}

static const char *seg_prefix_name(uint8_t byte)
{
	switch (byte) {
	case 0x2e: return "cs";
	case 0x36: return "ss";
	case 0x3e: return "ds";
	case 0x26: return "es";
	case 0x64: return "fs";
	case 0x65: return "gs";
	}
	return "?";
}

/* The prefixes gdb shows, in order, then the base mnemonic. */
static void put_mnemonic(struct dis *d, const cs_insn *ci, struct obuf *b,
			 const struct spell *st)
{
	const cs_x86 *x = &ci->detail->x86;
	bool cmps_scas = is_cmps_scas(ci);
	char words[4][32];
	int nw = 0, i, n66 = 0, k;
	const char *s = ci->mnemonic;

	while (*s && nw < 4) {
		size_t len = 0;

		while (*s == ' ')
			s++;
		while (*s && *s != ' ' && len < 31)
			words[nw][len++] = *s++;
		words[nw][len] = '\0';
		if (len)
			nw++;
	}
	if (!nw)
		return;
	if (d->fl == DIS_ATT)
		att_base(d, ci, words[nw - 1], st);
	else
		intel_base(ci, words[nw - 1]);

	/* Extra operand-size prefixes beyond the one the instruction uses
	 * show as "data16" (multi-byte nop padding, TLS sequences). One
	 * 0x66 is the instruction's own unless REX.W overrides it outside
	 * the 0f opcode space. */
	for (k = 0; k < (int)ci->size; k++) {
		uint8_t p = ci->bytes[k];

		if (p == 0x66)
			n66++;
		else if (p != 0x2e && p != 0x3e && p != 0x26 && p != 0x36 &&
			 p != 0x64 && p != 0x65 && p != 0x67 && p != 0xf0 &&
			 p != 0xf2 && p != 0xf3)
			break;
	}
	if ((x->rex & 8) && x->opcode[0] != 0x0f)
		n66++;
	for (k = 1; k < n66; k++)
		ob_puts(b, "data16 ");

	for (i = 0; i < nw - 1; i++) {
		const char *w = words[i];

		if (cmps_scas && (!strcmp(w, "rep") || !strcmp(w, "repe")))
			w = "repz";
		else if (cmps_scas && !strcmp(w, "repne"))
			w = "repnz";
		else if (!strcmp(w, "repe"))
			w = "repz";
		else if (!strcmp(w, "repne") && is_branch(d, ci))
			w = "bnd";
		else if (!strcmp(w, "rep") && ci->id == X86_INS_RET)
			w = "repz";
		ob_printf(b, "%s ", w);
	}
	/* f3 c3, the old AMD branch-predictor "repz ret": capstone drops
	 * the prefix. */
	if (nw == 1 && ci->id == X86_INS_RET && ci->bytes[0] == 0xf3)
		ob_puts(b, "repz ");
	if (st->seg_prefix)
		ob_printf(b, "%s ", st->seg_prefix);
	else if (x->prefix[1] && !has_mem_operand(ci) && !is_branch(d, ci))
		ob_printf(b, "%s ", seg_prefix_name(x->prefix[1]));
	/* notrack: a ds prefix on an indirect branch (CET). */
	if ((cs_insn_group(d->h, ci, CS_GRP_JUMP) ||
	     cs_insn_group(d->h, ci, CS_GRP_CALL)) &&
	    x->prefix[1] == X86_PREFIX_DS && x->op_count == 1 &&
	    x->operands[0].type != X86_OP_IMM)
		ob_puts(b, "notrack ");
	ob_puts(b, words[nw - 1]);
}

static void spell(struct dis *d, const cs_insn *ci, struct dis_insn *o)
{
	const cs_x86 *x = &ci->detail->x86;
	bool att = d->fl == DIS_ATT;
	struct spell st = { 0 };
	struct obuf ops, mn;
	char tmp[200];
	int i;

	ob_init(&ops, o->operands, sizeof(o->operands));
	ob_init(&mn, o->mnemonic, sizeof(o->mnemonic));
	/* 66 90 is "xchg %ax,%ax" to libopcodes; capstone calls it nop. */
	if (ci->size == 2 && ci->bytes[0] == 0x66 && ci->bytes[1] == 0x90) {
		ob_puts(&mn, "xchg");
		ob_puts(&ops, att ? "%ax,%ax" : "ax,ax");
		return;
	}
	if (!x87_fix(d, ci, &ops)) {
		const char *text = ci->op_str;
		char tok[8][96];

		/* 91..97: capstone swaps the short xchg's operands. */
		if (x->opcode[0] >= 0x91 && x->opcode[0] <= 0x97 &&
		    !x->opcode[1] && split_ops(text, tok, 8) == 2) {
			snprintf(tmp, sizeof(tmp), "%s, %s", tok[1], tok[0]);
			text = tmp;
		}
		if (att)
			att_operands(d, ci, text, &ops, &st);
		else
			intel_operands(d, ci, text, &ops, &st);
	}
	/* d0/d1 shift by one, which gdb leaves implicit in AT&T
	 * ("shr %eax") and writes as "1" in Intel ("shr eax,1"). */
	if (shift_by_one(ci)) {
		char *p = att ? strstr(o->operands, "$0x1,") : NULL;

		if (p == o->operands)
			memmove(p, p + 5, strlen(p + 5) + 1);
		else if (!att && (p = strstr(o->operands, ",0x1")) &&
			 !p[4])
			strcpy(p, ",1");
	}
	put_mnemonic(d, ci, &mn, &st);
	/* movd with a 64-bit register is movq to gdb. */
	if (!strcmp(o->mnemonic, "movd")) {
		for (i = 0; i < x->op_count; i++)
			if (x->operands[i].type == X86_OP_REG &&
			    x->operands[i].size == 8 &&
			    cs_reg_name(d->h, x->operands[i].reg)[0] == 'r')
				strcpy(o->mnemonic, "movq");
	}
}

/* 9b before a non-waiting x87 control instruction is one instruction to
 * libopcodes: "wait; fnstcw" is "fstcw". */
static bool fwait_merge(struct dis *d, const uint8_t *code, size_t len,
			uint64_t addr, struct dis_insn *o)
{
	struct dis_insn next;
	char *n;

	if (dis_decode(d, code + 1, len - 1, addr + 1, &next) ||
	    (next.flags & DIS_F_BAD) || strncmp(next.mnemonic, "fn", 2) ||
	    !strcmp(next.mnemonic, "fnop"))
		return false;
	n = next.mnemonic;
	memmove(n + 1, n + 2, strlen(n + 2) + 1);	/* drop the 'n' */
	next.addr = addr;
	next.size++;
	memmove(next.bytes + 1, next.bytes, 15);
	next.bytes[0] = 0x9b;
	*o = next;
	return true;
}

int dis_decode(struct dis *d, const uint8_t *code, size_t len, uint64_t addr,
	       struct dis_insn *o)
{
	const uint8_t *p = code;
	uint64_t a = addr;
	size_t n = len;
	cs_insn *ci = d->insn;

	if (!len)
		return -EINVAL;
	memset(o, 0, sizeof(*o));
	o->addr = addr;
	if (!cs_disasm_iter(d->h, &p, &n, &a, ci)) {
		o->size = 1;
		o->bytes[0] = code[0];
		o->flags = DIS_F_BAD;
		strcpy(o->mnemonic, "(bad)");
		return 0;
	}
	o->size = ci->size;
	memcpy(o->bytes, ci->bytes, ci->size < 16 ? ci->size : 16);
	if (ci->id == X86_INS_WAIT) {
		/* Decoding on reuses d->insn: ci is done with here. */
		strcpy(o->mnemonic, "fwait");
		if (len > 1)
			fwait_merge(d, code, len, addr, o);
		return 0;
	}
	classify(d, ci, o);
	spell(d, ci, o);
	return 0;
}

int dis_read(struct dis *d, const struct mem_reader *mr, uint64_t addr,
	     struct dis_insn *out, uint64_t *fault)
{
	uint8_t buf[DIS_MAX_INSN];
	ssize_t got;
	int err;

	got = mr->read(mr->ctx, addr, buf, sizeof(buf));
	if (got <= 0) {
		if (fault)
			*fault = addr;
		return -EFAULT;
	}
	err = dis_decode(d, buf, got, addr, out);
	if (err)
		return err;
	/* Short read and a failed or truncated decode: the instruction ran
	 * into unreadable memory. */
	if ((size_t)got < sizeof(buf) && (out->flags & DIS_F_BAD) &&
	    got < DIS_MAX_INSN) {
		uint8_t more[DIS_MAX_INSN] = { 0 };
		struct dis_insn probe;

		memcpy(more, buf, got);
		if (!dis_decode(d, more, sizeof(more), addr, &probe) &&
		    !(probe.flags & DIS_F_BAD) && probe.size > (size_t)got) {
			if (fault)
				*fault = addr + got;
			return -EFAULT;
		}
	}
	return 0;
}

/* --- formatting --- */

void dis_format(struct strbuf *sb, const struct dis_insn *in,
		const struct symbolizer *sym)
{
	if (!in->operands[0]) {
		sb_puts(sb, in->mnemonic);
	} else {
		/* libopcodes pads the mnemonic to 6 columns plus a space. */
		sb_printf(sb, "%-6s %s", in->mnemonic, in->operands);
	}
	if (in->flags & DIS_F_TARGET) {
		sb_putc(sb, ' ');
		if (!sym_append_label(sb, sym, in->target))
			sb->len--, sb->buf[sb->len] = '\0';
	}
	if (in->flags & DIS_F_MEMREF) {
		sb_printf(sb, "        # 0x%" PRIx64, in->memref);
		if (sym && sym->lookup) {
			const char *name;
			uint64_t off;

			if (!sym->lookup(sym->ctx, in->memref, &name, &off))
				sb_printf(sb, off ? " <%s+%" PRIu64 ">"
						  : " <%s>", name, off);
		}
	}
}

void dis_format_x(struct strbuf *sb, const struct dis_insn *in, bool has_pc,
		  uint64_t pc, const struct symbolizer *sym)
{
	sb_puts(sb, has_pc && pc == in->addr ? "=> " : "   ");
	sym_append_addr(sb, sym, in->addr);
	sb_puts(sb, ":\t");
	dis_format(sb, in, sym);
	sb_putc(sb, '\n');
}

/* disassemble /r: the bytes, padded as gdb 13 pads them (to x86's seven
 * bytes per line, less the trailing space). */
static void raw_bytes(struct strbuf *sb, const struct dis_insn *in)
{
	char buf[3 * 16 + 1];
	size_t n = 0;
	unsigned i;

	for (i = 0; i < in->size && i < 16; i++)
		n += snprintf(buf + n, sizeof(buf) - n, i ? " %02x" : "%02x",
			      in->bytes[i]);
	sb_printf(sb, "%-19s\t", buf);
}

int dis_dump(struct dis *d, struct strbuf *sb, const struct mem_reader *mr,
	     const struct dis_dump *o, const struct symbolizer *sym,
	     uint64_t *fault)
{
	int width = d->mode == DIS_I386 ? 8 : 16;
	uint64_t a = o->start;
	struct dis_insn in;
	int err = 0;

	if (o->func)
		sb_printf(sb, "Dump of assembler code for function %s:\n",
			  o->func);
	else
		sb_printf(sb, "Dump of assembler code from 0x%" PRIx64
			  " to 0x%" PRIx64 ":\n", o->start, o->end);
	while (a < o->end) {
		const char *name = NULL;
		uint64_t off = 0;
		bool found;

		err = dis_read(d, mr, a, &in, fault);
		if (err)
			return err;
		sb_puts(sb, o->has_pc && o->pc == a ? "=> " : "   ");
		sb_printf(sb, "0x%0*" PRIx64, width, a);
		found = sym && sym->lookup &&
			!sym->lookup(sym->ctx, a, &name, &off);
		if (found && o->func && !strcmp(name, o->func))
			sb_printf(sb, " <+%" PRIu64 ">", off);
		else if (found)
			sb_printf(sb, " <%s+%" PRIu64 ">", name, off);
		sb_puts(sb, ":\t");
		if (o->raw)
			raw_bytes(sb, &in);
		dis_format(sb, &in, sym);
		sb_putc(sb, '\n');
		a += in.size;
	}
	sb_puts(sb, "End of assembler dump.\n");
	return err;
}

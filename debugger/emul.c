/* emul: simple x86-64 instructions carried out on a register set (see
 * emul.h for what is accepted and why).
 *
 * The decoder accepts exact encodings only; anything it does not know
 * is -ENOTSUP, never a guess. References: Intel SDM vol. 2 (instruction
 * formats, ModRM/SIB in 64-bit mode: mod 00 r/m 101 is rip-relative and
 * SIB base 101 with mod 00 has no base, whatever REX.B says; SIB index
 * 100 without REX.X is none) and vol. 1 3.4.3 (the status flags).
 */
#include "debugger/emul.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

enum {
	F_CF = 1 << 0,
	F_PF = 1 << 2,
	F_AF = 1 << 4,
	F_ZF = 1 << 6,
	F_SF = 1 << 7,
	F_TF = 1 << 8,
	F_OF = 1 << 11,
	F_AC = 1 << 18,
	F_STATUS = F_CF | F_PF | F_AF | F_ZF | F_SF | F_OF,
};

/* The top of the lower canonical half with 48-bit addresses. */
#define USER_TOP 0x0000800000000000ull

/* --- decoding --- */

struct cursor {
	const uint8_t *c;
	size_t n, i;
	unsigned rex;		/* the REX byte, 0 without one */
};

static int get8(struct cursor *k, uint8_t *v)
{
	if (k->i >= k->n || k->i >= EMUL_MAX_INSN)
		return -ENOTSUP;
	*v = k->c[k->i++];
	return 0;
}

/* A little-endian immediate or displacement of len bytes, sign-extended. */
static int get_imm(struct cursor *k, unsigned len, int64_t *v)
{
	uint64_t u = 0;
	unsigned j;

	if (k->i + len > k->n || k->i + len > EMUL_MAX_INSN)
		return -ENOTSUP;
	for (j = 0; j < len; j++)
		u |= (uint64_t)k->c[k->i + j] << (8 * j);
	k->i += len;
	if (len < 8 && (u >> (8 * len - 1)) & 1)
		u |= ~0ull << (8 * len);
	*v = (int64_t)u;
	return 0;
}

/* A register operand of size bytes: without a REX prefix, byte
 * registers 4-7 are ah, ch, dh, bh. */
static void reg_opnd(struct emul_opnd *o, unsigned reg, unsigned size,
		     unsigned rex)
{
	memset(o, 0, sizeof(*o));
	o->kind = EK_REG;
	o->reg = (int8_t)reg;
	if (size == 1 && !rex && reg >= 4 && reg < 8) {
		o->high8 = true;
		o->reg = (int8_t)(reg - 4);
	}
}

/* ModRM (and SIB, displacement): *reg gets the reg field (REX.R
 * applied), rm the r/m operand. */
static int modrm(struct cursor *k, unsigned size, unsigned *reg,
		 struct emul_opnd *rm)
{
	unsigned mod, rmf, rex = k->rex;
	uint8_t m, s;
	int64_t disp = 0;
	int rc;

	rc = get8(k, &m);
	if (rc < 0)
		return rc;
	mod = m >> 6;
	rmf = m & 7;
	*reg = ((m >> 3) & 7) | ((rex & 4) << 1);
	if (mod == 3) {
		reg_opnd(rm, rmf | ((rex & 1) << 3), size, rex);
		return 0;
	}
	memset(rm, 0, sizeof(*rm));
	rm->kind = EK_MEM;
	rm->base = rm->index = -1;
	rm->scale = 1;
	if (rmf == 4) {
		unsigned idx, base;

		rc = get8(k, &s);
		if (rc < 0)
			return rc;
		idx = ((s >> 3) & 7) | ((rex & 2) << 2);
		base = s & 7;
		rm->scale = (uint8_t)(1u << (s >> 6));
		if (idx != 4)
			rm->index = (int8_t)idx;
		if (base == 5 && mod == 0) {
			rc = get_imm(k, 4, &disp);	/* no base */
			if (rc < 0)
				return rc;
		} else {
			rm->base = (int8_t)(base | ((rex & 1) << 3));
		}
	} else if (rmf == 5 && mod == 0) {
		rm->rip = true;
		rc = get_imm(k, 4, &disp);
		if (rc < 0)
			return rc;
	} else {
		rm->base = (int8_t)(rmf | ((rex & 1) << 3));
	}
	if (mod == 1)
		rc = get_imm(k, 1, &disp);
	else if (mod == 2)
		rc = get_imm(k, 4, &disp);
	if (rc < 0)
		return rc;
	rm->val = disp;
	return 0;
}

static void imm_opnd(struct emul_opnd *o, int64_t v)
{
	memset(o, 0, sizeof(*o));
	o->kind = EK_IMM;
	o->val = v;
}

/* The immediate of an instruction of operand size: imm8 for byte ones,
 * imm16 with 0x66, imm32 otherwise (sign-extended to 64 bits). */
static int get_imm_sized(struct cursor *k, unsigned size, int64_t *v)
{
	return get_imm(k, size == 1 ? 1 : size == 2 ? 2 : 4, v);
}

/* add, sub, cmp in their /r, accumulator and group-1 forms. */
static int alu_op(unsigned code)
{
	switch (code) {
	case 0:
		return EO_ADD;
	case 5:
		return EO_SUB;
	case 7:
		return EO_CMP;
	default:
		return -1;
	}
}

int emul_decode(const uint8_t *code, size_t n, struct emul_insn *out)
{
	struct cursor k = { .c = code, .n = n };
	struct emul_insn in;
	bool o16 = false, rep = false;
	unsigned size, reg;
	uint8_t op, b;
	int64_t imm;
	int rc, alu;

	memset(&in, 0, sizeof(in));
	/* Legacy prefixes: operand size and endbr64's 0xf3 only. */
	for (;;) {
		rc = get8(&k, &op);
		if (rc < 0)
			return rc;
		if (op == 0x66 && !o16)
			o16 = true;
		else if (op == 0xf3 && !rep)
			rep = true;
		else
			break;
	}
	if (op >= 0x40 && op <= 0x4f) {
		k.rex = op;
		rc = get8(&k, &op);
		if (rc < 0)
			return rc;
	}
	size = (k.rex & 8) ? 8 : o16 ? 2 : 4;
	if (rep) {
		/* endbr64 / endbr32: f3 0f 1e fa / fb, nothing else. */
		if (o16 || k.rex || op != 0x0f || get8(&k, &b) < 0 ||
		    b != 0x1e || get8(&k, &b) < 0 || (b != 0xfa && b != 0xfb))
			return -ENOTSUP;
		in.op = EO_NOP;
		goto done;
	}
	switch (op) {
	case 0x90:
		if (k.rex & 1)
			return -ENOTSUP;	/* xchg %r8, %rax */
		in.op = EO_NOP;
		break;
	case 0x0f:
		if (get8(&k, &b) < 0)
			return -ENOTSUP;
		if (b >= 0x80 && b <= 0x8f) {
			/* jcc rel32 */
			if (o16 || k.rex)
				return -ENOTSUP;
			rc = get_imm(&k, 4, &imm);
			if (rc < 0)
				return rc;
			imm_opnd(&in.src, imm);
			in.op = EO_JCC;
			in.cc = b & 0xf;
			size = 8;
			break;
		}
		/* nopw/nopl r/m: 0f 1f /0 (no memory access); the manual
		 * has no REX.W form. */
		if ((k.rex & 8) || b != 0x1f)
			return -ENOTSUP;
		rc = modrm(&k, size, &reg, &in.dst);
		if (rc < 0 || reg != 0)
			return -ENOTSUP;
		memset(&in.dst, 0, sizeof(in.dst));
		in.op = EO_NOP;
		break;
	case 0x50: case 0x51: case 0x52: case 0x53:
	case 0x54: case 0x55: case 0x56: case 0x57:
		if (o16)
			return -ENOTSUP;	/* push of 16 bits */
		in.op = EO_PUSH;
		size = 8;
		reg_opnd(&in.src, (op & 7) | ((k.rex & 1) << 3), 8, k.rex);
		break;
	case 0x58: case 0x59: case 0x5a: case 0x5b:
	case 0x5c: case 0x5d: case 0x5e: case 0x5f:
		if (o16)
			return -ENOTSUP;	/* pop of 16 bits */
		in.op = EO_POP;
		size = 8;
		reg_opnd(&in.dst, (op & 7) | ((k.rex & 1) << 3), 8, k.rex);
		break;
	case 0x70: case 0x71: case 0x72: case 0x73:
	case 0x74: case 0x75: case 0x76: case 0x77:
	case 0x78: case 0x79: case 0x7a: case 0x7b:
	case 0x7c: case 0x7d: case 0x7e: case 0x7f:
	case 0xeb:		/* jmp rel8 */
	case 0xe9:		/* jmp rel32 */
		/* 0x66 on a near branch truncates rip on some CPUs: none
		 * of those, nor REX. */
		if (o16 || k.rex)
			return -ENOTSUP;
		rc = get_imm(&k, op == 0xe9 ? 4 : 1, &imm);
		if (rc < 0)
			return rc;
		imm_opnd(&in.src, imm);
		in.op = (op & 0xf0) == 0x70 ? EO_JCC : EO_JMP;
		in.cc = op & 0xf;
		size = 8;
		break;
	case 0x88:		/* mov r8, r/m8 */
	case 0x89:		/* mov r, r/m */
		if (op == 0x88)
			size = 1;
		rc = modrm(&k, size, &reg, &in.dst);
		if (rc < 0)
			return rc;
		reg_opnd(&in.src, reg, size, k.rex);
		in.op = EO_MOV;
		break;
	case 0x8a:		/* mov r/m8, r8 */
	case 0x8b:		/* mov r/m, r */
		if (op == 0x8a)
			size = 1;
		rc = modrm(&k, size, &reg, &in.src);
		if (rc < 0)
			return rc;
		reg_opnd(&in.dst, reg, size, k.rex);
		in.op = EO_MOV;
		break;
	case 0x8d:		/* lea m, r */
		rc = modrm(&k, size, &reg, &in.src);
		if (rc < 0 || in.src.kind != EK_MEM)
			return -ENOTSUP;
		reg_opnd(&in.dst, reg, size, k.rex);
		in.op = EO_LEA;
		break;
	case 0xb0: case 0xb1: case 0xb2: case 0xb3:
	case 0xb4: case 0xb5: case 0xb6: case 0xb7:
		size = 1;
		/* fall through */
	case 0xb8: case 0xb9: case 0xba: case 0xbb:
	case 0xbc: case 0xbd: case 0xbe: case 0xbf:
		/* mov $imm, r: imm64 with REX.W (movabs). */
		rc = get_imm(&k, size == 8 ? 8 : size == 2 ? 2 :
				 size == 1 ? 1 : 4, &imm);
		if (rc < 0)
			return rc;
		reg_opnd(&in.dst, (op & 7) | ((k.rex & 1) << 3), size,
			 k.rex);
		imm_opnd(&in.src, imm);
		in.op = EO_MOV;
		break;
	case 0xc6:		/* mov $imm8, r/m8 */
	case 0xc7:		/* mov $imm, r/m */
		if (op == 0xc6)
			size = 1;
		rc = modrm(&k, size, &reg, &in.dst);
		if (rc < 0 || reg != 0)
			return -ENOTSUP;
		rc = get_imm_sized(&k, size, &imm);
		if (rc < 0)
			return rc;
		imm_opnd(&in.src, imm);
		in.op = EO_MOV;
		break;
	case 0x80:		/* group 1: op $imm8, r/m8 */
	case 0x81:		/* op $imm, r/m */
	case 0x83:		/* op $imm8 (sign-extended), r/m */
		if (op == 0x80)
			size = 1;
		rc = modrm(&k, size, &reg, &in.dst);
		if (rc < 0)
			return rc;
		alu = alu_op(reg);
		if (alu < 0)
			return -ENOTSUP;
		rc = op == 0x83 ? get_imm(&k, 1, &imm) :
				  get_imm_sized(&k, size, &imm);
		if (rc < 0)
			return rc;
		imm_opnd(&in.src, imm);
		in.op = (uint8_t)alu;
		break;
	default:
		/* add 00-05, sub 28-2d, cmp 38-3d. */
		alu = (op & 0xc7) <= 5 ? alu_op(op >> 3) : -1;
		if (alu < 0)
			return -ENOTSUP;
		if ((op & 7) <= 3) {
			struct emul_opnd rm, r;

			if (!(op & 1))
				size = 1;
			rc = modrm(&k, size, &reg, &rm);
			if (rc < 0)
				return rc;
			reg_opnd(&r, reg, size, k.rex);
			/* Bit 1: the register field is the destination. */
			in.dst = (op & 2) ? r : rm;
			in.src = (op & 2) ? rm : r;
		} else {
			/* al/ax/eax/rax, $imm */
			if (!(op & 1))
				size = 1;
			rc = get_imm_sized(&k, size, &imm);
			if (rc < 0)
				return rc;
			reg_opnd(&in.dst, 0, size, k.rex);
			imm_opnd(&in.src, imm);
		}
		in.op = (uint8_t)alu;
		break;
	}
done:
	in.len = (uint8_t)k.i;
	in.size = (uint8_t)size;
	*out = in;
	return 0;
}

/* --- carrying out --- */

static unsigned long long *gpr(struct user_regs_struct *r, int n)
{
	static const size_t off[16] = {
		offsetof(struct user_regs_struct, rax),
		offsetof(struct user_regs_struct, rcx),
		offsetof(struct user_regs_struct, rdx),
		offsetof(struct user_regs_struct, rbx),
		offsetof(struct user_regs_struct, rsp),
		offsetof(struct user_regs_struct, rbp),
		offsetof(struct user_regs_struct, rsi),
		offsetof(struct user_regs_struct, rdi),
		offsetof(struct user_regs_struct, r8),
		offsetof(struct user_regs_struct, r9),
		offsetof(struct user_regs_struct, r10),
		offsetof(struct user_regs_struct, r11),
		offsetof(struct user_regs_struct, r12),
		offsetof(struct user_regs_struct, r13),
		offsetof(struct user_regs_struct, r14),
		offsetof(struct user_regs_struct, r15),
	};

	return (unsigned long long *)((char *)r + off[n & 15]);
}

static uint64_t mask_of(unsigned size)
{
	return size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
}

static uint64_t reg_read(struct user_regs_struct *r,
			 const struct emul_opnd *o, unsigned size)
{
	uint64_t v = *gpr(r, o->reg);

	if (o->high8)
		return (v >> 8) & 0xff;
	return v & mask_of(size);
}

/* As the CPU writes: a 32-bit result clears the upper half, 8- and
 * 16-bit ones leave the rest of the register alone. */
static void reg_write(struct user_regs_struct *r, const struct emul_opnd *o,
		      unsigned size, uint64_t v)
{
	unsigned long long *p = gpr(r, o->reg);

	if (o->high8)
		*p = (*p & ~0xff00ull) | ((v & 0xff) << 8);
	else if (size == 8)
		*p = v;
	else if (size == 4)
		*p = v & 0xffffffffull;
	else
		*p = (*p & ~mask_of(size)) | (v & mask_of(size));
}

static uint64_t ea(struct user_regs_struct *r, const struct emul_insn *in,
		   const struct emul_opnd *o)
{
	uint64_t a = (uint64_t)o->val;

	if (o->rip)
		a += r->rip + in->len;
	if (o->base >= 0)
		a += *gpr(r, o->base);
	if (o->index >= 0)
		a += *gpr(r, o->index) * o->scale;
	return a;
}

/* A little-endian load of size bytes through mem. */
static int load(const struct emul_mem *mem, uint64_t addr, unsigned size,
		uint64_t *v)
{
	uint8_t b[8];
	unsigned j;
	int rc;

	if (!mem || !mem->load)
		return -ENOTSUP;
	rc = mem->load(mem->ctx, addr, b, size);
	if (rc < 0)
		return rc;
	*v = 0;
	for (j = 0; j < size; j++)
		*v |= (uint64_t)b[j] << (8 * j);
	return 0;
}

/* The value of a source or destination operand (a load for memory). */
static int operand(struct user_regs_struct *r, const struct emul_insn *in,
		   const struct emul_opnd *o, const struct emul_mem *mem,
		   uint64_t *v)
{
	unsigned size = in->size;

	switch (o->kind) {
	case EK_IMM:
		*v = (uint64_t)o->val & mask_of(size);
		return 0;
	case EK_REG:
		*v = reg_read(r, o, size);
		return 0;
	case EK_MEM:
		return load(mem, ea(r, in, o), size, v);
	default:
		return -ENOTSUP;
	}
}

/* Whether condition cc holds for these flags (Jcc's table). */
static bool cond(unsigned cc, unsigned long long f)
{
	bool cf = f & F_CF, zf = f & F_ZF, sf = f & F_SF, of = f & F_OF,
	     pf = f & F_PF, t;

	switch (cc >> 1) {
	case 0:
		t = of;
		break;
	case 1:
		t = cf;
		break;
	case 2:
		t = zf;
		break;
	case 3:
		t = cf || zf;
		break;
	case 4:
		t = sf;
		break;
	case 5:
		t = pf;
		break;
	case 6:
		t = sf != of;
		break;
	default:
		t = zf || sf != of;
		break;
	}
	return (cc & 1) ? !t : t;	/* odd codes are the negations */
}

bool emul_loads(const struct emul_insn *in)
{
	if (in->op == EO_POP)
		return true;
	if (in->op == EO_LEA || in->op == EO_NOP)
		return false;
	return in->src.kind == EK_MEM ||
	       (in->dst.kind == EK_MEM && in->op != EO_MOV);
}

/* add, sub or cmp of size bytes: the result and the six status flags
 * (vol. 1 3.4.3.1), all of them defined for these three. */
static uint64_t alu(unsigned op, unsigned size, uint64_t a, uint64_t b,
		    unsigned long long *eflags)
{
	uint64_t m = mask_of(size), sign = 1ull << (8 * size - 1), res;
	unsigned long long f = *eflags & ~(unsigned long long)F_STATUS;
	bool cf, of;

	a &= m;
	b &= m;
	if (op == EO_ADD) {
		res = (a + b) & m;
		cf = res < a;
		of = ((a ^ res) & (b ^ res) & sign) != 0;
	} else {
		res = (a - b) & m;
		cf = a < b;
		of = ((a ^ b) & (a ^ res) & sign) != 0;
	}
	if (cf)
		f |= F_CF;
	if (!__builtin_parity((unsigned)(res & 0xff)))
		f |= F_PF;
	if ((a ^ b ^ res) & 0x10)
		f |= F_AF;
	if (res == 0)
		f |= F_ZF;
	if (res & sign)
		f |= F_SF;
	if (of)
		f |= F_OF;
	*eflags = f;
	return res;
}

static void store(struct emul_store *st, uint64_t addr, uint64_t v,
		  unsigned size)
{
	unsigned j;

	st->addr = addr;
	st->len = (uint8_t)size;
	for (j = 0; j < size; j++)
		st->bytes[j] = (uint8_t)(v >> (8 * j));
}

int emul_apply(const struct emul_insn *in, struct user_regs_struct *r,
	       const struct emul_mem *mem, struct emul_store *st)
{
	/* Operands and addresses come from the registers before (o), the
	 * results go to the registers after (n). */
	struct user_regs_struct o = *r, n = *r;
	unsigned size = in->size;
	bool touches = in->op == EO_PUSH || in->op == EO_POP ||
		       (in->op != EO_LEA && (in->dst.kind == EK_MEM ||
					     in->src.kind == EK_MEM));
	uint64_t a, b, v;
	int rc;

	memset(st, 0, sizeof(*st));
	/* A single-step trap after it, or an alignment check on its memory
	 * access: the CPU would stop where we would not. */
	if ((o.eflags & F_TF) || (touches && (o.eflags & F_AC)))
		return -ENOTSUP;
	n.rip = o.rip + in->len;
	switch (in->op) {
	case EO_NOP:
		break;
	case EO_PUSH:
		v = *gpr(&o, in->src.reg);	/* push %rsp: the old value */
		n.rsp = o.rsp - 8;
		store(st, n.rsp, v, 8);
		break;
	case EO_POP:
		rc = load(mem, o.rsp, 8, &v);
		if (rc < 0)
			return rc;
		n.rsp = o.rsp + 8;
		reg_write(&n, &in->dst, 8, v);	/* pop %rsp: the value */
		break;
	case EO_MOV:
		rc = operand(&o, in, &in->src, mem, &v);
		if (rc < 0)
			return rc;
		if (in->dst.kind == EK_MEM)
			store(st, ea(&o, in, &in->dst), v, size);
		else
			reg_write(&n, &in->dst, size, v);
		break;
	case EO_LEA:
		reg_write(&n, &in->dst, size, ea(&o, in, &in->src));
		break;
	case EO_ADD:
	case EO_SUB:
	case EO_CMP:
		rc = operand(&o, in, &in->dst, mem, &a);
		if (rc == 0)
			rc = operand(&o, in, &in->src, mem, &b);
		if (rc < 0)
			return rc;
		v = alu(in->op, size, a, b, &n.eflags);
		if (in->op == EO_CMP)
			break;
		if (in->dst.kind == EK_MEM)
			store(st, ea(&o, in, &in->dst), v, size);
		else
			reg_write(&n, &in->dst, size, v);
		break;
	case EO_JMP:
	case EO_JCC:
		if (in->op == EO_JCC && !cond(in->cc, o.eflags))
			break;
		n.rip += (uint64_t)in->src.val;
		/* Where a jump out of the user half faults (on the jump
		 * or at the target, by CPU) is the CPU's to say. */
		if (n.rip >= USER_TOP)
			return -ENOTSUP;
		break;
	default:
		return -ENOTSUP;
	}
	*r = n;
	return 0;
}

/* regs: the x86-64 register table and gdb's ways of printing registers.
 *
 * Storage: general registers through the engine's cache (written back at
 * resume), x87/SSE through NT_PRFPREG (the FXSAVE image), AVX and AVX-512
 * through NT_X86_XSTATE (the standard-format XSAVE image, whose component
 * offsets come from CPUID leaf 0xD), debug registers through PEEKUSER.
 */
#include "debugger/regs.h"

#include <cpuid.h>
#include <elf.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "tracer/tracer.h"

#define GP(n, f, t, g) { n, RS_GP, t, 8, 0, offsetof(struct user_regs_struct, f), 0, g }
#define SUB(n, f, sz, sh) { n, RS_GP, RT_INT, sz, 0, offsetof(struct user_regs_struct, f), sh, 0 }
#define FX(n, o, sz, t) { n, RS_FX, t, sz, 0, o, 0, RG_ALL }
#define ST(i) { "st" #i, RS_FX, RT_I387, 10, 0, 32 + 16 * i, 0, RG_ALL }
#define KREG(i) { "k" #i, RS_XS, RT_UINT, 8, 5, 8 * i, 0, RG_GENERAL | RG_ALL | RG_AVX512 }
#define XMM(i) { "xmm" #i, RS_FX, RT_VEC, 16, 0, 160 + 16 * i, 0, RG_ALL | RG_SSE }
#define XMMH(i) { "xmm" #i, RS_XS, RT_VEC, 16, 7, 64 * (i - 16), 0, 0 }
#define YMM(i) { "ymm" #i, RS_YMM, RT_VEC, 32, 2, i, 0, RG_ALL | RG_AVX }
#define YMMH(i) { "ymm" #i, RS_XS, RT_VEC, 32, 7, 64 * (i - 16), 0, 0 }
#define ZMM(i) { "zmm" #i, RS_ZMM, RT_VEC, 64, 6, i, 0, RG_ALL | RG_AVX512 }
#define ZMMH(i) { "zmm" #i, RS_XS, RT_VEC, 64, 7, 64 * (i - 16), 0, RG_ALL | RG_AVX512 }
#define DR(i) { "dr" #i, RS_DR, RT_UINT, 8, 0, i, 0, RG_ALL }

enum { G = RG_GENERAL | RG_ALL };

/* In gdb's order: `info registers` and `info all-registers` list the
 * entries of their group in table order. */
static const struct dbg_reg regs[] = {
	GP("rax", rax, RT_INT, G), GP("rbx", rbx, RT_INT, G),
	GP("rcx", rcx, RT_INT, G), GP("rdx", rdx, RT_INT, G),
	GP("rsi", rsi, RT_INT, G), GP("rdi", rdi, RT_INT, G),
	GP("rbp", rbp, RT_DATA_PTR, G), GP("rsp", rsp, RT_DATA_PTR, G),
	GP("r8", r8, RT_INT, G), GP("r9", r9, RT_INT, G),
	GP("r10", r10, RT_INT, G), GP("r11", r11, RT_INT, G),
	GP("r12", r12, RT_INT, G), GP("r13", r13, RT_INT, G),
	GP("r14", r14, RT_INT, G), GP("r15", r15, RT_INT, G),
	GP("rip", rip, RT_CODE_PTR, G),
	{ "eflags", RS_GP, RT_EFLAGS, 4, 0,
	  offsetof(struct user_regs_struct, eflags), 0, G },
	{ "cs", RS_GP, RT_INT, 4, 0, offsetof(struct user_regs_struct, cs), 0, G },
	{ "ss", RS_GP, RT_INT, 4, 0, offsetof(struct user_regs_struct, ss), 0, G },
	{ "ds", RS_GP, RT_INT, 4, 0, offsetof(struct user_regs_struct, ds), 0, G },
	{ "es", RS_GP, RT_INT, 4, 0, offsetof(struct user_regs_struct, es), 0, G },
	{ "fs", RS_GP, RT_INT, 4, 0, offsetof(struct user_regs_struct, fs), 0, G },
	{ "gs", RS_GP, RT_INT, 4, 0, offsetof(struct user_regs_struct, gs), 0, G },
	ST(0), ST(1), ST(2), ST(3), ST(4), ST(5), ST(6), ST(7),
	/* gdb's type for these is int: the 16-bit ones never go negative. */
	FX("fctrl", 0, 2, RT_UINT), FX("fstat", 2, 2, RT_UINT),
	{ "ftag", RS_FTAG, RT_UINT, 2, 0, 4, 0, RG_ALL },
	FX("fiseg", 12, 2, RT_UINT), FX("fioff", 8, 4, RT_INT),
	FX("foseg", 20, 2, RT_UINT), FX("fooff", 16, 4, RT_INT),
	FX("fop", 6, 2, RT_UINT),
	XMM(0), XMM(1), XMM(2), XMM(3), XMM(4), XMM(5), XMM(6), XMM(7),
	XMM(8), XMM(9), XMM(10), XMM(11), XMM(12), XMM(13), XMM(14), XMM(15),
	FX("mxcsr", 24, 4, RT_MXCSR),
	KREG(0), KREG(1), KREG(2), KREG(3), KREG(4), KREG(5), KREG(6), KREG(7),
	YMM(0), YMM(1), YMM(2), YMM(3), YMM(4), YMM(5), YMM(6), YMM(7),
	YMM(8), YMM(9), YMM(10), YMM(11), YMM(12), YMM(13), YMM(14), YMM(15),
	ZMM(0), ZMM(1), ZMM(2), ZMM(3), ZMM(4), ZMM(5), ZMM(6), ZMM(7),
	ZMM(8), ZMM(9), ZMM(10), ZMM(11), ZMM(12), ZMM(13), ZMM(14), ZMM(15),
	ZMMH(16), ZMMH(17), ZMMH(18), ZMMH(19), ZMMH(20), ZMMH(21), ZMMH(22),
	ZMMH(23), ZMMH(24), ZMMH(25), ZMMH(26), ZMMH(27), ZMMH(28), ZMMH(29),
	ZMMH(30), ZMMH(31),
	/* Not in gdb's listings here, but asked for: jail shows them last. */
	GP("fs_base", fs_base, RT_INT, RG_ALL),
	GP("gs_base", gs_base, RT_INT, RG_ALL),
	DR(0), DR(1), DR(2), DR(3), DR(6), DR(7),
	/* By name only. */
	GP("orig_rax", orig_rax, RT_INT, 0),
	XMMH(16), XMMH(17), XMMH(18), XMMH(19), XMMH(20), XMMH(21), XMMH(22),
	XMMH(23), XMMH(24), XMMH(25), XMMH(26), XMMH(27), XMMH(28), XMMH(29),
	XMMH(30), XMMH(31),
	YMMH(16), YMMH(17), YMMH(18), YMMH(19), YMMH(20), YMMH(21), YMMH(22),
	YMMH(23), YMMH(24), YMMH(25), YMMH(26), YMMH(27), YMMH(28), YMMH(29),
	YMMH(30), YMMH(31),
	SUB("eax", rax, 4, 0), SUB("ebx", rbx, 4, 0), SUB("ecx", rcx, 4, 0),
	SUB("edx", rdx, 4, 0), SUB("esi", rsi, 4, 0), SUB("edi", rdi, 4, 0),
	SUB("ebp", rbp, 4, 0), SUB("esp", rsp, 4, 0),
	SUB("r8d", r8, 4, 0), SUB("r9d", r9, 4, 0), SUB("r10d", r10, 4, 0),
	SUB("r11d", r11, 4, 0), SUB("r12d", r12, 4, 0), SUB("r13d", r13, 4, 0),
	SUB("r14d", r14, 4, 0), SUB("r15d", r15, 4, 0),
	SUB("ax", rax, 2, 0), SUB("bx", rbx, 2, 0), SUB("cx", rcx, 2, 0),
	SUB("dx", rdx, 2, 0), SUB("si", rsi, 2, 0), SUB("di", rdi, 2, 0),
	SUB("bp", rbp, 2, 0), SUB("r8w", r8, 2, 0), SUB("r9w", r9, 2, 0),
	SUB("r10w", r10, 2, 0), SUB("r11w", r11, 2, 0), SUB("r12w", r12, 2, 0),
	SUB("r13w", r13, 2, 0), SUB("r14w", r14, 2, 0), SUB("r15w", r15, 2, 0),
	SUB("al", rax, 1, 0), SUB("bl", rbx, 1, 0), SUB("cl", rcx, 1, 0),
	SUB("dl", rdx, 1, 0), SUB("sil", rsi, 1, 0), SUB("dil", rdi, 1, 0),
	SUB("bpl", rbp, 1, 0), SUB("spl", rsp, 1, 0),
	SUB("r8l", r8, 1, 0), SUB("r9l", r9, 1, 0), SUB("r10l", r10, 1, 0),
	SUB("r11l", r11, 1, 0), SUB("r12l", r12, 1, 0), SUB("r13l", r13, 1, 0),
	SUB("r14l", r14, 1, 0), SUB("r15l", r15, 1, 0),
	SUB("ah", rax, 1, 8), SUB("bh", rbx, 1, 8), SUB("ch", rcx, 1, 8),
	SUB("dh", rdx, 1, 8),
};

/* gdb's generic names. */
static const struct {
	const char *alias, *name;
} aliases[] = {
	{ "pc", "rip" }, { "sp", "rsp" }, { "fp", "rbp" }, { "ps", "eflags" },
};

const struct dbg_reg *regs_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(aliases) / sizeof(*aliases); i++) {
		if (strcmp(name, aliases[i].alias) == 0) {
			name = aliases[i].name;
			break;
		}
	}
	for (i = 0; i < sizeof(regs) / sizeof(*regs); i++) {
		if (strcmp(regs[i].name, name) == 0)
			return &regs[i];
	}
	return NULL;
}

size_t regs_count(void)
{
	return sizeof(regs) / sizeof(*regs);
}

const struct dbg_reg *regs_at(size_t i)
{
	return i < regs_count() ? &regs[i] : NULL;
}

/* --- reading and writing --- */

enum { XS_MAX = 16384, XS_XCR0_OFF = 464, XS_BV_OFF = 512 };

/* The standard-format offset of XSAVE component comp (CPUID 0xD). */
static unsigned xs_comp_off(unsigned comp)
{
	unsigned a, b, c, dd;

	if (comp < 2)
		return 0;
	if (!__get_cpuid_count(0xd, comp, &a, &b, &c, &dd))
		return 0;
	return b;
}

static void load_fp(pid_t tid, struct reg_state *rs)
{
	struct iovec iov;

	iov.iov_base = &rs->fx;
	iov.iov_len = sizeof(rs->fx);
	rs->fx_ok = ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRFPREG, &iov) == 0;
	rs->xs = calloc(1, XS_MAX);
	if (rs->xs) {
		iov.iov_base = rs->xs;
		iov.iov_len = XS_MAX;
		if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_X86_XSTATE,
			   &iov) == 0 && iov.iov_len > XS_BV_OFF) {
			rs->xs_ok = true;
			rs->xs_len = iov.iov_len;
			memcpy(&rs->xcr0, rs->xs + XS_XCR0_OFF,
			       sizeof(rs->xcr0));
		}
	}
}

static void load_dr(pid_t tid, struct reg_state *rs)
{
	int i;

	rs->dr_ok = true;
	for (i = 0; i < 8; i++) {
		long v;

		if (i == 4 || i == 5)
			continue;
		errno = 0;
		v = ptrace(PTRACE_PEEKUSER, tid,
			   (void *)(offsetof(struct user, u_debugreg) +
				    (size_t)i * 8), 0L);
		if (errno) {
			rs->dr_ok = false;
			break;
		}
		rs->dr[i] = (uint64_t)v;
	}
}

/* The general registers come from the engine's per-stop cache: no
 * system call when something has read them at this stop already. */
static int load_gp(struct task *t, struct reg_state *rs)
{
	int rc;

	memset(rs, 0, sizeof(*rs));
	rc = task_get_regs(t, &rs->gp);
	if (rc < 0)
		return rc;
	rs->gp_ok = true;
	return 0;
}

int regs_load(struct task *t, struct reg_state *rs)
{
	int rc = load_gp(t, rs);

	if (rc < 0)
		return rc;
	load_fp(task_tid(t), rs);
	load_dr(task_tid(t), rs);
	return 0;
}

int regs_load_for(struct task *t, struct reg_state *rs,
		  const struct dbg_reg *r)
{
	int rc = load_gp(t, rs);

	if (rc < 0 || r->store == RS_GP)
		return rc;
	if (r->store == RS_DR)
		load_dr(task_tid(t), rs);
	else
		load_fp(task_tid(t), rs);
	return 0;
}

void regs_free(struct reg_state *rs)
{
	free(rs->xs);
	rs->xs = NULL;
}

static bool has_comp(const struct reg_state *rs, unsigned comp)
{
	return rs->xs_ok && (rs->xcr0 & (1ull << comp));
}

bool regs_shown(const struct reg_state *rs, const struct dbg_reg *r,
		unsigned group)
{
	bool avx512 = has_comp(rs, 5) && has_comp(rs, 6) && has_comp(rs, 7);
	bool avx = has_comp(rs, 2);

	if (!(r->groups & group))
		return false;
	if ((r->groups & RG_AVX512) && !avx512)
		return false;
	if ((r->groups & RG_AVX) && (avx512 || !avx))
		return false;
	if ((r->groups & RG_SSE) && avx)
		return false;
	return true;
}

/* Pointer to comp's bytes in the XSAVE image, or NULL. */
static uint8_t *xs_at(const struct reg_state *rs, unsigned comp, size_t off,
		      size_t len)
{
	unsigned base = xs_comp_off(comp);

	if (!has_comp(rs, comp) || !base || base + off + len > rs->xs_len)
		return NULL;
	return rs->xs + base + off;
}

/* The full x87 tag word from the abridged one in the FXSAVE image, as
 * the FSAVE instruction would give it (and gdb shows it). */
static uint16_t full_ftag(const struct user_fpregs_struct *fx)
{
	unsigned top = (fx->swd >> 11) & 7, p;
	uint16_t tag = 0;

	for (p = 0; p < 8; p++) {
		const uint8_t *reg = (const uint8_t *)fx->st_space +
				     16 * ((p - top) & 7);
		unsigned t;

		if (!(fx->ftw & (1u << p))) {
			t = 3;	/* empty */
		} else {
			uint16_t exp = (reg[9] & 0x7f) << 8 | reg[8];
			uint64_t man;

			memcpy(&man, reg, 8);
			if (exp == 0x7fff)
				t = 2;
			else if (exp == 0)
				t = man == 0 ? 1 : 2;
			else
				t = (man >> 63) ? 0 : 2;
		}
		tag |= (uint16_t)(t << (2 * p));
	}
	return tag;
}

int regs_get(const struct reg_state *rs, const struct dbg_reg *r,
	     uint8_t *val)
{
	const uint8_t *fx = (const uint8_t *)&rs->fx;
	const uint8_t *p;

	memset(val, 0, REG_MAX_SIZE);
	switch (r->store) {
	case RS_GP: {
		uint64_t v;

		if (!rs->gp_ok)
			return -ENODATA;
		memcpy(&v, (const uint8_t *)&rs->gp + r->off, 8);
		v >>= r->shift;
		memcpy(val, &v, r->size);
		return 0;
	}
	case RS_FX:
		if (!rs->fx_ok)
			return -ENODATA;
		memcpy(val, fx + r->off, r->size);
		if (strcmp(r->name, "fop") == 0)
			val[1] &= 0x7;	/* 11 bits */
		return 0;
	case RS_FTAG: {
		uint16_t tag;

		if (!rs->fx_ok)
			return -ENODATA;
		tag = full_ftag(&rs->fx);
		memcpy(val, &tag, 2);
		return 0;
	}
	case RS_YMM:
	case RS_ZMM:
		if (!rs->fx_ok)
			return -ENODATA;
		memcpy(val, fx + 160 + 16 * r->off, 16);
		p = xs_at(rs, 2, 16 * r->off, 16);
		if (!p)
			return -ENODATA;
		memcpy(val + 16, p, 16);
		if (r->store == RS_ZMM) {
			p = xs_at(rs, 6, 32 * r->off, 32);
			if (!p)
				return -ENODATA;
			memcpy(val + 32, p, 32);
		}
		return 0;
	case RS_XS:
		p = xs_at(rs, r->comp, r->off, r->size);
		if (!p)
			return -ENODATA;
		memcpy(val, p, r->size);
		return 0;
	case RS_DR:
		if (!rs->dr_ok)
			return -ENODATA;
		memcpy(val, &rs->dr[r->off], 8);
		return 0;
	}
	return -EINVAL;
}

static int put_xstate(struct task *t, struct reg_state *rs, unsigned comp)
{
	struct iovec iov = { rs->xs, rs->xs_len };
	uint64_t bv;

	/* A component whose bit is clear in XSTATE_BV is loaded in its
	 * init state, whatever the image holds. */
	memcpy(&bv, rs->xs + XS_BV_OFF, 8);
	bv |= 1ull << comp;
	if (comp == 2 || comp == 6)
		bv |= 2;	/* the low halves live in the SSE state */
	memcpy(rs->xs + XS_BV_OFF, &bv, 8);
	if (ptrace(PTRACE_SETREGSET, task_tid(t), (void *)NT_X86_XSTATE,
		   &iov) < 0)
		return -errno;
	return 0;
}

int regs_set(struct task *t, struct reg_state *rs, const struct dbg_reg *r,
	     const uint8_t *val)
{
	uint8_t *fx = (uint8_t *)&rs->fx;
	struct iovec iov;
	uint8_t *p;
	int rc;

	switch (r->store) {
	case RS_GP: {
		uint64_t old, v = 0, mask;

		memcpy(&old, (uint8_t *)&rs->gp + r->off, 8);
		memcpy(&v, val, r->size);
		mask = r->size == 8 ? ~0ull : ((1ull << (8 * r->size)) - 1);
		v = (old & ~(mask << r->shift)) | ((v & mask) << r->shift);
		memcpy((uint8_t *)&rs->gp + r->off, &v, 8);
		return task_set_regs(t, &rs->gp);
	}
	case RS_FX:
		if (!rs->fx_ok)
			return -ENODATA;
		memcpy(fx + r->off, val, r->size);
		iov.iov_base = &rs->fx;
		iov.iov_len = sizeof(rs->fx);
		if (ptrace(PTRACE_SETREGSET, task_tid(t), (void *)NT_PRFPREG,
			   &iov) < 0)
			return -errno;
		/* Keep the XSAVE image in step: its first 512 bytes are
		 * the same FXSAVE image. */
		if (rs->xs_ok)
			memcpy(rs->xs + r->off, val, r->size);
		return 0;
	case RS_FTAG:
		return -EPERM;	/* rebuilt from the abridged tag */
	case RS_YMM:
	case RS_ZMM:
		if (!rs->xs_ok || !xs_at(rs, 2, 16 * r->off, 16))
			return -ENODATA;
		memcpy(rs->xs + 160 + 16 * r->off, val, 16);
		memcpy(fx + 160 + 16 * r->off, val, 16);
		memcpy(xs_at(rs, 2, 16 * r->off, 16), val + 16, 16);
		if (r->store == RS_ZMM) {
			p = xs_at(rs, 6, 32 * r->off, 32);
			if (!p)
				return -ENODATA;
			memcpy(p, val + 32, 32);
			rc = put_xstate(t, rs, 6);
			return rc < 0 ? rc : put_xstate(t, rs, 2);
		}
		return put_xstate(t, rs, 2);
	case RS_XS:
		p = xs_at(rs, r->comp, r->off, r->size);
		if (!p)
			return -ENODATA;
		memcpy(p, val, r->size);
		return put_xstate(t, rs, r->comp);
	case RS_DR: {
		uint64_t v;

		memcpy(&v, val, 8);
		if (ptrace(PTRACE_POKEUSER, task_tid(t),
			   (void *)(offsetof(struct user, u_debugreg) +
				    (size_t)r->off * 8), (void *)v) < 0)
			return -errno;
		rs->dr[r->off] = v;
		return 0;
	}
	}
	return -EINVAL;
}

uint64_t regs_as_u64(const struct dbg_reg *r, const uint8_t *val)
{
	uint64_t v = 0;
	size_t n = r->size > 8 ? 8 : r->size;

	memcpy(&v, val, n);
	if (r->type == RT_INT && n < 8 && (v >> (8 * n - 1)) & 1)
		v |= ~0ull << (8 * n);
	return v;
}

/* --- printing --- */

static const char *const eflags_names[32] = {
	[0] = "CF", [2] = "PF", [4] = "AF", [6] = "ZF", [7] = "SF",
	[8] = "TF", [9] = "IF", [10] = "DF", [11] = "OF", [14] = "NT",
	[16] = "RF", [17] = "VM", [18] = "AC", [19] = "VIF", [20] = "VIP",
	[21] = "ID",
};

static const char *const mxcsr_names[32] = {
	[0] = "IE", [1] = "DE", [2] = "ZE", [3] = "OE", [4] = "UE",
	[5] = "PE", [6] = "DAZ", [7] = "IM", [8] = "DM", [9] = "ZM",
	[10] = "OM", [11] = "UM", [12] = "PM", [15] = "FZ",
};

void regs_format_flags(struct strbuf *sb, const struct dbg_reg *r,
		       uint64_t v)
{
	const char *const *names = r->type == RT_MXCSR ? mxcsr_names :
							 eflags_names;
	unsigned i;

	sb_puts(sb, "[ ");
	for (i = 0; i < 32; i++) {
		if ((v & (1ull << i)) && names[i])
			sb_printf(sb, "%s ", names[i]);
	}
	if (r->type == RT_MXCSR && ((v >> 13) & 3))
		sb_printf(sb, "RC=%u ", (unsigned)((v >> 13) & 3));
	if (r->type == RT_EFLAGS && ((v >> 12) & 3))
		sb_printf(sb, "IOPL=%u ", (unsigned)((v >> 12) & 3));
	sb_putc(sb, ']');
}

/* gdb prints a float with as many digits as its format can hold
 * (DECIMAL_DIG of its precision), %g style; NaNs with their payload. */
static void format_float(struct strbuf *sb, bool neg, bool nan, bool inf,
			 uint64_t payload, long double v, int digits)
{
	if (nan) {
		sb_printf(sb, "%snan(0x%llx)", neg ? "-" : "",
			  (unsigned long long)payload);
		return;
	}
	if (inf) {
		sb_puts(sb, neg ? "-inf" : "inf");
		return;
	}
	sb_printf(sb, "%.*Lg", digits, v);
}

/* One IEEE element of e_bits exponent and m_bits fraction bits. */
static void format_ieee(struct strbuf *sb, uint64_t bits, int e_bits,
			int m_bits, int digits)
{
	uint64_t man = bits & ((1ull << m_bits) - 1);
	uint64_t exp = (bits >> m_bits) & ((1ull << e_bits) - 1);
	bool neg = (bits >> (m_bits + e_bits)) & 1;
	long double v;
	int bias = (1 << (e_bits - 1)) - 1;

	if (exp == (1ull << e_bits) - 1) {
		format_float(sb, neg, man != 0, man == 0, man, 0, digits);
		return;
	}
	if (exp == 0)
		v = ldexpl((long double)man, 1 - bias - m_bits);
	else
		v = ldexpl((long double)(man | (1ull << m_bits)),
			   (int)exp - bias - m_bits);
	format_float(sb, false, false, false, 0, neg ? -v : v, digits);
}

static void format_i387(struct strbuf *sb, const uint8_t *b)
{
	uint16_t se = (uint16_t)(b[9] << 8 | b[8]);
	uint64_t man;
	long double v;

	memcpy(&man, b, 8);
	if ((se & 0x7fff) == 0x7fff) {
		uint64_t frac = man & ~(1ull << 63);

		format_float(sb, se >> 15, frac != 0, frac == 0, frac, 0, 21);
		return;
	}
	memcpy(&v, b, 10);
	format_float(sb, false, false, false, 0, v, 21);
}

struct vec_kind {
	const char *name;	/* "v4_float": the count is filled in */
	int elem;		/* bytes */
	enum { VE_BF16, VE_HALF, VE_FLOAT, VE_DOUBLE, VE_INT } kind;
};

static const struct vec_kind vec_kinds[] = {
	{ "bfloat16", 2, VE_BF16 }, { "half", 2, VE_HALF },
	{ "float", 4, VE_FLOAT },   { "double", 8, VE_DOUBLE },
	{ "int8", 1, VE_INT },      { "int16", 2, VE_INT },
	{ "int32", 4, VE_INT },     { "int64", 8, VE_INT },
};

static void format_elem(struct strbuf *sb, const struct vec_kind *k,
			const uint8_t *p, bool hex)
{
	uint64_t v = 0;

	memcpy(&v, p, (size_t)k->elem);
	if (hex) {
		sb_printf(sb, "0x%llx", (unsigned long long)v);
		return;
	}
	switch (k->kind) {
	case VE_BF16:
		format_ieee(sb, v, 8, 7, 4);
		break;
	case VE_HALF:
		format_ieee(sb, v, 5, 10, 5);
		break;
	case VE_FLOAT:
		format_ieee(sb, v, 8, 23, 9);
		break;
	case VE_DOUBLE:
		format_ieee(sb, v, 11, 52, 17);
		break;
	case VE_INT: {
		int sh = 64 - 8 * k->elem;
		long long s = (long long)(v << sh) >> sh;

		sb_printf(sb, "%lld", s);
		break;
	}
	}
}

/* A 128-bit integer in hex or decimal. */
static void format_u128(struct strbuf *sb, const uint8_t *p, bool hex)
{
	unsigned __int128 v;
	char buf[48];
	int i = sizeof(buf) - 1;

	memcpy(&v, p, 16);
	if (hex) {
		uint64_t hi = (uint64_t)(v >> 64), lo = (uint64_t)v;

		if (hi)
			sb_printf(sb, "0x%llx%016llx", (unsigned long long)hi,
				  (unsigned long long)lo);
		else
			sb_printf(sb, "0x%llx", (unsigned long long)lo);
		return;
	}
	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	sb_puts(sb, buf + i);
}

enum { REPEAT_THRESHOLD = 10 };	/* gdb's `set print repeats` */

/* {a, b, c <repeats 12 times>} */
static void format_array(struct strbuf *sb, const struct vec_kind *k,
			 const uint8_t *p, int n, bool hex)
{
	int i = 0;
	bool first = true;

	sb_putc(sb, '{');
	while (i < n) {
		int run = 1;

		while (i + run < n &&
		       memcmp(p + i * k->elem, p + (i + run) * k->elem,
			      (size_t)k->elem) == 0)
			run++;
		if (!first)
			sb_puts(sb, ", ");
		first = false;
		format_elem(sb, k, p + i * k->elem, hex);
		if (run >= REPEAT_THRESHOLD) {
			sb_printf(sb, " <repeats %d times>", run);
			i += run;
		} else {
			i++;
		}
	}
	sb_putc(sb, '}');
}

/* gdb's vec128/vec256/vec512 unions. */
static void format_vector(struct strbuf *sb, const uint8_t *p, int size,
			  bool hex)
{
	size_t i;
	int n128 = size / 16;

	sb_putc(sb, '{');
	for (i = 0; i < sizeof(vec_kinds) / sizeof(*vec_kinds); i++) {
		const struct vec_kind *k = &vec_kinds[i];

		sb_printf(sb, "v%d_%s = ", size / k->elem, k->name);
		format_array(sb, k, p, size / k->elem, hex);
		sb_puts(sb, ", ");
	}
	if (n128 == 1) {
		sb_puts(sb, "uint128 = ");
		format_u128(sb, p, hex);
	} else {
		sb_printf(sb, "v%d_int128 = {", n128);
		for (i = 0; i < (size_t)n128; i++) {
			if (i)
				sb_puts(sb, ", ");
			format_u128(sb, p + 16 * i, hex);
		}
		sb_putc(sb, '}');
	}
	sb_putc(sb, '}');
}

void regs_format_value(struct strbuf *sb, const struct dbg_reg *r,
		       const uint8_t *val, bool hex, reg_sym_fn sym,
		       void *ctx)
{
	uint64_t v = regs_as_u64(r, val);

	switch (r->type) {
	case RT_VEC:
		format_vector(sb, val, r->size, hex);
		return;
	case RT_I387:
		if (hex) {
			/* gdb converts to an integer first. */
			long double ld;

			memcpy(&ld, val, 10);
			sb_printf(sb, "0x%llx", (unsigned long long)(long long)ld);
			return;
		}
		format_i387(sb, val);
		return;
	case RT_EFLAGS:
	case RT_MXCSR:
		if (hex)
			sb_printf(sb, "0x%llx", (unsigned long long)v);
		else
			regs_format_flags(sb, r, v);
		return;
	case RT_DATA_PTR:
		if (!hex)
			sb_puts(sb, "(void *) ");
		sb_printf(sb, "0x%llx", (unsigned long long)v);
		return;
	case RT_CODE_PTR:
		if (!hex)
			sb_puts(sb, "(void (*)()) ");
		sb_printf(sb, "0x%llx", (unsigned long long)v);
		if (!hex && sym)
			sym(ctx, v, sb);
		return;
	case RT_INT:
		if (hex) {
			uint64_t m = r->size >= 8 ? ~0ull :
				     (1ull << (8 * r->size)) - 1;

			sb_printf(sb, "0x%llx", (unsigned long long)(v & m));
		} else {
			sb_printf(sb, "%lld", (long long)v);
		}
		return;
	case RT_UINT:
		sb_printf(sb, hex ? "0x%llx" : "%llu", (unsigned long long)v);
		return;
	}
}

void regs_format_info(struct strbuf *sb, const struct dbg_reg *r,
		      const uint8_t *val, reg_sym_fn sym, void *ctx)
{
	uint64_t v = regs_as_u64(r, val);
	char raw[40];

	sb_printf(sb, "%-15s", r->name);
	if (r->type == RT_VEC) {
		format_vector(sb, val, r->size, true);
		return;
	}
	if (r->type == RT_I387) {
		size_t at = sb->len;

		format_i387(sb, val);
		while (sb->len - at < 20)
			sb_putc(sb, ' ');
		sb_puts(sb, "(raw 0x");
		for (int i = 9; i >= 0; i--)
			sb_printf(sb, "%02x", val[i]);
		sb_putc(sb, ')');
		return;
	}
	if (r->type == RT_INT && r->size < 8)
		v &= (1ull << (8 * r->size)) - 1;
	snprintf(raw, sizeof(raw), "0x%llx", (unsigned long long)v);
	sb_printf(sb, "%-20s", raw);
	switch (r->type) {
	case RT_DATA_PTR:
		sb_printf(sb, "0x%llx", (unsigned long long)v);
		break;
	case RT_CODE_PTR:
		sb_printf(sb, "0x%llx", (unsigned long long)v);
		if (sym)
			sym(ctx, v, sb);
		break;
	default:
		regs_format_value(sb, r, val, false, sym, ctx);
		break;
	}
}

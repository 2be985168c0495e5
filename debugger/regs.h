/* regs: x86-64 register names <-> where they live (user_regs_struct,
 * the FXSAVE area of NT_PRFPREG, the XSAVE area of NT_X86_XSTATE, the
 * debug registers) and how gdb prints them.
 *
 * One table describes every register: its name, its storage, its size
 * and its gdb type. `info registers`, `p $REG`, `set $REG = V` and the
 * expression evaluator's register callback all read the same table.
 */
#ifndef JAIL_DBG_REGS_H
#define JAIL_DBG_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/user.h>

#include "tracer/strbuf.h"

struct task;

/* Where a register lives. */
enum reg_store {
	RS_GP,		/* user_regs_struct, at off */
	RS_FX,		/* FXSAVE area (NT_PRFPREG), at off */
	RS_FTAG,	/* x87 tag word, rebuilt from the abridged one */
	RS_YMM,		/* xmm (FXSAVE) + upper 128 bits (XSAVE comp 2) */
	RS_ZMM,		/* ymm + upper 256 bits, or a whole Hi16_ZMM */
	RS_XS,		/* XSAVE component comp, at off within it */
	RS_DR,		/* debug register off (0..7) */
};

/* How gdb prints it (its type). */
enum reg_type {
	RT_INT,		/* signed integer of size bytes */
	RT_UINT,	/* unsigned integer */
	RT_DATA_PTR,	/* natural form 0x... */
	RT_CODE_PTR,	/* natural form 0x... <sym+off> */
	RT_EFLAGS,	/* [ ZF PF ] */
	RT_MXCSR,	/* [ IM DM ] */
	RT_I387,	/* 80-bit float */
	RT_VEC,		/* a vector union of size bytes */
};

/* Which listing shows it. */
enum {
	RG_GENERAL = 1,		/* info registers */
	RG_ALL = 2,		/* info all-registers */
	RG_AVX512 = 4,		/* only when the CPU has AVX-512 */
	RG_AVX = 8,		/* only with AVX and without AVX-512 */
	RG_SSE = 16,		/* only without AVX */
};

struct dbg_reg {
	const char *name;
	uint8_t store;		/* enum reg_store */
	uint8_t type;		/* enum reg_type */
	uint8_t size;		/* bytes */
	uint8_t comp;		/* RS_XS/RS_ZMM: XSAVE component */
	uint16_t off;		/* byte offset, or register index */
	uint8_t shift;		/* bit shift within the word (ah: 8) */
	uint8_t groups;		/* RG_* */
};

enum { REG_MAX_SIZE = 64 };

/* Look a register up by gdb name ("rax", "eax", "al", "xmm3", "st0",
 * "pc", "sp", "fp", "fs_base", "dr7"); NULL when unknown. */
const struct dbg_reg *regs_find(const char *name);
size_t regs_count(void);
const struct dbg_reg *regs_at(size_t i);

/* The registers of one stopped task, read once per command. */
struct reg_state {
	struct user_regs_struct gp;
	struct user_fpregs_struct fx;
	uint8_t *xs;		/* XSAVE area (malloc'd), or NULL */
	size_t xs_len;
	uint64_t xcr0;		/* enabled XSAVE components */
	uint64_t dr[8];
	bool gp_ok, fx_ok, xs_ok, dr_ok;
};

/* Fill rs from t (which must be stopped). Register sets the kernel will
 * not give stay unavailable; the general ones are required: -errno when
 * even they cannot be read (e.g. -ESRCH). */
int regs_load(struct task *t, struct reg_state *rs);
/* Only what r needs: the general registers (always), and r's own set
 * when it lives elsewhere. One register read by a breakpoint condition
 * costs no more than its set. */
int regs_load_for(struct task *t, struct reg_state *rs,
		  const struct dbg_reg *r);
void regs_free(struct reg_state *rs);
/* Whether the listing group applies on this machine. */
bool regs_shown(const struct reg_state *rs, const struct dbg_reg *r,
		unsigned group);
/* The register's bytes (little-endian, r->size of them) into val.
 * -ENODATA when its register set is unavailable. */
int regs_get(const struct reg_state *rs, const struct dbg_reg *r,
	     uint8_t *val);
/* Change it: val holds r->size bytes. Writes through to the task
 * (general registers via the engine's cache, flushed at resume; the
 * others with PTRACE_SETREGSET / POKEUSER at once). */
int regs_set(struct task *t, struct reg_state *rs, const struct dbg_reg *r,
	     const uint8_t *val);
/* The register as an integer (sign-extended for RT_INT), for
 * expressions; vectors and x87 give their low 64 bits. */
uint64_t regs_as_u64(const struct dbg_reg *r, const uint8_t *val);

/* Symbolizer for code pointers: appends " <sym+off>" or nothing. */
typedef void (*reg_sym_fn)(void *ctx, uint64_t addr, struct strbuf *sb);

/* One line of `info registers`: "rax            0x1c                28".
 * No newline. */
void regs_format_info(struct strbuf *sb, const struct dbg_reg *r,
		      const uint8_t *val, reg_sym_fn sym, void *ctx);
/* The natural value, as `p $REG` prints it ("28", "[ ZF PF ]",
 * "(void *) 0x7ffe...", vector unions). hex: /x. */
void regs_format_value(struct strbuf *sb, const struct dbg_reg *r,
		       const uint8_t *val, bool hex, reg_sym_fn sym,
		       void *ctx);
/* Flag names of eflags or mxcsr: "[ PF ZF IF ]". */
void regs_format_flags(struct strbuf *sb, const struct dbg_reg *r,
		       uint64_t v);

#endif

/* emul: a few simple x86-64 instructions carried out on a register set
 * exactly as the CPU would (internal to debugger/).
 *
 * A breakpoint that does not stop (its condition is false, an ignore
 * count, another thread's momentary breakpoint) must still run the
 * instruction under its int3. Single-stepping it costs a second stop per
 * hit, and the int3 must come out meanwhile with every other thread
 * stopped. When that instruction is one of these, the debugger does its
 * work itself instead: registers, flags and the one store it makes, then
 * continues with the int3 left in place.
 *
 * Only instructions whose whole effect is reproduced are accepted: no
 * memory loads, no control flow, no flags the manual leaves undefined, no
 * prefixes but REX, 0x66 (operand size) and endbr64's 0xf3. That covers
 * what function entries start with (endbr64, nops, push, mov of the
 * arguments to the frame, sub/add of the stack pointer, lea, mov of an
 * immediate, register cmp). Everything else is -ENOTSUP: the caller
 * single-steps it. The module is pure (no ptrace): a store is handed back
 * for the caller to make with the program's own page protections.
 * tests/unit/test_dbg_emul.c checks every form against the CPU.
 */
#ifndef JAIL_DBG_EMUL_H
#define JAIL_DBG_EMUL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/user.h>

enum { EMUL_MAX_INSN = 15 };

enum emul_op {
	EO_NOP,			/* nop, nopl r/m, endbr64 */
	EO_PUSH,		/* push r64 */
	EO_MOV,			/* mov r/imm to r/m (stores), r to r */
	EO_LEA,
	EO_ADD,			/* r, r/imm: all six status flags */
	EO_SUB,
	EO_CMP,
};

enum emul_kind { EK_NONE, EK_REG, EK_MEM, EK_IMM };

struct emul_opnd {
	uint8_t kind;		/* enum emul_kind */
	int8_t reg;		/* EK_REG: 0-15 in encoding order (rax, rcx,
				 * rdx, rbx, rsp, rbp, rsi, rdi, r8-r15) */
	bool high8;		/* EK_REG: ah, ch, dh, bh (reg is 0-3) */
	int8_t base, index;	/* EK_MEM: registers, -1 for none */
	uint8_t scale;		/* EK_MEM: 1, 2, 4, 8 */
	bool rip;		/* EK_MEM: relative to the next instruction */
	int64_t val;		/* EK_MEM: displacement; EK_IMM: value */
};

struct emul_insn {
	uint8_t len;		/* bytes */
	uint8_t op;		/* enum emul_op */
	uint8_t size;		/* operand size in bytes: 1, 2, 4, 8 */
	struct emul_opnd dst, src;
};

/* What the instruction writes to memory, for the caller to store. */
struct emul_store {
	uint64_t addr;
	uint8_t len;		/* 0: nothing */
	uint8_t bytes[8];
};

/* Decode the instruction in code[0..n). 0, or -ENOTSUP when it is not
 * one of ours (or is cut short by n). */
int emul_decode(const uint8_t *code, size_t n, struct emul_insn *out);

/* Carry out in on r, the instruction being at r->rip: r becomes the
 * registers after it (rip included), *st the store it makes. -ENOTSUP
 * (r untouched) when the CPU would trap where we would not: the trap
 * flag is set, or alignment checking is on for a store. */
int emul_apply(const struct emul_insn *in, struct user_regs_struct *r,
	       struct emul_store *st);

#endif

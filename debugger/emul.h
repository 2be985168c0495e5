/* emul: a few simple x86-64 instructions carried out on a register set
 * exactly as the CPU would (internal to debugger/).
 *
 * A breakpoint that does not stop (its condition is false, an ignore
 * count, another thread's momentary breakpoint) must still run the
 * instruction under its int3, and stepi runs one instruction at a time.
 * On the CPU each costs a debug exception and a stop (tens of
 * microseconds on a VM), and passing a breakpoint that way means taking
 * its int3 out with every other thread stopped. When the instruction is
 * one of these, the debugger does its work itself instead: registers,
 * flags, the memory it reads and the one store it makes.
 *
 * Only instructions whose whole effect is reproduced are accepted: mov,
 * lea, push, pop, add/sub/cmp (register, immediate or memory operands),
 * nops and endbr64, jmp and jcc with a displacement. No calls or returns
 * (a shadow stack would not follow), no flags the manual leaves undefined
 * (and, or, xor, test), no prefixes but REX, 0x66 (operand size) and
 * endbr64's 0xf3, no segment overrides. Everything else is -ENOTSUP and
 * runs on the CPU. The module is pure (no ptrace): memory is read through
 * the caller's callback, and the one store is handed back for the caller
 * to make; the caller decides which addresses it is safe to reach this
 * way (bp.c: the thread's own stack). tests/unit/test_dbg_emul.c checks
 * every form against the CPU.
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
	EO_POP,			/* pop r64 */
	EO_MOV,			/* mov r/m/imm to r/m (not memory to memory) */
	EO_LEA,
	EO_ADD,			/* all six status flags */
	EO_SUB,
	EO_CMP,
	EO_JMP,			/* jmp rel8/rel32 */
	EO_JCC,			/* jcc rel8/rel32: cc is the condition */
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
	int64_t val;		/* EK_MEM: displacement; EK_IMM: value (the
				 * branch displacement for EO_JMP/EO_JCC) */
};

struct emul_insn {
	uint8_t len;		/* bytes */
	uint8_t op;		/* enum emul_op */
	uint8_t size;		/* operand size in bytes: 1, 2, 4, 8 */
	uint8_t cc;		/* EO_JCC: the condition, 0 (o) to 15 (g) */
	struct emul_opnd dst, src;
};

/* Memory the instruction reads: len bytes at addr into buf, 0 or -errno
 * (the instruction is then not carried out). NULL: no loads. */
struct emul_mem {
	int (*load)(void *ctx, uint64_t addr, void *buf, size_t len);
	void *ctx;
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

/* Whether in reads memory (a mov from memory, a memory operand of
 * add/sub/cmp, pop). */
bool emul_loads(const struct emul_insn *in);

/* Carry out in on r, the instruction being at r->rip: r becomes the
 * registers after it (rip included), *st the store it makes. -ENOTSUP
 * (r untouched) when the CPU would trap where we would not (the trap
 * flag is set, or alignment checking is on and it touches memory) or it
 * loads and mem cannot; a load's -errno. */
int emul_apply(const struct emul_insn *in, struct user_regs_struct *r,
	       const struct emul_mem *mem, struct emul_store *st);

#endif

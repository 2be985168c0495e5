/* disasm: x86 instructions in gdb's words, on top of capstone 4.
 *
 * dis_decode() turns bytes into a struct dis_insn whose mnemonic and
 * operand text are respelled the way gdb (binutils' libopcodes) prints
 * them, and which carries what run control and annotation need: direct
 * branch/call targets, the address of a rip-relative memory operand, and
 * the kind of control transfer. The formatters print gdb's lines:
 *
 *	x/3i $pc	=> 0x401136 <main+4>:\tmov    $0x0,%eax
 *	disassemble	   0x0000000000401132 <+0>:\tpush   %rbp
 *
 * Symbols come through a struct symbolizer (symbols.h); memory through a
 * mem_reader, which must show the original bytes under breakpoints.
 *
 * AT&T (gdb's default) respelling of capstone's text:
 *	movl $0, %eax		-> mov    $0x0,%eax	(suffix only when no
 *							 register gives the size)
 *	addq $-0x80, %rsp	-> add    $0xffffffffffffff80,%rsp
 *	nopw %cs:(%rax, %rax)	-> cs nopw 0x0(%rax,%rax,1)
 *	callq 0x1149 / retq	-> call   0x1149 <foo> / ret
 *	rep stosq %rax, (%rdi)	-> rep stos %rax,%es:(%rdi)
 *	leaq 0x2e42(%rip), %rcx	-> lea    0x2e42(%rip),%rcx        # 0x4020 <msg>
 *	fmulp %st(1)		-> fmulp  %st,%st(1)
 *	wait; fnstcw 0x2(%rsp)	-> fstcw  0x2(%rsp)	(one instruction)
 * Intel (`set disassembly-flavor intel`):
 *	mov dword ptr [rbp - 4], 0 -> mov    DWORD PTR [rbp-0x4],0x0
 *
 * Checked against gdb 13 (tests/unit/test_disasm.c): every function of
 * build/progs/dbg_target and 20000 instructions of libc, both flavours,
 * match exactly; ~500k instructions of libc, libm, libstdc++, bash, perl,
 * python and gdb itself were compared while writing this.
 *
 * Known differences from gdb that remain:
 * - capstone 4.0.2 does not know AVX-512 mask instructions (kmovq,
 *   kortestq, ...), rdpkru/wrpkru and a few other recent ones: they come
 *   out as "(bad)" of length 1 and the following bytes decode as
 *   garbage until the stream realigns, where gdb decodes them.
 * - Prefixes that do nothing, in code that is really data: "rex.W call",
 *   "repz inc", "lock" on an invalid form, "movsxd" without REX.W (gdb
 *   keeps the redundant prefix or the Intel name; we print capstone's
 *   reading). Compilers do not emit these.
 */
#ifndef JAIL_DEBUGGER_DISASM_H
#define JAIL_DEBUGGER_DISASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "debugger/symbols.h"
#include "tracer/decode.h"
#include "tracer/strbuf.h"

enum dis_mode { DIS_X86_64, DIS_I386 };
enum dis_flavor { DIS_ATT, DIS_INTEL };

/* What an instruction does to control flow. */
enum {
	DIS_F_BAD = 1 << 0,	/* not decodable: "(bad)", size 1 */
	DIS_F_JUMP = 1 << 1,	/* jmp, jcc, loop, jrcxz */
	DIS_F_COND = 1 << 2,	/* ... conditional */
	DIS_F_CALL = 1 << 3,
	DIS_F_RET = 1 << 4,	/* ret, lret, iret */
	DIS_F_INDIRECT = 1 << 5,/* target in a register or memory */
	DIS_F_TARGET = 1 << 6,	/* .target is valid (direct jump/call) */
	DIS_F_MEMREF = 1 << 7,	/* .memref is valid (rip-relative operand) */
	DIS_F_SYSCALL = 1 << 8,	/* syscall, sysenter, int $0x80 */
	DIS_F_TRAP = 1 << 9,	/* int3, int $n, ud2, hlt */
};

enum { DIS_MAX_INSN = 15 };	/* longest x86 instruction */

struct dis_insn {
	uint64_t addr;
	unsigned size;
	uint8_t bytes[16];
	char mnemonic[40];	/* gdb's spelling, prefixes included */
	char operands[192];	/* gdb's spelling, no annotations */
	unsigned flags;		/* DIS_F_* */
	uint64_t target;	/* DIS_F_TARGET */
	uint64_t memref;	/* DIS_F_MEMREF */
};

struct dis;

int dis_create(struct dis **out, enum dis_mode mode, enum dis_flavor fl);
void dis_destroy(struct dis *d);
int dis_set_mode(struct dis *d, enum dis_mode mode);
int dis_set_flavor(struct dis *d, enum dis_flavor fl);
enum dis_flavor dis_flavor(const struct dis *d);
enum dis_mode dis_mode(const struct dis *d);

/* Decode the instruction at code[0..len) (address addr). Undecodable
 * bytes give a DIS_F_BAD "(bad)" of size 1, as gdb shows them. 0, or
 * -EINVAL when len is 0. */
int dis_decode(struct dis *d, const uint8_t *code, size_t len, uint64_t addr,
	       struct dis_insn *out);
/* Read and decode the instruction at addr. -EFAULT with *fault set (the
 * first unreadable address) when its bytes cannot be read. */
int dis_read(struct dis *d, const struct mem_reader *mr, uint64_t addr,
	     struct dis_insn *out, uint64_t *fault);

/* Append "mov    $0x0,%eax" with gdb's annotations: " <foo+4>" after a
 * direct target, "        # 0x4020 <msg>" after a rip-relative operand.
 * sym may be NULL. */
void dis_format(struct strbuf *sb, const struct dis_insn *in,
		const struct symbolizer *sym);
/* Append one x/i line: "=> 0x401136 <main+4>:\tmov    $0x0,%eax\n";
 * the "=> " marker when in->addr == pc (has_pc), three spaces otherwise. */
void dis_format_x(struct strbuf *sb, const struct dis_insn *in, bool has_pc,
		  uint64_t pc, const struct symbolizer *sym);

struct dis_dump {
	uint64_t start, end;	/* [start, end) */
	/* The function being dumped ("for function main:", "<+off>"
	 * labels), or NULL for "from 0x.. to 0x..:" with <sym+off>. */
	const char *func;
	bool has_pc;		/* mark pc with "=> " */
	uint64_t pc;
	bool raw;		/* /r: raw bytes column */
};
/* gdb's `disassemble`: "Dump of assembler code ...", the lines, "End of
 * assembler dump.". -EFAULT with *fault set when memory ran out part way;
 * sb then holds what was printed before (gdb prints the lines it could,
 * then the error). */
int dis_dump(struct dis *d, struct strbuf *sb, const struct mem_reader *mr,
	     const struct dis_dump *o, const struct symbolizer *sym,
	     uint64_t *fault);

#endif

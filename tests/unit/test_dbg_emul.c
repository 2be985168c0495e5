/* The debugger's instruction emulator (debugger/emul.c) against the CPU.
 *
 * A child under ptrace runs one instruction at a time: the test writes
 * the bytes into a shared executable page, sets the child's registers
 * (random values, base registers pointing into a shared data page),
 * lets emul_apply() carry the instruction out from that start (its loads
 * read the child's memory), then single-steps the child and compares
 * registers, flags and memory. Every form the decoder accepts is in the
 * table below, run with many register sets; then random byte strings
 * built from the accepted opcodes are tried, and whatever the decoder
 * accepts must match the CPU too (where the CPU faults, the emulation
 * must fail as well). Encodings the decoder must refuse (calls, returns,
 * indirect jumps, undefined flags, other prefixes) are checked to be
 * refused.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "debugger/emul.h"
#include "t.h"

enum { PAGE = 4096, CODE_AT = 0x100 };

static uint8_t *code, *data;
static pid_t child;
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	/* xorshift64*: the same cases on every run. */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dull;
}

/* Values that exercise carries, overflows and sign changes at every
 * operand size. */
static uint64_t edge_value(void)
{
	static const uint64_t v[] = {
		0, 1, 2, 0xf, 0x10, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000,
		0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
		0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull,
		~0ull - 1,
	};

	return v[rnd() % (sizeof(v) / sizeof(*v))];
}

static uint64_t *gp(struct user_regs_struct *r, int n)
{
	unsigned long long *p[16] = {
		&r->rax, &r->rcx, &r->rdx, &r->rbx, &r->rsp, &r->rbp, &r->rsi,
		&r->rdi, &r->r8, &r->r9, &r->r10, &r->r11, &r->r12, &r->r13,
		&r->r14, &r->r15,
	};

	return (uint64_t *)p[n];
}

/* Registers for one case: mem, pointers into the middle of the data
 * page (so that stores land there); otherwise random or edge values. */
static void random_regs(struct user_regs_struct *r, bool mem)
{
	int i;

	for (i = 0; i < 16; i++) {
		uint64_t v;

		if (mem || i == 4)
			v = (uint64_t)(uintptr_t)data + 0x600 + rnd() % 0x400;
		else
			v = rnd() % 3 ? rnd() : edge_value();
		*gp(r, i) = v;
	}
	/* Scaled indexes stay small when pointers are used. */
	if (mem)
		for (i = 0; i < 16; i++)
			if (rnd() % 2 && i != 4)
				*gp(r, i) = rnd() % 64;
	/* IF and the reserved bit, random status flags and DF. */
	r->eflags = 0x202 | (rnd() & 0x8d5) | (rnd() % 4 == 0 ? 0x400 : 0);
	r->rip = (uint64_t)(uintptr_t)code + CODE_AT;
}

static void start_child(void)
{
	child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		for (;;)
			raise(SIGSTOP);
	}
	waitpid(child, NULL, 0);
}

/* Put the instruction at the child's pc with the registers of *start
 * (which becomes the start as the kernel took it: eflags masked). */
static void prepare(const uint8_t *bytes, size_t n,
		    struct user_regs_struct *start)
{
	struct user_regs_struct r;
	int i;

	memset(code, 0xcc, PAGE);
	memcpy(code + CODE_AT, bytes, n);
	if (ptrace(PTRACE_GETREGS, child, 0, &r) < 0)
		abort();
	for (i = 0; i < 16; i++)
		*gp(&r, i) = *gp(start, i);
	r.rip = start->rip;
	r.eflags = start->eflags;
	r.orig_rax = (unsigned long long)-1;
	if (ptrace(PTRACE_SETREGS, child, 0, &r) < 0 ||
	    ptrace(PTRACE_GETREGS, child, 0, start) < 0)
		abort();
}

/* Single-step it: 1 when it ran to the step's trap, with *end the
 * registers after; 0 when it faulted. */
static int step_native(struct user_regs_struct *end)
{
	siginfo_t si;
	int st;

	if (ptrace(PTRACE_SINGLESTEP, child, 0, 0) < 0 ||
	    waitpid(child, &st, 0) != child || !WIFSTOPPED(st))
		abort();
	if (WSTOPSIG(st) != SIGTRAP ||
	    ptrace(PTRACE_GETSIGINFO, child, 0, &si) < 0 ||
	    si.si_code == SI_KERNEL)
		return 0;
	if (ptrace(PTRACE_GETREGS, child, 0, end) < 0)
		abort();
	return 1;
}

/* The emulator's loads: the child's memory as it is before the step. */
static int child_load(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct iovec l = { buf, len };
	struct iovec r = { (void *)(uintptr_t)addr, len };

	(void)ctx;
	return process_vm_readv(child, &l, 1, &r, 1, 0) == (ssize_t)len ?
	       0 : -EFAULT;
}

/* Whether the child could take this store (a probe: the child faulted,
 * so what it holds there no longer matters). */
static bool child_can_store(const struct emul_store *st)
{
	struct iovec l = { (void *)st->bytes, st->len };
	struct iovec r = { (void *)(uintptr_t)st->addr, st->len };

	return process_vm_writev(child, &l, 1, &r, 1, 0) == (ssize_t)st->len;
}

static bool same_regs(struct user_regs_struct *a, struct user_regs_struct *b)
{
	int i;

	for (i = 0; i < 16; i++)
		if (*gp(a, i) != *gp(b, i))
			return false;
	return a->rip == b->rip && a->eflags == b->eflags;
}

static void hex(const uint8_t *b, size_t n, char *out)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		sprintf(out + 3 * i, "%02x ", b[i]);
}

static void show_regs(const char *who, struct user_regs_struct *r)
{
	static const char *names[16] = {
		"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
		"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
	};
	int i;

	printf("#   %s:", who);
	for (i = 0; i < 16; i++)
		printf(" %s=%llx", names[i], (unsigned long long)*gp(r, i));
	printf(" rip=%llx eflags=%llx\n", r->rip, r->eflags);
}

/* Emulated and native from the same registers: 1 when they agree, 0
 * when they differ (shown), -1 when the case does not count (the CPU
 * faulted, and so did the emulation: a load or store outside the memory
 * mapped in the child). */
static int compare_one(const uint8_t *bytes, size_t n,
		       const struct emul_insn *in, bool mem)
{
	struct user_regs_struct start, emu, nat;
	struct emul_mem em = { child_load, NULL };
	struct emul_store st;
	static uint8_t want[PAGE];
	char h[64];
	size_t i;
	int rc;

	random_regs(&start, mem);
	for (i = 0; i < PAGE; i++)
		data[i] = (uint8_t)rnd();
	memcpy(want, data, PAGE);
	prepare(bytes, n, &start);
	emu = start;
	rc = emul_apply(in, &emu, &em, &st);
	if (!step_native(&nat)) {
		if (rc < 0 || (st.len && !child_can_store(&st)))
			return -1;
		hex(bytes, in->len, h);
		printf("#   %s: the CPU faulted, emul_apply did not\n", h);
		show_regs("start ", &start);
		return 0;
	}
	if (rc == 0 && st.len) {
		uint64_t base = (uint64_t)(uintptr_t)data;

		if (st.addr >= base && st.addr + st.len <= base + PAGE) {
			memcpy(want + (st.addr - base), st.bytes, st.len);
		} else {
			/* Elsewhere in the child (a copy of this process):
			 * what the CPU left there must be the store. */
			uint8_t got[8];

			if (child_load(NULL, st.addr, got, st.len) < 0 ||
			    memcmp(got, st.bytes, st.len))
				rc = -EFAULT;
		}
	}
	if (rc == 0 && same_regs(&emu, &nat) && memcmp(want, data, PAGE) == 0)
		return 1;
	hex(bytes, in->len, h);
	printf("#   %s: emul_apply %d, registers %s, memory %s\n", h, rc,
	       same_regs(&emu, &nat) ? "agree" : "differ",
	       memcmp(want, data, PAGE) ? "differs" : "agrees");
	show_regs("start ", &start);
	show_regs("cpu   ", &nat);
	show_regs("emul  ", &emu);
	return 0;
}

/* Every accepted form, by encoding. mem: its registers point into the
 * data page (it stores, or computes an address). */
static const struct {
	const char *hex;
	bool mem;
	const char *what;
} forms[] = {
	{ "90", false, "nop" },
	{ "66 90", false, "xchg %ax,%ax" },
	{ "0f 1f 00", false, "nopl (%rax)" },
	{ "0f 1f 40 00", false, "nopl 0x0(%rax)" },
	{ "0f 1f 44 00 00", false, "nopl 0x0(%rax,%rax,1)" },
	{ "66 0f 1f 44 00 00", false, "nopw 0x0(%rax,%rax,1)" },
	{ "0f 1f 80 00 00 00 00", false, "nopl 0x0(%rax)" },
	{ "0f 1f 84 00 00 00 00 00", false, "nopl 0x0(%rax,%rax,1)" },
	{ "f3 0f 1e fa", false, "endbr64" },
	{ "f3 0f 1e fb", false, "endbr32" },
	{ "55", true, "push %rbp" },
	{ "53", true, "push %rbx" },
	{ "54", true, "push %rsp" },
	{ "41 54", true, "push %r12" },
	{ "41 57", true, "push %r15" },
	{ "48 89 e5", false, "mov %rsp,%rbp" },
	{ "48 8b ec", false, "mov %rsp,%rbp (8b)" },
	{ "89 e5", false, "mov %esp,%ebp" },
	{ "48 89 fb", false, "mov %rdi,%rbx" },
	{ "49 89 fc", false, "mov %rdi,%r12" },
	{ "4c 89 c0", false, "mov %r8,%rax" },
	{ "89 f8", false, "mov %edi,%eax" },
	{ "66 89 f8", false, "mov %di,%ax" },
	{ "88 f8", false, "mov %bh,%al" },
	{ "40 88 f8", false, "mov %dil,%al" },
	{ "88 c4", false, "mov %al,%ah" },
	{ "8a e0", false, "mov %al,%ah (8a)" },
	{ "45 88 c1", false, "mov %r8b,%r9b" },
	{ "48 89 7d f8", true, "mov %rdi,-0x8(%rbp)" },
	{ "89 7d ec", true, "mov %edi,-0x14(%rbp)" },
	{ "66 89 7d ec", true, "mov %di,-0x14(%rbp)" },
	{ "40 88 7d ec", true, "mov %dil,-0x14(%rbp)" },
	{ "88 45 ec", true, "mov %al,-0x14(%rbp)" },
	{ "88 65 ec", true, "mov %ah,-0x14(%rbp)" },
	{ "48 89 75 e0", true, "mov %rsi,-0x20(%rbp)" },
	{ "4c 89 45 d0", true, "mov %r8,-0x30(%rbp)" },
	{ "48 89 3c 24", true, "mov %rdi,(%rsp)" },
	{ "48 89 7c 24 08", true, "mov %rdi,0x8(%rsp)" },
	{ "48 89 bc 24 00 01 00 00", true, "mov %rdi,0x100(%rsp)" },
	{ "48 89 04 c8", true, "mov %rax,(%rax,%rcx,8)" },
	{ "4a 89 04 88", true, "mov %rax,(%rax,%r9,4)" },
	{ "48 89 44 4d 10", true, "mov %rax,0x10(%rbp,%rcx,2)" },
	{ "49 89 45 00", true, "mov %rax,0x0(%r13)" },
	{ "49 89 04 24", true, "mov %rax,(%r12)" },
	{ "48 89 00", true, "mov %rax,(%rax)" },
	{ "c7 45 fc 00 00 00 00", true, "movl $0x0,-0x4(%rbp)" },
	{ "48 c7 45 f8 ff ff ff ff", true, "movq $-1,-0x8(%rbp)" },
	{ "48 c7 45 f8 00 00 00 80", true, "movq $-0x80000000,-0x8(%rbp)" },
	{ "66 c7 45 fc 34 12", true, "movw $0x1234,-0x4(%rbp)" },
	{ "c6 45 fb 41", true, "movb $0x41,-0x5(%rbp)" },
	{ "c7 04 24 01 00 00 00", true, "movl $1,(%rsp)" },
	{ "b8 00 00 00 00", false, "mov $0x0,%eax" },
	{ "b8 ff ff ff ff", false, "mov $0xffffffff,%eax" },
	{ "41 bc 2a 00 00 00", false, "mov $0x2a,%r12d" },
	{ "48 b8 88 77 66 55 44 33 22 11", false, "movabs $..,%rax" },
	{ "49 bf 00 00 00 00 00 00 00 80", false, "movabs $..,%r15" },
	{ "66 b8 34 12", false, "mov $0x1234,%ax" },
	{ "b0 7f", false, "mov $0x7f,%al" },
	{ "b4 7f", false, "mov $0x7f,%ah" },
	{ "40 b4 7f", false, "mov $0x7f,%spl" },
	{ "41 b0 80", false, "mov $0x80,%r8b" },
	{ "48 c7 c0 ff ff ff ff", false, "mov $-1,%rax (c7)" },
	{ "c7 c1 78 56 34 12", false, "mov $0x12345678,%ecx (c7)" },
	{ "48 8d 45 f0", true, "lea -0x10(%rbp),%rax" },
	{ "48 8d 05 10 00 00 00", false, "lea 0x10(%rip),%rax" },
	{ "48 8d 04 c8", true, "lea (%rax,%rcx,8),%rax" },
	{ "8d 04 c8", true, "lea (%rax,%rcx,8),%eax" },
	{ "66 8d 04 c8", true, "lea (%rax,%rcx,8),%ax" },
	{ "48 8d 04 25 78 56 34 12", false, "lea 0x12345678,%rax" },
	{ "4a 8d 04 a5 00 00 00 00", true, "lea 0x0(,%r12,4),%rax" },
	{ "48 8d 64 24 f8", true, "lea -0x8(%rsp),%rsp" },
	{ "48 83 ec 10", false, "sub $0x10,%rsp" },
	{ "48 81 ec 00 01 00 00", false, "sub $0x100,%rsp" },
	{ "48 83 c4 10", false, "add $0x10,%rsp" },
	{ "48 83 c0 ff", false, "add $-1,%rax" },
	{ "83 e8 01", false, "sub $1,%eax" },
	{ "83 f8 01", false, "cmp $1,%eax" },
	{ "48 83 ff 00", false, "cmp $0,%rdi" },
	{ "48 81 ff 00 00 00 80", false, "cmp $-0x80000000,%rdi" },
	{ "66 83 c0 01", false, "add $1,%ax" },
	{ "66 81 c1 ff 7f", false, "add $0x7fff,%cx" },
	{ "80 c1 80", false, "add $0x80,%cl" },
	{ "80 ec 01", false, "sub $1,%ah" },
	{ "80 ff 41", false, "cmp $0x41,%bh" },
	{ "41 80 f8 7f", false, "cmp $0x7f,%r8b" },
	{ "04 01", false, "add $1,%al" },
	{ "2c 80", false, "sub $0x80,%al" },
	{ "3c 00", false, "cmp $0,%al" },
	{ "05 ff ff ff 7f", false, "add $0x7fffffff,%eax" },
	{ "48 05 00 00 00 80", false, "add $-0x80000000,%rax" },
	{ "48 2d 01 00 00 00", false, "sub $1,%rax" },
	{ "66 3d 00 80", false, "cmp $0x8000,%ax" },
	{ "48 01 f8", false, "add %rdi,%rax" },
	{ "48 03 c7", false, "add %rdi,%rax (03)" },
	{ "01 f8", false, "add %edi,%eax" },
	{ "66 01 f8", false, "add %di,%ax" },
	{ "00 e0", false, "add %ah,%al" },
	{ "02 c4", false, "add %ah,%al (02)" },
	{ "48 29 f8", false, "sub %rdi,%rax" },
	{ "4d 29 c1", false, "sub %r8,%r9" },
	{ "29 c0", false, "sub %eax,%eax" },
	{ "2a c7", false, "sub %bh,%al" },
	{ "48 39 f7", false, "cmp %rsi,%rdi" },
	{ "48 3b fe", false, "cmp %rsi,%rdi (3b)" },
	{ "39 c8", false, "cmp %ecx,%eax" },
	{ "38 e0", false, "cmp %ah,%al" },
	{ "40 38 fe", false, "cmp %dil,%sil" },
	{ "48 8b 45 f8", true, "mov -0x8(%rbp),%rax" },
	{ "8b 45 ec", true, "mov -0x14(%rbp),%eax" },
	{ "66 8b 45 ec", true, "mov -0x14(%rbp),%ax" },
	{ "8a 45 ec", true, "mov -0x14(%rbp),%al" },
	{ "8a 65 ec", true, "mov -0x14(%rbp),%ah" },
	{ "48 8b 04 24", true, "mov (%rsp),%rax" },
	{ "4c 8b 44 cd 08", true, "mov 0x8(%rbp,%rcx,8),%r8" },
	{ "48 8b 05 00 00 00 00", false, "mov 0x0(%rip),%rax (code)" },
	{ "48 3b 45 f0", true, "cmp -0x10(%rbp),%rax" },
	{ "48 39 45 f0", true, "cmp %rax,-0x10(%rbp)" },
	{ "83 7d ec 01", true, "cmpl $1,-0x14(%rbp)" },
	{ "80 7d ec 80", true, "cmpb $0x80,-0x14(%rbp)" },
	{ "48 83 45 f8 01", true, "addq $1,-0x8(%rbp)" },
	{ "48 81 6d f8 00 01 00 00", true, "subq $0x100,-0x8(%rbp)" },
	{ "66 83 45 f8 ff", true, "addw $-1,-0x8(%rbp)" },
	{ "48 01 45 f8", true, "add %rax,-0x8(%rbp)" },
	{ "29 45 f8", true, "sub %eax,-0x8(%rbp)" },
	{ "00 45 f8", true, "add %al,-0x8(%rbp)" },
	{ "48 03 45 f8", true, "add -0x8(%rbp),%rax" },
	{ "2b 45 f8", true, "sub -0x8(%rbp),%eax" },
	{ "2a 65 f8", true, "sub -0x8(%rbp),%ah" },
	{ "5d", true, "pop %rbp" },
	{ "41 5c", true, "pop %r12" },
	{ "5c", true, "pop %rsp" },
	{ "eb 10", false, "jmp .+0x12" },
	{ "eb fe", false, "jmp ." },
	{ "eb 80", false, "jmp back" },
	{ "e9 00 01 00 00", false, "jmp rel32" },
	{ "e9 00 ff ff ff", false, "jmp rel32 back" },
	{ "70 10", false, "jo" }, { "71 10", false, "jno" },
	{ "72 10", false, "jb" }, { "73 10", false, "jae" },
	{ "74 10", false, "je" }, { "75 10", false, "jne" },
	{ "76 10", false, "jbe" }, { "77 10", false, "ja" },
	{ "78 10", false, "js" }, { "79 10", false, "jns" },
	{ "7a 10", false, "jp" }, { "7b 10", false, "jnp" },
	{ "7c 10", false, "jl" }, { "7d 10", false, "jge" },
	{ "7e 10", false, "jle" }, { "7f e5", false, "jg back" },
	{ "0f 84 00 01 00 00", false, "je rel32" },
	{ "0f 8c 00 ff ff ff", false, "jl rel32 back" },
	{ "0f 8f 10 00 00 00", false, "jg rel32" },
	{ "0f 8a 10 00 00 00", false, "jp rel32" },
};

/* What the decoder must leave to the single-step. */
static const struct {
	const char *hex;
	const char *what;
} refused[] = {
	{ "c3", "ret" },
	{ "c2 08 00", "ret $8" },
	{ "e8 00 00 00 00", "call" },
	{ "ff d0", "call *%rax" },
	{ "ff e0", "jmp *%rax" },
	{ "ff 25 00 00 00 00", "jmp *0x0(%rip)" },
	{ "66 eb 10", "jmp with 0x66" },
	{ "48 74 10", "je with REX" },
	{ "66 0f 84 00 01", "je rel16" },
	{ "e3 10", "jrcxz" },
	{ "e2 10", "loop" },
	{ "f2 eb 10", "bnd jmp" },
	{ "3e 74 10", "ds (branch hint) je" },
	{ "66 58", "pop %ax" },
	{ "8f 45 f8", "pop -0x8(%rbp)" },
	{ "ff 75 f8", "push -0x8(%rbp)" },
	{ "c9", "leave" },
	{ "48 31 c0", "xor (AF undefined)" },
	{ "31 c0", "xor %eax,%eax" },
	{ "48 85 ff", "test (AF undefined)" },
	{ "48 21 c0", "and" },
	{ "48 09 c0", "or" },
	{ "48 11 c0", "adc" },
	{ "48 19 c0", "sbb" },
	{ "48 83 e4 f0", "and $-16,%rsp" },
	{ "48 ff c0", "inc" },
	{ "41 90", "xchg %eax,%r8d" },
	{ "f3 90", "pause" },
	{ "f0 48 01 07", "lock add" },
	{ "64 48 8b 04 25 28 00 00 00", "mov %fs:0x28,%rax" },
	{ "64 48 89 04 25 28 00 00 00", "mov %rax,%fs:0x28" },
	{ "67 48 89 07", "addr32 mov" },
	{ "2e 0f 1f 84 00 00 00 00 00", "cs nopl" },
	{ "66 50", "push %ax" },
	{ "0f 05", "syscall" },
	{ "cc", "int3" },
	{ "0f 0b", "ud2" },
	{ "f2 0f 10 45 f8", "movsd (load)" },
	{ "f3 0f 11 45 fc", "movss %xmm0,-0x4(%rbp)" },
	{ "66 0f d6 45 f8", "movq %xmm0,-0x8(%rbp)" },
	{ "0f 1f c8", "nop with reg 1 (hint nop)" },
	{ "48 0f 1f 00", "rex.w nopl" },
	{ "c7 c8 00 00 00 00", "c7 /1" },
	{ "48 83 c8 01", "or $1,%rax" },
	{ "48 89", "cut short" },
	{ "48 c7 45 f8 00 00", "cut short immediate" },
	{ "f3 0f 1e", "cut short endbr64" },
	{ "48", "a REX byte alone" },
};

static size_t parse_hex(const char *s, uint8_t *out)
{
	size_t n = 0;

	while (*s) {
		char *end;
		unsigned long v = strtoul(s, &end, 16);

		if (end == s)
			break;
		out[n++] = (uint8_t)v;
		s = end;
	}
	return n;
}

static void test_forms(void)
{
	size_t f;

	for (f = 0; f < sizeof(forms) / sizeof(*forms); f++) {
		uint8_t b[16];
		size_t n = parse_hex(forms[f].hex, b);
		struct emul_insn in;
		int good = 0, bad = 0, k;

		if (emul_decode(b, n, &in) < 0 || in.len != n) {
			T_OK(0, "%s: decoded, length %zu", forms[f].what, n);
			continue;
		}
		/* Cases whose store falls outside the memory mapped in the
		 * child fault there and do not count. */
		for (k = 0; k < 1000 && good < 200; k++) {
			int r = compare_one(b, n, &in, forms[f].mem);

			if (r > 0)
				good++;
			else if (r == 0 && ++bad >= 3)
				break;
		}
		T_OK(bad == 0 && good >= 100, "%s (%s): %d register sets agree "
		     "with the CPU", forms[f].what, forms[f].hex, good);
	}
}

static void test_refused(void)
{
	size_t f;

	for (f = 0; f < sizeof(refused) / sizeof(*refused); f++) {
		uint8_t b[16];
		size_t n = parse_hex(refused[f].hex, b);
		struct emul_insn in;

		T_OK(emul_decode(b, n, &in) == -ENOTSUP, "refused: %s",
		     refused[f].what);
	}
}

/* Random instructions built from the bytes the decoder knows: whatever
 * it accepts must be what the CPU does. */
static void test_random(void)
{
	static const uint8_t first[] = {
		0x90, 0x0f, 0x50, 0x55, 0x57, 0x88, 0x89, 0x8a, 0x8b, 0x8d,
		0xb0, 0xb4, 0xb8, 0xbc, 0xbf, 0xc6, 0xc7, 0x80, 0x81, 0x83,
		0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x28, 0x29, 0x2a, 0x2b,
		0x2c, 0x2d, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x58, 0x5d,
		0x5f, 0x70, 0x74, 0x7c, 0x7f, 0xeb, 0xe9,
	};
	int tried = 0, accepted = 0, good = 0, bad = 0, skipped = 0;

	while (tried < 20000 && bad < 5) {
		uint8_t b[16];
		size_t n = 0, j;
		struct emul_insn in;
		int r;

		if (rnd() % 4 == 0)
			b[n++] = 0x66;
		if (rnd() % 2)
			b[n++] = (uint8_t)(0x40 + rnd() % 16);
		b[n++] = first[rnd() % sizeof(first)];
		if (b[n - 1] == 0x0f)
			b[n++] = rnd() % 2 ? 0x1f : (uint8_t)(0x80 + rnd() % 16);
		for (j = n; j < 16; j++)
			b[j] = (uint8_t)rnd();
		tried++;
		if (emul_decode(b, 16, &in) < 0)
			continue;
		accepted++;
		r = compare_one(b, in.len, &in, rnd() % 2);
		if (r > 0)
			good++;
		else if (r < 0)
			skipped++;
		else
			bad++;
	}
	printf("# random: %d tried, %d accepted, %d agree, %d faulted "
	       "natively\n", tried, accepted, good, skipped);
	T_OK(bad == 0 && good > 1000, "random instructions: %d agree with "
	     "the CPU, %d differ", good, bad);
}

/* What the CPU would trap on is refused at apply time. */
static void test_traps(void)
{
	uint8_t push[] = { 0x55 }, nop[] = { 0x90 }, pop[] = { 0x5d };
	uint8_t jmp[] = { 0xe9, 0x00, 0x00, 0xff, 0x7f };
	struct user_regs_struct r;
	struct emul_store st;
	struct emul_insn in;

	memset(&r, 0, sizeof(r));
	r.eflags = 0x302;	/* TF */
	T_OK(emul_decode(nop, 1, &in) == 0 &&
	     emul_apply(&in, &r, NULL, &st) == -ENOTSUP, "trap flag: refused");
	r.eflags = 0x40202;	/* AC */
	T_OK(emul_decode(push, 1, &in) == 0 &&
	     emul_apply(&in, &r, NULL, &st) == -ENOTSUP,
	     "alignment check on a store: refused");
	T_OK(emul_decode(nop, 1, &in) == 0 && emul_apply(&in, &r, NULL, &st) == 0 &&
	     r.rip == 1, "alignment check without a store: carried out");
	T_OK(emul_decode(pop, 1, &in) == 0 &&
	     emul_apply(&in, &r, NULL, &st) == -ENOTSUP,
	     "alignment check on a load: refused");
	r.eflags = 0x202;
	r.rip = 0x7ffffffff000ull;
	T_OK(emul_decode(jmp, 5, &in) == 0 &&
	     emul_apply(&in, &r, NULL, &st) == -ENOTSUP,
	     "a jump out of the user half: refused");
	T_OK(emul_decode(jmp, 5, &in) == 0 && (r.rip = 0x1000) &&
	     emul_apply(&in, &r, NULL, &st) == 0 && r.rip == 0x1005 + 0x7fff0000,
	     "a jump within it: carried out");
	T_OK(emul_decode(pop, 1, &in) == 0 &&
	     emul_apply(&in, &r, NULL, &st) == -ENOTSUP,
	     "a load without a way to read memory: refused");
}

int main(void)
{
	code = mmap(NULL, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	data = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (code == MAP_FAILED || data == MAP_FAILED)
		return 1;
	start_child();
	test_refused();
	test_traps();
	test_forms();
	test_random();
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return T_DONE();
}

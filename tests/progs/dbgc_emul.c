/* dbgc_emul: functions that start with each instruction jail's debugger
 * carries out itself when it passes a breakpoint (debugger/emul.c).
 *
 * Each e_* function's first instruction is the one under test; what
 * follows returns its effect (registers, flags through pushfq, what it
 * stored). main calls every function N times with varied arguments,
 * the iteration in %rcx, and folds the results into results[] and one
 * sum handed to done(). Under a debugger with `break *e_NAME if $rcx ==
 * N-1` on each, every earlier call passes a breakpoint without stopping:
 * results and sum must be the native ones (tests/dbg/diff_emul.gdb
 * compares them with gdb's, which runs the instruction natively).
 * e_xor and e_test start with instructions that are not emulated (AF is
 * undefined after them): those take the single-step path, interleaved.
 * The e_j* functions are broken at their jump (+3). stepper() is a loop
 * for stepi, which runs such instructions without the CPU too.
 *
 *	dbgc_emul [N]		N defaults to 200
 *	dbgc_emul nx		jumps into data: killed by SIGSEGV
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FN(name, body)                                                     \
	".globl " #name "\n.type " #name ",@function\n" #name ":\n" body   \
	"\n.size " #name ",.-" #name "\n"

__asm__(".text\n"
	FN(e_endbr, "endbr64\n lea (%rdi,%rsi),%rax\n ret")
	FN(e_nopl, "nopl 0x0(%rax,%rax,1)\n mov %rdi,%rax\n ret")
	FN(e_push, "push %rdi\n pop %rax\n ret")
	FN(e_push_r12, "push %r12\n mov %rdi,%r12\n add %rsi,%r12\n"
		       " mov %r12,%rax\n pop %r12\n ret")
	FN(e_push_rsp, "push %rsp\n pop %rax\n sub %rsp,%rax\n ret")
	FN(e_frame, "push %rbp\n mov %rsp,%rbp\n mov %rdi,-0x8(%rbp)\n"
		    " mov %esi,-0xc(%rbp)\n mov -0x8(%rbp),%rax\n"
		    " add -0xc(%rbp),%eax\n pop %rbp\n ret")
	FN(e_sub_rsp, "sub $0x18,%rsp\n pushfq\n pop %rax\n mov %rsp,%rdx\n"
		      " add $0x18,%rsp\n xor %rdx,%rax\n ret")
	FN(e_add_rr, "add %rsi,%rdi\n pushfq\n pop %rax\n xor %rdi,%rax\n ret")
	FN(e_sub32, "sub %esi,%edi\n pushfq\n pop %rax\n shl $32,%rax\n"
		    " or %rdi,%rax\n ret")
	FN(e_add16, "add %si,%di\n pushfq\n pop %rax\n shl $32,%rax\n"
		    " or %rdi,%rax\n ret")
	FN(e_cmp_imm8, "cmp $0x7f,%dil\n pushfq\n pop %rax\n ret")
	FN(e_add8_imm, "add $0x80,%sil\n pushfq\n pop %rax\n shl $32,%rax\n"
		       " or %rsi,%rax\n ret")
	FN(e_sub_imm32, "sub $0x12345678,%rdi\n pushfq\n pop %rax\n"
			" xor %rdi,%rax\n ret")
	FN(e_cmp_rr, "cmp %rsi,%rdi\n pushfq\n pop %rax\n ret")
	FN(e_movl_imm, "movl $0x89abcdef,-0x8(%rsp)\n mov -0x8(%rsp),%rax\n"
		       " ret")
	FN(e_movb_store, "mov %dil,-0x1(%rsp)\n movzbl -0x1(%rsp),%eax\n"
			 " ret")
	FN(e_store_rsp, "mov %rdi,-0x10(%rsp)\n mov -0x10(%rsp),%rax\n ret")
	FN(e_mov_high, "mov %dh,%ah\n ret")
	FN(e_lea, "lea 0x10(%rdi,%rsi,4),%rax\n ret")
	FN(e_lea_rip, "lea 0x0(%rip),%rax\n ret")
	FN(e_movabs, "movabs $0x1122334455667788,%rax\n xor %rdi,%rax\n ret")
	FN(e_mov_r32, "mov %edi,%eax\n ret")
	FN(e_load, "mov (%rsp),%rax\n ret")
	FN(e_load8, "movb (%rsp),%ah\n ret")
	FN(e_cmp_mem, "cmp %rdi,(%rsp)\n pushfq\n pop %rax\n ret")
	FN(e_rmw, "add %rdi,(%rsp)\n mov (%rsp),%rax\n sub %rdi,(%rsp)\n"
		  " ret")
	FN(e_rmw_flags, "add %rdi,(%rsp)\n pushfq\n pop %rax\n"
			" sub %rdi,(%rsp)\n ret")
	FN(e_pop, "pop %rax\n push %rax\n ret")
	/* The breakpoint goes on the jump, after the cmp (+3). */
	FN(e_jl, "cmp %rsi,%rdi\n jl 1f\n mov $1,%eax\n ret\n"
		 "1: mov $2,%eax\n ret")
	FN(e_jbe, "cmp %rsi,%rdi\n jbe 1f\n mov $1,%eax\n ret\n"
		  "1: mov $2,%eax\n ret")
	FN(e_jo, "add %rsi,%rdi\n jo 1f\n mov $1,%eax\n ret\n"
		 "1: mov $2,%eax\n ret")
	FN(e_jp32, "cmp %rsi,%rdi\n {disp32} jp 1f\n mov $1,%eax\n ret\n"
		   "1: mov $2,%eax\n ret")
	FN(e_jmp, "cmp %rsi,%rdi\n jmp 1f\n mov $1,%eax\n ret\n"
		  "1: mov $2,%eax\n ret")
	FN(e_xor, "xor %esi,%edi\n mov %rdi,%rax\n ret")
	FN(e_test, "test %rsi,%rdi\n mov $0,%eax\n sete %al\n ret")
	/* stepi goes through this: a loop of loads, stores, read-modify-
	 * writes and branches, n times (n in %rdi). */
	FN(stepper, "push %rbp\n mov %rsp,%rbp\n sub $0x20,%rsp\n"
		    " movq $0,-0x8(%rbp)\n movq $0,-0x10(%rbp)\n"
		    "1: mov -0x10(%rbp),%rax\n add %rax,-0x8(%rbp)\n"
		    " mov -0x8(%rbp),%rdx\n cmp $0x1000,%rdx\n jbe 2f\n"
		    " sub $0x777,%rdx\n mov %rdx,-0x8(%rbp)\n"
		    "2: addq $1,-0x10(%rbp)\n cmp %rdi,-0x10(%rbp)\n jl 1b\n"
		    " mov -0x8(%rbp),%rax\n leave\n ret")
	/* A jump into data: the CPU faults fetching there (not executable)
	 * and so must a debugger that carries instructions out itself. */
	FN(e_nx, "cmp %rsi,%rdi\n cmp %rsi,%rdi\n cmp %rsi,%rdi\n"
		 " jmp nx_code\n ret")
	".data\n.globl nx_code\nnx_code: .byte 0x90, 0x90, 0x90, 0xc3\n"
	".text\n");

typedef unsigned long fn(long a, long b, long c, long i);
fn e_endbr, e_nopl, e_push, e_push_r12, e_push_rsp, e_frame, e_sub_rsp,
	e_add_rr, e_sub32, e_add16, e_cmp_imm8, e_add8_imm, e_sub_imm32,
	e_cmp_rr, e_movl_imm, e_movb_store, e_store_rsp, e_mov_high, e_lea,
	e_lea_rip, e_movabs, e_mov_r32, e_load, e_load8, e_cmp_mem, e_rmw,
	e_rmw_flags, e_pop, e_jl, e_jbe, e_jo, e_jp32, e_jmp, e_xor, e_test;
long stepper(long n);
void e_nx(void);

static fn *const fns[] = {
	e_endbr, e_nopl, e_push, e_push_r12, e_push_rsp, e_frame, e_sub_rsp,
	e_add_rr, e_sub32, e_add16, e_cmp_imm8, e_add8_imm, e_sub_imm32,
	e_cmp_rr, e_movl_imm, e_movb_store, e_store_rsp, e_mov_high, e_lea,
	e_lea_rip, e_movabs, e_mov_r32, e_load, e_load8, e_cmp_mem, e_rmw,
	e_rmw_flags, e_pop, e_jl, e_jbe, e_jo, e_jp32, e_jmp, e_xor, e_test,
};
#define NF (sizeof(fns) / sizeof(*fns))

unsigned long results[NF];

__attribute__((noinline)) void done(unsigned long sum);
__attribute__((noinline)) void done(unsigned long sum)
{
	__asm__ volatile("" : : "r"(sum) : "memory");
}

/* Carries, overflows and sign changes at every operand size. */
static long arg(unsigned long *x, long i)
{
	static const unsigned long edge[] = {
		0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff,
		0x80000000, 0xffffffff, 0x7fffffffffffffff, 0x8000000000000000,
		~0ul, 0x12345678, 0x0f0f0f0f0f0f0f0f,
	};

	*x = *x * 6364136223846793005ul + 1442695040888963407ul;
	if (i % 3 == 0)
		return (long)edge[(*x >> 33) % (sizeof(edge) / sizeof(*edge))];
	return (long)(*x ^ (*x >> 29));
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200, i;
	unsigned long x = 0x9e3779b97f4a7c15ul, sum = 0;
	size_t f;

	if (argc > 1 && strcmp(argv[1], "nx") == 0) {
		e_nx();
		return 1;
	}
	for (i = 0; i < n; i++) {
		for (f = 0; f < NF; f++) {
			long a = arg(&x, i), b = arg(&x, i + 1);

			results[f] = results[f] * 31 + fns[f](a, b, a >> 7, i);
		}
	}
	for (f = 0; f < NF; f++)
		sum = (sum << 7 | sum >> 57) ^ results[f];
	sum ^= (unsigned long)stepper(300);
	done(sum);
	printf("%lx\n", sum);
	return 0;
}

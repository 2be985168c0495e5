/* disasm: gdb's spelling of x86 instructions, checked three ways:
 * hand-worked cases (both flavours, both modes), the output shapes of
 * x/i and disassemble with a fake symbolizer, and differentially against
 * gdb itself on build/progs/dbg_target and on libc's code. */
#include "debugger/disasm.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "t.h"

/* --- helpers shared in shape by the debugger tests --- */

#include "gdb_helpers.h"

/* An address space holding one file at its link-time addresses, the way
 * gdb sees a program before it runs. */
static struct addrspace *static_space(struct symcache *c, const char *path)
{
	struct addrspace *as = NULL;
	struct elf_obj *o;
	const struct elf_seg *seg;
	size_t n;
	struct stat st;
	char line[4200];

	if (stat(path, &st) || symcache_get(c, path, 0, 0, &o))
		return NULL;
	seg = elfobj_segments(o, &n);
	snprintf(line, sizeof(line),
		 "%llx-%llx r--p 00000000 %02x:%02x %llu %s\n",
		 n ? (unsigned long long)(seg[0].vaddr & ~0xfffULL) : 0ULL,
		 n ? (unsigned long long)((seg[0].vaddr & ~0xfffULL) + 0x1000)
		   : 0x1000ULL,
		 major(st.st_dev), minor(st.st_dev),
		 (unsigned long long)st.st_ino, path);
	elfobj_put(o);
	if (as_create(&as, c) || as_update(as, line, 0)) {
		as_destroy(as);
		return NULL;
	}
	return as;
}

/* --- a fake symbolizer and memory --- */

static const struct {
	const char *name;
	uint64_t addr, size;
} fake_syms[] = {
	{ "f", 0x1000, 0x40 },
	{ "got", 0x3fe8, 8 },
	{ "main", 0x401126, 0x30 },
};

static int fake_lookup(void *ctx, uint64_t addr, const char **name,
		       uint64_t *off)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < sizeof(fake_syms) / sizeof(fake_syms[0]); i++) {
		if (addr - fake_syms[i].addr < fake_syms[i].size) {
			*name = fake_syms[i].name;
			*off = addr - fake_syms[i].addr;
			return 0;
		}
	}
	return -ENOENT;
}

static const struct symbolizer fake_sym = { fake_lookup, NULL };

struct fake_mem {
	uint64_t base;
	const uint8_t *bytes;
	size_t len;
};

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct fake_mem *m = ctx;

	if (addr < m->base || addr - m->base >= m->len)
		return -EFAULT;
	if (len > m->len - (addr - m->base))
		len = m->len - (addr - m->base);
	memcpy(buf, m->bytes + (addr - m->base), len);
	return len;
}

static size_t unhex(const char *h, uint8_t *out)
{
	size_t n = 0;

	for (; h[0] && h[1]; h += 2) {
		unsigned v;

		sscanf(h, "%2x", &v);
		out[n++] = v;
	}
	return n;
}

/* --- hand-worked cases --- */

/* Expected texts are gdb 13's for the same bytes at address 0x1000
 * (worked out from libopcodes' rules, confirmed with gdb). */
static const struct {
	const char *hex;
	int mode;		/* 64 or 32 */
	const char *att, *intel;
	unsigned flags;		/* must all be set */
	unsigned size;
} cases[] = {
	{ "55", 64, "push   %rbp", "push   rbp", 0, 1 },
	{ "c3", 64, "ret", "ret", DIS_F_RET, 1 },
	{ "f3c3", 64, "repz ret", "repz ret", DIS_F_RET, 2 },
	{ "f30f1efa", 64, "endbr64", "endbr64", 0, 4 },
	{ "4883c480", 64, "add    $0xffffffffffffff80,%rsp",
	  "add    rsp,0xffffffffffffff80", 0, 4 },
	{ "c745fc00000000", 64, "movl   $0x0,-0x4(%rbp)",
	  "mov    DWORD PTR [rbp-0x4],0x0", 0, 7 },
	{ "b800000000", 64, "mov    $0x0,%eax", "mov    eax,0x0", 0, 5 },
	{ "662e0f1f840000000000", 64, "cs nopw 0x0(%rax,%rax,1)",
	  "cs nop WORD PTR [rax+rax*1+0x0]", 0, 10 },
	{ "66662e0f1f840000000000", 64, "data16 cs nopw 0x0(%rax,%rax,1)",
	  "data16 cs nop WORD PTR [rax+rax*1+0x0]", 0, 11 },
	{ "0f1f4000", 64, "nopl   0x0(%rax)", "nop    DWORD PTR [rax+0x0]",
	  0, 4 },
	{ "0f1f440000", 64, "nopl   0x0(%rax,%rax,1)",
	  "nop    DWORD PTR [rax+rax*1+0x0]", 0, 5 },
	{ "6690", 64, "xchg   %ax,%ax", "xchg   ax,ax", 0, 2 },
	{ "e800000000", 64, "call   0x1005 <f+5>", "call   0x1005 <f+5>",
	  DIS_F_CALL | DIS_F_TARGET, 5 },
	{ "ff15e22f0000", 64, "call   *0x2fe2(%rip)        # 0x3fe8 <got>",
	  "call   QWORD PTR [rip+0x2fe2]        # 0x3fe8 <got>",
	  DIS_F_CALL | DIS_F_INDIRECT | DIS_F_MEMREF, 6 },
	{ "ffd0", 64, "call   *%rax", "call   rax",
	  DIS_F_CALL | DIS_F_INDIRECT, 2 },
	{ "3effe0", 64, "notrack jmp *%rax", "notrack jmp rax",
	  DIS_F_JUMP | DIS_F_INDIRECT, 3 },
	{ "64488b042528000000", 64, "mov    %fs:0x28,%rax",
	  "mov    rax,QWORD PTR fs:0x28", 0, 9 },
	{ "f348ab", 64, "rep stos %rax,%es:(%rdi)",
	  "rep stos QWORD PTR es:[rdi],rax", 0, 3 },
	{ "f3a4", 64, "rep movsb %ds:(%rsi),%es:(%rdi)",
	  "rep movs BYTE PTR es:[rdi],BYTE PTR ds:[rsi]", 0, 2 },
	{ "f2ae", 64, "repnz scas %es:(%rdi),%al",
	  "repnz scas al,BYTE PTR es:[rdi]", 0, 2 },
	{ "48b88877665544332211", 64, "movabs $0x1122334455667788,%rax",
	  "movabs rax,0x1122334455667788", 0, 10 },
	{ "0fb645ff", 64, "movzbl -0x1(%rbp),%eax",
	  "movzx  eax,BYTE PTR [rbp-0x1]", 0, 4 },
	{ "4863c7", 64, "movslq %edi,%rax", "movsxd rax,edi", 0, 3 },
	{ "4898", 64, "cltq", "cdqe", 0, 2 },
	{ "ebfe", 64, "jmp    0x1000 <f>", "jmp    0x1000 <f>",
	  DIS_F_JUMP | DIS_F_TARGET, 2 },
	{ "7405", 64, "je     0x1007 <f+7>", "je     0x1007 <f+7>",
	  DIS_F_JUMP | DIS_F_COND | DIS_F_TARGET, 2 },
	{ "0f05", 64, "syscall", "syscall", DIS_F_SYSCALL, 2 },
	{ "cc", 64, "int3", "int3", DIS_F_TRAP, 1 },
	{ "d1e8", 64, "shr    %eax", "shr    eax,1", 0, 2 },
	{ "d3650c", 64, "shll   %cl,0xc(%rbp)", "shl    DWORD PTR [rbp+0xc],cl",
	  0, 3 },
	{ "9bd97c2402", 64, "fstcw  0x2(%rsp)", "fstcw  WORD PTR [rsp+0x2]",
	  0, 5 },
	{ "dec9", 64, "fmulp  %st,%st(1)", "fmulp  st(1),st", 0, 2 },
	{ "91", 64, "xchg   %eax,%ecx", "xchg   ecx,eax", 0, 1 },
	{ "66480f6ec0", 64, "movq   %rax,%xmm0", "movq   xmm0,rax", 0, 5 },
	{ "488d0500000000", 64, "lea    0x0(%rip),%rax        # 0x1007 <f+7>",
	  "lea    rax,[rip+0x0]        # 0x1007 <f+7>", DIS_F_MEMREF, 7 },
	{ "6aff", 64, "push   $0xffffffffffffffff", "push   0xffffffffffffffff",
	  0, 2 },
	{ "ff742408", 64, "push   0x8(%rsp)", "push   QWORD PTR [rsp+0x8]",
	  0, 4 },
	{ "06", 64, "(bad)", "(bad)", DIS_F_BAD, 1 },
	/* i386 */
	{ "55", 32, "push   %ebp", "push   ebp", 0, 1 },
	{ "8b4508", 32, "mov    0x8(%ebp),%eax",
	  "mov    eax,DWORD PTR [ebp+0x8]", 0, 3 },
	{ "c7042400000000", 32, "movl   $0x0,(%esp)",
	  "mov    DWORD PTR [esp],0x0", 0, 7 },
	{ "a110a00408", 32, "mov    0x804a010,%eax", "mov    eax,ds:0x804a010",
	  0, 5 },
	{ "cd80", 32, "int    $0x80", "int    0x80", DIS_F_SYSCALL, 2 },
	{ "e8fbffffff", 32, "call   0x1000 <f>", "call   0x1000 <f>",
	  DIS_F_CALL | DIS_F_TARGET, 5 },
	{ "06", 32, "push   %es", "push   es", 0, 1 },
};

static void test_cases(void)
{
	size_t i;
	int fl;

	for (fl = 0; fl < 2; fl++) {
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			struct strbuf sb = STRBUF_INIT;
			struct dis_insn in;
			struct dis *d;
			uint8_t b[16];
			size_t n = unhex(cases[i].hex, b);
			char what[128];

			if (dis_create(&d, cases[i].mode == 32 ? DIS_I386
							       : DIS_X86_64,
				       fl ? DIS_INTEL : DIS_ATT)) {
				T_OK(0, "dis_create");
				return;
			}
			dis_decode(d, b, n, 0x1000, &in);
			dis_format(&sb, &in, &fake_sym);
			snprintf(what, sizeof(what), "%s %s %d-bit: %s",
				 fl ? "intel" : "att", cases[i].hex,
				 cases[i].mode, fl ? cases[i].intel
						   : cases[i].att);
			T_STREQ(sb_str(&sb), fl ? cases[i].intel
						: cases[i].att, what);
			if (!fl)
				T_OK((in.flags & cases[i].flags) ==
					     cases[i].flags &&
				     in.size == cases[i].size,
				     "%s: flags %#x size %u", cases[i].hex,
				     in.flags, in.size);
			sb_free(&sb);
			dis_destroy(d);
		}
	}
}

static void test_targets(void)
{
	static const uint8_t call[] = { 0xe8, 0x21, 0x01, 0x00, 0x00 };
	static const uint8_t lea[] = { 0x48, 0x8d, 0x0d, 0x42, 0x2e, 0,
				       0 };
	struct dis_insn in;
	struct dis *d;

	if (dis_create(&d, DIS_X86_64, DIS_ATT))
		return;
	dis_decode(d, call, sizeof(call), 0x401000, &in);
	T_OK(in.target == 0x401126 && (in.flags & DIS_F_TARGET),
	     "call target 0x401126");
	dis_decode(d, lea, sizeof(lea), 0x11d7, &in);
	T_OK(in.memref == 0x4020 && (in.flags & DIS_F_MEMREF),
	     "rip-relative operand address 0x4020");
	T_OK(dis_decode(d, lea, 0, 0, &in) == -EINVAL, "empty input");
	dis_destroy(d);
}

/* x/i and disassemble shapes, with a fake memory and symbolizer. */
static void test_shapes(void)
{
	/* main: push %rbp; mov %rsp,%rbp; mov $0x0,%eax; call f; ret */
	static const uint8_t code[] = {
		0x55, 0x48, 0x89, 0xe5, 0xb8, 0x00, 0x00, 0x00, 0x00,
		0xe8, 0xf1, 0xfe, 0xff, 0xff, 0xc3,
	};
	struct fake_mem m = { 0x401126, code, sizeof(code) };
	struct mem_reader mr = { fake_read, &m };
	struct strbuf sb = STRBUF_INIT;
	struct dis_dump o = {
		.start = 0x401126, .end = 0x401126 + sizeof(code),
		.func = "main", .has_pc = true, .pc = 0x40112a,
	};
	struct dis_insn in;
	uint64_t fault = 0;
	struct dis *d;

	if (dis_create(&d, DIS_X86_64, DIS_ATT))
		return;
	dis_read(d, &mr, 0x40112a, &in, &fault);
	dis_format_x(&sb, &in, true, 0x40112a, &fake_sym);
	T_STREQ(sb_str(&sb), "=> 0x40112a <main+4>:\tmov    $0x0,%eax\n",
		"x/i line at the pc");
	sb_reset(&sb);
	dis_format_x(&sb, &in, true, 0x401126, &fake_sym);
	T_STREQ(sb_str(&sb), "   0x40112a <main+4>:\tmov    $0x0,%eax\n",
		"x/i line elsewhere");
	sb_reset(&sb);
	T_OK(dis_dump(d, &sb, &mr, &o, &fake_sym, &fault) == 0, "dump");
	T_STREQ(sb_str(&sb),
		"Dump of assembler code for function main:\n"
		"   0x0000000000401126 <+0>:\tpush   %rbp\n"
		"   0x0000000000401127 <+1>:\tmov    %rsp,%rbp\n"
		"=> 0x000000000040112a <+4>:\tmov    $0x0,%eax\n"
		"   0x000000000040112f <+9>:\tcall   0x401025\n"
		"   0x0000000000401134 <+14>:\tret\n"
		"End of assembler dump.\n", "disassemble main");
	sb_reset(&sb);
	o.func = NULL;
	o.raw = true;
	o.end = 0x40112a;
	o.has_pc = false;
	dis_dump(d, &sb, &mr, &o, &fake_sym, &fault);
	T_STREQ(sb_str(&sb),
		"Dump of assembler code from 0x401126 to 0x40112a:\n"
		"   0x0000000000401126 <main+0>:\t55                 \t"
		"push   %rbp\n"
		"   0x0000000000401127 <main+1>:\t48 89 e5           \t"
		"mov    %rsp,%rbp\n"
		"End of assembler dump.\n", "disassemble /r START,END");
	sb_reset(&sb);
	T_OK(dis_read(d, &mr, 0x500000, &in, &fault) == -EFAULT &&
	     fault == 0x500000, "unreadable address faults");
	/* An instruction running off the end of readable memory. */
	m.len = 6;		/* cuts mov $0x0,%eax after one byte */
	T_OK(dis_read(d, &mr, 0x40112a, &in, &fault) == -EFAULT &&
	     fault == 0x40112c, "truncated instruction faults at the end");
	sb_free(&sb);
	dis_destroy(d);
}

/* --- against gdb --- */

struct file_mem {
	struct filemem *fm;
	struct mem_reader mr;
};

static const char *const funcs[] = {
	"foo", "loopsum", "fact", "classify", "scale", "text_len", "fill",
	"dbg_stop", "dump_maps", "main", "_start",
};

static void diff_lines(const char *what, const char *want, const char *got)
{
	const char *w = want, *g = got;
	int line = 1;

	while (*w && *g) {
		const char *wn = strchr(w, '\n'), *gn = strchr(g, '\n');
		size_t wl = wn ? (size_t)(wn - w) : strlen(w);
		size_t gl = gn ? (size_t)(gn - g) : strlen(g);

		if (wl != gl || memcmp(w, g, wl)) {
			printf("# %s: first difference at line %d\n"
			       "#   gdb:  %.*s\n#   jail: %.*s\n", what, line,
			       (int)wl, w, (int)gl, g);
			return;
		}
		w += wl + (wn != NULL);
		g += gl + (gn != NULL);
		line++;
	}
	if (*w || *g)
		printf("# %s: lengths differ at line %d\n", what, line);
}

static void test_gdb_functions(const char *path, struct addrspace *as,
			       const struct mem_reader *mr, int flavor)
{
	const char *cmds[1 + sizeof(funcs) / sizeof(funcs[0])];
	struct symbolizer sym = as_symbolizer(as);
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	struct dis *d;
	size_t i, n = 0;
	char buf[sizeof(funcs) / sizeof(funcs[0])][64];

	cmds[n++] = flavor ? "set disassembly-flavor intel"
			   : "set disassembly-flavor att";
	for (i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++) {
		snprintf(buf[i], sizeof(buf[i]), "disassemble %s", funcs[i]);
		cmds[n++] = buf[i];
	}
	if (run_gdb(path, cmds, n, &want)) {
		T_OK(0, "gdb ran on %s", path);
		return;
	}
	strip_noise(&want);
	if (dis_create(&d, DIS_X86_64, flavor ? DIS_INTEL : DIS_ATT))
		return;
	for (i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++) {
		const struct elf_sym *s;
		uint64_t addr, fault;
		struct dis_dump o = { 0 };

		if (as_lookup_name(as, funcs[i], &addr, &s)) {
			T_OK(0, "symbol %s", funcs[i]);
			continue;
		}
		o.start = addr;
		o.end = addr + s->size;
		o.func = funcs[i];
		if (dis_dump(d, &got, mr, &o, &sym, &fault))
			T_OK(0, "dump %s", funcs[i]);
	}
	T_OK(!strcmp(sb_str(&want), sb_str(&got)),
	     "disassemble of %zu functions of dbg_target matches gdb (%s)",
	     sizeof(funcs) / sizeof(funcs[0]), flavor ? "intel" : "att");
	diff_lines("disassemble", sb_str(&want), sb_str(&got));
	dis_destroy(d);
	sb_free(&want);
	sb_free(&got);
}

/* x/Ni over the PLT: synthetic name@plt symbols and GOT annotations. */
static void test_gdb_plt(const char *path, struct addrspace *as,
			 const struct mem_reader *mr)
{
	struct symbolizer sym = as_symbolizer(as);
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	const struct elf_sec *plt;
	char cmd[64];
	const char *cmds[1] = { cmd };
	struct dis *d;
	uint64_t a, fault;
	int i, n;

	plt = elfobj_section_named(as_main(as)->obj, ".plt");
	if (!plt) {
		T_OK(0, "dbg_target has a .plt");
		return;
	}
	n = (int)(plt->size / 4);	/* more than enough, stays inside */
	snprintf(cmd, sizeof(cmd), "x/%di 0x%llx", n / 2,
		 (unsigned long long)plt->addr);
	if (run_gdb(path, cmds, 1, &want) || dis_create(&d, DIS_X86_64,
							 DIS_ATT)) {
		T_OK(0, "gdb x/i over .plt");
		return;
	}
	strip_noise(&want);
	for (a = plt->addr, i = 0; i < n / 2; i++) {
		struct dis_insn in;

		if (dis_read(d, mr, a, &in, &fault))
			break;
		dis_format_x(&got, &in, false, 0, &sym);
		a += in.size;
	}
	T_OK(!strcmp(sb_str(&want), sb_str(&got)),
	     "x/%di over .plt matches gdb (name@plt, name@got.plt)", n / 2);
	diff_lines("plt", sb_str(&want), sb_str(&got));
	dis_destroy(d);
	sb_free(&want);
	sb_free(&got);
}

/* Labels removed: libc's labels come from DWARF in gdb. */
static void strip_labels(struct strbuf *sb)
{
	struct strbuf o = STRBUF_INIT;
	const char *p = sb_str(sb);

	while (*p) {
		if (*p == ' ' && p[1] == '<') {
			const char *e = strchr(p, '>');

			if (e) {
				p = e + 1;
				continue;
			}
		}
		if (!strncmp(p, "=> ", 3) && (p == sb_str(sb) || p[-1] == '\n')) {
			sb_puts(&o, "   ");
			p += 3;
			continue;
		}
		sb_putc(&o, *p++);
	}
	sb_reset(sb);
	sb_puts(sb, sb_str(&o));
	sb_free(&o);
}

/* A long stretch of libc's code, both flavours: spelling at scale. */
static void test_gdb_libc(int flavor)
{
	const char *libc = "/lib/x86_64-linux-gnu/libc.so.6";
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	const char *cmds[2];
	struct filemem *fm;
	struct mem_reader mr;
	struct symcache *c;
	struct elf_obj *o;
	const struct elf_sec *text;
	struct dis *d;
	char cmd[64];
	uint64_t a, fault;
	int i, count = 20000;

	if (access(libc, R_OK) || symcache_create(&c, NULL))
		return;
	if (symcache_get(c, libc, 0, 0, &o)) {
		symcache_destroy(c);
		return;
	}
	text = elfobj_section_named(o, ".text");
	if (!text || filemem_open(&fm, libc, 0)) {
		elfobj_put(o);
		symcache_destroy(c);
		return;
	}
	mr = filemem_reader(fm);
	snprintf(cmd, sizeof(cmd), "x/%di 0x%llx", count,
		 (unsigned long long)text->addr);
	cmds[0] = flavor ? "set disassembly-flavor intel"
			 : "set disassembly-flavor att";
	cmds[1] = cmd;
	if (!run_gdb(libc, cmds, 2, &want) &&
	    !dis_create(&d, DIS_X86_64, flavor ? DIS_INTEL : DIS_ATT)) {
		for (a = text->addr, i = 0; i < count; i++) {
			struct dis_insn in;

			if (dis_read(d, &mr, a, &in, &fault))
				break;
			dis_format_x(&got, &in, false, 0, NULL);
			a += in.size;
		}
		strip_noise(&want);
		strip_labels(&want);
		strip_labels(&got);
		T_OK(!strcmp(sb_str(&want), sb_str(&got)),
		     "%d instructions of libc's .text match gdb (%s)", count,
		     flavor ? "intel" : "att");
		diff_lines("libc", sb_str(&want), sb_str(&got));
		dis_destroy(d);
	} else {
		T_OK(0, "gdb x/i on libc");
	}
	sb_free(&want);
	sb_free(&got);
	filemem_close(fm);
	elfobj_put(o);
	symcache_destroy(c);
}

static void test_gdb(void)
{
	const char *path = target_path();
	struct symcache *c = NULL;
	struct addrspace *as;
	struct filemem *fm;
	struct mem_reader mr;

	if (!have_gdb()) {
		T_OK(0, "gdb is installed (run make deps): differential "
			"tests need it");
		return;
	}
	if (!path) {
		T_OK(0, "build/progs/dbg_target exists or builds");
		return;
	}
	if (symcache_create(&c, NULL) || !(as = static_space(c, path)) ||
	    filemem_open(&fm, path, 0)) {
		T_OK(0, "loading %s", path);
		symcache_destroy(c);
		return;
	}
	mr = filemem_reader(fm);
	test_gdb_functions(path, as, &mr, 0);
	test_gdb_functions(path, as, &mr, 1);
	test_gdb_plt(path, as, &mr);
	filemem_close(fm);
	as_destroy(as);
	symcache_destroy(c);
	test_gdb_libc(0);
	test_gdb_libc(1);
}

int main(void)
{
	test_cases();
	test_targets();
	test_shapes();
	test_gdb();
	return T_DONE();
}

/* expr: gdb's expression language. Hand-worked results on a fake process
 * (registers in a user_regs_struct, a small memory, a few symbols), then
 * two sessions replayed against gdb: ~250 print commands on a copy of
 * build/progs/dbg_target without debug info, and register expressions
 * at a breakpoint in the running program. */
#include "debugger/expr.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "t.h"

/* --- helpers (the same shapes as in test_disasm) --- */

#include "gdb_helpers.h"

/* --- a fake process --- */

static struct user_regs_struct regs;
static uint8_t mem[0x100];		/* at 0x1000 */
static bool no_regs;

static int fake_reg_read(void *ctx, const char *name, uint64_t *v)
{
	if (no_regs)
		return -ESRCH;
	return expr_user_regs_read(ctx, name, v);
}

static int fake_reg_write(void *ctx, const char *name, uint64_t v)
{
	return expr_user_regs_write(ctx, name, v);
}

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	if (addr < 0x1000 || addr >= 0x1100)
		return -EFAULT;
	if (len > 0x1100 - addr)
		len = 0x1100 - addr;
	memcpy(buf, mem + (addr - 0x1000), len);
	return len;
}

static ssize_t fake_write(void *ctx, uint64_t addr, const void *buf,
			  size_t len)
{
	(void)ctx;
	if (addr < 0x1000 || addr + len > 0x1100)
		return -EFAULT;
	memcpy(mem + (addr - 0x1000), buf, len);
	return len;
}

static const struct {
	const char *name;
	uint64_t addr, size;
	bool text;
} syms[] = {
	{ "counter", 0x1000, 4, false },
	{ "msg", 0x1010, 6, false },
	{ "ptr", 0x1020, 8, false },
	{ "foo", 0x2000, 0x10, true },
};

static int fake_sym_lookup(void *ctx, const char *name, uint64_t *addr,
			   bool *is_text)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		if (!strcmp(syms[i].name, name)) {
			*addr = syms[i].addr;
			*is_text = syms[i].text;
			return 0;
		}
	}
	return -ENOENT;
}

static int fake_label(void *ctx, uint64_t addr, const char **name,
		      uint64_t *off)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		if (addr - syms[i].addr < syms[i].size) {
			*name = syms[i].name;
			*off = addr - syms[i].addr;
			return 0;
		}
	}
	return -ENOENT;
}

static void reset_fake(void)
{
	uint64_t p = 0x1010;
	int c = 5;

	memset(&regs, 0, sizeof(regs));
	regs.rax = 0x1ffffff98ULL;
	regs.rbx = 3;
	regs.rip = 0x2004;
	regs.rsp = 0x7ffe0000;
	regs.rbp = 0x7ffe0010;
	regs.eflags = 0x246;
	regs.cs = 0x33;
	regs.fs_base = 0x7ffff7d8a740ULL;
	memset(mem, 0, sizeof(mem));
	memcpy(mem, &c, 4);
	memcpy(mem + 0x10, "hello", 6);
	memcpy(mem + 0x20, &p, 8);
	no_regs = false;
}

static struct expr_ctx *fake_ctx(int bits)
{
	struct expr_host h = {
		.reg_read = fake_reg_read, .reg_write = fake_reg_write,
		.mem_read = fake_read, .mem_write = fake_write,
		.sym_lookup = fake_sym_lookup,
		.sym = { fake_label, NULL }, .ctx = &regs,
	};
	struct expr_ctx *c = NULL;

	if (expr_ctx_create(&c, &h, bits))
		return NULL;
	return c;
}

/* print ARGS; the line printed (or the error) must be want. */
static void check_print(struct expr_ctx *c, const char *args,
			const char *want)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	char what[160];

	if (expr_print_command(c, args, &out, &err))
		sb_printf(&out, "%s%s\n", expr_warnings(c), sb_str(&err));
	snprintf(what, sizeof(what), "print%s", args);
	T_STREQ(sb_str(&out), want, what);
	sb_free(&out);
	sb_free(&err);
}

static void test_fake(void)
{
	struct strbuf err = STRBUF_INIT;
	struct expr_ctx *c;
	struct xfmt_state st;
	struct expr *cond;
	struct value v;
	uint64_t a;
	bool t;
	int i;

	reset_fake();
	c = fake_ctx(64);
	if (!c) {
		T_OK(0, "expr_ctx_create");
		return;
	}
	check_print(c, " $rax", "$1 = 8589934488\n");
	check_print(c, " $eax", "$2 = -104\n");
	check_print(c, " $ax", "$3 = -104\n");
	check_print(c, " $al", "$4 = -104\n");
	check_print(c, " $ah", "$5 = -1\n");
	check_print(c, " $eflags", "$6 = [ PF ZF IF ]\n");
	check_print(c, "/x $eflags", "$7 = 0x246\n");
	check_print(c, " $pc", "$8 = (void (*)()) 0x2004 <foo+4>\n");
	check_print(c, " $sp", "$9 = (void *) 0x7ffe0000\n");
	check_print(c, " $fp", "$10 = (void *) 0x7ffe0010\n");
	check_print(c, " $cs", "$11 = 51\n");
	check_print(c, " $fs_base", "$12 = 140737351558976\n");
	check_print(c, " $pc + 4", "$13 = (void (*)()) 0x2008 <foo+8>\n");
	check_print(c, " $sp - 16", "$14 = (void *) 0x7ffdfff0\n");
	check_print(c, " $rax + $rbx * 2", "$15 = 8589934494\n");
	check_print(c, " $al = 0x41", "$16 = 65\n");
	T_OK(regs.rax == 0x1ffffff41ULL, "$al written into rax (%#llx)",
	     (unsigned long long)regs.rax);
	check_print(c, " $eax = -1", "$17 = -1\n");
	T_OK(regs.rax == 0x1ffffffffULL,
	     "$eax written keeping the upper half, as gdb does");
	check_print(c, " $ebx", "$18 = 3\n");
	check_print(c, " counter",
		    "'counter' has unknown type; cast it to its declared "
		    "type\n");
	check_print(c, " &counter",
		    "$19 = (<data variable, no debug info> *) 0x1000 "
		    "<counter>\n");
	check_print(c, " (int)counter", "$20 = 5\n");
	check_print(c, " {int}&counter", "$21 = 5\n");
	check_print(c, " *(int *)&counter = 7", "$22 = 7\n");
	T_OK(mem[0] == 7, "assignment wrote the memory");
	check_print(c, " (char *)&msg", "$23 = 0x1010 <msg> \"hello\"\n");
	check_print(c, " *(char **)&ptr", "$24 = 0x1010 <msg> \"hello\"\n");
	check_print(c, " (unsigned char *)&msg + 1",
		    "$25 = (unsigned char *) 0x1011 <msg+1> \"ello\"\n");
	check_print(c, " foo", "$26 = {<text variable, no debug info>} 0x2000 "
			       "<foo>\n");
	check_print(c, " &foo", "$27 = (<text variable, no debug info> *) "
				"0x2000 <foo>\n");
	check_print(c, " nosuch", "No symbol \"nosuch\" in current context.\n");
	check_print(c, " *(int *)0", "Cannot access memory at address 0x0\n");
	check_print(c, " 1 << 40", "warning: left shift count >= width of "
				   "type\n$28 = 0\n");
	check_print(c, " 10 / 0", "Division by zero\n");
	check_print(c, " $21 + $", "$29 = 5\n");
	check_print(c, " $$2", "$30 = (<text variable, no debug info> *) "
			       "0x2000 <foo>\n");
	check_print(c, " $99", "History has not yet reached $99.\n");
	check_print(c, "", "$31 = (<text variable, no debug info> *) "
			   "0x2000 <foo>\n");
	check_print(c, " $_", "$32 = void\n");
	check_print(c, " $v = 3", "$33 = 3\n");
	check_print(c, " $v++ + $v", "$34 = 7\n");
	check_print(c, " sizeof(long) + sizeof(int *)", "$35 = 16\n");
	check_print(c, "/c 65", "$36 = 65 'A'\n");
	check_print(c, "/t 10", "$37 = 1010\n");
	check_print(c, "/o 8", "$38 = 010\n");
	check_print(c, "/a 0x2003", "$39 = 0x2003 <foo+3>\n");
	check_print(c, "/x -1", "$40 = 0xffffffff\n");
	check_print(c, "/i 5", "Format letter \"i\" is meaningless in "
			       "\"print\" command.\n");
	check_print(c, " 0x", "Invalid number \"0x\".\n");
	check_print(c, " 1 +", "A syntax error in expression, near `'.\n");
	check_print(c, " 5 = 3", "Left operand of assignment is not an "
				 "lvalue.\n");
	check_print(c, " &$rax", "Attempt to take address of value not "
				 "located in memory.\n");

	/* $_ and $__ after an x/4xw &counter */
	xfmt_init(&st);
	st.have_last = true;
	st.last_addr = 0x1000;
	st.last_unit = 4;
	st.last_bits = 7;
	expr_note_examine(c, &st);
	check_print(c, " $_", "$41 = (int32_t *) 0x1000 <counter>\n");
	check_print(c, " $__", "$42 = 7\n");

	/* a breakpoint condition: parsed once, evaluated at each hit */
	T_OK(expr_parse(c, "$rbx > 2 && *(int *)&counter == 8", &cond, &err)
	     == 0, "condition parses");
	for (i = 0; i < 2; i++) {
		T_OK(!expr_eval(c, cond, &v, &err) &&
		     !expr_value_truth(c, &v, &t, &err) && t == (i == 1),
		     "condition is %s at hit %d", i ? "true" : "false", i);
		mem[0] = 8;
	}
	expr_free(cond);

	/* addresses for x and break */
	T_OK(!expr_evaluate(c, "foo", &v, &err) &&
	     !expr_value_as_address(c, &v, &a, &err) && a == 0x2000,
	     "a function's address");
	T_OK(!expr_evaluate(c, "$pc", &v, &err) &&
	     !expr_value_as_address(c, &v, &a, &err) && a == 0x2004,
	     "$pc as an address");
	no_regs = true;
	check_print(c, " $pc", "No registers.\n");
	expr_ctx_destroy(c);

	/* i386: 32-bit long and pointers, e-registers */
	reset_fake();
	c = fake_ctx(32);
	if (c) {
		check_print(c, " sizeof(long)", "$1 = 4\n");
		check_print(c, " $pc", "$2 = (void (*)()) 0x2004 <foo+4>\n");
		check_print(c, " $esp", "$3 = (void *) 0x7ffe0000\n");
		check_print(c, " $eax", "$4 = -104\n");
		check_print(c, " $rax", "$5 = void\n");
		check_print(c, " 4294967296",
			    "$6 = 4294967296\n");
		expr_ctx_destroy(c);
	}
	sb_free(&err);
}

/* --- against gdb: a static session --- */

static const char *const prints[] = {
	"p 5", "p 0x", "p 1/0", "p *(int*)0", "p sizeof(long)",
	"p sizeof(int)", "p 'A'", "p -5", "p/x -1", "p/t 10", "p/o 8",
	"p/c 65", "p/d 0x10", "p/u -1", "p 10 > 3", "p 1 && 0", "p (char)300",
	"p (unsigned char)200", "p (short)-1", "p (long)-1", "p 5/2",
	"p -7/2", "p -7%3", "p 1<<40", "p 2147483647+1", "p 4294967296",
	"p 010", "p 09", "p '\\n'", "p (void*)0", "p (int*)16", "p (char*)0",
	"p $foo", "set $foo = 3", "p $foo = 3", "p $foo", "p $foo * 2",
	"p/x (char)-1", "p/x (short)-1", "p/d (char)200", "p/c 300",
	"p/x 1.5", "p ~0", "p !5", "p 3 == 3", "p (long long)1 << 63",
	"p 18446744073709551615", "p 18446744073709551616", "p/t 0", "p/o 0",
	"p/x 0", "p/c 10", "p/c 200", "p (char)0", "p (char)127",
	"p (unsigned char)255", "p counter", "p &counter", "p (int)counter",
	"p *(int*)&counter", "p {int}&counter", "p foo", "p &foo", "p *foo",
	"p $1", "p $", "p $$2", "p *1234", "p *&counter", "p foo+1",
	"p/x main", "p 5 = 3", "p &5", "p *5", "p (char*)&msg",
	"p (unsigned char*)&msg", "p (signed char*)&msg",
	"p (int*)&counter + 1", "p (int*)&counter - (int*)&arr",
	"p (char)65 == 'A'", "p -2147483648", "p 'ab'", "p '\\x41'",
	"p '\\101'", "p sizeof(long long)", "p (long)&counter", "p (void)0",
	"p 1 ? 2 : 3", "p $$3", "p $3", "p (short)-1 == 65535", "p 10 % 3",
	"p 7 >> 1", "p -8 >> 1", "p 1u", "p 1ul", "p 10 - 20u", "p 1 << 31",
	"p 1 << -1", "p 0x7fffffff + 1", "p 2147483647 * 2",
	"p (long)2147483647 * 2", "p 100/7", "p -100/7", "p -100%7",
	"p 1 == 1 && 2", "p !0", "p ~5", "p -(-5)", "p (char)-56",
	"p 'A' + 1", "p (unsigned char)65", "p (short)65", "p sizeof(int*)",
	"p sizeof(char)", "p sizeof (int)", "p sizeof 5", "p (unsigned)-1",
	"p (long long)-1", "p (unsigned long long)-1", "p (void*)-1",
	"p (char**)0", "p 1 +", "p (1", "p 1)", "p 0x1g", "p 08",
	"p $nonexist + 1", "p 1.5", "p counter = 3", "p/i 5", "p/2x 5",
	"p/w 5", "p/s 5", "p/z 5", "p/x (short)-1", "p/o -1", "p/t -1",
	"p/c 65", "p/f 1", "p/f 3", "p/f 1L", "p/d 1.5", "p/c 1.5",
	"p 1 << 40L", "p 1.5 % 2", "p 1.0/0", "p (int)2.7", "p (char)2.7",
	"p 2.5 * 2", "p 1e3", "p 0.1", "p 10/4.0", "p 1 == 1.0",
	"p (float)1.1", "p ~1.5", "p -1.5", "p !1.5", "print",
	"p/u (char)-1", "p (unsigned short)-1", "p/d (unsigned char)200",
	"p/a 0", "p/s 65", "p/x 'A'", "p/d 'A'", "p/c 65L", "p/o 8L",
	"p/t 255", "p/x (long)-1", "p/c (unsigned char)200", "p '\\0'",
	"p '\\\\'", "p '\\''", "p '\"'", "p '\\e'", "p 5 > 3 > 0", "p 1 ? 2",
	"p $bar", "p $bar = 7", "p $bar += 3", "p $bar", "p sizeof($bar)",
	"p sizeof(char*)", "p sizeof(void)", "p (char*)strp",
	"p *(char**)&strp", "p strp", "p &strp", "p *(long*)&big",
	"p/x *(long*)&big", "p {short}&shorts", "p/x {short}&shorts",
	"p (int*)&arr", "p ((int*)&arr)[1]", "p ((int*)&arr)[7]",
	"p ((char*)&msg)[4]", "p &((int*)&arr)[2]",
	"p *(unsigned char*)&bytes + 1", "p/x *(unsigned*)&bytes",
	"p *(double*)&ratio", "p *(float*)&fl", "p (char*)&repeats",
	"p (char*)&bytes", "p (unsigned char*)&bytes+1", "p &msg", "p &main",
	"p *main", "p main", "p (long)main", "p main + 1", "p (char)main",
	"p 0 ? 1 : 2", "p 3, 4", "p (1, 2) + 3", "p -9223372036854775808",
	"p 9223372036854775807", "p 9223372036854775808",
	"p 0xffffffffffffffff", "p 0x100000000", "p 2147483648",
	"p -1 < 0u", "p (char)-1 < 0", "p (unsigned char)-1 > 0",
	"p 1 - 2u > 0", "p (short)1 - (unsigned short)2",
	"p sizeof(unsigned short)", "p 'a' == 97", "p/x 255 & 0xf0 | 3 ^ 1",
	"p 1 ? : 2", "p --1", "p -~1", "p !!7", "p (int)'A' * 2",
	"p/x (unsigned char)-1 >> 1", "p (signed char)-1 >> 1",
	"p 3 > 2 ? 10 : 20", "set $a = 5", "p $a++", "p $a", "p ++$a",
	"p $a--", "p $a", "p $_", "p/x 0x123456789abcdef0 >> 4",
	"p 1.5 + 1", "p (float)1 / 3", "p 3 * 1.5f", "p 1 < 2.5",
	"p (long)-1.9", "p (unsigned char)-1.9", "p 'a' * 1.0",
	"p/x -1.0", "p &hidden_static", "p (int)hidden_static",
	"p *(int*)&hidden_static + 1", "p/x (long)&hidden_static",
	"p (unsigned long)&counter % 4", "p &counter == &counter",
	"p (char*)&msg + 7", "p *((char*)&msg + 7)",
};

/* gdb's "set" commands print nothing; ours go through expr_evaluate. */
static void replay(struct expr_ctx *c, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < sizeof(prints) / sizeof(prints[0]); i++) {
		const char *p = prints[i];
		struct strbuf err = STRBUF_INIT;
		struct value v;

		if (!strncmp(p, "set ", 4)) {
			if (expr_evaluate(c, p + 4, &v, &err))
				sb_printf(out, "%s\n", sb_str(&err));
		} else {
			p += !strncmp(p, "print", 5) ? 5 : 1;
			if (expr_print_command(c, p, out, &err))
				sb_printf(out, "%s%s\n", expr_warnings(c),
					  sb_str(&err));
		}
		sb_free(&err);
	}
}

struct static_host {
	struct addrspace *as;
	struct mem_reader mr;
};

static ssize_t sh_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct static_host *h = ctx;

	return h->mr.read(h->mr.ctx, addr, buf, len);
}

static int sh_lookup(void *ctx, const char *name, uint64_t *addr,
		     bool *is_text)
{
	struct static_host *h = ctx;
	const struct elf_sym *s;

	if (as_lookup_name(h->as, name, addr, &s))
		return -ENOENT;
	*is_text = s->kind == ESYM_TEXT;
	return 0;
}

static void first_diff(const char *want, const char *got)
{
	int line = 1;

	while (*want && *got) {
		size_t wl = strcspn(want, "\n"), gl = strcspn(got, "\n");

		if (wl != gl || memcmp(want, got, wl)) {
			printf("# line %d\n#   gdb:  %.*s\n#   jail: %.*s\n",
			       line, (int)wl, want, (int)gl, got);
			return;
		}
		want += wl + (want[wl] != 0);
		got += gl + (got[gl] != 0);
		line++;
	}
}

static void test_gdb_static(const char *stripped)
{
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT,
		      maps = STRBUF_INIT;
	struct static_host sh = { 0 };
	struct symcache *sc = NULL;
	struct filemem *fm = NULL;
	struct expr_ctx *c = NULL;
	struct expr_host h = { 0 };
	struct stat st;

	if (run_gdb(stripped, prints, sizeof(prints) / sizeof(prints[0]),
		    &want)) {
		T_OK(0, "gdb print session");
		return;
	}
	strip_noise(&want);
	if (stat(stripped, &st) || symcache_create(&sc, NULL) ||
	    as_create(&sh.as, sc) || filemem_open(&fm, stripped, 0))
		goto out;
	sb_printf(&maps, "0-1000 r--p 00000000 %02x:%02x %llu %s\n",
		  major(st.st_dev), minor(st.st_dev),
		  (unsigned long long)st.st_ino, stripped);
	if (as_update(sh.as, sb_str(&maps), 0))
		goto out;
	sh.mr = filemem_reader(fm);
	h.mem_read = sh_read;
	h.sym_lookup = sh_lookup;
	h.sym = as_symbolizer(sh.as);
	h.ctx = &sh;
	if (expr_ctx_create(&c, &h, 64))
		goto out;
	replay(c, &got);
	T_STREQ(sb_str(&got), sb_str(&want),
		"a session of print commands matches gdb");
	first_diff(sb_str(&want), sb_str(&got));
out:
	expr_ctx_destroy(c);
	filemem_close(fm);
	as_destroy(sh.as);
	symcache_destroy(sc);
	sb_free(&want);
	sb_free(&got);
	sb_free(&maps);
}

/* --- against gdb: registers at a breakpoint --- */

static const char *const reg_prints[] = {
	"p $rax", "p $eax", "p $ax", "p $al", "p $ah", "p $r8d", "p $sil",
	"p $r15w", "p $pc", "p $rip", "p $sp", "p $rsp", "p $rbp", "p $esp",
	"p $eflags", "p/x $eflags", "p $ps", "p $cs", "p $ss", "p $fs_base",
	"p $gs_base", "p $pc + 4", "p $sp + 8", "p/x $pc", "p/a $pc",
	"p $rax + $rbx", "p $eflags & 0x40", "p/x $rsp", "p/x $rdi",
	"p $rdi == 0", "p $ip", "p $rcx = 5", "p $cl", "p $ecx = -2",
	"p/x $rcx", "p $ch = 1", "p/x $rcx", "p $pc == &dbg_stop",
	"p/x $sp & 0xf",
};

struct live_host {
	struct user_regs_struct r;
	struct addrspace *as;
};

static int lh_read(void *ctx, const char *name, uint64_t *v)
{
	return expr_user_regs_read(&((struct live_host *)ctx)->r, name, v);
}

static int lh_write(void *ctx, const char *name, uint64_t v)
{
	return expr_user_regs_write(&((struct live_host *)ctx)->r, name, v);
}

static int lh_lookup(void *ctx, const char *name, uint64_t *addr,
		     bool *is_text)
{
	struct live_host *h = ctx;
	const struct elf_sym *s;

	if (as_lookup_name(h->as, name, addr, &s))
		return -ENOENT;
	*is_text = s->kind == ESYM_TEXT;
	return 0;
}

static const struct {
	const char *name;
	size_t off;
} info_regs[] = {
#define R(n) { #n, offsetof(struct user_regs_struct, n) }
	R(rax), R(rbx), R(rcx), R(rdx), R(rsi), R(rdi), R(rbp), R(rsp),
	R(r8), R(r9), R(r10), R(r11), R(r12), R(r13), R(r14), R(r15),
	R(rip), R(eflags), R(cs), R(ss), R(ds), R(es), R(fs), R(gs),
	R(fs_base), R(gs_base),
#undef R
};

static void test_gdb_regs(const char *stripped)
{
	const char *cmds[64];
	size_t n = 0, i;
	struct strbuf out = STRBUF_INIT, want = STRBUF_INIT,
		      got = STRBUF_INIT, maps = STRBUF_INIT;
	struct live_host lh = { 0 };
	struct symcache *sc = NULL;
	struct expr_ctx *c = NULL;
	struct expr_host h = { 0 };
	struct stat st;
	const char *p;
	uint64_t main_rt = 0;
	const struct elf_sym *ms;
	struct elf_obj *o = NULL;

	cmds[n++] = "break dbg_stop";
	cmds[n++] = "run";
	cmds[n++] = "echo @@regs\\n";
	cmds[n++] = "info registers";
	cmds[n++] = "info registers fs_base gs_base";
	cmds[n++] = "p/x (long)&main";
	cmds[n++] = "echo @@prints\\n";
	for (i = 0; i < sizeof(reg_prints) / sizeof(reg_prints[0]); i++)
		cmds[n++] = reg_prints[i];
	cmds[n++] = "echo @@end\\n";
	cmds[n++] = "kill";
	run_gdb(stripped, cmds, n, &out);
	p = strstr(sb_str(&out), "@@regs\n");
	if (!p || !strstr(p, "@@end")) {
		T_OK(0, "gdb stopped dbg_target at dbg_stop");
		printf("# %s\n", sb_str(&out));
		goto out;
	}
	for (p += 7; *p && *p != '@' && *p != '$'; p = strchr(p, '\n') + 1) {
		char name[32];
		unsigned long long v;

		if (sscanf(p, "%31s %llx", name, &v) == 2)
			for (i = 0; i < sizeof(info_regs) /
					sizeof(info_regs[0]); i++)
				if (!strcmp(name, info_regs[i].name))
					memcpy((char *)&lh.r + info_regs[i].off,
					       &v, 8);
		if (!strchr(p, '\n'))
			break;
	}
	if (sscanf(p, "$%*d = %llx", (unsigned long long *)&main_rt) != 1) {
		T_OK(0, "main's runtime address from gdb");
		goto out;
	}
	p = strstr(p, "@@prints\n") + 9;
	sb_append(&want, p, strstr(p, "@@end") - p);
	/* the program mapped where gdb ran it */
	if (stat(stripped, &st) || symcache_create(&sc, NULL) ||
	    symcache_get(sc, stripped, 0, 0, &o) ||
	    !(ms = elfobj_lookup_name(o, "main")) ||
	    as_create(&lh.as, sc))
		goto out;
	sb_printf(&maps, "%llx-%llx r--p 00000000 %02x:%02x %llu %s\n",
		  (unsigned long long)(main_rt - ms->addr),
		  (unsigned long long)(main_rt - ms->addr + 0x1000),
		  major(st.st_dev), minor(st.st_dev),
		  (unsigned long long)st.st_ino, stripped);
	if (as_update(lh.as, sb_str(&maps), 0))
		goto out;
	h.reg_read = lh_read;
	h.reg_write = lh_write;
	h.sym_lookup = lh_lookup;
	h.sym = as_symbolizer(lh.as);
	h.ctx = &lh;
	if (expr_ctx_create(&c, &h, 64))
		goto out;
	/* gdb's $1 was "p/x (long)&main" */
	{
		struct strbuf e = STRBUF_INIT;

		expr_print_command(c, "/x (long)&main", &e, &e);
		sb_free(&e);
	}
	for (i = 0; i < sizeof(reg_prints) / sizeof(reg_prints[0]); i++) {
		struct strbuf err = STRBUF_INIT;

		if (expr_print_command(c, reg_prints[i] + 1, &got, &err))
			sb_printf(&got, "%s%s\n", expr_warnings(c),
				  sb_str(&err));
		sb_free(&err);
	}
	T_STREQ(sb_str(&got), sb_str(&want),
		"register expressions at a breakpoint match gdb");
	first_diff(sb_str(&want), sb_str(&got));
out:
	expr_ctx_destroy(c);
	elfobj_put(o);
	as_destroy(lh.as);
	symcache_destroy(sc);
	sb_free(&out);
	sb_free(&want);
	sb_free(&got);
	sb_free(&maps);
}

int main(void)
{
	const char *target = target_path();
	char stripped[] = "/tmp/jail-test-expr-XXXXXX";
	struct strbuf cmd = STRBUF_INIT;
	int fd;

	test_fake();
	if (!have_gdb()) {
		T_OK(0, "gdb is installed (run make deps): differential "
			"tests need it");
		return T_DONE();
	}
	/* gdb without debug info is what expr mimics: strip a copy. */
	fd = mkstemp(stripped);
	if (fd >= 0)
		close(fd);
	if (target && fd >= 0) {
		sb_puts(&cmd, "objcopy --strip-debug ");
		sh_quote(&cmd, target);
		sb_putc(&cmd, ' ');
		sh_quote(&cmd, stripped);
		sb_printf(&cmd, " && chmod +x %s", stripped);
	}
	if (!target || fd < 0 || system(sb_str(&cmd))) {
		T_OK(0, "a stripped copy of dbg_target (objcopy)");
	} else {
		test_gdb_static(stripped);
		test_gdb_regs(stripped);
	}
	if (fd >= 0)
		unlink(stripped);
	sb_free(&cmd);
	return T_DONE();
}

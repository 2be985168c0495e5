/* The register table and gdb's ways of printing registers, checked
 * against lines gdb 13 printed for the same values on x86-64. */
#include <string.h>

#include "debugger/regs.h"
#include "t.h"

static void le128(uint8_t *b, uint64_t hi, uint64_t lo)
{
	memcpy(b, &lo, 8);
	memcpy(b + 8, &hi, 8);
}

static const char *info(const char *name, const uint8_t *val)
{
	static struct strbuf sb;
	const struct dbg_reg *r = regs_find(name);

	sb_reset(&sb);
	if (!r)
		return "(no such register)";
	regs_format_info(&sb, r, val, NULL, NULL);
	return sb_str(&sb);
}

static const char *natural(const char *name, const uint8_t *val, bool hex)
{
	static struct strbuf sb;
	const struct dbg_reg *r = regs_find(name);

	sb_reset(&sb);
	if (!r)
		return "(no such register)";
	regs_format_value(&sb, r, val, hex, NULL, NULL);
	return sb_str(&sb);
}

static void u64(uint8_t *val, uint64_t v)
{
	memset(val, 0, REG_MAX_SIZE);
	memcpy(val, &v, 8);
}

int main(void)
{
	uint8_t val[REG_MAX_SIZE];
	const struct dbg_reg *r;

	/* Names. */
	r = regs_find("pc");
	T_OK(r && strcmp(r->name, "rip") == 0, "$pc is rip");
	r = regs_find("sp");
	T_OK(r && strcmp(r->name, "rsp") == 0, "$sp is rsp");
	r = regs_find("ah");
	T_OK(r && r->size == 1 && r->shift == 8, "ah: byte 1 of rax");
	r = regs_find("r10d");
	T_OK(r && r->size == 4 && r->type == RT_INT, "r10d: int32");
	T_OK(regs_find("zmm31") && regs_find("k7") && regs_find("st7") &&
	     regs_find("xmm15") && regs_find("ymm16") && regs_find("dr7") &&
	     regs_find("fs_base") && regs_find("orig_rax"),
	     "vector, mask, x87, debug and system registers known");
	T_OK(regs_find("rfoo") == NULL, "unknown name: NULL");

	/* `info registers` lines. */
	u64(val, 0x1c);
	T_STREQ(info("rax", val), "rax            0x1c                28",
		"rax line");
	u64(val, 0x555555555181);
	T_STREQ(info("rax", val),
		"rax            0x555555555181      93824992235905",
		"rax, a large value");
	u64(val, 0x7fffffffe670);
	T_STREQ(info("rbp", val),
		"rbp            0x7fffffffe670      0x7fffffffe670",
		"rbp is a data pointer");
	u64(val, 0xffffffffffffffffull);
	T_STREQ(info("orig_rax", val),
		"orig_rax       0xffffffffffffffff  -1", "orig_rax -1");
	u64(val, 0x206);
	T_STREQ(info("eflags", val), "eflags         0x206               [ PF IF ]",
		"eflags flags, bit 1 unnamed");
	u64(val, 0x246);
	T_STREQ(natural("eflags", val, false), "[ PF ZF IF ]",
		"eflags in bit order");
	u64(val, 0x1f80);
	T_STREQ(info("mxcsr", val),
		"mxcsr          0x1f80              [ IM DM ZM OM UM PM ]",
		"mxcsr flags");
	u64(val, 0x33);
	T_STREQ(info("cs", val), "cs             0x33                51",
		"segment register");
	u64(val, 0xffff);
	T_STREQ(info("ftag", val), "ftag           0xffff              65535",
		"ftag is an int");
	u64(val, 0x55555181);
	T_STREQ(info("eax", val), "eax            0x55555181          1431654785",
		"eax");
	u64(val, 0x81);
	T_STREQ(info("al", val), "al             0x81                -127",
		"al is signed");
	T_STREQ(natural("al", val, true), "0x81", "p/x $al");
	u64(val, 0);
	T_STREQ(info("st0", val),
		"st0            0                   (raw 0x00000000000000000000)",
		"st0 zero");
	/* 1.0 as an 80-bit float: exponent 0x3fff, integer bit set. */
	memset(val, 0, sizeof(val));
	val[7] = 0x80;
	val[8] = 0xff;
	val[9] = 0x3f;
	T_STREQ(info("st0", val),
		"st0            1                   (raw 0x3fff8000000000000000)",
		"st0 one");
	u64(val, 0x555555555149);
	T_STREQ(natural("rip", val, false), "(void (*)()) 0x555555555149",
		"p $rip (no symbolizer)");
	u64(val, 0x7fffffffe648);
	T_STREQ(natural("rsp", val, false), "(void *) 0x7fffffffe648", "p $sp");
	T_STREQ(natural("rsp", val, true), "0x7fffffffe648", "p/x $sp");

	/* Vectors: gdb's unions, hex in `info registers`, natural in p. */
	memset(val, 0, sizeof(val));
	le128(val, 0xff00ff00ff00ffffull, 0xffff000000000000ull);
	T_STREQ(info("xmm0", val),
		"xmm0           {v8_bfloat16 = {0x0, 0x0, 0x0, 0xffff, 0xffff, "
		"0xff00, 0xff00, 0xff00}, v8_half = {0x0, 0x0, 0x0, 0xffff, "
		"0xffff, 0xff00, 0xff00, 0xff00}, v4_float = {0x0, 0xffff0000, "
		"0xff00ffff, 0xff00ff00}, v2_double = {0xffff000000000000, "
		"0xff00ff00ff00ffff}, v16_int8 = {0x0, 0x0, 0x0, 0x0, 0x0, 0x0, "
		"0xff, 0xff, 0xff, 0xff, 0x0, 0xff, 0x0, 0xff, 0x0, 0xff}, "
		"v8_int16 = {0x0, 0x0, 0x0, 0xffff, 0xffff, 0xff00, 0xff00, "
		"0xff00}, v4_int32 = {0x0, 0xffff0000, 0xff00ffff, 0xff00ff00}, "
		"v2_int64 = {0xffff000000000000, 0xff00ff00ff00ffff}, "
		"uint128 = 0xff00ff00ff00ffffffff000000000000}",
		"info registers xmm0, as gdb");
	T_STREQ(natural("xmm0", val, false),
		"{v8_bfloat16 = {0, 0, 0, -nan(0x7f), -nan(0x7f), -1.701e+38, "
		"-1.701e+38, -1.701e+38}, v8_half = {0, 0, 0, -nan(0x3ff), "
		"-nan(0x3ff), -nan(0x300), -nan(0x300), -nan(0x300)}, v4_float "
		"= {0, -nan(0x7f0000), -1.71470391e+38, -1.71465219e+38}, "
		"v2_double = {-nan(0xf000000000000), -5.82767264895236e+303}, "
		"v16_int8 = {0, 0, 0, 0, 0, 0, -1, -1, -1, -1, 0, -1, 0, -1, 0, "
		"-1}, v8_int16 = {0, 0, 0, -1, -1, -256, -256, -256}, v4_int32 "
		"= {0, -65536, -16711681, -16711936}, v2_int64 = "
		"{-281474976710656, -71777214294589441}, uint128 = "
		"338958311018522365196691232599582965760}",
		"p $xmm0, as gdb");
	/* zmm0 with the same low 128 bits: runs of 10 or more repeat. */
	T_OK(strstr(info("zmm0", val),
		    "v64_int8 = {0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0xff, 0xff, "
		    "0xff, 0xff, 0x0, 0xff, 0x0, 0xff, 0x0, 0xff, 0x0 <repeats "
		    "48 times>}") != NULL,
	     "zmm0: <repeats 48 times>, as gdb");
	T_OK(strstr(info("zmm0", val),
		    "v4_int128 = {0xff00ff00ff00ffffffff000000000000, 0x0, 0x0, "
		    "0x0}}") != NULL, "zmm0: v4_int128");
	return T_DONE();
}

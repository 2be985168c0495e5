/* expr: gdb's C expression language for print, x, set var and breakpoint
 * conditions, for a program without debug info.
 *
 *	print/x $rax + 4	$1 = 0x2e
 *	print &counter		$2 = (<data variable, no debug info> *) ...
 *	print {int}&counter	$3 = 5
 *	set var $foo = $sp	(convenience variables, value history $N)
 *
 * An expression is parsed once into a tree (struct expr) and evaluated as
 * often as needed (a breakpoint condition at every hit). Values carry a
 * type (struct ty: size, signedness, pointer target); the type set is C's
 * basic types, pointers to them, and gdb's placeholders for symbols
 * without debug info. The DWARF work extends struct ty (struct, union,
 * array, enum, typedef codes, with fields and bounds) and struct value
 * (contents larger than a scalar) without changing the evaluator's shape.
 *
 * The process is reached through struct expr_host callbacks: registers by
 * gdb name, memory, symbol lookup, a symbolizer for "<sym+off>". The
 * register types are gdb's amd64/i386 ones ($rip is void (*)(), $rsp is
 * void *, $eax is int32_t, $eflags is a flags type printed "[ IF ZF ]").
 * expr_user_regs_read()/write() implement the register callbacks over a
 * struct user_regs_struct.
 *
 * Errors are returned as -errno with gdb's message in err ("No symbol
 * \"foo\" in current context.", "Division by zero", "Cannot access
 * memory at address 0x0", ...); warnings gdb prints before a result
 * ("warning: left shift count >= width of type") are collected in
 * expr_warnings().
 *
 * Supported: C's operators (?:, comma, [], ++/--, compound assignment),
 * integer literals typed as gdb 13 types them, 'c' escapes, double and
 * float values, casts to basic types and pointers, {type} addr, sizeof,
 * $registers, $convenience, $N/$/$$/$$N history.
 *
 * Checked against gdb 13 (tests/unit/test_expr.c): ~250 print commands
 * on dbg_target without debug info, and register expressions at a
 * breakpoint, match gdb's output line for line.
 *
 * Differences from gdb: $fp is $rbp (gdb computes a frame base); int8_t ..
 * uint64_t are always known (gdb needs debug info for them) and print as
 * numbers; an unknown name is always "No symbol "x" in current
 * context." (gdb says "No symbol table is loaded." when nothing has debug
 * info); no function calls, string literals, artificial arrays (x@n),
 * long double, or types from debug info yet.
 */
#ifndef JAIL_DEBUGGER_EXPR_H
#define JAIL_DEBUGGER_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#include "debugger/symbols.h"
#include "debugger/xfmt.h"
#include "tracer/strbuf.h"

/* --- types --- */

enum ty_code {
	TY_VOID,
	TY_INT,		/* integers, char included */
	TY_FLOAT,	/* double (and float) */
	TY_PTR,
	TY_FUNC,
	TY_FLAGS,	/* $eflags */
	TY_NODEBUG_DATA,/* "<data variable, no debug info>" */
	TY_NODEBUG_TEXT,/* "<text variable, no debug info>", a function */
	/* DWARF will add TY_STRUCT, TY_UNION, TY_ARRAY, TY_ENUM,
	 * TY_TYPEDEF here. */
};

struct ty {
	enum ty_code code;
	unsigned size;			/* bytes */
	bool is_unsigned;
	bool is_char;			/* char, signed char, unsigned char */
	const char *name;		/* NULL for pointers and functions */
	const struct ty *target;	/* PTR: pointee; FUNC: return type */
	struct ty *ptr;			/* the pointer-to-this type, cached */
};

/* --- values --- */

enum val_lval {
	LV_NONE,	/* a computed value */
	LV_MEMORY,	/* at .addr in the inferior */
	LV_REGISTER,	/* register .reg */
	LV_INTERNAL,	/* convenience variable .ivar */
};

struct expr_ivar;

struct value {
	const struct ty *type;
	enum val_lval lval;
	bool lazy;		/* LV_MEMORY: contents not read yet */
	uint64_t addr;		/* LV_MEMORY */
	const char *reg;	/* LV_REGISTER: gdb's name, static */
	struct expr_ivar *ivar;	/* LV_INTERNAL */
	/* Scalar contents, little-endian. Aggregates (DWARF) will add an
	 * owned buffer beside it. */
	uint8_t bytes[16];
};

/* --- the host: what the expression language can reach --- */

struct expr_host {
	/* A register by gdb's name ("rax", "eax", "al", "rip", "eflags",
	 * "fs_base"): 0 with *v, -ENOENT for an unknown name, -ESRCH when
	 * there is no live thread ("No registers."). */
	int (*reg_read)(void *ctx, const char *name, uint64_t *v);
	int (*reg_write)(void *ctx, const char *name, uint64_t v);
	/* Memory, mem_reader semantics: bytes copied or -errno. */
	ssize_t (*mem_read)(void *ctx, uint64_t addr, void *buf, size_t len);
	ssize_t (*mem_write)(void *ctx, uint64_t addr, const void *buf,
			     size_t len);
	/* A symbol's address; *is_text for functions. 0 or -ENOENT. */
	int (*sym_lookup)(void *ctx, const char *name, uint64_t *addr,
			  bool *is_text);
	struct symbolizer sym;	/* "<sym+off>" in printed pointers */
	void *ctx;
};

struct expr_ctx;
struct expr;

/* ptr_bits 64 (x86-64) or 32 (i386): pointer, long and register
 * sizes. The host is copied. */
int expr_ctx_create(struct expr_ctx **out, const struct expr_host *host,
		    int ptr_bits);
void expr_ctx_destroy(struct expr_ctx *c);
/* Warnings from the last parse or evaluation, "warning: ...\n" lines. */
const char *expr_warnings(const struct expr_ctx *c);

/* Parse text into a tree (caller frees with expr_free). */
int expr_parse(struct expr_ctx *c, const char *text, struct expr **out,
	       struct strbuf *err);
void expr_free(struct expr *e);
/* Evaluate; assignments write through the host. *v is fetched (not
 * lazy) unless it is a function or a no-debug-info data value. */
int expr_eval(struct expr_ctx *c, const struct expr *e, struct value *v,
	      struct strbuf *err);
/* Parse and evaluate in one step (set var, x's address). */
int expr_evaluate(struct expr_ctx *c, const char *text, struct value *v,
		  struct strbuf *err);

/* A value as a truth value (breakpoint conditions), an integer, or an
 * address (x, break *ADDR: functions give their address). */
int expr_value_truth(struct expr_ctx *c, const struct value *v, bool *out,
		     struct strbuf *err);
int expr_value_as_long(struct expr_ctx *c, const struct value *v,
		       int64_t *out, struct strbuf *err);
int expr_value_as_address(struct expr_ctx *c, const struct value *v,
			  uint64_t *out, struct strbuf *err);

/* Append a value as print shows it (after "$1 = "), with format fmt
 * (0 or one of x d u o t z a c f s). */
int expr_format_value(struct expr_ctx *c, const struct value *v, int fmt,
		      struct strbuf *sb, struct strbuf *err);
/* Append a type's name as gdb writes it: "int", "void (*)()",
 * "<data variable, no debug info> *". */
void expr_type_name(const struct ty *t, struct strbuf *sb);

/* gdb's `print[/F] EXPR` (args is what follows "print"): evaluate,
 * record in the value history, append "$N = value\n". An empty EXPR
 * shows the last value again. */
int expr_print_command(struct expr_ctx *c, const char *args,
		       struct strbuf *out, struct strbuf *err);

/* Value history: the number of values, and value n (1-based). */
int expr_history_count(const struct expr_ctx *c);
int expr_history_get(const struct expr_ctx *c, int n, struct value *v);
int expr_history_add(struct expr_ctx *c, const struct value *v);

/* Convenience variables ("_" for $_). A NULL value makes it void. */
int expr_set_var(struct expr_ctx *c, const char *name,
		 const struct value *v);
int expr_get_var(const struct expr_ctx *c, const char *name,
		 struct value *v);
/* After x: $_ = (intN_t *) last address, $__ = its contents, as gdb
 * sets them. */
void expr_note_examine(struct expr_ctx *c, const struct xfmt_state *st);

/* Builtin types by C name ("unsigned long", "int32_t", "void"), and
 * pointer-to. NULL when unknown. */
const struct ty *expr_type_lookup(struct expr_ctx *c, const char *name);
const struct ty *expr_type_pointer(struct expr_ctx *c, const struct ty *t);
/* A computed integer value of type t. */
struct value expr_value_int(const struct ty *t, uint64_t bits);

/* The register callbacks over a user_regs_struct (x86-64 layout, gdb's
 * names, sub-registers merged into the full register as gdb writes
 * them). Context: a struct user_regs_struct *. */
int expr_user_regs_read(void *regs, const char *name, uint64_t *v);
int expr_user_regs_write(void *regs, const char *name, uint64_t v);

#endif

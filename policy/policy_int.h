/* policy_int.h: the stages of the policy pipeline and the data they pass.
 * Only the policy sources and their unit tests include this. */
#ifndef JAIL_POLICY_INT_H
#define JAIL_POLICY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy/policy.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A value a 32-bit argument can hold: up to 0xffffffff, or a negative
 * int sign-extended (AT_FDCWD as the policy's 64-bit -100). */
static inline bool fits32(uint64_t v)
{
	return v <= 0xffffffffull || v >= 0xffffffff80000000ull;
}

enum {
	POL_INCLUDE_DEPTH_MAX = 16,
	POL_FILE_MAX = 1 << 20,		/* bytes of one policy file */
};

/* Append "file:line:col: message" (col 0: "file:line: message"). */
void pol_err(struct strbuf *err, const char *file, int line, int col,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- lex.c: text -> statements ---- */

struct tok {
	char *s;		/* the text; a quoted string without quotes */
	int line, col;		/* 1-based, of the first character */
	bool quoted;
};

struct stmt {
	struct tok *t;
	size_t n;
};

struct lexed {
	struct stmt *s;
	size_t n;
};

/* Split text into statements: '#' at the start of a word starts a
 * comment, a backslash at the end of a line continues the statement on
 * the next. 0 or -EINVAL (one line in err) or -ENOMEM. */
int lex_text(const char *file, const char *text, size_t len,
	     struct lexed *out, struct strbuf *err);
void lex_free(struct lexed *l);

/* ---- syscall keys: what a syscall rule matches, per ABI ---- */

/* Keys are syscall numbers, plus one per i386 socketcall(2) and ipc(2)
 * subcall, so that "allow connect" also covers socketcall(SYS_CONNECT). */
enum {
	KEY_NR_MAX = 1024,
	KEY_SOCK_BASE = KEY_NR_MAX,		/* + call, 1..20 */
	KEY_IPC_BASE = KEY_NR_MAX + 32,		/* + call, 1..24 */
	KEY_COUNT = KEY_NR_MAX + 64,
	I386_NR_SOCKETCALL = 102,
	I386_NR_IPC = 117,
};

struct keyset {
	uint64_t w[KEY_COUNT / 64];
};

static inline void key_add(struct keyset *s, unsigned k)
{
	s->w[k / 64] |= 1ull << (k % 64);
}

static inline bool key_has(const struct keyset *s, unsigned k)
{
	return k < KEY_COUNT && (s->w[k / 64] >> (k % 64) & 1);
}

/* mux.c: the i386 multiplexers. Calls are numbered as in linux/net.h and
 * linux/ipc.h; -1 / NULL when unknown. */
int mux_sock_call(const char *name);
const char *mux_sock_name(int call);
int mux_ipc_call(const char *name);
const char *mux_ipc_name(int call);
/* For ipc(2) subcall `call`: which ipc() argument holds each argument of
 * the direct syscall (-1: in memory, unknown to conditions). */
const int8_t *mux_ipc_argmap(int call);
/* Whether key k (on i386) belongs to the socketcall or ipc family: the
 * multiplexer itself, a subcall key, or a direct syscall with a subcall. */
bool mux_family(enum sc_abi abi, unsigned k, bool *is_ipc);
/* The name of key k on abi (a syscall or a subcall), or NULL. */
const char *key_name(enum sc_abi abi, unsigned k);
/* The syscall table entry whose argument names key k's conditions use. */
const struct sc_ent *key_ent(enum sc_abi abi, unsigned k);
/* The key of syscall `name` on abi (its number), or -1: the tables that
 * are indexed by number are filled from names with it. */
int key_nr(enum sc_abi abi, const char *name);

/* ---- rules ---- */

enum rule_kind { RK_SYSCALL, RK_FS, RK_NET, RK_SIGNAL };

enum cmp_op {
	CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE,
	CMP_MASKED_EQ,	/* arg & mask == val */
	CMP_MASKED_NE,	/* arg & mask != val */
};

struct cond {
	char *arg;		/* "domain", "arg1" */
	int col;
	enum cmp_op op;
	uint64_t mask;		/* CMP_MASKED_* */
	uint64_t val;
	char *text;		/* as written, for --check */
};

struct name_ref {
	char *name;		/* "read", "@basic-io" */
	int col;
};

struct fs_pat {
	char *pat;		/* expanded, absolute */
	int col;
};

enum net_kind { NP_INET, NP_UNIX_PATH, NP_UNIX_ABSTRACT };

struct net_pat {
	uint8_t kind;		/* enum net_kind */
	int family;		/* NP_INET: 0 (any), AF_INET, AF_INET6 */
	uint8_t addr[16];
	int prefix;		/* bits; 0 with family 0: any address */
	uint32_t port_lo, port_hi;
	char *glob;		/* NP_UNIX_*: the path or name pattern */
	char *text;		/* as written (expanded) */
	int col;
};

struct rule {
	enum rule_kind kind;
	enum policy_action action;
	int err;		/* POLICY_DENY */
	const char *file;	/* owned by policy->files */
	int line, col;
	char *origin;		/* "file:line" */
	char *text;		/* the statement, tokens joined by spaces */

	/* RK_SYSCALL */
	struct name_ref *names;
	size_t nnames;
	struct keyset keys[ABI_COUNT];
	struct cond *conds;
	size_t nconds;

	/* RK_FS: one right, several patterns */
	unsigned right;		/* POLICY_FS_* */
	struct fs_pat *pats;
	size_t npats;

	/* RK_NET */
	uint8_t nop;		/* enum net_op */
	struct net_pat *nets;
	size_t nnets;

	/* RK_SIGNAL: bit (sig - 1) */
	uint64_t sigs;
};

struct where {
	const char *file;
	int line, col;
};

struct policy {
	struct rule *rules;
	size_t nrules, cap;

	enum policy_action def;
	int def_err;
	bool has_default;
	struct where def_at;

	int *caps;
	struct where *caps_at;
	size_t ncaps;

	unsigned unsafe;
	struct where unsafe_at[16];

	char **files;		/* every file name origins point into */
	size_t nfiles;
	bool has_fs, has_net;
	/* Calls the baseline sends to the tracer whatever the rules say
	 * (policy/baseline.c). */
	struct keyset force_trace[ABI_COUNT];
};

/* parse.c helpers shared with the tests */
int policy_add_file(struct policy *p, const char *name, const char **out);
void rule_release(struct rule *r);

/* ---- resolve.c: names and values ---- */

struct resolve_ctx {
	const struct policy_vars *vars;
	const char *cwd, *home, *tmpdir;	/* fallbacks */
	const char *file;
	int line;
};

/* Add the syscalls name (or @group) stands for to r->keys. 0, or
 * -EINVAL with the message in err. */
int resolve_syscall_name(struct rule *r, const char *name, int col,
			 const struct resolve_ctx *rc, struct strbuf *err);
/* Check every condition's argument against every syscall of r. */
int resolve_cond_args(struct rule *r, const struct resolve_ctx *rc,
		      struct strbuf *err);
/* A value: integers, constants, several joined with '|'. The syscalls of
 * r pick constant tables first (the argument's own). */
int resolve_value(const struct rule *r, const char *arg, const char *text,
		  int col, uint64_t *val, const struct resolve_ctx *rc,
		  struct strbuf *err);
/* Expand ${VARS}; caller frees *out. */
int resolve_vars(const char *text, int col, char **out,
		 const struct resolve_ctx *rc, struct strbuf *err);
/* Canonicalize the fixed directory part of an absolute pattern with
 * realpath(3) (on Debian /lib is a symlink to usr/lib, and the tracer
 * hands us resolved paths, so a pattern under /lib must read /usr/lib), collapse "//" and "/./", drop a
 * trailing '/'. *pat is replaced. */
int resolve_canon_pattern(char **pat);
/* The index of condition argument name in e, or -1. */
int cond_arg_index(const struct sc_ent *e, const char *name);
/* Whether argument i of e holds a C int (the kernel uses its low 32
 * bits only, whatever the register's upper half holds). */
bool arg_is_narrow(const struct sc_ent *e, int i);

/* ---- groups.c ---- */

struct sc_group {
	const char *name;	/* "@basic-io" */
	const char *help;
	const char *const *members;	/* syscall names and @groups */
};

const struct sc_group *group_find(const char *name);
/* Levenshtein distance, for "did you mean" hints. */
int edit_distance(const char *a, const char *b);
const char *group_suggest(const char *name);
size_t group_count(void);
const struct sc_group *group_at(size_t i);

/* ---- glob.c ---- */

/* Match a path glob: '*' and '?' and [...] within one component, "**"
 * across components; "**" as the last component also matches the
 * directory itself. s is n bytes (it may hold NULs: abstract socket names). */
bool glob_match(const char *pat, const char *s, size_t n);
/* -EINVAL when pat is malformed (an unclosed '['), with *col_off the
 * offset of the problem. */
int glob_check(const char *pat, size_t *col_off);

/* ---- netaddr.c ---- */

/* Parse "ADDR:PORT", "[V6]:PORT", "unix:GLOB", "unix:@GLOB"; 0 or -EINVAL
 * with a message in *msg (static) and the offset of the problem. */
int netpat_parse(const char *text, struct net_pat *np, const char **msg,
		 size_t *off);
bool netpat_match(const struct net_pat *np, const struct policy_sockaddr *a);
/* Append the address as a pattern that matches just it. */
void netaddr_format(struct strbuf *sb, const struct policy_sockaddr *a);

/* ---- fsaccess.c ---- */

/* Every right a call of fa may need, whatever its flags. */
/* Whether a syscall rule names key k of abi (check.c). */
bool policy_names_key(const struct policy *p, enum sc_abi abi, unsigned k);
unsigned fs_possible_rights(const struct fs_access *fa);
/* When fa needs a right only if one bit of an argument is set (mmap and
 * mprotect: PROT_EXEC), that argument and bit; false otherwise. */
bool fs_gate(const struct fs_access *fa, int *arg, uint64_t *bit);
/* Whether the table is sorted by name (bsearch needs it; a unit test
 * checks). */
bool fs_table_sorted(void);
/* The net table entry for a direct syscall name, or NULL. */
const struct net_access *net_access_by_name(const char *name);

/* ---- compile.c: lower ---- */

enum plan_kind {
	PLAN_DEFAULT,	/* the filter's default action decides */
	PLAN_KERNEL,	/* kernel rules decide */
	PLAN_TRACE,	/* the tracer decides */
};

/* One comparison the kernel can make (libseccomp's terms). */
struct kcmp {
	uint8_t arg;
	uint8_t op;	/* enum scmp_compare */
	uint64_t mask;	/* SCMP_CMP_MASKED_EQ */
	uint64_t val;
};

struct kent {
	const struct rule *r;	/* NULL: the final default */
	uint32_t act;		/* SCMP_ACT_* */
	struct kcmp cmp[6];
	size_t ncmp;
};

struct sc_plan {
	uint8_t kind;		/* enum plan_kind */
	const char *why;	/* PLAN_TRACE: the reason */
	const struct rule *why_rule;
	struct kent *ent;	/* PLAN_KERNEL: first match, in order */
	size_t nent;
	/* PLAN_KERNEL of a call that needs only the stat right: the fs.*
	 * rule that allows its path whatever it is (fs_stat_all) */
	const struct rule *stat_all;
	/* PLAN_KERNEL: the last entry is the complement of the one before,
	 * so the filter's default is never reached */
	bool complete;
	/* libseccomp cannot name it (a syscall newer than its tables):
	 * decided by a number check in jail's own prologue instead */
	bool raw;
};

struct lowered {
	uint32_t def_act[ABI_COUNT];	/* the filter's default per ABI */
	struct sc_plan *plan[ABI_COUNT];	/* KEY_COUNT each */
	bool lib_unknown[ABI_COUNT];	/* a name libseccomp lacks */
};

/* The seccomp action a rule's action maps to in the kernel. */
uint32_t kernel_action(enum policy_action a, int err, unsigned flags);
int policy_lower(const struct policy *p, unsigned flags, struct lowered *lo);
void lowered_free(struct lowered *lo);
/* Emit one libseccomp context for abi from lo; caller releases it. */
int emit_ctx(const struct lowered *lo, enum sc_abi abi, void **ctx,
	     struct strbuf *err);

/* The requirements a fs.* rule of `right` decides: fs.read decides stat
 * requirements too (who may read a file may know what it is); each other
 * kind only its own. */
static inline unsigned fs_covers(unsigned right)
{
	return right == POLICY_FS_READ ? POLICY_FS_READ | POLICY_FS_STAT :
					 right;
}

/* ---- eval.c ---- */

/* The pattern that matches every path (a C comment cannot spell it). */
#define FS_PAT_ALL "/**"

/* The rule that allows every stat requirement whatever its path: the
 * first fs.* rule covering stat, when it is an allow whose patterns
 * include FS_PAT_ALL. NULL when there is none. eval.c lets it allow stat
 * of objects that have no path too, and compile.c decides metadata calls
 * in the kernel by it. */
const struct rule *fs_stat_all(const struct policy *p);

/* Whether r's conditions hold for args (key k of abi). Exposed for the
 * compile tests, which compare the kernel's answer with this one. */
bool conds_hold(const struct rule *r, enum sc_abi abi, unsigned k,
		const uint64_t args[6]);

#endif

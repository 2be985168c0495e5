/* compile: the policy as a seccomp-BPF program.
 *
 * lower: for each ABI and syscall, the rules that apply, in order, and
 * whether the kernel can decide them exactly as eval.c would:
 *
 *  - log and trap need the tracer (an audit record, a debugger stop), and
 *    so does kill: the kernel's SECCOMP_RET_KILL_PROCESS kills only the
 *    caller and leaves jail unable to say which rule did it, while the
 *    tracer kills the whole tree and reports "killed by policy.conf:12".
 *    POLICY_COMPILE_KILL_IN_KERNEL trades that for speed.
 *  - a syscall whose paths or addresses the policy checks (any fs.* rule
 *    for a path-taking call, any net.* rule for connect, bind, sendto,
 *    sendmsg, sendmmsg) needs the tracer, except where a single bit
 *    tells (mmap/mprotect without PROT_EXEC, sendto without an address).
 *    A call that needs only the stat right stays in the kernel when the
 *    first fs.* rule deciding stat allows every path (fs_stat_all): its
 *    syscall rules decide it, and allow it when none matches, as eval.c
 *    does with its requirement allowed.
 *  - libseccomp orders a syscall's rules by its own tree, not ours: rules
 *    with conditions and different actions would lose first-match order.
 *    They are kept in the kernel only when order cannot matter: all
 *    conditional rules share one action and the rest is the default, or
 *    one single-condition rule is followed by a different catch-all,
 *    which is emitted as its complement.
 *  - conditions the kernel cannot test the way eval.c does (!= or < on a
 *    32-bit argument of x86_64, where eval ignores the upper half; two
 *    comparisons of one argument; a 64-bit value on i386) go to the
 *    tracer.
 *  - i386's socketcall/ipc multiplexers: libseccomp muxes a rule for
 *    "connect" into socketcall(SYS_CONNECT) too, but cannot check the
 *    arguments there. The family stays in the kernel only when all its
 *    rules are unconditional.
 *
 * emit: one libseccomp context per ABI (so each gets its own default:
 * i386 falls back to TRACE when libseccomp cannot name one of its
 * syscalls), exported and stitched behind a small prologue that checks the
 * architecture and kills x32 numbers.
 */
#include "policy/policy_int.h"
#include "policy/baseline.h"

#include <assert.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

enum { X32_SYSCALL_BIT = 0x40000000 };

uint32_t kernel_action(enum policy_action a, int err, unsigned flags)
{
	switch (a) {
	case POLICY_ALLOW:
		return SCMP_ACT_ALLOW;
	case POLICY_DENY:
		if (flags & POLICY_COMPILE_TRACE_DENIALS)
			return SCMP_ACT_TRACE(0);
		return SCMP_ACT_ERRNO((uint32_t)err);
	case POLICY_KILL:
		if (flags & POLICY_COMPILE_KILL_IN_KERNEL)
			return SCMP_ACT_KILL_PROCESS;
		return SCMP_ACT_TRACE(0);
	default:
		return SCMP_ACT_TRACE(0);
	}
}

static bool key_exists(enum sc_abi abi, unsigned k)
{
	return key_name(abi, k) != NULL;
}

/* One condition in the kernel's terms; -1 when it cannot be. */
static int lower_cond(enum sc_abi abi, const struct sc_ent *e,
		      const struct cond *c, struct kcmp *out, size_t *n)
{
	static const uint8_t plain[] = {
		[CMP_EQ] = SCMP_CMP_EQ, [CMP_NE] = SCMP_CMP_NE,
		[CMP_LT] = SCMP_CMP_LT, [CMP_LE] = SCMP_CMP_LE,
		[CMP_GT] = SCMP_CMP_GT, [CMP_GE] = SCMP_CMP_GE,
	};
	int idx = cond_arg_index(e, c->arg);
	bool narrow, masked32;
	uint64_t v = c->val, m = c->mask;
	struct kcmp k;
	size_t i;

	if (idx < 0)
		return -1;
	narrow = abi == ABI_I386 || arg_is_narrow(e, idx);
	if (narrow) {
		if (!fits32(v))
			return -1;
		v &= 0xffffffffull;
		m &= 0xffffffffull;
	}
	/* x86_64 int argument: compare the low half only */
	masked32 = narrow && abi == ABI_X86_64;
	k = (struct kcmp){ .arg = (uint8_t)idx, .val = v };
	switch (c->op) {
	case CMP_EQ:
		if (masked32) {
			k.op = SCMP_CMP_MASKED_EQ;
			k.mask = 0xffffffffull;
		} else {
			k.op = SCMP_CMP_EQ;
		}
		break;
	case CMP_NE:
	case CMP_LT:
	case CMP_LE:
	case CMP_GT:
	case CMP_GE:
		if (masked32)
			return -1;
		k.op = plain[c->op];
		break;
	case CMP_MASKED_EQ:
		k.op = SCMP_CMP_MASKED_EQ;
		k.mask = m;
		break;
	case CMP_MASKED_NE:
		/* one bit: "!= v" is "== the other value" */
		if (__builtin_popcountll(m) != 1)
			return -1;
		if (v != 0 && v != m)
			return 0;	/* always true: no comparison */
		k.op = SCMP_CMP_MASKED_EQ;
		k.mask = m;
		k.val = v ^ m;
		break;
	}
	/* libseccomp takes one comparison per argument and rule */
	for (i = 0; i < *n; i++)
		if (out[i].arg == k.arg)
			return -1;
	out[(*n)++] = k;
	return 0;
}

/* The complement of a single comparison, where it is one comparison. */
static bool complement(const struct kcmp *c, struct kcmp *out)
{
	*out = *c;
	switch (c->op) {
	case SCMP_CMP_EQ:
		out->op = SCMP_CMP_NE;
		return true;
	case SCMP_CMP_NE:
		out->op = SCMP_CMP_EQ;
		return true;
	case SCMP_CMP_LT:
		out->op = SCMP_CMP_GE;
		return true;
	case SCMP_CMP_GE:
		out->op = SCMP_CMP_LT;
		return true;
	case SCMP_CMP_LE:
		out->op = SCMP_CMP_GT;
		return true;
	case SCMP_CMP_GT:
		out->op = SCMP_CMP_LE;
		return true;
	case SCMP_CMP_MASKED_EQ:
		if (__builtin_popcountll(c->mask) != 1 ||
		    (c->val != 0 && c->val != c->mask))
			return false;
		out->val = c->val ^ c->mask;
		return true;
	}
	return false;
}

struct lower_state {
	const struct policy *p;
	unsigned flags;
	uint32_t def;		/* the filter's default for this ABI */
	uint32_t pdef;		/* the policy default's kernel action */
	struct kent *l;		/* scratch: the entries in order */
	size_t nl, cap;
};

static int push_ent(struct lower_state *st, const struct kent *e)
{
	if (st->nl == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 16;
		struct kent *v = realloc(st->l, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		st->l = v;
		st->cap = cap;
	}
	st->l[st->nl++] = *e;
	return 0;
}

static void set_trace(struct sc_plan *pl, const char *why,
		      const struct rule *r)
{
	free(pl->ent);
	*pl = (struct sc_plan){ .kind = PLAN_TRACE, .why = why,
				.why_rule = r };
}

/* The rule --check names for a checked path call: the first fs.* rule
 * that decides one of its rights, else the first fs.* rule (its paths are
 * checked all the same, and the default decides them). */
static const struct rule *first_fs_rule(const struct policy *p,
					unsigned rights)
{
	const struct rule *any = NULL;
	size_t i;

	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		if (r->kind != RK_FS)
			continue;
		if (fs_covers(r->right) & rights)
			return r;
		if (!any)
			any = r;
	}
	return any;
}

/* A metadata call (one that needs only the stat right) whose path the
 * policy allows whatever it is: fs_stat_all() names the rule. Not when
 * the program may change its root: the tracer then checks its paths in
 * its own view (a path outside its root fails with EXDEV), which the
 * kernel cannot. Nor when the call can name an object without a flag
 * saying so (utimensat's NULL path): see lower_key for why the kernel
 * must tell those apart. */
static const struct rule *stat_allowed(const struct policy *p,
				       const struct fs_access *fa,
				       const char **why)
{
	const struct rule *all;

	if (fs_possible_rights(fa) != POLICY_FS_STAT || fa->npaths != 1 ||
	    fa->path[0].null_is_dirfd ||
	    (fa->path[0].empty_flag && fa->flags_src != FS_FLAGS_ARG))
		return NULL;
	all = fs_stat_all(p);
	if (all && policy_may_change_root(p)) {
		*why = "fs.* rules check its paths (the program may change "
		       "its root: they are checked in its view)";
		return NULL;
	}
	return all;
}

/* Does the policy check this call's paths or addresses? Sets the gate
 * (one bit of one argument) when it does only sometimes, and *why to
 * the reason it does. *all is set instead when it is a metadata call
 * whose path every requirement allows (stat_allowed). */
static const struct rule *resource_rule(const struct policy *p,
					enum sc_abi abi, unsigned k,
					struct kcmp *gate, bool *gated,
					const struct rule **all,
					const char **why)
{
	const struct fs_access *fa = NULL;
	const struct net_access *na = NULL;
	const char *name = key_name(abi, k);
	size_t i;
	int arg;
	uint64_t bit;

	*gated = false;
	*all = NULL;
	*why = "fs.* rules check its paths";
	if (k < KEY_NR_MAX)
		fa = policy_fs_access(abi, (long)k);
	if (fa && p->has_fs) {
		*all = stat_allowed(p, fa, why);
		if (*all)
			return NULL;
		if (fs_gate(fa, &arg, &bit)) {
			*gate = (struct kcmp){
				.arg = (uint8_t)arg,
				.op = SCMP_CMP_MASKED_EQ,
				.mask = bit, .val = bit,
			};
			*gated = true;
		}
		return first_fs_rule(p, fs_possible_rights(fa));
	}
	if (name)
		na = net_access_by_name(name);
	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		if (r->kind == RK_NET && na) {
			*why = "net.* rules check its addresses";
			/* sendto checks only when it names an address */
			if (strcmp(na->name, "sendto") == 0 &&
			    k < KEY_NR_MAX) {
				*gate = (struct kcmp){
					.arg = (uint8_t)na->addr_arg,
					.op = SCMP_CMP_NE, .val = 0,
				};
				*gated = true;
			}
			return r;
		}
	}
	return NULL;
}

static int lower_key(struct lower_state *st, enum sc_abi abi, unsigned k,
		     struct sc_plan *pl)
{
	const struct policy *p = st->p;
	const struct sc_ent *e = key_ent(abi, k);
	const struct rule *res, *all;
	const struct fs_access *fa;
	struct kent ent, *l;
	uint32_t fin;
	const struct rule *fin_rule = NULL;
	const char *why;
	size_t i, j, n;
	bool gated, same, falls_ok, skip;
	int rc;

	*pl = (struct sc_plan){ .kind = PLAN_DEFAULT };
	st->nl = 0;
	if (key_has(&p->force_trace[abi], k)) {
		set_trace(pl, "the baseline checks it in the tracer", NULL);
		return 0;
	}
	res = resource_rule(p, abi, k, &ent.cmp[0], &gated, &all, &why);
	if (res && !gated) {
		set_trace(pl, why, res);
		return 0;
	}
	if (res) {
		ent.r = res;
		ent.act = SCMP_ACT_TRACE(0);
		ent.ncmp = 1;
		rc = push_ent(st, &ent);
		if (rc < 0)
			return rc;
	}
	/* A metadata call whose path is allowed, whatever it is: eval.c
	 * gives the first matching syscall rule's action (its requirement,
	 * allowed, is never more severe), and when none matches, the
	 * requirement's: allow. */
	fin = all ? SCMP_ACT_ALLOW : st->pdef;
	fin_rule = all;
	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];
		bool ok = true;

		if (r->kind != RK_SYSCALL || !key_has(&r->keys[abi], k))
			continue;
		ent = (struct kent){ .r = r,
				     .act = kernel_action(r->action, r->err,
							  st->flags) };
		skip = false;
		for (j = 0; j < r->nconds && ok; j++) {
			/* an argument this syscall lacks here: the rule
			 * fails closed (eval.c), allowing never matches,
			 * refusing always does */
			if (k < KEY_NR_MAX &&
			    cond_arg_index(e, r->conds[j].arg) < 0) {
				skip = skip || r->action < POLICY_DENY;
				continue;
			}
			ok = k < KEY_NR_MAX &&
			     lower_cond(abi, e, &r->conds[j], ent.cmp,
					&ent.ncmp) == 0;
		}
		if (skip)
			continue;
		if (!ok) {
			if (ent.act != SCMP_ACT_TRACE(0)) {
				set_trace(pl, k >= KEY_NR_MAX ?
					"its arguments are in memory" :
					"a condition the kernel cannot "
					"test like the tracer", r);
				return 0;
			}
			/* sending more to the tracer is always safe */
			ent.ncmp = 0;
		}
		/* (no comparison left: every condition always holds) */
		if (ent.ncmp == 0) {
			fin = ent.act;
			fin_rule = r;
			break;
		}
		rc = push_ent(st, &ent);
		if (rc < 0)
			return rc;
	}
	/* ...except for a call on the descriptor itself (fstat is
	 * newfstatat(fd, "", AT_EMPTY_PATH)): the tracer sees no path
	 * there, so no requirement, and when no syscall rule matches the
	 * default decides. The kernel cannot tell "" from a path: with
	 * AT_EMPTY_PATH the tracer decides, unless the default allows too. */
	fa = all ? policy_fs_access(abi, (long)k) : NULL;
	if (fa && fin_rule == all && fa->path[0].empty_flag &&
	    p->def != POLICY_ALLOW) {
		uint64_t ef = fa->path[0].empty_flag;

		ent = (struct kent){ .r = all, .act = SCMP_ACT_TRACE(0),
				     .ncmp = 1 };
		ent.cmp[0] = (struct kcmp){ .arg = (uint8_t)fa->flags_arg,
					    .op = SCMP_CMP_MASKED_EQ,
					    .mask = ef, .val = ef };
		rc = push_ent(st, &ent);
		if (rc < 0)
			return rc;
	}
	/* conditional rules that end like the catch-all change nothing */
	while (st->nl && st->l[st->nl - 1].act == fin)
		st->nl--;
	n = st->nl;
	l = st->l;
	same = true;
	for (i = 1; i < n; i++)
		same = same && l[i].act == l[0].act;
	if (!same) {
		set_trace(pl, "conditional rules with different actions "
			      "(libseccomp would not keep their order)",
			  l[1].r);
		return 0;
	}
	/* what no kernel rule catches gets the filter's default: right when
	 * it is the catch-all's action, and when it is TRACE (the tracer
	 * then answers as the catch-all would). One condition's complement
	 * gives the catch-all in the kernel all the same: under -o, where
	 * the default is TRACE, mmap without PROT_EXEC stays a kernel
	 * allow. */
	falls_ok = fin == st->def || st->def == SCMP_ACT_TRACE(0);
	if (n && fin != st->def) {
		struct kcmp inv;
		bool one = n == 1 && l[0].ncmp == 1 &&
			   complement(&l[0].cmp[0], &inv);

		if (!one && !falls_ok) {
			set_trace(pl, "conditional rules before a different "
				      "catch-all", l[0].r);
			return 0;
		}
		if (one) {
			ent = (struct kent){ .r = fin_rule, .act = fin,
					     .ncmp = 1 };
			ent.cmp[0] = inv;
			rc = push_ent(st, &ent);
			if (rc < 0)
				return rc;
			pl->complete = true;
		}
	} else if (!n) {
		if (!fin_rule && falls_ok)
			return 0;	/* PLAN_DEFAULT */
		ent = (struct kent){ .r = fin_rule, .act = fin };
		rc = push_ent(st, &ent);
		if (rc < 0)
			return rc;
	}
	pl->kind = PLAN_KERNEL;
	pl->stat_all = all;
	pl->ent = malloc(st->nl * sizeof(*pl->ent));
	if (!pl->ent)
		return -ENOMEM;
	memcpy(pl->ent, st->l, st->nl * sizeof(*pl->ent));
	pl->nent = st->nl;
	return 0;
}

/* i386: a multiplexer family stays in the kernel only when every key of
 * it is decided without conditions and socketcall/ipc is not named. */
static void lower_family(const struct policy *p, struct sc_plan *plan,
			 bool ipc)
{
	unsigned mux = ipc ? I386_NR_IPC : I386_NR_SOCKETCALL, k;
	const struct rule *why = NULL;
	bool is_ipc, simple = true;
	size_t i;

	for (i = 0; i < p->nrules; i++)
		if (p->rules[i].kind == RK_SYSCALL &&
		    key_has(&p->rules[i].keys[ABI_I386], mux)) {
			simple = false;
			why = &p->rules[i];
		}
	for (k = 0; k < KEY_COUNT && simple; k++) {
		const struct sc_plan *pl = &plan[k];

		if (k == mux || !mux_family(ABI_I386, k, &is_ipc) ||
		    is_ipc != ipc)
			continue;
		if (pl->kind == PLAN_TRACE ||
		    (pl->kind == PLAN_KERNEL &&
		     (pl->nent != 1 || pl->ent[0].ncmp))) {
			simple = false;
			why = pl->kind == PLAN_TRACE ? pl->why_rule :
						       pl->ent[0].r;
		}
	}
	if (simple)
		return;
	for (k = 0; k < KEY_COUNT; k++)
		if (k == mux || (mux_family(ABI_I386, k, &is_ipc) &&
				 is_ipc == ipc))
			set_trace(&plan[k], ipc ?
				  "i386 ipc(2) family with conditions" :
				  "i386 socketcall(2) family with conditions",
				  why);
}

/* Whether libseccomp can name key k on i386 (it reaches i386 through
 * syscall names). */
static bool lib_knows(enum sc_abi abi, unsigned k)
{
	const char *name = key_name(abi, k);
	int nr;

	if (abi == ABI_X86_64)
		return true;	/* native: numbers are used as they are */
	if (!name)
		return false;
	nr = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86, name);
	if (nr == __NR_SCMP_ERROR)
		return false;
	/* socket calls resolve to libseccomp's pseudo numbers */
	return nr < 0 || k >= KEY_NR_MAX || (unsigned)nr == k;
}

/* jail/pathcall.c runs checked path calls as descriptor calls that the
 * tracee makes for jail (chdir as fchdir, statfs as fstatfs, truncate as
 * ftruncate, stat as newfstatat on the parent directory, readlink as
 * readlinkat, access as faccessat2, and close): under fs.* rules those
 * must reach the tracer unless the kernel lets them all through, or a
 * kernel denial would fail jail's own call (chdir failed ENOSYS under
 * `default deny(ENOSYS)`; a logged readlink would fail where readlinkat
 * is denied). The program's own such calls then get the same answer
 * from the tracer. The *at ones are path calls themselves, decided in
 * the kernel only when every path's stat is allowed (fs_stat_all). */
static const char *const twin_calls[] = {
	"fchdir", "fstatfs", "fstatfs64", "ftruncate", "ftruncate64", "close",
	"newfstatat", "fstatat64", "statx", "readlinkat", "faccessat2",
};

/* Whether the kernel lets every call of plan pl through: allowed, or
 * sent to the tracer (which lets jail's own calls run). */
static bool never_refused(const struct sc_plan *pl, uint32_t def)
{
	bool def_ok = def == SCMP_ACT_ALLOW || def == SCMP_ACT_TRACE(0);
	size_t i;

	if (pl->kind == PLAN_DEFAULT)
		return def_ok;
	for (i = 0; i < pl->nent; i++)
		if (pl->ent[i].act != SCMP_ACT_ALLOW &&
		    pl->ent[i].act != SCMP_ACT_TRACE(0))
			return false;
	/* the last entry with a condition leaves the rest to the default,
	 * unless it is the complement of the one before */
	return !pl->nent || !pl->ent[pl->nent - 1].ncmp || pl->complete ||
	       def_ok;
}

/* twin_calls as keys, per ABI: found by name once */
static struct keyset twin_keys[ABI_COUNT];
static pthread_once_t twin_once = PTHREAD_ONCE_INIT;

static void twin_build(void)
{
	size_t i;
	int abi, k;

	for (abi = 0; abi < ABI_COUNT; abi++)
		for (i = 0; i < ARRAY_SIZE(twin_calls); i++)
			if ((k = key_nr((enum sc_abi)abi, twin_calls[i])) >= 0)
				key_add(&twin_keys[abi], (unsigned)k);
}

static void lower_twin(const struct policy *p, enum sc_abi abi, unsigned k,
		       const struct lower_state *st, struct sc_plan *pl)
{
	if (!policy_has_fs_rules(p))
		return;
	pthread_once(&twin_once, twin_build);
	if (!key_has(&twin_keys[abi], k) || pl->kind == PLAN_TRACE)
		return;
	if (!never_refused(pl, st->def))
		set_trace(pl, "jail runs checked path calls through it", NULL);
}

static int lower_abi(const struct policy *p, unsigned flags, enum sc_abi abi,
		     struct lowered *lo)
{
	struct lower_state st = { .p = p, .flags = flags,
				  .def = lo->def_act[abi],
				  .pdef = kernel_action(p->def, p->def_err,
							flags) };
	struct sc_plan *plan = lo->plan[abi];
	unsigned k;
	int rc = 0;

	lo->lib_unknown[abi] = false;
	for (k = 0; k < KEY_COUNT; k++) {
		free(plan[k].ent);
		plan[k] = (struct sc_plan){ .kind = PLAN_DEFAULT };
		if (!key_exists(abi, k))
			continue;
		rc = lower_key(&st, abi, k, &plan[k]);
		if (rc < 0)
			goto out;
		lower_twin(p, abi, k, &st, &plan[k]);
	}
	if (abi == ABI_I386) {
		lower_family(p, plan, false);
		lower_family(p, plan, true);
	}
	for (k = 0; k < KEY_COUNT; k++) {
		struct sc_plan *pl = &plan[k];

		if (pl->kind == PLAN_DEFAULT || lib_knows(abi, k))
			continue;
		if (k < KEY_NR_MAX && (pl->kind == PLAN_TRACE ||
				       (pl->nent == 1 && !pl->ent[0].ncmp)))
			pl->raw = true;
		else
			lo->lib_unknown[abi] = true;
	}
out:
	free(st.l);
	return rc;
}

int policy_lower(const struct policy *p, unsigned flags, struct lowered *lo)
{
	int abi, rc;

	memset(lo, 0, sizeof(*lo));
	for (abi = 0; abi < ABI_COUNT; abi++) {
		lo->plan[abi] = calloc(KEY_COUNT, sizeof(struct sc_plan));
		if (!lo->plan[abi]) {
			lowered_free(lo);
			return -ENOMEM;
		}
		lo->def_act[abi] = kernel_action(p->def, p->def_err, flags);
		rc = lower_abi(p, flags, abi, lo);
		/* a syscall libseccomp cannot name keeps the default's
		 * answer in the kernel: send the ABI's default to the
		 * tracer, which knows better */
		if (rc == 0 && lo->lib_unknown[abi] &&
		    lo->def_act[abi] != SCMP_ACT_TRACE(0)) {
			lo->def_act[abi] = SCMP_ACT_TRACE(0);
			rc = lower_abi(p, flags, abi, lo);
		}
		if (rc < 0) {
			lowered_free(lo);
			return rc;
		}
	}
	return 0;
}

void lowered_free(struct lowered *lo)
{
	unsigned k;
	int abi;

	for (abi = 0; abi < ABI_COUNT; abi++) {
		if (!lo->plan[abi])
			continue;
		for (k = 0; k < KEY_COUNT; k++)
			free(lo->plan[abi][k].ent);
		free(lo->plan[abi]);
		lo->plan[abi] = NULL;
	}
}

/* --- emit --- */

static int add_rule(scmp_filter_ctx ctx, uint32_t def, int nr,
		    const struct kent *e)
{
	struct scmp_arg_cmp cmp[6];
	size_t i;

	if (e->act == def)
		return 0;
	for (i = 0; i < e->ncmp; i++)
		cmp[i] = (struct scmp_arg_cmp){
			.arg = e->cmp[i].arg,
			.op = e->cmp[i].op,
			.datum_a = e->cmp[i].op == SCMP_CMP_MASKED_EQ ?
					   e->cmp[i].mask : e->cmp[i].val,
			.datum_b = e->cmp[i].op == SCMP_CMP_MASKED_EQ ?
					   e->cmp[i].val : 0,
		};
	return seccomp_rule_add_array(ctx, e->act, nr, (unsigned)e->ncmp, cmp);
}

/* The number libseccomp wants for key k: native (x86_64) numbers, which
 * it translates by name for i386. */
static int lib_nr(enum sc_abi abi, unsigned k)
{
	const char *name;

	if (abi == ABI_X86_64)
		return (int)k;
	name = key_name(abi, k);
	return name ? seccomp_syscall_resolve_name(name) : __NR_SCMP_ERROR;
}

static int emit_plan(scmp_filter_ctx ctx, const struct lowered *lo,
		     enum sc_abi abi, unsigned k, struct strbuf *err)
{
	const struct sc_plan *pl = &lo->plan[abi][k];
	uint32_t def = lo->def_act[abi];
	struct kent trace = { .act = SCMP_ACT_TRACE(0) };
	int nr = lib_nr(abi, k), rc = 0;
	size_t i;

	if (pl->kind == PLAN_DEFAULT || pl->raw || !lib_knows(abi, k))
		return 0;	/* the prologue, or the default (TRACE) */
	if (nr == __NR_SCMP_ERROR)
		return 0;
	if (pl->kind == PLAN_TRACE)
		rc = add_rule(ctx, def, nr, &trace);
	for (i = 0; pl->kind == PLAN_KERNEL && i < pl->nent && rc == 0; i++)
		rc = add_rule(ctx, def, nr, &pl->ent[i]);
	if (rc < 0 && err)
		sb_printf(err, "libseccomp refused a rule for %s (%s): %s\n",
			  key_name(abi, k), abi_name(abi), strerror(-rc));
	return rc;
}

int emit_ctx(const struct lowered *lo, enum sc_abi abi, void **out,
	     struct strbuf *err)
{
	uint32_t arch = abi == ABI_X86_64 ? SCMP_ARCH_X86_64 : SCMP_ARCH_X86;
	scmp_filter_ctx ctx;
	bool is_ipc;
	unsigned k;
	int rc;

	*out = NULL;
	ctx = seccomp_init(lo->def_act[abi]);
	if (!ctx)
		return -ENOMEM;
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
			      SCMP_ACT_KILL_PROCESS);
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc == 0 && arch != seccomp_arch_native()) {
		rc = seccomp_arch_add(ctx, arch);
		if (rc == 0)
			rc = seccomp_arch_remove(ctx, SCMP_ARCH_NATIVE);
	}
	if (rc < 0) {
		if (err)
			sb_printf(err, "libseccomp: %s\n", strerror(-rc));
		goto out;
	}
	/* i386 families: the multiplexer first, so that an unconditional
	 * TRACE on it is in place before libseccomp muxes the direct
	 * calls' rules into it */
	if (abi == ABI_I386) {
		rc = emit_plan(ctx, lo, abi, I386_NR_SOCKETCALL, err);
		if (rc == 0)
			rc = emit_plan(ctx, lo, abi, I386_NR_IPC, err);
	}
	for (k = 0; k < KEY_COUNT && rc == 0; k++) {
		if (abi == ABI_I386 && mux_family(abi, k, &is_ipc)) {
			/* the direct call's rule covers its subcall: emit
			 * subcalls only where there is no direct call */
			const char *name = key_name(abi, k);

			if (k == I386_NR_SOCKETCALL || k == I386_NR_IPC)
				continue;
			if (k >= KEY_NR_MAX && systab_by_name(abi, name))
				continue;
		}
		rc = emit_plan(ctx, lo, abi, k, err);
	}
out:
	if (rc < 0) {
		seccomp_release(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

/* The prologue: the architecture, x32 numbers, the syscalls libseccomp
 * cannot name, then a jump into the ABI's own program:
 *
 *	ld arch; jeq X86_64 ? next : i386
 *	ld nr; jge X32_BIT ? kill : next; [jeq NR, ret ACT]...; ja A
 * i386:	jeq I386 ? next : kill
 *	ld nr; [jeq NR, ret ACT]...; ja B
 * kill:	ret KILL_PROCESS
 *	A...  B...
 */
struct raw {
	uint32_t nr, act;
};

static size_t raw_checks(const struct lowered *lo, enum sc_abi abi,
			 struct raw *v, size_t max)
{
	size_t n = 0;
	unsigned k;

	for (k = 0; k < KEY_NR_MAX; k++) {
		const struct sc_plan *pl = &lo->plan[abi][k];
		uint32_t act;

		if (!pl->raw)
			continue;
		act = pl->kind == PLAN_TRACE ? SCMP_ACT_TRACE(0) :
					       pl->ent[0].act;
		if (act != lo->def_act[abi] && n < max)
			v[n++] = (struct raw){ k, act };
	}
	return n;
}

/* POLICY_COMPILE_FAST_OPENS, right after the x32 check (A holds nr):
 * openat2 with a 24-byte how at the start of a page of the scratch
 * area's fast half and the path right after it is allowed (jail/scratch.h
 * says why that is safe); anything else reloads nr and goes on. */
enum { FAST_LEN = 19 };

static size_t emit_fast_opens(struct sock_filter *f)
{
	const uint32_t args = (uint32_t)offsetof(struct seccomp_data, args);
	/* the lower and upper halves of argument i (little-endian) */
#define LO(i) (args + 8u * (i))
#define HI(i) (args + 8u * (i) + 4u)
	/* each failed test jumps to the `ld nr` at FAST_LEN - 1 */
#define NO(at) ((uint8_t)(FAST_LEN - 1 - (at) - 1))
	const struct sock_filter prog[FAST_LEN] = {
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat2, 0, NO(0)),
		/* size == 24 */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, HI(3)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, NO(2)),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, LO(3)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 24, 0, NO(4)),
		/* how: a page of [SCRATCH_FAST, SCRATCH_END) */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, HI(2)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, NO(6)),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, LO(2)),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K,
			 (uint32_t)SCRATCH_FAST_MASK | (FAST_REC_SIZE - 1)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SCRATCH_FAST, 0, NO(9)),
		/* path == how + 24 */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, HI(1)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, NO(11)),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, LO(2)),
		BPF_STMT(BPF_MISC | BPF_TAX, 0),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, LO(1)),
		BPF_STMT(BPF_ALU | BPF_SUB | BPF_X, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 24, 0, NO(16)),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
	};
#undef LO
#undef HI
#undef NO

	memcpy(f, prog, sizeof(prog));
	return FAST_LEN;
}

static int stitch(const struct lowered *lo, unsigned flags,
		  const struct jail_bpf *a, const struct jail_bpf *b,
		  struct jail_bpf *out)
{
	/* at most 48 each, so that every jump to kill fits in 8 bits */
	struct raw ra[49], rb[49];
	size_t na = raw_checks(lo, ABI_X86_64, ra, ARRAY_SIZE(ra));
	size_t nb = raw_checks(lo, ABI_I386, rb, ARRAY_SIZE(rb));
	size_t fast = flags & POLICY_COMPILE_FAST_OPENS ? FAST_LEN : 0;
	/* x86_64: ld nr, jge, fast opens, raws, ja */
	size_t xa = 3 + fast + 2 * na;
	size_t ib = 3 + 2 * nb;		/* i386: jeq, ld nr, raws, ja */
	size_t pro = 2 + xa + ib + 1, kill = pro - 1;
	size_t len = pro + a->len + b->len, i, at = 0;
	struct sock_filter *f;

	out->insns = NULL;
	out->len = 0;
	if (na > 48 || nb > 48 || len > BPF_MAXINSNS)
		return -E2BIG;
	f = malloc(len * sizeof(*f));
	if (!f)
		return -ENOMEM;
	f[at++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		offsetof(struct seccomp_data, arch));
	f[at++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		AUDIT_ARCH_X86_64, 0, (uint8_t)xa);
	f[at++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		offsetof(struct seccomp_data, nr));
	f[at] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
		X32_SYSCALL_BIT, (uint8_t)(kill - at - 1), 0);
	at++;
	if (fast)
		at += emit_fast_opens(f + at);
	for (i = 0; i < na; i++) {
		f[at++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ |
			BPF_K, ra[i].nr, 0, 1);
		f[at++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
			ra[i].act);
	}
	f[at] = (struct sock_filter)BPF_STMT(BPF_JMP | BPF_JA,
		(uint32_t)(pro - at - 1));
	at++;
	f[at] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		AUDIT_ARCH_I386, 0, (uint8_t)(kill - at - 1));
	at++;
	f[at++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		offsetof(struct seccomp_data, nr));
	for (i = 0; i < nb; i++) {
		f[at++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ |
			BPF_K, rb[i].nr, 0, 1);
		f[at++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
			rb[i].act);
	}
	f[at] = (struct sock_filter)BPF_STMT(BPF_JMP | BPF_JA,
		(uint32_t)(pro + a->len - at - 1));
	at++;
	f[at++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
		SECCOMP_RET_KILL_PROCESS);
	assert(at == pro);
	memcpy(f + pro, a->insns, a->len * sizeof(*f));
	memcpy(f + pro + a->len, b->insns, b->len * sizeof(*f));
	out->insns = f;
	out->len = len;
	return 0;
}

int policy_compile(const struct policy *p, unsigned flags,
		   struct jail_bpf *out, struct strbuf *err)
{
	struct jail_bpf part[ABI_COUNT] = { { 0 } };
	struct lowered lo;
	void *ctx;
	int abi, rc;

	out->insns = NULL;
	out->len = 0;
	rc = policy_lower(p, flags, &lo);
	if (rc < 0) {
		if (err)
			sb_printf(err, "compiling the policy: %s\n",
				  strerror(-rc));
		return rc;
	}
	for (abi = 0; abi < ABI_COUNT && rc == 0; abi++) {
		rc = emit_ctx(&lo, abi, &ctx, err);
		if (rc < 0)
			break;
		rc = bpf_from_ctx(ctx, &part[abi]);
		seccomp_release(ctx);
		if (rc < 0 && err)
			sb_printf(err, "exporting the filter: %s\n",
				  strerror(-rc));
	}
	if (rc == 0) {
		rc = stitch(&lo, flags, &part[ABI_X86_64], &part[ABI_I386],
			    out);
		if (rc == -E2BIG && err)
			sb_printf(err, "the filter is too long (more than %d "
				       "instructions)\n", BPF_MAXINSNS);
	}
	for (abi = 0; abi < ABI_COUNT; abi++)
		bpf_free(&part[abi]);
	lowered_free(&lo);
	return rc;
}

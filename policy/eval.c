/* eval: the policy, decided in the tracer. Pure: the tracer resolves
 * paths and decodes addresses (struct policy_facts); this file only
 * compares.
 *
 * Two layers. Syscall rules decide the call itself: the first one whose
 * names and conditions match. fs.* and net.* rules decide its
 * requirements, each on its own: a path with one right (O_RDWR is two
 * requirements, read and write; rename is a write on each path), or a
 * socket address; the first rule that matches it decides, the default
 * when none does. The call gets the most severe of all these answers; a
 * call no syscall rule matches is decided by its requirements alone, and
 * by the default when it has none. So "allow mmap" does not let a
 * program map /home/x/evil.so executable when fs.exec rules say no.
 * A fs.read rule decides stat requirements (metadata) as well as read
 * ones; a fs.stat rule only those.
 *
 * Comparisons are the kernel's (compile.c emits the same): unsigned 64
 * bits, except on int arguments of x86_64 syscalls and on every i386
 * argument, where only the low 32 bits count (the kernel ignores the
 * rest, so must we: "deny socket if domain == AF_INET" is not bypassed
 * by garbage in the register's upper half).
 */
#include "policy/policy_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tracer/xlat.h"

static bool cond_test(const struct cond *c, bool narrow, uint64_t a)
{
	uint64_t v = c->val, m = c->mask;

	if (narrow) {
		a &= 0xffffffffull;
		m &= 0xffffffffull;
		if (fits32(v))
			v &= 0xffffffffull;
	}
	switch (c->op) {
	case CMP_EQ:
		return a == v;
	case CMP_NE:
		return a != v;
	case CMP_LT:
		return a < v;
	case CMP_LE:
		return a <= v;
	case CMP_GT:
		return a > v;
	case CMP_GE:
		return a >= v;
	case CMP_MASKED_EQ:
		return (a & m) == v;
	case CMP_MASKED_NE:
		return (a & m) != v;
	}
	return false;
}

/* known: bit i set when args[i] is known. A condition on an unknown
 * argument (socketcall's arguments unread, an ipc(2) argument in memory,
 * an argument this ABI's version of the syscall lacks) fails closed: it
 * holds for rules that refuse, not for rules that allow. */
static bool conds_hold_known(const struct rule *r, enum sc_abi abi,
			     unsigned k, const uint64_t args[6],
			     unsigned known)
{
	const struct sc_ent *e = key_ent(abi, k);
	size_t i;

	for (i = 0; i < r->nconds; i++) {
		const struct cond *c = &r->conds[i];
		int idx = cond_arg_index(e, c->arg);
		bool narrow;

		if (idx < 0 || !(known & (1u << idx))) {
			if (r->action >= POLICY_DENY)
				continue;
			return false;
		}
		narrow = abi == ABI_I386 || arg_is_narrow(e, idx);
		if (!cond_test(c, narrow, args[idx]))
			return false;
	}
	return true;
}

bool conds_hold(const struct rule *r, enum sc_abi abi, unsigned k,
		const uint64_t args[6])
{
	return conds_hold_known(r, abi, k, args, 0x3f);
}

enum req_kind { REQ_PATH, REQ_ADDR };

struct req {
	enum req_kind kind;
	const char *path;
	unsigned right;
	const struct policy_sockaddr *addr;
	enum net_op op;
};

struct call {
	const struct policy *p;
	enum sc_abi abi;
	unsigned key, sub;	/* KEY_COUNT: none */
	const uint64_t *args;
	uint64_t sargs[6];
	unsigned sknown;
};

static bool fs_rule_matches(const struct rule *r, const struct req *q)
{
	size_t i;

	if (q->kind != REQ_PATH || !(fs_covers(r->right) & q->right))
		return false;
	for (i = 0; i < r->npats; i++)
		if (glob_match(r->pats[i].pat, q->path, strlen(q->path)))
			return true;
	return false;
}

static bool net_rule_matches(const struct rule *r, const struct req *q)
{
	size_t i;

	if (q->kind != REQ_ADDR || q->op != r->nop)
		return false;
	for (i = 0; i < r->nnets; i++)
		if (netpat_match(&r->nets[i], q->addr))
			return true;
	return false;
}

/* The first syscall rule that matches the call, or -1. */
static long match_call(const struct call *c)
{
	const struct policy *p = c->p;
	size_t i;

	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		if (r->kind != RK_SYSCALL)
			continue;
		if (key_has(&r->keys[c->abi], c->key) &&
		    conds_hold(r, c->abi, c->key, c->args))
			return (long)i;
		if (key_has(&r->keys[c->abi], c->sub) &&
		    conds_hold_known(r, c->abi, c->sub, c->sargs, c->sknown))
			return (long)i;
	}
	return -1;
}

const struct rule *fs_stat_all(const struct policy *p)
{
	size_t i, j;

	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		if (r->kind != RK_FS || !(fs_covers(r->right) & POLICY_FS_STAT))
			continue;
		if (r->action != POLICY_ALLOW)
			return NULL;
		for (j = 0; j < r->npats; j++)
			if (strcmp(r->pats[j].pat, FS_PAT_ALL) == 0)
				return r;
		return NULL;
	}
	return NULL;
}

/* The first fs.* or net.* rule that matches requirement q, or -1. */
static long match_req(const struct policy *p, const struct req *q)
{
	const struct rule *all;
	size_t i;

	/* An object with no path (a pipe reached as /dev/fd/N, a memfd)
	 * matches no pattern. Its metadata is allowed by a rule that allows
	 * every path's, as the kernel does when it decides such calls
	 * (compile.c); otherwise the default decides. */
	if (q->kind == REQ_PATH && q->right == POLICY_FS_STAT &&
	    q->path[0] != '/') {
		all = fs_stat_all(p);
		return all ? all - p->rules : -1;
	}
	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		if ((r->kind == RK_FS && fs_rule_matches(r, q)) ||
		    (r->kind == RK_NET && net_rule_matches(r, q)))
			return (long)i;
	}
	return -1;
}

static void fill(const struct policy *p, long i, struct policy_decision *d)
{
	if (i < 0) {
		d->action = p->def;
		d->err = p->def == POLICY_DENY ? p->def_err : 0;
		d->origin = NULL;
		return;
	}
	d->action = p->rules[i].action;
	d->err = d->action == POLICY_DENY ? p->rules[i].err : 0;
	d->origin = p->rules[i].origin;
}

static const char *right_name(unsigned right)
{
	return right == POLICY_FS_READ ? "read" :
	       right == POLICY_FS_WRITE ? "write" :
	       right == POLICY_FS_STAT ? "stat" : "exec";
}

static void set_tip(const struct call *c, const struct req *q,
		    struct policy_decision *d)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name;

	d->tip[0] = '\0';
	if (d->action < POLICY_DENY)
		return;
	if (q && q->kind == REQ_PATH) {
		sb_printf(&sb, "allow fs.%s %s", right_name(q->right),
			  q->path);
	} else if (q) {
		sb_printf(&sb, "allow net.%s ",
			  q->op == NET_BIND ? "bind" : "connect");
		netaddr_format(&sb, q->addr);
	} else {
		name = c->sub < KEY_COUNT ? key_name(c->abi, c->sub) : NULL;
		if (!name && c->key < KEY_COUNT)
			name = key_name(c->abi, c->key);
		if (name)
			sb_printf(&sb, "allow %s", name);
	}
	if (!sb.oom && sb.len < sizeof(d->tip))
		memcpy(d->tip, sb_str(&sb), sb.len + 1);
	sb_free(&sb);
}

static void setup_mux(struct call *c, long nr, const uint64_t args[6],
		      const struct policy_facts *f)
{
	const int8_t *map;
	uint64_t call;
	int i;

	c->sub = KEY_COUNT;
	c->sknown = 0;
	if (c->abi != ABI_I386)
		return;
	if (nr == I386_NR_SOCKETCALL) {
		call = args[0];
		if (call < 32 && mux_sock_name((int)call)) {
			c->sub = KEY_SOCK_BASE + (unsigned)call;
			if (f && f->have_mux_args) {
				memcpy(c->sargs, f->mux_args, sizeof(c->sargs));
				c->sknown = 0x3f;
			}
		}
	} else if (nr == I386_NR_IPC) {
		call = args[0] & 0xffff;
		map = call < 32 ? mux_ipc_argmap((int)call) : NULL;
		if (map) {
			c->sub = KEY_IPC_BASE + (unsigned)call;
			for (i = 0; i < 6; i++)
				if (map[i] >= 0) {
					c->sargs[i] = args[map[i]];
					c->sknown |= 1u << i;
				}
		}
	}
}

int policy_eval_syscall(const struct policy *p, enum sc_abi abi, long nr,
			const uint64_t args[6], const struct policy_facts *f,
			struct policy_decision *d)
{
	struct req reqs[2 * 4 + 64];
	const struct req *worst_q = NULL;
	struct call c = { .p = p, .abi = abi, .args = args };
	const struct net_access *na;
	struct policy_decision one;
	size_t n = 0, i;
	unsigned bit;
	long cr;
	bool mux;

	memset(d, 0, sizeof(*d));
	if (abi >= ABI_COUNT) {
		d->action = POLICY_KILL;
		return -EINVAL;
	}
	c.key = nr >= 0 && nr < KEY_NR_MAX ? (unsigned)nr : KEY_COUNT;
	setup_mux(&c, nr, args, f);
	/* requirements count only where the policy has rules of their
	 * kind: the answer must not depend on what the tracer chose to
	 * resolve */
	for (i = 0; p->has_fs && f && i < f->npaths && i < 2; i++)
		for (bit = POLICY_FS_READ; bit <= POLICY_FS_STAT; bit <<= 1)
			if ((f->paths[i].rights & bit) && f->paths[i].path)
				reqs[n++] = (struct req){
					.kind = REQ_PATH,
					.path = f->paths[i].path,
					.right = bit,
				};
	na = policy_net_access(abi, nr, args, &mux);
	for (i = 0; p->has_net && f && i < f->naddrs &&
		    n < ARRAY_SIZE(reqs); i++)
		reqs[n++] = (struct req){
			.kind = REQ_ADDR,
			.addr = &f->addrs[i],
			.op = na ? na->op : NET_CONNECT,
		};
	cr = match_call(&c);
	if (cr >= 0 || n == 0)
		fill(p, cr, d);
	for (i = 0; i < n; i++) {
		fill(p, match_req(p, &reqs[i]), &one);
		if ((i == 0 && cr < 0) || one.action > d->action) {
			*d = one;
			worst_q = &reqs[i];
		}
	}
	set_tip(&c, worst_q, d);
	return 0;
}

int policy_eval_signal(const struct policy *p, int sig,
		       struct policy_decision *d)
{
	size_t i;
	const char *name;

	memset(d, 0, sizeof(*d));
	d->action = POLICY_ALLOW;
	if (sig < 1 || sig > 64)
		return -EINVAL;
	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];

		if (r->kind != RK_SIGNAL || !(r->sigs >> (sig - 1) & 1))
			continue;
		d->action = r->action;
		d->err = r->action == POLICY_DENY ? r->err : 0;
		d->origin = r->origin;
		break;
	}
	if (d->action >= POLICY_DENY) {
		name = signal_name(sig);
		if (name)
			snprintf(d->tip, sizeof(d->tip), "allow signal %s",
				 name);
		else
			snprintf(d->tip, sizeof(d->tip), "allow signal %d",
				 sig);
	}
	return 0;
}

/* check: the `jail --check` report.
 *
 * Where each syscall the policy names is decided (kernel or tracer, and
 * by which rules), the signals, the warnings, and the pseudo-code
 * libseccomp made, so a policy can be reviewed without running anything.
 */
#include "policy/policy_int.h"

#include <errno.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tracer/xlat.h"

static void put_act(struct strbuf *sb, uint32_t act)
{
	const char *e;

	switch (act & SECCOMP_RET_ACTION_FULL) {
	case SCMP_ACT_ALLOW:
		sb_puts(sb, "allow");
		return;
	case SCMP_ACT_KILL_PROCESS:
		sb_puts(sb, "kill");
		return;
	case SCMP_ACT_ERRNO(0):
		e = errno_name((int)(act & 0xffff));
		if (e)
			sb_printf(sb, "deny(%s)", e);
		else
			sb_printf(sb, "deny(%u)", act & 0xffff);
		return;
	case SCMP_ACT_TRACE(0):
		sb_puts(sb, "tracer");
		return;
	}
	sb_printf(sb, "%#x", act);
}

static void put_cmp(struct strbuf *sb, const struct kcmp *c)
{
	static const char *const ops[] = {
		[SCMP_CMP_NE] = "!=", [SCMP_CMP_LT] = "<",
		[SCMP_CMP_LE] = "<=", [SCMP_CMP_EQ] = "==",
		[SCMP_CMP_GE] = ">=", [SCMP_CMP_GT] = ">",
		[SCMP_CMP_MASKED_EQ] = "==",
	};

	if (c->op == SCMP_CMP_MASKED_EQ)
		sb_printf(sb, "arg%u & %#llx == %#llx", c->arg,
			  (unsigned long long)c->mask,
			  (unsigned long long)c->val);
	else
		sb_printf(sb, "arg%u %s %#llx", c->arg,
			  c->op < ARRAY_SIZE(ops) && ops[c->op] ? ops[c->op] :
								  "?",
			  (unsigned long long)c->val);
}

static void put_plan(struct strbuf *sb, const struct lowered *lo,
		     enum sc_abi abi, const struct sc_plan *pl)
{
	size_t i, j;

	if (pl->kind == PLAN_TRACE) {
		sb_printf(sb, "tracer: %s", pl->why);
		if (pl->why_rule)
			sb_printf(sb, " (%s)", pl->why_rule->origin);
		return;
	}
	sb_puts(sb, "kernel: ");
	for (i = 0; i < pl->nent; i++) {
		const struct kent *e = &pl->ent[i];

		if (i)
			sb_puts(sb, "; ");
		put_act(sb, e->act);
		for (j = 0; j < e->ncmp; j++) {
			sb_puts(sb, j ? " and " : " if ");
			put_cmp(sb, &e->cmp[j]);
		}
		sb_printf(sb, " (%s)", e->r ? e->r->origin : "default");
	}
	if (pl->nent && pl->ent[pl->nent - 1].ncmp) {
		sb_puts(sb, "; else ");
		put_act(sb, lo->def_act[abi]);
		sb_puts(sb, " (default)");
	}
	if (pl->stat_all)
		sb_printf(sb, " [needs only the stat right: %s allows every "
			      "path]", pl->stat_all->origin);
}

bool policy_names_key(const struct policy *p, enum sc_abi abi, unsigned k)
{
	size_t i;

	for (i = 0; i < p->nrules; i++)
		if (p->rules[i].kind == RK_SYSCALL &&
		    key_has(&p->rules[i].keys[abi], k))
			return true;
	return false;
}

/* One line per distinct decision, then the syscalls it applies to. */
struct group {
	struct strbuf what, names;
	size_t col;
};

static void report_syscalls(struct strbuf *sb, const struct policy *p,
			    const struct lowered *lo)
{
	struct group *g = calloc(KEY_COUNT, sizeof(*g));
	struct strbuf what = STRBUF_INIT;
	size_t ng, i;
	unsigned k;
	int abi;

	if (!g) {
		sb->oom = true;
		return;
	}
	for (abi = 0; abi < ABI_COUNT; abi++) {
		sb_printf(sb, "\n%s (filter default: ", abi_name(abi));
		put_act(sb, lo->def_act[abi]);
		if (lo->lib_unknown[abi])
			sb_puts(sb, ", because libseccomp cannot name a "
				    "syscall the policy decides");
		sb_puts(sb, "):\n");
		ng = 0;
		for (k = 0; k < KEY_COUNT; k++) {
			const struct sc_plan *pl = &lo->plan[abi][k];
			const char *name = key_name(abi, k);

			if (!name || (pl->kind == PLAN_DEFAULT &&
				      !policy_names_key(p, abi, k)))
				continue;
			sb_reset(&what);
			if (pl->kind == PLAN_DEFAULT) {
				sb_puts(&what, "kernel: the default, ");
				put_act(&what, lo->def_act[abi]);
			} else {
				put_plan(&what, lo, abi, pl);
			}
			if (pl->raw)
				sb_puts(&what, " [in jail's prologue: "
					       "libseccomp cannot name it]");
			for (i = 0; i < ng; i++)
				if (strcmp(sb_str(&g[i].what),
					   sb_str(&what)) == 0)
					break;
			if (i == ng)
				sb_puts(&g[ng++].what, sb_str(&what));
			sb_reset(&what);
			if (k >= KEY_NR_MAX)
				sb_printf(&what, "%s:", k < KEY_IPC_BASE ?
						"socketcall" : "ipc");
			sb_puts(&what, name);
			if (g[i].col && g[i].col + what.len > 70) {
				sb_puts(&g[i].names, "\n   ");
				g[i].col = 0;
			}
			g[i].col += what.len + 1;
			sb_printf(&g[i].names, " %s", sb_str(&what));
		}
		for (i = 0; i < ng; i++) {
			sb_printf(sb, "  %s\n   %s\n", sb_str(&g[i].what),
				  sb_str(&g[i].names));
			sb_free(&g[i].what);
			sb_free(&g[i].names);
			g[i].col = 0;
		}
	}
	sb_free(&what);
	free(g);
}

static void report_signals(struct strbuf *sb, const struct policy *p)
{
	struct policy_decision d;
	bool any = false;
	int sig;

	for (sig = 1; sig <= 64; sig++) {
		const char *name;

		policy_eval_signal(p, sig, &d);
		if (!d.origin)
			continue;
		if (!any)
			sb_puts(sb, "\nsignals (the others are delivered):\n");
		any = true;
		name = signal_name(sig);
		if (name)
			sb_printf(sb, "  %-22s ", name);
		else
			sb_printf(sb, "  %-22d ", sig);
		sb_printf(sb, "%s (%s)\n", policy_action_name(d.action),
			  d.origin);
	}
}

static int warn(struct strbuf *sb, const char *origin, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int warn(struct strbuf *sb, const char *origin, const char *fmt, ...)
{
	va_list ap;

	sb_printf(sb, "%s: warning: ", origin);
	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
	sb_putc(sb, '\n');
	return 1;
}

/* The earliest unconditional syscall rule before rule i with key k. */
static const struct rule *shadow_of(const struct policy *p, size_t i,
				    enum sc_abi abi, unsigned k)
{
	size_t j;

	for (j = 0; j < i; j++) {
		const struct rule *r = &p->rules[j];

		if (r->kind == RK_SYSCALL && !r->nconds &&
		    key_has(&r->keys[abi], k))
			return r;
	}
	return NULL;
}

static int warn_shadowed(struct strbuf *sb, const struct policy *p)
{
	int nw = 0, abi;
	size_t i, j;
	unsigned k;

	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i], *by = NULL;
		bool all = true, any = false;

		if (r->kind == RK_SIGNAL) {
			uint64_t before = 0;

			for (j = 0; j < i; j++)
				if (p->rules[j].kind == RK_SIGNAL) {
					before |= p->rules[j].sigs;
					by = &p->rules[j];
				}
			if (r->sigs && (r->sigs & ~before) == 0)
				nw += warn(sb, r->origin, "every signal of this "
					   "rule is decided earlier (last at %s)",
					   by->origin);
			continue;
		}
		if (r->kind != RK_SYSCALL)
			continue;
		for (abi = 0; abi < ABI_COUNT; abi++)
			for (k = 0; k < KEY_COUNT; k++) {
				const struct rule *s;

				if (!key_has(&r->keys[abi], k))
					continue;
				any = true;
				s = shadow_of(p, i, abi, k);
				if (!s)
					all = false;
				else if (!by)
					by = s;
			}
		if (any && all) {
			nw += warn(sb, r->origin, "rule is shadowed: every "
				   "syscall it names is decided earlier "
				   "(first by %s)", by->origin);
			continue;
		}
		/* names written out, not group members: groups overlap by
		 * design */
		for (j = 0; j < r->nnames; j++) {
			const char *nm = r->names[j].name;
			const struct rule *s = NULL;

			if (nm[0] == '@')
				continue;
			for (abi = 0; abi < ABI_COUNT && !s; abi++) {
				const struct sc_ent *e = systab_by_name(abi, nm);

				if (e && e->nr >= 0 && e->nr < KEY_NR_MAX)
					s = shadow_of(p, i, abi,
						      (unsigned)e->nr);
			}
			if (s)
				nw += warn(sb, r->origin, "%s is already "
					   "decided by %s", nm, s->origin);
		}
	}
	return nw;
}

static bool takes_path(const struct sc_ent *e)
{
	int i;

	for (i = 0; i < e->nargs; i++)
		if (e->args[i].type == SA_PATH)
			return true;
	return false;
}

/* Syscalls that take paths the fs.* rules do not look at (mount,
 * open_by_handle_at, ...), allowed while fs.* rules exist. */
static int warn_unchecked_paths(struct strbuf *sb, const struct policy *p)
{
	int nw = 0, abi;
	size_t i;
	unsigned k;

	if (!p->has_fs)
		return 0;
	for (i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];
		struct strbuf names = STRBUF_INIT;
		const char *seen[64];
		size_t nseen = 0, j;

		if (r->kind != RK_SYSCALL || r->action >= POLICY_DENY)
			continue;
		for (abi = 0; abi < ABI_COUNT; abi++)
			for (k = 0; k < KEY_NR_MAX; k++) {
				const struct sc_ent *e;

				if (!key_has(&r->keys[abi], k))
					continue;
				e = systab_by_nr(abi, k);
				if (!e || !takes_path(e) ||
				    policy_fs_access(abi, k))
					continue;
				for (j = 0; j < nseen; j++)
					if (strcmp(seen[j], e->name) == 0)
						break;
				if (j < nseen || nseen == ARRAY_SIZE(seen))
					continue;
				seen[nseen++] = e->name;
				sb_printf(&names, "%s%s", names.len ? ", " : "",
					  e->name);
			}
		if (names.len)
			nw += warn(sb, r->origin, "this rule lets through %s, "
				   "which take%s paths that fs.* rules do not "
				   "check", sb_str(&names),
				   nseen == 1 ? "s" : "");
		sb_free(&names);
	}
	return nw;
}

static int warn_unsafe(struct strbuf *sb, const struct policy *p)
{
	int nw = 0;
	unsigned bit;
	char origin[4200];

	for (bit = 0; bit < 16; bit++) {
		const struct where *w = &p->unsafe_at[bit];

		if (!(p->unsafe & (1u << bit)))
			continue;
		snprintf(origin, sizeof(origin), "%s:%d", w->file, w->line);
		nw += warn(sb, origin, "allow-unsafe %s loosens jail's "
			   "baseline", policy_unsafe_name(1u << bit));
	}
	return nw;
}

/* libseccomp's pseudo-code for one ABI, through a memfd. */
static int put_pfc(struct strbuf *sb, const struct lowered *lo,
		   enum sc_abi abi)
{
	struct strbuf err = STRBUF_INIT;
	char buf[4096];
	void *ctx;
	ssize_t n;
	off_t off = 0;
	int fd, rc;

	rc = emit_ctx(lo, abi, &ctx, &err);
	if (rc < 0) {
		sb_printf(sb, "(%s)\n", sb_str(&err));
		sb_free(&err);
		return rc;
	}
	sb_free(&err);
	fd = memfd_create("jail-pfc", MFD_CLOEXEC);
	if (fd < 0) {
		rc = -errno;
		goto out;
	}
	rc = seccomp_export_pfc(ctx, fd);
	while (rc == 0 && (n = pread(fd, buf, sizeof(buf), off)) > 0) {
		sb_append(sb, buf, (size_t)n);
		off += n;
	}
	close(fd);
out:
	seccomp_release(ctx);
	return rc;
}

int policy_check(const struct policy *p, unsigned flags, struct strbuf *out)
{
	struct lowered lo;
	struct strbuf w = STRBUF_INIT;
	size_t i;
	int nw = 0, abi, rc;

	rc = policy_lower(p, flags, &lo);
	if (rc < 0)
		return rc;
	sb_printf(out, "policy: %s (%zu rules)\n", p->files[0], p->nrules);
	sb_puts(out, "default: ");
	sb_puts(out, policy_action_name(p->def));
	if (p->def == POLICY_DENY)
		sb_printf(out, "(%s)", errno_name(p->def_err) ?
				       errno_name(p->def_err) : "?");
	if (p->has_default)
		sb_printf(out, " (%s:%d)\n", p->def_at.file, p->def_at.line);
	else
		sb_puts(out, " (not set: deny)\n");
	sb_puts(out, "capabilities kept:");
	for (i = 0; i < p->ncaps; i++) {
		char *nm = cap_to_name((cap_value_t)p->caps[i]);

		sb_printf(out, " %s", nm ? nm : "?");
		cap_free(nm);
	}
	sb_puts(out, p->ncaps ? "\n" : " none\n");
	report_syscalls(out, p, &lo);
	report_signals(out, p);

	nw += warn_shadowed(&w, p);
	nw += warn_unchecked_paths(&w, p);
	nw += warn_unsafe(&w, p);
	sb_printf(out, "\n%d warning%s\n", nw, nw == 1 ? "" : "s");
	sb_puts(out, sb_str(&w));
	sb_free(&w);

	for (abi = 0; abi < ABI_COUNT; abi++) {
		sb_printf(out, "\nlibseccomp pseudo-code, %s:\n", abi_name(abi));
		rc = put_pfc(out, &lo, abi);
		if (rc < 0)
			break;
	}
	lowered_free(&lo);
	if (out->oom)
		return -ENOMEM;
	return rc < 0 ? rc : nw;
}

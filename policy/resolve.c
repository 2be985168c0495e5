/* resolve: what the words of a rule stand for.
 *
 * Syscall names and @groups become key sets per ABI (a name missing on one
 * ABI is fine when the other has it); condition arguments are checked
 * against every syscall of the rule; values become numbers; ${VARS} are
 * expanded and patterns canonicalized.
 */
#include "policy/policy_int.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/xlat.h"

#define ERRAT(rc_, col_, ...) pol_err(err, (rc_)->file, (rc_)->line, (col_), \
				      __VA_ARGS__)

/* Add name's keys; false when neither ABI knows it. */
static bool add_name(struct rule *r, const char *name)
{
	bool found = false;
	int abi, c;

	for (abi = 0; abi < ABI_COUNT; abi++) {
		const struct sc_ent *e = systab_by_name(abi, name);

		if (e && e->nr >= 0 && e->nr < KEY_NR_MAX) {
			key_add(&r->keys[abi], (unsigned)e->nr);
			found = true;
		}
	}
	c = mux_sock_call(name);
	if (c > 0) {
		key_add(&r->keys[ABI_I386], KEY_SOCK_BASE + (unsigned)c);
		found = true;
	}
	c = mux_ipc_call(name);
	if (c > 0) {
		key_add(&r->keys[ABI_I386], KEY_IPC_BASE + (unsigned)c);
		found = true;
	}
	return found;
}

static void add_known(struct rule *r)
{
	size_t i;
	int abi, c;

	for (abi = 0; abi < ABI_COUNT; abi++)
		for (i = 0; i < systab_count(abi); i++) {
			const struct sc_ent *e = systab_at(abi, i);

			if (e && e->nr >= 0 && e->nr < KEY_NR_MAX)
				key_add(&r->keys[abi], (unsigned)e->nr);
		}
	for (c = 1; mux_sock_name(c); c++)
		key_add(&r->keys[ABI_I386], KEY_SOCK_BASE + (unsigned)c);
	for (c = 1; c < 32; c++)
		if (mux_ipc_name(c))
			key_add(&r->keys[ABI_I386], KEY_IPC_BASE + (unsigned)c);
}

static void add_group(struct rule *r, const struct sc_group *g, int depth)
{
	size_t i;

	if (!g->members) {
		add_known(r);
		return;
	}
	/* the table is static and acyclic; the bound is a seatbelt */
	if (depth > 8)
		return;
	for (i = 0; g->members[i]; i++) {
		const char *m = g->members[i];

		if (m[0] == '@') {
			const struct sc_group *sub = group_find(m);

			if (sub)
				add_group(r, sub, depth + 1);
		} else {
			/* other architectures' names are fine here */
			add_name(r, m);
		}
	}
}

int resolve_syscall_name(struct rule *r, const char *name, int col,
			 const struct resolve_ctx *rc, struct strbuf *err)
{
	const char *sug;

	if (name[0] == '@') {
		const struct sc_group *g = group_find(name);

		if (!g) {
			ERRAT(rc, col, "unknown group \"%s\"", name);
			sug = group_suggest(name);
			if (sug && err && err->len) {
				err->len--;
				sb_printf(err, ", did you mean \"%s\"?\n", sug);
			}
			return -EINVAL;
		}
		add_group(r, g, 0);
		return 0;
	}
	if (add_name(r, name))
		return 0;
	ERRAT(rc, col, "unknown syscall \"%s\"", name);
	sug = systab_suggest(ABI_X86_64, name);
	if (!sug)
		sug = systab_suggest(ABI_I386, name);
	if (sug && err && err->len) {
		err->len--;
		sb_printf(err, ", did you mean \"%s\"?\n", sug);
	}
	return -EINVAL;
}

int cond_arg_index(const struct sc_ent *e, const char *name)
{
	int i;

	if (strncmp(name, "arg", 3) == 0 && name[3] >= '0' && name[3] <= '5' &&
	    name[4] == '\0') {
		i = name[3] - '0';
		return !e || i < e->nargs ? i : -1;
	}
	if (!e)
		return -1;
	i = systab_arg_index(e, name);
	return i >= 0 && i < e->nargs ? i : -1;
}

bool arg_is_narrow(const struct sc_ent *e, int i)
{
	if (!e || i < 0 || i >= e->nargs)
		return false;
	/* systab's INT UINT FD PID UID SIGNO MODE are C ints; an enum is
	 * one too (ioctl's request, fcntl's cmd, socket's domain...) */
	switch (e->args[i].type) {
	case SA_INT:
	case SA_UINT:
	case SA_FD:
	case SA_DIRFD:
	case SA_MODE:
	case SA_SIG:
	case SA_PID:
	case SA_UID:
	case SA_ENUM:
		return true;
	default:
		return false;
	}
}

/* The key of the syscall of the same name on the other ABI. */
static unsigned other_key(enum sc_abi abi, unsigned k)
{
	const char *name = key_name(abi, k);
	const struct sc_ent *e;

	if (!name)
		return KEY_COUNT;
	e = systab_by_name(abi == ABI_X86_64 ? ABI_I386 : ABI_X86_64, name);
	return e && e->nr >= 0 && e->nr < KEY_NR_MAX ? (unsigned)e->nr :
						      KEY_COUNT;
}

int resolve_cond_args(struct rule *r, const struct resolve_ctx *rc,
		      struct strbuf *err)
{
	size_t c;
	unsigned k;
	int abi;

	for (c = 0; c < r->nconds; c++) {
		const struct cond *cd = &r->conds[c];

		for (abi = 0; abi < ABI_COUNT; abi++)
			for (k = 0; k < KEY_COUNT; k++) {
				const struct sc_ent *e;
				const char *name;

				if (!key_has(&r->keys[abi], k))
					continue;
				e = key_ent(abi, k);
				if (cond_arg_index(e, cd->arg) >= 0)
					continue;
				/* fine when the same syscall on the other
				 * ABI has it (i386's old mmap takes its
				 * arguments in memory): there the condition
				 * is unknown, and fails closed */
				name = key_name(abi, k);
				if (name && other_key(abi, k) < KEY_COUNT &&
				    cond_arg_index(key_ent(abi == ABI_X86_64 ?
							   ABI_I386 : ABI_X86_64,
						   other_key(abi, k)),
						   cd->arg) >= 0)
					continue;
				if (e && strncmp(cd->arg, "arg", 3) == 0 &&
				    cond_arg_index(NULL, cd->arg) >= 0)
					ERRAT(rc, cd->col, "%s takes %d "
					      "argument%s, there is no %s",
					      name, e->nargs,
					      e->nargs == 1 ? "" : "s",
					      cd->arg);
				else
					ERRAT(rc, cd->col, "%s has no argument "
					      "\"%s\"", name ? name : "?",
					      cd->arg);
				return -EINVAL;
			}
	}
	return 0;
}

/* The constant table of argument arg in the first syscall of r that has
 * one: "cmd == F_GETFL" reads fcntl's table before the global one. */
static const struct xlat *arg_table(const struct rule *r, const char *arg)
{
	unsigned k;
	int abi, i;

	for (abi = 0; abi < ABI_COUNT; abi++)
		for (k = 0; k < KEY_COUNT; k++) {
			const struct sc_ent *e;

			if (!key_has(&r->keys[abi], k))
				continue;
			e = key_ent(abi, k);
			i = cond_arg_index(e, arg);
			if (e && i >= 0 && e->args[i].xl)
				return e->args[i].xl;
		}
	return NULL;
}

static int parse_number(const char *s, uint64_t *val)
{
	bool neg = s[0] == '-';
	unsigned long long v;
	char *end;

	if (neg)
		s++;
	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (*end || errno)
		return -EINVAL;
	if (neg && v > (1ull << 63))
		return -EINVAL;
	*val = neg ? (uint64_t)0 - v : v;
	return 0;
}

int resolve_value(const struct rule *r, const char *arg, const char *text,
		  int col, uint64_t *val, const struct resolve_ctx *rc,
		  struct strbuf *err)
{
	const struct xlat *xl;
	const char *sug;
	int v;

	if ((text[0] >= '0' && text[0] <= '9') || text[0] == '-') {
		if (parse_number(text, val) == 0)
			return 0;
		ERRAT(rc, col, "bad number \"%s\"", text);
		return -EINVAL;
	}
	xl = r ? arg_table(r, arg) : NULL;
	if (xl && xlat_parse_in(xl, text, val) == 0)
		return 0;
	if (xlat_parse(text, val) == 0)
		return 0;
	v = errno_parse(text);
	if (v > 0) {
		*val = (uint64_t)v;
		return 0;
	}
	v = signal_parse(text);
	if (v > 0) {
		*val = (uint64_t)v;
		return 0;
	}
	ERRAT(rc, col, "unknown constant \"%s\"", text);
	sug = xlat_suggest(text);
	if (sug && err && err->len) {
		err->len--;
		sb_printf(err, ", did you mean \"%s\"?\n", sug);
	}
	return -EINVAL;
}

static const char *var_value(const struct resolve_ctx *rc, const char *name,
			     size_t len, bool *builtin)
{
	size_t i;

	*builtin = false;
	if (rc->vars)
		for (i = 0; i < rc->vars->n; i++)
			if (strlen(rc->vars->v[i].name) == len &&
			    strncmp(rc->vars->v[i].name, name, len) == 0)
				return rc->vars->v[i].value;
	*builtin = true;
	if (len == 3 && strncmp(name, "CWD", 3) == 0)
		return rc->cwd;
	if (len == 4 && strncmp(name, "HOME", 4) == 0)
		return rc->home;
	if (len == 6 && strncmp(name, "TMPDIR", 6) == 0)
		return rc->tmpdir;
	*builtin = false;
	return NULL;
}

int resolve_vars(const char *text, int col, char **out,
		 const struct resolve_ctx *rc, struct strbuf *err)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = text, *close, *v;
	bool builtin;
	int rc_ = 0;

	*out = NULL;
	while (*p) {
		if (p[0] != '$' || p[1] != '{') {
			sb_putc(&sb, *p++);
			continue;
		}
		close = strchr(p + 2, '}');
		if (!close) {
			ERRAT(rc, col + (int)(p - text), "unclosed \"${\"");
			rc_ = -EINVAL;
			goto out;
		}
		v = var_value(rc, p + 2, (size_t)(close - p - 2), &builtin);
		if (!v) {
			int n = (int)(close - p - 2);

			if (builtin)
				ERRAT(rc, col + (int)(p - text),
				      "variable ${%.*s} is not set", n, p + 2);
			else
				ERRAT(rc, col + (int)(p - text),
				      "unknown variable ${%.*s}; define it "
				      "with -D %.*s=VALUE", n, p + 2, n, p + 2);
			rc_ = -EINVAL;
			goto out;
		}
		sb_puts(&sb, v);
		p = close + 1;
	}
	if (sb.oom) {
		rc_ = -ENOMEM;
		goto out;
	}
	*out = sb.buf ? sb.buf : strdup("");
	if (!*out)
		rc_ = -ENOMEM;
	sb.buf = NULL;
out:
	sb_free(&sb);
	return rc_;
}

static bool has_meta(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr("*?[\\", s[i]))
			return true;
	return false;
}

/* "//" -> "/", "/./" -> "/", no trailing "/" or "/.". In place. */
static void clean_slashes(char *s)
{
	char *w = s, *r = s;

	while (*r) {
		if (r[0] == '/' && (r[1] == '/' ||
				    (r[1] == '.' && (r[2] == '/' || !r[2])))) {
			r += r[1] == '/' ? 1 : 2;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	if (w - s > 1 && w[-1] == '/')
		w[-1] = '\0';
	if (!s[0])
		strcpy(s, "/");
}

int resolve_canon_pattern(char **pat)
{
	char *s = *pat, *real = NULL, *res;
	size_t end, fixed, cut;

	clean_slashes(s);
	/* the fixed directory prefix: components before the first one
	 * with a metacharacter, never the last component */
	fixed = 0;
	for (end = 1; s[end]; end++) {
		size_t c = end;

		while (s[end] && s[end] != '/')
			end++;
		if (!s[end] || has_meta(s + c, end - c))
			break;
		fixed = end;
	}
	/* the longest existing prefix of it */
	cut = fixed;
	while (cut > 0) {
		char save = s[cut];

		s[cut] = '\0';
		real = realpath(s, NULL);
		s[cut] = save;
		if (real)
			break;
		while (cut > 0 && s[--cut] != '/')
			;
	}
	if (!real)
		return 0;
	res = malloc(strlen(real) + strlen(s + cut) + 1);
	if (!res) {
		free(real);
		return -ENOMEM;
	}
	strcpy(res, strcmp(real, "/") == 0 ? "" : real);
	strcat(res, s + cut);
	if (!res[0])
		strcpy(res, "/");
	free(real);
	free(s);
	*pat = res;
	return 0;
}

/* parse: statements -> rules; the loader that follows includes.
 *
 * Each statement is parsed into a struct rule (or sets a policy-wide
 * field: default, caps, allow-unsafe) and resolved at once (resolve.c),
 * so every error points at the file, line and column it comes from.
 */
#include "policy/policy_int.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tracer/xlat.h"

static const struct {
	const char *name;
	enum policy_action act;
} actions[] = {
	{ "allow", POLICY_ALLOW }, { "log", POLICY_LOG },
	{ "deny", POLICY_DENY },   { "kill", POLICY_KILL },
	{ "trap", POLICY_TRAP },
};

static const char *const keywords[] = {
	"allow", "log", "deny", "kill", "trap", "default", "include", "caps",
	"allow-unsafe",
};

static const char *const rule_kinds[] = {
	"fs.read", "fs.write", "fs.exec", "fs.stat", "net.connect", "net.bind",
	"signal",
};

/* The right each fs.* kind decides (fs_covers() says which requirements
 * that takes in: fs.read also decides stat). */
static const struct {
	const char *name;
	unsigned right;
} fs_kinds[] = {
	{ "fs.read", POLICY_FS_READ },
	{ "fs.write", POLICY_FS_WRITE },
	{ "fs.exec", POLICY_FS_EXEC },
	{ "fs.stat", POLICY_FS_STAT },
};

static const struct {
	const char *name;
	unsigned bit;
	const char *what;
} unsafe_names[] = {
	{ "io_uring", POLICY_UNSAFE_IO_URING, "io_uring (bypasses syscall "
	  "rules: its operations are not syscalls)" },
	{ "ptrace", POLICY_UNSAFE_PTRACE, "ptrace and process_vm_* of other "
	  "jailed processes" },
	{ "userns", POLICY_UNSAFE_USERNS, "creating user namespaces" },
	{ "bpf", POLICY_UNSAFE_BPF, "bpf(2)" },
	{ "perf", POLICY_UNSAFE_PERF, "perf_event_open(2)" },
	{ "keyring", POLICY_UNSAFE_KEYRING, "the kernel keyrings" },
};

const char *policy_action_name(enum policy_action a)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(actions); i++)
		if (actions[i].act == a)
			return actions[i].name;
	return "?";
}

const char *policy_unsafe_name(unsigned bit)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(unsafe_names); i++)
		if (unsafe_names[i].bit == bit)
			return unsafe_names[i].name;
	return NULL;
}

/* The closest of n words to s, or NULL when none is close. */
static const char *suggest(const char *s, const char *const *words,
			   size_t stride, size_t n)
{
	const char *best = NULL;
	int bestd = 3;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *w = *(const char *const *)((const char *)words +
							i * stride);
		int d = edit_distance(s, w);

		if (d < bestd) {
			bestd = d;
			best = w;
		}
	}
	return best;
}

static void hint(struct strbuf *err, const char *s)
{
	/* the message line is already terminated: put the hint before the
	 * newline */
	if (!s || !err || err->len == 0)
		return;
	err->len--;
	sb_printf(err, ", did you mean \"%s\"?\n", s);
}

int policy_add_file(struct policy *p, const char *name, const char **out)
{
	char **v, *s;
	size_t i;

	for (i = 0; i < p->nfiles; i++)
		if (strcmp(p->files[i], name) == 0) {
			*out = p->files[i];
			return 0;
		}
	v = realloc(p->files, (p->nfiles + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	p->files = v;
	s = strdup(name);
	if (!s)
		return -ENOMEM;
	v[p->nfiles++] = s;
	*out = s;
	return 0;
}

void rule_release(struct rule *r)
{
	size_t i;

	free(r->origin);
	free(r->text);
	for (i = 0; i < r->nnames; i++)
		free(r->names[i].name);
	free(r->names);
	for (i = 0; i < r->nconds; i++) {
		free(r->conds[i].arg);
		free(r->conds[i].text);
	}
	free(r->conds);
	for (i = 0; i < r->npats; i++)
		free(r->pats[i].pat);
	free(r->pats);
	for (i = 0; i < r->nnets; i++) {
		free(r->nets[i].glob);
		free(r->nets[i].text);
	}
	free(r->nets);
	memset(r, 0, sizeof(*r));
}

void policy_free(struct policy *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nrules; i++)
		rule_release(&p->rules[i]);
	free(p->rules);
	free(p->caps);
	free(p->caps_at);
	for (i = 0; i < p->nfiles; i++)
		free(p->files[i]);
	free(p->files);
	free(p);
}

/* --- the loader's state --- */

struct incl {
	const char *disp;	/* as shown in messages */
	const char *real;	/* realpath, for cycles */
	const struct incl *up;
};

struct seen {
	char *real;
	struct where at;	/* the include that brought it in */
};

struct loader {
	struct policy *p;
	struct resolve_ctx rc;
	struct strbuf *err;
	struct seen *seen;
	size_t nseen;
};

static int load_text(struct loader *ld, const char *file, const char *real,
		     const char *text, size_t len, const struct incl *up,
		     int depth);

static int read_file(const char *path, char **out, size_t *len)
{
	struct stat st;
	char *buf = NULL;
	size_t n = 0;
	ssize_t got;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		rc = -errno;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
		goto out;
	}
	if (st.st_size > POL_FILE_MAX) {
		rc = -EFBIG;
		goto out;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		rc = -ENOMEM;
		goto out;
	}
	while (n < (size_t)st.st_size) {
		got = read(fd, buf + n, (size_t)st.st_size - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = -errno;
			goto out;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	close(fd);
	return rc;
}

/* --- statements --- */

static char *join_tokens(const struct stmt *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (i)
			sb_putc(&sb, ' ');
		if (s->t[i].quoted)
			sb_printf(&sb, "\"%s\"", s->t[i].s);
		else
			sb_puts(&sb, s->t[i].s);
	}
	if (sb.oom || !sb.buf) {
		sb_free(&sb);
		return strdup("");
	}
	return sb.buf;
}

#define ERR(ld, t, ...) pol_err((ld)->err, (ld)->rc.file, (t)->line, \
				(t)->col, __VA_ARGS__)

static int parse_errno(struct loader *ld, const struct tok *t,
		       const char *s, int col, int *out)
{
	char *end;
	long v;

	if (*s >= '0' && *s <= '9') {
		v = strtol(s, &end, 10);
		if (*end == '\0' && v > 0 && v < 4096) {
			*out = (int)v;
			return 0;
		}
	} else {
		v = errno_parse(s);
		if (v > 0) {
			*out = (int)v;
			return 0;
		}
	}
	pol_err(ld->err, ld->rc.file, t->line, col,
		"unknown errno \"%s\"", s);
	if (*s < '0' || *s > '9')
		hint(ld->err, xlat_suggest(s));
	return -EINVAL;
}

/* "allow", "deny", "deny(EACCES)"; *used: tokens consumed. */
static int parse_action(struct loader *ld, const struct stmt *s, size_t i,
			enum policy_action *act, int *err, size_t *used)
{
	const struct tok *t = &s->t[i];
	const char *w = t->s, *paren = strchr(w, '(');
	size_t n = paren ? (size_t)(paren - w) : strlen(w), k;
	char buf[64];
	int rc;

	*used = 1;
	*err = EPERM;
	for (k = 0; k < ARRAY_SIZE(actions); k++)
		if (strlen(actions[k].name) == n &&
		    strncmp(actions[k].name, w, n) == 0)
			break;
	if (t->quoted || k == ARRAY_SIZE(actions)) {
		ERR(ld, t, "unknown action \"%s\"", w);
		hint(ld->err, suggest(w, &actions[0].name, sizeof(actions[0]),
				      ARRAY_SIZE(actions)));
		return -EINVAL;
	}
	*act = actions[k].act;
	/* "deny (EACCES)" is read like "deny(EACCES)" */
	if (!paren && i + 1 < s->n && s->t[i + 1].s[0] == '(' &&
	    !s->t[i + 1].quoted) {
		t = &s->t[i + 1];
		paren = t->s;
		*used = 2;
	}
	if (!paren)
		return 0;
	if (*act != POLICY_DENY) {
		pol_err(ld->err, ld->rc.file, t->line,
			t->col + (int)(paren - t->s),
			"only deny takes an errno");
		return -EINVAL;
	}
	n = strlen(paren);
	if (n < 3 || paren[n - 1] != ')' || n - 2 >= sizeof(buf)) {
		pol_err(ld->err, ld->rc.file, t->line,
			t->col + (int)(paren - t->s),
			"expected deny(ERRNO), e.g. deny(EACCES)");
		return -EINVAL;
	}
	memcpy(buf, paren + 1, n - 2);
	buf[n - 2] = '\0';
	rc = parse_errno(ld, t, buf, t->col + (int)(paren - t->s) + 1, err);
	return rc;
}

static int new_rule(struct loader *ld, const struct stmt *s,
		    enum rule_kind kind, enum policy_action act, int err,
		    struct rule *r)
{
	char buf[32];
	int n;

	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->action = act;
	r->err = err;
	r->file = ld->rc.file;
	r->line = s->t[0].line;
	r->col = s->t[0].col;
	n = snprintf(buf, sizeof(buf), ":%d", r->line);
	r->origin = malloc(strlen(r->file) + (size_t)n + 1);
	r->text = join_tokens(s);
	if (!r->origin || !r->text)
		return -ENOMEM;
	strcpy(r->origin, r->file);
	strcat(r->origin, buf);
	return 0;
}

static int push_rule(struct policy *p, struct rule *r)
{
	if (p->nrules == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;
		struct rule *v = realloc(p->rules, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		p->rules = v;
		p->cap = cap;
	}
	p->rules[p->nrules++] = *r;
	memset(r, 0, sizeof(*r));
	return 0;
}

/* --- conditions --- */

struct ctok {
	char s[128];
	int line, col;
	bool op;
};

static const char *const cmp_ops[] = { "==", "!=", "<=", ">=", "<", ">",
				       "&", "|" };

/* Split the condition's words at operators: "arg1==F_GETFL" is three. */
static int split_cond(struct loader *ld, const struct stmt *s, size_t from,
		      struct ctok **out, size_t *nout)
{
	struct ctok *v = NULL, *nv;
	size_t n = 0, i, k, len;

	for (i = from; i < s->n; i++) {
		const struct tok *t = &s->t[i];
		const char *p = t->s;

		while (*p) {
			for (k = 0; k < ARRAY_SIZE(cmp_ops); k++)
				if (strncmp(p, cmp_ops[k],
					    strlen(cmp_ops[k])) == 0)
					break;
			len = k < ARRAY_SIZE(cmp_ops) ? strlen(cmp_ops[k]) : 0;
			if (!len)
				while (p[len] && !strchr("=!<>&|", p[len]))
					len++;
			if (!len)
				len = 1;	/* a lone '=' or '!' */
			if (len >= sizeof(v->s)) {
				pol_err(ld->err, ld->rc.file, t->line,
					t->col + (int)(p - t->s),
					"word too long");
				free(v);
				return -EINVAL;
			}
			nv = realloc(v, (n + 1) * sizeof(*v));
			if (!nv) {
				free(v);
				return -ENOMEM;
			}
			v = nv;
			memcpy(v[n].s, p, len);
			v[n].s[len] = '\0';
			v[n].line = t->line;
			v[n].col = t->col + (int)(p - t->s);
			v[n].op = k < ARRAY_SIZE(cmp_ops);
			n++;
			p += len;
		}
	}
	*out = v;
	*nout = n;
	return 0;
}

/* VALUE ('|' VALUE)* starting at *i; the text joined with '|'. */
static int cond_value(struct loader *ld, const struct rule *r,
		      const char *arg, const struct ctok *v, size_t n,
		      size_t *i, uint64_t *val, struct strbuf *text)
{
	uint64_t x;
	int rc;

	*val = 0;
	for (;;) {
		if (*i >= n || v[*i].op) {
			const struct ctok *at = *i < n ? &v[*i] : &v[n - 1];

			pol_err(ld->err, ld->rc.file, at->line,
				*i < n ? at->col :
					 at->col + (int)strlen(at->s),
				"expected a value");
			return -EINVAL;
		}
		ld->rc.line = v[*i].line;
		rc = resolve_value(r, arg, v[*i].s, v[*i].col, &x, &ld->rc,
				   ld->err);
		if (rc < 0)
			return rc;
		sb_puts(text, v[*i].s);
		*val |= x;
		(*i)++;
		if (*i < n && strcmp(v[*i].s, "|") == 0) {
			sb_putc(text, '|');
			(*i)++;
			continue;
		}
		return 0;
	}
}

static int parse_conds(struct loader *ld, const struct stmt *s, size_t from,
		       struct rule *r)
{
	static const struct {
		const char *s;
		enum cmp_op op;
	} ops[] = {
		{ "==", CMP_EQ }, { "!=", CMP_NE }, { "<", CMP_LT },
		{ "<=", CMP_LE }, { ">", CMP_GT },  { ">=", CMP_GE },
	};
	struct ctok *v = NULL;
	struct strbuf text = STRBUF_INIT;
	size_t n, i = 0, k;
	int rc;

	rc = split_cond(ld, s, from, &v, &n);
	if (rc < 0)
		return rc;
	if (n == 0) {
		const struct tok *t = &s->t[from - 1];

		pol_err(ld->err, ld->rc.file, t->line, t->col,
			"expected a condition after \"if\"");
		rc = -EINVAL;
		goto out;
	}
	for (;;) {
		struct cond c = { 0 }, *nc;
		const struct ctok *a = &v[i], *o;

		if (a->op) {
			pol_err(ld->err, ld->rc.file, a->line, a->col,
				"expected an argument name before \"%s\"",
				a->s);
			rc = -EINVAL;
			goto out;
		}
		c.col = a->col;
		sb_reset(&text);
		sb_puts(&text, a->s);
		i++;
		if (i < n && strcmp(v[i].s, "&") == 0) {
			i++;
			sb_puts(&text, " & ");
			rc = cond_value(ld, r, a->s, v, n, &i, &c.mask, &text);
			if (rc < 0)
				goto out;
			c.op = CMP_MASKED_EQ;
			if (i < n && strcmp(v[i].s, "!=") == 0)
				c.op = CMP_MASKED_NE;
			else if (i >= n || strcmp(v[i].s, "==") != 0) {
				o = i < n ? &v[i] : &v[n - 1];
				pol_err(ld->err, ld->rc.file, o->line,
					i < n ? o->col :
						o->col + (int)strlen(o->s),
					"expected == or != after the mask");
				rc = -EINVAL;
				goto out;
			}
			sb_printf(&text, " %s ", v[i].s);
			i++;
		} else {
			o = i < n ? &v[i] : a;
			for (k = 0; i < n && k < ARRAY_SIZE(ops); k++)
				if (strcmp(v[i].s, ops[k].s) == 0)
					break;
			if (i >= n || k == ARRAY_SIZE(ops)) {
				pol_err(ld->err, ld->rc.file, o->line,
					i < n ? o->col :
						o->col + (int)strlen(o->s),
					"expected a comparison (== != < <= > "
					">= or & MASK ==) after \"%s\"",
					a->s);
				rc = -EINVAL;
				goto out;
			}
			c.op = ops[k].op;
			sb_printf(&text, " %s ", ops[k].s);
			i++;
		}
		rc = cond_value(ld, r, a->s, v, n, &i, &c.val, &text);
		if (rc < 0)
			goto out;
		c.arg = strdup(a->s);
		c.text = strdup(text.oom ? "" : sb_str(&text));
		nc = realloc(r->conds, (r->nconds + 1) * sizeof(*nc));
		if (!c.arg || !c.text || !nc) {
			free(c.arg);
			free(c.text);
			if (nc)
				r->conds = nc;
			rc = -ENOMEM;
			goto out;
		}
		r->conds = nc;
		r->conds[r->nconds++] = c;
		if (i == n)
			break;
		if (strcmp(v[i].s, "and") != 0) {
			pol_err(ld->err, ld->rc.file, v[i].line, v[i].col,
				"expected \"and\" or the end of the rule, "
				"not \"%s\"", v[i].s);
			rc = -EINVAL;
			goto out;
		}
		if (++i == n) {
			pol_err(ld->err, ld->rc.file, v[i - 1].line,
				v[i - 1].col, "expected a condition after "
				"\"and\"");
			rc = -EINVAL;
			goto out;
		}
	}
	rc = 0;
out:
	sb_free(&text);
	free(v);
	return rc;
}

/* --- rule statements --- */

static int parse_syscall_rule(struct loader *ld, const struct stmt *s,
			      size_t i, struct rule *r)
{
	size_t start = i, j;
	int rc;

	for (; i < s->n && !(strcmp(s->t[i].s, "if") == 0 &&
			      !s->t[i].quoted); i++) {
		const struct tok *t = &s->t[i];
		struct name_ref *v;

		for (j = start; j < i; j++)
			if (strcmp(s->t[j].s, t->s) == 0) {
				ERR(ld, t, "\"%s\" listed twice; also at "
					   "%s:%d:%d", t->s, ld->rc.file,
				    s->t[j].line, s->t[j].col);
				return -EINVAL;
			}
		ld->rc.line = t->line;
		rc = resolve_syscall_name(r, t->s, t->col, &ld->rc, ld->err);
		if (rc < 0)
			return rc;
		v = realloc(r->names, (r->nnames + 1) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		r->names = v;
		v[r->nnames].name = strdup(t->s);
		v[r->nnames].col = t->col;
		if (!v[r->nnames++].name)
			return -ENOMEM;
	}
	if (i == start) {
		const struct tok *t = i < s->n ? &s->t[i] : &s->t[i - 1];

		pol_err(ld->err, ld->rc.file, t->line,
			i < s->n ? t->col : t->col + (int)strlen(t->s),
			"expected syscall names or @groups");
		return -EINVAL;
	}
	if (i == s->n)
		return 0;
	rc = parse_conds(ld, s, i + 1, r);
	if (rc < 0)
		return rc;
	return resolve_cond_args(r, &ld->rc, ld->err);
}

/* Expand variables, check the result is absolute, canonicalize. */
static int fs_pattern(struct loader *ld, const struct tok *t, char **out)
{
	size_t off;
	int rc;

	ld->rc.line = t->line;
	rc = resolve_vars(t->s, t->col, out, &ld->rc, ld->err);
	if (rc < 0)
		return rc;
	if ((*out)[0] != '/') {
		ERR(ld, t, "\"%s\" is not an absolute path%s", *out,
		    strcmp(*out, t->s) ? " (after expanding variables)" : "");
		return -EINVAL;
	}
	if (glob_check(*out, &off) < 0) {
		ERR(ld, t, "unclosed '[' in pattern \"%s\"", *out);
		return -EINVAL;
	}
	return resolve_canon_pattern(out);
}

static int parse_fs_rule(struct loader *ld, const struct stmt *s, size_t i,
			 struct rule *r)
{
	size_t k;
	int rc;

	/* parse_rule checked the kind against rule_kinds[] */
	for (k = 0; k < ARRAY_SIZE(fs_kinds); k++)
		if (strcmp(s->t[i].s, fs_kinds[k].name) == 0)
			r->right = fs_kinds[k].right;
	assert(r->right);
	if (++i == s->n) {
		ERR(ld, &s->t[i - 1], "expected path patterns after \"%s\"",
		    s->t[i - 1].s);
		return -EINVAL;
	}
	r->pats = calloc(s->n - i, sizeof(*r->pats));
	if (!r->pats)
		return -ENOMEM;
	for (; i < s->n; i++) {
		struct fs_pat *fp = &r->pats[r->npats];

		rc = fs_pattern(ld, &s->t[i], &fp->pat);
		if (fp->pat)
			r->npats++;
		if (rc < 0)
			return rc;
		fp->col = s->t[i].col;
	}
	ld->p->has_fs = true;
	return 0;
}

static int parse_net_rule(struct loader *ld, const struct stmt *s, size_t i,
			  struct rule *r)
{
	const char *msg;
	size_t off;
	char *text;
	int rc;

	r->nop = strcmp(s->t[i].s, "net.bind") == 0 ? NET_BIND : NET_CONNECT;
	if (++i == s->n) {
		ERR(ld, &s->t[i - 1], "expected addresses after \"%s\"",
		    s->t[i - 1].s);
		return -EINVAL;
	}
	r->nets = calloc(s->n - i, sizeof(*r->nets));
	if (!r->nets)
		return -ENOMEM;
	for (; i < s->n; i++) {
		const struct tok *t = &s->t[i];
		struct net_pat *np = &r->nets[r->nnets];

		ld->rc.line = t->line;
		rc = resolve_vars(t->s, t->col, &text, &ld->rc, ld->err);
		if (rc < 0)
			return rc;
		msg = "out of memory";
		rc = netpat_parse(text, np, &msg, &off);
		np->text = text;
		np->col = t->col;
		r->nnets++;
		if (rc == 0 && np->kind == NP_UNIX_PATH)
			rc = resolve_canon_pattern(&np->glob);
		if (rc < 0) {
			/* offsets into an expanded word are only right
			 * when nothing was expanded */
			pol_err(ld->err, ld->rc.file, t->line,
				t->col + (strcmp(text, t->s) ? 0 : (int)off),
				"%s: \"%s\"", msg, text);
			return rc == -ENOMEM ? rc : -EINVAL;
		}
	}
	ld->p->has_net = true;
	return 0;
}

static int parse_signal_rule(struct loader *ld, const struct stmt *s,
			     size_t i, struct rule *r)
{
	size_t start = i + 1;

	if (++i == s->n) {
		ERR(ld, &s->t[i - 1], "expected signal names or \"all\"");
		return -EINVAL;
	}
	for (; i < s->n; i++) {
		const struct tok *t = &s->t[i];
		uint64_t bit;
		char *end;
		long sig;
		size_t j;

		for (j = start; j < i; j++)
			if (strcmp(s->t[j].s, t->s) == 0) {
				ERR(ld, t, "\"%s\" listed twice; also at "
					   "%s:%d:%d", t->s, ld->rc.file,
				    s->t[j].line, s->t[j].col);
				return -EINVAL;
			}
		if (strcmp(t->s, "all") == 0) {
			r->sigs = ~0ull;
			continue;
		}
		if (t->s[0] >= '0' && t->s[0] <= '9') {
			sig = strtol(t->s, &end, 10);
			if (*end)
				sig = -1;
		} else {
			sig = signal_parse(t->s);
		}
		if (sig < 1 || sig > 64) {
			ERR(ld, t, "unknown signal \"%s\"", t->s);
			if (t->s[0] < '0' || t->s[0] > '9')
				hint(ld->err, xlat_suggest(t->s));
			return -EINVAL;
		}
		bit = 1ull << (sig - 1);
		r->sigs |= bit;
	}
	return 0;
}

static int parse_rule(struct loader *ld, const struct stmt *s)
{
	enum policy_action act;
	struct rule r;
	size_t used, i;
	const char *w;
	int err, rc;

	rc = parse_action(ld, s, 0, &act, &err, &used);
	if (rc < 0)
		return rc;
	if (used == s->n) {
		const struct tok *t = &s->t[used - 1];

		pol_err(ld->err, ld->rc.file, t->line,
			t->col + (int)strlen(t->s),
			"expected syscalls, fs.*, net.* or signal after \"%s\"",
			t->s);
		return -EINVAL;
	}
	w = s->t[used].s;
	if (strcmp(w, "signal") == 0)
		rc = new_rule(ld, s, RK_SIGNAL, act, err, &r);
	else if (strncmp(w, "fs.", 3) == 0 && !s->t[used].quoted)
		rc = new_rule(ld, s, RK_FS, act, err, &r);
	else if (strncmp(w, "net.", 4) == 0 && !s->t[used].quoted)
		rc = new_rule(ld, s, RK_NET, act, err, &r);
	else
		rc = new_rule(ld, s, RK_SYSCALL, act, err, &r);
	if (rc < 0)
		goto out;
	if (r.kind == RK_FS || r.kind == RK_NET) {
		for (i = 0; i < ARRAY_SIZE(rule_kinds); i++)
			if (strcmp(w, rule_kinds[i]) == 0)
				break;
		if (i == ARRAY_SIZE(rule_kinds)) {
			ERR(ld, &s->t[used], "unknown rule type \"%s\"", w);
			hint(ld->err, suggest(w, rule_kinds,
					      sizeof(rule_kinds[0]),
					      ARRAY_SIZE(rule_kinds)));
			rc = -EINVAL;
			goto out;
		}
	}
	switch (r.kind) {
	case RK_SYSCALL:
		rc = parse_syscall_rule(ld, s, used, &r);
		break;
	case RK_FS:
		rc = parse_fs_rule(ld, s, used, &r);
		break;
	case RK_NET:
		rc = parse_net_rule(ld, s, used, &r);
		break;
	case RK_SIGNAL:
		rc = parse_signal_rule(ld, s, used, &r);
		break;
	}
	if (rc == 0)
		rc = push_rule(ld->p, &r);
out:
	rule_release(&r);
	return rc;
}

static int parse_default(struct loader *ld, const struct stmt *s)
{
	struct policy *p = ld->p;
	enum policy_action act;
	size_t used;
	int err, rc;

	if (s->n < 2) {
		ERR(ld, &s->t[0], "expected an action after \"default\"");
		return -EINVAL;
	}
	if (p->has_default) {
		ERR(ld, &s->t[0], "default action set twice; also at %s:%d",
		    p->def_at.file, p->def_at.line);
		return -EINVAL;
	}
	rc = parse_action(ld, s, 1, &act, &err, &used);
	if (rc < 0)
		return rc;
	if (1 + used < s->n) {
		ERR(ld, &s->t[1 + used], "unexpected \"%s\" after the action",
		    s->t[1 + used].s);
		return -EINVAL;
	}
	p->def = act;
	p->def_err = err;
	p->has_default = true;
	p->def_at = (struct where){ ld->rc.file, s->t[0].line, s->t[0].col };
	return 0;
}

static int parse_caps(struct loader *ld, const struct stmt *s)
{
	struct policy *p = ld->p;
	size_t i, j;

	if (s->n < 2 || strcmp(s->t[1].s, "keep") != 0) {
		ERR(ld, s->n < 2 ? &s->t[0] : &s->t[1],
		    "expected \"caps keep CAP_NAME...\"");
		return -EINVAL;
	}
	if (s->n == 2) {
		ERR(ld, &s->t[1], "expected capability names after \"keep\"");
		return -EINVAL;
	}
	for (i = 2; i < s->n; i++) {
		const struct tok *t = &s->t[i];
		char name[64];
		cap_value_t cap;
		int *v;
		struct where *w;

		for (j = 0; t->s[j] && j < sizeof(name) - 1; j++)
			name[j] = (char)(t->s[j] >= 'A' && t->s[j] <= 'Z' ?
						 t->s[j] - 'A' + 'a' :
						 t->s[j]);
		name[j] = '\0';
		if (strncmp(name, "cap_", 4) != 0 || t->s[j] ||
		    cap_from_name(name, &cap) != 0) {
			ERR(ld, t, "unknown capability \"%s\"", t->s);
			return -EINVAL;
		}
		for (j = 0; j < p->ncaps; j++)
			if (p->caps[j] == (int)cap) {
				ERR(ld, t, "capability %s kept twice; also at "
					   "%s:%d:%d", t->s, p->caps_at[j].file,
				    p->caps_at[j].line, p->caps_at[j].col);
				return -EINVAL;
			}
		v = realloc(p->caps, (p->ncaps + 1) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		p->caps = v;
		w = realloc(p->caps_at, (p->ncaps + 1) * sizeof(*w));
		if (!w)
			return -ENOMEM;
		p->caps_at = w;
		v[p->ncaps] = (int)cap;
		w[p->ncaps++] = (struct where){ ld->rc.file, t->line, t->col };
	}
	return 0;
}

static int parse_unsafe(struct loader *ld, const struct stmt *s)
{
	struct policy *p = ld->p;
	size_t i, k;

	if (s->n < 2) {
		ERR(ld, &s->t[0], "expected a name after \"allow-unsafe\"");
		return -EINVAL;
	}
	for (i = 1; i < s->n; i++) {
		const struct tok *t = &s->t[i];
		int bit;

		for (k = 0; k < ARRAY_SIZE(unsafe_names); k++)
			if (strcmp(unsafe_names[k].name, t->s) == 0)
				break;
		if (k == ARRAY_SIZE(unsafe_names)) {
			ERR(ld, t, "unknown allow-unsafe name \"%s\"", t->s);
			hint(ld->err, suggest(t->s, &unsafe_names[0].name,
					      sizeof(unsafe_names[0]),
					      ARRAY_SIZE(unsafe_names)));
			return -EINVAL;
		}
		bit = __builtin_ctz(unsafe_names[k].bit);
		if (p->unsafe & unsafe_names[k].bit) {
			ERR(ld, t, "allow-unsafe %s given twice; also at "
				   "%s:%d:%d", t->s, p->unsafe_at[bit].file,
			    p->unsafe_at[bit].line, p->unsafe_at[bit].col);
			return -EINVAL;
		}
		p->unsafe |= unsafe_names[k].bit;
		p->unsafe_at[bit] = (struct where){ ld->rc.file, t->line,
						    t->col };
	}
	return 0;
}

/* dirname(from) + "/" + name, unless name is absolute. */
static char *include_path(const char *from, const char *name)
{
	const char *slash = strrchr(from, '/');
	size_t dl = slash ? (size_t)(slash - from) + 1 : 0;
	char *s;

	if (name[0] == '/')
		return strdup(name);
	s = malloc(dl + strlen(name) + 1);
	if (!s)
		return NULL;
	memcpy(s, from, dl);
	strcpy(s + dl, name);
	return s;
}

static int parse_include(struct loader *ld, const struct stmt *s,
			 const struct incl *up, int depth)
{
	const struct tok *t;
	struct strbuf chain = STRBUF_INIT;
	const struct incl *c;
	char *name = NULL, *path = NULL, *real = NULL, *text = NULL;
	const char *file = ld->rc.file, *disp;
	struct seen *sv;
	size_t len, i;
	int rc;

	if (s->n != 2) {
		t = s->n < 2 ? &s->t[0] : &s->t[2];
		ERR(ld, t, "%s", s->n < 2 ?
				"expected a file name after \"include\"" :
				"include takes one file name");
		return -EINVAL;
	}
	t = &s->t[1];
	ld->rc.line = t->line;
	rc = resolve_vars(t->s, t->col, &name, &ld->rc, ld->err);
	if (rc < 0)
		return rc;
	path = include_path(file, name);
	if (!path) {
		rc = -ENOMEM;
		goto out;
	}
	if (depth >= POL_INCLUDE_DEPTH_MAX) {
		ERR(ld, t, "includes nested too deeply (more than %d)",
		    POL_INCLUDE_DEPTH_MAX);
		rc = -EINVAL;
		goto out;
	}
	real = realpath(path, NULL);
	if (!real) {
		rc = -errno;
		ERR(ld, t, "cannot include \"%s\": %s", path, strerror(-rc));
		rc = -EINVAL;
		goto out;
	}
	for (c = up; c; c = c->up)
		if (strcmp(c->real, real) == 0)
			break;
	if (c) {
		/* the chain from the file included again down to here */
		const struct incl *v[POL_INCLUDE_DEPTH_MAX + 2];
		size_t n = 0;

		for (c = up; c && n < ARRAY_SIZE(v); c = c->up) {
			v[n++] = c;
			if (strcmp(c->real, real) == 0)
				break;
		}
		while (n--)
			sb_printf(&chain, "%s -> ", v[n]->disp);
		sb_puts(&chain, path);
		ERR(ld, t, "include cycle: %s", sb_str(&chain));
		rc = -EINVAL;
		goto out;
	}
	for (i = 0; i < ld->nseen; i++)
		if (strcmp(ld->seen[i].real, real) == 0) {
			ERR(ld, t, "\"%s\" is included twice; also at %s:%d:%d",
			    path, ld->seen[i].at.file, ld->seen[i].at.line,
			    ld->seen[i].at.col);
			rc = -EINVAL;
			goto out;
		}
	sv = realloc(ld->seen, (ld->nseen + 1) * sizeof(*sv));
	if (!sv) {
		rc = -ENOMEM;
		goto out;
	}
	ld->seen = sv;
	sv[ld->nseen].real = real;
	sv[ld->nseen++].at = (struct where){ file, t->line, t->col };
	real = NULL;
	rc = read_file(path, &text, &len);
	if (rc < 0) {
		ERR(ld, t, "cannot include \"%s\": %s", path, strerror(-rc));
		rc = -EINVAL;
		goto out;
	}
	rc = policy_add_file(ld->p, path, &disp);
	if (rc < 0)
		goto out;
	rc = load_text(ld, disp, sv[ld->nseen - 1].real, text, len, up,
		       depth + 1);
	ld->rc.file = file;
out:
	sb_free(&chain);
	free(name);
	free(path);
	free(real);
	free(text);
	return rc;
}

static int parse_stmt(struct loader *ld, const struct stmt *s,
		      const struct incl *up, int depth)
{
	const struct tok *t = &s->t[0];
	const char *w = t->s, *sug;
	size_t n = strcspn(w, "("), i;

	if (!t->quoted) {
		if (strcmp(w, "default") == 0)
			return parse_default(ld, s);
		if (strcmp(w, "include") == 0)
			return parse_include(ld, s, up, depth);
		if (strcmp(w, "caps") == 0)
			return parse_caps(ld, s);
		if (strcmp(w, "allow-unsafe") == 0)
			return parse_unsafe(ld, s);
		for (i = 0; i < ARRAY_SIZE(actions); i++)
			if (strlen(actions[i].name) == n &&
			    strncmp(actions[i].name, w, n) == 0)
				return parse_rule(ld, s);
	}
	ERR(ld, t, "unknown statement \"%s\"", w);
	sug = suggest(w, keywords, sizeof(keywords[0]), ARRAY_SIZE(keywords));
	hint(ld->err, sug);
	return -EINVAL;
}

static int load_text(struct loader *ld, const char *file, const char *real,
		     const char *text, size_t len, const struct incl *up,
		     int depth)
{
	struct incl me = { .disp = file, .real = real, .up = up };
	struct lexed lx;
	size_t i;
	int rc;

	rc = lex_text(file, text, len, &lx, ld->err);
	if (rc < 0)
		return rc;
	for (i = 0; i < lx.n && rc == 0; i++) {
		ld->rc.file = file;
		rc = parse_stmt(ld, &lx.s[i], &me, depth);
		if (rc == -ENOMEM && ld->err)
			pol_err(ld->err, file, lx.s[i].t[0].line, 0,
				"out of memory");
	}
	lex_free(&lx);
	return rc;
}

static int load(const char *name, const char *real, const char *text,
		size_t len, const struct policy_vars *vars,
		struct policy **out, struct strbuf *err)
{
	struct loader ld = { .err = err };
	char cwd[PATH_MAX];
	const char *disp;
	size_t i;
	int rc;

	*out = NULL;
	ld.p = calloc(1, sizeof(*ld.p));
	if (!ld.p)
		return -ENOMEM;
	ld.p->def = POLICY_DENY;
	ld.p->def_err = EPERM;
	ld.rc.vars = vars;
	ld.rc.cwd = getcwd(cwd, sizeof(cwd));
	ld.rc.home = getenv("HOME");
	ld.rc.tmpdir = getenv("TMPDIR");
	if (!ld.rc.tmpdir || !*ld.rc.tmpdir)
		ld.rc.tmpdir = "/tmp";
	rc = policy_add_file(ld.p, name, &disp);
	if (rc == 0)
		rc = load_text(&ld, disp, real ? real : "", text, len, NULL, 0);
	for (i = 0; i < ld.nseen; i++)
		free(ld.seen[i].real);
	free(ld.seen);
	if (rc < 0) {
		policy_free(ld.p);
		return rc == -ENOMEM ? rc : -EINVAL;
	}
	*out = ld.p;
	return 0;
}

int policy_load_string(const char *name, const char *text,
		       const struct policy_vars *vars, struct policy **out,
		       struct strbuf *err)
{
	return load(name, NULL, text, strlen(text), vars, out, err);
}

int policy_load(const char *path, const struct policy_vars *vars,
		struct policy **out, struct strbuf *err)
{
	char *text = NULL, *real;
	size_t len;
	int rc;

	*out = NULL;
	rc = read_file(path, &text, &len);
	if (rc < 0) {
		if (err)
			sb_printf(err, "%s: %s\n", path, strerror(-rc));
		return rc;
	}
	real = realpath(path, NULL);
	rc = load(path, real, text, len, vars, out, err);
	free(real);
	free(text);
	return rc;
}

/* --- accessors --- */

enum policy_action policy_default_action(const struct policy *p, int *err)
{
	if (err)
		*err = p->def_err;
	return p->def;
}

const int *policy_caps_keep(const struct policy *p, size_t *n)
{
	*n = p->ncaps;
	return p->caps;
}

unsigned policy_unsafe_flags(const struct policy *p)
{
	return p->unsafe;
}

bool policy_has_trap(const struct policy *p)
{
	size_t i;

	if (p->def == POLICY_TRAP)
		return true;
	for (i = 0; i < p->nrules; i++)
		if (p->rules[i].action == POLICY_TRAP)
			return true;
	return false;
}

bool policy_has_fs_rules(const struct policy *p)
{
	return p->has_fs;
}

bool policy_has_net_rules(const struct policy *p)
{
	return p->has_net;
}

bool policy_may_change_root(const struct policy *p)
{
	size_t i;

	if (p->unsafe & POLICY_UNSAFE_USERNS)
		return true;
	for (i = 0; i < p->ncaps; i++)
		if (p->caps[i] == CAP_SYS_ADMIN || p->caps[i] == CAP_SYS_CHROOT)
			return true;
	return false;
}

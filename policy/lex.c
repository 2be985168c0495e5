/* lex: policy text -> statements of words.
 *
 * The language is line-oriented and word-oriented, so the lexer knows
 * nothing of its grammar: a statement is one logical line (backslash-
 * newline joins lines), a token is a run of non-blank characters or a
 * "quoted string". Operators inside conditions are split later by the
 * parser, which knows where a condition starts; a glob like [a-z]* or an
 * address like [::1]:* stays one word here.
 */
#include "policy/policy_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void pol_err(struct strbuf *err, const char *file, int line, int col,
	     const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	if (col > 0)
		sb_printf(err, "%s:%d:%d: ", file, line, col);
	else
		sb_printf(err, "%s:%d: ", file, line);
	va_start(ap, fmt);
	sb_vprintf(err, fmt, ap);
	va_end(ap);
	sb_putc(err, '\n');
}

struct lexer {
	const char *file;
	const char *p, *end;
	int line, col;
	struct lexed *out;
	struct stmt cur;
	size_t cur_cap;
	struct strbuf word;
	int wline, wcol;
	bool in_word;
	struct strbuf *err;
};

static int push_tok(struct lexer *lx, bool quoted)
{
	struct tok *t;
	char *s;

	if (lx->cur.n == lx->cur_cap) {
		size_t cap = lx->cur_cap ? lx->cur_cap * 2 : 8;

		t = realloc(lx->cur.t, cap * sizeof(*t));
		if (!t)
			return -ENOMEM;
		lx->cur.t = t;
		lx->cur_cap = cap;
	}
	if (lx->word.oom)
		return -ENOMEM;
	s = strdup(sb_str(&lx->word));
	if (!s)
		return -ENOMEM;
	lx->cur.t[lx->cur.n++] = (struct tok){
		.s = s, .line = lx->wline, .col = lx->wcol, .quoted = quoted,
	};
	sb_reset(&lx->word);
	lx->in_word = false;
	return 0;
}

static int end_word(struct lexer *lx)
{
	return lx->in_word ? push_tok(lx, false) : 0;
}

static int end_stmt(struct lexer *lx)
{
	struct stmt *s;
	int rc = end_word(lx);

	if (rc < 0 || lx->cur.n == 0)
		return rc;
	s = realloc(lx->out->s, (lx->out->n + 1) * sizeof(*s));
	if (!s)
		return -ENOMEM;
	lx->out->s = s;
	s[lx->out->n++] = lx->cur;
	lx->cur = (struct stmt){ 0 };
	lx->cur_cap = 0;
	return 0;
}

/* A quoted string: \" and \\ are the only escapes. */
static int lex_string(struct lexer *lx)
{
	lx->wline = lx->line;
	lx->wcol = lx->col;
	lx->p++;
	lx->col++;
	while (lx->p < lx->end && *lx->p != '"') {
		char c = *lx->p;

		if (c == '\n' || (unsigned char)c < 0x20) {
			pol_err(lx->err, lx->file, lx->wline, lx->wcol,
				"unterminated string");
			return -EINVAL;
		}
		if (c == '\\' && lx->p + 1 < lx->end &&
		    (lx->p[1] == '"' || lx->p[1] == '\\')) {
			lx->p++;
			lx->col++;
			c = *lx->p;
		}
		sb_putc(&lx->word, c);
		lx->p++;
		lx->col++;
	}
	if (lx->p == lx->end) {
		pol_err(lx->err, lx->file, lx->wline, lx->wcol,
			"unterminated string");
		return -EINVAL;
	}
	lx->p++;
	lx->col++;
	if (lx->p < lx->end && !strchr(" \t\r\n#", *lx->p) &&
	    !(*lx->p == '\\' && lx->p + 1 < lx->end && lx->p[1] == '\n')) {
		pol_err(lx->err, lx->file, lx->line, lx->col,
			"expected a blank after the string");
		return -EINVAL;
	}
	return push_tok(lx, true);
}

int lex_text(const char *file, const char *text, size_t len,
	     struct lexed *out, struct strbuf *err)
{
	struct lexer lx = {
		.file = file, .p = text, .end = text + len, .line = 1,
		.col = 1, .out = out, .err = err,
	};
	int rc = 0;

	*out = (struct lexed){ 0 };
	while (lx.p < lx.end && rc == 0) {
		unsigned char c = (unsigned char)*lx.p;

		if (c == '\\' && (lx.p + 1 == lx.end || lx.p[1] == '\n' ||
				  (lx.p[1] == '\r' && lx.p + 2 < lx.end &&
				   lx.p[2] == '\n'))) {
			/* continuation: a blank between words */
			rc = end_word(&lx);
			if (lx.p + 1 == lx.end)
				lx.p += 1;	/* at the very end: nothing follows */
			else
				lx.p += lx.p[1] == '\r' ? 3 : 2;
			lx.line++;
			lx.col = 1;
			continue;
		}
		if (c == '\n') {
			rc = end_stmt(&lx);
			lx.p++;
			lx.line++;
			lx.col = 1;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			rc = end_word(&lx);
			lx.p++;
			lx.col++;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			pol_err(err, file, lx.line, lx.col,
				"invalid character 0x%02x", c);
			rc = -EINVAL;
			break;
		}
		if (!lx.in_word && c == '#') {
			while (lx.p < lx.end && *lx.p != '\n') {
				lx.p++;
				lx.col++;
			}
			continue;
		}
		if (!lx.in_word && c == '"') {
			rc = lex_string(&lx);
			continue;
		}
		if (!lx.in_word) {
			lx.in_word = true;
			lx.wline = lx.line;
			lx.wcol = lx.col;
		}
		sb_putc(&lx.word, (char)c);
		lx.p++;
		lx.col++;
	}
	if (rc == 0)
		rc = end_stmt(&lx);
	/* a statement cut short by an error still owns its tokens */
	for (size_t i = 0; i < lx.cur.n; i++)
		free(lx.cur.t[i].s);
	free(lx.cur.t);
	if (rc < 0)
		lex_free(out);
	sb_free(&lx.word);
	if (rc == -ENOMEM)
		pol_err(err, file, lx.line, 0, "out of memory");
	return rc;
}

void lex_free(struct lexed *l)
{
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < l->s[i].n; j++)
			free(l->s[i].t[j].s);
		free(l->s[i].t);
	}
	free(l->s);
	*l = (struct lexed){ 0 };
}

/* Unit tests for tracer/audit.c: golden records of every kind in both
 * formats, the timestamp's shape, JSON validity for hostile bytes, and the
 * one-write-per-record guarantee with two processes appending at once. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/t.h"
#include "tracer/audit.h"
#include "tracer/strbuf.h"
#include "tracer/systab.h"
#include "tracer/xlat.h"

/* --- a small strict JSON reader, independent of the code under test --- */

struct jp {
	const unsigned char *p, *end;
};

static void jp_ws(struct jp *j)
{
	while (j->p < j->end &&
	       (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' ||
		*j->p == '\n'))
		j->p++;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool jp_u4(struct jp *j, unsigned *out)
{
	unsigned v = 0;
	int i, h;

	if (j->end - j->p < 4)
		return false;
	for (i = 0; i < 4; i++) {
		h = hexval(j->p[i]);
		if (h < 0)
			return false;
		v = v << 4 | (unsigned)h;
	}
	j->p += 4;
	*out = v;
	return true;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	if (!sb)
		return;
	if (cp < 0x80) {
		sb_putc(sb, (char)cp);
	} else if (cp < 0x800) {
		sb_putc(sb, (char)(0xc0 | cp >> 6));
		sb_putc(sb, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		sb_putc(sb, (char)(0xe0 | cp >> 12));
		sb_putc(sb, (char)(0x80 | (cp >> 6 & 0x3f)));
		sb_putc(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		sb_putc(sb, (char)(0xf0 | cp >> 18));
		sb_putc(sb, (char)(0x80 | (cp >> 12 & 0x3f)));
		sb_putc(sb, (char)(0x80 | (cp >> 6 & 0x3f)));
		sb_putc(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

/* Length of a well-formed UTF-8 sequence (RFC 3629) at p, or 0. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
	size_t n, i;
	unsigned cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* A string; decoded bytes go to out (may be NULL). Lone low surrogates
 * \udc80..\udcff decode to the byte they escape (surrogateescape); any
 * other lone surrogate is rejected. */
static bool jp_string(struct jp *j, struct strbuf *out)
{
	unsigned cp, lo;
	size_t n;

	if (j->p >= j->end || *j->p != '"')
		return false;
	j->p++;
	while (j->p < j->end && *j->p != '"') {
		if (*j->p < 0x20)
			return false;
		if (*j->p != '\\') {
			n = utf8_len(j->p, j->end);
			if (!n)
				return false;
			if (out)
				sb_append(out, j->p, n);
			j->p += n;
			continue;
		}
		if (++j->p >= j->end)
			return false;
		switch (*j->p++) {
		case '"': put_utf8(out, '"'); break;
		case '\\': put_utf8(out, '\\'); break;
		case '/': put_utf8(out, '/'); break;
		case 'b': put_utf8(out, '\b'); break;
		case 'f': put_utf8(out, '\f'); break;
		case 'n': put_utf8(out, '\n'); break;
		case 'r': put_utf8(out, '\r'); break;
		case 't': put_utf8(out, '\t'); break;
		case 'u':
			if (!jp_u4(j, &cp))
				return false;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (j->end - j->p < 6 || j->p[0] != '\\' ||
				    j->p[1] != 'u')
					return false;
				j->p += 2;
				if (!jp_u4(j, &lo) || lo < 0xdc00 || lo > 0xdfff)
					return false;
				put_utf8(out, 0x10000 + ((cp - 0xd800) << 10) +
						      (lo - 0xdc00));
			} else if (cp >= 0xdc80 && cp <= 0xdcff) {
				if (out)
					sb_putc(out, (char)(cp & 0xff));
			} else if (cp >= 0xdc00 && cp <= 0xdfff) {
				return false;
			} else {
				put_utf8(out, cp);
			}
			break;
		default:
			return false;
		}
	}
	if (j->p >= j->end)
		return false;
	j->p++;
	return true;
}

static bool jp_digits(struct jp *j)
{
	const unsigned char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s;
}

static bool jp_number(struct jp *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!jp_digits(j))
		return false;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!jp_digits(j))
			return false;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!jp_digits(j))
			return false;
	}
	return true;
}

static bool jp_lit(struct jp *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
		return false;
	j->p += n;
	return true;
}

static bool jp_value(struct jp *j, int depth);

static bool jp_array(struct jp *j, int depth)
{
	j->p++;
	jp_ws(j);
	if (j->p < j->end && *j->p == ']')
		return j->p++, true;
	for (;;) {
		if (!jp_value(j, depth + 1))
			return false;
		jp_ws(j);
		if (j->p >= j->end)
			return false;
		if (*j->p == ']')
			return j->p++, true;
		if (*j->p++ != ',')
			return false;
	}
}

static bool jp_object(struct jp *j, int depth)
{
	j->p++;
	jp_ws(j);
	if (j->p < j->end && *j->p == '}')
		return j->p++, true;
	for (;;) {
		jp_ws(j);
		if (!jp_string(j, NULL))
			return false;
		jp_ws(j);
		if (j->p >= j->end || *j->p++ != ':')
			return false;
		if (!jp_value(j, depth + 1))
			return false;
		jp_ws(j);
		if (j->p >= j->end)
			return false;
		if (*j->p == '}')
			return j->p++, true;
		if (*j->p++ != ',')
			return false;
	}
}

static bool jp_value(struct jp *j, int depth)
{
	if (depth > 32)
		return false;
	jp_ws(j);
	if (j->p >= j->end)
		return false;
	switch (*j->p) {
	case '{': return jp_object(j, depth);
	case '[': return jp_array(j, depth);
	case '"': return jp_string(j, NULL);
	case 't': return jp_lit(j, "true");
	case 'f': return jp_lit(j, "false");
	case 'n': return jp_lit(j, "null");
	default: return jp_number(j);
	}
}

/* s[0..n) is exactly one JSON value. */
static bool json_valid(const char *s, size_t n)
{
	struct jp j = { (const unsigned char *)s, (const unsigned char *)s + n };

	if (!jp_value(&j, 0))
		return false;
	jp_ws(&j);
	return j.p == j.end;
}

/* A record line: one JSON object, then '\n', and no other newline. */
static bool json_line_valid(const char *line)
{
	size_t n = strlen(line);

	if (n < 3 || line[0] != '{' || line[n - 1] != '\n' ||
	    memchr(line, '\n', n - 1))
		return false;
	return json_valid(line, n - 1);
}

/* Find a top-level key in the object line; val and vlen get the value's
 * raw text. */
static bool json_field(const char *line, const char *key, const char **val,
		       size_t *vlen)
{
	struct jp j = { (const unsigned char *)line,
			(const unsigned char *)line + strlen(line) };
	struct strbuf k = STRBUF_INIT;
	const unsigned char *v;
	bool found = false;

	jp_ws(&j);
	if (j.p >= j.end || *j.p++ != '{')
		goto out;
	for (;;) {
		jp_ws(&j);
		sb_reset(&k);
		if (!jp_string(&j, &k))
			goto out;
		jp_ws(&j);
		if (j.p >= j.end || *j.p++ != ':')
			goto out;
		jp_ws(&j);
		v = j.p;
		if (!jp_value(&j, 1))
			goto out;
		if (strcmp(sb_str(&k), key) == 0) {
			*val = (const char *)v;
			*vlen = (size_t)(j.p - v);
			found = true;
			goto out;
		}
		jp_ws(&j);
		if (j.p >= j.end || *j.p++ != ',')
			goto out;
	}
out:
	sb_free(&k);
	return found;
}

/* The raw JSON text of a top-level field, as a new string ("" if absent:
 * the tests compare against literal values, and absent never matches). */
static char *field(const char *line, const char *key)
{
	const char *v;
	size_t n;

	if (!json_field(line, key, &v, &n))
		return strdup("<absent>");
	return strndup(v, n);
}

/* Decode a top-level string field to its original bytes. */
static bool field_bytes(const char *line, const char *key, struct strbuf *out)
{
	const char *v;
	size_t n;
	struct jp j;

	if (!json_field(line, key, &v, &n))
		return false;
	j = (struct jp){ (const unsigned char *)v,
			 (const unsigned char *)v + n };
	return jp_string(&j, out) && j.p == j.end;
}

/* The checker itself must be able to say no. */
static void test_checker(void)
{
	static const char *const bad[] = {
		"{\"a\":\"x\001\"}\n",	/* raw control byte */
		"{\"a\":\"\xff\"}\n",	/* raw invalid UTF-8 */
		"{\"a\":\"\\ud800\"}\n",	/* lone high surrogate */
		"{\"a\":\"\\udc00\"}\n",	/* not a surrogateescape */
		"{\"a\":\"\\x41\"}\n",	/* not a JSON escape */
		"{\"a\":1,}\n",		/* trailing comma */
		"{\"a\":01}\n",		/* leading zero */
		"{\"a\":tru}\n",
		"{\"a\":\"x\"}",		/* no newline */
		"{\"a\":\"x\n\"}\n",	/* raw newline in a string */
		"{\"a\":1}{}\n",		/* two values */
	};
	static const char good[] =
		"{\"a\":[1,-2.5e3,true,null,\"\\udcff\\u00e9\xc3\xa9\"],"
		"\"b\":{}}\n";
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int rejected = 0;
	bool ok;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		rejected += !json_line_valid(bad[i]);
	T_OK(rejected == (int)(sizeof(bad) / sizeof(bad[0])),
	     "the JSON checker rejects %d malformed lines (of %zu)", rejected,
	     sizeof(bad) / sizeof(bad[0]));
	T_OK(json_line_valid(good), "the JSON checker accepts a good line");
	ok = field_bytes("{\"p\":\"a\\udcff\\u00e9\"}", "p", &sb);
	T_OK(ok && sb.len == 4 && memcmp(sb.buf, "a\xff\xc3\xa9", 4) == 0,
	     "the checker maps \\udcff back to byte 0xff");
	sb_free(&sb);
}

/* --- helpers for records --- */

/* A fake tracee address space: one region at MEM_BASE. */
#define MEM_BASE 0x10000u
static char mem_bytes[256];

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	if (addr < MEM_BASE || addr >= MEM_BASE + sizeof(mem_bytes))
		return -EFAULT;
	if (len > MEM_BASE + sizeof(mem_bytes) - addr)
		len = MEM_BASE + sizeof(mem_bytes) - addr;
	memcpy(buf, mem_bytes + (addr - MEM_BASE), len);
	return (ssize_t)len;
}

static const struct mem_reader fake_mem = { fake_read, NULL };

static void mem_set(const void *p, size_t n)
{
	memset(mem_bytes, 0, sizeof(mem_bytes));
	memcpy(mem_bytes, p, n);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "2026-11-22T12:41:46.123456Z", within a few seconds of now. */
static bool ts_ok(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.ddddddZ";
	struct tm tm = { 0 };
	time_t t;
	size_t i;

	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != shape[i])
			return false;
	}
	if (!strptime(s, "%Y-%m-%dT%H:%M:%S", &tm))
		return false;
	t = timegm(&tm);
	return llabs((long long)(t - time(NULL))) <= 5;
}

enum { TS_LEN = 27 };

/* The formatted record with its timestamp checked and replaced by "TS", so
 * the rest can be compared with a golden line. NULL if the ts is wrong. */
static char *fmt(enum audit_format f, const struct audit_rec *r)
{
	char *s = audit_format_rec(f, r), *out = NULL;
	const char *head = f == AUDIT_JSON ? "{\"ts\":\"" : "";
	size_t h = strlen(head);
	struct strbuf sb = STRBUF_INIT;

	if (!s || strncmp(s, head, h) != 0 || strlen(s) < h + TS_LEN + 1 ||
	    !ts_ok(s + h))
		goto out;
	if (s[h + TS_LEN] != (f == AUDIT_JSON ? '"' : ' '))
		goto out;
	sb_append(&sb, s, h);
	sb_puts(&sb, "TS");
	sb_puts(&sb, s + h + TS_LEN);
	out = sb.buf;
out:
	free(s);
	return out;
}

/* Golden check: the record's line equals want (after "TS" masking); JSON
 * lines must also be valid JSON. */
static void golden(enum audit_format f, const struct audit_rec *r,
		   const char *want, const char *what)
{
	char *got = fmt(f, r);

	T_STREQ(got, want, what);
	if (f == AUDIT_JSON)
		T_OK(got && json_line_valid(got), "%s: valid JSON line", what);
	free(got);
}

/* Expected lines that embed the decoder's output are put together here. */
static char *cat(const char *a, const char *b, const char *c, const char *d,
		 const char *e)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, a);
	sb_puts(&sb, b);
	sb_puts(&sb, c);
	sb_puts(&sb, d ? d : "");
	sb_puts(&sb, e ? e : "");
	return sb.buf;
}

static char *dec_syscall(enum decode_style st, const struct audit_rec *r)
{
	struct strbuf sb = STRBUF_INIT;

	decode_syscall(&sb, st, r->ent, r->nr, r->args, r->mem);
	return sb.buf;
}

static char *dec_retval(enum decode_style st, const struct audit_rec *r)
{
	struct strbuf sb = STRBUF_INIT;

	decode_retval(&sb, st, r->ent, r->ret);
	return sb.buf;
}

static char *dec_siginfo(enum decode_style st, const siginfo_t *si)
{
	struct strbuf sb = STRBUF_INIT;

	decode_siginfo(&sb, st, si);
	return sb.buf;
}

/* --- the tests --- */

static const struct audit_rec base = {
	.pid = 1234, .tid = 1234, .comm = "cat", .exe = "/usr/bin/cat",
};

static void test_ts(void)
{
	struct audit_rec r = base;
	char *j, *t;
	char *s;

	r.kind = AUD_ATTACH;
	/* gmtime, not localtime: a zone far from UTC shows the difference. */
	setenv("TZ", "Pacific/Kiritimati", 1);
	tzset();
	j = audit_format_rec(AUDIT_JSON, &r);
	t = audit_format_rec(AUDIT_TEXT, &r);
	T_OK(j && strncmp(j, "{\"ts\":\"", 7) == 0 && ts_ok(j + 7) &&
		     j[7 + TS_LEN] == '"',
	     "json ts is RFC 3339 UTC with microseconds, near now");
	T_OK(t && ts_ok(t) && t[TS_LEN] == ' ',
	     "text line starts with the same timestamp");
	s = fmt(AUDIT_JSON, &r);
	T_OK(s != NULL, "ts masks cleanly");
	free(s);
	free(j);
	free(t);
	unsetenv("TZ");
	tzset();
}

static void test_syscall(void)
{
	static const char path[] = "/etc/passwd";
	struct audit_rec r = base;
	char *args, *want, *ret, *targs, *tret;

	mem_set(path, sizeof(path));
	r.kind = AUD_SYSCALL;
	r.abi = ABI_X86_64;
	r.nr = 257;
	r.ent = systab_by_nr(ABI_X86_64, 257);
	r.args[0] = (uint64_t)(int64_t)-100;	/* AT_FDCWD */
	r.args[1] = MEM_BASE;
	r.args[2] = O_RDONLY;
	r.mem = &fake_mem;
	r.action = "log";
	r.rule = "policy.conf:3";
	T_OK(r.ent && strcmp(r.ent->name, "openat") == 0,
	     "systab knows openat as 257");

	/* The brief's own example, worked out by hand. */
	golden(AUDIT_TEXT, &r,
	       "TS [pid  1234] openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY)"
	       " = ? <log policy.conf:3>\n",
	       "text syscall, no return value");

	args = dec_syscall(DECODE_JSON, &r);
	T_OK(args && json_valid(args, strlen(args)) && args[0] == '{' &&
		     strstr(args, "\"/etc/passwd\""),
	     "decoded JSON args are an object holding the path");
	want = cat("{\"ts\":\"TS\",\"type\":\"syscall\",\"pid\":1234,"
		   "\"tid\":1234,\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\","
		   "\"abi\":\"x86_64\",\"syscall\":\"openat\",\"nr\":257,"
		   "\"args\":",
		   args, ",\"action\":\"log\",\"rule\":\"policy.conf:3\"}\n",
		   NULL, NULL);
	golden(AUDIT_JSON, &r, want, "json syscall, no return value");
	free(want);

	/* Denied, with a result, no rule (built-in), and a tip with quotes. */
	r.tid = 1240;
	r.has_ret = true;
	r.ret = -ENOENT;
	r.action = "deny";
	r.rule = NULL;
	r.tip = "allow openat if pathname == \"/etc/passwd\"";
	golden(AUDIT_TEXT, &r,
	       "TS [pid  1240] openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY)"
	       " = -1 ENOENT (No such file or directory) <deny; tip: allow"
	       " openat if pathname == \"/etc/passwd\">\n",
	       "text syscall with error return and tip");
	want = cat("{\"ts\":\"TS\",\"type\":\"syscall\",\"pid\":1234,"
		   "\"tid\":1240,\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\","
		   "\"abi\":\"x86_64\",\"syscall\":\"openat\",\"nr\":257,"
		   "\"args\":",
		   args,
		   ",\"ret\":\"-ENOENT\",\"action\":\"deny\",\"rule\":null,"
		   "\"tip\":\"allow openat if pathname == \\\"/etc/passwd\\\"\"}"
		   "\n",
		   NULL, NULL);
	golden(AUDIT_JSON, &r, want, "json syscall: ret, null rule, tip");
	free(want);
	free(args);

	/* Unknown number on the i386 ABI: raw arguments, a made-up name. */
	r = base;
	r.kind = AUD_SYSCALL;
	r.abi = ABI_I386;
	r.nr = 999;
	r.ent = NULL;
	r.args[0] = 1;
	r.args[1] = 0x20;
	r.has_ret = true;
	r.ret = 0;
	r.action = "kill";
	r.rule = "policy.conf:9";
	args = dec_syscall(DECODE_JSON, &r);
	ret = dec_retval(DECODE_JSON, &r);
	T_STREQ(ret, "0", "decoded JSON return value 0 is a number");
	want = cat("{\"ts\":\"TS\",\"type\":\"syscall\",\"pid\":1234,"
		   "\"tid\":1234,\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\","
		   "\"abi\":\"i386\",\"syscall\":\"syscall_999\",\"nr\":999,"
		   "\"args\":",
		   args, ",\"ret\":", ret,
		   ",\"action\":\"kill\",\"rule\":\"policy.conf:9\"}\n");
	golden(AUDIT_JSON, &r, want, "json unknown i386 syscall");
	free(want);
	targs = dec_syscall(DECODE_TEXT, &r);
	tret = dec_retval(DECODE_TEXT, &r);
	want = cat("TS [pid  1234] ", targs, " = ", tret,
		   " <kill policy.conf:9> [i386]\n");
	golden(AUDIT_TEXT, &r, want, "text unknown i386 syscall");
	free(want);
	free(args);
	free(ret);
	free(targs);
	free(tret);

	/* No memory reader at all: decoding must not crash. */
	r = base;
	r.kind = AUD_SYSCALL;
	r.nr = 257;
	r.ent = systab_by_nr(ABI_X86_64, 257);
	r.args[1] = MEM_BASE;
	r.action = "allow";
	args = audit_format_rec(AUDIT_JSON, &r);
	T_OK(args && json_line_valid(args), "syscall without mem reader");
	free(args);
}

static void test_exec(void)
{
	char *const argv[] = { "true", "--version", NULL };
	char *const empty[] = { NULL };
	struct audit_rec r = base;

	r.kind = AUD_EXEC;
	r.comm = NULL;
	r.exe = NULL;
	r.path = "/bin/true";
	r.argv = argv;
	r.old_tid = 1240;
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"exec\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":null,\"path\":\"/bin/true\",\"argv\":[\"true\","
	       "\"--version\"],\"old_tid\":1240}\n",
	       "json exec from another thread, no exe");
	golden(AUDIT_TEXT, &r,
	       "TS [pid  1234] exec \"/bin/true\" [\"true\", \"--version\"]"
	       " (from thread 1240)\n",
	       "text exec from another thread");

	r.comm = "sh";
	r.exe = "/bin/dash";
	r.path = "/bin/sh";
	r.argv = NULL;
	r.old_tid = 1234;	/* same as tid: not shown */
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"exec\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"sh\",\"exe\":\"/bin/dash\",\"path\":\"/bin/sh\"}\n",
	       "json exec without argv, old_tid == tid");
	golden(AUDIT_TEXT, &r, "TS [pid  1234] exec \"/bin/sh\"\n",
	       "text exec without argv");

	r.argv = empty;
	r.old_tid = 0;
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"exec\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"sh\",\"exe\":\"/bin/dash\",\"path\":\"/bin/sh\","
	       "\"argv\":[]}\n",
	       "json exec with empty argv");
	golden(AUDIT_TEXT, &r, "TS [pid  1234] exec \"/bin/sh\" []\n",
	       "text exec with empty argv");
}

static void test_fork(void)
{
	struct audit_rec r = base;
	struct strbuf fl = STRBUF_INIT;
	char *want;

	r.kind = AUD_FORK;
	r.child = 1235;
	r.how = "clone";
	r.clone_flags = 0x00010000;	/* CLONE_THREAD */
	r.thread = true;
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"fork\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\",\"child\":1235,"
	       "\"how\":\"clone\",\"flags\":\"CLONE_THREAD\",\"thread\":true}\n",
	       "json clone of a thread");
	golden(AUDIT_TEXT, &r, "TS [pid  1234] clone -> 1235 (thread)\n",
	       "text clone of a thread");

	r.tid = 1236;
	r.child = 1300;
	r.how = "fork";
	r.clone_flags = 0;
	r.thread = false;
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"fork\",\"pid\":1234,\"tid\":1236,"
	       "\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\",\"child\":1300,"
	       "\"how\":\"fork\",\"flags\":\"0\",\"thread\":false}\n",
	       "json fork from a non-leader thread");
	golden(AUDIT_TEXT, &r, "TS [pid  1236] fork -> 1300\n",
	       "text fork");

	/* vfork's flags: CLONE_VM|CLONE_VFORK|SIGCHLD, as xlat spells it. */
	r.how = "vfork";
	r.clone_flags = 0x100 | 0x4000 | SIGCHLD;
	xlat_format(&fl, &xlat_clone_flags, r.clone_flags);
	T_OK(strstr(sb_str(&fl), "CLONE_VM") &&
		     strstr(sb_str(&fl), "CLONE_VFORK"),
	     "xlat names vfork's clone flags");
	want = cat("{\"ts\":\"TS\",\"type\":\"fork\",\"pid\":1234,"
		   "\"tid\":1236,\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\","
		   "\"child\":1300,\"how\":\"vfork\",\"flags\":\"",
		   sb_str(&fl), "\",\"thread\":false}\n", NULL, NULL);
	golden(AUDIT_JSON, &r, want, "json vfork with symbolic flags");
	free(want);
	sb_free(&fl);
}

static void test_exit(void)
{
	struct audit_rec r = base;

	r.kind = AUD_EXIT;
	r.exit_status = 0;
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"exit\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\",\"exit_status\":0}\n",
	       "json exit 0");
	golden(AUDIT_TEXT, &r, "TS [pid  1234] +++ exited with 0 +++\n",
	       "text exit 0");

	r.exit_status = 255;
	golden(AUDIT_TEXT, &r, "TS [pid  1234] +++ exited with 255 +++\n",
	       "text exit 255");

	r.signaled = true;
	r.term_signal = SIGKILL;
	r.exit_status = 99;	/* ignored when signaled */
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"exit\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\",\"signal\":\"SIGKILL\","
	       "\"core_dumped\":false}\n",
	       "json killed by SIGKILL");
	golden(AUDIT_TEXT, &r, "TS [pid  1234] +++ killed by SIGKILL +++\n",
	       "text killed by SIGKILL");

	r.term_signal = SIGSEGV;
	r.core_dumped = true;
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"exit\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\",\"signal\":\"SIGSEGV\","
	       "\"core_dumped\":true}\n",
	       "json killed by SIGSEGV with core");
	golden(AUDIT_TEXT, &r,
	       "TS [pid  1234] +++ killed by SIGSEGV (core dumped) +++\n",
	       "text killed by SIGSEGV with core");
}

static void test_signal(void)
{
	struct audit_rec r = base;
	siginfo_t si;
	char *js, *ts, *want;

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGCHLD;
	si.si_code = CLD_EXITED;
	si.si_pid = 1300;
	si.si_uid = 0;
	si.si_status = 5;
	r.kind = AUD_SIGNAL;
	r.si = &si;
	js = dec_siginfo(DECODE_JSON, &si);
	ts = dec_siginfo(DECODE_TEXT, &si);
	T_OK(js && json_valid(js, strlen(js)) && js[0] == '{',
	     "decoded JSON siginfo is an object");
	T_OK(ts && strncmp(ts, "{si_signo=SIGCHLD", 17) == 0,
	     "decoded text siginfo starts {si_signo=SIGCHLD");
	want = cat("{\"ts\":\"TS\",\"type\":\"signal\",\"pid\":1234,"
		   "\"tid\":1234,\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\","
		   "\"signal\":\"SIGCHLD\",\"siginfo\":",
		   js, "}\n", NULL, NULL);
	golden(AUDIT_JSON, &r, want, "json SIGCHLD");
	free(want);
	want = cat("TS [pid  1234] --- SIGCHLD ", ts, " ---\n", NULL, NULL);
	golden(AUDIT_TEXT, &r, want, "text SIGCHLD");
	free(want);
	free(js);
	free(ts);

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_USER;
	si.si_pid = 1234;
	r.tid = 1241;
	r.action = "suppress";
	r.reason = "policy.conf:7";
	js = dec_siginfo(DECODE_JSON, &si);
	ts = dec_siginfo(DECODE_TEXT, &si);
	want = cat("{\"ts\":\"TS\",\"type\":\"signal\",\"pid\":1234,"
		   "\"tid\":1241,\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\","
		   "\"signal\":\"SIGUSR1\",\"siginfo\":",
		   js, ",\"action\":\"suppress\",\"reason\":\"policy.conf:7\"}\n",
		   NULL, NULL);
	golden(AUDIT_JSON, &r, want, "json SIGUSR1 with action and reason");
	free(want);
	want = cat("TS [pid  1241] --- SIGUSR1 ", ts,
		   " --- <suppress: policy.conf:7>\n", NULL, NULL);
	golden(AUDIT_TEXT, &r, want, "text SIGUSR1 with action and reason");
	free(want);
	free(js);
	free(ts);
}

static void test_lifecycle(void)
{
	struct audit_rec r = base;

	r.kind = AUD_ATTACH;
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"attach\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\"}\n",
	       "json attach without reason");
	golden(AUDIT_TEXT, &r, "TS [pid  1234] attached\n", "text attach");

	r.kind = AUD_DETACH;
	r.reason = "user asked";
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"detach\",\"pid\":1234,\"tid\":1234,"
	       "\"comm\":\"cat\",\"exe\":\"/usr/bin/cat\","
	       "\"reason\":\"user asked\"}\n",
	       "json detach with reason");
	golden(AUDIT_TEXT, &r, "TS [pid  1234] detached: user asked\n",
	       "text detach with reason");

	r.kind = AUD_KILL;
	r.pid = 77;
	r.tid = 78;
	r.comm = NULL;
	r.exe = NULL;
	r.reason = "policy.conf:5: kill execve\n";
	golden(AUDIT_JSON, &r,
	       "{\"ts\":\"TS\",\"type\":\"kill\",\"pid\":77,\"tid\":78,"
	       "\"comm\":null,\"reason\":\"policy.conf:5: kill execve\\n\"}\n",
	       "json kill with reason");
	golden(AUDIT_TEXT, &r,
	       "TS [pid    78] killed by jail: policy.conf:5: kill execve\\x0a\n",
	       "text kill: control bytes escaped, one line");
}

/* Control bytes and invalid UTF-8 in strings the tracee controls. */
static void test_hostile_bytes(void)
{
	static const char bad[] = "/tmp/a\x01" "b\xff\xc3(\n\"\\\x7f\xe2\x82\xac";
	char *const argv[] = { (char *)bad, "\xed\xa0\x80", NULL };
	struct audit_rec r = base;
	struct strbuf got = STRBUF_INIT;
	char *line, *f;
	bool ok;

	r.kind = AUD_EXEC;
	r.comm = "x\x1b[2Jy";
	r.exe = bad;
	r.path = bad;
	r.argv = argv;
	line = fmt(AUDIT_JSON, &r);
	T_OK(line && json_line_valid(line),
	     "exec with control bytes and bad UTF-8 is one valid JSON line");
	f = line ? field(line, "path") : NULL;
	/* Worked out from the escaping rules: \u0001, \udcff for the stray
	 * 0xff, \udcc3 for a lead byte without its continuation, the euro
	 * sign kept as UTF-8. */
	T_STREQ(f,
		"\"/tmp/a\\u0001b\\udcff\\udcc3(\\n\\\"\\\\\\u007f\xe2\x82\xac\"",
		"path escaped per the surrogateescape rule");
	free(f);
	f = line ? field(line, "comm") : NULL;
	T_STREQ(f, "\"x\\u001b[2Jy\"", "comm's ESC is escaped");
	free(f);
	ok = line && field_bytes(line, "exe", &got);
	T_OK(ok && got.len == strlen(bad) && memcmp(got.buf, bad, got.len) == 0,
	     "exe decodes back to the original bytes");
	free(line);
	sb_free(&got);

	line = fmt(AUDIT_TEXT, &r);
	T_STREQ(line,
		"TS [pid  1234] exec \"/tmp/a\\x01b\\xff\\xc3(\\n\\\"\\\\\\x7f"
		"\\xe2\\x82\\xac\" [\"/tmp/a\\x01b\\xff\\xc3(\\n\\\"\\\\\\x7f"
		"\\xe2\\x82\\xac\", \"\\xed\\xa0\\x80\"]\n",
		"text exec quotes like strace, one line");
	free(line);

	/* The same path read out of tracee memory by the decoder. */
	r = base;
	r.kind = AUD_SYSCALL;
	r.nr = 257;
	r.ent = systab_by_nr(ABI_X86_64, 257);
	r.args[0] = (uint64_t)(int64_t)-100;
	r.args[1] = MEM_BASE;
	r.mem = &fake_mem;
	r.action = "deny";
	r.reason = NULL;
	mem_set(bad, sizeof(bad));
	line = fmt(AUDIT_JSON, &r);
	T_OK(line && json_line_valid(line),
	     "syscall with a hostile path is one valid JSON line");
	T_OK(line && strstr(line, "\\udcff"),
	     "the decoder surrogate-escapes the path's bad byte");
	free(line);
	line = fmt(AUDIT_TEXT, &r);
	T_OK(line && strchr(line, '\n') == line + strlen(line) - 1,
	     "text syscall with a hostile path is one line");
	free(line);
}

/* Random byte strings as exec paths: every line valid JSON, every path
 * decoding back to its bytes. */
static void test_random_bytes(void)
{
	static const unsigned char pool[] = {
		'a', '/', '"', '\\', '\n', 0x01, 0x1f, 0x7f, 0x80, 0xbf,
		0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
		0xa0, 0x9f, 0x8f, 0x90,
	};
	struct audit_rec r = base;
	struct strbuf got = STRBUF_INIT;
	unsigned long seed = 12345;
	char path[65], *line;
	int i, bad_json = 0, bad_trip = 0;
	size_t n, k;

	r.kind = AUD_EXEC;
	r.path = path;
	for (i = 0; i < 2000; i++) {
		seed = seed * 6364136223846793005ul + 1442695040888963407ul;
		n = (seed >> 33) % 64;
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005ul +
			       1442695040888963407ul;
			path[k] = (char)pool[(seed >> 33) % sizeof(pool)];
		}
		path[n] = '\0';
		line = audit_format_rec(AUDIT_JSON, &r);
		if (!line || !json_line_valid(line)) {
			bad_json++;
		} else {
			sb_reset(&got);
			if (!field_bytes(line, "path", &got) || got.len != n ||
			    memcmp(sb_str(&got), path, n) != 0)
				bad_trip++;
		}
		free(line);
	}
	T_OK(bad_json == 0, "2000 random paths: all valid JSON (%d bad)",
	     bad_json);
	T_OK(bad_trip == 0, "2000 random paths: all decode back (%d bad)",
	     bad_trip);
	sb_free(&got);
}

/* --- writing --- */

static char tmpdir[] = "/tmp/test_audit.XXXXXX";

static char *slurp(const char *path, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		sb_append(&sb, buf, (size_t)n);
	close(fd);
	*len = sb.len;
	if (!sb.buf)
		return strdup("");
	return sb.buf;
}

static int count_lines(const char *s, size_t len)
{
	int n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

enum { NREC = 1000, BIGARG = 3000 };

/* One writer: NREC exec records of ~6 KB each (more than a page, so a torn
 * write would show), argv[0] = "seq=N". */
static int writer(const char *path, int go_fd, int tag)
{
	struct audit *a;
	struct audit_rec r = base;
	char seq[32], big[BIGARG + 1], big2[BIGARG + 1];
	char *argv[] = { seq, big, big2, NULL };
	char c;
	int i;

	memset(big, 'a' + tag, BIGARG);
	big[BIGARG] = 0;
	memset(big2, '\x01', BIGARG);	/* escaped: 6 bytes each in JSON */
	big2[BIGARG / 6] = 0;
	if (audit_open(&a, path, AUDIT_JSON) != 0)
		return 1;
	if (read(go_fd, &c, 1) < 0)	/* both start together */
		return 2;
	r.kind = AUD_EXEC;
	r.pid = getpid();
	r.tid = r.pid;
	r.path = "/bin/writer";
	r.argv = argv;
	for (i = 0; i < NREC; i++) {
		snprintf(seq, sizeof(seq), "seq=%d", i);
		if (audit_write(a, &r) != 0)
			return 3;
	}
	audit_close(a);
	return 0;
}

/* One line of the shared log (with its '\n', NUL after it): a valid exec
 * record from one of the writers, carrying that writer's next seq. */
static bool check_line(const char *line, const pid_t kids[2], int next[2])
{
	char want[48], *f;
	long pid;
	int i;
	bool ok;

	if (!json_line_valid(line))
		return false;
	f = field(line, "pid");
	pid = strtol(f, NULL, 10);
	free(f);
	i = pid == kids[0] ? 0 : pid == kids[1] ? 1 : -1;
	if (i < 0)
		return false;
	snprintf(want, sizeof(want), "[\"seq=%d\",", next[i]);
	f = field(line, "argv");
	ok = strncmp(f, want, strlen(want)) == 0;
	free(f);
	if (ok)
		next[i]++;
	return ok;
}

static void test_concurrent_append(void)
{
	char path[64], *data, *line, *nl, save;
	pid_t kids[2];
	int next[2] = { 0, 0 }, go[2], st, i, nlines = 0, bad = 0;
	bool statuses_ok = true;
	size_t len = 0;

	snprintf(path, sizeof(path), "%s/concurrent.jsonl", tmpdir);
	if (pipe(go) != 0) {
		T_OK(0, "pipe");
		return;
	}
	for (i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			close(go[1]);
			_exit(writer(path, go[0], i));
		}
	}
	close(go[0]);
	close(go[1]);		/* EOF: go */
	for (i = 0; i < 2; i++) {
		if (kids[i] < 0 || waitpid(kids[i], &st, 0) != kids[i] ||
		    !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			statuses_ok = false;
	}
	T_OK(statuses_ok, "both writers finished cleanly");

	data = slurp(path, &len);
	T_OK(data && len > 0 && data[len - 1] == '\n',
	     "log ends with a complete line");
	for (line = data; data && line < data + len; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(data + len - line));
		if (!nl) {
			bad++;
			break;
		}
		nlines++;
		save = nl[1];
		nl[1] = '\0';
		if (!check_line(line, kids, next))
			bad++;
		nl[1] = save;
	}
	T_OK(nlines == 2 * NREC, "%d lines, want %d", nlines, 2 * NREC);
	T_OK(bad == 0, "every line is a whole valid record (%d bad)", bad);
	T_OK(next[0] == NREC && next[1] == NREC,
	     "each writer's records in order, none lost (%d, %d)", next[0],
	     next[1]);
	free(data);
	unlink(path);
}

/* The descriptor this process has open on path, or -1. */
static int fd_of(const char *path)
{
	char link[64], target[256];
	ssize_t n;
	int fd;

	for (fd = 0; fd < 1024; fd++) {
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		n = readlink(link, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		if (strcmp(target, path) == 0)
			return fd;
	}
	return -1;
}

static void test_open_and_errors(void)
{
	char path[64], *data;
	struct audit *a = NULL;
	struct audit_rec r = base;
	struct stat st;
	size_t len;
	int err, fd, saved, pst = 0;
	pid_t pid;
	mode_t old;
	bool ok;

	r.kind = AUD_EXIT;
	snprintf(path, sizeof(path), "%s/log.txt", tmpdir);

	/* Created 0600, even with a permissive umask. */
	old = umask(0);
	err = audit_open(&a, path, AUDIT_TEXT);
	umask(old);
	T_OK(err == 0 && a, "audit_open creates a text log");
	T_OK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0600,
	     "the log is created 0600");
	fd = fd_of(path);
	T_OK(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC) &&
		     (fcntl(fd, F_GETFL) & O_APPEND),
	     "the log's descriptor is O_APPEND and close-on-exec");
	err = a ? audit_write(a, &r) : -EBADF;
	T_OK(err == 0, "audit_write text");
	r.exit_status = 3;
	err = a ? audit_write(a, &r) : -EBADF;
	T_OK(err == 0, "audit_write text again");
	/* Nothing is held back: both lines are in the file before close. */
	data = slurp(path, &len);
	T_OK(data && strstr(data, "+++ exited with 0 +++\n") &&
		     strstr(data, "+++ exited with 3 +++\n") &&
		     count_lines(data, len) == 2,
	     "records are in the file as soon as audit_write returns");
	free(data);
	audit_close(a);

	/* Reopening appends: earlier lines stay. */
	err = audit_open(&a, path, AUDIT_TEXT);
	T_OK(err == 0, "reopen");
	r.signaled = true;
	r.term_signal = SIGKILL;
	err = a ? audit_write(a, &r) : -EBADF;
	T_OK(err == 0, "append after reopen");
	audit_close(a);
	data = slurp(path, &len);
	T_OK(data && count_lines(data, len) == 3 &&
		     strstr(data, " [pid  1234] +++ exited with 0 +++\n") &&
		     strstr(data, " [pid  1234] +++ exited with 3 +++\n") &&
		     strstr(data, " [pid  1234] +++ killed by SIGKILL +++\n") &&
		     strstr(data, "exited with 0") < strstr(data, "exited with 3") &&
		     strstr(data, "exited with 3") < strstr(data, "SIGKILL"),
	     "three text lines, in order, none truncated");
	free(data);
	unlink(path);

	/* Errors come back as -errno. */
	err = audit_open(&a, "/nonexistent/dir/log", AUDIT_JSON);
	T_OK(err == -ENOENT && a == NULL,
	     "audit_open of a missing directory: -ENOENT");
	err = audit_open(&a, "/dev/full", AUDIT_JSON);
	T_OK(err == 0, "open /dev/full");
	err = a ? audit_write(a, &r) : -EBADF;
	T_OK(err == -ENOSPC, "write to a full device: -ENOSPC (%d)", err);
	audit_close(a);
	audit_close(NULL);

	/* "-" is standard error, dup'ed: closing the log leaves fd 2 open. */
	snprintf(path, sizeof(path), "%s/stderr.jsonl", tmpdir);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	dup2(fd, STDERR_FILENO);
	close(fd);
	err = audit_open(&a, "-", AUDIT_JSON);
	r.signaled = false;
	r.exit_status = 42;
	if (err == 0)
		err = audit_write(a, &r);
	audit_close(a);
	T_OK(fcntl(STDERR_FILENO, F_GETFD) >= 0, "fd 2 survives audit_close");
	dup2(saved, STDERR_FILENO);
	close(saved);
	data = slurp(path, &len);
	T_OK(err == 0 && data && json_line_valid(data) &&
		     strstr(data, "\"exit_status\":42}"),
	     "\"-\" writes one JSON record to standard error");
	free(data);
	unlink(path);

	/* A short write on a regular file is -EIO, and nothing more is
	 * written: RLIMIT_FSIZE cuts the write short mid-record. */
	snprintf(path, sizeof(path), "%s/short.jsonl", tmpdir);
	pid = fork();
	if (pid == 0) {
		struct rlimit rl = { 100, 100 };
		char *const argv[] = { "0123456789012345678901234567890123456789"
				       "0123456789012345678901234567890123456789",
				       NULL };

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0 ||
		    audit_open(&a, path, AUDIT_JSON) != 0)
			_exit(10);
		r.kind = AUD_EXEC;
		r.path = "/bin/x";
		r.argv = argv;
		err = audit_write(a, &r);
		if (err != -EIO)
			_exit(11);
		/* At the limit now: the next write fails outright. */
		err = audit_write(a, &r);
		audit_close(a);
		_exit(err == -EFBIG ? 0 : 12);
	}
	ok = pid > 0 && waitpid(pid, &pst, 0) == pid;
	T_OK(ok && WIFEXITED(pst) && WEXITSTATUS(pst) == 0,
	     "short write: -EIO, then -EFBIG (child status %d)",
	     WIFEXITED(pst) ? WEXITSTATUS(pst) : -1);
	T_OK(stat(path, &st) == 0 && st.st_size == 100,
	     "the short write was not continued (size %lld)",
	     (long long)st.st_size);
	unlink(path);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_checker();
	test_ts();
	test_syscall();
	test_exec();
	test_fork();
	test_exit();
	test_signal();
	test_lifecycle();
	test_hostile_bytes();
	test_random_bytes();
	test_open_and_errors();
	test_concurrent_append();
	rmdir(tmpdir);
	return T_DONE();
}

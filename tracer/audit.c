/* audit: the syscall audit log. Schema and guarantees: docs/audit.md.
 *
 * A record is built whole in memory and handed to the kernel in a single
 * write(2) on an O_APPEND descriptor. Nothing is kept back between calls:
 * if jail is SIGKILLed right after audit_write() returns, the record is in
 * the file. Several writers (two jails, or forked test processes) sharing
 * one file each get whole lines, because the kernel appends one write at a
 * time to a regular file.
 */
#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "strbuf.h"
#include "xlat.h"

struct audit {
	int fd;
	enum audit_format fmt;
	bool is_reg;		/* a short write is an error, not continued */
	struct strbuf sb;	/* reused by every record, empty between */
};

static const char *const kind_names[] = {
	[AUD_SYSCALL] = "syscall",
	[AUD_EXEC] = "exec",
	[AUD_FORK] = "fork",
	[AUD_EXIT] = "exit",
	[AUD_SIGNAL] = "signal",
	[AUD_ATTACH] = "attach",
	[AUD_DETACH] = "detach",
	[AUD_KILL] = "kill",
};
_Static_assert(sizeof(kind_names) / sizeof(kind_names[0]) == AUD_KILL + 1,
	       "one name per audit_kind");

static const char *kind_name(enum audit_kind k)
{
	if ((unsigned)k < sizeof(kind_names) / sizeof(kind_names[0]))
		return kind_names[k];
	return "unknown";
}

/* Decoding reads tracee memory through r->mem; a record without one (a
 * test, or a task already gone) gets a reader that finds nothing there, so
 * the decoder shows addresses instead of dereferencing NULL. */
static ssize_t no_mem_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx, (void)addr, (void)buf, (void)len;
	return -EFAULT;
}

static const struct mem_reader no_mem = { .read = no_mem_read };

static const struct mem_reader *rec_mem(const struct audit_rec *r)
{
	return r->mem && r->mem->read ? r->mem : &no_mem;
}

/* "2026-11-22T12:41:46.123456Z": RFC 3339, UTC, microseconds. */
static void put_ts(struct strbuf *sb)
{
	struct timespec ts;
	struct tm tm;
	char buf[32];

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0 ||
	    !gmtime_r(&ts.tv_sec, &tm) ||
	    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm) == 0) {
		/* Cannot happen for any clock value of this century; keep
		 * the field's shape so readers need no special case. */
		sb_puts(sb, "1970-01-01T00:00:00.000000Z");
		return;
	}
	sb_printf(sb, "%s.%06ldZ", buf, ts.tv_nsec / 1000);
}

static const char *sig_name(int sig, char *buf, size_t n)
{
	const char *s = sig > 0 ? signal_name(sig) : NULL;

	if (s)
		return s;
	snprintf(buf, n, "signal_%d", sig);
	return buf;
}

static const char *abi_str(enum sc_abi abi)
{
	const char *s = abi < ABI_COUNT ? abi_name(abi) : NULL;

	return s ? s : "unknown";
}

/* --- JSON --- */

static void j_key(struct strbuf *sb, const char *key)
{
	sb_printf(sb, ",\"%s\":", key);
}

static void j_str(struct strbuf *sb, const char *key, const char *val)
{
	j_key(sb, key);
	if (val)
		sb_json_str(sb, val, strlen(val));
	else
		sb_puts(sb, "null");
}

static void j_int(struct strbuf *sb, const char *key, long long val)
{
	j_key(sb, key);
	sb_printf(sb, "%lld", val);
}

static void j_bool(struct strbuf *sb, const char *key, bool val)
{
	j_key(sb, key);
	sb_puts(sb, val ? "true" : "false");
}

static void json_syscall(struct strbuf *sb, const struct audit_rec *r)
{
	char name[32];

	j_str(sb, "abi", abi_str(r->abi));
	if (!r->ent)
		snprintf(name, sizeof(name), "syscall_%ld", r->nr);
	j_str(sb, "syscall", r->ent ? r->ent->name : name);
	j_int(sb, "nr", r->nr);
	j_key(sb, "args");
	decode_syscall(sb, DECODE_JSON, r->ent, r->nr, r->args, rec_mem(r));
	if (r->has_ret) {
		j_key(sb, "ret");
		decode_retval(sb, DECODE_JSON, r->ent, r->ret);
	}
	j_str(sb, "action", r->action);
	j_str(sb, "rule", r->rule);
	if (r->tip)
		j_str(sb, "tip", r->tip);
}

static void json_exec(struct strbuf *sb, const struct audit_rec *r)
{
	size_t i;

	j_str(sb, "path", r->path);
	if (r->argv) {
		j_key(sb, "argv");
		sb_putc(sb, '[');
		for (i = 0; r->argv[i]; i++) {
			if (i)
				sb_putc(sb, ',');
			sb_json_str(sb, r->argv[i], strlen(r->argv[i]));
		}
		sb_putc(sb, ']');
	}
	if (r->old_tid && r->old_tid != r->tid)
		j_int(sb, "old_tid", r->old_tid);
}

static void json_fork(struct strbuf *sb, const struct audit_rec *r)
{
	struct strbuf fl = STRBUF_INIT;

	j_int(sb, "child", r->child);
	j_str(sb, "how", r->how);
	xlat_format(&fl, &xlat_clone_flags, r->clone_flags);
	if (fl.oom)
		sb->oom = true;
	j_str(sb, "flags", sb_str(&fl));
	j_bool(sb, "thread", r->thread);
	sb_free(&fl);
}

static void json_exit(struct strbuf *sb, const struct audit_rec *r)
{
	char buf[32];

	if (r->signaled) {
		j_str(sb, "signal", sig_name(r->term_signal, buf, sizeof(buf)));
		j_bool(sb, "core_dumped", r->core_dumped);
	} else {
		j_int(sb, "exit_status", r->exit_status);
	}
}

static void json_signal(struct strbuf *sb, const struct audit_rec *r)
{
	char buf[32];

	if (r->si) {
		j_str(sb, "signal",
		      sig_name(r->si->si_signo, buf, sizeof(buf)));
		j_key(sb, "siginfo");
		decode_siginfo(sb, DECODE_JSON, r->si);
	} else {
		j_str(sb, "signal", NULL);
		j_str(sb, "siginfo", NULL);
	}
	if (r->action)
		j_str(sb, "action", r->action);
	if (r->reason)
		j_str(sb, "reason", r->reason);
}

static void json_reason(struct strbuf *sb, const struct audit_rec *r)
{
	if (r->reason)
		j_str(sb, "reason", r->reason);
}

/* Per-kind fields, in both formats; indexed by enum audit_kind. */
typedef void (*rec_fn)(struct strbuf *sb, const struct audit_rec *r);

static const rec_fn json_fns[] = {
	[AUD_SYSCALL] = json_syscall,
	[AUD_EXEC] = json_exec,
	[AUD_FORK] = json_fork,
	[AUD_EXIT] = json_exit,
	[AUD_SIGNAL] = json_signal,
	[AUD_ATTACH] = json_reason,
	[AUD_DETACH] = json_reason,
	[AUD_KILL] = json_reason,
};
_Static_assert(sizeof(json_fns) / sizeof(json_fns[0]) == AUD_KILL + 1,
	       "one JSON formatter per audit_kind");

static void format_json(struct strbuf *sb, const struct audit_rec *r)
{
	sb_puts(sb, "{\"ts\":\"");
	put_ts(sb);
	sb_putc(sb, '"');
	j_str(sb, "type", kind_name(r->kind));
	j_int(sb, "pid", r->pid);
	j_int(sb, "tid", r->tid);
	j_str(sb, "comm", r->comm);
	if (r->exe)
		j_str(sb, "exe", r->exe);
	if ((unsigned)r->kind < AUD_KILL + 1)
		json_fns[r->kind](sb, r);
	sb_puts(sb, "}\n");
}

/* --- text --- */

/* A free-form string (a reason, a tip) on a text line: printable as is,
 * control bytes escaped, so one record stays one line. */
static void t_raw(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			sb_printf(sb, "\\x%02x", c);
		else
			sb_putc(sb, (char)c);
	}
}

static void text_syscall(struct strbuf *sb, const struct audit_rec *r)
{
	decode_syscall(sb, DECODE_TEXT, r->ent, r->nr, r->args, rec_mem(r));
	sb_puts(sb, " = ");
	if (r->has_ret)
		decode_retval(sb, DECODE_TEXT, r->ent, r->ret);
	else
		sb_putc(sb, '?');
	sb_puts(sb, " <");
	t_raw(sb, r->action ? r->action : "?");
	if (r->rule) {
		sb_putc(sb, ' ');
		t_raw(sb, r->rule);
	}
	if (r->tip) {
		sb_puts(sb, "; tip: ");
		t_raw(sb, r->tip);
	}
	sb_putc(sb, '>');
	if (r->abi != ABI_X86_64) {
		sb_puts(sb, " [");
		t_raw(sb, abi_str(r->abi));
		sb_putc(sb, ']');
	}
}

static void text_exec(struct strbuf *sb, const struct audit_rec *r)
{
	size_t i;

	sb_puts(sb, "exec ");
	if (r->path)
		sb_c_str(sb, r->path, strlen(r->path));
	else
		sb_putc(sb, '?');
	if (r->argv) {
		sb_puts(sb, " [");
		for (i = 0; r->argv[i]; i++) {
			if (i)
				sb_puts(sb, ", ");
			sb_c_str(sb, r->argv[i], strlen(r->argv[i]));
		}
		sb_putc(sb, ']');
	}
	if (r->old_tid && r->old_tid != r->tid)
		sb_printf(sb, " (from thread %d)", (int)r->old_tid);
}

static void text_fork(struct strbuf *sb, const struct audit_rec *r)
{
	t_raw(sb, r->how ? r->how : "fork");
	sb_printf(sb, " -> %d", (int)r->child);
	if (r->thread)
		sb_puts(sb, " (thread)");
}

static void text_exit(struct strbuf *sb, const struct audit_rec *r)
{
	char buf[32];

	if (r->signaled)
		sb_printf(sb, "+++ killed by %s%s +++",
			  sig_name(r->term_signal, buf, sizeof(buf)),
			  r->core_dumped ? " (core dumped)" : "");
	else
		sb_printf(sb, "+++ exited with %d +++", r->exit_status);
}

static void text_signal(struct strbuf *sb, const struct audit_rec *r)
{
	char buf[32];

	if (r->si) {
		sb_printf(sb, "--- %s ",
			  sig_name(r->si->si_signo, buf, sizeof(buf)));
		decode_siginfo(sb, DECODE_TEXT, r->si);
		sb_puts(sb, " ---");
	} else {
		sb_puts(sb, "--- ? ---");
	}
	if (r->action || r->reason) {
		sb_puts(sb, " <");
		if (r->action)
			t_raw(sb, r->action);
		if (r->action && r->reason)
			sb_puts(sb, ": ");
		if (r->reason)
			t_raw(sb, r->reason);
		sb_putc(sb, '>');
	}
}

static void text_reason(struct strbuf *sb, const struct audit_rec *r)
{
	/* "attached", "detached", "killed by jail" */
	static const char *const what[] = {
		[AUD_ATTACH] = "attached",
		[AUD_DETACH] = "detached",
		[AUD_KILL] = "killed by jail",
	};

	sb_puts(sb, what[r->kind]);
	if (r->reason) {
		sb_puts(sb, ": ");
		t_raw(sb, r->reason);
	}
}

static const rec_fn text_fns[] = {
	[AUD_SYSCALL] = text_syscall,
	[AUD_EXEC] = text_exec,
	[AUD_FORK] = text_fork,
	[AUD_EXIT] = text_exit,
	[AUD_SIGNAL] = text_signal,
	[AUD_ATTACH] = text_reason,
	[AUD_DETACH] = text_reason,
	[AUD_KILL] = text_reason,
};
_Static_assert(sizeof(text_fns) / sizeof(text_fns[0]) == AUD_KILL + 1,
	       "one text formatter per audit_kind");

static void format_text(struct strbuf *sb, const struct audit_rec *r)
{
	put_ts(sb);
	sb_printf(sb, " [pid %5d] ", (int)r->tid);
	if ((unsigned)r->kind < AUD_KILL + 1)
		text_fns[r->kind](sb, r);
	else
		sb_printf(sb, "??? record kind %d", (int)r->kind);
	sb_putc(sb, '\n');
}

/* Returns 0 or -ENOMEM; sb holds one complete line on success. */
static int format_rec(struct strbuf *sb, enum audit_format fmt,
		      const struct audit_rec *r)
{
	if (fmt == AUDIT_TEXT)
		format_text(sb, r);
	else
		format_json(sb, r);
	return sb->oom ? -ENOMEM : 0;
}

char *audit_format_rec(enum audit_format fmt, const struct audit_rec *r)
{
	struct strbuf sb = STRBUF_INIT;

	if (format_rec(&sb, fmt, r) != 0) {
		sb_free(&sb);
		return NULL;
	}
	return sb.buf;		/* ownership passes to the caller */
}

int audit_open(struct audit **out, const char *path, enum audit_format fmt)
{
	struct audit *a;
	struct stat st;
	int err;

	*out = NULL;
	a = calloc(1, sizeof(*a));
	if (!a)
		return -ENOMEM;
	a->fmt = fmt;
	/* stderr is dup'ed so audit_close() closes what it opened either
	 * way. Its O_APPEND flag is left as the shell set it: the open file
	 * description is shared with our parent. */
	if (strcmp(path, "-") == 0)
		a->fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	else
		a->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC |
					   O_NOCTTY,
			     0600);
	if (a->fd < 0) {
		err = -errno;
		goto fail;
	}
	if (fstat(a->fd, &st) != 0) {
		err = -errno;
		goto fail;
	}
	a->is_reg = S_ISREG(st.st_mode);
	*out = a;
	return 0;
fail:
	if (a->fd >= 0)
		close(a->fd);
	free(a);
	return err;
}

/* One write(2) for the whole line. On a regular file a short count means
 * the disk filled or a limit was hit mid-record; writing the rest later
 * could interleave with another writer's record, so the line is reported
 * lost instead (it may be left truncated, without its '\n'). On a pipe or
 * a terminal, where a signal can split a large write, the rest follows. */
static int write_line(struct audit *a, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(a->fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if ((size_t)n == len)
			return 0;
		if (a->is_reg || n == 0)
			return -EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int audit_write(struct audit *a, const struct audit_rec *r)
{
	int err;

	sb_reset(&a->sb);
	err = format_rec(&a->sb, a->fmt, r);
	if (err == 0)
		err = write_line(a, a->sb.buf, a->sb.len);
	sb_reset(&a->sb);
	return err;
}

void audit_close(struct audit *a)
{
	if (!a)
		return;
	close(a->fd);
	sb_free(&a->sb);
	free(a);
}

/* decode: syscall arguments, return values and siginfo as text or JSON.
 *
 * Arguments are decoded by type (enum sc_argtype, from the syscall table);
 * the few syscalls whose argument types depend on another argument (fcntl,
 * prctl) have a small table of overrides below. Tracee memory is read
 * through a mem_reader in chunks that never cross a page boundary, so
 * data that ends just before an unmapped page is still read even by an
 * all-or-nothing reader.
 *
 * Shapes (TEXT, as strace prints them; JSON):
 *   path, string   "/etc/passwd", "aaa"... when cut    "/etc/passwd"
 *   NULL pointer   NULL                                 null
 *   pointer        0x7ffd1234                           "0x7ffd1234"
 *   flags, enum    O_RDONLY|O_CLOEXEC                   "O_RDONLY|O_CLOEXEC"
 *   mode           0644, S_IFCHR|0600                   "0644"
 *   signal         SIGTERM                              "SIGTERM"
 *   dirfd          AT_FDCWD                             "AT_FDCWD"
 *   integers       3                                    3
 *   argv           ["ls", "-l"]                         ["ls","-l"]
 *   envp           0x7ffd... /\* 23 vars *\/            23
 *   sockaddr       {sa_family=AF_INET, sin_port=htons(80),
 *                   sin_addr=inet_addr("127.0.0.1")}
 *                  {"family":"AF_INET","addr":"127.0.0.1","port":80}
 * Memory that cannot be read is shown as the pointer. In JSON, arguments
 * whose string, buffer or argv was cut short are listed in a last key,
 * "_truncated":["pathname"], so the values themselves stay exact.
 *
 * i386 tasks: values are 32 bits wide (the decoder masks them) and argv
 * pointers are 4 bytes. The ABI is recovered from the table entry itself.
 */
#include "decode.h"
#include "xlat.h"
#include "xlat_tables.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Reads never cross this boundary. x86 pages are 4 KiB or multiples of
 * it, so chunks bounded by 4 KiB never cross a larger page either. */
#define CHUNK 4096u

/* Most environment entries counted for "/\* N vars *\/". */
#define ENVP_COUNT_MAX 4096

/* ---- Reading tracee memory ---- */

/* One read through mr; a missing reader reads nothing. */
static ssize_t mr_read(const struct mem_reader *mr, uint64_t addr, void *buf,
		       size_t len)
{
	if (!mr || !mr->read)
		return -EFAULT;
	return mr->read(mr->ctx, addr, buf, len);
}

static size_t chunk_len(uint64_t addr, size_t want)
{
	size_t room = CHUNK - (size_t)(addr % CHUNK);

	return want < room ? want : room;
}

/* Read up to len bytes at addr, page chunk by page chunk, stopping at the
 * first short or failed chunk. Returns the bytes read, or -errno when not
 * even the first byte could be read. */
static ssize_t read_mem(const struct mem_reader *mr, uint64_t addr, void *buf,
			size_t len)
{
	size_t done = 0;

	while (done < len) {
		size_t want = chunk_len(addr + done, len - done);
		ssize_t n = mr_read(mr, addr + done, (char *)buf + done, want);

		if (n <= 0) {
			if (done)
				break;
			return n < 0 ? n : -EFAULT;
		}
		done += (size_t)n;
		if ((size_t)n < want)
			break;
	}
	return (ssize_t)done;
}

char *decode_read_str(const struct mem_reader *mr, uint64_t addr,
		      size_t max, size_t *len, bool *truncated)
{
	size_t done = 0;
	bool cut = true;
	char *buf;

	buf = malloc(max + 1);
	if (!buf)
		return NULL;	/* errno is ENOMEM */
	while (done < max) {
		size_t want = chunk_len(addr + done, max - done);
		ssize_t n;
		char *nul;

		/* Most strings are short: a small first read spares copying
		 * the rest of the page. */
		if (!done && want > 256)
			want = 256;
		n = mr_read(mr, addr + done, buf + done, want);

		if (n <= 0) {
			if (done)
				break;
			free(buf);
			errno = n < 0 ? (int)-n : EFAULT;
			return NULL;
		}
		nul = memchr(buf + done, '\0', (size_t)n);
		if (nul) {
			done = (size_t)(nul - buf);
			cut = false;
			break;
		}
		done += (size_t)n;
		if ((size_t)n < want)
			break;	/* ran into unreadable memory */
	}
	buf[done] = '\0';
	if (len)
		*len = done;
	if (truncated)
		*truncated = cut;
	return buf;
}

/* Pointers of a tracee array, read a chunk at a time. */
struct ptr_iter {
	const struct mem_reader *mr;
	uint64_t addr;		/* of the next unread byte */
	unsigned psize;
	unsigned char buf[512];
	size_t have, pos;
};

/* 1 with *val set, 0 when the next pointer cannot be read. */
static int ptr_next(struct ptr_iter *it, uint64_t *val)
{
	if (it->pos + it->psize > it->have) {
		size_t want = chunk_len(it->addr, sizeof(it->buf));
		ssize_t n;

		want -= want % it->psize;
		if (want == 0)
			want = it->psize;	/* unaligned array */
		n = read_mem(it->mr, it->addr, it->buf, want);
		if (n < (ssize_t)it->psize)
			return 0;
		it->have = (size_t)n - (size_t)n % it->psize;
		it->pos = 0;
		it->addr += it->have;
	}
	if (it->psize == 4) {
		uint32_t v;

		memcpy(&v, it->buf + it->pos, 4);
		*val = v;
	} else {
		memcpy(val, it->buf + it->pos, 8);
	}
	it->pos += it->psize;
	return 1;
}

static unsigned abi_psize(enum sc_abi abi)
{
	return abi == ABI_I386 ? 4 : 8;
}

/* An argv read with what was cut: per string, and past the last entry. */
struct strv {
	char **v;	/* NULL-terminated */
	bool *cut;	/* per string */
	size_t n;
	bool more;	/* entries left unread (max reached, unreadable) */
};

static void strv_free(struct strv *s)
{
	decode_free_strv(s->v);
	free(s->cut);
	*s = (struct strv){ 0 };
}

/* 0, or -errno when the array itself cannot be read. */
static int read_strv(const struct mem_reader *mr, uint64_t addr,
		     enum sc_abi abi, size_t max, struct strv *out)
{
	struct ptr_iter it = { .mr = mr, .addr = addr,
			       .psize = abi_psize(abi) };
	uint64_t p;
	int err = 0;

	*out = (struct strv){ 0 };
	out->v = calloc(max + 1, sizeof(*out->v));
	out->cut = calloc(max + 1, sizeof(*out->cut));
	if (!out->v || !out->cut) {
		err = -ENOMEM;
		goto out;
	}
	for (;;) {
		if (!ptr_next(&it, &p)) {
			if (out->n == 0) {
				err = -EFAULT;
				goto out;
			}
			out->more = true;
			break;
		}
		if (p == 0)
			break;
		if (out->n == max) {
			out->more = true;
			break;
		}
		out->v[out->n] = decode_read_str(mr, p, DECODE_STR_MAX, NULL,
						 &out->cut[out->n]);
		if (!out->v[out->n]) {
			if (errno == ENOMEM) {
				err = -ENOMEM;
				goto out;
			}
			out->more = true;	/* an unreadable string */
			break;
		}
		out->n++;
	}
out:
	if (err)
		strv_free(out);
	return err;
}

char **decode_read_strv(const struct mem_reader *mr, uint64_t addr,
			enum sc_abi abi, size_t max, bool *truncated)
{
	struct strv s;
	bool cut;
	size_t i;
	int err;

	err = read_strv(mr, addr, abi, max, &s);
	if (err) {
		errno = -err;
		return NULL;
	}
	cut = s.more;
	for (i = 0; i < s.n; i++)
		cut |= s.cut[i];
	if (truncated)
		*truncated = cut;
	free(s.cut);
	return s.v;	/* the caller owns it now */
}

void decode_free_strv(char **v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}

/* ---- Decoding context ---- */

struct dctx {
	struct strbuf *sb;
	enum decode_style st;
	const struct mem_reader *mr;
	enum sc_abi abi;
	const uint64_t *args;
	const char *argname;	/* of the argument being decoded */
	struct strbuf cut;	/* JSON: names of truncated arguments */
};

static bool json(const struct dctx *d)
{
	return d->st == DECODE_JSON;
}

/* The entry's ABI: an entry of the i386 table is i386. */
static enum sc_abi entry_abi(const struct sc_ent *e)
{
	if (e && systab_by_nr(ABI_I386, e->nr) == e)
		return ABI_I386;
	return ABI_X86_64;
}

static uint64_t word(enum sc_abi abi, uint64_t v)
{
	return abi == ABI_I386 ? (uint32_t)v : v;
}

static int64_t sword(enum sc_abi abi, uint64_t v)
{
	return abi == ABI_I386 ? (int32_t)(uint32_t)v : (int64_t)v;
}

/* A C int argument: the kernel reads the low 32 bits of the register. */
static int cint(uint64_t v)
{
	return (int32_t)(uint32_t)v;
}

static void note_cut(struct dctx *d)
{
	if (!json(d))
		return;
	sb_puts(&d->cut, d->cut.len ? "," : "");
	sb_json_str(&d->cut, d->argname, strlen(d->argname));
}

/* A symbolic value: as is in TEXT, a JSON string in JSON. */
static void put_sym(struct dctx *d, const char *s)
{
	if (json(d))
		sb_json_str(d->sb, s, strlen(s));
	else
		sb_puts(d->sb, s);
}

static void put_ptr(struct dctx *d, uint64_t p)
{
	char buf[32];

	if (!p) {
		sb_puts(d->sb, json(d) ? "null" : "NULL");
		return;
	}
	snprintf(buf, sizeof(buf), "%#llx", (unsigned long long)p);
	put_sym(d, buf);
}

static void put_hex(struct dctx *d, uint64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%#llx", (unsigned long long)v);
	put_sym(d, buf);
}

/* Bytes as a quoted string; TEXT marks a cut with "..." after the quote. */
static void put_bytes(struct dctx *d, const void *p, size_t n, bool cut)
{
	if (json(d)) {
		sb_json_str(d->sb, p, n);
		if (cut)
			note_cut(d);
		return;
	}
	sb_c_str(d->sb, p, n);
	if (cut)
		sb_puts(d->sb, "...");
}

/* Format with a temporary buffer, then put it as a symbol. */
static void put_xlat(struct dctx *d, const struct xlat *x, uint64_t v)
{
	struct strbuf tmp = STRBUF_INIT;

	if (!x) {
		put_hex(d, v);
		return;
	}
	/* An int enum may come zero-extended (0xffffffff for -1). */
	if (x->kind == XLAT_ENUM && !xlat_name(x, v) && v == (uint32_t)v &&
	    xlat_name(x, (uint64_t)(int64_t)(int32_t)v))
		v = (uint64_t)(int64_t)(int32_t)v;
	xlat_format(&tmp, x, v);
	put_sym(d, sb_str(&tmp));
	sb_free(&tmp);
}

static void put_mode(struct dctx *d, uint32_t m)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} special[] = {
		{ S_ISUID, "S_ISUID" },
		{ S_ISGID, "S_ISGID" },
		{ S_ISVTX, "S_ISVTX" },
	};
	struct strbuf tmp = STRBUF_INIT;
	const char *type = (m & S_IFMT) ? xlat_name(&xlat_mode_type,
						     m & S_IFMT) : NULL;
	size_t i;

	if (type) {
		sb_puts(&tmp, type);
		m &= ~(uint32_t)S_IFMT;
	}
	for (i = 0; i < ARRAY_SIZE(special); i++) {
		if (m & special[i].bit) {
			sb_printf(&tmp, "%s%s", tmp.len ? "|" : "",
				  special[i].name);
			m &= ~special[i].bit;
		}
	}
	sb_printf(&tmp, "%s%#03o", tmp.len ? "|" : "", m);
	put_sym(d, sb_str(&tmp));
	sb_free(&tmp);
}

static void put_signal(struct dctx *d, int sig)
{
	const char *name = signal_name(sig);

	if (name)
		put_sym(d, name);
	else
		sb_printf(d->sb, "%d", sig);
}

static void put_str(struct dctx *d, uint64_t addr, size_t max)
{
	size_t len;
	bool cut;
	char *s;

	if (!addr) {
		put_ptr(d, 0);
		return;
	}
	s = decode_read_str(d->mr, addr, max, &len, &cut);
	if (!s) {
		put_ptr(d, addr);
		return;
	}
	put_bytes(d, s, len, cut);
	free(s);
}

static void put_buf_in(struct dctx *d, uint64_t addr, uint64_t len)
{
	size_t n = len < DECODE_BUF_MAX ? (size_t)len : DECODE_BUF_MAX;
	unsigned char buf[DECODE_BUF_MAX];
	ssize_t got;

	if (!addr) {
		put_ptr(d, 0);
		return;
	}
	got = n ? read_mem(d->mr, addr, buf, n) : 0;
	if (got < 0) {
		put_ptr(d, addr);
		return;
	}
	put_bytes(d, buf, (size_t)got, (uint64_t)got < len);
}

static void put_argv(struct dctx *d, uint64_t addr)
{
	struct strv s;
	bool cut;
	size_t i;

	if (!addr) {
		put_ptr(d, 0);
		return;
	}
	if (read_strv(d->mr, addr, d->abi, DECODE_ARGV_MAX, &s) < 0) {
		put_ptr(d, addr);
		return;
	}
	cut = s.more;
	sb_putc(d->sb, '[');
	for (i = 0; i < s.n; i++) {
		sb_puts(d->sb, i ? (json(d) ? "," : ", ") : "");
		if (json(d)) {
			sb_json_str(d->sb, s.v[i], strlen(s.v[i]));
			cut |= s.cut[i];
		} else {
			sb_c_str(d->sb, s.v[i], strlen(s.v[i]));
			if (s.cut[i])
				sb_puts(d->sb, "...");
		}
	}
	if (s.more && !json(d))
		sb_puts(d->sb, s.n ? ", ..." : "...");
	sb_putc(d->sb, ']');
	if (cut && json(d))
		note_cut(d);
	strv_free(&s);
}

static void put_envp(struct dctx *d, uint64_t addr)
{
	struct ptr_iter it = { .mr = d->mr, .addr = addr,
			       .psize = abi_psize(d->abi) };
	size_t n = 0;
	uint64_t p;
	bool end = false;

	if (!addr) {
		put_ptr(d, 0);
		return;
	}
	while (n < ENVP_COUNT_MAX && ptr_next(&it, &p)) {
		if (!p) {
			end = true;
			break;
		}
		n++;
	}
	if (!end && n < ENVP_COUNT_MAX) {
		put_ptr(d, addr);	/* unreadable */
		return;
	}
	if (json(d)) {
		sb_printf(d->sb, "%zu", n);
		if (!end)
			note_cut(d);
		return;
	}
	sb_printf(d->sb, "%#llx /* %s%zu var%s */", (unsigned long long)addr,
		  end ? "" : ">", n, n == 1 ? "" : "s");
}

/* ---- struct sockaddr ---- */

static void sa_field(struct dctx *d, const char *text_key,
		     const char *json_key)
{
	if (json(d))
		sb_printf(d->sb, ",\"%s\":", json_key);
	else
		sb_printf(d->sb, ", %s=", text_key);
}

static void put_sockaddr(struct dctx *d, uint64_t addr, uint64_t addrlen)
{
	struct sockaddr_storage ss;
	size_t len = addrlen < sizeof(ss) ? (size_t)addrlen : sizeof(ss);
	const char *fam;
	char ip[INET6_ADDRSTRLEN];
	ssize_t got;

	if (!addr) {
		put_ptr(d, 0);
		return;
	}
	memset(&ss, 0, sizeof(ss));
	got = len >= sizeof(sa_family_t) ?
		read_mem(d->mr, addr, &ss, len) : -EINVAL;
	if (got < (ssize_t)sizeof(sa_family_t)) {
		put_ptr(d, addr);
		return;
	}
	len = (size_t)got;
	fam = xlat_name(&xlat_af, ss.ss_family);
	sb_puts(d->sb, json(d) ? "{\"family\":" : "{sa_family=");
	if (fam)
		put_sym(d, fam);
	else
		sb_printf(d->sb, "%u", ss.ss_family);

	if (ss.ss_family == AF_UNIX) {
		const char *path = ((struct sockaddr_un *)&ss)->sun_path;
		size_t plen = len - offsetof(struct sockaddr_un, sun_path);
		size_t n;

		if (plen == 0)
			goto out;	/* unnamed */
		sa_field(d, "sun_path", "path");
		if (path[0] == '\0') {
			/* Abstract: every byte of the length counts. */
			if (json(d)) {
				struct strbuf tmp = STRBUF_INIT;

				sb_putc(&tmp, '@');
				sb_append(&tmp, path + 1, plen - 1);
				sb_json_str(d->sb, tmp.buf, tmp.len);
				sb_free(&tmp);
			} else {
				sb_putc(d->sb, '@');
				sb_c_str(d->sb, path + 1, plen - 1);
			}
			goto out;
		}
		n = strnlen(path, plen);
		if (json(d))
			sb_json_str(d->sb, path, n);
		else
			sb_c_str(d->sb, path, n);
	} else if (ss.ss_family == AF_INET &&
		   len >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;

		inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
		if (json(d))
			sb_printf(d->sb, ",\"addr\":\"%s\",\"port\":%u", ip,
				  ntohs(in->sin_port));
		else
			sb_printf(d->sb,
				  ", sin_port=htons(%u)"
				  ", sin_addr=inet_addr(\"%s\")",
				  ntohs(in->sin_port), ip);
	} else if (ss.ss_family == AF_INET6 &&
		   len >= offsetof(struct sockaddr_in6, sin6_scope_id)) {
		const struct sockaddr_in6 *in6 =
			(const struct sockaddr_in6 *)&ss;
		uint32_t scope = len >= sizeof(*in6) ? in6->sin6_scope_id : 0;

		inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
		if (json(d))
			sb_printf(d->sb,
				  ",\"addr\":\"%s\",\"port\":%u"
				  ",\"flowinfo\":%u,\"scope_id\":%u",
				  ip, ntohs(in6->sin6_port),
				  ntohl(in6->sin6_flowinfo), scope);
		else
			sb_printf(d->sb,
				  ", sin6_port=htons(%u)"
				  ", sin6_flowinfo=htonl(%u)"
				  ", inet_pton(AF_INET6, \"%s\", &sin6_addr)"
				  ", sin6_scope_id=%u",
				  ntohs(in6->sin6_port),
				  ntohl(in6->sin6_flowinfo), ip, scope);
	} else if (ss.ss_family == AF_NETLINK &&
		   len >= sizeof(struct sockaddr_nl)) {
		const struct sockaddr_nl *nl = (const struct sockaddr_nl *)&ss;

		if (json(d))
			sb_printf(d->sb, ",\"pid\":%u,\"groups\":%u",
				  nl->nl_pid, nl->nl_groups);
		else
			sb_printf(d->sb, ", nl_pid=%u, nl_groups=%08x",
				  nl->nl_pid, nl->nl_groups);
	} else if (len > sizeof(sa_family_t)) {
		const char *data = (const char *)&ss + sizeof(sa_family_t);

		sa_field(d, "sa_data", "data");
		if (json(d))
			sb_json_str(d->sb, data, len - sizeof(sa_family_t));
		else
			sb_c_str(d->sb, data, len - sizeof(sa_family_t));
	}
out:
	sb_putc(d->sb, '}');
}

/* ---- Arguments whose type depends on another argument ---- */

/* A type for an argument; type < 0 hides it (fcntl(3, F_GETFL)). */
struct arg_override {
	uint64_t key;		/* the value of the deciding argument */
	int type;
	const struct xlat *xl;
};

static const struct arg_override fcntl_overrides[] = {
	{ F_DUPFD, SA_FD, NULL },
	{ F_DUPFD_CLOEXEC, SA_FD, NULL },
	{ F_GETFD, -1, NULL },
	{ F_SETFD, SA_FLAGS, &xlat_fd_cloexec },
	{ F_GETFL, -1, NULL },
	{ F_SETFL, SA_FLAGS, &xlat_open_flags },
	{ F_GETLK, SA_PTR, NULL },
	{ F_SETLK, SA_PTR, NULL },
	{ F_SETLKW, SA_PTR, NULL },
	{ F_OFD_GETLK, SA_PTR, NULL },
	{ F_OFD_SETLK, SA_PTR, NULL },
	{ F_OFD_SETLKW, SA_PTR, NULL },
	{ F_GETOWN, -1, NULL },
	{ F_SETOWN, SA_PID, NULL },
	{ F_GETSIG, -1, NULL },
	{ F_SETSIG, SA_SIG, NULL },
	{ F_GETLEASE, -1, NULL },
	{ F_SETLEASE, SA_INT, NULL },
	{ F_GETPIPE_SZ, -1, NULL },
	{ F_SETPIPE_SZ, SA_INT, NULL },
	{ F_GET_SEALS, -1, NULL },
};

static const struct arg_override prctl_overrides[] = {
	{ PR_SET_PDEATHSIG, SA_SIG, NULL },
	{ PR_GET_PDEATHSIG, SA_PTR, NULL },
	{ PR_SET_NAME, SA_STR, NULL },
	{ PR_GET_NAME, SA_BUF_OUT, NULL },
	{ PR_SET_DUMPABLE, SA_INT, NULL },
	{ PR_SET_KEEPCAPS, SA_INT, NULL },
	{ PR_SET_NO_NEW_PRIVS, SA_INT, NULL },
	{ PR_SET_SECCOMP, SA_INT, NULL },
	{ PR_CAPBSET_READ, SA_INT, NULL },
	{ PR_CAPBSET_DROP, SA_INT, NULL },
	{ PR_SET_CHILD_SUBREAPER, SA_INT, NULL },
	{ PR_SET_PTRACER, SA_PID, NULL },
};

static const struct {
	const char *syscall;
	int key_arg;		/* the deciding argument */
	int arg;		/* the argument it retypes */
	const struct arg_override *o;
	size_t n;
} overrides[] = {
	{ "fcntl", 1, 2, fcntl_overrides, ARRAY_SIZE(fcntl_overrides) },
	{ "fcntl64", 1, 2, fcntl_overrides, ARRAY_SIZE(fcntl_overrides) },
	{ "prctl", 0, 1, prctl_overrides, ARRAY_SIZE(prctl_overrides) },
};

/* Trailing arguments that mean something only when a flag argument has
 * one of some bits: open's mode without O_CREAT or O_TMPFILE is whatever
 * was in the register, and strace does not show it either. */
static const struct {
	const char *syscall;
	int flag_arg;
	int from;		/* the first argument hidden */
	uint64_t bits;
} cond_args[] = {
	{ "open", 1, 2, O_CREAT | (O_TMPFILE & ~O_DIRECTORY) },
	{ "openat", 2, 3, O_CREAT | (O_TMPFILE & ~O_DIRECTORY) },
	{ "mq_open", 1, 2, O_CREAT },
};

/* Copy e's arguments into a[], retyped by the overrides; returns how many
 * are shown. */
static int effective_args(const struct sc_ent *e, const uint64_t args[6],
			  enum sc_abi abi, struct sc_arg a[6])
{
	int nargs = e->nargs < 6 ? e->nargs : 6;
	size_t i, j;

	memcpy(a, e->args, 6 * sizeof(*a));
	for (i = 0; i < ARRAY_SIZE(cond_args); i++) {
		if (strcmp(cond_args[i].syscall, e->name) == 0 &&
		    cond_args[i].from < nargs &&
		    !(args[cond_args[i].flag_arg] & cond_args[i].bits))
			nargs = cond_args[i].from;
	}
	for (i = 0; i < ARRAY_SIZE(overrides); i++) {
		uint64_t key;

		if (strcmp(overrides[i].syscall, e->name) != 0 ||
		    overrides[i].arg >= nargs)
			continue;
		key = (uint64_t)cint(word(abi, args[overrides[i].key_arg]));
		for (j = 0; j < overrides[i].n; j++) {
			const struct arg_override *o = &overrides[i].o[j];

			if (o->key != key)
				continue;
			if (o->type < 0) {
				/* Only a trailing argument can be hidden. */
				if (overrides[i].arg == nargs - 1)
					nargs--;
			} else {
				a[overrides[i].arg].type = (uint8_t)o->type;
				a[overrides[i].arg].xl = o->xl;
			}
			break;
		}
	}
	return nargs;
}

/* ---- One argument ---- */

static void put_arg(struct dctx *d, const struct sc_arg *a, int nargs,
		    uint64_t raw)
{
	uint64_t v = word(d->abi, raw);
	uint64_t len = a->aux && a->aux < nargs ?
		word(d->abi, d->args[a->aux]) : 0;

	switch (a->type) {
	case SA_INT:
	case SA_FD:
	case SA_PID:
		sb_printf(d->sb, "%d", cint(v));
		break;
	case SA_UINT:
		sb_printf(d->sb, "%u", (uint32_t)v);
		break;
	case SA_UID:
		if ((uint32_t)v == UINT32_MAX)
			sb_puts(d->sb, "-1");
		else
			sb_printf(d->sb, "%u", (uint32_t)v);
		break;
	case SA_SIZE:
		sb_printf(d->sb, "%llu", (unsigned long long)v);
		break;
	case SA_OFF:
		sb_printf(d->sb, "%lld", (long long)sword(d->abi, v));
		break;
	case SA_DIRFD:
		if (cint(v) == AT_FDCWD)
			put_sym(d, "AT_FDCWD");
		else
			sb_printf(d->sb, "%d", cint(v));
		break;
	case SA_PTR:
	case SA_BUF_OUT:
		put_ptr(d, v);
		break;
	case SA_MODE:
		put_mode(d, (uint32_t)v);
		break;
	case SA_FLAGS:
	case SA_ENUM:
		put_xlat(d, a->xl, v);
		break;
	case SA_SIG:
		put_signal(d, cint(v));
		break;
	case SA_PATH:
	case SA_STR:
		put_str(d, v, DECODE_STR_MAX);
		break;
	case SA_BUF_IN:
		if (a->aux && a->aux < nargs)
			put_buf_in(d, v, len);
		else
			put_ptr(d, v);
		break;
	case SA_SOCKADDR:
		if (a->aux && a->aux < nargs)
			put_sockaddr(d, v, len);
		else
			put_ptr(d, v);
		break;
	case SA_ARGV:
		put_argv(d, v);
		break;
	case SA_ENVP:
		put_envp(d, v);
		break;
	case SA_HEX:
	default:
		put_hex(d, v);
		break;
	}
}

void decode_syscall(struct strbuf *sb, enum decode_style st,
		    const struct sc_ent *e, long nr, const uint64_t args[6],
		    const struct mem_reader *mr)
{
	struct dctx d = { .sb = sb, .st = st, .mr = mr, .args = args,
			  .abi = entry_abi(e), .cut = STRBUF_INIT };
	struct sc_arg a[6];
	char argn[16];
	int i, nargs;

	if (!e) {
		/* Unknown: all six registers, as strace shows them. */
		if (st == DECODE_TEXT)
			sb_printf(sb, "syscall_%#lx(", (unsigned long)nr);
		else
			sb_putc(sb, '{');
		for (i = 0; i < 6; i++) {
			if (st == DECODE_JSON)
				sb_printf(sb, "%s\"arg%d\":", i ? "," : "", i);
			else if (i)
				sb_puts(sb, ", ");
			put_hex(&d, args[i]);
		}
		sb_putc(sb, st == DECODE_TEXT ? ')' : '}');
		return;
	}
	nargs = effective_args(e, args, d.abi, a);
	if (st == DECODE_TEXT)
		sb_printf(sb, "%s(", e->name);
	else
		sb_putc(sb, '{');
	for (i = 0; i < nargs; i++) {
		snprintf(argn, sizeof(argn), "arg%d", i);
		d.argname = a[i].name ? a[i].name : argn;
		if (st == DECODE_JSON) {
			sb_puts(sb, i ? "," : "");
			sb_json_str(sb, d.argname, strlen(d.argname));
			sb_putc(sb, ':');
		} else if (i) {
			sb_puts(sb, ", ");
		}
		put_arg(&d, &a[i], nargs, args[i]);
	}
	if (st == DECODE_JSON && d.cut.len)
		sb_printf(sb, ",\"_truncated\":[%s]", sb_str(&d.cut));
	sb_putc(sb, st == DECODE_TEXT ? ')' : '}');
	sb_free(&d.cut);
}

/* ---- Return values ---- */

/* Syscalls that return an address, shown in hex. */
static const char *const addr_returning[] = {
	"mmap", "mmap2", "brk", "mremap", "shmat",
};

static bool returns_addr(const struct sc_ent *e)
{
	size_t i;

	for (i = 0; e && i < ARRAY_SIZE(addr_returning); i++)
		if (strcmp(e->name, addr_returning[i]) == 0)
			return true;
	return false;
}

void decode_retval(struct strbuf *sb, enum decode_style st,
		   const struct sc_ent *e, long ret)
{
	long r = entry_abi(e) == ABI_I386 ? (int32_t)ret : ret;

	if (r < 0 && r >= -4095) {
		int err = (int)-r;
		const char *name = errno_name(err);
		const char *desc = errno_desc(err);

		if (st == DECODE_JSON) {
			if (name)
				sb_printf(sb, "\"-%s\"", name);
			else
				sb_printf(sb, "%ld", r);
			return;
		}
		/* The restart codes never reach the program: strace's "?". */
		sb_puts(sb, name && err >= 512 ? "?" : "-1");
		if (name)
			sb_printf(sb, " %s", name);
		else
			sb_printf(sb, " errno %d", err);
		if (desc)
			sb_printf(sb, " (%s)", desc);
		return;
	}
	if (returns_addr(e)) {
		unsigned long long v = (unsigned long long)word(entry_abi(e),
							       (uint64_t)ret);

		if (st == DECODE_JSON)
			sb_printf(sb, "\"%#llx\"", v);
		else
			sb_printf(sb, "%#llx", v);
		return;
	}
	sb_printf(sb, "%ld", r);
}

/* ---- siginfo ---- */

static bool is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGTRAP;
}

static void si_key(struct dctx *d, const char *key)
{
	sb_printf(d->sb, json(d) ? ",\"%s\":" : ", %s=", key);
}

static void put_sigval(struct dctx *d, const siginfo_t *si)
{
	si_key(d, "si_int");
	sb_printf(d->sb, "%d", si->si_int);
	si_key(d, "si_ptr");
	put_ptr(d, (uint64_t)(uintptr_t)si->si_ptr);
}

void decode_siginfo(struct strbuf *sb, enum decode_style st,
		    const siginfo_t *si)
{
	struct dctx d = { .sb = sb, .st = st, .cut = STRBUF_INIT };
	int sig = si->si_signo, code = si->si_code;
	bool kernel_code = code > 0 && code != SI_KERNEL;
	const struct xlat *codes = kernel_code ? xlat_si_code_table(sig) :
						 &xlat_si_code_generic;
	const char *cname = xlat_name(codes, (uint64_t)(int64_t)code);

	sb_puts(sb, json(&d) ? "{\"si_signo\":" : "{si_signo=");
	put_signal(&d, sig);
	si_key(&d, "si_code");
	if (cname)
		put_sym(&d, cname);
	else
		sb_printf(sb, "%d", code);
	if (si->si_errno) {
		const char *ename = errno_name(si->si_errno);

		si_key(&d, "si_errno");
		if (ename)
			put_sym(&d, ename);
		else
			sb_printf(sb, "%d", si->si_errno);
	}

	if (code == SI_TIMER) {
		si_key(&d, "si_timerid");
		sb_printf(sb, "%#x", (unsigned)si->si_timerid);
		si_key(&d, "si_overrun");
		sb_printf(sb, "%d", si->si_overrun);
		put_sigval(&d, si);
	} else if (code <= 0) {
		/* Sent by a process: kill, tgkill, sigqueue, mq_notify. */
		si_key(&d, "si_pid");
		sb_printf(sb, "%d", si->si_pid);
		si_key(&d, "si_uid");
		sb_printf(sb, "%u", si->si_uid);
		if (code == SI_QUEUE || code == SI_MESGQ ||
		    code == SI_ASYNCIO)
			put_sigval(&d, si);
	} else if (is_fault_signal(sig)) {
		si_key(&d, "si_addr");
		put_ptr(&d, (uint64_t)(uintptr_t)si->si_addr);
	} else if (!kernel_code) {
		/* SI_KERNEL on a signal without fields. */
	} else if (sig == SIGCHLD) {
		si_key(&d, "si_pid");
		sb_printf(sb, "%d", si->si_pid);
		si_key(&d, "si_uid");
		sb_printf(sb, "%u", si->si_uid);
		si_key(&d, "si_status");
		if (code == CLD_EXITED)
			sb_printf(sb, "%d", si->si_status);
		else
			put_signal(&d, si->si_status);
		si_key(&d, "si_utime");
		sb_printf(sb, "%lld", (long long)si->si_utime);
		si_key(&d, "si_stime");
		sb_printf(sb, "%lld", (long long)si->si_stime);
	} else if (sig == SIGIO) {
		si_key(&d, "si_band");
		sb_printf(sb, "%ld", si->si_band);
		si_key(&d, "si_fd");
		sb_printf(sb, "%d", si->si_fd);
	} else if (sig == SIGSYS) {
		enum sc_abi abi = abi_from_audit_arch(si->si_arch);
		const struct sc_ent *e = systab_by_nr(abi, si->si_syscall);

		si_key(&d, "si_call_addr");
		put_ptr(&d, (uint64_t)(uintptr_t)si->si_call_addr);
		si_key(&d, "si_syscall");
		if (e && json(&d))
			put_sym(&d, e->name);
		else if (e)
			sb_printf(sb, "__NR_%s", e->name);
		else
			sb_printf(sb, "%d", si->si_syscall);
		si_key(&d, "si_arch");
		put_xlat(&d, &xlat_audit_arch, si->si_arch);
	}
	sb_putc(sb, '}');
}

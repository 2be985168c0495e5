/* netaddr: the address patterns of net.connect and net.bind rules.
 *
 *	127.0.0.1:8080   10.0.0.0/8:*   *:443   *:1024-65535
 *	[::1]:*          [fe80::/10]:22
 *	unix:/run/x-*.sock (a path glob)   unix:@name* (an abstract name)
 *
 * An IPv4 pattern also matches the same address seen as an IPv4-mapped
 * IPv6 address (::ffff:a.b.c.d) on a dual-stack socket; otherwise a
 * program could walk around "deny net.connect 10.0.0.0/8:*".
 */
#include "policy/policy_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int parse_port(const char *s, struct net_pat *np, const char **msg)
{
	char *end;
	unsigned long lo, hi;

	if (strcmp(s, "*") == 0) {
		np->port_lo = 0;
		np->port_hi = 65535;
		return 0;
	}
	if (*s < '0' || *s > '9')
		goto bad;
	lo = strtoul(s, &end, 10);
	hi = lo;
	if (*end == '-') {
		if (end[1] < '0' || end[1] > '9')
			goto bad;
		hi = strtoul(end + 1, &end, 10);
	}
	if (*end || lo > 65535 || hi > 65535 || lo > hi)
		goto bad;
	np->port_lo = (uint32_t)lo;
	np->port_hi = (uint32_t)hi;
	return 0;
bad:
	*msg = "bad port: expected a number 0-65535, a range N-M, or *";
	return -EINVAL;
}

/* "ADDR" or "ADDR/N" into np; buf is modified. */
static int parse_ip(char *buf, int family, struct net_pat *np,
		    const char **msg)
{
	char *slash = strchr(buf, '/');
	int max = family == AF_INET ? 32 : 128;

	np->family = family;
	np->prefix = max;
	if (slash) {
		char *end;
		long v;

		*slash = '\0';
		if (slash[1] < '0' || slash[1] > '9')
			goto bad_prefix;
		v = strtol(slash + 1, &end, 10);
		if (*end || v < 0 || v > max)
			goto bad_prefix;
		np->prefix = (int)v;
	}
	if (inet_pton(family, buf, np->addr) != 1) {
		*msg = family == AF_INET ? "bad IPv4 address" :
					   "bad IPv6 address";
		return -EINVAL;
	}
	return 0;
bad_prefix:
	*msg = "bad prefix length";
	return -EINVAL;
}

int netpat_parse(const char *text, struct net_pat *np, const char **msg,
		 size_t *off)
{
	char buf[128];
	const char *colon;
	size_t alen;
	int rc;

	memset(np, 0, sizeof(*np));
	*off = 0;
	if (strncmp(text, "unix:", 5) == 0) {
		const char *g = text + 5;

		np->kind = NP_UNIX_PATH;
		if (*g == '@') {
			np->kind = NP_UNIX_ABSTRACT;
			g++;
		} else if (*g != '/') {
			*off = 5;
			*msg = "a unix socket path must be absolute "
			       "(or @name for an abstract socket)";
			return -EINVAL;
		}
		if (glob_check(g, off) < 0) {
			*off += (size_t)(g - text);
			*msg = "unclosed '[' in pattern";
			return -EINVAL;
		}
		np->glob = strdup(g);
		return np->glob ? 0 : -ENOMEM;
	}
	np->kind = NP_INET;
	if (text[0] == '[') {
		const char *close = strchr(text, ']');

		if (!close) {
			*msg = "unclosed '[' in IPv6 address";
			return -EINVAL;
		}
		alen = (size_t)(close - text - 1);
		if (alen >= sizeof(buf)) {
			*msg = "bad IPv6 address";
			return -EINVAL;
		}
		if (close[1] != ':') {
			*off = (size_t)(close + 1 - text);
			*msg = "expected :PORT after the address";
			return -EINVAL;
		}
		memcpy(buf, text + 1, alen);
		buf[alen] = '\0';
		*off = 1;
		rc = parse_ip(buf, AF_INET6, np, msg);
		if (rc < 0)
			return rc;
		*off = (size_t)(close + 2 - text);
		return parse_port(close + 2, np, msg);
	}
	colon = strrchr(text, ':');
	if (!colon) {
		*msg = "expected ADDR:PORT, [IPV6]:PORT or unix:PATH";
		return -EINVAL;
	}
	if (strchr(text, ':') != colon) {
		*msg = "an IPv6 address goes in brackets: [::1]:PORT";
		return -EINVAL;
	}
	alen = (size_t)(colon - text);
	if (alen == 1 && text[0] == '*') {
		np->family = 0;
		np->prefix = 0;
	} else {
		if (alen == 0 || alen >= sizeof(buf)) {
			*msg = "bad IPv4 address";
			return -EINVAL;
		}
		memcpy(buf, text, alen);
		buf[alen] = '\0';
		rc = parse_ip(buf, AF_INET, np, msg);
		if (rc < 0)
			return rc;
	}
	*off = alen + 1;
	return parse_port(colon + 1, np, msg);
}

static bool prefix_match(const uint8_t *a, const uint8_t *b, int bits)
{
	int full = bits / 8, rest = bits % 8;

	if (memcmp(a, b, (size_t)full) != 0)
		return false;
	if (rest == 0)
		return true;
	return ((a[full] ^ b[full]) & (0xff00 >> rest)) == 0;
}

static const uint8_t v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				      0xff, 0xff };

bool netpat_match(const struct net_pat *np, const struct policy_sockaddr *a)
{
	switch (np->kind) {
	case NP_UNIX_PATH:
		return a->family == AF_UNIX && a->unix_path &&
		       glob_match(np->glob, a->unix_path,
				  strlen(a->unix_path));
	case NP_UNIX_ABSTRACT:
		return a->family == AF_UNIX && a->abstract &&
		       glob_match(np->glob, a->abstract, a->abstract_len);
	}
	if (a->family != AF_INET && a->family != AF_INET6)
		return false;
	if (a->port < np->port_lo || a->port > np->port_hi)
		return false;
	if (np->family == 0)
		return true;
	if (np->family == AF_INET6)
		return a->family == AF_INET6 &&
		       prefix_match(np->addr, a->addr, np->prefix);
	if (a->family == AF_INET)
		return prefix_match(np->addr, a->addr, np->prefix);
	return memcmp(a->addr, v4mapped, sizeof(v4mapped)) == 0 &&
	       prefix_match(np->addr, a->addr + 12, np->prefix);
}

void netaddr_format(struct strbuf *sb, const struct policy_sockaddr *a)
{
	char buf[INET6_ADDRSTRLEN];
	size_t i;

	switch (a->family) {
	case AF_INET:
		inet_ntop(AF_INET, a->addr, buf, sizeof(buf));
		sb_printf(sb, "%s:%u", buf, a->port);
		return;
	case AF_INET6:
		inet_ntop(AF_INET6, a->addr, buf, sizeof(buf));
		sb_printf(sb, "[%s]:%u", buf, a->port);
		return;
	case AF_UNIX:
		if (a->unix_path) {
			sb_printf(sb, "unix:%s", a->unix_path);
		} else if (a->abstract) {
			sb_puts(sb, "unix:@");
			/* a pattern can hold neither NULs nor blanks: '?'
			 * stands for any such byte */
			for (i = 0; i < a->abstract_len; i++) {
				unsigned char c = (unsigned char)a->abstract[i];

				sb_putc(sb, c > 0x20 && c < 0x7f &&
						    !strchr("*?[\\#\"", c) ?
						    (char)c : '?');
			}
		} else {
			sb_puts(sb, "unix:(unnamed)");
		}
		return;
	}
	sb_printf(sb, "(address family %d)", a->family);
}

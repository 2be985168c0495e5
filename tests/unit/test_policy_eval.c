/* The evaluator the tracer calls: fs requirements (globs, O_RDWR needing
 * read and write, rename needing write on both paths), net patterns (CIDR
 * v4/v6, ports, unix globs, abstract names), the two layers, the i386
 * multiplexers, signals, tips; and the table of path-taking syscalls. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include "policy/policy_int.h"
#include "tests/unit/t.h"

static struct policy *load(const char *text)
{
	struct strbuf err = STRBUF_INIT;
	struct policy *p = NULL;

	if (policy_load_string("e.conf", text, NULL, &p, &err) < 0)
		printf("# load: %s", sb_str(&err));
	sb_free(&err);
	return p;
}

static int nr_of(enum sc_abi abi, const char *name)
{
	const struct sc_ent *e = systab_by_name(abi, name);

	return e ? e->nr : -1;
}

/* Decide name(args) on x86_64 with up to two paths. */
static struct policy_decision dec;

static struct policy_decision *fs_call(const struct policy *p,
				       const char *name, const char *p1,
				       unsigned r1, const char *p2,
				       unsigned r2)
{
	struct policy_facts f = { 0 };
	uint64_t args[6] = { 0 };

	if (p1)
		f.paths[f.npaths++] = (struct policy_path){ p1, r1 };
	if (p2)
		f.paths[f.npaths++] = (struct policy_path){ p2, r2 };
	policy_eval_syscall(p, ABI_X86_64, nr_of(ABI_X86_64, name), args, &f,
			    &dec);
	return &dec;
}

#define R POLICY_FS_READ
#define W POLICY_FS_WRITE
#define X POLICY_FS_EXEC
#define S POLICY_FS_STAT

static bool is(const struct policy_decision *d, enum policy_action a,
	       int err, const char *origin, const char *tip)
{
	bool ok = d->action == a && d->err == err &&
		  ((!origin && !d->origin) ||
		   (origin && d->origin && strcmp(origin, d->origin) == 0)) &&
		  strcmp(tip, d->tip) == 0;

	if (!ok)
		printf("# got %s err %d origin %s tip \"%s\"\n",
		       policy_action_name(d->action), d->err,
		       d->origin ? d->origin : "(default)", d->tip);
	return ok;
}

static void test_fs(void)
{
	struct policy *p = load("default deny\n"
				"deny(EACCES) fs.read /etc/shadow\n"
				"allow fs.read /usr/** /etc/**\n"
				"allow fs.write /tmp/**\n"
				"allow fs.exec /usr/bin/*\n"
				"kill fs.exec /tmp/**\n"
				"log fs.write /var/log/*.log\n");

	if (!p)
		return;
	T_OK(is(fs_call(p, "openat", "/usr/lib/libc.so.6", R, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:3", ""),
	     "fs: read under /usr/** is allowed by its rule");
	T_OK(is(fs_call(p, "openat", "/usr", R, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:3", ""),
	     "fs: /usr/** covers /usr itself");
	T_OK(is(fs_call(p, "openat", "/etc/shadow", R, NULL, 0),
		POLICY_DENY, EACCES, "e.conf:2",
		"allow fs.read /etc/shadow"),
	     "fs: the first matching rule wins: deny(EACCES) /etc/shadow");
	T_OK(is(fs_call(p, "openat", "/home/u/x", R, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.read /home/u/x"),
	     "fs: no rule: the default, with a tip");
	T_OK(is(fs_call(p, "openat", "/tmp/x", R | W, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.read /tmp/x"),
	     "fs: O_RDWR needs read too");
	T_OK(is(fs_call(p, "openat", "/etc/hosts", R | W, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.write /etc/hosts"),
	     "fs: O_RDWR needs write too");
	T_OK(is(fs_call(p, "openat", "/tmp/x", W, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:4", ""),
	     "fs: write under /tmp");
	T_OK(is(fs_call(p, "rename", "/tmp/a", W, "/tmp/b", W),
		POLICY_ALLOW, 0, "e.conf:4", ""),
	     "fs: rename within /tmp");
	T_OK(is(fs_call(p, "rename", "/tmp/a", W, "/etc/passwd", W),
		POLICY_DENY, EPERM, NULL, "allow fs.write /etc/passwd"),
	     "fs: rename needs write on both paths");
	T_OK(is(fs_call(p, "rename", "/etc/passwd", W, "/tmp/b", W),
		POLICY_DENY, EPERM, NULL, "allow fs.write /etc/passwd"),
	     "fs: rename needs write on the source too");
	T_OK(is(fs_call(p, "execve", "/usr/bin/ls", X, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:5", ""),
	     "fs: exec /usr/bin/*");
	T_OK(is(fs_call(p, "execve", "/usr/bin/sub/ls", X, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.exec /usr/bin/sub/ls"),
	     "fs: '*' does not cross '/'");
	T_OK(is(fs_call(p, "execve", "/tmp/evil", X, NULL, 0),
		POLICY_KILL, 0, "e.conf:6", "allow fs.exec /tmp/evil"),
	     "fs: kill fs.exec");
	T_OK(is(fs_call(p, "openat", "/var/log/a.log", W, NULL, 0),
		POLICY_LOG, 0, "e.conf:7", ""),
	     "fs: log fs.write");
	T_OK(is(fs_call(p, "getpid", NULL, 0, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow getpid"),
	     "no requirement: the default decides, tip \"allow NAME\"");
	policy_free(p);
}

static void test_layers(void)
{
	struct policy *p = load(
		"default deny\n"
		"allow fs.read /etc/**\n"
		"allow fs.write /tmp/**\n"
		"deny(EACCES) openat if flags & O_CREAT == O_CREAT\n"
		"allow openat\n"
		"log unlink\n"
		"allow mmap\n"
		"allow fs.exec /usr/lib/**\n");
	struct policy *nofs = load("default deny\nallow openat\n");

	if (!p || !nofs)
		goto out;
	T_OK(is(fs_call(p, "openat", "/etc/hosts", R, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:5", ""),
	     "layers: syscall rule and fs rule both allow");
	T_OK(is(fs_call(p, "openat", "/home/x", R, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.read /home/x"),
	     "layers: \"allow openat\" does not bypass the fs rules");
	T_OK(is(fs_call(p, "unlink", "/tmp/x", W, NULL, 0),
		POLICY_LOG, 0, "e.conf:6", ""),
	     "layers: log (syscall) + allow (fs) -> log");
	T_OK(is(fs_call(p, "unlink", "/etc/x", W, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.write /etc/x"),
	     "layers: log (syscall) + deny (fs) -> deny");
	T_OK(is(fs_call(p, "mmap", "/home/u/evil.so", X, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.exec /home/u/evil.so"),
	     "layers: \"allow mmap\" does not allow mapping any file "
	     "executable");
	T_OK(is(fs_call(p, "mmap", "/usr/lib/libc.so.6", X, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:7", ""),
	     "layers: mapping a library executable");
	T_OK(is(fs_call(p, "mmap", NULL, 0, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:7", ""),
	     "layers: anonymous mmap: the syscall rule alone");
	{
		struct policy_facts f = { .npaths = 1 };
		uint64_t args[6] = { AT_FDCWD, 0, O_CREAT | O_WRONLY };

		f.paths[0] = (struct policy_path){ "/tmp/new", W };
		policy_eval_syscall(p, ABI_X86_64, nr_of(ABI_X86_64, "openat"),
				    args, &f, &dec);
		T_OK(is(&dec, POLICY_DENY, EACCES, "e.conf:4", "allow openat"),
		     "layers: a syscall rule refusing wins, tip names it");
	}
	T_OK(is(fs_call(nofs, "openat", "/home/x", R, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:2", ""),
	     "no fs rules: paths are not checked at all");
out:
	policy_free(p);
	policy_free(nofs);
}

/* fs.stat: which rule decides a stat requirement (the first matching
 * fs.read or fs.stat rule), what it leaves to the others, and its place
 * among syscall rules. */
static void test_stat(void)
{
	struct policy *p = load("default deny\n"
				"deny(EACCES) fs.stat /secret/**\n"
				"allow fs.read /usr/**\n"
				"allow fs.stat /**\n"
				"deny(ENOENT) fs.read /**\n"
				"allow fs.write /tmp/**\n");
	struct policy *calls = load("default deny(ENOSYS)\n"
				    "allow fs.stat /**\n"
				    "deny(EACCES) readlink\n"
				    "log statfs\n"
				    "allow newfstatat if flags == "
				    "AT_SYMLINK_NOFOLLOW\n"
				    "allow fs.read /usr/**\n");

	if (!p || !calls)
		goto out;
	T_OK(is(fs_call(p, "newfstatat", "/usr/include/stdio.h", S, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:3", ""),
	     "stat: fs.read decides stat requirements too (first match)");
	T_OK(is(fs_call(p, "newfstatat", "/secret/key", S, NULL, 0),
		POLICY_DENY, EACCES, "e.conf:2", "allow fs.stat /secret/key"),
	     "stat: a deny before it, with a fs.stat tip");
	T_OK(is(fs_call(p, "readlink", "/home/u/x", S, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:4", ""),
	     "stat: allow fs.stat /** lets any name be looked at");
	T_OK(is(fs_call(p, "openat", "/home/u/x", R, NULL, 0),
		POLICY_DENY, ENOENT, "e.conf:5", "allow fs.read /home/u/x"),
	     "stat: fs.stat does not decide reads");
	T_OK(is(fs_call(p, "openat", "/secret/key", R, NULL, 0),
		POLICY_DENY, ENOENT, "e.conf:5", "allow fs.read /secret/key"),
	     "stat: nor do its denials");
	T_OK(is(fs_call(p, "openat", "/tmp/x", W, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:6", ""),
	     "stat: nor writes");
	T_OK(is(fs_call(p, "execve", "/usr/bin/cc", X, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.exec /usr/bin/cc"),
	     "stat: nor execs (no rule: the default)");
	/* with syscall rules: the most severe of rule and requirement */
	T_OK(is(fs_call(calls, "readlink", "/usr/lib", S, NULL, 0),
		POLICY_DENY, EACCES, "e.conf:3", "allow readlink"),
	     "stat + syscall rule: deny readlink wins over an allowed path");
	T_OK(is(fs_call(calls, "statfs", "/", S, NULL, 0),
		POLICY_LOG, 0, "e.conf:4", ""),
	     "stat + syscall rule: log statfs");
	T_OK(is(fs_call(calls, "lstat", "/etc/shadow", S, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:2", ""),
	     "stat, no syscall rule: the requirement alone decides");
	T_OK(is(fs_call(calls, "newfstatat", "/x", S, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:2", ""),
	     "stat + a conditional syscall rule that does not match: the "
	     "requirement decides");
	T_OK(is(fs_call(calls, "newfstatat", NULL, 0, NULL, 0),
		POLICY_DENY, ENOSYS, NULL, "allow newfstatat"),
	     "no requirement (fstat of a descriptor): rules, then the "
	     "default");
	T_OK(is(fs_call(calls, "openat", "/etc/passwd", R, NULL, 0),
		POLICY_DENY, ENOSYS, NULL, "allow fs.read /etc/passwd"),
	     "a read under an fs.stat /** policy is still checked");
out:
	policy_free(p);
	policy_free(calls);
}

/* Policies without fs.stat rules decide a stat requirement exactly as
 * they decided it when the metadata calls needed read: action, errno and
 * rule. */
static void test_stat_unchanged(void)
{
	static const char *const policies[] = {
		"default deny\n"
		"deny(EACCES) fs.read /etc/shadow\n"
		"allow fs.read /usr/** /etc/**\n"
		"allow fs.write /tmp/**\n"
		"allow fs.exec /usr/bin/*\n"
		"kill fs.exec /tmp/**\n"
		"log fs.write /var/log/*.log\n",
		"default deny(ENOSYS)\n"
		"deny(ENOENT) fs.read /home/u/.local/**\n"
		"allow fs.read /usr/** /home/u/proj/**\n"
		"log fs.read /var/**\n"
		"trap fs.read /opt/*\n"
		"allow fs.write /tmp/**\n"
		"deny(EROFS) fs.write /**\n"
		"deny(EACCES) fs.read /**\n",
		"default allow\n"
		"deny(EACCES) fs.read /tmp/secret\n"
		"deny(EPERM) fs.write /**\n",
		"default allow\n"
		"allow fs.write /tmp/**\n"
		"allow fs.read /**\n",
	};
	static const char *const paths[] = {
		"/", "/usr", "/usr/lib/x", "/etc/shadow", "/etc/hosts",
		"/home/u/.local/lib", "/home/u/proj/a.c", "/var/log/a.log",
		"/opt/x", "/opt/x/y", "/tmp", "/tmp/secret", "/tmp/a",
		"/root/.bashrc",
	};
	struct policy_decision r;
	size_t i, j, bad = 0, n = 0;

	for (i = 0; i < ARRAY_SIZE(policies); i++) {
		struct policy *p = load(policies[i]);

		if (!p) {
			bad++;
			continue;
		}
		for (j = 0; j < ARRAY_SIZE(paths); j++) {
			fs_call(p, "openat", paths[j], R, NULL, 0);
			r = dec;
			fs_call(p, "newfstatat", paths[j], S, NULL, 0);
			n++;
			if (r.action != dec.action || r.err != dec.err ||
			    !r.origin != !dec.origin ||
			    (r.origin && strcmp(r.origin, dec.origin))) {
				printf("# policy %zu %s: read %s, stat %s\n",
				       i, paths[j],
				       policy_action_name(r.action),
				       policy_action_name(dec.action));
				bad++;
			}
		}
		policy_free(p);
	}
	T_OK(bad == 0 && n > 0,
	     "no fs.stat rule: stat is decided as read was (%zu cases)", n);
}

/* Objects with no path (a pipe as /dev/fd/N, a memfd, a deleted file)
 * match no pattern; their metadata is allowed where the first rule that
 * decides stat allows every path, as the kernel does when it decides
 * the call (compile.c), and left to the default otherwise. */
static void test_stat_pathless(void)
{
	struct policy *all = load("default deny\nallow fs.read /**\n");
	struct policy *both = load("default deny\n"
				   "allow fs.stat /usr/** /**\n");
	struct policy *narrow = load("default deny\n"
				     "deny fs.stat /secret/**\n"
				     "allow fs.stat /**\n");
	struct policy *denyall = load("default allow\n"
				      "deny(EACCES) fs.stat /**\n");
	struct policy *logall = load("default deny\nlog fs.stat /**\n");

	if (!all || !both || !narrow || !denyall || !logall)
		goto out;
	T_OK(is(fs_call(all, "newfstatat", "pipe:[1234]", S, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:2", ""),
	     "pathless: stat of a pipe, allow fs.read /** first");
	T_OK(is(fs_call(all, "readlink", "memfd:x", S, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:2", ""),
	     "pathless: a memfd too");
	T_OK(is(fs_call(all, "openat", "pipe:[1234]", R, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.read pipe:[1234]"),
	     "pathless: opening it still gets the default");
	T_OK(is(fs_call(both, "statx", "deleted:/tmp/x", S, NULL, 0),
		POLICY_ALLOW, 0, "e.conf:2", ""),
	     "pathless: a rule with the all-paths pattern among others");
	T_OK(is(fs_call(narrow, "newfstatat", "pipe:[7]", S, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.stat pipe:[7]"),
	     "pathless: a narrower rule first: the default, as before");
	T_OK(is(fs_call(denyall, "newfstatat", "pipe:[7]", S, NULL, 0),
		POLICY_ALLOW, 0, NULL, ""),
	     "pathless: a deny of every path does not match it");
	T_OK(is(fs_call(logall, "newfstatat", "pipe:[7]", S, NULL, 0),
		POLICY_DENY, EPERM, NULL, "allow fs.stat pipe:[7]"),
	     "pathless: nor does a log of every path");
out:
	policy_free(all);
	policy_free(both);
	policy_free(narrow);
	policy_free(denyall);
	policy_free(logall);
}

static struct policy_sockaddr in4(const char *ip, uint16_t port)
{
	struct policy_sockaddr a = { .family = AF_INET, .port = port };

	inet_pton(AF_INET, ip, a.addr);
	return a;
}

static struct policy_sockaddr in6(const char *ip, uint16_t port)
{
	struct policy_sockaddr a = { .family = AF_INET6, .port = port };

	inet_pton(AF_INET6, ip, a.addr);
	return a;
}

static struct policy_decision *net_call(const struct policy *p,
					const char *name,
					const struct policy_sockaddr *a,
					size_t n)
{
	struct policy_facts f = { .addrs = a, .naddrs = n };
	uint64_t args[6] = { 3, 0x1000, 16, 0, 0x2000, 16 };

	policy_eval_syscall(p, ABI_X86_64, nr_of(ABI_X86_64, name), args, &f,
			    &dec);
	return &dec;
}

static void test_net(void)
{
	struct policy *p = load(
		"default deny\n"
		"allow net.connect 127.0.0.1:8080 10.0.0.0/8:1024-2047\n"
		"allow net.connect [::1]:* [2001:db8::/32]:443\n"
		"deny(ECONNREFUSED) net.connect 192.168.0.0/16:*\n"
		"allow net.connect *:53\n"
		"allow net.connect unix:/run/*.sock unix:@dbus-*\n"
		"allow net.bind 127.0.0.1:0\n"
		"allow connect bind sendto sendmmsg\n");
	struct policy_sockaddr a, v[3];

	if (!p)
		return;
	a = in4("127.0.0.1", 8080);
	T_OK(is(net_call(p, "connect", &a, 1), POLICY_ALLOW, 0, "e.conf:8",
		""), "net: 127.0.0.1:8080");
	a = in4("127.0.0.1", 8081);
	T_OK(is(net_call(p, "connect", &a, 1), POLICY_DENY, EPERM, NULL,
		"allow net.connect 127.0.0.1:8081"),
	     "net: another port is refused, with a tip");
	a = in4("10.200.3.4", 1500);
	T_OK(is(net_call(p, "connect", &a, 1), POLICY_ALLOW, 0, "e.conf:8",
		""), "net: CIDR /8 and a port range");
	a = in4("10.200.3.4", 2048);
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_DENY,
	     "net: port range upper bound");
	a = in4("11.0.0.1", 1500);
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_DENY,
	     "net: outside the CIDR");
	a = in4("192.168.7.7", 53);
	T_OK(is(net_call(p, "connect", &a, 1), POLICY_DENY, ECONNREFUSED,
		"e.conf:4", "allow net.connect 192.168.7.7:53"),
	     "net: first match: the deny before *:53");
	a = in4("8.8.8.8", 53);
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_ALLOW,
	     "net: *:53");
	a = in6("::1", 9999);
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_ALLOW,
	     "net: [::1]:*");
	a = in6("::2", 9999);
	T_OK(is(net_call(p, "connect", &a, 1), POLICY_DENY, EPERM, NULL,
		"allow net.connect [::2]:9999"), "net: [::2] refused");
	a = in6("2001:db8:ffff::1", 443);
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_ALLOW,
	     "net: IPv6 CIDR /32");
	a = in6("2001:db9::1", 443);
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_DENY,
	     "net: outside the IPv6 CIDR");
	a = in6("::ffff:127.0.0.1", 8080);
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_ALLOW,
	     "net: IPv4-mapped IPv6 matches the IPv4 pattern");
	a = in6("::ffff:192.168.1.1", 53);
	T_OK(net_call(p, "connect", &a, 1)->err == ECONNREFUSED,
	     "net: ...and IPv4 denials too");
	a = (struct policy_sockaddr){ .family = AF_UNIX,
				      .unix_path = "/run/x.sock" };
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_ALLOW,
	     "net: unix path glob");
	a.unix_path = "/run/sub/x.sock";
	T_OK(is(net_call(p, "connect", &a, 1), POLICY_DENY, EPERM, NULL,
		"allow net.connect unix:/run/sub/x.sock"),
	     "net: unix glob does not cross '/'");
	a = (struct policy_sockaddr){ .family = AF_UNIX, .abstract = "dbus-1",
				      .abstract_len = 6 };
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_ALLOW,
	     "net: abstract name glob");
	a.abstract = "x11";
	a.abstract_len = 3;
	T_OK(is(net_call(p, "connect", &a, 1), POLICY_DENY, EPERM, NULL,
		"allow net.connect unix:@x11"), "net: other abstract name");
	a = (struct policy_sockaddr){ .family = AF_NETLINK };
	T_OK(net_call(p, "connect", &a, 1)->action == POLICY_DENY,
	     "net: other families match no pattern");
	a = in4("127.0.0.1", 0);
	T_OK(net_call(p, "bind", &a, 1)->action == POLICY_ALLOW,
	     "net: bind 127.0.0.1:0");
	a = in4("127.0.0.1", 8080);
	T_OK(is(net_call(p, "bind", &a, 1), POLICY_DENY, EPERM, NULL,
		"allow net.bind 127.0.0.1:8080"),
	     "net: connect rules do not allow bind");
	a = in4("0.0.0.0", 0);
	T_OK(net_call(p, "bind", &a, 1)->action == POLICY_DENY,
	     "net: bind another address");
	a = in4("127.0.0.1", 8080);
	T_OK(net_call(p, "sendto", &a, 1)->action == POLICY_ALLOW,
	     "net: sendto with an address");
	T_OK(net_call(p, "sendto", NULL, 0)->action == POLICY_ALLOW,
	     "net: sendto without one: the syscall rule");
	v[0] = in4("127.0.0.1", 8080);
	v[1] = in4("8.8.4.4", 53);
	v[2] = in4("1.1.1.1", 80);
	T_OK(is(net_call(p, "sendmmsg", v, 3), POLICY_DENY, EPERM, NULL,
		"allow net.connect 1.1.1.1:80"),
	     "net: sendmmsg: one refused address refuses the call");
	T_OK(net_call(p, "sendmmsg", v, 2)->action == POLICY_ALLOW,
	     "net: sendmmsg: all allowed");
	policy_free(p);
}

static void test_conditions(void)
{
	struct policy *p = load("default deny\n"
				"allow socket if domain == AF_UNIX\n"
				"allow lseek if offset > 0x100000000\n"
				"allow kill if sig != SIGKILL\n");
	uint64_t args[6] = { 0 };
	int sock = nr_of(ABI_X86_64, "socket");

	if (!p)
		return;
	args[0] = AF_UNIX;
	policy_eval_syscall(p, ABI_X86_64, sock, args, NULL, &dec);
	T_OK(dec.action == POLICY_ALLOW, "cond: domain == AF_UNIX");
	args[0] = 0x500000000ull | AF_UNIX;
	policy_eval_syscall(p, ABI_X86_64, sock, args, NULL, &dec);
	T_OK(dec.action == POLICY_ALLOW,
	     "cond: an int argument: the upper half is ignored, as the "
	     "kernel does");
	args[0] = AF_INET;
	policy_eval_syscall(p, ABI_X86_64, sock, args, NULL, &dec);
	T_OK(is(&dec, POLICY_DENY, EPERM, NULL, "allow socket"),
	     "cond: AF_INET refused");
	args[0] = 3;
	args[1] = 0x100000001ull;
	policy_eval_syscall(p, ABI_X86_64, nr_of(ABI_X86_64, "lseek"), args,
			    NULL, &dec);
	T_OK(dec.action == POLICY_ALLOW, "cond: 64-bit comparison");
	args[1] = 0x1ull;
	policy_eval_syscall(p, ABI_X86_64, nr_of(ABI_X86_64, "lseek"), args,
			    NULL, &dec);
	T_OK(dec.action == POLICY_DENY, "cond: 64-bit comparison, false");
	/* i386: 32-bit arguments; the same names */
	args[0] = 0x100000001ull;
	args[1] = SIGTERM;
	policy_eval_syscall(p, ABI_I386, nr_of(ABI_I386, "kill"), args, NULL,
			    &dec);
	T_OK(dec.action == POLICY_ALLOW, "cond: i386 kill(SIGTERM)");
	args[1] = 0xffffffff00000000ull | SIGKILL;
	policy_eval_syscall(p, ABI_I386, nr_of(ABI_I386, "kill"), args, NULL,
			    &dec);
	T_OK(dec.action == POLICY_DENY, "cond: i386 compares 32 bits");
	T_OK(policy_eval_syscall(p, ABI_UNKNOWN, 0, args, NULL, &dec) ==
			     -EINVAL && dec.action == POLICY_KILL,
	     "an unknown ABI is killed");
	policy_free(p);
}

static void test_mux(void)
{
	struct policy *p = load("default deny\n"
				"allow connect if sockfd == 3\n"
				"deny(EACCES) bind if sockfd == 4\n"
				"allow bind\n"
				"allow semget if key == 5\n"
				"allow send\n");
	struct policy_facts f = { .have_mux_args = true };
	uint64_t args[6] = { 3, 0x1000 };
	int sc = nr_of(ABI_I386, "socketcall"), ipc = nr_of(ABI_I386, "ipc");

	if (!p)
		return;
	f.mux_args[0] = 3;
	policy_eval_syscall(p, ABI_I386, sc, args, &f, &dec);
	T_OK(is(&dec, POLICY_ALLOW, 0, "e.conf:2", ""),
	     "mux: socketcall(SYS_CONNECT) is connect, with its arguments");
	f.mux_args[0] = 5;
	policy_eval_syscall(p, ABI_I386, sc, args, &f, &dec);
	T_OK(is(&dec, POLICY_DENY, EPERM, NULL, "allow connect"),
	     "mux: socketcall(SYS_CONNECT) condition false");
	policy_eval_syscall(p, ABI_I386, sc, args, NULL, &dec);
	T_OK(dec.action == POLICY_DENY,
	     "mux: arguments unread: an allow condition fails closed");
	args[0] = 2;
	policy_eval_syscall(p, ABI_I386, sc, args, NULL, &dec);
	T_OK(is(&dec, POLICY_DENY, EACCES, "e.conf:3", "allow bind"),
	     "mux: arguments unread: a deny condition holds");
	args[0] = 9;
	policy_eval_syscall(p, ABI_I386, sc, args, NULL, &dec);
	T_OK(dec.action == POLICY_ALLOW, "mux: send exists only via socketcall");
	args[0] = 2;	/* SEMGET */
	args[1] = 5;	/* key */
	policy_eval_syscall(p, ABI_I386, ipc, args, NULL, &dec);
	T_OK(is(&dec, POLICY_ALLOW, 0, "e.conf:5", ""),
	     "mux: ipc(SEMGET, key...) is semget");
	args[1] = 6;
	policy_eval_syscall(p, ABI_I386, ipc, args, NULL, &dec);
	T_OK(is(&dec, POLICY_DENY, EPERM, NULL, "allow semget"),
	     "mux: ipc(SEMGET) condition false");
	policy_free(p);
}

static void test_signals(void)
{
	struct policy *p = load("deny signal SIGUSR2\n"
				"trap signal SIGSEGV SIGBUS\n"
				"kill signal 40\n"
				"log signal all\n");
	struct policy *none = load("default deny\n");

	if (!p || !none)
		goto out;
	policy_eval_signal(p, SIGUSR2, &dec);
	T_OK(is(&dec, POLICY_DENY, EPERM, "e.conf:1", "allow signal SIGUSR2"),
	     "signal: deny SIGUSR2");
	policy_eval_signal(p, SIGBUS, &dec);
	T_OK(dec.action == POLICY_TRAP && strcmp(dec.origin, "e.conf:2") == 0,
	     "signal: trap SIGBUS");
	policy_eval_signal(p, 40, &dec);
	T_OK(dec.action == POLICY_KILL, "signal: by number");
	policy_eval_signal(p, SIGTERM, &dec);
	T_OK(is(&dec, POLICY_LOG, 0, "e.conf:4", ""), "signal: log all");
	policy_eval_signal(none, SIGTERM, &dec);
	T_OK(is(&dec, POLICY_ALLOW, 0, NULL, ""),
	     "signal: the default is to deliver");
	T_OK(policy_eval_signal(p, 0, &dec) == -EINVAL, "signal 0 is invalid");
out:
	policy_free(p);
	policy_free(none);
}

static unsigned rights_of(enum sc_abi abi, const char *name, uint64_t a0,
			  uint64_t a1, uint64_t a2, uint64_t a3, int which)
{
	const struct fs_access *fa = policy_fs_access(abi, nr_of(abi, name));
	uint64_t args[6] = { a0, a1, a2, a3, 0, 0 };

	if (!fa)
		return 0xdead;
	return policy_fs_rights(fa, which, args, policy_fs_flags(fa, args));
}

static void test_table(void)
{
	const struct fs_access *fa;
	const struct net_access *na;
	uint64_t args[6] = { 3 };
	bool mux;

	T_OK(fs_table_sorted(), "fs table sorted for bsearch");
	T_OK(rights_of(ABI_X86_64, "openat", AT_FDCWD, 0, O_RDONLY, 0, 0) == R,
	     "openat O_RDONLY: read");
	T_OK(rights_of(ABI_X86_64, "openat", AT_FDCWD, 0, O_WRONLY, 0, 0) == W,
	     "openat O_WRONLY: write");
	T_OK(rights_of(ABI_X86_64, "openat", AT_FDCWD, 0, O_RDWR, 0, 0) ==
		     (R | W), "openat O_RDWR: read and write");
	T_OK(rights_of(ABI_X86_64, "openat", AT_FDCWD, 0,
		       O_RDONLY | O_TRUNC, 0, 0) == (R | W),
	     "openat O_TRUNC: write");
	T_OK(rights_of(ABI_X86_64, "open", 0, O_WRONLY | O_CREAT, 0, 0, 0) ==
		     W, "open O_CREAT: write");
	T_OK(rights_of(ABI_X86_64, "openat", AT_FDCWD, 0, O_PATH, 0, 0) == R,
	     "openat O_PATH: read");
	T_OK(rights_of(ABI_I386, "openat", AT_FDCWD, 0, O_RDWR, 0, 0) ==
		     (R | W), "i386 openat");
	T_OK(rights_of(ABI_X86_64, "creat", 0, 0, 0, 0, 0) == W, "creat");
	T_OK(rights_of(ABI_X86_64, "execve", 0, 0, 0, 0, 0) == X, "execve");
	T_OK(rights_of(ABI_X86_64, "newfstatat", AT_FDCWD, 0, 0, 0, 0) == S,
	     "newfstatat: stat");
	{
		/* the metadata calls need stat; the other reading calls
		 * still need read */
		static const char *const stat_calls[] = {
			"stat", "lstat", "newfstatat", "statx", "access",
			"faccessat", "faccessat2", "readlink", "readlinkat",
			"statfs",
		};
		static const char *const stat_calls32[] = {
			"stat", "stat64", "oldstat", "lstat", "lstat64",
			"oldlstat", "fstatat64", "statx", "statfs",
			"statfs64", "readlink", "access",
		};
		static const char *const read_calls[] = {
			"chdir", "chroot", "getxattr", "lgetxattr",
			"listxattr", "llistxattr", "open_tree",
			"name_to_handle_at", "inotify_add_watch",
		};
		bool ok = true;
		size_t i;

		for (i = 0; i < ARRAY_SIZE(stat_calls); i++)
			if (rights_of(ABI_X86_64, stat_calls[i], 0, 0, 0, 0,
				      0) != S) {
				printf("# %s\n", stat_calls[i]);
				ok = false;
			}
		for (i = 0; i < ARRAY_SIZE(stat_calls32); i++)
			if (rights_of(ABI_I386, stat_calls32[i], 0, 0, 0, 0,
				      0) != S) {
				printf("# i386 %s\n", stat_calls32[i]);
				ok = false;
			}
		T_OK(ok, "the stat family, access, readlink, statfs: stat");
		ok = true;
		for (i = 0; i < ARRAY_SIZE(read_calls); i++)
			if (rights_of(ABI_X86_64, read_calls[i], 0, 0, 0, 0,
				      0) != R) {
				printf("# %s\n", read_calls[i]);
				ok = false;
			}
		T_OK(ok, "chdir, chroot, xattrs, open_tree, handles, inotify: "
			 "still read");
	}
	T_OK(rights_of(ABI_X86_64, "rename", 0, 0, 0, 0, 0) == W &&
		     rights_of(ABI_X86_64, "rename", 0, 0, 0, 0, 1) == W,
	     "rename: write on both");
	T_OK(rights_of(ABI_X86_64, "mmap", 0, 4096, PROT_READ | PROT_EXEC,
		       MAP_PRIVATE, 0) == X, "mmap PROT_EXEC of a file: exec");
	T_OK(rights_of(ABI_X86_64, "mmap", 0, 4096, PROT_READ | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0) == 0,
	     "anonymous mmap: nothing");
	T_OK(rights_of(ABI_X86_64, "mmap", 0, 4096, PROT_READ, MAP_PRIVATE,
		       0) == 0, "mmap without PROT_EXEC: nothing");
	T_OK(rights_of(ABI_I386, "mmap2", 0, 4096, PROT_EXEC, MAP_PRIVATE, 0) ==
		     X, "i386 mmap2");
	T_OK(policy_fs_access(ABI_I386, nr_of(ABI_I386, "mmap")) == NULL,
	     "i386 old mmap: arguments in memory, not in the table");
	T_OK(rights_of(ABI_X86_64, "mprotect", 0, 4096, PROT_EXEC, 0, 0) == X,
	     "mprotect PROT_EXEC");
	T_OK(policy_fs_access(ABI_X86_64, nr_of(ABI_X86_64, "read")) == NULL,
	     "read takes no path");

	fa = policy_fs_access(ABI_X86_64, nr_of(ABI_X86_64, "statx"));
	T_OK(fa && fa->path[0].path_arg == 1 && fa->path[0].dirfd_arg == 0 &&
		     policy_fs_follows(fa, 0, 0) &&
		     !policy_fs_follows(fa, 0, AT_SYMLINK_NOFOLLOW) &&
		     fa->path[0].empty_flag == AT_EMPTY_PATH,
	     "statx: path 1, dirfd 0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH");
	fa = policy_fs_access(ABI_X86_64, nr_of(ABI_X86_64, "linkat"));
	T_OK(fa && fa->npaths == 2 && !policy_fs_follows(fa, 0, 0) &&
		     policy_fs_follows(fa, 0, AT_SYMLINK_FOLLOW) &&
		     fa->path[1].path_arg == 3 && fa->path[1].dirfd_arg == 2 &&
		     policy_fs_creates(fa, 1, 0) &&
		     !policy_fs_creates(fa, 0, 0),
	     "linkat: AT_SYMLINK_FOLLOW, the new path is created");
	fa = policy_fs_access(ABI_X86_64, nr_of(ABI_X86_64, "openat"));
	T_OK(fa && policy_fs_follows(fa, 0, O_RDONLY) &&
		     !policy_fs_follows(fa, 0, O_NOFOLLOW) &&
		     !policy_fs_follows(fa, 0, O_CREAT | O_EXCL) &&
		     policy_fs_creates(fa, 0, O_CREAT) &&
		     !policy_fs_creates(fa, 0, O_RDONLY),
	     "openat: O_NOFOLLOW, O_CREAT|O_EXCL, creates with O_CREAT");
	fa = policy_fs_access(ABI_X86_64, nr_of(ABI_X86_64, "openat2"));
	T_OK(fa && fa->flags_src == FS_FLAGS_OPEN_HOW && fa->flags_arg == 2,
	     "openat2: flags from struct open_how");
	fa = policy_fs_access(ABI_X86_64, nr_of(ABI_X86_64, "mkdir"));
	T_OK(fa && !policy_fs_follows(fa, 0, 0) && policy_fs_creates(fa, 0, 0),
	     "mkdir: creates, does not follow");
	fa = policy_fs_access(ABI_X86_64, nr_of(ABI_X86_64, "mmap"));
	T_OK(fa && fa->path[0].src == FS_SRC_FD && fa->path[0].fd_arg == 4,
	     "mmap: the file of fd arg 4");

	na = policy_net_access(ABI_X86_64, nr_of(ABI_X86_64, "connect"), args,
			       &mux);
	T_OK(na && na->op == NET_CONNECT && na->addr_arg == 1 &&
		     na->len_arg == 2 && !mux, "connect: addr arg 1, len 2");
	na = policy_net_access(ABI_X86_64, nr_of(ABI_X86_64, "sendto"), args,
			       &mux);
	T_OK(na && na->addr_arg == 4 && na->len_arg == 5, "sendto: arg 4");
	na = policy_net_access(ABI_X86_64, nr_of(ABI_X86_64, "sendmsg"), args,
			       &mux);
	T_OK(na && na->src == NET_ADDR_MSGHDR, "sendmsg: msg_name");
	na = policy_net_access(ABI_X86_64, nr_of(ABI_X86_64, "bind"), args,
			       &mux);
	T_OK(na && na->op == NET_BIND, "bind");
	args[0] = 3;
	na = policy_net_access(ABI_I386, nr_of(ABI_I386, "socketcall"), args,
			       &mux);
	T_OK(na && mux && na->op == NET_CONNECT && na->addr_arg == 1,
	     "i386 socketcall(SYS_CONNECT): in the call's own arguments");
	args[0] = 1;
	T_OK(!policy_net_access(ABI_I386, nr_of(ABI_I386, "socketcall"), args,
				&mux), "i386 socketcall(SYS_SOCKET): none");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_fs();
	test_layers();
	test_stat();
	test_stat_unchanged();
	test_stat_pathless();
	test_net();
	test_conditions();
	test_mux();
	test_signals();
	test_table();
	return T_DONE();
}

/* Path globs: '*' stays within a component, '**' crosses them, classes,
 * escapes, the directory itself for a trailing "/" + "**". */
#include <string.h>

#include "policy/policy_int.h"
#include "tests/unit/t.h"

struct gcase {
	const char *pat, *path;
	bool want;
};

static const struct gcase cases[] = {
	{ "/etc/passwd", "/etc/passwd", true },
	{ "/etc/passwd", "/etc/passwd2", false },
	{ "/etc/passwd", "/etc", false },
	{ "/etc/*", "/etc/passwd", true },
	{ "/etc/*", "/etc/ssl/certs", false },	/* '*' does not cross '/' */
	{ "/etc/*", "/etc", false },
	{ "/etc/*", "/etc/.hidden", true },	/* dotfiles too */
	{ "/usr/bin/*", "/usr/bin/python3", true },
	{ "/usr/**", "/usr", true },		/* the directory itself */
	{ "/usr/**", "/usr/lib", true },
	{ "/usr/**", "/usr/lib/x86_64-linux-gnu/libc.so.6", true },
	{ "/usr/**", "/usrx", false },
	{ "/usr/**", "/usrx/lib", false },
	{ "/usr/**", "/", false },
	{ "/**", "/", true },
	{ "/**", "/anything/at/all", true },
	{ "/a/**/b", "/a/b", true },		/* zero components */
	{ "/a/**/b", "/a/x/b", true },
	{ "/a/**/b", "/a/x/y/z/b", true },
	{ "/a/**/b", "/a/xb", false },
	{ "/a/**/b", "/a/x/b/c", false },
	{ "/a/**b", "/a/x/yb", true },		/* "**" inside a component */
	{ "/a/**.so", "/a/lib/libc.so", true },
	{ "/a/*.so", "/a/lib/libc.so", false },
	{ "/a/*/c", "/a/b/c", true },
	{ "/a/*/c", "/a/b/b/c", false },
	{ "/a/*/c", "/a//c", true },		/* '*' may be empty */
	{ "/tmp/x-[0-9]?.log", "/tmp/x-42.log", true },
	{ "/tmp/x-[0-9]?.log", "/tmp/x-a2.log", false },
	{ "/tmp/x-[0-9]?.log", "/tmp/x-4/.log", false },	/* ? not '/' */
	{ "/tmp/[!a-c]", "/tmp/d", true },
	{ "/tmp/[!a-c]", "/tmp/b", false },
	{ "/tmp/[^a-c]", "/tmp/b", false },
	{ "/tmp/[]]", "/tmp/]", true },		/* ']' first is literal */
	{ "/tmp/[a/]", "/tmp/a", true },
	{ "/tmp/x[/]y", "/tmp/x/y", false },	/* a class never matches '/' */
	{ "/tmp/\\*", "/tmp/*", true },		/* escape */
	{ "/tmp/\\*", "/tmp/a", false },
	{ "/tmp/*.sock", "/tmp/.sock", true },
	{ "/run/*.sock", "/run/dbus/system_bus_socket", false },
	{ "/h/*/**/.ssh/**", "/h/u/.ssh/id", true },
	{ "/h/*/**/.ssh/**", "/h/u/a/b/.ssh", true },
	{ "*", "", true },
	{ "", "", true },
	{ "", "/", false },
	/* many stars do not blow up: O(pattern * path) */
	{ "/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
	  "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false },
	{ "/**a**a**a**a**a**a**a**a**a**a**a**a**b",
	  "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a", false },
};

int main(void)
{
	size_t i, off;
	const char nul[] = "ab\0cd";

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct gcase *c = &cases[i];
		bool got = glob_match(c->pat, c->path, strlen(c->path));

		T_OK(got == c->want, "\"%s\" %s \"%s\"", c->pat,
		     c->want ? "matches" : "does not match", c->path);
	}
	/* abstract socket names may hold NULs: lengths, not strings */
	T_OK(glob_match("ab*", nul, 5), "a NUL inside the name is a byte");
	T_OK(!glob_match("ab", nul, 5), "the length counts past the NUL");
	T_OK(glob_check("/etc/[ab", &off) < 0 && off == 5,
	     "unclosed class found at its offset");
	T_OK(glob_check("/etc/[ab]*", &off) == 0, "closed class is fine");
	T_OK(glob_check("/etc/\\[ab", &off) == 0, "escaped '[' is fine");
	return T_DONE();
}

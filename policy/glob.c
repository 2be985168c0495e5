/* glob: the path patterns of fs.* rules and unix: addresses.
 *
 *	*	any run of characters within one path component
 *	?	one character other than '/'
 *	[a-z]	one character of a class ([!..] or [^..] negates); never '/'
 *	**	any run of characters, '/' included; as a whole component
 *		in the middle ("a/" "**" "/b") zero or more components, so
 *		a/b matches; as the last component also the directory
 *		itself, so /usr matches "/usr/" "**"
 *	\c	c itself
 *
 * '*' matches a leading dot: a sandbox has no business hiding dotfiles.
 *
 * Matching runs the pattern over the set of string positions reachable so
 * far (a row of booleans), so it is O(pattern * path) whatever the number
 * of stars: no backtracking blow-up on hostile patterns.
 */
#include "policy/policy_int.h"

#include <errno.h>
#include <string.h>

enum { GLOB_STR_MAX = 8192 };

/* Parse a class at p (just after '['). Returns the pointer after ']' and
 * sets *hit, or NULL when the class is not closed. */
static const char *class_at(const char *p, unsigned char c, bool *hit)
{
	bool neg = false, in = false, first = true;

	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	while (*p && (first || *p != ']')) {
		unsigned char lo = (unsigned char)*p, hi;

		first = false;
		if (lo == '\\' && p[1])
			lo = (unsigned char)*++p;
		p++;
		hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			hi = (unsigned char)p[1];
			p += 2;
			if (hi == '\\' && *p)
				hi = (unsigned char)*p++;
		}
		if (c >= lo && c <= hi)
			in = true;
	}
	if (*p != ']')
		return NULL;
	*hit = in != neg && c != '/';
	return p + 1;
}

int glob_check(const char *pat, size_t *col_off)
{
	const char *p = pat;
	bool hit;

	while (*p) {
		if (*p == '\\' && p[1]) {
			p += 2;
			continue;
		}
		if (*p == '[') {
			const char *q = class_at(p + 1, 'a', &hit);

			if (!q) {
				*col_off = (size_t)(p - pat);
				return -EINVAL;
			}
			p = q;
			continue;
		}
		p++;
	}
	return 0;
}

bool glob_match(const char *pat, const char *s, size_t n)
{
	uint8_t ra[GLOB_STR_MAX + 1], rb[GLOB_STR_MAX + 1];
	uint8_t *r = ra, *nr = rb, *t;
	const char *p = pat;
	size_t i, j;
	bool any, hit;

	if (n > GLOB_STR_MAX)
		return false;
	memset(r, 0, n + 1);
	r[0] = 1;
	while (*p) {
		memset(nr, 0, n + 1);
		if (p[0] == '/' && p[1] == '*' && p[2] == '*' &&
		    (p[3] == '/' || p[3] == '\0')) {
			bool tail = p[3] == '\0';

			/* a slash, two stars, then a slash or the end:
			 * whole components */
			for (i = 0; i < n; i++) {
				if (!r[i] || s[i] != '/')
					continue;
				for (j = i + 1; j <= n; j++)
					if (tail || s[j - 1] == '/')
						nr[j] = 1;
				break;	/* later starts add nothing new */
			}
			if (tail && r[n])
				nr[n] = 1;
			p += tail ? 3 : 4;
		} else if (p[0] == '*' && p[1] == '*') {
			for (i = 0; i <= n && !r[i]; i++)
				;
			for (; i <= n; i++)
				nr[i] = 1;
			p += 2;
		} else if (p[0] == '*') {
			bool on = false;

			for (i = 0; i <= n; i++) {
				if (r[i])
					on = true;
				if (on)
					nr[i] = 1;
				if (i < n && s[i] == '/')
					on = false;
			}
			p++;
		} else if (p[0] == '?') {
			for (i = 0; i < n; i++)
				if (r[i] && s[i] != '/')
					nr[i + 1] = 1;
			p++;
		} else if (p[0] == '[' && class_at(p + 1, 'a', &hit)) {
			const char *q = p + 1;

			for (i = 0; i < n; i++) {
				if (!r[i])
					continue;
				q = class_at(p + 1, (unsigned char)s[i], &hit);
				if (hit)
					nr[i + 1] = 1;
			}
			if (n == 0)
				q = class_at(p + 1, 'a', &hit);
			p = q;
		} else {
			char c = *p;

			if (c == '\\' && p[1])
				c = *++p;
			for (i = 0; i < n; i++)
				if (r[i] && s[i] == c)
					nr[i + 1] = 1;
			p++;
		}
		t = r;
		r = nr;
		nr = t;
		any = false;
		for (i = 0; i <= n && !any; i++)
			any = r[i];
		if (!any)
			return false;
	}
	return r[n];
}

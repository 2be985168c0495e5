/* A tiny TAP-like harness for unit tests: each check prints "ok N - what"
 * or "not ok N - what (file:line)", or "skip N - what: reason" when this
 * machine cannot make it; main returns non-zero on any failure. */
#ifndef JAIL_TEST_T_H
#define JAIL_TEST_T_H

#include <stdio.h>
#include <string.h>

static int t_count, t_failed;

#define T_OK(cond, ...)                                                    \
	do {                                                               \
		int t_c = !!(cond);	/* evaluated once */               \
		t_count++;                                                 \
		if (t_c) {                                                 \
			printf("ok %d - ", t_count);                       \
		} else {                                                   \
			t_failed++;                                        \
			printf("not ok %d - ", t_count);                   \
		}                                                          \
		printf(__VA_ARGS__);                                       \
		if (!t_c)                                                  \
			printf(" (%s:%d)", __FILE__, __LINE__);            \
		printf("\n");                                              \
	} while (0)

/* String equality with both strings shown on failure. */
#define T_STREQ(got, want, what)                                           \
	do {                                                               \
		const char *t_g = (got), *t_w = (want);                    \
		int t_eq = t_g && t_w && strcmp(t_g, t_w) == 0;            \
		T_OK(t_eq, "%s", what);                                    \
		if (!t_eq)                                                 \
			printf("#   got:  %s\n#   want: %s\n",             \
			       t_g ? t_g : "(null)", t_w ? t_w : "(null)"); \
	} while (0)

/* A check this machine cannot make (a CPU or kernel feature it lacks, as
 * a probe in the test found): T_SKIP("what: reason", ...). Neither a pass
 * nor a failure; tests/run.sh counts it apart. */
#define T_SKIP(...)                                                        \
	do {                                                               \
		t_count++;                                                 \
		printf("skip %d - ", t_count);                             \
		printf(__VA_ARGS__);                                       \
		printf("\n");                                              \
	} while (0)

#define T_DONE() (t_failed ? 1 : 0)

#endif

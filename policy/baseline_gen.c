/* baseline_gen: the hardening baseline's filters, compiled at build time.
 *
 * The baseline depends on three things only: the policy's allow-unsafe
 * switches, whether it needs the scratch area (fs.* or net.* rules) and
 * whether it has fs.* rules; and its filter on the compile flags. For the
 * policies that set no allow-unsafe switch, with the flags jail uses (none,
 * or POLICY_COMPILE_TRACE_DENIALS with -o), this program compiles each
 * variant with the same code jail would run and prints them as a C table
 * (build/gen/baseline_table.c, see the Makefile) that jail links:
 * baseline_compile() then copies instead of running libseccomp at every
 * start. Any other combination is compiled at run time, as before.
 *
 *	baseline_gen > baseline_table.c
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "policy/baseline.h"
#include "policy/bpf.h"
#include "policy/policy.h"
#include "tracer/strbuf.h"

/* User policies that give each variant: no scratch area; the area for
 * net.* rules only; fs.* rules (which imply the area). */
static const char *const users[] = {
	"default allow\n",
	"default allow\nallow net.connect 127.0.0.1:1\n",
	"default allow\nallow fs.read /\n",
};

static const unsigned flag_sets[] = { 0, POLICY_COMPILE_TRACE_DENIALS };

static int print_variant(const struct policy *user, unsigned flags, int n,
			 struct strbuf *err)
{
	struct jail_bpf b = { 0 };
	struct policy *base = NULL;
	size_t i;
	int rc;

	rc = baseline_load(user, &base, err);
	if (rc == 0)
		rc = policy_compile(base, flags, &b, err);
	if (rc < 0)
		goto out;
	printf("static const struct sock_filter v%d[%zu] = {\n", n, b.len);
	for (i = 0; i < b.len; i++)
		printf("\t{ 0x%04x, %u, %u, 0x%08" PRIx32 " },\n",
		       b.insns[i].code, b.insns[i].jt, b.insns[i].jf,
		       (uint32_t)b.insns[i].k);
	printf("};\n\n");
out:
	bpf_free(&b);
	policy_free(base);
	return rc;
}

int main(void)
{
	struct strbuf err = STRBUF_INIT, table = STRBUF_INIT;
	size_t u, f;
	int n = 0, rc = 0;

	printf("/* Generated at build time by baseline_gen (policy/"
	       "baseline_gen.c): the\n * hardening baseline's filters for "
	       "policies without allow-unsafe\n * switches. Do not edit. */\n"
	       "#include \"policy/baseline.h\"\n\n");
	for (u = 0; u < sizeof(users) / sizeof(*users) && rc == 0; u++) {
		struct policy *user = NULL;

		rc = policy_load_string("baseline_gen", users[u], NULL, &user,
					&err);
		if (rc == 0 && policy_unsafe_flags(user))
			rc = -1;
		for (f = 0; rc == 0 && f < sizeof(flag_sets) /
					       sizeof(*flag_sets); f++) {
			rc = print_variant(user, flag_sets[f], n, &err);
			sb_printf(&table, "\t{ %s, %s, 0x%x, v%d, "
				  "sizeof(v%d) / sizeof(*v%d) },\n",
				  baseline_needs_scratch(user) ? "true" :
								 "false",
				  policy_has_fs_rules(user) ? "true" : "false",
				  flag_sets[f], n, n, n);
			n++;
		}
		policy_free(user);
	}
	if (rc < 0 || table.oom) {
		fprintf(stderr, "baseline_gen: %s\n",
			err.len ? sb_str(&err) : "failed");
		return 1;
	}
	printf("const struct baseline_built baseline_built[] = {\n%s};\n\n"
	       "const size_t baseline_nbuilt = %d;\n", sb_str(&table), n);
	sb_free(&table);
	sb_free(&err);
	return 0;
}

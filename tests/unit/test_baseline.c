/* baseline_compile(): the filters compiled when jail was built are the
 * ones policy_compile() gives now, for every variant in the table; and
 * what the table lacks (allow-unsafe switches, other flags) is compiled. */
#include "tests/unit/t.h"
#include "policy/baseline.h"
#include "policy/bpf.h"
#include "policy/policy.h"
#include "tracer/strbuf.h"

#include <stdlib.h>
#include <string.h>

static void check(const char *text, unsigned flags, bool want_prebuilt)
{
	struct jail_bpf fresh = { 0 }, got = { 0 };
	struct policy *user = NULL, *base = NULL;
	struct strbuf err = STRBUF_INIT;
	const struct baseline_built *b;
	char what[160];

	snprintf(what, sizeof(what), "\"%.*s\" flags %#x",
		 (int)strcspn(text + 14, "\n"), text + 14, flags);
	if (policy_load_string("t", text, NULL, &user, &err) < 0 ||
	    baseline_load(user, &base, &err) < 0) {
		T_OK(0, "%s: loads (%s)", what, sb_str(&err));
		goto out;
	}
	b = baseline_prebuilt(user, flags);
	T_OK(!!b == want_prebuilt, "%s: %s", what,
	     want_prebuilt ? "built with jail" : "compiled at run time");
	T_OK(policy_compile(base, flags, &fresh, &err) == 0 &&
	     baseline_compile(user, base, flags, &got, &err) == 0,
	     "%s: compiles (%s)", what, sb_str(&err));
	T_OK(fresh.len && got.len == fresh.len &&
	     memcmp(got.insns, fresh.insns,
		    fresh.len * sizeof(*fresh.insns)) == 0,
	     "%s: the same program as policy_compile (%zu, %zu insns)", what,
	     got.len, fresh.len);
	T_OK(!b || b->insns != got.insns, "%s: the caller owns a copy", what);
out:
	bpf_free(&fresh);
	bpf_free(&got);
	policy_free(base);
	policy_free(user);
	sb_free(&err);
}

int main(void)
{
	static const char *const usual[] = {
		"default allow\nallow getpid\n",
		"default allow\nallow net.connect 127.0.0.1:80\n",
		"default allow\nallow fs.read /etc/**\n",
		"default deny\nallow fs.read /usr/**\nallow net.bind "
		"0.0.0.0:8080\n",
	};
	static const char *const unsafe[] = {
		"default allow\nallow-unsafe ptrace\n",
		"default allow\nallow-unsafe io_uring\nallow fs.read /**\n",
	};
	size_t i;

	for (i = 0; i < sizeof(usual) / sizeof(*usual); i++) {
		check(usual[i], 0, true);
		check(usual[i], POLICY_COMPILE_TRACE_DENIALS, true);
		check(usual[i], POLICY_COMPILE_KILL_IN_KERNEL, false);
	}
	for (i = 0; i < sizeof(unsafe) / sizeof(*unsafe); i++) {
		check(unsafe[i], 0, false);
		check(unsafe[i], POLICY_COMPILE_TRACE_DENIALS, false);
	}
	return T_DONE();
}

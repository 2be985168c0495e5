/* libFuzzer target for the policy front end (and, for what loads, the
 * compiler and the evaluator).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu17 \
 *	-D_GNU_SOURCE -I. tests/fuzz/fuzz_policy.c $(POLICY_SRCS) \
 *	tracer/systab.c tracer/xlat.c tracer/strbuf.c -lseccomp -lcap \
 *	-o build/fuzz_policy
 * where POLICY_SRCS is every .c file in policy/.
 *   ./build/fuzz_policy -max_len=4096 tests/policy/good examples/policies
 *
 * A policy text may include files: the fuzzer may name real ones, which
 * only ever get read.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct policy_var fuzz_vars[] = {
	{ "CWD", "/work" }, { "HOME", "/home/u" }, { "TMPDIR", "/tmp" },
	{ "BUILD", "/work/build" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct policy_vars vars = { fuzz_vars, 4 };
	struct strbuf err = STRBUF_INIT;
	struct policy *p = NULL;
	struct policy_decision d;
	uint64_t args[6] = { 1, 2, 0x100000003ull, 0, 0, 0 };
	struct policy_path pp = { "/usr/lib/x", POLICY_FS_READ };
	/* a stat requirement of an object with no path */
	struct policy_path pl = { "pipe:[7]", POLICY_FS_STAT };
	struct policy_facts f = { .npaths = 2, .paths = { pp, pl } };
	char *text = malloc(size + 1);
	long nr;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (policy_load_string("fuzz.conf", text, &vars, &p, &err) == 0) {
		struct jail_bpf b = { 0 };

		for (nr = 0; nr < 460; nr += 7) {
			policy_eval_syscall(p, ABI_X86_64, nr, args, &f, &d);
			policy_eval_syscall(p, ABI_I386, nr, args, NULL, &d);
		}
		policy_eval_signal(p, 11, &d);
		/* the compiler is slow next to the parser: small inputs */
		if (size < 512 && policy_compile(p, 0, &b, NULL) == 0)
			bpf_free(&b);
		policy_free(p);
	}
	sb_free(&err);
	free(text);
	return 0;
}

#!/bin/bash
# A bounded smoke run of the policy parser's libFuzzer target (the long
# run is `make fuzz`): no crash, no sanitizer report, in 20 seconds.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/build/fuzz_policy
if [ ! -x "$F" ]; then
	nok "fuzz: $F was not built (make build/fuzz_policy)"
	exit 0
fi
mkdir -p "$TMP/corpus"
"$F" -max_len=4096 -max_total_time=20 -timeout=5 "$TMP/corpus" \
	"$ROOT/tests/policy/good" "$ROOT/examples/policies" >"$TMP/log" 2>&1
rc=$?
check "fuzz: 20 s of policy fuzzing ends cleanly (status $rc)" test "$rc" = 0
check "fuzz: it really ran" grep -q "Done [0-9]* runs" "$TMP/log"
if [ "$rc" != 0 ]; then grep -m 20 -E "ERROR|SUMMARY|panic|runtime error" "$TMP/log" | sed 's/^/#   /'; fi

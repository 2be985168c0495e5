#!/bin/sh
# Runs every test and ends with "N passed, N failed".
#
# A test is a unit-test binary in build/unit/ or a script in tests/integ/.
# Each prints TAP-like lines, "ok NAME" or "not ok NAME"; a test that exits
# non-zero or times out without printing "not ok" counts one failure more.
# TESTS="pattern" runs only the tests whose file name matches.
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
export ROOT
pass=0
fail=0
log=$(mktemp)
failures=$(mktemp)
for t in build/unit/test_* tests/integ/*.sh; do
	[ -e "$t" ] || continue
	case "$t" in *.d) continue ;; esac
	name=$(basename "$t")
	if [ -n "$TESTS" ]; then
		case "$name" in *$TESTS*) ;; *) continue ;; esac
	fi
	start=$(date +%s)
	case "$t" in
	*.sh) timeout -k 5 240 bash "$t" >"$log" 2>&1 ;;
	*) timeout -k 5 120 "./$t" >"$log" 2>&1 ;;
	esac
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok $name exited with status $rc" >>"$log"
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	echo "== $name: $p passed, $f failed ($(($(date +%s) - start))s)"
	if [ "$f" -ne 0 ]; then
		grep -v '^ok ' "$log" | tail -n 40 | sed 's/^/   | /'
		grep '^not ok ' "$log" | sed "s/^/$name: /" >>"$failures"
	fi
done
# CI shows only the tail of this output: repeat the failures last.
if [ -s "$failures" ]; then
	echo "failures:"
	head -n 20 "$failures" | sed 's/^/   /'
fi
rm -f "$log" "$failures"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

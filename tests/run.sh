#!/bin/sh
# Runs every test and ends with "N passed, N failed, N skipped".
#
# A test is a unit-test binary in build/unit/ or a script in tests/integ/.
# Each prints TAP-like lines, "ok NAME" or "not ok NAME"; a test that exits
# non-zero or times out without printing "not ok" counts one failure more.
# "skip NAME: REASON" is a check this machine cannot make (a CPU or kernel
# feature it lacks, found by a probe at test time): neither passed nor
# failed, and listed by reason under its file's line.
# TESTS="pattern" runs only the tests whose file name matches.
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
export ROOT
pass=0
fail=0
skipped=0
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
	s=$(grep -c '^skip ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok $name exited with status $rc" >>"$log"
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	skipped=$((skipped + s))
	counts="$p passed, $f failed"
	[ "$s" -ne 0 ] && counts="$counts, $s skipped"
	echo "== $name: $counts ($(($(date +%s) - start))s)"
	# One line per reason: "skipped (REASON): NAME, NAME..." (a unit
	# test's number is left out: "skip N - what: reason").
	[ "$s" -ne 0 ] && sed -n 's/^skip \([0-9]* - \)\{0,1\}//p' "$log" |
		awk '{
			i = match($0, /: [^:]*$/)
			name = i ? substr($0, 1, i - 1) : $0
			why = i ? substr($0, i + 2) : "no reason given"
			if (!seen[why]++) {
				order[n++] = why
				names[why] = name
			} else {
				names[why] = names[why] ", " name
			}
		}
		END {
			for (k = 0; k < n; k++)
				print "   skipped (" order[k] "): " names[order[k]]
		}'
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
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]

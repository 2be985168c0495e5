#!/bin/bash
# The benchmark suite's floor tracer (bench/mintracer.c): the rows that
# say how far a target can be reached are only worth something if
# mintracer really stops where it says and leaves the program working.
# -F must follow a forked child (without it the child's traced calls get
# ENOSYS, there being no tracer); -c must add its check at each open and
# change nothing the program sees.
. "$(dirname "$0")/../lib.sh"

MT=$TMP/mintracer
if ! cc -std=gnu17 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -o "$MT" \
	"$ROOT/bench/mintracer.c" "$ROOT/bench/bpffile.c" 2>"$TMP/cc.err"; then
	nok "bench_floors: mintracer builds: $(head -3 "$TMP/cc.err")"
	exit 0
fi
ok "bench_floors: mintracer builds"

# A shell that forks cat: the child's opens (its loader's, then the
# file's) stop in the tracer.
printf 'floor\n' >"$TMP/f"
PROG=(/bin/sh -c 'cat "$1"; echo "status $?"' _ "$TMP/f")

out=$("$MT" -v -- "${PROG[@]}" 2>"$TMP/nof.err")
if [[ $out != *"floor"* ]] && [[ $out == *"status "[1-9]* ]]; then
	ok "bench_floors: without -F a forked child's opens fail"
else
	nok "bench_floors: without -F a forked child's opens fail: $out"
fi

stops() { sed -n 's/^mintracer: \([0-9]*\) seccomp stops$/\1/p' "$1"; }
want=$("${PROG[@]}")
declare -A nstops
for opt in -F "-F -c"; do
	# shellcheck disable=SC2086 # one word per option
	out=$("$MT" -v $opt -- "${PROG[@]}" 2>"$TMP/err")
	rc=$?
	n=$(stops "$TMP/err")
	if [ $rc = 0 ] && [ "$out" = "$want" ] && [ "${n:-0}" -ge 3 ]; then
		ok "bench_floors: mintracer $opt: the forked cat works ($n stops)"
	else
		nok "bench_floors: mintracer $opt: rc $rc, stops '$n', output: $out"
	fi
	nstops[$opt]=${n:-0}
done
if [ "${nstops[-F]}" = "${nstops[-F -c]}" ]; then
	ok "bench_floors: -c stops where -F stops (${nstops[-F]})"
else
	nok "bench_floors: -c stops where -F stops: ${nstops[-F]} vs ${nstops[-F -c]}"
fi

# -c's check really runs: strace on mintracer (make deps installs it)
# counts its openat2 calls, one per open of the program.
strace -e trace=openat2 -o "$TMP/st" "$MT" -F -c -- \
	"${PROG[@]}" >/dev/null 2>&1
n=$(grep -c 'openat2(.*RESOLVE_NO_SYMLINKS' "$TMP/st")
if [ "$n" -ge 3 ]; then
	ok "bench_floors: -c looks each path up ($n lookups)"
else
	nok "bench_floors: -c looks each path up: $n lookups"
fi

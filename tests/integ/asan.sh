#!/bin/bash
# The engine under AddressSanitizer and UBSan, on multi-process and
# multi-threaded programs: no memory error, no leak, same behaviour.
. "$(dirname "$0")/../lib.sh"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=98
JAIL=$ROOT/build/jail-asan

same_as_native asan-forkstorm "$PROGS/forkstorm" 300
same_as_native asan-threads64 "$PROGS/threads64"
same_as_native asan-exec-thread "$PROGS/exec_thread"
same_as_native asan-signals "$PROGS/signals"
same_as_native asan-pipeline bash -c 'seq 1 1000 | sort -n | tail -n 1; exit 4'
for n in asan-forkstorm asan-threads64 asan-exec-thread asan-signals asan-pipeline; do
	check "$n: no sanitizer report" \
		sh -c "! grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error' '$TMP/$n.err'"
done

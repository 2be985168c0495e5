#!/bin/sh
# bench/costs.sh: where a tracer's time goes, counted as the system calls
# the tracer itself makes per event of a workload (strace -c on the tracer
# alone, not on the program: the program is the tracer's tracee, and a
# task has only one tracer). Run bench/run.sh once before (it builds the
# helpers and dumps jail's filters into build/bench/).
#
#   sh bench/costs.sh            openclose, forkexec, startup and build
#   sh bench/costs.sh openclose  one of them
#
# Prints, per workload and tracer, the calls per event that make at least
# 0.5 per event, and their total.
set -eu

ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
B=$ROOT/build/bench
J=$ROOT/build/jail
P=$ROOT/bench/policies
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

for f in openclose reps mintracer openclose.bpf openclose-baseline.bpf; do
	if [ ! -e "$B/$f" ]; then
		echo "costs: $B/$f missing: run 'BENCH_ONLY=openclose sh" \
		     "bench/run.sh' first" >&2
		exit 1
	fi
done
command -v strace >/dev/null || { echo "costs: needs strace" >&2; exit 1; }

# count LABEL EVENTS COMMAND...: strace -c the command (the tracer only),
# print its syscalls per event.
count() {
	label=$1 events=$2
	shift 2
	strace -c -o "$TMP/c" "$@" >/dev/null 2>"$TMP/err" || {
		echo "costs: $label: failed:" >&2
		tail -5 "$TMP/err" >&2
		return 0
	}
	# Rows of strace -c: % time, seconds, usecs/call, calls, [errors,]
	# syscall; calls is the fourth field either way.
	awk -v label="$label" -v ev="$events" '
		$1 ~ /^[0-9.]+$/ && NF >= 5 && $NF != "total" {
			n = $4 / ev
			tot += n
			if (n >= 0.5)
				s = s sprintf(" %s %.1f", $NF, n)
		}
		END { printf "%-34s %5.1f:%s\n", label, tot, s }
	' "$TMP/c"
}

sel=${1:-}
want() { [ -z "$sel" ] || [ "$sel" = "$1" ]; }

echo "syscalls made by the tracer per event (total: name count ...)"
if want openclose; then
	n=10000
	f="-f $B/openclose-baseline.bpf -f $B/openclose.bpf"
	# shellcheck disable=SC2086
	count "openclose: mintracer, per openat" $n \
		"$B/mintracer" $f -- "$B/openclose" "$B/data/file" $n
	count "openclose: jail, per checked openat" $n \
		"$J" -p "$P/openclose.conf" -D "BENCH=$B" -- \
		"$B/openclose" "$B/data/file" $n
	count "openclose: strace, per openat" $n \
		strace -f --seccomp-bpf -e trace=openat -o /dev/null \
		"$B/openclose" "$B/data/file" $n
fi
if want forkexec; then
	n=500
	count "forkexec: jail, per fork+exec" $n \
		"$J" -o /dev/null -p "$P/forkexec.conf" -- \
		"$B/reps" $n /bin/true
	count "forkexec: jail fs rules, per fork+exec" $n \
		"$J" -o /dev/null -p "$P/forkexec-fs.conf" -D "BENCH=$B" -- \
		"$B/reps" $n /bin/true
	count "forkexec: strace, per fork+exec" $n \
		strace -f --seccomp-bpf -e trace=execve -o /dev/null \
		"$B/reps" $n /bin/true
fi
if want startup; then
	# jail's filters for startup.conf if the startup workload ran.
	t=openclose
	[ -e "$B/startup.bpf" ] && t=startup
	count "startup: mintracer, jail's filters" 1 \
		"$B/mintracer" -f "$B/$t-baseline.bpf" -f "$B/$t.bpf" \
		/bin/true
	count "startup: jail -p startup.conf" 1 \
		"$J" -p "$P/startup.conf" /bin/true
	count "startup: jail, no policy" 1 "$J" /bin/true
fi
if want build && [ -d "$B/proj" ]; then
	rm -rf "$B/proj/out"
	(cd "$B/proj" && count "build: jail, whole build" 1 \
		"$J" -o /dev/null -p "$ROOT/examples/policies/build.conf" \
		-D "BUILD=$B/proj/out" -- make -s -j2 OUT=out)
	rm -rf "$B/proj/out"
fi

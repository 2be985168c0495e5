#!/bin/sh
# bench/run.sh: jail's benchmark suite (`make bench`). Builds its helper
# programs into build/bench/, installs the peers it compares jail with if
# they are missing, then runs bench/bench.py, which prints one table.
#
#   sh bench/run.sh                    full run, ~8 minutes (2 vCPUs)
#   BENCH_QUICK=1 sh bench/run.sh      smoke run, ~1 minute
#   BENCH_ONLY=openclose sh bench/run.sh
#
# ROOT is the source tree (default: this script's parent directory);
# build/jail must exist (`make jail`). See bench/RESULTS.md.
set -eu

ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
export ROOT
B=$ROOT/build/bench
CC=${CC:-cc}
CFLAGS="-std=gnu17 -O2 -g -Wall -Wextra -Werror -Wshadow \
-Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -D_GNU_SOURCE"

if [ ! -x "$ROOT/build/jail" ]; then
	echo "bench: $ROOT/build/jail not found: run 'make jail' first" >&2
	exit 1
fi

# The peers, and what the suite itself runs: install only what is missing.
missing=
for t in strace:strace gdb:gdb python3:python3 taskset:util-linux \
	 make:make "$CC":gcc; do
	command -v "${t%%:*}" >/dev/null 2>&1 || missing="$missing ${t#*:}"
done
if [ -n "$missing" ]; then
	echo "bench: installing$missing" >&2
	# shellcheck disable=SC2086 # one word per package
	apt-get install -y $missing >&2 ||
		{ apt-get update >&2 && apt-get install -y $missing >&2; }
fi

# Build a helper (a few small files: always, so nothing is ever stale).
# $1: name, $2: extra flags, rest: sources.
build() {
	name=$1 extra=$2
	shift 2
	srcs=
	for s in "$@"; do
		srcs="$srcs $ROOT/bench/$s"
	done
	# shellcheck disable=SC2086 # word splitting wanted
	$CC $CFLAGS $extra -o "$B/$name" $srcs
}

mkdir -p "$B"
build getppid "" getppid.c
build openclose "" openclose.c
build reps "" reps.c
build hold "-pthread" hold.c
build filteronly "" filteronly.c bpffile.c
build mintracer "" mintracer.c bpffile.c
# The debugger's target: no optimisation, so hit() stays a call.
build dbgloop "-O0" dbgloop.c

exec python3 "$ROOT/bench/bench.py"

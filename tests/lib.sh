# Shared helpers for integration tests (sourced by bash).
# Each check prints "ok NAME" or "not ok NAME", or "skip NAME: REASON" when
# this machine cannot make it; tests/run.sh counts them.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
JAIL=${JAIL:-$ROOT/build/jail}
PROGS=$ROOT/build/progs
TMP=$(mktemp -d /tmp/jail-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

ok() { echo "ok $*"; }
nok() { echo "not ok $*"; }
# skip NAME: REASON: a check this machine cannot make (a CPU or kernel
# feature it lacks, a tool not installed). Neither a pass nor a failure:
# run.sh counts it apart. Only for what the machine lacks (asked by a probe
# at test time), never to quiet a check that could run.
skip() { echo "skip $*"; }

# --- what this machine can do: probed natively, by really trying -------

NO_I386="this kernel cannot run i386 code"
NO_HWDEBUG="hardware debug registers do not fire on this machine"

# have_i386: the kernel runs i386 code, both an i386 program (pathcalls'
# i386 build, which without arguments prints its usage, status 2) and
# int $0x80 from an x86_64 one (tests/progs/i386_probe.c). A kernel without
# IA32 emulation, or on a hypervisor without 32-bit compat mode (whatever
# /proc/config.gz says), refuses the exec (ENOEXEC) and kills the int $0x80
# with SIGSEGV. When the two disagree or fail some other way, the answer is
# yes: the checks then run and show what is wrong.
have_i386() {
	if [ -z "$HAVE_I386" ]; then
		local out64 out32 rc64 rc32
		out64=$("$PROGS/i386_probe" 2>&1)
		rc64=$?
		out32=$( ("$ROOT/build/progs32/pathcalls") 2>&1)
		rc32=$?
		if [ $rc64 = 0 ] && [ $rc32 = 2 ] &&
		   [[ $out32 == *"usage: pathcalls"* ]]; then
			HAVE_I386=yes
		elif [ $rc64 = 1 ] && [ $rc32 = 126 ] &&
		     [[ $out32 == *"Exec format error"* ]]; then
			HAVE_I386=no
		else
			HAVE_I386=yes
			echo "# have_i386: the probes disagree, running the i386 checks:"
			echo "#   x86_64 int \$0x80 (status $rc64): $out64"
			echo "#   i386 pathcalls (status $rc32): $out32"
		fi
	fi
	[ "$HAVE_I386" = yes ]
}

# have_hw_debugregs: x86 debug registers set through ptrace fire (an
# execute breakpoint and a write watchpoint, tests/progs/hwdebug_probe.c).
# Some hypervisors accept them and never fire. A probe that could not be
# made (status 2) says yes: the checks then run and show what is wrong.
have_hw_debugregs() {
	if [ -z "$HAVE_HWDEBUG" ]; then
		local out rc
		out=$("$PROGS/hwdebug_probe" 2>&1)
		rc=$?
		HAVE_HWDEBUG=yes
		[ $rc = 1 ] && HAVE_HWDEBUG=no
		[ $rc = 0 ] || [ $rc = 1 ] ||
			echo "# have_hw_debugregs: the probe failed (status $rc): $out"
	fi
	[ "$HAVE_HWDEBUG" = yes ]
}

# check NAME CMD...: ok when CMD succeeds.
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else nok "$name"; fi
}

# same_as_native NAME CMD...: stdout and exit status under jail equal the
# native run's. The audit log goes to $TMP/NAME.jsonl for later checks.
same_as_native() {
	local name=$1
	shift
	local n_out=$TMP/$name.native j_out=$TMP/$name.jail n_rc j_rc
	(cd "$TMP" && "$@") >"$n_out" 2>/dev/null </dev/null
	n_rc=$?
	(cd "$TMP" && "$JAIL" -o "$TMP/$name.jsonl" "$@") >"$j_out" \
		2>"$TMP/$name.err" </dev/null
	j_rc=$?
	if [ "$n_rc" = "$j_rc" ] && cmp -s "$n_out" "$j_out"; then
		ok "$name: same output and status ($j_rc) as native"
	else
		nok "$name: native rc=$n_rc, jail rc=$j_rc"
		diff "$n_out" "$j_out" | head -n 10 | sed 's/^/#   /'
		sed 's/^/#   stderr: /' "$TMP/$name.err" | head -n 5
	fi
}

# Every line of an audit log is one valid JSON object.
valid_jsonl() {
	python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8", errors="surrogateescape"):
    assert line.endswith("\n"), "torn line"
    json.loads(line)
    n += 1
assert n > 0, "empty log"
' "$1"
}

# Count audit records matching a python expression on record r.
count_records() {
	python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    if eval(sys.argv[2]):
        n += 1
print(n)
' "$1" "$2"
}

# No process is left whose command line mentions the marker.
no_leftovers() {
	! pgrep -f "$1" >/dev/null 2>&1
}

# Wait up to N tenths of a second for a command to succeed.
wait_for() {
	local n=$1
	shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

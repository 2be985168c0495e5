#!/bin/bash
# Start-up: what jail loads. The debugger's libraries (capstone, libelf,
# libedit) are opened with dlopen() only when the debugger needs them
# (debugger/dl.c); a run without the debugger never maps them.
. "$(dirname "$0")/../lib.sh"

DBG_LIBS="libcapstone libelf libedit"
mkfifo "$TMP/up" "$TMP/go"
# The program: says it runs, then waits to be let go.
WAIT=(/bin/sh -c 'echo up >"$1"; read -r x <"$2"' _ "$TMP/up" "$TMP/go")

# tracer_maps OUT JAIL-ARGS...: jail's /proc/PID/maps while its program
# waits; jail's output goes to OUT.out.
tracer_maps() {
	local out=$1 pid
	shift
	(cd "$TMP" && exec timeout -k 2 20 "$JAIL" "$@" -- "${WAIT[@]}") \
		>"$out.out" 2>&1 </dev/null &
	pid=$!
	if timeout 10 cat "$TMP/up" >/dev/null; then
		cat "/proc/$(pgrep -P "$pid" -x jail || echo "$pid")/maps" \
			>"$out" 2>&1
		echo >"$TMP/go"
	else
		: >"$out"
	fi
	wait "$pid"
}

# not_mapped NAME FILE: none of the debugger's libraries is in FILE.
not_mapped() {
	local name=$1 file=$2 lib
	if ! grep -q '/libseccomp' "$file"; then
		nok "$name: no maps read"
		sed 's/^/#   /' "$file" "$file.out" | head -n 5
		return
	fi
	for lib in $DBG_LIBS; do
		check "$name: $lib is not mapped" \
			bash -c '! grep -q "/$1" "$2"' _ "$lib" "$file"
	done
}

tracer_maps "$TMP/maps.none"
not_mapped "no policy" "$TMP/maps.none"

printf 'default allow\n' >"$TMP/allow.conf"
tracer_maps "$TMP/maps.pol" -p "$TMP/allow.conf"
not_mapped "with a policy" "$TMP/maps.pol"

# A trap rule without a terminal: no debugger can open (--on-trap).
printf 'default allow\ntrap getppid\n' >"$TMP/trap.conf"
tracer_maps "$TMP/maps.trap" -p "$TMP/trap.conf" --on-trap allow
not_mapped "trap rule, no terminal" "$TMP/maps.trap"

# -g: the first x/i opens capstone (and the symbols libelf); they are
# mapped while the program runs on.
printf 'x/2i $pc\ncontinue\n' >"$TMP/x.gdb"
tracer_maps "$TMP/maps.g" -g --batch -nx -x "$TMP/x.gdb"
check "-g: x/i disassembles after capstone is opened on first use" \
	grep -Eq '^=> 0x[0-9a-f]+ <[^>]+>:'$'\t''[a-z]+ ' "$TMP/maps.g.out"
check "-g: capstone is mapped once the debugger disassembled" \
	grep -q '/libcapstone' "$TMP/maps.g"
check "-g: libelf is mapped once the debugger read symbols" \
	grep -q '/libelf' "$TMP/maps.g"
check "-g --batch: libedit is not (no terminal to edit on)" \
	bash -c '! grep -q /libedit "$1"' _ "$TMP/maps.g"

# A missing library is said, once, and the rest of the debugger works:
# capstone hidden in a private mount namespace (needs root).
cs=$(/sbin/ldconfig -p 2>/dev/null | awk '/libcapstone\.so\.[0-9]+ .*x86-64/ { print $NF; exit }')
if [ -n "$cs" ] && unshare -m true 2>/dev/null; then
	printf 'x/i $pc\nx/i $pc\ninfo registers rip\ncontinue\n' >"$TMP/miss.gdb"
	(cd "$TMP" && timeout -k 2 20 unshare -m bash -c \
		'mount --bind /dev/null "$1" && shift && exec "$@"' _ "$cs" \
		"$JAIL" -g --batch -nx -x "$TMP/miss.gdb" -- /bin/sh -c 'exit 7') \
		>"$TMP/miss.out" 2>&1 </dev/null
	rc=$?
	check "capstone missing: a warning names the library" \
		grep -q "^warning: no disassembly: .*libcapstone\.so" "$TMP/miss.out"
	check "capstone missing: the warning comes once" \
		test "$(grep -c '^warning: no disassembly' "$TMP/miss.out")" = 1
	check "capstone missing: x/i fails with gdb's message" \
		grep -q "^No disassembler\." "$TMP/miss.out"
	check "capstone missing: other commands work" \
		grep -q "^rip  *0x" "$TMP/miss.out"
	check "capstone missing: the program runs to its end" test "$rc" = 7
	[ "$rc" = 7 ] || sed 's/^/#   /' "$TMP/miss.out" | head -n 10
else
	ok "capstone missing # skip: needs root and unshare -m"
fi

# --- the launch: clone(CLONE_VM) when no debugger can open, fork else ---

if command -v strace >/dev/null; then
	strace -o "$TMP/clone.none" -e trace=clone,clone3,fork,vfork \
		"$JAIL" /bin/true </dev/null
	check "launch without a debugger: clone with CLONE_VM" \
		grep -q 'flags=CLONE_VM|SIGCHLD' "$TMP/clone.none"
	printf 'continue\n' >"$TMP/c.gdb"
	strace -o "$TMP/clone.g" -e trace=clone,clone3,fork,vfork \
		"$JAIL" -g --batch -nx -x "$TMP/c.gdb" /bin/true \
		>/dev/null 2>&1 </dev/null
	check "launch with -g: a fork, the child has memory of its own" \
		bash -c '! grep -q CLONE_VM "$1" && grep -q "^clone(" "$1"' \
		_ "$TMP/clone.g"
else
	ok "launch mode # skip: needs strace"
fi

# Either way the program starts with no signal ignored or blocked (jail
# was started with some ignored and blocked), in its own process group,
# and exec errors come back with their status.
cat >"$TMP/sigs.py" <<'PY'
import os, signal, subprocess, sys
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.signal(signal.SIGPIPE, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
sys.exit(subprocess.call(sys.argv[1:]))
PY
printf 'continue\n' >"$TMP/c.gdb"
printf '\001\002 not a program\n' >"$TMP/bad"
chmod +x "$TMP/bad"
for mode in clone fork; do
	extra=()
	[ $mode = fork ] && extra=(-g --batch -nx -x "$TMP/c.gdb")
	python3 "$TMP/sigs.py" "$JAIL" "${extra[@]}" \
		/bin/grep -E '^Sig(Ign|Blk)' /proc/self/status \
		>"$TMP/sigs.$mode" 2>&1 </dev/null
	check "launch ($mode): nothing ignored" \
		grep -q '^SigIgn:[[:space:]]*0*$' "$TMP/sigs.$mode"
	check "launch ($mode): nothing blocked" \
		grep -q '^SigBlk:[[:space:]]*0*$' "$TMP/sigs.$mode"
	# /proc/self/stat: pid, (comm), state, ppid, pgrp
	"$JAIL" "${extra[@]}" /bin/cat /proc/self/stat >"$TMP/stat.$mode" \
		2>&1 </dev/null
	check "launch ($mode): a process group of its own" \
		awk '/^[0-9]+ \(cat\)/ { found = 1; ok = $1 == $5 }
		     END { exit !(found && ok) }' "$TMP/stat.$mode"
	"$JAIL" "${extra[@]}" /no/such/program >/dev/null 2>&1 </dev/null
	check "launch ($mode): a missing program, 127" test $? = 127
	"$JAIL" "${extra[@]}" "$TMP/bad" >"$TMP/bad.$mode" 2>&1 </dev/null
	check "launch ($mode): a file exec refuses, 126" test $? = 126
	check "launch ($mode): ... and why" grep -q "Exec format error" "$TMP/bad.$mode"
done
exit 0

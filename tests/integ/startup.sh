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
exit 0

#!/bin/bash
# The debugger end to end: golden scripts (tests/dbg/golden_*.gdb, output
# compared with golden_*.out after pids are blanked), differential scripts
# run under gdb and under jail's debugger at test time (tests/dbg/diff_*),
# and behaviour: attach/detach leaves the process running untraced, quit
# kills what was launched, a trapped syscall's verdict reaches the program.
#
# A script with the line "#! needs hwdebug" uses debug registers (hbreak,
# watch): it is skipped as a whole where they do not fire (a probe asks,
# have_hw_debugregs in tests/lib.sh), since gdb could not hit them either.
#
# DBG is the debugger: `jail -g` once the runner has it, the test driver
# (tests/unit/test_dbg_driver.c, the same integration) until then.
. "$(dirname "$0")/../lib.sh"

DBG_DRIVER=$ROOT/build/unit/test_dbg_driver
if [ -z "$DBG" ]; then
	if "$JAIL" --help 2>&1 | grep -q -- '--batch'; then
		DBG="$JAIL -g"
	else
		DBG=$DBG_DRIVER
	fi
fi
DIR=$ROOT/tests/dbg
if ! [ -x "$DBG_DRIVER" ] && [ "$DBG" = "$DBG_DRIVER" ]; then
	nok "debugger: $DBG_DRIVER not built (make unit)"
	exit 0
fi

# needs SCRIPT NAME: ok to run SCRIPT here; else says it is skipped.
needs() {
	if grep -q '^#! needs hwdebug' "$1" && ! have_hw_debugregs; then
		skip "$2: $NO_HWDEBUG"
		return 1
	fi
	return 0
}

# Programs as gdb would see them without DWARF: both debuggers then work
# from the same minimal symbols and print the same shapes.
for p in dbgc_basic dbgc_threads dbgc_fork dbgc_signals dbgc_loop dbgc_emul; do
	strip -g -o "$TMP/$p" "$PROGS/$p" || nok "debugger: strip $p"
done

# A clean environment: gdb and jail's debugger then start the program
# with the same stack, and registers such as rsp compare exactly.
clean_env() {
	env -i PATH=/usr/bin:/bin HOME="$TMP" TERM=dumb "$@"
}

# run_ours SCRIPT PROG ARGS...: jail's debugger in batch mode.
run_ours() {
	local script=$1
	shift
	# shellcheck disable=SC2086
	(cd "$TMP" && clean_env timeout -k 2 20 $DBG --batch -nx \
		-x "$script" -- "$@") 2>&1
}

# --- golden scripts ---

# Blank what changes from run to run or with the C library's build:
# process and thread ids, thread pointers, addresses in the libraries and
# on the stack (0x7ff...), the temporary directory.
normalize() {
	sed -E -e 's/(process|LWP) [0-9]+  +/\1 PID  /g' \
	       -e 's/(process|LWP) [0-9]+/\1 PID/g' \
	       -e 's/Thread 0x[0-9a-f]+ \(LWP/Thread 0xTP (LWP/g' \
	       -e 's/(si_pid[= ]+)[0-9]+/\1PID/g' \
	       -e 's/0x0*7ff[0-9a-f]+/0x7ff.../g' \
	       -e 's/rule (driver|trap-[a-z]+\.conf):[0-9]+/rule RULE/g' \
	       -e "s|$TMP|TMP|g"
}

# The driver's --trap NAME is jail's policy `trap NAME`.
trap_opts() {
	local out="" name
	set -- $1
	while [ $# -gt 0 ]; do
		if [ "$1" = --trap ] && [ "$DBG" != "$DBG_DRIVER" ]; then
			name=$2
			printf 'default allow\ntrap %s\n' "$name" >"$TMP/trap-$name.conf"
			out="$out -p trap-$name.conf"
			shift 2
		else
			out="$out $1"
			shift
		fi
	done
	echo "$out"
}

for g in "$DIR"/golden_*.gdb; do
	[ -e "$g" ] || continue
	name=$(basename "$g" .gdb)
	needs "$g" "debugger golden $name" || continue
	prog=$(sed -n 's/^#! prog //p' "$g")
	opts=$(trap_opts "$(sed -n 's/^#! opts //p' "$g")")
	out=$TMP/$name.out
	# shellcheck disable=SC2086
	read -r -a prog <<<"$prog"
	(cd "$TMP" && clean_env timeout -k 2 20 $DBG --batch -nx $opts \
		-x "$g" -- "$TMP/${prog[0]}" "${prog[@]:1}") >"$out" 2>&1
	normalize <"$out" >"$out.n"
	# DBG_GOLDEN_UPDATE=1 rewrites the expected outputs: review them.
	[ -n "$DBG_GOLDEN_UPDATE" ] && cp "$out.n" "$DIR/$name.out"
	if diff -u "$DIR/$name.out" "$out.n" >"$TMP/$name.diff"; then
		ok "debugger golden $name"
	else
		nok "debugger golden $name"
		head -n 30 "$TMP/$name.diff" | sed 's/^/#   /'
	fi
done

# --- differential scripts: the same commands under gdb ---

# The script split for each debugger: gdb starts with `run`, jail's
# debugger is already stopped at the first instruction and continues.
make_scripts() {
	local src=$1 g=$2 o=$3
	{
		printf '%s\n' "set startup-with-shell off" \
			"unset environment LINES" "unset environment COLUMNS" \
			"set pagination off" "set confirm off"
		sed -n 's/^#! gdb //p' "$src"
		awk '/^#= run$/ { print "run"; next } /^#/ { next } { print }' \
			"$src"
	} >"$g"
	awk '/^#= run$/ { print "continue"; next } /^#/ { next } { print }' \
		"$src" >"$o"
}

# What must agree, line by line: register lines, printed values, memory
# and instruction lines, symbols, hit counts, stops in the program's own
# code, watchpoint values, signal stops and tables, thread and inferior
# rows (counted, their frames differ where gdb has libc's DWARF).
cat >"$TMP/extract.py" <<'EOF'
import re, sys

keep = [
    r'^[a-z][a-z0-9_]* +0x[0-9a-f]+ +\S',          # info registers
    r'^\$\d+ = ',                                   # print
    r'^(=> |   )?0x[0-9a-f]+( <[^>]*>)?:\t',        # x, x/i
    r'^\t(breakpoint|catchpoint) already hit \d+ times?$',
    r'^\S+( \+ \d+)? in section ',                  # info symbol
    r'^(Thread \S+ "[^"]*" hit )?(Temporary )?[Bb]reakpoint \d+(\.\d+)?, 0x[0-9a-f]+ in [\w.@]+ \(\)$',
    r'^(Thread \S+ "[^"]*" hit )?Hardware (read |access \(read/write\) )?watchpoint \d+: ',
    r'^(Old value|New value|Value) = ',
    r'^(Program|Thread \S+ "[^"]*") received signal ',
    r'^#\d+ +0x[0-9a-f]+ in [\w.@]+ \(\)$',          # bt, own code
    r'^0x[0-9a-f]{16} in [\w.@]+ \(\)$',            # step stops, own code
    r'^Run till exit from ',
    r'^SIG\w+ +(Yes|No)\t',                         # info signals
    r'^\d+ +(breakpoint|hw watchpoint|read watchpoint|acc watchpoint|hw breakpoint|catchpoint) ',
    r'^\d+\.\d+ +[yn] +0x',                          # a breakpoint's locations
]
rows = [
    (r'^[* ] \d+(\.\d+)? +(Thread 0x|process |LWP )', 'THREAD'),
    (r'^[* ] \d+ +process \d+ ', 'INFERIOR'),
]
unordered = '--unordered' in sys.argv
out = []
for line in open(sys.argv[1], errors='replace'):
    line = line.rstrip('\n')
    # Thread and inferior rows: how many there are is what must agree.
    for pat, tag in rows:
        if re.match(pat, line):
            out.append(tag)
            break
    else:
        if any(re.match(p, line) for p in keep):
            # The Type column widens in gdb with some types: compare words.
            if re.match(r'^\d+(\.\d+)? +(breakpoint|hw|read|acc|catch|[yn] )', line):
                line = ' '.join(line.split())
            if unordered:
                # Which thread gets there first is a matter of timing.
                line = re.sub(r'^Thread \S+ "[^"]*" ', 'Thread ', line)
            out.append(line)
if unordered:
    out.sort()
print('\n'.join(out))
EOF

for src in "$DIR"/diff_*.gdb; do
	[ -e "$src" ] || continue
	name=$(basename "$src" .gdb)
	needs "$src" "debugger differential $name" || continue
	read -r -a prog <<<"$(sed -n 's/^#! prog //p' "$src")"
	flags=
	grep -q '^#! unordered' "$src" && flags=--unordered
	make_scripts "$src" "$TMP/$name.g.gdb" "$TMP/$name.o.gdb"
	(cd "$TMP" && clean_env timeout -k 2 30 gdb -batch -nx \
		-x "$TMP/$name.g.gdb" --args "$TMP/${prog[0]}" "${prog[@]:1}") \
		>"$TMP/$name.gdb.out" 2>&1
	run_ours "$TMP/$name.o.gdb" "$TMP/${prog[0]}" "${prog[@]:1}" \
		>"$TMP/$name.ours.out"
	python3 "$TMP/extract.py" "$TMP/$name.gdb.out" $flags >"$TMP/$name.g.key"
	python3 "$TMP/extract.py" "$TMP/$name.ours.out" $flags >"$TMP/$name.o.key"
	n=$(wc -l <"$TMP/$name.g.key")
	if [ "$n" -lt 3 ]; then
		nok "debugger differential $name: gdb gave too little to compare"
		sed 's/^/#   gdb: /' "$TMP/$name.gdb.out" | head -n 10
	elif cmp -s "$TMP/$name.g.key" "$TMP/$name.o.key"; then
		ok "debugger differential $name: $n lines agree with gdb"
	else
		nok "debugger differential $name: differs from gdb"
		diff "$TMP/$name.g.key" "$TMP/$name.o.key" | head -n 20 |
			sed 's/^/#   /'
	fi
done

# --- behaviour ---

# A trapped syscall (a policy `trap`; the driver's --trap): deny makes
# it fail, the program's own output shows it.
printf 'continue\ninfo syscall\ndeny EIO\ncontinue\n' >"$TMP/trap.gdb"
# shellcheck disable=SC2046
out=$(cd "$TMP" && clean_env timeout -k 2 20 $DBG --batch \
	-nx $(trap_opts "--trap write") -x "$TMP/trap.gdb" -- "$TMP/dbgc_basic" 2>&1 | normalize)
check "debugger: a trapped write is shown decoded, with its rule" \
	grep -qF 'Trapped syscall (rule RULE): write(1, "counter=27 r=125\n", 17)' <<<"$out"
check "debugger: deny keeps the write from happening" \
	bash -c '! grep -q "^counter=27" <<<"$1"' _ "$out"

# start runs to main; run (r) runs on to the end.
printf 'start\ninfo registers rip\nr\n' >"$TMP/start.gdb"
out=$(run_ours "$TMP/start.gdb" "$TMP/dbgc_basic")
check "debugger: start stops at main" grep -q "Temporary breakpoint 1, 0x[0-9a-f]* in main ()" <<<"$out"
check "debugger: r runs the program to its end" grep -q "exited with code 33" <<<"$out"

# quit (end of a --batch script) kills what it launched: nothing is left.
printf 'break tick\ncontinue\n' >"$TMP/quit.gdb"
run_ours "$TMP/quit.gdb" "$TMP/dbgc_loop" -1 dbgc-quit-marker >/dev/null
check "debugger: the end of a batch script kills the launched program" \
	wait_for 30 no_leftovers dbgc-quit-marker

# attach, break, detach: the process runs on, untraced and not stopped.
"$TMP/dbgc_loop" >/dev/null &
pid=$!
sleep 0.2
printf 'break tick\ncontinue\np $rdi\ndetach\n' >"$TMP/attach.gdb"
if [ "$DBG" = "$DBG_DRIVER" ]; then
	out=$(timeout -k 2 20 "$DBG_DRIVER" --batch -nx -x "$TMP/attach.gdb" \
		-A "$pid" 2>&1)
else
	out=$(timeout -k 2 20 $DBG --batch -nx -x "$TMP/attach.gdb" \
		-A "$pid" 2>&1)
fi
check "debugger: attach stops in tick" grep -q 'hit Breakpoint 1, 0x[0-9a-f]* in tick ()' <<<"$out"
check "debugger: detach says so" grep -q "\[Inferior 1 (process $pid) detached\]" <<<"$out"
sleep 0.3
check "debugger: after detach, no tracer" test "$(awk '/^TracerPid:/ {print $2}' /proc/$pid/status)" = 0
check "debugger: after detach, not stopped" test "$(awk '/^State:/ {print $2}' /proc/$pid/status)" != t
check "debugger: after detach, the breakpoint is gone (still running)" kill -0 $pid
kill $pid
wait $pid 2>/dev/null
exit 0

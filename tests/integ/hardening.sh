#!/bin/bash
# Escape attempts: one program per bypass class (tests/progs/esc_*.c),
# each run natively, where the attempt must get through (so the program
# can tell an escape when it sees one), and under jail with a policy of
# tests/policy/hardening/, where it must be stopped.
#
# A program prints one verdict line and exits with its code:
#   ESCAPED: ... 1   BLOCKED: ... 0   SETUP: ... 2 (could not try)
#   WRONG: ... 3 (stopped, but not the way jail promises)
# Under a policy that kills, jail exits 159 and nothing is printed.
#
# Victims (processes outside the jailed tree) must survive every jailed
# attempt; nothing may be left running at the end. Where jail may kill
# instead of refusing (ptrace, io_uring, user namespaces, a listener
# filter, a race it notices), a jailed run may also end with status 159.
#
# The classes: foreign ABIs (int80, x32), escaping the tracer (untraced,
# clone3, ptrace), io_uring, signals, privileges, exec around fs.exec,
# forged seccomp decisions, RET_TRACE without a tracer, terminal
# injection, races (on memory, on a path, on a descriptor or mapping, on
# a socket address; the scratch area that closes them, and its fast
# opens), and paths.
. "$(dirname "$0")/../lib.sh"
POL=$ROOT/tests/policy/hardening
OUT=$TMP/out
SEC=$TMP/sec
PUB=$TMP/pub
VICTIMS=()
EXTRA_DEFS=()
LISTENERS=()

cleanup() {
	local p
	for p in "${VICTIMS[@]}" "${LISTENERS[@]}"; do
		kill -9 "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	mountpoint -q "$TMP/mnt" 2>/dev/null && umount -l "$TMP/mnt"
	rm -rf "$TMP"
}
trap cleanup EXIT

# --- the stage ---------------------------------------------------------

mkdir -p "$OUT" "$SEC" "$PUB" "$TMP/race/dir" "$TMP/race/xdir" \
	"$TMP/noexec" "$TMP/exec" "$TMP/priv" "$TMP/mnt"
echo "TOPSECRET-$$-$RANDOM" >"$SEC/file"
echo "public" >"$PUB/file"
# races on a path: dir/file is allowed, lnk leads to the secret; xdir/file
# may be run, xlnk leads to noexec/file, the marker, which may not
echo "public" >"$TMP/race/dir/file"
ln -s "$SEC" "$TMP/race/lnk"
cp /usr/bin/true "$TMP/race/xdir/file"
cp "$PROGS/esc_marker" "$TMP/noexec/file"
ln -s "$TMP/noexec" "$TMP/race/xlnk"
# an allowed script whose interpreter is the denied marker
printf '#!%s\n' "$PROGS/esc_marker" >"$TMP/exec/script.sh"
chmod 755 "$TMP/exec/script.sh"
# privileged copies of esc_privs; uid 65534 must reach them natively
chmod 711 "$TMP"
chmod 755 "$TMP/priv"
cp "$PROGS/esc_privs" "$TMP/priv/suid"
chmod 4755 "$TMP/priv/suid"
HAVE_SETCAP=
if command -v setcap >/dev/null 2>&1; then
	cp "$PROGS/esc_privs" "$TMP/priv/fcap"
	setcap cap_net_raw+ep "$TMP/priv/fcap" && HAVE_SETCAP=1
fi

JAIL_P=
[ -x "$JAIL" ] && "$JAIL" --help 2>&1 | grep -qE '(^|[ ,])-p[ ,]' && JAIL_P=1
DEFS=(-D "PROGS=$PROGS" -D "SECRET_DIR=$SEC" -D "PUB_DIR=$PUB" -D "WORK=$TMP")

# --- running an attempt ------------------------------------------------

# The file name for the output of attempt NAME.
outfile() { echo "$OUT/${1//[^a-zA-Z0-9_.-]/_}"; }

# attempt NAME RCS WORDS CMD...: run CMD (30 s at most). ok when its
# exit status is one of RCS ("1", "0|159") and, unless it is 159 (killed
# by policy), its first line starts with one of WORDS ("BLOCKED",
# "ESCAPED|BLOCKED") and a colon. A line starting with ESCAPED fails any
# run whose WORDS do not have it. The output stays in $LAST_OUT.
attempt() {
	local name=$1 rcs=$2 word=$3 out rc line
	out=$(outfile "$1")
	shift 3
	# A subshell that does not exec timeout: "Terminated" when a command
	# dies of SIGTERM (timeout passes it on) goes to its stderr, nowhere.
	(timeout -k 2 30 "$@" >"$out" 2>"$out.err" </dev/null; exit $?) \
		2>/dev/null
	rc=$?
	line=$(head -n 1 "$out")
	LAST_OUT=$out
	if [[ "|$rcs|" == *"|$rc|"* ]] &&
	   { [ "$rc" = 159 ] || [[ "|$word|" == *"|${line%%:*}|"* ]]; } &&
	   { [[ "|$word|" == *"|ESCAPED|"* ]] ||
	     ! grep -q '^ESCAPED' "$out"; }; then
		ok "$name: ${line:-killed (status $rc)}"
		return 0
	fi
	nok "$name: status $rc (want $rcs, $word): ${line:-no verdict}"
	grep -h '^ESCAPED' "$out" | sed -n '2,3s/^/#   also: /p'
	sed 's/^/#   stderr: /' "$out.err" | head -n 5
	return 1
}

native() {
	local name=$1 word=$2 rc
	shift 2
	case $word in
	ESCAPED) rc=1 ;; BLOCKED) rc=0 ;; SETUP) rc=2 ;;
	esac
	attempt "native $name" "$rc" "$word" "$@"
}

# jailed NAME POLICY RCS WORD CMD...: attempt under jail with POLICY.
# Fails (quietly) when jail has no -p, so `jailed ... && check` skips.
jailed() {
	local name=$1 pol=$2 rcs=$3 word=$4
	shift 4
	[ -n "$JAIL_P" ] || return 1
	attempt "jail $name" "$rcs" "$word" "$JAIL" \
		-o "$(outfile "jail $name").jsonl" \
		-p "$POL/$pol" "${DEFS[@]}" "${EXTRA_DEFS[@]}" -- "$@"
}

# sh "$WRAP" CMD...: CMD under a shell of its own, whose line at the end
# shows it survived (the attempts on "the parent", run natively).
WRAP=$TMP/wrap.sh
echo '"$@"; rc=$?; echo "wrapper-alive"; exit $rc' >"$WRAP"

# A victim outside the jailed tree: its own process group, sleeping.
# start_victim victim-nocaps: one without capabilities, which the kernel
# lets a jailed process (uid 0 without capabilities) ptrace.
start_victim() {
	"$PROGS/esc_signal" "${1:-victim}" "$TMP" &
	VICTIM=$!
	VICTIMS+=("$VICTIM")
	wait_for 30 leads_group "$VICTIM"
}
# Fields of /proc/PID/stat (the command name has no blanks here).
stat_field() { awk -v f="$2" '{ print $f }' "/proc/$1/stat" 2>/dev/null; }
state_of() { stat_field "$1" 3; }
leads_group() { [ "$(stat_field "$1" 5)" = "$1" ]; }
dead() { [ ! -e "/proc/$1" ] || [ "$(state_of "$1")" = Z ]; }
# running: alive, not stopped (a ptrace attach left behind), not a zombie
running() { case $(state_of "$1") in [RSD]) return 0 ;; esac; return 1; }
reap() { kill -9 "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

# --- 1. foreign ABIs ---------------------------------------------------

# A kernel that cannot run i386 code (no IA32 emulation, or a hypervisor
# without 32-bit compat mode) kills int $0x80 with SIGSEGV, natively as
# well: the class does not exist there, and there is nothing to check.
if have_i386; then
	for m in open openat; do
		native "int80 $m" ESCAPED "$PROGS/esc_int80" $m "$SEC/file"
		jailed "int80 $m" abi.conf 0 BLOCKED \
			"$PROGS/esc_int80" $m "$SEC/file"
	done
	native "int80 execve" ESCAPED \
		"$PROGS/esc_int80" execve "$PROGS/esc_marker"
	jailed "int80 execve" abi.conf 0 BLOCKED \
		"$PROGS/esc_int80" execve "$PROGS/esc_marker"
else
	for m in open openat execve; do
		skip "native int80 $m: $NO_I386"
		[ -n "$JAIL_P" ] && skip "jail int80 $m: $NO_I386"
	done
fi

# Natively a kernel without x32 (no CONFIG_X86_X32_ABI, or Debian's
# default syscall.x32=n) answers ENOSYS itself: that is fine there.
attempt "native x32 openat (ENOSYS without x32 in the kernel)" "0|1" \
	"ESCAPED|BLOCKED" "$PROGS/esc_x32" "$SEC/file"
jailed "x32 openat: killed" abi.conf 159 KILLED "$PROGS/esc_x32" "$SEC/file" &&
	check "jail x32 openat: death by SIGSYS (audit log)" grep -q \
		'"type":"exit".*"signal":"SIGSYS"' "$LAST_OUT.jsonl"

# --- 2. escaping the tracer --------------------------------------------

native "untraced open" ESCAPED "$PROGS/esc_untraced" open "$SEC/file"
jailed "untraced open" tracer.conf 0 BLOCKED \
	"$PROGS/esc_untraced" open "$SEC/file"
native "untraced exec" ESCAPED "$PROGS/esc_untraced" exec "$PROGS/esc_marker"
jailed "untraced exec" tracer.conf 0 BLOCKED \
	"$PROGS/esc_untraced" exec "$PROGS/esc_marker"

native "clone3" ESCAPED "$PROGS/esc_clone3" "$SEC/file"
jailed "clone3: ENOSYS, threads still work" tracer.conf 0 BLOCKED \
	"$PROGS/esc_clone3" "$SEC/file"

# The victim has no capabilities: the kernel would let the jailed
# program (none either) ptrace it; only jail can say no. Siblings are
# traced by jail already, and jail has its capabilities: the kernel
# refuses those too.
start_victim victim-nocaps
PV=$VICTIM
for a in "traceme" "attach sibling" "seize sibling"; do	# $a: 1 or 2 args
	native "ptrace $a" ESCAPED "$PROGS/esc_ptrace" $a
	jailed "ptrace $a" ptrace.conf "0|159" BLOCKED "$PROGS/esc_ptrace" $a
done
for m in attach seize vmread vmwrite; do
	native "ptrace $m victim" ESCAPED "$PROGS/esc_ptrace" $m "$PV"
	check "native ptrace $m: the victim runs on" wait_for 10 running "$PV"
	jailed "ptrace $m victim" ptrace.conf "0|159" BLOCKED \
		"$PROGS/esc_ptrace" $m "$PV"
	[ -n "$JAIL_P" ] && check "jail ptrace $m: the victim runs on" \
		wait_for 10 running "$PV"

	attempt "native ptrace $m parent (sh)" 1 ESCAPED \
		sh "$WRAP" "$PROGS/esc_ptrace" $m parent
	check "native ptrace $m parent: the parent lives" \
		grep -qx wrapper-alive "$LAST_OUT"
	jailed "ptrace $m parent (jail)" ptrace.conf "0|159" BLOCKED \
		"$PROGS/esc_ptrace" $m parent
done

# --- 3. io_uring -------------------------------------------------------

uring=ESCAPED	# io_uring_disabled = 2: the kernel refuses it natively
[ "$(cat /proc/sys/kernel/io_uring_disabled 2>/dev/null)" = 2 ] &&
	uring=BLOCKED
native "io_uring openat" $uring "$PROGS/esc_io_uring" "$SEC/file"
jailed "io_uring openat" io_uring.conf "0|159" BLOCKED \
	"$PROGS/esc_io_uring" "$SEC/file"

# --- 4. signals --------------------------------------------------------

for m in kill tkill tgkill pidfd sigqueue tgsigqueue pgrp; do
	start_victim
	native "signal $m" ESCAPED "$PROGS/esc_signal" $m "$VICTIM"
	check "native signal $m: the victim died" wait_for 20 dead "$VICTIM"
	reap "$VICTIM"
done
if [ -n "$JAIL_P" ]; then
	for m in kill tkill tgkill pidfd sigqueue tgsigqueue pgrp; do
		start_victim
		jailed "signal $m" signal.conf 0 BLOCKED \
			"$PROGS/esc_signal" $m "$VICTIM"
		sleep 0.1
		check "jail signal $m: the victim lives" running "$VICTIM"
		reap "$VICTIM"
	done
fi

attempt "native signal parent (sh)" 143 ESCAPED \
	sh "$WRAP" "$PROGS/esc_signal" parent
check "native signal parent: the parent died" \
	eval '! grep -q wrapper-alive "$LAST_OUT"'
jailed "signal parent (jail lives)" signal.conf 0 BLOCKED \
	"$PROGS/esc_signal" parent

# kill(-1): never natively; under jail only in a PID namespace of its
# own, so that a jail that lets it through kills nothing but the victim.
native "signal kill(-1): not attempted natively" SETUP \
	"$PROGS/esc_signal" killall
if [ -n "$JAIL_P" ] && command -v unshare >/dev/null 2>&1; then
	cat >"$TMP/killall.sh" <<'EOF'
"$PROGS/esc_signal" victim "$TMP" &
v=$!
sleep 0.2
"$JAIL" -p "$POL/signal.conf" "$@" -- "$PROGS/esc_signal" killall
rc=$?
sleep 0.2
case $(awk '{ print $3 }' /proc/$v/stat 2>/dev/null) in
[RSD]) echo "victim-alive" ;;
esac
kill -9 $v 2>/dev/null
wait $v 2>/dev/null
exit $rc
EOF
	export PROGS JAIL POL TMP
	attempt "jail signal kill(-1) (in a PID namespace)" 0 BLOCKED \
		unshare --pid --fork --mount-proc bash "$TMP/killall.sh" \
		"${DEFS[@]}"
	check "jail signal kill(-1): the victim lives" \
		grep -qx victim-alive "$LAST_OUT"
elif [ -n "$JAIL_P" ]; then
	skip "jail signal kill(-1): no unshare(1)"
fi

# --- 5. privileges -----------------------------------------------------

modules=ESCAPED
[ -e /proc/modules ] || modules=SETUP	# no module support: ENOSYS
native "privs status" ESCAPED "$PROGS/esc_privs" status
jailed "privs status" privs.conf 0 BLOCKED "$PROGS/esc_privs" status
native "privs exec set-uid" ESCAPED "$PROGS/esc_privs" exec "$TMP/priv/suid"
jailed "privs exec set-uid" privs.conf 0 BLOCKED \
	"$PROGS/esc_privs" exec "$TMP/priv/suid"
if [ -n "$HAVE_SETCAP" ]; then
	native "privs exec setcap" ESCAPED \
		"$PROGS/esc_privs" exec "$TMP/priv/fcap"
	jailed "privs exec setcap" privs.conf 0 BLOCKED \
		"$PROGS/esc_privs" exec "$TMP/priv/fcap"
else
	skip "privs exec setcap: no setcap(8)"
fi
attempt "native privs /proc/PPID/mem (sh)" 1 ESCAPED \
	sh "$WRAP" "$PROGS/esc_privs" procmem
jailed "privs /proc/PPID/mem (jail)" privs.conf 0 BLOCKED \
	"$PROGS/esc_privs" procmem
native "privs mount" ESCAPED "$PROGS/esc_privs" mount "$TMP/mnt"
jailed "privs mount" privs.conf 0 BLOCKED "$PROGS/esc_privs" mount "$TMP/mnt"
native "privs userns mount" ESCAPED "$PROGS/esc_privs" userns "$TMP/mnt"
jailed "privs userns mount" privs.conf "0|159" BLOCKED \
	"$PROGS/esc_privs" userns "$TMP/mnt"
check "privs: nothing left mounted" eval '! mountpoint -q "$TMP/mnt"'
native "privs module" $modules "$PROGS/esc_privs" module
if [ $modules = SETUP ]; then
	jailed "privs module (kernel without modules)" privs.conf 2 SETUP \
		"$PROGS/esc_privs" module
else
	jailed "privs module" privs.conf 0 BLOCKED "$PROGS/esc_privs" module
fi

# --- 6. exec around fs.exec --------------------------------------------

for m in opath rdonly memfd procfd ldso; do
	native "exec $m" ESCAPED "$PROGS/esc_exec" $m "$PROGS/esc_marker"
	jailed "exec $m" exec.conf 0 BLOCKED \
		"$PROGS/esc_exec" $m "$PROGS/esc_marker"
done
native "exec shebang" ESCAPED "$PROGS/esc_exec" shebang "$TMP/exec/script.sh"
jailed "exec shebang" exec.conf 0 BLOCKED \
	"$PROGS/esc_exec" shebang "$TMP/exec/script.sh"

# --- 7. forged decisions -----------------------------------------------

# Natively a RET_TRACE filter with no tracer fails the open (ENOSYS):
# the baseline (-n, no filter) shows the open itself gets through.
native "forge trace: baseline without the filter" ESCAPED \
	"$PROGS/esc_forge" -n trace "$SEC/file"
native "forge trace: no tracer, ENOSYS" BLOCKED \
	"$PROGS/esc_forge" trace "$SEC/file"
jailed "forge trace" forge.conf 0 BLOCKED "$PROGS/esc_forge" trace "$SEC/file"
native "forge notify" ESCAPED "$PROGS/esc_forge" notify "$SEC/file"
jailed "forge notify" forge.conf "0|159" BLOCKED \
	"$PROGS/esc_forge" notify "$SEC/file"

# --- 8. tracer death ---------------------------------------------------

native "RET_TRACE without a tracer fails closed" BLOCKED "$PROGS/esc_notracer"

# --- 9. terminal injection ---------------------------------------------

sti=ESCAPED
[ "$(cat /proc/sys/dev/tty/legacy_tiocsti 2>/dev/null)" = 0 ] && sti=SETUP
for m in sti sti-hi; do
	native "tiocsti $m" $sti "$PROGS/esc_tiocsti" $m
	jailed "tiocsti $m" tiocsti.conf 0 BLOCKED "$PROGS/esc_tiocsti" $m &&
		check "jail tiocsti $m: refused by the policy's rule (EACCES)" \
			grep -q EACCES "$LAST_OUT"
done
if [ -c /dev/tty1 ]; then
	native "tiocsti TIOCLINUX" ESCAPED "$PROGS/esc_tiocsti" linux /dev/tty1
	jailed "tiocsti TIOCLINUX" tiocsti.conf 0 BLOCKED \
		"$PROGS/esc_tiocsti" linux /dev/tty1
else
	skip "tiocsti TIOCLINUX: no /dev/tty1"
fi

# --- 10. races ---------------------------------------------------------

# jail may also kill the tree when it sees that what it checked changed
# before the kernel used it (159): nothing got through either way.
RACE_RCS="0|159"

# unswap DIR LINK: a killed esc_race_link may leave the two names
# swapped; swap them back.
unswap() {
	if [ -L "$1" ] && [ -d "$2" ] && [ ! -L "$2" ]; then
		mv -T "$1" "$1.tmp" && mv -T "$2" "$1" && mv -T "$1.tmp" "$2"
	fi
}

native "race mem" ESCAPED "$PROGS/esc_race_mem" "$PUB/file" "$SEC/file" 1
jailed "race mem (3 s)" race-fs.conf "$RACE_RCS" BLOCKED \
	"$PROGS/esc_race_mem" "$PUB/file" "$SEC/file" 3
native "race link open" ESCAPED \
	"$PROGS/esc_race_link" open "$TMP/race/dir" "$TMP/race/lnk" 1
jailed "race link open (3 s)" race-fs.conf "$RACE_RCS" BLOCKED \
	"$PROGS/esc_race_link" open "$TMP/race/dir" "$TMP/race/lnk" 3
native "race link exec" ESCAPED \
	"$PROGS/esc_race_link" exec "$TMP/race/xdir" "$TMP/race/xlnk" 1
jailed "race link exec (3 s)" race-fs.conf "$RACE_RCS" BLOCKED \
	"$PROGS/esc_race_link" exec "$TMP/race/xdir" "$TMP/race/xlnk" 3
# Calls that do not open (unlink, truncate, utimes, chmod, setxattr,
# stat): the kernel walks the path again, so the call is made relative to
# a parent directory (or on the file) the tracee opened with no symlink
# allowed. Each has its own forbidden directory; natively its file is
# changed (or seen), under jail it is not.
# intact CALL: the forbidden file as it was made.
intact() {
	local f=$TMP/usec-$1/file
	[ -e "$f" ] && [ "$(stat -c '%s %a %Y' "$f")" = "5 644 1500000000" ] &&
		! python3 -c 'import os, sys; os.getxattr(sys.argv[1], "user.jail")' \
			"$f" 2>/dev/null
}
# The i386 build of the same program races unlink and stat as well, where
# the kernel runs i386 programs.
for call in unlink truncate utimes chmod setxattr stat i386:unlink i386:stat; do
	RACE=$PROGS/esc_race_path TAG=
	case $call in i386:*)
		call=${call#i386:}
		TAG=" i386"
		if ! have_i386; then
			skip "native race $call$TAG: $NO_I386"
			[ $call = stat ] || skip "native race $call$TAG: the" \
				"forbidden file changed (the race is real): $NO_I386"
			[ -n "$JAIL_P" ] || continue
			skip "jail race $call$TAG (2 s): $NO_I386"
			skip "jail race $call$TAG: the forbidden file is as it" \
				"was: $NO_I386"
			continue
		fi
		# where race-fs.conf lets it run
		cp "$ROOT/build/progs32/esc_race_path" "$TMP/race/esc_race_path32"
		RACE=$TMP/race/esc_race_path32
		;;
	esac
	d=$TMP/race/d-$call l=$TMP/race/l-$call sec=$TMP/usec-$call
	mkdir -p "$sec" "$d"
	ln -sfn "$sec" "$l"
	mk_forbidden() {
		echo keep >"$sec/file" && chmod 644 "$sec/file" &&
			touch -d @1500000000 "$sec/file"
	}
	mk_forbidden
	if [ $call = stat ]; then
		native "race $call$TAG" ESCAPED "$RACE" $call "$d" "$l" 1
	else
		native "race $call$TAG" BLOCKED "$RACE" $call "$d" "$l" 1
		check "native race $call$TAG: the forbidden file changed (the race is real)" \
			eval '! intact $call'
	fi
	unswap "$d" "$l"
	rm -f "$sec/file"
	mk_forbidden
	jailed "race $call$TAG (2 s)" race-fs.conf "$RACE_RCS" BLOCKED \
		"$RACE" $call "$d" "$l" 2 &&
		check "jail race $call$TAG: the forbidden file is as it was" \
			intact $call
	unswap "$d" "$l"
done
unswap "$TMP/race/dir" "$TMP/race/lnk"
unswap "$TMP/race/xdir" "$TMP/race/xlnk"
check "race link: the directories are directories again" \
	eval '[ -d "$TMP/race/dir" ] && [ ! -L "$TMP/race/dir" ] &&
	      [ -d "$TMP/race/xdir" ] && [ ! -L "$TMP/race/xdir" ]'

for m in mmap mmapfiles execveat mprotect; do
	native "race fd $m" ESCAPED \
		"$PROGS/esc_race_fd" $m /usr/bin/true "$PROGS/esc_marker" 1
	jailed "race fd $m (3 s)" race-fd.conf "$RACE_RCS" BLOCKED \
		"$PROGS/esc_race_fd" $m /usr/bin/true "$PROGS/esc_marker" 3
done

"$PROGS/esc_race_addr" listen "$TMP/port.ok" &
LISTENERS+=($!)
"$PROGS/esc_race_addr" listen "$TMP/port.denied" "$TMP/denied-marker" &
LISTENERS+=($!)
if wait_for 50 test -s "$TMP/port.ok" -a -s "$TMP/port.denied"; then
	OK_PORT=$(cat "$TMP/port.ok")
	DENIED_PORT=$(cat "$TMP/port.denied")
	EXTRA_DEFS=(-D "OK_PORT=$OK_PORT" -D "DENIED_PORT=$DENIED_PORT")
	for m in connect sendto sendmsg sendmmsg; do
		rm -f "$TMP/denied-marker"
		native "race addr $m" ESCAPED \
			"$PROGS/esc_race_addr" $m "$OK_PORT" "$DENIED_PORT" 1
		check "native race addr $m: the denied listener was reached" \
			test -e "$TMP/denied-marker"
		[ -n "$JAIL_P" ] || continue
		rm -f "$TMP/denied-marker"
		jailed "race addr $m (3 s)" race-net.conf "$RACE_RCS" BLOCKED \
			"$PROGS/esc_race_addr" $m "$OK_PORT" "$DENIED_PORT" 3
		check "jail race addr $m: the denied listener never reached" \
			test ! -e "$TMP/denied-marker"
	done
	EXTRA_DEFS=()
else
	nok "race addr: the listeners did not start"
fi
for p in "${LISTENERS[@]}"; do reap "$p"; done
LISTENERS=()

# jail closes the races on memory by copying what it checked to a
# read-only scratch area in the program: which must stay out of reach.
for m in mem-self mem-thread mem-task mprotect munmap madvise mapfixed \
	 mremap; do
	native "scratch $m" ESCAPED "$PROGS/esc_scratch" $m
	jailed "scratch $m" scratch.conf 0 BLOCKED "$PROGS/esc_scratch" $m
done

# Fast opens leave checked read-only opens in the scratch area, where
# the kernel may open them again without asking jail: no part of one
# may open anything unchecked. Natively there is nothing to attack.
# fast/x/sec/file ends with "sec/file", the secret seen from $TMP;
# d/file is allowed until d becomes a symlink to the secret.
FAST=$TMP/fast
mkdir -p "$FAST/d" "$FAST/x/${SEC#"$TMP"/}"
echo public >"$FAST/x/${SEC#"$TMP"/}/file"
echo public >"$FAST/d/file"
for f in r r2 w rw; do echo public >"$FAST/$f"; done
native "fast suffix" SETUP "$PROGS/esc_fast" suffix \
	"$FAST/x/${SEC#"$TMP"/}/file" "$TMP" "$SEC/file"
jailed "fast suffix" fast.conf 0 BLOCKED "$PROGS/esc_fast" suffix \
	"$FAST/x/${SEC#"$TMP"/}/file" "$TMP" "$SEC/file"
jailed "fast short" fast.conf 0 BLOCKED "$PROGS/esc_fast" short "$FAST" "$SEC"
jailed "fast records" fast.conf 0 BLOCKED "$PROGS/esc_fast" records "$FAST"

# --- 11. paths ---------------------------------------------------------

for m in symlink hardlink rename cwd dotdot opath procroot rootdotdot; do
	native "paths $m" ESCAPED "$PROGS/esc_paths" $m "$PUB" "$SEC"
	jailed "paths $m" paths.conf 0 BLOCKED \
		"$PROGS/esc_paths" $m "$PUB" "$SEC"
	[ -f "$SEC/file" ] || mv "$PUB/esc-mv" "$SEC" 2>/dev/null
done
check "paths: the secret is where it was, nothing left in the allowed dir" \
	eval '[ -f "$SEC/file" ] && [ "$(ls "$PUB")" = file ]'

# --- the end -----------------------------------------------------------

[ -z "$JAIL_P" ] && skip "jailed attempts: $JAIL has no -p"
for p in "${VICTIMS[@]}"; do reap "$p"; done
VICTIMS=()
check "no process left" wait_for 20 no_leftovers "$TMP"

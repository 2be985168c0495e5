#!/bin/bash
# Policies on real programs: the example policies let their programs work
# and stop what they forbid; errors, kills, --check and the audit log.
. "$(dirname "$0")/../lib.sh"
POL=$ROOT/examples/policies
cnt() { count_records "$1" "$2"; }

# python3: no network, writes only under /tmp.
cat >"$TMP/t.py" <<'PY'
import socket, os, sys
open(sys.argv[1], "w").write("x")
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1); print("net allowed")
except OSError as e:
    print("net blocked", e.errno)
try:
    open("/var/tmp/jail-evil.txt", "w"); print("write allowed")
except OSError as e:
    print("write blocked", e.errno)
PY
out=$("$JAIL" -p "$POL/python-no-net.conf" -o "$TMP/py.jsonl" /usr/bin/python3 "$TMP/t.py" "$TMP/ok.txt")
rc=$?
check "python-no-net: runs (status $rc)" test "$rc" = 0
check "python-no-net: writes under /tmp" test -f "$TMP/ok.txt"
check "python-no-net: no network (EACCES)" grep -q "net blocked 13" <<<"$out"
check "python-no-net: no write outside /tmp (EROFS)" grep -q "write blocked 30" <<<"$out"
check "python-no-net: nothing written outside" test ! -e /var/tmp/jail-evil.txt
check "python-no-net: the refused socket is logged with its rule" \
	test "$(cnt "$TMP/py.jsonl" 'r["type"]=="syscall" and r["syscall"] in ("socket", "connect") and r["action"]=="deny" and "python-no-net.conf:" in r["rule"]')" -ge 1
check "python-no-net: denials carry a tip" \
	test "$(cnt "$TMP/py.jsonl" 'r["type"]=="syscall" and r["action"]=="deny" and "tip" in r')" -ge 1

# make + gcc: may write only the build directory.
mkdir -p "$TMP/proj"
cd "$TMP/proj" || exit 1
for i in 1 2 3 4; do echo "int f$i(void) { return $i; }" >f$i.c; done
printf '#include <stdio.h>\nint f1(void), f2(void), f3(void), f4(void);\nint main(void) { printf("%%d\\n", f1() + f2() + f3() + f4()); return 0; }\n' >main.c
cat >Makefile <<'MK'
BUILD ?= build
OBJS = $(BUILD)/main.o $(BUILD)/f1.o $(BUILD)/f2.o $(BUILD)/f3.o $(BUILD)/f4.o
$(BUILD)/prog: $(OBJS)
	$(CC) -o $@ $(OBJS)
$(BUILD)/%.o: %.c | $(BUILD)
	$(CC) -O1 -c -o $@ $<
$(BUILD):
	mkdir -p $@
evil:
	echo pwned > ../outside.txt
MK
"$JAIL" -p "$POL/build.conf" -D BUILD="$TMP/proj/build" make -s -j2 BUILD=build
check "build: make -j2 with gcc succeeds" test $? = 0
check "build: the program was built and runs" test "$(./build/prog)" = 10
"$JAIL" -p "$POL/build.conf" -D BUILD="$TMP/proj/build" make -s evil 2>/dev/null
check "build: a recipe writing outside the build directory fails" test $? != 0
check "build: nothing written outside" test ! -e "$TMP/outside.txt"
cd "$ROOT" || exit 1

# A shell that may only read /etc and /usr.
out=$("$JAIL" -p "$POL/shell-readonly.conf" /bin/sh -c \
	'cat /etc/hostname >/dev/null && echo read-ok; ls /usr >/dev/null && echo ls-ok;
	 echo x >/tmp/jail-ro-test 2>/dev/null || echo write-refused;
	 cat /etc/shadow >/dev/null 2>&1 || echo shadow-refused;
	 cat /root/.bashrc >/dev/null 2>&1 || echo home-refused' 2>&1)
check "shell-readonly: reads /etc and runs ls" grep -q "read-ok" <<<"$out"
check "shell-readonly: runs programs from /usr" grep -q "ls-ok" <<<"$out"
check "shell-readonly: cannot write" grep -q "write-refused" <<<"$out"
check "shell-readonly: cannot read /etc/shadow" grep -q "shadow-refused" <<<"$out"
check "shell-readonly: cannot read outside /etc and /usr" grep -q "home-refused" <<<"$out"

# A server that may bind only 127.0.0.1.
cat >"$TMP/srv.py" <<'PY'
import socket
for addr in ("127.0.0.1", "0.0.0.0"):
    s = socket.socket()
    try:
        s.bind((addr, 0)); s.listen(); print("bind", addr, "ok")
    except OSError as e:
        print("bind", addr, "refused", e.errno)
    s.close()
PY
out=$(cd "$TMP" && "$JAIL" -p "$POL/server-localhost.conf" /usr/bin/python3 srv.py)
check "server-localhost: binds 127.0.0.1" grep -q "bind 127.0.0.1 ok" <<<"$out"
check "server-localhost: may not bind 0.0.0.0" grep -q "bind 0.0.0.0 refused 99" <<<"$out"

# Errors in a policy: one line file:line:col, status 2, nothing runs.
printf 'default deny\nallow opn read\n' >"$TMP/bad.conf"
"$JAIL" -p "$TMP/bad.conf" touch "$TMP/ran" 2>"$TMP/err"
rc=$?
check "bad policy: status 2" test "$rc" = 2
check "bad policy: file:line:col and a hint" \
	grep -q "^$TMP/bad.conf:2:7: unknown syscall \"opn\", did you mean \"open\"?" "$TMP/err"
check "bad policy: the program did not run" test ! -e "$TMP/ran"
check "bad policy: one line" test "$(wc -l <"$TMP/err")" = 1
"$JAIL" -p "$TMP/missing.conf" true 2>"$TMP/err"
check "missing policy file: status 2" test $? = 2

# kill: the tree dies, jail names the rule, exits 159.
printf 'default allow\nkill getppid\n' >"$TMP/kill.conf"
"$JAIL" -p "$TMP/kill.conf" -o "$TMP/kill.jsonl" sh -c 'sleep 86397 & python3 -c "import os; os.getppid()"' 2>"$TMP/err"
rc=$?
check "kill rule: status 159" test "$rc" = 159
check "kill rule: jail names the rule and the call" grep -q "jail: killed by $TMP/kill.conf:2: getppid()" "$TMP/err"
check "kill rule: the whole tree is gone" no_leftovers "sleep 86397"
check "kill rule: logged" test "$(cnt "$TMP/kill.jsonl" 'r["type"]=="kill"')" = 1

# deny(ERRNO) and signal rules.
printf 'default allow\ndeny(EACCES) fs.read %s/secret\ndeny signal SIGUSR2\n' "$TMP" >"$TMP/d.conf"
echo hidden >"$TMP/secret"
"$JAIL" -p "$TMP/d.conf" cat "$TMP/secret" 2>"$TMP/err"
check "deny(EACCES) fs.read: cat fails with EACCES" grep -q "Permission denied" "$TMP/err"
out=$("$JAIL" -p "$TMP/d.conf" bash -c 'trap "echo got-usr2" USR2; kill -USR2 $$; echo after')
check "deny signal: SIGUSR2 is suppressed" test "$out" = after

# trap without a debugger: --on-trap decides.
printf 'default allow\ntrap getppid\n' >"$TMP/trap.conf"
"$JAIL" -p "$TMP/trap.conf" --on-trap=deny python3 -c 'import os,sys; sys.exit(1 if os.getppid() == -1 else 0)' 2>/dev/null
check "--on-trap=deny: the call fails, the program goes on" test $? = 1
"$JAIL" -p "$TMP/trap.conf" --on-trap=allow python3 -c 'import os,sys; sys.exit(3 if os.getppid() > 0 else 4)'
check "--on-trap=allow: the call runs" test $? = 3
"$JAIL" -p "$TMP/trap.conf" --on-trap=kill python3 -c 'import os; os.getppid()' 2>/dev/null
check "--on-trap=kill: killed" test $? = 159

# --check and --list-groups.
"$JAIL" --check -p "$POL/build.conf" -D BUILD=/tmp/b --dump-bpf "$TMP/f.bpf" >"$TMP/check"
check "--check: succeeds on an example" test $? = 0
check "--check: tells kernel from tracer" grep -q "tracer:" "$TMP/check"
check "--check: shows the baseline" grep -q "deny ioctl if request" "$TMP/check"
check "--dump-bpf: a whole number of instructions" test $(( $(stat -c %s "$TMP/f.bpf") % 8 )) = 0 -a -s "$TMP/f.bpf"
"$JAIL" --list-groups | grep -q "^@basic-io"
check "--list-groups lists @basic-io" test $? = 0

# sendmmsg under net.* rules: one checked message per call, correct
# partial results, everything arrives.
printf 'default allow\nallow net.connect 127.0.0.1:*\ndeny net.connect *:*\n' >"$TMP/net.conf"
out=$("$JAIL" -p "$TMP/net.conf" "$PROGS/sendmmsg")
rc=$?
check "sendmmsg under net rules: works (status $rc)" test "$rc" = 0
check "sendmmsg under net rules: both datagrams arrive" test "$(echo $out)" = "got first got second"

# chdir runs as fchdir on a descriptor the program opens for jail: a
# policy that does not allow fchdir must not fail it (it did, ENOSYS,
# when the kernel decided the denials, without an audit log).
out=$("$JAIL" -p "$ROOT/examples/policies/python-no-net.conf" /usr/bin/python3 \
	-c 'import os; os.chdir("/tmp"); print(os.getcwd())' 2>&1)
check "chdir under default deny(ENOSYS), no audit log ($out)" \
	test "$out" = /tmp

# Fast opens (jail/scratch.h): checked read-only opens made from a
# trampoline, one stop each. The program sees what it sees natively:
# every register, the red zone, its own file in signal handlers, threads
# and forked children.
mkdir -p "$TMP/fo"
for f in a b t0 t1 t2 t3; do printf %s "$f" >"$TMP/fo/$f"; done
printf 'default allow\nallow fs.read /**\nallow fs.write /dev/null\n' >"$TMP/fo.conf"
for m in regs signals threads fork; do
	out=$("$JAIL" -p "$TMP/fo.conf" "$PROGS/fast_open" $m "$TMP/fo" 2000 2>&1)
	check "fast opens, $m: as native ($out)" test "$out" = "ok $m"
done
# Signals are not blocked in the trampoline: handlers interrupt it, also
# before its call has read its record, and make fast opens of their own
# (the next records of the ring) -- and every open still reads its file.
out=$("$JAIL" -p "$TMP/fo.conf" "$PROGS/fast_open" signals-where "$TMP/fo" 2000 2>&1)
read -r w1 w2 inside first <<<"$out"
check "fast opens: handlers run in the trampoline, before its call too ($out)" \
	test "$w1 $w2" = "ok signals-where" -a "${inside:-0}" -gt 0 -a "${first:-0}" -gt 0
# and they are made: about one stop per open (two when rewritten in
# place), counted as the tracer's waits
waits() {
	env "$@" strace -c -e trace=wait4 -o "$TMP/waits" "$JAIL" \
		-p "$TMP/fo.conf" "$PROGS/fast_open" regs "$TMP/fo" 2000 >/dev/null
	awk '$NF == "wait4" { print $4 }' "$TMP/waits"
}
fast=$(waits JAIL_=) slow=$(waits JAIL_NO_FAST_OPENS=1)
check "fast opens: one stop each ($fast waits; $slow in place)" \
	test "${fast:-0}" -gt 2000 -a "$((${fast:-0} * 10))" -lt "$((${slow:-0} * 6))"

# caps keep: the program keeps just that capability, in every set, and it
# works (binding a port below 1024 as root needs CAP_NET_BIND_SERVICE).
printf 'default allow\ncaps keep CAP_NET_BIND_SERVICE\n' >"$TMP/caps.conf"
printf 'default allow\n' >"$TMP/nocaps.conf"
"$JAIL" -p "$TMP/caps.conf" grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' /proc/self/status >"$TMP/caps"
check "caps keep: only CAP_NET_BIND_SERVICE (bit 10) in all five sets" \
	test "$(grep -c '0000000000000400$' "$TMP/caps")" = 5
printf 'import socket\ns = socket.socket()\ntry:\n    s.bind(("127.0.0.1", 81)); print("bind-ok")\nexcept OSError as e:\n    print("bind", e.errno)\n' >"$TMP/b81.py"
check "caps keep: a kept capability works" grep -q bind-ok <<<"$("$JAIL" -p "$TMP/caps.conf" python3 "$TMP/b81.py")"
check "caps: without caps keep, root cannot bind port 81" grep -q "bind 13" <<<"$("$JAIL" -p "$TMP/nocaps.conf" python3 "$TMP/b81.py")"

# A checked call's argument registers are as the program left them, after
# jail rewrote the call (openat2, an *at form through int $0x80). A kernel
# that cannot run i386 code gets the x86_64 calls only.
mkdir -p "$TMP/rk"
printf 'default allow\nallow fs.write %s/**\nallow fs.read /**\ndeny(EROFS) fs.write /**\n' "$TMP" >"$TMP/rk.conf"
if have_i386; then
	out=$("$JAIL" -p "$TMP/rk.conf" "$PROGS/regs_kept" "$TMP/rk")
	check "rewritten calls keep the argument registers ($out)" \
		test "$out" = "regs kept"
else
	out=$("$JAIL" -p "$TMP/rk.conf" "$PROGS/regs_kept" "$TMP/rk" syscall)
	check "rewritten calls keep the argument registers ($out)" \
		test "$out" = "regs kept (syscall only, int \$0x80 not tried)"
	skip "rewritten calls keep the argument registers through int \$0x80:" \
		"$NO_I386"
fi

# Path calls jail runs on descriptors the tracee opens (jail/pathcall.c):
# stat family, access, readlink, truncate, utime(s), xattrs, statfs,
# chdir, chmod, unlink... give what they give natively, errors included.
mkdir -p "$TMP/pcn" "$TMP/pcj"
"$PROGS/pathcalls" "$TMP/pcn" >"$TMP/pcn.out"
"$JAIL" -p "$TMP/rk.conf" "$PROGS/pathcalls" "$TMP/pcj" >"$TMP/pcj.out"
check "path calls on descriptors: as native ($(wc -l <"$TMP/pcn.out") results)" \
	cmp -s "$TMP/pcn.out" "$TMP/pcj.out"
check "path calls: the run was complete" grep -q '^unlink f  *0$' "$TMP/pcj.out"
# The same as a real i386 program: its own syscall numbers and layouts
# (stat64, statx, 32-bit timevals, truncate, statfs64...), where the
# kernel runs i386 programs (elsewhere both runs would print nothing,
# which "as native" would take for agreement).
if have_i386; then
	mkdir -p "$TMP/pcn32" "$TMP/pcj32"
	"$ROOT/build/progs32/pathcalls" "$TMP/pcn32" >"$TMP/pcn32.out"
	"$JAIL" -p "$TMP/rk.conf" "$ROOT/build/progs32/pathcalls" \
		"$TMP/pcj32" >"$TMP/pcj32.out"
	check "i386 path calls on descriptors: as native" \
		cmp -s "$TMP/pcn32.out" "$TMP/pcj32.out"
	check "i386 path calls: the same results as x86_64" \
		cmp -s "$TMP/pcn.out" "$TMP/pcj32.out"
else
	skip "i386 path calls on descriptors: as native: $NO_I386"
	skip "i386 path calls: the same results as x86_64: $NO_I386"
fi

# The same where the metadata calls reach the tracer (a narrower fs.stat
# rule comes first): stat, access, readlink (EINVAL for a non-link,
# answered at the check) run on descriptors as above.
printf 'default allow\ndeny(EACCES) fs.stat /nonexistent-jail/**\nallow fs.write %s/**\nallow fs.read /**\ndeny(EROFS) fs.write /**\n' "$TMP" >"$TMP/rks.conf"
mkdir -p "$TMP/pcs"
"$JAIL" -p "$TMP/rks.conf" "$PROGS/pathcalls" "$TMP/pcs" >"$TMP/pcs.out"
check "path calls on descriptors, metadata calls in the tracer: as native" \
	cmp -s "$TMP/pcn.out" "$TMP/pcs.out"
check "path calls, metadata calls in the tracer: the run was complete" \
	grep -q '^unlink f  *0$' "$TMP/pcs.out"

# fs.stat: a name may be looked at (stat, readlink, access) where its
# contents may not be read; without the rule, looking is refused too.
mkdir -p "$TMP/st/secret"
echo hidden >"$TMP/st/secret/f"
ln -sfn f "$TMP/st/secret/l"
printf 'default allow\nallow fs.stat /**\ndeny(EACCES) fs.read %s/st/secret/**\n' "$TMP" >"$TMP/st.conf"
printf 'default allow\ndeny(EACCES) fs.read %s/st/secret/**\n' "$TMP" >"$TMP/nost.conf"
look='stat -c %s "$1/f"; readlink "$1/l"; test -r "$1/f" && echo readable
      cat "$1/f" 2>/dev/null || echo cat-refused'
out=$("$JAIL" -p "$TMP/st.conf" sh -c "$look" sh "$TMP/st/secret" 2>&1)
check "fs.stat: stat, readlink and access of a secret work, reading it fails ($(echo $out))" \
	test "$(echo $out)" = "7 f readable cat-refused"
out=$("$JAIL" -p "$TMP/nost.conf" sh -c "$look" sh "$TMP/st/secret" 2>&1)
check "no fs.stat: stat and readlink of the secret are refused as before ($(echo $out | tr -d '\n' | cut -c1-120))" \
	eval 'grep -q "stat: cannot stat.*Permission denied" <<<"$out" &&
	      ! grep -q readable <<<"$out" && grep -q cat-refused <<<"$out" &&
	      ! grep -qx f <<<"$out"'
# ...and the kernel answers them: no stop per call. 3000 stats of the
# secret make fewer tracer waits than 3000 when fs.stat allows every
# path, more when a narrower rule sends each to the tracer.
stats='import os, sys
for i in range(3000): os.stat(sys.argv[1])'
stat_waits() {
	strace -c -e trace=wait4 -o "$TMP/swaits" "$JAIL" -p "$1" \
		python3 -c "$stats" "$TMP/st/secret/f" >/dev/null
	awk '$NF == "wait4" { print $4 }' "$TMP/swaits"
}
printf 'default allow\ndeny fs.stat /nonexistent-jail/**\nallow fs.stat /**\n' >"$TMP/stt.conf"
kw=$(stat_waits "$TMP/st.conf") tw=$(stat_waits "$TMP/stt.conf")
check "fs.stat /**: stats decided in the kernel ($kw waits; $tw in the tracer)" \
	test "${kw:-99999}" -lt 3000 -a "${tw:-0}" -gt 3000
# A metadata call the tracer still runs (log readlink) is made as its
# twin (readlinkat on the parent directory), which a rule denies: the
# twin must reach the tracer rather than be refused in the kernel.
printf 'default allow\nallow fs.stat /**\nlog readlink\ndeny(EACCES) readlinkat\n' >"$TMP/stw.conf"
out=$("$JAIL" -p "$TMP/stw.conf" readlink "$TMP/st/secret/l" 2>&1)
check "fs.stat /**: a logged readlink runs though readlinkat is denied ($out)" \
	test "$out" = f
check "--check: metadata calls in the kernel, and why" \
	eval '"$JAIL" --check -p "$TMP/st.conf" | grep -A1 "kernel: allow ($TMP/st.conf:2) \[needs only the stat right: $TMP/st.conf:2 allows every path\]" | grep -q "stat lstat"'

# Objects without a path reached through /dev/fd (bash's process
# substitution, /dev/stdin on a pipe) open as natively under fs rules.
out=$("$JAIL" -p "$TMP/rk.conf" bash -c 'cat <(echo one); echo two | cat /dev/stdin; echo three >/dev/stderr' 2>&1)
check "pipes through /dev/fd open under fs rules ($(echo $out))" \
	test "$(echo $out)" = "one two three"

# A chrooted program (CAP_SYS_CHROOT kept) names files from its root:
# jail checks them in its own view and hands them back in the program's.
# A file outside the new root, reached through a descriptor kept from
# before (the classic way out of a chroot), is refused.
mkdir -p "$TMP/croot/sub"
echo inside >"$TMP/croot/x"
echo gone >"$TMP/croot/y"
printf 'default allow\ncaps keep CAP_SYS_CHROOT\nallow fs.read /**\nallow fs.write %s/croot/**\ndeny(EROFS) fs.write /**\n' "$TMP" >"$TMP/chroot.conf"
cat >"$TMP/chroot.py" <<'PY'
import os, sys
out = os.open("/", os.O_RDONLY)
os.chroot(sys.argv[1]); os.chdir("/sub")
print(open("/x").read().strip(), os.stat("../x").st_size)
os.unlink("/y"); print("unlinked", os.path.exists("/y"))
os.fchdir(out)
try:
    print(os.stat("etc/passwd").st_size > 0)
except OSError as e:
    print("outside", e.errno)
PY
out=$("$JAIL" -p "$TMP/chroot.conf" /usr/bin/python3 "$TMP/chroot.py" "$TMP/croot" 2>&1)
check "chroot: paths in the program's view ($(echo $out))" \
	test "$(echo $out)" = "inside 7 unlinked False outside 18"

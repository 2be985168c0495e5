#!/bin/bash
# The command line: help, version, errors with their exit codes, install.
. "$(dirname "$0")/../lib.sh"

"$JAIL" --help >"$TMP/help"
check "--help exits 0 and lists every option" \
	grep -q -- "--audit-format" "$TMP/help"
"$JAIL" --version | grep -q '^jail [0-9]'
check "--version" test $? = 0

"$JAIL" --no-such-option true 2>"$TMP/e"
check "unknown option: status 125" test $? = 125
check "unknown option: one line" test "$(wc -l <"$TMP/e")" = 1

"$JAIL" /no/such/program 2>"$TMP/e"
check "missing program: status 127" test $? = 127
check "missing program: says so" grep -q "/no/such/program: No such file or directory" "$TMP/e"

"$JAIL" no-such-command-anywhere 2>"$TMP/e"
check "command not in PATH: status 127" test $? = 127

"$JAIL" /etc/hostname 2>"$TMP/e"
check "not executable: status 126" test $? = 126

"$JAIL" -o /no/such/dir/log true 2>"$TMP/e"
check "unwritable audit log: status 125, one line" test $? = 125 -a "$(wc -l <"$TMP/e")" = 1

"$JAIL" sh -c 'exit 17'
check "exit status passed through" test $? = 17

"$JAIL" sh -c 'kill -USR1 $$' 2>"$TMP/e"
check "killed by a signal: 128+N" test $? = 138
check "killed by a signal: named on stderr" grep -q "killed by SIGUSR1" "$TMP/e"

# The program runs without capabilities even when jail is root.
"$JAIL" grep -E '^Cap(Prm|Eff|Inh|Bnd|Amb)' /proc/self/status >"$TMP/caps"
check "capabilities: all five sets empty" \
	test "$(grep -c '0000000000000000' "$TMP/caps")" = 5
"$JAIL" grep NoNewPrivs /proc/self/status >"$TMP/nnp"
check "no_new_privs is set" grep -q '1' "$TMP/nnp"
"$JAIL" grep Seccomp: /proc/self/status >"$TMP/sc"
check "a seccomp filter is installed" grep -q '2' "$TMP/sc"

# Without CAP_SETPCAP the bounding set cannot shrink: an unprivileged jail
# leaves it alone and still drops the rest (it used to fail with EPERM).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	(cd / && setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$JAIL" grep -E '^Cap(Prm|Eff|Amb)' /proc/self/status) \
		>"$TMP/nobody" 2>&1
	check "unprivileged: jail runs the program" test $? = 0
	check "unprivileged: no capability in the program" \
		test "$(grep -c '0000000000000000' "$TMP/nobody")" = 3
else
	ok "unprivileged # skip: needs root and setpriv"
fi

make -s -C "$ROOT" install DESTDIR="$TMP/dest" PREFIX=/usr >/dev/null
check "make install honours DESTDIR and PREFIX" test -x "$TMP/dest/usr/bin/jail"

"$JAIL" -g -x /no/such/script --batch true 2>"$TMP/e"
check "a missing -x script: status 125, one line" test $? = 125 -a "$(wc -l <"$TMP/e")" = 1

#!/bin/bash
# jail's own death or termination leaves no process of the tree behind,
# and SIGTERM leaves a complete audit log.
. "$(dirname "$0")/../lib.sh"

marker="86399.$$"
tree="sleep $marker & sh -c 'sleep $marker & sleep $marker' & sleep $marker; wait"

# SIGKILL: PTRACE_O_EXITKILL takes the tree down with jail.
"$JAIL" -o "$TMP/kill.jsonl" bash -c "$tree" &
jpid=$!
wait_for 50 test "$(pgrep -fc "sleep $marker")" -ge 4
check "SIGKILL: tree is running first" test "$(pgrep -fc "sleep $marker")" -ge 4
kill -KILL $jpid
wait $jpid 2>/dev/null
check "SIGKILL to jail: no process of the tree is left" wait_for 50 no_leftovers "sleep $marker"
check "SIGKILL to jail: log lines are whole" valid_jsonl "$TMP/kill.jsonl"

# SIGTERM: jail kills the tree, logs why, and every exit, then exits 143.
"$JAIL" -o "$TMP/term.jsonl" bash -c "$tree" &
jpid=$!
wait_for 50 test "$(pgrep -fc "sleep $marker")" -ge 4
kill -TERM $jpid
wait $jpid
rc=$?
check "SIGTERM to jail: exits 143" test "$rc" = 143
check "SIGTERM to jail: no process of the tree is left" no_leftovers "sleep $marker"
check "SIGTERM to jail: valid audit log" valid_jsonl "$TMP/term.jsonl"
check "SIGTERM to jail: the kill is logged" test "$(count_records "$TMP/term.jsonl" 'r["type"]=="kill"')" = 1
# Every process that started has its exit in the log.
starts=$(count_records "$TMP/term.jsonl" 'r["type"]=="fork" and not r["thread"]')
exits=$(count_records "$TMP/term.jsonl" 'r["type"]=="exit" and r["pid"]==r["tid"]')
check "SIGTERM to jail: every process's exit logged ($starts forks, $exits exits)" test "$exits" = "$((starts + 1))"

# SIGHUP and SIGINT do the same.
for sig in HUP INT; do
	"$JAIL" bash -c "$tree" &
	jpid=$!
	wait_for 50 test "$(pgrep -fc "sleep $marker")" -ge 4
	kill -$sig $jpid
	wait $jpid
	check "SIG$sig to jail: no process left" no_leftovers "sleep $marker"
done

#!/bin/bash
# Every kind of stop the kernel produces, on the target programs in
# tests/progs: the program behaves as natively, and the audit log tells
# the story right.
. "$(dirname "$0")/../lib.sh"
cnt() { count_records "$TMP/$1.jsonl" "$2"; }

same_as_native threads64 "$PROGS/threads64"
# 64 workers and one thread draining their pipe.
check "threads64: 65 thread clones logged" test "$(cnt threads64 'r["type"]=="fork" and r["thread"]')" = 65
check "threads64: 66 thread exits logged" test "$(cnt threads64 'r["type"]=="exit"')" = 66

same_as_native forkstorm "$PROGS/forkstorm" 1000
check "forkstorm: 1000 forks logged" test "$(cnt forkstorm 'r["type"]=="fork" and not r["thread"]')" = 1000
check "forkstorm: 1001 exits logged" test "$(cnt forkstorm 'r["type"]=="exit"')" = 1001
check "forkstorm: every child's status logged" test "$(cnt forkstorm 'r["type"]=="exit" and r["pid"]!=r["tid"] or (r["type"]=="exit" and r.get("exit_status",-1) in range(7))')" = 1001

same_as_native exec-thread "$PROGS/exec_thread"
check "exec from a non-leader thread: exec logged with the old tid" \
	test "$(cnt exec-thread 'r["type"]=="exec" and r.get("old_tid",r["tid"])!=r["tid"]')" = 1
check "exec from a non-leader thread: the exec'd program's exit logged" \
	test "$(cnt exec-thread 'r["type"]=="exit" and r["exe"].endswith("echo") and r["tid"]==r["pid"]')" -ge 1

same_as_native vfork-exec "$PROGS/vfork_exec"
check "vfork: logged as vfork" test "$(cnt vfork-exec 'r["type"]=="fork" and r["how"]=="vfork"')" = 2

same_as_native signals "$PROGS/signals"
check "signals: SIGUSR1 delivery logged" test "$(cnt signals 'r["type"]=="signal" and r["signal"]=="SIGUSR1" and r["siginfo"]["si_code"]=="SI_USER"')" = 1
check "signals: 4 queued RT signals logged" test "$(cnt signals 'r["type"]=="signal" and r["signal"] in ("SIGRT_4", "SIGRT_7")')" = 4
check "signals: RT siginfo carries the queued value" test "$(cnt signals 'r["type"]=="signal" and r["signal"].startswith("SIGRT_") and r["siginfo"]["si_code"]=="SI_QUEUE" and "si_int" in r["siginfo"]')" = 4

same_as_native stopcont "$PROGS/stopcont"

for mode in "status 0" "status 42" "signal SIGTERM" "signal SIGKILL" "signal SIGSEGV" "core" "thread-exit"; do
	name="exits-${mode// /-}"
	same_as_native "$name" "$PROGS/exits" $mode
done
check "killed program: jail names the signal" grep -q "SIGSEGV" "$TMP/exits-signal-SIGSEGV.err"

same_as_native leader-exit "$PROGS/leader_exit"
check "leader exits before its threads: all 5 exits logged" test "$(cnt leader-exit 'r["type"]=="exit"')" = 5

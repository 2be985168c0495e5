#!/bin/bash
# jail -A: follow a running process and its children; detach cleanly.
. "$(dirname "$0")/../lib.sh"

tracer_of() { awk '/^TracerPid:/ {print $2}' "/proc/$1/status" 2>/dev/null; }
state_of() { awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null; }

# A process that keeps forking and exec'ing, then exits 9.
bash -c 'for i in $(seq 1 40); do /bin/true; sleep 0.05; done; exit 9' &
pid=$!
sleep 0.2
"$JAIL" -A $pid -o "$TMP/a.jsonl"
rc=$?
check "attach: jail exits with the process's status" test "$rc" = 9
check "attach: attach record" test "$(count_records "$TMP/a.jsonl" 'r["type"]=="attach"')" = 1
check "attach: the children's execs are logged" test "$(count_records "$TMP/a.jsonl" 'r["type"]=="exec"')" -ge 10
check "attach: valid log" valid_jsonl "$TMP/a.jsonl"

# Detach on SIGINT: the process runs on, untraced and not stopped.
bash -c 'while :; do /bin/true; sleep 0.02; done' &
pid=$!
sleep 0.2
"$JAIL" -A $pid -o "$TMP/d.jsonl" &
jpid=$!
wait_for 50 test "$(tracer_of $pid)" = "$jpid"
check "attach: the process is traced by jail" test "$(tracer_of $pid)" = "$jpid"
sleep 0.3
kill -INT $jpid
wait $jpid
rc=$?
check "detach: jail exits 0 on SIGINT" test "$rc" = 0
check "detach: no tracer left" test "$(tracer_of $pid)" = 0
sleep 0.2
check "detach: the process is not stopped" test "$(state_of $pid)" != T
check "detach: the process still runs" kill -0 $pid
check "detach: detach record logged" test "$(count_records "$TMP/d.jsonl" 'r["type"]=="detach"')" = 1
kill $pid
wait $pid 2>/dev/null

# A multi-threaded process: every thread is attached, and let go.
python3 -c '
import threading, time, os
def spin():
    while True:
        os.getppid(); time.sleep(0.001)
for _ in range(8):
    threading.Thread(target=spin, daemon=True).start()
time.sleep(60)
' &
pid=$!
# python3 may be a shim that execs the real one later (pyenv): wait for
# the nine threads, not for a fixed time.
nthreads() { ls "/proc/$1/task" 2>/dev/null | wc -l; }
wait_for 100 test "$(nthreads $pid)" = 9
"$JAIL" -A $pid -o "$TMP/mt.jsonl" &
jpid=$!
wait_for 50 test "$(tracer_of $pid)" = "$jpid"
sleep 0.3
traced=0
for t in /proc/$pid/task/*; do
	[ "$(awk '/^TracerPid:/ {print $2}' $t/status)" = "$jpid" ] && traced=$((traced + 1))
done
check "attach: all 9 threads traced ($traced)" test "$traced" = 9
kill -TERM $jpid
wait $jpid
left=0
for t in /proc/$pid/task/*; do
	[ "$(awk '/^TracerPid:/ {print $2}' $t/status)" = 0 ] || left=$((left + 1))
	case "$(awk '/^State:/ {print $2}' $t/status)" in T|t) left=$((left + 1)) ;; esac
done
check "detach: no thread left traced or stopped" test "$left" = 0
kill $pid
wait $pid 2>/dev/null

# Attach with a policy: the process, blocked in wait4 when jail arrives,
# goes on, and its later calls are decided by the policy (paths checked,
# so jail maps its scratch area into the running process first).
printf 'default allow\ndeny(EACCES) fs.read /etc/hostname\n' >"$TMP/a.conf"
bash -c 'sleep 0.5; for i in 1 2 3; do cat /etc/hostname >/dev/null 2>&1 && echo read-ok || echo read-denied; done; exit 4' >"$TMP/att.out" &
pid=$!
sleep 0.2
"$JAIL" -A $pid -p "$TMP/a.conf" -o "$TMP/ap.jsonl"
rc=$?
check "attach -p: the process's own status ($rc)" test "$rc" = 4
check "attach -p: every later read is denied by the policy" test "$(cat "$TMP/att.out" | tr '\n' ' ')" = "read-denied read-denied read-denied "
check "attach -p: the denials are logged" test "$(count_records "$TMP/ap.jsonl" 'r["type"]=="syscall" and r["action"]=="deny"')" -ge 3

# A pid that does not exist: one clear line, status 125.
"$JAIL" -A 999999 2>"$TMP/err"
rc=$?
check "attach to a missing pid: status 125" test "$rc" = 125
check "attach to a missing pid: one clear line" grep -q "cannot attach to 999999: no such process" "$TMP/err"

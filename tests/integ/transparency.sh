#!/bin/bash
# Real programs give the same stdout and exit status under jail as
# natively, and leave a valid audit log.
. "$(dirname "$0")/../lib.sh"

same_as_native bash-pipeline bash -c \
	'seq 1 20000 | sort -r | head -n 5 | tr 0-9 a-j; ls /usr/bin | wc -l; exit 3'
check "bash-pipeline: valid JSON Lines audit" valid_jsonl "$TMP/bash-pipeline.jsonl"
check "bash-pipeline: execs audited" test "$(count_records "$TMP/bash-pipeline.jsonl" 'r["type"]=="exec"')" -ge 5

cat >"$TMP/py.py" <<'PY'
import subprocess, threading, sys
out = []
lock = threading.Lock()
def work(i):
    r = subprocess.run(["sh", "-c", "echo $0 | tr 0-9 a-j", str(i)],
                       capture_output=True, text=True)
    with lock:
        out.append(r.stdout.strip())
ts = [threading.Thread(target=work, args=(i,)) for i in range(16)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))
print(subprocess.check_output("ls / | sort | head -n 3", shell=True).decode())
sys.exit(5)
PY
same_as_native python3-threads python3 "$TMP/py.py"
check "python3: thread clones audited" test "$(count_records "$TMP/python3-threads.jsonl" 'r["type"]=="fork" and r["thread"]')" -ge 16

# make -j2 building a small C project with gcc.
mkdir -p "$TMP/proj"
for i in 1 2 3 4 5 6; do
	printf 'int f%d(int x) { return x * %d; }\n' "$i" "$i" >"$TMP/proj/f$i.c"
done
cat >"$TMP/proj/main.c" <<'C'
#include <stdio.h>
int f1(int), f2(int), f3(int), f4(int), f5(int), f6(int);
int main(void) { printf("%d\n", f1(1) + f2(2) + f3(3) + f4(4) + f5(5) + f6(6)); return 0; }
C
cat >"$TMP/proj/Makefile" <<'MK'
OBJS = main.o f1.o f2.o f3.o f4.o f5.o f6.o
prog: $(OBJS)
	$(CC) -o $@ $(OBJS)
%.o: %.c
	$(CC) -O1 -c -o $@ $<
clean:
	rm -f prog $(OBJS)
MK
same_as_native make-gcc sh -c 'cd proj && make -s clean && make -s -j2 && ./prog'
check "make-gcc: gcc's cc1 exec audited" test "$(count_records "$TMP/make-gcc.jsonl" 'r["type"]=="exec" and r["path"].endswith("cc1")')" -ge 7

mkdir -p "$TMP/tree/a/b" && echo one >"$TMP/tree/a/x" && echo two >"$TMP/tree/a/b/y"
same_as_native tar-find-sort sh -c \
	'tar -C tree -cf - . | tar -tf - | sort; find tree -type f | sort; exit 0'

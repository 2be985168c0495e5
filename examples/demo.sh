#!/bin/sh
# make demo: run the example program under jail and show its audit log.
set -e
cd "$(dirname "$0")/.."
log=build/demo-audit.jsonl
rm -f "$log"
echo "== jail -o $log build/examples/hello_tree"
build/jail -o "$log" build/examples/hello_tree
echo
echo "== the audit log, as text (jail --audit-format text):"
build/jail --audit-format text -o - build/examples/hello_tree 2>&1 >/dev/null |
	cut -c1-160
echo
echo "== the same log as JSON Lines ($log), first records:"
head -n 4 "$log" | cut -c1-200
echo "... $(wc -l <"$log") records: $(grep -c '"type":"exec"' "$log") execs," \
	"$(grep -c '"type":"fork"' "$log") forks/clones," \
	"$(grep -c '"type":"signal"' "$log") signals," \
	"$(grep -c '"type":"exit"' "$log") exits"

echo
echo "== now under a policy: jail -p examples/policies/demo.conf (listing / is refused)"
plog=build/demo-policy-audit.jsonl
rm -f "$plog"
build/jail -p examples/policies/demo.conf -o "$plog" build/examples/hello_tree
echo
echo "== the violation in the audit log (rule that refused it, and a tip):"
grep '"action":"deny"' "$plog" | grep -v '"syscall":"clone3"' | head -n 2 | cut -c1-400
echo
echo "== every decision the policy made, by action:"
python3 - "$plog" <<'PY'
import collections, json, sys
c = collections.Counter()
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] == "syscall":
        c[(r["action"], r["syscall"], r.get("rule"))] += 1
for (action, name, rule), n in sorted(c.items()):
    print(f"  {action:5} {name:12} x{n:<3} {rule}")
PY

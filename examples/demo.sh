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

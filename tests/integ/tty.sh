#!/bin/bash
# Job control on a terminal: the program reads the terminal, Ctrl-Z stops
# it and `fg` brings it back, Ctrl-C interrupts it, all as natively.
. "$(dirname "$0")/../lib.sh"

python3 - "$JAIL" "$TMP" <<'PY'
import os, pty, select, sys, time

jail, tmp = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.environ["PS1"] = "PROMPT$ "
    os.environ["TERM"] = "dumb"
    os.execvp("bash", ["bash", "--norc", "--noprofile", "-i"])

buf = b""
def expect(what, timeout=10.0):
    global buf
    end = time.time() + timeout
    while what.encode() not in buf:
        left = end - time.time()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            buf += data
    buf = buf[buf.index(what.encode()) + len(what):]
    return True

def send(s):
    os.write(fd, s.encode())

def check(name, cond):
    print(("ok " if cond else "not ok ") + name)
    sys.stdout.flush()

check("tty: shell prompt", expect("PROMPT$ "))
send(f"{jail} cat\n")
time.sleep(0.5)
send("hello-one\n")
check("tty: program reads the terminal", expect("hello-one") and expect("hello-one"))
send("\x1a")  # Ctrl-Z
check("tty: Ctrl-Z stops the job", expect("Stopped") and expect("PROMPT$ "))
send("echo jobs=$(jobs | wc -l)\n")
check("tty: the shell holds one stopped job", expect("jobs=1"))
send("fg\n")
time.sleep(0.5)
send("hello-two\n")
check("tty: after fg the program reads again", expect("hello-two") and expect("hello-two"))
send("\x04")  # EOF to cat
send("echo rc=$?\n")
check("tty: cat exits 0 on EOF", expect("rc=0"))

send(f"{jail} sleep 86398\n")
time.sleep(0.5)
send("\x03")  # Ctrl-C
send("echo rc=$?\n")
check("tty: Ctrl-C interrupts the program (status 130)", expect("rc=130"))
# The debugger on a terminal: the program gets the terminal while it
# runs, Ctrl-C comes back to the prompt, continue gives the terminal back.
send(f"{jail} -g -nx cat\n")
check("tty -g: the debugger prompts at the start", expect("(jail) "))
send("continue\n")
time.sleep(0.5)
send("dbg-one\n")
check("tty -g: the program reads the terminal", expect("dbg-one") and expect("dbg-one"))
send("\x03")
check("tty -g: Ctrl-C stops it at the prompt", expect("SIGINT") and expect("(jail) "))
send("continue\n")
time.sleep(0.3)
send("dbg-two\n")
check("tty -g: after continue it reads again", expect("dbg-two") and expect("dbg-two"))
send("\x04")
check("tty -g: the program's exit is reported", expect("exited normally") and expect("(jail) "))
send("quit\n")
time.sleep(0.5)
send('echo "st""atus=$?"\n')
check("tty -g: quit leaves the shell with status 0", expect("status=0"))

send("exit\n")
time.sleep(0.3)
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
PY
check "tty: nothing left running" no_leftovers "sleep 86398"

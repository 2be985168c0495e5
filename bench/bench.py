#!/usr/bin/env python3
"""jail's benchmark suite: measure, compare, print one table.

Run through bench/run.sh (`make bench`), which builds the helpers into
build/bench/ first. Speed is never asserted by a test: this prints.

Method: for each workload every variant (jail, native, and the tools a user
would otherwise pick) runs once per round, in a fixed order, after a short
warm-up round; jail's value is divided by each peer's value of the SAME
round, and the table shows the median of those per-round ratios with their
min-max, so that a burst of load on the shared machine hits a pair rather
than one side of the comparison.

Environment: ROOT (the source tree; default: this file's parent's parent),
BENCH_QUICK=1 (a ~1 minute smoke run: fewer rounds and iterations),
BENCH_ONLY=NAME[,NAME...] (getppid openclose forkexec build startup
debugger memory, or their numbers 1-7).
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.environ.get("ROOT") or
                       os.path.join(os.path.dirname(__file__), ".."))
B = os.path.join(ROOT, "build", "bench")
JAIL = os.path.join(ROOT, "build", "jail")
POL = os.path.join(ROOT, "bench", "policies")
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
ONLY = set(os.environ.get("BENCH_ONLY", "").replace(",", " ").split())

NAMES = ["getppid", "openclose", "forkexec", "build", "startup",
         "debugger", "memory"]

STRACE = ["strace", "-f", "--seccomp-bpf", "-o", "/dev/null"]
PIN = ["taskset", "-c", "0"]

# Calls jail's hardening baseline sends to its tracer whatever the policy
# says (policy/baseline.c, baseline_traced[]; the scratch-area entries do
# not apply to x86_64 with fs.* rules). `jail --check` prints the
# baseline's rules but not these, and --dump-bpf writes only the policy's
# program, so the baseline's program is rebuilt from both.
BASELINE_TRACED = ("kill tkill tgkill rt_sigqueueinfo rt_tgsigqueueinfo "
                   "pidfd_send_signal pidfd_getfd process_vm_readv "
                   "process_vm_writev setpgid")


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def selected(name):
    if not ONLY:
        return True
    num = str(NAMES.index(name) + 1)
    return name in ONLY or num in ONLY


# --- running and timing -------------------------------------------------

class RunError(Exception):
    pass


def run(argv, cwd=None, env=None):
    """Run argv; return (wall ns, stdout). Raise RunError on failure."""
    t0 = time.perf_counter_ns()
    try:
        p = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    except OSError as e:
        raise RunError("%s: %s" % (argv[0], e))
    t1 = time.perf_counter_ns()
    if p.returncode != 0:
        raise RunError("%s: exit %d\n%s" % (" ".join(argv), p.returncode,
                                            p.stderr[-2000:]))
    return t1 - t0, p.stdout


def loop_ns(out):
    m = re.search(r"^loop_ns (\d+)$", out, re.M)
    if not m:
        raise RunError("no loop_ns in output: %r" % out[-200:])
    return int(m.group(1))


WALLS = {}  # name -> wall ns per round, from the last alternate()


class Variant:
    """One way of running a workload. value(wall_ns, stdout) is the
    measured quantity (lower is better unless said otherwise)."""

    def __init__(self, name, argv, value, cwd=None, prep=None, warm=None,
                 env=None):
        self.name, self.argv, self.value = name, argv, value
        # warm: the argv of the warm-up run; False: no warm-up run.
        self.cwd, self.prep, self.warm, self.env = cwd, prep, warm, env


def alternate(title, variants, rounds):
    """Warm up (each variant once, with its warm argv if it has one), then
    `rounds` rounds of every variant in order. Returns {name: [value or
    None per round]}; WALLS[name] gets the wall times of the same runs."""
    res = {v.name: [] for v in variants}
    for v in variants:
        WALLS[v.name] = []
    for r in range(-1, rounds):
        log("%s: %s" % (title, "warm-up" if r < 0 else
                        "round %d/%d" % (r + 1, rounds)))
        for v in variants:
            if r < 0 and v.warm is False:
                continue
            argv = v.warm if r < 0 and v.warm else v.argv
            if v.prep:
                v.prep()
            wall = None
            try:
                wall, out = run(argv, cwd=v.cwd, env=v.env)
                val = v.value(wall, out)
            except RunError as e:
                log("%s: %s failed: %s" % (title, v.name, e))
                val = None
            if r >= 0:
                res[v.name].append(val)
                WALLS[v.name].append(wall)
    return res


def ratios(a, b):
    """Per-round ratios a[i]/b[i] where both were measured."""
    return [x / y for x, y in zip(a, b)
            if x is not None and y is not None and y > 0]


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# --- the table ----------------------------------------------------------

ROWS = []   # (workload, measure, jail, peer, peer value, ratio, target, result)


def fmt_ratio(rs):
    if not rs:
        return "-"
    if len(rs) == 1:
        return "%.2fx" % rs[0]
    return "%.2fx [%.2f-%.2f]" % (statistics.median(rs), min(rs), max(rs))


def row(workload, measure, jail, peer, peerval, rs=None, target="",
        limit=None):
    """limit: the target as a maximum for the median ratio."""
    result = ""
    if limit is not None:
        if not rs:
            result = "n/a"
        else:
            m = statistics.median(rs)
            if m <= limit:
                result = "met"
            else:
                result = "MISSED by %.0f%%" % ((m / limit - 1) * 100)
    ROWS.append((workload, measure, jail, peer, peerval, fmt_ratio(rs or []),
                 target, result))


def print_table():
    head = ("workload", "measure", "jail", "peer", "peer's", "jail/peer "
            "median [min-max]", "target", "result")
    rows = [head] + ROWS
    w = [max(len(str(r[i])) for r in rows) for i in range(len(head))]
    for i, r in enumerate(rows):
        print("  ".join(str(c).ljust(w[j]) for j, c in enumerate(r)).rstrip())
        if i == 0:
            print("  ".join("-" * x for x in w))


def div(x, n):
    return None if x is None else x / n


def nsec(ns):
    return "-" if ns is None else "%.0f ns" % ns


def us(ns):
    return "-" if ns is None else "%.2f us" % (ns / 1e3)


def ms(ns):
    return "-" if ns is None else "%.2f ms" % (ns / 1e6)


def sec(ns):
    return "-" if ns is None else "%.2f s" % (ns / 1e9)


# --- filters dumped from jail -------------------------------------------

def jail_check(policy, defines):
    argv = [JAIL, "--check", "-p", policy]
    for d in defines:
        argv += ["-D", d]
    return run(argv)[1]


def dump_filters(tag, policy, defines):
    """Write jail's two programs for a policy: build/bench/TAG.bpf (the
    policy's, from --dump-bpf) and TAG-baseline.bpf (the baseline's,
    rebuilt from --check's text). Returns their paths, baseline first."""
    text = jail_check(policy, defines)
    lines = text.split("\n")
    try:
        i = next(i for i, l in enumerate(lines) if "hardening baseline" in l)
    except StopIteration:
        raise RunError("jail --check printed no baseline")
    base = ["default allow"]
    for l in lines[i + 1:]:
        if not l.strip():
            break
        base.append(l)
    base.append("log " + BASELINE_TRACED)
    bconf = os.path.join(B, tag + "-baseline.conf")
    with open(bconf, "w") as f:
        f.write("# rebuilt by bench.py from `jail --check`\n")
        f.write("\n".join(base) + "\n")
    bbpf = os.path.join(B, tag + "-baseline.bpf")
    pbpf = os.path.join(B, tag + ".bpf")
    run([JAIL, "--check", "-p", bconf, "--dump-bpf", bbpf])
    argv = [JAIL, "--check", "-p", policy, "--dump-bpf", pbpf]
    for d in defines:
        argv += ["-D", d]
    run(argv)
    return [bbpf, pbpf]


def mintracer_follow(tag, policy, defines):
    """mintracer's argv (up to its --) following forks, with jail's
    filters for a policy: it stops where jail stops."""
    argv = [os.path.join(B, "mintracer"), "-F"]
    for f in dump_filters(tag, policy, defines):
        argv += ["-f", f]
    return argv + ["--"]


def checking(mt):
    """The same mintracer argv with -c: the check floor."""
    return mt[:1] + ["-c"] + mt[1:]


def decided_where(check_text, syscall):
    """The x86_64 decision header `jail --check` prints above a syscall."""
    head = None
    in_x86 = False
    for l in check_text.split("\n"):
        if l.startswith("x86_64"):
            in_x86 = True
            continue
        if in_x86 and l and not l.startswith(" "):
            break
        if not in_x86:
            continue
        if l.startswith("  ") and not l.startswith("    "):
            head = l.strip()
        elif syscall in l.split():
            return head
    return None


# --- workloads ----------------------------------------------------------

def w_getppid():
    n = 300000 if QUICK else 2000000
    rounds = 5 if QUICK else 15
    pol = os.path.join(POL, "getppid.conf")
    defs = ["BENCH=" + B]
    where = decided_where(jail_check(pol, defs), "getppid")
    if not where or not where.startswith("kernel: allow"):
        log("getppid: WARNING: --check says getppid is decided by: %s" %
            where)
    filters = dump_filters("getppid", pol, defs)
    prog = [os.path.join(B, "getppid"), str(n)]
    warm = [os.path.join(B, "getppid"), str(n // 10)]

    def per_call(wall, out):
        return loop_ns(out) / n

    jail = [JAIL, "-p", pol, "-D", defs[0], "--"]
    fo = [os.path.join(B, "filteronly")] + filters + ["--"]
    st = STRACE + ["-e", "trace=execve"]
    vs = [Variant("native", prog, per_call, warm=warm),
          Variant("filter-only", fo + prog, per_call, warm=fo + warm),
          Variant("jail", jail + prog, per_call, warm=jail + warm),
          Variant("strace", st + prog, per_call, warm=st + warm)]
    # The loop's own time is the per-call cost; the wall time of the same
    # runs (start-up included) is a second view.
    res = alternate("getppid", vs, rounds)
    j = res["jail"]
    W = "1 getppid x%d" % n
    for peer, target, limit in (("filter-only", "<=1.03x", 1.03),
                                ("native", "", None),
                                ("strace", "", None)):
        row(W, "ns/call (loop)", nsec(med(j)), peer, nsec(med(res[peer])),
            ratios(j, res[peer]), target, limit)
    wj = WALLS["jail"]
    wf = WALLS["filter-only"]
    row(W, "wall, start-up incl.", sec(med(wj)), "filter-only",
        sec(med(wf)), ratios(wj, wf))


def w_openclose():
    n = 10000 if QUICK else 100000
    rounds = 2 if QUICK else 3
    pol = os.path.join(POL, "openclose.conf")
    defs = ["BENCH=" + B]
    data = os.path.join(B, "data")
    os.makedirs(data, exist_ok=True)
    path = os.path.join(data, "file")
    with open(path, "w") as f:
        f.write("data\n")
    where = decided_where(jail_check(pol, defs), "openat")
    if not where or not where.startswith("tracer"):
        log("openclose: WARNING: --check says openat is decided by: %s" %
            where)
    filters = dump_filters("openclose", pol, defs)
    prog = [os.path.join(B, "openclose"), path, str(n)]
    warm = [os.path.join(B, "openclose"), path, str(n // 20)]

    def loop(wall, out):
        return loop_ns(out)

    mt = [os.path.join(B, "mintracer")]
    for f in filters:
        mt += ["-f", f]
    mt += ["--"]
    jail = [JAIL, "-p", pol, "-D", defs[0], "--"]
    st = STRACE + ["-e", "trace=openat"]
    # "check floor": mintracer -c, the least any race-free path check
    # adds to a stop (bench/mintracer.c), so how far 1.2x is reachable.
    # Each tracer twice: as the scheduler places it, and with tracer and
    # program on one CPU. On this kind of VM a stop woken across CPUs
    # costs tens of microseconds more when the other CPU idles, so the
    # first view depends on the machine's load and the second does not.
    vs = [Variant("native", prog, loop, warm=warm)]
    for name, argv in (("mintracer", mt), ("check floor", checking(mt)),
                       ("jail", jail), ("strace", st)):
        vs.append(Variant(name, argv + prog, loop, warm=argv + warm))
        vs.append(Variant(name + " 1cpu", PIN + argv + prog, loop,
                          warm=PIN + argv + warm))
    res = alternate("openclose", vs, rounds)
    nat = res["native"]

    def per_stop(name):
        """Per-round cost of one checked openat: the loop's time minus
        the native loop's time of the same round, over n."""
        return [None if x is None or y is None else (x - y) / n
                for x, y in zip(res[name], nat)]
    W = "2 openat+close x%d" % n
    for cpu, tag in (("", "us/checked call"),
                     (" 1cpu", "us/checked call, 1 CPU")):
        j = per_stop("jail" + cpu)
        m = per_stop("mintracer" + cpu)
        st_ = per_stop("strace" + cpu)
        row(W, tag, us(med(j)), "mintracer", us(med(m)), ratios(j, m),
            "<=1.2x", 1.2)
        row(W, tag, us(med(j)), "strace", us(med(st_)), ratios(j, st_),
            "<=0.5x (2x faster)", 0.5)
        cf = per_stop("check floor" + cpu)
        row(W, tag, us(med(j)), "check floor", us(med(cf)), ratios(j, cf))
        row(W, "check floor's " + tag, us(med(cf)), "mintracer",
            us(med(m)), ratios(cf, m))
    for name in ("mintracer", "jail", "strace"):
        row(W, "1 CPU vs 2: " + name, us(med(per_stop(name + " 1cpu"))),
            "(itself, 2 CPUs)", us(med(per_stop(name))),
            ratios(per_stop(name + " 1cpu"), per_stop(name)))
    row(W, "us/iteration (loop)", us(div(med(res["jail"]), n)), "native",
        us(div(med(nat), n)), ratios(res["jail"], nat))


def w_forkexec():
    n = 300 if QUICK else 2000
    rounds = 3 if QUICK else 5
    reps = os.path.join(B, "reps")
    prog = [reps, str(n), "/bin/true"]
    warm = [reps, str(max(n // 10, 10)), "/bin/true"]

    def per_run(wall, out):
        return loop_ns(out) / n

    jail = [JAIL, "-o", "/dev/null", "-p",
            os.path.join(POL, "forkexec.conf"), "--"]
    jfs = [JAIL, "-o", "/dev/null", "-p",
           os.path.join(POL, "forkexec-fs.conf"), "-D", "BENCH=" + B, "--"]
    st = STRACE + ["-e", "trace=execve"]
    # The floor: a tracer that follows the forks and stops where jail
    # does (its filters) but only resumes.
    mt = mintracer_follow("forkexec", os.path.join(POL, "forkexec.conf"), [])
    vs = [Variant("native", prog, per_run, warm=warm),
          Variant("jail", jail + prog, per_run, warm=jail + warm),
          Variant("strace", st + prog, per_run, warm=st + warm),
          Variant("mintracer", mt + prog, per_run, warm=mt + warm),
          Variant("jail fs", jfs + prog, per_run, warm=jfs + warm)]
    res = alternate("forkexec", vs, rounds)
    j = res["jail"]
    W = "3 fork+exec x%d" % n
    M = "us/fork+exec"
    row(W, M, us(med(j)), "native", us(med(res["native"])),
        ratios(j, res["native"]), "<=1.35x", 1.35)
    row(W, M, us(med(j)), "strace", us(med(res["strace"])),
        ratios(j, res["strace"]))
    row(W, M, us(med(j)), "mintracer", us(med(res["mintracer"])),
        ratios(j, res["mintracer"]))
    row(W, "mintracer's " + M, us(med(res["mintracer"])), "native",
        us(med(res["native"])), ratios(res["mintracer"], res["native"]))
    row(W, M + ", fs rules", us(med(res["jail fs"])), "native",
        us(med(res["native"])), ratios(res["jail fs"], res["native"]))


BUILD_HDR = """\
#ifndef COMMON_H
#define COMMON_H
#include <stddef.h>
struct item { long key; double weight; char name[32]; };
%s
#endif
"""

BUILD_SRC = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <ctype.h>
#include "common.h"

static int cmp_%(n)d(const void *a, const void *b)
{
\tconst struct item *x = a, *y = b;
\treturn (x->key > y->key) - (x->key < y->key);
}

static void fill_%(n)d(struct item *v, size_t len, unsigned seed)
{
\tfor (size_t i = 0; i < len; i++) {
\t\tseed = seed * 1103515245u + 12345u;
\t\tv[i].key = (long)(seed >> 8) %% 1000;
\t\tv[i].weight = sqrt((double)(seed & 0xffff));
\t\tsnprintf(v[i].name, sizeof(v[i].name), "item-%(n)d-%%zu", i);
\t}
}

static size_t count_upper_%(n)d(const char *s)
{
\tsize_t k = 0;
\tfor (; *s; s++)
\t\tk += isupper((unsigned char)*s) != 0;
\treturn k;
}

double unit_%(n)d(size_t len)
{
\tstruct item *v = calloc(len, sizeof(*v));
\tdouble sum = 0;
\tif (!v)
\t\treturn -1;
\tfill_%(n)d(v, len, %(n)du);
\tqsort(v, len, sizeof(*v), cmp_%(n)d);
\tfor (size_t i = 0; i < len; i++) {
\t\tsum += v[i].weight * (double)v[i].key;
\t\tsum += (double)count_upper_%(n)d(v[i].name) + strlen(v[i].name);
\t}
\tfree(v);
\treturn sum;
}
"""

BUILD_MAIN = """\
#include <stdio.h>
#include "common.h"

int main(void)
{
\tdouble t = 0;
%s
\tprintf("%%f\\n", t);
\treturn 0;
}
"""

BUILD_MK = """\
# Generated by bench/bench.py: the build workload.
OUT ?= out
SRCS := $(wildcard src/*.c)
OBJS := $(SRCS:src/%.c=$(OUT)/%.o)
CFLAGS := -O2 -g -Wall

$(OUT)/prog: $(OBJS)
\t$(CC) -o $@ $(OBJS) -lm

$(OUT)/%.o: src/%.c src/common.h | $(OUT)
\t$(CC) $(CFLAGS) -c -o $@ $<

$(OUT):
\tmkdir -p $(OUT)
"""


def gen_project(nfiles):
    proj = os.path.join(B, "proj")
    src = os.path.join(proj, "src")
    shutil.rmtree(proj, ignore_errors=True)
    os.makedirs(src)
    decls = "\n".join("double unit_%d(size_t len);" % i
                      for i in range(nfiles - 1))
    with open(os.path.join(src, "common.h"), "w") as f:
        f.write(BUILD_HDR % decls)
    for i in range(nfiles - 1):
        with open(os.path.join(src, "u%02d.c" % i), "w") as f:
            f.write(BUILD_SRC % {"n": i})
    calls = "\n".join("\tt += unit_%d(100);" % i for i in range(nfiles - 1))
    with open(os.path.join(src, "main.c"), "w") as f:
        f.write(BUILD_MAIN % calls)
    with open(os.path.join(proj, "Makefile"), "w") as f:
        f.write(BUILD_MK)
    return proj


def w_build():
    nfiles = 40
    rounds = 2 if QUICK else 5
    proj = gen_project(nfiles)
    out = os.path.join(proj, "out")

    def clean():
        shutil.rmtree(out, ignore_errors=True)

    def wall(w, o):
        return w
    mk = ["make", "-s", "-j2", "OUT=out"]
    jail = [JAIL, "-o", "/dev/null", "-p",
            os.path.join(ROOT, "examples", "policies", "build.conf"),
            "-D", "BUILD=" + out, "--"]
    st = STRACE + ["-e", "trace=openat,execve"]
    # The floors: a tracer that follows every fork, stops where jail does
    # and only resumes; and the same adding the least a race-free path
    # check costs at each open (bench/mintracer.c).
    mt = mintracer_follow("build", os.path.join(ROOT, "examples", "policies",
                                               "build.conf"),
                          ["BUILD=" + out])
    # The native warm-up run brings the compiler and the headers into the
    # page cache for all of them.
    vs = [Variant("native", mk, wall, cwd=proj, prep=clean),
          Variant("jail", jail + mk, wall, cwd=proj, prep=clean, warm=False),
          Variant("strace", st + mk, wall, cwd=proj, prep=clean,
                  warm=False),
          Variant("mintracer", mt + mk, wall, cwd=proj, prep=clean,
                  warm=False),
          Variant("check floor", checking(mt) + mk, wall, cwd=proj,
                  prep=clean, warm=False)]
    res = alternate("build", vs, rounds)
    j = res["jail"]
    W = "4 make -j2, %d files" % nfiles
    row(W, "wall", sec(med(j)), "native", sec(med(res["native"])),
        ratios(j, res["native"]), "<=1.12x", 1.12)
    row(W, "wall", sec(med(j)), "strace", sec(med(res["strace"])),
        ratios(j, res["strace"]))
    for name in ("mintracer", "check floor"):
        row(W, "wall", sec(med(j)), name, sec(med(res[name])),
            ratios(j, res[name]))
        row(W, name + "'s wall", sec(med(res[name])), "native",
            sec(med(res["native"])), ratios(res[name], res["native"]))


def w_startup():
    k = 10 if QUICK else 50          # runs per timed batch
    kg = 3 if QUICK else 10          # gdb is ~100x slower: fewer
    rounds = 3 if QUICK else 7
    pol = os.path.join(POL, "startup.conf")
    filters = dump_filters("startup", pol, [])
    reps = os.path.join(B, "reps")
    mt = [os.path.join(B, "mintracer")]
    mtj = list(mt)
    for f in filters:
        mtj += ["-f", f]

    def per_run(count):
        return lambda wall, out: loop_ns(out) / count

    def batch(name, cmd, count=k):
        return Variant(name, [reps, str(count)] + cmd, per_run(count),
                       warm=[reps, "2"] + cmd)
    gdb = shutil.which("gdb") or "gdb"
    vs = [batch("native", ["/bin/true"]),
          batch("jail", [JAIL, "-p", pol, "/bin/true"]),
          batch("mintracer", mtj + ["--", "/bin/true"]),
          batch("mintracer openat", mt + ["--", "/bin/true"]),
          batch("strace", [shutil.which("strace")] + STRACE[1:] +
                ["-e", "trace=execve", "/bin/true"]),
          batch("gdb", [gdb, "-nx", "-batch", "-ex", "run", "/bin/true"],
                kg)]
    res = alternate("startup", vs, rounds)
    j = res["jail"]
    W = "5 start-up /bin/true"
    M = "ms/run"
    row(W, M, ms(med(j)), "mintracer", ms(med(res["mintracer"])),
        ratios(j, res["mintracer"]), "<=1.2x", 1.2)
    row(W, M, ms(med(j)), "mintracer openat", ms(med(res["mintracer openat"])),
        ratios(j, res["mintracer openat"]), "<=1.2x", 1.2)
    for peer in ("native", "strace", "gdb"):
        row(W, M, ms(med(j)), peer, ms(med(res[peer])), ratios(j, res[peer]))


def jail_has_debugger():
    try:
        p = subprocess.run([JAIL, "--help"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    except OSError:
        return False
    return re.search(r"^\s*-g[, ]", p.stdout, re.M) is not None


def w_debugger():
    n = 5000 if QUICK else 100000
    prog = [os.path.join(B, "dbgloop")]
    scripts = os.path.join(ROOT, "bench", "gdb")
    # Each script gets @N@ replaced: N hits, the last one true.
    cases = [("cond", "conditional bp, false until last", "hits/s"),
             ("ignore", "bp with ignore count", "hits/s"),
             ("stepi", "stepi %d" % n, "steps/s")]
    have_jail = jail_has_debugger()
    if not have_jail:
        log("debugger: jail has no -g yet: gdb only")

    def script(kind, case, hits):
        src = os.path.join(scripts, "%s.%s" % (case, kind))
        dst = os.path.join(B, "%s-%d.%s" % (case, hits, kind))
        with open(src) as f:
            text = f.read()
        with open(dst, "w") as f:
            f.write(text.replace("@N@", str(hits)).replace("@LAST@",
                                                           str(hits - 1)))
        return dst

    def wall(w, o):
        return w

    def gdb_argv(case, hits):
        return ["gdb", "-nx", "-batch", "-x", script("gdb", case, hits),
                "--args", prog[0], str(hits)]

    def jail_argv(case, hits):
        return [JAIL, "-g", "-x", script("jdb", case, hits), "--batch",
                "--", prog[0], str(hits)]

    def stopped_last(w, out):
        """The breakpoint scripts print $rdi where they stopped: hit()'s
        argument on its last call, n - 1, or the run did not do its job
        (the warm-up's 1,000 hits end at 999)."""
        if not re.search(r"= (%d|%d)$" % (n - 1, warm_n - 1), out, re.M):
            raise RunError("did not stop at the last hit: %r" % out[-300:])
        return w

    def variant(who, case):
        mk = gdb_argv if who == "gdb" else jail_argv
        check = stopped_last if case in ("cond", "ignore") else wall
        return Variant(who + " " + case, mk(case, n), check,
                       warm=mk(case, warm_n))
    # One round (the gdb runs take ~40 s each at 100,000 hits), after a
    # warm-up of 1,000 hits. The cost of starting the debugger and the
    # program is the `run` script's time, subtracted from each.
    warm_n = 1000
    whos = ["gdb", "jail"] if have_jail else ["gdb"]
    vs = [variant(w, "run") for w in whos]
    for case, _, _ in cases:
        vs += [variant(w, case) for w in whos]
    res = alternate("debugger", vs, 1)
    W = "6 debugger x%d" % n

    def rate(who, case):
        r = [None if t is None or s is None or t <= s else n / ((t - s) / 1e9)
             for t, s in zip(res[who + " " + case], res[who + " run"])]
        return r
    for case, what, unit in cases:
        g = rate("gdb", case)
        gs = "-" if med(g) is None else "%.0f %s" % (med(g), unit)
        if not have_jail:
            row(W, what, "not available yet", "gdb -batch", gs)
            continue
        jr = rate("jail", case)
        js = "-" if med(jr) is None else "%.0f %s" % (med(jr), unit)
        # Rates: higher is better; the ratio is jail's speed over gdb's.
        row(W, what + " (speed)", js, "gdb -batch", gs, ratios(jr, g))


def vm_kib(pid, field):
    try:
        with open("/proc/%d/status" % pid) as f:
            for l in f:
                if l.startswith(field + ":"):
                    return int(l.split()[1])
    except OSError:
        pass
    return None


def hold_peak(argv):
    """Start argv (a tracer running hold), wait for "ready", read the
    tracer's VmHWM, let everything exit. Returns KiB or None."""
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    hwm = vm_kib(p.pid, "VmHWM") if line.startswith("ready") else None
    p.stdin.close()
    p.stdout.read()
    err = p.stderr.read()
    if p.wait() != 0 or hwm is None:
        log("memory: %s failed: %s" % (" ".join(argv), err[-500:]))
        return None
    return hwm


def w_memory():
    t = p = 200 if QUICK else 1000
    hold = [os.path.join(B, "hold"), str(t), str(p)]
    log("memory: %d threads and %d processes" % (t, p))
    jail = hold_peak([JAIL, "-p", os.path.join(POL, "hold.conf"),
                      "-D", "BENCH=" + B, "--"] + hold)
    jnp = hold_peak([JAIL, "--"] + hold)
    st = hold_peak(["strace", "-f", "-o", "/dev/null"] + hold)
    W = "7 memory, %d thr + %d proc" % (t, p)

    def mib(k):
        return "-" if k is None else "%.1f MiB" % (k / 1024)
    r = [jail / st] if jail and st else []
    row(W, "tracer VmHWM", mib(jail), "strace -f", mib(st), r, "<32 MiB")
    if jail is not None:
        ROWS[-1] = ROWS[-1][:7] + ("met" if jail < 32 * 1024 else "MISSED",)
    row(W, "VmHWM, no policy", mib(jnp), "strace -f", mib(st),
        [jnp / st] if jnp and st else [])


WORKLOADS = [("getppid", w_getppid), ("openclose", w_openclose),
             ("forkexec", w_forkexec), ("build", w_build),
             ("startup", w_startup), ("debugger", w_debugger),
             ("memory", w_memory)]


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for l in f:
                if l.startswith("model name"):
                    cpu = l.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d CPUs (%s), Linux %s, load %.2f" % (
        os.uname().nodename, os.cpu_count() or 0, cpu, os.uname().release,
        os.getloadavg()[0])


def main():
    if not os.access(JAIL, os.X_OK):
        log("%s not found: run `make jail` first" % JAIL)
        return 1
    unknown = ONLY - set(NAMES) - {str(i + 1) for i in range(len(NAMES))}
    if unknown:
        log("BENCH_ONLY: unknown %s (known: %s)" % (" ".join(sorted(unknown)),
                                                   " ".join(NAMES)))
        return 2
    start = time.time()
    log(machine() + (", quick" if QUICK else ""))
    for name, fn in WORKLOADS:
        if not selected(name):
            continue
        t0 = time.time()
        try:
            fn()
        except Exception as e:     # one workload's failure is not the run's
            log("%s: failed: %s: %s" % (name, type(e).__name__, e))
            row(name, "FAILED (see stderr)", "-", "-", "-")
        log("%s: %.0f s" % (name, time.time() - t0))
    print("jail benchmarks: %s%s; %.0f s" % (machine(),
                                             ", BENCH_QUICK" if QUICK else "",
                                             time.time() - start))
    print("ratios: jail's value over the peer's, per round, median "
          "[min-max]; lower is better (debugger: speed, higher is better);")
    print("a measure named after another tracer (\"mintracer's\", \"check "
          "floor's\") is that tracer's value, jail's floor, over its peer")
    print()
    print_table()
    return 0


if __name__ == "__main__":
    sys.exit(main())

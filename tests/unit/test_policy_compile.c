/* The compiler: the produced BPF runs in bpfsim over tables of (arch,
 * syscall, args, expected action); then the kernel's answers are compared
 * with the evaluator's over a grid of arguments (where the kernel decides,
 * it must decide as the tracer would); then a few filters are loaded for
 * real in forked children. */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "policy/baseline.h"
#include "policy/bpfsim.h"
#include "policy/policy_int.h"
#include "tests/unit/t.h"

#define ALLOW SECCOMP_RET_ALLOW
#define TRACE SECCOMP_RET_TRACE
#define KILL SECCOMP_RET_KILL_PROCESS
#define ERRNO(e) (SECCOMP_RET_ERRNO | (e))
#define X64 AUDIT_ARCH_X86_64
#define I386 AUDIT_ARCH_I386

static struct policy *load(const char *text)
{
	struct strbuf err = STRBUF_INIT;
	struct policy *p = NULL;

	if (policy_load_string("c.conf", text, NULL, &p, &err) < 0)
		printf("# load: %s", sb_str(&err));
	sb_free(&err);
	return p;
}

static int compile(const struct policy *p, unsigned flags,
		   struct jail_bpf *b)
{
	struct strbuf err = STRBUF_INIT;
	int rc = policy_compile(p, flags, b, &err);

	if (rc < 0)
		printf("# compile: %s", sb_str(&err));
	sb_free(&err);
	return rc;
}

static uint32_t run(const struct jail_bpf *b, uint32_t arch, int nr,
		    uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct seccomp_data d = {
		.nr = nr, .arch = arch, .args = { a0, a1, a2, a3, 0, 0 },
	};
	uint32_t ret = 0xdeadbeef;

	if (bpf_sim(b->insns, b->len, &d, &ret) < 0)
		return 0xbadbadu;
	return ret & ~SECCOMP_RET_DATA ? ret : ret;
}

static int nr_of(enum sc_abi abi, const char *name)
{
	const struct sc_ent *e = systab_by_name(abi, name);

	return e ? e->nr : -1;
}

struct tcase {
	uint32_t arch;
	const char *name;	/* NULL: use nr */
	int nr;
	uint64_t a[4];
	uint32_t want;
};

static void check_table(const char *what, const char *text, unsigned flags,
			const struct tcase *c, size_t n)
{
	struct policy *p = load(text);
	struct jail_bpf b = { 0 };
	size_t i;

	T_OK(p && compile(p, flags, &b) == 0, "%s: compiles", what);
	if (!p || !b.len)
		goto out;
	for (i = 0; i < n; i++) {
		enum sc_abi abi = c[i].arch == X64 ? ABI_X86_64 : ABI_I386;
		int nr = c[i].name ? nr_of(abi, c[i].name) : c[i].nr;
		uint32_t got = run(&b, c[i].arch, nr, c[i].a[0], c[i].a[1],
				   c[i].a[2], c[i].a[3]);

		T_OK(got == c[i].want && nr >= 0,
		     "%s: %s %s(%#llx, %#llx) -> %#x (want %#x)", what,
		     c[i].arch == X64 ? "x86_64" :
		     c[i].arch == I386 ? "i386" : "other",
		     c[i].name ? c[i].name : "nr",
		     (unsigned long long)c[i].a[0],
		     (unsigned long long)c[i].a[1], got, c[i].want);
	}
out:
	bpf_free(&b);
	policy_free(p);
}

static void test_basic(void)
{
	static const char text[] =
		"default deny\n"
		"allow read write close exit_group\n"
		"deny(EACCES) ptrace\n"
		"kill io_uring_setup\n"
		"log execve\n"
		"trap getppid\n"
		"allow _llseek\n";
	static const struct tcase c[] = {
		{ X64, "read", 0, { 0 }, ALLOW },
		{ X64, "close", 0, { 0 }, ALLOW },
		{ X64, "openat", 0, { 0 }, ERRNO(EPERM) },
		{ X64, "ptrace", 0, { 0 }, ERRNO(EACCES) },
		{ X64, "io_uring_setup", 0, { 0 }, TRACE },
		{ X64, "execve", 0, { 0 }, TRACE },
		{ X64, "getppid", 0, { 0 }, TRACE },
		{ I386, "read", 0, { 0 }, ALLOW },
		{ I386, "_llseek", 0, { 0 }, ALLOW },
		{ I386, "ptrace", 0, { 0 }, ERRNO(EACCES) },
		{ I386, "openat", 0, { 0 }, ERRNO(EPERM) },
		{ I386, "execve", 0, { 0 }, TRACE },
		/* numbers no syscall has: the default */
		{ X64, NULL, 999, { 0 }, ERRNO(EPERM) },
		{ I386, NULL, 999, { 0 }, ERRNO(EPERM) },
		/* x32 numbers and other architectures are killed */
		{ X64, NULL, 0x40000000 | 0, { 0 }, KILL },
		{ X64, NULL, 0x40000000 | 1, { 0 }, KILL },
		{ X64, NULL, 0x40000000 | 512, { 0 }, KILL },
		{ AUDIT_ARCH_AARCH64, NULL, 0, { 0 }, KILL },
		{ AUDIT_ARCH_X86_64 & ~__AUDIT_ARCH_64BIT, NULL, 0, { 0 },
		  KILL },
	};

	check_table("basic", text, 0, c, ARRAY_SIZE(c));
}

static void test_flags(void)
{
	static const char text[] = "default allow\n"
				   "kill getppid\n"
				   "deny(EACCES) getuid\n";
	static const struct tcase in_kernel[] = {
		{ X64, "getppid", 0, { 0 }, KILL },
		{ X64, "getuid", 0, { 0 }, ERRNO(EACCES) },
		{ X64, "read", 0, { 0 }, ALLOW },
	};
	static const struct tcase traced[] = {
		{ X64, "getppid", 0, { 0 }, TRACE },
		{ X64, "getuid", 0, { 0 }, TRACE },
		{ X64, "read", 0, { 0 }, ALLOW },
	};
	static const struct tcase def_traced[] = {
		{ X64, "getppid", 0, { 0 }, TRACE },
		{ X64, "read", 0, { 0 }, TRACE },
		{ I386, "read", 0, { 0 }, TRACE },
	};
	/* with the filter's default TRACE, what one condition leaves to
	 * a different catch-all is still decided in the kernel */
	static const struct tcase gated[] = {
		{ X64, "mmap", 0, { 0, 4096, PROT_READ, MAP_PRIVATE }, ALLOW },
		{ X64, "mmap", 0, { 0, 4096, PROT_EXEC, MAP_PRIVATE }, TRACE },
		{ X64, "mprotect", 0, { 0, 4096, PROT_READ }, TRACE },
		{ I386, "mmap2", 0, { 0, 4096, PROT_READ, MAP_PRIVATE },
		  TRACE },
		{ X64, "kill", 0, { 5, 0 }, ALLOW },
		{ X64, "kill", 0, { 5, 9 }, TRACE },
		{ X64, "getpid", 0, { 0 }, TRACE },
	};
	static const struct tcase stat_gated[] = {
		{ X64, "newfstatat", 0, { 3, 0x1000, 0x2000, 0 }, ALLOW },
		{ X64, "newfstatat", 0, { 3, 0x1000, 0x2000, 0x1000 }, TRACE },
		{ X64, "readlink", 0, { 0x1000, 0x2000, 4096 }, ALLOW },
	};

	check_table("kill in kernel", text, POLICY_COMPILE_KILL_IN_KERNEL,
		    in_kernel, ARRAY_SIZE(in_kernel));
	check_table("trace denials", text, POLICY_COMPILE_TRACE_DENIALS,
		    traced, ARRAY_SIZE(traced));
	check_table("default deny traced", "default deny\nkill getppid\n",
		    POLICY_COMPILE_TRACE_DENIALS, def_traced,
		    ARRAY_SIZE(def_traced));
	check_table("trace denials, one condition",
		    "default deny\nallow fs.read /usr/**\nallow mmap\n"
		    "allow kill if sig == 0\n", POLICY_COMPILE_TRACE_DENIALS,
		    gated, ARRAY_SIZE(gated));
	check_table("trace denials, stat", "default deny\nallow fs.stat /**\n",
		    POLICY_COMPILE_TRACE_DENIALS, stat_gated,
		    ARRAY_SIZE(stat_gated));
}

static void test_conditions(void)
{
	static const char text[] =
		"default deny\n"
		"allow socket if domain == AF_UNIX\n"
		"allow fcntl if cmd == F_GETFL\n"
		"allow fcntl if cmd == F_SETFL\n"
		"allow lseek if offset > 0x100000000\n"
		/* a 64-bit argument: the catch-all after it is the
		 * complement of its single condition */
		"allow mremap if new_size < 4096\n"
		"deny(ENOMEM) mremap\n"
		"allow mmap if prot & PROT_EXEC == 0 and "
		"flags & MAP_SHARED == 0\n"
		"allow mprotect if prot & PROT_EXEC != PROT_EXEC\n";
	static const struct tcase c[] = {
		{ X64, "socket", 0, { AF_UNIX }, ALLOW },
		{ X64, "socket", 0, { AF_INET }, ERRNO(EPERM) },
		/* an int: the kernel reads the low 32 bits only */
		{ X64, "socket", 0, { 0x100000000ull | AF_UNIX }, ALLOW },
		{ X64, "socket", 0, { 0x100000000ull | AF_INET }, ERRNO(EPERM) },
		{ X64, "fcntl", 0, { 3, 3 }, ALLOW },
		{ X64, "fcntl", 0, { 3, 4 }, ALLOW },
		{ X64, "fcntl", 0, { 3, 1 }, ERRNO(EPERM) },
		{ X64, "lseek", 0, { 3, 0x100000001ull }, ALLOW },
		{ X64, "lseek", 0, { 3, 0x100000000ull }, ERRNO(EPERM) },
		{ X64, "lseek", 0, { 3, 0xffffffffull }, ERRNO(EPERM) },
		{ X64, "lseek", 0, { 3, 0x200000000ull }, ALLOW },
		{ X64, "mremap", 0, { 0, 0, 100 }, ALLOW },
		{ X64, "mremap", 0, { 0, 0, 5000 }, ERRNO(ENOMEM) },
		{ X64, "mremap", 0, { 0, 0, 0x100000000ull }, ERRNO(ENOMEM) },
		{ X64, "mmap", 0, { 0, 4096, PROT_READ, MAP_PRIVATE }, ALLOW },
		{ X64, "mmap", 0, { 0, 4096, PROT_EXEC, MAP_PRIVATE },
		  ERRNO(EPERM) },
		{ X64, "mmap", 0, { 0, 4096, PROT_READ, MAP_SHARED },
		  ERRNO(EPERM) },
		{ X64, "mprotect", 0, { 0, 4096, PROT_READ }, ALLOW },
		{ X64, "mprotect", 0, { 0, 4096, PROT_READ | PROT_EXEC },
		  ERRNO(EPERM) },
		/* i386 reaches socket through socketcall too: the family
		 * has a condition, so all of it goes to the tracer */
		{ I386, "socket", 0, { AF_UNIX }, TRACE },
		{ I386, "socketcall", 0, { 1 }, TRACE },
		{ I386, "socketcall", 0, { 3 }, TRACE },
		/* names are exact: fcntl64 is another syscall */
		{ I386, "fcntl", 0, { 3, 3 }, ALLOW },
		{ I386, "fcntl64", 0, { 3, 3 }, ERRNO(EPERM) },
		{ I386, "fcntl", 0, { 3, 1 }, ERRNO(EPERM) },
		{ I386, "mmap2", 0, { 0, 4096, PROT_READ, MAP_PRIVATE },
		  ERRNO(EPERM) },
		/* old mmap lacks the arguments: an allow never matches */
		{ I386, "mmap", 0, { 0 }, ERRNO(EPERM) },
	};

	check_table("conditions", text, 0, c, ARRAY_SIZE(c));
}

static void test_order(void)
{
	/* overlapping conditional rules with different actions: libseccomp
	 * would decide by its own tree, so they go to the tracer */
	static const char text[] =
		"default allow\n"
		"deny(EACCES) socket if type == SOCK_RAW\n"
		"deny(EPERM) socket if domain == AF_INET\n"
		"allow kill if sig == 0\n"
		"deny(EPERM) kill if pid == 1\n"
		"deny(EACCES) dup2 if oldfd == 1\n"
		"deny(EACCES) dup2 if newfd == 2\n"
		"log setuid if uid != 0\n"
		"allow setuid\n";
	static const struct tcase c[] = {
		{ X64, "socket", 0, { AF_INET, SOCK_RAW }, TRACE },
		{ X64, "socket", 0, { AF_UNIX, SOCK_STREAM }, TRACE },
		{ X64, "kill", 0, { 1, 0 }, TRACE },
		{ X64, "kill", 0, { 2, 9 }, TRACE },
		/* same action: order does not matter, the kernel decides */
		{ X64, "dup2", 0, { 1, 5 }, ERRNO(EACCES) },
		{ X64, "dup2", 0, { 3, 2 }, ERRNO(EACCES) },
		{ X64, "dup2", 0, { 3, 4 }, ALLOW },
		/* a TRACE rule with a condition the kernel cannot test
		 * like eval (!= on an int) is sent whole to the tracer */
		{ X64, "setuid", 0, { 0 }, TRACE },
		{ I386, "setuid32", 0, { 0 }, ALLOW },
	};

	check_table("first-match order", text, 0, c, ARRAY_SIZE(c));
}

static void test_resources(void)
{
	static const char text[] =
		"default deny\n"
		"allow fs.read /usr/**\n"
		"allow net.connect 127.0.0.1:80\n"
		"allow mmap munmap\n"
		"allow sendto read\n"
		"allow openat\n"
		"allow mprotect if prot & PROT_READ == PROT_READ\n";
	static const struct tcase c[] = {
		{ X64, "openat", 0, { 0 }, TRACE },
		{ X64, "stat", 0, { 0 }, TRACE },
		{ X64, "execve", 0, { 0 }, TRACE },
		{ X64, "read", 0, { 0 }, ALLOW },
		{ X64, "munmap", 0, { 0 }, ALLOW },
		/* only executable mappings of files need the tracer */
		{ X64, "mmap", 0, { 0, 4096, PROT_READ, MAP_PRIVATE }, ALLOW },
		{ X64, "mmap", 0, { 0, 4096, PROT_READ | PROT_EXEC,
				    MAP_PRIVATE }, TRACE },
		{ X64, "mprotect", 0, { 0, 4096, PROT_READ | PROT_EXEC },
		  TRACE },
		{ X64, "mprotect", 0, { 0, 4096, PROT_READ }, TRACE },
		{ X64, "connect", 0, { 3 }, TRACE },
		/* net rules exist: bind's address is checked (against
		 * the default, here) */
		{ X64, "bind", 0, { 3 }, TRACE },
		{ X64, "sendmsg", 0, { 3 }, TRACE },
		{ I386, "openat", 0, { 0 }, TRACE },
		/* i386 "mmap" is old_mmap: mmap2 is not allowed */
		{ I386, "mmap2", 0, { 0, 4096, PROT_READ, MAP_PRIVATE },
		  ERRNO(EPERM) },
		{ I386, "mmap2", 0, { 0, 4096, PROT_EXEC, MAP_PRIVATE },
		  TRACE },
		{ I386, "socketcall", 0, { 3 }, TRACE },
		{ I386, "connect", 0, { 3 }, TRACE },
	};
	struct policy *p = load(text);
	struct jail_bpf b = { 0 };
	int nr = nr_of(ABI_X86_64, "sendto");

	check_table("fs and net rules", text, 0, c, ARRAY_SIZE(c));
	if (p && compile(p, 0, &b) == 0) {
		struct seccomp_data d = { .nr = nr, .arch = X64 };
		uint32_t ret = 0;

		d.args[4] = 0;
		bpf_sim(b.insns, b.len, &d, &ret);
		T_OK(ret == ALLOW, "sendto without an address: kernel (%#x)",
		     ret);
		d.args[4] = 0x7ffc0000;
		bpf_sim(b.insns, b.len, &d, &ret);
		T_OK(ret == TRACE, "sendto with an address: tracer (%#x)", ret);
	}
	bpf_free(&b);
	policy_free(p);
}

static void test_mux(void)
{
	static const char text[] = "default deny\n"
				   "allow connect send\n"
				   "deny(EACCES) semget\n";
	static const struct tcase c[] = {
		{ I386, "socketcall", 0, { 3 }, ALLOW },
		{ I386, "socketcall", 0, { 9 }, ALLOW },
		{ I386, "socketcall", 0, { 1 }, ERRNO(EPERM) },
		{ I386, "connect", 0, { 0 }, ALLOW },
		{ I386, "socket", 0, { 0 }, ERRNO(EPERM) },
		{ I386, "ipc", 0, { 2 }, ERRNO(EACCES) },
		{ I386, "ipc", 0, { 3 }, ERRNO(EPERM) },
		{ I386, "semget", 0, { 0 }, ERRNO(EACCES) },
		{ X64, "connect", 0, { 0 }, ALLOW },
		{ X64, "semget", 0, { 0 }, ERRNO(EACCES) },
	};

	check_table("i386 multiplexers", text, 0, c, ARRAY_SIZE(c));
}

/* What the tracer may find out about a call with these arguments, as
 * policy_facts: none for calls without paths; for a call that needs
 * only the stat right, an absolute path or an object with no path, and
 * no path at all when it may name its descriptor (AT_EMPTY_PATH, as
 * fstat does). The kernel's answer must hold for each. */
static size_t stat_facts(enum sc_abi abi, unsigned k, const uint64_t args[6],
			 struct policy_facts f[3])
{
	const struct fs_access *fa = policy_fs_access(abi, (long)k);
	uint64_t flags;

	memset(f, 0, 3 * sizeof(*f));
	if (!fa || fs_possible_rights(fa) != POLICY_FS_STAT)
		return 0;
	f[0].npaths = f[1].npaths = 1;
	f[0].paths[0] = (struct policy_path){ "/usr/include/stdio.h",
					      POLICY_FS_STAT };
	f[1].paths[0] = (struct policy_path){ "pipe:[4026]", POLICY_FS_STAT };
	flags = policy_fs_flags(fa, args);
	if (fa->path[0].empty_flag && (flags & fa->path[0].empty_flag))
		return 3;
	return 2;
}

/* Where the kernel decides, it must decide as the evaluator does: every
 * syscall a rule names, and the calls that need only the stat right;
 * flags: POLICY_COMPILE_*. */
static void differential_flags(const char *what, const char *text,
			       unsigned flags)
{
	static const uint64_t vals[] = {
		0, 1, 2, 3, 4, 5, 10, 0x100, 0x800, 0x1000, 0xffffffffull,
		0x100000000ull, 0x100000001ull, 0xffffffffffffffffull,
		0xffffff9cull, 0xffffffffffffff9cull, 0x7fffffffffffffffull,
	};
	struct policy *p = load(text);
	struct jail_bpf b = { 0 };
	size_t bad = 0, checked = 0, traced = 0, j, v;
	int abi;

	if (!p || compile(p, flags, &b) < 0) {
		T_OK(0, "%s: compiles", what);
		goto out;
	}
	for (abi = 0; abi < ABI_COUNT; abi++) {
		unsigned k;

		for (k = 0; k < KEY_NR_MAX; k++) {
			const struct fs_access *fa =
				policy_fs_access(abi, (long)k);

			if (!policy_names_key(p, abi, k) &&
			    !(p->has_fs && fa &&
			      fs_possible_rights(fa) == POLICY_FS_STAT))
				continue;
			for (j = 0; j < 6; j++)
				for (v = 0; v < ARRAY_SIZE(vals) *
					    ARRAY_SIZE(vals); v++) {
					struct seccomp_data d = {
						.nr = (int)k,
						.arch = abi_audit_arch(abi),
					};
					struct policy_decision dec;
					struct policy_facts f[3];
					uint32_t ret, want;
					uint64_t args[6] = { 0 };
					size_t nf, x;

					args[j] = vals[v % ARRAY_SIZE(vals)];
					args[(j + 1) % 6] =
						vals[v / ARRAY_SIZE(vals)];
					if (abi == ABI_I386) {
						args[j] &= 0xffffffff;
						args[(j + 1) % 6] &= 0xffffffff;
					}
					memcpy(d.args, args, sizeof(args));
					bpf_sim(b.insns, b.len, &d, &ret);
					checked++;
					if (ret == TRACE) {
						traced++;
						continue;
					}
					nf = stat_facts(abi, k, args, f);
					for (x = 0; x < (nf ? nf : 1); x++) {
						policy_eval_syscall(p, abi, k,
							args, nf ? &f[x] : NULL,
							&dec);
						want = kernel_action(dec.action,
								     dec.err,
								     flags);
						if (ret != want && bad++ < 5)
							printf("# %s %s args "
							       "%d=%#llx "
							       "facts %zu: "
							       "kernel %#x, "
							       "eval %#x\n",
							       abi_name(abi),
							       key_name(abi, k),
							       (int)j,
							       (unsigned long long)
								       args[j],
							       x, ret, want);
					}
				}
		}
	}
	T_OK(bad == 0 && checked > 0,
	     "%s: kernel agrees with eval (%zu checked, %zu traced, %zu "
	     "differ)", what, checked, traced, bad);
out:
	bpf_free(&b);
	policy_free(p);
}

static void differential(const char *what, const char *text)
{
	differential_flags(what, text, 0);
}

static void test_differential(void)
{
	static const char stat_policy[] =
		"default deny(ENOSYS)\n"
		"allow fs.stat /**\n"
		"deny(EACCES) fs.read /secret/**\n"
		"allow fs.read /usr/**\n"
		"deny(EACCES) readlink\n"
		"log statfs\n"
		"allow newfstatat if flags == AT_SYMLINK_NOFOLLOW\n"
		"allow access if mode == 0\n"
		"deny(ENOENT) faccessat if mode == 1\n"
		"deny(EACCES) statx if flags & AT_EMPTY_PATH == 0\n"
		"allow readlinkat\n"
		"kill lstat\n"
		"deny(ENOENT) stat64 if arg0 == 1\n"
		"deny(ENOENT) stat64 if arg0 == 2\n"
		"allow mmap\n"
		"allow kill if sig == 0\n";

	differential("conditions",
		     "default deny\n"
		     "allow socket if domain == AF_UNIX\n"
		     "allow fcntl if cmd == F_GETFL\n"
		     "allow fcntl if cmd == F_SETFL\n"
		     "allow lseek if offset > 0x100000000\n"
		     "allow lseek if whence == 2\n"
		     "allow mremap if new_size < 4096\n"
		     "deny(ENOMEM) mremap\n"
		     "allow mmap if prot & PROT_EXEC == 0 and flags & "
		     "MAP_SHARED == 0\n"
		     "allow mprotect if prot & PROT_EXEC != PROT_EXEC\n"
		     "allow openat if dirfd == AT_FDCWD\n"
		     "allow read if fd <= 2\n"
		     "allow write if count >= 0x100000000\n"
		     "deny(EBADF) close if fd != 1\n"
		     "allow close\n"
		     "allow dup2 if oldfd == 1 and newfd == 2\n");
	differential("default allow",
		     "default allow\n"
		     "deny(EACCES) socket if domain == AF_INET\n"
		     "deny(EPERM) ptrace\n"
		     "deny(EACCES) dup2 if oldfd == 1\n"
		     "deny(EACCES) dup2 if newfd == 2\n"
		     "allow kill if sig == 0\n"
		     "deny(EPERM) kill if pid == 1\n"
		     "deny(EPERM) lseek if offset < 0x100000000\n");
	differential("stat in the kernel", stat_policy);
	differential_flags("stat in the kernel, denials traced (-o)",
			   stat_policy, POLICY_COMPILE_TRACE_DENIALS);
	differential("stat in the kernel, default allow",
		     "default allow\n"
		     "allow fs.read /**\n"
		     "deny(EPERM) fs.write /**\n"
		     "deny(EACCES) statx if flags & AT_EMPTY_PATH == "
		     "AT_EMPTY_PATH\n"
		     "deny(ENOENT) newfstatat if dirfd == 3\n");
	differential("stat in the tracer",
		     "default deny\n"
		     "deny fs.stat /secret/**\n"
		     "allow fs.stat /**\n"
		     "allow readlink newfstatat\n");
}

/* --- the real kernel --- */

static int child_status(const struct jail_bpf *b, void (*body)(void))
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0) {
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
		    bpf_load(b) < 0)
			_exit(99);
		body();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return st;
}

/* Each body exits with a code the test checks: 0 for what it expects. */
static void body_errno(void)
{
	char buf[64];
	long r = syscall(SYS_getcwd, buf, sizeof(buf));

	_exit(r == -1 && errno == EACCES ? 0 : 1);
}

static void body_cond(void)
{
	int a = socket(AF_UNIX, SOCK_STREAM, 0);
	int b = socket(AF_INET, SOCK_STREAM, 0);

	_exit(a >= 0 && b == -1 && errno == EPERM ? 0 : 1);
}

static void body_kill(void)
{
	syscall(SYS_getppid);
	_exit(1);
}

static void body_notracer(void)
{
	long r = syscall(SYS_getppid);

	/* SECCOMP_RET_TRACE without a tracer: the call fails, ENOSYS */
	_exit(r == -1 && errno == ENOSYS ? 0 : 1);
}

static void body_i386(void)
{
	long r;

	/* int 0x80 from a 64-bit process is the i386 ABI: getpid is 20 */
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
	_exit(r == -EACCES ? 0 : 1);
}

/* Can this kernel run i386 code at all? A child makes getpid through
 * int $0x80 with no filter. A kernel without IA32 emulation, or on a
 * hypervisor without 32-bit compat mode, kills it with SIGSEGV: there is
 * no i386 ABI to filter. Anything else runs the check. */
static int kernel_runs_i386(void)
{
	int st = 0;
	pid_t pid = fork();

	if (pid == 0) {
		long r;

		signal(SIGSEGV, SIG_DFL);	/* die of it, not ASan's exit */
		__asm__ volatile("int $0x80"
				 : "=a"(r)
				 : "a"(20L)
				 : "r8", "r9", "r10", "r11", "memory");
		_exit(r == getpid() ? 0 : 1);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return 1;
	return !(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
}

static void body_x32(void)
{
	syscall(0x40000000 | SYS_getpid);
	_exit(1);
}

static void kernel_case(const char *what, const char *text, unsigned flags,
			void (*body)(void), int want_sig)
{
	struct policy *p = load(text);
	struct jail_bpf b = { 0 };
	int st;

	if (!p || compile(p, flags, &b) < 0) {
		T_OK(0, "%s: compiles", what);
		goto out;
	}
	st = child_status(&b, body);
	if (want_sig)
		T_OK(WIFSIGNALED(st) && WTERMSIG(st) == want_sig,
		     "kernel: %s (status %#x)", what, st);
	else
		T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		     "kernel: %s (status %#x)", what, st);
out:
	bpf_free(&b);
	policy_free(p);
}

static void test_kernel(void)
{
	kernel_case("deny(EACCES) getcwd fails with EACCES",
		    "default allow\ndeny(EACCES) getcwd\n", 0, body_errno, 0);
	kernel_case("deny socket if domain == AF_INET",
		    "default allow\ndeny socket if domain == AF_INET\n", 0,
		    body_cond, 0);
	kernel_case("kill in the kernel: SIGSYS",
		    "default allow\nkill getppid\n",
		    POLICY_COMPILE_KILL_IN_KERNEL, body_kill, SIGSYS);
	kernel_case("kill sent to the tracer fails closed without one",
		    "default allow\nkill getppid\n", 0, body_notracer, 0);
	if (kernel_runs_i386())
		kernel_case("i386 ABI (int 0x80) is filtered too",
			    "default allow\ndeny(EACCES) getpid\n", 0,
			    body_i386, 0);
	else
		T_SKIP("kernel: i386 ABI (int 0x80) is filtered too: this "
		       "kernel cannot run i386 code");
	kernel_case("x32 syscall numbers are killed",
		    "default allow\n", 0, body_x32, SIGSYS);
}

static void test_examples(void)
{
	static const char *const names[] = {
		"python-no-net", "build", "shell-readonly", "server-localhost",
	};
	static const struct policy_var v[] = {
		{ "CWD", "/work/proj" }, { "HOME", "/home/u" },
		{ "TMPDIR", "/tmp" }, { "BUILD", "/work/proj/build" },
	};
	const struct policy_vars vars = { v, 4 };
	char path[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct strbuf err = STRBUF_INIT;
		struct jail_bpf b = { 0 };
		struct policy *p = NULL;
		int rc;

		snprintf(path, sizeof(path), "examples/policies/%s.conf",
			 names[i]);
		rc = policy_load(path, &vars, &p, &err);
		if (rc == 0)
			rc = policy_compile(p, 0, &b, &err);
		T_OK(rc == 0 && b.len > 0 && b.len < BPF_MAXINSNS,
		     "%s compiles (%zu instructions) %s", path, b.len,
		     sb_str(&err));
		bpf_free(&b);
		policy_free(p);
		sb_free(&err);
	}
}

static void test_sizes(void)
{
	struct policy *p = load("default deny\nallow @known\n");
	struct jail_bpf b = { 0 };

	T_OK(p && compile(p, 0, &b) == 0 && b.len < BPF_MAXINSNS,
	     "allow @known fits (%zu instructions)", b.len);
	bpf_free(&b);
	policy_free(p);
}

static void test_check(void)
{
	struct policy *p = load("default deny\n"
				"allow read write\n"
				"allow read if fd == 0\n"
				"allow socket if domain == AF_UNIX\n"
				"allow fs.read /usr/**\n"
				"allow mount\n"
				"deny signal SIGUSR1\n"
				"log signal SIGUSR1\n"
				"allow-unsafe ptrace\n"
				"allow getpid read\n");
	struct strbuf out = STRBUF_INIT;
	const char *s;
	int nw;

	if (!p)
		return;
	nw = policy_check(p, 0, &out);
	s = sb_str(&out);
	T_OK(nw == 5, "check: 5 warnings (%d)", nw);
	T_OK(strstr(s, "x86_64 (filter default: deny(EPERM)):\n"
		       "  kernel: allow (c.conf:2)\n    read write\n") != NULL,
	     "check: kernel decisions, grouped");
	T_OK(strstr(s, "  tracer: fs.* rules check its paths (c.conf:5)\n"
		       "    open stat lstat") != NULL,
	     "check: syscalls sent to the tracer, and why");
	T_OK(strstr(s, "  kernel: allow if arg0 & 0xffffffff == 0x1 "
		       "(c.conf:4); else deny(EPERM) (default)\n    socket\n"),
	     "check: conditions as the kernel tests them");
	T_OK(strstr(s, "  tracer: i386 socketcall(2) family with conditions "
		       "(c.conf:4)\n") != NULL,
	     "check: the i386 socketcall family");
	T_OK(strstr(s, "  SIGUSR1                deny (c.conf:7)\n") != NULL,
	     "check: signals");
	T_OK(strstr(s, "c.conf:3: warning: rule is shadowed: every syscall it "
		       "names is decided earlier (first by c.conf:2)\n"),
	     "check: a shadowed rule");
	T_OK(strstr(s, "c.conf:10: warning: read is already decided by "
		       "c.conf:2\n"), "check: a shadowed name");
	T_OK(strstr(s, "c.conf:8: warning: every signal of this rule is "
		       "decided earlier"), "check: a shadowed signal rule");
	T_OK(strstr(s, "c.conf:6: warning: this rule lets through mount, which "
		       "takes paths that fs.* rules do not check\n"),
	     "check: a path-taking syscall the fs rules cannot see");
	T_OK(strstr(s, "c.conf:9: warning: allow-unsafe ptrace loosens jail's "
		       "baseline\n"), "check: baseline loosened");
	T_OK(strstr(s, "libseccomp pseudo-code, x86_64:\n#\n# pseudo filter "
		       "code start\n") && strstr(s, "libseccomp pseudo-code, "
						    "i386:\n"),
	     "check: libseccomp's pseudo-code for both ABIs");
	if (nw != 5)
		printf("%s", s);
	sb_free(&out);
	policy_free(p);
}

/* POLICY_COMPILE_FAST_OPENS: only openat2 whose path and how both lie in
 * the scratch area's fast half, with a 24-byte how, skips the tracer; a
 * how cut short (no RESOLVE_NO_SYMLINKS), a pointer anywhere else, the
 * other half, an upper word set, or i386 still go to it. */
static void test_fast_opens(void)
{
	static const char text[] = "default allow\nallow fs.read /usr/**\n";
	const uint64_t f = SCRATCH_FAST, e = SCRATCH_END;
	const uint64_t pg = FAST_REC_SIZE;
	const struct tcase c[] = {
		{ X64, "openat2", 0, { 0, f + 24, f, 24 }, ALLOW },
		{ X64, "openat2", 0, { 5, e - pg + 24, e - pg, 24 }, ALLOW },
		{ X64, "openat2", 0, { 0, f + 7 * pg + 24, f + 7 * pg, 24 },
		  ALLOW },
		/* a how cut short: no RESOLVE_NO_SYMLINKS */
		{ X64, "openat2", 0, { 0, f + 24, f, 8 }, TRACE },
		{ X64, "openat2", 0, { 0, f + 24, f, 24 | 1ull << 32 }, TRACE },
		{ X64, "openat2", 0, { 0, f + 24, f, 32 }, TRACE },
		/* the path elsewhere, or inside another path */
		{ X64, "openat2", 0, { 0, 0x7fff0000, f, 24 }, TRACE },
		{ X64, "openat2", 0, { 0, f + 30, f, 24 }, TRACE },
		{ X64, "openat2", 0, { 0, f + pg + 24, f, 24 }, TRACE },
		{ X64, "openat2", 0, { 0, f + 24 + (1ull << 32), f, 24 }, TRACE },
		/* the how elsewhere, or not at a record's start */
		{ X64, "openat2", 0, { 0, f + 24, 0x7fff0000, 24 }, TRACE },
		{ X64, "openat2", 0, { 0, f + 32, f + 8, 24 }, TRACE },
		{ X64, "openat2", 0, { 0, f - pg + 24, f - pg, 24 }, TRACE },
		{ X64, "openat2", 0, { 0, 24 + SCRATCH_ADDR, SCRATCH_ADDR, 24 },
		  TRACE },
		{ X64, "openat2", 0, { 0, e + 24, e, 24 }, TRACE },
		{ X64, "openat2", 0, { 0, f + 24, f + (1ull << 40), 24 }, TRACE },
		{ X64, "openat", 0, { 0, f + 24, f, 24 }, TRACE },
		{ X64, "getpid", 0, { 0 }, ALLOW },
		{ X64, NULL, 0x40000000 | 437, { 0, f + 24, f, 24 }, KILL },
		{ I386, "openat2", 0, { 0, f + 24, f, 24 }, TRACE },
	};
	const struct tcase off[] = {
		{ X64, "openat2", 0, { 0, f + 24, f, 24 }, TRACE },
	};

	check_table("fast opens", text, POLICY_COMPILE_FAST_OPENS, c,
		    ARRAY_SIZE(c));
	check_table("fast opens off", text, 0, off, ARRAY_SIZE(off));
}

/* --check says where the metadata calls are decided, and why. */
static void check_stat_report(void)
{
	struct policy *p = load("default deny(ENOSYS)\n"
				"allow fs.stat /**\n"
				"deny(EACCES) readlink\n"
				"allow fs.read /usr/**\n");
	struct policy *chr = load("default allow\ncaps keep CAP_SYS_CHROOT\n"
				  "allow fs.stat /**\n");
	struct strbuf out = STRBUF_INIT;
	const char *s;

	if (!p || !chr)
		goto out;
	policy_check(p, 0, &out);
	s = sb_str(&out);
	T_OK(strstr(s, "  kernel: allow (c.conf:2) [needs only the stat "
		       "right: c.conf:2 allows every path]\n    stat lstat "
		       "access statfs") != NULL,
	     "check: metadata calls allowed in the kernel, with the rule");
	T_OK(strstr(s, "  kernel: deny(EACCES) (c.conf:3) [needs only the "
		       "stat right: c.conf:2 allows every path]\n    "
		       "readlink\n"),
	     "check: a syscall rule decides one in the kernel");
	T_OK(strstr(s, "  kernel: tracer if arg3 & 0x1000 == 0x1000 (c.conf:2); "
		       "allow if arg3 & 0x1000 == 0 (c.conf:2)") != NULL,
	     "check: AT_EMPTY_PATH goes to the tracer");
	sb_reset(&out);
	policy_check(chr, 0, &out);
	T_OK(strstr(sb_str(&out), "  tracer: fs.* rules check its paths (the "
				  "program may change its root: they are "
				  "checked in its view) (c.conf:3)\n") != NULL,
	     "check: a program that may chroot keeps them in the tracer");
out:
	sb_free(&out);
	policy_free(p);
	policy_free(chr);
}

/* Calls that need only the stat right stay in the kernel when the first
 * fs.* rule deciding stat allows every path: a syscall rule then decides
 * them, else they are allowed. The others still go to the tracer. */
static void test_stat(void)
{
	const uint64_t cwd = (uint64_t)(int64_t)AT_FDCWD;
	const uint64_t empty = 0x1000;	/* AT_EMPTY_PATH */
	const struct tcase in_kernel[] = {
		{ X64, "readlink", 0, { 0x1000, 0x2000, 4096 }, ALLOW },
		{ X64, "readlinkat", 0, { cwd, 0x1000, 0x2000, 4096 }, ALLOW },
		{ X64, "newfstatat", 0, { cwd, 0x1000, 0x2000, 0 }, ALLOW },
		{ X64, "newfstatat", 0, { cwd, 0x1000, 0x2000, 0x100 }, ALLOW },
		{ X64, "access", 0, { 0x1000, 4 }, ALLOW },
		{ X64, "faccessat2", 0, { cwd, 0x1000, 4, 0 }, ALLOW },
		{ X64, "stat", 0, { 0x1000, 0x2000 }, ALLOW },
		{ X64, "lstat", 0, { 0x1000, 0x2000 }, ALLOW },
		{ X64, "statx", 0, { cwd, 0x1000, 0, 0x7ff }, ALLOW },
		{ X64, "statfs", 0, { 0x1000, 0x2000 }, ALLOW },
		/* fstat(fd): no path, so no requirement, and no syscall
		 * rule: the default decides, in the tracer */
		{ X64, "newfstatat", 0, { 3, 0x1000, 0x2000, empty }, TRACE },
		{ X64, "statx", 0, { 3, 0x1000, empty, 0x7ff }, TRACE },
		/* reading, writing, exec, chdir: still checked */
		{ X64, "openat", 0, { cwd, 0x1000, 0 }, TRACE },
		{ X64, "unlink", 0, { 0x1000 }, TRACE },
		{ X64, "execve", 0, { 0x1000 }, TRACE },
		{ X64, "chdir", 0, { 0x1000 }, TRACE },
		{ X64, "getxattr", 0, { 0x1000 }, TRACE },
		{ X64, "getpid", 0, { 0 }, ERRNO(ENOSYS) },
		{ I386, "stat64", 0, { 0x1000, 0x2000 }, ALLOW },
		{ I386, "oldstat", 0, { 0x1000, 0x2000 }, ALLOW },
		{ I386, "fstatat64", 0, { cwd, 0x1000, 0x2000, 0 }, ALLOW },
		{ I386, "statfs64", 0, { 0x1000, 84, 0x2000 }, ALLOW },
		{ I386, "readlink", 0, { 0x1000, 0x2000, 4096 }, ALLOW },
		{ I386, "openat", 0, { cwd, 0x1000, 0 }, TRACE },
	};
	/* glibc's fstat: newfstatat(fd, "", AT_EMPTY_PATH); allowed by a
	 * syscall rule it is allowed either way */
	const struct tcase named[] = {
		{ X64, "newfstatat", 0, { 3, 0x1000, 0x2000, empty }, ALLOW },
		{ X64, "newfstatat", 0, { cwd, 0x1000, 0x2000, 0 }, ALLOW },
		{ X64, "readlink", 0, { 0x1000, 0x2000, 4096 }, ERRNO(EACCES) },
		{ X64, "readlinkat", 0, { cwd, 0x1000, 0x2000, 4096 }, ALLOW },
		{ X64, "access", 0, { 0x1000, 4 }, ERRNO(ENOENT) },
		{ X64, "faccessat", 0, { cwd, 0x1000, 4 }, ALLOW },
		/* log needs the tracer */
		{ X64, "statfs", 0, { 0x1000, 0x2000 }, TRACE },
		{ I386, "readlink", 0, { 0x1000, 0x2000, 4096 }, ERRNO(EACCES) },
		{ X64, "openat", 0, { cwd, 0x1000, 0 }, TRACE },
	};
	const struct tcase default_allow[] = {
		{ X64, "newfstatat", 0, { 3, 0x1000, 0x2000, empty }, ALLOW },
		{ X64, "readlink", 0, { 0x1000, 0x2000, 4096 }, ALLOW },
		{ X64, "openat", 0, { cwd, 0x1000, 0 }, TRACE },
	};
	/* a narrower rule first: each path must be looked at */
	const struct tcase narrow[] = {
		{ X64, "readlink", 0, { 0x1000, 0x2000, 4096 }, TRACE },
		{ X64, "newfstatat", 0, { cwd, 0x1000, 0x2000, 0 }, TRACE },
		{ X64, "access", 0, { 0x1000, 4 }, TRACE },
		{ I386, "stat64", 0, { 0x1000, 0x2000 }, TRACE },
	};
	const struct tcase traced[] = {
		{ X64, "readlink", 0, { 0x1000, 0x2000, 4096 }, TRACE },
		{ X64, "newfstatat", 0, { cwd, 0x1000, 0x2000, 0 }, TRACE },
	};

	check_table("stat allowed", "default deny(ENOSYS)\n"
		    "allow fs.stat /**\nallow fs.read /usr/**\n", 0,
		    in_kernel, ARRAY_SIZE(in_kernel));
	check_table("stat allowed, syscall rules",
		    "default deny(ENOSYS)\nallow fs.read /**\n"
		    "allow newfstatat faccessat readlinkat\n"
		    "deny(EACCES) readlink\ndeny(ENOENT) access\nlog statfs\n",
		    0, named, ARRAY_SIZE(named));
	check_table("stat allowed, default allow",
		    "default allow\nallow fs.write /tmp/**\nallow fs.stat /**\n",
		    0, default_allow, ARRAY_SIZE(default_allow));
	check_table("stat: a narrower rule first", "default deny(ENOSYS)\n"
		    "deny fs.stat /secret/**\nallow fs.stat /**\n"
		    "allow fs.read /usr/**\n", 0, narrow, ARRAY_SIZE(narrow));
	check_table("stat: a narrower fs.read first", "default allow\n"
		    "deny(EACCES) fs.read /secret/**\nallow fs.stat /**\n",
		    0, traced, ARRAY_SIZE(traced));
	check_table("stat: a narrower allow only", "default allow\n"
		    "allow fs.stat /usr/**\n", 0, traced, ARRAY_SIZE(traced));
	check_table("stat: log of every path", "default allow\n"
		    "log fs.stat /**\n", 0, traced, ARRAY_SIZE(traced));
	check_table("stat: the program may chroot", "default allow\n"
		    "caps keep CAP_SYS_CHROOT\nallow fs.read /**\n", 0,
		    traced, ARRAY_SIZE(traced));
	check_table("stat: the program may make a user namespace",
		    "default allow\nallow-unsafe userns\nallow fs.stat /**\n",
		    0, traced, ARRAY_SIZE(traced));
	check_stat_report();
}

/* The descriptor calls jail's path calls are run through (chdir as
 * fchdir...) reach the tracer under fs.* rules unless simply allowed. */
static void test_twins(void)
{
	static const struct tcase deny[] = {
		{ X64, "fchdir", 0, { 3 }, TRACE },
		{ X64, "fstatfs", 0, { 3 }, TRACE },
		{ X64, "ftruncate", 0, { 3 }, TRACE },
		{ X64, "close", 0, { 3 }, ALLOW },
		{ I386, "fstatfs64", 0, { 3 }, TRACE },
		{ X64, "getpid", 0, { 0 }, ERRNO(ENOSYS) },
	};
	static const struct tcase allow[] = {
		{ X64, "fchdir", 0, { 3 }, ALLOW },
		{ X64, "fstatfs", 0, { 3 }, ALLOW },
	};
	static const struct tcase nofs[] = {
		{ X64, "fchdir", 0, { 3 }, ERRNO(ENOSYS) },
	};
	/* under allow fs.stat, the stat family's twins are decided in the
	 * kernel; a stat call the tracer still runs (log readlink) must
	 * not find its twin refused there */
	const uint64_t cwd = (uint64_t)(int64_t)AT_FDCWD;
	const struct tcase stat_twins[] = {
		{ X64, "readlink", 0, { 0x1000, 0x2000, 64 }, TRACE },
		{ X64, "readlinkat", 0, { 3, 0x1000, 0x2000, 64 }, TRACE },
		{ X64, "newfstatat", 0, { 3, 0x1000, 0x2000, 0x100 }, TRACE },
		{ I386, "fstatat64", 0, { 3, 0x1000, 0x2000, 0x100 }, TRACE },
		{ X64, "statx", 0, { cwd, 0x1000, 0x100, 0x7ff }, ALLOW },
		{ X64, "faccessat2", 0, { 3, 0x1000, 4, 0x100 }, ALLOW },
		{ X64, "faccessat2", 0, { 3, 0x1000, 4, 0x1000 }, TRACE },
		{ X64, "access", 0, { 0x1000, 4 }, ALLOW },
	};

	check_table("twins, fs rules", "default deny(ENOSYS)\nallow close\n"
		    "allow fs.read /**\n", 0, deny, ARRAY_SIZE(deny));
	check_table("twins allowed", "default deny(ENOSYS)\nallow fchdir "
		    "fstatfs\nallow fs.read /**\n", 0, allow,
		    ARRAY_SIZE(allow));
	check_table("twins, no fs rules", "default deny(ENOSYS)\n", 0, nofs,
		    ARRAY_SIZE(nofs));
	check_table("stat twins", "default deny(ENOSYS)\nallow fs.stat /**\n"
		    "log readlink\ndeny(EACCES) readlinkat newfstatat\n"
		    "deny(EACCES) fstatat64\nallow statx\n", 0, stat_twins,
		    ARRAY_SIZE(stat_twins));
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_basic();
	test_flags();
	test_conditions();
	test_order();
	test_resources();
	test_mux();
	test_fast_opens();
	test_twins();
	test_stat();
	test_differential();
	test_sizes();
	test_examples();
	test_check();
	test_kernel();
	return T_DONE();
}

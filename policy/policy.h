/* policy: jail's policy language, its compiler to seccomp-BPF and the
 * tracer-side evaluator.
 *
 * The pipeline, one stage per file, each with its own small interface in
 * policy_int.h:
 *
 *	lex.c      text -> statements of tokens (line:col kept)
 *	parse.c    statements -> rules, includes followed (the loader)
 *	resolve.c  names -> syscall sets per ABI, argument names -> indices,
 *	           constants -> numbers, ${VARS} -> absolute patterns
 *	compile.c  lower: per ABI and syscall, "kernel" or "tracer";
 *	           emit: libseccomp contexts -> one BPF program
 *	eval.c     the same rules, evaluated by the tracer (pure)
 *	check.c    the --check report
 *
 * Semantics (docs/policy.md is the user's reference): rules are tried top
 * to bottom and the first that matches decides; syscalls no rule matches
 * get the default action. fs.* and net.* rules decide per requirement (a
 * path with the right it needs, a socket address); the call gets the most
 * severe of its requirements' decisions.
 *
 * Ownership: a struct policy owns everything reachable from it; pointers
 * it returns (origins, names) live until policy_free().
 */
#ifndef JAIL_POLICY_H
#define JAIL_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy/bpf.h"
#include "tracer/strbuf.h"
#include "tracer/systab.h"

struct policy;

/* In order of severity: when several requirements of one call are decided
 * differently, the call gets the highest (the kernel's own precedence). */
enum policy_action {
	POLICY_ALLOW,
	POLICY_LOG,	/* allow, and write an audit record */
	POLICY_DENY,	/* fail with .err (EPERM unless given) */
	POLICY_TRAP,	/* stop the thread and open the debugger */
	POLICY_KILL,	/* kill the whole jailed tree */
};

const char *policy_action_name(enum policy_action a);	/* "allow", ... */

/* Variables for ${NAME} in patterns. CWD, HOME and TMPDIR default to the
 * caller's getcwd(), $HOME and $TMPDIR (or /tmp) when the table does not
 * give them; every other name must be in the table (-D NAME=VALUE). */
struct policy_var {
	const char *name;
	const char *value;
};

struct policy_vars {
	const struct policy_var *v;
	size_t n;
};

/* Load a policy file and the files it includes. On error returns -EINVAL
 * (a mistake in the policy) or another -errno, and appends one line to err:
 * "file:line:col: message". *out is set only on success; free it with
 * policy_free. vars may be NULL. */
int policy_load(const char *path, const struct policy_vars *vars,
		struct policy **out, struct strbuf *err);
/* The same from a string; name is used in messages and origins, and
 * includes are relative to its directory ("." if it has none). */
int policy_load_string(const char *name, const char *text,
		       const struct policy_vars *vars, struct policy **out,
		       struct strbuf *err);
void policy_free(struct policy *p);

/* --- accessors --- */

/* The default action for syscalls, and its errno for POLICY_DENY. */
enum policy_action policy_default_action(const struct policy *p, int *err);
/* Capabilities to keep (CAP_* numbers, no duplicates), n in *n. The array
 * is owned by the policy. */
const int *policy_caps_keep(const struct policy *p, size_t *n);

/* Baseline-loosening switches set by "allow-unsafe NAME". The lead's
 * hardening baseline reads them; the names are in docs/policy.md. */
enum {
	POLICY_UNSAFE_IO_URING = 1u << 0,	/* io_uring_* */
	POLICY_UNSAFE_PTRACE = 1u << 1,		/* ptrace, process_vm_* */
	POLICY_UNSAFE_USERNS = 1u << 2,		/* unshare/clone user ns */
	POLICY_UNSAFE_BPF = 1u << 3,		/* bpf(2) */
	POLICY_UNSAFE_PERF = 1u << 4,		/* perf_event_open */
	POLICY_UNSAFE_KEYRING = 1u << 5,	/* add_key, keyctl, ... */
};
unsigned policy_unsafe_flags(const struct policy *p);
/* The name of one POLICY_UNSAFE_* bit, or NULL. */
const char *policy_unsafe_name(unsigned bit);

/* Whether the policy has fs.* (net.*) rules at all: the tracer need not
 * resolve paths (addresses) when it has none. */
bool policy_has_fs_rules(const struct policy *p);
/* Whether any rule (or the default) traps: the debugger may open. */
bool policy_has_trap(const struct policy *p);
bool policy_has_net_rules(const struct policy *p);
/* Whether the jailed program may change its root or see another mount
 * tree (a kept CAP_SYS_CHROOT or CAP_SYS_ADMIN, allow-unsafe userns):
 * then its paths are only meaningful in the tracer, which checks them in
 * jail's view and hands them back in the program's. */
bool policy_may_change_root(const struct policy *p);

/* --- compilation --- */

enum {
	/* Send denials (rules and the default) to the tracer instead of
	 * failing them in the kernel, so each one is audited with its tip. */
	POLICY_COMPILE_TRACE_DENIALS = 1u << 0,
	/* Kill in the kernel (SECCOMP_RET_KILL_PROCESS) instead of in the
	 * tracer. Faster, but only the calling process dies and jail cannot
	 * say which rule killed it; the default sends kills to the tracer. */
	POLICY_COMPILE_KILL_IN_KERNEL = 1u << 1,
	/* x86_64 openat2(any, path, how, 24) with path and how both in the
	 * scratch area's fast half is allowed in the kernel: jail writes
	 * only checked read-only opens there, with RESOLVE_NO_SYMLINKS, and
	 * the program cannot write there (jail/scratch.h). */
	POLICY_COMPILE_FAST_OPENS = 1u << 2,
};

/* Build the seccomp filter: one program for both ABIs (x86_64 and i386);
 * any other architecture, and x32 syscall numbers, kill the process.
 * What the kernel cannot decide exactly as policy_eval_syscall would is
 * sent to the tracer (SECCOMP_RET_TRACE). 0 or -errno with a line in
 * err. out->insns is owned by the caller (bpf_free). */
int policy_compile(const struct policy *p, unsigned flags,
		   struct jail_bpf *out, struct strbuf *err);

/* The --check report: per syscall where it is decided (kernel or tracer)
 * and by which rules, the warnings, and libseccomp's pseudo-code.
 * Returns the number of warnings, or -errno. */
int policy_check(const struct policy *p, unsigned flags, struct strbuf *out);

/* `jail --list-groups`: every @group with its description and contents. */
void policy_list_groups(struct strbuf *out);

/* --- evaluation (tracer side; pure: no system calls) --- */

/* The rights a path requirement needs. STAT is reading what a name is
 * (its type, size, owner, mode, link target, access bits), not what it
 * holds: stat, access, readlink and their kin need it instead of READ. A
 * fs.read rule decides STAT requirements too; a fs.stat rule only them. */
enum {
	POLICY_FS_READ = 1u << 0,
	POLICY_FS_WRITE = 1u << 1,
	POLICY_FS_EXEC = 1u << 2,
	POLICY_FS_STAT = 1u << 3,
};

/* A decoded socket address (from connect, bind, sendto, sendmsg). */
struct policy_sockaddr {
	int family;		/* AF_INET, AF_INET6, AF_UNIX, or other */
	uint8_t addr[16];	/* AF_INET: first 4 bytes; network order */
	uint16_t port;		/* host order */
	/* AF_UNIX: exactly one of path (resolved absolute path of a
	 * pathname socket), abstract (name without the leading NUL,
	 * abstract_len bytes) or neither (unnamed/autobind). */
	const char *unix_path;
	const char *abstract;
	size_t abstract_len;
};

/* A path the call touches, resolved by the tracer: absolute, no "." or
 * ".." components, no trailing slash, symlinks resolved as the call
 * would resolve them. rights: POLICY_FS_* from policy_fs_rights(). */
struct policy_path {
	const char *path;
	unsigned rights;
};

/* What the tracer found out about a call. Fields the call does not have
 * are left zero. A path-taking call on an object that has no path (an fd
 * of a pipe, socket, anonymous inode or memfd, reached with AT_EMPTY_PATH
 * or through mmap) gives no policy_path: fs.* rules have nothing to say
 * about it. Likewise an mmap without PROT_EXEC (policy_fs_rights() says
 * 0). */
struct policy_facts {
	struct policy_path paths[2];
	size_t npaths;
	const struct policy_sockaddr *addrs;	/* sendmmsg: several */
	size_t naddrs;
	/* i386 socketcall(2) and ipc(2): socketcall's arguments read from
	 * tracee memory (6 x u32 at args[1], zero-extended). ipc(2) needs
	 * none: its arguments are in registers. */
	bool have_mux_args;
	uint64_t mux_args[6];
};

enum { POLICY_TIP_MAX = 4200 };

struct policy_decision {
	enum policy_action action;
	int err;		/* POLICY_DENY: the errno to return */
	const char *origin;	/* "file:line" of the rule, NULL: default */
	/* For deny, kill and trap: the smallest rule that would have allowed
	 * the call ("allow openat", "allow fs.read /etc/shadow"); "" else. */
	char tip[POLICY_TIP_MAX];
};

/* Decide a syscall. Returns 0, or -EINVAL when abi is unknown (the
 * decision is then kill: fail closed). */
int policy_eval_syscall(const struct policy *p, enum sc_abi abi, long nr,
			const uint64_t args[6], const struct policy_facts *f,
			struct policy_decision *d);
/* Decide a signal about to be delivered. The default is allow. */
int policy_eval_signal(const struct policy *p, int sig,
		       struct policy_decision *d);

/* --- which syscalls take paths and addresses (for the tracer) --- */

/* Where a path argument's object comes from. */
enum fs_src {
	FS_SRC_PATH,	/* a path string at .path_arg, relative to .dirfd_arg */
	FS_SRC_FD,	/* the open file .fd_arg refers to (mmap) */
	FS_SRC_ADDR,	/* the file mapped at address .fd_arg (mprotect) */
};

/* Where the flags that decide rights and symlink following come from. */
enum fs_flags_src {
	FS_FLAGS_NONE,
	FS_FLAGS_ARG,		/* args[flags_arg] */
	FS_FLAGS_OPEN_HOW,	/* struct open_how at args[flags_arg]: .flags */
};

struct fs_path_spec {
	uint8_t src;		/* enum fs_src */
	int8_t path_arg;	/* FS_SRC_PATH: the path pointer */
	int8_t dirfd_arg;	/* its dirfd, -1: relative to the cwd */
	int8_t fd_arg;		/* FS_SRC_FD: the fd; FS_SRC_ADDR: address */
	bool follow;		/* final symlink followed by default */
	uint64_t follow_flip;	/* flag that inverts .follow (AT_SYMLINK_
				 * NOFOLLOW, O_NOFOLLOW, AT_SYMLINK_FOLLOW) */
	uint64_t empty_flag;	/* AT_EMPTY_PATH: "" means dirfd itself */
	bool null_is_dirfd;	/* utimensat: a NULL path means dirfd */
	bool creates;		/* the last component may not exist yet */
	uint64_t creates_if;	/* nonzero: only when flags has it (O_CREAT) */
};

struct fs_access {
	const char *name;
	uint8_t npaths;
	uint8_t flags_src;	/* enum fs_flags_src */
	int8_t flags_arg;
	uint8_t rights_kind;	/* internal: how rights follow from flags */
	uint8_t rights;		/* internal: fixed rights */
	struct fs_path_spec path[2];
};

/* The path arguments of syscall nr, or NULL when it takes none. */
const struct fs_access *policy_fs_access(enum sc_abi abi, long nr);
/* The flags value when flags_src is FS_FLAGS_ARG (0 for NONE). For
 * FS_FLAGS_OPEN_HOW the tracer reads struct open_how itself. */
uint64_t policy_fs_flags(const struct fs_access *fa, const uint64_t args[6]);
/* POLICY_FS_* rights path `which` needs; 0 when this call touches no
 * file there (mmap without PROT_EXEC, an anonymous mapping). */
unsigned policy_fs_rights(const struct fs_access *fa, int which,
			  const uint64_t args[6], uint64_t flags);
/* Whether the final symlink of path `which` is followed. */
bool policy_fs_follows(const struct fs_access *fa, int which,
		       uint64_t flags);
/* Whether the last component of path `which` may not exist yet. */
bool policy_fs_creates(const struct fs_access *fa, int which,
		       uint64_t flags);

enum net_op { NET_CONNECT, NET_BIND };
enum net_addr_src {
	NET_ADDR_ARG,		/* struct sockaddr * at addr_arg, length
				 * at len_arg */
	NET_ADDR_MSGHDR,	/* struct msghdr * at addr_arg: msg_name */
	NET_ADDR_MMSGHDR,	/* struct mmsghdr[len_arg] at addr_arg */
};

struct net_access {
	const char *name;
	uint8_t op;		/* enum net_op */
	uint8_t src;		/* enum net_addr_src */
	int8_t addr_arg;
	int8_t len_arg;
};

/* The socket address a call carries, or NULL. For i386 socketcall(2) the
 * answer depends on args[0] (the call) and the argument indices are into
 * the call's own arguments (policy_facts.mux_args), which *mux is set
 * true for. */
const struct net_access *policy_net_access(enum sc_abi abi, long nr,
					   const uint64_t args[6], bool *mux);

#endif

/* fsaccess: which syscalls take paths and socket addresses, and what
 * access each needs. The tracer reads this table to know which arguments
 * to resolve; the compiler reads it to know which syscalls fs.* and net.*
 * rules send to the tracer. docs/policy.md lists it for users.
 *
 * One table for both ABIs, by name: the layouts agree where the names do
 * (i386's fstatat64 is newfstatat's twin). i386's old mmap(2) takes its
 * arguments in memory and is left out: glibc uses mmap2.
 */
#include "policy/policy_int.h"

#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>

#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
/* The kernel's own O_TMPFILE bit: glibc's __O_TMPFILE includes
 * O_DIRECTORY, which would make every directory open look like a write. */
#define TMPFILE_BIT 020000000

enum rights_kind {
	RIGHTS_FIXED,		/* .rights */
	RIGHTS_OPEN,		/* O_ACCMODE, O_CREAT, O_TRUNC, O_TMPFILE */
	RIGHTS_MMAP,		/* exec when PROT_EXEC and not anonymous */
	RIGHTS_MPROTECT,	/* exec when PROT_EXEC */
};

#define R POLICY_FS_READ
#define W POLICY_FS_WRITE
#define X POLICY_FS_EXEC
/* metadata only: what a name is (type, size, mode, link target, access
 * bits), never what the file holds */
#define S POLICY_FS_STAT
#define NOFOLLOW AT_SYMLINK_NOFOLLOW

/* A path at arg pa relative to dirfd da; fol: follows the final symlink
 * unless flip is in the flags. */
#define P(pa, da, fol, flip, empty) \
	{ .src = FS_SRC_PATH, .path_arg = pa, .dirfd_arg = da, .fd_arg = -1, \
	  .follow = fol, .follow_flip = flip, .empty_flag = empty }
/* The same for a path the call creates. */
#define PC(pa, da) \
	{ .src = FS_SRC_PATH, .path_arg = pa, .dirfd_arg = da, .fd_arg = -1, \
	  .creates = true }

#define FIXED(nm, rights_, ...) \
	{ .name = nm, .npaths = 1, .flags_arg = -1, \
	  .rights_kind = RIGHTS_FIXED, .rights = rights_, .path = { __VA_ARGS__ } }
#define FLAGS(nm, farg, rights_, ...) \
	{ .name = nm, .npaths = 1, .flags_src = FS_FLAGS_ARG, .flags_arg = farg, \
	  .rights_kind = RIGHTS_FIXED, .rights = rights_, .path = { __VA_ARGS__ } }
#define TWO(nm, farg, p1, p2) \
	{ .name = nm, .npaths = 2, .flags_src = farg < 0 ? FS_FLAGS_NONE : \
	  FS_FLAGS_ARG, .flags_arg = farg, .rights_kind = RIGHTS_FIXED, \
	  .rights = W, .path = { p1, p2 } }
#define OPEN(nm, fsrc, farg, pa, da) \
	{ .name = nm, .npaths = 1, .flags_src = fsrc, .flags_arg = farg, \
	  .rights_kind = RIGHTS_OPEN, \
	  .path = { { .src = FS_SRC_PATH, .path_arg = pa, .dirfd_arg = da, \
		      .fd_arg = -1, .follow = true, .follow_flip = O_NOFOLLOW, \
		      .creates = true, .creates_if = O_CREAT | TMPFILE_BIT } } }

/* Sorted by name (the unit test checks): looked up with bsearch. */
static const struct fs_access fs_table[] = {
	FIXED("access", S, P(0, -1, true, 0, 0)),
	FIXED("acct", W, P(0, -1, true, 0, 0)),
	FIXED("chdir", R, P(0, -1, true, 0, 0)),
	FIXED("chmod", W, P(0, -1, true, 0, 0)),
	FIXED("chown", W, P(0, -1, true, 0, 0)),
	FIXED("chown32", W, P(0, -1, true, 0, 0)),
	FIXED("chroot", R, P(0, -1, true, 0, 0)),
	{ .name = "creat", .npaths = 1, .flags_arg = -1,
	  .rights_kind = RIGHTS_FIXED, .rights = W,
	  .path = { { .src = FS_SRC_PATH, .path_arg = 0, .dirfd_arg = -1,
		      .fd_arg = -1, .follow = true, .creates = true } } },
	FIXED("execve", X, P(0, -1, true, 0, 0)),
	FLAGS("execveat", 4, X, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FIXED("faccessat", S, P(1, 0, true, 0, 0)),
	FLAGS("faccessat2", 3, S, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FIXED("fchmodat", W, P(1, 0, true, 0, 0)),
	FLAGS("fchmodat2", 3, W, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FLAGS("fchownat", 4, W, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FLAGS("fstatat64", 3, S, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FIXED("futimesat", W, P(1, 0, true, 0, 0)),
	FIXED("getxattr", R, P(0, -1, true, 0, 0)),
	FLAGS("getxattrat", 2, R, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FLAGS("inotify_add_watch", 2, R, P(1, -1, true, IN_DONT_FOLLOW, 0)),
	FIXED("lchown", W, P(0, -1, false, 0, 0)),
	FIXED("lchown32", W, P(0, -1, false, 0, 0)),
	FIXED("lgetxattr", R, P(0, -1, false, 0, 0)),
	/* a hard link makes the file reachable by a second name, which
	 * the path rules would judge instead: it needs write on both */
	TWO("link", -1, P(0, -1, false, 0, 0), PC(1, -1)),
	TWO("linkat", 4, P(1, 0, false, AT_SYMLINK_FOLLOW, AT_EMPTY_PATH),
	    PC(3, 2)),
	FIXED("listxattr", R, P(0, -1, true, 0, 0)),
	FLAGS("listxattrat", 2, R, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FIXED("llistxattr", R, P(0, -1, false, 0, 0)),
	FIXED("lremovexattr", W, P(0, -1, false, 0, 0)),
	FIXED("lsetxattr", W, P(0, -1, false, 0, 0)),
	FIXED("lstat", S, P(0, -1, false, 0, 0)),
	FIXED("lstat64", S, P(0, -1, false, 0, 0)),
	FIXED("mkdir", W, PC(0, -1)),
	FIXED("mkdirat", W, PC(1, 0)),
	FIXED("mknod", W, PC(0, -1)),
	FIXED("mknodat", W, PC(1, 0)),
	{ .name = "mmap", .npaths = 1, .flags_src = FS_FLAGS_ARG,
	  .flags_arg = 3, .rights_kind = RIGHTS_MMAP,
	  .path = { { .src = FS_SRC_FD, .path_arg = -1, .dirfd_arg = -1,
		      .fd_arg = 4, .follow = true } } },
	{ .name = "mmap2", .npaths = 1, .flags_src = FS_FLAGS_ARG,
	  .flags_arg = 3, .rights_kind = RIGHTS_MMAP,
	  .path = { { .src = FS_SRC_FD, .path_arg = -1, .dirfd_arg = -1,
		      .fd_arg = 4, .follow = true } } },
	{ .name = "mprotect", .npaths = 1, .flags_arg = -1,
	  .rights_kind = RIGHTS_MPROTECT,
	  .path = { { .src = FS_SRC_ADDR, .path_arg = -1, .dirfd_arg = -1,
		      .fd_arg = 0, .follow = true } } },
	FLAGS("name_to_handle_at", 4, R,
	      P(1, 0, false, AT_SYMLINK_FOLLOW, AT_EMPTY_PATH)),
	FLAGS("newfstatat", 3, S, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FIXED("oldlstat", S, P(0, -1, false, 0, 0)),
	FIXED("oldstat", S, P(0, -1, true, 0, 0)),
	OPEN("open", FS_FLAGS_ARG, 1, 0, -1),
	FLAGS("open_tree", 2, R, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	OPEN("openat", FS_FLAGS_ARG, 2, 1, 0),
	OPEN("openat2", FS_FLAGS_OPEN_HOW, 2, 1, 0),
	{ .name = "pkey_mprotect", .npaths = 1, .flags_arg = -1,
	  .rights_kind = RIGHTS_MPROTECT,
	  .path = { { .src = FS_SRC_ADDR, .path_arg = -1, .dirfd_arg = -1,
		      .fd_arg = 0, .follow = true } } },
	FIXED("readlink", S, P(0, -1, false, 0, 0)),
	FIXED("readlinkat", S, P(1, 0, false, 0, 0)),
	FIXED("removexattr", W, P(0, -1, true, 0, 0)),
	FLAGS("removexattrat", 2, W, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	TWO("rename", -1, P(0, -1, false, 0, 0), PC(1, -1)),
	TWO("renameat", -1, P(1, 0, false, 0, 0), PC(3, 2)),
	TWO("renameat2", -1, P(1, 0, false, 0, 0), PC(3, 2)),
	FIXED("rmdir", W, P(0, -1, false, 0, 0)),
	FIXED("setxattr", W, P(0, -1, true, 0, 0)),
	FLAGS("setxattrat", 2, W, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FIXED("stat", S, P(0, -1, true, 0, 0)),
	FIXED("stat64", S, P(0, -1, true, 0, 0)),
	FIXED("statfs", S, P(0, -1, true, 0, 0)),
	FIXED("statfs64", S, P(0, -1, true, 0, 0)),
	FLAGS("statx", 2, S, P(1, 0, true, NOFOLLOW, AT_EMPTY_PATH)),
	FIXED("swapoff", W, P(0, -1, true, 0, 0)),
	FIXED("swapon", W, P(0, -1, true, 0, 0)),
	/* the target is only a string; the link is what is created */
	FIXED("symlink", W, PC(1, -1)),
	FIXED("symlinkat", W, PC(2, 1)),
	FIXED("truncate", W, P(0, -1, true, 0, 0)),
	FIXED("truncate64", W, P(0, -1, true, 0, 0)),
	FIXED("unlink", W, P(0, -1, false, 0, 0)),
	FIXED("unlinkat", W, P(1, 0, false, 0, 0)),
	FIXED("uselib", X, P(0, -1, true, 0, 0)),
	FIXED("utime", W, P(0, -1, true, 0, 0)),
	{ .name = "utimensat", .npaths = 1, .flags_src = FS_FLAGS_ARG,
	  .flags_arg = 3, .rights_kind = RIGHTS_FIXED, .rights = W,
	  .path = { { .src = FS_SRC_PATH, .path_arg = 1, .dirfd_arg = 0,
		      .fd_arg = -1, .follow = true, .follow_flip = NOFOLLOW,
		      .empty_flag = AT_EMPTY_PATH, .null_is_dirfd = true } } },
	{ .name = "utimensat_time64", .npaths = 1, .flags_src = FS_FLAGS_ARG,
	  .flags_arg = 3, .rights_kind = RIGHTS_FIXED, .rights = W,
	  .path = { { .src = FS_SRC_PATH, .path_arg = 1, .dirfd_arg = 0,
		      .fd_arg = -1, .follow = true, .follow_flip = NOFOLLOW,
		      .empty_flag = AT_EMPTY_PATH, .null_is_dirfd = true } } },
	FIXED("utimes", W, P(0, -1, true, 0, 0)),
};

/* The calls that carry a socket address to check. */
static const struct net_access net_table[] = {
	{ "bind", NET_BIND, NET_ADDR_ARG, 1, 2 },
	{ "connect", NET_CONNECT, NET_ADDR_ARG, 1, 2 },
	{ "sendmmsg", NET_CONNECT, NET_ADDR_MMSGHDR, 1, 2 },
	{ "sendmsg", NET_CONNECT, NET_ADDR_MSGHDR, 1, -1 },
	{ "sendto", NET_CONNECT, NET_ADDR_ARG, 4, 5 },
};

static int cmp_name(const void *key, const void *ent)
{
	return strcmp(key, *(const char *const *)ent);
}

bool fs_table_sorted(void)
{
	size_t i;

	for (i = 1; i < ARRAY_SIZE(fs_table); i++)
		if (strcmp(fs_table[i - 1].name, fs_table[i].name) >= 0)
			return false;
	return true;
}

static const struct fs_access *fs_access_by_name(enum sc_abi abi, long nr)
{
	const struct sc_ent *e = systab_by_nr(abi, nr);

	if (!e || !e->name)
		return NULL;
	if (abi == ABI_I386 && strcmp(e->name, "mmap") == 0)
		return NULL;
	return bsearch(e->name, fs_table, ARRAY_SIZE(fs_table),
		       sizeof(fs_table[0]), cmp_name);
}

/* The row of each syscall number, + 1 (0: none), found by name once: the
 * compiler asks for every number of both ABIs, the tracer at every
 * checked call. */
static uint8_t fs_by_nr[ABI_COUNT][KEY_NR_MAX];
static pthread_once_t fs_by_nr_once = PTHREAD_ONCE_INIT;
static_assert(ARRAY_SIZE(fs_table) < UINT8_MAX, "fs_by_nr holds a row");

static void fs_by_nr_build(void)
{
	size_t i;
	int abi, k;

	/* a name is one number per ABI (tests/unit/test_systab) */
	for (abi = 0; abi < ABI_COUNT; abi++)
		for (i = 0; i < ARRAY_SIZE(fs_table); i++) {
			k = key_nr((enum sc_abi)abi, fs_table[i].name);
			if (k >= 0 && fs_access_by_name((enum sc_abi)abi, k) ==
				      &fs_table[i])
				fs_by_nr[abi][k] = (uint8_t)(i + 1);
		}
}

const struct fs_access *policy_fs_access(enum sc_abi abi, long nr)
{
	unsigned row;

	if ((unsigned)abi >= ABI_COUNT || nr < 0)
		return NULL;
	if (nr >= KEY_NR_MAX)
		return fs_access_by_name(abi, nr);
	pthread_once(&fs_by_nr_once, fs_by_nr_build);
	row = fs_by_nr[abi][nr];
	return row ? &fs_table[row - 1] : NULL;
}

uint64_t policy_fs_flags(const struct fs_access *fa, const uint64_t args[6])
{
	if (fa->flags_src != FS_FLAGS_ARG || fa->flags_arg < 0)
		return 0;
	return args[fa->flags_arg];
}

static unsigned open_rights(uint64_t flags)
{
	unsigned r;

	if (flags & O_PATH)
		return R;
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		r = R;
		break;
	case O_WRONLY:
		r = W;
		break;
	default:
		r = R | W;
		break;
	}
	if (flags & (O_CREAT | O_TRUNC | TMPFILE_BIT))
		r |= W;
	return r;
}

unsigned policy_fs_rights(const struct fs_access *fa, int which,
			  const uint64_t args[6], uint64_t flags)
{
	if (which < 0 || which >= fa->npaths)
		return 0;
	switch (fa->rights_kind) {
	case RIGHTS_OPEN:
		return open_rights(flags);
	case RIGHTS_MMAP:
		return (args[2] & PROT_EXEC) && !(flags & MAP_ANONYMOUS) ? X : 0;
	case RIGHTS_MPROTECT:
		return args[2] & PROT_EXEC ? X : 0;
	default:
		return fa->rights;
	}
}

bool policy_fs_follows(const struct fs_access *fa, int which,
		       uint64_t flags)
{
	const struct fs_path_spec *ps;

	if (which < 0 || which >= fa->npaths)
		return false;
	ps = &fa->path[which];
	if (ps->follow_flip && (flags & ps->follow_flip))
		return !ps->follow;
	/* O_CREAT|O_EXCL fails on any existing final component, links
	 * included: it never follows */
	if (fa->rights_kind == RIGHTS_OPEN &&
	    (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return false;
	return ps->follow;
}

bool policy_fs_creates(const struct fs_access *fa, int which,
		       uint64_t flags)
{
	const struct fs_path_spec *ps;

	if (which < 0 || which >= fa->npaths)
		return false;
	ps = &fa->path[which];
	if (!ps->creates)
		return false;
	return !ps->creates_if || (flags & ps->creates_if);
}

unsigned fs_possible_rights(const struct fs_access *fa)
{
	switch (fa->rights_kind) {
	case RIGHTS_OPEN:
		return R | W;
	case RIGHTS_MMAP:
	case RIGHTS_MPROTECT:
		return X;
	default:
		return fa->rights;
	}
}

bool fs_gate(const struct fs_access *fa, int *arg, uint64_t *bit)
{
	if (fa->rights_kind != RIGHTS_MMAP &&
	    fa->rights_kind != RIGHTS_MPROTECT)
		return false;
	*arg = 2;
	*bit = PROT_EXEC;
	return true;
}

const struct net_access *net_access_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(net_table); i++)
		if (strcmp(net_table[i].name, name) == 0)
			return &net_table[i];
	return NULL;
}

const struct net_access *policy_net_access(enum sc_abi abi, long nr,
					   const uint64_t args[6], bool *mux)
{
	const struct sc_ent *e;
	const char *name;

	*mux = false;
	if (abi == ABI_I386 && nr == I386_NR_SOCKETCALL) {
		name = args[0] < 32 ? mux_sock_name((int)args[0]) : NULL;
		if (!name)
			return NULL;
		*mux = true;
		return net_access_by_name(name);
	}
	e = systab_by_nr(abi, nr);
	return e && e->name ? net_access_by_name(e->name) : NULL;
}

/* pathcall: see pathcall.h. */
#include "jail/pathcall.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <linux/openat2.h>

#include "jail/scratch.h"
#include "tracer/remote.h"

/* Where an argument of the *at form comes from. */
enum pc_src {
	X_NONE,
	X_FD0,		/* the descriptor opened for path 0 */
	X_BASE0,	/* path 0's last component (PC_PARENT) */
	X_FD1, X_BASE1,	/* the same for path 1 */
	X_ARG,		/* the call's own argument .arg, | .set, & ~.clear */
	X_CONST,	/* .set */
	X_CONV,		/* the converted block (see enum pc_conv), or 0 */
	X_EMPTY,	/* "" (with AT_EMPTY_PATH: the descriptor itself) */
	X_FDPATH,	/* "/proc/self/fd/N" of path 0's descriptor: a magic
			 * link, which leads to that very file, for calls
			 * with no *at form */
};

struct pc_arg {
	uint8_t src;
	uint8_t arg;
	uint64_t set;
	uint64_t clear;
};

enum pc_kind {
	PC_PARENT,	/* each path's parent is opened; the call names the
			 * last component relative to it, not following it */
	PC_OBJECT,	/* path 0 itself is opened with .oflags */
};

/* Arguments whose layout differs between the call and its twin. */
enum pc_conv {
	CONV_NONE,
	CONV_UTIMBUF,	/* utime's struct utimbuf at .conv_arg -> timespec[2] */
	CONV_TIMEVAL,	/* struct timeval[2] at .conv_arg -> timespec[2] */
	CONV_XGET,	/* value, size at .conv_arg.. -> struct xattr_args */
	CONV_XSET,	/* value, size, flags at .conv_arg.. -> the same */
};

struct pc_form {
	const char *name;
	long nr;		/* the twin on x86_64; -1: none */
	long nr32;		/* on i386; -1: none */
	struct pc_arg a[6];
	uint8_t kind;		/* enum pc_kind */
	uint8_t conv;		/* enum pc_conv */
	uint8_t conv_arg;
	bool uid16;		/* i386's chown and lchown: 16-bit ids */
	uint32_t oflags;	/* PC_OBJECT: how the file is opened */
	long enosys;		/* the answer when the kernel lacks the
				 * twin; 0: -ENOSYS */
};

/* Numbers <sys/syscall.h> (Debian 12's 6.1 headers) or asm/unistd_32.h
 * do not give us here. */
enum {
	NR_FCHMODAT2 = 452,
	NR_SETXATTRAT = 463, NR_GETXATTRAT = 464, NR_LISTXATTRAT = 465,
	NR_REMOVEXATTRAT = 466,	/* 6.13; the same numbers on i386 */
	NR_OPEN_TREE = 428,	/* the same on both */
	I386_INOTIFY_ADD_WATCH = 292, I386_NAME_TO_HANDLE_AT = 341,
	I386_CLOSE = 6, I386_FCHDIR = 133, I386_FTRUNCATE = 93,
	I386_FTRUNCATE64 = 194, I386_FSTATFS = 100, I386_FSTATFS64 = 269,
	I386_MKDIRAT = 296, I386_MKNODAT = 297, I386_FCHOWNAT = 298,
	I386_FSTATAT64 = 300, I386_UNLINKAT = 301, I386_LINKAT = 303,
	I386_SYMLINKAT = 304, I386_READLINKAT = 305, I386_FCHMODAT = 306,
	I386_UTIMENSAT = 320, I386_RENAMEAT2 = 353, I386_STATX = 383,
	I386_UTIMENSAT64 = 412, I386_FACCESSAT2 = 439,
};

#define FD0 { X_FD0, 0, 0, 0 }
#define B0 { X_BASE0, 0, 0, 0 }
#define FD1 { X_FD1, 0, 0, 0 }
#define B1 { X_BASE1, 0, 0, 0 }
#define CONV { X_CONV, 0, 0, 0 }
#define ARG(i) { X_ARG, i, 0, 0 }
#define ARG_SET(i, s) { X_ARG, i, s, 0 }
#define ARG_CLR(i, c) { X_ARG, i, 0, c }
#define ARG_SC(i, s, c) { X_ARG, i, s, c }
#define EMPTY { X_EMPTY, 0, 0, 0 }
#define FDPATH { X_FDPATH, 0, 0, 0 }
#define K(v) { X_CONST, 0, v, 0 }
#define NOFOLLOW AT_SYMLINK_NOFOLLOW
/* The last component of a resolved path is never a symlink the call
 * should follow (pathres followed it): a symlink there now was put there
 * since the check, and the call acts on the link itself. */
#define AT(nm, n64, n32, ...) \
	{ .name = nm, .nr = n64, .nr32 = n32, .a = { __VA_ARGS__ } }
#define AT16(nm, n64, n32, ...) \
	{ .name = nm, .nr = n64, .nr32 = n32, .a = { __VA_ARGS__ }, \
	  .uid16 = true }
#define ATC(nm, n64, n32, conv_, carg, ...) \
	{ .name = nm, .nr = n64, .nr32 = n32, .a = { __VA_ARGS__ }, \
	  .conv = conv_, .conv_arg = carg }
/* The xattr calls' twins came with 6.13: before, they fail closed with
 * the answer of a file system without extended attributes. */
#define ATX(nm, n, conv_, carg, ...) \
	{ .name = nm, .nr = n, .nr32 = n, .a = { __VA_ARGS__ }, \
	  .conv = conv_, .conv_arg = carg, .enosys = -EOPNOTSUPP }
#define OBJ(nm, n64, n32, of, ...) \
	{ .name = nm, .nr = n64, .nr32 = n32, .a = { __VA_ARGS__ }, \
	  .kind = PC_OBJECT, .oflags = of }

/* Sorted by name (bsearch). */
static const struct pc_form forms[] = {
	AT("access", SYS_faccessat2, I386_FACCESSAT2,
	   FD0, B0, ARG(1), K(NOFOLLOW)),
	OBJ("chdir", SYS_fchdir, I386_FCHDIR, O_PATH | O_DIRECTORY, FD0),
	AT("chmod", NR_FCHMODAT2, NR_FCHMODAT2, FD0, B0, ARG(1), K(NOFOLLOW)),
	AT16("chown", SYS_fchownat, I386_FCHOWNAT,
	     FD0, B0, ARG(1), ARG(2), K(NOFOLLOW)),
	AT("chown32", -1, I386_FCHOWNAT, FD0, B0, ARG(1), ARG(2), K(NOFOLLOW)),
	AT("faccessat", SYS_faccessat2, I386_FACCESSAT2,
	   FD0, B0, ARG(2), K(NOFOLLOW)),
	AT("faccessat2", SYS_faccessat2, I386_FACCESSAT2,
	   FD0, B0, ARG(2), ARG_SET(3, NOFOLLOW)),
	AT("fchmodat", NR_FCHMODAT2, NR_FCHMODAT2,
	   FD0, B0, ARG(2), K(NOFOLLOW)),
	AT("fchmodat2", NR_FCHMODAT2, NR_FCHMODAT2,
	   FD0, B0, ARG(2), ARG_SET(3, NOFOLLOW)),
	AT("fchownat", SYS_fchownat, I386_FCHOWNAT,
	   FD0, B0, ARG(2), ARG(3), ARG_SET(4, NOFOLLOW)),
	AT("fstatat64", -1, I386_FSTATAT64,
	   FD0, B0, ARG(2), ARG_SET(3, NOFOLLOW)),
	ATC("futimesat", SYS_utimensat, I386_UTIMENSAT, CONV_TIMEVAL, 2,
	    FD0, B0, CONV, K(NOFOLLOW)),
	ATX("getxattr", NR_GETXATTRAT, CONV_XGET, 2,
	    FD0, B0, K(NOFOLLOW), ARG(1), CONV, K(16)),
	AT("getxattrat", NR_GETXATTRAT, NR_GETXATTRAT,
	   FD0, B0, ARG_SET(2, NOFOLLOW), ARG(3), ARG(4), ARG(5)),
	/* The watch is put on the file through its descriptor's magic link
	 * (so IN_DONT_FOLLOW goes: the link must be followed). */
	OBJ("inotify_add_watch", SYS_inotify_add_watch, I386_INOTIFY_ADD_WATCH,
	    O_PATH | O_NOFOLLOW, ARG(0), FDPATH, ARG_CLR(2, IN_DONT_FOLLOW)),
	AT16("lchown", SYS_fchownat, I386_FCHOWNAT,
	     FD0, B0, ARG(1), ARG(2), K(NOFOLLOW)),
	AT("lchown32", -1, I386_FCHOWNAT, FD0, B0, ARG(1), ARG(2), K(NOFOLLOW)),
	ATX("lgetxattr", NR_GETXATTRAT, CONV_XGET, 2,
	    FD0, B0, K(NOFOLLOW), ARG(1), CONV, K(16)),
	AT("link", SYS_linkat, I386_LINKAT, FD0, B0, FD1, B1, K(0)),
	AT("linkat", SYS_linkat, I386_LINKAT,
	   FD0, B0, FD1, B1, ARG_CLR(4, AT_SYMLINK_FOLLOW)),
	ATX("listxattr", NR_LISTXATTRAT, CONV_NONE, 0,
	    FD0, B0, K(NOFOLLOW), ARG(1), ARG(2)),
	AT("listxattrat", NR_LISTXATTRAT, NR_LISTXATTRAT,
	   FD0, B0, ARG_SET(2, NOFOLLOW), ARG(3), ARG(4)),
	ATX("llistxattr", NR_LISTXATTRAT, CONV_NONE, 0,
	    FD0, B0, K(NOFOLLOW), ARG(1), ARG(2)),
	ATX("lremovexattr", NR_REMOVEXATTRAT, CONV_NONE, 0,
	    FD0, B0, K(NOFOLLOW), ARG(1)),
	ATX("lsetxattr", NR_SETXATTRAT, CONV_XSET, 2,
	    FD0, B0, K(NOFOLLOW), ARG(1), CONV, K(16)),
	AT("lstat", SYS_newfstatat, -1, FD0, B0, ARG(1), K(NOFOLLOW)),
	AT("lstat64", -1, I386_FSTATAT64, FD0, B0, ARG(1), K(NOFOLLOW)),
	AT("mkdir", SYS_mkdirat, I386_MKDIRAT, FD0, B0, ARG(1)),
	AT("mkdirat", SYS_mkdirat, I386_MKDIRAT, FD0, B0, ARG(2)),
	AT("mknod", SYS_mknodat, I386_MKNODAT, FD0, B0, ARG(1), ARG(2)),
	AT("mknodat", SYS_mknodat, I386_MKNODAT, FD0, B0, ARG(2), ARG(3)),
	OBJ("name_to_handle_at", SYS_name_to_handle_at, I386_NAME_TO_HANDLE_AT,
	    O_PATH | O_NOFOLLOW, FD0, EMPTY, ARG(2), ARG(3),
	    ARG_SC(4, AT_EMPTY_PATH, AT_SYMLINK_FOLLOW)),
	AT("newfstatat", SYS_newfstatat, -1,
	   FD0, B0, ARG(2), ARG_SET(3, NOFOLLOW)),
	OBJ("open_tree", NR_OPEN_TREE, NR_OPEN_TREE, O_PATH | O_NOFOLLOW,
	    FD0, EMPTY, ARG_SC(2, AT_EMPTY_PATH, NOFOLLOW)),
	AT("readlink", SYS_readlinkat, I386_READLINKAT,
	   FD0, B0, ARG(1), ARG(2)),
	AT("readlinkat", SYS_readlinkat, I386_READLINKAT,
	   FD0, B0, ARG(2), ARG(3)),
	ATX("removexattr", NR_REMOVEXATTRAT, CONV_NONE, 0,
	    FD0, B0, K(NOFOLLOW), ARG(1)),
	AT("removexattrat", NR_REMOVEXATTRAT, NR_REMOVEXATTRAT,
	   FD0, B0, ARG_SET(2, NOFOLLOW), ARG(3)),
	AT("rename", SYS_renameat2, I386_RENAMEAT2, FD0, B0, FD1, B1, K(0)),
	AT("renameat", SYS_renameat2, I386_RENAMEAT2, FD0, B0, FD1, B1, K(0)),
	AT("renameat2", SYS_renameat2, I386_RENAMEAT2,
	   FD0, B0, FD1, B1, ARG(4)),
	AT("rmdir", SYS_unlinkat, I386_UNLINKAT, FD0, B0, K(AT_REMOVEDIR)),
	ATX("setxattr", NR_SETXATTRAT, CONV_XSET, 2,
	    FD0, B0, K(NOFOLLOW), ARG(1), CONV, K(16)),
	AT("setxattrat", NR_SETXATTRAT, NR_SETXATTRAT,
	   FD0, B0, ARG_SET(2, NOFOLLOW), ARG(3), ARG(4), ARG(5)),
	/* i386's stat and lstat fill the old struct stat, which no *at
	 * call does: they keep the kernel's walk (docs/policy.md). */
	AT("stat", SYS_newfstatat, -1, FD0, B0, ARG(1), K(NOFOLLOW)),
	AT("stat64", -1, I386_FSTATAT64, FD0, B0, ARG(1), K(NOFOLLOW)),
	OBJ("statfs", SYS_fstatfs, I386_FSTATFS, O_PATH, FD0, ARG(1)),
	OBJ("statfs64", -1, I386_FSTATFS64, O_PATH, FD0, ARG(1), ARG(2)),
	AT("statx", SYS_statx, I386_STATX,
	   FD0, B0, ARG_SET(2, NOFOLLOW), ARG(3), ARG(4)),
	AT("symlink", SYS_symlinkat, I386_SYMLINKAT, ARG(0), FD0, B0),
	AT("symlinkat", SYS_symlinkat, I386_SYMLINKAT, ARG(0), FD0, B0),
	/* Opened for writing as truncate(2) needs; O_NONBLOCK so that a
	 * FIFO swapped in cannot block the open. */
	OBJ("truncate", SYS_ftruncate, I386_FTRUNCATE,
	    O_WRONLY | O_NONBLOCK | O_NOCTTY, FD0, ARG(1)),
	OBJ("truncate64", -1, I386_FTRUNCATE64,
	    O_WRONLY | O_NONBLOCK | O_NOCTTY, FD0, ARG(1), ARG(2)),
	AT("unlink", SYS_unlinkat, I386_UNLINKAT, FD0, B0, K(0)),
	AT("unlinkat", SYS_unlinkat, I386_UNLINKAT, FD0, B0, ARG(2)),
	ATC("utime", SYS_utimensat, I386_UTIMENSAT, CONV_UTIMBUF, 1,
	    FD0, B0, CONV, K(NOFOLLOW)),
	AT("utimensat", SYS_utimensat, I386_UTIMENSAT,
	   FD0, B0, ARG(2), ARG_SET(3, NOFOLLOW)),
	AT("utimensat_time64", -1, I386_UTIMENSAT64,
	   FD0, B0, ARG(2), ARG_SET(3, NOFOLLOW)),
	ATC("utimes", SYS_utimensat, I386_UTIMENSAT, CONV_TIMEVAL, 1,
	    FD0, B0, CONV, K(NOFOLLOW)),
};

static int form_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pc_form *)elem)->name);
}

static const struct pc_form *form_of(const char *name)
{
	return bsearch(name, forms, sizeof(forms) / sizeof(*forms),
		       sizeof(*forms), form_cmp);
}

static long twin_nr(const struct pc_form *pf, const struct tr_syscall *sc)
{
	return sc->abi == ABI_I386 ? pf->nr32 : pf->nr;
}

bool pathcall_takes(struct task *t, const struct tr_syscall *sc,
		    const struct fs_access *fa, char *const paths[],
		    const int which[], size_t npaths)
{
	const struct pc_form *pf = fa ? form_of(fa->name) : NULL;
	size_t i;
	char c;

	if (!pf || twin_nr(pf, sc) < 0 || npaths != fa->npaths ||
	    (pf->kind == PC_OBJECT && npaths != 1))
		return false;
	for (i = 0; i < npaths; i++) {
		const struct fs_path_spec *sp = &fa->path[which[i]];
		const char *p = paths[i];

		/* "/" has no parent, but no symlink can be swapped in */
		if ((size_t)which[i] != i || sp->src != FS_SRC_PATH ||
		    p[0] != '/' || (p[1] == '\0' && pf->kind == PC_PARENT) ||
		    !sc->args[sp->path_arg] ||
		    task_read_mem(t, sc->args[sp->path_arg], &c, 1) != 1 ||
		    c == '\0')
			return false;
	}
	return true;
}

/* The converted argument block, written at `at`; *out is its address, or
 * 0 when the program passed NULL times. */
static int convert(struct task *t, const struct pc_form *pf,
		   const uint64_t args[6], bool is32, uint64_t at,
		   uint64_t *out)
{
	uint64_t src = args[pf->conv_arg];
	union {
		int64_t ts64[4];
		int32_t ts32[4];
		struct { uint64_t value; uint32_t size, flags; } xa;
	} u;
	size_t n;

	memset(&u, 0, sizeof(u));
	*out = at;
	switch (pf->conv) {
	case CONV_XGET:
	case CONV_XSET:
		u.xa.value = args[pf->conv_arg];
		u.xa.size = (uint32_t)args[pf->conv_arg + 1];
		if (pf->conv == CONV_XSET)
			u.xa.flags = (uint32_t)args[pf->conv_arg + 2];
		n = sizeof(u.xa);
		break;
	case CONV_UTIMBUF:
	case CONV_TIMEVAL: {
		/* actime, modtime; or two (seconds, microseconds) */
		size_t k, m = pf->conv == CONV_UTIMBUF ? 2 : 4;
		int64_t v[4];

		if (!src) {
			*out = 0;
			return 0;
		}
		for (k = 0; k < m; k++) {
			if (is32) {
				int32_t w;

				if (task_read_mem(t, src + 4 * k, &w, 4) != 4)
					return -EFAULT;
				v[k] = w;
			} else if (task_read_mem(t, src + 8 * k, &v[k], 8) !=
				   8) {
				return -EFAULT;
			}
		}
		for (k = 0; k < 2; k++) {
			int64_t sec = m == 2 ? v[k] : v[2 * k];
			int64_t nsec = m == 2 ? 0 : v[2 * k + 1] * 1000;

			/* an out-of-range microsecond count stays out of
			 * range, so utimensat fails as utimes would */
			if (m == 4 && (v[2 * k + 1] < 0 ||
				       v[2 * k + 1] >= 1000000))
				nsec = -1;
			if (is32) {
				u.ts32[2 * k] = (int32_t)sec;
				u.ts32[2 * k + 1] = (int32_t)nsec;
			} else {
				u.ts64[2 * k] = sec;
				u.ts64[2 * k + 1] = nsec;
			}
		}
		n = is32 ? 4 * sizeof(int32_t) : 4 * sizeof(int64_t);
		break;
	}
	default:
		*out = 0;
		return 0;
	}
	return task_write_mem(t, at, &u, n) == (ssize_t)n ? 0 : -EFAULT;
}

int pathcall_run(struct tracer *tr, struct task *t,
		 const struct tr_syscall *sc, const struct fs_access *fa,
		 char *const paths[], size_t npaths, uint64_t slot,
		 const struct user_regs_struct *regs)
{
	static const uint64_t at_path[2] = { SLOT_PATH0, SLOT_PATH1 };
	const struct pc_form *pf = form_of(fa->name);
	bool is32 = sc->abi == ABI_I386, obj = pf->kind == PC_OBJECT;
	uint64_t how[3] = {
		(obj ? pf->oflags : O_PATH | O_DIRECTORY) | O_CLOEXEC, 0,
		RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS
	};
	uint64_t mask, all = ~0ull, args[6] = { 0 }, conv = 0;
	long fd[2] = { -1, -1 }, ret = 0, r, nr = twin_nr(pf, sc);
	struct user_regs_struct out = *regs;
	size_t i;
	int rc, k;

	/* No signal handler may run in the middle of the chain. */
	if (ptrace(PTRACE_GETSIGMASK, task_tid(t), (void *)sizeof(mask),
		   &mask) < 0 ||
	    ptrace(PTRACE_SETSIGMASK, task_tid(t), (void *)sizeof(all),
		   &all) < 0)
		return -errno;
	rc = task_write_mem(t, slot + SLOT_MISC, how, sizeof(how)) ==
	     sizeof(how) ? 0 : -EFAULT;
	if (rc == 0 && pf->conv)
		rc = convert(t, pf, sc->args, is32, slot + SLOT_MISC + 256,
			     &conv);
	/* The tracee opens each parent ("/a/b/c" -> "/a/b"), or the file. */
	for (i = 0; i < npaths && rc == 0; i++) {
		const char *p = paths[i], *slash = strrchr(p, '/');
		char dir[PATH_MAX];
		uint64_t oa[6] = { (uint64_t)(int64_t)AT_FDCWD,
				   slot + at_path[i], slot + SLOT_MISC,
				   sizeof(how) };

		if (obj)
			snprintf(dir, sizeof(dir), "%s", p);
		else
			snprintf(dir, sizeof(dir), "%.*s", slash == p ? 1 :
				 (int)(slash - p), p);
		rc = scratch_put_str(t, slot + at_path[i], dir);
		if (rc == 0)
			rc = i == 0 ? remote_replace(tr, t, SYS_openat2, oa,
						     &fd[i]) :
				      remote_again(tr, t, SYS_openat2, oa,
						   &fd[i]);
		if (rc == 0 && fd[i] < 0) {
			ret = fd[i];	/* the call fails as the open did */
			goto close;
		}
		if (rc == 0 && !obj)
			rc = scratch_put_str(t, slot + at_path[i], slash + 1);
	}
	/* X_EMPTY and X_FDPATH share a place: no row has both */
	for (k = 0; k < 6 && rc == 0; k++) {
		char fdpath[64] = "";

		if (pf->a[k].src == X_FDPATH)
			snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%ld",
				 fd[0]);
		if (pf->a[k].src == X_FDPATH || pf->a[k].src == X_EMPTY)
			rc = scratch_put_str(t, slot + SLOT_MISC + 512, fdpath);
	}
	if (rc < 0)
		goto close;
	for (k = 0; k < 6; k++) {
		const struct pc_arg *x = &pf->a[k];
		const uint64_t v[] = {
			[X_NONE] = 0, [X_FD0] = (uint64_t)fd[0],
			[X_BASE0] = slot + SLOT_PATH0, [X_FD1] = (uint64_t)fd[1],
			[X_BASE1] = slot + SLOT_PATH1,
			[X_ARG] = (sc->args[x->arg] | x->set) & ~x->clear,
			[X_CONST] = x->set, [X_CONV] = conv,
			[X_EMPTY] = slot + SLOT_MISC + 512,
			[X_FDPATH] = slot + SLOT_MISC + 512,
		};

		args[k] = v[x->src];
		/* i386's chown and lchown take 16-bit ids: -1 is 0xffff */
		if (is32 && pf->uid16 && x->src == X_ARG &&
		    (x->arg == 1 || x->arg == 2) && args[k] == 0xffff)
			args[k] = 0xffffffffu;
	}
	rc = remote_again(tr, t, nr, args, &ret);
	if (rc == 0 && ret == -ENOSYS && nr == NR_FCHMODAT2) {
		/* before 6.6: fchmodat, which follows a final symlink */
		args[3] = 0;
		rc = remote_again(tr, t, is32 ? I386_FCHMODAT : SYS_fchmodat,
				  args, &ret);
	} else if (rc == 0 && ret == -ENOSYS && pf->enosys) {
		ret = pf->enosys;
	}
close:
	for (i = 0; i < npaths && rc != -ESRCH; i++) {
		uint64_t ca[6] = { (uint64_t)fd[i] };

		if (fd[i] >= 0)
			remote_again(tr, t, is32 ? I386_CLOSE : SYS_close, ca,
				     &r);
	}
	ptrace(PTRACE_SETSIGMASK, task_tid(t), (void *)sizeof(mask), &mask);
	if (rc < 0)
		return rc;
	/* The program's registers as it left them, with the call's result
	 * (and its own call number, should the kernel restart it). */
	out.rax = (unsigned long long)ret;
	return task_set_regs(t, &out);
}

/* xlat: constant tables that translate both ways.
 *
 * Values come from the system headers through their C macros (XLAT(O_CREAT)
 * expands to { O_CREAT, "O_CREAT" }), so the compiler checks every one. A
 * constant newer than Debian 12's headers (Linux 6.1 uapi, glibc 2.36) is
 * defined below under #ifndef with the kernel's value and the kernel
 * version that added it.
 *
 * Table order matters twice:
 * - In a FLAGS table a multi-bit flag comes before the flags it contains
 *   (O_SYNC before O_DSYNC) so the widest name is printed.
 * - Aliases (SIGIOT, EWOULDBLOCK, FASYNC) come after the primary name:
 *   decoding prints the first match, parsing accepts both.
 *
 * xlat_parse() searches the tables of registry[] in order. Names are meant
 * to be unique across tables; where one name would mean two values (none
 * today: test_xlat checks) the first table of registry[] wins.
 */
#include "xlat.h"
#include "xlat_tables.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <asm/prctl.h>
#include <asm/termbits.h>
#include <linux/audit.h>
#include <linux/bpf.h>
#include <linux/close_range.h>
#include <linux/falloc.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/net.h>
#include <linux/nsfs.h>
#include <linux/seccomp.h>
#include <linux/sockios.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* One entry named after the macro that gives its value. */
#define XLAT(c) { (uint64_t)(c), #c }
/* One entry with an explicit name, for aliases and computed values. */
#define XLAT_NV(v, n) { (uint64_t)(v), n }

#define DEFINE_XLAT(var, fam, kind_, ents_)                                \
	const struct xlat var = { .family = fam, .kind = kind_,             \
				  .ents = ents_, .n = ARRAY_SIZE(ents_) }
#define DEFINE_XLAT_FIELD(var, fam, ents_, mask, fld)                      \
	const struct xlat var = { .family = fam, .kind = XLAT_FLAGS,        \
				  .ents = ents_, .n = ARRAY_SIZE(ents_),    \
				  .field_mask = mask, .field = fld }

/* ---- Constants newer than the build headers (kernel values). ---- */

/* The kernel's O_LARGEFILE: glibc defines it as 0 on x86_64, but the
 * kernel sets the bit for 64-bit opens and 32-bit tasks pass it. */
#define KERNEL_O_LARGEFILE 0100000
#ifndef MNT_FORCE
#define MNT_FORCE 1
#endif
#ifndef MNT_DETACH
#define MNT_DETACH 2
#endif
#ifndef MNT_EXPIRE
#define MNT_EXPIRE 4
#endif
#ifndef UMOUNT_NOFOLLOW
#define UMOUNT_NOFOLLOW 8
#endif
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25	/* 6.1 */
#endif
#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102	/* 6.13 */
#define MADV_GUARD_REMOVE 103
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U	/* 6.3 */
#define MFD_EXEC 0x0010U
#endif
#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE 0x08	/* 6.11 */
#endif
#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000
#endif
#ifndef SEGV_CPERR
#define SEGV_CPERR 10		/* 6.6: control protection fault */
#endif
#ifndef TRAP_PERF
#define TRAP_PERF 6		/* 5.13 */
#endif
#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif
#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif
#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL	/* 6.9 */
#endif
#ifndef RWF_APPEND
#define RWF_APPEND 0x10
#endif
#ifndef RWF_NOAPPEND
#define RWF_NOAPPEND 0x20	/* 6.9 */
#endif
#ifndef RWF_ATOMIC
#define RWF_ATOMIC 0x40		/* 6.11 */
#endif
#ifndef RWF_DONTCACHE
#define RWF_DONTCACHE 0x80	/* 6.14 */
#endif
#ifndef STATX_DIOALIGN
#define STATX_DIOALIGN 0x2000U
#endif
#ifndef STATX_MNT_ID_UNIQUE
#define STATX_MNT_ID_UNIQUE 0x4000U	/* 6.8 */
#endif
#ifndef STATX_SUBVOL
#define STATX_SUBVOL 0x8000U		/* 6.10 */
#endif
#ifndef STATX_WRITE_ATOMIC
#define STATX_WRITE_ATOMIC 0x10000U	/* 6.11 */
#endif
#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif
#ifndef SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV
#define SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV (1UL << 5)
#endif
#ifndef SECCOMP_GET_NOTIF_SIZES
#define SECCOMP_GET_NOTIF_SIZES 3
#endif
#ifndef PTRACE_GET_RSEQ_CONFIGURATION
#define PTRACE_GET_RSEQ_CONFIGURATION 0x420f
#endif
#ifndef PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG
#define PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG 0x4210	/* 6.4 */
#define PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG 0x4211
#endif
#ifndef PTRACE_SET_SYSCALL_INFO
#define PTRACE_SET_SYSCALL_INFO 0x4212	/* 6.16 */
#endif
#ifndef ARCH_GET_XCOMP_SUPP
#define ARCH_GET_XCOMP_SUPP 0x1021
#define ARCH_GET_XCOMP_PERM 0x1022
#define ARCH_REQ_XCOMP_PERM 0x1023
#define ARCH_GET_XCOMP_GUEST_PERM 0x1024
#define ARCH_REQ_XCOMP_GUEST_PERM 0x1025
#endif
#ifndef ARCH_XCOMP_TILECFG
#define ARCH_XCOMP_TILECFG 17
#endif
#ifndef ARCH_GET_UNTAG_MASK
#define ARCH_GET_UNTAG_MASK 0x4001	/* 6.4 */
#define ARCH_ENABLE_TAGGED_ADDR 0x4002
#define ARCH_GET_MAX_TAG_BITS 0x4003
#define ARCH_FORCE_TAGGED_SVA 0x4004
#endif
#ifndef ARCH_SHSTK_ENABLE
#define ARCH_SHSTK_ENABLE 0x5001	/* 6.6 */
#define ARCH_SHSTK_DISABLE 0x5002
#define ARCH_SHSTK_LOCK 0x5003
#define ARCH_SHSTK_UNLOCK 0x5004
#define ARCH_SHSTK_STATUS 0x5005
#endif
#ifndef PR_SME_SET_VL
#define PR_SME_SET_VL 63
#define PR_SME_GET_VL 64
#endif
#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65			/* 6.3 */
#define PR_GET_MDWE 66
#endif
#ifndef PR_SET_MEMORY_MERGE
#define PR_SET_MEMORY_MERGE 67		/* 6.4 */
#define PR_GET_MEMORY_MERGE 68
#endif
#ifndef PR_RISCV_V_SET_CONTROL
#define PR_RISCV_V_SET_CONTROL 69
#define PR_RISCV_V_GET_CONTROL 70
#endif
#ifndef PR_RISCV_SET_ICACHE_FLUSH_CTX
#define PR_RISCV_SET_ICACHE_FLUSH_CTX 71
#endif
#ifndef PR_PPC_GET_DEXCR
#define PR_PPC_GET_DEXCR 72
#define PR_PPC_SET_DEXCR 73
#endif
#ifndef PR_GET_SHADOW_STACK_STATUS
#define PR_GET_SHADOW_STACK_STATUS 74	/* 6.13 */
#define PR_SET_SHADOW_STACK_STATUS 75
#define PR_LOCK_SHADOW_STACK_STATUS 76
#endif
#ifndef PR_TIMER_CREATE_RESTORE_IDS
#define PR_TIMER_CREATE_RESTORE_IDS 77	/* 6.15 */
#endif
#ifndef PR_FUTEX_HASH
#define PR_FUTEX_HASH 78		/* 6.16 */
#endif
#ifndef PR_GET_AUXV
#define PR_GET_AUXV 0x41555856		/* 6.4 */
#endif
#ifndef AF_MCTP
#define AF_MCTP 45
#endif
#ifndef FUTEX_LOCK_PI2
#define FUTEX_LOCK_PI2 13
#endif
#ifndef F_DUPFD_QUERY
#define F_DUPFD_QUERY 1027		/* 6.10 */
#endif
#ifndef F_CREATED_QUERY
#define F_CREATED_QUERY 1028		/* 6.12 */
#endif
#ifndef F_GET_RW_HINT
#define F_GET_RW_HINT 1035
#define F_SET_RW_HINT 1036
#define F_GET_FILE_RW_HINT 1037
#define F_SET_FILE_RW_HINT 1038
#endif
#ifndef F_GETOWNER_UIDS
#define F_GETOWNER_UIDS 17
#endif
#ifndef F_CANCELLK
#define F_CANCELLK 1029
#endif
#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif
#ifndef MADV_SOFT_OFFLINE
#define MADV_SOFT_OFFLINE 101
#endif
#ifndef TIOCGPTPEER
#define TIOCGPTPEER 0x5441
#endif
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_IOCTL_NOTIF_ADDFD
#define SECCOMP_IOCTL_NOTIF_ADDFD SECCOMP_IOW(3, struct seccomp_notif_addfd)
#endif

/* ---- open(2) and friends ---- */

static const struct xlat_ent open_accmode_ents[] = {
	XLAT(O_RDONLY),
	XLAT(O_WRONLY),
	XLAT(O_RDWR),
};
DEFINE_XLAT(xlat_open_accmode, "open_accmode", XLAT_ENUM, open_accmode_ents);

static const struct xlat_ent open_flags_ents[] = {
	XLAT(O_CREAT),
	XLAT(O_EXCL),
	XLAT(O_NOCTTY),
	XLAT(O_TRUNC),
	XLAT(O_APPEND),
	XLAT(O_NONBLOCK),
	XLAT(O_SYNC),		/* before O_DSYNC, which it contains */
	XLAT(O_DSYNC),
	XLAT(O_ASYNC),
	XLAT(O_DIRECT),
	XLAT_NV(KERNEL_O_LARGEFILE, "O_LARGEFILE"),
	XLAT(O_TMPFILE),	/* before O_DIRECTORY, which it contains */
	XLAT(O_DIRECTORY),
	XLAT(O_NOFOLLOW),
	XLAT(O_NOATIME),
	XLAT(O_CLOEXEC),
	XLAT(O_PATH),
	XLAT_NV(O_NDELAY, "O_NDELAY"),	/* aliases */
	XLAT_NV(O_ASYNC, "FASYNC"),
	XLAT_NV(O_SYNC, "O_FSYNC"),
	XLAT_NV(O_SYNC, "O_RSYNC"),
};
DEFINE_XLAT_FIELD(xlat_open_flags, "open_flags", open_flags_ents, O_ACCMODE,
		  &xlat_open_accmode);

static const struct xlat_ent at_dirfd_ents[] = {
	XLAT(AT_FDCWD),
};
DEFINE_XLAT(xlat_at_dirfd, "at_dirfd", XLAT_ENUM, at_dirfd_ents);

static const struct xlat_ent at_flags_ents[] = {
	XLAT(AT_SYMLINK_NOFOLLOW),
	XLAT(AT_SYMLINK_FOLLOW),
	XLAT(AT_NO_AUTOMOUNT),
	XLAT(AT_EMPTY_PATH),
	XLAT(AT_STATX_FORCE_SYNC),
	XLAT(AT_STATX_DONT_SYNC),
	XLAT(AT_RECURSIVE),
};
DEFINE_XLAT(xlat_at_flags, "at_flags", XLAT_FLAGS, at_flags_ents);

/* AT_REMOVEDIR and AT_EACCESS share 0x200: each has its own table. */
static const struct xlat_ent unlinkat_flags_ents[] = {
	XLAT(AT_REMOVEDIR),
};
DEFINE_XLAT(xlat_unlinkat_flags, "unlinkat_flags", XLAT_FLAGS,
	    unlinkat_flags_ents);

static const struct xlat_ent faccessat_flags_ents[] = {
	XLAT(AT_EACCESS),
	XLAT(AT_SYMLINK_NOFOLLOW),
	XLAT(AT_EMPTY_PATH),
};
DEFINE_XLAT(xlat_faccessat_flags, "faccessat_flags", XLAT_FLAGS,
	    faccessat_flags_ents);

static const struct xlat_ent access_mode_ents[] = {
	XLAT(F_OK),
	XLAT(R_OK),
	XLAT(W_OK),
	XLAT(X_OK),
};
DEFINE_XLAT(xlat_access_mode, "access_mode", XLAT_FLAGS, access_mode_ents);

static const struct xlat_ent renameat2_flags_ents[] = {
	XLAT(RENAME_NOREPLACE),
	XLAT(RENAME_EXCHANGE),
	XLAT(RENAME_WHITEOUT),
};
DEFINE_XLAT(xlat_renameat2_flags, "renameat2_flags", XLAT_FLAGS,
	    renameat2_flags_ents);

static const struct xlat_ent pipe_flags_ents[] = {
	XLAT(O_NONBLOCK),
	XLAT(O_DIRECT),
	XLAT(O_CLOEXEC),
};
DEFINE_XLAT(xlat_pipe_flags, "pipe_flags", XLAT_FLAGS, pipe_flags_ents);

static const struct xlat_ent cloexec_flags_ents[] = {
	XLAT(O_CLOEXEC),
};
DEFINE_XLAT(xlat_cloexec_flags, "cloexec_flags", XLAT_FLAGS,
	    cloexec_flags_ents);

static const struct xlat_ent fd_flags_ents[] = {
	XLAT(O_NONBLOCK),
	XLAT(O_CLOEXEC),
};
DEFINE_XLAT(xlat_fd_flags, "fd_flags", XLAT_FLAGS, fd_flags_ents);

static const struct xlat_ent fd_cloexec_ents[] = {
	XLAT(FD_CLOEXEC),
};
DEFINE_XLAT(xlat_fd_cloexec, "fd_cloexec", XLAT_FLAGS, fd_cloexec_ents);

static const struct xlat_ent fcntl_cmd_ents[] = {
	XLAT(F_DUPFD),
	XLAT(F_GETFD),
	XLAT(F_SETFD),
	XLAT(F_GETFL),
	XLAT(F_SETFL),
	XLAT(F_GETLK),
	XLAT(F_SETLK),
	XLAT(F_SETLKW),
	XLAT(F_SETOWN),
	XLAT(F_GETOWN),
	XLAT(F_SETSIG),
	XLAT(F_GETSIG),
	XLAT_NV(12, "F_GETLK64"),	/* i386 only */
	XLAT_NV(13, "F_SETLK64"),
	XLAT_NV(14, "F_SETLKW64"),
	XLAT(F_SETOWN_EX),
	XLAT(F_GETOWN_EX),
	XLAT(F_GETOWNER_UIDS),
	XLAT(F_OFD_GETLK),
	XLAT(F_OFD_SETLK),
	XLAT(F_OFD_SETLKW),
	XLAT(F_SETLEASE),
	XLAT(F_GETLEASE),
	XLAT(F_NOTIFY),
	XLAT(F_DUPFD_QUERY),
	XLAT(F_CREATED_QUERY),
	XLAT(F_CANCELLK),
	XLAT(F_DUPFD_CLOEXEC),
	XLAT(F_SETPIPE_SZ),
	XLAT(F_GETPIPE_SZ),
	XLAT(F_ADD_SEALS),
	XLAT(F_GET_SEALS),
	XLAT(F_GET_RW_HINT),
	XLAT(F_SET_RW_HINT),
	XLAT(F_GET_FILE_RW_HINT),
	XLAT(F_SET_FILE_RW_HINT),
};
DEFINE_XLAT(xlat_fcntl_cmd, "fcntl_cmd", XLAT_ENUM, fcntl_cmd_ents);

static const struct xlat_ent flock_op_ents[] = {
	XLAT(LOCK_SH),
	XLAT(LOCK_EX),
	XLAT(LOCK_NB),
	XLAT(LOCK_UN),
	XLAT(LOCK_MAND),
	XLAT(LOCK_READ),
	XLAT(LOCK_WRITE),
};
DEFINE_XLAT(xlat_flock_op, "flock_op", XLAT_FLAGS, flock_op_ents);

static const struct xlat_ent seek_whence_ents[] = {
	XLAT(SEEK_SET),
	XLAT(SEEK_CUR),
	XLAT(SEEK_END),
	XLAT(SEEK_DATA),
	XLAT(SEEK_HOLE),
};
DEFINE_XLAT(xlat_seek_whence, "seek_whence", XLAT_ENUM, seek_whence_ents);

static const struct xlat_ent fadvise_advice_ents[] = {
	XLAT(POSIX_FADV_NORMAL),
	XLAT(POSIX_FADV_RANDOM),
	XLAT(POSIX_FADV_SEQUENTIAL),
	XLAT(POSIX_FADV_WILLNEED),
	XLAT(POSIX_FADV_DONTNEED),
	XLAT(POSIX_FADV_NOREUSE),
};
DEFINE_XLAT(xlat_fadvise_advice, "fadvise_advice", XLAT_ENUM,
	    fadvise_advice_ents);

static const struct xlat_ent falloc_flags_ents[] = {
	XLAT(FALLOC_FL_KEEP_SIZE),
	XLAT(FALLOC_FL_PUNCH_HOLE),
	XLAT(FALLOC_FL_NO_HIDE_STALE),
	XLAT(FALLOC_FL_COLLAPSE_RANGE),
	XLAT(FALLOC_FL_ZERO_RANGE),
	XLAT(FALLOC_FL_INSERT_RANGE),
	XLAT(FALLOC_FL_UNSHARE_RANGE),
};
DEFINE_XLAT(xlat_falloc_flags, "falloc_flags", XLAT_FLAGS,
	    falloc_flags_ents);

static const struct xlat_ent rwf_flags_ents[] = {
	XLAT(RWF_HIPRI),
	XLAT(RWF_DSYNC),
	XLAT(RWF_SYNC),
	XLAT(RWF_NOWAIT),
	XLAT(RWF_APPEND),
	XLAT(RWF_NOAPPEND),
	XLAT(RWF_ATOMIC),
	XLAT(RWF_DONTCACHE),
};
DEFINE_XLAT(xlat_rwf_flags, "rwf_flags", XLAT_FLAGS, rwf_flags_ents);

static const struct xlat_ent statx_mask_ents[] = {
	XLAT(STATX_BASIC_STATS),	/* before the bits it is made of */
	XLAT(STATX_TYPE),
	XLAT(STATX_MODE),
	XLAT(STATX_NLINK),
	XLAT(STATX_UID),
	XLAT(STATX_GID),
	XLAT(STATX_ATIME),
	XLAT(STATX_MTIME),
	XLAT(STATX_CTIME),
	XLAT(STATX_INO),
	XLAT(STATX_SIZE),
	XLAT(STATX_BLOCKS),
	XLAT(STATX_BTIME),
	XLAT(STATX_MNT_ID),
	XLAT(STATX_DIOALIGN),
	XLAT(STATX_MNT_ID_UNIQUE),
	XLAT(STATX_SUBVOL),
	XLAT(STATX_WRITE_ATOMIC),
};
DEFINE_XLAT(xlat_statx_mask, "statx_mask", XLAT_FLAGS, statx_mask_ents);

static const struct xlat_ent xattr_flags_ents[] = {
	XLAT(XATTR_CREATE),
	XLAT(XATTR_REPLACE),
};
DEFINE_XLAT(xlat_xattr_flags, "xattr_flags", XLAT_FLAGS, xattr_flags_ents);

static const struct xlat_ent splice_flags_ents[] = {
	XLAT(SPLICE_F_MOVE),
	XLAT(SPLICE_F_NONBLOCK),
	XLAT(SPLICE_F_MORE),
	XLAT(SPLICE_F_GIFT),
};
DEFINE_XLAT(xlat_splice_flags, "splice_flags", XLAT_FLAGS,
	    splice_flags_ents);

static const struct xlat_ent sync_file_range_flags_ents[] = {
	XLAT(SYNC_FILE_RANGE_WAIT_BEFORE),
	XLAT(SYNC_FILE_RANGE_WRITE),
	XLAT(SYNC_FILE_RANGE_WAIT_AFTER),
};
DEFINE_XLAT(xlat_sync_file_range_flags, "sync_file_range_flags", XLAT_FLAGS,
	    sync_file_range_flags_ents);

static const struct xlat_ent close_range_flags_ents[] = {
	XLAT(CLOSE_RANGE_UNSHARE),
	XLAT(CLOSE_RANGE_CLOEXEC),
};
DEFINE_XLAT(xlat_close_range_flags, "close_range_flags", XLAT_FLAGS,
	    close_range_flags_ents);

static const struct xlat_ent memfd_flags_ents[] = {
	XLAT(MFD_CLOEXEC),
	XLAT(MFD_ALLOW_SEALING),
	XLAT(MFD_HUGETLB),
	XLAT(MFD_NOEXEC_SEAL),
	XLAT(MFD_EXEC),
};
DEFINE_XLAT(xlat_memfd_flags, "memfd_flags", XLAT_FLAGS, memfd_flags_ents);

static const struct xlat_ent efd_flags_ents[] = {
	XLAT(EFD_SEMAPHORE),
	XLAT(EFD_NONBLOCK),
	XLAT(EFD_CLOEXEC),
};
DEFINE_XLAT(xlat_efd_flags, "efd_flags", XLAT_FLAGS, efd_flags_ents);

static const struct xlat_ent tfd_flags_ents[] = {
	XLAT(TFD_NONBLOCK),
	XLAT(TFD_CLOEXEC),
};
DEFINE_XLAT(xlat_tfd_flags, "tfd_flags", XLAT_FLAGS, tfd_flags_ents);

static const struct xlat_ent tfd_settime_flags_ents[] = {
	XLAT(TFD_TIMER_ABSTIME),
	XLAT(TFD_TIMER_CANCEL_ON_SET),
};
DEFINE_XLAT(xlat_tfd_settime_flags, "tfd_settime_flags", XLAT_FLAGS,
	    tfd_settime_flags_ents);

static const struct xlat_ent sfd_flags_ents[] = {
	XLAT(SFD_NONBLOCK),
	XLAT(SFD_CLOEXEC),
};
DEFINE_XLAT(xlat_sfd_flags, "sfd_flags", XLAT_FLAGS, sfd_flags_ents);

static const struct xlat_ent epoll_flags_ents[] = {
	XLAT(EPOLL_CLOEXEC),
};
DEFINE_XLAT(xlat_epoll_flags, "epoll_flags", XLAT_FLAGS, epoll_flags_ents);

static const struct xlat_ent epoll_op_ents[] = {
	XLAT(EPOLL_CTL_ADD),
	XLAT(EPOLL_CTL_DEL),
	XLAT(EPOLL_CTL_MOD),
};
DEFINE_XLAT(xlat_epoll_op, "epoll_op", XLAT_ENUM, epoll_op_ents);

static const struct xlat_ent inotify_init_flags_ents[] = {
	XLAT(IN_NONBLOCK),
	XLAT(IN_CLOEXEC),
};
DEFINE_XLAT(xlat_inotify_init_flags, "inotify_init_flags", XLAT_FLAGS,
	    inotify_init_flags_ents);

static const struct xlat_ent inotify_mask_ents[] = {
	XLAT(IN_ALL_EVENTS),	/* before the events it is made of */
	XLAT(IN_ACCESS),
	XLAT(IN_MODIFY),
	XLAT(IN_ATTRIB),
	XLAT(IN_CLOSE_WRITE),
	XLAT(IN_CLOSE_NOWRITE),
	XLAT(IN_OPEN),
	XLAT(IN_MOVED_FROM),
	XLAT(IN_MOVED_TO),
	XLAT(IN_CREATE),
	XLAT(IN_DELETE),
	XLAT(IN_DELETE_SELF),
	XLAT(IN_MOVE_SELF),
	XLAT(IN_UNMOUNT),
	XLAT(IN_Q_OVERFLOW),
	XLAT(IN_IGNORED),
	XLAT(IN_ONLYDIR),
	XLAT(IN_DONT_FOLLOW),
	XLAT(IN_EXCL_UNLINK),
	XLAT(IN_MASK_CREATE),
	XLAT(IN_MASK_ADD),
	XLAT(IN_ISDIR),
	XLAT(IN_ONESHOT),
};
DEFINE_XLAT(xlat_inotify_mask, "inotify_mask", XLAT_FLAGS,
	    inotify_mask_ents);

static const struct xlat_ent mount_flags_ents[] = {
	XLAT(MS_RDONLY),
	XLAT(MS_NOSUID),
	XLAT(MS_NODEV),
	XLAT(MS_NOEXEC),
	XLAT(MS_SYNCHRONOUS),
	XLAT(MS_REMOUNT),
	XLAT(MS_MANDLOCK),
	XLAT(MS_DIRSYNC),
	XLAT(MS_NOSYMFOLLOW),
	XLAT(MS_NOATIME),
	XLAT(MS_NODIRATIME),
	XLAT(MS_BIND),
	XLAT(MS_MOVE),
	XLAT(MS_REC),
	XLAT(MS_SILENT),
	XLAT(MS_POSIXACL),
	XLAT(MS_UNBINDABLE),
	XLAT(MS_PRIVATE),
	XLAT(MS_SLAVE),
	XLAT(MS_SHARED),
	XLAT(MS_RELATIME),
	XLAT(MS_KERNMOUNT),
	XLAT(MS_I_VERSION),
	XLAT(MS_STRICTATIME),
	XLAT(MS_LAZYTIME),
	XLAT(MS_NOREMOTELOCK),
	XLAT(MS_NOSEC),
	XLAT(MS_BORN),
	XLAT(MS_ACTIVE),
	XLAT(MS_NOUSER),
	XLAT(MS_MGC_VAL),	/* the old magic in the top 16 bits */
};
DEFINE_XLAT(xlat_mount_flags, "mount_flags", XLAT_FLAGS, mount_flags_ents);

static const struct xlat_ent umount_flags_ents[] = {
	XLAT(MNT_FORCE),
	XLAT(MNT_DETACH),
	XLAT(MNT_EXPIRE),
	XLAT(UMOUNT_NOFOLLOW),
};
DEFINE_XLAT(xlat_umount_flags, "umount_flags", XLAT_FLAGS,
	    umount_flags_ents);

/* File type bits of a mode (S_IFMT field), for mknod and friends. */
static const struct xlat_ent mode_type_ents[] = {
	XLAT(S_IFREG),
	XLAT(S_IFDIR),
	XLAT(S_IFCHR),
	XLAT(S_IFBLK),
	XLAT(S_IFIFO),
	XLAT(S_IFLNK),
	XLAT(S_IFSOCK),
};
DEFINE_XLAT(xlat_mode_type, "mode_type", XLAT_ENUM, mode_type_ents);

/* ---- Memory ---- */

static const struct xlat_ent prot_ents[] = {
	XLAT(PROT_NONE),
	XLAT(PROT_READ),
	XLAT(PROT_WRITE),
	XLAT(PROT_EXEC),
	XLAT(PROT_SEM),
	XLAT(PROT_GROWSDOWN),
	XLAT(PROT_GROWSUP),
};
DEFINE_XLAT(xlat_prot, "prot", XLAT_FLAGS, prot_ents);

static const struct xlat_ent map_type_ents[] = {
	XLAT(MAP_SHARED),
	XLAT(MAP_PRIVATE),
	XLAT(MAP_SHARED_VALIDATE),
	XLAT(MAP_DROPPABLE),
};
DEFINE_XLAT(xlat_map_type, "map_type", XLAT_ENUM, map_type_ents);

static const struct xlat_ent map_flags_ents[] = {
	XLAT(MAP_FIXED),
	XLAT(MAP_ANONYMOUS),
	XLAT(MAP_32BIT),
	XLAT(MAP_GROWSDOWN),
	XLAT(MAP_DENYWRITE),
	XLAT(MAP_EXECUTABLE),
	XLAT(MAP_LOCKED),
	XLAT(MAP_NORESERVE),
	XLAT(MAP_POPULATE),
	XLAT(MAP_NONBLOCK),
	XLAT(MAP_STACK),
	XLAT(MAP_HUGETLB),
	XLAT(MAP_SYNC),
	XLAT(MAP_FIXED_NOREPLACE),
	XLAT(MAP_UNINITIALIZED),
	XLAT_NV(MAP_ANONYMOUS, "MAP_ANON"),	/* aliases */
};
DEFINE_XLAT_FIELD(xlat_map_flags, "map_flags", map_flags_ents, MAP_TYPE,
		  &xlat_map_type);

static const struct xlat_ent mremap_flags_ents[] = {
	XLAT(MREMAP_MAYMOVE),
	XLAT(MREMAP_FIXED),
	XLAT(MREMAP_DONTUNMAP),
};
DEFINE_XLAT(xlat_mremap_flags, "mremap_flags", XLAT_FLAGS,
	    mremap_flags_ents);

static const struct xlat_ent msync_flags_ents[] = {
	XLAT(MS_ASYNC),
	XLAT(MS_INVALIDATE),
	XLAT(MS_SYNC),
};
DEFINE_XLAT(xlat_msync_flags, "msync_flags", XLAT_FLAGS, msync_flags_ents);

static const struct xlat_ent madvise_advice_ents[] = {
	XLAT(MADV_NORMAL),
	XLAT(MADV_RANDOM),
	XLAT(MADV_SEQUENTIAL),
	XLAT(MADV_WILLNEED),
	XLAT(MADV_DONTNEED),
	XLAT(MADV_FREE),
	XLAT(MADV_REMOVE),
	XLAT(MADV_DONTFORK),
	XLAT(MADV_DOFORK),
	XLAT(MADV_MERGEABLE),
	XLAT(MADV_UNMERGEABLE),
	XLAT(MADV_HUGEPAGE),
	XLAT(MADV_NOHUGEPAGE),
	XLAT(MADV_DONTDUMP),
	XLAT(MADV_DODUMP),
	XLAT(MADV_WIPEONFORK),
	XLAT(MADV_KEEPONFORK),
	XLAT(MADV_COLD),
	XLAT(MADV_PAGEOUT),
	XLAT(MADV_POPULATE_READ),
	XLAT(MADV_POPULATE_WRITE),
	XLAT(MADV_DONTNEED_LOCKED),
	XLAT(MADV_COLLAPSE),
	XLAT(MADV_HWPOISON),
	XLAT(MADV_SOFT_OFFLINE),
	XLAT(MADV_GUARD_INSTALL),
	XLAT(MADV_GUARD_REMOVE),
};
DEFINE_XLAT(xlat_madvise_advice, "madvise_advice", XLAT_ENUM,
	    madvise_advice_ents);

static const struct xlat_ent mlockall_flags_ents[] = {
	XLAT(MCL_CURRENT),
	XLAT(MCL_FUTURE),
	XLAT(MCL_ONFAULT),
};
DEFINE_XLAT(xlat_mlockall_flags, "mlockall_flags", XLAT_FLAGS,
	    mlockall_flags_ents);

static const struct xlat_ent mlock2_flags_ents[] = {
	XLAT(MLOCK_ONFAULT),
};
DEFINE_XLAT(xlat_mlock2_flags, "mlock2_flags", XLAT_FLAGS,
	    mlock2_flags_ents);

/* ---- Processes ---- */

static const struct xlat_ent clone_flags_ents[] = {
	XLAT(CLONE_VM),
	XLAT(CLONE_FS),
	XLAT(CLONE_FILES),
	XLAT(CLONE_SIGHAND),
	XLAT(CLONE_PIDFD),
	XLAT(CLONE_PTRACE),
	XLAT(CLONE_VFORK),
	XLAT(CLONE_PARENT),
	XLAT(CLONE_THREAD),
	XLAT(CLONE_NEWNS),
	XLAT(CLONE_SYSVSEM),
	XLAT(CLONE_SETTLS),
	XLAT(CLONE_PARENT_SETTID),
	XLAT(CLONE_CHILD_CLEARTID),
	XLAT(CLONE_DETACHED),
	XLAT(CLONE_UNTRACED),
	XLAT(CLONE_CHILD_SETTID),
	XLAT(CLONE_NEWCGROUP),
	XLAT(CLONE_NEWUTS),
	XLAT(CLONE_NEWIPC),
	XLAT(CLONE_NEWUSER),
	XLAT(CLONE_NEWPID),
	XLAT(CLONE_NEWNET),
	XLAT(CLONE_IO),
	XLAT(CLONE_CLEAR_SIGHAND),
	XLAT(CLONE_INTO_CGROUP),
	/* CLONE_NEWTIME (0x80) lies inside CSIGNAL: clone3 and unshare only;
	 * listed for parsing, clone(2) shows those bits as the exit signal. */
	XLAT(CLONE_NEWTIME),
};
/* The low byte (CSIGNAL) is the exit signal, printed last as strace does. */
DEFINE_XLAT_FIELD(xlat_clone_flags, "clone_flags", clone_flags_ents, CSIGNAL,
		  &xlat_signal);

static const struct xlat_ent wait_options_ents[] = {
	XLAT(WNOHANG),
	XLAT(WUNTRACED),	/* == WSTOPPED */
	XLAT(WEXITED),
	XLAT(WCONTINUED),
	XLAT(WNOWAIT),
	XLAT(__WNOTHREAD),
	XLAT(__WALL),
	XLAT(__WCLONE),
	XLAT_NV(WSTOPPED, "WSTOPPED"),
};
DEFINE_XLAT(xlat_wait_options, "wait_options", XLAT_FLAGS,
	    wait_options_ents);

static const struct xlat_ent waitid_idtype_ents[] = {
	XLAT(P_ALL),
	XLAT(P_PID),
	XLAT(P_PGID),
	XLAT(P_PIDFD),
};
DEFINE_XLAT(xlat_waitid_idtype, "waitid_idtype", XLAT_ENUM,
	    waitid_idtype_ents);

static const struct xlat_ent pidfd_flags_ents[] = {
	XLAT_NV(O_NONBLOCK, "PIDFD_NONBLOCK"),
	XLAT_NV(PIDFD_THREAD, "PIDFD_THREAD"),
};
DEFINE_XLAT(xlat_pidfd_flags, "pidfd_flags", XLAT_FLAGS, pidfd_flags_ents);

static const struct xlat_ent prctl_opt_ents[] = {
	XLAT(PR_SET_PDEATHSIG),
	XLAT(PR_GET_PDEATHSIG),
	XLAT(PR_GET_DUMPABLE),
	XLAT(PR_SET_DUMPABLE),
	XLAT(PR_GET_UNALIGN),
	XLAT(PR_SET_UNALIGN),
	XLAT(PR_GET_KEEPCAPS),
	XLAT(PR_SET_KEEPCAPS),
	XLAT(PR_GET_FPEMU),
	XLAT(PR_SET_FPEMU),
	XLAT(PR_GET_FPEXC),
	XLAT(PR_SET_FPEXC),
	XLAT(PR_GET_TIMING),
	XLAT(PR_SET_TIMING),
	XLAT(PR_SET_NAME),
	XLAT(PR_GET_NAME),
	XLAT(PR_GET_ENDIAN),
	XLAT(PR_SET_ENDIAN),
	XLAT(PR_GET_SECCOMP),
	XLAT(PR_SET_SECCOMP),
	XLAT(PR_CAPBSET_READ),
	XLAT(PR_CAPBSET_DROP),
	XLAT(PR_GET_TSC),
	XLAT(PR_SET_TSC),
	XLAT(PR_GET_SECUREBITS),
	XLAT(PR_SET_SECUREBITS),
	XLAT(PR_SET_TIMERSLACK),
	XLAT(PR_GET_TIMERSLACK),
	XLAT(PR_TASK_PERF_EVENTS_DISABLE),
	XLAT(PR_TASK_PERF_EVENTS_ENABLE),
	XLAT(PR_MCE_KILL),
	XLAT(PR_MCE_KILL_GET),
	XLAT(PR_SET_MM),
	XLAT(PR_SET_CHILD_SUBREAPER),
	XLAT(PR_GET_CHILD_SUBREAPER),
	XLAT(PR_SET_NO_NEW_PRIVS),
	XLAT(PR_GET_NO_NEW_PRIVS),
	XLAT(PR_GET_TID_ADDRESS),
	XLAT(PR_SET_THP_DISABLE),
	XLAT(PR_GET_THP_DISABLE),
	XLAT(PR_MPX_ENABLE_MANAGEMENT),
	XLAT(PR_MPX_DISABLE_MANAGEMENT),
	XLAT(PR_SET_FP_MODE),
	XLAT(PR_GET_FP_MODE),
	XLAT(PR_CAP_AMBIENT),
	XLAT(PR_SVE_SET_VL),
	XLAT(PR_SVE_GET_VL),
	XLAT(PR_GET_SPECULATION_CTRL),
	XLAT(PR_SET_SPECULATION_CTRL),
	XLAT(PR_PAC_RESET_KEYS),
	XLAT(PR_SET_TAGGED_ADDR_CTRL),
	XLAT(PR_GET_TAGGED_ADDR_CTRL),
	XLAT(PR_SET_IO_FLUSHER),
	XLAT(PR_GET_IO_FLUSHER),
	XLAT(PR_SET_SYSCALL_USER_DISPATCH),
	XLAT(PR_PAC_SET_ENABLED_KEYS),
	XLAT(PR_PAC_GET_ENABLED_KEYS),
	XLAT(PR_SCHED_CORE),
	XLAT(PR_SME_SET_VL),
	XLAT(PR_SME_GET_VL),
	XLAT(PR_SET_MDWE),
	XLAT(PR_GET_MDWE),
	XLAT(PR_SET_MEMORY_MERGE),
	XLAT(PR_GET_MEMORY_MERGE),
	XLAT(PR_RISCV_V_SET_CONTROL),
	XLAT(PR_RISCV_V_GET_CONTROL),
	XLAT(PR_RISCV_SET_ICACHE_FLUSH_CTX),
	XLAT(PR_PPC_GET_DEXCR),
	XLAT(PR_PPC_SET_DEXCR),
	XLAT(PR_GET_SHADOW_STACK_STATUS),
	XLAT(PR_SET_SHADOW_STACK_STATUS),
	XLAT(PR_LOCK_SHADOW_STACK_STATUS),
	XLAT(PR_TIMER_CREATE_RESTORE_IDS),
	XLAT(PR_FUTEX_HASH),
	XLAT(PR_SET_PTRACER),
	XLAT(PR_SET_VMA),
	XLAT(PR_GET_AUXV),
};
DEFINE_XLAT(xlat_prctl_opt, "prctl_opt", XLAT_ENUM, prctl_opt_ents);

static const struct xlat_ent arch_prctl_code_ents[] = {
	XLAT(ARCH_SET_GS),
	XLAT(ARCH_SET_FS),
	XLAT(ARCH_GET_FS),
	XLAT(ARCH_GET_GS),
	XLAT(ARCH_GET_CPUID),
	XLAT(ARCH_SET_CPUID),
	XLAT(ARCH_GET_XCOMP_SUPP),
	XLAT(ARCH_GET_XCOMP_PERM),
	XLAT(ARCH_REQ_XCOMP_PERM),
	XLAT(ARCH_GET_XCOMP_GUEST_PERM),
	XLAT(ARCH_REQ_XCOMP_GUEST_PERM),
	XLAT(ARCH_MAP_VDSO_X32),
	XLAT(ARCH_MAP_VDSO_32),
	XLAT(ARCH_MAP_VDSO_64),
	XLAT(ARCH_GET_UNTAG_MASK),
	XLAT(ARCH_ENABLE_TAGGED_ADDR),
	XLAT(ARCH_GET_MAX_TAG_BITS),
	XLAT(ARCH_FORCE_TAGGED_SVA),
	XLAT(ARCH_SHSTK_ENABLE),
	XLAT(ARCH_SHSTK_DISABLE),
	XLAT(ARCH_SHSTK_LOCK),
	XLAT(ARCH_SHSTK_UNLOCK),
	XLAT(ARCH_SHSTK_STATUS),
};
DEFINE_XLAT(xlat_arch_prctl_code, "arch_prctl_code", XLAT_ENUM,
	    arch_prctl_code_ents);

static const struct xlat_ent ptrace_req_ents[] = {
	XLAT(PTRACE_TRACEME),
	XLAT(PTRACE_PEEKTEXT),
	XLAT(PTRACE_PEEKDATA),
	XLAT(PTRACE_PEEKUSER),
	XLAT(PTRACE_POKETEXT),
	XLAT(PTRACE_POKEDATA),
	XLAT(PTRACE_POKEUSER),
	XLAT(PTRACE_CONT),
	XLAT(PTRACE_KILL),
	XLAT(PTRACE_SINGLESTEP),
	XLAT(PTRACE_GETREGS),
	XLAT(PTRACE_SETREGS),
	XLAT(PTRACE_GETFPREGS),
	XLAT(PTRACE_SETFPREGS),
	XLAT(PTRACE_ATTACH),
	XLAT(PTRACE_DETACH),
	XLAT(PTRACE_GETFPXREGS),
	XLAT(PTRACE_SETFPXREGS),
	XLAT(PTRACE_SYSCALL),
	XLAT_NV(21, "PTRACE_OLDSETOPTIONS"),
	XLAT_NV(25, "PTRACE_GET_THREAD_AREA"),
	XLAT_NV(26, "PTRACE_SET_THREAD_AREA"),
	XLAT_NV(30, "PTRACE_ARCH_PRCTL"),
	XLAT(PTRACE_SYSEMU),
	XLAT(PTRACE_SYSEMU_SINGLESTEP),
	XLAT_NV(33, "PTRACE_SINGLEBLOCK"),
	XLAT(PTRACE_SETOPTIONS),
	XLAT(PTRACE_GETEVENTMSG),
	XLAT(PTRACE_GETSIGINFO),
	XLAT(PTRACE_SETSIGINFO),
	XLAT(PTRACE_GETREGSET),
	XLAT(PTRACE_SETREGSET),
	XLAT(PTRACE_SEIZE),
	XLAT(PTRACE_INTERRUPT),
	XLAT(PTRACE_LISTEN),
	XLAT(PTRACE_PEEKSIGINFO),
	XLAT(PTRACE_GETSIGMASK),
	XLAT(PTRACE_SETSIGMASK),
	XLAT(PTRACE_SECCOMP_GET_FILTER),
	XLAT(PTRACE_SECCOMP_GET_METADATA),
	XLAT(PTRACE_GET_SYSCALL_INFO),
	XLAT(PTRACE_GET_RSEQ_CONFIGURATION),
	XLAT(PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG),
	XLAT(PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG),
	XLAT(PTRACE_SET_SYSCALL_INFO),
};
DEFINE_XLAT(xlat_ptrace_req, "ptrace_req", XLAT_ENUM, ptrace_req_ents);

static const struct xlat_ent sched_policy_ents[] = {
	XLAT(SCHED_OTHER),
	XLAT(SCHED_FIFO),
	XLAT(SCHED_RR),
	XLAT(SCHED_BATCH),
	XLAT(SCHED_IDLE),
	XLAT(SCHED_DEADLINE),
	XLAT_NV(7, "SCHED_EXT"),	/* 6.12 */
	XLAT_NV(SCHED_OTHER | SCHED_RESET_ON_FORK,
		"SCHED_OTHER|SCHED_RESET_ON_FORK"),
	XLAT_NV(SCHED_FIFO | SCHED_RESET_ON_FORK,
		"SCHED_FIFO|SCHED_RESET_ON_FORK"),
	XLAT_NV(SCHED_RR | SCHED_RESET_ON_FORK,
		"SCHED_RR|SCHED_RESET_ON_FORK"),
	XLAT_NV(SCHED_BATCH | SCHED_RESET_ON_FORK,
		"SCHED_BATCH|SCHED_RESET_ON_FORK"),
	XLAT_NV(SCHED_IDLE | SCHED_RESET_ON_FORK,
		"SCHED_IDLE|SCHED_RESET_ON_FORK"),
	XLAT(SCHED_RESET_ON_FORK),
};
DEFINE_XLAT(xlat_sched_policy, "sched_policy", XLAT_ENUM,
	    sched_policy_ents);

static const struct xlat_ent prio_which_ents[] = {
	XLAT(PRIO_PROCESS),
	XLAT(PRIO_PGRP),
	XLAT(PRIO_USER),
};
DEFINE_XLAT(xlat_prio_which, "prio_which", XLAT_ENUM, prio_which_ents);

static const struct xlat_ent rlimit_ents[] = {
	XLAT(RLIMIT_CPU),
	XLAT(RLIMIT_FSIZE),
	XLAT(RLIMIT_DATA),
	XLAT(RLIMIT_STACK),
	XLAT(RLIMIT_CORE),
	XLAT(RLIMIT_RSS),
	XLAT(RLIMIT_NPROC),
	XLAT(RLIMIT_NOFILE),
	XLAT(RLIMIT_MEMLOCK),
	XLAT(RLIMIT_AS),
	XLAT(RLIMIT_LOCKS),
	XLAT(RLIMIT_SIGPENDING),
	XLAT(RLIMIT_MSGQUEUE),
	XLAT(RLIMIT_NICE),
	XLAT(RLIMIT_RTPRIO),
	XLAT(RLIMIT_RTTIME),
};
DEFINE_XLAT(xlat_rlimit, "rlimit", XLAT_ENUM, rlimit_ents);

static const struct xlat_ent rusage_who_ents[] = {
	XLAT(RUSAGE_SELF),
	XLAT(RUSAGE_CHILDREN),
	XLAT(RUSAGE_THREAD),
};
DEFINE_XLAT(xlat_rusage_who, "rusage_who", XLAT_ENUM, rusage_who_ents);

static const struct xlat_ent seccomp_op_ents[] = {
	XLAT(SECCOMP_SET_MODE_STRICT),
	XLAT(SECCOMP_SET_MODE_FILTER),
	XLAT(SECCOMP_GET_ACTION_AVAIL),
	XLAT(SECCOMP_GET_NOTIF_SIZES),
};
DEFINE_XLAT(xlat_seccomp_op, "seccomp_op", XLAT_ENUM, seccomp_op_ents);

static const struct xlat_ent seccomp_flags_ents[] = {
	XLAT(SECCOMP_FILTER_FLAG_TSYNC),
	XLAT(SECCOMP_FILTER_FLAG_LOG),
	XLAT(SECCOMP_FILTER_FLAG_SPEC_ALLOW),
	XLAT(SECCOMP_FILTER_FLAG_NEW_LISTENER),
	XLAT(SECCOMP_FILTER_FLAG_TSYNC_ESRCH),
	XLAT(SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV),
};
DEFINE_XLAT(xlat_seccomp_flags, "seccomp_flags", XLAT_FLAGS,
	    seccomp_flags_ents);

static const struct xlat_ent audit_arch_ents[] = {
	XLAT(AUDIT_ARCH_X86_64),
	XLAT(AUDIT_ARCH_I386),
	XLAT(AUDIT_ARCH_AARCH64),
	XLAT(AUDIT_ARCH_ARM),
};
DEFINE_XLAT(xlat_audit_arch, "audit_arch", XLAT_ENUM, audit_arch_ents);

/* ---- Signals ---- */

/* Real-time signals are named as strace names them, from the kernel's
 * first one: SIGRT_0 is 32, SIGRT_2 is 34. "SIGRTMIN+N" is not used as a
 * name because it means something else in C: glibc keeps 32 and 33 for
 * itself and its SIGRTMIN is 34. When parsing, SIGRTMIN+N and SIGRTMAX-N
 * take glibc's meaning, so a policy can say what the program's source
 * says. */
#define KERNEL_SIGRTMIN 32
#define GLIBC_SIGRTMIN 34
#define RT(n) XLAT_NV(KERNEL_SIGRTMIN + (n), "SIGRT_" #n)

static const struct xlat_ent signal_ents[] = {
	XLAT(SIGHUP),
	XLAT(SIGINT),
	XLAT(SIGQUIT),
	XLAT(SIGILL),
	XLAT(SIGTRAP),
	XLAT(SIGABRT),
	XLAT(SIGBUS),
	XLAT(SIGFPE),
	XLAT(SIGKILL),
	XLAT(SIGUSR1),
	XLAT(SIGSEGV),
	XLAT(SIGUSR2),
	XLAT(SIGPIPE),
	XLAT(SIGALRM),
	XLAT(SIGTERM),
	XLAT(SIGSTKFLT),
	XLAT(SIGCHLD),
	XLAT(SIGCONT),
	XLAT(SIGSTOP),
	XLAT(SIGTSTP),
	XLAT(SIGTTIN),
	XLAT(SIGTTOU),
	XLAT(SIGURG),
	XLAT(SIGXCPU),
	XLAT(SIGXFSZ),
	XLAT(SIGVTALRM),
	XLAT(SIGPROF),
	XLAT(SIGWINCH),
	XLAT(SIGIO),
	XLAT(SIGPWR),
	XLAT(SIGSYS),
	RT(0),
	RT(1), RT(2), RT(3), RT(4), RT(5), RT(6), RT(7), RT(8),
	RT(9), RT(10), RT(11), RT(12), RT(13), RT(14), RT(15), RT(16),
	RT(17), RT(18), RT(19), RT(20), RT(21), RT(22), RT(23), RT(24),
	RT(25), RT(26), RT(27), RT(28), RT(29), RT(30), RT(31), RT(32),
	XLAT_NV(SIGABRT, "SIGIOT"),	/* aliases */
	XLAT_NV(SIGIO, "SIGPOLL"),
	XLAT_NV(SIGCHLD, "SIGCLD"),
};
DEFINE_XLAT(xlat_signal, "signal", XLAT_ENUM, signal_ents);
static_assert(_NSIG == 65, "the kernel has 64 signals on x86");

static const struct xlat_ent sigprocmask_how_ents[] = {
	XLAT(SIG_BLOCK),
	XLAT(SIG_UNBLOCK),
	XLAT(SIG_SETMASK),
};
DEFINE_XLAT(xlat_sigprocmask_how, "sigprocmask_how", XLAT_ENUM,
	    sigprocmask_how_ents);

/* si_code values that any signal may carry (si_code <= 0, SI_KERNEL). */
static const struct xlat_ent si_code_generic_ents[] = {
	XLAT(SI_USER),
	XLAT(SI_KERNEL),
	XLAT(SI_QUEUE),
	XLAT(SI_TIMER),
	XLAT(SI_MESGQ),
	XLAT(SI_ASYNCIO),
	XLAT(SI_SIGIO),
	XLAT(SI_TKILL),
	XLAT(SI_DETHREAD),
	XLAT(SI_ASYNCNL),
};
DEFINE_XLAT(xlat_si_code_generic, "si_code", XLAT_ENUM,
	    si_code_generic_ents);

static const struct xlat_ent si_code_ill_ents[] = {
	XLAT(ILL_ILLOPC),
	XLAT(ILL_ILLOPN),
	XLAT(ILL_ILLADR),
	XLAT(ILL_ILLTRP),
	XLAT(ILL_PRVOPC),
	XLAT(ILL_PRVREG),
	XLAT(ILL_COPROC),
	XLAT(ILL_BADSTK),
	XLAT(ILL_BADIADDR),
};
DEFINE_XLAT(xlat_si_code_ill, "si_code_ill", XLAT_ENUM, si_code_ill_ents);

static const struct xlat_ent si_code_fpe_ents[] = {
	XLAT(FPE_INTDIV),
	XLAT(FPE_INTOVF),
	XLAT(FPE_FLTDIV),
	XLAT(FPE_FLTOVF),
	XLAT(FPE_FLTUND),
	XLAT(FPE_FLTRES),
	XLAT(FPE_FLTINV),
	XLAT(FPE_FLTSUB),
	XLAT(FPE_FLTUNK),
	XLAT(FPE_CONDTRAP),
};
DEFINE_XLAT(xlat_si_code_fpe, "si_code_fpe", XLAT_ENUM, si_code_fpe_ents);

static const struct xlat_ent si_code_segv_ents[] = {
	XLAT(SEGV_MAPERR),
	XLAT(SEGV_ACCERR),
	XLAT(SEGV_BNDERR),
	XLAT(SEGV_PKUERR),
	XLAT(SEGV_ACCADI),
	XLAT(SEGV_ADIDERR),
	XLAT(SEGV_ADIPERR),
	XLAT(SEGV_MTEAERR),
	XLAT(SEGV_MTESERR),
	XLAT(SEGV_CPERR),
};
DEFINE_XLAT(xlat_si_code_segv, "si_code_segv", XLAT_ENUM,
	    si_code_segv_ents);

static const struct xlat_ent si_code_bus_ents[] = {
	XLAT(BUS_ADRALN),
	XLAT(BUS_ADRERR),
	XLAT(BUS_OBJERR),
	XLAT(BUS_MCEERR_AR),
	XLAT(BUS_MCEERR_AO),
};
DEFINE_XLAT(xlat_si_code_bus, "si_code_bus", XLAT_ENUM, si_code_bus_ents);

static const struct xlat_ent si_code_trap_ents[] = {
	XLAT(TRAP_BRKPT),
	XLAT(TRAP_TRACE),
	XLAT(TRAP_BRANCH),
	XLAT(TRAP_HWBKPT),
	XLAT(TRAP_UNK),
	XLAT(TRAP_PERF),
};
DEFINE_XLAT(xlat_si_code_trap, "si_code_trap", XLAT_ENUM,
	    si_code_trap_ents);

static const struct xlat_ent si_code_cld_ents[] = {
	XLAT(CLD_EXITED),
	XLAT(CLD_KILLED),
	XLAT(CLD_DUMPED),
	XLAT(CLD_TRAPPED),
	XLAT(CLD_STOPPED),
	XLAT(CLD_CONTINUED),
};
DEFINE_XLAT(xlat_si_code_cld, "si_code_cld", XLAT_ENUM, si_code_cld_ents);

static const struct xlat_ent si_code_poll_ents[] = {
	XLAT(POLL_IN),
	XLAT(POLL_OUT),
	XLAT(POLL_MSG),
	XLAT(POLL_ERR),
	XLAT(POLL_PRI),
	XLAT(POLL_HUP),
};
DEFINE_XLAT(xlat_si_code_poll, "si_code_poll", XLAT_ENUM,
	    si_code_poll_ents);

static const struct xlat_ent si_code_sys_ents[] = {
	XLAT(SYS_SECCOMP),
	XLAT(SYS_USER_DISPATCH),
};
DEFINE_XLAT(xlat_si_code_sys, "si_code_sys", XLAT_ENUM, si_code_sys_ents);

static const struct {
	int sig;
	const struct xlat *x;
} si_code_tables[] = {
	{ SIGILL, &xlat_si_code_ill },
	{ SIGFPE, &xlat_si_code_fpe },
	{ SIGSEGV, &xlat_si_code_segv },
	{ SIGBUS, &xlat_si_code_bus },
	{ SIGTRAP, &xlat_si_code_trap },
	{ SIGCHLD, &xlat_si_code_cld },
	{ SIGIO, &xlat_si_code_poll },
	{ SIGSYS, &xlat_si_code_sys },
};

const struct xlat *xlat_si_code_table(int sig)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(si_code_tables); i++)
		if (si_code_tables[i].sig == sig)
			return si_code_tables[i].x;
	return NULL;
}

/* ---- Time ---- */

static const struct xlat_ent clockid_ents[] = {
	XLAT(CLOCK_REALTIME),
	XLAT(CLOCK_MONOTONIC),
	XLAT(CLOCK_PROCESS_CPUTIME_ID),
	XLAT(CLOCK_THREAD_CPUTIME_ID),
	XLAT(CLOCK_MONOTONIC_RAW),
	XLAT(CLOCK_REALTIME_COARSE),
	XLAT(CLOCK_MONOTONIC_COARSE),
	XLAT(CLOCK_BOOTTIME),
	XLAT(CLOCK_REALTIME_ALARM),
	XLAT(CLOCK_BOOTTIME_ALARM),
	XLAT(CLOCK_TAI),
};
DEFINE_XLAT(xlat_clockid, "clockid", XLAT_ENUM, clockid_ents);

static const struct xlat_ent timer_flags_ents[] = {
	XLAT(TIMER_ABSTIME),
};
DEFINE_XLAT(xlat_timer_flags, "timer_flags", XLAT_FLAGS, timer_flags_ents);

static const struct xlat_ent itimer_which_ents[] = {
	XLAT(ITIMER_REAL),
	XLAT(ITIMER_VIRTUAL),
	XLAT(ITIMER_PROF),
};
DEFINE_XLAT(xlat_itimer_which, "itimer_which", XLAT_ENUM,
	    itimer_which_ents);

/* ---- Sockets ---- */

static const struct xlat_ent af_ents[] = {
	XLAT(AF_UNSPEC),
	XLAT(AF_UNIX),
	XLAT(AF_INET),
	XLAT(AF_AX25),
	XLAT(AF_IPX),
	XLAT(AF_APPLETALK),
	XLAT(AF_NETROM),
	XLAT(AF_BRIDGE),
	XLAT(AF_ATMPVC),
	XLAT(AF_X25),
	XLAT(AF_INET6),
	XLAT(AF_ROSE),
	XLAT(AF_DECnet),
	XLAT(AF_NETBEUI),
	XLAT(AF_SECURITY),
	XLAT(AF_KEY),
	XLAT(AF_NETLINK),
	XLAT(AF_PACKET),
	XLAT(AF_ASH),
	XLAT(AF_ECONET),
	XLAT(AF_ATMSVC),
	XLAT(AF_RDS),
	XLAT(AF_SNA),
	XLAT(AF_IRDA),
	XLAT(AF_PPPOX),
	XLAT(AF_WANPIPE),
	XLAT(AF_LLC),
	XLAT(AF_IB),
	XLAT(AF_MPLS),
	XLAT(AF_CAN),
	XLAT(AF_TIPC),
	XLAT(AF_BLUETOOTH),
	XLAT(AF_IUCV),
	XLAT(AF_RXRPC),
	XLAT(AF_ISDN),
	XLAT(AF_PHONET),
	XLAT(AF_IEEE802154),
	XLAT(AF_CAIF),
	XLAT(AF_ALG),
	XLAT(AF_NFC),
	XLAT(AF_VSOCK),
	XLAT(AF_KCM),
	XLAT(AF_QIPCRTR),
	XLAT(AF_SMC),
	XLAT(AF_XDP),
	XLAT(AF_MCTP),
	XLAT_NV(AF_UNIX, "AF_LOCAL"),	/* aliases */
	XLAT_NV(AF_NETLINK, "AF_ROUTE"),
	XLAT_NV(AF_UNIX, "PF_UNIX"),
	XLAT_NV(AF_UNIX, "PF_LOCAL"),
	XLAT_NV(AF_INET, "PF_INET"),
	XLAT_NV(AF_INET6, "PF_INET6"),
	XLAT_NV(AF_NETLINK, "PF_NETLINK"),
	XLAT_NV(AF_PACKET, "PF_PACKET"),
};
DEFINE_XLAT(xlat_af, "af", XLAT_ENUM, af_ents);

static const struct xlat_ent sock_type_base_ents[] = {
	XLAT(SOCK_STREAM),
	XLAT(SOCK_DGRAM),
	XLAT(SOCK_RAW),
	XLAT(SOCK_RDM),
	XLAT(SOCK_SEQPACKET),
	XLAT(SOCK_DCCP),
	XLAT(SOCK_PACKET),
};
DEFINE_XLAT(xlat_sock_type_base, "sock_type_base", XLAT_ENUM,
	    sock_type_base_ents);

static const struct xlat_ent sock_flags_ents[] = {
	XLAT(SOCK_NONBLOCK),
	XLAT(SOCK_CLOEXEC),
};
/* The socket type lives in the low 4 bits (SOCK_TYPE_MASK in the kernel). */
DEFINE_XLAT_FIELD(xlat_sock_type, "sock_type", sock_flags_ents, 0xf,
		  &xlat_sock_type_base);
DEFINE_XLAT(xlat_sock_flags, "sock_flags", XLAT_FLAGS, sock_flags_ents);

static const struct xlat_ent sock_level_ents[] = {
	XLAT(SOL_IP),
	XLAT(SOL_SOCKET),
	XLAT(SOL_TCP),
	XLAT(SOL_UDP),
	XLAT(SOL_IPV6),
	XLAT(SOL_ICMPV6),
	XLAT(SOL_RAW),
	XLAT(SOL_PACKET),
	XLAT(SOL_NETLINK),
	XLAT(SOL_ALG),
	XLAT(SOL_TLS),
	XLAT(SOL_XDP),
	XLAT(SOL_MPTCP),
};
DEFINE_XLAT(xlat_sock_level, "sock_level", XLAT_ENUM, sock_level_ents);

static const struct xlat_ent msg_flags_ents[] = {
	XLAT(MSG_OOB),
	XLAT(MSG_PEEK),
	XLAT(MSG_DONTROUTE),
	XLAT(MSG_CTRUNC),
	XLAT(MSG_PROXY),
	XLAT(MSG_TRUNC),
	XLAT(MSG_DONTWAIT),
	XLAT(MSG_EOR),
	XLAT(MSG_WAITALL),
	XLAT(MSG_FIN),
	XLAT(MSG_SYN),
	XLAT(MSG_CONFIRM),
	XLAT(MSG_RST),
	XLAT(MSG_ERRQUEUE),
	XLAT(MSG_NOSIGNAL),
	XLAT(MSG_MORE),
	XLAT(MSG_WAITFORONE),
	XLAT(MSG_BATCH),
	XLAT(MSG_ZEROCOPY),
	XLAT(MSG_FASTOPEN),
	XLAT(MSG_CMSG_CLOEXEC),
};
DEFINE_XLAT(xlat_msg_flags, "msg_flags", XLAT_FLAGS, msg_flags_ents);

static const struct xlat_ent shutdown_how_ents[] = {
	XLAT(SHUT_RD),
	XLAT(SHUT_WR),
	XLAT(SHUT_RDWR),
};
DEFINE_XLAT(xlat_shutdown_how, "shutdown_how", XLAT_ENUM,
	    shutdown_how_ents);

/* i386 socketcall(2) call numbers. */
static const struct xlat_ent socketcall_ents[] = {
	XLAT(SYS_SOCKET),
	XLAT(SYS_BIND),
	XLAT(SYS_CONNECT),
	XLAT(SYS_LISTEN),
	XLAT(SYS_ACCEPT),
	XLAT(SYS_GETSOCKNAME),
	XLAT(SYS_GETPEERNAME),
	XLAT(SYS_SOCKETPAIR),
	XLAT(SYS_SEND),
	XLAT(SYS_RECV),
	XLAT(SYS_SENDTO),
	XLAT(SYS_RECVFROM),
	XLAT(SYS_SHUTDOWN),
	XLAT(SYS_SETSOCKOPT),
	XLAT(SYS_GETSOCKOPT),
	XLAT(SYS_SENDMSG),
	XLAT(SYS_RECVMSG),
	XLAT(SYS_ACCEPT4),
	XLAT(SYS_RECVMMSG),
	XLAT(SYS_SENDMMSG),
};
DEFINE_XLAT(xlat_socketcall, "socketcall", XLAT_ENUM, socketcall_ents);

/* ---- SysV IPC ---- */

static const struct xlat_ent ipc_cmd_ents[] = {
	XLAT(IPC_RMID),
	XLAT(IPC_SET),
	XLAT(IPC_STAT),
	XLAT(IPC_INFO),
	XLAT(SHM_LOCK),
	XLAT(SHM_UNLOCK),
	XLAT(SHM_STAT),
	XLAT(SHM_INFO),
	XLAT(SHM_STAT_ANY),
	XLAT(GETPID),
	XLAT(GETVAL),
	XLAT(GETALL),
	XLAT(GETNCNT),
	XLAT(GETZCNT),
	XLAT(SETVAL),
	XLAT(SETALL),
	XLAT(SEM_STAT),
	XLAT(SEM_INFO),
	XLAT(SEM_STAT_ANY),
	XLAT(MSG_STAT),
	XLAT(MSG_INFO),
	XLAT(MSG_STAT_ANY),
};
DEFINE_XLAT(xlat_ipc_cmd, "ipc_cmd", XLAT_ENUM, ipc_cmd_ents);

static const struct xlat_ent ipc_flags_ents[] = {
	XLAT(IPC_CREAT),
	XLAT(IPC_EXCL),
	XLAT(IPC_NOWAIT),
	XLAT(SHM_HUGETLB),
	XLAT(SHM_NORESERVE),
};
/* The low 9 bits are the permissions: a field without a table, printed
 * in octal (IPC_CREAT|0600). */
DEFINE_XLAT_FIELD(xlat_ipc_flags, "ipc_flags", ipc_flags_ents, 0777, NULL);

static const struct xlat_ent shmat_flags_ents[] = {
	XLAT(SHM_RDONLY),
	XLAT(SHM_RND),
	XLAT(SHM_REMAP),
	XLAT(SHM_EXEC),
};
DEFINE_XLAT(xlat_shmat_flags, "shmat_flags", XLAT_FLAGS, shmat_flags_ents);

static const struct xlat_ent msgflg_ents[] = {
	XLAT(IPC_NOWAIT),
	XLAT(MSG_NOERROR),
	XLAT(MSG_EXCEPT),
	XLAT(MSG_COPY),
};
DEFINE_XLAT(xlat_msgflg, "msgflg", XLAT_FLAGS, msgflg_ents);

/* ---- Misc ---- */

static const struct xlat_ent futex_cmd_ents[] = {
	XLAT(FUTEX_WAIT),
	XLAT(FUTEX_WAKE),
	XLAT(FUTEX_FD),
	XLAT(FUTEX_REQUEUE),
	XLAT(FUTEX_CMP_REQUEUE),
	XLAT(FUTEX_WAKE_OP),
	XLAT(FUTEX_LOCK_PI),
	XLAT(FUTEX_UNLOCK_PI),
	XLAT(FUTEX_TRYLOCK_PI),
	XLAT(FUTEX_WAIT_BITSET),
	XLAT(FUTEX_WAKE_BITSET),
	XLAT(FUTEX_WAIT_REQUEUE_PI),
	XLAT(FUTEX_CMP_REQUEUE_PI),
	XLAT(FUTEX_LOCK_PI2),
};
DEFINE_XLAT(xlat_futex_cmd, "futex_cmd", XLAT_ENUM, futex_cmd_ents);

static const struct xlat_ent futex_op_ents[] = {
	XLAT(FUTEX_PRIVATE_FLAG),
	XLAT(FUTEX_CLOCK_REALTIME),
};
DEFINE_XLAT_FIELD(xlat_futex_op, "futex_op", futex_op_ents, 0x7f,
		  &xlat_futex_cmd);

static const struct xlat_ent getrandom_flags_ents[] = {
	XLAT(GRND_NONBLOCK),
	XLAT(GRND_RANDOM),
	XLAT(GRND_INSECURE),
};
DEFINE_XLAT(xlat_getrandom_flags, "getrandom_flags", XLAT_FLAGS,
	    getrandom_flags_ents);

static const struct xlat_ent bpf_cmd_ents[] = {
	XLAT(BPF_MAP_CREATE),
	XLAT(BPF_MAP_LOOKUP_ELEM),
	XLAT(BPF_MAP_UPDATE_ELEM),
	XLAT(BPF_MAP_DELETE_ELEM),
	XLAT(BPF_MAP_GET_NEXT_KEY),
	XLAT(BPF_PROG_LOAD),
	XLAT(BPF_OBJ_PIN),
	XLAT(BPF_OBJ_GET),
	XLAT(BPF_PROG_ATTACH),
	XLAT(BPF_PROG_DETACH),
	XLAT(BPF_PROG_TEST_RUN),
	XLAT(BPF_PROG_GET_NEXT_ID),
	XLAT(BPF_MAP_GET_NEXT_ID),
	XLAT(BPF_PROG_GET_FD_BY_ID),
	XLAT(BPF_MAP_GET_FD_BY_ID),
	XLAT(BPF_OBJ_GET_INFO_BY_FD),
	XLAT(BPF_PROG_QUERY),
	XLAT(BPF_RAW_TRACEPOINT_OPEN),
	XLAT(BPF_BTF_LOAD),
	XLAT(BPF_BTF_GET_FD_BY_ID),
	XLAT(BPF_TASK_FD_QUERY),
	XLAT(BPF_MAP_LOOKUP_AND_DELETE_ELEM),
	XLAT(BPF_MAP_FREEZE),
	XLAT(BPF_BTF_GET_NEXT_ID),
	XLAT(BPF_MAP_LOOKUP_BATCH),
	XLAT(BPF_MAP_LOOKUP_AND_DELETE_BATCH),
	XLAT(BPF_MAP_UPDATE_BATCH),
	XLAT(BPF_MAP_DELETE_BATCH),
	XLAT(BPF_LINK_CREATE),
	XLAT(BPF_LINK_UPDATE),
	XLAT(BPF_LINK_GET_FD_BY_ID),
	XLAT(BPF_LINK_GET_NEXT_ID),
	XLAT(BPF_ENABLE_STATS),
	XLAT(BPF_ITER_CREATE),
	XLAT(BPF_LINK_DETACH),
	XLAT(BPF_PROG_BIND_MAP),
	XLAT_NV(36, "BPF_TOKEN_CREATE"),	/* 6.9 */
	XLAT_NV(37, "BPF_PROG_STREAM_READ_BY_FD"),	/* 6.17 */
};
DEFINE_XLAT(xlat_bpf_cmd, "bpf_cmd", XLAT_ENUM, bpf_cmd_ents);

/* Common ioctl requests: terminals first (the classic escapes, TIOCSTI
 * and TIOCLINUX), then files, sockets, namespaces and seccomp notifiers. */
static const struct xlat_ent ioctl_cmd_ents[] = {
	XLAT(TCGETS),
	XLAT(TCSETS),
	XLAT(TCSETSW),
	XLAT(TCSETSF),
	XLAT(TCGETA),
	XLAT(TCSETA),
	XLAT(TCSETAW),
	XLAT(TCSETAF),
	XLAT(TCSBRK),
	XLAT(TCXONC),
	XLAT(TCFLSH),
	XLAT(TIOCEXCL),
	XLAT(TIOCNXCL),
	XLAT(TIOCSCTTY),
	XLAT(TIOCGPGRP),
	XLAT(TIOCSPGRP),
	XLAT(TIOCOUTQ),
	XLAT(TIOCSTI),
	XLAT(TIOCGWINSZ),
	XLAT(TIOCSWINSZ),
	XLAT(TIOCMGET),
	XLAT(TIOCMBIS),
	XLAT(TIOCMBIC),
	XLAT(TIOCMSET),
	XLAT(TIOCGSOFTCAR),
	XLAT(TIOCSSOFTCAR),
	XLAT(FIONREAD),
	XLAT(TIOCLINUX),
	XLAT(TIOCCONS),
	XLAT(TIOCGSERIAL),
	XLAT(TIOCSSERIAL),
	XLAT(TIOCPKT),
	XLAT(FIONBIO),
	XLAT(TIOCNOTTY),
	XLAT(TIOCSETD),
	XLAT(TIOCGETD),
	XLAT(TCSBRKP),
	XLAT(TIOCSBRK),
	XLAT(TIOCCBRK),
	XLAT(TIOCGSID),
	XLAT(TCGETS2),
	XLAT(TCSETS2),
	XLAT(TCSETSW2),
	XLAT(TCSETSF2),
	XLAT(TIOCGRS485),
	XLAT(TIOCSRS485),
	XLAT(TIOCGPTN),
	XLAT(TIOCSPTLCK),
	XLAT(TIOCGDEV),
	XLAT(TCGETX),
	XLAT(TCSETX),
	XLAT(TCSETXF),
	XLAT(TCSETXW),
	XLAT(TIOCSIG),
	XLAT(TIOCVHANGUP),
	XLAT(TIOCGPKT),
	XLAT(TIOCGPTLCK),
	XLAT(TIOCGEXCL),
	XLAT(TIOCGPTPEER),
	XLAT(FIONCLEX),
	XLAT(FIOCLEX),
	XLAT(FIOASYNC),
	XLAT(TIOCSERCONFIG),
	XLAT(TIOCSERGWILD),
	XLAT(TIOCSERSWILD),
	XLAT(TIOCGLCKTRMIOS),
	XLAT(TIOCSLCKTRMIOS),
	XLAT(TIOCSERGSTRUCT),
	XLAT(TIOCSERGETLSR),
	XLAT(TIOCSERGETMULTI),
	XLAT(TIOCSERSETMULTI),
	XLAT(TIOCMIWAIT),
	XLAT(TIOCGICOUNT),
	XLAT(FIOQSIZE),
	XLAT(FIBMAP),
	XLAT(FIGETBSZ),
	XLAT(FIFREEZE),
	XLAT(FITHAW),
	XLAT(FITRIM),
	XLAT(FICLONE),
	XLAT(FICLONERANGE),
	XLAT(FIDEDUPERANGE),
	XLAT(FS_IOC_GETFLAGS),
	XLAT(FS_IOC_SETFLAGS),
	XLAT(FS_IOC_GETVERSION),
	XLAT(FS_IOC_SETVERSION),
	XLAT(FS_IOC_FIEMAP),
	XLAT(FS_IOC_FSGETXATTR),
	XLAT(FS_IOC_FSSETXATTR),
	XLAT(BLKGETSIZE),
	XLAT(BLKGETSIZE64),
	XLAT(BLKSSZGET),
	XLAT(BLKFLSBUF),
	XLAT(BLKRRPART),
	XLAT(SIOCGIFNAME),
	XLAT(SIOCGIFCONF),
	XLAT(SIOCGIFFLAGS),
	XLAT(SIOCSIFFLAGS),
	XLAT(SIOCGIFADDR),
	XLAT(SIOCSIFADDR),
	XLAT(SIOCGIFINDEX),
	XLAT(SIOCGIFMTU),
	XLAT(SIOCSIFMTU),
	XLAT(SIOCGIFHWADDR),
	XLAT(SIOCATMARK),
	XLAT(SIOCGSTAMP),
	XLAT(SIOCGSTAMPNS),
	XLAT(SIOCADDRT),
	XLAT(SIOCDELRT),
	XLAT(NS_GET_USERNS),
	XLAT(NS_GET_PARENT),
	XLAT(NS_GET_NSTYPE),
	XLAT(NS_GET_OWNER_UID),
	XLAT(SECCOMP_IOCTL_NOTIF_RECV),
	XLAT(SECCOMP_IOCTL_NOTIF_SEND),
	XLAT(SECCOMP_IOCTL_NOTIF_ID_VALID),
	XLAT(SECCOMP_IOCTL_NOTIF_ADDFD),
	XLAT(SECCOMP_IOCTL_NOTIF_SET_FLAGS),
	XLAT_NV(FIONREAD, "TIOCINQ"),	/* aliases */
};
DEFINE_XLAT(xlat_ioctl_cmd, "ioctl_cmd", XLAT_ENUM, ioctl_cmd_ents);

/* ---- errno ---- */

static const struct xlat_ent errno_ents[] = {
	XLAT(EPERM), XLAT(ENOENT), XLAT(ESRCH), XLAT(EINTR), XLAT(EIO),
	XLAT(ENXIO), XLAT(E2BIG), XLAT(ENOEXEC), XLAT(EBADF), XLAT(ECHILD),
	XLAT(EAGAIN), XLAT(ENOMEM), XLAT(EACCES), XLAT(EFAULT),
	XLAT(ENOTBLK), XLAT(EBUSY), XLAT(EEXIST), XLAT(EXDEV), XLAT(ENODEV),
	XLAT(ENOTDIR), XLAT(EISDIR), XLAT(EINVAL), XLAT(ENFILE),
	XLAT(EMFILE), XLAT(ENOTTY), XLAT(ETXTBSY), XLAT(EFBIG),
	XLAT(ENOSPC), XLAT(ESPIPE), XLAT(EROFS), XLAT(EMLINK), XLAT(EPIPE),
	XLAT(EDOM), XLAT(ERANGE), XLAT(EDEADLK), XLAT(ENAMETOOLONG),
	XLAT(ENOLCK), XLAT(ENOSYS), XLAT(ENOTEMPTY), XLAT(ELOOP),
	XLAT(ENOMSG), XLAT(EIDRM), XLAT(ECHRNG), XLAT(EL2NSYNC),
	XLAT(EL3HLT), XLAT(EL3RST), XLAT(ELNRNG), XLAT(EUNATCH),
	XLAT(ENOCSI), XLAT(EL2HLT), XLAT(EBADE), XLAT(EBADR), XLAT(EXFULL),
	XLAT(ENOANO), XLAT(EBADRQC), XLAT(EBADSLT), XLAT(EBFONT),
	XLAT(ENOSTR), XLAT(ENODATA), XLAT(ETIME), XLAT(ENOSR),
	XLAT(ENONET), XLAT(ENOPKG), XLAT(EREMOTE), XLAT(ENOLINK),
	XLAT(EADV), XLAT(ESRMNT), XLAT(ECOMM), XLAT(EPROTO),
	XLAT(EMULTIHOP), XLAT(EDOTDOT), XLAT(EBADMSG), XLAT(EOVERFLOW),
	XLAT(ENOTUNIQ), XLAT(EBADFD), XLAT(EREMCHG), XLAT(ELIBACC),
	XLAT(ELIBBAD), XLAT(ELIBSCN), XLAT(ELIBMAX), XLAT(ELIBEXEC),
	XLAT(EILSEQ), XLAT(ERESTART), XLAT(ESTRPIPE), XLAT(EUSERS),
	XLAT(ENOTSOCK), XLAT(EDESTADDRREQ), XLAT(EMSGSIZE),
	XLAT(EPROTOTYPE), XLAT(ENOPROTOOPT), XLAT(EPROTONOSUPPORT),
	XLAT(ESOCKTNOSUPPORT), XLAT(EOPNOTSUPP), XLAT(EPFNOSUPPORT),
	XLAT(EAFNOSUPPORT), XLAT(EADDRINUSE), XLAT(EADDRNOTAVAIL),
	XLAT(ENETDOWN), XLAT(ENETUNREACH), XLAT(ENETRESET),
	XLAT(ECONNABORTED), XLAT(ECONNRESET), XLAT(ENOBUFS), XLAT(EISCONN),
	XLAT(ENOTCONN), XLAT(ESHUTDOWN), XLAT(ETOOMANYREFS),
	XLAT(ETIMEDOUT), XLAT(ECONNREFUSED), XLAT(EHOSTDOWN),
	XLAT(EHOSTUNREACH), XLAT(EALREADY), XLAT(EINPROGRESS),
	XLAT(ESTALE), XLAT(EUCLEAN), XLAT(ENOTNAM), XLAT(ENAVAIL),
	XLAT(EISNAM), XLAT(EREMOTEIO), XLAT(EDQUOT), XLAT(ENOMEDIUM),
	XLAT(EMEDIUMTYPE), XLAT(ECANCELED), XLAT(ENOKEY), XLAT(EKEYEXPIRED),
	XLAT(EKEYREVOKED), XLAT(EKEYREJECTED), XLAT(EOWNERDEAD),
	XLAT(ENOTRECOVERABLE), XLAT(ERFKILL), XLAT(EHWPOISON),
	/* Kernel-internal codes (include/linux/errno.h): a tracer sees them
	 * at syscall exit, e.g. ERESTARTSYS for an interrupted read. */
	XLAT_NV(512, "ERESTARTSYS"),
	XLAT_NV(513, "ERESTARTNOINTR"),
	XLAT_NV(514, "ERESTARTNOHAND"),
	XLAT_NV(515, "ENOIOCTLCMD"),
	XLAT_NV(516, "ERESTART_RESTARTBLOCK"),
	XLAT_NV(517, "EPROBE_DEFER"),
	XLAT_NV(518, "EOPENSTALE"),
	XLAT_NV(519, "ENOPARAM"),
	XLAT_NV(521, "EBADHANDLE"),
	XLAT_NV(522, "ENOTSYNC"),
	XLAT_NV(523, "EBADCOOKIE"),
	XLAT_NV(524, "ENOTSUPP"),
	XLAT_NV(525, "ETOOSMALL"),
	XLAT_NV(526, "ESERVERFAULT"),
	XLAT_NV(527, "EBADTYPE"),
	XLAT_NV(528, "EJUKEBOX"),
	XLAT_NV(529, "EIOCBQUEUED"),
	XLAT_NV(530, "ERECALLCONFLICT"),
	XLAT_NV(531, "ENOGRACE"),
	XLAT_NV(EAGAIN, "EWOULDBLOCK"),	/* aliases */
	XLAT_NV(EDEADLK, "EDEADLOCK"),
	XLAT_NV(EOPNOTSUPP, "ENOTSUP"),
};
DEFINE_XLAT(xlat_errno, "errno", XLAT_ENUM, errno_ents);

/* Descriptions of the kernel-internal codes, strace's wording. */
static const struct {
	int err;
	const char *desc;
} errno_internal_desc[] = {
	{ 512, "To be restarted if SA_RESTART is set" },
	{ 513, "To be restarted" },
	{ 514, "To be restarted if no handler" },
	{ 515, "No ioctl command" },
	{ 516, "Interrupted by signal" },
	{ 517, "Driver requests probe retry" },
	{ 518, "Open found a stale dentry" },
	{ 519, "Parameter not supported" },
	{ 521, "Illegal NFS file handle" },
	{ 522, "Update synchronization mismatch" },
	{ 523, "Cookie is stale" },
	{ 524, "Operation is not supported" },
	{ 525, "Buffer or request is too small" },
	{ 526, "An untranslatable error occurred" },
	{ 527, "Type not supported by server" },
	{ 528, "Request initiated, but will not complete before timeout" },
	{ 529, "iocb queued, will get completion event" },
	{ 530, "Conflict with recalled state" },
	{ 531, "NFS file lock reclaim refused" },
};

const char *errno_desc(int err)
{
	size_t i;

	if (err <= 0)
		return NULL;
	if (err < 512)
		return xlat_name(&xlat_errno, (uint64_t)err) ?
			strerrordesc_np(err) : NULL;
	for (i = 0; i < ARRAY_SIZE(errno_internal_desc); i++)
		if (errno_internal_desc[i].err == err)
			return errno_internal_desc[i].desc;
	return NULL;
}

/* ---- The registry xlat_parse() searches, in priority order. ---- */

static const struct xlat *const registry[] = {
	&xlat_open_flags, &xlat_open_accmode, &xlat_at_dirfd, &xlat_at_flags,
	&xlat_unlinkat_flags, &xlat_faccessat_flags, &xlat_access_mode,
	&xlat_fcntl_cmd, &xlat_fd_cloexec, &xlat_signal, &xlat_errno,
	&xlat_af, &xlat_sock_type, &xlat_sock_type_base, &xlat_sock_level,
	&xlat_msg_flags, &xlat_shutdown_how, &xlat_prot, &xlat_map_flags,
	&xlat_map_type, &xlat_clone_flags, &xlat_prctl_opt,
	&xlat_arch_prctl_code, &xlat_wait_options, &xlat_waitid_idtype,
	&xlat_ioctl_cmd, &xlat_ptrace_req, &xlat_seccomp_op,
	&xlat_seccomp_flags, &xlat_si_code_generic, &xlat_si_code_ill,
	&xlat_si_code_fpe, &xlat_si_code_segv, &xlat_si_code_bus,
	&xlat_si_code_trap, &xlat_si_code_cld, &xlat_si_code_poll,
	&xlat_si_code_sys, &xlat_seek_whence, &xlat_madvise_advice,
	&xlat_mremap_flags, &xlat_msync_flags, &xlat_mlockall_flags,
	&xlat_mlock2_flags, &xlat_sigprocmask_how, &xlat_futex_op,
	&xlat_futex_cmd, &xlat_clockid, &xlat_timer_flags, &xlat_rlimit,
	&xlat_rusage_who, &xlat_itimer_which, &xlat_epoll_op,
	&xlat_epoll_flags, &xlat_flock_op, &xlat_mount_flags,
	&xlat_umount_flags, &xlat_renameat2_flags, &xlat_memfd_flags,
	&xlat_efd_flags, &xlat_tfd_flags, &xlat_tfd_settime_flags,
	&xlat_sfd_flags, &xlat_inotify_init_flags, &xlat_inotify_mask,
	&xlat_pidfd_flags, &xlat_getrandom_flags, &xlat_sched_policy,
	&xlat_prio_which, &xlat_close_range_flags, &xlat_bpf_cmd,
	&xlat_splice_flags, &xlat_xattr_flags, &xlat_ipc_cmd, &xlat_ipc_flags,
	&xlat_shmat_flags, &xlat_msgflg, &xlat_fadvise_advice,
	&xlat_falloc_flags, &xlat_rwf_flags, &xlat_statx_mask,
	&xlat_socketcall, &xlat_sync_file_range_flags, &xlat_audit_arch,
	&xlat_mode_type,
	/* Subsets of tables above, listed for completeness. */
	&xlat_pipe_flags, &xlat_cloexec_flags, &xlat_fd_flags,
	&xlat_sock_flags,
};

const struct xlat *const *xlat_registry(size_t *n)
{
	*n = ARRAY_SIZE(registry);
	return registry;
}

/* ---- Lookups ---- */

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	size_t i;

	if (!x)
		return NULL;
	for (i = 0; i < x->n; i++)
		if (x->ents[i].val == val)
			return x->ents[i].name;
	return NULL;
}

/* Append the field of a FLAGS value: its name, octal for a field without
 * a table (permissions), hex when unnamed. Returns false if nothing was
 * written (a zero field with no name). */
static bool format_field(struct strbuf *sb, const struct xlat *x, uint64_t f,
			 const char *sep)
{
	const char *name = xlat_name(x->field, f);

	if (name) {
		sb_puts(sb, sep);
		sb_puts(sb, name);
		return true;
	}
	if (f == 0)
		return false;
	sb_puts(sb, sep);
	if (!x->field)
		sb_printf(sb, "%#llo", (unsigned long long)f);
	else
		sb_printf(sb, "%#llx", (unsigned long long)f);
	return true;
}

void xlat_format(struct strbuf *sb, const struct xlat *x, uint64_t val)
{
	const char *name;
	uint64_t rest = val, f = 0;
	bool any = false, field_last;
	size_t i;

	if (x->kind == XLAT_ENUM) {
		name = xlat_name(x, val);
		if (name)
			sb_puts(sb, name);
		else
			sb_printf(sb, "%#llx", (unsigned long long)val);
		return;
	}
	/* An enumerated field (O_ACCMODE, MAP_TYPE) leads, as in
	 * O_RDONLY|O_CLOEXEC; an exit signal or permission bits trail, as in
	 * CLONE_VM|SIGCHLD and IPC_CREAT|0600. */
	field_last = x->field_mask &&
		     (x->field == &xlat_signal || x->field == NULL);
	if (x->field_mask) {
		f = val & x->field_mask;
		rest &= ~x->field_mask;
		if (!field_last)
			any = format_field(sb, x, f, "");
	}
	for (i = 0; i < x->n; i++) {
		uint64_t v = x->ents[i].val;

		if (v && (rest & v) == v) {
			if (any)
				sb_putc(sb, '|');
			sb_puts(sb, x->ents[i].name);
			rest &= ~v;
			any = true;
		}
	}
	if (rest) {
		sb_printf(sb, "%s%#llx", any ? "|" : "",
			  (unsigned long long)rest);
		any = true;
	}
	if (field_last && format_field(sb, x, f, any ? "|" : ""))
		any = true;
	if (any)
		return;
	name = xlat_name(x, 0);	/* PROT_NONE, F_OK */
	sb_puts(sb, name ? name : "0");
}

int xlat_parse_in(const struct xlat *x, const char *name, uint64_t *val)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		if (strcmp(x->ents[i].name, name) == 0) {
			*val = x->ents[i].val;
			return 0;
		}
	}
	if (x->field)
		return xlat_parse_in(x->field, name, val);
	return -ENOENT;
}

int xlat_parse(const char *name, uint64_t *val)
{
	size_t i;
	int sig;

	for (i = 0; i < ARRAY_SIZE(registry); i++)
		if (xlat_parse_in(registry[i], name, val) == 0)
			return 0;
	/* SIGRTMAX-3 and the like, which no table spells out. */
	if (strncmp(name, "SIG", 3) == 0 && (sig = signal_parse(name)) > 0) {
		*val = (uint64_t)sig;
		return 0;
	}
	return -ENOENT;
}

/* Optimal string alignment distance (Levenshtein plus transpositions),
 * giving up once every path costs more than cap. Names longer than 63
 * bytes are not compared. */
size_t xlat_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t rows[3][64], *pp, *p, *c, best;

	if (la >= 64 || lb >= 64)
		return SIZE_MAX;
	if ((la > lb ? la - lb : lb - la) > cap)
		return SIZE_MAX;
	pp = rows[0], p = rows[1], c = rows[2];
	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		size_t *t;

		c[0] = i;
		best = c[0];
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t d = p[j - 1] + cost;

			if (p[j] + 1 < d)
				d = p[j] + 1;
			if (c[j - 1] + 1 < d)
				d = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d)
				d = pp[j - 2] + 1;
			c[j] = d;
			if (d < best)
				best = d;
		}
		if (best > cap)
			return SIZE_MAX;
		t = pp, pp = p, p = c, c = t;
	}
	return p[lb] <= cap ? p[lb] : SIZE_MAX;
}

/* How far a misspelling may be from a suggestion: one edit for short
 * names, more for long ones, never a whole short word. */
size_t xlat_suggest_cap(const char *name)
{
	size_t n = strlen(name);

	return n <= 4 ? 1 : n <= 8 ? 2 : 3;
}

const char *xlat_suggest(const char *name)
{
	size_t cap = xlat_suggest_cap(name), best = SIZE_MAX, i, j, d;
	const char *found = NULL;

	for (i = 0; i < ARRAY_SIZE(registry); i++) {
		const struct xlat *x = registry[i];

		for (j = 0; j < x->n; j++) {
			d = xlat_edit_distance(name, x->ents[j].name, cap);
			if (d < best) {
				best = d;
				found = x->ents[j].name;
			}
		}
	}
	return found;
}

/* ---- errno and signal helpers ---- */

const char *errno_name(int err)
{
	if (err <= 0)
		return NULL;
	return xlat_name(&xlat_errno, (uint64_t)err);
}

int errno_parse(const char *name)
{
	uint64_t v;

	if (xlat_parse_in(&xlat_errno, name, &v) < 0)
		return -1;
	return (int)v;
}

/* Never NULL-terminated-buffer tricks: the RT names are in xlat_signal,
 * so the returned string is static and thread-safe. */
const char *signal_name(int sig)
{
	if (sig <= 0)
		return NULL;
	return xlat_name(&xlat_signal, (uint64_t)sig);
}

/* Parse a non-negative decimal number that is the whole of s; -1 if not. */
static int parse_small_uint(const char *s)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > INT_MAX / 10)
			return -1;
	}
	return (int)v;
}

int signal_parse(const char *name)
{
	char buf[32];
	const char *s = name;
	uint64_t v;
	int n;

	n = parse_small_uint(name);
	if (n >= 0)
		return n >= 1 && n < _NSIG ? n : -1;
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	if (snprintf(buf, sizeof(buf), "SIG%s", s) >= (int)sizeof(buf))
		return -1;
	if (xlat_parse_in(&xlat_signal, buf, &v) == 0)
		return (int)v;
	/* Forms no table entry spells: SIGRTMIN[+N], SIGRTMAX[-N] in glibc's
	 * terms, and SIGRT_07. */
	if (strcmp(s, "RTMIN") == 0)
		return GLIBC_SIGRTMIN;
	if (strcmp(s, "RTMAX") == 0)
		return _NSIG - 1;
	if (strncmp(s, "RTMIN+", 6) == 0) {
		n = parse_small_uint(s + 6);
		return n >= 0 && GLIBC_SIGRTMIN + n < _NSIG ?
		       GLIBC_SIGRTMIN + n : -1;
	}
	if (strncmp(s, "RTMAX-", 6) == 0) {
		n = parse_small_uint(s + 6);
		return n >= 0 && _NSIG - 1 - n >= GLIBC_SIGRTMIN ?
		       _NSIG - 1 - n : -1;
	}
	if (strncmp(s, "RT_", 3) == 0) {
		n = parse_small_uint(s + 3);
		return n >= 0 && n <= 32 ? KERNEL_SIGRTMIN + n : -1;
	}
	return -1;
}

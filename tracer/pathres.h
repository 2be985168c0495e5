/* pathres: the file a traced task's path (or fd, or address) names,
 * worked out from the tracer the way the kernel will work it out.
 *
 * The walk is done with the tracee's own starting points (its root, its
 * thread's cwd, its fds, all reached through /proc/PID/task/TID), one
 * component at a time with O_PATH|O_NOFOLLOW, following symlinks itself:
 * text links are read and walked from the tracee's root or the link's
 * directory, "self" and "thread-self" in procfs mean the tracee, and
 * procfs magic links (fd/N, cwd, root, exe, map_files/A-B, ns/X) are
 * followed by the kernel to the object itself, as they would be for the
 * tracee. Nothing is looked up by a string in jail's namespace except
 * /proc and the final answer, which is checked to name the object found.
 *
 * The answer is the object's path in JAIL's view of the file system, not
 * the tracee's: after chroot("/srv") the tracee's "/etc/x" comes out as
 * "/srv/etc/x". Policies name real files, and a task that can chroot
 * (CAP_SYS_CHROOT) must not make "/tmp/x" mean a file in /etc by
 * chrooting into /etc. pathres_ctx.tracee_view asks for the tracee's
 * view instead (for display): then a file outside its root is -EREMOTE.
 *
 * Strings that are not absolute paths never match an fs.* pattern (they
 * are all absolute), so the call gets the default action:
 *	pipe:[N], socket:[N], anon_inode:[eventfd], mnt:[N]
 *		the kernel's names for objects with no path, as is
 *	memfd:NAME	a memfd_create(2) file
 *	deleted:/path	an unlinked file (the kernel's "/path (deleted)";
 *			a live file really named "x (deleted)" stays as is)
 *	unreachable:S	an object whose kernel name S does not lead back to
 *			it in jail's namespace (another mount namespace, an
 *			over-mounted directory, a detached mount, or a rename
 *			racing with us three times)
 *
 * Errors the kernel gives too (it fails the call itself, unless the file
 * system changes in between): -ENOENT, -ENOTDIR, -ELOOP (more than 40
 * links), -ENAMETOOLONG, -EBADF (dirfd or fd not open, or negative), and
 * -EXDEV for PATHRES_BENEATH/IN_ROOT escapes and magic links (openat2).
 * Jail's own errors, after which the kernel may well succeed, so the call
 * must be denied: -EREMOTE (jail cannot name the object: the tracee is
 * in another mount namespace, or /proc is another pid namespace's, or the
 * path is longer than PATH_MAX, or tracee_view and it is outside the
 * tracee's root), -ESRCH (the task is gone), -ENOSYS (kernel before 5.8,
 * or /proc is not procfs), -EAGAIN (a mapping changed under us),
 * -ENOMEM, and anything else. Resolution runs as root, so the tracee's
 * missing search permission (EACCES) is not seen here: the kernel fails
 * the call itself.
 *
 * Races: other threads and processes may rename, replace or unlink
 * components between this walk and the call itself; a ptrace sandbox
 * cannot close that window (see pathres.c).
 */
#ifndef JAIL_PATHRES_H
#define JAIL_PATHRES_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* One resolution; filled by the caller. */
struct pathres_ctx {
	pid_t pid;		/* the task's process */
	pid_t tid;		/* the thread (its cwd, root, fd table); 0: pid */
	bool tracee_view;	/* answer as the tracee sees it (see above) */
	/* Out, optional: set when the task's root is not jail's (chroot),
	 * so a path handed back to the task must be put in its view. */
	bool *chrooted;
	/* Out, optional: the file type (S_IFMT bits) of what the path
	 * names, 0 for a final component yet to be created. */
	unsigned *type;
};

enum {
	PATHRES_FOLLOW = 1u << 0,	/* follow a final symlink */
	PATHRES_CREATES = 1u << 1,	/* the final component may not exist */
	PATHRES_EMPTY_OK = 1u << 2,	/* "" means dirfd itself (AT_EMPTY_PATH) */
	PATHRES_DIR = 1u << 3,		/* final must be a directory (O_DIRECTORY) */
	/* openat2's RESOLVE_IN_ROOT: "/" and ".." stop at dirfd. The caller
	 * MUST pass it when the call has it: it changes which file opens. */
	PATHRES_IN_ROOT = 1u << 4,
	/* openat2's RESOLVE_BENEATH: escaping dirfd is -EXDEV. (The other
	 * RESOLVE_* flags only make the kernel fail more: not needed.) */
	PATHRES_BENEATH = 1u << 5,
};

/* Resolve path (the string read from the tracee; at most PATH_MAX - 1
 * bytes, else -ENAMETOOLONG) relative to dirfd (AT_FDCWD or an fd of the
 * tracee). On success returns 0 and *out is a malloc'd string the caller
 * frees: an absolute path with no ".", "..", symlinks or trailing slash
 * ("/" for the root), or one of the non-path strings above (e.g.
 * "/proc/self/fd/0" of a pipe). With PATHRES_CREATES and a missing final
 * component it is the parent's path + "/" + name. Returns -errno on
 * failure, with *out untouched. */
int pathres_resolve(const struct pathres_ctx *c, int dirfd, const char *path,
		    unsigned flags, char **out);

/* on: every task shares jail's mount namespace and root and cannot
 * change them (no CAP_SYS_ADMIN or CAP_SYS_CHROOT, no user namespaces),
 * so resolution need not look at either each time. Off by default. */
void pathres_fixed_view(bool on);

/* A jail-view path (from pathres_resolve) as the task names it from its
 * root: "/srv/etc/x" is "/etc/x" after chroot("/srv"). -EREMOTE when it
 * lies outside the task's root (only a dirfd or cwd there reaches it);
 * *path is left as it was on failure. */
int pathres_tracee_path(const struct pathres_ctx *c, char **path);

/* The path of the object the task's fd refers to (mmap's fd; fexecve).
 * -EBADF when fd is not open. *out as for pathres_resolve. */
int pathres_fd_path(const struct pathres_ctx *c, int fd, char **out);

/* The path of the file mapped at addr in the task (mprotect), from
 * /proc/PID/map_files (or, when that is refused to jail, the name in
 * /proc/PID/maps checked against the device and inode maps gives).
 * -ENOMEM when nothing is mapped at addr (mprotect's own answer); -ENXIO
 * when maps shows neither inode nor path there (anonymous memory, [heap],
 * [stack], [vdso]): no file requirement then. Shared anonymous memory is
 * a deleted shmem file: "deleted:/dev/zero". -EAGAIN when the mapping
 * went away meanwhile. *out as for pathres_resolve. */
int pathres_addr_path(const struct pathres_ctx *c, uint64_t addr, char **out);

#endif

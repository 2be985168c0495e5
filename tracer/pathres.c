/* pathres: resolve a traced task's path as the kernel will (the contract
 * is in pathres.h).
 *
 * How the kernel walks (fs/namei.c), and how we follow it:
 *  - path_init: "/" starts at the task's root, anything else at its cwd
 *    or at dirfd, which must be a directory when the path is not empty;
 *    a bad dirfd does not matter for an absolute path. We open
 *    /proc/PID/task/TID/{root,cwd,fd/N}: the kernel follows those magic
 *    links to the very objects, whoever asks.
 *  - link_path_walk: components split on runs of '/'; "." stays; ".."
 *    stays at the root (the same mount and dentry), else climbs, crossing
 *    mounts upwards. openat(cur, "..") climbs for us; jail's root is above
 *    the tracee's, so the root check is the only part that is ours.
 *    Every component but the last must be a directory and symlinks there
 *    are always followed.
 *  - the last component is followed when the call follows, or when a
 *    trailing slash comes after it (which also demands a directory).
 *  - a symlink's body takes the link's place: we splice it in front of
 *    what is left ("body" + "/rest"). That walks as the kernel's stack of
 *    nested links does: a nested link's last component is followed, and
 *    must be a directory when something comes after it, while the path's
 *    own last component keeps the call's follow flag and trailing slash.
 *  - 40 links in all (MAXSYMLINKS), magic links and "self" included.
 *
 * Each component is opened O_PATH|O_NOFOLLOW relative to the previous
 * one, so the kernel never follows a link for us except a procfs magic
 * link, whose target does not depend on who asks. The final name is the
 * kernel's own (readlink of /proc/self/fd/N of our O_PATH fd, jail's
 * view), accepted only when looking it up again, with no symlinks, gives
 * the same object (mount, device, inode).
 *
 * Errors: pathres.h lists the ones the kernel gives too; the rest are
 * jail's own and the call must be denied (EREMOTE: jail cannot name the
 * object in its own namespace).
 *
 * Races: the tracee is stopped, but its other threads and other processes
 * are not. A rename, unlink or symlink swap between this walk and the
 * syscall makes the kernel reach something else (and an ENOENT answered
 * here may be a file by the time the kernel looks). That window is the
 * classic weakness of ptrace sandboxes; this module only promises to
 * agree with the kernel on a file system that holds still.
 */
#include "tracer/pathres.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

enum {
	MAX_LINKS = 40,		/* the kernel's MAXSYMLINKS */
	PROC_ROOT_INO = 1,	/* procfs root's inode number */
	PROC_DEPTH = 4,		/* N/task/M/fd: the deepest magic-link dir */
	NAME_TRIES = 3,		/* kernel names re-read after a rename race */
	MAPS_LINE = 2 * PATH_MAX,
};

static const char deleted_sfx[] = " (deleted)";

/* Which object an fd is. The kernel's path_equal() compares mount and
 * dentry; a directory has one dentry, so mount id, device and inode
 * tell the same. */
struct ident {
	uint64_t mnt;
	uint64_t ino;
	uint32_t maj, min;
	uint16_t mode;
	bool mount_root;
};

static int ident_get(int fd, struct ident *id)
{
	struct statx sx;

	if (statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW,
		  STATX_TYPE | STATX_INO | STATX_MNT_ID, &sx) < 0)
		return -errno;
	/* Both came with 5.8; without them neither ".." at the root nor
	 * the procfs root can be told: fail clearly, not open. */
	if (!(sx.stx_mask & STATX_MNT_ID) ||
	    !(sx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT))
		return -ENOSYS;
	id->mnt = sx.stx_mnt_id;
	id->ino = sx.stx_ino;
	id->maj = sx.stx_dev_major;
	id->min = sx.stx_dev_minor;
	id->mode = sx.stx_mode;
	id->mount_root = sx.stx_attributes & STATX_ATTR_MOUNT_ROOT;
	return 0;
}

static bool ident_same(const struct ident *a, const struct ident *b,
		       bool by_mnt)
{
	return a->ino == b->ino && a->maj == b->maj && a->min == b->min &&
	       (!by_mnt || a->mnt == b->mnt);
}

static void fd_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static void fd_replace(int *fd, int nfd)
{
	fd_close(fd);
	*fd = nfd;
}

/* readlinkat into buf[PATH_MAX], NUL-terminated. Returns the length. */
static int read_link(int dir, const char *name, char *buf)
{
	ssize_t n = readlinkat(dir, name, buf, PATH_MAX);

	if (n < 0)
		return -errno;
	if (n >= PATH_MAX)
		return -ENAMETOOLONG;
	buf[n] = '\0';
	return (int)n;
}

/* The kernel's name for what our fd refers to: d_path from jail's root
 * ("/a/b", "/a/b (deleted)") or a pseudo name ("pipe:[7]"). */
static int fd_kname(int fd, char *buf)
{
	char link[40];
	int n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = read_link(AT_FDCWD, link, buf);
	/* The object is fine, its name is too long for jail to hold. */
	return n == -ENAMETOOLONG ? -EREMOTE : n;
}

/* *out = prefix + s, malloc'd. */
static int dup_out(char **out, const char *prefix, const char *s)
{
	size_t a = strlen(prefix), b = strlen(s);
	char *p = malloc(a + b + 1);

	if (!p)
		return -ENOMEM;
	memcpy(p, prefix, a);
	memcpy(p + a, s, b + 1);
	*out = p;
	return 0;
}

/* Whether absolute path s in jail's view leads, with no symlink on the
 * way, to the object id: then it is the object's name. 0 if so, -EAGAIN
 * if not, -ENOSYS without openat2 (5.6). */
static int name_leads_to(const char *s, const struct ident *id, bool by_mnt)
{
	struct open_how how = {
		.flags = O_PATH | O_NOFOLLOW | O_CLOEXEC,
		.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
	};
	struct ident got;
	int fd, err;

	fd = (int)syscall(SYS_openat2, AT_FDCWD, s, &how, sizeof(how));
	if (fd < 0)
		return errno == ENOSYS ? -ENOSYS : -EAGAIN;
	err = ident_get(fd, &got);
	close(fd);
	if (err)
		return err;
	return ident_same(&got, id, by_mnt) ? 0 : -EAGAIN;
}

/* Our name for an object from the kernel's (kname, modified): the path
 * when it leads back to the object, else a string that is no absolute
 * path (pathres.h). -EAGAIN when the path leads elsewhere and the object
 * is not deleted: a rename raced with us, or the object is out of reach. */
static int name_object(char *kname, const struct ident *id, bool by_mnt,
		       char **out)
{
	size_t n = strlen(kname), sl = sizeof(deleted_sfx) - 1;
	int err;

	if (kname[0] != '/')	/* pipe:[N], socket:[N], anon_inode:.. */
		return dup_out(out, "", kname);
	err = name_leads_to(kname, id, by_mnt);
	if (err != -EAGAIN)
		return err ? err : dup_out(out, "", kname);
	if (n > sl && !strcmp(kname + n - sl, deleted_sfx)) {
		kname[n - sl] = '\0';
		if (!strncmp(kname, "/memfd:", 7))
			return dup_out(out, "memfd:", kname + 7);
		return dup_out(out, "deleted:", kname);
	}
	return -EAGAIN;
}

/* The name of the object our fd refers to (pathres.h's strings). */
static int fd_name(int fd, char **out, unsigned *type)
{
	char buf[PATH_MAX];
	struct ident id;
	int err, i;

	err = ident_get(fd, &id);
	if (!err && type)
		*type = id.mode & S_IFMT;
	for (i = 0; !err && i < NAME_TRIES; i++) {
		err = fd_kname(fd, buf);
		if (err < 0)
			return err;
		err = name_object(buf, &id, true, out);
		if (err != -EAGAIN)
			return err;
		err = 0;
	}
	return err ? err : dup_out(out, "unreachable:", buf);
}

/* /proc/PID/task/TID: the thread, checked to be in the process. */
/* Set by pathres_fixed_view(). */
static bool fixed_view;

void pathres_fixed_view(bool on)
{
	fixed_view = on;
}

/* "/proc/PID/task/TID" of the task into buf[64]; its length, or -ESRCH
 * for a context naming no task. */
static int task_dir(const struct pathres_ctx *c, char *buf)
{
	if (c->pid <= 0 || c->tid < 0)
		return -ESRCH;
	return snprintf(buf, 64, "/proc/%d/task/%d", (int)c->pid,
			(int)(c->tid ? c->tid : c->pid));
}

static int open_task(const struct pathres_ctx *c)
{
	static bool proc_ok;
	char name[64];
	struct statfs sf;
	int fd;

	if (task_dir(c, name) < 0)
		return -ESRCH;
	fd = open(name, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -ESRCH : -errno;
	/* Everything here trusts /proc to be procfs (jail's own mount
	 * namespace: once is enough). */
	if (!proc_ok &&
	    (fstatfs(fd, &sf) < 0 || sf.f_type != PROC_SUPER_MAGIC)) {
		close(fd);
		return -ENOSYS;
	}
	proc_ok = true;
	return fd;
}

/* Follow the task's magic link name ("root", "cwd", "fd/3") to its
 * object. */
static int open_task_link(int task, const char *name, bool is_fd)
{
	int fd = openat(task, name, O_PATH | O_CLOEXEC), alive;

	if (fd >= 0)
		return fd;
	if (errno != ENOENT)
		return -errno;
	if (!is_fd)
		return -ESRCH;	/* an exiting task has no root or cwd */
	alive = openat(task, "fd", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (alive < 0)
		return -ESRCH;
	close(alive);
	return -EBADF;
}

static int open_task_fd(int task, int fd)
{
	char name[32];

	if (fd < 0)
		return -EBADF;
	snprintf(name, sizeof(name), "fd/%d", fd);
	return open_task_link(task, name, true);
}

/* Jail's strings name files in jail's mount namespace only. */
static int same_mnt_ns(int task)
{
	static struct stat self;	/* jail's own never changes */
	static bool have_self;
	struct stat a;

	if (fixed_view)
		return 0;
	if (!have_self) {
		if (stat("/proc/self/ns/mnt", &self) < 0)
			return -errno;
		have_self = true;
	}
	if (fstatat(task, "ns/mnt", &a, 0) < 0)
		return errno == ENOENT ? -ESRCH : -errno;
	return a.st_dev == self.st_dev && a.st_ino == self.st_ino ? 0 : -EREMOTE;
}

/* ---- procfs: "self" and magic links ---- */

enum proc_dir {
	PD_NOT_PROC,
	PD_ROOT,	/* holds "self" and "thread-self" */
	PD_TASK,	/* N or N/task/M: cwd, root, exe are magic */
	PD_LINKS,	/* fd, map_files, ns of a task: all magic */
	PD_OTHER,	/* no magic links */
};

static bool is_proc(int fd)
{
	struct statfs sf;

	return fstatfs(fd, &sf) == 0 && sf.f_type == PROC_SUPER_MAGIC;
}

/* A procfs root: inode 1 at a mount's root. Inode 1 alone proves
 * nothing: pid entries take numbers from get_next_ino(), which wraps. */
static int is_proc_root(int fd, bool *yes)
{
	struct ident id;
	int err = ident_get(fd, &id);

	if (err)
		return err;
	*yes = id.ino == PROC_ROOT_INO && id.mount_root && is_proc(fd);
	return 0;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static bool links_dir(const char *s)
{
	return !strcmp(s, "fd") || !strcmp(s, "map_files") || !strcmp(s, "ns");
}

/* Magic links live in task directories and their fd, map_files and ns
 * subdirectories only. Which kind dir is comes from its place below the
 * procfs root: count the ".." steps up to the root (at most 4), then
 * read that many last components of its name. */
static int proc_dir_kind(int dir, enum proc_dir *kind)
{
	char buf[PATH_MAX], *save = NULL, *t;
	const char *last[PROC_DEPTH], *p[PROC_DEPTH];
	int fd = -1, up, depth = 0, err = 0, nfd;
	size_t nt = 0, i;
	bool root;

	*kind = PD_NOT_PROC;
	if (!is_proc(dir))
		return 0;
	err = is_proc_root(dir, &root);
	if (err || root) {
		*kind = PD_ROOT;
		return err;
	}
	*kind = PD_OTHER;
	for (up = 1; up <= PROC_DEPTH && !depth; up++) {
		nfd = openat(fd >= 0 ? fd : dir, "..",
			     O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (nfd < 0) {
			err = -errno;
			goto out;
		}
		fd_replace(&fd, nfd);
		if (!is_proc(fd))
			goto out;
		err = is_proc_root(fd, &root);
		if (err)
			goto out;
		if (root)
			depth = up;
	}
	if (!depth)
		goto out;
	err = fd_kname(dir, buf);
	if (err < 0)
		goto out;
	err = 0;
	for (t = strtok_r(buf, "/", &save); t; t = strtok_r(NULL, "/", &save))
		last[nt++ % PROC_DEPTH] = t;
	if (nt < (size_t)depth)
		goto out;
	for (i = 0; i < (size_t)depth; i++)
		p[i] = last[(nt - (size_t)depth + i) % PROC_DEPTH];
	/* N, N/L, N/task/M, N/task/M/L with L one of links_dir() */
	if (!all_digits(p[0]) ||
	    (depth >= 3 && (strcmp(p[1], "task") || !all_digits(p[2]))))
		goto out;
	if (depth == 1 || depth == 3)
		*kind = PD_TASK;
	else if (links_dir(p[depth - 1]))
		*kind = PD_LINKS;
out:
	fd_close(&fd);
	return err;
}

/* ---- the walk ---- */

struct walk {
	const struct pathres_ctx *c;
	unsigned flags;
	int root;		/* where "/" leads and ".." stops */
	struct ident root_id;
	int cur;		/* the directory being walked */
	char *rem;		/* the path left to walk (malloc'd) */
	size_t pos;
	int links;		/* symlinks followed */
};

/* What symlink `name` (open as fd) in w->cur leads to: *magic, or a body
 * in buf whose length is returned. procfs's "self" and "thread-self"
 * are the tracee's, not jail's. */
static int link_body(struct walk *w, int fd, const char *name, char *buf,
		     bool *magic)
{
	enum proc_dir kind;
	char mine[32];
	int err;

	*magic = false;
	err = proc_dir_kind(w->cur, &kind);
	if (err)
		return err;
	if (kind == PD_TASK || kind == PD_LINKS) {
		*magic = true;
		return 0;
	}
	if (kind != PD_ROOT ||
	    (strcmp(name, "self") && strcmp(name, "thread-self")))
		return read_link(fd, "", buf);
	/* The numbers are the tracee's in this procfs's pid namespace;
	 * jail knows them only when that is its own. */
	err = read_link(w->cur, "self", buf);
	if (err < 0)
		return err;
	snprintf(mine, sizeof(mine), "%d", (int)getpid());
	if (strcmp(buf, mine))
		return -EREMOTE;
	if (!strcmp(name, "self"))
		return snprintf(buf, PATH_MAX, "%d", (int)w->c->pid);
	return snprintf(buf, PATH_MAX, "%d/task/%d", (int)w->c->pid,
			(int)(w->c->tid ? w->c->tid : w->c->pid));
}

static void skip_slashes(struct walk *w)
{
	while (w->rem[w->pos] == '/')
		w->pos++;
}

static int jump_root(struct walk *w)
{
	int fd;

	if (w->flags & PATHRES_BENEATH)
		return -EXDEV;
	fd = fcntl(w->root, F_DUPFD_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	fd_replace(&w->cur, fd);
	skip_slashes(w);
	return 0;
}

/* Walk body in place of the link: rem = body + rest. */
static int push_link(struct walk *w, const char *body, size_t blen,
		     const char *rest)
{
	size_t rlen = strlen(rest);
	char *n = malloc(blen + rlen + 1);

	if (!n)
		return -ENOMEM;
	memcpy(n, body, blen);
	memcpy(n + blen, rest, rlen + 1);
	free(w->rem);
	w->rem = n;
	w->pos = 0;
	if (!blen) {
		/* An empty body (no symlink(2) makes one) leaves the walk
		 * where the link is, as the kernel's pick_link() does. */
		skip_slashes(w);
		return 0;
	}
	return body[0] == '/' ? jump_root(w) : 0;
}

static int dotdot(struct walk *w)
{
	struct ident id;
	int err, fd;

	err = ident_get(w->cur, &id);
	if (err)
		return err;
	if (ident_same(&id, &w->root_id, true))
		return w->flags & PATHRES_BENEATH ? -EXDEV : 0;
	fd = openat(w->cur, "..", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	fd_replace(&w->cur, fd);
	return 0;
}

static int open_child(int dir, const char *name, bool must_dir)
{
	int fl = O_PATH | O_NOFOLLOW | O_CLOEXEC, fd;

	/* O_DIRECTORY also mounts an automount point, as the kernel does
	 * for a directory it walks through. */
	fd = openat(dir, name, fl | (must_dir ? O_DIRECTORY : 0));
	if (fd < 0 && errno == ENOTDIR && must_dir)
		fd = openat(dir, name, fl);	/* a symlink, or ENOTDIR */
	return fd < 0 ? -errno : fd;
}

/* A missing final component to be created: parent's path + "/" + name. */
static int created_name(int dir, const char *name, char **out)
{
	char *parent = NULL, *p;
	size_t a, b;
	int err;

	err = fd_name(dir, &parent, NULL);
	if (err)
		return err;
	if (!strncmp(parent, "deleted:", 8)) {
		err = -ENOENT;	/* the kernel creates nothing in a dead dir */
		goto out;
	}
	if (parent[0] != '/') {
		err = -EREMOTE;
		goto out;
	}
	a = strcmp(parent, "/") ? strlen(parent) : 0;
	b = strlen(name);
	if (a + 1 + b >= PATH_MAX) {
		err = -EREMOTE;
		goto out;
	}
	p = malloc(a + 1 + b + 1);
	if (!p) {
		err = -ENOMEM;
		goto out;
	}
	memcpy(p, parent, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b + 1);
	*out = p;
out:
	free(parent);
	return err;
}

/* One component (a copy, NUL-terminated); rest is what follows it in
 * w->rem. On return *fin is the final object's fd, or *created the name
 * to create, or neither (go on). */
static int step(struct walk *w, const char *name, const char *rest,
		bool last, bool slash, int *fin, char **created)
{
	bool must_dir = !last || slash, magic;
	char body[PATH_MAX];
	struct ident id;
	int fd, n, err;

	if (!strcmp(name, "."))
		return 0;
	if (!strcmp(name, ".."))
		return dotdot(w);
	fd = open_child(w->cur, name, must_dir);
	if (fd == -ENOENT && last && (w->flags & PATHRES_CREATES))
		return created_name(w->cur, name, created);
	if (fd < 0)
		return fd;
	err = ident_get(fd, &id);
	if (err)
		goto out;
	if (!S_ISLNK(id.mode) ||
	    (last && !slash && !(w->flags & PATHRES_FOLLOW))) {
		if (must_dir && !S_ISDIR(id.mode)) {
			err = -ENOTDIR;
		} else if (last) {
			*fin = fd;
			fd = -1;
		} else {
			fd_replace(&w->cur, fd);
			fd = -1;
		}
		goto out;
	}
	if (++w->links > MAX_LINKS) {
		err = -ELOOP;
		goto out;
	}
	n = link_body(w, fd, name, body, &magic);
	if (n < 0) {
		err = n;
		goto out;
	}
	if (!magic) {
		err = push_link(w, body, (size_t)n, rest);
		goto out;
	}
	/* Scoped lookups refuse magic links (nd_jump_link). */
	if (w->flags & (PATHRES_BENEATH | PATHRES_IN_ROOT)) {
		err = -EXDEV;
		goto out;
	}
	/* The kernel jumps to the object itself, whoever asks. */
	fd_close(&fd);
	fd = openat(w->cur, name, O_PATH | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		goto out;
	}
	err = ident_get(fd, &id);
	if (!err && must_dir && !S_ISDIR(id.mode))
		err = -ENOTDIR;
	if (!err) {
		fd_replace(&w->cur, fd);
		fd = -1;
	}
out:
	fd_close(&fd);
	return err;
}

static int walk(struct walk *w, int *fin, char **created)
{
	int err = 0;

	if (w->rem[0] == '/')
		err = jump_root(w);
	while (!err && *fin < 0 && !*created) {
		const char *name = w->rem + w->pos, *rest, *next;
		char *comp;
		bool last;

		if (!*name) {	/* ended on cur: "/", "..", a magic link */
			*fin = w->cur;
			w->cur = -1;
			break;
		}
		rest = name + strcspn(name, "/");
		for (next = rest; *next == '/'; next++)
			;
		last = !*next;
		/* A copy: a followed link replaces w->rem under step(). */
		comp = strndup(name, (size_t)(rest - name));
		if (!comp)
			return -ENOMEM;
		w->pos = (size_t)(next - w->rem);
		err = step(w, comp, rest, last, next != rest, fin, created);
		free(comp);
	}
	return err;
}

/* The jail-view path s as the tracee sees it below its root. */
static int tracee_view(int troot, char **s)
{
	char *r = NULL;
	size_t n;
	int err;

	if ((*s)[0] != '/')
		return 0;
	err = fd_name(troot, &r, NULL);
	if (err)
		return err;
	n = strlen(r);
	if (r[0] != '/') {
		err = -EREMOTE;
	} else if (n > 1) {
		if (strncmp(*s, r, n) || ((*s)[n] != '/' && (*s)[n] != '\0'))
			err = -EREMOTE;	/* outside its root */
		else if ((*s)[n])
			memmove(*s, *s + n, strlen(*s + n) + 1);
		else
			strcpy(*s, "/");
	}
	free(r);
	return err;
}

/* The start of a relative (or scoped) walk: the cwd or dirfd's object. */
static int open_base(int task, int dirfd, bool nonempty)
{
	struct ident id;
	int fd, err;

	fd = dirfd == AT_FDCWD ? open_task_link(task, "cwd", false) :
				 open_task_fd(task, dirfd);
	if (fd < 0)
		return fd;
	err = ident_get(fd, &id);
	if (!err && nonempty && !S_ISDIR(id.mode))
		err = -ENOTDIR;
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}

/* s put in the view from the task's root; untouched on failure. */
static int task_view(int task, char **s)
{
	int troot, err;

	troot = open_task_link(task, "root", false);
	err = troot < 0 ? troot : tracee_view(troot, s);
	if (troot >= 0)
		close(troot);
	return err;
}

/* *out as the caller wants it: the tracee's view when asked for. */
static int apply_view(const struct pathres_ctx *c, int task, char **out)
{
	int err;

	if (!c->tracee_view)
		return 0;
	err = task_view(task, out);
	if (err) {
		free(*out);
		*out = NULL;
	}
	return err;
}

static bool on_procfs(int fd)
{
	struct statfs sf;

	return fstatfs(fd, &sf) < 0 || sf.f_type == PROC_SUPER_MAGIC;
}

/* Whether id is jail's own "/" (looked up once). */
static bool is_jail_root(const struct ident *id)
{
	static struct ident slash;
	static bool have_slash;

	if (!have_slash) {
		int s = open("/", O_PATH | O_CLOEXEC);

		if (s < 0 || ident_get(s, &slash) < 0) {
			if (s >= 0)
				close(s);
			return false;
		}
		close(s);
		have_slash = true;
	}
	return ident_same(id, &slash, true);
}

/* Whether absolute path s is already a name as the kernel gives one: no
 * "." or ".." component, no empty one, no trailing slash. */
static bool plain_abs(const char *s)
{
	const char *c;

	if (s[0] != '/')
		return false;
	for (c = s; *c; c++) {
		if (c[0] != '/')
			continue;
		if (c[1] == '/' || c[1] == '\0')
			return c == s && c[1] == '\0';
		if (c[1] == '.' && (c[2] == '/' || c[2] == '\0' ||
				    (c[2] == '.' && (c[3] == '/' || c[3] == '\0'))))
			return false;
	}
	return true;
}

/* An O_PATH open of what a path names, following its last symlink or
 * not as the call does. */
static struct open_how quick_how(unsigned flags, uint64_t resolve)
{
	return (struct open_how){
		.flags = O_PATH | O_CLOEXEC |
			 (flags & PATHRES_FOLLOW ? 0 : O_NOFOLLOW) |
			 (flags & PATHRES_DIR ? O_DIRECTORY : 0),
		.resolve = resolve,
	};
}

/* The commonest case, in three syscalls: in jail's own view, a plain
 * absolute path whose components are no symlinks is itself the name of
 * what it leads to (the kernel walked exactly those components), and a
 * walk that fails on the way fails the same with symlinks allowed (it
 * met none). 1: not that case, ask the slower ways. */
static int quick_plain(const char *path, unsigned flags, char **res,
		       unsigned *type)
{
	struct open_how how = quick_how(flags, RESOLVE_NO_SYMLINKS);
	struct ident id;
	int fd, err;

	if (!fixed_view || !plain_abs(path))
		return 1;
	fd = (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));
	if (fd < 0) {
		if ((errno == ENOENT && !(flags & PATHRES_CREATES)) ||
		    errno == ENOTDIR)
			return -errno;
		return 1;	/* ELOOP: a symlink; EACCES...: look closer */
	}
	err = ident_get(fd, &id);
	/* procfs is what differs between jail's view and the task's; it
	 * has an anonymous device (major 0), as tmpfs has */
	if (!err && id.maj == 0 && on_procfs(fd))
		err = 1;
	close(fd);
	if (err)
		return err;
	if (type)
		*type = id.mode & S_IFMT;
	return dup_out(res, "", path);
}

/* quick_plain() for a relative path: joined to the kernel's name for the
 * task's cwd (or dirfd), which is a plain absolute path when the
 * directory is reachable and not deleted. The name, not the directory,
 * is what the call is then pointed at, as for every checked path. */
static int quick_rel(const struct pathres_ctx *c, int dirfd,
		     const char *path, unsigned flags, char **res)
{
	char link[96], buf[PATH_MAX];
	size_t n, sl = sizeof(deleted_sfx) - 1;
	int len = task_dir(c, link);

	if (len < 0 || (dirfd < 0 && dirfd != AT_FDCWD))
		return 1;
	if (dirfd == AT_FDCWD)
		strcpy(link + len, "/cwd");
	else
		snprintf(link + len, sizeof(link) - (size_t)len, "/fd/%d",
			 dirfd);
	len = read_link(AT_FDCWD, link, buf);
	if (len <= 0)
		return 1;	/* the slower way says why */
	n = (size_t)len;
	if (!plain_abs(buf) || (n > sl && !strcmp(buf + n - sl, deleted_sfx)))
		return 1;
	if (n == 1)
		n = 0;		/* "/" + "/" + path */
	if (n + 1 + strlen(path) >= PATH_MAX)
		return 1;
	buf[n] = '/';
	strcpy(buf + n + 1, path);
	if (strstr(buf, "proc"))
		return 1;
	return quick_plain(buf, flags, res, c->type);
}

/* The common case, in a few syscalls: a task whose root is jail's, a path
 * that does not name /proc. The kernel walks it from the task's cwd (or
 * dirfd) for us, refusing magic links; symlinks it follows as it will
 * for the task, since root and mount namespace are the same. Whatever
 * could depend on which process resolves (procfs, magic links) goes to
 * the walk below: returns 1 then. Otherwise 0 with *res, or -errno where
 * the kernel fails the same way. */
static int quick_resolve(int task, int dirfd, const char *path,
			 unsigned flags, char **res, unsigned *type)
{
	struct open_how how = quick_how(flags, RESOLVE_NO_MAGICLINKS);
	struct ident rid;
	int root, base = AT_FDCWD, fd, err = 1;

	if (flags & (PATHRES_BENEATH | PATHRES_IN_ROOT) || strstr(path, "proc"))
		return 1;
	err = quick_plain(path, flags, res, type);
	if (err <= 0)
		return err;
	if (!fixed_view) {
		root = open_task_link(task, "root", false);
		if (root < 0)
			return root;
		err = ident_get(root, &rid);
		close(root);
		if (err || !is_jail_root(&rid))
			return 1;	/* chrooted: walk */
	}
	if (path[0] != '/') {
		base = open_base(task, dirfd, true);
		if (base < 0)
			return base;
		if (on_procfs(base)) {
			close(base);
			return 1;
		}
	}
	fd = (int)syscall(SYS_openat2, base, path, &how, sizeof(how));
	if (fd >= 0) {
		err = on_procfs(fd) ? 1 : fd_name(fd, res, type);
		close(fd);
	} else if (errno == ENAMETOOLONG) {
		err = -errno;
	} else if ((errno == ENOENT && !(flags & PATHRES_CREATES)) ||
		   errno == ENOTDIR) {
		/* A symlink on the way may have led into jail's own /proc
		 * ("/dev/fd/63" is /proc/self/fd/63: jail has no fd 63).
		 * The same error with no symlink allowed shows none did. */
		int e = errno;

		how.resolve |= RESOLVE_NO_SYMLINKS;
		fd = (int)syscall(SYS_openat2, base, path, &how, sizeof(how));
		if (fd >= 0)
			close(fd);
		err = fd < 0 && errno == e ? -e : 1;
	} else {
		err = 1;	/* ELOOP from a magic link, EXDEV...: walk */
	}
	if (base >= 0)
		close(base);
	return err;
}

int pathres_resolve(const struct pathres_ctx *c, int dirfd, const char *path,
		    unsigned flags, char **out)
{
	struct walk w = { .c = c, .flags = flags, .root = -1, .cur = -1 };
	bool scoped = flags & (PATHRES_BENEATH | PATHRES_IN_ROOT);
	int task = -1, fin = -1, err;
	char *res = NULL;
	struct ident id;

	if (strnlen(path, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	if (!*path && !(flags & PATHRES_EMPTY_OK))
		return -ENOENT;
	if (*path && path[0] != '/' && !scoped && !c->tracee_view &&
	    fixed_view) {
		err = quick_rel(c, dirfd, path, flags, &res);
		if (err <= 0)
			goto out;
	}
	/* An absolute path in a fixed view needs nothing of the task's
	 * unless the quick way fails: the task is opened when needed. */
	if (!fixed_view || path[0] != '/' || c->tracee_view) {
		task = open_task(c);
		if (task < 0)
			return task;
		err = same_mnt_ns(task);
		if (err)
			goto out;
	}
	if (*path && !c->tracee_view) {
		err = quick_resolve(task, dirfd, path, flags, &res, c->type);
		if (err <= 0)
			goto out;
		err = 0;
	}
	if (task < 0) {
		task = open_task(c);
		if (task < 0) {
			err = task;
			goto out;
		}
	}
	/* An absolute path ignores dirfd, even a bad one (path_init). */
	if (path[0] != '/' || scoped) {
		w.cur = open_base(task, dirfd, *path);
		if (w.cur < 0) {
			err = w.cur;
			goto out;
		}
	}
	if (!*path) {
		fin = w.cur;
		w.cur = -1;
	} else {
		w.root = scoped ? fcntl(w.cur, F_DUPFD_CLOEXEC, 0) :
				  open_task_link(task, "root", false);
		if (w.root < 0) {
			err = scoped ? -errno : w.root;
			goto out;
		}
		err = ident_get(w.root, &w.root_id);
		if (!err && c->chrooted && !scoped &&
		    !is_jail_root(&w.root_id))
			*c->chrooted = true;
		if (!err)
			err = dup_out(&w.rem, "", path);
		if (!err)
			err = walk(&w, &fin, &res);
		if (err)
			goto out;
	}
	if (fin >= 0) {
		err = ident_get(fin, &id);
		if (!err && (flags & PATHRES_DIR) && !S_ISDIR(id.mode))
			err = -ENOTDIR;
		if (!err)
			err = fd_name(fin, &res, c->type);
	}
	if (!err)
		err = apply_view(c, task, &res);
out:
	if (!err) {
		*out = res;
		res = NULL;
	}
	free(res);
	free(w.rem);
	fd_close(&w.cur);
	fd_close(&w.root);
	fd_close(&fin);
	fd_close(&task);
	return err;
}

int pathres_tracee_path(const struct pathres_ctx *c, char **path)
{
	int task, err;

	task = open_task(c);
	if (task < 0)
		return task;
	err = task_view(task, path);
	close(task);
	return err;
}

int pathres_fd_path(const struct pathres_ctx *c, int fd, char **out)
{
	int task, ofd, err;

	task = open_task(c);
	if (task < 0)
		return task;
	err = ofd = open_task_fd(task, fd);
	if (ofd >= 0) {
		err = fd_name(ofd, out, NULL);
		if (!err)
			err = apply_view(c, task, out);
		close(ofd);
	}
	close(task);
	return err;
}

/* ---- mappings ---- */

struct mapping {
	uint64_t start, end;
	uint32_t maj, min;
	uint64_t ino;
	char path[MAPS_LINE];	/* as maps prints it (may be cut short) */
};

/* The line of /proc/PID/maps that holds addr. -ENOMEM when none. */
static int find_mapping(int proc, uint64_t addr, struct mapping *m)
{
	char *line = m->path;	/* a line first, its path part in the end */
	int fd, err = -ENOMEM, off;
	bool whole = true;
	FILE *f;

	fd = openat(proc, "maps", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -ESRCH : -errno;
	f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return -ENOMEM;
	}
	while (fgets(line, MAPS_LINE, f)) {
		size_t n = strlen(line);
		bool head = whole;

		/* A line longer than the buffer: its head is parsed, the
		 * rest skipped (the path is then cut and will not verify). */
		whole = n && line[n - 1] == '\n';
		if (whole)
			line[n - 1] = '\0';
		if (!head)
			continue;
		off = -1;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %*x %x:%x %" SCNu64
			   " %n", &m->start, &m->end, &m->maj, &m->min, &m->ino,
			   &off) < 5 || off < 0)
			continue;
		if (addr < m->start || addr >= m->end)
			continue;
		memmove(line, line + off, strlen(line + off) + 1);
		err = 0;
		break;
	}
	fclose(f);
	return err;
}

/* Without CAP_SYS_ADMIN jail cannot open map_files: the name maps prints,
 * accepted when it leads to the device and inode maps gives. */
static int mapping_name(struct mapping *m, char **out)
{
	struct ident id = { .ino = m->ino, .maj = m->maj, .min = m->min };
	int err;

	if (m->path[0] != '/')	/* anon_inode:[perf_event] and the like */
		return dup_out(out, "", m->path);
	err = name_object(m->path, &id, false, out);
	return err == -EAGAIN ? dup_out(out, "unreachable:", m->path) : err;
}

int pathres_addr_path(const struct pathres_ctx *c, uint64_t addr, char **out)
{
	struct mapping *m;
	char name[64];
	int task, proc = -1, ofd, err;

	task = open_task(c);
	if (task < 0)
		return task;
	/* map_files is the process's, not the thread's: /proc/PID, reached
	 * from the thread's directory rather than by number again. */
	proc = openat(task, "../..", O_PATH | O_DIRECTORY | O_CLOEXEC);
	m = malloc(sizeof(*m));
	if (proc < 0 || !m) {
		err = proc < 0 ? -ESRCH : -ENOMEM;
		goto out;
	}
	err = find_mapping(proc, addr, m);
	if (err)
		goto out;
	/* No inode and no path: anonymous, [heap], [stack], [vdso]. */
	if (!m->ino && m->path[0] != '/') {
		err = -ENXIO;
		goto out;
	}
	snprintf(name, sizeof(name), "map_files/%" PRIx64 "-%" PRIx64,
		 m->start, m->end);
	ofd = openat(proc, name, O_PATH | O_CLOEXEC);
	if (ofd >= 0) {
		err = fd_name(ofd, out, NULL);
		close(ofd);
	} else if (errno == ENOENT) {
		/* A file mapping gone since maps was read: another thread
		 * is remapping. Never "no file" (ENXIO) on a race. */
		err = -EAGAIN;
	} else if (errno == EPERM || errno == EACCES) {
		err = mapping_name(m, out);
	} else {
		err = -errno;
	}
	if (!err)
		err = apply_view(c, task, out);
out:
	free(m);
	fd_close(&proc);
	close(task);
	return err;
}

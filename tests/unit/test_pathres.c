/* pathres against the kernel: a fixture tree in a mkdtemp directory and
 * forked children (one with its cwd in the tree, one chroot()ed into it,
 * and a thread with its own cwd via unshare(CLONE_FS)) that serve
 * requests: open this path (openat, openat2, O_CREAT, mkdir) and keep the
 * fd. The kernel is the oracle: what /proc/CHILD/fd/N names must be what
 * pathres_resolve says, and the error the kernel gives must be its error.
 * Non-path objects, deleted files and creations without following have
 * expected values worked out by hand. Needs root (chroot, map_files). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/capability.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tracer/pathres.h"
#include "t.h"

/* The child's fds. */
enum {
	FD_A = 10,	/* T/a, O_RDONLY|O_DIRECTORY */
	FD_FILE = 11,	/* T/file */
	FD_PIPE = 12,	/* a pipe's read end */
	FD_DIRP = 13,	/* T/dir, O_PATH */
	FD_MEMFD = 14,	/* memfd "mfd" */
	FD_SOCK = 15,	/* a unix socket */
	FD_DEL = 16,	/* T/del, unlinked */
	FD_GDEL = 17,	/* T/"g (deleted)", a live file */
	FD_PROC = 18,	/* /proc, O_PATH (not in the chroot child) */
	FD_OUT = 19,	/* /tmp: outside the chroot child's root */
	FD_COMM = 40,	/* 40..43: request and answer pipes */
};

enum { OP_OPEN, OP_OPENAT2, OP_CREAT, OP_MKDIR };

struct req {
	int op;
	int dirfd;
	int oflags;
	uint64_t resolve;
	char path[PATH_MAX + 8];
};

struct resp {
	int err;
	int fd;
};

struct info {
	pid_t tid;
	uint64_t a_file, a_anon, a_memfd, a_shanon;
};

struct server {
	pid_t pid, tid;
	int rq, rs;		/* our ends */
	struct info info;
};

static char T[64];	/* the fixture's root */

static int io_full(int fd, void *p, size_t n, bool wr)
{
	char *c = p;

	while (n) {
		ssize_t r = wr ? write(fd, c, n) : read(fd, c, n);

		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

/* ---- the child's side ---- */

static void serve(int rq, int rs)
{
	struct req q;
	struct resp r;
	int last = -1;

	while (io_full(rq, &q, sizeof(q), false) == 0) {
		struct open_how how = { .flags = (uint64_t)q.oflags,
					.resolve = q.resolve };
		int fd = -1;

		if (last >= 0)
			close(last);
		errno = 0;
		switch (q.op) {
		case OP_OPEN:
			fd = openat(q.dirfd, q.path, q.oflags);
			break;
		case OP_OPENAT2:
			fd = (int)syscall(SYS_openat2, q.dirfd, q.path, &how,
					  sizeof(how));
			break;
		case OP_CREAT:
			fd = openat(q.dirfd, q.path,
				    O_CREAT | O_WRONLY | q.oflags, 0600);
			break;
		case OP_MKDIR:
			if (mkdirat(q.dirfd, q.path, 0700) == 0)
				fd = openat(q.dirfd, q.path,
					    O_PATH | O_DIRECTORY);
			break;
		}
		r.err = fd < 0 ? errno : 0;
		r.fd = fd;
		last = fd;
		if (io_full(rs, &r, sizeof(r), true))
			break;
	}
	_exit(0);
}

static int thread_rq, thread_rs;
static pthread_barrier_t thread_go;

static void *thread_main(void *arg)
{
	char p[PATH_MAX];
	struct info in = { .tid = gettid() };

	(void)arg;
	snprintf(p, sizeof(p), "%s/dir", T);
	if (unshare(CLONE_FS) < 0 || chdir(p) < 0)
		_exit(20);
	pthread_barrier_wait(&thread_go);
	if (io_full(thread_rs, &in, sizeof(in), true))
		_exit(21);
	serve(thread_rq, thread_rs);
	return NULL;
}

static void place(int fd, int at)
{
	if (fd < 0 || dup2(fd, at) < 0)
		_exit(10);
	if (fd != at)
		close(fd);
}

static void tpath(char *buf, const char *rel)
{
	if (snprintf(buf, PATH_MAX, "%s/%s", T, rel) >= PATH_MAX)
		abort();
}

static void child(int p[4][2], bool chrooted)
{
	char b[PATH_MAX];
	struct info in = { .tid = getpid() };
	int pp[2], fd, i;
	pthread_t th;
	void *m;

	/* Our pipe ends at 40..43, then every other fd closed. */
	place(p[0][0], FD_COMM);
	place(p[1][1], FD_COMM + 1);
	place(p[2][0], FD_COMM + 2);
	place(p[3][1], FD_COMM + 3);
	for (i = 3; i < FD_COMM; i++)
		close(i);
	close(p[0][1]);
	close(p[1][0]);
	close(p[2][1]);
	close(p[3][0]);
	tpath(b, "a");
	place(open(b, O_RDONLY | O_DIRECTORY), FD_A);
	tpath(b, "file");
	place(open(b, O_RDONLY), FD_FILE);
	if (pipe(pp) < 0)
		_exit(11);
	place(pp[0], FD_PIPE);
	tpath(b, "dir");
	place(open(b, O_PATH), FD_DIRP);
	fd = memfd_create("mfd", 0);
	if (fd < 0 || ftruncate(fd, 4096) < 0)
		_exit(12);
	place(fd, FD_MEMFD);
	place(socket(AF_UNIX, SOCK_STREAM, 0), FD_SOCK);
	tpath(b, "del");
	place(open(b, O_RDWR | O_CREAT, 0600), FD_DEL);
	unlink(b);
	tpath(b, "g (deleted)");
	place(open(b, O_RDONLY), FD_GDEL);
	if (!chrooted)
		place(open("/proc", O_PATH | O_DIRECTORY), FD_PROC);
	place(open("/tmp", O_PATH | O_DIRECTORY), FD_OUT);

	m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, FD_FILE, 0);
	in.a_file = (uintptr_t)m;
	m = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	in.a_anon = (uintptr_t)m;
	m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, FD_MEMFD, 0);
	in.a_memfd = (uintptr_t)m;
	m = mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	in.a_shanon = (uintptr_t)m;

	if (chrooted && chroot(T) < 0)
		_exit(13);
	tpath(b, "sub");
	if (chdir(chrooted ? "/sub" : b) < 0)
		_exit(14);
	if (!chrooted) {
		thread_rq = FD_COMM + 2;
		thread_rs = FD_COMM + 3;
		pthread_barrier_init(&thread_go, NULL, 2);
		if (pthread_create(&th, NULL, thread_main, NULL))
			_exit(15);
		pthread_barrier_wait(&thread_go);
	}
	if (io_full(FD_COMM + 1, &in, sizeof(in), true))
		_exit(16);
	serve(FD_COMM, FD_COMM + 1);
}

/* The child's main thread in *s, its second thread (not chrooted) in
 * *thr. */
static pid_t spawn(bool chrooted, struct server *s, struct server *thr)
{
	int p[4][2], i;
	pid_t pid;

	for (i = 0; i < 4; i++)
		if (pipe(p[i]) < 0)
			abort();
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0)
		child(p, chrooted);
	close(p[0][0]);
	close(p[1][1]);
	close(p[2][0]);
	close(p[3][1]);
	s->pid = pid;
	s->rq = p[0][1];
	s->rs = p[1][0];
	if (io_full(s->rs, &s->info, sizeof(s->info), false))
		abort();
	s->tid = pid;
	if (thr) {
		thr->pid = pid;
		thr->rq = p[2][1];
		thr->rs = p[3][0];
		if (io_full(thr->rs, &thr->info, sizeof(thr->info), false))
			abort();
		thr->tid = thr->info.tid;
	} else {
		close(p[2][1]);
		close(p[3][0]);
	}
	return pid;
}

static void reap(struct server *s, struct server *thr)
{
	int st;

	kill(s->pid, SIGKILL);
	waitpid(s->pid, &st, 0);
	close(s->rq);
	close(s->rs);
	if (thr) {
		close(thr->rq);
		close(thr->rs);
	}
}

/* ---- the parent's side ---- */

static struct resp ask(struct server *s, int op, int dirfd, const char *path,
		       int oflags, uint64_t resolve)
{
	static struct req q;
	struct resp r;

	memset(&q, 0, sizeof(q));
	q.op = op;
	q.dirfd = dirfd;
	q.oflags = oflags;
	q.resolve = resolve;
	snprintf(q.path, sizeof(q.path), "%s", path);
	if (io_full(s->rq, &q, sizeof(q), true) ||
	    io_full(s->rs, &r, sizeof(r), false))
		abort();
	return r;
}

static int child_fd_name(const struct server *s, int fd, char *buf)
{
	char l[64];
	ssize_t n;

	snprintf(l, sizeof(l), "/proc/%d/fd/%d", (int)s->pid, fd);
	n = readlink(l, buf, PATH_MAX - 1);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

/* Whether path p (jail's view) is the object the child's fd refers to.
 * Opening /proc/PID/fd/N lands on the object, a symlink included. */
static bool same_object(const struct server *s, int fd, const char *p)
{
	struct stat a, b;
	char l[64];
	int o, r;

	snprintf(l, sizeof(l), "/proc/%d/fd/%d", (int)s->pid, fd);
	o = open(l, O_PATH);
	if (o < 0)
		return false;
	r = fstatat(o, "", &a, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
	close(o);
	if (r < 0 || lstat(p, &b) < 0)
		return false;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static const char *fl_name(unsigned f)
{
	static char b[64];

	snprintf(b, sizeof(b), "%s%s%s%s%s%s", f & PATHRES_FOLLOW ? "F" : "",
		 f & PATHRES_CREATES ? "C" : "", f & PATHRES_EMPTY_OK ? "E" : "",
		 f & PATHRES_DIR ? "D" : "", f & PATHRES_IN_ROOT ? "R" : "",
		 f & PATHRES_BENEATH ? "B" : "");
	return b;
}

/* Resolve as pathres and as the kernel, and compare. cleanup: the kernel
 * created what it named; remove it. */
static void diff(struct server *s, int dirfd, const char *path,
		 unsigned flags, bool cleanup)
{
	struct pathres_ctx c = { .pid = s->pid, .tid = s->tid };
	char kname[PATH_MAX], *got = NULL, shown[96];
	int op = OP_OPEN, of = O_PATH, r;
	uint64_t res = 0;
	struct resp k;

	snprintf(shown, sizeof(shown), "%.60s", path);
	for (r = 0; shown[r]; r++)
		if (shown[r] == '\n')
			shown[r] = '~';
	if (!(flags & PATHRES_FOLLOW))
		of |= O_NOFOLLOW;
	if (flags & PATHRES_DIR)
		of |= O_DIRECTORY;
	if (flags & PATHRES_CREATES) {
		op = flags & PATHRES_DIR ? OP_MKDIR : OP_CREAT;
		of &= ~(O_PATH | O_DIRECTORY);
	}
	if (flags & (PATHRES_IN_ROOT | PATHRES_BENEATH)) {
		op = OP_OPENAT2;
		res = flags & PATHRES_IN_ROOT ? RESOLVE_IN_ROOT :
						RESOLVE_BENEATH;
	}
	k = ask(s, op, dirfd, path, of, res);
	r = pathres_resolve(&c, dirfd, path, flags, &got);
	if (k.err) {
		T_OK(r == -k.err, "diff %d:%d '%s' %s: kernel %s, pathres %s",
		     (int)s->tid, dirfd, shown, fl_name(flags),
		     strerror(k.err), r ? strerror(-r) : got);
	} else if (child_fd_name(s, k.fd, kname) < 0) {
		T_OK(0, "diff '%s': readlink of the child's fd", shown);
	} else {
		bool same = r == 0 && !strcmp(got, kname) &&
			    (got[0] != '/' || same_object(s, k.fd, got));

		T_OK(same, "diff %d:%d '%s' %s -> %s", (int)s->tid, dirfd,
		     shown, fl_name(flags), strchr(kname, '\n') ? "(nl)" : kname);
		if (r || strcmp(got, kname))
			printf("#   pathres: %s\n", r ? strerror(-r) : got);
		if (cleanup && !(flags & PATHRES_DIR))
			unlink(kname);
		else if (cleanup)
			rmdir(kname);
	}
	free(got);
}

/* A hand-worked expectation: want_err, or the path want. */
static void expect(struct server *s, int dirfd, const char *path,
		   unsigned flags, int want_err, const char *want, bool view)
{
	struct pathres_ctx c = { .pid = s->pid, .tid = s->tid,
				 .tracee_view = view };
	char *got = NULL;
	int r = pathres_resolve(&c, dirfd, path, flags, &got);

	if (want_err)
		T_OK(r == -want_err, "resolve %d '%s' %s%s: %s (got %s)", dirfd,
		     path, fl_name(flags), view ? " view" : "",
		     strerror(want_err), r ? strerror(-r) : got);
	else
		T_OK(r == 0 && !strcmp(got, want), "resolve %d '%s' %s%s: %s "
		     "(got %s)", dirfd, path, fl_name(flags), view ? " view" : "",
		     want, r ? strerror(-r) : got);
	free(got);
}

static const char *tp(const char *rel)
{
	static char b[8][PATH_MAX];
	static int i;
	char *p = b[i++ % 8];

	if (*rel)
		tpath(p, rel);
	else
		snprintf(p, PATH_MAX, "%s", T);
	return p;
}

static void fixture(void)
{
	static const char *const dirs[] = { "a", "a/b", "a/b/d", "dir", "sub" };
	static const char *const files[] = { "a/b/c", "dir/f", "file", "sub/x",
					     "g (deleted)", "nl\nname" };
	static const struct { const char *at, *to; } links[] = {
		{ "a/up", "../dir" }, { "a/absl", "/b" },
		{ "a/b/filelink", "../../file" }, { "sub/lnk", "../a" },
		{ "rel", "a/b" }, { "abs", "/dir" },
		{ "loop1", "loop2" }, { "loop2", "loop1" },
		{ "selfloop", "selfloop" }, { "dangling", "nonexist" },
		{ "dangdir", "dir/newfile" }, { "dangdeep", "nodir/x" },
		{ "dotdot", "../../../../../../../.." },
		{ "fdlink", "/proc/self/fd/10" }, { "devfd", "/dev/fd/10/b" },
		{ "cwdlink", "/proc/self/cwd" }, { "slashlink", "dir/" },
		{ "fileslash", "file/" }, { "dotlink", "." },
		{ "dotdotlink", ".." }, { "tsself", "/proc/thread-self/cwd" },
	};
	char b[PATH_MAX], to[PATH_MAX];
	size_t i;
	int fd;

	snprintf(T, sizeof(T), "/tmp/pathres.XXXXXX");
	if (!mkdtemp(T))
		abort();
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (mkdir(tp(dirs[i]), 0755) < 0)
			abort();
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		fd = open(tp(files[i]), O_WRONLY | O_CREAT, 0644);
		if (fd < 0 || write(fd, "data\n", 5) != 5)
			abort();
		close(fd);
	}
	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		if (symlink(links[i].to, tp(links[i].at)) < 0)
			abort();
	snprintf(to, sizeof(to), "%s/dir", T);
	if (symlink(to, tp("absT")) < 0)
		abort();
	/* c00 -> c01 -> ... -> c40 -> file: 41 links from c00. */
	for (i = 0; i <= 40; i++) {
		snprintf(b, sizeof(b), "c%02zu", i);
		if (i < 40)
			snprintf(to, sizeof(to), "c%02zu", i + 1);
		else
			snprintf(to, sizeof(to), "file");
		if (symlink(to, tp(b)) < 0)
			abort();
	}
}

static void rm_fixture(void)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", T);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", T);
}

static void plain_cases(struct server *s)
{
	static const struct { const char *p; unsigned f; } rel[] = {
		{ "x", PATHRES_FOLLOW }, { "x", 0 }, { "./././x", 0 },
		{ "../file", 0 }, { "../a/b/c", 0 }, { "lnk/b/c", 0 },
		{ "lnk", 0 }, { "lnk", PATHRES_FOLLOW }, { "lnk/", 0 },
		{ "lnk/.", 0 }, { "../rel/c", 0 },
		{ "../rel/filelink", PATHRES_FOLLOW }, { "../rel/filelink", 0 },
		{ "../a/up/f", 0 }, { "../abs", PATHRES_FOLLOW },
		{ "../absT", PATHRES_FOLLOW }, { "../absT/f", 0 },
		{ "../loop1", PATHRES_FOLLOW }, { "../loop1", 0 },
		{ "../loop1/x", 0 }, { "../selfloop/", 0 },
		{ "../c00", PATHRES_FOLLOW }, { "../c01", PATHRES_FOLLOW },
		{ "../c00", 0 }, { "../c00/", 0 },
		{ "../dangling", PATHRES_FOLLOW }, { "../dangling", 0 },
		{ "../dangling/", 0 }, { "../file/", 0 }, { "../file/.", 0 },
		{ "../a/b/c/..", 0 }, { "../dir/", 0 }, { "../dir//f", 0 },
		{ "../dotdot", PATHRES_FOLLOW }, { "../dotdot/tmp", 0 },
		{ "../../../../../../../../..", 0 }, { "/", 0 }, { "//", 0 },
		{ "/../", 0 }, { "/..", 0 }, { "../fdlink", PATHRES_FOLLOW },
		{ "../fdlink/b/c", 0 }, { "../devfd/c", 0 },
		{ "../cwdlink", PATHRES_FOLLOW }, { "../cwdlink/x", 0 },
		{ "/proc/self/fd/10", PATHRES_FOLLOW }, { "/proc/self/fd/10", 0 },
		{ "/proc/self/fd/10/b/../b/c", 0 }, { "/proc/self/fd/10/..", 0 },
		{ "/proc/self/fd/10/../..", 0 }, { "/dev/fd/10/b", 0 },
		{ "/dev/stdin", PATHRES_FOLLOW }, { "/proc/self/cwd", PATHRES_FOLLOW },
		/* a symlink into /proc, to an fd the tracer does not have */
		{ "/dev/fd/12", PATHRES_FOLLOW }, { "/dev/fd/13/f", 0 },
		{ "/proc/self/cwd/x", 0 }, { "/proc/self/root", PATHRES_FOLLOW },
		{ "/proc/self/root/tmp", 0 }, { "/proc/self/exe", PATHRES_FOLLOW },
		{ "/proc/self/fd/12", PATHRES_FOLLOW }, { "/proc/self/fd/12/x", 0 },
		{ "/proc/self/fd/15", PATHRES_FOLLOW },
		{ "/proc/self/fd/99", PATHRES_FOLLOW }, { "/proc/self", 0 },
		{ "/proc/self", PATHRES_FOLLOW }, { "/proc/self/", 0 },
		{ "/proc/self/status", 0 }, { "/proc/thread-self", 0 },
		{ "/proc/thread-self/", 0 }, { "/proc/thread-self/cwd/x", 0 },
		{ "/proc/self/fd/13", PATHRES_FOLLOW },
		{ "/proc/self/fd/13/f", 0 }, { "/proc/self/fd/11", 0 },
		{ "/proc/self/ns/mnt", PATHRES_FOLLOW },
		{ "/proc/mounts", PATHRES_FOLLOW }, { "/proc/self/fd", 0 },
		{ "/proc/net", PATHRES_FOLLOW }, { "/proc/net/", 0 },
		{ "/proc/self/fd/10/", 0 }, { "/proc/self/fd/11/", 0 },
		{ "/proc/self/fd/12/", 0 }, { "/proc/self/cwd/", 0 },
		{ "/proc/thread-self/fd/10", PATHRES_FOLLOW },
		{ "/proc/self/task", 0 }, { "/proc/self/fd/10/up/f", 0 },
		{ "../g (deleted)", 0 }, { "../nl\nname", 0 },
		{ "../slashlink", PATHRES_FOLLOW }, { "../slashlink/f", 0 },
		{ "../fileslash", PATHRES_FOLLOW }, { "../fileslash", 0 },
		{ "../dotlink", PATHRES_FOLLOW }, { "../dotdotlink/", 0 },
		{ "../a/b/d/../../b/c", 0 }, { "", 0 },
		{ "../file", PATHRES_DIR }, { "../rel", PATHRES_DIR | PATHRES_FOLLOW },
		{ "../tsself", PATHRES_FOLLOW },
		{ "x", PATHRES_CREATES | PATHRES_FOLLOW },
		{ "../dangdeep", PATHRES_CREATES | PATHRES_FOLLOW },
		{ "../nodir/x", PATHRES_CREATES | PATHRES_FOLLOW },
		{ "../file/x", PATHRES_CREATES | PATHRES_FOLLOW },
	};
	static const struct { const char *p; unsigned f; } creates[] = {
		{ "newfile", PATHRES_CREATES | PATHRES_FOLLOW },
		{ "../dangdir", PATHRES_CREATES | PATHRES_FOLLOW },
		{ "../dangling", PATHRES_CREATES | PATHRES_FOLLOW },
		{ "/proc/self/fd/10/newf", PATHRES_CREATES | PATHRES_FOLLOW },
		{ "newdir", PATHRES_CREATES | PATHRES_DIR },
		{ "newdir2/", PATHRES_CREATES | PATHRES_DIR },
	};
	static const struct { int d; const char *p; unsigned f; } at[] = {
		{ FD_A, "b/c", 0 }, { FD_A, "b/../../file", 0 },
		{ FD_A, "/dir", 0 }, { FD_A, "../../../..", 0 },
		{ FD_FILE, "x", 0 }, { FD_FILE, ".", 0 }, { 99, "x", 0 },
		{ 99, "/tmp", 0 }, { -5, "x", 0 }, { FD_DIRP, "f", 0 },
		{ FD_PIPE, "x", 0 },
		{ FD_A, "/b/c", PATHRES_IN_ROOT },
		{ FD_A, "../../..", PATHRES_IN_ROOT },
		{ FD_A, "absl", PATHRES_IN_ROOT | PATHRES_FOLLOW },
		{ FD_A, "absl/c", PATHRES_IN_ROOT },
		{ FD_A, "up", PATHRES_IN_ROOT | PATHRES_FOLLOW },
		{ FD_A, "../file", PATHRES_BENEATH },
		{ FD_A, "b/../b/c", PATHRES_BENEATH },
		{ FD_A, "/b", PATHRES_BENEATH },
		{ FD_A, "absl", PATHRES_BENEATH | PATHRES_FOLLOW },
		{ FD_A, "up", PATHRES_BENEATH | PATHRES_FOLLOW },
		{ FD_PROC, "self/fd/10", PATHRES_IN_ROOT | PATHRES_FOLLOW },
		{ FD_PROC, "self", PATHRES_IN_ROOT | PATHRES_FOLLOW },
		{ FD_PROC, "self/cwd", PATHRES_BENEATH | PATHRES_FOLLOW },
		{ AT_FDCWD, "../file", PATHRES_IN_ROOT },
	};
	char b[PATH_MAX + 8];
	size_t i;

	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++)
		diff(s, AT_FDCWD, rel[i].p, rel[i].f, false);
	for (i = 0; i < sizeof(creates) / sizeof(creates[0]); i++)
		diff(s, AT_FDCWD, creates[i].p, creates[i].f, true);
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++)
		diff(s, at[i].d, at[i].p, at[i].f, false);

	/* /proc/PID and the mapping's map_files entry, by number. */
	snprintf(b, sizeof(b), "/proc/%d/fd/13/f", (int)s->pid);
	diff(s, AT_FDCWD, b, 0, false);
	snprintf(b, sizeof(b), "/proc/self/map_files/%" PRIx64 "-%" PRIx64,
		 s->info.a_file, s->info.a_file + 4096);
	diff(s, AT_FDCWD, b, PATHRES_FOLLOW, false);
	diff(s, AT_FDCWD, b, 0, false);
	/* Too long: a component, and the whole path. */
	memset(b, 'a', 300);
	b[300] = '\0';
	diff(s, AT_FDCWD, b, 0, false);
	memset(b, 'a', PATH_MAX);
	b[PATH_MAX] = '\0';
	expect(s, AT_FDCWD, b, 0, ENAMETOOLONG, NULL, false);
	memset(b, '/', PATH_MAX - 1);
	b[PATH_MAX - 1] = '\0';
	diff(s, AT_FDCWD, b, 0, false);

	/* What the kernel cannot be asked through open(). */
	expect(s, FD_A, "", PATHRES_EMPTY_OK, 0, tp("a"), false);
	expect(s, FD_FILE, "", PATHRES_EMPTY_OK, 0, tp("file"), false);
	expect(s, AT_FDCWD, "", PATHRES_EMPTY_OK, 0, tp("sub"), false);
	expect(s, AT_FDCWD, "", 0, ENOENT, NULL, false);
	expect(s, 99, "", PATHRES_EMPTY_OK, EBADF, NULL, false);
	expect(s, FD_A, "", PATHRES_EMPTY_OK | PATHRES_DIR, 0, tp("a"), false);
	expect(s, FD_FILE, "", PATHRES_EMPTY_OK | PATHRES_DIR, ENOTDIR, NULL,
	       false);
	expect(s, AT_FDCWD, "../dangling", PATHRES_CREATES, 0, tp("dangling"),
	       false);
	expect(s, AT_FDCWD, "../loop1", PATHRES_CREATES, 0, tp("loop1"), false);
	expect(s, AT_FDCWD, "../loop1", PATHRES_CREATES | PATHRES_FOLLOW, ELOOP,
	       NULL, false);
	expect(s, AT_FDCWD, "nope", PATHRES_CREATES, 0, tp("sub/nope"), false);
	expect(s, AT_FDCWD, "/proc/self/fd/14", PATHRES_FOLLOW, 0, "memfd:mfd",
	       false);
	snprintf(b, sizeof(b), "deleted:%s", tp("del"));
	expect(s, AT_FDCWD, "/proc/self/fd/16", PATHRES_FOLLOW, 0, b, false);
	expect(s, AT_FDCWD, "/proc/self/fd/17", PATHRES_FOLLOW, 0,
	       tp("g (deleted)"), false);
	expect(s, AT_FDCWD, "x", 0, 0, tp("sub/x"), true);
}

static void thread_cases(struct server *lead, struct server *thr)
{
	char b[PATH_MAX];

	T_OK(thr->tid != lead->tid, "the second thread has its own tid");
	diff(thr, AT_FDCWD, "f", 0, false);
	diff(lead, AT_FDCWD, "f", 0, false);
	diff(thr, AT_FDCWD, "/proc/thread-self/cwd", PATHRES_FOLLOW, false);
	diff(thr, AT_FDCWD, "/proc/thread-self/", 0, false);
	diff(thr, AT_FDCWD, "/proc/thread-self", 0, false);
	diff(thr, AT_FDCWD, "/proc/self/cwd", PATHRES_FOLLOW, false);
	diff(thr, AT_FDCWD, "../tsself", PATHRES_FOLLOW, false);
	diff(thr, AT_FDCWD, "../sub/x", 0, false);
	diff(thr, FD_A, "b", 0, false);
	snprintf(b, sizeof(b), "%s/dir/f", T);
	expect(thr, AT_FDCWD, "/proc/thread-self/cwd/f", 0, 0, b, false);
	snprintf(b, sizeof(b), "/proc/%d/task/%d", (int)thr->pid,
		 (int)thr->tid);
	expect(thr, AT_FDCWD, "/proc/thread-self/", 0, 0, b, false);
}

static void chroot_cases(struct server *s)
{
	static const struct { const char *p; unsigned f; } rel[] = {
		{ "/abs", PATHRES_FOLLOW }, { "../abs", PATHRES_FOLLOW },
		{ "/abs/f", 0 }, { "/absT", PATHRES_FOLLOW },
		{ "/../../..", 0 }, { "/..", 0 }, { "../dotdot", PATHRES_FOLLOW },
		{ "../dotdot/a", 0 }, { "/a/up/f", 0 }, { "x", 0 }, { "/", 0 },
		{ "../c01", PATHRES_FOLLOW }, { "../c00", PATHRES_FOLLOW },
		{ "/a/absl", PATHRES_FOLLOW }, { "/fdlink", PATHRES_FOLLOW },
		{ "/proc/self/cwd", PATHRES_FOLLOW }, { "lnk/b/../../dir", 0 },
		{ "/dangling", PATHRES_FOLLOW },
		{ "/dangdir", PATHRES_CREATES | PATHRES_FOLLOW },
	};
	size_t i;

	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++)
		diff(s, AT_FDCWD, rel[i].p, rel[i].f,
		     rel[i].f & PATHRES_CREATES);
	diff(s, FD_A, "../../../..", 0, false);
	diff(s, FD_A, "/dir/f", 0, false);
	diff(s, FD_A, "/b", PATHRES_IN_ROOT, false);
	/* A dirfd outside the root: ".." climbs to the real "/". */
	diff(s, FD_OUT, "..", 0, false);
	diff(s, FD_OUT, "../tmp/../../..", 0, false);
	diff(s, FD_OUT, "../proc/self", 0, false);
	expect(s, FD_OUT, "..", 0, 0, "/", false);
	expect(s, FD_OUT, "..", 0, EREMOTE, NULL, true);
	expect(s, AT_FDCWD, "/abs", PATHRES_FOLLOW, 0, tp("dir"), false);
	expect(s, AT_FDCWD, "/abs", PATHRES_FOLLOW, 0, "/dir", true);
	expect(s, AT_FDCWD, "x", 0, 0, "/sub/x", true);
	expect(s, AT_FDCWD, "/..", 0, 0, "/", true);
	expect(s, AT_FDCWD, "/..", 0, 0, T, false);
	expect(s, AT_FDCWD, "/nope", PATHRES_CREATES, 0, "/nope", true);
	expect(s, AT_FDCWD, "/nope", PATHRES_CREATES, 0, tp("nope"), false);
}

/* The plain child looks into the chrooted one: its root is a magic link
 * to T, but an absolute link met after it still means the looker's root,
 * and ".." climbs out of T (it is not the looker's root). */
static void cross_cases(struct server *s, struct server *cs)
{
	static const char *const rel[] = { "root", "root/dir/f", "root/abs",
					   "root/..", "root/a/up", "cwd/x" };
	char b[PATH_MAX];
	size_t i;

	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(b, sizeof(b), "/proc/%d/%s", (int)cs->pid, rel[i]);
		diff(s, AT_FDCWD, b, PATHRES_FOLLOW, false);
	}
}

/* pathres_fd_path and pathres_addr_path, as jail (view false) or not. */
static void object_cases(struct server *s, bool chrooted)
{
	struct pathres_ctx c = { .pid = s->pid, .tid = s->tid };
	static const struct { int fd; const char *rel; } files[] = {
		{ FD_A, "a" }, { FD_FILE, "file" }, { FD_DIRP, "dir" },
		{ FD_GDEL, "g (deleted)" },
	};
	char *got, k[PATH_MAX], want[PATH_MAX + 16];
	size_t i;
	int r;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		got = NULL;
		r = pathres_fd_path(&c, files[i].fd, &got);
		T_OK(r == 0 && !strcmp(got, tp(files[i].rel)), "fd %d: %s (got %s)",
		     files[i].fd, tp(files[i].rel), r ? strerror(-r) : got);
		free(got);
	}
	static const int pseudo[] = { FD_PIPE, FD_SOCK };
	for (i = 0; i < 2; i++) {
		got = NULL;
		r = pathres_fd_path(&c, pseudo[i], &got);
		T_OK(child_fd_name(s, pseudo[i], k) == 0 && k[0] != '/' &&
		     r == 0 && !strcmp(got, k), "fd %d: %s", pseudo[i], k);
		free(got);
	}
	got = NULL;
	r = pathres_fd_path(&c, FD_MEMFD, &got);
	T_OK(r == 0 && !strcmp(got, "memfd:mfd"), "memfd: memfd:mfd (got %s)",
	     r ? strerror(-r) : got);
	free(got);
	got = NULL;
	snprintf(want, sizeof(want), "deleted:%s", tp("del"));
	r = pathres_fd_path(&c, FD_DEL, &got);
	T_OK(r == 0 && !strcmp(got, want), "unlinked: %s (got %s)", want,
	     r ? strerror(-r) : got);
	free(got);
	T_OK(pathres_fd_path(&c, 99, &got) == -EBADF, "fd 99: EBADF");
	T_OK(pathres_fd_path(&c, -1, &got) == -EBADF, "fd -1: EBADF");

	got = NULL;
	r = pathres_addr_path(&c, s->info.a_file + 100, &got);
	T_OK(r == 0 && !strcmp(got, tp("file")), "addr of file: %s (got %s)",
	     tp("file"), r ? strerror(-r) : got);
	free(got);
	T_OK(pathres_addr_path(&c, s->info.a_anon + 4096, &got) == -ENXIO,
	     "anonymous memory: ENXIO");
	T_OK(pathres_addr_path(&c, 4096, &got) == -ENOMEM,
	     "nothing mapped: ENOMEM");
	got = NULL;
	r = pathres_addr_path(&c, s->info.a_memfd, &got);
	T_OK(r == 0 && !strcmp(got, "memfd:mfd"), "memfd mapping (got %s)",
	     r ? strerror(-r) : got);
	free(got);
	got = NULL;
	r = pathres_addr_path(&c, s->info.a_shanon, &got);
	T_OK(r == 0 && !strcmp(got, "deleted:/dev/zero"),
	     "shared anonymous: deleted:/dev/zero (got %s)",
	     r ? strerror(-r) : got);
	free(got);

	if (chrooted) {
		c.tracee_view = true;
		got = NULL;
		r = pathres_fd_path(&c, FD_A, &got);
		T_OK(r == 0 && !strcmp(got, "/a"), "view: fd %d: /a (got %s)",
		     FD_A, r ? strerror(-r) : got);
		free(got);
		got = NULL;
		r = pathres_addr_path(&c, s->info.a_file, &got);
		T_OK(r == 0 && !strcmp(got, "/file"), "view: addr: /file (got %s)",
		     r ? strerror(-r) : got);
		free(got);
	}
}

/* Without CAP_SYS_ADMIN jail cannot open map_files: the maps text, checked
 * by device and inode, must give the same answers. In a forked process,
 * whose answers come back through a pipe. */
static void no_admin_cases(struct server *s)
{
	const uint64_t addrs[] = { s->info.a_file, s->info.a_anon,
				   s->info.a_memfd };
	const char *want[] = { tp("file"), "ENXIO", "memfd:mfd" };
	char got[3][PATH_MAX];
	int p[2], st;
	size_t i;
	pid_t pid;

	if (pipe(p) < 0)
		abort();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct pathres_ctx c = { .pid = s->pid, .tid = s->tid };
		cap_value_t drop[] = { CAP_SYS_ADMIN, CAP_CHECKPOINT_RESTORE };
		cap_t caps = cap_get_proc();

		if (!caps || cap_set_flag(caps, CAP_EFFECTIVE, 2, drop,
					  CAP_CLEAR) || cap_set_proc(caps))
			_exit(1);
		cap_free(caps);
		for (i = 0; i < 3; i++) {
			char *o = NULL, buf[PATH_MAX];
			int r = pathres_addr_path(&c, addrs[i], &o);

			memset(buf, 0, sizeof(buf));
			snprintf(buf, sizeof(buf), "%s",
				 r == -ENXIO ? "ENXIO" : r ? strerror(-r) : o);
			free(o);
			if (io_full(p[1], buf, sizeof(buf), true))
				_exit(2);
		}
		_exit(0);
	}
	close(p[1]);
	for (i = 0; i < 3; i++)
		if (io_full(p[0], got[i], sizeof(got[i]), false))
			snprintf(got[i], sizeof(got[i]), "(nothing)");
	close(p[0]);
	waitpid(pid, &st, 0);
	for (i = 0; i < 3; i++)
		T_OK(!strcmp(got[i], want[i]), "no map_files: %s (got %s)",
		     want[i], got[i]);
}

static int count_fds(void)
{
	int n = 0, fd;

	for (fd = 0; fd < 1024; fd++)
		if (fcntl(fd, F_GETFD) >= 0)
			n++;
	return n;
}

int main(void)
{
	struct server s, thr, cs;
	struct pathres_ctx gone = { .pid = 0x3ffffff0 };
	char *o = NULL;
	int nfd;

	if (geteuid() != 0) {
		T_SKIP("path resolution in live processes: needs root");
		return 0;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	fixture();

	nfd = count_fds();
	spawn(false, &s, &thr);
	spawn(true, &cs, NULL);
	plain_cases(&s);
	thread_cases(&s, &thr);
	object_cases(&s, false);
	no_admin_cases(&s);
	/* The same answers in jail's fixed view (a launched tree that
	 * cannot change its root or mounts), where the quick ways run: a
	 * plain path opened without symlinks is its own name, a relative
	 * one joined to the cwd's */
	pathres_fixed_view(true);
	plain_cases(&s);
	thread_cases(&s, &thr);
	object_cases(&s, false);
	pathres_fixed_view(false);
	cross_cases(&s, &cs);
	chroot_cases(&cs);
	object_cases(&cs, true);
	reap(&s, &thr);
	reap(&cs, NULL);

	T_OK(pathres_resolve(&gone, AT_FDCWD, "/", 0, &o) == -ESRCH,
	     "a task that does not exist: ESRCH");
	T_OK(count_fds() == nfd, "no fd leaked (%d before, %d after)", nfd,
	     count_fds());
	rm_fixture();
	return T_DONE();
}

/* pathcalls DIR: every path call jail rewrites to run on descriptors
 * (jail/pathcall.c), with its result, in a form that does not depend on
 * the run: a jailed run must print exactly what a native one prints.
 * DIR must be empty and writable. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <utime.h>

static void show(const char *what, long rc)
{
	if (rc < 0)
		printf("%-28s -1 %s\n", what, strerrorname_np(errno));
	else
		printf("%-28s %ld\n", what, rc);
}

static void show_stat(const char *what, int rc, const struct stat *st)
{
	if (rc < 0)
		show(what, rc);
	else
		printf("%-28s size=%lld mode=%o nlink=%lu mtime=%lld\n", what,
		       (long long)st->st_size, st->st_mode,
		       (unsigned long)st->st_nlink,
		       /* set here, or "now" */
		       st->st_mtime < 1500000000 ? (long long)st->st_mtime :
		       0LL);
}

int main(int argc, char **argv)
{
	struct timeval tv[2] = { { 1200000000, 5 }, { 1300000000, 7 } };
	struct timespec ts[2] = { { 1400000000, 0 }, { 1400000001, 0 } };
	struct utimbuf ub = { 1100000000, 1100000001 };
	struct statx sx;
	struct statfs sf, sf2;
	struct stat st;
	char buf[256], cwd[4096];
	ssize_t n;
	int fd;

	if (argc < 2 || chdir(argv[1]) < 0) {
		fprintf(stderr, "usage: pathcalls DIR\n");
		return 2;
	}
	fd = open("f", O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || write(fd, "hello world\n", 12) != 12)
		return 2;
	close(fd);
	mkdir("d", 0755);
	symlink("f", "l");
	symlink("d", "ld");
	symlink("nowhere", "dangling");

	show_stat("stat f", stat("f", &st), &st);
	show_stat("stat l", stat("l", &st), &st);
	show_stat("lstat l", lstat("l", &st), &st);
	show_stat("stat dangling", stat("dangling", &st), &st);
	show_stat("stat d/../f", stat("d/../f", &st), &st);
	show_stat("stat ld/", stat("ld/", &st), &st);
	show_stat("stat f/", stat("f/", &st), &st);
	show_stat("fstatat l nofollow",
		  fstatat(AT_FDCWD, "l", &st, AT_SYMLINK_NOFOLLOW), &st);
	show("statx l", statx(AT_FDCWD, "l", 0, STATX_SIZE, &sx));
	printf("  statx size=%llu\n", (unsigned long long)sx.stx_size);
	show("access f R_OK", access("f", R_OK));
	show("access f X_OK", access("f", X_OK));
	show("access none", access("none", F_OK));
	show("faccessat l W_OK eaccess",
	     faccessat(AT_FDCWD, "l", W_OK, AT_EACCESS));
	n = readlink("l", buf, sizeof(buf) - 1);
	show("readlink l", n);
	if (n >= 0)
		printf("  -> %.*s\n", (int)n, buf);
	show("readlink f", readlink("f", buf, sizeof(buf)));
	n = readlinkat(AT_FDCWD, "ld", buf, 1);
	show("readlinkat ld (1 byte)", n);
	show("truncate l 5", truncate("l", 5));
	show_stat("stat f", stat("f", &st), &st);
	show("truncate d", truncate("d", 0));
	show("utime l", utime("l", &ub));
	show_stat("stat f", stat("f", &st), &st);
	show("utimes f", utimes("f", tv));
	show_stat("stat f", stat("f", &st), &st);
	{
		/* the old calls themselves (glibc makes utime(3) and
		 * utimes(3) with utimensat), in the kernel's own layouts */
		struct { long a, m; } oub = { 1000000000, 1000000002 };
		struct { long s, us; } otv[2] = { { 1000000003, 0 },
						  { 1000000004, 999999 } };

		show("SYS_utime l", syscall(SYS_utime, "l", &oub));
		show_stat("stat f", stat("f", &st), &st);
		show("SYS_utimes f", syscall(SYS_utimes, "f", otv));
		show_stat("stat f", stat("f", &st), &st);
		show("SYS_utimes f now", syscall(SYS_utimes, "f", NULL));
		otv[1].us = 1000000;
		show("SYS_utimes f bad", syscall(SYS_utimes, "f", otv));
	}
	tv[0].tv_usec = 2000000;
	show("utimes bad usec", utimes("f", tv));
	show("futimesat f", syscall(SYS_futimesat, AT_FDCWD, "f", NULL) < 0 ?
	     -1 : 0);
	show("utimensat l", utimensat(AT_FDCWD, "l", ts, 0));
	show_stat("stat f", stat("f", &st), &st);
	show("utimensat l nofollow",
	     utimensat(AT_FDCWD, "l", ts, AT_SYMLINK_NOFOLLOW));
	show("setxattr l", setxattr("l", "user.k", "v1", 2, 0));
	show("setxattr l create again",
	     setxattr("l", "user.k", "v2", 2, XATTR_CREATE));
	show("lsetxattr l", lsetxattr("l", "user.k", "v", 1, 0));
	n = getxattr("f", "user.k", buf, sizeof(buf));
	show("getxattr f", n);
	if (n >= 0)
		printf("  = %.*s\n", (int)n, buf);
	show("getxattr f size", getxattr("f", "user.k", NULL, 0));
	show("getxattr f small", getxattr("f", "user.k", buf, 1));
	show("lgetxattr l", lgetxattr("l", "user.k", buf, sizeof(buf)));
	n = listxattr("l", buf, sizeof(buf));
	show("listxattr l", n);
	show("llistxattr l", llistxattr("l", buf, sizeof(buf)) < 0 ? -1 : 0);
	show("removexattr l", removexattr("l", "user.k"));
	show("removexattr l again", removexattr("l", "user.k"));
	show("lremovexattr l", lremovexattr("l", "user.k"));
	show("statfs ld", statfs("ld", &sf));
	show("statfs .", statfs(".", &sf2));
	printf("  same type %d\n", sf.f_type == sf2.f_type);
	show("statfs none", statfs("none", &sf));
	{
		int in = inotify_init1(IN_CLOEXEC), ot;
		struct { struct file_handle h; unsigned char b[128]; } fh;
		int mnt;

		show("inotify_add_watch l", inotify_add_watch(in, "l", IN_MODIFY));
		show("inotify_add_watch l dont-follow",
		     inotify_add_watch(in, "l", IN_MODIFY | IN_DONT_FOLLOW));
		show("inotify_add_watch f onlydir",
		     inotify_add_watch(in, "f", IN_MODIFY | IN_ONLYDIR));
		show("inotify_add_watch ld onlydir",
		     inotify_add_watch(in, "ld", IN_MODIFY | IN_ONLYDIR));
		fh.h.handle_bytes = sizeof(fh.b);
		show("name_to_handle_at l",
		     name_to_handle_at(AT_FDCWD, "l", &fh.h, &mnt, 0));
		fh.h.handle_bytes = sizeof(fh.b);
		show("name_to_handle_at l follow",
		     name_to_handle_at(AT_FDCWD, "l", &fh.h, &mnt,
				       AT_SYMLINK_FOLLOW));
		fh.h.handle_bytes = 0;
		show("name_to_handle_at f small",
		     name_to_handle_at(AT_FDCWD, "f", &fh.h, &mnt, 0));
		printf("  needs %u\n", fh.h.handle_bytes);
		ot = (int)syscall(SYS_open_tree, AT_FDCWD, "ld", O_CLOEXEC);
		show("open_tree ld", ot < 0 ? -1 : 0);
		if (ot >= 0) {
			show("  is the dir", fstat(ot, &st));
			printf("  dir %d\n", S_ISDIR(st.st_mode));
		}
		close(in);
	}
	show("chmod l 600", chmod("l", 0600));
	show_stat("stat f", stat("f", &st), &st);
	show("chdir f", chdir("f"));
	show("chdir ld", chdir("ld"));
	if (getcwd(cwd, sizeof(cwd)))
		printf("  cwd ends %s\n", strrchr(cwd, '/'));
	show("chdir ..", chdir(".."));
	show("chdir /", chdir("/"));
	show("chdir back", chdir(argv[1]));
	show("unlink l", unlink("l"));
	show("rmdir d", rmdir("d"));
	show("unlink ld", unlink("ld"));
	show("unlink dangling", unlink("dangling"));
	show("unlink f", unlink("f"));
	return 0;
}

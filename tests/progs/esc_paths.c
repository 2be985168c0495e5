/* esc_paths MODE PUB_DIR SECRET_DIR
 *
 * Paths that reach the secret (SECRET_DIR/file) from an allowed place
 * (PUB_DIR, a sibling of SECRET_DIR where we may read and write):
 *
 *   symlink    symlink PUB_DIR/esc-sl -> the secret, open it
 *   hardlink   link(the secret, PUB_DIR/esc-hl), open that
 *   rename     rename SECRET_DIR to PUB_DIR/esc-mv, open esc-mv/file
 *              (renamed back after)
 *   cwd        chdir(PUB_DIR), open /proc/self/cwd/../SECRET/file
 *   dotdot     openat(fd of PUB_DIR, "../SECRET/file")
 *   opath      open the secret O_PATH, reopen /proc/self/fd/N O_RDONLY
 *   procroot   open /proc/self/root/<the secret's path>
 *   rootdotdot open /../../<the secret's path> (".." above / is /)
 *
 * (An fd passed over a unix socket needs some process that could open
 * the secret: not attempted.) What a mode creates it removes again.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "esc.h"

static const char *pub, *sec;
static char secret[512], name[256];	/* the secret; SECRET_DIR's name */

/* Read fd and give the verdict. */
static void __attribute__((noreturn)) judge(int fd, const char *how)
{
	char buf[64];
	ssize_t n;

	if (fd < 0)
		verdict(BLOCKED, "%s: %s", how, en(errno));
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0)
		verdict(BLOCKED, "%s gave fd %d; read: %s", how, fd,
			en(errno));
	buf[n] = '\0';
	if (strncmp(buf, "TOPSECRET", 9) != 0)
		verdict(SETUP, "%s read something that is not the secret: "
			"\"%.20s\"", how, buf);
	verdict(ESCAPED, "%s read the secret: \"%.20s\"", how, buf);
}

/* Open what path names after a link of ours was made there; removes it
 * before the verdict. */
static void __attribute__((noreturn)) via_link(int made, const char *path,
					       const char *how)
{
	char what[600];
	int fd, e;

	if (made < 0)
		verdict(BLOCKED, "%s: %s", how, en(errno));
	fd = open(path, O_RDONLY);
	e = errno;
	unlink(path);
	errno = e;
	snprintf(what, sizeof(what), "%s, then open(%s)", how, path);
	judge(fd, what);
}

static void __attribute__((noreturn)) renamed(void)
{
	char moved[512], file[600], buf[64], what[2048];
	int fd, e;
	ssize_t n;

	snprintf(moved, sizeof(moved), "%s/esc-mv", pub);
	snprintf(file, sizeof(file), "%s/file", moved);
	if (rename(sec, moved) < 0)
		verdict(BLOCKED, "rename(%s, %s): %s", sec, moved, en(errno));
	fd = open(file, O_RDONLY);
	e = errno;
	n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	if (rename(moved, sec) < 0)
		verdict(ESCAPED, "renamed %s into %s (and could not rename it"
			" back: %s)", sec, moved, en(errno));
	snprintf(what, sizeof(what), "rename of %s to %s, then open(%s)",
		 sec, moved, file);
	if (fd < 0)
		verdict(ESCAPED, "%s: the secret's directory moved into the "
			"allowed tree (open: %s)", what, en(e));
	buf[n > 0 ? n : 0] = '\0';
	verdict(ESCAPED, "%s read \"%.20s\"", what, buf);
}

int main(int argc, char **argv)
{
	char path[1200], a[512], b[512], rel[300];
	const char *mode;
	int fd;

	if (argc != 4)
		verdict(SETUP, "usage: esc_paths MODE PUB_DIR SECRET_DIR");
	if (strlen(argv[2]) > 200 || strlen(argv[3]) > 200)
		verdict(SETUP, "paths too long");
	mode = argv[1];
	pub = argv[2];
	sec = argv[3];
	snprintf(secret, sizeof(secret), "%s/file", sec);
	snprintf(a, sizeof(a), "%s", pub);
	snprintf(b, sizeof(b), "%s", sec);
	if (strcmp(dirname(a), dirname(b)) != 0 || sec[0] != '/')
		verdict(SETUP, "PUB_DIR and SECRET_DIR must be absolute "
			"siblings");
	snprintf(b, sizeof(b), "%s", sec);
	snprintf(name, sizeof(name), "%s", basename(b));

	if (strcmp(mode, "symlink") == 0) {
		snprintf(path, sizeof(path), "%s/esc-sl", pub);
		via_link(symlink(secret, path), path, "symlink to the secret");
	}
	if (strcmp(mode, "hardlink") == 0) {
		snprintf(path, sizeof(path), "%s/esc-hl", pub);
		via_link(link(secret, path), path, "link(secret)");
	}
	if (strcmp(mode, "rename") == 0)
		renamed();
	if (strcmp(mode, "cwd") == 0) {
		if (chdir(pub) < 0)
			verdict(SETUP, "chdir(%s): %s", pub, en(errno));
		snprintf(path, sizeof(path), "/proc/self/cwd/../%s/file",
			 name);
		judge(open(path, O_RDONLY), path);
	}
	if (strcmp(mode, "dotdot") == 0) {
		fd = open(pub, O_RDONLY | O_DIRECTORY);
		if (fd < 0)
			verdict(SETUP, "open(%s): %s", pub, en(errno));
		snprintf(path, sizeof(path), "openat(fd of %s, ../%s/file)",
			 pub, name);
		snprintf(rel, sizeof(rel), "../%s/file", name);
		judge(openat(fd, rel, O_RDONLY), path);
	}
	if (strcmp(mode, "opath") == 0) {
		fd = open(secret, O_PATH);
		if (fd < 0)
			verdict(BLOCKED, "open(%s, O_PATH): %s", secret,
				en(errno));
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		judge(open(path, O_RDONLY), path);
	}
	if (strcmp(mode, "procroot") == 0) {
		snprintf(path, sizeof(path), "/proc/self/root%s", secret);
		judge(open(path, O_RDONLY), path);
	}
	if (strcmp(mode, "rootdotdot") == 0) {
		snprintf(path, sizeof(path), "/../..%s", secret);
		judge(open(path, O_RDONLY), path);
	}
	verdict(SETUP, "unknown mode %s", mode);
}

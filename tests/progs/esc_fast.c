/* esc_fast MODE ARGS: attacks on jail's fast opens (jail/scratch.h).
 *
 * A checked read-only open leaves a record in the scratch area's fast
 * half (0x200000-0x400000): an open_how at the start of a page, the
 * checked absolute path right after it; the filter lets openat2 run in
 * the kernel on exactly such a pair. Each mode tries to turn a record
 * into an open nobody checked:
 *
 *   suffix ALLOWED DIR SECRET
 *            SECRET is DIR/S, and ALLOWED ends with "/S": with DIR as
 *            cwd, point openat2 at that suffix of the record's path, with
 *            the record's how, or a how shifted along with it
 *   short DIR SECRET_DIR
 *            DIR/d/file is allowed and SECRET_DIR/file is not: after the
 *            checked open, DIR/d becomes a symlink to SECRET_DIR; reissue
 *            the record as it is (the kernel refuses symlinks), with a
 *            how cut to 8 bytes (no RESOLVE_NO_SYMLINKS), and plainly
 *   records DIR
 *            open DIR/r (read), DIR/w (write), DIR/c (create), DIR/rw,
 *            then every record must be a read-only open that refuses
 *            symlinks; then, with a second thread alive, another read
 *            must leave every record as it was (a record written while
 *            another thread can read it could be read half-written)
 *
 * Natively there are no records: SETUP. Verdicts as in esc.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#define FAST 0x200000ul
#define END 0x400000ul
enum { PAGE = 4096 };

/* Whether [FAST, END) is mapped and readable: jail's area. */
static bool area_mapped(void)
{
	char line[256];
	bool found = false;
	FILE *f = fopen("/proc/self/maps", "re");

	while (f && fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && lo <= FAST &&
		    hi >= END)
			found = true;
	}
	if (f)
		fclose(f);
	return found;
}

/* The record whose path is `path`, or 0. */
static unsigned long find_record(const char *path)
{
	unsigned long a;

	for (a = FAST; a < END; a += PAGE)
		if (strcmp((const char *)(a + 24), path) == 0)
			return a;
	return 0;
}

static long openat2_raw(const char *path, const void *how, size_t size)
{
	return syscall(SYS_openat2, AT_FDCWD, path, how, size);
}

/* Whether fd reads `secret`'s contents; closes fd. */
static bool reads_secret(long fd, const char *want)
{
	char buf[256];
	ssize_t n;

	if (fd < 0)
		return false;
	n = read((int)fd, buf, sizeof(buf) - 1);
	close((int)fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return strcmp(buf, want) == 0;
}

static void slurp(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, len - 1) : -1;

	buf[n > 0 ? n : 0] = '\0';
	if (fd >= 0)
		close(fd);
}

static void need_record(const char *path, unsigned long *rec)
{
	int fd;

	if (!area_mapped())
		verdict(SETUP, "no scratch area at %#lx (not under jail)",
			FAST);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		verdict(SETUP, "open %s: %s", path, en(errno));
	close(fd);
	*rec = find_record(path);
	if (!*rec)
		verdict(SETUP, "no fast record of %s (fast opens are off)",
			path);
}

static void suffix(const char *allowed, const char *dir,
		   const char *secret)
{
	size_t la = strlen(allowed), ld = strlen(dir), ls;
	const char *rel = secret + ld + 1;
	char want[256];
	unsigned long rec, off;
	long fd;
	int e;

	ls = strlen(rel);
	if (strncmp(secret, dir, ld) || secret[ld] != '/' || la <= ls + 1 ||
	    allowed[la - ls - 1] != '/' || strcmp(allowed + la - ls, rel))
		verdict(SETUP, "%s is not %s/S with %s ending in /S", secret,
			dir, allowed);
	slurp(secret, want, sizeof(want));	/* refused under jail */
	need_record(allowed, &rec);
	if (chdir(dir) < 0)
		verdict(SETUP, "chdir %s: %s", dir, en(errno));
	off = la - ls;
	/* the suffix with the record's how, then with a how shifted as
	 * far as the path (so path == how + 24 still holds) */
	fd = openat2_raw((const char *)(rec + 24 + off), (void *)rec, 24);
	if (fd >= 0 && (!want[0] || reads_secret(fd, want)))
		verdict(ESCAPED, "the record's path suffix opened %s", secret);
	e = fd < 0 ? errno : 0;
	fd = openat2_raw((const char *)(rec + 24 + off), (void *)(rec + off),
			 24);
	if (fd >= 0)
		verdict(ESCAPED, "a how inside a path opened something (%ld)",
			fd);
	verdict(BLOCKED, "a record's path suffix opens nothing (%s, shifted "
		"how %s)", en(e), en(errno));
}

static void shortmode(const char *dir, const char *secret_dir)
{
	char file[512], d[512], old[512], want[256], sfile[512];
	struct open_how h = { .flags = O_RDONLY };
	unsigned long rec;
	long fd;
	int e[3];

	snprintf(d, sizeof(d), "%s/d", dir);
	snprintf(file, sizeof(file), "%s/d/file", dir);
	snprintf(old, sizeof(old), "%s/d.old", dir);
	snprintf(sfile, sizeof(sfile), "%s/file", secret_dir);
	slurp(sfile, want, sizeof(want));
	need_record(file, &rec);
	if (rename(d, old) < 0 || symlink(secret_dir, d) < 0)
		verdict(SETUP, "swapping %s for a symlink: %s", d, en(errno));
	fd = openat2_raw((const char *)(rec + 24), (void *)rec, 24);
	if (fd >= 0)
		verdict(ESCAPED, "the record went through the new symlink");
	e[0] = errno;
	fd = openat2_raw((const char *)(rec + 24), (void *)rec, 8);
	if (fd >= 0 && (!want[0] || reads_secret(fd, want)))
		verdict(ESCAPED, "a short how followed the symlink to %s",
			sfile);
	e[1] = fd < 0 ? errno : 0;
	fd = openat2_raw((const char *)(rec + 24), &h, sizeof(h));
	if (fd >= 0 && (!want[0] || reads_secret(fd, want)))
		verdict(ESCAPED, "the record's path with our how reached %s",
			sfile);
	e[2] = fd < 0 ? errno : 0;
	fd = open(file, O_RDONLY);
	if (fd >= 0 && (!want[0] || reads_secret(fd, want)))
		verdict(ESCAPED, "a plain open followed the symlink");
	verdict(BLOCKED, "the swapped path opens nothing (record %s, short "
		"how %s, own how %s, open %s)", en(e[0]), en(e[1]), en(e[2]),
		en(errno));
}

/* Every record is empty or a read-only open that refuses symlinks, of
 * an absolute path; returns how many records there are. */
static int check_records(void)
{
	unsigned long a;
	int n = 0;

	for (a = FAST; a < END; a += PAGE) {
		const struct open_how *h = (const void *)a;
		const char *p = (const char *)(a + 24);

		if (!h->flags && !h->mode && !h->resolve && !p[0])
			continue;
		n++;
		if ((h->flags & O_ACCMODE) != O_RDONLY ||
		    h->flags & (O_CREAT | O_TRUNC | O_APPEND | 020000000) ||
		    h->mode || !(h->resolve & RESOLVE_NO_SYMLINKS) ||
		    p[0] != '/')
			verdict(ESCAPED, "record %#lx: flags %#llo resolve %#llx "
				"path %.80s", a, (unsigned long long)h->flags,
				(unsigned long long)h->resolve, p);
	}
	return n;
}

static volatile int done;

static void *idle(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&done, __ATOMIC_ACQUIRE))
		usleep(1000);
	return NULL;
}

static void records(const char *dir)
{
	static const struct { const char *name; int flags; } op[] = {
		{ "w", O_WRONLY }, { "c", O_WRONLY | O_CREAT | O_TRUNC },
		{ "rw", O_RDWR }, { "w", O_WRONLY | O_APPEND },
		{ "r", O_RDONLY | O_PATH }, { "r", O_RDONLY | O_DIRECTORY },
	};
	static unsigned char before[END - FAST];
	char path[512];
	unsigned long rec;
	pthread_t th;
	int fd, n, e;
	size_t i;

	snprintf(path, sizeof(path), "%s/r", dir);
	need_record(path, &rec);
	for (i = 0; i < sizeof(op) / sizeof(*op); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, op[i].name);
		fd = open(path, op[i].flags | O_CLOEXEC, 0600);
		if (fd >= 0)
			close(fd);
	}
	n = check_records();
	e = pthread_create(&th, NULL, idle, NULL);
	if (e)
		verdict(SETUP, "a second thread: %s", en(e));
	memcpy(before, (void *)FAST, sizeof(before));
	snprintf(path, sizeof(path), "%s/r2", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		close(fd);
	if (memcmp(before, (void *)FAST, sizeof(before)) != 0)
		verdict(ESCAPED, "a record was written while another thread "
			"could read it");
	__atomic_store_n(&done, 1, __ATOMIC_RELEASE);
	pthread_join(th, NULL);
	verdict(BLOCKED, "%d records, all read-only opens refusing symlinks; "
		"none written while another thread ran", n);
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "suffix") == 0)
		suffix(argv[2], argv[3], argv[4]);
	if (argc == 4 && strcmp(argv[1], "short") == 0)
		shortmode(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "records") == 0)
		records(argv[2]);
	verdict(SETUP, "usage: esc_fast suffix|short|records ...");
}

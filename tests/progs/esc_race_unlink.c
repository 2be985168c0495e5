/* esc_race_unlink DIR LINK [SECONDS]
 *
 * TOCTOU on a call that writes without opening: unlink. DIR is a real
 * directory in an allowed tree; LINK, next to it, is a symlink to a
 * forbidden directory holding its own "file". Thread B swaps the two
 * names with renameat2(RENAME_EXCHANGE) over and over, while thread A
 * unlinks DIR/file and puts it back (through a descriptor of the real
 * directory, opened before the race). When the unlink resolves DIR to the
 * symlink, the forbidden directory's "file" is gone: the script looks for
 * it afterwards (the program may not look there itself). The program
 * reports what it tried; exit 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
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

int main(int argc, char **argv)
{
	double secs = argc > 3 ? atof(argv[3]) : 3;
	unsigned long tries = 0, unlinked = 0, refused = 0;
	struct timespec t0, t;
	char file[512];
	pthread_t th;
	int real, fd;

	if (argc < 3)
		verdict(SETUP, "usage: esc_race_unlink DIR LINK [SECONDS]");
	dir = argv[1];
	lnk = argv[2];
	snprintf(file, sizeof(file), "%s/file", dir);
	real = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (real < 0)
		verdict(SETUP, "open %s: %s", dir, en(errno));
	if (pthread_create(&th, NULL, swapper, NULL))
		verdict(SETUP, "pthread_create");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		tries++;
		if (unlink(file) == 0)
			unlinked++;
		else if (errno != ENOENT)
			refused++;
		fd = openat(real, "file", O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
		if (fd >= 0)
			close(fd);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while ((double)(t.tv_sec - t0.tv_sec) +
		 (double)(t.tv_nsec - t0.tv_nsec) / 1e9 < secs);
	stop = 1;
	pthread_join(th, NULL);
	verdict(BLOCKED, "%lu unlinks tried, %lu done, %lu refused "
		"(the script checks the forbidden file)", tries, unlinked,
		refused);
}

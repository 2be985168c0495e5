/* esc_race_link open|exec DIR LINK [SECONDS]
 *
 * TOCTOU on the file system: the tracer resolves a path, decides, and the
 * kernel resolves it again. DIR is a real directory in an allowed tree
 * with an allowed "file" in it; LINK, next to it, is a symlink to a
 * forbidden directory with its own "file". Thread B swaps the two names
 * with renameat2(RENAME_EXCHANGE), atomically, over and over, while
 * thread A uses DIR/file:
 *
 *   open   opens and reads it; LINK leads to the secret's directory.
 *          Escaped if any open reads the secret.
 *   exec   runs it in a forked child; DIR/file is a program fs.exec
 *          allows, LINK leads to a directory where "file" is esc_marker,
 *          which it denies. Escaped if the marker ran.
 *
 * The swap count is even at the end, so DIR is a directory again. Runs
 * SECONDS (default 3) or until 1000 escapes (100 for exec).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "esc.h"

enum { ENOUGH = 1000, ENOUGH_EXEC = 100 };

static const char *dir, *lnk;
static int stop, swap_err;
static unsigned long swaps;

static int exchange(void)
{
	return (int)syscall(SYS_renameat2, AT_FDCWD, dir, AT_FDCWD, lnk,
			    RENAME_EXCHANGE);
}

static void *swapper(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		if (exchange() < 0) {
			swap_err = errno;
			return NULL;
		}
		if (exchange() < 0) {	/* in pairs: DIR ends a directory */
			swap_err = errno;
			swaps++;
			return NULL;
		}
		swaps += 2;
	}
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run file in a child: 1 if the marker ran, 0 if something else did,
 * -errno if the exec failed. */
static int try_exec(const char *file)
{
	char out[256];
	int p[2], st;
	ssize_t n;
	pid_t pid;

	if (pipe(p) < 0)
		return -errno;
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execl(file, file, (char *)NULL);
		dprintf(1, "E%d", errno);
		_exit(0);
	}
	close(p[1]);
	n = read(p[0], out, sizeof(out) - 1);
	close(p[0]);
	waitpid(pid, &st, 0);
	out[n > 0 ? n : 0] = '\0';
	if (strstr(out, "ESCAPED-MARKER"))
		return 1;
	return out[0] == 'E' ? -atoi(out + 1) : 0;
}

/* Open and read file: 1 if it was the secret, 0 if not, -errno. */
static int try_open(const char *file)
{
	char buf[64];
	ssize_t n;
	int fd;

	fd = open(file, O_RDONLY);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	return n >= 9 && strncmp(buf, "TOPSECRET", 9) == 0;
}

int main(int argc, char **argv)
{
	unsigned long tries = 0, opened = 0, escapes = 0, denied = 0;
	double secs = argc > 4 ? atof(argv[4]) : 3, end;
	unsigned long enough = ENOUGH;
	int last_err = 0, rc, exec;
	char file[512];
	pthread_t t;

	if (argc < 4 || argc > 5 || (strcmp(argv[1], "open") &&
				     strcmp(argv[1], "exec")))
		verdict(SETUP, "usage: esc_race_link open|exec DIR LINK "
			"[SECONDS]");
	exec = argv[1][0] == 'e';
	if (exec)
		enough = ENOUGH_EXEC;
	dir = argv[2];
	lnk = argv[3];
	snprintf(file, sizeof(file), "%s/file", dir);
	rc = pthread_create(&t, NULL, swapper, NULL);
	if (rc)
		verdict(SETUP, "pthread_create: %s", en(rc));
	end = now() + secs;
	while (escapes < enough && now() < end &&
	       !__atomic_load_n(&swap_err, __ATOMIC_RELAXED)) {
		tries++;
		rc = exec ? try_exec(file) : try_open(file);
		if (rc < 0) {
			if (rc != -ENOENT) {
				denied++;
				last_err = -rc;
			}
			continue;
		}
		opened++;
		escapes += (unsigned long)rc;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(t, NULL);
	if (escapes)
		verdict(ESCAPED, "%s: %lu of %lu tries on %s %s (%lu swaps)",
			argv[1], escapes, tries, file,
			exec ? "ran the marker" : "read the secret", swaps);
	if (swap_err && swaps == 0)
		verdict(BLOCKED, "%s: renameat2(RENAME_EXCHANGE): %s (%lu "
			"tries, none escaped)", argv[1], en(swap_err), tries);
	if (swap_err)
		verdict(SETUP, "renameat2 failed after %lu swaps: %s: %s may "
			"be left a symlink", swaps, en(swap_err), dir);
	if (!opened)
		verdict(SETUP, "%s of %s never succeeded in %lu tries (last "
			"error %s)", argv[1], file, tries, en(last_err));
	verdict(BLOCKED, "%s: %lu tries, %lu of the allowed file, %lu refused"
		" (%s), %lu swaps, none escaped", argv[1], tries, opened,
		denied, denied ? en(last_err) : "-", swaps);
}

/* esc_race_link DIR LINK [SECONDS]
 *
 * TOCTOU on the file system: the tracer resolves a path, decides, and the
 * kernel resolves it again. DIR is a real directory in an allowed tree
 * with an allowed "file" in it; LINK, next to it, is a symlink to the
 * secret's directory (which has its own "file"). Thread B swaps the two
 * names with renameat2(RENAME_EXCHANGE), atomically, over and over, while
 * thread A opens DIR/file. Escaped if any open reads the secret. The swap
 * count is even at the end, so DIR is a directory again. Runs SECONDS
 * (default 3) or until 1000 escapes.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The verdict protocol of tests/integ/hardening.sh: one line on stdout,
 * then exit 1 (ESCAPED), 0 (BLOCKED), 2 (SETUP: the attempt could not be
 * made) or 3 (WRONG: stopped, but not the way jail promises). */
enum verdict { BLOCKED, ESCAPED, SETUP, WRONG };

static void __attribute__((noreturn, format(printf, 2, 3)))
verdict(enum verdict v, const char *fmt, ...)
{
	static const char *const word[] = {
		"BLOCKED", "ESCAPED", "SETUP", "WRONG",
	};
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (char *c = msg; *c; c++)	/* one line, whatever it quotes */
		if ((unsigned char)*c < ' ')
			*c = ' ';
	/* one write(2), no stdio buffer: the line survives a kill */
	dprintf(1, "%s: %s\n", word[v], msg);
	_exit(v);
}

/* "EACCES" for EACCES. */
static const char *en(int e)
{
	const char *s = strerrorname_np(e);

	return s ? s : "E?";
}

enum { ENOUGH = 1000 };

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

int main(int argc, char **argv)
{
	unsigned long tries = 0, opened = 0, escapes = 0, denied = 0;
	double secs = argc > 3 ? atof(argv[3]) : 3, end;
	char file[512], buf[64];
	int last_err = 0, fd, rc;
	pthread_t t;
	ssize_t n;

	if (argc < 3 || argc > 4)
		verdict(SETUP, "usage: esc_race_link DIR LINK [SECONDS]");
	dir = argv[1];
	lnk = argv[2];
	snprintf(file, sizeof(file), "%s/file", dir);
	rc = pthread_create(&t, NULL, swapper, NULL);
	if (rc)
		verdict(SETUP, "pthread_create: %s", en(rc));
	end = now() + secs;
	while (escapes < ENOUGH && now() < end &&
	       !__atomic_load_n(&swap_err, __ATOMIC_RELAXED)) {
		tries++;
		fd = open(file, O_RDONLY);
		if (fd < 0) {
			if (errno != ENOENT) {
				denied++;
				last_err = errno;
			}
			continue;
		}
		opened++;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n >= 9 && strncmp(buf, "TOPSECRET", 9) == 0)
			escapes++;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(t, NULL);
	if (escapes)
		verdict(ESCAPED, "%lu of %lu opens of %s read the secret (%lu "
			"swaps)", escapes, tries, file, swaps);
	if (swap_err && swaps == 0)
		verdict(BLOCKED, "renameat2(RENAME_EXCHANGE): %s (%lu opens, "
			"none of the secret)", en(swap_err), tries);
	if (swap_err)
		verdict(SETUP, "renameat2 failed after %lu swaps: %s: %s may "
			"be left a symlink", swaps, en(swap_err), dir);
	if (!opened)
		verdict(SETUP, "no open of %s succeeded in %lu tries (last "
			"error %s)", file, tries, en(last_err));
	verdict(BLOCKED, "%lu opens, %lu of the allowed file, %lu refused "
		"(%s), %lu swaps, none of the secret", tries, opened, denied,
		denied ? en(last_err) : "-", swaps);
}

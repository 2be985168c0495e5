/* esc_race_fd mmap|mmapfiles|execveat|mprotect ALLOWED DENIED [SECONDS]
 *
 * TOCTOU on what a descriptor or an address refers to: calls that name a
 * file that way are checked by what it is when the tracer looks, and the
 * kernel looks again afterwards. ALLOWED is a program fs.exec allows;
 * DENIED (esc_marker) may be read, but fs.exec denies it.
 *
 *   mmap      descriptor X is ALLOWED; thread B puts DENIED and ALLOWED
 *             in its place with dup2, over and over, while thread A maps
 *             X PROT_READ|PROT_EXEC. Escaped when an executable mapping
 *             holds DENIED's first page.
 *   mmapfiles the same, B a process of its own that shares the fd table
 *             (clone(CLONE_FILES)), so A's process has one thread: jail
 *             must still know that another can change A's descriptors.
 *   execveat  the same race, thread A in a forked child (one per try: a
 *             success replaces it) running execveat(X, "", AT_EMPTY_PATH).
 *             Escaped when DENIED ran.
 *   mprotect  page P maps DENIED read-only; thread B maps ALLOWED and
 *             DENIED there in turn (MAP_FIXED), while thread A makes P
 *             PROT_READ|PROT_EXEC. Escaped when /proc/self/maps shows
 *             DENIED executable at P.
 *
 * Runs SECONDS (default 3) or until 100 escapes.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "esc.h"

enum { ENOUGH = 100, X = 100, PAGE = 4096 };

static int fd_ok, fd_denied;
static int stop;
static unsigned long flips;		/* execveat: B is running */
static char *page;			/* mprotect: P */
static int pause_req, paused;		/* mprotect: hold thread B */

static void *flipper(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		dup2(fd_denied, X);
		dup2(fd_ok, X);
		__atomic_fetch_add(&flips, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

/* mprotect's thread B: ALLOWED, then DENIED, at P; holds still on
 * request, with DENIED there or not. */
static void *remapper(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		if (__atomic_load_n(&pause_req, __ATOMIC_ACQUIRE)) {
			__atomic_store_n(&paused, 1, __ATOMIC_RELEASE);
			while (__atomic_load_n(&pause_req, __ATOMIC_ACQUIRE))
				;
			__atomic_store_n(&paused, 0, __ATOMIC_RELEASE);
		}
		mmap(page, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd_ok, 0);
		mmap(page, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd_denied,
		     0);
	}
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct tally {
	unsigned long tries, ok, escapes, refused;
	int last_err;
};

static void race_mmap(double end, struct tally *t, bool files)
{
	static char want[PAGE], other[PAGE];
	pthread_t th;
	pid_t pid = 0;
	void *p;
	int rc = 0, running = -1;

	if (pread(fd_denied, want, PAGE, 0) <= 0 ||
	    pread(fd_ok, other, PAGE, 0) <= 0 || !memcmp(want, other, PAGE))
		verdict(SETUP, "cannot tell the two files' first pages apart");
	if (files) {
		/* a fork that keeps the fd table: no CLONE_VM, no thread; it
		 * flips until the parent closes `running` in their table */
		running = dup(fd_ok);
		pid = (pid_t)syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, 0, 0,
				     0);
		if (running < 0 || pid < 0)
			verdict(SETUP, "clone(CLONE_FILES): %s", en(errno));
		if (pid == 0) {
			while (fcntl(running, F_GETFD) >= 0) {
				dup2(fd_denied, X);
				dup2(fd_ok, X);
			}
			_exit(0);
		}
	} else {
		rc = pthread_create(&th, NULL, flipper, NULL);
	}
	if (rc)
		verdict(SETUP, "pthread_create: %s", en(rc));
	while (t->escapes < ENOUGH && now() < end) {
		t->tries++;
		p = mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, X, 0);
		if (p == MAP_FAILED) {
			if (errno != EBADF) {
				t->refused++;
				t->last_err = errno;
			}
			continue;
		}
		if (!memcmp(p, want, PAGE))
			t->escapes++;
		else
			t->ok++;
		munmap(p, PAGE);
	}
	if (files) {
		close(running);
		waitpid(pid, NULL, 0);
		return;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(th, NULL);
}

/* Whether /proc/self/maps shows inode ino mapped executable at P. */
static bool exec_mapped(unsigned long ino)
{
	unsigned long lo, hi, off, in;
	char line[512], perms[8];
	bool yes = false;
	FILE *f;

	f = fopen("/proc/self/maps", "r");
	if (!f)
		verdict(SETUP, "/proc/self/maps: %s", en(errno));
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx %7s %lx %*s %lu", &lo, &hi, perms,
			   &off, &in) == 5 && lo == (unsigned long)page)
			yes = perms[2] == 'x' && in == ino;
	fclose(f);
	return yes;
}

static void race_mprotect(double end, struct tally *t)
{
	struct stat st;
	pthread_t th;
	int rc;

	if (fstat(fd_denied, &st) < 0)
		verdict(SETUP, "fstat: %s", en(errno));
	page = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd_denied, 0);
	if (page == MAP_FAILED)
		verdict(SETUP, "mmap of the denied file: %s", en(errno));
	rc = pthread_create(&th, NULL, remapper, NULL);
	if (rc)
		verdict(SETUP, "pthread_create: %s", en(rc));
	while (t->escapes < ENOUGH && now() < end) {
		t->tries++;
		if (mprotect(page, PAGE, PROT_READ | PROT_EXEC) < 0) {
			t->refused++;
			t->last_err = errno;
			continue;
		}
		/* hold B still, then look at what is executable at P */
		__atomic_store_n(&pause_req, 1, __ATOMIC_RELEASE);
		while (!__atomic_load_n(&paused, __ATOMIC_ACQUIRE))
			;
		if (exec_mapped((unsigned long)st.st_ino))
			t->escapes++;
		else
			t->ok++;
		__atomic_store_n(&pause_req, 0, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(th, NULL);
}

/* One try in a child: its output says what ran. */
static void try_exec(const char *denied, struct tally *t)
{
	char *argv[] = { (char *)denied, NULL };
	extern char **environ;
	char out[256];
	int p[2], st;
	ssize_t n;
	pid_t pid;

	if (pipe(p) < 0)
		verdict(SETUP, "pipe: %s", en(errno));
	t->tries++;
	pid = fork();
	if (pid < 0)
		verdict(SETUP, "fork: %s", en(errno));
	if (pid == 0) {
		pthread_t th;

		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		if (pthread_create(&th, NULL, flipper, NULL))
			_exit(3);
		/* B under way, at a different point each try */
		while (__atomic_load_n(&flips, __ATOMIC_RELAXED) <
		       1 + t->tries % 32)
			;
		syscall(SYS_execveat, X, "", argv, environ, AT_EMPTY_PATH);
		dprintf(1, "E%d", errno);
		_exit(0);
	}
	close(p[1]);
	n = read(p[0], out, sizeof(out) - 1);
	close(p[0]);
	waitpid(pid, &st, 0);
	out[n > 0 ? n : 0] = '\0';
	if (strstr(out, "ESCAPED-MARKER")) {
		t->escapes++;
	} else if (out[0] == 'E') {
		t->last_err = atoi(out + 1);
		if (t->last_err != EBADF)
			t->refused++;
	} else {
		t->ok++;
	}
}

int main(int argc, char **argv)
{
	double secs = argc > 4 ? atof(argv[4]) : 3, end;
	const char *mode = argc > 1 ? argv[1] : "";
	struct tally t = { 0 };
	bool mm = strcmp(mode, "execveat") != 0;

	if (argc < 4 || argc > 5 || (strcmp(mode, "mmap") &&
				     strcmp(mode, "mmapfiles") &&
				     strcmp(mode, "execveat") &&
				     strcmp(mode, "mprotect")))
		verdict(SETUP, "usage: esc_race_fd mmap|mmapfiles|execveat|"
			"mprotect ALLOWED DENIED [SECONDS]");
	fd_ok = open(argv[2], O_RDONLY);
	fd_denied = open(argv[3], O_RDONLY);
	if (fd_ok < 0 || fd_denied < 0)
		verdict(SETUP, "open: %s", en(errno));
	if (dup2(fd_ok, X) < 0)
		verdict(SETUP, "dup2: %s", en(errno));
	end = now() + secs;
	if (strncmp(mode, "mmap", 4) == 0)
		race_mmap(end, &t, strcmp(mode, "mmapfiles") == 0);
	else if (strcmp(mode, "mprotect") == 0)
		race_mprotect(end, &t);
	else
		while (t.escapes < ENOUGH && now() < end)
			try_exec(argv[3], &t);
	if (t.escapes)
		verdict(ESCAPED, "%s: %lu of %lu tries %s %s (%lu %s, %lu "
			"refused)", mode, t.escapes, t.tries,
			mm ? "mapped executable" : "ran", argv[3], t.ok,
			argv[2], t.refused);
	if (!t.ok)
		verdict(SETUP, "%s: %s never went through in %lu tries (last "
			"error %s)", mode, argv[2], t.tries,
			en(t.last_err));
	verdict(BLOCKED, "%s: %lu tries, %lu of %s, %lu refused (%s), none "
		"of %s", mode, t.tries, t.ok, argv[2], t.refused,
		t.refused ? en(t.last_err) : "-", argv[3]);
}

/* esc_tiocsti sti|sti-hi | linux [VT]
 *
 * Terminal injection: TIOCSTI pushes bytes into a terminal's input, as if
 * typed, so a jailed program could type commands into the shell that
 * started jail once it exits. TIOCLINUX reaches the console driver (its
 * TIOCL_PASTESEL pastes into the input the same way; TIOCL_GETSHIFTSTATE
 * is used here, harmless, to see whether the request gets through).
 *
 * The terminal is a pty of our own: a child makes a new session and opens
 * the slave, which becomes its controlling terminal (so the kernel allows
 * TIOCSTI without CAP_SYS_ADMIN), sets it raw and injects "Z".
 *
 *   sti      ioctl(slave, TIOCSTI, "Z")
 *   sti-hi   the same by raw syscall with the request's upper 32 bits set
 *            (1 << 32 | TIOCSTI): the kernel reads an unsigned int, a
 *            64-bit comparison in a filter does not
 *   linux    ioctl(VT, TIOCLINUX, {TIOCL_GETSHIFTSTATE}): on a virtual
 *            console (/dev/tty1; opened O_NOCTTY, so as root natively),
 *            as a pty does not know the request (ENOTTY); on the slave
 *            when no VT is given
 *
 * With dev.tty.legacy_tiocsti = 0 the kernel refuses TIOCSTI itself (EIO):
 * SETUP, the attempt proves nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "esc.h"

enum { TIOCL_GETSHIFTSTATE_ = 6 };

static int legacy_tiocsti(void)
{
	int v = -1;
	FILE *f = fopen("/proc/sys/dev/tty/legacy_tiocsti", "r");

	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
}

/* In the child: the attempt; one line on wfd, "E ...", "B ..." or
 * "S ...". */
static void __attribute__((noreturn)) child(int wfd, const char *mode,
					    const char *slave, const char *vt)
{
	struct pollfd pfd;
	struct termios tio;
	char c = 'Z', got = 0;
	char sub[2] = { TIOCL_GETSHIFTSTATE_, 0 };
	long r;
	int fd, e;

	if (setsid() < 0) {
		dprintf(wfd, "S setsid: %s", en(errno));
		_exit(0);
	}
	/* the slave is our controlling terminal now; a VT is not */
	fd = vt ? open(vt, O_RDWR | O_NOCTTY) : open(slave, O_RDWR);
	if (fd < 0) {
		dprintf(wfd, "S open(%s): %s", vt ? vt : slave, en(errno));
		_exit(0);
	}
	if (!vt && tcgetattr(fd, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(fd, TCSANOW, &tio);
	}
	if (strcmp(mode, "linux") == 0)
		r = ioctl(fd, TIOCLINUX, sub);
	else if (strcmp(mode, "sti-hi") == 0)
		r = syscall(SYS_ioctl, fd, (1ul << 32) | TIOCSTI, &c);
	else
		r = ioctl(fd, TIOCSTI, &c);
	e = errno;
	if (r < 0) {
		if (e == EIO && mode[0] == 's' && legacy_tiocsti() == 0)
			dprintf(wfd, "S TIOCSTI: EIO: the kernel refuses it "
				"(dev.tty.legacy_tiocsti = 0)");
		else
			dprintf(wfd, "B %s: %s", mode, en(e));
		_exit(0);
	}
	if (mode[0] == 'l') {
		dprintf(wfd, "E TIOCLINUX on %s reached the console driver"
			" (shift state %d)", vt ? vt : slave, sub[0]);
		_exit(0);
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 500) == 1 && read(fd, &got, 1) == 1)
		dprintf(wfd, "E %s injected '%c', read back as input", mode,
			got);
	else
		dprintf(wfd, "E %s returned 0 (nothing read back)", mode);
	_exit(0);
}

int main(int argc, char **argv)
{
	const char *vt = argc == 3 ? argv[2] : NULL;
	char msg[256], *slave;
	int m, p[2], st;
	ssize_t n;
	pid_t pid;

	if (argc < 2 || (strcmp(argv[1], "sti") && strcmp(argv[1], "sti-hi")
			 && strcmp(argv[1], "linux")) ||
	    argc > 2 + (argv[1][0] == 'l'))
		verdict(SETUP, "usage: esc_tiocsti sti|sti-hi | linux [VT]");
	m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0)
		verdict(SETUP, "posix_openpt: %s", en(errno));
	if (grantpt(m) < 0 || unlockpt(m) < 0 || !(slave = ptsname(m)))
		verdict(SETUP, "pty set-up: %s", en(errno));
	if (pipe2(p, O_CLOEXEC) < 0)
		verdict(SETUP, "pipe2: %s", en(errno));
	pid = fork();
	if (pid < 0)
		verdict(SETUP, "fork: %s", en(errno));
	if (pid == 0)
		child(p[1], argv[1], slave, vt);
	close(p[1]);
	n = read(p[0], msg, sizeof(msg) - 1);
	waitpid(pid, &st, 0);
	if (n <= 0)
		verdict(BLOCKED, "%s: the child died without a word (status "
			"0x%x)", argv[1], st);
	msg[n] = '\0';
	verdict(msg[0] == 'E' ? ESCAPED : msg[0] == 'B' ? BLOCKED : SETUP,
		"%s", msg + 2);
}

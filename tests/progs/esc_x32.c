/* esc_x32 PATH
 *
 * Foreign ABI: x32 system call numbers (__X32_SYSCALL_BIT | nr) from a
 * 64-bit program. A filter that compares nr without looking at the x32
 * bit, or a tracer that masks it off, mistakes x32 openat for something
 * else. jail's filter kills any x32 number: under jail this program dies
 * by SIGSYS before it can print anything.
 *
 * Natively the kernel decides: without CONFIG_X86_X32_ABI it answers
 * ENOSYS, which is "BLOCKED by the kernel" (the script knows); with it,
 * the open works and the secret is read (ESCAPED).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

enum { X32_BIT = 0x40000000 };

int main(int argc, char **argv)
{
	char buf[128];
	long fd;
	ssize_t n;

	if (argc != 2)
		verdict(SETUP, "usage: esc_x32 PATH");
	fd = syscall(X32_BIT | SYS_openat, AT_FDCWD, argv[1], O_RDONLY);
	if (fd < 0 && errno == ENOSYS)
		verdict(BLOCKED, "x32 openat: ENOSYS (by the kernel: no x32 "
			"ABI)");
	if (fd < 0)
		verdict(BLOCKED, "x32 openat(%s): %s", argv[1], en(errno));
	n = read((int)fd, buf, sizeof(buf) - 1);
	if (n < 0)
		verdict(BLOCKED, "x32 openat gave fd %ld, read: %s", fd,
			en(errno));
	buf[n] = '\0';
	if (strncmp(buf, "TOPSECRET", 9) != 0)
		verdict(SETUP, "%s is not a secret (no TOPSECRET)", argv[1]);
	verdict(ESCAPED, "x32 openat + read of %s: \"%.20s\"", argv[1], buf);
}

/* esc_int80 open|openat|execve PATH
 *
 * Foreign ABI: a 64-bit program making i386 system calls with int $0x80.
 * The kernel runs them as compat calls with the i386 numbers (open = 5,
 * openat = 295, execve = 11), which mean other things on x86_64 (5 is
 * fstat there): a filter or a tracer that decodes every call as x86_64
 * lets them through.
 *
 *   open, openat  PATH is a secret the policy forbids; read it.
 *   execve        PATH is a program fs.exec forbids (esc_marker).
 *
 * Pointers of i386 calls are 32 bits wide, so everything they point to
 * lives in a MAP_32BIT mapping.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "esc.h"

enum {
	I386_READ = 3,
	I386_OPEN = 5,
	I386_CLOSE = 6,
	I386_EXECVE = 11,
	I386_OPENAT = 295,
};

/* An i386 system call from 64-bit code. The compat entry preserves every
 * register but rax on current kernels; r8-r11 are listed because older
 * ones clobbered them. Returns the kernel's value as the int it is. */
static int int80(unsigned nr, unsigned a, unsigned b, unsigned c)
{
	long ret;

	asm volatile("int $0x80"
		     : "=a"(ret)
		     : "a"((long)nr), "b"((long)a), "c"((long)b), "d"((long)c)
		     : "r8", "r9", "r10", "r11", "memory", "cc");
	return (int)ret;
}

static unsigned lo32(const void *p)
{
	return (unsigned)(unsigned long)p;
}

int main(int argc, char **argv)
{
	char *low, *path, *buf;
	unsigned *vec;
	int fd, n;

	if (argc != 3)
		verdict(SETUP, "usage: esc_int80 open|openat|execve PATH");
	low = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (low == MAP_FAILED)
		verdict(SETUP, "mmap(MAP_32BIT): %s", en(errno));
	if (strlen(argv[2]) >= 4096)
		verdict(SETUP, "path too long");
	path = low;
	strcpy(path, argv[2]);
	vec = (unsigned *)(low + 4096);
	buf = low + 2 * 4096;

	if (strcmp(argv[1], "execve") == 0) {
		vec[0] = lo32(path);	/* argv = { PATH, NULL } */
		vec[1] = 0;
		vec[2] = 0;		/* envp = { NULL } */
		n = int80(I386_EXECVE, lo32(path), lo32(vec), lo32(vec + 2));
		/* the marker's own line is the verdict when it ran */
		verdict(BLOCKED, "i386 execve(%s): %s", path, en(-n));
	}
	if (strcmp(argv[1], "open") == 0)
		fd = int80(I386_OPEN, lo32(path), O_RDONLY, 0);
	else if (strcmp(argv[1], "openat") == 0)
		fd = int80(I386_OPENAT, (unsigned)AT_FDCWD, lo32(path),
			   O_RDONLY);
	else
		verdict(SETUP, "unknown mode %s", argv[1]);
	if (fd < 0)
		verdict(BLOCKED, "i386 %s(%s): %s", argv[1], path, en(-fd));
	n = int80(I386_READ, (unsigned)fd, lo32(buf), 4095);
	int80(I386_CLOSE, (unsigned)fd, 0, 0);
	if (n < 0)
		verdict(BLOCKED, "i386 %s gave fd %d, but i386 read: %s",
			argv[1], fd, en(-n));
	buf[n] = '\0';
	if (strncmp(buf, "TOPSECRET", 9) != 0)
		verdict(SETUP, "%s is not a secret (no TOPSECRET)", path);
	verdict(ESCAPED, "i386 %s + read of %s: %d bytes \"%.20s\"",
		argv[1], path, n, buf);
}

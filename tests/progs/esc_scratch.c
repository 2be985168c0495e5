/* esc_scratch MODE
 *
 * jail's scratch area: a read-only page range at 0x10000 in every jailed
 * address space, where jail puts the checked copies of the paths and
 * addresses a call names (jail/scratch.h). If the program could change
 * it, every race the copies close would open again. Each mode tries one
 * way to change the page at 0x10000:
 *
 *   mem-self, mem-thread, mem-task
 *              write a byte (the one that is there) through
 *              /proc/self/mem, /proc/thread-self/mem or
 *              /proc/self/task/TID/mem, opened O_RDWR (the kernel
 *              writes read-only private pages that way)
 *   mprotect   make it writable
 *   munmap     unmap it
 *   madvise    MADV_DONTNEED: its pages would read back as zeros
 *   mapfixed   map a page of our own over it (MAP_FIXED)
 *   mremap     move a page of our own over it (MREMAP_FIXED)
 *
 * Natively there is no scratch area: the program maps a read-only page
 * of its own there first, so the native run shows each way works.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "esc.h"

#define AREA ((char *)0x10000)
enum { PAGE = 4096 };

/* Whether something is mapped at AREA (jail's area), from
 * /proc/self/maps. */
static bool area_mapped(void)
{
	unsigned long lo, hi;
	char line[256];
	bool yes = false;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		verdict(SETUP, "/proc/self/maps: %s", en(errno));
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 &&
		    lo <= (unsigned long)AREA && (unsigned long)AREA < hi)
			yes = true;
	fclose(f);
	return yes;
}

static void __attribute__((noreturn)) mem_write(const char *path)
{
	char c;
	int fd;

	fd = open(path, O_RDWR);
	if (fd < 0)
		verdict(BLOCKED, "open(%s, O_RDWR): %s", path, en(errno));
	c = *(volatile char *)AREA;
	if (pwrite(fd, &c, 1, (off_t)(unsigned long)AREA) != 1)
		verdict(BLOCKED, "opened %s; pwrite at %p: %s", path,
			(void *)AREA, en(errno));
	verdict(ESCAPED, "wrote the read-only page at %p through %s",
		(void *)AREA, path);
}

int main(int argc, char **argv)
{
	const char *mode = argc == 2 ? argv[1] : "";
	const char *what = "";
	char path[64];
	void *p, *q;
	int r;

	if (!area_mapped()) {
		p = mmap(AREA, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
			 MAP_FIXED_NOREPLACE, -1, 0);
		if (p != AREA)
			verdict(SETUP, "no area at %p, and mapping one: %s",
				(void *)AREA, en(errno));
	}
	if (strcmp(mode, "mem-self") == 0)
		mem_write("/proc/self/mem");
	if (strcmp(mode, "mem-thread") == 0)
		mem_write("/proc/thread-self/mem");
	if (strcmp(mode, "mem-task") == 0) {
		snprintf(path, sizeof(path), "/proc/self/task/%d/mem",
			 (int)gettid());
		mem_write(path);
	}
	if (strcmp(mode, "mprotect") == 0) {
		what = "mprotect(PROT_READ|PROT_WRITE) of";
		r = mprotect(AREA, PAGE, PROT_READ | PROT_WRITE);
	} else if (strcmp(mode, "munmap") == 0) {
		what = "munmap of";
		r = munmap(AREA, PAGE);
	} else if (strcmp(mode, "madvise") == 0) {
		what = "madvise(MADV_DONTNEED) of";
		r = madvise(AREA, PAGE, MADV_DONTNEED);
	} else if (strcmp(mode, "mapfixed") == 0) {
		what = "mmap(MAP_FIXED) over";
		p = mmap(AREA, PAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		r = p == MAP_FAILED ? -1 : 0;
	} else if (strcmp(mode, "mremap") == 0) {
		what = "mremap(MREMAP_FIXED) over";
		q = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (q == MAP_FAILED)
			verdict(SETUP, "mmap: %s", en(errno));
		p = mremap(q, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, AREA);
		r = p == MAP_FAILED ? -1 : 0;
	} else {
		verdict(SETUP, "usage: esc_scratch mem-self|mem-thread|mem-task"
			"|mprotect|munmap|madvise|mapfixed|mremap");
	}
	if (r < 0)
		verdict(BLOCKED, "%s the page at %p: %s", what,
			(void *)AREA, en(errno));
	verdict(ESCAPED, "%s the read-only page at %p succeeded", what,
		(void *)AREA);
}

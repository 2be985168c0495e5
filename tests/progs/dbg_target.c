/* dbg_target: a small program for the debugger's differential tests.
 *
 * Its functions and data are examined both by gdb and by jail's debugger
 * modules (disassembly, symbols, x/ output, expressions), statically and
 * in a running process:
 *
 *	dbg_target			compute and print a line
 *	dbg_target maps FILE		write /proc/self/maps to FILE, then
 *					call dbg_stop() (a breakpoint spot)
 *	dbg_target spin			loop until killed (attach tests)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Data of several shapes for x/ and print. */
int counter = 5;
long big = -1234567890123L;
char msg[] = "hello, jail";
unsigned char bytes[16] = { 0x00, 0x01, 0x7f, 0x80, 0xff, 'A', '\n', 0x1b,
			    0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x90 };
short shorts[4] = { -1, 2, -300, 32767 };
int arr[8] = { 1, -2, 3, -4, 5, -6, 7, -8 };
const char *strp = "pointer string";
char repeats[40] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
double ratio = 1.5;
float fl = -2.25f;
volatile int sink;
static volatile int hidden_static = 42;

__attribute__((noinline)) int foo(int a, int b)
{
	return a * b + counter;
}

__attribute__((noinline)) long loopsum(const long *v, int n)
{
	long s = 0;

	for (int i = 0; i < n; i++)
		s += v[i] * 3;
	return s;
}

__attribute__((noinline)) unsigned long fact(unsigned n)
{
	return n < 2 ? 1 : n * fact(n - 1);
}

/* A switch dense enough for a jump table (indirect jmp). */
__attribute__((noinline)) int classify(int c)
{
	switch (c) {
	case 0: return 10;
	case 1: return 21;
	case 2: return 32;
	case 3: return 43;
	case 4: return 54;
	case 5: return 65;
	case 6: return 76;
	default: return -1;
	}
}

__attribute__((noinline)) double scale(double x, int n)
{
	return x * n + ratio;
}

__attribute__((noinline)) size_t text_len(const char *s)
{
	return strlen(s) + (size_t)hidden_static;
}

__attribute__((noinline)) void fill(char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (char)(i * 7);
}

/* Where tests stop the process. */
__attribute__((noinline)) void dbg_stop(void)
{
	__asm__ volatile("" ::: "memory");
	sink++;
}

static int dump_maps(const char *path)
{
	char buf[65536];
	FILE *in = fopen("/proc/self/maps", "r"), *out;
	size_t n;

	if (!in)
		return -1;
	out = fopen(path, "w");
	if (!out) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	return fclose(out);
}

int main(int argc, char **argv)
{
	long v[16];
	char tmp[32];

	if (argc > 2 && !strcmp(argv[1], "maps")) {
		if (dump_maps(argv[2]))
			return 1;
		dbg_stop();
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "spin")) {
		for (;;)
			pause();
	}
	for (int i = 0; i < 16; i++)
		v[i] = i + argc;
	fill(tmp, sizeof(tmp));
	printf("%d %ld %lu %d %g %zu %s %d\n", foo(argc, 3), loopsum(v, 16),
	       fact(10), classify(argc), scale(ratio, argc), text_len(msg),
	       strp, tmp[3]);
	dbg_stop();
	return 0;
}

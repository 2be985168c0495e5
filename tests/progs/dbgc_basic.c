/* dbgc_basic: a single-threaded target for the debugger's tests.
 *
 * A call chain main -> outer -> inner (frame pointers kept, for
 * backtraces), a loop calling compute() a known number of times (hit
 * counts, conditions, ignore counts), globals to read, write and watch,
 * and a string to examine. The exit status is derived from the globals,
 * so a test that changes them through the debugger sees it.
 */
#pragma GCC optimize("no-omit-frame-pointer")
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int counter;			/* watched */
long big = 0x1122334455667788;
unsigned char bytes[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
			    15, 16 };
const char greeting[] = "hello, debugger";
volatile int sink;

__attribute__((noinline)) int compute(int x)
{
	counter += x;
	return counter * 2;
}

__attribute__((noinline)) int inner(int a, int b)
{
	sink = a + b;
	return compute(a * b);
}

__attribute__((noinline)) int outer(int n)
{
	int r = inner(n, n + 1);

	return r + 1;
}

int main(int argc, char **argv)
{
	int i, r = 0;

	(void)argv;
	for (i = 0; i < 5; i++)
		r += compute(i + argc);
	r += outer(3);
	printf("counter=%d r=%d\n", counter, r);
	fflush(stdout);
	return counter & 0x7f;
}

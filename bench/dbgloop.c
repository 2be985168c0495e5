/* dbgloop: the debugger workload's target. hit() is called N times with
 * i = 0 .. N-1; a breakpoint on it is hit N times. Built with -g -O0 so
 * that `i` is readable at the breakpoint by gdb and by jail's debugger.
 *
 *   dbgloop [N]            N defaults to 100,000
 */
#include <stdlib.h>

volatile long sink;

__attribute__((noinline)) void hit(long i);

__attribute__((noinline)) void hit(long i)
{
	sink += i;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	long i;

	for (i = 0; i < n; i++)
		hit(i);
	return 0;
}

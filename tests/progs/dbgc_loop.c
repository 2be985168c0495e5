/* dbgc_loop: a long-running target to attach to.
 *
 * Calls tick() every 10 ms, forever (or N times with an argument), from
 * the main thread and one helper thread; tick() counts in `ticks`. A
 * debugger attaches, breaks in tick(), looks at `ticks`, and detaches:
 * the program must run on, untraced and not stopped.
 */
#pragma GCC optimize("no-omit-frame-pointer")
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

volatile long ticks;

__attribute__((noinline)) void tick(long who)
{
	ticks += who;
}

static void *helper(void *arg)
{
	(void)arg;
	for (;;) {
		tick(1000);
		usleep(10000);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : -1, i;	/* argv[2]: a marker */
	pthread_t th;

	pthread_create(&th, NULL, helper, NULL);
	for (i = 0; n < 0 || i < n; i++) {
		tick(1);
		usleep(10000);
	}
	printf("ticks done\n");
	return 0;
}

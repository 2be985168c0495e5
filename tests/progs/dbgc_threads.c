/* dbgc_threads: a multi-threaded target for the debugger's tests.
 *
 * Four workers, each named with pthread_setname_np, call worker_step()
 * three times between barriers so every thread exists when any of them
 * hits a breakpoint; they then update a shared total. Exits with the
 * total's low bits.
 */
#pragma GCC optimize("no-omit-frame-pointer")
#include <pthread.h>
#include <stdio.h>

enum { NWORKERS = 4, STEPS = 3 };

static pthread_barrier_t bar;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
long total;

__attribute__((noinline)) long worker_step(long id, int step)
{
	return id * 10 + step;
}

static void *worker(void *arg)
{
	long id = (long)arg, sum = 0;
	char name[16];
	int i;

	snprintf(name, sizeof(name), "worker%ld", id);
	pthread_setname_np(pthread_self(), name);
	pthread_barrier_wait(&bar);
	for (i = 0; i < STEPS; i++)
		sum += worker_step(id, i);
	pthread_barrier_wait(&bar);
	pthread_mutex_lock(&mu);
	total += sum;
	pthread_mutex_unlock(&mu);
	return NULL;
}

int main(void)
{
	pthread_t th[NWORKERS];
	long i;

	pthread_barrier_init(&bar, NULL, NWORKERS);
	for (i = 0; i < NWORKERS; i++)
		pthread_create(&th[i], NULL, worker, (void *)i);
	for (i = 0; i < NWORKERS; i++)
		pthread_join(th[i], NULL);
	printf("total=%ld\n", total);
	return (int)(total & 0x7f);
}

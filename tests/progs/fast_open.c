/* fast_open MODE DIR [N]: checked read-only opens give the program what
 * the kernel gives it natively, when jail runs them as fast opens
 * (jail/scratch.h: the call is skipped and the thread runs openat2 from a
 * trampoline that puts its registers back).
 *
 *   regs     N raw `syscall` openat calls, every register but rax, rcx and
 *            r11 set to a pattern and the red zone filled: all of them,
 *            the stack pointer and the red zone are as they were after
 *   signals  N opens of DIR/a while a 100 us interval timer's handler
 *            opens DIR/b: each read gives its own file's contents
 *   signals-where  the same, and prints after "ok signals-where" how
 *            many handler runs interrupted anonymous executable code
 *            (natively none; under jail, its fast-open trampoline), and
 *            how many of them at such a mapping's first byte (the
 *            trampoline's syscall, not yet made: the handler's own
 *            opens came before the interrupted one read its record)
 *   threads  4 threads, N opens each of their own file
 *   fork     a child and its parent, N opens each, at the same time
 *
 * DIR/a, DIR/b, DIR/t0..t3 hold "a", "b", "t0".. (the test makes them).
 * Prints "ok MODE" and exits 0, or says what differed and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

/* --- regs ------------------------------------------------------------ */

enum { NREGS = 13, NRED = 16 };

struct after {
	unsigned long reg[NREGS];	/* rdi rsi rdx r10 r8 r9 rbx rbp
					 * r12 r13 r14 r15 rsp */
	unsigned long red[NRED];	/* the red zone, from rsp - 8 down */
};

unsigned long fo_in[6], fo_rsp;
struct after *fo_out;
long fo_raw(long nr);

/* fo_raw(nr): the syscall with fo_in's six arguments, rbx, rbp and
 * r12-r15 set to patterns and the red zone filled; everything after it
 * goes to *fo_out. */
__asm__(".text\n.globl fo_raw\n.type fo_raw,@function\nfo_raw:\n"
	"push %rbx\npush %rbp\npush %r12\npush %r13\npush %r14\npush %r15\n"
	"mov %rdi, %rax\n"
	"movabs $0x5a5a5a5a5a5a5a00, %rcx\n"
	".irp i,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
	"inc %rcx\nmov %rcx, -8*\\i(%rsp)\n"
	".endr\n"
	"mov fo_in(%rip), %rdi\nmov fo_in+8(%rip), %rsi\n"
	"mov fo_in+16(%rip), %rdx\nmov fo_in+24(%rip), %r10\n"
	"mov fo_in+32(%rip), %r8\nmov fo_in+40(%rip), %r9\n"
	"movabs $0x1111111111111111, %rbx\nmovabs $0x2222222222222222, %rbp\n"
	"movabs $0x3333333333333333, %r12\nmovabs $0x4444444444444444, %r13\n"
	"movabs $0x5555555555555555, %r14\nmovabs $0x6666666666666666, %r15\n"
	"mov %rsp, fo_rsp(%rip)\n"
	"syscall\n"
	"mov fo_out(%rip), %r11\n"
	"mov %rdi, 0(%r11)\nmov %rsi, 8(%r11)\nmov %rdx, 16(%r11)\n"
	"mov %r10, 24(%r11)\nmov %r8, 32(%r11)\nmov %r9, 40(%r11)\n"
	"mov %rbx, 48(%r11)\nmov %rbp, 56(%r11)\nmov %r12, 64(%r11)\n"
	"mov %r13, 72(%r11)\nmov %r14, 80(%r11)\nmov %r15, 88(%r11)\n"
	"mov %rsp, 96(%r11)\n"
	".irp i,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
	"mov -8*\\i(%rsp), %rcx\nmov %rcx, 104+8*(\\i-1)(%r11)\n"
	".endr\n"
	"pop %r15\npop %r14\npop %r13\npop %r12\npop %rbp\npop %rbx\n"
	"ret\n.size fo_raw,.-fo_raw\n");

static int check_regs(const char *dir, long n)
{
	static const char *const name[NREGS] = {
		"rdi", "rsi", "rdx", "r10", "r8", "r9", "rbx", "rbp",
		"r12", "r13", "r14", "r15", "rsp",
	};
	const unsigned long pat[6] = { 0x1111111111111111, 0x2222222222222222,
		0x3333333333333333, 0x4444444444444444, 0x5555555555555555,
		0x6666666666666666 };
	static char path[4096];
	static struct after out;
	long i, fd;
	int k;

	snprintf(path, sizeof(path), "%s/a", dir);
	fo_out = &out;
	for (i = 0; i < n; i++) {
		/* openat(AT_FDCWD, path, O_RDONLY, mode), r8 and r9 spare */
		fo_in[0] = (unsigned long)AT_FDCWD;
		fo_in[1] = (unsigned long)path;
		fo_in[2] = O_RDONLY | O_CLOEXEC;
		fo_in[3] = 0x777 + (unsigned long)i;
		fo_in[4] = 0xabcdef0123456789;
		fo_in[5] = (unsigned long)i;
		fd = fo_raw(SYS_openat);
		if (fd < 0) {
			printf("open %ld: %s\n", i, strerror((int)-fd));
			return 1;
		}
		close((int)fd);
		for (k = 0; k < NREGS; k++) {
			unsigned long want = k < 6 ? fo_in[k] :
					     k < 12 ? pat[k - 6] : fo_rsp;

			if (out.reg[k] != want) {
				printf("open %ld changed %s: %#lx, was %#lx\n",
				       i, name[k], out.reg[k], want);
				return 1;
			}
		}
		for (k = 0; k < NRED; k++)
			if (out.red[k] != 0x5a5a5a5a5a5a5a00ul + k + 1) {
				printf("open %ld changed the red zone at "
				       "rsp-%d\n", i, 8 * (k + 1));
				return 1;
			}
	}
	return 0;
}

/* --- the others: each open must read its own file ------------------- */

static const char *g_dir;
static volatile sig_atomic_t g_bad, g_hits;

/* Open DIR/name, read it, compare; async-signal-safe. */
static int open_is(const char *name)
{
	char path[512], buf[16];
	size_t dl = strlen(g_dir), nl = strlen(name);
	ssize_t got;
	int fd;

	memcpy(path, g_dir, dl);
	path[dl] = '/';
	memcpy(path + dl + 1, name, nl + 1);
	do
		fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return 0;
	do
		got = read(fd, buf, sizeof(buf));
	while (got < 0 && errno == EINTR);
	close(fd);
	return got == (ssize_t)nl && memcmp(buf, name, nl) == 0;
}

enum { NRIPS = 4096 };
static unsigned long g_rips[NRIPS];

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
	int e = errno;

	(void)sig;
	(void)si;
	if (g_hits < NRIPS)
		g_rips[g_hits] = (unsigned long)
			((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
	if (!open_is("b"))
		g_bad = 1;
	g_hits++;
	errno = e;
}

/* How many of the recorded handler runs interrupted code in an
 * executable mapping of no file (*first: at its first byte). */
static long in_anon_code(long *first)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512], perms[8], path[256];
	unsigned long lo, hi;
	long i, k = 0, n = g_hits < NRIPS ? g_hits : NRIPS;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		path[0] = '\0';
		if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255s", &lo, &hi,
			   perms, path) < 3 || perms[2] != 'x' || path[0])
			continue;
		for (i = 0; i < n; i++) {
			k += g_rips[i] >= lo && g_rips[i] < hi;
			*first += g_rips[i] == lo;
		}
	}
	fclose(f);
	return k;
}

static int check_signals(long n)
{
	struct sigaction sa = { .sa_sigaction = on_alarm,
				.sa_flags = SA_RESTART | SA_SIGINFO };
	struct itimerval it = { { 0, 100 }, { 0, 100 } };
	long i;

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	for (i = 0; i < n && !g_bad; i++)
		if (!open_is("a")) {
			printf("open %ld of a read something else\n", i);
			return 1;
		}
	it = (struct itimerval){ { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &it, NULL);
	if (g_bad) {
		printf("the handler's open of b read something else\n");
		return 1;
	}
	if (g_hits == 0) {
		printf("the timer never fired\n");
		return 1;
	}
	return 0;
}

static long g_n;

static void *thread_main(void *arg)
{
	char name[8];
	long i;

	snprintf(name, sizeof(name), "t%ld", (long)arg);
	for (i = 0; i < g_n; i++)
		if (!open_is(name))
			return (void *)1;
	return NULL;
}

static int check_threads(long n)
{
	pthread_t th[4];
	void *r;
	long i;
	int bad = 0;

	g_n = n;
	for (i = 0; i < 4; i++)
		if (pthread_create(&th[i], NULL, thread_main, (void *)i) != 0)
			return 2;
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], &r);
		if (r) {
			printf("thread %ld read another file\n", i);
			bad = 1;
		}
	}
	/* alone again: on to the single-threaded way */
	if (!bad && thread_main((void *)0))
		bad = 1;
	return bad;
}

static int check_fork(long n)
{
	int st;
	pid_t p;
	long i;

	p = fork();
	if (p < 0)
		return 2;
	for (i = 0; i < n; i++)
		if (!open_is(p ? "a" : "b")) {
			printf("the %s read another file\n",
			       p ? "parent" : "child");
			if (!p)
				_exit(1);
			return 1;
		}
	if (!p)
		_exit(0);
	if (waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st))
		return 1;
	/* the child is gone: the parent alone again */
	for (i = 0; i < n; i++)
		if (!open_is("a"))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	long n = argc > 3 ? atol(argv[3]) : 2000;
	int rc;

	if (argc < 3)
		return 2;
	g_dir = argv[2];
	if (strcmp(argv[1], "regs") == 0)
		rc = check_regs(argv[2], n);
	else if (strcmp(argv[1], "signals") == 0 ||
		 strcmp(argv[1], "signals-where") == 0)
		rc = check_signals(n);
	else if (strcmp(argv[1], "threads") == 0)
		rc = check_threads(n);
	else if (strcmp(argv[1], "fork") == 0)
		rc = check_fork(n);
	else
		return 2;
	if (rc == 0 && strcmp(argv[1], "signals-where") == 0) {
		long first = 0, k = in_anon_code(&first);

		printf("ok %s %ld %ld\n", argv[1], k, first);
	} else if (rc == 0) {
		printf("ok %s\n", argv[1]);
	}
	return rc;
}

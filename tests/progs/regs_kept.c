/* regs_kept DIR [syscall]: the kernel keeps a syscall's argument
 * registers; a program may count on it (int $0x80 takes them in registers
 * the C ABI calls callee-saved). Makes checked calls through `syscall` and
 * int $0x80 and checks every argument register after each. Prints "regs
 * kept" and exits 0, or says which call changed which register.
 *
 * With "syscall", only the x86_64 calls are made, for kernels that cannot
 * run i386 code (int $0x80 dies of SIGSEGV there); it then prints "regs
 * kept (syscall only, int $0x80 not tried)". */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

struct regs6 { unsigned long a[6]; };

/* syscall with six arguments; the registers as they are afterwards. */
static long sys64(long nr, const struct regs6 *in, struct regs6 *out)
{
	register unsigned long r10 __asm__("r10") = in->a[3];
	register unsigned long r8 __asm__("r8") = in->a[4];
	register unsigned long r9 __asm__("r9") = in->a[5];
	unsigned long di = in->a[0], si = in->a[1], dx = in->a[2];
	long ret = nr;

	__asm__ volatile("syscall"
			 : "+a"(ret), "+D"(di), "+S"(si), "+d"(dx),
			   "+r"(r10), "+r"(r8), "+r"(r9)
			 : : "rcx", "r11", "memory");
	*out = (struct regs6){ { di, si, dx, r10, r8, r9 } };
	return ret;
}

static long sys32(long nr, const struct regs6 *in, struct regs6 *out)
{
	unsigned long b = in->a[0], c = in->a[1], d = in->a[2],
		      S = in->a[3], D = in->a[4];
	long ret = nr;

	__asm__ volatile("int $0x80"
			 : "+a"(ret), "+b"(b), "+c"(c), "+d"(d), "+S"(S), "+D"(D)
			 : : "r8", "r9", "r10", "r11", "memory");
	*out = (struct regs6){ { b, c, d, S, D, 0 } };
	return ret;
}

static int same(const char *what, const struct regs6 *a,
		const struct regs6 *b, int n)
{
	for (int i = 0; i < n; i++)
		if (a->a[i] != b->a[i]) {
			printf("%s changed argument register %d\n", what, i);
			return 0;
		}
	return 1;
}

int main(int argc, char **argv)
{
	char *p = mmap(0, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	struct regs6 in, out;
	int ok = 1, int80 = argc < 3;
	long fd;

	if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "syscall")) ||
	    p == MAP_FAILED)
		return 2;
	snprintf(p, 4096, "%s/regs-file", argv[1]);
	snprintf(p + 4096, 4096, "%s/regs-dir", argv[1]);
	in = (struct regs6){ { (unsigned long)AT_FDCWD, (unsigned long)p,
			       O_CREAT | O_WRONLY, 0644, 0x1111, 0x2222 } };
	fd = sys64(SYS_openat, &in, &out);
	ok &= fd >= 0 && same("openat", &in, &out, 6);
	in = (struct regs6){ { (unsigned long)p, 0x3333, 0x4444, 0x5555,
			       0x6666, 0x7777 } };
	ok &= sys64(SYS_unlink, &in, &out) == 0 && same("unlink", &in, &out, 6);
	in = (struct regs6){ { (unsigned long)p + 4096, 0755, 0x4444, 0x5555,
			       0x6666, 0 } };
	if (int80) {
		ok &= sys32(39 /* i386 mkdir */, &in, &out) == 0 &&
		      same("i386 mkdir", &in, &out, 5);
		ok &= sys32(40 /* i386 rmdir */, &in, &out) == 0 &&
		      same("i386 rmdir", &in, &out, 5);
	}
	if (!ok)
		puts("regs changed");
	else
		puts(int80 ? "regs kept" :
			     "regs kept (syscall only, int $0x80 not tried)");
	return ok ? 0 : 1;
}

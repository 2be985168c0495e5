/* decode: arguments (TEXT and JSON golden strings), return values, siginfo
 * and tracee string reads, against a fake address space. */
#include "tests/unit/t.h"
#include "tracer/decode.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

/* The fake tracee: three pages mapped at BASE, nothing around them. */
#define BASE 0x10000u
#define PAGE 4096u
#define MAPPED (3 * PAGE)

static unsigned char mem[MAPPED];
static bool strict;		/* fail a read that runs past the mapping */
static uint64_t read_end;	/* highest addr + len ever requested */
static int nreads;

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	nreads++;
	if (addr + len > read_end)
		read_end = addr + len;
	if (addr < BASE || addr >= BASE + MAPPED)
		return -EFAULT;
	if (addr + len > BASE + MAPPED) {
		/* Like one process_vm_readv or a page-sized peek: a read
		 * that touches an unmapped page fails as a whole. */
		if (strict)
			return -EFAULT;
		len = BASE + MAPPED - addr;
	}
	memcpy(buf, mem + (addr - BASE), len);
	return (ssize_t)len;
}

static const struct mem_reader mr = { fake_read, NULL };

static void poke(uint64_t addr, const void *p, size_t n)
{
	memcpy(mem + (addr - BASE), p, n);
}

static void poke_str(uint64_t addr, const char *s)
{
	poke(addr, s, strlen(s) + 1);
}

static void poke_ptrs(uint64_t addr, const uint64_t *p, size_t n,
		      unsigned psize)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t p32 = (uint32_t)p[i];

		if (psize == 4)
			poke(addr + i * 4, &p32, 4);
		else
			poke(addr + i * 8, &p[i], 8);
	}
}

/* Addresses of the fixtures. */
enum {
	A_PASSWD = 0x10000,
	A_TRUE = 0x10100,
	A_ARG0 = 0x10200,
	A_ARG1 = 0x10210,
	A_ARGV = 0x10300,
	A_ENVP = 0x10400,
	A_HELLO = 0x10500,
	A_SIN = 0x10600,
	A_SIN6 = 0x10700,
	A_SUN = 0x10800,
	A_SUN_ABS = 0x10900,
	A_AAAA = 0x10a00,
	A_ARGV32 = 0x10b00,
	A_CROSS = 0x10ffc,	/* a string across a page boundary */
	A_TAIL = BASE + MAPPED - 5,	/* "tail\0" ends the mapping */
	A_UNMAPPED = 0x500000,
};

static void setup(void)
{
	const uint64_t argv[] = { A_ARG0, A_ARG1, 0 };
	struct sockaddr_in sin = { .sin_family = AF_INET,
				   .sin_port = htons(80) };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6,
				     .sin6_port = htons(443),
				     .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	struct sockaddr_un sun = { .sun_family = AF_UNIX };

	poke_str(A_PASSWD, "/etc/passwd");
	poke_str(A_TRUE, "/bin/true");
	poke_str(A_ARG0, "true");
	poke_str(A_ARG1, "x");
	poke_ptrs(A_ARGV, argv, 3, 8);
	poke_ptrs(A_ENVP, argv, 3, 8);
	poke_ptrs(A_ARGV32, argv, 3, 4);
	poke_str(A_HELLO, "hello\n");
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	poke(A_SIN, &sin, sizeof(sin));
	poke(A_SIN6, &sin6, sizeof(sin6));
	strcpy(sun.sun_path, "/run/x.sock");
	poke(A_SUN, &sun, sizeof(sun));
	memcpy(sun.sun_path, "\0abc", 4);
	poke(A_SUN_ABS, &sun, sizeof(sun));
	memset(mem + (A_AAAA - BASE), 'a', 100);
	poke_str(A_CROSS, "crosspage");
	poke_str(A_TAIL, "tail");
}

static struct strbuf out = STRBUF_INIT;

static const char *dec(enum sc_abi abi, enum decode_style st,
		       const char *name, const uint64_t args[6])
{
	const struct sc_ent *e = systab_by_name(abi, name);

	sb_reset(&out);
	if (!e)
		return "(no such syscall)";
	decode_syscall(&out, st, e, e->nr, args, &mr);
	return sb_str(&out);
}

#define ARGS(...) ((const uint64_t[6]){ __VA_ARGS__ })
#define TEXT(name, want, ...)                                              \
	T_STREQ(dec(ABI_X86_64, DECODE_TEXT, name, ARGS(__VA_ARGS__)), want, \
		"text: " want)
#define JSON(name, want, ...)                                              \
	T_STREQ(dec(ABI_X86_64, DECODE_JSON, name, ARGS(__VA_ARGS__)), want, \
		"json: " name " " want)
#define TEXT32(name, want, ...)                                            \
	T_STREQ(dec(ABI_I386, DECODE_TEXT, name, ARGS(__VA_ARGS__)), want,  \
		"i386 text: " want)

static void test_files(void)
{
	TEXT("openat", "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC)",
	     (uint64_t)(int64_t)AT_FDCWD, A_PASSWD, O_CLOEXEC, 0777);
	JSON("openat",
	     "{\"dirfd\":\"AT_FDCWD\",\"pathname\":\"/etc/passwd\","
	     "\"flags\":\"O_RDONLY|O_CLOEXEC\"}",
	     (uint64_t)(int64_t)AT_FDCWD, A_PASSWD, O_CLOEXEC, 0777);
	TEXT("openat", "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY)",
	     0xffffff9c, A_PASSWD, 0, 0);
	TEXT("openat",
	     "openat(3, \"/etc/passwd\", O_WRONLY|O_CREAT|O_TRUNC, 0644)", 3,
	     A_PASSWD, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	JSON("openat",
	     "{\"dirfd\":3,\"pathname\":\"/etc/passwd\","
	     "\"flags\":\"O_WRONLY|O_CREAT|O_TRUNC\",\"mode\":\"0644\"}",
	     3, A_PASSWD, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	TEXT("openat", "openat(AT_FDCWD, 0x500000, O_RDONLY)",
	     (uint64_t)(int64_t)AT_FDCWD, A_UNMAPPED, 0, 0);
	JSON("openat",
	     "{\"dirfd\":\"AT_FDCWD\",\"pathname\":\"0x500000\","
	     "\"flags\":\"O_RDONLY\"}",
	     (uint64_t)(int64_t)AT_FDCWD, A_UNMAPPED, 0, 0);
	TEXT("open", "open(NULL, O_RDONLY)", 0, 0, 0);
	TEXT("read", "read(3, 0x10000, 100)", 3, A_PASSWD, 100);
	TEXT("write", "write(1, \"hello\\n\", 6)", 1, A_HELLO, 6);
	JSON("write", "{\"fd\":1,\"buf\":\"hello\\n\",\"count\":6}", 1,
	     A_HELLO, 6);
	TEXT("write",
	     "write(1, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"..., 100)",
	     1, A_AAAA, 100);
	JSON("write",
	     "{\"fd\":1,\"buf\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
	     "\"count\":100,\"_truncated\":[\"buf\"]}",
	     1, A_AAAA, 100);
	TEXT("chmod", "chmod(\"/etc/passwd\", S_ISUID|0755)", A_PASSWD, 04755);
	TEXT("chmod", "chmod(\"/etc/passwd\", 000)", A_PASSWD, 0);
	TEXT("mknod", "mknod(\"/etc/passwd\", S_IFCHR|0600, 0x103)", A_PASSWD,
	     S_IFCHR | 0600, 0x103);
	TEXT("fcntl", "fcntl(3, F_GETFL)", 3, F_GETFL, 0x1234);
	TEXT("fcntl", "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK)", 3, F_SETFL,
	     O_NONBLOCK);
	TEXT("fcntl", "fcntl(3, F_SETFD, FD_CLOEXEC)", 3, F_SETFD, FD_CLOEXEC);
	TEXT("fcntl", "fcntl(3, F_DUPFD_CLOEXEC, 10)", 3, F_DUPFD_CLOEXEC, 10);
	JSON("fcntl", "{\"fd\":3,\"cmd\":\"F_GETFL\"}", 3, F_GETFL, 0);
}

static void test_exec(void)
{
	TEXT("execve", "execve(\"/bin/true\", [\"true\", \"x\"], 0x10400 /* 2 vars */)",
	     A_TRUE, A_ARGV, A_ENVP);
	JSON("execve",
	     "{\"pathname\":\"/bin/true\",\"argv\":[\"true\",\"x\"],\"envp\":2}",
	     A_TRUE, A_ARGV, A_ENVP);
	TEXT("execve", "execve(\"/bin/true\", NULL, NULL)", A_TRUE, 0, 0);
	TEXT("execve", "execve(\"/bin/true\", 0x500000, 0x500000)", A_TRUE,
	     A_UNMAPPED, A_UNMAPPED);
	TEXT32("execve",
	       "execve(\"/bin/true\", [\"true\", \"x\"], 0x10b00 /* 2 vars */)",
	       A_TRUE, A_ARGV32, A_ARGV32);
	TEXT32("openat", "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY)",
	       0xffffff9c, A_PASSWD, 0, 0);
	TEXT32("kill", "kill(-1, SIGKILL)", 0xffffffff, SIGKILL);
	TEXT32("clone", "clone(CLONE_VM|SIGCHLD, NULL, NULL, 0x1234, 0x10000)",
	       CLONE_VM | SIGCHLD, 0, 0, 0x1234, A_PASSWD);
}

static void test_net(void)
{
	TEXT("socket", "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0)", AF_UNIX,
	     SOCK_STREAM | SOCK_CLOEXEC, 0);
	JSON("socket",
	     "{\"domain\":\"AF_INET\",\"type\":\"SOCK_DGRAM\",\"protocol\":17}",
	     AF_INET, SOCK_DGRAM, 17);
	TEXT("connect",
	     "connect(3, {sa_family=AF_INET, sin_port=htons(80), "
	     "sin_addr=inet_addr(\"127.0.0.1\")}, 16)",
	     3, A_SIN, 16);
	JSON("connect",
	     "{\"sockfd\":3,\"addr\":{\"family\":\"AF_INET\","
	     "\"addr\":\"127.0.0.1\",\"port\":80},\"addrlen\":16}",
	     3, A_SIN, 16);
	TEXT("connect",
	     "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), "
	     "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", "
	     "&sin6_addr), sin6_scope_id=0}, 28)",
	     3, A_SIN6, 28);
	JSON("connect",
	     "{\"sockfd\":3,\"addr\":{\"family\":\"AF_INET6\",\"addr\":\"::1\","
	     "\"port\":443,\"flowinfo\":0,\"scope_id\":0},\"addrlen\":28}",
	     3, A_SIN6, 28);
	TEXT("connect",
	     "connect(3, {sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}, 14)", 3,
	     A_SUN, 14);
	JSON("connect",
	     "{\"sockfd\":3,\"addr\":{\"family\":\"AF_UNIX\","
	     "\"path\":\"/run/x.sock\"},\"addrlen\":14}",
	     3, A_SUN, 14);
	TEXT("connect", "connect(3, {sa_family=AF_UNIX, sun_path=@\"abc\"}, 6)",
	     3, A_SUN_ABS, 6);
	JSON("connect",
	     "{\"sockfd\":3,\"addr\":{\"family\":\"AF_UNIX\",\"path\":\"@abc\"},"
	     "\"addrlen\":6}",
	     3, A_SUN_ABS, 6);
	TEXT("connect", "connect(3, NULL, 0)", 3, 0, 0);
	TEXT("connect", "connect(3, 0x500000, 16)", 3, A_UNMAPPED, 16);
	TEXT("bind", "bind(3, {sa_family=AF_UNIX}, 2)", 3, A_SUN, 2);
}

static void test_mem_proc(void)
{
	TEXT("mmap",
	     "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)",
	     0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	     0xffffffff, 0);
	JSON("mmap",
	     "{\"addr\":null,\"length\":8192,\"prot\":\"PROT_READ|PROT_WRITE\","
	     "\"flags\":\"MAP_PRIVATE|MAP_ANONYMOUS\",\"fd\":-1,\"offset\":0}",
	     0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	     (uint64_t)-1, 0);
	TEXT("mprotect", "mprotect(0x7f0000, 4096, PROT_NONE)", 0x7f0000, 4096,
	     0);
	TEXT("clone",
	     "clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|"
	     "CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|"
	     "CLONE_CHILD_CLEARTID, 0x7f0000, 0x7f1000, 0x7f1000, 0x7f2000)",
	     CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		     CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
		     CLONE_CHILD_CLEARTID,
	     0x7f0000, 0x7f1000, 0x7f1000, 0x7f2000);
	TEXT("clone",
	     "clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, NULL, "
	     "NULL, 0x7f1000, 0)",
	     CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0,
	     0x7f1000, 0);
	JSON("clone",
	     "{\"flags\":\"CLONE_VM|CLONE_VFORK|SIGCHLD\",\"stack\":\"0x7f0000\","
	     "\"parent_tid\":null,\"child_tid\":null,\"tls\":\"0\"}",
	     CLONE_VM | CLONE_VFORK | SIGCHLD, 0x7f0000, 0, 0, 0);
	TEXT("kill", "kill(1234, SIGTERM)", 1234, SIGTERM);
	JSON("kill", "{\"pid\":1234,\"sig\":\"SIGTERM\"}", 1234, SIGTERM);
	TEXT("kill", "kill(1234, 0)", 1234, 0);
	TEXT("tgkill", "tgkill(10, 11, SIGRT_2)", 10, 11, 34);
	TEXT("prctl", "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)",
	     PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	TEXT("prctl", "prctl(PR_SET_NAME, \"x\", 0, 0, 0)", PR_SET_NAME,
	     A_ARG1, 0, 0, 0);
	TEXT("getpid", "getpid()", 0);
	JSON("getpid", "{}", 0);
	TEXT("wait4", "wait4(-1, 0x10000, WNOHANG|__WALL, NULL)", 0xffffffff,
	     A_PASSWD, WNOHANG | __WALL, 0);
}

static void test_unknown(void)
{
	sb_reset(&out);
	decode_syscall(&out, DECODE_TEXT, NULL, 999, ARGS(1, 0, 0, 0, 0, 0xff),
		       &mr);
	T_STREQ(sb_str(&out), "syscall_0x3e7(0x1, 0, 0, 0, 0, 0xff)",
		"text: unknown syscall shows six registers");
	sb_reset(&out);
	decode_syscall(&out, DECODE_JSON, NULL, 999, ARGS(1, 0, 0, 0, 0, 0xff),
		       &mr);
	T_STREQ(sb_str(&out),
		"{\"arg0\":\"0x1\",\"arg1\":\"0\",\"arg2\":\"0\",\"arg3\":\"0\","
		"\"arg4\":\"0\",\"arg5\":\"0xff\"}",
		"json: unknown syscall");
	sb_reset(&out);
	decode_syscall(&out, DECODE_TEXT, systab_by_name(ABI_X86_64, "chdir"),
		       80, ARGS(A_PASSWD), NULL);
	T_STREQ(sb_str(&out), "chdir(0x10000)",
		"no mem_reader: pointers instead of strings");
}

static void test_read_str(void)
{
	size_t len = 99;
	bool cut = true;
	char *s;

	strict = true;
	nreads = 0;
	s = decode_read_str(&mr, A_TAIL, DECODE_STR_MAX, &len, &cut);
	T_OK(s && strcmp(s, "tail") == 0 && len == 4 && !cut,
	     "a string ending at an unmapped page is read whole");
	T_OK(nreads == 1, "in one page-bounded read (%d)", nreads);
	free(s);

	s = decode_read_str(&mr, A_CROSS, DECODE_STR_MAX, &len, &cut);
	T_OK(s && strcmp(s, "crosspage") == 0 && !cut,
	     "a string across a page boundary is joined");
	free(s);

	poke(BASE + MAPPED - 3, "abc", 3);	/* no NUL before the end */
	s = decode_read_str(&mr, BASE + MAPPED - 3, DECODE_STR_MAX, &len, &cut);
	T_OK(s && strcmp(s, "abc") == 0 && len == 3 && cut,
	     "a string running into unmapped memory is cut");
	free(s);
	poke_str(A_TAIL, "tail");

	read_end = 0;
	s = decode_read_str(&mr, A_PASSWD, 4, &len, &cut);
	T_OK(s && strcmp(s, "/etc") == 0 && len == 4 && cut,
	     "max 4 gives \"/etc\", truncated");
	T_OK(read_end <= A_PASSWD + 4, "never reads past max (%#llx)",
	     (unsigned long long)read_end);
	free(s);

	errno = 0;
	s = decode_read_str(&mr, A_UNMAPPED, 16, &len, &cut);
	T_OK(!s && errno == EFAULT, "unmapped: NULL with EFAULT");
	strict = false;
}

static void test_read_strv(void)
{
	bool cut = false;
	char **v;

	v = decode_read_strv(&mr, A_ARGV, ABI_X86_64, DECODE_ARGV_MAX, &cut);
	T_OK(v && v[0] && v[1] && !v[2] && strcmp(v[0], "true") == 0 &&
		     strcmp(v[1], "x") == 0 && !cut,
	     "argv of two strings");
	decode_free_strv(v);
	v = decode_read_strv(&mr, A_ARGV32, ABI_I386, DECODE_ARGV_MAX, &cut);
	T_OK(v && v[0] && v[1] && !v[2] && strcmp(v[1], "x") == 0 && !cut,
	     "i386 argv has 4-byte pointers");
	decode_free_strv(v);
	v = decode_read_strv(&mr, A_ARGV, ABI_X86_64, 1, &cut);
	T_OK(v && v[0] && !v[1] && cut, "max 1: one string, truncated");
	decode_free_strv(v);
	errno = 0;
	v = decode_read_strv(&mr, A_UNMAPPED, ABI_X86_64, 4, &cut);
	T_OK(!v && errno == EFAULT, "unmapped argv: NULL with EFAULT");
}

static const char *ret(enum sc_abi abi, enum decode_style st,
		       const char *name, long r)
{
	sb_reset(&out);
	decode_retval(&out, st, systab_by_name(abi, name), r);
	return sb_str(&out);
}

static void test_retval(void)
{
	T_STREQ(ret(ABI_X86_64, DECODE_TEXT, "openat", 3), "3", "ret 3");
	T_STREQ(ret(ABI_X86_64, DECODE_TEXT, "openat", -ENOENT),
		"-1 ENOENT (No such file or directory)", "ret -ENOENT");
	T_STREQ(ret(ABI_X86_64, DECODE_JSON, "openat", -ENOENT),
		"\"-ENOENT\"", "json ret -ENOENT");
	T_STREQ(ret(ABI_X86_64, DECODE_JSON, "openat", 3), "3", "json ret 3");
	T_STREQ(ret(ABI_X86_64, DECODE_TEXT, "mmap", 0x7f0000001000),
		"0x7f0000001000", "mmap returns an address");
	T_STREQ(ret(ABI_X86_64, DECODE_JSON, "mmap", 0x7f0000001000),
		"\"0x7f0000001000\"", "json mmap address");
	T_STREQ(ret(ABI_X86_64, DECODE_TEXT, "read", -512),
		"? ERESTARTSYS (To be restarted if SA_RESTART is set)",
		"ret ERESTARTSYS");
	T_STREQ(ret(ABI_X86_64, DECODE_TEXT, "read", -4000), "-1 errno 4000",
		"unknown errno");
	T_STREQ(ret(ABI_I386, DECODE_TEXT, "read", 0xfffffffe),
		"-1 ENOENT (No such file or directory)",
		"i386 ret is 32 bits");
	T_STREQ(ret(ABI_X86_64, DECODE_TEXT, "lseek", 4096), "4096",
		"ret 4096");
}

static const char *sig(enum decode_style st, const siginfo_t *si)
{
	sb_reset(&out);
	decode_siginfo(&out, st, si);
	return sb_str(&out);
}

static void test_siginfo(void)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGCHLD;
	si.si_code = CLD_EXITED;
	si.si_pid = 1234;
	si.si_uid = 0;
	si.si_status = 3;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, si_uid=0, "
		"si_status=3, si_utime=0, si_stime=0}",
		"SIGCHLD exited");
	T_STREQ(sig(DECODE_JSON, &si),
		"{\"si_signo\":\"SIGCHLD\",\"si_code\":\"CLD_EXITED\","
		"\"si_pid\":1234,\"si_uid\":0,\"si_status\":3,\"si_utime\":0,"
		"\"si_stime\":0}",
		"json SIGCHLD exited");
	si.si_code = CLD_KILLED;
	si.si_status = SIGKILL;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=1234, si_uid=0, "
		"si_status=SIGKILL, si_utime=0, si_stime=0}",
		"SIGCHLD killed: status is a signal");

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSEGV;
	si.si_code = SEGV_MAPERR;
	si.si_addr = (void *)0x10;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}",
		"SIGSEGV");
	T_STREQ(sig(DECODE_JSON, &si),
		"{\"si_signo\":\"SIGSEGV\",\"si_code\":\"SEGV_MAPERR\","
		"\"si_addr\":\"0x10\"}",
		"json SIGSEGV");
	si.si_code = SI_KERNEL;
	si.si_addr = NULL;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=NULL}",
		"SIGSEGV from the kernel");

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_USER;
	si.si_pid = 42;
	si.si_uid = 1000;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGUSR1, si_code=SI_USER, si_pid=42, si_uid=1000}",
		"SIGUSR1 from kill");
	T_STREQ(sig(DECODE_JSON, &si),
		"{\"si_signo\":\"SIGUSR1\",\"si_code\":\"SI_USER\","
		"\"si_pid\":42,\"si_uid\":1000}",
		"json SIGUSR1 from kill");

	memset(&si, 0, sizeof(si));
	si.si_signo = 34;
	si.si_code = SI_QUEUE;
	si.si_pid = 7;
	si.si_uid = 0;
	si.si_value.sival_ptr = (void *)42;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGRT_2, si_code=SI_QUEUE, si_pid=7, si_uid=0, "
		"si_int=42, si_ptr=0x2a}",
		"RT signal from sigqueue");
	T_STREQ(sig(DECODE_JSON, &si),
		"{\"si_signo\":\"SIGRT_2\",\"si_code\":\"SI_QUEUE\","
		"\"si_pid\":7,\"si_uid\":0,\"si_int\":42,\"si_ptr\":\"0x2a\"}",
		"json RT signal from sigqueue");

	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSYS;
	si.si_code = 1;	/* SYS_SECCOMP */
	si.si_call_addr = (void *)0x401000;
	si.si_syscall = 39;
	si.si_arch = AUDIT_ARCH_X86_64;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401000, "
		"si_syscall=__NR_getpid, si_arch=AUDIT_ARCH_X86_64}",
		"SIGSYS from seccomp");
	T_STREQ(sig(DECODE_JSON, &si),
		"{\"si_signo\":\"SIGSYS\",\"si_code\":\"SYS_SECCOMP\","
		"\"si_call_addr\":\"0x401000\",\"si_syscall\":\"getpid\","
		"\"si_arch\":\"AUDIT_ARCH_X86_64\"}",
		"json SIGSYS from seccomp");
	si.si_arch = AUDIT_ARCH_I386;
	si.si_syscall = 102;
	si.si_errno = EPERM;
	T_STREQ(sig(DECODE_TEXT, &si),
		"{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_errno=EPERM, "
		"si_call_addr=0x401000, si_syscall=__NR_socketcall, "
		"si_arch=AUDIT_ARCH_I386}",
		"SIGSYS from an i386 task");
}

int main(void)
{
	setup();
	test_files();
	test_exec();
	test_net();
	test_mem_proc();
	test_unknown();
	test_read_str();
	test_read_strv();
	test_retval();
	test_siginfo();
	sb_free(&out);
	return T_DONE();
}

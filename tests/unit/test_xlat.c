/* xlat: names both ways, flag formatting, signals, errno, the registry. */
#include "tests/unit/t.h"
#include "tracer/xlat.h"
#include "tracer/xlat_tables.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

static void fmt_is(const struct xlat *x, uint64_t v, const char *want,
		   const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	xlat_format(&sb, x, v);
	T_STREQ(sb_str(&sb), want, what);
	sb_free(&sb);
}

static void parse_is(const char *name, uint64_t want)
{
	uint64_t v = ~want;
	int r = xlat_parse(name, &v);

	T_OK(r == 0 && v == want, "parse %s = %#llx (got %d, %#llx)", name,
	     (unsigned long long)want, r, (unsigned long long)v);
}

static void test_enum(void)
{
	uint64_t v;

	T_STREQ(xlat_name(&xlat_af, AF_UNIX), "AF_UNIX", "AF_UNIX by value");
	T_STREQ(xlat_name(&xlat_af, AF_INET6), "AF_INET6", "AF_INET6");
	T_OK(xlat_name(&xlat_af, 12345) == NULL, "unknown value is NULL");
	T_OK(xlat_parse_in(&xlat_af, "AF_INET", &v) == 0 && v == AF_INET,
	     "AF_INET by name");
	T_OK(xlat_parse_in(&xlat_af, "AF_LOCAL", &v) == 0 && v == AF_UNIX,
	     "alias AF_LOCAL parses");
	T_STREQ(xlat_name(&xlat_af, AF_UNIX), "AF_UNIX",
		"the primary name wins over the alias");
	T_OK(xlat_parse_in(&xlat_af, "AF_NOPE", &v) == -ENOENT,
	     "unknown name is -ENOENT");
	fmt_is(&xlat_fcntl_cmd, F_GETFL, "F_GETFL", "enum: F_GETFL");
	fmt_is(&xlat_fcntl_cmd, 9999, "0x270f", "enum: unknown in hex");
	fmt_is(&xlat_ioctl_cmd, 0x5412, "TIOCSTI", "enum: TIOCSTI");
	fmt_is(&xlat_ioctl_cmd, 0x541c, "TIOCLINUX", "enum: TIOCLINUX");
	fmt_is(&xlat_ptrace_req, 0x4206, "PTRACE_SEIZE", "enum: PTRACE_SEIZE");
	fmt_is(&xlat_seccomp_op, 1, "SECCOMP_SET_MODE_FILTER",
	       "enum: seccomp op");
	fmt_is(&xlat_si_code_generic, (uint64_t)(int64_t)-1, "SI_QUEUE",
	       "enum: negative si_code SI_QUEUE");
	fmt_is(&xlat_at_dirfd, (uint64_t)(int64_t)-100, "AT_FDCWD",
	       "enum: AT_FDCWD");
}

static void test_flags(void)
{
	fmt_is(&xlat_open_flags, O_RDONLY, "O_RDONLY", "open: 0 is O_RDONLY");
	fmt_is(&xlat_open_flags, O_RDONLY | O_CLOEXEC, "O_RDONLY|O_CLOEXEC",
	       "open: O_RDONLY|O_CLOEXEC");
	fmt_is(&xlat_open_flags, O_WRONLY | O_CREAT | O_TRUNC,
	       "O_WRONLY|O_CREAT|O_TRUNC", "open: access mode leads");
	fmt_is(&xlat_open_flags, O_RDWR | O_SYNC, "O_RDWR|O_SYNC",
	       "open: O_SYNC, not O_DSYNC|0x100000");
	fmt_is(&xlat_open_flags, O_RDWR | O_DSYNC, "O_RDWR|O_DSYNC",
	       "open: O_DSYNC alone");
	fmt_is(&xlat_open_flags, O_RDWR | O_TMPFILE, "O_RDWR|O_TMPFILE",
	       "open: O_TMPFILE includes O_DIRECTORY");
	fmt_is(&xlat_open_flags, O_RDONLY | O_DIRECTORY | 0x40000000,
	       "O_RDONLY|O_DIRECTORY|0x40000000", "open: unknown bits in hex");
	fmt_is(&xlat_open_flags, 3, "0x3", "open: O_ACCMODE 3 has no name");
	fmt_is(&xlat_open_flags, 0100000, "O_RDONLY|O_LARGEFILE",
	       "open: the kernel's O_LARGEFILE");
	fmt_is(&xlat_clone_flags,
	       CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD,
	       "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD",
	       "clone: thread flags");
	fmt_is(&xlat_clone_flags,
	       CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD,
	       "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD",
	       "clone: exit signal last");
	fmt_is(&xlat_clone_flags, SIGCHLD, "SIGCHLD", "clone: signal alone");
	fmt_is(&xlat_clone_flags, CLONE_VM | 40, "CLONE_VM|SIGRT_8",
	       "clone: RT exit signal");
	fmt_is(&xlat_clone_flags, 0, "0", "clone: 0");
	fmt_is(&xlat_prot, 0, "PROT_NONE", "prot: 0 is PROT_NONE");
	fmt_is(&xlat_prot, PROT_READ | PROT_EXEC, "PROT_READ|PROT_EXEC",
	       "prot: R|X");
	fmt_is(&xlat_map_flags, MAP_PRIVATE | MAP_ANONYMOUS,
	       "MAP_PRIVATE|MAP_ANONYMOUS", "map: type leads");
	fmt_is(&xlat_map_flags, MAP_SHARED | MAP_FIXED, "MAP_SHARED|MAP_FIXED",
	       "map: shared fixed");
	fmt_is(&xlat_sock_type, SOCK_STREAM | SOCK_CLOEXEC,
	       "SOCK_STREAM|SOCK_CLOEXEC", "socket type with flags");
	fmt_is(&xlat_sock_type, SOCK_DGRAM, "SOCK_DGRAM", "socket type alone");
	fmt_is(&xlat_access_mode, F_OK, "F_OK", "access: 0 is F_OK");
	fmt_is(&xlat_access_mode, R_OK | W_OK, "R_OK|W_OK", "access: R|W");
	fmt_is(&xlat_at_flags, 0, "0", "at_flags: 0");
	fmt_is(&xlat_at_flags, 0x1, "0x1", "at_flags: unknown bit only");
	fmt_is(&xlat_ipc_flags, IPC_CREAT | 0600, "IPC_CREAT|0600",
	       "ipc: permissions in octal, last");
	fmt_is(&xlat_wait_options, WNOHANG | __WALL, "WNOHANG|__WALL",
	       "wait options");
	fmt_is(&xlat_futex_op, 128 | 0, "FUTEX_WAIT|FUTEX_PRIVATE_FLAG",
	       "futex: command field and flags");
}

static void test_parse(void)
{
	uint64_t v;

	parse_is("O_RDONLY", O_RDONLY);
	parse_is("O_CLOEXEC", O_CLOEXEC);
	parse_is("AF_UNIX", AF_UNIX);
	parse_is("CLONE_THREAD", CLONE_THREAD);
	parse_is("SIGKILL", SIGKILL);
	parse_is("PROT_EXEC", PROT_EXEC);
	parse_is("MAP_SHARED", MAP_SHARED);
	parse_is("MAP_ANONYMOUS", MAP_ANONYMOUS);
	parse_is("F_GETFL", F_GETFL);
	parse_is("PR_SET_NO_NEW_PRIVS", PR_SET_NO_NEW_PRIVS);
	parse_is("TIOCSTI", 0x5412);
	parse_is("SOCK_STREAM", SOCK_STREAM);
	parse_is("SOCK_NONBLOCK", SOCK_NONBLOCK);
	parse_is("AT_FDCWD", (uint64_t)(int64_t)AT_FDCWD);
	parse_is("EPERM", EPERM);
	parse_is("SIGRTMIN+3", 37);
	parse_is("SIGRTMAX", 64);
	parse_is("SIGRTMAX-1", 63);
	parse_is("PTRACE_TRACEME", 0);
	parse_is("SEGV_MAPERR", 1);
	parse_is("CLD_EXITED", 1);
	T_OK(xlat_parse("O_NOPE", &v) == -ENOENT, "unknown name: -ENOENT");
	T_OK(xlat_parse_in(&xlat_open_flags, "O_WRONLY", &v) == 0 && v == 1,
	     "a field's names parse through its flag table");
	T_OK(xlat_parse_in(&xlat_clone_flags, "SIGCHLD", &v) == 0 &&
		     v == SIGCHLD,
	     "clone flags parse their exit signal");
	T_STREQ(xlat_suggest("O_CLOEXC"), "O_CLOEXEC", "suggest O_CLOEXEC");
	T_STREQ(xlat_suggest("SIGKIL"), "SIGKILL", "suggest SIGKILL");
	T_STREQ(xlat_suggest("AF_INTE"), "AF_INET", "suggest AF_INET");
	T_OK(xlat_suggest("ZZZZZZZZZZZZZZZZ") == NULL, "no suggestion");
}

static void test_signals(void)
{
	T_STREQ(signal_name(SIGKILL), "SIGKILL", "signal 9");
	T_STREQ(signal_name(SIGABRT), "SIGABRT", "SIGABRT over SIGIOT");
	T_STREQ(signal_name(SIGIO), "SIGIO", "SIGIO over SIGPOLL");
	T_STREQ(signal_name(31), "SIGSYS", "signal 31");
	T_STREQ(signal_name(32), "SIGRT_0", "32 is the kernel's first RT signal");
	T_STREQ(signal_name(34), "SIGRT_2",
		"34 (glibc's SIGRTMIN) is SIGRT_2, as strace names it");
	T_STREQ(signal_name(64), "SIGRT_32", "64");
	T_OK(signal_name(0) == NULL && signal_name(65) == NULL &&
		     signal_name(-1) == NULL,
	     "0, 65, -1 have no name");
	T_OK(signal_parse("SIGSEGV") == 11, "parse SIGSEGV");
	T_OK(signal_parse("SEGV") == 11, "parse SEGV");
	T_OK(signal_parse("SIGIOT") == SIGABRT, "parse alias SIGIOT");
	T_OK(signal_parse("SIGRTMIN") == 34, "parse SIGRTMIN as glibc's");
	T_OK(signal_parse("SIGRTMIN+3") == 37, "parse SIGRTMIN+3 as glibc's");
	T_OK(signal_parse("RTMIN+3") == 37, "parse RTMIN+3");
	T_OK(signal_parse("SIGRTMIN+03") == 37, "parse SIGRTMIN+03");
	T_OK(signal_parse("SIGRTMIN+31") == -1, "SIGRTMIN+31 is past SIGRTMAX");
	T_OK(signal_parse("SIGRT_0") == 32, "parse SIGRT_0");
	T_OK(signal_parse("SIGRTMAX") == 64, "parse SIGRTMAX");
	T_OK(signal_parse("SIGRTMAX-2") == 62, "parse SIGRTMAX-2");
	T_OK(signal_parse("SIGRT_5") == 37, "parse strace's SIGRT_5");
	T_OK(signal_parse("9") == 9, "parse a number");
	T_OK(signal_parse("SIGRT_33") == -1, "SIGRT_33 is -1");
	T_OK(signal_parse("SIGFOO") == -1, "SIGFOO is -1");
	T_OK(signal_parse("65") == -1 && signal_parse("0") == -1 &&
		     signal_parse("") == -1,
	     "65, 0 and \"\" are -1");
	T_STREQ(xlat_name(xlat_si_code_table(SIGSEGV), 2), "SEGV_ACCERR",
		"SIGSEGV si_code 2");
	T_STREQ(xlat_name(xlat_si_code_table(SIGCHLD), 2), "CLD_KILLED",
		"SIGCHLD si_code 2");
	T_OK(xlat_si_code_table(SIGUSR1) == NULL, "SIGUSR1 has no code table");
}

static void test_errno(void)
{
	int e, missing = 0;

	T_STREQ(errno_name(ENOENT), "ENOENT", "errno 2");
	T_STREQ(errno_name(EAGAIN), "EAGAIN", "EAGAIN over EWOULDBLOCK");
	T_STREQ(errno_name(512), "ERESTARTSYS", "kernel-internal 512");
	T_OK(errno_name(0) == NULL && errno_name(-1) == NULL &&
		     errno_name(4000) == NULL,
	     "0, -1, 4000 have no name");
	T_OK(errno_parse("EWOULDBLOCK") == EAGAIN, "parse EWOULDBLOCK");
	T_OK(errno_parse("ENOTSUP") == EOPNOTSUPP, "parse ENOTSUP");
	T_OK(errno_parse("EHWPOISON") == 133, "parse EHWPOISON");
	T_OK(errno_parse("ENOPE") == -1, "parse ENOPE is -1");
	for (e = 1; e <= EHWPOISON; e++) {
		if (e == 41 || e == 58)
			continue;	/* unused numbers */
		if (!errno_name(e) || !errno_desc(e)) {
			missing++;
			printf("# errno %d has no name or text\n", e);
		}
	}
	T_OK(!missing, "every errno 1..%d has a name and a text", EHWPOISON);
	T_STREQ(errno_desc(ENOENT), "No such file or directory",
		"ENOENT's text");
	T_STREQ(errno_desc(512), "To be restarted if SA_RESTART is set",
		"ERESTARTSYS's text");
}

struct named {
	const char *name;
	uint64_t val;
	const char *family;
};

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->name,
		      ((const struct named *)b)->name);
}

/* No name may mean two values: xlat_parse would silently pick one. */
static void test_registry(void)
{
	size_t n, i, j, k = 0, total = 0;
	const struct xlat *const *r = xlat_registry(&n);
	struct named *all;
	int clashes = 0;

	for (i = 0; i < n; i++)
		total += r[i]->n;
	all = calloc(total, sizeof(*all));
	for (i = 0; i < n; i++)
		for (j = 0; j < r[i]->n; j++)
			all[k++] = (struct named){ r[i]->ents[j].name,
						   r[i]->ents[j].val,
						   r[i]->family };
	qsort(all, total, sizeof(*all), cmp_named);
	for (i = 1; i < total; i++) {
		if (strcmp(all[i].name, all[i - 1].name) == 0 &&
		    all[i].val != all[i - 1].val) {
			clashes++;
			printf("# %s is %#llx in %s, %#llx in %s\n",
			       all[i].name, (unsigned long long)all[i - 1].val,
			       all[i - 1].family, (unsigned long long)all[i].val,
			       all[i].family);
		}
	}
	T_OK(total > 1000, "the registry holds %zu names", total);
	T_OK(!clashes, "no name means two values across tables");
	free(all);
}

int main(void)
{
	test_enum();
	test_flags();
	test_parse();
	test_signals();
	test_errno();
	test_registry();
	return T_DONE();
}

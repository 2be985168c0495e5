/* systab: numbers checked against the kernel headers, names both ways,
 * argument names, i386 entries borrowed from x86_64, suggestions. */
#include "tests/unit/t.h"
#include "tracer/systab.h"
#include "tracer/xlat.h"

#include <asm/unistd_64.h>
#include <ctype.h>
#include <linux/audit.h>
#include <stdlib.h>

/* Every x86_64 syscall of the build headers (Linux 6.1 uapi), with the
 * number the compiler knows for it. */
#define NR(n) { #n, __NR_##n }
static const struct {
	const char *name;
	long nr;
} x64_known[] = {
	NR(read), NR(write), NR(open), NR(close), NR(stat), NR(fstat),
	NR(lstat), NR(poll), NR(lseek), NR(mmap), NR(mprotect), NR(munmap),
	NR(brk), NR(rt_sigaction), NR(rt_sigprocmask), NR(rt_sigreturn),
	NR(ioctl), NR(pread64), NR(pwrite64), NR(readv), NR(writev),
	NR(access), NR(pipe), NR(select), NR(sched_yield), NR(mremap),
	NR(msync), NR(mincore), NR(madvise), NR(shmget), NR(shmat), NR(shmctl),
	NR(dup), NR(dup2), NR(pause), NR(nanosleep), NR(getitimer), NR(alarm),
	NR(setitimer), NR(getpid), NR(sendfile), NR(socket), NR(connect),
	NR(accept), NR(sendto), NR(recvfrom), NR(sendmsg), NR(recvmsg),
	NR(shutdown), NR(bind), NR(listen), NR(getsockname), NR(getpeername),
	NR(socketpair), NR(setsockopt), NR(getsockopt), NR(clone), NR(fork),
	NR(vfork), NR(execve), NR(exit), NR(wait4), NR(kill), NR(uname),
	NR(semget), NR(semop), NR(semctl), NR(shmdt), NR(msgget), NR(msgsnd),
	NR(msgrcv), NR(msgctl), NR(fcntl), NR(flock), NR(fsync), NR(fdatasync),
	NR(truncate), NR(ftruncate), NR(getdents), NR(getcwd), NR(chdir),
	NR(fchdir), NR(rename), NR(mkdir), NR(rmdir), NR(creat), NR(link),
	NR(unlink), NR(symlink), NR(readlink), NR(chmod), NR(fchmod),
	NR(chown), NR(fchown), NR(lchown), NR(umask), NR(gettimeofday),
	NR(getrlimit), NR(getrusage), NR(sysinfo), NR(times), NR(ptrace),
	NR(getuid), NR(syslog), NR(getgid), NR(setuid), NR(setgid),
	NR(geteuid), NR(getegid), NR(setpgid), NR(getppid), NR(getpgrp),
	NR(setsid), NR(setreuid), NR(setregid), NR(getgroups), NR(setgroups),
	NR(setresuid), NR(getresuid), NR(setresgid), NR(getresgid),
	NR(getpgid), NR(setfsuid), NR(setfsgid), NR(getsid), NR(capget),
	NR(capset), NR(rt_sigpending), NR(rt_sigtimedwait),
	NR(rt_sigqueueinfo), NR(rt_sigsuspend), NR(sigaltstack), NR(utime),
	NR(mknod), NR(uselib), NR(personality), NR(ustat), NR(statfs),
	NR(fstatfs), NR(sysfs), NR(getpriority), NR(setpriority),
	NR(sched_setparam), NR(sched_getparam), NR(sched_setscheduler),
	NR(sched_getscheduler), NR(sched_get_priority_max),
	NR(sched_get_priority_min), NR(sched_rr_get_interval), NR(mlock),
	NR(munlock), NR(mlockall), NR(munlockall), NR(vhangup), NR(modify_ldt),
	NR(pivot_root), NR(_sysctl), NR(prctl), NR(arch_prctl), NR(adjtimex),
	NR(setrlimit), NR(chroot), NR(sync), NR(acct), NR(settimeofday),
	NR(mount), NR(umount2), NR(swapon), NR(swapoff), NR(reboot),
	NR(sethostname), NR(setdomainname), NR(iopl), NR(ioperm),
	NR(create_module), NR(init_module), NR(delete_module),
	NR(get_kernel_syms), NR(query_module), NR(quotactl), NR(nfsservctl),
	NR(getpmsg), NR(putpmsg), NR(afs_syscall), NR(tuxcall), NR(security),
	NR(gettid), NR(readahead), NR(setxattr), NR(lsetxattr), NR(fsetxattr),
	NR(getxattr), NR(lgetxattr), NR(fgetxattr), NR(listxattr),
	NR(llistxattr), NR(flistxattr), NR(removexattr), NR(lremovexattr),
	NR(fremovexattr), NR(tkill), NR(time), NR(futex),
	NR(sched_setaffinity), NR(sched_getaffinity), NR(set_thread_area),
	NR(io_setup), NR(io_destroy), NR(io_getevents), NR(io_submit),
	NR(io_cancel), NR(get_thread_area), NR(lookup_dcookie),
	NR(epoll_create), NR(epoll_ctl_old), NR(epoll_wait_old),
	NR(remap_file_pages), NR(getdents64), NR(set_tid_address),
	NR(restart_syscall), NR(semtimedop), NR(fadvise64), NR(timer_create),
	NR(timer_settime), NR(timer_gettime), NR(timer_getoverrun),
	NR(timer_delete), NR(clock_settime), NR(clock_gettime),
	NR(clock_getres), NR(clock_nanosleep), NR(exit_group), NR(epoll_wait),
	NR(epoll_ctl), NR(tgkill), NR(utimes), NR(vserver), NR(mbind),
	NR(set_mempolicy), NR(get_mempolicy), NR(mq_open), NR(mq_unlink),
	NR(mq_timedsend), NR(mq_timedreceive), NR(mq_notify),
	NR(mq_getsetattr), NR(kexec_load), NR(waitid), NR(add_key),
	NR(request_key), NR(keyctl), NR(ioprio_set), NR(ioprio_get),
	NR(inotify_init), NR(inotify_add_watch), NR(inotify_rm_watch),
	NR(migrate_pages), NR(openat), NR(mkdirat), NR(mknodat), NR(fchownat),
	NR(futimesat), NR(newfstatat), NR(unlinkat), NR(renameat), NR(linkat),
	NR(symlinkat), NR(readlinkat), NR(fchmodat), NR(faccessat),
	NR(pselect6), NR(ppoll), NR(unshare), NR(set_robust_list),
	NR(get_robust_list), NR(splice), NR(tee), NR(sync_file_range),
	NR(vmsplice), NR(move_pages), NR(utimensat), NR(epoll_pwait),
	NR(signalfd), NR(timerfd_create), NR(eventfd), NR(fallocate),
	NR(timerfd_settime), NR(timerfd_gettime), NR(accept4), NR(signalfd4),
	NR(eventfd2), NR(epoll_create1), NR(dup3), NR(pipe2),
	NR(inotify_init1), NR(preadv), NR(pwritev), NR(rt_tgsigqueueinfo),
	NR(perf_event_open), NR(recvmmsg), NR(fanotify_init),
	NR(fanotify_mark), NR(prlimit64), NR(name_to_handle_at),
	NR(open_by_handle_at), NR(clock_adjtime), NR(syncfs), NR(sendmmsg),
	NR(setns), NR(getcpu), NR(process_vm_readv), NR(process_vm_writev),
	NR(kcmp), NR(finit_module), NR(sched_setattr), NR(sched_getattr),
	NR(renameat2), NR(seccomp), NR(getrandom), NR(memfd_create),
	NR(kexec_file_load), NR(bpf), NR(execveat), NR(userfaultfd),
	NR(membarrier), NR(mlock2), NR(copy_file_range), NR(preadv2),
	NR(pwritev2), NR(pkey_mprotect), NR(pkey_alloc), NR(pkey_free),
	NR(statx), NR(io_pgetevents), NR(rseq), NR(pidfd_send_signal),
	NR(io_uring_setup), NR(io_uring_enter), NR(io_uring_register),
	NR(open_tree), NR(move_mount), NR(fsopen), NR(fsconfig), NR(fsmount),
	NR(fspick), NR(pidfd_open), NR(clone3), NR(close_range), NR(openat2),
	NR(pidfd_getfd), NR(faccessat2), NR(process_madvise), NR(epoll_pwait2),
	NR(mount_setattr), NR(quotactl_fd), NR(landlock_create_ruleset),
	NR(landlock_add_rule), NR(landlock_restrict_self), NR(memfd_secret),
	NR(process_mrelease), NR(futex_waitv), NR(set_mempolicy_home_node),
};

/* i386 numbers from arch/x86/entry/syscalls/syscall_32.tbl; the whole
 * table is also compared with <asm/unistd_32.h> at run time below (the
 * two unistd headers cannot be included in one file). */
static const struct {
	const char *name;
	long nr;
} i386_known[] = {
	{ "exit", 1 }, { "read", 3 }, { "open", 5 }, { "execve", 11 },
	{ "getpid", 20 }, { "kill", 37 }, { "brk", 45 }, { "ioctl", 54 },
	{ "sigaction", 67 }, { "mmap", 90 }, { "socketcall", 102 },
	{ "ipc", 117 }, { "clone", 120 }, { "_llseek", 140 },
	{ "_newselect", 142 }, { "mmap2", 192 }, { "stat64", 195 },
	{ "getuid32", 199 }, { "fcntl64", 221 }, { "openat", 295 },
	{ "fstatat64", 300 }, { "socket", 359 }, { "connect", 362 },
	{ "arch_prctl", 384 }, { "clock_gettime64", 403 },
	{ "futex_time64", 422 }, { "clone3", 435 }, { "cachestat", 451 },
	{ "fchmodat2", 452 }, { "mseal", 462 }, { "file_setattr", 469 },
};

/* Syscalls newer than the build headers, from syscall_64.tbl. */
static const struct {
	const char *name;
	long nr;
} x64_new[] = {
	{ "uretprobe", 335 }, { "uprobe", 336 }, { "cachestat", 451 },
	{ "fchmodat2", 452 }, { "map_shadow_stack", 453 },
	{ "futex_wake", 454 }, { "futex_wait", 455 },
	{ "futex_requeue", 456 }, { "statmount", 457 },
	{ "listmount", 458 }, { "lsm_get_self_attr", 459 },
	{ "lsm_set_self_attr", 460 }, { "lsm_list_modules", 461 },
	{ "mseal", 462 }, { "setxattrat", 463 }, { "getxattrat", 464 },
	{ "listxattrat", 465 }, { "removexattrat", 466 },
	{ "open_tree_attr", 467 }, { "file_getattr", 468 },
	{ "file_setattr", 469 },
};

/* 0 if name is nr both ways in abi, else 1 with a diagnostic. */
static int check_known(enum sc_abi abi, const char *name, long nr)
{
	const struct sc_ent *e = systab_by_name(abi, name);

	if (e && e->nr == nr && systab_by_nr(abi, nr) == e)
		return 0;
	printf("# %s %s: want %ld, table %d\n", abi_name(abi), name, nr,
	       e ? e->nr : -1);
	return 1;
}

#define CHECK_ALL(abi, tab, what)                                          \
	do {                                                               \
		size_t i_;                                                 \
		int bad_ = 0;                                              \
		for (i_ = 0; i_ < sizeof(tab) / sizeof(tab[0]); i_++)      \
			bad_ += check_known(abi, tab[i_].name, tab[i_].nr); \
		T_OK(bad_ == 0, "%s (%zu syscalls)", what,                 \
		     sizeof(tab) / sizeof(tab[0]));                        \
	} while (0)

static void test_numbers(void)
{
	CHECK_ALL(ABI_X86_64, x64_known,
		  "x86_64: every __NR_ of <asm/unistd_64.h> both ways");
	CHECK_ALL(ABI_X86_64, x64_new, "x86_64: syscalls after 6.1");
	CHECK_ALL(ABI_I386, i386_known, "i386: spot checks");
	T_OK(systab_by_nr(ABI_X86_64, __NR_openat) ==
		     systab_by_name(ABI_X86_64, "openat"),
	     "__NR_openat finds openat");
}

/* Every "#define __NR_name nr" of the installed i386 header must be in
 * the table with that number. */
static void test_i386_header(void)
{
	static const char path[] = "/usr/include/x86_64-linux-gnu/asm/unistd_32.h";
	FILE *f = fopen(path, "r");
	char line[256], name[128];
	long nr;
	int n = 0, bad = 0;

	if (!f) {
		T_SKIP("the i386 header's numbers: %s not installed", path);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		const struct sc_ent *e;

		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) != 2)
			continue;
		n++;
		e = systab_by_name(ABI_I386, name);
		if (!e || e->nr != nr) {
			bad++;
			printf("# i386 %s: header %ld, table %d\n", name, nr,
			       e ? e->nr : -1);
		}
	}
	fclose(f);
	T_OK(n > 400 && bad == 0, "i386: all %d syscalls of unistd_32.h match",
	     n);
}

static bool name_ok(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '_')
			return false;
	return true;
}

static bool is_length_type(int t)
{
	return t == SA_SIZE || t == SA_UINT || t == SA_INT;
}

/* Structural checks over every entry of one ABI. */
static void test_entries(enum sc_abi abi)
{
	size_t n = systab_count(abi), i;
	int bad_order = 0, bad_lookup = 0, bad_name = 0, bad_args = 0;
	int prev = -1;

	T_OK(n > 350, "%s: %zu syscalls", abi_name(abi), n);
	for (i = 0; i < n; i++) {
		const struct sc_ent *e = systab_at(abi, i);
		int a, b;

		if (e->nr <= prev)
			bad_order++;
		prev = e->nr;
		if (systab_by_nr(abi, e->nr) != e ||
		    systab_by_name(abi, e->name) != e)
			bad_lookup++;
		if (!name_ok(e->name))
			bad_name++;
		if (e->nargs > 6) {
			bad_args++;
			continue;
		}
		for (a = 0; a < e->nargs; a++) {
			const struct sc_arg *g = &e->args[a];
			bool ok = g->type <= SA_ENVP;

			if (g->name) {
				ok &= name_ok(g->name);
				ok &= systab_arg_index(e, g->name) == a;
				for (b = 0; b < a; b++)
					ok &= !e->args[b].name ||
					      strcmp(e->args[b].name,
						     g->name) != 0;
			} else {
				ok &= g->type == SA_HEX;	/* RAW */
			}
			if (g->type == SA_FLAGS || g->type == SA_ENUM)
				ok &= g->xl != NULL;
			if (g->type == SA_BUF_IN || g->type == SA_SOCKADDR)
				ok &= g->aux > 0 && g->aux < e->nargs &&
				      is_length_type(e->args[g->aux].type);
			if (!ok) {
				bad_args++;
				printf("# %s %s: bad argument %d\n",
				       abi_name(abi), e->name, a);
			}
		}
		for (a = e->nargs; a < 6; a++)
			if (e->args[a].name || e->args[a].type)
				bad_args++;
	}
	T_OK(!bad_order, "%s: entries in ascending number order",
	     abi_name(abi));
	T_OK(!bad_lookup, "%s: every entry found by number and by name",
	     abi_name(abi));
	T_OK(!bad_name, "%s: names are [a-z0-9_]+ (and unique)",
	     abi_name(abi));
	T_OK(!bad_args,
	     "%s: argument names unique, typed, tables and lengths set",
	     abi_name(abi));
}

static void args_are(enum sc_abi abi, const char *sc, const char *const *want,
		     int n)
{
	const struct sc_ent *e = systab_by_name(abi, sc);
	int i, ok = e && e->nargs == n;

	for (i = 0; ok && i < n; i++)
		ok = e->args[i].name && strcmp(e->args[i].name, want[i]) == 0;
	T_OK(ok, "%s: %s has the man page's argument names", abi_name(abi),
	     sc);
}

#define ARGS_ARE(abi, sc, ...)                                             \
	do {                                                               \
		static const char *const w_[] = { __VA_ARGS__ };           \
		args_are(abi, sc, w_, (int)(sizeof(w_) / sizeof(w_[0])));  \
	} while (0)

static void test_arg_names(void)
{
	const struct sc_ent *e = systab_by_name(ABI_X86_64, "openat");

	ARGS_ARE(ABI_X86_64, "openat", "dirfd", "pathname", "flags", "mode");
	ARGS_ARE(ABI_X86_64, "socket", "domain", "type", "protocol");
	ARGS_ARE(ABI_X86_64, "mmap", "addr", "length", "prot", "flags", "fd",
		 "offset");
	ARGS_ARE(ABI_X86_64, "connect", "sockfd", "addr", "addrlen");
	ARGS_ARE(ABI_X86_64, "execve", "pathname", "argv", "envp");
	ARGS_ARE(ABI_X86_64, "kill", "pid", "sig");
	ARGS_ARE(ABI_X86_64, "clone", "flags", "stack", "parent_tid",
		 "child_tid", "tls");
	ARGS_ARE(ABI_X86_64, "ioctl", "fd", "request", "arg");
	ARGS_ARE(ABI_X86_64, "prctl", "option", "arg2", "arg3", "arg4",
		 "arg5");
	ARGS_ARE(ABI_I386, "read", "fd", "buf", "count");
	ARGS_ARE(ABI_I386, "openat", "dirfd", "pathname", "flags", "mode");
	ARGS_ARE(ABI_I386, "clone", "flags", "stack", "parent_tid", "tls",
		 "child_tid");
	ARGS_ARE(ABI_I386, "fcntl64", "fd", "cmd", "arg");
	ARGS_ARE(ABI_I386, "mmap2", "addr", "length", "prot", "flags", "fd",
		 "pgoffset");
	ARGS_ARE(ABI_I386, "socketcall", "call", "args");

	T_OK(systab_arg_index(e, "pathname") == 1, "arg index by name");
	T_OK(systab_arg_index(e, "arg3") == 3, "arg index by \"arg3\"");
	T_OK(systab_arg_index(e, "arg5") == 5, "\"arg5\" is accepted");
	T_OK(systab_arg_index(e, "arg6") == -1, "\"arg6\" is not");
	T_OK(systab_arg_index(e, "path") == -1, "unknown name is -1");
	T_OK(systab_arg_index(NULL, "fd") == -1, "NULL entry is -1");
	T_OK(e->args[2].type == SA_FLAGS && e->args[2].xl == &xlat_open_flags,
	     "openat flags use xlat_open_flags");
	T_OK(e->args[0].type == SA_DIRFD && e->args[1].type == SA_PATH,
	     "openat dirfd and pathname types");
	e = systab_by_name(ABI_X86_64, "write");
	T_OK(e->args[1].type == SA_BUF_IN && e->args[1].aux == 2,
	     "write buf's length is arg 2");
	e = systab_by_name(ABI_X86_64, "connect");
	T_OK(e->args[1].type == SA_SOCKADDR && e->args[1].aux == 2,
	     "connect addr's length is arg 2");
}

static void test_classes(void)
{
	const struct sc_ent *e;

	e = systab_by_name(ABI_X86_64, "execve");
	T_OK(e->class == (SC_FILE | SC_PROC | SC_EXEC), "execve's class");
	e = systab_by_name(ABI_X86_64, "openat");
	T_OK(e->class == (SC_FILE | SC_DESC), "openat's class");
	e = systab_by_name(ABI_X86_64, "socket");
	T_OK(e->class & SC_NET, "socket is SC_NET");
	e = systab_by_name(ABI_X86_64, "mmap");
	T_OK(e->class & SC_MEM, "mmap is SC_MEM");
	e = systab_by_name(ABI_X86_64, "kill");
	T_OK(e->class & SC_SIG, "kill is SC_SIG");
	e = systab_by_name(ABI_X86_64, "shmget");
	T_OK(e->class & SC_IPC, "shmget is SC_IPC");
	e = systab_by_name(ABI_I386, "execve");
	T_OK(e->class == (SC_FILE | SC_PROC | SC_EXEC),
	     "i386 execve borrows x86_64's class");
}

static void test_lookups(void)
{
	T_OK(systab_by_nr(ABI_X86_64, -1) == NULL, "nr -1 is NULL");
	T_OK(systab_by_nr(ABI_X86_64, 400) == NULL, "hole 400 is NULL");
	T_OK(systab_by_nr(ABI_X86_64, 100000) == NULL, "nr 100000 is NULL");
	T_OK(systab_by_nr(ABI_UNKNOWN, 0) == NULL, "unknown ABI is NULL");
	T_OK(systab_by_name(ABI_X86_64, "socketcall") == NULL,
	     "socketcall is not x86_64");
	T_OK(systab_by_name(ABI_I386, "newfstatat") == NULL,
	     "newfstatat is not i386");
	T_OK(systab_by_name(ABI_X86_64, NULL) == NULL, "NULL name is NULL");
	T_OK(systab_at(ABI_X86_64, systab_count(ABI_X86_64)) == NULL,
	     "systab_at past the end is NULL");
	T_STREQ(systab_by_nr(ABI_X86_64, 102)->name, "getuid",
		"x86_64 102 is getuid");
	T_STREQ(systab_by_nr(ABI_I386, 102)->name, "socketcall",
		"i386 102 is socketcall");
}

static void test_suggest(void)
{
	const char *s;

	T_STREQ(systab_suggest(ABI_X86_64, "opn"), "open", "opn -> open");
	T_STREQ(systab_suggest(ABI_X86_64, "exceve"), "execve",
		"exceve -> execve (transposition)");
	T_STREQ(systab_suggest(ABI_X86_64, "openatt"), "openat",
		"openatt -> openat");
	T_STREQ(systab_suggest(ABI_I386, "socketcal"), "socketcall",
		"i386 socketcal -> socketcall");
	s = systab_suggest(ABI_X86_64, "qqqqqqqq");
	T_OK(s == NULL, "nothing close to qqqqqqqq (%s)", s ? s : "NULL");
}

static void test_abi(void)
{
	T_OK(abi_from_audit_arch(AUDIT_ARCH_X86_64) == ABI_X86_64,
	     "AUDIT_ARCH_X86_64 -> x86_64");
	T_OK(abi_from_audit_arch(AUDIT_ARCH_I386) == ABI_I386,
	     "AUDIT_ARCH_I386 -> i386");
	T_OK(abi_from_audit_arch(AUDIT_ARCH_AARCH64) == ABI_UNKNOWN,
	     "AUDIT_ARCH_AARCH64 -> unknown");
	T_OK(abi_audit_arch(ABI_X86_64) == AUDIT_ARCH_X86_64 &&
		     abi_audit_arch(ABI_I386) == AUDIT_ARCH_I386 &&
		     abi_audit_arch(ABI_UNKNOWN) == 0,
	     "ABI -> AUDIT_ARCH");
	T_STREQ(abi_name(ABI_X86_64), "x86_64", "abi_name x86_64");
	T_STREQ(abi_name(ABI_I386), "i386", "abi_name i386");
}

int main(void)
{
	test_numbers();
	test_i386_header();
	test_entries(ABI_X86_64);
	test_entries(ABI_I386);
	test_arg_names();
	test_classes();
	test_lookups();
	test_suggest();
	test_abi();
	return T_DONE();
}

/* groups: named syscall groups, systemd's SystemCallFilter= sets.
 *
 * The lists are systemd 252's (`systemd-analyze syscall-filter` on Debian
 * 12), plus what later releases added: @sandbox (v254) and fchmodat2 in
 * @file-system (v255). They name syscalls of every architecture; names
 * neither of our ABIs has are skipped when a group is expanded. @known is
 * computed: every syscall either ABI's table has.
 */
#include "policy/policy_int.h"

#include <stdlib.h>
#include <string.h>

static const char *const g_aio[] = {
	"io_cancel", "io_destroy", "io_getevents", "io_pgetevents",
	"io_pgetevents_time64", "io_setup", "io_submit", "io_uring_enter",
	"io_uring_register", "io_uring_setup", NULL,
};

static const char *const g_basic_io[] = {
	"_llseek", "close", "close_range", "dup", "dup2", "dup3", "lseek",
	"pread64", "preadv", "preadv2", "pwrite64", "pwritev", "pwritev2",
	"read", "readv", "write", "writev", NULL,
};

static const char *const g_chown[] = {
	"chown", "chown32", "fchown", "fchown32", "fchownat", "lchown",
	"lchown32", NULL,
};

static const char *const g_clock[] = {
	"adjtimex", "clock_adjtime", "clock_adjtime64", "clock_settime",
	"clock_settime64", "settimeofday", NULL,
};

static const char *const g_cpu_emulation[] = {
	"modify_ldt", "subpage_prot", "switch_endian", "vm86", "vm86old", NULL,
};

static const char *const g_debug[] = {
	"lookup_dcookie", "perf_event_open", "pidfd_getfd", "ptrace", "rtas",
	"s390_runtime_instr", "sys_debug_setcontext", NULL,
};

static const char *const g_default[] = {
	"arch_prctl", "brk", "cacheflush", "clock_getres",
	"clock_getres_time64", "clock_gettime", "clock_gettime64",
	"clock_nanosleep", "clock_nanosleep_time64", "execve", "exit",
	"exit_group", "futex", "futex_time64", "futex_waitv",
	"get_robust_list", "get_thread_area", "getegid", "getegid32",
	"geteuid", "geteuid32", "getgid", "getgid32", "getgroups",
	"getgroups32", "getpgid", "getpgrp", "getpid", "getppid", "getrandom",
	"getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit",
	"getsid", "gettid", "gettimeofday", "getuid", "getuid32",
	"membarrier", "mmap", "mmap2", "mprotect", "munmap", "nanosleep",
	"pause", "prlimit64", "restart_syscall", "riscv_flush_icache",
	"riscv_hwprobe", "rseq", "rt_sigreturn", "sched_getaffinity",
	"sched_yield", "set_robust_list", "set_thread_area",
	"set_tid_address", "set_tls", "sigreturn", "time", "ugetrlimit",
	"uretprobe", NULL,
};

static const char *const g_file_system[] = {
	"access", "chdir", "chmod", "close", "creat", "faccessat",
	"faccessat2", "fallocate", "fchdir", "fchmod", "fchmodat",
	"fchmodat2", "fcntl", "fcntl64", "fgetxattr", "flistxattr",
	"fremovexattr", "fsetxattr", "fstat", "fstat64", "fstatat64",
	"fstatfs", "fstatfs64", "ftruncate", "ftruncate64", "futimesat",
	"getcwd", "getdents", "getdents64", "getxattr", "inotify_add_watch",
	"inotify_init", "inotify_init1", "inotify_rm_watch", "lgetxattr",
	"link", "linkat", "listxattr", "llistxattr", "lremovexattr",
	"lsetxattr", "lstat", "lstat64", "mkdir", "mkdirat", "mknod",
	"mknodat", "newfstatat", "oldfstat", "oldlstat", "oldstat", "open",
	"openat", "openat2", "readlink", "readlinkat", "removexattr",
	"rename", "renameat", "renameat2", "rmdir", "setxattr", "stat",
	"stat64", "statfs", "statfs64", "statx", "symlink", "symlinkat",
	"truncate", "truncate64", "unlink", "unlinkat", "utime", "utimensat",
	"utimensat_time64", "utimes", NULL,
};

static const char *const g_io_event[] = {
	"_newselect", "epoll_create", "epoll_create1", "epoll_ctl",
	"epoll_ctl_old", "epoll_pwait", "epoll_pwait2", "epoll_wait",
	"epoll_wait_old", "eventfd", "eventfd2", "poll", "ppoll",
	"ppoll_time64", "pselect6", "pselect6_time64", "select", NULL,
};

static const char *const g_ipc[] = {
	"ipc", "memfd_create", "mq_getsetattr", "mq_notify", "mq_open",
	"mq_timedreceive", "mq_timedreceive_time64", "mq_timedsend",
	"mq_timedsend_time64", "mq_unlink", "msgctl", "msgget", "msgrcv",
	"msgsnd", "pipe", "pipe2", "process_madvise", "process_vm_readv",
	"process_vm_writev", "semctl", "semget", "semop", "semtimedop",
	"semtimedop_time64", "shmat", "shmctl", "shmdt", "shmget", NULL,
};

static const char *const g_keyring[] = {
	"add_key", "keyctl", "request_key", NULL,
};

static const char *const g_memlock[] = {
	"mlock", "mlock2", "mlockall", "munlock", "munlockall", NULL,
};

static const char *const g_module[] = {
	"delete_module", "finit_module", "init_module", NULL,
};

static const char *const g_mount[] = {
	"chroot", "fsconfig", "fsmount", "fsopen", "fspick", "mount",
	"mount_setattr", "move_mount", "open_tree", "pivot_root", "umount",
	"umount2", NULL,
};

static const char *const g_network_io[] = {
	"accept", "accept4", "bind", "connect", "getpeername", "getsockname",
	"getsockopt", "listen", "recv", "recvfrom", "recvmmsg",
	"recvmmsg_time64", "recvmsg", "send", "sendmmsg", "sendmsg", "sendto",
	"setsockopt", "shutdown", "socket", "socketcall", "socketpair", NULL,
};

static const char *const g_obsolete[] = {
	"_sysctl", "afs_syscall", "bdflush", "break", "create_module",
	"ftime", "get_kernel_syms", "getpmsg", "gtty", "idle", "lock", "mpx",
	"prof", "profil", "putpmsg", "query_module", "security", "sgetmask",
	"ssetmask", "stime", "stty", "sysfs", "tuxcall", "ulimit", "uselib",
	"ustat", "vserver", NULL,
};

static const char *const g_pkey[] = {
	"pkey_alloc", "pkey_free", "pkey_mprotect", NULL,
};

static const char *const g_privileged[] = {
	"@chown", "@clock", "@module", "@raw-io", "@reboot", "@swap",
	"_sysctl", "acct", "bpf", "capset", "chroot", "fanotify_init",
	"fanotify_mark", "nfsservctl", "open_by_handle_at", "pivot_root",
	"quotactl", "quotactl_fd", "setdomainname", "setfsuid", "setfsuid32",
	"setgroups", "setgroups32", "sethostname", "setresuid", "setresuid32",
	"setreuid", "setreuid32", "setuid", "setuid32", "vhangup", NULL,
};

static const char *const g_process[] = {
	"capget", "clone", "clone3", "execveat", "fork", "getrusage", "kill",
	"pidfd_open", "pidfd_send_signal", "prctl", "rt_sigqueueinfo",
	"rt_tgsigqueueinfo", "setns", "swapcontext", "tgkill", "times",
	"tkill", "unshare", "vfork", "wait4", "waitid", "waitpid", NULL,
};

static const char *const g_raw_io[] = {
	"ioperm", "iopl", "pciconfig_iobase", "pciconfig_read",
	"pciconfig_write", "s390_pci_mmio_read", "s390_pci_mmio_write", NULL,
};

static const char *const g_reboot[] = {
	"kexec_file_load", "kexec_load", "reboot", NULL,
};

static const char *const g_resources[] = {
	"ioprio_set", "mbind", "migrate_pages", "move_pages", "nice",
	"sched_setaffinity", "sched_setattr", "sched_setparam",
	"sched_setscheduler", "set_mempolicy", "set_mempolicy_home_node",
	"setpriority", "setrlimit", NULL,
};

static const char *const g_sandbox[] = {
	"landlock_add_rule", "landlock_create_ruleset",
	"landlock_restrict_self", "seccomp", NULL,
};

static const char *const g_setuid[] = {
	"setgid", "setgid32", "setgroups", "setgroups32", "setregid",
	"setregid32", "setresgid", "setresgid32", "setresuid", "setresuid32",
	"setreuid", "setreuid32", "setuid", "setuid32", NULL,
};

static const char *const g_signal[] = {
	"rt_sigaction", "rt_sigpending", "rt_sigprocmask", "rt_sigsuspend",
	"rt_sigtimedwait", "rt_sigtimedwait_time64", "sigaction",
	"sigaltstack", "signal", "signalfd", "signalfd4", "sigpending",
	"sigprocmask", "sigsuspend", NULL,
};

static const char *const g_swap[] = {
	"swapoff", "swapon", NULL,
};

static const char *const g_sync[] = {
	"fdatasync", "fsync", "msync", "sync", "sync_file_range",
	"sync_file_range2", "syncfs", NULL,
};

static const char *const g_system_service[] = {
	"@aio", "@basic-io", "@chown", "@default", "@file-system",
	"@io-event", "@ipc", "@keyring", "@memlock", "@network-io",
	"@process", "@resources", "@setuid", "@signal", "@sync", "@timer",
	"arm_fadvise64_64", "capget", "capset", "copy_file_range",
	"fadvise64", "fadvise64_64", "flock", "get_mempolicy", "getcpu",
	"getpriority", "ioctl", "ioprio_get", "kcmp", "madvise", "mremap",
	"name_to_handle_at", "oldolduname", "olduname", "personality",
	"readahead", "readdir", "remap_file_pages", "sched_get_priority_max",
	"sched_get_priority_min", "sched_getattr", "sched_getparam",
	"sched_getscheduler", "sched_rr_get_interval",
	"sched_rr_get_interval_time64", "sched_yield", "sendfile",
	"sendfile64", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32",
	"setpgid", "setsid", "splice", "sysinfo", "tee", "umask", "uname",
	"userfaultfd", "vmsplice", NULL,
};

static const char *const g_timer[] = {
	"alarm", "getitimer", "setitimer", "timer_create", "timer_delete",
	"timer_getoverrun", "timer_gettime", "timer_gettime64",
	"timer_settime", "timer_settime64", "timerfd_create",
	"timerfd_gettime", "timerfd_gettime64", "timerfd_settime",
	"timerfd_settime64", "times", NULL,
};

static const struct sc_group groups[] = {
	{ "@aio", "Asynchronous IO", g_aio },
	{ "@basic-io", "Basic IO", g_basic_io },
	{ "@chown", "Change ownership of files and directories", g_chown },
	{ "@clock", "Change the system time", g_clock },
	{ "@cpu-emulation", "System calls for CPU emulation functionality", g_cpu_emulation },
	{ "@debug", "Debugging, performance monitoring and tracing functionality", g_debug },
	{ "@default", "System calls that are always permitted", g_default },
	{ "@file-system", "File system operations", g_file_system },
	{ "@io-event", "Event loop system calls", g_io_event },
	{ "@ipc", "SysV IPC, POSIX Message Queues or other IPC", g_ipc },
	{ "@keyring", "Kernel keyring access", g_keyring },
	{ "@memlock", "Memory locking control", g_memlock },
	{ "@module", "Loading and unloading of kernel modules", g_module },
	{ "@mount", "Mounting and unmounting of file systems", g_mount },
	{ "@network-io", "Network or Unix socket IO, should not be needed if not network facing", g_network_io },
	{ "@obsolete", "Unusual, obsolete or unimplemented system calls", g_obsolete },
	{ "@pkey", "System calls used for memory protection keys", g_pkey },
	{ "@privileged", "All system calls which need super-user capabilities", g_privileged },
	{ "@process", "Process control, execution, namespacing operations", g_process },
	{ "@raw-io", "Raw I/O port access", g_raw_io },
	{ "@reboot", "Reboot and reboot preparation/kexec", g_reboot },
	{ "@resources", "Alter resource settings", g_resources },
	{ "@sandbox", "Sandbox functionality", g_sandbox },
	{ "@setuid", "Operations for changing user/group credentials", g_setuid },
	{ "@signal", "Process signal handling", g_signal },
	{ "@swap", "Enable/disable swap devices", g_swap },
	{ "@sync", "Synchronize files and memory to storage", g_sync },
	{ "@system-service", "General system service operations", g_system_service },
	{ "@timer", "Schedule operations by time", g_timer },
	{ "@known", "All system calls jail knows of (either ABI)", NULL },
};

size_t group_count(void)
{
	return ARRAY_SIZE(groups);
}

const struct sc_group *group_at(size_t i)
{
	return i < ARRAY_SIZE(groups) ? &groups[i] : NULL;
}

const struct sc_group *group_find(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(groups); i++)
		if (strcmp(groups[i].name, name) == 0)
			return &groups[i];
	return NULL;
}

/* Levenshtein distance, for "did you mean"; long inputs are not worth a
 * suggestion and get a large distance. */
int edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int row[65], prev, tmp;

	if (la > 64 || lb > 64)
		return 1000;
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

const char *group_suggest(const char *name)
{
	const char *best = NULL;
	int bestd = 4;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(groups); i++) {
		int d = edit_distance(name, groups[i].name);

		if (d < bestd) {
			bestd = d;
			best = groups[i].name;
		}
	}
	return best;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* @known: the union of both tables' names, sorted. */
static void list_known(struct strbuf *out)
{
	size_t n = systab_count(ABI_X86_64) + systab_count(ABI_I386), k = 0;
	const char **v = calloc(n ? n : 1, sizeof(*v));
	size_t i;
	int abi;

	if (!v) {
		out->oom = true;
		return;
	}
	for (abi = 0; abi < ABI_COUNT; abi++)
		for (i = 0; i < systab_count(abi); i++) {
			const struct sc_ent *e = systab_at(abi, i);

			if (e && e->name)
				v[k++] = e->name;
		}
	qsort(v, k, sizeof(*v), cmp_str);
	for (i = 0; i < k; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			sb_printf(out, "    %s\n", v[i]);
	free(v);
}

void policy_list_groups(struct strbuf *out)
{
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(groups); i++) {
		const struct sc_group *g = &groups[i];

		if (i)
			sb_putc(out, '\n');
		sb_printf(out, "%s\n    # %s\n", g->name, g->help);
		if (!g->members) {
			list_known(out);
			continue;
		}
		for (j = 0; g->members[j]; j++) {
			const char *m = g->members[j];

			/* show only what jail can name: other
			 * architectures' syscalls are left out */
			if (m[0] != '@' && !systab_by_name(ABI_X86_64, m) &&
			    !systab_by_name(ABI_I386, m) &&
			    mux_sock_call(m) < 0 && mux_ipc_call(m) < 0)
				continue;
			sb_printf(out, "    %s\n", m);
		}
	}
}

/* esc_privs MODE [ARG]
 *
 * Root's privileges under jail: the jailed program runs as uid 0, but
 * with no capabilities and no_new_privs, so none of this may work.
 *
 *   status        /proc/self/status: CapInh/CapPrm/CapEff/CapAmb must be
 *                 0 and NoNewPrivs 1 (natively, as root: escaped)
 *   exec PATH     become uid/gid 65534 if we can (natively; under jail
 *                 CAP_SETUID is gone and we stay uid 0 without
 *                 capabilities), then exec PATH, a set-uid root or
 *                 file-capability copy of this program made by the
 *                 script, in mode "report"
 *   report        the status check again, after that exec: privileges
 *                 the exec gave are an escape
 *   procmem       open /proc/PPID/mem (jail's) and read 8 bytes of it
 *   mount DIR     mount a tmpfs on DIR (unmounted again at once)
 *   userns DIR    unshare(CLONE_NEWUSER | CLONE_NEWNS), then mount a
 *                 tmpfs on DIR: the capabilities a user namespace gives
 *   module        init_module and finit_module of garbage: EPERM is
 *                 refused; other errors mean the loader looked at it.
 *                 A kernel without modules says ENOSYS: SETUP.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct privs {
	char inh[32], prm[32], eff[32], bnd[32], amb[32];
	int nnp;
};

/* 0 or -errno. */
static int read_privs(struct privs *p)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "CapInh:", offsetof(struct privs, inh) },
		{ "CapPrm:", offsetof(struct privs, prm) },
		{ "CapEff:", offsetof(struct privs, eff) },
		{ "CapBnd:", offsetof(struct privs, bnd) },
		{ "CapAmb:", offsetof(struct privs, amb) },
	};
	char line[256];
	size_t i;
	FILE *f;

	memset(p, 0, sizeof(*p));
	p->nnp = -1;
	f = fopen("/proc/self/status", "r");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (!strncmp(line, keys[i].key, strlen(keys[i].key)))
				sscanf(line + strlen(keys[i].key), "%31s",
				       (char *)p + keys[i].off);
		sscanf(line, "NoNewPrivs: %d", &p->nnp);
	}
	fclose(f);
	return 0;
}

static bool zero(const char *hex)
{
	return *hex && strspn(hex, "0") == strlen(hex);
}

static void __attribute__((noreturn)) status(const char *when)
{
	struct privs p;
	int rc = read_privs(&p);

	if (rc < 0)
		verdict(SETUP, "/proc/self/status: %s", en(-rc));
	if (zero(p.inh) && zero(p.prm) && zero(p.eff) && zero(p.amb) &&
	    p.nnp == 1)
		verdict(BLOCKED, "%suid %d, no capabilities, NoNewPrivs 1 "
			"(CapBnd %s)", when, (int)geteuid(), p.bnd);
	verdict(ESCAPED, "%seuid %d CapInh %s CapPrm %s CapEff %s CapAmb %s "
		"CapBnd %s NoNewPrivs %d", when, (int)geteuid(), p.inh,
		p.prm, p.eff, p.amb, p.bnd, p.nnp);
}

/* A readable address of pid, from its maps. */
static bool find_addr(pid_t pid, unsigned long *addr)
{
	char path[64], line[512], perms[8];
	unsigned long lo, hi;
	bool found = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 &&
		    perms[0] == 'r' && !strstr(line, "[v")) {
			*addr = lo;
			found = true;
		}
	fclose(f);
	return found;
}

static void __attribute__((noreturn)) procmem(void)
{
	pid_t pp = getppid();
	unsigned long addr;
	char path[64];
	char b[8];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pp);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		verdict(BLOCKED, "open(%s): %s", path, en(errno));
	if (!find_addr(pp, &addr))
		verdict(ESCAPED, "opened %s (its maps unreadable: no read)",
			path);
	n = pread(fd, b, sizeof(b), (off_t)addr);
	if (n < 0)
		verdict(BLOCKED, "opened %s, pread at %#lx: %s", path, addr,
			en(errno));
	verdict(ESCAPED, "read %zd bytes of the parent's memory from %s at "
		"%#lx", n, path, addr);
}

static void __attribute__((noreturn)) do_mount(const char *dir, bool userns)
{
	const char *how = "";

	if (userns) {
		if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0)
			verdict(BLOCKED, "unshare(CLONE_NEWUSER|CLONE_NEWNS): "
				"%s", en(errno));
		how = "in a new user namespace, ";
	}
	if (mount("esc_privs", dir, "tmpfs", MS_NOSUID | MS_NODEV,
		  "size=64k") < 0)
		verdict(BLOCKED, "%smount tmpfs on %s: %s", how, dir,
			en(errno));
	if (umount2(dir, 0) < 0)
		verdict(ESCAPED, "%smounted a tmpfs on %s (umount: %s)", how,
			dir, en(errno));
	verdict(ESCAPED, "%smounted a tmpfs on %s (and unmounted it)", how,
		dir);
}

/* What init_module's errno e says; exits unless the loader refused. */
static void module_errno(const char *call, long r, int e)
{
	if (r == 0)
		verdict(ESCAPED, "%s of garbage succeeded", call);
	if (e == ENOSYS && access("/proc/modules", F_OK) < 0)
		verdict(SETUP, "%s: ENOSYS: the kernel has no module support",
			call);
	if (e != EPERM && e != ENOSYS && e != EACCES)
		verdict(ESCAPED, "%s of garbage reached the module loader: "
			"%s", call, en(e));
}

static void __attribute__((noreturn)) module(void)
{
	static char junk[512] = "not an ELF module";
	int e1, e2, fd;
	long r;

	r = syscall(SYS_init_module, junk, sizeof(junk), "");
	e1 = errno;
	module_errno("init_module", r, e1);
	fd = (int)syscall(SYS_memfd_create, "esc_privs", 0);
	if (fd < 0 || write(fd, junk, sizeof(junk)) != sizeof(junk))
		verdict(BLOCKED, "init_module: %s; memfd for finit_module: "
			"%s", en(e1), en(errno));
	r = syscall(SYS_finit_module, fd, "", 0);
	e2 = errno;
	module_errno("finit_module", r, e2);
	verdict(BLOCKED, "init_module: %s, finit_module: %s", en(e1),
		en(e2));
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (strcmp(mode, "status") == 0)
		status("");
	if (strcmp(mode, "report") == 0)
		status("after exec of a privileged copy: ");
	if (strcmp(mode, "procmem") == 0)
		procmem();
	if (strcmp(mode, "module") == 0)
		module();
	if (argc != 3)
		verdict(SETUP, "usage: esc_privs status|procmem|module | "
			"exec PATH | mount|userns DIR");
	if (strcmp(mode, "exec") == 0) {
		/* natively this shows the exec really raises privileges */
		if (setresgid(65534, 65534, 65534) == 0)
			setresuid(65534, 65534, 65534);
		execl(argv[2], argv[2], "report", (char *)NULL);
		/* An "+ep" file whose capabilities cannot all be granted
		 * (not in the bounding set) is refused by the kernel. */
		if (errno == EPERM)
			verdict(BLOCKED, "execve(%s): EPERM: capabilities it "
				"carries could not be granted", argv[2]);
		verdict(SETUP, "execve(%s): %s", argv[2], en(errno));
	}
	if (strcmp(mode, "mount") == 0 || strcmp(mode, "userns") == 0)
		do_mount(argv[2], mode[0] == 'u');
	verdict(SETUP, "unknown mode %s", mode);
}

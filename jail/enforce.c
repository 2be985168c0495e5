#include "jail/enforce.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>
#include <linux/openat2.h>
#include <netinet/in.h>

#include "jail/harden.h"
#include "jail/pathcall.h"
#include "tracer/decode.h"
#include "jail/scratch.h"
#include "tracer/remote.h"
#include "tracer/pathres.h"

/* i386's sendmsg (sendmmsg is 345 there); x86_64's comes from
 * <sys/syscall.h>. */
enum { I386_NR_SENDMSG = 370 };

struct enforcer {
	const struct policy *pol;
	const struct policy *base;
	struct tracer *tr;
	bool fs, net;
	bool fast;		/* fast opens (jail/scratch.h) */
};

void enforce_fast_opens(struct enforcer *e, bool on)
{
	e->fast = on;
}

int enforce_create(struct enforcer **out, const struct policy *p,
		   const struct policy *base, struct tracer *tr)
{
	struct enforcer *e = calloc(1, sizeof(*e));

	if (!e)
		return -ENOMEM;
	e->pol = p;
	e->base = base;
	e->tr = tr;
	e->fs = policy_has_fs_rules(p);
	e->net = policy_has_net_rules(p);
	/* /proc/PID/mem writes must be seen whenever the scratch area is
	 * in use, fs.* rules or not. */
	e->fs = e->fs || e->net;
	*out = e;
	return 0;
}

bool enforce_uses_scratch(const struct enforcer *e)
{
	return e && e->fs;
}

void enforce_destroy(struct enforcer *e)
{
	free(e);
}

void enforce_result_free(struct enforce_result *res)
{
	size_t i;

	for (i = 0; i < res->npaths; i++) {
		free(res->paths[i]);
		free(res->raw[i]);
		res->raw[i] = NULL;
	}
	for (i = 0; i < res->naddrs; i++)
		free(res->unix_paths[i]);
	res->npaths = res->naddrs = 0;
}

/* Read a path argument: bounded, and a path that does not fit is the
 * kernel's ENAMETOOLONG. */
static int read_path(struct task *t, uint64_t addr, char **out)
{
	struct mem_reader mr = task_mem_reader(t);
	bool trunc = false;
	size_t len;

	if (!addr)
		return -EFAULT;
	*out = decode_read_str(&mr, addr, PATH_MAX, &len, &trunc);
	if (!*out)
		return -EFAULT;
	if (trunc) {
		free(*out);
		*out = NULL;
		return -ENAMETOOLONG;
	}
	return 0;
}

/* The object path `which` of the call names, resolved. */
static int resolve_one(struct task *t, const struct fs_access *fa, int which,
		       const uint64_t args[6], uint64_t flags, unsigned scope,
		       struct enforce_result *res, char **out, char **raw)
{
	const struct fs_path_spec *sp = &fa->path[which];
	struct pathres_ctx c = { .pid = task_pid(t), .tid = task_tid(t),
				 .chrooted = &res->chrooted };
	unsigned pf = scope;
	char *path = NULL;
	int dirfd, rc;

	switch (sp->src) {
	case FS_SRC_FD:
		return pathres_fd_path(&c, (int)args[sp->fd_arg], out);
	case FS_SRC_ADDR:
		return pathres_addr_path(&c, args[sp->fd_arg], out);
	default:
		break;
	}
	/* the type costs a syscall: only readlink (see enforce_apply) and
	 * fast opens (apply_open_fast) need it */
	if (strncmp(fa->name, "readlink", 8) == 0 ||
	    strcmp(fa->name, "openat") == 0 || strcmp(fa->name, "open") == 0)
		c.type = &res->type[res->npaths];
	dirfd = sp->dirfd_arg >= 0 ? (int)args[sp->dirfd_arg] : AT_FDCWD;
	if (sp->null_is_dirfd && args[sp->path_arg] == 0)
		return pathres_fd_path(&c, dirfd, out);
	rc = read_path(t, args[sp->path_arg], &path);
	if (rc < 0)
		return rc;
	if (policy_fs_follows(fa, which, flags))
		pf |= PATHRES_FOLLOW;
	if (policy_fs_creates(fa, which, flags))
		pf |= PATHRES_CREATES;
	if (sp->empty_flag && (flags & sp->empty_flag))
		pf |= PATHRES_EMPTY_OK;
	rc = pathres_resolve(&c, dirfd, path, pf, out);
	if (rc == 0)
		*raw = path;
	else
		free(path);
	return rc;
}

/* openat2's struct open_how: flags, mode, resolve. */
static int read_open_how(struct task *t, uint64_t addr, uint64_t how[3])
{
	return task_read_mem(t, addr, how, 3 * sizeof(*how)) ==
	       3 * sizeof(*how) ? 0 : -EFAULT;
}

/* Whether path `which` names the dirfd itself ("" with AT_EMPTY_PATH, or
 * NULL): reading what an open descriptor refers to, or its metadata
 * (fstat is newfstatat(fd, "", AT_EMPTY_PATH)), gives nothing its open
 * did not. A write or an exec through the descriptor still needs its
 * right. */
static bool acts_on_fd(struct task *t, const struct fs_access *fa, int which,
		       const uint64_t args[6], uint64_t flags)
{
	const struct fs_path_spec *sp = &fa->path[which];
	char c;

	if (sp->src != FS_SRC_PATH)
		return false;
	if (sp->null_is_dirfd && args[sp->path_arg] == 0)
		return true;
	if (!sp->empty_flag || !(flags & sp->empty_flag))
		return false;
	return task_read_mem(t, args[sp->path_arg], &c, 1) == 1 && c == '\0';
}

static int gather_paths(struct task *t, const struct tr_syscall *sc,
			struct enforce_result *res, struct policy_facts *f)
{
	const struct fs_access *fa = policy_fs_access(sc->abi, sc->nr);
	unsigned scope = 0;
	uint64_t flags;
	int i, rc;

	if (!fa)
		return 0;
	flags = policy_fs_flags(fa, sc->args);
	if (fa->flags_src == FS_FLAGS_OPEN_HOW) {
		uint64_t how[3];

		rc = read_open_how(t, sc->args[fa->flags_arg], how);
		if (rc < 0)
			return rc;
		flags = how[0];
		/* These change which file opens: resolve as the call will. */
		if (how[2] & RESOLVE_IN_ROOT)
			scope |= PATHRES_IN_ROOT;
		if (how[2] & RESOLVE_BENEATH)
			scope |= PATHRES_BENEATH;
	}
	for (i = 0; i < fa->npaths; i++) {
		unsigned rights = policy_fs_rights(fa, i, sc->args, flags);
		char *p = NULL, *raw = NULL;

		if (!rights)
			continue;
		/* reading, or looking at, an open descriptor */
		if (!(rights & ~(POLICY_FS_READ | POLICY_FS_STAT)) &&
		    acts_on_fd(t, fa, i, sc->args, flags))
			continue;
		rc = resolve_one(t, fa, i, sc->args, flags, scope, res, &p,
				 &raw);
		if (rc == -ENXIO)	/* anonymous memory: no file */
			continue;
		if (rc < 0)
			return rc;
		res->paths[res->npaths] = p;
		res->raw[res->npaths] = raw;
		res->which[res->npaths] = i;
		f->paths[f->npaths].path = p;
		f->paths[f->npaths].rights = rights;
		res->npaths++;
		f->npaths++;
	}
	return 0;
}

/* Decode one struct sockaddr of the tracee. */
static int read_sockaddr(struct task *t, uint64_t addr, uint64_t len,
			 struct policy_sockaddr *a, char **unix_path,
			 bool creates, uint8_t *raw, size_t *raw_len)
{
	struct sockaddr_storage ss;
	size_t n = len > sizeof(ss) ? sizeof(ss) : (size_t)len;

	memset(&ss, 0, sizeof(ss));
	memset(a, 0, sizeof(*a));
	if (n < sizeof(sa_family_t))
		return -EINVAL;
	if (task_read_mem(t, addr, &ss, n) != (ssize_t)n)
		return -EFAULT;
	if (raw) {
		memcpy(raw, &ss, n);
		*raw_len = n;
	}
	a->family = ss.ss_family;
	if (ss.ss_family == AF_INET && n >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;

		memcpy(a->addr, &in->sin_addr, 4);
		a->port = ntohs(in->sin_port);
	} else if (ss.ss_family == AF_INET6 &&
		   n >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;

		memcpy(a->addr, &in6->sin6_addr, 16);
		a->port = ntohs(in6->sin6_port);
	} else if (ss.ss_family == AF_UNIX) {
		struct sockaddr_un *un = (struct sockaddr_un *)&ss;
		size_t plen = n - offsetof(struct sockaddr_un, sun_path);
		struct pathres_ctx c = { .pid = task_pid(t),
					 .tid = task_tid(t) };
		char path[sizeof(un->sun_path) + 1];

		if (plen == 0)
			return 0;	/* unnamed: autobind */
		if (un->sun_path[0] == '\0') {
			a->abstract = un->sun_path + 1;
			a->abstract_len = plen - 1;
			/* Points into ss: copy it out. */
			*unix_path = malloc(plen);
			if (!*unix_path)
				return -ENOMEM;
			memcpy(*unix_path, un->sun_path + 1, plen - 1);
			a->abstract = *unix_path;
			return 0;
		}
		memcpy(path, un->sun_path, plen);
		path[plen] = '\0';
		if (pathres_resolve(&c, AT_FDCWD, path,
				    PATHRES_FOLLOW |
				    (creates ? PATHRES_CREATES : 0),
				    unix_path) < 0)
			*unix_path = strdup(path);	/* the kernel fails */
		a->unix_path = *unix_path;
	}
	return 0;
}

/* msghdr's name and namelen, 64-bit or compat layout. */
static int read_msg_name(struct task *t, uint64_t msg, bool is32,
			 uint64_t *name, uint64_t *len)
{
	if (is32) {
		uint32_t h[2];

		if (task_read_mem(t, msg, h, sizeof(h)) != sizeof(h))
			return -EFAULT;
		*name = h[0];
		*len = h[1];
	} else {
		uint64_t h[2];

		if (task_read_mem(t, msg, h, sizeof(h)) != sizeof(h))
			return -EFAULT;
		*name = h[0];
		*len = (uint32_t)h[1];
	}
	return 0;
}

static int gather_addrs(struct task *t, const struct tr_syscall *sc,
			struct enforce_result *res, struct policy_facts *f)
{
	const uint64_t *args = sc->args;
	const struct net_access *na;
	bool mux, is32 = sc->abi == ABI_I386;
	uint64_t count = 1, i;
	int rc;

	na = policy_net_access(sc->abi, sc->nr, sc->args, &mux);
	if (!na)
		return 0;
	if (mux) {
		uint32_t m[6];
		int k;

		if (task_read_mem(t, args[1], m, sizeof(m)) != sizeof(m))
			return -EFAULT;
		for (k = 0; k < 6; k++)
			f->mux_args[k] = m[k];
		f->have_mux_args = true;
		args = f->mux_args;
	}
	if (na->src == NET_ADDR_MMSGHDR)
		count = args[na->len_arg] < ENFORCE_MAX_ADDRS ?
			args[na->len_arg] : ENFORCE_MAX_ADDRS;
	for (i = 0; i < count; i++) {
		uint64_t addr = args[na->addr_arg], len = 0;

		if (na->src == NET_ADDR_ARG) {
			len = args[na->len_arg];
		} else {
			uint64_t msg = addr + i * (is32 ? 32 : 64);

			rc = read_msg_name(t, msg, is32, &addr, &len);
			if (rc < 0)
				return rc;
		}
		if (!addr)
			continue;	/* a connected socket's own peer */
		rc = read_sockaddr(t, addr, len, &res->addrs[res->naddrs],
				   &res->unix_paths[res->naddrs],
				   na->op == NET_BIND,
				   res->naddrs ? NULL : res->raw_addr,
				   &res->raw_len);
		res->naddrs++;
		if (rc < 0)
			return rc;
	}
	f->addrs = res->addrs;
	f->naddrs = res->naddrs;
	return 0;
}

/* The identity of the file at a resolved path, walked with no symlink
 * allowed: if a component was swapped for one since the check, this
 * fails rather than name another file. */
static int path_identity(const char *path, dev_t *dev, ino_t *ino)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
	};
	struct stat st;
	int fd, rc = 0;

	if (path[0] != '/')
		return -ENOENT;
	fd = (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0)
		rc = -errno;
	close(fd);
	*dev = st.st_dev;
	*ino = st.st_ino;
	return rc;
}

/* The device and inode of the mapping that contains addr. */
static int map_identity(pid_t pid, uint64_t addr, dev_t *dev, ino_t *ino)
{
	char path[64], line[512];
	int rc = -ENOENT;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long lo, hi, inode;
		unsigned maj, min;

		if (sscanf(line, "%llx-%llx %*s %*s %x:%x %llu", &lo, &hi, &maj,
			   &min, &inode) != 5)
			continue;
		if (addr >= lo && addr < hi) {
			*dev = makedev(maj, min);
			*ino = (ino_t)inode;
			rc = inode ? 0 : -ENXIO;
			break;
		}
	}
	fclose(f);
	return rc;
}

/* The identity of the object an fd or a mapping of the task is now. */
static int object_identity(struct task *t, const struct fs_path_spec *sp,
			   const uint64_t args[6], struct post_check *pc)
{
	struct stat st;
	char path[64];

	if (sp->src == FS_SRC_ADDR)
		return map_identity(task_pid(t), args[sp->fd_arg], &pc->dev,
				    &pc->ino);
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", task_pid(t),
		 (int)args[sp->fd_arg]);
	if (stat(path, &st) < 0)
		return -errno;
	pc->dev = st.st_dev;
	pc->ino = st.st_ino;
	return 0;
}

int enforce_post_check(struct task *t, const struct post_check *pc, long ret)
{
	struct stat st;
	char path[64];
	dev_t dev = 0;
	ino_t ino = 0;
	int rc;

	if (pc->restore && ret != POST_AT_EXEC) {
		struct user_regs_struct r;

		if (task_get_regs(t, &r) == 0) {
			unsigned long long rax = r.rax;

			r = pc->regs;
			r.rax = rax;
			task_set_regs(t, &r);
		}
	}
	switch (pc->kind) {
	case POST_MMSG: {
		uint32_t len = (uint32_t)ret;

		if (ret < 0)
			return 0;	/* sendmmsg fails as sendmsg did */
		if (task_write_mem(t, pc->addr + (pc->is32 ? 28 : 56), &len,
				   sizeof(len)) != sizeof(len))
			return task_set_retval(t, -EFAULT);
		return task_set_retval(t, 1);
	}
	case POST_EXEC:
		snprintf(path, sizeof(path), "/proc/%d/exe", task_pid(t));
		if (stat(path, &st) < 0)
			return -errno;
		dev = st.st_dev;
		ino = st.st_ino;
		break;
	case POST_OPEN: {
		struct pathres_ctx c = { .pid = task_pid(t) };
		char *p = NULL;

		if (ret < 0)
			return 0;
		rc = pathres_fd_path(&c, (int)ret, &p);
		if (rc == 0 && p[0] == '/')
			rc = -EPERM;	/* a file with a path was put there */
		free(p);
		return rc;
	}
	case POST_MAP:
		if (ret < 0 && ret > -4096)
			return 0;	/* it failed: nothing was mapped */
		rc = map_identity(task_pid(t), pc->addr ? pc->addr :
				  (uint64_t)ret, &dev, &ino);
		if (rc < 0)
			return rc == -ENXIO ? -EPERM : rc;
		break;
	default:
		return 0;
	}
	return dev == pc->dev && ino == pc->ino ? 0 : -EPERM;
}

/* mmap/mprotect whose file needs fs.exec (the path was gathered). */
static bool is_map_call(const struct tr_syscall *sc)
{
	const struct fs_access *fa = policy_fs_access(sc->abi, sc->nr);

	return fa && (fa->path[0].src == FS_SRC_FD ||
		      fa->path[0].src == FS_SRC_ADDR);
}

/* Whether the object an mmap's fd refers to can still change before the
 * kernel maps it: not when no other task can touch the fd table (the
 * stopped caller is its process's only task, and the table is its own).
 * Then the mapping is what was checked, and no exit stop compares them.
 * mprotect's mapping can be replaced by whoever shares the address
 * space, which fork children do until their exec: always compared. */
static bool map_is_settled(struct task *t, const struct tr_syscall *sc)
{
	const struct fs_access *fa = policy_fs_access(sc->abi, sc->nr);

	return fa->path[0].src == FS_SRC_FD && task_fdt_private(t);
}

/* Whether the file at path starts with "#!". */
static bool is_script(const char *path)
{
	char buf[2];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	bool yes;

	if (fd < 0)
		return false;
	yes = pread(fd, buf, 2, 0) == 2 && buf[0] == '#' && buf[1] == '!';
	close(fd);
	return yes;
}

static bool is_exec_call(const struct tr_syscall *sc)
{
	const struct sc_ent *ent = systab_by_nr(sc->abi, sc->nr);

	return ent && (ent->class & SC_EXEC);
}

/* An ELF file's PT_INTERP into name (NUL-terminated), from its header in
 * buf (n bytes read). 0, or -ENOENT when it has none. */
static int elf_interp(int fd, const unsigned char *buf, size_t n, char *name,
		      size_t size)
{
	bool is64 = buf[EI_CLASS] == ELFCLASS64;
	uint64_t phoff;
	unsigned phnum, phentsize, i;

	if (is64 && n >= sizeof(Elf64_Ehdr)) {
		const Elf64_Ehdr *eh = (const void *)buf;

		phoff = eh->e_phoff;
		phnum = eh->e_phnum;
		phentsize = eh->e_phentsize;
	} else if (!is64 && n >= sizeof(Elf32_Ehdr)) {
		const Elf32_Ehdr *eh = (const void *)buf;

		phoff = eh->e_phoff;
		phnum = eh->e_phnum;
		phentsize = eh->e_phentsize;
	} else {
		return -ENOENT;
	}
	for (i = 0; i < phnum && i < 64; i++) {
		uint64_t type, off, filesz;
		union { Elf64_Phdr p64; Elf32_Phdr p32; } ph;
		size_t want = is64 ? sizeof(ph.p64) : sizeof(ph.p32);

		if (pread(fd, &ph, want, (off_t)(phoff + (uint64_t)i * phentsize)) !=
		    (ssize_t)want)
			break;
		type = is64 ? ph.p64.p_type : ph.p32.p_type;
		off = is64 ? ph.p64.p_offset : ph.p32.p_offset;
		filesz = is64 ? ph.p64.p_filesz : ph.p32.p_filesz;
		if (type != PT_INTERP)
			continue;
		if (filesz == 0 || filesz >= size ||
		    pread(fd, name, filesz, (off_t)off) != (ssize_t)filesz)
			return -ENOENT;
		name[filesz - 1] = '\0';
		return 0;
	}
	return -ENOENT;
}

/* What the kernel will load besides the file exec names: a script's
 * interpreter (#!, up to 4 levels as the kernel allows) or an ELF
 * program's PT_INTERP. Each is loaded without a syscall the filter sees,
 * so each must pass fs.exec too. NULL when there is none. */
static char *exec_next(struct task *t, const char *path)
{
	struct pathres_ctx c = { .pid = task_pid(t), .tid = task_tid(t) };
	unsigned char buf[256];
	char name[256], *out = NULL;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return NULL;
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n >= 2 && buf[0] == '#' && buf[1] == '!') {
		size_t i = 2, k = 0;

		buf[n] = '\0';
		while (buf[i] == ' ' || buf[i] == '\t')
			i++;
		while (buf[i] && !strchr(" \t\n", buf[i]) && k < sizeof(name) - 1)
			name[k++] = (char)buf[i++];
		name[k] = '\0';
		if (k && pathres_resolve(&c, AT_FDCWD, name, PATHRES_FOLLOW,
					 &out) < 0)
			out = NULL;
	} else if (n >= 52 && memcmp(buf, "\177ELF", 4) == 0 &&
		   elf_interp(fd, buf, (size_t)n, name, sizeof(name)) == 0) {
		if (pathres_resolve(&c, AT_FDCWD, name, PATHRES_FOLLOW,
				    &out) < 0)
			out = NULL;
	}
	close(fd);
	return out;
}

/* Judge each file in the exec chain as if it were exec'd itself; the
 * call gets the most severe answer. The program that will run (what
 * /proc/PID/exe will name) is the first file of the chain that is not a
 * script: its identity is kept for the check at the exec event. */
static int check_exec_chain(struct enforcer *e, struct task *t,
			    const struct tr_syscall *sc, const char *path,
			    struct policy_decision *d, struct post_check *pc)
{
	bool exe_found = !is_script(path);
	char *cur = exec_next(t, path);
	int depth, rc;

	pc->kind = POST_EXEC;
	rc = path_identity(path, &pc->dev, &pc->ino);
	for (depth = 0; cur && depth < 5 && rc == 0; depth++) {
		struct policy_facts f = { .npaths = 1 };
		struct policy_decision one;
		char *next;

		f.paths[0].path = cur;
		f.paths[0].rights = POLICY_FS_EXEC;
		rc = policy_eval_syscall(e->pol, sc->abi, sc->nr, sc->args, &f,
					 &one);
		if (rc == 0 && one.action > d->action)
			*d = one;
		if (rc == 0 && !exe_found) {
			rc = path_identity(cur, &pc->dev, &pc->ino);
			exe_found = !is_script(cur);
		}
		next = exec_next(t, cur);
		free(cur);
		cur = next;
	}
	free(cur);
	return rc;
}

int enforce_syscall(struct enforcer *e, struct task *t,
		    const struct tr_syscall *sc, struct enforce_result *res)
{
	struct policy_facts f;
	int rc, err;

	memset(res, 0, sizeof(*res));
	memset(&f, 0, sizeof(f));
	if (e->fs) {
		rc = gather_paths(t, sc, res, &f);
		if (rc < 0)
			goto fail;
	}
	if (e->net) {
		rc = gather_addrs(t, sc, res, &f);
		if (rc < 0)
			goto fail;
	}
	rc = policy_eval_syscall(e->pol, sc->abi, sc->nr, sc->args, &f,
				 &res->d);
	if (rc < 0)
		goto fail;
	if (e->fs && res->npaths && is_exec_call(sc)) {
		rc = check_exec_chain(e, t, sc, res->paths[0], &res->d,
				      &res->post);
		if (rc < 0)
			goto fail;
	}
	if (e->fs && res->npaths && is_map_call(sc) &&
	    !map_is_settled(t, sc)) {
		const struct fs_path_spec *sp =
			&policy_fs_access(sc->abi, sc->nr)->path[0];

		/* mprotect's mapping is at its address; mmap's at its
		 * result. */
		res->post.kind = POST_MAP;
		res->post.addr = sp->src == FS_SRC_ADDR ? sc->args[0] : 0;
		if (res->paths[0][0] == '/')
			rc = path_identity(res->paths[0], &res->post.dev,
					   &res->post.ino);
		else	/* memfd, deleted files: no path to walk */
			rc = object_identity(t, sp, sc->args, &res->post);
		if (rc < 0)
			goto fail;
	}
	/* The baseline narrows whatever the policy said, as the kernel does
	 * with its filter. */
	if (e->base) {
		struct policy_decision bd;

		rc = policy_eval_syscall(e->base, sc->abi, sc->nr, sc->args,
					 NULL, &bd);
		if (rc < 0)
			goto fail;
		if (bd.action > res->d.action)
			res->d = bd;
	}
	err = harden_check(e->tr, t, sc);
	if (!err)
		err = harden_paths(&f);
	if (err && res->d.action < POLICY_DENY) {
		res->d.action = POLICY_DENY;
		res->d.err = err;
		res->d.origin = "baseline";
		res->d.tip[0] = '\0';
	}
	return 0;
fail:
	enforce_result_free(res);
	return rc;
}

static bool is_open_call(const char *name)
{
	return strcmp(name, "open") == 0 || strcmp(name, "openat") == 0 ||
	       strcmp(name, "openat2") == 0 || strcmp(name, "creat") == 0;
}

/* openat2 refuses flags open(2) ignores: keep what open(2) would honour. */
static uint64_t openat2_flags(uint64_t flags)
{
	const uint64_t valid = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY |
			       O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC |
			       O_ASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY |
			       O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH |
			       020000000 /* the kernel's O_TMPFILE bit */;

	flags &= valid;
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	return flags;
}

/* open, openat, creat, openat2: the checked path, opened by openat2 with
 * no symbolic link allowed anywhere, so that a component swapped for a
 * link after the check makes the call fail instead of leave the jail. */
static int apply_open(struct task *t, const struct tr_syscall *sc,
		      const struct fs_access *fa, const char *path,
		      uint64_t slot)
{
	const char *name = fa->name;
	uint64_t how[3] = { 0 }, mode = 0;
	char buf[sizeof(how) + 4096];
	size_t n;
	int rc;

	if (strcmp(name, "openat2") == 0) {
		rc = read_open_how(t, sc->args[2], how);
		if (rc < 0)
			return rc;
		/* The path is absolute and resolved: scoping is done. */
		how[2] &= ~(uint64_t)(RESOLVE_IN_ROOT | RESOLVE_BENEATH);
	} else if (strcmp(name, "creat") == 0) {
		how[0] = O_CREAT | O_WRONLY | O_TRUNC;
		mode = sc->args[1];
	} else if (strcmp(name, "open") == 0) {
		how[0] = sc->args[1];
		mode = sc->args[2];
	} else {
		how[0] = sc->args[2];
		mode = sc->args[3];
	}
	if (strcmp(name, "openat2") != 0) {
		how[0] = openat2_flags(how[0]);
		how[1] = how[0] & (O_CREAT | 020000000) ? mode & 07777 : 0;
	}
	how[2] |= RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
	/* One write: the struct, then the path right after it (an open
	 * uses no second path, so the slot has room). */
	n = strlen(path) + 1;
	if (n > 4096)
		return -ENAMETOOLONG;
	memcpy(buf, how, sizeof(how));
	memcpy(buf + sizeof(how), path, n);
	if (task_write_mem(t, slot, buf, sizeof(how) + n) !=
	    (ssize_t)(sizeof(how) + n))
		return -EFAULT;
	rc = task_set_syscall_nr(t, SYS_openat2);
	if (rc == 0)
		rc = task_set_syscall_arg(t, 0, (uint64_t)(int64_t)AT_FDCWD);
	if (rc == 0)
		rc = task_set_syscall_arg(t, 1, slot + sizeof(how));
	if (rc == 0)
		rc = task_set_syscall_arg(t, 2, slot);
	if (rc == 0)
		rc = task_set_syscall_arg(t, 3, sizeof(how));
	return rc;
}

/* A fast open (jail/scratch.h): an x86_64 open or openat that only
 * reads, of an absolute path the policy simply allows (no log, nothing
 * to check afterwards). The call is skipped and the thread sent to the
 * trampoline with the openat2 arguments set and its own registers below
 * its stack, so no exit stop is needed to put them back. 1 when the
 * call does not qualify (or no slot, trampoline or stack room is there):
 * the caller rewrites it in place. */
static int apply_open_fast(const struct enforcer *e, struct task *t,
			   const struct tr_syscall *sc,
			   const struct fs_access *fa,
			   struct enforce_result *res)
{
	const char *path = res->paths[0];
	struct user_regs_struct r = res->post.regs;
	uint64_t how[3] = { 0 }, flags, slot, tramp, frame[5];
	char buf[sizeof(how) + 4096];
	size_t n = strlen(path) + 1;

	if (!e->fast || sc->abi != ABI_X86_64 || res->npaths != 1 ||
	    res->naddrs || res->chrooted || res->d.action != POLICY_ALLOW ||
	    res->post.kind != POST_NONE || path[0] != '/' ||
	    n > FAST_PATH_MAX)
		return 1;
	/* Only opens that do not block (no FIFO, no device): a debugger or
	 * a log never sees a thread wait inside the trampoline. */
	if (res->type[0] != S_IFREG && res->type[0] != S_IFDIR)
		return 1;
	/* openat2's flags are in memory, not in the table's argument */
	if (strcmp(fa->name, "openat2") == 0)
		return 1;
	flags = policy_fs_flags(fa, sc->args);
	/* Only reads: every fast slot then holds a read-only open of a
	 * path allowed for reading, whichever slots a thread combines. */
	if (policy_fs_rights(fa, res->which[0], sc->args, flags) !=
	    POLICY_FS_READ)
		return 1;
	tramp = scratch_tramp(t);
	slot = tramp ? scratch_fast_rec(t) : 0;
	if (!slot)
		return 1;
	frame[0] = r.rdi;
	frame[1] = r.rsi;
	frame[2] = r.rdx;
	frame[3] = r.r10;
	frame[4] = r.rip;
	/* below the red zone, where a signal frame would go: written as
	 * the program could write it, so a stack pointer that points at
	 * no writable memory leaves the call to the slow way */
	if (task_poke_mem(t, r.rsp - FAST_FRAME, frame, sizeof(frame)) < 0)
		return 1;
	how[0] = openat2_flags(flags);
	how[2] = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
	memcpy(buf, how, sizeof(how));
	memcpy(buf + sizeof(how), path, n);
	if (task_write_mem(t, slot, buf, sizeof(how) + n) !=
	    (ssize_t)(sizeof(how) + n))
		return -EFAULT;
	/* skipped here; the trampoline's syscall is openat2 */
	r.orig_rax = (unsigned long long)-1LL;
	r.rax = SYS_openat2;
	r.rdi = (unsigned long long)(long long)AT_FDCWD;
	r.rsi = slot + sizeof(how);
	r.rdx = slot;
	r.r10 = sizeof(how);
	r.rsp -= FAST_FRAME;
	r.rip = tramp;
	return task_set_regs(t, &r);
}

/* Other path calls: the path argument points at the checked copy, and a
 * dirfd beside it becomes AT_FDCWD (the copy is absolute). The kernel
 * still walks that path, so a directory of it swapped for a symlink in
 * between is not caught here (docs/policy.md says so). */
static int apply_path(struct task *t, const struct tr_syscall *sc,
		      const struct fs_access *fa, int which, const char *path,
		      uint64_t at)
{
	const struct fs_path_spec *sp = &fa->path[which];
	int rc;

	if (sp->src != FS_SRC_PATH || path[0] != '/')
		return 0;
	/* An empty path with AT_EMPTY_PATH, or a NULL one, names the dirfd:
	 * nothing in memory to protect. */
	if (sc->args[sp->path_arg] == 0)
		return 0;
	rc = scratch_put_str(t, at, path);
	if (rc == 0)
		rc = task_set_syscall_arg(t, sp->path_arg, at);
	if (rc == 0 && sp->dirfd_arg >= 0)
		rc = task_set_syscall_arg(t, sp->dirfd_arg,
					  (uint64_t)(int64_t)AT_FDCWD);
	return rc;
}

/* connect, bind, sendto: the checked sockaddr. For msghdr calls the
 * header is copied too, its name pointing at the copy. */
static int apply_addr(struct task *t, const struct tr_syscall *sc,
		      struct enforce_result *res, uint64_t slot)
{
	const struct net_access *na;
	bool mux, is32 = sc->abi == ABI_I386;
	uint64_t args[6], misc = slot + SLOT_MISC + 64, addr, len;
	int rc;

	na = policy_net_access(sc->abi, sc->nr, sc->args, &mux);
	if (!na)
		return 0;
	memcpy(args, sc->args, sizeof(args));
	if (mux) {
		uint32_t m[6];
		int k;

		if (task_read_mem(t, sc->args[1], m, sizeof(m)) != sizeof(m))
			return -EFAULT;
		for (k = 0; k < 6; k++)
			args[k] = m[k];
	}
	if (na->src == NET_ADDR_MMSGHDR) {
		/* Several messages, several addresses: the first one is sent
		 * alone, as sendmsg on a checked copy (sendmmsg may send
		 * fewer than asked; the program sends the rest again). */
		if (mux)
			return -EINVAL;	/* i386 has no sendmmsg subcall */
		if (args[na->len_arg] == 0)
			return 0;
	}
	if (na->src == NET_ADDR_ARG) {
		addr = args[na->addr_arg];
		len = args[na->len_arg];
	} else {
		rc = read_msg_name(t, args[na->addr_arg], is32, &addr, &len);
		if (rc < 0)
			return rc;
	}
	if (!addr || !res->raw_len)
		return 0;
	/* The bytes that were checked, not a second read of the memory. */
	if (task_write_mem(t, misc, res->raw_addr, res->raw_len) !=
	    (ssize_t)res->raw_len)
		return -EFAULT;
	len = res->raw_len;
	if (na->src != NET_ADDR_ARG) {
		/* msghdr, or the first mmsghdr (a msghdr and msg_len). */
		uint8_t hdr[64];
		size_t hl = na->src == NET_ADDR_MMSGHDR ? (is32 ? 32 : 64) :
			    (is32 ? 28 : 56);
		uint64_t hcopy = slot + SLOT_MISC + 256;

		if (task_read_mem(t, args[na->addr_arg], hdr, hl) != (ssize_t)hl)
			return -EFAULT;
		/* msg_name and msg_namelen: the checked copy and its size. */
		if (is32) {
			uint32_t p[2] = { (uint32_t)misc, (uint32_t)len };

			memcpy(hdr, p, sizeof(p));
		} else {
			uint32_t l = (uint32_t)len;

			memcpy(hdr, &misc, 8);
			memcpy(hdr + 8, &l, 4);
		}
		if (task_write_mem(t, hcopy, hdr, hl) != (ssize_t)hl)
			return -EFAULT;
		misc = hcopy;
	}
	if (na->src == NET_ADDR_MMSGHDR) {
		res->post.kind = POST_MMSG;
		res->post.addr = args[na->addr_arg];
		res->post.is32 = is32;
		rc = task_set_syscall_nr(t, is32 ? I386_NR_SENDMSG : SYS_sendmsg);
		if (rc == 0)
			rc = task_set_syscall_arg(t, 1, misc);
		if (rc == 0)
			rc = task_set_syscall_arg(t, 2, args[3]);
		return rc;
	}
	if (mux) {
		uint32_t m[6];
		uint64_t mcopy = slot + SLOT_MISC + 512;
		int k;

		for (k = 0; k < 6; k++)
			m[k] = (uint32_t)args[k];
		m[na->addr_arg] = (uint32_t)misc;
		if (task_write_mem(t, mcopy, m, sizeof(m)) != sizeof(m))
			return -EFAULT;
		return task_set_syscall_arg(t, 1, mcopy);
	}
	return task_set_syscall_arg(t, na->addr_arg, misc);
}

/* A path that resolved to an object with no path (a pipe reached as
 * /dev/fd/N; a deleted file): no fs rule matched it, so the call was
 * decided by the default. The kernel must still walk the program's
 * string, so it gets a copy that no thread can change; what a racing
 * dup2() can then put under that name is only a file the program holds
 * already. An open could hold it in a new mode, so the new fd is checked
 * at the exit (POST_OPEN); other writes cannot be checked afterwards and
 * are refused. */
static int apply_pathless(struct task *t, const struct tr_syscall *sc,
			  const struct fs_access *fa,
			  struct enforce_result *res, uint64_t slot)
{
	uint64_t flags = policy_fs_flags(fa, sc->args);
	size_t i;
	int rc = 0;

	if (is_open_call(fa->name)) {
		res->post.kind = POST_OPEN;
	} else {
		for (i = 0; i < res->npaths; i++)
			if (policy_fs_rights(fa, res->which[i], sc->args,
					     flags) & POLICY_FS_WRITE)
				return -EACCES;
	}
	for (i = 0; i < res->npaths && rc == 0; i++) {
		const struct fs_path_spec *sp = &fa->path[res->which[i]];
		uint64_t at = slot + (i ? SLOT_PATH1 : SLOT_PATH0);

		if (sp->src != FS_SRC_PATH || !res->raw[i])
			continue;
		rc = scratch_put_str(t, at, res->raw[i]);
		if (rc == 0)
			rc = task_set_syscall_arg(t, sp->path_arg, at);
	}
	return rc;
}

/* A chrooted task names files from its root: the checked paths, which
 * are in jail's view, are handed to it in its own. */
static int to_tracee_view(struct task *t, struct enforce_result *res)
{
	struct pathres_ctx c = { .pid = task_pid(t), .tid = task_tid(t) };
	size_t i;
	int rc;

	for (i = 0; i < res->npaths; i++) {
		if (res->paths[i][0] != '/')
			continue;
		rc = pathres_tracee_path(&c, &res->paths[i]);
		/* outside its root: reached through a dirfd or cwd left
		 * outside, the classic way out of a chroot */
		if (rc < 0)
			return rc == -EREMOTE ? -EXDEV : rc;
	}
	return 0;
}

int enforce_apply(struct enforcer *e, struct task *t,
		  const struct tr_syscall *sc, struct enforce_result *res)
{
	const struct fs_access *fa = NULL;
	uint64_t slot;
	size_t i;
	int rc = 0;

	if (res->npaths == 0 && res->naddrs == 0)
		return 0;
	slot = scratch_slot(e->tr, t);
	if (!slot)
		/* No area (before the first exec, which is jail's own child
		 * and single-threaded), or every slot taken: with the area
		 * mapped that is refused rather than left unprotected. */
		return scratch_mapped(t) ? -EAGAIN : 0;
	if (res->npaths)
		fa = policy_fs_access(sc->abi, sc->nr);
	if (fa && res->chrooted) {
		rc = to_tracee_view(t, res);
		if (rc < 0)
			return rc;
	}
	/* The kernel keeps a syscall's argument registers, and programs
	 * count on it (int $0x80 takes them in callee-saved registers):
	 * what is rewritten is put back at the exit. */
	rc = task_get_regs(t, &res->post.regs);
	if (rc < 0)
		return rc;
	/* readlink of what is not a link (realpath(3) asks it of every
	 * component: most of a compiler's checked calls) fails EINVAL; the
	 * answer as of the check, with no second walk to make safe. */
	if (fa && strncmp(fa->name, "readlink", 8) == 0 &&
	    res->paths[0][0] == '/' && res->type[0] && res->type[0] != S_IFLNK)
		return -EINVAL;
	if (fa && pathcall_takes(t, sc, fa, res->paths, res->which,
				 res->npaths))
		return pathcall_run(e->tr, t, sc, fa, res->paths, res->npaths,
				    slot, &res->post.regs);
	if (fa && is_open_call(fa->name)) {
		rc = apply_open_fast(e, t, sc, fa, res);
		if (rc <= 0)
			return rc;
		rc = 0;
	}
	res->post.restore = true;
	for (i = 0; fa && i < res->npaths; i++)
		if (res->paths[i][0] != '/')
			return apply_pathless(t, sc, fa, res, slot);
	if (fa && is_open_call(fa->name)) {
		rc = apply_open(t, sc, fa, res->paths[0], slot);
	} else if (fa) {
		for (i = 0; i < res->npaths && rc == 0; i++)
			rc = apply_path(t, sc, fa, res->which[i], res->paths[i],
					slot + (i ? SLOT_PATH1 : SLOT_PATH0));
	}
	if (rc == 0 && res->naddrs)
		rc = apply_addr(t, sc, res, slot);
	return rc;
}

#include "jail/enforce.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/openat2.h>
#include <netinet/in.h>

#include "jail/harden.h"
#include "tracer/decode.h"
#include "tracer/pathres.h"

struct enforcer {
	const struct policy *pol;
	const struct policy *base;
	struct tracer *tr;
	bool fs, net;
};

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

void enforce_destroy(struct enforcer *e)
{
	free(e);
}

void enforce_result_free(struct enforce_result *res)
{
	size_t i;

	for (i = 0; i < res->npaths; i++)
		free(res->paths[i]);
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
		       char **out)
{
	const struct fs_path_spec *sp = &fa->path[which];
	struct pathres_ctx c = { .pid = task_pid(t), .tid = task_tid(t) };
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
	free(path);
	return rc;
}

/* openat2's struct open_how: flags, mode, resolve. */
static int read_open_how(struct task *t, uint64_t addr, uint64_t how[3])
{
	return task_read_mem(t, addr, how, 3 * sizeof(*how)) ==
	       3 * sizeof(*how) ? 0 : -EFAULT;
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
		char *p = NULL;

		if (!rights)
			continue;
		rc = resolve_one(t, fa, i, sc->args, flags, scope, &p);
		if (rc == -ENXIO)	/* anonymous memory: no file */
			continue;
		if (rc < 0)
			return rc;
		res->paths[res->npaths] = p;
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
			 bool creates)
{
	struct sockaddr_storage ss;
	size_t n = len > sizeof(ss) ? sizeof(ss) : (size_t)len;

	memset(&ss, 0, sizeof(ss));
	memset(a, 0, sizeof(*a));
	if (n < sizeof(sa_family_t))
		return -EINVAL;
	if (task_read_mem(t, addr, &ss, n) != (ssize_t)n)
		return -EFAULT;
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
				   na->op == NET_BIND);
		res->naddrs++;
		if (rc < 0)
			return rc;
	}
	f->addrs = res->addrs;
	f->naddrs = res->naddrs;
	return 0;
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

int enforce_apply(struct enforcer *e, struct task *t,
		  const struct tr_syscall *sc, struct enforce_result *res)
{
	(void)e;
	(void)t;
	(void)sc;
	(void)res;
	return 0;
}

/* enforce: the tracer's side of a policy. At a syscall stop it finds out
 * what the call touches (each path resolved as the kernel will resolve
 * it, each socket address decoded), asks the policy, adds the hardening
 * baseline's own checks, and, for calls it lets through, makes the kernel
 * use what was checked. */
#ifndef JAIL_ENFORCE_H
#define JAIL_ENFORCE_H

#include <sys/types.h>
#include <sys/user.h>

#include "policy/policy.h"
#include "tracer/tracer.h"

struct enforcer;

enum { ENFORCE_MAX_ADDRS = 64 };

struct enforce_result {
	struct policy_decision d;
	/* What was found out; owned, freed by enforce_result_free. */
	char *paths[2];
	char *raw[2];		/* each path as the program wrote it */
	unsigned type[2];	/* each one's S_IFMT type; 0: to be created */
	int which[2];		/* the call's path argument each one is */
	size_t npaths;
	bool chrooted;		/* the task's root is not jail's */
	struct policy_sockaddr addrs[ENFORCE_MAX_ADDRS];
	char *unix_paths[ENFORCE_MAX_ADDRS];
	size_t naddrs;
	/* The first address's bytes as checked: what the call will get. */
	uint8_t raw_addr[128];
	size_t raw_len;
	/* A check that can only be made after the call (see post_check). */
	struct post_check {
		enum {
			POST_NONE, POST_EXEC, POST_MAP, POST_MMSG,
			POST_OPEN,	/* the fd must be a pathless object */
		} kind;
		dev_t dev;	/* the file that was checked */
		ino_t ino;
		uint64_t addr;	/* POST_MAP, mprotect: the address;
				 * POST_MMSG: the program's mmsghdr array */
		bool is32;
		/* At the exit stop, put the program's registers back (but
		 * the result): the call's arguments were rewritten. */
		bool restore;
		struct user_regs_struct regs;
	} post;
};

/* p: the user's policy; base: its baseline (both borrowed). */
int enforce_create(struct enforcer **out, const struct policy *p,
		   const struct policy *base, struct tracer *tr);
void enforce_destroy(struct enforcer *e);
/* Checked read-only opens run as fast opens where they can (see
 * jail/scratch.h); the filter must have been compiled with
 * POLICY_COMPILE_FAST_OPENS. */
void enforce_fast_opens(struct enforcer *e, bool on);
/* Whether calls are checked against copies in the scratch area
 * (jail/scratch.h): the policy checks paths or addresses. */
bool enforce_uses_scratch(const struct enforcer *e);

/* Decide the syscall t is stopped at. 0 with res filled, or -errno when
 * it could not be looked at (the caller fails the call with it). */
int enforce_syscall(struct enforcer *e, struct task *t,
		    const struct tr_syscall *sc, struct enforce_result *res);
/* The call is allowed: make it run on what was checked. 0 or -errno (the
 * caller then fails the call). */
int enforce_apply(struct enforcer *e, struct task *t,
		  const struct tr_syscall *sc, struct enforce_result *res);
void enforce_result_free(struct enforce_result *res);

/* Some calls name their file in a way another thread can change after
 * the check and before the kernel acts: a directory of exec's path
 * swapped for a symlink, mmap's descriptor dup2()ed over, the mapping
 * mprotect names replaced. For those the check is made again on what the
 * kernel really used: the new program's /proc/PID/exe at the exec event,
 * the mapping at the call's exit stop. 0 when it is the checked file,
 * -EPERM when not (the caller kills: the program already holds it). */
int enforce_post_check(struct task *t, const struct post_check *pc,
		       long ret);
/* ret for enforce_post_check at an exec event: no registers to restore. */
#define POST_AT_EXEC ((long)0x7fffffff00000000)
/* POST_OPEN: an open through a magic link (/dev/fd/N) of an object
 * with no path (a pipe): the kernel re-walked the program's string, so the
 * new fd must again be such an object, not a file dup2()ed there since. */
/* POST_MMSG is not a check: sendmmsg ran as sendmsg on the checked copy
 * (the kernel must write msg_len, which the read-only copy cannot take);
 * at its exit, msg_len goes into the program's array and the result
 * becomes sendmmsg's. */

#endif

/* audit: the syscall audit log.
 *
 * One record per line, one write(2) per record on an O_APPEND descriptor,
 * so a record is never torn or lost, even when jail is killed right after
 * the event. JSON Lines by default (schema in docs/audit.md); a text format
 * shaped like strace's output is there for people.
 */
#ifndef JAIL_AUDIT_H
#define JAIL_AUDIT_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode.h"
#include "systab.h"

struct audit;

enum audit_format {
	AUDIT_JSON,
	AUDIT_TEXT,
};

enum audit_kind {
	AUD_SYSCALL,	/* a decision on an audited syscall */
	AUD_EXEC,	/* a successful exec */
	AUD_FORK,	/* a new process or thread */
	AUD_EXIT,	/* a process or thread is gone */
	AUD_SIGNAL,	/* a signal is about to be delivered */
	AUD_ATTACH,	/* jail attached to a running process */
	AUD_DETACH,	/* jail let a process go */
	AUD_KILL,	/* jail killed the tree; .reason says why */
};

/* One event. Fields a kind does not use are ignored. Nothing here is
 * owned by the record; audit_write copies what it needs. */
struct audit_rec {
	enum audit_kind kind;
	pid_t pid;		/* thread group id */
	pid_t tid;
	const char *comm;	/* /proc/TID/comm, may be NULL */
	const char *exe;	/* /proc/PID/exe, may be NULL */

	/* AUD_SYSCALL */
	enum sc_abi abi;
	long nr;
	const struct sc_ent *ent;	/* NULL for unknown numbers */
	uint64_t args[6];
	const struct mem_reader *mem;	/* to decode paths and strings */
	bool has_ret;
	long ret;
	const char *action;	/* "allow", "log", "deny", "kill", "trap" */
	const char *rule;	/* "policy.conf:12", NULL for built-in */
	const char *tip;	/* a rule that would allow it, may be NULL */

	/* AUD_EXEC */
	const char *path;	/* the new executable */
	char *const *argv;	/* read at the exec's entry, may be NULL */
	pid_t old_tid;		/* the thread that called exec, if not tid */

	/* AUD_FORK */
	pid_t child;
	const char *how;	/* "fork", "vfork", "clone", "clone3" */
	uint64_t clone_flags;
	bool thread;

	/* AUD_EXIT: exit_status when !signaled, else term_signal */
	bool signaled;
	int exit_status;
	int term_signal;
	bool core_dumped;

	/* AUD_SIGNAL */
	const siginfo_t *si;

	/* AUD_SIGNAL, AUD_KILL, AUD_DETACH: what jail did or why */
	const char *reason;
};

/* path "-" means standard error. Opens with O_APPEND|O_CLOEXEC, creating
 * the file 0600. Returns 0 or -errno. */
int audit_open(struct audit **out, const char *path, enum audit_format fmt);
/* Returns 0, or -errno of the write (the record is then lost; the caller
 * reports it once). */
int audit_write(struct audit *a, const struct audit_rec *r);
void audit_close(struct audit *a);
/* Build the record's line without writing it (for tests); caller frees. */
char *audit_format_rec(enum audit_format fmt, const struct audit_rec *r);

#endif

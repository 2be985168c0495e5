/* systab: the syscall table, one per ABI, read by every part of jail.
 *
 * The data lives in syscalls_x86_64.h and syscalls_i386.h as X-macro lists
 * (number, name, class bits, arguments with names and types); this module
 * turns them into lookup tables. Argument names are the ones policies use
 * in conditions ("allow socket if domain == AF_UNIX").
 */
#ifndef JAIL_SYSTAB_H
#define JAIL_SYSTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xlat;

enum sc_abi {
	ABI_X86_64,
	ABI_I386,	/* 32-bit programs and int 0x80 from 64-bit ones */
	ABI_COUNT,
	ABI_UNKNOWN = ABI_COUNT,
};

/* How the decoder shows an argument and how the policy reads it. */
enum sc_argtype {
	SA_INT,		/* signed decimal */
	SA_UINT,	/* unsigned decimal */
	SA_HEX,		/* an opaque value shown in hex */
	SA_PTR,		/* an address: NULL or 0x... */
	SA_FD,		/* a file descriptor */
	SA_DIRFD,	/* a directory fd: AT_FDCWD or a number */
	SA_PATH,	/* NUL-terminated path in tracee memory */
	SA_STR,		/* NUL-terminated string in tracee memory */
	SA_BUF_IN,	/* bytes the tracee gives; length in arg .aux */
	SA_BUF_OUT,	/* bytes the kernel fills; shown as a pointer at entry */
	SA_SIZE,	/* a size or count, unsigned */
	SA_OFF,		/* a file offset, signed */
	SA_MODE,	/* permission bits, octal */
	SA_FLAGS,	/* a bit mask named by .xl */
	SA_ENUM,	/* a value named by .xl */
	SA_SIG,		/* a signal number */
	SA_PID,		/* a process or thread id */
	SA_UID,		/* a user or group id */
	SA_SOCKADDR,	/* struct sockaddr *; length in arg .aux */
	SA_ARGV,	/* NULL-terminated array of strings */
	SA_ENVP,	/* environment: shown as a count */
};

struct sc_arg {
	const char *name;
	uint8_t type;		/* enum sc_argtype */
	uint8_t aux;		/* index of the length argument, if any */
	const struct xlat *xl;	/* for SA_FLAGS and SA_ENUM */
};

/* Class bits, like strace's TRACE_* classes. */
enum {
	SC_FILE = 1u << 0,	/* takes a path */
	SC_DESC = 1u << 1,	/* takes or returns a file descriptor */
	SC_NET = 1u << 2,	/* network */
	SC_PROC = 1u << 3,	/* process lifecycle: fork, exec, exit, wait */
	SC_SIG = 1u << 4,	/* signal related */
	SC_IPC = 1u << 5,	/* SysV IPC */
	SC_MEM = 1u << 6,	/* memory mapping */
	SC_EXEC = 1u << 7,	/* execve, execveat */
};

struct sc_ent {
	const char *name;
	int nr;
	uint8_t nargs;
	uint32_t class;		/* SC_* bits */
	const struct sc_arg *args;	/* always six; past nargs zero */
};

/* NULL when the ABI has no syscall with that number or name. */
const struct sc_ent *systab_by_nr(enum sc_abi abi, long nr);
const struct sc_ent *systab_by_name(enum sc_abi abi, const char *name);
/* Iterate: i in [0, systab_count(abi)). */
size_t systab_count(enum sc_abi abi);
const struct sc_ent *systab_at(enum sc_abi abi, size_t i);
/* The argument index named name in e, or -1. Accepts "arg0".."arg5" too. */
int systab_arg_index(const struct sc_ent *e, const char *name);
/* For "did you mean": the closest syscall name in abi, or NULL. */
const char *systab_suggest(enum sc_abi abi, const char *name);

/* AUDIT_ARCH_* <-> ABI. */
enum sc_abi abi_from_audit_arch(uint32_t arch);
uint32_t abi_audit_arch(enum sc_abi abi);
const char *abi_name(enum sc_abi abi);	/* "x86_64", "i386" */

#endif

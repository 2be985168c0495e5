/* cli: jail's command line, parsed into a struct (testable without
 * running anything). main() stays tiny. */
#ifndef JAIL_CLI_H
#define JAIL_CLI_H

#include <stdbool.h>
#include <sys/types.h>

#include "tracer/audit.h"
#include "tracer/strbuf.h"

/* Exit statuses of jail itself; otherwise jail exits as its program did. */
enum jail_exit {
	JAIL_EXIT_POLICY = 2,		/* the policy file has an error */
	JAIL_EXIT_KILLED = 159,		/* a kill rule ended the tree */
	JAIL_EXIT_ERROR = 125,		/* jail failed: bad option, cannot trace */
	JAIL_EXIT_CANNOT_EXEC = 126,	/* the program exists but would not run */
	JAIL_EXIT_NOT_FOUND = 127,	/* the program was not found */
};

/* What a `trap` decision does while there is no debugger to open. */
enum on_trap {
	ON_TRAP_DENY,
	ON_TRAP_KILL,
	ON_TRAP_ALLOW,
};

enum { CLI_MAX_DEFINES = 64 };

struct cli_define {
	const char *name;
	const char *value;
};

struct cli {
	const char *audit_path;		/* -o, NULL: no audit log */
	enum audit_format audit_fmt;
	pid_t attach_pid;		/* -A, 0: launch argv */
	const char *policy_path;	/* -p */
	struct cli_define defines[CLI_MAX_DEFINES];	/* -D NAME=VALUE */
	size_t ndefines;
	bool check;			/* --check: validate and report */
	const char *dump_bpf;		/* --dump-bpf FILE */
	bool list_groups;		/* --list-groups */
	enum on_trap on_trap;		/* --on-trap */
	bool debug;			/* -g: launch or attach under the debugger */
	const char *script;		/* -x FILE: debugger commands */
	bool batch;			/* --batch: exit after the script */
	bool nx;			/* -nx: no ~/.jailrc, ./.jailrc */
	char **argv;			/* the program and its arguments */
};

enum cli_result {
	CLI_RUN,	/* run as parsed */
	CLI_EXIT_OK,	/* --help or --version printed; exit 0 */
	CLI_ERROR,	/* err holds the message; exit JAIL_EXIT_ERROR */
};

/* argv is borrowed: out->argv points into it. */
enum cli_result cli_parse(int argc, char **argv, struct cli *out,
			  struct strbuf *msg);

#endif

#include "jail/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#ifndef JAIL_VERSION
#define JAIL_VERSION "0.1.0"
#endif

static const char usage[] =
"Usage: jail [OPTIONS] [--] PROGRAM [ARGS...]\n"
"       jail [OPTIONS] -A PID\n"
"       jail --check -p POLICY [--dump-bpf FILE]\n"
"       jail --list-groups\n"
"Run PROGRAM, and every process it starts, under jail's ptrace/seccomp\n"
"engine: decide each syscall and signal by a policy, and audit it.\n"
"\n"
"Options:\n"
"  -p, --policy FILE        the policy (docs/policy.md); without one every\n"
"                           syscall is allowed and execs are audited\n"
"  -D NAME=VALUE            set ${NAME} for the policy's patterns\n"
"      --check              check the policy, show where each syscall is\n"
"                           decided, warn, print the filter; run nothing\n"
"      --dump-bpf FILE      with --check: write the raw BPF program to FILE\n"
"      --list-groups        print the @groups of syscalls and exit\n"
"      --on-trap ACTION     deny (default), kill or allow: what a `trap`\n"
"                           rule does when no debugger can open (no\n"
"                           terminal), and what `continue` does at one\n"
"  -g, --debug              run (or attach to, with -A) the program under\n"
"                           the built-in debugger, stopped at its first\n"
"                           instruction; gdb's commands (`help`)\n"
"  -x FILE                  run debugger commands from FILE first\n"
"      --batch              exit after the -x commands (like gdb -batch)\n"
"  -nx, --nx                do not read ~/.jailrc and ./.jailrc\n"
"  -o, --audit FILE         write the audit log to FILE ('-' for stderr)\n"
"      --audit-format FMT   json (JSON Lines, default) or text (strace-like)\n"
"  -A, --attach PID         trace a running process, its threads and its\n"
"                           future children (every syscall is stopped on)\n"
"  -h, --help               show this help and exit\n"
"  -V, --version            show the version and exit\n"
"\n"
"Exit status: the program's own; 128+N if it was killed by signal N;\n"
"2 if the policy has an error; 159 if a `kill` rule ended the program;\n"
"125 if jail itself failed (bad option, not permitted to trace),\n"
"126 if PROGRAM could not be run, 127 if it was not found.\n"
"\n"
"Examples:\n"
"  jail -p examples/policies/build.conf -D BUILD=$PWD/build make -j2\n"
"  jail --check -p policy.conf       # where is each syscall decided?\n"
"  jail -g -x cmds.gdb --batch ./prog   # a scripted debugger session\n"
"  jail -p policy.conf ./server      # a `trap` rule opens the debugger\n"
"  jail -o audit.jsonl make -j2      # build, logging execs, forks, exits\n"
"  jail --audit-format text -o - sh -c 'ls | wc -l'\n"
"  jail -A 1234 -o -                 # follow a running process\n";

enum {
	OPT_AUDIT_FORMAT = 256,
	OPT_CHECK,
	OPT_DUMP_BPF,
	OPT_LIST_GROUPS,
	OPT_ON_TRAP,
	OPT_BATCH,
	OPT_NX,
};

static const struct option longopts[] = {
	{ "policy", required_argument, NULL, 'p' },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "dump-bpf", required_argument, NULL, OPT_DUMP_BPF },
	{ "list-groups", no_argument, NULL, OPT_LIST_GROUPS },
	{ "on-trap", required_argument, NULL, OPT_ON_TRAP },
	{ "debug", no_argument, NULL, 'g' },
	{ "batch", no_argument, NULL, OPT_BATCH },
	{ "nx", no_argument, NULL, OPT_NX },
	{ "audit", required_argument, NULL, 'o' },
	{ "audit-format", required_argument, NULL, OPT_AUDIT_FORMAT },
	{ "attach", required_argument, NULL, 'A' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ 0 },
};

static bool parse_pid(const char *s, pid_t *out)
{
	char *end;
	long v;

	if (!*s)
		return false;
	v = strtol(s, &end, 10);
	if (*end || v <= 0 || v > 0x3fffffff)
		return false;
	*out = (pid_t)v;
	return true;
}

/* Whether option word w is followed by its argument as the next word. */
static bool takes_arg(const char *w)
{
	const struct option *o;

	if (w[1] == '\0')
		return false;
	if (w[1] != '-')	/* -p FILE, but not -pFILE */
		return w[2] == '\0' && strchr("pDoAx", w[1]);
	for (o = longopts; o->name; o++)
		if (strcmp(w + 2, o->name) == 0)
			return o->has_arg == required_argument;
	return false;
}

enum cli_result cli_parse(int argc, char **argv, struct cli *out,
			  struct strbuf *msg)
{
	int c;

	memset(out, 0, sizeof(*out));
	out->audit_fmt = AUDIT_JSON;
	optind = 1;
	opterr = 0;
	/* '+': stop at the program's name, its options are its own. */
	/* gdb spells it -nx: take it before getopt reads -n -x. */
	for (c = 1; c < argc && argv[c][0] == '-' && strcmp(argv[c], "--"); c++) {
		if (strcmp(argv[c], "-nx") == 0)
			argv[c] = (char *)"--nx";
		else if (takes_arg(argv[c]))
			c++;
	}
	while ((c = getopt_long(argc, argv, "+:p:D:o:A:gx:hV", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'g':
			out->debug = true;
			break;
		case 'x':
			out->script = optarg;
			break;
		case OPT_BATCH:
			out->batch = true;
			break;
		case OPT_NX:
			out->nx = true;
			break;
		case 'p':
			out->policy_path = optarg;
			break;
		case 'D': {
			char *eq = strchr(optarg, '=');

			if (!eq || eq == optarg) {
				sb_printf(msg, "-D: '%s' is not NAME=VALUE", optarg);
				return CLI_ERROR;
			}
			if (out->ndefines == CLI_MAX_DEFINES) {
				sb_puts(msg, "-D: too many definitions");
				return CLI_ERROR;
			}
			/* NAME ends at '=': split the argument in place. */
			*eq = '\0';
			out->defines[out->ndefines++] = (struct cli_define){
				optarg, eq + 1 };
			break;
		}
		case OPT_CHECK:
			out->check = true;
			break;
		case OPT_DUMP_BPF:
			out->dump_bpf = optarg;
			break;
		case OPT_LIST_GROUPS:
			out->list_groups = true;
			break;
		case OPT_ON_TRAP:
			if (strcmp(optarg, "deny") == 0) {
				out->on_trap = ON_TRAP_DENY;
			} else if (strcmp(optarg, "kill") == 0) {
				out->on_trap = ON_TRAP_KILL;
			} else if (strcmp(optarg, "allow") == 0) {
				out->on_trap = ON_TRAP_ALLOW;
			} else {
				sb_printf(msg, "--on-trap: '%s' is not deny, kill or allow",
					  optarg);
				return CLI_ERROR;
			}
			break;
		case 'o':
			out->audit_path = optarg;
			break;
		case OPT_AUDIT_FORMAT:
			if (strcmp(optarg, "json") == 0) {
				out->audit_fmt = AUDIT_JSON;
			} else if (strcmp(optarg, "text") == 0) {
				out->audit_fmt = AUDIT_TEXT;
			} else {
				sb_printf(msg, "--audit-format: '%s' is not json or text",
					  optarg);
				return CLI_ERROR;
			}
			break;
		case 'A':
			if (!parse_pid(optarg, &out->attach_pid)) {
				sb_printf(msg, "--attach: '%s' is not a process id",
					  optarg);
				return CLI_ERROR;
			}
			break;
		case 'h':
			sb_puts(msg, usage);
			return CLI_EXIT_OK;
		case 'V':
			sb_puts(msg, "jail " JAIL_VERSION "\n");
			return CLI_EXIT_OK;
		case ':':
			sb_printf(msg, "option '%s' needs an argument",
				  argv[optind - 1]);
			return CLI_ERROR;
		default:
			if (optopt)
				sb_printf(msg, "unknown option '-%c'", optopt);
			else
				sb_printf(msg, "unknown option '%s'",
					  argv[optind - 1]);
			sb_puts(msg, " (try 'jail --help')");
			return CLI_ERROR;
		}
	}
	out->argv = argv + optind;
	if (out->list_groups)
		return CLI_RUN;
	if ((out->check || out->dump_bpf) && !out->policy_path) {
		sb_puts(msg, "--check and --dump-bpf need a policy (-p FILE)");
		return CLI_ERROR;
	}
	if (out->check)
		return CLI_RUN;
	if (out->attach_pid && optind < argc) {
		sb_puts(msg, "--attach takes no program to run");
		return CLI_ERROR;
	}
	if (!out->attach_pid && optind >= argc) {
		sb_puts(msg, "no program to run (try 'jail --help')");
		return CLI_ERROR;
	}
	return CLI_RUN;
}

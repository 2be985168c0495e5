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
"Run PROGRAM, and every process it starts, under jail's ptrace/seccomp\n"
"engine, auditing what it does.\n"
"\n"
"Options:\n"
"  -o, --audit FILE         write the audit log to FILE ('-' for stderr)\n"
"      --audit-format FMT   json (JSON Lines, default) or text (strace-like)\n"
"  -A, --attach PID         trace a running process, its threads and its\n"
"                           future children (every syscall is stopped on)\n"
"  -h, --help               show this help and exit\n"
"  -V, --version            show the version and exit\n"
"\n"
"Exit status: the program's own; 128+N if it was killed by signal N;\n"
"125 if jail itself failed (bad option, not permitted to trace),\n"
"126 if PROGRAM could not be run, 127 if it was not found.\n"
"\n"
"Examples:\n"
"  jail -o audit.jsonl make -j2      # build, logging execs, forks, exits\n"
"  jail --audit-format text -o - sh -c 'ls | wc -l'\n"
"  jail -A 1234 -o -                 # follow a running process\n";

enum { OPT_AUDIT_FORMAT = 256 };

static const struct option longopts[] = {
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

enum cli_result cli_parse(int argc, char **argv, struct cli *out,
			  struct strbuf *msg)
{
	int c;

	memset(out, 0, sizeof(*out));
	out->audit_fmt = AUDIT_JSON;
	optind = 1;
	opterr = 0;
	/* '+': stop at the program's name, its options are its own. */
	while ((c = getopt_long(argc, argv, "+:o:A:hV", longopts, NULL)) != -1) {
		switch (c) {
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

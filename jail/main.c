#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jail/cli.h"
#include "jail/run.h"

int main(int argc, char **argv)
{
	struct strbuf msg = STRBUF_INIT;
	struct cli c;
	int code;

	switch (cli_parse(argc, argv, &c, &msg)) {
	case CLI_EXIT_OK:
		fputs(sb_str(&msg), stdout);
		code = 0;
		break;
	case CLI_ERROR:
		fprintf(stderr, "jail: %s\n", sb_str(&msg));
		code = JAIL_EXIT_ERROR;
		break;
	default:
		/* As gdb -batch -x: a missing script is an error, found
		 * before anything is started. */
		if (c.script && access(c.script, R_OK) < 0) {
			fprintf(stderr, "jail: %s: %s\n", c.script,
				strerror(errno));
			code = JAIL_EXIT_ERROR;
			break;
		}
		code = c.list_groups ? run_list_groups() :
		       c.check ? run_check(&c) :
		       c.attach_pid ? run_attach(&c) : run_launch(&c);
		break;
	}
	sb_free(&msg);
	return code;
}

/* cli_parse: options, errors and the program's own arguments. */
#include <stdarg.h>
#include "jail/cli.h"
#include "t.h"

static enum cli_result parse(struct cli *c, struct strbuf *m, int n, ...)
{
	static char *argv[16];
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		argv[i] = va_arg(ap, char *);
	argv[n] = NULL;
	va_end(ap);
	sb_reset(m);
	return cli_parse(n, argv, c, m);
}

int main(void)
{
	struct strbuf m = STRBUF_INIT;
	struct cli c;

	T_OK(parse(&c, &m, 4, "jail", "-o", "log", "true") == CLI_RUN &&
	     strcmp(c.audit_path, "log") == 0 && strcmp(c.argv[0], "true") == 0,
	     "-o FILE then the program");
	T_OK(parse(&c, &m, 5, "jail", "--audit-format", "text", "ls", "-l") ==
		     CLI_RUN && c.audit_fmt == AUDIT_TEXT &&
		     strcmp(c.argv[1], "-l") == 0,
	     "--audit-format text; the program keeps its own options");
	T_OK(parse(&c, &m, 4, "jail", "--", "-weird", "x") == CLI_RUN &&
		     strcmp(c.argv[0], "-weird") == 0,
	     "-- ends jail's options");
	T_OK(parse(&c, &m, 3, "jail", "-A", "1234") == CLI_RUN &&
		     c.attach_pid == 1234 && c.argv[0] == NULL,
	     "-A PID");
	T_OK(parse(&c, &m, 3, "jail", "-A", "12x") == CLI_ERROR &&
		     strstr(sb_str(&m), "'12x' is not a process id"),
	     "-A with a bad pid is one clear error");
	T_OK(parse(&c, &m, 4, "jail", "-A", "5", "ls") == CLI_ERROR,
	     "-A with a program is an error");
	T_OK(parse(&c, &m, 1, "jail") == CLI_ERROR &&
		     strstr(sb_str(&m), "no program to run"),
	     "no program");
	T_OK(parse(&c, &m, 3, "jail", "--audit-format", "xml") == CLI_ERROR &&
		     strstr(sb_str(&m), "'xml' is not json or text"),
	     "bad --audit-format");
	T_OK(parse(&c, &m, 3, "jail", "--bogus", "ls") == CLI_ERROR &&
		     strstr(sb_str(&m), "unknown option '--bogus'"),
	     "unknown long option named");
	T_OK(parse(&c, &m, 2, "jail", "-o") == CLI_ERROR &&
		     strstr(sb_str(&m), "needs an argument"),
	     "missing option argument");
	T_OK(parse(&c, &m, 2, "jail", "--help") == CLI_EXIT_OK &&
		     strstr(sb_str(&m), "Exit status") &&
		     strstr(sb_str(&m), "Examples"),
	     "--help documents exit statuses and shows examples");
	T_OK(parse(&c, &m, 2, "jail", "--version") == CLI_EXIT_OK &&
		     strncmp(sb_str(&m), "jail ", 5) == 0,
	     "--version");
	sb_free(&m);
	return T_DONE();
}

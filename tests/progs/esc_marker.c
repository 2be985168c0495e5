/* esc_marker: the program the hardening policies deny fs.exec of
 * (tests/policy/hardening/). If it runs, some exec got around fs.exec. It
 * says so in the escape tests' verdict protocol (tests/integ/hardening.sh:
 * one line on stdout, "ESCAPED: ..." and exit 1), so a test that execs it
 * directly needs no verdict of its own, and a test that runs it in a child
 * looks for ESCAPED-MARKER in the child's output.
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	dprintf(1, "ESCAPED: ESCAPED-MARKER: the denied program ran as pid %d"
		" (argv[0] %s, %d args)\n", getpid(), argc > 0 ? argv[0] : "",
		argc);
	return 1;
}

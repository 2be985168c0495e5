/* esc_race_addr OK_PORT DENIED_PORT [SECONDS]
 * esc_race_addr listen PORT_FILE [MARKER_FILE]
 *
 * TOCTOU on a socket address: the tracer reads connect()'s sockaddr,
 * decides, and the kernel reads it again. Thread B flips the port of one
 * shared sockaddr_in (127.0.0.1) between OK_PORT (allowed) and
 * DENIED_PORT while thread A connects with it over and over. Escaped if
 * a connection reaches DENIED_PORT (getpeername says so; the script's
 * listener there also leaves MARKER_FILE). Runs SECONDS (default 3) or
 * until 1000 escapes. SO_LINGER 0 closes with a reset: no TIME_WAIT
 * pile-up eating the ephemeral ports.
 *
 * "listen" is the script's listener: 127.0.0.1, a port of the kernel's
 * choosing written to PORT_FILE, every connection accepted and closed,
 * MARKER_FILE created (again, if the script removed it) on each. It
 * exits after 60 s at most.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* The verdict protocol of tests/integ/hardening.sh: one line on stdout,
 * then exit 1 (ESCAPED), 0 (BLOCKED), 2 (SETUP: the attempt could not be
 * made) or 3 (WRONG: stopped, but not the way jail promises). */
enum verdict { BLOCKED, ESCAPED, SETUP, WRONG };

static void __attribute__((noreturn, format(printf, 2, 3)))
verdict(enum verdict v, const char *fmt, ...)
{
	static const char *const word[] = {
		"BLOCKED", "ESCAPED", "SETUP", "WRONG",
	};
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (char *c = msg; *c; c++)	/* one line, whatever it quotes */
		if ((unsigned char)*c < ' ')
			*c = ' ';
	/* one write(2), no stdio buffer: the line survives a kill */
	dprintf(1, "%s: %s\n", word[v], msg);
	_exit(v);
}

/* "EACCES" for EACCES. */
static const char *en(int e)
{
	const char *s = strerrorname_np(e);

	return s ? s : "E?";
}

enum { ENOUGH = 1000 };

static struct sockaddr_in sa;
static in_port_t ports[2];
static int stop;

static void __attribute__((noreturn)) listener(const char *port_file,
					       const char *marker)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t alen = sizeof(a);
	char tmp[512];
	int s, c, one = 1;
	FILE *f;

	alarm(60);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one,
				sizeof(one)) < 0 ||
	    bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(s, 512) < 0 ||
	    getsockname(s, (struct sockaddr *)&a, &alen) < 0)
		verdict(SETUP, "listener: %s", en(errno));
	/* written whole, then renamed: the script never sees half */
	snprintf(tmp, sizeof(tmp), "%s.tmp", port_file);
	f = fopen(tmp, "w");
	if (!f || fprintf(f, "%d\n", ntohs(a.sin_port)) < 0 || fclose(f) ||
	    rename(tmp, port_file) < 0)
		verdict(SETUP, "listener: writing %s: %s", port_file,
			en(errno));
	for (;;) {
		c = accept(s, NULL, NULL);
		if (c < 0)
			continue;
		if (marker)
			close(open(marker, O_WRONLY | O_CREAT, 0644));
		close(c);
	}
}

static void *flipper(void *arg)
{
	unsigned i = 0;

	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		i ^= 1;
		__atomic_store_n(&sa.sin_port, ports[i], __ATOMIC_RELAXED);
	}
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	unsigned long tries = 0, ok = 0, escapes = 0, denied = 0;
	double secs = argc > 3 ? atof(argv[3]) : 3, end;
	struct linger lg = { 1, 0 };
	struct sockaddr_in peer;
	int last_err = 0, s, rc;
	socklen_t plen;
	pthread_t t;

	if (argc >= 3 && strcmp(argv[1], "listen") == 0)
		listener(argv[2], argc > 3 ? argv[3] : NULL);
	if (argc < 3 || argc > 4)
		verdict(SETUP, "usage: esc_race_addr OK_PORT DENIED_PORT "
			"[SECONDS] | listen PORT_FILE [MARKER]");
	ports[0] = htons((in_port_t)atoi(argv[1]));
	ports[1] = htons((in_port_t)atoi(argv[2]));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = ports[0];
	rc = pthread_create(&t, NULL, flipper, NULL);
	if (rc)
		verdict(SETUP, "pthread_create: %s", en(rc));
	end = now() + secs;
	while (escapes < ENOUGH && now() < end) {
		s = socket(AF_INET, SOCK_STREAM, 0);
		if (s < 0) {
			__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
			verdict(SETUP, "socket: %s", en(errno));
		}
		setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
		tries++;
		if (connect(s, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
			denied++;
			last_err = errno;
			close(s);
			continue;
		}
		plen = sizeof(peer);
		if (getpeername(s, (struct sockaddr *)&peer, &plen) == 0 &&
		    peer.sin_port == ports[1])
			escapes++;
		else
			ok++;
		close(s);
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(t, NULL);
	if (escapes)
		verdict(ESCAPED, "%lu of %lu connects reached port %s (%lu "
			"the allowed one, %lu refused)", escapes, tries,
			argv[2], ok, denied);
	if (!ok)
		verdict(SETUP, "no connect to port %s succeeded in %lu tries "
			"(last error %s)", argv[1], tries, en(last_err));
	verdict(BLOCKED, "%lu connects, %lu to port %s, %lu refused (%s), "
		"none to port %s", tries, ok, argv[1], denied,
		denied ? en(last_err) : "-", argv[2]);
}

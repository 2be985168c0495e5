/* esc_race_addr MODE OK_PORT DENIED_PORT [SECONDS]
 * esc_race_addr listen PORT_FILE [MARKER_FILE]
 *
 * TOCTOU on a socket address: the tracer reads the address a call sends
 * to, decides, and the kernel reads it again. Thread B flips the port of
 * one shared sockaddr_in (127.0.0.1) between OK_PORT (allowed) and
 * DENIED_PORT while thread A uses it over and over:
 *
 *   connect   TCP connect(); escaped when getpeername says DENIED_PORT
 *   sendto    UDP sendto() with the address in a register
 *   sendmsg   UDP sendmsg(), the address behind msg_name in a msghdr
 *   sendmmsg  UDP sendmmsg() of one message, the same in an mmsghdr
 *
 * For UDP the listener echoes each datagram: a reply from DENIED_PORT
 * means a datagram got there. The script's listener on DENIED_PORT also
 * leaves MARKER_FILE. Runs SECONDS (default 3) or until 1000 escapes.
 * SO_LINGER 0 closes TCP with a reset: no TIME_WAIT pile-up eating the
 * ephemeral ports.
 *
 * "listen" is the script's listener: 127.0.0.1, TCP and UDP on one port
 * of the kernel's choosing, written to PORT_FILE; every connection is
 * accepted and closed, every datagram sent back, and MARKER_FILE created
 * (again, if the script removed it) for each. It exits after 60 s.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "esc.h"

enum { ENOUGH = 1000 };

enum mode { CONNECT, SENDTO, SENDMSG, SENDMMSG };

static const char *const mode_names[] = {
	"connect", "sendto", "sendmsg", "sendmmsg",
};

static struct sockaddr_in sa;
static in_port_t ports[2];
static int stop;

/* 127.0.0.1, TCP and UDP on the same port. */
static void __attribute__((noreturn)) listener(const char *port_file,
					       const char *marker)
{
	struct sockaddr_in a = { .sin_family = AF_INET }, from;
	socklen_t alen = sizeof(a), flen;
	struct pollfd pfd[2];
	char tmp[512], buf[64];
	int one = 1, c, i;
	ssize_t n;
	FILE *f;

	alarm(60);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	pfd[0].fd = socket(AF_INET, SOCK_STREAM, 0);
	pfd[1].fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (pfd[0].fd < 0 || pfd[1].fd < 0 ||
	    setsockopt(pfd[0].fd, SOL_SOCKET, SO_REUSEADDR, &one,
		       sizeof(one)) < 0 ||
	    bind(pfd[0].fd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(pfd[0].fd, 512) < 0 ||
	    getsockname(pfd[0].fd, (struct sockaddr *)&a, &alen) < 0 ||
	    bind(pfd[1].fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		verdict(SETUP, "listener: %s", en(errno));
	/* written whole, then renamed: the script never sees half */
	snprintf(tmp, sizeof(tmp), "%s.tmp", port_file);
	f = fopen(tmp, "w");
	if (!f || fprintf(f, "%d\n", ntohs(a.sin_port)) < 0 || fclose(f) ||
	    rename(tmp, port_file) < 0)
		verdict(SETUP, "listener: writing %s: %s", port_file,
			en(errno));
	pfd[0].events = pfd[1].events = POLLIN;
	for (;;) {
		if (poll(pfd, 2, -1) < 0)
			continue;
		for (i = 0; i < 2; i++) {
			if (!(pfd[i].revents & POLLIN))
				continue;
			if (marker)
				close(open(marker, O_WRONLY | O_CREAT, 0644));
			if (i == 0) {
				c = accept(pfd[0].fd, NULL, NULL);
				if (c >= 0)
					close(c);
				continue;
			}
			flen = sizeof(from);
			n = recvfrom(pfd[1].fd, buf, sizeof(buf), 0,
				     (struct sockaddr *)&from, &flen);
			if (n >= 0)
				sendto(pfd[1].fd, buf, (size_t)n, 0,
				       (struct sockaddr *)&from, flen);
		}
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

struct tally {
	unsigned long tries, ok, escapes, refused;
	int last_err;
};

/* One TCP connect. */
static void try_connect(struct tally *t)
{
	struct linger lg = { 1, 0 };
	struct sockaddr_in peer;
	socklen_t plen = sizeof(peer);
	int s;

	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0) {
		__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
		verdict(SETUP, "socket: %s", en(errno));
	}
	setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	t->tries++;
	if (connect(s, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		t->refused++;
		t->last_err = errno;
	} else if (getpeername(s, (struct sockaddr *)&peer, &plen) == 0 &&
		   peer.sin_port == ports[1]) {
		t->escapes++;
	} else {
		t->ok++;
	}
	close(s);
}

/* Count the echoes waiting on s: from DENIED_PORT, an escape. */
static void drain(int s, struct tally *t)
{
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	char buf[64];

	while (recvfrom(s, buf, sizeof(buf), MSG_DONTWAIT,
			(struct sockaddr *)&from, &flen) >= 0) {
		if (from.sin_port == ports[1])
			t->escapes++;
		else
			t->ok++;
		flen = sizeof(from);
	}
}

/* One UDP datagram the way mode says. */
static void try_send(int s, enum mode m, struct tally *t)
{
	static char data[] = "esc_race_addr";
	struct iovec iov = { data, sizeof(data) };
	struct mmsghdr mm;
	long r;

	memset(&mm, 0, sizeof(mm));
	mm.msg_hdr.msg_name = &sa;
	mm.msg_hdr.msg_namelen = sizeof(sa);
	mm.msg_hdr.msg_iov = &iov;
	mm.msg_hdr.msg_iovlen = 1;
	t->tries++;
	if (m == SENDTO)
		r = sendto(s, data, sizeof(data), 0, (struct sockaddr *)&sa,
			   sizeof(sa));
	else if (m == SENDMSG)
		r = sendmsg(s, &mm.msg_hdr, 0);
	else
		r = sendmmsg(s, &mm, 1, 0) == 1 ? 0 : -1;
	if (r < 0) {
		t->refused++;
		t->last_err = errno;
	}
	drain(s, t);
}

int main(int argc, char **argv)
{
	double secs = argc > 4 ? atof(argv[4]) : 3, end;
	struct tally t = { 0 };
	enum mode m;
	pthread_t th;
	int s = -1, rc;

	if (argc >= 3 && strcmp(argv[1], "listen") == 0)
		listener(argv[2], argc > 3 ? argv[3] : NULL);
	for (m = CONNECT; m <= SENDMMSG; m++)
		if (argc > 1 && strcmp(argv[1], mode_names[m]) == 0)
			break;
	if (argc < 4 || argc > 5 || m > SENDMMSG)
		verdict(SETUP, "usage: esc_race_addr connect|sendto|sendmsg|"
			"sendmmsg OK_PORT DENIED_PORT [SECONDS] | "
			"listen PORT_FILE [MARKER]");
	ports[0] = htons((in_port_t)atoi(argv[2]));
	ports[1] = htons((in_port_t)atoi(argv[3]));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = ports[0];
	if (m != CONNECT) {
		s = socket(AF_INET, SOCK_DGRAM, 0);
		if (s < 0)
			verdict(SETUP, "socket: %s", en(errno));
	}
	rc = pthread_create(&th, NULL, flipper, NULL);
	if (rc)
		verdict(SETUP, "pthread_create: %s", en(rc));
	end = now() + secs;
	while (t.escapes < ENOUGH && now() < end) {
		if (m == CONNECT)
			try_connect(&t);
		else
			try_send(s, m, &t);
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(th, NULL);
	if (m != CONNECT) {
		usleep(100000);		/* the last echoes */
		drain(s, &t);
	}
	if (t.escapes)
		verdict(ESCAPED, "%s: %lu of %lu reached port %s (%lu the "
			"allowed one, %lu refused)", argv[1], t.escapes,
			t.tries, argv[3], t.ok, t.refused);
	if (!t.ok)
		verdict(SETUP, "%s: nothing reached port %s in %lu tries "
			"(last error %s)", argv[1], argv[2], t.tries,
			en(t.last_err));
	verdict(BLOCKED, "%s: %lu tries, %lu reached port %s, %lu refused "
		"(%s), none port %s", argv[1], t.tries, t.ok, argv[2],
		t.refused, t.refused ? en(t.last_err) : "-", argv[3]);
}

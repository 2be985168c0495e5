/* sendmmsg of two datagrams to a UDP socket on loopback: prints what the
 * call returned, each msg_len, and what arrived. Under a policy with
 * net.* rules jail sends one checked message per call: the program must
 * see a correct partial result and send the rest again. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t al = sizeof(a);
	struct mmsghdr m[2];
	struct iovec iov[2] = { { "first", 5 }, { "second", 6 } };
	int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
	int sent = 0, n, i;
	char buf[16];

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(r, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    getsockname(r, (struct sockaddr *)&a, &al) < 0)
		return 2;
	memset(m, 0, sizeof(m));
	for (i = 0; i < 2; i++) {
		m[i].msg_hdr.msg_name = &a;
		m[i].msg_hdr.msg_namelen = sizeof(a);
		m[i].msg_hdr.msg_iov = &iov[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	while (sent < 2) {
		n = sendmmsg(s, m + sent, 2 - sent, 0);
		if (n <= 0) {
			perror("sendmmsg");
			return 1;
		}
		for (i = sent; i < sent + n; i++)
			if (m[i].msg_len != iov[i].iov_len) {
				printf("msg_len %u, want %zu\n", m[i].msg_len,
				       iov[i].iov_len);
				return 1;
			}
		sent += n;
	}
	for (i = 0; i < 2; i++) {
		n = (int)recv(r, buf, sizeof(buf) - 1, 0);
		buf[n < 0 ? 0 : n] = '\0';
		printf("got %s\n", buf);
	}
	return 0;
}

/* mux: i386's multiplexed syscalls, socketcall(2) and ipc(2).
 *
 * 32-bit programs reach the socket and SysV IPC calls through these two
 * (glibc for i386 still uses socketcall), so a rule on "connect" must also
 * see socketcall(SYS_CONNECT, args). Each subcall gets a key of its own
 * (KEY_SOCK_BASE + call, KEY_IPC_BASE + call) next to the syscall numbers.
 */
#include "policy/policy_int.h"

#include <assert.h>
#include <pthread.h>
#include <string.h>

/* linux/net.h SYS_* */
static const char *const sock_calls[] = {
	[1] = "socket", [2] = "bind", [3] = "connect", [4] = "listen",
	[5] = "accept", [6] = "getsockname", [7] = "getpeername",
	[8] = "socketpair", [9] = "send", [10] = "recv", [11] = "sendto",
	[12] = "recvfrom", [13] = "shutdown", [14] = "setsockopt",
	[15] = "getsockopt", [16] = "sendmsg", [17] = "recvmsg",
	[18] = "accept4", [19] = "recvmmsg", [20] = "sendmmsg",
};

/* linux/ipc.h, and where ipc(call, first, second, third, ptr, fifth)
 * keeps each argument of the direct call (ipc/syscall.c): 1 first,
 * 2 second, 3 third, 4 ptr, 5 fifth; -1 in memory. */
struct ipc_call {
	const char *name;
	int8_t map[6];
};

static const struct ipc_call ipc_calls[] = {
	[1] = { "semop", { 1, 4, 2, -1, -1, -1 } },
	[2] = { "semget", { 1, 2, 3, -1, -1, -1 } },
	[3] = { "semctl", { 1, 2, 3, -1, -1, -1 } },
	[4] = { "semtimedop", { 1, 4, 2, 5, -1, -1 } },
	[11] = { "msgsnd", { 1, 4, 2, 3, -1, -1 } },
	[12] = { "msgrcv", { 1, -1, 2, -1, 3, -1 } },
	[13] = { "msgget", { 1, 2, -1, -1, -1, -1 } },
	[14] = { "msgctl", { 1, 2, 4, -1, -1, -1 } },
	[21] = { "shmat", { 1, 4, 2, -1, -1, -1 } },
	[22] = { "shmdt", { 4, -1, -1, -1, -1, -1 } },
	[23] = { "shmget", { 1, 2, 3, -1, -1, -1 } },
	[24] = { "shmctl", { 1, 2, 4, -1, -1, -1 } },
};

static_assert(ARRAY_SIZE(sock_calls) <= 32, "socketcall keys overflow");
static_assert(ARRAY_SIZE(ipc_calls) <= 32, "ipc keys overflow");

int mux_sock_call(const char *name)
{
	size_t i;

	for (i = 1; i < ARRAY_SIZE(sock_calls); i++)
		if (strcmp(sock_calls[i], name) == 0)
			return (int)i;
	return -1;
}

const char *mux_sock_name(int call)
{
	if (call < 1 || (size_t)call >= ARRAY_SIZE(sock_calls))
		return NULL;
	return sock_calls[call];
}

int mux_ipc_call(const char *name)
{
	size_t i;

	for (i = 1; i < ARRAY_SIZE(ipc_calls); i++)
		if (ipc_calls[i].name && strcmp(ipc_calls[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *mux_ipc_name(int call)
{
	if (call < 1 || (size_t)call >= ARRAY_SIZE(ipc_calls))
		return NULL;
	return ipc_calls[call].name;
}

const int8_t *mux_ipc_argmap(int call)
{
	if (!mux_ipc_name(call))
		return NULL;
	return ipc_calls[call].map;
}

/* Which family each i386 syscall number belongs to as a direct call
 * (connect is 362, a socketcall subcall too): found by name once, since
 * the compiler asks for every key of every policy it compiles. */
enum { FAM_NONE, FAM_SOCK, FAM_IPC };
static uint8_t direct[KEY_NR_MAX];
static pthread_once_t direct_once = PTHREAD_ONCE_INIT;

int key_nr(enum sc_abi abi, const char *name)
{
	const struct sc_ent *e = name ? systab_by_name(abi, name) : NULL;

	return e && e->nr >= 0 && e->nr < KEY_NR_MAX ? e->nr : -1;
}

static void direct_build(void)
{
	size_t i;
	int k;

	for (i = 1; i < ARRAY_SIZE(sock_calls); i++)
		if ((k = key_nr(ABI_I386, sock_calls[i])) >= 0)
			direct[k] = FAM_SOCK;
	for (i = 1; i < ARRAY_SIZE(ipc_calls); i++)
		if ((k = key_nr(ABI_I386, ipc_calls[i].name)) >= 0)
			direct[k] = FAM_IPC;
}

bool mux_family(enum sc_abi abi, unsigned k, bool *is_ipc)
{

	if (abi != ABI_I386)
		return false;
	*is_ipc = false;
	if (k == I386_NR_SOCKETCALL ||
	    (k > KEY_SOCK_BASE && k < KEY_SOCK_BASE + ARRAY_SIZE(sock_calls)))
		return true;
	*is_ipc = true;
	if (k == I386_NR_IPC ||
	    (k > KEY_IPC_BASE && k < KEY_IPC_BASE + ARRAY_SIZE(ipc_calls) &&
	     ipc_calls[k - KEY_IPC_BASE].name))
		return true;
	if (k >= KEY_NR_MAX)
		return false;
	pthread_once(&direct_once, direct_build);
	*is_ipc = direct[k] == FAM_IPC;
	return direct[k] != FAM_NONE;
}

const char *key_name(enum sc_abi abi, unsigned k)
{
	const struct sc_ent *e;

	if (k < KEY_NR_MAX) {
		e = systab_by_nr(abi, k);
		return e ? e->name : NULL;
	}
	if (abi != ABI_I386)
		return NULL;
	if (k < KEY_IPC_BASE)
		return mux_sock_name((int)(k - KEY_SOCK_BASE));
	return mux_ipc_name((int)(k - KEY_IPC_BASE));
}

const struct sc_ent *key_ent(enum sc_abi abi, unsigned k)
{
	const struct sc_ent *e;
	const char *name;

	if (k < KEY_NR_MAX)
		return systab_by_nr(abi, k);
	name = key_name(abi, k);
	if (!name)
		return NULL;
	/* a subcall's arguments are the direct syscall's, on whichever ABI
	 * has one (x86_64 has accept, i386 only accept4) */
	e = systab_by_name(ABI_I386, name);
	return e ? e : systab_by_name(ABI_X86_64, name);
}

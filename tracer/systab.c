/* systab: lookup tables built from the X-macro syscall lists.
 *
 * syscalls_x86_64.h and syscalls_i386.h are the data; this file expands
 * them several times: into the entry arrays (in number order), into an
 * enum of entry indices (a duplicate name is a redeclaration error), and
 * into number-indexed arrays for O(1) lookup (a duplicate number is an
 * -Woverride-init error). Name lookup is a binary search over a sorted
 * index built once.
 *
 * i386 entries written SAME()/LIKE() borrow the argument list, class and
 * argument count of an x86_64 entry: they point at its list, and take the
 * rest from constants made from the x86_64 file (a name it lacks fails to
 * compile).
 */
#include "systab.h"
#include "xlat.h"
#include "xlat_tables.h"

#include <assert.h>
#include <linux/audit.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- The argument vocabulary of the data files ---- */

#define ARG(n, t, a, x) { .name = n, .type = t, .aux = a, .xl = x }
#define INT(n) ARG(#n, SA_INT, 0, NULL)
#define UINT(n) ARG(#n, SA_UINT, 0, NULL)
#define HEX(n) ARG(#n, SA_HEX, 0, NULL)
#define PTR(n) ARG(#n, SA_PTR, 0, NULL)
#define FD(n) ARG(#n, SA_FD, 0, NULL)
#define DIRFD(n) ARG(#n, SA_DIRFD, 0, &xlat_at_dirfd)
#define PATH(n) ARG(#n, SA_PATH, 0, NULL)
#define STR(n) ARG(#n, SA_STR, 0, NULL)
#define BUFIN(n, len) ARG(#n, SA_BUF_IN, len, NULL)
#define BUFOUT(n) ARG(#n, SA_BUF_OUT, 0, NULL)
#define SIZE(n) ARG(#n, SA_SIZE, 0, NULL)
#define OFF(n) ARG(#n, SA_OFF, 0, NULL)
#define MODE(n) ARG(#n, SA_MODE, 0, NULL)
#define FLAGS(n, t) ARG(#n, SA_FLAGS, 0, &xlat_##t)
#define ENUM(n, t) ARG(#n, SA_ENUM, 0, &xlat_##t)
#define SIGNO(n) ARG(#n, SA_SIG, 0, &xlat_signal)
#define PID(n) ARG(#n, SA_PID, 0, NULL)
#define UID(n) ARG(#n, SA_UID, 0, NULL)
#define SOCKADDR(n, len) ARG(#n, SA_SOCKADDR, len, NULL)
#define ARGV(n) ARG(#n, SA_ARGV, 0, NULL)
#define ENVP(n) ARG(#n, SA_ENVP, 0, NULL)
#define RAW ARG(NULL, SA_HEX, 0, NULL)

/* The number of arguments given to an entry; 0 for none (GNU C accepts the
 * empty compound literal). More than six fails to compile: "excess
 * elements in array initializer" under -Werror. */
#define NARGS(...) \
	(sizeof((struct sc_arg[]){ __VA_ARGS__ }) / sizeof(struct sc_arg))

/* An entry points at its argument list, an array of six (the unused
 * ones zero): an i386 entry written SAME()/LIKE() points at its x86_64
 * twin's. The tables hold pointers, so jail's loader writes (and the
 * kernel copies) every page of them at each start: a list shared, not
 * copied, is pages fewer. */
#define ENTRY(nr_, name_, class_, nargs_, args_)                          \
	{ .name = #name_, .nr = nr_, .class = class_, .nargs = nargs_,     \
	  .args = args_ },

static_assert(SA_ENVP <= UINT8_MAX, "sc_arg.type is a uint8_t");

/* ---- x86_64 ---- */

#define SYSCALL(nr_, name_, class_, ...)                                   \
	static const struct sc_arg x64_args_##name_[6] = { __VA_ARGS__ };
#include "syscalls_x86_64.h"
#undef SYSCALL

/* Class and argument count by name, as constants: what SAME()/LIKE()
 * borrow (a name x86_64 lacks fails to compile). */
#define SYSCALL(nr_, name_, class_, ...)                                   \
	X64_CLASS_##name_ = (class_), X64_NARGS_##name_ = NARGS(__VA_ARGS__),
enum {
#include "syscalls_x86_64.h"
};
#undef SYSCALL

#define SYSCALL(nr_, name_, class_, ...)                                   \
	ENTRY(nr_, name_, class_, NARGS(__VA_ARGS__), x64_args_##name_)
static const struct sc_ent x64_ents[] = {
#include "syscalls_x86_64.h"
};
#undef SYSCALL

#define SYSCALL(nr_, name_, ...) X64I_##name_,
enum x64_index {
#include "syscalls_x86_64.h"
	X64_COUNT
};
#undef SYSCALL

#define SYSCALL(nr_, name_, ...) [nr_] = X64I_##name_ + 1,
static const uint16_t x64_by_nr[] = {
#include "syscalls_x86_64.h"
};
#undef SYSCALL

static_assert(ARRAY_SIZE(x64_ents) == X64_COUNT, "one entry per syscall");
static_assert(ARRAY_SIZE(x64_by_nr) < 1024, "numbers stay below 1024");

/* ---- i386 ---- */

/* The argument lists written out (i386-only calls, other signatures). */
#define SYSCALL(nr_, name_, class_, ...)                                   \
	static const struct sc_arg i386_args_##name_[6] = { __VA_ARGS__ };
#define SAME(nr_, name_)
#define LIKE(nr_, name_, x64_)
#include "syscalls_i386.h"
#undef SYSCALL
#undef SAME
#undef LIKE

#define SYSCALL(nr_, name_, class_, ...)                                   \
	ENTRY(nr_, name_, class_, NARGS(__VA_ARGS__), i386_args_##name_)
#define SAME(nr_, name_)                                                   \
	ENTRY(nr_, name_, X64_CLASS_##name_, X64_NARGS_##name_,             \
	      x64_args_##name_)
#define LIKE(nr_, name_, x64_)                                             \
	ENTRY(nr_, name_, X64_CLASS_##x64_, X64_NARGS_##x64_, x64_args_##x64_)
static const struct sc_ent i386_ents[] = {
#include "syscalls_i386.h"
};
#undef SYSCALL
#undef SAME
#undef LIKE

#define SYSCALL(nr_, name_, ...) I386I_##name_,
#define SAME(nr_, name_) I386I_##name_,
#define LIKE(nr_, name_, x64_) I386I_##name_,
enum i386_index {
#include "syscalls_i386.h"
	I386_COUNT
};
#undef SYSCALL
#undef SAME
#undef LIKE

#define SYSCALL(nr_, name_, ...) [nr_] = I386I_##name_ + 1,
#define SAME(nr_, name_) [nr_] = I386I_##name_ + 1,
#define LIKE(nr_, name_, x64_) [nr_] = I386I_##name_ + 1,
static const uint16_t i386_by_nr[] = {
#include "syscalls_i386.h"
};
#undef SYSCALL
#undef SAME
#undef LIKE

static_assert(ARRAY_SIZE(i386_ents) == I386_COUNT, "one entry per syscall");
static_assert(ARRAY_SIZE(i386_by_nr) < 1024, "numbers stay below 1024");

#undef ARG
#undef INT
#undef UINT
#undef HEX
#undef PTR
#undef FD
#undef DIRFD
#undef PATH
#undef STR
#undef BUFIN
#undef BUFOUT
#undef SIZE
#undef OFF
#undef MODE
#undef FLAGS
#undef ENUM
#undef SIGNO
#undef PID
#undef UID
#undef SOCKADDR
#undef ARGV
#undef ENVP
#undef RAW

/* ---- Per-ABI view ---- */

struct abi_tab {
	const char *name;
	uint32_t audit_arch;
	const struct sc_ent *ents;
	size_t n;
	const uint16_t *by_nr;
	size_t nr_max;		/* entries in by_nr */
	uint16_t *by_name;	/* NAME_SLOTS: index into ents + 1, 0: empty */
};

/* A name's slot: an open-addressing hash, at most half full. Built at the
 * first lookup; sorting the names instead cost a tenth of jail's
 * start-up instructions. */
enum { NAME_SLOTS = 1024 };
static_assert(2 * X64_COUNT <= NAME_SLOTS && 2 * I386_COUNT <= NAME_SLOTS,
	      "the name hash stays at most half full");
static uint16_t x64_by_name[NAME_SLOTS];
static uint16_t i386_by_name[NAME_SLOTS];

static struct abi_tab abis[ABI_COUNT] = {
	[ABI_X86_64] = { "x86_64", AUDIT_ARCH_X86_64, x64_ents, X64_COUNT,
			 x64_by_nr, ARRAY_SIZE(x64_by_nr), x64_by_name },
	[ABI_I386] = { "i386", AUDIT_ARCH_I386, i386_ents, I386_COUNT,
		       i386_by_nr, ARRAY_SIZE(i386_by_nr), i386_by_name },
};

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static unsigned name_slot(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h & (NAME_SLOTS - 1);
}

static void systab_build(void)
{
	size_t i, a;
	unsigned h;

	for (a = 0; a < ABI_COUNT; a++)
		for (i = 0; i < abis[a].n; i++) {
			h = name_slot(abis[a].ents[i].name);
			while (abis[a].by_name[h])
				h = (h + 1) & (NAME_SLOTS - 1);
			abis[a].by_name[h] = (uint16_t)(i + 1);
		}
}

static const struct abi_tab *abi_tab(enum sc_abi abi)
{
	if ((unsigned)abi >= ABI_COUNT)
		return NULL;
	pthread_once(&init_once, systab_build);
	return &abis[abi];
}

const struct sc_ent *systab_by_nr(enum sc_abi abi, long nr)
{
	const struct abi_tab *t = abi_tab(abi);
	uint16_t i;

	if (!t || nr < 0 || (unsigned long)nr >= t->nr_max)
		return NULL;
	i = t->by_nr[nr];
	return i ? &t->ents[i - 1] : NULL;
}

const struct sc_ent *systab_by_name(enum sc_abi abi, const char *name)
{
	const struct abi_tab *t = abi_tab(abi);
	unsigned h;

	if (!t || !name)
		return NULL;
	for (h = name_slot(name); t->by_name[h]; h = (h + 1) & (NAME_SLOTS - 1))
		if (strcmp(name, t->ents[t->by_name[h] - 1].name) == 0)
			return &t->ents[t->by_name[h] - 1];
	return NULL;
}

size_t systab_count(enum sc_abi abi)
{
	const struct abi_tab *t = abi_tab(abi);

	return t ? t->n : 0;
}

const struct sc_ent *systab_at(enum sc_abi abi, size_t i)
{
	const struct abi_tab *t = abi_tab(abi);

	if (!t || i >= t->n)
		return NULL;
	return &t->ents[i];
}

int systab_arg_index(const struct sc_ent *e, const char *name)
{
	int i;

	if (!e || !name)
		return -1;
	for (i = 0; i < e->nargs && i < 6; i++)
		if (e->args[i].name && strcmp(e->args[i].name, name) == 0)
			return i;
	if (strncmp(name, "arg", 3) == 0 && name[3] >= '0' && name[3] <= '5' &&
	    name[4] == '\0')
		return name[3] - '0';
	return -1;
}

const char *systab_suggest(enum sc_abi abi, const char *name)
{
	const struct abi_tab *t = abi_tab(abi);
	size_t cap, best = SIZE_MAX, i, d;
	const char *found = NULL;

	if (!t || !name)
		return NULL;
	cap = xlat_suggest_cap(name);
	for (i = 0; i < t->n; i++) {
		d = xlat_edit_distance(name, t->ents[i].name, cap);
		if (d < best) {
			best = d;
			found = t->ents[i].name;
		}
	}
	return found;
}

enum sc_abi abi_from_audit_arch(uint32_t arch)
{
	size_t a;

	for (a = 0; a < ABI_COUNT; a++)
		if (abis[a].audit_arch == arch)
			return (enum sc_abi)a;
	return ABI_UNKNOWN;
}

uint32_t abi_audit_arch(enum sc_abi abi)
{
	return (unsigned)abi < ABI_COUNT ? abis[abi].audit_arch : 0;
}

const char *abi_name(enum sc_abi abi)
{
	return (unsigned)abi < ABI_COUNT ? abis[abi].name : "unknown";
}

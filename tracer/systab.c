/* systab: lookup tables over the X-macro syscall lists (stub, being filled). */
#include "systab.h"

#include <linux/audit.h>
#include <string.h>

const struct sc_ent *systab_by_nr(enum sc_abi abi, long nr)
{
	(void)abi, (void)nr;
	return NULL;
}

const struct sc_ent *systab_by_name(enum sc_abi abi, const char *name)
{
	(void)abi, (void)name;
	return NULL;
}

size_t systab_count(enum sc_abi abi)
{
	(void)abi;
	return 0;
}

const struct sc_ent *systab_at(enum sc_abi abi, size_t i)
{
	(void)abi, (void)i;
	return NULL;
}

int systab_arg_index(const struct sc_ent *e, const char *name)
{
	int i;

	if (!e || !name)
		return -1;
	for (i = 0; i < e->nargs; i++)
		if (e->args[i].name && strcmp(e->args[i].name, name) == 0)
			return i;
	if (strncmp(name, "arg", 3) == 0 && name[3] >= '0' && name[3] <= '5' &&
	    name[4] == '\0')
		return name[3] - '0';
	return -1;
}

const char *systab_suggest(enum sc_abi abi, const char *name)
{
	(void)abi, (void)name;
	return NULL;
}

enum sc_abi abi_from_audit_arch(uint32_t arch)
{
	switch (arch) {
	case AUDIT_ARCH_X86_64:
		return ABI_X86_64;
	case AUDIT_ARCH_I386:
		return ABI_I386;
	}
	return ABI_UNKNOWN;
}

uint32_t abi_audit_arch(enum sc_abi abi)
{
	switch (abi) {
	case ABI_X86_64:
		return AUDIT_ARCH_X86_64;
	case ABI_I386:
		return AUDIT_ARCH_I386;
	default:
		return 0;
	}
}

const char *abi_name(enum sc_abi abi)
{
	switch (abi) {
	case ABI_X86_64:
		return "x86_64";
	case ABI_I386:
		return "i386";
	default:
		return "unknown";
	}
}

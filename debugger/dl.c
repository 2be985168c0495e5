/* dl: the debugger's libraries, opened on first use (see dl.h). */
#define DL_NO_REDIRECT
#include "debugger/dl.h"

#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The sonames the build linked against (Makefile); these are Debian 12's. */
#ifndef DL_SONAME_CAPSTONE
#define DL_SONAME_CAPSTONE "libcapstone.so.4"
#endif
#ifndef DL_SONAME_ELF
#define DL_SONAME_ELF "libelf.so.1"
#endif
#ifndef DL_SONAME_EDIT
#define DL_SONAME_EDIT "libedit.so.2"
#endif

struct dl_capstone dl_capstone;
struct dl_elf dl_elf;
struct dl_edit dl_edit;

struct dl_sym {
	const char *name;
	size_t off;		/* of its pointer in the table */
};

#define DL_SYM(table, fn) { #fn, offsetof(struct table, fn) },
static const struct dl_sym capstone_syms[] = { DL_CAPSTONE_FUNCS(DL_SYM) };
static const struct dl_sym elf_syms[] = { DL_ELF_FUNCS(DL_SYM) };
static const struct dl_sym edit_syms[] = { DL_EDIT_FUNCS(DL_SYM) };
#undef DL_SYM

#define N(a) (sizeof(a) / sizeof(*(a)))

static const struct {
	const char *soname;
	void *table;
	size_t size;
	const struct dl_sym *syms;
	size_t nsyms;
} libs[DL_NLIBS] = {
	[DL_CAPSTONE] = { DL_SONAME_CAPSTONE, &dl_capstone,
			  sizeof(dl_capstone), capstone_syms,
			  N(capstone_syms) },
	[DL_ELF] = { DL_SONAME_ELF, &dl_elf, sizeof(dl_elf), elf_syms,
		     N(elf_syms) },
	[DL_EDIT] = { DL_SONAME_EDIT, &dl_edit, sizeof(dl_edit), edit_syms,
		      N(edit_syms) },
};

static int state[DL_NLIBS];		/* 0 untried, 1 open, or -errno */
static char why[DL_NLIBS][512];

int dl_need(enum dl_lib lib)
{
	void *h, *fn;
	size_t i;
	int rc;

	if (state[lib])
		return state[lib] > 0 ? 0 : state[lib];
	h = dlopen(libs[lib].soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();

		snprintf(why[lib], sizeof(why[lib]), "%s",
			 e ? e : libs[lib].soname);
		rc = -ELIBACC;
		goto out;
	}
	for (i = 0; i < libs[lib].nsyms; i++) {
		const struct dl_sym *s = &libs[lib].syms[i];

		fn = dlsym(h, s->name);
		if (!fn) {
			snprintf(why[lib], sizeof(why[lib]),
				 "%s: no function %s", libs[lib].soname,
				 s->name);
			memset(libs[lib].table, 0, libs[lib].size);
			dlclose(h);
			rc = -ELIBBAD;
			goto out;
		}
		/* POSIX: a function pointer and void * are the same size. */
		memcpy((char *)libs[lib].table + s->off, &fn, sizeof(fn));
	}
	rc = 1;
out:
	state[lib] = rc;
	return rc > 0 ? 0 : rc;
}

const char *dl_error(enum dl_lib lib)
{
	return state[lib] < 0 ? why[lib] : "";
}

const char *dl_soname(enum dl_lib lib)
{
	return libs[lib].soname;
}

bool dl_loaded(enum dl_lib lib)
{
	return state[lib] > 0;
}

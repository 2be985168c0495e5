/* dl: the debugger's libraries are opened on first use, and only then;
 * every function of each table is filled in, and calls go through. */
#include "tests/unit/t.h"
#include "debugger/dl.h"

#include <link.h>
#include <stdlib.h>
#include <string.h>

/* Whether a shared object whose name contains part is mapped. */
static int find_obj(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	return info->dlpi_name && strstr(info->dlpi_name, data) != NULL;
}

static bool mapped(const char *part)
{
	return dl_iterate_phdr(find_obj, (void *)part) != 0;
}

static bool table_full(const void *table, size_t size)
{
	void *const *fn = table;
	size_t i;

	for (i = 0; i < size / sizeof(*fn); i++)
		if (!fn[i])
			return false;
	return true;
}

int main(void)
{
	static const char *const part[DL_NLIBS] = {
		[DL_CAPSTONE] = "libcapstone", [DL_ELF] = "libelf",
		[DL_EDIT] = "libedit",
	};
	int lib;

	/* Nothing has used them yet: not linked, not open. */
	for (lib = 0; lib < DL_NLIBS; lib++) {
		T_OK(!dl_loaded(lib) && !mapped(part[lib]),
		     "%s is not mapped before its first use", part[lib]);
		T_OK(strstr(dl_soname(lib), part[lib]) == dl_soname(lib),
		     "%s's soname is %s", part[lib], dl_soname(lib));
	}
	for (lib = 0; lib < DL_NLIBS; lib++) {
		T_OK(dl_need(lib) == 0, "dl_need opens %s", dl_soname(lib));
		T_OK(dl_loaded(lib) && mapped(part[lib]) &&
		     !*dl_error(lib), "%s is open, no error", part[lib]);
		T_OK(dl_need(lib) == 0, "a second dl_need is a no-op");
	}
	T_OK(table_full(&dl_capstone, sizeof(dl_capstone)),
	     "every capstone function is filled in");
	T_OK(table_full(&dl_elf, sizeof(dl_elf)),
	     "every libelf function is filled in");
	T_OK(table_full(&dl_edit, sizeof(dl_edit)),
	     "every libedit function is filled in");
	/* Calls through the redirections reach the libraries. */
	{
		csh h;
		cs_insn *insn;
		const uint8_t nop[] = { 0x90 };
		const uint8_t *code = nop;
		size_t n = sizeof(nop);
		uint64_t addr = 0x1000;

		T_OK(cs_open(CS_ARCH_X86, CS_MODE_64, &h) == CS_ERR_OK,
		     "cs_open through the table");
		insn = cs_malloc(h);
		T_OK(insn && cs_disasm_iter(h, &code, &n, &addr, insn) &&
		     strcmp(insn->mnemonic, "nop") == 0,
		     "capstone decodes a nop");
		cs_free(insn, 1);
		cs_close(&h);
	}
	T_OK(elf_version(EV_CURRENT) != EV_NONE, "elf_version through the table");
	{
		History *hist = history_init();
		HistEvent ev;

		T_OK(hist && history(hist, &ev, H_SETSIZE, 10) == 0,
		     "libedit's history, a variadic call, through the table");
		if (hist)
			history_end(hist);
	}
	return T_DONE();
}

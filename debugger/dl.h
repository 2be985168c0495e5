/* dl: the debugger's libraries, opened with dlopen() when first needed.
 *
 * capstone (disassembly), libelf (symbols) and libedit (line editing) are
 * what jail links only for its debugger, and loading them is most of the
 * cost of starting jail (capstone alone: ~77,000 relocations, ~2 ms).
 * jail does not link them: jail without a debugger never maps them, and
 * the debugger opens each the first time it disassembles, reads symbols
 * or reads a terminal line.
 *
 * The modules that use a library include this header instead of the
 * library's (it includes them) and call the library as before:
 * `cs_open(...)` is a macro for `(*dl_capstone.cs_open)(...)`, a pointer
 * dl_need() filled in. They call dl_need() at their entry points, before
 * any of the library's functions:
 *
 *	err = dl_need(DL_CAPSTONE);	// 0, or -ELIBACC with dl_error()
 *
 * To use another function of a library, add it to the library's list
 * below and a #define to the redirections at the end; a function missing
 * here does not link (jail is not linked with the library).
 */
#ifndef JAIL_DL_H
#define JAIL_DL_H

#include <capstone/capstone.h>
#include <gelf.h>
#include <histedit.h>
#include <libelf.h>
#include <stdbool.h>

enum dl_lib {
	DL_CAPSTONE,
	DL_ELF,
	DL_EDIT,
	DL_NLIBS
};

/* Open lib and fill in its table, once; later calls return the first
 * answer. 0, -ELIBACC (the library cannot be opened) or -ELIBBAD (a
 * function is missing from it). Not thread-safe: the debugger is one
 * thread. */
int dl_need(enum dl_lib lib);
/* Why dl_need(lib) failed, as "libcapstone.so.4: cannot open shared
 * object file: No such file or directory"; "" if it did not. */
const char *dl_error(enum dl_lib lib);
/* The file dl_need(lib) opens ("libcapstone.so.4"). */
const char *dl_soname(enum dl_lib lib);
/* Whether lib is open in this process. */
bool dl_loaded(enum dl_lib lib);

/* The functions of each library jail calls, X(table, function). */
#define DL_CAPSTONE_FUNCS(X)                                            \
	X(dl_capstone, cs_open) X(dl_capstone, cs_close)                \
	X(dl_capstone, cs_option) X(dl_capstone, cs_malloc)             \
	X(dl_capstone, cs_free) X(dl_capstone, cs_disasm_iter)          \
	X(dl_capstone, cs_insn_group) X(dl_capstone, cs_insn_name)      \
	X(dl_capstone, cs_reg_name)

#define DL_ELF_FUNCS(X)                                                 \
	X(dl_elf, elf_version) X(dl_elf, elf_begin) X(dl_elf, elf_memory) \
	X(dl_elf, elf_end) X(dl_elf, elf_kind) X(dl_elf, elf_getdata)   \
	X(dl_elf, elf_getphdrnum) X(dl_elf, elf_getscn)                 \
	X(dl_elf, elf_getshdrstrndx) X(dl_elf, elf_ndxscn)              \
	X(dl_elf, elf_nextscn) X(dl_elf, elf_strptr)                    \
	X(dl_elf, gelf_getclass) X(dl_elf, gelf_getehdr)                \
	X(dl_elf, gelf_getnote) X(dl_elf, gelf_getphdr)                 \
	X(dl_elf, gelf_getrel) X(dl_elf, gelf_getrela)                  \
	X(dl_elf, gelf_getshdr) X(dl_elf, gelf_getsym)

#define DL_EDIT_FUNCS(X)                                                \
	X(dl_edit, el_init) X(dl_edit, el_end) X(dl_edit, el_gets)      \
	X(dl_edit, el_set) X(dl_edit, history_init)                     \
	X(dl_edit, history_end) X(dl_edit, history)

#define DL_FIELD(table, fn) __typeof__(fn) *fn;
struct dl_capstone { DL_CAPSTONE_FUNCS(DL_FIELD) };
struct dl_elf { DL_ELF_FUNCS(DL_FIELD) };
struct dl_edit { DL_EDIT_FUNCS(DL_FIELD) };
#undef DL_FIELD

extern struct dl_capstone dl_capstone;
extern struct dl_elf dl_elf;
extern struct dl_edit dl_edit;

/* The redirections (dl.c itself sees the real names). */
#ifndef DL_NO_REDIRECT
#define cs_open (*dl_capstone.cs_open)
#define cs_close (*dl_capstone.cs_close)
#define cs_option (*dl_capstone.cs_option)
#define cs_malloc (*dl_capstone.cs_malloc)
#define cs_free (*dl_capstone.cs_free)
#define cs_disasm_iter (*dl_capstone.cs_disasm_iter)
#define cs_insn_group (*dl_capstone.cs_insn_group)
#define cs_insn_name (*dl_capstone.cs_insn_name)
#define cs_reg_name (*dl_capstone.cs_reg_name)

#define elf_version (*dl_elf.elf_version)
#define elf_begin (*dl_elf.elf_begin)
#define elf_memory (*dl_elf.elf_memory)
#define elf_end (*dl_elf.elf_end)
#define elf_kind (*dl_elf.elf_kind)
#define elf_getdata (*dl_elf.elf_getdata)
#define elf_getphdrnum (*dl_elf.elf_getphdrnum)
#define elf_getscn (*dl_elf.elf_getscn)
#define elf_getshdrstrndx (*dl_elf.elf_getshdrstrndx)
#define elf_ndxscn (*dl_elf.elf_ndxscn)
#define elf_nextscn (*dl_elf.elf_nextscn)
#define elf_strptr (*dl_elf.elf_strptr)
#define gelf_getclass (*dl_elf.gelf_getclass)
#define gelf_getehdr (*dl_elf.gelf_getehdr)
#define gelf_getnote (*dl_elf.gelf_getnote)
#define gelf_getphdr (*dl_elf.gelf_getphdr)
#define gelf_getrel (*dl_elf.gelf_getrel)
#define gelf_getrela (*dl_elf.gelf_getrela)
#define gelf_getshdr (*dl_elf.gelf_getshdr)
#define gelf_getsym (*dl_elf.gelf_getsym)

#define el_init (*dl_edit.el_init)
#define el_end (*dl_edit.el_end)
#define el_gets (*dl_edit.el_gets)
#define el_set (*dl_edit.el_set)
#define history_init (*dl_edit.history_init)
#define history_end (*dl_edit.history_end)
#define history (*dl_edit.history)
#endif

#endif

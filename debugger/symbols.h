/* symbols: ELF symbol tables and a traced process's address space, the
 * minimal-symbol half of what gdb knows without DWARF.
 *
 * Two layers:
 *
 * - struct elf_obj: one ELF file's .symtab and .dynsym (merged with the
 *   .symtab of its separate debug file, found by build-id), synthetic
 *   "name@plt" / "name@got.plt" symbols as gdb makes them, PT_LOAD
 *   segments and allocated sections. Addresses are link-time virtual
 *   addresses. Objects live in a struct symcache keyed by the (device,
 *   inode) pair that /proc/PID/maps reports, so N processes running the
 *   same binary share one; they are reference counted.
 *
 * - struct addrspace: the objects mapped in one process, built from the
 *   text of /proc/PID/maps, each with its load bias computed as gdb does
 *   (map start - the page-aligned p_vaddr of the PT_LOAD whose page-aligned
 *   p_offset is the mapping's file offset). It answers gdb's questions:
 *   address -> <sym+off>, name -> address, `info symbol`,
 *   `info sharedlibrary`. The client rereads the maps when the engine
 *   reports an exec or an mmap; nothing is polled.
 *
 * Nothing here calls ptrace: process memory (the [vdso] image, the dynamic
 * linker's r_debug list) comes through a mem_reader.
 *
 * Functions return 0 or -errno. Strings returned by lookups point into an
 * object or address space and stay valid until that address space is
 * reread or destroyed.
 *
 * Known differences from gdb (minimal symbols only, no DWARF):
 * - Where several symbols share an address gdb's choice among them follows
 *   its minimal-symbol rules (the last by name among sized symbols); with
 *   DWARF loaded gdb prefers the function's DWARF name (libc's printf is
 *   shown as __printf with libc6-dbg). We never read DWARF.
 * - Library order follows gdb's: the order objects first appeared in the
 *   maps (the dynamic linker first for a process seen from its exec),
 *   and among those first seen by the same as_update(), ld.so's link_map
 *   order once as_load_link_map() has run (all of them after an attach).
 * - `info symbol` prints linkage names; gdb runs names through its
 *   demanglers, which turn "x@got.plt" into "x@got[plt]" and "name.0" into
 *   "name" (both mimicked) and do stranger things to "f.part.0" (not).
 * - No C++ demangling.
 */
#ifndef JAIL_DEBUGGER_SYMBOLS_H
#define JAIL_DEBUGGER_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "tracer/decode.h"
#include "tracer/strbuf.h"

/* --- the symbolizer callback the other debugger modules take --- */

/* Address -> symbol for annotations ("<main+4>"). The disassembler, the
 * examiner and the expression printer call it; an addrspace provides one
 * (as_symbolizer()), tests provide fakes. */
struct symbolizer {
	/* The symbol containing addr: 0 with *name (borrowed, valid until
	 * the provider changes) and *off set, or -ENOENT. */
	int (*lookup)(void *ctx, uint64_t addr, const char **name,
		      uint64_t *off);
	void *ctx;
};

/* Append "<name+off>" ("<name>" at offset 0) for addr; nothing and false
 * when sym is NULL or knows no symbol there. */
bool sym_append_label(struct strbuf *sb, const struct symbolizer *sym,
		      uint64_t addr);
/* Append gdb's print_address: "0x401136 <main+4>" or "0x401136". */
void sym_append_addr(struct strbuf *sb, const struct symbolizer *sym,
		     uint64_t addr);

/* --- one ELF file --- */

enum elf_sym_kind {
	ESYM_TEXT,	/* STT_FUNC, STT_GNU_IFUNC, @plt, NOTYPE in code */
	ESYM_DATA,	/* STT_OBJECT, @got.plt, NOTYPE in data */
};

struct elf_sym {
	uint64_t addr;		/* link-time address */
	uint64_t size;		/* 0 when unknown */
	const char *name;
	uint8_t kind;		/* enum elf_sym_kind */
	uint8_t global;		/* STB_GLOBAL or STB_WEAK */
	uint16_t sec;		/* index into the object's sections, or
				 * ESYM_NO_SEC */
};
#define ESYM_NO_SEC 0xffff

struct elf_seg {		/* a PT_LOAD */
	uint64_t vaddr, memsz, offset, filesz, align;
	uint32_t flags;		/* PF_R | PF_W | PF_X */
};

struct elf_sec {		/* an SHF_ALLOC section (not TLS) */
	const char *name;
	uint64_t addr, size;
	bool exec;
};

struct elf_obj;
struct symcache;

/* Debug files are looked up under dir/.build-id/xx/rest.debug; dir NULL
 * means /usr/lib/debug. */
int symcache_create(struct symcache **out, const char *debug_dir);
/* Drops the cache's references; objects still held elsewhere survive
 * until their last elfobj_put(). */
void symcache_destroy(struct symcache *c);

/* The object for the file at path with the identity (dev, ino) from the
 * maps; loaded on first use. dev == 0 && ino == 0 means "stat the path".
 * The caller owns one reference. -ENOEXEC: not an ELF file. */
int symcache_get(struct symcache *c, const char *path, dev_t dev, ino_t ino,
		 struct elf_obj **out);
/* An object from an in-memory image (the [vdso]); not cached. name is
 * shown as its path. The caller owns the reference. */
int elfobj_from_memory(const void *image, size_t size, const char *name,
		       struct elf_obj **out);
struct elf_obj *elfobj_get(struct elf_obj *o);
void elfobj_put(struct elf_obj *o);

const char *elfobj_path(const struct elf_obj *o);
/* The separate debug file whose .symtab was merged, or NULL. */
const char *elfobj_debug_path(const struct elf_obj *o);
/* NT_GNU_BUILD_ID; *len 0 when there is none. */
const uint8_t *elfobj_build_id(const struct elf_obj *o, size_t *len);
/* ELFCLASS32 or ELFCLASS64; e_type ET_EXEC or ET_DYN. */
int elfobj_class(const struct elf_obj *o);
int elfobj_type(const struct elf_obj *o);
/* DWARF (.debug_info) in the file or its debug file: gdb's "Syms Read"
 * says "Yes (*)" without it. */
bool elfobj_has_debug_info(const struct elf_obj *o);
const struct elf_seg *elfobj_segments(const struct elf_obj *o, size_t *n);
const struct elf_sec *elfobj_sections(const struct elf_obj *o, size_t *n);
const struct elf_sec *elfobj_section_at(const struct elf_obj *o,
					uint64_t vaddr);
const struct elf_sec *elfobj_section_named(const struct elf_obj *o,
					   const char *name);
/* All symbols, sorted by (address, name). */
const struct elf_sym *elfobj_symbols(const struct elf_obj *o, size_t *n);
/* The minimal symbol gdb would pick for vaddr, or NULL. */
const struct elf_sym *elfobj_lookup_addr(const struct elf_obj *o,
					 uint64_t vaddr);
/* A symbol by name, globals before locals, or NULL. */
const struct elf_sym *elfobj_lookup_name(const struct elf_obj *o,
					 const char *name);

/* --- a program file as memory --- */

/* The file read the way gdb reads an executable before it runs: the
 * contents of its allocated sections at their link-time addresses plus
 * bias, .bss as zeros, nothing between sections. */
struct filemem;

int filemem_open(struct filemem **out, const char *path, uint64_t bias);
void filemem_close(struct filemem *fm);
/* A reader valid until filemem_close(). */
struct mem_reader filemem_reader(struct filemem *fm);

/* --- a process's address space --- */

/* One line of /proc/PID/maps. */
struct as_map {
	uint64_t start, end, offset;
	char perms[5];
	unsigned dev_major, dev_minor;
	uint64_t ino;
	const char *path;	/* "" for anonymous, "[heap]", ... */
};

/* One mapped object. */
struct as_obj {
	struct elf_obj *obj;
	const char *path;	/* the file as the maps name it */
	const char *name;	/* shown by gdb: the link_map name when known */
	uint64_t bias;		/* runtime address - link-time address */
	uint64_t lo, hi;	/* mapped range of the file */
	bool is_main;		/* the executable */
	bool is_vdso;
};

/* Where an address is: the object, and the symbol when there is one. */
struct as_loc {
	const struct as_obj *obj;
	const struct elf_sym *sym;	/* NULL: no symbol covers it */
	uint64_t sym_addr;		/* runtime address of sym */
	uint64_t off;			/* addr - sym_addr */
	const struct elf_sec *sec;	/* NULL: outside every section */
};

struct addrspace;

/* The address space borrows the cache, which must outlive it. */
int as_create(struct addrspace **out, struct symcache *c);
void as_destroy(struct addrspace *as);
/* Which file is the executable (proc_exe()); without it, the first
 * object mapped at offset 0 is. */
int as_set_exe(struct addrspace *as, const char *path);
/* Split maps text into lines. Returns the count (>= 0) with *out a new
 * array whose strings point into a copy kept in *out's block (free(*out)
 * frees all), or -errno (-EINVAL on a malformed line). */
int as_parse_maps_lines(const char *text, struct as_map **out);
/* Replace the mappings with those in the maps text (of process pid, 0 if
 * unknown: /proc/PID/map_files is then not used for replaced files).
 * Objects still mapped at the same place keep their position in the
 * load order; new ones are appended in address order. */
int as_update(struct addrspace *as, const char *maps_text, pid_t pid);
/* Read /proc/PID/maps and as_update() from it. */
int as_update_pid(struct addrspace *as, pid_t pid);
/* Load the [vdso] from the process's memory (kernel images carry no file
 * on disk). Without it the vdso is listed but has no symbols. */
int as_load_vdso(struct addrspace *as, const struct mem_reader *mr);
/* Walk the dynamic linker's r_debug list through mr to learn the names
 * gdb shows for libraries ("/lib/x86_64-linux-gnu/libc.so.6" where the
 * maps say "/usr/lib/...") and the order of libraries first seen
 * together. Optional; -ENOENT before ld.so has set the list up. */
int as_load_link_map(struct addrspace *as, const struct mem_reader *mr);

/* Objects in load order (the executable and the vdso included). */
const struct as_obj *as_objects(const struct addrspace *as, size_t *n);
const struct as_obj *as_main(const struct addrspace *as);
const struct as_obj *as_obj_at(const struct addrspace *as, uint64_t addr);

/* 0 with *loc filled when addr is inside a mapped object (loc->sym may be
 * NULL), -ENOENT otherwise. */
int as_locate(const struct addrspace *as, uint64_t addr, struct as_loc *loc);
/* A symbol's runtime address: the executable first, then the libraries
 * in load order. 0 or -ENOENT. *sym (optional) gets the symbol. */
int as_lookup_name(const struct addrspace *as, const char *name,
		   uint64_t *addr, const struct elf_sym **sym);
/* A symbolizer over this address space. */
struct symbolizer as_symbolizer(const struct addrspace *as);

/* gdb's `info symbol ARG` for the address addr that ARG evaluated to:
 * "main + 4 in section .text\n", with " of /path" when more than one
 * object is loaded, or "No symbol matches ARG.\n". */
void as_info_symbol(const struct addrspace *as, struct strbuf *sb,
		    uint64_t addr, const char *arg);
/* gdb's `info sharedlibrary` table (libraries only, load order). */
void as_info_sharedlibrary(const struct addrspace *as, struct strbuf *sb);

#endif

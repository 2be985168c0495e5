/* symbols: ELF minimal symbols and process address spaces (see symbols.h).
 *
 * The symbol choice for an address follows gdb's
 * lookup_minimal_symbol_by_pc_section(): among the symbols of the section
 * holding the address, the closest one at or below it, preferring a sized
 * symbol that covers the address, else the nearest zero-sized one; a sized
 * symbol that ends before the address covers nothing.
 */
#include "symbols.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "debugger/dl.h"

/* --- small helpers --- */

/* A string arena: names stay put while the object lives. */
struct arena {
	struct arena *next;
	size_t used, cap;
	char data[];
};

static const char *arena_strdup(struct arena **a, const char *s)
{
	size_t n = strlen(s) + 1;
	struct arena *c = *a;
	char *p;

	if (!c || c->cap - c->used < n) {
		size_t cap = n > 16384 ? n : 16384;

		c = malloc(sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->next = *a;
		c->used = 0;
		c->cap = cap;
		*a = c;
	}
	p = c->data + c->used;
	memcpy(p, s, n);
	c->used += n;
	return p;
}

static void arena_free(struct arena *a)
{
	while (a) {
		struct arena *n = a->next;

		free(a);
		a = n;
	}
}

bool sym_append_label(struct strbuf *sb, const struct symbolizer *sym,
		      uint64_t addr)
{
	const char *name;
	uint64_t off;

	if (!sym || !sym->lookup || sym->lookup(sym->ctx, addr, &name, &off))
		return false;
	if (off)
		sb_printf(sb, "<%s+%" PRIu64 ">", name, off);
	else
		sb_printf(sb, "<%s>", name);
	return true;
}

void sym_append_addr(struct strbuf *sb, const struct symbolizer *sym,
		     uint64_t addr)
{
	sb_printf(sb, "0x%" PRIx64, addr);
	if (sym && sym->lookup) {
		const char *name;
		uint64_t off;

		if (!sym->lookup(sym->ctx, addr, &name, &off)) {
			if (off)
				sb_printf(sb, " <%s+%" PRIu64 ">", name, off);
			else
				sb_printf(sb, " <%s>", name);
		}
	}
}

/* --- one ELF object --- */

struct elf_obj {
	int refs;
	dev_t dev;
	ino_t ino;
	struct elf_obj *next;		/* in the cache */
	const char *path;
	const char *debug_path;
	int elfclass, etype;
	bool debug_info;
	uint8_t build_id[64];
	size_t build_id_len;
	struct elf_seg *segs;
	size_t nsegs;
	struct elf_sec *secs;		/* sorted by address */
	size_t nsecs;
	struct elf_sym *syms;		/* sorted by (address, name) */
	size_t nsyms, capsyms;
	struct elf_sym **by_name;	/* sorted by (name, local, address) */
	struct arena *strings;
};

/* Files seen not to be ELF (locale archives, fonts mapped as data), so
 * rereading the maps does not reopen them. */
struct not_elf {
	struct not_elf *next;
	dev_t dev;
	ino_t ino;
};

struct symcache {
	struct elf_obj *objs;
	struct not_elf *not_elf;
	char *debug_dir;
};

static int obj_add_sym(struct elf_obj *o, uint64_t addr, uint64_t size,
		       const char *name, int kind, bool global)
{
	struct elf_sym *s;

	if (o->nsyms == o->capsyms) {
		size_t cap = o->capsyms ? 2 * o->capsyms : 256;

		s = realloc(o->syms, cap * sizeof(*s));
		if (!s)
			return -ENOMEM;
		o->syms = s;
		o->capsyms = cap;
	}
	s = &o->syms[o->nsyms];
	s->name = arena_strdup(&o->strings, name);
	if (!s->name)
		return -ENOMEM;
	s->addr = addr;
	s->size = size;
	s->kind = kind;
	s->global = global;
	s->sec = ESYM_NO_SEC;
	o->nsyms++;
	return 0;
}

static int cmp_sec(const void *a, const void *b)
{
	const struct elf_sec *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Sections and segments come from the file the code runs from, never
 * from a debug file, whose sections are NOBITS placeholders. */
static int read_layout(struct elf_obj *o, Elf *elf)
{
	size_t shstrndx, nph, i;
	Elf_Scn *scn = NULL;
	GElf_Ehdr eh;

	if (!gelf_getehdr(elf, &eh))
		return -ENOEXEC;
	o->elfclass = gelf_getclass(elf);
	o->etype = eh.e_type;
	if (elf_getphdrnum(elf, &nph))
		return -ENOEXEC;
	o->segs = calloc(nph ? nph : 1, sizeof(*o->segs));
	if (!o->segs)
		return -ENOMEM;
	for (i = 0; i < nph; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, i, &ph) || ph.p_type != PT_LOAD)
			continue;
		o->segs[o->nsegs++] = (struct elf_seg){
			.vaddr = ph.p_vaddr, .memsz = ph.p_memsz,
			.offset = ph.p_offset, .filesz = ph.p_filesz,
			.align = ph.p_align, .flags = ph.p_flags,
		};
	}
	if (elf_getshdrstrndx(elf, &shstrndx))
		return 0;		/* no sections: vdso images have them,
					 * a stripped-of-sections file is odd but
					 * still usable through its segments */
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *name;
		struct elf_sec *s;

		if (!gelf_getshdr(scn, &sh) || !(sh.sh_flags & SHF_ALLOC) ||
		    (sh.sh_flags & SHF_TLS) || !sh.sh_size)
			continue;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		s = realloc(o->secs, (o->nsecs + 1) * sizeof(*s));
		if (!s)
			return -ENOMEM;
		o->secs = s;
		s += o->nsecs;
		s->name = arena_strdup(&o->strings, name ? name : "");
		if (!s->name)
			return -ENOMEM;
		s->addr = sh.sh_addr;
		s->size = sh.sh_size;
		s->exec = sh.sh_flags & SHF_EXECINSTR;
		o->nsecs++;
	}
	qsort(o->secs, o->nsecs, sizeof(*o->secs), cmp_sec);
	return 0;
}

static void read_build_id(struct elf_obj *o, Elf *elf)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;
		GElf_Nhdr nh;
		size_t off = 0, next, noff, doff;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_NOTE)
			continue;
		d = elf_getdata(scn, NULL);
		if (!d)
			continue;
		while ((next = gelf_getnote(d, off, &nh, &noff, &doff)) > 0) {
			off = next;
			if (nh.n_type != NT_GNU_BUILD_ID || nh.n_namesz != 4 ||
			    memcmp((char *)d->d_buf + noff, "GNU", 4) ||
			    nh.n_descsz > sizeof(o->build_id))
				continue;
			memcpy(o->build_id, (char *)d->d_buf + doff,
			       nh.n_descsz);
			o->build_id_len = nh.n_descsz;
			return;
		}
	}
}

static bool has_section(Elf *elf, const char *want)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_getshdrstrndx(elf, &shstrndx))
		return false;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *name;

		if (!gelf_getshdr(scn, &sh))
			continue;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (name && !strcmp(name, want))
			return true;
	}
	return false;
}

/* Is vaddr in an executable section (or, without sections, segment)? */
static bool addr_is_code(const struct elf_obj *o, uint64_t vaddr)
{
	const struct elf_sec *s = elfobj_section_at(o, vaddr);
	size_t i;

	if (s)
		return s->exec;
	for (i = 0; i < o->nsegs; i++)
		if (vaddr - o->segs[i].vaddr < o->segs[i].memsz)
			return o->segs[i].flags & PF_X;
	return false;
}

/* .symtab or .dynsym: defined functions, objects and untyped labels. */
static int read_symtab(struct elf_obj *o, Elf *elf, Elf_Scn *scn,
		       const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t i, n;
	int err;

	if (!d || !sh->sh_entsize)
		return 0;
	n = sh->sh_size / sh->sh_entsize;
	for (i = 1; i < n; i++) {
		GElf_Sym s;
		const char *name;
		int type, kind;

		if (!gelf_getsym(d, i, &s))
			continue;
		type = GELF_ST_TYPE(s.st_info);
		if (s.st_shndx == SHN_UNDEF || s.st_shndx == SHN_ABS ||
		    s.st_shndx == SHN_COMMON)
			continue;
		if (type != STT_FUNC && type != STT_OBJECT &&
		    type != STT_NOTYPE && type != STT_GNU_IFUNC)
			continue;
		name = elf_strptr(elf, sh->sh_link, s.st_name);
		if (!name || !*name)
			continue;
		if (type == STT_FUNC || type == STT_GNU_IFUNC)
			kind = ESYM_TEXT;
		else if (type == STT_OBJECT)
			kind = ESYM_DATA;
		else
			kind = addr_is_code(o, s.st_value) ? ESYM_TEXT
							   : ESYM_DATA;
		err = obj_add_sym(o, s.st_value, s.st_size, name, kind,
				  GELF_ST_BIND(s.st_info) != STB_LOCAL);
		if (err)
			return err;
	}
	return 0;
}

static int read_symtabs(struct elf_obj *o, Elf *elf, Elf64_Word type)
{
	Elf_Scn *scn = NULL;
	int err;

	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != type)
			continue;
		err = read_symtab(o, elf, scn, &sh);
		if (err)
			return err;
	}
	return 0;
}

/* GOT slot -> symbol name, from the dynamic relocations. */
struct slot {
	uint64_t got;
	const char *name;
	bool plt;		/* a .rela.plt entry: gets a @got.plt name */
};

struct slots {
	struct slot *v;
	size_t n;
};

static Elf_Scn *scn_named(Elf *elf, const char *want, GElf_Shdr *sh,
			  size_t *idx)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_getshdrstrndx(elf, &shstrndx))
		return NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		const char *name;

		if (!gelf_getshdr(scn, sh))
			continue;
		name = elf_strptr(elf, shstrndx, sh->sh_name);
		if (name && !strcmp(name, want)) {
			if (idx)
				*idx = elf_ndxscn(scn);
			return scn;
		}
	}
	return NULL;
}

static int collect_slots(Elf *elf, struct slots *sl)
{
	size_t plt_idx = 0, gotplt_idx = 0;
	Elf_Scn *scn = NULL;
	GElf_Shdr tmp;

	scn_named(elf, ".plt", &tmp, &plt_idx);
	if (!scn_named(elf, ".got.plt", &tmp, &gotplt_idx))
		scn_named(elf, ".got", &tmp, &gotplt_idx);
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh, symsh;
		Elf_Data *d, *symd;
		Elf_Scn *symscn;
		size_t i, n;

		if (!gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL) ||
		    !sh.sh_entsize)
			continue;
		symscn = elf_getscn(elf, sh.sh_link);
		if (!symscn || !gelf_getshdr(symscn, &symsh) ||
		    symsh.sh_type != SHT_DYNSYM)
			continue;
		d = elf_getdata(scn, NULL);
		symd = elf_getdata(symscn, NULL);
		if (!d || !symd)
			continue;
		n = sh.sh_size / sh.sh_entsize;
		for (i = 0; i < n; i++) {
			uint64_t off, info;
			unsigned type, symi;
			GElf_Sym s;
			const char *name;
			struct slot *v;

			if (sh.sh_type == SHT_RELA) {
				GElf_Rela r;

				if (!gelf_getrela(d, i, &r))
					continue;
				off = r.r_offset;
				info = r.r_info;
			} else {
				GElf_Rel r;

				if (!gelf_getrel(d, i, &r))
					continue;
				off = r.r_offset;
				info = r.r_info;
			}
			if (gelf_getclass(elf) == ELFCLASS64) {
				type = GELF_R_TYPE(info);
				symi = GELF_R_SYM(info);
			} else {
				type = ELF32_R_TYPE(info);
				symi = ELF32_R_SYM(info);
			}
			/* JUMP_SLOT and GLOB_DAT are 7 and 6 on both
			 * x86-64 and i386. */
			if ((type != R_X86_64_JUMP_SLOT &&
			     type != R_X86_64_GLOB_DAT) || !symi ||
			    !gelf_getsym(symd, symi, &s))
				continue;
			name = elf_strptr(elf, symsh.sh_link, s.st_name);
			if (!name || !*name)
				continue;
			v = realloc(sl->v, (sl->n + 1) * sizeof(*v));
			if (!v)
				return -ENOMEM;
			sl->v = v;
			v[sl->n++] = (struct slot){
				.got = off, .name = name,
				.plt = sh.sh_info && (sh.sh_info == plt_idx ||
						      sh.sh_info == gotplt_idx),
			};
		}
	}
	return 0;
}

static const struct slot *find_slot(const struct slots *sl, uint64_t got)
{
	size_t i;

	for (i = 0; i < sl->n; i++)
		if (sl->v[i].got == got)
			return &sl->v[i];
	return NULL;
}

/* Append "name" + suffix as a symbol. */
static int add_suffixed(struct elf_obj *o, uint64_t addr, uint64_t size,
			const char *name, const char *suffix, int kind)
{
	char buf[512];

	snprintf(buf, sizeof(buf), "%s%s", name, suffix);
	return obj_add_sym(o, addr, size, buf, kind, true);
}

/* gdb's synthetic symbols: "name@got.plt" for each lazy-binding GOT slot
 * (elf_rel_plt_read_minimal_symbols), and "name@plt" for each PLT entry
 * (BFD's get_synthetic_symtab), found by the indirect jump through a GOT
 * slot that every PLT flavour (lazy, .plt.sec, .plt.got, BND) contains. */
static int add_plt_symbols(struct elf_obj *o, Elf *elf)
{
	static const char *const plt_names[] = {
		".plt", ".plt.sec", ".plt.got", ".plt.bnd",
	};
	struct slots sl = { 0 };
	uint64_t gotplt = 0;
	GElf_Shdr sh;
	size_t i, k;
	int err;

	err = collect_slots(elf, &sl);
	if (err)
		goto out;
	if (scn_named(elf, ".got.plt", &sh, NULL))
		gotplt = sh.sh_addr;
	for (i = 0; i < sl.n; i++) {
		if (!sl.v[i].plt)
			continue;
		err = add_suffixed(o, sl.v[i].got,
				   o->elfclass == ELFCLASS64 ? 8 : 4,
				   sl.v[i].name, "@got.plt", ESYM_DATA);
		if (err)
			goto out;
	}
	for (i = 0; i < sizeof(plt_names) / sizeof(plt_names[0]); i++) {
		Elf_Scn *scn = scn_named(elf, plt_names[i], &sh, NULL);
		uint64_t ent, last = UINT64_MAX;
		const uint8_t *p;
		Elf_Data *d;

		if (!scn || sh.sh_type != SHT_PROGBITS)
			continue;
		d = elf_getdata(scn, NULL);
		if (!d || d->d_size < 6)
			continue;
		p = d->d_buf;
		ent = sh.sh_entsize ? sh.sh_entsize : 16;
		for (k = 0; k + 6 <= d->d_size; k++) {
			uint64_t got, start = sh.sh_addr + k / ent * ent;
			int32_t disp;
			const struct slot *s;

			if (p[k] != 0xff ||
			    (p[k + 1] != 0x25 && p[k + 1] != 0xa3))
				continue;
			memcpy(&disp, p + k + 2, 4);
			if (p[k + 1] == 0xa3)		/* jmp *d(%ebx) */
				got = gotplt + disp;
			else if (o->elfclass == ELFCLASS64)	/* *d(%rip) */
				got = sh.sh_addr + k + 6 + disp;
			else				/* jmp *abs32 */
				got = (uint32_t)disp;
			s = find_slot(&sl, got);
			if (!s || start == last)
				continue;
			last = start;
			err = add_suffixed(o, start, 0, s->name, "@plt",
					   ESYM_TEXT);
			if (err)
				goto out;
		}
	}
out:
	free(sl.v);
	return err;
}

static int cmp_sym(const void *a, const void *b)
{
	const struct elf_sym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int cmp_name(const void *a, const void *b)
{
	const struct elf_sym *x = *(struct elf_sym *const *)a;
	const struct elf_sym *y = *(struct elf_sym *const *)b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	if (x->global != y->global)
		return x->global ? -1 : 1;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Sort, drop the duplicates .symtab and .dynsym (and the debug file)
 * share, give each symbol its section, build the name index. */
static int finish_symbols(struct elf_obj *o)
{
	size_t i, j;

	qsort(o->syms, o->nsyms, sizeof(*o->syms), cmp_sym);
	for (i = j = 0; i < o->nsyms; i++) {
		struct elf_sym *s = &o->syms[i];

		if (j && s->addr == o->syms[j - 1].addr &&
		    !strcmp(s->name, o->syms[j - 1].name)) {
			struct elf_sym *d = &o->syms[j - 1];

			if (!d->size)
				d->size = s->size;
			d->global |= s->global;
			continue;
		}
		o->syms[j++] = *s;
	}
	o->nsyms = j;
	for (i = 0; i < o->nsyms; i++) {
		const struct elf_sec *sec = elfobj_section_at(o,
							      o->syms[i].addr);

		if (sec)
			o->syms[i].sec = sec - o->secs;
	}
	o->by_name = malloc((o->nsyms ? o->nsyms : 1) * sizeof(*o->by_name));
	if (!o->by_name)
		return -ENOMEM;
	for (i = 0; i < o->nsyms; i++)
		o->by_name[i] = &o->syms[i];
	qsort(o->by_name, o->nsyms, sizeof(*o->by_name), cmp_name);
	return 0;
}

static void obj_free(struct elf_obj *o)
{
	if (!o)
		return;
	free(o->segs);
	free(o->secs);
	free(o->syms);
	free(o->by_name);
	arena_free(o->strings);
	free(o);
}

static int elf_init(void)
{
	static bool done;

	if (!done) {
		int err = dl_need(DL_ELF);

		if (err)
			return err;
		if (elf_version(EV_CURRENT) == EV_NONE)
			return -ENOSYS;
		done = true;
	}
	return 0;
}

/* Merge the .symtab of dir/.build-id/xx/rest.debug when it exists. */
static int load_debug_file(struct elf_obj *o, const char *dir)
{
	char path[4096];
	size_t n, i;
	Elf *elf = NULL;
	int fd, err = 0;

	if (o->build_id_len < 2 || !dir)
		return 0;
	n = snprintf(path, sizeof(path), "%s/.build-id/%02x/", dir,
		     o->build_id[0]);
	for (i = 1; i < o->build_id_len && n + 3 < sizeof(path); i++)
		n += snprintf(path + n, sizeof(path) - n, "%02x",
			      o->build_id[i]);
	if (n + 7 >= sizeof(path))
		return 0;
	strcpy(path + n, ".debug");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;		/* not installed: fine */
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF)
		goto out;
	err = read_symtabs(o, elf, SHT_SYMTAB);
	if (err)
		goto out;
	o->debug_path = arena_strdup(&o->strings, path);
	if (!o->debug_path) {
		err = -ENOMEM;
		goto out;
	}
	if (has_section(elf, ".debug_info"))
		o->debug_info = true;
out:
	elf_end(elf);
	close(fd);
	return err;
}

/* Build an object from an open Elf (file or memory image). */
static int obj_from_elf(Elf *elf, const char *name, const char *debug_dir,
			struct elf_obj **out)
{
	struct elf_obj *o;
	int err;

	if (elf_kind(elf) != ELF_K_ELF)
		return -ENOEXEC;
	o = calloc(1, sizeof(*o));
	if (!o)
		return -ENOMEM;
	o->refs = 1;
	o->path = arena_strdup(&o->strings, name);
	err = o->path ? read_layout(o, elf) : -ENOMEM;
	if (err)
		goto out;
	read_build_id(o, elf);
	o->debug_info = has_section(elf, ".debug_info");
	err = read_symtabs(o, elf, SHT_SYMTAB);
	if (!err)
		err = read_symtabs(o, elf, SHT_DYNSYM);
	if (!err)
		err = add_plt_symbols(o, elf);
	if (!err)
		err = load_debug_file(o, debug_dir);
	if (!err)
		err = finish_symbols(o);
out:
	if (err) {
		obj_free(o);
		return err;
	}
	*out = o;
	return 0;
}

static int obj_load_fd(int fd, const char *path, const char *debug_dir,
		       struct elf_obj **out)
{
	Elf *elf;
	int err;

	err = elf_init();
	if (err)
		return err;
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf)
		return -ENOEXEC;
	err = obj_from_elf(elf, path, debug_dir, out);
	elf_end(elf);
	return err;
}

int elfobj_from_memory(const void *image, size_t size, const char *name,
		       struct elf_obj **out)
{
	Elf *elf;
	int err;

	err = elf_init();
	if (err)
		return err;
	/* elf_memory() wants a writable buffer it never writes in
	 * ELF_C_READ mode. */
	elf = elf_memory((char *)image, size);
	if (!elf)
		return -ENOEXEC;
	err = obj_from_elf(elf, name, NULL, out);
	elf_end(elf);
	return err;
}

int symcache_create(struct symcache **out, const char *debug_dir)
{
	struct symcache *c = calloc(1, sizeof(*c));

	if (!c)
		return -ENOMEM;
	c->debug_dir = strdup(debug_dir ? debug_dir : "/usr/lib/debug");
	if (!c->debug_dir) {
		free(c);
		return -ENOMEM;
	}
	*out = c;
	return 0;
}

void symcache_destroy(struct symcache *c)
{
	struct elf_obj *o, *n;

	if (!c)
		return;
	for (o = c->objs; o; o = n) {
		n = o->next;
		o->next = NULL;
		elfobj_put(o);
	}
	while (c->not_elf) {
		struct not_elf *ne = c->not_elf;

		c->not_elf = ne->next;
		free(ne);
	}
	free(c->debug_dir);
	free(c);
}

int symcache_get(struct symcache *c, const char *path, dev_t dev, ino_t ino,
		 struct elf_obj **out)
{
	struct elf_obj *o;
	struct not_elf *ne;
	struct stat st;
	int fd, err;

	/* Known by its identity: no need to touch the file. */
	for (o = c->objs; o && (dev || ino); o = o->next) {
		if (o->dev == dev && o->ino == ino) {
			*out = elfobj_get(o);
			return 0;
		}
	}
	for (ne = c->not_elf; ne && (dev || ino); ne = ne->next)
		if (ne->dev == dev && ne->ino == ino)
			return -ENOEXEC;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st)) {
		err = -errno;
		goto out;
	}
	if (!dev && !ino) {
		dev = st.st_dev;
		ino = st.st_ino;
	} else if (st.st_ino != ino) {
		/* Replaced since it was mapped. (The device may differ on
		 * overlayfs, where maps show the lower layer's.) */
		err = -ESTALE;
		goto out;
	}
	for (o = c->objs; o; o = o->next) {
		if (o->dev == dev && o->ino == ino) {
			*out = elfobj_get(o);
			err = 0;
			goto out;
		}
	}
	err = obj_load_fd(fd, path, c->debug_dir, &o);
	if (err == -ENOEXEC) {
		ne = calloc(1, sizeof(*ne));
		if (ne) {
			ne->dev = dev;
			ne->ino = ino;
			ne->next = c->not_elf;
			c->not_elf = ne;
		}
	}
	if (err)
		goto out;
	o->dev = dev;
	o->ino = ino;
	o->next = c->objs;
	c->objs = o;
	*out = elfobj_get(o);
out:
	close(fd);
	return err;
}

struct elf_obj *elfobj_get(struct elf_obj *o)
{
	o->refs++;
	return o;
}

void elfobj_put(struct elf_obj *o)
{
	if (o && --o->refs == 0)
		obj_free(o);
}

const char *elfobj_path(const struct elf_obj *o)
{
	return o->path;
}

const char *elfobj_debug_path(const struct elf_obj *o)
{
	return o->debug_path;
}

const uint8_t *elfobj_build_id(const struct elf_obj *o, size_t *len)
{
	*len = o->build_id_len;
	return o->build_id;
}

int elfobj_class(const struct elf_obj *o)
{
	return o->elfclass;
}

int elfobj_type(const struct elf_obj *o)
{
	return o->etype;
}

bool elfobj_has_debug_info(const struct elf_obj *o)
{
	return o->debug_info;
}

const struct elf_seg *elfobj_segments(const struct elf_obj *o, size_t *n)
{
	*n = o->nsegs;
	return o->segs;
}

const struct elf_sec *elfobj_sections(const struct elf_obj *o, size_t *n)
{
	*n = o->nsecs;
	return o->secs;
}

const struct elf_sec *elfobj_section_at(const struct elf_obj *o,
					uint64_t vaddr)
{
	size_t lo = 0, hi = o->nsecs;

	/* Sections do not overlap once TLS ones are left out. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->secs[mid].addr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo && vaddr - o->secs[lo - 1].addr < o->secs[lo - 1].size)
		return &o->secs[lo - 1];
	return NULL;
}

const struct elf_sec *elfobj_section_named(const struct elf_obj *o,
					   const char *name)
{
	size_t i;

	for (i = 0; i < o->nsecs; i++)
		if (!strcmp(o->secs[i].name, name))
			return &o->secs[i];
	return NULL;
}

const struct elf_sym *elfobj_symbols(const struct elf_obj *o, size_t *n)
{
	*n = o->nsyms;
	return o->syms;
}

const struct elf_sym *elfobj_lookup_addr(const struct elf_obj *o,
					 uint64_t vaddr)
{
	const struct elf_sec *sec = elfobj_section_at(o, vaddr);
	size_t lo = 0, hi = o->nsyms;
	ssize_t i, best_zero = -1;
	uint16_t si;

	if (!sec)
		return NULL;
	si = sec - o->secs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->syms[mid].addr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* lo - 1: the last symbol at or below vaddr (the last by name among
	 * those sharing its address, as gdb starts from). */
	for (i = (ssize_t)lo - 1; i >= 0; i--) {
		const struct elf_sym *s = &o->syms[i];

		if (s->addr < sec->addr) {
			i = -1;
			break;
		}
		if (s->sec != si)
			continue;
		if (!s->size) {
			if (best_zero < 0)
				best_zero = i;
			continue;
		}
		break;
	}
	if (best_zero >= 0 && i < 0)
		i = best_zero;
	if (i >= 0 && o->syms[i].size &&
	    vaddr - o->syms[i].addr >= o->syms[i].size)
		i = best_zero;
	return i >= 0 ? &o->syms[i] : NULL;
}

const struct elf_sym *elfobj_lookup_name(const struct elf_obj *o,
					 const char *name)
{
	size_t lo = 0, hi = o->nsyms;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(o->by_name[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < o->nsyms && !strcmp(o->by_name[lo]->name, name))
		return o->by_name[lo];
	return NULL;
}

/* --- a program file as memory --- */

struct fm_sec {
	uint64_t addr, size, offset;
	bool nobits;
};

struct filemem {
	int fd;
	uint64_t bias;
	struct fm_sec *secs;	/* sorted by address */
	size_t n;
};

static int cmp_fm_sec(const void *a, const void *b)
{
	const struct fm_sec *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

int filemem_open(struct filemem **out, const char *path, uint64_t bias)
{
	struct filemem *fm;
	Elf_Scn *scn = NULL;
	Elf *elf = NULL;
	int err;

	err = elf_init();
	if (err)
		return err;
	fm = calloc(1, sizeof(*fm));
	if (!fm)
		return -ENOMEM;
	fm->bias = bias;
	fm->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fm->fd < 0) {
		err = -errno;
		goto out;
	}
	elf = elf_begin(fm->fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		err = -ENOEXEC;
		goto out;
	}
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		struct fm_sec *s;

		if (!gelf_getshdr(scn, &sh) || !(sh.sh_flags & SHF_ALLOC) ||
		    (sh.sh_flags & SHF_TLS) || !sh.sh_size)
			continue;
		s = realloc(fm->secs, (fm->n + 1) * sizeof(*s));
		if (!s) {
			err = -ENOMEM;
			goto out;
		}
		fm->secs = s;
		s[fm->n++] = (struct fm_sec){
			.addr = sh.sh_addr, .size = sh.sh_size,
			.offset = sh.sh_offset,
			.nobits = sh.sh_type == SHT_NOBITS,
		};
	}
	qsort(fm->secs, fm->n, sizeof(*fm->secs), cmp_fm_sec);
out:
	elf_end(elf);
	if (err) {
		filemem_close(fm);
		return err;
	}
	*out = fm;
	return 0;
}

void filemem_close(struct filemem *fm)
{
	if (!fm)
		return;
	if (fm->fd >= 0)
		close(fm->fd);
	free(fm->secs);
	free(fm);
}

static ssize_t filemem_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct filemem *fm = ctx;
	uint64_t va = addr - fm->bias;
	size_t done = 0, i;

	/* Sections in address order; a read may run on into the next one
	 * when they touch. */
	for (i = 0; i < fm->n && done < len; i++) {
		const struct fm_sec *s = &fm->secs[i];
		uint64_t at = va + done, n;

		if (at < s->addr || at - s->addr >= s->size)
			continue;
		n = s->size - (at - s->addr);
		if (n > len - done)
			n = len - done;
		if (s->nobits) {
			memset((char *)buf + done, 0, n);
		} else {
			ssize_t r = pread(fm->fd, (char *)buf + done, n,
					  s->offset + (at - s->addr));

			if (r <= 0)
				break;
			n = r;
		}
		done += n;
	}
	return done ? (ssize_t)done : -EFAULT;
}

struct mem_reader filemem_reader(struct filemem *fm)
{
	return (struct mem_reader){ filemem_read, fm };
}

/* --- address spaces --- */

struct as_ent {
	struct as_obj pub;
	uint64_t dev;		/* makedev() of the maps' major:minor */
	uint64_t ino;
	uint64_t off0_start;	/* start of its offset-0 mapping */
	unsigned seq;		/* load order */
	unsigned batch;		/* the as_update() that first saw it */
	unsigned lmpos;		/* position in ld.so's list, 0 if absent */
};

struct addrspace {
	struct symcache *cache;
	char *exe;
	struct as_ent *ents;	/* sorted by seq (load order) */
	size_t nents;
	struct as_obj *objs;	/* public copies, same order */
	unsigned next_seq;
	unsigned batch;		/* as_update() calls so far */
	struct arena *strings;	/* paths and names; kept across updates */
};

int as_create(struct addrspace **out, struct symcache *c)
{
	struct addrspace *as = calloc(1, sizeof(*as));

	if (!as)
		return -ENOMEM;
	as->cache = c;
	*out = as;
	return 0;
}

static void ents_free(struct as_ent *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		elfobj_put(e[i].pub.obj);
	free(e);
}

void as_destroy(struct addrspace *as)
{
	if (!as)
		return;
	ents_free(as->ents, as->nents);
	free(as->objs);
	free(as->exe);
	arena_free(as->strings);
	free(as);
}

int as_set_exe(struct addrspace *as, const char *path)
{
	char *p = strdup(path);

	if (!p)
		return -ENOMEM;
	free(as->exe);
	as->exe = p;
	return 0;
}

static int parse_maps_line(char *line, struct as_map *m)
{
	unsigned long long start, end, off, ino;
	int n = 0;

	if (sscanf(line, "%llx-%llx %4s %llx %x:%x %llu %n", &start, &end,
		   m->perms, &off, &m->dev_major, &m->dev_minor, &ino,
		   &n) < 7 || !n)
		return -EINVAL;
	m->start = start;
	m->end = end;
	m->offset = off;
	m->ino = ino;
	m->path = line + n;
	return 0;
}

int as_parse_maps_lines(const char *text, struct as_map **out)
{
	size_t len = strlen(text), lines = 1, n = 0, i;
	struct as_map *v;
	char *copy, *p, *nl;
	int err = 0;

	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	v = malloc(lines * sizeof(*v) + len + 1);
	if (!v)
		return -ENOMEM;
	copy = (char *)(v + lines);
	memcpy(copy, text, len + 1);
	for (p = copy; *p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		else
			nl = p + strlen(p);
		if (!*p)
			continue;
		err = parse_maps_line(p, &v[n]);
		if (err)
			goto out;
		n++;
	}
out:
	if (err) {
		free(v);
		return err;
	}
	*out = v;
	return n;
}

static bool is_deleted(const char *path)
{
	size_t n = strlen(path);

	return n > 10 && !strcmp(path + n - 10, " (deleted)");
}

/* The load bias of an object whose offset-0 mapping starts at start:
 * gdb's rule, the PT_LOAD whose page-aligned offset is the mapping's. */
static uint64_t compute_bias(const struct elf_obj *o, const struct as_map *m)
{
	const uint64_t page = ~0xfffULL;
	size_t i;

	for (i = 0; i < o->nsegs; i++)
		if ((o->segs[i].offset & page) == m->offset)
			return m->start - (o->segs[i].vaddr & page);
	return m->start;
}

/* The object's extent: its PT_LOADs, .bss beyond the file included. */
static void seg_range(const struct elf_obj *o, uint64_t bias, uint64_t *lo,
		      uint64_t *hi)
{
	uint64_t l = UINT64_MAX, h = 0;
	size_t i;

	for (i = 0; i < o->nsegs; i++) {
		if (o->segs[i].vaddr < l)
			l = o->segs[i].vaddr & ~0xfffULL;
		if (o->segs[i].vaddr + o->segs[i].memsz > h)
			h = o->segs[i].vaddr + o->segs[i].memsz;
	}
	if (l < h) {
		*lo = l + bias;
		*hi = h + bias;
	}
}

static int open_object(struct addrspace *as, const struct as_map *m,
		       pid_t pid, struct elf_obj **out)
{
	dev_t dev = makedev(m->dev_major, m->dev_minor);
	char alt[96];
	int err;

	if (!is_deleted(m->path)) {
		err = symcache_get(as->cache, m->path, dev, m->ino, out);
		if (err != -ESTALE && err != -ENOENT)
			return err;
	}
	if (!pid)
		return -ENOENT;
	/* The file was replaced or deleted: the mapping still has it. */
	snprintf(alt, sizeof(alt), "/proc/%d/map_files/%" PRIx64 "-%" PRIx64,
		 (int)pid, m->start, m->end);
	return symcache_get(as->cache, alt, dev, m->ino, out);
}

static struct as_ent *find_ent(struct as_ent *v, size_t n, uint64_t dev,
			       uint64_t ino, uint64_t off0_start,
			       const char *path)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].dev == dev && v[i].ino == ino &&
		    v[i].off0_start == off0_start &&
		    !strcmp(v[i].pub.path, path))
			return &v[i];
	return NULL;
}

static int cmp_seq(const void *a, const void *b)
{
	const struct as_ent *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int as_update(struct addrspace *as, const char *maps_text, pid_t pid)
{
	struct as_map *maps = NULL;
	struct as_ent *nv = NULL, *cur = NULL;
	struct as_obj *objs = NULL;
	size_t nn = 0, i;
	const char *exe = as->exe;
	bool have_main = false;
	int n, err = 0;

	n = as_parse_maps_lines(maps_text, &maps);
	if (n < 0)
		return n;
	as->batch++;
	nv = calloc(n ? n : 1, sizeof(*nv));
	objs = calloc(n ? n : 1, sizeof(*objs));
	if (!nv || !objs) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < (size_t)n; i++) {
		const struct as_map *m = &maps[i];
		uint64_t dev = makedev(m->dev_major, m->dev_minor);
		struct as_ent *old;
		struct elf_obj *o;
		bool vdso = !strcmp(m->path, "[vdso]");

		if (!vdso && (m->path[0] != '/' || !m->ino))
			continue;	/* anonymous, [heap], [stack], ... */
		if (!vdso && m->offset != 0) {
			/* A later segment of the current object. */
			if (cur && cur->dev == dev && cur->ino == m->ino &&
			    !strcmp(cur->pub.path, m->path) &&
			    m->end > cur->pub.hi)
				cur->pub.hi = m->end;
			continue;
		}
		cur = NULL;
		old = find_ent(as->ents, as->nents, dev, m->ino, m->start,
			       m->path);
		if (old && old->pub.obj) {
			nv[nn] = *old;
			nv[nn].pub.obj = elfobj_get(old->pub.obj);
			cur = &nv[nn++];
			continue;
		}
		if (vdso) {
			o = NULL;	/* as_load_vdso() fills it in */
		} else {
			err = open_object(as, m, pid, &o);
			if (err == -ENOEXEC || err == -ENOENT ||
			    err == -EACCES || err == -ESTALE) {
				err = 0;	/* not ELF, or gone: no symbols */
				continue;
			}
			if (err)
				goto out;
		}
		cur = &nv[nn++];
		cur->pub.obj = o;
		cur->pub.path = arena_strdup(&as->strings, m->path);
		if (!cur->pub.path) {
			err = -ENOMEM;
			goto out;
		}
		cur->pub.name = cur->pub.path;
		cur->pub.bias = o ? compute_bias(o, m) : m->start;
		cur->pub.lo = m->start;
		cur->pub.hi = m->end;
		if (o)
			seg_range(o, cur->pub.bias, &cur->pub.lo,
				  &cur->pub.hi);
		cur->pub.is_vdso = vdso;
		cur->dev = dev;
		cur->ino = m->ino;
		cur->off0_start = m->start;
		cur->seq = old ? old->seq : as->next_seq++;
		cur->batch = old ? old->batch : as->batch;
		if (old) {
			/* vdso kept without its image: keep its name */
			cur->pub.name = old->pub.name;
		}
	}
	for (i = 0; i < nn; i++) {
		struct as_ent *e = &nv[i];

		e->pub.is_main = false;
		if (e->pub.is_vdso)
			continue;
		if (exe ? !strcmp(e->pub.path, exe) : !have_main) {
			if (!have_main)
				e->pub.is_main = true;
			have_main = true;
		}
	}
	qsort(nv, nn, sizeof(*nv), cmp_seq);
	for (i = 0; i < nn; i++)
		objs[i] = nv[i].pub;
	free(as->objs);
	as->objs = objs;
	objs = NULL;
	ents_free(as->ents, as->nents);
	as->ents = nv;
	as->nents = nn;
	nv = NULL;
out:
	if (nv)
		ents_free(nv, nn);
	free(objs);
	free(maps);
	return err;
}

static char *read_whole(const char *path)
{
	size_t cap = 16384, len = 0;
	char *buf = malloc(cap), *p;
	ssize_t r;
	int fd;

	if (!buf)
		return NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(buf);
		return NULL;
	}
	for (;;) {
		if (cap - len < 4096) {
			p = realloc(buf, cap * 2);
			if (!p)
				break;
			buf = p;
			cap *= 2;
		}
		r = read(fd, buf + len, cap - len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += r;
	}
	close(fd);
	buf[len] = '\0';
	return buf;
}

int as_update_pid(struct addrspace *as, pid_t pid)
{
	char path[64];
	char *text;
	int err;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	text = read_whole(path);
	if (!text)
		return errno ? -errno : -ENOMEM;
	err = as_update(as, text, pid);
	free(text);
	return err;
}

static void refresh_public(struct addrspace *as)
{
	size_t i;

	for (i = 0; i < as->nents; i++)
		as->objs[i] = as->ents[i].pub;
}

int as_load_vdso(struct addrspace *as, const struct mem_reader *mr)
{
	struct as_ent *e = NULL;
	struct as_map m = { 0 };
	struct elf_obj *o;
	uint8_t *img;
	size_t i, size;
	ssize_t got;
	int err;

	for (i = 0; i < as->nents; i++)
		if (as->ents[i].pub.is_vdso)
			e = &as->ents[i];
	if (!e)
		return -ENOENT;
	if (e->pub.obj)
		return 0;
	size = e->pub.hi - e->pub.lo;
	if (size > (1u << 20))
		return -EFBIG;
	img = malloc(size);
	if (!img)
		return -ENOMEM;
	got = mr->read(mr->ctx, e->pub.lo, img, size);
	if (got < 0 || (size_t)got < size) {
		err = got < 0 ? (int)got : -EIO;
		goto out;
	}
	err = elfobj_from_memory(img, size, "[vdso]", &o);
	if (err)
		goto out;
	m.start = e->pub.lo;
	e->pub.obj = o;
	e->pub.bias = compute_bias(o, &m);
	refresh_public(as);
out:
	free(img);
	return err;
}

/* r_debug and link_map, as the dynamic linker lays them out. */
struct lm64 {
	uint64_t l_addr, l_name, l_ld, l_next, l_prev;
};

static int read_ptr(const struct mem_reader *mr, uint64_t addr, int psize,
		    uint64_t *v)
{
	uint32_t v32;
	ssize_t r;

	if (psize == 8) {
		r = mr->read(mr->ctx, addr, v, 8);
		return r == 8 ? 0 : -EFAULT;
	}
	r = mr->read(mr->ctx, addr, &v32, 4);
	*v = v32;
	return r == 4 ? 0 : -EFAULT;
}

/* The executable, then by batch, then ld.so's order within a batch
 * (listed before unlisted), then the old order. */
static int cmp_load_order(const void *a, const void *b)
{
	const struct as_ent *x = a, *y = b;
	unsigned lx = x->lmpos ? x->lmpos : ~0u, ly = y->lmpos ? y->lmpos : ~0u;

	if (x->pub.is_main != y->pub.is_main)
		return x->pub.is_main ? -1 : 1;
	if (x->batch != y->batch)
		return x->batch < y->batch ? -1 : 1;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int as_load_link_map(struct addrspace *as, const struct mem_reader *mr)
{
	const struct elf_sym *rd = NULL;
	const struct as_obj *ld = NULL;
	uint64_t lm, rdaddr;
	size_t i;
	int psize, err, guard;

	for (i = 0; i < as->nents && !rd; i++) {
		const struct as_obj *o = &as->ents[i].pub;

		if (o->obj && (rd = elfobj_lookup_name(o->obj, "_r_debug")))
			ld = o;
	}
	if (!rd)
		return -ENOENT;
	psize = elfobj_class(ld->obj) == ELFCLASS64 ? 8 : 4;
	rdaddr = rd->addr + ld->bias;
	/* struct r_debug { int r_version; struct link_map *r_map; ... } */
	err = read_ptr(mr, rdaddr + psize, psize, &lm);
	if (err)
		return err;
	if (!lm)
		return -ENOENT;
	/* gdb appends new libraries in link_map order each time it looks:
	 * objects first seen together (all of them after an attach, the
	 * libraries after ld.so for a process seen from its exec) are
	 * ordered by ld.so's list; earlier ones keep their place. */
	for (i = 0; i < as->nents; i++)
		as->ents[i].lmpos = 0;
	for (guard = 0; lm && guard < 4096; guard++) {
		uint64_t l_addr, l_name, l_next;
		char *name;

		if (read_ptr(mr, lm, psize, &l_addr) ||
		    read_ptr(mr, lm + psize, psize, &l_name) ||
		    read_ptr(mr, lm + 3 * psize, psize, &l_next)) {
			err = -EFAULT;
			break;
		}
		name = l_name ? decode_read_str(mr, l_name, 4096, NULL, NULL)
			      : NULL;
		for (i = 0; name && *name && i < as->nents; i++) {
			struct as_ent *e = &as->ents[i];
			const char *copy;

			if (e->pub.is_main || e->pub.is_vdso ||
			    e->pub.bias != l_addr || !e->pub.obj)
				continue;
			copy = arena_strdup(&as->strings, name);
			e->pub.name = copy ? copy : e->pub.path;
			e->lmpos = 1 + guard;
			break;
		}
		free(name);
		lm = l_next;
	}
	qsort(as->ents, as->nents, sizeof(*as->ents), cmp_load_order);
	for (i = 0; i < as->nents; i++)
		as->ents[i].seq = i;
	as->next_seq = as->nents;
	refresh_public(as);
	return err;
}

const struct as_obj *as_objects(const struct addrspace *as, size_t *n)
{
	*n = as->nents;
	return as->objs;
}

const struct as_obj *as_main(const struct addrspace *as)
{
	size_t i;

	for (i = 0; i < as->nents; i++)
		if (as->objs[i].is_main)
			return &as->objs[i];
	return NULL;
}

const struct as_obj *as_obj_at(const struct addrspace *as, uint64_t addr)
{
	size_t i;

	for (i = 0; i < as->nents; i++)
		if (addr >= as->objs[i].lo && addr < as->objs[i].hi)
			return &as->objs[i];
	return NULL;
}

int as_locate(const struct addrspace *as, uint64_t addr, struct as_loc *loc)
{
	const struct as_obj *o = as_obj_at(as, addr);
	uint64_t va;

	memset(loc, 0, sizeof(*loc));
	if (!o)
		return -ENOENT;
	loc->obj = o;
	if (!o->obj)
		return 0;
	va = addr - o->bias;
	loc->sec = elfobj_section_at(o->obj, va);
	loc->sym = elfobj_lookup_addr(o->obj, va);
	if (loc->sym) {
		loc->sym_addr = loc->sym->addr + o->bias;
		loc->off = addr - loc->sym_addr;
	}
	return 0;
}

int as_lookup_name(const struct addrspace *as, const char *name,
		   uint64_t *addr, const struct elf_sym **sym)
{
	const struct as_obj *m = as_main(as);
	const struct elf_sym *s;
	size_t i;

	if (m && m->obj && (s = elfobj_lookup_name(m->obj, name)))
		goto found;
	for (i = 0; i < as->nents; i++) {
		m = &as->objs[i];
		if (m->is_main || !m->obj)
			continue;
		s = elfobj_lookup_name(m->obj, name);
		if (s)
			goto found;
	}
	return -ENOENT;
found:
	*addr = s->addr + m->bias;
	if (sym)
		*sym = s;
	return 0;
}

static int as_sym_lookup(void *ctx, uint64_t addr, const char **name,
			 uint64_t *off)
{
	struct as_loc loc;

	if (as_locate(ctx, addr, &loc) || !loc.sym)
		return -ENOENT;
	/* gdb's build_address_symbolic: a data symbol of size zero (a
	 * linker label such as _GLOBAL_OFFSET_TABLE_) labels nothing. */
	if (loc.sym->kind == ESYM_DATA && !loc.sym->size)
		return -ENOENT;
	*name = loc.sym->name;
	*off = loc.off;
	return 0;
}

struct symbolizer as_symbolizer(const struct addrspace *as)
{
	return (struct symbolizer){ as_sym_lookup, (void *)as };
}

/* The name `info symbol` shows: gdb's demangled "print name", which for
 * C symbols differs in two common shapes. */
static void print_name(struct strbuf *sb, const char *name)
{
	const char *dot = strchr(name, '.'), *p;
	size_t n = strlen(name);

	if (n > 8 && !strcmp(name + n - 8, "@got.plt")) {
		sb_printf(sb, "%.*s@got[plt]", (int)(n - 8), name);
		return;
	}
	/* "completed.0": a local static's numbered suffix */
	if (dot && dot > name && dot[1] && !strchr(dot + 1, '.')) {
		for (p = dot + 1; *p >= '0' && *p <= '9'; p++)
			;
		if (!*p) {
			sb_printf(sb, "%.*s", (int)(dot - name), name);
			return;
		}
	}
	sb_puts(sb, name);
}

static size_t as_objfile_count(const struct addrspace *as)
{
	size_t i, n = 0;

	for (i = 0; i < as->nents; i++)
		n += 1 + (as->objs[i].obj && elfobj_debug_path(as->objs[i].obj));
	return n;
}

void as_info_symbol(const struct addrspace *as, struct strbuf *sb,
		    uint64_t addr, const char *arg)
{
	struct as_loc loc;

	if (as_locate(as, addr, &loc) || !loc.sym || !loc.sec) {
		sb_printf(sb, "No symbol matches %s.\n", arg);
		return;
	}
	print_name(sb, loc.sym->name);
	/* gdb prints the offset with %u. */
	if (loc.off)
		sb_printf(sb, " + %u", (unsigned)loc.off);
	sb_printf(sb, " in section %s", loc.sec->name);
	/* gdb names the file once it has more than one objfile (separate
	 * debug files count). */
	if (as_objfile_count(as) > 1)
		sb_printf(sb, " of %s", loc.obj->name);
	sb_putc(sb, '\n');
}

void as_info_sharedlibrary(const struct addrspace *as, struct strbuf *sb)
{
	const struct as_obj *m = as_main(as);
	bool missing = false, any = false;
	int w = 18;		/* 0x + 16 digits; 10 for 32-bit */
	size_t i;

	if (m && m->obj && elfobj_class(m->obj) == ELFCLASS32)
		w = 10;
	for (i = 0; i < as->nents; i++) {
		const struct as_obj *o = &as->objs[i];
		const struct elf_sec *t;
		uint64_t lo = 0, hi = 0;
		const char *read;

		if (o->is_main || o->is_vdso || !o->obj)
			continue;
		if (!any)
			sb_printf(sb, "%-*s%-*s%-12s%s\n", w + 2, "From",
				  w + 2, "To", "Syms Read",
				  "Shared Object Library");
		any = true;
		t = elfobj_section_named(o->obj, ".text");
		if (t) {
			lo = t->addr + o->bias;
			hi = t->addr + t->size + o->bias;
		}
		read = "Yes";
		if (!elfobj_has_debug_info(o->obj)) {
			read = "Yes (*)";
			missing = true;
		}
		if (t)
			sb_printf(sb, "0x%0*" PRIx64 "  0x%0*" PRIx64 "  ",
				  w - 2, lo, w - 2, hi);
		else
			sb_printf(sb, "%*s", 2 * (w + 2), "");
		sb_printf(sb, "%-12s%s\n", read, o->name);
	}
	if (!any)
		sb_puts(sb, "No shared libraries loaded at this time.\n");
	else if (missing)
		sb_puts(sb, "(*): Shared library is missing debugging "
			    "information.\n");
}

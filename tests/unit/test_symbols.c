/* symbols: ELF symbol tables and address spaces. Maps parsing and load
 * bias on literal maps text; symbol tables against nm and readelf; the
 * address space of this very process (vdso, link_map, load order); and
 * gdb's `info symbol` / `info sharedlibrary` on build/progs/dbg_target,
 * statically and while it runs. */
#include "debugger/symbols.h"

#include <elf.h>
#include <ctype.h>
#include <errno.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <unistd.h>

#include "t.h"

#include "gdb_helpers.h"

/* One maps line for path at start with the file offset off. */
static void maps_line(struct strbuf *sb, const char *path, uint64_t start,
		      uint64_t end, const char *perms, uint64_t off)
{
	struct stat st;

	if (stat(path, &st))
		memset(&st, 0, sizeof(st));
	sb_printf(sb, "%llx-%llx %s %08llx %02x:%02x %llu                  "
		  "%s\n", (unsigned long long)start, (unsigned long long)end,
		  perms, (unsigned long long)off, major(st.st_dev),
		  minor(st.st_dev), (unsigned long long)st.st_ino, path);
}

/* --- maps text --- */

static void test_parse(void)
{
	static const char text[] =
		"555555554000-555555555000 r--p 00000000 fe:00 1234          "
		"             /usr/bin/prog with space\n"
		"7ffff7fc1000-7ffff7fc5000 r--p 00000000 00:00 0            "
		"              [vvar]\n"
		"7ffff7fc5000-7ffff7fc7000 r-xp 00000000 00:00 0            "
		"              [vdso]\n"
		"7ffff7fd0000-7ffff7fd1000 rw-p 00000000 00:00 0 \n"
		"7ffff7fd1000-7ffff7fd2000 r-xp 00002000 08:01 99 /tmp/x "
		"(deleted)\n";
	struct as_map *m;
	int n = as_parse_maps_lines(text, &m);

	T_OK(n == 5, "five maps lines (%d)", n);
	if (n != 5)
		return;
	T_OK(m[0].start == 0x555555554000ULL && m[0].end == 0x555555555000ULL
	     && m[0].offset == 0 && m[0].dev_major == 0xfe &&
	     m[0].dev_minor == 0 && m[0].ino == 1234 &&
	     !strcmp(m[0].perms, "r--p"), "fields of line 1");
	T_STREQ(m[0].path, "/usr/bin/prog with space", "path with a space");
	T_STREQ(m[2].path, "[vdso]", "pseudo path");
	T_STREQ(m[3].path, "", "anonymous mapping");
	T_OK(m[4].offset == 0x2000 && m[4].dev_major == 8 &&
	     m[4].dev_minor == 1, "offset and device");
	T_STREQ(m[4].path, "/tmp/x (deleted)", "deleted file");
	free(m);
	T_OK(as_parse_maps_lines("zzzz-1 r--p\n", &m) == -EINVAL,
	     "malformed line refused");
	T_OK(as_parse_maps_lines("", &m) == 0, "empty text");
	free(m);
}

/* --- load bias and address ranges --- */

static void test_bias(struct symcache *c, const char *target)
{
	struct strbuf maps = STRBUF_INIT, sb = STRBUF_INIT;
	const char *libc = "/lib/x86_64-linux-gnu/libc.so.6";
	struct addrspace *as;
	const struct as_obj *o, *m;
	const struct elf_seg *seg;
	struct elf_obj *lo;
	size_t n, ns, i;
	uint64_t a;

	if (symcache_get(c, libc, 0, 0, &lo)) {
		T_OK(0, "libc loads");
		return;
	}
	seg = elfobj_segments(lo, &ns);
	/* A PIE at gdb's usual base; libc with one mapping per PT_LOAD. */
	maps_line(&maps, target, 0x555555554000ULL, 0x555555555000ULL,
		  "r--p", 0);
	maps_line(&maps, target, 0x555555555000ULL, 0x555555556000ULL,
		  "r-xp", 0x1000);
	sb_puts(&maps, "555555559000-55555557a000 rw-p 00000000 00:00 0     "
		       "  [heap]\n");
	for (i = 0; i < ns; i++)
		maps_line(&maps, libc,
			  0x7ffff7dc0000ULL + (seg[i].vaddr & ~0xfffULL),
			  0x7ffff7dc0000ULL + ((seg[i].vaddr + seg[i].memsz +
						0xfff) & ~0xfffULL),
			  seg[i].flags & PF_X ? "r-xp" : "r--p",
			  seg[i].offset & ~0xfffULL);
	elfobj_put(lo);
	if (as_create(&as, c) || as_update(as, sb_str(&maps), 0)) {
		T_OK(0, "address space from maps text");
		return;
	}
	o = as_objects(as, &n);
	T_OK(n == 2, "two objects (heap skipped): %zu", n);
	m = as_main(as);
	T_OK(m && m->bias == 0x555555554000ULL,
	     "PIE bias is the map start");
	T_OK(n == 2 && o[1].bias == 0x7ffff7dc0000ULL,
	     "libc bias from its first PT_LOAD");
	T_OK(!as_lookup_name(as, "main", &a, NULL) && m &&
	     a == m->bias + elfobj_lookup_name(m->obj, "main")->addr,
	     "main's runtime address");
	/* .bss beyond the file mappings still belongs to the object */
	T_OK(!as_lookup_name(as, "sink", &a, NULL) && as_obj_at(as, a) == m,
	     "a .bss address is inside the executable");
	as_info_symbol(as, &sb, a, "&sink");
	sb_printf(&maps, "sink in section .bss of %s\n", target);
	T_STREQ(sb_str(&sb), strstr(sb_str(&maps), "sink in"),
		"info symbol in .bss, two objects: \"of FILE\"");
	sb_free(&sb);
	as_destroy(as);
	sb_free(&maps);
}

/* --- one file --- */

/* Every function and object nm lists, found by name at its address. */
static void test_vs_nm(struct symcache *c, const char *path)
{
	struct strbuf cmd = STRBUF_INIT, out = STRBUF_INIT;
	struct elf_obj *o;
	const char *p;
	int checked = 0, bad = 0;

	if (symcache_get(c, path, 0, 0, &o))
		return;
	sb_puts(&cmd, "nm --defined-only ");
	sh_quote(&cmd, path);
	if (run_cmd(sb_str(&cmd), &out)) {
		T_OK(0, "nm runs");
		goto out;
	}
	for (p = sb_str(&out); *p;) {
		unsigned long long addr;
		char type, name[256];
		const struct elf_sym *s;
		const char *nl = strchr(p, '\n');

		if (sscanf(p, "%llx %c %255s", &addr, &type, name) == 3 &&
		    strchr("TtDdBbRr", type) && !strchr(name, '@')) {
			s = elfobj_lookup_name(o, name);
			checked++;
			/* locals may repeat a name: any copy will do */
			if (!s || (s->addr != addr && s->global)) {
				bad++;
				printf("# nm: %s at %llx, got %llx\n", name,
				       addr, s ? (unsigned long long)s->addr
					       : 0ULL);
			}
		}
		p = nl ? nl + 1 : p + strlen(p);
	}
	T_OK(checked > 20 && !bad, "%d nm symbols found by name (%d bad)",
	     checked, bad);
out:
	elfobj_put(o);
	sb_free(&cmd);
	sb_free(&out);
}

static void test_object(struct symcache *c, const char *path)
{
	struct strbuf cmd = STRBUF_INIT, out = STRBUF_INIT, hex = STRBUF_INIT;
	struct elf_obj *o, *o2;
	const struct elf_sym *s, *plt;
	const uint8_t *id;
	size_t len, i;

	if (symcache_get(c, path, 0, 0, &o)) {
		T_OK(0, "load %s", path);
		return;
	}
	T_OK(!symcache_get(c, path, 0, 0, &o2) && o2 == o,
	     "the cache hands out one object per file");
	elfobj_put(o2);
	s = elfobj_lookup_name(o, "foo");
	T_OK(s && s->kind == ESYM_TEXT && s->size == 12 && s->global,
	     "foo: global function of 12 bytes");
	T_OK(s && elfobj_lookup_addr(o, s->addr + 5) == s,
	     "foo+5 resolves to foo");
	s = elfobj_lookup_name(o, "counter");
	T_OK(s && s->kind == ESYM_DATA && s->size == 4, "counter: data, 4");
	s = elfobj_lookup_name(o, "hidden_static");
	T_OK(s && !s->global && s->kind == ESYM_DATA,
	     "static variable from .symtab");
	s = elfobj_lookup_name(o, "dump_maps");
	T_OK(s && !s->global && s->kind == ESYM_TEXT,
	     "static function from .symtab");
	plt = elfobj_lookup_name(o, "printf@plt");
	T_OK(plt && plt->kind == ESYM_TEXT &&
	     !strcmp(elfobj_section_at(o, plt->addr)->name, ".plt"),
	     "synthetic printf@plt in .plt");
	s = elfobj_lookup_name(o, "printf@got.plt");
	T_OK(s && s->size == 8 &&
	     !strcmp(elfobj_section_at(o, s->addr)->name, ".got.plt"),
	     "synthetic printf@got.plt in .got.plt");
	T_OK(!elfobj_lookup_name(o, "printf"), "undefined printf not listed");
	T_OK(elfobj_type(o) == ET_DYN && elfobj_class(o) == ELFCLASS64,
	     "PIE, 64-bit");
	T_OK(elfobj_has_debug_info(o), "dbg_target has DWARF");
	/* build-id against readelf */
	id = elfobj_build_id(o, &len);
	for (i = 0; i < len; i++)
		sb_printf(&hex, "%02x", id[i]);
	sb_puts(&cmd, "readelf -n ");
	sh_quote(&cmd, path);
	sb_puts(&cmd, " | sed -n 's/.*Build ID: //p'");
	if (!run_cmd(sb_str(&cmd), &out)) {
		T_OK(len == 20 && !strncmp(sb_str(&out), sb_str(&hex),
					   2 * len),
		     "build-id %s matches readelf", sb_str(&hex));
	}
	elfobj_put(o);
	sb_free(&cmd);
	sb_free(&out);
	sb_free(&hex);
}

/* libc with its libc6-dbg debug file (when installed): local symbols. */
static void test_debug_file(struct symcache *c)
{
	const char *libc = "/lib/x86_64-linux-gnu/libc.so.6";
	char path[256];
	struct elf_obj *o;
	const uint8_t *id;
	size_t len, i, n = 0;

	if (symcache_get(c, libc, 0, 0, &o)) {
		T_OK(0, "libc loads");
		return;
	}
	id = elfobj_build_id(o, &len);
	if (len > 1) {
		n = snprintf(path, sizeof(path), "/usr/lib/debug/.build-id/"
			     "%02x/", id[0]);
		for (i = 1; i < len; i++)
			n += snprintf(path + n, sizeof(path) - n, "%02x",
				      id[i]);
		snprintf(path + n, sizeof(path) - n, ".debug");
	}
	if (len < 2 || access(path, R_OK)) {
		T_OK(!elfobj_debug_path(o), "no debug file: none merged");
	} else {
		T_STREQ(elfobj_debug_path(o), path, "debug file by build-id");
		T_OK(elfobj_lookup_name(o, "__libc_start_call_main") != NULL,
		     "a local symbol only the debug file has");
		T_OK(elfobj_has_debug_info(o), "DWARF seen in the debug file");
	}
	elfobj_put(o);
}

/* --- this process --- */

static ssize_t self_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct iovec l = { buf, len }, r = { (void *)(uintptr_t)addr, len };
	ssize_t n = process_vm_readv(getpid(), &l, 1, &r, 1, 0);

	(void)ctx;
	return n < 0 ? -errno : n;
}

static int find_libc(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	if (strstr(info->dlpi_name, "/libc.so.6")) {
		snprintf(data, 4096, "%s", info->dlpi_name);
		return 1;
	}
	return 0;
}

/* The libraries in ld.so's order, as "name\n" lines. */
static int list_libs(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	if (info->dlpi_name[0] == '/')
		sb_printf(data, "%s\n", info->dlpi_name);
	return 0;
}

static void test_self(struct symcache *c)
{
	struct mem_reader mr = { self_read, NULL };
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	struct addrspace *as, *as2;
	const struct as_obj *o, *o2, *libc = NULL;
	uint64_t a, vdso = getauxval(AT_SYSINFO_EHDR);
	struct as_loc loc;
	char name[4096] = "";
	size_t n, n2, i;
	bool shared = true;

	if (as_create(&as, c) || as_update_pid(as, getpid())) {
		T_OK(0, "address space of this process");
		return;
	}
	T_OK(!as_lookup_name(as, "getpid", &a, NULL) &&
	     a == (uint64_t)(uintptr_t)&getpid, "getpid's address");
	T_OK(!as_locate(as, (uintptr_t)&getpid + 3, &loc) && loc.sym &&
	     !strcmp(loc.sym->name, "getpid") && loc.off == 3,
	     "getpid+3 located");
	/* vdso from memory */
	T_OK(as_load_vdso(as, &mr) == 0, "vdso loaded from memory");
	T_OK(!as_lookup_name(as, "__vdso_clock_gettime", &a, NULL) &&
	     as_obj_at(as, a) && as_obj_at(as, a)->is_vdso &&
	     a - vdso < 0x10000, "__vdso_clock_gettime inside the vdso");
	T_OK(!as_locate(as, a, &loc) && loc.sym && loc.off == 0 &&
	     strstr(loc.sym->name, "clock_gettime"),
	     "vdso address symbolized (%s)", loc.sym ? loc.sym->name : "-");
	/* link_map names and order */
	dl_iterate_phdr(find_libc, name);
	T_OK(as_load_link_map(as, &mr) == 0, "link_map walked");
	o = as_objects(as, &n);
	for (i = 0; i < n; i++)
		if (strstr(o[i].path, "/libc.so.6"))
			libc = &o[i];
	T_OK(libc && !strcmp(libc->name, name),
	     "libc named as ld.so names it (%s)", name);
	T_OK(n && o[0].is_main, "the executable comes first");
	/* all seen in one update: ld.so's order */
	dl_iterate_phdr(list_libs, &want);
	for (i = 0; i < n; i++)
		if (!o[i].is_main && !o[i].is_vdso && o[i].obj)
			sb_printf(&sb, "%s\n", o[i].name);
	T_STREQ(sb_str(&sb), sb_str(&want), "libraries in link_map order");
	sb_reset(&sb);
	sb_reset(&want);
	as_info_symbol(as, &sb, (uintptr_t)&getpid, "getpid");
	sb_printf(&want, "getpid in section .text of %s\n", name);
	T_STREQ(sb_str(&sb), sb_str(&want), "info symbol getpid");
	sb_reset(&sb);
	as_info_symbol(as, &sb, 8, "8");
	T_STREQ(sb_str(&sb), "No symbol matches 8.\n", "info symbol miss");
	/* a second process image shares the objects */
	if (!as_create(&as2, c) && !as_update_pid(as2, getpid())) {
		o2 = as_objects(as2, &n2);
		for (i = 0; i < n2; i++) {
			const struct as_obj *x = as_obj_at(as, o2[i].lo);

			if (o2[i].obj && (!x || x->obj != o2[i].obj))
				shared = false;
		}
		T_OK(shared, "two address spaces share cached objects");
	}
	as_destroy(as2);
	sb_free(&sb);
	sb_free(&want);
	as_destroy(as);
}

/* Maps reread: objects come and go, survivors keep their place. */
static void test_update(struct symcache *c, const char *target)
{
	const char *libc = "/lib/x86_64-linux-gnu/libc.so.6";
	const char *libm = "/lib/x86_64-linux-gnu/libm.so.6";
	struct strbuf m1 = STRBUF_INIT, m2 = STRBUF_INIT;
	struct addrspace *as;
	const struct as_obj *o;
	size_t n;

	maps_line(&m1, target, 0x555555554000ULL, 0x555555555000ULL, "r--p",
		  0);
	maps_line(&m1, libm, 0x7ffff7e00000ULL, 0x7ffff7e10000ULL, "r--p",
		  0);
	maps_line(&m2, target, 0x555555554000ULL, 0x555555555000ULL, "r--p",
		  0);
	maps_line(&m2, libc, 0x7ffff7c00000ULL, 0x7ffff7c10000ULL, "r--p",
		  0);
	maps_line(&m2, libm, 0x7ffff7e00000ULL, 0x7ffff7e10000ULL, "r--p",
		  0);
	if (as_create(&as, c) || as_update(as, sb_str(&m1), 0) ||
	    as_update(as, sb_str(&m2), 0)) {
		T_OK(0, "updates");
		return;
	}
	o = as_objects(as, &n);
	T_OK(n == 3 && strstr(o[1].path, "libm") && strstr(o[2].path, "libc"),
	     "a new library goes after the ones already loaded");
	as_update(as, sb_str(&m1), 0);
	o = as_objects(as, &n);
	T_OK(n == 2 && strstr(o[1].path, "libm"), "an unmapped one goes away");
	as_destroy(as);
	sb_free(&m1);
	sb_free(&m2);
}

/* --- against gdb --- */

static const char *const sym_args[] = {
	"main", "main+4", "&counter", "(char *)&msg+3", "&sink", "foo+11",
	"0", "0x2000", "0x2001", "_start", "&__dso_handle", "&hidden_static",
	"0x4000", "'printf@plt'", "'printf@plt'+4",
};

/* The address an argument above means: "&name", "name+N", "(char *)&name+N"
 * or a number. */
static uint64_t arg_address(const struct addrspace *as, const char *a)
{
	uint64_t addr;
	char name[64];
	size_t n = 0;

	if (!strncmp(a, "(char *)", 8))
		a += 8;
	if (*a == '&')
		a++;
	if (*a == '\'')
		a++;
	while (n < sizeof(name) - 1 && (isalnum((unsigned char)*a) ||
					strchr("_@.", *a)) && *a)
		name[n++] = *a++;
	name[n] = '\0';
	if (*a == '\'')
		a++;
	if (!n || isdigit((unsigned char)name[0]) ||
	    as_lookup_name(as, name, &addr, NULL))
		return strtoull(name, NULL, 0);
	return *a == '+' ? addr + strtoull(a + 1, NULL, 0) : addr;
}

/* `info symbol` before the program runs: one objfile, no "of". */
static void test_gdb_static(struct symcache *c, const char *path)
{
	char buf[sizeof(sym_args) / sizeof(sym_args[0])][64];
	const char *cmds[sizeof(sym_args) / sizeof(sym_args[0])];
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	struct addrspace *as = NULL;
	struct strbuf maps = STRBUF_INIT;
	size_t i, n = sizeof(sym_args) / sizeof(sym_args[0]);

	for (i = 0; i < n; i++) {
		snprintf(buf[i], sizeof(buf[i]), "info symbol %s", sym_args[i]);
		cmds[i] = buf[i];
	}
	maps_line(&maps, path, 0, 0x1000, "r--p", 0);
	if (run_gdb(path, cmds, n, &want) || as_create(&as, c) ||
	    as_update(as, sb_str(&maps), 0)) {
		T_OK(0, "gdb info symbol");
		goto out;
	}
	for (i = 0; i < n; i++)
		as_info_symbol(as, &got, arg_address(as, sym_args[i]),
			       sym_args[i]);
	T_STREQ(sb_str(&got), sb_str(&want),
		"info symbol matches gdb on the static program");
out:
	as_destroy(as);
	sb_free(&maps);
	sb_free(&want);
	sb_free(&got);
}

/* Replace every "of /path" ending a line, and sharedlibrary names, by
 * their real path: gdb names libraries as ld.so did, the maps by the
 * files' canonical paths. */
static void canon_paths(struct strbuf *sb)
{
	struct strbuf o = STRBUF_INIT;
	const char *p = sb_str(sb), *nl;

	for (; *p; p = nl) {
		const char *slash;
		char rp[4096];

		nl = strchr(p, '\n');
		nl = nl ? nl + 1 : p + strlen(p);
		slash = memchr(p, '/', nl - p);
		if (slash && (slash == p || slash[-1] == ' ')) {
			char path[4096];
			size_t len = nl - slash;

			while (len && (slash[len - 1] == '\n'))
				len--;
			snprintf(path, sizeof(path), "%.*s", (int)len, slash);
			if (realpath(path, rp)) {
				sb_append(&o, p, slash - p);
				sb_printf(&o, "%s\n", rp);
				continue;
			}
		}
		sb_append(&o, p, nl - p);
	}
	sb_reset(sb);
	sb_puts(sb, sb_str(&o));
	sb_free(&o);
}

/* The text gdb printed between "echo @@name" markers. */
static void section_of(const char *all, const char *name, struct strbuf *out)
{
	char mark[64];
	const char *s, *e;

	snprintf(mark, sizeof(mark), "@@%s\n", name);
	s = strstr(all, mark);
	if (!s)
		return;
	s += strlen(mark);
	e = strstr(s, "@@");
	sb_append(out, s, e ? (size_t)(e - s) : strlen(s));
}

/* The lines of maps text that exist right after exec: the program,
 * the dynamic linker and the kernel's pseudo mappings. (Static buffer.) */
static const char *exec_time_maps(const char *text, const char *exe)
{
	static char out[1 << 16];
	const char *p, *nl;
	size_t n = 0;

	for (p = text; *p && n < sizeof(out) - 1; p = nl) {
		nl = strchr(p, '\n');
		nl = nl ? nl + 1 : p + strlen(p);
		if (((size_t)(nl - p) < sizeof(out) - 1 - n) &&
		    (strstr(p, exe) < nl && strstr(p, exe) ? true :
		     (strstr(p, "/ld-linux") && strstr(p, "/ld-linux") < nl) ||
		     (strchr(p, '[') && strchr(p, '[') < nl))) {
			memcpy(out + n, p, nl - p);
			n += nl - p;
		}
	}
	out[n] = '\0';
	return out;
}

static const char *const live_args[] = {
	"main", "main+4", "&counter", "printf", "malloc+16", "getpid",
	"&environ", "_dl_debug_state", "$pc",
};

static void test_gdb_live(struct symcache *c, const char *path)
{
	char maps_path[] = "/tmp/jail-test-maps-XXXXXX";
	const char *cmds[64];
	char bufs[32][128];
	struct strbuf out = STRBUF_INIT, want = STRBUF_INIT,
		      got = STRBUF_INIT;
	struct addrspace *as = NULL;
	char *text = NULL;
	size_t n = 0, i, k = 0, len;
	uint64_t pc = 0;
	FILE *f;
	int fd = mkstemp(maps_path);

	if (fd < 0)
		return;
	close(fd);
	cmds[n++] = "set pagination off";
	cmds[n++] = "break dbg_stop";
	snprintf(bufs[k], sizeof(bufs[k]), "run maps %s", maps_path);
	cmds[n++] = bufs[k++];
	cmds[n++] = "echo @@shlib\\n";
	cmds[n++] = "info sharedlibrary";
	cmds[n++] = "echo @@pc\\n";
	cmds[n++] = "p/x $pc";
	for (i = 0; i < sizeof(live_args) / sizeof(live_args[0]); i++) {
		snprintf(bufs[k], sizeof(bufs[k]), "echo @@sym%zu\\n", i);
		cmds[n++] = bufs[k++];
		snprintf(bufs[k], sizeof(bufs[k]), "info symbol %s",
			 live_args[i]);
		cmds[n++] = bufs[k++];
	}
	cmds[n++] = "echo @@end\\n";
	cmds[n++] = "kill";
	run_gdb(path, cmds, n, &out);
	f = fopen(maps_path, "r");
	if (f) {
		text = calloc(1, 1 << 20);
		len = text ? fread(text, 1, (1 << 20) - 1, f) : 0;
		(void)len;
		fclose(f);
	}
	unlink(maps_path);
	if (!text || !*text || !strstr(sb_str(&out), "@@end")) {
		T_OK(0, "gdb ran dbg_target to dbg_stop");
		printf("# %s\n", sb_str(&out));
		goto out;
	}
	/* As the engine sees it: the maps at exec (the program, ld.so,
	 * the vdso), then after the libraries were mapped. */
	if (as_create(&as, c) || as_set_exe(as, path) ||
	    as_update(as, exec_time_maps(text, path), 0) ||
	    as_update(as, text, 0)) {
		T_OK(0, "address space from the live maps");
		goto out;
	}
	/* info sharedlibrary: same rows in the same (load) order, the
	 * paths canonical. */
	section_of(sb_str(&out), "shlib", &want);
	as_info_sharedlibrary(as, &got);
	canon_paths(&want);
	canon_paths(&got);
	T_STREQ(sb_str(&got), sb_str(&want),
		"info sharedlibrary matches gdb");
	sb_reset(&want);
	section_of(sb_str(&out), "pc", &want);
	if (sscanf(sb_str(&want), "$%*d = %llx", (unsigned long long *)&pc)
	    != 1)
		T_OK(0, "pc from gdb");
	for (i = 0; i < sizeof(live_args) / sizeof(live_args[0]); i++) {
		const char *a = live_args[i];
		uint64_t addr;
		char sec[16];

		sb_reset(&want);
		sb_reset(&got);
		snprintf(sec, sizeof(sec), "sym%zu", i);
		section_of(sb_str(&out), sec, &want);
		addr = !strcmp(a, "$pc") ? pc : arg_address(as, a);
		as_info_symbol(as, &got, addr, live_args[i]);
		canon_paths(&want);
		canon_paths(&got);
		T_STREQ(sb_str(&got), sb_str(&want), live_args[i]);
	}
out:
	free(text);
	as_destroy(as);
	sb_free(&out);
	sb_free(&want);
	sb_free(&got);
}

int main(void)
{
	const char *target = target_path();
	struct symcache *c;

	test_parse();
	if (symcache_create(&c, NULL)) {
		T_OK(0, "symcache_create");
		return T_DONE();
	}
	if (!target) {
		T_OK(0, "build/progs/dbg_target exists or builds");
		symcache_destroy(c);
		return T_DONE();
	}
	test_bias(c, target);
	test_object(c, target);
	test_vs_nm(c, target);
	test_debug_file(c);
	test_self(c);
	test_update(c, target);
	if (have_gdb()) {
		test_gdb_static(c, target);
		test_gdb_live(c, target);
	} else {
		T_OK(0, "gdb is installed (run make deps): differential "
			"tests need it");
	}
	symcache_destroy(c);
	return T_DONE();
}

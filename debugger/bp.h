/* bp: breakpoints, watchpoints and catchpoints (internal to debugger/).
 *
 * A breakpoint has locations, one per process whose image resolves its
 * spec: breakpoints apply to every process of the tree (gdb with
 * detach-on-fork off), a *ADDRESS one only to processes running the
 * executable it was set in. Two backends put a location in place:
 *
 *  - software: int3 at the address, per address space. Insertions are
 *    reference counted per (address space, address) in a shadow table
 *    that also hides the 0xCC bytes from memory reads. A fork child has
 *    its parent's bytes; a vfork child shares its parent's memory (and
 *    shadow table) until it execs; exec drops the table and re-resolves.
 *  - hardware: debug registers DR0-DR3 with DR7's enable, type and length
 *    bits, set in every thread (threads created later get them before
 *    they first run); x86 has four slots for hbreak and watch together.
 *
 * Momentary breakpoints (nexti's return address, until/advance) are
 * internal, belong to one thread and die at the next stop for the user.
 */
#ifndef JAIL_DBG_BP_H
#define JAIL_DBG_BP_H

#include <stdbool.h>
#include <stdint.h>

#include "debugger/session.h"

enum { BP_MAX_SYSCALL = 1024 };

enum bp_type {
	BPT_BREAK,
	BPT_HBREAK,
	BPT_WATCH,		/* write */
	BPT_RWATCH,
	BPT_AWATCH,
	BPT_CATCH_SYSCALL,
	BPT_CATCH_SIGNAL,
	BPT_CATCH_FORK,
	BPT_CATCH_VFORK,
	BPT_CATCH_EXEC,
	BPT_MOMENTARY,		/* until, advance, nexti: internal */
	BPT_SOLIB,		/* the dynamic linker's hook: internal */
};

/* A location spec: what `break`, `tbreak`, `until` take. Parsed once;
 * resolved in each process by the resolver of its kind. The DWARF work
 * adds LOC_LINE ("file.c:12") with its resolver. */
enum loc_kind {
	LOC_ADDRESS,		/* *EXPR */
	LOC_SYMBOL,		/* name, name+off */
	LOC_LINE,		/* file:line: needs DWARF */
};

struct loc_spec {
	enum loc_kind kind;
	char *text;		/* as typed, for info breakpoints */
	char *sym;		/* LOC_SYMBOL */
	int64_t offset;		/* LOC_SYMBOL: name+off */
	char *expr;		/* LOC_ADDRESS */
	char *file;		/* LOC_LINE */
	int line;
	uint64_t addr;		/* LOC_ADDRESS: evaluated when set */
};

/* Parse "main", "main+4", "*0x401136", "*$pc + 2", "f.c:12". 0 or
 * -EINVAL. out owns its strings (loc_spec_free). */
int loc_parse(const char *text, struct loc_spec *out);
void loc_spec_free(struct loc_spec *ls);

struct bp_loc {
	struct bp *bp;
	struct dproc *proc;
	uint64_t addr;
	bool inserted;
	struct bp_loc *next;
};

struct bp {
	int num;		/* 0 for internal ones */
	enum bp_type type;
	bool temp;		/* tbreak: deleted when hit */
	bool once;		/* enable once: disabled when hit */
	bool enabled;
	struct loc_spec loc;
	char *exe;		/* LOC_ADDRESS: the image it belongs to */
	char *cond;
	unsigned ignore;
	unsigned hits;
	char **cmds;
	size_t ncmds;
	struct dthread *thread;	/* momentary: only this thread */
	uint64_t frame_sp;	/* nexti: stop only when sp >= this */
	int slot;		/* hardware: DR index, -1 none */
	/* Watchpoints. */
	char *expr;
	uint64_t waddr;
	unsigned wlen;
	uint8_t old[8];
	const void *wtype;	/* the expression's type (expr.h) */
	/* Catchpoints. */
	bool any;
	uint8_t *set, *set32;	/* syscall numbers (x86_64, i386), bitmaps */
	uint64_t sigs;		/* bit n: signal n+1 */
	int sig_mode;		/* 0 standard, 1 list, 2 all */
	pid_t last_child;	/* catch fork: for info breakpoints */
	char *last_exec;
	bool delete_after_stop;
	struct bp_loc *locs;
	struct bp *next;
};

/* What a hit means. */
enum bp_verdict {
	BPV_NONE,		/* nothing of ours there: resume */
	BPV_STOP,		/* stop for the user (th->why, d->note set) */
	BPV_PASS,		/* a breakpoint that does not stop: step over */
	BPV_STEP_DONE,		/* nexti's return breakpoint: a step ended */
};

/* --- process life --- */
void bp_proc_born(struct dbg *d, struct dproc *p, struct dproc *parent,
		  bool shared);
void bp_proc_exec(struct dbg *d, struct dproc *p, struct dthread *th);
void bp_proc_gone(struct dbg *d, struct dproc *p);
void bp_thread_gone(struct dbg *d, struct dthread *th);
/* The dynamic linker reported a library change in p. */
void bp_solib_event(struct dbg *d, struct dproc *p);

/* --- traps --- */
/* For a SIGTRAP: KEPT_* flags saying whose it is; for ours the pc is put
 * back on the int3 (*addr) or DR6 saved (*dr6) and cleared. */
unsigned bp_classify_trap(struct dbg *d, struct dthread *th,
			  const struct tr_event *ev, uint64_t *addr,
			  uint64_t *dr6);
enum bp_verdict bp_hit_sw(struct dbg *d, struct dthread *th, uint64_t addr);
enum bp_verdict bp_hit_hw(struct dbg *d, struct dthread *th, uint64_t dr6);
/* Carry out the instruction at th's pc here, without running th
 * (emul.h): to pass the int3 there (the int3 stays) or as one step of
 * stepi. 0 when done: th's registers and the one store it makes are as
 * after that instruction. -ENOTSUP (or a memory access's -errno) when the
 * CPU must run it, with nothing changed: an instruction not emulated,
 * memory other than th's own stack, code outside th->xpage (the page the
 * CPU last fetched from for th: executable), debug registers in use (a
 * watchpoint would miss the access). */
int bp_emulate_insn(struct dbg *d, struct dthread *th);
/* A step ended at pc: a breakpoint there counts as hit. */
bool bp_landed(struct dbg *d, struct dthread *th, uint64_t pc);
/* nexti at pc: over a call, plant the return breakpoint. */
void bp_step_over_call(struct dbg *d, struct dthread *th, uint64_t pc,
		       uint64_t sp);
/* Take the breakpoints at pc out of th's way for one single-step (every
 * backend: the int3 bytes, th's debug registers), and back. */
void bp_lift(struct dbg *d, struct dthread *th, uint64_t pc);
void bp_unlift(struct dbg *d, struct dthread *th, uint64_t pc);
void bp_apply_debugregs(struct dbg *d, struct dthread *th);
void bp_clear_dr6(struct dbg *d, struct dthread *th);
void bp_delete_momentary(struct dbg *d);
/* After the stop report: the commands of the breakpoints that stopped;
 * temporary ones are deleted. */
void bp_run_stop_commands(struct dbg *d);
/* A momentary breakpoint at addr for th (until, advance, finish); with
 * frame_sp, only when th's sp is back at least there. */
int bp_set_momentary(struct dbg *d, struct dthread *th, uint64_t addr,
		     uint64_t frame_sp);
/* Where LOCATION (break's syntax) is in th's process. Prints errors. */
int bp_resolve_spec(struct dbg *d, struct dthread *th, const char *text,
		    uint64_t *addr);

/* --- catchpoints: true when one stops (th->why, d->note set) --- */
bool bp_catch_signal(struct dbg *d, struct dthread *th, int sig);
bool bp_catch_syscall(struct dbg *d, struct dthread *th, long nr,
		      bool is_exit);
bool bp_catch_fork(struct dbg *d, struct dthread *th, bool vfork,
		   pid_t child);
bool bp_catch_exec(struct dbg *d, struct dthread *th, const char *exe);
/* d->note for a syscall stop: "Catchpoint N (call to syscall write), "
 * or stepsys's shape when bp is NULL. */
void bp_note_syscall(struct dbg *d, struct dthread *th, struct bp *bp,
		     long nr, bool is_exit);

/* --- the end --- */
/* Every breakpoint out of memory and debug registers (detach, kill). */
void bp_remove_all(struct dbg *d);
void bp_free_all(struct dbg *d);

/* --- for the commands (commands_bp.c) --- */
/* A new user breakpoint (numbered), not yet resolved. */
struct bp *bp_create(struct dbg *d, enum bp_type type);
void bp_destroy(struct dbg *d, struct bp *b);
/* Locations in every process whose image resolves it; inserted. */
void bp_resolve_everywhere(struct dbg *d, struct bp *b);
void bp_set_enabled(struct dbg *d, struct bp *b, bool on);
/* A debug register for b; -ENOSPC when all four are taken. */
int bp_hw_alloc(struct dbg *d, struct bp *b);
void bp_catch_refresh(struct dbg *d);
struct bp *bp_by_num(struct dbg *d, int num);
/* d->note for th's breakpoint stop: "Breakpoint 2.1, ". */
void bp_note_hit(struct dbg *d, struct dthread *th);
/* 1 for the first of b's locations, ... (gdb's "2.1"). */
int bp_loc_number(const struct bp *b, const struct bp_loc *loc);
/* Where gdb puts a breakpoint on the function at pc (no line numbers:
 * after the push %rbp; mov %rsp,%rbp that sets its frame up). */
uint64_t bp_skip_prologue(struct dbg *d, struct dproc *p, uint64_t pc);
/* The user breakpoint th stopped at (continue N), or NULL. */
struct bp *bp_stopped_at(struct dbg *d, struct dthread *th);

#endif

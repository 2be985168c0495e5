/* session: the debugger's state, shared by its modules (internal to
 * debugger/). session.c owns threads, inferiors, all-stop and the command
 * loop; commands*.c read and change this state through the helpers below.
 */
#ifndef JAIL_DBG_SESSION_H
#define JAIL_DBG_SESSION_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/user.h>
#include <termios.h>

#include "debugger/debugger.h"
#include "tracer/strbuf.h"
#include "tracer/tracer.h"

struct bp;
struct aspace;
struct dbg_input;
struct dbg_ctx;
struct dbg_data;
struct addrspace;
struct dis;
struct dis_insn;
struct expr_ctx;
struct value;
struct symbolizer;

/* Why a thread is stopped, for the stop report and `info threads`. */
enum dstop {
	DS_NONE,
	DS_START,		/* first instruction after exec (jail -g) */
	DS_ATTACH,
	DS_TRAP_SYSCALL,	/* a policy `trap` rule */
	DS_TRAP_SIGNAL,		/* a policy `trap signal` rule */
	DS_BREAKPOINT,
	DS_WATCHPOINT,
	DS_STEP,		/* stepi, nexti, until, advance finished */
	DS_SIGNAL,		/* a signal the handle table stops at */
	DS_CATCH,		/* a catchpoint */
	DS_STEPSYS,		/* stepsys reached a syscall entry or exit */
	DS_INTERRUPT,		/* Ctrl-C */
	DS_OTHER,		/* stopped because another thread stopped */
};

enum dstep {
	STEP_NONE,
	STEP_INSN,		/* stepi: single-step count times */
	STEP_OVER,		/* nexti: as stepi, calls run to their return */
	STEP_SYSCALL,		/* stepsys: to the next syscall entry or exit */
};

enum dthr_state { DT_RUNNING, DT_STOPPED };

struct dproc;

struct dthread {
	int num;		/* per-inferior number, as gdb's */
	int gnum;		/* global number ($_gthread) */
	pid_t tid;
	struct task *task;
	struct dproc *proc;
	enum dthr_state state;
	bool started;		/* an event was seen: it runs or stops */
	bool exiting;		/* PTRACE_EVENT_EXIT seen: will not stop */
	bool interrupting;	/* tracer_interrupt() asked, TR_INTERRUPT due */
	bool in_vfork;		/* a vfork parent: blocked until the child
				 * execs or exits, cannot be interrupted */
	bool job_stopped;	/* in a group stop (PTRACE_LISTEN) */
	bool kept;		/* an event of it waits in the kept queue */
	bool no_stop;		/* did not stop in time: left running */
	bool at_bp;		/* stopped on a breakpoint it hit: resuming
				 * steps over it first */
	bool stepping;		/* last resumed with PTRACE_SINGLESTEP */
	uint64_t step_from;	/* the pc it was single-stepped from */
	uint64_t xpage;		/* this stop: a page the CPU has just fetched
				 * an instruction from for it (its int3, or
				 * the one it stepped), 0 none; bp.c may
				 * carry out instructions in it */
	pid_t vfork_child;	/* in_vfork: the child it waits for */
	uint64_t dr7;		/* debug register 7 as last written */
	unsigned lifted_slots;	/* hardware slots off for a step-over */
	int queued_sig;		/* queue-signal: sent before it resumes */
	char *name;		/* thread name NAME */
	uint64_t tptr;		/* the thread pointer (fs_base), 0 unknown */
	char comm[32];		/* last name read from /proc */
	enum tr_kind stop_kind;	/* the engine's stop, while stopped */
	enum dstop why;		/* the debugger's reason, while stopped */
	int why_num;		/* breakpoint number for DS_BREAKPOINT... */
	int last_sig;		/* signal of a signal stop */
	siginfo_t si;		/* its siginfo */
	bool si_valid;
	int resume_sig;		/* signal to deliver when resumed */
	bool sig_queued;	/* resume_sig set by queue-signal/signal */
	/* Stepping. */
	enum dstep step;
	long step_count;
	struct bp *step_bp;	/* nexti's breakpoint at the return address */
	uint64_t step_start_pc;
	unsigned dr_gen;	/* debug registers applied up to this gen */
	struct dthread *next;
};

struct dproc {
	int num;		/* inferior number */
	pid_t pid;
	struct proc *proc;
	struct aspace *as;	/* shared with the parent while vforked */
	bool vfork_child;	/* shares the parent's memory until exec */
	int nthreads;
	int next_thread_num;
	char *exe;		/* image path, refreshed at exec */
	struct addrspace *syms;	/* symbols.h, reread when stale */
	bool syms_stale;
	bool solib_hooked;	/* a breakpoint on _dl_debug_state */
	int exit_status;	/* the leader's wait status */
	struct dproc *next;
};

/* A kept event: one the debugger took while stopping every thread. */
enum {
	KEPT_BP_HIT = 1,	/* SIGTRAP of our int3: pc already rewound */
	KEPT_HW_HIT = 2,	/* TRAP_HWBKPT: dr6 saved */
	KEPT_STEP = 4,		/* the end of a single-step */
};

struct kept {
	struct tr_event ev;
	unsigned flags;
	uint64_t addr;		/* KEPT_BP_HIT: breakpoint address */
	uint64_t dr6;		/* KEPT_HW_HIT */
};

struct display {
	int num;
	char *fmt;		/* "/i", "/x", or NULL */
	char *expr;
	bool enabled;
	struct display *next;
};

enum sched_lock { SCHED_OFF, SCHED_ON, SCHED_STEP };

struct dbg_settings {
	int follow_child;	/* follow-fork-mode: 0 parent, 1 child */
	bool detach_on_fork;
	bool pagination;
	bool confirm;
	int flavor;		/* disassembly-flavor: 0 att, 1 intel */
	int sched;		/* enum sched_lock */
	int height, width;
};

/* What the command loop decided. */
enum dbg_action {
	ACT_NONE,		/* keep reading commands */
	ACT_RESUME,		/* resume (run-control command) */
	ACT_KILL,
	ACT_DETACH,
	ACT_QUIT,
};

struct dbg {
	struct tracer *tr;
	struct dbg_opts o;
	struct dbg_host host;
	FILE *out, *err;

	struct dthread *threads;
	struct dproc *procs;
	struct dthread *cur;	/* selected thread */
	pid_t follow_tid;	/* follow-fork-mode child: select it */
	int frame;		/* selected frame (0 innermost) */
	int next_gnum, next_inf;
	bool many_threads;	/* ever more than one: "Thread N" in reports */

	/* All-stop. */
	bool active;		/* the user has been at a prompt */
	bool stopped;		/* all-stop in effect (at a prompt) */
	struct kept *kept;
	size_t kept_head, kept_len, kept_cap;
	struct kept replay;	/* the kept event dbg_next just returned */
	bool replaying;
	struct dthread *deferred;	/* its dbg_resume resumes the others */
	bool interrupt_req;	/* dbg_interrupt(): the next stop is ours */
	unsigned dr_gen;

	/* Breakpoints (bp.c). */
	struct bp *bps;
	int next_bp;
	bool catch_syscalls;	/* any enabled syscall catchpoint */
	bool catch_temp;	/* tcatch */
	bool hw_slot_used[4];
	bool hw_in_use;

	/* The stop report being built: "Breakpoint 1, " and the numbers
	 * whose commands run after it. */
	struct strbuf note;
	bool note_silent;
	int stop_bps[16];
	int nstop_bps;

	/* Signals (signals_dbg.c). */
	struct sig_handle {
		bool stop, print, pass;
	} handle[65];

	/* The stop being handled. */
	const struct dbg_why *why;
	struct dbg_result *res;
	struct dthread *why_thread;
	bool stop_from_host;	/* dbg_stop(): the runner resumes the task */

	/* The pure modules' view (context.c), x's state (commands_data.c),
	 * the program's terminal modes while we hold the terminal. */
	struct dbg_ctx *ctx;
	struct dbg_data *data;
	struct termios prog_modes;
	bool prog_modes_ok;

	/* Commands. */
	struct dbg_settings set;
	struct display *displays;
	int next_display;
	struct dbg_input *input;
	char *last_cmd;		/* for the empty line */
	uint64_t x_next;	/* x's next address, for a bare "x" */
	char x_fmt[16];
	enum dbg_action action;
	bool ended;		/* kill, quit or detach */
	bool quitting;		/* quit: no prompt after the processes end */
	bool finished;		/* dbg_finish: no process any more */
	int cmd_depth;		/* nesting of bp commands / thread apply */
	volatile sig_atomic_t *sigint_flag;
};

/* --- output (session.c) --- */
void dbg_printf(struct dbg *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* An error line, gdb's wording; the session goes on. */
void dbg_error(struct dbg *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* --- threads and inferiors (session.c) --- */
struct dthread *dbg_thread_by_task(struct dbg *d, struct task *t);
struct dthread *dbg_thread_by_tid(struct dbg *d, pid_t tid);
struct dthread *dbg_thread_by_num(struct dbg *d, int inf, int num);
struct dproc *dbg_proc_by_pid(struct dbg *d, pid_t pid);
struct dproc *dbg_proc_by_num(struct dbg *d, int num);
int dbg_nprocs(const struct dbg *d);
/* "1" or "2.1" when several inferiors exist; buf of 16 bytes. */
const char *dbg_thread_id(struct dbg *d, const struct dthread *th,
			  char *buf);
/* The selected thread, stopped; NULL with an error printed otherwise. */
struct dthread *dbg_need_thread(struct dbg *d);
/* The syscall at th's syscall stop as it will run (registers changed
 * by set $argN / $sysno included). */
int dbg_syscall_now(struct dbg *d, struct dthread *th, struct tr_syscall *sc);
/* The thread's name: `thread name`'s, else its comm, read afresh. */
const char *dbg_thread_name(struct dthread *th);
/* gdb's target id: "Thread 0x7ffff7d85740 (LWP 1234)", "process 1234". */
void dbg_target_id(struct dbg *d, struct dthread *th, struct strbuf *sb);
void dbg_select(struct dbg *d, struct dthread *th);

/* --- memory, with breakpoint bytes hidden (session.c + bp.c) --- */
ssize_t dbg_read_mem(struct dbg *d, struct dthread *th, uint64_t addr,
		     void *buf, size_t len);
ssize_t dbg_write_mem(struct dbg *d, struct dthread *th, uint64_t addr,
		      const void *buf, size_t len);

/* --- context.c: symbols.h, disasm.h, expr.h seen from the session --- */
int dbg_ctx_init(struct dbg *d);
void dbg_ctx_free(struct dbg *d);
/* Open a library (enum dl_lib, dl.h) the debugger needs for `what`
 * ("disassembly"); the first failure is said as a warning naming the
 * library and why. 0 or -errno. */
int dbg_need_lib(struct dbg *d, int lib, const char *what);
/* p's address space, reread from /proc when stale; NULL if none. */
struct addrspace *dbg_syms(struct dbg *d, struct dproc *p);
void dbg_syms_invalidate(struct dbg *d, struct dproc *p);
void dbg_proc_syms_free(struct dbg *d, struct dproc *p);
/* Append "sym" or "sym+off" for addr; false when no symbol. */
bool dbg_symbolize(struct dbg *d, struct dproc *p, uint64_t addr,
		   struct strbuf *sb, bool with_offset);
/* For a frame line: the function's name, and the library it is in
 * (*lib, NULL for the executable). */
bool dbg_symbolize_frame(struct dbg *d, struct dproc *p, uint64_t pc,
			 struct strbuf *sb, const char **lib);
/* The address of a symbol in p's address space; 0 or -ENOENT. */
int dbg_lookup_symbol(struct dbg *d, struct dproc *p, const char *name,
		      uint64_t *addr);
/* A symbolizer over the thread expressions are evaluated in. */
struct symbolizer dbg_symbolizer(struct dbg *d);
/* Memory of th as the modules read it; th becomes the evaluation
 * thread until dbg_eval_in(d, NULL). */
struct mem_reader dbg_mem_reader(struct dbg *d, struct dthread *th);
void dbg_eval_in(struct dbg *d, struct dthread *th);
struct dis *dbg_dis(struct dbg *d, struct dthread *th);
void dbg_flavor_changed(struct dbg *d);
int dbg_decode_insn(struct dbg *d, struct dthread *th, uint64_t addr,
		    struct dis_insn *out);
/* One x/i line for the instruction at addr ("=> " on the pc). */
void dbg_insn_line(struct dbg *d, struct dthread *th, uint64_t addr,
		   bool mark_pc, struct strbuf *sb);
struct expr_ctx *dbg_expr(struct dbg *d);
/* Evaluate in th's context; err gets gdb's message. */
int dbg_eval(struct dbg *d, struct dthread *th, const char *text,
	     struct value *v, struct strbuf *err);
int dbg_eval_truth(struct dbg *d, struct dthread *th, const char *text,
		   bool *out, struct strbuf *err);
/* An integer or address in the selected thread's context; prints the
 * error and returns -1 on failure. */
int dbg_eval_u64(struct dbg *d, const char *text, uint64_t *out);
/* A value of an expression type (expr.h's struct ty) from its bytes. */
void dbg_format_bytes(struct dbg *d, const void *type, const uint8_t *bytes,
		      size_t len, struct strbuf *sb);

/* The frame line: "0x0000000000401136 in main ()". */
void dbg_frame_line(struct dbg *d, struct dthread *th, uint64_t pc,
		    struct strbuf *sb);

/* Frames by frame pointers (commands_info.c). */
struct dbg_frame {
	uint64_t pc;
	uint64_t cfa;		/* the caller's sp once this frame returns */
	uint64_t fp;
};
int dbg_unwind(struct dbg *d, struct dthread *th, struct dbg_frame *fr,
	       int max);

/* --- run control (session.c) --- */
/* The user resumes: the command loop ends with ACT_RESUME. */
void dbg_request_resume(struct dbg *d);
/* Print the current thread's location: "#0  0x... in f ()" shape. */
void dbg_print_stop_location(struct dbg *d, struct dthread *th);
int dbg_get_regs(struct dbg *d, struct dthread *th,
		 struct user_regs_struct *r);
int dbg_set_regs(struct dbg *d, struct dthread *th,
		 const struct user_regs_struct *r);
/* Run one command line (commands, thread apply, scripts). */
void dbg_execute(struct dbg *d, const char *line);
/* Read the body of `commands`: lines up to "end". Caller frees. */
int dbg_read_block(struct dbg *d, char ***lines, size_t *n);
/* Ask y/n (gdb's query); answers yes when not interactive. */
bool dbg_query(struct dbg *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Whether the debugger has a live process. */
bool dbg_has_process(const struct dbg *d);
/* The kill/detach/quit commands. */
void dbg_end_session(struct dbg *d, enum dbg_action how);
/* Attach to another process (attach command). */
int dbg_attach_pid(struct dbg *d, pid_t pid);
/* Resume modes wanted for a thread (stepping, syscall catchpoints). */
enum tr_resume dbg_want(struct dbg *d, struct dthread *th,
			enum tr_resume how);
/* A stop for the user, from an event of th (session.c). */
enum dbg_action dbg_user_stop(struct dbg *d, struct dthread *th,
			      bool host_owned);
/* th finished one single-step of stepi/nexti: true when it stops. */
bool dbg_after_step(struct dbg *d, struct dthread *th);

/* --- signals (signals_dbg.c) --- */
void sig_handle_init(struct dbg *d);
/* handle SIG... ACTIONS; info signals [SIG]. */
int sig_cmd_handle(struct dbg *d, const char *args);
int sig_cmd_info(struct dbg *d, const char *args);
/* The description gdb prints: "User defined signal 1". */
const char *sig_description(int sig);
/* "SIGUSR1", "SIG34" style names gdb uses. */
const char *sig_gdb_name(int sig, char *buf, size_t n);
/* Parse "SIGUSR1", "USR1", "10", "all". -1 when unknown. */
int sig_parse(const char *s);

#endif

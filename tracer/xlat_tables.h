/* xlat_tables: the constant tables that xlat.h does not name.
 *
 * xlat.h lists the tables the rest of jail names directly; these are the
 * smaller families the syscall table (syscalls_*.h), the decoder and the
 * tests refer to. Every table here is also registered for xlat_parse(), so
 * a policy can write any of these names.
 */
#ifndef JAIL_XLAT_TABLES_H
#define JAIL_XLAT_TABLES_H

#include <stddef.h>

#include "xlat.h"

/* Enumerated fields of flag tables (xlat.field), e.g. O_ACCMODE. */
extern const struct xlat xlat_open_accmode, xlat_map_type, xlat_sock_type_base,
	xlat_futex_cmd;

/* Flag and enum families used by syscall arguments. */
extern const struct xlat xlat_seccomp_flags, xlat_seek_whence,
	xlat_madvise_advice, xlat_mremap_flags, xlat_msync_flags,
	xlat_sigprocmask_how, xlat_sock_level, xlat_msg_flags,
	xlat_shutdown_how, xlat_futex_op, xlat_clockid, xlat_rlimit,
	xlat_itimer_which, xlat_epoll_op, xlat_flock_op, xlat_mount_flags,
	xlat_umount_flags, xlat_renameat2_flags, xlat_memfd_flags,
	xlat_efd_flags, xlat_tfd_flags, xlat_tfd_settime_flags, xlat_sfd_flags,
	xlat_epoll_flags, xlat_inotify_init_flags, xlat_inotify_mask,
	xlat_pipe_flags, xlat_cloexec_flags, xlat_fd_flags, xlat_sock_flags,
	xlat_getrandom_flags, xlat_arch_prctl_code, xlat_sched_policy,
	xlat_prio_which, xlat_mlockall_flags, xlat_mlock2_flags,
	xlat_close_range_flags, xlat_pidfd_flags, xlat_bpf_cmd,
	xlat_splice_flags, xlat_xattr_flags, xlat_waitid_idtype, xlat_ipc_cmd,
	xlat_ipc_flags, xlat_shmat_flags, xlat_msgflg, xlat_unlinkat_flags,
	xlat_faccessat_flags, xlat_timer_flags, xlat_rusage_who,
	xlat_fadvise_advice, xlat_falloc_flags, xlat_rwf_flags,
	xlat_statx_mask, xlat_socketcall, xlat_fd_cloexec,
	xlat_sync_file_range_flags, xlat_audit_arch, xlat_mode_type;

/* si_code values of one signal family (kernel-generated, si_code > 0). */
extern const struct xlat xlat_si_code_ill, xlat_si_code_fpe,
	xlat_si_code_segv, xlat_si_code_bus, xlat_si_code_trap,
	xlat_si_code_cld, xlat_si_code_poll, xlat_si_code_sys;

/* The table naming the kernel si_codes of signal sig, or NULL. */
const struct xlat *xlat_si_code_table(int sig);

/* The strerror text of err, not localized; also for the kernel-internal
 * codes (ERESTARTSYS...) a tracer sees at syscall exit. NULL if unknown. */
const char *errno_desc(int err);

/* For "did you mean": the edit distance between a and b (transpositions
 * count one), or SIZE_MAX when it exceeds cap; and the cap to use for a
 * misspelled name. Shared with systab_suggest(). */
size_t xlat_edit_distance(const char *a, const char *b, size_t cap);
size_t xlat_suggest_cap(const char *name);

/* Every table xlat_parse() searches, in priority order (for tests). */
const struct xlat *const *xlat_registry(size_t *n);

#endif

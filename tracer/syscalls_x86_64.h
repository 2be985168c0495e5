/* The x86_64 syscall table of Linux 6.18 (arch/x86/entry/syscalls/
 * syscall_64.tbl), as an X-macro list. No include guard: systab.c includes
 * it several times with different definitions of SYSCALL(). See
 * docs/syscalls.md for how to add an entry.
 *
 * SYSCALL(nr, name, class, args...)
 *   nr     the number, ascending through the file
 *   name   the kernel's name (without sys_), unique
 *   class  SC_* bits from systab.h, 0 for none
 *   args   up to six, in order, named as in the man page:
 *     INT(n) UINT(n) HEX(n) PTR(n) SIZE(n) OFF(n) MODE(n) PID(n) UID(n)
 *     SIGNO(n)      a signal number
 *     FD(n) DIRFD(n)
 *     PATH(n) STR(n)           NUL-terminated, read from the tracee
 *     BUFIN(n, i)              bytes the tracee passes, length in arg i
 *     BUFOUT(n)                bytes the kernel fills (a pointer at entry)
 *     SOCKADDR(n, i)           struct sockaddr, length in arg i
 *     FLAGS(n, table) ENUM(n, table)   table: xlat_<table>
 *     ARGV(n) ENVP(n)
 *     RAW                      an argument with no known name or meaning
 *   INT, UINT, FD, PID, UID, SIGNO and MODE are 32-bit C ints; SIZE, OFF
 *   and HEX are a full register (OFF is signed: use it for any "long").
 */

SYSCALL(0, read, SC_DESC, FD(fd), BUFOUT(buf), SIZE(count))
SYSCALL(1, write, SC_DESC, FD(fd), BUFIN(buf, 2), SIZE(count))
SYSCALL(2, open, SC_FILE | SC_DESC, PATH(pathname), FLAGS(flags, open_flags),
	MODE(mode))
SYSCALL(3, close, SC_DESC, FD(fd))
SYSCALL(4, stat, SC_FILE, PATH(pathname), BUFOUT(statbuf))
SYSCALL(5, fstat, SC_DESC, FD(fd), BUFOUT(statbuf))
SYSCALL(6, lstat, SC_FILE, PATH(pathname), BUFOUT(statbuf))
SYSCALL(7, poll, SC_DESC, PTR(fds), UINT(nfds), INT(timeout))
SYSCALL(8, lseek, SC_DESC, FD(fd), OFF(offset), ENUM(whence, seek_whence))
SYSCALL(9, mmap, SC_MEM | SC_DESC, PTR(addr), SIZE(length), FLAGS(prot, prot),
	FLAGS(flags, map_flags), FD(fd), OFF(offset))
SYSCALL(10, mprotect, SC_MEM, PTR(addr), SIZE(len), FLAGS(prot, prot))
SYSCALL(11, munmap, SC_MEM, PTR(addr), SIZE(length))
SYSCALL(12, brk, SC_MEM, PTR(addr))
SYSCALL(13, rt_sigaction, SC_SIG, SIGNO(signum), PTR(act), PTR(oldact),
	SIZE(sigsetsize))
SYSCALL(14, rt_sigprocmask, SC_SIG, ENUM(how, sigprocmask_how), PTR(set),
	PTR(oldset), SIZE(sigsetsize))
SYSCALL(15, rt_sigreturn, SC_SIG)
SYSCALL(16, ioctl, SC_DESC, FD(fd), ENUM(request, ioctl_cmd), HEX(arg))
SYSCALL(17, pread64, SC_DESC, FD(fd), BUFOUT(buf), SIZE(count), OFF(offset))
SYSCALL(18, pwrite64, SC_DESC, FD(fd), BUFIN(buf, 2), SIZE(count),
	OFF(offset))
SYSCALL(19, readv, SC_DESC, FD(fd), PTR(iov), INT(iovcnt))
SYSCALL(20, writev, SC_DESC, FD(fd), PTR(iov), INT(iovcnt))
SYSCALL(21, access, SC_FILE, PATH(pathname), FLAGS(mode, access_mode))
SYSCALL(22, pipe, SC_DESC, PTR(pipefd))
SYSCALL(23, select, SC_DESC, INT(nfds), PTR(readfds), PTR(writefds),
	PTR(exceptfds), PTR(timeout))
SYSCALL(24, sched_yield, 0)
SYSCALL(25, mremap, SC_MEM, PTR(old_address), SIZE(old_size), SIZE(new_size),
	FLAGS(flags, mremap_flags), PTR(new_address))
SYSCALL(26, msync, SC_MEM, PTR(addr), SIZE(length), FLAGS(flags, msync_flags))
SYSCALL(27, mincore, SC_MEM, PTR(addr), SIZE(length), PTR(vec))
SYSCALL(28, madvise, SC_MEM, PTR(addr), SIZE(length),
	ENUM(advice, madvise_advice))
SYSCALL(29, shmget, SC_IPC, HEX(key), SIZE(size), FLAGS(shmflg, ipc_flags))
SYSCALL(30, shmat, SC_IPC | SC_MEM, INT(shmid), PTR(shmaddr),
	FLAGS(shmflg, shmat_flags))
SYSCALL(31, shmctl, SC_IPC, INT(shmid), ENUM(cmd, ipc_cmd), PTR(buf))
SYSCALL(32, dup, SC_DESC, FD(oldfd))
SYSCALL(33, dup2, SC_DESC, FD(oldfd), FD(newfd))
SYSCALL(34, pause, SC_SIG)
SYSCALL(35, nanosleep, 0, PTR(req), PTR(rem))
SYSCALL(36, getitimer, 0, ENUM(which, itimer_which), PTR(curr_value))
SYSCALL(37, alarm, 0, UINT(seconds))
SYSCALL(38, setitimer, 0, ENUM(which, itimer_which), PTR(new_value),
	PTR(old_value))
SYSCALL(39, getpid, 0)
SYSCALL(40, sendfile, SC_DESC | SC_NET, FD(out_fd), FD(in_fd), PTR(offset),
	SIZE(count))
SYSCALL(41, socket, SC_NET | SC_DESC, ENUM(domain, af),
	FLAGS(type, sock_type), INT(protocol))
SYSCALL(42, connect, SC_NET | SC_DESC, FD(sockfd), SOCKADDR(addr, 2),
	UINT(addrlen))
SYSCALL(43, accept, SC_NET | SC_DESC, FD(sockfd), PTR(addr), PTR(addrlen))
SYSCALL(44, sendto, SC_NET | SC_DESC, FD(sockfd), BUFIN(buf, 2), SIZE(len),
	FLAGS(flags, msg_flags), SOCKADDR(dest_addr, 5), UINT(addrlen))
SYSCALL(45, recvfrom, SC_NET | SC_DESC, FD(sockfd), BUFOUT(buf), SIZE(len),
	FLAGS(flags, msg_flags), PTR(src_addr), PTR(addrlen))
SYSCALL(46, sendmsg, SC_NET | SC_DESC, FD(sockfd), PTR(msg),
	FLAGS(flags, msg_flags))
SYSCALL(47, recvmsg, SC_NET | SC_DESC, FD(sockfd), PTR(msg),
	FLAGS(flags, msg_flags))
SYSCALL(48, shutdown, SC_NET | SC_DESC, FD(sockfd), ENUM(how, shutdown_how))
SYSCALL(49, bind, SC_NET | SC_DESC, FD(sockfd), SOCKADDR(addr, 2),
	UINT(addrlen))
SYSCALL(50, listen, SC_NET | SC_DESC, FD(sockfd), INT(backlog))
SYSCALL(51, getsockname, SC_NET | SC_DESC, FD(sockfd), PTR(addr),
	PTR(addrlen))
SYSCALL(52, getpeername, SC_NET | SC_DESC, FD(sockfd), PTR(addr),
	PTR(addrlen))
SYSCALL(53, socketpair, SC_NET | SC_DESC, ENUM(domain, af),
	FLAGS(type, sock_type), INT(protocol), PTR(sv))
SYSCALL(54, setsockopt, SC_NET | SC_DESC, FD(sockfd), ENUM(level, sock_level),
	INT(optname), BUFIN(optval, 4), UINT(optlen))
SYSCALL(55, getsockopt, SC_NET | SC_DESC, FD(sockfd), ENUM(level, sock_level),
	INT(optname), PTR(optval), PTR(optlen))
/* x86_64 order; i386 swaps tls and child_tid (CLONE_BACKWARDS). */
SYSCALL(56, clone, SC_PROC, FLAGS(flags, clone_flags), PTR(stack),
	PTR(parent_tid), PTR(child_tid), HEX(tls))
SYSCALL(57, fork, SC_PROC)
SYSCALL(58, vfork, SC_PROC)
SYSCALL(59, execve, SC_FILE | SC_PROC | SC_EXEC, PATH(pathname), ARGV(argv),
	ENVP(envp))
SYSCALL(60, exit, SC_PROC, INT(status))
SYSCALL(61, wait4, SC_PROC, PID(pid), PTR(wstatus),
	FLAGS(options, wait_options), PTR(rusage))
SYSCALL(62, kill, SC_SIG, PID(pid), SIGNO(sig))
SYSCALL(63, uname, 0, PTR(buf))
SYSCALL(64, semget, SC_IPC, HEX(key), INT(nsems), FLAGS(semflg, ipc_flags))
SYSCALL(65, semop, SC_IPC, INT(semid), PTR(sops), SIZE(nsops))
SYSCALL(66, semctl, SC_IPC, INT(semid), INT(semnum), ENUM(cmd, ipc_cmd),
	HEX(arg))
SYSCALL(67, shmdt, SC_IPC | SC_MEM, PTR(shmaddr))
SYSCALL(68, msgget, SC_IPC, HEX(key), FLAGS(msgflg, ipc_flags))
SYSCALL(69, msgsnd, SC_IPC, INT(msqid), PTR(msgp), SIZE(msgsz),
	FLAGS(msgflg, msgflg))
SYSCALL(70, msgrcv, SC_IPC, INT(msqid), PTR(msgp), SIZE(msgsz), OFF(msgtyp),
	FLAGS(msgflg, msgflg))
SYSCALL(71, msgctl, SC_IPC, INT(msqid), ENUM(cmd, ipc_cmd), PTR(buf))
SYSCALL(72, fcntl, SC_DESC, FD(fd), ENUM(cmd, fcntl_cmd), HEX(arg))
SYSCALL(73, flock, SC_DESC, FD(fd), FLAGS(operation, flock_op))
SYSCALL(74, fsync, SC_DESC, FD(fd))
SYSCALL(75, fdatasync, SC_DESC, FD(fd))
SYSCALL(76, truncate, SC_FILE, PATH(path), OFF(length))
SYSCALL(77, ftruncate, SC_DESC, FD(fd), OFF(length))
SYSCALL(78, getdents, SC_DESC, FD(fd), BUFOUT(dirp), UINT(count))
SYSCALL(79, getcwd, SC_FILE, BUFOUT(buf), SIZE(size))
SYSCALL(80, chdir, SC_FILE, PATH(path))
SYSCALL(81, fchdir, SC_DESC, FD(fd))
SYSCALL(82, rename, SC_FILE, PATH(oldpath), PATH(newpath))
SYSCALL(83, mkdir, SC_FILE, PATH(pathname), MODE(mode))
SYSCALL(84, rmdir, SC_FILE, PATH(pathname))
SYSCALL(85, creat, SC_FILE | SC_DESC, PATH(pathname), MODE(mode))
SYSCALL(86, link, SC_FILE, PATH(oldpath), PATH(newpath))
SYSCALL(87, unlink, SC_FILE, PATH(pathname))
SYSCALL(88, symlink, SC_FILE, PATH(target), PATH(linkpath))
SYSCALL(89, readlink, SC_FILE, PATH(pathname), BUFOUT(buf), SIZE(bufsiz))
SYSCALL(90, chmod, SC_FILE, PATH(pathname), MODE(mode))
SYSCALL(91, fchmod, SC_DESC, FD(fd), MODE(mode))
SYSCALL(92, chown, SC_FILE, PATH(pathname), UID(owner), UID(group))
SYSCALL(93, fchown, SC_DESC, FD(fd), UID(owner), UID(group))
SYSCALL(94, lchown, SC_FILE, PATH(pathname), UID(owner), UID(group))
SYSCALL(95, umask, 0, MODE(mask))
SYSCALL(96, gettimeofday, 0, PTR(tv), PTR(tz))
SYSCALL(97, getrlimit, 0, ENUM(resource, rlimit), PTR(rlim))
SYSCALL(98, getrusage, 0, ENUM(who, rusage_who), PTR(usage))
SYSCALL(99, sysinfo, 0, PTR(info))
SYSCALL(100, times, 0, PTR(buf))
SYSCALL(101, ptrace, SC_PROC, ENUM(request, ptrace_req), PID(pid), PTR(addr),
	HEX(data))
SYSCALL(102, getuid, 0)
SYSCALL(103, syslog, 0, INT(type), BUFOUT(bufp), INT(len))
SYSCALL(104, getgid, 0)
SYSCALL(105, setuid, 0, UID(uid))
SYSCALL(106, setgid, 0, UID(gid))
SYSCALL(107, geteuid, 0)
SYSCALL(108, getegid, 0)
SYSCALL(109, setpgid, 0, PID(pid), PID(pgid))
SYSCALL(110, getppid, 0)
SYSCALL(111, getpgrp, 0)
SYSCALL(112, setsid, 0)
SYSCALL(113, setreuid, 0, UID(ruid), UID(euid))
SYSCALL(114, setregid, 0, UID(rgid), UID(egid))
SYSCALL(115, getgroups, 0, INT(size), PTR(list))
SYSCALL(116, setgroups, 0, INT(size), PTR(list))
SYSCALL(117, setresuid, 0, UID(ruid), UID(euid), UID(suid))
SYSCALL(118, getresuid, 0, PTR(ruid), PTR(euid), PTR(suid))
SYSCALL(119, setresgid, 0, UID(rgid), UID(egid), UID(sgid))
SYSCALL(120, getresgid, 0, PTR(rgid), PTR(egid), PTR(sgid))
SYSCALL(121, getpgid, 0, PID(pid))
SYSCALL(122, setfsuid, 0, UID(fsuid))
SYSCALL(123, setfsgid, 0, UID(fsgid))
SYSCALL(124, getsid, 0, PID(pid))
SYSCALL(125, capget, 0, PTR(hdrp), PTR(datap))
SYSCALL(126, capset, 0, PTR(hdrp), PTR(datap))
SYSCALL(127, rt_sigpending, SC_SIG, PTR(set), SIZE(sigsetsize))
SYSCALL(128, rt_sigtimedwait, SC_SIG, PTR(set), PTR(info), PTR(timeout),
	SIZE(sigsetsize))
SYSCALL(129, rt_sigqueueinfo, SC_SIG, PID(tgid), SIGNO(sig), PTR(info))
SYSCALL(130, rt_sigsuspend, SC_SIG, PTR(mask), SIZE(sigsetsize))
SYSCALL(131, sigaltstack, SC_SIG, PTR(ss), PTR(old_ss))
SYSCALL(132, utime, SC_FILE, PATH(filename), PTR(times))
SYSCALL(133, mknod, SC_FILE, PATH(pathname), MODE(mode), HEX(dev))
SYSCALL(134, uselib, SC_FILE, PATH(library))
SYSCALL(135, personality, 0, HEX(persona))
SYSCALL(136, ustat, 0, HEX(dev), PTR(ubuf))
SYSCALL(137, statfs, SC_FILE, PATH(path), BUFOUT(buf))
SYSCALL(138, fstatfs, SC_DESC, FD(fd), BUFOUT(buf))
SYSCALL(139, sysfs, 0, INT(option), HEX(arg1), HEX(arg2))
SYSCALL(140, getpriority, 0, ENUM(which, prio_which), INT(who))
SYSCALL(141, setpriority, 0, ENUM(which, prio_which), INT(who), INT(prio))
SYSCALL(142, sched_setparam, 0, PID(pid), PTR(param))
SYSCALL(143, sched_getparam, 0, PID(pid), PTR(param))
SYSCALL(144, sched_setscheduler, 0, PID(pid), ENUM(policy, sched_policy),
	PTR(param))
SYSCALL(145, sched_getscheduler, 0, PID(pid))
SYSCALL(146, sched_get_priority_max, 0, ENUM(policy, sched_policy))
SYSCALL(147, sched_get_priority_min, 0, ENUM(policy, sched_policy))
SYSCALL(148, sched_rr_get_interval, 0, PID(pid), PTR(tp))
SYSCALL(149, mlock, SC_MEM, PTR(addr), SIZE(len))
SYSCALL(150, munlock, SC_MEM, PTR(addr), SIZE(len))
SYSCALL(151, mlockall, SC_MEM, FLAGS(flags, mlockall_flags))
SYSCALL(152, munlockall, SC_MEM)
SYSCALL(153, vhangup, 0)
SYSCALL(154, modify_ldt, 0, INT(func), PTR(ptr), SIZE(bytecount))
SYSCALL(155, pivot_root, SC_FILE, PATH(new_root), PATH(put_old))
SYSCALL(156, _sysctl, 0, PTR(args))
SYSCALL(157, prctl, 0, ENUM(option, prctl_opt), HEX(arg2), HEX(arg3),
	HEX(arg4), HEX(arg5))
SYSCALL(158, arch_prctl, 0, ENUM(code, arch_prctl_code), HEX(addr))
SYSCALL(159, adjtimex, 0, PTR(buf))
SYSCALL(160, setrlimit, 0, ENUM(resource, rlimit), PTR(rlim))
SYSCALL(161, chroot, SC_FILE, PATH(path))
SYSCALL(162, sync, 0)
SYSCALL(163, acct, SC_FILE, PATH(filename))
SYSCALL(164, settimeofday, 0, PTR(tv), PTR(tz))
SYSCALL(165, mount, SC_FILE, PATH(source), PATH(target), STR(filesystemtype),
	FLAGS(mountflags, mount_flags), STR(data))
SYSCALL(166, umount2, SC_FILE, PATH(target), FLAGS(flags, umount_flags))
SYSCALL(167, swapon, SC_FILE, PATH(path), HEX(swapflags))
SYSCALL(168, swapoff, SC_FILE, PATH(path))
SYSCALL(169, reboot, 0, HEX(magic), HEX(magic2), HEX(cmd), PTR(arg))
SYSCALL(170, sethostname, 0, BUFIN(name, 1), SIZE(len))
SYSCALL(171, setdomainname, 0, BUFIN(name, 1), SIZE(len))
SYSCALL(172, iopl, 0, INT(level))
SYSCALL(173, ioperm, 0, HEX(from), SIZE(num), INT(turn_on))
SYSCALL(174, create_module, 0, STR(name), SIZE(size))
SYSCALL(175, init_module, 0, PTR(module_image), SIZE(len),
	STR(param_values))
SYSCALL(176, delete_module, 0, STR(name), HEX(flags))
SYSCALL(177, get_kernel_syms, 0, PTR(table))
SYSCALL(178, query_module, 0, STR(name), INT(which), PTR(buf), SIZE(bufsize),
	PTR(ret))
SYSCALL(179, quotactl, SC_FILE, HEX(cmd), PATH(special), INT(id), PTR(addr))
SYSCALL(180, nfsservctl, 0, INT(cmd), PTR(argp), PTR(resp))
SYSCALL(181, getpmsg, 0, RAW, RAW, RAW, RAW, RAW)
SYSCALL(182, putpmsg, 0, RAW, RAW, RAW, RAW, RAW)
SYSCALL(183, afs_syscall, 0, RAW, RAW, RAW, RAW, RAW)
SYSCALL(184, tuxcall, 0, RAW, RAW, RAW)
SYSCALL(185, security, 0, RAW, RAW, RAW)
SYSCALL(186, gettid, 0)
SYSCALL(187, readahead, SC_DESC, FD(fd), OFF(offset), SIZE(count))
SYSCALL(188, setxattr, SC_FILE, PATH(path), STR(name), BUFIN(value, 3),
	SIZE(size), FLAGS(flags, xattr_flags))
SYSCALL(189, lsetxattr, SC_FILE, PATH(path), STR(name), BUFIN(value, 3),
	SIZE(size), FLAGS(flags, xattr_flags))
SYSCALL(190, fsetxattr, SC_DESC, FD(fd), STR(name), BUFIN(value, 3),
	SIZE(size), FLAGS(flags, xattr_flags))
SYSCALL(191, getxattr, SC_FILE, PATH(path), STR(name), BUFOUT(value),
	SIZE(size))
SYSCALL(192, lgetxattr, SC_FILE, PATH(path), STR(name), BUFOUT(value),
	SIZE(size))
SYSCALL(193, fgetxattr, SC_DESC, FD(fd), STR(name), BUFOUT(value), SIZE(size))
SYSCALL(194, listxattr, SC_FILE, PATH(path), BUFOUT(list), SIZE(size))
SYSCALL(195, llistxattr, SC_FILE, PATH(path), BUFOUT(list), SIZE(size))
SYSCALL(196, flistxattr, SC_DESC, FD(fd), BUFOUT(list), SIZE(size))
SYSCALL(197, removexattr, SC_FILE, PATH(path), STR(name))
SYSCALL(198, lremovexattr, SC_FILE, PATH(path), STR(name))
SYSCALL(199, fremovexattr, SC_DESC, FD(fd), STR(name))
SYSCALL(200, tkill, SC_SIG, PID(tid), SIGNO(sig))
SYSCALL(201, time, 0, PTR(tloc))
SYSCALL(202, futex, 0, PTR(uaddr), FLAGS(futex_op, futex_op), UINT(val),
	PTR(timeout), PTR(uaddr2), UINT(val3))
SYSCALL(203, sched_setaffinity, 0, PID(pid), SIZE(cpusetsize), PTR(mask))
SYSCALL(204, sched_getaffinity, 0, PID(pid), SIZE(cpusetsize), PTR(mask))
SYSCALL(205, set_thread_area, 0, PTR(u_info))
SYSCALL(206, io_setup, 0, UINT(nr_events), PTR(ctx_idp))
SYSCALL(207, io_destroy, 0, HEX(ctx_id))
SYSCALL(208, io_getevents, 0, HEX(ctx_id), OFF(min_nr), OFF(nr),
	PTR(events), PTR(timeout))
SYSCALL(209, io_submit, 0, HEX(ctx_id), OFF(nr), PTR(iocbpp))
SYSCALL(210, io_cancel, 0, HEX(ctx_id), PTR(iocb), PTR(result))
SYSCALL(211, get_thread_area, 0, PTR(u_info))
SYSCALL(212, lookup_dcookie, 0, HEX(cookie), BUFOUT(buffer), SIZE(len))
SYSCALL(213, epoll_create, SC_DESC, INT(size))
SYSCALL(214, epoll_ctl_old, 0, RAW, RAW, RAW, RAW)
SYSCALL(215, epoll_wait_old, 0, RAW, RAW, RAW, RAW)
SYSCALL(216, remap_file_pages, SC_MEM, PTR(addr), SIZE(size),
	FLAGS(prot, prot), SIZE(pgoff), FLAGS(flags, map_flags))
SYSCALL(217, getdents64, SC_DESC, FD(fd), BUFOUT(dirp), UINT(count))
SYSCALL(218, set_tid_address, 0, PTR(tidptr))
SYSCALL(219, restart_syscall, 0)
SYSCALL(220, semtimedop, SC_IPC, INT(semid), PTR(sops), SIZE(nsops),
	PTR(timeout))
SYSCALL(221, fadvise64, SC_DESC, FD(fd), OFF(offset), OFF(len),
	ENUM(advice, fadvise_advice))
SYSCALL(222, timer_create, 0, ENUM(clockid, clockid), PTR(sevp),
	PTR(timerid))
SYSCALL(223, timer_settime, 0, INT(timerid), FLAGS(flags, timer_flags),
	PTR(new_value), PTR(old_value))
SYSCALL(224, timer_gettime, 0, INT(timerid), PTR(curr_value))
SYSCALL(225, timer_getoverrun, 0, INT(timerid))
SYSCALL(226, timer_delete, 0, INT(timerid))
SYSCALL(227, clock_settime, 0, ENUM(clockid, clockid), PTR(tp))
SYSCALL(228, clock_gettime, 0, ENUM(clockid, clockid), PTR(tp))
SYSCALL(229, clock_getres, 0, ENUM(clockid, clockid), PTR(res))
SYSCALL(230, clock_nanosleep, 0, ENUM(clockid, clockid),
	FLAGS(flags, timer_flags), PTR(request), PTR(remain))
SYSCALL(231, exit_group, SC_PROC, INT(status))
SYSCALL(232, epoll_wait, SC_DESC, FD(epfd), PTR(events), INT(maxevents),
	INT(timeout))
SYSCALL(233, epoll_ctl, SC_DESC, FD(epfd), ENUM(op, epoll_op), FD(fd),
	PTR(event))
SYSCALL(234, tgkill, SC_SIG, PID(tgid), PID(tid), SIGNO(sig))
SYSCALL(235, utimes, SC_FILE, PATH(filename), PTR(times))
SYSCALL(236, vserver, 0, RAW, RAW, RAW, RAW, RAW)
SYSCALL(237, mbind, SC_MEM, PTR(addr), SIZE(len), INT(mode), PTR(nodemask),
	SIZE(maxnode), HEX(flags))
SYSCALL(238, set_mempolicy, SC_MEM, INT(mode), PTR(nodemask), SIZE(maxnode))
SYSCALL(239, get_mempolicy, SC_MEM, PTR(mode), PTR(nodemask), SIZE(maxnode),
	PTR(addr), HEX(flags))
SYSCALL(240, mq_open, SC_DESC, STR(name), FLAGS(oflag, open_flags),
	MODE(mode), PTR(attr))
SYSCALL(241, mq_unlink, 0, STR(name))
SYSCALL(242, mq_timedsend, SC_DESC, FD(mqdes), BUFIN(msg_ptr, 2),
	SIZE(msg_len), UINT(msg_prio), PTR(abs_timeout))
SYSCALL(243, mq_timedreceive, SC_DESC, FD(mqdes), BUFOUT(msg_ptr),
	SIZE(msg_len), PTR(msg_prio), PTR(abs_timeout))
SYSCALL(244, mq_notify, SC_DESC, FD(mqdes), PTR(sevp))
SYSCALL(245, mq_getsetattr, SC_DESC, FD(mqdes), PTR(newattr), PTR(oldattr))
SYSCALL(246, kexec_load, 0, HEX(entry), SIZE(nr_segments), PTR(segments),
	HEX(flags))
SYSCALL(247, waitid, SC_PROC, ENUM(idtype, waitid_idtype), PID(id),
	PTR(infop), FLAGS(options, wait_options), PTR(rusage))
SYSCALL(248, add_key, 0, STR(type), STR(description), BUFIN(payload, 3),
	SIZE(plen), INT(keyring))
SYSCALL(249, request_key, 0, STR(type), STR(description), STR(callout_info),
	INT(dest_keyring))
SYSCALL(250, keyctl, 0, INT(operation), HEX(arg2), HEX(arg3), HEX(arg4),
	HEX(arg5))
SYSCALL(251, ioprio_set, 0, INT(which), INT(who), INT(ioprio))
SYSCALL(252, ioprio_get, 0, INT(which), INT(who))
SYSCALL(253, inotify_init, SC_DESC)
SYSCALL(254, inotify_add_watch, SC_FILE | SC_DESC, FD(fd), PATH(pathname),
	FLAGS(mask, inotify_mask))
SYSCALL(255, inotify_rm_watch, SC_DESC, FD(fd), INT(wd))
SYSCALL(256, migrate_pages, SC_MEM, PID(pid), SIZE(maxnode), PTR(old_nodes),
	PTR(new_nodes))
SYSCALL(257, openat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(flags, open_flags), MODE(mode))
SYSCALL(258, mkdirat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	MODE(mode))
SYSCALL(259, mknodat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	MODE(mode), HEX(dev))
SYSCALL(260, fchownat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	UID(owner), UID(group), FLAGS(flags, at_flags))
SYSCALL(261, futimesat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	PTR(times))
SYSCALL(262, newfstatat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	BUFOUT(statbuf), FLAGS(flags, at_flags))
SYSCALL(263, unlinkat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(flags, unlinkat_flags))
SYSCALL(264, renameat, SC_FILE | SC_DESC, DIRFD(olddirfd), PATH(oldpath),
	DIRFD(newdirfd), PATH(newpath))
SYSCALL(265, linkat, SC_FILE | SC_DESC, DIRFD(olddirfd), PATH(oldpath),
	DIRFD(newdirfd), PATH(newpath), FLAGS(flags, at_flags))
SYSCALL(266, symlinkat, SC_FILE | SC_DESC, PATH(target), DIRFD(newdirfd),
	PATH(linkpath))
SYSCALL(267, readlinkat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	BUFOUT(buf), SIZE(bufsiz))
/* The syscalls take no flags; glibc emulates AT_* flags for fchmodat. */
SYSCALL(268, fchmodat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	MODE(mode))
SYSCALL(269, faccessat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(mode, access_mode))
SYSCALL(270, pselect6, SC_DESC, INT(nfds), PTR(readfds), PTR(writefds),
	PTR(exceptfds), PTR(timeout), PTR(sigmask))
SYSCALL(271, ppoll, SC_DESC, PTR(fds), UINT(nfds), PTR(tmo_p), PTR(sigmask),
	SIZE(sigsetsize))
SYSCALL(272, unshare, SC_PROC, FLAGS(flags, clone_flags))
SYSCALL(273, set_robust_list, 0, PTR(head), SIZE(len))
SYSCALL(274, get_robust_list, 0, PID(pid), PTR(head_ptr), PTR(len_ptr))
SYSCALL(275, splice, SC_DESC, FD(fd_in), PTR(off_in), FD(fd_out),
	PTR(off_out), SIZE(len), FLAGS(flags, splice_flags))
SYSCALL(276, tee, SC_DESC, FD(fd_in), FD(fd_out), SIZE(len),
	FLAGS(flags, splice_flags))
SYSCALL(277, sync_file_range, SC_DESC, FD(fd), OFF(offset), OFF(nbytes),
	FLAGS(flags, sync_file_range_flags))
SYSCALL(278, vmsplice, SC_DESC, FD(fd), PTR(iov), SIZE(nr_segs),
	FLAGS(flags, splice_flags))
SYSCALL(279, move_pages, SC_MEM, PID(pid), SIZE(count), PTR(pages),
	PTR(nodes), PTR(status), HEX(flags))
SYSCALL(280, utimensat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	PTR(times), FLAGS(flags, at_flags))
SYSCALL(281, epoll_pwait, SC_DESC, FD(epfd), PTR(events), INT(maxevents),
	INT(timeout), PTR(sigmask), SIZE(sigsetsize))
SYSCALL(282, signalfd, SC_DESC | SC_SIG, FD(fd), PTR(mask), SIZE(sizemask))
SYSCALL(283, timerfd_create, SC_DESC, ENUM(clockid, clockid),
	FLAGS(flags, tfd_flags))
SYSCALL(284, eventfd, SC_DESC, UINT(initval))
SYSCALL(285, fallocate, SC_DESC, FD(fd), FLAGS(mode, falloc_flags),
	OFF(offset), OFF(len))
SYSCALL(286, timerfd_settime, SC_DESC, FD(fd), FLAGS(flags, tfd_settime_flags),
	PTR(new_value), PTR(old_value))
SYSCALL(287, timerfd_gettime, SC_DESC, FD(fd), PTR(curr_value))
SYSCALL(288, accept4, SC_NET | SC_DESC, FD(sockfd), PTR(addr), PTR(addrlen),
	FLAGS(flags, sock_flags))
SYSCALL(289, signalfd4, SC_DESC | SC_SIG, FD(fd), PTR(mask), SIZE(sizemask),
	FLAGS(flags, sfd_flags))
SYSCALL(290, eventfd2, SC_DESC, UINT(initval), FLAGS(flags, efd_flags))
SYSCALL(291, epoll_create1, SC_DESC, FLAGS(flags, epoll_flags))
SYSCALL(292, dup3, SC_DESC, FD(oldfd), FD(newfd), FLAGS(flags, cloexec_flags))
SYSCALL(293, pipe2, SC_DESC, PTR(pipefd), FLAGS(flags, pipe_flags))
SYSCALL(294, inotify_init1, SC_DESC, FLAGS(flags, inotify_init_flags))
SYSCALL(295, preadv, SC_DESC, FD(fd), PTR(iov), INT(iovcnt), OFF(offset))
SYSCALL(296, pwritev, SC_DESC, FD(fd), PTR(iov), INT(iovcnt), OFF(offset))
SYSCALL(297, rt_tgsigqueueinfo, SC_SIG, PID(tgid), PID(tid), SIGNO(sig),
	PTR(info))
SYSCALL(298, perf_event_open, SC_DESC, PTR(attr), PID(pid), INT(cpu),
	FD(group_fd), HEX(flags))
SYSCALL(299, recvmmsg, SC_NET | SC_DESC, FD(sockfd), PTR(msgvec), UINT(vlen),
	FLAGS(flags, msg_flags), PTR(timeout))
SYSCALL(300, fanotify_init, SC_DESC, HEX(flags),
	FLAGS(event_f_flags, open_flags))
SYSCALL(301, fanotify_mark, SC_FILE | SC_DESC, FD(fanotify_fd), HEX(flags),
	HEX(mask), DIRFD(dirfd), PATH(pathname))
SYSCALL(302, prlimit64, 0, PID(pid), ENUM(resource, rlimit), PTR(new_limit),
	PTR(old_limit))
SYSCALL(303, name_to_handle_at, SC_FILE | SC_DESC, DIRFD(dirfd),
	PATH(pathname), PTR(handle), PTR(mount_id), FLAGS(flags, at_flags))
SYSCALL(304, open_by_handle_at, SC_DESC, FD(mount_fd), PTR(handle),
	FLAGS(flags, open_flags))
SYSCALL(305, clock_adjtime, 0, ENUM(clk_id, clockid), PTR(buf))
SYSCALL(306, syncfs, SC_DESC, FD(fd))
SYSCALL(307, sendmmsg, SC_NET | SC_DESC, FD(sockfd), PTR(msgvec), UINT(vlen),
	FLAGS(flags, msg_flags))
SYSCALL(308, setns, SC_DESC, FD(fd), FLAGS(nstype, clone_flags))
SYSCALL(309, getcpu, 0, PTR(cpu), PTR(node), PTR(tcache))
SYSCALL(310, process_vm_readv, 0, PID(pid), PTR(local_iov), SIZE(liovcnt),
	PTR(remote_iov), SIZE(riovcnt), HEX(flags))
SYSCALL(311, process_vm_writev, 0, PID(pid), PTR(local_iov), SIZE(liovcnt),
	PTR(remote_iov), SIZE(riovcnt), HEX(flags))
SYSCALL(312, kcmp, 0, PID(pid1), PID(pid2), INT(type), HEX(idx1), HEX(idx2))
SYSCALL(313, finit_module, SC_DESC, FD(fd), STR(param_values), HEX(flags))
SYSCALL(314, sched_setattr, 0, PID(pid), PTR(attr), HEX(flags))
SYSCALL(315, sched_getattr, 0, PID(pid), PTR(attr), UINT(size), HEX(flags))
SYSCALL(316, renameat2, SC_FILE | SC_DESC, DIRFD(olddirfd), PATH(oldpath),
	DIRFD(newdirfd), PATH(newpath), FLAGS(flags, renameat2_flags))
SYSCALL(317, seccomp, 0, ENUM(operation, seccomp_op),
	FLAGS(flags, seccomp_flags), PTR(args))
SYSCALL(318, getrandom, 0, BUFOUT(buf), SIZE(buflen),
	FLAGS(flags, getrandom_flags))
SYSCALL(319, memfd_create, SC_DESC, STR(name), FLAGS(flags, memfd_flags))
SYSCALL(320, kexec_file_load, SC_DESC, FD(kernel_fd), FD(initrd_fd),
	SIZE(cmdline_len), BUFIN(cmdline, 2), HEX(flags))
SYSCALL(321, bpf, SC_DESC, ENUM(cmd, bpf_cmd), PTR(attr), UINT(size))
SYSCALL(322, execveat, SC_FILE | SC_DESC | SC_PROC | SC_EXEC, DIRFD(dirfd),
	PATH(pathname), ARGV(argv), ENVP(envp), FLAGS(flags, at_flags))
SYSCALL(323, userfaultfd, SC_DESC, FLAGS(flags, fd_flags))
SYSCALL(324, membarrier, 0, INT(cmd), HEX(flags), INT(cpu_id))
SYSCALL(325, mlock2, SC_MEM, PTR(addr), SIZE(len), FLAGS(flags, mlock2_flags))
SYSCALL(326, copy_file_range, SC_DESC, FD(fd_in), PTR(off_in), FD(fd_out),
	PTR(off_out), SIZE(len), HEX(flags))
SYSCALL(327, preadv2, SC_DESC, FD(fd), PTR(iov), INT(iovcnt), OFF(offset),
	FLAGS(flags, rwf_flags))
SYSCALL(328, pwritev2, SC_DESC, FD(fd), PTR(iov), INT(iovcnt), OFF(offset),
	FLAGS(flags, rwf_flags))
SYSCALL(329, pkey_mprotect, SC_MEM, PTR(addr), SIZE(len), FLAGS(prot, prot),
	INT(pkey))
SYSCALL(330, pkey_alloc, 0, HEX(flags), HEX(access_rights))
SYSCALL(331, pkey_free, 0, INT(pkey))
SYSCALL(332, statx, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(flags, at_flags), FLAGS(mask, statx_mask), BUFOUT(statxbuf))
SYSCALL(333, io_pgetevents, 0, HEX(ctx_id), OFF(min_nr), OFF(nr),
	PTR(events), PTR(timeout), PTR(usig))
SYSCALL(334, rseq, 0, PTR(rseq), UINT(rseq_len), HEX(flags), HEX(sig))
SYSCALL(335, uretprobe, 0)				/* 6.11 */
SYSCALL(336, uprobe, 0)					/* 6.18 */
SYSCALL(424, pidfd_send_signal, SC_DESC | SC_SIG, FD(pidfd), SIGNO(sig),
	PTR(info), HEX(flags))
SYSCALL(425, io_uring_setup, SC_DESC, UINT(entries), PTR(p))
SYSCALL(426, io_uring_enter, SC_DESC, FD(fd), UINT(to_submit),
	UINT(min_complete), HEX(flags), PTR(sig), SIZE(sz))
SYSCALL(427, io_uring_register, SC_DESC, FD(fd), UINT(opcode), PTR(arg),
	UINT(nr_args))
SYSCALL(428, open_tree, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(path),
	HEX(flags))
SYSCALL(429, move_mount, SC_FILE | SC_DESC, DIRFD(from_dirfd),
	PATH(from_path), DIRFD(to_dirfd), PATH(to_path), HEX(flags))
SYSCALL(430, fsopen, SC_DESC, STR(fsname), HEX(flags))
SYSCALL(431, fsconfig, SC_DESC, FD(fd), UINT(cmd), STR(key), PTR(value),
	INT(aux))
SYSCALL(432, fsmount, SC_DESC, FD(fd), HEX(flags), HEX(attr_flags))
SYSCALL(433, fspick, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(path), HEX(flags))
SYSCALL(434, pidfd_open, SC_DESC, PID(pid), FLAGS(flags, pidfd_flags))
SYSCALL(435, clone3, SC_PROC, PTR(cl_args), SIZE(size))
SYSCALL(436, close_range, SC_DESC, UINT(first), UINT(last),
	FLAGS(flags, close_range_flags))
SYSCALL(437, openat2, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	PTR(how), SIZE(size))
SYSCALL(438, pidfd_getfd, SC_DESC, FD(pidfd), FD(targetfd), HEX(flags))
SYSCALL(439, faccessat2, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(mode, access_mode), FLAGS(flags, faccessat_flags))
SYSCALL(440, process_madvise, SC_DESC, FD(pidfd), PTR(iovec), SIZE(vlen),
	ENUM(advice, madvise_advice), HEX(flags))
SYSCALL(441, epoll_pwait2, SC_DESC, FD(epfd), PTR(events), INT(maxevents),
	PTR(timeout), PTR(sigmask), SIZE(sigsetsize))
SYSCALL(442, mount_setattr, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(path),
	FLAGS(flags, at_flags), PTR(attr), SIZE(size))
SYSCALL(443, quotactl_fd, SC_DESC, FD(fd), HEX(cmd), INT(id), PTR(addr))
SYSCALL(444, landlock_create_ruleset, SC_DESC, PTR(attr), SIZE(size),
	HEX(flags))
SYSCALL(445, landlock_add_rule, SC_DESC, FD(ruleset_fd), INT(rule_type),
	PTR(rule_attr), HEX(flags))
SYSCALL(446, landlock_restrict_self, SC_DESC, FD(ruleset_fd), HEX(flags))
SYSCALL(447, memfd_secret, SC_DESC, FLAGS(flags, cloexec_flags))
SYSCALL(448, process_mrelease, SC_DESC, FD(pidfd), HEX(flags))
SYSCALL(449, futex_waitv, 0, PTR(waiters), UINT(nr_futexes), HEX(flags),
	PTR(timeout), ENUM(clockid, clockid))
SYSCALL(450, set_mempolicy_home_node, SC_MEM, PTR(start), SIZE(len),
	SIZE(home_node), HEX(flags))
SYSCALL(451, cachestat, SC_DESC, FD(fd), PTR(cstat_range), PTR(cstat),
	HEX(flags))						/* 6.5 */
SYSCALL(452, fchmodat2, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	MODE(mode), FLAGS(flags, at_flags))			/* 6.6 */
SYSCALL(453, map_shadow_stack, SC_MEM, PTR(addr), SIZE(size), HEX(flags))
SYSCALL(454, futex_wake, 0, PTR(uaddr), HEX(mask), INT(nr), HEX(flags))
SYSCALL(455, futex_wait, 0, PTR(uaddr), HEX(val), HEX(mask), HEX(flags),
	PTR(timeout), ENUM(clockid, clockid))			/* 6.7 */
SYSCALL(456, futex_requeue, 0, PTR(waiters), HEX(flags), INT(nr_wake),
	INT(nr_requeue))
SYSCALL(457, statmount, 0, PTR(req), BUFOUT(buf), SIZE(bufsize),
	HEX(flags))						/* 6.8 */
SYSCALL(458, listmount, 0, PTR(req), BUFOUT(mnt_ids), SIZE(nr_mnt_ids),
	HEX(flags))
SYSCALL(459, lsm_get_self_attr, 0, UINT(attr), BUFOUT(ctx), PTR(size),
	HEX(flags))
SYSCALL(460, lsm_set_self_attr, 0, UINT(attr), PTR(ctx), UINT(size),
	HEX(flags))
SYSCALL(461, lsm_list_modules, 0, BUFOUT(ids), PTR(size), HEX(flags))
SYSCALL(462, mseal, SC_MEM, PTR(addr), SIZE(len), HEX(flags))	/* 6.10 */
SYSCALL(463, setxattrat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(at_flags, at_flags), STR(name), PTR(args), SIZE(size)) /* 6.13 */
SYSCALL(464, getxattrat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(at_flags, at_flags), STR(name), PTR(args), SIZE(size))
SYSCALL(465, listxattrat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(at_flags, at_flags), BUFOUT(list), SIZE(size))
SYSCALL(466, removexattrat, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	FLAGS(at_flags, at_flags), STR(name))
SYSCALL(467, open_tree_attr, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(path),
	HEX(flags), PTR(attr), SIZE(size))			/* 6.15 */
SYSCALL(468, file_getattr, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	PTR(attr), SIZE(size), FLAGS(at_flags, at_flags))	/* 6.17 */
SYSCALL(469, file_setattr, SC_FILE | SC_DESC, DIRFD(dirfd), PATH(pathname),
	PTR(attr), SIZE(size), FLAGS(at_flags, at_flags))
SYSCALL(470, listns, 0, PTR(req), BUFOUT(ns_ids), SIZE(nr_ns_ids),
	HEX(flags))						/* 6.19 */

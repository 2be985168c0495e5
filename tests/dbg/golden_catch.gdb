# Catchpoints: fork, exec and write in a program that forks a child that
# execs /bin/true; their stop lines and table rows.
#! prog dbgc_fork exec
catch fork
catch exec
catch syscall write
catch signal SIGCHLD
info breakpoints
continue
info inferiors
continue
continue
continue
continue
info breakpoints

# Signals: the stop for SIGUSR1, $_siginfo and info siginfo, writing a
# siginfo field, handle's table, and a signal suppressed with `signal 0`
# (the handler sees one SIGUSR1 less: usr1=1 in the program's output).
#! prog dbgc_signals
info signals SIGUSR1
continue
p $_siginfo.si_signo
info siginfo
set $_siginfo.si_errno = 7
p $_siginfo.si_errno
signal 0
handle SIGUSR1 nostop noprint
handle SIGALRM stop print
continue
info signals SIGALRM
continue

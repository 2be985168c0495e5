# A program that catches signals: the stop for SIGUSR1, its siginfo,
# handle's table, and passing the signal on.
#! prog dbgc_signals
#= run
p $_siginfo.si_signo
p $_siginfo.si_code
info signals SIGUSR1
info signals SIGALRM
handle SIGUSR1 nostop noprint
continue

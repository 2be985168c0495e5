# A policy `trap` on write (the driver's --trap write): the stop shows the
# decoded call and the rule; set $arg2 shortens the write; the next one is
# denied, so the rest of the line never reaches stdout.
#! prog dbgc_basic
#! opts --trap write
continue
info syscall
set $arg2 = 8
info syscall
allow
info syscall
p $rdx
deny ENOSPC

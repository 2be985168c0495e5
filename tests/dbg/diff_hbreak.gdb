# A hardware breakpoint (a debug register) hits like a software one: its
# stop, the backtrace, finish, until and advance from it, and its row.
#! prog dbgc_basic
#! needs hwdebug
break outer
#= run
delete
hbreak compute
continue
bt
finish
info registers rip rax
until *0x5555555551b6
info registers rip
advance main
info breakpoints

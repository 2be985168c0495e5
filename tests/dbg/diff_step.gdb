# nexti steps over calls, stepi into them; until, advance and finish stop
# where gdb does. (The same from a hardware breakpoint: diff_hbreak.gdb.)
#! prog dbgc_basic
break outer
#= run
stepi
stepi
stepi
stepi
info registers rip rsp
nexti
nexti
info registers rip rsp rax
delete
break compute
continue
bt
finish
info registers rip rax
until *0x5555555551b6
info registers rip
advance main
info breakpoints

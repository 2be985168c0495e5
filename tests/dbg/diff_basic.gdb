# Registers, memory, instructions, symbols and hit counts at breakpoints in
# a single-threaded program, and stepping by instructions.
#! prog dbgc_basic
break compute
#= run
info registers rip rsp rbp rdi rsi eflags cs ss
p $rdi
p $pc
p/x $sp
x/4i $pc
x/8xb &bytes
x/2xg &big
x/4dw &bytes
x/s &greeting
info symbol $pc+6
info symbol main
stepi
info registers rip
stepi 2
x/2i $pc
bt
continue 2
p $rdi
info breakpoints
delete
break inner
continue
bt
nexti 5
info registers rip rax
p *(int *)&counter

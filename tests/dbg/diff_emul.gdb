# Breakpoints passed without a single-step: jail's debugger carries out
# the instruction under the int3 itself (debugger/emul.c). Each e_*
# function of dbgc_emul starts with one such instruction (e_xor and
# e_test with ones it leaves to the single-step) and is called 200 times,
# the iteration in %rcx; each breakpoint stops only on the last call.
# The 199 calls before it ran the emulated instruction: the registers at
# each stop, one step off it, and the program's results (results[], the
# sum given to done()) must be gdb's, which runs it natively.
#! prog dbgc_emul
break *e_endbr if $rcx == 199
break *e_nopl if $rcx == 199
break *e_push if $rcx == 199
break *e_push_r12 if $rcx == 199
break *e_push_rsp if $rcx == 199
break e_frame if $rcx == 199
break *e_sub_rsp if $rcx == 199
break *e_add_rr if $rcx == 199
break *e_sub32 if $rcx == 199
break *e_add16 if $rcx == 199
break *e_cmp_imm8 if $rcx == 199
break *e_add8_imm if $rcx == 199
break *e_sub_imm32 if $rcx == 199
break *e_cmp_rr if $rcx == 199
break *e_movl_imm if $rcx == 199
break *e_movb_store if $rcx == 199
break *e_store_rsp if $rcx == 199
break *e_mov_high if $rcx == 199
break *e_lea if $rcx == 199
break *e_lea_rip if $rcx == 199
break *e_movabs if $rcx == 199
break *e_mov_r32 if $rcx == 199
break *e_xor if $rcx == 199
break *e_test if $rcx == 199
break done
#= run
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
info registers rip rax rcx rdx rsi rdi rsp eflags
stepi
info registers rip rax rdx rsi rdi rsp eflags
x/2xg $sp - 16
continue
p/x $rdi
x/24xg &results
info breakpoints

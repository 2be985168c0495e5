# Breakpoints passed and stepi steps taken without the CPU: jail's
# debugger carries out the instruction itself (debugger/emul.c). Each
# e_* function of dbgc_emul starts with one such instruction (the e_j*
# ones have it at +3, after a cmp; e_xor and e_test start with ones it
# leaves to the CPU) and is called 200 times, the iteration in %rcx; each
# breakpoint stops only on the last call. The calls before it passed the
# breakpoint by emulation. Then stepi and nexti through stepper(), a loop
# of loads, stores and branches. The registers at each stop and after
# each step, the stack the stores wrote, and the program's results
# (results[], the sum given to done()) must be gdb's, which runs every
# instruction on the CPU.
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
break *e_load if $rcx == 199
break *e_load8 if $rcx == 199
break *e_cmp_mem if $rcx == 199
break *e_rmw if $rcx == 199
break *e_rmw_flags if $rcx == 199
break *e_pop if $rcx == 199
break *e_jl+3 if $rcx == 199
break *e_jbe+3 if $rcx == 199
break *e_jo+3 if $rcx == 199
break *e_jp32+3 if $rcx == 199
break *e_jmp+3 if $rcx == 199
break *e_xor if $rcx == 199
break *e_test if $rcx == 199
break stepper
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
info registers rip rsp rbp rdi
stepi 500
info registers rip rax rdx rsp rbp eflags
x/2xg $rbp - 16
nexti 45
info registers rip rax rdx rsp rbp eflags
x/2xg $rbp - 16
continue
p/x $rdi
x/35xg &results
info breakpoints

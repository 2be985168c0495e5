# stepi into data: dbgc_emul nx jumps to bytes in .data (nops, not
# executable). jail's debugger carries the cmps and the jump out itself,
# but not the nop there: only the CPU can say it faults, as it does
# under gdb.
#! prog dbgc_emul nx
break *e_nx
#= run
stepi 5
info registers rip
stepi

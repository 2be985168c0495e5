# A forking program: both processes are debugged, breakpoints apply in the
# child (its copy of the int3) and the parent.
#! prog dbgc_fork
#! unordered
#! gdb set detach-on-fork off
#! gdb set schedule-multiple on
break child_work
break parent_work
#= run
continue
info inferiors
info breakpoints

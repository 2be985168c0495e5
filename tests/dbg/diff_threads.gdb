# A multi-threaded program: thread counts, breakpoint hit counts across
# threads, the breakpoint's pc in each of them.
#! prog dbgc_threads
#! unordered
break worker_step
#= run
info threads
p $pc
continue
continue
continue
info breakpoints
delete
continue

# Hardware watchpoints: the values gdb reports, the pc after the write,
# and hit counts.
#! prog dbgc_basic
#! needs hwdebug
break main
#= run
watch *(int *)&counter
continue
continue
continue
rwatch *(int *)&sink
continue
info breakpoints
delete
awatch *(int *)&sink
continue

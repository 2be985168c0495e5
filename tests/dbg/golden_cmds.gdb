# The command language: abbreviations, errors in gdb's words, settings,
# breakpoint bookkeeping, displays and breakpoint commands.
#! prog dbgc_basic
foo
co
i b
info foo
b compute
tbreak outer
condition 1 $rdi > 3
ignore 1 1
commands 1
silent
p $rdi
end
info breakpoints
delete 7
show disassembly-flavor
set disassembly-flavor intel
show disassembly-flavor
set disassembly-flavor foo
set disassembly-flavor att
show confirm
c
info breakpoints
display/x $rdi
c
undisplay 1
info display
c
p $pc
x/2i $pc
disable 1
info breakpoints 1
kill
info threads

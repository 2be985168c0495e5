# @N@ single steps from main.
break main
run
stepi @N@
print $pc

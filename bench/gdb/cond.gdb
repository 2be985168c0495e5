# A conditional breakpoint hit @N@ times, true on the last hit only.
# $rdi is hit()'s argument i (no debug info needed).
break hit if $rdi == @LAST@
run
print $rdi

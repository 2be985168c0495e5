# A breakpoint hit @N@ times, stopping on the last: ignore count.
break hit
ignore 1 @LAST@
run
print $rdi

# Start-up only: the time subtracted from the other scripts.
run

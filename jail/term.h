/* term: job control, so the program owns the terminal as it would
 * natively. Active only when jail runs in the foreground of a terminal;
 * with pipes (CI) every call is a no-op. */
#ifndef JAIL_TERM_H
#define JAIL_TERM_H

#include <stdbool.h>
#include <sys/types.h>
#include <termios.h>

struct term {
	int fd;			/* the terminal, or -1: not interactive */
	pid_t jail_pgrp;
	pid_t prog_pgrp;	/* the program's group once given the tty */
	struct termios jail_modes;
	bool have_modes;
};

void term_init(struct term *t);
bool term_active(const struct term *t);
/* Make pgrp the terminal's foreground group. */
void term_give(struct term *t, pid_t pgrp);
/* Take the terminal back for jail and restore its modes. */
void term_take(struct term *t);
/* The program stopped for job control (Ctrl-Z): stop jail the same way so
 * the shell sees its job stopped; when continued (fg), give the terminal
 * back and continue the program's group. */
void term_job_stopped(struct term *t, int sig);

#endif

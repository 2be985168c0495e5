#include "jail/term.h"

#include <signal.h>
#include <unistd.h>

void term_init(struct term *t)
{
	int fd;

	t->fd = -1;
	t->prog_pgrp = 0;
	t->have_modes = false;
	t->jail_pgrp = getpgrp();
	for (fd = 0; fd <= 2; fd++) {
		if (isatty(fd) && tcgetpgrp(fd) == t->jail_pgrp) {
			t->fd = fd;
			break;
		}
	}
	if (t->fd >= 0 && tcgetattr(t->fd, &t->jail_modes) == 0)
		t->have_modes = true;
}

bool term_active(const struct term *t)
{
	return t->fd >= 0;
}

/* tcsetpgrp from a background group raises SIGTTOU unless it is blocked. */
static void set_fg(int fd, pid_t pgrp)
{
	sigset_t block, old;

	sigemptyset(&block);
	sigaddset(&block, SIGTTOU);
	sigprocmask(SIG_BLOCK, &block, &old);
	tcsetpgrp(fd, pgrp);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void term_give(struct term *t, pid_t pgrp)
{
	if (t->fd < 0)
		return;
	t->prog_pgrp = pgrp;
	set_fg(t->fd, pgrp);
}

void term_take(struct term *t)
{
	if (t->fd < 0)
		return;
	set_fg(t->fd, t->jail_pgrp);
	if (t->have_modes)
		tcsetattr(t->fd, TCSADRAIN, &t->jail_modes);
}

void term_job_stopped(struct term *t, int sig)
{
	struct termios prog_modes;
	bool saved;

	if (t->fd < 0 || !t->prog_pgrp)
		return;
	saved = tcgetattr(t->fd, &prog_modes) == 0;
	term_take(t);
	/* SIGTTIN/SIGTTOU stop a job too; the shell shows which. */
	kill(0, sig == SIGSTOP ? SIGTSTP : sig);
	/* Here again after the shell's fg (or bg: then the terminal is not
	 * ours to give, and tcsetpgrp fails harmlessly). */
	if (tcgetpgrp(t->fd) == t->jail_pgrp) {
		if (saved)
			tcsetattr(t->fd, TCSADRAIN, &prog_modes);
		set_fg(t->fd, t->prog_pgrp);
	}
	kill(-t->prog_pgrp, SIGCONT);
}

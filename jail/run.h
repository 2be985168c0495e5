/* run: the jail runner (launch or attach, then the event loop). */
#ifndef JAIL_RUN_H
#define JAIL_RUN_H

#include "jail/cli.h"

/* Each returns jail's exit status. */
int run_launch(const struct cli *c);
int run_attach(const struct cli *c);
/* --check: load, report, optionally dump the BPF program. */
int run_check(const struct cli *c);
int run_list_groups(void);

#endif

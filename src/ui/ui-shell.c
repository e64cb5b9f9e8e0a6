/*
 * Commands of the user's own (the editor of edit-urls) through sh -c,
 * with the terminal handed over while they run. Never for anything that
 * came from a feed: those programs get an argv (ui-run.c).
 */
#include "config.h"

#include "ui/ui-int.h"

/*
 * Run a command line of the user's own through sh -c, with the terminal
 * handed over; words after it become $1... Returns the exit status, or
 * -1 with *cause.
 */
int
ui_shell_run(const char *cmd, const char *arg, char **cause)
{
	char	*argv[] = { (char *)"/bin/sh", (char *)"-c", (char *)cmd,
	    (char *)"sh", (char *)arg, NULL };

	return (ui_run_terminal(argv, cause));
}

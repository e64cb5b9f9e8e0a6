/*
 * Commands of the user's own (the editor of edit-urls) through sh -c,
 * with the terminal handed over while they run. Never for anything that
 * came from a feed: those programs get an argv (ui-run.c).
 */
#include "config.h"

#include <errno.h>
#include <ncurses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * Run a command line of the user's own through sh -c, with the terminal
 * handed over; words after it become $1... Returns the exit status, or
 * -1 with *cause.
 */
int
ui_shell_run(const char *cmd, const char *arg, char **cause)
{
	struct sigaction	 sa, old_int, old_tstp;
	pid_t			 pid;
	int			 status = -1;

	def_prog_mode();
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, &old_int);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, &old_tstp);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &sa, NULL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", arg, (char *)NULL);
		_exit(127);
	}
	if (pid == -1)
		*cause = xasprintf(_("cannot run %s: %s"), cmd,
		    strerror(errno));
	else {
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	return (pid == -1 ? -1 : status);
}

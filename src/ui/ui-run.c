/*
 * Running the browser (and the player, for a downloaded file: the same
 * way, the path as its last word): the `browser` option, else $BROWSER, else
 * xdg-open, split into words as a shell would (conf-command.c; no shell
 * runs, ever: the URL comes from a feed) with %u replaced by the URL, or
 * the URL added as the last argument. The terminal is handed over while
 * it runs, for text browsers; a trailing & runs it detached instead. Only the
 * schemes of `open-url-schemes` are opened, and the URL is cleaned of
 * control characters first: a feed's link may say javascript: or file:.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ncurses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conf/conf.h"
#include "ui/ui-int.h"
#include "util/i18n.h"
#include "util/url.h"
#include "util/xmalloc.h"

/*
 * The browser's words with %u in each replaced by url, or url added as
 * the last word; NULL with *cause when the command is not one we run.
 */
static char **
ui_run_argv(const char *cmd, const char *url, int *detach, char **cause)
{
	struct conf_command	  c;
	char			**argv, *pct;
	int			  i, used_url = 0;

	if (conf_command_parse(cmd, &c, cause) != 0)
		return (NULL);
	if (c.argc == 0) {
		conf_command_free(&c);
		*cause = xstrdup(_("the browser option names no program"));
		return (NULL);
	}
	argv = xreallocarray(NULL, (size_t)c.argc + 2, sizeof *argv);
	for (i = 0; i < c.argc; i++) {
		if ((pct = strstr(c.argv[i], "%u")) != NULL) {
			argv[i] = xasprintf("%.*s%s%s", (int)(pct - c.argv[i]),
			    c.argv[i], url, pct + 2);
			used_url = 1;
		} else
			argv[i] = xstrdup(c.argv[i]);
	}
	if (!used_url)
		argv[i++] = xstrdup(url);
	argv[i] = NULL;
	*detach = c.detach;
	conf_command_free(&c);
	return (argv);
}

static void
ui_run_argv_free(char **argv)
{
	size_t	i;

	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/*
 * A browser with a trailing &: in a session of its own, its output away
 * from our screen, not waited for (a grandchild, so it leaves no zombie).
 * Whether the exec worked comes back through a close-on-exec pipe.
 */
static int
ui_run_detached(char **argv, char **cause)
{
	pid_t	pid;
	int	fds[2], err = 0, status, nul;
	ssize_t	n;

	if (pipe2(fds, O_CLOEXEC) != 0) {
		*cause = xasprintf(_("cannot run %s: %s"), argv[0],
		    strerror(errno));
		return (-1);
	}
	if ((pid = fork()) == 0) {
		close(fds[0]);
		setsid();
		if ((nul = open("/dev/null", O_RDWR)) != -1) {
			dup2(nul, 0);
			dup2(nul, 1);
			dup2(nul, 2);
			if (nul > 2)
				close(nul);
		}
		if (fork() == 0) {
			signal(SIGPIPE, SIG_DFL);
			signal(SIGINT, SIG_DFL);
			execvp(argv[0], argv);
			err = errno;
			(void)!write(fds[1], &err, sizeof err);
			_exit(127);
		}
		_exit(0);
	}
	close(fds[1]);
	if (pid == -1) {
		close(fds[0]);
		*cause = xasprintf(_("cannot run %s: %s"), argv[0],
		    strerror(errno));
		return (-1);
	}
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	while ((n = read(fds[0], &err, sizeof err)) == -1 && errno == EINTR)
		;
	close(fds[0]);
	if (n == (ssize_t)sizeof err) {
		*cause = xasprintf(_("cannot run %s: %s"), argv[0],
		    strerror(err));
		return (-1);
	}
	return (0);
}

/* The URL to hand on, or NULL with *cause saying why not. */
static char *
ui_run_checked_url(struct ui *ui, const char *url, char **cause)
{
	const char	*schemes = ui->cfg.open_schemes;
	char		*clean, *scheme;

	if (schemes == NULL)
		schemes = "http https";
	clean = url_clean(url);
	if (url_scheme_in(clean, schemes))
		return (clean);
	if ((scheme = url_scheme(clean)) != NULL)
		*cause = xasprintf(_("Not opened: %s: links are not opened "
		    "(see open-url-schemes)."), scheme);
	else
		*cause = xstrdup(_("Not opened: the link has no scheme."));
	free(scheme);
	free(clean);
	return (NULL);
}

static int	ui_run_foreground(struct ui *, char **, char **);

int
ui_run_open_url(struct ui *ui, const char *rawurl, char **cause)
{
	const char		*cmd;
	char			**argv, *first = NULL, *colon;
	char			*url;
	int			 detach = 0, rc;

	if ((url = ui_run_checked_url(ui, rawurl, cause)) == NULL)
		return (-1);
	cmd = ui->cfg.browser;
	if (cmd == NULL || *cmd == '\0') {
		cmd = getenv("BROWSER");
		/* $BROWSER may list several, separated by colons. */
		if (cmd != NULL && (colon = strchr(cmd, ':')) != NULL)
			cmd = first = xstrndup(cmd, (size_t)(colon - cmd));
	}
	if (cmd == NULL || *cmd == '\0')
		cmd = "xdg-open";
	argv = ui_run_argv(cmd, url, &detach, cause);
	free(first);
	free(url);
	if (argv == NULL)
		return (-1);
	rc = detach ? ui_run_detached(argv, cause) :
	    ui_run_foreground(ui, argv, cause);
	ui_run_argv_free(argv);
	return (rc);
}

/*
 * The player on a downloaded file: `player` (else xdg-open) in words,
 * the path added as one last argument, whatever its characters.
 */
int
ui_run_play(struct ui *ui, const char *player, const char *path,
    char **cause)
{
	struct conf_command	  c;
	char			**argv;
	int			  i, rc;

	if (player == NULL || *player == '\0')
		player = "xdg-open";
	if (conf_command_parse(player, &c, cause) != 0)
		return (-1);
	if (c.argc == 0) {
		conf_command_free(&c);
		*cause = xstrdup(_("the player option names no program"));
		return (-1);
	}
	argv = xreallocarray(NULL, (size_t)c.argc + 2, sizeof *argv);
	for (i = 0; i < c.argc; i++)
		argv[i] = xstrdup(c.argv[i]);
	argv[i++] = xstrdup(path);
	argv[i] = NULL;
	rc = c.detach ? ui_run_detached(argv, cause) :
	    ui_run_foreground(ui, argv, cause);
	conf_command_free(&c);
	ui_run_argv_free(argv);
	return (rc);
}

/*
 * argv with the terminal handed over until it exits (^C and ^Z are its
 * own meanwhile): its exit status, 128 when a signal ended it, or -1 with
 * *cause when it could not be started. The browser, the player and the
 * user's own shell commands (ui-shell.c) all come through here.
 */
int
ui_run_terminal(char **argv, char **cause)
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
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid == -1)
		*cause = xasprintf(_("cannot run %s: %s"), argv[0],
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

/* A program in the foreground: 0, or -1 with *cause when it failed. */
static int
ui_run_foreground(struct ui *ui, char **argv, char **cause)
{
	int	status;

	status = ui_run_terminal(argv, cause);
	ui_dirty(ui);
	if (status == -1)
		return (-1);
	if (status == 127) {
		*cause = xasprintf(_("cannot run %s"), argv[0]);
		return (-1);
	}
	if (status != 0) {
		*cause = xasprintf(_("%s failed (status %d)"), argv[0], status);
		return (-1);
	}
	return (0);
}

/*
 * Running the browser: the `browser` option, else $BROWSER, else
 * xdg-open, split into words (no shell, ever: the URL comes from a feed)
 * with %u replaced by the URL, or the URL added as the last argument. The
 * terminal is handed over while it runs, for text browsers. Only the
 * schemes of `open-url-schemes` are opened, and the URL is cleaned of
 * control characters first: a feed's link may say javascript: or file:.
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
#include "util/url.h"
#include "util/xmalloc.h"

#define UI_RUN_MAX_ARGS	64

/* Split cmd at blanks into argv, with %u in a word replaced by url. */
static size_t
ui_run_argv(const char *cmd, const char *url, char **argv, size_t max)
{
	const char	*p = cmd, *start, *pct;
	char		*word;
	size_t		 n = 0;
	int		 used_url = 0;

	while (*p != '\0' && n + 2 < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		start = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		word = xstrndup(start, (size_t)(p - start));
		if ((pct = strstr(word, "%u")) != NULL) {
			char	*w2;

			w2 = xasprintf("%.*s%s%s", (int)(pct - word), word,
			    url, pct + 2);
			free(word);
			word = w2;
			used_url = 1;
		}
		argv[n++] = word;
	}
	if (!used_url)
		argv[n++] = xstrdup(url);
	argv[n] = NULL;
	return (n);
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

int
ui_run_open_url(struct ui *ui, const char *rawurl, char **cause)
{
	struct sigaction	 sa, old_int, old_tstp;
	const char		*cmd;
	char			*argv[UI_RUN_MAX_ARGS], *first = NULL, *colon;
	char			*url;
	size_t			 n, i;
	pid_t			 pid;
	int			 status, rc = 0;

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
	n = ui_run_argv(cmd, url, argv, UI_RUN_MAX_ARGS);
	free(first);

	def_prog_mode();
	endwin();
	/* ^C and ^Z while it runs are the browser's. */
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
	if (pid == -1) {
		*cause = xasprintf(_("cannot run %s: %s"), argv[0],
		    strerror(errno));
		rc = -1;
	} else {
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
			*cause = xasprintf(_("cannot run %s"), argv[0]);
			rc = -1;
		} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			*cause = xasprintf(_("%s failed (status %d)"), argv[0],
			    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
			rc = -1;
		}
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	ui_dirty(ui);
	for (i = 0; i < n; i++)
		free(argv[i]);
	free(url);
	return (rc);
}

/*
 * The article as plain text (its header, then the body as the article
 * view lays it out), saved to a file (Newsboat's `s`, into `save-path`)
 * or piped to a command the user types (`|`). The command runs with
 * sh -c because the user typed it; the article goes to its standard
 * input and nothing from the feed is ever part of the command.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ncurses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db/db-view.h"
#include "ui/ui-int.h"
#include "ui/view-article-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

/* The width the body is wrapped to in the text. */
#define UI_SAVE_WIDTH		72
/* Bytes of the title in a proposed file name. */
#define UI_SAVE_NAME_MAX	64

static void
ui_save_field(struct buf *b, const char *label, const char *value)
{
	char	*clean;

	if (value == NULL || *value == '\0')
		return;
	clean = sanitize_text(value, strlen(value), 0);
	buf_printf(b, "%s %s\n", label, clean);
	free(clean);
}

/*
 * view_article_body_lines() hands its lines to a callback that takes the
 * article view's data; here that pointer is the buffer being filled.
 */
static void
ui_save_line(struct view_article *arg, const char *text, int attr,
    const struct va_span *spans, size_t nspans)
{
	struct buf	*b = (struct buf *)(void *)arg;

	buf_printf(b, "%s\n", text);
}

char *
ui_save_text(struct ui *ui, int64_t item_id, char **cause)
{
	struct db_view_article	*a = NULL;
	struct va_body		*body;
	struct buf		 b;
	struct tm		 tm;
	time_t			 t;
	char			 date[64];
	size_t			 i;

	if (db_view_article(ui->cfg.db, item_id, &a, cause) != 0)
		return (NULL);
	if (a == NULL) {
		*cause = xstrdup(_("This article is gone."));
		return (NULL);
	}
	if ((body = view_article_body_new(a, cause)) == NULL) {
		db_view_article_free(a);
		return (NULL);
	}
	buf_init(&b, 0);
	buf_add(&b, "", 0);
	ui_save_field(&b, _("Feed:"), a->feed_title);
	ui_save_field(&b, _("Title:"), a->item.title);
	ui_save_field(&b, _("Author:"), a->item.author);
	if (a->item.published > 0) {
		t = (time_t)a->item.published;
		localtime_r(&t, &tm);
		strftime(date, sizeof date, "%a, %d %b %Y %H:%M", &tm);
		ui_save_field(&b, _("Date:"), date);
	}
	ui_save_field(&b, _("Link:"), a->item.link);
	for (i = 0; i < a->nenclosures; i++)
		ui_save_field(&b, _("Enclosure:"), a->enclosures[i].url);
	buf_adds(&b, "\n");
	view_article_body_lines(body, UI_SAVE_WIDTH, ui_save_line,
	    (struct view_article *)(void *)&b);
	view_article_body_free(body);
	db_view_article_free(a);
	return (buf_detach(&b));
}

/* ~ and ~/ at the start of a path: the home directory. */
static char *
ui_save_expand(const char *path)
{
	const char	*home = getenv("HOME");

	if (home != NULL && path[0] == '~' && (path[1] == '/' ||
	    path[1] == '\0'))
		return (xasprintf("%s%s", home, path + 1));
	return (xstrdup(path));
}

/*
 * A file name from the title: letters and digits (any script) kept, runs
 * of anything else one '_', no leading dot, at most UI_SAVE_NAME_MAX
 * bytes (cut at a character), then ".txt".
 */
static char *
ui_save_name(const char *title)
{
	char		 out[UI_SAVE_NAME_MAX + 8];
	const unsigned char *s = (const unsigned char *)(title ? title : "");
	size_t		 len = strlen((const char *)s), i = 0, o = 0, n;
	unsigned int	 cp;
	int		 gap = 0;

	while (i < len) {
		if ((n = sanitize_utf8_decode(s + i, len - i, &cp)) == 0)
			n = 1, cp = '_';
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9') || cp == '-' ||
		    (cp >= 0xc0 && cp != 0xd7 && cp != 0xf7 &&
		    !(cp >= 0x2000 && cp <= 0x2bff) &&
		    !(cp >= 0x3000 && cp <= 0x303f) && cp < 0x1f000 &&
		    !(cp >= 0xfe00 && cp <= 0xfe0f))) {
			if (gap && o > 0 && o < UI_SAVE_NAME_MAX)
				out[o++] = '_';
			gap = 0;
			if (o + n > UI_SAVE_NAME_MAX)
				break;
			memcpy(out + o, s + i, n);
			o += n;
		} else
			gap = 1;
		i += n;
	}
	if (o == 0)
		return (xstrdup("article.txt"));
	out[o] = '\0';
	return (xasprintf("%s.txt", out));
}

/* A question answered with one key: 1 for y (or the translated yes). */
static int
ui_save_yes(struct ui *ui, const char *question)
{
	wint_t	wc;
	int	rc;

	move(ui->height - 1, 0);
	clrtoeol();
	ui_draw_text(ui->height - 1, 0, ui->width, question, 0);
	refresh();
	nodelay(stdscr, FALSE);
	while ((rc = get_wch(&wc)) == ERR && !ui->quit)
		;
	nodelay(stdscr, TRUE);
	ui_dirty(ui);
	/* TRANSLATORS: the key for "yes" at (y/n) questions. */
	return (rc == OK && (wc == 'y' || wc == (wint_t)*_("y")));
}

/*
 * Write the article to path (~ expanded). An existing file is replaced
 * only when ask is set and the user says yes. 0 when saved.
 */
int
ui_save_to(struct ui *ui, int64_t item_id, const char *rawpath, int ask)
{
	struct stat	 sb;
	char		*path, *text, *cause = NULL, *q;
	size_t		 len, off = 0;
	ssize_t		 n;
	int		 fd, flags = O_WRONLY | O_CREAT | O_EXCL, rc = -1;

	if (item_id == 0) {
		ui_message(ui, 1, "%s", _("No article to save here."));
		return (-1);
	}
	path = ui_save_expand(rawpath);
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			ui_message(ui, 1, _("%s is a directory."), path);
			free(path);
			return (-1);
		}
		q = xasprintf(_("%s exists. Overwrite? (y/n) "), path);
		if (!ask || !ui_save_yes(ui, q)) {
			ui_message(ui, 0, _("Not saved: %s exists."), path);
			free(q);
			free(path);
			return (-1);
		}
		free(q);
		flags = O_WRONLY | O_TRUNC;
	}
	if ((text = ui_save_text(ui, item_id, &cause)) == NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		free(path);
		return (-1);
	}
	len = strlen(text);
	if ((fd = open(path, flags | O_CLOEXEC, 0666)) == -1)
		goto fail;
	while (off < len) {
		if ((n = write(fd, text + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			close(fd);
			goto fail;
		}
		off += (size_t)n;
	}
	if (close(fd) != 0)
		goto fail;
	ui_message(ui, 0, _("Saved to %s."), path);
	rc = 0;
	goto out;
fail:
	ui_message(ui, 1, _("Cannot save to %s: %s"), path, strerror(errno));
out:
	free(text);
	free(path);
	return (rc);
}

/* s: propose save-path and a name from the title, and save there. */
void
ui_save_ask(struct ui *ui, int64_t item_id)
{
	struct db_view_article	*a = NULL;
	const char		*dir = NULL;
	char			*cause = NULL, *name, *init, *path;

	if (item_id == 0)
		return;
	if (db_view_article(ui->cfg.db, item_id, &a, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	name = ui_save_name(a != NULL ? a->item.title : NULL);
	db_view_article_free(a);
	if (ui->cfg.conf != NULL)
		dir = conf_file_str(ui->cfg.conf, CONF_SAVE_PATH);
	if (dir == NULL || *dir == '\0')
		dir = "~/";
	init = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" :
	    "/", name);
	free(name);
	path = ui_input_prompt_ex(ui, _("Save article to: "), init, NULL);
	free(init);
	if (path != NULL && *path != '\0')
		(void)ui_save_to(ui, item_id, path, 1);
	free(path);
}

/* Give all of text to fd, which the command reads; it may stop early. */
static void
ui_save_feed(int fd, const char *text)
{
	size_t	len = strlen(text), off = 0;
	ssize_t	n;

	while (off < len) {
		if ((n = write(fd, text + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			break;	/* EPIPE: it did not want the rest */
		}
		off += (size_t)n;
	}
	close(fd);
}

/* |: ask for a command and run it with the article on its stdin. */
void
ui_save_pipe(struct ui *ui, int64_t item_id)
{
	struct sigaction	 sa, old_int, old_tstp, old_pipe;
	char			*cmd, *text, *cause = NULL;
	pid_t			 pid;
	int			 fds[2], status = 0;

	if (item_id == 0)
		return;
	if ((cmd = ui_input_prompt(ui, _("Pipe article to command: "))) ==
	    NULL)
		return;
	if (*cmd == '\0') {
		free(cmd);
		return;
	}
	if ((text = ui_save_text(ui, item_id, &cause)) == NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		free(cmd);
		return;
	}
	if (pipe(fds) == -1) {
		ui_message(ui, 1, _("cannot run %s: %s"), cmd,
		    strerror(errno));
		free(text);
		free(cmd);
		return;
	}
	def_prog_mode();
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGPIPE, &sa, &old_pipe);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, &old_tstp);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGPIPE, &sa, NULL);
		close(fds[1]);
		if (fds[0] != STDIN_FILENO) {
			dup2(fds[0], STDIN_FILENO);
			close(fds[0]);
		}
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	if (pid == -1) {
		close(fds[1]);
		ui_message(ui, 1, _("cannot run %s: %s"), cmd,
		    strerror(errno));
	} else {
		ui_save_feed(fds[1], text);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			ui_message(ui, 0, _("Piped to %s."), cmd);
		else
			ui_message(ui, 1, _("%s failed (status %d)"), cmd,
			    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	ui_dirty(ui);
	free(text);
	free(cmd);
}

/* The article the top view is on: the article, or a list's row. */
int64_t
ui_save_current(struct ui *ui)
{
	struct ui_view	*v = ui_top(ui);

	if (v == NULL)
		return (0);
	if (v->type->ctx == CTX_ARTICLE)
		return (view_article_id(v));
	if (v->type->ctx == CTX_ITEMS)
		return (view_items_current_id(ui, v));
	return (0);
}

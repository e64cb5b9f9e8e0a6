/*
 * The command line: `:` opens a prompt on the bottom row (the prompts'
 * editor, with a history, and Tab completing command, action and option
 * names), whose line runs through ui-cmd.c. The commands only it has are
 * here: quit, tag, goto, source, dumpconfig, save and a row number.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf/conf.h"
#include "ui/ui-edit.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The command line's own words, for Tab (set is ui-cmd.c's). */
static const char *const ui_cmdline_names[] = {
	"set", "quit", "tag", "goto", "source", "dumpconfig", "save", "exec",
	NULL
};

/* The feed list, brought to the top (the views above it closed). */
static struct ui_view *
ui_cmdline_feeds(struct ui *ui)
{
	if (ui->nviews == 0 || ui->views[0]->type->ctx != CTX_FEEDS)
		return (NULL);
	while (ui->nviews > 1)
		ui_pop(ui);
	return (ui->views[0]);
}

/* ~ at the start of a path: the home directory. */
static char *
ui_cmdline_path(const char *path)
{
	const char	*home = getenv("HOME");

	if (home != NULL && path[0] == '~' && (path[1] == '/' ||
	    path[1] == '\0'))
		return (xasprintf("%s%s", home, path + 1));
	return (xstrdup(path));
}

/* A number: go to that row of the list, numbered as on screen. */
static int
ui_cmdline_row(struct ui *ui, const char *s)
{
	struct ui_view	*v = ui_top(ui);
	unsigned long	 n;
	size_t		 row;
	char		*end;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (v == NULL || errno != 0 || *end != '\0' || n == 0) {
		ui_message(ui, 1, _("No row %s."), s);
		return (-1);
	}
	row = v->type->ctx == CTX_FEEDS ? view_feeds_row_of(n) : n - 1;
	if (row >= v->list.count) {
		ui_message(ui, 1, _("No row %s."), s);
		return (-1);
	}
	ui_list_set_cursor(&v->list, row);
	ui_dirty(ui);
	return (0);
}

/* A value as a config line writes it: quoted when it must be. */
static void
ui_cmdline_quoted(struct buf *b, const char *s)
{
	const char	*p;

	if (*s != '\0' && strpbrk(s, " \t\"\\#;") == NULL) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

/* A macro's steps as its config line writes them (without the key). */
char *
ui_cmdline_macro_steps(const struct conf_macro *m)
{
	struct buf	b;
	size_t		k;
	int		j;

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	for (k = 0; k < m->nsteps; k++) {
		if (k > 0)
			buf_adds(&b, " ;");
		for (j = 0; j < m->steps[k].argc; j++) {
			if (k > 0 || j > 0)
				buf_addc(&b, ' ');
			ui_cmdline_quoted(&b, m->steps[k].argv[j]);
		}
	}
	return (buf_detach(&b));
}

/*
 * The settings as config lines: options, then macros. On screen (mask)
 * the proxy's password is not shown.
 */
static char **
ui_cmdline_dump(struct ui *ui, int mask, size_t *np)
{
	const struct conf_macro	*m;
	struct buf		 b;
	char			 value[1024], key[32], **lines = NULL, *steps;
	size_t			 n = 0, i;
	int			 o;

	buf_init(&b, 0);
	for (o = 0; o < CONF_NOPTS; o++) {
		if (conf_options[o].name == NULL)
			continue;
		buf_reset(&b);
		ui_cmd_value(ui->cfg.conf, o, value, sizeof value);
		if (mask && o == CONF_PROXY_AUTH && value[0] != '\0')
			snprintf(value, sizeof value, "********");
		buf_printf(&b, "%s ", conf_options[o].name);
		ui_cmdline_quoted(&b, value);
		lines = xreallocarray(lines, n + 1, sizeof *lines);
		lines[n++] = xstrdup(buf_str(&b));
	}
	for (i = 0; (m = conf_macro_at(i)) != NULL; i++) {
		buf_reset(&b);
		conf_keys_name(m->key, key, sizeof key);
		steps = ui_cmdline_macro_steps(m);
		buf_printf(&b, "macro %s %s", key, steps);
		free(steps);
		if (m->desc != NULL) {
			buf_adds(&b, " -- ");
			ui_cmdline_quoted(&b, m->desc);
		}
		lines = xreallocarray(lines, n + 1, sizeof *lines);
		lines[n++] = xstrdup(buf_str(&b));
	}
	buf_fini(&b);
	*np = n;
	return (lines);
}

/* dumpconfig [FILE]: the settings in a page, or into a new file. */
static int
ui_cmdline_dumpconfig(struct ui *ui, char **argv, int argc)
{
	char	**lines, *path;
	size_t	  n, i;
	FILE	 *f;
	int	  fd, rc = 0;

	if (ui->cfg.conf == NULL) {
		ui_message(ui, 1, "%s", _("No settings to change."));
		return (-1);
	}
	lines = ui_cmdline_dump(ui, argc < 2, &n);
	if (argc < 2) {
		ui_push(ui, view_help_text_new(ui, _("The current settings"),
		    lines, n));
		return (0);
	}
	path = ui_cmdline_path(argv[1]);
	/* It may hold the proxy's password: for the user's eyes only. */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		ui_message(ui, 1, _("Cannot save to %s: %s"), path,
		    strerror(errno));
		if (fd != -1)
			close(fd);
		rc = -1;
	} else {
		for (i = 0; i < n; i++)
			fprintf(f, "%s\n", lines[i]);
		if (fclose(f) != 0) {
			ui_message(ui, 1, _("Cannot save to %s: %s"), path,
			    strerror(errno));
			rc = -1;
		} else
			ui_message(ui, 0, _("Saved to %s."), path);
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(path);
	return (rc);
}

/* source FILE: read a config file over the current settings. */
static int
ui_cmdline_source(struct ui *ui, const char *file)
{
	char	*path, *cause = NULL, *nl;
	int	 rc = 0;

	if (!ui_cmd_can_change(ui))
		return (-1);
	path = ui_cmdline_path(file);
	if (access(path, R_OK) != 0) {
		ui_message(ui, 1, "%s: %s", path, strerror(errno));
		free(path);
		return (-1);
	}
	if (conf_file_load(ui->cfg.conf, path, &cause) != 0) {
		/* The first error; the good lines are in force. */
		if ((nl = strchr(cause, '\n')) != NULL)
			*nl = '\0';
		ui_message(ui, 1, "%s", cause);
		free(cause);
		rc = -1;
	} else
		ui_message(ui, 0, _("Read %s."), path);
	/* Its color lines too, at once. */
	ui_colour_start();
	clearok(curscr, TRUE);
	ui_cmd_apply(ui);
	free(path);
	return (rc);
}

int
ui_cmdline_run(struct ui *ui, char **argv, int argc)
{
	struct ui_view	*v;
	const char	*cmd = argv[0];

	if (strspn(cmd, "0123456789") == strlen(cmd))
		return (argc == 1 ? ui_cmdline_row(ui, cmd) : 1);
	if ((strcmp(cmd, "quit") == 0 || strcmp(cmd, "q") == 0) &&
	    argc == 1) {
		ui->quit = 1;
		return (0);
	}
	/* Newsboat's way to run an action. */
	if (strcmp(cmd, "exec") == 0 && argc == 2 &&
	    conf_keys_action_find(argv[1]) != ACT_NONE)
		return (ui_cmd_argv(ui, argv + 1, 1));
	if (strcmp(cmd, "tag") == 0) {
		if ((v = ui_cmdline_feeds(ui)) == NULL)
			return (-1);
		view_feeds_set_tag_to(ui, v, argc > 1 ? argv[1] : NULL);
		return (0);
	}
	if (strcmp(cmd, "goto") == 0 && argc >= 2) {
		if ((v = ui_cmdline_feeds(ui)) == NULL)
			return (-1);
		if (view_feeds_goto_text(ui, v, argv[1]) != 0) {
			ui_message(ui, 1, _("No feed title holds \"%s\"."),
			    argv[1]);
			return (-1);
		}
		return (0);
	}
	if (strcmp(cmd, "source") == 0 && argc == 2)
		return (ui_cmdline_source(ui, argv[1]));
	if (strcmp(cmd, "dumpconfig") == 0 && argc <= 2)
		return (ui_cmdline_dumpconfig(ui, argv, argc));
	if (strcmp(cmd, "save") == 0 && argc == 2)
		return (ui_save_to(ui, ui_save_current(ui), argv[1], 1));
	if (strcmp(cmd, "exec") == 0) {
		ui_message(ui, 1, _("Usage: %s"), "exec ACTION");
		return (-1);
	}
	if (strcmp(cmd, "goto") == 0 || strcmp(cmd, "source") == 0 ||
	    strcmp(cmd, "dumpconfig") == 0 || strcmp(cmd, "save") == 0 ||
	    strcmp(cmd, "quit") == 0) {
		ui_message(ui, 1, _("Usage: %s"), strcmp(cmd, "goto") == 0 ?
		    "goto TEXT" : strcmp(cmd, "source") == 0 ? "source FILE" :
		    strcmp(cmd, "save") == 0 ? "save FILE" :
		    strcmp(cmd, "quit") == 0 ? "quit" : "dumpconfig [FILE]");
		return (-1);
	}
	return (1);
}

/* The i-th name a word in this place may be; NULL past the end. */
static const char *
ui_cmdline_name_at(int option, size_t i)
{
	size_t	n;

	if (option) {
		for (n = 0; n < CONF_NOPTS; n++)
			if (conf_options[n].name != NULL && i-- == 0)
				return (conf_options[n].name);
		return (NULL);
	}
	for (n = 0; ui_cmdline_names[n] != NULL; n++)
		if (i-- == 0)
			return (ui_cmdline_names[n]);
	for (n = 1; n < ACT__COUNT; n++)
		if (i-- == 0)
			return (conf_keys_action_info((enum conf_action)n)->name);
	return (NULL);
}

/*
 * Tab: complete the word before the cursor, a command or an action
 * first, an option after set. One match is taken whole (with a blank);
 * several are shown on the row above, and the part they share taken.
 */
static void
ui_cmdline_complete(struct ui *ui, struct ui_edit *e)
{
	const char	*name, *first = NULL;
	struct buf	 shown;
	size_t		 start, wlen, i, common = 0, nmatch = 0;
	int		 option;
	char		*word;

	start = e->cur;
	while (start > 0 && e->buf[start - 1] != ' ')
		start--;
	option = start >= 4 && strncmp(e->buf, "set ", 4) == 0 &&
	    strspn(e->buf + 3, " ") == start - 3;
	if (start > 0 && !option)
		return;
	word = xstrndup(e->buf + start, e->cur - start);
	wlen = strlen(word);
	buf_init(&shown, 0);
	buf_add(&shown, "", 0);
	for (i = 0; (name = ui_cmdline_name_at(option, i)) != NULL; i++) {
		if (strncmp(name, word, wlen) != 0)
			continue;
		if (nmatch++ == 0) {
			first = name;
			common = strlen(name);
		} else
			while (common > 0 && strncmp(first, name, common) != 0)
				common--;
		buf_printf(&shown, "%s%s", shown.len ? " " : "", name);
	}
	free(word);
	if (nmatch > 1) {
		move(ui->height - 2, 0);
		clrtoeol();
		ui_draw_text(ui->height - 2, 0, ui->width, buf_str(&shown),
		    ui_colour_attr(ELEM_INFO));
	}
	buf_fini(&shown);
	if (nmatch == 0)
		return;
	while (e->cur > start)
		(void)ui_edit_do(e, UI_EDIT_ERASE, 0);
	for (i = 0; i < common; i++)
		(void)ui_edit_do(e, UI_EDIT_INSERT, (unsigned char)first[i]);
	if (nmatch == 1)
		(void)ui_edit_do(e, UI_EDIT_INSERT, ' ');
}

/* `:`: a command, run at once. */
void
ui_cmdline_prompt(struct ui *ui)
{
	char	*line;

	if ((line = ui_input_prompt_ex(ui, ":", NULL,
	    ui_cmdline_complete)) == NULL)
		return;
	(void)ui_cmd_line(ui, line);
	free(line);
}

/*
 * Drawing the frame around the views: the title bar, the key hints made
 * from the key maps, and the status line. Only the loop calls
 * ui_draw_screen(), once per pass when something is dirty.
 */
#include "config.h"

#include <ncurses.h>
#include <stdio.h>
#include <string.h>

#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "util/i18n.h"

/* Draw s at (y, x) cut or padded to exactly width cells. */
void
ui_draw_text(int y, int x, int width, const char *s, int attr)
{
	char	cell[4096];

	if (width <= 0)
		return;
	ui_text_cell(s, width, cell, sizeof cell);
	attrset(attr);
	mvaddstr(y, x, cell);
	attrset(A_NORMAL);
}

/* The hints line: a few actions of this view with their keys. */
static void
ui_draw_hints(struct ui *ui, struct ui_view *v, int y)
{
	static const struct {
		enum conf_action	 a;
		const char	*label;
	} hints[] = {
		{ ACT_BACK, N_("Quit") }, { ACT_OPEN, N_("Open") },
		{ ACT_RELOAD, N_("Reload") }, { ACT_FETCH_FULLTEXT,
		N_("Full Text") }, { ACT_RELOAD_ALL,
		N_("Reload All") }, { ACT_TOGGLE_READ, N_("Read/Unread") },
		{ ACT_MARK_FEED_READ, N_("Mark Read") }, { ACT_SEARCH,
		N_("Search") }, { ACT_OPEN_BROWSER, N_("Browser") },
		{ ACT_HELP, N_("Help") }, { ACT_PB_DOWNLOAD, N_("Download") },
		{ ACT_PB_PLAY, N_("Play") },
	};
	char	line[1024], keys[128], *sp;
	size_t	i, len = 0;

	line[0] = '\0';
	for (i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		if (!ui_input_works(v, hints[i].a))
			continue;
		conf_keys_for(v->type->ctx, hints[i].a, keys, sizeof keys);
		if (keys[0] == '\0')
			continue;
		/* The first key is enough here; help lists them all. */
		if ((sp = strchr(keys, ' ')) != NULL)
			*sp = '\0';
		snprintf(line + len, sizeof line - len, "%s%s:%s",
		    len ? " " : "", keys, _(hints[i].label));
		len = strlen(line);
	}
	ui_draw_text(y, 0, ui->width, line, ui_colour_attr(ELEM_INFO));
}

static void
ui_draw_status(struct ui *ui, int y)
{
	char	line[UI_MSG_LEN + 128];
	size_t	done = 0, total = 0;

	line[0] = '\0';
	if (ui->refreshing && ui->cfg.poller != NULL) {
		ui->cfg.poller->progress(ui->cfg.poller_arg, &done, &total);
		snprintf(line, sizeof line, _("Refreshing %zu/%zu... %s"),
		    done, total, ui->msg);
	} else
		snprintf(line, sizeof line, "%s", ui->msg);
	ui_draw_text(y, 0, ui->width, line, ui->msg_error ?
	    ui_colour_attr(ELEM_ERROR) : 0);
}

void
ui_draw_screen(struct ui *ui)
{
	struct ui_view	*v = ui_top(ui);
	char		 title[512], bar[640];
	int		 h;

	erase();
	if (v == NULL) {
		refresh();
		return;
	}
	title[0] = '\0';
	if (v->type->title != NULL)
		v->type->title(ui, v, title, sizeof title);
	snprintf(bar, sizeof bar, "%s %s - %s", PACKAGE, VERSION, title);
	ui_draw_text(0, 0, ui->width, bar, ui_colour_attr(ELEM_INFO));
	h = ui_view_height(ui);
	if (ui->height >= UI_TOP_ROWS + UI_BOTTOM_ROWS + 1)
		v->type->draw(ui, v, UI_TOP_ROWS, h, ui->width);
	if (ui->height >= 3)
		ui_draw_hints(ui, v, ui->height - 2);
	if (ui->height >= 2)
		ui_draw_status(ui, ui->height - 1);
	refresh();
}

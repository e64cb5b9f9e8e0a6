/*
 * Keys and mouse to actions, and actions to handlers: the view's handler
 * table first, then the global one (NeoMutt's dispatcher chain). Also the
 * one-line prompt used by search and tag selection.
 */
#include "config.h"

#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "db/db-view.h"
#include "ui/ui-edit.h"
#include "ui/ui-int.h"
#include "ui/ui-text.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

static int
ui_global_back(struct ui *ui, struct ui_view *v)
{
	ui_pop(ui);
	return (0);
}

static int
ui_global_quit(struct ui *ui, struct ui_view *v)
{
	ui->quit = 1;
	return (0);
}

static int
ui_global_help(struct ui *ui, struct ui_view *v)
{
	if (v->type->ctx == CTX_HELP)
		return (0);
	ui_push(ui, view_help_new(ui, v));
	return (0);
}

static int
ui_global_redraw(struct ui *ui, struct ui_view *v)
{
	clearok(curscr, TRUE);
	ui_dirty(ui);
	return (0);
}

static int
ui_global_reload_all(struct ui *ui, struct ui_view *v)
{
	ui_start_refresh(ui, 0);
	return (0);
}

static int
ui_global_search(struct ui *ui, struct ui_view *v)
{
	const char	*w;
	char		*q, *title;

	if ((q = ui_input_prompt(ui, _("Search for: "))) == NULL)
		return (0);
	if (*q != '\0') {
		title = xasprintf(_("Search results for \"%s\""), q);
		ui_push(ui, view_items_new(ui, 3, 0, q, title));
		free(title);
		/* A short part of a word may be inside thousands. */
		if ((w = db_view_search_capped(ui->cfg.db)) != NULL)
			ui_message(ui, 0, ngettext("\"%s\" is part of more "
			    "than %d word: only the shortest was searched "
			    "(type more of it to narrow)", "\"%s\" is part of "
			    "more than %d words: only the %d shortest were "
			    "searched (type more of it to narrow)",
			    DB_VIEW_SEARCH_TERMS), w, DB_VIEW_SEARCH_TERMS,
			    DB_VIEW_SEARCH_TERMS);
	}
	free(q);
	return (0);
}

static int
ui_global_random_unread(struct ui *ui, struct ui_view *v)
{
	view_items_random_unread(ui);
	return (0);
}

static int
ui_global_reload_urls(struct ui *ui, struct ui_view *v)
{
	ui_urls_reload(ui, 1);
	return (0);
}

static int
ui_global_edit_urls(struct ui *ui, struct ui_view *v)
{
	ui_urls_edit(ui);
	return (0);
}

static int
ui_global_add_feed(struct ui *ui, struct ui_view *v)
{
	ui_add_start(ui);
	return (0);
}

static int
ui_global_macro(struct ui *ui, struct ui_view *v)
{
	ui_cmd_macro(ui);
	return (0);
}

static int
ui_global_cmdline(struct ui *ui, struct ui_view *v)
{
	ui_cmdline_prompt(ui);
	return (0);
}

static const struct ui_handler ui_global_handlers[] = {
	{ ACT_BACK, ui_global_back },
	{ ACT_QUIT, ui_global_quit },
	{ ACT_HELP, ui_global_help },
	{ ACT_REDRAW, ui_global_redraw },
	{ ACT_RELOAD_ALL, ui_global_reload_all },
	{ ACT_SEARCH, ui_global_search },
	{ ACT_RANDOM_UNREAD, ui_global_random_unread },
	{ ACT_RELOAD_URLS, ui_global_reload_urls },
	{ ACT_EDIT_URLS, ui_global_edit_urls },
	{ ACT_ADD_FEED, ui_global_add_feed },
	{ ACT_MACRO_PREFIX, ui_global_macro },
	{ ACT_CMDLINE, ui_global_cmdline },
	{ ACT_PODCASTS, view_podcasts_show },
	{ ACT_NONE, NULL }
};

static int
ui_handlers_run(const struct ui_handler *h, struct ui *ui, struct ui_view *v,
    enum conf_action a)
{
	for (; h != NULL && h->action != ACT_NONE; h++)
		if (h->action == a)
			return (h->fn(ui, v));
	return (-1);
}

static int
ui_handlers_have(const struct ui_handler *h, enum conf_action a)
{
	for (; h != NULL && h->action != ACT_NONE; h++)
		if (h->action == a)
			return (1);
	return (0);
}

/*
 * Does a do anything in v: its own handlers, the list's movement (the
 * actions ui_list_action takes), or the global ones? The key hints and
 * the help offer only these, so that no key they show answers "not
 * available here".
 */
int
ui_input_works(const struct ui_view *v, enum conf_action a)
{
	switch (a) {
	case ACT_NONE:
		return (0);
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_TOP:
	case ACT_BOTTOM:
		return (1);
	case ACT_HELP:
		if (v->type->ctx == CTX_HELP)
			return (0);	/* already there */
		break;
	default:
		break;
	}
	return (ui_handlers_have(v->type->handlers, a) ||
	    ui_handlers_have(ui_global_handlers, a));
}

/* Run a in the top view: 0, or -1 when it does nothing there. */
int
ui_input_dispatch(struct ui *ui, enum conf_action a)
{
	struct ui_view	*v = ui_top(ui);

	if (v == NULL || a == ACT_NONE)
		return (-1);
	ui->msg[0] = '\0';
	ui_dirty(ui);
	if (ui_handlers_run(v->type->handlers, ui, v, a) == 0)
		return (0);
	if (ui_list_action(&v->list, a) == 0)
		return (0);
	if (ui_handlers_run(ui_global_handlers, ui, v, a) == 0)
		return (0);
	ui_message(ui, 0, _("%s: not available here"),
	    conf_keys_action_info(a)->name);
	return (-1);
}

/* Two presses on one row this close together are a double click. */
#define UI_DOUBLE_CLICK_MS	400

static long long
ui_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* One mouse event: the wheel scrolls, a press selects, two open. */
static void
ui_mouse_event(struct ui *ui, struct ui_view *v, const MEVENT *ev)
{
	static long long	 last_ms;
	static size_t		 last_row = (size_t)-1;
	long long		 now;
	size_t			 row;

	if (ev->bstate & BUTTON4_PRESSED)
		ui_list_scroll(&v->list, -3);
	else if (ev->bstate & BUTTON5_PRESSED)
		ui_list_scroll(&v->list, 3);
	else if (ev->bstate & BUTTON1_PRESSED) {
		if (ui_list_click(&v->list, ev->y - UI_TOP_ROWS) != 0)
			return;
		now = ui_now_ms();
		row = v->list.top + (size_t)(ev->y - UI_TOP_ROWS);
		if (row == last_row && now - last_ms <= UI_DOUBLE_CLICK_MS) {
			last_row = (size_t)-1;
			ui_input_dispatch(ui, ACT_OPEN);
		} else {
			last_row = row;
			last_ms = now;
		}
	}
	ui_dirty(ui);
}

/* curses may queue several events behind one KEY_MOUSE: take them all. */
static void
ui_mouse(struct ui *ui)
{
	MEVENT	ev;
	int	n = 0;

	while (n++ < 64 && getmouse(&ev) == OK) {
		if (ui_top(ui) == NULL)
			return;
		ui_mouse_event(ui, ui_top(ui), &ev);
	}
}

/* Normalise what get_wch() gave into our key code. */
static int
ui_key_code(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return ('\n');
		return (UI_KEY_FUNC | (int)wc);
	}
	if (wc == '\r')
		return ('\n');
	if (wc == 0x7f || wc == '\b')
		return (UI_KEY_FUNC | KEY_BACKSPACE);
	return ((int)wc);
}

/* Read every key waiting on the terminal and run its action. */
void
ui_input(struct ui *ui)
{
	struct ui_view	*v;
	wint_t		 wc;
	int		 rc, key;

	while (!ui->quit && (rc = get_wch(&wc)) != ERR) {
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			ui_mouse(ui);
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE)
			continue;	/* we follow SIGWINCH ourselves */
		if ((v = ui_top(ui)) == NULL)
			break;
		key = ui_key_code(rc, wc);
		ui->key = key;
		if (ui_cmd_is_prefix(ui, key)) {
			ui_cmd_macro(ui);
			continue;
		}
		ui_input_dispatch(ui, ui_keys_lookup(v->type->ctx, key));
	}
}

/* Wait for one key (a macro's, after the prefix); 0 when cancelled. */
int
ui_input_read_key(struct ui *ui)
{
	wint_t	wc;
	int	rc;

	nodelay(stdscr, FALSE);
	while ((rc = get_wch(&wc)) == ERR && !ui->quit)
		;
	nodelay(stdscr, TRUE);
	if (rc == ERR || (rc == KEY_CODE_YES && wc == KEY_MOUSE))
		return (0);
	return (ui_key_code(rc, wc));
}

/* The prompt's keys, as ui_key_code() gives them: readline's. */
enum {
	UI_PROMPT_EDIT,
	UI_PROMPT_ACCEPT,
	UI_PROMPT_CANCEL
};

#define UI_CTRL(c)	((c) & 0x1f)
#define UI_FUNC(k)	(UI_KEY_FUNC | (k))

static const struct {
	int		 key;
	int		 what;
	enum ui_edit_op	 op;
} ui_prompt_keys[] = {
	{ '\n', UI_PROMPT_ACCEPT, 0 },
	{ 27, UI_PROMPT_CANCEL, 0 },				/* ESC */
	{ UI_CTRL('G'), UI_PROMPT_CANCEL, 0 },
	{ UI_FUNC(KEY_LEFT), UI_PROMPT_EDIT, UI_EDIT_LEFT },
	{ UI_CTRL('B'), UI_PROMPT_EDIT, UI_EDIT_LEFT },
	{ UI_FUNC(KEY_RIGHT), UI_PROMPT_EDIT, UI_EDIT_RIGHT },
	{ UI_CTRL('F'), UI_PROMPT_EDIT, UI_EDIT_RIGHT },
	{ UI_FUNC(KEY_HOME), UI_PROMPT_EDIT, UI_EDIT_HOME },
	{ UI_CTRL('A'), UI_PROMPT_EDIT, UI_EDIT_HOME },
	{ UI_FUNC(KEY_END), UI_PROMPT_EDIT, UI_EDIT_END },
	{ UI_CTRL('E'), UI_PROMPT_EDIT, UI_EDIT_END },
	/* Also DEL and ^H (ui_key_code). */
	{ UI_FUNC(KEY_BACKSPACE), UI_PROMPT_EDIT, UI_EDIT_ERASE },
	{ UI_FUNC(KEY_DC), UI_PROMPT_EDIT, UI_EDIT_DELETE },
	{ UI_CTRL('D'), UI_PROMPT_EDIT, UI_EDIT_DELETE },
	{ UI_CTRL('W'), UI_PROMPT_EDIT, UI_EDIT_KILL_WORD },
	{ UI_CTRL('K'), UI_PROMPT_EDIT, UI_EDIT_KILL_END },
	{ UI_CTRL('U'), UI_PROMPT_EDIT, UI_EDIT_KILL_START },
	{ UI_FUNC(KEY_UP), UI_PROMPT_EDIT, UI_EDIT_HIST_PREV },
	{ UI_CTRL('P'), UI_PROMPT_EDIT, UI_EDIT_HIST_PREV },
	{ UI_FUNC(KEY_DOWN), UI_PROMPT_EDIT, UI_EDIT_HIST_NEXT },
	{ UI_CTRL('N'), UI_PROMPT_EDIT, UI_EDIT_HIST_NEXT },
};

/* What the prompt's keys do, in the help's order. */
static const struct {
	int		 what;
	enum ui_edit_op	 op;
	const char	*help;
} ui_prompt_help[] = {
	{ UI_PROMPT_EDIT, UI_EDIT_LEFT, N_("one character left") },
	{ UI_PROMPT_EDIT, UI_EDIT_RIGHT, N_("one character right") },
	{ UI_PROMPT_EDIT, UI_EDIT_HOME, N_("to the start of the line") },
	{ UI_PROMPT_EDIT, UI_EDIT_END, N_("to the end of the line") },
	{ UI_PROMPT_EDIT, UI_EDIT_ERASE,
	    N_("delete the character before the cursor") },
	{ UI_PROMPT_EDIT, UI_EDIT_DELETE,
	    N_("delete the character under the cursor") },
	{ UI_PROMPT_EDIT, UI_EDIT_KILL_WORD,
	    N_("delete the word before the cursor") },
	{ UI_PROMPT_EDIT, UI_EDIT_KILL_END, N_("delete to the end") },
	{ UI_PROMPT_EDIT, UI_EDIT_KILL_START, N_("delete to the start") },
	{ UI_PROMPT_EDIT, UI_EDIT_HIST_PREV,
	    N_("the previous line typed at this prompt") },
	{ UI_PROMPT_EDIT, UI_EDIT_HIST_NEXT,
	    N_("the next line, at last the one being typed") },
	{ UI_PROMPT_ACCEPT, 0, N_("take the line") },
	{ UI_PROMPT_CANCEL, 0, N_("cancel") },
};

/*
 * Row i of the prompt's keys for the help: the keys (as "LEFT ^B") and
 * what they do, translated; 0 past the end.
 */
int
ui_input_prompt_help_at(size_t i, char *keys, size_t keysz,
    const char **help)
{
	char	name[32];
	size_t	k, len = 0;

	if (i >= sizeof ui_prompt_help / sizeof ui_prompt_help[0])
		return (0);
	keys[0] = '\0';
	for (k = 0; k < sizeof ui_prompt_keys / sizeof ui_prompt_keys[0];
	    k++) {
		if (ui_prompt_keys[k].what != ui_prompt_help[i].what ||
		    (ui_prompt_help[i].what == UI_PROMPT_EDIT &&
		    ui_prompt_keys[k].op != ui_prompt_help[i].op))
			continue;
		conf_keys_name(ui_keys_conf(ui_prompt_keys[k].key), name,
		    sizeof name);
		snprintf(keys + len, keysz - len, "%s%s", len ? " " : "",
		    name);
		len = strlen(keys);
	}
	*help = _(ui_prompt_help[i].help);
	return (1);
}

/* A history for each prompt (by its text), for the session. */
struct ui_prompt_hist {
	char			*prompt;
	struct ui_edit_hist	 hist;
};

static struct ui_edit_hist *
ui_prompt_hist(struct ui *ui, const char *prompt)
{
	struct ui_prompt_hist	*h;
	size_t			 i;

	for (i = 0; i < ui->nhists; i++)
		if (strcmp(ui->hists[i].prompt, prompt) == 0)
			return (&ui->hists[i].hist);
	ui->hists = xreallocarray(ui->hists, ui->nhists + 1,
	    sizeof *ui->hists);
	h = &ui->hists[ui->nhists++];
	memset(h, 0, sizeof *h);
	h->prompt = xstrdup(prompt);
	return (&h->hist);
}

void
ui_input_free(struct ui *ui)
{
	size_t	i;

	for (i = 0; i < ui->nhists; i++) {
		ui_edit_hist_free(&ui->hists[i].hist);
		free(ui->hists[i].prompt);
	}
	free(ui->hists);
	ui->hists = NULL;
	ui->nhists = 0;
}

/*
 * Ask for a line on the status row; returns it (sanitised), or NULL when
 * cancelled with ESC or ^G. It reads the keys itself, blocking: nothing
 * else needs the screen meanwhile, and the poller's notes wait in the pipe.
 */
char *
ui_input_prompt(struct ui *ui, const char *prompt)
{
	return (ui_input_prompt_ex(ui, prompt, NULL, NULL));
}

/* The prompt, with init already typed and Tab calling complete. */
char *
ui_input_prompt_ex(struct ui *ui, const char *prompt, const char *init,
    ui_input_complete_fn *complete)
{
	struct ui_edit_hist	*hist = ui_prompt_hist(ui, prompt);
	struct ui_edit		 e;
	const char		*shown;
	char			*line;
	size_t			 i, n;
	unsigned int		 cp;
	wint_t			 wc;
	int			 rc, pw, room, col, key, what;

	ui_edit_init(&e, hist);
	for (i = 0; init != NULL && init[i] != '\0'; i += n) {
		if ((n = sanitize_utf8_decode((const unsigned char *)init + i,
		    strlen(init + i), &cp)) == 0)
			break;
		(void)ui_edit_do(&e, UI_EDIT_INSERT, cp);
	}
	nodelay(stdscr, FALSE);
	curs_set(1);
	for (;;) {
		pw = ui_text_width(prompt);
		room = ui->width - pw;
		move(ui->height - 1, 0);
		clrtoeol();
		ui_draw_text(ui->height - 1, 0, ui->width, prompt, 0);
		ui_edit_view(&e, room, &shown, &col);
		if (room > 0)
			ui_draw_text(ui->height - 1, pw, room, shown, 0);
		move(ui->height - 1, pw + col < ui->width ? pw + col :
		    ui->width - 1);
		refresh();
		rc = get_wch(&wc);
		if (rc == ERR) {
			if (ui->quit)
				break;
			continue;
		}
		key = ui_key_code(rc, wc);
		what = -1;
		for (i = 0; i < sizeof ui_prompt_keys /
		    sizeof ui_prompt_keys[0]; i++)
			if (ui_prompt_keys[i].key == key) {
				what = ui_prompt_keys[i].what;
				break;
			}
		if (what == UI_PROMPT_ACCEPT) {
			nodelay(stdscr, TRUE);
			curs_set(0);
			ui_dirty(ui);
			line = sanitize_text(e.buf, e.len, 0);
			ui_edit_hist_add(hist, line);
			return (line);
		}
		if (what == UI_PROMPT_CANCEL)
			break;
		if (key == '\t' && complete != NULL) {
			complete(ui, &e);
			continue;
		}
		if (what == UI_PROMPT_EDIT)
			(void)ui_edit_do(&e, ui_prompt_keys[i].op, 0);
		else if (rc == OK)
			(void)ui_edit_do(&e, UI_EDIT_INSERT, (unsigned int)wc);
	}
	nodelay(stdscr, TRUE);
	curs_set(0);
	ui_dirty(ui);
	return (NULL);
}
